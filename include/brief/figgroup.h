/* Figures grouped by what they mean, as the panel lists them and a
 * selection walks them: one group per value as a reader writes it
 * (fig_wording: "25 percent" and "25%" are one) and per meaning, so that
 * two different "25 percent" figures (a tariff on cars, a tax on goods)
 * are two groups, not one because their text is the same.
 *
 * The meaning is the annotation's, when the annotation file gives the
 * figure one; else the noun the figure measures, the word right after it
 * ("25 percent tariffs", "a 25 percent tax"), for figures whose unit does
 * not say what they count (percentages, money, bare numbers, durations);
 * else none.  Dates and counts are grouped by their value alone.
 *
 * Groups are added as the scan finds figures (fgroups_update after each
 * slice: only the new figures are read, and a figure whose text and
 * meaning were seen before costs a hash lookup).  Pure: no curses; reads
 * the model it is given, which must outlive the call only. */
#ifndef BRIEF_FIGGROUP_H
#define BRIEF_FIGGROUP_H

#include <stddef.h>
#include <stdint.h>

#include "brief/model.h"
#include "brief/util.h"

struct fgroup {
	size_t first;               /* its first figure (an index of m->figures) */
	size_t count;               /* its figures */
	size_t wording;             /* offset of its value's words in the pool */
	size_t detail;              /* offset of its meaning in the pool ("": none) */
	int from_note;              /* the meaning is the annotation's, not a noun */
	uint32_t hash;
	size_t wfirst;              /* the first group with this wording */
	size_t nwords;              /* in that first group: the groups with its
	                               wording (2 or more: it does not tell them
	                               apart alone) */
};

struct fgroup_raw;              /* private: a figure's text and meaning seen before */

struct fgroups {
	struct fgroup *v;
	size_t n, cap;
	uint32_t *of;               /* per figure: its group; figures [0, done) */
	size_t of_cap;
	size_t done;                /* figures grouped so far */
	struct buf pool;            /* NUL-terminated strings: wordings, meanings, raw keys */
	/* private: open addressing, each slot an index + 1 (0: empty) */
	uint32_t *slot;             /* (wording, meaning) -> group */
	size_t slot_cap;
	struct fgroup_raw *raw;     /* (text, meaning source) -> group */
	size_t nraw, raw_cap;
	uint32_t *raw_slot;
	size_t raw_slot_cap;
	uint32_t *word_slot;        /* wording -> first group with it */
	size_t word_slot_cap;
};

/* Group the figures found since the last call. */
void fgroups_update(struct fgroups *g, const struct model *m);
void fgroups_free(struct fgroups *g);
/* The group of figure i, or -1 if it is not grouped yet. */
long fgroups_of(const struct fgroups *g, size_t i);
/* Its value as a reader writes it ("25%", "July 9"), and its meaning ("" when
 * none): the annotation's, or the noun measured. */
const char *fgroups_wording(const struct fgroups *g, size_t group);
const char *fgroups_detail(const struct fgroups *g, size_t group);
/* The panel's label: the wording, followed by the meaning when another
 * group reads the same ("25% tariffs", "25% tax"; an annotation's meaning
 * after " · ", or " | " with ascii). */
void fgroups_label(const struct fgroups *g, size_t group, int ascii, struct buf *out);

#endif
