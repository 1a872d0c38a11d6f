/* A web page's header fields: headline, byline, site, date and section,
 * each from the first source that gives it, in an order of trust; the
 * source's name goes with the field.  None is invented. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <unicase.h>
#include <unistr.h>

#include "brief/html.h"
#include "brief/html_tree.h"
#include "brief/util.h"

#define META_FIELD_MAX 1024

/* The first <meta> giving key (lower case), or NULL. */
static const char *meta_value(const struct html_tree *t, const char *key)
{
	for (size_t i = 0; i < t->nmetas; i++)
		if (strcmp(t->attrs + t->metas[i].key, key) == 0 && t->attrs[t->metas[i].value])
			return t->attrs + t->metas[i].value;
	return NULL;
}

/* Character references decoded ("&amp;" -> "&", "&#8217;" -> ’): metas and
 * JSON-LD are often written through an HTML escaper twice.  In place: a
 * reference is never shorter than what it stands for. */
static void decode_refs(char *s)
{
	char *w = s;
	for (const char *r = s; *r;) {
		if (*r != '&') {
			*w++ = *r++;
			continue;
		}
		const char *semi = strchr(r, ';');
		uint32_t cp = 0;
		if (semi && semi - r >= 3 && semi - r <= 12 && r[1] == '#') {
			const char *d = r + 2;
			int base = 10;
			if (*d == 'x' || *d == 'X') {
				base = 16;
				d++;
			}
			char *e;
			unsigned long v = strtoul(d, &e, base);
			if (e == semi && e > d && v > 0 && v <= 0x10FFFF)
				cp = (uint32_t)v;
		} else if (semi && semi - r >= 2 && semi - r <= 32) {
			char name[33];
			memcpy(name, r + 1, (size_t)(semi - r - 1));
			name[semi - r - 1] = '\0';
			const htmlEntityDesc *ent = htmlEntityLookup((const xmlChar *)name);
			if (ent)
				cp = ent->value;
		}
		uint8_t u[6];
		int k = cp ? u8_uctomb(u, cp, (int)sizeof u) : -1;
		if (k <= 0 || (size_t)k > (size_t)(semi - r + 1)) {
			*w++ = *r++;
			continue;
		}
		memcpy(w, u, (size_t)k);
		w += k;
		r = semi + 1;
	}
	*w = '\0';
}

/* White space folded, ends trimmed, cut at META_FIELD_MAX bytes on a
 * character boundary; in place. */
static void fold(char *s)
{
	char *w = s;
	int space = 0;
	for (const char *r = s; *r; r++) {
		unsigned char c = (unsigned char)*r;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
		    || (c == 0xC2 && (unsigned char)r[1] == 0xA0)) {
			if (c == 0xC2)
				r++;
			space = w > s;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = (char)c;
	}
	*w = '\0';
	size_t n = (size_t)(w - s);
	if (n > META_FIELD_MAX) {
		n = META_FIELD_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		s[n] = '\0';
	}
}

static int looks_like_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0
	       || strncmp(s, "//", 2) == 0 || strncasecmp(s, "www.", 4) == 0;
}

/* Set field k from s (copied, cleaned) under rule, unless already set or
 * s says nothing. */
static int set(struct html_page *pg, enum meta_key k, const char *s, const char *rule)
{
	if (pg->meta[k] || !s)
		return 0;
	char *v = xstrdup(s);
	decode_refs(v);
	fold(v);
	if (k == META_BYLINE)
		html_meta_clean_byline(v);
	if (!*v || (k != META_DATE && looks_like_url(v))) {
		free(v);
		return 0;
	}
	pg->meta[k] = v;
	pg->meta_rule[k] = rule;
	return 1;
}

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec",
};
static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static int in_list(const char *s, size_t n, const char *const *list, size_t count)
{
	while (n && (s[n - 1] == '.' || s[n - 1] == ','))
		n--;
	for (size_t i = 0; i < count; i++)
		if (strlen(list[i]) == n && strncasecmp(s, list[i], n) == 0)
			return 1;
	return 0;
}

/* Does a date start at word w: a month before a number ("July 10",
 * "Apr. 16"), a day of the week before a comma or a date ("Sunday,
 * Feb 1")?  ("June Topolsky" is a name.) */
static int date_at(const char *w)
{
	size_t n = strcspn(w, " ");
	const char *next = w[n] ? w + n + 1 : w + n;
	if (in_list(w, n, months, sizeof months / sizeof months[0]))
		return *next >= '0' && *next <= '9';
	if (in_list(w, n, weekdays, sizeof weekdays / sizeof weekdays[0]))
		return w[n - 1] == ',' || (*next >= '0' && *next <= '9') || date_at(next);
	return 0;
}

void html_meta_clean_byline(char *s)
{
	fold(s);
	/* What a byline element holds besides the names: a section before
	 * " by " ("Tech Industry by Jane Doe"), and a date, a time or a role
	 * after them ("Jane Doe - Apr 16, 2015 8:02 pm", "Jane Doe | Games
	 * Editor", "Jane Doe22 Dec 2016"): cut at the first separator, date
	 * or digit. */
	for (char *b = s; (b = strchr(b, ' ')); b++)
		if (strncasecmp(b, " by ", 4) == 0 && b - s < 40) {
			memmove(s, b + 4, strlen(b + 4) + 1);
			break;
		}
	static const char *const seps[] = {
		" - ", " | ", " \xe2\x80\xa2 ", " \xc2\xb7 ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " / ",
	};
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		char *c = strstr(s, seps[i]);
		if (c && c > s)
			*c = '\0';
	}
	/* Only a date: no name. */
	if (date_at(s) || (*s >= '0' && *s <= '9')) {
		*s = '\0';
		return;
	}
	for (char *w = s; *w; w++) {
		if ((*w >= '0' && *w <= '9') || (w > s && w[-1] == ' ' && date_at(w))) {
			*w = '\0';
			break;
		}
	}
	fold(s);
	/* "By Jane Doe", "BY JANE DOE", "by: Jane Doe", "Written by Jane Doe". */
	static const char *const lead[] = { "written by", "posted by", "by", "por", "par", "von", "door" };
	char *p = s;
	for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++) {
		size_t k = strlen(lead[i]);
		if (strncasecmp(p, lead[i], k) == 0 && (p[k] == ' ' || p[k] == ':')) {
			p += k;
			while (*p == ' ' || *p == ':')
				p++;
			break;
		}
	}
	size_t n = strlen(p);
	/* A separator left at the end ("Jane Doe |", "Jane Doe,"). */
	while (n && (p[n - 1] == ' ' || p[n - 1] == '|' || p[n - 1] == ',' || p[n - 1] == '-'))
		n--;
	/* A label ("Last Updated:") names nobody. */
	if (n && p[n - 1] == ':')
		n = 0;
	memmove(s, p, n);
	s[n] = '\0';
}

/* ---- the headline --------------------------------------------------------- */

/* Separators between a headline and a site's name in a <title>. */
static const char *const title_seps[] = {
	" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb ", " \xc2\xb7 ", " / ",
};

static size_t words(const char *s, size_t n)
{
	size_t w = 0;
	int in = 0;
	for (size_t i = 0; i < n; i++) {
		int sp = s[i] == ' ';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

/* Whether a and b (n bytes of a) are the same text but for case. */
static int same_text(const char *a, size_t n, const char *b)
{
	int r;
	if (u8_casecmp((const uint8_t *)a, n, (const uint8_t *)b, strlen(b), NULL, UNINORM_NFC, &r)
	    != 0)
		return 0;
	return r == 0;
}

/* Whether hay holds needle, case aside: both case-folded once. */
static int contains_text(const char *hay, const char *needle)
{
	size_t hn, nn;
	uint8_t *h = u8_casefold((const uint8_t *)hay, strlen(hay), NULL, UNINORM_NFC, NULL, &hn);
	uint8_t *k = u8_casefold((const uint8_t *)needle, strlen(needle), NULL, UNINORM_NFC, NULL, &nn);
	int yes = h && k && nn && memmem(h, hn, k, nn) != NULL;
	free(h);
	free(k);
	return yes;
}

/* A <title>'s headline: the site's name cut when it is known and stands
 * at either end behind a separator; otherwise, the part before the last
 * separator when that part has 3 words or more (a headline does, a site's
 * name rarely). */
static char *title_headline(const char *title, const char *site)
{
	size_t n = strlen(title);
	for (size_t i = 0; site && i < sizeof title_seps / sizeof title_seps[0]; i++) {
		size_t k = strlen(title_seps[i]), m = strlen(site);
		if (n > m + k && same_text(title + n - m, m, site)
		    && memcmp(title + n - m - k, title_seps[i], k) == 0)
			return xstrndup(title, n - m - k);
		if (n > m + k && same_text(title, m, site) && memcmp(title + m, title_seps[i], k) == 0)
			return xstrdup(title + m + k);
	}
	const char *last = NULL;
	size_t lastk = 0;
	for (size_t i = 0; i < sizeof title_seps / sizeof title_seps[0]; i++) {
		const char *p = title, *q;
		size_t k = strlen(title_seps[i]);
		while ((q = strstr(p, title_seps[i]))) {
			if (!last || q > last) {
				last = q;
				lastk = k;
			}
			p = q + k;
		}
	}
	(void)lastk;
	if (last && words(title, (size_t)(last - title)) >= 3)
		return xstrndup(title, (size_t)(last - title));
	return xstrdup(title);
}

/* The text of the first element with tag (HT_OTHER: any) and flag (when
 * nonzero) in the subtree at root that is not inside a never-shown element
 * but the head. */
static char *first_text(const struct html_tree *t, size_t root, enum html_tag tag, uint16_t flag)
{
	for (size_t i = root; i < t->v[root].end;) {
		const struct html_node *nd = &t->v[i];
		/* The head is never text, but holds the <title>. */
		if (i != root && nd->tag != HT_TEXT && (html_tag_flags((enum html_tag)nd->tag) & TF_DROP)
		    && nd->tag != tag && nd->tag != HT_head) {
			i = nd->end;
			continue;
		}
		if ((tag == HT_OTHER || nd->tag == tag) && (!flag || (nd->flags & flag))
		    && nd->tag != HT_TEXT && nd->tag != HT_ROOT) {
			char *s = html_node_text(t, i, META_FIELD_MAX * 4);
			if (*s)
				return s;
			free(s);
			/* Nothing below it has text either: not walked again for
			 * each element nested in it. */
			i = nd->end;
			continue;
		}
		i++;
	}
	return NULL;
}

/* The datetime of the first <time> (with flag, when nonzero) under root. */
static const char *first_time(const struct html_tree *t, size_t root, uint16_t flag)
{
	for (size_t i = root; i < t->v[root].end; i++)
		if (t->v[i].tag == HT_time && (!flag || (t->v[i].flags & flag))
		    && *html_node_extra(t, i))
			return html_node_extra(t, i);
	return NULL;
}

static void set_owned(struct html_page *pg, enum meta_key k, char *s, const char *rule)
{
	set(pg, k, s, rule);
	free(s);
}

/* ---- all fields ----------------------------------------------------------- */

void html_meta_read(struct html_page *pg, const struct html_tree *t, const struct html_ld *ld,
		    size_t article, const char *byline_text)
{
	/* The site first: the headline's sources are cut by it. */
	set(pg, META_SOURCE, meta_value(t, "og:site_name"), "og:site_name");
	set(pg, META_SOURCE, ld->publisher, "json-ld:publisher");

	const char *site = pg->meta[META_SOURCE];
	char *title_el = first_text(t, 0, HT_title, 0);
	const char *og = meta_value(t, "og:title");
	if (og) {
		/* Some sites append their name to og:title too. */
		char *s = xstrdup(og);
		decode_refs(s);
		fold(s);
		set_owned(pg, META_TITLE, site ? title_headline(s, site) : xstrdup(s), "og:title");
		free(s);
	}
	if (ld->headline) {
		char *s = xstrdup(ld->headline);
		decode_refs(s);
		fold(s);
		set_owned(pg, META_TITLE, site ? title_headline(s, site) : xstrdup(s), "json-ld:headline");
		free(s);
	}
	if (!pg->meta[META_TITLE]) {
		/* Microdata: the element marked itemprop="headline". */
		char *h = first_text(t, 0, HT_OTHER, HN_PROP_HEADLINE);
		if (h)
			set(pg, META_TITLE, h, "itemprop:headline");
		free(h);
	}
	if (!pg->meta[META_TITLE]) {
		/* An <h1> of the article; else the page's only one, when the
		 * <title> holds it too (else it names a section of the site:
		 * "Allergies Health Center"), or there is no <title>. */
		char *h = article ? first_text(t, article, HT_h1, 0) : NULL;
		if (!h) {
			size_t nh1 = 0, first = 0;
			for (size_t i = 0; i < t->n; i++)
				if (t->v[i].tag == HT_h1 && nh1++ == 0)
					first = i;
			if (nh1 == 1)
				h = html_node_text(t, first, META_FIELD_MAX * 4);
			if (h && title_el && *title_el) {
				char *tl = xstrdup(title_el);
				decode_refs(tl);
				fold(tl);
				if (!contains_text(tl, h)) {
					free(h);
					h = NULL;
				}
				free(tl);
			}
		}
		if (h && *h)
			set(pg, META_TITLE, h, "h1");
		free(h);
	}
	if (title_el) {
		decode_refs(title_el);
		fold(title_el);
		set_owned(pg, META_TITLE, title_headline(title_el, site), "title");
	}
	free(title_el);

	set(pg, META_BYLINE, ld->author, "json-ld:author");
	set(pg, META_BYLINE, meta_value(t, "author"), "meta:author");
	if (!pg->meta[META_BYLINE]) {
		char *a = first_text(t, article, HT_OTHER, HN_REL_AUTHOR);
		if (a && strlen(a) < 100)
			set(pg, META_BYLINE, a, "rel-author");
		free(a);
	}
	if (byline_text && strlen(byline_text) < 200)
		set(pg, META_BYLINE, byline_text, "byline-element");

	/* Dates: the machine-readable ones first. */
	static const struct {
		const char *key, *rule;
	} date_metas[] = {
		{ "article:published_time", "article:published_time" },
		{ "og:published_time", "meta:date" }, { "datepublished", "meta:date" },
		{ "date", "meta:date" }, { "pubdate", "meta:date" }, { "publishdate", "meta:date" },
		{ "publish-date", "meta:date" }, { "publish_date", "meta:date" },
		{ "dc.date.issued", "meta:date" }, { "dc.date", "meta:date" },
		{ "dcterms.issued", "meta:date" }, { "dcterms.created", "meta:date" },
		{ "dcterms.date", "meta:date" }, { "sailthru.date", "meta:date" },
		{ "parsely-pub-date", "meta:date" },
	};
	const char *date = ld->date, *date_rule = "json-ld:datePublished";
	for (size_t i = 0; !date && i < sizeof date_metas / sizeof date_metas[0]; i++) {
		date = meta_value(t, date_metas[i].key);
		date_rule = date_metas[i].rule;
	}
	if (!date) {
		date = first_time(t, 0, HN_PROP_DATE);
		date_rule = "itemprop:datePublished";
	}
	if (!date && article) {
		date = first_time(t, article, 0);
		date_rule = "time";
	}
	if (date && set(pg, META_DATE, date, date_rule)) {
		pg->published = xstrdup(pg->meta[META_DATE]);
		/* The header shows a day: "2015-04-22T10:00:00Z" -> "2015-04-22". */
		char *d = pg->meta[META_DATE];
		int iso = strlen(d) >= 10;
		for (int i = 0; iso && i < 10; i++)
			iso = (i == 4 || i == 7) ? d[i] == '-' : (d[i] >= '0' && d[i] <= '9');
		if (iso)
			d[10] = '\0';
	}

	set(pg, META_SECTION, meta_value(t, "article:section"), "article:section");
	set(pg, META_SECTION, ld->section, "json-ld:articleSection");
	/* A headline that only repeats the site's name says nothing. */
	if (pg->meta[META_TITLE] && site && same_text(pg->meta[META_TITLE], strlen(pg->meta[META_TITLE]), site)
	    && strcmp(pg->meta_rule[META_TITLE], "title") == 0) {
		free(pg->meta[META_TITLE]);
		pg->meta[META_TITLE] = NULL;
		pg->meta_rule[META_TITLE] = NULL;
	}
}
