/* Tokens, sentence ends and capital-expected positions of a line. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "brief/sentence.h"
#include "brief/tokens.h"
#include "brief/word.h"
#include "brief/util.h"

void tokens_init(struct tokens *t)
{
	memset(t, 0, sizeof *t);
}

void tokens_free(struct tokens *t)
{
	free(t->v);
	free(t->brk);
	free(t->sbrk);
	memset(t, 0, sizeof *t);
}


/* An ASCII letter or digit, or any byte of a non-ASCII character (the
 * caller only asks whether "'s" ends where a word does). */
static int is_word_byte(uint8_t c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

static ucs4_t cp_at(const uint8_t *s, size_t n)
{
	ucs4_t c = 0xFFFD;
	if (n)
		u8_mbtouc(&c, s, n);
	return c;
}

static int is_space_cp(ucs4_t c)
{
	if (c < 0x80)
		return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
	return c == 0xA0 || uc_is_property_white_space(c);
}

static enum tok_shape shape_of(const uint8_t *s, size_t n, int *any_alnum)
{
	/* ASCII words (most of English) without a libunistring call per byte. */
	size_t a = 0;
	while (a < n && s[a] < 0x80)
		a++;
	if (a == n) {
		int letters = 0, lower = 0, alnum = 0;
		enum tok_shape first_shape = TOK_WORD;
		for (size_t i = 0; i < n; i++) {
			uint8_t c = s[i];
			int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z', dg = c >= '0' && c <= '9';
			if (!(up || lo || dg))
				continue;
			if (!alnum)
				first_shape = dg ? TOK_DIGIT : up ? TOK_CAP : TOK_LOWER;
			alnum = 1;
			letters += up || lo;
			lower += lo;
		}
		*any_alnum = alnum;
		if (!alnum)
			return TOK_PUNCT;
		if (first_shape == TOK_CAP) {
			if (letters >= 2 && !lower)
				return TOK_UPPER;
			if (letters == 1)
				return TOK_WORD;
		}
		return first_shape;
	}
	size_t i = 0;
	int first = 1, letters = 0, upper = 0, lower = 0;
	enum tok_shape first_shape = TOK_WORD;
	*any_alnum = 0;
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtouc(&c, s + i, n - i);
		if (k <= 0)
			k = 1;
		if (uc_is_alnum(c)) {
			*any_alnum = 1;
			if (uc_is_alpha(c)) {
				letters++;
				if (uc_is_upper(c))
					upper++;
				else if (uc_is_lower(c))
					lower++;
			}
			if (first) {
				first = 0;
				if (uc_is_digit(c) || uc_is_general_category(c, UC_CATEGORY_Nd))
					first_shape = TOK_DIGIT;
				else if (uc_is_upper(c))
					first_shape = TOK_CAP;
				else if (uc_is_lower(c))
					first_shape = TOK_LOWER;
			}
		}
		i += (size_t)k;
	}
	if (!*any_alnum)
		return TOK_PUNCT;
	if (first_shape == TOK_CAP) {
		if (letters >= 2 && !lower)
			return TOK_UPPER;
		if (letters == 1)
			return TOK_WORD;        /* "I", an initial: decided by the rules */
	}
	(void)upper;
	/* A script without case (Han, kana, Arabic...) gives no capital to
	 * read a name from: such a word is read as a lower-case one. */
	if (first_shape == TOK_WORD && letters > 1)
		return TOK_LOWER;
	return first_shape;
}

/* A word of a short list, lengths compared first: these run on every
 * token, and a strlen() per entry was a tenth of the finder's time. */
struct word {
	const char *s;
	size_t n;
};
#define W(x) { x, sizeof x - 1 }

static int in_list(const struct word *v, size_t nv, const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < nv; i++)
		if (v[i].n == n && v[i].s[0] == (char)s[0] && memcmp(v[i].s, s, n) == 0)
			return 1;
	return 0;
}

static int opening_punct(ucs4_t c)
{
	return c == '"' || c == 0x201C || c == 0x2018 || c == '(' || c == '[' || c == '\''
		|| c == 0xAB || c == '-' || c == 0x2014 || c == 0x2013 || c == 0x2022 || c == '*';
}

static int is_function_word(const uint8_t *s, size_t n)
{
	static const struct word fw[] = {
		W("a"), W("an"), W("the"), W("of"), W("in"), W("on"), W("at"), W("to"), W("for"),
		W("and"), W("or"), W("by"), W("with"), W("from"), W("as"), W("is"), W("vs"),
		W("but"), W("nor"), W("into"), W("over"), W("up"),
	};
	return n <= 4 && in_list(fw, sizeof fw / sizeof fw[0], s, n);
}

static void push(struct tokens *t, size_t start, size_t end, enum tok_shape shape)
{
	t->v = xgrowarray(t->v, &t->cap, t->n + 1, sizeof *t->v);
	t->v[t->n++] = (struct token){ start, end, (uint8_t)shape, 0, 0 };
}

void tokens_line(struct tokens *t, const uint8_t *text, size_t start, size_t end)
{
	t->n = 0;
	t->cls = LINE_TEXT;
	t->prose = 0;
	if (end <= start)
		return;
	size_t n = end - start;
	t->brk = xgrowarray(t->brk, &t->brk_cap, n + 1, 1);
	word_breaks(text + start, n, t->brk);
	const uint8_t *s = text + start;
	size_t i = 0;
	while (i < n) {
		size_t j = i + 1;
		while (j < n && !t->brk[j])
			j++;
		ucs4_t c = cp_at(s + i, n - i);
		if (!is_space_cp(c)) {
			int alnum;
			enum tok_shape sh = shape_of(s + i, j - i, &alnum);
			if (sh == TOK_PUNCT) {
				/* One token per character: a break segment may hold ".\"". */
				size_t k = i;
				while (k < j) {
					int len = u8_mblen(s + k, j - k);
					if (len <= 0)
						len = 1;
					ucs4_t pc = cp_at(s + k, j - k);
					if (!is_space_cp(pc))
						push(t, start + k, start + k + (size_t)len, TOK_PUNCT);
					k += (size_t)len;
				}
			} else {
				/* UAX #29 keeps "Health.The" one word (a full stop
				 * between letters joins them, as in "e.g" or
				 * "Amazon.com"), but a page that lost the space after
				 * a sentence's full stop means two: split where the
				 * sentence rules see a lost space (sent_glued_stop). */
				size_t a = i;
				const uint8_t *dot = memchr(s + i, '.', j - i);
				while (dot && (size_t)(dot - s) + 1 < j) {
					size_t d = (size_t)(dot - s);
					if (d > a && sent_glued_stop(s, n, d)) {
						push(t, start + a, start + d, shape_of(s + a, d - a, &alnum));
						push(t, start + d, start + d + 1, TOK_PUNCT);
						a = d + 1;
					}
					dot = memchr(s + d + 1, '.', j - d - 1);
				}
				push(t, start + a, start + j, a == i ? sh : shape_of(s + a, j - a, &alnum));
			}
		}
		i = j;
	}

	/* A placeholder glued inside a word is no break: the document writes
	 * U+FFFD for a soft hyphen ("Netan\u00ADyahu", as pages hyphenate
	 * names for narrow columns) and for a byte of another encoding
	 * ("Jos\xE9"), and the name is one word either way. */
	size_t o0 = 0;
	for (size_t k = 0; k < t->n; k++) {
		const struct token *a = &t->v[k];
		if (o0 && k + 1 < t->n && a->end - a->start == 3 && text[a->start] == 0xEF
		    && text[a->start + 1] == 0xBF && text[a->start + 2] == 0xBD
		    && t->v[o0 - 1].shape != TOK_PUNCT && t->v[o0 - 1].end == a->start
		    && t->v[k + 1].shape != TOK_PUNCT && t->v[k + 1].start == a->end) {
			t->v[o0 - 1].end = t->v[k + 1].end;
			k++;
			continue;
		}
		t->v[o0++] = *a;
	}
	t->n = o0;
	t->sbrk = xgrowarray(t->sbrk, &t->sbrk_cap, n + 1, 1);
	sent_breaks(text + start, n, SENT_NEWS, t->sbrk);
	/* word.h splits "Seoul's" at its apostrophe, as quotes and mentions
	 * see it; the rules read a possessive as one word with a flag: glue
	 * word + ' or ’ + "s" back together (the flag is set below). */
	size_t o = 0;
	for (size_t k = 0; k < t->n; k++) {
		struct token *a = &t->v[k];
		if (k + 2 < t->n && a->shape != TOK_PUNCT && a->end == t->v[k + 1].start
		    && t->v[k + 1].end == t->v[k + 2].start && t->v[k + 2].end - t->v[k + 2].start == 1
		    && (text[t->v[k + 2].start] == 's' || text[t->v[k + 2].start] == 'S')
		    && (t->v[k + 2].end >= end || !is_word_byte(text[t->v[k + 2].end]))) {
			size_t al = t->v[k + 1].end - t->v[k + 1].start;
			const uint8_t *ap = text + t->v[k + 1].start;
			if ((al == 1 && ap[0] == '\'') || (al == 3 && memcmp(ap, "\xE2\x80\x99", 3) == 0)) {
				struct token m = *a;
				m.end = t->v[k + 2].end;
				t->v[o++] = m;
				k += 2;
				continue;
			}
		}
		t->v[o++] = *a;
	}
	t->n = o;
	/* Sentences, capitals expected, quotes, possessives. */
	int expect = 1, quoted = 0;
	uint16_t sent = 0;
	size_t words = 0, caps = 0, content = 0, upper_words = 0, letter_words = 0;
	int terminal_seen = 0;
	for (size_t k = 0; k < t->n; k++) {
		struct token *tk = &t->v[k];
		const uint8_t *p = text + tk->start;
		size_t len = tk->end - tk->start;
		tk->sent = sent;
		if (tk->shape == TOK_PUNCT) {
			ucs4_t c = cp_at(p, len);
			int is_dq = c == '"' || c == 0x201C || c == 0x201D;
			if (c == '.' || c == '!' || c == '?' || c == 0x2026) {
				/* The shared sentence rules (UAX #29 tailored for news:
				 * "U.S. Secretary", "Mr. Ishiba", "John F. Kennedy")
				 * say whether a sentence starts before the next word;
				 * the end of the line ends one too. */
				size_t nw = k + 1;
				while (nw < t->n && t->v[nw].shape == TOK_PUNCT)
					nw++;
				int abbr = 0;
				if (nw < t->n) {
					abbr = 1;
					for (size_t x = tk->end; x <= t->v[nw].start && abbr; x++)
						if (x > start && x < end && t->sbrk[x - start])
							abbr = 0;
				}
				if (!abbr) {
					tk->flags |= TOKF_SENT_END;
					expect = 1;
					sent++;
					terminal_seen = 1;
				}
			} else if (c == ':' || c == ';') {
				if (c == ':')
					expect = 1;
			} else if (is_dq) {
				/* A straight quote opens when nothing word-like precedes it. */
				int opens = c == 0x201C || (c == '"' && (!k || t->v[k - 1].end < tk->start
									  || t->v[k - 1].shape == TOK_PUNCT));
				if (c == 0x201D)
					opens = 0;
				quoted = opens ? 1 : 0;
				if (opens)
					expect = 1;
			} else if (!opening_punct(c)) {
				expect = 0;
			}
			continue;
		}
		if (quoted)
			tk->flags |= TOKF_QUOTED;
		if (expect)
			tk->flags |= TOKF_CAPEXP;
		expect = 0;
		if (len > 2 && (p[len - 1] == 's' || p[len - 1] == 'S')
		    && (p[len - 2] == '\'' || (len > 4 && memcmp(p + len - 4, "\xE2\x80\x99", 3) == 0)))
			tk->flags |= TOKF_POSS;
		words++;
		if (tk->shape == TOK_UPPER)
			upper_words++;
		if (tk->shape != TOK_DIGIT)
			letter_words++;
		if (is_function_word(p, len)) {
			t->prose = 1;
		} else {
			content++;
			if (tk->shape == TOK_CAP || tk->shape == TOK_UPPER || tk->shape == TOK_WORD)
				caps++;
		}
	}
	if (terminal_seen)
		t->prose = 1;
	/* A heading: short, no sentence end, most content words capitalised. */
	if (words >= 2 && letter_words >= 2 && upper_words == letter_words)
		t->cls = LINE_ALLCAPS;
	else if (words >= 2 && words <= 20 && !terminal_seen && content && caps * 10 >= content * 6)
		t->cls = LINE_HEADLINE;
}

int tokens_is(const struct tokens *t, const uint8_t *text, size_t i, const char *w)
{
	if (i >= t->n || text[t->v[i].start] != (uint8_t)w[0])
		return 0;
	size_t n = strlen(w);
	return t->v[i].end - t->v[i].start == n && memcmp(text + t->v[i].start, w, n) == 0;
}

size_t tokens_base_len(const struct tokens *t, const uint8_t *text, size_t i)
{
	const struct token *tk = &t->v[i];
	size_t len = tk->end - tk->start;
	if (!(tk->flags & TOKF_POSS))
		return len;
	(void)text;
	return text[tk->end - 2] == '\'' ? len - 2 : len - 4;
}

const char *line_class_name(enum line_class c)
{
	switch (c) {
	case LINE_HEADLINE: return "headline";
	case LINE_ALLCAPS: return "all-caps";
	case LINE_TEXT: break;
	}
	return "text";
}
