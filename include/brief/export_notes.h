/* brief --export notes [FILE]: a document's reading notes (notes.h) with
 * the sentences they are on, as Markdown (a heading from the header, each
 * quotation a block quote with its line and its note, the citation at the
 * end) or as JSON (the same, with byte offsets into the file as read). */
#ifndef BRIEF_EXPORT_NOTES_H
#define BRIEF_EXPORT_NOTES_H

#include <stdint.h>
#include <stdio.h>

#include "brief/cite.h"
#include "brief/model.h"

enum export_notes_format { EXPORT_NOTES_MARKDOWN, EXPORT_NOTES_JSON };

/* The identity a document's notes are filed under (notes_doc_id) for m
 * opened from path (as named; NULL: the bundled text, "-": standard
 * input).  Caller frees. */
char *export_notes_doc_id(const struct model *m, const char *path);

/* Write the notes of m (scanned whole) from the notes file at notes_path
 * (NULL: none) in format f, the citation in style (Markdown's own by
 * default: see main.c).  Returns 0; 1 when the notes file has lines not
 * understood (the rest is written; *warning says where); 2 when it could
 * not be read (nothing written; *warning says why); -1 on an output
 * error (errno).  *warning is malloc'd, the caller frees it. */
int export_notes(FILE *out, const struct model *m, const char *path, const char *notes_path,
		 enum export_notes_format f, enum cite_style style, char **warning);

#endif
