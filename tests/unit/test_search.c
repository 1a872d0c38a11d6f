/* Unit tests for search.c: folding, normalisation, cluster boundaries, offsets. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unicase.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "brief/search.h"
#include "brief/util.h"

#define MAXHITS 64

struct hits {
	size_t n;
	size_t start[MAXHITS], end[MAXHITS];
	size_t stop_at;             /* return nonzero on this match (1-based), 0 never */
};

static int collect(void *ctx, size_t mstart, size_t mend)
{
	struct hits *h = ctx;
	assert_true(mstart < mend);
	if (h->n < MAXHITS) {
		h->start[h->n] = mstart;
		h->end[h->n] = mend;
	}
	h->n++;
	return h->stop_at && h->n >= h->stop_at;
}

/* Search all of text for pat; returns what search_line returned. */
static size_t find(const char *pat, const char *text, struct hits *h)
{
	struct search s = { 0 };
	assert_int_equal(search_compile(&s, pat, strlen(pat)), 0);
	size_t r = search_line(&s, (const uint8_t *)text, 0, strlen(text), collect, h);
	search_free(&s);
	assert_int_equal(r, h->n);
	return r;
}

/* The matches are exactly these slices of text, left to right. */
static void expect_slices(const char *pat, const char *text, size_t count, ...)
{
	struct hits h = { 0 };
	find(pat, text, &h);
	if (h.n != count)
		fail_msg("\"%s\" in \"%s\": %zu matches, expected %zu", pat, text, h.n, count);
	va_list ap;
	va_start(ap, count);
	for (size_t k = 0; k < count; k++) {
		size_t at = va_arg(ap, size_t);
		const char *slice = va_arg(ap, const char *);
		assert_int_equal(h.start[k], at);
		assert_int_equal(h.end[k] - h.start[k], strlen(slice));
		assert_memory_equal(text + h.start[k], slice, strlen(slice));
	}
	va_end(ap);
}

static void expect_none(const char *pat, const char *text)
{
	struct hits h = { 0 };
	find(pat, text, &h);
	if (h.n)
		fail_msg("\"%s\" matched in \"%s\" at %zu", pat, text, h.start[0]);
}

static void test_ascii_case(void **state)
{
	(void)state;
	expect_slices("ISHIBA", "Prime Minister Shigeru Ishiba said", 1, (size_t)23, "Ishiba");
	expect_slices("ishiba", "ISHIBA", 1, (size_t)0, "ISHIBA");
	expect_slices("Rubio", "marco RUBIO", 1, (size_t)6, "RUBIO");
	expect_none("rubio", "rubi o");
	/* Punctuation and digits are not folded into letters. */
	expect_none("[", "{");
	expect_slices("25 PERCENT", "about 25 percent.", 1, (size_t)6, "25 percent");
}

static void test_precomposed_finds_decomposed(void **state)
{
	(void)state;
	expect_slices("caf\xc3\xa9", "Le Cafe\xcc\x81 noir", 1, (size_t)3, "Cafe\xcc\x81");
	expect_slices("caf\xc3\xa9", "au CAF\xc3\x89!", 1, (size_t)3, "CAF\xc3\x89");
}

static void test_decomposed_finds_precomposed(void **state)
{
	(void)state;
	expect_slices("cafe\xcc\x81", "un caf\xc3\xa9 noir", 1, (size_t)3, "caf\xc3\xa9");
	expect_slices("CAFE\xcc\x81", "x Cafe\xcc\x81", 1, (size_t)2, "Cafe\xcc\x81");
}

static void test_canonical_order(void **state)
{
	(void)state;
	/* Acute (class 230) before dot below (220) is reordered by NFD. */
	expect_slices("a\xcc\xa3\xcc\x81", "xa\xcc\x81\xcc\xa3", 1, (size_t)1, "a\xcc\x81\xcc\xa3");
	expect_slices("a\xcc\x81\xcc\xa3", "x a\xcc\xa3\xcc\x81", 1, (size_t)2, "a\xcc\xa3\xcc\x81");
	/* U+1EA1 (a with dot below) plus acute, against the marks swapped. */
	expect_slices("\xe1\xba\xa1\xcc\x81", "A\xcc\x81\xcc\xa3!", 1, (size_t)0, "A\xcc\x81\xcc\xa3");
}

static void test_uppercase_non_ascii_pattern(void **state)
{
	(void)state;
	expect_slices("\xc3\x89" "COLE", "l'\xc3\xa9" "cole", 1, (size_t)2, "\xc3\xa9" "cole");
	expect_slices("\xc3\x89" "COLE", "l'e\xcc\x81" "cole", 1, (size_t)2, "e\xcc\x81" "cole");
	/* Cyrillic and Greek, final sigma included. */
	expect_slices("\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90", "\xd0\xb2 \xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
		      1, (size_t)3, "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0");
	expect_slices("\xce\x9f\xce\x94\xce\x9f\xce\xa3", "\xce\xbf\xce\xb4\xce\xbf\xcf\x82", 1, (size_t)0,
		      "\xce\xbf\xce\xb4\xce\xbf\xcf\x82");
}

static void test_sharp_s_folds_longer(void **state)
{
	(void)state;
	/* Full case folding: the pattern folds longer than the source. */
	expect_slices("STRASSE", "die Stra\xc3\x9f" "e", 1, (size_t)4, "Stra\xc3\x9f" "e");
	expect_slices("stra\xc3\x9f" "e", "STRASSE!", 1, (size_t)0, "STRASSE");
	expect_slices("\xc3\x9f", "Masse", 1, (size_t)2, "ss");
	/* U+1E9E capital sharp s folds the same way. */
	expect_slices("strasse", "STRA\xe1\xba\x9e" "E", 1, (size_t)0, "STRA\xe1\xba\x9e" "E");
	/* Half of a folded cluster is not a match. */
	expect_slices("s", "\xc3\x9fs", 1, (size_t)2, "s");
	expect_none("as", "a\xc3\x9f");
	/* The ligature fi folds to two letters; three bytes of source. */
	expect_slices("FILE", "a \xef\xac\x81le", 1, (size_t)2, "\xef\xac\x81le");
	expect_none("f", "\xef\xac\x81");
	/* U+0390 folds to three code points (six bytes) from two. */
	expect_slices("\xce\x90", "x\xce\xb9\xcc\x88\xcc\x81y", 1, (size_t)1, "\xce\xb9\xcc\x88\xcc\x81");
	expect_slices("\xce\xb9\xcc\x88\xcc\x81", "x\xce\x90y", 1, (size_t)1, "\xce\x90");
}

static void test_no_match_inside_cluster(void **state)
{
	(void)state;
	expect_none("cafe", "caf\xc3\xa9");
	expect_none("cafe", "cafe\xcc\x81");
	expect_none("cafe", "CAFE\xcc\x81 noir");
	expect_none("e", "e\xcc\x81");
	expect_none("\xcc\x81", "e\xcc\x81");
	expect_slices("cafe", "cafe\xcc\x81 cafe", 1, (size_t)7, "cafe");
	/* Regional indicators pair into flags: US then JP does not hold SJ. */
	const char *flags = "\xf0\x9f\x87\xba\xf0\x9f\x87\xb8\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5";
	expect_none("\xf0\x9f\x87\xb8\xf0\x9f\x87\xaf", flags);
	expect_slices("\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5", flags, 1, (size_t)8, "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5");
	/* A woman alone matches; the woman inside a ZWJ family does not. */
	const char *family = "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 \xf0\x9f\x91\xa9";
	expect_slices("\xf0\x9f\x91\xa9", family, 1, (size_t)19, "\xf0\x9f\x91\xa9");
	/* U+0600 (Prepend) clusters with the ASCII digit after it. */
	expect_none("12", "x\xd8\x80" "12");
	expect_slices("2", "x\xd8\x80" "12", 1, (size_t)4, "2");
	expect_slices("\xd8\x80" "1", "x\xd8\x80" "12", 1, (size_t)1, "\xd8\x80" "1");
}

static void test_multiple_matches(void **state)
{
	(void)state;
	expect_slices("the", "The other theme, THE end", 4,
		      (size_t)0, "The", (size_t)5, "the", (size_t)10, "the", (size_t)17, "THE");
	expect_slices("\xc3\xa9t\xc3\xa9", "\xc3\x89T\xc3\x89 et e\xcc\x81te\xcc\x81, \xc3\xa9t\xc3\xa9", 3,
		      (size_t)0, "\xc3\x89T\xc3\x89", (size_t)9, "e\xcc\x81te\xcc\x81", (size_t)18, "\xc3\xa9t\xc3\xa9");
}

static void test_overlapping_candidates(void **state)
{
	(void)state;
	expect_slices("aa", "aaa", 1, (size_t)0, "aa");
	expect_slices("AA", "aaaa", 2, (size_t)0, "aa", (size_t)2, "aa");
	expect_slices("aba", "ababa", 1, (size_t)0, "aba");
	/* A rejected candidate (inside a cluster) does not hide a later one. */
	expect_slices("ee", "ee\xcc\x81" "ee", 1, (size_t)4, "ee");
}

static void test_offsets_after_non_ascii(void **state)
{
	(void)state;
	const char *text = "\xe6\x97\xa5\xe6\x9c\xac\xe3\x81\xae Ishiba \xe3\x81\xa8 "
			   "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5 ISHIBA \xf0\x9f\x98\x80ishiba\xe2\x80\x94";
	const char *a = strstr(text, "Ishiba"), *b = strstr(text, "ISHIBA"), *c = strstr(text, "ishiba");
	expect_slices("ishiba", text, 3, (size_t)(a - text), "Ishiba", (size_t)(b - text), "ISHIBA",
		      (size_t)(c - text), "ishiba");
	assert_int_equal(a - text, 10);
}

static void test_subrange(void **state)
{
	(void)state;
	/* Only text[start, end) is searched; offsets stay absolute. */
	const char *text = "ab ab \xc3\xa9 ab ab";
	struct search s = { 0 };
	struct hits h = { 0 };
	assert_int_equal(search_compile(&s, "AB", 2), 0);
	size_t end = strlen(text) - 1;
	assert_int_equal(search_line(&s, (const uint8_t *)text, 1, end, collect, &h), 2);
	assert_int_equal(h.start[0], 3);
	assert_int_equal(h.start[1], 9);
	assert_int_equal(h.end[1], 11);
	h.n = 0;
	assert_int_equal(search_line(&s, (const uint8_t *)text, 4, 4, collect, &h), 0);
	assert_int_equal(h.n, 0);
	search_free(&s);
}

static void test_empty_pattern(void **state)
{
	(void)state;
	struct search s = { 0 };
	struct hits h = { 0 };
	assert_int_equal(search_compile(&s, "abc", 3), 0);
	assert_int_equal(search_compile(&s, "", 0), -1);
	/* A failed compile leaves nothing to match, not the old pattern. */
	assert_int_equal(search_line(&s, (const uint8_t *)"abc", 0, 3, collect, &h), 0);
	assert_int_equal(h.n, 0);
	assert_int_equal(search_compile(&s, "xyz", 0), -1);
	search_free(&s);
	assert_null(s.pat);
}

static void test_early_stop(void **state)
{
	(void)state;
	const char *text = "x \xc3\xa9x x x";
	struct search s = { 0 };
	assert_int_equal(search_compile(&s, "X", 1), 0);
	for (size_t stop = 1; stop <= 4; stop++) {
		struct hits h = { .stop_at = stop };
		assert_int_equal(search_line(&s, (const uint8_t *)text, 0, strlen(text), collect, &h), stop);
		assert_int_equal(h.n, stop);
	}
	struct hits all = { 0 };
	assert_int_equal(search_line(&s, (const uint8_t *)text, 0, strlen(text), collect, &all), 4);
	search_free(&s);
}

static void test_recompile_and_reuse(void **state)
{
	(void)state;
	/* Scratch grows for a long mixed line, then serves shorter ones. */
	struct buf b = { 0 };
	for (int k = 0; k < 3000; k++)
		buf_adds(&b, k % 7 ? "ab\xc3\x9f " : "Stra\xc3\x9f" "e ");
	struct search s = { 0 };
	struct hits h = { 0 };
	assert_int_equal(search_compile(&s, "STRASSE", 7), 0);
	assert_int_equal(search_line(&s, (const uint8_t *)b.data, 0, b.len, collect, &h), 429);
	assert_int_equal(h.start[1], 6 * 5 + 8);
	assert_int_equal(search_compile(&s, "ABSS", 4), 0);
	h.n = 0;
	assert_int_equal(search_line(&s, (const uint8_t *)b.data, 0, 20, collect, &h), 2);
	assert_int_equal(h.start[0], 8);
	assert_int_equal(h.end[0], 12);
	search_free(&s);
	buf_free(&b);
}

/* Random lines from pieces that fold, compose and cluster differently,
 * checked against a brute force over cluster boundaries with u8_casecmp. */
static const char *const pieces[] = {
	"a", "A", "e", "E", "s", "S", " ", "\xc3\xa9", "e\xcc\x81", "\xc3\x89", "\xc3\x9f",
	"\xef\xac\x81", "f", "i", "\xcc\x81", "\xe6\x97\xa5", "\xf0\x9f\x87\xaf", "\xf0\x9f\x87\xb5",
	"\xe2\x80\x8d", "\xf0\x9f\x91\xa9", "\xd8\x80", "1", "\xce\xa3", "\xcf\x82", "\xcc\xa3",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static uint32_t rnd(uint64_t *seed)
{
	*seed = *seed * 6364136223846793005u + 1442695040888963407u;
	return (uint32_t)(*seed >> 33);
}

static void random_text(uint64_t *seed, struct buf *b, size_t npieces)
{
	buf_reset(b);
	buf_add(b, "", 0);
	for (size_t k = 0; k < npieces; k++)
		buf_adds(b, pieces[rnd(seed) % NPIECES]);
}

static int caseless_equal(const char *a, size_t alen, const char *b, size_t blen)
{
	int r = 1;
	assert_int_equal(u8_casecmp((const uint8_t *)a, alen, (const uint8_t *)b, blen, NULL,
				    UNINORM_NFD, &r), 0);
	return r == 0;
}

static void test_against_brute_force(void **state)
{
	(void)state;
	uint64_t seed = 42;
	struct buf text = { 0 }, pat = { 0 };
	struct search s = { 0 };
	char *brk = NULL;
	size_t brkcap = 0, total = 0;
	for (int iter = 0; iter < 6000; iter++) {
		random_text(&seed, &text, 1 + rnd(&seed) % 24);
		random_text(&seed, &pat, 1 + rnd(&seed) % 3);
		if (iter % 2 == 0 && text.len > 2) {
			/* Patterns cut from the text itself match more often. */
			size_t a = rnd(&seed) % text.len, n = 1 + rnd(&seed) % 6;
			if (a + n > text.len)
				n = text.len - a;
			buf_reset(&pat);
			buf_add(&pat, text.data + a, n);
			if (u8_check((const uint8_t *)pat.data, pat.len))
				continue;
		}
		if (search_compile(&s, pat.data, pat.len) != 0)
			fail_msg("compile failed for \"%s\"", pat.data);
		struct hits h = { 0 };
		size_t r = search_line(&s, (const uint8_t *)text.data, 0, text.len, collect, &h);
		assert_int_equal(r, h.n);
		assert_true(h.n <= MAXHITS);

		brk = xgrowarray(brk, &brkcap, text.len + 1, 1);
		u8_grapheme_breaks((const uint8_t *)text.data, text.len, brk);
		brk[0] = 1;
		brk[text.len] = 1;
		/* Leftmost, non-overlapping matches between cluster boundaries. */
		size_t want = 0, from = 0;
		for (size_t a = 0; a < text.len; a++) {
			if (a < from || !brk[a])
				continue;
			for (size_t b = a + 1; b <= text.len; b++) {
				if (!brk[b] || !caseless_equal(text.data + a, b - a, pat.data, pat.len))
					continue;
				if (want >= h.n || h.start[want] != a || h.end[want] != b)
					fail_msg("iter %d: \"%s\" in \"%s\": expected match %zu at [%zu,%zu)",
						 iter, pat.data, text.data, want, a, b);
				want++;
				from = b;
				break;
			}
		}
		if (want != h.n)
			fail_msg("iter %d: \"%s\" in \"%s\": %zu matches, brute force %zu",
				 iter, pat.data, text.data, h.n, want);
		total += want;
	}
	/* The generator must actually produce matches for this to mean much. */
	assert_true(total > 1200);
	search_free(&s);
	buf_free(&text);
	buf_free(&pat);
	free(brk);
}

/* A line longer than a search window (1 MiB) is searched a window at a
 * time: runs of matches across the windows' edges must come out as they do
 * anywhere, leftmost first and none overlapping ("aa" in a run of a's). */
static void expect_runs(const char *pat, const char *run, size_t runlen)
{
	const char *bg = "e\xcc\x81 \xe6\x97\xa5 \xc3\x9f s ";   /* no a, j, q, x or z */
	static const size_t at[] = { (1u << 20) - 10, (2u << 20) - 3, (2u << 20) + 4100 };
	struct buf text = { 0 };
	size_t starts[3];
	for (size_t k = 0; k < 3; k++) {
		while (text.len < at[k])
			buf_adds(&text, bg);
		starts[k] = text.len;
		for (size_t i = 0; i < runlen; i++)
			buf_adds(&text, run);
	}
	while (text.len < (3u << 20))
		buf_adds(&text, bg);
	struct search s = { 0 };
	assert_int_equal(search_compile(&s, pat, strlen(pat)), 0);
	struct hits h = { 0 };
	size_t r = search_line(&s, (const uint8_t *)text.data, 0, text.len, collect, &h);
	size_t step = strlen(pat), per = runlen * strlen(run) / step;
	if (r != h.n || h.n != 3 * per)
		fail_msg("\"%s\": %zu matches (returned %zu), expected %zu", pat, h.n, r, 3 * per);
	for (size_t i = 0; i < h.n; i++) {
		size_t want = starts[i / per] + i % per * step;
		if (h.start[i] != want || h.end[i] != want + step)
			fail_msg("\"%s\": match %zu at [%zu,%zu), expected [%zu,%zu)", pat, i, h.start[i],
				 h.end[i], want, want + step);
	}
	search_free(&s);
	buf_free(&text);
}

/* Flags are pairs of regional indicators, paired from the start of their
 * run: a window edge must not pair them the other way, whatever the bytes
 * before the run. */
static void expect_flags(size_t prefix)
{
	const char *jp = "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5", *pj = "\xf0\x9f\x87\xb5\xf0\x9f\x87\xaf";
	struct buf text = { 0 };
	for (size_t i = 0; i < prefix; i++)
		buf_adds(&text, "x");
	size_t flags = 0;
	while (text.len < (5u << 19)) {
		buf_adds(&text, jp);
		flags++;
	}
	struct search s = { 0 };
	struct hits h = { 0 };
	assert_int_equal(search_compile(&s, pj, strlen(pj)), 0);
	size_t r = search_line(&s, (const uint8_t *)text.data, 0, text.len, collect, &h);
	if (r)
		fail_msg("prefix %zu: %zu matches of JP paired the wrong way, the first at %zu", prefix, r,
			 h.start[0]);
	assert_int_equal(search_compile(&s, jp, strlen(jp)), 0);
	r = search_line(&s, (const uint8_t *)text.data, 0, text.len, collect, &h);
	if (r != flags)
		fail_msg("prefix %zu: %zu flags found of %zu", prefix, r, flags);
	search_free(&s);
	buf_free(&text);
}

/* A window edge found near the edge, not from the window's start, must
 * still not split a Prepend character (U+0600) from the digit it prefixes:
 * the two are one cluster, so that "1" is no match.  The lone one is. */
static void test_window_edge_prepend(void **state)
{
	(void)state;
	struct buf text = { 0 };
	while (text.len < (1u << 20) - 2)
		buf_adds(&text, "x");
	buf_adds(&text, "\xd8\x80" "1");  /* the window's edge falls before the 1 */
	while (text.len < (3u << 19))
		buf_adds(&text, "x");
	size_t lone = text.len + 1;
	buf_adds(&text, " 1 x");
	struct search s = { 0 };
	struct hits h = { 0 };
	assert_int_equal(search_compile(&s, "1", 1), 0);
	size_t r = search_line(&s, (const uint8_t *)text.data, 0, text.len, collect, &h);
	if (r != 1 || h.n != 1 || h.start[0] != lone)
		fail_msg("%zu matches of 1, the first at %zu; expected one, at %zu", h.n, h.n ? h.start[0] : 0,
			 lone);
	search_free(&s);
	buf_free(&text);
}

/* A cluster longer than the edge's first look (256 bytes) across a
 * window's edge, the look ending inside a mark: the mark cut off there is
 * no boundary, and the marks, all the a's, no match.  (Found in review.) */
static void test_window_edge_long_cluster(void **state)
{
	(void)state;
	struct buf text = { 0 }, pat = { 0 };
	while (text.len < 1048275)
		buf_adds(&text, "x");
	buf_adds(&text, "a");
	for (int i = 0; i < 206; i++)
		buf_adds(&text, "\xe2\x83\x90");   /* U+20D0, a combining mark */
	for (int i = 0; i < 6000; i++)
		buf_adds(&text, "y");
	for (int i = 0; i < 21; i++)
		buf_adds(&pat, "\xe2\x83\x90");
	struct search s = { 0 };
	struct hits h = { 0 };
	assert_int_equal(search_compile(&s, pat.data, pat.len), 0);
	size_t r = search_line(&s, (const uint8_t *)text.data, 0, text.len, collect, &h);
	if (r)
		fail_msg("%zu matches inside one cluster, the first at [%zu,%zu)", r, h.start[0], h.end[0]);
	search_free(&s);
	buf_free(&text);
	buf_free(&pat);
}

static void test_long_line_windows(void **state)
{
	(void)state;
	expect_runs("ZQXJ", "zqxj", 8);
	expect_runs("aa", "a", 41);         /* 20 pairs a run, the last a left */
	for (size_t prefix = 0; prefix < 9; prefix++)
		expect_flags(prefix);
}

/* ---- case as less users know it ---------------------------------------- */

/* Matches of pat in text with case kept (exact) or ignored. */
static size_t count_case(const char *pat, const char *text, int exact, struct hits *h)
{
	struct search s = { 0 };
	assert_int_equal(search_compile_case(&s, pat, strlen(pat), exact), 0);
	size_t r = search_line(&s, (const uint8_t *)text, 0, strlen(text), collect, h);
	search_free(&s);
	return r;
}

/* /US lands on "US", not on "focus" and "trust": case kept, the rest as
 * before (whole clusters, normalisation ignored). */
static void test_exact_case(void **state)
{
	(void)state;
	const char *text = "focus on trust: the US and us, Us";
	struct hits h = { 0 };
	assert_int_equal(count_case("US", text, 1, &h), 1);
	assert_int_equal(h.start[0], strstr(text, "US") - text);
	struct hits all = { 0 };
	assert_int_equal(count_case("US", text, 0, &all), 5);
	/* Non-ASCII: É is not é, but precomposed é still finds e + U+0301. */
	struct hits e = { 0 };
	assert_int_equal(count_case("\xc3\x89" "cole", "\xc3\xa9" "cole", 1, &e), 0);
	struct hits d = { 0 };
	const char *decomposed = "caf" "e\xcc\x81" " CAF" "E\xcc\x81";
	assert_int_equal(count_case("caf\xc3\xa9", decomposed, 1, &d), 1);
	assert_int_equal(d.start[0], 0);
	assert_int_equal(d.end[0], 6);
	struct hits upper = { 0 };
	assert_int_equal(count_case("CAF\xc3\x89", decomposed, 1, &upper), 1);
	assert_int_equal(upper.start[0], 7);
	/* Past the ASCII fast path: a long line with one capital match. */
	struct buf long_line = { 0 };
	for (int i = 0; i < 2000; i++)
		buf_adds(&long_line, "us ");
	buf_adds(&long_line, "\xe2\x80\x94US\xe2\x80\x94 us");
	struct hits l = { 0 };
	assert_int_equal(count_case("US", long_line.data, 1, &l), 1);
	buf_free(&long_line);
}

/* A capital is what lower-casing changes: upper and title case, in any
 * script; a pattern without one ignores case under smart case. */
static void test_smart_case(void **state)
{
	(void)state;
	assert_false(search_has_capital("us", 2));
	assert_true(search_has_capital("US", 2));
	assert_true(search_has_capital("rUbio", 5));
	assert_false(search_has_capital("\xc3\x9f", 2));            /* ß */
	assert_true(search_has_capital("\xc3\x89", 2));             /* É */
	assert_true(search_has_capital("\xc7\x85", 2));             /* ǅ, title case */
	assert_true(search_has_capital("\xd0\x96", 2));             /* Ж */
	assert_false(search_has_capital("\xe6\x97\xa5\xe6\x9c\xac", 6));   /* 日本 */
	assert_false(search_has_capital("2.3%", 4));
	assert_false(search_exact_case("us", 2, SEARCH_SMART));
	assert_true(search_exact_case("US", 2, SEARCH_SMART));
	assert_false(search_exact_case("US", 2, SEARCH_IGNORE));
	assert_true(search_exact_case("us", 2, SEARCH_SENSITIVE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii_case),
		cmocka_unit_test(test_exact_case),
		cmocka_unit_test(test_smart_case),
		cmocka_unit_test(test_window_edge_prepend),
		cmocka_unit_test(test_window_edge_long_cluster),
		cmocka_unit_test(test_precomposed_finds_decomposed),
		cmocka_unit_test(test_decomposed_finds_precomposed),
		cmocka_unit_test(test_canonical_order),
		cmocka_unit_test(test_uppercase_non_ascii_pattern),
		cmocka_unit_test(test_sharp_s_folds_longer),
		cmocka_unit_test(test_no_match_inside_cluster),
		cmocka_unit_test(test_multiple_matches),
		cmocka_unit_test(test_overlapping_candidates),
		cmocka_unit_test(test_offsets_after_non_ascii),
		cmocka_unit_test(test_subrange),
		cmocka_unit_test(test_empty_pattern),
		cmocka_unit_test(test_early_stop),
		cmocka_unit_test(test_recompile_and_reuse),
		cmocka_unit_test(test_against_brute_force),
		cmocka_unit_test(test_long_line_windows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
