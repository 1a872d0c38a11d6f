/* The article of a web page: leave out what is never text (scripts, media,
 * hidden nodes) and what is page chrome (navigation, asides, comments,
 * sharing, related links, adverts, cookie banners), score what is left the
 * way Readability does (paragraphs by length and commas, added to their
 * ancestors, weighed by class/id hints and link density), take the best
 * container with the siblings that belong to it, clean link lists out of
 * it, and write it as text, one block a line.
 *
 * Every decision has a rule name (html.h) that --export json shows. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unistr.h>

#include "brief/document.h"
#include "brief/html.h"
#include "brief/html_tree.h"
#include "brief/util.h"

const char *html_block_kind_name(enum html_block_kind k)
{
	static const char *const names[] = {
		"paragraph", "heading", "item", "quote", "caption", "code", "row",
	};
	return (unsigned)k < HTML_BLOCK_COUNT ? names[k] : "paragraph";
}

const char *html_drop_name(enum html_drop d)
{
	static const char *const names[] = {
		"non-content", "hidden", "chrome-element", "chrome-class", "byline", "link-list",
		"title-heading",
	};
	return (unsigned)d < HTML_DROP_COUNT ? names[d] : "?";
}

/* ---- class and id hints ----------------------------------------------------
 *
 * A class or id is split into words ("article-body" -> article, body;
 * "storyText" -> story, text; trailing digits and a plural s dropped).  A
 * word naming page chrome (comments, share, related, ...) makes its element
 * chrome unless a word of its classes or id names content: a name like
 * "contentWithSidebar" or "article-comments" is left to the scoring (+25
 * and -25 cancel), as Readability does.  Some words only weigh an element
 * down (meta, byline, date) without leaving it out. */

enum {
	HINT_CONTENT = 1,           /* +25, and never dropped as chrome */
	HINT_CHROME = 2,            /* -25, dropped as chrome */
	HINT_MINOR = 4,             /* -25 only */
	HINT_BYLINE = 8,            /* a byline's class */
};

static const struct {
	const char *word;
	int hint;
} hint_words[] = {
	/* kept sorted: bsearch */
	{ "ad", HINT_CHROME }, { "adv", HINT_CHROME }, { "advert", HINT_CHROME },
	{ "advertisement", HINT_CHROME }, { "advertising", HINT_CHROME },
	{ "agegate", HINT_CHROME }, { "article", HINT_CONTENT }, { "aside", HINT_CHROME },
	{ "author", HINT_MINOR | HINT_BYLINE }, { "banner", HINT_CHROME },
	{ "bio", HINT_MINOR }, { "blog", HINT_CONTENT }, { "body", HINT_CONTENT },
	{ "breadcrumb", HINT_CHROME }, { "byline", HINT_MINOR | HINT_BYLINE },
	{ "combx", HINT_CHROME }, { "comment", HINT_CHROME }, { "commentary", HINT_CONTENT },
	{ "community", HINT_CHROME }, { "consent", HINT_CHROME }, { "contact", HINT_MINOR },
	{ "content", HINT_CONTENT }, { "cookie", HINT_CHROME }, { "date", HINT_MINOR },
	{ "dateline", HINT_MINOR | HINT_BYLINE }, { "discus", HINT_CHROME },
	{ "discussion", HINT_CHROME }, { "disqus", HINT_CHROME }, { "entry", HINT_CONTENT },
	{ "follow", HINT_CHROME }, { "footer", HINT_CHROME }, { "gdpr", HINT_CHROME },
	{ "header", HINT_CHROME }, { "hentry", HINT_CONTENT }, { "hidden", HINT_MINOR },
	{ "hide", HINT_MINOR }, { "main", HINT_CONTENT }, { "masthead", HINT_CHROME },
	{ "menu", HINT_CHROME }, { "meta", HINT_MINOR }, { "modal", HINT_CHROME },
{ "nav", HINT_CHROME }, { "navbar", HINT_CHROME },
	{ "navigation", HINT_CHROME }, { "newsletter", HINT_CHROME },
	{ "outbrain", HINT_CHROME }, { "overlay", HINT_CHROME }, { "pager", HINT_CHROME },
	{ "pagination", HINT_CHROME }, { "popular", HINT_CHROME }, { "popup", HINT_CHROME },
	{ "post", HINT_CONTENT }, { "print", HINT_CHROME }, { "promo", HINT_CHROME },
	{ "prose", HINT_CONTENT }, { "rail", HINT_CHROME }, { "recommend", HINT_CHROME }, { "recommendation", HINT_CHROME },
	{ "recommended", HINT_CHROME }, { "related", HINT_CHROME }, { "replie", HINT_CHROME },
	{ "reply", HINT_CHROME }, { "respond", HINT_CHROME }, { "rss", HINT_CHROME },
	{ "share", HINT_CHROME }, { "sharing", HINT_CHROME }, { "shoutbox", HINT_CHROME },
	{ "sidebar", HINT_CHROME }, { "signup", HINT_CHROME }, { "skip", HINT_CHROME },
	{ "skyscraper", HINT_CHROME }, { "social", HINT_CHROME }, { "sponsor", HINT_CHROME },
	{ "sponsored", HINT_CHROME }, { "story", HINT_CONTENT }, { "subscribe", HINT_CHROME },
	{ "subscription", HINT_CHROME }, { "supplemental", HINT_CHROME },
	{ "taboola", HINT_CHROME }, { "tag", HINT_CHROME }, { "timestamp", HINT_MINOR },
	{ "tool", HINT_MINOR }, { "toolbar", HINT_CHROME }, { "trending", HINT_CHROME },
	{ "widget", HINT_CHROME }, { "writtenby", HINT_MINOR | HINT_BYLINE },
};

static int word_hint_whole(const char *w, size_t n);

/* Chrome words long and distinct enough to be found inside a word run
 * together ("jp-relatedposts", "commentlist", "sharebar"), after no word
 * of the table matched whole ("commentary" is content). */
static const char *const chrome_stems[] = {
	"related", "comment", "sidebar", "sponsor", "newsletter", "breadcrumb", "outbrain",
	"taboola", "disqus", "cookie", "social", "advert", "subscribe", "signup", "footer",
	"masthead", "navbar", "widget", "sharing", "sharebar", "popup",
};

static int word_hint(const char *w, size_t n)
{
	int h = word_hint_whole(w, n);
	if (h || n < 6)
		return h;
	for (size_t i = 0; i < sizeof chrome_stems / sizeof chrome_stems[0]; i++)
		if (memmem(w, n, chrome_stems[i], strlen(chrome_stems[i])))
			return HINT_CHROME;
	return 0;
}

static int word_hint_whole(const char *w, size_t n)
{
	/* Trailing digits ("header2") and one plural s ("comments") go. */
	while (n > 1 && w[n - 1] >= '0' && w[n - 1] <= '9')
		n--;
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			if (n <= 3 || w[n - 1] != 's')
				break;
			n--;
		}
		size_t lo = 0, hi = sizeof hint_words / sizeof hint_words[0];
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			const char *h = hint_words[mid].word;
			size_t k = strlen(h);
			int c = strncmp(w, h, n < k ? n : k);
			if (c == 0)
				c = n < k ? -1 : n > k;
			if (c == 0)
				return hint_words[mid].hint;
			if (c < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
	}
	return 0;
}

/* The hints of one class token or id, folded as the comment above says. */
static int token_hint(const char *s, size_t n)
{
	char w[64];
	size_t k = 0;
	int any = 0;
	for (size_t i = 0; i <= n; i++) {
		char c = i < n ? s[i] : '-';
		int upper = c >= 'A' && c <= 'Z';
		int lower = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		/* A word ends at a mark, or where camelCase turns upper. */
		if (!upper && !lower) {
			if (k)
				any |= word_hint(w, k);
			k = 0;
			continue;
		}
		if (upper && k && i > 0 && s[i - 1] >= 'a' && s[i - 1] <= 'z') {
			any |= word_hint(w, k);
			k = 0;
		}
		if (k < sizeof w)
			w[k++] = upper ? (char)(c - 'A' + 'a') : c;
	}
	return any;
}

/* The hints of an element: its id and each class token. */
static int element_hint(const struct html_tree *t, size_t i)
{
	const char *id = html_node_id(t, i), *cls = html_node_class(t, i);
	int h = *id ? token_hint(id, strlen(id)) : 0;
	for (const char *s = cls; *s;) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
			s++;
		size_t n = strcspn(s, " \t\n\r\f");
		if (n)
			h |= token_hint(s, n);
		s += n;
	}
	return h;
}

static int class_weight(int hint)
{
	int w = 0;
	if (hint & HINT_CONTENT)
		w += 25;
	if (hint & (HINT_CHROME | HINT_MINOR))
		w -= 25;
	return w;
}

/* ---- one extraction --------------------------------------------------------- */

enum {
	EX_DROP_CLASSES = 1,        /* leave out chrome by class and id */
	EX_WEIGHT_CLASSES = 2,      /* weigh candidates by class and id */
	EX_CLEAN = 4,               /* clean link lists out of the article */
};

static const struct {
	int flags;
	const char *rule;
} attempts[] = {
	{ EX_DROP_CLASSES | EX_WEIGHT_CLASSES | EX_CLEAN, "score" },
	{ EX_WEIGHT_CLASSES | EX_CLEAN, "score:no-class-drop" },
	{ EX_CLEAN, "score:no-class-weight" },
	{ 0, "score:no-cleanup" },
};

/* An article shorter than this (in characters) makes the next, more
 * lenient attempt run; the longest result is taken if none reaches it. */
#define EX_ENOUGH 500
/* Shorter than this, it is no article: the whole page is shown. */
#define EX_MIN_ARTICLE 140

/* What the whole tree knows, computed once for all attempts. */
struct facts {
	const struct html_tree *t;
	size_t n;
	uint32_t *own_chars;        /* text nodes: characters but white space */
	uint32_t *own_commas;
	uint32_t *raw_chars;        /* every node: of its subtree, what is never text left out */
	uint8_t *hint;              /* element_hint of each element */
	uint8_t *in_content;        /* inside article, main, role=main or itemprop=articleBody */
	uint8_t *has_block;         /* a block element is below it (what is never text aside) */
	size_t body;                /* the <body>, else the root */
	size_t page_chars;
};

struct attempt {
	int flags;
	const char *rule;
	uint8_t *drop;              /* enum html_drop + 1 at each left-out subtree's root */
	uint32_t *chars, *link_chars, *commas;
	uint8_t *block_inside;      /* has a block element below it */
	float *score;
	uint8_t *scored;
	size_t top;                 /* the article's element, 0 if none */
	size_t *take;               /* the children of top's parent taken, in order */
	size_t ntake, take_cap;
	size_t byline;              /* the byline element, 0 if none */
	size_t candidates, paragraphs;
	size_t text_chars;          /* of the article as taken */
	size_t dropped[HTML_DROP_COUNT];
};

static int is_heading(enum html_tag tag)
{
	return tag >= HT_h1 && tag <= HT_h6;
}

static int is_space_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void text_counts(const char *s, size_t n, uint32_t *chars, uint32_t *commas)
{
	uint32_t c = 0, k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (is_space_byte(b) || (b & 0xC0) == 0x80)
			continue;
		if (b == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
			continue;
		c++;
		/* , and the fullwidth, ideographic and Arabic commas. */
		if (b == ',' || (b == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC
				 && (unsigned char)s[i + 2] == 0x8C)
		    || (b == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80
			&& (unsigned char)s[i + 2] == 0x81)
		    || (b == 0xD8 && i + 1 < n && (unsigned char)s[i + 1] == 0x8C))
			k++;
	}
	*chars = c;
	*commas = k;
}

/* Hints by the id and class an element has: a page repeats a few dozen
 * class strings over thousands of elements, and splitting them into
 * words was an eighth of a large page's time. */
struct hint_cache {
	struct hint_slot {
		uint32_t off, len;      /* the attribute record, in tree.attrs */
		int hint;               /* -1: empty */
	} *slot;
	size_t mask;
};

static int cached_hint(struct hint_cache *c, const struct html_tree *t, size_t i)
{
	const struct html_node *nd = &t->v[i];
	if (!nd->len)
		return 0;
	/* id and class, not the extra attribute (a datetime, a name). */
	const char *rec = t->attrs + nd->off;
	size_t idlen = strlen(rec), len = idlen + 1 + strlen(rec + idlen + 1);
	uint64_t h = fnv1a(FNV1A_START, rec, len);
	size_t k = (size_t)(h ^ (h >> 29)) & c->mask;
	for (;; k = (k + 1) & c->mask) {
		struct hint_slot *s = &c->slot[k];
		if (s->hint < 0) {
			s->off = nd->off;
			s->len = (uint32_t)len;
			s->hint = element_hint(t, i);
			return s->hint;
		}
		if (s->len == len && memcmp(t->attrs + s->off, rec, len) == 0)
			return s->hint;
	}
}

static void facts_init(struct facts *f, const struct html_tree *t)
{
	/* At most one slot in two used: a slot per element with an id or a
	 * class, doubled. */
	struct hint_cache cache;
	size_t named = 0, slots = 16;
	for (size_t i = 1; i < t->n; i++)
		named += t->v[i].tag != HT_TEXT && t->v[i].len;
	while (slots < 2 * named + 2)
		slots *= 2;
	cache.slot = xmalloc(slots * sizeof *cache.slot);
	for (size_t k = 0; k < slots; k++)
		cache.slot[k].hint = -1;
	cache.mask = slots - 1;
	memset(f, 0, sizeof *f);
	f->t = t;
	f->n = t->n;
	f->own_chars = xcalloc(f->n, sizeof *f->own_chars);
	f->own_commas = xcalloc(f->n, sizeof *f->own_commas);
	f->raw_chars = xcalloc(f->n, sizeof *f->raw_chars);
	f->hint = xcalloc(f->n, 1);
	f->in_content = xcalloc(f->n, 1);
	f->has_block = xcalloc(f->n, 1);
	for (size_t i = 0; i < f->n; i++) {
		const struct html_node *nd = &t->v[i];
		if (nd->tag == HT_TEXT) {
			text_counts(t->text + nd->off, nd->len, &f->own_chars[i], &f->own_commas[i]);
			continue;
		}
		if (i == 0)
			continue;
		if (nd->tag == HT_body && !f->body)
			f->body = i;
		f->hint[i] = (uint8_t)cached_hint(&cache, t, i);
		f->in_content[i] = f->in_content[nd->parent] || nd->tag == HT_article
				   || nd->tag == HT_main || (nd->flags & (HN_ROLE_MAIN | HN_PROP_BODY));
	}
	/* Children come after their parent: one backward pass sums subtrees. */
	for (size_t i = f->n; i-- > 1;) {
		const struct html_node *nd = &t->v[i];
		if (nd->tag == HT_TEXT)
			f->raw_chars[i] = f->own_chars[i];
		int fl = html_tag_flags((enum html_tag)nd->tag);
		if (fl & TF_DROP)
			continue;
		f->raw_chars[nd->parent] += f->raw_chars[i];
		if (nd->tag != HT_TEXT && ((fl & TF_BLOCK) || f->has_block[i]))
			f->has_block[nd->parent] = 1;
	}
	f->page_chars = f->raw_chars[f->body];
	free(cache.slot);
}

static void facts_free(struct facts *f)
{
	free(f->own_chars);
	free(f->own_commas);
	free(f->raw_chars);
	free(f->hint);
	free(f->in_content);
	free(f->has_block);
}

static void attempt_free(struct attempt *a)
{
	free(a->drop);
	free(a->chars);
	free(a->link_chars);
	free(a->commas);
	free(a->block_inside);
	free(a->score);
	free(a->scored);
	free(a->take);
}

/* A short element that names its author ("By Jane Doe"). */
static int is_byline(const struct facts *f, size_t i)
{
	const struct html_node *nd = &f->t->v[i];
	if (f->raw_chars[i] == 0 || f->raw_chars[i] >= 100)
		return 0;
	return (nd->flags & (HN_REL_AUTHOR | HN_PROP_AUTHOR)) || (f->hint[i] & HINT_BYLINE);
}

/* Whether element i is left out before scoring, and why. */
static int drop_reason(const struct facts *f, struct attempt *a, size_t i)
{
	const struct html_tree *t = f->t;
	const struct html_node *nd = &t->v[i];
	enum html_tag tag = (enum html_tag)nd->tag;
	if (html_tag_flags(tag) & TF_DROP)
		return HTML_DROP_NONCONTENT + 1;
	/* An aria-hidden or chrome element holding most of the page is the
	 * page (saved while a dialog was open, or an odd template): kept. */
	int most = f->page_chars && f->raw_chars[i] * 2 > f->page_chars;
	if ((nd->flags & HN_HIDDEN) || ((nd->flags & HN_ARIA_HIDDEN) && !most))
		return HTML_DROP_HIDDEN + 1;
	if (tag == HT_body || tag == HT_html || tag == HT_article || tag == HT_main)
		return 0;
	if (!most && (tag == HT_nav || tag == HT_aside || tag == HT_footer || tag == HT_dialog
		      || (nd->flags & HN_ROLE_CHROME)
		      || (tag == HT_header && !f->in_content[i])))
		return HTML_DROP_ROLE + 1;
	if (!a->byline && is_byline(f, i)) {
		a->byline = i;
		return HTML_DROP_BYLINE + 1;
	}
	/* Only blocks: an inline element named like chrome sits in a
	 * sentence (MathJax's "CtxtMenu" spans hold formulas). */
	int block = (html_tag_flags(tag) & TF_BLOCK) || f->has_block[i];
	if ((a->flags & EX_DROP_CLASSES) && block && (f->hint[i] & HINT_CHROME)
	    && !(f->hint[i] & HINT_CONTENT) && !(nd->flags & HN_PROP_BODY)
	    && tag != HT_td && tag != HT_tr)
		return HTML_DROP_CLASS + 1;
	return 0;
}

static void mark_drops(const struct facts *f, struct attempt *a)
{
	const struct html_tree *t = f->t;
	for (size_t i = 1; i < f->n;) {
		if (t->v[i].tag == HT_TEXT) {
			i++;
			continue;
		}
		int r = drop_reason(f, a, i);
		if (r) {
			a->drop[i] = (uint8_t)r;
			a->dropped[r - 1]++;
			i = t->v[i].end;
			continue;
		}
		i++;
	}
}

/* Sums over what is kept, for every element. */
static void sum_kept(const struct facts *f, struct attempt *a)
{
	const struct html_tree *t = f->t;
	for (size_t i = 0; i < f->n; i++) {
		a->chars[i] = f->own_chars[i];
		a->commas[i] = f->own_commas[i];
	}
	for (size_t i = f->n; i-- > 1;) {
		const struct html_node *nd = &t->v[i];
		if (nd->tag == HT_a && (nd->flags & HN_HREF))
			a->link_chars[i] = a->chars[i];
		if (a->drop[i])
			continue;
		size_t p = nd->parent;
		a->chars[p] += a->chars[i];
		a->link_chars[p] += a->link_chars[i];
		a->commas[p] += a->commas[i];
		if (nd->tag != HT_TEXT
		    && ((html_tag_flags((enum html_tag)nd->tag) & TF_BLOCK) || a->block_inside[i]))
			a->block_inside[p] = 1;
	}
}

static double link_density(const struct attempt *a, size_t i)
{
	return a->chars[i] ? (double)a->link_chars[i] / a->chars[i] : 0;
}

static double tag_base(enum html_tag tag)
{
	switch (tag) {
	case HT_div: case HT_article: case HT_main: case HT_section:
		return 5;
	case HT_pre: case HT_td: case HT_blockquote:
		return 3;
	case HT_address: case HT_ol: case HT_ul: case HT_dl: case HT_dd: case HT_dt:
	case HT_li: case HT_form:
		return -3;
	case HT_h1: case HT_h2: case HT_h3: case HT_h4: case HT_h5: case HT_h6: case HT_th:
		return -5;
	default:
		return 0;
	}
}

static void candidate(const struct facts *f, struct attempt *a, size_t i)
{
	if (a->scored[i])
		return;
	a->scored[i] = 1;
	a->candidates++;
	const struct html_node *nd = &f->t->v[i];
	double s = tag_base((enum html_tag)nd->tag);
	if (a->flags & EX_WEIGHT_CLASSES)
		s += class_weight(f->hint[i]);
	/* A page's own word for its article body. */
	if (nd->flags & HN_PROP_BODY)
		s += 25;
	a->score[i] = (float)s;
}

/* A paragraph of `chars` characters and `commas` commas, under element
 * `parent`: its score goes to five generations of ancestors, less with
 * each. */
static void score_paragraph(const struct facts *f, struct attempt *a, size_t parent,
			    uint32_t chars, uint32_t commas)
{
	if (chars < 25)
		return;
	a->paragraphs++;
	double s = 1 + commas + (chars / 100 < 3 ? chars / 100 : 3);
	size_t p = parent;
	for (int level = 0; level < 5 && p != 0; level++) {
		if (f->t->v[p].tag == HT_html)
			break;
		candidate(f, a, p);
		double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
		a->score[p] += (float)(s / div);
		p = f->t->v[p].parent;
	}
}

/* Is element i a paragraph to score: a p, pre or td, or any element with
 * no block inside (a div used as a paragraph)? */
static int is_paragraph(const struct facts *f, const struct attempt *a, size_t i)
{
	enum html_tag tag = (enum html_tag)f->t->v[i].tag;
	if (tag == HT_p || tag == HT_pre || tag == HT_td)
		return 1;
	if (is_heading(tag) || tag == HT_li || tag == HT_a || tag == HT_th)
		return 0;
	if (!(html_tag_flags(tag) & TF_BLOCK) && tag != HT_OTHER)
		return 0;
	return !a->block_inside[i];
}

static int div_like(enum html_tag tag)
{
	switch (tag) {
	case HT_div: case HT_section: case HT_article: case HT_main: case HT_OTHER: case HT_body:
	case HT_form: case HT_center:
		return 1;
	default:
		return 0;
	}
}

static void score_all(const struct facts *f, struct attempt *a)
{
	const struct html_tree *t = f->t;
	for (size_t i = 1; i < f->n;) {
		const struct html_node *nd = &t->v[i];
		if (a->drop[i]) {
			i = nd->end;
			continue;
		}
		if (nd->tag == HT_TEXT) {
			i++;
			continue;
		}
		if (is_paragraph(f, a, i)) {
			score_paragraph(f, a, nd->parent == 0 ? i : nd->parent, a->chars[i], a->commas[i]);
			i = nd->end;
			continue;
		}
		/* Text straight inside a div-like container with blocks too: each
		 * run of it between blocks is a paragraph of the container.  (Not
		 * a list item's: a list is no candidate for its items' text.) */
		if (div_like((enum html_tag)nd->tag) && a->block_inside[i]) {
			uint32_t chars = 0, commas = 0;
			for (size_t c = i + 1; c < nd->end; c = t->v[c].end) {
				const struct html_node *cn = &t->v[c];
				int block = cn->tag != HT_TEXT
					    && ((html_tag_flags((enum html_tag)cn->tag) & TF_BLOCK)
						|| a->block_inside[c]);
				if (block || cn->tag == HT_br) {
					score_paragraph(f, a, i, chars, commas);
					chars = commas = 0;
					continue;
				}
				if (!a->drop[c]) {
					chars += a->chars[c];
					commas += a->commas[c];
				}
			}
			score_paragraph(f, a, i, chars, commas);
		}
		i++;
	}
	for (size_t i = 1; i < f->n; i++)
		if (a->scored[i])
			a->score[i] *= (float)(1 - link_density(a, i));
}

/* ---- choosing --------------------------------------------------------------- */

static int contains(const struct html_tree *t, size_t outer, size_t inner)
{
	return inner >= outer && inner < t->v[outer].end;
}

/* Is i its parent's only child, white space and what was left out aside? */
static int only_child(const struct html_tree *t, const struct attempt *a, size_t i)
{
	size_t p = t->v[i].parent;
	for (size_t c = p + 1; c < t->v[p].end; c = t->v[c].end) {
		if (c == i || a->drop[c])
			continue;
		if (t->v[c].tag != HT_TEXT)
			return 0;
		for (uint32_t k = 0; k < t->v[c].len; k++)
			if (!is_space_byte((unsigned char)t->text[t->v[c].off + k]))
				return 0;
	}
	return 1;
}

static size_t best_candidate(const struct facts *f, struct attempt *a)
{
	const struct html_tree *t = f->t;
	size_t top5[5] = { 0 };
	size_t nt = 0;
	for (size_t i = 1; i < f->n; i++) {
		if (!a->scored[i])
			continue;
		/* Insert into the five best, ties to the earlier. */
		size_t k = nt < 5 ? nt++ : 5;
		while (k > 0 && a->score[top5[k - 1]] < a->score[i]) {
			if (k < 5)
				top5[k] = top5[k - 1];
			k--;
		}
		if (k < 5)
			top5[k] = i;
	}
	if (!nt)
		return 0;
	size_t top = top5[0];
	/* Several near-best candidates under one ancestor: the article was
	 * split into parts (by adverts, images), and the ancestor holds it. */
	size_t close = 0;
	for (size_t k = 1; k < nt; k++)
		if (a->score[top5[k]] >= 0.75f * a->score[top])
			close++;
	if (close >= 2) {
		for (size_t p = t->v[top].parent; p != 0 && t->v[p].tag != HT_html; p = t->v[p].parent) {
			size_t in = 0;
			for (size_t k = 1; k < nt; k++)
				if (a->score[top5[k]] >= 0.75f * a->score[top] && contains(t, p, top5[k]))
					in++;
			if (in >= 2) {
				top = p;
				break;
			}
			if (t->v[p].tag == HT_body)
				break;
		}
	}
	/* An ancestor scoring higher than the candidate is the article (its
	 * weight or link density was what held it back); one scoring below a
	 * third of it ends the climb. */
	double last = a->score[top], floor3 = last / 3;
	for (size_t p = t->v[top].parent; p != 0 && t->v[p].tag != HT_body && t->v[p].tag != HT_html;
	     p = t->v[p].parent) {
		if (!a->scored[p])
			continue;
		if (a->score[p] < floor3)
			break;
		if (a->score[p] > last) {
			top = p;
			break;
		}
		last = a->score[p];
	}
	/* A wrapper with nothing else in it: take the wrapper (its siblings
	 * may hold the rest of the article). */
	while (t->v[top].parent != 0 && t->v[t->v[top].parent].tag != HT_body
	       && t->v[t->v[top].parent].tag != HT_html && only_child(t, a, top)) {
		size_t p = t->v[top].parent;
		if (!a->scored[p])
			candidate(f, a, p), a->score[p] = a->score[top];
		top = p;
	}
	return top;
}

/* Does the text of element i end a sentence, or hold one (". ")? */
static int has_sentence(const struct html_tree *t, size_t i)
{
	char *s = html_node_text(t, i, 4096);
	size_t n = strlen(s);
	int yes = (n && s[n - 1] == '.') || strstr(s, ". ") != NULL;
	free(s);
	return yes;
}

/* The best candidate in the subtree at i (0: none). */
static size_t best_inside(const struct html_tree *t, const struct attempt *a, size_t i)
{
	size_t best = 0;
	for (size_t j = i; j < t->v[i].end;) {
		if (a->drop[j]) {
			j = t->v[j].end;
			continue;
		}
		if (a->scored[j] && (!best || a->score[j] > a->score[best]))
			best = j;
		j++;
	}
	return best;
}

/* The children of top's parent that belong to the article: top, and
 * siblings scored near it, and plain paragraphs of prose. */
static void take_siblings(const struct facts *f, struct attempt *a)
{
	const struct html_tree *t = f->t;
	size_t top = a->top, parent = t->v[top].parent;
	/* The top's own score, or the best inside it when it is a wrapper
	 * taken for its content. */
	size_t top_best = best_inside(t, a, top);
	double top_score = top_best ? a->score[top_best] : a->score[top];
	const char *best_class = top_best ? html_node_class(t, top_best) : "";
	double threshold = top_score * 0.2;
	if (threshold < 10)
		threshold = 10;
	const char *top_class = html_node_class(t, top);
	for (size_t c = parent + 1; c < t->v[parent].end; c = t->v[c].end) {
		int take = c == top;
		if (!take && !a->drop[c] && t->v[c].tag != HT_TEXT) {
			double bonus = 0;
			if (*top_class && strcmp(html_node_class(t, c), top_class) == 0)
				bonus = top_score * 0.2;
			/* A part of an article cut by figures is wrapped like the
			 * part that won: a sibling whose best candidate has the
			 * winner's class scores by it. */
			size_t in = best_inside(t, a, c);
			double s = a->scored[c] ? a->score[c] : 0;
			if (in && *best_class && strcmp(html_node_class(t, in), best_class) == 0
			    && a->score[in] > s)
				s = a->score[in];
			if (s + bonus >= threshold && (a->scored[c] || s > 0) && link_density(a, c) < 0.5)
				take = 1;
			else if (t->v[c].tag == HT_p || (is_paragraph(f, a, c) && t->v[c].tag != HT_td)) {
				double ld = link_density(a, c);
				if (a->chars[c] > 80 && ld < 0.25)
					take = 1;
				else if (a->chars[c] > 0 && a->chars[c] <= 80 && a->link_chars[c] == 0
					 && has_sentence(t, c))
					take = 1;
			}
		}
		if (take) {
			a->take = xgrowarray(a->take, &a->take_cap, a->ntake + 1, sizeof *a->take);
			a->take[a->ntake++] = c;
		}
	}
}

/* ---- cleaning the article ------------------------------------------------------ */

/* Counts under an element of the article, for the cleaning rules. */
struct counts {
	uint32_t p, img, li, input, embed, heading, th;
};

/* What element tag adds to the counts of the elements around it. */
static void count_tag(struct counts *k, enum html_tag tag)
{
	switch (tag) {
	case HT_p: k->p++; break;
	case HT_img: case HT_picture: k->img++; break;
	case HT_li: k->li++; break;
	case HT_input: case HT_select: case HT_textarea: case HT_button: k->input++; break;
	case HT_iframe: case HT_embed: case HT_object: case HT_video: case HT_audio:
		k->embed++;
		break;
	case HT_h1: case HT_h2: case HT_h3: case HT_h4: case HT_h5: case HT_h6:
		k->heading++;
		break;
	case HT_th: case HT_caption: case HT_thead: k->th++; break;
	default: break;
	}
}

static void counts_add(struct counts *to, const struct counts *k)
{
	to->p += k->p;
	to->img += k->img;
	to->li += k->li;
	to->input += k->input;
	to->embed += k->embed;
	to->heading += k->heading;
	to->th += k->th;
}

/* Ancestors that change the rules, as bits. */
enum { ANC_FIGURE = 1, ANC_LI = 2 };

/* A table of data (headers, a caption, or many cells), not of layout. */
static int data_table(const struct html_tree *t, size_t i, const struct counts *k)
{
	size_t rows = 0, cells = 0;
	for (size_t j = i + 1; j < t->v[i].end; j++) {
		if (t->v[j].tag == HT_table)
			return 0;
		rows += t->v[j].tag == HT_tr;
		cells += t->v[j].tag == HT_td || t->v[j].tag == HT_th;
	}
	return k->th > 0 || cells > 10 || rows >= 10;
}

/* Are most items of list i nothing but a link ("Related: <a>...</a>"),
 * as a list of links to elsewhere is, where a list of points that each
 * cite a source has text around its links? */
static int link_items(const struct html_tree *t, const struct attempt *a, size_t i)
{
	size_t items = 0, links = 0;
	for (size_t c = i + 1; c < t->v[i].end; c = t->v[c].end) {
		if (t->v[c].tag != HT_li || a->drop[c] || !a->chars[c])
			continue;
		items++;
		links += a->link_chars[c] * 10 >= a->chars[c] * 8;
	}
	return items >= 2 && links * 4 >= items * 3;
}

/* Should element i of the article go: a list of links, a box of images or
 * form fields, a short strip, something scored or named as chrome?  The
 * rules and their limits are Readability's conditional cleaning. */
static int clean_out(const struct facts *f, const struct attempt *a, size_t i, const struct counts *kp,
		     int anc)
{
	const struct html_tree *t = f->t;
	enum html_tag tag = (enum html_tag)t->v[i].tag;
	/* Boxes that hold chrome; not a definition list (its -3 would make
	 * the steps of a proof go), a figure or a header. */
	if (!(tag == HT_div || tag == HT_section || tag == HT_ul || tag == HT_ol || tag == HT_table
	      || tag == HT_form || tag == HT_fieldset || tag == HT_OTHER))
		return 0;
	/* An unknown element is inline (MathJax's mjx-container) unless it
	 * holds blocks. */
	if ((t->v[i].flags & HN_PROP_BODY) || (tag == HT_OTHER && !a->block_inside[i]))
		return 0;
	double weight = (a->flags & EX_WEIGHT_CLASSES) ? class_weight(f->hint[i]) : 0;
	int list = tag == HT_ul || tag == HT_ol;
	/* A list's score is mostly its tag's -3 and the captions of its
	 * items' pictures: it does not say the list is chrome. */
	if (a->scored[i] && !list)
		weight += a->score[i];
	if (weight < 0)
		return 1;
	if (a->commas[i] >= 10)
		return 0;
	const struct counts k = *kp;
	if (tag == HT_table && data_table(t, i, &k))
		return 0;
	double ld = link_density(a, i);
	uint32_t chars = a->chars[i];
	if (list)
		return ld > 0.5 && link_items(t, a, i);
	int in_figure = (anc & ANC_FIGURE) != 0;
	if (k.img > 1 && (double)k.p / k.img < 0.5 && !in_figure)
		return 1;
	if (k.li > k.p + 1 && !(anc & ANC_LI) && ld > 0.2)
		return 1;
	if (k.input > k.p / 3 && chars < 500)
		return 1;
	if (chars < 25 && (k.img == 0 || k.img > 2) && !in_figure && !k.heading)
		return 1;
	if (weight < 25 && ld > 0.2)
		return 1;
	if (weight >= 25 && ld > 0.5)
		return 1;
	if ((k.embed == 1 && chars < 75) || k.embed > 1)
		return 1;
	return 0;
}

/* One element open in clean_article's walk: what is under it so far. */
struct clean_frame {
	size_t node;
	struct counts k;
	int anc;                    /* ANC_* of its ancestors up to the root */
};

/* Clean the article at root: each element is judged on the counts of its
 * subtree and its ancestors' kinds, gathered in one walk with a stack of
 * open elements (judging each from a walk of its own subtree made 200,000
 * nested divs take minutes), then the outermost of those judged out go. */
static void clean_article(const struct facts *f, struct attempt *a, size_t root)
{
	const struct html_tree *t = f->t;
	struct clean_frame *st = NULL;
	size_t depth = 0, cap = 0;
	size_t end = t->v[root].end;
	for (size_t i = root;; ) {
		/* Close the elements that end before i: judge each, hand its
		 * counts to its parent. */
		while (depth && (i >= end || i >= t->v[st[depth - 1].node].end)) {
			struct clean_frame *fr = &st[--depth];
			if (fr->node != root && clean_out(f, a, fr->node, &fr->k, fr->anc))
				a->drop[fr->node] = HTML_DROP_CLEANUP + 1;
			if (depth) {
				counts_add(&st[depth - 1].k, &fr->k);
				count_tag(&st[depth - 1].k, (enum html_tag)t->v[fr->node].tag);
			}
		}
		if (i >= end)
			break;
		const struct html_node *nd = &t->v[i];
		if (i != root && a->drop[i]) {
			i = nd->end;
			continue;
		}
		if (nd->tag == HT_TEXT) {
			i++;
			continue;
		}
		st = xgrowarray(st, &cap, depth + 1, sizeof *st);
		struct clean_frame *fr = &st[depth];
		memset(fr, 0, sizeof *fr);
		fr->node = i;
		if (depth) {
			enum html_tag ptag = (enum html_tag)t->v[st[depth - 1].node].tag;
			fr->anc = st[depth - 1].anc | (ptag == HT_figure ? ANC_FIGURE : 0)
				  | (ptag == HT_li ? ANC_LI : 0);
		}
		depth++;
		i++;
	}
	free(st);
	/* Only the outermost of those judged out count: the walk skips the
	 * rest with them. */
	for (size_t i = root + 1; i < end;) {
		if (a->drop[i] == HTML_DROP_CLEANUP + 1)
			a->dropped[HTML_DROP_CLEANUP]++;
		i = a->drop[i] ? t->v[i].end : i + 1;
	}
}

/* Characters of the article as taken (what is kept under each part). */
static size_t taken_chars(const struct html_tree *t, const struct attempt *a)
{
	size_t n = 0;
	for (size_t k = 0; k < a->ntake; k++) {
		size_t r = a->take[k];
		for (size_t i = r; i < t->v[r].end;) {
			if (i != r && a->drop[i]) {
				i = t->v[i].end;
				continue;
			}
			if (t->v[i].tag == HT_TEXT)
				n += a->chars[i];
			i++;
		}
	}
	return n;
}

/* Paragraphs scored inside the article as taken. */
static size_t count_paragraphs(const struct facts *f, const struct attempt *a)
{
	const struct html_tree *t = f->t;
	size_t n = 0;
	for (size_t k = 0; k < a->ntake; k++) {
		size_t r = a->take[k];
		for (size_t i = r; i < t->v[r].end;) {
			if (a->drop[i]) {
				i = t->v[i].end;
				continue;
			}
			if (t->v[i].tag != HT_TEXT && is_paragraph(f, a, i)) {
				n += a->chars[i] >= 25;
				i = t->v[i].end;
				continue;
			}
			i++;
		}
	}
	return n;
}

static void run_attempt(const struct facts *f, struct attempt *a, int flags, const char *rule)
{
	memset(a, 0, sizeof *a);
	a->flags = flags;
	a->rule = rule;
	size_t n = f->n;
	a->drop = xcalloc(n, 1);
	a->chars = xcalloc(n, sizeof *a->chars);
	a->link_chars = xcalloc(n, sizeof *a->link_chars);
	a->commas = xcalloc(n, sizeof *a->commas);
	a->block_inside = xcalloc(n, 1);
	a->score = xcalloc(n, sizeof *a->score);
	a->scored = xcalloc(n, 1);
	mark_drops(f, a);
	sum_kept(f, a);
	score_all(f, a);
	a->top = best_candidate(f, a);
	if (!a->top)
		return;
	enum html_tag ptag = (enum html_tag)f->t->v[f->t->v[a->top].parent].tag;
	if (a->top == f->body || ptag == HT_ROOT || ptag == HT_html) {
		a->take = xgrowarray(a->take, &a->take_cap, 1, sizeof *a->take);
		a->take[a->ntake++] = a->top;
	} else {
		take_siblings(f, a);
	}
	if (flags & EX_CLEAN)
		for (size_t k = 0; k < a->ntake; k++)
			clean_article(f, a, a->take[k]);
	a->text_chars = taken_chars(f->t, a);
}

/* ---- writing the text ------------------------------------------------------------ */

/* Where the writer is: what the innermost block-giving element says. */
struct wctx {
	uint8_t kind;               /* enum html_block_kind */
	uint8_t level;
	uint8_t pre;                /* white space kept */
	uint8_t quote;              /* block quotes around */
	uint8_t ordered;            /* the list around numbers its items */
	uint16_t list_depth;
	uint32_t counter;           /* items so far in the list around */
	uint32_t group;             /* the outermost list or the table around, 0 if none */
	uint8_t indent;             /* columns of the item's mark: its later lines' indent */
};

struct wframe {
	size_t node;
	struct wctx saved;
};

struct writer {
	const struct html_tree *t;
	const uint8_t *drop;
	struct buf out;
	struct html_block *blocks;
	size_t nblocks, blocks_cap;
	struct buf line;
	struct wctx c;
	int space;                  /* a space is due before the next character */
	int block_open;             /* the next line continues the current block */
	int br_run;                 /* the line was ended by a <br> */
	int cell_sep;               /* a new table cell: " | " before its text */
	char bullet[16];            /* the list item's mark, until its first line */
	uint32_t last_group;        /* the group of the last block written */
	struct wframe *stack;
	size_t depth, stack_cap;
};

static void end_line(struct writer *w)
{
	if (!w->line.len)
		return;
	struct buf l = { 0 };
	for (unsigned q = 0; q < w->c.quote; q++)
		buf_adds(&l, "> ");
	if (w->c.kind == HTML_BLOCK_ITEM) {
		/* Nested lists indent, up to eight deep: a page of a
		 * million nested lists must not make lines of megabytes. */
		for (unsigned d = 1; d < w->c.list_depth && d < 8; d++)
			buf_adds(&l, "  ");
		/* The mark on the item's first line, its width of indent after. */
		if (w->bullet[0])
			buf_adds(&l, w->bullet);
		else
			for (unsigned k = 0; k < w->c.indent; k++)
				buf_addc(&l, ' ');
		w->bullet[0] = '\0';
	}
	buf_add(&l, w->line.data, w->line.len);
	size_t n;
	char *safe = doc_sanitize_str(l.data, l.len, &n);
	buf_free(&l);
	if (!w->block_open) {
		const struct html_block *prev = w->nblocks ? &w->blocks[w->nblocks - 1] : NULL;
		if (prev) {
			/* Items of a list (nested ones too) and rows of a table stay
			 * together. */
			int together = prev->kind == w->c.kind && w->c.group && w->last_group == w->c.group
				       && (w->c.kind == HTML_BLOCK_ITEM || w->c.kind == HTML_BLOCK_ROW);
			buf_adds(&w->out, together ? "\n" : "\n\n");
		}
		w->blocks = xgrowarray(w->blocks, &w->blocks_cap, w->nblocks + 1, sizeof *w->blocks);
		struct html_block *b = &w->blocks[w->nblocks++];
		b->off = w->out.len;
		b->kind = w->c.kind;
		b->level = w->c.kind == HTML_BLOCK_ITEM ? (uint8_t)(w->c.list_depth > 255 ? 255 : w->c.list_depth)
							: w->c.level;
		w->block_open = 1;
		w->last_group = w->c.group;
	} else {
		buf_addc(&w->out, '\n');
	}
	buf_add(&w->out, safe, n);
	free(safe);
	w->blocks[w->nblocks - 1].end = w->out.len;
	buf_reset(&w->line);
	w->space = 0;
	w->cell_sep = 0;
}

static void end_block(struct writer *w)
{
	end_line(w);
	w->block_open = 0;
	w->br_run = 0;
}

static void put_char(struct writer *w, const uint8_t *s, size_t n)
{
	if (w->cell_sep && w->line.len)
		buf_adds(&w->line, " | ");
	else if (w->space && w->line.len)
		buf_addc(&w->line, ' ');
	w->cell_sep = 0;
	w->space = 0;
	buf_add(&w->line, s, n);
}

static void put_text(struct writer *w, const char *text, size_t len)
{
	const uint8_t *s = (const uint8_t *)text;
	w->br_run = 0;
	for (size_t i = 0; i < len;) {
		ucs4_t cp;
		int k = u8_mbtouc(&cp, s + i, len - i);
		if (k <= 0)
			k = 1;
		if (w->c.pre) {
			if (cp == '\n') {
				/* Each line of preformatted text its own; an empty one
				 * parts it into blocks, as a blank line parts any text
				 * (so a block never holds one). */
				if (!w->line.len)
					w->block_open = 0;
				end_line(w);
			} else if (cp == '\t') {
				size_t col = w->line.len;
				do
					buf_addc(&w->line, ' ');
				while (++col % 8);
			} else if (cp != '\r' && !doc_cp_is_invisible(cp)) {
				buf_add(&w->line, s + i, (size_t)k);
			}
			i += (size_t)k;
			continue;
		}
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0)
			w->space = 1;
		else if (!doc_cp_is_invisible(cp))
			put_char(w, s + i, (size_t)k);
		i += (size_t)k;
	}
}

static void push(struct writer *w, size_t node)
{
	w->stack = xgrowarray(w->stack, &w->stack_cap, w->depth + 1, sizeof *w->stack);
	w->stack[w->depth].node = node;
	w->stack[w->depth].saved = w->c;
	w->depth++;
}

static void enter(struct writer *w, size_t i)
{
	const struct html_node *nd = &w->t->v[i];
	enum html_tag tag = (enum html_tag)nd->tag;
	switch (tag) {
	case HT_br:
		if (w->line.len) {
			end_line(w);
			w->br_run = 1;
		} else if (w->br_run) {
			/* <br><br>: a paragraph break. */
			w->block_open = 0;
		}
		return;
	case HT_td: case HT_th:
		w->cell_sep = 1;
		return;
	case HT_q:
		put_char(w, (const uint8_t *)"\xe2\x80\x9c", 3);
		return;
	default:
		break;
	}
	if (!(html_tag_flags(tag) & TF_BLOCK))
		return;
	end_block(w);
	switch (tag) {
	case HT_h1: case HT_h2: case HT_h3: case HT_h4: case HT_h5: case HT_h6:
		w->c.kind = HTML_BLOCK_HEADING;
		w->c.level = (uint8_t)(tag - HT_h1 + 1);
		break;
	case HT_ul: case HT_ol: case HT_menu: case HT_dir:
		if (!w->c.list_depth)
			w->c.group = (uint32_t)i;
		w->c.list_depth++;
		w->c.ordered = tag == HT_ol;
		w->c.counter = 0;
		break;
	case HT_li:
		w->c.kind = HTML_BLOCK_ITEM;
		if (!w->c.list_depth)
			w->c.list_depth = 1;
		/* The count goes on in the list's frame (write_subtree). */
		w->c.counter++;
		if (!w->c.group)
			w->c.group = (uint32_t)i;
		if (w->c.ordered) {
			snprintf(w->bullet, sizeof w->bullet, "%u. ", (unsigned)w->c.counter);
			w->c.indent = (uint8_t)strlen(w->bullet);
		} else {
			snprintf(w->bullet, sizeof w->bullet, "\xe2\x80\xa2 ");
			w->c.indent = 2;
		}
		break;
	case HT_blockquote:
		if (w->c.quote < 8)
			w->c.quote++;
		w->c.kind = HTML_BLOCK_QUOTE;
		break;
	case HT_figcaption: case HT_caption:
		w->c.kind = HTML_BLOCK_CAPTION;
		break;
	case HT_pre: case HT_xmp:
		w->c.pre = 1;
		w->c.kind = HTML_BLOCK_CODE;
		break;
	case HT_table:
		w->c.group = (uint32_t)i;
		break;
	case HT_tr:
		w->c.kind = HTML_BLOCK_ROW;
		break;
	default:
		break;
	}
}

static void leave(struct writer *w, size_t i)
{
	enum html_tag tag = (enum html_tag)w->t->v[i].tag;
	if (tag == HT_q) {
		put_char(w, (const uint8_t *)"\xe2\x80\x9d", 3);
		return;
	}
	if ((html_tag_flags(tag) & TF_BLOCK) && tag != HT_td && tag != HT_th)
		end_block(w);
}

/* Write the subtree at root, what drop marks left out. */
static void write_subtree(struct writer *w, size_t root)
{
	const struct html_tree *t = w->t;
	size_t end = t->v[root].end;
	for (size_t i = root; i < end;) {
		while (w->depth && i >= t->v[w->stack[w->depth - 1].node].end) {
			struct wframe *fr = &w->stack[--w->depth];
			leave(w, fr->node);
			/* An item's count lives on in its list. */
			uint32_t counter = w->c.counter;
			int was_li = t->v[fr->node].tag == HT_li;
			w->c = fr->saved;
			if (was_li)
				w->c.counter = counter;
		}
		const struct html_node *nd = &t->v[i];
		if (w->drop[i] || (nd->tag != HT_TEXT && (html_tag_flags((enum html_tag)nd->tag) & TF_DROP))) {
			i = nd->end;
			continue;
		}
		if (nd->tag == HT_TEXT) {
			put_text(w, t->text + nd->off, nd->len);
			i++;
			continue;
		}
		push(w, i);
		enter(w, i);
		i++;
	}
	while (w->depth) {
		struct wframe *fr = &w->stack[--w->depth];
		leave(w, fr->node);
		w->c = fr->saved;
	}
	end_block(w);
}

static void writer_finish(struct writer *w, struct html_page *pg)
{
	if (w->out.len)
		buf_addc(&w->out, '\n');
	else
		buf_add(&w->out, "", 0);
	pg->text = w->out.data;
	pg->len = w->out.len;
	pg->blocks = w->blocks;
	pg->nblocks = w->nblocks;
	buf_free(&w->line);
	free(w->stack);
}

/* ---- explaining ---------------------------------------------------------------- */

static const char *node_name(const struct html_tree *t, size_t i)
{
	return t->v[i].tag == HT_OTHER ? html_node_extra(t, i) : html_tag_name((enum html_tag)t->v[i].tag);
}

/* "div#story.article-body.wide", at most 200 bytes, sanitised. */
static char *describe(const struct html_tree *t, size_t i)
{
	struct buf b = { 0 };
	buf_adds(&b, node_name(t, i));
	const char *id = html_node_id(t, i), *cls = html_node_class(t, i);
	if (*id)
		buf_printf(&b, "#%s", id);
	for (const char *s = cls; *s;) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
			s++;
		size_t n = strcspn(s, " \t\n\r\f");
		if (n)
			buf_printf(&b, ".%.*s", (int)n, s);
		s += n;
	}
	size_t n = b.len > 200 ? 200 : b.len;
	while (n < b.len && n > 0 && ((unsigned char)b.data[n] & 0xC0) == 0x80)
		n--;
	char *safe = doc_sanitize_str(b.data, n, NULL);
	buf_free(&b);
	return safe;
}

/* "/html/body/div[2]/article[1]": each step's number among its siblings
 * of the same name; the 32 steps nearest the element when deeper. */
static char *node_path(const struct html_tree *t, size_t i)
{
	size_t steps[32];
	size_t n = 0;
	int more = 0;
	for (size_t p = i; p != 0; p = t->v[p].parent) {
		if (n == 32) {
			more = 1;
			break;
		}
		steps[n++] = p;
	}
	struct buf b = { 0 };
	if (more)
		buf_adds(&b, "...");
	while (n--) {
		size_t s = steps[n], parent = t->v[s].parent, nth = 1;
		const char *name = node_name(t, s);
		for (size_t c = parent + 1; c < s; c = t->v[c].end)
			if (t->v[c].tag == t->v[s].tag && strcmp(node_name(t, c), name) == 0)
				nth++;
		if (t->v[s].tag == HT_html || t->v[s].tag == HT_body)
			buf_printf(&b, "/%s", name);
		else
			buf_printf(&b, "/%s[%zu]", name, nth);
	}
	char *safe = doc_sanitize_str(b.data ? b.data : "", b.len, NULL);
	buf_free(&b);
	return safe;
}

/* ---- the whole ------------------------------------------------------------------- */

static int same_words(const char *a, size_t n, const char *b)
{
	int r;
	return u8_casecmp((const uint8_t *)a, n, (const uint8_t *)b, strlen(b), NULL, UNINORM_NFC, &r) == 0
	       && r == 0;
}

/* The article's first heading, when it is the headline (shown in the
 * header already), is left out. */
static void drop_title_heading(const struct html_tree *t, struct attempt *a, const struct html_page *pg)
{
	const char *title = pg->meta[META_TITLE];
	if (!title)
		return;
	for (size_t k = 0; k < a->ntake; k++) {
		size_t r = a->take[k];
		for (size_t i = r; i < t->v[r].end;) {
			if (a->drop[i]) {
				i = t->v[i].end;
				continue;
			}
			enum html_tag tag = (enum html_tag)t->v[i].tag;
			if (tag == HT_h1 || tag == HT_h2 || tag == HT_h3) {
				char *h = html_node_text(t, i, 4096);
				int same = *h && same_words(h, strlen(h), title);
				free(h);
				if (same) {
					a->drop[i] = HTML_DROP_TITLE + 1;
					a->dropped[HTML_DROP_TITLE]++;
				}
				return;
			}
			/* Only a heading before any text is the headline. */
			if (tag == HT_TEXT && a->chars[i] > 0)
				return;
			i++;
		}
	}
}

/* The names of a byline element: a name marked inside it (rel=author,
 * itemprop author) when there is one, else its whole text. */
static char *byline_text(const struct html_tree *t, size_t i)
{
	for (size_t j = i + 1; j < t->v[i].end;)
		if (t->v[j].tag != HT_TEXT && (t->v[j].flags & (HN_REL_AUTHOR | HN_PROP_AUTHOR))) {
			char *s = html_node_text(t, j, 400);
			if (*s)
				return s;
			free(s);
			j = t->v[j].end;    /* nothing with text below it either */
		} else {
			j++;
		}
	return html_node_text(t, i, 400);
}

static void read_ldjson(const struct html_tree *t, struct html_ld *ld)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].tag == HT_script && (t->v[i].flags & HN_LDJSON))
			for (size_t c = i + 1; c < t->v[i].end; c = t->v[c].end)
				if (t->v[c].tag == HT_TEXT)
					html_ld_read(ld, t->text + t->v[c].off, t->v[c].len);
}

static void explain(struct html_page *pg, const struct html_tree *t, const struct attempt *a,
		    size_t first_chars)
{
	struct html_choice *c = &pg->article;
	struct buf b = { 0 };
	if (!c->found) {
		buf_printf(&b, "no element held an article (the best held %zu characters, %d are needed): "
			   "the whole page is shown", a ? a->text_chars : (size_t)0, EX_MIN_ARTICLE);
	} else {
		buf_printf(&b, "%s: %zu paragraphs scored %.1f (link density %.2f), the best of %zu candidates",
			   c->element, c->paragraphs, c->score, c->link_density, c->candidates);
		if (c->siblings)
			buf_printf(&b, ", with %zu sibling%s", c->siblings, c->siblings == 1 ? "" : "s");
		if (strcmp(c->rule, "score") != 0)
			buf_printf(&b, "; found with %s after the first try found %zu characters", c->rule,
				   first_chars);
	}
	size_t chrome = pg->dropped[HTML_DROP_ROLE] + pg->dropped[HTML_DROP_CLASS];
	if (chrome)
		buf_printf(&b, "; %zu parts left out as page chrome", chrome);
	if (pg->dropped[HTML_DROP_CLEANUP])
		buf_printf(&b, ", %zu link lists cleaned out", pg->dropped[HTML_DROP_CLEANUP]);
	(void)t;
	c->why = doc_sanitize_str(b.data, b.len, NULL);
	buf_free(&b);
}

void html_page_read(struct html_page *pg, const uint8_t *p, size_t n)
{
	memset(pg, 0, sizeof *pg);
	size_t ulen;
	uint8_t *owned;
	const uint8_t *u = html_to_utf8(p, n, &pg->charset, &ulen, &owned);
	u = html_guard_attributes(u, ulen, &owned, &pg->attribute_floods);
	struct html_tree t;
	html_tree_parse(&t, u, ulen, HTML_MAX_NODES);
	free(owned);
	pg->elements = t.elements;
	pg->truncated = t.truncated;
	struct html_ld ld = { 0 };
	read_ldjson(&t, &ld);

	struct facts f;
	facts_init(&f, &t);
	struct attempt best, cur;
	int have = 0;
	size_t first_chars = 0;
	for (size_t k = 0; k < sizeof attempts / sizeof attempts[0]; k++) {
		run_attempt(&f, &cur, attempts[k].flags, attempts[k].rule);
		if (k == 0)
			first_chars = cur.text_chars;
		struct html_try *tr = &pg->article.tries[pg->article.ntries++];
		tr->rule = cur.rule;
		tr->element = cur.top ? describe(&t, cur.top) : NULL;
		tr->chars = cur.text_chars;
		if (!have || cur.text_chars > best.text_chars) {
			if (have)
				attempt_free(&best);
			best = cur;
			have = 1;
		} else {
			attempt_free(&cur);
		}
		if (best.text_chars >= EX_ENOUGH)
			break;
	}
	int found = best.top && best.text_chars >= EX_MIN_ARTICLE;
	char *byline = best.byline ? byline_text(&t, best.byline) : NULL;
	html_meta_read(pg, &t, &ld, found ? best.top : 0, byline);
	free(byline);

	struct writer w = { .t = &t };
	struct html_choice *c = &pg->article;
	c->found = found;
	size_t body = f.body;
	if (found) {
		drop_title_heading(&t, &best, pg);
		c->rule = best.rule;
		c->element = describe(&t, best.top);
		c->path = node_path(&t, best.top);
		c->score = best.scored[best.top] ? best.score[best.top] : 0;
		c->link_density = link_density(&best, best.top);
		c->paragraphs = count_paragraphs(&f, &best);
		c->siblings = best.ntake ? best.ntake - 1 : 0;
		c->candidates = best.candidates;
		memcpy(pg->dropped, best.dropped, sizeof pg->dropped);
		/* Only the tree and what was dropped are written from: the
		 * rest goes before the text grows (29 MB of a 50 MB page). */
		facts_free(&f);
		w.drop = best.drop;
		for (size_t k = 0; k < best.ntake; k++)
			write_subtree(&w, best.take[k]);
	} else {
		/* No article: the page's whole text, only what is never shown
		 * and what is hidden left out. */
		struct attempt whole;
		memset(&whole, 0, sizeof whole);
		whole.drop = xcalloc(t.n, 1);
		for (size_t i = 1; i < t.n;) {
			const struct html_node *nd = &t.v[i];
			int r = 0;
			if (nd->tag != HT_TEXT && (html_tag_flags((enum html_tag)nd->tag) & TF_DROP))
				r = HTML_DROP_NONCONTENT + 1;
			else if (nd->tag != HT_TEXT && (nd->flags & (HN_HIDDEN | HN_ARIA_HIDDEN)))
				r = HTML_DROP_HIDDEN + 1;
			if (r) {
				whole.drop[i] = (uint8_t)r;
				pg->dropped[r - 1]++;
				i = nd->end;
				continue;
			}
			i++;
		}
		facts_free(&f);
		w.drop = whole.drop;
		write_subtree(&w, body);
		free(whole.drop);
		c->rule = "whole-page";
	}
	writer_finish(&w, pg);
	explain(pg, &t, have ? &best : NULL, first_chars);
	if (have)
		attempt_free(&best);
	html_ld_free(&ld);
	html_tree_free(&t);
}

void html_page_free(struct html_page *pg)
{
	free(pg->text);
	free(pg->blocks);
	for (int k = 0; k < META_COUNT; k++)
		free(pg->meta[k]);
	free(pg->published);
	free(pg->article.element);
	free(pg->article.path);
	free(pg->article.why);
	for (size_t k = 0; k < pg->article.ntries; k++)
		free(pg->article.tries[k].element);
	memset(pg, 0, sizeof *pg);
}

const struct html_block *html_block_at(const struct html_page *pg, size_t off)
{
	size_t lo = 0, hi = pg->nblocks;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (off < pg->blocks[mid].off)
			hi = mid;
		else if (off >= pg->blocks[mid].end)
			lo = mid + 1;
		else
			return &pg->blocks[mid];
	}
	return NULL;
}
