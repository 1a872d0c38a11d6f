/* Finds figures in English text by rule: percentages, dates, durations, counts, money. */
#include "config.h"

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
	KW("ten", KW_NUM, 10), KW("tenth", KW_ORD, 10), KW("third", KW_ORD, 3),
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
	[BI('f', 'o')] = BIT('r') | BIT('u'), [BI('h', 'u')] = BIT('n'), [BI('m', 'i')] = BIT('l'),
	[BI('n', 'i')] = BIT('n'), [BI('o', 'n')] = BIT('e'),
	[BI('s', 'e')] = BIT('c') | BIT('v') | BIT('p'), /* second, seven, Sep */
	[BI('s', 'i')] = BIT('x'), [BI('t', 'e')] = BIT('n'),
	[BI('t', 'h')] = BIT('i') | BIT('o') | BIT('r'), [BI('t', 'r')] = BIT('i'),
	[BI('t', 'w')] = BIT('e') | BIT('o'),
	/* months */
	[BI('j', 'a')] = BIT('n'), [BI('f', 'e')] = BIT('b'), [BI('m', 'a')] = BIT('r') | BIT('y'),
	[BI('a', 'p')] = BIT('r'), [BI('j', 'u')] = BIT('n') | BIT('l'), [BI('a', 'u')] = BIT('g'),
	[BI('o', 'c')] = BIT('t'), [BI('n', 'o')] = BIT('v'), [BI('d', 'e')] = BIT('c'),
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
static const char *const adjective_suffixes[] = { "ese", "ian", "ical", "eral", "ish", NULL };

/* Words ending in s that are not plural nouns. */
static const char *const not_plurals[] = {
	"always", "as", "besides", "does", "goes", "has", "his", "its", "perhaps",
	"thus", "was", "whereas", "yes", "towards", "afterwards", "unless", "hers",
	"ours", "theirs", "yours", "sometimes", "thirds", "quarters", "halves",
	"percents", "whose", "says", NULL
};
static const char *const irregular_plurals[] = {
	"people", "children", "men", "women", "police", "personnel", "cattle", "feet", NULL
};

static const char *const part_words[] = { "early", "mid", "late", NULL };
/* Before "May" alone, which is otherwise the verb. */
static const char *const may_preps[] = { "in", "since", "until", "by", NULL };

/* ---- figures storage ---- */

void figures_init(struct figures *f)
{
	memset(f, 0, sizeof *f);
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

static size_t add(struct scan *s, const struct figure *fg)
{
	/* Every rule's figure is a span of whole words, as a quote and a
	 * mention are: not "25%" with a combining mark on its '%'. */
	if (!word_whole(s->t, s->from, s->hi, fg->start, fg->end))
		return 0;
	struct figures *f = s->f;
	f->v = xgrowarray(f->v, &f->cap, f->n + 1, sizeof *f->v);
	f->v[f->n++] = *fg;
	s->lo = fg->end;
	return fg->end;
}

/* ---- numbers ---- */

struct num {
	size_t start, end;
	double v;
	int digits;     /* written with digits */
	int plain;      /* digits only, no separator or decimal */
	int ndig;
	int ordinal;    /* "first", "2nd" */
	int plural;     /* "dozens": at least two of them */
	int bare_scale; /* starts with "dozen"/"hundred"...: may take "a" before */
	int scaled;
	int is_one;     /* the word "one" alone */
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

/* Parse a number at p: digits ("1,000", "3.5", "2nd") or words ("twenty-five",
 * "a dozen" minus the "a", "dozens"), then scale words ("5 billion"). */
static int parse_number(const struct scan *s, size_t p, struct num *n, int money)
{
	const uint8_t *t = s->t;
	size_t i = p, e;
	memset(n, 0, sizeof *n);
	n->start = p;
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
		if (money && !n->ordinal && !boundary(s, i)) {
			double m = money_suffix(s, i, &i);
			if (m > 0) {
				v *= m;
				n->scaled = 1;
			}
		}
		if (!boundary(s, i))
			return 0;
		/* "2+2", "10:30", "24/7", "2-1": expressions, times, ranges. */
		int c = at(s, i);
		if (c > 0 && strchr("+*/=:^", c) && joins_at(s, i + 1))
			return 0;
		if (c == '-' && dig(s, i + 1))
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
		case KW_NUM:
			n->is_one = word_is(s, p, e, "one");
			break;
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
		n->scaled = 1;
		n->is_one = 0;
		e = je;
	}
	n->end = e;
	return 1;
}

/* ---- comparators and other lookbehind ---- */

/* Comparator words ending just before i (over spaces); moves *start to them. */
static enum fig_cmp cmp_back(const struct scan *s, size_t i, size_t *start)
{
	static const struct { const char *w; enum fig_cmp c; } single[] = {
		{"below", FIG_LT}, {"under", FIG_LT}, {"over", FIG_GT}, {"above", FIG_GT},
		{"about", FIG_APPROX}, {"around", FIG_APPROX}, {"roughly", FIG_APPROX},
		{"nearly", FIG_APPROX}, {"almost", FIG_APPROX},
		{"approximately", FIG_APPROX}, {"some", FIG_APPROX},
	};
	static const char *const than_w[] = { "less", "fewer", "more", NULL };
	static const char *const no_w[] = { "no", NULL };
	static const char *const at_w[] = { "at", NULL };
	static const char *const up_w[] = { "up", NULL };
	size_t e = back_sp(s, i);
	if (e == i)
		return FIG_EQ;
	size_t b = word_start(s, e);
	if (b == e)
		return FIG_EQ;
	for (size_t k = 0; k < LEN(single); k++)
		if (word_is(s, b, e, single[k].w)) {
			*start = b;
			return single[k].c;
		}
	size_t b2;
	if (word_is(s, b, e, "than")) {
		int k = word_back_in(s, b, than_w, &b2);
		if (k < 0)
			return FIG_EQ;
		size_t b3;
		int no = word_back_in(s, b2, no_w, &b3) == 0;
		*start = no ? b3 : b2;
		if (k == 2)
			return no ? FIG_LE : FIG_GT;
		return no ? FIG_GE : FIG_LT;
	}
	if (word_is(s, b, e, "least") && word_back_in(s, b, at_w, &b2) == 0) {
		*start = b2;
		return FIG_GE;
	}
	if (word_is(s, b, e, "most") && word_back_in(s, b, at_w, &b2) == 0) {
		*start = b2;
		return FIG_LE;
	}
	if (word_is(s, b, e, "to") && word_back_in(s, b, up_w, &b2) == 0) {
		*start = b2;
		return FIG_LE;
	}
	return FIG_EQ;
}

/* "early July", "mid-2025": the part word before i; moves *start to it. */
static enum fig_part part_back(const struct scan *s, size_t i, size_t *start)
{
	size_t b;
	int k = -1;
	if (i > s->lo && s->t[i - 1] == '-') {
		b = word_start(s, i - 1);
		if (b < i - 1)
			k = word_in(s, b, i - 1, part_words);
	} else {
		k = word_back_in(s, i, part_words, &b);
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
			*end = ke;
			return "pp";
		} else {
			return NULL;
		}
	}
	/* " of GDP" */
	size_t k = skip_sp(s, *end), ke;
	if (k > *end && (ke = word_end(s, k)) > k && word_is(s, k, ke, "of")) {
		size_t g = skip_sp(s, ke), ge = g > ke ? word_end(s, g) : g;
		if (ge > g && word_is(s, g, ge, "gdp")) {
			*end = ge;
			return "% of GDP";
		}
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

static int adjective(const struct scan *s, size_t i, size_t j)
{
	if (word_in(s, i, j, count_adjectives) >= 0)
		return 1;
	int caps = j - i >= 2;
	for (size_t k = i; k < j && caps; k++)
		caps = is_upper(s->t[k]);
	if (caps)
		return 1; /* "US", "EU" */
	for (int k = 0; adjective_suffixes[k] && j - i >= 6; k++) {
		size_t n = strlen(adjective_suffixes[k]);
		if (word_is(s, j - n, j, adjective_suffixes[k]))
			return 1;
	}
	return 0;
}

/* "seven rounds", "a dozen other nations": the noun span into *ns, *ne. */
static int tail_count(const struct scan *s, size_t e, size_t *ns, size_t *ne)
{
	size_t j = skip_sp(s, e), je;
	if (j == e || (je = word_end(s, j)) == j)
		return 0;
	if (plural_noun(s, j, je)) {
		*ns = j;
		*ne = je;
		return 1;
	}
	if (!adjective(s, j, je))
		return 0;
	size_t k = skip_sp(s, je), ke;
	if (k == je || (ke = word_end(s, k)) == k || !plural_noun(s, k, ke))
		return 0;
	*ns = k;
	*ne = ke;
	return 1;
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
		     int y, int m, int d, enum fig_part part)
{
	memset(fg, 0, sizeof *fg);
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
	size_t start = p;
	enum fig_part part = part_back(s, p, &start);
	if (!day && !year) {
		if (abbrev)
			return 0;
		size_t b;
		int prep = part != FIG_PART_NONE || word_back_in(s, p, may_preps, &b) >= 0;
		if (m == 5 && !prep)
			return 0;
		/* "April Ryan": a capitalised word after a bare month makes it a name. */
		size_t n = skip_sp(s, q);
		if (!prep && n > q && at(s, n) > 0 && is_upper((uint8_t)at(s, n)))
			return 0;
	}
	struct figure fg;
	set_date(&fg, start, end, p, end, year, m, day, part);
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
	if (word_back_in(s, p, to_w, &b) == 0)
		return (nb = number_before(s, b)) != SIZE_MAX && word_back_in(s, nb, from_w, &w) != 0;
	if (word_back_in(s, p, and_w, &b) != 0 || (nb = number_before(s, b)) == SIZE_MAX)
		return 0;
	return word_back_in(s, nb, between_w, &w) == 0;
}

/* A range goes on at e: "25%-30%".  ("25% to 30%" keeps both halves, each
 * with its unit, as "from 2 percent to 3.5 percent" does.) */
static int range_starts_at(const struct scan *s, size_t e)
{
	return at(s, e) == '-' && dig(s, e + 1);
}

/* The number at p with whatever follows it.  hyphened: glued to a word
 * before by '-' ("COVID-19"), only a year with a part ("mid-2025") then.
 * sign: where a minus or plus sign before the digits starts, else SIZE_MAX
 * (neg: it is a minus). */
static size_t try_number(struct scan *s, size_t p, int hyphened, size_t sign, int neg)
{
	struct num n;
	struct figure fg;
	size_t end, ns, ne;
	const char *unit;
	if (!parse_number(s, p, &n, 0))
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
			if (hyphened && part == FIG_PART_NONE)
				return 0;
			set_date(&fg, start, ye, p, ye, y, 0, 0, part);
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
			set_date(&fg, p, end, p, end, y, m, (int)n.v, FIG_PART_NONE);
			return add(s, &fg);
		}
	}
	if (n.ordinal)
		return 0;

	/* "a dozen", "a hundred" */
	if (n.bare_scale) {
		static const char *const a_w[] = { "a", NULL };
		size_t b;
		if (word_back_in(s, p, a_w, &b) == 0)
			fg.start = fg.num_start = b;
	}
	size_t from = n.end;
	if (n.plural) {
		/* "dozens of nations" */
		size_t j = skip_sp(s, n.end), je;
		if (j == n.end || (je = word_end(s, j)) == j || !word_is(s, j, je, "of"))
			return 0;
		from = je;
		fg.cmp = FIG_GE;
	} else {
		fg.cmp = cmp_back(s, fg.start, &fg.start);
	}
	fg.value = n.v;
	if (!n.plural && (unit = tail_percent(s, from, &end)) != NULL) {
		fg.kind = FIG_PERCENT;
		/* "25%-30%", "25% to 30%": the first half of a range. */
		if (range_starts_at(s, end))
			return 0;
		/* "-3 percent" is a fall of 3, not a rise. */
		if (sign != SIZE_MAX) {
			fg.value = neg ? -n.v : n.v;
			fg.num_start = sign;
			if (fg.start > sign)
				fg.start = sign;
		}
	} else if ((unit = tail_duration(s, from, &end)) != NULL) {
		fg.kind = FIG_DURATION;
	} else if ((unit = tail_money(s, from, &n, &end)) != NULL) {
		fg.kind = FIG_MONEY;
	} else if (!n.is_one && tail_count(s, from, &ns, &ne)) {
		fg.kind = FIG_COUNT;
		unit = intern(s->f, s->t + ns, ne - ns);
		end = ne;
	} else {
		return 0;
	}
	fg.unit = unit;
	fg.end = end;
	return add(s, &fg);
}


/* A money figure whose amount starts at j and whose phrase starts at start
 * ("$5 billion", "USD 5 billion"), comparator words before it included. */
static size_t money_after(struct scan *s, size_t start, size_t j, const char *code)
{
	struct num n;
	if (!dig(s, j) || !parse_number(s, j, &n, 1) || n.ordinal)
		return 0;
	struct figure fg;
	memset(&fg, 0, sizeof fg);
	fg.start = start;
	fg.cmp = cmp_back(s, start, &fg.start);
	fg.end = n.end;
	fg.num_start = j;
	fg.num_end = n.end;
	fg.kind = FIG_MONEY;
	fg.value = n.v;
	fg.unit = code;
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
	return money_after(s, start, skip_sp(s, p + symlen), code);
}

/* Money after a code word [p,q): "USD 5 billion". */
static size_t try_code(struct scan *s, size_t p, size_t q, const char *code)
{
	size_t j = skip_sp(s, q);
	return j == q ? 0 : money_after(s, p, j, code);
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
	if (!m && !code && !keyword_at(s, p, q))
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
	return try_number(s, p, 0, SIZE_MAX, 0);
}

/* Digits at p (the byte before is no ASCII letter or digit). */
static size_t try_digits(struct scan *s, size_t p)
{
	if (!boundary(s, p))
		return 0;
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
	size_t p = from;
	while (p < to) {
		uint8_t c = text[p];
		int k = byte_class[c];
		/* Most bytes: spaces, punctuation, and words whose first three
		 * letters fail the sieve, skipped with one lookup per byte. */
		if (k == C_NONE) {
			p++;
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
	static const char *const names[] = { "percent", "date", "duration", "count", "money" };
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
	if (fg->year && fg->month && fg->day)
		snprintf(out, outsz, "%s%04d-%02d-%02d", part, fg->year, fg->month, fg->day);
	else if (fg->year && fg->month)
		snprintf(out, outsz, "%s%04d-%02d", part, fg->year, fg->month);
	else if (fg->month && fg->day)
		snprintf(out, outsz, "%s--%02d-%02d", part, fg->month, fg->day);
	else if (fg->month)
		snprintf(out, outsz, "%s--%02d", part, fg->month);
	else if (fg->year)
		snprintf(out, outsz, "%s%04d", part, fg->year);
	else
		out[0] = '\0';
}
