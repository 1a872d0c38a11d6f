/* Private to the document's files (document.c: loading and checking in
 * slices; doc_map.c: the mapping; doc_sanitize.c: sanitising and mapping
 * offsets back; doc_lines.c: the line index).  Everything else includes
 * only brief/document.h.
 *
 * Memory, for a file of S bytes and any content (README's bound):
 *   - text: the mapping itself while nothing needs replacing; else a heap
 *     copy of at most 3 S bytes (a placeholder is 3 bytes for each byte it
 *     stands for), and a run of one unsafe byte, however long, costs 12;
 *   - replacements: one span of 32 bytes per stretch of the original of
 *     at most DOC_SPAN_MAX bytes whose replacements lie within DOC_SPAN_GAP
 *     clean bytes of each other, so at most 32 / DOC_SPAN_GAP of S;
 *   - lines: one count per DOC_LINE_BLOCK bytes of text (8 / 4096 of it),
 *     one offset per cut of an overlong line, a few cursors. */
#ifndef BRIEF_DOC_PRIVATE_H
#define BRIEF_DOC_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "brief/document.h"

/* A span of replacements: text [off, off+len) stands for original bytes
 * [orig, orig+orig_len), the clean bytes between its replacements
 * included.  Inside a span an offset is mapped by sanitising its original
 * bytes again (at most DOC_SPAN_MAX of them); a span longer than that is
 * one replacement (a run), every offset of which maps to its start. */
struct doc_repl {
	size_t off, len;
	size_t orig, orig_len;
};
#define DOC_SPAN_GAP ((size_t)512)
#define DOC_SPAN_MAX ((size_t)4096)

/* A line longer than this (bytes as read) is cut into lines of this
 * length at a character boundary, so a slice always ends within it of its
 * start: a 10 GiB file with no line feed is not walked whole before the
 * first paint.  Longer than any line a reader lays out at once (the
 * bench's 20 MB line stays one). */
#ifndef DOC_LINE_MAX                    /* the fuzz build makes it small */
#define DOC_LINE_MAX ((size_t)32 << 20)
#endif

/* doc_map.c: map the regular file fd of n bytes read-only and guarded
 * (mapguard.h), with a page of zeros after it; NULL with errno if that
 * fails.  Undo it.  Drop the whole pages of orig[from, to) from this
 * process (they come back from the page cache when read again). */
const uint8_t *doc_map_file(int fd, size_t n);
void doc_map_unmap(const uint8_t *p, size_t n);
void doc_map_release(const struct doc *d, size_t from, size_t to);

/* Does anything in s[from, n) need replacing (a BOM counts at from 0)? */
int doc_sanitize_needed(const uint8_t *s, size_t n, size_t from);
/* From the first unsafe byte after d->ready on, text is a heap copy (see
 * doc_sanitize.c): start it, then sanitise orig[d->orig_ready, to) into it,
 * setting text, len, repl and ready (not the lines).  to ends a line (after
 * an LF, or at a cut), or the file. */
void doc_sanitize_start(struct doc *d);
void doc_sanitize_slice(struct doc *d, size_t to);
/* The sanitised offset standing for original offset orig. */
size_t doc_sanitize_text_off(const struct doc *d, size_t orig);
/* Sanitise s[from, n) alone into a fresh text (*text, malloc'd) and its
 * exact replacements (*v, malloc'd, text offsets from 0, original ones
 * from s): one entry per replacement or run of adjacent placeholders,
 * every offset inside an entry standing for its first original byte.
 * Returns the number of entries.  What spans are sanitised again with, and
 * the fuzz target's reference. */
size_t doc_sanitize_exact(const uint8_t *s, size_t from, size_t n, uint8_t **text,
			  size_t *text_len, struct doc_repl **v);

/* Index the lines starting in text[from, to) (from is d->ready before the
 * slice: after an LF, at a cut, or 0; orig_from the same place as read). */
void doc_lines_index(struct doc *d, size_t from, size_t to, size_t orig_from);
/* Where, as read, a line cut from an overlong one starts: SIZE_MAX when
 * line i follows an LF.  (Its text offset cannot say: a mark dropped on
 * either side of the cut maps to the same place.) */
size_t doc_lines_cut_orig(const struct doc *d, size_t i);
void doc_lines_free(struct doc *d);

#endif
