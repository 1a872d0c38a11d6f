/* libFuzzer target: the viewport driven by a script of commands.
 *
 * Input: two bytes, little-endian, the length of the document that follows
 * (cut to what there is); the document (sanitised with doc_load_mem); then
 * the script, four bytes a command: an opcode and three arguments.  The
 * first argument byte of the first command also picks the article's first
 * line.  The viewport lays out in chunks of 64 bytes (margin 16), so lines
 * longer than that are laid out lazily as in a file of megabytes.
 * Capitalised ASCII words stand for mentions (of four entities, by their
 * first letter), figures are figures_scan's, and the mentions of entity 0
 * are the selection's occurrences.
 *
 * Commands: scroll, page, resize, go to a line, a percentage, the top, the
 * end, an offset, show an offset, ]/[ with a count, a selection's n/N,
 * compile a search (a slice of the document or of the script), a counted
 * search (sometimes stopped after a few steps), restore an anchor, a click,
 * the match window.
 *
 * Invariants, after every command: top is a position that shows (on or
 * after the first line, not on a squeezed blank line); the pane is full
 * unless the whole article fits; one step down and back up returns to top,
 * and so does the offset of top read back as a position; the anchor is on
 * the top row, or below it when top is the last top there is; the cursor
 * (when there is one) spans text, and after a jump it is on screen, on a
 * highlight, an occurrence or a match of the search; a search that finds
 * nothing has nothing to find; rows moved since the last frame lead from
 * its top to this one; a click answers the byte drawn there; the match
 * window lies in its line and holds the rows shown; at the end, the bottom
 * row is the article's last. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/document.h"
#include "brief/figures.h"
#include "brief/mentions.h"
#include "brief/search.h"
#include "brief/util.h"
#include "brief/viewport.h"
#include "fuzz.h"

/* Where line i starts: the one place the target reads the line index. */
static size_t line_off(const struct doc *d, size_t i)
{
	return doc_line_start(d, i);
}

struct run {
	struct doc d;
	struct viewport vp;
	struct mentions mn;
	struct figures fs;
	size_t *occ, *occ_end;
	size_t nocc;
};

static int posfmt_eq(struct vp_pos a, struct vp_pos b)
{
	return vp_cmp(a, b) == 0;
}

/* Capitalised ASCII words as mentions, in order, none overlapping. */
static void fake_mentions(struct run *r)
{
	const uint8_t *t = r->d.text;
	size_t cap = 0, occ_cap = 0;
	for (size_t i = 0; i < r->d.len;) {
		int starts = t[i] >= 'A' && t[i] <= 'Z' && (i == 0 || !(t[i - 1] >= 'a' && t[i - 1] <= 'z'));
		if (!starts) {
			i++;
			continue;
		}
		size_t e = i + 1;
		while (e < r->d.len && t[e] >= 'a' && t[e] <= 'z')
			e++;
		r->mn.v = xgrowarray(r->mn.v, &cap, r->mn.n + 1, sizeof *r->mn.v);
		uint32_t entity = (uint32_t)(t[i] - 'A') % 4;
		r->mn.v[r->mn.n++] = (struct mention){ i, e, entity, 0 };
		if (entity == 0) {
			size_t c2 = occ_cap;
			r->occ = xgrowarray(r->occ, &occ_cap, r->nocc + 1, sizeof *r->occ);
			r->occ_end = xgrowarray(r->occ_end, &c2, r->nocc + 1, sizeof *r->occ_end);
			r->occ[r->nocc] = i;
			r->occ_end[r->nocc++] = e;
		}
		i = e;
	}
}

static int shows(struct run *r, struct vp_pos p)
{
	const struct lines *l = vp_lines(&r->vp, p.line, p.sub + 1);
	return p.line >= r->vp.first && p.line < r->d.nlines && p.sub < l->n;
}

/* The cursor's span is a match of the search, on its line. */
struct exact {
	size_t s, e;
	int seen;
};

static int is_exact(void *ctx, size_t s, size_t e)
{
	struct exact *x = ctx;
	if (s == x->s && e == x->e)
		x->seen = 1;
	return x->seen;
}

static int any_match(void *ctx, size_t s, size_t e)
{
	(void)s, (void)e;
	*(int *)ctx = 1;
	return 1;
}

static int stop_countdown(void *ctx)
{
	int *left = ctx;
	return --*left <= 0;
}

static void check_cursor_on_screen(struct run *r, const char *why)
{
	struct viewport *vp = &r->vp;
	FUZZ_CHECK(vp->has_cursor, "%s: no cursor", why);
	struct vp_pos c = vp_pos_of(vp, vp->cur_start);
	FUZZ_CHECK(vp_cmp(vp->top, c) <= 0 && vp_cmp(c, vp_bottom(vp)) <= 0,
		   "%s: the cursor at %zu (%zu, %zu) is off the pane from (%zu, %zu)", why,
		   vp->cur_start, c.line, c.sub, vp->top.line, vp->top.sub);
}

static void check_invariants(struct run *r, struct vp_pos was, int op)
{
	struct viewport *vp = &r->vp;
	const struct doc *d = &r->d;
	if (d->nlines <= vp->first) {
		FUZZ_CHECK(vp->top.line == vp->first && vp->top.sub == 0,
			   "op %d: no article, yet top is (%zu, %zu)", op, vp->top.line, vp->top.sub);
		return;
	}
	FUZZ_CHECK(shows(r, vp->top), "op %d: top (%zu, %zu) does not show (first %zu, %zu lines)", op,
		   vp->top.line, vp->top.sub, vp->first, d->nlines);
	/* Full, unless the whole article fits. */
	struct vp_pos q = vp->top;
	long below = vp_step(vp, &q, vp->height - 1);
	struct vp_pos p = vp->top;
	FUZZ_CHECK(below == vp->height - 1 || !vp_prev(vp, &p),
		   "op %d: %ld rows below top (%zu, %zu) in a pane of %d, with more above", op, below,
		   vp->top.line, vp->top.sub, vp->height);
	FUZZ_CHECK(posfmt_eq(vp_bottom(vp), q), "op %d: vp_bottom is not %ld rows down", op, below);
	/* Steps are each other's inverse. */
	p = vp->top;
	if (vp_next(vp, &p)) {
		FUZZ_CHECK(shows(r, p), "op %d: the row after top does not show", op);
		FUZZ_CHECK(vp_prev(vp, &p) && posfmt_eq(p, vp->top),
			   "op %d: down and up from (%zu, %zu) gives (%zu, %zu)", op, vp->top.line,
			   vp->top.sub, p.line, p.sub);
	}
	p = vp->top;
	if (vp_prev(vp, &p)) {
		FUZZ_CHECK(shows(r, p), "op %d: the row before top does not show", op);
		FUZZ_CHECK(vp_next(vp, &p) && posfmt_eq(p, vp->top),
			   "op %d: up and down from (%zu, %zu) gives (%zu, %zu)", op, vp->top.line,
			   vp->top.sub, p.line, p.sub);
	}
	size_t off = vp_offset(vp, vp->top);
	p = vp_pos_of(vp, off);
	FUZZ_CHECK(posfmt_eq(p, vp->top), "op %d: top (%zu, %zu) starts at %zu, which reads back as "
		   "(%zu, %zu)", op, vp->top.line, vp->top.sub, off, p.line, p.sub);
	/* The anchor. */
	FUZZ_CHECK(vp->anchor <= d->len, "op %d: anchor %zu past the text (%zu)", op, vp->anchor, d->len);
	struct vp_pos a = vp_pos_of(vp, vp->anchor);
	FUZZ_CHECK(posfmt_eq(a, vp->top) || (vp_cmp(a, vp->top) > 0 && posfmt_eq(vp->top, vp_max_top(vp))),
		   "op %d: anchor %zu is at (%zu, %zu), top at (%zu, %zu), last top (%zu, %zu)", op,
		   vp->anchor, a.line, a.sub, vp->top.line, vp->top.sub, vp_max_top(vp).line,
		   vp_max_top(vp).sub);
	if (vp->has_cursor)
		FUZZ_CHECK(vp->cur_start < vp->cur_end && vp->cur_end <= d->len,
			   "op %d: cursor [%zu, %zu) in a text of %zu", op, vp->cur_start, vp->cur_end, d->len);
	FUZZ_CHECK(!(vp->has_cursor && vp->has_source), "op %d: a cursor and a source at once", op);
	/* Rows moved lead from the last frame's top to this one (a frame at
	 * another width is not asked: its rows are gone). */
	long moved = op == 2 ? 0 : vp_moved(vp, was);
	if (moved) {
		p = was;
		FUZZ_CHECK(vp_step(vp, &p, moved) == (moved > 0 ? moved : -moved) && posfmt_eq(p, vp->top),
			   "op %d: moved %ld from (%zu, %zu) does not reach top", op, moved, was.line, was.sub);
		FUZZ_CHECK(moved < vp->height && -moved < vp->height, "op %d: moved %ld in a pane of %d",
			   op, moved, vp->height);
	}
	int end = 0;
	size_t boff = vp_bottom_off(vp, &end);
	FUZZ_CHECK(boff <= d->len, "op %d: bottom offset %zu past the text", op, boff);
	if (end)
		FUZZ_CHECK(posfmt_eq(vp_bottom(vp), vp_end(vp)), "op %d: at the end, yet the bottom row is "
			   "not the last", op);
}

static void check_search_found(struct run *r, enum vp_found f)
{
	struct viewport *vp = &r->vp;
	const struct doc *d = &r->d;
	if (f == VP_NOT_FOUND) {
		for (size_t l = vp->first; l < d->nlines; l++) {
			int any = 0;
			search_line(&vp->search, d->text, line_off(d, l), doc_line_end(d, l), any_match, &any);
			FUZZ_CHECK(!any, "not found, yet line %zu has a match", l);
		}
		return;
	}
	if (f != VP_FOUND && f != VP_WRAPPED && f != VP_STOPPED)
		return;
	check_cursor_on_screen(r, "search");
	size_t l = doc_line_at(d, vp->cur_start);
	FUZZ_CHECK(l >= vp->first, "a match on line %zu, above the article (%zu)", l, vp->first);
	struct exact x = { vp->cur_start, vp->cur_end, 0 };
	search_line(&vp->search, d->text, line_off(d, l), doc_line_end(d, l), is_exact, &x);
	FUZZ_CHECK(x.seen, "the cursor [%zu, %zu) is not a match of line %zu", vp->cur_start, vp->cur_end, l);
}

static void check_on_highlight(struct run *r)
{
	struct viewport *vp = &r->vp;
	int ok = 0;
	size_t i = mentions_at(&r->mn, vp->cur_start);
	if (i < r->mn.n && r->mn.v[i].start == vp->cur_start && r->mn.v[i].end == vp->cur_end)
		ok = 1;
	size_t j = figures_at(&r->fs, vp->cur_start);
	for (; !ok && j < r->fs.n && r->fs.v[j].start == vp->cur_start; j++)
		ok = r->fs.v[j].end == vp->cur_end;
	FUZZ_CHECK(ok, "the cursor [%zu, %zu) is on no highlight", vp->cur_start, vp->cur_end);
	check_cursor_on_screen(r, "]/[");
}

/* A slice of the document (or of the script when the document has none)
 * as a pattern, sanitised as the prompt would have it. */
static void set_search(struct run *r, const uint8_t *arg, const uint8_t *script, size_t nscript)
{
	size_t len = (size_t)arg[1] % 12 + 1;
	const char *src;
	size_t n;
	if (r->d.len && !(arg[2] & 1)) {
		size_t off = ((size_t)arg[0] * 257 + arg[2]) % r->d.len;
		src = (const char *)r->d.text + off;
		n = r->d.len - off < len ? r->d.len - off : len;
	} else {
		size_t off = nscript ? (size_t)arg[0] % nscript : 0;
		src = (const char *)script + off;
		n = nscript - off < len ? nscript - off : len;
	}
	size_t plen;
	char *pat = doc_sanitize_str(src, n, &plen);
	/* A pattern is one line. */
	char *lf = memchr(pat, '\n', plen);
	if (lf)
		plen = (size_t)(lf - pat);
	if (vp_search_set(&r->vp, pat, plen, arg[2] & 2) != 0)
		FUZZ_CHECK(!r->vp.has_search, "an empty pattern left a search");
	free(pat);
}

static void run_command(struct run *r, const uint8_t *c, const uint8_t *script, size_t nscript)
{
	struct viewport *vp = &r->vp;
	size_t len = r->d.len;
	size_t off = len ? ((size_t)c[1] | (size_t)c[2] << 8 | (size_t)c[3] << 16) % (len + 1) : 0;
	long count = c[2] % 5 + 1;
	switch (c[0] % 17) {
	case 0:
		vp_scroll(vp, (int8_t)c[1]);
		break;
	case 1:
		vp_scroll(vp, c[1] & 1 ? vp->height - 1 : -(vp->height - 1));
		break;
	case 2:
		vp_resize(vp, c[1] % 100 + 1, c[2] % 40 + 1);
		break;
	case 3:
		vp_goto_line(vp, ((size_t)c[1] | (size_t)c[2] << 8) + 1);
		break;
	case 4:
		vp_goto_percent(vp, c[1] % 120);
		break;
	case 5:
		vp_goto_top(vp);
		break;
	case 6:
		vp_goto_end(vp);
		break;
	case 7:
		vp_goto_off(vp, off);
		break;
	case 8: {
		vp_show(vp, off);
		if (r->d.nlines > vp->first) {
			struct vp_pos p = vp_pos_of(vp, off);
			FUZZ_CHECK(vp_cmp(vp->top, p) <= 0 && vp_cmp(p, vp_bottom(vp)) <= 0,
				   "shown offset %zu is off the pane", off);
		}
		break;
	}
	case 9:
		if (vp_next_highlight(vp, &r->mn, &r->fs, c[1] & 1, count))
			check_on_highlight(r);
		break;
	case 10:
		if (r->nocc) {
			int wrapped;
			vp_next_occurrence(vp, r->occ, r->occ_end, r->nocc, c[1] & 1, count, &wrapped);
			size_t k = 0;
			while (k < r->nocc && r->occ[k] != vp->cur_start)
				k++;
			FUZZ_CHECK(k < r->nocc && r->occ_end[k] == vp->cur_end,
				   "the cursor [%zu, %zu) is on no occurrence", vp->cur_start, vp->cur_end);
			check_cursor_on_screen(r, "occurrence");
		}
		break;
	case 11:
		set_search(r, c + 1, script, nscript);
		break;
	case 12: {
		long n = c[3] & 0x40 ? (long)c[2] << 12 | c[1] : c[2] % 7 + 1;
		int left = c[3] % 6 + 1;
		enum vp_found f = vp_search_next(vp, c[1] & 1, c[1] & 2, n ? n : 1,
						 c[3] & 0x80 ? stop_countdown : NULL, &left);
		FUZZ_CHECK(vp->has_search || f == VP_NO_SEARCH, "a result without a search");
		check_search_found(r, f);
		break;
	}
	case 13:
		vp_set_anchor(vp, off);
		break;
	case 14: {
		int row = c[1] % (vp->height + 2) - 1, col = c[2] % (vp->width + 2) - 1;
		size_t hit;
		if (vp_hit(vp, row, col, &hit)) {
			struct vp_pos p = vp->top;
			FUZZ_CHECK(vp_step(vp, &p, row) == row, "a hit on row %d below the text", row);
			const struct lline *ll = vp_lline(vp, p);
			FUZZ_CHECK(ll && ll->start <= hit && hit < ll->end,
				   "a hit at %zu outside row %d's display line", hit, row);
			FUZZ_CHECK(layout_width(r->d.text, ll->start, hit) <= col,
				   "the hit at %zu starts right of column %d", hit, col);
		}
		break;
	}
	case 15:
		if (vp->has_search && r->d.nlines > vp->first) {
			size_t from, to;
			vp_match_window(vp, vp->top, vp->height, &from, &to);
			size_t ls = line_off(&r->d, vp->top.line), le = doc_line_end(&r->d, vp->top.line);
			const struct lline *ll = vp_lline(vp, vp->top);
			FUZZ_CHECK(ls <= from && from <= ll->start && to <= le && from <= to,
				   "match window [%zu, %zu) for a row at %zu of line [%zu, %zu)", from, to,
				   ll->start, ls, le);
		}
		break;
	case 16:
		vp->has_cursor = 0;
		vp->has_source = 0;
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	size_t n = (size_t)data[0] | (size_t)data[1] << 8;
	if (n > size - 2)
		n = size - 2;
	uint8_t *bytes = fuzz_copy_nul(data + 2, n);
	const uint8_t *script = data + 2 + n;
	size_t nscript = size - 2 - n;
	struct run r;
	memset(&r, 0, sizeof r);
	doc_load_mem(&r.d, "fuzz", bytes, n);
	size_t first = nscript ? script[0] % (r.d.nlines + 1) : 0;
	size_t body = first < r.d.nlines ? line_off(&r.d, first) : r.d.len;
	figures_init(&r.fs);
	figures_scan(&r.fs, r.d.text, r.d.len, 0, r.d.len);
	fake_mentions(&r);
	vp_init(&r.vp, &r.d, first, body);
	r.vp.chunk = 64;
	r.vp.margin = 16;
	vp_resize(&r.vp, 20, 5);
	check_invariants(&r, r.vp.top, -1);
	for (size_t i = 0; i + 4 <= nscript; i += 4) {
		struct vp_pos was = r.vp.top;
		run_command(&r, script + i, script, nscript);
		check_invariants(&r, was, script[i] % 17);
	}
	vp_free(&r.vp);
	figures_free(&r.fs);
	free(r.mn.v);
	free(r.occ);
	free(r.occ_end);
	doc_free(&r.d);
	free(bytes);
	return 0;
}
