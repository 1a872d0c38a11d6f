/* The reader's top layer and the services only it calls: the event loop
 * (ui.c), the input modes (ui_input.c), the panes' geometry (ui_layout.c),
 * handing actions to panes (ui_panes.c); the terminal (ui_term.c), signals
 * (ui_signal.c) and the state file (ui_statefile.c).  Panes never include
 * this header. */
#ifndef BRIEF_UI_LOOP_H
#define BRIEF_UI_LOOP_H

#include <poll.h>
#include <stdio.h>

#include "brief/ui.h"
#include "brief/ui_pane.h"

/* ---- ui_layout.c: where each pane goes ------------------------------------ */

struct layout {
	int rows, cols;             /* the screen */
	int show_panel, show_compare;   /* the user's choice, on wide screens */
	int overlay;                /* the panel is over the article (narrow) */
	WINDOW *win[PANE_COUNT];    /* NULL: not shown (help: never, see ui.c) */
	WINDOW *status;
};

/* Below this many columns the panel is not beside the article but over
 * it, when asked for (s). */
#define LAYOUT_NARROW 60

/* Windows for the screen's size: the status row, the panel beside the
 * article (a third of the width, 26 to 40 columns) or over it (overlay
 * asked and the screen narrow), the comparison below (as many rows as it
 * wants, within bounds); each pane is told its size.  Focus leaves a pane
 * that went.  Returns l->overlay: 0 on a wide screen, whatever was asked. */
int layout_apply(struct layout *l, struct ui *u, void *const pane[], int overlay);
/* The same after asking the terminal its size (SIGWINCH, a resume). */
int layout_query(struct layout *l, struct ui *u, void *const pane[], int tty_fd, int overlay);
/* Whether the comparison would be shown now if asked for. */
int layout_compare_fits(const struct layout *l, const struct model *m);
void layout_free(struct layout *l);

/* ---- ui_panes.c: handing work to the panes -------------------------------- */

/* Action a (count 0: none) to pane p, and what it does not handle to the
 * article pane. */
void pane_act(struct ui *u, void *const pane[], enum pane p, enum action a, long count,
	      struct fx *fx);
/* A click or the wheel at (y, x) of pane p's window. */
void pane_mouse(struct ui *u, void *const pane[], enum pane p, int y, int x, int wheel,
		struct fx *fx);

/* ---- ui_input.c: input modes ---------------------------------------------- */

/* The modes, each with its keys and a fallback (see ui_input.c's table):
 * normal, the panel over the article, help, a count being typed, the
 * search prompt, a mark's letter awaited, a note being written, an option's
 * letter awaited (-i), a card shown.  The mode is the top of a short
 * stack whose lower entries are what it falls back and returns to. */
enum mode { MODE_NORMAL, MODE_OVERLAY, MODE_HELP, MODE_COUNT, MODE_PROMPT, MODE_MARK,
	    MODE_NOTE, MODE_OPTION, MODE_CARD, MODE_MAX };

struct input;
/* NULL (a message printed) if the default key table is bad. */
struct input *input_new(void);
void input_free(struct input *in);
/* One key (a character, or a KEY_* code with is_fn) through the modes. */
void input_key(struct input *in, struct ui *u, void *const pane[], struct layout *lay,
	       wint_t ch, int is_fn, struct fx *fx);
enum mode input_mode(const struct input *in);
/* Whether a mode is on the stack (HELP under a count still shows help). */
int input_in(const struct input *in, enum mode m);
/* A ^C: closes the prompt, a pending mark or help (and a count with them);
 * 1 if it did, 0 if it is for the loop (quit). */
int input_interrupt(struct input *in);
/* The panel over the article was closed by the layout (a wide screen). */
void input_overlay_gone(struct input *in);
/* What the status line shows for the mode; whether the terminal's cursor
 * shows (on the status line); the pane a mode shows over the whole screen
 * (PANE_COUNT: none). */
void input_prompt(const struct input *in, struct status_prompt *p);
int input_cursor(const struct input *in);
enum pane input_covering(const struct input *in);

/* ---- ui_term.c: the terminal ---------------------------------------------- */

struct tty {
	SCREEN *scr;
	FILE *tin, *tout;
	int tty_fd;                 /* keys come from here */
};

/* Keys from standard input when it is a terminal, else from /dev/tty;
 * 0, or BRIEF_EXIT_NOINPUT with a message printed. */
int tty_open(struct tty *t);
/* curses on the terminal (TERM is term_name, or the environment's when
 * NULL): 0, or the exit status with a message printed (an unusable
 * terminal type, or out of memory).  Whatever ends the process from here
 * on gives the terminal back first. */
int tty_start(struct tty *t, const char *term_name, int no_margins);
/* Whether the terminal went away (hung up, its pty closed), as seen when
 * it polls readable but gives no key: a terminal that is not brief's
 * controlling terminal goes so without a SIGHUP. */
int tty_gone(const struct tty *t);
/* The terminal given back: margins reset, endwin(), the last status row
 * cleared where there is no alternate screen.  Every way out goes here. */
void tty_leave(void);
/* The screen and the key stream closed (after tty_leave). */
void tty_close(struct tty *t);
/* Write a sequence the reader built itself (OSC 52: clip.h; never text of
 * a document) to the terminal between frames, curses' output flushed
 * first; it neither moves the cursor nor changes a cell.  0, or -1. */
int tty_write_seq(const char *seq, size_t n);

/* ---- ui_copy.c: where a copy goes ------------------------------------------ */

/* The terminal's clipboard through OSC 52 (osc52: allowed and the
 * terminal can take it, clip_term_has_osc52), else the command BRIEF_COPY
 * (command, NULL: none), else the clips file; a copy over OSC 52's limit
 * is not sent cut but goes the next way, and the status line says so. */
struct copier;
struct copier *copier_new(int osc52, const char *command);
void copier_free(struct copier *c);
/* An FX_COPY: fx->copy delivered, the status message set. */
void copier_deliver(struct copier *c, struct ui *u, struct fx *fx);
/* A command still at work: the descriptor to poll (*p; 0 returned when
 * none) and the most to wait (-1: as long as it takes). */
int copier_poll(const struct copier *c, struct pollfd *p, int *timeout_ms);
/* After a poll: 1 when the command's outcome is on the status line. */
int copier_step(struct copier *c, struct ui *u);

/* ---- ui_signal.c: signals into the loop ------------------------------------ */

/* The self-pipe the handlers write to: 0, or -1 with a message printed. */
int signals_open(void);
/* Our handlers installed (again); their pipe must be open. */
void signals_catch(void);
/* Back to the default action, for sig alone (to stop, to die of it). */
void signals_default(int sig);
/* The pipe's read end, for poll(). */
int signals_fd(void);
/* The next signal that came, 0 when none is pending. */
int signals_next(void);
/* All back to their defaults, the pipe closed. */
void signals_close(void);

/* ---- ui_statefile.c: the reading position kept across runs ----------------- */

/* The key of the document (hashed from its bytes as read). */
uint64_t statefile_key(const struct model *m);
/* Restore the position (before the layout: the article's first resize
 * places it) and marks saved for key, and whether the side panel
 * (s) and the comparison (c) were shown: *show_panel and *show_compare are
 * set when the state says (this document's entry, else the newest), left
 * alone otherwise.  A warning goes to the status line. */
void statefile_load(struct ui *u, uint64_t key, int *show_panel, int *show_compare);
/* Save pos (an offset), the marks and the panes shown for key; a warning
 * goes to stderr (the terminal is given back first). */
void statefile_save(const struct viewport *vp, uint64_t key, size_t pos, int show_panel,
		    int show_compare);

#endif
