/* Unit tests for tokens.c: words, sentence ends, capitals expected, line classes. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "brief/tokens.h"

static struct tokens tk;
static const char *text;

static void line(const char *s)
{
	text = s;
	tokens_line(&tk, (const uint8_t *)s, 0, strlen(s));
}

/* Index of the token spelled w (the first), or -1. */
static long find(const char *w)
{
	for (size_t i = 0; i < tk.n; i++)
		if (tokens_is(&tk, (const uint8_t *)text, i, w))
			return (long)i;
	return -1;
}

static int flags_of(const char *w)
{
	long i = find(w);
	if (i < 0)
		fail_msg("no token \"%s\"", w);
	return tk.v[i].flags;
}

static int shape_of(const char *w)
{
	long i = find(w);
	if (i < 0)
		fail_msg("no token \"%s\"", w);
	return tk.v[i].shape;
}

static void test_words_and_shapes(void **state)
{
	(void)state;
	line("US Secretary of State Marco Rubio, in 2025, met NATO's chief.");
	assert_int_equal(shape_of("US"), TOK_UPPER);
	assert_int_equal(shape_of("Secretary"), TOK_CAP);
	assert_int_equal(shape_of("of"), TOK_LOWER);
	assert_int_equal(shape_of("2025"), TOK_DIGIT);
	assert_int_equal(shape_of(","), TOK_PUNCT);
	/* UAX #29 keeps the possessive in the word; the flag says so. */
	assert_true(flags_of("NATO's") & TOKF_POSS);
	assert_int_equal(tokens_base_len(&tk, (const uint8_t *)text, (size_t)find("NATO's")), 4);
	/* No white space tokens. */
	for (size_t i = 0; i < tk.n; i++)
		assert_true(text[tk.v[i].start] != ' ');
}

static void test_hyphens_split(void **state)
{
	(void)state;
	line("President Lee Jae-myung and US-South Korea ties");
	assert_true(find("Jae") >= 0);
	assert_true(find("-") >= 0);
	assert_true(find("myung") >= 0);
	assert_true(find("South") >= 0);
}

static void test_sentence_ends_and_capitals_expected(void **state)
{
	(void)state;
	line("Meanwhile, Japan waits. The US said: Cooperate with me. Mr. Smith and U.S. officials agreed.");
	assert_true(flags_of("Meanwhile") & TOKF_CAPEXP);
	assert_false(flags_of("Japan") & TOKF_CAPEXP);
	assert_true(flags_of("The") & TOKF_CAPEXP);
	assert_false(flags_of("US") & TOKF_CAPEXP);
	/* After a colon a capital is expected. */
	assert_true(flags_of("Cooperate") & TOKF_CAPEXP);
	assert_true(flags_of("Mr") & TOKF_CAPEXP);
	/* "Mr." and "U.S." do not end a sentence. */
	assert_false(flags_of("Smith") & TOKF_CAPEXP);
	assert_false(flags_of("officials") & TOKF_CAPEXP);
	assert_int_equal(tk.v[find("Smith")].sent, tk.v[find("Mr")].sent);
}

/* A page that lost the space after a full stop ("of Health.The minister")
 * gives two words and a sentence end; abbreviations, initialisms, host
 * and file names and numbers stay whole (sent_glued_stop). */
static void test_glued_full_stop(void **state)
{
	(void)state;
	line("the Ministry of Health.The minister said.");
	assert_true(find("Health") >= 0);
	assert_int_equal(shape_of("The"), TOK_CAP);
	long dot = find("Health") + 1;
	assert_true(tokens_is(&tk, (const uint8_t *)text, (size_t)dot, "."));
	assert_true(tk.v[dot].flags & TOKF_SENT_END);
	assert_true(flags_of("The") & TOKF_CAPEXP);
	assert_int_equal(tk.v[find("The")].sent, tk.v[find("Health")].sent + 1);
	/* Two in one word, and a letter outside ASCII. */
	line("It ended.Then it began.Érik left.");
	assert_true(find("ended") >= 0 && find("Then") >= 0 && find("began") >= 0);
	assert_true(find("Érik") >= 0);
	assert_int_equal(tk.v[find("Érik")].sent, 2);
	static const char *const whole[] = {
		"St.Louis", "Dr.Smith", "U.S.The", "e.g.Hammers", "Amazon.com", "gov.uk",
		"3.5", "report.pdf", "www.example.Com", "US.Army",
	};
	for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
		char buf[64];
		snprintf(buf, sizeof buf, "See %s now.", whole[i]);
		line(buf);
		if (find(whole[i]) < 0)
			fail_msg("\"%s\" split", whole[i]);
	}
}

static void test_opening_quote(void **state)
{
	(void)state;
	line("He called it \"America First\" policy, and \xE2\x80\x9CTrade talks\xE2\x80\x9D stalled.");
	assert_true(flags_of("America") & TOKF_CAPEXP);
	assert_true(flags_of("America") & TOKF_QUOTED);
	assert_true(flags_of("First") & TOKF_QUOTED);
	assert_false(flags_of("policy") & TOKF_QUOTED);
	assert_true(flags_of("Trade") & TOKF_CAPEXP);
	assert_false(flags_of("stalled") & TOKF_QUOTED);
}

static void test_line_classes(void **state)
{
	(void)state;
	line("TRUMP DEMANDS ALLIES PAY MORE");
	assert_int_equal(tk.cls, LINE_ALLCAPS);
	line("Trump Slaps Tariffs on Japan and South Korea");
	assert_int_equal(tk.cls, LINE_HEADLINE);
	line("Trump slapped tariffs on Japan and South Korea on Monday.");
	assert_int_equal(tk.cls, LINE_TEXT);
	/* One word is no headline. */
	line("Commentary");
	assert_int_equal(tk.cls, LINE_TEXT);
	assert_string_equal(line_class_name(LINE_HEADLINE), "headline");
}

static void test_other_scripts(void **state)
{
	(void)state;
	/* Cyrillic capitals, Han (no case), a combining mark: no crash, no
	 * overrun, spans within the text. */
	line("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xE5\x8C\x97\xE4\xBA\xAC Cafe\xCC\x81 \xC3\x89lys\xC3\xA9""e.");
	assert_true(tk.n >= 4);
	for (size_t i = 0; i < tk.n; i++) {
		assert_true(tk.v[i].start < tk.v[i].end);
		assert_true(tk.v[i].end <= strlen(text));
	}
	assert_int_equal(tk.v[0].shape, TOK_CAP);
	/* The combining acute stays in its word. */
	assert_true(find("Cafe\xCC\x81") >= 0);
}

/* Running text has a sentence end or a lower-case function word; a list
 * of names or a row of a table has neither. */
static void test_prose(void **state)
{
	(void)state;
	line("Shares of Snapchat fell");
	assert_true(tk.prose);
	line("Kenya agreed.");
	assert_true(tk.prose);
	line("Emoji thumbs up0 Emoji thumbs up1");
	assert_false(tk.prose);
	line("Caf\xC3\xA9 r\xC3\xA9sum\xC3\xA9 Caf\xC3\xA9");
	assert_false(tk.prose);
}

/* The document's placeholder (U+FFFD: a soft hyphen, a stray byte) glued
 * inside a word keeps the word whole; spaced, it is punctuation. */
static void test_placeholder_inside_a_word(void **state)
{
	(void)state;
	line("Netan\xEF\xBF\xBDyahu won");
	assert_int_equal(tk.n, 2);
	assert_int_equal(tk.v[0].end - tk.v[0].start, 12);
	assert_int_equal(tk.v[0].shape, TOK_CAP);
	line("Kenya \xEF\xBF\xBD won");
	assert_int_equal(tk.n, 3);
	assert_int_equal(tk.v[1].shape, TOK_PUNCT);
}

static void test_empty(void **state)
{
	(void)state;
	line("");
	assert_int_equal(tk.n, 0);
	line("   \t ");
	assert_int_equal(tk.n, 0);
}

static int teardown(void **state)
{
	(void)state;
	tokens_free(&tk);
	return 0;
}

int main(void)
{
	tokens_init(&tk);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_and_shapes),
		cmocka_unit_test(test_hyphens_split),
		cmocka_unit_test(test_sentence_ends_and_capitals_expected),
		cmocka_unit_test(test_glued_full_stop),
		cmocka_unit_test(test_opening_quote),
		cmocka_unit_test(test_line_classes),
		cmocka_unit_test(test_other_scripts),
		cmocka_unit_test(test_prose),
		cmocka_unit_test(test_placeholder_inside_a_word),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
