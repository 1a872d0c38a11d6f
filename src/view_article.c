/* The article pane: wrapped text with highlights, scrolling, jumps. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/ui_views.h"

static const struct layout_slot no_slot = { .done = 1 };

size_t article_first_line(const struct ui *u)
{
	return u->m->body_line;
}

/* Display lines of a source line at the pane width, cached, laid out as
 * far as the first `want` at least: a line of megabytes is laid out only as
 * far as it is read.  A run of blank lines shows as one, as less -s does:
 * web text doubles its blank lines. */
static const struct layout_slot *slot_upto(struct ui *u, size_t line, size_t want)
{
	const struct doc *d = &u->m->doc;
	if (line >= d->nlines)
		return &no_slot;
	if (line > article_first_line(u) && doc_line_blank(d, line) && doc_line_blank(d, line - 1))
		return &no_slot;
	struct layout_slot *s = &u->cache[line % LAYOUT_SLOTS];
	if (s->width != u->art_w || s->line != line) {
		s->l.n = 0;
		s->line = line;
		s->width = u->art_w;
		s->from = d->line[line];
		s->done = 0;
	}
	if (!s->done && s->l.n < want)
		s->done = layout_more(&s->l, d->text, d->line[line], &s->from, doc_line_end(d, line),
				      u->art_w, want);
	return s;
}

static const struct lines *lines_upto(struct ui *u, size_t line, size_t want)
{
	return &slot_upto(u, line, want)->l;
}

/* All of them. */
static const struct lines *article_lines(struct ui *u, size_t line)
{
	return lines_upto(u, line, SIZE_MAX);
}

void article_invalidate(struct ui *u)
{
	u->drawn_ok = 0;
	for (size_t i = 0; i < LAYOUT_SLOTS; i++)
		u->cache[i].width = 0;
}

/* The first line of the run of blank lines holding line, the one a squeezed
 * line stands for: never before the article's first line. */
static size_t run_start(struct ui *u, size_t line)
{
	size_t nb = doc_prev_nonblank(&u->m->doc, line);
	size_t r = nb == SIZE_MAX ? 0 : nb + 1;
	return r < article_first_line(u) ? article_first_line(u) : r;
}

/* Step one display line; returns 0 at either end. */
static int pos_next(struct ui *u, struct pos *p)
{
	size_t nlines = u->m->doc.nlines;
	if (p->sub + 1 < lines_upto(u, p->line, p->sub + 2)->n) {
		p->sub++;
		return 1;
	}
	for (size_t l = p->line + 1; l < nlines; l++) {
		if (lines_upto(u, l, 1)->n) {
			p->line = l;
			p->sub = 0;
			return 1;
		}
		/* Squeezed: so is the rest of its run of blank lines. */
		l = doc_next_nonblank(&u->m->doc, l) - 1;
	}
	return 0;
}

static int pos_prev(struct ui *u, struct pos *p)
{
	if (p->sub > 0) {
		p->sub--;
		return 1;
	}
	for (size_t l = p->line; l-- > article_first_line(u);) {
		size_t n = article_lines(u, l)->n;
		if (n) {
			p->line = l;
			p->sub = n - 1;
			return 1;
		}
		l = run_start(u, l) + 1;    /* the blank that shows, next */
	}
	return 0;
}

static struct pos pos_end(struct ui *u)
{
	struct pos p = { u->m->doc.nlines ? u->m->doc.nlines - 1 : 0, 0 };
	if (p.line > article_first_line(u) && !lines_upto(u, p.line, 1)->n)
		p.line = run_start(u, p.line);
	size_t n = article_lines(u, p.line)->n;
	p.sub = n ? n - 1 : 0;
	return p;
}

/* Move p by up to delta display lines (down if delta > 0); the steps taken. */
static long pos_step(struct ui *u, struct pos *p, long delta)
{
	long k = 0;
	for (; delta > 0 && pos_next(u, p); delta--)
		k++;
	for (; delta < 0 && pos_prev(u, p); delta++)
		k++;
	return k;
}

/* The last top position that still fills the pane. */
static struct pos pos_max_top(struct ui *u)
{
	struct pos p = pos_end(u);
	pos_step(u, &p, -(long)(u->art_h - 1));
	return p;
}

/* The position on the pane's last row. */
static struct pos bottom_pos(struct ui *u)
{
	struct pos p = u->top;
	pos_step(u, &p, u->art_h - 1);
	return p;
}

static int pos_cmp(struct pos a, struct pos b)
{
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return a.sub < b.sub ? -1 : a.sub > b.sub;
}

size_t article_offset(struct ui *u, struct pos p)
{
	const struct lines *l = lines_upto(u, p.line, p.sub + 1);
	if (p.sub < l->n)
		return l->v[p.sub].start;
	return p.line < u->m->doc.nlines ? u->m->doc.line[p.line] : u->m->doc.len;
}

struct pos article_pos_of(struct ui *u, size_t off)
{
	const struct doc *d = &u->m->doc;
	struct pos p = { article_first_line(u), 0 };
	if (!d->nlines)
		return p;
	size_t line = doc_line_at(d, off);
	if (line < p.line)
		return p;
	p.line = line;
	/* Only as far as the display line holding off. */
	const struct layout_slot *s = slot_upto(u, line, 1);
	while (!s->done && s->l.v[s->l.n - 1].start <= off)
		s = slot_upto(u, line, s->l.n * 2);
	const struct lines *l = &s->l;
	if (!l->n) {
		/* A squeezed blank line: the next line that shows. */
		if (!pos_next(u, &p))
			return pos_end(u);
		return p;
	}
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].start <= off)
			p.sub = i;
	return p;
}

static void place_top(struct ui *u, struct pos p)
{
	/* A full pane below p proves p is no lower than the last top, and lays
	 * out only lines about to be drawn; else the document's end decides. */
	struct pos q = p;
	if (pos_step(u, &q, u->art_h - 1) < u->art_h - 1) {
		struct pos max = pos_max_top(u);
		if (pos_cmp(p, max) > 0)
			p = max;
	}
	struct pos first = { article_first_line(u), 0 };
	if (pos_cmp(p, first) < 0)
		p = first;
	if (!lines_upto(u, p.line, 1)->n && !pos_next(u, &p))
		p = first;
	u->top = p;
}

/* The reader moved: p is the new position. */
static void set_top(struct ui *u, struct pos p)
{
	place_top(u, p);
	u->anchor = article_offset(u, u->top);
}

void article_reanchor(struct ui *u)
{
	place_top(u, article_pos_of(u, u->anchor));
}

void article_scroll(struct ui *u, long delta)
{
	struct pos p = u->top;
	pos_step(u, &p, delta);
	set_top(u, p);
}

static void remember_position(struct ui *u)
{
	u->prev_off = u->anchor;
	u->has_prev = 1;
}

void article_goto_off(struct ui *u, size_t off)
{
	remember_position(u);
	set_top(u, article_pos_of(u, off));
}

/* Bring [start, end) on screen; if it is not, put it a third of the way down
 * so the sentence before it shows too. */
void article_show(struct ui *u, size_t start, size_t end)
{
	(void)end;
	struct pos p = article_pos_of(u, start);
	if (pos_cmp(p, u->top) >= 0 && pos_cmp(p, bottom_pos(u)) <= 0)
		return;
	remember_position(u);
	pos_step(u, &p, -(long)(u->art_h / 3));
	set_top(u, p);
}

/* Is b, on the pane's last row, the end of the article? */
static int at_end(struct ui *u, struct pos b)
{
	/* A non-blank line below the pane shows, so this is not the end: the
	 * status line asks every frame, and pos_end would lay the last out. */
	size_t last = doc_prev_nonblank(&u->m->doc, SIZE_MAX);
	if (last != SIZE_MAX && last > b.line)
		return 0;
	/* Nor is it when b's own line goes on: a long last line is laid out
	 * only as far as read. */
	if (lines_upto(u, b.line, b.sub + 2)->n > b.sub + 1)
		return 0;
	return pos_cmp(b, pos_end(u)) >= 0;
}

int article_percent(struct ui *u, int *end)
{
	const struct doc *d = &u->m->doc;
	/* One walk to the bottom row for both answers: the status line wants
	 * them every frame. */
	struct pos b = bottom_pos(u);
	int e = (end || doc_complete(d)) && at_end(u, b);
	if (end)
		*end = e;
	if (e && doc_complete(d))
		return 100;
	const struct lines *l = lines_upto(u, b.line, b.sub + 1);
	return model_percent_at(u->m, b.sub < l->n ? l->v[b.sub].end : d->line[b.line]);
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
	if (u->has_search) {
		for (size_t k = 0; k < u->mbuf_n; k += 2)
			paint(roles, ls, le, u->mbuf[k], u->mbuf[k + 1], ROLE_MATCH);
	}
	if (u->has_source)
		paint(roles, ls, le, u->src_start, u->src_end, ROLE_SOURCE);
	if (u->has_cursor)
		paint(roles, ls, le, u->cur_start, u->cur_end, ROLE_CURSOR);
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
		col += draw_text(w, y, col, u->art_w - col, t + s, e - s, u->attr[r]);
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
	draw_str(w, 0, 0, u->art_w, b.data ? b.data : "", u->attr[ROLE_HEADER]);
	buf_free(&b);
}

/* Rows the text moved up (> 0) or down since the last frame; 0 if that is
 * not known or a page or more. */
static long moved_since_drawn(struct ui *u)
{
	if (!u->drawn_ok || pos_cmp(u->drawn_top, u->top) == 0)
		return 0;
	struct pos p = u->drawn_top;
	for (long d = 1; d < u->art_h && pos_next(u, &p); d++)
		if (pos_cmp(p, u->top) == 0)
			return d;
	p = u->drawn_top;
	for (long d = 1; d < u->art_h && pos_prev(u, &p); d++)
		if (pos_cmp(p, u->top) == 0)
			return -d;
	return 0;
}

/* Where to look for search matches to show on `rows` rows from p on: the
 * whole source line, once per frame; but of a line of megabytes only the
 * part on screen and a margin wider than any match of the pattern, or every
 * key would search it all (22 ms a key on a 20 MB line). */
static void match_window(struct ui *u, struct pos p, int rows, size_t *from, size_t *to)
{
	const struct doc *d = &u->m->doc;
	size_t slack = search_reach(&u->search);
	size_t ls = d->line[p.line], le = doc_line_end(d, p.line);
	*from = ls;
	*to = le;
	if (le - ls <= 16 * slack)
		return;
	size_t first = lines_upto(u, p.line, p.sub + 1)->v[p.sub].start, last = first;
	for (struct pos q = p; rows-- > 0 && q.line == p.line;) {
		const struct lines *l = lines_upto(u, q.line, q.sub + 1);
		last = l->v[q.sub].end;
		if (!pos_next(u, &q))
			break;
	}
	if (first - ls > slack)
		*from = first - slack;
	if (le - last > slack)
		*to = last + slack;
	/* On characters' first bytes. */
	while (*from > ls && (d->text[*from] & 0xC0) == 0x80)
		(*from)--;
	while (*to < le && (d->text[*to] & 0xC0) == 0x80)
		(*to)++;
}

void article_draw(struct ui *u)
{
	WINDOW *w = u->win[PANE_ARTICLE];
	/* Beside the panel ncurses cannot scroll the text (it moves whole rows
	 * only when all of each row moves), and at full width it spends ~30
	 * bytes a scroll on it: move the rows on the terminal first. */
	long moved = moved_since_drawn(u);
	if (moved)
		term_scroll(u, w, u->art_title, u->art_title + u->art_h - 1, (int)moved);
	u->drawn_top = u->top;
	u->drawn_ok = 1;
	werase(w);
	int y0 = 0;
	if (u->art_title) {
		draw_title(u, w);
		y0 = 1;
	}
	struct pos p = u->top;
	size_t mline = (size_t)-1;
	for (int y = 0; y < u->art_h; y++) {
		const struct lines *l = lines_upto(u, p.line, p.sub + 1);
		if (p.sub < l->n) {
			if (u->has_search && mline != p.line) {
				size_t from, to;
				match_window(u, p, u->art_h - y, &from, &to);
				u->mbuf_n = 0;
				search_line(&u->search, u->m->doc.text, from, to, collect_match, u);
				mline = p.line;
			}
			draw_row(u, w, y + y0, &l->v[p.sub]);
		}
		if (!pos_next(u, &p)) {
			/* Past the end: mark empty rows as less does. */
			for (int k = y + 1; k < u->art_h; k++)
				draw_str(w, k + y0, 0, 1, "~", u->attr[ROLE_DIM]);
			break;
		}
	}
	wnoutrefresh(w);
}

/* ---- navigation --------------------------------------------------------- */

static void set_cursor(struct ui *u, size_t start, size_t end)
{
	u->has_cursor = 1;
	u->cur_start = start;
	u->cur_end = end;
	u->has_source = 0;
	article_show(u, start, end);
}

/* Reference point for relative jumps: the cursor when on screen, else the
 * top (forward) or bottom (backward) of the pane. */
static size_t jump_ref(struct ui *u, int backward, int *have)
{
	struct pos b = bottom_pos(u);
	size_t top = article_offset(u, u->top);
	const struct lines *bl = lines_upto(u, b.line, b.sub + 1);
	size_t bottom = b.sub < bl->n ? bl->v[b.sub].end : top;
	*have = 1;
	if (u->has_cursor && u->cur_start >= top && u->cur_start <= bottom)
		return u->cur_start;
	if (!backward && top == u->m->body) {
		*have = 0;      /* at the very top: the first highlight counts */
		return top;
	}
	return backward ? bottom : top;
}

/* The first highlight after `from` (forward) or before ref (backward): a
 * mention before a figure at the same place.  0 if there is none. */
static int highlight_near(struct ui *u, int backward, size_t ref, size_t from, size_t *s, size_t *e)
{
	const struct mentions *mn = &u->m->mentions;
	const struct figures *f = &u->m->figures;
	int found = 0;
	if (!backward) {
		size_t i = mentions_at(mn, from), j = figures_at(f, from);
		if (i < mn->n) {
			*s = mn->v[i].start, *e = mn->v[i].end, found = 1;
		}
		if (j < f->n && (!found || f->v[j].start < *s)) {
			*s = f->v[j].start, *e = f->v[j].end, found = 1;
		}
	} else {
		size_t i = mentions_at(mn, ref), j = figures_at(f, ref);
		if (i > 0) {
			*s = mn->v[i - 1].start, *e = mn->v[i - 1].end, found = 1;
		}
		if (j > 0 && (!found || f->v[j - 1].start > *s)) {
			*s = f->v[j - 1].start, *e = f->v[j - 1].end, found = 1;
		}
	}
	return found;
}

/* count steps at once, as that many presses would go: there is no wrapping
 * here, so a count past the last highlight stops on the last. */
static void next_highlight(struct ui *u, int backward, long count)
{
	int have;
	size_t ref = jump_ref(u, backward, &have);
	size_t from = have ? ref + 1 : ref;
	size_t best_s = 0, best_e = 0;
	int found = 0;
	for (size_t s, e; count-- > 0 && highlight_near(u, backward, ref, from, &s, &e);) {
		best_s = s, best_e = e, found = 1;
		ref = s;
		from = s + 1;
	}
	if (!found) {
		status_message(u, 0, backward ? "No highlight above" : "No highlight below");
		return;
	}
	set_cursor(u, best_s, best_e);
	status_describe_cursor(u);
}

static void next_occurrence(struct ui *u, int backward, long count)
{
	const struct selection *s = &u->sel;
	if (!s->nocc) {
		status_message(u, 1, "The selection has no occurrence in the text");
		return;
	}
	int have;
	size_t ref = jump_ref(u, backward, &have);
	size_t lo = occ_at(s, backward ? ref : (have ? ref + 1 : ref));
	/* count steps round the occurrences, wrapping as one step does. */
	size_t steps = (size_t)count;
	size_t k;
	int wrapped;
	if (!backward) {
		wrapped = steps - 1 >= s->nocc - lo;
		k = (lo + (steps - 1) % s->nocc) % s->nocc;
	} else {
		wrapped = steps > lo;
		k = (lo + s->nocc - steps % s->nocc) % s->nocc;
	}
	set_cursor(u, s->occ[k], s->occ_end[k]);
	status_describe_cursor(u);
	/* First on the line, where a narrow status line still shows it. */
	if (wrapped)
		status_message(u, 0, "[wrapped] %s", u->msg.data ? u->msg.data : "");
}

struct search_hit {
	size_t ref;
	int backward, whole;        /* whole: any match of the line counts */
	int found;
	size_t s, e;
};

static int take_hit(void *ctx, size_t s, size_t e)
{
	struct search_hit *h = ctx;
	if (!h->backward) {
		if (h->whole || s > h->ref) {
			h->found = 1, h->s = s, h->e = e;
			return 1;
		}
		return 0;
	}
	if (h->whole || s < h->ref) {
		h->found = 1, h->s = s, h->e = e;
		return 0;       /* keep going: the last one before ref wins */
	}
	return 1;
}

static int search_in_line(struct ui *u, size_t line, struct search_hit *h)
{
	const struct doc *d = &u->m->doc;
	h->found = 0;
	search_line(&u->search, d->text, d->line[line], doc_line_end(d, line), take_hit, h);
	return h->found;
}

/* The next match from ref into *h, without moving: 1 if there is one, and
 * in *wrapped whether the search went round the end to find it. */
static int search_from(struct ui *u, size_t ref, int have, int backward, int from_here,
		       struct search_hit *h, int *wrapped)
{
	const struct doc *d = &u->m->doc;
	size_t first = article_first_line(u), n = d->nlines;
	*h = (struct search_hit){ .ref = ref, .backward = backward };
	*wrapped = 0;
	/* A new search may match at the reference itself; a repeat may not. */
	if (!have || (from_here && !backward)) {
		if (ref == 0)
			h->whole = 1;
		else
			h->ref = ref - 1;
	}
	size_t start = doc_line_at(d, ref < d->len ? ref : d->len);
	if (start < first)
		start = first;
	size_t count = n - first;
	if (search_in_line(u, start, h))
		return 1;
	/* Then every other line once in the search direction, wrapping round,
	 * and the reference line again whole. */
	h->whole = 1;
	size_t span_lo = SIZE_MAX, span_hi = 0;     /* searched, not yet released */
	for (size_t i = 1; i <= count; i++) {
		size_t k = start - first;
		size_t line = first + (backward ? (k + count - i % count) % count : (k + i) % count);
		if (backward ? line >= start : line <= start)
			*wrapped = 1;
		/* A search through 100 MB need not keep 100 MB resident. */
		size_t ls = d->line[line], le = doc_line_end(d, line);
		span_lo = ls < span_lo ? ls : span_lo;
		span_hi = le > span_hi ? le : span_hi;
		if (span_hi - span_lo > ((size_t)4 << 20) || line == first || line == n - 1) {
			doc_release(d, span_lo, span_hi);
			span_lo = SIZE_MAX;
			span_hi = 0;
		}
		if (search_in_line(u, line, h))
			return 1;
	}
	return 0;
}

void article_search_next(struct ui *u, int backward, int from_here, long count)
{
	const struct doc *d = &u->m->doc;
	if (!u->has_search) {
		status_message(u, 1, "No previous search");
		return;
	}
	if (d->nlines <= article_first_line(u)) {
		status_message(u, 1, "Pattern not found");
		return;
	}
	int have, wrapped, w;
	size_t ref = jump_ref(u, backward, &have);
	struct search_hit h, next;
	if (!search_from(u, ref, have, backward, from_here, &h, &wrapped)) {
		status_message(u, 1, "Pattern not found");
		return;
	}
	/* The rest of the count, each from the last match, as that many n
	 * would go; once they come round to the first match the rest is
	 * whole rounds, skipped, so 99999999n is not a hundred million
	 * searches. */
	size_t first_s = h.s;
	int stopped = 0;
	for (long i = 1; i < count && search_from(u, h.s, 1, backward, 0, &next, &w); i++) {
		h = next;
		wrapped |= w;
		if (h.s == first_s)
			count = i + 1 + (count - 1 - i) % i;
		/* A round takes seconds on a big file, of a frequent pattern
		 * (/e over 100 MB: 15 s) or of a rare one (Cyrillic, 20 MB:
		 * 2.4 s in under 200 steps): ^C stops it where it got to.
		 * The flag is read at every step, the last one included, so
		 * no ^C that came during the search is taken as a quit. */
		if (ui_take_interrupt()) {
			stopped = 1;
			break;
		}
	}
	set_cursor(u, h.s, h.e);
	if (stopped)
		status_message(u, 1, "Search interrupted");
	else if (wrapped)
		status_message(u, 0, "Search wrapped to the %s", backward ? "bottom" : "top");
	else
		buf_reset(&u->msg);
}

void article_handle(struct ui *u, enum action a, long count)
{
	long page = u->art_h > 1 ? u->art_h - 1 : 1;
	switch (a) {
	case ACT_LINE_DOWN:
	case ACT_ENTER:
		article_scroll(u, count ? count : 1);
		break;
	case ACT_LINE_UP:
		article_scroll(u, -(count ? count : 1));
		break;
	case ACT_PAGE_DOWN:
		article_scroll(u, count ? count : page);
		break;
	case ACT_PAGE_UP:
		article_scroll(u, -(count ? count : page));
		break;
	case ACT_HALF_DOWN:
		article_scroll(u, count ? count : (u->art_h + 1) / 2);
		break;
	case ACT_HALF_UP:
		article_scroll(u, -(count ? count : (u->art_h + 1) / 2));
		break;
	case ACT_TOP:
	case ACT_BOTTOM:
		remember_position(u);
		if (count) {
			size_t line = (size_t)count - 1;
			if (line >= u->m->doc.nlines)
				line = u->m->doc.nlines ? u->m->doc.nlines - 1 : 0;
			set_top(u, article_pos_of(u, u->m->doc.nlines ? u->m->doc.line[line] : 0));
		} else if (a == ACT_TOP) {
			set_top(u, (struct pos){ article_first_line(u), 0 });
		} else {
			set_top(u, pos_max_top(u));
		}
		break;
	case ACT_PERCENT: {
		const struct doc *d = &u->m->doc;
		long pct = count > 100 ? 100 : count;
		remember_position(u);
		set_top(u, article_pos_of(u, u->m->body + (size_t)((double)(d->len - u->m->body)
								       * (double)pct / 100)));
		break;
	}
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
			article_search_next(u, back ^ u->search_back, 0, count ? count : 1);
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
	y -= u->art_title;
	if (y < 0 || y >= u->art_h)
		return 0;
	struct pos p = u->top;
	for (int i = 0; i < y; i++)
		if (!pos_next(u, &p))
			return 0;
	const struct lines *l = lines_upto(u, p.line, p.sub + 1);
	if (p.sub >= l->n)
		return 0;
	const uint8_t *t = u->m->doc.text;
	int col = 0;
	for (size_t s = l->v[p.sub].start; s < l->v[p.sub].end;) {
		size_t e = layout_next_cluster(t, s, l->v[p.sub].end);
		col += layout_cluster_width(t, s, e, col);
		if (x < col) {
			*off = s;
			return 1;
		}
		s = e;
	}
	return 0;
}
