/* Web pages: detection, gzip, character sets, and the article read out of a
 * saved page.  Pure: no curses, no network, no files (the caller reads the
 * bytes).  The HTML is parsed by libxml2's HTML parser, gzip is inflated by
 * zlib, characters are converted by libunistring (iconv).
 *
 * The article comes out as plain UTF-8 text, sanitised as document.c would
 * (so loading it with doc_load_mem changes nothing and offsets into it are
 * offsets into what brief shows), blocks parted by a blank line:
 *
 *   paragraph, heading, caption    one line each
 *   list item                      "• " (or "1. " in an ordered list) and
 *                                  the item, nested lists indented two
 *                                  columns a level (eight at most); the
 *                                  items of one list, nested ones too, on
 *                                  consecutive lines
 *   block quote                    "> " before each line (nested: "> > ")
 *   table row                      its cells parted by " | "; the rows of
 *                                  one table on consecutive lines
 *   preformatted text, <br>        a line each, kept in one block (an
 *                                  empty line parts a <pre> into blocks)
 *
 * The text never holds a TAB (a <pre>'s are expanded to 8 columns) and
 * ends with a LF unless it is empty.
 *
 * Every rule that decides something has a name (the strings documented at
 * each field below) that travels with its result into `--export json`. */
#ifndef BRIEF_HTML_H
#define BRIEF_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "brief/annot.h"        /* enum meta_key */

/* ---- detection (html_input.c) --------------------------------------------- */

/* What the caller asked for: --format=text|html, or neither. */
enum html_format { HTML_FORMAT_AUTO, HTML_FORMAT_TEXT, HTML_FORMAT_HTML };

/* Whether a file name says HTML: ".html", ".htm", ".xhtml", ".shtml" (any
 * case), also before a final ".gz" ("page.html.gz").  NULL: no. */
int html_name_says_html(const char *path);
/* Whether a file name ends in ".gz" (any case).  NULL: no. */
int html_name_says_gzip(const char *path);
/* Whether n bytes start with the gzip magic (1f 8b). */
int html_is_gzip(const uint8_t *p, size_t n);
/* Whether n bytes look like HTML: after an optional byte order mark (UTF-8,
 * UTF-16 LE or BE), white space, comments and an XML declaration, the first
 * thing is "<!doctype html", "<html", "<head" or "<body" (any case). */
int html_looks_like_html(const uint8_t *p, size_t n);

/* Inflate gzip data (one member or several, as gzip writes them) into a
 * fresh buffer that ends in an extra '\0' (not counted in *out_len).  At
 * most `max` bytes come out.  Returns 0, or -1 with *why set to a static
 * message ("not gzip data", "the gzip data is corrupt", "the gzip data ends
 * early (truncated)", "it decompresses to more than 256 MiB" for max ==
 * DOC_READ_MAX, ...) and *out NULL.  Out of memory exits (util.h). */
int html_gunzip(const uint8_t *p, size_t n, size_t max, uint8_t **out, size_t *out_len,
		const char **why);

/* Where a page's character set came from: the rule names exported. */
struct html_charset {
	char name[48];          /* as passed to iconv ("UTF-8", "WINDOWS-1252") */
	const char *rule;       /* "bom", "meta-charset", "http-equiv",
	                           "utf-8-valid" (the bytes are valid UTF-8 and
	                           not all ASCII, whatever was declared, or
	                           nothing was declared), "default" (nothing
	                           declared and not UTF-8: windows-1252, as
	                           browsers do) */
	char declared[48];      /* the label as written in the page ("" if none) */
	size_t invalid;         /* byte sequences that were not of that charset,
	                           each now U+FFFD */
};

/* Convert a page's n bytes to UTF-8: the charset is the byte order mark's;
 * else UTF-8 when the bytes are valid UTF-8 and not all ASCII (a saved
 * page is often re-encoded with its old <meta> kept, and text in another
 * charset is almost never valid UTF-8); else the first <meta charset> or
 * <meta http-equiv="Content-Type"> of the page (read with libxml2 from its
 * first 64 KiB); else windows-1252.  Labels are read as the WHATWG
 * Encoding Standard maps them (iso-8859-1 and us-ascii are windows-1252; a
 * meta saying UTF-16 of an ASCII-compatible page is UTF-8); an unknown label
 * counts as none.  Invalid sequences become U+FFFD.  The result is valid
 * UTF-8 of *out_len bytes: p itself (past a BOM) when it was valid UTF-8
 * already, *owned NULL; else a new buffer, *owned, that the caller frees. */
const uint8_t *html_to_utf8(const uint8_t *p, size_t n, struct html_charset *cs, size_t *out_len,
			    uint8_t **owned);

/* libxml2 checks each attribute of a tag against every one before it: a
 * tag of 100,000 attributes took it 10 s, of 300,000 110 s.  No page needs
 * more than a few dozen; past HTML_MAX_ATTRS in one tag the rest, up to
 * the tag's '>', become spaces before the page is parsed (libxml2 would
 * have read them as attributes: nothing shown is lost).  Tags are found
 * as libxml2 finds them: '<' and an ASCII letter, quoted values skipped.
 * Returns p when no tag has that many (nothing copied), else the blanked
 * text in *owned (reused when not NULL: it may be p itself, writable;
 * else a new buffer the caller frees); *floods counts those tags. */
#define HTML_MAX_ATTRS 1024
const uint8_t *html_guard_attributes(const uint8_t *p, size_t n, uint8_t **owned, size_t *floods);

/* ---- the article (html_extract.c, html_tree.c, html_meta.c) --------------- */

enum html_block_kind {
	HTML_BLOCK_PARAGRAPH, HTML_BLOCK_HEADING, HTML_BLOCK_ITEM, HTML_BLOCK_QUOTE,
	HTML_BLOCK_CAPTION, HTML_BLOCK_CODE, HTML_BLOCK_ROW, HTML_BLOCK_COUNT
};
/* "paragraph", "heading", "item", "quote", "caption", "code", "row". */
const char *html_block_kind_name(enum html_block_kind k);

/* One block of the text: bytes [off, end) of html_page.text, without the
 * final LF; it may hold LFs of its own (<br>, <pre>). */
struct html_block {
	size_t off, end;
	uint8_t kind;           /* enum html_block_kind */
	uint8_t level;          /* a heading's 1..6; a list item's nesting 1..; else 0 */
};

/* Why subtrees were left out of the article, counted per rule name. */
enum html_drop {
	HTML_DROP_NONCONTENT,   /* "non-content": script, style, form controls, media, ... */
	HTML_DROP_HIDDEN,       /* "hidden": hidden, display:none, visibility:hidden, aria-hidden */
	HTML_DROP_ROLE,         /* "chrome-element": nav, aside, footer, a page's header, dialog,
	                           and their ARIA roles */
	HTML_DROP_CLASS,        /* "chrome-class": class or id of navigation, comments, sharing,
	                           related links, adverts, cookie banners, ... */
	HTML_DROP_BYLINE,       /* "byline": the byline element (it is in the header) */
	HTML_DROP_CLEANUP,      /* "link-list": inside the article, a block that is mostly links,
	                           images or form, or is scored negative */
	HTML_DROP_TITLE,        /* "title-heading": the article's first heading, the headline */
	HTML_DROP_COUNT
};
const char *html_drop_name(enum html_drop d);

/* How the article was chosen. */
struct html_choice {
	int found;              /* 1: an article; 0: none, text is the page's whole text */
	const char *rule;       /* "score": the best-scored container (Readability's
	                           method: paragraphs scored by length and commas,
	                           added to their ancestors, weighed by class/id and
	                           link density); when that finds under 500
	                           characters, more lenient tries follow and the
	                           longest is taken: "score:no-class-drop" (chrome
	                           classes kept), "score:no-class-weight" (nor
	                           weighed), "score:no-cleanup" (nor link lists
	                           cleaned out); "whole-page": no article found */
	char *element;          /* the article's element as "tag#id.class.class"
	                           (sanitised, at most 200 bytes), NULL if none */
	char *path;             /* its place: "/html/body/div[2]/article[1]" */
	double score;           /* its final score */
	double link_density;    /* of its text, 0..1 */
	size_t paragraphs;      /* paragraph-like elements scored inside it */
	size_t siblings;        /* siblings taken with it (same parent, scored
	                           high enough, or paragraphs of plain prose) */
	size_t candidates;      /* elements that were given a score */
	char *why;              /* one sentence for people (sanitised) */
	/* Each try in order: its rule, the element it found (NULL: none),
	 * the characters of its article. */
	struct html_try {
		const char *rule;
		char *element;
		size_t chars;
	} tries[4];
	size_t ntries;
};

struct html_page {
	char *text;             /* the article: UTF-8, sanitised; text[len] == '\0' */
	size_t len;
	struct html_block *blocks;
	size_t nblocks;
	/* Header fields read from the page (raw UTF-8, not yet sanitised: the
	 * model sanitises what it keeps); NULL when the page does not say. */
	char *meta[META_COUNT];
	/* Which source gave each: "og:title", "json-ld:headline",
	 * "itemprop:headline", "h1",
	 * "title" (the <title>, its site suffix cut), "json-ld:author",
	 * "meta:author", "rel-author", "byline-element", "og:site_name",
	 * "json-ld:publisher", "json-ld:datePublished",
	 * "article:published_time", "meta:date", "itemprop:datePublished",
	 * "time", "article:section", "json-ld:articleSection"; NULL with it. */
	const char *meta_rule[META_COUNT];
	char *published;        /* the date as the page wrote it (meta[META_DATE] is
	                           its YYYY-MM-DD when it starts so), or NULL */
	struct html_charset charset;
	struct html_choice article;
	size_t dropped[HTML_DROP_COUNT];
	size_t elements;        /* elements in the page as parsed */
	int truncated;          /* 1: the page had more than HTML_MAX_NODES nodes;
	                           what follows them was not read */
	size_t attribute_floods; /* tags cut to HTML_MAX_ATTRS attributes */
};

/* Elements and text runs read from one page, at most: 8 M (about 190 MB of
 * tree); a 50 MB page of ordinary markup has about 2 M. */
#define HTML_MAX_NODES ((size_t)8 << 20)

/* Read the article out of n bytes of a page (any charset; see
 * html_to_utf8).  Never fails on content: a page with no article gives its
 * whole text with article.found == 0, an empty page an empty text.  Out of
 * memory exits (util.h).  Free with html_page_free. */
void html_page_read(struct html_page *pg, const uint8_t *p, size_t n);
void html_page_free(struct html_page *pg);

/* The block holding text offset off (a binary search), or NULL when off is
 * between blocks. */
const struct html_block *html_block_at(const struct html_page *pg, size_t off);

/* The libxml2 and zlib versions in use, for --version ("2.9.14", "1.2.13"). */
const char *html_libxml2_version(void);
const char *html_zlib_version(void);

#endif
