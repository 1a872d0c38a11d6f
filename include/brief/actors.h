/* Actors found by rule in any English text: people, countries,
 * organisations, media and places, each with the rule that found it, a
 * confidence and the span of text that is its evidence.
 *
 * Two passes.  actors_scan() runs the local rules over whole lines (title
 * before a name, apposition, speech verbs, organisation head words, the
 * gazetteer, seats of government as subjects or as places) and keeps one
 * record per distinct surface, not per occurrence, so memory follows the
 * vocabulary, not the file.  actors_finish() is the whole-document pass over
 * those records: one sense per document (a word seen only where a capital is
 * expected anyway and common in lower case is no name), surname and acronym
 * aliases, seats as the country's alias when they act, affiliations.
 * Mentions are not kept here: every name and alias of the result is found
 * in the text by the same rule as an annotation file's (mentions.h), so a
 * draft written from the result loads back with the same mentions.
 * Pure: no I/O, no globals but the shared gazetteer. */
#ifndef BRIEF_ACTORS_H
#define BRIEF_ACTORS_H

#include <stddef.h>
#include <stdint.h>

#include "brief/annot.h"
#include "brief/gazetteer.h"
#include "brief/tokens.h"

/* Text past this many bytes of the body is not read for actors: the finder
 * costs about 32 ns a byte (word and sentence breaks are much of it), so
 * 4 MiB keep a 100 MB file's panel within its 1.5 s, and no article is that
 * long.
 * actors.truncated says so, and the panel and the export say it too. */
#define ACTORS_MAX_BYTES ((size_t)4 << 20)

/* Nor past this many different names: the document pass compares names
 * with names (a shorter name with a longer, a word with the names holding
 * it), so its time grows with their square; 30,000 names on 930 KB of
 * "Xxxx Yyyy said." took 24 s.  News articles hold a few hundred, the
 * bench's 4 MiB of licence files about 2,000.  Stopping here is said as
 * stopping at ACTORS_MAX_BYTES is (truncated: only sure actors shown). */
#define ACTORS_MAX_NAMES 6000

struct actors {
	const struct gazetteer *g;
	struct tokens tk;
	uint8_t *cue;               /* per token of the line, private */
	size_t cue_cap;
	struct acand *c;            /* candidates, private to actors.c */
	size_t nc, capc;
	size_t *slot;               /* surface hash -> candidate + 1 */
	size_t slot_cap;
	size_t read;                /* bytes read so far */
	size_t line_start;          /* the line being read, private */
	int truncated;              /* stopped at ACTORS_MAX_BYTES or ACTORS_MAX_NAMES */
	size_t sport;               /* words of a football report read, private */
	size_t sport_only;          /* of them, words only football uses, private */
	/* the result of actors_finish: entities with ids unique among
	 * themselves, why[] filled (annot.h), owned */
	struct entity *ents;
	size_t nents;
};

void actors_init(struct actors *a, const struct gazetteer *g);
/* Read text[from, to) (whole lines; successive calls go forward). */
void actors_scan(struct actors *a, const uint8_t *text, size_t len, size_t from, size_t to);
/* The whole-document pass: fills ents.  Call once, after the last scan. */
void actors_finish(struct actors *a);
/* Take the entities out (the caller owns them; free each with
 * entity_free_fields() and the array with free()). */
struct entity *actors_take(struct actors *a, size_t *n);
void actors_free(struct actors *a);

const char *entity_conf_name(enum entity_conf c);   /* "annotated", "sure", ... */

#endif
