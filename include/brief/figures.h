/* Figures claimed in a text, found by rule: percentages, dates, durations,
 * counts and money, each with its value, comparator, unit and exact span.
 * Pure: works on any valid UTF-8, knows nothing of a particular article. */
#ifndef BRIEF_FIGURES_H
#define BRIEF_FIGURES_H

#include <stddef.h>
#include <stdint.h>

enum fig_kind {
	FIG_PERCENT, FIG_DATE, FIG_DURATION, FIG_COUNT, FIG_MONEY,
	FIG_MEASURE,            /* a physical quantity: "Mach 6", "2 degrees Celsius" */
	FIG_KIND_COUNT
};

/* How the value is bounded: "less than 2 percent" is FIG_LT 2.  For a
 * date, FIG_LT is "before" ("pre-2014") and FIG_GT "after". */
enum fig_cmp { FIG_EQ, FIG_LT, FIG_LE, FIG_GT, FIG_GE, FIG_APPROX, FIG_CMP_COUNT };

/* Part of a period for dates such as "early July", "late 2025". */
enum fig_part { FIG_PART_NONE, FIG_PART_EARLY, FIG_PART_MID, FIG_PART_LATE };

struct figure {
	size_t start, end;      /* byte span of the whole phrase, comparator included */
	size_t num_start, num_end; /* span of the number itself ("2" in "less than 2
	                           percent"; "2-3" in "2-3%", both ends of a range) */
	enum fig_kind kind;
	enum fig_cmp cmp;
	double value;           /* percent 3.5, count 7, duration 90 (days), money 5e9;
	                           a range's low end; dates: 0 */
	double high;            /* a range's high end ("2-3%": 3, "$100-$200 billion":
	                           2e11); == value when range is 0 */
	int range;              /* value and high are the ends of a range */
	double total;           /* the whole a count is part of ("eight of the 29
	                           allies": 29), else 0 */
	const char *unit;       /* static or interned by struct figures: "%", "% of GDP",
	                           "pp", "day", "month", "rounds", "nations", "USD",
	                           "Mach" ...; "" for a number alone ("2.24 trillion");
	                           dates: "date" */
	const char *cmp_words;  /* static: the comparator as the text words it, lower
	                           case ("as high as", "just over", "or more"); "" when
	                           none, or as fig_cmp_words() would say it */
	const char *rule;       /* static: the name of the rule that found it
	                           ("percent", "money-symbol", "date-iso", ...) */
	int year, month, day;   /* dates: 0 when not given */
	int century;            /* dates: 21 for "21st Century" (year etc. 0) */
	int decade;             /* dates: 1 when year starts a decade: "the 1990s" */
	int weekday;            /* dates: 1 "Monday" .. 7 "Sunday", else 0 */
	int rel;                /* dates: -1 "last May", 1 "next May", 2 "this May",
	                           else 0 */
	enum fig_part part;     /* dates */
};

struct figures {
	struct figure *v;
	size_t n, cap;
	/* interned unit strings, private to figures.c */
	char **units;
	size_t nunits, capunits;
	/* At most max figures are kept (FIGURES_MAX unless changed after
	 * figures_init), so that memory has a bound whatever the text holds:
	 * once full, scanning stops and full_at is where the first figure not
	 * kept starts. */
	size_t max;
	int full;
	size_t full_at;
};

/* 524,288 figures: 64 MiB.  A real text of 100 MB holds about 350,000; a
 * text made of "1% 2% 3%" stops here. */
#define FIGURES_MAX ((size_t)1 << 19)

void figures_init(struct figures *f);
void figures_free(struct figures *f);

/* Find figures in text[from, to) and append them in order of start.  text is
 * valid UTF-8 of length len (text[len] == '\0'); from and to are line
 * boundaries (0, len, or just after an LF), so a document can be scanned in
 * slices.  Lookbehind (for comparators) never crosses from. */
void figures_scan(struct figures *f, const uint8_t *text, size_t len, size_t from, size_t to);

/* Index of the first figure starting at or after off (n if none). */
size_t figures_at(const struct figures *f, size_t off);
/* First figure lying wholly inside [start, end), or NULL. */
const struct figure *figures_in(const struct figures *f, size_t start, size_t end);

const char *fig_kind_name(enum fig_kind k);   /* "percent", "date", ..., "measure" */
const char *fig_cmp_symbol(enum fig_cmp c);   /* "", "<", "<=", ">", ">=", "~" */
const char *fig_cmp_words(enum fig_cmp c);    /* "", "less than", "at most", ... */

/* The figure's value as a reader writes it, appended to b: "July 9",
 * "early July", "mid-2025", "last May", "before 2014", "the 21st century",
 * "more than $1.6 trillion", "€1.5 billion", "25%", "less than 2% of GDP",
 * "0.4 pp", "90 days", "less than a year", "2–3%", "$100–200 billion",
 * "as many as 300 troops", "8 of 29 allies", "dozens of nations", "Mach 6".
 * A strict bound stays strict ("less than", never "at most"), and the
 * text's own comparator wording is kept ("as high as 10% of GDP", "3% or
 * more").  ascii: no symbol outside ASCII ("EUR 1.5 billion", "2-3%").
 * Pure: reads only the figure, never the text; the machine form stays
 * in --export json. */
struct buf;
void fig_wording(struct buf *b, const struct figure *fg, int ascii);

/* "2025", "--07-09", "early --07", "2025-07", "last --05", "2001/2100" (the
 * 21st century), "1990s", "late Thursday": ISO 8601-like text for a date
 * figure (a decade and a weekday as words, which ISO has not), written
 * into a caller buffer of at least 24 bytes. */
void fig_date_iso(const struct figure *fg, char *out, size_t outsz);

#endif
