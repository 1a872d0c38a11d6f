/* Figures grouped by value as worded and by meaning (figgroup.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/figgroup.h"
#include "brief/word.h"

/* A figure's text and meaning source, seen before: its group, without
 * wording it again (fig_wording formats numbers: the dearest step). */
struct fgroup_raw {
	size_t key;                 /* offset in the pool */
	size_t len;
	uint32_t hash;
	uint32_t group;
};

static uint32_t hash_bytes(const void *s, size_t n)
{
	uint64_t h = fnv1a(FNV1A_START, s, n);
	return (uint32_t)(h ^ (h >> 32));
}

/* ---- the meaning ------------------------------------------------------- */

/* Words that follow a figure without being what it measures. */
static int function_word(const char *w)
{
	static const char *const words[] = {
		"a", "after", "against", "ago", "an", "and", "are", "as", "at", "be", "been",
		"before", "but", "by", "compared", "for", "from", "had", "has", "have", "in",
		"into", "is", "it", "its", "less", "more", "of", "on", "or", "over", "per",
		"since", "than", "that", "the", "their", "them", "then", "these", "this",
		"those", "through", "to", "under", "until", "up", "was", "were", "which",
		"while", "will", "with", "would",
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(w, words[i]) == 0)
			return 1;
	return 0;
}

/* Kinds whose unit does not say what is counted: the noun after does. */
static int wants_noun(const struct figure *f)
{
	switch (f->kind) {
	case FIG_PERCENT:
	case FIG_MONEY:
	case FIG_DURATION:
		return 1;
	case FIG_COUNT:
		return !f->unit || !*f->unit;
	default:
		return 0;
	}
}

/* The noun right after the figure, lower case, into b ("" when none). */
static void noun_after(const struct doc *d, const struct figure *f, struct buf *b)
{
	const uint8_t *t = d->text;
	size_t len = d->len, off = f->end;
	while (off < len && (t[off] == ' ' || t[off] == '\t'))
		off++;
	if (off >= len || word_class_at(t, len, off) != WORD_LETTER)
		return;
	size_t end = off + 1;
	while (end < len && !word_boundary(t, off, len, end))
		end++;
	if (end - off > 40)
		return;
	char w[48];
	size_t n = 0;
	for (size_t k = off; k < end; k++)
		w[n++] = (char)(t[k] >= 'A' && t[k] <= 'Z' ? t[k] + ('a' - 'A') : t[k]);
	w[n] = '\0';
	if (!function_word(w))
		buf_add(b, w, n);
}

/* ---- tables -------------------------------------------------------------- */

static void slot_put(uint32_t *slot, size_t cap, uint32_t hash, uint32_t val)
{
	size_t mask = cap - 1;
	for (size_t i = hash & mask;; i = (i + 1) & mask)
		if (!slot[i]) {
			slot[i] = val + 1;
			return;
		}
}

/* Room for one more entry at half load at most: when there is none, a
 * table twice the size with the n entries there are (those for which
 * keep() says so) put back. */
static uint32_t *slots_room(uint32_t *slot, size_t *cap, size_t n, const struct fgroups *g,
			    uint32_t (*hash_of)(const struct fgroups *g, size_t i),
			    int (*keep)(const struct fgroups *g, size_t i))
{
	if ((n + 1) * 2 <= *cap)
		return slot;
	free(slot);
	*cap = *cap ? *cap * 2 : 64;
	slot = xcalloc(*cap, sizeof *slot);
	for (size_t i = 0; i < n; i++)
		if (!keep || keep(g, i))
			slot_put(slot, *cap, hash_of(g, i), (uint32_t)i);
	return slot;
}

static uint32_t group_hash(const struct fgroups *g, size_t i)
{
	return g->v[i].hash;
}

static uint32_t raw_hash(const struct fgroups *g, size_t i)
{
	return g->raw[i].hash;
}

static uint32_t words_hash(const char *w)
{
	return hash_bytes(w, strlen(w)) * 2654435761u;
}

static uint32_t word_hash(const struct fgroups *g, size_t i)
{
	return words_hash(g->pool.data + g->v[i].wording);
}

/* The wording table holds each wording's first group. */
static int first_of_words(const struct fgroups *g, size_t i)
{
	return g->v[i].wfirst == i;
}

static size_t pool_add(struct fgroups *g, const char *s, size_t n)
{
	size_t at = g->pool.len;
	buf_add(&g->pool, s, n);
	buf_addc(&g->pool, '\0');
	return at;
}

/* The first group worded w, or -1. */
static long words_find(const struct fgroups *g, const char *w, uint32_t wh)
{
	if (!g->word_slot_cap)
		return -1;
	size_t mask = g->word_slot_cap - 1;
	for (size_t i = wh & mask; g->word_slot[i]; i = (i + 1) & mask) {
		const struct fgroup *o = &g->v[g->word_slot[i] - 1];
		if (!strcmp(g->pool.data + o->wording, w))
			return (long)(g->word_slot[i] - 1);
	}
	return -1;
}

/* The group for (wording, detail), made when new. */
static uint32_t group_for(struct fgroups *g, size_t fig, const char *wording, const char *detail,
			  int from_note)
{
	struct buf key = { 0 };
	buf_adds(&key, wording);
	buf_addc(&key, '\0');
	buf_adds(&key, detail);
	uint32_t h = hash_bytes(key.data, key.len);
	buf_free(&key);
	if (g->slot_cap) {
		size_t mask = g->slot_cap - 1;
		for (size_t i = h & mask; g->slot[i]; i = (i + 1) & mask) {
			const struct fgroup *o = &g->v[g->slot[i] - 1];
			if (o->hash == h && !strcmp(g->pool.data + o->wording, wording)
			    && !strcmp(g->pool.data + o->detail, detail))
				return g->slot[i] - 1;
		}
	}
	g->slot = slots_room(g->slot, &g->slot_cap, g->n, g, group_hash, NULL);
	g->word_slot = slots_room(g->word_slot, &g->word_slot_cap, g->n, g, word_hash, first_of_words);
	uint32_t id = (uint32_t)g->n;
	g->v = xgrowarray(g->v, &g->cap, g->n + 1, sizeof *g->v);
	struct fgroup *n = &g->v[g->n++];
	memset(n, 0, sizeof *n);
	n->first = fig;
	n->hash = h;
	n->from_note = from_note;
	n->wording = pool_add(g, wording, strlen(wording));
	n->detail = pool_add(g, detail, strlen(detail));
	slot_put(g->slot, g->slot_cap, h, id);
	/* Groups of one wording count themselves in the first of them. */
	uint32_t wh = words_hash(wording);
	long first = words_find(g, wording, wh);
	if (first < 0) {
		n->wfirst = id;
		n->nwords = 1;
		slot_put(g->word_slot, g->word_slot_cap, wh, id);
	} else {
		n->wfirst = (size_t)first;
		g->v[first].nwords++;
	}
	return id;
}

/* ---- grouping ------------------------------------------------------------- */

void fgroups_update(struct fgroups *g, const struct model *m)
{
	const struct figures *fs = &m->figures;
	const uint8_t *t = m->doc.text;
	struct buf raw = { 0 }, detail = { 0 }, words = { 0 };
	g->of = xgrowarray(g->of, &g->of_cap, fs->n ? fs->n : 1, sizeof *g->of);
	for (size_t i = g->done; i < fs->n; i++) {
		const struct figure *f = &fs->v[i];
		const char *meaning = model_figure_meaning(m, f);
		buf_reset(&detail);
		if (meaning)
			buf_adds(&detail, meaning);
		else if (wants_noun(f))
			noun_after(&m->doc, f, &detail);
		/* What the wording depends on, and the meaning: seen before? */
		buf_reset(&raw);
		buf_add(&raw, t + f->start, f->end - f->start);
		buf_printf(&raw, "%c%d %d %s%c%s", '\0', (int)f->kind, (int)f->cmp,
			   f->unit ? f->unit : "", '\0', detail.data ? detail.data : "");
		uint32_t h = hash_bytes(raw.data, raw.len);
		long found = -1;
		if (g->raw_slot_cap) {
			size_t mask = g->raw_slot_cap - 1;
			for (size_t k = h & mask; g->raw_slot[k]; k = (k + 1) & mask) {
				const struct fgroup_raw *r = &g->raw[g->raw_slot[k] - 1];
				if (r->hash == h && r->len == raw.len
				    && !memcmp(g->pool.data + r->key, raw.data, raw.len)) {
					found = r->group;
					break;
				}
			}
		}
		if (found < 0) {
			buf_reset(&words);
			fig_wording(&words, f, 0);
			found = group_for(g, i, words.data ? words.data : "",
					  detail.data ? detail.data : "", meaning != NULL);
			g->raw = xgrowarray(g->raw, &g->raw_cap, g->nraw + 1, sizeof *g->raw);
			g->raw[g->nraw] = (struct fgroup_raw){ pool_add(g, raw.data, raw.len), raw.len, h,
							       (uint32_t)found };
			g->nraw++;
			g->raw_slot = slots_room(g->raw_slot, &g->raw_slot_cap, g->nraw - 1, g, raw_hash,
						 NULL);
			slot_put(g->raw_slot, g->raw_slot_cap, h, (uint32_t)(g->nraw - 1));
		}
		g->of[i] = (uint32_t)found;
		g->v[found].count++;
	}
	g->done = fs->n;
	buf_free(&raw);
	buf_free(&detail);
	buf_free(&words);
}

void fgroups_free(struct fgroups *g)
{
	free(g->v);
	free(g->of);
	buf_free(&g->pool);
	free(g->slot);
	free(g->raw);
	free(g->raw_slot);
	free(g->word_slot);
	memset(g, 0, sizeof *g);
}

long fgroups_of(const struct fgroups *g, size_t i)
{
	return i < g->done ? (long)g->of[i] : -1;
}

const char *fgroups_wording(const struct fgroups *g, size_t group)
{
	return g->pool.data + g->v[group].wording;
}

const char *fgroups_detail(const struct fgroups *g, size_t group)
{
	return g->pool.data + g->v[group].detail;
}

void fgroups_label(const struct fgroups *g, size_t group, int ascii, struct buf *out)
{
	const struct fgroup *v = &g->v[group];
	buf_adds(out, fgroups_wording(g, group));
	const char *d = fgroups_detail(g, group);
	if (g->v[v->wfirst].nwords < 2 || !*d)
		return;
	buf_printf(out, "%s%s", v->from_note ? (ascii ? " | " : " \u00b7 ") : " ", d);
}
