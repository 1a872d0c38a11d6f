/* Moving the article's rows on the terminal itself, ahead of doupdate().
 *
 * ncurses scrolls only whole rows (csr), and only when the whole row moves,
 * so with the panel beside the article a one-line scroll rewrote every row
 * of the article: ~1.6 KB per key against less's ~80 bytes.  Each way here
 * is followed by the same shift of curscr, so that ncurses' picture of the
 * screen stays exact and doupdate() sends only what really changed:
 *
 * - At full width, whole rows: what ncurses would do, in fewer bytes.
 * - Beside the panel, left/right margins (DECSLRM): the terminal scrolls
 *   the article's rectangle alone.  terminfo's smglr is not proof (VTE sets
 *   TERM=xterm-256color and ignores it), so the terminal is asked (DECRQM
 *   for mode 69, DECLRMM) and the margins are used only after it answers
 *   that it knows them; tmux and most others never answer.
 * - Beside the panel otherwise, whole rows, the panel moving with them,
 *   when the panel is lighter to repaint than the article. */
#include "config.h"

#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/ui_core.h"

/* After the project headers: term.h defines macros such as "lines". */
#include <term.h>

/* The answers to "\033[?69$p": CSI ? 69 ; Ps $ y, Ps 0 unknown mode,
 * 1 set, 2 reset, 3 permanently set, 4 permanently reset. */
static const char *const answers[] = {
	"\033[?69;1$y", "\033[?69;2$y", "\033[?69;3$y",   /* has margins */
	"\033[?69;0$y", "\033[?69;4$y",                  /* has not */
};

/* The terminfo strings a scroll needs, looked up once by margins_probe. */
static struct {
	const char *csr, *indn, *rin;       /* whole rows */
	/* il, dl and cup are exactly ECMA-48's IL, DL and CUP. */
	int il_dl;
} cap;

/* The terminal's answer: slrm once it confirmed left/right margins; the
 * key codes its answers come as (-1: not asked); whether the first came
 * (a later one still counts); when the question went out. */
static struct {
	int slrm;
	int yes, no;
	int answered;
	int64_t asked_ms;
} probe = { 0, -1, -1, 0, 0 };

/* DECLRMM stays set from the first scroll in margins until the terminal is
 * given back, so a scroll costs DECSLRM alone, not the mode's set and reset
 * around it too (12 bytes a line against less's 45 at 80 columns).  With the
 * mode set and the margins at full width the terminal behaves as without. */
static int lrmm_set;

const char *term_cap(const char *name)
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

void margins_probe(int no_margins)
{
	cap.csr = term_cap("csr");
	cap.indn = term_cap("indn");
	cap.rin = term_cap("rin");
	const char *il = term_cap("il"), *dl = term_cap("dl"), *cup = term_cap("cup");
	cap.il_dl = il && dl && cup && strcmp(il, "\033[%p1%dL") == 0 && strcmp(dl, "\033[%p1%dM") == 0
		    && strcmp(cup, "\033[%i%p1%d;%p2%dH") == 0;
	probe.yes = probe.no = -1;
	/* terminfo must know margins (smglr, mgc); the sequences sent are the
	 * DEC ones its answer vouches for.  With DECLRMM set, CSI s is DECSLRM,
	 * so a terminal type whose save-cursor is CSI s cannot have it set. */
	const char *sc = term_cap("sc");
	if (no_margins || !cap.csr || !cap.indn || !cap.rin || !term_cap("smglr")
	    || !term_cap("mgc") || (sc && strcmp(sc, "\033[s") == 0))
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
	probe.yes = yes;
	probe.no = no;
	putp("\033[?69$p");
	fflush(stdout);
	probe.asked_ms = now_ms();
}

int margins_answer(wint_t ch, int is_fn)
{
	if (!is_fn || probe.yes < 0)
		return 0;
	if ((int)ch == probe.yes)
		probe.slrm = 1;
	else if ((int)ch != probe.no)
		return 0;
	probe.answered = 1;
	return 1;
}

/* Terminals answer within a round trip: one that has not a second after
 * the question is taken never to (mosh, for one), and a quit then costs no
 * wait at all; an earlier quit waits out that second, 300 ms at most. */
#define ANSWER_EXPECTED_MS 1000
#define ANSWER_WAIT_MS 300

void margins_await(int tty_fd)
{
	if (probe.yes < 0 || probe.answered)
		return;
	/* Until the second is up, and 300 ms from now at most. */
	int64_t until = probe.asked_ms + ANSWER_EXPECTED_MS, cap_ms = now_ms() + ANSWER_WAIT_MS;
	if (cap_ms < until)
		until = cap_ms;
	for (;;) {
		/* ncurses may hold it already, read along with the last key.
		 * Keys typed meanwhile are dropped: the reader is closing or
		 * stopping, and a half-read key would be worse. */
		wint_t ch;
		int r;
		while ((r = wget_wch(stdscr, &ch)) != ERR)
			margins_answer(ch, r == KEY_CODE_YES);
		int64_t left = until - now_ms();
		if (probe.answered || left <= 0)
			return;
		struct pollfd p = { .fd = tty_fd, .events = POLLIN };
		if (poll(&p, 1, (int)left) <= 0)
			return;
	}
}

void margins_release(void)
{
	if (!lrmm_set)
		return;
	putp("\033[?69l");        /* the margins go with the mode */
	fflush(stdout);
	lrmm_set = 0;
}

/* curscr follows the terminal: rows [top, bot] move by n, first w cells.
 *
 * ncurses keeps a hash of every row of curscr and, before each update,
 * matches the new rows against those hashes to find scrolls of its own.
 * Rows changed behind its back keep their old hashes, which the new rows
 * then match one row off: ncurses would scroll them a second time and
 * rewrite them all.  wredrawln() marks the rows as thrown away and hashes
 * them so (as nothing on screen); the moved cells are written after it. */
static void shift_curscr(WINDOW *win, int top, int bot, int w, int n)
{
	int h = bot - top + 1;
	size_t stride = (size_t)w + 1;
	cchar_t *buf = xcalloc((size_t)h * stride, sizeof *buf);
	for (int y = 0; y < h; y++)
		mvwin_wchnstr(curscr, top + y, 0, buf + (size_t)y * stride, w);
	wredrawln(win, top - getbegy(win), h);
	cchar_t *blank = xcalloc(stride, sizeof *blank);
	for (int i = 0; i < w; i++)
		setcchar(&blank[i], L" ", A_NORMAL, 0, NULL);
	for (int y = 0; y < h; y++) {
		int src = y + n;
		mvwadd_wchnstr(curscr, top + y, 0, src >= 0 && src < h ? buf + (size_t)src * stride : blank, w);
	}
	free(blank);
	free(buf);
}

/* Cells in rows [top, bot], columns [x0, x1) of curscr that are not blank,
 * about what repainting them costs; counting stops past `enough`. */
static long inked(int top, int bot, int x0, int x1, long enough, cchar_t *buf)
{
	long k = 0;
	for (int y = top; y <= bot && k <= enough; y++) {
		mvwin_wchnstr(curscr, y, x0, buf, x1 - x0);
		for (int x = 0; x < x1 - x0; x++) {
			wchar_t wc[CCHARW_MAX + 1];
			attr_t a;
			short pair;
			if (getcchar(&buf[x], wc, &a, &pair, NULL) != ERR && (wc[0] != L' ' || a != A_NORMAL))
				k++;
		}
	}
	return k;
}

/* A count as a CSI parameter: 1 is the default, left out. */
static void count_param(char num[16], int count)
{
	num[0] = '\0';
	if (count > 1)
		snprintf(num, 16, "%d", count);
}

/* Whole rows [top, bot] up by n (down if n < 0) with no scroll region:
 * delete the rows leaving at one end and insert blanks at the other, the
 * rows below bot stepping up and back down within the same write.  15
 * bytes a line against the region's 22 (set it, scroll, reset it, then an
 * absolute move, since the reset homes the cursor only on most terminals).
 * Each row is entered at column 0, where ECMA-48 (the cursor stays) and DEC
 * (it goes to the left margin) agree, so ncurses knows where it is after. */
static void delete_insert_rows(int top, int bot, int n)
{
	int count = n > 0 ? n : -n;
	int low = bot - count + 1;          /* the region's last count rows */
	char num[16], seq[48];
	count_param(num, count);
	/* Up: out at the top, blanks in at the bottom.  Down: out at the
	 * bottom, blanks in at the top.  The rows below (none when bot is the
	 * screen's last) step up and back. */
	int del = n > 0 ? top : low, ins = n > 0 ? low : top;
	snprintf(seq, sizeof seq, "\033[%dH\033[%sM", del + 1, num);
	putp(seq);
	/* Through ncurses, which so knows the cursor is on the row to draw. */
	mvcur(del, 0, ins, 0);
	snprintf(seq, sizeof seq, "\033[%sL", num);
	putp(seq);
}

/* The terminal scrolls rows [top, bot] by n, only columns [0, right] with
 * margins (right >= 0) or whole rows (right < 0); curscr follows.  dec: the
 * terminal vouched for DEC's margins, and so for DEC's short forms and for
 * DECSTBM homing the cursor; win holds the rows moved, at the screen's left
 * edge. */
static void scroll_now(WINDOW *win, int top, int bot, int right, int n, int dec)
{
	/* Normal attributes are in force between frames (doupdate ends with
	 * them), so the rows scrolled in are plain blanks, as in curscr.  No
	 * sc/rc around it: some terminals (libvterm) keep one saved cursor for
	 * both screens, and leaving the alternate screen restores from it. */
	if (right < 0 && cap.il_dl) {
		delete_insert_rows(top, bot, n);
	} else {
		int row = n > 0 ? bot - n + 1 : top;   /* where the first new row goes */
		int count = n > 0 ? n : -n;
		putp(tiparm(cap.csr, top, bot));
		if (dec) {
			/* DEC's short forms: the count of 1 and whole-screen
			 * margins left out. */
			char num[16], lr[32] = "", seq[96];
			count_param(num, count);
			if (right >= 0) {
				if (!lrmm_set)
					putp("\033[?69h");
				lrmm_set = 1;
				snprintf(lr, sizeof lr, "\033[1;%ds", right + 1);
			}
			snprintf(seq, sizeof seq, "%s\033[%s%c%s\033[r", lr, num, n > 0 ? 'S' : 'T',
				 right >= 0 ? "\033[s" : "");
			putp(seq);
			/* DECSTBM homed the cursor, so ncurses may move relative
			 * from there: to the top row that is one line feed.  (A
			 * move from home to home is skipped without telling
			 * ncurses where it is.) */
			mvcur(row ? 0 : -1, row ? 0 : -1, row, 0);
		} else {
			putp(tiparm(n > 0 ? cap.indn : cap.rin, count));
			putp(tiparm(cap.csr, 0, LINES - 1));
			/* csr homed the cursor, on most terminals: mvcur() from
			 * "unknown" puts it, absolutely, where the first new row
			 * starts. */
			mvcur(-1, -1, row, 0);
		}
	}
	/* putp() and mvcur() go through stdio, doupdate() through ncurses'
	 * own buffer: this must reach the terminal before the frame. */
	fflush(stdout);

	shift_curscr(win, top, bot, right >= 0 ? right + 1 : COLS, n);
}

int term_scroll(WINDOW *win, int top, int bot, int n)
{
	int right = getbegx(win) == 0 ? getmaxx(win) - 1 : -1;
	int h = bot - top + 1;
	if (n == 0 || h < 2 || right < 0 || right >= COLS || n >= h || -n >= h)
		return 0;
	int rows = cap.il_dl || (cap.csr && cap.indn && cap.rin);    /* whole rows can */
	if (right == COLS - 1) {
		/* Full width: whole rows, as ncurses would scroll them, in fewer
		 * bytes than its save, region, restore, line feed, reset dance. */
		if (!rows)
			return 0;
		scroll_now(win, top, bot, -1, n, probe.slrm);
		return 1;
	}
	if (probe.slrm) {
		scroll_now(win, top, bot, right, n, 1);
		return 1;
	}
	/* Whole rows move what is beside the article too, which must then be
	 * repainted: worth it when that is well under half the ink of the
	 * article rows the scroll keeps (a page scroll keeps few). */
	if (!rows)
		return 0;
	int kept_top = n > 0 ? top + n : top, kept_bot = n > 0 ? bot : bot + n;
	cchar_t *buf = xcalloc((size_t)COLS + 1, sizeof *buf);
	long beside = inked(top, bot, right + 1, COLS, LONG_MAX, buf);
	long kept = inked(kept_top, kept_bot, 0, right + 1, beside * 2, buf);
	free(buf);
	if (beside * 2 >= kept)
		return 0;
	scroll_now(win, top, bot, -1, n, 0);
	return 1;
}
