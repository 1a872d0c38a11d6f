/* libFuzzer target: the actor finder (actors.c) on a sanitised input, read
 * whole and one line at a time.  Invariants: both give the same actors;
 * every actor has a valid id (unique), a non-empty name, a kind, one why
 * per spelling with a rule, a confidence and an evidence span inside the
 * text; an affiliation names another actor found; no alias is empty. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/actors.h"
#include "brief/document.h"
#include "fuzz.h"

static int valid_id(const char *s)
{
	if (!*s || !((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

static void check(const struct entity *v, size_t n, const struct doc *d)
{
	for (size_t i = 0; i < n; i++) {
		const struct entity *e = &v[i];
		FUZZ_CHECK(e->id && valid_id(e->id), "actor %zu id '%s'", i, e->id ? e->id : "(null)");
		FUZZ_CHECK(e->name && *e->name, "actor %zu has no name", i);
		FUZZ_CHECK((unsigned)e->kind < KIND_COUNT, "actor %zu kind %d", i, (int)e->kind);
		FUZZ_CHECK(e->why != NULL, "actor %zu has no provenance", i);
		for (size_t j = 0; j <= e->naliases; j++) {
			const struct entity_why *w = &e->why[j];
			FUZZ_CHECK(w->rule && *w->rule, "actor %zu spelling %zu has no rule", i, j);
			FUZZ_CHECK(w->conf > CONF_ANNOTATED && w->conf < CONF_COUNT,
				   "actor %zu spelling %zu confidence %d", i, j, (int)w->conf);
			FUZZ_CHECK(w->ev_start <= w->ev_end && w->ev_end <= d->len,
				   "actor %zu evidence [%zu, %zu) of %zu", i, w->ev_start, w->ev_end, d->len);
			if (j)
				FUZZ_CHECK(*e->aliases[j - 1], "actor %zu alias %zu empty", i, j - 1);
		}
		for (size_t k = 0; k < i; k++)
			FUZZ_CHECK(strcmp(v[k].id, e->id) != 0, "id '%s' twice", e->id);
		if (e->affiliation) {
			int found = 0;
			for (size_t k = 0; k < n; k++)
				found |= k != i && strcmp(v[k].id, e->affiliation) == 0;
			FUZZ_CHECK(found, "actor '%s' affiliated to unknown '%s'", e->id, e->affiliation);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *bytes = fuzz_copy_nul(data, size);
	struct doc d;
	doc_load_mem(&d, "fuzz", bytes, size);
	const struct gazetteer *g = gaz_default();

	struct actors whole, lines;
	actors_init(&whole, g);
	actors_scan(&whole, d.text, d.len, 0, d.len);
	actors_finish(&whole);
	actors_init(&lines, g);
	for (size_t l = 0; l < d.nlines; l++)
		actors_scan(&lines, d.text, d.len, doc_line_start(&d, l),
			    l + 1 < d.nlines ? doc_line_start(&d, l + 1) : d.len);
	actors_finish(&lines);

	check(whole.ents, whole.nents, &d);
	FUZZ_CHECK(whole.nents == lines.nents, "%zu actors whole, %zu by line", whole.nents, lines.nents);
	for (size_t i = 0; i < whole.nents; i++) {
		const struct entity *a = &whole.ents[i], *b = &lines.ents[i];
		FUZZ_CHECK(strcmp(a->name, b->name) == 0 && a->kind == b->kind
			   && a->naliases == b->naliases,
			   "actor %zu: '%s' whole, '%s' by line", i, a->name, b->name);
	}
	actors_free(&whole);
	actors_free(&lines);
	doc_free(&d);
	free(bytes);
	return 0;
}
