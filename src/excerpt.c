/* What the copy keys copy, with its citation (excerpt.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/chart.h"
#include "brief/gazetteer.h"
#include "brief/excerpt.h"
#include "brief/sentence.h"

/* How much of the body decides whether the text is hard-wrapped. */
#define WRAP_SAMPLE ((size_t)64 * 1024)
/* Lines a card lists, sentences a figure lists, before "and N more". */
#define CARD_LINES 20
#define CARD_SENTENCES 10

static int is_space(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* "Cai Liang": a family name the lists know is written first. */
static int family_first(const char *byline)
{
	if (!byline)
		return 0;
	if ((byline[0] == 'B' || byline[0] == 'b') && byline[1] == 'y' && byline[2] == ' ')
		byline += 3;
	while (*byline == ' ')
		byline++;
	size_t n = strcspn(byline, " ,");
	return n && byline[n] == ' '
	       && gaz_is_surname_first(gaz_default(), (const uint8_t *)byline, n);
}

void excerpt_init(struct excerpt_ctx *q, const struct model *m, enum cite_style style,
		const char *where)
{
	memset(q, 0, sizeof *q);
	q->m = m;
	q->style = style;
	const struct doc *d = &m->doc;
	/* From the top, not the body: a hard-wrapped paragraph's first lines
	 * can read as a header. */
	q->sent_flags = SENT_NEWS;
	if (sent_hard_wrapped(d->text, d->ready, WRAP_SAMPLE))
		q->sent_flags |= SENT_SOFT_LF;
	q->src.byline = model_meta(m, META_BYLINE);
	q->src.title = model_meta(m, META_TITLE);
	q->src.section = model_meta(m, META_SECTION);
	q->src.source = model_meta(m, META_SOURCE);
	q->src.date = model_meta(m, META_DATE);
	q->src.family_first = family_first(q->src.byline);
	if (where) {
		q->where = doc_sanitize_cstr(where);
		q->src.where = q->where;
	}
}

void excerpt_free(struct excerpt_ctx *q)
{
	free(q->where);
	q->where = NULL;
}

/* ---- spans of the article ------------------------------------------------- */

static const struct doc *doc_of(const struct excerpt_ctx *q)
{
	return &q->m->doc;
}

/* The first byte at or after off that is not white space; len if none. */
static size_t next_text(const uint8_t *t, size_t len, size_t off)
{
	while (off < len && is_space(t[off]))
		off++;
	return off;
}

/* The sentence holding off, or the next one when off is in blank lines:
 * 0, or -1 when there is none. */
static int sentence_at(const struct excerpt_ctx *q, size_t off, size_t *s, size_t *e)
{
	const struct doc *d = doc_of(q);
	size_t len = d->ready;
	if (!len)
		return -1;
	if (off > len)
		off = len;
	sent_span(d->text, len, off, q->sent_flags, s, e);
	if (*s < *e)
		return 0;
	size_t nx = next_text(d->text, len, off);
	if (nx >= len)
		return -1;
	sent_span(d->text, len, nx, q->sent_flags, s, e);
	return *s < *e ? 0 : -1;
}

/* The quotation of text [s, e): as it is, but with its paragraphs set
 * apart by one blank line, as the reader shows them (a run of blank lines
 * is one) and as Markdown needs them; in a hard-wrapped text a lone line
 * end (with the spaces around it) is the file's wrapping, a space. */
static void quotation(const struct excerpt_ctx *q, size_t s, size_t e, struct buf *out)
{
	const uint8_t *t = doc_of(q)->text;
	int soft = (q->sent_flags & SENT_SOFT_LF) != 0;
	for (size_t i = s; i < e;) {
		if (!is_space(t[i])) {
			buf_addc(out, (char)t[i++]);
			continue;
		}
		size_t j = i, lfs = 0;
		while (j < e && is_space(t[j]))
			lfs += t[j++] == '\n';
		if (!lfs)
			buf_add(out, t + i, j - i);
		else
			buf_adds(out, lfs > 1 || !soft ? "\n\n" : " ");
		i = j;
	}
}

static void set_lines(struct excerpt_ctx *q, size_t s, size_t e)
{
	const struct doc *d = doc_of(q);
	q->src.line = doc_line_at(d, s) + 1;
	size_t last = doc_line_at(d, e > s ? e - 1 : s) + 1;
	q->src.line_end = last > q->src.line ? last : 0;
}

static void no_lines(struct excerpt_ctx *q)
{
	q->src.line = 0;
	q->src.line_end = 0;
}

static int finish(struct excerpt_ctx *q, size_t s, size_t e, long n, struct buf *out,
		  struct excerpt_span *span)
{
	struct buf text = { 0 };
	quotation(q, s, e, &text);
	set_lines(q, s, e);
	cite_quote(out, text.data ? text.data : "", text.len, &q->src, q->style);
	no_lines(q);
	buf_free(&text);
	if (span) {
		span->start = s;
		span->end = e;
		span->count = n;
	}
	return 0;
}

int excerpt_sentences(struct excerpt_ctx *q, size_t off, long count, struct buf *out,
		    struct excerpt_span *span)
{
	const struct doc *d = doc_of(q);
	size_t s, e;
	if (sentence_at(q, off, &s, &e) != 0)
		return -1;
	long n = 1;
	while (n < count && e - s < EXCERPT_MAX) {
		size_t nx = next_text(d->text, d->ready, e);
		if (nx >= d->ready)
			break;
		size_t s2, e2;
		sent_span(d->text, d->ready, nx, q->sent_flags, &s2, &e2);
		if (e2 <= e)
			break;      /* (cannot happen: nx starts a sentence) */
		e = e2;
		n++;
	}
	return finish(q, s, e, n, out, span);
}

/* The paragraph holding off: its line, or in a hard-wrapped text the run
 * of non-blank lines; white space at its ends left out.  -1 on a blank. */
static int paragraph_at(const struct excerpt_ctx *q, size_t off, size_t *s, size_t *e)
{
	const struct doc *d = doc_of(q);
	const uint8_t *t = d->text;
	size_t len = d->ready;
	if (off > len)
		off = len;
	size_t ls = off;
	while (ls > 0 && t[ls - 1] != '\n')
		ls--;
	size_t le = off;
	while (le < len && t[le] != '\n')
		le++;
	if (q->sent_flags & SENT_SOFT_LF) {
		/* Back over the lines before while they are not blank... */
		for (;;) {
			if (ls == 0)
				break;
			size_t ps = ls - 1;
			while (ps > 0 && t[ps - 1] != '\n')
				ps--;
			if (next_text(t, ls - 1, ps) >= ls - 1)
				break;          /* a blank line */
			ls = ps;
		}
		/* ...and on over those after. */
		while (le < len) {
			size_t ne = le + 1;
			while (ne < len && t[ne] != '\n')
				ne++;
			if (next_text(t, ne, le + 1) >= ne)
				break;
			le = ne;
		}
	}
	size_t a = next_text(t, le, ls);
	size_t b = le;
	while (b > a && is_space(t[b - 1]))
		b--;
	*s = a;
	*e = b;
	return a < b ? 0 : -1;
}

int excerpt_paragraphs(struct excerpt_ctx *q, size_t off, long count, struct buf *out,
		     struct excerpt_span *span)
{
	const struct doc *d = doc_of(q);
	size_t s, e;
	if (d->ready == 0)
		return -1;
	if (paragraph_at(q, off, &s, &e) != 0) {
		size_t nx = next_text(d->text, d->ready, off);
		if (nx >= d->ready || paragraph_at(q, nx, &s, &e) != 0)
			return -1;
	}
	long n = 1;
	while (n < count && e - s < EXCERPT_MAX) {
		size_t nx = next_text(d->text, d->ready, e);
		size_t s2, e2;
		if (nx >= d->ready || paragraph_at(q, nx, &s2, &e2) != 0 || e2 <= e)
			break;
		e = e2;
		n++;
	}
	return finish(q, s, e, n, out, span);
}

char *excerpt_sentence_text(const struct excerpt_ctx *q, size_t off, size_t *start, size_t *end)
{
	size_t s, e;
	if (sentence_at(q, off, &s, &e) != 0)
		return NULL;
	struct buf b = { 0 };
	quotation(q, s, e, &b);
	*start = s;
	*end = e;
	return b.data;
}

/* ---- cards ------------------------------------------------------------------ */

/* A field of a card, escaped for Markdown. */
static void field(const struct excerpt_ctx *q, struct buf *b, const char *s, size_t n)
{
	if (q->style == CITE_MARKDOWN)
		cite_md_escape(b, s, n);
	else
		buf_add(b, s, n);
}

static void fields(const struct excerpt_ctx *q, struct buf *b, const char *s)
{
	field(q, b, s, strlen(s));
}

/* The heading word of a card: bold in Markdown. */
static void name(const struct excerpt_ctx *q, struct buf *b, const char *s, size_t n)
{
	if (q->style == CITE_MARKDOWN)
		buf_adds(b, "**");
	field(q, b, s, n);
	if (q->style == CITE_MARKDOWN)
		buf_adds(b, "**");
}

/* Quotations of a card, each with its line, then the reference. */
struct items {
	size_t n;                   /* quotations so far */
};

static void card_end(struct excerpt_ctx *q, struct buf *out)
{
	/* Markdown: the card is a paragraph of its own before any quote. */
	if (q->style == CITE_MARKDOWN)
		buf_addc(out, '\n');
}

static void item(struct excerpt_ctx *q, struct items *it, size_t s, size_t e, struct buf *out)
{
	struct buf text = { 0 };
	quotation(q, s, e, &text);
	set_lines(q, s, e);
	if (q->style == CITE_MARKDOWN && it->n)
		buf_adds(out, ">\n");
	cite_quote_item(out, text.data ? text.data : "", text.len, &q->src, q->style);
	no_lines(q);
	buf_free(&text);
	it->n++;
}

static void reference(struct excerpt_ctx *q, const struct items *it, struct buf *out)
{
	no_lines(q);
	if (q->style == CITE_MARKDOWN)
		buf_adds(out, it->n ? ">\n> " : "");
	cite_line(out, &q->src, q->style);
	buf_addc(out, '\n');
}

/* The sentence of a span (a figure, a quote), once per sentence: spans
 * come in text order, so a repeat is the one before. */
static void item_sentence(struct excerpt_ctx *q, struct items *it, size_t at, size_t *last_s,
			  struct buf *out)
{
	size_t s, e;
	if (at >= doc_of(q)->ready || sentence_at(q, at, &s, &e) != 0 || s == *last_s)
		return;
	*last_s = s;
	item(q, it, s, e, out);
}

void excerpt_entity(struct excerpt_ctx *q, size_t i, struct buf *out)
{
	const struct model *m = q->m;
	const struct annot *a = &m->annot;
	if (i >= a->nentities)
		return;
	const struct entity *en = &a->entities[i];
	name(q, out, en->name, strlen(en->name));
	buf_printf(out, " (%s)", entity_kind_name(en->kind));
	if (en->description) {
		buf_adds(out, ": ");
		fields(q, out, en->description);
	}
	if (en->affiliation) {
		long k = annot_find_entity(a, en->affiliation);
		buf_adds(out, "; affiliation: ");
		fields(q, out, k >= 0 ? a->entities[k].name : en->affiliation);
	}
	for (size_t k = 0; k < en->naliases; k++) {
		buf_adds(out, k ? ", \"" : "; also \"");
		fields(q, out, en->aliases[k]);
		buf_addc(out, '"');
	}
	size_t count = i < m->mentions.nentities ? m->mentions.count[i] : 0;
	buf_printf(out, "; %zu mention%s", count, count == 1 ? "" : "s");
	/* On which lines: the first CARD_LINES distinct ones. */
	size_t lines[CARD_LINES], nl = 0, more = 0;
	for (size_t k = 0; k < m->mentions.n; k++) {
		const struct mention *mn = &m->mentions.v[k];
		if (mn->entity != i)
			continue;
		size_t line = doc_line_at(&m->doc, mn->start) + 1;
		if (nl && lines[nl - 1] == line)
			continue;
		if (nl == CARD_LINES) {
			more = 1;
			break;
		}
		lines[nl++] = line;
	}
	for (size_t k = 0; k < nl; k++)
		buf_printf(out, "%s%zu", k ? ", " : nl > 1 ? ", lines " : ", line ", lines[k]);
	if (more)
		buf_adds(out, ", ...");
	buf_addc(out, '\n');
	card_end(q, out);
	struct items it = { 0 };
	reference(q, &it, out);
}

void excerpt_figures(struct excerpt_ctx *q, const size_t *fig, size_t n, struct buf *out)
{
	const struct model *m = q->m;
	if (!n || fig[0] >= m->figures.n)
		return;
	const struct figure *f0 = &m->figures.v[fig[0]];
	struct buf w = { 0 };
	fig_wording(&w, f0, 0);
	name(q, out, w.data ? w.data : "", w.len);
	buf_free(&w);
	buf_printf(out, " (%s", fig_kind_name(f0->kind));
	const char *meaning = model_figure_meaning(m, f0);
	if (meaning) {
		buf_adds(out, ": ");
		fields(q, out, meaning);
	}
	buf_printf(out, "); %zu occurrence%s\n", n, n == 1 ? "" : "s");
	card_end(q, out);
	struct items it = { 0 };
	size_t last_s = SIZE_MAX;
	for (size_t k = 0; k < n; k++) {
		if (fig[k] >= m->figures.n)
			continue;
		if (it.n == CARD_SENTENCES) {
			if (q->style == CITE_MARKDOWN)
				buf_adds(out, ">\n> ");
			buf_printf(out, "(and %zu more)\n", n - k);
			break;
		}
		item_sentence(q, &it, m->figures.v[fig[k]].start, &last_s, out);
	}
	reference(q, &it, out);
}

static const char *party_name(const struct model *m, long party)
{
	return party >= 0 && (size_t)party < m->annot.nentities ? m->annot.entities[party].name
								 : "?";
}

/* "current \"less than 2 percent of GDP\" (<2.0)" */
static void value(struct excerpt_ctx *q, struct buf *out, const char *what,
		  const struct cmp_value *v)
{
	buf_printf(out, "%s ", what);
	if (!v->present && v->qend <= v->qstart) {
		buf_adds(out, "not given");
		return;
	}
	const uint8_t *t = doc_of(q)->text;
	size_t s = v->present ? v->start : v->qstart, e = v->present ? v->end : v->qend;
	buf_addc(out, '"');
	field(q, out, (const char *)t + s, e - s);
	buf_addc(out, '"');
	if (v->present) {
		buf_adds(out, " (");
		struct buf b = { 0 };
		chart_format_value(&b, v, 0);
		fields(q, out, b.data ? b.data : "");
		buf_free(&b);
		buf_addc(out, ')');
	}
}

static void cmp_heading(struct excerpt_ctx *q, const struct cmp_model *c, struct buf *out)
{
	const char *title = c->src && c->src->title ? c->src->title : "Comparison";
	name(q, out, title, strlen(title));
	if (c->unit) {
		buf_adds(out, " (");
		fields(q, out, c->unit);
		buf_addc(out, ')');
	}
}

void excerpt_cmp_row(struct excerpt_ctx *q, size_t cmp, size_t row, struct buf *out)
{
	const struct model *m = q->m;
	if (cmp >= m->ncmps || row >= m->cmps[cmp].nrows)
		return;
	const struct cmp_model *c = &m->cmps[cmp];
	const struct cmp_row_model *r = &c->rows[row];
	cmp_heading(q, c, out);
	buf_adds(out, ", ");
	fields(q, out, party_name(m, r->party));
	buf_adds(out, ": ");
	value(q, out, "current", &r->current);
	buf_adds(out, "; ");
	long by = c->src && c->src->by ? annot_find_entity(&m->annot, c->src->by) : -1;
	if (by >= 0) {
		struct buf what = { 0 };
		buf_printf(&what, "demand by %s", party_name(m, by));
		value(q, out, what.data, &r->demand);
		buf_free(&what);
	} else {
		value(q, out, "demand", &r->demand);
	}
	struct cmp_gap g;
	if (compare_gap(r, &g)) {
		struct buf b = { 0 };
		chart_format_gap(&b, &g, c->unit, 0);
		buf_adds(out, "; gap ");
		fields(q, out, b.data ? b.data : "");
		buf_free(&b);
	}
	buf_addc(out, '\n');
	card_end(q, out);
	struct items it = { 0 };
	size_t last_s = SIZE_MAX;
	size_t a = r->current.qend > r->current.qstart ? r->current.qstart : SIZE_MAX;
	size_t b = r->demand.qend > r->demand.qstart ? r->demand.qstart : SIZE_MAX;
	/* In text order, each sentence once. */
	size_t first = a < b ? a : b, second = a < b ? b : a;
	if (first != SIZE_MAX)
		item_sentence(q, &it, first, &last_s, out);
	if (second != SIZE_MAX)
		item_sentence(q, &it, second, &last_s, out);
	reference(q, &it, out);
}

void excerpt_cmp_measure(struct excerpt_ctx *q, size_t cmp, size_t measure, struct buf *out)
{
	const struct model *m = q->m;
	if (cmp >= m->ncmps || measure >= m->cmps[cmp].nmeasures)
		return;
	const struct cmp_model *c = &m->cmps[cmp];
	const struct cmp_measure_model *me = &c->measures[measure];
	cmp_heading(q, c, out);
	buf_adds(out, ", ");
	for (size_t k = 0; k < me->nparties; k++) {
		if (k)
			buf_adds(out, ", ");
		fields(q, out, party_name(m, me->parties[k]));
	}
	buf_adds(out, ": ");
	if (me->src && me->src->label)
		fields(q, out, me->src->label);
	if (me->v.present) {
		buf_adds(out, "; ");
		value(q, out, "value", &me->v);
	}
	buf_addc(out, '\n');
	card_end(q, out);
	struct items it = { 0 };
	size_t last_s = SIZE_MAX;
	if (me->v.qend > me->v.qstart)
		item_sentence(q, &it, me->v.qstart, &last_s, out);
	else if (me->src && me->src->q.end > me->src->q.start)
		item_sentence(q, &it, me->src->q.start, &last_s, out);
	reference(q, &it, out);
}
