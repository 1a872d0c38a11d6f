/* brief --export notes: a document's notes with their sentences, as
 * Markdown or JSON (export_notes.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/export_notes.h"
#include "brief/notes.h"
#include "brief/excerpt.h"
#include "brief/state.h"

char *export_notes_doc_id(const struct model *m, const char *path)
{
	const char *title = model_meta(m, META_TITLE);
	int from_stdin = path && !strcmp(path, "-");
	/* The key costs a hash of the text's ends: only when it is the id. */
	uint64_t key = from_stdin && !title ? state_key(m->doc.orig, m->doc.orig_len) : 0;
	return notes_doc_id(path, path ? NULL : m->doc.name, title, key);
}

/* The document's text as quoted: sanitised again as it is written (a
 * mapped file may have changed since it was checked), white space folded,
 * at most NOTES_ANCHOR_MAX bytes as a note's anchor is. */
static char *sentence_of(const struct model *m, const struct note *n)
{
	if (n->place != NOTE_FOUND)
		return xstrdup(n->anchor);
	return notes_anchor_text((const char *)m->doc.text + n->start, n->end - n->start);
}

static size_t line_of(const struct model *m, const struct note *n)
{
	return doc_line_at(&m->doc, n->start) + 1;
}

/* ---- Markdown ------------------------------------------------------------- */

static void md_heading(struct buf *b, const struct model *m)
{
	const char *title = model_meta(m, META_TITLE);
	if (!title)
		title = model_meta(m, META_SECTION);
	buf_adds(b, "# Notes: ");
	const char *t = title ? title : m->doc.name;
	cite_md_escape(b, t, strlen(t));
	buf_adds(b, "\n\n");
	static const enum meta_key more[] = { META_BYLINE, META_SOURCE, META_DATE };
	int any = 0;
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
		const char *f = model_meta(m, more[i]);
		if (!f || (title && !strcmp(f, title)))
			continue;
		buf_adds(b, any ? " \u00b7 " : "");
		cite_md_escape(b, f, strlen(f));
		any = 1;
	}
	if (any)
		buf_adds(b, "\n\n");
}

static void md_note(struct buf *b, const struct model *m, const struct note *n)
{
	char *q = sentence_of(m, n);
	struct cite_source where = { 0 };
	if (n->place == NOTE_FOUND)
		where.line = line_of(m, n);
	if (where.line) {
		cite_quote(b, q, strlen(q), &where, CITE_MARKDOWN);
	} else {
		buf_adds(b, "> ");
		cite_md_escape(b, q, strlen(q));
		buf_addc(b, '\n');
	}
	free(q);
	buf_addc(b, '\n');
	cite_md_escape(b, n->text, strlen(n->text));
	buf_adds(b, "\n\n");
}

static void markdown(struct buf *b, const struct model *m, const struct notes *ns,
		     const struct cite_source *src, enum cite_style style)
{
	md_heading(b, m);
	size_t found = 0;
	while (found < ns->n && ns->v[found].place == NOTE_FOUND)
		found++;
	if (!ns->n)
		buf_adds(b, "No notes on this document.\n\n");
	for (size_t i = 0; i < found; i++)
		md_note(b, m, &ns->v[i]);
	if (found < ns->n)
		buf_adds(b, "## Orphaned notes\n\nTheir sentences are no longer in the article.\n\n");
	for (size_t i = found; i < ns->n; i++)
		md_note(b, m, &ns->v[i]);
	buf_adds(b, "---\n\n");
	cite_line(b, src, style);
	buf_addc(b, '\n');
}

/* ---- JSON ------------------------------------------------------------------- */

/* A JSON string of s, sanitised as it is written (as export_json.c's):
 * the document's id is its real path, as raw as the file system has it,
 * and a C1 control or a bidi override in it would reach whatever reads
 * the JSON raw. */
static void jstr(struct buf *b, const char *raw)
{
	if (!raw) {
		buf_adds(b, "null");
		return;
	}
	char *s = doc_sanitize_str(raw, strlen(raw), NULL);
	buf_addc(b, '"');
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c == '"' || *c == '\\')
			buf_printf(b, "\\%c", *c);
		else if (*c == '\n')
			buf_adds(b, "\\n");
		else if (*c == '\t')
			buf_adds(b, "\\t");
		else if (*c < 0x20 || *c == 0x7f)
			buf_printf(b, "\\u%04x", *c);
		else
			buf_addc(b, (char)*c);
	}
	buf_addc(b, '"');
	free(s);
}

static void json(struct buf *b, const struct model *m, const char *id, const struct notes *ns,
		 const struct cite_source *src, enum cite_style style)
{
	buf_adds(b, "{\n  \"document\": {\"name\": ");
	jstr(b, m->doc.name);
	buf_adds(b, ", \"id\": ");
	jstr(b, id);
	for (int k = 0; k < META_COUNT; k++) {
		if (k == META_CREDIT)
			continue;
		buf_printf(b, ", \"%s\": ", meta_key_name((enum meta_key)k));
		jstr(b, model_meta(m, (enum meta_key)k));
	}
	buf_adds(b, "},\n  \"citation\": ");
	struct buf c = { 0 };
	cite_line(&c, src, style);
	jstr(b, c.data ? c.data : "");
	buf_free(&c);
	buf_adds(b, ",\n  \"notes\": [");
	for (size_t i = 0; i < ns->n; i++) {
		const struct note *n = &ns->v[i];
		buf_adds(b, i ? ",\n    {" : "\n    {");
		buf_printf(b, "\"id\": \"%016llx\", ", (unsigned long long)n->id);
		if (n->place == NOTE_FOUND) {
			size_t os = doc_orig_off(&m->doc, n->start), oe = doc_orig_off(&m->doc, n->end);
			buf_printf(b, "\"line\": %zu, \"start\": %zu, \"end\": %zu, ", line_of(m, n), os,
				   oe < os ? os : oe);
		} else {
			buf_adds(b, "\"line\": null, \"start\": null, \"end\": null, ");
		}
		buf_printf(b, "\"orphaned\": %s, \"quote\": ", n->place == NOTE_FOUND ? "false" : "true");
		char *q = sentence_of(m, n);
		jstr(b, q);
		free(q);
		buf_adds(b, ", \"note\": ");
		jstr(b, n->text);
		buf_addc(b, '}');
	}
	buf_adds(b, ns->n ? "\n  ]\n}\n" : "]\n}\n");
}

int export_notes(FILE *out, const struct model *m, const char *path, const char *notes_path,
		 enum export_notes_format f, enum cite_style style, char **warning)
{
	*warning = NULL;
	char *id = export_notes_doc_id(m, path);
	struct notes ns = { 0 };
	/* Lines not understood leave the rest to write; a file that could
	 * not be read at all leaves nothing. */
	int rc = notes_load(notes_path, id, &ns, warning);
	if (rc < 0) {
		notes_free(&ns);
		free(id);
		return 2;
	}
	notes_anchor(&ns, m->doc.text, m->doc.ready, doc_complete(&m->doc));
	struct excerpt_ctx q;
	excerpt_init(&q, m, style, path && strcmp(path, "-") ? path : NULL);
	struct buf b = { 0 };
	if (f == EXPORT_NOTES_JSON)
		json(&b, m, id, &ns, &q.src, style);
	else
		markdown(&b, m, &ns, &q.src, style);
	excerpt_free(&q);
	notes_free(&ns);
	free(id);
	errno = 0;
	size_t len = b.len;
	size_t w = len ? fwrite(b.data, 1, len, out) : 0;
	buf_free(&b);
	if (w != len || fflush(out) != 0 || ferror(out))
		return -1;
	return rc;
}
