/* Word boundaries (UAX #29 through libunistring, apostrophes tailored) and
 * what each character is to a word. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "brief/util.h"
#include "brief/word.h"

enum word_class word_class(uint32_t cp)
{
	if (cp == 0x202F)
		return WORD_SPACE;      /* tailored: see tailor() */
	switch (uc_wordbreak_property(cp)) {
	case WBP_ALETTER:
	case WBP_HL:
		return WORD_LETTER;
	case WBP_NUMERIC:
		return WORD_DIGIT;
	case WBP_KATAKANA:
		return WORD_UNSPACED;
	case WBP_EXTENDNUMLET:
		return WORD_CONNECTOR;
	case WBP_EXTEND:
	case WBP_FORMAT:
	case WBP_ZWJ:
		return WORD_MARK;
	case WBP_CR:
	case WBP_LF:
	case WBP_NEWLINE:
	case WBP_WSS:
		return WORD_SPACE;
	default:
		break;
	}
	/* What UAX #29 leaves as Other among letters is exactly the scripts
	 * written without spaces: ideographs, hiragana, and those whose line
	 * breaking needs a dictionary (Thai, Lao, Khmer, Myanmar). */
	if (uc_is_property_alphabetic(cp))
		return WORD_UNSPACED;
	if (uc_is_property_white_space(cp))
		return WORD_SPACE;
	return WORD_PUNCT;
}

/* ASCII as UAX #29 sees it, for the fast path.  '"' matters only next to
 * Hebrew letters, which are not ASCII, so it is A_OTHER here. */
enum {
	A_OTHER, A_LETTER, A_DIGIT, A_CONNECTOR, A_MIDLETTER, A_MIDNUMLET, A_QUOTE,
	A_MIDNUM, A_SPACE, A_CR, A_LF, A_NEWLINE
};

#define ascii_wb word_ascii_wb
const unsigned char word_ascii_wb[128] = {
	['A' ... 'Z'] = A_LETTER, ['a' ... 'z'] = A_LETTER, ['0' ... '9'] = A_DIGIT,
	['_'] = A_CONNECTOR, [':'] = A_MIDLETTER, ['.'] = A_MIDNUMLET, ['\''] = A_QUOTE,
	[','] = A_MIDNUM, [';'] = A_MIDNUM, [' '] = A_SPACE, ['\r'] = A_CR, ['\n'] = A_LF,
	['\v'] = A_NEWLINE, ['\f'] = A_NEWLINE,
};

/* Two ASCII classes side by side: 0 or 1 when they decide the boundary
 * between them, WORD_ASCII_LOOK when the character before or after them
 * must be seen (a letter or digit next to '.', ':', ',', ';' or '\'').
 * The rules of UAX #29 that ASCII can meet, by their numbers. */
#define L WORD_ASCII_LOOK
const unsigned char word_ascii_pair[WORD_ASCII_CLASSES][WORD_ASCII_CLASSES] = {
	/*                 OTH LET DIG CON MIDL MNL QUO MIDN SPC CR LF NL */
	[A_OTHER]     = {  1,  1,  1,  1,  1,  1,  1,  1,  1,  1, 1, 1 },
	[A_LETTER]    = {  1,  0,  0,  0,  L,  L,  L,  1,  1,  1, 1, 1 }, /* WB5, 9, 13a, 6 */
	[A_DIGIT]     = {  1,  0,  0,  0,  1,  L,  L,  L,  1,  1, 1, 1 }, /* WB10, 8, 13a, 12 */
	[A_CONNECTOR] = {  1,  0,  0,  0,  1,  1,  1,  1,  1,  1, 1, 1 }, /* WB13b, 13a */
	[A_MIDLETTER] = {  1,  L,  1,  1,  1,  1,  1,  1,  1,  1, 1, 1 }, /* WB7 */
	[A_MIDNUMLET] = {  1,  L,  L,  1,  1,  1,  1,  1,  1,  1, 1, 1 }, /* WB7, 11 */
	[A_QUOTE]     = {  1,  L,  L,  1,  1,  1,  1,  1,  1,  1, 1, 1 }, /* WB7, 11 */
	[A_MIDNUM]    = {  1,  1,  L,  1,  1,  1,  1,  1,  1,  1, 1, 1 }, /* WB11 */
	[A_SPACE]     = {  1,  1,  1,  1,  1,  1,  1,  1,  0,  1, 1, 1 }, /* WB3d */
	[A_CR]        = {  1,  1,  1,  1,  1,  1,  1,  1,  1,  1, 0, 1 }, /* WB3, 3a */
	[A_LF]        = {  1,  1,  1,  1,  1,  1,  1,  1,  1,  1, 1, 1 }, /* WB3a, 3b */
	[A_NEWLINE]   = {  1,  1,  1,  1,  1,  1,  1,  1,  1,  1, 1, 1 },
};
#undef L

static const unsigned char ascii_class[] = {
	[A_OTHER] = WORD_PUNCT, [A_LETTER] = WORD_LETTER, [A_DIGIT] = WORD_DIGIT,
	[A_CONNECTOR] = WORD_CONNECTOR, [A_MIDLETTER] = WORD_PUNCT,
	[A_MIDNUMLET] = WORD_PUNCT, [A_QUOTE] = WORD_PUNCT, [A_MIDNUM] = WORD_PUNCT,
	[A_SPACE] = WORD_SPACE, [A_CR] = WORD_SPACE, [A_LF] = WORD_SPACE,
	[A_NEWLINE] = WORD_SPACE,
};

static enum word_class ascii_word_class(uint8_t c)
{
	/* TAB is white space to a reader, Other to UAX #29. */
	return c == '\t' ? WORD_SPACE : (enum word_class)ascii_class[ascii_wb[c]];
}

enum word_class word_class_before(const uint8_t *s, size_t lo, size_t off)
{
	enum word_class k = WORD_NONE;
	while (off > lo) {
		if (s[off - 1] < 0x80)
			return ascii_word_class(s[off - 1]);
		ucs4_t cp;
		const uint8_t *p = u8_prev(&cp, s + off, s + lo);
		if (!p)
			return WORD_PUNCT;
		k = word_class(cp);
		if (k != WORD_MARK)
			return k;
		off = (size_t)(p - s);
	}
	return k;
}

enum word_class word_class_at(const uint8_t *s, size_t hi, size_t off)
{
	if (off >= hi)
		return WORD_NONE;
	if (s[off] < 0x80)
		return ascii_word_class(s[off]);
	ucs4_t cp;
	u8_mbtouc(&cp, s + off, hi - off);
	return word_class(cp);
}

static int ignorable(int wbp)
{
	return wbp == WBP_EXTEND || wbp == WBP_FORMAT || wbp == WBP_ZWJ;
}

/* Word_Break of the character ending at off, over the marks before it
 * (WB4); -1 when none. */
static int wbp_before(const uint8_t *s, size_t lo, size_t off)
{
	while (off > lo) {
		ucs4_t cp;
		const uint8_t *p = u8_prev(&cp, s + off, s + lo);
		if (!p)
			return -1;
		int wbp = uc_wordbreak_property(cp);
		if (!ignorable(wbp))
			return wbp;
		off = (size_t)(p - s);
	}
	return -1;
}

/* Word_Break of the first character at or after off that is no mark, and
 * where it starts; -1 when none before hi. */
static int wbp_after(const uint8_t *s, size_t hi, size_t off, size_t *at)
{
	while (off < hi) {
		ucs4_t cp;
		int n = u8_mbtouc(&cp, s + off, hi - off);
		int wbp = uc_wordbreak_property(cp);
		if (!ignorable(wbp)) {
			*at = off;
			return wbp;
		}
		off += (size_t)(n > 0 ? n : 1);
	}
	return -1;
}

/* A boundary on both sides of the character s[i, i+len): before it, and
 * before the next character that is no mark on it. */
static void split_at(const uint8_t *s, size_t n, char *p, size_t i, size_t len)
{
	size_t next;
	p[i] = 1;
	if (wbp_after(s, n, i + len, &next) >= 0)
		p[next] = 1;
}

/* The two tailorings.  UAX #29 keeps "Japan's" one word (WB6, WB7); names
 * and their possessives must come apart, so an apostrophe between two
 * letters is a boundary on both sides: only between letters of scripts
 * written with spaces, so "1'000" stays a number and Hebrew keeps the
 * apostrophe it writes for a geresh.  U+202F NARROW NO-BREAK SPACE joins
 * words as ExtendNumLet, for Mongolian suffixes; in the text brief reads it
 * is a space (French "Seoul :", "25 %", "1 000"). */
static void tailor(const uint8_t *s, size_t n, char *p)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\'') {
			if (!p[i] && wbp_before(s, 0, i) == WBP_ALETTER) {
				size_t next;
				if (wbp_after(s, n, i + 1, &next) == WBP_ALETTER)
					split_at(s, n, p, i, 1);
			}
		} else if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
			if (s[i + 2] == 0x99 && !p[i] && wbp_before(s, 0, i) == WBP_ALETTER) {
				size_t next;    /* U+2019 RIGHT SINGLE QUOTATION MARK */
				if (wbp_after(s, n, i + 3, &next) == WBP_ALETTER)
					split_at(s, n, p, i, 3);
			} else if (s[i + 2] == 0xAF) {
				split_at(s, n, p, i, 3);
			}
			i += 2;
		}
	}
}

void word_breaks(const uint8_t *s, size_t n, char *p)
{
	if (!n)
		return;
	u8_wordbreaks(s, n, p);
	tailor(s, n, p);
	p[0] = 1;       /* WB1: the start of the text */
}

/* The boundary at off between the ASCII characters a = s[off-1] and
 * b = s[off] when word_ascii_pair says to look around them: a letter or
 * digit, a middle character and another of the same (WB6, 7, 11, 12).
 * -1 when that character is not ASCII and u8_wordbreaks must say.
 * tests/unit/test_word.c checks these answers against u8_wordbreaks for
 * every ASCII context. */
static int ascii_look(const uint8_t *s, size_t lo, size_t hi, size_t off)
{
	int a = ascii_wb[s[off - 1]], b = ascii_wb[s[off]];
	if (a == A_LETTER || a == A_DIGIT) {
		if (off + 1 >= hi)
			return 1;
		if (s[off + 1] >= 0x80)
			return -1;
		if (ascii_wb[s[off + 1]] != a)
			return 1;
		return a == A_LETTER && b == A_QUOTE;   /* the tailoring */
	}
	if (off - 1 <= lo)
		return 1;
	if (s[off - 2] >= 0x80)
		return -1;
	if (ascii_wb[s[off - 2]] != b)
		return 1;
	return b == A_LETTER && a == A_QUOTE;
}

/* Ask u8_wordbreaks about the few characters around off: the rules look at
 * most two characters back and two ahead, marks skipped (WB4), except for
 * a run of regional indicators, which is counted from its start (WB15,
 * WB16).  Three of each side, so the window starts on a character no rule
 * at off looks past. */
static int window_boundary(const uint8_t *s, size_t lo, size_t hi, size_t off)
{
	size_t w0 = off, w1 = off;
	for (int need = 3; w0 > lo && need > 0;) {
		ucs4_t cp;
		const uint8_t *p = u8_prev(&cp, s + w0, s + lo);
		if (!p) {
			w0--;
			need--;
			continue;
		}
		w0 = (size_t)(p - s);
		int wbp = uc_wordbreak_property(cp);
		if (!ignorable(wbp) && wbp != WBP_RI)
			need--;
	}
	for (int need = 3; w1 < hi && need > 0;) {
		ucs4_t cp;
		int n = u8_mbtouc(&cp, s + w1, hi - w1);
		if (!ignorable(uc_wordbreak_property(cp)))
			need--;
		w1 += (size_t)(n > 0 ? n : 1);
	}
	char small[96];
	size_t n = w1 - w0;
	/* Only a long run of marks makes the window big. */
	char *p = n <= sizeof small ? small : xmalloc(n);
	word_breaks(s + w0, n, p);
	int r = p[off - w0];
	if (p != small)
		free(p);
	return r;
}

int word_boundary_around(const uint8_t *s, size_t lo, size_t hi, size_t off)
{
	if ((s[off] & 0xC0) == 0x80)
		return 0;
	if ((s[off - 1] | s[off]) < 0x80) {
		int r = ascii_look(s, lo, hi, off);
		if (r >= 0)
			return r;
	}
	return window_boundary(s, lo, hi, off);
}

int word_whole(const uint8_t *s, size_t lo, size_t hi, size_t start, size_t end)
{
	return start < end && word_boundary(s, lo, hi, start) && word_boundary(s, lo, hi, end);
}

size_t word_find_whole(const uint8_t *s, size_t lo, size_t hi, size_t from, size_t to,
		       const void *q, size_t n)
{
	while (n && from < to && to - from >= n) {
		const uint8_t *hit = memmem(s + from, to - from, q, n);
		if (!hit)
			break;
		size_t at = (size_t)(hit - s);
		if (word_whole(s, lo, hi, at, at + n))
			return at;
		from = at + 1;
	}
	return SIZE_MAX;
}
