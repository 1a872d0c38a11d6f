/* Unit tests for fig_wording(): figures written as a reader writes them
 * (issue 19), from text through figures_scan() and from hand-made figures;
 * and the additive figure fields of --export json (issue 17). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "brief/export.h"
#include "brief/figures.h"
#include "brief/model.h"
#include "brief/util.h"

/* The wording of the figure spanning exactly span in text. */
static void expect_words(const char *text, const char *span, int ascii, const char *want)
{
	struct figures f;
	figures_init(&f);
	figures_scan(&f, (const uint8_t *)text, strlen(text), 0, strlen(text));
	const char *at = strstr(text, span);
	assert_non_null(at);
	size_t start = (size_t)(at - text), end = start + strlen(span);
	const struct figure *g = NULL;
	for (size_t i = 0; i < f.n; i++)
		if (f.v[i].start == start && f.v[i].end == end)
			g = &f.v[i];
	if (!g)
		fail_msg("no figure spans [%s] in \"%s\"", span, text);
	struct buf b = { 0 };
	fig_wording(&b, g, ascii);
	if (!b.data || strcmp(b.data, want) != 0)
		fail_msg("[%s]: worded \"%s\", want \"%s\"", span, b.data ? b.data : "", want);
	buf_free(&b);
	figures_free(&f);
}

/* The issue's list: what the reader showed, and what a reader writes. */
static void test_issue_list(void **state)
{
	(void)state;
	/* date early --07, --07-09, --04 */
	expect_words("a visit in early July to", "early July", 0, "early July");
	expect_words("expire on July 9, the US", "July 9", 0, "July 9");
	expect_words("negotiations since April.", "April", 0, "April");
	/* money >1.6e+12 USD, 1.5e+09 EUR */
	expect_words("more than $1.6 trillion in", "more than $1.6 trillion", 0,
		     "more than $1.6 trillion");
	expect_words("it costs 1.5 billion euros for", "1.5 billion euros", 0,
		     "\xe2\x82\xac" "1.5 billion");
	expect_words("a \xe2\x82\xac" "1.5bn fund", "\xe2\x82\xac" "1.5bn", 0,
		     "\xe2\x82\xac" "1.5 billion");
	/* percent 25 %, duration 90 day, 0.4 percentage points */
	expect_words("a 25 percent tax", "25 percent", 0, "25%");
	expect_words("as a 90-day freeze on", "90-day", 0, "90 days");
	expect_words("up 0.4 percentage points", "0.4 percentage points", 0, "0.4 pp");
	/* strict bounds stay strict */
	expect_words("from less than 2 percent of GDP to", "less than 2 percent of GDP", 0,
		     "less than 2% of GDP");
	expect_words("no more than 30 percent", "no more than 30 percent", 0, "no more than 30%");
	expect_words("at most 4 percent", "at most 4 percent", 0, "at most 4%");
}

static void test_kinds(void **state)
{
	(void)state;
	expect_words("on July 9, 2025 it ended", "July 9, 2025", 0, "July 9, 2025");
	expect_words("in July 2025 it ended", "July 2025", 0, "July 2025");
	expect_words("by mid-July.", "mid-July", 0, "mid-July");
	expect_words("by mid-2025", "mid-2025", 0, "mid-2025");
	expect_words("Since early 2025, the US", "early 2025", 0, "early 2025");
	expect_words("on 9 July 2025.", "9 July 2025", 0, "July 9, 2025");
	expect_words("talks began last May and", "last May", 0, "last May");
	expect_words("its pre-2014 borders", "pre-2014", 0, "before 2014");
	expect_words("the 21st Century belongs", "21st Century", 0, "the 21st century");
	expect_words("signed 2025-06-27 in Rome", "2025-06-27", 0, "June 27, 2025");
	expect_words("it expires on the 15th, so", "15th", 0, "the 15th");
	expect_words("marking his first month in office", "first month", 0, "first month");
	expect_words("after 1.5 years", "1.5 years", 0, "1.5 years");
	expect_words("one year later", "one year later", 0, "1 year later");
	expect_words("2 years ago, we", "2 years ago", 0, "2 years ago");
	expect_words("a 22-year-old man", "22-year-old", 0, "22 years old");
	expect_words("said on Friday that", "Friday", 0, "Friday");
	expect_words("until late Thursday.", "late Thursday", 0, "late Thursday");
	expect_words("in the mid-1990s, a", "mid-1990s", 0, "the mid-1990s");
	expect_words("tens of thousands of civilians", "tens of thousands of civilians", 0,
		     "tens of thousands of civilians");
	expect_words("hundreds of millions of dollars", "hundreds of millions of dollars", 0,
		     "hundreds of millions of dollars");
	expect_words("Less than a year later", "Less than a year", 0, "less than a year");
	expect_words("an hour or so", "an hour or so", 0, "an hour or so");
	expect_words("despite seven rounds of talks", "seven rounds", 0, "7 rounds");
	expect_words("tariffs on dozens of nations, including", "dozens of nations", 0,
		     "dozens of nations");
	expect_words("rates on a dozen other nations that", "a dozen other nations", 0,
		     "12 nations");
	expect_words("only eight of the 29 allies met it", "eight of the 29 allies", 0,
		     "8 of 29 allies");
	expect_words("as many as 300 troops", "as many as 300 troops", 0, "as many as 300 troops");
	expect_words("as high as 10% of GDP", "as high as 10% of GDP", 0, "as high as 10% of GDP");
	expect_words("3 percent or more of it", "3 percent or more", 0, "3% or more");
	expect_words("1,000 people came", "1,000 people", 0, "1,000 people");
	expect_words("a debt of 2.24 trillion by then", "2.24 trillion", 0, "2.24 trillion");
	expect_words("roughly 100,000 more", "roughly 100,000", 0, "roughly 100,000");
	expect_words("flies at Mach 6 or more", "Mach 6 or more", 0, "Mach 6 or more");
	expect_words("warming of 2 degrees Celsius", "2 degrees Celsius", 0, "2\xc2\xb0" "C");
	expect_words("warming of 2 degrees Celsius", "2 degrees Celsius", 1, "2 degrees C");
	expect_words("a range of 2,000 km", "2,000 km", 0, "2,000 km");
	expect_words("300 million yuan", "300 million yuan", 0, "300 million yuan");
	expect_words("for US$3 each", "US$3", 0, "$3");
	expect_words("HK$10 fare", "HK$10", 0, "HK$10");
	expect_words("costs \xc2\xa5" "100 now", "\xc2\xa5" "100", 1, "JPY 100");
	expect_words("growth of -3 percent last year", "-3 percent", 0, "-3%");
	expect_words("1,250.5% growth", "1,250.5%", 0, "1,250.5%");
	expect_words("about a dozen ships", "about a dozen ships", 0, "about 12 ships");
}

static void test_ranges(void **state)
{
	(void)state;
	expect_words("rose 2-3% a year", "2-3%", 0, "2\xe2\x80\x93" "3%");
	expect_words("rose 2-3% a year", "2-3%", 1, "2-3%");
	expect_words("between 2 and 3 percent of GDP", "between 2 and 3 percent of GDP", 0,
		     "2\xe2\x80\x93" "3% of GDP");
	expect_words("cost $100-$200 billion more", "$100-$200 billion", 1, "$100-200 billion");
	expect_words("a $100-200 billion increase", "$100-200 billion", 1, "$100-200 billion");
	expect_words("for 10-15 years", "10-15 years", 1, "10-15 years");
	/* Ends of different sizes each keep their scale. */
	struct figure g;
	memset(&g, 0, sizeof g);
	g.kind = FIG_MONEY;
	g.value = 5e8;
	g.high = 1.2e9;
	g.range = 1;
	g.unit = "USD";
	g.cmp_words = "";
	g.rule = "money-symbol";
	struct buf b = { 0 };
	fig_wording(&b, &g, 1);
	assert_string_equal(b.data, "$500 million-$1.2 billion");
	buf_free(&b);
}

/* Hand-made figures: bounds without the text's words, codes without a
 * symbol, numbers no scan gives. */
static void test_made(void **state)
{
	(void)state;
	static const struct {
		enum fig_kind kind;
		enum fig_cmp cmp;
		double value;
		const char *unit, *rule, *want;
	} t[] = {
		{ FIG_PERCENT, FIG_LT, 2, "%", "percent", "less than 2%" },
		{ FIG_PERCENT, FIG_LE, 2, "%", "percent", "at most 2%" },
		{ FIG_PERCENT, FIG_GT, 2, "%", "percent", "more than 2%" },
		{ FIG_PERCENT, FIG_GE, 2, "%", "percent", "at least 2%" },
		{ FIG_PERCENT, FIG_APPROX, 2, "%", "percent", "about 2%" },
		{ FIG_PERCENT, FIG_EQ, 0.4, "pp of GDP", "percent", "0.4 pp of GDP" },
		{ FIG_MONEY, FIG_EQ, 1234567, "USD", "money-symbol", "$1.23 million" },
		{ FIG_MONEY, FIG_EQ, 5, "CHF", "money-code", "CHF 5" },
		{ FIG_MONEY, FIG_EQ, 2.5e9, "GBP", "money-symbol", "\xc2\xa3" "2.5 billion" },
		{ FIG_DURATION, FIG_EQ, 1, "day", "duration", "1 day" },
		{ FIG_DURATION, FIG_EQ, 2, "day", "duration", "2 days" },
		{ FIG_COUNT, FIG_EQ, 1e15, "", "number-scaled", "1,000 trillion" },
		{ FIG_COUNT, FIG_EQ, 2e3, "protesters", "count-plural", "thousands of protesters" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct figure g;
		memset(&g, 0, sizeof g);
		g.kind = t[i].kind;
		g.cmp = t[i].cmp;
		g.value = g.high = t[i].value;
		g.unit = t[i].unit;
		g.rule = t[i].rule;
		g.cmp_words = "";
		struct buf b = { 0 };
		fig_wording(&b, &g, 0);
		if (strcmp(b.data, t[i].want) != 0)
			fail_msg("%s %g %s: \"%s\", want \"%s\"", fig_kind_name(t[i].kind), t[i].value,
				 t[i].unit, b.data, t[i].want);
		buf_free(&b);
	}
	/* Appends: the caller's text stays. */
	struct figure g;
	memset(&g, 0, sizeof g);
	g.kind = FIG_DATE;
	g.month = 7;
	g.day = 9;
	g.unit = "date";
	struct buf b = { 0 };
	buf_adds(&b, "due ");
	fig_wording(&b, &g, 0);
	assert_string_equal(b.data, "due July 9");
	buf_free(&b);
}

/* --export json gains "rule", "high", "total", "comparator_words"; no
 * field of before goes or changes name. */
static void test_json_fields(void **state)
{
	(void)state;
	char dir[] = "/tmp/brief-wording.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/doc.txt", dir);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("Between 2 and 3 percent of their GDP, as many as 300 troops and eight of the 29 "
	      "allies.\n", fp);
	fclose(fp);
	struct model m;
	struct model_error err;
	assert_int_equal(model_open(&m, path, NULL, &err), 0);
	model_scan_all(&m);
	char *out = NULL;
	size_t len = 0;
	FILE *o = open_memstream(&out, &len);
	assert_non_null(o);
	assert_int_equal(export_json(o, &m), 0);
	fclose(o);
	static const char *const want[] = {
		"\"text\": \"Between 2 and 3 percent of their GDP\", \"kind\": \"percent\", "
		"\"value\": 2, \"comparator\": \"=\", \"unit\": \"% of GDP\", \"rule\": "
		"\"percent-range\", \"high\": 3, \"meaning\": null",
		"\"comparator\": \"<=\", \"unit\": \"troops\", \"rule\": \"count\", "
		"\"comparator_words\": \"as many as\"",
		"\"text\": \"eight of the 29 allies\", \"kind\": \"count\", \"value\": 8, "
		"\"comparator\": \"=\", \"unit\": \"allies\", \"rule\": \"count-part\", \"total\": 29",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (!strstr(out, want[i]))
			fail_msg("--export json lacks %s in\n%s", want[i], out);
	free(out);
	model_free(&m);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_issue_list),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_made),
		cmocka_unit_test(test_json_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
