/* Breaks a source line into display lines that fit a width. */
#include "config.h"

#include <stdlib.h>
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

int layout_cluster_width(const uint8_t *text, size_t off, size_t next, int col)
{
	if (text[off] == '\t')
		return LAYOUT_TAB - col % LAYOUT_TAB;
	int w = u8_width(text + off, next - off, "UTF-8");
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

static int is_hanging_space(uint8_t c)
{
	return c == ' ' || c == '\t';
}

static void emit(struct lines *out, const uint8_t *text, size_t start, size_t end)
{
	while (end > start && is_hanging_space(text[end - 1]))
		end--;
	xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
	out->v[out->n++] = (struct lline){ start, end };
}

void layout_whole(struct lines *out, const uint8_t *text, size_t start, size_t end)
{
	emit(out, text, start, end);
}

void layout_line(struct lines *out, const uint8_t *text, size_t start, size_t end, int width)
{
	if (width < 1)
		width = 1;
	size_t n = end - start;
	if (n == 0) {
		emit(out, text, start, start);
		return;
	}
	const uint8_t *s = text + start;
	/* Grapheme boundaries come from u8_grapheme_breaks, which passes the
	 * Unicode test file; break opportunities from UAX #14. */
	char *brk = xmalloc(n);
	char *gb = xmalloc(n);
	u8_possible_linebreaks(s, n, "UTF-8", brk);
	u8_grapheme_breaks(s, n, gb);

	size_t line = 0;            /* start of the current display line */
	size_t cand = 0;            /* last break opportunity on this line (0: none) */
	int col = 0;
	for (size_t i = 0; i < n;) {
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
				emit(out, text, start + line, start + cand);
				line = i = cand;
			} else {
				/* No opportunity on this line: an emergency break
				 * between grapheme clusters. */
				emit(out, text, start + line, start + i);
				line = i;
			}
			cand = line;
			col = 0;
			continue;
		}
		col += w;
		i = j;
	}
	emit(out, text, start + line, end);
	free(brk);
	free(gb);
}

void lines_free(struct lines *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
