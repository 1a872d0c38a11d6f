/* Mentions: every occurrence of every actor's name or alias in the text, on
 * word boundaries (word.h: the same as a quote's and a figure's), longest
 * match first, never overlapping.
 *
 * A person's government ("gov" rule): a person's name or alias followed,
 * after spaces or tabs on the same line, by "administration",
 * "government" or "cabinet" (or the word capitalised) is a mention of that
 * government, not of the person: when the person is affiliated with a
 * country, the whole phrase ("Donald Trump administration") is a mention
 * of the country; otherwise the name stays the person's mention. */
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

/* A node of the spellings' trie (private to mentions.c): its children are
 * edges [edge, edge + nedge) of the edge arrays, sorted by byte. */
struct mentions_node {
	uint32_t edge, nedge;
	uint32_t entity;            /* a spelling ends here: its entity + 1; else 0 */
};

struct mentions {
	struct mention *v;
	size_t n, cap;
	size_t *count;              /* mentions per entity */
	size_t nentities;
	/* Every name and alias as a trie of bytes, walked along the text from
	 * each byte that can start one (private to mentions.c).  root[c] is
	 * the node after byte c, 0 for none (node 0 is the empty prefix). */
	struct mentions_node *node;
	size_t nnodes;
	uint8_t *edge_byte;         /* nnodes - 1 edges, each node's sorted */
	uint32_t *edge_to;
	uint32_t root[256];
	uint8_t starts[256];        /* 1 for a byte some spelling starts with */
	int caps;                   /* every spelling starts with A-Z or a non-ASCII byte */
	/* At most max mentions are kept (MENTIONS_MAX unless changed after
	 * mentions_init), so that memory has a bound whatever the text holds:
	 * once full, scanning stops and full_at is where the first mention
	 * not kept starts (counts then stop there too). */
	size_t max;
	int full;
	size_t full_at;
	uint32_t *gov;              /* per entity: the country a person is affiliated
	                               with, + 1; 0 for none (private) */
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

/* The end of a government word ("administration", "government",
 * "cabinet", or capitalised) after spaces or tabs from text[off], ending
 * on a word boundary before `to`; 0 when there is none. */
size_t mentions_gov_word(const uint8_t *text, size_t off, size_t to);
/* Whether mn, a mention of a country, names person p's government by the
 * rule above: one of p's spellings, then the word, exactly mn's span. */
int mentions_names_gov(const struct annot *a, const uint8_t *text, const struct mention *mn,
		       size_t p);

#endif
