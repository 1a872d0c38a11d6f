/* The help screen, generated from the action table so it cannot drift;
 * long lines wrap to the screen width.  An ordinary pane: the help mode
 * (ui_input.c) shows it over the whole screen and hands it the keys. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/ui_pane.h"

struct help {
	int top;                    /* the first help row shown */
	int rows, cols;             /* the screen */
};

#define TITLE "brief: keys (q, h or Esc to close; j/k/Space/b scroll)"

struct help_ctx {
	struct ui *u;
	const struct help *help;
	WINDOW *w;
	int row;                    /* rows emitted so far (before scrolling) */
	int h, width;
	struct lines ll;
};

/* Emit one text row at screen row `row` - top + 1, if it is visible. */
static void put_row(struct help_ctx *c, int x, const uint8_t *t, size_t n, attr_t a)
{
	int y = c->row++ - c->help->top + 1;
	if (y >= 1 && y < c->h && x < c->width)
		draw_text(c->w, y, x, c->width - x, t, n, a);
}

static void help_row(struct help_ctx *c, const char *keys, const char *text, attr_t a)
{
	/* Wide: keys in a column, text beside; narrow: keys above the text. */
	int wide = c->width >= 50;
	int tx = wide ? 26 : 4;
	int y0 = c->row;
	if (!wide && *keys)
		put_row(c, 2, (const uint8_t *)keys, strlen(keys), a | c->u->attr[ROLE_HEADER]);
	c->ll.n = 0;
	layout_line(&c->ll, (const uint8_t *)text, 0, strlen(text),
		    c->width - tx > 10 ? c->width - tx : 10);
	int first = c->row;
	for (size_t i = 0; i < c->ll.n; i++)
		put_row(c, tx, (const uint8_t *)text + c->ll.v[i].start,
			c->ll.v[i].end - c->ll.v[i].start, a);
	if (wide && *keys) {
		int y = first - c->help->top + 1;
		if (y >= 1 && y < c->h)
			draw_cut_str(c->w, y, 2, 23, keys, a | c->u->attr[ROLE_HEADER], c->u->ascii);
	}
	if (c->row == y0)
		c->row++;       /* an empty entry still takes its row */
}

static void action_row(void *ctx, const char *keys, const char *help)
{
	help_row(ctx, keys, help, A_NORMAL);
}

/* Draw (or, with w NULL, only count) the help rows. */
static int help_layout(struct ui *u, const struct help *help, WINDOW *w, int h, int width)
{
	struct help_ctx c = { .u = u, .help = help, .w = w, .h = w ? h : 0, .width = width };
	keymap_help_lines(action_row, &c);
	help_row(&c, "", "", A_NORMAL);
	help_row(&c, "N<key>", "A number before a key is its count: 5j, 50p, 120g", A_NORMAL);
	help_row(&c, "wheel, click", "Scroll the pane under the pointer; click a highlight, a panel row or a chart row to select it", A_NORMAL);
	help_row(&c, "", "", A_NORMAL);
	help_row(&c, "Styles", "Highlights never rely on colour alone:", A_NORMAL);
	help_row(&c, "actor", "bold", u->attr[ROLE_ACTOR]);
	help_row(&c, "figure", "underlined", u->attr[ROLE_FIGURE]);
	help_row(&c, "selected entity", "bold and underlined", u->attr[ROLE_SELECTED]);
	help_row(&c, "search match", "reverse", u->attr[ROLE_MATCH]);
	help_row(&c, "cursor", "reverse and bold", u->attr[ROLE_CURSOR]);
	help_row(&c, "comparison source", "reverse and underlined", u->attr[ROLE_SOURCE]);
	/* The chart's marks, as chart.c draws them (ASCII with --ascii). */
	int a = u->ascii;
	help_row(&c, "", "", A_NORMAL);
	help_row(&c, "Charts", "A comparison's bars, on one axis a chart:", A_NORMAL);
	help_row(&c, a ? "====" : "\u2593\u2593\u2593\u2593", "the current level", A_NORMAL);
	help_row(&c, a ? "####" : "\u2588\u2588\u2588\u2588", "the demand, solid to an exact value", A_NORMAL);
	help_row(&c, a ? "----" : "\u2591\u2591\u2591\u2591",
		 "a bound: shaded, with no solid end (\"less than 2\", \"<2.0\")", A_NORMAL);
	help_row(&c, a ? "###>" : "\u2588\u2588\u2588\u25b8",
		 "the open end of a lower bound (\"at least 4\")", A_NORMAL);
	help_row(&c, "reportedly", "after the demand's bar: the text's hedge, as written", A_NORMAL);
	help_row(&c, "by ?", "the text names no one who asks; by US?: the one who asked before", A_NORMAL);
	help_row(&c, "pp", "percentage points, the difference of two percentages", A_NORMAL);
	lines_free(&c.ll);
	return c.row;
}

static void *help_create(struct ui *u)
{
	(void)u;
	return xcalloc(1, sizeof(struct help));
}

static void help_destroy(struct ui *u, void *self)
{
	(void)u;
	free(self);
}

/* The whole screen's size. */
static void help_resize(struct ui *u, void *self, int rows, int cols)
{
	(void)u;
	struct help *h = self;
	h->rows = rows;
	h->cols = cols;
}

static void help_show(struct ui *u, void *self)
{
	(void)u;
	struct help *h = self;
	h->top = 0;
}

static void help_draw(struct ui *u, void *self, WINDOW *w, int fresh)
{
	(void)fresh;
	struct help *help = self;
	int h, width;
	getmaxyx(w, h, width);
	werase(w);
	draw_fill(w, 0, 0, width, u->attr[ROLE_STATUS]);
	/* Where the window is, as less says it: "lines 1-28 of 52". */
	int rows = help_layout(u, help, NULL, 0, width);
	int last = help->top + h - 1 < rows ? help->top + h - 1 : rows;
	char where[64];
	snprintf(where, sizeof where, " lines %d-%d of %d ", help->top + 1, last, rows);
	int ww = text_width(where);
	if (ww > width)
		ww = 0;
	draw_cut_str(w, 0, 0, width - ww - (ww ? 1 : 0), TITLE, u->attr[ROLE_STATUS], u->ascii);
	if (ww)
		draw_str(w, 0, width - ww, ww, where, u->attr[ROLE_STATUS]);
	help_layout(u, help, w, h, width);
	wnoutrefresh(w);
}

/* A count means what it does in the article: lines to scroll, or the row
 * to go to.  q, h and Esc close it (FX_CLOSE); every other key is its. */
static enum action help_handle(struct ui *u, void *self, enum action a, long *countp,
			       struct fx *fx)
{
	struct help *help = self;
	int rows = help_layout(u, help, NULL, 0, help->cols);
	fx->flags |= FX_REDRAW;
	if (a == ACT_QUIT || a == ACT_HELP || a == ACT_CLEAR) {
		fx->flags |= FX_CLOSE;
		return ACT_NONE;
	}
	pager_handle(&help->top, rows, help->rows - 1, a, *countp);
	return ACT_NONE;
}

const struct pane_ops help_pane = {
	.name = "help",
	.create = help_create,
	.destroy = help_destroy,
	.resize = help_resize,
	.show = help_show,
	.draw = help_draw,
	.handle = help_handle,
};
