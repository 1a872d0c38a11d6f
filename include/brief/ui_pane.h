/* A pane: one file with its own state behind one table of operations (the
 * model is tig's struct view_ops).  The loop creates each pane of
 * ui_panes.c's table, tells it its size, asks it to draw, and hands it the
 * actions and clicks of its focus; a handler returns the action it did not
 * handle (for the article pane, every pane's fallback) and reports its
 * effects in a struct fx.  Adding a pane is a file defining its ops and one
 * line in ui_panes.c (the help pane is such a one: view_help.c, drawn over
 * the whole screen while the help mode is on). */
#ifndef BRIEF_UI_PANE_H
#define BRIEF_UI_PANE_H

#include "brief/ui_core.h"

struct pane_ops {
	const char *name;
	int focusable;              /* Tab, Shift-Tab and clicks reach it */
	/* Its private state (NULL is a valid state); freed by destroy. */
	void *(*create)(struct ui *u);
	void (*destroy)(struct ui *u, void *self);
	/* Rows it would like across cols columns; NULL: it takes what the
	 * layout gives it. */
	int (*rows_wanted)(struct ui *u, void *self, int cols);
	/* Its window is now rows x cols (0 x 0: it is hidden). */
	void (*resize)(struct ui *u, void *self, int rows, int cols);
	/* The pane is about to be shown over the screen (a mode's pane). */
	void (*show)(struct ui *u, void *self);
	/* Draw into w (the pane's window, wnoutrefresh'd by the pane); fresh:
	 * the cells under it are not its own last frame. */
	void (*draw)(struct ui *u, void *self, WINDOW *w, int fresh);
	/* Act on a (count 0: none typed).  ACT_NONE when done; else the
	 * action for the article pane to take (with *count as it should see
	 * it), which may be a, unhandled, or another. */
	enum action (*handle)(struct ui *u, void *self, enum action a, long *count,
			      struct fx *fx);
	/* A click at (y, x) of its window (wheel 0), or the wheel turned
	 * (wheel lines, > 0 down); returns as handle does.  NULL: ignored. */
	enum action (*mouse)(struct ui *u, void *self, int y, int x, int wheel, long *count,
			     struct fx *fx);
	/* The model grew: a slice was scanned (done: the last). */
	void (*update)(struct ui *u, void *self, int done);
};

/* ui_panes.c: the table, indexed by enum pane. */
extern const struct pane_ops *const ui_panes[PANE_COUNT];

/* view_*.c */
extern const struct pane_ops article_pane, panel_pane, compare_pane, help_pane, card_pane;

#endif
