/* libFuzzer target: layout_line, and layout_more in small chunks.  The
 * first byte picks a width 1..120; the rest is sanitised with doc_load_mem
 * and every source line laid out both ways.  Invariants, for both: the
 * display lines cover the source line's bytes in order, skipping only
 * spaces and tabs; a source line gives at least one display line.  Laid out
 * whole, each display line is also no wider than max(width, the widest
 * single grapheme cluster of the source line).  (In chunks, where a run of
 * marks, flags or spaces longer than the margin straddles a chunk's edge,
 * clusters and lines may come out otherwise, so those are not compared.)
 * layout_cluster_breaks must give u8_grapheme_breaks' breaks, on the raw
 * bytes too, before they are sanitised. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>

#include "brief/document.h"
#include "brief/layout.h"
#include "fuzz.h"

static int is_sp(uint8_t c)
{
	return c == ' ' || c == '\t';
}

/* Widest grapheme cluster of text[start, end), each measured at column 0
 * (a tab there takes LAYOUT_TAB columns, its most). */
static int widest_cluster(const uint8_t *text, size_t start, size_t end)
{
	size_t n = end - start;
	if (!n)
		return 0;
	char *gb = malloc(n);
	if (!gb)
		abort();
	u8_grapheme_breaks(text + start, n, gb);
	int widest = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && !gb[j])
			j++;
		int w = layout_cluster_width(text, start + i, start + j, 0);
		if (w > widest)
			widest = w;
		i = j;
	}
	free(gb);
	return widest;
}

/* width 0: the widths are not checked. */
static void check_lines(const struct lines *lines, const uint8_t *text, size_t start, size_t end,
			int width)
{
	const struct lines out = *lines;
	FUZZ_CHECK(out.n >= 1, "no display line for source [%zu, %zu)", start, end);
	int bound = width ? widest_cluster(text, start, end) : 0;
	if (bound < width)
		bound = width;
	size_t pos = start;
	for (size_t k = 0; k < out.n; k++) {
		const struct lline *l = &out.v[k];
		FUZZ_CHECK(l->start <= l->end && l->start >= start && l->end <= end,
			   "display line %zu [%zu, %zu) outside source [%zu, %zu)", k, l->start, l->end, start, end);
		FUZZ_CHECK(l->start >= pos, "display line %zu starts at %zu, before %zu", k, l->start, pos);
		for (size_t i = pos; i < l->start; i++)
			FUZZ_CHECK(is_sp(text[i]), "display line %zu skips byte 0x%02x at %zu", k, text[i], i);
		FUZZ_CHECK(k > 0 || l->start == start, "first display line starts at %zu, not %zu", l->start, start);
		int w = width ? layout_width(text, l->start, l->end) : 0;
		FUZZ_CHECK(w <= bound, "display line %zu [%zu, %zu) is %d columns wide at width %d "
			   "(widest cluster %d)", k, l->start, l->end, w, width, bound);
		pos = l->end;
	}
	for (size_t i = pos; i < end; i++)
		FUZZ_CHECK(is_sp(text[i]), "layout drops byte 0x%02x at %zu after the last display line", text[i], i);
}

static void check_line(const uint8_t *text, size_t start, size_t end, int width)
{
	struct lines out = { 0 };
	layout_line(&out, text, start, end, width);
	check_lines(&out, text, start, end, width);
	/* A chunk of 64 bytes, asked for a few lines at a time. */
	struct lines part = { 0 };
	size_t from = start, want = 1;
	while (!layout_more_by(&part, text, start, &from, end, width, want, 64, 16)) {
		FUZZ_CHECK(part.n >= want, "layout_more stopped at %zu lines, %zu asked", part.n, want);
		want = part.n + 3;
	}
	check_lines(&part, text, start, end, 0);
	lines_free(&part);
	/* Text that fits is the one line layout_whole gives. */
	if (layout_width(text, start, end) <= width) {
		struct lines whole = { 0 };
		layout_whole(&whole, text, start, end);
		FUZZ_CHECK(out.n == 1 && whole.n == 1 && whole.v[0].start == out.v[0].start
			   && whole.v[0].end == out.v[0].end,
			   "text of width %d fits %d but lays out as %zu lines, or not as layout_whole",
			   layout_width(text, start, end), width, out.n);
		lines_free(&whole);
	}
	lines_free(&out);
}

static void check_breaks(const uint8_t *s, size_t n)
{
	if (!n)
		return;
	char *want = malloc(n), *got = malloc(n);
	if (!want || !got)
		abort();
	u8_grapheme_breaks(s, n, want);
	layout_cluster_breaks(s, n, got);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(got[i] == want[i], "cluster break at byte %zu of %zu is %d, u8_grapheme_breaks says %d",
			   i, n, got[i], want[i]);
	free(want);
	free(got);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	check_breaks(data + 1, size - 1);
	int width = data[0] % 120 + 1;
	uint8_t *bytes = fuzz_copy_nul(data + 1, size - 1);
	struct doc d;
	doc_load_mem(&d, "fuzz", bytes, size - 1);
	for (size_t i = 0; i < d.nlines; i++)
		check_line(d.text, doc_line_start(&d, i), doc_line_end(&d, i), width);
	doc_free(&d);
	free(bytes);
	return 0;
}
