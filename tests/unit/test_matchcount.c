/* Unit tests for matchcount.c: totals and places against search_line run
 * over every line, in any slicing, before and after the count passes. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brief/document.h"
#include "brief/matchcount.h"
#include "brief/search.h"
#include "brief/util.h"

struct all {
	size_t *start;
	size_t n, cap;
};

static int collect(void *ctx, size_t ms, size_t me)
{
	(void)me;
	struct all *a = ctx;
	a->start = xgrowarray(a->start, &a->cap, a->n + 1, sizeof *a->start);
	a->start[a->n++] = ms;
	return 0;
}

/* Every match from line first on, as the viewport's search finds them. */
static void brute(struct search *s, const struct doc *d, size_t first, struct all *a)
{
	for (size_t i = first; i < d->nlines; i++)
		search_line(s, d->text, doc_line_start(d, i), doc_line_end(d, i), collect, a);
}

struct fixture {
	struct doc d;
	uint8_t *bytes;
	struct search s;
	struct all a;
};

static void setup(struct fixture *f, const char *text, size_t len, const char *pat, int exact,
		  size_t first)
{
	memset(f, 0, sizeof *f);
	f->bytes = xmalloc(len + 1);
	memcpy(f->bytes, text, len);
	f->bytes[len] = 0;
	assert_int_equal(doc_load_mem(&f->d, "t", f->bytes, len), 0);
	assert_int_equal(search_compile_case(&f->s, pat, strlen(pat), exact), 0);
	brute(&f->s, &f->d, first, &f->a);
}

static void teardown_fixture(struct fixture *f)
{
	free(f->a.start);
	search_free(&f->s);
	doc_free(&f->d);
	free(f->bytes);
}

/* The count in slices of `budget` ends with the brute total; match k
 * placed before the count starts gets its place as the count passes it,
 * and every match placed afterwards, from the checkpoints, too. */
static void check(struct fixture *f, size_t first, size_t budget, size_t k)
{
	struct mcount c = { 0 };
	mcount_start(&c, first);
	if (k < f->a.n) {
		mcount_place(&c, &f->s, &f->d, f->a.start[k]);
		assert_int_equal(c.place, 0);           /* not counted yet */
	}
	size_t steps = 0;
	while (!mcount_step(&c, &f->s, &f->d, budget)) {
		assert_true(c.total <= f->a.n);         /* a lower bound meanwhile */
		assert_true(++steps < 10000000);
	}
	assert_int_equal(c.total, f->a.n);
	if (k < f->a.n)
		assert_int_equal(c.place, k + 1);
	/* Every match of a small text; of a large one about 2,000 spread over
	 * it, the last included: placing one scans up to a checkpoint's
	 * stride, and placing all 80,000 of test_large took minutes (far more
	 * under the sanitizers) for no more cases. */
	size_t step = f->a.n > 2000 ? f->a.n / 2000 : 1;
	size_t n = f->a.n;
	for (size_t i = 0; i < n; i = i + step < n || i == n - 1 ? i + step : n - 1) {
		mcount_place(&c, &f->s, &f->d, f->a.start[i]);
		if (c.place != i + 1)
			fail_msg("match %zu at %zu placed %zu", i + 1, f->a.start[i], c.place);
	}
	/* Again from the start: the checkpoints are reused, not kept. */
	mcount_start(&c, first);
	while (!mcount_step(&c, &f->s, &f->d, (size_t)-1))
		;
	assert_int_equal(c.total, f->a.n);
	mcount_free(&c);
}

static void test_small(void **state)
{
	(void)state;
	const char *text = "The US and us.\nFocus: trust the US\n\n\nUS US\nnone here\nus";
	struct fixture f;
	setup(&f, text, strlen(text), "US", 1, 0);
	assert_int_equal(f.a.n, 4);
	for (size_t budget = 1; budget < 80; budget += 7)
		for (size_t k = 0; k <= f.a.n; k++)
			check(&f, 0, budget, k);
	teardown_fixture(&f);
	/* Case ignored: "Focus", "trust" and "us" count too. */
	setup(&f, text, strlen(text), "us", 0, 0);
	assert_int_equal(f.a.n, 8);
	check(&f, 0, 5, 3);
	teardown_fixture(&f);
	/* From a later first line (the body after web chrome). */
	setup(&f, text, strlen(text), "US", 1, 1);
	assert_int_equal(f.a.n, 3);
	check(&f, 1, 3, 1);
	teardown_fixture(&f);
}

/* No match: done with 0, nothing placed. */
static void test_none(void **state)
{
	(void)state;
	struct fixture f;
	setup(&f, "abc\ndef\n", 8, "zz", 0, 0);
	struct mcount c = { 0 };
	mcount_start(&c, 0);
	assert_int_equal(mcount_step(&c, &f.s, &f.d, 1), 0);
	while (!mcount_step(&c, &f.s, &f.d, 1))
		;
	assert_int_equal(c.total, 0);
	mcount_free(&c);
	teardown_fixture(&f);
}

/* Several megabytes: checkpoints are made and used; a line of over a
 * megabyte is counted whole in one step. */
static void test_large(void **state)
{
	(void)state;
	struct buf b = { 0 };
	for (int i = 0; i < 60000; i++)
		buf_printf(&b, "line %d says Ishiba %s\n", i, i % 7 ? "" : "ISHIBA again");
	size_t long_at = b.len;
	for (int i = 0; i < 150000; i++)
		buf_adds(&b, i % 1000 ? "xxxxxxxxx " : "ishiba xx ");
	buf_adds(&b, "\nthe end Ishiba\n");
	struct fixture f;
	setup(&f, b.data, b.len, "ishiba", 0, 0);
	assert_true(f.a.n > 60000);
	check(&f, 0, (size_t)256 << 10, f.a.n / 2);
	check(&f, 0, (size_t)1 << 30, f.a.n - 1);
	/* One step of a small budget still counts the long line whole. */
	struct mcount c = { 0 };
	mcount_start(&c, f.d.nlines - 2);
	mcount_step(&c, &f.s, &f.d, 1);
	assert_int_equal(c.line, f.d.nlines - 1);
	assert_true(c.total == 150);
	assert_true(doc_line_at(&f.d, long_at) == f.d.nlines - 2);
	mcount_free(&c);
	teardown_fixture(&f);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small),
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_large),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
