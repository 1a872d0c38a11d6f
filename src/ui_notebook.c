/* The reader's notebook: the document's notes (notes.c), loaded and
 * anchored at start, anchored again once a big text is all read, written
 * back at each change; what the margin, the panel, the note prompt and
 * the '] '[ jumps ask of them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/export_notes.h"
#include "brief/notes.h"
#include "brief/excerpt.h"
#include "brief/ui_loop.h"

struct notebook {
	struct notes list;          /* anchored: found ones first, in text order */
	char *doc;                  /* the document's identity */
	char *path;                 /* the notes file, NULL: nowhere */
	int settled;                /* anchored in the whole text */
};

/* Anchored in what is read of the text; orphans are said only once all
 * of it is. */
static void anchor(struct ui *u)
{
	const struct doc *d = &u->m->doc;
	struct notebook *nb = u->notes;
	nb->settled = doc_complete(d);
	notes_anchor(&nb->list, d->text, d->ready, nb->settled);
}

void notebook_open(struct ui *u, const char *path)
{
	struct notebook *nb = xcalloc(1, sizeof *nb);
	u->notes = nb;
	nb->doc = export_notes_doc_id(u->m, path);
	nb->path = notes_path();
	char *warning = NULL;
	notes_load(nb->path, nb->doc, &nb->list, &warning);
	if (warning) {
		char *shown = doc_sanitize_cstr(warning);
		status_message(u, 1, "Notes: %s", shown);
		free(shown);
		free(warning);
	}
	anchor(u);
}

void notebook_close(struct ui *u)
{
	struct notebook *nb = u->notes;
	if (!nb)
		return;
	notes_free(&nb->list);
	free(nb->doc);
	free(nb->path);
	free(nb);
	u->notes = NULL;
}

int notebook_margin(const struct ui *u)
{
	const struct notebook *nb = u->notes;
	return nb && nb->list.n && nb->list.v[0].place == NOTE_FOUND ? NOTEBOOK_MARGIN : 0;
}

int notebook_settle(struct ui *u)
{
	struct notebook *nb = u->notes;
	if (!nb || nb->settled || !doc_complete(&u->m->doc))
		return 0;
	if (!nb->list.n) {
		nb->settled = 1;
		return 0;
	}
	int before = notebook_margin(u);
	anchor(u);
	return notebook_margin(u) != before ? 2 : 1;
}

const struct notes *notebook_list(const struct ui *u)
{
	static const struct notes none;
	return u->notes ? &u->notes->list : &none;
}

const struct note *notebook_on(const struct ui *u, size_t start, size_t end)
{
	const struct notes *ns = notebook_list(u);
	for (size_t i = 0; i < ns->n && ns->v[i].place == NOTE_FOUND; i++)
		if (ns->v[i].start < end && start < ns->v[i].end)
			return &ns->v[i];
	return NULL;
}

size_t notebook_found(const struct ui *u)
{
	const struct notes *ns = notebook_list(u);
	size_t n = 0;
	while (n < ns->n && ns->v[n].place == NOTE_FOUND)
		n++;
	return n;
}

/* "Note 2/5, line 23: text" */
void notebook_describe(struct ui *u, const struct note *n, struct fx *fx)
{
	const struct notes *ns = notebook_list(u);
	size_t k = (size_t)(n - ns->v);
	if (n->place == NOTE_FOUND)
		fx_message(fx, 0, "Note %zu/%zu, line %zu: %s", k + 1, notebook_found(u),
			   doc_line_at(&u->m->doc, n->start) + 1, n->text);
	else
		fx_message(fx, 1, "Orphaned note (its sentence is no longer in the article, "
			   "\"%.*s%s\"): %s", (int)utf8_cut(n->anchor, strlen(n->anchor), 60),
			   n->anchor, strlen(n->anchor) > 60 ? "..." : "", n->text);
}

int notebook_jump(struct ui *u, int backward, struct fx *fx)
{
	struct viewport *vp = &u->vp;
	const struct notes *ns = notebook_list(u);
	size_t nf = notebook_found(u);
	/* From the cursor when it is on screen, as ] and [ go, else from the
	 * pane's top (down) or bottom (up). */
	int at_end = 0;
	size_t top = vp_offset(vp, vp->top), bottom = vp_bottom_off(vp, &at_end);
	int from_cursor = vp->has_cursor && vp->cur_start >= top
			  && (vp->cur_start < bottom || at_end);
	size_t ref = from_cursor ? vp->cur_start : backward ? bottom : top;
	const struct note *to = NULL;
	for (size_t i = 0; i < nf; i++) {
		const struct note *n = &ns->v[i];
		if (!backward && (from_cursor ? n->start > ref : n->start >= ref)) {
			to = n;
			break;
		}
		if (backward && (n->start < ref || (!from_cursor && at_end)))
			to = n;
	}
	if (!to) {
		if (nf)
			fx_message(fx, 1, backward ? "No note above" : "No note below");
		else if (ns->n)
			fx_message(fx, 1, "No note's sentence is in the text: %zu orphaned, in the "
				   "panel", ns->n);
		else
			fx_message(fx, 1, "No note on this article: write one with a");
		return 0;
	}
	vp_set_cursor(vp, to->start, to->end);
	notebook_describe(u, to, fx);
	return 1;
}

void notebook_go(struct ui *u, const struct note *n, struct fx *fx)
{
	if (n->place == NOTE_FOUND)
		vp_set_cursor(&u->vp, n->start, n->end);
	notebook_describe(u, n, fx);
}

int notebook_target(struct ui *u, struct notebook_target *t)
{
	memset(t, 0, sizeof *t);
	struct excerpt_ctx q;
	copy_excerpt_init(u, &q);
	size_t s, e;
	char *text = excerpt_sentence_text(&q, copy_origin(u), &s, &e);
	excerpt_free(&q);
	if (!text)
		return -1;
	t->anchor = notes_anchor_text(text, strlen(text));
	free(text);
	t->start = s;
	t->end = e;
	const struct note *n = notebook_on(u, s, e);
	if (n) {
		t->id = n->id;
		t->text = xstrdup(n->text);
	}
	return 0;
}

void notebook_target_free(struct notebook_target *t)
{
	free(t->anchor);
	free(t->text);
	memset(t, 0, sizeof *t);
}

void notebook_write(struct ui *u, const struct notebook_target *t, const char *typed,
		    struct fx *fx)
{
	struct notebook *nb = u->notes;
	if (!nb)
		return;
	char *text = notes_clean_text(typed, strlen(typed));
	if (!*text && !t->id) {
		free(text);
		fx_message(fx, 0, "No note written");
		return;
	}
	struct note n = { 0 };
	n.id = t->id ? t->id : notes_new_id();
	n.hint = t->start;
	n.anchor = t->anchor;
	n.text = text;
	int removing = !*text;
	int margin = notebook_margin(u);
	char *warning = NULL;
	/* The reader's signal pipe cuts a wait for another brief's lock
	 * short: a ^C or a hang-up is not held up by it. */
	struct state_wait wait = { signals_fd(), STATE_WAIT_MS };
	struct notes now = { 0 };
	int rc = notes_update(nb->path, nb->doc, removing ? NULL : &n, removing ? n.id : 0, &wait,
			      &now, &warning);
	if (rc == 0) {
		notes_free(&nb->list);
		nb->list = now;
		anchor(u);
		size_t line = doc_line_at(&u->m->doc, t->start) + 1;
		if (removing)
			fx_message(fx, 0, "Note on line %zu removed", line);
		else
			fx_message(fx, 0, "Note on line %zu kept in %s", line, nb->path);
	} else {
		char *shown = doc_sanitize_cstr(warning ? warning : "not written");
		fx_message(fx, 1, "Note not kept: %s", shown);
		free(shown);
	}
	free(warning);
	free(text);
	fx->flags |= FX_NOTES | FX_REDRAW;
	if (notebook_margin(u) != margin)
		fx->flags |= FX_RELAYOUT;
}
