/* The article pane: the viewport's rows drawn with their highlights, and
 * the moves of the keys (scrolling, jumps, ]/[, n/N) worded for the status
 * line.  Every other pane's fallback. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/notes.h"
#include "brief/ui_pane.h"

struct article {
	int title;                  /* 1 when the header row is shown */
	int margin;                 /* columns left of the text: notes' marks */
	struct vp_pos drawn_top;    /* the top row as last drawn */
	int drawn_ok;               /* 0: that frame is gone (resized, covered) */
	uint8_t *rolebuf;           /* scratch: a role per byte of a display line */
	size_t rolebuf_cap;
	size_t *mbuf;               /* scratch: search matches of one source line */
	size_t mbuf_n, mbuf_cap;
};

static void *article_create(struct ui *u)
{
	(void)u;
	return xcalloc(1, sizeof(struct article));
}

static void article_destroy(struct ui *u, void *self)
{
	(void)u;
	struct article *a = self;
	free(a->rolebuf);
	free(a->mbuf);
	free(a);
}

/* rows x cols of text (the blank column before the panel's rule is not
 * text); the title row, when there is a header, is one of the rows. */
static void article_resize(struct ui *u, void *self, int rows, int cols)
{
	struct article *a = self;
	a->title = model_has_meta(u->m) && rows >= 6;
	a->drawn_ok = 0;
	/* A margin for the notes' marks only when there is a note to mark:
	 * the text's columns stay where they are for an article with none. */
	a->margin = cols > 20 ? notebook_margin(u) : 0;
	vp_resize(&u->vp, cols - a->margin, rows - a->title);
}

/* ---- highlights ------------------------------------------------------- */

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
	struct article *a = ctx;
	a->mbuf = xgrowarray(a->mbuf, &a->mbuf_cap, a->mbuf_n + 2, sizeof *a->mbuf);
	a->mbuf[a->mbuf_n++] = s;
	a->mbuf[a->mbuf_n++] = e;
	return 0;
}

static int in_selection(const struct ui *u, size_t start, int is_figure, uint32_t entity)
{
	const struct selection *s = &u->sel;
	if (!s->active || s->is_figure != is_figure)
		return 0;
	if (!is_figure)
		return (long)entity == s->entity;
	size_t k = select_occ_at(s, start);
	return k < s->nocc && s->occ[k] == start;
}

static void row_roles(struct ui *u, struct article *a, size_t ls, size_t le, uint8_t *roles)
{
	const struct model *m = u->m;
	const struct viewport *vp = &u->vp;
	/* A web page's headings are shown as headings (model.h). */
	memset(roles, model_block_kind(m, ls) == HTML_BLOCK_HEADING ? ROLE_TITLE : ROLE_TEXT, le - ls);
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
		for (size_t k = 0; k < a->mbuf_n; k += 2)
			paint(roles, ls, le, a->mbuf[k], a->mbuf[k + 1], ROLE_MATCH);
	}
	if (vp->has_source)
		paint(roles, ls, le, vp->src_start, vp->src_end, ROLE_SOURCE);
	if (vp->has_cursor)
		paint(roles, ls, le, vp->cur_start, vp->cur_end, ROLE_CURSOR);
}

/* The mark of a note whose sentence starts on the row [ls, le). */
static void draw_mark(struct ui *u, struct article *a, WINDOW *w, int y, size_t ls, size_t le)
{
	const struct notes *ns = notebook_list(u);
	for (size_t i = 0; i < ns->n && ns->v[i].place == NOTE_FOUND; i++) {
		size_t s = ns->v[i].start;
		if (s >= le)
			break;
		if (s >= ls) {
			draw_str(w, y, 0, a->margin, u->ascii ? "*" : "\u270e", u->attr[ROLE_TITLE]);
			return;
		}
	}
}

static void draw_row(struct ui *u, struct article *a, WINDOW *w, int y, const struct lline *ll)
{
	const uint8_t *t = u->m->doc.text;
	size_t ls = ll->start, le = ll->end;
	a->rolebuf = xgrowarray(a->rolebuf, &a->rolebuf_cap, le - ls + 1, 1);
	row_roles(u, a, ls, le, a->rolebuf);
	if (a->margin)
		draw_mark(u, a, w, y, ls, le);
	int col = a->margin;
	for (size_t s = ls; s < le;) {
		/* Runs of one role, cut only at cluster boundaries. */
		uint8_t r = a->rolebuf[s - ls];
		size_t e = layout_next_cluster(t, s, le);
		while (e < le && a->rolebuf[e - ls] == r)
			e = layout_next_cluster(t, e, le);
		col += draw_text(w, y, col, a->margin + u->vp.width - col, t + s, e - s, u->attr[r]);
		s = e;
	}
}

static void draw_title(struct ui *u, WINDOW *w, int x)
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
	draw_cut_str(w, 0, x, u->vp.width, b.data ? b.data : "", u->attr[ROLE_HEADER], u->ascii);
	buf_free(&b);
}

static void article_draw(struct ui *u, void *self, WINDOW *w, int fresh)
{
	struct article *a = self;
	struct viewport *vp = &u->vp;
	if (fresh)
		a->drawn_ok = 0;
	/* Beside the panel ncurses cannot scroll the text (it moves whole rows
	 * only when all of each row moves), and at full width it spends ~30
	 * bytes a scroll on it: move the rows on the terminal first. */
	long moved = a->drawn_ok ? vp_moved(vp, a->drawn_top) : 0;
	if (moved)
		term_scroll(w, a->title, a->title + vp->height - 1, (int)moved);
	a->drawn_top = vp->top;
	a->drawn_ok = 1;
	werase(w);
	int y0 = 0;
	if (a->title) {
		draw_title(u, w, a->margin);
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
				a->mbuf_n = 0;
				search_line(&vp->search, u->m->doc.text, from, to, collect_match, a);
				mline = p.line;
			}
			draw_row(u, a, w, y + y0, ll);
		}
		if (!vp_next(vp, &p)) {
			/* Past the end: mark empty rows as less does. */
			for (int k = y + 1; k < vp->height; k++)
				draw_str(w, k + y0, a->margin, 1, "~", u->attr[ROLE_DIM]);
			break;
		}
	}
	wnoutrefresh(w);
}

/* ---- navigation --------------------------------------------------------- */

static void next_highlight(struct ui *u, int backward, long count, struct fx *fx)
{
	if (!vp_next_highlight(&u->vp, &u->m->mentions, &u->m->figures, backward, count)) {
		fx_message(fx, 0, backward ? "No highlight above" : "No highlight below");
		return;
	}
	status_describe_cursor(u, fx);
}

static void next_occurrence(struct ui *u, int backward, long count, struct fx *fx)
{
	const struct selection *s = &u->sel;
	if (!s->nocc) {
		fx_message(fx, 1, "The selection has no occurrence in the text");
		return;
	}
	int wrapped;
	vp_next_occurrence(&u->vp, s->occ, s->occ_end, s->nocc, backward, count, &wrapped);
	status_describe_cursor(u, fx);
	/* First on the line, where a narrow status line still shows it; after
	 * the message as it stands (the one just given, else the shown one). */
	if (wrapped) {
		const struct buf *now = fx->flags & FX_MESSAGE ? &fx->msg : &u->msg;
		char *said = xstrdup(now->data ? now->data : "");
		fx_message(fx, 0, "[wrapped] %s", said);
		free(said);
	}
}

static int interrupted(void *ctx)
{
	(void)ctx;
	return ui_take_interrupt();
}

/* Matches counted in the handler that lands on one: a document of up to
 * this much is counted whole before the frame ("match 3 of 17" at once);
 * a longer one goes on in the loop's idle turns ("17+"). */
#define ARTICLE_COUNT_NOW ((size_t)4 << 20)

/* The cursor is on a match: which one of how many, for the status line. */
static void say_match(struct ui *u, struct fx *fx, const char *what)
{
	mcount_place(&u->mc, &u->vp.search, &u->m->doc, u->vp.cur_start);
	mcount_step(&u->mc, &u->vp.search, &u->m->doc, ARTICLE_COUNT_NOW);
	fx_match(fx, "%s", what);
}

/* The count-th match on (count >= 1); from_here: a new search, which may
 * match at the reference itself. */
static void search_next(struct ui *u, int backward, int from_here, long count, struct fx *fx)
{
	switch (vp_search_next(&u->vp, backward, from_here, count, interrupted, NULL)) {
	case VP_NO_SEARCH:
		fx_message(fx, 1, "No previous search");
		break;
	case VP_NOT_FOUND:
		fx_message(fx, 1, "Pattern not found");
		break;
	case VP_STOPPED:
		fx_message(fx, 1, "Search interrupted");
		break;
	case VP_WRAPPED:
		say_match(u, fx, backward ? "wrapped to the bottom" : "wrapped to the top");
		break;
	case VP_FOUND:
		say_match(u, fx, "");
		break;
	}
}

static enum action article_handle(struct ui *u, void *self, enum action a, long *countp,
				  struct fx *fx)
{
	(void)self;
	struct viewport *vp = &u->vp;
	long count = *countp;
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
		next_highlight(u, 0, count ? count : 1, fx);
		break;
	case ACT_PREV_HIGHLIGHT:
		next_highlight(u, 1, count ? count : 1, fx);
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH: {
		int back = a == ACT_PREV_MATCH;
		if (u->nav == NAV_SELECTION && u->sel.active)
			next_occurrence(u, back, count ? count : 1, fx);
		else if (u->nav == NAV_SEARCH)
			search_next(u, back ^ vp->search_back, 0, count ? count : 1, fx);
		else
			fx_message(fx, 1, "Nothing to repeat: search with / or select an entity");
		break;
	}
	case ACT_COPY_SENTENCE:
	case ACT_COPY_PARAGRAPH:
		copy_sentences(u, copy_origin(u), count ? count : 1, a == ACT_COPY_PARAGRAPH, fx);
		return ACT_NONE;
	case ACT_INFO:
	case ACT_WHY: {
		/* What the cursor is on, else the selection. */
		struct target t;
		if (!target_at_cursor(u, &t) && u->sel.active)
			t = (struct target){ u->sel.is_figure ? TARGET_FIGURE : TARGET_ENTITY,
					     u->sel.is_figure ? u->sel.fig_group : (size_t)u->sel.entity,
					     0, 0 };
		if (a == ACT_WHY || t.kind == TARGET_NONE) {
			status_why(u, &t, fx);
			break;
		}
		u->card = t;
		fx->flags |= FX_CARD;
		break;
	}
	case ACT_SEARCH_FORWARD:
	case ACT_SEARCH_BACKWARD:
		/* Only from the search prompt, a pattern just compiled
		 * (vp_search_set): its count-th match from here on, which may be
		 * right here, as less's 3/x goes to the third. */
		search_next(u, vp->search_back, 1, count ? count : 1, fx);
		break;
	default:
		return ACT_NONE;
	}
	fx->flags |= FX_REDRAW;
	return ACT_NONE;
}

/* A click selects the actor or figure under it; the wheel scrolls. */
static enum action article_mouse(struct ui *u, void *self, int y, int x, int wheel, long *count,
				 struct fx *fx)
{
	struct article *a = self;
	fx->flags |= FX_REDRAW;
	if (wheel) {
		vp_scroll(&u->vp, wheel);
		return ACT_NONE;
	}
	size_t off;
	if (x < a->margin || !vp_hit(&u->vp, y - a->title, x - a->margin, &off) || !select_at(u, off))
		return ACT_NONE;
	*count = 0;
	return ACT_NEXT_MATCH;      /* to the first occurrence */
}

const struct pane_ops article_pane = {
	.name = "article",
	.focusable = 1,
	.create = article_create,
	.destroy = article_destroy,
	.resize = article_resize,
	.draw = article_draw,
	.handle = article_handle,
	.mouse = article_mouse,
};
