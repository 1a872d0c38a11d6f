/* libFuzzer target: mentions and figures, scanned whole and in slices.
 * The input is sanitised with doc_load_mem; a fixed annotation supplies the
 * actors (aliases such as "US", "South Korea", "Seoul's Foreign Ministry").
 * Invariants: mentions_scan over [0, len) and over line slices (one line at
 * a time, and in two halves split at a middle line) give identical mentions
 * and counts; the same holds for figures_scan; mentions and figures are in
 * order, disjoint and inside the text, each mention one of its actor's
 * spellings or a person's government ("Rubio administration", the US's),
 * each figure's number inside its phrase, and both spans of whole words
 * (word.h). */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/annot.h"
#include "brief/document.h"
#include "brief/figures.h"
#include "brief/mentions.h"
#include "brief/word.h"
#include "fuzz.h"

static const char annotation[] =
	"brief 1\n"
	"actor rubio person \"Marco Rubio\"\n"
	"  alias \"Rubio\"\n"
	"  affiliation us\n"
	"actor us country \"US\"\n"
	"  alias \"Washington\"\n"
	"  alias \"United States\"\n"
	"actor japan country \"Japan\"\n"
	"  alias \"Tokyo\"\n"
	"actor south-korea country \"South Korea\"\n"
	"  alias \"Seoul\"\n"
	"  alias \"ROK\"\n"
	"actor north-korea country \"North Korea\"\n"
	"actor korea place \"Korea\"\n"
	"actor seoul-fm organization \"Seoul's Foreign Ministry\"\n"
	"  alias \"Seoul\xE2\x80\x99s Foreign Ministry\"\n"
	"  affiliation south-korea\n"
	"actor lee person \"Lee Jae-myung\"\n"
	"  alias \"Lee\"\n"
	"actor osaka place \"\xC5\x8Csaka\"\n"
	"  alias \"Ca\xCC\x81" "fe\xCC\x81\"\n"
	"  alias \"\xE6\x9D\xB1\xE4\xBA\xAC\"\n";

static struct annot annot;
static int annot_ready;

static void init_annot(void)
{
	if (annot_ready)
		return;
	struct annot_error err;
	int rc = annot_parse(&annot, "fixed.brief", annotation, sizeof annotation - 1, &err);
	FUZZ_CHECK(rc == 0, "fixed annotation: %s", err.msg);
	annot_ready = 1;
}

static void scan_mentions(struct mentions *m, const struct doc *d, const size_t *cuts, size_t ncuts)
{
	mentions_init(m, &annot);
	for (size_t i = 0; i + 1 < ncuts; i++)
		mentions_scan(m, d->text, d->len, cuts[i], cuts[i + 1]);
}

static void scan_figures(struct figures *f, const struct doc *d, const size_t *cuts, size_t ncuts)
{
	figures_init(f);
	for (size_t i = 0; i + 1 < ncuts; i++)
		figures_scan(f, d->text, d->len, cuts[i], cuts[i + 1]);
}

static void same_mentions(const struct mentions *a, const struct mentions *b, const char *how)
{
	FUZZ_CHECK(a->n == b->n, "%s: %zu mentions whole, %zu sliced", how, a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		FUZZ_CHECK(a->v[i].start == b->v[i].start && a->v[i].end == b->v[i].end &&
			   a->v[i].entity == b->v[i].entity,
			   "%s: mention %zu is [%zu, %zu) #%u whole, [%zu, %zu) #%u sliced", how, i,
			   a->v[i].start, a->v[i].end, a->v[i].entity, b->v[i].start, b->v[i].end, b->v[i].entity);
	for (size_t e = 0; e < a->nentities; e++)
		FUZZ_CHECK(a->count[e] == b->count[e], "%s: entity %zu counted %zu whole, %zu sliced",
			   how, e, a->count[e], b->count[e]);
}

/* Equal, or both NaN (without ==, which -Wfloat-equal refuses). */
static int same_value(double x, double y)
{
	if (isnan(x) || isnan(y))
		return isnan(x) && isnan(y);
	return !(x < y) && !(x > y);
}

static void same_figures(const struct figures *a, const struct figures *b, const char *how)
{
	FUZZ_CHECK(a->n == b->n, "%s: %zu figures whole, %zu sliced", how, a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		const struct figure *x = &a->v[i], *y = &b->v[i];
		FUZZ_CHECK(x->start == y->start && x->end == y->end && x->num_start == y->num_start &&
			   x->num_end == y->num_end,
			   "%s: figure %zu is [%zu, %zu) whole, [%zu, %zu) sliced", how, i,
			   x->start, x->end, y->start, y->end);
		FUZZ_CHECK(x->kind == y->kind && x->cmp == y->cmp && same_value(x->value, y->value) &&
			   x->year == y->year && x->month == y->month && x->day == y->day && x->part == y->part,
			   "%s: figure %zu at %zu differs in kind, comparator, value or date", how, i, x->start);
		FUZZ_CHECK((x->unit == NULL) == (y->unit == NULL) && (!x->unit || strcmp(x->unit, y->unit) == 0),
			   "%s: figure %zu unit '%s' whole, '%s' sliced", how, i,
			   x->unit ? x->unit : "(null)", y->unit ? y->unit : "(null)");
	}
}

static int is_spelling(const struct entity *e, const uint8_t *p, size_t n)
{
	if (strlen(e->name) == n && memcmp(e->name, p, n) == 0)
		return 1;
	for (size_t j = 0; j < e->naliases; j++)
		if (strlen(e->aliases[j]) == n && memcmp(e->aliases[j], p, n) == 0)
			return 1;
	return 0;
}

static void check_order(const struct mentions *m, const struct figures *f, const struct doc *d)
{
	size_t total = 0;
	for (size_t i = 0; i < m->n; i++) {
		const struct mention *x = &m->v[i];
		FUZZ_CHECK(x->start < x->end && x->end <= d->len && x->entity < annot.nentities,
			   "mention %zu [%zu, %zu) out of range", i, x->start, x->end);
		FUZZ_CHECK(i == 0 || x->start >= m->v[i - 1].end, "mention %zu overlaps the one before", i);
		int gov = 0;
		for (size_t p = 0; p < annot.nentities && !gov; p++)
			gov = mentions_names_gov(&annot, d->text, x, p);
		FUZZ_CHECK(gov || is_spelling(&annot.entities[x->entity], d->text + x->start,
					      x->end - x->start),
			   "mention %zu is no spelling of its actor, nor a person's government", i);
		FUZZ_CHECK(mentions_at(m, x->start) <= i, "mentions_at(%zu) past mention %zu", x->start, i);
		FUZZ_CHECK(word_whole(d->text, 0, d->len, x->start, x->end),
			   "mention %zu [%zu, %zu) is not whole words", i, x->start, x->end);
	}
	for (size_t e = 0; e < m->nentities; e++)
		total += m->count[e];
	FUZZ_CHECK(total == m->n, "counts add up to %zu for %zu mentions", total, m->n);
	for (size_t i = 0; i < f->n; i++) {
		const struct figure *x = &f->v[i];
		FUZZ_CHECK(x->start < x->end && x->end <= d->len, "figure %zu [%zu, %zu) out of range",
			   i, x->start, x->end);
		FUZZ_CHECK(x->num_start >= x->start && x->num_end <= x->end && x->num_start <= x->num_end,
			   "figure %zu number [%zu, %zu) outside [%zu, %zu)", i, x->num_start, x->num_end,
			   x->start, x->end);
		FUZZ_CHECK(i == 0 || x->start >= f->v[i - 1].end, "figure %zu overlaps the one before", i);
		FUZZ_CHECK(word_whole(d->text, 0, d->len, x->start, x->end),
			   "figure %zu [%zu, %zu) is not whole words", i, x->start, x->end);
		FUZZ_CHECK((unsigned)x->kind < FIG_KIND_COUNT && (unsigned)x->cmp < FIG_CMP_COUNT,
			   "figure %zu kind %d cmp %d", i, (int)x->kind, (int)x->cmp);
		FUZZ_CHECK(memchr(d->text + x->start, '\n', x->end - x->start) == NULL,
			   "figure %zu spans a line end", i);
		FUZZ_CHECK(x->rule && *x->rule && x->cmp_words && x->unit,
			   "figure %zu has no rule, comparator wording or unit", i);
		FUZZ_CHECK(x->range || same_value(x->value, x->high),
			   "figure %zu is no range but its ends differ", i);
		char iso[24];
		fig_date_iso(x, iso, sizeof iso);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	init_annot();
	uint8_t *bytes = fuzz_copy_nul(data, size);
	struct doc d;
	doc_load_mem(&d, "fuzz", bytes, size);

	size_t whole[2] = { 0, d.len };
	size_t *lines = malloc((d.nlines + 1) * sizeof *lines);
	if (!lines)
		abort();
	for (size_t i = 0; i < d.nlines; i++)
		lines[i] = doc_line_start(&d, i);
	lines[d.nlines] = d.len;
	size_t nlines = d.nlines + 1;
	if (d.nlines == 0) {        /* "" has no lines: one empty slice */
		lines[0] = 0;
		nlines = 1;
	}
	size_t halves[3] = { 0, d.nlines ? doc_line_start(&d, d.nlines / 2) : 0, d.len };

	struct mentions mw, ml, mh;
	scan_mentions(&mw, &d, whole, 2);
	scan_mentions(&ml, &d, lines, nlines);
	scan_mentions(&mh, &d, halves, 3);
	check_order(&mw, &(struct figures){ 0 }, &d);
	same_mentions(&mw, &ml, "mentions by line");
	same_mentions(&mw, &mh, "mentions by halves");

	struct figures fw, fl, fh;
	scan_figures(&fw, &d, whole, 2);
	scan_figures(&fl, &d, lines, nlines);
	scan_figures(&fh, &d, halves, 3);
	check_order(&mw, &fw, &d);
	same_figures(&fw, &fl, "figures by line");
	same_figures(&fw, &fh, "figures by halves");

	mentions_free(&mw);
	mentions_free(&ml);
	mentions_free(&mh);
	figures_free(&fw);
	figures_free(&fl);
	figures_free(&fh);
	free(lines);
	doc_free(&d);
	free(bytes);
	return 0;
}
