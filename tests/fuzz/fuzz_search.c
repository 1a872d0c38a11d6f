/* libFuzzer target: search.  The input splits at its first 0x00 into a
 * pattern and a text (no 0x00: the input is both, so a one-line text must
 * find itself when it has no line end).  The pattern is sanitised with doc_sanitize_str, the text
 * with doc_load_mem; search_line runs on every line.
 * Invariants: matches are non-empty, non-overlapping, increasing, within the
 * line and on grapheme cluster boundaries of the line; each match folds
 * (u8_casefold, NFD) to the folded pattern, or with case kept (the search
 * compiled exact, as smart case does for a pattern with a capital)
 * normalises (NFD) to it; a callback returning nonzero stops the search
 * after that match.  The match count (matchcount.c), in slices of a size
 * the input picks, ends with the lines' total, and places every match at
 * its rank, before and after the count passes it. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unigbrk.h>
#include <uninorm.h>

#include "brief/document.h"
#include "brief/matchcount.h"
#include "brief/search.h"
#include "fuzz.h"

struct hits {
	size_t start, end;          /* the line */
	const char *gb;             /* grapheme breaks of the line */
	const uint8_t *text;
	const struct search *s;
	size_t prev_start, prev_end, n;
	int stop_after_first;
};

static int on_boundary(const struct hits *h, size_t off)
{
	return off == h->start || off == h->end || h->gb[off - h->start];
}

static int found(void *ctx, size_t ms, size_t me)
{
	struct hits *h = ctx;
	FUZZ_CHECK(ms < me, "empty match at %zu", ms);
	FUZZ_CHECK(ms >= h->start && me <= h->end, "match [%zu, %zu) outside line [%zu, %zu)",
		   ms, me, h->start, h->end);
	FUZZ_CHECK(h->n == 0 || (ms >= h->prev_end && ms > h->prev_start),
		   "match [%zu, %zu) after [%zu, %zu)", ms, me, h->prev_start, h->prev_end);
	FUZZ_CHECK(on_boundary(h, ms) && on_boundary(h, me),
		   "match [%zu, %zu) not on grapheme boundaries", ms, me);
	size_t flen = 0;
	uint8_t *f = h->s->exact ? u8_normalize(UNINORM_NFD, h->text + ms, me - ms, NULL, &flen)
				 : u8_casefold(h->text + ms, me - ms, NULL, UNINORM_NFD, NULL, &flen);
	FUZZ_CHECK(f != NULL, "folding the match failed");
	FUZZ_CHECK(flen == h->s->patlen && memcmp(f, h->s->pat, flen) == 0,
		   "match [%zu, %zu) folds to %zu bytes that are not the pattern (%zu bytes)",
		   ms, me, flen, h->s->patlen);
	free(f);
	h->prev_start = ms;
	h->prev_end = me;
	h->n++;
	return h->stop_after_first;
}

struct starts {
	size_t *v;
	size_t n, cap;
};

static int keep_start(void *ctx, size_t ms, size_t me)
{
	(void)me;
	struct starts *s = ctx;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v)
			abort();
	}
	s->v[s->n++] = ms;
	return 0;
}

/* The count of s's matches from line first, in slices of budget bytes. */
static void check_count(struct search *s, const struct doc *d, size_t first, size_t budget)
{
	struct starts all = { 0 };
	for (size_t i = first; i < d->nlines; i++)
		search_line(s, d->text, doc_line_start(d, i), doc_line_end(d, i), keep_start, &all);
	struct mcount c = { 0 };
	mcount_start(&c, first);
	size_t k = all.n / 2;
	if (all.n)
		mcount_place(&c, s, d, all.v[k]);
	while (!mcount_step(&c, s, d, budget))
		FUZZ_CHECK(c.total <= all.n, "the count passed the total: %zu > %zu", c.total, all.n);
	FUZZ_CHECK(c.total == all.n, "counted %zu matches of %zu", c.total, all.n);
	FUZZ_CHECK(!all.n || c.place == k + 1, "match %zu placed %zu as the count went", k + 1,
		   c.place);
	for (size_t i = 0; i < all.n; i++) {
		mcount_place(&c, s, d, all.v[i]);
		FUZZ_CHECK(c.place == i + 1, "match %zu placed %zu", i + 1, c.place);
	}
	mcount_free(&c);
	free(all.v);
}

/* Every line searched with the pattern compiled one way (exact or folded). */
static void run_mode(const struct doc *d, const char *pat, size_t splen, int exact, int whole_self)
{
	struct search s;
	memset(&s, 0, sizeof s);
	int rc = search_compile_case(&s, pat, splen, exact);
	FUZZ_CHECK(rc == 0 || s.patlen == 0, "failed compile left a pattern");
	FUZZ_CHECK(s.exact == exact, "compiled with the wrong case");
	for (size_t i = 0; i < d->nlines; i++) {
		size_t start = doc_line_start(d, i), end = doc_line_end(d, i);
		char *gb = malloc(end - start + 1);
		if (!gb)
			abort();
		if (end > start)
			u8_grapheme_breaks(d->text + start, end - start, gb);
		struct hits h = { .start = start, .end = end, .gb = gb, .text = d->text, .s = &s };
		size_t n = search_line(&s, d->text, start, end, found, &h);
		FUZZ_CHECK(n == h.n, "search_line returned %zu for %zu matches", n, h.n);
		FUZZ_CHECK(rc == 0 || n == 0, "an empty pattern matched");
		if (whole_self && rc == 0 && end > start && end == d->len && start == 0)
			FUZZ_CHECK(n >= 1 && h.prev_start == start && h.prev_end == end,
				   "a one-line text does not find itself (%zu matches)", n);
		/* Stopping after the first match reports just that one. */
		struct hits h1 = { .start = start, .end = end, .gb = gb, .text = d->text, .s = &s,
				   .stop_after_first = 1 };
		size_t n1 = search_line(&s, d->text, start, end, found, &h1);
		FUZZ_CHECK(n1 == (n ? 1u : 0u), "stopping search reported %zu of %zu", n1, n);
		free(gb);
	}
	if (rc == 0) {
		check_count(&s, d, 0, 1 + splen % 64);
		check_count(&s, d, d->nlines / 2, (size_t)1 << 20);
	}
	search_free(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *z = memchr(data, 0, size);
	size_t plen = z ? (size_t)(z - data) : size;
	const uint8_t *tdata = z ? z + 1 : data;
	size_t tlen = z ? size - plen - 1 : size;

	size_t splen = 0;
	char *pat = doc_sanitize_str((const char *)data, plen, &splen);
	uint8_t *bytes = fuzz_copy_nul(tdata, tlen);
	struct doc d;
	doc_load_mem(&d, "fuzz", bytes, tlen);
	/* Case folded, and case kept: a text finds itself either way. */
	run_mode(&d, pat, splen, 0, !z);
	run_mode(&d, pat, splen, 1, !z);
	doc_free(&d);
	free(bytes);
	free(pat);
	return 0;
}
