/* Unit tests for figgroup.c: figures grouped by value as worded and by
 * meaning (the annotation's, else the noun measured), in any slicing. */
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

#include "brief/figgroup.h"
#include "brief/model.h"
#include "brief/util.h"

/* The model of text (no annotation file, no automatic actors needed). */
static void open_text(struct model *m, const char *text)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/brief-figgroup-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	size_t n = strlen(text);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
	struct model_error err;
	struct model_opts o = { .no_auto = 1 };
	assert_int_equal(model_open_opts(m, path, NULL, &o, &err), 0);
	unlink(path);
}

/* The groups labelled so, in order; their counts. */
static void expect_labels(const struct fgroups *g, size_t n, ...)
{
	va_list ap;
	va_start(ap, n);
	if (g->n != n) {
		for (size_t i = 0; i < g->n; i++) {
			struct buf b = { 0 };
			fgroups_label(g, i, 0, &b);
			fprintf(stderr, "group %zu: \"%s\" x%zu\n", i, b.data, g->v[i].count);
			buf_free(&b);
		}
		fail_msg("%zu groups, expected %zu", g->n, n);
	}
	for (size_t i = 0; i < n; i++) {
		const char *want = va_arg(ap, const char *);
		size_t count = va_arg(ap, size_t);
		struct buf b = { 0 };
		fgroups_label(g, i, 0, &b);
		if (strcmp(b.data, want) != 0 || g->v[i].count != count)
			fail_msg("group %zu: \"%s\" x%zu, expected \"%s\" x%zu", i, b.data,
				 g->v[i].count, want, count);
		buf_free(&b);
	}
	va_end(ap);
}

/* Without annotations: the noun after tells the two 25 percents apart; the
 * same value written two ways is one group; a date by its value alone. */
static void test_by_noun(void **state)
{
	(void)state;
	struct model m;
	open_text(&m, "Washington proposed 25 percent tariffs on cars. On July 9 it set a 25 "
		      "percent tax on goods, and 25% tariffs again.\nJuly 9 came; the tax rose by "
		      "25 percent in May.\n");
	model_scan_all(&m);
	struct fgroups g = { 0 };
	fgroups_update(&g, &m);
	expect_labels(&g, 5, "25% tariffs", (size_t)2, "July 9", (size_t)2, "25% tax", (size_t)1,
		      "25%", (size_t)1, "May", (size_t)1);
	assert_string_equal(fgroups_wording(&g, 0), "25%");
	assert_string_equal(fgroups_detail(&g, 0), "tariffs");
	assert_string_equal(fgroups_detail(&g, 3), "");     /* "in": no noun */
	/* Every figure knows its group. */
	for (size_t i = 0; i < m.figures.n; i++)
		assert_true(fgroups_of(&g, i) >= 0 && (size_t)fgroups_of(&g, i) < g.n);
	assert_int_equal(fgroups_of(&g, m.figures.n), -1);
	fgroups_free(&g);
	model_free(&m);
}

/* The bundled commentary: its two 25 percent figures have different
 * annotated meanings, and are two rows, each saying which. */
static void test_by_annotated_meaning(void **state)
{
	(void)state;
	struct model m;
	struct model_error err;
	assert_int_equal(model_open(&m, NULL, NULL, &err), 0);
	model_scan_all(&m);
	struct fgroups g = { 0 };
	fgroups_update(&g, &m);
	size_t twentyfive = 0;
	for (size_t i = 0; i < g.n; i++) {
		if (strcmp(fgroups_wording(&g, i), "25%") != 0)
			continue;
		twentyfive++;
		struct buf b = { 0 };
		fgroups_label(&g, i, 0, &b);
		assert_true(strncmp(b.data, "25% \u00b7 US ta", strlen("25% \u00b7 US ta")) == 0);
		buf_free(&b);
		b = (struct buf){ 0 };
		fgroups_label(&g, i, 1, &b);
		assert_true(strncmp(b.data, "25% | US ta", strlen("25% | US ta")) == 0);
		buf_free(&b);
	}
	assert_int_equal(twentyfive, 2);
	fgroups_free(&g);
	model_free(&m);
}

/* Grouped a slice at a time as the scan goes: the same groups as at once. */
static void test_slices(void **state)
{
	(void)state;
	struct buf text = { 0 };
	for (int i = 0; i < 300; i++)
		buf_printf(&text, "In round %d the 25 percent tariffs and a %d percent tax on %s came "
			   "on March %d.\n", i, i % 7, i % 2 ? "cars" : "steel", i % 28 + 1);
	struct model a, b;
	open_text(&a, text.data);
	open_text(&b, text.data);
	model_scan_all(&a);
	struct fgroups ga = { 0 }, gb = { 0 };
	fgroups_update(&ga, &a);
	while (!model_scan_step(&b, 97))
		fgroups_update(&gb, &b);
	fgroups_update(&gb, &b);
	assert_int_equal(ga.n, gb.n);
	for (size_t i = 0; i < ga.n; i++) {
		assert_string_equal(fgroups_wording(&ga, i), fgroups_wording(&gb, i));
		assert_string_equal(fgroups_detail(&ga, i), fgroups_detail(&gb, i));
		assert_int_equal(ga.v[i].count, gb.v[i].count);
		assert_int_equal(ga.v[i].first, gb.v[i].first);
	}
	fgroups_free(&ga);
	fgroups_free(&gb);
	model_free(&a);
	model_free(&b);
	buf_free(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_by_noun),
		cmocka_unit_test(test_by_annotated_meaning),
		cmocka_unit_test(test_slices),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
