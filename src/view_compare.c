/* The comparison pane: the charts of every comparison, rows selectable, Enter
 * shows the source sentence in the article. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/ui_views.h"

void compare_view_free(struct ui *u)
{
	for (size_t i = 0; i < u->ncharts; i++)
		chart_free(&u->charts[i]);
	free(u->charts);
	u->charts = NULL;
	u->ncharts = 0;
	u->chart_w = 0;
}

/* Total lines of all charts, a blank between two. */
int compare_view_lines(struct ui *u)
{
	int n = 0;
	for (size_t i = 0; i < u->ncharts; i++)
		n += (int)u->charts[i].n + (i > 0);
	return n;
}

/* The chart line at flat index k, or NULL for a separator. */
static const struct chart_line *flat_line(struct ui *u, size_t k, const struct chart **owner)
{
	for (size_t i = 0; i < u->ncharts; i++) {
		if (i > 0) {
			if (k == 0)
				return NULL;
			k--;
		}
		if (k < u->charts[i].n) {
			*owner = &u->charts[i];
			return &u->charts[i].v[k];
		}
		k -= u->charts[i].n;
	}
	return NULL;
}

static int line_selectable(const struct chart_line *l)
{
	return l && l->qend > l->qstart;
}

void compare_view_build(struct ui *u, int width)
{
	if (u->chart_w == width && u->charts)
		return;
	compare_view_free(u);
	u->ncharts = u->m->ncmps;
	u->charts = xcalloc(u->ncharts ? u->ncharts : 1, sizeof *u->charts);
	for (size_t i = 0; i < u->ncharts; i++)
		chart_build(&u->charts[i], &u->m->cmps[i], &u->m->annot, width, u->ascii);
	u->chart_w = width;
	/* The lines moved: keep the selection on a selectable one. */
	size_t total = (size_t)compare_view_lines(u);
	if (u->csel >= total)
		u->csel = 0;
	const struct chart *c;
	while (u->csel + 1 < total && !line_selectable(flat_line(u, u->csel, &c)))
		u->csel++;
}

static void draw_line(struct ui *u, WINDOW *w, int y, int width, size_t k)
{
	const struct chart *c;
	const struct chart_line *l = flat_line(u, k, &c);
	if (!l)
		return;
	const char *text = c->text.data + l->text;
	int sel = k == u->csel && line_selectable(l);
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

void compare_view_draw(struct ui *u)
{
	WINDOW *w = u->win[PANE_COMPARE];
	int h, width;
	getmaxyx(w, h, width);
	werase(w);
	/* A rule with a label separates the pane from the article. */
	for (int x = 0; x < width; x++)
		draw_str(w, 0, x, 1, u->ascii ? "-" : "─", u->attr[ROLE_BORDER]);
	draw_str(w, 0, 2, width - 2, u->focus == PANE_COMPARE ? " Comparison (focus) "
							      : " Comparison ",
		 u->attr[ROLE_BORDER]);
	int body = h - 1;
	size_t total = (size_t)compare_view_lines(u);
	if (!u->ncharts) {
		draw_str(w, 1, 2, width - 2, "No comparison in the annotations.", u->attr[ROLE_DIM]);
		wnoutrefresh(w);
		return;
	}
	if (u->csel < u->ctop)
		u->ctop = u->csel;
	if (body > 0 && u->csel >= u->ctop + (size_t)body)
		u->ctop = u->csel - (size_t)body + 1;
	for (int y = 0; y < body && u->ctop + (size_t)y < total; y++)
		draw_line(u, w, y + 1, width, u->ctop + (size_t)y);
	wnoutrefresh(w);
}

static int line_ok(void *ctx, size_t k)
{
	const struct chart *c;
	return line_selectable(flat_line(ctx, k, &c));
}

static void move_sel(struct ui *u, long delta)
{
	u->csel = list_step(u->csel, (size_t)compare_view_lines(u), delta, line_ok, u);
}

/* Put the article on the quote the selected row comes from. */
static void go_to_source(struct ui *u)
{
	const struct chart *c;
	const struct chart_line *l = flat_line(u, u->csel, &c);
	if (!line_selectable(l))
		return;
	vp_set_source(&u->vp, l->qstart, l->qend);
	const struct doc *d = &u->m->doc;
	int n = (int)(l->qend - l->qstart);
	status_message(u, 0, "\"%.*s\" (line %zu)", n, (const char *)d->text + l->qstart,
		       doc_line_at(d, l->qstart) + 1);
}

void compare_view_handle(struct ui *u, enum action a, long count)
{
	switch (a) {
	case ACT_LINE_DOWN:
		move_sel(u, count ? count : 1);
		break;
	case ACT_LINE_UP:
		move_sel(u, -(count ? count : 1));
		break;
	case ACT_TOP:
		u->csel = 0;
		move_sel(u, 1);
		move_sel(u, -1);
		u->ctop = 0;            /* the chart's title too */
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
	case ACT_PAGE_UP:
	case ACT_HALF_UP: {
		/* Pages move the selection, as in the panel. */
		int h = getmaxy(u->win[PANE_COMPARE]) - 1;
		long step = count ? count
			    : a == ACT_PAGE_DOWN || a == ACT_PAGE_UP ? (h > 1 ? h - 1 : 1) : (h > 1 ? h / 2 : 1);
		move_sel(u, a == ACT_PAGE_DOWN || a == ACT_HALF_DOWN ? step : -step);
		break;
	}
	case ACT_BOTTOM:
		move_sel(u, (long)compare_view_lines(u));
		break;
	case ACT_ENTER:
		go_to_source(u);
		break;
	default:
		article_handle(u, a, count);
		break;
	}
}

void compare_view_click(struct ui *u, int y)
{
	if (y < 1)
		return;
	size_t k = u->ctop + (size_t)(y - 1);
	const struct chart *c;
	if (!line_selectable(flat_line(u, k, &c)))
		return;
	u->csel = k;
	go_to_source(u);
}
