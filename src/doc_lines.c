/* The line index of a document: where each line of the sanitised text
 * starts, and the questions asked of it. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "brief/document.h"
#include "brief/util.h"
#include "doc_private.h"

/* The index does not hold every line's start: a file of line feeds has a
 * line a byte, and 8 bytes a line made it cost 8 times its size.  It holds,
 * for each block of DOC_LINE_BLOCK bytes of text, how many lines start
 * before it; a line's start is found from there by looking for line feeds
 * in the text, at most a block's worth, and a few starts found lately are
 * kept, so that going through the lines in order (a search, a dump) costs
 * a memchr() a line, as the table did. */
#define DOC_LINE_BLOCK ((size_t)4096)
#define CURSORS 4
#define CURSOR_WALK 64          /* lines walked from a cursor before the blocks win */

struct doc_lines {
	size_t *first;              /* first[k]: lines starting before text offset
	                               k * DOC_LINE_BLOCK, for k * DOC_LINE_BLOCK <= ready */
	size_t nfirst, cap;
	size_t *cut;                /* starts of lines cut from an overlong one
	                               (they follow no LF), ascending */
	size_t *cut_orig;           /* the same, as read */
	size_t ncut, cutcap, cut_origcap;
	struct {
		size_t line, start;     /* line SIZE_MAX: unused */
	} cur[CURSORS];
	unsigned next;              /* the cursor to replace next */
};

void doc_lines_free(struct doc *d)
{
	if (!d->lx)
		return;
	free(d->lx->first);
	free(d->lx->cut);
	free(d->lx->cut_orig);
	free(d->lx);
	d->lx = NULL;
}

static int is_cut(const struct doc_lines *lx, size_t p)
{
	size_t lo = 0, hi = lx->ncut;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (lx->cut[mid] < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < lx->ncut && lx->cut[lo] == p;
}

/* The first cut after p, else SIZE_MAX. */
static size_t cut_after(const struct doc_lines *lx, size_t p)
{
	size_t lo = 0, hi = lx->ncut;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (lx->cut[mid] <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < lx->ncut ? lx->cut[lo] : SIZE_MAX;
}

/* Does a line start at p (0 < p < ready)? */
static int starts_at(const struct doc *d, size_t p)
{
	return d->text[p - 1] == '\n' || is_cut(d->lx, p);
}

/* The first line start after p, else SIZE_MAX. */
static size_t start_after(const struct doc *d, size_t p)
{
	size_t s = SIZE_MAX;
	if (p < d->ready) {
		const uint8_t *lf = memchr(d->text + p, '\n', d->ready - p);
		if (lf && (size_t)(lf - d->text) + 1 < d->ready)
			s = (size_t)(lf - d->text) + 1;
	}
	if (!d->lx->ncut)
		return s;
	size_t c = cut_after(d->lx, p);
	return c < s ? c : s;
}

void doc_lines_index(struct doc *d, size_t from, size_t to, size_t orig_from)
{
	struct doc_lines *lx = d->lx;
	if (!lx) {
		lx = d->lx = xcalloc(1, sizeof *lx);
		for (int c = 0; c < CURSORS; c++)
			lx->cur[c].line = SIZE_MAX;
	}
	/* A slice that follows no LF begins a cut of an overlong line. */
	if (from > 0 && from < to && d->text[from - 1] != '\n') {
		lx->cut = xgrowarray(lx->cut, &lx->cutcap, lx->ncut + 1, sizeof *lx->cut);
		lx->cut_orig = xgrowarray(lx->cut_orig, &lx->cut_origcap, lx->ncut + 1, sizeof *lx->cut_orig);
		lx->cut_orig[lx->ncut] = orig_from;
		lx->cut[lx->ncut++] = from;
	}
	size_t n = d->nlines, k = lx->nfirst;
	for (size_t s = from; s < to;) {
		/* Blocks up to this start: the lines before it start before them. */
		for (; k * DOC_LINE_BLOCK <= s; k++) {
			lx->first = xgrowarray(lx->first, &lx->cap, k + 1, sizeof *lx->first);
			lx->first[k] = n;
		}
		n++;
		const uint8_t *lf = memchr(d->text + s, '\n', to - s);
		if (!lf)
			break;
		s = (size_t)(lf - d->text) + 1;
	}
	for (; k * DOC_LINE_BLOCK <= to; k++) {
		lx->first = xgrowarray(lx->first, &lx->cap, k + 1, sizeof *lx->first);
		lx->first[k] = n;
	}
	lx->nfirst = k;
	d->nlines = n;
}

/* doc_line_start past its two quick answers; i > 0, i < nlines. */
static size_t line_start_found(const struct doc *d, size_t i)
{
	struct doc_lines *lx = d->lx;
	unsigned last = (lx->next + CURSORS - 1) % CURSORS;
	size_t line = SIZE_MAX, p = 0;
	if (lx->cur[last].line == i - 1) {
		line = i - 1;
		p = lx->cur[last].start;
		goto walk;
	}
	/* A cursor a little before the line. */
	for (int c = 0; c < CURSORS; c++) {
		size_t cl = lx->cur[c].line;
		if (cl < i && i - cl <= CURSOR_WALK && (line == SIZE_MAX || cl > line)) {
			line = cl;
			p = lx->cur[c].start;
		}
	}
	if (line == SIZE_MAX) {
		/* The last block before which fewer than i + 1 lines start
		 * holds line i's start. */
		size_t lo = 0, hi = lx->nfirst;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (lx->first[mid] <= i)
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t k = lo ? lo - 1 : 0;
		p = k * DOC_LINE_BLOCK;
		line = lx->first[k];
		if (p == 0 || starts_at(d, p)) {
			if (line == i)
				goto found;
		} else {
			line--;                 /* p is inside the line before */
		}
	}
walk:
	while (line < i) {
		p = start_after(d, p);
		if (p == SIZE_MAX)
			return d->ready;        /* not reached: i < nlines */
		line++;
	}
found:
	lx->cur[lx->next].line = i;
	lx->cur[lx->next].start = p;
	lx->next = (lx->next + 1) % CURSORS;
	return p;
}

size_t doc_line_start(const struct doc *d, size_t i)
{
	if (i >= d->nlines)
		return d->ready;
	if (i == 0)
		return 0;
	/* Lines in order (a search, a dump, doc_line_end after
	 * doc_line_start): one of the two cursors stored last is on it, or
	 * the last is just before it.  Kept apart from the walk, which
	 * costs the call its registers. */
	const struct doc_lines *lx = d->lx;
	unsigned last = (lx->next + CURSORS - 1) % CURSORS, prev = (lx->next + CURSORS - 2) % CURSORS;
	if (lx->cur[last].line == i)
		return lx->cur[last].start;
	if (lx->cur[prev].line == i)
		return lx->cur[prev].start;
	return line_start_found(d, i);
}

/* The line feeds in p[0, n), eight bytes at a time: a block has up to
 * 4 KiB of them, and a dump asks for the line of every figure. */
static size_t count_lf(const uint8_t *p, size_t n)
{
	const uint64_t low7 = UINT64_C(0x7f7f7f7f7f7f7f7f);
	size_t c = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		uint64_t x = w ^ UINT64_C(0x0a0a0a0a0a0a0a0a);  /* 0 where an LF is */
		/* The high bit of exactly the bytes of x that are 0. */
		c += (size_t)__builtin_popcountll(~(((x & low7) + low7) | x | low7));
	}
	for (; i < n; i++)
		c += p[i] == '\n';
	return c;
}

size_t doc_line_at(const struct doc *d, size_t off)
{
	if (d->nlines == 0)
		return 0;
	if (off >= d->ready)
		return d->nlines - 1;
	const struct doc_lines *lx = d->lx;
	size_t k = off / DOC_LINE_BLOCK;
	if (k >= lx->nfirst)
		k = lx->nfirst - 1;
	size_t p = k * DOC_LINE_BLOCK;
	/* Lines starting at or before off: those before the block, then the
	 * block's own up to off. */
	size_t n = lx->first[k] + (p == 0 || starts_at(d, p)) + count_lf(d->text + p, off - p);
	for (size_t c = cut_after(lx, p); c <= off; c = cut_after(lx, c))
		n++;
	return n ? n - 1 : 0;
}

size_t doc_lines_cut_orig(const struct doc *d, size_t i)
{
	if (i == 0 || i >= d->nlines || !d->lx->ncut)
		return SIZE_MAX;
	size_t p = doc_line_start(d, i);
	if (d->text[p - 1] == '\n')
		return SIZE_MAX;
	const struct doc_lines *lx = d->lx;
	size_t lo = 0, hi = lx->ncut;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (lx->cut[mid] < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < lx->ncut && lx->cut[lo] == p ? lx->cut_orig[lo] : SIZE_MAX;
}

size_t doc_line_end(const struct doc *d, size_t i)
{
	if (i + 1 < d->nlines) {
		size_t s = doc_line_start(d, i + 1);
		return d->text[s - 1] == '\n' ? s - 1 : s;
	}
	if (d->ready < d->len) {
		/* The LF that ends the checked part, or its cut. */
		if (d->ready == 0)
			return 0;
		return d->text[d->ready - 1] == '\n' ? d->ready - 1 : d->ready;
	}
	if (d->len && d->text[d->len - 1] == '\n')
		return d->len - 1;
	return d->len;
}

int doc_line_blank(const struct doc *d, size_t i)
{
	return i < d->nlines && doc_line_start(d, i) == doc_line_end(d, i);
}

#define LF8 UINT64_C(0x0a0a0a0a0a0a0a0a)
/* A long run of blank lines is read once and need not stay mapped: the
 * pages skipped are handed back every so often (doc_release), or a G in
 * 100 MB of line feeds kept all of them. */
#define SKIP_RELEASE ((size_t)4 << 20)

size_t doc_next_nonblank(const struct doc *d, size_t i)
{
	if (i >= d->nlines)
		return d->nlines;
	if (!doc_line_blank(d, i))
		return i;
	/* Indexed text ends at ready; lines there end in LF but the last. */
	size_t off = doc_line_start(d, i), lim = d->ready, done = off;
	for (uint64_t w; off + 8 <= lim; off += 8) {
		memcpy(&w, d->text + off, 8);
		if (w != LF8)
			break;
		if (off - done >= SKIP_RELEASE) {
			doc_release(d, done, off);
			done = off;
		}
	}
	while (off < lim && d->text[off] == '\n')
		off++;
	doc_release(d, done, off);
	return off < lim ? doc_line_at(d, off) : d->nlines;
}

size_t doc_prev_nonblank(const struct doc *d, size_t i)
{
	if (d->nlines == 0)
		return SIZE_MAX;
	if (i >= d->nlines)
		i = d->nlines - 1;
	if (!doc_line_blank(d, i))
		return i;
	/* Every byte before a blank line's start back to the last text is LF. */
	size_t off = doc_line_start(d, i), done = off;
	for (uint64_t w; off >= 8; off -= 8) {
		memcpy(&w, d->text + off - 8, 8);
		if (w != LF8)
			break;
		if (done - off >= SKIP_RELEASE) {
			doc_release(d, off, done);
			done = off;
		}
	}
	while (off > 0 && d->text[off - 1] == '\n')
		off--;
	doc_release(d, off, done);
	return off ? doc_line_at(d, off - 1) : SIZE_MAX;
}

void doc_orig_linecol(const struct doc *d, size_t orig, size_t *line, size_t *col)
{
	if (orig > d->orig_len)
		orig = d->orig_len;
	/* Past a final line end is the start of a line that has no entry. */
	if (orig == d->orig_len && d->len && d->text[d->len - 1] == '\n') {
		if (line)
			*line = d->nlines + 1;
		if (col)
			*col = 1;
		return;
	}
	size_t i = doc_line_at(d, doc_sanitize_text_off(d, orig));
	size_t start = d->nlines ? doc_orig_off(d, doc_line_start(d, i)) : 0;
	size_t c = 1;
	/* Count code points of the original line up to orig; a stray byte is one. */
	for (size_t p = start; p < orig; c++) {
		ucs4_t uc;
		int r = u8_mbtoucr(&uc, d->orig + p, d->orig_len - p);
		p += r > 0 ? (size_t)r : 1;
	}
	if (line)
		*line = i + 1;
	if (col)
		*col = c;
}
