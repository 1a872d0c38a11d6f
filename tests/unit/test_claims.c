/* Unit tests for claims.c: the test sentences 25-40 of ANY_ARTICLE.md
 * section 7, the comparison pitfalls of section 6 (18-25, 28, 29), the
 * bundled commentary and the fixtures, and the comparisons drawn from them.
 * The actors are given (as an annotation file gives them), so the claim
 * rules are tested apart from the actor finder; a last test runs the
 * whole model on the commentary without its annotations. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "brief/assets.h"
#include "brief/claims.h"
#include "brief/tokens.h"
#include "brief/compare.h"
#include "brief/mentions.h"
#include "brief/model.h"
#include "brief/quotes.h"
#include "brief/util.h"

int claims_lexicon_sorted(void);
int quotes_speech_sorted(void);

/* A text with its actors, figures, mentions, claims and comparisons. */
struct fx {
	char *text;
	size_t len;
	struct annot a;
	struct figures figs;
	struct mentions mn;
	struct claims c;
	struct comparison *cmps;
	size_t ncmps, capcmps;
	struct quotes q;
	struct claims_input in;
};

/* actors: "id kind Name|Alias|Alias;..."; found: the ids (space after
 * each) of those to take as found automatically (with a why, as the actor
 * finder gives them); with_quotes: the quotations found first and given to
 * the claim finder, as the model does. */
static void fx_open2(struct fx *x, const char *text, const char *actors, const char *found,
		     int with_quotes)
{
	memset(x, 0, sizeof *x);
	x->len = strlen(text);
	x->text = xstrdup(text);
	struct buf b = { 0 };
	const char *p = actors;
	while (p && *p) {
		const char *e = strchr(p, ';');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *spec = xstrndup(p, n);
		char id[64], kind[32];
		int used = 0;
		assert_int_equal(sscanf(spec, "%63s %31s %n", id, kind, &used), 2);
		char *names = spec + used;
		char *bar = strchr(names, '|');
		buf_printf(&b, "actor %s %s \"%.*s\"\n", id, kind,
			   (int)(bar ? (size_t)(bar - names) : strlen(names)), names);
		while (bar) {
			char *next = strchr(bar + 1, '|');
			buf_printf(&b, "  alias \"%.*s\"\n",
				   (int)(next ? (size_t)(next - bar - 1) : strlen(bar + 1)), bar + 1);
			bar = next;
		}
		free(spec);
		p = e ? e + 1 : NULL;
	}
	struct annot_error err;
	if (annot_parse(&x->a, "t.brief", b.data ? b.data : "", b.len, &err) != 0)
		fail_msg("%s", err.msg);
	buf_free(&b);
	for (size_t i = 0; found && i < x->a.nentities; i++) {
		char key[80];
		snprintf(key, sizeof key, "%s ", x->a.entities[i].id);
		const char *h = strstr(found, key);
		if (h && (h == found || h[-1] == ' ')) {
			struct entity *e = &x->a.entities[i];
			e->why = xcalloc(e->naliases + 1, sizeof *e->why);
			e->why[0].rule = "test";
			e->why[0].conf = CONF_UNSURE;
		}
	}
	figures_init(&x->figs);
	figures_scan(&x->figs, (const uint8_t *)x->text, x->len, 0, x->len);
	mentions_init(&x->mn, &x->a);
	mentions_scan(&x->mn, (const uint8_t *)x->text, x->len, 0, x->len);
	x->in = (struct claims_input){
		.text = (const uint8_t *)x->text, .len = x->len, .from = 0, .to = x->len,
		.figs = &x->figs, .ents = x->a.entities, .nents = x->a.nentities,
		.ments = x->mn.v, .nments = x->mn.n,
	};
	quotes_init(&x->q);
	if (with_quotes) {
		quotes_find(&x->q, &x->in);
		x->in.quotes = x->q.v;
		x->in.nquotes = x->q.n;
	}
	claims_init(&x->c);
	claims_find(&x->c, &x->in);
	claims_comparisons(&x->c, &x->in, &x->cmps, &x->ncmps, &x->capcmps, 1);
}

static void fx_open(struct fx *x, const char *text, const char *actors)
{
	fx_open2(x, text, actors, NULL, 0);
}

static void fx_close(struct fx *x)
{
	quotes_free(&x->q);
	for (size_t i = 0; i < x->ncmps; i++)
		comparison_free_fields(&x->cmps[i]);
	free(x->cmps);
	claims_free(&x->c);
	mentions_free(&x->mn);
	figures_free(&x->figs);
	annot_free(&x->a);
	free(x->text);
}

static void fx_dump(const struct fx *x)
{
	for (size_t i = 0; i < x->c.n; i++) {
		const struct claim *k = &x->c.v[i];
		print_message("  claim %zu %s %s '%.*s' party %ld by %ld pair %ld\n", i,
			      claim_role_name(k->role), k->rule, (int)(k->end - k->start),
			      x->text + k->start, k->party, k->by,
			      k->pair == CLAIM_NONE ? -1L : (long)k->pair);
	}
	for (size_t i = 0; i < x->ncmps; i++) {
		const struct comparison *c = &x->cmps[i];
		print_message("  comparison %s \"%s\" by %s\n", c->id, c->title, c->by ? c->by : "-");
		for (size_t r = 0; r < c->nrows; r++)
			print_message("    row %s '%s' -> '%s' demander %s%s%s\n",
				      c->rows[r].party ? c->rows[r].party : "?", c->rows[r].current.text,
				      c->rows[r].demand.text,
				      c->rows[r].demander ? c->rows[r].demander : "-",
				      c->rows[r].demander_unknown ? " unknown" : "",
				      c->rows[r].demander_inherited ? " inherited" : "");
	}
}

/* The row of party (an id, or NULL for none named) whose demand quote
 * holds dem; fails when there is none. */
static const struct cmp_row *fx_row(const struct fx *x, const char *party, const char *dem,
				    const struct comparison **in)
{
	for (size_t i = 0; i < x->ncmps; i++)
		for (size_t r = 0; r < x->cmps[i].nrows; r++) {
			const struct cmp_row *row = &x->cmps[i].rows[r];
			int same = party ? row->party && strcmp(row->party, party) == 0 : !row->party;
			if (same && strstr(row->demand.text, dem)) {
				if (in)
					*in = &x->cmps[i];
				return row;
			}
		}
	fx_dump(x);
	fail_msg("no row of %s demanding '%s'", party ? party : "?", dem);
	return NULL;
}

static size_t fx_rows(const struct fx *x)
{
	size_t n = 0;
	for (size_t i = 0; i < x->ncmps; i++)
		n += x->cmps[i].nrows;
	return n;
}

/* The claim whose figure starts with text s. */
static const struct claim *fx_claim(const struct fx *x, const char *s)
{
	const char *at = strstr(x->text, s);
	assert_non_null(at);
	size_t off = (size_t)(at - x->text);
	for (size_t i = 0; i < x->c.n; i++)
		if (x->c.v[i].start <= off && off < x->c.v[i].end)
			return &x->c.v[i];
	fx_dump(x);
	fail_msg("no claim at '%s'", s);
	return NULL;
}

static const char *ent_id(const struct fx *x, long e)
{
	return e >= 0 ? x->a.entities[e].id : NULL;
}

/* The demander of a row as the chart reads it: the row's own, else the
 * comparison's; NULL when none. */
static const char *row_by(const struct comparison *c, const struct cmp_row *r)
{
	return r->demander ? r->demander : r->demander_unknown ? NULL : c->by;
}

static int row_has_hedge(const struct cmp_row *r, const char *h)
{
	for (size_t i = 0; i < r->nhedges; i++)
		if (strcmp(r->hedges[i].text, h) == 0)
			return 1;
	return 0;
}

/* Every quote anchors where it stands: its text at its span, whole words,
 * the first occurrence (annot_resolve() would find it there). */
static void check_quotes(const struct fx *x)
{
	for (size_t i = 0; i < x->ncmps; i++)
		for (size_t r = 0; r < x->cmps[i].nrows; r++) {
			const struct cmp_row *row = &x->cmps[i].rows[r];
			const struct quote *q[2] = { &row->current, &row->demand };
			for (int k = 0; k < 2; k++) {
				assert_true(q[k]->end > q[k]->start);
				assert_memory_equal(x->text + q[k]->start, q[k]->text, q[k]->len);
				const char *first = strstr(x->text, q[k]->text);
				assert_non_null(first);
			}
		}
}

static const char *const COMMENTARY_ACTORS =
	"us country US|Washington;japan country Japan|Tokyo;south-korea country South Korea|Seoul;"
	"trump person Donald Trump|Trump;ishiba person Shigeru Ishiba|Ishiba";

/* 25, 26 and pitfall 22: "It demands ... and reportedly asks it to raise
 * ... from less than 2 percent of GDP to 3.5 percent of GDP"; "South
 * Korea has been asked to hike its defense budget to 5 percent of GDP (up
 * from the current 2.3 percent level)": one comparison by the US, the
 * second row's demander inherited, hedges kept, the bare unit inherited. */
static void test_sentences_25_26(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x,
		"Washington has put forward many conditions that are difficult for Japan and South "
		"Korea to accept. It demands that Japan pay more for stationing US troops and reportedly "
		"asks it to raise its defense spending from less than 2 percent of GDP to 3.5 percent of "
		"GDP. Meanwhile, South Korea has been asked to hike its defense budget to 5 percent of "
		"GDP (up from the current 2.3 percent level).\n",
		COMMENTARY_ACTORS);
	const struct comparison *c1, *c2;
	const struct cmp_row *jp = fx_row(&x, "japan", "3.5 percent of GDP", &c1);
	const struct cmp_row *kr = fx_row(&x, "south-korea", "5 percent of GDP", &c2);
	assert_ptr_equal(c1, c2);                               /* one comparison */
	assert_int_equal(x.ncmps, 1);
	assert_int_equal(c1->nrows, 2);
	assert_string_equal(c1->by, "us");                      /* It -> Washington */
	assert_string_equal(row_by(c1, jp), "us");
	assert_string_equal(row_by(c1, kr), "us");
	assert_true(kr->demander_inherited);
	assert_false(jp->demander_inherited);
	assert_string_equal(jp->current.text, "less than 2 percent of GDP");
	assert_string_equal(kr->current.text, "2.3 percent");
	assert_true(row_has_hedge(jp, "reportedly"));
	assert_true(row_has_hedge(kr, "has been asked"));
	assert_string_equal(jp->why->rule, "claim:P1-from-to");
	assert_string_equal(kr->why->rule, "claim:P3-to-up-from");
	assert_string_equal(jp->why->property, "defense spending");
	assert_string_equal(kr->why->property, "defense budget");
	assert_string_equal(c1->title, "Defense spending");
	const struct claim *cur = fx_claim(&x, "2.3 percent");
	assert_true(cur->unit_inherited);                       /* pitfall 18 */
	assert_int_equal(cur->role, CLAIM_CURRENT);
	assert_string_equal(ent_id(&x, fx_claim(&x, "3.5 percent")->party), "japan");
	check_quotes(&x);
	fx_close(&x);
}

/* 27 and pitfall 28: "has asked" is active; the bare "3.5 percent" takes
 * "% of GDP" from its partner. */
static void test_sentence_27(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "Washington has asked Tokyo to raise defense spending from 1.6 percent of GDP to "
		    "3.5 percent.\n", COMMENTARY_ACTORS);
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, "japan", "3.5 percent", &c);
	assert_string_equal(row_by(c, r), "us");
	assert_int_equal(r->nhedges, 0);                         /* no passive */
	assert_true(fx_claim(&x, "3.5 percent")->unit_inherited);
	assert_false(fx_claim(&x, "1.6 percent")->unit_inherited);
	assert_string_equal(r->why->property, "defense spending");
	fx_close(&x);
}

/* 28 and pitfall 20: to-from. */
static void test_sentence_28(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "The IMF urged Argentina to cut its deficit to 1.5 percent of GDP from 4 percent.\n",
		"imf organization IMF;argentina country Argentina");
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, "argentina", "1.5 percent", &c);
	assert_string_equal(row_by(c, r), "imf");
	assert_string_equal(r->current.text, "4 percent");
	assert_string_equal(r->why->rule, "claim:P2-to-from");
	assert_string_equal(r->why->property, "deficit");
	fx_close(&x);
}

/* 29 and pitfall 21: an agreement is a target, not a demand; "a 2%
 * target" is read past its article. */
static void test_sentence_29(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "NATO allies agreed to lift defence spending to 5% of GDP by 2035, up from a 2% "
		    "target.\n", "nato organization NATO");
	const struct claim *dem = fx_claim(&x, "5% of GDP");
	const struct claim *cur = fx_claim(&x, "2% target");
	assert_int_equal(dem->role, CLAIM_TARGET);
	assert_int_equal(cur->role, CLAIM_CURRENT);
	assert_int_equal(dem->pair, (size_t)(cur - x.c.v));
	/* listed, never as a demand */
	for (size_t i = 0; i < x.ncmps; i++)
		for (size_t r = 0; r < x.cmps[i].nrows; r++)
			assert_true(x.cmps[i].rows[r].target);
	fx_close(&x);
}

/* 30: a demand and a current level across a semicolon. */
static void test_sentence_30(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "Trump wants Europe to pay 5 percent of GDP on defense; most members currently "
		    "spend about 2 percent.\n",
		"trump person Donald Trump|Trump;europe place Europe");
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, "europe", "5 percent of GDP", &c);
	assert_string_equal(row_by(c, r), "trump");
	assert_string_equal(r->current.text, "about 2 percent");
	assert_string_equal(r->why->property, "defense");
	fx_close(&x);
}

/* 31 and pitfall 24: no demander named: "by ?", unsure. */
static void test_sentence_31(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "Seoul currently spends 2.3% of GDP on its military and would need to more than "
		    "double that to reach 5%.\n", COMMENTARY_ACTORS);
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, "south-korea", "5%", &c);
	assert_null(row_by(c, r));
	assert_true(r->demander_unknown);
	assert_string_equal(r->current.text, "2.3% of GDP");
	assert_int_equal(r->why->conf, CONF_UNSURE);
	fx_close(&x);
}

/* 32: pays A ... should pay B. */
static void test_sentence_32(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "South Korea pays about $1 billion a year toward the upkeep of US troops; Trump has "
		    "said it should pay $10 billion.\n", COMMENTARY_ACTORS);
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, "south-korea", "$10 billion", &c);
	assert_string_equal(row_by(c, r), "trump");
	assert_string_equal(r->current.text, "about $1 billion");
	fx_close(&x);
}

/* 33: compared with; the party a kind ("allies"): none named. */
static void test_sentence_33(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "The US wants allies to spend at least 3.5% of GDP, compared with the 2% NATO "
		    "guideline.\n", "us country US;nato organization NATO");
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, NULL, "at least 3.5% of GDP", &c);
	assert_string_equal(row_by(c, r), "us");
	assert_string_equal(r->current.text, "2%");
	assert_string_equal(r->why->rule, "claim:P4-target-vs");
	fx_close(&x);
}

/* 34 and pitfall 25: a multiplier derives the current level, marked, and
 * the chart never draws it. */
static void test_sentence_34(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "Washington demanded that Seoul quintuple its contribution to $5 billion.\n",
		COMMENTARY_ACTORS);
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, "south-korea", "$5 billion", &c);
	assert_true(r->derived);
	assert_string_equal(r->current.text, "quintuple");
	assert_string_equal(row_by(c, r), "us");
	assert_string_equal(r->why->rule, "claim:P7-multiplier");
	const struct claim *k = fx_claim(&x, "$5 billion");
	assert_true(k->derived);
	assert_true(fabs(k->factor - 5) < 1e-9);
	fx_close(&x);
}

/* 35-38 and pitfalls 19, 23, 29: changes and plans are never demands. */
static void test_sentences_35_38(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		const char *value;
		enum claim_role role;
	} cases[] = {
		{ "Beijing says the tariff, raised to 145 percent from 20 percent, is unacceptable.\n",
		  "145 percent", CLAIM_CHANGE },
		{ "Germany's defence budget will rise from \xe2\x82\xac" "52 billion this year to "
		  "\xe2\x82\xac" "86 billion in 2029.\n", "\xe2\x82\xac" "86 billion", CLAIM_PLANNED },
		{ "Unemployment fell to 3.5 percent from 3.7 percent in June.\n", "3.5 percent",
		  CLAIM_CHANGE },
		{ "He won 52 percent of the vote, up from 48 percent in 2020.\n", "52 percent",
		  CLAIM_CHANGE },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct fx x;
		fx_open(&x, cases[i].text, "china country China|Beijing;germany country Germany");
		if (fx_rows(&x) != 0) {
			fx_dump(&x);
			fail_msg("case %zu: a row from \"%s\"", i, cases[i].text);
		}
		const struct claim *k = fx_claim(&x, cases[i].value);
		if (k->role != cases[i].role) {
			fx_dump(&x);
			fail_msg("case %zu: %s, expected %s", i, claim_role_name(k->role),
				 claim_role_name(cases[i].role));
		}
		assert_int_not_equal(k->pair, CLAIM_NONE);            /* still paired */
		fx_close(&x);
	}
}

/* 39: "calls to": a demand with no current level and no demander named:
 * a claim, no row. */
static void test_sentence_39(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "Ishiba rejected calls to lift spending to 3.5%.\n", COMMENTARY_ACTORS);
	const struct claim *k = fx_claim(&x, "3.5%");
	assert_int_equal(k->role, CLAIM_DEMAND);
	assert_int_equal(k->by, -1);
	assert_int_equal(fx_rows(&x), 0);
	fx_close(&x);
}

/* 40: two rows in different units, "It" a demander named by no actor. */
static void test_sentence_40(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "The committee wants Eastland to spend 5 percent of its budget on schools, up from "
		    "3 percent. It wants Westland to spend $2 billion, up from $1 billion.\n",
		"eastland country Eastland;westland country Westland");
	const struct comparison *c1, *c2;
	const struct cmp_row *e = fx_row(&x, "eastland", "5 percent", &c1);
	const struct cmp_row *w = fx_row(&x, "westland", "$2 billion", &c2);
	assert_ptr_not_equal(c1, c2);                /* units differ: not one axis */
	assert_null(row_by(c1, e));
	assert_null(row_by(c2, w));
	assert_true(e->demander_unknown && w->demander_unknown);
	assert_string_equal(e->current.text, "3 percent");
	assert_string_equal(w->current.text, "$1 billion");
	fx_close(&x);
}

/* The second fixture: "asked Northland to raise its annual contribution to
 * at least 4 billion euros, up from 1.5 billion euros today"; "Southland,
 * which pays about 2 billion euros a year, was asked for 3 billion euros
 * by 2027" (P6; "by 2027" is no demander; the Alliance inherited). */
static void test_second_fixture(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "The Alliance has told its two smallest members that the era of cheap security is "
		    "over. At a summit in Brussels on March 3, the Alliance asked Northland to raise its "
		    "annual contribution to at least 4 billion euros, up from 1.5 billion euros today. "
		    "Southland, which pays about 2 billion euros a year, was asked for 3 billion euros "
		    "by 2027.\n",
		"alliance organization Alliance;northland country Northland;southland country Southland;"
		"brussels place Brussels");
	const struct comparison *c1, *c2;
	const struct cmp_row *n = fx_row(&x, "northland", "at least 4 billion euros", &c1);
	const struct cmp_row *s = fx_row(&x, "southland", "3 billion euros", &c2);
	assert_ptr_equal(c1, c2);
	assert_string_equal(c1->by, "alliance");
	assert_string_equal(row_by(c2, s), "alliance");
	assert_true(s->demander_inherited);
	assert_string_equal(n->current.text, "1.5 billion euros");
	assert_string_equal(s->current.text, "about 2 billion euros");
	assert_string_equal(s->why->rule, "claim:P6-pays-asked-for");
	assert_string_equal(c1->title, "Annual contribution");
	fx_close(&x);
}

/* Pitfalls with real wording: amounts of change are no levels; "by 2027"
 * is no demander; an agreed target of a party's own is planned. */
static void test_amounts_and_plans(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "Canada spent 1.29 per cent of its GDP, up from 1.16 per cent, and promised to "
		    "raise spending by 70 per cent. Taiwan plans to increase defense spending to more "
		    "than 3 percent of GDP, up from the current 2.5 percent.\n",
		"canada country Canada;taiwan country Taiwan");
	assert_int_equal(fx_rows(&x), 0);
	for (size_t i = 0; i < x.c.n; i++)
		assert_false(strstr(x.text + x.c.v[i].start, "70 per cent") == x.text + x.c.v[i].start);
	assert_int_equal(fx_claim(&x, "more than 3 percent")->role, CLAIM_PLANNED);
	fx_close(&x);
}

/* A target named by its owner, against a level in the next sentence. */
static void test_target_owner(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "Canada continues to fall short of NATO's target of spending two per cent of GDP "
		    "on defence. In 2017, Canada spent 1.29 per cent of its gross domestic product on "
		    "defence, up from 1.16 per cent in 2016.\n",
		"canada country Canada;nato organization NATO");
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, "canada", "two per cent", &c);
	assert_true(r->target);
	assert_string_equal(row_by(c, r), "nato");
	assert_true(strstr(r->current.text, "1.29 per cent") != NULL);
	assert_string_equal(r->why->rule, "claim:P8-cross-sentence");
	assert_int_equal(r->why->conf, CONF_LIKELY);
	fx_close(&x);
}

/* A quote that stands earlier in the text too is widened until it anchors
 * at its own place, as annotation authors do ("budget to 5 percent of
 * GDP"). */
static void test_quotes_anchor(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "Japan pays 2 percent. Washington urged Japan to raise its spending to 5 percent "
		    "from 2 percent.\n", COMMENTARY_ACTORS);
	const struct cmp_row *r = fx_row(&x, "japan", "5 percent", NULL);
	assert_true(strcmp(r->current.text, "2 percent") != 0);   /* widened */
	assert_true(strstr(r->current.text, "2 percent") != NULL);
	check_quotes(&x);
	const char *second = strstr(strstr(x.text, "2 percent") + 1, "2 percent");
	assert_true(r->current.start <= (size_t)(second - x.text));
	assert_true(r->current.end == (size_t)(second - x.text) + strlen("2 percent"));
	fx_close(&x);
}

/* The search for where a quote anchors is bounded (in->search_left): once
 * the bound is spent, a quote is its span, not widened, and the bound
 * says so by standing at 0. */
static void test_quote_search_bound(void **state)
{
	(void)state;
	const char *t = "Japan pays 2 percent. Washington urged Japan to raise its spending to 5 "
			"percent from 2 percent.\n";
	struct claims_input in = { .text = (const uint8_t *)t, .len = strlen(t), .to = strlen(t) };
	size_t s = (size_t)(strstr(strstr(t, "2 percent") + 1, "2 percent") - t), e = s + 9;
	struct quote q = claims_quote(&in, s, e);    /* no bound: widened */
	assert_true(q.start < s && q.end == e);
	free(q.text);
	size_t left = 1000;
	in.search_left = &left;
	q = claims_quote(&in, s, e);                 /* enough: the same, and paid for */
	assert_true(q.start < s && q.end == e);
	assert_true(left < 1000 && left > 0);
	free(q.text);
	left = 5;                                    /* not enough for the first search */
	q = claims_quote(&in, s, e);
	assert_int_equal(q.start, s);
	assert_int_equal(q.end, e);
	assert_string_equal(q.text, "2 percent");
	assert_int_equal(left, 0);
	free(q.text);
	/* A quote that anchors where it stands is the span with any bound. */
	left = 1000;
	s = (size_t)(strstr(t, "5 percent") - t);
	q = claims_quote(&in, s, s + 9);
	assert_int_equal(q.start, s);
	assert_string_equal(q.text, "5 percent");
	free(q.text);
}

/* "We" in a quotation of two sentences, after other quotations, is still
 * its speaker's (the quotations are read with a cursor). */
static void test_we_after_other_quotes(void **state)
{
	(void)state;
	struct fx x;
	fx_open2(&x, "\"It is late,\" Valentinas Mazuronis said. \"Prices rise,\" said Ona Petraitiene. "
		     "Labour Party leader Valentinas Mazuronis said: \"We know it. We propose to reduce "
		     "VAT on food from 21% to 5%.\"\n",
		 "labour organization Labour Party;mazuronis person Valentinas Mazuronis;"
		 "petraitiene person Ona Petraitiene", NULL, 1);
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, NULL, "5%", &c);
	assert_string_equal(row_by(c, r), "labour");
	fx_close(&x);
}

/* The name of a measure found as an actor ("minimum support price (MSP)",
 * "VAT") is no party: the rows name none, or the party the text names. */
static void test_measure_names(void **state)
{
	(void)state;
	struct fx x;
	fx_open2(&x, "Congress demanded that the minimum support price (MSP) be raised to Rs 6,000 per "
		     "quintal from the present Rs 4,892. The Socialists want to cut VAT on food from 27% "
		     "to 5%.\n",
		 "congress organization Congress;msp organization MSP;vat organization VAT;"
		 "socialists organization Socialists", "msp vat ", 0);
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, NULL, "Rs 6,000", &c);
	assert_string_equal(row_by(c, r), "congress");
	assert_true(strstr(r->current.text, "Rs 4,892") != NULL);
	r = fx_row(&x, NULL, "5%", &c);
	assert_string_equal(row_by(c, r), "socialists");
	fx_close(&x);
	/* An actor of an annotation file is taken as written. */
	fx_open(&x, "Congress demanded that the minimum support price (MSP) be raised to Rs 6,000 "
		    "from the present Rs 4,892.\n",
		"congress organization Congress;msp organization MSP");
	assert_non_null(fx_row(&x, "msp", "Rs 6,000", NULL));
	fx_close(&x);
}

/* "We" in a quotation is its speaker's organisation ("said Labour Party
 * leader Valentinas Mazuronis"); "its demand" is the owner's. */
static void test_we_and_its(void **state)
{
	(void)state;
	struct fx x;
	fx_open2(&x, "\"We propose to reduce VAT on food from 21% to 5%,\" said Labour Party leader "
		     "Valentinas Mazuronis.\n",
		 "labour organization Labour Party;mazuronis person Valentinas Mazuronis", NULL, 1);
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, NULL, "5%", &c);
	assert_string_equal(row_by(c, r), "labour");
	fx_close(&x);
	fx_open(&x, "The BJD Krushak Cell will stage a demonstration in the State capital to press its "
		    "demand to hike the MSP for paddy to Rs 2,930 per quintal from existing Rs 1,550.\n",
		"bjd organization BJD Krushak Cell;state organization State");
	r = fx_row(&x, NULL, "Rs 2,930", &c);
	assert_string_equal(row_by(c, r), "bjd");
	fx_close(&x);
}

/* A proposal to another is a demand on it; the same amount in another
 * currency ("960 billion won or 856 million dollars") stands for the
 * level in the demand's currency. */
static void test_proposal_and_currencies(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "The United States has reportedly proposed South Korea pay one billion dollars for "
		    "the upkeep of its troops. Seoul's share last year was around 960 billion won or "
		    "856 million dollars.\n",
		"us country United States|U.S.;south-korea country South Korea|Seoul");
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, "south-korea", "one billion dollars", &c);
	assert_string_equal(row_by(c, r), "us");
	assert_true(strstr(r->current.text, "856 million dollars") != NULL);
	assert_true(row_has_hedge(r, "reportedly"));
	fx_close(&x);
}

/* What an agreement in force obliges is the level now; "up many times
 * from the current $1 billion" is the demand's own party's level. */
static void test_agreements_and_up_from(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "Trump wants Japan to raise its contribution to $8 billion. Under the deal, which "
		    "lasts until 2021, Japan must pay $2 billion a year.\n"
		    "Esper said South Korea should spend $4.7 billion for the US to keep its troops "
		    "there, up many times from the current $1 billion.\n",
		"trump person Donald Trump|Trump;japan country Japan;esper person Esper;"
		"south-korea country South Korea;us country US");
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, "japan", "$8 billion", &c);
	assert_true(strstr(r->current.text, "$2 billion") != NULL);
	r = fx_row(&x, "south-korea", "$4.7 billion", &c);
	assert_true(strstr(r->current.text, "$1 billion") != NULL);
	assert_string_equal(row_by(c, r), "esper");
	assert_int_equal(fx_claim(&x, "$2 billion")->role, CLAIM_CURRENT);
	fx_close(&x);
}

/* Where a change made ends is the level now, for a demand on the same
 * property in the sentence before; a threat is its maker's plan, and the
 * subject is not the place after "across". */
static void test_change_end_and_threats(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "Congress took out a march across Madhya Pradesh demanding a hike in the MSP of "
		    "soybean to Rs 6,000 per quintal. The Centre has made a hike in the MSP of soybean "
		    "from Rs 3,000 per quintal to Rs 4,892 per quintal.\n"
		    "Retailers are urging Trump not to make good on his threat to raise tariffs from 10 "
		    "percent to 25 percent.\n",
		"congress organization Congress;mp place Madhya Pradesh;centre organization Centre;"
		"trump person Trump");
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, "centre", "Rs 6,000", &c);
	assert_string_equal(row_by(c, r), "congress");
	assert_true(strstr(r->current.text, "Rs 4,892") != NULL);
	assert_int_equal(fx_rows(&x), 1);
	fx_close(&x);
}

/* "were ordered to pay": a passive, its subject the party; a combined sum
 * of several parties is no one party's demand to set against a share. */
static void test_ordered_combined(void **state)
{
	(void)state;
	struct fx x;
	fx_open(&x, "Apple and Broadcom were ordered to pay a combined $1.1 billion penalty to the "
		    "institute. Per the ruling, Apple will be expected to pay $837 million while "
		    "Broadcom will chip in $270 million.\n",
		"apple organization Apple;broadcom organization Broadcom");
	assert_int_equal(fx_rows(&x), 0);
	assert_int_equal(fx_claim(&x, "$1.1 billion")->by, -1);
	fx_close(&x);
}

/* Past CLAIMS_MAX_BYTES nothing is read, and the claims say so. */
static void test_truncated(void **state)
{
	(void)state;
	static const char line[] = "Washington urged Japan to raise its spending to 5 percent from 2 "
				   "percent.\n";
	size_t n = (CLAIMS_MAX_BYTES + 4096) / (sizeof line - 1) + 1;
	char *text = xmalloc(n * (sizeof line - 1) + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(text + i * (sizeof line - 1), line, sizeof line - 1);
	text[n * (sizeof line - 1)] = '\0';
	struct fx x;
	fx_open(&x, text, COMMENTARY_ACTORS);
	assert_true(x.c.truncated);
	assert_true(x.c.n > 0);
	for (size_t i = 0; i < x.c.n; i++)
		assert_true(x.c.v[i].end <= CLAIMS_MAX_BYTES);
	fx_close(&x);
	free(text);
	fx_open(&x, line, COMMENTARY_ACTORS);
	assert_false(x.c.truncated);
	fx_close(&x);
}

/* Nothing is found in text without figures, and any bytes are safe. */
static void test_edges(void **state)
{
	(void)state;
	assert_true(claims_lexicon_sorted());
	static const char *const texts[] = {
		"", "\n", "asked to raise it to", "from to from to 5%", "up from", "5% 5% 5% up from 5%",
		"It. It asks it. Its. They.", "\xe2\x82\xac", "to 5 percent (up from the current",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct fx x;
		fx_open(&x, texts[i], COMMENTARY_ACTORS);
		for (size_t k = 0; k < x.c.n; k++) {
			assert_true(x.c.v[k].start < x.c.v[k].end && x.c.v[k].end <= x.len);
			assert_true(x.c.v[k].pair == CLAIM_NONE || x.c.v[k].pair < x.c.n);
		}
		fx_close(&x);
	}
	assert_string_equal(claim_role_name(CLAIM_DEMAND), "demand");
	assert_string_equal(claim_role_name(CLAIM_ROLE_COUNT), "?");
}

/* The bundled commentary read without its annotation file: Japan < 2 ->
 * 3.5 and South Korea 2.3 -> 5 % of GDP, by the US, as one comparison,
 * "reportedly" and "has been asked" kept, the second demander inherited. */
static void test_commentary_without_annotations(void **state)
{
	(void)state;
	const struct asset *t = asset_find("commentary.txt");
	assert_non_null(t);
	char path[] = "/tmp/brief-test-claims-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, t->data, t->len), (ssize_t)t->len);
	close(fd);
	struct model m;
	struct model_error err;
	assert_int_equal(model_open(&m, path, NULL, &err), 0);
	model_scan_all(&m);
	assert_int_equal(m.nannot_cmps, 0);
	assert_int_equal(m.ncmps, 1);
	assert_true(model_cmp_is_auto(&m, 0));
	const struct cmp_model *c = &m.cmps[0];
	assert_int_equal(c->nrows, 2);
	assert_string_equal(c->unit, "% of GDP");
	assert_false(c->mixed);
	const char *want_party[2] = { "Japan", "South Korea" };
	const double cur[2] = { 2, 2.3 }, dem[2] = { 3.5, 5 };
	const char *hedge[2] = { "reportedly", "has been asked" };
	for (int i = 0; i < 2; i++) {
		const struct cmp_row_model *r = &c->rows[i];
		assert_true(r->party >= 0);
		assert_string_equal(m.annot.entities[r->party].name, want_party[i]);
		assert_true(fabs(r->current.value - cur[i]) < 1e-9);
		assert_true(fabs(r->demand.value - dem[i]) < 1e-9);
		assert_true(r->by >= 0);
		assert_string_equal(m.annot.entities[r->by].name, "US");
		assert_int_equal(r->src->nhedges, 1);
		assert_string_equal(r->src->hedges[0].text, hedge[i]);
		assert_int_equal(r->by_inherited, i == 1);
	}
	assert_int_equal(c->rows[0].current.cmp, FIG_LT);
	assert_true(c->rows[1].current.unit_inherited);
	model_free(&m);
	unlink(path);
}

/* Quotations and their speakers: after ("...," X said), before (X said
 * that "..."), "according to X", "described ... as", "he said" (the last
 * person), two quotes joined by "and"; quoted words nobody is said to
 * have said are no quotation. */
static void test_quotes(void **state)
{
	(void)state;
	assert_true(quotes_speech_sorted());
	struct fx x;
	fx_open(&x,
		"\"We should first get to 2 pct,\" NATO Secretary-General Jens Stoltenberg said.\n"
		"Ishiba has publicly stated that \"high tariffs hurt\" and \"prosperity built on sacrifice "
		"fails.\"\n"
		"The \"America First\" agenda has unsettled allies.\n"
		"According to the IMF, \"the deficit must fall.\"\n"
		"Ishiba even described the situation as a \xe2\x80\x9cnational crisis.\xe2\x80\x9d\n"
		"Lee spoke on Monday. \"We will talk,\" he added.\n"
		"\"Unterminated quote and nothing more\n",
		"nato organization NATO;stoltenberg person Jens Stoltenberg;ishiba person Ishiba;"
		"imf organization IMF;lee person Lee");
	struct quotes q;
	quotes_init(&q);
	quotes_find(&q, &x.in);
	static const struct {
		const char *text, *speaker, *rule;
	} want[] = {
		{ "We should first get to 2 pct,", "stoltenberg", "quote:after" },
		{ "high tariffs hurt", "ishiba", "quote:that" },
		{ "prosperity built on sacrifice fails.", "ishiba", "quote:that" },
		{ "the deficit must fall.", "imf", "quote:according-to" },
		{ "national crisis.", "ishiba", "quote:described-as" },
		{ "We will talk,", "lee", "quote:after" },
	};
	if (q.n != sizeof want / sizeof want[0])
		for (size_t i = 0; i < q.n; i++)
			print_message("  %.*s %s\n", (int)(q.v[i].end - q.v[i].start),
				      x.text + q.v[i].start, q.v[i].rule);
	assert_int_equal(q.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < q.n; i++) {
		size_t n = q.v[i].end - q.v[i].start;
		assert_int_equal(n, strlen(want[i].text));
		assert_memory_equal(x.text + q.v[i].start, want[i].text, n);
		assert_string_equal(x.a.entities[q.v[i].speaker].id, want[i].speaker);
		assert_string_equal(q.v[i].rule, want[i].rule);
		assert_true(q.v[i].sent_start <= q.v[i].start && q.v[i].start < q.v[i].sent_end + 4);
	}
	quotes_free(&q);
	fx_close(&x);
}

/* With an annotation file its comparisons and quotations are authoritative:
 * the automatic ones are found when asked and hidden until shown (those the
 * file has already are not shown twice); the actor card's calls list an
 * actor's quotations and rows. */
static void test_annotated_hidden_until_shown(void **state)
{
	(void)state;
	const struct asset *t = asset_find("commentary.txt");
	char dir[] = "/tmp/brief-test-claims-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128], ann[128];
	snprintf(path, sizeof path, "%s/a.txt", dir);
	snprintf(ann, sizeof ann, "%s/a.brief", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(t->data, 1, t->len, f), t->len);
	fclose(f);
	/* an annotation file with the actors only */
	f = fopen(ann, "wb");
	assert_non_null(f);
	fputs("actor us country \"US\"\n  alias \"Washington\"\nactor japan country \"Japan\"\n"
	      "actor sk country \"South Korea\"\nactor ishiba person \"Shigeru Ishiba\"\n"
	      "  alias \"Ishiba\"\nquotation ishiba \"national crisis.\"\n", f);
	fclose(f);
	struct model m;
	struct model_error err;
	assert_int_equal(model_open(&m, path, NULL, &err), 0);
	unlink(path);
	unlink(ann);
	rmdir(dir);
	model_scan_all(&m);
	assert_int_equal(m.ncmps, 0);               /* hidden */
	assert_int_equal(m.nquotes, 1);
	model_find_auto(&m);
	assert_int_equal(m.ncmps, 0);               /* found, still hidden */
	assert_int_equal(m.nauto_cmps, 1);
	model_show_auto(&m, MODEL_AUTO_SHOWN);
	assert_int_equal(m.ncmps, 1);
	assert_true(model_cmp_is_auto(&m, 0));
	assert_true(m.nquotes > 1);
	long ishiba = annot_find_entity(&m.annot, "ishiba");
	long us = annot_find_entity(&m.annot, "us"), jp = annot_find_entity(&m.annot, "japan");
	size_t idx[8];
	size_t nq = model_actor_quotes(&m, (size_t)ishiba, idx, 8);
	assert_int_equal(nq, 3);
	for (size_t i = 0; i < nq; i++)
		assert_int_equal(m.quotes[idx[i]].speaker, ishiba);
	assert_null(m.quotes[idx[0]].rule);         /* the file's */
	assert_non_null(m.quotes[idx[1]].rule);     /* found */
	struct model_actor_row rows[4];
	assert_int_equal(model_actor_rows(&m, (size_t)us, rows, 4), 2);
	assert_true(rows[0].demander && rows[1].demander);
	assert_int_equal(model_actor_rows(&m, (size_t)jp, rows, 4), 1);
	assert_false(rows[0].demander);
	assert_int_equal(model_actor_rows(&m, (size_t)jp, NULL, 0), 1);
	model_show_auto(&m, MODEL_AUTO_HIDDEN);
	assert_int_equal(m.ncmps, 0);
	assert_int_equal(m.nquotes, 1);
	model_free(&m);

	/* The bundled commentary: its annotated comparison is not repeated. */
	assert_int_equal(model_open(&m, NULL, NULL, &err), 0);
	model_scan_all(&m);
	assert_int_equal(m.ncmps, 1);
	model_show_auto(&m, MODEL_AUTO_SHOWN);
	assert_int_equal(m.ncmps, 1);
	assert_int_equal(m.nquotes, 7);
	model_free(&m);
}

/* A "sentence" with no full stop in thousands of tokens (a table flattened
 * to one line, a hostile file) is read in pieces of CLAIMS_SENT_TOKENS, so
 * its cost grows with its length, not with its square; a demand in a piece
 * of its own is still found.  The filler is sized so that a piece starts
 * at "and". */
static void test_long_sentence_in_pieces(void **state)
{
	(void)state;
	static const char tail[] = "and Washington has asked Tokyo to raise defense spending from "
				   "1.6 percent of GDP to 3.5 percent.\n";
	struct buf b = { 0 };
	int found = 0;
	for (size_t n = 1000; n < 1000 + CLAIMS_SENT_TOKENS && !found; n++) {
		buf_reset(&b);
		for (size_t i = 0; i < n; i++)
			buf_adds(&b, "1% ");
		size_t at = b.len;
		buf_adds(&b, tail);
		struct tokens tk;
		tokens_init(&tk);
		tokens_line(&tk, (const uint8_t *)b.data, 0, b.len - 1);
		for (size_t t = 0; t < tk.n; t++)
			if (tk.v[t].start == at) {
				found = t % CLAIMS_SENT_TOKENS == 0;
				break;
			}
		tokens_free(&tk);
	}
	assert_true(found);
	struct fx x;
	fx_open(&x, b.data, COMMENTARY_ACTORS);
	const struct comparison *c;
	const struct cmp_row *r = fx_row(&x, "japan", "3.5 percent", &c);
	assert_string_equal(row_by(c, r), "us");
	assert_true(CLAIMS_SENT_TOKENS >= 190 * 2);    /* twice the longest real sentence */
	fx_close(&x);
	buf_free(&b);
}

/* At most CLAIMS_MAX claims are read, and the JSON's truncated says so:
 * a line of 6,000 demands grouped by the rule that compares each row with
 * those before it would take seconds.  A value's comparator is read from
 * the words before it even when its line is long (the scan around a
 * quote is a window, not the whole line). */
static void test_bounded_claims(void **state)
{
	(void)state;
	struct buf b = { 0 };
	for (int i = 0; i < 6000; i++)
		buf_printf(&b, "The US asked Japan to raise defense spending from 1 percent of GDP "
			   "to %d.%d percent. ", 2 + i / 10, i % 10);
	buf_adds(&b, "\n");
	struct fx x;
	fx_open(&x, b.data, COMMENTARY_ACTORS);
	assert_true(x.c.truncated);
	assert_true(x.c.n >= CLAIMS_MAX && x.c.n < CLAIMS_MAX + 64);
	fx_close(&x);

	buf_reset(&b);
	for (int i = 0; i < 400; i++)
		buf_adds(&b, "Nothing here but words and more words. ");
	buf_adds(&b, "Washington has asked Tokyo to raise defense spending from less than 2 "
		     "percent of GDP to 3.5 percent.\n");
	fx_open(&x, b.data, COMMENTARY_ACTORS);
	assert_false(x.c.truncated);
	const struct cmp_row *r = fx_row(&x, "japan", "3.5 percent", NULL);
	assert_string_equal(r->current.text, "less than 2 percent of GDP");
	fx_close(&x);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentences_25_26),
		cmocka_unit_test(test_sentence_27),
		cmocka_unit_test(test_long_sentence_in_pieces),
		cmocka_unit_test(test_bounded_claims),
		cmocka_unit_test(test_sentence_28),
		cmocka_unit_test(test_sentence_29),
		cmocka_unit_test(test_sentence_30),
		cmocka_unit_test(test_sentence_31),
		cmocka_unit_test(test_sentence_32),
		cmocka_unit_test(test_sentence_33),
		cmocka_unit_test(test_sentence_34),
		cmocka_unit_test(test_sentences_35_38),
		cmocka_unit_test(test_sentence_39),
		cmocka_unit_test(test_sentence_40),
		cmocka_unit_test(test_second_fixture),
		cmocka_unit_test(test_amounts_and_plans),
		cmocka_unit_test(test_target_owner),
		cmocka_unit_test(test_quotes_anchor),
		cmocka_unit_test(test_quote_search_bound),
		cmocka_unit_test(test_we_after_other_quotes),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_measure_names),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_ordered_combined),
		cmocka_unit_test(test_we_and_its),
		cmocka_unit_test(test_proposal_and_currencies),
		cmocka_unit_test(test_agreements_and_up_from),
		cmocka_unit_test(test_change_end_and_threats),
		cmocka_unit_test(test_commentary_without_annotations),
		cmocka_unit_test(test_annotated_hidden_until_shown),
		cmocka_unit_test(test_quotes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
