/* libFuzzer target: annot_parse on arbitrary bytes, then annot_resolve
 * against a fixed document (the first 2000 bytes of the bundled commentary).
 * Invariants: an error message is "fuzz.brief:LINE:COL: ..." with LINE and
 * COL >= 1 and equal to err.line/err.col, valid UTF-8 holding only code
 * points doc_cp_is_safe allows (a message is printed to a terminal);
 * a parsed annotation has unique ids, known kinds and resolvable references;
 * a resolved quote spans exactly its text in the document.  annot_free is
 * always called (also after a failed parse, which must leave it harmless). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "brief/annot.h"
#include "brief/assets.h"
#include "brief/document.h"
#include "brief/mentions.h"
#include "fuzz.h"

#define NAME "fuzz.brief"
#define DOC_BYTES 2000

static struct doc doc;
static uint8_t *doc_bytes;

static void init_doc(void)
{
	if (doc_bytes)
		return;
	const struct asset *as = asset_find("commentary.txt");
	FUZZ_CHECK(as != NULL, "commentary.txt is not embedded");
	size_t n = as->len < DOC_BYTES ? as->len : DOC_BYTES;
	while (n && (as->data[n] & 0xC0) == 0x80)    /* whole characters */
		n--;
	doc_bytes = fuzz_copy_nul(as->data, n);
	doc_load_mem(&doc, "commentary.txt", doc_bytes, n);
}

/* "NAME:LINE:COL: " with the numbers of err. */
static void check_message(const struct annot_error *err, const char *what)
{
	const char *m = err->msg;
	size_t nl = strlen(NAME);
	FUZZ_CHECK(strncmp(m, NAME ":", nl + 1) == 0, "%s: message does not start with the file name: %s", what, m);
	char *end;
	long line = strtol(m + nl + 1, &end, 10);
	FUZZ_CHECK(end > m + nl + 1 && *end == ':', "%s: no line number: %s", what, m);
	const char *c = end + 1;
	long col = strtol(c, &end, 10);
	FUZZ_CHECK(end > c && end[0] == ':' && end[1] == ' ' && end[2], "%s: no column: %s", what, m);
	FUZZ_CHECK(line >= 1 && col >= 1, "%s: line %ld col %ld: %s", what, line, col, m);
	FUZZ_CHECK(line == err->line && col == err->col, "%s: message says %ld:%ld, err has %d:%d",
		   what, line, col, err->line, err->col);
	size_t len = strlen(m);
	FUZZ_CHECK(u8_check((const uint8_t *)m, len) == NULL, "%s: message is not valid UTF-8", what);
	/* Messages reach a terminal: every code point must be safe there (no
	 * C0 but TAB and LF, no DEL, C1, bidi or other format controls). */
	for (size_t i = 0; i < len;) {
		ucs4_t uc;
		int r = u8_mbtoucr(&uc, (const uint8_t *)m + i, len - i);
		FUZZ_CHECK(r > 0, "%s: cannot decode message at %zu", what, i);
		FUZZ_CHECK(uc != '\t' && uc != '\n' && doc_cp_is_safe(uc),
			   "%s: U+%04X at byte %zu of the message: %s", what, (unsigned)uc, i, m);
		i += (size_t)r;
	}
}

static int ref_ok(const struct annot *a, const char *id)
{
	return id && annot_find_entity(a, id) >= 0;
}

static void check_parsed(const struct annot *a)
{
	for (size_t i = 0; i < a->nentities; i++) {
		const struct entity *e = &a->entities[i];
		FUZZ_CHECK(e->id && *e->id && e->name && *e->name, "entity %zu without id or name", i);
		FUZZ_CHECK((unsigned)e->kind < KIND_COUNT, "entity %zu kind %d", i, (int)e->kind);
		FUZZ_CHECK(annot_find_entity(a, e->id) == (long)i, "duplicate id '%s'", e->id);
		FUZZ_CHECK(!e->affiliation || ref_ok(a, e->affiliation), "undefined affiliation '%s'", e->affiliation);
		for (size_t j = 0; j < e->naliases; j++)
			FUZZ_CHECK(e->aliases[j] != NULL, "alias %zu of '%s' is NULL", j, e->id);
		/* A name is one line of the screen: \t and \n read as spaces
		 * there (a quote keeps them, as the document's bytes). */
		FUZZ_CHECK(!strpbrk(e->name, "\t\n"), "a TAB or LF in the name of '%s'", e->id);
		for (size_t j = 0; j < e->naliases; j++)
			FUZZ_CHECK(!strpbrk(e->aliases[j], "\t\n"), "a TAB or LF in an alias of '%s'", e->id);
	}
	for (size_t i = 0; i < a->ncomparisons; i++) {
		const struct comparison *c = &a->comparisons[i];
		FUZZ_CHECK(c->nrows || c->nmeasures, "comparison '%s' is empty", c->id);
		FUZZ_CHECK(!c->by || ref_ok(a, c->by), "undefined 'by' '%s'", c->by);
		for (size_t j = 0; j < i; j++)
			FUZZ_CHECK(strcmp(a->comparisons[j].id, c->id) != 0, "duplicate comparison id '%s'", c->id);
		for (size_t j = 0; j < c->nrows; j++)
			FUZZ_CHECK(ref_ok(a, c->rows[j].party), "undefined row party '%s'", c->rows[j].party);
		for (size_t j = 0; j < c->nmeasures; j++) {
			FUZZ_CHECK(c->measures[j].nparties >= 1, "measure without parties");
			for (size_t k = 0; k < c->measures[j].nparties; k++)
				FUZZ_CHECK(ref_ok(a, c->measures[j].parties[k]), "undefined measure party '%s'",
					   c->measures[j].parties[k]);
		}
	}
}

static void check_quote(const struct quote *q, size_t from)
{
	if (!q->text)
		return;
	FUZZ_CHECK(q->len == strlen(q->text), "quote length %zu for a %zu-byte text", q->len, strlen(q->text));
	FUZZ_CHECK(q->line >= 1 && q->col >= 1, "quote at %d:%d", q->line, q->col);
	FUZZ_CHECK(q->end == q->start + q->len && q->end <= doc.len, "quote span [%zu, %zu) for %zu bytes",
		   q->start, q->end, q->len);
	FUZZ_CHECK(memcmp(doc.text + q->start, q->text, q->len) == 0, "quote span holds other text");
	FUZZ_CHECK(q->start >= from, "quote anchored at %zu before the body line %zu", q->start, from);
}

static void check_resolved(const struct annot *a)
{
	check_quote(&a->body, 0);
	size_t from = 0;
	if (a->body.text) {
		from = a->body.start;
		while (from && doc.text[from - 1] != '\n')
			from--;
	}
	for (size_t i = 0; i < META_COUNT; i++)
		check_quote(&a->meta[i], 0);
	for (size_t i = 0; i < a->nnotes; i++)
		check_quote(&a->notes[i].q, from);
	for (size_t i = 0; i < a->ncomparisons; i++) {
		const struct comparison *c = &a->comparisons[i];
		for (size_t j = 0; j < c->nrows; j++) {
			check_quote(&c->rows[j].current, from);
			check_quote(&c->rows[j].demand, from);
		}
		for (size_t j = 0; j < c->nmeasures; j++)
			check_quote(&c->measures[j].q, from);
	}

	/* The mentions of these actors in the document: in order, disjoint, each
	 * one of the actor's spellings. */
	struct mentions m;
	mentions_init(&m, a);
	mentions_scan(&m, doc.text, doc.len, 0, doc.len);
	for (size_t i = 0; i < m.n; i++) {
		const struct mention *mt = &m.v[i];
		FUZZ_CHECK(mt->start < mt->end && mt->end <= doc.len && mt->entity < a->nentities,
			   "mention %zu out of range", i);
		FUZZ_CHECK(i == 0 || mt->start >= m.v[i - 1].end, "mention %zu overlaps", i);
		const struct entity *e = &a->entities[mt->entity];
		size_t n = mt->end - mt->start;
		int same = strlen(e->name) == n && memcmp(e->name, doc.text + mt->start, n) == 0;
		for (size_t j = 0; !same && j < e->naliases; j++)
			same = strlen(e->aliases[j]) == n && memcmp(e->aliases[j], doc.text + mt->start, n) == 0;
		/* or a government's: a person of e's country, then "administration"
		 * ("Trump administration" is the US; mentions.h) */
		for (size_t p = 0; !same && p < a->nentities; p++)
			same = a->entities[p].affiliation && strcmp(a->entities[p].affiliation, e->id) == 0
			       && mentions_names_gov(a, doc.text, mt, p);
		FUZZ_CHECK(same, "mention %zu is no spelling of '%s'", i, e->id);
	}
	mentions_free(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	init_doc();
	char *text = fuzz_copy_exact(data, size);
	struct annot a;
	struct annot_error err;
	memset(&err, 0x55, sizeof err);
	int rc = annot_parse(&a, NAME, text, size, &err);
	if (rc) {
		FUZZ_CHECK(rc == BRIEF_EXIT_DATAERR, "annot_parse returned %d", rc);
		check_message(&err, "parse");
	} else {
		FUZZ_CHECK(a.name && strcmp(a.name, NAME) == 0, "annotation name");
		check_parsed(&a);
		memset(&err, 0x55, sizeof err);
		rc = annot_resolve(&a, &doc, &err);
		if (rc) {
			FUZZ_CHECK(rc == BRIEF_EXIT_DATAERR, "annot_resolve returned %d", rc);
			check_message(&err, "resolve");
			FUZZ_CHECK(strstr(err.msg, "quote not found") != NULL, "resolve error: %s", err.msg);
		} else {
			check_resolved(&a);
		}
	}
	annot_free(&a);
	annot_free(&a);     /* freeing twice is harmless: annot_free zeroes */
	free(text);
	return 0;
}
