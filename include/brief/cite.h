/* Quotations with their source: the text a reader copies out of brief to
 * paste into what they write.  Pure: builds text, sends nothing.
 *
 * The quotation is the article's text exactly as brief shows it (already
 * sanitised: no control sequences), never with highlight marks.  The
 * citation is built from the header fields only; a field that is not known
 * is left out, never guessed. */
#ifndef BRIEF_CITE_H
#define BRIEF_CITE_H

#include <stddef.h>

#include "brief/util.h"

enum cite_style { CITE_PLAIN, CITE_MARKDOWN, CITE_APA, CITE_STYLE_COUNT };

/* Where a quotation comes from.  Every string may be NULL (unknown);
 * strings are UTF-8 without control characters (sanitised: the caller's
 * job, as for the quotation). */
struct cite_source {
	const char *byline;         /* "Cai Liang"; a leading "By " is dropped */
	const char *title;          /* the headline */
	const char *section;        /* "Commentary": stands for a missing title */
	const char *source;         /* the publication: "Global Times" */
	const char *date;           /* as the header has it; ISO dates are spelled out */
	const char *where;          /* a file name or URL; NULL for the bundled text */
	size_t line;                /* 1-based line of the quotation's start; 0: unknown */
	size_t line_end;            /* its last line when it spans more (else 0) */
	int family_first;           /* the byline's first word is the family name
	                               ("Cai Liang" -> APA "Cai, L.") */
};

/* "plain", "markdown", "apa" -> 0 and *out; anything else -1. */
int cite_style_parse(const char *name, enum cite_style *out);
const char *cite_style_name(enum cite_style s);

/* Append the citation line alone, without a line end:
 *   plain     — Cai Liang, "Commentary", Global Times, line 12
 *   markdown  — Cai Liang, *Commentary*, Global Times, line 12
 *             (Markdown's special characters in the fields escaped)
 *   apa       Cai, L. (n.d.). Commentary. Global Times.
 *             (APA's reference entry: the line goes in the in-text
 *             citation after the quotation, see cite_quote)
 * A span of lines reads "lines 12–14".  A source with nothing known gives
 * "— (unknown source)" (plain, markdown) or "(n.d.)." (apa), with the file
 * and line when known. */
void cite_line(struct buf *out, const struct cite_source *src, enum cite_style style);

/* Append the quotation (len bytes) and its citation as they are copied:
 *   plain     the text, a line end, the citation line
 *   markdown  each line of the text as a "> " block quote (Markdown's
 *             special characters escaped so it renders as written), an
 *             empty ">" line, the citation as its last line
 *   apa       the text in double quotes and APA's in-text citation with
 *             the line as locator ("(Cai, n.d., line 12)"), a line end,
 *             the reference entry
 * The quotation's own characters are never changed: only escaped for
 * Markdown.  Ends with a line end. */
void cite_quote(struct buf *out, const char *text, size_t len, const struct cite_source *src,
		enum cite_style style);

/* One quotation of several (a figure's sentences, a comparison row's),
 * without the reference that ends them: plain `"text" (line 12)`,
 * markdown `> text (line 12)` (escaped; the caller separates two with a
 * ">" line), apa `"text" (Cai, n.d., line 12)`.  Ends with a line end. */
void cite_quote_item(struct buf *out, const char *text, size_t len,
		     const struct cite_source *src, enum cite_style style);

/* Append s[0, n) with Markdown's special characters escaped. */
void cite_md_escape(struct buf *out, const char *s, size_t n);

#endif
