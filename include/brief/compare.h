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
};

struct cmp_row_model {
	long party;                 /* entity index */
	struct cmp_value current, demand;
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

/* A difference carried through bounds: "+1.5 pp or more". */
enum gap_bound { GAP_EXACT, GAP_OR_MORE, GAP_OR_LESS, GAP_ABOUT, GAP_UNKNOWN };

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
/* Gap between current and demand of a row; returns 0 when either is absent. */
int compare_gap(const struct cmp_row_model *r, struct cmp_gap *g);
const char *gap_bound_words(enum gap_bound b);   /* "", "or more", ... */
/* The largest bound or value among the rows: the end of the shared axis. */
double compare_axis_max(const struct cmp_model *m);

#endif
