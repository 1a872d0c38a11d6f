/* libFuzzer target: brief --draft on any input.  The input is opened as a
 * file (a memfd, no disk), scanned, drafted; the draft must parse, anchor
 * every quote in the same text, and load back with the same shown actors:
 * the same names, kinds and mention counts, the same body start; and with
 * the same comparison rows and quotations where their actors are shown,
 * at the same spans, so that the chart and the quotations drawn from the
 * draft are the ones drawn from the text. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "brief/draft.h"
#include "brief/mentions.h"
#include "brief/model.h"
#include "brief/word.h"
#include "fuzz.h"

/* Whether the draft writes actor id in: the model has no annotation file,
 * so an actor is written in exactly when the reader shows it.  Said here
 * from what is shown, not by draft.c's own test, so that the two can
 * disagree. */
static int shown_id(const struct model *m, const char *id)
{
	return id && annot_find_entity(&m->annot, id) >= 0;
}

/* Whether quote q, anchored as the annotation format anchors it (its first
 * whole-word occurrence from offset from on), loads back where it stands.
 * A row whose sentence occurs earlier too cannot be written so that it
 * does, and is written commented out. */
static int at_home(const struct model *m, size_t from, const struct quote *q)
{
	const uint8_t *t = m->doc.text;
	if (!q->text || !q->len)
		return 0;
	while (from + q->len <= m->doc.len) {
		const uint8_t *hit = memmem(t + from, m->doc.len - from, q->text, q->len);
		if (!hit)
			return 0;
		size_t at = (size_t)(hit - t);
		if (word_whole(t, 0, m->doc.len, at, at + q->len))
			return at == q->start;
		from = at + 1;
	}
	return 0;
}

static int row_at_home(const struct model *m, size_t from, const struct cmp_row *x)
{
	int ok = at_home(m, from, &x->current) && at_home(m, from, &x->demand);
	for (size_t h = 0; ok && h < x->nhedges; h++)
		ok = at_home(m, from, &x->hedges[h]);
	return ok;
}

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static void check_span(const struct quote *want, const struct quote *got, const char *what,
		       const char *cmp, size_t row, const char *out)
{
	FUZZ_CHECK(want->start == got->start && want->end == got->end,
		   "comparison %s, row %zu: the %s at [%zu, %zu) loads back at [%zu, %zu)\n%s", cmp, row,
		   what, want->start, want->end, got->start, got->end, out);
}

/* Each automatic comparison row whose party, demander and comparison's
 * demander are shown, with both of its quotes, each loading back where it
 * stands, is written live and loads back as it was: the same party, role,
 * demander, current level, demand and hedges, each at the same span.
 * Other rows are written commented out, so none more loads back. */
static void check_rows(const struct model *m, const struct annot *a, const char *out)
{
	/* Quotes after the header are anchored from the body's line on. */
	size_t from = a->body.text ? doc_line_start(&m->doc, doc_line_at(&m->doc, a->body.start)) : 0;
	size_t want_cmps = 0;
	for (size_t i = 0; i < m->nauto_cmps; i++) {
		const struct comparison *c = &m->auto_cmps[i];
		const struct comparison *back = NULL;
		for (size_t k = 0; k < a->ncomparisons && !back; k++)
			if (strcmp(a->comparisons[k].id, c->id) == 0)
				back = &a->comparisons[k];
		size_t r = 0, got = 0;
		for (size_t w = 0; w < c->nrows; w++) {
			const struct cmp_row *x = &c->rows[w];
			if (!(shown_id(m, x->party) && (!c->by || shown_id(m, c->by))
			      && (!x->demander || shown_id(m, x->demander)) && x->current.text
			      && x->demand.text && row_at_home(m, from, x)))
				continue;
			FUZZ_CHECK(back && r < back->nrows, "comparison %s: row %zu (%s) is not loaded back\n%s",
				   c->id, w, x->party, out);
			const struct cmp_row *y = &back->rows[r++];
			FUZZ_CHECK(same_str(x->party, y->party) && x->derived == y->derived
					   && x->target == y->target && same_str(x->demander, y->demander)
					   && x->demander_unknown == y->demander_unknown
					   && x->demander_inherited == y->demander_inherited,
				   "comparison %s, row %zu (%s): loads back as another row (%s)\n%s", c->id, w,
				   x->party, y->party, out);
			check_span(&x->current, &y->current, x->derived ? "multiplier" : "current level", c->id, w,
				   out);
			check_span(&x->demand, &y->demand, x->target ? "target" : "demand", c->id, w, out);
			FUZZ_CHECK(x->nhedges == y->nhedges, "comparison %s, row %zu: %zu hedges, %zu loaded back\n%s",
				   c->id, w, x->nhedges, y->nhedges, out);
			for (size_t h = 0; h < x->nhedges; h++)
				check_span(&x->hedges[h], &y->hedges[h], "hedge", c->id, w, out);
			got++;
		}
		FUZZ_CHECK(!back || back->nrows == got, "comparison %s: %zu rows loaded back, %zu shown\n%s", c->id,
			   back ? back->nrows : 0, got, out);
		want_cmps += back != NULL;
	}
	FUZZ_CHECK(a->ncomparisons == want_cmps, "%zu comparisons loaded back, %zu drafted from the text\n%s",
		   a->ncomparisons, want_cmps, out);
}

/* Each automatic quotation whose speaker is shown and whose quote loads
 * back where it stands is written live and loads back, in order, with
 * the same speaker at the same span; no other does. */
static void check_quotations(const struct model *m, const struct annot *a, const char *out)
{
	size_t from = a->body.text ? doc_line_start(&m->doc, doc_line_at(&m->doc, a->body.start)) : 0;
	size_t k = 0;
	for (size_t i = 0; i < m->nauto_quotes; i++) {
		const struct quotation *x = &m->auto_quotes[i];
		if (!shown_id(m, x->speaker) || !at_home(m, from, &x->q))
			continue;
		FUZZ_CHECK(k < a->nquotations, "quotation %zu (%s) is not loaded back\n%s", i, x->speaker, out);
		const struct quotation *y = &a->quotations[k++];
		FUZZ_CHECK(same_str(x->speaker, y->speaker) && x->q.start == y->q.start && x->q.end == y->q.end,
			   "quotation %zu of %s at [%zu, %zu) loads back as %s's at [%zu, %zu)\n%s", i, x->speaker,
			   x->q.start, x->q.end, y->speaker, y->q.start, y->q.end, out);
	}
	FUZZ_CHECK(k == a->nquotations, "%zu quotations loaded back, %zu drafted live\n%s", a->nquotations, k,
		   out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz-draft", 0);
	if (fd < 0)
		abort();
	if (size && write(fd, data, size) != (ssize_t)size)
		abort();
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	struct model m;
	struct model_error err;
	/* "/proc/self/fd/N" has no extension: no sibling annotation file. */
	if (model_open(&m, path, NULL, &err) != 0) {
		model_free(&m);
		close(fd);
		return 0;
	}
	model_scan_all(&m);
	char *out = NULL;
	size_t outn = 0;
	FILE *f = open_memstream(&out, &outn);
	if (!f)
		abort();
	FUZZ_CHECK(draft_write(f, &m) == 0, "draft_write failed");
	fclose(f);

	struct annot a;
	struct annot_error ae;
	int rc = annot_parse(&a, "draft", out, outn, &ae);
	FUZZ_CHECK(rc == 0, "the draft does not parse: %s\n%s", ae.msg, out);
	rc = annot_resolve(&a, &m.doc, &ae);
	FUZZ_CHECK(rc == 0, "the draft does not anchor: %s\n%s", ae.msg, out);
	struct mentions mt;
	mentions_init(&mt, &a);
	mentions_scan(&mt, m.doc.text, m.doc.len, m.body, m.doc.len);
	FUZZ_CHECK(a.nentities == m.annot.nentities, "%zu actors shown, %zu in the draft\n%s",
		   m.annot.nentities, a.nentities, out);
	for (size_t i = 0; i < m.annot.nentities; i++) {
		const struct entity *e = &m.annot.entities[i];
		long k = annot_find_entity(&a, e->id);
		FUZZ_CHECK(k >= 0, "'%s' missing from the draft\n%s", e->id, out);
		FUZZ_CHECK(strcmp(a.entities[k].name, e->name) == 0 && a.entities[k].kind == e->kind,
			   "'%s' changed in the draft", e->id);
		FUZZ_CHECK(mt.count[k] == m.mentions.count[i], "'%s': %zu mentions, %zu from the draft",
			   e->id, m.mentions.count[i], mt.count[k]);
	}
	if (a.body.text) {
		size_t line = doc_line_at(&m.doc, a.body.start);
		FUZZ_CHECK(doc_line_start(&m.doc, line) == m.body, "the draft's body starts at %zu, the model's at %zu",
			   doc_line_start(&m.doc, line), m.body);
	}
	check_rows(&m, &a, out);
	check_quotations(&m, &a, out);
	mentions_free(&mt);
	annot_free(&a);
	free(out);
	model_free(&m);
	close(fd);
	return 0;
}
