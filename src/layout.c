/* Breaks a source line into display lines that fit a width. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "brief/layout.h"
#include "brief/util.h"

size_t layout_next_cluster(const uint8_t *text, size_t off, size_t end)
{
	if (off >= end)
		return end;
	const uint8_t *next = u8_grapheme_next(text + off, text + end);
	/* u8_grapheme_next splits some emoji sequences, but never returns less
	 * than one character, which is all the drawing code relies on. */
	return next ? (size_t)(next - text) : end;
}

int layout_char_width(uint32_t c)
{
	/* ASCII asked once: a library call per character (decoding, then
	 * uc_width) was a quarter of laying out a long line. */
	static signed char ascii[128];
	static int known;
	if (c >= 0x80)
		return uc_width(c, "UTF-8");
	if (!known) {
		for (int i = 0; i < 128; i++)
			ascii[i] = (signed char)uc_width((ucs4_t)i, "UTF-8");
		known = 1;
	}
	return ascii[c];
}

int layout_cluster_width(const uint8_t *text, size_t off, size_t next, int col)
{
	if (text[off] == '\t')
		return LAYOUT_TAB - col % LAYOUT_TAB;
	int w = next == off + 1 && text[off] < 0x80 ? layout_char_width(text[off])
						    : u8_width(text + off, next - off, "UTF-8");
	return w < 0 ? 0 : w;
}

int layout_width(const uint8_t *text, size_t start, size_t end)
{
	/* A cluster's width is its characters' (layout_cluster_width), so a
	 * run's is u8_width() of the whole run: under half the instructions of
	 * going cluster by cluster.  Only a tab depends on its column, and a
	 * NUL ends u8_width() early, so both split the run. */
	int col = 0;
	size_t run = start;
	for (size_t p = start; p <= end; p++) {
		if (p < end && text[p] != '\t' && text[p] != '\0')
			continue;
		col += u8_width(text + run, p - run, "UTF-8");
		if (p < end && text[p] == '\t')
			col += LAYOUT_TAB - col % LAYOUT_TAB;
		run = p + 1;
	}
	return col;
}

void layout_cluster_breaks(const uint8_t *s, size_t n, char *gb)
{
	/* u8_grapheme_breaks was half the time of laying out a long line.
	 * Between breaks ascii_break_before() knows, the stretches are
	 * computed from their start: the same as from s, since the rules do
	 * not look back past such a break; a lone ASCII byte is a cluster. */
	size_t a = 0;
	while (a < n) {
		size_t b = a + 1;
		while (b < n && !ascii_break_before(s, b))
			b++;
		if (b == a + 1 && s[a] < 0x80)
			gb[a] = 1;
		else
			u8_grapheme_breaks(s + a, b - a, gb + a);
		a = b;
	}
}

static int is_hanging_space(uint8_t c)
{
	return c == ' ' || c == '\t';
}

static void emit(struct lines *out, const uint8_t *text, size_t start, size_t end)
{
	while (end > start && is_hanging_space(text[end - 1]))
		end--;
	out->v = xgrowarray(out->v, &out->cap, out->n + 1, sizeof *out->v);
	out->v[out->n++] = (struct lline){ start, end };
}

void layout_whole(struct lines *out, const uint8_t *text, size_t start, size_t end)
{
	emit(out, text, start, end);
}

/* layout_line of text[start, end), with the break rules seeing the text
 * from ctx on: a chunk of a long line starts inside it, and whether a line
 * may break after a mark depends on what the mark was attached to. */
static void layout_span(struct lines *out, const uint8_t *text, size_t ctx, size_t start,
			size_t end, int width)
{
	if (width < 1)
		width = 1;
	if (start == end) {
		emit(out, text, start, start);
		return;
	}
	size_t n = end - ctx;
	const uint8_t *s = text + ctx;
	/* Grapheme boundaries come from u8_grapheme_breaks, which passes the
	 * Unicode test file (through layout_cluster_breaks); break
	 * opportunities from UAX #14. */
	char *brk = xmalloc(n);
	char *gb = xmalloc(n);
	u8_possible_linebreaks(s, n, "UTF-8", brk);
	layout_cluster_breaks(s, n, gb);

	size_t line = start - ctx;  /* start of the current display line */
	size_t cand = line;         /* last break opportunity on it (line: none) */
	int col = 0;
	for (size_t i = line; i < n;) {
		size_t j = i + 1;
		while (j < n && !gb[j])
			j++;
		if (i > line && (brk[i] == UC_BREAK_POSSIBLE || brk[i] == UC_BREAK_HYPHENATION))
			cand = i;
		int w = layout_cluster_width(s, i, j, col);
		/* Only a lone space or tab hangs: a space carrying a combining
		 * mark is a visible cluster like any other. */
		if (!(is_hanging_space(s[i]) && j == i + 1) && col + w > width && i > line) {
			if (cand > line) {
				emit(out, text, ctx + line, ctx + cand);
				line = i = cand;
			} else {
				/* No opportunity on this line: an emergency break
				 * between grapheme clusters. */
				emit(out, text, ctx + line, ctx + i);
				line = i;
			}
			cand = line;
			col = 0;
			continue;
		}
		col += w;
		i = j;
	}
	emit(out, text, ctx + line, end);
	free(brk);
	free(gb);
}

void layout_line(struct lines *out, const uint8_t *text, size_t start, size_t end, int width)
{
	layout_span(out, text, start, start, end, width);
}

void lines_free(struct lines *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Laid out whole, a 20 MB line cost 40 MB of break tables and 1.5 s before
 * any of it showed.  A chunk starts where a display line starts, which is
 * where a whole-line layout restarts its greedy fill too; the break and
 * cluster rules see margin bytes before it and look only a few characters
 * ahead, so the lines that end margin bytes before the chunk does are
 * final, and the next chunk starts at the first line that is not. */
int layout_more_by(struct lines *out, const uint8_t *text, size_t start, size_t *from, size_t end,
		   int width, size_t want, size_t chunk, size_t margin)
{
	if (*from >= end) {
		if (!out->n)
			layout_whole(out, text, end, end);  /* an empty source line */
		return 1;
	}
	while (*from < end && out->n < want) {
		size_t a = *from;
		/* The rules see margin bytes back, from a character's start. */
		size_t ctx = a - start > margin ? a - margin : start;
		while (ctx < a && (text[ctx] & 0xC0) == 0x80)
			ctx++;
		for (size_t size = chunk;; size *= 2) {
			if (end - a <= size + margin) {
				layout_span(out, text, ctx, a, end, width);
				*from = end;
				break;
			}
			size_t b = a + size;
			struct lines part = { 0 };
			layout_span(&part, text, ctx, a, b, width);
			/* Line k is final once the line after it ends margin
			 * bytes before b: its break was decided by then. */
			size_t keep = 0;
			while (keep + 1 < part.n && part.v[keep + 1].end + margin <= b)
				keep++;
			if (keep) {
				out->v = xgrowarray(out->v, &out->cap, out->n + keep, sizeof *out->v);
				memcpy(out->v + out->n, part.v, keep * sizeof *part.v);
				out->n += keep;
				*from = part.v[keep].start;
			}
			lines_free(&part);
			if (keep)
				break;
			/* One display line longer than the chunk (a cluster of
			 * thousands of marks): a larger chunk. */
		}
	}
	return *from >= end;
}

int layout_more(struct lines *out, const uint8_t *text, size_t start, size_t *from, size_t end,
		int width, size_t want)
{
	return layout_more_by(out, text, start, from, end, width, want, (size_t)64 << 10, 256);
}
