/* Unit tests for compare.c and chart.c: resolved values, gaps with bounds, bars and chart text. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "brief/chart.h"
#include "brief/compare.h"
#include "brief/layout.h"
#include "brief/model.h"
#include "brief/util.h"

#define assert_near(a, b, eps)                                                             \
	do {                                                                               \
		double a_ = (a), b_ = (b);                                                 \
		if (!(fabs(a_ - b_) <= (eps)))                                             \
			fail_msg("%s = %.17g, expected %.17g", #a, a_, b_);                \
	} while (0)

/* Fixture: the bundled commentary, opened and scanned. */
static int setup_bundled(void **state)
{
	struct model *m = xcalloc(1, sizeof *m);
	struct model_error err;
	int rc = model_open(m, NULL, NULL, &err);
	if (rc != 0) {
		print_error("model_open (bundled): %d %s\n", rc, err.msg);
		free(m);
		return -1;
	}
	model_scan_all(m);
	*state = m;
	return m->ncmps >= 1 ? 0 : -1;
}

static int teardown_model(void **state)
{
	model_free(*state);
	free(*state);
	return 0;
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* An article and its sibling annotation file in a fresh directory. */
struct tmp_model {
	char dir[256];
	char doc[300], ann[300];
	struct model m;
};

static void write_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, strlen(s), f), strlen(s));
	assert_int_equal(fclose(f), 0);
}

static void open_tmp(struct tmp_model *t, const char *article, const char *annotations)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(t->dir, sizeof t->dir, "%s/brief-test-compare-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->doc, sizeof t->doc, "%s/article.txt", t->dir);
	snprintf(t->ann, sizeof t->ann, "%s/article.brief", t->dir);
	write_file(t->doc, article);
	write_file(t->ann, annotations);
	struct model_error err;
	int rc = model_open(&t->m, t->doc, NULL, &err);
	/* The model keeps what it needs (the document is mapped or copied, the
	 * annotations parsed): remove the files now, so a failing test leaves
	 * nothing behind. */
	unlink(t->doc);
	unlink(t->ann);
	rmdir(t->dir);
	if (rc != 0)
		fail_msg("model_open %s: %d %s", t->doc, rc, err.msg);
	assert_non_null(t->m.annot_path);
	model_scan_all(&t->m);
}

static void close_tmp(struct tmp_model *t)
{
	model_free(&t->m);
}

static const struct cmp_row_model *row_of(const struct model *m, const struct cmp_model *c,
					  const char *name)
{
	for (size_t i = 0; i < c->nrows; i++) {
		long p = c->rows[i].party;
		if (p >= 0 && strcmp(m->annot.entities[p].name, name) == 0)
			return &c->rows[i];
	}
	fail_msg("no row for %s", name);
	return NULL;
}

/* The quote span of a value holds the quote text (or a longer quote around
 * it), does not start inside a word or number, and the figure lies inside. */
static void check_value_spans(const struct model *m, const struct cmp_value *v,
			      const char *quote)
{
	assert_true(v->qend > v->qstart);
	const char *q = (const char *)m->doc.text + v->qstart;
	size_t qlen = v->qend - v->qstart, n = strlen(quote);
	int found = 0;
	for (size_t i = 0; !found && i + n <= qlen; i++)
		found = memcmp(q + i, quote, n) == 0;
	if (!found)
		fail_msg("quote '%.*s' does not hold '%s'", (int)qlen, q, quote);
	if (v->qstart > 0) {
		char before = q[-1];
		if ((before >= '0' && before <= '9') || before == '.'
		    || (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z'))
			fail_msg("quote '%s' anchored inside '%.*s'", quote, (int)qlen + 4, q - 4);
	}
	if (v->present) {
		assert_true(v->start >= v->qstart);
		assert_true(v->end <= v->qend);
		assert_true(v->end > v->start);
	}
}

static void test_bundled_values(void **state)
{
	struct model *mp = *state;
	const struct cmp_model *c = &mp->cmps[0];
	assert_string_equal(c->src->id, "defense");
	assert_int_equal(c->mixed, 0);
	assert_null(c->mixed_why);
	assert_non_null(c->unit);
	assert_string_equal(c->unit, "% of GDP");

	const struct cmp_row_model *jp = row_of(mp, c, "Japan");
	assert_true(jp->current.present);
	assert_near(jp->current.value, 2, 1e-9);
	assert_int_equal(jp->current.cmp, FIG_LT);
	assert_true(jp->demand.present);
	assert_near(jp->demand.value, 3.5, 1e-9);
	assert_int_equal(jp->demand.cmp, FIG_EQ);
	assert_int_equal(jp->current.unit[0], '%');
	check_value_spans(mp, &jp->current, "less than 2 percent of GDP");
	check_value_spans(mp, &jp->demand, "3.5 percent of GDP");

	const struct cmp_row_model *kr = row_of(mp, c, "South Korea");
	check_value_spans(mp, &kr->current, "current 2.3 percent level");
	check_value_spans(mp, &kr->demand, "5 percent of GDP");
	assert_true(kr->current.present);
	assert_near(kr->current.value, 2.3, 1e-9);
	assert_int_equal(kr->current.cmp, FIG_EQ);
	/* The demand quote must be the "5 percent of GDP" of South Korea's
	 * sentence, not the tail of Japan's "3.5 percent of GDP". */
	const char *kr_sentence = strstr((const char *)mp->doc.text, "defense budget to 5 percent");
	assert_non_null(kr_sentence);
	assert_true(kr->demand.qstart > (size_t)(kr_sentence - (const char *)mp->doc.text));
	assert_true(kr->demand.present);
	assert_near(kr->demand.value, 5, 1e-9);
	assert_int_equal(kr->demand.cmp, FIG_EQ);

	/* The measures keep their parties; a quote with no figure invents none. */
	assert_true(c->nmeasures >= 3);
	int with = 0, without = 0;
	for (size_t i = 0; i < c->nmeasures; i++) {
		assert_true(c->measures[i].nparties >= 1);
		for (size_t k = 0; k < c->measures[i].nparties; k++)
			assert_true(c->measures[i].parties[k] >= 0);
		if (c->measures[i].v.present)
			with++;
		else
			without++;
	}
	assert_true(with >= 1);
	assert_true(without >= 1);
}

static void test_bundled_gaps(void **state)
{
	struct model *mp = *state;
	const struct cmp_model *c = &mp->cmps[0];
	struct cmp_gap g;
	assert_int_equal(compare_gap(row_of(mp, c, "Japan"), &g), 1);
	assert_near(g.diff, 1.5, 1e-9);
	assert_near(g.ratio, 1.75, 1e-9);
	/* "less than 2" is strict: the gap is more than 1.5, never 1.5. */
	assert_int_equal(g.bound, GAP_MORE_THAN);
	assert_int_equal(compare_gap(row_of(mp, c, "South Korea"), &g), 1);
	assert_near(g.diff, 2.7, 1e-9);
	assert_near(g.ratio, 5 / 2.3, 1e-9);
	assert_near(g.ratio, 2.1739, 1e-4);
	assert_int_equal(g.bound, GAP_EXACT);
	assert_near(compare_axis_max(c), 5, 1e-9);
}

static struct cmp_row_model row(double cur, enum fig_cmp cc, double dem, enum fig_cmp dc)
{
	struct cmp_row_model r;
	memset(&r, 0, sizeof r);
	r.current = (struct cmp_value){ .present = 1, .value = cur, .cmp = cc, .unit = "%" };
	r.demand = (struct cmp_value){ .present = 1, .value = dem, .cmp = dc, .unit = "%" };
	return r;
}

static void test_gap_bounds(void **state)
{
	(void)state;
	static const struct {
		enum fig_cmp cur, dem;
		enum gap_bound want;
	} cases[] = {
		{ FIG_EQ, FIG_EQ, GAP_EXACT },
		{ FIG_LT, FIG_EQ, GAP_MORE_THAN },    /* less now: the gap is larger, strictly */
		{ FIG_LE, FIG_EQ, GAP_OR_MORE },      /* at most now: it may be the gap itself */
		{ FIG_GT, FIG_EQ, GAP_LESS_THAN },
		{ FIG_GE, FIG_EQ, GAP_OR_LESS },
		{ FIG_EQ, FIG_LT, GAP_LESS_THAN },    /* less demanded: the gap is smaller */
		{ FIG_EQ, FIG_LE, GAP_OR_LESS },
		{ FIG_EQ, FIG_GE, GAP_OR_MORE },
		{ FIG_EQ, FIG_GT, GAP_MORE_THAN },
		{ FIG_LT, FIG_GT, GAP_MORE_THAN },    /* both push the same way */
		{ FIG_LE, FIG_GE, GAP_OR_MORE },      /* ... and both may be reached */
		{ FIG_LE, FIG_GT, GAP_MORE_THAN },    /* one strict: the sum is strict */
		{ FIG_GT, FIG_LT, GAP_LESS_THAN },
		{ FIG_GE, FIG_LE, GAP_OR_LESS },
		{ FIG_LT, FIG_LT, GAP_UNKNOWN },      /* pulling both ways */
		{ FIG_GT, FIG_GT, GAP_UNKNOWN },
		{ FIG_LE, FIG_LE, GAP_UNKNOWN },
		{ FIG_APPROX, FIG_EQ, GAP_ABOUT },
		{ FIG_EQ, FIG_APPROX, GAP_ABOUT },
		{ FIG_APPROX, FIG_APPROX, GAP_ABOUT },
		{ FIG_APPROX, FIG_LT, GAP_LESS_THAN },
		{ FIG_LT, FIG_APPROX, GAP_MORE_THAN },
		{ FIG_APPROX, FIG_LE, GAP_OR_LESS },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cmp_row_model r = row(2.3, cases[i].cur, 5, cases[i].dem);
		struct cmp_gap g;
		assert_int_equal(compare_gap(&r, &g), 1);
		if (g.bound != cases[i].want)
			fail_msg("case %zu (%s, %s): bound %d, expected %d", i,
				 fig_cmp_symbol(cases[i].cur), fig_cmp_symbol(cases[i].dem),
				 g.bound, cases[i].want);
		assert_near(g.diff, 2.7, 1e-9);
		assert_near(g.ratio, 5 / 2.3, 1e-12);
	}
}

static void test_gap_edges(void **state)
{
	(void)state;
	struct cmp_gap g;
	/* A missing side: no gap, and g is cleared rather than left stale. */
	struct cmp_row_model r = row(2, FIG_EQ, 3, FIG_EQ);
	r.demand.present = 0;
	memset(&g, 0x7f, sizeof g);
	assert_int_equal(compare_gap(&r, &g), 0);
	assert_near(g.diff, 0, 0);
	r = row(2, FIG_EQ, 3, FIG_EQ);
	r.current.present = 0;
	assert_int_equal(compare_gap(&r, &g), 0);
	/* Current 0: ratio 0, never infinite. */
	r = row(0, FIG_EQ, 3, FIG_EQ);
	assert_int_equal(compare_gap(&r, &g), 1);
	assert_near(g.diff, 3, 1e-12);
	assert_near(g.ratio, 0, 0);
	/* A demand lower than the current level: negative difference. */
	r = row(4, FIG_EQ, 3, FIG_EQ);
	assert_int_equal(compare_gap(&r, &g), 1);
	assert_near(g.diff, -1, 1e-12);
	assert_near(g.ratio, 0.75, 1e-12);

	assert_string_equal(gap_bound_words(GAP_EXACT), "");
	assert_string_equal(gap_bound_words(GAP_OR_MORE), "or more");
	assert_string_equal(gap_bound_words(GAP_OR_LESS), "or less");
	assert_string_equal(gap_bound_words(GAP_ABOUT), "about");
	assert_string_equal(gap_bound_words(GAP_MORE_THAN), "more than");
	assert_string_equal(gap_bound_words(GAP_LESS_THAN), "less than");
	assert_true(strlen(gap_bound_words(GAP_UNKNOWN)) > 0);
	assert_true(gap_bound_before(GAP_MORE_THAN) && gap_bound_before(GAP_LESS_THAN)
		    && gap_bound_before(GAP_ABOUT));
	assert_false(gap_bound_before(GAP_OR_MORE) || gap_bound_before(GAP_OR_LESS)
		     || gap_bound_before(GAP_EXACT));
}

static void test_axis_max(void **state)
{
	(void)state;
	struct cmp_row_model rows[3] = { row(2, FIG_LT, 3.5, FIG_EQ), row(2.3, FIG_EQ, 5, FIG_EQ),
					 row(9, FIG_EQ, 1, FIG_EQ) };
	rows[2].current.present = 0;               /* absent values do not count */
	struct cmp_model c;
	memset(&c, 0, sizeof c);
	c.rows = rows;
	c.nrows = 3;
	assert_near(compare_axis_max(&c), 5, 1e-12);
	c.nrows = 1;
	assert_near(compare_axis_max(&c), 3.5, 1e-12);
	c.nrows = 0;
	assert_near(compare_axis_max(&c), 0, 0);
}

/* A small deterministic generator, so a failure repeats. */
static uint32_t rnd_state = 12345;
static double rnd(double max)
{
	rnd_state = rnd_state * 1664525u + 1013904223u;
	return (double)(rnd_state >> 8) / (double)(1u << 24) * max;
}

static void test_bar_cells(void **state)
{
	(void)state;
	assert_int_equal(chart_bar_cells(0, 5, 40), 0);
	assert_int_equal(chart_bar_cells(-1, 5, 40), 0);
	assert_int_equal(chart_bar_cells(5, 0, 40), 0);
	assert_int_equal(chart_bar_cells(NAN, 5, 40), 0);
	assert_int_equal(chart_bar_cells(5, 5, 0), 0);
	/* A number of hundreds of digits reads as infinity, and is then the
	 * axis' maximum too: inf / inf is NaN, which must not reach the
	 * conversion to int (undefined); the largest value fills the bar. */
	assert_int_equal(chart_bar_cells(INFINITY, INFINITY, 40), 40);
	assert_int_equal(chart_bar_cells(5, INFINITY, 40), 1);
	for (int cells = 1; cells <= 200; cells++) {
		assert_int_equal(chart_bar_cells(5, 5, cells), cells);      /* max: all */
		assert_int_equal(chart_bar_cells(7, 5, cells), cells);      /* past max: clipped */
		int half = chart_bar_cells(2.5, 5, cells);
		if (abs(2 * half - cells) > 1 && cells > 1)
			fail_msg("half of %d cells is %d", cells, half);
		/* Any positive value shows. */
		assert_true(chart_bar_cells(1e-9, 5, cells) >= 1);
	}
	assert_int_equal(chart_bar_cells(3.5, 5, 51), 36);               /* 35.7 */
	/* Monotonic and proportional for random pairs. */
	for (int i = 0; i < 20000; i++) {
		double max = 0.01 + rnd(1000);
		double a = rnd(max * 1.2), b = rnd(max * 1.2);
		int cells = 1 + (int)rnd(150);
		if (a > b) {
			double t = a;
			a = b;
			b = t;
		}
		int ca = chart_bar_cells(a, max, cells), cb = chart_bar_cells(b, max, cells);
		if (ca > cb)
			fail_msg("%g < %g on %g over %d cells: %d > %d", a, b, max, cells, ca, cb);
		assert_true(ca >= 0 && cb <= cells);
		double ideal = (b > max ? max : b) / max * cells;
		if (b > 0 && fabs(cb - ideal) > 1.0)
			fail_msg("%g of %g over %d cells: %d, ideal %.2f", b, max, cells, cb, ideal);
	}
}

static void test_format(void **state)
{
	(void)state;
	struct buf b = { 0 };
	struct cmp_value v = { .present = 1, .value = 2, .cmp = FIG_LT };
	chart_format_value(&b, &v, 1);
	assert_string_equal(b.data, "<2.0");
	buf_reset(&b);
	v = (struct cmp_value){ .present = 1, .value = 2.3, .cmp = FIG_EQ };
	chart_format_value(&b, &v, 1);
	assert_string_equal(b.data, "2.3");
	buf_reset(&b);
	v = (struct cmp_value){ .present = 0, .value = 7 };
	chart_format_value(&b, &v, 1);
	assert_null(strchr(b.data, '7'));                  /* nothing invented */
	assert_true(b.len > 0);
	buf_reset(&b);
	v = (struct cmp_value){ .present = 1, .value = 4e9, .cmp = FIG_GE };
	chart_format_value(&b, &v, 0);
	assert_string_equal(b.data, "\xe2\x89\xa5" "4.0bn");   /* ≥, scaled */
	buf_reset(&b);
	chart_format_value(&b, &v, 1);
	assert_string_equal(b.data, ">=4.0bn");
	buf_reset(&b);
	/* A number of hundreds of digits reads as infinity: not scaled. */
	v = (struct cmp_value){ .present = 1, .value = INFINITY, .cmp = FIG_EQ };
	chart_format_value(&b, &v, 1);
	assert_string_equal(b.data, "inf");
	buf_reset(&b);

	/* "less than 2" against 3.5: strictly more than 1.5 (issue 19). */
	struct cmp_gap g = { .diff = 1.5, .ratio = 1.75, .bound = GAP_MORE_THAN };
	chart_format_gap(&b, &g, "% of GDP", 0);
	assert_string_equal(b.data, "more than +1.5 pp, more than \xc3\x97" "1.75");
	buf_reset(&b);
	chart_format_gap(&b, &g, "% of GDP", 1);
	assert_string_equal(b.data, "more than +1.5 pp, more than x1.75");
	buf_reset(&b);
	/* "at most 2" against 3.5: 1.5 itself is possible. */
	g = (struct cmp_gap){ .diff = 1.5, .ratio = 1.75, .bound = GAP_OR_MORE };
	chart_format_gap(&b, &g, "% of GDP", 1);
	assert_string_equal(b.data, "+1.5 pp or more, x1.75 or more");
	buf_reset(&b);
	g = (struct cmp_gap){ .diff = 1, .ratio = 1.5, .bound = GAP_LESS_THAN };
	chart_format_gap(&b, &g, "%", 1);
	assert_string_equal(b.data, "less than +1.0 pp, less than x1.50");
	buf_reset(&b);
	g = (struct cmp_gap){ .diff = 2.7, .ratio = 5 / 2.3, .bound = GAP_EXACT };
	chart_format_gap(&b, &g, "%", 0);
	assert_string_equal(b.data, "+2.7 pp, \xc3\x97" "2.17");
	buf_reset(&b);
	g = (struct cmp_gap){ .diff = -1, .ratio = 0, .bound = GAP_EXACT };
	chart_format_gap(&b, &g, "%", 1);
	assert_string_equal(b.data, "-1.0 pp");
	buf_reset(&b);
	g = (struct cmp_gap){ .diff = -INFINITY, .ratio = 0, .bound = GAP_EXACT };
	chart_format_gap(&b, &g, "%", 1);
	assert_string_equal(b.data, "-inf pp");
	buf_reset(&b);
	/* A range is both its ends, and so is its gap (issue 17). */
	v = (struct cmp_value){ .present = 1, .value = 2, .high = 3, .range = 1, .cmp = FIG_EQ };
	chart_format_value(&b, &v, 0);
	assert_string_equal(b.data, "2.0\xe2\x80\x93" "3.0");
	buf_reset(&b);
	chart_format_value(&b, &v, 1);
	assert_string_equal(b.data, "2.0-3.0");
	buf_reset(&b);
	g = (struct cmp_gap){ .diff = 2, .diff_hi = 3, .range = 1, .bound = GAP_EXACT };
	chart_format_gap(&b, &g, "%", 1);
	assert_string_equal(b.data, "+2.0 to +3.0 pp");
	buf_reset(&b);
	g = (struct cmp_gap){ .diff = 1.5, .ratio = 1.75, .bound = GAP_ABOUT };
	chart_format_gap(&b, &g, "%", 1);
	assert_non_null(strstr(b.data, "about +1.5 pp"));
	assert_non_null(strstr(b.data, "1.75"));
	buf_free(&b);
}

/* Line k of a chart. */
static const char *cline(const struct chart *c, size_t k)
{
	assert_true(k < c->n);
	assert_true(c->v[k].text < c->text.len);
	return c->text.data + c->v[k].text;
}

static int chart_has(const struct chart *c, const char *needle)
{
	for (size_t k = 0; k < c->n; k++)
		if (strstr(cline(c, k), needle))
			return 1;
	return 0;
}

static void dump_chart(const struct chart *c)
{
	for (size_t k = 0; k < c->n; k++)
		print_message("  %d| %s\n", c->v[k].item, cline(c, k));
}

static void expect_in_chart(const struct chart *c, const char *needle)
{
	if (!chart_has(c, needle)) {
		dump_chart(c);
		fail_msg("chart lacks '%s'", needle);
	}
}

static void test_chart_wide(void **state)
{
	struct model *mp = *state;
	struct chart c;
	chart_build(&c, &mp->cmps[0], &mp->annot, 80, 0);
	assert_int_equal(c.v[0].item, CHART_TITLE);
	assert_non_null(strstr(cline(&c, 0), "Defense spending"));
	expect_in_chart(&c, "<2.0");
	expect_in_chart(&c, "more than +1.5 pp");
	expect_in_chart(&c, "more than \xc3\x97" "1.75");
	/* "pp" is said once, under the rows. */
	expect_in_chart(&c, "pp: percentage points");
	expect_in_chart(&c, "+2.7 pp");
	expect_in_chart(&c, "\xc3\x97" "2.17");
	int bars = 0;
	for (size_t k = 0; k < c.n; k++) {
		const struct chart_line *l = &c.v[k];
		const char *t = cline(&c, k);
		if (l->item == CHART_CURRENT || l->item == CHART_DEMAND) {
			/* Bars fit the width; the source span is the row's quote. */
			int w = layout_width((const uint8_t *)t, 0, strlen(t));
			if (w > 80)
				fail_msg("line %zu is %d columns: %s", k, w, t);
			assert_true(l->bar_end > l->bar);
			assert_true(l->bar_end <= strlen(t));
			assert_true(l->qend > l->qstart);
			bars++;
		}
	}
	assert_int_equal(bars, 4);
	/* Japan's "less than 2" is an upper bound: shaded all along, with no
	 * solid end and no arrow; an exact value is solid and closed. */
	for (size_t k = 0; k < c.n; k++) {
		const struct chart_line *l = &c.v[k];
		if (l->item != CHART_CURRENT || l->bar_end == l->bar)
			continue;
		const char *bar = cline(&c, k) + l->bar;
		size_t blen = l->bar_end - l->bar;
		int open = blen >= 3 && memcmp(bar + blen - 3, "\xe2\x96\xb8", 3) == 0;
		if (strstr(cline(&c, k), "<2.0")) {
			assert_false(open);
			assert_true(blen % 3 == 0 && blen > 0);
			for (size_t i = 0; i < blen; i += 3)
				assert_memory_equal(bar + i, "\xe2\x96\x91", 3);  /* all shaded */
		} else {
			assert_false(open);
		}
	}
	/* The largest value (5, South Korea's demand) gets the longest bar. */
	size_t longest = 0, longest_k = 0;
	for (size_t k = 0; k < c.n; k++)
		if (c.v[k].bar_end - c.v[k].bar > longest) {
			longest = c.v[k].bar_end - c.v[k].bar;
			longest_k = k;
		}
	assert_int_equal(c.v[longest_k].item, CHART_DEMAND);
	const struct cmp_row_model *kr = row_of(mp, &mp->cmps[0], "South Korea");
	assert_int_equal(c.v[longest_k].qstart, kr->demand.qstart);
	chart_free(&c);
}

/* Line k with the lines wrapped under it joined back, indentation dropped. */
static char *logical_line(const struct chart *c, size_t k)
{
	struct buf b = { 0 };
	buf_adds(&b, c->text.data + c->v[k].text);
	for (size_t j = k + 1; j < c->n && c->v[j].cont; j++) {
		const char *t = c->text.data + c->v[j].text;
		while (*t == ' ')
			t++;
		buf_printf(&b, " %s", t);
	}
	return b.data;
}

static void test_chart_narrow_list(void **state)
{
	struct model *mp = *state;
	struct chart c;
	chart_build(&c, &mp->cmps[0], &mp->annot, 30, 0);
	int japan = 0, korea = 0;
	for (size_t k = 0; k < c.n; k++) {
		/* Every line fits the width; wrapped ones are joined to check. */
		int w = layout_width((const uint8_t *)cline(&c, k), 0, strlen(cline(&c, k)));
		if (w > 30)
			fail_msg("line %zu is %d columns wide", k, w);
		assert_int_equal(c.v[k].bar_end, c.v[k].bar);        /* no bars */
		if (c.v[k].item == CHART_MEASURE || c.v[k].cont)
			continue;
		char *joined = logical_line(&c, k);
		const char *t = joined;
		if (strncmp(t, "Japan: ", 7) == 0) {
			japan++;
			if (!starts_with(t, "Japan: <2.0 \xe2\x86\x92 3.5 % of GDP"))
				fail_msg("Japan line: '%s'", t);
			assert_non_null(strstr(t, "more than +1.5 pp"));
		}
		if (strncmp(t, "South Korea: ", 13) == 0) {
			korea++;
			if (!starts_with(t, "South Korea: 2.3 \xe2\x86\x92 5.0 % of GDP"))
				fail_msg("South Korea line: '%s'", t);
			assert_non_null(strstr(t, "+2.7 pp"));
		}
		free(joined);
	}
	assert_int_equal(japan, 1);
	assert_int_equal(korea, 1);
	chart_free(&c);
}

static void assert_chart_ascii(const struct chart *c, const char *allowed)
{
	for (size_t k = 0; k < c->n; k++) {
		const char *t = cline(c, k);
		/* Blank out the allowed (party) name, then check every byte. */
		char *copy = xstrdup(t);
		char *p;
		while (allowed && (p = strstr(copy, allowed)) != NULL)
			memset(p, 'N', strlen(allowed));
		for (const char *q = copy; *q; q++)
			if ((unsigned char)*q >= 0x80)
				fail_msg("byte 0x%02x in ascii chart line: %s", (unsigned char)*q, t);
		free(copy);
	}
}

static void test_chart_ascii(void **state)
{
	struct model *mp = *state;
	for (int width = 20; width <= 140; width += 5) {
		struct chart c;
		chart_build(&c, &mp->cmps[0], &mp->annot, width, 1);
		assert_chart_ascii(&c, NULL);
		chart_free(&c);
	}
	struct chart c;
	chart_build(&c, &mp->cmps[0], &mp->annot, 80, 1);
	expect_in_chart(&c, "more than x1.75");
	chart_free(&c);
}

static void test_chart_ascii_party_name(void **state)
{
	(void)state;
	/* A non-ASCII party name is the only non-ASCII text. */
	struct chart c;
	struct tmp_model t;
	open_tmp(&t,
		 "\xc3\x96sterreich spends less than 1 percent and should spend 2 percent.\n",
		 "actor at country \"\xc3\x96sterreich\"\n"
		 "comparison d \"Defense\"\n"
		 "  row at current \"less than 1 percent\" demand \"2 percent\"\n");
	for (int width = 20; width <= 100; width += 10) {
		chart_build(&c, &t.m.cmps[0], &t.m.annot, width, 1);
		expect_in_chart(&c, "\xc3\x96sterreich");
		assert_chart_ascii(&c, "\xc3\x96sterreich");
		chart_free(&c);
	}
	close_tmp(&t);
}

/* A range in a quote is charted as a range: both ends shown, the bar solid
 * to the low end and shaded to the high, the gap from one end to the
 * other (issue 17: today the high end was never read). */
static void test_range_row(void **state)
{
	(void)state;
	struct tmp_model t;
	open_tmp(&t,
		 "Defence\n"
		 "\n"
		 "Delta spends 2-3 percent of GDP and is asked for 5 percent of GDP.\n",
		 "actor delta country \"Delta\"\n"
		 "comparison def \"Defence\"\n"
		 "  row delta current \"spends 2-3 percent of GDP\" demand \"for 5 percent of GDP\"\n");
	const struct cmp_model *c = &t.m.cmps[0];
	const struct cmp_row_model *r = row_of(&t.m, c, "Delta");
	assert_true(r->current.present && r->current.range);
	assert_true(fabs(r->current.value - 2) < 1e-9 && fabs(r->current.high - 3) < 1e-9);
	assert_true(fabs(compare_axis_max(c) - 5) < 1e-9);
	struct cmp_gap g;
	assert_true(compare_gap(r, &g));
	assert_true(g.range && fabs(g.diff - 2) < 1e-9 && fabs(g.diff_hi - 3) < 1e-9);
	assert_true(!(g.ratio > 0));
	struct chart ch;
	chart_build(&ch, c, &t.m.annot, 80, 1);
	expect_in_chart(&ch, "current 2.0-3.0 ");
	expect_in_chart(&ch, "gap     +2.0 to +3.0 pp");
	/* The current bar: solid to 2, shaded on to 3. */
	int seen = 0;
	for (size_t k = 0; k < ch.n; k++)
		if (ch.v[k].item == CHART_CURRENT && ch.v[k].bar_end > ch.v[k].bar) {
			const char *bar = cline(&ch, k) + ch.v[k].bar;
			size_t solid = strspn(bar, "="), shaded = strspn(bar + solid, "-");
			assert_true(solid > 0 && shaded > 0 && bar[solid + shaded] == '\0');
			assert_true(solid * 3 <= (solid + shaded) * 2 + 1);
			seen = 1;
		}
	assert_true(seen);
	chart_free(&ch);
	close_tmp(&t);
}

/* A value wider than usual (">50000.0") must not push a bar past the width
 * nor leave a bar marked on a line it was wrapped off. */
static void test_wide_values_fit(void **state)
{
	(void)state;
	struct tmp_model t;
	open_tmp(&t,
		 "Troops\n"
		 "\n"
		 "Gamma keeps 28,500 troops and is asked for more than 50,000 troops.\n",
		 "actor gamma country \"Gamma\"\n"
		 "comparison troops \"Troops\"\n"
		 "  row gamma current \"keeps 28,500 troops\" demand \"more than 50,000 troops\"\n");
	const struct cmp_model *c = &t.m.cmps[0];
	const struct cmp_row_model *g = row_of(&t.m, c, "Gamma");
	assert_true(g->demand.present);
	assert_int_equal(g->demand.cmp, FIG_GT);
	for (int width = 20; width <= 120; width++) {
		struct chart ch;
		chart_build(&ch, c, &t.m.annot, width, 0);
		for (size_t k = 0; k < ch.n; k++) {
			const char *line = cline(&ch, k);
			size_t len = strlen(line);
			int w = layout_width((const uint8_t *)line, 0, len);
			if (w > width)
				fail_msg("width %d: line %zu is %d columns: %s", width, k, w, line);
			assert_true(ch.v[k].bar <= ch.v[k].bar_end);
			assert_true(ch.v[k].bar_end <= len);
		}
		chart_free(&ch);
	}
	close_tmp(&t);
}

static void test_mixed_units(void **state)
{
	(void)state;
	struct tmp_model t;
	open_tmp(&t,
		 "Aid talks\n"
		 "\n"
		 "Alpha gives 5 percent now and is asked for 7 percent. Beta gives $3 billion\n"
		 "and is asked for $4 billion.\n",
		 "actor alpha country \"Alpha\"\n"
		 "actor beta country \"Beta\"\n"
		 "comparison aid \"Aid\"\n"
		 "  row alpha current \"5 percent\" demand \"7 percent\"\n"
		 "  row beta current \"$3 billion\" demand \"$4 billion\"\n");
	const struct cmp_model *c = &t.m.cmps[0];
	assert_int_equal(c->nrows, 2);
	const struct cmp_row_model *beta = row_of(&t.m, c, "Beta");
	assert_true(beta->current.present);
	assert_near(beta->current.value, 3e9, 1);
	assert_int_equal(c->mixed, 1);
	assert_non_null(c->mixed_why);
	assert_non_null(strstr(c->mixed_why, "Alpha"));
	assert_non_null(strstr(c->mixed_why, "Beta"));
	for (int width = 30; width <= 200; width += 10) {
		struct chart ch;
		chart_build(&ch, c, &t.m.annot, width, 0);
		int notes = 0;
		for (size_t k = 0; k < ch.n; k++) {
			if (ch.v[k].item == CHART_NOTE && !ch.v[k].cont) {
				notes++;
				char *joined = logical_line(&ch, k);
				assert_string_equal(joined, c->mixed_why);
				free(joined);
			}
			/* Never a bar on an axis the units do not share, nor a gap. */
			assert_int_equal(ch.v[k].bar_end, ch.v[k].bar);
			assert_int_not_equal(ch.v[k].item, CHART_GAP);
		}
		assert_int_equal(notes, 1);
		assert_false(chart_has(&ch, " pp"));
		chart_free(&ch);
	}
	close_tmp(&t);
}

static void test_units_same_base(void **state)
{
	(void)state;
	/* "%" and "% of GDP" share a base: charted, under the declared unit. */
	struct tmp_model t;
	open_tmp(&t,
		 "Alpha spends 1.5 percent of GDP and is asked for 3 percent. Beta spends\n"
		 "about 2 percent and is asked for 4 percent of GDP.\n",
		 "actor alpha country \"Alpha\"\n"
		 "actor beta country \"Beta\"\n"
		 "comparison d \"Defense\"\n"
		 "  unit \"% of GDP\"\n"
		 "  row alpha current \"1.5 percent of GDP\" demand \"3 percent\"\n"
		 "  row beta current \"about 2 percent\" demand \"4 percent of GDP\"\n");
	const struct cmp_model *c = &t.m.cmps[0];
	assert_int_equal(c->mixed, 0);
	assert_string_equal(c->unit, "% of GDP");
	const struct cmp_row_model *beta = row_of(&t.m, c, "Beta");
	assert_int_equal(beta->current.cmp, FIG_APPROX);
	struct cmp_gap g;
	assert_int_equal(compare_gap(beta, &g), 1);
	assert_int_equal(g.bound, GAP_ABOUT);
	struct chart ch;
	chart_build(&ch, c, &t.m.annot, 80, 0);
	expect_in_chart(&ch, "+1.5 pp");
	expect_in_chart(&ch, "about +2.0 pp");
	chart_free(&ch);
	close_tmp(&t);

	/* A date inside a quote is not its value. */
	open_tmp(&t, "In 2024 Alpha spent 2 percent and in 2026 it should spend 3 percent.\n",
		 "actor alpha country \"Alpha\"\n"
		 "comparison d \"Defense\"\n"
		 "  row alpha current \"In 2024 Alpha spent 2 percent\" demand \"in 2026 it should spend 3 percent\"\n");
	assert_true(t.m.cmps[0].rows[0].current.present);
	assert_near(t.m.cmps[0].rows[0].current.value, 2, 1e-12);
	assert_near(t.m.cmps[0].rows[0].demand.value, 3, 1e-12);
	close_tmp(&t);

	/* No declared unit: the first value's. */
	open_tmp(&t, "Alpha gives 5 percent and should give 6 percent.\n",
		 "actor alpha country \"Alpha\"\n"
		 "comparison d \"Aid\"\n"
		 "  row alpha current \"gives 5 percent\" demand \"6 percent\"\n");
	assert_int_equal(t.m.cmps[0].mixed, 0);
	assert_non_null(t.m.cmps[0].unit);
	assert_string_equal(t.m.cmps[0].unit, "%");
	close_tmp(&t);
}

static void test_quote_without_figure(void **state)
{
	(void)state;
	struct tmp_model t;
	open_tmp(&t, "Alpha spends little now and is asked for 4 percent.\n",
		 "actor alpha country \"Alpha\"\n"
		 "comparison d \"Defense\"\n"
		 "  row alpha current \"spends little\" demand \"4 percent\"\n");
	const struct cmp_row_model *r = &t.m.cmps[0].rows[0];
	assert_false(r->current.present);
	assert_true(r->current.qend > r->current.qstart);    /* the source is kept */
	assert_true(r->demand.present);
	struct cmp_gap g;
	assert_int_equal(compare_gap(r, &g), 0);
	struct chart ch;
	chart_build(&ch, &t.m.cmps[0], &t.m.annot, 80, 0);
	assert_false(chart_has(&ch, " pp"));
	for (size_t k = 0; k < ch.n; k++)
		if (ch.v[k].item == CHART_CURRENT)
			assert_int_equal(ch.v[k].bar_end, ch.v[k].bar);
	chart_free(&ch);
	close_tmp(&t);
}

/* A lazily opened file whose quote lies on the last line of the first
 * checked slice: the figures around the quote are looked for on its own
 * lines, not in the whole unchecked rest of the file. */
static void test_value_scan_stays_in_checked_part(void **state)
{
	(void)state;
	struct buf art = { 0 };
	while (art.len < 65000)
		buf_adds(&art, "Plain words without any figure in them at all.\n");
	/* This line holds byte 65536, where the first slice is cut. */
	while (art.len < 65536 - 20)
		buf_addc(&art, 'x');
	buf_adds(&art, " Alpha spends 2 percent now, and a long line goes on past the cut.\n");
	for (int k = 0; k < 2000; k++)
		buf_adds(&art, "Later lines say 9 percent again and again.\n");
	struct tmp_model t;
	open_tmp(&t, art.data,
		 "actor alpha country \"Alpha\"\n"
		 "comparison d \"Defense\"\n"
		 "  row alpha current \"2 percent\" demand \"2 percent\"\n");
	buf_free(&art);
	const struct cmp_row_model *r = &t.m.cmps[0].rows[0];
	assert_true(r->current.present);
	assert_near(r->current.value, 2, 1e-9);
	/* Two quotes on one line: that line's figure, twice at most. */
	assert_true(t.m.cmps[0].figs.n <= 2);
	close_tmp(&t);
}

/* Issue 19: the chart keeps the text's hedges, says "by ?" and "by X?"
 * (inherited), lists a derived current level without drawing it, says
 * "target" for a target, and marks a unit taken from the partner. */
static void test_chart_hedges_and_marks(void **state)
{
	(void)state;
	struct tmp_model t;
	open_tmp(&t,
		 "The Union reportedly asks Aland to raise its levy from 2 percent of GDP to 3 "
		 "percent. Bland has been asked to lift it to 4 percent of GDP. Washington demanded "
		 "that Cland quintuple its contribution to $5 billion. Dland pays 1 percent; "
		 "its target is 2 percent.\n",
		 "actor union organization \"Union\"\n"
		 "actor aland country \"Aland\"\nactor bland country \"Bland\"\n"
		 "actor cland country \"Cland\"\nactor dland country \"Dland\"\n"
		 "actor us country \"US\"\n  alias \"Washington\"\n"
		 "comparison levy \"Levy\"\n  by union\n"
		 "  row aland current \"from 2 percent of GDP\" demand \"3 percent\"\n"
		 "    hedge \"reportedly\"\n"
		 "  row bland current \"2 percent of GDP\" demand \"4 percent of GDP\"\n"
		 "    hedge \"has been asked\"\n    demander union inherited\n"
		 "  row dland current \"1 percent\" target \"is 2 percent\"\n    demander ?\n"
		 "comparison contribution \"Contribution\"\n  by us\n"
		 "  row cland derived \"quintuple\" demand \"$5 billion\"\n");
	const struct cmp_model *lv = &t.m.cmps[0], *ct = &t.m.cmps[1];
	/* "3 percent" takes "% of GDP" from "2 percent of GDP": inherited. */
	assert_true(lv->rows[0].demand.unit_inherited);
	assert_false(lv->rows[0].current.unit_inherited);
	assert_true(lv->rows[1].by_inherited);
	assert_true(lv->rows[2].by_unknown);
	assert_int_equal(lv->rows[2].by, -1);
	/* the derived current: the demand over five, never drawn */
	const struct cmp_row_model *cr = &ct->rows[0];
	assert_true(cr->current.present && cr->current.derived);
	assert_true(fabs(cr->current.value - 1e9) < 1);
	assert_true(fabs(cr->current.factor - 5) < 1e-9);
	struct cmp_gap g;
	assert_int_equal(compare_gap(cr, &g), 0);
	assert_true(fabs(compare_axis_max(ct) - 5e9) < 1);
	for (int width = 60; width <= 120; width += 60) {
		struct chart c;
		chart_build(&c, lv, &t.m.annot, width, 0);
		expect_in_chart(&c, "reportedly");
		expect_in_chart(&c, "has been asked, by Union?");
		expect_in_chart(&c, "by ?");
		expect_in_chart(&c, "target  2.0");
		expect_in_chart(&c, "3.0*");
		expect_in_chart(&c, "* the text gives this value's unit only");
		expect_in_chart(&c, "Union?: the text does not say who asks here");
		chart_free(&c);
		chart_build(&c, ct, &t.m.annot, width, 0);
		expect_in_chart(&c, "derived: the demand \xc3\xb7 5");
		for (size_t k = 0; k < c.n; k++)
			if (c.v[k].item == CHART_CURRENT)
				assert_int_equal(c.v[k].bar_end, c.v[k].bar);   /* no bar */
		chart_free(&c);
		chart_build(&c, ct, &t.m.annot, width, 1);
		expect_in_chart(&c, "derived: the demand / 5");
		chart_free(&c);
	}
	/* Narrow: the list form says the same. */
	struct chart c;
	chart_build(&c, ct, &t.m.annot, 30, 0);
	expect_in_chart(&c, "(derived)");
	chart_free(&c);
	close_tmp(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_bundled_values, setup_bundled, teardown_model),
		cmocka_unit_test_setup_teardown(test_bundled_gaps, setup_bundled, teardown_model),
		cmocka_unit_test(test_gap_bounds),
		cmocka_unit_test(test_gap_edges),
		cmocka_unit_test(test_axis_max),
		cmocka_unit_test(test_bar_cells),
		cmocka_unit_test(test_format),
		cmocka_unit_test_setup_teardown(test_chart_wide, setup_bundled, teardown_model),
		cmocka_unit_test_setup_teardown(test_chart_narrow_list, setup_bundled, teardown_model),
		cmocka_unit_test_setup_teardown(test_chart_ascii, setup_bundled, teardown_model),
		cmocka_unit_test(test_chart_ascii_party_name),
		cmocka_unit_test(test_mixed_units),
		cmocka_unit_test(test_wide_values_fit),
		cmocka_unit_test(test_range_row),
		cmocka_unit_test(test_units_same_base),
		cmocka_unit_test(test_quote_without_figure),
		cmocka_unit_test(test_value_scan_stays_in_checked_part),
		cmocka_unit_test(test_chart_hedges_and_marks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
