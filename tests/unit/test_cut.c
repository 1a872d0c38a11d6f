/* Unit tests for cut.c: what is kept, where the cut falls, the mark. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brief/cut.h"
#include "brief/layout.h"
#include "brief/util.h"

/* s cut to cols, as shown. */
static void expect(const char *s, int cols, int ascii, const char *want)
{
	struct buf b = { 0 };
	int col = cut_append(&b, s, strlen(s), cols, ascii);
	const char *got = b.data ? b.data : "";
	if (strcmp(got, want) != 0)
		fail_msg("\"%s\" in %d columns: \"%s\", expected \"%s\"", s, cols, got, want);
	int w = layout_width((const uint8_t *)got, 0, strlen(got));
	if (w != col || w > cols)
		fail_msg("\"%s\" in %d columns: %d columns said, %d taken", s, cols, col, w);
	buf_free(&b);
}

static void test_fits(void **state)
{
	(void)state;
	expect("US", 5, 0, "US");
	expect("Marco Rubio", 11, 0, "Marco Rubio");
	expect("", 3, 0, "");
	int cut, col;
	assert_int_equal(cut_fit((const uint8_t *)"abc", 3, 3, 0, &cut, &col), 3);
	assert_int_equal(cut, 0);
	assert_int_equal(col, 3);
}

/* The cut the issue saw: "of GDP" dropped and nothing to show it. */
static void test_marked_at_word(void **state)
{
	(void)state;
	expect("less than 2 percent of GDP", 20, 0, "less than 2 percent\u2026");
	expect("less than 2 percent of GDP", 22, 0, "less than 2 percent\u2026");
	expect("less than 2 percent of GDP", 22, 1, "less than 2 percent...");
	/* The header: never "Global T", never a separator before the mark. */
	expect("Commentary \u00b7 Cai Liang \u00b7 Global Times \u00b7 Illustration: Chen Xia/GT", 40, 0,
	       "Commentary \u00b7 Cai Liang \u00b7 Global Times\u2026");
	expect("Commentary | Cai Liang | Global Times | Illustration", 40, 1,
	       "Commentary | Cai Liang | Global Times...");
	/* A description in the status line: "sets the tari" is not kept. */
	expect("US President; his administration sets the tariffs and demands", 45, 0,
	       "US President; his administration sets the\u2026");
	/* A dash or a comma is not left hanging. */
	expect("Japan, South Korea: Tariffs on automobiles", 20, 0, "Japan, South Korea\u2026");
	/* Closing punctuation may end what is kept. */
	expect("He said \"no\" and left the room", 14, 0, "He said \"no\"\u2026");
}

/* No word ends near enough: cut inside the word, a whole cluster. */
static void test_inside_a_word(void **state)
{
	(void)state;
	expect("Supercalifragilistic", 8, 0, "Superca\u2026");
	expect("caf" "e\xcc\x81" "s-and-more", 5, 0, "caf" "e\xcc\x81" "\u2026");
	/* Wide characters: never half of one; each ideograph is a word. */
	expect("\xe6\x97\xa5\xe6\x9c\xac\xe3\x81\xae\xe9\xa6\x96\xe7\x9b\xb8", 5, 0,
	       "\xe6\x97\xa5\xe6\x9c\xac\u2026");
	expect("\xe6\x97\xa5\xe6\x9c\xac\xe3\x81\xae\xe9\xa6\x96\xe7\x9b\xb8", 6, 0,
	       "\xe6\x97\xa5\xe6\x9c\xac\u2026");
}

/* A room narrower than the mark: what fits, no mark; none at all in 0. */
static void test_tiny_rooms(void **state)
{
	(void)state;
	expect("abcdef", 2, 1, "ab");
	expect("abcdef", 1, 0, "\u2026");
	expect("abcdef", 0, 0, "");
	int cut, col;
	assert_int_equal(cut_fit((const uint8_t *)"abcdef", 6, 0, 0, &cut, &col), 0);
	assert_int_equal(cut, 1);
	assert_string_equal(cut_mark(0), "\u2026");
	assert_string_equal(cut_mark(1), "...");
	assert_int_equal(cut_mark_width(0), 1);
	assert_int_equal(cut_mark_width(1), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fits),
		cmocka_unit_test(test_marked_at_word),
		cmocka_unit_test(test_inside_a_word),
		cmocka_unit_test(test_tiny_rooms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
