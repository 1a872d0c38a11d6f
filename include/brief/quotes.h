/* Quotations attributed to their speakers, found by rule:
 *
 *   "... focus on Middle East issues," Japanese media outlet Nikkei Asia
 *       reported.                              speaker Nikkei Asia, quote:after
 *   Ishiba, for example, has publicly stated that "high tariffs will not
 *       bring economic prosperity" and "prosperity built on ..."
 *                                              speaker Ishiba (both), quote:that
 *   According to the IMF, "the deficit ..."    speaker IMF, quote:according-to
 *   Ishiba even described the situation as a "national crisis."
 *                                              speaker Ishiba, quote:described-as
 *
 * A quotation is the text between double quotes (straight or curly) that a
 * rule gives a speaker, an actor (entity): the subject of a speech verb
 * before it in its sentence, the actor named with a speech verb right
 * after it, the X of "according to X"; "he" and "she" stand for the last
 * person named.  Quoted words nobody is said to have said (scare quotes,
 * titles: "America First") are no quotation.  Pure: no I/O, any valid
 * UTF-8; offsets are bytes of the text. */
#ifndef BRIEF_QUOTES_H
#define BRIEF_QUOTES_H

#include <stddef.h>

#include "brief/claims.h"

struct quotes_item {
	size_t start, end;          /* the quoted words, without the quote marks */
	long speaker;               /* entity index of the input's ents */
	const char *rule;           /* static: "quote:after", "quote:that", ... */
	size_t sent_start, sent_end;    /* its sentence */
};

struct quotes {
	struct quotes_item *v;      /* owned, in text order */
	size_t n, cap;
};

void quotes_init(struct quotes *q);
void quotes_free(struct quotes *q);
/* Find the attributed quotations of in->text[from, to) (claims.h's input;
 * the figures are not read) and append them. */
void quotes_find(struct quotes *q, const struct claims_input *in);

#endif
