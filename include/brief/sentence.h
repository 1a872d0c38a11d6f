/* Sentence boundaries.
 *
 * libunistring gives word, line and grapheme breaks but no sentence breaks,
 * so this module writes UAX #29's sentence rules (SB1-SB998) on top of its
 * character properties.  With flags 0 the rules are exactly UAX #29's
 * (tests/unit/test_sentence.c checks Unicode's SentenceBreakTest.txt when it
 * is installed).  SENT_NEWS tailors them for news text, where a full stop
 * followed by a capital is often not a sentence end:
 *
 *	"U.S. Secretary of State Marco Rubio"   one sentence: an initialism
 *	                                         before a capitalised word
 *	"pressure from the U.S. The move ..."   two: "The" starts sentences
 *	"Mr. Ishiba", "Gen. Brown"              one: a title's abbreviation
 *	"on Feb. 3 the talks"                    one (UAX #29 alone agrees)
 *	"John F. Kennedy said"                   one: a single initial
 *	"3.5 percent."                           a decimal point is no end
 *	"... "difficult." Rubio said"            the closing quote stays with
 *	                                         the sentence it closes
 *	"the Ministry of Health.The minister"    two: a page that lost the
 *	                                         space after a full stop
 *	                                         (sent_glued_stop)
 *
 * Offsets are bytes of valid UTF-8 (as doc->text is).  A sentence never
 * ends inside a code point or a grapheme cluster (SB5 keeps combining marks
 * and format characters with what they follow). */
#ifndef BRIEF_SENTENCE_H
#define BRIEF_SENTENCE_H

#include <stddef.h>
#include <stdint.h>

/* UAX #29 Sentence_Break property values. */
enum sent_class {
	SENT_OTHER, SENT_CR, SENT_LF, SENT_EXTEND, SENT_SEP, SENT_FORMAT, SENT_SP,
	SENT_LOWER, SENT_UPPER, SENT_OLETTER, SENT_NUMERIC, SENT_ATERM,
	SENT_SCONTINUE, SENT_STERM, SENT_CLOSE, SENT_CLASS_COUNT
};

/* The tailoring for news text described above. */
#define SENT_NEWS    1u
/* A single LF between two non-blank lines is a space, not a paragraph
 * separator: for hard-wrapped text, where a blank line ends a paragraph. */
#define SENT_SOFT_LF 2u

/* How far sent_span() looks on either side of its offset, in bytes: a
 * "sentence" of megabytes (a minified file) is cut there. */
#define SENT_REACH ((size_t)64 * 1024)

/* The Sentence_Break value of a code point, derived from libunistring's
 * properties as UAX #29's table defines it. */
enum sent_class sent_class_of(uint32_t cp);
/* Its name as the Unicode data files write it ("ATerm", "SContinue"). */
const char *sent_class_name(enum sent_class c);

/* Whether the full stop at s[off] (s[0, n) valid UTF-8) ends a sentence
 * whose following space was lost, as in "of Health.The minister": it
 * stands between a word of two or more letters ending in a lower-case one
 * and a capital followed by a lower-case letter.  Not when the word is a
 * title's abbreviation ("St.Louis", "Dr.Smith") or follows a full stop, a
 * digit, '@', '/', '\\', ':' or '_' (a host name, a path: "www.Example.Com");
 * initialisms ("U.S.The"), "e.g.", decimal numbers and lower-case endings
 * ("Amazon.com", "gov.uk", "report.pdf") never have the shape.  SENT_NEWS
 * breaks a sentence there, and tokens.h splits the word there. */
int sent_glued_stop(const uint8_t *s, size_t n, size_t off);

/* Mark where sentences start in s[0, n): p[i] = 1 when a sentence starts at
 * byte i > 0, else 0 (p[0] is 0: the start of the text is no break), as
 * u8_wordbreaks marks words.  p holds n bytes. */
void sent_breaks(const uint8_t *s, size_t n, unsigned flags, char *p);

/* The sentence of text[0, len) that holds byte off: [*start, *end), without
 * the white space and line end after it.  off in white space between two
 * sentences gives the one before.  Looks back to the start of the
 * paragraph (a line start, or with SENT_SOFT_LF a blank line), and no more
 * than SENT_REACH bytes either way. */
void sent_span(const uint8_t *text, size_t len, size_t off, unsigned flags,
	       size_t *start, size_t *end);

/* Whether the text reads as hard-wrapped: most of its long lines are
 * followed by another non-blank line, and paragraphs are set apart by blank
 * lines.  Then SENT_SOFT_LF is the right flag for it.  Looks at the first
 * `sample` bytes. */
int sent_hard_wrapped(const uint8_t *text, size_t len, size_t sample);

#endif
