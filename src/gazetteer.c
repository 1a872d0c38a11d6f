/* Loads the curated lists compiled in from assets/gazetteer/. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "brief/assets.h"
#include "brief/gazetteer.h"
#include "brief/util.h"

static const char *const title_classes[] = {
	"head-of-state", "government", "legislator", "military", "judicial", "royal",
	"religious", "honorific", "role",
};
#define NTITLE_CLASSES (sizeof title_classes / sizeof title_classes[0])

static const char *const cue_names[] = {
	"", "speech", "act", "place", "role", "media", "modifier", "stop", "month", "day", "state",
	"member", "thing", "place-of", "place-after",
};
_Static_assert(sizeof cue_names / sizeof cue_names[0] == CUE_COUNT, "a name for every cue");
_Static_assert(CUE_COUNT <= 16, "a cue's classes are the bits of gaz_word.set");
/* The classes gaz_cue answers: the contexts, not the word sets. */
#define CUE_CONTEXTS ((uint16_t)((1u << CUE_PLACE_OF) - 2))

const char *gaz_title_class(unsigned cls)
{
	return cls < NTITLE_CLASSES ? title_classes[cls] : "role";
}

/* Split a line in place at TABs into at most max fields. */
static size_t split(char *line, char **f, size_t max)
{
	size_t n = 0;
	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

struct loader {
	struct gazetteer *g;
	const char *over_file, *over_text;  /* gaz_load_with's list, or NULL */
	size_t cap_e, cap_sp, cap_t, cap_o, cap_c, cap_common, cap_proper, cap_sur, cap_first, cap_lead;
	size_t cap_chrome;
};

static void add_spelling(struct loader *L, char *s, size_t entry, enum gaz_role role)
{
	size_t n = strlen(s);
	int amb = 0;
	if (n && s[n - 1] == '?') {
		s[--n] = '\0';
		amb = 1;
	}
	if (!n)
		return;
	struct gazetteer *g = L->g;
	g->sp = xgrowarray(g->sp, &L->cap_sp, g->nsp + 1, sizeof *g->sp);
	g->sp[g->nsp++] = (struct gaz_spelling){ s, (uint32_t)n, (uint32_t)entry, (uint8_t)role,
						 (uint8_t)amb };
}

/* "a|b|c" -> spellings */
static void add_list(struct loader *L, char *list, size_t entry, enum gaz_role role)
{
	while (list && *list) {
		char *bar = strchr(list, '|');
		if (bar)
			*bar = '\0';
		add_spelling(L, list, entry, role);
		list = bar ? bar + 1 : NULL;
	}
}

static size_t new_entry(struct loader *L, const char *file, int line, const char *id,
			char *name, enum entity_kind kind, const char *subkind, const char *aff)
{
	struct gazetteer *g = L->g;
	size_t n = strlen(name);
	int amb = n && name[n - 1] == '?';
	g->entries = xgrowarray(g->entries, &L->cap_e, g->nentries + 1, sizeof *g->entries);
	g->entries[g->nentries] = (struct gaz_entry){ id, name, kind, subkind, aff ? aff : "",
						     file, line, amb };
	add_spelling(L, name, g->nentries, GAZ_NAME);
	return g->nentries++;
}

/* The first problem is kept whole; the count says whether there were more. */
static void problem(struct loader *L, const char *file, int line, const char *what, const char *arg)
{
	struct gazetteer *g = L->g;
	if (!g->nproblems++)
		snprintf(g->problem, sizeof g->problem, "%s:%d: %s \"%s\"", file, line, what, arg);
}

/* A list's text and length: gaz_load_with's replacement, or the compiled
 * asset; NULL when there is neither. */
static const char *list_text(const struct loader *L, const char *file, size_t *len)
{
	if (L->over_file && strcmp(L->over_file, file) == 0) {
		*len = strlen(L->over_text);
		return L->over_text;
	}
	const struct asset *a = asset_find(file);
	if (!a)
		return NULL;
	*len = a->len;
	return (const char *)a->data;
}

typedef void (*line_fn)(struct loader *L, const char *file, int line, char *text);

/* Each list's lines, comments and blank lines skipped, into the store. */
static void each_line(struct loader *L, char **store, const char *file, line_fn fn)
{
	size_t len;
	const char *data = list_text(L, file, &len);
	if (!data)
		return;
	char *p = *store;
	memcpy(p, data, len);
	p[len] = '\0';
	*store = p + len + 1;
	int line = 0;
	while (*p) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		line++;
		if (*p && *p != '#')
			fn(L, file, line, p);
		if (!nl)
			break;
		p = nl + 1;
	}
}

static void country_line(struct loader *L, const char *file, int line, char *text)
{
	char *f[6] = { 0 };
	size_t n = split(text, f, 6);
	if (n < 2)
		return;
	size_t e = new_entry(L, file, line, f[0], f[1], KIND_COUNTRY, "", "");
	if (n > 5 && strchr(f[5], '?'))
		L->g->entries[e].ambiguous = 1;
	add_list(L, n > 2 ? f[2] : NULL, e, GAZ_ALIAS);
	add_list(L, n > 3 ? f[3] : NULL, e, GAZ_DEMONYM);
	add_list(L, n > 4 ? f[4] : NULL, e, GAZ_SEAT);
}

static void org_line(struct loader *L, const char *file, int line, char *text)
{
	char *f[5] = { 0 };
	size_t n = split(text, f, 5);
	if (n < 3)
		return;
	enum entity_kind k = strcmp(f[1], "media") == 0 ? KIND_MEDIA : KIND_ORGANIZATION;
	size_t e = new_entry(L, file, line, f[0], f[2], k, "", n > 4 ? f[4] : "");
	add_list(L, n > 3 ? f[3] : NULL, e, GAZ_ALIAS);
}

static void media_line(struct loader *L, const char *file, int line, char *text)
{
	char *f[4] = { 0 };
	size_t n = split(text, f, 4);
	if (n < 2)
		return;
	size_t e = new_entry(L, file, line, f[0], f[1], KIND_MEDIA, "", n > 3 ? f[3] : "");
	add_list(L, n > 2 ? f[2] : NULL, e, GAZ_ALIAS);
}

static int class_index(const char *const *names, unsigned n, const char *name);

/* "id<TAB>kind<TAB>name[<TAB>aliases[<TAB>country[<TAB>demonyms]]]".  The
 * kind is checked, as a class is, and so is the country (countries.tsv is
 * read first): a misspelt one would silently affiliate nothing.  A line
 * with a problem is skipped. */
static void place_line(struct loader *L, const char *file, int line, char *text)
{
	static const char *const kinds[] = { "region", "subdivision", "city", "territory" };
	char *f[6] = { 0 };
	size_t n = split(text, f, 6);
	if (n < 3 || !*f[0] || !*f[2]) {
		problem(L, file, line, "no id, kind and name in", f[0]);
		return;
	}
	int k = class_index(kinds, 4, f[1]);
	if (k < 0) {
		problem(L, file, line, "unknown kind", f[1]);
		return;
	}
	const char *country = n > 4 ? f[4] : "";
	size_t c = 0;
	/* countries.tsv's entries come first. */
	while (*country && c < L->g->nentries && L->g->entries[c].kind == KIND_COUNTRY
	       && strcmp(L->g->entries[c].id, country) != 0)
		c++;
	if (*country && (c == L->g->nentries || L->g->entries[c].kind != KIND_COUNTRY)) {
		problem(L, file, line, "no country", country);
		return;
	}
	size_t e = new_entry(L, file, line, f[0], f[2], KIND_PLACE, kinds[k], country);
	add_list(L, n > 3 ? f[3] : NULL, e, GAZ_ALIAS);
	add_list(L, n > 5 ? f[5] : NULL, e, GAZ_DEMONYM);
}

static void add_word(struct gaz_word **v, size_t *nv, size_t *cap, char *s, unsigned cls,
		     unsigned set, int line)
{
	*v = xgrowarray(*v, cap, *nv + 1, sizeof **v);
	(*v)[(*nv)++] = (struct gaz_word){ s, (uint32_t)strlen(s), (uint8_t)cls, (uint16_t)set, line };
}

/* The index of name in names[0, n), or -1. */
static int class_index(const char *const *names, unsigned n, const char *name)
{
	for (unsigned i = 0; i < n; i++)
		if (strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

static void title_line(struct loader *L, const char *file, int line, char *text)
{
	char *f[2] = { 0 };
	if (split(text, f, 2) < 2)
		return;
	int cls = class_index(title_classes, NTITLE_CLASSES, f[1]);
	if (cls < 0) {
		problem(L, file, line, "unknown class", f[1]);
		return;
	}
	add_word(&L->g->titles, &L->g->ntitles, &L->cap_t, f[0], (unsigned)cls, 0, line);
}

/* "word<TAB>kind[<TAB>class,...]": kind is what a name ending in the word
 * is, or "-" for a word that ends no name (listed for its classes only). */
static void orgword_line(struct loader *L, const char *file, int line, char *text)
{
	static const char *const kinds[] = { "organization", "media", "place", "-" };
	static const enum entity_kind kind_of[] = { KIND_ORGANIZATION, KIND_MEDIA, KIND_PLACE,
						    KIND_ORGANIZATION };
	static const char *const classes[] = { "legal", "unit" };
	char *f[3] = { 0 };
	size_t n = split(text, f, 3);
	if (n < 2)
		return;
	int k = class_index(kinds, 4, f[1]);
	if (k < 0) {
		problem(L, file, line, "unknown kind", f[1]);
		return;
	}
	unsigned set = k < 3 ? GAZ_ORG_HEAD : 0;
	for (char *c = n > 2 ? f[2] : NULL; c && *c; ) {
		char *comma = strchr(c, ',');
		if (comma)
			*comma = '\0';
		int i = class_index(classes, 2, c);
		if (i < 0) {
			problem(L, file, line, "unknown class", c);
			return;
		}
		set |= i == 0 ? GAZ_ORG_LEGAL : GAZ_ORG_UNIT;
		c = comma ? comma + 1 : NULL;
	}
	if (!set) {
		problem(L, file, line, "no kind and no class for", f[0]);
		return;
	}
	add_word(&L->g->orgwords, &L->g->norgwords, &L->cap_o, f[0], set & GAZ_ORG_HEAD ? kind_of[k] : 0,
		 set, line);
}

static void cue_line(struct loader *L, const char *file, int line, char *text)
{
	char *f[2] = { 0 };
	if (split(text, f, 2) < 2)
		return;
	int cls = class_index(cue_names + 1, CUE_COUNT - 1, f[1]);
	if (cls < 0) {
		problem(L, file, line, "unknown class", f[1]);
		return;
	}
	cls++;
	/* A word may carry two classes ("asked": speech and act); the first
	 * context wins for gaz_cue, and every class is in the set. */
	add_word(&L->g->cues, &L->g->ncues, &L->cap_c, f[0],
		 (1u << cls) & CUE_CONTEXTS ? (unsigned)cls : CUE_NONE, 1u << cls, line);
}

static void common_line(struct loader *L, const char *file, int line, char *text)
{
	(void)file, (void)line;
	L->g->common = xgrowarray(L->g->common, &L->cap_common, L->g->ncommon + 1, sizeof *L->g->common);
	L->g->common[L->g->ncommon++] = text;
}

static void proper_line(struct loader *L, const char *file, int line, char *text)
{
	(void)file, (void)line;
	L->g->proper = xgrowarray(L->g->proper, &L->cap_proper, L->g->nproper + 1, sizeof *L->g->proper);
	L->g->proper[L->g->nproper++] = text;
}

static void firstname_line(struct loader *L, const char *file, int line, char *text)
{
	(void)file, (void)line;
	L->g->firstnames = xgrowarray(L->g->firstnames, &L->cap_first, L->g->nfirstnames + 1, sizeof *L->g->firstnames);
	L->g->firstnames[L->g->nfirstnames++] = text;
}

static void surname_line(struct loader *L, const char *file, int line, char *text)
{
	(void)file, (void)line;
	L->g->surnames = xgrowarray(L->g->surnames, &L->cap_sur, L->g->nsurnames + 1, sizeof *L->g->surnames);
	L->g->surnames[L->g->nsurnames++] = text;
}

static void leader_line(struct loader *L, const char *file, int line, char *text)
{
	(void)file;
	char *f[2] = { 0 };
	if (split(text, f, 2) < 2 || !*f[0] || !*f[1])
		return;
	L->g->leaders = xgrowarray(L->g->leaders, &L->cap_lead, L->g->nleaders + 1, sizeof *L->g->leaders);
	L->g->leaders[L->g->nleaders++] = (struct gaz_leader){ f[0], f[1], line };
}

static const char *const chrome_classes[] = {
	"lead", "credit", "written-for", "stamp", "stamp-lead", "byline", "contributors",
	"contributors-end", "covers", "job",
};
_Static_assert(sizeof chrome_classes / sizeof chrome_classes[0] == GAZ_CHROME_COUNT,
	       "a name for every chrome class");

/* The classes matched at a line's start, whose phrases are found by key. */
static int chrome_at_start(unsigned cls)
{
	return cls == GAZ_CHROME_LEAD || cls == GAZ_CHROME_STAMP_LEAD || cls == GAZ_CHROME_BYLINE;
}

/* "phrase<TAB>class", "_" a space: a trailing blank survives an editor. */
static void chrome_phrase_line(struct loader *L, const char *file, int line, char *text)
{
	char *f[2] = { 0 };
	if (split(text, f, 2) < 2) {
		problem(L, file, line, "no class for", f[0]);
		return;
	}
	int cls = class_index(chrome_classes, GAZ_CHROME_COUNT, f[1]);
	if (cls < 0) {
		problem(L, file, line, "unknown class", f[1]);
		return;
	}
	if (!*f[0]) {
		problem(L, file, line, "empty phrase of class", f[1]);
		return;
	}
	for (char *p = f[0]; *p; p++)
		if (*p == '_')
			*p = ' ';
	struct gazetteer *g = L->g;
	g->chrome = xgrowarray(g->chrome, &L->cap_chrome, g->nchrome + 1, sizeof *g->chrome);
	uint8_t key = chrome_at_start((unsigned)cls) ? (uint8_t)(f[0][0] | 0x20) : 0;
	g->chrome[g->nchrome++] = (struct gaz_phrase){ f[0], (uint32_t)strlen(f[0]), (uint8_t)cls, key,
						      line };
}

/* By class, then key, then line: a class's phrases stay in the list's
 * order, which the covers class reads (its first found is the verb). */
static int phrase_cmp(const void *pa, const void *pb)
{
	const struct gaz_phrase *a = pa, *b = pb;
	if (a->cls != b->cls)
		return a->cls < b->cls ? -1 : 1;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

static void chrome_index(struct gazetteer *g)
{
	if (g->nchrome)
		qsort(g->chrome, g->nchrome, sizeof *g->chrome, phrase_cmp);
	size_t k = 0;
	for (unsigned c = 0; c <= GAZ_CHROME_COUNT; c++) {
		while (k < g->nchrome && g->chrome[k].cls < c)
			k++;
		g->chrome_at[c] = k;
	}
}

static int leader_cmp(const void *pa, const void *pb)
{
	const struct gaz_leader *a = pa, *b = pb;
	return strcmp(a->name, b->name);
}

/* Spellings are grouped by their first two bytes (a one-byte spelling's
 * second is its NUL), so a lookup compares a handful, not every name that
 * starts with the same capital: that walk was a third of the finder's time. */
static unsigned key2(const char *s)
{
	return (unsigned)(unsigned char)s[0] << 8 | (unsigned char)(s[0] ? s[1] : 0);
}

static int sp_cmp(const void *pa, const void *pb)
{
	const struct gaz_spelling *a = pa, *b = pb;
	unsigned ca = key2(a->s), cb = key2(b->s);
	if (ca != cb)
		return ca < cb ? -1 : 1;
	if (a->len != b->len)
		return a->len > b->len ? -1 : 1;
	int d = memcmp(a->s, b->s, a->len);
	if (d)
		return d;
	/* The same spelling twice: a name before an alias before a seat, then
	 * the list's own order, so the first is the one to take. */
	if (a->role != b->role)
		return a->role < b->role ? -1 : 1;
	return a->entry < b->entry ? -1 : a->entry > b->entry;
}

static int word_cmp(const void *pa, const void *pb)
{
	const struct gaz_word *a = pa, *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int d = memcmp(a->s, b->s, n);
	if (d)
		return d;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/* A word on several lines (next to each other once sorted, first line
 * first) becomes one entry: its classes joined, cls from its first line
 * with a bit of primary (the first context of a cue, the first kind of a
 * head word), so a lookup finds one entry and the first line still wins. */
static size_t merge_words(struct gaz_word *v, size_t n, uint16_t primary)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		struct gaz_word w = v[i];
		int have = (w.set & primary) != 0;
		size_t k = i + 1;
		for (; k < n && v[k].len == w.len && memcmp(v[k].s, w.s, w.len) == 0; k++) {
			if (!have && (v[k].set & primary)) {
				w.cls = v[k].cls;
				have = 1;
			}
			w.set |= v[k].set;
		}
		v[o++] = w;
		i = k;
	}
	return o;
}

static int str_cmp(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

static const char *const files[] = {
	"countries.tsv", "orgs.tsv", "media.tsv", "places.tsv", "titles.tsv", "orgwords.tsv",
	"cues.tsv", "common.txt", "propernames.txt", "surnames-ea.txt", "firstnames.txt",
	"leaders.tsv",
	"chrome.tsv",
};

void gaz_load(struct gazetteer *g)
{
	gaz_load_with(g, NULL, NULL);
}

void gaz_load_with(struct gazetteer *g, const char *file, const char *text)
{
	memset(g, 0, sizeof *g);
	struct loader L = { .g = g, .over_file = file && text ? file : NULL, .over_text = text };
	size_t total = 0;
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		size_t len;
		total += list_text(&L, files[i], &len) ? len + 1 : 0;
	}
	g->store = xmalloc(total + 1);
	char *store = g->store;
	each_line(&L, &store, "countries.tsv", country_line);
	each_line(&L, &store, "orgs.tsv", org_line);
	each_line(&L, &store, "media.tsv", media_line);
	each_line(&L, &store, "places.tsv", place_line);
	each_line(&L, &store, "titles.tsv", title_line);
	each_line(&L, &store, "orgwords.tsv", orgword_line);
	each_line(&L, &store, "cues.tsv", cue_line);
	each_line(&L, &store, "common.txt", common_line);
	each_line(&L, &store, "propernames.txt", proper_line);
	each_line(&L, &store, "surnames-ea.txt", surname_line);
	each_line(&L, &store, "firstnames.txt", firstname_line);
	each_line(&L, &store, "leaders.tsv", leader_line);
	each_line(&L, &store, "chrome.tsv", chrome_phrase_line);
	if (g->nsp)
		qsort(g->sp, g->nsp, sizeof *g->sp, sp_cmp);
	size_t k = 0;
	g->first2 = xmalloc((65536 + 1) * sizeof *g->first2);
	for (unsigned c = 0; c < 65536; c++) {
		g->first2[c] = (uint32_t)k;
		while (k < g->nsp && key2(g->sp[k].s) == c)
			k++;
	}
	g->first2[65536] = (uint32_t)g->nsp;
	if (g->ntitles)
		qsort(g->titles, g->ntitles, sizeof *g->titles, word_cmp);
	if (g->norgwords)
		qsort(g->orgwords, g->norgwords, sizeof *g->orgwords, word_cmp);
	g->norgwords = merge_words(g->orgwords, g->norgwords, GAZ_ORG_HEAD);
	if (g->ncues)
		qsort(g->cues, g->ncues, sizeof *g->cues, word_cmp);
	g->ncues = merge_words(g->cues, g->ncues, CUE_CONTEXTS);
	/* common.txt, propernames.txt and firstnames.txt are generated sorted (seed.py, byte
	 * order) and test_gazetteer checks that they are: sorting 15,000
	 * strings again was most of the lists' 11 million instructions of
	 * start-up.  The short hand-written one is sorted here. */
	if (g->nsurnames)
		qsort(g->surnames, g->nsurnames, sizeof *g->surnames, str_cmp);
	if (g->nleaders)
		qsort(g->leaders, g->nleaders, sizeof *g->leaders, leader_cmp);
	chrome_index(g);
}

void gaz_free(struct gazetteer *g)
{
	free(g->entries);
	free(g->sp);
	free(g->first2);
	free(g->titles);
	free(g->orgwords);
	free(g->cues);
	free(g->common);
	free(g->proper);
	free(g->surnames);
	free(g->firstnames);
	free(g->leaders);
	free(g->chrome);
	free(g->store);
	memset(g, 0, sizeof *g);
}

const char *gaz_problem(const struct gazetteer *g)
{
	return g->nproblems ? g->problem : NULL;
}

static struct gazetteer shared;
static int shared_loaded;

const struct gazetteer *gaz_default(void)
{
	if (!shared_loaded) {
		gaz_load(&shared);
		shared_loaded = 1;
	}
	return &shared;
}

static int alnum_byte(uint8_t c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

/* Does a word end at s[k] (of n)?  "'s" and "’s" may follow a name. */
static int ends_word(const uint8_t *s, size_t n, size_t k)
{
	if (k >= n)
		return 1;
	if (!alnum_byte(s[k]))
		return 1;
	/* A non-ASCII byte: a letter of another script glued on is not a
	 * boundary; punctuation such as ’ (E2 80 99) or — is. */
	return s[k] == 0xE2;
}

static const struct gaz_spelling *match_in(const struct gazetteer *g, size_t lo, size_t hi,
					   const uint8_t *s, size_t n, size_t *len);

const struct gaz_spelling *gaz_match(const struct gazetteer *g, const uint8_t *s, size_t n,
				     size_t *len)
{
	if (!n)
		return NULL;
	/* The spellings of two bytes or more that start like s, then the
	 * one-byte ones ("X"). */
	unsigned k2[2] = { (unsigned)s[0] << 8 | (n > 1 ? s[1] : 0), (unsigned)s[0] << 8 };
	for (int pass = 0; pass < 2; pass++) {
		if (pass && k2[1] == k2[0])
			break;
		const struct gaz_spelling *sp = match_in(g, g->first2[k2[pass]], g->first2[k2[pass] + 1],
							 s, n, len);
		if (sp)
			return sp;
	}
	return NULL;
}

static const struct gaz_spelling *match_in(const struct gazetteer *g, size_t lo, size_t hi,
					   const uint8_t *s, size_t n, size_t *len)
{
	for (size_t k = lo; k < hi; k++) {
		const struct gaz_spelling *sp = &g->sp[k];
		if (sp->len > n || memcmp(sp->s, s, sp->len) != 0)
			continue;
		/* A spelling ending in '.' ("U.S.") ends a word by itself. */
		if (s[sp->len - 1] != '.' && !ends_word(s, n, sp->len))
			continue;
		*len = sp->len;
		return sp;
	}
	return NULL;
}

static const struct gaz_word *word_find(const struct gaz_word *v, size_t nv, const uint8_t *s,
					size_t n)
{
	size_t lo = 0, hi = nv;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		size_t m = v[mid].len < n ? v[mid].len : n;
		int d = memcmp(v[mid].s, s, m);
		if (!d)
			d = v[mid].len < n ? -1 : v[mid].len > n;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nv && v[lo].len == n && memcmp(v[lo].s, s, n) == 0 ? &v[lo] : NULL;
}

const struct gaz_word *gaz_title(const struct gazetteer *g, const uint8_t *s, size_t n, size_t *len)
{
	/* Titles are a few words: try each word end, longest first. */
	size_t ends[8], ne = 0;
	for (size_t k = 1; k <= n && ne < 8; k++)
		if (k == n || s[k] == ' ')
			if (k == n || ends_word(s, n, k))
				ends[ne++] = k;
	/* "Sen." and "Gen.": the dot belongs to the title. */
	while (ne--) {
		size_t k = ends[ne];
		const struct gaz_word *w = word_find(g->titles, g->ntitles, s, k);
		if (!w && k < n && s[k] == '.')
			w = word_find(g->titles, g->ntitles, s, k + 1), k += w ? 1 : 0;
		if (w) {
			*len = k;
			return w;
		}
	}
	return NULL;
}

const struct gaz_word *gaz_orgword(const struct gazetteer *g, const uint8_t *s, size_t n)
{
	const struct gaz_word *w = word_find(g->orgwords, g->norgwords, s, n);
	return w && (w->set & GAZ_ORG_HEAD) ? w : NULL;
}

int gaz_orgword_is(const struct gazetteer *g, const uint8_t *s, size_t n, unsigned bits)
{
	const struct gaz_word *w = word_find(g->orgwords, g->norgwords, s, n);
	return w && (w->set & bits);
}

enum gaz_cue gaz_cue(const struct gazetteer *g, const uint8_t *s, size_t n)
{
	const struct gaz_word *w = word_find(g->cues, g->ncues, s, n);
	return w ? (enum gaz_cue)w->cls : CUE_NONE;
}

int gaz_cue_is(const struct gazetteer *g, const uint8_t *s, size_t n, enum gaz_cue c)
{
	const struct gaz_word *w = word_find(g->cues, g->ncues, s, n);
	return w && c > CUE_NONE && c < CUE_COUNT && (w->set >> c & 1);
}

static int str_find(const char **v, size_t nv, const char *s, size_t n)
{
	size_t lo = 0, hi = nv;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strncmp(v[mid], s, n);
		if (!d && v[mid][n])
			d = 1;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nv && strncmp(v[lo], s, n) == 0 && !v[lo][n];
}

/* "Café" or "Cafe" + U+0301 as the list writes it, "cafe": decomposed,
 * combining marks dropped; 0 when something other than ASCII is left. */
static size_t fold_marks(const uint8_t *s, size_t n, char *out, size_t cap)
{
	size_t dn = 0;
	uint8_t *d = u8_normalize(UNINORM_NFD, s, n, NULL, &dn);
	if (!d)
		return 0;
	size_t o = 0;
	for (size_t i = 0; i < dn; ) {
		ucs4_t c;
		int k = u8_mbtouc(&c, d + i, dn - i);
		i += k > 0 ? (size_t)k : 1;
		if (uc_is_general_category(c, UC_CATEGORY_Mn))
			continue;
		if (c >= 0x80 || o + 1 >= cap) {
			o = 0;
			break;
		}
		out[o++] = (char)c;
	}
	free(d);
	return o;
}

int gaz_is_common(const struct gazetteer *g, const uint8_t *s, size_t n)
{
	char low[64];
	if (!n || n >= sizeof low)
		return 0;
	int ascii = 1;
	for (size_t i = 0; i < n; i++)
		ascii &= s[i] < 0x80;
	if (ascii) {
		memcpy(low, s, n);
	} else {
		n = fold_marks(s, n, low, sizeof low);
		if (!n)
			return 0;
	}
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(low[i] >= 'A' && low[i] <= 'Z' ? low[i] | 0x20 : low[i]);
	return str_find(g->common, g->ncommon, low, n);
}

int gaz_is_proper(const struct gazetteer *g, const uint8_t *s, size_t n)
{
	return str_find(g->proper, g->nproper, (const char *)s, n);
}

int gaz_is_firstname(const struct gazetteer *g, const uint8_t *s, size_t n)
{
	return str_find(g->firstnames, g->nfirstnames, (const char *)s, n);
}

int gaz_is_surname_first(const struct gazetteer *g, const uint8_t *s, size_t n)
{
	return str_find(g->surnames, g->nsurnames, (const char *)s, n);
}

const struct gaz_leader *gaz_leader(const struct gazetteer *g, const char *s, size_t n)
{
	size_t lo = 0, hi = g->nleaders;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *m = g->leaders[mid].name;
		int c = strncmp(m, s, n);
		if (c == 0 && m[n] != '\0')
			c = 1;
		if (c == 0)
			return &g->leaders[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

long gaz_find_id(const struct gazetteer *g, const char *id)
{
	if (!id || !*id)
		return -1;
	for (size_t i = 0; i < g->nentries; i++)
		if (strcmp(g->entries[i].id, id) == 0)
			return (long)i;
	return -1;
}

const struct gaz_phrase *gaz_chrome(const struct gazetteer *g, enum gaz_chrome c, size_t *n)
{
	*n = (unsigned)c < GAZ_CHROME_COUNT ? g->chrome_at[c + 1] - g->chrome_at[c] : 0;
	return *n ? g->chrome + g->chrome_at[c] : NULL;
}

const struct gaz_phrase *gaz_chrome_from(const struct gazetteer *g, enum gaz_chrome c, uint8_t b,
					 size_t *n)
{
	*n = 0;
	if ((unsigned)c >= GAZ_CHROME_COUNT || !chrome_at_start(c))
		return NULL;
	uint8_t key = b | 0x20;
	size_t lo = g->chrome_at[c], hi = g->chrome_at[c + 1];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->chrome[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < g->chrome_at[c + 1] && g->chrome[end].key == key)
		end++;
	*n = end - lo;
	return *n ? g->chrome + lo : NULL;
}
