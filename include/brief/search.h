/* Case-insensitive search with Unicode case folding and normalisation:
 * "ISHIBA" finds "Ishiba", "café" finds "Cafe" + U+0301.  Matches start and
 * end on grapheme cluster boundaries of the source text. */
#ifndef BRIEF_SEARCH_H
#define BRIEF_SEARCH_H

#include <stddef.h>
#include <stdint.h>

struct search {
	uint8_t *pat;               /* folded pattern */
	size_t patlen;
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
