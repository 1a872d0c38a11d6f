/* Unit tests for the figure detector: every kind by example, the bundled article, slicing, bounds. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <cmocka.h>

#include "brief/figures.h"
#include "brief/util.h"

/* ---- helpers ---- */

static int near(double a, double b)
{
	double scale = fabs(b) > 1 ? fabs(b) : 1;
	return fabs(a - b) <= 1e-9 * scale;
}

static void scan_all(struct figures *f, const char *text)
{
	figures_init(f);
	figures_scan(f, (const uint8_t *)text, strlen(text), 0, strlen(text));
}

static void dump(const struct figures *f, const char *text)
{
	for (size_t i = 0; i < f->n; i++)
		print_message("  [%.*s] %s %s%g %s\n", (int)(f->v[i].end - f->v[i].start),
			      text + f->v[i].start, fig_kind_name(f->v[i].kind),
			      fig_cmp_symbol(f->v[i].cmp), f->v[i].value, f->v[i].unit);
}

/* Offset of the nth (from 1) occurrence of needle in text. */
static size_t nth(const char *text, const char *needle, int n)
{
	const char *p = text;
	for (;;) {
		p = strstr(p, needle);
		if (!p)
			fail_msg("\"%s\" not in the text", needle);
		if (--n == 0)
			return (size_t)(p - text);
		p++;
	}
}

/* The figure spanning exactly the nth occurrence of span, or failure. */
static const struct figure *figure_at(const struct figures *f, const char *text,
				      const char *span, int n)
{
	size_t start = nth(text, span, n), end = start + strlen(span);
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].start == start && f->v[i].end == end)
			return &f->v[i];
	dump(f, text);
	fail_msg("no figure spans [%s] (occurrence %d) in \"%.60s\"", span, n, text);
	return NULL;
}

/* No figure touches the nth occurrence of phrase. */
static void assert_untouched(const struct figures *f, const char *text, const char *phrase, int n)
{
	size_t start = nth(text, phrase, n), end = start + strlen(phrase);
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].start < end && f->v[i].end > start) {
			dump(f, text);
			fail_msg("[%s] should be no figure in \"%s\"", phrase, text);
		}
}

/* Sorted, disjoint, on UTF-8 character boundaries, within [from, to). */
static void assert_well_formed(const struct figures *f, const char *text, size_t from, size_t to)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct figure *g = &f->v[i];
		assert_true(g->start >= from && g->start < g->end && g->end <= to);
		assert_true(g->num_start >= g->start && g->num_end <= g->end &&
			    g->num_start < g->num_end);
		assert_int_not_equal((unsigned char)text[g->start] & 0xC0, 0x80);
		if (g->end < to)
			assert_int_not_equal((unsigned char)text[g->end] & 0xC0, 0x80);
		assert_non_null(g->unit);
		if (i > 0)
			assert_true(f->v[i - 1].end <= g->start);
	}
}

struct expect {
	const char *text;
	const char *span;  /* the figure's exact text (first occurrence) */
	const char *num;   /* the number's exact text */
	enum fig_kind kind;
	enum fig_cmp cmp;
	double value;
	const char *unit;
	int year, month, day;
	enum fig_part part;
};

static void check_expect(const struct expect *e)
{
	struct figures f;
	scan_all(&f, e->text);
	assert_well_formed(&f, e->text, 0, strlen(e->text));
	const struct figure *g = figure_at(&f, e->text, e->span, 1);
	size_t ns = nth(e->text, e->num, 1);
	if (g->kind != e->kind || g->cmp != e->cmp || !near(g->value, e->value) ||
	    strcmp(g->unit, e->unit) != 0 || g->num_start != ns || g->num_end != ns + strlen(e->num) ||
	    g->year != e->year || g->month != e->month || g->day != e->day || g->part != e->part)
		fail_msg("[%s]: got %s %s%g \"%s\" num [%.*s] date %d-%d-%d part %d; "
			 "want %s %s%g \"%s\" num [%s] date %d-%d-%d part %d",
			 e->span, fig_kind_name(g->kind), fig_cmp_symbol(g->cmp), g->value, g->unit,
			 (int)(g->num_end - g->num_start), e->text + g->num_start,
			 g->year, g->month, g->day, (int)g->part,
			 fig_kind_name(e->kind), fig_cmp_symbol(e->cmp), e->value, e->unit, e->num,
			 e->year, e->month, e->day, (int)e->part);
	figures_free(&f);
}

static void check_table(const struct expect *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		check_expect(&t[i]);
}

#define CHECK_TABLE(t) check_table(t, sizeof t / sizeof t[0])
#define NUM(text, span, num, kind, cmp, value, unit) \
	{ text, span, num, kind, cmp, value, unit, 0, 0, 0, FIG_PART_NONE }
#define DATE(text, span, num, y, m, d, part) \
	{ text, span, num, FIG_DATE, FIG_EQ, 0, "date", y, m, d, part }

/* ---- each kind by example ---- */

static void test_percent(void **state)
{
	(void)state;
	static const struct expect t[] = {
		NUM("a 25 percent tax", "25 percent", "25", FIG_PERCENT, FIG_EQ, 25, "%"),
		NUM("to 3.5 percent of GDP.", "3.5 percent of GDP", "3.5", FIG_PERCENT, FIG_EQ, 3.5, "% of GDP"),
		NUM("inflation of 2.3% in June", "2.3%", "2.3", FIG_PERCENT, FIG_EQ, 2.3, "%"),
		NUM("budget to 5 percent of GDP (up", "5 percent of GDP", "5", FIG_PERCENT, FIG_EQ, 5, "% of GDP"),
		NUM("a 25-percent levy", "25-percent", "25", FIG_PERCENT, FIG_EQ, 25, "%"),
		NUM("a 25 per cent levy", "25 per cent", "25", FIG_PERCENT, FIG_EQ, 25, "%"),
		NUM("up 1.5 percentage points", "1.5 percentage points", "1.5", FIG_PERCENT, FIG_EQ, 1.5, "pp"),
		NUM("five percent of voters", "five percent", "five", FIG_PERCENT, FIG_EQ, 5, "%"),
		NUM("rose 12 %.", "12 %", "12", FIG_PERCENT, FIG_EQ, 12, "%"),
		NUM("a 25\xC2\xA0percent tax", "25\xC2\xA0percent", "25", FIG_PERCENT, FIG_EQ, 25, "%"),
		NUM("the current 2.3 percent level", "2.3 percent", "2.3", FIG_PERCENT, FIG_EQ, 2.3, "%"),
		NUM("1,250.5% growth", "1,250.5%", "1,250.5", FIG_PERCENT, FIG_EQ, 1250.5, "%"),
		/* Signs: a fall is not a rise. */
		NUM("growth of -3 percent last year", "-3 percent", "-3", FIG_PERCENT, FIG_EQ, -3, "%"),
		NUM("it fell (-2%) in May", "-2%", "-2", FIG_PERCENT, FIG_EQ, -2, "%"),
		NUM("a change of \xE2\x88\x92" "3.5 percent", "\xE2\x88\x92" "3.5 percent",
		    "\xE2\x88\x92" "3.5", FIG_PERCENT, FIG_EQ, -3.5, "%"),
		NUM("a change of +4% here", "+4%", "+4", FIG_PERCENT, FIG_EQ, 4, "%"),
		/* A change names both ends, each a claim. */
		NUM("from 25 to 30 percent", "30 percent", "30", FIG_PERCENT, FIG_EQ, 30, "%"),
		/* Han and kana are not letters of the figure's word (UAX #29). */
		NUM("\xE9\x9F\x93\xE5\x9B\xBD\xE3\x81\xAF" "3.5%" "\xE3\x82\x92",
		    "3.5%", "3.5", FIG_PERCENT, FIG_EQ, 3.5, "%"),
		NUM("\xE9\x98\xB2\xE8\xA1\x9B\xE8\xB2\xBB" "2%",
		    "2%", "2", FIG_PERCENT, FIG_EQ, 2, "%"),
	};
	CHECK_TABLE(t);
}

static void test_comparators(void **state)
{
	(void)state;
	static const struct expect t[] = {
		NUM("from less than 2 percent of GDP to", "less than 2 percent of GDP", "2",
		 FIG_PERCENT, FIG_LT, 2, "% of GDP"),
		NUM("fewer than 10 percent", "fewer than 10 percent", "10", FIG_PERCENT, FIG_LT, 10, "%"),
		NUM("fell below 3% today", "below 3%", "3", FIG_PERCENT, FIG_LT, 3, "%"),
		NUM("stays under 5 percent", "under 5 percent", "5", FIG_PERCENT, FIG_LT, 5, "%"),
		NUM("more than 25 tanks", "more than 25 tanks", "25", FIG_COUNT, FIG_GT, 25, "tanks"),
		NUM("lasted over 90 days", "over 90 days", "90", FIG_DURATION, FIG_GT, 90, "day"),
		NUM("is above 2.5% now", "above 2.5%", "2.5", FIG_PERCENT, FIG_GT, 2.5, "%"),
		NUM("at least $5 billion", "at least $5 billion", "5 billion", FIG_MONEY, FIG_GE, 5e9, "USD"),
		NUM("no less than 3 percent", "no less than 3 percent", "3", FIG_PERCENT, FIG_GE, 3, "%"),
		NUM("for up to 90 days", "up to 90 days", "90", FIG_DURATION, FIG_LE, 90, "day"),
		NUM("at most 4 percent", "at most 4 percent", "4", FIG_PERCENT, FIG_LE, 4, "%"),
		NUM("no more than 30 percent", "no more than 30 percent", "30", FIG_PERCENT, FIG_LE, 30, "%"),
		NUM("about 5%", "about 5%", "5", FIG_PERCENT, FIG_APPROX, 5, "%"),
		NUM("around 6 percent", "around 6 percent", "6", FIG_PERCENT, FIG_APPROX, 6, "%"),
		NUM("roughly 7 percent", "roughly 7 percent", "7", FIG_PERCENT, FIG_APPROX, 7, "%"),
		NUM("nearly 8 percent", "nearly 8 percent", "8", FIG_PERCENT, FIG_APPROX, 8, "%"),
		NUM("almost 9 years", "almost 9 years", "9", FIG_DURATION, FIG_APPROX, 9, "year"),
		NUM("approximately 10 percent", "approximately 10 percent", "10", FIG_PERCENT, FIG_APPROX, 10, "%"),
		NUM("some 300 troops", "some 300 troops", "300", FIG_COUNT, FIG_APPROX, 300, "troops"),
		NUM("about a dozen ships", "about a dozen ships", "a dozen", FIG_COUNT, FIG_APPROX, 12, "ships"),
		NUM("(up from the current 2.3 percent level)", "2.3 percent", "2.3", FIG_PERCENT, FIG_EQ, 2.3, "%"),
		NUM("More than 40% said", "More than 40%", "40", FIG_PERCENT, FIG_GT, 40, "%"),
	};
	CHECK_TABLE(t);
}

static void test_dates(void **state)
{
	(void)state;
	static const struct expect t[] = {
		DATE("is scheduled to expire on July 9, the US", "July 9", "July 9", 0, 7, 9, FIG_PART_NONE),
		DATE("into effect on August 1.", "August 1", "August 1", 0, 8, 1, FIG_PART_NONE),
		DATE("the planned July 1 \"2+2\" talks", "July 1", "July 1", 0, 7, 1, FIG_PART_NONE),
		DATE("on July 9, 2025 it ended", "July 9, 2025", "July 9, 2025", 2025, 7, 9, FIG_PART_NONE),
		DATE("in July 2025 it ended", "July 2025", "July 2025", 2025, 7, 0, FIG_PART_NONE),
		DATE("a visit in early July to", "early July", "July", 0, 7, 0, FIG_PART_EARLY),
		DATE("by mid-July.", "mid-July", "July", 0, 7, 0, FIG_PART_MID),
		DATE("until late July", "late July", "July", 0, 7, 0, FIG_PART_LATE),
		DATE("Since early 2025, the US", "early 2025", "2025", 2025, 0, 0, FIG_PART_EARLY),
		DATE("by mid-2025", "mid-2025", "2025", 2025, 0, 0, FIG_PART_MID),
		DATE("negotiations since April.", "April", "April", 0, 4, 0, FIG_PART_NONE),
		DATE("in May the talks", "May", "May", 0, 5, 0, FIG_PART_NONE),
		DATE("on May 5 the talks", "May 5", "May 5", 0, 5, 5, FIG_PART_NONE),
		DATE("May 2024 was wet", "May 2024", "May 2024", 2024, 5, 0, FIG_PART_NONE),
		DATE("Tariffs in 2025 rose", "2025", "2025", 2025, 0, 0, FIG_PART_NONE),
		DATE("signed Sept. 5, 2019 in", "Sept. 5, 2019", "Sept. 5, 2019", 2019, 9, 5, FIG_PART_NONE),
		DATE("on 9 July 2025.", "9 July 2025", "9 July 2025", 2025, 7, 9, FIG_PART_NONE),
		DATE("the 4th July parade", "4th July", "4th July", 0, 7, 4, FIG_PART_NONE),
		DATE("In 1999 the euro", "1999", "1999", 1999, 0, 0, FIG_PART_NONE),
		/* No such day: the month alone, as "July 32" always was. */
		DATE("due on February 30 or so", "February", "February", 0, 2, 0, FIG_PART_NONE),
		DATE("due on February 29 or so", "February 29", "February 29", 0, 2, 29, FIG_PART_NONE),
		DATE("by 31 April or so", "April", "April", 0, 4, 0, FIG_PART_NONE),
	};
	CHECK_TABLE(t);
}

static void test_durations(void **state)
{
	(void)state;
	static const struct expect t[] = {
		NUM("as a 90-day freeze on", "90-day", "90", FIG_DURATION, FIG_EQ, 90, "day"),
		NUM("a two-year plan", "two-year", "two", FIG_DURATION, FIG_EQ, 2, "year"),
		/* CoreNLP's "within": a bound (it was read as "90 days" flat). */
		NUM("within 90 days.", "within 90 days", "90", FIG_DURATION, FIG_LE, 90, "day"),
		NUM("for three months", "three months", "three", FIG_DURATION, FIG_EQ, 3, "month"),
		NUM("marking his first month in office", "first month", "first", FIG_DURATION, FIG_EQ, 1, "month"),
		NUM("in its second year", "second year", "second", FIG_DURATION, FIG_EQ, 2, "year"),
		NUM("after 1.5 years", "1.5 years", "1.5", FIG_DURATION, FIG_EQ, 1.5, "year"),
		NUM("twenty-five years on", "twenty-five years", "twenty-five", FIG_DURATION, FIG_EQ, 25, "year"),
		NUM("a 48-hour window", "48-hour", "48", FIG_DURATION, FIG_EQ, 48, "hour"),
		/* A time counted on or back, or an age, takes its word along. */
		NUM("two decades later", "two decades later", "two", FIG_DURATION, FIG_EQ, 2, "decade"),
		NUM("one year later", "one year later", "one", FIG_DURATION, FIG_EQ, 1, "year"),
		NUM("Nine months ago, it", "Nine months ago", "Nine", FIG_DURATION, FIG_EQ, 9, "month"),
		NUM("a 22-year-old man", "22-year-old", "22", FIG_DURATION, FIG_EQ, 22, "year"),
		NUM("seven years old now", "seven years old", "seven", FIG_DURATION, FIG_EQ, 7, "year"),
		NUM("a 2025 years-long", "2025 years", "2025", FIG_DURATION, FIG_EQ, 2025, "year"),
	};
	CHECK_TABLE(t);
}

static void test_counts(void **state)
{
	(void)state;
	static const struct expect t[] = {
		NUM("despite seven rounds of talks", "seven rounds", "seven", FIG_COUNT, FIG_EQ, 7, "rounds"),
		NUM("rates on a dozen other nations that", "a dozen other nations", "a dozen",
		 FIG_COUNT, FIG_EQ, 12, "nations"),
		NUM("tariffs on dozens of nations, including", "dozens of nations", "dozens",
		 FIG_COUNT, FIG_GE, 24, "nations"),
		NUM("hundreds of protesters", "hundreds of protesters", "hundreds", FIG_COUNT, FIG_GE, 200, "protesters"),
		NUM("thousands of US troops", "thousands of US troops", "thousands", FIG_COUNT, FIG_GE, 2000, "troops"),
		NUM("sent 25 tanks", "25 tanks", "25", FIG_COUNT, FIG_EQ, 25, "tanks"),
		NUM("1,000 people came", "1,000 people", "1,000", FIG_COUNT, FIG_EQ, 1000, "people"),
		NUM("two hundred thousand people", "two hundred thousand people", "two hundred thousand",
		 FIG_COUNT, FIG_EQ, 2e5, "people"),
		NUM("Seven rounds failed", "Seven rounds", "Seven", FIG_COUNT, FIG_EQ, 7, "rounds"),
		NUM("three Japanese carmakers", "three Japanese carmakers", "three", FIG_COUNT, FIG_EQ, 3, "carmakers"),
	};
	CHECK_TABLE(t);
}

static void test_money(void **state)
{
	(void)state;
	static const struct expect t[] = {
		NUM("a $5 billion deal", "$5 billion", "5 billion", FIG_MONEY, FIG_EQ, 5e9, "USD"),
		NUM("for US$3 each", "US$3", "3", FIG_MONEY, FIG_EQ, 3, "USD"),
		NUM("5 billion dollars", "5 billion dollars", "5 billion", FIG_MONEY, FIG_EQ, 5e9, "USD"),
		NUM("costs \xC2\xA5" "100 now", "\xC2\xA5" "100", "100", FIG_MONEY, FIG_EQ, 100, "JPY"),
		NUM("a \xE2\x82\xAC" "2m fine", "\xE2\x82\xAC" "2m", "2m", FIG_MONEY, FIG_EQ, 2e6, "EUR"),
		NUM("300 million yuan", "300 million yuan", "300 million", FIG_MONEY, FIG_EQ, 3e8, "CNY"),
		NUM("1,000 won a day", "1,000 won", "1,000", FIG_MONEY, FIG_EQ, 1000, "KRW"),
		NUM("100 yen coins", "100 yen", "100", FIG_MONEY, FIG_EQ, 100, "JPY"),
		NUM("20 euros each", "20 euros", "20", FIG_MONEY, FIG_EQ, 20, "EUR"),
		NUM("50 pounds a week", "50 pounds", "50", FIG_MONEY, FIG_EQ, 50, "GBP"),
		NUM("a \xC2\xA3" "3.5bn loss", "\xC2\xA3" "3.5bn", "3.5bn", FIG_MONEY, FIG_EQ, 3.5e9, "GBP"),
		NUM("HK$10 fare", "HK$10", "10", FIG_MONEY, FIG_EQ, 10, "HKD"),
		NUM("USD 5 billion", "USD 5 billion", "5 billion", FIG_MONEY, FIG_EQ, 5e9, "USD"),
		NUM("five US dollars", "five US dollars", "five", FIG_MONEY, FIG_EQ, 5, "USD"),
	};
	CHECK_TABLE(t);
}

/* Every number word and month is known, whatever sieve the scanner uses. */
static void test_vocabulary(void **state)
{
	(void)state;
	static const struct { const char *w; double v; } nums[] = {
		{"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
		{"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12},
		{"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},
		{"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
		{"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"seventy", 70},
		{"eighty", 80}, {"ninety", 90}, {"hundred", 100}, {"thousand", 1000},
		{"a million", 1e6}, {"a billion", 1e9}, {"dozen", 12}, {"ninety-nine", 99},
		{"Forty", 40},
	};
	static const char *const ords[] = {
		"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
		"ninth", "tenth", "eleventh", "twelfth",
	};
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December",
	};
	char text[64];
	struct figures f;
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		snprintf(text, sizeof text, "%s rounds", nums[i].w);
		scan_all(&f, text);
		const struct figure *g = figure_at(&f, text, text, 1);
		assert_int_equal(g->kind, FIG_COUNT);
		if (!near(g->value, nums[i].v))
			fail_msg("%s: %g", text, g->value);
		figures_free(&f);
	}
	for (size_t i = 0; i < sizeof ords / sizeof ords[0]; i++) {
		snprintf(text, sizeof text, "the %s week", ords[i]);
		scan_all(&f, text);
		const struct figure *g = figure_at(&f, text, text + 4, 1);
		assert_int_equal(g->kind, FIG_DURATION);
		assert_true(near(g->value, (double)(i + 1)));
		assert_string_equal(g->unit, "week");
		figures_free(&f);
	}
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
		snprintf(text, sizeof text, "by %s 3, 2024", months[i]);
		scan_all(&f, text);
		const struct figure *g = figure_at(&f, text, text + 3, 1);
		assert_int_equal(g->month, (int)i + 1);
		assert_int_equal(g->day, 3);
		assert_int_equal(g->year, 2024);
		figures_free(&f);
	}
}

/* ---- things that are not figures ---- */

static void test_negatives(void **state)
{
	(void)state;
	static const struct { const char *text, *phrase; } t[] = {
		{"plug the USB cable", "USB"},
		{"a B52 bomber flew", "B52"},
		{"a COVID19 wave", "COVID19"},
		{"COVID-19 cases rose", "19"},
		{"they respect one another", "one another"},
		{"it may be late", "may be"},
		{"May be late, said he", "May"},
		{"the \"2+2\" ministerial talks", "2+2"},
		{"to \"focus on Middle East issues,\"", "focus"},
		{"5 percent (up from 3 percent)", "up from"},
		{"at 10:30 meetings start", "10:30"},
		{"open 24/7 stores", "24/7"},
		{"the G-7 nations met", "G-7 nations"},
		{"version 3.5.1 ships", "3.5.1"},
		{"a 1,00 people typo", "1,00 people"},
		{"Trump's first term", "first term"},
		{"April Ryan asked", "April"},
		{"Section 2 is clear", "2 is"},
		{"the team of eleven won", "eleven won"},
		{"two-thirds of voters", "two-thirds"},
		{"8a874877-a99a-45ab-82a4-437a7dbff841.png", "8a874877-a99a-45ab-82a4-437a7dbff841"},
		{"\xC3\xA9" "25 percent", "25 percent"},
		/* Letters of scripts written with spaces still glue: Greek,
		 * Cyrillic, Hangul. */
		{"\xCE\xB1" "25 percent", "25 percent"},
		{"\xD0\xB6" "25 percent", "25 percent"},
		{"\xED\x95\x9C" "25%", "25%"},
		{"one of the tanks", "one"},
		/* Ranges of no unit we read are no figures, neither half. */
		{"a 2-1 win", "2-1"},
		{"from 1990-1995 on", "1990-1995"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct figures f;
		scan_all(&f, t[i].text);
		assert_untouched(&f, t[i].text, t[i].phrase, 1);
		figures_free(&f);
	}
}


/* ---- issue 17: figures from real text that went wrong ---- */

struct expect17 {
	const char *text;
	const char *span;       /* the figure's exact text */
	enum fig_kind kind;
	enum fig_cmp cmp;
	double value, high;     /* high == value unless a range */
	const char *unit;
	const char *words;      /* the comparator's wording; NULL: not checked */
};

static void check17(const struct expect17 *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct expect17 *e = &t[i];
		struct figures f;
		scan_all(&f, e->text);
		assert_well_formed(&f, e->text, 0, strlen(e->text));
		const struct figure *g = figure_at(&f, e->text, e->span, 1);
		int range = !near(e->value, e->high);
		if (g->kind != e->kind || g->cmp != e->cmp || !near(g->value, e->value) ||
		    !near(g->high, e->high) || g->range != range || strcmp(g->unit, e->unit) != 0 ||
		    (e->words && strcmp(g->cmp_words, e->words) != 0) || !g->rule || !*g->rule)
			fail_msg("[%s] in \"%s\": got %s %s%g..%g (range %d) \"%s\" words \"%s\" rule %s; "
				 "want %s %s%g..%g \"%s\" words \"%s\"", e->span, e->text,
				 fig_kind_name(g->kind), fig_cmp_symbol(g->cmp), g->value, g->high,
				 g->range, g->unit, g->cmp_words, g->rule ? g->rule : "(null)",
				 fig_kind_name(e->kind), fig_cmp_symbol(e->cmp), e->value, e->high,
				 e->unit, e->words ? e->words : "(any)");
		figures_free(&f);
	}
}

#define N17(text, span, kind, cmp, v, unit, words) { text, span, kind, cmp, v, v, unit, words }
#define R17(text, span, kind, cmp, lo, hi, unit) { text, span, kind, cmp, lo, hi, unit, NULL }

/* GDP in every wording is % of GDP. */
static void test_gdp_wordings(void **state)
{
	(void)state;
	static const struct expect17 t[] = {
		N17("spend 3 percent of their GDP on", "3 percent of their GDP", FIG_PERCENT, FIG_EQ, 3,
		    "% of GDP", ""),
		N17("2 percent of gross domestic product", "2 percent of gross domestic product",
		    FIG_PERCENT, FIG_EQ, 2, "% of GDP", ""),
		N17("about 2% of the GDP.", "about 2% of the GDP", FIG_PERCENT, FIG_APPROX, 2,
		    "% of GDP", "about"),
		N17("1 percent of its economic output", "1 percent of its economic output",
		    FIG_PERCENT, FIG_EQ, 1, "% of GDP", ""),
		N17("5 percent of its GDP", "5 percent of its GDP", FIG_PERCENT, FIG_EQ, 5, "% of GDP", ""),
		N17("2.5% of Japan's GDP", "2.5% of Japan's GDP", FIG_PERCENT, FIG_EQ, 2.5, "% of GDP", ""),
		N17("0.4 percentage points of GDP", "0.4 percentage points of GDP", FIG_PERCENT, FIG_EQ,
		    0.4, "pp of GDP", ""),
	};
	check17(t, sizeof t / sizeof t[0]);
}

/* Decimals spelled out, as broadcast copy writes them (Yonhap, KBS). */
static void test_spelled_decimals(void **state)
{
	(void)state;
	static const struct expect17 t[] = {
		N17("accounting for two-point-32 percent of its GDP", "two-point-32 percent of its GDP",
		    FIG_PERCENT, FIG_EQ, 2.32, "% of GDP", ""),
		N17("Seoul pays one-point-04 trillion won this year", "one-point-04 trillion won",
		    FIG_MONEY, FIG_EQ, 1.04e12, "KRW", ""),
		N17("asking for four-point-seven billion dollars", "four-point-seven billion dollars",
		    FIG_MONEY, FIG_EQ, 4.7e9, "USD", ""),
		N17("totals 61-point-two trillion won", "61-point-two trillion won", FIG_MONEY, FIG_EQ,
		    61.2e12, "KRW", ""),
		N17("an eight-point-two percent increase", "eight-point-two percent", FIG_PERCENT,
		    FIG_EQ, 8.2, "%", ""),
	};
	check17(t, sizeof t / sizeof t[0]);
	/* "point" without a number after it is no decimal. */
	static const char text[] = "two-point-guard plays";
	struct figures f;
	scan_all(&f, text);
	for (size_t i = 0; i < f.n; i++)
		assert_true(strstr(text + f.v[i].start, "point") != text + f.v[i].start + 4
			    || f.v[i].end <= 3);
	figures_free(&f);
}

/* "Rs" before an amount is the rupee, with or without its period. */
static void test_rupees(void **state)
{
	(void)state;
	static const struct expect17 t[] = {
		N17("a hike to Rs 6,000 per quintal", "Rs 6,000", FIG_MONEY, FIG_EQ, 6000, "INR", ""),
		N17("from the present Rs.950 per quintal", "Rs.950", FIG_MONEY, FIG_EQ, 950, "INR", ""),
		R17("they get Rs. 1800 to 4,000 per quintal", "Rs. 1800 to 4,000", FIG_MONEY, FIG_EQ,
		    1800, 4000, "INR"),
		N17("a loan of Rs 2 billion", "Rs 2 billion", FIG_MONEY, FIG_EQ, 2e9, "INR", ""),
	};
	check17(t, sizeof t / sizeof t[0]);
	/* Not glued to a word, and not without a number after it. */
	static const char *const no[] = { "HRs 50 and Rsx 40", "Rs. of 5", "Rs5", NULL };
	for (size_t k = 0; no[k]; k++) {
		struct figures f;
		scan_all(&f, no[k]);
		for (size_t i = 0; i < f.n; i++)
			assert_true(f.v[i].kind != FIG_MONEY);
		figures_free(&f);
	}
}

/* "over" between two figures spreads the first across the second. */
static void test_over_spread(void **state)
{
	(void)state;
	static const char text[] = "$110 billion over two years";
	struct figures f;
	scan_all(&f, text);
	const struct figure *g = figure_at(&f, text, "two years", 1);
	assert_int_equal(g->kind, FIG_DURATION);
	assert_int_equal(g->cmp, FIG_EQ);
	assert_true(near(g->value, 2));
	assert_int_equal(figure_at(&f, text, "$110 billion", 1)->cmp, FIG_EQ);
	figures_free(&f);
	/* Without a figure before it, "over" is still a bound. */
	static const struct expect17 t[] = {
		N17("detained for over two years", "over two years", FIG_DURATION, FIG_GT, 2, "year",
		    "over"),
	};
	check17(t, sizeof t / sizeof t[0]);
}

/* "went up to" is a level reached; "as high as" keeps its wording. */
static void test_levels_and_ceilings(void **state)
{
	(void)state;
	static const struct expect17 t[] = {
		N17("spending went up to $462 billion", "$462 billion", FIG_MONEY, FIG_EQ, 462e9, "USD", ""),
		N17("prices rose up to 5 percent", "5 percent", FIG_PERCENT, FIG_EQ, 5, "%", ""),
		N17("for up to 90 days", "up to 90 days", FIG_DURATION, FIG_LE, 90, "day", "up to"),
		N17("as high as 10% of GDP", "as high as 10% of GDP", FIG_PERCENT, FIG_LE, 10, "% of GDP",
		    "as high as"),
		N17("as low as 1 percent", "as low as 1 percent", FIG_PERCENT, FIG_GE, 1, "%", "as low as"),
	};
	check17(t, sizeof t / sizeof t[0]);
}

/* A range is one figure with both ends. */
static void test_ranges(void **state)
{
	(void)state;
	static const struct expect17 t[] = {
		R17("cost $100-$200 billion more", "$100-$200 billion", FIG_MONEY, FIG_EQ, 100e9, 200e9,
		    "USD"),
		R17("a $100-200 billion increase", "$100-200 billion", FIG_MONEY, FIG_EQ, 100e9, 200e9,
		    "USD"),
		R17("between 2 and 3 percent of GDP", "between 2 and 3 percent of GDP", FIG_PERCENT,
		    FIG_EQ, 2, 3, "% of GDP"),
		R17("rose 2-3% a year", "2-3%", FIG_PERCENT, FIG_EQ, 2, 3, "%"),
		R17("rose 2\xE2\x80\x93" "3% a year", "2\xE2\x80\x93" "3%", FIG_PERCENT, FIG_EQ, 2, 3, "%"),
		R17("25 to 30 percent of them", "25 to 30 percent", FIG_PERCENT, FIG_EQ, 25, 30, "%"),
		R17("25%-30% of them", "25%-30%", FIG_PERCENT, FIG_EQ, 25, 30, "%"),
		R17("between 10% and 20% of them", "between 10% and 20%", FIG_PERCENT, FIG_EQ, 10, 20, "%"),
		R17("for 10-15 years", "10-15 years", FIG_DURATION, FIG_EQ, 10, 15, "year"),
		R17("between $1 and $2 billion", "between $1 and $2 billion", FIG_MONEY, FIG_EQ, 1e9, 2e9,
		    "USD"),
	};
	check17(t, sizeof t / sizeof t[0]);
	/* "from 25 to 30 percent" is a change, not a range: its end alone. */
	struct figures f;
	scan_all(&f, "from 25 to 30 percent");
	assert_int_equal(f.n, 1);
	assert_false(f.v[0].range);
	figures_free(&f);
}

/* The missed list, figures that are no date. */
static void test_missed(void **state)
{
	(void)state;
	static const struct expect17 t[] = {
		N17("Less than a year later", "Less than a year", FIG_DURATION, FIG_LT, 1, "year",
		    "less than"),
		N17("no more than a week", "no more than a week", FIG_DURATION, FIG_LE, 1, "week",
		    "no more than"),
		N17("deployed 1,200 operational hypersonic missiles", "1,200 operational hypersonic missiles",
		    FIG_COUNT, FIG_EQ, 1200, "missiles", ""),
		N17("some 3,000 U.S. troops", "some 3,000 U.S. troops", FIG_COUNT, FIG_APPROX, 3000,
		    "troops", "some"),
		N17("flies at Mach 6 or more", "Mach 6 or more", FIG_MEASURE, FIG_GE, 6, "Mach", "or more"),
		N17("a debt of 2.24 trillion by then", "2.24 trillion", FIG_COUNT, FIG_EQ, 2.24e12, "", ""),
		N17("a range of 2,000 km", "2,000 km", FIG_MEASURE, FIG_EQ, 2000, "km", ""),
		N17("warming of 2 degrees Celsius", "2 degrees Celsius", FIG_MEASURE, FIG_EQ, 2, "\xC2\xB0" "C",
		    ""),
	};
	check17(t, sizeof t / sizeof t[0]);
	/* "eight of the 29 allies": eight, of a whole of 29. */
	static const char text[] = "only eight of the 29 allies met it";
	struct figures f;
	scan_all(&f, text);
	const struct figure *g = figure_at(&f, text, "eight of the 29 allies", 1);
	assert_int_equal(g->kind, FIG_COUNT);
	assert_true(near(g->value, 8));
	assert_true(near(g->total, 29));
	assert_string_equal(g->unit, "allies");
	figures_free(&f);
}

/* The missed list, dates. */
static void test_missed_dates(void **state)
{
	(void)state;
	static const struct {
		const char *text, *span, *iso;
		enum fig_cmp cmp;
	} t[] = {
		{ "its pre-2014 borders", "pre-2014", "2014", FIG_LT },
		{ "the post-2014 order", "post-2014", "2014", FIG_GT },
		{ "talks began last May and", "last May", "last --05", FIG_EQ },
		{ "due next July.", "next July", "next --07", FIG_EQ },
		{ "the 21st Century belongs", "21st Century", "2001/2100", FIG_EQ },
		{ "21st-century warfare", "21st-century", "2001/2100", FIG_EQ },
		{ "signed 2025-06-27 in Rome", "2025-06-27", "2025-06-27", FIG_EQ },
		{ "it expires on the 15th, so", "15th", "---15", FIG_EQ },
		{ "the 15th of May 2024 saw", "15th of May 2024", "2024-05-15", FIG_EQ },
		/* From the development set's gold: weekdays and decades. */
		{ "said on Friday that", "Friday", "Friday", FIG_EQ },
		{ "until late Thursday.", "late Thursday", "late Thursday", FIG_EQ },
		{ "the 1990s boom", "1990s", "1990s", FIG_EQ },
		{ "in the mid-1990s, a", "mid-1990s", "mid 1990s", FIG_EQ },
		{ "in the late 1800s", "late 1800s", "late 1800s", FIG_EQ },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct figures f;
		scan_all(&f, t[i].text);
		const struct figure *g = figure_at(&f, t[i].text, t[i].span, 1);
		char iso[24];
		fig_date_iso(g, iso, sizeof iso);
		if (g->kind != FIG_DATE || g->cmp != t[i].cmp || strcmp(iso, t[i].iso) != 0)
			fail_msg("[%s]: %s %s\"%s\", want date %s\"%s\"", t[i].span, fig_kind_name(g->kind),
				 fig_cmp_symbol(g->cmp), iso, fig_cmp_symbol(t[i].cmp), t[i].iso);
		figures_free(&f);
	}
	/* An ordinal of something else is no date. */
	static const char *const no[][2] = {
		{ "on the 15th floor", "15th" }, { "the 15th round of talks", "15th" },
		{ "2025-13-01 is no date", "2025-13-01" },
		{ "a friday-night lull", "friday" }, { "the 1995s", "1995s" },
	};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		struct figures f;
		scan_all(&f, no[i][0]);
		assert_untouched(&f, no[i][0], no[i][1], 1);
		figures_free(&f);
	}
}

/* The comparators the issue saw missed, and CoreNLP's. */
static void test_more_comparators(void **state)
{
	(void)state;
	static const struct expect17 t[] = {
		N17("as many as 300 troops", "as many as 300 troops", FIG_COUNT, FIG_LE, 300, "troops",
		    "as many as"),
		N17("no more than 5%", "no more than 5%", FIG_PERCENT, FIG_LE, 5, "%", "no more than"),
		N17("3 percent or more of it", "3 percent or more", FIG_PERCENT, FIG_GE, 3, "%", "or more"),
		N17("just over 2%", "just over 2%", FIG_PERCENT, FIG_GT, 2, "%", "just over"),
		N17("just under 5 percent", "just under 5 percent", FIG_PERCENT, FIG_LT, 5, "%",
		    "just under"),
		N17("roughly 100,000 more", "roughly 100,000", FIG_COUNT, FIG_APPROX, 100000, "",
		    "roughly"),
		N17("no more than 300, it said", "no more than 300", FIG_COUNT, FIG_LE, 300, "",
		    "no more than"),
		N17("20 days or less", "20 days or less", FIG_DURATION, FIG_LE, 20, "day", "or less"),
		N17("within 5 percent", "within 5 percent", FIG_PERCENT, FIG_LE, 5, "%", "within"),
		N17("an estimated 300 troops", "an estimated 300 troops", FIG_COUNT, FIG_APPROX, 300,
		    "troops", "an estimated"),
		N17("estimated at $5 billion", "estimated at $5 billion", FIG_MONEY, FIG_APPROX, 5e9,
		    "USD", "estimated at"),
		N17("300 troops or so", "300 troops or so", FIG_COUNT, FIG_APPROX, 300, "troops", "or so"),
		N17("a decade or so", "a decade or so", FIG_DURATION, FIG_APPROX, 1, "decade", "or so"),
		N17("well above 3%", "well above 3%", FIG_PERCENT, FIG_GT, 3, "%", "well above"),
		N17("in excess of $1 billion", "in excess of $1 billion", FIG_MONEY, FIG_GT, 1e9, "USD",
		    "in excess of"),
		N17("less than 2 percent", "less than 2 percent", FIG_PERCENT, FIG_LT, 2, "%", "less than"),
	};
	check17(t, sizeof t / sizeof t[0]);
}

/* A count with no measured meaning is no figure, unless the sentence
 * makes it one. */
static void test_not_figures(void **state)
{
	(void)state;
	static const char *const no[][2] = {
		{ "the talks between two countries", "two countries" },
		{ "both of the two sides agreed", "two sides" },
		{ "two things stand out", "two things" },
		{ "as the two Parties agree", "two Parties" },
		{ "the three countries met", "three countries" },
		{ "a year ago, the talks", "a year" },
	};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		struct figures f;
		scan_all(&f, no[i][0]);
		assert_untouched(&f, no[i][0], no[i][1], 1);
		figures_free(&f);
	}
	static const struct expect17 t[] = {
		N17("only two countries have", "two countries", FIG_COUNT, FIG_EQ, 2, "countries", ""),
		N17("more than two countries", "more than two countries", FIG_COUNT, FIG_GT, 2,
		    "countries", "more than"),
		N17("two rounds of talks", "two rounds", FIG_COUNT, FIG_EQ, 2, "rounds", ""),
		N17("seven countries signed", "seven countries", FIG_COUNT, FIG_EQ, 7, "countries", ""),
	};
	check17(t, sizeof t / sizeof t[0]);
}

/* ---- the bundled article ---- */

static char *read_article(size_t *len)
{
	const char *dir = getenv("BRIEF_ASSETS");
	char path[4096];
	snprintf(path, sizeof path, "%s/commentary.txt", dir && *dir ? dir : "assets");
	FILE *fp = fopen(path, "rb");
	if (!fp)
		fail_msg("cannot open %s (set BRIEF_ASSETS)", path);
	struct buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	assert_true(b.len > 0);
	*len = b.len;
	return b.data;
}

#define ART(span, n, kind, cmp, value, unit) { span, n, kind, cmp, value, unit, 0, 0, 0, FIG_PART_NONE }
#define ART_DATE(span, m, d, y, part) { span, 1, FIG_DATE, FIG_EQ, 0, "date", m, d, y, part }

static void test_article(void **state)
{
	(void)state;
	static const struct {
		const char *span;
		int occurrence;
		enum fig_kind kind;
		enum fig_cmp cmp;
		double value;
		const char *unit;
		int month, day, year;
		enum fig_part part;
	} t[] = {
		ART("25 percent", 1, FIG_PERCENT, FIG_EQ, 25, "%"),
		ART("25 percent", 2, FIG_PERCENT, FIG_EQ, 25, "%"),
		ART("less than 2 percent of GDP", 1, FIG_PERCENT, FIG_LT, 2, "% of GDP"),
		ART("3.5 percent of GDP", 1, FIG_PERCENT, FIG_EQ, 3.5, "% of GDP"),
		ART("5 percent of GDP", 2, FIG_PERCENT, FIG_EQ, 5, "% of GDP"), /* 1st is in "3.5 ..." */
		ART("2.3 percent", 1, FIG_PERCENT, FIG_EQ, 2.3, "%"),
		ART_DATE("July 9", 7, 9, 0, FIG_PART_NONE),
		ART_DATE("August 1", 8, 1, 0, FIG_PART_NONE),
		ART_DATE("July 1", 7, 1, 0, FIG_PART_NONE),
		ART_DATE("early July", 7, 0, 0, FIG_PART_EARLY),
		ART_DATE("early 2025", 0, 0, 2025, FIG_PART_EARLY),
		ART_DATE("April", 4, 0, 0, FIG_PART_NONE),
		ART("90-day", 1, FIG_DURATION, FIG_EQ, 90, "day"),
		ART("first month", 1, FIG_DURATION, FIG_EQ, 1, "month"),
		ART("seven rounds", 1, FIG_COUNT, FIG_EQ, 7, "rounds"),
		ART("a dozen other nations", 1, FIG_COUNT, FIG_EQ, 12, "nations"),
		ART("dozens of nations", 1, FIG_COUNT, FIG_GE, 24, "nations"),
	};
	size_t len;
	char *text = read_article(&len);
	struct figures f;
	figures_init(&f);
	figures_scan(&f, (const uint8_t *)text, len, 0, len);
	assert_well_formed(&f, text, 0, len);
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const struct figure *g = figure_at(&f, text, t[i].span, t[i].occurrence);
		if (g->kind != t[i].kind || g->cmp != t[i].cmp || !near(g->value, t[i].value) ||
		    strcmp(g->unit, t[i].unit) != 0 || g->month != t[i].month ||
		    g->day != t[i].day || g->year != t[i].year || g->part != t[i].part)
			fail_msg("article [%s]: got %s %s%g %s", t[i].span, fig_kind_name(g->kind),
				 fig_cmp_symbol(g->cmp), g->value, g->unit);
	}
	/* The article's traps: none of these is a figure. */
	assert_untouched(&f, text, "2+2", 1);
	assert_untouched(&f, text, "up from", 1);
	assert_untouched(&f, text, "focus", 1);
	assert_untouched(&f, text, "first term", 1);
	assert_untouched(&f, text, "first visit", 1);
	assert_untouched(&f, text, "437a7dbff841", 1);
	figures_free(&f);
	free(text);
}

/* ---- slicing and bounds ---- */

static void assert_same(const struct figures *a, const struct figures *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		const struct figure *x = &a->v[i], *y = &b->v[i];
		assert_int_equal(x->start, y->start);
		assert_int_equal(x->end, y->end);
		assert_int_equal(x->num_start, y->num_start);
		assert_int_equal(x->num_end, y->num_end);
		assert_int_equal(x->kind, y->kind);
		assert_int_equal(x->cmp, y->cmp);
		assert_true(near(x->value, y->value));
		assert_string_equal(x->unit, y->unit);
		assert_int_equal(x->year, y->year);
		assert_int_equal(x->month, y->month);
		assert_int_equal(x->day, y->day);
		assert_int_equal(x->part, y->part);
	}
}

static void test_slices_match_whole(void **state)
{
	(void)state;
	size_t alen;
	char *article = read_article(&alen);
	struct buf b = {0};
	buf_add(&b, article, alen);
	/* Lines that end or start on a figure, or split a phrase across LF. */
	buf_adds(&b, "\nless than\n2 percent of GDP\nearly\nJuly 9, 2025 and\n"
		 "a dozen\nother nations 25 tanks\n$5\nbillion in 2025\n"
		 "\xC2\xA0" "25\xC2\xA0percent of GDP\n\n3.5%");
	free(article);
	struct figures whole, sliced;
	figures_init(&whole);
	figures_init(&sliced);
	figures_scan(&whole, (const uint8_t *)b.data, b.len, 0, b.len);
	size_t from = 0;
	for (size_t i = 0; i < b.len; i++)
		if (b.data[i] == '\n') {
			figures_scan(&sliced, (const uint8_t *)b.data, b.len, from, i + 1);
			from = i + 1;
		}
	figures_scan(&sliced, (const uint8_t *)b.data, b.len, from, b.len);
	assert_true(whole.n >= 17 + 6);
	assert_same(&whole, &sliced);
	assert_well_formed(&whole, b.data, 0, b.len);
	/* A phrase split by a line break is not joined: "2 percent of GDP" alone. */
	size_t at = nth(b.data, "less than\n2 percent", 1) + strlen("less than\n");
	const struct figure *g = figures_in(&whole, at, at + strlen("2 percent of GDP"));
	assert_non_null(g);
	assert_int_equal(g->start, at);
	assert_int_equal(g->cmp, FIG_EQ);
	figures_free(&whole);
	figures_free(&sliced);
	buf_free(&b);
}

/* Meaningful bytes before from that would change the result if read. */
static void test_no_lookbehind_before_from(void **state)
{
	(void)state;
	static const char garbage[] = "more than HK";
	static const char line[] = "$5 billion and 25 percent\n";
	char *text = xmalloc(sizeof garbage + sizeof line);
	memcpy(text, garbage, sizeof garbage - 1);
	memcpy(text + sizeof garbage - 1, line, sizeof line);
	size_t from = sizeof garbage - 1, len = strlen(text);
	struct figures f;
	figures_init(&f);
	figures_scan(&f, (const uint8_t *)text, len, from, len);
	assert_int_equal(f.n, 2);
	assert_int_equal(f.v[0].start, from);
	assert_int_equal(f.v[0].cmp, FIG_EQ);
	assert_string_equal(f.v[0].unit, "USD");
	assert_int_equal(f.v[1].kind, FIG_PERCENT);
	figures_free(&f);

	/* A letter glued before from must not make "25" part of a word. */
	memcpy(text + from, "25 percent\n", 12);
	figures_init(&f);
	figures_scan(&f, (const uint8_t *)text, strlen(text), from, strlen(text));
	assert_int_equal(f.n, 1);
	assert_int_equal(f.v[0].start, from);
	figures_free(&f);
	free(text);
}

/* Bytes outside [from, to) sit on inaccessible pages: any read faults. */
static void test_guard_pages(void **state)
{
	(void)state;
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);
	uint8_t *map = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(map != MAP_FAILED);
	static const char before[] = "less than\n";
	static const char *const lines[] = {
		"25 percent of GDP starts the page, ",
		"about $3 billion in early 2025, seven rounds since April.\n",
	};
	size_t gl = sizeof before - 1;
	uint8_t *text = map + pg - gl;
	memcpy(text, before, gl);
	/* Fill the middle page with whole lines; the last ends the page with no LF. */
	uint8_t *p = map + pg, *end = map + 2 * pg;
	static const char last[] = "it rose 5 percent";
	for (size_t i = 0; p + strlen(lines[i % 2]) + sizeof last <= end; i++) {
		memcpy(p, lines[i % 2], strlen(lines[i % 2]));
		p += strlen(lines[i % 2]);
	}
	memset(p, ' ', (size_t)(end - p) - (sizeof last - 1));
	p[0] = '\n';
	memcpy(end - (sizeof last - 1), last, sizeof last - 1);
	assert_int_equal(mprotect(map, pg, PROT_NONE), 0);
	assert_int_equal(mprotect(map + 2 * pg, pg, PROT_NONE), 0);
	size_t len = gl + pg;
	struct figures f;
	figures_init(&f);
	figures_scan(&f, text, len, gl, len);
	assert_true(f.n > 10);
	assert_int_equal(f.v[0].start, gl);
	assert_int_equal(f.v[0].cmp, FIG_EQ);
	assert_string_equal(f.v[0].unit, "% of GDP");
	const struct figure *g = &f.v[f.n - 1];
	assert_int_equal(g->end, len);
	assert_int_equal(g->kind, FIG_PERCENT);
	assert_true(near(g->value, 5));
	figures_free(&f);
	munmap(map, 3 * pg);
}

static void test_percent_at_end(void **state)
{
	(void)state;
	static const char *const texts[] = { "rose 5.5%", "rose 25 percent", "rose 2 per cent", "in 2025" };
	static const char *const spans[] = { "5.5%", "25 percent", "2 per cent", "2025" };
	for (size_t i = 0; i < 4; i++) {
		/* Exact-size heap copy: ASan catches a read past the NUL. */
		char *text = xstrdup(texts[i]);
		struct figures f;
		scan_all(&f, text);
		assert_int_equal(f.n, 1);
		const struct figure *g = figure_at(&f, text, spans[i], 1);
		assert_int_equal(g->end, strlen(text));
		figures_free(&f);
		free(text);
	}
}

/* ---- lookup, names, ISO dates, interned units ---- */

static void test_figures_in(void **state)
{
	(void)state;
	const char *text = "A 25 percent tax from July 9 and 3 rounds.";
	struct figures f;
	scan_all(&f, text);
	assert_int_equal(f.n, 3);
	size_t a = nth(text, "25", 1), b = nth(text, "July", 1);
	assert_ptr_equal(figures_in(&f, 0, strlen(text)), &f.v[0]);
	assert_ptr_equal(figures_in(&f, a, a + strlen("25 percent")), &f.v[0]);
	assert_null(figures_in(&f, a, a + 5));          /* cuts the figure */
	assert_ptr_equal(figures_in(&f, a + 1, strlen(text)), &f.v[1]);
	assert_ptr_equal(figures_in(&f, b, strlen(text)), &f.v[1]);
	assert_null(figures_in(&f, b + 1, b + 8));
	assert_null(figures_in(&f, strlen(text) - 1, strlen(text)));
	assert_null(figures_in(&f, 5, 5));
	figures_free(&f);
	assert_null(figures_in(&f, 0, 100));
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(fig_kind_name(FIG_PERCENT), "percent");
	assert_string_equal(fig_kind_name(FIG_DATE), "date");
	assert_string_equal(fig_kind_name(FIG_DURATION), "duration");
	assert_string_equal(fig_kind_name(FIG_COUNT), "count");
	assert_string_equal(fig_kind_name(FIG_MONEY), "money");
	static const char *const sym[] = { "", "<", "<=", ">", ">=", "~" };
	static const char *const words[] = { "", "less than", "at most", "more than", "at least", "about" };
	for (int c = FIG_EQ; c < FIG_CMP_COUNT; c++) {
		assert_string_equal(fig_cmp_symbol((enum fig_cmp)c), sym[c]);
		assert_string_equal(fig_cmp_words((enum fig_cmp)c), words[c]);
	}
}

static void test_date_iso(void **state)
{
	(void)state;
	static const struct { int y, m, d; enum fig_part part; const char *iso; } t[] = {
		{2025, 7, 9, FIG_PART_NONE, "2025-07-09"},
		{0, 7, 9, FIG_PART_NONE, "--07-09"},
		{2025, 7, 0, FIG_PART_NONE, "2025-07"},
		{0, 7, 0, FIG_PART_NONE, "--07"},
		{2025, 0, 0, FIG_PART_NONE, "2025"},
		{0, 7, 0, FIG_PART_EARLY, "early --07"},
		{2025, 0, 0, FIG_PART_MID, "mid 2025"},
		{2025, 12, 0, FIG_PART_LATE, "late 2025-12"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct figure g;
		memset(&g, 0, sizeof g);
		g.kind = FIG_DATE;
		g.year = t[i].y;
		g.month = t[i].m;
		g.day = t[i].d;
		g.part = t[i].part;
		char out[24];
		fig_date_iso(&g, out, sizeof out);
		assert_string_equal(out, t[i].iso);
	}
	/* From a scan, end to end. */
	struct figures f;
	scan_all(&f, "since early July and on Jan. 20, 2025");
	char out[24];
	fig_date_iso(&f.v[0], out, sizeof out);
	assert_string_equal(out, "early --07");
	fig_date_iso(&f.v[1], out, sizeof out);
	assert_string_equal(out, "2025-01-20");
	figures_free(&f);
}

/* Units stay valid while many more are interned after them. */
static void test_units_stable(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_adds(&b, "25 tanks\n");
	for (int i = 0; i < 300; i++) /* 300 different nouns: "2 thingaaers" ... */
		buf_printf(&b, "%d thing%c%cers\n", i + 2, 'a' + i / 26, 'a' + i % 26);
	struct figures f;
	figures_init(&f);
	figures_scan(&f, (const uint8_t *)b.data, b.len, 0, b.len);
	assert_string_equal(f.v[0].unit, "tanks");
	assert_int_equal(f.n, 301);
	assert_string_equal(f.v[1].unit, "thingaaers");
	assert_string_equal(f.v[300].unit, "thinglners");
	figures_free(&f);
	buf_free(&b);
}

/* Memory has a bound whatever the text holds: past max no figure is kept,
 * scanning stops, and full_at says where the first one not kept starts. */
static void test_bounded(void **state)
{
	(void)state;
	struct figures f;
	figures_init(&f);
	assert_int_equal(f.max, FIGURES_MAX);
	f.max = 2;
	const char *text = "It rose 2 percent, then 3 percent, then 4 percent.\n";
	figures_scan(&f, (const uint8_t *)text, strlen(text), 0, strlen(text));
	assert_int_equal(f.n, 2);
	assert_true(f.full);
	assert_int_equal(f.full_at, (size_t)(strstr(text, "4 percent") - text));
	figures_free(&f);
	/* With the default bound: a text made of figures stops there. */
	size_t reps = FIGURES_MAX + 1000;
	char *big = xmalloc(reps * 3 + 1);
	for (size_t i = 0; i < reps; i++)
		memcpy(big + i * 3, "1% ", 3);
	big[reps * 3] = '\0';
	figures_init(&f);
	figures_scan(&f, (const uint8_t *)big, reps * 3, 0, reps * 3);
	assert_int_equal(f.n, FIGURES_MAX);
	assert_true(f.full);
	assert_int_equal(f.full_at, FIGURES_MAX * 3);
	assert_true(f.cap <= FIGURES_MAX);
	figures_free(&f);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_comparators),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_vocabulary),
		cmocka_unit_test(test_negatives),
		cmocka_unit_test(test_gdp_wordings),
		cmocka_unit_test(test_spelled_decimals),
		cmocka_unit_test(test_rupees),
		cmocka_unit_test(test_over_spread),
		cmocka_unit_test(test_levels_and_ceilings),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_missed),
		cmocka_unit_test(test_missed_dates),
		cmocka_unit_test(test_more_comparators),
		cmocka_unit_test(test_not_figures),
		cmocka_unit_test(test_article),
		cmocka_unit_test(test_slices_match_whole),
		cmocka_unit_test(test_no_lookbehind_before_from),
		cmocka_unit_test(test_guard_pages),
		cmocka_unit_test(test_percent_at_end),
		cmocka_unit_test(test_figures_in),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_date_iso),
		cmocka_unit_test(test_units_stable),
		cmocka_unit_test(test_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
