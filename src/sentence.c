/* Sentence boundaries: UAX #29's sentence rules on libunistring's
 * character properties, with a tailoring for news text (sentence.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "brief/sentence.h"
#include "brief/util.h"

/* ---- the property ------------------------------------------------------ */

/* Line_Break=Quotation characters that are not Ps, Pe, Pi or Pf: UAX #29
 * counts them as Close, and libunistring has no Line_Break lookup. */
static int lb_quotation_extra(uint32_t cp)
{
	return cp == 0x22 || cp == 0x27 || (cp >= 0x275B && cp <= 0x2760)
	       || cp == 0x2E00 || cp == 0x2E01 || (cp >= 0x2E06 && cp <= 0x2E08)
	       || cp == 0x2E0B || (cp >= 0x1F676 && cp <= 0x1F678);
}

static int is_scontinue(uint32_t cp)
{
	static const uint32_t v[] = {
		0x002C, 0x002D, 0x003A, 0x055D, 0x060C, 0x060D, 0x07F8, 0x1802,
		0x1808, 0x2013, 0x2014, 0x3001, 0xFE10, 0xFE11, 0xFE13, 0xFE31,
		0xFE32, 0xFE50, 0xFE51, 0xFE55, 0xFE58, 0xFE63, 0xFF0C, 0xFF0D,
		0xFF1A, 0xFF64,
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (v[i] == cp)
			return 1;
	return 0;
}

static enum sent_class class_slow(uint32_t cp)
{
	if (cp == 0x0D)
		return SENT_CR;
	if (cp == 0x0A)
		return SENT_LF;
	if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
		return SENT_SEP;
	if (uc_is_property_grapheme_extend(cp) || cp == 0x200D
	    || uc_is_general_category(cp, UC_COMBINING_SPACING_MARK))
		return SENT_EXTEND;
	if (cp != 0x200C && uc_is_general_category(cp, UC_FORMAT))
		return SENT_FORMAT;
	if (uc_is_property_white_space(cp))
		return SENT_SP;
	/* Georgian is cased in Unicode, but its sentences do not start with a
	 * capital: UAX #29 makes both alphabets OLetter. */
	if ((cp >= 0x10D0 && cp <= 0x10FA) || (cp >= 0x10FD && cp <= 0x10FF)
	    || (cp >= 0x1C90 && cp <= 0x1CBA) || (cp >= 0x1CBD && cp <= 0x1CBF))
		return SENT_OLETTER;
	if (uc_is_property_lowercase(cp))
		return SENT_LOWER;
	if (uc_is_property_uppercase(cp) || uc_is_general_category(cp, UC_TITLECASE_LETTER))
		return SENT_UPPER;
	if (uc_is_property_alphabetic(cp) || cp == 0xA0 || cp == 0x05F3)
		return SENT_OLETTER;
	if (uc_is_general_category(cp, UC_DECIMAL_DIGIT_NUMBER) || cp == 0x066B || cp == 0x066C)
		return SENT_NUMERIC;
	if (cp == 0x2E || cp == 0x2024 || cp == 0xFE52 || cp == 0xFF0E)
		return SENT_ATERM;
	if (is_scontinue(cp))
		return SENT_SCONTINUE;
	if (uc_is_property_sentence_terminal(cp))
		return SENT_STERM;
	if (uc_is_general_category(cp, UC_OPEN_PUNCTUATION)
	    || uc_is_general_category(cp, UC_CLOSE_PUNCTUATION)
	    || uc_is_general_category(cp, UC_INITIAL_QUOTE_PUNCTUATION)
	    || uc_is_general_category(cp, UC_FINAL_QUOTE_PUNCTUATION)
	    || lb_quotation_extra(cp))
		return SENT_CLOSE;
	return SENT_OTHER;
}

enum sent_class sent_class_of(uint32_t cp)
{
	/* ASCII is most of any news text: one table, filled on first use. */
	static uint8_t ascii[128];
	static int ready;
	if (cp < 128) {
		if (!ready) {
			for (uint32_t c = 0; c < 128; c++)
				ascii[c] = (uint8_t)class_slow(c);
			ready = 1;
		}
		return (enum sent_class)ascii[cp];
	}
	return class_slow(cp);
}

const char *sent_class_name(enum sent_class c)
{
	static const char *const names[SENT_CLASS_COUNT] = {
		"Other", "CR", "LF", "Extend", "Sep", "Format", "Sp", "Lower", "Upper",
		"OLetter", "Numeric", "ATerm", "SContinue", "STerm", "Close",
	};
	return (unsigned)c < SENT_CLASS_COUNT ? names[c] : "?";
}

/* ---- the rules --------------------------------------------------------- */

/* One character that the rules see (SB5 folds Extend and Format into what
 * they follow): where it starts, where the next one starts, its class. */
struct sch {
	size_t off, end;
	uint8_t cls;
};

static int is_parasep(int c)
{
	return c == SENT_SEP || c == SENT_CR || c == SENT_LF;
}

static int is_saterm(int c)
{
	return c == SENT_ATERM || c == SENT_STERM;
}

static int is_letter(int c)
{
	return c == SENT_UPPER || c == SENT_LOWER || c == SENT_OLETTER;
}

/* The characters of s[0, n) as the rules see them.  A lone LF between two
 * non-blank lines becomes a space with SENT_SOFT_LF. */
static struct sch *characters(const uint8_t *s, size_t n, unsigned flags, size_t *count)
{
	struct sch *v = xmalloc((n ? n : 1) * sizeof *v);
	size_t k = 0;
	for (size_t off = 0; off < n;) {
		ucs4_t cp;
		int len = u8_mbtouc(&cp, s + off, n - off);
		if (len <= 0)
			len = 1;
		int c = sent_class_of(cp);
		if (c == SENT_LF && (flags & SENT_SOFT_LF) && off > 0 && off + 1 < n
		    && s[off - 1] != '\n' && s[off + 1] != '\n'
		    && !(s[off - 1] == '\r' && off > 1 && s[off - 2] == '\n'))
			c = SENT_SP;
		/* SB5: Extend and Format belong to what they follow, but not to
		 * the start of the text or a paragraph separator. */
		if ((c == SENT_EXTEND || c == SENT_FORMAT) && k && !is_parasep(v[k - 1].cls)) {
			v[k - 1].end = off + (size_t)len;
		} else {
			v[k].off = off;
			v[k].end = off + (size_t)len;
			v[k].cls = (uint8_t)c;
			k++;
		}
		off += (size_t)len;
	}
	*count = k;
	return v;
}

/* Capitalised words that start sentences far more often than they follow
 * an initialism inside one: after "U.S." they mean a new sentence. */
static const char *const starters[] = {
	"A", "After", "All", "Also", "Although", "An", "And", "As", "At", "Before",
	"Both", "But", "By", "Despite", "During", "Each", "Earlier", "Even", "For",
	"From", "He", "Her", "Here", "His", "How", "However", "I", "If", "In", "It",
	"Its", "Last", "Later", "Many", "Meanwhile", "Most", "My", "Next", "No",
	"Not", "Now", "On", "One", "Or", "Our", "She", "Since", "So", "Some",
	"Still", "Such", "That", "The", "Their", "Then", "There", "These", "They",
	"This", "Those", "Though", "To", "Under", "We", "What", "When", "Where",
	"Which", "While", "Who", "Why", "With", "Yet", "You",
};

/* Abbreviations that stand before a name: titles, places' "Mt." and
 * "Ft.", and a case's "v." and "vs." (Roe v. Wade), never a sentence's
 * last word before a capital. */
static const char *const titles[] = {
	"Adm", "Amb", "Atty", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Det", "Dr",
	"Fr", "Ft", "Gen", "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mmes",
	"Mr", "Mrs", "Ms", "Msgr", "Mt", "Mx", "Pres", "Prof", "Rep", "Rev", "Rt",
	"Sen", "Sgt", "St", "Supt", "v", "vs",
};

/* Abbreviations that stand before a number: "Feb. 3", "No. 10". */
static const char *const before_number[] = {
	"Apr", "Art", "Aug", "Dec", "Feb", "Fig", "Jan", "Jul", "Jun", "Mar",
	"No", "Nos", "Nov", "Oct", "Sep", "Sept", "Vol", "ca", "approx", "p", "pp",
	"para", "vol",
};

static int in_list(const char *const *list, size_t n, const uint8_t *w, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && !memcmp(list[i], w, len))
			return 1;
	return 0;
}

#define IN(list, w, len) in_list(list, sizeof list / sizeof list[0], w, len)

/* "U.S", "D.C", "e.g": single letters joined by full stops, two or more. */
static int is_initialism(const struct sch *v, size_t from, size_t to)
{
	size_t letters = 0;
	for (size_t i = from; i < to; i++) {
		int want_letter = (i - from) % 2 == 0;
		if (want_letter ? !is_letter(v[i].cls) : v[i].cls != SENT_ATERM)
			return 0;
		letters += want_letter;
	}
	return (to - from) % 2 == 1 && letters >= 2;
}

/* The tailoring: at a break SB11 would make after ATerm v[k] and spaces,
 * before v[j], is the full stop an abbreviation's instead? */
static int abbreviation_holds(const uint8_t *s, const struct sch *v, size_t nv, size_t k, size_t j)
{
	int next = v[j].cls;
	if (next != SENT_UPPER && next != SENT_NUMERIC)
		return 0;
	/* The word before the full stop: letters and inner full stops. */
	size_t ws = k;
	while (ws > 0 && (is_letter(v[ws - 1].cls) || (v[ws - 1].cls == SENT_ATERM && ws - 1 > 0
							 && is_letter(v[ws - 2].cls))))
		ws--;
	if (ws == k)
		return 0;
	const uint8_t *w = s + v[ws].off;
	size_t wlen = v[k].off - v[ws].off;
	/* The next word, letters only, for the list of sentence starters. */
	size_t ne = j;
	while (ne < nv && is_letter(v[ne].cls))
		ne++;
	const uint8_t *nw = s + v[j].off;
	size_t nwlen = ne > j ? v[ne - 1].end - v[j].off : 0;
	int starter = nwlen && IN(starters, nw, nwlen);

	if (next == SENT_NUMERIC)
		return IN(before_number, w, wlen);
	if (IN(titles, w, wlen))
		return 1;
	if (starter)
		return 0;
	if (is_initialism(v, ws, k))
		return 1;
	/* A single capital: an initial, as in "John F. Kennedy", also at a
	 * paragraph's start ("J. Smith said"), whether the text seen starts
	 * there (sent_span's paragraph) or a line end comes before it. */
	return k - ws == 1 && v[ws].cls == SENT_UPPER
	       && (ws == 0 || v[ws - 1].cls == SENT_SP || is_parasep(v[ws - 1].cls));
}

int sent_glued_stop(const uint8_t *s, size_t n, size_t off)
{
	if (off == 0 || off + 2 >= n || s[off] != '.')
		return 0;
	/* After: a capital, then a lower-case letter ("The", not "US" or "A"). */
	ucs4_t c;
	int k = u8_mbtouc(&c, s + off + 1, n - off - 1);
	if (k <= 0 || !uc_is_upper(c) || off + 1 + (size_t)k >= n)
		return 0;
	u8_mbtouc(&c, s + off + 1 + k, n - off - 1 - (size_t)k);
	if (!uc_is_lower(c))
		return 0;
	/* Before: a word of letters, the last lower-case, two or more. */
	const uint8_t *q = s + off, *ws = q;
	size_t letters = 0;
	const uint8_t *prev;
	while ((prev = u8_prev(&c, q, s)) != NULL && uc_is_alpha(c)) {
		if (!letters && !uc_is_lower(c))
			return 0;
		letters++;
		ws = q = prev;
	}
	if (letters < 2)
		return 0;
	/* What stands before the word: a host name's or a path's part, an
	 * alphanumeric code ("A4.Then"), or nothing of that kind. */
	if (prev && (c == '.' || c == '@' || c == '/' || c == '\\' || c == ':' || c == '_'
		     || uc_is_digit(c)))
		return 0;
	/* A title's abbreviation before a name, written without its space. */
	return !IN(titles, ws, (size_t)(s + off - ws));
}

void sent_breaks(const uint8_t *s, size_t n, unsigned flags, char *p)
{
	memset(p, 0, n);
	size_t nv;
	struct sch *v = characters(s, n, flags, &nv);
	for (size_t j = 1; j < nv; j++) {
		int prev = v[j - 1].cls, cur = v[j].cls;
		int brk = 0;
		if (prev == SENT_CR && cur == SENT_LF)                  /* SB3 */
			brk = 0;
		else if (is_parasep(prev))                              /* SB4 */
			brk = 1;
		else if (prev == SENT_ATERM && cur == SENT_NUMERIC)     /* SB6 */
			brk = 0;
		else if (prev == SENT_ATERM && cur == SENT_UPPER && j >= 2
			 && (v[j - 2].cls == SENT_UPPER || v[j - 2].cls == SENT_LOWER))
			/* SB7, but for news a full stop whose space was lost. */
			brk = (flags & SENT_NEWS) && sent_glued_stop(s, n, v[j - 1].off);
		else {
			/* SATerm Close* Sp* before cur? */
			size_t k = j, nsp = 0, nclose = 0;
			while (k > 0 && v[k - 1].cls == SENT_SP)
				k--, nsp++;
			while (k > 0 && v[k - 1].cls == SENT_CLOSE)
				k--, nclose++;
			if (k == 0 || !is_saterm(v[k - 1].cls)) {
				brk = 0;                                /* SB998 */
			} else {
				size_t t = k - 1;
				int lower_ahead = 0;
				if (v[t].cls == SENT_ATERM) {           /* SB8 */
					size_t m = j;
					while (m < nv && !is_letter(v[m].cls) && !is_parasep(v[m].cls)
					       && !is_saterm(v[m].cls))
						m++;
					lower_ahead = m < nv && v[m].cls == SENT_LOWER;
				}
				if (lower_ahead)
					brk = 0;
				else if (cur == SENT_SCONTINUE || is_saterm(cur))   /* SB8a */
					brk = 0;
				else if (nsp == 0 && (cur == SENT_CLOSE || cur == SENT_SP
						      || is_parasep(cur)))       /* SB9 */
					brk = 0;
				else if (cur == SENT_SP || is_parasep(cur))        /* SB10 */
					brk = 0;
				else if ((flags & SENT_NEWS) && v[t].cls == SENT_ATERM && nclose == 0
					 && nsp > 0 && abbreviation_holds(s, v, nv, t, j))
					brk = 0;
				else
					brk = 1;                                   /* SB11 */
			}
		}
		if (brk)
			p[v[j].off] = 1;
	}
	free(v);
}

/* ---- a sentence around an offset ---------------------------------------- */

static size_t char_start(const uint8_t *t, size_t len, size_t off)
{
	while (off > 0 && off < len && (t[off] & 0xC0) == 0x80)
		off--;
	return off;
}

static int blank_line_before(const uint8_t *t, size_t lf)
{
	/* t[lf] is an LF: is the line that ends there blank? */
	size_t i = lf;
	while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\r'))
		i--;
	return i == 0 || t[i - 1] == '\n';
}

static int is_space_byte(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void sent_span(const uint8_t *text, size_t len, size_t off, unsigned flags,
	       size_t *start, size_t *end)
{
	if (off > len)
		off = len;
	size_t lo = off > SENT_REACH ? off - SENT_REACH : 0;
	size_t hi = len - off > SENT_REACH ? off + SENT_REACH : len;
	/* The paragraph: back to a line start (or a blank line), forward to a
	 * line end (or a blank line).  An offset on an LF belongs to the line
	 * it ends. */
	size_t ps = off;
	while (ps > lo) {
		if (text[ps - 1] == '\n' && (!(flags & SENT_SOFT_LF) || blank_line_before(text, ps - 1)))
			break;
		ps--;
	}
	size_t pe = off;
	while (pe < hi) {
		if (text[pe] == '\n' && (!(flags & SENT_SOFT_LF) || pe + 1 >= len || text[pe + 1] == '\n'
					  || blank_line_before(text, pe)))
			break;
		pe++;
	}
	/* A paragraph cut at lo starts at the next character, not inside one. */
	while (ps < off && ps < len && (text[ps] & 0xC0) == 0x80)
		ps++;
	size_t cut = char_start(text, len, pe);
	if (cut > ps && cut < pe && hi < len)
		pe = cut;
	size_t n = pe - ps;
	char *p = xmalloc(n ? n : 1);
	sent_breaks(text + ps, n, flags, p);
	/* The last break at or before off starts its sentence; trailing white
	 * space belongs to the sentence before it (UAX #29 says so too). */
	size_t rel = off - ps, s0 = 0, e0 = n;
	for (size_t i = 1; i <= rel && i < n; i++)
		if (p[i])
			s0 = i;
	for (size_t i = rel + 1; i < n; i++)
		if (p[i]) {
			e0 = i;
			break;
		}
	free(p);
	while (e0 > s0 && is_space_byte(text[ps + e0 - 1]))
		e0--;
	while (s0 < e0 && is_space_byte(text[ps + s0]))
		s0++;
	*start = ps + s0;
	*end = ps + e0;
}

int sent_hard_wrapped(const uint8_t *text, size_t len, size_t sample)
{
	size_t n = len < sample ? len : sample;
	size_t nlong = 0, cont = 0, over = 0, blank = 0;
	for (size_t ls = 0; ls < n;) {
		const uint8_t *lf = memchr(text + ls, '\n', n - ls);
		size_t le = lf ? (size_t)(lf - text) : n;
		size_t cps = 0;
		for (size_t i = ls; i < le; i++)
			cps += (text[i] & 0xC0) != 0x80;
		if (cps == 0)
			blank++;
		else if (cps >= 40) {
			nlong++;
			if (cps > 100)
				over++;
			if (le + 1 < n && text[le + 1] != '\n')
				cont++;
		}
		if (!lf)
			break;
		ls = le + 1;
	}
	/* Most long lines go on in the next line, and almost none is longer
	 * than a terminal: paragraphs wrapped by hand, not one a line. */
	return nlong >= 3 && cont * 2 > nlong && over * 10 < nlong && blank > 0;
}
