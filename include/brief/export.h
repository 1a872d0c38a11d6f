/* Non-interactive output: --export json, --export text and --dump. */
#ifndef BRIEF_EXPORT_H
#define BRIEF_EXPORT_H

#include <stdio.h>

#include "brief/model.h"

/* Both write the document's text as it is when it is written, copied and
 * checked again (doc_copy_text): a mapped file can be rewritten in place or
 * truncated while they run, and nothing written may drive a terminal.  A
 * file that shrank stops them before the first line (span) that reached
 * past its new end: they then return EXPORT_CUT, and what they wrote is
 * the file as it was. */
#define EXPORT_CUT 1

/* The whole model as JSON; offsets are byte offsets into the file as read.
 * Every string is sanitised and C0, DEL and C1 controls escaped as \uXXXX.
 * Returns 0, EXPORT_CUT (the JSON left unfinished), or -1 on a write error
 * (errno set). */
int export_json(FILE *out, const struct model *m);
/* Header, wrapped article with [actors] and {figures} marked, the actors and
 * figures with counts, the comparisons as text charts.  ascii: no box or
 * block characters.  Returns 0, EXPORT_CUT, or -1 on a write error. */
/* --export text: the text brief reads, as it reads it, nothing added: for
 * a web page the article, one block a line, which export_json's offsets
 * address.  Written a megabyte at a time from doc_copy_text (checked
 * again as it is written).  The document must be complete
 * (doc_prepare_all).  Returns 0, EXPORT_CUT (a file that shrank: stopped
 * before the first line past its new end), or -1 on a write error. */
int export_text(FILE *out, const struct model *m);
int export_dump(FILE *out, const struct model *m, int width, int ascii);
/* The same; explain: each mention of an actor found automatically is
 * followed by its rule ("[Rubio]<alias:surname>"), and each such actor by
 * the rule and confidence of it and of each alias, with the text that shows
 * it (--dump --explain). */
int export_dump_explain(FILE *out, const struct model *m, int width, int ascii, int explain);

#endif
