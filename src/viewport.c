/* The article's viewport: positions, squeezing, lazy layout, jumps and
 * search, without a terminal (see viewport.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/util.h"
#include "brief/viewport.h"

static const struct vp_slot no_slot = { .done = 1 };

/* Where line i starts: the one place the line index is read. */
static size_t line_start(const struct doc *d, size_t i)
{
	return doc_line_start(d, i);
}

void vp_init(struct viewport *vp, const struct doc *d, size_t first, size_t body)
{
	memset(vp, 0, sizeof *vp);
	vp->doc = d;
	vp->first = first;
	vp->body = body;
	vp->width = vp->height = 1;
	vp->anchor = body;
	vp->top.line = first;
	for (int i = 0; i < 26; i++)
		vp->marks[i] = SIZE_MAX;
	vp->cache = xcalloc(VP_SLOTS, sizeof *vp->cache);
}

void vp_free(struct viewport *vp)
{
	search_free(&vp->search);
	for (size_t i = 0; vp->cache && i < VP_SLOTS; i++)
		lines_free(&vp->cache[i].l);
	free(vp->cache);
	vp->cache = NULL;
}

/* Display lines of a source line at the pane width, cached, laid out as
 * far as the first `want` at least: a line of megabytes is laid out only as
 * far as it is read.  A run of blank lines shows as one, as less -s does:
 * web text doubles its blank lines. */
static const struct vp_slot *slot_upto(struct viewport *vp, size_t line, size_t want)
{
	const struct doc *d = vp->doc;
	if (line >= d->nlines)
		return &no_slot;
	if (line > vp->first && doc_line_blank(d, line) && doc_line_blank(d, line - 1))
		return &no_slot;
	struct vp_slot *s = &vp->cache[line % VP_SLOTS];
	if (s->width != vp->width || s->line != line) {
		s->l.n = 0;
		s->line = line;
		s->width = vp->width;
		s->from = line_start(d, line);
		s->done = 0;
	}
	if (!s->done && s->l.n < want) {
		if (vp->chunk)
			s->done = layout_more_by(&s->l, d->text, line_start(d, line), &s->from,
						 doc_line_end(d, line), vp->width, want, vp->chunk,
						 vp->margin);
		else
			s->done = layout_more(&s->l, d->text, line_start(d, line), &s->from,
					      doc_line_end(d, line), vp->width, want);
	}
	return s;
}

const struct lines *vp_lines(struct viewport *vp, size_t line, size_t want)
{
	return &slot_upto(vp, line, want)->l;
}

const struct lline *vp_lline(struct viewport *vp, struct vp_pos p)
{
	const struct lines *l = vp_lines(vp, p.line, p.sub + 1);
	return p.sub < l->n ? &l->v[p.sub] : NULL;
}

/* All of them. */
static const struct lines *all_lines(struct viewport *vp, size_t line)
{
	return vp_lines(vp, line, SIZE_MAX);
}

static void invalidate(struct viewport *vp)
{
	for (size_t i = 0; i < VP_SLOTS; i++)
		vp->cache[i].width = 0;
}

/* The first line of the run of blank lines holding line, the one a squeezed
 * line stands for: never before the article's first line. */
static size_t run_start(struct viewport *vp, size_t line)
{
	size_t nb = doc_prev_nonblank(vp->doc, line);
	size_t r = nb == SIZE_MAX ? 0 : nb + 1;
	return r < vp->first ? vp->first : r;
}

int vp_next(struct viewport *vp, struct vp_pos *p)
{
	size_t nlines = vp->doc->nlines;
	if (p->sub + 1 < vp_lines(vp, p->line, p->sub + 2)->n) {
		p->sub++;
		return 1;
	}
	for (size_t l = p->line + 1; l < nlines; l++) {
		if (vp_lines(vp, l, 1)->n) {
			p->line = l;
			p->sub = 0;
			return 1;
		}
		/* Squeezed: so is the rest of its run of blank lines. */
		l = doc_next_nonblank(vp->doc, l) - 1;
	}
	return 0;
}

int vp_prev(struct viewport *vp, struct vp_pos *p)
{
	if (p->sub > 0) {
		p->sub--;
		return 1;
	}
	for (size_t l = p->line; l-- > vp->first;) {
		size_t n = all_lines(vp, l)->n;
		if (n) {
			p->line = l;
			p->sub = n - 1;
			return 1;
		}
		l = run_start(vp, l) + 1;   /* the blank that shows, next */
	}
	return 0;
}

struct vp_pos vp_end(struct viewport *vp)
{
	const struct doc *d = vp->doc;
	struct vp_pos p = { d->nlines ? d->nlines - 1 : 0, 0 };
	if (p.line > vp->first && !vp_lines(vp, p.line, 1)->n)
		p.line = run_start(vp, p.line);
	size_t n = all_lines(vp, p.line)->n;
	p.sub = n ? n - 1 : 0;
	return p;
}

long vp_step(struct viewport *vp, struct vp_pos *p, long delta)
{
	long k = 0;
	for (; delta > 0 && vp_next(vp, p); delta--)
		k++;
	for (; delta < 0 && vp_prev(vp, p); delta++)
		k++;
	return k;
}

struct vp_pos vp_max_top(struct viewport *vp)
{
	struct vp_pos p = vp_end(vp);
	vp_step(vp, &p, -(long)(vp->height - 1));
	return p;
}

struct vp_pos vp_bottom(struct viewport *vp)
{
	struct vp_pos p = vp->top;
	vp_step(vp, &p, vp->height - 1);
	return p;
}

long vp_moved(struct viewport *vp, struct vp_pos from)
{
	if (vp_cmp(from, vp->top) == 0)
		return 0;
	struct vp_pos p = from;
	for (long d = 1; d < vp->height && vp_next(vp, &p); d++)
		if (vp_cmp(p, vp->top) == 0)
			return d;
	p = from;
	for (long d = 1; d < vp->height && vp_prev(vp, &p); d++)
		if (vp_cmp(p, vp->top) == 0)
			return -d;
	return 0;
}

size_t vp_offset(struct viewport *vp, struct vp_pos p)
{
	const struct lines *l = vp_lines(vp, p.line, p.sub + 1);
	if (p.sub < l->n)
		return l->v[p.sub].start;
	return p.line < vp->doc->nlines ? line_start(vp->doc, p.line) : vp->doc->len;
}

struct vp_pos vp_pos_of(struct viewport *vp, size_t off)
{
	const struct doc *d = vp->doc;
	struct vp_pos p = { vp->first, 0 };
	if (!d->nlines)
		return p;
	size_t line = doc_line_at(d, off);
	if (line < p.line)
		return p;
	p.line = line;
	/* Only as far as the display line holding off. */
	const struct vp_slot *s = slot_upto(vp, line, 1);
	while (!s->done && s->l.v[s->l.n - 1].start <= off)
		s = slot_upto(vp, line, s->l.n * 2);
	const struct lines *l = &s->l;
	if (!l->n) {
		/* A squeezed blank line: the next line that shows. */
		if (!vp_next(vp, &p))
			return vp_end(vp);
		return p;
	}
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].start <= off)
			p.sub = i;
	return p;
}

static void place_top(struct viewport *vp, struct vp_pos p)
{
	/* A full pane below p proves p is no lower than the last top, and lays
	 * out only lines about to be drawn; else the document's end decides. */
	struct vp_pos q = p;
	if (vp_step(vp, &q, vp->height - 1) < vp->height - 1) {
		struct vp_pos max = vp_max_top(vp);
		if (vp_cmp(p, max) > 0)
			p = max;
	}
	struct vp_pos first = { vp->first, 0 };
	if (vp_cmp(p, first) < 0)
		p = first;
	if (!vp_lines(vp, p.line, 1)->n && !vp_next(vp, &p))
		p = first;
	vp->top = p;
}

/* The reader moved: p is the new position. */
static void set_top(struct viewport *vp, struct vp_pos p)
{
	place_top(vp, p);
	vp->anchor = vp_offset(vp, vp->top);
}

void vp_resize(struct viewport *vp, int width, int height)
{
	vp->width = width < 1 ? 1 : width;
	vp->height = height < 1 ? 1 : height;
	invalidate(vp);
	/* From where the reader moved to, not from the top line's start:
	 * that start moves back at each re-wrap. */
	place_top(vp, vp_pos_of(vp, vp->anchor));
}

void vp_set_anchor(struct viewport *vp, size_t off)
{
	vp->anchor = off;
	place_top(vp, vp_pos_of(vp, off));
}

void vp_scroll(struct viewport *vp, long delta)
{
	struct vp_pos p = vp->top;
	vp_step(vp, &p, delta);
	set_top(vp, p);
}

void vp_remember(struct viewport *vp)
{
	vp->prev_off = vp->anchor;
	vp->has_prev = 1;
}

void vp_goto_off(struct viewport *vp, size_t off)
{
	vp_remember(vp);
	set_top(vp, vp_pos_of(vp, off));
}

void vp_show(struct viewport *vp, size_t off)
{
	struct vp_pos p = vp_pos_of(vp, off);
	if (vp_cmp(p, vp->top) >= 0 && vp_cmp(p, vp_bottom(vp)) <= 0)
		return;
	vp_remember(vp);
	vp_step(vp, &p, -(long)(vp->height / 3));
	set_top(vp, p);
}

void vp_goto_top(struct viewport *vp)
{
	vp_remember(vp);
	set_top(vp, (struct vp_pos){ vp->first, 0 });
}

void vp_goto_end(struct viewport *vp)
{
	vp_remember(vp);
	set_top(vp, vp_max_top(vp));
}

void vp_goto_line(struct viewport *vp, size_t n)
{
	const struct doc *d = vp->doc;
	size_t line = n - 1;
	if (line >= d->nlines)
		line = d->nlines ? d->nlines - 1 : 0;
	vp_remember(vp);
	set_top(vp, vp_pos_of(vp, d->nlines ? line_start(d, line) : 0));
}

void vp_goto_percent(struct viewport *vp, long pct)
{
	const struct doc *d = vp->doc;
	if (pct > 100)
		pct = 100;
	vp_remember(vp);
	set_top(vp, vp_pos_of(vp, vp->body + (size_t)((double)(d->len - vp->body) * (double)pct
						       / 100)));
}

/* Is b, on the pane's last row, the end of the article? */
static int at_end(struct viewport *vp, struct vp_pos b)
{
	/* A non-blank line below the pane shows, so this is not the end: the
	 * status line asks every frame, and vp_end would lay the last out. */
	size_t last = doc_prev_nonblank(vp->doc, SIZE_MAX);
	if (last != SIZE_MAX && last > b.line)
		return 0;
	/* Nor is it when b's own line goes on: a long last line is laid out
	 * only as far as read. */
	if (vp_lines(vp, b.line, b.sub + 2)->n > b.sub + 1)
		return 0;
	return vp_cmp(b, vp_end(vp)) >= 0;
}

size_t vp_bottom_off(struct viewport *vp, int *end)
{
	/* One walk to the bottom row for both answers: the status line wants
	 * them every frame. */
	struct vp_pos b = vp_bottom(vp);
	if (end)
		*end = at_end(vp, b);
	const struct lline *ll = vp_lline(vp, b);
	return ll ? ll->end : vp_offset(vp, b);
}

/* ---- the cursor --------------------------------------------------------- */

void vp_set_cursor(struct viewport *vp, size_t start, size_t end)
{
	vp->has_cursor = 1;
	vp->cur_start = start;
	vp->cur_end = end;
	vp->has_source = 0;
	vp_show(vp, start);
}

void vp_set_source(struct viewport *vp, size_t start, size_t end)
{
	vp->has_cursor = 0;
	vp->has_source = 1;
	vp->src_start = start;
	vp->src_end = end;
	vp_show(vp, start);
}

/* Reference point for relative jumps: the cursor when on screen, else the
 * top (forward) or bottom (backward) of the pane. */
static size_t jump_ref(struct viewport *vp, int backward, int *have)
{
	struct vp_pos b = vp_bottom(vp);
	size_t top = vp_offset(vp, vp->top);
	const struct lines *bl = vp_lines(vp, b.line, b.sub + 1);
	size_t bottom = b.sub < bl->n ? bl->v[b.sub].end : top;
	*have = 1;
	if (vp->has_cursor && vp->cur_start >= top && vp->cur_start <= bottom)
		return vp->cur_start;
	if (!backward && top == vp->body) {
		*have = 0;      /* at the very top: the first highlight counts */
		return top;
	}
	return backward ? bottom : top;
}

/* The first highlight after `from` (forward) or before ref (backward): a
 * mention before a figure at the same place.  0 if there is none. */
static int highlight_near(const struct mentions *mn, const struct figures *f, int backward,
			  size_t ref, size_t from, size_t *s, size_t *e)
{
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

int vp_next_highlight(struct viewport *vp, const struct mentions *mn, const struct figures *f,
		      int backward, long count)
{
	int have;
	size_t ref = jump_ref(vp, backward, &have);
	size_t from = have ? ref + 1 : ref;
	size_t best_s = 0, best_e = 0;
	int found = 0;
	for (size_t s, e; count-- > 0 && highlight_near(mn, f, backward, ref, from, &s, &e);) {
		best_s = s, best_e = e, found = 1;
		ref = s;
		from = s + 1;
	}
	if (found)
		vp_set_cursor(vp, best_s, best_e);
	return found;
}

/* Index of the first of occ[0, n) at or after off. */
static size_t first_at(const size_t *occ, size_t n, size_t off)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (occ[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void vp_next_occurrence(struct viewport *vp, const size_t *occ, const size_t *occ_end, size_t n,
			int backward, long count, int *wrapped)
{
	int have;
	size_t ref = jump_ref(vp, backward, &have);
	size_t lo = first_at(occ, n, backward ? ref : (have ? ref + 1 : ref));
	/* count steps round the occurrences, wrapping as one step does. */
	size_t steps = (size_t)count;
	size_t k;
	if (!backward) {
		*wrapped = steps - 1 >= n - lo;
		k = (lo + (steps - 1) % n) % n;
	} else {
		*wrapped = steps > lo;
		k = (lo + n - steps % n) % n;
	}
	vp_set_cursor(vp, occ[k], occ_end[k]);
}

/* ---- search -------------------------------------------------------------- */

int vp_search_set(struct viewport *vp, const char *pattern, size_t len, int backward)
{
	return vp_search_set_case(vp, pattern, len, backward, SEARCH_IGNORE);
}

int vp_search_set_case(struct viewport *vp, const char *pattern, size_t len, int backward,
		       enum search_case c)
{
	search_free(&vp->search);
	if (search_compile_case(&vp->search, pattern, len, search_exact_case(pattern, len, c)) != 0) {
		vp->has_search = 0;
		return -1;
	}
	vp->has_search = 1;
	vp->search_back = backward;
	return 0;
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

static int search_in_line(struct viewport *vp, size_t line, struct search_hit *h)
{
	const struct doc *d = vp->doc;
	h->found = 0;
	search_line(&vp->search, d->text, line_start(d, line), doc_line_end(d, line), take_hit, h);
	return h->found;
}

/* The next match from ref into *h, without moving: 1 if there is one, and
 * in *wrapped whether the search went round the end to find it. */
static int search_from(struct viewport *vp, size_t ref, int have, int backward, int from_here,
		       struct search_hit *h, int *wrapped)
{
	const struct doc *d = vp->doc;
	size_t first = vp->first, n = d->nlines;
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
	if (search_in_line(vp, start, h))
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
		size_t ls = line_start(d, line), le = doc_line_end(d, line);
		span_lo = ls < span_lo ? ls : span_lo;
		span_hi = le > span_hi ? le : span_hi;
		if (span_hi - span_lo > ((size_t)4 << 20) || line == first || line == n - 1) {
			doc_release(d, span_lo, span_hi);
			span_lo = SIZE_MAX;
			span_hi = 0;
		}
		if (search_in_line(vp, line, h))
			return 1;
	}
	return 0;
}

enum vp_found vp_search_next(struct viewport *vp, int backward, int from_here, long count,
			     int (*stop)(void *ctx), void *ctx)
{
	if (!vp->has_search)
		return VP_NO_SEARCH;
	if (vp->doc->nlines <= vp->first)
		return VP_NOT_FOUND;
	int have, wrapped, w;
	size_t ref = jump_ref(vp, backward, &have);
	struct search_hit h, next;
	if (!search_from(vp, ref, have, backward, from_here, &h, &wrapped))
		return VP_NOT_FOUND;
	/* The rest of the count, each from the last match, as that many n
	 * would go; once they come round to the first match the rest is
	 * whole rounds, skipped, so 99999999n is not a hundred million
	 * searches. */
	size_t first_s = h.s;
	int stopped = 0;
	for (long i = 1; i < count && search_from(vp, h.s, 1, backward, 0, &next, &w); i++) {
		h = next;
		wrapped |= w;
		if (h.s == first_s)
			count = i + 1 + (count - 1 - i) % i;
		/* A round takes seconds on a big file, of a frequent pattern
		 * (/e over 100 MB: 15 s) or of a rare one (Cyrillic, 20 MB:
		 * 2.4 s in under 200 steps): the caller can stop it where it
		 * got to.  It is asked at every step, the last one included,
		 * so that no request to stop that came during the search is
		 * left for later. */
		if (stop && stop(ctx)) {
			stopped = 1;
			break;
		}
	}
	vp_set_cursor(vp, h.s, h.e);
	return stopped ? VP_STOPPED : wrapped ? VP_WRAPPED : VP_FOUND;
}

void vp_match_window(struct viewport *vp, struct vp_pos p, int rows, size_t *from, size_t *to)
{
	const struct doc *d = vp->doc;
	size_t slack = search_reach(&vp->search);
	size_t ls = line_start(d, p.line), le = doc_line_end(d, p.line);
	*from = ls;
	*to = le;
	/* Every key would search all of a line of megabytes otherwise (22 ms
	 * a key on a 20 MB line). */
	if (le - ls <= 16 * slack)
		return;
	size_t first = vp_lines(vp, p.line, p.sub + 1)->v[p.sub].start, last = first;
	for (struct vp_pos q = p; rows-- > 0 && q.line == p.line;) {
		const struct lines *l = vp_lines(vp, q.line, q.sub + 1);
		last = l->v[q.sub].end;
		if (!vp_next(vp, &q))
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

int vp_hit(struct viewport *vp, int row, int col, size_t *off)
{
	if (row < 0 || row >= vp->height || col < 0)
		return 0;
	struct vp_pos p = vp->top;
	for (int i = 0; i < row; i++)
		if (!vp_next(vp, &p))
			return 0;
	const struct lline *ll = vp_lline(vp, p);
	if (!ll)
		return 0;
	const uint8_t *t = vp->doc->text;
	int c = 0;
	for (size_t s = ll->start; s < ll->end;) {
		size_t e = layout_next_cluster(t, s, ll->end);
		c += layout_cluster_width(t, s, e, c);
		if (col < c) {
			*off = s;
			return 1;
		}
		s = e;
	}
	return 0;
}
