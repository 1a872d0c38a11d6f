/* Unit tests for the html modules: detection, gzip, charsets, the tree,
 * metadata, JSON-LD, block scoring, the text's structure, hostile pages,
 * and the model opening pages. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <unistr.h>
#include <zlib.h>

#include "brief/document.h"
#include "brief/html.h"
#include "brief/html_tree.h"
#include "brief/model.h"
#include "brief/util.h"

/* ---- helpers ----------------------------------------------------------------- */

static struct html_page pg;

static void read_page(const char *html)
{
	html_page_free(&pg);
	html_page_read(&pg, (const uint8_t *)html, strlen(html));
}

static void read_bytes(const void *p, size_t n)
{
	html_page_free(&pg);
	html_page_read(&pg, p, n);
}

static int teardown_page(void **state)
{
	(void)state;
	html_page_free(&pg);
	return 0;
}

static int has(const char *needle)
{
	return pg.text && strstr(pg.text, needle) != NULL;
}

#define assert_has(s)                                                                     \
	do {                                                                              \
		if (!has(s))                                                              \
			fail_msg("text lacks \"%s\"; it is:\n%s", (s), pg.text);          \
	} while (0)
#define assert_lacks(s)                                                                   \
	do {                                                                              \
		if (has(s))                                                               \
			fail_msg("text has \"%s\"; it is:\n%s", (s), pg.text);            \
	} while (0)

/* An article long enough to be one: n paragraphs of prose. */
static void add_prose(struct buf *b, int n, const char *tag)
{
	for (int i = 0; i < n; i++)
		buf_printf(b, "<p>Paragraph %d of the article says, at some length and with commas, "
			   "that the committee met, argued, and agreed on a budget of %d percent, "
			   "which the minister called fair.</p>\n", i + 1, i + 2);
	(void)tag;
}

static char *tmpdir;

static char *tmp_path(const char *name)
{
	char *p;
	if (asprintf(&p, "%s/%s", tmpdir, name) < 0)
		fail_msg("asprintf");
	return p;
}

static void write_file(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static uint8_t *gzip_bytes(const void *p, size_t n, size_t *out_len)
{
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	size_t cap = deflateBound(&zs, (uLong)n) + 64;
	uint8_t *out = xmalloc(cap);
	zs.next_in = (Bytef *)(uintptr_t)p;
	zs.avail_in = (uInt)n;
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	*out_len = cap - zs.avail_out;
	deflateEnd(&zs);
	return out;
}

/* ---- the tag table ------------------------------------------------------------- */

static void test_tag_table_sorted(void **state)
{
	(void)state;
	/* tag_lookup bsearches it: a name out of order would never be found. */
	for (int t = HT_OTHER + 2; t < HT_COUNT; t++)
		if (strcmp(html_tag_name((enum html_tag)(t - 1)), html_tag_name((enum html_tag)t)) >= 0)
			fail_msg("tag table out of order at %s, %s", html_tag_name((enum html_tag)(t - 1)),
				 html_tag_name((enum html_tag)t));
	struct html_tree t;
	const char *page = "<html><body><annotation-xml>x</annotation-xml><blockquote>q</blockquote>"
			   "<xmp>x</xmp><my-widget>w</my-widget></body></html>";
	html_tree_parse(&t, (const uint8_t *)page, strlen(page), 1000);
	int seen_ax = 0, seen_bq = 0, seen_other = 0;
	for (size_t i = 0; i < t.n; i++) {
		seen_ax += t.v[i].tag == HT_annotation_xml;
		seen_bq += t.v[i].tag == HT_blockquote;
		if (t.v[i].tag == HT_OTHER) {
			seen_other++;
			assert_string_equal(html_node_extra(&t, i), "my-widget");
		}
	}
	assert_int_equal(seen_ax, 1);
	assert_int_equal(seen_bq, 1);
	assert_int_equal(seen_other, 1);
	html_tree_free(&t);
}

/* ---- detection ------------------------------------------------------------------ */

static void test_detect_names(void **state)
{
	(void)state;
	assert_true(html_name_says_html("page.html"));
	assert_true(html_name_says_html("dir.d/PAGE.HTM"));
	assert_true(html_name_says_html("a.xhtml"));
	assert_true(html_name_says_html("a.shtml"));
	assert_true(html_name_says_html("saved.html.gz"));
	assert_false(html_name_says_html("notes.txt"));
	assert_false(html_name_says_html("html"));
	assert_false(html_name_says_html("a.html.txt"));
	assert_false(html_name_says_html("notes.txt.gz"));
	assert_false(html_name_says_html(NULL));
	assert_true(html_name_says_gzip("x.GZ"));
	assert_false(html_name_says_gzip("x.gzip"));
	assert_false(html_name_says_gzip(NULL));
}

static void test_detect_first_bytes(void **state)
{
	(void)state;
	static const char *const yes[] = {
		"<!DOCTYPE html><title>x</title>", "<!doctype HTML>", "  \n\t<html lang=en>",
		"<HEAD><title>t</title>", "<body>", "\xEF\xBB\xBF<html>",
		"<!-- saved from url=(0042)https://example.org/ -->\n<html>",
		"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">",
		"<!doctype   html>",
	};
	static const char *const no[] = {
		"", "Hello <html>", "<htmlx>", "<!doctype svg>", "<p>a paragraph</p>",
		"<!-- a comment that never ends", "# Markdown\n<html>", "<?xml never ends",
	};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (!html_looks_like_html((const uint8_t *)yes[i], strlen(yes[i])))
			fail_msg("not seen as HTML: %s", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (html_looks_like_html((const uint8_t *)no[i], strlen(no[i])))
			fail_msg("seen as HTML: %s", no[i]);
	/* UTF-16 with its BOM, both byte orders. */
	static const uint8_t le[] = { 0xFF, 0xFE, '<', 0, 'h', 0, 't', 0, 'm', 0, 'l', 0, '>', 0 };
	static const uint8_t be[] = { 0xFE, 0xFF, 0, '<', 0, 'b', 0, 'o', 0, 'd', 0, 'y', 0, '>' };
	assert_true(html_looks_like_html(le, sizeof le));
	assert_true(html_looks_like_html(be, sizeof be));
	static const uint8_t gz[] = { 0x1f, 0x8b, 8, 0 };
	assert_true(html_is_gzip(gz, sizeof gz));
	assert_false(html_is_gzip(gz, 1));
	assert_false(html_is_gzip((const uint8_t *)"<html>", 6));
}

/* ---- gzip ------------------------------------------------------------------------ */

static void test_gunzip(void **state)
{
	(void)state;
	const char *text = "<html><body><p>Inflated through zlib.</p></body></html>\n";
	size_t zn, n;
	uint8_t *z = gzip_bytes(text, strlen(text), &zn), *out;
	const char *why = NULL;
	assert_int_equal(html_gunzip(z, zn, DOC_READ_MAX, &out, &n, &why), 0);
	assert_int_equal(n, strlen(text));
	assert_memory_equal(out, text, n);
	assert_int_equal(out[n], '\0');
	free(out);

	/* Two members, as `cat a.gz b.gz` makes: one text. */
	uint8_t *two = xmalloc(2 * zn);
	memcpy(two, z, zn);
	memcpy(two + zn, z, zn);
	assert_int_equal(html_gunzip(two, 2 * zn, DOC_READ_MAX, &out, &n, &why), 0);
	assert_int_equal(n, 2 * strlen(text));
	free(out);
	free(two);

	/* Cut short, corrupt, over the limit, not gzip: a message, nothing out. */
	assert_int_equal(html_gunzip(z, zn - 9, DOC_READ_MAX, &out, &n, &why), -1);
	assert_null(out);
	assert_string_equal(why, "the gzip data ends early (truncated)");
	uint8_t *bad = xmalloc(zn);
	memcpy(bad, z, zn);
	memset(bad + 10, 0xFF, zn - 20);
	assert_int_equal(html_gunzip(bad, zn, DOC_READ_MAX, &out, &n, &why), -1);
	assert_string_equal(why, "the gzip data is corrupt");
	free(bad);
	assert_int_equal(html_gunzip(z, zn, 10, &out, &n, &why), -1);
	assert_string_equal(why, "it decompresses to more than the limit");
	assert_int_equal(html_gunzip((const uint8_t *)"plain", 5, DOC_READ_MAX, &out, &n, &why), -1);
	assert_string_equal(why, "not gzip data");
	free(z);

	/* A bomb: 64 MiB of zeros stops at the limit, not at the end. */
	size_t big = (size_t)64 << 20;
	uint8_t *zeros = xcalloc(big, 1);
	z = gzip_bytes(zeros, big, &zn);
	free(zeros);
	assert_true(zn < big / 500);
	assert_int_equal(html_gunzip(z, zn, (size_t)1 << 20, &out, &n, &why), -1);
	assert_null(out);
	free(z);
}

/* ---- charsets ---------------------------------------------------------------------- */

static void test_charset_bom(void **state)
{
	(void)state;
	/* UTF-16 LE with a BOM: the BOM wins over a meta saying otherwise. */
	const char *src = "<html><head><meta charset=\"windows-1252\"></head><body><p>h\xc3\xa9llo "
			  "w\xc3\xb6rld, \xe6\x97\xa5\xe6\x9c\xac and \xf0\x9f\x98\x80 in a paragraph that is "
			  "long enough to count as one.</p></body></html>";
	size_t n = strlen(src), un;
	uint16_t *u16 = u8_to_u16((const uint8_t *)src, n, NULL, &un);
	assert_non_null(u16);
	uint8_t *b = xmalloc(2 + 2 * un);
	b[0] = 0xFF;
	b[1] = 0xFE;
	for (size_t i = 0; i < un; i++) {
		b[2 + 2 * i] = (uint8_t)(u16[i] & 0xFF);
		b[3 + 2 * i] = (uint8_t)(u16[i] >> 8);
	}
	read_bytes(b, 2 + 2 * un);
	assert_string_equal(pg.charset.rule, "bom");
	assert_string_equal(pg.charset.name, "UTF-16LE");
	assert_has("h\xc3\xa9llo w\xc3\xb6rld, \xe6\x97\xa5\xe6\x9c\xac and \xf0\x9f\x98\x80");
	free(b);
	free(u16);
	/* A UTF-8 BOM is not text. */
	read_page("\xEF\xBB\xBF<html><body><p>Caf\xc3\xa9</p></body></html>");
	assert_string_equal(pg.charset.rule, "bom");
	assert_string_equal(pg.text, "Caf\xc3\xa9\n");
}

static void test_charset_declared(void **state)
{
	(void)state;
	/* windows-1252 by <meta charset>: smart quotes and é. */
	read_page("<html><head><meta charset=\"windows-1252\"><title>t</title></head>"
		  "<body><p>\x93Quoted\x94 caf\xe9 \x80 5</p></body></html>");
	assert_string_equal(pg.charset.rule, "meta-charset");
	assert_string_equal(pg.charset.declared, "windows-1252");
	assert_has("\xe2\x80\x9cQuoted\xe2\x80\x9d caf\xc3\xa9 \xe2\x82\xac 5");
	/* iso-8859-1 is read as windows-1252, as browsers do: 0x80 is the euro. */
	read_page("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
		  "</head><body><p>\x80 100, na\xefve</p></body></html>");
	assert_string_equal(pg.charset.rule, "http-equiv");
	assert_string_equal(pg.charset.name, "WINDOWS-1252");
	assert_has("\xe2\x82\xac 100, na\xc3\xafve");
	/* Shift_JIS by http-equiv: 日本 is 93 FA 96 7B. */
	read_page("<html><head><meta http-equiv=\"content-type\" content='text/html;charset=Shift_JIS'>"
		  "</head><body><p>\x93\xfa\x96\x7b</p></body></html>");
	assert_string_equal(pg.charset.rule, "http-equiv");
	assert_has("\xe6\x97\xa5\xe6\x9c\xac");
	/* The bytes are UTF-8 though gb2312 is declared: a re-encoded save. */
	read_page("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
		  "</head><body><p>\xe4\xba\xba\xe5\xb7\xa5\xe6\x99\xba\xe8\x83\xbd</p></body></html>");
	assert_string_equal(pg.charset.rule, "utf-8-valid");
	assert_string_equal(pg.charset.declared, "gb2312");
	assert_has("\xe4\xba\xba\xe5\xb7\xa5\xe6\x99\xba\xe8\x83\xbd");
	/* An unknown label counts as none; nothing declared and not UTF-8 is
	 * windows-1252. */
	read_page("<html><head><meta charset=\"x-no-such-thing\"></head><body><p>caf\xe9</p></body></html>");
	assert_string_equal(pg.charset.rule, "default");
	assert_has("caf\xc3\xa9");
	read_page("<html><body><p>plain ASCII</p></body></html>");
	assert_string_equal(pg.charset.rule, "utf-8-valid");
	assert_int_equal(pg.charset.invalid, 0);
}

static void test_charset_invalid_bytes(void **state)
{
	(void)state;
	/* Declared UTF-8 with bytes that are not: each a U+FFFD, the rest of
	 * the page still read (libxml2 alone would switch to Latin-1). */
	read_page("<html><head><meta charset=\"utf-8\"></head><body><p>before \xff\xfe middle "
		  "\xe2\x82 after \xc3\xa9t\xc3\xa9</p><p>second</p></body></html>");
	assert_string_equal(pg.charset.name, "UTF-8");
	assert_int_equal(pg.charset.invalid, 3);
	assert_has("before \xef\xbf\xbd\xef\xbf\xbd middle \xef\xbf\xbd after \xc3\xa9t\xc3\xa9");
	assert_has("second");
	assert_null(u8_check((const uint8_t *)pg.text, pg.len));
	/* A NUL byte ended the page for libxml2: it is a U+FFFD now, and
	 * what follows it is read. */
	static const char nul[] = "<html><body><p>before</p>\0<p>after the NUL</p></body></html>";
	read_bytes(nul, sizeof nul - 1);
	assert_has("before");
	assert_has("after the NUL");
	assert_int_equal(pg.charset.invalid, 1);
	/* Declared Shift_JIS with a byte that is not: replaced, rest read. */
	read_page("<html><head><meta charset=\"shift_jis\"></head><body><p>\x93\xfa\xa0\xff\x96\x7b"
		  " end</p></body></html>");
	assert_true(pg.charset.invalid >= 1);
	assert_has(" end");
	assert_has("\xe6\x97\xa5");
	assert_null(u8_check((const uint8_t *)pg.text, pg.len));
}

/* ---- metadata ---------------------------------------------------------------------- */

static void test_meta_title_sources(void **state)
{
	(void)state;
	read_page("<html><head><title>Title words of the page | Site</title>"
		  "<meta property=\"og:title\" content=\"The og title\">"
		  "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"LD headline\"}</script>"
		  "</head><body><h1>The h1</h1></body></html>");
	assert_string_equal(pg.meta[META_TITLE], "The og title");
	assert_string_equal(pg.meta_rule[META_TITLE], "og:title");
	read_page("<html><head><title>Title words of the page | Site</title>"
		  "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"LD &amp; headline\"}</script>"
		  "</head><body><h1>The h1</h1></body></html>");
	assert_string_equal(pg.meta[META_TITLE], "LD & headline");
	assert_string_equal(pg.meta_rule[META_TITLE], "json-ld:headline");
	/* Microdata's headline before any <h1>. */
	read_page("<html><head><title>T</title></head><body><h1>Site name</h1><article>"
		  "<h2 itemprop=\"headline\">The  microdata headline</h2></article></body></html>");
	assert_string_equal(pg.meta[META_TITLE], "The microdata headline");
	assert_string_equal(pg.meta_rule[META_TITLE], "itemprop:headline");
	/* The page's only <h1>, when its <title> holds it (the h1 has no
	 * site suffix to cut) or there is no <title>... */
	read_page("<html><head><title>The ONLY h1 - Site</title></head><body><h1>The only h1</h1></body></html>");
	assert_string_equal(pg.meta[META_TITLE], "The only h1");
	assert_string_equal(pg.meta_rule[META_TITLE], "h1");
	read_page("<html><body><h1>The only h1</h1></body></html>");
	assert_string_equal(pg.meta[META_TITLE], "The only h1");
	/* ...not a site's section heading the <title> does not name. */
	read_page("<html><head><title>Babies who eat peanuts early may avoid allergy</title></head>"
		  "<body><h1>Allergies Health Center</h1></body></html>");
	assert_string_equal(pg.meta[META_TITLE], "Babies who eat peanuts early may avoid allergy");
	assert_string_equal(pg.meta_rule[META_TITLE], "title");
	/* The site's name cut from <title>, either end. */
	read_page("<html><head><title>Rates rise again &#8211; The Daily Example</title>"
		  "<meta property=\"og:site_name\" content=\"The Daily Example\"></head><body></body></html>");
	assert_string_equal(pg.meta[META_TITLE], "Rates rise again");
	assert_string_equal(pg.meta_rule[META_TITLE], "title");
	read_page("<html><head><title>Daily Example | Rates rise again</title>"
		  "<meta property=\"og:site_name\" content=\"daily example\"></head><body></body></html>");
	assert_string_equal(pg.meta[META_TITLE], "Rates rise again");
	/* Unknown site: the part before the last separator, when a headline. */
	read_page("<html><head><title>Rates rise for a third month - Business - Example</title></head></html>");
	assert_string_equal(pg.meta[META_TITLE], "Rates rise for a third month - Business");
	read_page("<html><head><title>Short - Example</title></head></html>");
	assert_string_equal(pg.meta[META_TITLE], "Short - Example");
	/* og:title with the site appended. */
	read_page("<html><head><meta property=\"og:site_name\" content=\"Example\">"
		  "<meta property=\"og:title\" content=\"Rates rise | Example\"></head></html>");
	assert_string_equal(pg.meta[META_TITLE], "Rates rise");
}

static void test_meta_byline_sources(void **state)
{
	(void)state;
	read_page("<html><head><script type=\"application/ld+json\">"
		  "{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ann One\"},"
		  "{\"name\":\"Bo Two\"},\"Cy Three\",\"Ann One\"]}</script>"
		  "<meta name=\"author\" content=\"Meta Author\"></head><body></body></html>");
	assert_string_equal(pg.meta[META_BYLINE], "Ann One, Bo Two and Cy Three");
	assert_string_equal(pg.meta_rule[META_BYLINE], "json-ld:author");
	read_page("<html><head><meta name=\"author\" content=\"  Meta   Author \"></head><body></body></html>");
	assert_string_equal(pg.meta[META_BYLINE], "Meta Author");
	assert_string_equal(pg.meta_rule[META_BYLINE], "meta:author");
	/* A URL is not a name. */
	read_page("<html><head><meta name=\"author\" content=\"https://social.example/jane\"></head>"
		  "<body><p>By <a rel=\"author\" href=\"/j\">Jane Roe</a></p></body></html>");
	assert_string_equal(pg.meta[META_BYLINE], "Jane Roe");
	assert_string_equal(pg.meta_rule[META_BYLINE], "rel-author");
	struct buf b = { 0 };
	buf_adds(&b, "<html><body><article><div class=\"story-byline\">BY  JANE DOE |</div>");
	add_prose(&b, 6, "p");
	buf_adds(&b, "</article></body></html>");
	read_page(b.data);
	assert_string_equal(pg.meta[META_BYLINE], "JANE DOE");
	assert_string_equal(pg.meta_rule[META_BYLINE], "byline-element");
	/* The byline is in the header, not the text. */
	assert_lacks("JANE DOE");
	assert_int_equal(pg.dropped[HTML_DROP_BYLINE], 1);
	buf_free(&b);
	static const char *const cases[][2] = {
		{ "Written by:  Sam  Poe ,", "Sam Poe" },
		{ "Tech Industry by Steven Musil January 18, 2017 11:00 PM PST @stevenmusil", "Steven Musil" },
		{ "Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin" },
		{ "Laura June Topolsky July 10, 2015", "Laura June Topolsky" },
		{ "Lucas Nolan22 Dec 2016651", "Lucas Nolan" },
		{ "por C\xc3\xa9sar Salza 1 de diciembre de 2017", "C\xc3\xa9sar Salza" },
		{ "Sunday, Feb 1, 2015 11:57 AM UTC", "" },
		{ "Last Updated:", "" },
		{ "Jane Doe | Games Editor", "Jane Doe" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = xstrdup(cases[i][0]);
		html_meta_clean_byline(s);
		if (strcmp(s, cases[i][1]) != 0)
			fail_msg("\"%s\" cleaned to \"%s\", expected \"%s\"", cases[i][0], s, cases[i][1]);
		free(s);
	}
}

static void test_meta_site_date_section(void **state)
{
	(void)state;
	read_page("<html><head><script type=\"application/ld+json\">"
		  "{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Not This\"},"
		  "{\"@type\":[\"NewsArticle\",\"Thing\"],\"datePublished\":\"2024-05-06T07:08:09Z\","
		  "\"articleSection\":[\"Politics\",\"Europe\"],"
		  "\"publisher\":{\"@type\":\"Organization\",\"name\":\"LD Publisher\"}}]}</script>"
		  "<meta property=\"article:published_time\" content=\"2001-01-01\"></head><body></body></html>");
	assert_string_equal(pg.meta[META_DATE], "2024-05-06");
	assert_string_equal(pg.meta_rule[META_DATE], "json-ld:datePublished");
	assert_string_equal(pg.published, "2024-05-06T07:08:09Z");
	assert_string_equal(pg.meta[META_SOURCE], "LD Publisher");
	assert_string_equal(pg.meta_rule[META_SOURCE], "json-ld:publisher");
	assert_string_equal(pg.meta[META_SECTION], "Politics");
	read_page("<html><head><meta property=\"og:site_name\" content=\"OG Site\">"
		  "<meta property=\"article:published_time\" content=\"2001-02-03T04:05:06+01:00\">"
		  "<meta property=\"article:section\" content=\"Opinion\"></head><body></body></html>");
	assert_string_equal(pg.meta[META_SOURCE], "OG Site");
	assert_string_equal(pg.meta[META_DATE], "2001-02-03");
	assert_string_equal(pg.meta_rule[META_DATE], "article:published_time");
	assert_string_equal(pg.meta_rule[META_SECTION], "article:section");
	/* A <time> of the article; a date not in ISO form is kept as written. */
	struct buf b = { 0 };
	buf_adds(&b, "<html><body><nav><time datetime=\"1999-09-09\">old</time></nav><article>"
		     "<time datetime=\"March 3, 2015\">3 March</time>");
	add_prose(&b, 6, "p");
	buf_adds(&b, "</article></body></html>");
	read_page(b.data);
	assert_string_equal(pg.meta[META_DATE], "March 3, 2015");
	assert_string_equal(pg.meta_rule[META_DATE], "time");
	buf_free(&b);
}

static void test_meta_none_invented(void **state)
{
	(void)state;
	struct buf b = { 0 };
	buf_adds(&b, "<html><body><div>");
	add_prose(&b, 6, "p");
	buf_adds(&b, "</div></body></html>");
	read_page(b.data);
	for (int k = 0; k < META_COUNT; k++) {
		assert_null(pg.meta[k]);
		assert_null(pg.meta_rule[k]);
	}
	assert_null(pg.published);
	buf_free(&b);
}

static void test_jsonld_robust(void **state)
{
	(void)state;
	struct html_ld ld = { 0 };
	const char *cases[] = {
		"{\"@type\":\"NewsArticle\",\"headline\":\"unterminated",
		"{\"@type\":\"NewsArticle\",\"headline\":1e5x}",
		"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{\"@type\":\"NewsArticle\",\"headline\":\"deep\"}]]]",
		"{\"@type\":\"NewsArticle\",\"headline\":\"\\ud83d\\ude00 and \\ud800 alone\\u0041\"}",
		"; {\"@type\": \"http://schema.org/BlogPosting\", \"name\": \"by name\", \"author\": {\"name\": \"A\"}}",
		"",
		"{\"a\":{\"b\":{\"@type\":\"Article\",\"author\":[\"X\",{\"@type\":\"Organization\",\"name\":\"Org\"}]}}}",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		html_ld_read(&ld, cases[i], strlen(cases[i]));
	/* Too deep and malformed ones gave nothing; the good ones did. */
	assert_non_null(ld.headline);
	assert_string_equal(ld.headline, "\xf0\x9f\x98\x80 and \xef\xbf\xbd aloneA");
	assert_string_equal(ld.author, "A");
	html_ld_free(&ld);
	const char *org = "{\"a\":{\"b\":{\"@type\":\"Article\",\"author\":[\"X\",{\"@type\":\"Organization\",\"name\":\"Org\"}]}}}";
	html_ld_read(&ld, org, strlen(org));
	assert_string_equal(ld.author, "X and Org");
	assert_null(ld.headline);
	html_ld_free(&ld);
}

/* ---- scoring and choosing ---------------------------------------------------------- */

static void test_score_picks_article(void **state)
{
	(void)state;
	struct buf b = { 0 };
	buf_adds(&b, "<html><body><div id=\"menu\"><ul>");
	for (int i = 0; i < 30; i++)
		buf_printf(&b, "<li><a href=\"/s%d\">Section number %d of the site</a></li>", i, i);
	buf_adds(&b, "</ul></div><div class=\"layout\"><div class=\"tools\"><a href=\"#\">Print</a></div>"
		     "<div class=\"story-text\">");
	add_prose(&b, 5, "p");
	buf_adds(&b, "</div><div class=\"comments-list\">");
	for (int i = 0; i < 12; i++)
		buf_printf(&b, "<div class=\"comment\"><p>Comment %d: I disagree with this, strongly, "
			   "because the budget, as everyone knows, was never going to be fair to us.</p></div>", i);
	buf_adds(&b, "</div><div class=\"sidebar\"><p><a href=\"/x\">A teaser with a long link text "
		     "that goes on and on about nothing at all</a></p></div></div></body></html>");
	read_page(b.data);
	assert_true(pg.article.found);
	assert_string_equal(pg.article.rule, "score");
	assert_string_equal(pg.article.element, "div.story-text");
	assert_string_equal(pg.article.path, "/html/body/div[2]/div[2]");
	assert_int_equal(pg.article.paragraphs, 5);
	assert_has("Paragraph 1 of the article");
	assert_has("Paragraph 5 of the article");
	assert_lacks("Comment 1:");
	assert_lacks("Section number");
	assert_lacks("teaser");
	assert_lacks("Print");
	assert_true(pg.dropped[HTML_DROP_CLASS] >= 2);
	assert_non_null(strstr(pg.article.why, "div.story-text"));
	buf_free(&b);
}

static void test_score_link_density(void **state)
{
	(void)state;
	/* Two containers of paragraphs alike but for links: the prose wins. */
	struct buf b = { 0 };
	buf_adds(&b, "<html><body><div id=\"a\">");
	for (int i = 0; i < 8; i++)
		buf_printf(&b, "<p><a href=\"/%d\">Linked paragraph %d, with a comma, and another, and "
			   "text long enough to score as one paragraph of a list</a></p>", i, i);
	buf_adds(&b, "</div><div id=\"b\">");
	add_prose(&b, 6, "p");
	buf_adds(&b, "</div></body></html>");
	read_page(b.data);
	assert_string_equal(pg.article.element, "div#b");
	assert_lacks("Linked paragraph");
	assert_true(pg.article.link_density < 0.01);
	buf_free(&b);
}

static void test_score_siblings(void **state)
{
	(void)state;
	/* An article split by an advert into two parts of one class: both
	 * parts, not the advert; a lone prose paragraph beside them too. */
	struct buf b = { 0 };
	buf_adds(&b, "<html><body><main><div class=\"part\">");
	add_prose(&b, 6, "p");
	buf_adds(&b, "</div><div class=\"promo\"><a href=\"/buy\">Buy now</a></div><div class=\"part\">"
		     "<p>The second part, after the advert, says that the vote, when it came, was close, "
		     "tense, and late.</p><p>It ended past midnight, with a count of 52 to 48.</p></div>"
		     "<p>A closing paragraph of the article, standing alone, in plain prose, after the parts, "
		     "without any link.</p></main></body></html>");
	read_page(b.data);
	assert_has("Paragraph 6 of the article");
	assert_has("The second part, after the advert");
	assert_has("A closing paragraph");
	assert_lacks("Buy now");
	buf_free(&b);
}

static void test_no_article(void **state)
{
	(void)state;
	read_page("<html><head><title>Not found</title></head><body><nav><a href=\"/\">Home</a> "
		  "<a href=\"/news\">News</a></nav><p>Page not found.</p><script>var x = 1;</script>"
		  "<div hidden>secret</div></body></html>");
	assert_false(pg.article.found);
	assert_string_equal(pg.article.rule, "whole-page");
	assert_null(pg.article.element);
	assert_has("Home");
	assert_has("Page not found.");
	assert_lacks("var x");
	assert_lacks("secret");
	assert_non_null(strstr(pg.article.why, "the whole page is shown"));
	/* Nothing at all. */
	read_page("");
	assert_false(pg.article.found);
	assert_string_equal(pg.text, "");
	assert_int_equal(pg.len, 0);
	assert_int_equal(pg.nblocks, 0);
	read_page("   \n  ");
	assert_string_equal(pg.text, "");
}

static void test_lenient_tries(void **state)
{
	(void)state;
	/* The article sits in an element named like chrome: the first try
	 * leaves it out and finds little; a later one keeps it. */
	struct buf b = { 0 };
	buf_adds(&b, "<html><body><div class=\"sidebar-layout\">");
	add_prose(&b, 6, "p");
	buf_adds(&b, "</div><p>Short other text here, by itself.</p></body></html>");
	read_page(b.data);
	assert_true(pg.article.found);
	/* Kept, it still weighs -25 and is cleaned out as negative: the try
	 * that does not weigh classes finds it. */
	assert_string_equal(pg.article.rule, "score:no-class-weight");
	assert_int_equal(pg.article.ntries, 3);
	assert_string_equal(pg.article.element, "div.sidebar-layout");
	assert_string_equal(pg.article.tries[0].rule, "score");
	assert_true(pg.article.tries[0].chars < 500);
	assert_has("Paragraph 6 of the article");
	buf_free(&b);
}

/* ---- the text's structure -------------------------------------------------------------- */

static const struct html_block *block_with(const char *s)
{
	const char *p = strstr(pg.text, s);
	if (!p)
		fail_msg("no \"%s\" in:\n%s", s, pg.text);
	const struct html_block *b = html_block_at(&pg, (size_t)(p - pg.text));
	if (!b)
		fail_msg("\"%s\" is in no block", s);
	return b;
}

static void test_structure(void **state)
{
	(void)state;
	struct buf b = { 0 };
	buf_adds(&b, "<html><head><meta property=\"og:title\" content=\"The Headline\"></head><body><article>"
		     "<h1>The  headline</h1>");
	add_prose(&b, 4, "p");
	buf_adds(&b, "<h2>A sub<em>heading</em></h2>"
		     "<ul><li>first item</li><li>second <b>item</b><ul><li>nested item</li></ul></li></ul>"
		     "<ol><li>one</li><li>two</li><li><p>three, a paragraph</p><p>and its second one</p></li></ol>"
		     "<blockquote><p>Quoted words, said at length by someone.</p></blockquote>"
		     "<figure><img src=x alt=\"alt text\"><figcaption>A caption, credited.</figcaption></figure>"
		     "<pre>code line 1\n\tindented\ncode line 3</pre>"
		     "<p>Line one<br>line two<br><br>new paragraph</p>"
		     "<table><tr><th>Country</th><th>Share</th></tr><tr><td>Northland</td><td>1.5%</td></tr></table>"
		     "<p>He said <q>no</q>.</p>"
		     "</article></body></html>");
	read_page(b.data);
	buf_free(&b);
	/* The headline is in the header: the article's first heading, equal
	 * to it but for case and spaces, is left out. */
	assert_lacks("The  headline");
	assert_lacks("The headline\n");
	assert_int_equal(pg.dropped[HTML_DROP_TITLE], 1);
	const struct html_block *h = block_with("A subheading");
	assert_int_equal(h->kind, HTML_BLOCK_HEADING);
	assert_int_equal(h->level, 2);
	assert_has("\n\n\xe2\x80\xa2 first item\n\xe2\x80\xa2 second item\n  \xe2\x80\xa2 nested item\n\n");
	assert_int_equal(block_with("first item")->kind, HTML_BLOCK_ITEM);
	assert_int_equal(block_with("nested item")->level, 2);
	assert_has("\n\n1. one\n2. two\n3. three, a paragraph\n   and its second one\n\n");
	assert_has("\n> Quoted words, said at length by someone.\n");
	assert_int_equal(block_with("Quoted words")->kind, HTML_BLOCK_QUOTE);
	assert_int_equal(block_with("A caption")->kind, HTML_BLOCK_CAPTION);
	assert_lacks("alt text");
	assert_has("\ncode line 1\n        indented\ncode line 3\n");
	assert_int_equal(block_with("indented")->kind, HTML_BLOCK_CODE);
	assert_has("\nLine one\nline two\n\nnew paragraph\n");
	assert_has("\nCountry | Share\nNorthland | 1.5%\n");
	assert_int_equal(block_with("Northland | 1.5%")->kind, HTML_BLOCK_ROW);
	assert_has("He said \xe2\x80\x9cno\xe2\x80\x9d.");
	/* Blocks: in order, inside the text, each followed by its LF, never
	 * holding a blank line; between them only LFs. */
	size_t prev_end = 0;
	for (size_t i = 0; i < pg.nblocks; i++) {
		const struct html_block *k = &pg.blocks[i];
		assert_true(k->off < k->end);
		assert_true(k->end < pg.len);
		assert_int_equal(pg.text[k->end], '\n');
		assert_null(memmem(pg.text + k->off, k->end - k->off, "\n\n", 2));
		for (size_t j = prev_end; j < k->off; j++)
			assert_int_equal(pg.text[j], '\n');
		prev_end = k->end;
	}
	assert_int_equal(pg.len, prev_end + 1);
	assert_int_equal(pg.text[pg.len], '\0');
}

static void test_hidden_and_never_text(void **state)
{
	(void)state;
	struct buf b = { 0 };
	buf_adds(&b, "<html><body><article>");
	add_prose(&b, 5, "p");
	buf_adds(&b, "<p style=\"color: red; display : none\">display none</p>"
		     "<p style=\"visibility:hidden\">visibility hidden</p>"
		     "<p hidden>hidden attribute</p><span aria-hidden=\"true\">aria hidden</span>"
		     "<p style=\"min-display:none\">shown though</p>"
		     "<script>script text</script><style>p { color: red }</style>"
		     "<noscript>noscript text</noscript><template>template text</template>"
		     "<svg><text>svg text</text></svg><form><input type=hidden value=v><select><option>opt"
		     "</option></select><textarea>area</textarea><button>Press</button></form>"
		     "<iframe>frame text</iframe><object>object text</object>"
		     "</article></body></html>");
	read_page(b.data);
	buf_free(&b);
	static const char *const gone[] = {
		"display none", "visibility hidden", "hidden attribute", "aria hidden", "script text",
		"color: red", "noscript text", "template text", "svg text", "opt", "area", "Press",
		"frame text", "object text",
	};
	for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
		assert_lacks(gone[i]);
	assert_has("shown though");
	assert_true(pg.dropped[HTML_DROP_HIDDEN] >= 4);
	assert_true(pg.dropped[HTML_DROP_NONCONTENT] >= 6);
}

/* Nothing of a page reaches the terminal as a control: what the page
 * holds is replaced as document.c would, and loading the text as a
 * document changes nothing. */
static void test_controls_sanitised(void **state)
{
	(void)state;
	read_page("<html><body><p>esc &#27;[31m red, raw \x1b[2J bel \x07, c1 &#x9b;31m, "
		  "nul &#0; del \x7f, bidi &#x202e;evil&#x202c;, soft&shy;hyphen, zero&#x200b;width, "
		  "lrm&#x200e; ok</p></body></html>");
	for (size_t i = 0; i < pg.len; i++) {
		unsigned char c = (unsigned char)pg.text[i];
		if (c < 0x20 && c != '\n')
			fail_msg("control 0x%02x at %zu in %s", c, i, pg.text);
		assert_true(c != 0x7f);
	}
	assert_null(strstr(pg.text, "\xc2\x9b"));
	assert_null(strstr(pg.text, "\xe2\x80\xae"));
	assert_has("softhyphen");
	assert_has("zerowidth");
	assert_has("lrm ok");
	assert_has(" red");
	struct doc d;
	doc_load_mem(&d, "page", (const uint8_t *)pg.text, pg.len);
	assert_ptr_equal(d.text, d.orig);
	assert_int_equal(d.len, pg.len);
	doc_free(&d);
}

/* ---- hostile pages ------------------------------------------------------------------------ */

static void test_deep_nesting(void **state)
{
	(void)state;
	/* 300,000 nested divs around a paragraph, then 100,000 unclosed <b>:
	 * libxml2's own tree stops at depth 256; this one walks in loops. */
	struct buf b = { 0 };
	buf_adds(&b, "<html><body>");
	for (int i = 0; i < 300000; i++)
		buf_adds(&b, "<div>");
	add_prose(&b, 3, "p");
	for (int i = 0; i < 300000; i++)
		buf_adds(&b, "</div>");
	for (int i = 0; i < 100000; i++)
		buf_adds(&b, "<b>");
	buf_adds(&b, "tail text</body></html>");
	read_page(b.data);
	buf_free(&b);
	assert_has("Paragraph 3 of the article");
	assert_true(pg.elements > 400000);
	assert_false(pg.truncated);
	/* The divs wrap one another only: the outermost is taken. */
	assert_string_equal(pg.article.path, "/html/body/div[1]");
	assert_lacks("tail text");
}

/* Seconds of CPU this process has used. */
static double cpu_seconds(void)
{
	return (double)clock() / CLOCKS_PER_SEC;
}

/* Shapes that cost a walk per element made a page's time quadratic in
 * its depth: 200,000 nested divs around paragraphs without commas took
 * 177 s of CPU when each div was cleaned by walking its subtree; nested
 * lists, tables and empty author links the same.  Linear, all of them
 * take well under a second; the bound leaves room for sanitizers. */
static void test_nesting_stays_linear(void **state)
{
	(void)state;
	struct buf b = { 0 };
	buf_adds(&b, "<html><body>");
	for (int i = 0; i < 200000; i++)
		buf_adds(&b, "<div>");
	for (int i = 0; i < 3; i++)
		buf_adds(&b, "<p>A paragraph of the article that says what it has to say without any comma "
			     "at all and goes on for long enough.</p>");
	for (int i = 0; i < 200000; i++)
		buf_adds(&b, "</div>");
	for (int i = 0; i < 50000; i++)
		buf_adds(&b, "<ul><li>item with words");
	for (int i = 0; i < 20000; i++)
		buf_adds(&b, "<table><tr><td>cell");
	for (int i = 0; i < 20000; i++)
		buf_adds(&b, "<span rel=\"author\" itemprop=\"author\">");
	buf_adds(&b, "</body></html>");
	double t0 = cpu_seconds();
	read_page(b.data);
	double spent = cpu_seconds() - t0;
	buf_free(&b);
	assert_has("without any comma");
	if (spent > 10)
		fail_msg("%.1f s of CPU: quadratic somewhere", spent);
	/* Nested lists indent eight deep at most. */
	assert_null(strstr(pg.text, "                  \xe2\x80\xa2"));
}

/* libxml2 checks each attribute against all before it: a tag with 200,000
 * takes it about 45 s.  Past 1,024 they are blanked first; a megabyte of
 * data: URI is one attribute and stays whole. */
static void test_attribute_flood(void **state)
{
	(void)state;
	struct buf b = { 0 };
	buf_adds(&b, "<html><body><div id=\"x\" ");
	for (int i = 0; i < 200000; i++)
		buf_printf(&b, "a%d=\"v\" b%d ", i, i);
	buf_adds(&b, "class=\"late\"><p>After the flood, the article goes on, with commas, long enough "
		     "to be one, and then some more words.</p>");
	buf_adds(&b, "<p>An image: <img alt=\"kept\" src=\"data:image/png;base64,");
	for (int i = 0; i < 1 << 20; i++)
		buf_addc(&b, "ABCD"[i & 3]);
	buf_adds(&b, "\" title=\"a > b\"> and the text after it, also long enough to read.</p></div></body></html>");
	double t0 = cpu_seconds();
	read_page(b.data);
	double spent = cpu_seconds() - t0;
	buf_free(&b);
	assert_int_equal(pg.attribute_floods, 1);
	assert_has("After the flood");
	assert_has("An image: and the text after it");
	if (spent > 10)
		fail_msg("%.1f s of CPU for one tag's attributes", spent);
	/* A page without a flood is not copied: nothing to say. */
	read_page("<html><body><p>Plain.</p></body></html>");
	assert_int_equal(pg.attribute_floods, 0);
}

static void test_unterminated_comment(void **state)
{
	(void)state;
	struct buf b = { 0 };
	buf_adds(&b, "<html><body><div>");
	add_prose(&b, 4, "p");
	buf_adds(&b, "<!-- this comment never ends <p>hidden in the comment</p>");
	for (int i = 0; i < 1000; i++)
		buf_adds(&b, "more comment ");
	read_page(b.data);
	buf_free(&b);
	/* As a browser: the rest of the page is the comment. */
	assert_has("Paragraph 4 of the article");
	assert_lacks("hidden in the comment");
	assert_lacks("more comment");
	/* An unterminated tag, CDATA, script and attribute, for good measure. */
	static const char *const cuts[] = {
		"<html><body><p>text before<div class=\"unterminated", "<html><body><p>text before<script>var a = '",
		"<html><body><p>text before<![CDATA[ never", "<html><body><p>text before<a href='x",
	};
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		read_page(cuts[i]);
		assert_has("text before");
	}
}

static void test_big_page(void **state)
{
	(void)state;
	/* A 50 MB page of ordinary markup. */
	struct buf b = { 0 };
	buf_adds(&b, "<!DOCTYPE html><html><head><title>Big page | Site</title></head><body>"
		     "<nav><a href=\"/\">Home</a></nav><article>");
	size_t target = (size_t)50 << 20;
	for (int i = 0; b.len < target; i++)
		buf_printf(&b, "<p>Paragraph %d: the committee said on Tuesday that the budget would rise "
			   "by 25 percent, to $1.2 billion, over the next <a href=\"/x\">three years</a>, "
			   "according to officials.</p>\n", i);
	buf_adds(&b, "</article></body></html>");
	read_page(b.data);
	assert_true(pg.article.found);
	assert_string_equal(pg.article.element, "article");
	assert_true(pg.len > (size_t)40 << 20);
	assert_lacks("Home\n");
	buf_free(&b);
}

static void test_garbage(void **state)
{
	(void)state;
	/* Random bytes, markup characters among them: no crash, valid and
	 * safe text. */
	uint8_t *g = xmalloc(200000);
	uint32_t x = 12345;
	static const char markup[] = "<>/=\"'&;!- \n";
	for (size_t i = 0; i < 200000; i++) {
		x = x * 1103515245u + 12345u;
		uint8_t r = (uint8_t)(x >> 16);
		g[i] = (r & 3) == 0 ? (uint8_t)markup[(r >> 2) % (sizeof markup - 1)] : r;
	}
	read_bytes(g, 200000);
	assert_null(u8_check((const uint8_t *)pg.text, pg.len));
	struct doc d;
	doc_load_mem(&d, "garbage", (const uint8_t *)pg.text, pg.len);
	assert_ptr_equal(d.text, d.orig);
	doc_free(&d);
	free(g);
}

static void test_node_cap(void **state)
{
	(void)state;
	struct buf b = { 0 };
	buf_adds(&b, "<html><body>");
	for (int i = 0; i < 1000; i++)
		buf_adds(&b, "<p>x</p>");
	buf_adds(&b, "</body></html>");
	struct html_tree t;
	html_tree_parse(&t, (const uint8_t *)b.data, b.len, 100);
	assert_true(t.truncated);
	assert_int_equal(t.n, 100);
	/* Every subtree ends within the tree. */
	for (size_t i = 0; i < t.n; i++) {
		assert_true(t.v[i].end <= t.n);
		assert_true(t.v[i].end > i);
		if (i)
			assert_true(t.v[i].parent < i);
	}
	html_tree_free(&t);
	buf_free(&b);
}

/* ---- the model --------------------------------------------------------------------------- */

static char *fixture(const char *name)
{
	const char *dir = getenv("BRIEF_TESTS");
	char *p;
	if (asprintf(&p, "%s/fixtures/%s", dir ? dir : "tests", name) < 0)
		fail_msg("asprintf");
	return p;
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct buf b = { 0 };
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, k);
	fclose(f);
	*n = b.len;
	return b.data;
}

static void test_model_opens_page(void **state)
{
	(void)state;
	char *path = fixture("page.html");
	struct model m;
	struct model_error err;
	assert_int_equal(model_open(&m, path, NULL, &err), 0);
	assert_non_null(m.page);
	assert_true(m.offsets_text);
	assert_false(m.gzip);
	assert_int_equal(m.body, 0);
	assert_null(m.notice);
	assert_string_equal(model_meta(&m, META_TITLE), "Harbour levy splits the Alliance as Northland digs in");
	assert_string_equal(model_meta(&m, META_BYLINE), "Ingrid Solberg and Tomas Reyes");
	assert_string_equal(model_meta(&m, META_SOURCE), "The Meridian Ledger");
	assert_string_equal(model_meta(&m, META_DATE), "2025-03-14");
	assert_string_equal(model_meta(&m, META_SECTION), "World");
	/* The document is the article's text, borrowed, unchanged. */
	assert_ptr_equal(m.doc.text, (const uint8_t *)m.page->text);
	assert_int_equal(m.doc.len, m.page->len);
	assert_memory_equal(m.doc.text, "Northland has refused to pay a harbour levy of 4 percent", 56);
	const char *h = strstr((const char *)m.doc.text, "A budget already stretched");
	assert_non_null(h);
	assert_int_equal(model_block_kind(&m, (size_t)(h - (const char *)m.doc.text)), HTML_BLOCK_HEADING);
	assert_int_equal(model_block_kind(&m, 0), HTML_BLOCK_PARAGRAPH);
	/* Figures are found in the text. */
	model_scan_all(&m);
	assert_true(m.figures.n >= 5);
	const struct figure *f = &m.figures.v[0];
	assert_memory_equal(m.doc.text + f->start, "4 percent", 9);
	static const char *const chrome[] = {
		"cookies", "Skip to content", "Most read", "harbourwatcher", "Share on", "Sign up",
		"All rights reserved", "Advertisement", "Hidden text", "Photograph", "Politics",
		"enable scripts",
	};
	for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++)
		if (strstr((const char *)m.doc.text, chrome[i]))
			fail_msg("page chrome \"%s\" in the article", chrome[i]);
	model_free(&m);
	/* --format=text: the markup as it is. */
	assert_int_equal(model_open_format(&m, path, NULL, HTML_FORMAT_TEXT, &err), 0);
	assert_null(m.page);
	assert_false(m.offsets_text);
	assert_memory_equal(m.doc.text, "<!DOCTYPE html>", 15);
	model_free(&m);
	free(path);
}

static void test_model_gzip_and_stdin_names(void **state)
{
	(void)state;
	char *path = fixture("page.html");
	size_t n, zn;
	char *html = slurp(path, &n);
	uint8_t *z = gzip_bytes(html, n, &zn);
	struct model m, ref;
	struct model_error err;
	assert_int_equal(model_open(&ref, path, NULL, &err), 0);
	/* page.html.gz: inflated, then read as the page. */
	char *gzpath = tmp_path("page.html.gz");
	write_file(gzpath, z, zn);
	assert_int_equal(model_open(&m, gzpath, NULL, &err), 0);
	assert_true(m.gzip);
	assert_non_null(m.page);
	assert_int_equal(m.doc.len, ref.doc.len);
	assert_memory_equal(m.doc.text, ref.doc.text, ref.doc.len);
	assert_int_equal(m.source_len, zn);
	model_free(&m);
	/* Gzip magic decides, not the name: the same bytes as "x.dat" are
	 * inflated and found to be HTML by their first bytes. */
	char *dat = tmp_path("x.dat");
	write_file(dat, z, zn);
	assert_int_equal(model_open(&m, dat, NULL, &err), 0);
	assert_non_null(m.page);
	assert_int_equal(m.doc.len, ref.doc.len);
	model_free(&m);
	/* A gzip-compressed text file: text, offsets into the inflated text. */
	const char *text = "A plain article.\n\nIt has 2 paragraphs.\n";
	uint8_t *tz = gzip_bytes(text, strlen(text), &zn);
	char *txt = tmp_path("notes.txt.gz");
	write_file(txt, tz, zn);
	assert_int_equal(model_open(&m, txt, NULL, &err), 0);
	assert_null(m.page);
	assert_true(m.gzip);
	assert_true(m.offsets_text);
	assert_int_equal(m.doc.len, strlen(text));
	assert_memory_equal(m.doc.text, text, strlen(text));
	model_free(&m);
	/* Corrupt gzip: exit 66 with the file named. */
	tz[zn / 2] ^= 0x55;
	tz[zn / 2 + 1] ^= 0xAA;
	write_file(txt, tz, zn - 4);
	assert_int_equal(model_open(&m, txt, NULL, &err), BRIEF_EXIT_NOINPUT);
	assert_non_null(strstr(err.msg, "notes.txt.gz: the gzip data"));
	model_free(&m);
	/* A ".gz" name over bytes that are not gzip: read as they are. */
	write_file(txt, text, strlen(text));
	assert_int_equal(model_open(&m, txt, NULL, &err), 0);
	assert_false(m.gzip);
	assert_false(m.offsets_text);
	model_free(&m);
	model_free(&ref);
	free(tz);
	free(z);
	free(html);
	free(path);
	free(gzpath);
	free(dat);
	free(txt);
}

static void test_model_page_annotations(void **state)
{
	(void)state;
	/* page.brief beside page.html.gz anchors in the article's text. */
	char *path = fixture("page.html");
	size_t n, zn;
	char *html = slurp(path, &n);
	uint8_t *z = gzip_bytes(html, n, &zn);
	char *gz = tmp_path("ann.html.gz"), *ann = tmp_path("ann.brief");
	write_file(gz, z, zn);
	const char *brief = "brief 1\nbyline \"Ana Berg\"\nactor berg person \"Ana Berg\"\n  alias \"Berg\"\n"
			    "actor northland country \"Northland\"\n";
	write_file(ann, brief, strlen(brief));
	struct model m;
	struct model_error err;
	assert_int_equal(model_open(&m, gz, NULL, &err), 0);
	assert_non_null(m.annot_path);
	/* The annotation file's byline wins over the page's. */
	assert_string_equal(model_meta(&m, META_BYLINE), "Ana Berg");
	assert_string_equal(model_meta(&m, META_TITLE), "Harbour levy splits the Alliance as Northland digs in");
	model_scan_all(&m);
	assert_true(m.mentions.n >= 5);
	for (size_t i = 0; i < m.mentions.n; i++) {
		const struct mention *mn = &m.mentions.v[i];
		const char *want = m.annot.entities[mn->entity].name;
		if (mn->end - mn->start != strlen(want) && mn->end - mn->start != 4)
			fail_msg("mention of %zu bytes", mn->end - mn->start);
	}
	model_free(&m);
	free(z);
	free(html);
	free(path);
	free(gz);
	free(ann);
}

static void test_model_notice(void **state)
{
	(void)state;
	char *p = tmp_path("empty.html");
	const char *html = "<!doctype html><html><body><nav><a href=\"/\">Home</a></nav></body></html>";
	write_file(p, html, strlen(html));
	struct model m;
	struct model_error err;
	assert_int_equal(model_open(&m, p, NULL, &err), 0);
	assert_non_null(m.notice);
	assert_string_equal(m.notice, "No article found in this page: showing all its text");
	assert_memory_equal(m.doc.text, "Home\n", 5);
	model_free(&m);
	/* Bytes not of the declared charset: said too. */
	const char *bad = "<!doctype html><html><head><meta charset=utf-8></head><body><article>"
			  "<p>\xff Paragraph one of the article says, at some length and with commas, that the "
			  "committee met, argued, and agreed on a budget, which the minister called fair.</p>"
			  "<p>Paragraph two of the article says, at some length and with commas, that the "
			  "committee met, argued, and agreed on a budget, which the minister called fair.</p>"
			  "</article></body></html>";
	write_file(p, bad, strlen(bad));
	assert_int_equal(model_open(&m, p, NULL, &err), 0);
	assert_non_null(m.notice);
	assert_non_null(strstr(m.notice, "1 byte sequences in this page are not UTF-8"));
	model_free(&m);
	free(p);
}

static int setup_tmp(void **state)
{
	(void)state;
	char tmpl[] = "/tmp/brief-html-XXXXXX";
	tmpdir = xstrdup(mkdtemp(tmpl));
	return 0;
}

static int teardown_tmp(void **state)
{
	(void)state;
	char *cmd;
	if (asprintf(&cmd, "rm -rf '%s'", tmpdir) >= 0) {
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
		free(cmd);
	}
	free(tmpdir);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tag_table_sorted),
		cmocka_unit_test(test_detect_names),
		cmocka_unit_test(test_detect_first_bytes),
		cmocka_unit_test(test_gunzip),
		cmocka_unit_test_teardown(test_charset_bom, teardown_page),
		cmocka_unit_test_teardown(test_charset_declared, teardown_page),
		cmocka_unit_test_teardown(test_charset_invalid_bytes, teardown_page),
		cmocka_unit_test_teardown(test_meta_title_sources, teardown_page),
		cmocka_unit_test_teardown(test_meta_byline_sources, teardown_page),
		cmocka_unit_test_teardown(test_meta_site_date_section, teardown_page),
		cmocka_unit_test_teardown(test_meta_none_invented, teardown_page),
		cmocka_unit_test(test_jsonld_robust),
		cmocka_unit_test_teardown(test_score_picks_article, teardown_page),
		cmocka_unit_test_teardown(test_score_link_density, teardown_page),
		cmocka_unit_test_teardown(test_score_siblings, teardown_page),
		cmocka_unit_test_teardown(test_no_article, teardown_page),
		cmocka_unit_test_teardown(test_lenient_tries, teardown_page),
		cmocka_unit_test_teardown(test_structure, teardown_page),
		cmocka_unit_test_teardown(test_hidden_and_never_text, teardown_page),
		cmocka_unit_test_teardown(test_controls_sanitised, teardown_page),
		cmocka_unit_test_teardown(test_deep_nesting, teardown_page),
		cmocka_unit_test_teardown(test_nesting_stays_linear, teardown_page),
		cmocka_unit_test_teardown(test_attribute_flood, teardown_page),
		cmocka_unit_test_teardown(test_unterminated_comment, teardown_page),
		cmocka_unit_test_teardown(test_big_page, teardown_page),
		cmocka_unit_test_teardown(test_garbage, teardown_page),
		cmocka_unit_test(test_node_cap),
		cmocka_unit_test(test_model_opens_page),
		cmocka_unit_test(test_model_gzip_and_stdin_names),
		cmocka_unit_test(test_model_page_annotations),
		cmocka_unit_test(test_model_notice),
	};
	return cmocka_run_group_tests(tests, setup_tmp, teardown_tmp);
}
