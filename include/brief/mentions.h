/* Mentions: every occurrence of every actor's name or alias in the text, on
 * word boundaries (word.h: the same as a quote's and a figure's), longest
 * match first, never overlapping. */
#ifndef BRIEF_MENTIONS_H
#define BRIEF_MENTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "brief/annot.h"

struct mention {
	size_t start, end;          /* byte span in doc->text */
	uint32_t entity;            /* index into annot->entities */
	uint32_t nth;               /* its entity's mentions before it (fits the padding) */
};

/* One spelling to look for, sorted by first byte then longest first. */
struct spelling {
	const char *s;
	size_t len;
	uint32_t entity;
};

struct mentions {
	struct mention *v;
	size_t n, cap;
	size_t *count;              /* mentions per entity */
	size_t nentities;
	struct spelling *sp;        /* private to mentions.c */
	size_t nsp;
	size_t first[257];          /* sp index range by first byte */
	uint8_t starts[256];        /* 1 for a byte some spelling starts with */
	int caps;                   /* every spelling starts with A-Z or a non-ASCII byte */
	/* At most max mentions are kept (MENTIONS_MAX unless changed after
	 * mentions_init), so that memory has a bound whatever the text holds:
	 * once full, scanning stops and full_at is where the first mention
	 * not kept starts (counts then stop there too). */
	size_t max;
	int full;
	size_t full_at;
};

/* 2,097,152 mentions: 48 MiB.  A real text of 100 MB names its actors
 * about 1.4 million times; a text made of names stops here. */
#define MENTIONS_MAX ((size_t)1 << 21)

void mentions_init(struct mentions *m, const struct annot *a);
void mentions_free(struct mentions *m);
/* Find mentions in text[from, to) and append them; from and to are line
 * boundaries and successive calls must go forward, so a large document can
 * be scanned in slices. */
void mentions_scan(struct mentions *m, const uint8_t *text, size_t len, size_t from, size_t to);
/* Index of the first mention starting at or after off (n if none). */
size_t mentions_at(const struct mentions *m, size_t off);

#endif
