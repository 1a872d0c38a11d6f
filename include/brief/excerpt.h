/* What the copy keys copy, built from the model: the sentences or the
 * paragraph at an offset, an actor's card, a figure with its sentences, a
 * comparison's row with its values, gap and sentences; each with its
 * citation (cite.h) in the style asked for.  Pure: builds text, sends
 * nothing (clip.h does that).
 *
 * Everything copied comes from doc->text (sanitised: what the screen
 * shows, control characters already pictures) and from the model's own
 * sanitised strings; the file name given as `where` is sanitised here.
 * So nothing in the result can drive a terminal.  Offsets are bytes of
 * doc->text; nothing past doc->ready is read. */
#ifndef BRIEF_EXCERPT_H
#define BRIEF_EXCERPT_H

#include <stddef.h>

#include "brief/cite.h"
#include "brief/model.h"
#include "brief/util.h"

/* The most quotation one copy takes: a count of 99999 sentences over a
 * 100 MB document stops here (and says how many it took). */
#define EXCERPT_MAX ((size_t)1 << 20)

struct excerpt_ctx {
	const struct model *m;      /* borrowed */
	enum cite_style style;
	unsigned sent_flags;        /* SENT_NEWS, and SENT_SOFT_LF for a hard-wrapped text */
	struct cite_source src;     /* the header's fields; line set per copy */
	char *where;                /* owned, sanitised */
};

/* A context for m in a style.  where: the file name or URL to cite (NULL
 * for the bundled commentary or standard input). */
void excerpt_init(struct excerpt_ctx *q, const struct model *m, enum cite_style style,
		const char *where);
void excerpt_free(struct excerpt_ctx *q);

/* What a copy took from the article. */
struct excerpt_span {
	size_t start, end;          /* the text quoted, [start, end) of doc->text */
	long count;                 /* sentences or paragraphs taken */
};

/* The sentence holding off (as sent_span() finds it) and the count - 1
 * sentences after it (count < 1 counts as 1), across paragraphs, with the
 * citation; appended to out.  In a hard-wrapped text the line ends inside
 * the quotation become spaces (the file's wrapping, not the article's).
 * Returns 0, or -1 (nothing appended) when there is no sentence there: an
 * empty document, or only blank lines from off on. */
int excerpt_sentences(struct excerpt_ctx *q, size_t off, long count, struct buf *out,
		    struct excerpt_span *span);
/* The same for the paragraph holding off (a line; in a hard-wrapped text
 * the lines between blank ones) and the count - 1 after it. */
int excerpt_paragraphs(struct excerpt_ctx *q, size_t off, long count, struct buf *out,
		     struct excerpt_span *span);

/* An actor's card: name, kind, description, affiliation, aliases, and its
 * mentions (how many, on which lines), then the citation. */
void excerpt_entity(struct excerpt_ctx *q, size_t entity, struct buf *out);
/* A figure as the panel groups it (fig[0, n) the indices of figures with
 * one text): its wording, the annotation's meaning when there is one, how
 * often it occurs, and each distinct sentence it occurs in with its line,
 * then the citation. */
void excerpt_figures(struct excerpt_ctx *q, const size_t *fig, size_t n, struct buf *out);
/* Row `row` of comparison `cmp`: the party, the current level and the
 * demand as values with their quotes, the gap, and the sentences they come
 * from, then the citation.  Measure `measure` of a comparison likewise. */
void excerpt_cmp_row(struct excerpt_ctx *q, size_t cmp, size_t row, struct buf *out);
void excerpt_cmp_measure(struct excerpt_ctx *q, size_t cmp, size_t measure, struct buf *out);

/* The quotation's own text (no citation) of the sentence holding off, as
 * excerpt_sentences would take it, into a fresh string (caller frees);
 * *start and *end receive its span.  NULL when there is none.  Notes
 * anchor to this. */
char *excerpt_sentence_text(const struct excerpt_ctx *q, size_t off, size_t *start, size_t *end);

#endif
