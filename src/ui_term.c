/* The terminal: where keys come from, curses set up on it (modes, mouse,
 * colours, capabilities), and given back on every way out, the ways that
 * do not come back through the loop included (exit() on out of memory, a
 * sanitizer's report). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "brief/document.h"
#include "brief/ui_loop.h"

/* After the project headers: term.h defines macros such as "lines". */
#include <term.h>

int tty_open(struct tty *t)
{
	int in = isatty(STDIN_FILENO) ? STDIN_FILENO : -1;
	if (in < 0) {
		/* The article came through a pipe: keys come from the terminal. */
		in = open("/dev/tty", O_RDWR | O_CLOEXEC);
		if (in < 0) {
			fprintf(stderr, "brief: cannot open /dev/tty for keys: %s\n", strerror(errno));
			return BRIEF_EXIT_NOINPUT;
		}
	} else if ((in = dup(in)) < 0) {
		fprintf(stderr, "brief: cannot take keys from the terminal: %s\n", strerror(errno));
		return BRIEF_EXIT_NOINPUT;
	}
	t->tin = fdopen(in, "r");
	if (!t->tin) {
		fprintf(stderr, "brief: cannot take keys from the terminal: %s\n", strerror(errno));
		close(in);
		return BRIEF_EXIT_NOINPUT;
	}
	t->tty_fd = in;
	/* stdout, and nothing else: putp() and mvcur() in ui_termscroll.c
	 * write there through stdio whatever SCREEN they serve. */
	t->tout = stdout;
	return 0;
}

int tty_gone(const struct tty *t)
{
	/* A terminal that hung up polls as readable (with POLLHUP, or POLLERR
	 * and EIO), and reads as its end: nothing waiting, yet readable. */
	struct pollfd p = { .fd = t->tty_fd, .events = POLLIN };
	if (poll(&p, 1, 0) <= 0)
		return 0;
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return 1;
	int waiting = 0;
	return (p.revents & POLLIN) && ioctl(t->tty_fd, FIONREAD, &waiting) == 0 && waiting == 0;
}

void tty_leave(void)
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

/* Whatever ends the process while curses has the terminal (exit() on out
 * of memory, a sanitizer's report) still gives the terminal back. */
static int curses_up;           /* a SCREEN exists: isendwin() means something */

static void restore_terminal_at_exit(void)
{
	if (curses_up && !isendwin())
		tty_leave();
}

/* An unusable terminal type, named between before and after (sanitised:
 * it is outside text). */
static int refuse_terminal(const char *term_name, const char *before, const char *after)
{
	const char *t = term_name ? term_name : getenv("TERM");
	char *shown = doc_sanitize_name(t ? t : "(unset)");
	fprintf(stderr, "brief: %s'%s'%s\n", before, shown, after);
	free(shown);
	return BRIEF_EXIT_USAGE;
}

static int no_memory(int rows, int cols)
{
	if (rows > 0 && cols > 0)
		fprintf(stderr, "brief: out of memory setting up a screen of %d x %d\n", rows, cols);
	else
		fputs("brief: out of memory setting up the screen\n", stderr);
	return BRIEF_EXIT_NOMEM;
}

/* newterm() answers NULL alike for a terminal type it does not know, a
 * screen larger than curses holds (its sizes are shorts) and a lack of
 * memory: which it was, said as such.  e: errno after newterm(). */
static int no_screen(const struct tty *t, const char *term_name, int e)
{
	if (e == ENOMEM)
		return no_memory(0, 0);
	int err = 0;
	errno = 0;
	if (setupterm(term_name, fileno(t->tout), &err) != OK) {
		if (errno == ENOMEM)
			return no_memory(0, 0);
		return refuse_terminal(term_name, "cannot use terminal type ",
				       " (use --dump, or set TERM)");
	}
	/* The type is known: LINES and COLS now say the size it was for. */
	int rows = LINES, cols = COLS;
	del_curterm(cur_term);
	if (rows > SHRT_MAX || cols > SHRT_MAX) {
		fprintf(stderr, "brief: a terminal of %d rows and %d columns is more than curses "
			"can hold (%d of each at most)\n", rows, cols, SHRT_MAX);
		return BRIEF_EXIT_USAGE;
	}
	return no_memory(rows, cols);
}

int tty_start(struct tty *t, const char *term_name, int no_margins)
{
	/* Our handlers first: ncurses keeps handlers it finds installed. */
	signals_catch();
	errno = 0;
	t->scr = newterm(term_name, t->tout, t->tin);
	if (!t->scr)
		return no_screen(t, term_name, errno);
	/* A terminal that cannot place the cursor (TERM=dumb: Emacs' shell,
	 * some CI logs) would show the status line alone over an empty
	 * screen: refused, as an unusable terminal type.  Nothing was drawn
	 * yet; only the tty modes newterm() set are put back. */
	if (!term_cap("cup")) {
		reset_shell_mode();
		delscreen(t->scr);
		t->scr = NULL;
		return refuse_terminal(term_name, "terminal type ",
				       " cannot move the cursor (use --dump, or set TERM)");
	}
	atexit(restore_terminal_at_exit);
	set_term(t->scr);
	curses_up = 1;
	/* Out of memory, the terminal is given back before the message. */
	xalloc_on_failure(restore_terminal_at_exit);
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
	margins_probe(no_margins);
	return 0;
}

void tty_close(struct tty *t)
{
	xalloc_on_failure(NULL);
	curses_up = 0;      /* with no SCREEN, isendwin() says FALSE */
	if (t->scr)
		delscreen(t->scr);
	t->scr = NULL;
	if (t->tin)
		fclose(t->tin);
	t->tin = NULL;
}

int tty_write_seq(const char *seq, size_t n)
{
	/* curses writes through stdout's descriptor too (putp() through
	 * stdio): what either holds goes first, so nothing interleaves. */
	fflush(stdout);
	int fd = fileno(stdout);
	while (n) {
		ssize_t w = write(fd, seq, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno == EAGAIN) {
			struct pollfd p = { .fd = fd, .events = POLLOUT };
			poll(&p, 1, -1);
			continue;
		}
		if (w <= 0)
			return -1;
		seq += w;
		n -= (size_t)w;
	}
	return 0;
}
