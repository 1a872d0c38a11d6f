/* Web pages on the way in: is it HTML, is it gzip, which character set. */
#include "config.h"

#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <uniconv.h>
#include <unistr.h>
#include <zlib.h>

#include "brief/document.h"
#include "brief/html.h"
#include "brief/util.h"

/* ---- names and first bytes ------------------------------------------------ */

static int ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

int html_name_says_gzip(const char *path)
{
	return path && ends_with(path, strlen(path), ".gz");
}

int html_name_says_html(const char *path)
{
	if (!path)
		return 0;
	size_t n = strlen(path);
	if (ends_with(path, n, ".gz"))
		n -= 3;
	static const char *const ext[] = { ".html", ".htm", ".xhtml", ".shtml" };
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
		if (ends_with(path, n, ext[i]))
			return 1;
	return 0;
}

int html_is_gzip(const uint8_t *p, size_t n)
{
	return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/* The byte order mark's charset and length, or 0. */
static size_t bom(const uint8_t *p, size_t n, const char **name)
{
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		*name = "UTF-8";
		return 3;
	}
	if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		*name = "UTF-16LE";
		return 2;
	}
	if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		*name = "UTF-16BE";
		return 2;
	}
	return 0;
}

static int is_space(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* ASCII-case-insensitive "does p start with the lower-case word w", where w
 * must end there (a space, '>' or '/' follows), as "<html" but not "<htmlx". */
static int starts_tag(const uint8_t *p, size_t n, const char *w)
{
	size_t k = strlen(w);
	if (n < k || strncasecmp((const char *)p, w, k) != 0)
		return 0;
	return n == k || is_space(p[k]) || p[k] == '>' || p[k] == '/';
}

/* Look at the first bytes as ASCII: UTF-16 pages are narrowed to their low
 * bytes first (enough to see markup, which is ASCII). */
int html_looks_like_html(const uint8_t *p, size_t n)
{
	const char *cs = NULL;
	size_t skip = bom(p, n, &cs);
	uint8_t narrow[1024];
	if (skip == 2) {
		/* UTF-16: keep the byte that carries ASCII of each pair. */
		size_t k = 0, lo = cs[6] == 'L' ? 0 : 1;
		for (size_t i = skip; i + 1 < n && k < sizeof narrow; i += 2)
			narrow[k++] = p[i + lo];
		p = narrow;
		n = k;
		skip = 0;
	}
	size_t i = skip;
	/* Only so far: a text file is not read to its end to say no. */
	size_t limit = n < 65536 ? n : 65536;
	while (i < limit) {
		if (is_space(p[i])) {
			i++;
			continue;
		}
		const uint8_t *s = p + i;
		size_t m = n - i;
		if (m >= 4 && memcmp(s, "<!--", 4) == 0) {
			/* Saved pages begin "<!-- saved from url=... -->". */
			const uint8_t *e = memmem(s + 4, m - 4, "-->", 3);
			if (!e)
				return 0;
			i = (size_t)(e - p) + 3;
			continue;
		}
		if (m >= 5 && memcmp(s, "<?xml", 5) == 0) {
			const uint8_t *e = memmem(s, m, "?>", 2);
			if (!e)
				return 0;
			i = (size_t)(e - p) + 2;
			continue;
		}
		if (m >= 9 && strncasecmp((const char *)s, "<!doctype", 9) == 0) {
			size_t j = 9;
			while (j < m && is_space(s[j]))
				j++;
			return m - j >= 4 && strncasecmp((const char *)s + j, "html", 4) == 0;
		}
		return starts_tag(s, m, "<html") || starts_tag(s, m, "<head")
		       || starts_tag(s, m, "<body");
	}
	return 0;
}

/* ---- gzip ----------------------------------------------------------------- */

int html_gunzip(const uint8_t *p, size_t n, size_t max, uint8_t **out, size_t *out_len,
		const char **why)
{
	*out = NULL;
	*out_len = 0;
	if (!html_is_gzip(p, n)) {
		*why = "not gzip data";
		return -1;
	}
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	/* 16 + 15: a gzip header and trailer, the largest window. */
	if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
		*why = "zlib could not start";
		return -1;
	}
	size_t cap = n < 4096 ? 16384 : n * 4, len = 0;
	if (cap > max + 1)
		cap = max + 1;
	uint8_t *b = xmalloc(cap + 1);
	size_t in = 0;
	int rc = Z_OK;
	for (;;) {
		/* zlib counts in uInt: feed and drain at most 1 GiB a call. */
		size_t in_left = n - in, room = cap - len;
		zs.next_in = (Bytef *)(uintptr_t)(p + in);
		zs.avail_in = (uInt)(in_left < (1u << 30) ? in_left : (1u << 30));
		zs.next_out = b + len;
		zs.avail_out = (uInt)(room < (1u << 30) ? room : (1u << 30));
		uInt avail_in = zs.avail_in, avail_out = zs.avail_out;
		rc = inflate(&zs, Z_NO_FLUSH);
		in += avail_in - zs.avail_in;
		len += avail_out - zs.avail_out;
		if (len > max) {
			*why = max == DOC_READ_MAX ? "it decompresses to more than 256 MiB"
						   : "it decompresses to more than the limit";
			break;
		}
		if (rc == Z_STREAM_END) {
			/* gzip writes concatenated files as members one after the
			 * other; anything else after the end is ignored, as gzip
			 * -d does with a warning. */
			if (html_is_gzip(p + in, n - in) && inflateReset(&zs) == Z_OK)
				continue;
			inflateEnd(&zs);
			b[len] = '\0';
			*out = b;
			*out_len = len;
			return 0;
		}
		if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR || rc == Z_STREAM_ERROR) {
			*why = "the gzip data is corrupt";
			break;
		}
		if (rc == Z_MEM_ERROR) {
			*why = "out of memory inflating it";
			break;
		}
		if (len == cap) {
			size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			b = xrealloc(b, ncap + 1);
			cap = ncap;
			continue;
		}
		if (in == n) {
			*why = "the gzip data ends early (truncated)";
			break;
		}
		/* Z_BUF_ERROR with input and room left cannot happen; be safe. */
		if (rc == Z_BUF_ERROR && avail_in == zs.avail_in && avail_out == zs.avail_out) {
			*why = "the gzip data is corrupt";
			break;
		}
	}
	inflateEnd(&zs);
	free(b);
	return -1;
}

/* ---- character sets ------------------------------------------------------- */

/* Labels as browsers read them (the WHATWG Encoding Standard's mapping of
 * the common ones), to names glibc's iconv knows.  A label not listed goes
 * to iconv as written. */
static const struct {
	const char *label, *name;
} charset_labels[] = {
	{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" },
	/* A page that can be read far enough to find its meta is not UTF-16. */
	{ "utf-16", "UTF-8" }, { "utf-16le", "UTF-8" }, { "utf-16be", "UTF-8" },
	{ "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
	{ "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
	{ "iso_8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
	{ "l1", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" },
	{ "windows-1252", "WINDOWS-1252" }, { "x-cp1252", "WINDOWS-1252" },
	{ "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
	{ "windows-1254", "WINDOWS-1254" },
	{ "iso-8859-11", "WINDOWS-874" }, { "tis-620", "WINDOWS-874" },
	{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
	{ "gb18030", "GB18030" }, { "chinese", "GB18030" },
	{ "big5", "BIG5-HKSCS" }, { "big5-hkscs", "BIG5-HKSCS" }, { "x-x-big5", "BIG5-HKSCS" },
	{ "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" },
	{ "x-sjis", "CP932" }, { "ms_kanji", "CP932" }, { "windows-31j", "CP932" },
	{ "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" }, { "windows-949", "CP949" },
};

/* The iconv name for a label (trimmed, any case), or NULL when iconv does
 * not know it. */
static const char *charset_name(const char *label, char *buf, size_t cap)
{
	while (is_space((uint8_t)*label))
		label++;
	size_t n = strlen(label);
	while (n && (is_space((uint8_t)label[n - 1]) || label[n - 1] == '"' || label[n - 1] == '\''))
		n--;
	if (n == 0 || n >= cap)
		return NULL;
	for (size_t i = 0; i < sizeof charset_labels / sizeof charset_labels[0]; i++)
		if (strlen(charset_labels[i].label) == n
		    && strncasecmp(label, charset_labels[i].label, n) == 0)
			return charset_labels[i].name;
	for (size_t i = 0; i < n; i++) {
		char c = label[i];
		/* A label is letters, digits and a few marks: nothing else
		 * goes to iconv_open. */
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		      || c == '-' || c == '_' || c == '.' || c == ':'))
			return NULL;
		buf[i] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
	}
	buf[n] = '\0';
	iconv_t cd = iconv_open("UTF-8", buf);
	if (cd == (iconv_t)-1)
		return NULL;
	iconv_close(cd);
	return buf;
}

/* "text/html; charset=Shift_JIS" -> "Shift_JIS" (into out). */
static int content_type_charset(const char *ct, char *out, size_t cap)
{
	for (const char *s = ct; *s; s++) {
		if (strncasecmp(s, "charset", 7) != 0)
			continue;
		const char *v = s + 7;
		while (is_space((uint8_t)*v))
			v++;
		if (*v != '=')
			continue;
		v++;
		while (is_space((uint8_t)*v) || *v == '"' || *v == '\'')
			v++;
		size_t n = strcspn(v, " \t\n\r\f;\"'");
		if (n == 0 || n >= cap)
			return 0;
		memcpy(out, v, n);
		out[n] = '\0';
		return 1;
	}
	return 0;
}

struct sniff {
	htmlParserCtxtPtr ctxt;
	char label[48];
	const char *rule;
};

static void sniff_start(void *user, const xmlChar *name, const xmlChar **atts)
{
	struct sniff *s = user;
	if (s->rule || !atts || strcmp((const char *)name, "meta") != 0)
		return;
	const char *charset = NULL, *equiv = NULL, *content = NULL;
	for (size_t i = 0; atts[i]; i += 2) {
		const char *a = (const char *)atts[i], *v = (const char *)atts[i + 1];
		if (!v)
			continue;
		if (strcasecmp(a, "charset") == 0)
			charset = v;
		else if (strcasecmp(a, "http-equiv") == 0)
			equiv = v;
		else if (strcasecmp(a, "content") == 0)
			content = v;
	}
	if (charset && strlen(charset) < sizeof s->label) {
		snprintf(s->label, sizeof s->label, "%s", charset);
		s->rule = "meta-charset";
	} else if (equiv && content && strcasecmp(equiv, "content-type") == 0
		   && content_type_charset(content, s->label, sizeof s->label)) {
		s->rule = "http-equiv";
	}
	if (s->rule)
		xmlStopParser(s->ctxt);
}

/* The first charset a <meta> of the page declares, read by libxml2 from the
 * first 64 KiB taken as Latin-1 (every byte is a character; markup is
 * ASCII in every charset a meta can declare). */
static const char *sniff_meta(const uint8_t *p, size_t n, char *label, size_t cap)
{
	size_t m = n < 65536 ? n : 65536;
	htmlParserCtxtPtr c = htmlCreateMemoryParserCtxt((const char *)p, (int)m);
	if (!c)
		return NULL;
	struct sniff s = { .ctxt = c };
	htmlSAXHandler h;
	memset(&h, 0, sizeof h);
	h.startElement = sniff_start;
	memcpy(c->sax, &h, sizeof h);
	c->userData = &s;
	htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
			      | HTML_PARSE_NONET | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC);
	xmlSwitchEncoding(c, XML_CHAR_ENCODING_8859_1);
	htmlParseDocument(c);
	htmlFreeParserCtxt(c);
	if (!s.rule)
		return NULL;
	snprintf(label, cap, "%s", s.label);
	return s.rule;
}

/* Valid UTF-8 of n bytes, each maximal ill-formed subpart replaced by
 * U+FFFD (counted in *bad); NULL when there is none to replace (the bytes
 * are valid as they are: no copy of a 50 MB page). */
static uint8_t *utf8_repair(const uint8_t *p, size_t n, size_t *out_len, size_t *bad)
{
	*bad = 0;
	if (u8_check(p, n) == NULL)
		return NULL;
	struct buf b = { 0 };
	size_t i = 0, run = 0;
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		ucs4_t uc;
		int r = u8_mbtoucr(&uc, p + i, n - i);
		if (r > 0) {
			i += (size_t)r;
			continue;
		}
		/* The longest prefix that could still begin a character. */
		size_t m = 1;
		for (size_t k = 2; k <= 3 && k <= n - i; k++) {
			if (u8_mbtoucr(&uc, p + i, k) != -2)
				break;
			m = k;
		}
		buf_add(&b, p + run, i - run);
		buf_add(&b, "\xEF\xBF\xBD", 3);
		(*bad)++;
		i += m;
		run = i;
	}
	buf_add(&b, p + run, n - run);
	*out_len = b.len;
	return (uint8_t *)b.data;
}

static size_t count_replacements(const uint8_t *p, size_t n)
{
	size_t k = 0;
	for (const uint8_t *s = p; (s = memmem(s, n - (size_t)(s - p), "\xEF\xBF\xBD", 3)); s += 3)
		k++;
	return k;
}

const uint8_t *html_to_utf8(const uint8_t *p, size_t n, struct html_charset *cs, size_t *out_len,
			    uint8_t **owned)
{
	memset(cs, 0, sizeof *cs);
	*owned = NULL;
	const char *name = NULL;
	char buf[48];
	size_t skip = bom(p, n, &name);
	if (skip) {
		cs->rule = "bom";
	} else {
		cs->rule = sniff_meta(p, n, cs->declared, sizeof cs->declared);
		if (cs->rule)
			name = charset_name(cs->declared, buf, sizeof buf);
		/* Bytes that are valid UTF-8 and not all ASCII are UTF-8, whatever
		 * the page declares: text in another charset is almost never valid
		 * UTF-8 by chance, while a page saved by a browser or a tool is
		 * often re-encoded as UTF-8 with its old <meta> kept. */
		if (!name || strcmp(name, "UTF-8") != 0) {
			int valid = u8_check(p, n) == NULL;
			int ascii = 1;
			for (size_t i = 0; ascii && i < n; i++)
				ascii = p[i] < 0x80;
			if (valid && (!ascii || !name)) {
				name = "UTF-8";
				cs->rule = "utf-8-valid";
			} else if (!name) {
				/* Nothing declared, or a label iconv does not know. */
				name = "WINDOWS-1252";
				cs->rule = "default";
			}
		}
	}
	snprintf(cs->name, sizeof cs->name, "%s", name);
	p += skip;
	n -= skip;
	const uint8_t *u = p;
	size_t len = n;
	if (strcmp(name, "UTF-8") != 0) {
		uint8_t *c = u8_conv_from_encoding(name, iconveh_replacement_character,
						   (const char *)p, n, NULL, NULL, &len);
		if (c) {
			cs->invalid = count_replacements(c, len);
			*owned = c;
			u = c;
		} else {
			/* iconv refused after all (out of memory, an odd
			 * converter): read the bytes as UTF-8 with repairs
			 * rather than nothing. */
			snprintf(cs->name, sizeof cs->name, "UTF-8");
			cs->rule = "default";
			len = n;
		}
	}
	if (u == p) {
		/* Also a declared UTF-8 page is checked: a bad byte costs a
		 * U+FFFD, not the rest of the page. */
		uint8_t *fixed = utf8_repair(p, n, &len, &cs->invalid);
		if (fixed) {
			*owned = fixed;
			u = fixed;
		}
	}
	/* libxml2 ends the page at a NUL byte (browsers read past it): each
	 * becomes U+FFFD, counted with the invalid sequences. */
	if (memchr(u, 0, len)) {
		struct buf b = { 0 };
		size_t run = 0;
		for (size_t i = 0; i < len; i++)
			if (u[i] == 0) {
				buf_add(&b, u + run, i - run);
				buf_add(&b, "\xEF\xBF\xBD", 3);
				cs->invalid++;
				run = i + 1;
			}
		buf_add(&b, u + run, len - run);
		free(*owned);
		*owned = (uint8_t *)b.data;
		u = *owned;
		len = b.len;
	}
	*out_len = len;
	return u;
}

/* ---- a guard for libxml2 -------------------------------------------------- */

static int ascii_letter(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* One pass over the tags as libxml2 finds them ('<' and an ASCII letter; a
 * quoted value runs to its quote, an unquoted one to white space or '>'):
 * the tags with more than HTML_MAX_ATTRS attributes, and in each the
 * offset of the first attribute past the limit and of the tag's end.
 * With w, those stretches are blanked in w (a copy of p).  Returns the
 * number of such tags. */
static size_t attribute_floods(const uint8_t *p, size_t n, uint8_t *w)
{
	size_t floods = 0;
	for (size_t i = 0; i < n;) {
		const uint8_t *lt = memchr(p + i, '<', n - i);
		if (!lt)
			break;
		size_t j = (size_t)(lt - p) + 1;
		if (j >= n || !ascii_letter(p[j])) {
			i = j;
			continue;
		}
		while (j < n && !is_space(p[j]) && p[j] != '>' && p[j] != '/')
			j++;
		size_t attrs = 0, cut = 0;
		for (;;) {
			while (j < n && (is_space(p[j]) || p[j] == '/'))
				j++;
			if (j >= n || p[j] == '>')
				break;
			if (++attrs == HTML_MAX_ATTRS + 1)
				cut = j;
			while (j < n && !is_space(p[j]) && p[j] != '>' && p[j] != '=')
				j++;
			while (j < n && is_space(p[j]))
				j++;
			if (j >= n || p[j] != '=')
				continue;
			j++;
			while (j < n && is_space(p[j]))
				j++;
			if (j < n && (p[j] == '"' || p[j] == '\'')) {
				const uint8_t *q = memchr(p + j + 1, p[j], n - j - 1);
				j = q ? (size_t)(q - p) + 1 : n;
			} else {
				while (j < n && !is_space(p[j]) && p[j] != '>')
					j++;
			}
		}
		if (cut) {
			floods++;
			if (w)
				memset(w + cut, ' ', j - cut);
		}
		i = j;
	}
	return floods;
}

const uint8_t *html_guard_attributes(const uint8_t *p, size_t n, uint8_t **owned, size_t *floods)
{
	*floods = attribute_floods(p, n, NULL);
	if (!*floods)
		return p;
	uint8_t *w = *owned;
	if (!w) {
		w = xmalloc(n + 1);
		memcpy(w, p, n);
		w[n] = '\0';
		*owned = w;
	}
	attribute_floods(p, n, w);
	return w;
}

const char *html_zlib_version(void)
{
	return zlibVersion();
}
