/* Finds actors' names and aliases in the text, on word boundaries (word.h),
 * and a person's government as its country (mentions.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/mentions.h"
#include "brief/util.h"
#include "brief/word.h"

/* The trie while it is built: each node's first child and next sibling,
 * siblings in byte order. */
struct bnode {
	uint32_t child, sibling, entity;
	uint8_t byte;
};

struct builder {
	struct bnode *v;
	size_t n, cap;
};

static uint32_t new_node(struct builder *t, uint8_t byte)
{
	t->v = xgrowarray(t->v, &t->cap, t->n + 1, sizeof *t->v);
	t->v[t->n] = (struct bnode){ 0, 0, 0, byte };
	return (uint32_t)t->n++;
}

/* Spellings are added in entity order and a node keeps its first entity,
 * so of equal spellings the first entity's is found (as annot_resolve()
 * and the panel count them). */
static void add_spelling(struct builder *t, const char *s, uint32_t entity)
{
	size_t len = strlen(s);
	/* Node indexes are 32 bits: a 4 GiB list of names is not read whole
	 * (an annotation file or the automatic finder holds a few MiB). */
	if (!len || len >= UINT32_MAX - t->n)
		return;
	uint32_t cur = 0;
	for (size_t i = 0; i < len; i++) {
		uint8_t c = (uint8_t)s[i];
		uint32_t prev = 0, x = t->v[cur].child;
		while (x && t->v[x].byte < c) {
			prev = x;
			x = t->v[x].sibling;
		}
		if (x && t->v[x].byte == c) {
			cur = x;
			continue;
		}
		uint32_t y = new_node(t, c);
		t->v[y].sibling = x;
		if (prev)
			t->v[prev].sibling = y;
		else
			t->v[cur].child = y;
		cur = y;
	}
	if (!t->v[cur].entity)
		t->v[cur].entity = entity + 1;
}

/* Each node's children as one sorted run of edges, the root's as a table. */
static void freeze(struct mentions *m, const struct builder *t)
{
	m->nnodes = t->n;
	m->node = xcalloc(t->n, sizeof *m->node);
	m->edge_byte = xmalloc(t->n);
	m->edge_to = xmalloc(t->n * sizeof *m->edge_to);
	uint32_t k = 0;
	for (size_t i = 0; i < t->n; i++) {
		m->node[i].edge = k;
		m->node[i].entity = t->v[i].entity;
		for (uint32_t x = t->v[i].child; x; x = t->v[x].sibling) {
			m->edge_byte[k] = t->v[x].byte;
			m->edge_to[k++] = x;
		}
		m->node[i].nedge = k - m->node[i].edge;
	}
	for (uint32_t e = 0; e < m->node[0].nedge; e++)
		m->root[m->edge_byte[e]] = m->edge_to[e];
}

/* The child of node n by byte c, or 0.  Most nodes have one or two
 * children; a node under a capital has a few dozen, searched. */
static inline uint32_t child_of(const struct mentions *m, uint32_t n, uint8_t c)
{
	uint32_t lo = m->node[n].edge, end = lo + m->node[n].nedge, hi = end;
	/* The first edge not below c is in [lo, hi]: narrowed, then walked. */
	while (hi - lo > 8) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (m->edge_byte[mid] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < end; lo++)
		if (m->edge_byte[lo] >= c)
			return m->edge_byte[lo] == c ? m->edge_to[lo] : 0;
	return 0;
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
	m->nentities = a->nentities;
	m->count = xcalloc(a->nentities ? a->nentities : 1, sizeof *m->count);
	find_governments(m, a);
	struct builder t = { 0 };
	new_node(&t, 0);
	for (size_t i = 0; i < a->nentities; i++) {
		const struct entity *e = &a->entities[i];
		add_spelling(&t, e->name, (uint32_t)i);
		for (size_t j = 0; j < e->naliases; j++)
			add_spelling(&t, e->aliases[j], (uint32_t)i);
	}
	freeze(m, &t);
	free(t.v);
	m->caps = 1;
	for (unsigned c = 0; c < 256; c++) {
		m->starts[c] = m->root[c] != 0;
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
	free(m->node);
	free(m->edge_byte);
	free(m->edge_to);
	free(m->gov);
	memset(m, 0, sizeof *m);
}

void mentions_scan(struct mentions *m, const uint8_t *text, size_t len, size_t from, size_t to)
{
	if (to > len)
		to = len;
	if (m->nnodes < 2 || m->full)
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
		/* Along the trie from off: every spelling that starts here is a
		 * node on the way, shortest first; the longest that ends on a
		 * word boundary is the mention.  Each byte of the text is looked
		 * at once per start, where comparing each spelling (or each
		 * length's) cost a memcmp apiece at every capital. */
		uint32_t n = m->root[text[off]];
		size_t k = 1, best = 0;
		uint32_t who = 0;
		int before = -1;
		for (;;) {
			if (m->node[n].entity) {
				/* Compared first: the boundary test is the dearer part. */
				if (before < 0)
					before = word_boundary(text, from, to, off);
				if (!before)
					break;
				if (word_boundary(text, from, to, off + k)) {
					best = k;
					who = m->node[n].entity - 1;
				}
			}
			if (k >= to - off || !(n = child_of(m, n, text[off + k])))
				break;
			k++;
		}
		size_t hit = 0;
		if (best) {
			if (m->n >= m->max) {
				m->full = 1;
				m->full_at = off;
				return;
			}
			/* A person's government: the whole phrase, its country's. */
			size_t stop = off + best;
			size_t gov = m->gov[who] ? mentions_gov_word(text, stop, to) : 0;
			if (gov) {
				who = m->gov[who] - 1;
				stop = gov;
			}
			m->v = xgrowarray(m->v, &m->cap, m->n + 1, sizeof *m->v);
			m->v[m->n++] = (struct mention){ off, stop, who, (uint32_t)m->count[who] };
			m->count[who]++;
			hit = stop - off;
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
