/* Line layout: one source line broken into display lines of a given width,
 * with libunistring's line-break opportunities, grapheme clusters and widths.
 * Trailing spaces hang past the width, words wider than the width are broken
 * at grapheme boundaries, tabs expand to the next multiple of LAYOUT_TAB
 * counted from the start of the display line. */
#ifndef BRIEF_LAYOUT_H
#define BRIEF_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#define LAYOUT_TAB 8

struct lline {
	size_t start, end;          /* bytes of text; trailing spaces excluded */
};

struct lines {
	struct lline *v;
	size_t n, cap;
};

/* Append the display lines of text[start, end) (no LF inside) at width >= 1.
 * An empty source line gives one empty display line. */
void layout_line(struct lines *out, const uint8_t *text, size_t start, size_t end, int width);
/* Append text[start, end) as one display line, trailing spaces hung: for
 * text the caller has measured and knows fits. */
void layout_whole(struct lines *out, const uint8_t *text, size_t start, size_t end);
void lines_free(struct lines *l);

/* The source line text[start, end) laid out only as far as asked, a chunk
 * at a time: from *from (where a display line starts; at first, start),
 * append display lines to out until it holds at least want of them or the
 * line is done, and move *from on.  Returns 1 when the line is done.  The
 * lines are layout_line's, unless runs of spaces or marks longer than 256
 * bytes straddle a chunk's edge. */
int layout_more(struct lines *out, const uint8_t *text, size_t start, size_t *from, size_t end,
		int width, size_t want);
/* layout_more in chunks of `chunk` bytes, the rules seeing `margin` bytes
 * past either edge (tests use small ones). */
int layout_more_by(struct lines *out, const uint8_t *text, size_t start, size_t *from, size_t end,
		   int width, size_t want, size_t chunk, size_t margin);

/* Columns taken by the grapheme cluster text[off, next) drawn at column col
 * (a tab depends on where it stands). */
int layout_cluster_width(const uint8_t *text, size_t off, size_t next, int col);
/* End of the grapheme cluster that starts at off, never past end. */
size_t layout_next_cluster(const uint8_t *text, size_t off, size_t end);
/* uc_width(c, "UTF-8"), ASCII from a table asked once: the layout and the
 * drawing ask it for every character. */
int layout_char_width(uint32_t c);
/* u8_grapheme_breaks(s, n, gb), the same breaks, computed only around
 * what is not ASCII. */
void layout_cluster_breaks(const uint8_t *s, size_t n, char *gb);
/* Columns of text[start, end) drawn from column 0. */
int layout_width(const uint8_t *text, size_t start, size_t end);

#endif
