/* The selection (an entity, or a group of figures of one value and
 * meaning) and its occurrences, which the panel lists, the article
 * highlights and n/N walk; and the figure groups, kept as the scan finds
 * figures (figgroup.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/ui_core.h"

/* ---- figure groups ----------------------------------------------------- */

void groups_update(struct ui *u)
{
	fgroups_update(&u->groups, u->m);
}

/* ---- the selection --------------------------------------------------------- */

size_t select_occ_at(const struct selection *s, size_t off)
{
	size_t lo = 0, hi = s->nocc;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->occ[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void free_occ(struct selection *s)
{
	free(s->occ);
	free(s->occ_end);
	s->occ = s->occ_end = NULL;
	s->nocc = 0;
}

void select_clear(struct ui *u)
{
	free_occ(&u->sel);
	u->sel.active = 0;
	if (u->nav == NAV_SELECTION)
		u->nav = NAV_NONE;
}

static void add_occ(struct selection *s, size_t *cap, size_t start, size_t end)
{
	size_t c2 = *cap;
	s->occ = xgrowarray(s->occ, cap, s->nocc + 1, sizeof *s->occ);
	s->occ_end = xgrowarray(s->occ_end, &c2, s->nocc + 1, sizeof *s->occ_end);
	s->occ[s->nocc] = start;
	s->occ_end[s->nocc++] = end;
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
	const struct figures *f = &u->m->figures;
	for (size_t i = u->groups.v[s->fig_group].first; i < f->n; i++)
		if (fgroups_of(&u->groups, i) == (long)s->fig_group)
			add_occ(s, &cap, f->v[i].start, f->v[i].end);
}

void select_refresh(struct ui *u)
{
	if (u->sel.active)
		fill_occurrences(u);
}

/* n walks the selection from the pane's top, not from a cursor. */
static void selected(struct ui *u)
{
	u->sel_gen++;
	fill_occurrences(u);
	u->vp.has_cursor = 0;
	u->nav = NAV_SELECTION;
}

void select_entity(struct ui *u, long entity)
{
	select_clear(u);
	u->sel = (struct selection){ .active = 1, .entity = entity };
	selected(u);
}

void select_figure_group(struct ui *u, size_t group)
{
	select_clear(u);
	u->sel = (struct selection){ .active = 1, .is_figure = 1, .fig_group = group };
	selected(u);
}

int select_at(struct ui *u, size_t off)
{
	const struct mentions *mn = &u->m->mentions;
	size_t i = mentions_at(mn, off + 1);
	if (i > 0 && mn->v[i - 1].start <= off && off < mn->v[i - 1].end) {
		select_entity(u, (long)mn->v[i - 1].entity);
		return 1;
	}
	/* The figure containing off: the last one starting at or before it. */
	const struct figures *fs = &u->m->figures;
	size_t lo = figures_at(fs, off + 1);
	if (lo > 0 && off < fs->v[lo - 1].end) {
		long g = fgroups_of(&u->groups, lo - 1);
		if (g >= 0) {
			select_figure_group(u, (size_t)g);
			return 1;
		}
	}
	return 0;
}

void select_free(struct ui *u)
{
	select_clear(u);
	fgroups_free(&u->groups);
}

int target_at_cursor(struct ui *u, struct target *t)
{
	const struct viewport *vp = &u->vp;
	memset(t, 0, sizeof *t);
	if (!vp->has_cursor)
		return 0;
	const struct mentions *mn = &u->m->mentions;
	size_t i = mentions_at(mn, vp->cur_start);
	if (i < mn->n && mn->v[i].start == vp->cur_start) {
		*t = (struct target){ TARGET_ENTITY, mn->v[i].entity, 1, vp->cur_start };
		return 1;
	}
	const struct figures *fs = &u->m->figures;
	size_t k = figures_at(fs, vp->cur_start);
	if (k < fs->n && fs->v[k].start == vp->cur_start && fgroups_of(&u->groups, k) >= 0) {
		*t = (struct target){ TARGET_FIGURE, (size_t)fgroups_of(&u->groups, k), 1,
				      vp->cur_start };
		return 1;
	}
	return 0;
}
