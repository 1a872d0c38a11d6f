/* Annotation files: tokenize, parse and check them, then anchor their quotes in a document. */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "brief/annot.h"
#include "brief/util.h"
#include "brief/word.h"

/* How much of a statement or quote is echoed in a message, in code points. */
#define SNIP_MAX 60

static const char *const kind_names[KIND_COUNT] = {
	"person", "country", "organization", "media", "place"
};
static const char *const meta_names[META_COUNT] = {
	"title", "section", "byline", "source", "credit", "date"
};

const char *entity_kind_name(enum entity_kind k)
{
	return (unsigned)k < KIND_COUNT ? kind_names[k] : "?";
}

const char *entity_kind_heading(enum entity_kind k)
{
	static const char *const headings[KIND_COUNT] = {
		"People", "Countries", "Organizations", "Media", "Places"
	};
	return (unsigned)k < KIND_COUNT ? headings[k] : "?";
}

const char *meta_key_name(enum meta_key k)
{
	return (unsigned)k < META_COUNT ? meta_names[k] : "?";
}

/* Entity ids are looked up once per actor (duplicates) and per reference:
 * a linear search made a file of 60,000 actors take 20 s to parse. */
static size_t id_hash(const char *s, size_t n)
{
	uint64_t h = fnv1a(FNV1A_START, s, n);
	return (size_t)(h ^ (h >> 32));
}

static long find_id(const struct annot *a, const char *s, size_t n)
{
	if (!a->id_cap)
		return -1;
	size_t mask = a->id_cap - 1;
	for (size_t k = id_hash(s, n) & mask; a->id_slot[k]; k = (k + 1) & mask) {
		const char *id = a->entities[a->id_slot[k] - 1].id;
		if (strncmp(id, s, n) == 0 && id[n] == '\0')
			return (long)(a->id_slot[k] - 1);
	}
	return -1;
}

static void insert_id(struct annot *a, size_t i)
{
	size_t mask = a->id_cap - 1;
	const char *id = a->entities[i].id;
	size_t k = id_hash(id, strlen(id)) & mask;
	while (a->id_slot[k])
		k = (k + 1) & mask;
	a->id_slot[k] = i + 1;
}

/* Index the last entity added; at most half the slots are ever in use. */
static void index_last_entity(struct annot *a)
{
	if (a->nentities * 2 > a->id_cap) {
		free(a->id_slot);
		a->id_cap = a->id_cap ? a->id_cap * 2 : 64;
		a->id_slot = xcalloc(a->id_cap, sizeof *a->id_slot);
		for (size_t i = 0; i < a->nentities; i++)
			insert_id(a, i);
		return;
	}
	insert_id(a, a->nentities - 1);
}

void annot_add_entity(struct annot *a, struct entity *e)
{
	size_t cap = a->nentities;  /* the parser's capacity is its own: grow exactly */
	a->entities = xrealloc(a->entities, (cap + 1) * sizeof *a->entities);
	a->entities[a->nentities++] = *e;
	memset(e, 0, sizeof *e);
	index_last_entity(a);
}

void annot_drop_entities(struct annot *a, size_t keep)
{
	if (keep >= a->nentities)
		return;
	for (size_t i = keep; i < a->nentities; i++)
		entity_free_fields(&a->entities[i]);
	a->nentities = keep;
	if (!a->id_cap)
		return;
	memset(a->id_slot, 0, a->id_cap * sizeof *a->id_slot);
	for (size_t i = 0; i < a->nentities; i++)
		insert_id(a, i);
}

long annot_find_entity(const struct annot *a, const char *id)
{
	if (!a || !id)
		return -1;
	return find_id(a, id, strlen(id));
}

/* ---- messages ---- */

/* Copy at most SNIP_MAX code points of s into out, "..." when cut.  Control
 * bytes become '?' so nothing in a message can drive a terminal. */
static void snip(char *out, size_t outsz, const char *s, size_t n)
{
	size_t o = 0, cps = 0;
	for (size_t i = 0; i < n && o + 8 < outsz; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c & 0xC0) != 0x80 && cps++ == SNIP_MAX) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		out[o++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
	}
	out[o] = '\0';
}

static void make_printable(char *msg)
{
	uint8_t *r = (uint8_t *)msg, *w = (uint8_t *)msg;
	size_t n = strlen(msg);
	const uint8_t *end = r + n;
	while (r < end) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, r, (size_t)(end - r));
		if (k < 0 || !doc_cp_is_safe(c) || c == '\t' || c == '\n') {
			*w++ = '?';
			r += k > 0 ? k : 1;
			continue;
		}
		memmove(w, r, (size_t)k);
		w += k;
		r += k;
	}
	*w = '\0';
}

static void verror(struct annot_error *err, const char *name, int line, int col,
		   const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));
static void verror(struct annot_error *err, const char *name, int line, int col,
		   const char *fmt, va_list ap)
{
	err->line = line;
	err->col = col;
	int n = snprintf(err->msg, sizeof err->msg, "%s:%d:%d: ",
		     name ? name : "(annotations)", line, col);
	if (n >= 0 && (size_t)n < sizeof err->msg)
		vsnprintf(err->msg + n, sizeof err->msg - (size_t)n, fmt, ap);
	/* A cut message must not end inside a character. */
	size_t len = strlen(err->msg);
	if (len == sizeof err->msg - 1) {
		while (len && ((unsigned char)err->msg[len - 1] & 0xC0) == 0x80)
			len--;
		if (len && (unsigned char)err->msg[len - 1] >= 0xC0)
			len--;
		err->msg[len] = '\0';
	}
	/* The file name and echoed text come from outside: every code point a
	 * document could not show (C0, C1, bidi, unassigned, invalid) is '?'. */
	make_printable(err->msg);
}

static int report(struct annot_error *err, const char *name, int line, int col,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static int report(struct annot_error *err, const char *name, int line, int col,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(err, name, line, col, fmt, ap);
	va_end(ap);
	return BRIEF_EXIT_DATAERR;
}

/* ---- tokens ---- */

enum tok_type { TOK_WORD, TOK_STRING };

struct token {
	enum tok_type type;
	const char *p;              /* raw bytes in the line, quotes included */
	size_t n;
	char *s;                    /* a string unescaped, heap; NULL once taken */
	int col, end;               /* first column, column just past */
};

/* The current block, also the context a keyword belongs to. */
enum ctx { CTX_TOP, CTX_ACTOR, CTX_CMP };

/* An entity id used before the end of the file; checked once all are known. */
struct ref {
	const char *id;             /* points into the annotation, which owns it */
	int line, col;
};

struct parser {
	struct annot *a;
	struct annot_error *err;
	int line;
	struct token *toks;
	size_t ntoks, cap_toks;
	size_t nstmts;
	struct ref *refs;
	size_t nrefs, cap_refs;
	size_t cap_ent, cap_notes, cap_cmp;
	/* the open block */
	enum ctx blk;
	int blk_col;                /* column of a comparison's id */
	int desc_line, aff_line, unit_line, by_line;
	int demander_line;          /* the open row's "demander", once */
	size_t cap_alias, cap_rows, cap_meas;
	size_t cap_ign;
	size_t cap_quot;
};

static int fail(struct parser *p, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int fail(struct parser *p, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(p->err, p->a->name, line, col, fmt, ap);
	va_end(ap);
	return BRIEF_EXIT_DATAERR;
}

static int is_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		|| c == '_' || c == '.' || c == ',' || c == '+' || c == '-';
}

/* Columns count code points; the line is valid UTF-8 by the time we ask, and
 * asked in increasing order, so count on from the last answer. */
struct colctr {
	const char *s;
	size_t off;
	int col;
};

static int col_at(struct colctr *c, size_t off)
{
	for (; c->off < off; c->off++)
		if (((unsigned char)c->s[c->off] & 0xC0) != 0x80 && c->col < INT_MAX)
			c->col++;
	return c->col;
}

static void clear_tokens(struct parser *p)
{
	for (size_t i = 0; i < p->ntoks; i++)
		free(p->toks[i].s);
	p->ntoks = 0;
}

static struct token *new_token(struct parser *p)
{
	p->toks = xgrowarray(p->toks, &p->cap_toks, p->ntoks + 1, sizeof *p->toks);
	struct token *t = &p->toks[p->ntoks++];
	memset(t, 0, sizeof *t);
	return t;
}

/* Every string is shown somewhere (panel, status line, --dump): what a
 * document could not show becomes a placeholder, as in the document, so
 * that a quote still matches its sanitised text.  A quote keeps a TAB or
 * a line feed (written \t, \n or a raw TAB), since a document keeps both
 * and a quote is its bytes; any other string is one line of the screen
 * and reads them as spaces (one_line(), once its kind is known). */
static char *printable_string(const char *s, size_t n)
{
	return doc_sanitize_str(s, n, NULL);
}

static void one_line(char *s)
{
	for (char *c = s; *c; c++)
		if (*c == '\n' || *c == '\t')
			*c = ' ';
}

/* Bytes a string may not hold as they are: TAB aside, write \n or \t. */
static int string_control(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c == 0x7f;
}

/* Read a string starting at the quote s[*i]; leave *i past its closing quote. */
static int lex_string(struct parser *p, struct colctr *cc, const char *s, size_t n, size_t *i)
{
	size_t start = *i, j = start + 1;
	struct buf b = { 0 };
	for (;;) {
		if (j >= n || (s[j] == '\\' && j + 1 >= n)) {
			buf_free(&b);
			return fail(p, p->line, col_at(cc, start),
				    "unterminated string (a string must end on its line)");
		}
		unsigned char c = (unsigned char)s[j];
		if (c == '"')
			break;
		if (c == '\\') {
			static const char from[] = "\"\\nt", to[] = "\"\\\n\t";
			unsigned char e = (unsigned char)s[j + 1];
			const char *k = e ? strchr(from, e) : NULL;
			if (!k) {
				buf_free(&b);
				if (e > 0x20 && e < 0x7f)
					return fail(p, p->line, col_at(cc, j),
						    "bad escape '\\%c' (use \\\" \\\\ \\n or \\t)", e);
				return fail(p, p->line, col_at(cc, j),
					    "bad escape (use \\\" \\\\ \\n or \\t)");
			}
			buf_addc(&b, to[k - from]);
			j += 2;
			continue;
		}
		if (string_control(c)) {
			buf_free(&b);
			return fail(p, p->line, col_at(cc, j),
				    "control character 0x%02x in string (write \\n or \\t)", c);
		}
		/* Up to the next quote, escape or control: copied at once. */
		size_t run = j + 1;
		while (run < n && s[run] != '"' && s[run] != '\\' && !string_control((unsigned char)s[run]))
			run++;
		buf_add(&b, s + j, run - j);
		j = run;
	}
	struct token *t = new_token(p);
	t->type = TOK_STRING;
	t->p = s + start;
	t->n = j + 1 - start;
	t->s = printable_string(b.data ? b.data : "", b.len);
	buf_free(&b);
	t->col = col_at(cc, start);
	t->end = col_at(cc, j + 1);
	*i = j + 1;
	return 0;
}

/* Split one line (no LF, no CR before it) into tokens, dropping a comment. */
static int lex_line(struct parser *p, const char *s, size_t n)
{
	struct colctr cc = { s, 0, 1 };
	const uint8_t *bad = u8_check((const uint8_t *)s, n);
	if (bad) {
		size_t off = (size_t)(bad - (const uint8_t *)s);
		return fail(p, p->line, col_at(&cc, off), "invalid UTF-8 (byte 0x%02x)", *bad);
	}
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t') {
			i++;
		} else if (c == '#') {
			break;
		} else if (c == '"') {
			if (lex_string(p, &cc, s, n, &i))
				return BRIEF_EXIT_DATAERR;
		} else if (is_word_char(c)) {
			struct token *t = new_token(p);
			t->type = TOK_WORD;
			t->p = s + i;
			t->col = col_at(&cc, i);
			while (i < n && is_word_char((unsigned char)s[i]))
				i++;
			t->n = (size_t)(s + i - t->p);
			t->end = col_at(&cc, i);
		} else if (c == '?' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')
			   && (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t' || s[i + 1] == '#')) {
			/* "demander ?": a lone question mark is a word of its own. */
			struct token *t = new_token(p);
			t->type = TOK_WORD;
			t->p = s + i;
			t->col = col_at(&cc, i);
			t->n = 1;
			t->end = col_at(&cc, ++i);
		} else if (c < 0x20 || c == 0x7f) {
			return fail(p, p->line, col_at(&cc, i), "unexpected control character 0x%02x", c);
		} else if (c < 0x80) {
			return fail(p, p->line, col_at(&cc, i), "unexpected character '%c'", c);
		} else {
			ucs4_t uc;
			u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
			return fail(p, p->line, col_at(&cc, i), "unexpected character U+%04X", (unsigned)uc);
		}
	}
	return 0;
}

/* ---- statements ---- */

enum arg {
	A_END, A_VERSION, A_QUOTE, A_STRING, A_ID, A_REF, A_KIND, A_CURRENT, A_DEMAND, A_PARTIES,
	A_REF_OR_UNKNOWN, A_OPT_INHERITED
};

static const char *const arg_desc[] = {
	[A_VERSION] = "a version number",
	[A_QUOTE] = "a quoted string",
	[A_STRING] = "a quoted string",
	[A_ID] = "an id",
	[A_REF] = "an actor id",
	[A_KIND] = "a kind (person, country, organization, media, place)",
	[A_CURRENT] = "'current' or 'derived'",
	[A_DEMAND] = "'demand' or 'target'",
	[A_PARTIES] = "actor ids joined by commas",
	[A_REF_OR_UNKNOWN] = "an actor id or '?'",
	[A_OPT_INHERITED] = "'inherited'",
};

#define MAX_ARGS 5

struct keyword;
/* Carry out a statement whose arguments were checked: 0, or an error
 * already reported with fail(). */
typedef int keyword_fn(struct parser *p, const struct keyword *k);

struct keyword {
	const char *name;
	enum ctx ctx;               /* CTX_TOP: closes the open block first */
	int first;                  /* only as the file's first statement */
	int meta;                   /* the header field (stmt_meta) */
	unsigned char args[MAX_ARGS + 1];   /* enum arg, A_END terminated */
	keyword_fn *exec;
};

static int word_is(const struct token *t, const char *w)
{
	return t->type == TOK_WORD && strlen(w) == t->n && memcmp(t->p, w, t->n) == 0;
}

static int is_id(const char *s, size_t n)
{
	if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')
		      || s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

static int bad_id(struct parser *p, int col, const char *s, size_t n)
{
	char w[SNIP_MAX * 4 + 8];
	snip(w, sizeof w, s, n);
	return fail(p, p->line, col, "bad id '%s' (an id is lowercase letters, digits, "
		    "'_' and '-', starting with a letter or digit)", w);
}

/* The statement's first k tokens as written, for "expected X after '...'". */
static void stmt_prefix(const struct parser *p, size_t k, char *out, size_t outsz)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < k; i++) {
		if (i)
			buf_addc(&b, ' ');
		buf_add(&b, p->toks[i].p, p->toks[i].n);
	}
	snip(out, outsz, b.data, b.len);
	buf_free(&b);
}

static void add_ref(struct parser *p, const char *id, int col)
{
	p->refs = xgrowarray(p->refs, &p->cap_refs, p->nrefs + 1, sizeof *p->refs);
	p->refs[p->nrefs++] = (struct ref){ id, p->line, col };
}

/* Check "a,b,c": every member an id, none twice. */
static int check_parties(struct parser *p, const struct token *t)
{
	size_t i = 0;
	for (;;) {
		const char *comma = memchr(t->p + i, ',', t->n - i);
		size_t e = comma ? (size_t)(comma - t->p) : t->n;
		int col = t->col + (int)i;      /* words are ASCII */
		if (e == i)
			return fail(p, p->line, col, "empty actor id in list");
		if (!is_id(t->p + i, e - i))
			return bad_id(p, col, t->p + i, e - i);
		for (size_t j = 0; j < i; ) {
			const char *c2 = memchr(t->p + j, ',', i - j);
			size_t e2 = (size_t)(c2 - t->p);
			if (e2 - j == e - i && memcmp(t->p + j, t->p + i, e - i) == 0)
				return fail(p, p->line, col, "'%.*s' listed twice",
					    (int)(e - i), t->p + i);
			j = e2 + 1;
		}
		if (!comma)
			return 0;
		i = e + 1;
	}
}

/* Check the arguments against the keyword's signature, left to right. */
static int check_args(struct parser *p, const struct keyword *k)
{
	char pre[SNIP_MAX * 4 + 8];
	size_t i;
	for (i = 0; k->args[i] != A_END; i++) {
		enum arg want = k->args[i];
		if (want == A_OPT_INHERITED && i + 1 >= p->ntoks)
			break;              /* optional, and last */
		if (i + 1 >= p->ntoks) {
			stmt_prefix(p, i + 1, pre, sizeof pre);
			return fail(p, p->line, p->toks[i].end, "expected %s after '%s'",
				    arg_desc[want], pre);
		}
		const struct token *t = &p->toks[i + 1];
		int want_string = want == A_QUOTE || want == A_STRING;
		if (want_string && t->type != TOK_STRING) {
			char w[SNIP_MAX * 4 + 8];
			stmt_prefix(p, i + 1, pre, sizeof pre);
			snip(w, sizeof w, t->p, t->n);
			return fail(p, p->line, t->col, "expected %s after '%s', got bare word '%s'",
				    arg_desc[want], pre, w);
		}
		if (!want_string && t->type != TOK_WORD) {
			stmt_prefix(p, i + 1, pre, sizeof pre);
			return fail(p, p->line, t->col, "expected %s after '%s', got a quoted string",
				    arg_desc[want], pre);
		}
		switch (want) {
		case A_VERSION:
			if (!word_is(t, "1")) {
				char w[SNIP_MAX * 4 + 8];
				snip(w, sizeof w, t->p, t->n);
				return fail(p, p->line, t->col,
					    "unsupported format version '%s' (only 1 is known)", w);
			}
			break;
		case A_QUOTE:
			if (!*t->s)
				return fail(p, p->line, t->col,
					    "empty quote \"\" (quote some text of the document)");
			break;
		case A_STRING:
			one_line(p->toks[i + 1].s);
			if (!*t->s)
				return fail(p, p->line, t->col, "empty string \"\"");
			break;
		case A_ID:
		case A_REF:
			if (!is_id(t->p, t->n))
				return bad_id(p, t->col, t->p, t->n);
			break;
		case A_REF_OR_UNKNOWN:
			if (!word_is(t, "?") && !is_id(t->p, t->n))
				return bad_id(p, t->col, t->p, t->n);
			break;
		case A_OPT_INHERITED:
			if (!word_is(t, "inherited")) {
				char w[SNIP_MAX * 4 + 8];
				stmt_prefix(p, i + 1, pre, sizeof pre);
				snip(w, sizeof w, t->p, t->n);
				return fail(p, p->line, t->col, "expected %s or nothing after '%s', got '%s'",
					    arg_desc[want], pre, w);
			}
			break;
		case A_KIND: {
			size_t j;
			for (j = 0; j < KIND_COUNT && !word_is(t, kind_names[j]); j++)
				;
			if (j == KIND_COUNT) {
				char w[SNIP_MAX * 4 + 8];
				snip(w, sizeof w, t->p, t->n);
				return fail(p, p->line, t->col, "unknown kind '%s' (expected person, "
					    "country, organization, media or place)", w);
			}
			break;
		}
		case A_CURRENT:
		case A_DEMAND:
			if (!word_is(t, want == A_CURRENT ? "current" : "demand")
			    && !word_is(t, want == A_CURRENT ? "derived" : "target")) {
				char w[SNIP_MAX * 4 + 8];
				stmt_prefix(p, i + 1, pre, sizeof pre);
				snip(w, sizeof w, t->p, t->n);
				return fail(p, p->line, t->col, "expected %s after '%s', got '%s'",
					    arg_desc[want], pre, w);
			}
			break;
		case A_PARTIES:
			if (check_parties(p, t))
				return BRIEF_EXIT_DATAERR;
			break;
		case A_END:
			break;
		}
	}
	if (p->ntoks > i + 1)
		return fail(p, p->line, p->toks[i + 1].col, "extra argument to '%s' (it takes %zu)",
			    k->name, i);
	return 0;
}

static char *take(struct token *t)
{
	char *s = t->s;
	t->s = NULL;
	return s;
}

static char *take_word(const struct token *t)
{
	return xstrndup(t->p, t->n);
}

static struct quote take_quote(struct token *t, int line)
{
	struct quote q = { 0 };
	q.text = take(t);
	q.len = strlen(q.text);
	q.line = line;
	q.col = t->col;
	return q;
}

static int close_block(struct parser *p)
{
	struct annot *a = p->a;
	if (p->blk == CTX_CMP) {
		struct comparison *c = &a->comparisons[a->ncomparisons - 1];
		if (!c->nrows && !c->nmeasures)
			return fail(p, c->line, p->blk_col, "comparison '%s' has no rows and no measures",
				    c->id);
	}
	p->blk = CTX_TOP;
	p->desc_line = p->aff_line = p->unit_line = p->by_line = 0;
	p->cap_alias = p->cap_rows = p->cap_meas = 0;
	return 0;
}

/* A second description, unit, ...: *seen holds the first one's line. */
static int once(struct parser *p, int *seen, const char *what, const char *id)
{
	if (*seen)
		return fail(p, p->line, p->toks[0].col, "duplicate '%s' in %s '%s' (first at line %d)",
			    what, p->blk == CTX_ACTOR ? "actor" : "comparison", id, *seen);
	*seen = p->line;
	return 0;
}

/* ---- one handler per keyword ---- */

/* The statement's tokens are checked against the keyword's arguments
 * before its handler runs: t[1] onwards are what the template says. */

static struct entity *open_actor(const struct parser *p)
{
	return &p->a->entities[p->a->nentities - 1];
}

static struct comparison *open_comparison(const struct parser *p)
{
	return &p->a->comparisons[p->a->ncomparisons - 1];
}

static int stmt_brief(struct parser *p, const struct keyword *k)
{
	(void)p;
	(void)k;
	return 0;
}

/* title, section, byline, ... and body: one quote each, once. */
static int stmt_quote_once(struct parser *p, struct quote *q, const struct keyword *k)
{
	if (q->text)
		return fail(p, p->line, p->toks[0].col, "duplicate '%s' (first at line %d)",
			    k->name, q->line);
	*q = take_quote(&p->toks[1], p->line);
	return 0;
}

static int stmt_meta(struct parser *p, const struct keyword *k)
{
	return stmt_quote_once(p, &p->a->meta[k->meta], k);
}

static int stmt_body(struct parser *p, const struct keyword *k)
{
	return stmt_quote_once(p, &p->a->body, k);
}

static int stmt_actor(struct parser *p, const struct keyword *k)
{
	(void)k;
	struct annot *a = p->a;
	struct token *t = p->toks;
	long dup = find_id(a, t[1].p, t[1].n);
	if (dup >= 0)
		return fail(p, p->line, t[1].col, "duplicate id '%s' (first at line %d)",
			    a->entities[dup].id, a->entities[dup].line);
	a->entities = xgrowarray(a->entities, &p->cap_ent, a->nentities + 1,
				 sizeof *a->entities);
	struct entity *e = &a->entities[a->nentities++];
	memset(e, 0, sizeof *e);
	e->id = take_word(&t[1]);
	index_last_entity(a);
	for (size_t j = 0; j < KIND_COUNT; j++)
		if (word_is(&t[2], kind_names[j]))
			e->kind = (enum entity_kind)j;
	e->name = take(&t[3]);
	e->line = p->line;
	p->blk = CTX_ACTOR;
	return 0;
}

static int stmt_description(struct parser *p, const struct keyword *k)
{
	struct entity *e = open_actor(p);
	if (once(p, &p->desc_line, k->name, e->id))
		return BRIEF_EXIT_DATAERR;
	e->description = take(&p->toks[1]);
	return 0;
}

static int stmt_alias(struct parser *p, const struct keyword *k)
{
	(void)k;
	struct entity *e = open_actor(p);
	e->aliases = xgrowarray(e->aliases, &p->cap_alias, e->naliases + 1,
				sizeof *e->aliases);
	e->aliases[e->naliases++] = take(&p->toks[1]);
	return 0;
}

static int stmt_affiliation(struct parser *p, const struct keyword *k)
{
	struct entity *e = open_actor(p);
	if (once(p, &p->aff_line, k->name, e->id))
		return BRIEF_EXIT_DATAERR;
	e->affiliation = take_word(&p->toks[1]);
	add_ref(p, e->affiliation, p->toks[1].col);
	return 0;
}

static int stmt_figure(struct parser *p, const struct keyword *k)
{
	(void)k;
	struct annot *a = p->a;
	a->notes = xgrowarray(a->notes, &p->cap_notes, a->nnotes + 1, sizeof *a->notes);
	struct figure_note *f = &a->notes[a->nnotes++];
	f->q = take_quote(&p->toks[1], p->line);
	f->meaning = take(&p->toks[2]);
	return 0;
}

static int stmt_comparison(struct parser *p, const struct keyword *k)
{
	(void)k;
	struct annot *a = p->a;
	struct token *t = p->toks;
	for (size_t i = 0; i < a->ncomparisons; i++)
		if (word_is(&t[1], a->comparisons[i].id))
			return fail(p, p->line, t[1].col, "duplicate id '%s' (first at line %d)",
				    a->comparisons[i].id, a->comparisons[i].line);
	a->comparisons = xgrowarray(a->comparisons, &p->cap_cmp, a->ncomparisons + 1,
				    sizeof *a->comparisons);
	struct comparison *c = &a->comparisons[a->ncomparisons++];
	memset(c, 0, sizeof *c);
	c->id = take_word(&t[1]);
	c->title = take(&t[2]);
	c->line = p->line;
	p->blk = CTX_CMP;
	p->blk_col = t[1].col;
	return 0;
}

static int stmt_unit(struct parser *p, const struct keyword *k)
{
	struct comparison *c = open_comparison(p);
	if (once(p, &p->unit_line, k->name, c->id))
		return BRIEF_EXIT_DATAERR;
	c->unit = take(&p->toks[1]);
	return 0;
}

static int stmt_by(struct parser *p, const struct keyword *k)
{
	struct comparison *c = open_comparison(p);
	if (once(p, &p->by_line, k->name, c->id))
		return BRIEF_EXIT_DATAERR;
	c->by = take_word(&p->toks[1]);
	add_ref(p, c->by, p->toks[1].col);
	return 0;
}

static int stmt_row(struct parser *p, const struct keyword *k)
{
	(void)k;
	struct comparison *c = open_comparison(p);
	struct token *t = p->toks;
	for (size_t i = 0; i < c->nrows; i++)
		if (word_is(&t[1], c->rows[i].party))
			return fail(p, p->line, t[1].col, "duplicate row for '%s' (first at line %d)",
				    c->rows[i].party, c->rows[i].line);
	c->rows = xgrowarray(c->rows, &p->cap_rows, c->nrows + 1, sizeof *c->rows);
	struct cmp_row *r = &c->rows[c->nrows++];
	memset(r, 0, sizeof *r);
	r->party = take_word(&t[1]);
	r->derived = word_is(&t[2], "derived");
	r->current = take_quote(&t[3], p->line);
	r->target = word_is(&t[4], "target");
	r->demand = take_quote(&t[5], p->line);
	r->line = p->line;
	p->demander_line = 0;
	add_ref(p, r->party, t[1].col);
	return 0;
}

static int stmt_measure(struct parser *p, const struct keyword *k)
{
	(void)k;
	struct comparison *c = open_comparison(p);
	struct token *t = p->toks;
	c->measures = xgrowarray(c->measures, &p->cap_meas, c->nmeasures + 1,
				 sizeof *c->measures);
	struct measure *m = &c->measures[c->nmeasures++];
	memset(m, 0, sizeof *m);
	m->line = p->line;
	m->label = take(&t[2]);
	m->q = take_quote(&t[3], p->line);
	size_t n = 1;
	for (size_t i = 0; i < t[1].n; i++)
		n += t[1].p[i] == ',';
	m->parties = xcalloc(n, sizeof *m->parties);
	for (size_t i = 0; i < t[1].n; ) {
		const char *comma = memchr(t[1].p + i, ',', t[1].n - i);
		size_t end = comma ? (size_t)(comma - t[1].p) : t[1].n;
		m->parties[m->nparties] = xstrndup(t[1].p + i, end - i);
		add_ref(p, m->parties[m->nparties++], t[1].col + (int)i);
		i = end + 1;
	}
	return 0;
}

/* ---- the keywords ---- */

/* One entry per keyword, as tmux's cmd_entry: its name, the block it
 * belongs in, its argument template, its handler.  The order is the order
 * "unknown keyword" lists them in. */
/* "ignore NAME": not an actor; an automatic finding of this name is dropped
 * (a document's annotation file, or the corrections file). */
static int stmt_ignore(struct parser *p, const struct keyword *k)
{
	(void)k;
	struct annot *a = p->a;
	a->ignores = xgrowarray(a->ignores, &p->cap_ign, a->nignores + 1, sizeof *a->ignores);
	a->ignores[a->nignores++] = take(&p->toks[1]);
	return 0;
}

/* The row a "hedge" or "demander" line belongs to: the comparison's last. */
static struct cmp_row *open_row(struct parser *p, const struct keyword *k)
{
	struct comparison *c = open_comparison(p);
	if (!c->nrows) {
		fail(p, p->line, p->toks[0].col, "'%s' before any row of comparison '%s' "
		     "(it belongs to the row above it)", k->name, c->id);
		return NULL;
	}
	return &c->rows[c->nrows - 1];
}

/* "hedge QUOTE": the text's words that weaken the row above ("reportedly",
 * "has been asked"), kept as written. */
static int stmt_hedge(struct parser *p, const struct keyword *k)
{
	struct cmp_row *r = open_row(p, k);
	if (!r)
		return BRIEF_EXIT_DATAERR;
	r->hedges = xrealloc(r->hedges, (r->nhedges + 1) * sizeof *r->hedges);
	r->hedges[r->nhedges++] = take_quote(&p->toks[1], p->line);
	return 0;
}

/* "demander ID [inherited]" or "demander ?": who demands the row above. */
static int stmt_demander(struct parser *p, const struct keyword *k)
{
	struct cmp_row *r = open_row(p, k);
	if (!r)
		return BRIEF_EXIT_DATAERR;
	if (p->demander_line)
		return fail(p, p->line, p->toks[0].col, "duplicate 'demander' for row '%s' "
			    "(first at line %d)", r->party, p->demander_line);
	p->demander_line = p->line;
	struct token *t = p->toks;
	int inherited = p->ntoks > 2;
	if (word_is(&t[1], "?")) {
		if (inherited)
			return fail(p, p->line, t[2].col, "'?' names no one to inherit");
		r->demander_unknown = 1;
		return 0;
	}
	r->demander = take_word(&t[1]);
	r->demander_inherited = inherited;
	add_ref(p, r->demander, t[1].col);
	return 0;
}

/* "quotation SPEAKER QUOTE": words of the article said by an actor. */
static int stmt_quotation(struct parser *p, const struct keyword *k)
{
	(void)k;
	struct annot *a = p->a;
	a->quotations = xgrowarray(a->quotations, &p->cap_quot, a->nquotations + 1,
				   sizeof *a->quotations);
	struct quotation *q = &a->quotations[a->nquotations++];
	memset(q, 0, sizeof *q);
	q->speaker = take_word(&p->toks[1]);
	q->q = take_quote(&p->toks[2], p->line);
	q->line = p->line;
	add_ref(p, q->speaker, p->toks[1].col);
	return 0;
}

static const struct keyword keywords[] = {
	{ "brief", CTX_TOP, 1, 0, { A_VERSION }, stmt_brief },
	{ "title", CTX_TOP, 0, META_TITLE, { A_QUOTE }, stmt_meta },
	{ "section", CTX_TOP, 0, META_SECTION, { A_QUOTE }, stmt_meta },
	{ "byline", CTX_TOP, 0, META_BYLINE, { A_QUOTE }, stmt_meta },
	{ "source", CTX_TOP, 0, META_SOURCE, { A_QUOTE }, stmt_meta },
	{ "credit", CTX_TOP, 0, META_CREDIT, { A_QUOTE }, stmt_meta },
	{ "date", CTX_TOP, 0, META_DATE, { A_QUOTE }, stmt_meta },
	{ "body", CTX_TOP, 0, 0, { A_QUOTE }, stmt_body },
	{ "actor", CTX_TOP, 0, 0, { A_ID, A_KIND, A_STRING }, stmt_actor },
	{ "description", CTX_ACTOR, 0, 0, { A_STRING }, stmt_description },
	{ "alias", CTX_ACTOR, 0, 0, { A_STRING }, stmt_alias },
	{ "affiliation", CTX_ACTOR, 0, 0, { A_REF }, stmt_affiliation },
	{ "figure", CTX_TOP, 0, 0, { A_QUOTE, A_STRING }, stmt_figure },
	{ "comparison", CTX_TOP, 0, 0, { A_ID, A_STRING }, stmt_comparison },
	{ "unit", CTX_CMP, 0, 0, { A_STRING }, stmt_unit },
	{ "by", CTX_CMP, 0, 0, { A_REF }, stmt_by },
	{ "row", CTX_CMP, 0, 0, { A_REF, A_CURRENT, A_QUOTE, A_DEMAND, A_QUOTE }, stmt_row },
	{ "measure", CTX_CMP, 0, 0, { A_PARTIES, A_STRING, A_QUOTE }, stmt_measure },
	{ "hedge", CTX_CMP, 0, 0, { A_QUOTE }, stmt_hedge },
	{ "demander", CTX_CMP, 0, 0, { A_REF_OR_UNKNOWN, A_OPT_INHERITED }, stmt_demander },
	{ "ignore", CTX_TOP, 0, 0, { A_STRING }, stmt_ignore },
	{ "quotation", CTX_TOP, 0, 0, { A_REF, A_QUOTE }, stmt_quotation },
};
#define NKEYWORDS (sizeof keywords / sizeof keywords[0])

static int unknown_keyword(struct parser *p, const struct token *t)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < NKEYWORDS; i++) {
		const struct keyword *k = &keywords[i];
		if ((k->ctx != CTX_TOP && k->ctx != p->blk) || (k->first && p->nstmts))
			continue;
		buf_printf(&b, "%s%s", b.len ? ", " : "", k->name);
	}
	char w[SNIP_MAX * 4 + 8];
	snip(w, sizeof w, t->p, t->n);
	int rc = fail(p, p->line, t->col, "unknown keyword '%s' (expected %s)", w, b.data);
	buf_free(&b);
	return rc;
}

/* Find the keyword, check where it stands and its arguments, run it. */
static int statement(struct parser *p)
{
	struct token *t = p->toks;
	if (t[0].type != TOK_WORD)
		return fail(p, p->line, t[0].col, "expected a keyword, got a quoted string");
	const struct keyword *k = NULL;
	for (size_t i = 0; i < NKEYWORDS && !k; i++)
		if (word_is(&t[0], keywords[i].name))
			k = &keywords[i];
	if (!k)
		return unknown_keyword(p, &t[0]);
	if (k->ctx == CTX_TOP) {
		if (close_block(p))
			return BRIEF_EXIT_DATAERR;
	} else if (k->ctx != p->blk) {
		return fail(p, p->line, t[0].col, "'%s' outside %s block", k->name,
			    k->ctx == CTX_ACTOR ? "an actor" : "a comparison");
	}
	if (k->first && p->nstmts)
		return fail(p, p->line, t[0].col, "'%s' must be the first statement", k->name);
	p->nstmts++;
	if (check_args(p, k))
		return BRIEF_EXIT_DATAERR;
	return k->exec(p, k);
}

int annot_parse(struct annot *a, const char *name, const char *text, size_t len,
		struct annot_error *err)
{
	struct annot_error scratch;
	if (!err)
		err = &scratch;
	memset(err, 0, sizeof *err);
	memset(a, 0, sizeof *a);
	a->name = xstrdup(name ? name : "(annotations)");
	struct parser p = { .a = a, .err = err };
	size_t i = 0;
	/* Editors on some systems start a file with a byte order mark. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	int rc = 0;
	while (i < len && !rc) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t n = end - i;
		if (n && text[i + n - 1] == '\r')
			n--;
		p.line++;
		rc = lex_line(&p, text + i, n);
		if (!rc && p.ntoks)
			rc = statement(&p);
		clear_tokens(&p);
		i = end + 1;
	}
	if (!rc)
		rc = close_block(&p);
	/* References may point forward, so they are checked last, in file order. */
	for (size_t r = 0; r < p.nrefs && !rc; r++)
		if (annot_find_entity(a, p.refs[r].id) < 0)
			rc = fail(&p, p.refs[r].line, p.refs[r].col, "undefined actor '%s'",
				  p.refs[r].id);
	clear_tokens(&p);
	free(p.toks);
	free(p.refs);
	if (rc)
		annot_free(a);
	return rc;
}

/* ---- resolving ---- */

struct resolver {
	const struct doc *d;
	const struct quote *missing;   /* the earliest quote not found */
};

/* A quote anchors at its first occurrence from `from` on that is a span of
 * whole words (word.h), as a mention and a figure are: "5 percent" is not
 * found inside "3.5 percent", "3" not inside "3.5", "US" not inside "USB",
 * "USé" or "ЖUS", nor ending inside a combining sequence; after "美" it is
 * whole, as a figure there is. */
static void anchor(struct resolver *r, struct quote *q, size_t from)
{
	q->start = q->end = 0;
	if (!q->text)
		return;
	const struct doc *d = r->d;
	/* Only the checked part: a lazily opened document is bytes as read
	 * beyond `ready`. */
	size_t at = d->text ? word_find_whole(d->text, 0, d->ready, from, d->ready, q->text, q->len)
			    : SIZE_MAX;
	if (at != SIZE_MAX) {
		q->start = at;
		q->end = at + q->len;
	} else if (!r->missing || q->line < r->missing->line
		   || (q->line == r->missing->line && q->col < r->missing->col)) {
		r->missing = q;
	}
}

int annot_resolve(struct annot *a, const struct doc *d, struct annot_error *err)
{
	struct annot_error scratch;
	if (!err)
		err = &scratch;
	memset(err, 0, sizeof *err);
	struct resolver r = { d, NULL };
	size_t from = 0;
	anchor(&r, &a->body, 0);
	if (a->body.end) {
		from = a->body.start;
		while (from > 0 && d->text[from - 1] != '\n')
			from--;
	}
	for (size_t i = 0; i < META_COUNT; i++)
		anchor(&r, &a->meta[i], 0);
	for (size_t i = 0; i < a->nnotes; i++)
		anchor(&r, &a->notes[i].q, from);
	for (size_t i = 0; i < a->ncomparisons; i++) {
		struct comparison *c = &a->comparisons[i];
		for (size_t j = 0; j < c->nrows; j++) {
			anchor(&r, &c->rows[j].current, from);
			anchor(&r, &c->rows[j].demand, from);
			for (size_t h = 0; h < c->rows[j].nhedges; h++)
				anchor(&r, &c->rows[j].hedges[h], from);
		}
		for (size_t j = 0; j < c->nmeasures; j++)
			anchor(&r, &c->measures[j].q, from);
	}
	for (size_t i = 0; i < a->nquotations; i++)
		anchor(&r, &a->quotations[i].q, from);
	if (!r.missing)
		return 0;
	char w[SNIP_MAX * 4 + 8];
	snip(w, sizeof w, r.missing->text, r.missing->len);
	return report(err, a->name, r.missing->line, r.missing->col,
		      "quote not found in %s: \"%s\"", d->name ? d->name : "(document)", w);
}

void entity_free_fields(struct entity *e)
{
	free(e->id);
	free(e->name);
	free(e->description);
	free(e->affiliation);
	for (size_t j = 0; j < e->naliases; j++)
		free(e->aliases[j]);
	free(e->aliases);
	if (e->why)
		for (size_t j = 0; j <= e->naliases; j++)
			free(e->why[j].source);
	free(e->why);
}

void comparison_free_fields(struct comparison *c)
{
	free(c->id);
	free(c->title);
	free(c->unit);
	free(c->by);
	for (size_t j = 0; j < c->nrows; j++) {
		struct cmp_row *r = &c->rows[j];
		free(r->party);
		free(r->current.text);
		free(r->demand.text);
		for (size_t h = 0; h < r->nhedges; h++)
			free(r->hedges[h].text);
		free(r->hedges);
		free(r->demander);
		if (r->why)
			free(r->why->property);
		free(r->why);
	}
	free(c->rows);
	for (size_t j = 0; j < c->nmeasures; j++) {
		struct measure *m = &c->measures[j];
		for (size_t k = 0; k < m->nparties; k++)
			free(m->parties[k]);
		free(m->parties);
		free(m->label);
		free(m->q.text);
	}
	free(c->measures);
}

void annot_free(struct annot *a)
{
	if (!a)
		return;
	free(a->name);
	for (size_t i = 0; i < META_COUNT; i++)
		free(a->meta[i].text);
	free(a->body.text);
	for (size_t i = 0; i < a->nentities; i++)
		entity_free_fields(&a->entities[i]);
	free(a->entities);
	for (size_t i = 0; i < a->nnotes; i++) {
		free(a->notes[i].q.text);
		free(a->notes[i].meaning);
	}
	free(a->notes);
	for (size_t i = 0; i < a->ncomparisons; i++)
		comparison_free_fields(&a->comparisons[i]);
	free(a->comparisons);
	for (size_t i = 0; i < a->nquotations; i++) {
		free(a->quotations[i].speaker);
		free(a->quotations[i].q.text);
	}
	free(a->quotations);
	for (size_t i = 0; i < a->nignores; i++)
		free(a->ignores[i]);
	free(a->ignores);
	free(a->id_slot);
	memset(a, 0, sizeof *a);
}
