/* Writes an annotation file from the automatic findings (draft.h). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/actors.h"
#include "brief/draft.h"
#include "brief/util.h"
#include "brief/word.h"

/* A string of the annotation format: "..." with \" \\ \t and \n escaped.
 * The document's text is sanitised (valid UTF-8, no control but TAB and
 * LF, a CR made LF), so nothing else needs care.  A quote reads \t and \n
 * back as the document's TAB and LF, so it anchors where its bytes stand;
 * any other string reads them as spaces. */
static void str(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '"' || c == '\\')
			buf_addc(b, '\\');
		if (c == '\t' || c == '\n') {
			buf_adds(b, c == '\t' ? "\\t" : "\\n");
			continue;
		}
		if (c == '\r') {           /* none in a sanitised text */
			buf_addc(b, ' ');
			continue;
		}
		buf_addc(b, c);
	}
	buf_addc(b, '"');
}

static void cstr(struct buf *b, const char *s)
{
	str(b, s, strlen(s));
}

/* A comment with the evidence: rule, confidence, the text that shows it. */
static void why(struct buf *b, const struct model *m, const struct entity_why *w)
{
	buf_printf(b, "  # %s, %s", w->rule, entity_conf_name(w->conf));
	if (w->ev_end > w->ev_start && w->ev_end <= m->doc.len) {
		size_t n = w->ev_end - w->ev_start;
		if (n > 80)
			n = 80;
		/* Not cut inside a character. */
		while (n && (m->doc.text[w->ev_start + n] & 0xC0) == 0x80)
			n--;
		buf_adds(b, ": ");
		buf_add_line(b, (const char *)m->doc.text + w->ev_start, n);
	}
	if (w->source)
		buf_printf(b, " (%s)", w->source);
	buf_addc(b, '\n');
}

/* Where the annotation format anchors q[0, n) when it looks from offset
 * from on: its first occurrence there that is whole words (word.h, as
 * annot_resolve() asks), or SIZE_MAX. */
static size_t anchor_of(const struct model *m, size_t from, const void *q, size_t n)
{
	return word_find_whole(m->doc.text, 0, m->doc.len, from, m->doc.len, q, n);
}

/* Does the quote text[start, end) anchor where it stands? */
static int first_occurrence(const struct model *m, size_t start, size_t end)
{
	return anchor_of(m, 0, m->doc.text + start, end - start) == start;
}

/* Does a quote of a row, a measure or a quotation load back where it
 * stands?  annot_resolve() anchors those from the line of the body on
 * (from), at their first occurrence there; a row's quote that only
 * occurs again earlier (its sentence repeated) would load back at
 * another sentence, so the draft writes it commented out. */
static int at_home(const struct model *m, size_t from, const struct quote *q)
{
	return q->text && q->len && q->end == q->start + q->len
	       && anchor_of(m, from, q->text, q->len) == q->start;
}

/* Annotated actors, and the automatic ones the reader shows by default:
 * past the finder's bounds that is the sure ones only, and a likely actor
 * written in would load back as one the reader never showed (found by
 * make bench-actors' draft check). */
static int is_written(const struct model *m, const struct entity *e)
{
	return !e->why || model_auto_is_default(m, e);
}

static const struct entity *find(const struct entity *v, size_t n, const char *id)
{
	for (size_t i = 0; id && i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return &v[i];
	return NULL;
}

static void actor(struct buf *b, const struct model *m, const struct entity *e,
		  const struct entity *all, size_t nall)
{
	int on = is_written(m, e);
	const char *pre = on ? "" : "# ";
	buf_printf(b, "%sactor %s %s ", pre, e->id, entity_kind_name(e->kind));
	cstr(b, e->name);
	if (e->why)
		why(b, m, &e->why[0]);
	else
		buf_adds(b, "  # annotated\n");
	if (e->description) {
		buf_printf(b, "%s  description ", pre);
		cstr(b, e->description);
		buf_addc(b, '\n');
	}
	for (size_t j = 0; j < e->naliases; j++) {
		buf_printf(b, "%s  alias ", pre);
		cstr(b, e->aliases[j]);
		if (e->why)
			why(b, m, &e->why[1 + j]);
		else
			buf_addc(b, '\n');
	}
	if (e->affiliation) {
		const struct entity *to = find(all, nall, e->affiliation);
		/* Only to an actor written in: a commented one is undefined. */
		int ok = to && is_written(m, to);
		buf_printf(b, "%s%s  affiliation %s\n", pre, on && !ok ? "# " : "", e->affiliation);
	}
}

/* An id the draft writes in: an actor of all[] not commented out. */
static int written_id(const struct model *m, const struct entity *all, size_t nall, const char *id)
{
	const struct entity *e = find(all, nall, id);
	return e && is_written(m, e);
}

/* A comment with a row's rule, confidence and the start of its sentence. */
static void row_why(struct buf *b, const struct model *m, const struct row_why *w)
{
	buf_printf(b, "  # %s, %s", w->rule, entity_conf_name(w->conf));
	if (w->party_rule || w->by_rule)
		buf_printf(b, " (party: %s; demander: %s)", w->party_rule ? w->party_rule : "none",
			   w->by_rule ? w->by_rule : "none");
	if (w->sent_end > w->sent_start && w->sent_end <= m->doc.len) {
		size_t n = w->sent_end - w->sent_start;
		if (n > 70)
			n = 70;
		while (n && (m->doc.text[w->sent_start + n] & 0xC0) == 0x80)
			n--;
		buf_adds(b, ": ");
		buf_add_line(b, (const char *)m->doc.text + w->sent_start, n);
		if (n < w->sent_end - w->sent_start)
			buf_adds(b, "...");
	}
	buf_addc(b, '\n');
}

/* A quote as it loads back.  Its text is the document's bytes where it
 * stands, a TAB or a placeholder included: claims_quote() and quotes.c
 * copy them, and annot_resolve() found an annotated one by them.  So
 * written with str()'s escapes it anchors again (fuzz_draft checks every
 * draft; the rows and quotations once refused over a TAB are its
 * regression inputs). */
static void qstr(struct buf *b, const struct quote *q)
{
	str(b, q->text ? q->text : "", q->text ? q->len : 0);
}

/* A measure is written in when each of its parties is, and its quote
 * loads back where it stands. */
static int measure_ok(const struct model *m, const struct measure *ms, const struct entity *all,
		      size_t nall, size_t from)
{
	int ok = at_home(m, from, &ms->q);
	for (size_t p = 0; ok && p < ms->nparties; p++)
		ok = written_id(m, all, nall, ms->parties[p]);
	return ok;
}

/* Whether each quote of a row loads back where it stands (at_home). */
static int row_at_home(const struct model *m, size_t from, const struct cmp_row *row)
{
	int ok = at_home(m, from, &row->current) && at_home(m, from, &row->demand);
	for (size_t h = 0; ok && h < row->nhedges; h++)
		ok = at_home(m, from, &row->hedges[h]);
	return ok;
}

/* A comparison in the annotation format.  A row is written only when its
 * party and demander are actors written in (else the file would not
 * parse, or load back to another chart) and its quotes load back where
 * they stand, a measure when its parties are; the comparison, when one
 * row or measure is (a comparison needs one, annot.c).  off: write it all
 * commented out.  from: where quotes are anchored from (at_home). */
static void comparison(struct buf *b, const struct model *m, const struct comparison *c,
		       const struct entity *all, size_t nall, int off, size_t from)
{
	int by_ok = !c->by || written_id(m, all, nall, c->by);
	int *row_ok = xcalloc(c->nrows + 1, sizeof *row_ok);
	int *row_away = xcalloc(c->nrows + 1, sizeof *row_away);
	int any = 0;
	for (size_t r = 0; r < c->nrows; r++) {
		const struct cmp_row *row = &c->rows[r];
		row_ok[r] = !off && by_ok && row->party && written_id(m, all, nall, row->party)
			    && (!row->demander || written_id(m, all, nall, row->demander))
			    && row->current.text && row->demand.text;
		row_away[r] = row_ok[r] && !row_at_home(m, from, row);
		row_ok[r] &= !row_away[r];
		any |= row_ok[r];
	}
	/* Measures alone keep a comparison too (an annotation file's with no
	 * rows, or one whose rows name unsure parties). */
	for (size_t k = 0; !off && !any && k < c->nmeasures; k++)
		any = measure_ok(m, &c->measures[k], all, nall, from);
	const char *pre = any ? "" : "# ";
	buf_printf(b, "\n%scomparison %s ", pre, c->id);
	cstr(b, c->title);
	buf_adds(b, c->nrows && c->rows[0].why ? "  # found automatically\n" : "\n");
	if (c->unit) {
		buf_printf(b, "%s  unit ", pre);
		cstr(b, c->unit);
		buf_addc(b, '\n');
	}
	if (c->by)
		buf_printf(b, "%s  by %s\n", by_ok ? pre : "# ", c->by);
	for (size_t r = 0; r < c->nrows; r++) {
		const struct cmp_row *row = &c->rows[r];
		const char *rp = row_ok[r] ? "" : "# ";
		buf_printf(b, "%s  row %s %s ", rp, row->party ? row->party : "?",
			   row->derived ? "derived" : "current");
		qstr(b, &row->current);
		buf_printf(b, " %s ", row->target ? "target" : "demand");
		qstr(b, &row->demand);
		if (row->why)
			row_why(b, m, row->why);
		else
			buf_addc(b, '\n');
		for (size_t h = 0; h < row->nhedges; h++) {
			buf_printf(b, "%s    hedge ", rp);
			qstr(b, &row->hedges[h]);
			buf_addc(b, '\n');
		}
		if (row->demander_unknown)
			buf_printf(b, "%s    demander ?\n", rp);
		else if (row->demander)
			buf_printf(b, "%s    demander %s%s\n", rp, row->demander,
				   row->demander_inherited ? " inherited" : "");
		if (row_away[r])
			buf_adds(b, "#    (a quote of this row occurs earlier in the text, where it would load back)\n");
	}
	for (size_t k = 0; k < c->nmeasures; k++) {
		const struct measure *ms = &c->measures[k];
		int ok = !off && measure_ok(m, ms, all, nall, from);
		buf_printf(b, "%s  measure ", ok ? "" : "# ");
		for (size_t p = 0; p < ms->nparties; p++)
			buf_printf(b, "%s%s", p ? "," : "", ms->parties[p]);
		buf_addc(b, ' ');
		cstr(b, ms->label);
		buf_addc(b, ' ');
		qstr(b, &ms->q);
		buf_addc(b, '\n');
	}
	free(row_ok);
	free(row_away);
}

int draft_write(FILE *out, const struct model *m)
{
	struct buf b = { 0 };
	buf_adds(&b, "# A draft of annotations, written by brief --draft from ");
	buf_adds(&b, m->doc.name ? m->doc.name : "(document)");
	buf_adds(&b, ".\n# Every actor below was found automatically: check them, correct"
		     " them, then save\n# this file as the article's name with .brief in"
		     " place of its extension.\n# Unsure findings are commented out. Format:"
		     " brief(1), ANNOTATION FORMAT.\nbrief 1\n\n");
	/* Header fields and the body: quotes of the text, found before the body. */
	for (int k = 0; k < META_COUNT; k++) {
		const char *v = model_meta(m, (enum meta_key)k);
		/* Only a field the format can anchor: "Global Times" of
		 * "source:Global Times" is inside a word (word.h joins letters
		 * across ':'), so it is left out unless it stands elsewhere. */
		if (!v || anchor_of(m, 0, v, strlen(v)) == SIZE_MAX)
			continue;
		buf_printf(&b, "%s ", meta_key_name((enum meta_key)k));
		cstr(&b, v);
		buf_printf(&b, "  # %s\n", m->meta_rule[k] ? m->meta_rule[k] : "annotated");
	}
	/* Quotes after the header anchor from the body's line on, when the
	 * body is written (annot_resolve()). */
	size_t from = 0;
	if (m->body > 0 && m->body < m->doc.len) {
		/* The body's first words, as many as make the quote's first
		 * occurrence the body's own (a TAB among them is written \t). */
		const uint8_t *t = m->doc.text;
		size_t qs = m->body, line_end = doc_line_end(&m->doc, m->body_line);
		while (qs < line_end && (t[qs] == ' ' || t[qs] == '\t'))
			qs++;
		size_t end = qs;
		int words = 0;
		while (end < line_end) {
			while (end < line_end && t[end] != ' ')
				end++;
			if (++words >= 6 && first_occurrence(m, qs, end))
				break;
			if (end < line_end)
				end++;
		}
		while (end > qs && t[end - 1] == ' ')
			end--;
		if (end > qs && first_occurrence(m, qs, end)) {
			buf_adds(&b, "body ");
			str(&b, (const char *)t + qs, end - qs);
			buf_adds(&b, "  # where the article starts\n");
			from = doc_line_start(&m->doc, m->body_line);
		}
	}
	/* Every actor the model knows, annotated and automatic. */
	struct entity *all = xcalloc(m->annot.nentities + m->nauto + 1, sizeof *all);
	size_t nall = 0;
	for (size_t i = 0; i < m->nannotated; i++)
		all[nall++] = m->annot.entities[i];
	for (size_t i = 0; i < m->nauto; i++)
		all[nall++] = m->auto_ents[i];
	static const char *const heading[KIND_COUNT] = {
		"People", "Countries", "Organizations", "Media", "Places",
	};
	for (int k = 0; k < KIND_COUNT; k++) {
		int any = 0;
		for (size_t i = 0; i < nall; i++) {
			if ((int)all[i].kind != k)
				continue;
			if (!any++)
				buf_printf(&b, "\n# %s\n", heading[k]);
			actor(&b, m, &all[i], all, nall);
		}
	}
	/* The comparisons: the annotation file's as they are; the automatic
	 * ones too when it has none (else they are written commented out:
	 * its comparisons are authoritative). */
	if (m->annot.ncomparisons || m->nauto_cmps)
		buf_adds(&b, "\n# Comparisons: demands (or targets) against current levels\n");
	for (size_t i = 0; i < m->annot.ncomparisons; i++)
		comparison(&b, m, &m->annot.comparisons[i], all, nall, 0, from);
	for (size_t i = 0; i < m->nauto_cmps; i++)
		comparison(&b, m, &m->auto_cmps[i], all, nall, m->annot.ncomparisons > 0, from);
	/* Who said what. */
	size_t nq = m->annot.nquotations + m->nauto_quotes;
	if (nq)
		buf_adds(&b, "\n# Quotations\n");
	for (size_t i = 0; i < nq; i++) {
		const struct quotation *q = i < m->annot.nquotations ? &m->annot.quotations[i]
					    : &m->auto_quotes[i - m->annot.nquotations];
		/* An automatic one that an annotated one covers is not repeated. */
		int dup = 0;
		for (size_t k = 0; i >= m->annot.nquotations && k < m->annot.nquotations && !dup; k++)
			dup = m->annot.quotations[k].q.start < q->q.end
			      && q->q.start < m->annot.quotations[k].q.end;
		if (dup)
			continue;
		int ok = written_id(m, all, nall, q->speaker) && at_home(m, from, &q->q);
		buf_printf(&b, "%squotation %s ", ok ? "" : "# ", q->speaker);
		qstr(&b, &q->q);
		buf_adds(&b, q->rule ? "  # " : "\n");
		if (q->rule)
			buf_printf(&b, "%s\n", q->rule);
	}
	free(all);
	size_t w = fwrite(b.data ? b.data : "", 1, b.len, out);
	int rc = w == b.len && fflush(out) == 0 ? 0 : -1;
	buf_free(&b);
	return rc;
}
