/* Finds actors by rule: local rules over each line's tokens, then one pass
 * over the distinct candidates of the whole document. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "brief/actors.h"
#include "brief/util.h"

/* Rule names travel with every result (export, --dump --explain, draft). */
#define R_GAZ        "gazetteer"
#define R_SEAT       "gazetteer:seat-metonym"
#define R_SEAT_PLACE "gazetteer:seat-place"
#define R_TITLE      "title-cue"
#define R_APPOS      "apposition"
#define R_SPEECH     "speech-verb"
#define R_ADMIN      "name-administration"
#define R_ROLE       "role-before-name"
#define R_FIRSTNAME  "first-name"
#define R_ORG        "org:head-word"
#define R_ORG_OF     "org:of-head"
#define R_MEDIA_CUE  "media-cue"
#define R_THE_X      "the-x"
#define R_PLACE_HEAD "place:head-word"
#define R_NAMESHAPE  "name-shape"
#define R_ORG_SUFFIX "alias:org-suffix"
#define R_REPEATED   "repeated-capitalised-name"
#define R_PLACE_PREP "place-after-preposition"
#define R_RESIDUAL   "capitalised-run"
#define R_MIDCAP     "mid-sentence-capital"
#define R_KIN        "kin-before-name"
#define R_PLACE_OF   "place:noun-of"
#define R_SURNAME    "alias:surname"
#define R_ACRONYM    "alias:acronym"
#define R_SEAT_ALIAS "alias:seat-metonym"
#define R_SAME       "alias:same-name"
#define R_NAME_PART  "alias:shorter-name"
#define R_TITLE_OF   "title-of-field"
#define R_PLACE_BESIDE "place:beside-place"
#define R_RESIDENCE  "place:residence-after-age"
#define R_SCRIPT     "alias:own-script"
#define R_PIECE      "alias:piece-of-name"
#define R_PLURAL     "alias:plural-spelling"
#define R_VOWEL      "alias:one-vowel-spelling"
#define R_LEADER     "leader-surname"
#define R_LEADER_NAME "leader-name"
#define R_OR_NAME    "alias:or-name"
#define R_SECURITIES "org:securities-noun"
#define R_EMPLOYER   "org:employer-of-staff"
#define R_SPOKES     "org:spokesperson-of"
#define R_AMPERSAND  "org:ampersand"
#define R_CLUB       "org:club-by-score"
#define R_CLUB_TEXT  "org:club-in-a-football-report"
#define R_FIRST_ALONE "alias:first-name-alone"
#define R_PLACE_SUFFIX "place:division-suffix"
#define R_PLACE_COMPASS "place:compass-name"

/* Bounds that keep every rule linear: a name is a few words. */
#define RUN_MAX 8
#define SURFACE_MAX 120

struct acand {
	char *s;                    /* the surface, as written (possessive 's dropped) */
	size_t len;
	uint8_t kind;               /* enum entity_kind: the best rule's */
	uint8_t conf;               /* enum entity_conf: the best seen */
	uint8_t has_kind;           /* some rule said what it is */
	uint8_t family_first;
	const char *rule;
	size_t ev_start, ev_end;
	char *desc;                 /* owned, or NULL */
	const char *aff;            /* a gazetteer country id, or NULL */
	long gaz;                   /* gazetteer entry, or -1 */
	uint8_t role;               /* gazetteer role */
	uint8_t gaz_amb;            /* the spelling needs a cue */
	uint32_t n;                 /* occurrences */
	uint32_t n_free;            /* ... not where a capital is expected anyway */
	uint32_t n_prose;           /* ... and in running text (tokens.prose) */
	uint32_t n_act, n_place;    /* a seat acting, or standing for where */
	uint32_t n_lines;           /* lines it stands in, not where a capital is expected */
	uint32_t n_adj;             /* occurrences right before a lower-case word */
	uint32_t n_thing;           /* ... beside a product's, a work's or a law's noun */
	size_t last_line;           /* the last such line's start + 1 */
	long acronym_of;            /* "Financial Times (FT)": FT -> Financial Times */
	uint8_t or_name;            /* ... "Movement for National Regeneration, or Morena" */
	uint8_t stop_word;          /* a stop word before a speech verb: a surname only */
	uint32_t n_where;           /* occurrences after a preposition of place */
	long entity;                /* set by actors_finish */
};

const char *entity_conf_name(enum entity_conf c)
{
	static const char *const names[] = { "annotated", "sure", "likely", "unsure" };
	return (unsigned)c < CONF_COUNT ? names[c] : "?";
}

void actors_init(struct actors *a, const struct gazetteer *g)
{
	memset(a, 0, sizeof *a);
	a->g = g;
	tokens_init(&a->tk);
}

static void free_cands(struct actors *a)
{
	for (size_t i = 0; i < a->nc; i++) {
		free(a->c[i].s);
		free(a->c[i].desc);
	}
	free(a->c);
	free(a->slot);
	a->c = NULL;
	a->slot = NULL;
	a->nc = a->capc = a->slot_cap = 0;
}

void actors_free(struct actors *a)
{
	free_cands(a);
	tokens_free(&a->tk);
	free(a->cue);
	for (size_t i = 0; i < a->nents; i++)
		entity_free_fields(&a->ents[i]);
	free(a->ents);
	memset(a, 0, sizeof *a);
}

/* ---- candidates by surface ---- */

static size_t hash_of(const uint8_t *s, size_t n)
{
	uint64_t h = fnv1a(FNV1A_START, s, n);
	return (size_t)(h ^ (h >> 29));
}

static long find_cand(const struct actors *a, const uint8_t *s, size_t n)
{
	if (!a->slot_cap)
		return -1;
	size_t mask = a->slot_cap - 1;
	for (size_t k = hash_of(s, n) & mask; a->slot[k]; k = (k + 1) & mask) {
		const struct acand *c = &a->c[a->slot[k] - 1];
		if (c->len == n && memcmp(c->s, s, n) == 0)
			return (long)(a->slot[k] - 1);
	}
	return -1;
}

static void slot_insert(struct actors *a, size_t i)
{
	size_t mask = a->slot_cap - 1;
	size_t k = hash_of((const uint8_t *)a->c[i].s, a->c[i].len) & mask;
	while (a->slot[k])
		k = (k + 1) & mask;
	a->slot[k] = i + 1;
}

static long get_cand(struct actors *a, const uint8_t *s, size_t n)
{
	long i = find_cand(a, s, n);
	if (i >= 0)
		return i;
	a->c = xgrowarray(a->c, &a->capc, a->nc + 1, sizeof *a->c);
	struct acand *c = &a->c[a->nc];
	memset(c, 0, sizeof *c);
	c->s = xstrndup((const char *)s, n);
	c->len = n;
	c->gaz = -1;
	c->acronym_of = -1;
	c->entity = -1;
	c->conf = CONF_UNSURE;
	c->rule = R_RESIDUAL;
	a->nc++;
	if (a->nc * 2 > a->slot_cap) {
		free(a->slot);
		a->slot_cap = a->slot_cap ? a->slot_cap * 2 : 256;
		a->slot = xcalloc(a->slot_cap, sizeof *a->slot);
		for (size_t k = 0; k < a->nc; k++)
			slot_insert(a, k);
	} else {
		slot_insert(a, a->nc - 1);
	}
	return (long)(a->nc - 1);
}
/* A description as the annotation format reads one back: a line's TAB
 * is a space there (annot.c, one_line), so it is one here too, and a
 * draft loads back with the same description (make bench-actors' draft
 * check found "Secretary of\tState").  The text is sanitised: TAB is its
 * only control within a line. */
static char *desc_dup(const char *s, size_t n)
{
	struct buf b = { 0 };
	buf_add_line(&b, s, n);
	return b.data ? b.data : xstrdup("");
}


/* What one rule says about one occurrence. */
struct finding {
	size_t start, end;          /* the name */
	enum entity_kind kind;
	int has_kind;
	enum entity_conf conf;
	const char *rule;
	size_t ev_start, ev_end;
	const char *desc;           /* bytes of the text, desc_len long, or NULL */
	size_t desc_len;
	const char *aff;
	long gaz;
	int role, gaz_amb;
	int capexp;                 /* the occurrence stands where a capital is expected */
	int act, place;
	int family_first;
	int adj;                    /* a lower-case word follows: "Keynesian economics" */
	int thing;                  /* a product's or a work's noun beside: "game Minecraft" */
	int stop_word;              /* "Islam added": kept only as a found person's surname */
	int where;                  /* after a preposition of place ("in Liverpool") */
};

static long note(struct actors *a, const uint8_t *text, const struct finding *f)
{
	if (f->end <= f->start || f->end - f->start > SURFACE_MAX)
		return -1;
	if (a->nc >= ACTORS_MAX_NAMES && find_cand(a, text + f->start, f->end - f->start) < 0) {
		a->truncated = 1;       /* actors_scan stops at the line's end */
		return -1;
	}
	long i = get_cand(a, text + f->start, f->end - f->start);
	struct acand *c = &a->c[i];
	c->n++;
	if (!f->capexp) {
		c->n_free++;
		c->n_prose += a->tk.prose != 0;
		if (c->last_line != a->line_start + 1) {
			c->n_lines++;
			c->last_line = a->line_start + 1;
		}
	}
	/* A seat's evidence is where it first acts ("Washington proposed"). */
	if (f->act && !c->n_act && f->gaz >= 0 && f->role == GAZ_SEAT) {
		c->ev_start = f->ev_start;
		c->ev_end = f->ev_end;
	}
	c->n_adj += f->adj != 0;
	c->n_thing += f->thing != 0;
	c->n_act += f->act != 0;
	c->n_place += f->place != 0;
	if (f->family_first)
		c->family_first = 1;
	if (f->stop_word)
		c->stop_word = 1;
	c->n_where += f->where != 0;
	if (f->gaz >= 0 && c->gaz < 0) {
		c->gaz = f->gaz;
		c->role = (uint8_t)f->role;
		c->gaz_amb = (uint8_t)f->gaz_amb;
	}
	/* The best evidence wins: a higher confidence, else the first seen. */
	int better = !c->has_kind || (f->has_kind && f->conf < c->conf);
	if (f->has_kind && better) {
		c->kind = (uint8_t)f->kind;
		c->conf = (uint8_t)f->conf;
		c->has_kind = 1;
		c->rule = f->rule;
		c->ev_start = f->ev_start;
		c->ev_end = f->ev_end;
		if (f->desc && f->desc_len) {
			free(c->desc);
			c->desc = desc_dup(f->desc, f->desc_len);
		}
		if (f->aff)
			c->aff = f->aff;
	} else if (!c->has_kind && !c->ev_end) {
		c->ev_start = f->ev_start;
		c->ev_end = f->ev_end;
	}
	if (!c->desc && f->desc && f->desc_len)
		c->desc = desc_dup(f->desc, f->desc_len);
	if (!c->aff && f->aff)
		c->aff = f->aff;
	return i;
}

/* ---- the local pass ---- */

struct line;
static int org_head_any(const struct line *L, size_t i, size_t j);
static int word_in(const struct line *L, size_t i, const char *const *v, size_t n);
static int place_prep(const struct line *L, size_t i);
static int adjective_ending(const char *s, size_t n);
static int plural_demonym(const char *s, size_t n);
static int where_before(const struct line *L, size_t i);
static int first_name_cue(const struct line *L, size_t i);
static int leader_surname(const struct gazetteer *g, const char *s, size_t n);
static int dotted_initials(const struct line *L, size_t i);
static int rule_title_possible(const struct line *L, size_t k);

struct line {
	struct actors *a;
	const struct gazetteer *g;
	const uint8_t *text;
	size_t end;                 /* the line's end */
	const struct tokens *t;
	struct token past;          /* what tok() gives past the last token */
	uint8_t *cue;               /* per token: its cue, 0xFF until asked */
};

/* Token i, or past the end an empty punctuation token at the line's end, so
 * that rules looking ahead need no NULL tests. */
static const struct token *tok(const struct line *L, size_t i)
{
	return i < L->t->n ? &L->t->v[i] : &L->past;
}

static int is_word(const struct token *k)
{
	return k && k->shape != TOK_PUNCT;
}

static int is_capword(const struct token *k)
{
	return k && (k->shape == TOK_CAP || k->shape == TOK_UPPER || k->shape == TOK_WORD);
}

/* Only white space between token i and i + 1. */
static int adjacent(const struct line *L, size_t i)
{
	const struct token *a = tok(L, i), *b = tok(L, i + 1);
	if (!a || !b)
		return 0;
	for (size_t k = a->end; k < b->start; k++)
		if (L->text[k] != ' ')
			return 0;
	return 1;
}

/* Directly joined (no space), as "Jae" "-" "myung". */
static int glued(const struct line *L, size_t i)
{
	const struct token *a = tok(L, i), *b = tok(L, i + 1);
	return a && b && a->end == b->start;
}

static int punct_is(const struct line *L, size_t i, const char *p)
{
	const struct token *k = tok(L, i);
	size_t n = strlen(p);
	return k && k->shape == TOK_PUNCT && k->end - k->start == n
		&& memcmp(L->text + k->start, p, n) == 0;
}

static int word_is(const struct line *L, size_t i, const char *w)
{
	return tokens_is(L->t, L->text, i, w);
}

static size_t base_len(const struct line *L, size_t i)
{
	return i < L->t->n ? tokens_base_len(L->t, L->text, i) : 0;
}

static enum gaz_cue cue_of(const struct line *L, size_t i)
{
	const struct token *k = tok(L, i);
	if (!is_word(k))
		return CUE_NONE;
	/* Asked several times a token by the rules: looked up once a line. */
	if (L->cue[i] == 0xFF)
		L->cue[i] = (uint8_t)gaz_cue(L->g, L->text + k->start, k->end - k->start);
	return (enum gaz_cue)L->cue[i];
}

static int is_common(const struct line *L, size_t i)
{
	const struct token *k = tok(L, i);
	return k && gaz_is_common(L->g, L->text + k->start, base_len(L, i));
}

static int is_connector(const struct line *L, size_t i)
{
	return word_is(L, i, "of") || word_is(L, i, "and") || word_is(L, i, "for")
		|| word_is(L, i, "the") || word_is(L, i, "&") || word_is(L, i, "de")
		|| word_is(L, i, "on") || punct_is(L, i, "&");
}

/* A lower-case particle inside a personal name: "Omar al-Bashir",
 * "Osama bin Laden", "Ursula von der Leyen". */
static int is_particle(const struct line *L, size_t i)
{
	static const char *const p[] = { "al", "bin", "ibn", "de", "da", "van", "von", "der",
					 "del", "la", "le", "el", "abu", "ben", "di", "du", "dos",
					 "das", "ter", "den" };
	for (size_t k = 0; k < sizeof p / sizeof p[0]; k++)
		if (word_is(L, i, p[k]))
			return 1;
	return 0;
}

/* The token index just past the last token that starts before off. */
static size_t tok_at(const struct line *L, size_t from, size_t off)
{
	size_t i = from;
	while (i < L->t->n && L->t->v[i].start < off)
		i++;
	return i;
}

/* A gazetteer name starting at token i: its end token (exclusive), or i. */
static size_t gaz_at(const struct line *L, size_t i, const struct gaz_spelling **sp)
{
	const struct token *k = tok(L, i);
	*sp = NULL;
	if (!is_word(k))
		return i;
	size_t len;
	const struct gaz_spelling *m = gaz_match(L->g, L->text + k->start, L->end - k->start, &len);
	if (!m)
		return i;
	size_t end = k->start + len;
	size_t j = tok_at(L, i, end);
	/* The match must end at a token end, or inside a possessive token. */
	const struct token *last = tok(L, j - 1);
	if (!last || (last->end != end && !((last->flags & TOKF_POSS)
					    && last->start + base_len(L, j - 1) == end)))
		return i;
	*sp = m;
	return j;
}

/* A title starting at token i: its end token, or i. */
static size_t title_at(const struct line *L, size_t i, const struct gaz_word **w)
{
	const struct token *k = tok(L, i);
	*w = NULL;
	if (!is_capword(k) && !(k && k->shape == TOK_UPPER))
		return i;
	size_t len;
	size_t lim = L->end - k->start;
	if (lim > 64)
		lim = 64;
	const struct gaz_word *m = gaz_title(L->g, L->text + k->start, lim, &len);
	if (!m)
		return i;
	/* "at 9 PM Eastern", "10 PM Friday": an abbreviation in capitals
	 * right after a number is a time or a unit, no title. */
	if (k->shape == TOK_UPPER && i && tok(L, i - 1)->shape == TOK_DIGIT && adjacent(L, i - 1))
		return i;
	size_t j = tok_at(L, i, k->start + len);
	if (j == i || tok(L, j - 1)->end != k->start + len)
		return i;
	*w = m;
	return j;
}

/* A personal name after a title: capitalised words, hyphenated parts
 * ("Jae-myung"), initials ("J."), a regnal number; at most four words. */
static size_t name_run(const struct line *L, size_t i)
{
	size_t j = i, words = 0;
	while (j < L->t->n && words < 4) {
		const struct token *k = tok(L, j);
		if (!is_capword(k))
			break;
		const struct gaz_spelling *sp;
		/* "President Trump said Japan ...": a listed name is not a name
		 * part, unless a first name stands before a one-word body's
		 * name: "CEO Evan Spiegel" is no magazine. */
		size_t ge = words ? gaz_at(L, j, &sp) : j;
		if (ge > j && !(ge == j + 1 && first_name_cue(L, j - 1)
				&& L->g->entries[sp->entry].kind != KIND_COUNTRY
				&& L->g->entries[sp->entry].kind != KIND_PLACE))
			break;
		words++;
		j++;
		if (tok(L, j - 1)->flags & TOKF_POSS)
			break;
		/* "Jae-myung", "Tae-yul": a hyphen glued on both sides. */
		while (glued(L, j - 1) && punct_is(L, j, "-") && glued(L, j) && is_word(tok(L, j + 1)))
			j += 2;
		/* "J. Smith", "George H.W. Bush": an initial's full stop. */
		if (glued(L, j - 1) && punct_is(L, j, ".") && dotted_initials(L, j - 1))
			j++;
		/* "al-Bashir", "bin Laden", "von der Leyen". */
		size_t q = j;
		while (q < L->t->n && q < j + 3 && is_particle(L, q)
		       && (adjacent(L, q - 1) || glued(L, q - 1)))
			q += glued(L, q) && punct_is(L, q + 1, "-") ? 2 : 1;
		if (q > j && (adjacent(L, q - 1) || glued(L, q - 1)) && is_capword(tok(L, q))) {
			j = q;
			continue;
		}
		if (!adjacent(L, j - 1))
			break;
	}
	return words ? j : i;
}

static size_t span_end(const struct line *L, size_t j)
{
	/* The name ends before a possessive 's. */
	const struct token *k = tok(L, j - 1);
	return (k->flags & TOKF_POSS) ? k->start + base_len(L, j - 1) : k->end;
}

static void fill(struct finding *f, const struct line *L, size_t i, size_t j)
{
	memset(f, 0, sizeof *f);
	f->start = tok(L, i)->start;
	f->end = span_end(L, j);
	f->ev_start = f->start;
	f->ev_end = f->end;
	f->gaz = -1;
	f->capexp = (tok(L, i)->flags & TOKF_CAPEXP) != 0;
}

/* What a rule says a finding is: its kind, how sure, and the rule. */
static void judge(struct finding *f, enum entity_kind kind, enum entity_conf conf, const char *rule)
{
	f->kind = kind;
	f->has_kind = 1;
	f->conf = conf;
	f->rule = rule;
}

/* Is the seat at tokens [i, j) acting (a subject, a possessor, the object
 * of a speech verb) or a place (after in, at, to, from, visit...)? */
static void seat_position(const struct line *L, size_t i, size_t j, struct finding *f)
{
	/* The evidence spans the cue: "Seoul's Foreign", "warned Washington",
	 * "Washington proposed", "talks in Seoul". */
	if (tok(L, j - 1)->flags & TOKF_POSS) {
		f->act = 1;
		f->ev_end = tok(L, j)->end > f->ev_end && j < L->t->n ? tok(L, j)->end : f->ev_end;
		return;
	}
	/* "a London-based group": where a body is. */
	if (j + 1 < L->t->n && punct_is(L, j, "-") && glued(L, j - 1) && glued(L, j)
	    && (word_is(L, j + 1, "based") || word_is(L, j + 1, "headquartered"))) {
		f->place = 1;
		f->ev_end = tok(L, j + 1)->end;
		return;
	}
	/* "at the White House": a determiner between. */
	size_t b = i;
	if (b && (word_is(L, b - 1, "the") || word_is(L, b - 1, "The")))
		b--;
	enum gaz_cue before = b ? cue_of(L, b - 1) : CUE_NONE;
	/* "a consensus in Washington", "the mood in Beijing", "policymakers
	 * in Tokyo": the view or the people of a seat are its government's
	 * (devset rule A3: it is a party, not where something happens).
	 * Nouns of a collective view and of those who make policy.  Not
	 * "officials in Seoul said": officials are where they speak as
	 * often; nor the quantifiers, which stand for a city's people as
	 * often ("many in Kyiv slept in metro stations"). */
	static const char *const view[] = { "consensus", "mood", "view", "views", "thinking",
					    "sentiment", "policymakers", "lawmakers", "hawks" };
	if (before == CUE_PLACE && b >= 2 && word_is(L, b - 1, "in") && adjacent(L, b - 2)
	    && word_in(L, b - 2, view, sizeof view / sizeof view[0])) {
		f->act = 1;
		f->ev_start = tok(L, b - 2)->start;
		return;
	}
	if (before == CUE_PLACE) {
		f->place = 1;
		f->ev_start = tok(L, b - 1)->start;
		return;
	}
	if (before == CUE_SPEECH || before == CUE_ACT) {
		f->act = 1;
		f->ev_start = tok(L, b - 1)->start;
	}
	/* "Tokyo and Seoul have": skip a coordinated name to the verb. */
	size_t k = j;
	for (int hops = 0; hops < 2 && (word_is(L, k, "and") || punct_is(L, k, ",")); hops++) {
		size_t e = k + 1;
		while (e < L->t->n && is_capword(tok(L, e)) && e < k + 4)
			e++;
		if (e == k + 1)
			break;
		k = e;
	}
	/* An adverb between: "Washington reportedly asked". */
	if (tok(L, k) && tok(L, k)->shape == TOK_LOWER && cue_of(L, k) == CUE_NONE
	    && tok(L, k)->end - tok(L, k)->start > 2
	    && memcmp(L->text + tok(L, k)->end - 2, "ly", 2) == 0)
		k++;
	enum gaz_cue after = cue_of(L, k);
	if (after == CUE_SPEECH || after == CUE_ACT) {
		f->act = 1;
		f->ev_end = tok(L, k)->end;
	}
	/* "Washington Post", "Washington state": a name part, not the seat. */
}

/* Note a gazetteer hit at [i, j); confirmed: a cue around it ("Jordan's
 * King") makes the capital meaningful even at a sentence start. */
static void note_gaz_cue(const struct line *L, size_t i, size_t j, const struct gaz_spelling *sp,
			 int confirmed)
{
	if (sp->role == GAZ_DEMONYM)
		return;                 /* "Japanese": a cue, not a mention */
	struct finding f;
	fill(&f, L, i, j);
	const struct gaz_entry *e = &L->g->entries[sp->entry];
	judge(&f, sp->role == GAZ_SEAT ? KIND_COUNTRY : e->kind, sp->ambiguous || e->ambiguous ? CONF_LIKELY : CONF_SURE, sp->role == GAZ_SEAT ? R_SEAT : R_GAZ);
	f.gaz = (long)sp->entry;
	f.role = sp->role;
	f.gaz_amb = sp->ambiguous || e->ambiguous;
	if (sp->role == GAZ_SEAT)
		seat_position(L, i, j, &f);
	f.where = where_before(L, i);
	/* "Georgia's parliament": a state's own noun makes the name meaningful. */
	if (confirmed || ((tok(L, j - 1)->flags & TOKF_POSS) && cue_of(L, j) == CUE_STATE))
		f.capexp = 0;
	note(L->a, L->text, &f);
}

static void note_gaz(const struct line *L, size_t i, size_t j, const struct gaz_spelling *sp)
{
	note_gaz_cue(L, i, j, sp, 0);
}

/* The country a demonym, a country's name or a seat at [i, j) points at. */
static const char *country_of(const struct line *L, size_t i, size_t *j)
{
	const struct gaz_spelling *sp;
	*j = gaz_at(L, i, &sp);
	if (*j == i)
		return NULL;
	const struct gaz_entry *e = &L->g->entries[sp->entry];
	/* A territory governs itself in what a title or a body of it names:
	 * "Hong Kong Chief Executive John Lee" is Hong Kong's, not China's. */
	if (e->kind == KIND_COUNTRY || strcmp(e->subkind, "territory") == 0)
		return e->id;
	return e->affiliation[0] ? e->affiliation : NULL;
}

/* "[Demonym|Country|X's] [modifier] Title Name": a person by title. */
static size_t rule_title(const struct line *L, size_t i)
{
	size_t start = i, aff_end = i;
	const char *aff = NULL;
	/* The affiliation cue and any modifier before the title. */
	size_t j = i;
	const struct gaz_word *w;
	/* "Treasury Secretary" is a title of its own, no "Treasury" cue. */
	const char *c = title_at(L, i, &w) > i ? NULL : country_of(L, i, &aff_end);
	if (c && adjacent(L, aff_end - 1)) {
		aff = c;
		j = aff_end;
		/* "U.S. Trade Representative": a word or two of the office
		 * between the country and the title. */
		for (size_t q = j; q < j + 2 && q + 1 < L->t->n && is_capword(tok(L, q)) && adjacent(L, q)
		     && is_common(L, q); q++)
			if (title_at(L, q + 1, &w) > q + 1) {
				j = q + 1;
				break;
			}
	} else if (is_capword(tok(L, i)) && (tok(L, i)->flags & TOKF_POSS) && adjacent(L, i)) {
		j = i + 1;              /* "Northland's Finance Minister" */
	}
	while (j < L->t->n && (cue_of(L, j) == CUE_MODIFIER) && adjacent(L, j))
		j++;
	size_t te = title_at(L, j, &w);
	if (te == j || !adjacent(L, te - 1))
		return i;
	/* "Spokesman Sgt. Mark Francis": titles in a row, the name after
	 * the last. */
	for (int hops = 0; hops < 3; hops++) {
		const struct gaz_word *w2;
		size_t t2 = title_at(L, te, &w2);
		if (t2 == te || !adjacent(L, te - 1))
			break;
		te = t2;
	}
	size_t ne = name_run(L, te);
	if (ne == te)
		return i;
	/* "Martin Luther King Jr.": a generation alone after a title word
	 * is no name; the title word is a surname. */
	if (ne == te + 1 && (word_is(L, te, "Jr") || word_is(L, te, "Sr")))
		return i;
	/* "Prime Minister Shigeru Ishiba": the description is copied as written. */
	struct finding f;
	fill(&f, L, te, ne);
	judge(&f, KIND_PERSON, CONF_SURE, R_TITLE);
	f.ev_start = tok(L, start)->start;
	f.ev_end = f.end;
	size_t dstart = tok(L, start)->start, dend = tok(L, te - 1)->end;
	/* A possessor's 's stays in the description: "Northland's Finance Minister". */
	/* "Mr", "Dr": an honorific alone says nothing worth a description. */
	if (strcmp(gaz_title_class(w->cls), "honorific") != 0 || start < j) {
		f.desc = (const char *)L->text + dstart;
		f.desc_len = dend - dstart;
	}
	f.aff = aff;
	f.capexp = 0;   /* a title makes the capital meaningful */
	f.family_first = gaz_is_surname_first(L->g, L->text + tok(L, te)->start,
					      tok(L, te)->end - tok(L, te)->start) && ne - te >= 2;
	/* The country named in the cue is a mention of its own ("US"). */
	if (aff && start < aff_end) {
		const struct gaz_spelling *sp;
		gaz_at(L, start, &sp);
		if (sp)
			note_gaz_cue(L, start, aff_end, sp, 1);
	}
	/* A possessor before a government title is a country: "Northland's". */
	if (!aff && j > start && tok(L, start)->flags & TOKF_POSS) {
		const char *cls = gaz_title_class(w->cls);
		struct finding p;
		fill(&p, L, start, start + 1);
		if (strcmp(cls, "government") == 0 || strcmp(cls, "head-of-state") == 0) {
			judge(&p, KIND_COUNTRY, CONF_LIKELY, "possessor-of-government-title");
			p.ev_end = tok(L, te - 1)->end;
			long pc = note(L->a, L->text, &p);
			if (pc >= 0)
				f.aff = L->a->c[pc].s;  /* a name: resolved to its id at the end */
		} else {
			note(L->a, L->text, &p);
		}
	}
	note(L->a, L->text, &f);
	return ne;
}

/* Whether tokens [i, j) end in an organisation head word: its kind, or -1. */
static int org_head(const struct line *L, size_t i, size_t j, size_t *of_head)
{
	*of_head = 0;
	for (size_t k = j; k-- > i;) {
		const struct token *t = tok(L, k);
		if (!is_capword(t))
			continue;
		const struct gaz_word *w = gaz_orgword(L->g, L->text + t->start, base_len(L, k));
		if (!w)
			continue;
		if (k == j - 1)
			return w->cls;
		/* "Bank of Japan", "Department of Defense", "Council on Foreign
		 * Relations", "Committee for a Responsible Federal Budget". */
		if (word_is(L, k + 1, "of") || word_is(L, k + 1, "on") || word_is(L, k + 1, "for")) {
			*of_head = 1;
			return w->cls;
		}
	}
	return -1;
}

/* A quotation that is the whole run: "America First". */
static int whole_quote(const struct line *L, size_t i, size_t j)
{
	if (!i || j >= L->t->n)
		return 0;
	const struct token *b = tok(L, i - 1), *e = tok(L, j);
	if (b->shape != TOK_PUNCT || e->shape != TOK_PUNCT)
		return 0;
	const uint8_t *pb = L->text + b->start, *pe = L->text + e->start;
	int open = pb[0] == '"' || (b->end - b->start == 3 && memcmp(pb, "\xE2\x80\x9C", 3) == 0);
	int close = pe[0] == '"' || (e->end - e->start == 3 && memcmp(pe, "\xE2\x80\x9D", 3) == 0);
	return open && close;
}

/* ", (a|an|the) [words] role-noun [words] ," after a name: its description
 * span and the country named in it, or 0. */
static int apposition(const struct line *L, size_t j, size_t *ds, size_t *de, const char **aff)
{
	if (!punct_is(L, j, ","))
		return 0;
	size_t k = j + 1;
	if (!(word_is(L, k, "a") || word_is(L, k, "an") || word_is(L, k, "the")))
		return 0;
	size_t first = k + 1;
	int role = 0;
	size_t role_at = 0;         /* the last role noun's token; first > 0 */
	*aff = NULL;
	for (k = first; k < L->t->n && k < first + 10; k++) {
		const struct token *t = tok(L, k);
		if (t->shape == TOK_PUNCT) {
			/* Quotes, hyphens and slashes do not end an apposition. */
			const uint8_t c = L->text[t->start];
			if (c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')'
			    || c == '!' || c == '?')
				break;
			continue;
		}
		size_t ce;
		const char *c = country_of(L, k, &ce);
		if (c && !*aff)
			*aff = c;
		char low[32] = { 0 };
		size_t n = t->end - t->start;
		if (n < sizeof low) {
			for (size_t q = 0; q < n; q++) {
				uint8_t ch = L->text[t->start + q];
				low[q] = (char)(ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch);
			}
			enum gaz_cue cue = gaz_cue(L->g, (const uint8_t *)low, n);
			/* "In Srinagar, a shopkeeper said few tourists came":
			 * a role noun and its verb make a clause whose
			 * subject it is, no apposition to the word before. */
			if (cue == CUE_SPEECH && role_at == k - 1)
				return 0;
			if (cue == CUE_ROLE) {
				role = 1;
				role_at = k;
			}
		}
	}
	if (!role || k == first)
		return 0;
	if (!(punct_is(L, k, ",") || punct_is(L, k, ".") || k >= L->t->n))
		return 0;
	*ds = tok(L, first)->start;
	*de = tok(L, k - 1)->end;
	return 1;
}

/* "Analysts said", "Police say": a group, not a person named so. */
static int group_noun(const struct line *L, size_t i)
{
	const struct token *t = tok(L, i);
	size_t n = t->end - t->start;
	char low[40] = { 0 };
	if (n >= sizeof low)
		return 0;
	for (size_t q = 0; q < n; q++) {
		uint8_t ch = L->text[t->start + q];
		low[q] = (char)(ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch);
	}
	if (gaz_cue(L->g, (const uint8_t *)low, n) == CUE_ROLE)
		return 1;
	return n > 3 && low[n - 1] == 's' && gaz_is_common(L->g, (const uint8_t *)low, n)
	       && gaz_is_common(L->g, (const uint8_t *)low, n - 1);
}

/* Whether token i, in lower case, is a preposition of place ("In",
 * "near"): a name after it is where something is, and a comma after
 * the name ends a fronted phrase ("In Srinagar, a shopkeeper said"), not
 * a name before its apposition. */
static int place_prep(const struct line *L, size_t i)
{
	const struct token *t = tok(L, i);
	size_t n = t ? t->end - t->start : 0;
	char low[16];
	if (!t || !is_word(t) || n >= sizeof low)
		return 0;
	for (size_t q = 0; q < n; q++) {
		uint8_t ch = L->text[t->start + q];
		low[q] = (char)(ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch);
	}
	return gaz_cue(L->g, (const uint8_t *)low, n) == CUE_PLACE;
}

/* A capital letter alone or initials with full stops ("G", "H.W"). */
static int initial(const struct line *L, size_t k)
{
	const struct token *t = tok(L, k);
	if (t && t->end - t->start == 1 && L->text[t->start] >= 'A' && L->text[t->start] <= 'Z')
		return 1;
	return dotted_initials(L, k);
}

/* Two or three capitalised words none of which is a common word, in the
 * middle of a sentence: the shape of a personal name ("Hori Parata",
 * "Saviour Kasukuwere"). */
static int name_shape(const struct line *L, size_t i, size_t j)
{
	if (j - i < 2 || j - i > 7 || (tok(L, i)->flags & TOKF_QUOTED))
		return 0;
	size_t caps = 0;
	/* "Martin Luther King Jr.": only a person has a generation, so a
	 * common word before it is a surname. */
	int gen = j - i >= 3 && (word_is(L, j - 1, "Jr") || word_is(L, j - 1, "Sr"));
	for (size_t k = i; k < j; k++) {
		const struct token *t = tok(L, k);
		/* "al-Bashir", "bin Laden": particles and hyphens between. */
		if ((is_particle(L, k) || punct_is(L, k, "-")) && k > i && k + 1 < j)
			continue;
		/* "Frank G. Spisak Jr.": an initial and its full stop, and a
		 * generation after the surname. */
		if (k > i && (initial(L, k) || (punct_is(L, k, ".") && initial(L, k - 1))))
			continue;
		if (k == j - 1 && k >= i + 2 && (word_is(L, k, "Jr") || word_is(L, k, "Sr")
						 || word_is(L, k, "II") || word_is(L, k, "III")))
			continue;
		/* "Wang Jin-pyng", "Lee Jae-myung": a given name's second
		 * syllable after a hyphen. */
		if (k > i + 1 && t->shape == TOK_LOWER && punct_is(L, k - 1, "-") && glued(L, k - 2)
		    && glued(L, k - 1))
			continue;
		/* "a Virginia Democrat": a member word ends no personal name. */
		if (cue_of(L, k) == CUE_MEMBER)
			return 0;
		/* "Wade Bassi", "Will Hurd": a first name may be a common word. */
		if (t->shape != TOK_CAP || (is_common(L, k) && !gen && !(k == i && (gaz_is_proper(L->g,
			L->text + t->start, t->end - t->start) || gaz_is_firstname(L->g,
			L->text + t->start, t->end - t->start)))))
			return 0;
		caps++;
	}
	return caps >= 2 && caps <= 4 && !org_head_any(L, i, j);
}

/* A first name at token i: one of SCOWL's proper names that is no common
 * word, or one of the Census's first names ("Buck", "Grace": words too, so
 * the caller wants a capitalised surname after it). */
static int first_name_cue(const struct line *L, size_t i)
{
	const struct token *t = tok(L, i);
	size_t n = t->end - t->start;
	if (t->shape != TOK_CAP)
		return 0;
	if (gaz_is_firstname(L->g, L->text + t->start, n))
		return 1;
	return gaz_is_proper(L->g, L->text + t->start, n) && !gaz_is_common(L->g, L->text + t->start, n);
}

/* "Travis Head", "Joe Root", "Cameron Green": a first name of the
 * Census's that is no common word, before a capitalised word, makes a
 * person's name though the surname is a common word (a word capitalised
 * there is a name's).  At a sentence's start too ("Doris Green sang"):
 * the first name, no common word, is a name's whatever capital it has,
 * and the second word's capital is not one the sentence asks for.  The caller takes it for
 * two words with no article before: a place or an event named after
 * someone takes "the" ("the Albert Hall", "the Lincoln Memorial") and
 * often a third word ("the Chelsea Flower Show"); a person does neither. */
static int strong_first_name(const struct line *L, size_t i)
{
	const struct token *t = tok(L, i);
	return gaz_is_firstname(L->g, L->text + t->start, t->end - t->start)
	       && !is_common(L, i);
}

/* Closed-class function words (prepositions, determiners, pronouns,
 * kinship) are short lists in the code that reads them: they are grammar,
 * not vocabulary a maintainer grows.  Open-class word lists are the
 * gazetteer's (cue_is, orgword_is). */
static int word_in(const struct line *L, size_t i, const char *const *v, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (word_is(L, i, v[k]))
			return 1;
	return 0;
}

/* Whether token i, whole as written, is a word of cues.tsv's set c. */
static int cue_is(const struct line *L, size_t i, enum gaz_cue c)
{
	if (i >= L->t->n)
		return 0;
	const struct token *k = tok(L, i);
	return gaz_cue_is(L->g, L->text + k->start, k->end - k->start, c);
}

/* Whether token i, whole as written, is an orgwords.tsv word of a class in
 * bits (enum gaz_org_class). */
static int orgword_is(const struct line *L, size_t i, unsigned bits)
{
	if (i >= L->t->n)
		return 0;
	const struct token *k = tok(L, i);
	return gaz_orgword_is(L->g, L->text + k->start, k->end - k->start, bits);
}

/* Whether token i - 1 is a title of titles.tsv written in lower case
 * ("president", "minister", "senator"), as prose writes a title before
 * a surname. */
static int lower_title_before(const struct line *L, size_t i)
{
	if (!i || tok(L, i - 1)->shape != TOK_LOWER || !adjacent(L, i - 1))
		return 0;
	const struct token *t = tok(L, i - 1);
	size_t n = t->end - t->start, len;
	char word[32];
	if (n < 3 || n >= sizeof word)
		return 0;
	memcpy(word, L->text + t->start, n);
	word[0] = (char)(word[0] - 0x20);
	const struct gaz_word *w = gaz_title(L->g, (const uint8_t *)word, n, &len);
	return w && len == n;
}

/* Whether a preposition of place that only says where stands before
 * token i ("in Liverpool", "near Derby"); "to", "at" and "from" say
 * where as often as whom ("losing to Liverpool", "the manager at
 * Leicester City"). */
static int where_before(const struct line *L, size_t i)
{
	return i && place_prep(L, i - 1) && !word_is(L, i - 1, "to") && !word_is(L, i - 1, "at")
	       && !word_is(L, i - 1, "from") && !word_is(L, i - 1, "To") && !word_is(L, i - 1, "At")
	       && !word_is(L, i - 1, "From");
}

/* "North Yorkshire", "East Jerusalem", "Western Cape": a point of the
 * compass before one or two capitalised words that are no common words
 * names a region (a closed class; "North Face", "West Ham" end in a
 * common word, and a body's head word makes a body). */
static int compass_name(const struct line *L, size_t i, size_t j)
{
	static const char *const pt[] = { "North", "South", "East", "West", "Northern", "Southern",
					  "Eastern", "Western" };
	if (j < i + 2 || j > i + 3 || !word_in(L, i, pt, sizeof pt / sizeof pt[0]) || org_head_any(L, i, j))
		return 0;
	for (size_t k = i + 1; k < j; k++)
		if (tok(L, k)->shape != TOK_CAP || is_common(L, k) || !adjacent(L, k - 1))
			return 0;
	/* Not "North African", "South Koreans": a people, no place. */
	const struct token *t = tok(L, j - 1);
	size_t n = t->end - t->start;
	const struct gaz_spelling *sp;
	return !(gaz_at(L, j - 1, &sp) == j && sp->role == GAZ_DEMONYM)
	       && !adjective_ending((const char *)L->text + t->start, n)
	       && !plural_demonym((const char *)L->text + t->start, n);
}

/* "Daejang-dong", "Gangnam-gu", "Gyeonggi-do": a Korean name ending in
 * the romanised suffix of an administrative division (a closed set:
 * province, city, county, district, town, township, neighbourhood,
 * village) is a place.  Not after a family name written first: a given
 * name's second syllable takes a hyphen too ("Lee Jae-myung"). */
static int korean_division(const struct line *L, size_t i, size_t j)
{
	static const char *const div[] = { "do", "si", "gun", "gu", "eup", "myeon", "dong", "ri" };
	if (j < i + 3 || !punct_is(L, j - 2, "-") || !glued(L, j - 3) || !glued(L, j - 2)
	    || tok(L, j - 1)->shape != TOK_LOWER || !word_in(L, j - 1, div, sizeof div / sizeof div[0]))
		return 0;
	const struct token *t = tok(L, i);
	return !(j - i > 3 && gaz_is_surname_first(L->g, L->text + t->start, t->end - t->start));
}

/* "traveled to Isfahan", "a flight to Labasa", "fled to Jordan": "to"
 * after a verb or a noun of going names where, not whom ("wrote to
 * Obama", "sold to Facebook").  The verbs and nouns of motion are a
 * closed set of forms. */
static int motion_to(const struct line *L, size_t i)
{
	/* Not "moved to Chelsea", "returned to Congress", "went to Eton":
	 * a player's club, a body, a school are reached as often. */
	static const char *const go[] = { "travelled", "traveled", "travel", "travels", "travelling",
					  "traveling", "flew", "fly", "flies", "flying", "headed",
					  "heading", "drove", "sailed", "fled", "flee", "fleeing",
					  "deported", "evacuated", "trip", "trips", "journey",
					  "flight", "flights" };
	return i >= 2 && word_is(L, i - 1, "to") && adjacent(L, i - 1) && adjacent(L, i - 2)
	       && word_in(L, i - 2, go, sizeof go / sizeof go[0]);
}

/* "his daughter Kaiarahi", "Mugabe's wife Grace": a relative named. */
static int kin_before(const struct line *L, size_t i)
{
	static const char *const kin[] = { "wife", "husband", "son", "daughter", "brother", "sister",
					   "mother", "father", "uncle", "aunt", "cousin", "nephew",
					   "niece", "grandson", "granddaughter", "widow", "widower",
					   "fiancé", "fiancée", "stepson", "stepdaughter" };
	static const char *const owner[] = { "his", "her", "their", "my", "our", "your" };
	if (i < 2 || !adjacent(L, i - 1) || !word_in(L, i - 1, kin, sizeof kin / sizeof kin[0]))
		return 0;
	return word_in(L, i - 2, owner, sizeof owner / sizeof owner[0]) || (tok(L, i - 2)->flags & TOKF_POSS);
}

/* "the Libyan city of Sirte", "the town of Bend": a place by its noun. */
static int place_noun_of(const struct line *L, size_t i)
{
	return i >= 2 && word_is(L, i - 1, "of") && adjacent(L, i - 1) && adjacent(L, i - 2)
	       && cue_is(L, i - 2, CUE_PLACE_OF);
}

/* "Ford shares fell", "Tesla's stock": a name whose shares trade is a
 * company's, whatever person or place it is named after.  The nouns of
 * a listed company's securities are a closed set of finance.  Not the
 * plural "stocks", which follows a sector ("Energy stocks rallied",
 * "bank stocks"), nor "bonds", whose capitalised word is a kind of bond
 * ("Panda bonds", "Samurai bonds", "Brady bonds") as often as its
 * issuer, and an issuer is more often a state than a company. */
static int securities_after(const struct line *L, size_t j)
{
	static const char *const sec[] = { "shares", "stock", "shareholders", "stockholders" };
	return j < L->t->n && adjacent(L, j - 1) && tok(L, j)->shape == TOK_LOWER
	       && word_in(L, j, sec, sizeof sec / sizeof sec[0]);
}

/* Whether w (n bytes, lower-case ASCII, n < 32) with its last k bytes
 * replaced by rep is a common word. */
static int common_with(const struct gazetteer *g, const char *w, size_t n, size_t k, const char *rep)
{
	char b[40];
	size_t r = strlen(rep);
	if (k >= n || n - k + r >= sizeof b)
		return 0;
	memcpy(b, w, n - k);
	memcpy(b + n - k, rep, r);
	return gaz_is_common(g, (const uint8_t *)b, n - k + r);
}

/* Whether w (n bytes, lower-case ASCII) is a common word or a regular
 * form of one that SCOWL's levels 10 and 20 leave out: a sector's name
 * at a sentence's start is seldom in them ("Retailer", "Insurers",
 * "Miners", "Gaming", "Defence", "Chipmaker").  SCOWL lists American
 * spellings and few agent nouns; the forms are suffix rules, each one
 * a hash look-up, so a word costs a few look-ups, not a pass. */
static int common_form(const struct gazetteer *g, const char *w, size_t n)
{
	/* Clippings of finance's sectors, which no suffix rule reaches. */
	static const char *const clip[] = { "tech", "fintech", "biotech", "medtech", "auto",
					    "crypto", "telco", "pharma", "agri" };
	if (gaz_is_common(g, (const uint8_t *)w, n))
		return 1;
	for (size_t c = 0; c < sizeof clip / sizeof clip[0]; c++)
		if (strlen(clip[c]) == n && memcmp(clip[c], w, n) == 0)
			return 1;
	if (n < 5)
		return 0;
	if (w[n - 1] == 's' && w[n - 2] != 's' && common_form(g, w, n - 1))   /* "Miners" */
		return 1;
	if (w[n - 1] == 'r' && w[n - 2] == 'e'                               /* "Retailer" */
	    && (common_with(g, w, n, 2, "") || common_with(g, w, n, 1, "")))  /* "Insurer" */
		return 1;
	if (n > 5 && memcmp(w + n - 3, "ing", 3) == 0                        /* "Gaming" */
	    && (common_with(g, w, n, 3, "") || common_with(g, w, n, 3, "e")))
		return 1;
	/* British spellings: "Defence", "Labour", "Privatised". */
	if (memcmp(w + n - 2, "ce", 2) == 0 && common_with(g, w, n, 2, "se"))
		return 1;
	if (memcmp(w + n - 3, "our", 3) == 0 && common_with(g, w, n, 3, "or"))
		return 1;
	/* A compound whose second part is an agent noun: "Chipmaker",
	 * "Carmaker", "Homebuilder" (a verb and "-er"); never two plain nouns, which make
	 * as many brands ("Facebook", "Salesforce", "Dropbox"). */
	if (memcmp(w + n - 2, "er", 2) == 0)
		for (size_t k = 3; k + 5 <= n; k++)
			if (gaz_is_common(g, (const uint8_t *)w, k)
			    && (gaz_is_common(g, (const uint8_t *)w + k, n - k)
				|| gaz_is_common(g, (const uint8_t *)w + k, n - k - 2)))
				return 1;
	return 0;
}

/* Whether the run [i, j) before securities names their company: not a
 * share class ("Class B shares", "H shares": one capital letter last),
 * nor a common word, or a regular form of one, where a capital is
 * expected anyway ("Preferred stock holders were paid first", "Mining
 * shares slipped", "Tech shares led the decline"). */
static int securities_name(const struct line *L, size_t i, size_t j)
{
	const struct token *last = tok(L, j - 1);
	if (!securities_after(L, j) || (last->end - last->start == 1 && L->text[last->start] >= 'A'
					    && L->text[last->start] <= 'Z'))
		return 0;
	if (j != i + 1 || !(tok(L, i)->flags & TOKF_CAPEXP))
		return 1;
	if (is_common(L, i))
		return 0;
	/* The forms are read of ASCII letters only; a longer or other
	 * word is no form the rules know. */
	size_t n = base_len(L, i);
	char w[32];
	if (n >= sizeof w)
		return 1;
	for (size_t k = 0; k < n; k++) {
		unsigned char ch = L->text[tok(L, i)->start + k];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
			return 1;
		w[k] = (char)(ch | 0x20);
	}
	return !common_form(L->g, w, n);
}

/* "analysts at Ford said", "workers at Morgan Stanley", "a spokeswoman
 * at Halden": the name after "at" and a noun of those on a payroll is
 * their employer, a body, whatever person it is named after (a leader's
 * surname, a first name).  The nouns are a closed set of staff. */
static int employer_after(const struct line *L, size_t i)
{
	static const char *const staff[] = { "analyst", "analysts", "workers", "employees",
					     "engineers", "executives", "executive", "staff",
					     "staffers", "economist", "economists", "strategist",
					     "strategists", "researchers", "bankers", "traders",
					     "spokesman", "spokeswoman", "spokesperson" };
	if (i < 2 || !word_is(L, i - 1, "at") || !adjacent(L, i - 1) || !adjacent(L, i - 2))
		return 0;
	/* The noun may open the sentence: "Analysts at Ford said". */
	const struct token *t = tok(L, i - 2);
	size_t n = t->end - t->start;
	char w[16];
	if (n >= sizeof w)
		return 0;
	memcpy(w, L->text + t->start, n);
	if (w[0] >= 'A' && w[0] <= 'Z')
		w[0] = (char)(w[0] + 0x20);
	for (size_t k = 0; k < sizeof staff / sizeof staff[0]; k++)
		if (strlen(staff[k]) == n && memcmp(staff[k], w, n) == 0)
			return 1;
	return 0;
}

/* Whether the name at token i opens as a person's: a given name of the
 * lists, or a family name written first ("Lee Sang-ri"). */
static int person_start(const struct line *L, size_t i)
{
	const struct token *t = tok(L, i);
	return first_name_cue(L, i) || gaz_is_surname_first(L->g, L->text + t->start, t->end - t->start);
}

/* "A Thames Water spokesperson apologised", "an Acme Foods spokesman":
 * a name of two words or more between "a" and a spokesperson speaks for
 * a body.  Not one word, which is as often a leader's ("a Trump
 * spokesman"), nor a name that opens as a person's or is a leader's
 * ("a Keir Starmer spokesman", "a Rishi Sunak spokesman"), nor a possessive ("a Tesco's spokesman" is no usage). */
static int spokes_before(const struct line *L, size_t i, size_t j)
{
	static const char *const art[] = { "a", "A", "an", "An" };
	static const char *const sp[] = { "spokesman", "spokeswoman", "spokesperson" };
	return i >= 1 && j - i >= 2 && j < L->t->n && word_in(L, i - 1, art, sizeof art / sizeof art[0])
	       && adjacent(L, i - 1) && adjacent(L, j - 1) && tok(L, j)->shape == TOK_LOWER
	       && word_in(L, j, sp, sizeof sp / sizeof sp[0]) && !(tok(L, j - 1)->flags & TOKF_POSS)
	       && !person_start(L, i)
	       && !gaz_leader(L->g, (const char *)L->text + tok(L, i)->start,
			      tok(L, j - 1)->end - tok(L, i)->start);
}

/* Whether token i is a preposition (in lower case) whose object the name
 * after it is: "analysts at Ford said", "a spokesman for Tesla said":
 * the verb's subject stands before it, so the name is no speaker.
 * Prepositions are a closed class. */
static int object_prep(const struct line *L, size_t i)
{
	static const char *const prep[] = { "at", "for", "from", "with", "of", "by", "to", "in",
					    "on", "about", "against", "over", "into", "toward",
					    "towards", "within", "inside", "behind", "under" };
	return tok(L, i)->shape == TOK_LOWER && word_in(L, i, prep, sizeof prep / sizeof prep[0]);
}

/* "won the Champions League", "to renegotiate NAFTA", "ratified the
 * Paris Agreement": the object of a verb of winning a prize or of making
 * a treaty is a competition or an agreement, no actor (devset rule A1:
 * events, laws).  Nobody wins or ratifies a body.  The verbs are a
 * closed set of forms; "the" may stand between. */
static int thing_verb_before(const struct line *L, size_t i, size_t j)
{
	/* Not "won the Karnataka Assembly polls": a noun after the name is
	 * the object, the name its modifier.  A function word or a stop
	 * may follow. */
	static const char *const then[] = { "in", "on", "at", "for", "and", "or", "with",
					    "after", "before", "last", "this", "since", "until",
					    "when", "but", "as", "twice", "again" };
	/* A competition is won with its article ("won the Ashes"); "won
	 * Maricopa" is a county an election is won in. */
	static const char *const win[] = { "won", "win", "wins", "winning", "lifted", "lift",
					   "lifts" };
	if (j < L->t->n && tok(L, j)->shape != TOK_PUNCT
	    && !(tok(L, j)->shape == TOK_LOWER && word_in(L, j, then, sizeof then / sizeof then[0])))
		return 0;
	if (i && adjacent(L, i - 1) && word_in(L, i - 1, win, sizeof win / sizeof win[0]))
		return 0;
	static const char *const verb[] = { "won", "win", "wins", "winning", "lifted", "lift",
					    "lifts", "ratified", "ratify", "ratifies", "ratifying",
					    "renegotiate", "renegotiated", "renegotiates",
					    "renegotiating" };
	if (i && (word_is(L, i - 1, "the")) && adjacent(L, i - 1))
		i--;
	return i && adjacent(L, i - 1) && word_in(L, i - 1, verb, sizeof verb / sizeof verb[0]);
}

/* "Manchester City beat Leicester City 3-1", "a 2-0 win over Stoke
 * City": a town's name with a place's head word ("City", "Town") that
 * plays is a club.  The cue is a result: a score after the name, or a
 * verb of beating or drawing beside it (a closed set of sports verbs). */
static int plays(const struct line *L, size_t i, size_t j)
{
	static const char *const after[] = { "beat", "beats", "drew", "draws", "defeated",
					     "thrashed", "edged", "v", "vs" };
	static const char *const before[] = { "beat", "beating", "defeated", "against", "v", "vs",
					      "thrashed", "edged" };
	if (j < L->t->n && tok(L, j)->shape == TOK_LOWER && adjacent(L, j - 1)
	    && word_in(L, j, after, sizeof after / sizeof after[0]))
		return 1;
	/* "3-1", "2–0": a score, digits either side of a dash, as one
	 * token or three glued ones. */
	if (j < L->t->n && tok(L, j)->shape == TOK_DIGIT && adjacent(L, j - 1)) {
		const struct token *t = tok(L, j);
		size_t e = glued(L, j) && glued(L, j + 1) && tok(L, j + 2)->shape == TOK_DIGIT
			   ? tok(L, j + 2)->end : t->end;
		size_t k = t->start;
		while (k < e && L->text[k] >= '0' && L->text[k] <= '9')
			k++;
		size_t dash = k < e && L->text[k] == '-' ? 1
			      : k + 2 < e && memcmp(L->text + k, "\xe2\x80\x93", 3) == 0 ? 3 : 0;
		if (dash && k > t->start && k + dash < e && L->text[k + dash] >= '0' && L->text[k + dash] <= '9')
			return 1;
	}
	if (i && tok(L, i - 1)->shape == TOK_LOWER && adjacent(L, i - 1)
	    && word_in(L, i - 1, before, sizeof before / sizeof before[0]))
		return 1;
	/* "a 2-0 win over Stoke City". */
	return i >= 2 && word_is(L, i - 1, "over") && (word_is(L, i - 2, "win") || word_is(L, i - 2, "victory"));
}

/* Whether the "&" at token k joins two people rather than a firm's
 * name: headlines and captions write "Trump & Putin", "Harry & Meghan".
 * One name twice is a firm's ("Johnson & Johnson", though Johnson is a
 * leader's surname); otherwise a listed leader's surname on either side
 * is a person's, and two first names are a couple's ("Simon & Schuster",
 * "Marks & Spencer" have a word that is no first name on one side). */
static int ampersand_people(const struct line *L, size_t k)
{
	const struct token *a = tok(L, k - 1), *b = tok(L, k + 1);
	size_t an = a->end - a->start, bn = b->end - b->start;
	const uint8_t *as = L->text + a->start, *bs = L->text + b->start;
	if (an == bn && memcmp(as, bs, an) == 0)
		return 0;       /* one name twice: no pair of people */
	if (leader_surname(L->g, (const char *)as, an) || leader_surname(L->g, (const char *)bs, bn))
		return 1;
	return gaz_is_firstname(L->g, as, an) && gaz_is_firstname(L->g, bs, bn);
}

/* Whether the run [i, j) joins capitalised words with an ampersand:
 * "Johnson & Johnson", "Procter & Gamble", "Marks & Spencer".  Two
 * people are joined with "and"; a firm's name keeps its "&". */
static int ampersand_inside(const struct line *L, size_t i, size_t j)
{
	for (size_t k = i + 1; k + 1 < j; k++)
		if ((word_is(L, k, "&") || punct_is(L, k, "&")) && is_capword(tok(L, k - 1))
		    && is_capword(tok(L, k + 1)) && !glued(L, k - 1) && !glued(L, k)
		    && !ampersand_people(L, k))
			return 1;
	return 0;
}

/* Whether the run at i is a title's field: "Minister of [Fisheries and
 * Agriculture]", "Professor of [Ophthalmology]", "Head of [Secretariat]".
 * Walks back over capitalised words and "and", "&", "the" to an "of" or
 * "for" that a title ends right before; *title is the title's first
 * token.  The field's words are the title's, no name; a listed name among
 * them was noted before (analyse_run), so "President of France" keeps
 * France. */
static int title_field(const struct line *L, size_t i, size_t *title)
{
	size_t k = i;
	for (int steps = 0; k > 1 && steps < 8; steps++) {
		k--;
		if ((word_is(L, k, "of") || word_is(L, k, "for")) && adjacent(L, k - 1)) {
			for (size_t p = k > 4 ? k - 4 : 0; p < k; p++) {
				const struct gaz_word *w;
				if (is_capword(tok(L, p)) && title_at(L, p, &w) == k) {
					*title = p;
					return 1;
				}
			}
			/* "Minister of State for Foreign Affairs": a field
			 * of two parts; the title is before the first. */
			continue;
		}
		if (!(word_is(L, k, "and") || word_is(L, k, "the") || punct_is(L, k, "&")
		      || (is_capword(tok(L, k)) && adjacent(L, k))))
			return 0;
	}
	return 0;
}

/* "Darren Pike, 47, of Ashford, Kent, admitted fraud": after a person's
 * age between commas, "of" names where the person lives, and so does a
 * name after a comma that follows it (the county or state).  Returns
 * the token the evidence starts at ("of"), or 0. */
static size_t residence_after_age(const struct line *L, size_t i)
{
	size_t s = i;
	if (s >= 2 && punct_is(L, s - 1, ",") && is_capword(tok(L, s - 2))) {
		s -= 2;
		while (s > 0 && s + 4 > i && is_capword(tok(L, s - 1)))
			s--;
	}
	if (s >= 4 && word_is(L, s - 1, "of") && punct_is(L, s - 2, ",")
	    && tok(L, s - 3)->shape == TOK_DIGIT && punct_is(L, s - 4, ",")
	    && tok(L, s - 3)->end - tok(L, s - 3)->start <= 3)
		return s - 1;
	return 0;
}

/* A place by what stands beside it: "Burlington, Wash.", "Agboju,
 * Lagos", "Ikeja, Nigeria" (a listed place or country after a comma, and
 * no more names after it), or "the Agboju area" (a lower-case place
 * noun after it). */
static int place_beside(const struct line *L, size_t i, size_t j)
{
	if (j < L->t->n && adjacent(L, j - 1) && !(tok(L, j - 1)->flags & TOKF_POSS)
	    && cue_is(L, j, CUE_PLACE_AFTER) && tok(L, j)->shape == TOK_LOWER)
		return 1;
	const struct gaz_spelling *sp;
	size_t e;
	if (!punct_is(L, j, ",") || (e = gaz_at(L, j + 1, &sp)) == j + 1 || sp->role == GAZ_DEMONYM)
		return 0;
	enum entity_kind k = L->g->entries[sp->entry].kind;
	if (k != KIND_PLACE && k != KIND_COUNTRY)
		return 0;
	/* "Novak Djokovic, Serbia, beat ...", "while Mo Farah, Britain,
	 * took gold": a person's shape beside a country is a person's
	 * nationality, unless a preposition of place stands before it ("in
	 * Kota Kinabalu, Malaysia"). */
	static const char *const prep[] = { "in", "at", "from", "near", "to", "outside", "into",
					     "of", "around", "across", "inside", "towards", "toward" };
	if (k == KIND_COUNTRY && j - i >= 2 && name_shape(L, i, j)
	    && !(i > 0 && word_in(L, i - 1, prep, sizeof prep / sizeof prep[0])))
		return 0;
	/* "Smith, Texas Republican", "Azzouz, Tunisia country director": a
	 * word after the place makes it a modifier of a description. */
	return e >= L->t->n || !is_word(tok(L, e))
	       || (tok(L, e - 1)->shape == TOK_PUNCT && L->text[tok(L, e - 1)->start] == '.');
}

/* What a name at [.., j), candidate ci, says of itself in parentheses
 * right after it: "Financial Times (FT)", an explicit acronym; "Lo
 * Ming-tsai (羅明才)", the name in its own script (glued characters none
 * of them Latin).  Either is an alias of the same actor (acronym_of). */
static void explicit_alias(const struct line *L, long ci, size_t j, size_t start)
{
	if (ci < 0)
		return;
	/* "the Movement for National Regeneration, or Morena.", "Andrés
	 * Manuel López Obrador, or AMLO.": the other name after ", or",
	 * one capitalised word and the clause's end.  Not an item of a
	 * list ("France, Spain, or Italy"), nor after a one-word name
	 * ("Lagos, or Abuja,"), nor a name of two words or more: "go to
	 * Maria Lopez, or Tom Hughes." is a choice between two people, and
	 * the other name a text gives in passing is a short one. */
	if (punct_is(L, j, ",") && word_is(L, j + 1, "or") && j + 2 < L->t->n && is_capword(tok(L, j + 2))
	    && memchr(L->a->c[ci].s, ' ', L->a->c[ci].len)
	    && !(tok_at(L, 0, start) > 0 && punct_is(L, tok_at(L, 0, start) - 1, ","))) {
		size_t q = j + 2;
		while (q < L->t->n && q < j + 5 && is_capword(tok(L, q)) && (q == j + 2 || adjacent(L, q - 1)))
			q++;
		/* A common word is more often the other choice than another
		 * name: "the Scottish National Party, or Reform." */
		if (q == j + 3 && !is_common(L, j + 2)
		    && (q >= L->t->n || punct_is(L, q, ",") || punct_is(L, q, ".") || punct_is(L, q, ";")
			|| punct_is(L, q, ")"))) {
			struct finding g;
			fill(&g, L, j + 2, q);
			g.kind = (enum entity_kind)L->a->c[ci].kind;
			g.rule = R_OR_NAME;
			g.conf = CONF_LIKELY;
			g.ev_start = start;
			g.ev_end = tok(L, q - 1)->end;
			long ai = note(L->a, L->text, &g);
			if (ai >= 0 && ai != ci && L->a->c[ai].gaz < 0) {
				L->a->c[ai].acronym_of = ci;
				L->a->c[ai].or_name = 1;
			}
		}
		return;
	}
	/* Token j + 1 must be the line's: past it, tok() gives a token at
	 * the line's end, and text[end] is no byte of text[from, to). */
	if (!punct_is(L, j, "(") || j + 1 >= L->t->n)
		return;
	size_t q = j + 1;
	int script = 0;
	if (tok(L, j + 1)->shape == TOK_UPPER && punct_is(L, j + 2, ")")) {
		q = j + 2;
	} else if (L->text[tok(L, j + 1)->start] >= 0xE0) {
		while (q < L->t->n && q < j + 12 && tok(L, q)->shape != TOK_PUNCT
		       && L->text[tok(L, q)->start] >= 0xE0 && (q == j + 1 || glued(L, q - 1)))
			q++;
		if (!punct_is(L, q, ")") || !glued(L, q - 1))
			return;
		script = 1;
	} else {
		return;
	}
	struct finding g;
	fill(&g, L, j + 1, q);
	g.kind = (enum entity_kind)L->a->c[ci].kind;
	g.has_kind = script;
	g.rule = script ? R_SCRIPT : R_ACRONYM;
	g.conf = CONF_LIKELY;
	if (script)
		g.capexp = 0;
	g.ev_start = start;
	g.ev_end = tok(L, q)->end;
	long ai = note(L->a, L->text, &g);
	if (ai >= 0 && ai != ci)
		L->a->c[ai].acronym_of = ci;
}

/* A taxon's name (devset rule A1: no actor): a family's, an order's or
 * a superfamily's by the suffix the codes of zoological and botanical
 * nomenclature prescribe ("Dromaeosauridae", "Felinae", "Rosaceae",
 * "Passeriformes"), or a genus before a species epithet with a Latin
 * genitive ending ("Saurornitholestes langstoni", "Homo naledi").  s is
 * n bytes; epithet, when not NULL, is the lower-case word after it. */
static int taxon(const char *s, size_t n, const char *epithet, size_t en)
{
	static const char *const rank[] = { "idae", "inae", "oidea", "aceae", "iformes" };
	for (size_t k = 0; k < sizeof rank / sizeof rank[0]; k++) {
		size_t rl = strlen(rank[k]);
		if (n > rl + 2 && memcmp(s + n - rl, rank[k], rl) == 0 && !memchr(s, ' ', n))
			return 1;
	}
	if (!epithet || en < 5 || memchr(s, ' ', n))
		return 0;
	/* Not "-i" or "-ae" alone: English keeps Latin and Italian plurals
	 * ("Wharton alumni", "Serengeti safari", "Banksy graffiti"), which
	 * SCOWL's common words do not all hold; "-ii" and "-ae" after a
	 * consonant cluster stay rare in English ("Homo naledi" is lost). */
	static const char *const gen[] = { "ensis", "orum", "arum", "ii" };
	for (size_t k = 0; k < sizeof gen / sizeof gen[0]; k++) {
		size_t gl = strlen(gen[k]);
		if (en > gl + 3 && memcmp(epithet + en - gl, gen[k], gl) == 0)
			return 1;
	}
	return 0;
}

/* Whether the listed body body_sp names is the country demonym_sp names
 * ("American" and the US Senate) or no country's ("European" and the
 * Red Cross). */
static int own_body(const struct gazetteer *g, const struct gaz_spelling *demonym_sp,
		    const struct gaz_spelling *body_sp)
{
	const char *aff = g->entries[body_sp->entry].affiliation;
	return !aff || !*aff || strcmp(aff, g->entries[demonym_sp->entry].id) == 0;
}

/* Whether token k is the "v", "v.", "vs" or "vs." of a case's name:
 * in lower case, with a capitalised word on both sides ("Smith v.
 * Jones", "Roe v Wade", "Brown vs. Board of Education").  The token
 * after it, past any full stop, is *after. */
static int case_versus(const struct line *L, size_t k, size_t *after)
{
	if (k == 0 || k >= L->t->n || !(word_is(L, k, "v") || word_is(L, k, "vs"))
	    || tok(L, k)->shape != TOK_LOWER || !is_capword(tok(L, k - 1)))
		return 0;
	size_t a = punct_is(L, k + 1, ".") ? k + 2 : k + 1;
	if (a >= L->t->n || !is_capword(tok(L, a)))
		return 0;
	*after = a;
	return 1;
}

/* Whether the run [i, j) is a party in a case's name: the court's
 * parties are cited by name there, a title, not actors of the text
 * (and the plaintiff, at a sentence's start, would be lost while the
 * defendant, mid-sentence, was taken for a body). */
static int case_party(const struct line *L, size_t i, size_t j)
{
	size_t a;
	if (case_versus(L, j, &a))
		return 1;
	if (i >= 1 && case_versus(L, i - 1, &a) && a == i)
		return 1;
	return i >= 2 && punct_is(L, i - 1, ".") && case_versus(L, i - 2, &a) && a == i;
}

/* Classify a residual run [i, j) of capitalised words by its context. */
static void residual(const struct line *L, size_t i, size_t j, size_t run_start)
{

	/* "US-South Korea": what is left between two names may be a hyphen. */
	while (i < j && tok(L, i)->shape == TOK_PUNCT)
		i++;
	while (j > i && tok(L, j - 1)->shape == TOK_PUNCT)
		j--;
	if (i >= j)
		return;
	const struct token *t0 = tok(L, i);
	if (L->t->cls != LINE_TEXT)
		return;                 /* headlines: only names known already */
	if (case_party(L, i, j))
		return;
	/* What a hyphen left of "Pakistan-based" is no name; "al-Qaeda" is. */
	if (!is_capword(t0) && !(is_particle(L, i) && glued(L, i) && punct_is(L, i + 1, "-")))
		return;
	/* A title's field, and the person it may name after it: "Minister
	 * of Health Zweli Mkhize" (a first name starts the person). */
	size_t title;
	if (title_field(L, i, &title)) {
		size_t p = i + 1;
		while (p + 1 < j && !first_name_cue(L, p))
			p++;
		/* No first name known: the last two words, when neither is a
		 * common word, after a field of one word or more. */
		int named = p + 1 < j && first_name_cue(L, p);
		if (!named && j - i >= 3 && tok(L, j - 2)->shape == TOK_CAP
		    && tok(L, j - 1)->shape == TOK_CAP && !is_common(L, j - 2) && !is_common(L, j - 1)) {
			p = j - 2;
			named = 1;
		}
		/* "Family Welfare J.P. Nadda": initials and their full stops
		 * before a surname that is no common word. */
		if (!named && tok(L, j - 1)->shape == TOK_CAP && !is_common(L, j - 1)) {
			size_t q = j - 1;
			while (q > i + 1 && (initial(L, q - 1) || (punct_is(L, q - 1, ".") && initial(L, q - 2))))
				q--;
			if (q < j - 1 && initial(L, q)) {
				p = q;
				named = 1;
			}
		}
		/* "President of France Emmanuel Macron": analyse_run left the
		 * listed name in the run (an unknown capital follows it), so
		 * it is noted here, and a country is the person's. */
		const char *aff = NULL;
		size_t fe = named ? p : j;
		for (size_t k = i; k < fe;) {
			const struct gaz_spelling *sp;
			size_t e = gaz_at(L, k, &sp);
			if (e <= k || e > fe) {
				k++;
				continue;
			}
			note_gaz(L, k, e, sp);
			if (!aff && L->g->entries[sp->entry].kind == KIND_COUNTRY && sp->role != GAZ_DEMONYM)
				aff = L->g->entries[sp->entry].id;
			k = e;
		}
		if (!named)
			return;
		struct finding f;
		fill(&f, L, p, j);
		f.aff = aff;
		judge(&f, KIND_PERSON, CONF_LIKELY, R_TITLE_OF);
		f.capexp = 0;
		f.ev_start = tok(L, title)->start;
		f.desc = (const char *)L->text + tok(L, title)->start;
		f.desc_len = tok(L, p - 1)->end - tok(L, title)->start;
		note(L->a, L->text, &f);
		return;
	}
	/* "Republicans", "a Catholic priest": members of a group (rule A4). */
	if (j == i + 1 && cue_of(L, i) == CUE_MEMBER)
		return;
	if (whole_quote(L, i, j))
		return;
	enum gaz_cue c0 = cue_of(L, i);
	if (c0 == CUE_NONE && (t0->flags & TOKF_POSS))      /* "Tuesday's" */
		c0 = gaz_cue(L->g, L->text + t0->start, base_len(L, i));
	/* "May said": the verb makes a name of a month (figures.c reads May
	 * as a month only after a preposition); a day is never one ("on
	 * Monday asked"). */
	/* "Police chief Rafiqul Islam ... Islam added": a stop word that
	 * is no English word in lower case ("Islam", not "He") before a
	 * speech verb may be a surname.  It is kept aside, to be taken
	 * only as the surname of a person found by full name (step 4 of
	 * actors_finish), never an actor of its own. */
	if (c0 == CUE_STOP && j == i + 1 && cue_of(L, j) == CUE_SPEECH && adjacent(L, i)
	    && t0->shape == TOK_CAP && !is_common(L, i)) {
		struct finding sf;
		fill(&sf, L, i, j);
		sf.stop_word = 1;
		sf.conf = CONF_UNSURE;
		sf.rule = R_SURNAME;
		note(L->a, L->text, &sf);
		return;
	}
	if (c0 == CUE_STOP || c0 == CUE_DAY
	    || (c0 == CUE_MONTH && !(j == i + 1 && cue_of(L, j) == CUE_SPEECH)))
		return;
	/* A title or a head word alone ("the President said", "the Ministry")
	 * is no name. */
	const struct gaz_word *tw;
	size_t te = title_at(L, i, &tw);
	/* "Mr. President": an honorific's full stop ends the run. */
	if (te == j || (te == j + 1 && punct_is(L, j, ".")))
		return;
	/* "the Federal Minister", "a Senior Minister": common words before
	 * a title, and no name after it, describe a person (rule A7).  A
	 * description takes an article; a name does not ("Don King said":
	 * King is a royal title, and "don" a common word). */
	static const char *const art[] = { "the", "The", "a", "A", "an", "An" };
	for (size_t k = i + 1; k < j && i && word_in(L, i - 1, art, sizeof art / sizeof art[0])
			       && is_common(L, k - 1); k++)
		if (title_at(L, k, &tw) == j)
			return;
	if (j == i + 1 && gaz_orgword(L->g, L->text + t0->start, base_len(L, i))
	    && !(i && (word_is(L, i - 1, "the") || word_is(L, i - 1, "The"))))
		return;
	/* A lone letter ("I", "A") is no name, nor "I'll", "I'm". */
	if (j == i + 1 && ((t0->shape == TOK_WORD && t0->end - t0->start == 1)
			   || (L->text[t0->start] == 'I' && (L->text[t0->start + 1] == '\''
							     || L->text[t0->start + 1] == 0xE2))))
		return;
	struct finding f;
	const struct gaz_spelling *gsp;
	fill(&f, L, i, j);
	if (run_start < i)
		f.capexp = 0;
	size_t ds, de;
	const char *aff = NULL;
	enum gaz_cue next = cue_of(L, j);
	enum gaz_cue prev = i ? cue_of(L, i - 1) : CUE_NONE;
	f.conf = CONF_UNSURE;
	f.rule = R_RESIDUAL;
	f.kind = j - i >= 2 ? KIND_PERSON : (t0->shape == TOK_UPPER ? KIND_ORGANIZATION : KIND_PERSON);
	f.has_kind = 0;
	int the = i && (word_is(L, i - 1, "the") || word_is(L, i - 1, "The"));
	if (ampersand_inside(L, i, j)) {
		judge(&f, KIND_ORGANIZATION, CONF_LIKELY, R_AMPERSAND);
		f.capexp = 0;
	} else if (securities_name(L, i, j)) {
		/* Sure: it beats "Rovio said", a speech verb's person; no
		 * person has shares. */
		judge(&f, KIND_ORGANIZATION, CONF_SURE, R_SECURITIES);
		f.ev_end = tok(L, j)->end;
		f.capexp = 0;
	} else if (employer_after(L, i) && !(tok(L, j - 1)->flags & TOKF_POSS)) {
		judge(&f, KIND_ORGANIZATION, CONF_LIKELY, R_EMPLOYER);
		f.ev_start = tok(L, i - 2)->start;
		f.capexp = 0;
	} else if (spokes_before(L, i, j)) {
		judge(&f, KIND_ORGANIZATION, CONF_LIKELY, R_SPOKES);
		f.ev_end = tok(L, j)->end;
		f.capexp = 0;
	} else if (the && j == i + 1 && next == CUE_SPEECH && adjacent(L, j - 1)) {
		/* "the Alliance said": a person takes no article; a body that
		 * speaks does. */
		judge(&f, KIND_ORGANIZATION, CONF_LIKELY, R_THE_X);
		f.ev_start = tok(L, i - 1)->start;
		f.ev_end = tok(L, j)->end;
		f.capexp = 0;
	} else if (next == CUE_SPEECH && !(tok(L, j - 1)->flags & TOKF_POSS) && adjacent(L, j - 1)
	    && !(j == i + 1 && group_noun(L, i))
	    && !(i && object_prep(L, i - 1) && !(j - i >= 2 && person_start(L, i)))) {
		/* After a preposition the verb's subject stands before it
		 * ("a spokesman for Thames Water said"), unless the name
		 * opens as a person's does ("the mother of Lee Sang-ri
		 * told"): the speaker is then a person either way. */
		judge(&f, KIND_PERSON, CONF_LIKELY, R_SPEECH);
		f.ev_end = tok(L, j)->end;
		f.capexp = 0;       /* "Park said": the verb makes the name */
	} else if (!(i && place_prep(L, i - 1)) && apposition(L, j, &ds, &de, &aff)) {
		judge(&f, KIND_PERSON, CONF_LIKELY, R_APPOS);
		f.desc = (const char *)L->text + ds;
		f.desc_len = de - ds;
		f.aff = aff;
		f.ev_end = de;
		f.capexp = 0;
	} else if (i >= 2 && word_is(L, i - 2, "according") && word_is(L, i - 1, "to")) {
		judge(&f, j - i >= 2 ? KIND_PERSON : KIND_ORGANIZATION, CONF_LIKELY, R_SPEECH);
		f.ev_start = tok(L, i - 2)->start;
	} else if (i && (word_is(L, i - 1, "said") || word_is(L, i - 1, "says"))
		   && i >= 2 && punct_is(L, i - 2, ",") && j - i >= 2) {
		judge(&f, KIND_PERSON, CONF_LIKELY, R_SPEECH);
		f.ev_start = tok(L, i - 1)->start;
	} else if ((word_is(L, j, "administration") || word_is(L, j, "campaign")
		    || ((word_is(L, j, "government") || word_is(L, j, "cabinet")) && j - i >= 2))
		   && !(tok(L, j - 1)->flags & TOKF_POSS)) {
		/* "the Trump administration"; but "the Labor government" is a
		 * party's: one word before "government" is no person. */
		judge(&f, KIND_PERSON, CONF_LIKELY, R_ADMIN);
		f.ev_end = tok(L, j)->end;
		f.capexp = 0;
	} else if ((i && prev == CUE_MEDIA)
		   || (next == CUE_MEDIA && tok(L, j)->shape == TOK_LOWER && adjacent(L, j - 1)
		       && !word_is(L, j, "agency") && !word_is(L, j, "network"))) {
		/* "website Snopes", "Vulture magazine" (not "X agency", "X
		 * network": a body's own words as often). */
		judge(&f, KIND_MEDIA, CONF_LIKELY, R_MEDIA_CUE);
		if (i && prev == CUE_MEDIA)
			f.ev_start = tok(L, i - 1)->start;
		else
			f.ev_end = tok(L, j)->end;
	} else if (j - i >= 2 && ((i && prev == CUE_ROLE && tok(L, i - 1)->shape == TOK_LOWER)
				  || (i >= 2 && punct_is(L, i - 1, ",") && cue_of(L, i - 2) == CUE_ROLE
				      && tok(L, i - 2)->shape == TOK_LOWER))) {
		judge(&f, KIND_PERSON, CONF_LIKELY, R_ROLE);
		f.ev_start = tok(L, punct_is(L, i - 1, ",") ? i - 2 : i - 1)->start;
	} else if (j == i + 1 && lower_title_before(L, i) && t0->shape == TOK_CAP && !is_common(L, i)
		   && !(t0->flags & TOKF_QUOTED)) {
		/* "the fall of president Soeharto", "its leader Lee": a
		 * title in lower case right before one capitalised word that
		 * is no common word names a person by surname. */
		judge(&f, KIND_PERSON, CONF_LIKELY, R_ROLE);
		f.ev_start = tok(L, i - 1)->start;
	} else if (kin_before(L, i) && tok(L, j - 1)->shape == TOK_CAP) {
		judge(&f, KIND_PERSON, CONF_LIKELY, R_KIN);
		f.ev_start = tok(L, i - 2)->start;
	} else if (compass_name(L, i, j)) {
		judge(&f, KIND_PLACE, CONF_LIKELY, R_PLACE_COMPASS);
	} else if (korean_division(L, i, j)) {
		judge(&f, KIND_PLACE, CONF_LIKELY, R_PLACE_SUFFIX);
	} else if (place_noun_of(L, i)) {
		judge(&f, KIND_PLACE, CONF_LIKELY, R_PLACE_OF);
		f.ev_start = tok(L, i - 2)->start;
	} else if (j - i >= 2 && gaz_leader(L->g, (const char *)L->text + f.start, f.end - f.start)) {
		/* "Gordon Brown's and Theresa May's tendencies": a leader's
		 * full name (leaders.tsv) is a person's, though every word
		 * of it is a common one; a namesake is a person too. */
		judge(&f, KIND_PERSON, CONF_LIKELY, R_LEADER_NAME);
	} else if (j - i >= 2 && j - i <= 3 && first_name_cue(L, i) && tok(L, j - 1)->shape == TOK_CAP
		   && (!is_common(L, j - 1) || (j - i == 2 && strong_first_name(L, i) && !the
					 && cue_of(L, j - 1) != CUE_THING))
		   && !org_head_any(L, i, j)
		   && !(t0->flags & TOKF_QUOTED)
		   && cue_of(L, j - 1) != CUE_MEMBER && gaz_at(L, i, &gsp) == i) {
		/* Not "a Virginia Democrat": a listed place before a member
		 * word is no first name. */
		judge(&f, KIND_PERSON, CONF_LIKELY, R_FIRSTNAME);
	} else if (j - i <= 3 && residence_after_age(L, i)) {
		judge(&f, KIND_PLACE, CONF_LIKELY, R_RESIDENCE);
		f.ev_start = tok(L, residence_after_age(L, i))->start;
	} else if (place_beside(L, i, j)) {
		judge(&f, KIND_PLACE, CONF_LIKELY, R_PLACE_BESIDE);
		f.ev_end = tok(L, j + 1 < L->t->n ? j + 1 : j)->end;
	} else if (name_shape(L, i, j)) {
		judge(&f, KIND_PERSON, CONF_LIKELY, R_NAMESHAPE);
	} else if (i && (word_is(L, i - 1, "the") || word_is(L, i - 1, "The")) && j == i + 1) {
		judge(&f, KIND_ORGANIZATION, CONF_UNSURE, R_THE_X);
		f.ev_start = tok(L, i - 1)->start;
	} else if ((i && prev == CUE_PLACE && tok(L, i - 1)->shape == TOK_LOWER
		    && !word_is(L, i - 1, "to") && !word_is(L, i - 1, "from") && !word_is(L, i - 1, "at"))
		   || motion_to(L, i)) {
		/* "in Djerba", "near Sirte"; not "to Obama", "from Facebook",
		 * "at Harvard", where a person or a body is as likely. */
		judge(&f, KIND_PLACE, CONF_UNSURE, R_PLACE_PREP);
		f.ev_start = tok(L, i - 1)->start;
	}
	if (!f.has_kind) {
		/* No cue: kept for the document pass (an alias, or one sense
		 * elsewhere), unsure. */
		f.has_kind = 0;
	}
	/* "Keynesian economics", "Roman ruins": a proper adjective before a
	 * noun, no name (the document pass reads it with the word's ending).
	 * The glue is function words; the speech verbs ("said") are cues.tsv's. */
	static const char *const glue[] = { "a", "an", "the", "of", "in", "on", "at", "to", "for", "and",
					    "or", "but", "by", "with", "from", "as", "is", "was", "are",
					    "were", "has", "had", "have", "will", "would" };
	f.adj = tok(L, j)->shape == TOK_LOWER && adjacent(L, j - 1) && !(tok(L, j - 1)->flags & TOKF_POSS)
		&& !word_in(L, j, glue, sizeof glue / sizeof glue[0]) && cue_of(L, j) != CUE_SPEECH
		&& cue_of(L, j) != CUE_ACT;
	static const char *const honours[] = { "MBE", "OBE", "CBE", "KBE", "DBE", "GBE" };
	/* "the online game Minecraft", "the Android version", "versions of
	 * Minecraft": a product or a work, no actor (devset rule A1). */
	f.thing = (adjacent(L, j - 1) && tok(L, j)->shape == TOK_LOWER
		   && (cue_of(L, j) == CUE_THING
		       || (j == i + 1 && taxon((const char *)L->text + t0->start, t0->end - t0->start,
					       (const char *)L->text + tok(L, j)->start,
					       tok(L, j)->end - tok(L, j)->start))))
		  || (i && adjacent(L, i - 1) && cue_of(L, i - 1) == CUE_THING && tok(L, i - 1)->shape == TOK_LOWER)
		  || (i >= 2 && word_is(L, i - 1, "of") && cue_of(L, i - 2) == CUE_THING)
		  /* "appointed MBE", "made a CBE": a British honour, an award
		   * (devset rule A1); a closed set. */
		  || (j == i + 1 && t0->shape == TOK_UPPER && word_in(L, i, honours, sizeof honours / sizeof honours[0]))
		  /* "the Siege of Greyhold", "the Bill of Rights": a thing's
		   * head word before "of" and a name is the thing's. */
		  || (j == i + 1 && cue_of(L, i) == CUE_THING && word_is(L, j, "of") && adjacent(L, i)
		      && is_capword(tok(L, j + 1)))
		  || thing_verb_before(L, i, j)
		  /* "Rp 10 trillion", "Sh 500", "RM 20": a word of three
		   * letters or fewer before a number is its unit or currency. */
		  || (j == i + 1 && t0->end - t0->start <= 3 && j < L->t->n && tok(L, j)->shape == TOK_DIGIT
		      && adjacent(L, i) && !glued(L, i) && !plays(L, i, j));
	f.family_first = j - i >= 2 && gaz_is_surname_first(L->g, L->text + t0->start,
							   t0->end - t0->start);
	/* "Spisak Jr.": the abbreviation's full stop is the name's. */
	if (j - i >= 2 && (word_is(L, j - 1, "Jr") || word_is(L, j - 1, "Sr")) && punct_is(L, j, ".")
	    && glued(L, j - 1)) {
		if (f.ev_end == f.end)
			f.ev_end = tok(L, j)->end;
		f.end = tok(L, j)->end;
	}
	long ci = note(L->a, L->text, &f);
	explicit_alias(L, ci, j, f.start);
}

/* An organisation: "Foreign Ministry", "Seoul's Foreign Ministry",
 * "Bank of Japan", "Global Times". */
static int rule_org(const struct line *L, size_t i, size_t j)
{
	size_t of_head;
	int kind = org_head(L, i, j, &of_head);
	if (kind < 0)
		return 0;
	/* One capitalised head word alone ("Ministry") is no name. */
	if (j - i == 1 && !of_head)
		return 0;
	/* A place's head word ends people's names too ("Bruce Arena"): a
	 * person's apposition after the name, or a first name and a speech
	 * verb ("Buckingham Palace said" stays a place), leave it to the
	 * person rules. */
	size_t ds, de;
	const char *paff;
	if (kind == KIND_PLACE && !of_head
	    && (apposition(L, j, &ds, &de, &paff) || (cue_of(L, j) == CUE_SPEECH && first_name_cue(L, i))))
		return 0;
	/* "the Federal Government", "the State Government": a government
	 * named by one common word is described, not named (rule A7);
	 * "the Lagos State Government" names one, and so do two common
	 * words or more ("the National Unity Government" of Myanmar, "the
	 * Transitional Federal Government" of Somalia). */
	if (!of_head && j - i <= 2 && word_is(L, j - 1, "Government")) {
		size_t k = i;
		while (k < j && is_common(L, k))
			k++;
		if (k == j)
			return 1;
		/* "the Indian Government": a demonym before it is the
		 * country's government described (devset rule A4, "the
		 * American government" is no mention). */
		const struct gaz_spelling *dsp;
		if (j - i == 2 && gaz_at(L, i, &dsp) == i + 1 && dsp->role == GAZ_DEMONYM)
			return 1;
	}
	struct finding f;
	fill(&f, L, i, j);
	/* "Remain Co.", "Acme Inc.": the abbreviation's full stop is part of
	 * the name. */
	if (j - i >= 2 && punct_is(L, j, ".") && glued(L, j - 1)
	    && (word_is(L, j - 1, "Co") || word_is(L, j - 1, "Inc") || word_is(L, j - 1, "Corp")
		|| word_is(L, j - 1, "Ltd") || word_is(L, j - 1, "Bros")))
		f.end = tok(L, j)->end;
	judge(&f, (enum entity_kind)kind, kind == KIND_PLACE ? CONF_LIKELY : CONF_SURE, kind == KIND_PLACE ? R_PLACE_HEAD : of_head ? R_ORG_OF : R_ORG);
	/* "Leicester City 3-1": a town's club. */
	if (kind == KIND_PLACE && !of_head && j - i >= 2 && plays(L, i, j))
		judge(&f, KIND_ORGANIZATION, CONF_SURE, R_CLUB);
	f.thing = thing_verb_before(L, i, j);
	f.where = where_before(L, i);
	f.capexp = 0;
	/* A country named inside is the affiliation: "Bank of Japan",
	 * "Seoul's Foreign Ministry". */
	for (size_t k = i; k < j && !f.aff; k++) {
		size_t ce;
		f.aff = country_of(L, k, &ce);
	}
	long ci = note(L->a, L->text, &f);
	explicit_alias(L, ci, j, f.start);
	return 1;
}

static int org_head_any(const struct line *L, size_t i, size_t j)
{
	size_t of_head;
	return org_head(L, i, j, &of_head) >= 0;
}

/* "Alibaba Group", "Nissan Motor Co.": a listed company (its spelling
 * sp ends at token e) with its legal or group word is the same company;
 * the end of that longer name, or e. */
static size_t corp_end(const struct line *L, size_t e, const struct gaz_spelling *sp)
{
	enum entity_kind kind = L->g->entries[sp->entry].kind;
	if (e >= L->t->n || !adjacent(L, e - 1) || (tok(L, e - 1)->flags & TOKF_POSS)
	    || (kind != KIND_ORGANIZATION && kind != KIND_MEDIA) || sp->role == GAZ_DEMONYM)
		return e;
	size_t k = e;
	while (k < L->t->n && k < e + 2 && orgword_is(L, k, GAZ_ORG_LEGAL)
	       && (k == e || adjacent(L, k - 1)))
		k++;
	if (k > e && punct_is(L, k, ".") && glued(L, k - 1) && !(tok(L, k)->flags & TOKF_SENT_END))
		k++;
	return k;
}

/* Split a capitalised run [i, j) into gazetteer names and what is left. */
static size_t analyse_run(const struct line *L, size_t i, size_t j)
{
	size_t reach = j;
	size_t run_start = i;
	/* Words capitalised only because a sentence starts ("The", "Since",
	 * "Meanwhile") go, unless a person cue keeps the whole run ("Will
	 * Hurd, a former Texas congressman").  The determiners are code:
	 * cues.tsv's stop class is every capitalised word never a name,
	 * far more than what may open a sentence before one. */
	static const char *const det[] = { "The", "A", "An", "This", "That", "These", "Those" };
	while (i < j && ((tok(L, i)->flags & TOKF_CAPEXP)
			 /* "(CN) - The Supreme Court": a determiner after a
			  * dateline's dash is no name's either; after a word
			  * it is ("moved to A Coruña", "in The Hague"). */
			 || ((i == 0 || tok(L, i - 1)->shape == TOK_PUNCT)
			     && word_in(L, i, det, sizeof det / sizeof det[0]))) && is_common(L, i)) {
		const struct gaz_spelling *sp;
		const struct gaz_word *w;
		if (gaz_at(L, i, &sp) > i || title_at(L, i, &w) > i)
			break;
		size_t ds, de;
		const char *aff;
		int person_cue = cue_of(L, j) == CUE_SPEECH || apposition(L, j, &ds, &de, &aff);
		/* "Mark Carney, the Bank of England governor": a first name
		 * (SCOWL's or the Census's) before a person cue. */
		if (person_cue && j - i == 2 && !place_prep(L, i)
		    && (gaz_is_proper(L->g, L->text + tok(L, i)->start, tok(L, i)->end - tok(L, i)->start)
			|| gaz_is_firstname(L->g, L->text + tok(L, i)->start,
					    tok(L, i)->end - tok(L, i)->start)))
			break;
		/* "Frank G. Spisak Jr. was executed": a word before an
		 * initial is a given name, whatever else it means. */
		if (i + 3 < j && tok(L, i)->shape == TOK_CAP && initial(L, i + 1) && glued(L, i + 1)
		    && punct_is(L, i + 2, ".") && !word_in(L, i, det, sizeof det / sizeof det[0]))
			break;
		/* "Park said", "May said": a lone word the verb makes a name of,
		 * not a pronoun ("He said") nor a group ("Officials said"). */
		if (j - i == 1 && cue_of(L, j) == CUE_SPEECH && adjacent(L, i) && cue_of(L, i) != CUE_STOP
		    && !group_noun(L, i) && !(tok(L, i)->flags & TOKF_POSS))
			break;
		/* "Ford shares fell": the securities make a company's name of
		 * a common word. */
		if (j - i == 1 && securities_name(L, i, j) && !word_in(L, i, det, sizeof det / sizeof det[0])
		    && cue_of(L, i) != CUE_STOP)
			break;
		i++;
	}
	/* "Shares of Halden Biotech jumped", "Parents of Ellery School
	 * pupils": the connector after a stripped word opens no name. */
	while (i > run_start && i < j && tok(L, i)->shape == TOK_LOWER && is_connector(L, i))
		i++;
	if (i >= j)
		return reach;
	/* "Head of Secretariat", "Minister of Interior": a title and its
	 * field, no body; a listed name in the field still counts. */
	const struct gaz_word *tw;
	size_t te = title_at(L, i, &tw);
	if (te > i && te + 1 < j && (word_is(L, te, "of") || word_is(L, te, "for"))) {
		for (size_t k = te + 1; k < j;) {
			const struct gaz_spelling *sp;
			size_t e = gaz_at(L, k, &sp);
			if (e > k) {
				note_gaz(L, k, e, sp);
				k = e;
			} else {
				k++;
			}
		}
		return reach;
	}
	/* A whole organisation or media name (not a list entry, nor one
	 * with its group word: "Alibaba Group"). */
	const struct gaz_spelling *whole;
	size_t ge = gaz_at(L, i, &whole);
	if (ge > i && corp_end(L, ge, whole) >= j) {
		size_t e2 = corp_end(L, ge, whole);
		note_gaz(L, i, e2, whole);
		return e2 > reach ? e2 : reach;
	}
	/* "the Mexican Senate": a demonym before a listed body's own name
	 * is no part of it (devset rule A4, "the American government"); the
	 * body is the listed name, split out below.  Only where the list's
	 * body is that country's or no one's: "the Peruvian Congress" is
	 * not the US Congress the list holds as "Congress". */
	const struct gaz_spelling *rest_sp;
	int demonym_before_listed = ge > i && whole && whole->role == GAZ_DEMONYM && ge < j
				    && gaz_at(L, ge, &rest_sp) == j
				    && own_body(L->g, whole, rest_sp);
	if (ge != j && !demonym_before_listed && rule_org(L, i, j))
		return reach;
	size_t k = i, rest = i;
	const struct gaz_spelling *first_sp;       /* gaz_at's answer for a first name: unused */
	while (k < j) {
		const struct gaz_word *w;
		if (title_at(L, k, &w) > k || (k + 1 < j && rule_title_possible(L, k))) {
			size_t e = rule_title(L, k);
			if (e > k) {
				if (rest < k)
					residual(L, rest, k, run_start);
				/* "Secretary of State Marco Rubio" reaches past the run. */
				if (e > j) {
					reach = e;
					return reach;
				}
				k = rest = e;
				continue;
			}
		}
		const struct gaz_spelling *sp;
		size_t e = gaz_at(L, k, &sp);
		size_t e2 = e > k ? corp_end(L, e, sp) : e;
		if (e2 > e) {
			if (rest < k)
				residual(L, rest, k, run_start);
			note_gaz(L, k, e2, sp);
			k = rest = e2;
			continue;
		}
		if (e > k) {
			/* "America First", "Japan Airlines": a list name with an
			 * unknown capitalised word after it is another name. */
			if (e < j && is_capword(tok(L, e)) && adjacent(L, e - 1) && !(tok(L, e - 1)->flags & TOKF_POSS)) {
				const struct gaz_spelling *sp2;
				const struct gaz_word *w2;
				if (gaz_at(L, e, &sp2) == e && title_at(L, e, &w2) == e
				    && sp->role != GAZ_DEMONYM && cue_of(L, e) != CUE_MEMBER) {
					k = e;
					continue;
				}
			}
			/* "Anne Spiegel": a first name right before a listed
			 * one-word body or medium, the run ending there, is a
			 * person whose surname a list holds. */
			enum entity_kind gk = L->g->entries[sp->entry].kind;
			if (k == rest + 1 && e == j && e == k + 1 && first_name_cue(L, rest) && adjacent(L, rest)
			    && !(tok(L, rest)->flags & TOKF_POSS) && gaz_at(L, rest, &first_sp) == rest
			    && (gk == KIND_ORGANIZATION || gk == KIND_MEDIA) && sp->role != GAZ_DEMONYM) {
				struct finding f;
				fill(&f, L, rest, e);
				judge(&f, KIND_PERSON, CONF_LIKELY, R_FIRSTNAME);
				if (run_start < rest)
					f.capexp = 0;
				note(L->a, L->text, &f);
				k = rest = e;
				continue;
			}
			if (rest < k)
				residual(L, rest, k, run_start);
			/* A demonym before a run of names: "Japanese media". */
			note_gaz(L, k, e, sp);
			k = rest = e;
			continue;
		}
		k++;
	}
	if (rest < j)
		residual(L, rest, j, run_start);
	return reach;
}

/* Could a title cue start at k ("US Secretary", "Japanese Prime", "Jordan's King")? */
static int rule_title_possible(const struct line *L, size_t k)
{
	size_t e;
	const struct gaz_word *w;
	if (country_of(L, k, &e)) {
		if (e < L->t->n && title_at(L, e, &w) > e)
			return 1;
		/* "U.S. Trade Representative" */
		for (size_t q = e; q < e + 2 && q + 1 < L->t->n && is_capword(tok(L, q)) && adjacent(L, q)
		     && is_common(L, q); q++)
			if (title_at(L, q + 1, &w) > q + 1)
				return 1;
	}
	if ((tok(L, k)->flags & TOKF_POSS) && title_at(L, k + 1, &w) > k + 1)
		return 1;
	if (cue_of(L, k) == CUE_MODIFIER && title_at(L, k + 1, &w) > k + 1)
		return 1;
	return 0;
}

/* An organisation's head word among the capitalised words from k on,
 * before anything else: "and Tourism Council" has one. */
static int head_ahead(const struct line *L, size_t k)
{
	for (size_t q = k; q < L->t->n && q < k + 4 && is_capword(tok(L, q)); q++) {
		/* The head ends the name ("and Tourism Council") or takes an
		 * "of"; "and Union Agriculture Minister" is a title's. */
		if (gaz_orgword(L->g, L->text + tok(L, q)->start, base_len(L, q))) {
			/* "and Union railway minister Piyush Goyal": a role
			 * noun a word or two on makes the head word a title's. */
			for (size_t r = q + 1; r < q + 3 && r < L->t->n && tok(L, r)->shape == TOK_LOWER; r++)
				if (cue_of(L, r) == CUE_ROLE)
					return 0;
			return !adjacent(L, q) || !is_capword(tok(L, q + 1)) || word_is(L, q + 1, "of");
		}
		if (!adjacent(L, q))
			break;
	}
	return 0;
}

/* Whether "and" at j stands between two places named by their head
 * words ("Mexico City and Kansas City", "Leicester City and Stoke City"),
 * or two bodies each ending in its own head word ("Blackburn Rovers and
 * Wigan Athletic", "the Foreign Ministry and the Defence Ministry"): it
 * joins two names there, not one body's words ("Department of Health
 * and Human Services", "World Travel and Tourism Council"). */
static int place_pair(const struct line *L, size_t i, size_t j)
{
	if (!word_is(L, j, "and") && !word_is(L, j, "&") && !punct_is(L, j, "&"))
		return 0;
	size_t of_head;
	int kind = org_head(L, i, j, &of_head);
	if (kind == KIND_PLACE)
		return 1;
	if (kind >= 0 && !of_head && word_is(L, j, "and") && head_ahead(L, j + 1))
		return 1;
	for (size_t q = j + 1; q < L->t->n && q < j + 5 && is_capword(tok(L, q)); q++) {
		const struct gaz_word *w = gaz_orgword(L->g, L->text + tok(L, q)->start, base_len(L, q));
		if (w)
			return w->cls == KIND_PLACE;
		if (!adjacent(L, q))
			break;
	}
	return 0;
}

/* A run of initials written as one token: "H.W" of "George H.W. Bush". */
static int dotted_initials(const struct line *L, size_t i)
{
	const struct token *t = tok(L, i);
	size_t n = t->end - t->start;
	if (t->shape == TOK_WORD && n == 1)
		return 1;
	if (t->shape != TOK_UPPER || n < 3 || n > 7 || !(n & 1))
		return 0;
	for (size_t k = 1; k < n; k += 2)
		if (L->text[t->start + k] != '.')
			return 0;
	return 1;
}

/* Whether [i, j) ends in the head word of a body that is a part of a
 * state, named after it ("Foreign Ministry", "Supreme Court", "Army"),
 * rather than a party, a movement, a company or a club of its own. */
static int unit_head(const struct line *L, size_t i, size_t j)
{
	size_t of_head;
	if (org_head(L, i, j, &of_head) < 0)
		return 0;
	for (size_t k = j; k-- > i;)
		if (is_capword(tok(L, k)) && gaz_orgword(L->g, L->text + tok(L, k)->start, base_len(L, k)))
			return orgword_is(L, k, GAZ_ORG_UNIT);
	return 0;
}

/* The end of the capitalised run starting at token i. */
static size_t run_end(const struct line *L, size_t i)
{
	size_t j = i;
	while (j < L->t->n && j - i < RUN_MAX * 2) {
		const struct token *t = tok(L, j);
		const struct gaz_spelling *sp;
		size_t ge = is_capword(t) ? gaz_at(L, j, &sp) : j;
		if (ge > j + 1) {
			j = ge;         /* "U.S.", "People's Republic of China" */
		} else if (is_capword(t) || (j > i && t->shape == TOK_DIGIT && glued(L, j - 1))) {
			j++;
			/* "William G. Gale", "Kem L. Davis": an initial's full stop
			 * inside a name. */
			if (dotted_initials(L, j - 1) && glued(L, j - 1)
			    && punct_is(L, j, ".") && !(tok(L, j)->flags & TOKF_SENT_END) && adjacent(L, j)
			    && tok(L, j + 1)->shape == TOK_CAP) {
				j += 1;
				continue;
			}
		} else if (j > i && punct_is(L, j, "-") && glued(L, j - 1)
			   && glued(L, j) && is_word(tok(L, j + 1))) {
			/* "Amazon-owned Whole Foods": a lower-case word after the
			 * hyphen ends the name when another name follows. */
			if (tok(L, j + 1)->shape == TOK_LOWER && adjacent(L, j + 1) && !glued(L, j + 1)
			    && is_capword(tok(L, j + 2)))
				break;
			j += 2;         /* "Jae-myung", "US-South" */
			continue;
		} else if (j > i && is_connector(L, j) && adjacent(L, j - 1) && adjacent(L, j)
			   && is_capword(tok(L, j + 1)) && cue_of(L, j + 1) != CUE_DAY
			   && cue_of(L, j + 1) != CUE_MONTH
			   && (org_head_any(L, i, j) || head_ahead(L, j + 1)
			       || ((word_is(L, j, "&") || punct_is(L, j, "&")) && !glued(L, j - 1)
				   && !glued(L, j) && !ampersand_people(L, j)))
			   && !place_pair(L, i, j)) {
			j++;            /* "Bank of Japan", "Department of Health and ..." */
			continue;       /* "World Travel and Tourism Council" */
		} else if (j > i && word_is(L, j, "for") && word_is(L, j + 1, "a") && adjacent(L, j - 1)
			   && adjacent(L, j) && adjacent(L, j + 1) && is_capword(tok(L, j + 2))
			   && org_head_any(L, i, j)) {
			j += 2;         /* "Committee for a Responsible Federal Budget" */
			continue;
		} else if (j > i && is_particle(L, j) && adjacent(L, j - 1)) {
			/* "Osama bin Laden", "al-Bashir", "von der Leyen". */
			size_t q = j;
			while (q < L->t->n && q < j + 4 && is_particle(L, q)) {
				if (glued(L, q) && punct_is(L, q + 1, "-") && glued(L, q + 1))
					q += 2;
				else if (!glued(L, q) && adjacent(L, q))
					q++;
				else
					break;
			}
			if (q > j && is_capword(tok(L, q))) {
				j = q;
				continue;
			}
			break;
		} else {
			break;
		}
		if (tok(L, j - 1)->flags & TOKF_POSS) {
			/* "Seoul's Foreign Ministry", "Jordan's King": go on only
			 * into an organisation or a title. */
			size_t e = j;
			while (e < L->t->n && is_capword(tok(L, e)) && adjacent(L, e - 1) && e < j + 4)
				e++;
			/* Only a listed possessor owns an organisation's name
			 * ("Seoul's Foreign Ministry"), or a body ("Stanford
			 * University's Center"), and only a body that is a part
			 * of its owner: "Egypt's Islamist Muslim Brotherhood" is
			 * Egypt and a movement. */
			const struct gaz_word *w;
			const struct gaz_spelling *psp;
			int listed = 0;
			for (size_t q = i; q < j && !listed; q++)
				listed = gaz_at(L, q, &psp) == j;
			/* "Stanford University's Center on Poverty and
			 * Inequality": a body owns its own unit, too. */
			size_t of_head;
			if (!listed && org_head(L, i, j, &of_head) >= 0)
				listed = 1;
			/* "Pakistan's Government": the country's government
			 * described, the country named (rule A4). */
			if (e == j + 1 && word_is(L, j, "Government"))
				break;
			if (e > j && ((listed && unit_head(L, j, e)) || title_at(L, j, &w) > j))
				continue;
			/* "St Mary's Primary School", "St Peter's Basilica",
			 * "Saint Patrick's Cathedral": a saint's possessive
			 * names the school, church or day after it, never a
			 * person in the news. */
			if (e > j && (word_is(L, i, "St") || word_is(L, i, "Saint")))
				continue;
			break;
		}
		if (!adjacent(L, j - 1) && !(punct_is(L, j, "-") && glued(L, j - 1)))
			break;
	}
	return j;
}

/* Does the line start with w (ASCII, case-insensitive), after "(" or "["? */
static int starts_with(const uint8_t *t, size_t s, size_t e, const char *w)
{
	while (s < e && (t[s] == '(' || t[s] == '[' || t[s] == ' '))
		s++;
	size_t n = strlen(w);
	if (e - s < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((t[s + i] | 0x20) != (w[i] | 0x20))
			return 0;
	return 1;
}

static int has(const uint8_t *t, size_t s, size_t e, const char *w)
{
	size_t n = strlen(w);
	return e - s >= n && memmem(t + s, e - s, w, n) != NULL;
}

/* Whether the line starts with a phrase of chrome.tsv's class c (as
 * starts_with): the phrases by the line's first byte, a handful at most. */
static int starts_with_class(const struct gazetteer *g, enum gaz_chrome c, const uint8_t *t, size_t s,
			     size_t e)
{
	size_t o = s;
	while (o < e && (t[o] == '(' || t[o] == '[' || t[o] == ' '))
		o++;
	if (o == e)
		return 0;
	size_t n;
	const struct gaz_phrase *p = gaz_chrome_from(g, c, t[o], &n);
	for (size_t k = 0; k < n; k++)
		if (starts_with(t, s, e, p[k].s))
			return 1;
	return 0;
}

/* Whether the line holds a phrase of chrome.tsv's class c. */
static int has_class(const struct gazetteer *g, enum gaz_chrome c, const uint8_t *t, size_t s, size_t e)
{
	size_t n;
	const struct gaz_phrase *p = gaz_chrome(g, c, &n);
	for (size_t k = 0; k < n; k++)
		if (has(t, s, e, p[k].s))
			return 1;
	return 0;
}

/* Page furniture inside a pasted article: photo credits, links to other
 * stories, sign-up prompts, contributors' lines and bios.  Its names are
 * no actors of the article (a photographer, a section's title).  The
 * phrases are chrome.tsv's, open classes a maintainer extends; what stays
 * here is closed: punctuation, function words ("By", "here.", the
 * copulas of a bio) and the shapes of the lines. */
static const char *chrome_line(const struct gazetteer *g, const uint8_t *t, size_t s, size_t e)
{
	size_t words = 1;
	for (size_t i = s; i < e; i++)
		words += t[i] == ' ';
	if (starts_with_class(g, GAZ_CHROME_LEAD, t, s, e))
		return "chrome:lead-word";
	if (words <= 15 && has_class(g, GAZ_CHROME_CREDIT, t, s, e))
		return "chrome:credit";
	/* "CNNMoney (New York) First published February 1, 2016", "Updated
	 * 2:15 PM ET": a publication stamp. */
	/* "June 25, 2023. Special to Asia Policy Point.": whom a piece was
	 * written for, a byline's. */
	if (words <= 15 && has_class(g, GAZ_CHROME_WRITTEN_FOR, t, s, e))
		return "chrome:byline";
	if (words <= 15 && (has_class(g, GAZ_CHROME_STAMP, t, s, e)
			    || starts_with_class(g, GAZ_CHROME_STAMP_LEAD, t, s, e)))
		return "chrome:stamp";
	/* Wire bylines: "(Reporting by ...; Editing by ...)". */
	if (words <= 60 && (starts_with_class(g, GAZ_CHROME_BYLINE, t, s, e)
			    || (words <= 6 && starts_with(t, s, e, "By ") && e > s + 3 && t[s + 3] >= 'A'
				&& t[s + 3] <= 'Z')))
		return "chrome:byline";
	/* "Tech Enabled: CNET chronicles ... Check it out here.": a label,
	 * a line, a link to elsewhere. */
	if (words <= 30 && e > s + 6 && (memcmp(t + e - 5, "here.", 5) == 0 || memcmp(t + e - 5, "Here.", 5) == 0)) {
		const uint8_t *colon = memchr(t + s, ':', e - s);
		if (colon && colon - (t + s) < 40 && t[s] >= 'A' && t[s] <= 'Z')
			return "chrome:promo";
	}
	if (words <= 40) {
		if (has_class(g, GAZ_CHROME_CONTRIBUTORS, t, s, e))
			return "chrome:contributors";
		size_t n;
		const struct gaz_phrase *p = gaz_chrome(g, GAZ_CHROME_CONTRIBUTORS_END, &n);
		for (size_t k = 0; k < n; k++)
			if (e - s > p[k].len && memcmp(t + e - p[k].len, p[k].s, p[k].len) == 0)
				return "chrome:contributors";
	}
	/* A line of a few capitalised words and nothing else is a byline, a
	 * caption's credit or a section's name ("Stella Kim", "Breaking
	 * News", "Facebook"), never a sentence about them. */
	if (words <= 4) {
		int lower_word = 0, start = 1, term = 0;
		for (size_t i = s; i < e; i++) {
			if (t[i] == ' ') {
				start = 1;
				continue;
			}
			if (start && t[i] >= 'a' && t[i] <= 'z')
				lower_word = 1;
			if (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ',' || t[i] == ':')
				term = 1;
			start = 0;
		}
		if (!lower_word && !term)
			return "chrome:short-line";
	}
	/* "Steven Mufson covers the White House.", "Nelson D. Schwartz has
	 * covered economics since 2012.": a reporter's bio opens with the
	 * name and what the reporter covers.  The first verb of the list
	 * found is the one read. */
	if (words <= 80 && t[s] >= 'A' && t[s] <= 'Z') {
		size_t n;
		const struct gaz_phrase *p = gaz_chrome(g, GAZ_CHROME_COVERS, &n);
		const uint8_t *v = NULL;
		for (size_t k = 0; k < n && !v; k++)
			v = memmem(t + s, e - s, p[k].s, p[k].len);
		if (v && v - (t + s) < 32) {
			int lower = 0;
			for (const uint8_t *q = t + s; q < v; q++)
				if (q[0] == ' ' && q[1] >= 'a' && q[1] <= 'z')
					lower = 1;
			if (!lower)
				return "chrome:bio";
		}
	}
	/* "Corey Kilgannon is a Metro reporter ...": a bio, its job one of
	 * the list's.  The copulas (and "has covered", the perfect a bio
	 * uses for them) are a closed class, kept here. */
	if (words <= 40 && (has(t, s, e, " is a ") || has(t, s, e, " is an ") || has(t, s, e, " is the ")
			    || has(t, s, e, " has covered "))
	    && s < e && t[s] >= 'A' && t[s] <= 'Z' && has_class(g, GAZ_CHROME_JOB, t, s, e)) {
		const uint8_t *is = memmem(t + s, e - s, " is ", 4);
		const uint8_t *hc = memmem(t + s, e - s, " has covered ", 13);
		const uint8_t *v = is ? is : hc;
		/* the subject is a short name: the line starts with it */
		if (v && v - (t + s) < 40)
			return "chrome:bio";
	}
	return NULL;
}

/* A wire dateline opening a paragraph: "SEOUL, South Korea —", "CAIRO —",
 * "LONDON (Reuters) -".  Its tokens end before the index returned. */
static size_t dateline_end(const struct line *L)
{
	size_t i = 0;
	if (punct_is(L, 0, "(") && is_capword(tok(L, 1)) && punct_is(L, 2, ")")
	    && (punct_is(L, 3, "\xE2\x80\x94") || punct_is(L, 3, "-") || punct_is(L, 3, "\xE2\x80\x93")))
		return 4;
	while (i < L->t->n && tok(L, i)->shape == TOK_UPPER)
		i++;
	if (i == 0)
		return 0;
	/* ", South Korea" or "(Reuters)" */
	if (punct_is(L, i, ",")) {
		size_t j = i + 1;
		while (j < L->t->n && is_capword(tok(L, j)) && j < i + 5)
			j++;
		i = j;
	}
	if (punct_is(L, i, "(") && is_capword(tok(L, i + 1)) && punct_is(L, i + 2, ")"))
		i += 3;
	/* "(Reuters) —" alone, the dateline's place elsewhere. */
	if (i == 0)
		return 0;
	/* A spaced dash: "US-South Korea" is no dateline. */
	if ((punct_is(L, i, "\xE2\x80\x94") || punct_is(L, i, "\xE2\x80\x93") || punct_is(L, i, "-"))
	    && !glued(L, i - 1))
		return i + 1;
	return 0;
}

/* A caption's credit closing its line: "... foreign tourists. (Reuters)",
 * "(Thomas Coex/AFP/Getty Images)".  Returns where the line's text ends
 * before it (end when there is none). */
static size_t credit_tail(const struct gazetteer *g, const uint8_t *t, size_t s, size_t e)
{
	/* "... governmentImage: Abdulhamid Hosbas/AA/picture alliance": a
	 * caption's credit after its label, glued on as pages lose the
	 * break, the photographer and agency parted by a slash. */
	static const char *const label[] = { "Image: ", "Photo: ", "Picture: ", "Photograph: " };
	size_t from = e - s > 100 ? e - 100 : s;
	/* Most lines hold no colon near their end: one memchr, not four memmems. */
	int colon = e > from && memchr(t + from, ':', e - from) != NULL;
	for (size_t k = 0; colon && k < sizeof label / sizeof label[0]; k++) {
		size_t n = strlen(label[k]);
		const uint8_t *l = e - from > n ? memmem(t + from, e - from, label[k], n) : NULL;
		if (l && l > t + s && memchr(l + n, '/', (size_t)(t + e - l - n))
		    && !memchr(l + n, '.', (size_t)(t + e - l - n)))
			return (size_t)(l - t);
	}
	if (e - s < 4 || t[e - 1] != ')')
		return e;
	size_t o = e - 1;
	while (o > s && t[o - 1] != '(' && t[o - 1] != ')' && e - o < 80)
		o--;
	if (o <= s || t[o - 1] != '(')
		return e;
	size_t in = o, out = e - 1;
	/* "(File | PTI)": a file photo's agency after a bar. */
	int credit = has(t, in, out, "/") || has(t, in, out, "Getty") || has(t, in, out, "Photo")
		     || has(t, in, out, "Images") || has(t, in, out, "via AP") || has(t, in, out, " | ");
	size_t len;
	const struct gaz_spelling *sp = out > in ? gaz_match(g, t + in, out - in, &len) : NULL;
	if (sp && len == out - in && g->entries[sp->entry].kind == KIND_MEDIA)
		credit = 1;
	/* Only after a sentence's end: "(Reuters)" inside a sentence cites. */
	size_t b = o - 1;
	while (b > s && t[b - 1] == ' ')
		b--;
	if (!credit || b <= s || !(t[b - 1] == '.' || t[b - 1] == '!' || t[b - 1] == '?'
				   || t[b - 1] == '"' || (b >= s + 3 && t[b - 1] == 0x9D)))
		return e;
	return b;
}

/* Whether s (n bytes, lower case) is a word of a football report: 2 for
 * one only football uses (the game's own name, its positions, officials
 * and the table's drop), 1 for one it shares with other prose ("the goals
 * of the policy", "a fund manager", "the death penalty", "a league table
 * of schools", "promoted to minister"), 0 for any other.  A closed set; the length test first
 * keeps the check cheap on every word of a file. */
static int sport_word(const uint8_t *s, size_t n)
{
	static const char *const only[] = { "football", "footballer", "footballers", "striker",
					    "strikers", "midfielder", "midfielders", "midfield",
					    "goalkeeper", "goalkeepers", "winger", "wingers",
					    "fullback", "relegation", "relegated", "equaliser",
					    "equalizer", "stoppage", "matchday", "offside", "goalless",
					    "touchline", "dugout", "referee" };
	static const char *const shared[] = { "defender", "penalty", "goals", "scored", "scorer",
					      "fixtures", "league", "manager", "managers",
					      "promoted", "squad", "season", "stadium", "supporters",
					      "clubs" };
	if (n < 5 || n > 11)
		return 0;
	for (size_t k = 0; k < sizeof only / sizeof only[0]; k++)
		if (only[k][0] == s[0] && strlen(only[k]) == n && memcmp(only[k], s, n) == 0)
			return 2;
	for (size_t k = 0; k < sizeof shared / sizeof shared[0]; k++)
		if (shared[k][0] == s[0] && strlen(shared[k]) == n && memcmp(shared[k], s, n) == 0)
			return 1;
	return 0;
}

static void scan_line(struct actors *a, const uint8_t *text, size_t start, size_t end)
{
	if (chrome_line(a->g, text, start, end))
		return;
	end = credit_tail(a->g, text, start, end);
	a->line_start = start;
	tokens_line(&a->tk, text, start, end);
	a->cue = xgrowarray(a->cue, &a->cue_cap, a->tk.n + 1, 1);
	memset(a->cue, 0xFF, a->tk.n + 1);
	struct line L = { a, a->g, text, end, &a->tk, { end, end, TOK_PUNCT, 0, 0 }, a->cue };
	size_t i = dateline_end(&L);
	/* "CAIRO — Gunmen opened fire": the word after a dateline starts
	 * the sentence, its capital expected. */
	if (i > 0 && i < a->tk.n)
		a->tk.v[i].flags |= TOKF_CAPEXP;
	while (i < a->tk.n) {
		const struct token *t = tok(&L, i);
		/* "al-Qaeda", "al-Shabab": a name may open with a particle. */
		if (t->shape == TOK_LOWER && t->end - t->start <= 3 && glued(&L, i) && punct_is(&L, i + 1, "-")
		    && glued(&L, i + 1) && is_capword(tok(&L, i + 2)) && L.t->cls == LINE_TEXT
		    && (i == 0 || !glued(&L, i - 1)) && is_particle(&L, i)) {
			size_t j = run_end(&L, i + 2);
			if (j <= i + 2)
				j = i + 3;
			analyse_run(&L, i, j);
			i = j;
			continue;
		}
		if (!is_capword(t)) {
			int sw = t->shape == TOK_LOWER ? sport_word(text + t->start, t->end - t->start) : 0;
			a->sport += sw != 0;
			a->sport_only += sw == 2;
			i++;
			continue;
		}
		if (L.t->cls != LINE_TEXT) {
			/* Headlines and all capitals: only names known already. */
			const struct gaz_spelling *sp;
			size_t e = gaz_at(&L, i, &sp);
			if (e > i) {
				note_gaz(&L, i, e, sp);
				i = e;
			} else {
				i++;
			}
			continue;
		}
		/* "de-Americanization": a capital after a glued prefix.  A
		 * listed name there is still named: "a major non-NATO ally",
		 * "pro-Russia forces". */
		if (i >= 2 && punct_is(&L, i - 1, "-") && glued(&L, i - 2) && glued(&L, i - 1)
		    && tok(&L, i - 2)->shape == TOK_LOWER) {
			const struct gaz_spelling *sp;
			size_t e = gaz_at(&L, i, &sp);
			if (e > i && sp->role != GAZ_DEMONYM && !(e < L.t->n && glued(&L, e - 1)
								  && is_word(tok(&L, e)))) {
				note_gaz(&L, i, e, sp);
				i = e;
				continue;
			}
			i++;
			continue;
		}
		size_t j = run_end(&L, i);
		if (j <= i)
			j = i + 1;
		i = analyse_run(&L, i, j);
	}
}

void actors_scan(struct actors *a, const uint8_t *text, size_t len, size_t from, size_t to)
{
	if (to > len)
		to = len;
	while (from < to && !a->truncated) {
		const uint8_t *nl = memchr(text + from, '\n', to - from);
		size_t end = nl ? (size_t)(nl - text) : to;
		if (a->read + (end - from) > ACTORS_MAX_BYTES) {
			a->truncated = 1;
			break;
		}
		a->read += end - from + 1;
		/* A line without a capital letter holds no name to find. */
		int caps = 0;
		for (size_t k = from; k < end && !caps; k++)
			caps = (text[k] >= 'A' && text[k] <= 'Z') || text[k] >= 0x80;
		if (caps)
			scan_line(a, text, from, end);
		from = end + 1;
	}
}

/* ---- the whole-document pass ---- */

struct balias {
	long cand;
	const char *rule;
	enum entity_conf conf;
	size_t ev_start, ev_end;
};

struct bent {
	enum entity_kind kind;
	enum entity_conf conf;
	const char *rule;
	size_t ev_start, ev_end;
	long gaz;                   /* gazetteer entry, or -1 */
	long name_cand;             /* the candidate whose surface names it, or -1 */
	const char *name;           /* borrowed: a candidate's surface or a list name */
	const char *desc;           /* borrowed, or NULL */
	const char *aff;            /* a gazetteer country id, or NULL */
	long into;                  /* folded as a second spelling into this entity, or -1 */
	struct balias *al;
	size_t nal, capal;
};

struct builder {
	struct actors *a;
	struct bent *e;
	size_t n, cap;
};

static long new_bent(struct builder *b, enum entity_kind kind)
{
	b->e = xgrowarray(b->e, &b->cap, b->n + 1, sizeof *b->e);
	struct bent *e = &b->e[b->n];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->gaz = -1;
	e->name_cand = -1;
	e->into = -1;
	e->conf = CONF_UNSURE;
	return (long)b->n++;
}

static long bent_for_gaz(struct builder *b, long gaz)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->e[i].gaz == gaz)
			return (long)i;
	const struct gaz_entry *ge = &b->a->g->entries[gaz];
	long i = new_bent(b, ge->kind);
	b->e[i].gaz = gaz;
	b->e[i].name = ge->name;
	b->e[i].aff = ge->affiliation[0] ? ge->affiliation : NULL;
	b->e[i].rule = R_GAZ;
	return i;
}

static void add_alias(struct builder *b, long ei, long ci, const char *rule, enum entity_conf conf)
{
	struct bent *e = &b->e[ei];
	struct acand *c = &b->a->c[ci];
	c->entity = ei;
	e->al = xgrowarray(e->al, &e->capal, e->nal + 1, sizeof *e->al);
	e->al[e->nal++] = (struct balias){ ci, rule, conf, c->ev_start, c->ev_end };
	/* The entity is as sure as its surest spelling. */
	if (conf < e->conf) {
		e->conf = conf;
		e->rule = rule;
		e->ev_start = c->ev_start;
		e->ev_end = c->ev_end;
	}
}

/* Whether w[0, n) is a generation or a regnal number written after a
 * name ("Jr.", "III").  A closed set, so code, and one list: the surname
 * key and the alias test read it alike. */
static int gen_suffix(const char *w, size_t n)
{
	static const char *const gen[] = { "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "V", "VI" };
	for (size_t i = 0; i < sizeof gen / sizeof gen[0]; i++)
		if (strlen(gen[i]) == n && memcmp(gen[i], w, n) == 0)
			return 1;
	return 0;
}

/* The last word of a name that is not a regnal number: its surname. */
static int name_key(const char *name, int family_first, const char **k, size_t *kn)
{
	const char *sp = strchr(name, ' ');
	if (!sp)
		return 0;
	if (family_first) {
		*k = name;
		*kn = (size_t)(sp - name);
		return 1;
	}
	const char *end = name + strlen(name);
	for (;;) {
		const char *w = end;
		while (w > name && w[-1] != ' ')
			w--;
		size_t n = (size_t)(end - w);
		int skip = gen_suffix(w, n);
		if (!skip || w == name) {
			*k = w;
			*kn = n;
			return !skip;
		}
		end = w - 1;
		if (end <= name)
			return 0;
	}
}

/* The next word of the NUL-terminated, space-separated s at *p: its
 * start, *n its bytes, *p moved past it; NULL after the last. */
static const char *next_word(const char **p, size_t *n)
{
	const char *s = *p;
	while (*s == ' ')
		s++;
	if (!*s)
		return NULL;
	const char *w = s;
	while (*s && *s != ' ')
		s++;
	*n = (size_t)(s - w);
	*p = s;
	return w;
}

/* Whether short names the person long names: two words or more, each a
 * word of long in order, the first word the same, and either all of the
 * first words or the same last word ("Te Kaurinui Parata" of "Te Kaurinui
 * Robert Parata"; not "Kim Jong Il" of "Kim Jong Un"). */
static int shorter_name_of(const char *shortn, const char *longn)
{
	const char *sw[8], *lw[8];
	size_t sl[8], ll[8], ns = 0, nl = 0;
	for (const char *p = shortn; ns < 8 && (sw[ns] = next_word(&p, &sl[ns])); )
		ns++;
	for (const char *p = longn; nl < 8 && (lw[nl] = next_word(&p, &ll[nl])); )
		nl++;
	if (ns < 2 || ns >= nl)
		return 0;
	/* "López Obrador" of "Andrés Manuel López Obrador": the last two
	 * words or more, a compound surname written alone. */
	int suffix = 1;
	for (size_t k = 0; k < ns; k++)
		if (sl[k] != ll[nl - ns + k] || memcmp(sw[k], lw[nl - ns + k], sl[k]) != 0)
			suffix = 0;
	if (suffix)
		return 1;
	if (sl[0] != ll[0] || memcmp(sw[0], lw[0], sl[0]) != 0)
		return 0;
	size_t q = 0;
	for (size_t k = 0; k < nl && q < ns; k++)
		if (sl[q] == ll[k] && memcmp(sw[q], lw[k], sl[q]) == 0)
			q++;
	if (q < ns)
		return 0;
	int prefix = 1;
	for (size_t k = 0; k < ns; k++)
		if (sl[k] != ll[k] || memcmp(sw[k], lw[k], sl[k]) != 0)
			prefix = 0;
	int same_last = sl[ns - 1] == ll[nl - 1] && memcmp(sw[ns - 1], lw[nl - 1], sl[ns - 1]) == 0;
	/* "Donald Trump" is not "Donald Trump Jr.": a father and a son. */
	if (prefix && gen_suffix(lw[nl - 1], ll[nl - 1]))
		return 0;
	return prefix || same_last;
}

static int upper_initials_match(const char *acr, size_t n, const char *name);

/* "Andrés Manuel López Obrador, or AMLO", "John F. Kennedy" and "JFK":
 * a person's initials written as one word, when the name has three words
 * or more (two initials are too often another body's acronym). */
static int person_initials_match(const char *acr, size_t n, const char *name)
{
	/* The initials first: they fail at the first letter for nearly
	 * every pair this is asked of (each candidate against each person). */
	if (n < 3 || !upper_initials_match(acr, n, name))
		return 0;
	size_t words = 1;
	for (const char *p = name; *p; p++)
		words += *p == ' ';
	return words == n;
}

static int upper_initials_match(const char *acr, size_t n, const char *name)
{
	size_t k = 0, wn;
	const char *w;
	for (const char *p = name; (w = next_word(&p, &wn)); ) {
		if ((wn == 2 && memcmp(w, "of", 2) == 0) || (wn == 3 && memcmp(w, "the", 3) == 0)
		    || (wn == 3 && memcmp(w, "and", 3) == 0) || (wn == 3 && memcmp(w, "for", 3) == 0))
			continue;
		if (k >= n || *w != acr[k])
			return 0;
		k++;
	}
	return k == n && n >= 2;
}

static char *slug(const char *s)
{
	struct buf b = { 0 };
	int dash = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			if (dash && b.len)
				buf_addc(&b, '-');
			buf_addc(&b, (char)*p);
			dash = 0;
		} else if (*p >= 'A' && *p <= 'Z') {
			if (dash && b.len)
				buf_addc(&b, '-');
			buf_addc(&b, (char)(*p | 0x20));
			dash = 0;
		} else if (*p == '\'' || (*p >= 0x80 && (*p & 0xC0) == 0x80)) {
			continue;
		} else {
			dash = 1;
		}
	}
	if (!b.len)
		buf_adds(&b, "actor");
	return b.data;
}

static int id_taken(const struct entity *v, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return 1;
	return 0;
}

static void set_why(struct entity_why *w, const char *rule, enum entity_conf conf, size_t s, size_t e,
		    char *source)
{
	w->rule = rule;
	w->conf = conf;
	w->ev_start = s;
	w->ev_end = e;
	w->source = source;
}

/* "Americans", "Europeans", "Chinese": people of a place, no actor. */
static int plural_demonym(const char *s, size_t n)
{
	static const char *const ends[] = { "ans", "ese", "ians", "ites", "ers", "ish", "ists", "ims",
					    "Os", "Ps" };
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t k = strlen(ends[i]);
		if (n > k && memcmp(s + n - k, ends[i], k) == 0)
			return 1;
	}
	return 0;
}

/* Whether a surface starts with an upper-case letter: a script without
 * case ("漢字") gives no capital for Mikheev's rule to read. */
static int starts_upper(const char *s, size_t n)
{
	ucs4_t c = 0;
	if (!n || u8_mbtouc(&c, (const uint8_t *)s, n) <= 0)
		return 0;
	return uc_is_upper(c);
}

/* "Keynesian", "Roman", "Israeli": the endings of proper adjectives; such a
 * word seen only before a lower-case noun names no one. */
static int adjective_ending(const char *s, size_t n)
{
	static const char *const ends[] = { "an", "ese", "ish", "ic", "ist", "ite", "i" };
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t k = strlen(ends[i]);
		if (n > k + 2 && memcmp(s + n - k, ends[i], k) == 0)
			return 1;
	}
	return 0;
}

/* Whether every word of a surface, and every part of a hyphenated one, is
 * no common English word: Mikheev's test that a capital mid-sentence marks
 * a name, not a word (SCOWL's levels 10 and 20 stand for "common"). */
static int no_common_word(const struct gazetteer *g, const char *s, size_t n)
{
	size_t w = 0;
	for (size_t k = 0; k <= n; k++) {
		if (k < n && s[k] != ' ' && s[k] != '-')
			continue;
		if (k > w && gaz_is_common(g, (const uint8_t *)s + w, k - w))
			return 0;
		w = k + 1;
	}
	return 1;
}

/* A group named by its members ("Tunisians", "Americans", "Copts"). */
static int member_plural(const struct gazetteer *g, const char *s, size_t n)
{
	if (plural_demonym(s, n))
		return 1;
	if (n < 4 || s[n - 1] != 's')
		return 0;
	size_t len;
	const struct gaz_spelling *sp = gaz_match(g, (const uint8_t *)s, n - 1, &len);
	return sp && len == n - 1 && sp->role == GAZ_DEMONYM;
}

/* A product, a work, a law or an event rather than an actor: seen beside
 * such a noun half the time or more, or ending in such a head word ("Arab
 * Spring", "Data Retention Bill"). */
static int thing_like(const struct gazetteer *g, const struct acand *c)
{
	if ((c->n_thing * 2 >= c->n && c->n_thing) || taxon(c->s, c->len, NULL, 0))
		return 1;
	/* "Hinduism", "Marxism", "Thatcherism": one word naming a doctrine. */
	if (c->len > 5 && !memchr(c->s, ' ', c->len) && memcmp(c->s + c->len - 3, "ism", 3) == 0)
		return 1;
	const char *w = c->s + c->len, *e = w;
	while (w > c->s && w[-1] != ' ')
		w--;
	/* "Plan C", "Phase 2": a letter or a number after the head word
	 * labels one of a series. */
	int label = e - w == 1 || strspn(w, "0123456789") == (size_t)(e - w);
	label = label && w > c->s + 1;
	if (label) {
		e = w - 1;
		w = e;
		while (w > c->s && w[-1] != ' ')
			w--;
	}
	return (w > c->s || label) && gaz_cue(g, (const uint8_t *)w, (size_t)(e - w)) == CUE_THING;
}

/* Whether a description names an office a leader holds: a word of it,
 * capitalised, is a title of a head of state, a government or a royal
 * (titles.tsv: "former prime minister" has Minister), or "leader". */
static int desc_office(const struct gazetteer *g, const char *d)
{
	size_t n;
	const char *w;
	for (const char *p = d; (w = next_word(&p, &n)); ) {
		char word[32];
		if (n >= sizeof word)
			continue;
		memcpy(word, w, n);
		word[0] = (char)(word[0] >= 'a' && word[0] <= 'z' ? word[0] - 0x20 : word[0]);
		if (n == 6 && memcmp(word, "Leader", 6) == 0)
			return 1;
		size_t len;
		const struct gaz_word *t = gaz_title(g, (const uint8_t *)word, n, &len);
		if (!t || len != n)
			continue;
		const char *cls = gaz_title_class(t->cls);
		if (strcmp(cls, "head-of-state") == 0 || strcmp(cls, "government") == 0
		    || strcmp(cls, "royal") == 0)
			return 1;
	}
	return 0;
}

/* Whether a name of two words or more ends in a place's head word that
 * a club's name takes after its town ("Leicester City", "Derby County",
 * "Nottingham Forest", "Cheltenham Town"). */
static int club_head(const char *s, size_t n)
{
	static const char *const head[] = { " City", " County", " Forest", " Town" };
	for (size_t k = 0; k < sizeof head / sizeof head[0]; k++) {
		size_t hn = strlen(head[k]);
		if (n > hn && memcmp(s + n - hn, head[k], hn) == 0)
			return 1;
	}
	return 0;
}

static int cand_cmp_count(const struct acand *x, const struct acand *y)
{
	return x->n > y->n ? -1 : x->n < y->n;
}

/* The rule an alias found by explicit_alias() keeps: its own script, or
 * an acronym (explicit or by initials). */
static const char *explicit_rule(const struct acand *c)
{
	if (c->or_name)
		return R_OR_NAME;
	return c->rule && strcmp(c->rule, R_SCRIPT) == 0 ? R_SCRIPT : R_ACRONYM;
}

/* Whether one word (n bytes) is the surname of a leader leaders.tsv
 * lists ("Attlee" of "Clement Attlee"): a person's, whom a reader knows
 * by it.  The list is some 150 names, read for lone words only. */
static int leader_surname(const struct gazetteer *g, const char *s, size_t n)
{
	for (size_t k = 0; k < g->nleaders; k++) {
		const char *nm = g->leaders[k].name;
		size_t nl = strlen(nm);
		if (nl > n && nm[nl - n - 1] == ' ' && memcmp(nm + nl - n, s, n) == 0)
			return 1;
	}
	return 0;
}

/* How often an entity's spellings occur. */
static uint32_t bent_count(const struct builder *b, const struct bent *e)
{
	uint32_t n = 0;
	for (size_t k = 0; k < e->nal; k++)
		n += b->a->c[e->al[k].cand].n;
	return n;
}

/* Fold entity from into entity into, each spelling under rule. */
static void fold_into(struct builder *b, long into, long from, const char *rule)
{
	struct bent *y = &b->e[from];
	for (size_t q = 0; q < y->nal; q++)
		add_alias(b, into, y->al[q].cand, rule, y->al[q].conf);
	if (!b->e[into].desc)
		b->e[into].desc = y->desc;
	if (!b->e[into].aff)
		b->e[into].aff = y->aff;
	y->nal = 0;
	y->into = into;
}

/* The entity the spelling s (n bytes) names, when another than ei of the
 * same kind, or -1. */
static long spelled_entity(const struct builder *b, long ei, const char *s, size_t n)
{
	long ci = find_cand(b->a, (const uint8_t *)s, n);
	if (ci < 0)
		return -1;
	long x = b->a->c[ci].entity;
	return x >= 0 && x != ei && b->e[x].nal && b->e[x].kind == b->e[ei].kind && b->e[x].gaz < 0 ? x : -1;
}

/* Step 3d of actors_finish for entity ei: see there. */
static void second_spelling(struct builder *b, long ei)
{
	struct bent *e = &b->e[ei];
	if (!e->nal || e->gaz >= 0 || e->name_cand < 0)
		return;
	const struct acand *nc = &b->a->c[e->name_cand];
	char v[SURFACE_MAX + 1];
	if (nc->len > SURFACE_MAX)
		return;
	if (e->kind == KIND_ORGANIZATION || e->kind == KIND_MEDIA) {
		for (size_t k = 0; k < nc->len; k++) {
			int word_end = k + 1 == nc->len || nc->s[k + 1] == ' ';
			size_t ws = k;
			while (ws > 0 && nc->s[ws - 1] != ' ')
				ws--;
			if (!word_end || nc->s[k] != 's' || k - ws < 3 || !memchr(nc->s, ' ', nc->len))
				continue;
			memcpy(v, nc->s, k);
			memcpy(v + k, nc->s + k + 1, nc->len - k - 1);
			long x = spelled_entity(b, ei, v, nc->len - 1);
			if (x >= 0) {
				/* The commoner spelling names it. */
				if (bent_count(b, &b->e[x]) >= bent_count(b, e))
					fold_into(b, x, ei, R_PLURAL);
				else
					fold_into(b, ei, x, R_PLURAL);
				return;
			}
		}
		return;
	}
	if (e->kind != KIND_PERSON || nc->family_first || bent_count(b, e) != 1)
		return;
	/* "his sister, Antonia Ruiz" beside "Antonio Ruiz": a name the text
	 * introduces with a noun of who it is (a relative, a role) is a
	 * person of its own; a slip is written with no such noun. */
	if (nc->rule && (strcmp(nc->rule, R_KIN) == 0 || strcmp(nc->rule, R_ROLE) == 0))
		return;
	const char *sp = memchr(nc->s, ' ', nc->len);
	size_t fl = sp ? (size_t)(sp - nc->s) : 0;
	if (fl < 6)
		return;
	static const char vowels[] = "aeiou";
	memcpy(v, nc->s, nc->len);
	for (size_t k = 1; k < fl; k++) {
		if (!strchr(vowels, nc->s[k]))
			continue;
		for (const char *o = vowels; *o; o++) {
			if (*o == nc->s[k])
				continue;
			v[k] = *o;
			long x = spelled_entity(b, ei, v, nc->len);
			if (x >= 0 && bent_count(b, &b->e[x]) >= 2) {
				fold_into(b, x, ei, R_VOWEL);
				return;
			}
		}
		v[k] = nc->s[k];
	}
}

/* How sure an explicit alias makes its name: "the Minimum Support Price
 * (MSP)" is a measure with its acronym, as sure of being an actor as its
 * name is (a thing's, no cue: unsure); any other name, likely. */
static enum entity_conf acronym_conf(const struct actors *a, const struct acand *c)
{
	const struct acand *of = c->acronym_of >= 0 ? &a->c[c->acronym_of] : NULL;
	return of && !of->has_kind && thing_like(a->g, of) ? CONF_UNSURE : CONF_LIKELY;
}

void actors_finish(struct actors *a)
{
	struct builder b = { a, NULL, 0, 0 };
	const struct gazetteer *g = a->g;
	/* A football report: three of its words or more, one of them a word
	 * only football uses (sport_word): a council's "league table", its
	 * "goals" and a "manager" who "scored" funding make none. */
	int sport = a->sport >= 3 && a->sport_only >= 1;

	/* 1. Names and aliases from the lists. */
	for (size_t i = 0; i < a->nc; i++) {
		struct acand *c = &a->c[i];
		if (c->gaz < 0 || c->role == GAZ_SEAT || c->role == GAZ_DEMONYM)
			continue;
		/* An ambiguous spelling seen only where a capital is expected
		 * anyway ("Apple", "Amazon" starting a sentence) stays out. */
		if (c->gaz_amb && !c->n_free)
			continue;
		/* "losing to Manchester City, Liverpool and Arsenal": in a
		 * football report a listed city named where no preposition
		 * of place stands before it is its club. */
		if (sport && strcmp(g->entries[c->gaz].subkind, "city") == 0 && !c->n_where && c->n_free) {
			long e = new_bent(&b, KIND_ORGANIZATION);
			b.e[e].name = c->s;
			b.e[e].name_cand = (long)i;
			add_alias(&b, e, (long)i, R_CLUB_TEXT, CONF_LIKELY);
			continue;
		}
		long e = bent_for_gaz(&b, c->gaz);
		add_alias(&b, e, (long)i, R_GAZ, c->gaz_amb ? CONF_LIKELY : CONF_SURE);
	}
	/* 2. Seats: the country when they act, a place when they are where;
	 * a building (listed also with "the": the White House, the Kremlin)
	 * always stands for its government (devset rule A3). */
	for (size_t i = 0; i < a->nc; i++) {
		struct acand *c = &a->c[i];
		if (c->gaz < 0 || c->role != GAZ_SEAT)
			continue;
		long have = -1;
		for (size_t k = 0; k < b.n; k++)
			if (b.e[k].gaz == c->gaz)
				have = (long)k;
		int building = 0;
		if (c->len + 4 < 64 && strncmp(c->s, "the ", 4) != 0) {
			char the[64];
			size_t tl;
			memcpy(the, "the ", 4);
			memcpy(the + 4, c->s, c->len);
			const struct gaz_spelling *ts = gaz_match(g, (const uint8_t *)the, c->len + 4, &tl);
			building = ts && tl == c->len + 4 && ts->entry == (uint32_t)c->gaz && ts->role == GAZ_SEAT;
		}
		if (c->n_act || building) {
			long e = bent_for_gaz(&b, c->gaz);
			add_alias(&b, e, (long)i, R_SEAT_ALIAS, CONF_LIKELY);
		} else if (c->gaz_amb && !c->n_place) {
			continue;       /* "Washington" never acting: the state, a person */
		} else if (c->n_place || have < 0) {
			/* "In Washington, the press secretary said": a place,
			 * whichever Washington it is. */
			long e = new_bent(&b, KIND_PLACE);
			b.e[e].aff = g->entries[c->gaz].id;
			b.e[e].name = c->s;
			b.e[e].name_cand = (long)i;
			add_alias(&b, e, (long)i, R_SEAT_PLACE, c->n_place ? CONF_LIKELY : CONF_UNSURE);
		} else {
			add_alias(&b, have, (long)i, R_SEAT_ALIAS, CONF_LIKELY);
		}
	}
	/* 3. Names found by a cue: people, organisations, media. */
	for (size_t i = 0; i < a->nc; i++) {
		struct acand *c = &a->c[i];
		if (c->gaz >= 0 || c->entity >= 0 || !c->has_kind || c->conf == CONF_UNSURE)
			continue;
		if (c->acronym_of >= 0)
			continue;
		/* "won the Champions League": a body's head word names a
		 * competition or a treaty where it is mostly a thing's object. */
		if ((c->kind == KIND_ORGANIZATION || c->kind == KIND_MEDIA) && c->n_thing
		    && c->n_thing * 2 >= c->n)
			continue;
		/* One word found only by a speech verb or an administration
		 * waits: it may be a known person's surname.  So does one a
		 * company's shares found: it may be a found body's first word
		 * ("Acacia shares" after "Acacia Communications"). */
		if ((c->kind == KIND_PERSON || (c->rule && strcmp(c->rule, R_SECURITIES) == 0)) && !memchr(c->s, ' ', c->len))
			continue;
		/* "Brendan Rodgers at Leicester City", "Nottingham Forest":
		 * in a football report a town's name with a place's head
		 * word, where no preposition of place stands before it, is
		 * its club. */
		if (sport && c->kind == KIND_PLACE && c->rule && strcmp(c->rule, R_PLACE_HEAD) == 0 && !c->n_where
		    && club_head(c->s, c->len)) {
			long e = new_bent(&b, KIND_ORGANIZATION);
			b.e[e].name = c->s;
			b.e[e].name_cand = (long)i;
			add_alias(&b, e, (long)i, R_CLUB_TEXT, CONF_LIKELY);
			continue;
		}
		long e = new_bent(&b, (enum entity_kind)c->kind);
		b.e[e].name = c->s;
		b.e[e].name_cand = (long)i;
		b.e[e].desc = c->desc;
		b.e[e].aff = c->aff;
		add_alias(&b, e, (long)i, c->rule, (enum entity_conf)c->conf);
	}
	/* 3b. "Department of Conservation" after "New Zealand Department of
	 * Conservation": the shorter organisation name is an alias. */
	for (size_t i = 0; i < b.n; i++)
		for (size_t k = 0; k < b.n; k++) {
			struct bent *x = &b.e[i], *y = &b.e[k];
			if (i == k || x->gaz >= 0 || y->gaz >= 0 || !x->nal || !y->nal
			    || x->kind != y->kind || (x->kind != KIND_ORGANIZATION && x->kind != KIND_MEDIA))
				continue;
			size_t xn = strlen(x->name), yn = strlen(y->name);
			if (xn <= yn + 1 || strcmp(x->name + xn - yn, y->name) != 0 || x->name[xn - yn - 1] != ' ')
				continue;
			for (size_t q = 0; q < y->nal; q++)
				add_alias(&b, (long)i, y->al[q].cand, R_ORG_SUFFIX, y->al[q].conf);
			y->nal = 0;
		}
	/* 3c. "Te Kaurinui Robert" and "Te Kaurinui Parata" after "Te
	 * Kaurinui Robert Parata", "George Bush" after "George W. Bush": a
	 * person's shorter name, the same first word and either the first
	 * words or the last, is an alias of the fuller one. */
	for (size_t i = 0; i < b.n; i++)
		for (size_t k = 0; k < b.n; k++) {
			struct bent *x = &b.e[i], *y = &b.e[k];
			if (i == k || x->kind != KIND_PERSON || y->kind != KIND_PERSON || x->gaz >= 0
			    || y->gaz >= 0 || !x->nal || !y->nal || !shorter_name_of(y->name, x->name))
				continue;
			for (size_t q = 0; q < y->nal; q++)
				add_alias(&b, (long)i, y->al[q].cand, R_NAME_PART, y->al[q].conf);
			y->nal = 0;
		}
	/* 3d. Second spellings of one actor, each looked up by its surface
	 * (no pair of names compared): a body's name with one word in the
	 * plural ("Greens Party" beside "Green Party"), and a person's given
	 * name written once with one vowel changed where the same full name
	 * is written twice or more with the other ("Annalene Baerbock",
	 * "Annalena Baerbock": a slip, not a sister). */
	for (size_t i = 0; i < b.n; i++)
		second_spelling(&b, (long)i);
	/* 4. Surnames: "Rubio" for "Marco Rubio" when no other person shares it. */
	for (size_t i = 0; i < b.n; i++) {
		struct bent *e = &b.e[i];
		/* Not one folded into a longer name above (3c): its surname
		 * would stand alone as an actor. */
		if (e->kind != KIND_PERSON || e->name_cand < 0 || !e->nal)
			continue;
		const char *k;
		size_t kn;
		if (!name_key(e->name, a->c[e->name_cand].family_first, &k, &kn))
			continue;
		long ci = find_cand(a, (const uint8_t *)k, kn);
		/* "al-Bashir" is written "Bashir" alone ("Mr. Bashir"). */
		const char *dash = memchr(k, '-', kn);
		if (ci < 0 && dash && dash > k && k[0] >= 'a' && k[0] <= 'z') {
			kn -= (size_t)(dash + 1 - k);
			k = dash + 1;
			ci = find_cand(a, (const uint8_t *)k, kn);
		}
		/* "López" for "Adán Augusto López Hernández": a Spanish name's
		 * first surname, the word before the last, when the last is
		 * not written alone and the word is no first name. */
		if ((ci < 0 || a->c[ci].entity >= 0 || a->c[ci].gaz >= 0) && !a->c[e->name_cand].family_first
		    && k > e->name + 1 && k[-1] == ' ') {
			const char *end = k - 1, *w = end;
			while (w > e->name && w[-1] != ' ')
				w--;
			size_t wn = (size_t)(end - w);
			long pc = w > e->name && wn >= 2 && w[0] >= 'A' && w[0] <= 'Z'
				  && !gaz_is_firstname(g, (const uint8_t *)w, wn)
				  ? find_cand(a, (const uint8_t *)w, wn) : -1;
			if (pc >= 0) {
				ci = pc;
				k = w;
				kn = wn;
			}
		}
		/* "Prabowo" for "Prabowo Subianto", "Jokowi" written alone:
		 * where the last word is never written alone, the first is
		 * the name a text uses (Indonesian and Burmese names, a
		 * footballer's), when no list holds it as a given name (those
		 * are no one's short form: "Kamala" is Kamala Harris's only
		 * with a cue). */
		const char *rule4 = R_SURNAME;
		if ((ci < 0 || a->c[ci].entity >= 0 || a->c[ci].gaz >= 0) && !a->c[e->name_cand].family_first) {
			const char *sp1 = strchr(e->name, ' ');
			size_t fn = sp1 ? (size_t)(sp1 - e->name) : 0;
			long fc = fn >= 3 && e->name[0] >= 'A' && e->name[0] <= 'Z'
				  && !gaz_is_firstname(g, (const uint8_t *)e->name, fn)
				  && !gaz_is_proper(g, (const uint8_t *)e->name, fn)
				  ? find_cand(a, (const uint8_t *)e->name, fn) : -1;
			if (fc >= 0 && a->c[fc].n_free && !a->c[fc].stop_word) {
				ci = fc;
				k = e->name;
				kn = fn;
				rule4 = R_FIRST_ALONE;
			}
		}
		if (ci < 0 || a->c[ci].entity >= 0 || a->c[ci].gaz >= 0)
			continue;
		int shared = 0;
		for (size_t j = 0; j < b.n; j++) {
			const char *k2;
			size_t kn2;
			if (j != i && b.e[j].kind == KIND_PERSON && b.e[j].name_cand >= 0
			    && name_key(b.e[j].name, a->c[b.e[j].name_cand].family_first, &k2, &kn2)
			    && kn2 == kn && memcmp(k, k2, kn) == 0)
				shared = 1;
		}
		if (shared)
			continue;
		if (!e->desc && a->c[ci].desc)
			e->desc = a->c[ci].desc;
		if (!e->aff && a->c[ci].aff)
			e->aff = a->c[ci].aff;
		add_alias(&b, (long)i, ci, rule4, e->conf);
		struct balias *al = &b.e[i].al[b.e[i].nal - 1];
		al->ev_start = b.e[i].ev_start;
		al->ev_end = b.e[i].ev_end;
	}
	/* 5. Acronyms: explicit "Name (ACR)", else the initials of a name. */
	for (size_t i = 0; i < a->nc; i++) {
		struct acand *c = &a->c[i];
		if (c->entity >= 0 || c->gaz >= 0 || c->stop_word)
			continue;
		long target = -1;
		if (c->acronym_of >= 0)
			target = a->c[c->acronym_of].entity;
		for (size_t k = 0; target < 0 && k < b.n; k++)
			if (((b.e[k].kind == KIND_ORGANIZATION || b.e[k].kind == KIND_MEDIA)
			     && upper_initials_match(c->s, c->len, b.e[k].name))
			    || (b.e[k].kind == KIND_PERSON && b.e[k].nal
				&& person_initials_match(c->s, c->len, b.e[k].name)))
				target = (long)k;
		if (target >= 0)
			add_alias(&b, target, (long)i, explicit_rule(c), acronym_conf(a, c));
	}
	/* 6. What is left: one word found by a cue, or a capitalised run. */
	for (size_t i = 0; i < a->nc; i++) {
		struct acand *c = &a->c[i];
		if (c->entity >= 0 || c->gaz >= 0 || c->stop_word)
			continue;
		/* "Social Democrats (SPD)": the name was found here, above
		 * (candidates stand in the order they were first seen). */
		if (c->acronym_of >= 0 && a->c[c->acronym_of].entity >= 0) {
			add_alias(&b, a->c[c->acronym_of].entity, (long)i, explicit_rule(c), acronym_conf(a, c));
			continue;
		}
		int one = !memchr(c->s, ' ', c->len);
		/* "Kenyans said": a listed demonym in the plural is a people
		 * (devset rule A4), whatever verb follows it. */
		if (one && c->len > 4 && c->s[c->len - 1] == 's') {
			size_t dl;
			const struct gaz_spelling *dsp = gaz_match(g, (const uint8_t *)c->s, c->len - 1, &dl);
			if (dsp && dl == c->len - 1 && dsp->role == GAZ_DEMONYM)
				continue;
		}
		/* Step 3's competitions and treaties are no actors here either
		 * (an unsure one stays, commented out in a draft). */
		if (c->has_kind && c->conf != CONF_UNSURE
		    && (c->kind == KIND_ORGANIZATION || c->kind == KIND_MEDIA) && c->n_thing
		    && c->n_thing * 2 >= c->n)
			continue;
		/* Mikheev's test: seen only where a capital is expected anyway,
		 * and a common word in lower case. */
		if (!c->n_free && one && gaz_is_common(g, (const uint8_t *)c->s, c->len))
			continue;
		if (!c->n_free && !c->has_kind)
			continue;
		/* A word of a known name ("Jae-myung", "Marco") is no actor of
		 * its own.  The first word of one body's name, no common word
		 * nor first name, is that body written short ("Oculus" after
		 * "Oculus VR"); a place's is not (a town names its harbour), nor
		 * a person's first name (the surname pass gives the short form). */
		int part = 0;
		long piece_of = -1;
		int title_found = c->has_kind && c->kind == KIND_PERSON && c->rule && strcmp(c->rule, R_TITLE) == 0;
		for (size_t k = 0; k < b.n; k++) {
			const char *nm = b.e[k].name;
			/* "Greens" of "Greens Party", a second spelling
			 * folded into "Green Party" (3d): a piece of that. */
			long to = b.e[k].nal ? (long)k : b.e[k].into;
			if (to < 0)
				continue;
			const char *hit = strstr(nm, c->s);
			if (!(hit && (hit == nm || hit[-1] == ' ' || hit[-1] == '-')
			      && (hit[c->len] == '\0' || hit[c->len] == ' ' || hit[c->len] == '-')))
				continue;
			/* "Prince William" beside "William Jefferson Clinton": a
			 * title names a person by a surname, or a royal or a
			 * pope by a given name, never one by another's given
			 * name, so a word a title found that is not the
			 * surname of another person's name ("Kim" of "Kim Jong
			 * Un" is) is a person of its own. */
			if (title_found && b.e[k].kind == KIND_PERSON && hit[c->len] != '\0'
			    && !(b.e[k].name_cand >= 0 && a->c[b.e[k].name_cand].family_first))
				continue;
			part = 1;
			/* Not a place: "Whangārei" is not "Whangārei Harbour". */
			int body = b.e[k].kind == KIND_ORGANIZATION || b.e[k].kind == KIND_MEDIA;
			if (hit == nm && hit[c->len] == ' ' && body && b.e[k].gaz < 0)
				piece_of = piece_of == -1 || piece_of == to ? to : -2;
			else
				piece_of = -2;
		}
		/* "the Marcoses", "the Kennedys": a family by a found person's
		 * surname in the plural, no actor. */
		int family = 0;
		/* Not a word a person cue found: "Williams, the first
		 * minister" is no family of Prince William's. */
		int person = c->has_kind && c->kind == KIND_PERSON;
		for (size_t k = 0; k < b.n && !part && !family && !person && !memchr(c->s, ' ', c->len)
		     && c->len > 3 && c->s[c->len - 1] == 's'; k++) {
			const char *nm = b.e[k].name;
			if (b.e[k].kind != KIND_PERSON || !b.e[k].nal)
				continue;
			size_t nl = strlen(nm);
			for (size_t cut = 1; cut <= 2 && !family; cut++) {
				size_t bl = c->len - cut;
				if (cut == 2 && c->s[c->len - 2] != 'e')
					break;
				if (nl >= bl && memcmp(nm + nl - bl, c->s, bl) == 0
				    && (nl == bl || nm[nl - bl - 1] == ' '))
					family = 1;
			}
		}
		if (family)
			continue;
		if (part) {
			/* "Mario" of "Mario Run" is as likely a person; a common
			 * word ("Acacia" of "Acacia Communications") only where
			 * its capital is no sentence's. */
			if (piece_of >= 0 && (c->n_free || !gaz_is_common(g, (const uint8_t *)c->s, c->len))
			    && !gaz_is_firstname(g, (const uint8_t *)c->s, c->len)
			    && !member_plural(g, c->s, c->len)) {
				enum entity_conf pc = b.e[piece_of].conf == CONF_UNSURE ? CONF_UNSURE : CONF_LIKELY;
				add_alias(&b, piece_of, (long)i, R_PIECE, pc);
			}
			continue;
		}
		enum entity_conf conf = c->has_kind ? (enum entity_conf)c->conf : CONF_UNSURE;
		/* Written with a capital in the middle of sentences in two
		 * paragraphs or more, and no common word: a name (one sense per
		 * document),
		 * though what it names is a guess. */
		const char *rule = c->rule;
		enum entity_kind kind = (enum entity_kind)c->kind;
		/* "the Centre", "the Council": a body's head word alone is
		 * its description (devset rule A7), no name, though no
		 * common word ("Centre" is British); only a cue ("the
		 * Alliance said") makes one a name. */
		int thing = thing_like(g, c) || (one && gaz_orgword(g, (const uint8_t *)c->s, c->len));
		int upper = starts_upper(c->s, c->len);
		/* Several capitalised words, common ones among them, in the
		 * middle of sentences of two paragraphs or more: a proper name of a body
		 * ("Whole Foods Market"), kind guessed. */
		if (conf == CONF_UNSURE && c->n_lines >= 2 && !one && !c->has_kind && !thing && upper) {
			conf = CONF_LIKELY;
			rule = R_REPEATED;
			kind = KIND_ORGANIZATION;
		}
		/* Mikheev's document-centred evidence: written with a capital
		 * where none is expected in running text (not a list, a heading
		 * or a table row), and no common word, so a name; what
		 * it names follows its cue (a preposition of place, "the X"),
		 * else a first name, else the commonest kind of a lone name
		 * no list holds here, a body. */
		if (conf == CONF_UNSURE && c->n_prose >= 1 && c->n_lines < 2 && c->len >= 2 && !thing && upper
		    && no_common_word(g, c->s, c->len) && !member_plural(g, c->s, c->len)
		    && !(one && adjective_ending(c->s, c->len) && c->n_adj == c->n)) {
			conf = CONF_LIKELY;
			rule = R_MIDCAP;
			if (!c->has_kind) {
				size_t k = 0;
				while (k < c->len && c->s[k] != ' ')
					k++;
				/* "Lee should have paid": a family name written
				 * first (surnames-ea.txt) alone is a person's. */
				kind = gaz_is_firstname(g, (const uint8_t *)c->s, k)
				       || (one && gaz_is_surname_first(g, (const uint8_t *)c->s, c->len))
				       ? KIND_PERSON : KIND_ORGANIZATION;
			}
		}
		if (conf == CONF_UNSURE && c->n_lines >= 2 && one && !thing && upper
		    && !gaz_is_common(g, (const uint8_t *)c->s, c->len) && !member_plural(g, c->s, c->len)
		    && !(adjective_ending(c->s, c->len) && c->n_adj * 2 >= c->n)) {
			conf = CONF_LIKELY;
			rule = R_REPEATED;
			/* A lone person's name is a surname, found with the full
			 * name; a lone word that is no known name is more often a
			 * company, a body or a site. */
			if (!c->has_kind)
				kind = gaz_is_proper(g, (const uint8_t *)c->s, c->len)
				       || gaz_is_surname_first(g, (const uint8_t *)c->s, c->len)
				       ? KIND_PERSON : KIND_ORGANIZATION;
		}
		/* "Attlee", "Macmillan", "Truss" alone, no cue: a leader's
		 * surname is a person's, whatever else SCOWL says it is. */
		if (conf == CONF_LIKELY && one && !c->has_kind && kind != KIND_PERSON
		    && leader_surname(g, c->s, c->len)) {
			kind = KIND_PERSON;
			rule = R_LEADER;
		}
		long e = new_bent(&b, kind);
		b.e[e].name = c->s;
		b.e[e].name_cand = (long)i;
		b.e[e].desc = c->desc;
		b.e[e].aff = c->aff;
		add_alias(&b, e, (long)i, rule, conf);
	}

	/* 7. A person the text gives no country whom leaders.tsv knows
	 * ("President Barack Obama", "the Obama administration"): the
	 * country whose office it is.  Only persons found above, and not
	 * one the text says is something else ("Imran Khan, the Bollywood
	 * actor": a namesake). */
	for (size_t i = 0; i < b.n; i++) {
		struct bent *e = &b.e[i];
		if (e->kind != KIND_PERSON || e->aff || !e->nal || (e->desc && !desc_office(g, e->desc)))
			continue;
		for (size_t k = 0; k < e->nal && !e->aff; k++) {
			const struct acand *c = &a->c[e->al[k].cand];
			const struct gaz_leader *ld = memchr(c->s, ' ', c->len) ? gaz_leader(g, c->s, c->len)
										 : NULL;
			if (ld)
				e->aff = ld->country;
		}
	}

	/* Out: struct entity, with ids, names, aliases and why. */
	a->ents = xcalloc(b.n ? b.n : 1, sizeof *a->ents);
	a->nents = 0;
	for (size_t i = 0; i < b.n; i++) {
		struct bent *e = &b.e[i];
		if (!e->nal)
			continue;
		/* The name: the list's own when it is written in the text, else
		 * the spelling used most, else the first. */
		size_t name_k = 0;
		for (size_t k = 1; k < e->nal; k++) {
			const struct acand *x = &a->c[e->al[k].cand], *y = &a->c[e->al[name_k].cand];
			int x_seat = x->role == GAZ_SEAT && x->gaz >= 0, y_seat = y->role == GAZ_SEAT && y->gaz >= 0;
			if (x_seat != y_seat) {
				if (!x_seat)
					name_k = k;
				continue;
			}
			if (e->gaz >= 0 && strcmp(x->s, e->name) == 0 && strcmp(y->s, e->name) != 0)
				name_k = k;
			else if (!(e->gaz >= 0 && strcmp(y->s, e->name) == 0) && cand_cmp_count(x, y) < 0)
				name_k = k;
		}
		/* A surname or an acronym never names its person or body. */
		if (e->name_cand >= 0 && e->gaz < 0)
			for (size_t k = 0; k < e->nal; k++)
				if (e->al[k].cand == e->name_cand)
					name_k = k;
		struct entity *out = &a->ents[a->nents];
		memset(out, 0, sizeof *out);
		out->kind = e->kind;
		out->name = xstrdup(a->c[e->al[name_k].cand].s);
		/* A country that is only a seat here ("Beijing warned") keeps
		 * the list's name, the seat its alias. */
		const struct acand *nc = &a->c[e->al[name_k].cand];
		int only_seats = nc->gaz >= 0 && nc->role == GAZ_SEAT && e->kind == KIND_COUNTRY;
		if (only_seats) {
			free(out->name);
			out->name = xstrdup(e->name);
		}
		out->description = e->desc ? xstrdup(e->desc) : NULL;
		char *id = e->gaz >= 0 && e->kind != KIND_PLACE ? xstrdup(g->entries[e->gaz].id)
			   : e->gaz >= 0 ? xstrdup(g->entries[e->gaz].id) : slug(out->name);
		if (id_taken(a->ents, a->nents, id)) {
			struct buf nb = { 0 };
			for (int k = 2; ; k++) {
				buf_reset(&nb);
				buf_printf(&nb, "%s-%d", id, k);
				if (!id_taken(a->ents, a->nents, nb.data))
					break;
			}
			free(id);
			id = nb.data;
		}
		out->id = id;
		out->naliases = 0;
		out->aliases = xcalloc(e->nal, sizeof *out->aliases);
		out->why = xcalloc(e->nal + 1, sizeof *out->why);
		char *source = NULL;
		if (e->gaz >= 0) {
			struct buf sb = { 0 };
			buf_printf(&sb, "%s:%d", g->entries[e->gaz].file, g->entries[e->gaz].line);
			source = sb.data;
		}
		const struct balias *na = &e->al[name_k];
		set_why(&out->why[0], only_seats ? e->rule : na->rule, e->conf,
			only_seats ? e->ev_start : na->ev_start, only_seats ? e->ev_end : na->ev_end, source);
		for (size_t k = 0; k < e->nal; k++) {
			if (k == name_k && !only_seats)
				continue;
			const struct balias *al = &e->al[k];
			out->aliases[out->naliases] = xstrdup(a->c[al->cand].s);
			set_why(&out->why[1 + out->naliases], al->rule, al->conf, al->ev_start, al->ev_end, NULL);
			out->naliases++;
		}
		out->line = 0;
		/* The affiliation is resolved below, once every id is known. */
		out->affiliation = e->aff ? xstrdup(e->aff) : NULL;
		a->nents++;
	}
	/* Affiliations name a country found here, or none. */
	for (size_t i = 0; i < a->nents; i++) {
		struct entity *e = &a->ents[i];
		if (!e->affiliation)
			continue;
		/* An affiliation by name ("Northland's Finance Minister"). */
		for (size_t k = 0; k < a->nents; k++)
			if (k != i && a->ents[k].kind == KIND_COUNTRY
			    && strcmp(a->ents[k].name, e->affiliation) == 0) {
				free(e->affiliation);
				e->affiliation = xstrdup(a->ents[k].id);
				break;
			}
		if (!id_taken(a->ents, a->nents, e->affiliation) || strcmp(e->affiliation, e->id) == 0) {
			free(e->affiliation);
			e->affiliation = NULL;
		}
	}
	for (size_t i = 0; i < b.n; i++)
		free(b.e[i].al);
	free(b.e);
	free_cands(a);
}

struct entity *actors_take(struct actors *a, size_t *n)
{
	struct entity *v = a->ents;
	*n = a->nents;
	a->ents = NULL;
	a->nents = 0;
	return v;
}
