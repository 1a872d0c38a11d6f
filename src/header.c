/* Finds the header of pasted web text and the start of the article. */
#include "config.h"

#include <string.h>

#include "brief/header.h"

#define HEADER_LINES 40
#define HEADER_BYTES ((size_t)8 << 10)

static int is_blank_byte(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Trim ASCII blanks and no-break spaces (C2 A0) from both ends. */
static void trim(const uint8_t *t, size_t *s, size_t *e)
{
	for (;;) {
		if (*s < *e && is_blank_byte(t[*s]))
			(*s)++;
		else if (*s + 1 < *e && t[*s] == 0xC2 && t[*s + 1] == 0xA0)
			*s += 2;
		else
			break;
	}
	for (;;) {
		if (*e > *s && is_blank_byte(t[*e - 1]))
			(*e)--;
		else if (*e >= *s + 2 && t[*e - 2] == 0xC2 && t[*e - 1] == 0xA0)
			*e -= 2;
		else
			break;
	}
}

static size_t count_words(const uint8_t *t, size_t s, size_t e, size_t *terminals)
{
	size_t words = 0;
	int in = 0;
	*terminals = 0;
	for (size_t i = s; i < e; i++) {
		uint8_t c = t[i];
		int space = c == ' ' || c == '\t' || (c == 0xC2 && i + 1 < e && t[i + 1] == 0xA0);
		if (!space && !in)
			words++;
		in = !space;
		if ((c == '.' || c == '!' || c == '?') && (i + 1 == e || t[i + 1] == ' ' || t[i + 1] == '"'))
			(*terminals)++;
	}
	return words;
}

/* Case-insensitive ASCII search of needle in t[s, e). */
static size_t find_ci(const uint8_t *t, size_t s, size_t e, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = s; i + n <= e; i++) {
		size_t k = 0;
		while (k < n && (t[i + k] | 0x20) == (needle[k] | 0x20))
			k++;
		if (k == n)
			return i;
	}
	return (size_t)-1;
}

static void set(struct header *h, enum meta_key k, const uint8_t *t, size_t s, size_t e,
		const char *rule)
{
	trim(t, &s, &e);
	if (e <= s || h->field[k].end > h->field[k].start)
		return;
	h->field[k] = (struct header_span){ s, e, rule };
}

static int is_section_word(const uint8_t *t, size_t s, size_t e)
{
	static const char *const sections[] = {
		"Commentary", "Opinion", "Analysis", "Editorial", "Op-Ed", "Viewpoint",
		"Column", "Feature", "Features", "Interview", "World", "Politics", "Business",
		"Economy", "Asia", "Europe", "Americas", "China", "Diplomacy", "Comment",
	};
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
		if (strlen(sections[i]) == e - s && memcmp(sections[i], t + s, e - s) == 0)
			return 1;
	return 0;
}

static int has_month(const uint8_t *t, size_t s, size_t e)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December", "Jan ", "Feb ", "Mar ", "Apr ",
		"Jun ", "Jul ", "Aug ", "Sep ", "Oct ", "Nov ", "Dec ",
	};
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
		if (find_ci(t, s, e, months[i]) != (size_t)-1)
			return 1;
	return 0;
}

/* A byline is a name: two to four words, each starting with a capital. */
static int looks_like_name(const uint8_t *t, size_t s, size_t e)
{
	size_t words = 0;
	int start = 1;
	for (size_t i = s; i < e; i++) {
		if (t[i] == ' ') {
			start = 1;
			continue;
		}
		if (start) {
			if (!(t[i] >= 'A' && t[i] <= 'Z') && t[i] < 0x80)
				return 0;
			words++;
		}
		start = 0;
	}
	return words >= 2 && words <= 4;
}

static void header_line(struct header *h, const uint8_t *t, size_t s, size_t e)
{
	trim(t, &s, &e);
	if (e <= s)
		return;
	size_t at;
	if ((at = find_ci(t, s, e, "source:")) != (size_t)-1) {
		set(h, META_SOURCE, t, at + 7, e, "source-colon");
		size_t bs = s, be = at;
		trim(t, &bs, &be);
		if (be > bs && looks_like_name(t, bs, be))
			set(h, META_BYLINE, t, bs, be, "name-before-source");
		return;
	}
	static const char *const credits[] = { "Illustration:", "Photo:", "Photograph:",
					       "Credit:", "Image:", "Graphic:" };
	for (size_t i = 0; i < sizeof credits / sizeof credits[0]; i++)
		if ((at = find_ci(t, s, e, credits[i])) != (size_t)-1) {
			set(h, META_CREDIT, t, at + strlen(credits[i]), e, "credit-colon");
			return;
		}
	if ((at = find_ci(t, s, e, " Interviewed by ")) != (size_t)-1) {
		if (looks_like_name(t, s, at))
			set(h, META_BYLINE, t, s, at, "interviewed-by");
		set(h, META_SOURCE, t, at + 16, e, "interviewed-by");
		return;
	}
	if (e - s > 3 && memcmp(t + s, "By ", 3) == 0 && looks_like_name(t, s + 3, e)) {
		set(h, META_BYLINE, t, s + 3, e, "by-line");
		return;
	}
	if (is_section_word(t, s, e)) {
		set(h, META_SECTION, t, s, e, "section-word");
		return;
	}
	size_t term;
	size_t words = count_words(t, s, e, &term);
	int digit = 0;
	for (size_t i = s; i < e; i++)
		digit |= t[i] >= '0' && t[i] <= '9';
	if (words <= 6 && digit && has_month(t, s, e)) {
		set(h, META_DATE, t, s, e, "date-line");
		return;
	}
	/* A headline: four words or more, most of them capitalised. */
	if (words >= 4 && words <= 20 && !term) {
		size_t caps = 0;
		int start = 1;
		for (size_t i = s; i < e; i++) {
			if (t[i] == ' ') {
				start = 1;
				continue;
			}
			if (start && ((t[i] >= 'A' && t[i] <= 'Z') || t[i] >= 0x80))
				caps++;
			start = 0;
		}
		/* All capitals is chrome ("SIGN UP FOR OUR NEWSLETTER"). */
		int lower = 0;
		for (size_t i = s; i < e && !lower; i++)
			lower = t[i] >= 'a' && t[i] <= 'z';
		if (caps * 10 >= words * 6 && lower)
			set(h, META_TITLE, t, s, e, "headline-line");
	}
}

/* Whether t[s, e) reads as a sentence of running text: eight words or more,
 * starting with a capital, a digit or an opening quote, with a lower-case
 * letter, ending in a sentence's end (a closing quote or bracket may
 * follow), and no header field (a byline, a source, a credit). */
static int is_sentence_line(const uint8_t *t, size_t s, size_t e)
{
	trim(t, &s, &e);
	size_t term;
	if (e <= s || count_words(t, s, e, &term) < 8 || !term)
		return 0;
	uint8_t c0 = t[s];
	if (!((c0 >= 'A' && c0 <= 'Z') || (c0 >= '0' && c0 <= '9') || c0 == '"' || c0 >= 0x80))
		return 0;
	size_t x = e;
	for (;;) {
		if (x > s && (t[x - 1] == '"' || t[x - 1] == '\'' || t[x - 1] == ')'))
			x--;
		else if (x >= s + 3 && t[x - 3] == 0xE2 && t[x - 2] == 0x80
			 && (t[x - 1] == 0x9D || t[x - 1] == 0x99))
			x -= 3;         /* ” ’ */
		else
			break;
	}
	if (x <= s || !(t[x - 1] == '.' || t[x - 1] == '!' || t[x - 1] == '?'))
		return 0;
	int lower = 0;
	for (size_t i = s; i < e && !lower; i++)
		lower = t[i] >= 'a' && t[i] <= 'z';
	if (!lower)
		return 0;
	/* A page's note about the article or a call to the reader is a
	 * sentence too, and chrome ("The below content first appeared in our
	 * newsletter, sign up for free ..."). */
	static const char *const chrome[] = {
		"newsletter", "sign up", "subscribe", "first appeared", "first published",
		"originally published", "this article", "this story", "click", "cookies",
		"advertisement", "read more", "log in", "all rights reserved",
	};
	for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++)
		if (find_ci(t, s, e, chrome[i]) != (size_t)-1)
			return 0;
	struct header probe;
	memset(&probe, 0, sizeof probe);
	header_line(&probe, t, s, e);
	for (int k = 0; k < META_COUNT; k++)
		if (probe.field[k].end > probe.field[k].start)
			return 0;
	return 1;
}

void header_find(const uint8_t *text, size_t len, struct header *h)
{
	memset(h, 0, sizeof *h);
	size_t off = 0, body = (size_t)-1;
	int lines = 0;
	while (off < len && lines < HEADER_LINES && off < HEADER_BYTES) {
		const uint8_t *nl = memchr(text + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t term;
		size_t words = count_words(text, off, end, &term);
		if (words >= 25 || term >= 2) {
			body = off;
			break;
		}
		lines++;
		off = end + 1;
	}
	if (body == (size_t)-1 || body == 0)
		return;
	/* The lines just before the body that are sentences of running text
	 * are its start: a news page's first paragraphs are often one short
	 * sentence each ("Four children ... are in a stable condition."),
	 * under the 25 words and two sentence ends a body line needs, and a
	 * header's lines (title, byline, section, date, credit) do not end in
	 * a full stop.  Blank lines between them are passed over. */
	for (size_t b = body; b > 0;) {
		size_t ls = b - 1;          /* text[b - 1] is the LF ending the line before */
		while (ls > 0 && text[ls - 1] != '\n')
			ls--;
		size_t s = ls, e = b - 1;
		trim(text, &s, &e);
		if (e > s && !is_sentence_line(text, ls, b - 1))
			break;
		if (e > s)
			body = ls;
		b = ls;
	}
	if (body == 0)
		return;
	/* Is the text before the body all short lines?  Then it is chrome. */
	off = 0;
	int first_text = 1;
	while (off < body) {
		const uint8_t *nl = memchr(text + off, '\n', body - off);
		size_t end = nl ? (size_t)(nl - text) : body;
		size_t s = off, e = end;
		trim(text, &s, &e);
		if (e > s) {
			(void)first_text;
			first_text = 0;
		}
		off = end + 1;
	}
	if (first_text)
		return;         /* only blank lines before: no header */
	h->body = body;
	off = 0;
	while (off < body) {
		const uint8_t *nl = memchr(text + off, '\n', body - off);
		size_t end = nl ? (size_t)(nl - text) : body;
		header_line(h, text, off, end);
		off = end + 1;
	}
}
