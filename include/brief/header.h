/* The header of pasted web text: where the article starts, and the byline,
 * source, section, credit, date and title written before it (the bundled
 * commentary starts "Email login CN / Commentary / Cai Liang Interviewed by
 * Global Times / Cai Liang  source:Global Times / ...png Illustration: Chen
 * Xia/GT").  A byline is a header field, never an actor.  Pure. */
#ifndef BRIEF_HEADER_H
#define BRIEF_HEADER_H

#include <stddef.h>
#include <stdint.h>

#include "brief/annot.h"

struct header_span {
	size_t start, end;          /* bytes of the text; start == end: not found */
	const char *rule;           /* static: "source-colon", "interviewed-by", ... */
};

struct header {
	size_t body;                /* offset of the body's first line (0: no header) */
	struct header_span field[META_COUNT];
};

/* Look at the start of text[0, len) (at most its first 40 lines and 8 KiB):
 * the body starts at the first line of 25 words or more, or holding two
 * sentence ends, or at the sentences of running text just before that line
 * (a line of eight words or more ending in a sentence's end, with no header
 * field and no page note such as "sign up for our newsletter"); short lines
 * before it are the header.  A text whose first
 * line is already such a line has no header (body 0, no fields). */
void header_find(const uint8_t *text, size_t len, struct header *h);

#endif
