/* The selection (an entity, or a group of figures with one text) and its
 * occurrences, which the panel lists, the article highlights and n/N walk;
 * and the figure groups themselves, kept as the scan finds figures. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/ui_core.h"

/* ---- figure groups ----------------------------------------------------- */

const char *groups_text(struct ui *u, size_t g, size_t *len)
{
	const struct figure *f = &u->m->figures.v[u->groups.v[g].first];
	*len = f->end - f->start;
	return (const char *)u->m->doc.text + f->start;
}

static uint32_t hash_bytes(const uint8_t *s, size_t n)
{
	uint64_t h = fnv1a(FNV1A_START, s, n);
	return (uint32_t)(h ^ (h >> 32));
}

static void hash_insert(struct fig_groups *gs, size_t g)
{
	size_t mask = gs->hash_cap - 1;
	for (size_t i = gs->v[g].hash & mask;; i = (i + 1) & mask) {
		if (!gs->hash[i]) {
			gs->hash[i] = (uint32_t)(g + 1);
			return;
		}
	}
}

static void hash_grow(struct fig_groups *gs)
{
	free(gs->hash);
	gs->hash_cap = gs->hash_cap ? gs->hash_cap * 2 : 64;
	gs->hash = xcalloc(gs->hash_cap, sizeof *gs->hash);
	for (size_t g = 0; g < gs->n; g++)
		hash_insert(gs, g);
}

/* The group whose figures read as s[0, n) (hash h), or -1 with *empty the
 * free slot where it would go. */
static long hash_find(const struct ui *u, const uint8_t *s, size_t n, uint32_t h, size_t *empty)
{
	const struct fig_groups *gs = &u->groups;
	const uint8_t *t = u->m->doc.text;
	size_t mask = gs->hash_cap - 1, slot = h & mask;
	for (; gs->hash[slot]; slot = (slot + 1) & mask) {
		const struct fig_group *g = &gs->v[gs->hash[slot] - 1];
		const struct figure *gf = &u->m->figures.v[g->first];
		if (g->hash == h && gf->end - gf->start == n && memcmp(t + gf->start, s, n) == 0)
			return (long)(gs->hash[slot] - 1);
	}
	if (empty)
		*empty = slot;
	return -1;
}

void groups_update(struct ui *u)
{
	struct fig_groups *gs = &u->groups;
	const struct figures *f = &u->m->figures;
	const uint8_t *t = u->m->doc.text;
	for (size_t i = gs->done; i < f->n; i++) {
		size_t n = f->v[i].end - f->v[i].start;
		uint32_t h = hash_bytes(t + f->v[i].start, n);
		if ((gs->n + 1) * 2 > gs->hash_cap)
			hash_grow(gs);
		size_t slot;
		long g = hash_find(u, t + f->v[i].start, n, h, &slot);
		if (g >= 0) {
			gs->v[g].count++;
			continue;
		}
		gs->v = xgrowarray(gs->v, &gs->cap, gs->n + 1, sizeof *gs->v);
		gs->v[gs->n] = (struct fig_group){ i, 1, h };
		gs->hash[slot] = (uint32_t)(gs->n + 1);
		gs->n++;
	}
	gs->done = f->n;
}

long groups_of(struct ui *u, const struct figure *f)
{
	if (!u->groups.hash_cap)
		return -1;
	const uint8_t *s = u->m->doc.text + f->start;
	size_t n = f->end - f->start;
	return hash_find(u, s, n, hash_bytes(s, n), NULL);
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
	size_t len;
	const char *text = groups_text(u, s->fig_group, &len);
	const struct figures *f = &u->m->figures;
	for (size_t i = u->groups.v[s->fig_group].first; i < f->n; i++)
		if (f->v[i].end - f->v[i].start == len
		    && memcmp(u->m->doc.text + f->v[i].start, text, len) == 0)
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
		long g = groups_of(u, &fs->v[lo - 1]);
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
	free(u->groups.v);
	free(u->groups.hash);
}
