/* Annotation files: who the actors are, what the figures mean, which values
 * compare.  Everything anchors to quoted text of the document, never to
 * offsets, so an edited article still loads.  Format: see brief(1) (built
 * as ./brief.1 from assets/brief.1.in) and
 * README ("Annotation format"). */
#ifndef BRIEF_ANNOT_H
#define BRIEF_ANNOT_H

#include <stddef.h>
#include "brief/document.h"

enum entity_kind {
	KIND_PERSON, KIND_COUNTRY, KIND_ORGANIZATION, KIND_MEDIA, KIND_PLACE, KIND_COUNT
};

/* A quotation of the document.  The first occurrence at or after the start
 * of the body is the anchor. */
struct quote {
	char *text;                 /* as written in the annotation file, unescaped */
	size_t len;
	int line, col;              /* where it stands in the annotation file */
	size_t start, end;          /* resolved span in doc->text; start == end == 0 until resolved */
};

/* How sure an automatic finding is (ANY_ARTICLE.md 4.6). */
enum entity_conf { CONF_ANNOTATED, CONF_SURE, CONF_LIKELY, CONF_UNSURE, CONF_COUNT };

/* Why an automatic actor or one of its aliases was found. */
struct entity_why {
	const char *rule;           /* static: "title-cue", "gazetteer", "alias:surname", ... */
	enum entity_conf conf;
	size_t ev_start, ev_end;    /* the evidence: a span of doc->text */
	char *source;               /* owned: "countries.tsv:17" for a list entry, or NULL */
};

struct entity {
	char *id;
	char *name;
	enum entity_kind kind;
	char *description;          /* may be NULL */
	char *affiliation;          /* id of another entity, may be NULL */
	char **aliases;             /* further spellings; the name is always matched too */
	size_t naliases;
	int line;
	/* Provenance (additive): NULL for an actor of an annotation file; for
	 * one found automatically, 1 + naliases entries, owned: [0] the actor
	 * itself, [1 + j] its alias j. */
	struct entity_why *why;
};

struct figure_note {               /* "figure QUOTE MEANING" */
	struct quote q;
	char *meaning;
};

/* Why an automatic comparison row was drawn (claims.h): NULL for a row of
 * an annotation file. */
struct row_why {
	const char *rule;           /* static: "claim:P1-from-to", ... */
	enum entity_conf conf;
	size_t sent_start, sent_end;    /* the sentence it came from, in doc->text */
	const char *party_rule;     /* static: how the party was found ("object",
	                               "pronoun", "possessor", ...), or NULL */
	const char *by_rule;        /* static: how the demander was found, or NULL */
	char *property;             /* owned: "defense spending", or NULL */
};

struct cmp_row {                   /* "row PARTY current QUOTE demand QUOTE" */
	char *party;                /* entity id */
	struct quote current, demand;
	int line;
	/* Additive (issues 17 and 19); all zero for a plain row. */
	int derived;                /* "row P derived QUOTE demand QUOTE": no current
	                               level in the text; QUOTE is the multiplier
	                               ("quintuple") it is derived by, never drawn */
	int target;                 /* "... target QUOTE": a target, not a demand */
	struct quote *hedges;       /* "hedge QUOTE" after the row: the text's words
	                               that weaken it ("reportedly"), owned */
	size_t nhedges;
	char *demander;             /* "demander ID": who demands this row, when the
	                               text says another than the comparison's by;
	                               NULL: the comparison's */
	int demander_unknown;       /* "demander ?": the text names no one */
	int demander_inherited;     /* "demander ID inherited": not named for this
	                               row; the one named before is taken */
	struct row_why *why;        /* owned; NULL when annotated */
};

struct measure {                   /* "measure PARTY[,PARTY...] LABEL QUOTE" */
	char **parties;             /* entity ids the measure falls on */
	size_t nparties;
	char *label;
	struct quote q;
	int line;
};

/* "quotation SPEAKER QUOTE": words of the article said by an actor. */
struct quotation {
	char *speaker;              /* entity id */
	struct quote q;
	int line;
	const char *rule;           /* static: the rule that found it (quotes.h), or
	                               NULL when annotated */
};

struct comparison {
	char *id;
	char *title;
	char *unit;                 /* may be NULL: then the rows' own unit */
	char *by;                   /* entity id of who demands, may be NULL */
	struct cmp_row *rows;
	size_t nrows;
	struct measure *measures;
	size_t nmeasures;
	int line;
};

enum meta_key { META_TITLE, META_SECTION, META_BYLINE, META_SOURCE, META_CREDIT, META_DATE, META_COUNT };

struct annot {
	char *name;                 /* file name for messages */
	struct quote meta[META_COUNT];  /* text NULL when absent */
	struct quote body;          /* where the article starts; text NULL: at 0 */
	struct entity *entities;
	size_t nentities;
	struct figure_note *notes;
	size_t nnotes;
	struct comparison *comparisons;
	size_t ncomparisons;
	char **ignores;             /* "ignore NAME": not an actor (automatic finding) */
	size_t nignores;
	struct quotation *quotations;   /* "quotation ID QUOTE" */
	size_t nquotations;
	/* private to annot.c: entity ids hashed, open addressing, each slot
	 * an entity index + 1 (0: empty) */
	size_t *id_slot;
	size_t id_cap;
};

struct annot_error {
	int line, col;              /* 1-based; 0 when not about a place */
	char msg[512];              /* "file:line:col: what was expected" */
};

/* Parse len bytes of an annotation file.  Returns 0, or BRIEF_EXIT_DATAERR
 * with err filled in (the first error).  Checks syntax, unknown keywords,
 * duplicate ids, references to undefined entity ids. */
int annot_parse(struct annot *a, const char *name, const char *text, size_t len,
		struct annot_error *err);
/* Anchor every quote in the checked part of the document, text[0, ready);
 * a quote not found is an error naming its file:line:col.  Returns 0 or
 * BRIEF_EXIT_DATAERR. */
int annot_resolve(struct annot *a, const struct doc *d, struct annot_error *err);
void annot_free(struct annot *a);
/* Free what a comparison owns (not the comparison itself). */
void comparison_free_fields(struct comparison *c);
/* Free what an entity owns (not the entity itself). */
void entity_free_fields(struct entity *e);

/* Append an entity (automatic actors; its id must be new), taking what it
 * owns: *e is zeroed.  annot_drop_entities() frees entities [keep, n). */
void annot_add_entity(struct annot *a, struct entity *e);
void annot_drop_entities(struct annot *a, size_t keep);
/* Index of the entity with this id, or -1. */
long annot_find_entity(const struct annot *a, const char *id);
const char *entity_kind_name(enum entity_kind k);  /* "person", ... */
/* A group of one kind, as the reader's panel and --dump head it ("People",
 * "Countries"): one vocabulary for both, beside the annotation format's
 * singular keyword above. */
const char *entity_kind_heading(enum entity_kind k);
const char *meta_key_name(enum meta_key k);        /* "title", "section", ... */

#endif
