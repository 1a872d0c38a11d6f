/* Draws comparisons as text bars on one shared axis, or as a list. */
#include "config.h"

#include <math.h>     /* fabs, isfinite: builtins, no libm */
#include <stdlib.h>
#include <string.h>

#include "brief/chart.h"
#include "brief/layout.h"

/* Glyphs, Unicode and ASCII: current and demand differ by glyph so they stay
 * apart on a colourless terminal; a bound is shaded and left open. */
struct glyphs {
	const char *current, *demand, *below, *open, *times, *arrow;
};
static const struct glyphs uni = { "▓", "█", "░", "▸", "×", "→" };
static const struct glyphs asc = { "=", "#", "-", ">", "x", "->" };


int chart_bar_cells(double value, double max, int cells)
{
	if (!(max > 0) || !(value > 0) || cells <= 0)
		return 0;
	double r = value / max;
	/* Not "r > 1": both infinite (a number of hundreds of digits), r is
	 * NaN, and converting NaN to int is undefined. */
	if (!(r <= 1))
		r = 1;
	/* Rounding is monotonic, so a smaller value never gets a longer bar;
	 * a positive value always gets at least one cell so it is seen. */
	int n = (int)(r * cells + 0.5);   /* r * cells >= 0: lround, without libm */
	return n < 1 ? 1 : n;
}

static int is_percent_unit(const char *unit)
{
	return unit && unit[0] == '%';
}

/* One decimal, large values scaled: 2.3, 1.5bn, +2.5bn.  A number of
 * hundreds of digits reads as infinity: "inf", not scaled to "inftn". */
static void format_number(struct buf *b, double v, int sign)
{
	static const struct {
		double scale;
		const char *suffix;
	} scales[] = { { 1e12, "tn" }, { 1e9, "bn" }, { 1e6, "m" } };
	for (size_t i = 0; isfinite(v) && i < sizeof scales / sizeof scales[0]; i++) {
		if (fabs(v) >= scales[i].scale) {
			buf_printf(b, sign ? "%+.1f%s" : "%.1f%s", v / scales[i].scale,
				   scales[i].suffix);
			return;
		}
	}
	buf_printf(b, sign ? "%+.1f" : "%.1f", v);
}

static const char *cmp_glyph(enum fig_cmp c, int ascii)
{
	if (ascii)
		return fig_cmp_symbol(c);
	switch (c) {
	case FIG_LE:
		return "≤";
	case FIG_GE:
		return "≥";
	case FIG_APPROX:
		return "≈";
	default:
		return fig_cmp_symbol(c);
	}
}

void chart_format_value(struct buf *b, const struct cmp_value *v, int ascii)
{
	if (!v->present) {
		buf_adds(b, "n/a");
		return;
	}
	buf_adds(b, cmp_glyph(v->cmp, ascii));
	format_number(b, v->value, 0);
	if (v->range) {
		buf_adds(b, ascii ? "-" : "\u2013");
		format_number(b, v->high, 0);
	}
}

void chart_format_gap(struct buf *b, const struct cmp_gap *g, const char *unit, int ascii)
{
	/* "about", "more than", "less than" go before the number, as a reader
	 * says them; "or more", "or less" after it. */
	const char *words = gap_bound_words(g->bound);
	int before = gap_bound_before(g->bound);
	int tail = *words && !before;
	if (before)
		buf_printf(b, "%s ", words);
	format_number(b, g->diff, 1);
	if (g->range) {
		buf_adds(b, " to ");
		format_number(b, g->diff_hi, 1);
	}
	buf_printf(b, " %s%s%s", is_percent_unit(unit) ? "pp" : (unit ? unit : ""),
		   tail ? " " : "", tail ? words : "");
	if (g->ratio > 0)
		buf_printf(b, ", %s%s%s%.2f%s%s", before ? words : "", before ? " " : "",
			   ascii ? asc.times : uni.times, g->ratio, tail ? " " : "",
			   tail ? words : "");
}

/* A value as a chart line shows it: chart_format_value(), and "*" after
 * a value whose unit the text gave only for its partner. */
static void format_value_marked(struct buf *b, const struct cmp_value *v, int ascii)
{
	chart_format_value(b, v, ascii);
	if (v->present && v->unit_inherited)
		buf_addc(b, '*');
}

static struct chart_line *add_line(struct chart *c, enum chart_item item, size_t row)
{
	c->v = xgrowarray(c->v, &c->cap, c->n + 1, sizeof *c->v);
	struct chart_line *l = &c->v[c->n++];
	memset(l, 0, sizeof *l);
	l->item = item;
	l->row = row;
	l->text = c->text.len;
	return l;
}

static void end_line(struct chart *c)
{
	buf_addc(&c->text, '\0');
}

static void pad_to(struct buf *b, size_t line_start, int col)
{
	int w = layout_width((const uint8_t *)b->data, line_start, b->len);
	while (w++ < col)
		buf_addc(b, ' ');
}

static void repeat(struct buf *b, const char *g, int n)
{
	for (int i = 0; i < n; i++)
		buf_adds(b, g);
}

/* One bar: solid to an exact value; shaded to an upper bound ("less than 2":
 * the value is somewhere below, so no solid end); solid then an open arrow
 * for a lower bound ("at least 4"); solid to a range's low end, shaded to
 * its high end. */
static void bar(struct chart *c, struct chart_line *l, const struct cmp_value *v,
		double max, int cells, const char *solid, const struct glyphs *g)
{
	struct buf *b = &c->text;
	l->bar = b->len - l->text;
	int n = chart_bar_cells(v->value, max, cells);
	if (v->range) {
		/* Solid to the low end, shaded to the high: the value lies
		 * somewhere between. */
		repeat(b, solid, n);
		repeat(b, g->below, chart_bar_cells(v->high, max, cells) - n);
		l->bar_end = b->len - l->text;
		return;
	}
	switch (v->cmp) {
	case FIG_LT:
	case FIG_LE:
		/* Shaded, with no solid end: the value lies somewhere below. */
		repeat(b, g->below, n);
		break;
	case FIG_GT:
	case FIG_GE:
		repeat(b, solid, n);
		buf_adds(b, g->open);
		break;
	default:
		repeat(b, solid, n);
		break;
	}
	l->bar_end = b->len - l->text;
}

static const char *party_name(const struct annot *a, long i)
{
	return i >= 0 && (size_t)i < a->nentities ? a->entities[i].name : "?";
}

/* The label of a row's line: "current ", "demand  " or "target  ". */
static const char *label(enum chart_item item, const struct cmp_row_model *r)
{
	if (item == CHART_CURRENT)
		return "current ";
	return r->src && r->src->target ? "target  " : "demand  ";
}

/* "derived: the demand / 5": what a derived value is, in place of a bar. */
static void derived_words(struct buf *b, const struct cmp_value *v, int ascii)
{
	buf_adds(b, "derived: the demand ");
	if (v->factor >= 1) {
		buf_adds(b, ascii ? "/ " : "÷ ");
		buf_printf(b, "%g", v->factor);
	} else {
		buf_adds(b, ascii ? "x " : "× ");
		buf_printf(b, "%g", v->factor > 0 ? 1 / v->factor : 0);
	}
	buf_adds(b, ", not in the text");
}

static void value_line(struct chart *c, enum chart_item item, size_t row, const char *who,
		       const struct cmp_row_model *r, const struct cmp_value *v, int name_w,
		       int value_w, double max, int cells, const struct glyphs *g,
		       const char *note)
{
	struct chart_line *l = add_line(c, item, row);
	l->qstart = v->qstart;
	l->qend = v->qend;
	struct buf *b = &c->text;
	buf_printf(b, "%s", who);
	pad_to(b, l->text, name_w);
	buf_adds(b, label(item, r));
	size_t vs = b->len;
	format_value_marked(b, v, g == &asc);
	int vw = layout_width((const uint8_t *)b->data, vs, b->len);
	for (int i = vw; i < value_w; i++)
		buf_addc(b, ' ');
	buf_addc(b, ' ');
	/* A value the text does not give is never drawn as if it did. */
	if (v->present && v->derived)
		derived_words(b, v, g == &asc);
	else if (v->present)
		bar(c, l, v, max, cells, item == CHART_CURRENT ? g->current : g->demand, g);
	if (note && *note) {
		/* After the longest bar, so the notes stand in one column. */
		pad_to(b, l->text, name_w + 8 + value_w + 1 + cells + 1);
		buf_adds(b, note);
	}
	end_line(c);
}

/* What the text says of who asks, and how surely: "reportedly", "has
 * been asked; by US, inherited", "by ?".  The title's demander (title_by)
 * is not repeated.  Empty when there is nothing to say. */
static void row_note(struct buf *b, const struct annot *a, const struct cmp_row_model *r,
		     long title_by)
{
	const struct cmp_row *src = r->src;
	/* A hedge is a quote, the document's bytes: a TAB (or LF) in it is a
	 * space in this one line, as in any one-line string of the format;
	 * at a tab stop it would move with the note's column. */
	for (size_t h = 0; src && h < src->nhedges; h++) {
		buf_adds(b, h ? ", " : "");
		const char *t = src->hedges[h].text;
		buf_add_line(b, t ? t : "", t ? strlen(t) : 0);
	}
	/* "by US?": the text names no one for this row; the demander named
	 * before is taken (the footnote says so). */
	const char *sep = b->len ? ", " : "";
	if (r->by_unknown)
		buf_printf(b, "%sby ?", sep);
	else if (r->by >= 0 && r->by_inherited)
		buf_printf(b, "%sby %s?", sep, party_name(a, r->by));
	else if (r->by >= 0 && r->by != title_by)
		buf_printf(b, "%sby %s", sep, party_name(a, r->by));
}

static void note_line(struct chart *c, size_t row, const struct cmp_row_model *r,
		      const struct annot *a, long title_by, int indent)
{
	struct buf nb = { 0 };
	row_note(&nb, a, r, title_by);
	if (nb.len) {
		struct chart_line *l = add_line(c, CHART_NOTE, row);
		l->qstart = r->demand.qstart;
		l->qend = r->demand.qend;
		for (int i = 0; i < indent; i++)
			buf_addc(&c->text, ' ');
		buf_add(&c->text, nb.data, nb.len);
		end_line(c);
	}
	buf_free(&nb);
}

static void list_form(struct chart *c, const struct cmp_model *m, const struct annot *a,
		      const struct glyphs *g, int ascii, long title_by)
{
	for (size_t i = 0; i < m->nrows; i++) {
		const struct cmp_row_model *r = &m->rows[i];
		struct chart_line *l = add_line(c, CHART_CURRENT, i);
		l->qstart = r->current.qstart;
		l->qend = r->current.qend;
		struct buf *b = &c->text;
		buf_printf(b, "%s: ", party_name(a, r->party));
		format_value_marked(b, &r->current, ascii);
		if (r->current.present && r->current.derived)
			buf_adds(b, " (derived)");
		buf_printf(b, " %s ", g->arrow);
		format_value_marked(b, &r->demand, ascii);
		const char *unit = r->demand.present ? r->demand.unit : m->unit;
		if (m->unit && !m->mixed)
			unit = m->unit;
		if (unit)
			buf_printf(b, " %s", unit);
		struct cmp_gap gap;
		if (!m->mixed && compare_gap(r, &gap)) {
			buf_adds(b, " (");
			chart_format_gap(b, &gap, m->unit, ascii);
			buf_adds(b, ")");
		}
		if (r->src && r->src->target)
			buf_adds(b, " target");
		end_line(c);
		note_line(c, i, r, a, title_by, 2);
	}
}

/* Lines wider than the pane are broken, the rest indented under the first;
 * a continuation is part of its line, so it takes no selection. */
static void wrap_lines(struct chart *c, int width, int indent)
{
	if (width < 8)
		return;
	if (indent > width / 2)
		indent = 2;
	struct chart old = *c;
	memset(c, 0, sizeof *c);
	struct lines ll = { 0 };
	for (size_t k = 0; k < old.n; k++) {
		const struct chart_line *l = &old.v[k];
		const uint8_t *t = (const uint8_t *)old.text.data + l->text;
		size_t len = strlen((const char *)t);
		ll.n = 0;
		if (layout_width(t, 0, len) <= width)
			layout_whole(&ll, t, 0, len);                /* fits: one piece */
		else {
			/* The first piece has the whole width; those under it
			 * the width beside the indentation. */
			layout_line(&ll, t, 0, len, width);
			if (ll.n > 1) {
				size_t rest = ll.v[0].end;
				while (rest < len && t[rest] == ' ')
					rest++;
				ll.n = 1;
				if (rest < len)
					layout_line(&ll, t, rest, len, width - indent);
			}
		}
		for (size_t i = 0; i < ll.n; i++) {
			struct chart_line *nl = add_line(c, l->item, l->row);
			if (i == 0) {
				/* The bar stays marked only if it is all in this piece. */
				if (l->bar_end <= ll.v[0].end) {
					nl->bar = l->bar;
					nl->bar_end = l->bar_end;
				}
				nl->qstart = l->qstart;
				nl->qend = l->qend;
			} else {
				nl->cont = 1;
				for (int s = 0; s < indent; s++)
					buf_addc(&c->text, ' ');
			}
			buf_add(&c->text, t + ll.v[i].start, ll.v[i].end - ll.v[i].start);
			end_line(c);
		}
	}
	lines_free(&ll);
	chart_free(&old);
}

/* What the marks and abbreviations of the rows mean, said once under
 * them: "*" for a unit taken from the partner, "pp" for percentage
 * points. */
static void footnotes(struct chart *c, const struct cmp_model *m, const struct annot *a,
		      int ascii)
{
	(void)ascii;
	int inherited = 0, pp = 0;
	long by_inherited = -1;
	for (size_t i = 0; i < m->nrows; i++) {
		const struct cmp_row_model *r = &m->rows[i];
		if (r->by_inherited && r->by >= 0 && by_inherited < 0)
			by_inherited = r->by;
		inherited |= (r->current.present && r->current.unit_inherited)
			     || (r->demand.present && r->demand.unit_inherited);
		struct cmp_gap g;
		pp |= !m->mixed && compare_gap(r, &g) && is_percent_unit(m->unit);
	}
	if (inherited) {
		add_line(c, CHART_NOTE, 0);
		buf_adds(&c->text, "* the text gives this value's unit only for the other value "
			 "of its row");
		end_line(c);
	}
	if (by_inherited >= 0) {
		add_line(c, CHART_NOTE, 0);
		buf_printf(&c->text, "%s?: the text does not say who asks here; %s asked before",
			   party_name(a, by_inherited), party_name(a, by_inherited));
		end_line(c);
	}
	if (pp) {
		add_line(c, CHART_NOTE, 0);
		buf_adds(&c->text, "pp: percentage points, the difference of two percentages");
		end_line(c);
	}
}

void chart_build(struct chart *c, const struct cmp_model *m, const struct annot *a,
		 int width, int ascii)
{
	memset(c, 0, sizeof *c);
	const struct glyphs *g = ascii ? &asc : &uni;
	const struct comparison *src = m->src;

	/* The title says who demands: the comparison's demander, else the one
	 * its rows share; "by ?" when the text names no one for any row. */
	long title_by = src->by ? annot_find_entity(a, src->by) : -1;
	int all_unknown = m->nrows > 0, all_target = m->nrows > 0, same_by = m->nrows > 0;
	for (size_t i = 0; i < m->nrows; i++) {
		all_unknown &= m->rows[i].by_unknown;
		all_target &= m->rows[i].src && m->rows[i].src->target;
		same_by &= m->rows[i].by >= 0 && m->rows[i].by == m->rows[0].by;
	}
	if (!src->by && same_by)
		title_by = m->rows[0].by;
	const char *what = all_target ? "targets" : "demands";
	add_line(c, CHART_TITLE, 0);
	buf_printf(&c->text, "%s", src->title);
	if (m->unit)
		buf_printf(&c->text, ", %s", m->unit);
	if (title_by >= 0)
		buf_printf(&c->text, ": %s %s vs current levels", party_name(a, title_by), what);
	else if (all_unknown)
		buf_printf(&c->text, ": %s (by ?) vs current levels", what);
	end_line(c);

	int name_w = 0;
	for (size_t i = 0; i < m->nrows; i++) {
		int w = layout_width((const uint8_t *)party_name(a, m->rows[i].party), 0,
				     strlen(party_name(a, m->rows[i].party)));
		if (w > name_w)
			name_w = w;
	}
	name_w += 2;
	/* The widest value ("<2.0", "≥4.0bn", ">50000.0") sets the bars' start. */
	int value_w = 4;
	for (size_t i = 0; i < m->nrows; i++) {
		const struct cmp_value *vals[2] = { &m->rows[i].current, &m->rows[i].demand };
		for (int k = 0; k < 2; k++) {
			struct buf vb = { 0 };
			format_value_marked(&vb, vals[k], ascii);
			int w = layout_width((const uint8_t *)vb.data, 0, vb.len);
			value_w = w > value_w ? w : value_w;
			buf_free(&vb);
		}
	}
	/* name, "current ", the value and a space, then the bar and its open end. */
	int cells = width - name_w - 8 - (value_w + 1) - 1;
	if (m->mixed) {
		add_line(c, CHART_NOTE, 0);
		buf_adds(&c->text, m->mixed_why);
		end_line(c);
		list_form(c, m, a, g, ascii, title_by);
	} else if (cells < 10) {
		list_form(c, m, a, g, ascii, title_by);
	} else {
		/* The notes (hedges, who asks) stand after the demand's bar when
		 * the bars keep 10 cells beside them, else on lines of their own. */
		struct buf *notes = xcalloc(m->nrows ? m->nrows : 1, sizeof *notes);
		int note_w = 0;
		for (size_t i = 0; i < m->nrows; i++) {
			row_note(&notes[i], a, &m->rows[i], title_by);
			int w = notes[i].len ? layout_width((const uint8_t *)notes[i].data, 0,
							    notes[i].len) : 0;
			note_w = w > note_w ? w : note_w;
		}
		int inline_notes = note_w && cells - note_w - 1 >= 10;
		if (inline_notes)
			cells -= note_w + 1;
		double max = compare_axis_max(m);
		for (size_t i = 0; i < m->nrows; i++) {
			const struct cmp_row_model *r = &m->rows[i];
			value_line(c, CHART_CURRENT, i, party_name(a, r->party), r, &r->current,
				   name_w, value_w, max, cells, g, NULL);
			value_line(c, CHART_DEMAND, i, "", r, &r->demand, name_w, value_w, max,
				   cells, g, inline_notes ? notes[i].data : NULL);
			if (!inline_notes)
				note_line(c, i, r, a, title_by, name_w + 8);
			buf_free(&notes[i]);
			struct cmp_gap gap;
			if (compare_gap(r, &gap)) {
				struct chart_line *gl = add_line(c, CHART_GAP, i);
				gl->qstart = r->demand.qstart;
				gl->qend = r->demand.qend;
				pad_to(&c->text, gl->text, name_w);
				buf_adds(&c->text, "gap     ");
				chart_format_gap(&c->text, &gap, m->unit, ascii);
				end_line(c);
			}
		}
		free(notes);
	}
	footnotes(c, m, a, ascii);
	if (m->nmeasures) {
		add_line(c, CHART_BLANK, 0);
		end_line(c);
		add_line(c, CHART_TITLE, 0);
		buf_adds(&c->text, "Other demands and measures");
		end_line(c);
	}
	for (size_t i = 0; i < m->nmeasures; i++) {
		const struct cmp_measure_model *mm = &m->measures[i];
		struct chart_line *ml = add_line(c, CHART_MEASURE, i);
		ml->qstart = mm->v.qstart;
		ml->qend = mm->v.qend;
		for (size_t k = 0; k < mm->nparties; k++)
			buf_printf(&c->text, "%s%s", k ? ", " : "", party_name(a, mm->parties[k]));
		buf_printf(&c->text, ": %s", mm->src->label);
		if (!mm->v.present)
			buf_adds(&c->text, " (no figure given)");
		end_line(c);
	}
	wrap_lines(c, width, name_w);
}

void chart_free(struct chart *c)
{
	buf_free(&c->text);
	free(c->v);
	memset(c, 0, sizeof *c);
}
