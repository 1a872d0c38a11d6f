/* --export json: the model with byte offsets into the file as read. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/export.h"
#include "brief/util.h"

/* A JSON string of n bytes of s.  Whatever s holds, it is sanitised as it
 * is written (file names and annotation strings were when loaded, document
 * text is copied and checked again by jspan), and then every control left
 * is escaped: C0 and DEL, and C1 (U+0080..U+009F), which is valid in JSON
 * but a control to a terminal that reads it raw. */
static void jstr_n(FILE *o, const char *s, size_t n)
{
	size_t len;
	char *safe = doc_sanitize_str(s, n, &len);
	const unsigned char *p = (const unsigned char *)safe;
	fputc('"', o);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = p[i];
		if (c == '"' || c == '\\')
			fprintf(o, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", o);
		else if (c == '\t')
			fputs("\\t", o);
		else if (c < 0x20 || c == 0x7f)
			fprintf(o, "\\u%04x", c);
		else if (c == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)
			fprintf(o, "\\u%04x", p[++i]);
		else
			fputc(c, o);
	}
	fputc('"', o);
	free(safe);
}

static void jstr(FILE *o, const char *s)
{
	if (s)
		jstr_n(o, s, strlen(s));
	else
		fputs("null", o);
}

static void jnum(FILE *o, double v)
{
	if (isfinite(v))
		fprintf(o, "%.15g", v);
	else
		fputs("null", o);
}

/* "start": ..., "end": ..., "text": ... for a span of the sanitised text,
 * copied as it is now (doc_copy_text).  0, or -1 when the copy reached past
 * the new end of a file that shrank: nothing of the span is written. */
static int jspan(FILE *o, const struct doc *d, size_t start, size_t end)
{
	char *t;
	size_t n;
	if (doc_copy_text(d, start, end, &t, &n, NULL) != 0)
		return -1;
	/* An end inside a run of merged placeholders maps to the run's start:
	 * never let it fall before the start. */
	size_t os = doc_orig_off(d, start), oe = doc_orig_off(d, end);
	fprintf(o, "\"start\": %zu, \"end\": %zu, \"text\": ", os, oe < os ? os : oe);
	jstr_n(o, t, n);
	free(t);
	return 0;
}

static const char *cmp_json(enum fig_cmp c)
{
	return c == FIG_EQ ? "=" : fig_cmp_symbol(c);
}

static void jdocument(FILE *o, const struct model *m)
{
	fputs("  \"document\": {\"name\": ", o);
	jstr(o, m->doc.name);
	fprintf(o, ", \"bytes\": %zu, \"body_start\": %zu, \"annotations\": ",
		m->doc.orig_len, doc_orig_off(&m->doc, m->body));
	jstr(o, m->annot_path);
	for (int k = 0; k < META_COUNT; k++) {
		fprintf(o, ", \"%s\": ", meta_key_name((enum meta_key)k));
		jstr(o, model_meta(m, (enum meta_key)k));
	}
	/* Offsets address the file as read ("file"), or the text brief read
	 * out of a web page or inflated from gzip ("text"), which --export
	 * text prints. */
	fprintf(o, ", \"format\": \"%s\", \"gzip\": %s, \"offsets\": \"%s\"",
		m->page ? "html" : "text", m->gzip ? "true" : "false",
		m->offsets_text ? "text" : "file");
	/* Past MENTIONS_MAX / FIGURES_MAX nothing more is kept: where the
	 * first one not kept starts, only when that happened. */
	if (m->mentions.full)
		fprintf(o, ", \"mentions_stop\": %zu", doc_orig_off(&m->doc, m->mentions.full_at));
	if (m->figures.full)
		fprintf(o, ", \"figures_stop\": %zu", doc_orig_off(&m->doc, m->figures.full_at));
	fputs("},\n", o);
}

/* "paragraphs": each block of the text with its kind: a web page's as it
 * was read; a text file's runs of non-blank lines, all "paragraph". */
static void jparagraphs(FILE *o, const struct model *m)
{
	const struct doc *d = &m->doc;
	fputs("  \"paragraphs\": [", o);
	size_t n = 0;
	if (m->page) {
		for (size_t i = 0; i < m->page->nblocks; i++) {
			const struct html_block *b = &m->page->blocks[i];
			fprintf(o, "%s\n    {\"kind\": \"%s\", \"level\": %u, \"start\": %zu, \"end\": %zu}",
				n++ ? "," : "", html_block_kind_name((enum html_block_kind)b->kind),
				(unsigned)b->level, doc_orig_off(d, b->off), doc_orig_off(d, b->end));
		}
	} else {
		for (size_t i = doc_next_nonblank(d, 0); i < d->nlines; i = doc_next_nonblank(d, i)) {
			size_t start = doc_line_start(d, i);
			while (i + 1 < d->nlines && !doc_line_blank(d, i + 1))
				i++;
			fprintf(o, "%s\n    {\"kind\": \"paragraph\", \"level\": 0, \"start\": %zu, \"end\": %zu}",
				n++ ? "," : "", doc_orig_off(d, start), doc_orig_off(d, doc_line_end(d, i)));
			i++;
		}
	}
	fputs(n ? "\n  ],\n" : "],\n", o);
}

/* "html": how a web page was read (null for text): its charset and where
 * that came from, which element was taken as the article and why, what
 * was left out by which rule, which source gave each header field. */
static void jhtml(FILE *o, const struct model *m)
{
	const struct html_page *p = m->page;
	if (!p) {
		fputs("  \"html\": null\n", o);
		return;
	}
	const struct html_choice *c = &p->article;
	fprintf(o, "  \"html\": {\"bytes\": %zu, \"charset\": ", m->source_len);
	jstr(o, p->charset.name);
	fputs(", \"charset_rule\": ", o);
	jstr(o, p->charset.rule);
	fputs(", \"charset_declared\": ", o);
	jstr(o, p->charset.declared[0] ? p->charset.declared : NULL);
	fprintf(o, ", \"invalid_sequences\": %zu, \"elements\": %zu, \"truncated\": %s, "
		"\"attribute_floods\": %zu,\n",
		p->charset.invalid, p->elements, p->truncated ? "true" : "false", p->attribute_floods);
	fprintf(o, "    \"article\": {\"found\": %s, \"rule\": ", c->found ? "true" : "false");
	jstr(o, c->rule);
	fputs(", \"element\": ", o);
	jstr(o, c->element);
	fputs(", \"path\": ", o);
	jstr(o, c->path);
	fputs(", \"score\": ", o);
	jnum(o, c->score);
	fputs(", \"link_density\": ", o);
	jnum(o, c->link_density);
	fprintf(o, ", \"paragraphs\": %zu, \"siblings\": %zu, \"candidates\": %zu,\n      \"why\": ",
		c->paragraphs, c->siblings, c->candidates);
	jstr(o, c->why);
	fputs(",\n      \"tries\": [", o);
	for (size_t k = 0; k < c->ntries; k++) {
		fprintf(o, "%s{\"rule\": ", k ? ", " : "");
		jstr(o, c->tries[k].rule);
		fputs(", \"element\": ", o);
		jstr(o, c->tries[k].element);
		fprintf(o, ", \"characters\": %zu}", c->tries[k].chars);
	}
	fputs("]},\n    \"left_out\": {", o);
	for (int k = 0; k < HTML_DROP_COUNT; k++)
		fprintf(o, "%s\"%s\": %zu", k ? ", " : "", html_drop_name((enum html_drop)k), p->dropped[k]);
	fputs("},\n    \"header_from\": {", o);
	for (int k = 0; k < META_COUNT; k++) {
		fprintf(o, "%s\"%s\": ", k ? ", " : "", meta_key_name((enum meta_key)k));
		/* A field the annotations set came from them, not the page. */
		int from_page = p->meta_rule[k] && model_meta(m, (enum meta_key)k)
				&& !m->annot.meta[k].text;
		jstr(o, from_page ? p->meta_rule[k] : NULL);
	}
	fputs("},\n    \"published\": ", o);
	jstr(o, p->published);
	fputs("}\n", o);
}

/* The mentions' indices grouped by entity, each group in text order, group
 * i at order[at[i]..at[i + 1]): one counting sort, where a pass over every
 * mention for every entity made 60,000 actors quadratic. */
static size_t *mentions_by_entity(const struct model *m, size_t **order)
{
	size_t ne = m->annot.nentities, n = m->mentions.n;
	size_t *at = xcalloc(ne + 2, sizeof *at);
	for (size_t k = 0; k < n; k++)
		if (m->mentions.v[k].entity < ne)
			at[m->mentions.v[k].entity + 2]++;
	for (size_t i = 2; i < ne + 2; i++)
		at[i] += at[i - 1];
	/* at[i + 1] is now where group i starts: filling moves it to its end. */
	*order = xmalloc((n ? n : 1) * sizeof **order);
	for (size_t k = 0; k < n; k++)
		if (m->mentions.v[k].entity < ne)
			(*order)[at[m->mentions.v[k].entity + 1]++] = k;
	return at;
}

/* Provenance (additive keys): where an actor came from, the rule that
 * found it, how sure, and the text that shows it. */
static int jwhy(FILE *o, const struct model *m, const struct entity_why *w)
{
	/* An annotated actor is no finding: no rule, no confidence (null). */
	fputs(", \"rule\": ", o);
	jstr(o, w ? w->rule : NULL);
	fputs(", \"confidence\": ", o);
	jstr(o, w ? entity_conf_name(w->conf) : NULL);
	if (w && w->ev_end > w->ev_start && w->ev_end <= m->doc.len) {
		fputs(", \"evidence\": {", o);
		if (jspan(o, &m->doc, w->ev_start, w->ev_end) != 0)
			return -1;
		fputc('}', o);
	} else {
		fputs(", \"evidence\": null", o);
	}
	return 0;
}

static int jprovenance(FILE *o, const struct model *m, const struct entity *e)
{
	fputs(", \"source\": ", o);
	jstr(o, e->why ? "auto" : "annotation");
	if (jwhy(o, m, e->why) != 0)
		return -1;
	fputs(", \"list\": ", o);
	jstr(o, e->why ? e->why[0].source : NULL);
	if (e->why) {
		fputs(", \"alias_rules\": [", o);
		for (size_t k = 0; k < e->naliases; k++) {
			fputs(k ? ", " : "", o);
			jstr(o, e->why[1 + k].rule);
		}
		fputc(']', o);
	}
	return 0;
}

/* A mention's rule is its spelling's: the actor's own name, or an alias. */
static void jmention_why(FILE *o, const struct model *m, const struct mention *mn)
{
	const struct entity_why *w = model_mention_why(m, mn);
	fputs(", \"rule\": ", o);
	jstr(o, w ? w->rule : NULL);
	fputs(", \"confidence\": ", o);
	jstr(o, w ? entity_conf_name(w->conf) : NULL);
}

/* An entity's object, opened and left open after its fields as the
 * annotation format gives them: id, name, kind, description, affiliation,
 * aliases.  Shown and hidden entities alike. */
static void jentity_head(FILE *o, const struct entity *e)
{
	fputs("{\"id\": ", o);
	jstr(o, e->id);
	fputs(", \"name\": ", o);
	jstr(o, e->name);
	fputs(", \"kind\": ", o);
	jstr(o, entity_kind_name(e->kind));
	fputs(", \"description\": ", o);
	jstr(o, e->description);
	fputs(", \"affiliation\": ", o);
	jstr(o, e->affiliation);
	fputs(", \"aliases\": [", o);
	for (size_t k = 0; k < e->naliases; k++) {
		fputs(k ? ", " : "", o);
		jstr(o, e->aliases[k]);
	}
	fputc(']', o);
}

/* "auto", what the finders did, and "hidden_entities": the automatic
 * actors found but not shown (model_auto_confs(): every one while the
 * annotated ones are shown alone; the unsure ones by default; the likely
 * ones too past the finder's bounds).  Their mentions are counted by the
 * same rule as the shown ones', alone. */
static int jhidden(FILE *o, const struct model *m)
{
	int rc = 0;
	fprintf(o, "  \"auto\": {\"enabled\": %s, \"shown\": \"%s\", \"truncated\": %s, "
		"\"comparisons_truncated\": %s},\n",
		m->no_auto ? "false" : "true", model_confs_name(model_auto_confs(m, m->auto_show)),
		m->auto_truncated ? "true" : "false", m->claims_truncated ? "true" : "false");
	struct annot view = { 0 };
	view.entities = xcalloc(m->nauto ? m->nauto : 1, sizeof *view.entities);
	for (size_t i = 0; i < m->nauto; i++)
		if (!model_auto_is_shown(m, &m->auto_ents[i]))
			view.entities[view.nentities++] = m->auto_ents[i];
	struct mentions mt;
	mentions_init(&mt, &view);
	mentions_scan(&mt, m->doc.text, m->doc.len, m->body, m->doc.len);
	fputs("  \"hidden_entities\": [", o);
	for (size_t i = 0; i < view.nentities && rc == 0; i++) {
		const struct entity *e = &view.entities[i];
		fputs(i ? ",\n    " : "\n    ", o);
		jentity_head(o, e);
		rc = jprovenance(o, m, e);
		fprintf(o, ", \"mention_count\": %zu}", mt.count[i]);
	}
	if (rc == 0)
		fputs(view.nentities ? "\n  ],\n" : "],\n", o);
	mentions_free(&mt);
	free(view.entities);
	return rc;
}

static int jentities(FILE *o, const struct model *m)
{
	int rc = 0;
	const struct annot *a = &m->annot;
	size_t *order, *at = mentions_by_entity(m, &order);
	fputs("  \"entities\": [", o);
	for (size_t i = 0; i < a->nentities && rc == 0; i++) {
		const struct entity *e = &a->entities[i];
		fputs(i ? ",\n    " : "\n    ", o);
		jentity_head(o, e);
		if ((rc = jprovenance(o, m, e)) != 0)
			break;
		fputs(", \"mentions\": [", o);
		int first = 1;
		for (size_t j = at[i]; j < at[i + 1] && rc == 0; j++) {
			const struct mention *mn = &m->mentions.v[order[j]];
			fputs(first ? "\n      {" : ",\n      {", o);
			rc = jspan(o, &m->doc, mn->start, mn->end);
			if (rc == 0)
				jmention_why(o, m, mn);
			fputc('}', o);
			first = 0;
		}
		if (rc == 0)
			fputs(first ? "]}" : "\n    ]}", o);
	}
	if (rc == 0)
		fputs(a->nentities ? "\n  ],\n" : "],\n", o);
	free(order);
	free(at);
	if (rc == 0)
		rc = jhidden(o, m);
	return rc;
}

static int jfigures(FILE *o, const struct model *m)
{
	fputs("  \"figures\": [", o);
	for (size_t i = 0; i < m->figures.n; i++) {
		const struct figure *f = &m->figures.v[i];
		fprintf(o, "%s\n    {", i ? "," : "");
		if (jspan(o, &m->doc, f->start, f->end) != 0)
			return -1;
		fputs(", \"kind\": ", o);
		jstr(o, fig_kind_name(f->kind));
		fputs(", \"value\": ", o);
		if (f->kind == FIG_DATE) {
			char iso[32];
			fig_date_iso(f, iso, sizeof iso);
			jstr(o, iso);
		} else {
			jnum(o, f->value);
		}
		fputs(", \"comparator\": ", o);
		jstr(o, cmp_json(f->cmp));
		fputs(", \"unit\": ", o);
		jstr(o, f->unit);
		/* Added for issue 17: the rule, a range's high end, a part's
		 * whole, the comparator as the text words it. */
		fputs(", \"rule\": ", o);
		jstr(o, f->rule);
		if (f->range) {
			fputs(", \"high\": ", o);
			jnum(o, f->high);
		}
		if (f->total > 0) {
			fputs(", \"total\": ", o);
			jnum(o, f->total);
		}
		if (f->cmp_words && *f->cmp_words) {
			fputs(", \"comparator_words\": ", o);
			jstr(o, f->cmp_words);
		}
		fputs(", \"meaning\": ", o);
		jstr(o, model_figure_meaning(m, f));
		fprintf(o, ", \"line\": %zu}", doc_line_at(&m->doc, f->start) + 1);
	}
	fputs(m->figures.n ? "\n  ],\n" : "],\n", o);
	return 0;
}

static int jvalue(FILE *o, const struct doc *d, const struct cmp_value *v)
{
	if (!v->present) {
		fputs("null", o);
		return 0;
	}
	fputs("{\"value\": ", o);
	jnum(o, v->value);
	if (v->range) {         /* issue 17: a range's high end */
		fputs(", \"high\": ", o);
		jnum(o, v->high);
	}
	fputs(", \"comparator\": ", o);
	jstr(o, cmp_json(v->cmp));
	fputs(", \"unit\": ", o);
	jstr(o, v->unit);
	fputs(", ", o);
	if (jspan(o, d, v->start, v->end) != 0)
		return -1;
	fputs(", \"quote\": {", o);
	if (jspan(o, d, v->qstart, v->qend) != 0)
		return -1;
	fputc('}', o);
	/* Issue 17: what was not read as such. */
	if (v->derived) {
		fputs(", \"derived\": true, \"factor\": ", o);
		jnum(o, v->factor);
	}
	if (v->unit_inherited)
		fputs(", \"unit_inherited\": true", o);
	fputc('}', o);
	return 0;
}

static const char *entity_name(const struct annot *a, long i)
{
	return i >= 0 ? a->entities[i].name : NULL;
}

static int jcomparison(FILE *o, const struct model *m, const struct cmp_model *c)
{
	const struct annot *a = &m->annot;
	fputs("\n    {\"id\": ", o);
	jstr(o, c->src->id);
	fputs(", \"title\": ", o);
	jstr(o, c->src->title);
	fputs(", \"unit\": ", o);
	jstr(o, c->unit);
	fputs(", \"by\": ", o);
	jstr(o, c->src->by ? entity_name(a, annot_find_entity(a, c->src->by)) : NULL);
	fputs(", \"source\": ", o);
	jstr(o, c->nrows && c->rows[0].src && c->rows[0].src->why ? "auto" : "annotation");
	fprintf(o, ", \"charted\": %s, \"note\": ", c->mixed ? "false" : "true");
	jstr(o, c->mixed_why);
	fputs(",\n     \"rows\": [", o);
	for (size_t i = 0; i < c->nrows; i++) {
		const struct cmp_row_model *r = &c->rows[i];
		fprintf(o, "%s\n      {\"party\": ", i ? "," : "");
		jstr(o, entity_name(a, r->party));
		/* Issues 17 and 19: who demands this row (null when the text names
		 * no one), how that was found, the text's hedges, the rule. */
		fputs(", \"by\": ", o);
		jstr(o, entity_name(a, r->by));
		fprintf(o, ", \"by_unknown\": %s, \"by_inherited\": %s, \"role\": \"%s\"",
			r->by_unknown ? "true" : "false", r->by_inherited ? "true" : "false",
			r->src && r->src->target ? "target" : "demand");
		fputs(", \"hedges\": [", o);
		for (size_t h = 0; r->src && h < r->src->nhedges; h++) {
			const struct quote *q = &r->src->hedges[h];
			fputs(h ? ", {" : "{", o);
			if (jspan(o, &m->doc, q->start, q->end) != 0)
				return -1;
			fputc('}', o);
		}
		fputc(']', o);
		const struct row_why *w = r->src ? r->src->why : NULL;
		fputs(", \"source\": ", o);
		jstr(o, w ? "auto" : "annotation");
		fputs(", \"rule\": ", o);
		jstr(o, w ? w->rule : NULL);
		fputs(", \"confidence\": ", o);
		jstr(o, w ? entity_conf_name(w->conf) : NULL);
		if (w) {
			fputs(", \"property\": ", o);
			jstr(o, w->property);
			fputs(", \"party_rule\": ", o);
			jstr(o, w->party_rule);
			fputs(", \"by_rule\": ", o);
			jstr(o, w->by_rule);
			fputs(", \"sentence\": {", o);
			if (jspan(o, &m->doc, w->sent_start, w->sent_end) != 0)
				return -1;
			fputc('}', o);
		}
		fputs(", \"current\": ", o);
		if (jvalue(o, &m->doc, &r->current) != 0)
			return -1;
		fputs(",\n       \"demand\": ", o);
		if (jvalue(o, &m->doc, &r->demand) != 0)
			return -1;
		struct cmp_gap g;
		if (compare_gap(r, &g)) {
			fputs(",\n       \"gap\": {\"difference\": ", o);
			jnum(o, g.diff);
			if (g.range) {  /* issue 17: a range's gap is one too */
				fputs(", \"difference_high\": ", o);
				jnum(o, g.diff_hi);
			}
			fputs(", \"ratio\": ", o);
			jnum(o, g.ratio);
			fputs(", \"bound\": ", o);
			jstr(o, g.bound == GAP_EXACT ? "exact" : gap_bound_words(g.bound));
			fputc('}', o);
		}
		fputc('}', o);
	}
	fputs("],\n     \"measures\": [", o);
	for (size_t i = 0; i < c->nmeasures; i++) {
		const struct cmp_measure_model *mm = &c->measures[i];
		fprintf(o, "%s\n      {\"label\": ", i ? "," : "");
		jstr(o, mm->src->label);
		fputs(", \"parties\": [", o);
		for (size_t k = 0; k < mm->nparties; k++) {
			fputs(k ? ", " : "", o);
			jstr(o, entity_name(a, mm->parties[k]));
		}
		fputs("], ", o);
		if (jspan(o, &m->doc, mm->v.qstart, mm->v.qend) != 0)
			return -1;
		fputs(", \"figure\": ", o);
		if (jvalue(o, &m->doc, &mm->v) != 0)
			return -1;
		fputc('}', o);
	}
	fputs("]}", o);
	return 0;
}

int export_json(FILE *o, const struct model *m)
{
	fputs("{\n", o);
	jdocument(o, m);
	/* A file that shrank under the export stops it where that was seen:
	 * the JSON is left unfinished, as the status (EXPORT_CUT) says. */
	int cut = jentities(o, m) != 0 || jfigures(o, m) != 0;
	if (!cut)
		fputs("  \"comparisons\": [", o);
	for (size_t i = 0; i < m->ncmps && !cut; i++) {
		fputs(i ? "," : "", o);
		cut = jcomparison(o, m, &m->cmps[i]) != 0;
	}
	if (!cut)
		fputs(m->ncmps ? "\n  ],\n" : "],\n", o);
	/* Issue 17: who said what. */
	if (!cut)
		fputs("  \"quotes\": [", o);
	for (size_t i = 0; i < m->nquotes && !cut; i++) {
		const struct model_quote *q = &m->quotes[i];
		fprintf(o, "%s\n    {\"speaker\": ", i ? "," : "");
		jstr(o, entity_name(&m->annot, q->speaker));
		fputs(", ", o);
		cut = jspan(o, &m->doc, q->start, q->end) != 0;
		if (cut)
			break;
		fputs(", \"rule\": ", o);
		jstr(o, q->rule);
		fputs(", \"source\": ", o);
		jstr(o, q->rule ? "auto" : "annotation");
		fputc('}', o);
	}
	if (!cut) {
		fputs(m->nquotes ? "\n  ],\n" : "],\n", o);
		jparagraphs(o, m);
		jhtml(o, m);
		fputs("}\n", o);
	}
	if (fflush(o) != 0 || ferror(o))
		return -1;
	return cut ? EXPORT_CUT : 0;
}
