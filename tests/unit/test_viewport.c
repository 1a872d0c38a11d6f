/* Unit tests for viewport.c: positions, blank-line squeezing, lazy layout
 * of long lines, jumps, the ]/[ cursor, occurrences and counted, wrapping
 * search, without a terminal. */
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
#include "brief/layout.h"
#include "brief/util.h"
#include "brief/viewport.h"

struct fix {
	struct doc d;
	struct viewport vp;
	char *text;
};

/* Where line i starts: the one place the tests read the line index. */
static size_t line_off(const struct fix *f, size_t i)
{
	return doc_line_start(&f->d, i);
}

/* A viewport of width x height on text, the article starting at line
 * `first`. */
static struct fix *open_text(const char *text, size_t first, int width, int height)
{
	struct fix *f = xcalloc(1, sizeof *f);
	f->text = xstrdup(text);
	assert_int_equal(doc_load_mem(&f->d, "test", (const uint8_t *)f->text, strlen(text)), 0);
	assert_true(first <= f->d.nlines);
	size_t body = first < f->d.nlines ? line_off(f, first) : f->d.len;
	vp_init(&f->vp, &f->d, first, body);
	vp_resize(&f->vp, width, height);
	return f;
}

static void close_fix(struct fix *f)
{
	vp_free(&f->vp);
	doc_free(&f->d);
	free(f->text);
	free(f);
}

static struct vp_pos P(size_t line, size_t sub)
{
	return (struct vp_pos){ line, sub };
}

#define assert_pos(got, l, s)                                                        \
	do {                                                                         \
		struct vp_pos g_ = (got);                                            \
		if (g_.line != (size_t)(l) || g_.sub != (size_t)(s))                 \
			fail_msg("position (%zu, %zu), expected (%zu, %zu)", g_.line, \
				 g_.sub, (size_t)(l), (size_t)(s));                   \
	} while (0)

/* The text of the display line at p. */
static char *row_text(struct fix *f, struct vp_pos p)
{
	const struct lline *ll = vp_lline(&f->vp, p);
	assert_non_null(ll);
	return xstrndup((const char *)f->d.text + ll->start, ll->end - ll->start);
}

static void test_wrap_and_step(void **state)
{
	(void)state;
	struct fix *f = open_text("aaa bbb ccc\nddd\n", 0, 4, 10);
	struct viewport *vp = &f->vp;
	struct vp_pos p = P(0, 0);
	const char *want[] = { "aaa", "bbb", "ccc", "ddd" };
	for (size_t i = 0; i < 4; i++) {
		char *r = row_text(f, p);
		assert_string_equal(r, want[i]);
		free(r);
		if (i < 3)
			assert_true(vp_next(vp, &p));
	}
	assert_pos(p, 1, 0);
	assert_false(vp_next(vp, &p));
	assert_pos(p, 1, 0);
	/* Back is the same way up, and stops at the top. */
	assert_true(vp_prev(vp, &p));
	assert_pos(p, 0, 2);
	assert_int_equal(vp_step(vp, &p, -10), 2);
	assert_pos(p, 0, 0);
	assert_false(vp_prev(vp, &p));
	assert_pos(vp_end(vp), 1, 0);
	close_fix(f);
}

/* A run of blank lines shows as its first; the others have no display
 * lines and no position stands on them. */
static void test_blank_runs_squeezed(void **state)
{
	(void)state;
	struct fix *f = open_text("a\n\n\n\n\nb\n\nc\n", 0, 10, 10);
	struct viewport *vp = &f->vp;
	assert_int_equal(vp_lines(vp, 1, 1)->n, 1);
	for (size_t l = 2; l <= 4; l++)
		assert_int_equal(vp_lines(vp, l, 1)->n, 0);
	struct vp_pos p = P(0, 0);
	size_t seen[8], n = 0;
	do
		seen[n++] = p.line;
	while (vp_next(vp, &p) && n < 8);
	assert_int_equal(n, 5);
	size_t want[] = { 0, 1, 5, 6, 7 };
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(seen[i], want[i]);
	/* Back from b lands on the run's first blank. */
	p = P(5, 0);
	assert_true(vp_prev(vp, &p));
	assert_pos(p, 1, 0);
	/* An offset on a squeezed line stands for the next line that shows. */
	assert_pos(vp_pos_of(vp, line_off(f, 3)), 5, 0);
	close_fix(f);
}

/* Lines above the article's first (web chrome) never show. */
static void test_first_line_hides_chrome(void **state)
{
	(void)state;
	struct fix *f = open_text("menu\nlogin\n\nbody one\nbody two\n", 3, 20, 5);
	struct viewport *vp = &f->vp;
	assert_pos(vp->top, 3, 0);
	struct vp_pos p = vp->top;
	assert_false(vp_prev(vp, &p));
	assert_pos(vp_pos_of(vp, 0), 3, 0);
	vp_scroll(vp, -5);
	assert_pos(vp->top, 3, 0);
	vp_goto_line(vp, 1);
	assert_pos(vp->top, 3, 0);
	close_fix(f);
}

static char *numbered_lines(int n)
{
	struct buf b = { 0 };
	for (int i = 1; i <= n; i++)
		buf_printf(&b, "line %d\n", i);
	return b.data;
}

/* The top never goes so low that the pane would not be full. */
static void test_top_keeps_pane_full(void **state)
{
	(void)state;
	char *text = numbered_lines(10);
	struct fix *f = open_text(text, 0, 20, 4);
	struct viewport *vp = &f->vp;
	vp_scroll(vp, 100);
	assert_pos(vp->top, 6, 0);
	assert_pos(vp_bottom(vp), 9, 0);
	assert_pos(vp_max_top(vp), 6, 0);
	vp_goto_line(vp, 9);
	assert_pos(vp->top, 6, 0);
	vp_scroll(vp, -2);
	assert_pos(vp->top, 4, 0);
	assert_int_equal(vp->anchor, line_off(f, 4));
	vp_goto_end(vp);
	assert_pos(vp->top, 6, 0);
	vp_goto_top(vp);
	assert_pos(vp->top, 0, 0);
	/* A document shorter than the pane stays at its top. */
	vp_resize(vp, 20, 40);
	vp_goto_end(vp);
	assert_pos(vp->top, 0, 0);
	close_fix(f);
	free(text);
}

/* The anchor is where the reader moved to: wrapping again at other widths
 * and back gives the same top, where going by the top line's start would
 * creep back a line at each narrowing. */
static void test_resize_keeps_anchor(void **state)
{
	(void)state;
	struct buf b = { 0 };
	for (int i = 0; i < 60; i++)
		buf_printf(&b, "word%02d ", i);
	buf_adds(&b, "\nlast\n");
	struct fix *f = open_text(b.data, 0, 30, 3);
	struct viewport *vp = &f->vp;
	vp_scroll(vp, 5);
	struct vp_pos before = vp->top;
	size_t anchor = vp->anchor;
	static const int widths[] = { 11, 50, 7, 23, 30 };
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		vp_resize(vp, widths[i], 3);
		assert_int_equal(vp->anchor, anchor);
		/* The anchor is on the top row at every width. */
		const struct lline *ll = vp_lline(vp, vp->top);
		assert_true(ll->start <= anchor);
		struct vp_pos n = vp->top;
		if (vp_next(vp, &n) && n.line == vp->top.line)
			assert_true(anchor < vp_lline(vp, n)->start);
	}
	assert_pos(vp->top, before.line, before.sub);
	/* A restored position is not remembered for ''. */
	vp_set_anchor(vp, line_off(f, 0) + 30);
	assert_int_equal(vp->anchor, line_off(f, 0) + 30);
	assert_pos(vp->top, 0, 1);         /* four words of 7 bytes a row */
	assert_false(vp->has_prev);
	close_fix(f);
	buf_free(&b);
}

/* A long line is laid out only as far as it is read, and its display
 * lines are those of laying it out whole. */
static void test_long_line_lazy(void **state)
{
	(void)state;
	struct buf b = { 0 };
	for (int i = 0; i < 4000; i++)
		buf_printf(&b, "w%d ", i);
	size_t len = b.len;
	buf_adds(&b, "\n");
	struct fix *f = open_text(b.data, 0, 20, 5);
	struct viewport *vp = &f->vp;
	vp->chunk = 256;
	vp->margin = 32;
	vp_resize(vp, 20, 5);
	const struct lines *l = vp_lines(vp, 0, 3);
	assert_true(l->n >= 3);
	assert_true(l->n < 100);
	assert_true(l->v[l->n - 1].end < len / 4);
	struct lines whole = { 0 };
	layout_line(&whole, f->d.text, 0, len, 20);
	/* A jump near the end lays out only as far as that. */
	size_t off = line_off(f, 0) + len - 10;
	vp_goto_off(vp, off);
	struct vp_pos p = vp_pos_of(vp, off);
	assert_true(p.sub < whole.n);
	assert_true(whole.v[p.sub].start <= off);
	assert_true(p.sub + 1 == whole.n || whole.v[p.sub + 1].start > off);
	l = vp_lines(vp, 0, SIZE_MAX);
	assert_int_equal(l->n, whole.n);
	for (size_t i = 0; i < whole.n; i++) {
		assert_int_equal(l->v[i].start, whole.v[i].start);
		assert_int_equal(l->v[i].end, whole.v[i].end);
	}
	assert_pos(vp->top, 0, whole.n - 5);
	lines_free(&whole);
	close_fix(f);
	buf_free(&b);
}

static int stop_after(void *ctx)
{
	int *left = ctx;
	return --*left <= 0;
}

/* "x" on lines 2, 4 and 7 (1-based) of ten. */
#define SEARCH_TEXT "a\nx\nb\nx\nc\nd\nx\ne\nf\ng\n"

static size_t line_of(struct fix *f, size_t off)
{
	return doc_line_at(&f->d, off) + 1;
}

static void test_search_counted_and_wrapping(void **state)
{
	(void)state;
	struct fix *f = open_text(SEARCH_TEXT, 0, 20, 3);
	struct viewport *vp = &f->vp;
	assert_int_equal(vp_search_next(vp, 0, 0, 1, NULL, NULL), VP_NO_SEARCH);
	assert_int_equal(vp_search_set(vp, "X", 1, 0), 0);
	assert_int_equal(vp_search_next(vp, 0, 1, 1, NULL, NULL), VP_FOUND);
	assert_true(vp->has_cursor);
	assert_int_equal(line_of(f, vp->cur_start), 2);
	assert_int_equal(vp->cur_end - vp->cur_start, 1);
	/* n from the cursor: the next one; 2n: two on. */
	assert_int_equal(vp_search_next(vp, 0, 0, 1, NULL, NULL), VP_FOUND);
	assert_int_equal(line_of(f, vp->cur_start), 4);
	assert_int_equal(vp_search_next(vp, 0, 0, 2, NULL, NULL), VP_WRAPPED);
	assert_int_equal(line_of(f, vp->cur_start), 2);
	/* Up, and round the top to the bottom. */
	assert_int_equal(vp_search_next(vp, 1, 0, 1, NULL, NULL), VP_WRAPPED);
	assert_int_equal(line_of(f, vp->cur_start), 7);
	/* A count of whole rounds and one more lands one on, at once: not a
	 * million rounds of steps. */
	int steps = 1 << 30;
	assert_int_equal(vp_search_next(vp, 0, 0, 3 * 1000000 + 1, stop_after, &steps), VP_WRAPPED);
	assert_int_equal(line_of(f, vp->cur_start), 2);
	assert_true((1 << 30) - steps < 10);
	/* Asked after the second step, told to stop: the cursor on the match
	 * that step reached. */
	int left = 1;
	assert_int_equal(vp_search_next(vp, 0, 0, 10, stop_after, &left), VP_STOPPED);
	assert_int_equal(line_of(f, vp->cur_start), 7);
	assert_int_equal(vp_search_set(vp, "zz", 2, 0), 0);
	assert_int_equal(vp_search_next(vp, 0, 1, 1, NULL, NULL), VP_NOT_FOUND);
	/* A pattern that folds to nothing leaves no search. */
	assert_int_equal(vp_search_set(vp, "", 0, 0), -1);
	assert_false(vp->has_search);
	close_fix(f);
}

/* A new search may match at the reference itself, at the very top. */
static void test_search_from_top_matches_first_byte(void **state)
{
	(void)state;
	struct fix *f = open_text("xa\nb\nxc\n", 0, 20, 2);
	struct viewport *vp = &f->vp;
	assert_int_equal(vp_search_set(vp, "x", 1, 0), 0);
	assert_int_equal(vp_search_next(vp, 0, 1, 1, NULL, NULL), VP_FOUND);
	assert_int_equal(vp->cur_start, 0);
	/* Backward from the cursor at the top: round to the last. */
	assert_int_equal(vp_search_next(vp, 1, 0, 1, NULL, NULL), VP_WRAPPED);
	assert_int_equal(vp->cur_start, 5);
	close_fix(f);
	/* Scrolled on, a new search starts at the top row's first byte; a
	 * repeat (n) does not. */
	f = open_text("xa\nxb\nxc\nxd\n", 0, 20, 1);
	vp = &f->vp;
	vp_scroll(vp, 1);
	assert_int_equal(vp_search_set(vp, "x", 1, 0), 0);
	assert_int_equal(vp_search_next(vp, 0, 1, 1, NULL, NULL), VP_FOUND);
	assert_int_equal(vp->cur_start, 3);
	vp->has_cursor = 0;
	assert_int_equal(vp_search_next(vp, 0, 0, 1, NULL, NULL), VP_FOUND);
	assert_int_equal(vp->cur_start, 6);
	close_fix(f);
}

static void test_highlight_cursor(void **state)
{
	(void)state;
	/*          0         1         2         3
	 *          0123456789012345678901234567890123456 */
	const char *text = "Rubio met Ishiba: 25 percent, Rubio\n";
	struct fix *f = open_text(text, 0, 80, 3);
	struct viewport *vp = &f->vp;
	struct mention mv[] = { { 0, 5, 0, 0 }, { 10, 16, 1, 0 }, { 30, 35, 0, 1 } };
	struct mentions mn = { .v = mv, .n = 3 };
	struct figure fv[] = { { .start = 18, .end = 28 }, { .start = 30, .end = 33 } };
	struct figures fs = { .v = fv, .n = 2 };
	/* At the very top the first highlight counts. */
	assert_true(vp_next_highlight(vp, &mn, &fs, 0, 1));
	assert_int_equal(vp->cur_start, 0);
	assert_int_equal(vp->cur_end, 5);
	assert_true(vp_next_highlight(vp, &mn, &fs, 0, 2));
	assert_int_equal(vp->cur_start, 18);
	/* A mention before a figure at the same place. */
	assert_true(vp_next_highlight(vp, &mn, &fs, 0, 1));
	assert_int_equal(vp->cur_start, 30);
	assert_int_equal(vp->cur_end, 35);
	/* None below: nothing moves. */
	assert_false(vp_next_highlight(vp, &mn, &fs, 0, 1));
	assert_int_equal(vp->cur_start, 30);
	/* A count past the first stops on the first. */
	assert_true(vp_next_highlight(vp, &mn, &fs, 1, 99));
	assert_int_equal(vp->cur_start, 0);
	assert_false(vp_next_highlight(vp, &mn, &fs, 1, 1));
	close_fix(f);
}

static void test_occurrences_wrap(void **state)
{
	(void)state;
	char *text = numbered_lines(30);
	struct fix *f = open_text(text, 0, 20, 5);
	struct viewport *vp = &f->vp;
	size_t occ[] = { line_off(f, 2), line_off(f, 10), line_off(f, 20) };
	size_t end[] = { occ[0] + 4, occ[1] + 4, occ[2] + 4 };
	int wrapped;
	vp_next_occurrence(vp, occ, end, 3, 0, 1, &wrapped);
	assert_int_equal(vp->cur_start, occ[0]);
	assert_false(wrapped);
	vp_next_occurrence(vp, occ, end, 3, 0, 2, &wrapped);
	assert_int_equal(vp->cur_start, occ[2]);
	assert_false(wrapped);
	vp_next_occurrence(vp, occ, end, 3, 0, 1, &wrapped);
	assert_int_equal(vp->cur_start, occ[0]);
	assert_true(wrapped);
	vp_next_occurrence(vp, occ, end, 3, 1, 1, &wrapped);
	assert_int_equal(vp->cur_start, occ[2]);
	assert_true(wrapped);
	/* The cursor is on screen after each jump. */
	struct vp_pos c = vp_pos_of(vp, vp->cur_start);
	assert_true(vp_cmp(vp->top, c) <= 0 && vp_cmp(c, vp_bottom(vp)) <= 0);
	close_fix(f);
	free(text);
}

/* What is not on screen comes a third of the way down, and '' goes back;
 * what is on screen does not move the pane. */
static void test_show_and_previous_position(void **state)
{
	(void)state;
	char *text = numbered_lines(100);
	struct fix *f = open_text(text, 0, 20, 9);
	struct viewport *vp = &f->vp;
	vp_set_cursor(vp, line_off(f, 5), line_off(f, 5) + 4);
	assert_pos(vp->top, 0, 0);
	assert_false(vp->has_prev);
	vp_set_cursor(vp, line_off(f, 50), line_off(f, 50) + 4);
	assert_pos(vp->top, 47, 0);
	assert_true(vp->has_prev);
	assert_int_equal(vp->prev_off, line_off(f, 0));
	vp_set_source(vp, line_off(f, 52), line_off(f, 52) + 2);
	assert_false(vp->has_cursor);
	assert_true(vp->has_source);
	assert_pos(vp->top, 47, 0);
	vp_goto_off(vp, vp->prev_off);
	assert_pos(vp->top, 0, 0);
	assert_int_equal(vp->prev_off, line_off(f, 47));
	close_fix(f);
	free(text);
}

static void test_line_and_percent(void **state)
{
	(void)state;
	char *text = numbered_lines(100);
	struct fix *f = open_text(text, 0, 20, 10);
	struct viewport *vp = &f->vp;
	vp_goto_line(vp, 5);
	assert_pos(vp->top, 4, 0);
	vp_goto_line(vp, 1000);
	assert_pos(vp->top, 90, 0);
	vp_goto_percent(vp, 50);
	assert_int_equal(vp->top.line, doc_line_at(&f->d, f->d.len / 2));
	vp_goto_percent(vp, 1000);
	assert_pos(vp->top, 90, 0);
	int end = 0;
	size_t off = vp_bottom_off(vp, &end);
	assert_true(end);
	assert_int_equal(off, doc_line_end(&f->d, 99));
	vp_goto_percent(vp, 0);
	off = vp_bottom_off(vp, &end);
	assert_false(end);
	assert_int_equal(off, doc_line_end(&f->d, 9));
	close_fix(f);
	free(text);
}

/* Rows moved since a frame: the terminal can scroll by so many. */
static void test_moved(void **state)
{
	(void)state;
	char *text = numbered_lines(50);
	struct fix *f = open_text(text, 0, 20, 10);
	struct viewport *vp = &f->vp;
	struct vp_pos was = vp->top;
	vp_scroll(vp, 2);
	assert_int_equal(vp_moved(vp, was), 2);
	was = vp->top;
	vp_scroll(vp, -1);
	assert_int_equal(vp_moved(vp, was), -1);
	was = vp->top;
	vp_scroll(vp, 10);
	assert_int_equal(vp_moved(vp, was), 0);
	assert_int_equal(vp_moved(vp, vp->top), 0);
	close_fix(f);
	free(text);
}

static void test_hit(void **state)
{
	(void)state;
	/* Two wide characters, then ASCII. */
	struct fix *f = open_text("\xe7\xbe\x8e\xe5\x9b\xbd US\nnext\n", 0, 20, 5);
	struct viewport *vp = &f->vp;
	size_t off = 99;
	assert_true(vp_hit(vp, 0, 0, &off));
	assert_int_equal(off, 0);
	assert_true(vp_hit(vp, 0, 1, &off));
	assert_int_equal(off, 0);
	assert_true(vp_hit(vp, 0, 2, &off));
	assert_int_equal(off, 3);
	assert_true(vp_hit(vp, 0, 5, &off));
	assert_int_equal(off, 7);
	assert_false(vp_hit(vp, 0, 8, &off));
	assert_true(vp_hit(vp, 1, 0, &off));
	assert_int_equal(off, line_off(f, 1));
	assert_false(vp_hit(vp, 2, 0, &off));
	assert_false(vp_hit(vp, -1, 0, &off));
	assert_false(vp_hit(vp, 0, -1, &off));
	close_fix(f);
}

static void test_match_window(void **state)
{
	(void)state;
	struct buf b = { 0 };
	buf_adds(&b, "short line\n");
	for (int i = 0; i < 20000; i++)
		buf_adds(&b, "abcd ");
	buf_adds(&b, "\n");
	struct fix *f = open_text(b.data, 0, 40, 4);
	struct viewport *vp = &f->vp;
	assert_int_equal(vp_search_set(vp, "abc", 3, 0), 0);
	size_t from, to;
	vp_match_window(vp, P(0, 0), 4, &from, &to);
	assert_int_equal(from, 0);
	assert_int_equal(to, doc_line_end(&f->d, 0));
	/* Of the long line, the rows on screen and a margin either side. */
	vp_goto_line(vp, 2);
	vp_scroll(vp, 100);
	struct vp_pos p = vp->top;
	vp_match_window(vp, p, 4, &from, &to);
	size_t slack = search_reach(&vp->search);
	size_t first = vp_lline(vp, p)->start;
	struct vp_pos q = p;
	vp_step(vp, &q, 3);
	size_t last = vp_lline(vp, q)->end;
	assert_true(from <= first && first - from <= slack + 3);
	assert_true(to >= last && to - last <= slack + 3);
	assert_true(to - from <= last - first + 2 * slack + 6);
	assert_true(to - from < (doc_line_end(&f->d, 1) - line_off(f, 1)) / 4);
	close_fix(f);
	buf_free(&b);
}

/* An empty document: nothing to show, nothing breaks. */
static void test_empty_document(void **state)
{
	(void)state;
	struct fix *f = open_text("", 0, 20, 5);
	struct viewport *vp = &f->vp;
	struct vp_pos p = vp->top;
	assert_false(vp_next(vp, &p));
	assert_false(vp_prev(vp, &p));
	int end = 0;
	assert_int_equal(vp_bottom_off(vp, &end), 0);
	assert_true(end);
	vp_goto_end(vp);
	vp_goto_percent(vp, 50);
	vp_goto_line(vp, 3);
	assert_int_equal(vp_search_set(vp, "a", 1, 0), 0);
	assert_int_equal(vp_search_next(vp, 0, 1, 1, NULL, NULL), VP_NOT_FOUND);
	size_t off;
	assert_false(vp_hit(vp, 0, 0, &off));
	close_fix(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_and_step),
		cmocka_unit_test(test_blank_runs_squeezed),
		cmocka_unit_test(test_first_line_hides_chrome),
		cmocka_unit_test(test_top_keeps_pane_full),
		cmocka_unit_test(test_resize_keeps_anchor),
		cmocka_unit_test(test_long_line_lazy),
		cmocka_unit_test(test_search_counted_and_wrapping),
		cmocka_unit_test(test_search_from_top_matches_first_byte),
		cmocka_unit_test(test_highlight_cursor),
		cmocka_unit_test(test_occurrences_wrap),
		cmocka_unit_test(test_show_and_previous_position),
		cmocka_unit_test(test_line_and_percent),
		cmocka_unit_test(test_moved),
		cmocka_unit_test(test_hit),
		cmocka_unit_test(test_match_window),
		cmocka_unit_test(test_empty_document),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
