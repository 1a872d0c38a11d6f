/* Claims: the values a text claims for someone, read by rule.
 *
 * A claim is one figure of the text (figures.h) read as a party's level of
 * some property in a role: its current level, what someone demands of it,
 * a target, an offer, a plan, or a change over time.  Two claims of one
 * party and property, a current level and a demand (or target), make a
 * comparison row; rows with the same demander, unit family and property
 * make a comparison (ANY_ARTICLE.md 4.5):
 *
 *   "It demands that Japan pay more ... and reportedly asks it to raise its
 *    defense spending from less than 2 percent of GDP to 3.5 percent of GDP."
 *      -> japan: current < 2 % of GDP, demand 3.5 % of GDP, by us ("It" is
 *         the Washington of the sentence before), rule claim:P1-from-to,
 *         hedge "reportedly"
 *   "Germany's defence budget will rise from €52 billion this year to €86
 *    billion in 2029."  -> a plan: never a demand row
 *   "He won 52 percent of the vote, up from 48 percent in 2020."
 *      -> a change: never a demand row
 *
 * A pair is a demand only when a demand word governs it ("asks it to
 * raise", "has been asked to hike", "urged Argentina to cut", "calls for",
 * "should"); a target word makes it a target ("NATO's 2% requirement").
 * Parties and demanders are actors (entities), found through objects of
 * demand verbs, subjects of passives, possessives and pronouns; a
 * demander found once is inherited by later demands that name none, and
 * marked so.  Nothing is invented: a current level the text gives only as
 * a multiple of the demand ("quintuple it to $5 billion") is derived and
 * marked, never read.
 *
 * Every claim and row carries the name of the rule that made it.  Pure:
 * no I/O, no globals; any valid UTF-8.  Offsets are bytes of the text. */
#ifndef BRIEF_CLAIMS_H
#define BRIEF_CLAIMS_H

#include <stddef.h>
#include <stdint.h>

#include "brief/annot.h"
#include "brief/figures.h"
#include "brief/mentions.h"

/* Text past this many bytes of the body is not read for claims, as for
 * actors (actors.h): no article is longer. */
#define CLAIMS_MAX_BYTES ((size_t)4 << 20)
/* A sentence is read in pieces of at most this many tokens.  Every rule
 * looks back or ahead within its sentence (the governing cue, the party,
 * the pattern), so one "sentence" of 600,000 figures and no full stop
 * cost time quadratic in its length (over 3 minutes); the longest real
 * sentence of the comparison development set is about 190 tokens. */
#define CLAIMS_SENT_TOKENS 512
/* No line is read past this many claims (truncated is then set): an
 * article holds tens; grouping rows into comparisons compares each with
 * those before it, which stays under a second at this bound. */
#define CLAIMS_MAX 4096

enum claim_role {
	CLAIM_CURRENT,      /* where the party stands: "currently spends 2.3%" */
	CLAIM_DEMAND,       /* what someone asks of it: "asked to raise it to 5%" */
	CLAIM_TARGET,       /* a target or limit set for it: "NATO's 2% target" */
	CLAIM_OFFER,        /* what the party offers: "offered to pay 13% more" */
	CLAIM_PLANNED,      /* what it plans: "will rise to €86 billion" */
	CLAIM_CHANGE,       /* a change over time: "up from 48 percent" */
	CLAIM_ROLE_COUNT
};

#define CLAIM_NONE ((size_t)-1)
#define CLAIM_MAX_HEDGES 4

struct claim_span {
	size_t start, end;
};

struct claim {
	size_t fig;                 /* index into the figures given */
	size_t start, end;          /* the figure's span */
	enum claim_role role;
	long party;                 /* entity index, -1 when none is named */
	long by;                    /* entity index of who demands, -1 */
	const char *party_rule;     /* static: "object", "passive-subject", ... */
	const char *by_rule;        /* static: "subject", "pronoun", "inherited", ... */
	int by_inherited;           /* the demander is not named in its sentence */
	int unit_inherited;         /* the unit is the partner's ("2.3 percent"
	                               of "% of GDP") */
	int derived;                /* a current level not in the text: the
	                               partner's value over factor */
	double factor;              /* "quintuple": 5 */
	struct claim_span mult;     /* the multiplier word, when derived */
	struct claim_span hedge[CLAIM_MAX_HEDGES];  /* the text's hedges, in order */
	size_t nhedges;
	struct claim_span prop;     /* the property's words ("defense spending"),
	                               0,0 when none was found */
	struct claim_span sent;     /* the sentence */
	size_t pair;                /* index of the partner claim, or CLAIM_NONE */
	const char *rule;           /* static: "claim:P1-from-to", ... */
	enum entity_conf conf;
};

struct claims {
	struct claim *v;            /* owned; in order of the figures' starts */
	size_t n, cap;
	int truncated;              /* stopped at CLAIMS_MAX_BYTES or CLAIMS_MAX claims */
};

struct quotes_item;

/* What the finder reads: the text, its body, its figures, and the actors
 * with their mentions.  Borrowed; nothing is kept after claims_find(). */
struct claims_input {
	const uint8_t *text;        /* valid UTF-8, text[len] == '\0' */
	size_t len;
	size_t from, to;            /* the part read: the body, at line starts */
	const struct figures *figs;
	const struct entity *ents;
	size_t nents;
	const struct mention *ments;    /* sorted by start, not overlapping */
	size_t nments;
	/* Optional (NULL, 0: none): the attributed quotations of the text
	 * (quotes.h, in text order), so that "we" and "our" inside one stand
	 * for its speaker. */
	const struct quotes_item *quotes;
	size_t nquotes;
	/* Optional (NULL: no bound): how many more bytes the quotes may be
	 * searched for their first occurrence (claims_quote(), and the
	 * comparisons' quotes); each search takes the bytes it may read from
	 * it.  Every quote searches from in->from, so without a bound a text
	 * of many rows and quotations costs the square of its length (4 MiB
	 * of them took 8 s).  Once it is spent a quote is the span itself,
	 * not widened; whoever writes it must check where it anchors (the
	 * draft does, and writes one that does not commented out). */
	size_t *search_left;
};

/* The bound the reader gives in->search_left: a fraction of a second of
 * memmem at worst, and more than any real text's quotes need (the
 * commentary's take 0.6 MB, a 4 MiB report's a few hundred MB only when
 * it holds thousands of rows). */
#define CLAIMS_SEARCH_MAX ((size_t)256 << 20)

/* Where reading in->text stops: in->to, or CLAIMS_MAX_BYTES after
 * in->from moved back to a line start (no line is read in part), and then
 * *truncated is set (when not NULL).  Claims and quotations both stop
 * there. */
size_t claims_read_end(const struct claims_input *in, int *truncated);

void claims_init(struct claims *c);
void claims_free(struct claims *c);
/* Find the claims of in->text[from, to) and append them to c. */
void claims_find(struct claims *c, const struct claims_input *in);

/* The pairs of c as comparisons in the annotation format, appended to
 * *v (*n of them, *cap allocated; the caller owns them: free each with
 * comparison_free_fields()).  Parties and demanders are written as the
 * ids of in->ents; a row with no party named has party NULL.  Quotes are
 * copied from the text, as short as keeps them anchoring where they
 * stand (annot_resolve() finds each at its own place), and come resolved.
 * Each row's why (annot.h) says its rule, confidence, sentence and
 * property.  Comparisons are numbered from first_id ("auto-1", ...). */
void claims_comparisons(const struct claims *c, const struct claims_input *in,
			struct comparison **v, size_t *n, size_t *cap, int first_id);

/* A quote of in->text[s, e) as the annotation format anchors it at s:
 * the span itself when its first occurrence on whole words after in->from
 * is s, else widened by whole words (left first) until it is, or until
 * in->search_left is spent (then it may not anchor at s).  Owned
 * text, resolved span; the text is exactly in->text[start, end), a TAB
 * included (the format writes it \t), so that a draft of it loads back
 * where it stands.  Whoever shows the text shows a TAB as the reader
 * does (draw_text()), never as a raw control. */
struct quote claims_quote(const struct claims_input *in, size_t s, size_t e);

const char *claim_role_name(enum claim_role r);   /* "current", "demand", ... */

#endif
