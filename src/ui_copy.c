/* Copying: the text the copy keys ask for (excerpt.h, built for the panes)
 * and where it goes once a handler has asked (the loop's part): the
 * terminal's clipboard through OSC 52, BRIEF_COPY, or the clips file.
 *
 * OSC 52 is written here only, on the user's key (an FX_COPY comes from
 * a key's handler and from nothing else), its payload base64 of text that
 * is sanitised already (doc->text, the model's strings); the terminal is
 * asked nothing and its answer is never awaited. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/clip.h"
#include "brief/excerpt.h"
#include "brief/ui_loop.h"

/* ---- the text, for the panes ---------------------------------------------- */

void copy_excerpt_init(struct ui *u, struct excerpt_ctx *q)
{
	excerpt_init(q, u->m, u->cite, u->cite_where);
}

void fx_copy(struct fx *fx, const char *what_fmt, ...)
{
	va_list ap;
	va_start(ap, what_fmt);
	int n = vsnprintf(fx->copy_what, sizeof fx->copy_what, what_fmt, ap);
	va_end(ap);
	/* Cut short (a long name): not inside a character. */
	if (n >= (int)sizeof fx->copy_what) {
		size_t e = sizeof fx->copy_what - 1;
		while (e > 0 && ((unsigned char)fx->copy_what[e] & 0xC0) == 0x80)
			e--;
		fx->copy_what[e] = '\0';
	}
	fx->flags |= FX_COPY;
}

size_t copy_origin(struct ui *u)
{
	struct viewport *vp = &u->vp;
	if (vp->has_cursor)
		return vp->cur_start;
	/* The top row's first character that is not a space: a row that
	 * starts between two sentences belongs to the second. */
	size_t off = vp_offset(vp, vp->top);
	const struct doc *d = &u->m->doc;
	while (off < d->ready && (d->text[off] == ' ' || d->text[off] == '\t'))
		off++;
	return off;
}

void copy_sentences(struct ui *u, size_t off, long count, int paragraphs, struct fx *fx)
{
	struct excerpt_ctx q;
	copy_excerpt_init(u, &q);
	struct excerpt_span sp;
	buf_reset(&fx->copy);
	int rc = paragraphs ? excerpt_paragraphs(&q, off, count, &fx->copy, &sp)
			    : excerpt_sentences(&q, off, count, &fx->copy, &sp);
	excerpt_free(&q);
	if (rc != 0) {
		fx_message(fx, 1, "Nothing to copy here");
		return;
	}
	const struct doc *d = &u->m->doc;
	size_t l0 = doc_line_at(d, sp.start) + 1, l1 = doc_line_at(d, sp.end - 1) + 1;
	const char *unit = paragraphs ? "paragraph" : "sentence";
	char lines[64];
	if (l1 > l0)
		snprintf(lines, sizeof lines, "lines %zu\u2013%zu", l0, l1);
	else
		snprintf(lines, sizeof lines, "line %zu", l0);
	if (sp.count == 1)
		fx_copy(fx, "%s, %s", unit, lines);
	else if (count > sp.count)
		fx_copy(fx, "%ld %ss (of %ld asked), %s", sp.count, unit, count, lines);
	else
		fx_copy(fx, "%ld %ss, %s", sp.count, unit, lines);
}

void copy_entity(struct ui *u, size_t entity, struct fx *fx)
{
	struct excerpt_ctx q;
	copy_excerpt_init(u, &q);
	buf_reset(&fx->copy);
	excerpt_entity(&q, entity, &fx->copy);
	excerpt_free(&q);
	fx_copy(fx, "card of %s", u->m->annot.entities[entity].name);
}

void copy_figure_group(struct ui *u, size_t group, struct fx *fx)
{
	const struct figures *f = &u->m->figures;
	size_t *idx = NULL, n = 0, cap = 0;
	/* Its figures: from its first on, those that group with it. */
	for (size_t i = u->groups.v[group].first; i < f->n; i++) {
		if (fgroups_of(&u->groups, i) != (long)group)
			continue;
		idx = xgrowarray(idx, &cap, n + 1, sizeof *idx);
		idx[n++] = i;
	}
	struct excerpt_ctx q;
	copy_excerpt_init(u, &q);
	buf_reset(&fx->copy);
	excerpt_figures(&q, idx, n, &fx->copy);
	excerpt_free(&q);
	free(idx);
	const char *t = fgroups_wording(&u->groups, group);
	size_t len = strlen(t);
	fx_copy(fx, "figure \"%.*s\"", (int)utf8_cut(t, len, 40), t);
}

void copy_cmp_row(struct ui *u, size_t cmp, size_t row, struct fx *fx)
{
	struct excerpt_ctx q;
	copy_excerpt_init(u, &q);
	buf_reset(&fx->copy);
	excerpt_cmp_row(&q, cmp, row, &fx->copy);
	excerpt_free(&q);
	long party = u->m->cmps[cmp].rows[row].party;
	fx_copy(fx, "row of %s", party >= 0 ? u->m->annot.entities[party].name : "?");
}

void copy_cmp_measure(struct ui *u, size_t cmp, size_t measure, struct fx *fx)
{
	struct excerpt_ctx q;
	copy_excerpt_init(u, &q);
	buf_reset(&fx->copy);
	excerpt_cmp_measure(&q, cmp, measure, &fx->copy);
	excerpt_free(&q);
	const struct measure *src = u->m->cmps[cmp].measures[measure].src;
	fx_copy(fx, "measure \"%s\"", src && src->label ? src->label : "?");
}

/* ---- where it goes, for the loop ---------------------------------------------- */

struct copier {
	int osc52;
	char *command;              /* BRIEF_COPY, or NULL */
	struct clip_job *job;       /* the command at work */
	char what[80];              /* what it copies */
	/* Commands that had their text and still run (a clipboard owner):
	 * reaped when they end, else left for brief's exit. */
	struct clip_job **linger;
	size_t nlinger, cap;
};

struct copier *copier_new(int osc52, const char *command)
{
	struct copier *c = xcalloc(1, sizeof *c);
	c->osc52 = osc52;
	c->command = command && *command ? xstrdup(command) : NULL;
	return c;
}

void copier_free(struct copier *c)
{
	if (!c)
		return;
	clip_job_free(c->job);
	for (size_t i = 0; i < c->nlinger; i++)
		clip_job_free(c->linger[i]);
	free(c->linger);
	free(c->command);
	free(c);
}

/* The outcome on the status line; messages from clip.c name paths and
 * system errors, which are not the document's: sanitised all the same. */
static void say(struct ui *u, int ok, const char *what, const char *before, const char *msg)
{
	char *safe = doc_sanitize_cstr(msg);
	if (ok)
		status_message(u, 0, "%sCopied %s: %s", before, safe, what);
	else
		status_message(u, 1, "%sCopy of %s failed: %s", before, what, safe);
	free(safe);
}

static void reap_lingering(struct copier *c)
{
	size_t w = 0;
	struct clip_result r;
	for (size_t i = 0; i < c->nlinger; i++) {
		clip_job_step(c->linger[i], &r);
		if (clip_job_done(c->linger[i]))
			clip_job_free(c->linger[i]);
		else
			c->linger[w++] = c->linger[i];
	}
	c->nlinger = w;
}

static void job_over(struct copier *c)
{
	if (!clip_job_done(c->job)) {
		c->linger = xgrowarray(c->linger, &c->cap, c->nlinger + 1, sizeof *c->linger);
		c->linger[c->nlinger++] = c->job;
	} else {
		clip_job_free(c->job);
	}
	c->job = NULL;
}

void copier_deliver(struct copier *c, struct ui *u, struct fx *fx)
{
	/* Built from doc->text, which was checked when read; a mapped file
	 * changed in place since could hold anything: sanitised again now,
	 * as it goes out (nothing changes in text that was safe). */
	size_t len;
	char *safe = doc_sanitize_str(fx->copy.data ? fx->copy.data : "", fx->copy.len, &len);
	buf_reset(&fx->copy);
	buf_add(&fx->copy, safe, len);
	free(safe);
	const char *text = fx->copy.data ? fx->copy.data : "";
	const char *what = fx->copy_what[0] ? fx->copy_what : "the text";
	size_t chars = clip_chars(text, len);
	reap_lingering(c);
	/* What was said before the text went elsewhere than asked. */
	char before[160] = "";
	if (c->osc52) {
		struct buf seq = { 0 };
		if (clip_osc52(&seq, text, len) == 0) {
			int rc = tty_write_seq(seq.data, seq.len);
			buf_free(&seq);
			if (rc == 0) {
				status_message(u, 0, "Copied %zu characters to clipboard (OSC 52): %s",
					       chars, what);
				return;
			}
			snprintf(before, sizeof before, "Writing to the terminal failed. ");
		} else {
			/* Never half: a cut sequence would leave the clipboard
			 * holding the start of a quotation as if it were all. */
			snprintf(before, sizeof before, "%zu bytes, over the %zu OSC 52 takes. ",
				 len, CLIP_OSC52_MAX);
		}
	}
	struct clip_result r;
	if (c->command) {
		if (c->job) {
			status_message(u, 1, "%sStill copying %s with BRIEF_COPY: try again when it "
				       "is done", before, c->what);
			return;
		}
		c->job = clip_job_start(c->command, text, len, CLIP_JOB_MS, &r);
		if (!c->job) {
			say(u, 0, what, before, r.msg);
			return;
		}
		snprintf(c->what, sizeof c->what, "%s", what);
		if (clip_job_step(c->job, &r)) {
			say(u, r.ok, what, before, r.msg);
			job_over(c);
		} else {
			status_message(u, 0, "%sCopying %zu characters to BRIEF_COPY: %s...", before,
				       chars, what);
		}
		return;
	}
	char *path = clip_file_path();
	if (!path) {
		status_message(u, 1, "%sNowhere to copy %s: no clipboard (OSC 52), no "
			       "BRIEF_COPY, and neither XDG_STATE_HOME nor HOME for the clips file",
			       before, what);
		return;
	}
	clip_to_file(path, what, text, len, &r);
	free(path);
	say(u, r.ok, what, before, r.msg);
}

int copier_poll(const struct copier *c, struct pollfd *p, int *timeout_ms)
{
	*timeout_ms = -1;
	if (!c || !c->job)
		return 0;
	int fd;
	short ev;
	clip_job_poll(c->job, &fd, &ev, timeout_ms);
	p->fd = fd;
	p->events = ev;
	p->revents = 0;
	return fd >= 0;
}

int copier_step(struct copier *c, struct ui *u)
{
	if (!c || !c->job)
		return 0;
	struct clip_result r;
	if (!clip_job_step(c->job, &r))
		return 0;
	say(u, r.ok, c->what, "", r.msg);
	job_over(c);
	return 1;
}
