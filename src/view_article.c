/* The article pane: wrapped text with highlights, scrolling, jumps. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/ui_views.h"

int article_percent(struct ui *u, int *end)
{
	const struct doc *d = &u->m->doc;
	int e = 0;
	size_t off = vp_bottom_off(&u->vp, end || doc_complete(d) ? &e : NULL);
	if (end)
		*end = e;
	if (e && doc_complete(d))
		return 100;
	return model_percent_at(u->m, off);
}

/* ---- highlights ------------------------------------------------------- */

/* Index of the first occurrence of the selection at or after off. */
size_t occ_at(const struct selection *s, size_t off)
{
	size_t lo = 0, hi = s->nocc;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->occ[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void paint(uint8_t *roles, size_t ls, size_t le, size_t s, size_t e, enum role r)
{
	if (e <= ls || s >= le)
		return;
	if (s < ls)
		s = ls;
	if (e > le)
		e = le;
	memset(roles + (s - ls), r, e - s);
}

static int collect_match(void *ctx, size_t s, size_t e)
{
	struct ui *u = ctx;
	xgrow((void **)&u->mbuf, &u->mbuf_cap, u->mbuf_n + 2, sizeof *u->mbuf);
	u->mbuf[u->mbuf_n++] = s;
	u->mbuf[u->mbuf_n++] = e;
	return 0;
}

static int in_selection(const struct ui *u, size_t start, int is_figure, uint32_t entity)
{
	const struct selection *s = &u->sel;
	if (!s->active || s->is_figure != is_figure)
		return 0;
	if (!is_figure)
		return (long)entity == s->entity;
	size_t k = occ_at(s, start);
	return k < s->nocc && s->occ[k] == start;
}

static void row_roles(struct ui *u, size_t ls, size_t le, uint8_t *roles)
{
	const struct model *m = u->m;
	const struct viewport *vp = &u->vp;
	memset(roles, ROLE_TEXT, le - ls);
	const struct figures *f = &m->figures;
	size_t i = figures_at(f, ls);
	if (i > 0)
		i--;
	for (; i < f->n && f->v[i].start < le; i++)
		paint(roles, ls, le, f->v[i].start, f->v[i].end,
		      in_selection(u, f->v[i].start, 1, 0) ? ROLE_SELECTED : ROLE_FIGURE);
	const struct mentions *mn = &m->mentions;
	i = mentions_at(mn, ls);
	if (i > 0)
		i--;
	for (; i < mn->n && mn->v[i].start < le; i++)
		paint(roles, ls, le, mn->v[i].start, mn->v[i].end,
		      in_selection(u, mn->v[i].start, 0, mn->v[i].entity) ? ROLE_SELECTED
									   : ROLE_ACTOR);
	if (vp->has_search) {
		for (size_t k = 0; k < u->mbuf_n; k += 2)
			paint(roles, ls, le, u->mbuf[k], u->mbuf[k + 1], ROLE_MATCH);
	}
	if (vp->has_source)
		paint(roles, ls, le, vp->src_start, vp->src_end, ROLE_SOURCE);
	if (vp->has_cursor)
		paint(roles, ls, le, vp->cur_start, vp->cur_end, ROLE_CURSOR);
}

static void draw_row(struct ui *u, WINDOW *w, int y, const struct lline *ll)
{
	const uint8_t *t = u->m->doc.text;
	size_t ls = ll->start, le = ll->end;
	xgrow((void **)&u->rolebuf, &u->rolebuf_cap, le - ls + 1, 1);
	row_roles(u, ls, le, u->rolebuf);
	int col = 0;
	for (size_t s = ls; s < le;) {
		/* Runs of one role, cut only at cluster boundaries. */
		uint8_t r = u->rolebuf[s - ls];
		size_t e = layout_next_cluster(t, s, le);
		while (e < le && u->rolebuf[e - ls] == r)
			e = layout_next_cluster(t, e, le);
		col += draw_text(w, y, col, u->vp.width - col, t + s, e - s, u->attr[r]);
		s = e;
	}
}

static void draw_title(struct ui *u, WINDOW *w)
{
	static const enum meta_key order[] = { META_SECTION, META_TITLE, META_BYLINE,
					       META_SOURCE, META_DATE, META_CREDIT };
	struct buf b = { 0 };
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *t = model_meta(u->m, order[i]);
		if (!t)
			continue;
		buf_printf(&b, "%s%s%s", b.len ? (u->ascii ? " | " : " · ") : "",
			   order[i] == META_CREDIT ? "Illustration: " : "", t);
	}
	draw_str(w, 0, 0, u->vp.width, b.data ? b.data : "", u->attr[ROLE_HEADER]);
	buf_free(&b);
}

void article_draw(struct ui *u)
{
	struct viewport *vp = &u->vp;
	WINDOW *w = u->win[PANE_ARTICLE];
	/* Beside the panel ncurses cannot scroll the text (it moves whole rows
	 * only when all of each row moves), and at full width it spends ~30
	 * bytes a scroll on it: move the rows on the terminal first. */
	long moved = u->drawn_ok ? vp_moved(vp, u->drawn_top) : 0;
	if (moved)
		term_scroll(u, w, u->art_title, u->art_title + vp->height - 1, (int)moved);
	u->drawn_top = vp->top;
	u->drawn_ok = 1;
	werase(w);
	int y0 = 0;
	if (u->art_title) {
		draw_title(u, w);
		y0 = 1;
	}
	struct vp_pos p = vp->top;
	size_t mline = (size_t)-1;
	for (int y = 0; y < vp->height; y++) {
		const struct lline *ll = vp_lline(vp, p);
		if (ll) {
			if (vp->has_search && mline != p.line) {
				size_t from, to;
				vp_match_window(vp, p, vp->height - y, &from, &to);
				u->mbuf_n = 0;
				search_line(&vp->search, u->m->doc.text, from, to, collect_match, u);
				mline = p.line;
			}
			draw_row(u, w, y + y0, ll);
		}
		if (!vp_next(vp, &p)) {
			/* Past the end: mark empty rows as less does. */
			for (int k = y + 1; k < vp->height; k++)
				draw_str(w, k + y0, 0, 1, "~", u->attr[ROLE_DIM]);
			break;
		}
	}
	wnoutrefresh(w);
}

/* ---- navigation --------------------------------------------------------- */

static void next_highlight(struct ui *u, int backward, long count)
{
	if (!vp_next_highlight(&u->vp, &u->m->mentions, &u->m->figures, backward, count)) {
		status_message(u, 0, backward ? "No highlight above" : "No highlight below");
		return;
	}
	status_describe_cursor(u);
}

static void next_occurrence(struct ui *u, int backward, long count)
{
	const struct selection *s = &u->sel;
	if (!s->nocc) {
		status_message(u, 1, "The selection has no occurrence in the text");
		return;
	}
	int wrapped;
	vp_next_occurrence(&u->vp, s->occ, s->occ_end, s->nocc, backward, count, &wrapped);
	status_describe_cursor(u);
	/* First on the line, where a narrow status line still shows it. */
	if (wrapped)
		status_message(u, 0, "[wrapped] %s", u->msg.data ? u->msg.data : "");
}

static int interrupted(void *ctx)
{
	(void)ctx;
	return ui_take_interrupt();
}

void article_search_next(struct ui *u, int backward, int from_here, long count)
{
	switch (vp_search_next(&u->vp, backward, from_here, count, interrupted, NULL)) {
	case VP_NO_SEARCH:
		status_message(u, 1, "No previous search");
		break;
	case VP_NOT_FOUND:
		status_message(u, 1, "Pattern not found");
		break;
	case VP_STOPPED:
		status_message(u, 1, "Search interrupted");
		break;
	case VP_WRAPPED:
		status_message(u, 0, "Search wrapped to the %s", backward ? "bottom" : "top");
		break;
	case VP_FOUND:
		buf_reset(&u->msg);
		break;
	}
}

void article_handle(struct ui *u, enum action a, long count)
{
	struct viewport *vp = &u->vp;
	long page = vp->height > 1 ? vp->height - 1 : 1;
	switch (a) {
	case ACT_LINE_DOWN:
	case ACT_ENTER:
		vp_scroll(vp, count ? count : 1);
		break;
	case ACT_LINE_UP:
		vp_scroll(vp, -(count ? count : 1));
		break;
	case ACT_PAGE_DOWN:
		vp_scroll(vp, count ? count : page);
		break;
	case ACT_PAGE_UP:
		vp_scroll(vp, -(count ? count : page));
		break;
	case ACT_HALF_DOWN:
		vp_scroll(vp, count ? count : (vp->height + 1) / 2);
		break;
	case ACT_HALF_UP:
		vp_scroll(vp, -(count ? count : (vp->height + 1) / 2));
		break;
	case ACT_TOP:
	case ACT_BOTTOM:
		if (count)
			vp_goto_line(vp, (size_t)count);
		else if (a == ACT_TOP)
			vp_goto_top(vp);
		else
			vp_goto_end(vp);
		break;
	case ACT_PERCENT:
		vp_goto_percent(vp, count);
		break;
	case ACT_NEXT_HIGHLIGHT:
		next_highlight(u, 0, count ? count : 1);
		break;
	case ACT_PREV_HIGHLIGHT:
		next_highlight(u, 1, count ? count : 1);
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH: {
		int back = a == ACT_PREV_MATCH;
		if (u->nav == NAV_SELECTION && u->sel.active)
			next_occurrence(u, back, count ? count : 1);
		else if (u->nav == NAV_SEARCH)
			article_search_next(u, back ^ vp->search_back, 0, count ? count : 1);
		else
			status_message(u, 1, "Nothing to repeat: search with / or select an entity");
		break;
	}
	default:
		break;
	}
}

/* Offset of the character at (y, x) of the article window, for clicks. */
int article_hit(struct ui *u, int y, int x, size_t *off)
{
	return vp_hit(&u->vp, y - u->art_title, x, off);
}
