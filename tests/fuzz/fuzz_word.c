/* libFuzzer target: word.c, and a quote, a mention and a figure on its
 * boundaries.  The input is sanitised with doc_load_mem (valid UTF-8, as
 * every scanner sees it); its first line is a token, the whole of it the
 * text.  Invariants:
 * - word_boundary() at every offset is word_breaks() over the whole text,
 *   and over each line judged alone (a line end is a boundary either way);
 * - word_class_before() and word_class_at() agree with word_class() of the
 *   code point there, marks skipped before;
 * - the token as an annotation quote anchors where the first mention of an
 *   actor of that name starts, both whole words, or neither is found;
 * - every figure starts and ends on word boundaries.
 * The raw input is also run through word_breaks() and word_boundary() as it
 * is, invalid bytes and all, for crashes and reads out of bounds. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "brief/annot.h"
#include "brief/document.h"
#include "brief/figures.h"
#include "brief/mentions.h"
#include "brief/word.h"
#include "fuzz.h"

static void check_lines(const struct doc *d, const char *p)
{
	const uint8_t *t = d->text;
	for (size_t i = 0; i < d->len; i++)
		FUZZ_CHECK((p[i] != 0) == (word_boundary(t, 0, d->len, i) != 0),
			   "offset %zu: word_boundary %d, word_breaks %d", i,
			   word_boundary(t, 0, d->len, i), p[i]);
	/* Each line alone: the same boundaries inside it. */
	for (size_t l = 0; l < d->nlines; l++) {
		size_t lo = doc_line_start(d, l), hi = l + 1 < d->nlines ? doc_line_start(d, l + 1) : d->len;
		for (size_t i = lo + 1; i < hi; i++)
			FUZZ_CHECK((p[i] != 0) == (word_boundary(t, lo, hi, i) != 0),
				   "offset %zu in line [%zu, %zu): %d alone, %d in the text", i, lo, hi,
				   word_boundary(t, lo, hi, i), p[i]);
	}
}

static void check_classes(const struct doc *d)
{
	const uint8_t *t = d->text;
	enum word_class last = WORD_NONE;   /* of the last character no mark */
	for (size_t i = 0; i < d->len;) {
		ucs4_t cp;
		int n = u8_mbtouc(&cp, t + i, d->len - i);
		FUZZ_CHECK(n > 0, "sanitised text invalid at %zu", i);
		enum word_class k = word_class(cp);
		FUZZ_CHECK(word_class_at(t, d->len, i) == k, "word_class_at(%zu) is not U+%04X's", i,
			   (unsigned)cp);
		if (k != WORD_MARK || last == WORD_NONE)
			last = k;
		i += (size_t)n;
		FUZZ_CHECK(word_class_before(t, 0, i) == last, "word_class_before(%zu) %d, expected %d",
			   i, (int)word_class_before(t, 0, i), (int)last);
	}
}

/* The first line of the text as a quote and as an actor's name. */
static void check_token(const struct doc *d)
{
	size_t n = d->nlines ? doc_line_end(d, 0) : 0;
	if (n == 0 || n > 200)
		return;
	char *tok = malloc(n + 1);
	if (!tok)
		abort();
	memcpy(tok, d->text, n);
	tok[n] = '\0';

	struct entity e;
	memset(&e, 0, sizeof e);
	e.id = (char *)(uintptr_t)"x";
	e.name = tok;
	struct figure_note note;
	memset(&note, 0, sizeof note);
	note.q.text = tok;
	note.q.len = n;
	note.q.line = 1;
	note.q.col = 1;
	struct annot a;
	memset(&a, 0, sizeof a);
	a.entities = &e;
	a.nentities = 1;
	a.notes = &note;
	a.nnotes = 1;

	struct mentions m;
	mentions_init(&m, &a);
	mentions_scan(&m, d->text, d->len, 0, d->len);
	int found = annot_resolve(&a, d, NULL) == 0;
	if (found) {
		FUZZ_CHECK(word_whole(d->text, 0, d->len, note.q.start, note.q.end),
			   "quote [%zu, %zu) is not whole words", note.q.start, note.q.end);
		FUZZ_CHECK(m.n > 0 && m.v[0].start == note.q.start,
			   "quote at %zu, first mention at %zu (%zu mentions)", note.q.start,
			   m.n ? m.v[0].start : (size_t)-1, m.n);
	} else {
		FUZZ_CHECK(m.n == 0, "no quote, %zu mentions (first at %zu)", m.n, m.v[0].start);
	}
	for (size_t i = 0; i < m.n; i++)
		FUZZ_CHECK(word_whole(d->text, 0, d->len, m.v[i].start, m.v[i].end),
			   "mention [%zu, %zu) is not whole words", m.v[i].start, m.v[i].end);
	mentions_free(&m);
	free(tok);
}

static void check_figures(const struct doc *d)
{
	struct figures f;
	figures_init(&f);
	figures_scan(&f, d->text, d->len, 0, d->len);
	for (size_t i = 0; i < f.n; i++)
		FUZZ_CHECK(word_whole(d->text, 0, d->len, f.v[i].start, f.v[i].end),
			   "figure [%zu, %zu) is not whole words", f.v[i].start, f.v[i].end);
	figures_free(&f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* As it comes: any bytes, only bounds checked (ASan). */
	char *raw = fuzz_copy_exact(data, size);
	char *rp = malloc(size ? size : 1);
	if (!rp)
		abort();
	word_breaks((const uint8_t *)raw, size, rp);
	for (size_t i = 0; i <= size; i++) {
		word_boundary((const uint8_t *)raw, 0, size, i);
		word_class_before((const uint8_t *)raw, 0, i);
		word_class_at((const uint8_t *)raw, size, i);
	}
	free(rp);
	free(raw);

	uint8_t *bytes = fuzz_copy_nul(data, size);
	struct doc d;
	doc_load_mem(&d, "fuzz", bytes, size);
	char *p = malloc(d.len ? d.len : 1);
	if (!p)
		abort();
	word_breaks(d.text, d.len, p);
	check_lines(&d, p);
	check_classes(&d);
	check_token(&d);
	check_figures(&d);
	free(p);
	doc_free(&d);
	free(bytes);
	return 0;
}
