/* Resolves comparison rows to numbers and works out the gaps between them. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/compare.h"
#include "brief/document.h"
#include "brief/util.h"

/* How far around a quote its lines are scanned. */
#define CMP_WINDOW 256

/* An edge of the scan around a quote at q (its start with dir -1, its end
 * with dir 1), no further than lim (the line's edge): lim itself when it
 * is within CMP_WINDOW bytes; else CMP_WINDOW bytes out, moved on to a
 * space within another CMP_WINDOW bytes so no number is cut, or at least
 * to a character's start. */
static size_t cmp_window_edge(const uint8_t *t, size_t lim, size_t q, int dir)
{
	if (dir < 0 ? q - lim <= CMP_WINDOW : lim - q <= CMP_WINDOW)
		return lim;
	size_t at = dir < 0 ? q - CMP_WINDOW : q + CMP_WINDOW;
	for (size_t n = 0; n < CMP_WINDOW && at != lim; n++) {
		if (dir < 0 ? t[at - 1] == ' ' : t[at] == ' ')
			return at;
		at = dir < 0 ? at - 1 : at + 1;
	}
	if (at == lim)
		return lim;
	while ((t[at] & 0xC0) == 0x80 && at != lim)
		at = dir < 0 ? at - 1 : at + 1;
	return at;
}

/* The figure inside a quote: scan the lines around it so lookbehind for
 * comparators sees what the detector expects, then keep the first figure
 * wholly inside the quote. */
static void resolve_value(struct cmp_value *v, struct figures *figs,
			  const struct quote *q, const struct doc *d)
{
	memset(v, 0, sizeof *v);
	if (!q->text || q->end <= q->start)
		return;
	v->qstart = q->start;
	v->qend = q->end;
	size_t l0 = doc_line_at(d, q->start), l1 = doc_line_at(d, q->end - 1);
	size_t from = doc_line_start(d, l0);
	/* Not d->len: a lazily opened document is unchecked bytes past ready,
	 * and its last indexed line ends there. */
	size_t to = l1 + 1 < d->nlines ? doc_line_start(d, l1 + 1) : d->ready;
	/* Lookbehind needs a few words, not the whole line: a text of one
	 * line holding thousands of rows scanned all of it for each value,
	 * time and figures kept growing with rows times line. */
	from = cmp_window_edge(d->text, from, q->start, -1);
	to = cmp_window_edge(d->text, to, q->end, 1);
	size_t first = figs->n;
	figures_scan(figs, d->text, d->len, from, to);
	for (size_t i = first; i < figs->n; i++) {
		const struct figure *f = &figs->v[i];
		if (f->start >= q->start && f->end <= q->end && f->kind != FIG_DATE) {
			v->present = 1;
			v->value = f->value;
			v->high = f->high;
			v->range = f->range;
			v->cmp = f->cmp;
			v->unit = f->unit;
			v->start = f->start;
			v->end = f->end;
			return;
		}
	}
}

/* "%" and "% of GDP" measure the same thing; "%" and "USD" do not. */
static int same_base_unit(const char *a, const char *b)
{
	size_t la = strcspn(a, " "), lb = strcspn(b, " ");
	return la == lb && memcmp(a, b, la) == 0;
}

/* A row's party as the note names it; "?" when none is named. */
static const char *party_of(const struct annot *a, long i)
{
	return i >= 0 && (size_t)i < a->nentities ? a->entities[i].name : "?";
}

static void check_units(struct cmp_model *m, const struct annot *a)
{
	const char *ref = m->src->unit;
	const char *ref_who = "the comparison";
	for (size_t i = 0; i < m->nrows; i++) {
		const struct cmp_value *vals[2] = { &m->rows[i].current, &m->rows[i].demand };
		for (int k = 0; k < 2; k++) {
			const struct cmp_value *v = vals[k];
			if (!v->present)
				continue;
			if (!ref) {
				ref = v->unit;
				ref_who = party_of(a, m->rows[i].party);
				continue;
			}
			if (!same_base_unit(ref, v->unit)) {
				struct buf b = { 0 };
				buf_printf(&b, "Not charted: units differ (%s for %s, %s for %s).",
					   ref, ref_who, v->unit, party_of(a, m->rows[i].party));
				m->mixed = 1;
				m->mixed_why = b.data;
				return;
			}
		}
	}
	m->unit = ref;
}

double compare_multiplier(const char *s, size_t n)
{
	static const struct {
		const char *stem;
		double factor;
	} words[] = {
		/* Stems: "double", "doubled", "doubling", "doubles". */
		{ "doubl", 2 }, { "twice", 2 }, { "tripl", 3 }, { "trebl", 3 },
		{ "quadrupl", 4 }, { "quintupl", 5 }, { "sextupl", 6 }, { "tenfold", 10 },
		{ "halv", 0.5 }, { "half", 0.5 },
	};
	size_t w = 0;
	while (w < n && ((s[w] >= 'a' && s[w] <= 'z') || (s[w] >= 'A' && s[w] <= 'Z')))
		w++;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t l = strlen(words[i].stem);
		if (w < l)
			continue;
		size_t k;
		for (k = 0; k < l && (s[k] | 0x20) == words[i].stem[k]; k++)
			;
		if (k == l)
			return words[i].factor;
	}
	return 0;
}

/* A current level the text does not give: the demand over the text's
 * multiplier ("quintuple its contribution to $5 billion": $1 billion),
 * marked derived so it is listed and never drawn. */
static void derive_current(struct cmp_value *cur, const struct cmp_value *dem,
			   const struct quote *q)
{
	double f = q->text ? compare_multiplier(q->text, q->len) : 0;
	size_t qs = q->start, qe = q->end;
	memset(cur, 0, sizeof *cur);
	cur->qstart = cur->start = qs;
	cur->qend = cur->end = qe;
	if (!(f > 0) || !dem->present)
		return;
	cur->present = 1;
	cur->derived = 1;
	cur->factor = f;
	cur->value = dem->value / f;
	cur->high = dem->high / f;
	cur->range = dem->range;
	cur->cmp = dem->cmp == FIG_APPROX ? FIG_APPROX : FIG_EQ;
	cur->unit = dem->unit;
}

/* "from 1.6 percent of GDP to 3.5 percent": a bare unit takes the fuller one
 * of its partner in the row ("%" -> "% of GDP"), marked inherited.  Only
 * when the comparison declares no unit: a declared one is the author's. */
static void inherit_unit(struct cmp_value *a, const struct cmp_value *b)
{
	if (!a->present || !b->present || !a->unit || !b->unit || a->derived)
		return;
	size_t la = strlen(a->unit);
	if (strchr(a->unit, ' ') || strncmp(a->unit, b->unit, la) != 0 || b->unit[la] != ' ')
		return;
	a->unit = b->unit;
	a->unit_inherited = 1;
}

void compare_build(struct cmp_model *out, const struct comparison *c,
		   const struct annot *a, const struct doc *d)
{
	memset(out, 0, sizeof *out);
	out->src = c;
	figures_init(&out->figs);
	out->rows = xcalloc(c->nrows ? c->nrows : 1, sizeof *out->rows);
	out->nrows = c->nrows;
	for (size_t i = 0; i < c->nrows; i++) {
		struct cmp_row_model *r = &out->rows[i];
		const struct cmp_row *src = &c->rows[i];
		r->src = src;
		r->party = annot_find_entity(a, src->party);
		resolve_value(&r->demand, &out->figs, &src->demand, d);
		if (src->derived)
			derive_current(&r->current, &r->demand, &src->current);
		else
			resolve_value(&r->current, &out->figs, &src->current, d);
		if (!c->unit) {
			inherit_unit(&r->current, &r->demand);
			inherit_unit(&r->demand, &r->current);
		}
		r->by_unknown = src->demander_unknown;
		r->by_inherited = src->demander_inherited;
		r->by = src->demander_unknown ? -1
			: annot_find_entity(a, src->demander ? src->demander : c->by);
	}
	out->measures = xcalloc(c->nmeasures ? c->nmeasures : 1, sizeof *out->measures);
	out->nmeasures = c->nmeasures;
	for (size_t i = 0; i < c->nmeasures; i++) {
		struct cmp_measure_model *mm = &out->measures[i];
		mm->src = &c->measures[i];
		mm->nparties = c->measures[i].nparties;
		mm->parties = xcalloc(mm->nparties ? mm->nparties : 1, sizeof *mm->parties);
		for (size_t k = 0; k < mm->nparties; k++)
			mm->parties[k] = annot_find_entity(a, c->measures[i].parties[k]);
		resolve_value(&mm->v, &out->figs, &c->measures[i].q, d);
	}
	check_units(out, a);
}

void compare_free(struct cmp_model *m)
{
	for (size_t i = 0; i < m->nmeasures; i++)
		free(m->measures[i].parties);
	free(m->measures);
	free(m->rows);
	free(m->mixed_why);
	figures_free(&m->figs);
	memset(m, 0, sizeof *m);
}

/* Which way a bound on one side pushes the difference demand - current. */
static enum gap_bound side_bound(enum fig_cmp c, int is_current)
{
	switch (c) {
	case FIG_EQ:
		return GAP_EXACT;
	case FIG_APPROX:
		return GAP_ABOUT;
	case FIG_LT:
		/* A smaller current makes the gap larger; strictly, for a strict
		 * bound: "less than 2" against 3.5 is more than 1.5. */
		return is_current ? GAP_MORE_THAN : GAP_LESS_THAN;
	case FIG_LE:
		return is_current ? GAP_OR_MORE : GAP_OR_LESS;
	case FIG_GT:
		return is_current ? GAP_LESS_THAN : GAP_MORE_THAN;
	case FIG_GE:
		return is_current ? GAP_OR_LESS : GAP_OR_MORE;
	default:
		return GAP_UNKNOWN;
	}
}

/* The direction a bound pushes: 1 up, -1 down, 0 none (exact, about). */
static int bound_dir(enum gap_bound b)
{
	switch (b) {
	case GAP_OR_MORE:
	case GAP_MORE_THAN:
		return 1;
	case GAP_OR_LESS:
	case GAP_LESS_THAN:
		return -1;
	default:
		return 0;
	}
}

static enum gap_bound combine(enum gap_bound a, enum gap_bound b)
{
	int da = bound_dir(a), db = bound_dir(b);
	if (a == GAP_UNKNOWN || b == GAP_UNKNOWN)
		return GAP_UNKNOWN;
	if (da && db) {
		if (da != db)
			return GAP_UNKNOWN;     /* bounds pulling both ways say nothing */
		/* Either strict makes the sum strict. */
		if (a == GAP_MORE_THAN || b == GAP_MORE_THAN)
			return GAP_MORE_THAN;
		if (a == GAP_LESS_THAN || b == GAP_LESS_THAN)
			return GAP_LESS_THAN;
		return a;
	}
	if (a == GAP_EXACT)
		return b;
	if (b == GAP_EXACT || a == b)
		return a;
	if (a == GAP_ABOUT)
		return b == GAP_ABOUT ? GAP_ABOUT : b;
	if (b == GAP_ABOUT)
		return a;
	return GAP_UNKNOWN;          /* bounds pulling both ways say nothing */
}

int compare_gap(const struct cmp_row_model *r, struct cmp_gap *g)
{
	memset(g, 0, sizeof *g);
	if (!r->current.present || !r->demand.present || r->current.derived)
		return 0;
	g->diff = r->demand.value - r->current.value;
	g->diff_hi = g->diff;
	g->ratio = r->current.value > 0 ? r->demand.value / r->current.value : 0;
	g->bound = combine(side_bound(r->current.cmp, 1), side_bound(r->demand.cmp, 0));
	if (r->current.range || r->demand.range) {
		/* "2-3%" against 5%: the gap is 2 to 3 pp, not one number. */
		g->range = 1;
		g->diff = r->demand.value - r->current.high;
		g->diff_hi = r->demand.high - r->current.value;
		g->ratio = 0;
	}
	return 1;
}

const char *gap_bound_words(enum gap_bound b)
{
	static const char *const words[] = {
		[GAP_EXACT] = "", [GAP_OR_MORE] = "or more", [GAP_OR_LESS] = "or less",
		[GAP_ABOUT] = "about", [GAP_UNKNOWN] = "bounds unknown",
		[GAP_MORE_THAN] = "more than", [GAP_LESS_THAN] = "less than",
	};
	return b <= GAP_LESS_THAN ? words[b] : "";
}

int gap_bound_before(enum gap_bound b)
{
	return b == GAP_ABOUT || b == GAP_MORE_THAN || b == GAP_LESS_THAN;
}

double compare_axis_max(const struct cmp_model *m)
{
	double max = 0;
	for (size_t i = 0; i < m->nrows; i++) {
		const struct cmp_value *v[2] = { &m->rows[i].current, &m->rows[i].demand };
		for (int k = 0; k < 2; k++) {
			double top = v[k]->range ? v[k]->high : v[k]->value;
			/* A derived value is never drawn, so it sets no axis. */
			if (v[k]->present && !v[k]->derived && top > max)
				max = top;
		}
	}
	return max;
}
