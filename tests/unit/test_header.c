/* Unit tests for header.c: the chrome above a pasted article. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "brief/assets.h"
#include "brief/header.h"

static struct header h;
static const char *text;

static void find(const char *s)
{
	text = s;
	header_find((const uint8_t *)s, strlen(s), &h);
}

static void field_is(enum meta_key k, const char *want)
{
	const struct header_span *f = &h.field[k];
	if (!want) {
		if (f->end > f->start)
			fail_msg("%s is \"%.*s\", expected none", meta_key_name(k),
				 (int)(f->end - f->start), text + f->start);
		return;
	}
	if (f->end - f->start != strlen(want) || memcmp(text + f->start, want, strlen(want)) != 0)
		fail_msg("%s is \"%.*s\", expected \"%s\"", meta_key_name(k), (int)(f->end - f->start),
			 text + f->start, want);
}

static const char body[] = "The government said on Monday that it would raise taxes. Critics said the "
			   "plan would hurt small firms and families across the country.\n";

static void test_commentary_chrome(void **state)
{
	(void)state;
	const struct asset *a = asset_find("commentary.txt");
	assert_non_null(a);
	find((const char *)a->data);
	field_is(META_SECTION, "Commentary");
	field_is(META_BYLINE, "Cai Liang");
	field_is(META_SOURCE, "Global Times");
	field_is(META_CREDIT, "Chen Xia/GT");
	field_is(META_TITLE, NULL);
	/* The body starts at the first long line, where the annotation
	 * file's body quote is. */
	const char *at = strstr(text, "US Secretary of State Marco Rubio");
	assert_non_null(at);
	assert_int_equal(h.body, (size_t)(at - text));
	/* "Email login CN" is nothing. */
	assert_string_equal(h.field[META_SECTION].rule, "section-word");
}

static void test_byline_date_title(void **state)
{
	(void)state;
	char buf[1024];
	snprintf(buf, sizeof buf, "Opinion\n\nWhy The Tax Plan Will Fail Small Firms\n\nBy Jane Q. Doe\n"
		 "July 9, 2025\n\nPhoto: Reuters/Ann Lee\n\n%s", body);
	find(buf);
	field_is(META_SECTION, "Opinion");
	field_is(META_TITLE, "Why The Tax Plan Will Fail Small Firms");
	field_is(META_BYLINE, "Jane Q. Doe");
	field_is(META_DATE, "July 9, 2025");
	field_is(META_CREDIT, "Reuters/Ann Lee");
	assert_int_equal(h.body, (size_t)(strstr(buf, "The government") - buf));
}

static void test_no_header(void **state)
{
	(void)state;
	/* The first line is the body already. */
	find(body);
	assert_int_equal(h.body, 0);
	for (int k = 0; k < META_COUNT; k++)
		assert_int_equal(h.field[k].end, h.field[k].start);
	/* Only short lines: no body found, no header. */
	find("a\nb\nc\n");
	assert_int_equal(h.body, 0);
	/* Blank lines before the body are no header either. */
	char buf[512];
	snprintf(buf, sizeof buf, "\n\n%s", body);
	find(buf);
	assert_int_equal(h.body, 0);
	find("");
	assert_int_equal(h.body, 0);
}

static void test_source_without_name(void **state)
{
	(void)state;
	char buf[512];
	snprintf(buf, sizeof buf, "source: Xinhua\n\n%s", body);
	find(buf);
	field_is(META_SOURCE, "Xinhua");
	field_is(META_BYLINE, NULL);
}

/* A news page whose first paragraphs are one short sentence each, under
 * the 25 words and two sentence ends of a body line: they are the body's
 * start, not a header, whether a title stands above them or not. */
static void test_short_first_paragraphs(void **state)
{
	(void)state;
	static const char lines[] =
		"Three nurses and a porter who caught the flu are now resting at home and are recovering well.\n"
		"Regional Health Director Anna Marsh says that one case was found in Tarn, two in Ode, and one in Vell.\n"
		"She says the department has begun an urgent response which includes the tracing of "
		"contacts, the testing of families, and the closing of two wards at the hospital.\n";
	find(lines);
	assert_int_equal(h.body, 0);
	char buf[1024];
	snprintf(buf, sizeof buf, "Flu Cases Found In Three Towns Of The North\n%s", lines);
	find(buf);
	field_is(META_TITLE, "Flu Cases Found In Three Towns Of The North");
	assert_int_equal(h.body, (size_t)(strstr(buf, "Three nurses") - buf));
	/* A page's note about where the article appeared stays chrome. */
	snprintf(buf, sizeof buf, "This piece first appeared in our weekly newsletter, sign up for "
		 "free and never miss an issue.\n%s", body);
	find(buf);
	assert_int_equal(h.body, (size_t)(strstr(buf, "The government") - buf));
	/* A byline between them stops the walk: what is above it is header. */
	snprintf(buf, sizeof buf, "A short standfirst says what the article is about today.\n"
		 "By Jane Q. Doe\n%s", lines);
	find(buf);
	field_is(META_BYLINE, "Jane Q. Doe");
	assert_int_equal(h.body, (size_t)(strstr(buf, "Three nurses") - buf));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commentary_chrome),
		cmocka_unit_test(test_byline_date_title),
		cmocka_unit_test(test_no_header),
		cmocka_unit_test(test_source_without_name),
		cmocka_unit_test(test_short_first_paragraphs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
