/* Search with Unicode normalisation and, unless asked for exact case, case
 * folding: "ISHIBA" finds "Ishiba" when case is ignored, "café" finds
 * "Cafe" + U+0301 either way.  Matches start and end on grapheme cluster
 * boundaries of the source text.
 *
 * Which it is, as less users know it (less -i, -I): ignore case unless the
 * pattern has a capital ("smart case", brief's default), always ignore
 * case, or always match it (search_exact_case). */
#ifndef BRIEF_SEARCH_H
#define BRIEF_SEARCH_H

#include <stddef.h>
#include <stdint.h>

struct search {
	uint8_t *pat;               /* folded pattern */
	size_t patlen;
	int exact;                  /* 1: case kept (normalised only); 0: folded */
	/* scratch for folding one source line, private to search.c */
	uint8_t *fold;
	size_t *map;                /* fold offset -> source offset, one past the end too */
	uint8_t *edge;              /* 1 where a folded offset is a cluster boundary */
	size_t cap;
	char *brk;                  /* grapheme breaks of a non-ASCII stretch */
	size_t brkcap;
};

/* Compile a pattern (UTF-8, sanitised) into s, which must be zeroed or
 * previously compiled (its scratch is kept).  Returns 0, or -1 if it folds to
 * nothing (empty pattern); s then matches nothing but may still be freed. */
int search_compile(struct search *s, const char *pattern, size_t len);
/* The same, exact: case is matched as written (only the normalisation is
 * ignored: "café" still finds "café" decomposed), else ignored. */
int search_compile_case(struct search *s, const char *pattern, size_t len, int exact);

/* How case counts in a search. */
enum search_case {
	SEARCH_SMART,               /* ignored, unless the pattern has a capital (less -i) */
	SEARCH_IGNORE,              /* always ignored (less -I) */
	SEARCH_SENSITIVE,           /* always matched (less without -i or -I) */
};
/* Whether the pattern has a capital: a letter that lower-casing changes
 * (upper or title case: "US", "Ǆ"). */
int search_has_capital(const char *pattern, size_t len);
/* Whether pattern[0, len) is to be matched with its case under c. */
int search_exact_case(const char *pattern, size_t len, enum search_case c);
void search_free(struct search *s);

/* More bytes of source than any match of the compiled pattern spans: a
 * source byte folds to a quarter byte at least. */
size_t search_reach(const struct search *s);

/* Matches in text[start, end), which must not hold an LF; calls found() for
 * each (non-overlapping, left to right) until it returns nonzero.  Returns
 * the number of matches reported. */
size_t search_line(struct search *s, const uint8_t *text, size_t start, size_t end,
		   int (*found)(void *ctx, size_t mstart, size_t mend), void *ctx);

#endif
