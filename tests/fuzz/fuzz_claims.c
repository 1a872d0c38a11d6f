/* libFuzzer target: the claim finder (claims.c) and the quotation finder
 * (quotes.c) on a sanitised input, with actors found in it by the actor
 * finder plus a few fixed ones (so pronouns, objects and demanders have
 * something to resolve to).  Invariants: every claim's span is its
 * figure's, inside the text; a pair is mutual, a current with a demand,
 * target or change; parties and demanders are actors or -1, never each
 * other; a derived claim has a positive factor and a multiplier span;
 * every hedge and property lies in the text; the comparisons drawn have
 * rows whose quotes are the text at their spans and anchor there, parties
 * that are actors' ids; quotations lie between their sentence's ends, with
 * a speaker and a rule.  Runs in bounded time (the finder is linear in
 * the sentences read). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/actors.h"
#include "brief/claims.h"
#include "brief/document.h"
#include "brief/figures.h"
#include "brief/mentions.h"
#include "brief/quotes.h"
#include "brief/util.h"
#include "brief/word.h"
#include "fuzz.h"

static const char fixed[] =
	"actor us country \"US\"\n  alias \"Washington\"\n"
	"actor japan country \"Japan\"\n  alias \"Tokyo\"\n"
	"actor imf organization \"IMF\"\n"
	"actor trump person \"Trump\"\n";

static void check_span(const struct doc *d, size_t s, size_t e, const char *what, size_t i)
{
	FUZZ_CHECK(s <= e && e <= d->len, "%s of %zu: [%zu, %zu) of %zu", what, i, s, e, d->len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *bytes = fuzz_copy_nul(data, size);
	struct doc d;
	doc_load_mem(&d, "fuzz", bytes, size);

	/* The actors: the fixed ones, then those found (renamed if they
	 * clash). */
	struct annot a;
	struct annot_error err;
	if (annot_parse(&a, "fixed", fixed, sizeof fixed - 1, &err) != 0)
		abort();
	struct actors f;
	actors_init(&f, gaz_default());
	actors_scan(&f, d.text, d.len, 0, d.len);
	actors_finish(&f);
	size_t n;
	struct entity *found = actors_take(&f, &n);
	for (size_t i = 0; i < n; i++) {
		if (annot_find_entity(&a, found[i].id) >= 0) {
			entity_free_fields(&found[i]);
			continue;
		}
		annot_add_entity(&a, &found[i]);
	}
	free(found);
	actors_free(&f);

	struct figures figs;
	figures_init(&figs);
	figures_scan(&figs, d.text, d.len, 0, d.len);
	struct mentions mn;
	mentions_init(&mn, &a);
	mentions_scan(&mn, d.text, d.len, 0, d.len);
	struct claims_input in = {
		.text = d.text, .len = d.len, .from = 0, .to = d.len, .figs = &figs,
		.ents = a.entities, .nents = a.nentities, .ments = mn.v, .nments = mn.n,
	};

	/* Quotations first, given to the claim finder as the model gives
	 * them ("we" inside one is its speaker's). */
	struct quotes qs;
	quotes_init(&qs);
	quotes_find(&qs, &in);
	for (size_t i = 0; i < qs.n; i++) {
		const struct quotes_item *q = &qs.v[i];
		FUZZ_CHECK(q->start < q->end && q->end <= d.len, "quote %zu span", i);
		FUZZ_CHECK(q->speaker >= 0 && q->speaker < (long)a.nentities, "quote %zu speaker", i);
		FUZZ_CHECK(q->rule && *q->rule, "quote %zu rule", i);
		FUZZ_CHECK(q->sent_start <= q->sent_end && q->sent_end <= d.len, "quote %zu sentence", i);
		if (i)
			FUZZ_CHECK(qs.v[i - 1].start < q->start, "quotes out of order at %zu", i);
	}
	in.quotes = qs.v;
	in.nquotes = qs.n;

	struct claims c;
	claims_init(&c);
	claims_find(&c, &in);
	for (size_t i = 0; i < c.n; i++) {
		const struct claim *k = &c.v[i];
		FUZZ_CHECK(k->fig < figs.n, "claim %zu figure %zu of %zu", i, k->fig, figs.n);
		FUZZ_CHECK(k->start == figs.v[k->fig].start && k->end == figs.v[k->fig].end,
			   "claim %zu span is not its figure's", i);
		FUZZ_CHECK((unsigned)k->role < CLAIM_ROLE_COUNT, "claim %zu role %d", i, (int)k->role);
		FUZZ_CHECK(k->rule && *k->rule, "claim %zu has no rule", i);
		FUZZ_CHECK(k->party >= -1 && k->party < (long)a.nentities, "claim %zu party %ld", i,
			   k->party);
		FUZZ_CHECK(k->by >= -1 && k->by < (long)a.nentities, "claim %zu by %ld", i, k->by);
		if (k->pair != CLAIM_NONE) {
			FUZZ_CHECK(k->pair < c.n && c.v[k->pair].pair == i, "claim %zu pair not mutual", i);
			FUZZ_CHECK(k->role == CLAIM_CURRENT || c.v[k->pair].role == CLAIM_CURRENT
				   || k->role == CLAIM_OFFER || c.v[k->pair].role == CLAIM_OFFER
				   || k->role == CLAIM_PLANNED || c.v[k->pair].role == CLAIM_PLANNED
				   || k->role == CLAIM_CHANGE || c.v[k->pair].role == CLAIM_CHANGE,
				   "claim %zu: %s paired with %s", i, claim_role_name(k->role),
				   claim_role_name(c.v[k->pair].role));
		}
		if (k->derived)
			FUZZ_CHECK(k->factor > 0 && k->mult.end > k->mult.start, "claim %zu derived", i);
		check_span(&d, k->mult.start, k->mult.end, "multiplier", i);
		check_span(&d, k->prop.start, k->prop.end, "property", i);
		check_span(&d, k->sent.start, k->sent.end, "sentence", i);
		FUZZ_CHECK(k->nhedges <= CLAIM_MAX_HEDGES, "claim %zu hedges %zu", i, k->nhedges);
		for (size_t h = 0; h < k->nhedges; h++)
			check_span(&d, k->hedge[h].start, k->hedge[h].end, "hedge", i);
	}

	struct comparison *cmps = NULL;
	size_t ncmps = 0, cap = 0;
	claims_comparisons(&c, &in, &cmps, &ncmps, &cap, 1);
	for (size_t i = 0; i < ncmps; i++) {
		const struct comparison *cm = &cmps[i];
		FUZZ_CHECK(cm->id && cm->title && *cm->title && cm->nrows, "comparison %zu", i);
		FUZZ_CHECK(!cm->by || annot_find_entity(&a, cm->by) >= 0, "comparison %zu by", i);
		for (size_t r = 0; r < cm->nrows; r++) {
			const struct cmp_row *row = &cm->rows[r];
			FUZZ_CHECK(!row->party || annot_find_entity(&a, row->party) >= 0, "row party");
			FUZZ_CHECK(!row->demander || annot_find_entity(&a, row->demander) >= 0, "row by");
			FUZZ_CHECK(row->why && row->why->rule, "row without a rule");
			const struct quote *q[2] = { &row->current, &row->demand };
			for (int k = 0; k < 2; k++) {
				FUZZ_CHECK(q[k]->text && q[k]->end > q[k]->start && q[k]->end <= d.len,
					   "row quote span");
				FUZZ_CHECK(q[k]->len == q[k]->end - q[k]->start
					   && (memcmp(q[k]->text, d.text + q[k]->start, q[k]->len) == 0
					       || memchr(q[k]->text, ' ', q[k]->len)),
					   "row quote is not the text at its span");
			}
		}
	}
	for (size_t i = 0; i < ncmps; i++)
		comparison_free_fields(&cmps[i]);
	free(cmps);
	claims_free(&c);
	quotes_free(&qs);

	mentions_free(&mn);
	figures_free(&figs);
	annot_free(&a);
	doc_free(&d);
	free(bytes);
	return 0;
}
