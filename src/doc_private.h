/* Private to the document's three files (document.c: loading and mapping;
 * doc_sanitize.c: sanitising and mapping offsets back; doc_lines.c: the line
 * index).  Everything else includes only brief/document.h. */
#ifndef BRIEF_DOC_PRIVATE_H
#define BRIEF_DOC_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "brief/document.h"

/* Does anything in s[from, n) need replacing (a BOM counts at from 0)? */
int doc_sanitize_needed(const uint8_t *s, size_t n, size_t from);
/* From the first unsafe byte after d->ready on, text is a heap copy (see
 * doc_sanitize.c): start it, then sanitise orig[d->orig_ready, to) into it,
 * setting text, len, repl and ready (not the lines).  to ends a line, or
 * the file. */
void doc_sanitize_start(struct doc *d);
void doc_sanitize_slice(struct doc *d, size_t to);
/* The sanitised offset standing for original offset orig. */
size_t doc_sanitize_text_off(const struct doc *d, size_t orig);

/* Append the starts of the lines beginning in text[from, to). */
void doc_lines_index(struct doc *d, size_t from, size_t to);

#endif
