/* A page as a compact tree: libxml2's HTML parser reads it, its SAX events
 * build html_tree (see html_tree.h for why not libxml2's own tree). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlversion.h>
#include <unistr.h>

#include "brief/html.h"
#include "brief/html_tree.h"
#include "brief/util.h"

#define HTML_TAG_NAME(name, flags) #name,
static const char *const tag_names[] = { "#root", "#text", "other", HTML_TAGS(HTML_TAG_NAME) };
#undef HTML_TAG_NAME
#define HTML_TAG_FLAGS(name, flags) flags,
static const unsigned char tag_flags[] = { TF_BLOCK, 0, 0, HTML_TAGS(HTML_TAG_FLAGS) };
#undef HTML_TAG_FLAGS

const char *html_tag_name(enum html_tag tag)
{
	return (unsigned)tag < HT_COUNT ? tag_names[tag] : "other";
}

int html_tag_flags(enum html_tag tag)
{
	return (unsigned)tag < HT_COUNT ? tag_flags[tag] : 0;
}

/* The table is in alphabetical order after its first three entries
 * ("annotation_xml" stands for "annotation-xml": '-' < '_' keeps it so). */
static enum html_tag tag_lookup(const char *name)
{
	if (strcmp(name, "annotation-xml") == 0)
		return HT_annotation_xml;
	size_t lo = HT_OTHER + 1, hi = HT_COUNT;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, tag_names[mid]);
		if (c == 0)
			return (enum html_tag)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return HT_OTHER;
}

/* ---- pools ---------------------------------------------------------------- */

static uint32_t attrs_add(struct html_tree *t, const char *s, size_t n)
{
	size_t off = t->attrs_len;
	t->attrs = xgrowarray(t->attrs, &t->attrs_cap, off + n + 1, 1);
	memcpy(t->attrs + off, s, n);
	t->attrs[off + n] = '\0';
	t->attrs_len = off + n + 1;
	return (uint32_t)off;
}

static uint32_t node_add(struct html_tree *t, enum html_tag tag)
{
	t->v = xgrowarray(t->v, &t->cap, t->n + 1, sizeof *t->v);
	struct html_node *nd = &t->v[t->n];
	memset(nd, 0, sizeof *nd);
	nd->parent = t->cur;
	nd->tag = (uint16_t)tag;
	nd->end = (uint32_t)t->n + 1;
	return (uint32_t)t->n++;
}

/* Room for one more node, or stop the parser (and say so). */
static int room(struct html_tree *t)
{
	if (t->n < t->max_nodes)
		return 1;
	if (!t->truncated) {
		t->truncated = 1;
		xmlStopParser(t->ctxt);
	}
	return 0;
}

/* ---- attributes ----------------------------------------------------------- */

static int has_token(const char *list, const char *word)
{
	size_t k = strlen(word);
	for (const char *s = list; *s;) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
			s++;
		size_t n = strcspn(s, " \t\n\r\f");
		if (n == k && strncasecmp(s, word, k) == 0)
			return 1;
		s += n;
	}
	return 0;
}

/* "display: none" or "visibility:hidden" in a style attribute. */
static int style_hides(const char *style)
{
	for (const char *s = style; *s; s++) {
		const char *v = NULL;
		if (strncasecmp(s, "display", 7) == 0)
			v = s + 7;
		else if (strncasecmp(s, "visibility", 10) == 0)
			v = s + 10;
		else
			continue;
		/* A property name, not part of one ("min-display" is none). */
		if (s > style && (s[-1] == '-' || (s[-1] >= 'a' && s[-1] <= 'z')))
			continue;
		while (*v == ' ' || *v == '\t')
			v++;
		if (*v != ':')
			continue;
		v++;
		while (*v == ' ' || *v == '\t')
			v++;
		size_t n = strcspn(v, " \t;!");
		if ((n == 4 && strncasecmp(v, "none", 4) == 0)
		    || (n == 6 && strncasecmp(v, "hidden", 6) == 0))
			return 1;
	}
	return 0;
}

static uint16_t role_flags(const char *role)
{
	static const char *const chrome[] = {
		"navigation", "banner", "contentinfo", "complementary", "menu", "menubar",
		"dialog", "alertdialog", "search",
	};
	uint16_t f = 0;
	for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++)
		if (has_token(role, chrome[i]))
			f |= HN_ROLE_CHROME;
	if (has_token(role, "main") || has_token(role, "article"))
		f |= HN_ROLE_MAIN;
	return f;
}

static uint16_t itemprop_flags(const char *p)
{
	uint16_t f = 0;
	if (has_token(p, "articleBody"))
		f |= HN_PROP_BODY;
	if (has_token(p, "author") || has_token(p, "creator"))
		f |= HN_PROP_AUTHOR;
	if (has_token(p, "datePublished"))
		f |= HN_PROP_DATE;
	if (has_token(p, "headline"))
		f |= HN_PROP_HEADLINE;
	return f;
}

static void meta_add(struct html_tree *t, const char *key, const char *value)
{
	t->metas = xgrowarray(t->metas, &t->metas_cap, t->nmetas + 1, sizeof *t->metas);
	/* Keys compare in lower case ("og:title", "article:published_time"). */
	size_t n = strlen(key);
	uint32_t k = attrs_add(t, key, n);
	for (size_t i = 0; i < n; i++) {
		char c = t->attrs[k + i];
		if (c >= 'A' && c <= 'Z')
			t->attrs[k + i] = (char)(c - 'A' + 'a');
	}
	t->metas[t->nmetas].key = k;
	t->metas[t->nmetas].value = attrs_add(t, value, strlen(value));
	t->nmetas++;
}

/* A <meta>: every name, property and itemprop it gives its content under. */
static void read_meta(struct html_tree *t, const xmlChar **atts)
{
	const char *content = NULL;
	for (size_t i = 0; atts[i]; i += 2)
		if (atts[i + 1] && strcasecmp((const char *)atts[i], "content") == 0)
			content = (const char *)atts[i + 1];
	if (!content)
		return;
	for (size_t i = 0; atts[i]; i += 2) {
		const char *a = (const char *)atts[i], *v = (const char *)atts[i + 1];
		if (!v || !(strcasecmp(a, "name") == 0 || strcasecmp(a, "property") == 0
			    || strcasecmp(a, "itemprop") == 0))
			continue;
		/* property="og:title twitter:title" names two. */
		for (const char *s = v; *s;) {
			while (*s == ' ' || *s == '\t' || *s == '\n')
				s++;
			size_t n = strcspn(s, " \t\n");
			if (n && n < 64) {
				char key[64];
				memcpy(key, s, n);
				key[n] = '\0';
				meta_add(t, key, content);
			}
			s += n;
		}
	}
}

/* ---- SAX ------------------------------------------------------------------ */

static void on_start(void *user, const xmlChar *xname, const xmlChar **atts)
{
	struct html_tree *t = user;
	if (!room(t))
		return;
	const char *name = (const char *)xname;
	enum html_tag tag = tag_lookup(name);
	uint32_t i = node_add(t, tag);
	t->elements++;
	struct html_node *nd = &t->v[i];
	const char *id = "", *cls = "", *extra = tag == HT_OTHER ? name : "";
	uint16_t f = 0;
	for (size_t k = 0; atts && atts[k]; k += 2) {
		const char *a = (const char *)atts[k], *v = (const char *)atts[k + 1];
		if (!v)
			v = "";
		switch (a[0]) {
		case 'a':
			if (strcasecmp(a, "aria-hidden") == 0 && strcasecmp(v, "true") == 0)
				f |= HN_ARIA_HIDDEN;
			break;
		case 'c':
			if (strcasecmp(a, "class") == 0)
				cls = v;
			break;
		case 'd':
			if (tag == HT_time && strcasecmp(a, "datetime") == 0)
				extra = v;
			break;
		case 'h':
			if (strcasecmp(a, "hidden") == 0)
				f |= HN_HIDDEN;
			else if (strcasecmp(a, "href") == 0 && tag == HT_a)
				f |= HN_HREF;
			break;
		case 'i':
			if (strcasecmp(a, "id") == 0)
				id = v;
			else if (strcasecmp(a, "itemprop") == 0)
				f |= itemprop_flags(v);
			break;
		case 'p':
			if (tag == HT_time && strcasecmp(a, "pubdate") == 0)
				f |= HN_PROP_DATE;
			break;
		case 'r':
			if (strcasecmp(a, "role") == 0)
				f |= role_flags(v);
			else if (strcasecmp(a, "rel") == 0 && has_token(v, "author"))
				f |= HN_REL_AUTHOR;
			break;
		case 's':
			if (strcasecmp(a, "style") == 0 && style_hides(v))
				f |= HN_HIDDEN;
			break;
		case 't':
			if (strcasecmp(a, "type") == 0) {
				if (tag == HT_script && (strcasecmp(v, "application/ld+json") == 0))
					f |= HN_LDJSON;
				else if (tag == HT_input && strcasecmp(v, "hidden") == 0)
					f |= HN_HIDDEN;
			}
			break;
		default:
			break;
		}
	}
	if (tag == HT_meta && atts)
		read_meta(t, atts);
	nd->flags = f;
	if (*id || *cls || *extra) {
		size_t a = strlen(id), b = strlen(cls), c = strlen(extra);
		size_t off = t->attrs_len;
		t->attrs = xgrowarray(t->attrs, &t->attrs_cap, off + a + b + c + 3, 1);
		memcpy(t->attrs + off, id, a + 1);
		memcpy(t->attrs + off + a + 1, cls, b + 1);
		memcpy(t->attrs + off + a + b + 2, extra, c + 1);
		t->attrs_len = off + a + b + c + 3;
		nd->off = (uint32_t)off;
		nd->len = (uint32_t)(a + b + c + 3);
	}
	t->cur = i;
}

static void on_end(void *user, const xmlChar *name)
{
	(void)name;
	struct html_tree *t = user;
	/* libxml2 ends what it started, implied ends included, in order. */
	if (t->cur == 0)
		return;
	t->v[t->cur].end = (uint32_t)t->n;
	t->cur = t->v[t->cur].parent;
}

/* Whether text under the current element is kept: not a script's or a
 * style's (only JSON-LD is read), nor anything else never shown. */
static int keeps_text(const struct html_tree *t)
{
	const struct html_node *nd = &t->v[t->cur];
	switch (nd->tag) {
	case HT_script:
		return (nd->flags & HN_LDJSON) != 0;
	case HT_style: case HT_noscript: case HT_template: case HT_svg: case HT_math:
	case HT_textarea: case HT_select: case HT_option: case HT_noembed: case HT_noframes:
	case HT_object: case HT_applet: case HT_iframe:
		return 0;
	default:
		return 1;
	}
}

static void on_text(void *user, const xmlChar *s, int len)
{
	struct html_tree *t = user;
	if (len <= 0 || !keeps_text(t))
		return;
	/* The parser hands text over in pieces: one node for a run. */
	struct html_node *last = t->n ? &t->v[t->n - 1] : NULL;
	if (!(last && last->tag == HT_TEXT && last->parent == t->cur
	      && last->off + last->len == t->text_len && last->len + (size_t)len < UINT32_MAX)) {
		if (!room(t))
			return;
		if (t->text_len + (size_t)len >= UINT32_MAX) {
			/* Offsets are 32 bits; the input is at most 256 MiB, but
			 * stop rather than wrap. */
			t->truncated = 1;
			xmlStopParser(t->ctxt);
			return;
		}
		uint32_t i = node_add(t, HT_TEXT);
		last = &t->v[i];
		last->off = (uint32_t)t->text_len;
	}
	t->text = xgrowarray(t->text, &t->text_cap, t->text_len + (size_t)len + 1, 1);
	memcpy(t->text + t->text_len, s, (size_t)len);
	t->text_len += (size_t)len;
	t->text[t->text_len] = '\0';
	last->len += (uint32_t)len;
}

void html_tree_parse(struct html_tree *t, const uint8_t *utf8, size_t n, size_t max_nodes)
{
	memset(t, 0, sizeof *t);
	t->max_nodes = max_nodes < 1 ? 1 : max_nodes;
	t->max_nodes = t->max_nodes > UINT32_MAX - 1 ? UINT32_MAX - 1 : t->max_nodes;
	t->cur = node_add(t, HT_ROOT);
	attrs_add(t, "", 0);        /* offset 0: no record */
	/* libxml2 takes an int length; a page is at most 256 MiB (DOC_READ_MAX
	 * or the caller's cap), but never wrap. */
	int len = n > (size_t)INT32_MAX ? INT32_MAX : (int)n;
	xmlInitParser();
	htmlParserCtxtPtr c = htmlCreateMemoryParserCtxt(len ? (const char *)utf8 : " ", len ? len : 1);
	if (!c) {
		t->v[0].end = (uint32_t)t->n;
		return;
	}
	t->ctxt = c;
	htmlSAXHandler h;
	memset(&h, 0, sizeof h);
	h.startElement = on_start;
	h.endElement = on_end;
	h.characters = on_text;
	h.cdataBlock = on_text;
	/* No internal or external subset, entity loader, or error printing:
	 * nothing is fetched and nothing is written to stderr. */
	memcpy(c->sax, &h, sizeof h);
	c->userData = t;
	htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
			      | HTML_PARSE_NONET | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC);
	xmlSwitchEncoding(c, XML_CHAR_ENCODING_UTF8);
	htmlParseDocument(c);
	htmlFreeParserCtxt(c);
	t->ctxt = NULL;
	/* Close what a stop left open. */
	for (uint32_t i = t->cur; i != 0; i = t->v[i].parent)
		t->v[i].end = (uint32_t)t->n;
	t->v[0].end = (uint32_t)t->n;
	t->cur = 0;
}

void html_tree_free(struct html_tree *t)
{
	free(t->v);
	free(t->text);
	free(t->attrs);
	free(t->metas);
	memset(t, 0, sizeof *t);
}

const char *html_node_id(const struct html_tree *t, size_t i)
{
	const struct html_node *nd = &t->v[i];
	return nd->len ? t->attrs + nd->off : "";
}

const char *html_node_class(const struct html_tree *t, size_t i)
{
	const struct html_node *nd = &t->v[i];
	if (!nd->len)
		return "";
	const char *s = t->attrs + nd->off;
	return s + strlen(s) + 1;
}

const char *html_node_extra(const struct html_tree *t, size_t i)
{
	if (!t->v[i].len)
		return "";
	const char *c = html_node_class(t, i);
	return c + strlen(c) + 1;
}

const char *html_libxml2_version(void)
{
	/* The library loaded, not the headers built against: "20914". */
	static char v[32];
	long n = strtol(xmlParserVersion, NULL, 10);
	snprintf(v, sizeof v, "%ld.%ld.%ld", n / 10000, n / 100 % 100, n % 100);
	return v;
}

/* U+00A0 NO-BREAK SPACE as its two bytes. */
static int nbsp_at(const char *s, size_t i, size_t n)
{
	return i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0;
}

char *html_node_text(const struct html_tree *t, size_t i, size_t max)
{
	struct buf b = { 0 };
	buf_add(&b, "", 0);
	int space = 0;
	size_t end = t->v[i].end;
	for (size_t k = i; k < end && b.len < max;) {
		const struct html_node *nd = &t->v[k];
		if (nd->tag != HT_TEXT) {
			if (k != i && (html_tag_flags((enum html_tag)nd->tag) & TF_DROP)) {
				k = nd->end;
				continue;
			}
			/* Blocks and line breaks part words ("<p>a</p><p>b</p>"). */
			if (html_tag_flags((enum html_tag)nd->tag) & TF_BLOCK || nd->tag == HT_br)
				space = 1;
			k++;
			continue;
		}
		const char *s = t->text + nd->off;
		for (size_t j = 0; j < nd->len && b.len < max; j++) {
			char c = s[j];
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
			    || nbsp_at(s, j, nd->len)) {
				if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f')
					j++;
				space = 1;
				continue;
			}
			if (space && b.len)
				buf_addc(&b, ' ');
			space = 0;
			buf_addc(&b, c);
		}
		k++;
	}
	/* Never end inside a character (the text is valid UTF-8: only the
	 * cut at max can split one). */
	size_t n = b.len, st = n;
	while (st > 0 && n - st < 3 && ((unsigned char)b.data[st - 1] & 0xC0) == 0x80)
		st--;
	if (st > 0 && (unsigned char)b.data[st - 1] >= 0xC0) {
		ucs4_t uc;
		st--;
		if (u8_mbtoucr(&uc, (const uint8_t *)b.data + st, n - st) != (int)(n - st))
			n = st;
	}
	/* A fold at the end leaves no space: trailing space was never added. */
	b.data[n] = '\0';
	return b.data;
}
