/* The side panel: actors grouped by kind and figures, each with its count;
 * Enter or a click selects one, and the article goes to its first
 * occurrence. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/notes.h"
#include "brief/ui_pane.h"

struct panel_row {
	enum { PROW_HEADING, PROW_ENTITY, PROW_FIGURE, PROW_NOTE, PROW_READER_NOTE, PROW_HIDDEN } kind;
	size_t index;               /* entity index, figure group, reader's note, or
	                               (hidden) an automatic actor not shown:
	                               model.auto_ents */
	char *text;                 /* headings and notes */
};

struct panel {
	struct panel_row *row;
	size_t cap;
	struct list list;           /* list.n rows of row[] */
	unsigned sel_seen;          /* the selection (ui.sel_gen) last brought into view */
	struct buf label;           /* scratch: a figure row's label */
};

static int selectable(const struct panel_row *r)
{
	return r->kind == PROW_ENTITY || r->kind == PROW_FIGURE || r->kind == PROW_READER_NOTE
	       || r->kind == PROW_HIDDEN;
}

static int row_ok(void *ctx, size_t i)
{
	const struct panel *p = ctx;
	return selectable(&p->row[i]);
}

static void add_row(struct panel *p, int kind, size_t index, const char *text)
{
	p->row = xgrowarray(p->row, &p->cap, p->list.n + 1, sizeof *p->row);
	struct panel_row *r = &p->row[p->list.n++];
	r->kind = kind;
	r->index = index;
	r->text = text ? xstrdup(text) : NULL;
}

static void clear_rows(struct panel *p)
{
	for (size_t i = 0; i < p->list.n; i++)
		free(p->row[i].text);
	p->list.n = 0;
}

/* The unsure ones: the last group of actors, not by kind. */
static int unsure(const struct model *m, size_t i)
{
	return model_entity_conf(m, i) == CONF_UNSURE;
}

/* The rows again from the model: cheap, done as the scan progresses. */
static void panel_update(struct ui *u, void *self, int done)
{
	(void)done;
	struct panel *p = self;
	const struct model *m = u->m;
	const struct annot *a = &m->annot;
	size_t keep = p->list.sel < p->list.n ? p->list.sel : 0;
	clear_rows(p);
	/* The reader's own notes first (ui_notebook.c): found ones in text
	 * order, then the orphans. */
	const struct notes *ns = notebook_list(u);
	if (ns->n)
		add_row(p, PROW_HEADING, 0, "NOTES");
	for (size_t i = 0; i < ns->n; i++)
		add_row(p, PROW_READER_NOTE, i, NULL);
	/* Actors found by brief itself say so, as machine-made highlights. */
	size_t hidden = 0;
	for (size_t i = 0; m->auto_done && m->auto_show != MODEL_AUTO_HIDDEN && i < m->nauto; i++)
		hidden += !model_auto_is_shown(m, &m->auto_ents[i])
			  && m->auto_ents[i].why && m->auto_ents[i].why[0].conf == CONF_UNSURE;
	if (a->nentities || hidden) {
		/* Past the finder's bounds the sure ones only (model.h): the
		 * title says so, or likely actors would vanish unexplained. */
		unsigned confs = model_auto_confs(m, m->auto_show);
		char title[64];
		if (a->nentities == m->nannotated && m->nannotated)
			snprintf(title, sizeof title, "ACTORS");
		else if (confs == (MODEL_CONF(CONF_SURE) | MODEL_CONF(CONF_LIKELY)) || confs == MODEL_CONFS_ALL)
			snprintf(title, sizeof title, "ACTORS (%sauto)", m->nannotated ? "+ " : "");
		else
			snprintf(title, sizeof title, "ACTORS (%sauto: %s)", m->nannotated ? "+ " : "",
				 model_confs_name(confs));
		add_row(p, PROW_HEADING, 0, title);
	}
	for (int k = 0; k < KIND_COUNT; k++) {
		int shown = 0;
		for (size_t i = 0; i < a->nentities; i++) {
			if ((int)a->entities[i].kind != k || unsure(m, i))
				continue;
			if (!shown++)
				add_row(p, PROW_NOTE, 0, entity_kind_heading((enum entity_kind)k));
			add_row(p, PROW_ENTITY, i, NULL);
		}
	}
	/* Unsure ones last: highlighted once A shows them, dim rows till then. */
	int shown = 0;
	for (size_t i = 0; i < a->nentities; i++) {
		if (!unsure(m, i))
			continue;
		if (!shown++)
			add_row(p, PROW_NOTE, 0, "Unsure");
		add_row(p, PROW_ENTITY, i, NULL);
	}
	for (size_t i = 0; hidden && i < m->nauto; i++) {
		const struct entity *e = &m->auto_ents[i];
		if (model_auto_is_shown(m, e) || !e->why || e->why[0].conf != CONF_UNSURE)
			continue;
		if (!shown++)
			add_row(p, PROW_NOTE, 0, "Unsure (A shows)");
		add_row(p, PROW_HIDDEN, i, NULL);
	}
	add_row(p, PROW_HEADING, 0, "FIGURES");
	for (size_t g = 0; g < u->groups.n; g++)
		add_row(p, PROW_FIGURE, g, NULL);
	if (!u->groups.n && model_scan_done(u->m))
		add_row(p, PROW_NOTE, 0, "none found");
	if (!model_scan_done(u->m)) {
		char note[48];
		snprintf(note, sizeof note, "%s %d%%", u->ascii ? "scanning..." : "scanning…",
			 model_scan_percent(u->m));
		add_row(p, PROW_NOTE, 0, note);
	}
	p->list.sel = keep;
	if (p->list.sel >= p->list.n || !selectable(&p->row[p->list.sel])) {
		for (p->list.sel = 0; p->list.sel < p->list.n && !selectable(&p->row[p->list.sel]);
		     p->list.sel++)
			;
	}
}

static void *panel_create(struct ui *u)
{
	struct panel *p = xcalloc(1, sizeof *p);
	p->list.ok = row_ok;
	p->list.ctx = p;
	p->list.lead = 1;           /* ACTORS and People above the first actor */
	(void)u;
	return p;
}

static void panel_destroy(struct ui *u, void *self)
{
	(void)u;
	struct panel *p = self;
	clear_rows(p);
	free(p->row);
	buf_free(&p->label);
	free(p);
}

static void panel_resize(struct ui *u, void *self, int rows, int cols)
{
	(void)u, (void)cols;
	struct panel *p = self;
	p->list.rows = rows;
}

static void draw_row(struct ui *u, struct panel *p, WINDOW *w, int y, int x, int width, size_t i)
{
	const struct panel_row *r = &p->row[i];
	const struct annot *a = &u->m->annot;
	int sel = i == p->list.sel;
	attr_t at = sel && u->focus == PANE_PANEL ? u->attr[ROLE_ROW_FOCUS] : u->attr[ROLE_ROW];
	char count[24];
	const char *name = NULL;
	size_t namelen = 0;
	switch (r->kind) {
	case PROW_HEADING:
		draw_cut_str(w, y, x, width, r->text, u->attr[ROLE_TITLE], u->ascii);
		return;
	case PROW_NOTE:
		draw_cut_str(w, y, x + 1, width - 1, r->text, u->attr[ROLE_DIM], u->ascii);
		return;
	case PROW_ENTITY:
		name = a->entities[r->index].name;
		namelen = strlen(name);
		snprintf(count, sizeof count, "%zu", u->m->mentions.count[r->index]);
		if (u->sel.active && !u->sel.is_figure && u->sel.entity == (long)r->index)
			at |= u->attr[ROLE_SELECTED];
		break;
	case PROW_HIDDEN:
		/* Not highlighted nor counted until asked (A): dim, no count. */
		name = u->m->auto_ents[r->index].name;
		namelen = strlen(name);
		count[0] = '\0';
		at = sel && u->focus == PANE_PANEL ? u->attr[ROLE_ROW_FOCUS] : u->attr[ROLE_DIM];
		break;
	case PROW_FIGURE:
		/* As a reader writes it, with its meaning when the value alone
		 * does not tell it from another row. */
		buf_reset(&p->label);
		fgroups_label(&u->groups, r->index, u->ascii, &p->label);
		name = p->label.data ? p->label.data : "";
		namelen = p->label.len;
		snprintf(count, sizeof count, "%zu", u->groups.v[r->index].count);
		if (u->sel.active && u->sel.is_figure && u->sel.fig_group == r->index)
			at |= u->attr[ROLE_SELECTED];
		break;
	case PROW_READER_NOTE: {
		/* The note, and on the right its line ("?": orphaned). */
		const struct note *n = &notebook_list(u)->v[r->index];
		name = n->text;
		namelen = strlen(name);
		if (n->place == NOTE_FOUND)
			snprintf(count, sizeof count, "%zu", doc_line_at(&u->m->doc, n->start) + 1);
		else
			snprintf(count, sizeof count, "?");
		if (n->place != NOTE_FOUND && !sel)
			at |= u->attr[ROLE_DIM];
		break;
	}
	}
	draw_fill(w, y, x, width, at);
	/* A marker as well as the colour: the selected row reads in monochrome. */
	draw_str(w, y, x, 2, sel ? ">" : " ", at);
	int cw = text_width(count);
	int room = width - 2 - cw - 1;
	if (room > 0)
		draw_cut(w, y, x + 2, room, (const uint8_t *)name, namelen, at, u->ascii);
	if (width - cw > 2)
		draw_str(w, y, x + width - cw, cw, count, at);
}

/* An entity or figure selected elsewhere (a click in the article, *):
 * its row becomes the panel's selection, and so comes into view.  Once per
 * selection, so that moving in the panel afterwards is not undone. */
static void follow_selection(struct ui *u, struct panel *p)
{
	if (!u->sel.active || u->sel_gen == p->sel_seen)
		return;
	for (size_t i = 0; i < p->list.n; i++) {
		const struct panel_row *r = &p->row[i];
		int hit = u->sel.is_figure ? r->kind == PROW_FIGURE && r->index == u->sel.fig_group
					   : r->kind == PROW_ENTITY && (long)r->index == u->sel.entity;
		if (hit) {
			p->list.sel = i;
			p->sel_seen = u->sel_gen;
			return;
		}
	}
	/* Not listed yet (the scan goes on): looked for again next frame. */
}

static void panel_draw(struct ui *u, void *self, WINDOW *w, int fresh)
{
	(void)fresh;
	struct panel *p = self;
	int h, wd;
	getmaxyx(w, h, wd);
	werase(w);
	/* Beside the article a rule on its left; over it (narrow screens,
	 * from the left edge), none. */
	int over = getbegx(w) == 0;
	int x = over ? 0 : 1;
	if (!over) {
		for (int y = 0; y < h; y++)
			draw_str(w, y, 0, 1, u->ascii ? "|" : "│", u->attr[ROLE_BORDER]);
	}
	int width = wd - x - 1;
	if (width < 1) {
		wnoutrefresh(w);
		return;
	}
	p->list.rows = h;
	follow_selection(u, p);
	list_show(&p->list);
	struct list_view v;
	list_view(&p->list, &v);
	for (int r = 0; r < v.content && v.first + (size_t)r < p->list.n; r++)
		draw_row(u, p, w, v.up + r, x, width, v.first + (size_t)r);
	list_draw_marks(u, &p->list, w, 0, x, width);
	wnoutrefresh(w);
}

/* Select the selected row's entity or figures: the article then goes to
 * the first occurrence. */
static enum action activate(struct ui *u, struct panel *p, long *count, struct fx *fx)
{
	if (p->list.sel >= p->list.n)
		return ACT_NONE;
	const struct panel_row *r = &p->row[p->list.sel];
	if (r->kind == PROW_ENTITY) {
		select_entity(u, (long)r->index);
	} else if (r->kind == PROW_FIGURE) {
		select_figure_group(u, r->index);
	} else if (r->kind == PROW_READER_NOTE) {
		notebook_go(u, &notebook_list(u)->v[r->index], fx);
		return ACT_NONE;
	} else {
		return ACT_NONE;
	}
	*count = 0;
	return ACT_NEXT_MATCH;
}

/* The selected row as a card's or a why's target. */
static struct target row_target(const struct panel *p)
{
	struct target t = { 0 };
	if (p->list.sel >= p->list.n)
		return t;
	const struct panel_row *r = &p->row[p->list.sel];
	t.kind = r->kind == PROW_ENTITY ? TARGET_ENTITY : r->kind == PROW_FIGURE ? TARGET_FIGURE
	       : r->kind == PROW_HIDDEN ? TARGET_HIDDEN : TARGET_NONE;
	t.index = r->index;
	return t;
}

/* Whether the selected row is what is selected already (Enter again). */
static int row_is_selection(const struct ui *u, const struct panel *p)
{
	struct target t = row_target(p);
	if (!u->sel.active)
		return 0;
	return u->sel.is_figure ? t.kind == TARGET_FIGURE && t.index == u->sel.fig_group
				: t.kind == TARGET_ENTITY && (long)t.index == u->sel.entity;
}

static enum action panel_handle(struct ui *u, void *self, enum action a, long *count,
				struct fx *fx)
{
	struct panel *p = self;
	fx->flags |= FX_REDRAW;
	if (list_handle(&p->list, a, *count))
		return ACT_NONE;
	struct target t = row_target(p);
	switch (a) {
	case ACT_WHY:
		status_why(u, &t, fx);
		return ACT_NONE;
	case ACT_ENTER:
		/* Enter selects a row; on the row selected, or one that cannot
		 * be (an unsure actor not shown), it opens the card. */
		if (t.kind != TARGET_HIDDEN && !row_is_selection(u, p))
			return activate(u, p, count, fx);
		/* fall through */
	case ACT_INFO:
		if (t.kind == TARGET_NONE)
			return ACT_NONE;
		u->card = t;
		fx->flags |= FX_CARD;
		return ACT_NONE;
	case ACT_COPY_SENTENCE: {
		if (p->list.sel >= p->list.n)
			return a;
		/* The selected row's card, or its figure with its sentences. */
		const struct panel_row *r = &p->row[p->list.sel];
		if (r->kind == PROW_ENTITY) {
			copy_entity(u, r->index, fx);
		} else if (r->kind == PROW_FIGURE) {
			copy_figure_group(u, r->index, fx);
		} else if (r->kind == PROW_READER_NOTE) {
			const struct note *n = &notebook_list(u)->v[r->index];
			if (n->place == NOTE_FOUND)
				copy_sentences(u, n->start, 1, 0, fx);
			else
				notebook_describe(u, n, fx);
		} else {
			return a;
		}
		return ACT_NONE;
	}
	default:
		return a;
	}
}

static enum action panel_mouse(struct ui *u, void *self, int y, int x, int wheel, long *count,
			       struct fx *fx)
{
	(void)x;
	struct panel *p = self;
	fx->flags |= FX_REDRAW;
	if (wheel) {
		list_scroll(&p->list, wheel);
		return ACT_NONE;
	}
	if (!list_click(&p->list, y))
		return ACT_NONE;
	return activate(u, p, count, fx);
}

const struct pane_ops panel_pane = {
	.name = "panel",
	.focusable = 1,
	.create = panel_create,
	.destroy = panel_destroy,
	.resize = panel_resize,
	.draw = panel_draw,
	.handle = panel_handle,
	.mouse = panel_mouse,
	.update = panel_update,
};
