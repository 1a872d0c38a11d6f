/* libFuzzer target: the gazetteer's loader (gazetteer.c) reading any text
 * in place of one compiled list (gaz_load_with), the first byte choosing
 * which.  Invariants: a load never fails; a place has a known kind and
 * no country or a country; the word tables are sorted with
 * one entry a word, and every word is found by the lookups; chrome.tsv's
 * phrases are grouped by class, non-empty, their "_" spaces, each found in
 * its class and, for a class matched at a line's start, by its first byte;
 * a problem, if any, names the list and a line. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/gazetteer.h"
#include "fuzz.h"

static const char *const lists[] = {
	"countries.tsv", "orgs.tsv", "media.tsv", "places.tsv", "titles.tsv", "orgwords.tsv",
	"cues.tsv", "common.txt", "propernames.txt", "surnames-ea.txt", "firstnames.txt",
	"leaders.tsv",
	"chrome.tsv",
};

static int word_before(const struct gaz_word *a, const struct gaz_word *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int d = memcmp(a->s, b->s, n);
	return d < 0 || (d == 0 && a->len < b->len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	const char *file = lists[data[0] % (sizeof lists / sizeof lists[0])];
	char *text = (char *)fuzz_copy_nul(data + 1, size - 1);
	/* The text is read up to its first NUL, as a list is. */
	struct gazetteer g;
	gaz_load_with(&g, file, text);
	for (size_t i = 0; i < g.norgwords; i++) {
		const struct gaz_word *w = &g.orgwords[i];
		FUZZ_CHECK(!i || word_before(&g.orgwords[i - 1], w), "orgwords %zu out of order", i);
		FUZZ_CHECK(w->set != 0, "orgword %zu has no class", i);
		FUZZ_CHECK(gaz_orgword_is(&g, (const uint8_t *)w->s, w->len, w->set), "orgword %zu not found", i);
		FUZZ_CHECK(!(w->set & GAZ_ORG_HEAD) == !gaz_orgword(&g, (const uint8_t *)w->s, w->len),
			   "orgword %zu: head and lookup disagree", i);
	}
	for (size_t i = 0; i < g.ncues; i++) {
		const struct gaz_word *w = &g.cues[i];
		FUZZ_CHECK(!i || word_before(&g.cues[i - 1], w), "cues %zu out of order", i);
		FUZZ_CHECK(w->cls < CUE_PLACE_OF, "cue %zu context %u", i, (unsigned)w->cls);
		FUZZ_CHECK(gaz_cue(&g, (const uint8_t *)w->s, w->len) == (enum gaz_cue)w->cls,
			   "cue %zu not found", i);
		for (int c = CUE_NONE + 1; c < CUE_COUNT; c++)
			FUZZ_CHECK(!gaz_cue_is(&g, (const uint8_t *)w->s, w->len, (enum gaz_cue)c)
				   == !(w->set >> c & 1), "cue %zu set %d", i, c);
	}
	FUZZ_CHECK(g.chrome_at[0] == 0 && g.chrome_at[GAZ_CHROME_COUNT] == g.nchrome, "chrome classes cover %zu",
		   g.nchrome);
	for (size_t i = 0; i < g.nchrome; i++) {
		const struct gaz_phrase *ph = &g.chrome[i];
		FUZZ_CHECK(ph->cls < GAZ_CHROME_COUNT, "phrase %zu class %u", i, (unsigned)ph->cls);
		FUZZ_CHECK(ph->len > 0 && ph->len == strlen(ph->s) && !strchr(ph->s, '_'), "phrase %zu bytes", i);
		FUZZ_CHECK(i >= g.chrome_at[ph->cls] && i < g.chrome_at[ph->cls + 1], "phrase %zu outside its class", i);
		FUZZ_CHECK(!i || g.chrome[i - 1].cls < ph->cls || g.chrome[i - 1].key < ph->key
			   || (g.chrome[i - 1].key == ph->key && g.chrome[i - 1].line < ph->line),
			   "phrase %zu out of order", i);
		size_t n;
		const struct gaz_phrase *v = gaz_chrome(&g, (enum gaz_chrome)ph->cls, &n);
		FUZZ_CHECK(v && ph >= v && ph < v + n, "phrase %zu not in its class", i);
		v = gaz_chrome_from(&g, (enum gaz_chrome)ph->cls, (uint8_t)ph->s[0], &n);
		if (ph->key)
			FUZZ_CHECK(v && ph >= v && ph < v + n && ph->key == ((uint8_t)ph->s[0] | 0x20),
				   "phrase %zu not found by its first byte", i);
		else
			FUZZ_CHECK(!v && !n, "phrase %zu of an inside class found by its first byte", i);
	}
	/* A place is of a known kind, and its country, if any, is a country. */
	for (size_t i = 0; i < g.nentries; i++) {
		const struct gaz_entry *e = &g.entries[i];
		if (e->kind != KIND_PLACE || strcmp(e->file, "places.tsv") != 0)
			continue;
		FUZZ_CHECK(strcmp(e->subkind, "region") == 0 || strcmp(e->subkind, "subdivision") == 0
			   || strcmp(e->subkind, "city") == 0 || strcmp(e->subkind, "territory") == 0,
			   "place %zu of kind '%s'", i, e->subkind);
		long c = gaz_find_id(&g, e->affiliation);
		FUZZ_CHECK(!*e->affiliation || (c >= 0 && g.entries[c].kind == KIND_COUNTRY),
			   "place %zu in no country '%s'", i, e->affiliation);
	}
	const char *p = gaz_problem(&g);
	FUZZ_CHECK(!p == !g.nproblems, "problem and count disagree");
	/* A replaced countries.tsv may drop a country a compiled place names:
	 * that place's line is then the problem. */
	const char *in = p && strcmp(file, "countries.tsv") == 0
				 && strncmp(p, "places.tsv:", 11) == 0 ? "places.tsv" : file;
	if (p)
		FUZZ_CHECK(strncmp(p, in, strlen(in)) == 0 && p[strlen(in)] == ':',
			   "problem '%s' names no %s line", p, in);
	gaz_free(&g);
	free(text);
	return 0;
}
