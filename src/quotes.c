/* Quotations attributed to their speakers (quotes.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief/quotes.h"
#include "brief/tokens.h"
#include "brief/util.h"

void quotes_init(struct quotes *q)
{
	memset(q, 0, sizeof *q);
}

void quotes_free(struct quotes *q)
{
	free(q->v);
	memset(q, 0, sizeof *q);
}

/* How many tokens before and after a quotation its attribution is
 * looked for in (a real sentence has fewer than 200). */
#define QUOTES_REACH 128

/* Verbs that say someone said something, sorted by bytes (checked by
 * test_claims.c through quotes_speech_sorted). */
static const char *const speech[] = {
	"acknowledged", "added", "adds", "admitted", "announced", "argued", "asked", "asserted",
	"called", "claimed", "commented", "complained", "conveyed", "declared", "described",
	"emphasised", "emphasized", "explained", "indicated", "indicates", "insisted", "insists",
	"noted", "notes", "pledged", "posted", "promised", "quoted", "reiterated", "remarked",
	"replied", "reported", "reports", "responded", "said", "say", "says", "stated", "states",
	"stressed", "suggested", "tells", "told", "tweeted", "urged", "vowed", "warned", "warns",
	"writes", "wrote",
};

/* The lower-case ASCII word of token k, in a caller buffer, or "". */
static const char *lower(const uint8_t *t, const struct token *tk, char *buf, size_t cap)
{
	size_t n = tk->end - tk->start;
	if (n + 1 > cap)
		return "";
	for (size_t i = 0; i < n; i++) {
		uint8_t c = t[tk->start + i];
		buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	buf[n] = '\0';
	return buf;
}

int quotes_speech_sorted(void);
int quotes_speech_sorted(void)
{
	for (size_t i = 1; i < sizeof speech / sizeof speech[0]; i++)
		if (strcmp(speech[i - 1], speech[i]) >= 0)
			return 0;
	return 1;
}

static int is_speech(const char *w)
{
	size_t lo = 0, hi = sizeof speech / sizeof speech[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(speech[mid], w);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

struct qscan {
	const struct claims_input *in;
	struct tokens tk;
	size_t mi;                  /* mention cursor */
};

/* The entity of the mention covering byte off, or -1. */
static long ent_at(struct qscan *s, size_t off)
{
	const struct claims_input *in = s->in;
	while (s->mi > 0 && in->ments[s->mi - 1].end > off)
		s->mi--;
	while (s->mi < in->nments && in->ments[s->mi].end <= off)
		s->mi++;
	if (s->mi < in->nments && in->ments[s->mi].start <= off)
		return (long)in->ments[s->mi].entity;
	return -1;
}

/* The last person named before byte off (for "he said"). */
static long person_before(const struct claims_input *in, size_t off)
{
	size_t lo = 0, hi = in->nments;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (in->ments[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k > 0; k--) {
		const struct entity *e = &in->ents[in->ments[k - 1].entity];
		if (e->kind == KIND_PERSON)
			return (long)in->ments[k - 1].entity;
		if (off - in->ments[k - 1].start > 4096)
			break;
	}
	return -1;
}

static int word_eq(const char *w, const char *x)
{
	return strcmp(w, x) == 0;
}

/* The speaker of a speech verb at token v in [a, v): the last actor named
 * before it in its clause, skipping those after "of", "in", "to"; "he" or
 * "she" the last person named before the sentence. */
static long subject_of(struct qscan *s, size_t a, size_t v, size_t sent_start)
{
	const uint8_t *t = s->in->text;
	char w[32];
	for (size_t k = v; k > a; ) {
		k--;
		const struct token *tk = &s->tk.v[k];
		long e = ent_at(s, tk->start);
		if (e >= 0) {
			const char *pw = k > a ? lower(t, &s->tk.v[k - 1], w, sizeof w) : "";
			/* "the Trump administration", "of the IMF": the first one
			 * that is no object of a preposition */
			if (word_eq(pw, "of") || word_eq(pw, "in") || word_eq(pw, "to")
			    || word_eq(pw, "with") || word_eq(pw, "from"))
				continue;
			return e;
		}
		const char *lw = lower(t, tk, w, sizeof w);
		if (word_eq(lw, "he") || word_eq(lw, "she"))
			return person_before(s->in, sent_start);
		if (word_eq(lw, ";") || (tk->shape == TOK_PUNCT && tk->end - tk->start == 1
					 && (t[tk->start] == '"' || t[tk->start] == ';')))
			break;
	}
	return -1;
}

static void add(struct quotes *q, size_t s, size_t e, long who, const char *rule, size_t ss,
		size_t se)
{
	q->v = xgrowarray(q->v, &q->cap, q->n + 1, sizeof *q->v);
	q->v[q->n++] = (struct quotes_item){ s, e, who, rule, ss, se };
}

/* Is there a quote mark at byte i: 1 opening, 2 closing, 3 straight. */
static int mark_at(const uint8_t *t, size_t i, size_t end, size_t *len)
{
	if (t[i] == '"') {
		*len = 1;
		return 3;
	}
	if (i + 2 < end + 1 && t[i] == 0xE2 && t[i + 1] == 0x80 && (t[i + 2] == 0x9C || t[i + 2] == 0x9D)) {
		*len = 3;
		return t[i + 2] == 0x9C ? 1 : 2;
	}
	return 0;
}

/* The token holding byte off, or the first after it. */
static size_t tok_at(const struct tokens *tk, size_t off)
{
	size_t lo = 0, hi = tk->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (tk->v[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Attribute the quotation text[qs, qe), its marks ending at ce, in the line
 * tokenized in s->tk. */
static void attribute(struct qscan *s, struct quotes *q, size_t qs, size_t qe, size_t ce)
{
	const uint8_t *t = s->in->text;
	const struct tokens *tk = &s->tk;
	char w[32];
	size_t first = tok_at(tk, qs);
	size_t after = tok_at(tk, ce);
	if (first >= tk->n)
		return;
	uint16_t sent = tk->v[first].sent;
	/* The sentence, but no further than QUOTES_REACH tokens either side
	 * of the quotation: a line of thousands of quotations in one
	 * "sentence" walked all of it for each (4 minutes for 1.3 MB). */
	size_t a = first, b = after;
	while (a > 0 && tk->v[a - 1].sent == sent && first - a < QUOTES_REACH)
		a--;
	while (b < tk->n && tk->v[b].sent == sent && b - after < QUOTES_REACH)
		b++;
	/* A closing quote ends its sentence in the news tailoring ("...
	 * difficult." Rubio said): the words after it belong to it too. */
	size_t b2 = b;
	while (b2 < tk->n && tk->v[b2].sent == (uint16_t)(sent + 1) && b2 - after < 2 * QUOTES_REACH)
		b2++;
	size_t ss = tk->v[a].start, se = tk->v[(b > a ? b : a + 1) - 1].end;

	/* Words inside the quote are the speaker's, not the attribution. */
	size_t inside_end = after;

	/* "According to X", anywhere in the sentence outside the quote. */
	for (size_t k = a; k + 2 < b2; k++) {
		if (k >= first && k < inside_end)
			continue;
		if (word_eq(lower(t, &tk->v[k], w, sizeof w), "according")
		    && word_eq(lower(t, &tk->v[k + 1], w, sizeof w), "to")) {
			size_t x = k + 2;
			if (x + 1 < b2 && word_eq(lower(t, &tk->v[x], w, sizeof w), "the"))
				x++;        /* "according to the IMF" */
			long e = ent_at(s, tk->v[x].start);
			if (e >= 0) {
				add(q, qs, qe, e, "quote:according-to", ss, se);
				return;
			}
		}
	}
	/* After it: "...," Nikkei Asia reported; "...," said Trump; "...," he
	 * added. */
	size_t k = after;
	if (k < b2 && tk->v[k].shape == TOK_PUNCT && t[tk->v[k].start] == ',')
		k++;
	long last = -1;
	for (size_t n = 0; k < b2 && n < 9; k++, n++) {
		const struct token *x = &tk->v[k];
		long e = ent_at(s, x->start);
		if (e >= 0) {
			last = e;
			continue;
		}
		const char *lw = lower(t, x, w, sizeof w);
		if (word_eq(lw, "he") || word_eq(lw, "she")) {
			last = person_before(s->in, ss);
			continue;
		}
		if (is_speech(lw)) {
			if (last < 0 && k + 1 < b2) {
				long e2 = ent_at(s, tk->v[k + 1].start);
				if (e2 < 0 && k + 2 < b2)
					e2 = ent_at(s, tk->v[k + 2].start);   /* "said US President X" */
				last = e2;
			}
			if (last >= 0) {
				add(q, qs, qe, last, "quote:after", ss, se);
				return;
			}
			break;
		}
		if (x->shape == TOK_PUNCT && (t[x->start] == '.' || t[x->start] == ';'
					      || t[x->start] == '"'))
			break;
	}
	/* Before it, in its sentence: X said (that) "...", X has publicly
	 * stated that "..." and "...", X described the situation as a "...",
	 * X said that the visit appears to be "difficult" to arrange. */
	for (size_t j = first; j > a; ) {
		j--;
		const char *lw = lower(t, &tk->v[j], w, sizeof w);
		if (!is_speech(lw))
			continue;
		int described = word_eq(lw, "described") || word_eq(lw, "called");
		long e = subject_of(s, a, j, ss);
		if (e < 0)
			return;
		int that = j + 1 < first && word_eq(lower(t, &tk->v[j + 1], w, sizeof w), "that");
		add(q, qs, qe, e, described ? "quote:described-as" : that ? "quote:that" : "quote:before",
		    ss, se);
		return;
	}
}

void quotes_find(struct quotes *q, const struct claims_input *in)
{
	struct qscan s;
	memset(&s, 0, sizeof s);
	s.in = in;
	tokens_init(&s.tk);
	/* A single line of 20 MB is not tokenized 4 MiB deep (that took
	 * 100 MB and 180 ms before the first paint). */
	size_t to = claims_read_end(in, NULL);
	const uint8_t *t = in->text;
	size_t off = in->from;
	while (off < to) {
		const uint8_t *nl = memchr(t + off, '\n', to - off);
		size_t le = nl ? (size_t)(nl - t) : to;
		/* Only lines with a quote mark are read. */
		int any = 0;
		for (size_t i = off; i < le && !any; i++) {
			size_t ml;
			any = mark_at(t, i, le, &ml) != 0;
		}
		if (!any) {
			off = le + 1;
			continue;
		}
		tokens_line(&s.tk, t, off, le);
		size_t open = SIZE_MAX, open_len = 0;
		int straight = 0;
		for (size_t i = off; i < le; ) {
			size_t ml;
			int m = mark_at(t, i, le, &ml);
			if (!m) {
				i++;
				continue;
			}
			int opens = m == 1 || (m == 3 && open == SIZE_MAX);
			if (opens && open == SIZE_MAX) {
				open = i;
				open_len = ml;
				straight = m == 3;
			} else if (open != SIZE_MAX && (m == 2 || (m == 3 && straight) || m == 3)) {
				size_t qs = open + open_len, qe = i;
				/* Trailing punctuation inside the quote is the speaker's:
				 * kept; white space trimmed. */
				while (qs < qe && t[qs] == ' ')
					qs++;
				while (qe > qs && t[qe - 1] == ' ')
					qe--;
				if (qe > qs)
					attribute(&s, q, qs, qe, i + ml);
				open = SIZE_MAX;
			} else if (m == 1) {
				open = i;       /* a new opening mark: the old one was stray */
				open_len = ml;
				straight = 0;
			}
			i += ml;
		}
		off = le + 1;
	}
	tokens_free(&s.tk);
}
