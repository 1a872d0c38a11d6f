/* The article's viewport: which display lines of a document a pane of
 * width x height cells shows, and every move through them (scrolling,
 * jumps, the ]/[ cursor, a selection's occurrences, counted and wrapping
 * search).  Pure: no curses, no globals; the reader's article pane draws
 * what it says, the status line asks it where the reader is.
 *
 * Positions.  A struct vp_pos is a source line of the document and a
 * display line within it (`sub`), as the line wraps at `width` columns.
 * Lines before `first` (web chrome above the article's body) never show.
 * A run of blank lines shows as its first blank line, as less -s does: the
 * others are "squeezed" and no position stands on them.
 *
 * Layout.  Lines are wrapped when first asked for and cached (VP_SLOTS
 * source lines, by line number modulo VP_SLOTS); a line of megabytes is
 * wrapped only as far as it is read.  Every change of size throws the
 * cache away.
 *
 * Offsets are byte offsets into doc->text (`off`); the viewport never
 * reads past doc->ready, and follows the document as it grows (doc->nlines
 * is read afresh each time).  The document is borrowed: it must outlive
 * the viewport, and may grow (doc_prepare_step) between calls but not
 * during one. */
#ifndef BRIEF_VIEWPORT_H
#define BRIEF_VIEWPORT_H

#include <stddef.h>
#include <stdint.h>

#include "brief/document.h"
#include "brief/figures.h"
#include "brief/layout.h"
#include "brief/mentions.h"
#include "brief/search.h"

/* A place in the article: source line and display line within it. */
struct vp_pos {
	size_t line;
	size_t sub;
};

#define VP_SLOTS 1024

struct vp_slot {
	size_t line;
	int width;                  /* 0: empty slot */
	struct lines l;             /* as far as laid out */
	size_t from;                /* where laying out goes on */
	int done;                   /* l holds the whole line */
};

struct viewport {
	const struct doc *doc;      /* borrowed */
	size_t first;               /* the article's first line */
	size_t body;                /* the article's first byte: where g goes */
	int width, height;          /* text columns and rows; both >= 1 */

	struct vp_pos top;          /* the first row shown */
	/* Where the reader moved to: only moving changes it, and top is
	 * derived from it again at each resize, so re-wrapping never rounds
	 * the position down, however many sizes it goes through. */
	size_t anchor;

	/* The ]/[ cursor (also where n/N land), and the sentence a chart row
	 * came from: [start, end) of text, at most one of them at a time. */
	int has_cursor;
	size_t cur_start, cur_end;
	int has_source;
	size_t src_start, src_end;

	/* '' goes back to prev_off; marks a-z (SIZE_MAX when unset). */
	int has_prev;
	size_t prev_off;
	size_t marks[26];

	/* The last search; has_search 0 once cleared (Esc), its pattern kept
	 * for the next compile's scratch. */
	struct search search;
	int has_search;
	int search_back;            /* it was ?: n goes up */

	struct vp_slot *cache;      /* VP_SLOTS, owned */
	/* Tests: layout_more_by's chunk and margin; 0 for layout_more's. */
	size_t chunk, margin;
};

/* An empty viewport of 1 x 1 on d, at body (a byte offset on line first). */
void vp_init(struct viewport *vp, const struct doc *d, size_t first, size_t body);
void vp_free(struct viewport *vp);
/* The pane's text area changed (or the layout must be redone whatever it
 * is: the cache is dropped): top follows from the anchor again.  Sizes
 * below 1 count as 1. */
void vp_resize(struct viewport *vp, int width, int height);

static inline int vp_cmp(struct vp_pos a, struct vp_pos b)
{
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return a.sub < b.sub ? -1 : a.sub > b.sub;
}

/* Display lines of source line `line`, laid out as far as the first `want`
 * at least (SIZE_MAX: all); none for a squeezed blank line or past the
 * document's lines.  Valid until the next call that lays out. */
const struct lines *vp_lines(struct viewport *vp, size_t line, size_t want);
/* The display line at p, or NULL when there is none. */
const struct lline *vp_lline(struct viewport *vp, struct vp_pos p);
/* One display line on (down) or back; 0 at either end, p unchanged. */
int vp_next(struct viewport *vp, struct vp_pos *p);
int vp_prev(struct viewport *vp, struct vp_pos *p);
/* Move p by up to delta display lines (down if delta > 0): the steps taken. */
long vp_step(struct viewport *vp, struct vp_pos *p, long delta);
/* The article's last display line; the last top that still fills the
 * pane; the position on the pane's last row. */
struct vp_pos vp_end(struct viewport *vp);
struct vp_pos vp_max_top(struct viewport *vp);
struct vp_pos vp_bottom(struct viewport *vp);
/* Rows the text moved up (> 0) or down (< 0) from `from` to the current
 * top; 0 if they are the same or a pane's height or more apart. */
long vp_moved(struct viewport *vp, struct vp_pos from);

/* The byte offset where p's display line starts (a line with none: the
 * line's start; past the last line: the text's end). */
size_t vp_offset(struct viewport *vp, struct vp_pos p);
/* The display line holding off; a squeezed blank line gives the next line
 * that shows; before the first line, the first line. */
struct vp_pos vp_pos_of(struct viewport *vp, size_t off);

/* Moves.  Those that jump remember where the reader was for ''. */
void vp_scroll(struct viewport *vp, long delta);
/* Put the reader at off without remembering (a restored position). */
void vp_set_anchor(struct viewport *vp, size_t off);
void vp_goto_off(struct viewport *vp, size_t off);
/* Bring off on screen; if it is not, put it a third of the way down, so
 * the sentence before it shows too (remembered then). */
void vp_show(struct viewport *vp, size_t off);
void vp_goto_top(struct viewport *vp);
void vp_goto_end(struct viewport *vp);
/* Line n (1-based; past the end: the last line). */
void vp_goto_line(struct viewport *vp, size_t n);
/* pct percent (at most 100) of the way from the body to the end, in bytes. */
void vp_goto_percent(struct viewport *vp, long pct);
/* Remember the anchor for ''. */
void vp_remember(struct viewport *vp);

/* The byte where the pane's last row ends (a row with no display line:
 * vp_offset's answer); with at_end, also whether that row is the article's
 * last. */
size_t vp_bottom_off(struct viewport *vp, int *at_end);

/* The cursor on [start, end), brought on screen; the source highlight goes. */
void vp_set_cursor(struct viewport *vp, size_t start, size_t end);
/* The source highlight on [start, end), brought on screen; the cursor goes. */
void vp_set_source(struct viewport *vp, size_t start, size_t end);

/* Move the cursor `count` highlights (a mention or a figure; a mention
 * first where both start) down or up from the cursor when it is on screen,
 * else from the pane's top (down; at the article's very top the first
 * highlight counts) or bottom (up).  No wrapping: a count past the last
 * stops on the last.  0 if there is none that way (nothing moves). */
int vp_next_highlight(struct viewport *vp, const struct mentions *mn, const struct figures *f,
		      int backward, long count);
/* Move the cursor `count` (>= 1) steps round occurrences occ[0, n) (their
 * ends in occ_end; sorted, n >= 1), wrapping; *wrapped says whether it went
 * round the end. */
void vp_next_occurrence(struct viewport *vp, const size_t *occ, const size_t *occ_end, size_t n,
			int backward, long count, int *wrapped);

/* Compile a search for pattern[0, len) (sanitised UTF-8); -1 if it folds to
 * nothing (has_search is then 0). */
int vp_search_set(struct viewport *vp, const char *pattern, size_t len, int backward);
/* The same with case as c says (vp_search_set ignores it): smart case
 * matches it when the pattern has a capital. */
int vp_search_set_case(struct viewport *vp, const char *pattern, size_t len, int backward,
		       enum search_case c);

enum vp_found {
	VP_NO_SEARCH,               /* no search to repeat */
	VP_NOT_FOUND,
	VP_FOUND,
	VP_WRAPPED,                 /* found, after going round the end */
	VP_STOPPED,                 /* stop() said so: the cursor is on the last found */
};
/* The count-th (>= 1) match from the cursor or the pane's edge (as
 * vp_next_highlight), wrapping round the article; from_here: a new search,
 * which may match at the reference itself.  The cursor goes on it.  Counts
 * that come round to the first match again skip whole rounds.  stop (may
 * be NULL) is asked after each step past the first; nonzero ends there. */
enum vp_found vp_search_next(struct viewport *vp, int backward, int from_here, long count,
			     int (*stop)(void *ctx), void *ctx);
/* Where to look for search matches to show on `rows` rows from p (a
 * position that shows): its whole source line, but of a long line only the
 * part on screen and a margin wider than any match, on characters' first
 * bytes. */
void vp_match_window(struct viewport *vp, struct vp_pos p, int rows, size_t *from, size_t *to);

/* The offset of the character drawn at (row, col) of the text area, where
 * row 0 is top; 0 if there is none there. */
int vp_hit(struct viewport *vp, int row, int col, size_t *off);

#endif
