/* Comparisons resolved against the text: each quoted value becomes a number
 * with its comparator, unit and source span, and gaps carry bounds through. */
#ifndef BRIEF_COMPARE_H
#define BRIEF_COMPARE_H

#include <stddef.h>

#include "brief/annot.h"
#include "brief/figures.h"

struct cmp_value {
	int present;                /* 0: the quote holds no number; none is invented */
	double value;               /* a range's low end */
	double high;                /* a range's high end ("2-3%"); == value otherwise */
	int range;
	enum fig_cmp cmp;
	const char *unit;           /* the figure's unit as found ("%", "% of GDP") */
	size_t start, end;          /* the figure's span in doc->text */
	size_t qstart, qend;        /* the quote's span (the source to show) */
	/* Additive (issue 17): what was not read as such in the text. */
	int derived;                /* a current level the text does not give,
	                               worked out from the demand and the text's
	                               multiplier ("quintuple": demand / 5):
	                               listed, never drawn; present stays 1 */
	double factor;              /* that multiplier (5), when derived */
	int unit_inherited;         /* the figure's own unit was bare ("2.3
	                               percent"); unit is its partner's ("% of
	                               GDP"), as the sentence implies */
};

struct cmp_row_model {
	long party;                 /* entity index, -1 when none is named */
	struct cmp_value current, demand;
	/* Additive (issues 17 and 19). */
	const struct cmp_row *src;  /* the row as written (hedges, target, why) */
	long by;                    /* who demands: the row's demander, else the
	                               comparison's by; entity index or -1 */
	int by_unknown;             /* the text names no one ("demander ?") */
	int by_inherited;           /* not named for this row: the one named
	                               before is taken */
};

struct cmp_measure_model {
	const struct measure *src;
	long *parties;              /* entity indices */
	size_t nparties;
	struct cmp_value v;         /* present only if the quote holds a figure */
};

struct cmp_model {
	const struct comparison *src;
	const char *unit;           /* declared unit, else the first value's */
	int mixed;                  /* rows in different units: list, do not chart */
	char *mixed_why;            /* the note saying why, when mixed */
	struct cmp_row_model *rows;
	size_t nrows;
	struct cmp_measure_model *measures;
	size_t nmeasures;
	struct figures figs;        /* owns the interned units the values point to */
};

/* A difference carried through bounds: "+1.5 pp or more" when the gap may
 * be 1.5 itself ("at most 2" against 3.5), "more than +1.5 pp" when it
 * cannot ("less than 2" against 3.5): a strict bound stays strict. */
enum gap_bound { GAP_EXACT, GAP_OR_MORE, GAP_OR_LESS, GAP_ABOUT, GAP_UNKNOWN,
		 GAP_MORE_THAN, GAP_LESS_THAN };

struct cmp_gap {
	double diff;                /* demand - current, in the unit; the least of
	                               them when either side is a range */
	double diff_hi;             /* the most of them; == diff unless range */
	int range;                  /* a side is a range: the gap is diff..diff_hi */
	double ratio;               /* demand / current; 0 when current is 0 or
	                               either side is a range */
	enum gap_bound bound;
};

void compare_build(struct cmp_model *out, const struct comparison *c,
		   const struct annot *a, const struct doc *d);
void compare_free(struct cmp_model *m);
/* Gap between current and demand of a row; returns 0 when either is absent
 * or the current level is derived (a gap of the text's own multiplier). */
int compare_gap(const struct cmp_row_model *r, struct cmp_gap *g);
/* "", "or more", "or less", "about", "bounds unknown", "more than", "less
 * than"; gap_bound_before() says whether the words go before the number
 * ("more than +1.5 pp") or after it ("+1.5 pp or more"). */
const char *gap_bound_words(enum gap_bound b);
int gap_bound_before(enum gap_bound b);
/* The factor a multiplier word says, from the first word of s[0, n):
 * "double" and "doubled" 2, "twice" 2, "triple" 3, "quadruple" 4,
 * "quintuple" 5, "tenfold" 10, "halve" 0.5, ...; 0 when it is none. */
double compare_multiplier(const char *s, size_t n);
/* The largest bound or value among the rows: the end of the shared axis. */
double compare_axis_max(const struct cmp_model *m);

#endif
