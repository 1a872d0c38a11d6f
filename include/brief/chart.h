/* Comparison charts as text: one shared axis per comparison, bounds drawn
 * open, gaps carried through; or a list where units differ or space is short.
 * Pure: used by --dump and by the comparison pane alike. */
#ifndef BRIEF_CHART_H
#define BRIEF_CHART_H

#include <stddef.h>

#include "brief/annot.h"
#include "brief/compare.h"
#include "brief/util.h"

/* What a chart line shows, so the pane can style and select it. */
enum chart_item { CHART_TITLE, CHART_CURRENT, CHART_DEMAND, CHART_GAP, CHART_NOTE,
		  CHART_MEASURE, CHART_BLANK };

struct chart_line {
	enum chart_item item;
	size_t row;                 /* row or measure index it belongs to */
	size_t text;                /* offset of its text in the chart buffer */
	size_t bar, bar_end;        /* byte range of the bar within the text, or 0,0 */
	size_t qstart, qend;        /* source span in the document to jump to */
	int cont;                   /* continues the line above (wrapped) */
};

struct chart {
	struct buf text;            /* lines, each NUL terminated */
	struct chart_line *v;
	size_t n, cap;
};

/* Lay out comparison m in `width` columns.  ascii: '#', '=', '-' instead of
 * block characters.  Narrow widths give the list form. */
void chart_build(struct chart *c, const struct cmp_model *m, const struct annot *a,
		 int width, int ascii);
void chart_free(struct chart *c);
/* Bar length in cells of value on an axis of max over cells: monotonic, so
 * a smaller value never gets a longer bar. */
int chart_bar_cells(double value, double max, int cells);
/* "2.3", "<2.0", "≥4.0bn": value with its comparator (">=" when ascii). */
void chart_format_value(struct buf *b, const struct cmp_value *v, int ascii);
/* "+1.5 pp or more, ×1.75 or more" */
void chart_format_gap(struct buf *b, const struct cmp_gap *g, const char *unit, int ascii);

#endif
