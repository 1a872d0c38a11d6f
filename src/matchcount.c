/* Counting a search's matches a slice at a time, and placing one of them. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/matchcount.h"
#include "brief/util.h"

/* The one place line starts are asked for. */
static size_t line_start(const struct doc *d, size_t i)
{
	return doc_line_start(d, i);
}

void mcount_start(struct mcount *c, size_t first)
{
	struct mcount_mark *keep = c->mark;
	size_t cap = c->cap;
	memset(c, 0, sizeof *c);
	c->mark = keep;
	c->cap = cap;
	c->first = c->line = first;
	c->place_off = SIZE_MAX;
	c->mark = xgrowarray(c->mark, &c->cap, 1, sizeof *c->mark);
	c->mark[0] = (struct mcount_mark){ first, 0 };
	c->nmark = 1;
}

void mcount_free(struct mcount *c)
{
	free(c->mark);
	memset(c, 0, sizeof *c);
	c->place_off = SIZE_MAX;
}

struct before {
	size_t off, n;
};

/* Counts the matches starting before off; never stops the search. */
static int count_before(void *ctx, size_t ms, size_t me)
{
	(void)me;
	struct before *b = ctx;
	if (ms < b->off)
		b->n++;
	return 0;
}

static int count_none(void *ctx, size_t ms, size_t me)
{
	(void)ctx, (void)ms, (void)me;
	return 0;
}

/* Matches in line i, and (b not NULL) those before b->off among them. */
static size_t count_line(struct search *s, const struct doc *d, size_t i, struct before *b)
{
	return search_line(s, d->text, line_start(d, i), doc_line_end(d, i),
			   b ? count_before : count_none, b);
}

int mcount_step(struct mcount *c, struct search *s, const struct doc *d, size_t budget)
{
	if (c->done)
		return 1;
	size_t bytes = 0;
	size_t from = c->line < d->nlines ? line_start(d, c->line) : 0, to = from;
	while (c->line < d->nlines && (bytes == 0 || bytes < budget)) {
		if (c->since_mark >= MCOUNT_STRIDE) {
			c->mark = xgrowarray(c->mark, &c->cap, c->nmark + 1, sizeof *c->mark);
			c->mark[c->nmark++] = (struct mcount_mark){ c->line, c->total };
			c->since_mark = 0;
		}
		size_t ls = line_start(d, c->line), le = doc_line_end(d, c->line);
		struct before b = { c->place_off, 0 };
		int placing = !c->place && c->place_off != SIZE_MAX && c->place_off >= ls
			      && c->place_off <= le;
		size_t n = count_line(s, d, c->line, placing ? &b : NULL);
		if (placing)
			c->place = c->total + b.n + 1;
		c->total += n;
		c->line++;
		/* A line end counts: a run of empty lines is work too. */
		bytes += le - ls + 1;
		c->since_mark += le - ls + 1;
		to = le;
	}
	/* Counting through 100 MB need not keep 100 MB resident: the pages
	 * read are handed back, as the search hands back its own (a count
	 * of a pattern on the bench's 100 MB file held 100 MB more). */
	if (to > from)
		doc_release(d, from, to);
	c->done = c->line >= d->nlines && doc_complete(d);
	return c->done;
}

void mcount_place(struct mcount *c, struct search *s, const struct doc *d, size_t off)
{
	c->place_off = off;
	c->place = 0;
	if (!d->nlines)
		return;
	size_t line = doc_line_at(d, off);
	if (line < c->first || line >= c->line)
		return;         /* not counted yet: mcount_step places it */
	/* The last checkpoint at or before the line. */
	size_t lo = 0, hi = c->nmark;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->mark[mid].line <= line)
			lo = mid;
		else
			hi = mid;
	}
	size_t before = c->mark[lo].before;
	for (size_t i = c->mark[lo].line; i < line; i++)
		before += count_line(s, d, i, NULL);
	struct before b = { off, 0 };
	count_line(s, d, line, &b);
	c->place = before + b.n + 1;
}
