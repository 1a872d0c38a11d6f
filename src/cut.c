/* Cutting text to a width with a visible mark, at a word's end when near. */
#include "config.h"

#include <string.h>

#include "brief/cut.h"
#include "brief/layout.h"
#include "brief/word.h"

const char *cut_mark(int ascii)
{
	return ascii ? "..." : "\u2026";
}

int cut_mark_width(int ascii)
{
	return ascii ? 3 : 1;
}

/* Bytes of s[0, n) that fit in cols columns, whole clusters; their width
 * in *col. */
static size_t fit(const uint8_t *s, size_t n, int cols, int *col)
{
	size_t off = 0;
	int c = 0;
	while (off < n) {
		size_t next = layout_next_cluster(s, off, n);
		int w = layout_cluster_width(s, off, next, c);
		if (c + w > cols)
			break;
		c += w;
		off = next;
	}
	*col = c;
	return off;
}

/* What may stand before the mark: not a space, not a dash or a separator
 * left dangling ("Global Times ·…"). */
static int dangles(enum word_class k, const uint8_t *s, size_t off)
{
	if (k == WORD_SPACE || k == WORD_NONE)
		return 1;
	if (k != WORD_PUNCT)
		return 0;
	/* Closing punctuation may end what is kept ("(US)…", "Rubio's…"). */
	uint8_t b = s[off - 1];
	return !(b == ')' || b == ']' || b == '"' || b == '\'' || b == '%' || b == '.'
		 || (off >= 3 && !memcmp(s + off - 3, "\xe2\x80\x9d", 3)));  /* ” */
}

size_t cut_fit(const uint8_t *s, size_t n, int cols, int ascii, int *cut, int *col)
{
	int c;
	if (cols < 0)
		cols = 0;
	size_t all = fit(s, n, cols, &c);
	if (all == n) {
		*cut = 0;
		if (col)
			*col = c;
		return n;
	}
	*cut = 1;
	int mw = cut_mark_width(ascii);
	if (cols < mw) {
		if (col)
			*col = c;
		return all;
	}
	int room = cols - mw;
	size_t keep = fit(s, n, room, &c);
	/* A word's end within the last third of the room (20 columns at
	 * most) is near enough: cut there, and no word is shown in part. */
	int reach = room / 3 < 20 ? room / 3 : 20;
	size_t best = keep;
	if (!word_boundary(s, 0, n, keep) || dangles(word_class_before(s, 0, keep), s, keep)) {
		size_t off = keep;
		while (off > 0) {
			/* Back a character at a time (a cluster's marks included). */
			do
				off--;
			while (off > 0 && (s[off] & 0xC0) == 0x80);
			if (layout_width(s, 0, off) < room - reach)
				break;
			if (word_boundary(s, 0, n, off) && !dangles(word_class_before(s, 0, off), s, off)) {
				best = off;
				break;
			}
		}
	}
	/* Never a space or a dangling separator before the mark. */
	while (best > 0 && dangles(word_class_before(s, 0, best), s, best)) {
		size_t prev = best;
		do
			prev--;
		while (prev > 0 && (s[prev] & 0xC0) == 0x80);
		best = prev;
	}
	if (col)
		*col = layout_width(s, 0, best);
	return best;
}

int cut_append(struct buf *b, const char *s, size_t n, int cols, int ascii)
{
	int cut, col;
	size_t keep = cut_fit((const uint8_t *)s, n, cols, ascii, &cut, &col);
	buf_add(b, s, keep);
	if (cut && cols >= cut_mark_width(ascii)) {
		buf_adds(b, cut_mark(ascii));
		col += cut_mark_width(ascii);
	}
	return col;
}
