/* Where each pane goes on the screen (tig's display.c keeps the same job
 * apart): windows cut from stdscr for the article, the panel beside or
 * over it, the comparison below, the status row; each pane told its size. */
#include "config.h"

#include <sys/ioctl.h>

#include "brief/ui_loop.h"

static void destroy_windows(struct layout *l)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		if (l->win[i])
			delwin(l->win[i]);
		l->win[i] = NULL;
	}
	if (l->status)
		delwin(l->status);
	l->status = NULL;
	/* Deleting a subwindow touches stdscr, and a touched stdscr is
	 * refreshed by the next wget_wch(): old cells, before the new frame. */
	untouchwin(stdscr);
}

void layout_free(struct layout *l)
{
	destroy_windows(l);
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

/* Rows for the panes: all but the status row. */
static int avail_rows(const struct layout *l)
{
	return l->rows - 1;
}

int layout_compare_fits(const struct layout *l, const struct model *m)
{
	return m->ncmps && avail_rows(l) >= 10;
}

static void tell(struct ui *u, void *const pane[], enum pane p, int rows, int cols)
{
	if (ui_panes[p]->resize)
		ui_panes[p]->resize(u, pane[p], rows, cols);
}

int layout_apply(struct layout *l, struct ui *u, void *const pane[], int overlay)
{
	destroy_windows(l);
	getmaxyx(stdscr, l->rows, l->cols);
	int rows = l->rows, cols = l->cols;
	l->status = make_win(rows >= 1 ? 1 : 0, cols, rows - 1, 0);
	int avail = avail_rows(l);

	int narrow = cols < LAYOUT_NARROW;
	int panel_w = 0;
	l->overlay = narrow && overlay;
	if (l->show_panel && !narrow) {
		panel_w = cols / 3;
		panel_w = panel_w < 26 ? 26 : panel_w > 40 ? 40 : panel_w;
	}
	int cmp_h = 0;
	if (l->show_compare && layout_compare_fits(l, u->m)) {
		int want = ui_panes[PANE_COMPARE]->rows_wanted(u, pane[PANE_COMPARE], cols);
		/* Room for a title and two parties' value and gap rows at 80x24. */
		int cap = avail * 2 / 5 > 9 ? avail * 2 / 5 : 9;
		/* But on a short terminal no more than half of the rows below the
		 * title: the article stays readable (9 rows of 11 left it one). */
		if (cap > (avail - 1) / 2)
			cap = (avail - 1) / 2;
		cmp_h = want < cap ? want : cap;
	}
	int art_rows = avail - cmp_h;
	/* A blank column before the panel's rule keeps the text off it. */
	int art_w = cols - panel_w - (panel_w ? 1 : 0);
	l->win[PANE_ARTICLE] = make_win(art_rows, cols - panel_w, 0, 0);
	if (l->overlay)
		l->win[PANE_PANEL] = make_win(art_rows, cols, 0, 0);
	else if (panel_w)
		l->win[PANE_PANEL] = make_win(art_rows, panel_w, 0, cols - panel_w);
	if (cmp_h)
		l->win[PANE_COMPARE] = make_win(cmp_h, cols, art_rows, 0);
	if (!l->win[u->focus])
		u->focus = l->overlay && l->win[PANE_PANEL] ? PANE_PANEL : PANE_ARTICLE;
	if (l->overlay)
		u->focus = PANE_PANEL;
	for (int p = 0; p < PANE_COUNT; p++) {
		if (p == PANE_ARTICLE)
			continue;
		WINDOW *w = l->win[p];
		if (p == PANE_PANEL || p == PANE_COMPARE)
			tell(u, pane, (enum pane)p, w ? getmaxy(w) : 0, w ? getmaxx(w) : 0);
		else
			tell(u, pane, (enum pane)p, rows, cols);    /* over the whole screen */
	}
	/* The article last: its text re-wraps from where the reader was. */
	tell(u, pane, PANE_ARTICLE, art_rows, art_w);
	return l->overlay;
}

int layout_query(struct layout *l, struct ui *u, void *const pane[], int tty_fd, int overlay)
{
	struct winsize ws;
	/* The panes are stdscr's subwindows: gone before it is resized. */
	destroy_windows(l);
	if (ioctl(tty_fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	return layout_apply(l, u, pane, overlay);
}
