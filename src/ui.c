/* The reader's one event loop: poll on the terminal and a self-pipe for
 * signals, block when idle, scan big documents in slices when not; the panes'
 * layout, drawing, the state file and the terminal's setup and restore. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <unistr.h>

#include "brief/mapguard.h"
#include "brief/state.h"
#include "brief/ui_views.h"

/* Signal handlers can only reach a global: the write end of the self-pipe. */
static int sig_pipe[2] = { -1, -1 };
/* A ^C also raises a flag: work too long to wait for the loop takes it
 * (ui_take_interrupt), and the loop then finds that ^C answered. */
static volatile sig_atomic_t int_pending;

int ui_take_interrupt(void)
{
	if (!int_pending)
		return 0;
	int_pending = 0;
	return 1;
}

static void on_signal(int sig)
{
	int saved = errno;
	if (sig == SIGINT)
		int_pending = 1;
	unsigned char c = (unsigned char)sig;
	if (write(sig_pipe[1], &c, 1) < 0) {
		/* Pipe full: a signal of this kind is already pending. */
	}
	errno = saved;
}

static const int handled_signals[] = { SIGWINCH, SIGTSTP, SIGCONT, SIGHUP, SIGTERM, SIGINT,
					 SIGQUIT };

static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	for (size_t i = 0; i < sizeof handled_signals / sizeof handled_signals[0]; i++)
		sigaction(handled_signals[i], &sa, NULL);
}

static void default_signal(int sig)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static int set_cloexec_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -1;
	return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/* ---- layout of the panes ------------------------------------------------ */

static void destroy_windows(struct ui *u)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		if (u->win[i])
			delwin(u->win[i]);
		u->win[i] = NULL;
	}
	if (u->status)
		delwin(u->status);
	u->status = NULL;
	/* Deleting a subwindow touches stdscr, and a touched stdscr is
	 * refreshed by the next wget_wch(): old cells, before the new frame. */
	untouchwin(stdscr);
}

static WINDOW *make_win(int h, int w, int y, int x)
{
	/* derwin(0, ...) means "to the edge": never ask for an empty window. */
	if (h <= 0 || w <= 0)
		return NULL;
	/* Views of stdscr's cells, not copies: every pane is erased and drawn
	 * whole each frame, so none needs cells of its own, and start-up saves
	 * allocating and blanking a screen's worth of them. */
	WINDOW *win = derwin(stdscr, h, w, y, x);
	/* No keypad(): keys are read from stdscr alone, and each call
	 * resends the keypad-transmit string. */
	if (win) {
		idlok(win, TRUE);   /* let doupdate scroll regions instead of repainting */
		leaveok(win, TRUE); /* the cursor is hidden but at a prompt */
	}
	return win;
}

void ui_relayout(struct ui *u)
{
	destroy_windows(u);
	getmaxyx(stdscr, u->rows, u->cols);
	int rows = u->rows, cols = u->cols;
	u->status = make_win(rows >= 1 ? 1 : 0, cols, rows - 1, 0);
	int avail = rows - 1;

	int narrow = cols < 60;
	int panel_w = 0;
	if (!narrow)
		u->overlay_open = 0;
	u->panel_overlay = narrow && u->overlay_open;
	if (u->show_panel && !narrow) {
		panel_w = cols / 3;
		panel_w = panel_w < 26 ? 26 : panel_w > 40 ? 40 : panel_w;
	}
	u->cmp_h = 0;
	if (u->show_compare && u->m->ncmps && avail >= 10) {
		compare_view_build(u, cols - 2);
		int want = compare_view_lines(u) + 1;
		/* Room for a title and two parties' value and gap rows at 80x24. */
		int cap = avail * 2 / 5 > 9 ? avail * 2 / 5 : 9;
		/* But on a short terminal no more than half of the rows below the
		 * title: the article stays readable (9 rows of 11 left it one). */
		if (cap > (avail - 1) / 2)
			cap = (avail - 1) / 2;
		u->cmp_h = want < cap ? want : cap;
	}
	int art_rows = avail - u->cmp_h;
	/* A blank column before the panel's rule keeps the text off it. */
	int art_w = cols - panel_w - (panel_w ? 1 : 0);
	u->art_title = model_has_meta(u->m) && art_rows >= 6;
	int art_h = art_rows - u->art_title;
	u->win[PANE_ARTICLE] = make_win(art_rows, cols - panel_w, 0, 0);
	if (u->panel_overlay)
		u->win[PANE_PANEL] = make_win(art_rows, cols, 0, 0);
	else if (panel_w)
		u->win[PANE_PANEL] = make_win(art_rows, panel_w, 0, cols - panel_w);
	if (u->cmp_h)
		u->win[PANE_COMPARE] = make_win(u->cmp_h, cols, art_rows, 0);
	if (!u->win[u->focus])
		u->focus = u->panel_overlay && u->win[PANE_PANEL] ? PANE_PANEL : PANE_ARTICLE;
	if (u->panel_overlay)
		u->focus = PANE_PANEL;
	u->drawn_ok = 0;
	vp_resize(&u->vp, art_w, art_h);
}

static void query_size(struct ui *u)
{
	struct winsize ws;
	/* The panes are stdscr's subwindows: gone before it is resized. */
	destroy_windows(u);
	if (ioctl(u->tty_fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	ui_relayout(u);
}

/* ---- drawing -------------------------------------------------------------- */

static void draw(struct ui *u)
{
	if (u->need_clear) {
		clearok(curscr, TRUE);
		u->need_clear = 0;
		u->drawn_ok = 0;
	}
	if (u->help || u->panel_overlay)
		u->drawn_ok = 0;    /* the article's rows are not on screen */
	if (u->help) {
		help_draw(u);
		curs_set(0);
		doupdate();
		return;
	}
	wnoutrefresh(stdscr);
	if (u->win[PANE_ARTICLE] && !u->panel_overlay)
		article_draw(u);
	if (u->win[PANE_PANEL])
		panel_draw(u);
	if (u->win[PANE_COMPARE])
		compare_view_draw(u);
	if (u->status) {
		/* The window refreshed last places the cursor: only a prompt
		 * shows it, otherwise parking it would cost bytes each frame. */
		leaveok(u->status, !u->prompting && !mark_pending(u));
		status_draw(u);
	}
	curs_set(u->prompting || mark_pending(u) ? 1 : 0);
	/* A frame drawn from lost pages (mapguard.h) is not shown. */
	if (!mapguard_tripped())
		doupdate();
}

/* ---- state file ------------------------------------------------------------ */

static void load_state(struct ui *u)
{
	if (u->opt->no_state)
		return;
	char *path = state_path();
	if (!path)
		return;
	struct state_entry e;
	char *warning = NULL;
	int rc = state_load(path, u->state_key, &e, &warning);
	if (warning) {
		char *shown = doc_sanitize_cstr(warning);
		status_message(u, 1, "%s", shown);
		free(shown);
		free(warning);
	}
	int far = rc == 1 && e.pos > u->m->doc.ready;
	for (int i = 0; rc == 1 && i < 26; i++)
		far |= e.marks[i] != SIZE_MAX && e.marks[i] > u->m->doc.ready;
	if (far)
		doc_prepare_all(&u->m->doc);
	if (rc == 1 && e.pos <= u->m->doc.len) {
		vp_set_anchor(&u->vp, e.pos);
		for (int i = 0; i < 26; i++)
			u->vp.marks[i] = e.marks[i] <= u->m->doc.len ? e.marks[i] : SIZE_MAX;
	}
	free(path);
}

/* pos: the reader's anchor, as it was before anything read the file's lost
 * pages (see mapguard.h). */
static void save_state(struct ui *u, size_t pos)
{
	if (u->opt->no_state || !u->vp.cache)
		return;
	char *path = state_path();
	if (!path)
		return;
	struct state_entry e = { .key = u->state_key, .pos = pos };
	for (int i = 0; i < 26; i++)
		e.marks[i] = u->vp.marks[i];
	char *warning = NULL;
	if (state_save(path, &e, &warning) != 0 && warning) {
		char *shown = doc_sanitize_cstr(warning);
		fprintf(stderr, "brief: %s\n", shown);
		free(shown);
	}
	free(warning);
	free(path);
}

/* ---- signals ---------------------------------------------------------------- */

/* Every way out of curses goes through here: the margin mode first. */
static void leave_terminal(void)
{
	margins_release();
	endwin();
	/* Without an alternate screen (vt100, the Linux console) the last
	 * frame stays, the cursor on its status row, where the shell's prompt
	 * would overwrite only its start: that row is cleared, as less does. */
	const char *el = term_cap("el");
	if (!term_cap("rmcup") && el) {
		putp("\r");
		putp(el);
		fflush(stdout);
	}
}

static void suspend(struct ui *u)
{
	margins_await(u);
	leave_terminal();
	default_signal(SIGTSTP);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGTSTP);
	/* Here again after fg. */
	catch_signals();
	u->need_clear = 1;
	query_size(u);
}

static int handle_signals(struct ui *u)
{
	unsigned char sigs[64];
	ssize_t n = read(sig_pipe[0], sigs, sizeof sigs);
	for (ssize_t i = 0; i < n; i++) {
		switch (sigs[i]) {
		case SIGWINCH:
			query_size(u);
			break;
		case SIGTSTP:
			suspend(u);
			break;
		case SIGCONT:
			u->need_clear = 1;
			query_size(u);
			break;
		default:
			if (sigs[i] == SIGINT && !ui_take_interrupt())
				break;          /* it stopped a search */
			if (sigs[i] == SIGINT && (u->prompting || u->help || mark_pending(u))) {
				/* ^C cancels a prompt, a pending mark or help,
				 * and a count typed in help. */
				u->prompting = 0;
				u->count = 0;
				u->has_count = 0;
				u->help = 0;
				u->prompt_char = 0;
				buf_reset(&u->input);
				break;
			}
			return sigs[i];
		}
	}
	return 0;
}

/* ---- setup ------------------------------------------------------------------ */

static int open_terminal(struct ui *u)
{
	int in = isatty(STDIN_FILENO) ? STDIN_FILENO : -1;
	if (in < 0) {
		/* The article came through a pipe: keys come from the terminal. */
		in = open("/dev/tty", O_RDWR | O_CLOEXEC);
		if (in < 0) {
			fprintf(stderr, "brief: cannot open /dev/tty for keys: %s\n", strerror(errno));
			return -1;
		}
	} else if ((in = dup(in)) < 0) {
		fprintf(stderr, "brief: cannot take keys from the terminal: %s\n", strerror(errno));
		return -1;
	}
	u->tin = fdopen(in, "r");
	if (!u->tin) {
		fprintf(stderr, "brief: cannot take keys from the terminal: %s\n", strerror(errno));
		close(in);
		return -1;
	}
	u->tty_fd = in;
	/* stdout, and nothing else: putp() and mvcur() in ui_termscroll.c
	 * write there through stdio whatever SCREEN they serve. */
	u->tout = stdout;
	return 0;
}

/* Whatever ends the process while curses has the terminal (exit() on out
 * of memory, a sanitizer's report) still gives the terminal back. */
static int curses_up;           /* a SCREEN exists: isendwin() means something */

static void restore_terminal_at_exit(void)
{
	if (curses_up && !isendwin())
		leave_terminal();
}

static void ui_free(struct ui *u)
{
	panel_free(u);
	compare_view_free(u);
	selection_clear(u);
	vp_free(&u->vp);
	free(u->rolebuf);
	free(u->mbuf);
	buf_free(&u->msg);
	buf_free(&u->input);
	for (int i = 0; i < u->nhistory; i++)
		free(u->history[i]);
	keymap_free(u->keys);
	if (u->tin)
		fclose(u->tin);
	free(u);
}

/* Signals back to their defaults before the pipe they write to goes. */
static void close_signal_pipe(void)
{
	for (size_t i = 0; i < sizeof handled_signals / sizeof handled_signals[0]; i++)
		default_signal(handled_signals[i]);
	close(sig_pipe[0]);
	close(sig_pipe[1]);
	sig_pipe[0] = sig_pipe[1] = -1;
}

/* An unusable terminal type, named between before and after (sanitised:
 * it is outside text). */
static int refuse_terminal(const struct ui *u, const char *before, const char *after)
{
	const char *t = u->opt->term ? u->opt->term : getenv("TERM");
	char *shown = doc_sanitize_cstr(t ? t : "(unset)");
	fprintf(stderr, "brief: %s'%s'%s\n", before, shown, after);
	free(shown);
	return BRIEF_EXIT_USAGE;
}

static int start_curses(struct ui *u)
{
	/* Our handlers first: ncurses keeps handlers it finds installed. */
	catch_signals();
	u->scr = newterm(u->opt->term, u->tout, u->tin);
	if (!u->scr)
		return refuse_terminal(u, "cannot use terminal type ", "");
	/* A terminal that cannot place the cursor (TERM=dumb: Emacs' shell,
	 * some CI logs) would show the status line alone over an empty
	 * screen: refused, as an unusable terminal type.  Nothing was drawn
	 * yet; only the tty modes newterm() set are put back. */
	if (!term_cap("cup")) {
		reset_shell_mode();
		delscreen(u->scr);
		u->scr = NULL;
		return refuse_terminal(u, "terminal type ",
				       " cannot move the cursor (use --dump, or set TERM)");
	}
	atexit(restore_terminal_at_exit);
	set_term(u->scr);
	curses_up = 1;
	/* ncurses 6.3+ flushes after every cursor move until the screen has
	 * been through endwin() once (SP->_endwin stays ewInitial), which
	 * splits each frame into a write(2) per jump.  One cycle now, before
	 * colours, keypad and cursor are set up so that the resume has
	 * nothing to restore, makes a frame one write.  (Resumed with colours
	 * on, ncurses sends oc, OSC 104 on xterm, and resets a palette the
	 * user had set; folding the cycle into the first frame would save
	 * 270K instructions but do that.) */
	endwin();
	doupdate();
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	leaveok(stdscr, TRUE);      /* help is drawn on it, with no cursor */
	/* Release and click are asked for too: a lone release must decode as
	 * an event or ncurses waits in read() for more, and a press and release
	 * read together arrive as a click. */
	mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED
		  | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	margins_probe(u);
	theme_init(u);
	draw_set_ascii(u->ascii && strcmp(nl_langinfo(CODESET), "UTF-8") != 0);
	return 0;
}

int ui_run(struct model *m, const struct ui_options *o)
{
	struct ui *u = xcalloc(1, sizeof *u);
	u->m = m;
	u->opt = o;
	u->ascii = o->ascii;
	u->show_panel = 1;
	u->show_compare = 1;
	u->focus = PANE_ARTICLE;
	vp_init(&u->vp, &m->doc, m->body_line, m->body);
	u->keys = keymap_new();
	if (keymap_defaults(u->keys) != 0) {
		fputs("brief: bad default key table\n", stderr);
		ui_free(u);
		return 1;
	}
	/* Keyed by the bytes as read: the same before and after checking.
	 * Hashing a long text's two ends is 0.9M instructions: not for nothing. */
	if (!o->no_state)
		u->state_key = state_key(m->doc.orig, m->doc.orig_len);

	if (pipe(sig_pipe) != 0 || set_cloexec_nonblock(sig_pipe[0]) != 0
	    || set_cloexec_nonblock(sig_pipe[1]) != 0) {
		fprintf(stderr, "brief: pipe: %s\n", strerror(errno));
		ui_free(u);
		return 1;
	}
	int rc = open_terminal(u) != 0 ? BRIEF_EXIT_NOINPUT : start_curses(u);
	if (rc != 0) {
		close_signal_pipe();
		ui_free(u);
		return rc;
	}

	/* Enough for the first screens to show their highlights; the rest is
	 * scanned after the first paint.  A document already checked whole at
	 * open (a commentary is) is scanned whole: its first paint is then
	 * final, with no second frame of counts catching up. */
	model_scan_step(m, doc_complete(&m->doc) ? SIZE_MAX : (size_t)32 << 10);
	panel_update(u);
	ui_relayout(u);
	load_state(u);

	int exit_sig = 0;
	int64_t last_draw = 0;
	int dirty = 1;                  /* input, a signal or the scan's end */
	size_t good_pos = u->vp.anchor;
	int looped = 0;
	/* A mapped file that shrank: end cleanly, main says why.  Its size
	 * is asked each turn (one fstat): a shrink within its last page
	 * faults nowhere. */
	while (!u->quit && !exit_sig && !doc_shrank(&m->doc)) {
		good_pos = u->vp.anchor;
		looped = 1;
		int scanning = !model_scan_done(m);
		/* While scanning, the panel's counts refresh a few times a second,
		 * not after every slice: a frame costs more than a slice. */
		int64_t now = now_ms();
		int drew = 0;
		if (dirty || !scanning || now - last_draw >= 100) {
			draw(u);
			last_draw = now;
			dirty = 0;
			drew = 1;
			if (mapguard_tripped())
				break;
		}
		struct pollfd fds[2] = {
			{ .fd = u->tty_fd, .events = POLLIN },
			{ .fd = sig_pipe[0], .events = POLLIN },
		};
		/* Block when idle; only a pending scan keeps the loop turning.
		 * A millisecond's pause after a frame lets whoever reads the
		 * terminal (sshd, the emulator) have the CPU before the next
		 * slice: sharing a core with the scan, the 100 MB document's
		 * first paint was seen after a median 9.3 ms, with it 7.6. */
		int r = poll(fds, 2, scanning ? drew : -1);
		if (r < 0 && errno != EINTR)
			break;
		if (r > 0)
			dirty = 1;
		if (r > 0 && fds[1].revents & POLLIN)
			exit_sig = handle_signals(u);
		if (exit_sig)
			break;
		if (r > 0 && fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			if (fds[0].revents & (POLLHUP | POLLERR) && !(fds[0].revents & POLLIN)) {
				exit_sig = SIGHUP;  /* the terminal went away */
				break;
			}
			ui_read_keys(u);
		}
		if (scanning) {
			model_scan_step(m, (size_t)2 << 20);
			panel_update(u);
			model_release(m);
			if (model_scan_done(m))
				selection_refresh(u);   /* all occurrences are known now */
		}
	}
	/* The terminal first, so a warning from saving is seen. */
	if (exit_sig != SIGHUP && exit_sig != SIGTERM)
		margins_await(u);   /* the user is still at this terminal */
	leave_terminal();
	/* Lost pages before the loop (the key hashed, the position sought)
	 * leave the state file as it was: nothing read since is to keep. */
	if (!mapguard_tripped())
		save_state(u, u->vp.anchor);
	else if (looped)
		save_state(u, good_pos);
	destroy_windows(u);
	curses_up = 0;      /* with no SCREEN, isendwin() says FALSE */
	delscreen(u->scr);
	int status = u->exit_status;
	ui_free(u);
	close_signal_pipe();
	if (exit_sig) {
		/* Die of the signal, as the parent expects, terminal restored. */
		raise(exit_sig);
		return 128 + exit_sig;
	}
	return status;
}
