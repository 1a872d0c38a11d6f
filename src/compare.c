/* Resolves comparison rows to numbers and works out the gaps between them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/compare.h"
#include "brief/document.h"
#include "brief/util.h"

/* The figure inside a quote: scan the whole lines around it so lookbehind for
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
				ref_who = a->entities[m->rows[i].party].name;
				continue;
			}
			if (!same_base_unit(ref, v->unit)) {
				struct buf b = { 0 };
				buf_printf(&b, "Not charted: units differ (%s for %s, %s for %s).",
					   ref, ref_who, v->unit, a->entities[m->rows[i].party].name);
				m->mixed = 1;
				m->mixed_why = b.data;
				return;
			}
		}
	}
	m->unit = ref;
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
		r->party = annot_find_entity(a, c->rows[i].party);
		resolve_value(&r->current, &out->figs, &c->rows[i].current, d);
		resolve_value(&r->demand, &out->figs, &c->rows[i].demand, d);
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
	case FIG_LE:
		/* A smaller current makes the gap larger. */
		return is_current ? GAP_OR_MORE : GAP_OR_LESS;
	case FIG_GT:
	case FIG_GE:
		return is_current ? GAP_OR_LESS : GAP_OR_MORE;
	default:
		return GAP_UNKNOWN;
	}
}

static enum gap_bound combine(enum gap_bound a, enum gap_bound b)
{
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
	if (!r->current.present || !r->demand.present)
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
	};
	return b <= GAP_UNKNOWN ? words[b] : "";
}

double compare_axis_max(const struct cmp_model *m)
{
	double max = 0;
	for (size_t i = 0; i < m->nrows; i++) {
		const struct cmp_value *v[2] = { &m->rows[i].current, &m->rows[i].demand };
		for (int k = 0; k < 2; k++) {
			double top = v[k]->range ? v[k]->high : v[k]->value;
			if (v[k]->present && top > max)
				max = top;
		}
	}
	return max;
}
