/* The comparison pane: the charts of every comparison, rows selectable,
 * Enter shows the source sentence in the article. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/chart.h"
#include "brief/ui_pane.h"

struct compare {
	struct chart *charts;       /* one per comparison, at width */
	size_t ncharts;
	int width;
	struct list list;           /* the charts' lines, flat, a blank between two */
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
		/* The lines moved: keep the selection on a selectable one. */
		if (c->list.sel >= c->list.n)
			c->list.sel = 0;
		const struct chart *ch;
		while (c->list.sel + 1 < c->list.n && !line_selectable(flat_line(c, c->list.sel, &ch)))
			c->list.sel++;
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
	if (l->bar_end > l->bar && l->bar_end <= len) {
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
	draw_str(w, 0, 2, width - 2, u->focus == PANE_COMPARE ? " Comparison (focus) "
							      : " Comparison ",
		 u->attr[ROLE_BORDER]);
	if (!c->ncharts) {
		draw_str(w, 1, 2, width - 2, "No comparison in the annotations.", u->attr[ROLE_DIM]);
		wnoutrefresh(w);
		return;
	}
	int body = h - 1;
	c->list.rows = body;
	list_show(&c->list);
	for (int y = 0; y < body && c->list.top + (size_t)y < c->list.n; y++)
		draw_line(u, c, w, y + 1, width, c->list.top + (size_t)y);
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
	int n = (int)(l->qend - l->qstart);
	fx_message(fx, 0, "\"%.*s\" (line %zu)", n, (const char *)d->text + l->qstart,
		   doc_line_at(d, l->qstart) + 1);
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
		return ACT_NONE;
	case ACT_ENTER:
		go_to_source(u, c, fx);
		return ACT_NONE;
	case ACT_COPY_SENTENCE:
		copy_line(u, c, fx);
		return ACT_NONE;
	default:
		return list_handle(&c->list, a, *count) ? ACT_NONE : a;
	}
}

static enum action compare_mouse(struct ui *u, void *self, int y, int x, int wheel, long *count,
				 struct fx *fx)
{
	(void)x, (void)count;
	struct compare *c = self;
	fx->flags |= FX_REDRAW;
	if (wheel) {
		/* A row a notch: chart rows are few and tall in meaning. */
		list_move(&c->list, wheel > 0 ? 1 : -1);
		return ACT_NONE;
	}
	if (list_click(&c->list, y - 1))
		go_to_source(u, c, fx);
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
