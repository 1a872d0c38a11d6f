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

/* A string of the annotation format: "..." with \" \\ and \t escaped.  The
 * document's text is sanitised (no control but TAB; valid UTF-8), so
 * nothing else needs care. */
static void str(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '"' || c == '\\')
			buf_addc(b, '\\');
		if (c == '\t') {
			buf_adds(b, "\\t");
			continue;
		}
		if (c == '\n' || c == '\r') {
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
		for (size_t i = 0; i < n; i++) {
			char c = (char)m->doc.text[w->ev_start + i];
			buf_addc(b, c == '\n' || c == '\t' ? ' ' : c);
		}
	}
	if (w->source)
		buf_printf(b, " (%s)", w->source);
	buf_addc(b, '\n');
}

/* Where the annotation format anchors q[0, n): its first occurrence that is
 * whole words (word.h, as annot_resolve() asks), or SIZE_MAX. */
static size_t anchor_of(const struct model *m, const void *q, size_t n)
{
	const uint8_t *t = m->doc.text;
	size_t from = 0;
	while (n && from + n <= m->doc.len) {
		const uint8_t *hit = memmem(t + from, m->doc.len - from, q, n);
		if (!hit)
			break;
		size_t at = (size_t)(hit - t);
		if (word_whole(t, 0, m->doc.len, at, at + n))
			return at;
		from = at + 1;
	}
	return SIZE_MAX;
}

/* Does the quote text[start, end) anchor where it stands? */
static int first_occurrence(const struct model *m, size_t start, size_t end)
{
	return anchor_of(m, m->doc.text + start, end - start) == start;
}

static int is_written(const struct model *m, const struct entity *e)
{
	return !e->why || e->why[0].conf != CONF_UNSURE;
	(void)m;
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
		if (!v || anchor_of(m, v, strlen(v)) == SIZE_MAX)
			continue;
		buf_printf(&b, "%s ", meta_key_name((enum meta_key)k));
		cstr(&b, v);
		buf_printf(&b, "  # %s\n", m->meta_rule[k] ? m->meta_rule[k] : "annotated");
	}
	if (m->body > 0 && m->body < m->doc.len) {
		/* The body's first words, as many as make the quote's first
		 * occurrence the body's own.  A TAB ends them: the format reads
		 * one in a string as a space, so a quote holding one never
		 * anchors. */
		const uint8_t *t = m->doc.text;
		size_t qs = m->body, line_end = doc_line_end(&m->doc, m->body_line);
		while (qs < line_end && (t[qs] == ' ' || t[qs] == '\t'))
			qs++;
		const uint8_t *tab = qs < line_end ? memchr(t + qs, '\t', line_end - qs) : NULL;
		if (tab)
			line_end = (size_t)(tab - t);
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
	free(all);
	size_t w = fwrite(b.data ? b.data : "", 1, b.len, out);
	int rc = w == b.len && fflush(out) == 0 ? 0 : -1;
	buf_free(&b);
	return rc;
}
