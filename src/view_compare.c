/* The comparison pane: the charts of every comparison, rows selectable,
 * Enter shows the source sentence in the article. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/chart.h"
#include "brief/cut.h"
#include "brief/layout.h"
#include "brief/ui_pane.h"

/* Which line is selected, in words that survive a new width: the charts
 * are laid out again at each, and flat indexes move (a narrow pane lists
 * the rows, a wide one draws their bars). */
struct line_id {
	size_t chart;
	enum chart_item item;
	size_t row;
	size_t nth;                 /* of the lines of its chart with that item and row */
};

struct compare {
	struct chart *charts;       /* one per comparison, at width */
	size_t ncharts;
	int width;
	struct list list;           /* the charts' lines, flat, a blank between two */
	struct line_id want;        /* the line the reader selected */
	int have_want;
};

static void free_charts(struct compare *c)
{
	for (size_t i = 0; i < c->ncharts; i++)
		chart_free(&c->charts[i]);
	free(c->charts);
	c->charts = NULL;
	c->ncharts = 0;
	c->width = 0;
}

/* Total lines of all charts, a blank between two. */
static int total_lines(const struct compare *c)
{
	int n = 0;
	for (size_t i = 0; i < c->ncharts; i++)
		n += (int)c->charts[i].n + (i > 0);
	return n;
}

/* The chart line at flat index k, or NULL for a separator. */
static const struct chart_line *flat_line(const struct compare *c, size_t k,
					  const struct chart **owner)
{
	for (size_t i = 0; i < c->ncharts; i++) {
		if (i > 0) {
			if (k == 0)
				return NULL;
			k--;
		}
		if (k < c->charts[i].n) {
			*owner = &c->charts[i];
			return &c->charts[i].v[k];
		}
		k -= c->charts[i].n;
	}
	return NULL;
}

static int line_selectable(const struct chart_line *l)
{
	return l && l->qend > l->qstart;
}

static int line_ok(void *ctx, size_t k)
{
	const struct chart *c;
	return line_selectable(flat_line(ctx, k, &c));
}

/* The chart and line of flat index k; 0 for a separator or past the end. */
static int locate(const struct compare *c, size_t k, size_t *chart, size_t *line)
{
	for (size_t i = 0; i < c->ncharts; i++) {
		if (i > 0) {
			if (k == 0)
				return 0;
			k--;
		}
		if (k < c->charts[i].n) {
			*chart = i;
			*line = k;
			return 1;
		}
		k -= c->charts[i].n;
	}
	return 0;
}

static size_t flat_index(const struct compare *c, size_t chart, size_t line)
{
	size_t k = 0;
	for (size_t i = 0; i < chart; i++)
		k += c->charts[i].n + (i > 0);
	return k + (chart > 0) + line;
}

/* The selected line, as a line_id. */
static void remember(struct compare *c)
{
	size_t ci, li;
	if (!locate(c, c->list.sel, &ci, &li))
		return;
	const struct chart *ch = &c->charts[ci];
	const struct chart_line *l = &ch->v[li];
	size_t nth = 0;
	for (size_t k = 0; k < li; k++)
		nth += ch->v[k].item == l->item && ch->v[k].row == l->row && !ch->v[k].cont;
	c->want = (struct line_id){ ci, l->item, l->row, nth };
	c->have_want = 1;
}

static int is_value(enum chart_item it)
{
	return it == CHART_CURRENT || it == CHART_DEMAND || it == CHART_GAP;
}

/* The line of want in the charts as laid out now: the same line, else the
 * same item of the row, else a value line of the row (a narrow pane has
 * one line a row); 0 if none. */
static int find_want(const struct compare *c, size_t *k)
{
	const struct line_id *w = &c->want;
	if (w->chart >= c->ncharts)
		return 0;
	const struct chart *ch = &c->charts[w->chart];
	for (int pass = 0; pass < 3; pass++) {
		size_t nth = 0;
		for (size_t li = 0; li < ch->n; li++) {
			const struct chart_line *l = &ch->v[li];
			if (l->cont || l->row != w->row || l->qend <= l->qstart)
				continue;
			int same = pass == 2 ? is_value(l->item) && is_value(w->item) : l->item == w->item;
			if (!same)
				continue;
			if (pass == 0 && nth++ != w->nth)
				continue;
			*k = flat_index(c, w->chart, li);
			return 1;
		}
	}
	return 0;
}

static void *compare_create(struct ui *u)
{
	(void)u;
	struct compare *c = xcalloc(1, sizeof *c);
	c->list.ok = line_ok;
	c->list.ctx = c;
	c->list.min_step = 1;       /* a page of one row or none still moves */
	return c;
}

static void compare_destroy(struct ui *u, void *self)
{
	(void)u;
	struct compare *c = self;
	free_charts(c);
	free(c);
}

/* The charts at width columns, and the lines they take. */
static int compare_rows_wanted(struct ui *u, void *self, int cols)
{
	struct compare *c = self;
	int width = cols - 2;
	if (c->width != width || !c->charts) {
		free_charts(c);
		c->ncharts = u->m->ncmps;
		c->charts = xcalloc(c->ncharts ? c->ncharts : 1, sizeof *c->charts);
		for (size_t i = 0; i < c->ncharts; i++)
			chart_build(&c->charts[i], &u->m->cmps[i], &u->m->annot, width, u->ascii);
		c->width = width;
		c->list.n = (size_t)total_lines(c);
		/* The lines moved: the reader's line again, else a selectable one. */
		size_t k;
		if (c->have_want && find_want(c, &k))
			c->list.sel = k;
		if (c->list.sel >= c->list.n)
			c->list.sel = 0;
		const struct chart *ch;
		while (c->list.sel + 1 < c->list.n && !line_selectable(flat_line(c, c->list.sel, &ch)))
			c->list.sel++;
		if (!c->have_want)
			remember(c);        /* the first line selected is kept as well */
	}
	return total_lines(c) + 1;      /* and the rule above them */
}

static void compare_resize(struct ui *u, void *self, int rows, int cols)
{
	(void)u, (void)cols;
	struct compare *c = self;
	c->list.rows = rows - 1;        /* below the rule */
}

static void draw_line(struct ui *u, const struct compare *c, WINDOW *w, int y, int width, size_t k)
{
	const struct chart *ch;
	const struct chart_line *l = flat_line(c, k, &ch);
	if (!l)
		return;
	const char *text = ch->text.data + l->text;
	int sel = k == c->list.sel && line_selectable(l);
	attr_t base = l->item == CHART_TITLE ? u->attr[ROLE_TITLE]
		    : l->item == CHART_NOTE ? u->attr[ROLE_DIM] : u->attr[ROLE_ROW];
	if (sel && u->focus == PANE_COMPARE)
		base = u->attr[ROLE_ROW_FOCUS];
	if (sel)
		draw_fill(w, y, 0, width, base);
	/* The margin in the title's role would underline a blank. */
	draw_str(w, y, 0, 2, sel ? ">" : " ", sel ? base : u->attr[ROLE_ROW]);
	int x = 2;
	size_t len = strlen(text);
	if (layout_width((const uint8_t *)text, 0, len) > width - x) {
		/* Wider than the pane (a word longer than it, or a pane too
		 * narrow to wrap in): cut visibly, in one role. */
		draw_cut(w, y, x, width - x, (const uint8_t *)text, len, base, u->ascii);
	} else if (l->bar_end > l->bar && l->bar_end <= len) {
		/* The bar in its own role: current and demand differ by glyph too. */
		attr_t bar = l->item == CHART_CURRENT ? u->attr[ROLE_CURRENT] : u->attr[ROLE_DEMAND];
		x += draw_text(w, y, x, width - x, (const uint8_t *)text, l->bar, base);
		x += draw_text(w, y, x, width - x, (const uint8_t *)text + l->bar,
			       l->bar_end - l->bar, bar | (base & A_REVERSE));
		draw_text(w, y, x, width - x, (const uint8_t *)text + l->bar_end,
			  len - l->bar_end, base);
	} else {
		draw_text(w, y, x, width - x, (const uint8_t *)text, len, base);
	}
}

static void compare_draw(struct ui *u, void *self, WINDOW *w, int fresh)
{
	(void)fresh;
	struct compare *c = self;
	int h, width;
	getmaxyx(w, h, width);
	werase(w);
	/* A rule with a label separates the pane from the article. */
	for (int x = 0; x < width; x++)
		draw_str(w, 0, x, 1, u->ascii ? "-" : "─", u->attr[ROLE_BORDER]);
	draw_str(w, 0, 2, width - 2, " Comparison ", u->attr[ROLE_BORDER]);
	if (!c->ncharts) {
		draw_str(w, 1, 2, width - 2, "No comparison in the annotations.", u->attr[ROLE_DIM]);
		wnoutrefresh(w);
		return;
	}
	int body = h - 1;
	c->list.rows = body;
	list_show(&c->list);
	struct list_view v;
	list_view(&c->list, &v);
	for (int r = 0; r < v.content && v.first + (size_t)r < c->list.n; r++)
		draw_line(u, c, w, 1 + v.up + r, width, v.first + (size_t)r);
	list_draw_marks(u, &c->list, w, 1, 0, width);
	wnoutrefresh(w);
}

/* Put the article on the quote the selected row comes from. */
static void go_to_source(struct ui *u, struct compare *c, struct fx *fx)
{
	const struct chart *ch;
	const struct chart_line *l = flat_line(c, c->list.sel, &ch);
	if (!line_selectable(l))
		return;
	vp_set_source(&u->vp, l->qstart, l->qend);
	const struct doc *d = &u->m->doc;
	/* A long quote is cut inside its quotation marks, so that they and
	 * the line number still show; the article shows it whole. */
	struct buf q = { 0 };
	cut_append(&q, (const char *)d->text + l->qstart, l->qend - l->qstart, 48, u->ascii);
	fx_message(fx, 0, "\"%s\" (line %zu)", q.data ? q.data : "", doc_line_at(d, l->qstart) + 1);
	buf_free(&q);
}

/* The selected row with its values, gap and sentences (a measure with
 * its own), as a copy. */
static void copy_line(struct ui *u, struct compare *c, struct fx *fx)
{
	const struct chart *ch;
	const struct chart_line *l = flat_line(c, c->list.sel, &ch);
	if (!line_selectable(l)) {
		fx_message(fx, 1, "No row to copy");
		return;
	}
	size_t cmp = (size_t)(ch - c->charts);
	if (l->item == CHART_MEASURE)
		copy_cmp_measure(u, cmp, l->row, fx);
	else
		copy_cmp_row(u, cmp, l->row, fx);
}

static enum action compare_handle(struct ui *u, void *self, enum action a, long *count,
				  struct fx *fx)
{
	struct compare *c = self;
	fx->flags |= FX_REDRAW;
	switch (a) {
	case ACT_TOP:
		/* From the first row, so that with none selectable the charts
		 * still show from their top. */
		c->list.sel = 0;
		list_move(&c->list, 1);
		list_move(&c->list, -1);
		c->list.top = 0;            /* the chart's title too */
		remember(c);
		return ACT_NONE;
	case ACT_ENTER:
		go_to_source(u, c, fx);
		return ACT_NONE;
	case ACT_COPY_SENTENCE:
		copy_line(u, c, fx);
		return ACT_NONE;
	case ACT_INFO:
	case ACT_WHY: {
		/* The row's party: its card, or what found it. */
		size_t ci, li;
		long party = -1;
		if (locate(c, c->list.sel, &ci, &li) && ci < u->m->ncmps) {
			const struct cmp_model *cm = &u->m->cmps[ci];
			const struct chart_line *l = &c->charts[ci].v[li];
			if (l->item == CHART_MEASURE && l->row < cm->nmeasures && cm->measures[l->row].nparties)
				party = cm->measures[l->row].parties[0];
			else if (l->item != CHART_MEASURE && l->item != CHART_TITLE && l->row < cm->nrows)
				party = cm->rows[l->row].party;
		}
		if (party < 0)
			return a;           /* the article's: the cursor, the selection */
		struct target t = { TARGET_ENTITY, (size_t)party, 0, 0 };
		if (a == ACT_WHY) {
			status_why(u, &t, fx);
			return ACT_NONE;
		}
		u->card = t;
		fx->flags |= FX_CARD;
		return ACT_NONE;
	}
	default:
		if (!list_handle(&c->list, a, *count))
			return a;
		remember(c);
		return ACT_NONE;
	}
}

static enum action compare_mouse(struct ui *u, void *self, int y, int x, int wheel, long *count,
				 struct fx *fx)
{
	(void)x, (void)count;
	struct compare *c = self;
	fx->flags |= FX_REDRAW;
	if (wheel) {
		/* As in the panel: the window scrolls, the selection stays while
		 * it shows. */
		list_scroll(&c->list, wheel);
		remember(c);
		return ACT_NONE;
	}
	if (list_click(&c->list, y - 1)) {
		remember(c);
		go_to_source(u, c, fx);
	}
	return ACT_NONE;
}

const struct pane_ops compare_pane = {
	.name = "comparison",
	.focusable = 1,
	.create = compare_create,
	.destroy = compare_destroy,
	.rows_wanted = compare_rows_wanted,
	.resize = compare_resize,
	.draw = compare_draw,
	.handle = compare_handle,
	.mouse = compare_mouse,
};
