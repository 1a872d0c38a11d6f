/* Unit tests for layout.c: widths, wrapping, hanging spaces, tabs, grapheme-safe breaks. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>

#include "brief/layout.h"

#define U8(s) ((const uint8_t *)(s))

/* CJK, emoji, combining marks and Latin in one paragraph (no ZWJ: documents
 * never keep one). */
static const char mixed[] =
	"Cafe\xcc\x81 cre\xcc\x80me bru\xcc\x82le\xcc\x81" "e \xe6\x97\xa5\xe6\x9c\xac\xe3\x81\xa8"
	"\xe9\x9f\x93\xe5\x9b\xbd\xe3\x81\xae\xe5\x90\x8c\xe7\x9b\x9f\xe3\x81\xaf\xe5\xa4\xa7"
	"\xe5\x88\x87\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82 \xf0\x9f\x98\x80\xf0\x9f\x8e\x89 "
	"\xed\x95\x9c\xea\xb5\xad \xec\x84\x9c\xec\x9a\xb8 na\xc3\xafve co\xc3\xb6perate "
	"\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5 \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd ok.  Z\xcc\x88\xcc\x81"
	"\xcc\xa3 \xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87"
	"\xe4\xb8\xad\xe6\x96\x87 end";

static int is_hang(uint8_t c)
{
	return c == ' ' || c == '\t';
}

/* Grapheme cluster starts of the source line [start, end), by UAX #29 as
 * libunistring's u8_grapheme_breaks has it: gb[i] for text[start + i], and
 * gb[end - start] set.  (layout_next_cluster may split a cluster such as a
 * flag, never join two.) */
static char *cluster_starts(const uint8_t *text, size_t start, size_t end)
{
	char *gb = malloc(end - start + 1);
	assert_non_null(gb);
	if (end > start)
		u8_grapheme_breaks(text + start, end - start, gb);
	gb[0] = 1;
	gb[end - start] = 1;
	return gb;
}

/* What must hold for any layout of text[start, end) at width. */
static void check_layout(const struct lines *l, const uint8_t *text, size_t start, size_t end,
			 int width)
{
	assert_true(l->n >= 1);
	assert_int_equal(l->v[0].start, start);
	char *gb = cluster_starts(text, start, end);
	size_t prev_end = start;
	for (size_t i = 0; i < l->n; i++) {
		const struct lline *ln = &l->v[i];
		/* Each line starts where the previous ended, after its hung spaces. */
		if (i) {
			size_t p = prev_end;
			while (p < end && is_hang(text[p]))
				p++;
			if (ln->start != p)
				fail_msg("width %d line %zu starts at %zu, expected %zu", width, i,
					 ln->start, p);
		}
		assert_true(ln->start <= ln->end);
		assert_true(ln->end <= end);
		/* Trailing spaces hang: never part of the line. */
		if (ln->end > ln->start)
			assert_false(is_hang(text[ln->end - 1]));
		int w = layout_width(text, ln->start, ln->end);
		/* Wider than the width only when one cluster alone does not fit. */
		size_t clusters = 0;
		for (size_t p = ln->start; p < ln->end; p++)
			clusters += gb[p - start] != 0;
		if (w > width && clusters > 1)
			fail_msg("width %d line %zu is %d columns: '%.*s'", width, i, w,
				 (int)(ln->end - ln->start), (const char *)text + ln->start);
		if (!gb[ln->start - start] || !gb[ln->end - start])
			fail_msg("width %d line %zu [%zu,%zu) splits a grapheme cluster", width, i,
				 ln->start, ln->end);
		/* Only the first line may be empty when the source is not: a line of
		 * only leading spaces. */
		if (ln->end == ln->start && end > start && i > 0)
			fail_msg("width %d line %zu is empty", width, i);
		prev_end = ln->end;
	}
	/* What is left after the last line is hung spaces only. */
	for (size_t p = prev_end; p < end; p++)
		if (!is_hang(text[p]))
			fail_msg("width %d: byte %zu after the last line is lost", width, p);
	free(gb);
}

/* Columns of display line i of l, laid out from text. */
static int line_width(const struct lines *l, size_t i, const char *text)
{
	return layout_width(U8(text), l->v[i].start, l->v[i].end);
}

static void layout_all_widths(const uint8_t *text, size_t start, size_t end, int maxw)
{
	for (int width = 1; width <= maxw; width++) {
		struct lines l = { 0 };
		layout_line(&l, text, start, end, width);
		check_layout(&l, text, start, end, width);
		/* Text that fits is the one line layout_whole gives. */
		if (layout_width(text, start, end) <= width) {
			struct lines w = { 0 };
			layout_whole(&w, text, start, end);
			assert_int_equal(l.n, 1);
			assert_int_equal(w.n, 1);
			assert_int_equal(w.v[0].start, l.v[0].start);
			assert_int_equal(w.v[0].end, l.v[0].end);
			lines_free(&w);
		}
		lines_free(&l);
	}
}

static char *read_asset(const char *name, size_t *len)
{
	const char *dir = getenv("BRIEF_ASSETS");
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "assets", name);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (set BRIEF_ASSETS)", path);
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	assert_non_null(buf);
	size_t r;
	while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static void test_article_every_width(void **state)
{
	(void)state;
	size_t len;
	char *text = read_asset("commentary.txt", &len);
	assert_true(len > 1000);
	size_t nlines = 0;
	for (size_t ls = 0; ls <= len;) {
		const char *lf = memchr(text + ls, '\n', len - ls);
		size_t le = lf ? (size_t)(lf - text) : len;
		layout_all_widths(U8(text), ls, le, 120);
		nlines++;
		ls = le + 1;
	}
	assert_true(nlines > 10);
	free(text);
}

static void test_mixed_every_width(void **state)
{
	(void)state;
	size_t n = strlen(mixed);
	assert_null(u8_check(U8(mixed), n));
	layout_all_widths(U8(mixed), 0, n, 120);
	/* Also from an offset inside a larger buffer. */
	layout_all_widths(U8(mixed), 5, n - 4, 40);
}

static void test_fits_on_one_line(void **state)
{
	(void)state;
	const char *s = "Japan and South Korea";
	struct lines l = { 0 };
	layout_line(&l, U8(s), 0, strlen(s), (int)strlen(s));
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].end, strlen(s));
	assert_int_equal(line_width(&l, 0, s), 21);
	lines_free(&l);
	/* One column less breaks at the last space. */
	layout_line(&l, U8(s), 0, strlen(s), 20);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].end, 15);            /* "Japan and South" */
	assert_int_equal(l.v[1].start, 16);
	assert_int_equal(line_width(&l, 0, s), 15);
	lines_free(&l);
}

/* Columns of text[start, end), cluster by cluster: the definition that
 * layout_width's shortcut over whole runs must agree with. */
static int cluster_sum(const uint8_t *text, size_t start, size_t end)
{
	int col = 0;
	for (size_t off = start; off < end;) {
		size_t next = layout_next_cluster(text, off, end);
		col += layout_cluster_width(text, off, next, col);
		off = next;
	}
	return col;
}

static void test_width_is_cluster_sum(void **state)
{
	(void)state;
	static const char *const parts[] = {
		"a", " ", "\t", "", "e\xcc\x81", "\xe6\x97\xa5", "\xf0\x9f\x98\x80",
		"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9",   /* ZWJ sequence */
		"\xff", "\xe6\x97", "\x01", "\x7f", "\xe2\x80\x8b", "\xef\xb8\x8f",
		"\xe1\x84\x80\xe1\x85\xa1", "\xcc\x81", "\r", "\xc2\xad",
	};
	const size_t nparts = sizeof parts / sizeof parts[0];
	uint32_t seed = 12345;
	uint8_t buf[256];
	for (int round = 0; round < 5000; round++) {
		size_t n = 0;
		int pieces = 1 + round % 24;
		for (int k = 0; k < pieces; k++) {
			seed = seed * 1103515245u + 12345u;
			size_t i = (seed >> 16) % (nparts + 1);
			/* parts[3] is a NUL byte; index nparts is a random byte. */
			if (i == 3 || i == nparts) {
				buf[n++] = i == 3 ? 0 : (uint8_t)(seed >> 8);
				continue;
			}
			size_t len = strlen(parts[i]);
			memcpy(buf + n, parts[i], len);
			n += len;
		}
		for (size_t start = 0; start <= n; start += 1 + n / 3)
			if (layout_width(buf, start, n) != cluster_sum(buf, start, n))
				fail_msg("round %d [%zu,%zu): %d columns, clusters say %d", round,
					 start, n, layout_width(buf, start, n), cluster_sum(buf, start, n));
	}
}

/* Breaks computed only around what is not ASCII must be every one
 * u8_grapheme_breaks finds: the fragments are what the rules look back
 * across (flags, ZWJ sequences, Hangul, marks, a Prepend character, CR LF,
 * conjuncts) next to ASCII, and stray bytes. */
static void test_cluster_breaks_are_libunistrings(void **state)
{
	(void)state;
	static const char *const parts[] = {
		"a", "ab", " ", "\t", "\r", "\n", "\r\n", "e\xcc\x81", "\xcc\x81", "\xe2\x80\x8d",
		"\xf0\x9f\x87\xaf", "\xf0\x9f\x87\xb5", "\xf0\x9f\x91\xa8", "\xf0\x9f\x98\x80",
		"\xf0\x9f\x8f\xbb", "\xef\xb8\x8f", "\xe1\x84\x80", "\xe1\x85\xa1", "\xe1\x86\xa8",
		"\xea\xb0\x80", "\xd8\x80", "\xe0\xa4\x83", "\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7",
		"\xc2\xa9", "\xff", "\xe6\x97", "\x7f", "\x01",
	};
	const size_t nparts = sizeof parts / sizeof parts[0];
	uint32_t seed = 4242;
	uint8_t buf[512];
	char want[512], got[512];
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		int pieces = 1 + round % 40;
		for (int k = 0; k < pieces; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = parts[(seed >> 16) % nparts];
			size_t len = strlen(p);
			/* Runs: the rules count flags and carry emoji state along. */
			int times = 1 + (int)((seed >> 8) % 4);
			for (int t = 0; t < times && n + len < sizeof buf; t++) {
				memcpy(buf + n, p, len);
				n += len;
			}
		}
		if (!n)
			continue;
		u8_grapheme_breaks(buf, n, want);
		memset(got, 2, n);
		layout_cluster_breaks(buf, n, got);
		for (size_t i = 0; i < n; i++)
			if (got[i] != want[i])
				fail_msg("round %d, byte %zu of %zu: break %d, u8_grapheme_breaks says %d",
					 round, i, n, got[i], want[i]);
	}
}

/* A long line laid out in chunks, as far as asked at a time, must give
 * exactly the lines of laying it out whole.  The fragments mix what the
 * rules look across a chunk's edge for: marks after tabs and spaces, ZWJ
 * and flag sequences, numbers, quotes and brackets, runs of spaces. */
static void check_chunked(const uint8_t *text, size_t n, int width, size_t chunk, size_t margin)
{
	struct lines whole = { 0 }, part = { 0 };
	layout_line(&whole, text, 0, n, width);
	size_t from = 0, want = 1;
	int done = 0;
	while (!done) {
		done = layout_more_by(&part, text, 0, &from, n, width, want, chunk, margin);
		if (!done && part.n < want)
			fail_msg("width %d chunk %zu: %zu lines, %zu asked, not done", width, chunk,
				 part.n, want);
		want = part.n + 1 + want / 2;
	}
	for (size_t i = 0; i < whole.n && i < part.n; i++)
		if (part.v[i].start != whole.v[i].start || part.v[i].end != whole.v[i].end)
			fail_msg("width %d chunk %zu margin %zu: line %zu is [%zu,%zu), whole gives [%zu,%zu)",
				 width, chunk, margin, i, part.v[i].start, part.v[i].end,
				 whole.v[i].start, whole.v[i].end);
	if (part.n != whole.n)
		fail_msg("width %d chunk %zu margin %zu: %zu lines, whole gives %zu", width, chunk,
			 margin, part.n, whole.n);
	lines_free(&whole);
	lines_free(&part);
}

static void test_chunked_layout_is_whole_layout(void **state)
{
	(void)state;
	static const char *const parts[] = {
		"word ", "words ", "a ", "   ", "\t", "12.5% ", "$3,000 ", "(see) ", "\"quoted\" ",
		"\xe2\x80\x94", "-", "well-known ", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
		"\xed\x95\x9c\xea\xb5\xad ", "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9 ",
		"\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5", "e\xcc\x81", "\xcc\x81\xcc\x82\xcc\x83",
		"https://example.org/a/b?c=d ", "\xc2\xad", "\xc2\xa0", "\xe2\x80\x8b", "Mr. ", "U.S. ",
		"supercalifragilisticexpialidocious", "\xef\xbc\x88\xe4\xb8\xad\xef\xbc\x89", "!? ",
	};
	const size_t nparts = sizeof parts / sizeof parts[0];
	static const int widths[] = { 1, 3, 8, 17, 40, 80 };
	static const size_t chunks[][2] = { { 16, 16 }, { 40, 24 }, { 100, 32 }, { 700, 64 } };
	uint32_t seed = 777;
	static uint8_t buf[6000];
	for (int round = 0; round < 60; round++) {
		size_t n = 0;
		while (n + 64 < sizeof buf && n < (size_t)(200 + round * 90)) {
			seed = seed * 1103515245u + 12345u;
			const char *p = parts[(seed >> 16) % nparts];
			size_t len = strlen(p);
			memcpy(buf + n, p, len);
			n += len;
		}
		for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++)
			for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++)
				check_chunked(buf, n, widths[w], chunks[c][0], chunks[c][1]);
	}
	/* The commentary's paragraphs, in chunks a few lines long. */
	size_t len;
	char *article = read_asset("commentary.txt", &len);
	for (size_t i = 0; i < len; i++)
		if (article[i] == '\n')
			article[i] = ' ';           /* one source line */
	for (int width = 20; width <= 100; width += 40)
		check_chunked((const uint8_t *)article, len, width, 200, 32);
	free(article);
	/* One cluster longer than a chunk: the chunk grows until a line ends. */
	size_t n = 0;
	memcpy(buf, "ab a", 4);
	n = 4;
	while (n + 2 < 5000) {
		memcpy(buf + n, "\xcc\x81", 2);
		n += 2;
	}
	memcpy(buf + n, " cd ef gh", 9);
	n += 9;
	check_chunked(buf, n, 2, 100, 16);
	/* A cluster of 300 bytes, then enough words that the grown chunk
	 * keeps lines and another follows. */
	n = 0;
	memcpy(buf, "ab a", 4);
	n = 4;
	for (int i = 0; i < 150; i++, n += 2)
		memcpy(buf + n, "\xcc\x81", 2);
	for (int i = 0; i < 200; i++, n += 3)
		memcpy(buf + n, " cd", 3);
	check_chunked(buf, n, 5, 100, 16);
}

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(layout_width(U8("abc"), 0, 3), 3);
	assert_int_equal(layout_width(U8("\xe6\x97\xa5\xe6\x9c\xac"), 0, 6), 4);   /* 日本 */
	assert_int_equal(layout_width(U8("e\xcc\x81"), 0, 3), 1);                  /* e + U+0301 */
	assert_int_equal(layout_width(U8("\xf0\x9f\x98\x80"), 0, 4), 2);           /* emoji */
	assert_int_equal(layout_width(U8("\xed\x95\x9c"), 0, 3), 2);               /* Hangul */
	assert_int_equal(layout_width(U8(""), 0, 0), 0);
	/* e + U+0301 is one cluster; so is a Hangul syllable. */
	assert_int_equal(layout_next_cluster(U8("e\xcc\x81x"), 0, 4), 3);
	assert_int_equal(layout_next_cluster(U8("ab"), 0, 2), 1);
	assert_int_equal(layout_next_cluster(U8("ab"), 2, 2), 2);
	/* Never past end, even inside a cluster. */
	assert_int_equal(layout_next_cluster(U8("e\xcc\x81"), 0, 1), 1);
}

static void test_tabs(void **state)
{
	(void)state;
	/* Tabs go to the next multiple of 8 from the start of the display line. */
	assert_int_equal(layout_width(U8("\t"), 0, 1), 8);
	assert_int_equal(layout_width(U8("a\tb"), 0, 3), 9);
	assert_int_equal(layout_width(U8("abcdefg\tb"), 0, 9), 9);
	assert_int_equal(layout_width(U8("abcdefgh\tb"), 0, 10), 17);
	assert_int_equal(layout_width(U8("\t\t"), 0, 2), 16);
	assert_int_equal(layout_width(U8("\xe6\x97\xa5\t|"), 0, 5), 9);
	for (int col = 0; col < 40; col++)
		assert_int_equal(layout_cluster_width(U8("\t"), 0, 1, col), 8 - col % 8);
	/* Every tab stop in a laid-out line is a multiple of 8. */
	const char *s = "a\tbb\tccc\tdddd\teeeee\tffffff\tggggggg\thhhhhhhh\ti";
	for (int width = 8; width <= 80; width++) {
		struct lines l = { 0 };
		layout_line(&l, U8(s), 0, strlen(s), width);
		check_layout(&l, U8(s), 0, strlen(s), width);
		for (size_t i = 0; i < l.n; i++) {
			int col = 0;
			for (size_t p = l.v[i].start; p < l.v[i].end; p++) {
				if (s[p] == '\t') {
					col += 8 - col % 8;
					assert_int_equal(col % 8, 0);
				} else {
					col++;
				}
			}
			assert_int_equal(col, line_width(&l, i, s));
		}
		lines_free(&l);
	}
	/* A line that is only a tab at width 8: the tab hangs. */
	struct lines l = { 0 };
	layout_line(&l, U8("\t"), 0, 1, 8);
	assert_int_equal(l.n, 1);
	assert_int_equal(line_width(&l, 0, "\t"), 0);
	lines_free(&l);
}

static void test_trailing_spaces_hang(void **state)
{
	(void)state;
	/* "word" then many spaces: the spaces never make a line of their own
	 * and never count. */
	const char *s = "word          next   ";
	struct lines l = { 0 };
	layout_line(&l, U8(s), 0, strlen(s), 6);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].start, 0);
	assert_int_equal(l.v[0].end, 4);
	assert_int_equal(line_width(&l, 0, s), 4);
	assert_int_equal(l.v[1].start, 14);
	assert_int_equal(l.v[1].end, 18);
	assert_int_equal(line_width(&l, 1, s), 4);
	lines_free(&l);
	/* Every width, up to wide enough for one line with the spaces hung. */
	layout_all_widths(U8(s), 0, strlen(s), (int)strlen(s) + 2);
	/* Exactly full, then a space: still one line, the space hangs. */
	layout_line(&l, U8("abcd "), 0, 5, 4);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].end, 4);
	assert_int_equal(line_width(&l, 0, "abcd "), 4);
	lines_free(&l);
	/* A line of spaces only. */
	layout_line(&l, U8("     "), 0, 5, 3);
	assert_int_equal(l.n, 1);
	assert_int_equal(line_width(&l, 0, "     "), 0);
	lines_free(&l);
}

static void test_empty_line(void **state)
{
	(void)state;
	struct lines l = { 0 };
	const char *s = "abc\n\ndef";
	layout_line(&l, U8(s), 4, 4, 10);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].start, 4);
	assert_int_equal(l.v[0].end, 4);
	assert_int_equal(line_width(&l, 0, s), 0);
	/* Appends: the next call adds after what is there. */
	layout_line(&l, U8(s), 5, 8, 10);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[1].start, 5);
	assert_int_equal(l.v[1].end, 8);
	lines_free(&l);
	assert_null(l.v);
	assert_int_equal(l.n, 0);
}

static void test_long_word_broken_at_clusters(void **state)
{
	(void)state;
	/* "e\u0301" ten times, no break opportunity: five per line at width 5,
	 * each line a whole number of e+acute pairs. */
	char s[64] = "";
	for (int i = 0; i < 10; i++)
		strcat(s, "e\xcc\x81");
	size_t n = strlen(s);
	for (int width = 1; width <= 12; width++) {
		struct lines l = { 0 };
		layout_line(&l, U8(s), 0, n, width);
		check_layout(&l, U8(s), 0, n, width);
		size_t want = (size_t)((10 + width - 1) / width);
		if (l.n != want)
			fail_msg("width %d: %zu lines, expected %zu", width, l.n, want);
		for (size_t i = 0; i < l.n; i++) {
			assert_int_equal((l.v[i].end - l.v[i].start) % 3, 0);
			assert_int_equal(s[l.v[i].start], 'e');
			assert_true(line_width(&l, i, s) <= width);
		}
		lines_free(&l);
	}
	/* A long Latin word with no spaces: filled to the width exactly. */
	const char *w = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
	struct lines l = { 0 };
	layout_line(&l, U8(w), 0, strlen(w), 10);
	assert_int_equal(l.n, 6);
	for (size_t i = 0; i + 1 < l.n; i++)
		assert_int_equal(line_width(&l, i, w), 10);
	assert_int_equal(line_width(&l, 5, w), 2);
	lines_free(&l);
}

static void test_cjk_breaks(void **state)
{
	(void)state;
	/* Ten ideographs (20 columns): at width 5 two per line (4 columns), never
	 * half of one. */
	char s[64] = "";
	for (int i = 0; i < 10; i++)
		strcat(s, "\xe4\xb8\xad");
	size_t n = strlen(s);
	struct lines l = { 0 };
	layout_line(&l, U8(s), 0, n, 5);
	check_layout(&l, U8(s), 0, n, 5);
	assert_int_equal(l.n, 5);
	for (size_t i = 0; i < l.n; i++) {
		assert_int_equal(line_width(&l, i, s), 4);
		assert_int_equal(l.v[i].end - l.v[i].start, 6);
	}
	lines_free(&l);
}

static void test_width_one_wide_chars(void **state)
{
	(void)state;
	/* Width 1, characters of width 2: one per line, and it terminates. */
	const char *s = "\xe4\xb8\xad\xf0\x9f\x98\x80\xed\x95\x9c\xe6\x97\xa5";
	size_t n = strlen(s);
	struct lines l = { 0 };
	layout_line(&l, U8(s), 0, n, 1);
	check_layout(&l, U8(s), 0, n, 1);
	assert_int_equal(l.n, 4);
	for (size_t i = 0; i < l.n; i++) {
		assert_int_equal(line_width(&l, i, s), 2);
		assert_true(l.v[i].end > l.v[i].start);
	}
	lines_free(&l);
	/* Width below 1 behaves as 1. */
	layout_line(&l, U8("ab"), 0, 2, 0);
	assert_int_equal(l.n, 2);
	lines_free(&l);
	layout_line(&l, U8("ab"), 0, 2, -5);
	assert_int_equal(l.n, 2);
	lines_free(&l);
}

static void test_break_after_hyphen(void **state)
{
	(void)state;
	/* "Lee Jae-myung" at width 8: "Lee Jae-" / "myung" (UAX #14 allows a
	 * break after the hyphen). */
	const char *s = "Lee Jae-myung";
	struct lines l = { 0 };
	layout_line(&l, U8(s), 0, strlen(s), 8);
	check_layout(&l, U8(s), 0, strlen(s), 8);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].end, 8);
	assert_int_equal(l.v[1].start, 8);
	lines_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_width_is_cluster_sum),
		cmocka_unit_test(test_cluster_breaks_are_libunistrings),
		cmocka_unit_test(test_chunked_layout_is_whole_layout),
		cmocka_unit_test(test_fits_on_one_line),
		cmocka_unit_test(test_article_every_width),
		cmocka_unit_test(test_mixed_every_width),
		cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_trailing_spaces_hang),
		cmocka_unit_test(test_empty_line),
		cmocka_unit_test(test_long_word_broken_at_clusters),
		cmocka_unit_test(test_cjk_breaks),
		cmocka_unit_test(test_width_one_wide_chars),
		cmocka_unit_test(test_break_after_hyphen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
