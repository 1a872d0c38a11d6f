/* --dump: the article as plain text, highlights bracketed so they survive
 * without colour, then actors, figures and the comparison charts. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/chart.h"
#include "brief/cut.h"
#include "brief/export.h"
#include "brief/layout.h"
#include "brief/util.h"

/* How much of s[0, n) fits in cols columns, never half a character; its
 * width in *col. */
static size_t fit(const char *s, size_t n, int cols, int *col)
{
	const uint8_t *t = (const uint8_t *)s;
	size_t off = 0;
	*col = 0;
	while (off < n) {
		size_t next = layout_next_cluster(t, off, n);
		int w = layout_cluster_width(t, off, next, *col);
		if (*col + w > cols)
			break;
		*col += w;
		off = next;
	}
	return off;
}

/* Print s cut to width columns, then a newline; the columns it was cut to.
 * A cut ends in the mark (cut.h), at a word's end when one is near, as the
 * reader cuts.  s is sanitised once more as it is written: rows are built
 * from the document's text, the annotations and numbers, and nothing may
 * drive the terminal whatever went into them. */
static int put_cut(FILE *o, const char *s, int width, int ascii)
{
	int col, cut;
	size_t n;
	char *safe = doc_sanitize_str(s, strlen(s), &n);
	size_t off = cut_fit((const uint8_t *)safe, n, width, ascii, &cut, &col);
	while (!cut && off > 0 && safe[off - 1] == ' ')
		off--, col--;
	fwrite(safe, 1, off, o);
	if (cut && col + cut_mark_width(ascii) <= width) {
		fputs(cut_mark(ascii), o);
		col += cut_mark_width(ascii);
	}
	fputc('\n', o);
	free(safe);
	return col;
}

/* s wrapped to width, its lines after the first indented by indent. */
static void put_wrapped(FILE *o, const char *s, int width, int indent)
{
	struct lines ll = { 0 };
	size_t n = strlen(s);
	size_t lead = 0;
	while (lead < n && s[lead] == ' ')
		lead++;
	layout_line(&ll, (const uint8_t *)s, lead, n, width - indent > 10 ? width - indent : 10);
	for (size_t k = 0; k < ll.n; k++) {
		for (int i = 0; i < (k ? indent : (int)lead); i++)
			fputc(' ', o);
		fwrite(s + ll.v[k].start, 1, ll.v[k].end - ll.v[k].start, o);
		fputc('\n', o);
	}
	lines_free(&ll);
}

/* A row of columns, then text wrapped beside them, never cut: a meaning or
 * a description is read whole.  text starts at the column the columns end
 * at, and its further lines are indented to it; where fewer than 24
 * columns would be left, it starts on the next line, indented 6.  Columns
 * wider than the width are wrapped too (their further lines indented 4).
 * Both are sanitised as put_cut does. */
static void put_row(FILE *o, const char *cols, const char *text, int width)
{
	size_t n;
	char *t = doc_sanitize_str(text, strlen(text), &n);
	while (n > 0 && t[n - 1] == ' ')
		n--;
	if (!n) {
		size_t cn;
		char *c = doc_sanitize_str(cols, strlen(cols), &cn);
		while (cn > 0 && c[cn - 1] == ' ')
			c[--cn] = '\0';
		put_wrapped(o, c, width, 4);
		free(c);
		free(t);
		return;
	}
	int indent, col;
	size_t cn;
	char *c = doc_sanitize_str(cols, strlen(cols), &cn);
	size_t keep = fit(c, cn, width, &col);
	if (width - col >= 24 && keep == cn) {
		fwrite(c, 1, keep, o);
		indent = col;
	} else {
		while (cn > 0 && c[cn - 1] == ' ')
			c[--cn] = '\0';
		put_wrapped(o, c, width, 4);
		indent = 6;
	}
	free(c);
	struct lines ll = { 0 };
	layout_line(&ll, (const uint8_t *)t, 0, n, width - indent);
	for (size_t k = 0; k < ll.n; k++) {
		if (k || indent == 6)
			fprintf(o, "%*s", indent, "");
		fwrite(t + ll.v[k].start, 1, ll.v[k].end - ll.v[k].start, o);
		fputc('\n', o);
	}
	lines_free(&ll);
	free(t);
}

/* Append s[0, n) padded with spaces to cols columns, and with clip cut to
 * them, the cut marked (cut.h): printf's %-26s counts bytes, and a name
 * with é or 東 came out columns short. */
static void add_column(struct buf *b, const char *s, size_t n, int cols, int clip, int ascii)
{
	int col = 0;
	if (clip) {
		col = cut_append(b, s, n, cols, ascii);
	} else {
		size_t off = fit(s, n, INT_MAX, &col);
		buf_add(b, s, off);
	}
	for (; col < cols; col++)
		buf_addc(b, ' ');
}

static void rule(FILE *o, int w, int ascii)
{
	for (int i = 0; i < w; i++)
		fputs(ascii ? "-" : "─", o);
	fputc('\n', o);
}

/* Print a title, cut to width, underlined to its width. */
static void heading(FILE *o, const char *title, int width, int ascii)
{
	rule(o, put_cut(o, title, width, ascii), ascii);
}

static void header(FILE *o, const struct model *m, int width, int ascii)
{
	struct buf b = { 0 };
	static const enum meta_key order[] = { META_SECTION, META_TITLE, META_BYLINE,
					       META_SOURCE, META_DATE };
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *t = model_meta(m, order[i]);
		if (t)
			buf_printf(&b, "%s%s", b.len ? (ascii ? " | " : " · ") : "", t);
	}
	if (model_meta(m, META_CREDIT))
		buf_printf(&b, "%sIllustration: %s", b.len ? (ascii ? " | " : " · ") : "",
			   model_meta(m, META_CREDIT));
	if (b.len) {
		heading(o, b.data, width, ascii);
		fputc('\n', o);
	}
	buf_free(&b);
}

/* One source line with its highlights bracketed, wrapped to width.  The
 * line is copied as it is now (doc_copy_text): a mapped file may have been
 * rewritten since it was checked, and what is written must be safe when it
 * is written; a line that changed is printed without its marks, whose
 * offsets no longer fall on it.  Returns 0, or -1 when the line reached past
 * the new end of a file that shrank: nothing of it is printed. */
static int article_line(FILE *o, const struct model *m, size_t ls, size_t le, int width,
			size_t *mi, size_t *fi, struct buf *b, struct lines *ll, int explain)
{
	const struct mentions *mn = &m->mentions;
	const struct figures *fg = &m->figures;
	char *t;
	size_t n;
	int changed;
	if (doc_copy_text(&m->doc, ls, le, &t, &n, &changed) != 0)
		return -1;
	buf_reset(b);
	size_t off = ls;
	while (off < le && !changed) {
		while (*mi < mn->n && mn->v[*mi].start < off)
			(*mi)++;
		while (*fi < fg->n && fg->v[*fi].start < off)
			(*fi)++;
		size_t ms = *mi < mn->n ? mn->v[*mi].start : (size_t)-1;
		size_t fs = *fi < fg->n ? fg->v[*fi].start : (size_t)-1;
		size_t next = ms < fs ? ms : fs;
		if (next >= le) {
			buf_add(b, t + (off - ls), le - off);
			break;
		}
		buf_add(b, t + (off - ls), next - off);
		/* A mention and a figure starting together: the mention wins. */
		int is_mention = ms <= fs;
		size_t end = is_mention ? mn->v[*mi].end : fg->v[*fi].end;
		if (end > le)
			end = le;
		buf_addc(b, is_mention ? '[' : '{');
		buf_add(b, t + (next - ls), end - next);
		buf_addc(b, is_mention ? ']' : '}');
		/* --explain: the rule that found an automatic mention,
		 * "[Rubio]<alias:surname>". */
		const struct entity_why *w = explain && is_mention ? model_mention_why(m, &mn->v[*mi]) : NULL;
		if (w)
			buf_printf(b, "<%s>", w->rule);
		off = end;
	}
	if (changed)
		buf_add(b, t, n);
	free(t);
	if (!b->data)
		buf_add(b, "", 0);
	ll->n = 0;
	layout_line(ll, (const uint8_t *)b->data, 0, b->len, width);
	for (size_t i = 0; i < ll->n; i++) {
		fwrite(b->data + ll->v[i].start, 1, ll->v[i].end - ll->v[i].start, o);
		fputc('\n', o);
	}
	return 0;
}

/* The article from its body; -1 when the file shrank under it (see
 * article_line): the dump stops before the first line past the new end. */
static int article(FILE *o, const struct model *m, int width, int explain)
{
	struct buf b = { 0 };
	struct lines ll = { 0 };
	size_t mi = 0, fi = 0;
	int rc = 0;
	for (size_t i = m->body_line; i < m->doc.nlines && rc == 0; i++) {
		/* Runs of blank lines print as one, as in the reader. */
		size_t ls = doc_line_start(&m->doc, i);
		if (i > m->body_line && ls == doc_line_end(&m->doc, i)
		    && doc_line_start(&m->doc, i - 1) == doc_line_end(&m->doc, i - 1))
			continue;
		rc = article_line(o, m, doc_line_start(&m->doc, i), doc_line_end(&m->doc, i), width,
				  &mi, &fi, &b, &ll, explain);
	}
	buf_free(&b);
	lines_free(&ll);
	return rc;
}

/* Append the document's text[from, to) to b as one line of a listing, as
 * it is now (doc_copy_text): 0, or -1 when the file shrank under it.  A
 * quotation, a sentence or an actor's evidence may hold the document's TAB
 * or LF (an annotation's quote keeps them), which would break the
 * listing's lines; each is a space here, as in the chart's note. */
static int add_text(struct buf *b, const struct model *m, size_t from, size_t to)
{
	char *t;
	size_t n;
	if (doc_copy_text(&m->doc, from, to, &t, &n, NULL) != 0)
		return -1;
	buf_add_line(b, t, n);
	free(t);
	return 0;
}

/* One line of --explain: a rule, its confidence and the text that shows
 * it.  0, or -1 when the file shrank under it (add_text). */
static int why_line(FILE *o, const struct model *m, const char *what,
		    const struct entity_why *w, int width)
{
	struct buf c = { 0 }, b = { 0 };
	buf_printf(&c, "      %s: ", what);
	buf_printf(&b, "%s, %s", w->rule, entity_conf_name(w->conf));
	int rc = 0;
	if (w->ev_end > w->ev_start && w->ev_end <= m->doc.len) {
		buf_adds(&b, " \"");
		rc = add_text(&b, m, w->ev_start, w->ev_end);
		buf_adds(&b, "\"");
	}
	if (w->source)
		buf_printf(&b, " (%s)", w->source);
	if (rc == 0)
		put_row(o, c.data, b.data, width);
	buf_free(&c);
	buf_free(&b);
	return rc;
}

/* The actors by kind; -1 when the file shrank under an --explain line. */
static int actors(FILE *o, const struct model *m, int width, int ascii, int explain)
{
	const struct annot *a = &m->annot;
	if (!a->nentities)
		return 0;
	fputc('\n', o);
	/* Machine-made highlights say so (ANY_ARTICLE.md 4.6), and past the
	 * finder's bounds that only the sure ones are listed (model.h), as
	 * the panel's title does. */
	unsigned confs = model_auto_confs(m, m->auto_show);
	int some = confs != MODEL_CONFS_ALL && !(confs & MODEL_CONF(CONF_LIKELY));
	struct buf t = { 0 };
	if (m->nannotated && a->nentities == m->nannotated)
		buf_adds(&t, "ACTORS");
	else
		buf_printf(&t, "ACTORS (%sfound automatically%s%s)", m->nannotated ? "+ " : "", some ? ": " : "",
			   some ? model_confs_name(confs) : "");
	heading(o, t.data, width, ascii);
	buf_free(&t);
	for (int k = 0; k < KIND_COUNT; k++) {
		int shown = 0;
		for (size_t i = 0; i < a->nentities; i++) {
			const struct entity *e = &a->entities[i];
			if ((int)e->kind != k)
				continue;
			if (!shown++)
				fprintf(o, "%s\n", entity_kind_heading(e->kind));
			struct buf b = { 0 };
			/* Found automatically: "~" likely, "?" unsure; sure and
			 * annotated ones as before. */
			enum entity_conf conf = model_entity_conf(m, i);
			buf_adds(&b, conf == CONF_LIKELY ? " ~" : conf == CONF_UNSURE ? " ?" : "  ");
			add_column(&b, e->name, strlen(e->name), 26, 0, ascii);
			buf_printf(&b, " %3zu  ", m->mentions.count[i]);
			put_row(o, b.data, e->description ? e->description : "", width);
			buf_free(&b);
			if (explain && e->why) {
				if (why_line(o, m, "found", &e->why[0], width) != 0)
					return -1;
				for (size_t j = 0; j < e->naliases; j++) {
					struct buf w = { 0 };
					buf_printf(&w, "alias \"%s\"", e->aliases[j]);
					int rc = why_line(o, m, w.data, &e->why[1 + j], width);
					buf_free(&w);
					if (rc != 0)
						return -1;
				}
			}
		}
	}
	return 0;
}

static int figures(FILE *o, const struct model *m, int width, int ascii)
{
	const struct figures *f = &m->figures;
	if (!f->n)
		return 0;
	fputc('\n', o);
	heading(o, "FIGURES", width, ascii);
	for (size_t i = 0; i < f->n; i++) {
		const struct figure *fg = &f->v[i];
		/* The value as a reader writes it ("early July", "25%"); the
		 * machine form is --export json's. */
		struct buf v = { 0 };
		fig_wording(&v, fg, ascii);
		const char *meaning = model_figure_meaning(m, fg);
		char *t;
		size_t tn;
		if (doc_copy_text(&m->doc, fg->start, fg->end, &t, &tn, NULL) != 0) {
			buf_free(&v);
			return -1;
		}
		struct buf b = { 0 };
		buf_adds(&b, "  ");
		add_column(&b, t, tn, 28, 1, ascii);
		free(t);
		buf_printf(&b, " %-9s ", fig_kind_name(fg->kind));
		add_column(&b, v.data, v.len, 20, 0, ascii);
		buf_printf(&b, " line %-4zu", doc_line_at(&m->doc, fg->start) + 1);
		put_row(o, b.data, meaning ? meaning : "", width);
		buf_free(&b);
		buf_free(&v);
	}
	return 0;
}

/* --explain: how each row of a comparison found automatically was found. */
static int explain_rows(FILE *o, const struct model *m, const struct cmp_model *c, int width)
{
	for (size_t r = 0; r < c->nrows; r++) {
		const struct cmp_row_model *row = &c->rows[r];
		const struct row_why *w = row->src ? row->src->why : NULL;
		if (!w)
			continue;
		struct buf b = { 0 };
		buf_printf(&b, "      %s: %s, %s; party: %s; demander: %s%s",
			   row->party >= 0 ? m->annot.entities[row->party].name : "?", w->rule,
			   entity_conf_name(w->conf), w->party_rule ? w->party_rule : "none named",
			   w->by_rule ? w->by_rule : "none named",
			   w->property ? "; property: " : "");
		if (w->property)
			buf_printf(&b, "\"%s\"", w->property);
		put_wrapped(o, b.data, width, 8);
		buf_reset(&b);
		if (w->sent_end > w->sent_start && w->sent_end <= m->doc.len) {
			buf_adds(&b, "        \"");
			if (add_text(&b, m, w->sent_start, w->sent_end) != 0) {
				buf_free(&b);
				return -1;
			}
			buf_adds(&b, "\"");
			put_wrapped(o, b.data, width, 9);
		}
		buf_free(&b);
	}
	return 0;
}

static int comparisons(FILE *o, const struct model *m, int width, int ascii, int explain)
{
	for (size_t i = 0; i < m->ncmps; i++) {
		struct chart c;
		chart_build(&c, &m->cmps[i], &m->annot, width, ascii);
		fputc('\n', o);
		for (size_t k = 0; k < c.n; k++) {
			int w = put_cut(o, c.text.data + c.v[k].text, width, ascii);
			if (c.v[k].item != CHART_TITLE)
				continue;
			/* A title wrapped on several rows: one rule, under the last.
			 * A comparison found by rule says so, as actors do. */
			while (k + 1 < c.n && c.v[k + 1].item == CHART_TITLE) {
				int lw = put_cut(o, c.text.data + c.v[++k].text, width, ascii);
				w = lw > w ? lw : w;
			}
			rule(o, w, ascii);
			if (k == 0 && model_cmp_is_auto(m, i))
				put_cut(o, "(found automatically)", width, ascii);
		}
		chart_free(&c);
		if (explain && explain_rows(o, m, &m->cmps[i], width) != 0)
			return -1;
	}
	return 0;
}

/* Who said what: each quotation with its speaker (and, explained, the
 * rule that found it), wrapped, never cut: a quotation is read whole. */
static int quotations(FILE *o, const struct model *m, int width, int ascii, int explain)
{
	if (!m->nquotes)
		return 0;
	fputc('\n', o);
	heading(o, "QUOTATIONS", width, ascii);
	struct buf b = { 0 };
	struct lines ll = { 0 };
	int rc = 0;
	for (size_t i = 0; i < m->nquotes && !rc; i++) {
		const struct model_quote *q = &m->quotes[i];
		buf_reset(&b);
		buf_printf(&b, "%s: %s", m->annot.entities[q->speaker].name, ascii ? "\"" : "“");
		if (add_text(&b, m, q->start, q->end) != 0) {
			rc = -1;
			break;
		}
		buf_adds(&b, ascii ? "\"" : "”");
		if (explain && q->rule)
			buf_printf(&b, " <%s>", q->rule);
		ll.n = 0;
		layout_line(&ll, (const uint8_t *)b.data, 0, b.len, width - 2);
		for (size_t k = 0; k < ll.n; k++) {
			fputs(k ? "    " : "  ", o);
			fwrite(b.data + ll.v[k].start, 1, ll.v[k].end - ll.v[k].start, o);
			fputc('\n', o);
		}
	}
	lines_free(&ll);
	buf_free(&b);
	return rc;
}

int export_dump(FILE *o, const struct model *m, int width, int ascii)
{
	return export_dump_explain(o, m, width, ascii, 0);
}

int export_dump_explain(FILE *o, const struct model *m, int width, int ascii, int explain)
{
	if (width < 20)
		width = 20;
	header(o, m, width, ascii);
	int cut = article(o, m, width, explain) != 0;
	if (!cut)
		cut = actors(o, m, width, ascii, explain) != 0;
	if (!cut)
		cut = figures(o, m, width, ascii) != 0;
	if (!cut)
		cut = comparisons(o, m, width, ascii, explain) != 0;
	if (!cut)
		cut = quotations(o, m, width, ascii, explain) != 0;
	if (fflush(o) != 0 || ferror(o))
		return -1;
	return cut ? EXPORT_CUT : 0;
}
