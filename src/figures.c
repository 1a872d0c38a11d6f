/* Finds figures in English text by rule: percentages, dates, durations, counts, money. */
#include "config.h"

#include <math.h>     /* isfinite: a builtin, no libm */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "brief/figures.h"
#include "brief/util.h"
#include "brief/word.h"

/* Byte classes for the main loop.  C_SYM: '$' and the lead bytes of the
 * currency signs we know (U+00A3, U+00A5, U+20A9, U+20AC, U+20B9). */
enum { C_NONE, C_ALPHA, C_DIGIT, C_SYM };

static const unsigned char byte_class[256] = {
	['0' ... '9'] = C_DIGIT,
	['A' ... 'Z'] = C_ALPHA,
	['a' ... 'z'] = C_ALPHA,
	['$'] = C_SYM,
	[0xC2] = C_SYM,
	[0xE2] = C_SYM,
};

/* One slice being scanned.  lo is the lookbehind floor (from, or the end of
 * the last figure so figures never overlap); hi is `to`, never read; word
 * boundaries are judged in [from, hi). */
struct scan {
	struct figures *f;
	const uint8_t *t;
	size_t lo, hi, from;
};

static int is_digit(uint8_t c) { return (unsigned)(c - '0') < 10; }
static int is_alpha(uint8_t c) { return (unsigned)((c | 0x20) - 'a') < 26; }
static int is_upper(uint8_t c) { return (unsigned)(c - 'A') < 26; }
static int is_alnum(uint8_t c) { return is_digit(c) || is_alpha(c); }

static int at(const struct scan *s, size_t i) { return i < s->hi ? s->t[i] : -1; }
static int dig(const struct scan *s, size_t i) { return i < s->hi && is_digit(s->t[i]); }

/* A word boundary at i (word.h), the slice as context: a figure starts
 * and ends where a quote or a mention would.  Han, kana and Thai next to a
 * number are a boundary ("韓国は3.5%を" holds a figure); Latin, Greek,
 * Cyrillic and Hangul letters are not. */
static int boundary(const struct scan *s, size_t i)
{
	return word_boundary(s->t, s->from, s->hi, i);
}

static int joins(enum word_class k)
{
	return k == WORD_LETTER || k == WORD_DIGIT;
}

/* A letter or digit that makes one word with digits starts at i, or ends
 * just before i (no further back than lo): "COVID" before "-19", "2" in
 * "2+2". */
static int joins_at(const struct scan *s, size_t i)
{
	return joins(word_class_at(s->t, s->hi, i));
}

static int joins_before(const struct scan *s, size_t i)
{
	return joins(word_class_before(s->t, s->lo, i));
}

/* Length of a horizontal space at i: space, tab, no-break, narrow and thin spaces. */
static size_t space_len(const struct scan *s, size_t i)
{
	int c = at(s, i);
	if (c == ' ' || c == '\t')
		return 1;
	if (c == 0xC2 && at(s, i + 1) == 0xA0)
		return 2;
	if (c == 0xE2 && at(s, i + 1) == 0x80) {
		int d = at(s, i + 2);
		if (d == 0xAF || d == 0x89 || d == 0x87)
			return 3;
	}
	return 0;
}

static size_t skip_sp(const struct scan *s, size_t i)
{
	size_t n;
	while ((n = space_len(s, i)) != 0)
		i += n;
	return i;
}

/* Start of the run of spaces ending at i, not below lo. */
static size_t back_sp(const struct scan *s, size_t i)
{
	const uint8_t *t = s->t;
	for (;;) {
		if (i > s->lo && (t[i - 1] == ' ' || t[i - 1] == '\t'))
			i--;
		else if (i >= s->lo + 2 && t[i - 2] == 0xC2 && t[i - 1] == 0xA0)
			i -= 2;
		else if (i >= s->lo + 3 && t[i - 3] == 0xE2 && t[i - 2] == 0x80 &&
			 (t[i - 1] == 0xAF || t[i - 1] == 0x89 || t[i - 1] == 0x87))
			i -= 3;
		else
			return i;
	}
}

/* End of a whole ASCII word starting at i, or i when there is none. */
static size_t word_end(const struct scan *s, size_t i)
{
	size_t j = i;
	while (j < s->hi && is_alpha(s->t[j]))
		j++;
	if (j == i || !boundary(s, j))
		return i;
	return j;
}

/* Start of a whole ASCII word ending at i, or i when there is none. */
static size_t word_start(const struct scan *s, size_t i)
{
	size_t j = i;
	while (j > s->lo && is_alpha(s->t[j - 1]))
		j--;
	if (j == i || !boundary(s, j))
		return i;
	return j;
}

/* The word t[i,j) is w, ignoring ASCII case. */
static int word_is(const struct scan *s, size_t i, size_t j, const char *w)
{
	size_t k = 0;
	for (; w[k] && i + k < j; k++)
		if ((s->t[i + k] | 0x20) != (uint8_t)w[k])
			return 0;
	return !w[k] && i + k == j;
}

/* Index in list (NULL-terminated) of the word t[i,j), or -1. */
static int word_in(const struct scan *s, size_t i, size_t j, const char *const *list)
{
	for (int k = 0; list[k]; k++)
		if (word_is(s, i, j, list[k]))
			return k;
	return -1;
}

/* The word before i (over spaces), in list: returns its index and start. */
static int word_back_in(const struct scan *s, size_t i, const char *const *list, size_t *wstart)
{
	size_t e = back_sp(s, i);
	if (e == i)
		return -1;
	size_t b = word_start(s, e);
	if (b == e)
		return -1;
	int k = word_in(s, b, e, list);
	if (k >= 0)
		*wstart = b;
	return k;
}

/* Where the word w (lower case) after spaces from e ends, or 0: the
 * first letter is compared before the word is found, which most text
 * fails. */
static size_t word_after_is(const struct scan *s, size_t e, const char *w)
{
	size_t j = skip_sp(s, e), je;
	if (j == e || j >= s->hi || (s->t[j] | 0x20) != (uint8_t)w[0])
		return 0;
	return (je = word_end(s, j)) > j && word_is(s, j, je, w) ? je : 0;
}

/* ---- vocabulary ---- */

enum kw_type { KW_NUM, KW_TENS, KW_SCALE, KW_DOZEN, KW_PLURAL, KW_ORD };

struct keyword {
	const char *w;
	size_t len;
	enum kw_type type;
	double v;
};

#define KW(w, type, v) { w, sizeof w - 1, type, v }
#define LEN(a) (sizeof (a) / sizeof (a)[0])

/* Number words grouped by initial, so a word costs a few length compares. */
static const struct keyword kw_b[] = {
	KW("billion", KW_SCALE, 1e9), KW("billions", KW_PLURAL, 2e9),
};
static const struct keyword kw_d[] = {
	KW("dozen", KW_DOZEN, 12), KW("dozens", KW_PLURAL, 24),
};
static const struct keyword kw_e[] = {
	KW("eight", KW_NUM, 8), KW("eighteen", KW_NUM, 18), KW("eighth", KW_ORD, 8),
	KW("eighty", KW_TENS, 80), KW("eleven", KW_NUM, 11), KW("eleventh", KW_ORD, 11),
};
static const struct keyword kw_f[] = {
	KW("fifteen", KW_NUM, 15), KW("fifth", KW_ORD, 5), KW("fifty", KW_TENS, 50),
	KW("first", KW_ORD, 1), KW("five", KW_NUM, 5), KW("forty", KW_TENS, 40),
	KW("four", KW_NUM, 4), KW("fourteen", KW_NUM, 14), KW("fourth", KW_ORD, 4),
};
static const struct keyword kw_h[] = {
	KW("hundred", KW_SCALE, 100), KW("hundreds", KW_PLURAL, 200),
};
static const struct keyword kw_m[] = {
	KW("million", KW_SCALE, 1e6), KW("millions", KW_PLURAL, 2e6),
};
static const struct keyword kw_n[] = {
	KW("nine", KW_NUM, 9), KW("nineteen", KW_NUM, 19), KW("ninety", KW_TENS, 90),
	KW("ninth", KW_ORD, 9),
};
static const struct keyword kw_o[] = {
	KW("one", KW_NUM, 1),
};
static const struct keyword kw_s[] = {
	KW("second", KW_ORD, 2), KW("seven", KW_NUM, 7), KW("seventeen", KW_NUM, 17),
	KW("seventh", KW_ORD, 7), KW("seventy", KW_TENS, 70), KW("six", KW_NUM, 6),
	KW("sixteen", KW_NUM, 16), KW("sixth", KW_ORD, 6), KW("sixty", KW_TENS, 60),
};
static const struct keyword kw_t[] = {
	KW("ten", KW_NUM, 10), KW("tens", KW_PLURAL, 20), KW("tenth", KW_ORD, 10),
	KW("third", KW_ORD, 3),
	KW("thirteen", KW_NUM, 13), KW("thirty", KW_TENS, 30),
	KW("thousand", KW_SCALE, 1e3), KW("thousands", KW_PLURAL, 2e3),
	KW("three", KW_NUM, 3), KW("trillion", KW_SCALE, 1e12),
	KW("twelfth", KW_ORD, 12), KW("twelve", KW_NUM, 12),
	KW("twenty", KW_TENS, 20), KW("two", KW_NUM, 2),
};

/* The word t[i,i+n) equals lowercase w, ignoring ASCII case. */
static int same_ci(const uint8_t *t, const char *w, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if ((t[k] | 0x20) != (uint8_t)w[k])
			return 0;
	return 1;
}

#define BIT(c) (1u << ((c) & 31))

/* Keyword lists by initial letter. */
static const struct {
	const struct keyword *list;
	size_t n;
} by_initial[26] = {
	['b' - 'a'] = { kw_b, LEN(kw_b) }, ['d' - 'a'] = { kw_d, LEN(kw_d) },
	['e' - 'a'] = { kw_e, LEN(kw_e) }, ['f' - 'a'] = { kw_f, LEN(kw_f) },
	['h' - 'a'] = { kw_h, LEN(kw_h) }, ['m' - 'a'] = { kw_m, LEN(kw_m) },
	['n' - 'a'] = { kw_n, LEN(kw_n) }, ['o' - 'a'] = { kw_o, LEN(kw_o) },
	['s' - 'a'] = { kw_s, LEN(kw_s) }, ['t' - 'a'] = { kw_t, LEN(kw_t) },
};

/* Third letters allowed after each two-letter start of an anchor word
 * (number words, months, currency codes): a sieve that turns away "the",
 * "that", "said" before anything else looks at them.  Indexed by the low
 * five bits of each byte, so case folds for free; a digit may alias a
 * letter, which only costs a needless closer look. */
#define BI(a, b) (((a) & 31) * 32 + ((b) & 31))
static const uint32_t third_letter[32 * 32] = {
	/* number words */
	[BI('b', 'i')] = BIT('l'), [BI('d', 'o')] = BIT('z'), [BI('e', 'i')] = BIT('g'),
	[BI('e', 'l')] = BIT('e'), [BI('f', 'i')] = BIT('f') | BIT('r') | BIT('v'),
	[BI('f', 'o')] = BIT('r') | BIT('u'), [BI('h', 'u')] = BIT('n'), [BI('m', 'i')] = BIT('l') | BIT('n'),
	[BI('n', 'i')] = BIT('n'), [BI('o', 'n')] = BIT('e'),
	[BI('s', 'e')] = BIT('c') | BIT('v') | BIT('p'), /* second, seven, Sep */
	[BI('s', 'i')] = BIT('x'), [BI('t', 'e')] = BIT('n'),
	[BI('t', 'h')] = BIT('i') | BIT('o') | BIT('r') | BIT('u'), [BI('t', 'r')] = BIT('i'),
	[BI('t', 'w')] = BIT('e') | BIT('o'),
	/* months */
	[BI('j', 'a')] = BIT('n'), [BI('f', 'e')] = BIT('b'),
	[BI('m', 'a')] = BIT('r') | BIT('y') | BIT('c'),         /* March, May, Mach */
	[BI('a', 'p')] = BIT('r'), [BI('j', 'u')] = BIT('n') | BIT('l'), [BI('a', 'u')] = BIT('g'),
	[BI('o', 'c')] = BIT('t'), [BI('n', 'o')] = BIT('v'), [BI('d', 'e')] = BIT('c'),
	/* weekdays: Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday
	 * (Monday shares "mon" with month) */
	[BI('t', 'u')] = BIT('e'), [BI('f', 'r')] = BIT('i'), [BI('s', 'a')] = BIT('t'),
	[BI('s', 'u')] = BIT('n'),
	/* duration units after "a": year, week, day, hour, minute, month */
	[BI('y', 'e')] = BIT('a'), [BI('w', 'e')] = BIT('e') | BIT('d'), [BI('d', 'a')] = BIT('y'),
	[BI('h', 'o')] = BIT('u'), [BI('m', 'o')] = BIT('n'),
	/* currency codes */
	[BI('u', 's')] = BIT('d'), [BI('e', 'u')] = BIT('r'), [BI('g', 'b')] = BIT('p'),
	[BI('j', 'p')] = BIT('y'), [BI('c', 'n')] = BIT('y'), [BI('r', 'm')] = BIT('b'),
	[BI('k', 'r')] = BIT('w'), [BI('i', 'n')] = BIT('r'),
};

/* Could a word starting with c0 c1 c2 be an anchor?  May say yes wrongly,
 * never no wrongly. */
static int sieve(uint8_t c0, uint8_t c1, uint8_t c2)
{
	return (third_letter[BI(c0, c1)] & BIT(c2)) != 0;
}

/* Keyword for the word t[i,j), any case. */
static const struct keyword *keyword_at(const struct scan *s, size_t i, size_t j)
{
	size_t len = j - i;
	if (len < 3 || len > 9)
		return NULL;
	if (!is_alpha(s->t[i]))
		return NULL;
	const struct keyword *list = by_initial[(s->t[i] | 0x20) - 'a'].list;
	size_t n = by_initial[(s->t[i] | 0x20) - 'a'].n;
	for (size_t k = 0; k < n; k++)
		if (list[k].len == len && same_ci(s->t + i, list[k].w, len))
			return &list[k];
	return NULL;
}

/* Capitalised month names, then abbreviations (which need a day or year). */
#define MONTH(w, m, abbrev) { w, sizeof w - 1, m, abbrev }
static const struct { const char *w; size_t len; int m; int abbrev; } months[] = {
	MONTH("January", 1, 0), MONTH("February", 2, 0), MONTH("March", 3, 0), MONTH("April", 4, 0),
	MONTH("May", 5, 0), MONTH("June", 6, 0), MONTH("July", 7, 0), MONTH("August", 8, 0),
	MONTH("September", 9, 0), MONTH("October", 10, 0), MONTH("November", 11, 0),
	MONTH("December", 12, 0),
	MONTH("Jan", 1, 1), MONTH("Feb", 2, 1), MONTH("Mar", 3, 1), MONTH("Apr", 4, 1), MONTH("Jun", 6, 1),
	MONTH("Jul", 7, 1), MONTH("Aug", 8, 1), MONTH("Sep", 9, 1), MONTH("Sept", 9, 1), MONTH("Oct", 10, 1),
	MONTH("Nov", 11, 1), MONTH("Dec", 12, 1),
};

static const char *const weekdays[8] = {
	"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
};

/* 1..7 when t[i,j) is a weekday's name, capitalised; else 0. */
static int weekday_at(const struct scan *s, size_t i, size_t j)
{
	for (int k = 1; k <= 7; k++)
		if (j - i == strlen(weekdays[k]) && memcmp(s->t + i, weekdays[k], j - i) == 0)
			return k;
	return 0;
}

static int month_at(const struct scan *s, size_t i, size_t j, int *abbrev)
{
	if (j - i < 3)
		return 0;
	for (size_t k = 0; k < LEN(months); k++) {
		size_t n = months[k].len;
		if (j - i == n && months[k].w[0] == s->t[i] && memcmp(s->t + i, months[k].w, n) == 0) {
			*abbrev = months[k].abbrev;
			return months[k].m;
		}
	}
	return 0;
}

static const char *const duration_units[] = {
	"day", "week", "month", "year", "decade", "hour", "minute", "second", NULL
};

/* Money words after a number, and their codes. */
static const struct { const char *w; const char *code; } money_words[] = {
	{"dollar", "USD"}, {"dollars", "USD"}, {"yuan", "CNY"}, {"renminbi", "CNY"},
	{"yen", "JPY"}, {"won", "KRW"}, {"euro", "EUR"}, {"euros", "EUR"},
	{"pound", "GBP"}, {"pounds", "GBP"}, {"rupee", "INR"}, {"rupees", "INR"},
};

/* Codes written before a number: "USD 5 billion". */
static const struct { const char *w; const char *code; } money_codes[] = {
	{"USD", "USD"}, {"EUR", "EUR"}, {"GBP", "GBP"}, {"JPY", "JPY"},
	{"CNY", "CNY"}, {"RMB", "CNY"}, {"KRW", "KRW"}, {"INR", "INR"},
};

/* Letters glued before '$': "US$3", "HK$10". */
static const struct { const char *w; const char *code; } dollar_prefixes[] = {
	{"US", "USD"}, {"HK", "HKD"}, {"A", "AUD"}, {"C", "CAD"}, {"S", "SGD"},
	{"NT", "TWD"}, {"NZ", "NZD"},
};

/* Adjectives allowed between a number and its noun: "a dozen other nations". */
static const char *const count_adjectives[] = {
	"other", "new", "more", "additional", "further", "separate", "different",
	"major", "key", "main", "big", "small", "large", "senior", "top", "foreign",
	"extra", "former", "local", "rival", "straight", "consecutive", NULL
};
/* Endings of adjectives (and participles) before a counted noun, for words
 * of six letters or more: "1,200 operational hypersonic missiles", "3
 * Japanese carmakers", "500 armed drones", "40 remaining hostages". */
static const char *const adjective_suffixes[] = {
	"ese", "ian", "ean", "al", "ic", "ive", "ous", "ary", "ful", "less", "able", "ible",
	"ar", "ed", "ing", "ish", NULL
};
/* Words that are never a counted noun's modifier. */
static const char *const not_modifiers[] = {
	"the", "a", "an", "of", "in", "on", "and", "or", "to", "for", "with", "by", "at",
	"from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that",
	"this", "these", "those", "it", "its", "their", "his", "her", "we", "they", "he",
	"she", "not", "no", "but", "if", "so", "than", "then", "also", "which", "who",
	"percent", "per", "during", "since", "until", "into", "after", "before", NULL
};

/* Words ending in s that are not plural nouns. */
static const char *const not_plurals[] = {
	"always", "as", "besides", "does", "goes", "has", "his", "its", "perhaps",
	"thus", "was", "whereas", "yes", "towards", "afterwards", "unless", "hers",
	"ours", "theirs", "yours", "sometimes", "thirds", "quarters", "halves",
	"percents", "whose", "says", NULL
};
/* Verbs that end in s like a plural: after a noun used as a modifier
 * ("the 10 level includes") they make a clause, not a count. */
static const char *const s_verbs[] = {
	"includes", "contains", "provides", "requires", "allows", "means", "shows", "seems",
	"makes", "takes", "gives", "comes", "becomes", "remains", "appears", "applies", "uses",
	"needs", "wants", "runs", "works", "helps", "states", "notes", "adds", "calls", "plans",
	"aims", "hopes", "expects", "faces", "holds", "keeps", "leads", "meets", "pays", "puts",
	"sees", "sets", "stands", "starts", "tells", "tries", "turns", "wins", "covers", "lists",
	"supports", "describes", "defines", "permits", "grants", "refers", "consists", NULL
};
static const char *const irregular_plurals[] = {
	"people", "children", "men", "women", "police", "personnel", "cattle", "feet", "teeth",
	"mice", "geese", "gunmen", "servicemen", "policemen", "firemen", "fishermen",
	"congressmen", "businessmen", "spokesmen", "countrymen", "tribesmen", NULL
};

static const char *const part_words[] = { "early", "mid", "late", NULL };
/* Before "May" alone, which is otherwise the verb. */
static const char *const may_preps[] = {
	"in", "since", "until", "by", "last", "next", "this", "from", "through", "during",
	"before", "after", NULL
};
/* "last May", "next July": a month counted from the text's own time. */
static const char *const rel_words[] = { "last", "next", "this", NULL };
/* fig->rel of rel_words[k], and how it is written. */
static const int rel_of[] = { -1, 1, 2 };
static const char *rel_text(int rel)
{
	return rel < 0 ? "last " : rel == 1 ? "next " : rel == 2 ? "this " : "";
}

/* Physical units after a number, and the unit a figure carries. */
static const struct { const char *w; const char *unit; } measure_units[] = {
	{"km", "km"}, {"kilometres", "km"}, {"kilometers", "km"}, {"kilometre", "km"},
	{"kilometer", "km"}, {"miles", "miles"}, {"mile", "miles"}, {"metres", "m"},
	{"meters", "m"}, {"metre", "m"}, {"meter", "m"}, {"kg", "kg"}, {"kilograms", "kg"},
	{"kilogram", "kg"}, {"tonnes", "tonnes"}, {"tonne", "tonnes"}, {"tons", "tons"},
	{"ton", "tons"}, {"megatons", "megatons"}, {"kilotons", "kilotons"},
	{"mw", "MW"}, {"megawatts", "MW"}, {"gw", "GW"}, {"gigawatts", "GW"},
};

/* ---- figures storage ---- */

void figures_init(struct figures *f)
{
	memset(f, 0, sizeof *f);
	f->max = FIGURES_MAX;
}

void figures_free(struct figures *f)
{
	for (size_t i = 0; i < f->nunits; i++)
		free(f->units[i]);
	free(f->units);
	free(f->v);
	figures_init(f);
}

/* Intern p[0,n); only recent units are searched so the cost stays bounded
 * on huge documents (a rare duplicate is harmless). */
static const char *intern(struct figures *f, const uint8_t *p, size_t n)
{
	size_t lim = f->nunits > 64 ? f->nunits - 64 : 0;
	for (size_t k = f->nunits; k-- > lim;)
		if (strncmp(f->units[k], (const char *)p, n) == 0 && f->units[k][n] == '\0')
			return f->units[k];
	f->units = xgrowarray(f->units, &f->capunits, f->nunits + 1, sizeof *f->units);
	f->units[f->nunits] = xstrndup((const char *)p, n);
	return f->units[f->nunits++];
}

static size_t add(struct scan *s, const struct figure *in)
{
	/* Every rule's figure is a span of whole words, as a quote and a
	 * mention are: not "25%" with a combining mark on its '%'. */
	if (!word_whole(s->t, s->from, s->hi, in->start, in->end))
		return 0;
	struct figures *f = s->f;
	if (f->n >= f->max) {
		if (!f->full) {
			f->full = 1;
			f->full_at = in->start;
		}
		return in->end;
	}
	f->v = xgrowarray(f->v, &f->cap, f->n + 1, sizeof *f->v);
	struct figure *fg = &f->v[f->n++];
	*fg = *in;
	if (!fg->range)
		fg->high = fg->value;
	if (!fg->cmp_words)
		fg->cmp_words = "";
	if (!fg->rule)
		fg->rule = fig_kind_name(fg->kind);
	s->lo = fg->end;
	return fg->end;
}

/* ---- numbers ---- */

struct num {
	size_t start, end;
	double v;
	int digits;     /* written with digits */
	int plain;      /* digits only, no separator or decimal */
	int decimal;    /* digits after a decimal point */
	int ndig;
	int ordinal;    /* "first", "2nd" */
	int plural;     /* "dozens": at least two of them */
	int bare_scale; /* starts with "dozen"/"hundred"...: may take "a" before */
	int scaled;
	double scale;   /* what the scale words and suffixes multiplied: 1e9 in "5 billion" */
	int is_one;     /* the word "one" alone */
};

/* parse_number() flags. */
enum {
	PN_MONEY = 1,   /* suffixes such as "5bn" */
	PN_DASH = 2     /* "2-3": the first number of a range, a dash after it */
};

/* Multiplier of a suffix glued to a money amount: "2m", "5bn". */
static double money_suffix(const struct scan *s, size_t i, size_t *end)
{
	static const struct { const char *w; double m; } sfx[] = {
		{"k", 1e3}, {"m", 1e6}, {"mn", 1e6}, {"b", 1e9}, {"bn", 1e9},
		{"t", 1e12}, {"tn", 1e12},
	};
	size_t j = word_end(s, i);
	for (size_t k = 0; k < LEN(sfx); k++)
		if (word_is(s, i, j, sfx[k].w)) {
			*end = j;
			return sfx[k].m;
		}
	return 0;
}

/* A decimal spelled out after a whole number ending at i, as broadcast
 * copy writes it: "two-point-32 percent", "one-point-04 trillion won",
 * "five-point-five", "61-point-two".  Adds the fraction to *v and returns
 * where it ends, or i when there is none. */
static size_t spelled_fraction(const struct scan *s, size_t i, double *v)
{
	if (at(s, i) != '-')
		return i;
	size_t w = i + 1, we = word_end(s, w);
	if (!word_is(s, w, we, "point") || at(s, we) != '-')
		return i;
	size_t f = we + 1;
	if (dig(s, f)) {
		double frac = 0, scale = 0.1;
		size_t k = f;
		for (; dig(s, k); k++, scale /= 10)
			frac += (s->t[k] - '0') * scale;
		if (!boundary(s, k))
			return i;
		*v += frac;
		return k;
	}
	size_t fe = word_end(s, f);
	const struct keyword *k = fe > f ? keyword_at(s, f, fe) : NULL;
	if (!k || k->type != KW_NUM || k->v >= 10)
		return i;
	*v += k->v / 10;
	return fe;
}

/* Parse a number at p: digits ("1,000", "3.5", "2nd") or words ("twenty-five",
 * "a dozen" minus the "a", "dozens"), then scale words ("5 billion"). */
static int parse_number(const struct scan *s, size_t p, struct num *n, int flags)
{
	const uint8_t *t = s->t;
	size_t i = p, e;
	memset(n, 0, sizeof *n);
	n->start = p;
	n->scale = 1;
	if (is_digit(t[p])) {
		double v = 0;
		int sep = 0;
		while (dig(s, i)) {
			v = v * 10 + (t[i] - '0');
			i++;
		}
		n->ndig = (int)(i - p);
		if (n->ndig <= 3)
			while (at(s, i) == ',' && dig(s, i + 1) && dig(s, i + 2) && dig(s, i + 3) &&
			       !dig(s, i + 4)) {
				v = v * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
				i += 4;
				sep = 1;
			}
		if (at(s, i) == '.' && dig(s, i + 1)) {
			double scale = 0.1;
			n->decimal = 1;
			for (i++; dig(s, i); i++, scale /= 10)
				v += (t[i] - '0') * scale;
			sep = 1;
		}
		/* "1,00", "1.2.3": not a number we can read. */
		if ((at(s, i) == ',' || at(s, i) == '.') && dig(s, i + 1))
			return 0;
		if (!sep && !boundary(s, i)) {
			size_t j = word_end(s, i);
			if (word_is(s, i, j, "st") || word_is(s, i, j, "nd") ||
			    word_is(s, i, j, "rd") || word_is(s, i, j, "th")) {
				n->ordinal = 1;
				i = j;
			}
		}
		if (!sep && !n->ordinal) {
			size_t fe = spelled_fraction(s, i, &v);
			if (fe != i) {
				i = fe;
				n->decimal = sep = 1;
			}
		}
		if ((flags & PN_MONEY) && !n->ordinal && !boundary(s, i)) {
			double m = money_suffix(s, i, &i);
			if (m > 0) {
				v *= m;
				n->scale = m;
				n->scaled = 1;
			}
		}
		if (!boundary(s, i))
			return 0;
		/* "2+2", "10:30", "24/7", "2-1": expressions, times, ranges. */
		int c = at(s, i);
		if (c > 0 && strchr("+*/=:^", c) && joins_at(s, i + 1))
			return 0;
		if (c == '-' && dig(s, i + 1) && !(flags & PN_DASH))
			return 0;
		n->v = v;
		n->digits = 1;
		n->plain = !sep;
		e = i;
		if (n->ordinal) {
			n->end = e;
			return 1;
		}
	} else {
		e = word_end(s, p);
		const struct keyword *k = e > p ? keyword_at(s, p, e) : NULL;
		if (!k)
			return 0;
		n->v = k->v;
		switch (k->type) {
		case KW_ORD:
			n->ordinal = 1;
			n->end = e;
			return 1;
		case KW_PLURAL:
			n->plural = 1;
			n->end = e;
			return 1;
		case KW_SCALE:
		case KW_DOZEN:
			n->bare_scale = 1;
			break;
		case KW_TENS: {
			/* "twenty-five", "twenty five" */
			size_t j = at(s, e) == '-' ? e + 1 : skip_sp(s, e);
			size_t je = j > e ? word_end(s, j) : j;
			const struct keyword *u = je > j ? keyword_at(s, j, je) : NULL;
			if (u && u->type == KW_NUM && u->v < 10) {
				n->v += u->v;
				e = je;
			}
			break;
		}
		case KW_NUM: {
			n->is_one = word_is(s, p, e, "one");
			size_t fe = spelled_fraction(s, e, &n->v);
			if (fe != e) {
				e = fe;
				n->decimal = 1;
				n->is_one = 0;
			}
			break;
		}
		}
	}
	/* Scale words: "5 billion", "two hundred thousand", "three dozen". */
	for (;;) {
		size_t j = at(s, e) == '-' ? e + 1 : skip_sp(s, e);
		if (j == e)
			break;
		size_t je = word_end(s, j);
		const struct keyword *k = je > j ? keyword_at(s, j, je) : NULL;
		if (!k || (k->type != KW_SCALE && k->type != KW_DOZEN))
			break;
		n->v *= k->v;
		n->scale *= k->v;
		n->scaled = 1;
		n->is_one = 0;
		e = je;
	}
	n->end = e;
	return 1;
}

/* ---- comparators and other lookbehind ---- */

/* Verbs after which "up to" is the level reached, not a bound: "went up
 * to $462 billion". */
static const char *const motion_verbs[] = {
	"went", "go", "goes", "going", "gone", "rose", "rise", "rises", "rising", "risen",
	"grew", "grow", "grows", "growing", "grown", "shot", "climbed", "climb", "climbs",
	"climbing", "jumped", "jump", "jumps", "jumping", "soared", "soar", "soars",
	"soaring", "surged", "surge", "surges", "surging", "increased", "increase",
	"increases", "increasing", "moved", "move", "moves", "moving", "ramped", "ramp",
	"ramps", "ramping", "edged", "inched", "ticked", "crept", "spiked", "stepped",
	"bumped", "pushed", "added", "adds", "add", "adding", "came", "come", "comes",
	"coming", "built", NULL
};

/* Comparators a modifier can sharpen ("just over", "well above"), and
 * each so sharpened, as the text words it. */
enum { M_OVER, M_UNDER, M_ABOVE, M_BELOW, M_MORE, M_LESS, M_FEWER, M_NONE };
static const char *const modifiers[] = { "just", "slightly", "well", NULL };
static const char *const modified[3][M_NONE] = {
	{ "just over", "just under", "just above", "just below", "just more than",
	  "just less than", "just fewer than" },
	{ "slightly over", "slightly under", "slightly above", "slightly below",
	  "slightly more than", "slightly less than", "slightly fewer than" },
	{ "well over", "well under", "well above", "well below", "well more than",
	  "well less than", "well fewer than" },
};

/* Comparator words ending just before i (over spaces): returns the
 * comparator, moves *start to its first word and sets *words to its
 * wording (static, lower case).  CoreNLP's comparators and news usage:
 * "less than", "no more than", "at least", "up to", "as many as", "as
 * high as", "within", "an estimated", "just over", "in excess of"... */
static enum fig_cmp cmp_back(const struct scan *s, size_t i, size_t *start, const char **words)
{
	static const struct { const char *w; enum fig_cmp c; int mod; } single[] = {
		{"below", FIG_LT, M_BELOW}, {"under", FIG_LT, M_UNDER}, {"over", FIG_GT, M_OVER},
		{"above", FIG_GT, M_ABOVE}, {"about", FIG_APPROX, M_NONE},
		{"around", FIG_APPROX, M_NONE}, {"roughly", FIG_APPROX, M_NONE},
		{"nearly", FIG_APPROX, M_NONE}, {"almost", FIG_APPROX, M_NONE},
		{"approximately", FIG_APPROX, M_NONE}, {"some", FIG_APPROX, M_NONE},
		{"within", FIG_LE, M_NONE}, {"estimated", FIG_APPROX, M_NONE},
	};
	static const char *const than_w[] = { "less", "fewer", "more", NULL };
	static const char *const than_words[2][3] = {
		{ "less than", "fewer than", "more than" },
		{ "no less than", "no fewer than", "no more than" },
	};
	/* "as many as 300" is at most 300; "as few as 3" at least 3. */
	static const char *const as_w[] = { "many", "much", "high", "few", "little", "low", NULL };
	static const char *const as_words[] = {
		"as many as", "as much as", "as high as", "as few as", "as little as", "as low as"
	};
	static const char *const no_w[] = { "no", NULL }, *const at_w[] = { "at", NULL };
	static const char *const up_w[] = { "up", NULL }, *const as1_w[] = { "as", NULL };
	static const char *const an_w[] = { "an", NULL }, *const in_w[] = { "in", NULL };
	static const char *const of_w[] = { "upwards", "excess", NULL };
	static const char *const est_w[] = { "estimated", NULL };
	/* The last letters of every comparator: most words before a number
	 * ("the", "of", "in", "on") end none, and cost no more. */
	static const uint32_t last = BIT('w') | BIT('r') | BIT('e') | BIT('t') | BIT('d') |
		BIT('y') | BIT('n') | BIT('s') | BIT('o') | BIT('f');
	size_t e = back_sp(s, i);
	if (e == i || e <= s->lo || !(last & BIT(s->t[e - 1])) || !is_alpha(s->t[e - 1]))
		return FIG_EQ;
	size_t b = word_start(s, e), b2, b3;
	if (b == e)
		return FIG_EQ;
	enum fig_cmp c = FIG_EQ;
	const char *w = NULL;
	size_t st = b;
	int mod = M_NONE, k;
	for (size_t j = 0; j < LEN(single) && c == FIG_EQ; j++)
		if (word_is(s, b, e, single[j].w)) {
			c = single[j].c;
			w = single[j].w;
			mod = single[j].mod;
		}
	if (c != FIG_EQ)
		;       /* one word */
	else if (word_is(s, b, e, "than")) {
		if ((k = word_back_in(s, b, than_w, &b2)) < 0)
			return FIG_EQ;
		int no = word_back_in(s, b2, no_w, &b3) == 0;
		st = no ? b3 : b2;
		w = than_words[no][k];
		c = k == 2 ? (no ? FIG_LE : FIG_GT) : (no ? FIG_GE : FIG_LT);
		mod = no ? M_NONE : k == 2 ? M_MORE : k == 1 ? M_FEWER : M_LESS;
	} else if (word_is(s, b, e, "least") && word_back_in(s, b, at_w, &b2) == 0) {
		st = b2, w = "at least", c = FIG_GE;
	} else if (word_is(s, b, e, "most") && word_back_in(s, b, at_w, &b2) == 0) {
		st = b2, w = "at most", c = FIG_LE;
	} else if (word_is(s, b, e, "to") && word_back_in(s, b, up_w, &b2) == 0) {
		if (word_back_in(s, b2, motion_verbs, &b3) >= 0)
			return FIG_EQ;  /* "went up to $462 billion": a level reached */
		st = b2, w = "up to", c = FIG_LE;
	} else if (word_is(s, b, e, "as") && (k = word_back_in(s, b, as_w, &b2)) >= 0 &&
		   word_back_in(s, b2, as1_w, &b3) == 0) {
		st = b3, w = as_words[k], c = k < 3 ? FIG_LE : FIG_GE;
	} else if (word_is(s, b, e, "of") && (k = word_back_in(s, b, of_w, &b2)) >= 0) {
		if (k == 1 && word_back_in(s, b2, in_w, &b3) != 0)
			return FIG_EQ;
		st = k == 1 ? b3 : b2, w = k == 1 ? "in excess of" : "upwards of", c = FIG_GT;
	} else if (word_is(s, b, e, "at") && word_back_in(s, b, est_w, &b2) == 0) {
		st = b2, w = "estimated at", c = FIG_APPROX;
	} else {
		return FIG_EQ;
	}
	/* "$110 billion over two years": over after a figure spreads it across
	 * the second, and bounds nothing. */
	if (mod == M_OVER && s->f->n && back_sp(s, st) == s->lo &&
	    s->f->v[s->f->n - 1].end == s->lo)
		return FIG_EQ;
	if (!strcmp(w, "estimated") && word_back_in(s, st, an_w, &b2) == 0)
		st = b2, w = "an estimated";
	if (mod != M_NONE && (k = word_back_in(s, st, modifiers, &b2)) >= 0)
		st = b2, w = modified[k][mod];
	*start = st;
	*words = w;
	return c;
}

/* A comparator after the figure ending at e: "3 percent or more", "300
 * troops or so", "a year or longer"; moves *end past it. */
static enum fig_cmp cmp_after(const struct scan *s, size_t e, size_t *end, const char **words)
{
	static const struct { const char *w, *words; enum fig_cmp c; } post[] = {
		{"more", "or more", FIG_GE}, {"higher", "or higher", FIG_GE},
		{"greater", "or greater", FIG_GE}, {"above", "or above", FIG_GE},
		{"longer", "or longer", FIG_GE}, {"less", "or less", FIG_LE},
		{"fewer", "or fewer", FIG_LE}, {"lower", "or lower", FIG_LE},
		{"below", "or below", FIG_LE}, {"shorter", "or shorter", FIG_LE},
		{"so", "or so", FIG_APPROX},
	};
	size_t je = word_after_is(s, e, "or"), k, ke;
	if (!je || (k = skip_sp(s, je)) == je || (ke = word_end(s, k)) == k)
		return FIG_EQ;
	for (size_t n = 0; n < LEN(post); n++)
		if (word_is(s, k, ke, post[n].w)) {
			*end = ke;
			*words = post[n].words;
			return post[n].c;
		}
	return FIG_EQ;
}

/* A comparator after the figure *fg when none came before it. */
static void cmp_after_fig(const struct scan *s, struct figure *fg)
{
	if (fg->cmp == FIG_EQ)
		fg->cmp = cmp_after(s, fg->end, &fg->end, &fg->cmp_words);
}

/* "early July", "mid-2025": the part word before i; moves *start to it. */
static enum fig_part part_back(const struct scan *s, size_t i, size_t *start)
{
	size_t b, e;
	int k = -1;
	if (i > s->lo && s->t[i - 1] == '-') {
		b = word_start(s, i - 1);
		if (b < i - 1)
			k = word_in(s, b, i - 1, part_words);
	} else if ((e = back_sp(s, i)) < i && e > s->lo && strchr("yYeEdD", s->t[e - 1])) {
		k = word_back_in(s, i, part_words, &b);  /* early, mid, late */
	}
	if (k < 0)
		return FIG_PART_NONE;
	*start = b;
	return (enum fig_part)(FIG_PART_EARLY + k);
}

/* ---- tails after a number ---- */

/* After e: spaces, or a hyphen when allowed ("90-day", "25-percent"). */
static size_t sep_after(const struct scan *s, size_t e, int hyphen)
{
	size_t j = skip_sp(s, e);
	if (j == e && hyphen && at(s, e) == '-')
		j = e + 1;
	return j;
}

/* The word at j (after spaces from e) and its end; j == e when none. */
static size_t next_word(const struct scan *s, size_t e, size_t *we)
{
	size_t j = skip_sp(s, e);
	if (j == e || (*we = word_end(s, j)) == j)
		return e;
	return j;
}

/* Past "Japan's" or "Japan’s" at j (a word ending at je), or j. */
static size_t possessive_end(const struct scan *s, size_t j, size_t je)
{
	size_t k = je;
	if (at(s, k) == '\'')
		k++;
	else if (at(s, k) == 0xE2 && at(s, k + 1) == 0x80 && at(s, k + 2) == 0x99)
		k += 3;
	else
		return j;
	if (k == je || (at(s, k) | 0x20) != 's' || !boundary(s, k + 1))
		return j;
	return k + 1;
}

/* " of GDP" after e in every wording: "of their GDP", "of the GDP", "of
 * Japan's GDP", "of gross domestic product", "of its economic output".
 * Returns where it ends, or 0. */
static size_t gdp_after(const struct scan *s, size_t e)
{
	static const char *const dets[] = {
		"the", "its", "their", "his", "her", "our", "your", "a", "annual", "national",
		"country's", NULL
	};
	size_t we = word_after_is(s, e, "of");
	if (!we)
		return 0;
	size_t g, ge;
	for (int k = 0; k < 3; k++) {
		if ((g = next_word(s, we, &ge)) == we)
			return 0;
		if (word_is(s, g, ge, "gdp"))
			return ge;
		size_t g2, ge2, g3, ge3;
		if (word_is(s, g, ge, "gross") && (g2 = next_word(s, ge, &ge2)) > ge &&
		    word_is(s, g2, ge2, "domestic") && (g3 = next_word(s, ge2, &ge3)) > ge2 &&
		    word_is(s, g3, ge3, "product"))
			return ge3;
		if (word_is(s, g, ge, "economic") && (g2 = next_word(s, ge, &ge2)) > ge &&
		    word_is(s, g2, ge2, "output"))
			return ge2;
		/* a determiner or a possessive, then the rest */
		size_t pe = possessive_end(s, g, ge);
		if (pe > g)
			we = pe;
		else if (word_in(s, g, ge, dets) >= 0)
			we = ge;
		else
			return 0;
	}
	return 0;
}

static const char *tail_percent(const struct scan *s, size_t e, size_t *end)
{
	size_t j = skip_sp(s, e), je;
	const char *unit = NULL;
	if (at(s, j) == '%') {
		unit = "%";
		*end = j + 1;
	} else {
		j = sep_after(s, e, 1);
		if (j == e || (je = word_end(s, j)) == j)
			return NULL;
		if (word_is(s, j, je, "percent") || word_is(s, j, je, "pct")) {
			unit = "%";
			*end = je;
		} else if (word_is(s, j, je, "per")) {
			size_t k = sep_after(s, je, 1), ke = word_end(s, k);
			if (k == je || !word_is(s, k, ke, "cent"))
				return NULL;
			unit = "%";
			*end = ke;
		} else if (word_is(s, j, je, "percentage")) {
			size_t k = sep_after(s, je, 1), ke = word_end(s, k);
			if (k == je || !(word_is(s, k, ke, "point") || word_is(s, k, ke, "points")))
				return NULL;
			unit = "pp";
			*end = ke;
		} else {
			return NULL;
		}
	}
	size_t g = gdp_after(s, *end);
	if (g) {
		*end = g;
		return unit[0] == 'p' ? "pp of GDP" : "% of GDP";
	}
	return unit;
}

static const char *tail_duration(const struct scan *s, size_t e, size_t *end)
{
	size_t j = sep_after(s, e, 1), je;
	if (j == e || (je = word_end(s, j)) == j)
		return NULL;
	size_t stem = (s->t[je - 1] | 0x20) == 's' ? je - 1 : je;
	int k = word_in(s, j, stem, duration_units);
	if (k < 0)
		return NULL;
	*end = je;
	return duration_units[k];
}

static const char *tail_money(const struct scan *s, size_t e, const struct num *n, size_t *end)
{
	size_t j = sep_after(s, e, 1), je;
	if (j == e || (je = word_end(s, j)) == j)
		return NULL;
	if (word_is(s, j, je, "us")) { /* "US dollars" */
		size_t k = skip_sp(s, je), ke = k > je ? word_end(s, k) : k;
		if (ke > k && (word_is(s, k, ke, "dollars") || word_is(s, k, ke, "dollar"))) {
			*end = ke;
			return "USD";
		}
		return NULL;
	}
	for (size_t k = 0; k < LEN(money_words); k++)
		if (word_is(s, j, je, money_words[k].w)) {
			/* "won" is mostly the verb: only after digits or a scale. */
			if (strcmp(money_words[k].code, "KRW") == 0 && !n->digits && !n->scaled)
				return NULL;
			*end = je;
			return money_words[k].code;
		}
	return NULL;
}

static int plural_noun(const struct scan *s, size_t i, size_t j)
{
	if (j - i < 3)
		return word_in(s, i, j, irregular_plurals) >= 0;
	uint8_t a = s->t[j - 2] | 0x20, b = s->t[j - 1] | 0x20;
	if (b != 's')
		return word_in(s, i, j, irregular_plurals) >= 0;
	if (a == 's' || a == 'u' || a == 'i' || a == '\'')
		return 0;
	return word_in(s, i, j, not_plurals) < 0;
}

/* Where a modifier of a counted noun starting at j ends, or j: an
 * adjective ("other", "operational", "hypersonic"), an acronym ("US",
 * "EU") or initialism ("U.S."), hyphened compounds of those
 * ("long-range"). */
static size_t modifier_end(const struct scan *s, size_t j)
{
	size_t k = j;
	while (k < s->hi && (is_upper(s->t[k]) || (s->t[k] == '.' && k > j && is_upper(s->t[k - 1]))))
		k++;
	if (k - j >= 2 && boundary(s, k))
		return k;               /* "US", "EU", "U.S." */
	size_t e = word_end(s, j);
	if (e == j || (e - j <= 7 && word_in(s, j, e, not_modifiers) >= 0))
		return j;
	int ok = word_in(s, j, e, count_adjectives) >= 0;
	/* A capitalised word is a name ("United States", "Several") unless it
	 * names a people: "3 Japanese carmakers". */
	static const char *const peoples[] = { "ese", "ian", "ean", "can", "ish", NULL };
	const char *const *sfx = is_upper(s->t[j]) ? peoples : adjective_suffixes;
	for (int n = 0; !ok && sfx[n] && e - j >= 6; n++) {
		size_t l = strlen(sfx[n]);
		ok = word_is(s, e - l, e, sfx[n]);
	}
	if (at(s, e) == '-' && is_alpha((uint8_t)at(s, e + 1))) {
		size_t e2 = word_end(s, e + 1);
		if (e2 > e + 1 && !plural_noun(s, e + 1, e2))
			return e2;      /* "long-range", "nuclear-capable" */
	}
	return ok ? e : j;
}

/* "seven rounds", "a dozen other nations", "1,200 operational hypersonic
 * missiles", "140 pilot whales": at most three modifiers, two of them
 * perhaps nouns ("pilot", "city", "opposition"), and a plural noun, whose
 * span goes into *ns, *ne. */
static int tail_count(const struct scan *s, size_t e, size_t *ns, size_t *ne)
{
	int nouns = 0;
	for (int mods = 0; mods <= 3; mods++) {
		size_t j = skip_sp(s, e), je;
		if (j == e)
			return 0;
		/* word_end() is j where "U.S." starts: modifier_end() reads it */
		if ((je = word_end(s, j)) > j && plural_noun(s, j, je)) {
			if (nouns && word_in(s, j, je, s_verbs) >= 0)
				return 0;
			*ns = j;
			*ne = je;
			return 1;
		}
		size_t m = modifier_end(s, j);
		if (m == j) {
			/* a lower-case word that is no function word: a noun
			 * used as a modifier */
			if (je == j || !is_alpha(s->t[j]) || is_upper(s->t[j]) || ++nouns > 2 ||
			    (je - j <= 7 && word_in(s, j, je, not_modifiers) >= 0))
				return 0;
			m = je;
		}
		e = m;
	}
	return 0;
}

/* What follows a duration ending at e: "22-year-old", "seven years old"
 * (an age), "2 years ago", "two decades later" (a time counted back or
 * on).  The rule's name; *end moved past the word. */
static const char *duration_after(const struct scan *s, size_t e, size_t *end)
{
	static const struct { const char *w, *rule; } after[] = {
		{ "old", "duration-age" }, { "ago", "duration-ago" }, { "later", "duration-later" },
		{ "earlier", "duration-earlier" },
	};
	size_t j = at(s, e) == '-' ? e + 1 : skip_sp(s, e), je;
	if (j == e || (je = word_end(s, j)) == j)
		return "duration";
	for (size_t k = 0; k < LEN(after); k++)
		if (word_is(s, j, je, after[k].w) && (k == 0 || j > e + 1 || at(s, e) != '-')) {
			*end = je;
			return after[k].rule;
		}
	return "duration";
}

/* A physical unit after e: "6 km", "10-kilometre", "2 degrees Celsius". */
static const char *tail_measure(const struct scan *s, size_t e, size_t *end)
{
	size_t j = sep_after(s, e, 1), je;
	if (j == e || (je = word_end(s, j)) == j)
		return NULL;
	/* "Ninety Mile Beach" is a name */
	if (is_upper(s->t[j]) && je - j > 2)
		return NULL;
	for (size_t k = 0; k < LEN(measure_units); k++)
		if (word_is(s, j, je, measure_units[k].w)) {
			*end = je;
			return measure_units[k].unit;
		}
	if (word_is(s, j, je, "degrees") || word_is(s, j, je, "degree")) {
		size_t k, ke;
		if ((k = next_word(s, je, &ke)) == je)
			return NULL;
		*end = ke;
		if (word_is(s, k, ke, "celsius") || word_is(s, k, ke, "c"))
			return "°C";
		if (word_is(s, k, ke, "fahrenheit") || word_is(s, k, ke, "f"))
			return "°F";
	}
	return NULL;
}

/* A year of four digits at i, whole: 1900..2099. */
static int year_at(const struct scan *s, size_t i, size_t *end)
{
	if (!(dig(s, i) && dig(s, i + 1) && dig(s, i + 2) && dig(s, i + 3)) || dig(s, i + 4))
		return 0;
	const uint8_t *t = s->t + i;
	int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
	if (y < 1900 || y > 2099 || !boundary(s, i + 4) || at(s, i + 4) == '%')
		return 0;
	int c = at(s, i + 4);
	if ((c == ',' || c == '.') && dig(s, i + 5))
		return 0;
	if (c == '-' && dig(s, i + 5))
		return 0;
	*end = i + 4;
	return y;
}

/* A day of the month at i: 1..31 in one or two digits, maybe "9th". */
static int day_at(const struct scan *s, size_t i, size_t *end)
{
	size_t j = i;
	while (dig(s, j))
		j++;
	if (j == i || j - i > 2)
		return 0;
	int d = s->t[i] - '0';
	if (j - i == 2)
		d = d * 10 + s->t[i + 1] - '0';
	if (d < 1 || d > 31)
		return 0;
	size_t we = word_end(s, j);
	if (we > j && (word_is(s, j, we, "st") || word_is(s, j, we, "nd") ||
		       word_is(s, j, we, "rd") || word_is(s, j, we, "th")))
		j = we;
	int c = at(s, j);
	if (!boundary(s, j) || c == '%' || ((c == ',' || c == '.' || c == ':' || c == '-') && dig(s, j + 1)))
		return 0;
	*end = j;
	return d;
}

static void set_date(struct figure *fg, size_t start, size_t end, size_t ns, size_t ne,
		     int y, int m, int d, enum fig_part part, const char *rule)
{
	memset(fg, 0, sizeof *fg);
	fg->rule = rule;
	fg->start = start;
	fg->end = end;
	fg->num_start = ns;
	fg->num_end = ne;
	fg->kind = FIG_DATE;
	fg->cmp = FIG_EQ;
	fg->unit = "date";
	fg->year = y;
	fg->month = m;
	fg->day = d;
	fg->part = part;
}

/* Day d exists in month m (1..12) of some year: February 29, not 30. */
static int day_fits(int m, int d)
{
	static const int days[13] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m >= 1 && m <= 12 && d >= 1 && d <= days[m];
}

/* A month name at [p,q): "July 9", "July 9, 2025", "July 2025", "early July", "since April". */
static size_t try_month(struct scan *s, size_t p, size_t q, int m, int abbrev)
{
	size_t i = q, end = q, k;
	int day = 0, year = 0;
	if (abbrev && at(s, i) == '.')
		i++;
	size_t j = skip_sp(s, i);
	if (j > i && dig(s, j)) {
		/* "February 30" is no date: the month alone, as "July 32" is. */
		if ((day = day_at(s, j, &k)) != 0 && !day_fits(m, day))
			day = 0;
		if (day) {
			end = k;
			/* ", 2025" */
			size_t l = at(s, k) == ',' ? k + 1 : k;
			size_t y = skip_sp(s, l);
			if (y > l && (year = year_at(s, y, &k)) != 0)
				end = k;
		} else if ((year = year_at(s, j, &k)) != 0) {
			end = k;
		}
	}
	size_t start = p, b;
	enum fig_part part = part_back(s, p, &start);
	int rel = 0;
	if (part == FIG_PART_NONE && (rel = word_back_in(s, p, rel_words, &b)) >= 0) {
		start = b;              /* "last May", "next July", "this April" */
		rel = rel_of[rel];
	} else {
		rel = 0;
	}
	if (!day && !year) {
		if (abbrev)
			return 0;
		int prep = part != FIG_PART_NONE || word_back_in(s, p, may_preps, &b) >= 0;
		if (m == 5 && !prep)
			return 0;
		/* "April Ryan": a capitalised word after a bare month makes it a name. */
		size_t n = skip_sp(s, q);
		if (!prep && n > q && at(s, n) > 0 && is_upper((uint8_t)at(s, n)))
			return 0;
	}
	struct figure fg;
	set_date(&fg, start, end, p, end, year, m, day, part, day ? "date-month-day" : "date-month");
	fg.rel = rel;
	return add(s, &fg);
}

/* "2025-06-27" at p: an ISO 8601 date.  Returns where it ends, or 0. */
static size_t iso_date_at(const struct scan *s, size_t p, int *y, int *m, int *d)
{
	for (size_t k = 0; k < 10; k++)
		if (k == 4 || k == 7 ? at(s, p + k) != '-' : !dig(s, p + k))
			return 0;
	const uint8_t *t = s->t + p;
	*y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
	*m = (t[5] - '0') * 10 + (t[6] - '0');
	*d = (t[8] - '0') * 10 + (t[9] - '0');
	if (*y < 1000 || !day_fits(*m, *d) || dig(s, p + 10))
		return 0;
	return p + 10;
}

/* "1990s", "1800s" at p (also "1990's"): a decade.  Returns where it ends,
 * or 0; *y the year it starts. */
static size_t decade_at(const struct scan *s, size_t p, int *y)
{
	for (size_t k = 0; k < 4; k++)
		if (!dig(s, p + k))
			return 0;
	const uint8_t *t = s->t + p;
	size_t e = p + 4;
	if (t[3] != '0')
		return 0;
	if (at(s, e) == '\'')
		e++;
	if (at(s, e) != 's' || !boundary(s, e + 1))
		return 0;
	*y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10;
	return *y >= 1000 ? e + 1 : 0;
}

/* "pre-2014", "post-2014": the word glued by '-' before a year at p, as a
 * bound on it; moves *start to it. */
static enum fig_cmp pre_post_back(const struct scan *s, size_t p, size_t *start)
{
	static const char *const w[] = { "pre", "post", NULL };
	if (p <= s->lo + 1 || s->t[p - 1] != '-')
		return FIG_EQ;
	size_t b = word_start(s, p - 1);
	int k = b < p - 1 ? word_in(s, b, p - 1, w) : -1;
	if (k < 0)
		return FIG_EQ;
	*start = b;
	return k == 0 ? FIG_LT : FIG_GT;
}

/* An ordinal at n that is a date: "the 15th of May", "on the 15th",
 * "21st Century" (or "21st-century"). */
static size_t try_ordinal_date(struct scan *s, const struct num *n)
{
	static const char *const the_w[] = { "the", NULL };
	static const char *const day_preps[] = {
		"on", "by", "until", "till", "before", "after", "since", "from", "through", NULL
	};
	struct figure fg;
	size_t j = sep_after(s, n->end, 1), je, b, b2;
	if (j > n->end && (je = word_end(s, j)) > j && word_is(s, j, je, "century") &&
	    n->v >= 1 && n->v <= 30) {
		size_t start = n->start;
		enum fig_part part = part_back(s, n->start, &start);
		set_date(&fg, start, je, n->start, n->end, 0, 0, 0, part, "date-century");
		fg.century = (int)n->v;
		return add(s, &fg);
	}
	if (n->v < 1 || n->v > 31 || at(s, n->end) == '-')
		return 0;
	int d = (int)n->v;
	if (j > n->end && (je = word_end(s, j)) > j && word_is(s, j, je, "of")) {
		size_t k = skip_sp(s, je), ke, yk;
		int abbrev, m, y = 0;
		if (k == je || (ke = word_end(s, k)) == k || !(m = month_at(s, k, ke, &abbrev)) ||
		    !day_fits(m, d))
			return 0;
		size_t end = ke, l = at(s, ke) == ',' ? ke + 1 : ke, yj = skip_sp(s, l);
		if (yj > l && (y = year_at(s, yj, &yk)) != 0)
			end = yk;
		set_date(&fg, n->start, end, n->start, end, y, m, d, FIG_PART_NONE, "date-day-of-month");
		return add(s, &fg);
	}
	/* "on the 15th" names a day of a month said before; "on the 15th
	 * floor" an ordinal of something else. */
	if (word_back_in(s, n->start, the_w, &b) != 0 || word_back_in(s, b, day_preps, &b2) < 0)
		return 0;
	if (j > n->end && joins_at(s, j))
		return 0;
	set_date(&fg, n->start, n->end, n->start, n->end, 0, 0, d, FIG_PART_NONE, "date-day");
	return add(s, &fg);
}

/* Where the number ending just before i (over spaces, a percent sign
 * included) starts: "25" or "25%" before " to 30 percent"; SIZE_MAX if
 * there is none. */
static size_t number_before(const struct scan *s, size_t i)
{
	size_t e = back_sp(s, i);
	if (e > s->lo && s->t[e - 1] == '%')
		e--;
	if (e <= s->lo || e >= i || !is_digit(s->t[e - 1]))
		return SIZE_MAX;
	while (e > s->lo && (is_digit(s->t[e - 1]) || s->t[e - 1] == '.' || s->t[e - 1] == ','))
		e--;
	return e;
}

/* p starts the second number of a range: "25%-30%", "25 to 30",
 * "between 25 and 30"; not of a change, "from 25 to 30". */
static int range_end_at(const struct scan *s, size_t p)
{
	static const char *const to_w[] = { "to", NULL }, *const and_w[] = { "and", NULL };
	static const char *const between_w[] = { "between", NULL }, *const from_w[] = { "from", NULL };
	size_t b, w, nb;
	if (p > s->lo && s->t[p - 1] == '-' && number_before(s, p - 1) != SIZE_MAX)
		return 1;
	if (p >= s->lo + 3 && memcmp(s->t + p - 3, "\xe2\x80\x93", 3) == 0 &&
	    number_before(s, p - 3) != SIZE_MAX)
		return 1;               /* "2–3", an en dash */
	/* Only "to" or "and" before p can make it a second end. */
	size_t e = back_sp(s, p);
	if (e == p || e <= s->lo || ((s->t[e - 1] | 0x20) != 'o' && (s->t[e - 1] | 0x20) != 'd'))
		return 0;
	if (word_back_in(s, p, to_w, &b) == 0)
		return (nb = number_before(s, b)) != SIZE_MAX && word_back_in(s, nb, from_w, &w) != 0;
	if (word_back_in(s, p, and_w, &b) != 0 || (nb = number_before(s, b)) == SIZE_MAX)
		return 0;
	return word_back_in(s, nb, between_w, &w) == 0;
}

/* Where a dash joining two ends of a range starts at e ends: '-' or an en
 * dash; e when there is none. */
static size_t dash_at(const struct scan *s, size_t e)
{
	if (at(s, e) == '-')
		return e + 1;
	if (at(s, e) == 0xE2 && at(s, e + 1) == 0x80 && at(s, e + 2) == 0x93)
		return e + 3;
	return e;
}

/* The second end of a range after its first ends at e: "-3", "–3",
 * "-$200 billion" (sym: the first end's currency symbol, symlen bytes, or
 * NULL), " and 3" after "between" (between), " to 3" (to).  Its number
 * into *n2; 0 when there is none. */
static int range_second(const struct scan *s, size_t e, const char *sym, size_t symlen,
			int between, int to, struct num *n2, int flags)
{
	size_t j = dash_at(s, e), we = 0;
	if (j == e) {
		if (between)
			we = word_after_is(s, e, "and");
		else if (to)
			we = word_after_is(s, e, "to");
		if (!we || (j = skip_sp(s, we)) == we)
			return 0;
	}
	if (sym && j + symlen <= s->hi && memcmp(s->t + j, sym, symlen) == 0)
		j = skip_sp(s, j + symlen);
	return dig(s, j) && parse_number(s, j, n2, flags) && !n2->ordinal && !n2->plural;
}

/* Make *fg the range from its value to n2: the scale of the second end
 * is the first's when the first has none ("$100-200 billion"). */
static void set_range(struct figure *fg, const struct num *n1, const struct num *n2)
{
	if (!n1->scaled && n2->scaled)
		fg->value = n1->v * n2->scale;
	fg->high = n2->v;
	fg->range = 1;
	fg->num_end = n2->end;
}

/* Nouns a small count of which points at things the text names anyway:
 * "the two countries" are Japan and South Korea, "two sides" the parties
 * to a talk.  ("seven rounds", "two rounds of talks" measure something.) */
static const char *const referent_nouns[] = {
	"countries", "nations", "sides", "parties", "things", "leaders", "men", "women",
	"governments", "states", "allies", "neighbors", "neighbours", "powers",
	"economies", "capitals", "camps", "issues", "points", "ways", "reasons", "options",
	"questions", "words", "presidents", "ministers", "companies", "firms", NULL
};

/* "two countries", "the two Parties": a count that points at things named
 * already instead of measuring them, unless something marks it as a
 * claim ("only two countries", or a comparator, checked by the caller).
 * The noun is [ns, ne). */
static int referential(const struct scan *s, size_t start, const struct num *n,
		       size_t ns, size_t ne)
{
	static const char *const marks[] = { "only", "just", "all", NULL };
	static const char *const dets[] = {
		"the", "these", "those", "both", "its", "their", "our", "his", "her", NULL
	};
	size_t b;
	if (n->digits || n->scaled || n->plural || n->v > 4 ||
	    word_in(s, ns, ne, referent_nouns) < 0 || word_back_in(s, start, marks, &b) >= 0)
		return 0;
	if (n->v <= 4 && word_back_in(s, start, dets, &b) >= 0)
		return 1;
	return (int)n->v == 2;     /* word numbers are whole */
}

/* A number with no unit ends its phrase at e: a space, the end of the
 * line, or punctuation that ends a clause; not "64-bit", "2)e)". */
static int bare_end(const struct scan *s, size_t e)
{
	int c = at(s, e);
	if (c < 0 || c == ' ' || c == '\t' || c == '\n' || space_len(s, e))
		return 1;
	if (!strchr(",;:.!?\"", c))
		return 0;
	int d = at(s, e + 1);
	return d < 0 || d == ' ' || d == '\t' || d == '\n' || d == '"';
}

/* "eight of the 29 allies": a count of part of a whole, from e (after
 * "eight"); the whole's number into *n2, its noun into *ns, *ne. */
static int part_of(const struct scan *s, size_t e, struct num *n2, size_t *ns, size_t *ne)
{
	size_t we = word_after_is(s, e, "of"), k, ke;
	if (!we || (k = skip_sp(s, we)) == we)
		return 0;
	if ((ke = word_end(s, k)) > k && word_is(s, k, ke, "the") && (k = skip_sp(s, ke)) == ke)
		return 0;
	return parse_number(s, k, n2, 0) && !n2->ordinal && !n2->plural &&
	       tail_count(s, n2->end, ns, ne);
}

/* The number at p with whatever follows it.  hyphened: glued to a word
 * before by '-' ("COVID-19"), only a year with a part ("mid-2025") then.
 * sign: where a minus or plus sign before the digits starts, else SIZE_MAX
 * (neg: it is a minus). */
static size_t try_number(struct scan *s, size_t p, int hyphened, size_t sign, int neg)
{
	struct num n, n2;
	struct figure fg;
	size_t end, ns, ne, b;
	const char *unit;
	if (!parse_number(s, p, &n, PN_DASH))
		return 0;
	/* A range's second half alone would claim what the text does not. */
	if (range_end_at(s, p))
		return 0;
	memset(&fg, 0, sizeof fg);
	fg.num_start = n.start;
	fg.num_end = n.end;
	fg.start = n.start;
	fg.cmp = FIG_EQ;

	if (n.plain && n.ndig == 4 && !n.scaled) {
		size_t ye;
		int y = year_at(s, p, &ye);
		if (y && (hyphened || (!tail_percent(s, ye, &end) && !tail_duration(s, ye, &end) &&
				       !tail_money(s, ye, &n, &end)))) {
			size_t start = p;
			enum fig_part part = part_back(s, p, &start);
			enum fig_cmp cmp = FIG_EQ;
			if (hyphened && part == FIG_PART_NONE &&
			    (cmp = pre_post_back(s, p, &start)) == FIG_EQ)
				return 0;
			set_date(&fg, start, ye, p, ye, y, 0, 0, part,
				 cmp != FIG_EQ ? "date-pre-post" : "date-year");
			fg.cmp = cmp;
			fg.cmp_words = cmp == FIG_LT ? "before" : cmp == FIG_GT ? "after" : "";
			return add(s, &fg);
		}
	}
	if (hyphened)
		return 0;

	if (n.ordinal) {
		/* "first month", "2nd year" */
		if ((unit = tail_duration(s, n.end, &end)) != NULL) {
			fg.kind = FIG_DURATION;
			fg.value = n.v;
			fg.unit = unit;
			fg.end = end;
			fg.rule = "duration-ordinal";
			return add(s, &fg);
		}
		if (!n.digits)
			return 0;
	}
	/* "9 July", "4th July 2025" */
	if (n.digits && n.plain && n.ndig <= 2 && n.v >= 1 && n.v <= 31) {
		size_t j = skip_sp(s, n.end), je, k;
		int abbrev, m;
		if (j > n.end && (je = word_end(s, j)) > j && (m = month_at(s, j, je, &abbrev)) != 0
		    && day_fits(m, (int)n.v)) {
			end = je;
			if (abbrev && at(s, je) == '.')
				je++;
			int y = 0;
			size_t yj = skip_sp(s, je);
			if (yj > je && (y = year_at(s, yj, &k)) != 0)
				end = k;
			set_date(&fg, p, end, p, end, y, m, (int)n.v, FIG_PART_NONE, "date-day-month");
			return add(s, &fg);
		}
	}
	if (n.ordinal)
		return try_ordinal_date(s, &n);

	/* "a dozen", "a hundred" */
	if (n.bare_scale) {
		static const char *const a_w[] = { "a", NULL };
		if (word_back_in(s, p, a_w, &b) == 0)
			fg.start = fg.num_start = b;
	}
	size_t from = n.end;
	if (n.plural) {
		/* "dozens of nations", "tens of thousands of civilians" */
		size_t j = skip_sp(s, n.end), je, k, ke;
		if (j == n.end || (je = word_end(s, j)) == j || !word_is(s, j, je, "of"))
			return 0;
		from = je;
		fg.cmp = FIG_GE;        /* at least two dozen; worded by the plural */
		const struct keyword *kw;
		if ((k = skip_sp(s, je)) > je && (ke = word_end(s, k)) > k &&
		    (kw = keyword_at(s, k, ke)) && kw->type == KW_PLURAL && kw->v >= 200) {
			n.v *= kw->v / 2;
			n.end = fg.num_end = ke;
			from = ke;
			if (!(j = word_after_is(s, ke, "of")) || (k = skip_sp(s, j)) == j ||
			    (!tail_money(s, j, &n, &end) && !tail_count(s, j, &ns, &ne)))
				from = n.end;   /* "tens of thousands", and no noun */
			else
				from = j;
		}
	} else {
		fg.cmp = cmp_back(s, fg.start, &fg.start, &fg.cmp_words);
	}
	fg.value = n.v;
	/* A range with the unit after its second end: "2-3%", "10-15 years",
	 * "between 2 and 3 percent", "25 to 30 percent" (not "from 25 to 30
	 * percent": a change, whose second end is the claim). */
	static const char *const between_w[] = { "between", NULL }, *const from_w[] = { "from", NULL };
	int between = 0, to = 0;
	int next = at(s, skip_sp(s, n.end)) | 0x20;
	if (next == 'a' && word_after_is(s, n.end, "and"))
		between = word_back_in(s, fg.start, between_w, &b) == 0;
	else if (next == 't' && word_after_is(s, n.end, "to"))
		to = word_back_in(s, fg.start, from_w, &b) != 0;
	if (!n.plural && range_second(s, n.end, NULL, 0, between, to, &n2, PN_DASH) &&
	    !range_second(s, n2.end, NULL, 0, 0, 0, &n2, 0)) {
		/* "1999-2007": years, a span of time and no count */
		size_t ye;
		if (n.plain && n.ndig == 4 && year_at(s, n2.start, &ye) && n2.end == ye)
			return 0;
		set_range(&fg, &n, &n2);
		if (between)
			fg.start = b;
		from = n2.end;
	} else if (dash_at(s, n.end) > n.end && dig(s, dash_at(s, n.end))) {
		return 0;       /* "2-1", "1990-1995": no range of anything we read */
	}
	if (!n.plural && (unit = tail_percent(s, from, &end)) != NULL) {
		fg.kind = FIG_PERCENT;
		fg.rule = fg.range ? "percent-range" : "percent";
		/* "25%-30%", "between 2% and 3%": the unit on both ends. */
		size_t end2;
		if (!fg.range && word_after_is(s, end, "and"))
			between = word_back_in(s, fg.start, between_w, &b) == 0;
		if (!fg.range && range_second(s, end, NULL, 0, between, 0, &n2, 0)) {
			const char *u2 = tail_percent(s, n2.end, &end2);
			if (!u2 || strcmp(u2, unit) != 0)
				return 0;
			set_range(&fg, &n, &n2);
			if (between)
				fg.start = b;
			fg.rule = "percent-range";
			end = end2;
		}
		/* "-3 percent" is a fall of 3, not a rise. */
		if (sign != SIZE_MAX) {
			fg.value = neg ? -fg.value : fg.value;
			if (fg.range)
				fg.high = neg ? -fg.high : fg.high;
			fg.num_start = sign;
			if (fg.start > sign)
				fg.start = sign;
		}
	} else if ((unit = tail_duration(s, from, &end)) != NULL) {
		fg.kind = FIG_DURATION;
		fg.rule = fg.range ? "duration-range" : duration_after(s, end, &end);
	} else if ((unit = tail_money(s, from, &n, &end)) != NULL) {
		fg.kind = FIG_MONEY;
		fg.rule = fg.range ? "money-word-range" : n.plural ? "money-plural" : "money-word";
	} else if ((unit = tail_measure(s, from, &end)) != NULL) {
		fg.kind = FIG_MEASURE;
		fg.rule = "measure";
	} else if (!n.is_one && tail_count(s, from, &ns, &ne)) {
		if (fg.cmp == FIG_EQ && !fg.range && referential(s, fg.start, &n, ns, ne))
			return 0;
		/* "3.0 United States": no count of things comes in tenths */
		if (n.decimal && !n.scaled)
			return 0;
		fg.kind = FIG_COUNT;
		fg.rule = fg.range ? "count-range" : n.plural ? "count-plural" : "count";
		unit = intern(s->f, s->t + ns, ne - ns);
		end = ne;
	} else if (!n.is_one && !fg.range && part_of(s, n.end, &n2, &ns, &ne) && n2.v > n.v) {
		/* "eight of the 29 allies" */
		fg.kind = FIG_COUNT;
		fg.rule = "count-part";
		fg.total = n2.v;
		unit = intern(s->f, s->t + ns, ne - ns);
		end = ne;
	} else if (n.plural && from == n.end && n.v >= 2e4) {
		fg.kind = FIG_COUNT;    /* "tens of thousands" */
		fg.rule = "count-plural";
		unit = "";
		end = n.end;
	} else if (bare_end(s, fg.range ? n2.end : n.end) && n.scaled && n.scale >= 1e6 &&
		   !n.plural) {
		/* "2.24 trillion": a number that size is a claim with or
		 * without its unit */
		fg.kind = FIG_COUNT;
		fg.rule = "number-scaled";
		unit = "";
		end = fg.range ? n2.end : n.end;
	} else if (bare_end(s, fg.range ? n2.end : n.end) && fg.cmp != FIG_EQ &&
		   (n.digits || n.scaled) && !n.plural) {
		/* "roughly 100,000", "no more than 300": a bound is a claim */
		fg.kind = FIG_COUNT;
		fg.rule = "number-bound";
		unit = "";
		end = fg.range ? n2.end : n.end;
	} else {
		return 0;
	}
	fg.unit = unit;
	fg.end = end;
	cmp_after_fig(s, &fg);
	return add(s, &fg);
}

/* A money figure whose amount starts at j and whose phrase starts at start
 * ("$5 billion", "USD 5 billion"), comparator words before it included. */
static size_t money_after(struct scan *s, size_t start, size_t j, const char *code,
			  const char *sym, size_t symlen, const char *rule)
{
	struct num n, n2;
	if (!dig(s, j) || !parse_number(s, j, &n, PN_MONEY | PN_DASH) || n.ordinal)
		return 0;
	struct figure fg;
	memset(&fg, 0, sizeof fg);
	fg.start = start;
	fg.cmp = cmp_back(s, start, &fg.start, &fg.cmp_words);
	fg.end = n.end;
	fg.num_start = j;
	fg.num_end = n.end;
	fg.kind = FIG_MONEY;
	fg.value = n.v;
	fg.unit = code;
	fg.rule = rule;
	/* "$100-$200 billion", "$100-200 billion", "between $1 and $2 billion" */
	static const char *const between_w[] = { "between", NULL }, *const from_w[] = { "from", NULL };
	size_t b, b2;
	int between = word_back_in(s, fg.start, between_w, &b) == 0;
	/* "$24 to $28", not "from $24 to $28": a change */
	int to = !between && word_after_is(s, n.end, "to") &&
		 word_back_in(s, fg.start, from_w, &b2) != 0;
	if (range_second(s, n.end, sym, symlen, between, to, &n2, PN_MONEY)) {
		set_range(&fg, &n, &n2);
		if (between)
			fg.start = b;
		fg.end = n2.end;
	} else if (dash_at(s, n.end) > n.end && dig(s, dash_at(s, n.end))) {
		return 0;
	}
	cmp_after_fig(s, &fg);
	return add(s, &fg);
}

/* Money after a symbol at p: "$5 billion", "US$3", "€2m". */
static size_t try_symbol(struct scan *s, size_t p, size_t symlen, const char *code)
{
	size_t start = p;
	if (s->t[p] == '$' && p > s->lo && is_upper(s->t[p - 1])) {
		size_t b = p;
		while (b > s->lo && is_upper(s->t[b - 1]))
			b--;
		if (!boundary(s, b))
			return 0;
		code = NULL;
		for (size_t k = 0; k < LEN(dollar_prefixes); k++)
			if (p - b == strlen(dollar_prefixes[k].w) &&
			    memcmp(s->t + b, dollar_prefixes[k].w, p - b) == 0)
				code = dollar_prefixes[k].code;
		if (!code)
			return 0;
		start = b;
	}
	return money_after(s, start, skip_sp(s, p + symlen), code, (const char *)s->t + p, symlen,
			   "money-symbol");
}

/* Money after a code word [p,q): "USD 5 billion". */
static size_t try_code(struct scan *s, size_t p, size_t q, const char *code)
{
	size_t j = skip_sp(s, q);
	return j == q ? 0 : money_after(s, p, j, code, (const char *)s->t + p, q - p, "money-code");
}

/* "Rs 6,000", "Rs. 1,800", "Rs.950": South Asia's abbreviation of the
 * rupee, written before the amount.  Two letters, so the three-letter
 * sieve never sees it; tested only where a word starts with "Rs".  The
 * code is the one "rupees" after a number gets (INR), whichever
 * country's rupee it is: the text rarely says, and a comparison only
 * needs both sides in one currency. */
static size_t try_rupees(struct scan *s, size_t p)
{
	size_t q = p + 2;
	if (!boundary(s, p) || (q < s->hi && is_alnum(s->t[q])))
		return 0;
	size_t j = q < s->hi && s->t[q] == '.' ? q + 1 : q;
	j = skip_sp(s, j);
	if (j == q)
		return 0;
	return money_after(s, p, j, "INR", (const char *)s->t + p, q - p, "money-code");
}

/* The word before p (over spaces) is "a" or "an": cheap, before a
 * duration unit is looked up ("less than a year"). */
static int after_a(const struct scan *s, size_t p)
{
	size_t e = back_sp(s, p);
	if (e == p || e <= s->lo)
		return 0;
	const uint8_t *t = s->t;
	size_t b = (t[e - 1] | 0x20) == 'n' && e - 1 > s->lo ? e - 1 : e;
	return (t[b - 1] | 0x20) == 'a' && (b - 1 == s->lo || !is_alpha(t[b - 2]));
}

/* "Friday", "late Thursday", "last Monday" at [p,q). */
static size_t try_weekday(struct scan *s, size_t p, size_t q, int wd)
{
	size_t start = p, b;
	enum fig_part part = part_back(s, p, &start);
	int rel = part == FIG_PART_NONE ? word_back_in(s, p, rel_words, &b) : -1;
	if (rel >= 0)
		start = b;
	struct figure fg;
	set_date(&fg, start, q, p, q, 0, 0, 0, part, "date-weekday");
	fg.weekday = wd;
	fg.rel = rel < 0 ? 0 : rel_of[rel];
	/* "Tuesday night", "Wednesday morning" */
	static const char *const times[] = { "morning", "afternoon", "evening", "night", NULL };
	size_t we, w = next_word(s, q, &we);
	if (w > q && word_in(s, w, we, times) >= 0)
		fg.end = we;
	return add(s, &fg);
}

/* "Mach 6" at [p,q). */
static size_t try_mach(struct scan *s, size_t p, size_t q)
{
	struct num n;
	size_t j = skip_sp(s, q);
	if (j == q || !dig(s, j) || !parse_number(s, j, &n, 0) || n.ordinal)
		return 0;
	struct figure fg;
	memset(&fg, 0, sizeof fg);
	fg.start = p;
	fg.cmp = cmp_back(s, p, &fg.start, &fg.cmp_words);
	fg.end = n.end;
	fg.num_start = j;
	fg.num_end = n.end;
	fg.kind = FIG_MEASURE;
	fg.value = n.v;
	fg.unit = "Mach";
	fg.rule = "measure-mach";
	cmp_after_fig(s, &fg);
	return add(s, &fg);
}

/* "less than a year", "a decade or so": a duration counted by "a", only
 * where a comparator makes it a claim ("a year ago" is none). */
static size_t try_a_duration(struct scan *s, size_t p, size_t q, int unit)
{
	static const char *const a_w[] = { "a", "an", NULL };
	size_t b;
	int k = word_back_in(s, p, a_w, &b);
	if (k < 0)
		return 0;
	struct figure fg;
	memset(&fg, 0, sizeof fg);
	fg.start = fg.num_start = b;
	fg.num_end = b + (size_t)(k + 1);
	fg.cmp = cmp_back(s, b, &fg.start, &fg.cmp_words);
	fg.end = q;
	cmp_after_fig(s, &fg);
	if (fg.cmp == FIG_EQ)
		return 0;
	fg.kind = FIG_DURATION;
	fg.value = 1;
	fg.unit = duration_units[unit];
	fg.rule = "duration-a";
	return add(s, &fg);
}

/* The letter token [p,q) (q ends its run of ASCII letters and digits). */
static size_t try_word(struct scan *s, size_t p, size_t q)
{
	/* Cheapest tests first: the vocabulary, then the boundaries. */
	int m = 0, abbrev = 0;
	if (q - p < 3 || q - p > 9)
		return 0;
	const char *code = NULL;
	if (is_upper(s->t[p])) {
		m = month_at(s, p, q, &abbrev);
		if (!m && q - p == 3 && is_upper(s->t[p + 1]) && is_upper(s->t[p + 2]))
			for (size_t k = 0; k < LEN(money_codes); k++)
				if (memcmp(s->t + p, money_codes[k].w, 3) == 0)
					code = money_codes[k].code;
	}
	int mach = !m && !code && q - p == 4 && memcmp(s->t + p, "Mach", 4) == 0;
	int wd = !m && !code && q - p >= 6 && is_upper(s->t[p]) ? weekday_at(s, p, q) : 0;
	int unit = -1;
	if (!m && !code && !mach && !wd && !keyword_at(s, p, q) &&
	    (q - p > 6 || !strchr("dwmyh", s->t[p] | 0x20) || !after_a(s, p) ||
	     (unit = word_in(s, p, q, duration_units)) < 0))
		return 0;
	for (size_t k = p; k < q; k++)
		if (!is_alpha(s->t[k]))
			return 0;
	if (!word_whole(s->t, s->from, s->hi, p, q))
		return 0;
	if (m)
		return try_month(s, p, q, m, abbrev);
	if (code)
		return try_code(s, p, q, code);
	if (mach)
		return try_mach(s, p, q);
	if (wd)
		return try_weekday(s, p, q, wd);
	if (unit >= 0)
		return try_a_duration(s, p, q, unit);
	return try_number(s, p, 0, SIZE_MAX, 0);
}

/* Digits at p (the byte before is no ASCII letter or digit). */
static size_t try_digits(struct scan *s, size_t p)
{
	if (!boundary(s, p))
		return 0;
	int y = 0, m, d;
	/* Four digits may be a decade or start an ISO date: "1990s", "2025-06-27". */
	int four = dig(s, p + 3) && !dig(s, p + 4) && dig(s, p + 2) && dig(s, p + 1);
	size_t e = four ? decade_at(s, p, &y) : 0;
	if (e) {
		/* "1990s", "mid-1990s", "late 1800s" */
		size_t start = p;
		enum fig_part part = part_back(s, p, &start);
		if (part == FIG_PART_NONE && p > s->lo && s->t[p - 1] == '-' && joins_before(s, p - 1))
			return 0;
		struct figure fg;
		set_date(&fg, start, e, p, e, y, 0, 0, part, "date-decade");
		fg.decade = 1;
		return add(s, &fg);
	}
	e = four ? iso_date_at(s, p, &y, &m, &d) : 0;
	if (e && !(p > s->lo && s->t[p - 1] == '-' && joins_before(s, p - 1))) {
		struct figure fg;
		set_date(&fg, p, e, p, e, y, m, d, FIG_PART_NONE, "date-iso");
		return add(s, &fg);
	}
	int hyphened = 0, neg = 0;
	size_t sign = SIZE_MAX;
	if (p > s->lo) {
		uint8_t b = s->t[p - 1];
		int glued = joins_before(s, p - 1);
		if (glued && strchr("+*/=:^", b))
			return 0;
		if ((b == '.' || b == ',') && p - 1 > s->lo && is_digit(s->t[p - 2]))
			return 0;
		hyphened = b == '-' && glued;
		/* A sign, not a hyphen: "-3 percent", "+4%" after a space, a
		 * bracket or a quote (after "25%" it is a range's hyphen). */
		int lead = p - 1 == s->lo || (s->t[p - 2] && strchr(" \t\n([\"'", s->t[p - 2]));
		if ((b == '-' || b == '+') && !glued && lead) {
			sign = p - 1;
			neg = b == '-';
		}
	}
	/* U+2212 MINUS SIGN */
	if (p >= s->lo + 3 && memcmp(s->t + p - 3, "\xe2\x88\x92", 3) == 0 && !joins_before(s, p - 3)) {
		sign = p - 3;
		neg = 1;
	}
	return try_number(s, p, hyphened, sign, neg);
}

/* Past a rejected numeric token: digits, letters and inner separators. */
static size_t skip_numeric(const struct scan *s, size_t p)
{
	while (p < s->hi && (is_alnum(s->t[p]) ||
			     ((s->t[p] == ',' || s->t[p] == '.') && dig(s, p + 1))))
		p++;
	return p;
}

void figures_scan(struct figures *f, const uint8_t *text, size_t len, size_t from, size_t to)
{
	if (to > len)
		to = len;
	struct scan s = { f, text, from, to, from };
	size_t p = from, e0;
	while (p < to && !f->full) {
		uint8_t c = text[p];
		int k = byte_class[c];
		/* Most bytes: spaces, punctuation, and words whose first three
		 * letters fail the sieve, skipped with one lookup per byte. */
		if (k == C_NONE) {
			p++;
			continue;
		}
		if (c == 'R' && p + 1 < to && text[p + 1] == 's' && (e0 = try_rupees(&s, p)) > 0) {
			p = e0;
			continue;
		}
		if (k == C_ALPHA && !(p + 2 < to && sieve(c, text[p + 1], text[p + 2]))) {
			p++;
			while (p < to && byte_class[text[p]] - 1u < 2) /* letter or digit */
				p++;
			continue;
		}
		size_t e = 0, q;
		if (k == C_ALPHA) {
			q = p + 1;
			while (q < to && is_alnum(text[q]))
				q++;
			e = try_word(&s, p, q);
			p = e ? e : q;
		} else if (k == C_DIGIT) {
			e = try_digits(&s, p);
			p = e ? e : skip_numeric(&s, p);
		} else if (c == '$') {
			e = try_symbol(&s, p, 1, "USD");
			p = e ? e : p + 1;
		} else {
			ucs4_t uc;
			int n = u8_mbtouc(&uc, text + p, to - p);
			const char *code = uc == 0xA5 ? "JPY" : uc == 0xA3 ? "GBP" :
				uc == 0x20AC ? "EUR" : uc == 0x20A9 ? "KRW" : uc == 0x20B9 ? "INR" : NULL;
			if (code)
				e = try_symbol(&s, p, (size_t)n, code);
			p = e ? e : p + (size_t)(n > 0 ? n : 1);
		}
	}
}

size_t figures_at(const struct figures *f, size_t off)
{
	size_t lo = 0, hi = f->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->v[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct figure *figures_in(const struct figures *f, size_t start, size_t end)
{
	/* First figure starting at or after start; later ones end later still. */
	size_t lo = figures_at(f, start);
	if (lo < f->n && f->v[lo].end <= end)
		return &f->v[lo];
	return NULL;
}

const char *fig_kind_name(enum fig_kind k)
{
	static const char *const names[] = {
		"percent", "date", "duration", "count", "money", "measure"
	};
	return (unsigned)k < FIG_KIND_COUNT ? names[k] : "?";
}

const char *fig_cmp_symbol(enum fig_cmp c)
{
	static const char *const sym[] = { "", "<", "<=", ">", ">=", "~" };
	return (unsigned)c < FIG_CMP_COUNT ? sym[c] : "";
}

const char *fig_cmp_words(enum fig_cmp c)
{
	static const char *const words[] = {
		"", "less than", "at most", "more than", "at least", "about"
	};
	return (unsigned)c < FIG_CMP_COUNT ? words[c] : "";
}

void fig_date_iso(const struct figure *fg, char *out, size_t outsz)
{
	static const char *const parts[] = { "", "early ", "mid ", "late " };
	const char *part = (unsigned)fg->part <= FIG_PART_LATE ? parts[fg->part] : "";
	if (!outsz)
		return;
	if (fg->rel && !fg->part)
		part = rel_text(fg->rel);
	/* The 21st century is 2001 to 2100: an ISO 8601 interval. */
	if (fg->weekday >= 1 && fg->weekday <= 7)
		snprintf(out, outsz, "%s%s", part, weekdays[fg->weekday]);
	else if (fg->decade && fg->year)
		snprintf(out, outsz, "%s%04ds", part, fg->year);
	else if (fg->century > 0 && fg->century <= 100)
		snprintf(out, outsz, "%s%04d/%04d", part, fg->century * 100 - 99, fg->century * 100);
	else if (fg->year && fg->month && fg->day)
		snprintf(out, outsz, "%s%04d-%02d-%02d", part, fg->year, fg->month, fg->day);
	else if (fg->year && fg->month)
		snprintf(out, outsz, "%s%04d-%02d", part, fg->year, fg->month);
	else if (fg->month && fg->day)
		snprintf(out, outsz, "%s--%02d-%02d", part, fg->month, fg->day);
	else if (fg->month)
		snprintf(out, outsz, "%s--%02d", part, fg->month);
	else if (fg->year)
		snprintf(out, outsz, "%s%04d", part, fg->year);
	else if (fg->day)
		snprintf(out, outsz, "%s---%02d", part, fg->day);
	else
		out[0] = '\0';
}

/* ---- wording: a figure as a reader writes it ---- */

static const char *const month_names[13] = {
	"", "January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"
};

/* The scale word a number this large is written with: "trillion". */
static const struct {
	double v;
	const char *w;
} word_scales[] = { { 1e12, "trillion" }, { 1e9, "billion" }, { 1e6, "million" } };

static int scale_of(double v)
{
	double a = v < 0 ? -v : v;
	for (int k = 0; k < (int)LEN(word_scales); k++)
		if (a >= word_scales[k].v && isfinite(a))
			return k;
	return -1;
}

/* v with at most two decimals, trailing zeros dropped, thousands grouped:
 * "1,250.5", "0.4", "100,000". */
static void word_plain(struct buf *b, double v)
{
	char tmp[48];
	int n = isfinite(v) ? snprintf(tmp, sizeof tmp, "%.2f", v < 0 ? -v : v) : -1;
	if (n <= 0 || (size_t)n >= sizeof tmp) {
		buf_printf(b, "%g", v);         /* infinite, or hundreds of digits */
		return;
	}
	size_t intlen = strcspn(tmp, "."), end = (size_t)n;
	while (end > intlen + 1 && tmp[end - 1] == '0')
		end--;
	if (end == intlen + 1)
		end = intlen;
	if (v < 0 && !(end == 1 && tmp[0] == '0'))
		buf_addc(b, '-');
	for (size_t i = 0; i < intlen; i++) {
		if (i && (intlen - i) % 3 == 0)
			buf_addc(b, ',');
		buf_addc(b, tmp[i]);
	}
	buf_add(b, tmp + intlen, end - intlen);
}

/* v in scale k (-1: none): "1.6" for 1.6e12 in trillions. */
static void word_scaled(struct buf *b, double v, int k)
{
	word_plain(b, k >= 0 ? v / word_scales[k].v : v);
}

/* "1st", "2nd", "15th", "21st". */
static void word_ordinal(struct buf *b, int n)
{
	int t = n % 100, u = n % 10;
	buf_printf(b, "%d%s", n, t >= 11 && t <= 13 ? "th" : u == 1 ? "st" : u == 2 ? "nd" :
		   u == 3 ? "rd" : "th");
}

static void word_date(struct buf *b, const struct figure *fg)
{
	static const char *const parts[] = { "", "early ", "mid-", "late " };
	const char *part = (unsigned)fg->part <= FIG_PART_LATE ? parts[fg->part] : "";
	if (fg->cmp == FIG_LT || fg->cmp == FIG_GT)
		buf_printf(b, "%s ", *fg->cmp_words ? fg->cmp_words :
			   fg->cmp == FIG_LT ? "before" : "after");
	if (fg->century > 0) {
		buf_printf(b, "the %s", part);         /* "the early 21st century" */
		word_ordinal(b, fg->century);
		buf_adds(b, " century");
		return;
	}
	buf_adds(b, rel_text(fg->rel));
	if (fg->weekday >= 1 && fg->weekday <= 7) {
		buf_printf(b, "%s%s", part, weekdays[fg->weekday]);
		return;
	}
	if (fg->decade && fg->year) {
		buf_printf(b, "the %s%ds", part, fg->year);  /* "the mid-1990s" */
		return;
	}
	buf_adds(b, part);
	int m = fg->month >= 1 && fg->month <= 12 ? fg->month : 0;
	if (m && fg->day && fg->year)
		buf_printf(b, "%s %d, %d", month_names[m], fg->day, fg->year);
	else if (m && fg->day)
		buf_printf(b, "%s %d", month_names[m], fg->day);
	else if (m && fg->year)
		buf_printf(b, "%s %d", month_names[m], fg->year);
	else if (m)
		buf_adds(b, month_names[m]);
	else if (fg->year)
		buf_printf(b, "%d", fg->year);
	else if (fg->day) {
		buf_adds(b, "the ");
		word_ordinal(b, fg->day);
	}
}

/* How a currency is written: a symbol before the amount, or a word after
 * it ("300 million yuan"); ASCII spells the symbol's code. */
static const struct {
	const char *code, *sym, *ascii, *word, *plural;
} currencies[] = {
	{ "USD", "$", "$", NULL, "dollars" }, { "EUR", "\xe2\x82\xac", "EUR ", NULL, "euros" },
	{ "GBP", "\xc2\xa3", "GBP ", NULL, "pounds" }, { "JPY", "\xc2\xa5", "JPY ", NULL, "yen" },
	{ "KRW", "\xe2\x82\xa9", "KRW ", NULL, "won" },
	{ "INR", "\xe2\x82\xb9", "INR ", NULL, "rupees" }, { "CNY", NULL, NULL, "yuan", "yuan" },
	{ "HKD", "HK$", "HK$", NULL, NULL }, { "AUD", "A$", "A$", NULL, NULL },
	{ "CAD", "C$", "C$", NULL, NULL }, { "SGD", "S$", "S$", NULL, NULL },
	{ "TWD", "NT$", "NT$", NULL, NULL }, { "NZD", "NZ$", "NZ$", NULL, NULL },
};

/* "dozens", "tens of thousands": a plural count, from its value (two of
 * the word: the least the plural says). */
static const char *plural_words(double v)
{
	static const struct { double v; const char *w; } plurals[] = {
		{ 20, "tens" }, { 24, "dozens" }, { 200, "hundreds" }, { 2e3, "thousands" },
		{ 2e4, "tens of thousands" }, { 2e5, "hundreds of thousands" }, { 2e6, "millions" },
		{ 2e7, "tens of millions" }, { 2e8, "hundreds of millions" }, { 2e9, "billions" },
	};
	for (size_t k = 0; k < LEN(plurals); k++)
		if (v > plurals[k].v * 0.99 && v < plurals[k].v * 1.01)
			return plurals[k].w;
	return "many";
}

/* An amount, or a range of two: the scale word once when both ends share
 * it ("$100–200 billion"), else each with its own ("$500 million–$1.2
 * billion").  sym before each end, word after the last. */
static void word_amount(struct buf *b, const struct figure *fg, int scaled, const char *sym,
			const char *word, const char *dash)
{
	int klo = scaled ? scale_of(fg->value) : -1, khi = scaled ? scale_of(fg->high) : -1;
	int range = fg->range;
	if (range && klo != khi && khi >= 0 && klo < 0 && fg->value > 0 &&
	    fg->value * 10 >= word_scales[khi].v)
		klo = khi;      /* "$100-200 billion" read back as it was written */
	buf_adds(b, sym);
	word_scaled(b, fg->value, range && klo == khi ? khi : klo);
	if (range && klo != khi && klo >= 0)
		buf_printf(b, " %s", word_scales[klo].w);
	if (range) {
		buf_printf(b, "%s%s", dash, klo == khi ? "" : sym);
		word_scaled(b, fg->high, khi);
	}
	int k = range ? khi : klo;
	if (k >= 0)
		buf_printf(b, " %s", word_scales[k].w);
	if (word)
		buf_printf(b, " %s", word);
}

void fig_wording(struct buf *b, const struct figure *fg, int ascii)
{
	const char *dash = ascii ? "-" : "\xe2\x80\x93";
	const char *cw = fg->cmp_words ? fg->cmp_words : "";
	int post = !strncmp(cw, "or ", 3);      /* "3% or more", "300 troops or so" */
	if (fg->kind == FIG_DATE) {
		word_date(b, fg);
		return;
	}
	const char *rule = fg->rule ? fg->rule : "";
	const char *unit = fg->unit ? fg->unit : "";
	/* "dozens of" says "at least" itself */
	int plural = !strcmp(rule, "count-plural") || !strcmp(rule, "money-plural");
	if (fg->cmp != FIG_EQ && !post && !plural)
		buf_printf(b, "%s ", *cw ? cw : fig_cmp_words(fg->cmp));
	switch (fg->kind) {
	case FIG_PERCENT: {
		int pp = unit[0] == 'p';
		word_amount(b, fg, 0, "", NULL, dash);
		buf_adds(b, pp ? " pp" : "%");
		if (strstr(unit, "GDP"))
			buf_adds(b, " of GDP");
		break;
	}
	case FIG_MONEY: {
		const char *sym = NULL, *word = NULL, *pl = unit;
		for (size_t k = 0; k < LEN(currencies) && !sym && !word; k++)
			if (!strcmp(unit, currencies[k].code)) {
				sym = ascii ? currencies[k].ascii : currencies[k].sym;
				word = currencies[k].word;
				pl = currencies[k].plural ? currencies[k].plural : unit;
			}
		if (plural) {
			buf_printf(b, "%s of %s", plural_words(fg->value), pl);
			break;
		}
		if (!sym && !word) {
			buf_printf(b, "%s ", unit);     /* a code we have no symbol for */
			sym = "";
		}
		word_amount(b, fg, 1, sym ? sym : "", word, dash);
		break;
	}
	case FIG_DURATION:
		if (!strcmp(rule, "duration-a")) {
			/* "less than a year", "an hour or so" */
			buf_printf(b, "%s %s", unit[0] == 'h' ? "an" : "a", unit);
		} else if (!strcmp(rule, "duration-ordinal")) {
			static const char *const ords[] = {
				"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
				"eighth", "ninth", "tenth", "eleventh", "twelfth"
			};
			int n = (int)fg->value;
			if (n >= 1 && n <= 12)
				buf_adds(b, ords[n - 1]);
			else
				word_ordinal(b, n);
			buf_printf(b, " %s", unit);
		} else {
			word_amount(b, fg, 0, "", NULL, dash);
			int one = !fg->range && fg->value > 0.99 && fg->value < 1.01;
			buf_printf(b, " %s%s", unit, one ? "" : "s");
			if (!strncmp(rule, "duration-", 9) && strcmp(rule, "duration-range") != 0)
				buf_printf(b, " %s", !strcmp(rule + 9, "age") ? "old" : rule + 9);
		}
		break;
	case FIG_MEASURE:
		if (!strcmp(unit, "Mach")) {
			buf_adds(b, "Mach ");
			word_amount(b, fg, 0, "", NULL, dash);
		} else if (unit[0] == '\xc2') {         /* °C, °F */
			word_amount(b, fg, 0, "", NULL, dash);
			buf_adds(b, ascii ? (unit[2] == 'C' ? " degrees C" : " degrees F") : unit);
		} else {
			word_amount(b, fg, 0, "", NULL, dash);
			buf_printf(b, " %s", unit);
		}
		break;
	case FIG_COUNT:
	default:
		if (!strcmp(rule, "count-plural")) {
			/* value is two of the word: "dozens of nations" */
			buf_printf(b, *unit ? "%s of %s" : "%s", plural_words(fg->value), unit);
			break;
		}
		word_amount(b, fg, 1, "", NULL, dash);
		if (fg->total > 0) {
			buf_adds(b, " of ");           /* "8 of 29 allies" */
			word_plain(b, fg->total);
		}
		if (*unit)
			buf_printf(b, " %s", unit);
		break;
	}
	if (fg->cmp != FIG_EQ && post)
		buf_printf(b, " %s", cw);
}
