/* Scrolling the article beside the panel in place, with left and right
 * margins (DECSLRM), on terminals that confirm they have them.
 *
 * ncurses scrolls only whole rows (csr), so with the panel beside the
 * article a one-line scroll rewrote every row of the article: ~1.6 KB per
 * key against less's ~80 bytes.  Where the terminal has left/right margins
 * the article's rectangle can be scrolled by the terminal itself; curscr is
 * then shifted the same way, so ncurses' picture of the screen stays exact
 * and doupdate() sends only the rows that came into view.
 *
 * terminfo's smglr is not enough: TERM=xterm-256color names it, yet VTE
 * and others that set that TERM ignore it.  So the terminal is asked
 * (DECRQM for mode 69, DECLRMM) and the feature is used only once it
 * answers "known"; one that never answers (tmux, most others) keeps plain
 * ncurses scrolling. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "brief/ui_views.h"

/* After the project headers: term.h defines macros such as "lines". */
#include <term.h>

/* The answers to "\033[?69$p": CSI ? 69 ; Ps $ y, Ps 0 unknown mode,
 * 1 set, 2 reset, 3 permanently set, 4 permanently reset. */
static const char *const answers[] = {
	"\033[?69;1$y", "\033[?69;2$y", "\033[?69;3$y",   /* has margins */
	"\033[?69;0$y", "\033[?69;4$y",                  /* has not */
};

static const char *cap(const char *name)
{
	char *s = tigetstr(name);
	return s && s != (char *)-1 ? s : NULL;
}

/* A key code that no key string is bound to yet. */
static int free_code(int from)
{
	for (int c = from; c < from + 512; c++) {
		char *s = keybound(c, 0);
		if (!s)
			return c;
		free(s);
	}
	return -1;
}

void margins_probe(struct ui *u)
{
	u->slrm = 0;
	u->slrm_yes = u->slrm_no = -1;
	if (u->opt->no_margins)
		return;
	static const char *const needed[] = { "smglr", "mgc", "csr", "indn", "rin" };
	for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
		if (!cap(needed[i]))
			return;
	/* The answers become keys, so they are consumed whole and never read
	 * as '?', '6', '9'... by whatever prompt is open. */
	int yes = free_code(KEY_MAX + 1);
	int no = yes < 0 ? -1 : free_code(yes + 1);
	if (no < 0)
		return;
	for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++)
		if (define_key(answers[i], i < 3 ? yes : no) == ERR)
			return;
	u->slrm_yes = yes;
	u->slrm_no = no;
	putp("\033[?69$p");
	fflush(stdout);
}

int margins_answer(struct ui *u, wint_t ch, int is_fn)
{
	if (!is_fn || (u->slrm_yes < 0 && u->slrm_no < 0))
		return 0;
	if ((int)ch == u->slrm_yes)
		u->slrm = 1;
	else if ((int)ch == u->slrm_no)
		u->slrm = 0;
	else
		return 0;
	return 1;
}

/* curscr row dst takes row src's cells in [left, left + w); src < 0 blanks. */
static void copy_row(int dst, int src, int left, int w, cchar_t *buf)
{
	if (src >= 0) {
		mvwin_wchnstr(curscr, src, left, buf, w);
	} else {
		cchar_t blank;
		setcchar(&blank, L" ", A_NORMAL, 0, NULL);
		for (int i = 0; i < w; i++)
			buf[i] = blank;
	}
	mvwadd_wchnstr(curscr, dst, left, buf, w);
}

int margins_scroll(struct ui *u, int top, int bot, int left, int right, int n)
{
	int h = bot - top + 1, w = right - left + 1;
	if (!u->slrm || n == 0 || h < 2 || w < 1 || n >= h || -n >= h)
		return 0;
	/* Normal attributes are in force between frames (doupdate ends with
	 * them), so the rows scrolled in are plain blanks, as in curscr.  No
	 * sc/rc around it: some terminals (libvterm) keep one saved cursor for
	 * both screens, and leaving the alternate screen restores from it. */
	putp(tiparm(cap("csr"), top, bot));
	putp(tiparm(cap("smglr"), left, right));
	putp(tiparm(n > 0 ? cap("indn") : cap("rin"), n > 0 ? n : -n));
	putp(cap("mgc"));
	putp(tiparm(cap("csr"), 0, LINES - 1));
	/* csr homed the cursor; mvcur() from "unknown" puts it, absolutely,
	 * where the first new row starts and tells ncurses so. */
	mvcur(-1, -1, n > 0 ? bot - n + 1 : top, left);
	/* putp() and mvcur() go through stdio, doupdate() through ncurses'
	 * own buffer: this must reach the terminal before the frame. */
	fflush(stdout);

	cchar_t *buf = xcalloc((size_t)w + 1, sizeof *buf);
	if (n > 0) {
		for (int y = top; y <= bot; y++)
			copy_row(y, y + n <= bot ? y + n : -1, left, w, buf);
	} else {
		for (int y = bot; y >= top; y--)
			copy_row(y, y + n >= top ? y + n : -1, left, w, buf);
	}
	free(buf);
	return 1;
}
