/* Quotations with their source (cite.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>
#include <unicase.h>

#include "brief/cite.h"

static const char *const style_names[CITE_STYLE_COUNT] = { "plain", "markdown", "apa" };

int cite_style_parse(const char *name, enum cite_style *out)
{
	for (int i = 0; i < CITE_STYLE_COUNT; i++)
		if (!strcmp(name, style_names[i])) {
			*out = (enum cite_style)i;
			return 0;
		}
	return -1;
}

const char *cite_style_name(enum cite_style s)
{
	return (unsigned)s < CITE_STYLE_COUNT ? style_names[s] : "?";
}

static int known(const char *s)
{
	return s && *s;
}

/* ---- dates ---------------------------------------------------------------- */

static const char *const months[12] = {
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December",
};

struct date {
	int year, month, day;       /* 0: not given */
};

static int digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

static int month_named(const char *s, size_t *len)
{
	for (int m = 0; m < 12; m++) {
		size_t l = strlen(months[m]);
		if (!strncmp(s, months[m], l)) {
			*len = l;
			return m + 1;
		}
		/* "Jul" and "Jul." */
		if (!strncmp(s, months[m], 3) && (s[3] == ' ' || s[3] == '.')) {
			*len = s[3] == '.' ? 4 : 3;
			return m + 1;
		}
	}
	return 0;
}

/* "2025-07-09", "2025-07-09T10:00:00+08:00", "2025-07", "2025",
 * "July 9, 2025", "9 July 2025".  0 when it is none of these. */
static int parse_date(const char *s, struct date *d)
{
	memset(d, 0, sizeof *d);
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	if (n >= 4 && digits(s, 4, &d->year) && (n == 4 || s[4] == '-')) {
		if (n == 4)
			return 1;
		if (n >= 7 && digits(s + 5, 2, &d->month) && d->month >= 1 && d->month <= 12) {
			if (n == 7)
				return 1;
			if (n >= 10 && s[7] == '-' && digits(s + 8, 2, &d->day) && d->day >= 1
			    && d->day <= 31 && (n == 10 || s[10] == 'T' || s[10] == ' '))
				return 1;
		}
		memset(d, 0, sizeof *d);
		return 0;
	}
	size_t ml;
	int m = month_named(s, &ml);
	if (m) {
		/* "July 9, 2025" */
		const char *p = s + ml;
		char *end;
		long day = strtol(p, &end, 10);
		if (end > p && day >= 1 && day <= 31 && *end == ',') {
			long y = strtol(end + 1, &end, 10);
			if (y >= 1000 && y <= 9999) {
				d->year = (int)y, d->month = m, d->day = (int)day;
				return 1;
			}
		}
		return 0;
	}
	/* "9 July 2025" */
	char *end;
	long day = strtol(s, &end, 10);
	if (end > s && day >= 1 && day <= 31 && *end == ' ') {
		m = month_named(end + 1, &ml);
		if (m) {
			const char *p = end + 1 + ml;
			long y = strtol(p, &end, 10);
			if (end > p && y >= 1000 && y <= 9999) {
				d->year = (int)y, d->month = m, d->day = (int)day;
				return 1;
			}
		}
	}
	return 0;
}

/* The date as a reader writes it: "July 9, 2025"; as given when unknown. */
static void date_words(struct buf *b, const char *s)
{
	struct date d;
	if (!parse_date(s, &d))
		buf_adds(b, s);
	else if (d.day)
		buf_printf(b, "%s %d, %d", months[d.month - 1], d.day, d.year);
	else if (d.month)
		buf_printf(b, "%s %d", months[d.month - 1], d.year);
	else
		buf_printf(b, "%d", d.year);
}

/* APA: "(2025, July 9)", "(2025)", "(n.d.)". */
static void date_apa(struct buf *b, const char *s)
{
	struct date d;
	if (!known(s) || !parse_date(s, &d))
		buf_adds(b, "(n.d.)");
	else if (d.day)
		buf_printf(b, "(%d, %s %d)", d.year, months[d.month - 1], d.day);
	else if (d.month)
		buf_printf(b, "(%d, %s)", d.year, months[d.month - 1]);
	else
		buf_printf(b, "(%d)", d.year);
}

/* "line 12", "lines 12–14"; nothing when the line is unknown. */
static void add_lines(struct buf *b, const struct cite_source *src)
{
	if (!src->line)
		return;
	if (src->line_end > src->line)
		buf_printf(b, "lines %zu\u2013%zu", src->line, src->line_end);
	else
		buf_printf(b, "line %zu", src->line);
}

/* ---- names for APA ----------------------------------------------------------- */

/* The initial of one given name: its first character, upper-cased, and
 * "." ("Jae-myung" -> "J.-M."). */
static void initials(struct buf *b, const char *s, size_t n)
{
	int first = 1;
	for (size_t i = 0; i < n;) {
		ucs4_t cp;
		int l = u8_mbtouc(&cp, (const uint8_t *)s + i, n - i);
		if (l <= 0)
			break;
		if (first && uc_is_alpha(cp)) {
			uint8_t u[6];
			int ul = u8_uctomb(u, uc_toupper(cp), sizeof u);
			if (ul > 0)
				buf_add(b, u, (size_t)ul);
			buf_addc(b, '.');
			first = 0;
		} else if (cp == '-') {
			buf_addc(b, '-');
			first = 1;
		}
		i += (size_t)l;
	}
}

/* One author "Given Family" (or "Family Given" with family_first) as
 * "Family, G." */
static void apa_name(struct buf *b, const char *s, size_t n, int family_first)
{
	while (n && s[0] == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	const char *words[16];
	size_t lens[16], k = 0;
	for (size_t i = 0; i < n && k < 16;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t st = i;
		while (i < n && s[i] != ' ')
			i++;
		if (i > st) {
			words[k] = s + st;
			lens[k++] = i - st;
		}
	}
	if (k <= 1) {
		buf_add(b, s, n);
		return;
	}
	size_t fam = family_first ? 0 : k - 1;
	/* "Jr." and a regnal number stay after the family name's initials. */
	buf_add(b, words[fam], lens[fam]);
	buf_adds(b, ",");
	for (size_t i = 0; i < k; i++) {
		if (i == fam)
			continue;
		buf_addc(b, ' ');
		initials(b, words[i], lens[i]);
	}
}

/* The byline without a leading "By " (pages write "By Jane Doe"). */
static const char *byline_of(const struct cite_source *src)
{
	const char *b = src->byline;
	if (!known(b))
		return NULL;
	if ((b[0] == 'B' || b[0] == 'b') && b[1] == 'y' && b[2] == ' ')
		b += 3;
	while (*b == ' ')
		b++;
	return *b ? b : NULL;
}

#define APA_MAX_NAMES 20

/* "A and B", "A, B and C", "A & B": the names, at most APA_MAX_NAMES. */
static size_t split_names(const char *s, const char **name, size_t *len)
{
	size_t k = 0;
	const char *p = s;
	while (*p && k < APA_MAX_NAMES) {
		const char *comma = strstr(p, ", ");
		const char *and = strstr(p, " and ");
		const char *amp = strstr(p, " & ");
		const char *cut = NULL;
		size_t skip = 0;
		if (comma && (!cut || comma < cut))
			cut = comma, skip = 2;
		if (and && (!cut || and < cut))
			cut = and, skip = 5;
		if (amp && (!cut || amp < cut))
			cut = amp, skip = 3;
		if (!cut) {
			name[k] = p;
			len[k++] = strlen(p);
			break;
		}
		name[k] = p;
		len[k++] = (size_t)(cut - p);
		p = cut + skip;
		if (!strncmp(p, "and ", 4))
			p += 4;
	}
	return k;
}

/* APA's reference list form: "A, B., & C, D." */
static void apa_authors(struct buf *b, const char *s, int family_first)
{
	const char *name[APA_MAX_NAMES];
	size_t len[APA_MAX_NAMES];
	size_t k = split_names(s, name, len);
	for (size_t i = 0; i < k; i++) {
		if (i)
			buf_adds(b, i + 1 == k ? ", & " : ", ");
		apa_name(b, name[i], len[i], family_first);
	}
}

/* The family name alone of one author, for the in-text citation. */
static void apa_family(struct buf *b, const char *s, size_t n, int family_first)
{
	while (n && s[0] == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	if (family_first) {
		const char *sp = memchr(s, ' ', n);
		buf_add(b, s, sp ? (size_t)(sp - s) : n);
		return;
	}
	const char *last = s;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ' ')
			last = s + i + 1;
	buf_add(b, last, n - (size_t)(last - s));
}

/* APA's in-text citation with a locator: "(Cai, n.d., line 12)",
 * "(Martin & Berg, 2025, lines 3–4)", "(Martin et al., 2025)", or the
 * title in quotes when there is no author. */
static void apa_in_text(struct buf *b, const struct cite_source *src, const char *title)
{
	buf_addc(b, '(');
	const char *by = byline_of(src);
	if (by) {
		const char *name[APA_MAX_NAMES];
		size_t len[APA_MAX_NAMES];
		size_t k = split_names(by, name, len);
		apa_family(b, name[0], len[0], src->family_first);
		if (k == 2) {
			buf_adds(b, " & ");
			apa_family(b, name[1], len[1], src->family_first);
		} else if (k > 2) {
			buf_adds(b, " et al.");
		}
	} else if (title) {
		buf_printf(b, "\"%s\"", title);
	} else if (known(src->source)) {
		buf_adds(b, src->source);
	}
	struct date d;
	if (b->len > 1)
		buf_adds(b, ", ");
	if (known(src->date) && parse_date(src->date, &d))
		buf_printf(b, "%d", d.year);
	else
		buf_adds(b, "n.d.");
	if (src->line)
		buf_adds(b, ", ");
	add_lines(b, src);
	buf_addc(b, ')');
}

/* ---- the citation --------------------------------------------------------------- */

/* Markdown's characters that would change how the text renders. */
void cite_md_escape(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] && strchr("\\`*_[]<>#|&~", s[i]))
			buf_addc(b, '\\');
		buf_addc(b, s[i]);
	}
}

/* A field of the citation, escaped in the Markdown style. */
static void field(struct buf *b, const char *s, enum cite_style style)
{
	if (style == CITE_MARKDOWN)
		cite_md_escape(b, s, strlen(s));
	else
		buf_adds(b, s);
}

static void add_where(struct buf *b, const struct cite_source *src, enum cite_style style, int *any)
{
	if (known(src->where)) {
		buf_adds(b, *any ? ", " : "");
		field(b, src->where, style);
		*any = 1;
	}
	if (src->line) {
		buf_adds(b, *any ? ", " : "");
		add_lines(b, src);
		*any = 1;
	}
}

void cite_line(struct buf *out, const struct cite_source *src, enum cite_style style)
{
	const char *title = known(src->title) ? src->title : known(src->section) ? src->section : NULL;
	const char *by = byline_of(src);
	if (style == CITE_APA) {
		/* Author. (Date). Title. Source. Where. */
		struct buf b = { 0 };
		if (by) {
			apa_authors(&b, by, src->family_first);
			if (b.len && b.data[b.len - 1] != '.')
				buf_addc(&b, '.');
			buf_addc(&b, ' ');
		} else if (title) {
			/* No author: the title takes the author's place. */
			buf_printf(&b, "%s. ", title);
		}
		date_apa(&b, src->date);
		buf_addc(&b, '.');
		if (title && by)
			buf_printf(&b, " %s.", title);
		if (known(src->source))
			buf_printf(&b, " %s.", src->source);
		if (known(src->where))
			buf_printf(&b, " %s", src->where);
		buf_add(out, b.data, b.len);
		buf_free(&b);
		return;
	}
	int any = 0;
	buf_adds(out, "\u2014 ");
	if (by) {
		field(out, by, style);
		any = 1;
	}
	if (title) {
		buf_adds(out, any ? ", " : "");
		buf_adds(out, style == CITE_MARKDOWN ? "*" : "\"");
		field(out, title, style);
		buf_adds(out, style == CITE_MARKDOWN ? "*" : "\"");
		any = 1;
	}
	if (known(src->source)) {
		buf_adds(out, any ? ", " : "");
		field(out, src->source, style);
		any = 1;
	}
	if (known(src->date)) {
		buf_adds(out, any ? ", " : "");
		struct buf d = { 0 };
		date_words(&d, src->date);
		field(out, d.data, style);
		buf_free(&d);
		any = 1;
	}
	if (!any && !known(src->where) && !src->line) {
		buf_adds(out, "(unknown source)");
		return;
	}
	add_where(out, src, style, &any);
}

/* Would a line starting so open a list, a heading or a rule in Markdown?
 * Its mark is escaped: "\- ", "1\. ". */
static size_t md_block_mark(const char *s, size_t n)
{
	if (n && (s[0] == '-' || s[0] == '+' || s[0] == '='))
		return 0 + 1;
	size_t i = 0;
	while (i < n && i < 9 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i && i < n && (s[i] == '.' || s[i] == ')'))
		return i + 1;
	return 0;
}

void cite_quote(struct buf *out, const char *text, size_t len, const struct cite_source *src,
		enum cite_style style)
{
	switch (style) {
	case CITE_MARKDOWN:
		for (size_t i = 0; i <= len;) {
			const char *lf = memchr(text + i, '\n', len - i);
			size_t e = lf ? (size_t)(lf - text) : len;
			buf_adds(out, e > i ? "> " : ">");
			size_t mark = md_block_mark(text + i, e - i);
			if (mark) {
				/* The mark's last character escaped: "\-", "12\." */
				buf_add(out, text + i, mark - 1);
				buf_addc(out, '\\');
				buf_addc(out, text[i + mark - 1]);
			}
			cite_md_escape(out, text + i + mark, e - i - mark);
			buf_addc(out, '\n');
			if (!lf)
				break;
			i = e + 1;
		}
		buf_adds(out, ">\n> ");
		cite_line(out, src, style);
		buf_addc(out, '\n');
		break;
	case CITE_APA: {
		const char *title = known(src->title) ? src->title
				    : known(src->section) ? src->section : NULL;
		buf_addc(out, '"');
		buf_add(out, text, len);
		buf_adds(out, "\" ");
		apa_in_text(out, src, title);
		buf_addc(out, '\n');
		cite_line(out, src, style);
		buf_addc(out, '\n');
		break;
	}
	default:
		buf_add(out, text, len);
		buf_addc(out, '\n');
		cite_line(out, src, style);
		buf_addc(out, '\n');
		break;
	}
}

void cite_quote_item(struct buf *out, const char *text, size_t len,
		     const struct cite_source *src, enum cite_style style)
{
	switch (style) {
	case CITE_MARKDOWN:
		buf_adds(out, "> ");
		for (size_t i = 0; i < len; i++) {
			/* One paragraph of the quote: its line ends are spaces. */
			if (text[i] == '\n')
				buf_addc(out, ' ');
			else
				cite_md_escape(out, text + i, 1);
		}
		if (src->line) {
			buf_adds(out, " (");
			add_lines(out, src);
			buf_addc(out, ')');
		}
		break;
	case CITE_APA: {
		const char *title = known(src->title) ? src->title
				    : known(src->section) ? src->section : NULL;
		buf_addc(out, '"');
		buf_add(out, text, len);
		buf_adds(out, "\" ");
		apa_in_text(out, src, title);
		break;
	}
	default:
		buf_addc(out, '"');
		buf_add(out, text, len);
		buf_addc(out, '"');
		if (src->line) {
			buf_adds(out, " (");
			add_lines(out, src);
			buf_addc(out, ')');
		}
		break;
	}
	buf_addc(out, '\n');
}
