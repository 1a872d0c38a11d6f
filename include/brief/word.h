/* Words: the one notion of a word that quotes, mentions, figures and
 * everything after them share.  A word boundary is a UAX #29 word boundary
 * as libunistring's u8_wordbreaks finds it, with two tailorings: an
 * apostrophe (U+0027, U+2019) between two letters is a boundary on both
 * sides, so "Japan's" and "Rubio’s" hold the names "Japan" and "Rubio";
 * and U+202F NARROW NO-BREAK SPACE is a space, as French and thousands
 * separators use it, not the joiner of Mongolian suffixes UAX #29 makes it.
 *
 * Examples (| marks a boundary; é is e + U+0301 where it says so):
 *
 *   |US| |and| |USB|.|          "US" is whole; the "US" of "USB" is not
 *   |Japan|'|s| |Rubio|’|s|     the tailored apostrophe (U+0027, U+2019)
 *   |3.5| |3,000| |2025|-|06|   "3" is no word of "3.5" or "3,000"
 *   |USé| |ЖUS| |2nd|           letters and digits of scripts written with
 *                               spaces (Latin, Cyrillic, Greek, Hangul,
 *                               Arabic...) make one word with each other
 *   |UŚ| |café|                 Ś as S + U+0301, é as e + U+0301: a mark
 *                               belongs to the character before it, and no
 *                               boundary falls before one ("US" is not whole)
 *   |美|US|  |韓|国|は|3.5|%|を|  Han, kana, Thai and the like are never part
 *                               of a Latin word or a number next to them:
 *                               each ideograph is a word alone, so Latin
 *                               names and figures in CJK text are whole
 *   |カタカナ|                   a run of katakana is one word
 *   |x.US| |U.S|.|              a letter, '.' or ':', and a letter: one word
 *                               (the last '.' of "U.S." is not in it)
 *
 * Everything here is pure and takes any bytes without reading outside the
 * bounds given; the answers are meant for valid UTF-8 (an invalid byte is
 * some character of class WORD_PUNCT).  Offsets are byte offsets (`off`);
 * lo and hi bound the text judged and are boundaries themselves: the start
 * and end of a line, a slice or the whole text (a line feed always is one). */
#ifndef BRIEF_WORD_H
#define BRIEF_WORD_H

#include <stddef.h>
#include <stdint.h>

/* What a character is to a word. */
enum word_class {
	WORD_NONE,      /* no character: the edge of the text */
	WORD_SPACE,     /* white space, line ends included */
	WORD_PUNCT,     /* punctuation, symbols, controls, U+FFFD */
	WORD_LETTER,    /* a letter of a script written with spaces between
	                   words (UAX #29 ALetter, Hebrew_Letter) */
	WORD_DIGIT,     /* a decimal digit of any script (Numeric) */
	WORD_UNSPACED,  /* a letter of a script written without spaces: Han,
	                   hiragana, katakana, Thai, Lao, Khmer, Myanmar */
	WORD_CONNECTOR, /* '_' and other connector punctuation (ExtendNumLet),
	                   which joins letters and digits on either side */
	WORD_MARK       /* a combining mark or format character (Extend,
	                   Format, ZWJ): part of the character before it */
};

/* The class of one code point. */
enum word_class word_class(uint32_t cp);
/* The class of the character that ends at off, its combining marks
 * skipped (the "e" of e + U+0301); WORD_NONE when off <= lo, WORD_MARK for
 * marks with nothing before them. */
enum word_class word_class_before(const uint8_t *s, size_t lo, size_t off);
/* The class of the character starting at off; WORD_NONE when off >= hi. */
enum word_class word_class_at(const uint8_t *s, size_t hi, size_t off);

/* Whether there is a word boundary at off (before s[off]), judging the text
 * s[lo, hi): always at lo and hi (and outside them), never inside a UTF-8
 * sequence.  Three table lookups and no call when the characters at both
 * sides of off are ASCII; otherwise u8_wordbreaks is asked about the few
 * characters around off.  (Inline: a scan over 100 MB asks millions of
 * times.) */
static inline int word_boundary(const uint8_t *s, size_t lo, size_t hi, size_t off);
/* Whether s[start, end) starts and ends on word boundaries, start < end:
 * a quote, a mention and a figure are spans of whole words. */
int word_whole(const uint8_t *s, size_t lo, size_t hi, size_t start, size_t end);
/* Where q[0, n) first stands as whole words (word_whole, judged in
 * s[lo, hi)) starting in s[from, to - n]: the offset, or SIZE_MAX when it
 * does not, or n is 0.  How a quote anchors (annot_resolve()), so the
 * draft and the claims that must predict it ask the same. */
size_t word_find_whole(const uint8_t *s, size_t lo, size_t hi, size_t from, size_t to,
		       const void *q, size_t n);
/* Every boundary of s[0, n) at once, for a tokenizer: p[i] = 1 when there
 * is a boundary before s[i], else 0 (p[0] = 1 when n > 0).  p holds n bytes,
 * owned by the caller.  The same answers as word_boundary(s, 0, n, i). */
void word_breaks(const uint8_t *s, size_t n, char *p);

/* ---- private to word.c, here for the inline fast path ---- */
#define WORD_ASCII_CLASSES 12
#define WORD_ASCII_LOOK 2
extern const unsigned char word_ascii_wb[128];
extern const unsigned char word_ascii_pair[WORD_ASCII_CLASSES][WORD_ASCII_CLASSES];
/* word_boundary() for lo < off < hi when the table cannot say alone. */
int word_boundary_around(const uint8_t *s, size_t lo, size_t hi, size_t off);

static inline int word_boundary(const uint8_t *s, size_t lo, size_t hi, size_t off)
{
	if (off <= lo || off >= hi)
		return 1;
	uint8_t a = s[off - 1], b = s[off];
	if ((a | b) < 0x80) {
		int r = word_ascii_pair[word_ascii_wb[a]][word_ascii_wb[b]];
		if (r != WORD_ASCII_LOOK)
			return r;
	}
	return word_boundary_around(s, lo, hi, off);
}

#endif
