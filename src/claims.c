/* Claims: figures read as a party's current level, a demand on it, a target,
 * a plan or a change, paired into comparison rows (claims.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "brief/claims.h"
#include "brief/compare.h"
#include "brief/quotes.h"
#include "brief/tokens.h"
#include "brief/util.h"
#include "brief/word.h"

/* ---- the words the rules read ----------------------------------------------
 * One table, by the lower-case word; a word may be in several classes.  Kept
 * to what the patterns of ANY_ARTICLE.md 4.5 need and what real text of the
 * development set showed. */

enum {
	L_DEMAND_V = 1u << 0,   /* demand, ask, urge, want ... (takes an object) */
	L_DEMAND_N = 1u << 1,   /* demand, call, request, pressure, proposal */
	L_TARGET_N = 1u << 2,   /* target, goal, limit, requirement ... */
	L_MODAL = 1u << 3,      /* should, must (need to, has to: see modal_at) */
	L_CHANGE = 1u << 4,     /* raise, increase, cut ... in base form */
	L_CHANGED = 1u << 5,    /* raised, rose, fell, won ...: a change made */
	L_PLAN = 1u << 6,       /* will, plans, aims, would ... */
	L_CURRENT = 1u << 7,    /* currently, current, now ... */
	L_LEVEL_V = 1u << 8,    /* spends, pays, is, stands, hits ...: a level held */
	L_HEDGE = 1u << 9,      /* reportedly, allegedly ... */
	L_SPEECH = 1u << 10,    /* said, stated, told, indicates ... */
	L_BARRIER = 1u << 11,   /* but, while, although ...: a new clause */
	L_GENERIC = 1u << 12,   /* allies, members, countries: a party named by kind */
	L_BE = 1u << 13,        /* is, was, has been ...: for passives */
	L_NEG = 1u << 14,       /* refrained, refused, rejected ...: no demand of theirs */
	L_PRON_SUBJ = 1u << 15, /* it, they, he, she */
	L_PRON_POSS = 1u << 16, /* its, their, his, her */
	L_PRON_OBJ = 1u << 17,  /* it, them, him, her */
	L_FILLER = 1u << 18,    /* the, a, its ...: may stand before a figure */
	L_TIME = 1u << 19,      /* this, last, year, annually ...: between figures */
	L_OFFER = 1u << 20,     /* offered, agreed ...: the party's own */
	L_MULT = 1u << 21,      /* double, quintuple, fivefold ... */
	L_PARTICIPLE = 1u << 22, /* asked, urged ...: a demand verb's participle */
};

struct lex {
	const char *w;
	uint32_t cls;
};

/* Sorted by bytes (checked by test_claims.c through claims_lexicon_sorted). */
static const struct lex lexicon[] = {
	{ "a", L_FILLER | L_TIME },
	{ "about", L_FILLER },
	{ "according", L_HEDGE },
	{ "accounting", L_LEVEL_V },
	{ "added", L_SPEECH },
	{ "after", L_BARRIER },
	{ "agreed", L_OFFER | L_PLAN },
	{ "agrees", L_OFFER | L_PLAN },
	{ "aim", L_PLAN },
	{ "aiming", L_PLAN },
	{ "aims", L_PLAN },
	{ "allegedly", L_HEDGE },
	{ "allies", L_GENERIC },
	{ "allocate", L_CHANGE },
	{ "allocates", L_LEVEL_V },
	{ "allocating", L_LEVEL_V },
	{ "already", L_CURRENT },
	{ "although", L_BARRIER },
	{ "amount", L_LEVEL_V },
	{ "amounts", L_LEVEL_V },
	{ "an", L_FILLER | L_TIME },
	{ "announced", L_SPEECH | L_PLAN },
	{ "annual", L_TIME },
	{ "annually", L_TIME },
	{ "apparently", L_HEDGE },
	{ "are", L_BE | L_LEVEL_V },
	{ "around", L_FILLER },
	{ "ask", L_DEMAND_V },
	{ "asked", L_DEMAND_V | L_PARTICIPLE },
	{ "asking", L_DEMAND_V },
	{ "asks", L_DEMAND_V },
	{ "attempt", L_PLAN },
	{ "barrel", L_TIME },
	{ "be", L_BE },
	{ "because", L_BARRIER },
	{ "been", L_BE },
	{ "being", L_BE },
	{ "believes", L_SPEECH },
	{ "boost", L_CHANGE },
	{ "boosted", L_CHANGED },
	{ "bring", L_CHANGE },
	{ "brought", L_CHANGED },
	{ "but", L_BARRIER },
	{ "call", L_DEMAND_V | L_DEMAND_N },
	{ "called", L_DEMAND_V | L_PARTICIPLE },
	{ "calling", L_DEMAND_V },
	{ "calls", L_DEMAND_V | L_DEMAND_N },
	{ "capita", L_TIME },
	{ "ceiling", L_TARGET_N },
	{ "claimed", L_SPEECH },
	{ "climbed", L_CHANGED },
	{ "commitment", L_TARGET_N },
	{ "committed", L_OFFER | L_PLAN },
	{ "contribute", L_CHANGE },
	{ "contributed", L_LEVEL_V },
	{ "contributes", L_LEVEL_V },
	{ "conveyed", L_SPEECH },
	{ "countries", L_GENERIC },
	{ "current", L_CURRENT },
	{ "currently", L_CURRENT },
	{ "cut", L_CHANGE | L_CHANGED },
	{ "cuts", L_CHANGED },
	{ "day", L_TIME },
	{ "deadline", L_DEMAND_N },
	{ "declared", L_SPEECH },
	{ "declined", L_CHANGED | L_NEG },
	{ "decreased", L_CHANGED },
	{ "demand", L_DEMAND_V | L_DEMAND_N },
	{ "demanded", L_DEMAND_V | L_PARTICIPLE },
	{ "demanding", L_DEMAND_V },
	{ "demands", L_DEMAND_V | L_DEMAND_N },
	{ "despite", L_BARRIER },
	{ "double", L_CHANGE | L_MULT },
	{ "doubled", L_CHANGED },
	{ "doubling", L_MULT },
	{ "dropped", L_CHANGED },
	{ "each", L_TIME },
	{ "earmarked", L_LEVEL_V },
	{ "ease", L_CHANGE },
	{ "equivalent", L_LEVEL_V },
	{ "estimated", L_LEVEL_V },
	{ "existing", L_CURRENT },
	{ "expected", L_PLAN },
	{ "expects", L_DEMAND_V },
	{ "fell", L_CHANGED },
	{ "fivefold", L_MULT },
	{ "forecast", L_PLAN },
	{ "fourfold", L_MULT },
	{ "goal", L_TARGET_N },
	{ "goals", L_TARGET_N },
	{ "gone", L_CHANGED },
	{ "grew", L_CHANGED },
	{ "guideline", L_TARGET_N },
	{ "had", L_BE },
	{ "halve", L_CHANGE | L_MULT },
	{ "has", L_BE },
	{ "have", L_BE },
	{ "he", L_PRON_SUBJ },
	{ "her", L_PRON_POSS | L_PRON_OBJ },
	{ "hike", L_CHANGE },
	{ "hiked", L_CHANGED },
	{ "him", L_PRON_OBJ },
	{ "his", L_PRON_POSS },
	{ "hits", L_LEVEL_V },
	{ "hour", L_TIME },
	{ "hourly", L_TIME },
	{ "however", L_BARRIER },
	{ "if", L_BARRIER },
	{ "in", L_TIME },
	{ "increase", L_CHANGE },
	{ "increased", L_CHANGED },
	{ "indicated", L_SPEECH },
	{ "indicates", L_SPEECH },
	{ "insisted", L_DEMAND_V },
	{ "insisting", L_DEMAND_V },
	{ "insists", L_DEMAND_V },
	{ "intends", L_PLAN },
	{ "is", L_BE | L_LEVEL_V },
	{ "it", L_PRON_SUBJ | L_PRON_OBJ },
	{ "its", L_PRON_POSS | L_FILLER },
	{ "jumped", L_CHANGED },
	{ "last", L_TIME },
	{ "level", L_FILLER },
	{ "lift", L_CHANGE },
	{ "lifted", L_CHANGED },
	{ "likely", L_PLAN },
	{ "limit", L_TARGET_N },
	{ "lower", L_CHANGE },
	{ "lowered", L_CHANGED },
	{ "mandate", L_TARGET_N },
	{ "members", L_GENERIC },
	{ "month", L_TIME },
	{ "must", L_MODAL },
	{ "nations", L_GENERIC },
	{ "next", L_TIME },
	{ "noted", L_SPEECH },
	{ "now", L_CURRENT | L_TIME },
	{ "offer", L_OFFER },
	{ "offered", L_OFFER },
	{ "order", L_DEMAND_N },
	{ "ordered", L_DEMAND_V | L_PARTICIPLE },
	{ "our", L_PRON_POSS | L_FILLER },
	{ "paid", L_LEVEL_V },
	{ "partners", L_GENERIC },
	{ "pay", L_CHANGE },
	{ "pays", L_LEVEL_V },
	{ "per", L_TIME },
	{ "plan", L_PLAN },
	{ "planned", L_PLAN },
	{ "planning", L_PLAN },
	{ "plans", L_PLAN },
	{ "pledge", L_TARGET_N },
	{ "pledged", L_PLAN },
	{ "present", L_CURRENT },
	{ "press", L_DEMAND_V },
	{ "pressed", L_DEMAND_V | L_PARTICIPLE },
	{ "presses", L_DEMAND_V },
	{ "pressing", L_DEMAND_V },
	{ "pressure", L_DEMAND_N },
	{ "pressured", L_DEMAND_V | L_PARTICIPLE },
	{ "pressuring", L_DEMAND_V },
	{ "projected", L_PLAN },
	{ "projects", L_PLAN },
	{ "promised", L_PLAN },
	{ "proposal", L_DEMAND_N },
	{ "propose", L_DEMAND_V },
	{ "proposed", L_OFFER | L_HEDGE },
	{ "proposes", L_DEMAND_V },
	{ "proposing", L_DEMAND_V },
	{ "purportedly", L_HEDGE },
	{ "push", L_DEMAND_V | L_DEMAND_N },
	{ "pushed", L_DEMAND_V | L_PARTICIPLE },
	{ "pushing", L_DEMAND_V },
	{ "quadruple", L_CHANGE | L_MULT },
	{ "quintuple", L_CHANGE | L_MULT },
	{ "raise", L_CHANGE },
	{ "raised", L_CHANGED },
	{ "raising", L_CHANGE },
	{ "reach", L_CHANGE },
	{ "reached", L_LEVEL_V },
	{ "recommend", L_DEMAND_V },
	{ "recommendation", L_DEMAND_N },
	{ "recommended", L_DEMAND_V | L_PARTICIPLE },
	{ "recommends", L_DEMAND_V },
	{ "reduce", L_CHANGE },
	{ "reduced", L_CHANGED },
	{ "refrained", L_NEG },
	{ "refused", L_NEG },
	{ "reiterated", L_SPEECH },
	{ "remains", L_LEVEL_V },
	{ "reportedly", L_HEDGE },
	{ "reputedly", L_HEDGE },
	{ "request", L_DEMAND_V | L_DEMAND_N },
	{ "requested", L_DEMAND_V | L_PARTICIPLE },
	{ "requesting", L_DEMAND_V },
	{ "requests", L_DEMAND_V | L_DEMAND_N },
	{ "require", L_DEMAND_V },
	{ "required", L_DEMAND_V | L_PARTICIPLE },
	{ "requirement", L_TARGET_N },
	{ "requires", L_DEMAND_V },
	{ "rise", L_CHANGE },
	{ "rose", L_CHANGED },
	{ "said", L_SPEECH },
	{ "says", L_SPEECH },
	{ "seek", L_DEMAND_V },
	{ "seeking", L_DEMAND_V },
	{ "seeks", L_DEMAND_V },
	{ "she", L_PRON_SUBJ },
	{ "should", L_MODAL },
	{ "slash", L_CHANGE },
	{ "slashed", L_CHANGED },
	{ "sought", L_DEMAND_V | L_PARTICIPLE },
	{ "spend", L_CHANGE },
	{ "spends", L_LEVEL_V },
	{ "spent", L_LEVEL_V },
	{ "standard", L_TARGET_N },
	{ "stands", L_LEVEL_V },
	{ "stated", L_SPEECH },
	{ "states", L_GENERIC },
	{ "stood", L_LEVEL_V },
	{ "suggested", L_SPEECH },
	{ "supposedly", L_HEDGE },
	{ "target", L_TARGET_N },
	{ "targets", L_TARGET_N },
	{ "tenfold", L_MULT },
	{ "the", L_FILLER },
	{ "their", L_PRON_POSS | L_FILLER },
	{ "them", L_PRON_OBJ },
	{ "they", L_PRON_SUBJ },
	{ "this", L_TIME },
	{ "though", L_BARRIER },
	{ "threat", L_PLAN },
	{ "threatened", L_PLAN },
	{ "threatening", L_PLAN },
	{ "threatens", L_PLAN },
	{ "threshold", L_TARGET_N },
	{ "today", L_CURRENT | L_TIME },
	{ "told", L_DEMAND_V | L_SPEECH | L_PARTICIPLE },
	{ "totals", L_LEVEL_V },
	{ "triple", L_CHANGE | L_MULT },
	{ "twice", L_MULT },
	{ "unless", L_BARRIER },
	{ "until", L_BARRIER },
	{ "urge", L_DEMAND_V },
	{ "urged", L_DEMAND_V | L_PARTICIPLE },
	{ "urges", L_DEMAND_V },
	{ "urging", L_DEMAND_V },
	{ "vowed", L_PLAN },
	{ "want", L_DEMAND_V },
	{ "wanted", L_DEMAND_V },
	{ "wants", L_DEMAND_V },
	{ "was", L_BE | L_LEVEL_V },
	{ "we", L_PRON_SUBJ },
	{ "week", L_TIME },
	{ "were", L_BE | L_LEVEL_V },
	{ "when", L_BARRIER },
	{ "whereas", L_BARRIER },
	{ "which", L_BARRIER },
	{ "while", L_BARRIER },
	{ "will", L_PLAN },
	{ "won", L_CHANGED },
	{ "would", L_PLAN },
	{ "wrote", L_SPEECH },
	{ "year", L_TIME },
	{ "years", L_TIME },
};
#define NLEX (sizeof lexicon / sizeof lexicon[0])

static uint32_t lex_of(const char *w)
{
	size_t lo = 0, hi = NLEX;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(lexicon[mid].w, w);
		if (c == 0)
			return lexicon[mid].cls;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int claims_lexicon_sorted(void);
int claims_lexicon_sorted(void)
{
	for (size_t i = 1; i < NLEX; i++)
		if (strcmp(lexicon[i - 1].w, lexicon[i].w) >= 0)
			return 0;
	return 1;
}

const char *claim_role_name(enum claim_role r)
{
	static const char *const names[CLAIM_ROLE_COUNT] = {
		"current", "demand", "target", "offer", "planned", "change",
	};
	return (unsigned)r < CLAIM_ROLE_COUNT ? names[r] : "?";
}

void claims_init(struct claims *c)
{
	memset(c, 0, sizeof *c);
}

void claims_free(struct claims *c)
{
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* ---- a sentence as items ------------------------------------------------------ */

enum item_kind { IT_WORD, IT_PUNCT, IT_FIG, IT_ENT };

#define WMAX 24     /* lexicon words are shorter; longer words match none */

struct item {
	uint8_t kind;
	uint8_t poss;               /* ends in 's */
	uint32_t lex;
	size_t start, end;
	long ref;                   /* figure or entity index */
	char w[WMAX];               /* the word in lower case (ASCII), or the punctuation */
};

/* A figure the rules may pair: a percentage or an amount of money. */
static int is_value(const struct figure *f)
{
	return f->kind == FIG_PERCENT || f->kind == FIG_MONEY;
}

/* Internal per-claim facts the public struct does not carry. */
struct cinfo {
	size_t sent;                /* sentence number in the document */
	size_t item;                /* its item in the sentence (while it is read) */
	int generic;                /* the party is named by kind ("allies") */
	long mentioned[8];          /* entities named in its sentence */
	size_t nmentioned;
	int plan_cued;              /* a plan word governs it */
	int cur_cued;               /* read as a current level: 2 by a word
	                               saying so ("current", "currently") */
	long ctx;                   /* the subject of the sentence before */
	int own_target;             /* a party's own target it plans to reach */
	int refers_back;            /* its sentence opens "This is ...": about
	                               the sentence before */
	int joint;                  /* "a combined $1.1 billion": several parties'
	                               sum, no one party's level to set against */
};

struct finder {
	const struct claims_input *in;
	struct claims *out;
	struct cinfo *info;         /* parallel to out->v */
	size_t info_cap;
	size_t base;                /* out->n when this run began */
	struct tokens tk;
	struct item *it;
	size_t nit, capit;
	size_t fig_i, ment_i;       /* cursors into figs and ments */
	size_t sent_no;             /* sentences read so far */
	/* what earlier sentences leave for pronouns */
	long last_subject;          /* first actor of the last sentence */
	long last_person;
	long last_party;            /* last country or organisation named */
	long last_by;               /* the last demander found */
	uint8_t *term;              /* per entity: a measure's name, read as words */
	long we;                    /* who "we" and "our" are in this sentence */
	/* we_speaker()'s cursor: the quotations before quote_i end before the
	 * sentence last read, and so before every later one */
	size_t quote_i;
	size_t quote_from;          /* that sentence's start */
};

static const struct figure *fig_of(const struct finder *f, const struct item *it)
{
	return &f->in->figs->v[it->ref];
}

static const struct entity *ent_of(const struct finder *f, long e)
{
	return e >= 0 && (size_t)e < f->in->nents ? &f->in->ents[e] : NULL;
}

static int is_state(const struct finder *f, long e)
{
	const struct entity *en = ent_of(f, e);
	return en && (en->kind == KIND_COUNTRY || en->kind == KIND_ORGANIZATION
		      || en->kind == KIND_PLACE);
}

/* Whether an actor's name reads as a name (a capital or a letter without
 * case first): a lower-case finding ("food" of "Fast-food") is no party
 * or demander. */
static int name_like(const struct finder *f, long e)
{
	const struct entity *en = ent_of(f, e);
	unsigned char c = en && en->name ? (unsigned char)en->name[0] : 0;
	return c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_person(const struct finder *f, long e)
{
	const struct entity *en = ent_of(f, e);
	return en && en->kind == KIND_PERSON;
}

static int word_is(const struct item *it, const char *w)
{
	return it->kind == IT_WORD && strcmp(it->w, w) == 0;
}

static int punct_is(const struct item *it, char c)
{
	return it->kind == IT_PUNCT && it->w[0] == c && !it->w[1];
}

static void add_item(struct finder *f, enum item_kind k, size_t s, size_t e, long ref)
{
	f->it = xgrowarray(f->it, &f->capit, f->nit + 1, sizeof *f->it);
	struct item *it = &f->it[f->nit++];
	memset(it, 0, sizeof *it);
	it->kind = (uint8_t)k;
	it->start = s;
	it->end = e;
	it->ref = ref;
	if (k == IT_WORD || k == IT_PUNCT) {
		const uint8_t *t = f->in->text;
		size_t n = e - s, o = 0;
		if (k == IT_WORD && n >= 2 && (t[e - 1] == 's' || t[e - 1] == 'S')
		    && (t[e - 2] == '\'' || (n >= 4 && t[e - 4] == 0xE2 && t[e - 3] == 0x80
					     && t[e - 2] == 0x99))) {
			it->poss = 1;
			n -= t[e - 2] == '\'' ? 2 : 4;
		}
		if (n < WMAX) {
			for (size_t i = 0; i < n; i++) {
				uint8_t c = t[s + i];
				it->w[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			}
		}
		it->w[o] = '\0';
		if (k == IT_WORD)
			it->lex = lex_of(it->w);
	}
}

/* Items of the tokens [t0, t1) of the line: figures and mentions as one
 * item each, the rest word by word. */
static void build_items(struct finder *f, size_t t0, size_t t1)
{
	const struct claims_input *in = f->in;
	const struct token *tv = f->tk.v;
	f->nit = 0;
	for (size_t k = t0; k < t1; k++) {
		size_t s = tv[k].start;
		while (f->fig_i < in->figs->n && in->figs->v[f->fig_i].end <= s)
			f->fig_i++;
		while (f->ment_i < in->nments && in->ments[f->ment_i].end <= s)
			f->ment_i++;
		if (f->fig_i < in->figs->n && in->figs->v[f->fig_i].start <= s) {
			const struct figure *fg = &in->figs->v[f->fig_i];
			add_item(f, IT_FIG, fg->start, fg->end, (long)f->fig_i);
			while (k + 1 < t1 && tv[k + 1].start < fg->end)
				k++;
			continue;
		}
		if (f->ment_i < in->nments && in->ments[f->ment_i].start <= s
		    && !(f->term && f->term[in->ments[f->ment_i].entity])) {
			const struct mention *mn = &in->ments[f->ment_i];
			add_item(f, IT_ENT, mn->start, mn->end, (long)mn->entity);
			f->it[f->nit - 1].poss = tv[k].flags & TOKF_POSS ? 1 : 0;
			while (k + 1 < t1 && tv[k + 1].start < mn->end)
				k++;
			/* "Japan's": the token runs past the mention. */
			if (k + 1 < t1 && tv[k + 1].start == mn->end && in->text[mn->end] == '\'')
				f->it[f->nit - 1].poss = 1;
			continue;
		}
		add_item(f, tv[k].shape == TOK_PUNCT ? IT_PUNCT : IT_WORD, s, tv[k].end, -1);
	}
}

/* ---- reading a sentence --------------------------------------------------------- */

struct sent {
	size_t a, b;                /* items [a, b) */
	size_t start, end;          /* bytes */
};

/* A clause ends at ';', at a word of L_BARRIER, and after "said that". */
static int clause_start_at(const struct item *v, size_t i, size_t a)
{
	if (i <= a)
		return 1;
	const struct item *p = &v[i - 1];
	if (punct_is(p, ';') || punct_is(p, ':'))
		return 1;
	if (p->kind == IT_WORD && (p->lex & L_BARRIER))
		return 1;
	/* "... as it estimates the deficit ...": a clause of its own */
	if (word_is(p, "as") && (v[i].kind == IT_ENT || (v[i].kind == IT_WORD && (v[i].lex & L_PRON_SUBJ))))
		return 1;
	if (word_is(p, "that") && i >= a + 2 && v[i - 2].kind == IT_WORD
	    && (v[i - 2].lex & L_SPEECH) && !(v[i - 2].lex & L_DEMAND_V))
		return 1;
	return 0;
}

/* What governs the value at item pos: the nearest cue before it in its
 * clause (ANY_ARTICLE.md 4.5, role decision). */
enum gov { GOV_NONE, GOV_DEMAND, GOV_TARGET, GOV_PLAN, GOV_CHANGE, GOV_OFFER, GOV_NEG };

struct governor {
	enum gov kind;
	size_t at;                  /* the cue's item, or SIZE_MAX */
	int passive;                /* "has been asked" */
	int modal;                  /* "should", "must" */
	size_t change_verb;         /* "raise" between cue and value, or SIZE_MAX */
	size_t clause;              /* where the clause starts */
};

/* "need to", "needs to", "has to", "have to": a modal of obligation. */
static int modal_at(const struct item *v, size_t i, size_t b)
{
	if (v[i].lex & L_MODAL)
		return 1;
	/* "it is necessary to reduce", "it would be necessary to lower" */
	if (i + 1 < b && word_is(&v[i + 1], "to") && word_is(&v[i], "necessary"))
		return 1;
	if (i + 1 < b && word_is(&v[i + 1], "to")
	    && (word_is(&v[i], "need") || word_is(&v[i], "needs") || word_is(&v[i], "has")
		|| word_is(&v[i], "have")))
		return 1;
	return 0;
}

static struct governor governor(const struct item *v, size_t a, size_t b, size_t pos)
{
	struct governor g = { GOV_NONE, SIZE_MAX, 0, 0, SIZE_MAX, a };
	for (size_t i = pos; i > a; ) {
		i--;
		const struct item *it = &v[i];
		if (it->kind == IT_WORD) {
			uint32_t l = it->lex;
			if (modal_at(v, i, b)) {
				g.kind = GOV_DEMAND;
				g.at = i;
				g.modal = 1;
				return g;
			}
			if (l & L_DEMAND_V) {
				g.kind = GOV_DEMAND;
				g.at = i;
				g.passive = (l & L_PARTICIPLE) && i > a && (v[i - 1].lex & L_BE)
					    && !word_is(&v[i - 1], "has") && !word_is(&v[i - 1], "have")
					    && !word_is(&v[i - 1], "had");
				/* "has asked" is active; "has been asked" passive. */
				if ((l & L_PARTICIPLE) && i > a && word_is(&v[i - 1], "been"))
					g.passive = 1;
				return g;
			}
			if (l & L_DEMAND_N) {
				g.kind = GOV_DEMAND;
				g.at = i;
				return g;
			}
			if (l & L_NEG) {
				g.kind = GOV_NEG;
				g.at = i;
				return g;
			}
			/* "proposed South Korea pay", "proposed that Seoul pay": a
			 * proposal to another is a demand on it */
			if (word_is(it, "proposed") && i + 1 < pos) {
				size_t j = word_is(&v[i + 1], "that") ? i + 2 : i + 1;
				if (j < pos && v[j].kind == IT_ENT && !v[j].poss) {
					g.kind = GOV_DEMAND;
					g.at = i;
					return g;
				}
			}
			if ((l & L_OFFER) && !(l & L_HEDGE)) {
				g.kind = GOV_OFFER;
				g.at = i;
				return g;
			}
			if (l & L_PLAN) {
				g.kind = GOV_PLAN;
				g.at = i;
				return g;
			}
			if ((l & L_CHANGE) && !(l & L_CHANGED)) {
				if (g.change_verb == SIZE_MAX)
					g.change_verb = i;
			} else if (l & L_CHANGED) {
				/* "cut" after "to" or a modal is the base form; "be
				 * lowered", "been cut" a passive of what is to be done. */
				int base = ((l & L_CHANGE) && i > a
					    && (word_is(&v[i - 1], "to") || modal_at(v, i - 1, b)))
					   || (i > a && (word_is(&v[i - 1], "be") || word_is(&v[i - 1], "been")
							 || word_is(&v[i - 1], "being")));
				if (!base) {
					g.kind = GOV_CHANGE;
					g.at = i;
					return g;
				}
				if (g.change_verb == SIZE_MAX)
					g.change_verb = i;
			}
		}
		if (clause_start_at(v, i, a)) {
			g.clause = i;
			break;
		}
	}
	return g;
}

/* "as requested by EU finance ministers": a demand named after the value. */
static size_t demand_after(const struct item *v, size_t pos, size_t b)
{
	for (size_t i = pos + 1; i < b && i < pos + 6; i++) {
		if (v[i].kind == IT_FIG || punct_is(&v[i], ';'))
			return SIZE_MAX;
		if (v[i].kind == IT_WORD && (v[i].lex & L_PARTICIPLE) && i > pos + 1
		    && word_is(&v[i - 1], "as"))
			return i;
	}
	return SIZE_MAX;
}

/* Skip fillers ("the", "a", "its", "current", "about") from i on. */
static size_t skip_fill(const struct item *v, size_t i, size_t b)
{
	while (i < b && ((v[i].kind == IT_WORD && (v[i].lex & (L_FILLER | L_CURRENT)))
			 || (v[i].kind == IT_ENT && v[i].poss)))
		i++;
	return i;
}

/* Skip time words between a figure and "to" ("€52 billion this year to"). */
static size_t skip_time(const struct item *f, size_t i, size_t b)
{
	size_t n = 0;
	while (i < b && n < 4 && ((f[i].kind == IT_WORD && (f[i].lex & L_TIME))
				  || (f[i].kind == IT_FIG && f[i].w[0] == 'd'))) {
		/* "per quintal", "per tonne": the unit a price is per */
		if (word_is(&f[i], "per") && i + 1 < b && f[i + 1].kind == IT_WORD
		    && f[i + 1].w[0] >= 'a' && f[i + 1].w[0] <= 'z')
			i++;
		i++;
		n++;
	}
	return i;
}

/* Whether item i is a value figure.  An amount of change is none: "by 70
 * per cent", "up 8.2 percent from 2018", "a 3.1% increase" say how much
 * something moved, not where it stands (mark_times marks them 'a'). */
static int value_at(const struct finder *f, const struct item *v, size_t i, size_t b)
{
	return i < b && v[i].kind == IT_FIG && v[i].w[0] == 'v' && is_value(fig_of(f, &v[i]));
}

static int is_change_noun(const struct item *it)
{
	static const char *const nouns[] = {
		"increase", "increases", "rise", "hike", "cut", "cuts", "jump", "drop", "fall",
		"reduction", "raise", "boost", "spike", "decline", "gain", "increment",
	};
	for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++)
		if (word_is(it, nouns[i]))
			return 1;
	return 0;
}

static int amount_at(const struct item *v, size_t a, size_t b, size_t i)
{
	size_t k = i;
	while (k > a && v[k - 1].kind == IT_WORD
	       && (word_is(&v[k - 1], "a") || word_is(&v[k - 1], "further")
		   || word_is(&v[k - 1], "another") || word_is(&v[k - 1], "an")))
		k--;
	if (k > a && (word_is(&v[k - 1], "by") || word_is(&v[k - 1], "up")
		      || word_is(&v[k - 1], "down")))
		return 1;
	/* "a drop of at least 1.5%", "an increase of 8.2 percent" */
	if (k > a + 1 && word_is(&v[k - 1], "of") && is_change_noun(&v[k - 2]))
		return 1;
	for (size_t j = i + 1; j < b && j < i + 3; j++) {
		if (is_change_noun(&v[j]))
			return 1;
		if (v[j].kind != IT_WORD)
			break;
	}
	return 0;
}

/* A time figure (a date or a duration) marks itself 'd' for skip_time. */
static void mark_times(const struct finder *f, struct item *v, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (v[i].kind == IT_FIG) {
			enum fig_kind k = fig_of(f, &v[i])->kind;
			v[i].w[0] = k == FIG_DATE || k == FIG_DURATION ? 'd'
				    : amount_at(v, a, b, i) ? 'a' : 'v';
		}
}

/* ---- units ---------------------------------------------------------------------- */

/* The family a value's unit belongs to: "%" and "% of GDP" are one, each
 * currency its own. */
static int same_family(const struct figure *x, const struct figure *y)
{
	if (x->kind != y->kind)
		return 0;
	if (x->kind == FIG_PERCENT)
		return strcmp(x->unit, "pp") != 0 && strcmp(y->unit, "pp") != 0;
	return strcmp(x->unit, y->unit) == 0;
}

/* ---- parties and demanders ------------------------------------------------------ */

/* The actor a pronoun stands for: a subject pronoun the last sentence's
 * subject (a person for he/she), an object or possessive pronoun the last
 * country or organisation named that is not the demander. */
static long pronoun(const struct finder *f, const struct item *it, long not)
{
	if (word_is(it, "we") || word_is(it, "our"))
		return f->we != not ? f->we : -1;
	if (word_is(it, "he") || word_is(it, "she") || word_is(it, "his") || word_is(it, "him"))
		return f->last_person;
	if (it->lex & L_PRON_SUBJ)
		return f->last_subject < 0 || f->last_subject != not ? f->last_subject : -1;
	return f->last_party != not ? f->last_party : -1;
}

/* Whether item k follows a preposition that makes it no subject: "the
 * governor of X", "in X", "across Madhya Pradesh", "at X" ("the" may
 * stand between). */
static int place_after(const struct item *v, size_t a, size_t k)
{
	static const char *const preps[] = { "across", "at", "in", "into", "of", "on", "outside",
					     "throughout", "with", NULL };
	size_t j = k;
	if (j > a && word_is(&v[j - 1], "the"))
		j--;
	if (j == a || v[j - 1].kind != IT_WORD)
		return 0;
	for (size_t i = 0; preps[i]; i++)
		if (strcmp(v[j - 1].w, preps[i]) == 0)
			return 1;
	return 0;
}

/* An object pronoun ("asks it to raise") stands for the last country or
 * organisation named before it in its sentence that is not the demander
 * ("It demands that Japan pay more ... and asks it to": Japan), else in
 * the sentences before. */
static long object_pronoun(const struct finder *f, const struct item *v, size_t a, size_t k,
			   long not)
{
	for (size_t j = k; j > a; ) {
		j--;
		if (v[j].kind == IT_ENT && v[j].ref != not && is_state(f, v[j].ref)
		    && name_like(f, v[j].ref) && !place_after(v, a, j))
			return v[j].ref;
	}
	return pronoun(f, &v[k], not);
}

/* The nearest actor before item i in the clause [c, i), skipping those
 * inside "of X", "in X": the subject of a verb at i.  Also a subject
 * pronoun.  rule names how. */
static long subject_before(const struct finder *f, const struct item *v, size_t c, size_t i,
			   const char **rule, int *generic)
{
	for (size_t k = i; k > c; ) {
		k--;
		/* "Southland, which pays about 2 billion euros a year, was
		 * asked": the relative clause is skipped. */
		if (punct_is(&v[k], ',')) {
			for (size_t j = k; j > c + 1; j--)
				if ((word_is(&v[j - 1], "which") || word_is(&v[j - 1], "who"))
				    && punct_is(&v[j - 2], ',')) {
					k = j - 2;
					break;
				}
			continue;
		}
		if (v[k].kind == IT_ENT) {
			/* "the Trump administration" names Trump (devset rule A5). */
			if (place_after(v, c, k) || !name_like(f, v[k].ref))
				continue;
			*rule = "subject";
			return v[k].ref;
		}
		if (v[k].kind == IT_WORD && (v[k].lex & L_PRON_SUBJ)) {
			*rule = "pronoun";
			return pronoun(f, &v[k], -1);
		}
		if (v[k].kind == IT_WORD && (v[k].lex & L_GENERIC) && generic) {
			*generic = 1;
			*rule = "generic";
			return -1;
		}
		if ((v[k].kind == IT_FIG && v[k].w[0] != 'd')
		    || (v[k].kind == IT_WORD && (v[k].lex & L_BARRIER)))
			break;
	}
	return -1;
}

/* The object of a demand verb at i: an actor, a pronoun or a kind of
 * party after it, before "to", "that" or a figure.  "including X" names X. */
static long object_after(const struct finder *f, const struct item *v, size_t a, size_t i,
			 size_t b, long by, const char **rule, int *generic)
{
	long kind_seen = 0;
	for (size_t k = i + 1; k < b && k < i + 9; k++) {
		if (v[k].kind == IT_ENT) {
			if (v[k].ref == by)
				continue;
			/* "European nations", "NATO members": a kind, not the actor */
			if (k + 1 < b && v[k + 1].kind == IT_WORD && (v[k + 1].lex & L_GENERIC))
				continue;
			*rule = kind_seen ? "including" : "object";
			return v[k].ref;
		}
		if (v[k].kind == IT_WORD && (v[k].lex & (L_PRON_OBJ | L_PRON_SUBJ))) {
			*rule = "pronoun";
			return object_pronoun(f, v, a, k, by);
		}
		/* "urging the country to": a description standing for it */
		if (word_is(&v[k], "the") && k + 1 < b
		    && (word_is(&v[k + 1], "country") || word_is(&v[k + 1], "nation")
			|| word_is(&v[k + 1], "island") || word_is(&v[k + 1], "government")
			|| word_is(&v[k + 1], "kingdom") || word_is(&v[k + 1], "state"))) {
			*rule = "description";
			return object_pronoun(f, v, a, k, by);
		}
		if (v[k].kind == IT_WORD && (v[k].lex & L_GENERIC)) {
			kind_seen = 1;      /* "allies, including South Korea" */
			*generic = 1;
			*rule = "generic";
			continue;
		}
		if (v[k].kind == IT_FIG || word_is(&v[k], "to") || punct_is(&v[k], ';'))
			break;
		if (v[k].kind == IT_WORD && (v[k].lex & (L_CHANGE | L_MODAL)) && !kind_seen)
			break;
	}
	return -1;
}

/* The owner of a property: "Japan's defense spending", "its budget" (the
 * nearest state before), within the few words before item i. */
static long possessor_before(const struct finder *f, const struct item *v, size_t c, size_t i,
			     long not, const char **rule)
{
	for (size_t k = i; k > c && k + 8 > i; ) {
		k--;
		if (v[k].kind == IT_ENT && v[k].poss && v[k].ref != not) {
			*rule = "possessor";
			return v[k].ref;
		}
		/* "the country's defense budget" */
		if (v[k].kind == IT_WORD && v[k].poss && k > c && word_is(&v[k - 1], "the")
		    && (word_is(&v[k], "country") || word_is(&v[k], "nation"))) {
			*rule = "its";
			return object_pronoun(f, v, c, k, not);
		}
		if (v[k].kind == IT_WORD && (v[k].lex & L_PRON_POSS)) {
			/* "its" -> the nearest country or organisation before, in
			 * the sentence, that is not the demander. */
			for (size_t j = k; j > c; ) {
				j--;
				if (v[j].kind == IT_ENT && v[j].ref != not && is_state(f, v[j].ref)) {
					*rule = "its";
					return v[j].ref;
				}
			}
			long p = pronoun(f, &v[k], not);
			if (p >= 0) {
				*rule = "its";
				return p;
			}
			return -1;
		}
		if (v[k].kind == IT_FIG && v[k].w[0] != 'd')
			break;
	}
	return -1;
}

/* ---- hedges and properties ------------------------------------------------------ */

static void add_hedge(struct claim *c, size_t s, size_t e)
{
	for (size_t h = 0; h < c->nhedges; h++)
		if (c->hedge[h].start == s)
			return;
	if (c->nhedges < CLAIM_MAX_HEDGES)
		c->hedge[c->nhedges++] = (struct claim_span){ s, e };
}

/* The text's words that weaken a demand: "reportedly", "has been asked"
 * (a passive naming no one), "is said to", "according to X", "X reported". */
static void hedges(const struct finder *f, const struct item *v, const struct sent *s,
		   const struct governor *g, long by, struct claim *c)
{
	for (size_t i = s->a; i < s->b; i++) {
		const struct item *it = &v[i];
		if (it->kind != IT_WORD)
			continue;
		if ((it->lex & L_HEDGE) && !word_is(it, "according") && !word_is(it, "proposed"))
			add_hedge(c, it->start, it->end);
		else if (word_is(it, "according") && i + 1 < s->b && word_is(&v[i + 1], "to"))
			add_hedge(c, it->start, v[i + 1].end);
		else if ((word_is(it, "said") || word_is(it, "expected")) && i > s->a
			 && (v[i - 1].lex & L_BE) && i + 1 < s->b && word_is(&v[i + 1], "to"))
			add_hedge(c, v[i - 1].start, v[i + 1].end);
		else if ((word_is(it, "reported") || word_is(it, "reports")) && i > s->a
			 && v[i - 1].kind == IT_ENT)
			add_hedge(c, it->start, it->end);
	}
	/* "South Korea has been asked": by whom, the text does not say. */
	if (g->kind == GOV_DEMAND && g->passive && by < 0 && g->at != SIZE_MAX) {
		size_t k = g->at;
		while (k > s->a && (v[k - 1].lex & L_BE))
			k--;
		add_hedge(c, v[k].start, v[g->at].end);
	}
	(void)f;
}

/* The property: the words between a change verb and the value ("raise its
 * defense spending from"), else after "on" ("on defense"), else the noun
 * phrase the value's sentence puts before it ("Germany's defence budget"). */
static struct claim_span property(const struct item *v, const struct sent *s, size_t verb,
				  size_t pos)
{
	struct claim_span none = { 0, 0 };
	if (verb != SIZE_MAX && verb + 1 < pos) {
		size_t k = verb + 1;
		/* "a hike in MSP", "an increase of the levy" */
		if (k + 1 < pos && (word_is(&v[k], "in") || word_is(&v[k], "of")))
			k++;
		while (k < pos && v[k].kind == IT_WORD && (v[k].lex & (L_FILLER | L_PRON_POSS)))
			k++;
		while (k < pos && v[k].kind == IT_ENT && v[k].poss)
			k++;
		size_t e = k;
		while (e < pos && v[e].kind == IT_WORD && !(v[e].lex & L_FILLER)
		       && !word_is(&v[e], "from") && !word_is(&v[e], "to") && !word_is(&v[e], "by")
		       && !word_is(&v[e], "for") && !word_is(&v[e], "of") && !word_is(&v[e], "on")
		       && !word_is(&v[e], "in") && !word_is(&v[e], "and") && !word_is(&v[e], "significantly"))
			e++;
		if (e > k && e - k <= 4)
			return (struct claim_span){ v[k].start, v[e - 1].end };
	}
	/* "... on defense", "5 percent of its budget on schools", after the
	 * value */
	for (size_t k = pos + 1; k + 1 < s->b && k < pos + 7; k++) {
		if (v[k].kind == IT_FIG || punct_is(&v[k], ',') || punct_is(&v[k], ';'))
			break;
		if (word_is(&v[k], "on") && v[k + 1].kind == IT_WORD && !(v[k + 1].lex & L_FILLER))
			return (struct claim_span){ v[k + 1].start, v[k + 1].end };
	}
	if (pos + 2 < s->b && word_is(&v[pos + 1], "of")) {
		size_t k = pos + 2;
		while (k < s->b && v[k].kind == IT_WORD && (v[k].lex & (L_FILLER | L_PRON_POSS)))
			k++;
		if (k < s->b && v[k].kind == IT_WORD && !(v[k].lex & L_TIME))
			return (struct claim_span){ v[k].start, v[k].end };
	}
	/* "to spend $2 billion": the verb says what is measured */
	if (verb != SIZE_MAX && (word_is(&v[verb], "spend") || word_is(&v[verb], "pay")
				 || word_is(&v[verb], "contribute")))
		return (struct claim_span){ v[verb].start, v[verb].end };
	return none;
}

/* ---- recording claims ------------------------------------------------------------ */

static size_t add_claim(struct finder *f, const struct sent *s, const struct item *it,
			size_t item_no, enum claim_role role, const char *rule)
{
	struct claims *out = f->out;
	out->v = xgrowarray(out->v, &out->cap, out->n + 1, sizeof *out->v);
	f->info = xgrowarray(f->info, &f->info_cap, out->n + 1, sizeof *f->info);
	struct claim *c = &out->v[out->n];
	struct cinfo *ci = &f->info[out->n];
	memset(c, 0, sizeof *c);
	memset(ci, 0, sizeof *ci);
	c->fig = (size_t)it->ref;
	c->start = it->start;
	c->end = it->end;
	c->role = role;
	c->party = c->by = -1;
	c->pair = CLAIM_NONE;
	c->rule = rule;
	c->conf = CONF_SURE;
	c->sent = (struct claim_span){ s->start, s->end };
	ci->sent = f->sent_no;
	ci->item = item_no;
	ci->ctx = f->last_subject;
	for (size_t k = item_no, n = 0; k > s->a && n < 3; n++) {
		k--;
		if (word_is(&f->it[k], "combined") || word_is(&f->it[k], "joint")
		    || word_is(&f->it[k], "together"))
			ci->joint = 1;
	}
	ci->refers_back = s->b > s->a + 1 && (word_is(&f->it[s->a], "this") || word_is(&f->it[s->a], "that")
					      || word_is(&f->it[s->a], "it"))
			  && (f->it[s->a + 1].lex & L_BE);
	for (size_t i = s->a; i < s->b && ci->nmentioned < 8; i++)
		if (f->it[i].kind == IT_ENT) {
			size_t k;
			for (k = 0; k < ci->nmentioned && ci->mentioned[k] != f->it[i].ref; k++)
				;
			if (k == ci->nmentioned)
				ci->mentioned[ci->nmentioned++] = f->it[i].ref;
		}
	return out->n++;
}

static void link(struct finder *f, size_t cur, size_t dem, const char *rule)
{
	struct claim *v = f->out->v;
	/* A change's end taken as the current level leaves the change. */
	if (v[cur].pair != CLAIM_NONE && v[cur].pair != dem)
		v[v[cur].pair].pair = CLAIM_NONE;
	if (v[dem].pair != CLAIM_NONE && v[dem].pair != cur)
		v[v[dem].pair].pair = CLAIM_NONE;
	v[cur].pair = dem;
	v[dem].pair = cur;
	v[cur].rule = v[dem].rule = rule;
	/* "from 1.6 percent of GDP to 3.5 percent": the bare one takes the
	 * fuller unit of its partner, marked. */
	const struct figure *a = &f->in->figs->v[v[cur].fig], *b = &f->in->figs->v[v[dem].fig];
	if (a->kind == FIG_PERCENT && b->kind == FIG_PERCENT && strcmp(a->unit, b->unit) != 0) {
		if (strcmp(a->unit, "%") == 0)
			v[cur].unit_inherited = 1;
		else if (strcmp(b->unit, "%") == 0)
			v[dem].unit_inherited = 1;
	}
}

/* ---- the sentence rules ---------------------------------------------------------- */

/* The role a demand-side value takes from what governs it. */
static enum claim_role role_of(enum gov g)
{
	switch (g) {
	case GOV_DEMAND:
		return CLAIM_DEMAND;
	case GOV_TARGET:
		return CLAIM_TARGET;
	case GOV_PLAN:
		return CLAIM_PLANNED;
	case GOV_OFFER:
		return CLAIM_OFFER;
	default:
		return CLAIM_CHANGE;
	}
}

/* A target word with the value: "2% target", "target of 2 percent", "the
 * EU's budget deficit limit of 3 per cent", "NATO's 2% requirement".  The
 * target's owner (NATO, the EU) in *owner. */
static int target_at(const struct finder *f, const struct item *v, size_t a, size_t b, size_t pos,
		     long *owner)
{
	*owner = -1;
	size_t noun = SIZE_MAX;
	if (pos + 1 < b && v[pos + 1].kind == IT_WORD && (v[pos + 1].lex & L_TARGET_N))
		noun = pos + 1;
	for (size_t k = pos; noun == SIZE_MAX && k > a && k + 4 > pos; ) {
		k--;
		if (v[k].kind == IT_WORD && (v[k].lex & L_TARGET_N)) {
			/* "target of 2 percent", "target of spending two per cent" */
			if (k + 1 < pos && word_is(&v[k + 1], "of"))
				noun = k;
			break;
		}
		if (v[k].kind == IT_FIG)
			break;
	}
	if (noun == SIZE_MAX)
		return 0;
	size_t from = noun < pos ? noun : pos;
	for (size_t k = from; k > a && k + 6 > from; ) {
		k--;
		if (v[k].kind == IT_ENT) {
			*owner = v[k].ref;
			break;
		}
		if (v[k].kind == IT_FIG || (v[k].kind == IT_WORD && (v[k].lex & (L_BARRIER | L_CHANGE))))
			break;
	}
	(void)f;
	return 1;
}

/* Whether a value reads as a current level: "currently spends 2.3%",
 * "Germany spends just over 1.2%", "the $900 billion paid last year",
 * "12 percent in collections currently", "the current 2% target". */
static int current_at(const struct item *v, size_t a, size_t b, size_t pos)
{
	for (size_t k = pos, n = 0; k > a && n < 5; n++) {
		k--;
		if (v[k].kind == IT_FIG)
			break;
		if (v[k].kind == IT_WORD && (v[k].lex & L_CURRENT))
			return 1;
		if (v[k].kind == IT_WORD && (v[k].lex & L_LEVEL_V) && !(v[k].lex & L_BE) && n < 4)
			return 1;
		/* "is 2.5 percent", "which is around 12%", "was at 2.5 percent":
		 * a form of be right before the value */
		if (v[k].kind == IT_WORD && (v[k].lex & L_BE) && !word_is(&v[k], "been")
		    && !word_is(&v[k], "be")
		    && (n == 0 || (n == 1 && (word_is(&v[k + 1], "at") || word_is(&v[k + 1], "only")
					      || word_is(&v[k + 1], "just") || word_is(&v[k + 1], "now")
					      || word_is(&v[k + 1], "still")))))
			return 1;
		/* "most members currently spend about 2 percent" */
		if (k > a && (word_is(&v[k], "spend") || word_is(&v[k], "pay")
			      || word_is(&v[k], "contribute"))
		    && (v[k - 1].lex & L_CURRENT))
			return 1;
		if (v[k].kind == IT_WORD && (v[k].lex & (L_DEMAND_V | L_CHANGE | L_MODAL | L_PLAN)))
			break;
	}
	for (size_t k = pos + 1, n = 0; k < b && n < 4; k++, n++) {
		if (v[k].kind == IT_FIG || punct_is(&v[k], ';'))
			break;
		if (v[k].kind == IT_WORD && (word_is(&v[k], "currently") || word_is(&v[k], "now")
					     || word_is(&v[k], "today")))
			return 1;
		if (word_is(&v[k], "this") && k + 1 < b && word_is(&v[k + 1], "year"))
			return 1;
		/* "paid last year", "spent on defense last year" */
		if (v[k].kind == IT_WORD && (v[k].lex & L_LEVEL_V) && !(v[k].lex & L_BE))
			return 1;
	}
	return 0;
}

/* Where a pattern pairs A (current) with B: returns the rule, or NULL. */
static const char *pattern(const struct finder *f, const struct item *v, size_t a, size_t b,
			   size_t i, size_t *pa, size_t *pb)
{
	/* P1: from A [time] to B; "from the state average of A" */
	size_t k = i;
	while (k > a && v[k - 1].kind == IT_WORD && (v[k - 1].lex & (L_FILLER | L_CURRENT)))
		k--;
	size_t fr = k;
	for (size_t n = 0; fr > a && n < 5 && v[fr - 1].kind == IT_WORD && !word_is(&v[fr - 1], "from")
	     && !(v[fr - 1].lex & (L_CHANGE | L_DEMAND_V | L_BE)); n++)
		fr--;
	if (fr > a && word_is(&v[fr - 1], "from"))
		k = fr;
	if (k > a && word_is(&v[k - 1], "from")) {
		size_t t = skip_time(v, i + 1, b);
		if (t < b && word_is(&v[t], "to")) {
			size_t j = skip_fill(v, t + 1, b);
			if (value_at(f, v, j, b)) {
				/* "up from A to B" is the same as from-to */
				*pa = i;
				*pb = j;
				return "claim:P1-from-to";
			}
		}
		/* "B, up from A": P3, seen from A; "up many times from A" */
		size_t up = SIZE_MAX;
		for (size_t u = k - 1; u > a && u + 4 > k; u--) {
			if (word_is(&v[u - 1], "up") || word_is(&v[u - 1], "down")) {
				up = u - 1;
				break;
			}
			if (v[u - 1].kind != IT_WORD)
				break;
		}
		if (up != SIZE_MAX) {
			size_t p = up;
			size_t gap = 0;
			/* "$4.7 billion for the US to deploy its garrison force
			 * there, up many times from": a clause of purpose between */
			while (p > a && gap < 12) {
				p--;
				if (value_at(f, v, p, b)) {
					*pa = i;
					*pb = p;
					return "claim:P3-to-up-from";
				}
				if ((v[p].kind == IT_FIG && v[p].w[0] != 'd') || punct_is(&v[p], ';')
				    || punct_is(&v[p], '.') || (v[p].kind == IT_WORD && (v[p].lex & L_BARRIER)))
					break;
				gap++;
			}
		}
	}
	/* P2: to B [time] from A */
	if (k > a && word_is(&v[k - 1], "to")) {
		size_t t = skip_time(v, i + 1, b);
		if (t < b && word_is(&v[t], "from")) {
			size_t j = skip_fill(v, t + 1, b);
			if (value_at(f, v, j, b)) {
				*pa = j;
				*pb = i;
				return "claim:P2-to-from";
			}
		}
	}
	/* P4: B ... (compared with | against | versus) A; "B, far above its
	 * current ... of A" */
	for (size_t j = i + 1, n = 0; j < b && n < 7; j++, n++) {
		if (v[j].kind == IT_FIG || punct_is(&v[j], ';'))
			break;
		int vs = (word_is(&v[j], "compared") && j + 1 < b
			  && (word_is(&v[j + 1], "with") || word_is(&v[j + 1], "to")))
			 || word_is(&v[j], "against") || word_is(&v[j], "versus")
			 || word_is(&v[j], "vs");
		if (!vs)
			continue;
		size_t m = skip_fill(v, j + (word_is(&v[j], "compared") ? 2 : 1), b);
		if (value_at(f, v, m, b)) {
			*pa = m;
			*pb = i;
			return "claim:P4-target-vs";
		}
	}
	return NULL;
}

/* Whether a party could be the one a demander asks: not the demander
 * itself, nor its own country ("Trump's target ... was above the United
 * States' own spending" sets no target for the US). */
static int other_side(const struct finder *f, long party, long by)
{
	if (party < 0 || by < 0)
		return 1;
	if (party == by)
		return 0;
	const struct entity *p = ent_of(f, party), *b = ent_of(f, by);
	if (b && b->affiliation && p && strcmp(b->affiliation, p->id) == 0)
		return 0;
	if (p && p->affiliation && b && strcmp(p->affiliation, b->id) == 0)
		return 0;
	return 1;
}

/* ---- one sentence ------------------------------------------------------------------ */

struct pending {
	size_t claim;
};

static long main_subject(const struct finder *f, const struct item *v, size_t a, size_t b);

/* What a sentence leaves for the pronouns of the next: its subject ("It"
 * in the next is the same; none when it is no actor: "The committee
 * wants ... It wants"), the last person and the last state named. */
static void set_people(struct finder *f, const struct item *v, const struct sent *s)
{
	for (size_t i = s->a; i < s->b; i++) {
		if (v[i].kind != IT_ENT)
			continue;
		if (is_person(f, v[i].ref))
			f->last_person = v[i].ref;
		else if (is_state(f, v[i].ref))
			f->last_party = v[i].ref;
	}
	f->last_subject = main_subject(f, v, s->a, s->b);
}

/* The subject of the sentence's main clause: the last actor named before
 * its first verb ("US President Donald Trump has criticized ...": Donald
 * Trump). */
static long main_subject(const struct finder *f, const struct item *v, size_t a, size_t b)
{
	long last = -1;
	for (size_t k = a; k < b; k++) {
		if (v[k].kind == IT_ENT && !place_after(v, a, k) && name_like(f, v[k].ref))
			last = v[k].ref;
		size_t n = v[k].kind == IT_WORD ? strlen(v[k].w) : 0;
		if (v[k].kind == IT_WORD
		    && ((v[k].lex & (L_DEMAND_V | L_SPEECH | L_CHANGE | L_CHANGED | L_LEVEL_V | L_BE
				     | L_PLAN | L_MODAL))
			|| (n >= 4 && strcmp(v[k].w + n - 2, "ed") == 0)))
			break;
	}
	return last;
}

/* Who demands, from the governor: the subject of an active verb, "by X"
 * after a passive, the owner of a demand noun, the speaker of a modal. */
static long demander(struct finder *f, const struct item *v, const struct sent *s,
		     const struct governor *g, const char **rule)
{
	*rule = NULL;
	if (g->at == SIZE_MAX)
		return -1;
	size_t at = g->at;
	if (g->passive) {
		for (size_t k = at + 1; k + 1 < s->b && k < at + 12; k++)
			if (word_is(&v[k], "by") && v[k + 1].kind == IT_ENT) {
				*rule = "by";
				return v[k + 1].ref;
			}
		return -1;
	}
	const struct item *cue = &v[at];
	/* A demand noun ("rejected calls to lift", "Trump's demand that",
	 * "NATO's proposal for"): its owner asks, not the sentence's subject.
	 * It is a verb after its subject ("Trump demands", "It demands") or an
	 * adverb or auxiliary ("reportedly asks", "has asked"). */
	int noun = 0;
	if (cue->lex & L_DEMAND_N) {
		/* the word before, past a parenthesis, a date and "tomorrow":
		 * "will tomorrow (17 June 2014) call for" */
		size_t k = at;
		while (k > s->a) {
			const struct item *w = &v[k - 1];
			if (punct_is(w, ')')) {
				while (k > s->a && !punct_is(&v[k - 1], '('))
					k--;
				if (k > s->a)
					k--;
				continue;
			}
			if ((w->kind == IT_FIG && w->w[0] == 'd') || word_is(w, "tomorrow")
			    || word_is(w, "today") || word_is(w, "yesterday") || word_is(w, "again")
			    || word_is(w, "formally") || word_is(w, "publicly")) {
				k--;
				continue;
			}
			break;
		}
		const struct item *pv = k > s->a ? &v[k - 1] : NULL;
		noun = !(cue->lex & L_DEMAND_V) || !pv
		       || !((pv->kind == IT_ENT && !pv->poss)
			    || (pv->kind == IT_WORD && (pv->lex & (L_PRON_SUBJ | L_HEDGE | L_BE | L_PLAN
								   | L_MODAL)))
			    || word_is(pv, "also") || word_is(pv, "repeatedly") || word_is(pv, "now")
			    || word_is(pv, "to") || word_is(pv, "and") || word_is(pv, "who"));
	}
	if (noun) {
		/* "Trump's demand", "NATO's proposal" */
		for (size_t k = at; k > s->a && k + 4 > at; ) {
			k--;
			if (v[k].kind == IT_ENT && v[k].poss) {
				*rule = "possessor";
				return v[k].ref;
			}
		}
		/* "to press its demand", "their proposal": the owner the
		 * pronoun stands for */
		if (at > s->a && v[at - 1].kind == IT_WORD && (v[at - 1].lex & L_PRON_POSS)) {
			long o = object_pronoun(f, v, s->a, at - 1, -1);
			if (o >= 0) {
				*rule = "its";
				return o;
			}
		}
		/* "calls from the IMF", "demands by unions" */
		for (size_t k = at + 1; k + 1 < s->b && k < at + 3; k++)
			if ((word_is(&v[k], "from") || word_is(&v[k], "by")) && v[k + 1].kind == IT_ENT) {
				*rule = "from";
				return v[k + 1].ref;
			}
		/* "The EC set a deadline for Bulgaria to ...", "made the
		 * demand": the one who issues it, not one who rejects it */
		for (size_t k = at; k > s->a && k + 7 > at; ) {
			k--;
			static const char *const issue[] = { "set", "sets", "made", "makes", "issued",
							     "repeated", "renewed", "sent", "delivered",
							     "presented", "put", "gave", "reiterated" };
			for (size_t j = 0; j < sizeof issue / sizeof issue[0]; j++)
				if (word_is(&v[k], issue[j])) {
					long ms = main_subject(f, v, s->a, k);
					if (ms >= 0) {
						*rule = "issuer";
						return ms;
					}
					return -1;
				}
		}
		return -1;
	}
	if (g->modal) {
		/* "X said (that) Y should ...": the speaker of the clause */
		for (size_t k = at; k > s->a; ) {
			k--;
			if (v[k].kind == IT_WORD && (v[k].lex & L_SPEECH)) {
				const char *r;
				long sp = subject_before(f, v, s->a, k, &r, NULL);
				if (sp >= 0) {
					*rule = "speaker";
					return sp;
				}
				break;
			}
		}
		/* "..., according to X" / "..., X said" after it */
		long last = -1;
		size_t last_k = 0;
		for (size_t k = at; k < s->b; k++) {
			if (k + 2 < s->b && word_is(&v[k], "according") && word_is(&v[k + 1], "to")
			    && v[k + 2].kind == IT_ENT) {
				*rule = "according-to";
				return v[k + 2].ref;
			}
			if (v[k].kind == IT_ENT) {
				last = v[k].ref;
				last_k = k;
			}
			if (v[k].kind == IT_WORD && (v[k].lex & L_SPEECH) && last >= 0 && k > at + 2
			    && k < last_k + 6) {
				*rule = "speaker";
				return last;
			}
		}
		return -1;
	}
	/* "..., urging the country to allocate", "by insisting all members
	 * increase": a participle's subject is the main clause's. */
	size_t wl = strlen(cue->w);
	if (wl > 3 && strcmp(cue->w + wl - 3, "ing") == 0 && at > s->a
	    && (punct_is(&v[at - 1], ',') || word_is(&v[at - 1], "by") || word_is(&v[at - 1], "while"))) {
		long ms = main_subject(f, v, s->a, at);
		if (ms >= 0) {
			*rule = "main-subject";
			return ms;
		}
	}
	const char *r;
	long sb = subject_before(f, v, s->a, at, &r, NULL);
	if (sb >= 0) {
		*rule = r;
		return sb;
	}
	/* "X has insisted ..." with the subject further back, or a speech
	 * verb after: "..., Foreign Policy said" is a source, not a demander. */
	return -1;
}

/* Party of a demanded value: object of the demand verb, subject of a
 * passive, the possessor of the property. */
static long demand_party(struct finder *f, const struct item *v, const struct sent *s,
			 const struct governor *g, size_t pos, long by, const char **rule,
			 int *generic)
{
	*rule = NULL;
	if (g->kind == GOV_DEMAND && g->at != SIZE_MAX) {
		if (g->passive) {
			size_t k = g->at;
			while (k > s->a && (v[k - 1].lex & L_BE))
				k--;
			long p = subject_before(f, v, s->a, k, rule, generic);
			if (p >= 0) {
				*rule = "passive-subject";
				return p;
			}
		} else {
			long p = object_after(f, v, s->a, g->at, pos, by, rule, generic);
			if (p >= 0 && p != by)
				return p;
			if (g->modal) {
				long q = subject_before(f, v, s->a, g->at, rule, generic);
				if (q >= 0 && q != by)
					return q;
			}
		}
	}
	if (*generic)
		return -1;      /* "all members ... their": the members' */
	/* "seeking US$5 billion from its treaty partner", "demanded $5 billion
	 * from Seoul" */
	if (g->kind == GOV_DEMAND && g->at != SIZE_MAX)
		for (size_t k = pos + 1; k + 1 < s->b && k < pos + 4; k++) {
			if (!word_is(&v[k], "from"))
				continue;
			if (v[k + 1].kind == IT_ENT && v[k + 1].ref != by) {
				*rule = "from";
				return v[k + 1].ref;
			}
			if (v[k + 1].kind == IT_WORD && (v[k + 1].lex & L_PRON_POSS)) {
				*rule = "from";
				return object_pronoun(f, v, s->a, k + 1, by);
			}
		}
	long p = possessor_before(f, v, s->a, pos, by, rule);
	if (p >= 0)
		return p;
	if (g->change_verb != SIZE_MAX) {
		/* The change verb's own subject, not past the demand word: "calls
		 * for the state pension to increase" names no party. */
		size_t from = g->at != SIZE_MAX && g->at < g->change_verb ? g->at + 1 : g->clause;
		long q = subject_before(f, v, from, g->change_verb, rule, generic);
		if (q >= 0 && q != by)
			return q;
	}
	return -1;
}

/* Whether the actor at k stands after "of", "by", "including", "with"
 * (the article between allowed): an agent or a member, not a subject. */
static int after_preposition(const struct item *v, size_t a, size_t k)
{
	size_t j = k;
	if (j > a && word_is(&v[j - 1], "the"))
		j--;
	return j > a && (word_is(&v[j - 1], "of") || word_is(&v[j - 1], "by")
			 || word_is(&v[j - 1], "including") || word_is(&v[j - 1], "with"));
}

/* Whether item k is inside parentheses: "(SEIU)" glosses a name. */
static int in_parentheses(const struct item *v, size_t a, size_t k)
{
	return k > a && punct_is(&v[k - 1], '(');
}

/* "The G7 and Australia have agreed": a pair of subjects is named by its
 * first. */
static long first_of_pair(const struct item *v, size_t a, size_t k)
{
	if (k >= a + 2 && word_is(&v[k - 1], "and") && v[k - 2].kind == IT_ENT)
		return v[k - 2].ref;
	return v[k].ref;
}

/* Party of a current value: the subject of its verb, or the possessor. */
static long current_party_from(struct finder *f, const struct item *v, size_t a, size_t pos,
			       long not, const char **rule)
{
	long p = possessor_before(f, v, a, pos, not, rule);
	if (p >= 0)
		return p;
	for (size_t k = pos; k > a; ) {
		k--;
		if (v[k].kind == IT_ENT && v[k].ref != not && name_like(f, v[k].ref)
		    && !after_preposition(v, a, k) && !in_parentheses(v, a, k)) {
			*rule = "subject";
			return first_of_pair(v, a, k);
		}
		if (v[k].kind == IT_WORD && (v[k].lex & L_PRON_SUBJ)) {
			*rule = "pronoun";
			return pronoun(f, &v[k], not);
		}
		if ((v[k].kind == IT_FIG && v[k].w[0] == 'v') || punct_is(&v[k], ';'))
			break;
	}
	return -1;
}

static long current_party(struct finder *f, const struct item *v, const struct sent *s, size_t pos,
			  long not, const char **rule)
{
	return current_party_from(f, v, s->a, pos, not, rule);
}

/* Finish a demand-side claim: its demander (or the one inherited), party,
 * hedges and property. */
static void complete(struct finder *f, const struct item *v, const struct sent *s, size_t ci,
		     const struct governor *g, long by, const char *by_rule)
{
	struct claim *c = &f->out->v[ci];
	struct cinfo *in = &f->info[ci];
	size_t pos = in->item;
	if (by >= 0) {
		c->by = by;
		c->by_rule = by_rule;
	}
	int generic = 0;
	const char *pr;
	c->party = demand_party(f, v, s, g, pos, c->by, &pr, &generic);
	c->party_rule = pr;
	in->generic = c->party < 0 && generic;
	if (c->party == c->by)
		c->party = -1;
	hedges(f, v, s, g, c->by, c);
	c->prop = property(v, s, g->change_verb, pos);
}

/* The organisation a speaker is introduced by: "Labour Party leader
 * Valentinas Mazuronis", "BJD vice president Debi Prasad Mishra" -- a
 * country or organisation named just before the speaker's mention at
 * [ms, me), with only a few words of role between. */
static long affiliation(const struct finder *f, size_t k_ment)
{
	const struct claims_input *in = f->in;
	if (k_ment == 0)
		return -1;
	const struct mention *sp = &in->ments[k_ment], *o = &in->ments[k_ment - 1];
	if (sp->start - o->end > 40 || !is_state(f, o->entity) || !name_like(f, o->entity)
	    || (f->term && f->term[o->entity]))
		return -1;
	for (size_t p = o->end; p < sp->start; p++) {
		uint8_t c = in->text[p];
		if (!(c == ' ' || c == '-' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
			return -1;
	}
	return o->entity;
}

/* Who "we" is in a sentence inside a quotation: its speaker, or the
 * organisation the speaker is introduced by (", said Labour Party leader
 * Valentinas Mazuronis": the Labour Party), since "we" speaks for it.
 * Without the quotations, a speech verb after a quote mark in the
 * sentence names the speaker.  -1 when none is named. */
static long we_speaker(struct finder *f, const struct item *v, const struct sent *s)
{
	const struct claims_input *in = f->in;
	/* Sentences come in text order and the quotations are in text order
	 * too, so a cursor skips those that end before this sentence: each
	 * sentence reads only the quotations from there to its end, where
	 * reading all of them for every sentence made a text of many
	 * quotations cost the square of its length. */
	if (s->start < f->quote_from)
		f->quote_i = 0;
	f->quote_from = s->start;
	while (f->quote_i < in->nquotes && in->quotes[f->quote_i].end <= s->start)
		f->quote_i++;
	for (size_t i = f->quote_i; i < in->nquotes && in->quotes[i].start < s->end; i++) {
		const struct quotes_item *q = &in->quotes[i];
		if (q->end <= s->start)
			continue;
		if (q->speaker < 0 || (size_t)q->speaker >= in->nents)
			return -1;
		/* The speaker's mention nearest the quotation, after it first,
		 * and under 200 bytes away: the mentions are in text order and
		 * do not overlap, so their ends are too, and only those from the
		 * first ending less than 200 bytes before the quotation to the
		 * last starting less than 200 bytes after it are read. */
		size_t lo = 0, hi = in->nments;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (in->ments[mid].end + 199 > q->start)
				hi = mid;
			else
				lo = mid + 1;
		}
		size_t best = SIZE_MAX, dist = SIZE_MAX;
		for (size_t k = lo; k < in->nments && in->ments[k].start < q->end + 200; k++) {
			const struct mention *mn = &in->ments[k];
			if ((long)mn->entity != q->speaker)
				continue;
			size_t d = mn->start >= q->end ? mn->start - q->end
				 : mn->end <= q->start ? q->start - mn->end + 1 : SIZE_MAX;
			if (d < dist) {
				dist = d;
				best = k;
			}
		}
		long org = best != SIZE_MAX && dist < 200 ? affiliation(f, best) : -1;
		return org >= 0 ? org : q->speaker;
	}
	int quoted = 0;
	for (size_t k = s->a; k < s->b; k++) {
		if (v[k].kind == IT_PUNCT && (v[k].w[0] == '"' || strcmp(v[k].w, "\xe2\x80\x9d") == 0
					      || strcmp(v[k].w, "\xe2\x80\x9c") == 0))
			quoted = 1;
		if (!quoted || v[k].kind != IT_WORD || !(v[k].lex & L_SPEECH))
			continue;
		for (size_t j = k + 1; j < s->b && j < k + 6; j++)
			if (v[j].kind == IT_ENT && name_like(f, v[j].ref))
				return v[j].ref;
		if (k > s->a && v[k - 1].kind == IT_ENT)
			return v[k - 1].ref;
		return -1;
	}
	return -1;
}

/* Whether "under the deal", "under the current agreement" ... stands
 * before item i in its sentence. */
static int under_agreement(const struct item *v, size_t a, size_t i)
{
	static const char *const deals[] = { "accord", "agreement", "arrangement", "contract",
					     "deal", "pact", "treaty", NULL };
	for (size_t k = a; k < i; k++) {
		if (!word_is(&v[k], "under"))
			continue;
		for (size_t j = k + 1; j < i && j < k + 5; j++)
			for (size_t d = 0; deals[d]; d++)
				if (word_is(&v[j], deals[d]))
					return 1;
	}
	return 0;
}

/* The same amount in another currency right after the value at i: "960
 * billion won or 856 million dollars", "960 billion won [$851 million]",
 * "$1.4 trillion (£857bn)".  Its item, or SIZE_MAX. */
static size_t other_currency(const struct finder *f, const struct item *v, size_t i, size_t b)
{
	if (i + 2 >= b || !(word_is(&v[i + 1], "or") || punct_is(&v[i + 1], '(')
			    || punct_is(&v[i + 1], '[')))
		return SIZE_MAX;
	size_t j = i + 2;
	if (!value_at(f, v, j, b))
		return SIZE_MAX;
	const struct figure *x = fig_of(f, &v[i]), *y = fig_of(f, &v[j]);
	return x->kind == FIG_MONEY && y->kind == FIG_MONEY && strcmp(x->unit, y->unit) != 0
	       ? j : SIZE_MAX;
}

/* Claim c again for the item j, the same amount in another currency. */
static void add_twin(struct finder *f, const struct sent *s, size_t c, size_t j)
{
	size_t t = add_claim(f, s, &f->it[j], j, f->out->v[c].role, f->out->v[c].rule);
	struct claim *tc = &f->out->v[t], *oc = &f->out->v[c];
	struct claim keep = *tc;
	*tc = *oc;
	tc->fig = keep.fig;
	tc->start = keep.start;
	tc->end = keep.end;
	struct cinfo ki = f->info[t];
	f->info[t] = f->info[c];
	f->info[t].item = ki.item;
}

static void sentence(struct finder *f, const struct sent *s)
{
	struct item *v = f->it;
	f->we = we_speaker(f, v, s);
	mark_times(f, v, s->a, s->b);
	int any = 0;
	for (size_t i = s->a; i < s->b && !any; i++)
		any = value_at(f, v, i, s->b);
	if (!any) {
		set_people(f, v, s);
		f->sent_no++;
		return;
	}
	size_t first_new = f->out->n;
	uint8_t *used = xcalloc(s->b - s->a + 1, 1);
	/* Pattern pairs first. */
	for (size_t i = s->a; i < s->b; i++) {
		if (!value_at(f, v, i, s->b) || used[i - s->a])
			continue;
		size_t pa, pb;
		const char *rule = pattern(f, v, s->a, s->b, i, &pa, &pb);
		if (!rule || used[pa - s->a] || used[pb - s->a]
		    || !same_family(fig_of(f, &v[pa]), fig_of(f, &v[pb])))
			continue;
		used[pa - s->a] = used[pb - s->a] = 1;
		size_t first = pa < pb ? pa : pb;
		struct governor g = governor(v, s->a, s->b, first);
		size_t as = demand_after(v, pb, s->b);
		long owner;
		enum claim_role role = role_of(g.kind);
		if (as != SIZE_MAX)
			role = CLAIM_DEMAND;
		else if (g.kind != GOV_DEMAND && target_at(f, v, s->a, s->b, pb, &owner))
			role = CLAIM_TARGET;
		/* "NATO allies agreed to lift defence spending to 5% of GDP by
		 * 2035, up from a 2% target": a commitment is a target. */
		if (g.kind == GOV_OFFER && g.at != SIZE_MAX
		    && (word_is(&v[g.at], "agreed") || word_is(&v[g.at], "agrees")
			|| word_is(&v[g.at], "committed")))
			role = CLAIM_TARGET;
		size_t ca = add_claim(f, s, &v[pa], pa, CLAIM_CURRENT, rule);
		size_t cb = add_claim(f, s, &v[pb], pb, role, rule);
		link(f, ca, cb, rule);
		if (role == CLAIM_DEMAND || role == CLAIM_TARGET) {
			const char *br = NULL;
			long by = -1;
			if (as != SIZE_MAX) {
				for (size_t k = as + 1; k < s->b && k < as + 4; k++)
					if (v[k].kind == IT_ENT) {
						by = v[k].ref;
						br = "as-requested-by";
						break;
					}
			} else if (role == CLAIM_TARGET) {
				target_at(f, v, s->a, s->b, pb, &by);
				br = by >= 0 ? "target-owner" : NULL;
			} else {
				by = demander(f, v, s, &g, &br);
			}
			complete(f, v, s, cb, &g, by, br);
			struct claim *c = &f->out->v[cb];
			if (c->party < 0 && !f->info[cb].generic) {
				/* not past the demand word: its subject is the demander */
				const char *r;
				size_t from = g.kind == GOV_DEMAND && g.at != SIZE_MAX && g.at < pa ? g.at + 1
					      : s->a;
				c->party = current_party_from(f, v, from, pa, c->by, &r);
				c->party_rule = c->party >= 0 ? r : NULL;
			}
			f->out->v[ca].party = c->party;
			f->out->v[ca].party_rule = c->party_rule;
			f->info[ca].generic = f->info[cb].generic;
		} else {
			/* A change or a plan: whose, for P8 to read its end as
			 * where the party stands now. */
			const char *r;
			long p = current_party(f, v, s, pb, -1, &r);
			if (p < 0)
				p = current_party(f, v, s, pa, -1, &r);
			f->out->v[ca].party = f->out->v[cb].party = p;
			f->out->v[ca].party_rule = f->out->v[cb].party_rule = p >= 0 ? r : NULL;
		}
	}
	/* Lone values: demands, targets and current levels. */
	for (size_t i = s->a; i < s->b; i++) {
		if (!value_at(f, v, i, s->b) || used[i - s->a])
			continue;
		struct governor g = governor(v, s->a, s->b, i);
		size_t as = demand_after(v, i, s->b);
		long owner;
		int is_target = target_at(f, v, s->a, s->b, i, &owner);
		int cur = current_at(v, s->a, s->b, i);
		/* "the current 2% target" is where the party stands */
		int cur_word = 0;
		for (size_t k = i, n = 0; k > s->a && n < 5; n++) {
			k--;
			if (v[k].kind == IT_WORD && (v[k].lex & L_CURRENT))
				cur_word = 1;
			if (v[k].kind == IT_FIG || (v[k].kind == IT_WORD && (v[k].lex & (L_CHANGE | L_DEMAND_V))
						    && !(k > s->a && (v[k - 1].lex & L_CURRENT))))
				break;
		}
		/* "for this year, to around US$890 million": this year's level */
		int this_year = 0;
		for (size_t k = i > s->a + 6 ? i - 6 : s->a; k + 1 < s->b && k < i + 4; k++)
			if (word_is(&v[k], "this") && word_is(&v[k + 1], "year"))
				this_year = 1;
		/* "a push to increase the minimum wage from $7.25": the level
		 * a change starts from is where the party stands */
		size_t fk = i;
		while (fk > s->a && v[fk - 1].kind == IT_WORD && (v[fk - 1].lex & (L_FILLER | L_CURRENT)))
			fk--;
		if (fk > s->a && word_is(&v[fk - 1], "from") && g.change_verb != SIZE_MAX && !is_target)
			cur_word = 1;
		/* "Under the deal, which lasts until March 2021, Japan must pay
		 * $2 billion": what an agreement in force obliges is the level
		 * now, not a demand */
		if (g.kind == GOV_DEMAND && g.modal && under_agreement(v, s->a, i))
			cur_word = 1;
		if (cur_word || (cur && g.kind != GOV_DEMAND && !is_target)) {
			size_t c = add_claim(f, s, &v[i], i, CLAIM_CURRENT, "claim:current");
			const char *r;
			f->out->v[c].party = current_party(f, v, s, i, -1, &r);
			f->out->v[c].party_rule = f->out->v[c].party >= 0 ? r : NULL;
			f->info[c].cur_cued = cur_word ? 2 : 1;
			f->info[c].plan_cued = g.kind == GOV_PLAN;
			size_t j = other_currency(f, v, i, s->b);
			if (j != SIZE_MAX && !used[j - s->a]) {
				used[j - s->a] = 1;
				add_twin(f, s, c, j);
			}
			continue;
		}
		if (g.kind == GOV_DEMAND || as != SIZE_MAX) {
			size_t c = add_claim(f, s, &v[i], i, CLAIM_DEMAND, "claim:demand");
			const char *br = NULL;
			long by = -1;
			if (as != SIZE_MAX) {
				for (size_t k = as + 1; k < s->b && k < as + 4; k++)
					if (v[k].kind == IT_ENT) {
						by = v[k].ref;
						br = "as-requested-by";
						break;
					}
			} else {
				by = demander(f, v, s, &g, &br);
			}
			complete(f, v, s, c, &g, by, br);
			size_t j = other_currency(f, v, i, s->b);
			if (j != SIZE_MAX && !used[j - s->a]) {
				used[j - s->a] = 1;
				add_twin(f, s, c, j);
			}
			continue;
		}
		if (is_target) {
			size_t c = add_claim(f, s, &v[i], i, CLAIM_TARGET, "claim:target");
			complete(f, v, s, c, &g, owner, owner >= 0 ? "target-owner" : NULL);
			struct claim *tc = &f->out->v[c];
			/* "Canada will reach its mandate of 2%": its own aim, planned */
			int own = owner >= 0 ? owner == tc->party
				  : tc->party_rule && strcmp(tc->party_rule, "its") == 0;
			if ((g.kind == GOV_PLAN || g.kind == GOV_OFFER) && own) {
				tc->role = CLAIM_PLANNED;
				tc->by = -1;
				f->info[c].own_target = 1;
			} else if (tc->party < 0 && !f->info[c].generic) {
				/* "France is on course to exceed the EU's limit" */
				long ms = main_subject(f, v, g.clause, s->b);
				if (ms >= 0 && ms != owner && is_state(f, ms)) {
					tc->party = ms;
					tc->party_rule = "main-subject";
				}
			}
			continue;
		}
		if (g.kind == GOV_PLAN || g.kind == GOV_OFFER || g.kind == GOV_CHANGE) {
			size_t c = add_claim(f, s, &v[i], i, this_year ? CLAIM_CURRENT : role_of(g.kind),
					     "claim:lone");
			const char *r;
			f->out->v[c].party = current_party(f, v, s, i, -1, &r);
			f->out->v[c].party_rule = f->out->v[c].party >= 0 ? r : NULL;
			f->info[c].plan_cued = g.kind == GOV_PLAN;
			f->info[c].cur_cued = this_year;
		}
	}
	/* A demand that the sentence holds with a current level of the same
	 * party and unit: P5 ("currently spends A ... to reach B"), P6 ("pays A
	 * ... was asked for B"). */
	for (size_t d = first_new; d < f->out->n; d++) {
		struct claim *dc = &f->out->v[d];
		if ((dc->role != CLAIM_DEMAND && dc->role != CLAIM_TARGET) || dc->pair != CLAIM_NONE
		    || f->info[d].joint)
			continue;
		size_t best = CLAIM_NONE;
		for (int pass = 0; pass < 2 && best == CLAIM_NONE; pass++)
			for (size_t c = first_new; c < f->out->n; c++) {
				struct claim *cc = &f->out->v[c];
				/* A current level; against a target or limit, a forecast
				 * for now will do ("exceed the EU's limit of 3 per cent
				 * ..., the deficit in 2003 will be 4.2 per cent"). */
				int end_of_change = (cc->role == CLAIM_PLANNED || cc->role == CLAIM_CHANGE)
						    && cc->pair != CLAIM_NONE
						    && f->out->v[cc->pair].role == CLAIM_CURRENT;
				/* Pass 1: a current level.  Pass 2: against a target, a
				 * forecast for now ("exceed the EU's limit of 3 per cent
				 * ..., the deficit in 2003 will be 4.2 per cent"); the
				 * end of a change ("expected the deficit to grow to 4.4
				 * percent this year from 4.3 percent ... rather than be
				 * below 3 percent as requested"). */
				int ok = pass == 0 ? cc->role == CLAIM_CURRENT && cc->pair == CLAIM_NONE
					 : (dc->role == CLAIM_TARGET && cc->role == CLAIM_PLANNED
					    && cc->pair == CLAIM_NONE) || end_of_change
					   || (cc->role == CLAIM_OFFER && cc->pair == CLAIM_NONE
					       && cc->start > dc->start);
				if (!ok
				    || !same_family(&f->in->figs->v[cc->fig], &f->in->figs->v[dc->fig]))
					continue;
				int weak = dc->party_rule && strcmp(dc->party_rule, "main-subject") == 0;
				if (dc->party >= 0 && cc->party >= 0 && dc->party != cc->party && !weak)
					continue;
				if (cc->party >= 0 && (!is_state(f, cc->party)
						       || !other_side(f, cc->party, dc->by)))
					continue;
				best = c;
				if (c > d)
					break;
			}
		if (best == CLAIM_NONE)
			continue;
		struct claim *cc = &f->out->v[best];
		if (cc->party >= 0 && dc->party_rule && strcmp(dc->party_rule, "main-subject") == 0)
			dc->party = -1;     /* the current's party is surer */
		const char *rule = f->info[best].plan_cued ? "claim:P5-currently-would-need"
				   : cc->start < dc->start ? "claim:P6-pays-asked-for"
				   : "claim:P4-target-vs";
		if (dc->party < 0) {
			dc->party = cc->party;
			dc->party_rule = cc->party_rule;
		}
		cc->party = dc->party;
		link(f, best, d, rule);
	}
	/* A multiplier with a lone demand: "quintuple its contribution to $5
	 * billion", "a fivefold increase ... to $5 billion": the current level
	 * is derived, never read. */
	for (size_t d = first_new; d < f->out->n; d++) {
		struct claim *dc = &f->out->v[d];
		if (dc->role != CLAIM_DEMAND || dc->pair != CLAIM_NONE)
			continue;
		for (size_t i = s->a; i < f->info[d].item; i++) {
			if (v[i].kind != IT_WORD)
				continue;
			double k = (v[i].lex & L_MULT) ? compare_multiplier(v[i].w, strlen(v[i].w)) : 0;
			if (!(k > 0) && (word_is(&v[i], "five-fold") || word_is(&v[i], "fivefold")))
				k = 5;
			if (!(k > 0))
				continue;
			dc->derived = 1;
			dc->factor = k;
			dc->mult = (struct claim_span){ v[i].start, v[i].end };
			dc->rule = "claim:P7-multiplier";
			break;
		}
	}
	set_people(f, v, s);
	/* Remember the demander for the demands after it that name none. */
	for (size_t d = first_new; d < f->out->n; d++) {
		struct claim *dc = &f->out->v[d];
		if (dc->role != CLAIM_DEMAND && dc->role != CLAIM_TARGET)
			continue;
		if (dc->by >= 0) {
			if (dc->role == CLAIM_DEMAND)
				f->last_by = dc->by;
		} else if (dc->role == CLAIM_DEMAND && f->last_by >= 0 && f->last_by != dc->party) {
			dc->by = f->last_by;
			dc->by_rule = "inherited";
			dc->by_inherited = 1;
		}
	}
	free(used);
	f->sent_no++;
}

/* ---- across sentences: P8 --------------------------------------------------------- */

/* Whether the actor e is named in the sentence of claim k. */
static int named_in(const struct cinfo *ci, long e)
{
	for (size_t k = 0; k < ci->nmentioned; k++)
		if (ci->mentioned[k] == e)
			return 1;
	return 0;
}

/* A demand with no current level in its sentence, and a current level of
 * the same party and unit within a few sentences: "Trump wants Europe to
 * pay 5 percent of GDP; most members currently spend about 2 percent." */
/* Whether the word t[b, b + n) stands in [from, to) as a whole word, in
 * any case. */
static int word_in_span(const struct finder *f, size_t b, size_t n, size_t from, size_t to)
{
	const uint8_t *t = f->in->text;
	for (size_t p = from; p + n <= to; p++) {
		if (p == b || strncasecmp((const char *)t + p, (const char *)t + b, n) != 0)
			continue;
		int before = p > 0 && ((t[p - 1] | 0x20) >= 'a' && (t[p - 1] | 0x20) <= 'z');
		int after = p + n < f->in->len && ((t[p + n] | 0x20) >= 'a' && (t[p + n] | 0x20) <= 'z');
		if (!before && !after)
			return 1;
	}
	return 0;
}

/* Whether the sentence of claim c names d's property: its head word
 * ("spending" of "defense spending") or the abbreviation glossing it
 * ("minimum support price (MSP)": "MSP of soybean"). */
static int same_topic(const struct finder *f, const struct claim *d, const struct claim *c)
{
	const uint8_t *t = f->in->text;
	size_t e = d->prop.end, b = e;
	while (b > d->prop.start && ((t[b - 1] | 0x20) >= 'a' && (t[b - 1] | 0x20) <= 'z'))
		b--;
	if (e - b >= 3 && word_in_span(f, b, e - b, c->sent.start, c->sent.end))
		return 1;
	size_t p = e;
	while (p < f->in->len && t[p] == ' ')
		p++;
	if (e == b || p >= f->in->len || t[p] != '(')
		return 0;
	size_t q = ++p;
	while (q < f->in->len && t[q] >= 'A' && t[q] <= 'Z')
		q++;
	return q - p >= 2 && q < f->in->len && t[q] == ')'
	       && word_in_span(f, p, q - p, c->sent.start, c->sent.end);
}

/* How many sentences apart a demand and its level may stand. */
#define ACROSS_REACH 7

static void across(struct finder *f)
{
	struct claim *v = f->out->v;
	/* Claims are in text order and their sentence numbers never go down,
	 * so the claims within reach of d are a window that only moves
	 * forward: linear in the claims, where trying every pair cost a
	 * text of 100,000 demands minutes. */
	size_t lo = f->base;
	for (size_t d = f->base; d < f->out->n; d++) {
		if ((v[d].role != CLAIM_DEMAND && v[d].role != CLAIM_TARGET) || v[d].pair != CLAIM_NONE
		    || f->info[d].joint)
			continue;
		size_t best = CLAIM_NONE, best_dist = ACROSS_REACH;
		int best_rank = 9;
		while (f->info[lo].sent + ACROSS_REACH < f->info[d].sent)
			lo++;
		for (size_t c = lo; c < f->out->n && f->info[c].sent <= f->info[d].sent + ACROSS_REACH;
		     c++) {
			if (c == d)
				continue;
			/* A current level; else where a change or a plan for now
			 * ends ("will spend 1.23 percent in 2018, down from 1.36
			 * percent. This is far below the 2 percent target"). */
			int rank = v[c].role == CLAIM_CURRENT && v[c].pair == CLAIM_NONE ? 0
				   : (v[c].role == CLAIM_CHANGE || v[c].role == CLAIM_PLANNED)
				     && (v[c].pair == CLAIM_NONE ? v[c].role == CLAIM_CHANGE
					 : v[v[c].pair].role == CLAIM_CURRENT) ? 1
				   /* "Seoul committed to pay 1.04 trillion won in 2019",
				    * "Germany's latest budget will take defense spending
				    * to 1.3 percent of GDP" */
				   : (v[c].role == CLAIM_OFFER || v[c].role == CLAIM_PLANNED)
				     && v[c].pair == CLAIM_NONE && !f->info[c].own_target ? 2 : 9;
			if (rank == 9)
				continue;
			size_t sd = f->info[d].sent, sc = f->info[c].sent;
			size_t dist = sd > sc ? sd - sc : sc - sd;
			if (dist == 0 || dist > best_dist || (dist == best_dist && rank >= best_rank))
				continue;
			if (dist > 4 && !(v[c].party < 0 || v[c].party == v[d].party))
				continue;
			if (!same_family(&f->in->figs->v[v[c].fig], &f->in->figs->v[v[d].fig]))
				continue;
			/* The same party: named as such, or the current's party named
			 * in the demand's sentence when the demand names a kind. */
			long cp = v[c].party, dp = v[d].party;
			if (f->info[d].refers_back && sc + 1 == sd && cp >= 0 && (dp < 0 || dp == cp)) {
				/* "... 1.23 percent in 2018. This is far below the 2
				 * percent target" */
			} else if (cp < 0 && dp < 0) {
				/* No party named either side ("demanding a base wage of
				 * $15 per hour ... a push to increase the minimum wage
				 * from $7.25"): near, and said to be now's level. */
				if (f->info[c].cur_cued != 2 || dist > 3 || rank || f->info[d].generic)
					continue;
			} else if (cp < 0) {
				/* "from current levels, estimated at around 2.1%": no
				 * party named, but the words say it is now's level, and
				 * the party is the one the text is about there */
				if (dp < 0 || !f->info[c].cur_cued || dist > 6 || rank
				    || (f->info[c].ctx != dp && !named_in(&f->info[c], dp)
					&& !(dist == 1 && same_topic(f, &v[d], &v[c]))))
					continue;
			} else {
				if (!other_side(f, cp, v[d].by) || !is_state(f, cp))
					continue;
				/* no party named with the demand: the current's party
				 * is named there, or the next sentence speaks of the
				 * same property ("demanding a hike in MSP of soybean
				 * to Rs 6,000. The Centre has recently made a hike in
				 * MSP of soybean from Rs 3,000 to Rs 4,892") */
				int topic = dp < 0 && dist == 1 && same_topic(f, &v[d], &v[c]);
				if (dp >= 0 ? dp != cp : !named_in(&f->info[d], cp) && !f->info[d].generic
							 && !topic)
					continue;
				if (dp < 0 && !named_in(&f->info[d], cp) && !topic
				    && dist > (f->info[d].generic ? 5 : 2))
					continue;
			}
			best = c;
			best_dist = dist;
			best_rank = rank;
		}
		if (best == CLAIM_NONE)
			continue;
		if (v[d].party < 0) {
			v[d].party = v[best].party;
			v[d].party_rule = "across";
		}
		if (v[best].party < 0)
			v[best].party = v[d].party;
		/* A current level the text gives beats one derived from it. */
		v[d].derived = 0;
		link(f, best, d, "claim:P8-cross-sentence");
		v[d].conf = v[best].conf = CONF_LIKELY;
	}
}

/* ---- the whole text ----------------------------------------------------------------- */

/* ---- names of measures -------------------------------------------------------------
 * An actor found automatically may be the name of what is measured: "VAT",
 * "the minimum support price (MSP)", "Value Added Tax (VAT)".  Such a name
 * is no party and no demander ("MSP 950 -> 1,400"); the rules read it as
 * words.  Known when the name is one of the measures' usual abbreviations,
 * or when some mention glosses, in parentheses, a phrase that ends in a
 * measure's head noun.  Actors of an annotation file are taken as written. */

static const char *const measure_names[] = { "CPI", "GDP", "GNI", "GNP", "GST", "MSP", "VAT", NULL };
static const char *const measure_heads[] = {
	"budget", "deficit", "duty", "duties", "income", "levy", "pension", "price", "prices",
	"product", "rate", "ratio", "salary", "spending", "surplus", "tariff", "tariffs", "tax",
	"wage", "wages", NULL
};

static int in_list(const char *const *l, const uint8_t *w, size_t n, int fold)
{
	for (size_t k = 0; l[k]; k++)
		if (strlen(l[k]) == n && (fold ? strncasecmp(l[k], (const char *)w, n)
					       : strncmp(l[k], (const char *)w, n)) == 0)
			return 1;
	return 0;
}

static uint8_t *measure_terms(const struct claims_input *in)
{
	uint8_t *term = NULL;
	for (size_t e = 0; e < in->nents; e++) {
		const struct entity *en = &in->ents[e];
		if (en->why && en->name && in_list(measure_names, (const uint8_t *)en->name,
						   strlen(en->name), 0)) {
			if (!term)
				term = xcalloc(in->nents, 1);
			term[e] = 1;
		}
	}
	for (size_t k = 0; k < in->nments; k++) {
		const struct mention *mn = &in->ments[k];
		if (mn->entity >= in->nents || !in->ents[mn->entity].why)
			continue;
		size_t p = mn->start;
		if (p < 2 || in->text[p - 1] != '(')
			continue;
		p--;
		while (p > 0 && in->text[p - 1] == ' ')
			p--;
		size_t e = p;
		while (p > 0 && ((in->text[p - 1] | 0x20) >= 'a' && (in->text[p - 1] | 0x20) <= 'z'))
			p--;
		if (e > p && in_list(measure_heads, in->text + p, e - p, 1)) {
			if (!term)
				term = xcalloc(in->nents, 1);
			term[mn->entity] = 1;
		}
	}
	return term;
}

size_t claims_read_end(const struct claims_input *in, int *truncated)
{
	size_t to = in->to <= in->len ? in->to : in->len;
	if (to > in->from && to - in->from > CLAIMS_MAX_BYTES) {
		to = in->from + CLAIMS_MAX_BYTES;
		/* back to a line start, so no line is read in part */
		while (to > in->from && in->text[to - 1] != '\n')
			to--;
		if (truncated)
			*truncated = 1;
	}
	return to;
}

void claims_find(struct claims *c, const struct claims_input *in)
{
	struct finder f;
	memset(&f, 0, sizeof f);
	f.in = in;
	f.out = c;
	f.base = c->n;
	f.last_subject = f.last_person = f.last_party = f.last_by = -1;
	f.term = measure_terms(in);
	tokens_init(&f.tk);
	size_t to = claims_read_end(in, &c->truncated);
	size_t fi = figures_at(in->figs, in->from);
	size_t off = in->from;
	while (off < to) {
		if (c->n - f.base >= CLAIMS_MAX) {
			c->truncated = 1;
			break;
		}
		const uint8_t *nl = memchr(in->text + off, '\n', to - off);
		size_t le = nl ? (size_t)(nl - in->text) : to;
		/* Only lines with a value figure are read: the rest costs
		 * nothing, and a paragraph between counts as two sentences. */
		while (fi < in->figs->n && in->figs->v[fi].start < off)
			fi++;
		int has = 0;
		for (size_t k = fi; k < in->figs->n && in->figs->v[k].start < le && !has; k++)
			has = is_value(&in->figs->v[k]);
		if (!has) {
			/* Its sentences counted roughly, for the distances of P8:
			 * one, and one more after each ". X". */
			if (le > off) {
				f.sent_no++;
				for (size_t k = off; k + 2 < le; k++)
					if ((in->text[k] == '.' || in->text[k] == '?' || in->text[k] == '!')
					    && in->text[k + 1] == ' ' && in->text[k + 2] >= 'A'
					    && in->text[k + 2] <= 'Z')
						f.sent_no++;
			}
			off = le + 1;
			continue;
		}
		tokens_line(&f.tk, in->text, off, le);
		f.fig_i = fi;
		while (f.ment_i < in->nments && in->ments[f.ment_i].end <= off)
			f.ment_i++;
		size_t t = 0;
		while (t < f.tk.n && c->n - f.base < CLAIMS_MAX) {
			size_t u = t;
			while (u < f.tk.n && f.tk.v[u].sent == f.tk.v[t].sent
			       && u - t < CLAIMS_SENT_TOKENS)
				u++;
			build_items(&f, t, u);
			if (f.nit) {
				struct sent s = { 0, f.nit, f.tk.v[t].start, f.tk.v[u - 1].end };
				sentence(&f, &s);
			}
			t = u;
		}
		off = le + 1;
	}
	if (c->n - f.base >= CLAIMS_MAX)
		c->truncated = 1;
	across(&f);
	/* A row whose party no rule named: the subject of the sentence before
	 * ("France's announcement ... He expected the budget deficit to grow
	 * ... rather than be below 3 percent as requested by EU finance
	 * ministers": France), likely. */
	/* Each demander's first demand, so that "one who demands before" is
	 * one look, not a walk over every claim before. */
	long maxby = -1;
	for (size_t k = f.base; k < c->n; k++)
		if (c->v[k].role == CLAIM_DEMAND && c->v[k].by > maxby)
			maxby = c->v[k].by;
	size_t *first_demand = xmalloc(((size_t)(maxby + 1) + 1) * sizeof *first_demand);
	for (long e = 0; e <= maxby; e++)
		first_demand[e] = SIZE_MAX;
	for (size_t k = f.base; k < c->n; k++)
		if (c->v[k].role == CLAIM_DEMAND && c->v[k].by >= 0
		    && first_demand[c->v[k].by] == SIZE_MAX)
			first_demand[c->v[k].by] = k;
	for (size_t d = f.base; d < c->n; d++) {
		struct claim *dc = &c->v[d];
		if ((dc->role != CLAIM_DEMAND && dc->role != CLAIM_TARGET) || dc->party >= 0
		    || f.info[d].generic || (dc->pair == CLAIM_NONE && !dc->derived))
			continue;
		long ctx = f.info[d].ctx;
		/* one who demands before is no party asked ("Congress demanded
		 * ... The Socialists want to cut VAT") */
		int demands = ctx >= 0 && ctx <= maxby && first_demand[ctx] < d;
		if (ctx >= 0 && !demands && is_state(&f, ctx) && other_side(&f, ctx, dc->by)) {
			dc->party = ctx;
			dc->party_rule = "context";
			dc->conf = CONF_LIKELY;
			if (dc->pair != CLAIM_NONE && c->v[dc->pair].party < 0)
				c->v[dc->pair].party = ctx;
		}
	}
	free(first_demand);
	/* Only pairs and lone demands are worth keeping as claims; all of them
	 * are kept, in text order, with their rules. */
	free(f.info);
	free(f.it);
	free(f.term);
	tokens_free(&f.tk);
}

static struct quote quote_of(const struct claims_input *in, size_t s, size_t e);

/* ---- as comparisons ----------------------------------------------------------------- */

/* Is text[s, e) where the annotation format anchors its bytes: their first
 * occurrence on whole words from the body's start?  1 yes, 0 no, -1 not
 * known: in->search_left could not pay for the search. */
static int anchors_here(const struct claims_input *in, size_t s, size_t e)
{
	size_t n = e - s;
	/* Only up to s itself: an occurrence after it cannot be the first
	 * (searching to the end cost each quote the whole document). */
	size_t span = s + n - in->from, look = span;
	if (in->search_left && *in->search_left < look)
		look = *in->search_left;
	size_t at = word_find_whole(in->text, 0, in->len, in->from, in->from + look, in->text + s, n);
	/* the search pays for what it read: up to the hit, or all it may */
	if (in->search_left)
		*in->search_left -= at != SIZE_MAX ? at + n - in->from : look;
	if (at == SIZE_MAX)
		return look < span ? -1 : 0;
	return at == s;
}

/* A quote of text[s, e) that anchors at s: the span itself, else widened
 * by whole words to the left ("budget to 5 percent of GDP"), else to the
 * right, within its line. */
struct quote claims_quote(const struct claims_input *in, size_t s, size_t e)
{
	return quote_of(in, s, e);
}

static struct quote quote_of(const struct claims_input *in, size_t s, size_t e)
{
	struct quote q = { 0 };
	size_t qs = s, qe = e;
	const uint8_t *t = in->text;
	for (int step = 0; step < 16 && anchors_here(in, qs, qe) == 0; step++) {
		size_t ns = qs;
		while (ns > in->from && t[ns - 1] == ' ')
			ns--;
		size_t w = ns;
		while (w > in->from && t[w - 1] != ' ' && t[w - 1] != '\n')
			w--;
		if (w < ns && t[ns] != '\n' && step < 8) {
			qs = w;
			continue;
		}
		size_t ne = qe;
		while (ne < in->len && t[ne] == ' ')
			ne++;
		size_t x = ne;
		while (x < in->len && t[x] != ' ' && t[x] != '\n')
			x++;
		if (x == ne)
			break;
		qe = x;
	}
	/* The document's bytes, a TAB or a U+FFFD placeholder included: what
	 * the annotation format anchors (its \t writes a TAB), and what the
	 * draft must write for the quote to load back. */
	q.text = xstrndup((const char *)t + qs, qe - qs);
	q.len = qe - qs;
	q.start = qs;
	q.end = qe;
	return q;
}

static char *span_text(const struct claims_input *in, struct claim_span sp)
{
	return sp.end > sp.start ? xstrndup((const char *)in->text + sp.start, sp.end - sp.start)
				 : NULL;
}

/* The lower-case content words of a property, for grouping: "defense
 * spending" and "defence budget" share "defense"/"defence". */
static int share_word(const char *a, const char *b)
{
	if (!a || !b)
		return !a && !b;
	const char *p = a;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n >= 4) {
			const char *q = b;
			while (*q) {
				while (*q == ' ')
					q++;
				size_t m = strcspn(q, " ");
				size_t k = n < m ? n : m;
				/* "defense"/"defence", "spending"/"spend": a shared stem
				 * of five letters is one word. */
				if (k >= 5 && strncasecmp(p, q, 5) == 0)
					return 1;
				if (n == m && strncasecmp(p, q, n) == 0)
					return 1;
				q += m;
			}
		}
		p += n;
	}
	return 0;
}

static int unit_family(const struct figure *f)
{
	return f->kind == FIG_PERCENT ? 0 : 1;
}

void claims_comparisons(const struct claims *c, const struct claims_input *in,
			struct comparison **vp, size_t *np, size_t *capp, int first_id)
{
	const struct claim *v = c->v;
	int next_id = first_id;
	size_t first_cmp = *np;
	/* Which claim each row drawn here came from: (comparison, claim). */
	struct made {
		size_t cmp, claim;
	} *made = NULL;
	size_t nmade = 0, capmade = 0;
	for (size_t d = 0; d < c->n; d++) {
		const struct claim *dc = &v[d];
		if (dc->role != CLAIM_DEMAND && dc->role != CLAIM_TARGET)
			continue;
		if (dc->pair == CLAIM_NONE && (!dc->derived || dc->party < 0))
			continue;       /* a derived level of no one named says nothing */
		const struct claim *cc = dc->pair != CLAIM_NONE ? &v[dc->pair] : NULL;
		const struct figure *df = &in->figs->v[dc->fig];
		const char *party = dc->party >= 0 ? in->ents[dc->party].id : NULL;
		const char *by = dc->by >= 0 ? in->ents[dc->by].id : NULL;
		char *prop = span_text(in, dc->prop);
		if (!prop && cc)
			prop = span_text(in, cc->prop);
		/* A row already drawn (the same party and demand) is one row. */
		int dup = 0;
		for (size_t k = 0; k < nmade && !dup; k++) {
			const struct claim *o = &v[made[k].claim];
			const struct figure *of = &in->figs->v[o->fig];
			double dv = of->value - df->value;
			dup = o->party == dc->party && dv < 1e-9 && dv > -1e-9 && of->kind == df->kind
			      && strcmp(of->unit, df->unit) == 0;
		}
		if (dup) {
			free(prop);
			continue;
		}
		/* The comparison: same demander, same unit family, a shared word
		 * of the property. */
		struct comparison *cm = NULL;
		size_t cmi = 0;
		for (size_t k = 0; k < nmade && !cm; k++) {
			/* the first row of each comparison */
			if (k && made[k - 1].cmp == made[k].cmp)
				continue;
			const struct claim *o = &v[made[k].claim];
			const struct figure *f0 = &in->figs->v[o->fig];
			struct comparison *x = &(*vp)[made[k].cmp];
			/* a row naming no property joins the demander's first
			 * comparison in its unit ("was asked for 3 billion euros") */
			/* and no row of the same party yet: one party, one row
			 * (the annotation format's rule, so a draft loads back) */
			int taken = 0;
			for (size_t r = 0; party && r < x->nrows && !taken; r++)
				taken = x->rows[r].party && strcmp(x->rows[r].party, party) == 0;
			if (!taken && o->by == dc->by && unit_family(f0) == unit_family(df)
			    && (f0->kind != FIG_MONEY || strcmp(f0->unit, df->unit) == 0)
			    && (!prop || share_word(x->rows[0].why ? x->rows[0].why->property : NULL, prop))) {
				cm = x;
				cmi = made[k].cmp;
			}
		}
		if (!cm) {
			cmi = *np;
			*vp = xgrowarray(*vp, capp, *np + 1, sizeof **vp);
			cm = &(*vp)[(*np)++];
			memset(cm, 0, sizeof *cm);
			struct buf b = { 0 };
			buf_printf(&b, "auto-%d", next_id++);
			cm->id = b.data;
			struct buf t = { 0 };
			if (prop) {
				buf_adds(&t, prop);
				if (t.data[0] >= 'a' && t.data[0] <= 'z')
					t.data[0] = (char)(t.data[0] - 32);
			} else {
				buf_adds(&t, dc->role == CLAIM_TARGET ? "Target" : "Demand");
			}
			cm->title = t.data;
			/* The demander is the comparison's when the first row
			 * names it; a row that inherits it says so itself. */
			cm->by = by && !dc->by_inherited ? xstrdup(by) : NULL;
			cm->line = 0;
		}
		/* Kept grouped by comparison, so each one's first row is found. */
		made = xgrowarray(made, &capmade, nmade + 1, sizeof *made);
		size_t at = nmade;
		while (at > 0 && made[at - 1].cmp > cmi)
			at--;
		memmove(made + at + 1, made + at, (nmade - at) * sizeof *made);
		made[at] = (struct made){ cmi, d };
		nmade++;
		cm->rows = xreallocarray(cm->rows, cm->nrows + 1, sizeof *cm->rows);
		struct cmp_row *row = &cm->rows[cm->nrows++];
		memset(row, 0, sizeof *row);
		row->party = party ? xstrdup(party) : NULL;
		row->demand = quote_of(in, dc->start, dc->end);
		if (cc) {
			row->current = quote_of(in, cc->start, cc->end);
		} else {
			row->derived = 1;
			row->current = quote_of(in, dc->mult.start, dc->mult.end);
		}
		row->target = dc->role == CLAIM_TARGET;
		for (size_t h = 0; h < dc->nhedges; h++) {
			row->hedges = xreallocarray(row->hedges, row->nhedges + 1, sizeof *row->hedges);
			row->hedges[row->nhedges++] = quote_of(in, dc->hedge[h].start, dc->hedge[h].end);
		}
		const char *cmby = cm->by;
		if (!by && dc->role == CLAIM_DEMAND)
			row->demander_unknown = 1;
		else if (by && (!cmby || strcmp(cmby, by) != 0 || dc->by_inherited)) {
			row->demander = xstrdup(by);
			row->demander_inherited = dc->by_inherited;
		}
		row->why = xcalloc(1, sizeof *row->why);
		row->why->rule = dc->rule;
		row->why->conf = !party || (!by && dc->role == CLAIM_DEMAND) ? CONF_UNSURE : dc->conf;
		row->why->sent_start = dc->sent.start;
		row->why->sent_end = dc->sent.end;
		row->why->party_rule = dc->party_rule;
		row->why->by_rule = dc->by_rule;
		row->why->property = prop;
	}
	free(made);
	(void)first_cmp;
}
