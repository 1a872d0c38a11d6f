/* Which code points may reach the terminal unchanged: doc_cp_is_safe, its width table
 * and the emoji presentation marks dropped. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include <unictype.h>

#include "brief/document.h"

/* Code points that libunistring's category rules let through but on which
 * uc_width(cp, "UTF-8") and glibc's wcwidth() (C.UTF-8) disagree, or where
 * wcwidth() is -1.  Produced once on Debian 12 (libunistring 1.0, glibc 2.36)
 * by a throwaway program that walked U+0000..U+10FFFF under
 * setlocale(LC_ALL, "C.UTF-8"), skipped what the rules in doc_cp_is_safe
 * already refuse, and printed the remaining disagreements as ranges (TAB and
 * LF, which are -1 on both sides and allowed on purpose, left out).
 * test_document.c re-checks every code point, so a library upgrade that moves
 * a width shows up as a failing test, not as a garbled screen. */
static const struct { uint32_t lo, hi; } width_mismatch[] = {
	{ 0x0CBF, 0x0CBF },     /* KANNADA VOWEL SIGN I: uc 1, wc 0 */
	{ 0x0CC6, 0x0CC6 },     /* KANNADA VOWEL SIGN E: uc 1, wc 0 */
	{ 0x3248, 0x324F },     /* CIRCLED NUMBER TEN ON BLACK SQUARE..: uc 1, wc 2 */
	{ 0x4DC0, 0x4DFF },     /* YIJING HEXAGRAM SYMBOLS: uc 1, wc 2 */
	{ 0x11A07, 0x11A08 },   /* ZANABAZAR SQUARE VOWEL SIGN AI/O: uc 1, wc 0 */
	{ 0x11C3F, 0x11C3F },   /* BHAIKSUKI VOWEL DIVISION MARK: uc 1, wc 0 */
};

static int in_width_mismatch(uint32_t cp)
{
	size_t lo = 0, hi = sizeof width_mismatch / sizeof width_mismatch[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < width_mismatch[mid].lo)
			hi = mid;
		else if (cp > width_mismatch[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int doc_cp_is_presentation(uint32_t cp)
{
	/* VARIATION SELECTOR-15 and -16 pick text or emoji presentation;
	 * COMBINING ENCLOSING KEYCAP makes "1" + U+FE0F + U+20E3 a keycap; the
	 * five EMOJI MODIFIERs are skin tones.  Terminals that join them
	 * (kitty, WezTerm, iTerm2) draw the sequence 2 columns wide where
	 * wcwidth() and uc_width() count the base alone (❤ + U+FE0F: 1) or
	 * the base and the modifier (👍 + U+1F3FD: 4), and every row after
	 * it shifts; terminals that do not, draw what those count. */
	return cp == 0xFE0E || cp == 0xFE0F || cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

int doc_cp_is_invisible(uint32_t cp)
{
	return cp == 0xAD || cp == 0x200B || cp == 0x200E || cp == 0x200F || cp == 0x2060
	       || cp == 0xFEFF || cp == 0x061C;
}

int doc_cp_is_safe(uint32_t cp)
{
	if (cp < 0x20)
		return cp == '\t' || cp == '\n';
	if (cp < 0x7F)
		return 1;
	if (cp < 0xA0)              /* DEL and C1 */
		return 0;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
		return 0;
	/* ZERO WIDTH NON-JOINER spells Persian and Indic words (می‌خواهم):
	 * it controls nothing, is 0 columns to libunistring and wcwidth()
	 * alike and rides in its letter's cell.  (ZWJ is not let through: a
	 * terminal that joins an emoji sequence draws 2 columns where every
	 * width function counts each emoji.) */
	if (cp == 0x200C)
		return 1;
	if (doc_cp_is_presentation(cp))
		return 0;
	/* Cf holds the bidi controls, zero-width characters, soft hyphen and
	 * tags; Zl/Zp are U+2028/9, which terminals treat inconsistently. */
	if (uc_is_general_category_withtable(cp,
			UC_CATEGORY_MASK_Cf | UC_CATEGORY_MASK_Cs |
			UC_CATEGORY_MASK_Co | UC_CATEGORY_MASK_Cn |
			UC_CATEGORY_MASK_Zl | UC_CATEGORY_MASK_Zp))
		return 0;
	return !in_width_mismatch(cp);
}
