/* How many matches a search has, and which of them one is ("match 3 of
 * 17"), counted a slice at a time so that a huge document never holds the
 * reader up: until the count is done the total is a lower bound ("17+"),
 * and a match's place is known once the count has gone past it.
 *
 * Matches are those search_line() reports, line by line from the article's
 * first line, as the viewport's search finds them (none spans a line end).
 * The count keeps a checkpoint about every MCOUNT_STRIDE bytes, so placing
 * a match the count has passed costs at most that much searching again.
 *
 * Pure: no curses, no globals.  The document and the search are borrowed
 * for each call; the document must be indexed as far as it is counted
 * (the reader prepares all of it before a search) and the search must stay
 * the one the count was started for (start again after recompiling). */
#ifndef BRIEF_MATCHCOUNT_H
#define BRIEF_MATCHCOUNT_H

#include <stddef.h>

#include "brief/document.h"
#include "brief/search.h"

#define MCOUNT_STRIDE ((size_t)1 << 20)

struct mcount_mark {
	size_t line;                /* a line the count reached */
	size_t before;              /* matches in the lines before it */
};

struct mcount {
	size_t first;               /* the first line counted */
	size_t line;                /* the next line to count */
	size_t total;               /* matches in lines [first, line) */
	int done;                   /* every line of a complete document counted */
	size_t place_off;           /* the match to place (its start), SIZE_MAX: none */
	size_t place;               /* its place, 1-based, once known; 0 until then */
	struct mcount_mark *mark;   /* checkpoints, in order, owned */
	size_t nmark, cap;
	size_t since_mark;          /* bytes counted since the last checkpoint */
};

/* Start counting from line `first` (zeroed or used before; frees nothing
 * it still needs: call mcount_free at the end). */
void mcount_start(struct mcount *c, size_t first);
void mcount_free(struct mcount *c);
/* Count about `budget` more bytes (whole lines: at least one line; a line
 * of many megabytes is counted whole).  Returns 1 once done. */
int mcount_step(struct mcount *c, struct search *s, const struct doc *d, size_t budget);
/* The match starting at off is the one to place: its place is worked out
 * now if the count has passed it (searching from the checkpoint before
 * it), else when the count does. */
void mcount_place(struct mcount *c, struct search *s, const struct doc *d, size_t off);

#endif
