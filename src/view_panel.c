/* The side panel: actors grouped by kind and figures, each with its count. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/ui_views.h"

static const char *const kind_heading[KIND_COUNT] = {
	[KIND_PERSON] = "People", [KIND_COUNTRY] = "Countries",
	[KIND_ORGANIZATION] = "Organizations", [KIND_MEDIA] = "Media", [KIND_PLACE] = "Places",
};

const char *figure_group_text(struct ui *u, size_t g, size_t *len)
{
	const struct figure *f = &u->m->figures.v[u->groups[g].first];
	*len = f->end - f->start;
	return (const char *)u->m->doc.text + f->start;
}

static uint32_t hash_bytes(const uint8_t *s, size_t n)
{
	uint64_t h = fnv1a(FNV1A_START, s, n);
	return (uint32_t)(h ^ (h >> 32));
}

static void ghash_insert(struct ui *u, size_t g)
{
	size_t mask = u->ghash_cap - 1;
	for (size_t i = u->groups[g].hash & mask;; i = (i + 1) & mask) {
		if (!u->ghash[i]) {
			u->ghash[i] = (uint32_t)(g + 1);
			return;
		}
	}
}

static void ghash_grow(struct ui *u)
{
	free(u->ghash);
	u->ghash_cap = u->ghash_cap ? u->ghash_cap * 2 : 64;
	u->ghash = xcalloc(u->ghash_cap, sizeof *u->ghash);
	for (size_t g = 0; g < u->ngroups; g++)
		ghash_insert(u, g);
}

/* The group whose figures read as s[0, n) (hash h), or -1 with *empty the
 * free slot where it would go. */
static long ghash_find(const struct ui *u, const uint8_t *s, size_t n, uint32_t h, size_t *empty)
{
	const uint8_t *t = u->m->doc.text;
	size_t mask = u->ghash_cap - 1, slot = h & mask;
	for (; u->ghash[slot]; slot = (slot + 1) & mask) {
		const struct fig_group *g = &u->groups[u->ghash[slot] - 1];
		const struct figure *gf = &u->m->figures.v[g->first];
		if (g->hash == h && gf->end - gf->start == n && memcmp(t + gf->start, s, n) == 0)
			return (long)(u->ghash[slot] - 1);
	}
	if (empty)
		*empty = slot;
	return -1;
}

/* Figures with the same text form one panel row ("25 percent  2"). */
static void group_new_figures(struct ui *u)
{
	const struct figures *f = &u->m->figures;
	const uint8_t *t = u->m->doc.text;
	for (size_t i = u->figs_grouped; i < f->n; i++) {
		size_t n = f->v[i].end - f->v[i].start;
		uint32_t h = hash_bytes(t + f->v[i].start, n);
		if ((u->ngroups + 1) * 2 > u->ghash_cap)
			ghash_grow(u);
		size_t slot;
		long g = ghash_find(u, t + f->v[i].start, n, h, &slot);
		if (g >= 0) {
			u->groups[g].count++;
			continue;
		}
		xgrow((void **)&u->groups, &u->groups_cap, u->ngroups + 1, sizeof *u->groups);
		u->groups[u->ngroups] = (struct fig_group){ i, 1, h };
		u->ghash[slot] = (uint32_t)(u->ngroups + 1);
		u->ngroups++;
	}
	u->figs_grouped = f->n;
}

/* The group a figure belongs to, or -1 if it is not grouped yet. */
long figure_group_of(struct ui *u, const struct figure *f)
{
	if (!u->ghash_cap)
		return -1;
	const uint8_t *s = u->m->doc.text + f->start;
	size_t n = f->end - f->start;
	return ghash_find(u, s, n, hash_bytes(s, n), NULL);
}

static void add_row(struct ui *u, int kind, size_t index, const char *text)
{
	xgrow((void **)&u->prow, &u->prow_cap, u->nprow + 1, sizeof *u->prow);
	struct panel_row *r = &u->prow[u->nprow++];
	r->kind = kind;
	r->index = index;
	r->text = text ? xstrdup(text) : NULL;
}

static void clear_rows(struct ui *u)
{
	for (size_t i = 0; i < u->nprow; i++)
		free(u->prow[i].text);
	u->nprow = 0;
}

static int selectable(const struct panel_row *r)
{
	return r->kind == PROW_ENTITY || r->kind == PROW_FIGURE;
}

/* Rebuild the rows from the model; cheap, called as the scan progresses. */
void panel_update(struct ui *u)
{
	const struct annot *a = &u->m->annot;
	group_new_figures(u);
	size_t keep = u->psel < u->nprow ? u->psel : 0;
	clear_rows(u);
	if (a->nentities)
		add_row(u, PROW_HEADING, 0, "ACTORS");
	for (int k = 0; k < KIND_COUNT; k++) {
		int shown = 0;
		for (size_t i = 0; i < a->nentities; i++) {
			if ((int)a->entities[i].kind != k)
				continue;
			if (!shown++)
				add_row(u, PROW_NOTE, 0, kind_heading[k]);
			add_row(u, PROW_ENTITY, i, NULL);
		}
	}
	add_row(u, PROW_HEADING, 0, "FIGURES");
	for (size_t g = 0; g < u->ngroups; g++)
		add_row(u, PROW_FIGURE, g, NULL);
	if (!u->ngroups && model_scan_done(u->m))
		add_row(u, PROW_NOTE, 0, "none found");
	if (!model_scan_done(u->m)) {
		char note[48];
		snprintf(note, sizeof note, "%s %d%%", u->ascii ? "scanning..." : "scanning…",
			 model_scan_percent(u->m));
		add_row(u, PROW_NOTE, 0, note);
	}
	u->psel = keep;
	if (u->psel >= u->nprow || !selectable(&u->prow[u->psel])) {
		for (u->psel = 0; u->psel < u->nprow && !selectable(&u->prow[u->psel]); u->psel++)
			;
	}
}

void panel_free(struct ui *u)
{
	clear_rows(u);
	free(u->prow);
	free(u->groups);
	free(u->ghash);
}

static void draw_row(struct ui *u, WINDOW *w, int y, int x, int width, size_t i)
{
	const struct panel_row *r = &u->prow[i];
	const struct annot *a = &u->m->annot;
	int sel = i == u->psel;
	attr_t at = sel && u->focus == PANE_PANEL ? u->attr[ROLE_ROW_FOCUS] : u->attr[ROLE_ROW];
	char count[24];
	const char *name = NULL;
	size_t namelen = 0;
	switch (r->kind) {
	case PROW_HEADING:
		draw_str(w, y, x, width, r->text, u->attr[ROLE_TITLE]);
		return;
	case PROW_NOTE:
		draw_str(w, y, x + 1, width - 1, r->text, u->attr[ROLE_DIM]);
		return;
	case PROW_ENTITY:
		name = a->entities[r->index].name;
		namelen = strlen(name);
		snprintf(count, sizeof count, "%zu", u->m->mentions.count[r->index]);
		if (u->sel.active && !u->sel.is_figure && u->sel.entity == (long)r->index)
			at |= u->attr[ROLE_SELECTED];
		break;
	case PROW_FIGURE:
		name = figure_group_text(u, r->index, &namelen);
		snprintf(count, sizeof count, "%zu", u->groups[r->index].count);
		if (u->sel.active && u->sel.is_figure && u->sel.fig_group == r->index)
			at |= u->attr[ROLE_SELECTED];
		break;
	}
	draw_fill(w, y, x, width, at);
	/* A marker as well as the colour: the selected row reads in monochrome. */
	draw_str(w, y, x, 2, sel ? ">" : " ", at);
	int cw = text_width(count);
	int room = width - 2 - cw - 1;
	if (room > 0)
		draw_text(w, y, x + 2, room, (const uint8_t *)name, namelen, at);
	if (width - cw > 2)
		draw_str(w, y, x + width - cw, cw, count, at);
}

void panel_draw(struct ui *u)
{
	WINDOW *w = u->win[PANE_PANEL];
	int h, wd;
	getmaxyx(w, h, wd);
	werase(w);
	int x = u->panel_overlay ? 0 : 1;
	if (!u->panel_overlay) {
		for (int y = 0; y < h; y++)
			draw_str(w, y, 0, 1, u->ascii ? "|" : "│", u->attr[ROLE_BORDER]);
	}
	int width = wd - x - 1;
	if (width < 1) {
		wnoutrefresh(w);
		return;
	}
	/* Keep the selected row in view, and when it is the top row the
	 * headings right above it too (ACTORS and People above the first). */
	if (u->psel < u->ptop)
		u->ptop = u->psel;
	if (u->psel == u->ptop && h > 0)
		while (u->ptop > 0 && !selectable(&u->prow[u->ptop - 1])
		       && u->psel - (u->ptop - 1) < (size_t)h)
			u->ptop--;
	if (h > 0 && u->psel >= u->ptop + (size_t)h)
		u->ptop = u->psel - (size_t)h + 1;
	for (int y = 0; y < h && u->ptop + (size_t)y < u->nprow; y++)
		draw_row(u, w, y, x, width, u->ptop + (size_t)y);
	wnoutrefresh(w);
}

static int row_ok(void *ctx, size_t i)
{
	const struct ui *u = ctx;
	return selectable(&u->prow[i]);
}

static void move_sel(struct ui *u, long delta)
{
	u->psel = list_step(u->psel, u->nprow, delta, row_ok, u);
}

static void free_occ(struct selection *s)
{
	free(s->occ);
	free(s->occ_end);
	s->occ = s->occ_end = NULL;
	s->nocc = 0;
}

void selection_clear(struct ui *u)
{
	free_occ(&u->sel);
	u->sel.active = 0;
	if (u->nav == NAV_SELECTION)
		u->nav = NAV_NONE;
}

static void add_occ(struct selection *s, size_t *cap, size_t start, size_t end)
{
	size_t c2 = *cap;
	xgrow((void **)&s->occ, cap, s->nocc + 1, sizeof *s->occ);
	xgrow((void **)&s->occ_end, &c2, s->nocc + 1, sizeof *s->occ_end);
	s->occ[s->nocc] = start;
	s->occ_end[s->nocc++] = end;
}

static void jump_to_first(struct ui *u)
{
	u->vp.has_cursor = 0;
	u->nav = NAV_SELECTION;
	article_handle(u, ACT_NEXT_MATCH, 0);
}

/* The selection's occurrences, from its entity or figure group. */
static void fill_occurrences(struct ui *u)
{
	struct selection *s = &u->sel;
	size_t cap = 0;
	free_occ(s);
	if (!s->is_figure) {
		const struct mentions *mn = &u->m->mentions;
		for (size_t i = 0; i < mn->n; i++)
			if (mn->v[i].entity == (uint32_t)s->entity)
				add_occ(s, &cap, mn->v[i].start, mn->v[i].end);
		return;
	}
	size_t len;
	const char *text = figure_group_text(u, s->fig_group, &len);
	const struct figures *f = &u->m->figures;
	for (size_t i = u->groups[s->fig_group].first; i < f->n; i++)
		if (f->v[i].end - f->v[i].start == len
		    && memcmp(u->m->doc.text + f->v[i].start, text, len) == 0)
			add_occ(s, &cap, f->v[i].start, f->v[i].end);
}

void selection_refresh(struct ui *u)
{
	if (u->sel.active)
		fill_occurrences(u);
}

void select_entity(struct ui *u, long entity)
{
	selection_clear(u);
	u->sel = (struct selection){ .active = 1, .entity = entity };
	fill_occurrences(u);
	jump_to_first(u);
}

void select_figure_group(struct ui *u, size_t group)
{
	selection_clear(u);
	u->sel = (struct selection){ .active = 1, .is_figure = 1, .fig_group = group };
	fill_occurrences(u);
	jump_to_first(u);
}

static void activate(struct ui *u)
{
	if (u->psel >= u->nprow)
		return;
	const struct panel_row *r = &u->prow[u->psel];
	if (r->kind == PROW_ENTITY)
		select_entity(u, (long)r->index);
	else if (r->kind == PROW_FIGURE)
		select_figure_group(u, r->index);
}

void panel_handle(struct ui *u, enum action a, long count)
{
	int h = getmaxy(u->win[PANE_PANEL]);
	switch (a) {
	case ACT_LINE_DOWN:
		move_sel(u, count ? count : 1);
		break;
	case ACT_LINE_UP:
		move_sel(u, -(count ? count : 1));
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		/* A count is the rows to move, as in the article. */
		move_sel(u, count ? count : a == ACT_PAGE_DOWN ? h - 1 : h / 2);
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		move_sel(u, -(count ? count : a == ACT_PAGE_UP ? h - 1 : h / 2));
		break;
	case ACT_TOP:
		move_sel(u, -(long)u->nprow);
		u->ptop = 0;            /* the headings above the first row too */
		break;
	case ACT_BOTTOM:
		move_sel(u, (long)u->nprow);
		break;
	case ACT_ENTER:
		activate(u);
		break;
	default:
		article_handle(u, a, count);
		break;
	}
}

void panel_click(struct ui *u, int y)
{
	size_t i = u->ptop + (size_t)y;
	if (i >= u->nprow || !selectable(&u->prow[i]))
		return;
	u->psel = i;
	activate(u);
}
