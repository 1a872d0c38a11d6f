/* Search: fold pattern and line alike (case and normalisation, or
 * normalisation alone for a case-sensitive search), match on grapheme
 * cluster boundaries. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "brief/search.h"
#include "brief/util.h"

/* NFD on both sides, so precomposed and decomposed text fold to the same
 * bytes.  Decomposition stays inside a grapheme cluster, so a line folded
 * cluster by cluster equals the line folded whole. */
#define SEARCH_NF UNINORM_NFD

/* Full case folding of ASCII is exactly this. */
static inline uint8_t ascii_fold(uint8_t c)
{
	return (uint8_t)((unsigned)c - 'A' < 26u ? c + ('a' - 'A') : c);
}

/* Fold the ASCII prefix of src[0, len) into dst; returns its length.  Eight
 * bytes at a time, since whole documents are searched line by line: a byte
 * gets 0x20 added when 'A' <= b <= 'Z' (no carries, all bytes are < 0x80).
 * exact: case is kept, and ASCII is its own normal form: copied. */
static size_t fold_ascii_prefix(uint8_t *dst, const uint8_t *src, size_t len, int exact)
{
	size_t k = 0;
	for (; k + 8 <= len; k += 8) {
		uint64_t w;
		memcpy(&w, src + k, 8);
		if (w & ASCII8_HIGH)
			break;
		if (!exact)
			w |= ascii8_capitals(w) >> 2;
		memcpy(dst + k, &w, 8);
	}
	for (; k < len && src[k] < 0x80; k++)
		dst[k] = exact ? src[k] : ascii_fold(src[k]);
	return k;
}

/* The fold of s[0, n) as search compares it: case folded and normalised,
 * or (exact) normalised only.  libunistring's calling convention: into
 * buf when it is large enough (*flen its size), else a new buffer. */
static uint8_t *fold_text(int exact, const uint8_t *s, size_t n, uint8_t *buf, size_t *flen)
{
	if (exact)
		return u8_normalize(SEARCH_NF, s, n, buf, flen);
	return u8_casefold(s, n, NULL, SEARCH_NF, buf, flen);
}

int search_has_capital(const char *pattern, size_t len)
{
	const uint8_t *p = (const uint8_t *)pattern;
	for (size_t k = 0; k < len;) {
		ucs4_t uc;
		int r = u8_mbtouc(&uc, p + k, len - k);
		k += (size_t)(r > 0 ? r : 1);
		/* Upper and title case alike ("Ǆ", "ǅ"): what lower-casing changes. */
		if (uc_is_property_changes_when_lowercased(uc))
			return 1;
	}
	return 0;
}

int search_exact_case(const char *pattern, size_t len, enum search_case c)
{
	switch (c) {
	case SEARCH_SENSITIVE:
		return 1;
	case SEARCH_IGNORE:
		return 0;
	default:
		return search_has_capital(pattern, len);
	}
}

/* Make room for need folded bytes (fold, map and edge share one capacity). */
static void reserve(struct search *s, size_t need)
{
	if (need <= s->cap)
		return;
	size_t cap = s->cap;
	s->fold = xgrowarray(s->fold, &cap, need, 1);
	/* The other two follow to the same capacity. */
	s->map = xreallocarray(s->map, cap, sizeof *s->map);
	s->edge = xreallocarray(s->edge, cap, 1);
	s->cap = cap;
}

int search_compile(struct search *s, const char *pattern, size_t len)
{
	return search_compile_case(s, pattern, len, 0);
}

int search_compile_case(struct search *s, const char *pattern, size_t len, int exact)
{
	free(s->pat);
	s->pat = NULL;
	s->patlen = 0;
	s->exact = exact != 0;
	if (!len)
		return -1;
	size_t flen = 0;
	uint8_t *r = fold_text(s->exact, (const uint8_t *)pattern, len, NULL, &flen);
	if (!r)
		return -1;
	if (!flen) {
		free(r);
		return -1;
	}
	s->pat = r;
	s->patlen = flen;
	return 0;
}

void search_free(struct search *s)
{
	free(s->pat);
	free(s->fold);
	free(s->map);
	free(s->edge);
	free(s->brk);
	memset(s, 0, sizeof *s);
}

/* True when the cluster folds to itself: no code point changes under case
 * folding (unless exact) or decomposes, and no two marks sit side by side
 * (canonical reordering).  CJK, punctuation, emoji and most lowercase text
 * qualify and skip u8_casefold, which costs three passes per call. */
static int fold_stable(const uint8_t *c, size_t clen, int exact)
{
	int prev_ccc = 0;
	for (size_t k = 0; k < clen;) {
		ucs4_t uc, dec[UC_DECOMPOSITION_MAX_LENGTH];
		int r = u8_mbtouc(&uc, c + k, clen - k);
		if (r <= 0)
			return 0;
		k += (size_t)r;
		if ((!exact && uc_is_property_changes_when_casefolded(uc))
		    || uc_canonical_decomposition(uc, dec) >= 0)
			return 0;
		int ccc = uc_combining_class(uc);
		if (ccc && prev_ccc)
			return 0;
		prev_ccc = ccc;
	}
	return 1;
}

/* Recent u8_casefold results within one line, as offsets into the fold
 * buffer: accented letters repeat, and copying beats refolding. */
#define MEMO_SLOTS 8
#define MEMO_MAXLEN 16
struct memo {
	struct {
		const uint8_t *src;
		size_t len, at, flen;
	} slot[MEMO_SLOTS];
	unsigned next;
};

/* Append the fold of one cluster text[src, src+clen) at folded offset n;
 * returns the new folded length. */
static size_t fold_cluster(struct search *s, struct memo *mo, size_t n, const uint8_t *text,
			   size_t src, size_t clen)
{
	const uint8_t *c = text + src;
	size_t flen = 0;
	int done = 0;
	if (clen == 1) {
		reserve(s, n + 2);
		s->fold[n] = s->exact ? c[0] : ascii_fold(c[0]);
		flen = 1;
		done = 1;
	}
	for (unsigned k = 0; !done && k < MEMO_SLOTS; k++) {
		if (mo->slot[k].len != clen || memcmp(mo->slot[k].src, c, clen))
			continue;
		flen = mo->slot[k].flen;
		reserve(s, n + flen + 1);
		memcpy(s->fold + n, s->fold + mo->slot[k].at, flen);
		done = 1;
	}
	if (!done && fold_stable(c, clen, s->exact)) {
		reserve(s, n + clen + 1);
		memcpy(s->fold + n, c, clen);
		flen = clen;
		done = 1;
	}
	if (!done) {
		/* Most clusters fold to no more than their own size; keep one
		 * slot free for the end sentinel. */
		reserve(s, n + clen + 2);
		flen = s->cap - n - 1;
		uint8_t *r = fold_text(s->exact, c, clen, s->fold + n, &flen);
		if (!r) {
			/* Only on ENOMEM (the text is valid UTF-8): search it unfolded. */
			flen = clen;
			memcpy(s->fold + n, c, clen);
		} else if (r != s->fold + n) {
			reserve(s, n + flen + 1);
			memcpy(s->fold + n, r, flen);
			free(r);
		}
		if (clen <= MEMO_MAXLEN && flen) {
			unsigned k = mo->next++ % MEMO_SLOTS;
			mo->slot[k].src = c;
			mo->slot[k].len = clen;
			mo->slot[k].at = n;
			mo->slot[k].flen = flen;
		}
	}
	for (size_t k = 0; k < flen; k++) {
		s->map[n + k] = src;
		s->edge[n + k] = k == 0;
	}
	return n + flen;
}

/* Where a stretch that began at from may end: at ASCII followed by ASCII (or
 * the end), which folds bytewise.  There is always a cluster break before
 * such a byte, except after a Prepend character, which clusters with
 * whatever follows. */
static int stretch_ends(const uint8_t *text, size_t from, size_t j, size_t end)
{
	if (text[j] >= 0x80 || (j + 1 < end && text[j + 1] >= 0x80))
		return 0;
	ucs4_t uc;
	if (!u8_prev(&uc, text + j, text + from))
		return 1;
	return uc_graphemeclusterbreak_property(uc) != GBP_PREPEND;
}

/* Fold text[i, m), a stretch that needs real grapheme breaks. */
static size_t fold_stretch(struct search *s, struct memo *mo, size_t n, const uint8_t *text,
			   size_t i, size_t m)
{
	size_t len = m - i;
	s->brk = xgrowarray(s->brk, &s->brkcap, len, 1);
	u8_grapheme_breaks(text + i, len, s->brk);
	size_t a = i;
	for (size_t k = 1; k <= len; k++) {
		if (k < len && !s->brk[k])
			continue;
		n = fold_cluster(s, mo, n, text, a, i + k - a);
		a = i + k;
	}
	return n;
}

/* memmem over the folded line; a hit counts only between cluster
 * boundaries.  map NULL means the fold is the source byte for byte from base. */
static size_t scan(struct search *s, size_t n, const size_t *map, size_t base,
		   int (*found)(void *ctx, size_t mstart, size_t mend), void *ctx)
{
	size_t count = 0, p = 0;
	while (n - p >= s->patlen) {
		const uint8_t *hit = memmem(s->fold + p, n - p, s->pat, s->patlen);
		if (!hit)
			break;
		size_t q = (size_t)(hit - s->fold), e = q + s->patlen;
		size_t ms = base + q, me = base + e;
		if (map) {
			if (!s->edge[q] || !s->edge[e]) {
				p = q + 1;
				continue;
			}
			ms = map[q];
			me = map[e];
		}
		count++;
		if (found(ctx, ms, me))
			break;
		p = e;
	}
	return count;
}

/* Matches in text[start, end), folded whole. */
static size_t search_range(struct search *s, const uint8_t *text, size_t start, size_t end,
			   int (*found)(void *ctx, size_t mstart, size_t mend), void *ctx)
{
	reserve(s, end - start + 1);

	/* Most lines are plain ASCII: fold bytewise and need no map at all. */
	size_t n = fold_ascii_prefix(s->fold, text + start, end - start, s->exact);
	if (n == end - start)
		return scan(s, n, NULL, start, found, ctx);

	struct memo mo = { .next = 0 };
	size_t i = start;
	n = 0;
	while (i < end) {
		/* ASCII up to the byte before the next non-ASCII one folds
		 * bytewise; that last byte may be the base of a cluster. */
		reserve(s, n + (end - i) + 1);
		size_t r = fold_ascii_prefix(s->fold + n, text + i, end - i, s->exact);
		if (r && i + r < end)
			r--;
		for (size_t k = 0; k < r; k++)
			s->map[n + k] = i + k;
		memset(s->edge + n, 1, r);
		n += r;
		i += r;
		if (i == end)
			break;
		size_t m = i + 1;
		while (m < end && !stretch_ends(text, i, m, end))
			m++;
		n = fold_stretch(s, &mo, n, text, i, m);
		i = m;
	}
	reserve(s, n + 1);
	s->map[n] = end;
	s->edge[n] = 1;
	return scan(s, n, s->map, start, found, ctx);
}

/* Folding keeps about ten bytes of scratch a byte of the line (a 20 MB line
 * took 200 MB), so a longer line is searched a window at a time. */
#define SEARCH_WINDOW ((size_t)1 << 20)

#define EDGE_LOOKBACK 256

/* The first grapheme cluster boundary at or after p; end if none.  The
 * breaks are computed from a known boundary: from anywhere else a long run
 * of flags (regional indicators, which pair from the run's start) could
 * pair the other way.  c is one, and nearer, ascii_break_before() finds
 * one in any text but a long run of other bytes.  Computing from c alone
 * cost two megabytes of grapheme breaks a window: a quarter of searching
 * to the end of a 20 MB line.  A character cut off at the span's end reads
 * as U+FFFD, which would break, so the last three bytes count only at the
 * line's end. */
static size_t cluster_edge(struct search *s, const uint8_t *text, size_t c, size_t p, size_t end)
{
	if (p >= end)
		return end;
	size_t from = c;
	for (size_t q = p; q > c && p - q < EDGE_LOOKBACK; q--)
		if (ascii_break_before(text, q)) {
			if (q == p)
				return p;
			from = q;
			break;
		}
	for (size_t span = 256;; span *= 2) {
		size_t b = end - p > span ? p + span : end;
		s->brk = xgrowarray(s->brk, &s->brkcap, b - from, 1);
		u8_grapheme_breaks(text + from, b - from, s->brk);
		size_t sure = b == end ? b - from : b - from - 3;
		for (size_t k = p - from; k < sure; k++)
			if (k > 0 && s->brk[k])
				return from + k;
		if (b == end)
			return end;
	}
}

/* Passes on the matches that start in a window's own part, counting them;
 * the rest are the next window's. */
struct window {
	int (*found)(void *ctx, size_t mstart, size_t mend);
	void *ctx;
	size_t own_end, last_end, count;
	int last, stop;
};

static int in_window(void *ctx, size_t ms, size_t me)
{
	struct window *w = ctx;
	if (!w->last && ms >= w->own_end)
		return 1;
	w->count++;
	w->last_end = me;
	w->stop = w->found(w->ctx, ms, me);
	return w->stop;
}

size_t search_reach(const struct search *s)
{
	return 4096 + 8 * s->patlen;
}

size_t search_line(struct search *s, const uint8_t *text, size_t start, size_t end,
		   int (*found)(void *ctx, size_t mstart, size_t mend), void *ctx)
{
	if (!s->patlen || end <= start)
		return 0;
	size_t slack = search_reach(s);
	if (end - start <= SEARCH_WINDOW + slack)
		return search_range(s, text, start, end, found, ctx);
	/* Each window reports the matches starting in its own part, which the
	 * slack after it holds whole; the next starts at the end of the last
	 * match or of the own part, both cluster boundaries (found from the
	 * window's start, one too): so the matches are the whole line's,
	 * leftmost first, none overlapping. */
	struct window w = { found, ctx, 0, start, 0, 0, 0 };
	for (size_t c = start; c < end && !w.stop;) {
		w.own_end = cluster_edge(s, text, c, end - c > SEARCH_WINDOW ? c + SEARCH_WINDOW : end, end);
		size_t we = end - w.own_end > slack ? cluster_edge(s, text, c, w.own_end + slack, end) : end;
		w.last = we == end;
		search_range(s, text, c, we, in_window, &w);
		if (w.last)
			break;
		c = w.last_end > w.own_end ? w.last_end : w.own_end;
	}
	return w.count;
}
