/* Unit tests for word.c: boundaries as UAX #29 and libunistring give them
 * (apostrophes tailored), the ASCII fast path against u8_wordbreaks, the
 * classes of characters; and that a quote, a mention and a figure start and
 * end on the same boundaries in Latin, Cyrillic, Han and combining marks. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <uniwbrk.h>

#include "brief/annot.h"
#include "brief/document.h"
#include "brief/figures.h"
#include "brief/mentions.h"
#include "brief/word.h"

/* s with '|' at each boundary word_boundary() finds, edges included. */
static char *marked(const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(2 * n + 2), *o = out;
	assert_non_null(out);
	for (size_t i = 0; i <= n; i++) {
		if (word_boundary((const uint8_t *)s, 0, n, i))
			*o++ = '|';
		if (i < n)
			*o++ = s[i];
	}
	*o = '\0';
	return out;
}

static void expect_marks(const char *s, const char *want)
{
	char *got = marked(s);
	if (strcmp(got, want) != 0)
		fail_msg("'%s': boundaries %s, expected %s", s, got, want);
	free(got);
}

/* The header's examples, and the cases issue 15 names. */
static void test_examples(void **state)
{
	(void)state;
	expect_marks("US and USB.", "|US| |and| |USB|.|");
	expect_marks("Japan's Rubio\xe2\x80\x99s", "|Japan|'|s| |Rubio|\xe2\x80\x99|s|");
	expect_marks("3.5 3,000 2025-06", "|3.5| |3,000| |2025|-|06|");
	expect_marks("US\xc3\xa9 \xd0\x96US 2nd", "|US\xc3\xa9| |\xd0\x96US| |2nd|");
	/* S + U+0301, e + U+0301: no boundary before a mark. */
	expect_marks("US\xcc\x81 cafe\xcc\x81", "|US\xcc\x81| |cafe\xcc\x81|");
	/* 美US, 韓国は3.5%を: each ideograph alone, Latin and digits whole. */
	expect_marks("\xe7\xbe\x8eUS", "|\xe7\xbe\x8e|US|");
	expect_marks("\xe9\x9f\x93\xe5\x9b\xbd\xe3\x81\xaf" "3.5%\xe3\x82\x92",
		     "|\xe9\x9f\x93|\xe5\x9b\xbd|\xe3\x81\xaf|3.5|%|\xe3\x82\x92|");
	/* katakana カタカナ is one word */
	expect_marks("\xe3\x82\xab\xe3\x82\xbf\xe3\x82\xab\xe3\x83\x8a",
		     "|\xe3\x82\xab\xe3\x82\xbf\xe3\x82\xab\xe3\x83\x8a|");
	expect_marks("x.US U.S.", "|x.US| |U.S|.|");
	/* Two spaces are one segment (WB3d); CR LF is one. */
	expect_marks("a  b\r\nc", "|a|  |b|\r\n|c|");
	/* The apostrophe stays inside numbers and after a space. */
	expect_marks("1'000 'tis", "|1'000| |'|tis|");
	/* An apostrophe with a mark on it splits after the mark. */
	expect_marks("a'\xcc\x81s", "|a|'\xcc\x81|s|");
	/* U+202F is a space, not a joiner: "Seoul :" holds "Seoul". */
	expect_marks("Seoul\xe2\x80\xaf: 25\xe2\x80\xaf%",
		     "|Seoul|\xe2\x80\xaf|:| |25|\xe2\x80\xaf|%|");
	expect_marks("", "|");
}

static void test_bounds(void **state)
{
	(void)state;
	const uint8_t *s = (const uint8_t *)"USB";
	/* lo and hi are boundaries, and so is everything outside them. */
	assert_true(word_boundary(s, 0, 3, 0));
	assert_false(word_boundary(s, 0, 3, 2));
	assert_true(word_boundary(s, 0, 2, 2));
	assert_true(word_boundary(s, 1, 3, 1));
	assert_true(word_boundary(s, 1, 3, 0));
	assert_true(word_boundary(s, 0, 3, 7));
	/* Never inside a UTF-8 sequence. */
	const uint8_t *e = (const uint8_t *)" \xc3\xa9 ";
	assert_true(word_boundary(e, 0, 4, 1));
	assert_false(word_boundary(e, 0, 4, 2));
	assert_true(word_boundary(e, 0, 4, 3));
	assert_true(word_whole(e, 0, 4, 1, 3));
	assert_false(word_whole(e, 0, 4, 1, 1));
	assert_false(word_whole(s, 0, 3, 0, 2));
	assert_true(word_whole(s, 0, 3, 0, 3));
}

/* Characters that stand for every ASCII class UAX #29 has, and for the
 * rules the fast path must not take over. */
static const char *const reps[] = {
	"a", "Z", "0", "9", "_", ":", ".", "'", ",", ";", "\"", " ", "\r", "\n", "\v",
	"\f", "\t", "-", "%", "$", "\x7f", "\x01",
};
#define NREPS (sizeof reps / sizeof reps[0])

/* Every position of s against word_breaks() over the whole of it. */
static void check_against_breaks(const uint8_t *s, size_t n)
{
	char p[64];
	assert_true(n <= sizeof p);
	word_breaks(s, n, p);
	for (size_t i = 0; i < n; i++)
		if ((p[i] != 0) != (word_boundary(s, 0, n, i) != 0))
			fail_msg("'%.*s' at %zu: word_boundary %d, word_breaks %d", (int)n, s, i,
				 word_boundary(s, 0, n, i), p[i]);
}

/* Every string of four such characters: the fast path's answers are
 * u8_wordbreaks' (tailored). */
static void test_ascii_fast_path(void **state)
{
	(void)state;
	uint8_t s[4];
	for (size_t a = 0; a < NREPS; a++)
		for (size_t b = 0; b < NREPS; b++)
			for (size_t c = 0; c < NREPS; c++)
				for (size_t d = 0; d < NREPS; d++) {
					s[0] = (uint8_t)reps[a][0];
					s[1] = (uint8_t)reps[b][0];
					s[2] = (uint8_t)reps[c][0];
					s[3] = (uint8_t)reps[d][0];
					check_against_breaks(s, 4);
				}
	/* Every ASCII byte between letters, digits and spaces. */
	static const char ctx[] = "a0 .";
	for (int x = 1; x < 128; x++)
		for (int y = 1; y < 128; y++)
			for (size_t l = 0; l < 4; l++)
				for (size_t r = 0; r < 4; r++) {
					s[0] = (uint8_t)ctx[l];
					s[1] = (uint8_t)x;
					s[2] = (uint8_t)y;
					s[3] = (uint8_t)ctx[r];
					check_against_breaks(s, 4);
				}
}

/* Random strings of Latin, Cyrillic, Han, kana, marks, ZWJ, flags, Hebrew,
 * apostrophes and ASCII: each position agrees with the whole-text answer. */
static void test_mixed_against_breaks(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"a", "Z", "0", ".", "'", ",", " ", "\n", "_", "-", "\xc3\xa9", "\xcc\x81",
		"\xd0\x96", "\xe7\xbe\x8e", "\xe3\x82\xab", "\xe3\x81\x82", "\xe2\x80\x99",
		"\xe2\x80\x8d", "\xf0\x9f\x87\xaf", "\xf0\x9f\x98\x80", "\xd7\x90", "\"",
		"\xc2\xa0", "\xe0\xb8\x81", "\xd9\xa3", "\xe2\x80\x8c", "\r",
		"\xe2\x80\xaf", "\xd7\xb3",
	};
	uint32_t seed = 12345;
	for (int iter = 0; iter < 40000; iter++) {
		uint8_t s[64];
		size_t n = 0;
		seed = seed * 1103515245u + 12345u;
		int len = 1 + (int)((seed >> 16) % 12);
		for (int k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *pc = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
			size_t pl = strlen(pc);
			if (n + pl > sizeof s)
				break;
			memcpy(s + n, pc, pl);
			n += pl;
		}
		check_against_breaks(s, n);
	}
}

/* A long run of marks, and a long run of flags, judged exactly. */
static void test_long_runs(void **state)
{
	(void)state;
	size_t n = 0;
	static uint8_t s[4096];
	s[n++] = 'a';
	while (n + 2 < 3000) {
		s[n++] = 0xcc;
		s[n++] = 0x81;
	}
	s[n++] = '.';
	s[n++] = 'b';
	/* a + 1499 marks, '.', b: one word (WB4, WB6, WB7). */
	assert_false(word_boundary(s, 0, n, n - 1));
	assert_false(word_boundary(s, 0, n, n - 2));
	assert_false(word_boundary(s, 0, n, 1));
	/* 40 regional indicators: a boundary after every second one. */
	n = 0;
	for (int k = 0; k < 41; k++) {
		memcpy(s + n, "\xf0\x9f\x87\xaf", 4);
		n += 4;
	}
	for (size_t k = 1; k < 41; k++)
		assert_int_equal(word_boundary(s, 0, n, 4 * k), k % 2 == 0);
}

static void test_classes(void **state)
{
	(void)state;
	assert_int_equal(word_class('a'), WORD_LETTER);
	assert_int_equal(word_class(0x0416), WORD_LETTER);      /* Ж */
	assert_int_equal(word_class(0xD55C), WORD_LETTER);      /* 한 */
	assert_int_equal(word_class(0x05D0), WORD_LETTER);      /* א */
	assert_int_equal(word_class(0x7F8E), WORD_UNSPACED);    /* 美 */
	assert_int_equal(word_class(0x3042), WORD_UNSPACED);    /* あ */
	assert_int_equal(word_class(0x30AB), WORD_UNSPACED);    /* カ */
	assert_int_equal(word_class(0x0E01), WORD_UNSPACED);    /* ก */
	assert_int_equal(word_class('7'), WORD_DIGIT);
	assert_int_equal(word_class(0x0663), WORD_DIGIT);       /* ٣ */
	assert_int_equal(word_class('_'), WORD_CONNECTOR);
	assert_int_equal(word_class(0x0301), WORD_MARK);
	assert_int_equal(word_class(0x200D), WORD_MARK);
	assert_int_equal(word_class(' '), WORD_SPACE);
	assert_int_equal(word_class('\t'), WORD_SPACE);
	assert_int_equal(word_class(0x00A0), WORD_SPACE);
	assert_int_equal(word_class(0x202F), WORD_SPACE);
	assert_int_equal(word_class(0x203F), WORD_CONNECTOR);   /* ‿ */
	assert_int_equal(word_class('\n'), WORD_SPACE);
	assert_int_equal(word_class('.'), WORD_PUNCT);
	assert_int_equal(word_class('$'), WORD_PUNCT);
	assert_int_equal(word_class(0x2019), WORD_PUNCT);
	assert_int_equal(word_class(0xFFFD), WORD_PUNCT);
	/* ASCII quickly, the same answers. */
	for (uint32_t c = 0; c < 128; c++) {
		uint8_t b = (uint8_t)c;
		assert_int_equal(word_class_at(&b, 1, 0), word_class(c));
		assert_int_equal(word_class_before(&b, 0, 1), word_class(c));
	}

	const uint8_t *s = (const uint8_t *)"e\xcc\x81-\xe7\xbe\x8e";
	size_t n = strlen((const char *)s);
	assert_int_equal(word_class_before(s, 0, 3), WORD_LETTER); /* marks skipped */
	assert_int_equal(word_class_before(s, 0, 0), WORD_NONE);
	assert_int_equal(word_class_before(s, 1, 3), WORD_MARK);   /* nothing under it */
	assert_int_equal(word_class_at(s, n, 1), WORD_MARK);
	assert_int_equal(word_class_at(s, n, 3), WORD_PUNCT);
	assert_int_equal(word_class_at(s, n, 4), WORD_UNSPACED);
	assert_int_equal(word_class_at(s, n, n), WORD_NONE);
	assert_int_equal(word_class_before(s, 0, n), WORD_UNSPACED);
}

/* ---- a quote, a mention and a figure agree ---- */

/* Whether the annotation quote tok anchors at [at, at + strlen(tok)). */
static int quote_anchors(const char *text, const char *tok, size_t at)
{
	char src[256];
	snprintf(src, sizeof src, "brief 1\nfigure \"%s\" \"m\"\n", tok);
	struct annot a;
	assert_int_equal(annot_parse(&a, "t.brief", src, strlen(src), NULL), 0);
	struct doc d;
	memset(&d, 0, sizeof d);
	d.text = (const uint8_t *)text;
	d.len = d.ready = strlen(text);
	int ok = annot_resolve(&a, &d, NULL) == 0 && a.notes[0].q.start == at;
	annot_free(&a);
	return ok;
}

/* Whether an actor named tok is mentioned at [at, at + strlen(tok)). */
static int mention_at(const char *text, const char *tok, size_t at)
{
	struct entity e = { 0 };
	e.id = (char *)(uintptr_t)"x";
	e.name = (char *)(uintptr_t)tok;
	struct annot a;
	memset(&a, 0, sizeof a);
	a.entities = &e;
	a.nentities = 1;
	struct mentions m;
	mentions_init(&m, &a);
	size_t n = strlen(text);
	mentions_scan(&m, (const uint8_t *)text, n, 0, n);
	int ok = 0;
	for (size_t i = 0; i < m.n; i++)
		ok |= m.v[i].start == at && m.v[i].end == at + strlen(tok);
	mentions_free(&m);
	return ok;
}

/* Whether a figure spans exactly [at, at + strlen(tok)). */
static int figure_at(const char *text, const char *tok, size_t at)
{
	struct figures f;
	figures_init(&f);
	size_t n = strlen(text);
	figures_scan(&f, (const uint8_t *)text, n, 0, n);
	int ok = 0;
	for (size_t i = 0; i < f.n; i++)
		ok |= f.v[i].start == at && f.v[i].end == at + strlen(tok);
	figures_free(&f);
	return ok;
}

static void test_quote_mention_figure_agree(void **state)
{
	(void)state;
	/* Latin, Cyrillic, Han, kana, combining marks (alone and on a letter),
	 * Hangul, punctuation, spaces, a number's separator. */
	static const char *const before[] = {
		"", " ", "(", "a", "\xd0\x96", "\xe7\xbe\x8e", "\xe3\x81\xaf",
		"e\xcc\x81", "\xed\x95\x9c", "x_", "3.", "\"",
	};
	static const char *const after[] = {
		"", " ", ".", ")", "a", "\xd0\x96", "\xe7\xbe\x8e", "\xe3\x82\x92",
		"\xcc\x81", "\xed\x95\x9c", ".5", ",000", "_x", "'s",
	};
	static const char *const tokens[] = { "25 percent", "July 9", "seven rounds" };
	/* What a reader expects, for the cases the issue names. */
	static const struct { const char *b, *a; int whole; } want[] = {
		{ "", "", 1 }, { "\xe7\xbe\x8e", "", 1 }, { "", "\xe7\xbe\x8e", 1 },
		{ "\xe3\x81\xaf", "\xe3\x82\x92", 1 }, { "\xd0\x96", "", 0 }, { "a", "", 0 },
		{ "", "\xd0\x96", 0 }, { "", "a", 0 }, { "", "\xcc\x81", 0 },
		{ "e\xcc\x81", "", 0 }, { "", ".", 1 }, { "", "'s", 1 }, { "", "_x", 0 },
	};
	int checked = 0;
	for (size_t t = 0; t < sizeof tokens / sizeof tokens[0]; t++)
		for (size_t b = 0; b < sizeof before / sizeof before[0]; b++)
			for (size_t k = 0; k < sizeof after / sizeof after[0]; k++) {
				char text[128];
				snprintf(text, sizeof text, "%s%s%s", before[b], tokens[t], after[k]);
				size_t at = strlen(before[b]), n = strlen(text);
				int whole = word_whole((const uint8_t *)text, 0, n, at,
						       at + strlen(tokens[t]));
				int q = quote_anchors(text, tokens[t], at);
				int m = mention_at(text, tokens[t], at);
				int f = figure_at(text, tokens[t], at);
				/* In "July 9.5" and "25 percent.5" the token is no
				 * whole word: the figure is another, or none. */
				if (q != whole || m != whole || f != whole)
					fail_msg("'%s': whole %d, quote %d, mention %d, figure %d",
						 text, whole, q, m, f);
				for (size_t w = 0; w < sizeof want / sizeof want[0]; w++)
					if (!strcmp(want[w].b, before[b]) && !strcmp(want[w].a, after[k])) {
						if (whole != want[w].whole)
							fail_msg("'%s': whole %d, a reader expects %d",
								 text, whole, want[w].whole);
						checked++;
					}
			}
	assert_int_equal(checked, 3 * (int)(sizeof want / sizeof want[0]));
}

/* The first whole-word occurrence from an offset on, as a quote anchors:
 * "5 percent" not inside "3.5 percent", "US" not inside "USB", nothing
 * past `to`, nothing for an empty needle. */
static void test_find_whole(void **state)
{
	(void)state;
	const uint8_t *s = (const uint8_t *)"USB 3.5 percent, US 5 percent, US";
	size_t n = strlen((const char *)s);
	assert_int_equal(word_find_whole(s, 0, n, 0, n, "US", 2), 17);
	assert_int_equal(word_find_whole(s, 0, n, 18, n, "US", 2), 31);
	assert_int_equal(word_find_whole(s, 0, n, 0, n, "5 percent", 9), 20);
	assert_int_equal(word_find_whole(s, 0, n, 0, 28, "5 percent", 9), SIZE_MAX);
	assert_int_equal(word_find_whole(s, 0, n, 0, 29, "5 percent", 9), 20);
	assert_int_equal(word_find_whole(s, 0, n, 0, n, "US", 0), SIZE_MAX);
	assert_int_equal(word_find_whole(s, 0, n, 0, n, "UK", 2), SIZE_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_ascii_fast_path),
		cmocka_unit_test(test_mixed_against_breaks),
		cmocka_unit_test(test_long_runs),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_quote_mention_figure_agree),
		cmocka_unit_test(test_find_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
