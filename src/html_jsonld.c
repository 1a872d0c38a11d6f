/* JSON-LD: what a page's <script type="application/ld+json"> says of its
 * article (headline, author, date, publisher, section, body).  A small
 * JSON reader, strict about syntax and bounded in depth: a value nested
 * deeper than LD_MAX_DEPTH, or anything malformed, ends the reading of
 * that script and keeps what was complete before it. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "brief/html_tree.h"
#include "brief/util.h"

#define LD_MAX_DEPTH 32

/* How the value being read is used by the object around it. */
enum ld_role {
	LD_NONE, LD_TYPE, LD_HEADLINE, LD_NAME, LD_AUTHOR, LD_PUBLISHER, LD_DATE,
	LD_SECTION, LD_BODY
};

struct ld_obj {
	int article;                /* its @type is an article's */
	char *headline, *name, *date, *section, *body, *publisher;
	char *authors[8];
	size_t nauthors;
};

struct ld_parser {
	const char *s;
	size_t n, i;
	struct html_ld *out;
	int failed;
};

static void obj_free(struct ld_obj *o)
{
	free(o->headline);
	free(o->name);
	free(o->date);
	free(o->section);
	free(o->body);
	free(o->publisher);
	for (size_t i = 0; i < o->nauthors; i++)
		free(o->authors[i]);
}

static int is_article_type(const char *t)
{
	/* schema.org's CreativeWork kinds that are an article (a full IRI
	 * "http://schema.org/NewsArticle" counts by its last part). */
	static const char *const kinds[] = {
		"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
		"OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
		"AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting",
		"Report", "ScholarlyArticle", "TechArticle", "SatiricalArticle", "Review",
	};
	const char *slash = strrchr(t, '/');
	if (slash)
		t = slash + 1;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(t, kinds[i]) == 0)
			return 1;
	return 0;
}

static void ws(struct ld_parser *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n'
			       || p->s[p->i] == '\r'))
		p->i++;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int hex4(struct ld_parser *p, unsigned *v)
{
	if (p->n - p->i < 4)
		return -1;
	unsigned x = 0;
	for (int k = 0; k < 4; k++) {
		int h = hexval(p->s[p->i + (size_t)k]);
		if (h < 0)
			return -1;
		x = x * 16 + (unsigned)h;
	}
	p->i += 4;
	*v = x;
	return 0;
}

static void add_cp(struct buf *b, ucs4_t cp)
{
	uint8_t u[6];
	int k = u8_uctomb(u, cp, (int)sizeof u);
	if (k > 0)
		buf_add(b, u, (size_t)k);
}

/* A string at p->i (on its opening quote), decoded to UTF-8; NULL when
 * malformed.  Lone surrogates become U+FFFD; raw bytes go through as they
 * are (the page is valid UTF-8 already). */
static char *string(struct ld_parser *p)
{
	p->i++;
	struct buf b = { 0 };
	buf_add(&b, "", 0);
	while (p->i < p->n) {
		char c = p->s[p->i++];
		if (c == '"')
			return b.data;
		if (c != '\\') {
			buf_addc(&b, c);
			continue;
		}
		if (p->i >= p->n)
			break;
		c = p->s[p->i++];
		switch (c) {
		case '"': case '\\': case '/':
			buf_addc(&b, c);
			break;
		case 'b': case 'f':
			buf_addc(&b, ' ');
			break;
		case 'n':
			buf_addc(&b, '\n');
			break;
		case 'r':
			buf_addc(&b, '\r');
			break;
		case 't':
			buf_addc(&b, '\t');
			break;
		case 'u': {
			unsigned v, w;
			if (hex4(p, &v) != 0)
				goto bad;
			if (v >= 0xD800 && v <= 0xDBFF && p->n - p->i >= 6 && p->s[p->i] == '\\'
			    && p->s[p->i + 1] == 'u') {
				size_t save = p->i;
				p->i += 2;
				if (hex4(p, &w) == 0 && w >= 0xDC00 && w <= 0xDFFF) {
					add_cp(&b, 0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00));
					break;
				}
				p->i = save;
			}
			add_cp(&b, v >= 0xD800 && v <= 0xDFFF ? 0xFFFD : v);
			break;
		}
		default:
			goto bad;
		}
	}
bad:
	buf_free(&b);
	return NULL;
}

static int value(struct ld_parser *p, int depth, struct ld_obj *parent, enum ld_role role);

static enum ld_role key_role(const char *k)
{
	static const struct {
		const char *key;
		enum ld_role role;
	} keys[] = {
		{ "@type", LD_TYPE }, { "headline", LD_HEADLINE }, { "name", LD_NAME },
		{ "author", LD_AUTHOR }, { "creator", LD_AUTHOR }, { "publisher", LD_PUBLISHER },
		{ "datePublished", LD_DATE }, { "articleSection", LD_SECTION },
		{ "articleBody", LD_BODY },
	};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(k, keys[i].key) == 0)
			return keys[i].role;
	return LD_NONE;
}

static void take(char **field, char *s)
{
	if (!*field && s && *s)
		*field = s;
	else
		free(s);
}

/* An article object is read: what it says fills what is still unknown. */
static void offer(struct html_ld *out, struct ld_obj *o)
{
	if (!o->article)
		return;
	take(&out->headline, o->headline ? o->headline : o->name);
	if (o->headline)
		free(o->name);
	o->headline = o->name = NULL;
	take(&out->date, o->date);
	take(&out->section, o->section);
	take(&out->body, o->body);
	take(&out->publisher, o->publisher);
	o->date = o->section = o->body = o->publisher = NULL;
	if (!out->author && o->nauthors) {
		/* "A", "A and B", "A, B and C". */
		struct buf b = { 0 };
		for (size_t i = 0; i < o->nauthors; i++) {
			if (i)
				buf_adds(&b, i + 1 == o->nauthors ? " and " : ", ");
			buf_adds(&b, o->authors[i]);
		}
		out->author = b.data;
	}
}

static void string_for(struct ld_obj *parent, enum ld_role role, char *s)
{
	if (!parent) {
		free(s);
		return;
	}
	switch (role) {
	case LD_TYPE:
		if (is_article_type(s))
			parent->article = 1;
		free(s);
		break;
	case LD_HEADLINE:
		take(&parent->headline, s);
		break;
	case LD_NAME:
		take(&parent->name, s);
		break;
	case LD_DATE:
		take(&parent->date, s);
		break;
	case LD_SECTION:
		take(&parent->section, s);
		break;
	case LD_BODY:
		take(&parent->body, s);
		break;
	case LD_PUBLISHER:
		take(&parent->publisher, s);
		break;
	case LD_AUTHOR:
		if (*s && parent->nauthors < sizeof parent->authors / sizeof parent->authors[0]) {
			/* The same person twice (a page lists its author once per
			 * role) is one name. */
			for (size_t i = 0; i < parent->nauthors; i++)
				if (strcmp(parent->authors[i], s) == 0) {
					free(s);
					return;
				}
			parent->authors[parent->nauthors++] = s;
		} else {
			free(s);
		}
		break;
	default:
		free(s);
		break;
	}
}

static int object(struct ld_parser *p, int depth, struct ld_obj *parent, enum ld_role role)
{
	struct ld_obj o = { 0 };
	p->i++;
	ws(p);
	int first = 1;
	while (p->i < p->n && p->s[p->i] != '}') {
		if (!first) {
			if (p->s[p->i] != ',')
				goto bad;
			p->i++;
			ws(p);
		}
		first = 0;
		if (p->i >= p->n || p->s[p->i] != '"')
			goto bad;
		char *k = string(p);
		if (!k)
			goto bad;
		enum ld_role r = key_role(k);
		free(k);
		ws(p);
		if (p->i >= p->n || p->s[p->i] != ':')
			goto bad;
		p->i++;
		if (value(p, depth + 1, &o, r) != 0)
			goto bad;
		ws(p);
	}
	if (p->i >= p->n)
		goto bad;
	p->i++;
	/* What the parent wants of this object: a person's or a publisher's
	 * name. */
	if (parent && role == LD_AUTHOR && o.name) {
		string_for(parent, LD_AUTHOR, o.name);
		o.name = NULL;
	} else if (parent && role == LD_PUBLISHER && o.name) {
		take(&parent->publisher, o.name);
		o.name = NULL;
	}
	offer(p->out, &o);
	obj_free(&o);
	return 0;
bad:
	obj_free(&o);
	return -1;
}

static int array(struct ld_parser *p, int depth, struct ld_obj *parent, enum ld_role role)
{
	p->i++;
	ws(p);
	int first = 1;
	while (p->i < p->n && p->s[p->i] != ']') {
		if (!first) {
			if (p->s[p->i] != ',')
				return -1;
			p->i++;
		}
		first = 0;
		if (value(p, depth + 1, parent, role) != 0)
			return -1;
		ws(p);
	}
	if (p->i >= p->n)
		return -1;
	p->i++;
	return 0;
}

/* A literal or a number: skipped, checked only for its characters. */
static int scalar(struct ld_parser *p)
{
	size_t start = p->i;
	while (p->i < p->n) {
		char c = p->s[p->i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+'
		      || c == '.' || c == 'E'))
			break;
		p->i++;
	}
	return p->i > start ? 0 : -1;
}

static int value(struct ld_parser *p, int depth, struct ld_obj *parent, enum ld_role role)
{
	if (depth > LD_MAX_DEPTH)
		return -1;
	ws(p);
	if (p->i >= p->n)
		return -1;
	switch (p->s[p->i]) {
	case '{':
		return object(p, depth, parent, role);
	case '[':
		return array(p, depth, parent, role);
	case '"': {
		char *s = string(p);
		if (!s)
			return -1;
		string_for(parent, role, s);
		return 0;
	}
	default:
		return scalar(p);
	}
}

void html_ld_read(struct html_ld *ld, const char *json, size_t n)
{
	struct ld_parser p = { .s = json, .n = n, .out = ld };
	/* Some pages put several values, or a stray ';', in one script. */
	for (;;) {
		ws(&p);
		while (p.i < p.n && p.s[p.i] == ';')
			p.i++, ws(&p);
		if (p.i >= p.n || value(&p, 0, NULL, LD_NONE) != 0)
			break;
	}
}

void html_ld_free(struct html_ld *ld)
{
	free(ld->headline);
	free(ld->author);
	free(ld->date);
	free(ld->publisher);
	free(ld->section);
	free(ld->body);
	memset(ld, 0, sizeof *ld);
}
