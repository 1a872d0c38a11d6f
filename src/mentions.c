/* Finds actors' names and aliases in the text, on word boundaries (word.h),
 * and a person's government as its country (mentions.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/mentions.h"
#include "brief/util.h"
#include "brief/word.h"

static int spelling_cmp(const void *pa, const void *pb)
{
	const struct spelling *a = pa, *b = pb;
	unsigned char ca = (unsigned char)a->s[0], cb = (unsigned char)b->s[0];
	if (ca != cb)
		return ca < cb ? -1 : 1;
	/* Longest first, so the first hit at a position is the longest match. */
	if (a->len != b->len)
		return a->len > b->len ? -1 : 1;
	/* Then in byte order: each run of one length is searched, not walked
	 * (thousands of names with one capital made every capital thousands
	 * of compares). */
	int d = memcmp(a->s, b->s, a->len);
	if (d)
		return d;
	return a->entity < b->entity ? -1 : a->entity > b->entity;
}

/* End of the run of spellings as long as sp[k], in [k, hi). */
static size_t run_end(const struct mentions *m, size_t k, size_t hi)
{
	size_t len = m->sp[k].len, lo = k + 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->sp[mid].len == len)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first spelling in [lo, hi) (one length) equal to text[off, +len), or hi. */
static size_t find_in_run(const struct mentions *m, size_t lo, size_t hi, const uint8_t *p)
{
	size_t end = hi, len = m->sp[lo].len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (memcmp(m->sp[mid].s, p, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < end && memcmp(m->sp[lo].s, p, len) == 0 ? lo : end;
}

static void add_spelling(struct mentions *m, size_t *cap, const char *s, uint32_t entity)
{
	size_t len = strlen(s);
	if (!len)
		return;
	m->sp = xgrowarray(m->sp, cap, m->nsp + 1, sizeof *m->sp);
	m->sp[m->nsp++] = (struct spelling){ s, len, entity };
}

struct id_index {
	const char *id;
	size_t i;
};

static int id_cmp(const void *pa, const void *pb)
{
	const struct id_index *a = pa, *b = pb;
	return strcmp(a->id, b->id);
}

/* Each person's affiliated country, from ids sorted once (an annotation's
 * own id table is not there for every set of entities the model makes). */
static void find_governments(struct mentions *m, const struct annot *a)
{
	size_t n = a->nentities;
	m->gov = xcalloc(n ? n : 1, sizeof *m->gov);
	struct id_index *ids = xmalloc((n ? n : 1) * sizeof *ids);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (a->entities[i].id)
			ids[k++] = (struct id_index){ a->entities[i].id, i };
	qsort(ids, k, sizeof *ids, id_cmp);
	for (size_t i = 0; i < n; i++) {
		const struct entity *e = &a->entities[i];
		if (e->kind != KIND_PERSON || !e->affiliation)
			continue;
		struct id_index key = { e->affiliation, 0 };
		const struct id_index *hit = bsearch(&key, ids, k, sizeof *ids, id_cmp);
		if (hit && a->entities[hit->i].kind == KIND_COUNTRY)
			m->gov[i] = (uint32_t)hit->i + 1;
	}
	free(ids);
}

size_t mentions_gov_word(const uint8_t *text, size_t off, size_t to)
{
	static const char *const words[] = { "administration", "government", "cabinet" };
	size_t p = off;
	while (p < to && (text[p] == ' ' || text[p] == '\t'))
		p++;
	if (p == off || p >= to)
		return 0;
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
		size_t n = strlen(words[k]);
		if (to - p < n)
			continue;
		/* "administration" or "Administration", nothing else. */
		uint8_t c0 = text[p];
		if (c0 != (uint8_t)words[k][0] && c0 != (uint8_t)(words[k][0] - 'a' + 'A'))
			continue;
		if (memcmp(text + p + 1, words[k] + 1, n - 1) != 0)
			continue;
		if (word_boundary(text, off, to, p + n))
			return p + n;
	}
	return 0;
}

/* Spelling s of an entity, at text[off, end)? */
static int spelled(const char *s, const uint8_t *text, size_t off, size_t end)
{
	size_t n = strlen(s);
	return n && end - off >= n && memcmp(text + off, s, n) == 0;
}

int mentions_names_gov(const struct annot *a, const uint8_t *text, const struct mention *mn,
		       size_t p)
{
	if (p >= a->nentities)
		return 0;
	const struct entity *e = &a->entities[p];
	for (size_t k = 0; k <= e->naliases; k++) {
		const char *s = k ? e->aliases[k - 1] : e->name;
		if (!spelled(s, text, mn->start, mn->end))
			continue;
		if (mentions_gov_word(text, mn->start + strlen(s), mn->end) == mn->end)
			return 1;
	}
	return 0;
}

void mentions_init(struct mentions *m, const struct annot *a)
{
	memset(m, 0, sizeof *m);
	m->max = MENTIONS_MAX;
	size_t cap = 0;
	m->nentities = a->nentities;
	m->count = xcalloc(a->nentities ? a->nentities : 1, sizeof *m->count);
	find_governments(m, a);
	for (size_t i = 0; i < a->nentities; i++) {
		const struct entity *e = &a->entities[i];
		add_spelling(m, &cap, e->name, (uint32_t)i);
		for (size_t j = 0; j < e->naliases; j++)
			add_spelling(m, &cap, e->aliases[j], (uint32_t)i);
	}
	if (m->nsp)
		qsort(m->sp, m->nsp, sizeof *m->sp, spelling_cmp);
	/* first[c]..first[c+1] are the spellings starting with byte c. */
	size_t k = 0;
	for (unsigned c = 0; c < 256; c++) {
		m->first[c] = k;
		while (k < m->nsp && (unsigned char)m->sp[k].s[0] == c)
			k++;
	}
	m->first[256] = m->nsp;
	m->caps = 1;
	for (unsigned c = 0; c < 256; c++) {
		m->starts[c] = m->first[c] != m->first[c + 1];
		if (m->starts[c] && c < 0x80 && (c < 'A' || c > 'Z'))
			m->caps = 0;
	}
}

/* Past eight bytes at a time that are all ASCII and hold no capital, none
 * of which can start a spelling when m->caps: names are capitalised, and
 * skipping lower-case text a byte at a time was a fifth of the time a
 * 100 MB document took to scan.  Stops at the word that might. */
static size_t skip_lower(const struct mentions *m, const uint8_t *text, size_t off, size_t to)
{
	if (!m->caps)
		return off;
	for (; off + 8 <= to; off += 8) {
		uint64_t w;
		memcpy(&w, text + off, 8);
		if ((w & ASCII8_HIGH) || ascii8_capitals(w))
			break;
	}
	return off;
}

void mentions_free(struct mentions *m)
{
	free(m->v);
	free(m->count);
	free(m->sp);
	free(m->gov);
	memset(m, 0, sizeof *m);
}

void mentions_scan(struct mentions *m, const uint8_t *text, size_t len, size_t from, size_t to)
{
	if (to > len)
		to = len;
	if (!m->nsp || m->full)
		return;
	size_t off = from;
	while (off < to) {
		/* Most bytes start no spelling: step over them in tight loops. */
		for (;;) {
			off = skip_lower(m, text, off, to);
			size_t stop = to - off > 8 ? off + 8 : to;
			while (off < stop && !m->starts[text[off]])
				off++;
			if (off >= to || m->starts[text[off]])
				break;
		}
		if (off >= to)
			break;
		unsigned char c = text[off];
		size_t lo = m->first[c], hi = m->first[c + 1];
		size_t hit = 0;
		/* Compare first: most capitals start no name, and the boundary
		 * test is the dearer part. */
		int before = -1;
		/* A few spellings are walked; more are searched a run of one
		 * length at a time, longest first: at most one of a run's
		 * spellings is the text there (the first of equal ones). */
		int walk = hi - lo <= 16;
		for (size_t k = lo, end; k < hi; k = end) {
			end = walk ? k + 1 : run_end(m, k, hi);
			if (m->sp[k].len > to - off)
				continue;
			size_t j = walk ? (memcmp(text + off, m->sp[k].s, m->sp[k].len) == 0 ? k : end)
				   : find_in_run(m, k, end, text + off);
			if (j == end)
				continue;
			const struct spelling *sp = &m->sp[j];
			if (before < 0)
				before = word_boundary(text, from, to, off);
			if (!before)
				break;
			if (word_boundary(text, from, to, off + sp->len)) {
				if (m->n >= m->max) {
					m->full = 1;
					m->full_at = off;
					return;
				}
				/* A person's government: the whole phrase, its country's. */
				uint32_t who = sp->entity;
				size_t stop = off + sp->len;
				size_t gov = m->gov[who] ? mentions_gov_word(text, stop, to) : 0;
				if (gov) {
					who = m->gov[who] - 1;
					stop = gov;
				}
				m->v = xgrowarray(m->v, &m->cap, m->n + 1, sizeof *m->v);
				m->v[m->n++] = (struct mention){ off, stop, who, (uint32_t)m->count[who] };
				m->count[who]++;
				hit = stop - off;
				break;
			}
		}
		/* Leftmost-longest: skip past a hit so matches never overlap. */
		off += hit ? hit : 1;
	}
}

size_t mentions_at(const struct mentions *m, size_t off)
{
	size_t lo = 0, hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->v[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
