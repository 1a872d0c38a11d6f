/* Internal to the html_*.c files: a page as a compact tree, built from
 * libxml2's HTML parser (its SAX events, so the parser's recovery decides
 * what nests in what) without libxml2's own tree: 20 bytes a node where
 * libxml2's DOM took about 270, and no recursion anywhere, so a page
 * nested a million deep costs what a flat one does.
 *
 * Nodes are in document order.  The children of node i are i + 1, then
 * each next child at the previous one's `end`, while below i's `end`; so a
 * subtree is the range [i, end) and a walk is a loop. */
#ifndef BRIEF_HTML_TREE_H
#define BRIEF_HTML_TREE_H

#include <stddef.h>
#include <stdint.h>

/* The elements brief tells apart; every other name is HT_OTHER.  TF_BLOCK:
 * it starts and ends a block of text; TF_DROP: never text (scripts, media,
 * form controls, the head). */
#define HTML_TAGS(X) \
	X(a, 0) X(abbr, 0) X(acronym, 0) X(address, TF_BLOCK) \
	X(annotation, TF_DROP) X(annotation_xml, TF_DROP) X(applet, TF_DROP) \
	X(area, TF_DROP) X(article, TF_BLOCK) X(aside, TF_BLOCK) X(audio, TF_DROP) \
	X(b, 0) X(base, TF_DROP) X(bdi, 0) X(bdo, 0) X(big, 0) \
	X(blockquote, TF_BLOCK) X(body, TF_BLOCK) X(br, 0) X(button, TF_DROP) \
	X(canvas, TF_DROP) X(caption, TF_BLOCK) X(center, TF_BLOCK) X(cite, 0) \
	X(code, 0) X(col, TF_DROP) X(colgroup, TF_DROP) X(data, 0) \
	X(datalist, TF_DROP) X(dd, TF_BLOCK) X(del, 0) X(details, TF_BLOCK) \
	X(dfn, 0) X(dialog, TF_BLOCK) X(dir, TF_BLOCK) X(div, TF_BLOCK) \
	X(dl, TF_BLOCK) X(dt, TF_BLOCK) X(em, 0) X(embed, TF_DROP) \
	X(fieldset, TF_BLOCK) X(figcaption, TF_BLOCK) X(figure, TF_BLOCK) \
	X(font, 0) X(footer, TF_BLOCK) X(form, TF_BLOCK) X(frame, TF_DROP) \
	X(frameset, TF_DROP) X(h1, TF_BLOCK) X(h2, TF_BLOCK) X(h3, TF_BLOCK) \
	X(h4, TF_BLOCK) X(h5, TF_BLOCK) X(h6, TF_BLOCK) X(head, TF_DROP) \
	X(header, TF_BLOCK) X(hgroup, TF_BLOCK) X(hr, TF_BLOCK) X(html, TF_BLOCK) \
	X(i, 0) X(iframe, TF_DROP) X(img, 0) X(input, TF_DROP) X(ins, 0) \
	X(kbd, 0) X(label, 0) X(legend, TF_BLOCK) X(li, TF_BLOCK) \
	X(link, TF_DROP) X(main, TF_BLOCK) X(map, TF_DROP) X(mark, 0) \
	X(math, 0) X(menu, TF_BLOCK) X(meta, TF_DROP) X(meter, TF_DROP) \
	X(nav, TF_BLOCK) X(nobr, 0) X(noembed, TF_DROP) X(noframes, TF_DROP) \
	X(noscript, TF_DROP) X(object, TF_DROP) X(ol, TF_BLOCK) \
	X(optgroup, TF_DROP) X(option, TF_DROP) X(output, 0) X(p, TF_BLOCK) \
	X(param, TF_DROP) X(picture, 0) X(pre, TF_BLOCK) X(progress, TF_DROP) \
	X(q, 0) X(rp, TF_DROP) X(rt, TF_DROP) X(ruby, 0) X(s, 0) X(samp, 0) \
	X(script, TF_DROP) X(section, TF_BLOCK) X(select, TF_DROP) X(small, 0) \
	X(source, TF_DROP) X(span, 0) X(strike, 0) X(strong, 0) X(style, TF_DROP) \
	X(sub, 0) X(summary, TF_BLOCK) X(sup, 0) X(svg, TF_DROP) X(table, TF_BLOCK) \
	X(tbody, TF_BLOCK) X(td, TF_BLOCK) X(template, TF_DROP) \
	X(textarea, TF_DROP) X(tfoot, TF_BLOCK) X(th, TF_BLOCK) X(thead, TF_BLOCK) \
	X(time, 0) X(title, TF_DROP) X(tr, TF_BLOCK) X(track, TF_DROP) X(tt, 0) \
	X(u, 0) X(ul, TF_BLOCK) X(var, 0) X(video, TF_DROP) X(wbr, 0) \
	X(xmp, TF_BLOCK)

#define TF_BLOCK 1
#define TF_DROP 2

#define HTML_TAG_ENUM(name, flags) HT_##name,
enum html_tag { HT_ROOT, HT_TEXT, HT_OTHER, HTML_TAGS(HTML_TAG_ENUM) HT_COUNT };
#undef HTML_TAG_ENUM

/* Node flags, from attributes read while parsing. */
enum {
	HN_HIDDEN = 1 << 0,         /* hidden, display:none, visibility:hidden, type=hidden */
	HN_ARIA_HIDDEN = 1 << 1,    /* aria-hidden="true" */
	HN_HREF = 1 << 2,           /* a link (an <a> with href) */
	HN_ROLE_CHROME = 1 << 3,    /* role navigation, banner, contentinfo, complementary,
	                               menu, menubar, dialog, alertdialog, search */
	HN_ROLE_MAIN = 1 << 4,      /* role main or article */
	HN_PROP_BODY = 1 << 5,      /* itemprop articleBody (or "text" of an article) */
	HN_PROP_AUTHOR = 1 << 6,    /* itemprop author or creator */
	HN_PROP_DATE = 1 << 7,      /* itemprop datePublished, or <time pubdate> */
	HN_PROP_HEADLINE = 1 << 8,  /* itemprop headline */
	HN_LDJSON = 1 << 9,         /* <script type="application/ld+json">: its text is kept */
	HN_REL_AUTHOR = 1 << 10,    /* rel="author" */
};

struct html_node {
	uint32_t parent;            /* the root (0) is its own parent */
	uint32_t end;               /* one past the last node of the subtree */
	uint32_t off, len;          /* HT_TEXT: its bytes in tree.text; an element:
	                               its attribute record in tree.attrs (len 0: none) */
	uint16_t tag;               /* enum html_tag */
	uint16_t flags;             /* HN_* */
};

/* A <meta>: its name, property or itemprop (lower case) and its content. */
struct html_metatag {
	uint32_t key, value;        /* offsets of NUL-terminated strings in tree.attrs */
};

struct html_tree {
	struct html_node *v;
	size_t n, cap;
	char *text;                 /* the text nodes' bytes, UTF-8 */
	size_t text_len, text_cap;
	/* Attribute records: "id\0class\0extra\0", extra being a <time>'s
	 * datetime or an unknown element's name; and the metas' strings. */
	char *attrs;
	size_t attrs_len, attrs_cap;
	struct html_metatag *metas;
	size_t nmetas, metas_cap;
	size_t elements;
	int truncated;              /* stopped at max_nodes */
	size_t max_nodes;
	/* while parsing */
	uint32_t cur;
	void *ctxt;
};

/* Parse n bytes of UTF-8 (html_to_utf8's output) into t, at most max_nodes
 * nodes.  Never fails: out of memory exits (util.h). */
void html_tree_parse(struct html_tree *t, const uint8_t *utf8, size_t n, size_t max_nodes);
void html_tree_free(struct html_tree *t);

/* The text of node i's subtree as one line: white space runs (NBSP
 * included) folded to one space, ends trimmed, what is never shown
 * (TF_DROP) left out, at most max bytes (cut at a character boundary).
 * Owned by the caller; "" when there is none. */
char *html_node_text(const struct html_tree *t, size_t i, size_t max);

/* The element's id, class and extra attribute ("" when absent). */
const char *html_node_id(const struct html_tree *t, size_t i);
const char *html_node_class(const struct html_tree *t, size_t i);
const char *html_node_extra(const struct html_tree *t, size_t i);
/* "div", "p", ...; HT_OTHER: "other". */
const char *html_tag_name(enum html_tag tag);
int html_tag_flags(enum html_tag tag);

/* ---- JSON-LD (html_jsonld.c) ---- */

/* What a page's JSON-LD says of its article: the first object typed as an
 * article (NewsArticle, BlogPosting, ...) that gives each field.  Owned
 * strings, NULL when not given. */
struct html_ld {
	char *headline;     /* headline, else name */
	char *author;       /* author or creator: names joined "A, B and C" */
	char *date;         /* datePublished */
	char *publisher;    /* publisher's name */
	char *section;      /* articleSection (the first) */
	char *body;         /* articleBody */
};
/* Read one script's n bytes of JSON, filling the fields still NULL. */
void html_ld_read(struct html_ld *ld, const char *json, size_t n);
void html_ld_free(struct html_ld *ld);

/* ---- header fields (html_meta.c) ---- */

/* Fill pg->meta, pg->meta_rule and pg->published from the page's metas,
 * JSON-LD, <title>, the first <h1> in the article (node `article`, 0 for
 * the page) and its <time> elements; byline_text is the text of the byline
 * element html_extract.c found (or NULL), the last source of a byline. */
struct html_page;
void html_meta_read(struct html_page *pg, const struct html_tree *t, const struct html_ld *ld,
		    size_t article, const char *byline_text);
/* A byline's "By " (and the like) cut, white space folded; in place. */
void html_meta_clean_byline(char *s);

#endif
