/* The curated lists under assets/gazetteer/, compiled into the binary:
 * countries with aliases, demonyms and seats of government, international
 * bodies, media, places, titles, organisation head words, cue words, family
 * names written first, common words, known proper names and first names.  Loaded once
 * (about 0.3 ms); lookups are by exact bytes (names are case-sensitive: "US"
 * is the country, "us" is not).  Every entry keeps its "file:line".
 *
 * The open-class word lists the actor rules read (legal words after a
 * company's name, the head words of a state's own bodies, place nouns) are
 * classes of orgwords.tsv and cues.tsv, so a maintainer edits them without
 * touching C; a class the loader does not know is a problem reported with
 * its "file:line" (gaz_problem), never silently another class. */
#ifndef BRIEF_GAZETTEER_H
#define BRIEF_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "brief/annot.h"

enum gaz_role {
	GAZ_NAME,       /* the entry's name */
	GAZ_ALIAS,      /* another name of the same thing: "US", "Britain" */
	GAZ_DEMONYM,    /* "Japanese": points at a country (or "Puerto Rican" at a
	                   territory, a place), names none by itself */
	GAZ_SEAT        /* a capital or seat of government: "Seoul", "the Kremlin" */
};

/* One thing a list names. */
struct gaz_entry {
	const char *id;             /* "south-korea" */
	const char *name;           /* "South Korea" */
	enum entity_kind kind;
	const char *subkind;        /* places: "region", "city", "subdivision" or
	                               "territory" (not a sovereign state); else "" */
	const char *affiliation;    /* id of a country entry, or "": for a territory
	                               the state that holds it */
	const char *file;           /* "countries.tsv" */
	int line;
	int ambiguous;              /* the entry's name needs a cue (Georgia, Jordan) */
};

/* One spelling of an entry. */
struct gaz_spelling {
	const char *s;
	uint32_t len;
	uint32_t entry;             /* index into entries */
	uint8_t role;               /* enum gaz_role */
	uint8_t ambiguous;          /* written with a trailing '?' in the list */
};

enum gaz_cue {
	CUE_NONE, CUE_SPEECH, CUE_ACT, CUE_PLACE, CUE_ROLE, CUE_MEDIA, CUE_MODIFIER,
	CUE_STOP, CUE_MONTH, CUE_DAY, CUE_STATE, CUE_MEMBER, CUE_THING,
	/* Word sets rather than contexts: a word's membership is asked with
	 * gaz_cue_is, and gaz_cue never answers them, so listing "capital"
	 * as a place noun leaves its context class (state) as it was. */
	CUE_PLACE_OF,               /* "the city of Sirte": a noun before "of" and a place */
	CUE_PLACE_AFTER,            /* "the Agboju area": a lower-case noun after a place */
	CUE_COUNT
};

/* The classes of an orgwords.tsv word, as bits of gaz_word.set: a word may
 * be a head word, a legal word, a unit's head word, or several. */
enum gaz_org_class {
	GAZ_ORG_HEAD = 1,           /* ends an organisation's, a medium's or a place's
	                               name ("Foreign Ministry"); its kind is cls */
	GAZ_ORG_LEGAL = 2,          /* a legal or group word after a company's own name
	                               ("Alibaba Group", "Nissan Motor Co.") */
	GAZ_ORG_UNIT = 4            /* the head word of a body that is part of a state
	                               ("Foreign Ministry", "Army"), not one of its own */
};

struct gaz_word {                   /* a title, an org word or a cue */
	const char *s;
	uint32_t len;
	uint8_t cls;                /* titles: index into gaz_title_class; orgwords:
	                               entity kind (head words only); cues: enum
	                               gaz_cue of the word's first context line, or
	                               CUE_NONE when it is only in word sets */
	uint16_t set;               /* orgwords: enum gaz_org_class bits; cues: bit
	                               1 << c for every class c the word has; titles: 0 */
	int line;                   /* the word's first line in its list */
};

/* A head of state or government, past or present, and the country whose
 * office it is (leaders.tsv): what a reader of the news knows of "the Obama
 * administration" when the text does not say it. */
struct gaz_leader {
	const char *name;           /* "Barack Obama" */
	const char *country;        /* an id of countries.tsv: "us" */
	int line;
};

/* chrome.tsv's classes: where a phrase is looked for in a line, and what a
 * line holding it is (page furniture, actors.c chrome_line).  Open classes
 * a maintainer extends, so a list, as orgwords.tsv and cues.tsv; the list's
 * header says how each is matched. */
enum gaz_chrome {
	GAZ_CHROME_LEAD,            /* the line starts with it: "Photo", "Read more" */
	GAZ_CHROME_CREDIT,          /* a short line holds it: "Getty Images", "/AFP" */
	GAZ_CHROME_WRITTEN_FOR,     /* a short line holds it: "Special to " */
	GAZ_CHROME_STAMP,           /* a short line holds it: "First published" */
	GAZ_CHROME_STAMP_LEAD,      /* a short line starts with it: "Updated " */
	GAZ_CHROME_BYLINE,          /* the line starts with it: "Reporting by" */
	GAZ_CHROME_CONTRIBUTORS,    /* the line holds it: "contributed reporting" */
	GAZ_CHROME_CONTRIBUTORS_END, /* the line ends with it: " contributed." */
	GAZ_CHROME_COVERS,          /* a bio's verb near its start: " covers " */
	GAZ_CHROME_JOB,             /* a bio's newsroom job: " reporter" */
	GAZ_CHROME_COUNT
};

/* One phrase of chrome.tsv, its "_" already a space. */
struct gaz_phrase {
	const char *s;              /* NUL-terminated, points into the store */
	uint32_t len;               /* bytes */
	uint8_t cls;                /* enum gaz_chrome */
	uint8_t key;                /* classes matched at a line's start: the first
	                               byte | 0x20 (how the match folds case); else 0 */
	int line;                   /* the phrase's line in chrome.tsv */
};

struct gazetteer {
	struct gaz_entry *entries;
	size_t nentries;
	struct gaz_spelling *sp;    /* sorted: first byte, then longest first */
	size_t nsp;
	uint32_t *first2;           /* sp index range by first two bytes, 65537 entries */
	struct gaz_word *titles;    /* sorted by bytes */
	struct gaz_word *orgwords, *cues;  /* sorted by bytes, one per word: the
	                               lines of a word listed twice are merged */
	size_t ntitles, norgwords, ncues;
	const char **common, **proper, **surnames;  /* sorted; NUL-terminated lines */
	size_t ncommon, nproper, nsurnames;
	const char **firstnames;    /* sorted: the 1990 US Census's first names */
	size_t nfirstnames;
	struct gaz_leader *leaders; /* sorted by name */
	size_t nleaders;
	struct gaz_phrase *chrome;  /* sorted by class, then key, then line */
	size_t nchrome;
	size_t chrome_at[GAZ_CHROME_COUNT + 1];  /* class c is chrome[chrome_at[c],
	                               chrome_at[c + 1]) */
	char *store;                /* owned copy of the lists the pointers point into */
	char problem[160];          /* the first problem of the lists, "cues.tsv:12:
	                               unknown class \"spech\"", or "" */
	unsigned nproblems;
};

/* The lists compiled in.  Never fails (the lists are part of the binary and
 * checked by the unit tests); gaz_free releases it. */
void gaz_load(struct gazetteer *g);
void gaz_free(struct gazetteer *g);
/* As gaz_load, with text (NUL-terminated, copied) read in place of the
 * compiled list named file ("cues.tsv"): how the tests and a maintainer
 * check an edited list.  file NULL is gaz_load. */
void gaz_load_with(struct gazetteer *g, const char *file, const char *text);
/* The first problem the loader met ("orgwords.tsv:40: unknown class
 * \"legl\""), or NULL when the lists are sound.  The compiled lists have
 * none (test_gazetteer); a line with a problem is skipped. */
const char *gaz_problem(const struct gazetteer *g);
/* The process's shared copy, loaded on first use (not thread-safe). */
const struct gazetteer *gaz_default(void);

/* The longest spelling equal to s[0, n') for some n' <= n that ends on a word
 * boundary of s (s[n'] is not a letter or digit; "'s" may follow), or NULL.
 * *len receives n'. */
const struct gaz_spelling *gaz_match(const struct gazetteer *g, const uint8_t *s, size_t n,
				     size_t *len);
/* The longest title at s (as gaz_match), or NULL. */
const struct gaz_word *gaz_title(const struct gazetteer *g, const uint8_t *s, size_t n, size_t *len);
/* Exact-word lookups (binary search).  gaz_orgword answers head words only
 * (NULL for a word listed only as legal or unit). */
const struct gaz_word *gaz_orgword(const struct gazetteer *g, const uint8_t *s, size_t n);
/* Whether s[0, n) is an orgwords.tsv word with any of the classes in bits
 * (enum gaz_org_class). */
int gaz_orgword_is(const struct gazetteer *g, const uint8_t *s, size_t n, unsigned bits);
/* The context class of s[0, n): its first line's in cues.tsv other than a
 * word set; CUE_NONE when it has none. */
enum gaz_cue gaz_cue(const struct gazetteer *g, const uint8_t *s, size_t n);
/* Whether s[0, n) has class c in cues.tsv, a context or a word set. */
int gaz_cue_is(const struct gazetteer *g, const uint8_t *s, size_t n, enum gaz_cue c);
/* Whether the lower case of s (ASCII folding, after dropping combining marks:
 * "Café" is "cafe") is a common English word. */
int gaz_is_common(const struct gazetteer *g, const uint8_t *s, size_t n);
int gaz_is_proper(const struct gazetteer *g, const uint8_t *s, size_t n);
int gaz_is_surname_first(const struct gazetteer *g, const uint8_t *s, size_t n);
/* Whether s (bytes, as written: "Grace") is a first name of the 1990 US
 * Census's lists: a weak cue that a capitalised run is a person. */
int gaz_is_firstname(const struct gazetteer *g, const uint8_t *s, size_t n);
/* The entry with this id, or -1. */
long gaz_find_id(const struct gazetteer *g, const char *id);
/* The leaders.tsv entry whose name is exactly s[0, n), or NULL. */
const struct gaz_leader *gaz_leader(const struct gazetteer *g, const char *s, size_t n);
/* The phrases of chrome.tsv's class c in the list's order; *n receives
 * their count (0 and a pointer not to read for an empty class). */
const struct gaz_phrase *gaz_chrome(const struct gazetteer *g, enum gaz_chrome c, size_t *n);
/* The phrases of class c whose key is b | 0x20 (binary search): those a line
 * whose first byte is b may start with, for the classes matched at a line's
 * start (lead, stamp-lead, byline).  Others have no key: *n is 0 for them. */
const struct gaz_phrase *gaz_chrome_from(const struct gazetteer *g, enum gaz_chrome c, uint8_t b,
					 size_t *n);
/* "government", "military", ... for a title's class. */
const char *gaz_title_class(unsigned cls);

#endif
