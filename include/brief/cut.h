/* Text cut to a width, visibly: where a name, a header, a message, a chart
 * label or a dump line does not fit, what is kept ends in "…" ("..." in
 * ASCII), and the cut falls at a word boundary (word.h) when one is near,
 * so that "less than 2 percent of GDP" is never shown as a complete-looking
 * "less than 2 percent".  The whole is always one step away (the reader's
 * card, the dump's wrapped lists); this is only how a row says so.
 *
 * Widths are terminal columns (layout.h: clusters, wide characters, tabs
 * from column 0); offsets are bytes.  Pure: no curses, no globals. */
#ifndef BRIEF_CUT_H
#define BRIEF_CUT_H

#include <stddef.h>
#include <stdint.h>

#include "brief/util.h"

/* The mark a cut ends in, and its columns. */
const char *cut_mark(int ascii);
int cut_mark_width(int ascii);

/* How much of s[0, n) to show in cols columns: n when it all fits
 * (*cut 0); else the bytes to keep before the mark (*cut 1), which with
 * it fit in cols, ending at the end of a word when one ends within the
 * last third of the room (at most 20 columns back) and with no space or
 * dash left hanging.  Never half a cluster.  A room narrower than the mark
 * keeps what fits and no mark (*cut 1 all the same).  *col, if not NULL:
 * the columns the kept bytes take. */
size_t cut_fit(const uint8_t *s, size_t n, int cols, int ascii, int *cut, int *col);

/* s[0, n) cut to cols columns, appended to b with its mark; the columns
 * taken. */
int cut_append(struct buf *b, const char *s, size_t n, int cols, int ascii);

#endif
