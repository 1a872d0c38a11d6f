/* Unit tests for export_json.c and export_dump.c through the model: JSON parsed back, dump text checked. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <unistr.h>

#include "brief/actors.h"
#include "brief/export.h"
#include "brief/mentions.h"
#include "brief/layout.h"
#include "brief/model.h"
#include "brief/util.h"
#include "many_names.h"

#define assert_near(a, b, eps)                                                             \
	do {                                                                               \
		double a_ = (a), b_ = (b);                                                 \
		if (!(fabs(a_ - b_) <= (eps)))                                             \
			fail_msg("%s = %.17g, expected %.17g", #a, a_, b_);                \
	} while (0)

/* ---- a small strict JSON reader, enough to check what export_json writes ---- */

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jnode {
	enum jtype type;
	double num;
	int boolean;
	char *str;                  /* J_STR: decoded UTF-8 */
	size_t len;
	struct jnode **kids;        /* J_ARR, J_OBJ */
	char **keys;                /* J_OBJ */
	size_t n, cap;
};

struct jparser {
	const char *s;
	size_t len, pos;
	char err[128];
};

static void jfree(struct jnode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++) {
		jfree(n->kids[i]);
		if (n->keys)
			free(n->keys[i]);
	}
	free(n->kids);
	free(n->keys);
	free(n->str);
	free(n);
}

static void jws(struct jparser *p)
{
	while (p->pos < p->len && strchr(" \t\r\n", p->s[p->pos]))
		p->pos++;
}

static int jfail(struct jparser *p, const char *what)
{
	if (!p->err[0])
		snprintf(p->err, sizeof p->err, "%s at byte %zu", what, p->pos);
	return -1;
}

static int jhex4(struct jparser *p, unsigned *out)
{
	if (p->pos + 4 > p->len)
		return jfail(p, "short \\u escape");
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p->s[p->pos++];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return jfail(p, "bad hex digit");
	}
	*out = v;
	return 0;
}

static int jstring(struct jparser *p, char **out, size_t *outlen)
{
	if (p->s[p->pos] != '"')
		return jfail(p, "expected string");
	p->pos++;
	struct buf b = { 0 };
	buf_add(&b, "", 0);
	for (;;) {
		if (p->pos >= p->len) {
			buf_free(&b);
			return jfail(p, "unterminated string");
		}
		unsigned char c = (unsigned char)p->s[p->pos++];
		if (c == '"')
			break;
		if (c < 0x20) {
			buf_free(&b);
			return jfail(p, "raw control character in string");
		}
		if (c != '\\') {
			buf_addc(&b, (char)c);
			continue;
		}
		if (p->pos >= p->len) {
			buf_free(&b);
			return jfail(p, "bad escape");
		}
		char e = p->s[p->pos++];
		const char *simple = strchr("\"\\/bfnrt", e);
		if (simple && e) {
			static const char map[] = "\"\\/\b\f\n\r\t";
			buf_addc(&b, map[simple - "\"\\/bfnrt"]);
		} else if (e == 'u') {
			unsigned cp;
			if (jhex4(p, &cp) < 0) {
				buf_free(&b);
				return -1;
			}
			if (cp >= 0xD800 && cp < 0xDC00 && p->pos + 6 <= p->len
			    && p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u') {
				unsigned lo;
				p->pos += 2;
				if (jhex4(p, &lo) < 0) {
					buf_free(&b);
					return -1;
				}
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			}
			uint8_t u8[6];
			int k = u8_uctomb(u8, cp, sizeof u8);
			if (k <= 0) {
				buf_free(&b);
				return jfail(p, "bad \\u code point");
			}
			buf_add(&b, u8, (size_t)k);
		} else {
			buf_free(&b);
			return jfail(p, "unknown escape");
		}
	}
	*out = b.data;
	*outlen = b.len;
	return 0;
}

static struct jnode *jvalue(struct jparser *p, int depth);

static void jpush(struct jnode *n, struct jnode *kid, char *key)
{
	n->kids = xgrowarray(n->kids, &n->cap, n->n + 1, sizeof *n->kids);
	if (n->type == J_OBJ) {
		size_t kcap = n->n;
		n->keys = xrealloc(n->keys, (kcap + 1) * sizeof *n->keys);
		n->keys[n->n] = key;
	}
	n->kids[n->n++] = kid;
}

static struct jnode *jcontainer(struct jparser *p, int depth, enum jtype type)
{
	struct jnode *n = xcalloc(1, sizeof *n);
	n->type = type;
	char close = type == J_ARR ? ']' : '}';
	p->pos++;
	jws(p);
	if (p->pos < p->len && p->s[p->pos] == close) {
		p->pos++;
		return n;
	}
	for (;;) {
		char *key = NULL;
		jws(p);
		if (type == J_OBJ) {
			size_t kl;
			if (p->pos >= p->len || jstring(p, &key, &kl) < 0)
				goto bad;
			jws(p);
			if (p->pos >= p->len || p->s[p->pos] != ':') {
				free(key);
				jfail(p, "expected ':'");
				goto bad;
			}
			p->pos++;
		}
		struct jnode *kid = jvalue(p, depth + 1);
		if (!kid) {
			free(key);
			goto bad;
		}
		jpush(n, kid, key);
		jws(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == close) {
			p->pos++;
			return n;
		}
		jfail(p, "expected ',' or closing bracket");
		goto bad;
	}
bad:
	jfree(n);
	return NULL;
}

static struct jnode *jvalue(struct jparser *p, int depth)
{
	jws(p);
	if (p->pos >= p->len || depth > 64) {
		jfail(p, "expected a value");
		return NULL;
	}
	char c = p->s[p->pos];
	if (c == '{')
		return jcontainer(p, depth, J_OBJ);
	if (c == '[')
		return jcontainer(p, depth, J_ARR);
	struct jnode *n = xcalloc(1, sizeof *n);
	if (c == '"') {
		n->type = J_STR;
		if (jstring(p, &n->str, &n->len) < 0) {
			free(n);
			return NULL;
		}
		return n;
	}
	static const struct { const char *word; enum jtype t; int b; } words[] = {
		{ "null", J_NULL, 0 }, { "true", J_BOOL, 1 }, { "false", J_BOOL, 0 } };
	for (size_t i = 0; i < 3; i++) {
		size_t wl = strlen(words[i].word);
		if (p->len - p->pos >= wl && memcmp(p->s + p->pos, words[i].word, wl) == 0) {
			p->pos += wl;
			n->type = words[i].t;
			n->boolean = words[i].b;
			return n;
		}
	}
	/* Numbers: JSON grammar, checked by hand, converted by strtod. */
	size_t st = p->pos;
	if (p->s[p->pos] == '-')
		p->pos++;
	size_t digits = p->pos;
	while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
		p->pos++;
	if (p->pos == digits || (p->s[digits] == '0' && p->pos - digits > 1)) {
		free(n);
		jfail(p, "bad number");
		return NULL;
	}
	if (p->pos < p->len && p->s[p->pos] == '.') {
		p->pos++;
		size_t f = p->pos;
		while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
			p->pos++;
		if (p->pos == f) {
			free(n);
			jfail(p, "bad fraction");
			return NULL;
		}
	}
	if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
		p->pos++;
		if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
			p->pos++;
		size_t f = p->pos;
		while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
			p->pos++;
		if (p->pos == f) {
			free(n);
			jfail(p, "bad exponent");
			return NULL;
		}
	}
	char tmp[64];
	size_t nl = p->pos - st;
	if (nl >= sizeof tmp) {
		free(n);
		jfail(p, "number too long");
		return NULL;
	}
	memcpy(tmp, p->s + st, nl);
	tmp[nl] = '\0';
	n->type = J_NUM;
	n->num = strtod(tmp, NULL);
	return n;
}

static struct jnode *jparse(const char *s, size_t len)
{
	struct jparser p = { s, len, 0, "" };
	if (u8_check((const uint8_t *)s, len))
		fail_msg("JSON is not valid UTF-8");
	struct jnode *n = jvalue(&p, 0);
	if (n) {
		jws(&p);
		if (p.pos != len) {
			jfree(n);
			n = NULL;
			jfail(&p, "trailing text");
		}
	}
	if (!n)
		fail_msg("invalid JSON: %s", p.err);
	return n;
}

static const struct jnode *jget(const struct jnode *o, const char *key)
{
	assert_non_null(o);
	if (o->type != J_OBJ)
		fail_msg("looking up '%s' in a non-object", key);
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->keys[i], key) == 0)
			return o->kids[i];
	fail_msg("no key '%s'", key);
	return NULL;
}

static const char *jgets(const struct jnode *o, const char *key)
{
	const struct jnode *n = jget(o, key);
	if (n->type == J_NULL)
		return NULL;
	if (n->type != J_STR)
		fail_msg("'%s' is not a string", key);
	return n->str;
}

static double jgetn(const struct jnode *o, const char *key)
{
	const struct jnode *n = jget(o, key);
	if (n->type != J_NUM)
		fail_msg("'%s' is not a number", key);
	return n->num;
}

static const struct jnode *jarr(const struct jnode *o, const char *key)
{
	const struct jnode *n = jget(o, key);
	if (n->type != J_ARR)
		fail_msg("'%s' is not an array", key);
	return n;
}

/* The element of array arr whose member key is the string val. */
static const struct jnode *jfind(const struct jnode *arr, const char *key, const char *val)
{
	for (size_t i = 0; i < arr->n; i++) {
		const char *s = jgets(arr->kids[i], key);
		if (s && strcmp(s, val) == 0)
			return arr->kids[i];
	}
	fail_msg("no element with %s = '%s'", key, val);
	return NULL;
}

/* ---- helpers ---- */

struct outbuf {
	char *data;
	size_t len;
};

static void json_of(const struct model *m, struct outbuf *o)
{
	FILE *f = open_memstream(&o->data, &o->len);
	assert_non_null(f);
	assert_int_equal(export_json(f, m), 0);
	assert_int_equal(fclose(f), 0);
}

static void dump_of(const struct model *m, int width, int ascii, struct outbuf *o)
{
	FILE *f = open_memstream(&o->data, &o->len);
	assert_non_null(f);
	assert_int_equal(export_dump(f, m, width, ascii), 0);
	assert_int_equal(fclose(f), 0);
}

/* --dump --explain */
static void explained_of(const struct model *m, int width, struct outbuf *o)
{
	FILE *f = open_memstream(&o->data, &o->len);
	assert_non_null(f);
	assert_int_equal(export_dump_explain(f, m, width, 1, 1), 0);
	assert_int_equal(fclose(f), 0);
}

static int setup_bundled(void **state)
{
	struct model *m = xcalloc(1, sizeof *m);
	struct model_error err;
	int rc = model_open(m, NULL, NULL, &err);
	if (rc != 0) {
		print_error("model_open (bundled): %d %s\n", rc, err.msg);
		free(m);
		return -1;
	}
	model_scan_all(m);
	*state = m;
	return 0;
}

static int teardown_model(void **state)
{
	model_free(*state);
	free(*state);
	return 0;
}

struct tmp_model {
	char dir[256];
	char doc[300], ann[300];
	struct model m;
};

static void write_bytes(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static void open_tmp(struct tmp_model *t, const char *article, size_t alen,
		     const char *annotations)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(t->dir, sizeof t->dir, "%s/brief-test-export-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->doc, sizeof t->doc, "%s/article.txt", t->dir);
	snprintf(t->ann, sizeof t->ann, "%s/article.brief", t->dir);
	write_bytes(t->doc, article, alen);
	write_bytes(t->ann, annotations, strlen(annotations));
	struct model_error err;
	int rc = model_open(&t->m, t->doc, NULL, &err);
	/* The model keeps what it needs (the document is mapped or copied, the
	 * annotations parsed): remove the files now, so a failing test leaves
	 * nothing behind. */
	unlink(t->doc);
	unlink(t->ann);
	rmdir(t->dir);
	if (rc != 0)
		fail_msg("model_open %s: %d %s", t->doc, rc, err.msg);
	model_scan_all(&t->m);
}

static void close_tmp(struct tmp_model *t)
{
	model_free(&t->m);
}

/* "start", "end" of a span object are byte offsets into the file as read,
 * and the bytes there are its "text" (when no replacement lies inside). */
static void check_span(const struct model *m, const struct jnode *o)
{
	double s = jgetn(o, "start"), e = jgetn(o, "end");
	const char *text = jgets(o, "text");
	assert_non_null(text);
	assert_true(s >= 0 && e >= s && e <= (double)m->doc.orig_len);
	size_t st = (size_t)s, en = (size_t)e;
	if (en - st != strlen(text) || memcmp(m->doc.orig + st, text, en - st) != 0)
		fail_msg("span [%zu,%zu) is '%.*s', text says '%s'", st, en, (int)(en - st),
			 (const char *)m->doc.orig + st, text);
}

/* ---- JSON ---- */

static void test_json_document(void **state)
{
	const struct model *m = *state;
	struct outbuf o = { 0 };
	json_of(m, &o);
	struct jnode *root = jparse(o.data, o.len);
	assert_int_equal(root->type, J_OBJ);
	const struct jnode *doc = jget(root, "document");
	assert_near(jgetn(doc, "bytes"), (double)m->doc.orig_len, 0);
	size_t body = (size_t)jgetn(doc, "body_start");
	assert_true(body > 0 && body < m->doc.orig_len);
	assert_true(body == 0 || m->doc.orig[body - 1] == '\n');
	const char *lead = "US Secretary of State Marco Rubio";
	assert_memory_equal(m->doc.orig + body, lead, strlen(lead));
	assert_string_equal(jgets(doc, "section"), "Commentary");
	assert_string_equal(jgets(doc, "byline"), "Cai Liang");
	assert_string_equal(jgets(doc, "source"), "Global Times");
	assert_null(jgets(doc, "title"));
	assert_non_null(jgets(doc, "annotations"));
	jfree(root);
	free(o.data);
}

/* Whether text is person p's government, a mention of country id:
 * one of p's spellings, then "administration" or the like (mentions.h). */
static int names_government(const struct entity *p, const char *id, const char *text)
{
	if (p->kind != KIND_PERSON || !p->affiliation || strcmp(p->affiliation, id) != 0)
		return 0;
	for (size_t k = 0; k <= p->naliases; k++) {
		const char *s = k ? p->aliases[k - 1] : p->name;
		size_t n = strlen(s);
		if (!strncmp(text, s, n)
		    && mentions_gov_word((const uint8_t *)text, n, strlen(text)) == strlen(text))
			return 1;
	}
	return 0;
}

static void test_json_entities(void **state)
{
	const struct model *m = *state;
	struct outbuf o = { 0 };
	json_of(m, &o);
	struct jnode *root = jparse(o.data, o.len);
	const struct jnode *ents = jarr(root, "entities");
	assert_int_equal(ents->n, m->annot.nentities);
	static const struct { const char *name; size_t n; } want[] = {
		/* Trump's administration is the US's: 1 of his 3. */
		{ "Marco Rubio", 3 }, { "Donald Trump", 1 }, { "Shigeru Ishiba", 2 },
		{ "Lee Jae-myung", 1 },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct jnode *e = jfind(ents, "name", want[i].name);
		assert_string_equal(jgets(e, "kind"), "person");
		size_t got = jarr(e, "mentions")->n;
		if (got != want[i].n)
			fail_msg("%s: %zu mentions, expected %zu", want[i].name, got, want[i].n);
	}
	assert_string_equal(jgets(jfind(ents, "id", "rubio"), "affiliation"), "us");
	assert_string_equal(jgets(jfind(ents, "id", "us"), "kind"), "country");
	const struct jnode *al = jarr(jfind(ents, "id", "japan"), "aliases");
	assert_int_equal(al->n, 1);
	assert_string_equal(al->kids[0]->str, "Tokyo");
	/* Every mention is a span of the file spelling the name or an alias, the
	 * counts agree with the model, and spans never overlap. */
	size_t total = 0;
	for (size_t i = 0; i < ents->n; i++) {
		const struct jnode *e = ents->kids[i];
		const struct jnode *mn = jarr(e, "mentions");
		assert_int_equal(mn->n, m->mentions.count[i]);
		total += mn->n;
		const struct jnode *aliases = jarr(e, "aliases");
		double prev_end = -1;
		for (size_t k = 0; k < mn->n; k++) {
			check_span(m, mn->kids[k]);
			const char *t = jgets(mn->kids[k], "text");
			int ok = strcmp(t, jgets(e, "name")) == 0;
			for (size_t a = 0; !ok && a < aliases->n; a++)
				ok = strcmp(t, aliases->kids[a]->str) == 0;
			/* Or a person's government ("Donald Trump administration"):
			 * a person of the country named, then the word. */
			for (size_t p = 0; !ok && p < m->annot.nentities; p++)
				ok = names_government(&m->annot.entities[p], jgets(e, "id"), t);
			if (!ok)
				fail_msg("mention '%s' of %s", t, jgets(e, "name"));
			assert_true(jgetn(mn->kids[k], "start") >= prev_end);
			assert_true(jgetn(mn->kids[k], "start") >= jgetn(jget(root, "document"),
									   "body_start"));
			prev_end = jgetn(mn->kids[k], "end");
		}
	}
	assert_int_equal(total, m->mentions.n);
	jfree(root);
	free(o.data);
}

static void test_json_figures(void **state)
{
	const struct model *m = *state;
	struct outbuf o = { 0 };
	json_of(m, &o);
	struct jnode *root = jparse(o.data, o.len);
	const struct jnode *figs = jarr(root, "figures");
	assert_int_equal(figs->n, m->figures.n);
	assert_true(figs->n >= 10);
	static const char *const kinds[] = { "percent", "date", "duration", "count", "money" };
	for (size_t i = 0; i < figs->n; i++) {
		const struct jnode *f = figs->kids[i];
		check_span(m, f);
		const char *k = jgets(f, "kind");
		int known = 0;
		for (size_t j = 0; j < 5; j++)
			known |= strcmp(k, kinds[j]) == 0;
		assert_true(known);
		/* Dates carry ISO-like text, the rest numbers. */
		assert_int_equal(jget(f, "value")->type, strcmp(k, "date") == 0 ? J_STR : J_NUM);
		size_t line = (size_t)jgetn(f, "line");
		assert_true(line >= 1 && line <= m->doc.nlines);
		size_t st = (size_t)jgetn(f, "start");
		assert_true(st >= doc_line_start(&m->doc, line - 1));
		assert_true(line == m->doc.nlines || st < doc_line_start(&m->doc, line));
	}
	const struct jnode *jp = jfind(figs, "text", "less than 2 percent of GDP");
	assert_string_equal(jgets(jp, "comparator"), "<");
	assert_near(jgetn(jp, "value"), 2, 1e-9);
	assert_string_equal(jgets(jp, "unit"), "% of GDP");
	assert_string_equal(jgets(jp, "meaning"), "Japan's current defense spending");
	assert_string_equal(jgets(jfind(figs, "text", "3.5 percent of GDP"), "comparator"), "=");
	/* Annotated as "US demand for South Korea's defense budget". */
	const struct jnode *kr = jfind(figs, "text", "5 percent of GDP");
	if (!jgets(kr, "meaning"))
		fail_msg("\"5 percent of GDP\" has no meaning: the figure note anchored elsewhere");
	assert_string_equal(jgets(kr, "meaning"), "US demand for South Korea's defense budget");
	jfree(root);
	free(o.data);
}

static const struct jnode *json_row(const struct jnode *rows, const char *party)
{
	return jfind(rows, "party", party);
}

static void test_json_comparisons(void **state)
{
	const struct model *m = *state;
	struct outbuf o = { 0 };
	json_of(m, &o);
	struct jnode *root = jparse(o.data, o.len);
	const struct jnode *cmps = jarr(root, "comparisons");
	assert_int_equal(cmps->n, 1);
	const struct jnode *c = cmps->kids[0];
	assert_string_equal(jgets(c, "id"), "defense");
	assert_string_equal(jgets(c, "unit"), "% of GDP");
	assert_string_equal(jgets(c, "by"), "US");
	assert_int_equal(jget(c, "charted")->type, J_BOOL);
	assert_true(jget(c, "charted")->boolean);
	assert_null(jgets(c, "note"));
	const struct jnode *rows = jarr(c, "rows");
	assert_int_equal(rows->n, 2);

	const struct jnode *jp = json_row(rows, "Japan");
	const struct jnode *cur = jget(jp, "current"), *dem = jget(jp, "demand");
	assert_string_equal(jgets(cur, "comparator"), "<");
	assert_near(jgetn(cur, "value"), 2, 1e-9);
	assert_near(jgetn(dem, "value"), 3.5, 1e-9);
	assert_string_equal(jgets(dem, "comparator"), "=");
	check_span(m, cur);
	check_span(m, jget(cur, "quote"));
	assert_string_equal(jgets(jget(cur, "quote"), "text"), "less than 2 percent of GDP");
	const struct jnode *gap = jget(jp, "gap");
	assert_near(jgetn(gap, "difference"), 1.5, 1e-9);
	assert_near(jgetn(gap, "ratio"), 1.75, 1e-9);
	assert_string_equal(jgets(gap, "bound"), "more than");

	const struct jnode *kr = json_row(rows, "South Korea");
	cur = jget(kr, "current");
	dem = jget(kr, "demand");
	assert_near(jgetn(cur, "value"), 2.3, 1e-9);
	if (dem->type == J_NULL)
		fail_msg("South Korea's demand is null: \"5 percent of GDP\" anchored inside "
			 "\"3.5 percent of GDP\"");
	assert_near(jgetn(dem, "value"), 5, 1e-9);
	check_span(m, dem);
	check_span(m, jget(dem, "quote"));
	gap = jget(kr, "gap");
	assert_near(jgetn(gap, "difference"), 2.7, 1e-9);
	assert_string_equal(jgets(gap, "bound"), "exact");

	const struct jnode *ms = jarr(c, "measures");
	assert_int_equal(ms->n, 4);
	for (size_t i = 0; i < ms->n; i++) {
		check_span(m, ms->kids[i]);
		assert_true(jarr(ms->kids[i], "parties")->n >= 1);
	}
	const struct jnode *rice = jfind(ms, "label", "Open its rice market");
	assert_int_equal(jget(rice, "figure")->type, J_NULL);
	assert_string_equal(jarr(rice, "parties")->kids[0]->str, "Japan");
	jfree(root);
	free(o.data);
}

static void test_json_escapes_and_hostile(void **state)
{
	(void)state;
	/* ESC [31m, OSC 52, C1 CSI, U+202E, BEL and a quote/backslash mix. */
	static const char article[] =
		"Title line\n"
		"\x1b[31m: Japan\x1b[0m and \x1b]52;c;aGk=\x07 \xc2\x9b" "31m Korea\xe2\x80\xae"
		"Seoul \"says\" C:\\path 5 percent\n";
	struct tmp_model t;
	open_tmp(&t, article, sizeof article - 1,
		 "actor japan country \"Japan\"\n"
		 "  description \"says \\\"hi\\\" and C:\\\\dir\"\n"
		 "actor korea country \"Korea\"\n"
		 "  alias \"Seoul\"\n");
	struct outbuf o = { 0 };
	json_of(&t.m, &o);
	assert_null(memchr(o.data, 0x1b, o.len));
	assert_null(memchr(o.data, 0x07, o.len));
	assert_null(strstr(o.data, "\xc2\x9b"));          /* U+009B, CSI */
	assert_null(strstr(o.data, "\xe2\x80\xae"));
	assert_null(strstr(o.data, "\\u001b"));
	assert_null(strstr(o.data, "\\u0007"));
	struct jnode *root = jparse(o.data, o.len);
	const struct jnode *ents = jarr(root, "entities");
	const struct jnode *jp = jfind(ents, "id", "japan");
	assert_string_equal(jgets(jp, "description"), "says \"hi\" and C:\\dir");
	/* Offsets are into the file as read, past the escape sequences. */
	const struct jnode *mn = jarr(jp, "mentions");
	assert_int_equal(mn->n, 1);
	check_span(&t.m, mn->kids[0]);
	assert_near(jgetn(mn->kids[0], "start"), 11 + 5 + 2, 0);
	const struct jnode *kr = jarr(jfind(ents, "id", "korea"), "mentions");
	assert_int_equal(kr->n, 2);
	for (size_t i = 0; i < kr->n; i++)
		check_span(&t.m, kr->kids[i]);
	jfree(root);
	free(o.data);

	/* The dump never lets them through either. */
	for (int ascii = 0; ascii <= 1; ascii++) {
		struct outbuf d = { 0 };
		dump_of(&t.m, 60, ascii, &d);
		assert_null(memchr(d.data, 0x1b, d.len));
		assert_null(memchr(d.data, 0x07, d.len));
		assert_null(strstr(d.data, "\xc2\x9b"));
		assert_null(strstr(d.data, "\xe2\x80\xae"));
		assert_null(u8_check((const uint8_t *)d.data, d.len));
		assert_non_null(strstr(d.data, "[Japan]"));
		free(d.data);
	}
	close_tmp(&t);
}

/* Issues 17 and 19: each row's demander, hedges, role and source; the
 * quotations with their speakers; the same from the commentary read
 * without its annotations, found by rule, with the rules named. */
static void test_json_claims_and_quotes(void **state)
{
	const struct model *m = *state;
	struct outbuf o = { 0 };
	json_of(m, &o);
	struct jnode *root = jparse(o.data, o.len);
	const struct jnode *c = jarr(root, "comparisons")->kids[0];
	assert_string_equal(jgets(c, "source"), "annotation");
	const struct jnode *rows = jarr(c, "rows");
	const struct jnode *jp = json_row(rows, "Japan"), *kr = json_row(rows, "South Korea");
	assert_string_equal(jgets(jp, "by"), "US");
	assert_string_equal(jgets(kr, "by"), "US");
	assert_false(jget(jp, "by_inherited")->boolean);
	assert_true(jget(kr, "by_inherited")->boolean);
	assert_string_equal(jgets(jp, "role"), "demand");
	assert_int_equal(jarr(jp, "hedges")->n, 1);
	assert_string_equal(jgets(jarr(jp, "hedges")->kids[0], "text"), "reportedly");
	check_span(m, jarr(kr, "hedges")->kids[0]);
	assert_string_equal(jgets(jarr(kr, "hedges")->kids[0], "text"), "has been asked");
	assert_null(jgets(jp, "rule"));                 /* annotated: no rule */
	const struct jnode *q = jarr(root, "quotes");
	assert_int_equal(q->n, 7);
	assert_string_equal(jgets(q->kids[0], "speaker"), "Nikkei Asia");
	assert_string_equal(jgets(q->kids[3], "speaker"), "Shigeru Ishiba");
	assert_string_equal(jgets(q->kids[3], "text"), "high tariffs will not bring economic prosperity");
	assert_string_equal(jgets(q->kids[3], "source"), "annotation");
	for (size_t i = 0; i < q->n; i++)
		check_span(m, q->kids[i]);
	jfree(root);
	free(o.data);

	/* Without its annotations. */
	char dir[] = "/tmp/brief-test-export-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/commentary.txt", dir);
	write_bytes(path, (const char *)m->doc.text, m->doc.len);
	struct model a;
	struct model_error err;
	int rc = model_open(&a, path, NULL, &err);
	unlink(path);
	rmdir(dir);
	assert_int_equal(rc, 0);
	model_scan_all(&a);
	o = (struct outbuf){ 0 };
	json_of(&a, &o);
	root = jparse(o.data, o.len);
	c = jarr(root, "comparisons")->kids[0];
	assert_string_equal(jgets(c, "source"), "auto");
	assert_string_equal(jgets(c, "by"), "US");
	rows = jarr(c, "rows");
	assert_int_equal(rows->n, 2);
	jp = json_row(rows, "Japan");
	kr = json_row(rows, "South Korea");
	assert_string_equal(jgets(jp, "rule"), "claim:P1-from-to");
	assert_string_equal(jgets(jp, "source"), "auto");
	assert_string_equal(jgets(jp, "property"), "defense spending");
	assert_non_null(jgets(jp, "confidence"));
	check_span(&a, jget(jp, "sentence"));
	assert_true(jget(jget(kr, "current"), "unit_inherited")->boolean);
	assert_true(jget(kr, "by_inherited")->boolean);
	q = jarr(root, "quotes");
	assert_int_equal(q->n, 7);
	for (size_t i = 0; i < q->n; i++) {
		assert_string_equal(jgets(q->kids[i], "source"), "auto");
		assert_non_null(jgets(q->kids[i], "rule"));
	}
	assert_string_equal(jgets(q->kids[2], "rule"), "quote:described-as");
	assert_false(jget(jget(root, "auto"), "comparisons_truncated")->boolean);
	jfree(root);
	free(o.data);
	model_free(&a);
}

/* m opened on text read from a file with no annotation file beside it,
 * and scanned (the caller frees it). */
static void open_text(struct model *m, const char *text, size_t n)
{
	char dir[] = "/tmp/brief-test-export-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/plain.txt", dir);
	write_bytes(path, text, n);
	struct model_error err;
	int rc = model_open(m, path, NULL, &err);
	unlink(path);
	rmdir(dir);
	assert_int_equal(rc, 0);
	model_scan_all(m);
}

/* The JSON export of text read from a file with no annotation file
 * beside it: m opened and scanned, o the bytes (both the caller's to
 * free, with the tree returned). */
static struct jnode *json_of_text(struct model *m, struct outbuf *o, const char *text, size_t n)
{
	open_text(m, text, n);
	json_of(m, o);
	return jparse(o->data, o->len);
}

static void test_json_no_annotations(void **state)
{
	(void)state;
	/* A plain file without annotations: empty arrays, still valid. */
	const char *text = "Nothing but 3 percent and July 9.\n";
	struct model m;
	struct outbuf o = { 0 };
	struct jnode *root = json_of_text(&m, &o, text, strlen(text));
	assert_int_equal(jarr(root, "entities")->n, 0);
	assert_int_equal(jarr(root, "comparisons")->n, 0);
	assert_int_equal(jarr(root, "quotes")->n, 0);
	assert_true(jarr(root, "figures")->n >= 1);
	assert_null(jgets(jget(root, "document"), "annotations"));
	assert_string_equal(jgets(jget(root, "auto"), "shown"), "sure+likely");
	jfree(root);
	free(o.data);
	model_free(&m);
}

/* Past the finder's bounds only the sure actors are shown; "shown" says
 * so ("sure"), not what is shown of a text read whole ("sure+likely"). */
static void test_json_auto_truncated(void **state)
{
	(void)state;
	size_t len;
	char *text = many_names_text("The report was written for the committee on Monday.\n",
				     ACTORS_MAX_NAMES + 100, &len);
	struct model m;
	struct outbuf o = { 0 };
	struct jnode *root = json_of_text(&m, &o, text, len);
	free(text);
	const struct jnode *au = jget(root, "auto");
	assert_true(jget(au, "truncated")->boolean);
	assert_string_equal(jgets(au, "shown"), "sure");
	/* The model's one answer, which the export names. */
	assert_int_equal(model_auto_confs(&m, m.auto_show), MODEL_CONF(CONF_SURE));
	assert_int_equal(model_auto_confs(&m, MODEL_AUTO_ALL), MODEL_CONFS_ALL);
	assert_int_equal(model_auto_confs(&m, MODEL_AUTO_HIDDEN), 0);
	for (size_t i = m.nannotated; i < m.annot.nentities; i++)
		assert_int_equal(model_entity_conf(&m, i), CONF_SURE);
	assert_string_equal(model_confs_name(0), "none");
	assert_string_equal(model_confs_name(MODEL_CONF(CONF_SURE) | MODEL_CONF(CONF_LIKELY)), "sure+likely");
	assert_string_equal(model_confs_name(MODEL_CONFS_ALL), "all");
	jfree(root);
	free(o.data);
	model_free(&m);
}

/* Past the finder's bounds the dump's ACTORS heading says only the sure
 * ones are listed, as the panel's title does: Alan Brackley (sure) is,
 * Mary Zorblat (likely) is not. */
static void test_dump_auto_truncated(void **state)
{
	(void)state;
	size_t len;
	char *text = many_names_text(MANY_NAMES_SURE_AND_LIKELY, ACTORS_MAX_NAMES + 100, &len);
	struct model m;
	open_text(&m, text, len);
	free(text);
	struct outbuf d = { 0 };
	dump_of(&m, 80, 1, &d);
	const char *a = strstr(d.data, "\nACTORS (found automatically: sure)\n");
	assert_non_null(a);
	assert_non_null(strstr(a, "Alan Brackley"));
	assert_null(strstr(a, "Mary Zorblat"));
	free(d.data);
	model_free(&m);
}

/* An annotation's quotation keeps the document's TAB and LF; the dump
 * lists it on one line, each run of them a space. */
static void test_dump_quotation_over_tab_and_lf(void **state)
{
	(void)state;
	const char *text = "Ann Berg said the plan was\tgood and\nfair for all.\n";
	struct tmp_model t;
	open_tmp(&t, text, strlen(text),
		 "brief 1\nactor ann person \"Ann Berg\"\n"
		 "quotation ann \"the plan was\\tgood and\\nfair\"\n");
	assert_int_equal(t.m.nquotes, 1);
	struct outbuf o = { 0 };
	dump_of(&t.m, 80, 1, &o);
	const char *q = strstr(o.data, "QUOTATIONS");
	assert_non_null(q);
	assert_non_null(strstr(q, "\n  Ann Berg: \"the plan was good and fair\"\n"));
	assert_null(strchr(q, '\t'));
	free(o.data);
	close_tmp(&t);
}

/* --explain lists an actor's evidence on its line, as the quotations: a
 * TAB in it is a space, never written raw into the listing. */
static void test_explain_evidence_over_tab(void **state)
{
	(void)state;
	static const char text[] = "Ann Berg, a hard-line\tminister, said no.\nBerg left on Monday.\n";
	struct model m;
	open_text(&m, text, sizeof text - 1);
	struct outbuf o = { 0 };
	explained_of(&m, 100, &o);
	const char *a = strstr(o.data, "ACTORS");
	assert_non_null(a);
	assert_non_null(strstr(a, "\"Ann Berg, a hard-line minister\"\n"));
	assert_null(strchr(a, '\t'));
	free(o.data);
	model_free(&m);
}

static void test_write_errors(void **state)
{
	const struct model *m = *state;
	FILE *f = fopen("/dev/full", "w");
	if (!f)
		skip();
	/* Unbuffered, so the failure shows at once rather than at fclose. */
	setvbuf(f, NULL, _IONBF, 0);
	errno = 0;
	assert_int_equal(export_json(f, m), -1);
	assert_int_equal(errno, ENOSPC);
	clearerr(f);
	errno = 0;
	assert_int_equal(export_dump(f, m, 80, 0), -1);
	assert_int_equal(errno, ENOSPC);
	fclose(f);
}

/* ---- dump ---- */

/* Split into lines (without LF); returns the count. */
static size_t split_lines(char *s, size_t len, char ***out)
{
	size_t n = 0, cap = 0;
	char **v = NULL;
	size_t st = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i == len && st == len)
			break;
		if (i == len || s[i] == '\n') {
			v = xgrowarray(v, &cap, n + 1, sizeof *v);
			v[n++] = s + st;
			if (i < len)
				s[i] = '\0';
			st = i + 1;
		}
	}
	*out = v;
	return n;
}

static int line_width(const char *s)
{
	return layout_width((const uint8_t *)s, 0, strlen(s));
}

static void test_dump_header_and_marks(void **state)
{
	const struct model *m = *state;
	struct outbuf o = { 0 };
	dump_of(m, 200, 0, &o);
	assert_non_null(strstr(o.data, "[Marco Rubio]"));
	assert_non_null(strstr(o.data, "[Seoul's Foreign Ministry]"));
	assert_non_null(strstr(o.data, "{less than 2 percent of GDP}"));
	assert_non_null(strstr(o.data, "[Rubio]'s"));
	assert_null(strstr(o.data, "[USB"));
	char **lines;
	size_t n = split_lines(o.data, o.len, &lines);
	assert_true(n > 20);
	/* Header first, underlined to its width. */
	assert_non_null(strstr(lines[0], "Commentary"));
	assert_non_null(strstr(lines[0], "Cai Liang"));
	int w = line_width(lines[0]);
	assert_int_equal(line_width(lines[1]), w);
	assert_int_equal(strlen(lines[1]), (size_t)w * 3);   /* "─" is 3 bytes */
	/* The actors with their counts and the chart after the article. */
	size_t actors = 0, chart = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(lines[i], "ACTORS") == 0)
			actors = i;
		if (strstr(lines[i], "Defense spending"))
			chart = i;
	}
	assert_true(actors > 10);
	assert_true(chart > actors);
	int rubio = 0;
	for (size_t i = actors; i < n; i++) {
		unsigned cnt;
		if (sscanf(lines[i], " Marco Rubio %u", &cnt) == 1) {
			assert_int_equal(cnt, 3);
			rubio = 1;
		}
	}
	assert_true(rubio);
	free(lines);
	free(o.data);
}

/* The visible characters of a text: whitespace and the dump's [ ] { } marks
 * taken out, since wrapping may replace a space by a line break or break
 * after a hyphen. */
static char *ink_of(const char *s, size_t len)
{
	struct buf b = { 0 };
	buf_add(&b, "", 0);
	for (size_t i = 0; i < len; i++)
		if (!strchr("[]{} \t\n", s[i]) || !s[i])
			buf_addc(&b, s[i]);
	return b.data;
}

static void test_dump_article_wrapped(void **state)
{
	const struct model *m = *state;
	const char *body = (const char *)m->doc.text + m->body;
	char *want = ink_of(body, m->doc.len - m->body);
	for (int width = 20; width <= 120; width += 7) {
		struct outbuf o = { 0 };
		dump_of(m, width, 0, &o);
		/* The article follows the header, its underline and a blank line. */
		char *start = o.data;
		for (int k = 0; k < 3 && start; k++) {
			start = strchr(start, '\n');
			if (start)
				start++;
		}
		char *end = strstr(o.data, "\nACTORS\n");
		assert_non_null(start);
		assert_true(strncmp(start, "[US] Secretary", 14) == 0);
		assert_non_null(end);
		/* Nothing of the article lost or added by wrapping. */
		char *got = ink_of(start, (size_t)(end - start));
		if (strcmp(got, want) != 0)
			fail_msg("width %d: the article's text differs after wrapping", width);
		free(got);
		/* The article lines fit. */
		*end = '\0';
		char **lines;
		size_t n = split_lines(start, strlen(start), &lines);
		for (size_t i = 0; i < n; i++)
			if (line_width(lines[i]) > width)
				fail_msg("width %d: article line %zu is %d columns: %s", width, i,
					 line_width(lines[i]), lines[i]);
		free(lines);
		free(o.data);
	}
	free(want);
}

static void test_dump_fits_width(void **state)
{
	const struct model *m = *state;
	static const int widths[] = { 40, 60, 80 };
	for (size_t k = 0; k < 3; k++) {
		struct outbuf o = { 0 };
		dump_of(m, widths[k], 0, &o);
		char **lines;
		size_t n = split_lines(o.data, o.len, &lines);
		size_t over = 0, first = 0;
		for (size_t i = 0; i < n; i++)
			if (line_width(lines[i]) > widths[k] && !over++)
				first = i;
		if (over)
			fail_msg("--dump at width %d: %zu lines wider, first: '%s' (%d columns)",
				 widths[k], over, lines[first], line_width(lines[first]));
		free(lines);
		free(o.data);
	}
}

/* s with every run of spaces and line ends made one space, and none after
 * a hyphen a line ended on (a wrap after "country-") (owned). */
static char *folded(const char *s)
{
	struct buf b = { 0 };
	int space = 0, lf = 0;
	buf_add(&b, "", 0);
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n') {
			space = 1;
			lf |= *s == '\n';
			continue;
		}
		if (space && b.len && !(lf && b.data[b.len - 1] == '-'))
			buf_addc(&b, ' ');
		space = lf = 0;
		buf_addc(&b, *s);
	}
	return b.data;
}

/* Issue 19: --dump wraps long meanings and descriptions instead of cutting
 * them (at 80 columns "When Rubio was" was all of one), writes values as a
 * reader does, and heads its groups of actors as the reader's panel does. */
static void test_dump_whole_and_worded(void **state)
{
	const struct model *m = *state;
	static const int widths[] = { 40, 60, 80, 120 };
	for (size_t k = 0; k < 4; k++) {
		struct outbuf o = { 0 };
		dump_of(m, widths[k], 0, &o);
		char *f = folded(o.data);
		for (size_t i = 0; i < m->figures.n; i++) {
			const char *meaning = model_figure_meaning(m, &m->figures.v[i]);
			if (meaning && !strstr(f, meaning))
				fail_msg("width %d: the meaning \"%s\" is not whole", widths[k], meaning);
		}
		for (size_t i = 0; i < m->annot.nentities; i++) {
			const char *d = m->annot.entities[i].description;
			if (d && !strstr(f, d))
				fail_msg("width %d: the description \"%s\" is not whole", widths[k], d);
		}
		/* "early July", "90 days", "25%", not "early --07", "90 day", "25 %". */
		assert_non_null(strstr(f, "early July"));
		assert_non_null(strstr(f, "90 days"));
		assert_null(strstr(f, "--07"));
		assert_null(strstr(f, "25 %"));
		free(f);
		char **lines;
		size_t n = split_lines(o.data, o.len, &lines);
		int people = 0, countries = 0;
		for (size_t i = 0; i < n; i++) {
			people += strcmp(lines[i], "People") == 0;
			countries += strcmp(lines[i], "Countries") == 0;
			assert_string_not_equal(lines[i], "person");
			assert_string_not_equal(lines[i], "country");
		}
		assert_int_equal(people, 1);
		assert_int_equal(countries, 1);
		free(lines);
		free(o.data);
	}
}

static void test_dump_ascii(void **state)
{
	const struct model *m = *state;
	for (int width = 20; width <= 100; width += 40) {
		struct outbuf o = { 0 };
		dump_of(m, width, 1, &o);
		for (size_t i = 0; i < o.len; i++)
			if ((unsigned char)o.data[i] >= 0x80)
				fail_msg("width %d: byte 0x%02x at %zu of the ascii dump: '%.40s'", width,
					 (unsigned char)o.data[i], i, o.data + (i > 20 ? i - 20 : 0));
		if (width >= 60)
			assert_non_null(strstr(o.data, "more than x1.75"));
		free(o.data);
	}
	/* The Unicode dump does use box and block characters. */
	struct outbuf o = { 0 };
	dump_of(m, 80, 0, &o);
	assert_non_null(strstr(o.data, "\xe2\x94\x80"));      /* ─ */
	assert_non_null(strstr(o.data, "\xe2\x96\x88"));      /* █ */
	free(o.data);
}

static void test_dump_deterministic(void **state)
{
	const struct model *m = *state;
	struct outbuf a = { 0 }, b = { 0 };
	dump_of(m, 72, 0, &a);
	dump_of(m, 72, 0, &b);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	free(a.data);
	free(b.data);
	json_of(m, &a);
	json_of(m, &b);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	free(a.data);
	free(b.data);
}

/* ---- a file changed while it is written out -------------------------------- */

/* An article of lines "Line NNNN: Alpha said it again.", padded with dots
 * to 64 bytes with the line feed, mapped (it is clean, so its text is the
 * mapping), with Alpha an actor. */
#define CHANGE_LINES 2000
#define CHANGE_LINE_LEN 64
#define CHANGE_FORMAT "Line %04d: Alpha said it again.................................\n"

/* An output stream that changes the article's file at its first write: the
 * export has then copied its first line or span, and reads the rest from a
 * mapping that now shows the change.  What it writes is kept. */
struct changer {
	const char *path;
	int truncate_to;            /* >= 0: truncate to this size; else rewrite */
	int done;
	struct buf out;
};

/* Lines 2.. of the article, rewritten in place with escapes of every kind
 * (line ends kept: the dump prints it by the lines it indexed). */
static const char hostile_line[] =
	"\x1b]52;c;UFdORUQ=\x07 \x1b]2;owned\x07 \xc2\x9b" "31m \x1b[2J \xe2\x80\xae\x00\x7f\xff!";

static ssize_t changer_write(void *cookie, const char *p, size_t n)
{
	struct changer *c = cookie;
	if (!c->done) {
		c->done = 1;
		if (c->truncate_to >= 0) {
			assert_int_equal(truncate(c->path, c->truncate_to), 0);
		} else {
			FILE *f = fopen(c->path, "r+b");
			assert_non_null(f);
			/* Same size, same inode: the mapping shows it. */
			char line[CHANGE_LINE_LEN - 1];
			memset(line, 'x', sizeof line);
			memcpy(line, hostile_line, sizeof hostile_line - 1);
			for (long i = 1; i < CHANGE_LINES; i++) {
				fseek(f, i * CHANGE_LINE_LEN, SEEK_SET);
				fwrite(line, 1, sizeof line, f);
			}
			assert_int_equal(fclose(f), 0);
		}
	}
	buf_add(&c->out, p, n);
	return (ssize_t)n;
}

static void change_setup(char *dir, size_t dirlen, char *path, size_t pathlen, struct model *m)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, dirlen, "%s/brief-test-change-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(dir));
	snprintf(path, pathlen, "%s/article.txt", dir);
	struct buf b = { 0 };
	for (int i = 1; i <= CHANGE_LINES; i++)
		buf_printf(&b, CHANGE_FORMAT, i);
	assert_int_equal(b.len, (size_t)CHANGE_LINES * CHANGE_LINE_LEN);
	write_bytes(path, b.data, b.len);
	buf_free(&b);
	char ann[512];
	snprintf(ann, sizeof ann, "%s/article.brief", dir);
	write_bytes(ann, "actor alpha person \"Alpha\"\n", 27);
	struct model_error err;
	int rc = model_open(m, path, NULL, &err);
	unlink(ann);
	if (rc != 0)
		fail_msg("model_open: %d %s", rc, err.msg);
	model_scan_all(m);
	assert_true(m->doc.text == m->doc.orig);        /* the mapping itself */
}

static void change_cleanup(const char *dir, const char *path)
{
	unlink(path);
	rmdir(dir);
}

/* What an export wrote while its file was rewritten: no byte of the escapes,
 * however the stream was cut up. */
static void expect_clean(const struct buf *out)
{
	assert_non_null(out->data);
	assert_null(memchr(out->data, 0x1b, out->len));
	assert_null(memchr(out->data, 0x07, out->len));
	assert_null(memchr(out->data, 0x00, out->len));
	assert_null(memchr(out->data, 0x7f, out->len));
	for (size_t i = 0; i + 1 < out->len; i++)
		if ((unsigned char)out->data[i] == 0xc2 && (unsigned char)out->data[i + 1] >= 0x80
		    && (unsigned char)out->data[i + 1] <= 0x9f)
			fail_msg("a C1 control at byte %zu", i);
	assert_null(strstr(out->data, "\xe2\x80\xae"));
	assert_null(u8_check((const uint8_t *)out->data, out->len));
}

/* Issue 20 item 2: the file rewritten in place with OSC 52, OSC 2, C1 CSI,
 * bidi, NUL, DEL and an invalid byte between the writes of a dump and of an
 * export: the bytes written hold none of them. */
static void test_changed_in_place_while_written(void **state)
{
	(void)state;
	char dir[256], path[300];
	for (int json = 0; json <= 1; json++) {
		struct model m;
		change_setup(dir, sizeof dir, path, sizeof path, &m);
		struct changer c = { .path = path, .truncate_to = -1 };
		FILE *f = fopencookie(&c, "w", (cookie_io_functions_t){ .write = changer_write });
		assert_non_null(f);
		setvbuf(f, NULL, _IONBF, 0);            /* each write reaches the changer */
		int r = json ? export_json(f, &m) : export_dump(f, &m, 80, 0);
		assert_int_equal(fclose(f), 0);
		assert_int_equal(r, 0);                 /* same size: not a shrink */
		assert_true(c.done);
		buf_add(&c.out, "", 0);
		expect_clean(&c.out);
		/* The rewrite did reach the output, as placeholders (a mention
		 * there is now bytes 11..15 of the rewritten line). */
		assert_non_null(strstr(c.out.data, json ? "RUQ=\xe2\x90\x87" : "UFdORUQ="));
		buf_free(&c.out);
		model_free(&m);
		change_cleanup(dir, path);
	}
}

/* What an export wrote into a changer that truncated its file to cut bytes:
 * 0 when it stopped exactly before the first line (span) past the new end. */
static int shrink_check(int json, long cut, int r, const struct buf *out)
{
	if (r != EXPORT_CUT)
		return 10;
	/* The last whole line before the cut, and nothing after it. */
	int last = (int)(cut / CHANGE_LINE_LEN);
	char want[128], next[64];
	snprintf(want, sizeof want, "Line %04d: [Alpha] said it again.", last);
	snprintf(next, sizeof next, "Line %04d:", last + 1);
	if (!json) {
		if (!strstr(out->data, want))
			return 11;
		if (strstr(out->data, next))
			return 12;
		/* The dump ends with that line: nothing of the zeros or the
		 * line feeds of the lost pages after it. */
		const char *end = strstr(out->data, want);
		if (end[strcspn(end, "\n")] != '\n' || end[strcspn(end, "\n") + 1])
			return 13;
	} else {
		/* Every span written ends before the new end. */
		for (const char *p = out->data; (p = strstr(p, "\"end\": ")); p++)
			if (strtol(p + 7, NULL, 10) > cut)
				return 14;
		if (!strstr(out->data, "\"text\": \"Alpha\""))
			return 15;
	}
	if (memchr(out->data, 0, out->len - 1))
		return 16;
	return 0;
}

/* The child of the shrink test (a tripped guard stays tripped). */
static int shrink_child(int json, long cut)
{
	char dir[256], path[300];
	struct model m;
	change_setup(dir, sizeof dir, path, sizeof path, &m);
	struct changer c = { .path = path, .truncate_to = (int)cut };
	FILE *f = fopencookie(&c, "w", (cookie_io_functions_t){ .write = changer_write });
	setvbuf(f, NULL, _IONBF, 0);
	int r = json ? export_json(f, &m) : export_dump(f, &m, 80, 0);
	fclose(f);
	change_cleanup(dir, path);
	buf_add(&c.out, "", 0);
	int rc = shrink_check(json, cut, r, &c.out);
	if (rc)
		fprintf(stderr, "# %s cut at %ld returned %d; wrote %zu bytes ending: %s\n",
			json ? "json" : "dump", cut, r, c.out.len,
			c.out.len > 120 ? c.out.data + c.out.len - 120 : c.out.data);
	buf_free(&c.out);
	model_free(&m);
	return rc;
}

/* Issue 20 item 6: truncated while a dump or an export is written, at a line
 * end and inside a line, within a page and past one: the output stops
 * before the first line (span) past the new end, and says it was cut. */
static void test_shrunk_while_written(void **state)
{
	(void)state;
	static const long cuts[] = {
		1000L * CHANGE_LINE_LEN,            /* at a line end, a page's */
		1000L * CHANGE_LINE_LEN + 100,      /* inside line 1002, a page */
		65L * CHANGE_LINE_LEN + 17,         /* inside line 66, in the first page */
	};
	for (int json = 0; json <= 1; json++) {
		for (size_t k = 0; k < sizeof cuts / sizeof cuts[0]; k++) {
			fflush(NULL);
			pid_t pid = fork();
			assert_true(pid >= 0);
			if (pid == 0)
				_exit(shrink_child(json, cuts[k]));
			int status;
			assert_int_equal(waitpid(pid, &status, 0), pid);
			if (WIFSIGNALED(status))
				fail_msg("%s, cut at %ld: the child died of signal %d",
					 json ? "json" : "dump", cuts[k], WTERMSIG(status));
			if (WEXITSTATUS(status) != 0)
				fail_msg("%s, cut at %ld: check %d failed", json ? "json" : "dump",
					 cuts[k], WEXITSTATUS(status));
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_json_document, setup_bundled, teardown_model),
		cmocka_unit_test_setup_teardown(test_json_entities, setup_bundled, teardown_model),
		cmocka_unit_test_setup_teardown(test_json_figures, setup_bundled, teardown_model),
		cmocka_unit_test_setup_teardown(test_json_comparisons, setup_bundled, teardown_model),
		cmocka_unit_test_setup_teardown(test_json_claims_and_quotes, setup_bundled,
						teardown_model),
		cmocka_unit_test(test_json_escapes_and_hostile),
		cmocka_unit_test(test_json_no_annotations),
		cmocka_unit_test(test_json_auto_truncated),
		cmocka_unit_test(test_dump_quotation_over_tab_and_lf),
		cmocka_unit_test(test_explain_evidence_over_tab),
		cmocka_unit_test(test_dump_auto_truncated),
		cmocka_unit_test_setup_teardown(test_write_errors, setup_bundled, teardown_model),
		cmocka_unit_test_setup_teardown(test_dump_header_and_marks, setup_bundled,
						teardown_model),
		cmocka_unit_test_setup_teardown(test_dump_article_wrapped, setup_bundled,
						teardown_model),
		cmocka_unit_test_setup_teardown(test_dump_fits_width, setup_bundled, teardown_model),
		cmocka_unit_test_setup_teardown(test_dump_ascii, setup_bundled, teardown_model),
		cmocka_unit_test_setup_teardown(test_dump_whole_and_worded, setup_bundled,
						teardown_model),
		cmocka_unit_test_setup_teardown(test_dump_deterministic, setup_bundled,
						teardown_model),
		cmocka_unit_test(test_changed_in_place_while_written),
		cmocka_unit_test(test_shrunk_while_written),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
