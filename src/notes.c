/* Reading notes: the list, anchoring to sentences, the file's format and
 * its safe I/O (notes.h). */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>

#include "brief/document.h"
#include "brief/notes.h"
#include "brief/state.h"

/* ---- the list ------------------------------------------------------------- */

static void note_clear(struct note *n)
{
	free(n->text);
	free(n->anchor);
	memset(n, 0, sizeof *n);
}

void notes_free(struct notes *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		note_clear(&ns->v[i]);
	free(ns->v);
	memset(ns, 0, sizeof *ns);
}

struct note *notes_find(struct notes *ns, uint64_t id)
{
	for (size_t i = 0; i < ns->n; i++)
		if (ns->v[i].id == id)
			return &ns->v[i];
	return NULL;
}

void notes_put(struct notes *ns, const struct note *n)
{
	struct note *to = notes_find(ns, n->id);
	if (to) {
		note_clear(to);
	} else {
		ns->v = xgrowarray(ns->v, &ns->cap, ns->n + 1, sizeof *ns->v);
		to = &ns->v[ns->n++];
	}
	*to = *n;
	to->text = xstrdup(n->text ? n->text : "");
	to->anchor = xstrdup(n->anchor ? n->anchor : "");
}

int notes_remove(struct notes *ns, uint64_t id)
{
	struct note *n = notes_find(ns, id);
	if (!n)
		return 0;
	note_clear(n);
	size_t i = (size_t)(n - ns->v);
	memmove(n, n + 1, (ns->n - i - 1) * sizeof *n);
	ns->n--;
	return 1;
}

uint64_t notes_new_id(void)
{
	static uint32_t counter;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t parts[3] = { (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec,
			      (uint64_t)getpid(), ++counter };
	uint64_t h = fnv1a(FNV1A_START, parts, sizeof parts);
	return h ? h : 1;
}

static int is_space(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Sanitised, white space runs folded into one space (or kept as they
 * are but line ends, for a note), ends trimmed, at most max bytes. */
static char *cleaned(const char *s, size_t n, size_t max)
{
	size_t sl;
	char *safe = doc_sanitize_str(s, n, &sl);
	struct buf b = { 0 };
	for (size_t i = 0; i < sl;) {
		if (!is_space((uint8_t)safe[i])) {
			buf_addc(&b, safe[i++]);
			continue;
		}
		while (i < sl && is_space((uint8_t)safe[i]))
			i++;
		if (b.len && i < sl)
			buf_addc(&b, ' ');
	}
	free(safe);
	if (!b.data)
		return xstrdup("");
	b.data[utf8_cut(b.data, b.len, max)] = '\0';
	return b.data;
}

char *notes_anchor_text(const char *s, size_t n)
{
	return cleaned(s, n, NOTES_ANCHOR_MAX);
}

char *notes_clean_text(const char *s, size_t n)
{
	return cleaned(s, n, NOTES_TEXT_MAX);
}

/* ---- anchoring -------------------------------------------------------------- */

/* Does the anchor match the text at p?  A space in the anchor matches a
 * run of white space; the match's end in *end. */
static int match_at(const uint8_t *t, size_t len, size_t p, const char *a, size_t *end)
{
	size_t i = p;
	for (const char *c = a; *c; c++) {
		if (*c == ' ') {
			if (i >= len || !is_space(t[i]))
				return 0;
			while (i < len && is_space(t[i]))
				i++;
		} else {
			if (i >= len || t[i] != (uint8_t)*c)
				return 0;
			i++;
		}
	}
	*end = i;
	return 1;
}

static int place_one(struct note *n, const uint8_t *t, size_t len)
{
	const char *a = n->anchor;
	size_t alen = strlen(a);
	if (!alen)
		return 0;
	size_t end;
	/* Most often the text did not change: it is where it was. */
	if (n->hint < len && match_at(t, len, n->hint, a, &end)) {
		n->start = n->hint;
		n->end = end;
		return 1;
	}
	/* Else every occurrence of its first word, the nearest kept. */
	size_t tok = strcspn(a, " ");
	size_t best = SIZE_MAX, best_end = 0, best_d = SIZE_MAX;
	for (size_t p = 0; p + tok <= len;) {
		const uint8_t *hit = memmem(t + p, len - p, a, tok);
		if (!hit)
			break;
		size_t at = (size_t)(hit - t);
		if (match_at(t, len, at, a, &end)) {
			size_t d = at > n->hint ? at - n->hint : n->hint - at;
			if (d < best_d) {
				best = at;
				best_end = end;
				best_d = d;
			}
			if (at > n->hint)
				break;  /* farther ones only get farther */
		}
		p = at + 1;
	}
	if (best == SIZE_MAX)
		return 0;
	n->start = best;
	n->end = best_end;
	return 1;
}

static int by_place(const void *a, const void *b)
{
	const struct note *x = a, *y = b;
	int fx = x->place == NOTE_FOUND, fy = y->place == NOTE_FOUND;
	if (fx != fy)
		return fy - fx;
	if (fx && x->start != y->start)
		return x->start < y->start ? -1 : 1;
	/* The rest keep their order (the sort is stable). */
	return 0;
}

struct keyed {
	struct note n;
	size_t i;                   /* where it stood */
};

static int by_place_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int r = by_place(&x->n, &y->n);
	return r ? r : x->i < y->i ? -1 : x->i > y->i;
}

static int by_id_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->n.id != y->n.id)
		return x->n.id < y->n.id ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The notes, each with where it stood, sorted by cmp (which falls back on
 * that place, so the sort is stable); the caller frees it. */
static struct keyed *keyed_sorted(const struct notes *ns, int (*cmp)(const void *, const void *))
{
	struct keyed *k = xreallocarray(NULL, ns->n, sizeof *k);
	for (size_t i = 0; i < ns->n; i++)
		k[i] = (struct keyed){ ns->v[i], i };
	qsort(k, ns->n, sizeof *k, cmp);
	return k;
}

/* Of notes with one id, the first is kept, the others freed; the rest
 * keep their order.  n log n, where a lookup for each note read took a
 * minute on a notes file at its 16 MiB bound. */
static void drop_duplicates(struct notes *ns)
{
	if (ns->n < 2)
		return;
	struct keyed *k = keyed_sorted(ns, by_id_keyed);
	unsigned char *drop = xcalloc(ns->n, 1);
	for (size_t i = 1; i < ns->n; i++)
		if (k[i].n.id == k[i - 1].n.id)
			drop[k[i].i] = 1;
	free(k);
	size_t w = 0;
	for (size_t i = 0; i < ns->n; i++) {
		if (drop[i])
			note_clear(&ns->v[i]);
		else
			ns->v[w++] = ns->v[i];
	}
	ns->n = w;
	free(drop);
}

void notes_anchor(struct notes *ns, const uint8_t *text, size_t len, int complete)
{
	for (size_t i = 0; i < ns->n; i++) {
		struct note *n = &ns->v[i];
		if (place_one(n, text, len))
			n->place = NOTE_FOUND;
		else
			n->place = complete ? NOTE_ORPHANED : NOTE_UNPLACED;
	}
	/* Stable: qsort is not, so ties fall back on the order they had (an
	 * insertion sort took seconds on a notes file written backwards). */
	if (ns->n < 2)
		return;
	struct keyed *k = keyed_sorted(ns, by_place_keyed);
	for (size_t i = 0; i < ns->n; i++)
		ns->v[i] = k[i].n;
	free(k);
}

/* ---- the file's text --------------------------------------------------------- */

void notes_quote(struct buf *out, const char *s)
{
	buf_addc(out, '"');
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		switch (*c) {
		case '"':
			buf_adds(out, "\\\"");
			break;
		case '\\':
			buf_adds(out, "\\\\");
			break;
		case '\n':
			buf_adds(out, "\\n");
			break;
		case '\t':
			buf_adds(out, "\\t");
			break;
		default:
			if (*c < 0x20 || *c == 0x7f)
				buf_printf(out, "\\x%02x", *c);
			else
				buf_addc(out, (char)*c);
		}
	}
	buf_addc(out, '"');
}

/* Parsing one line, with the column of the first thing wrong. */
struct cursor {
	const char *s, *p, *end;
	const char *what;           /* what was expected where it failed */
};

static int fail(struct cursor *c, const char *what)
{
	c->what = what;
	return -1;
}

static int word(struct cursor *c, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n))
		return fail(c, w);
	c->p += n;
	return 0;
}

static int hexval(char h)
{
	return h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
	       : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
}

/* A quoted string into *out (malloc'd, UTF-8 checked). */
static int quoted(struct cursor *c, char **out)
{
	if (c->p >= c->end || *c->p != '"')
		return fail(c, "a quoted string");
	const char *open = c->p++;
	struct buf b = { 0 };
	for (;;) {
		if (c->p >= c->end) {
			buf_free(&b);
			return fail(c, "a closing quote");
		}
		unsigned char ch = (unsigned char)*c->p;
		if (ch == '"')
			break;
		if (ch == '\\') {
			const char *e = c->p + 1;
			char v;
			if (e >= c->end) {
				buf_free(&b);
				return fail(c, "an escape after \\");
			}
			switch (*e) {
			case '"': v = '"'; break;
			case '\\': v = '\\'; break;
			case 'n': v = '\n'; break;
			case 't': v = '\t'; break;
			case 'r': v = '\r'; break;
			case 'x': {
				int h1 = e + 1 < c->end ? hexval(e[1]) : -1;
				int h2 = e + 2 < c->end ? hexval(e[2]) : -1;
				if (h1 < 0 || h2 < 0) {
					buf_free(&b);
					return fail(c, "two hex digits after \\x");
				}
				v = (char)(h1 * 16 + h2);
				c->p += 2;
				break;
			}
			default:
				buf_free(&b);
				return fail(c, "one of \\\" \\\\ \\n \\t \\r \\xHH");
			}
			buf_addc(&b, v);
			c->p += 2;
			continue;
		}
		if (ch < 0x20 || ch == 0x7f) {
			buf_free(&b);
			return fail(c, "no control character (write it as \\xHH)");
		}
		buf_addc(&b, (char)ch);
		c->p++;
	}
	if (b.len && u8_check((const uint8_t *)b.data, b.len)) {
		/* Said at the string's start: its bytes may be escaped. */
		buf_free(&b);
		c->p = open;
		return fail(c, "valid UTF-8 in the string");
	}
	c->p++;
	*out = b.data ? b.data : xstrdup("");
	return 0;
}

static int number(struct cursor *c, size_t *out)
{
	size_t v = 0;
	const char *p = c->p;
	if (p >= c->end || *p < '0' || *p > '9')
		return fail(c, "a number");
	for (; p < c->end && *p >= '0' && *p <= '9'; p++) {
		size_t d = (size_t)(*p - '0');
		if (v > (SIZE_MAX - d) / 10)
			return fail(c, "a smaller number");
		v = v * 10 + d;
	}
	c->p = p;
	*out = v;
	return 0;
}

static int hex_id(struct cursor *c, uint64_t *out)
{
	uint64_t v = 0;
	for (int k = 0; k < 16; k++) {
		int d = c->p + k < c->end ? hexval(c->p[k]) : -1;
		if (d < 0)
			return fail(c, "an id of 16 hex digits");
		v = v << 4 | (uint64_t)d;
	}
	if (!v)
		return fail(c, "an id that is not 0");
	c->p += 16;
	*out = v;
	return 0;
}

static int line_end(struct cursor *c)
{
	return c->p == c->end ? 0 : fail(c, "the end of the line");
}

/* "doc STRING" -> *doc. */
static int parse_doc(struct cursor *c, char **doc)
{
	if (word(c, "doc ") || quoted(c, doc))
		return -1;
	if (line_end(c)) {
		free(*doc);
		*doc = NULL;
		return -1;
	}
	return 0;
}

/* "note ID HINT ANCHOR TEXT" -> *n (strings owned). */
static int parse_note(struct cursor *c, struct note *n)
{
	memset(n, 0, sizeof *n);
	char *anchor = NULL, *text = NULL;
	if (word(c, "note ") || hex_id(c, &n->id) || word(c, " ") || number(c, &n->hint)
	    || word(c, " ") || quoted(c, &anchor) || word(c, " ") || quoted(c, &text)
	    || line_end(c)) {
		free(anchor);
		free(text);
		return -1;
	}
	/* Whatever the file holds, what is shown is sanitised. */
	n->anchor = notes_anchor_text(anchor, strlen(anchor));
	n->text = notes_clean_text(text, strlen(text));
	free(anchor);
	free(text);
	return 0;
}

static int is_newer_header(const char *s, size_t len)
{
	static const char prefix[] = "brief-notes ";
	size_t pl = sizeof prefix - 1;
	if (len <= pl || memcmp(s, prefix, pl))
		return 0;
	size_t v = 0;
	for (size_t i = pl; i < len; i++) {
		if (s[i] < '0' || s[i] > '9' || v > 1000000)
			return 0;
		v = v * 10 + (size_t)(s[i] - '0');
	}
	return v > 1;
}

/* The next line of s[0, n) from *at, without its LF (a last line may
 * have none); 0 at the end. */
struct line {
	const char *s;
	size_t len;
	size_t no;                  /* 1-based */
};

static int next_line(const char *s, size_t n, size_t *at, struct line *l)
{
	if (*at >= n)
		return 0;
	const char *p = s + *at;
	const char *nl = memchr(p, '\n', n - *at);
	l->s = p;
	l->len = nl ? (size_t)(nl - p) : n - *at;
	l->no++;
	*at += l->len + (nl ? 1 : 0);
	return 1;
}

/* Columns count characters, as an editor shows them. */
static size_t column(const char *line, const char *at)
{
	return u8_mbsnlen((const uint8_t *)line, (size_t)(at - line)) + 1;
}

int notes_parse(const char *name, const char *s, size_t n, const char *doc, struct notes *out,
		char **warning)
{
	if (warning)
		*warning = NULL;
	struct line l = { 0 };
	size_t at = 0, nbad = 0;
	struct buf first = { 0 };
	int ours = 0;                   /* inside doc's lines */
	while (next_line(s, n, &at, &l)) {
		struct cursor c = { l.s, l.s, l.s + l.len, NULL };
		if (l.no == 1) {
			if (l.len == strlen(NOTES_HEADER) && !memcmp(l.s, NOTES_HEADER, l.len))
				continue;
			if (is_newer_header(l.s, l.len)) {
				buf_free(&first);
				if (warning) {
					struct buf w = { 0 };
					buf_printf(&w, "%s: written by a newer brief: its notes are not "
						   "shown, and not overwritten", name);
					*warning = w.data;
				}
				return 1;
			}
			c.what = "\"" NOTES_HEADER "\"";
		} else if (l.len == 0) {
			continue;
		} else if (l.len >= 4 && !memcmp(l.s, "doc ", 4)) {
			char *d = NULL;
			if (parse_doc(&c, &d) == 0) {
				ours = doc && !strcmp(d, doc);
				free(d);
				continue;
			}
		} else if (l.len >= 5 && !memcmp(l.s, "note ", 5)) {
			struct note nt;
			if (parse_note(&c, &nt) == 0) {
				if (ours && out) {     /* duplicates dropped below */
					out->v = xgrowarray(out->v, &out->cap, out->n + 1, sizeof *out->v);
					out->v[out->n++] = nt;
				} else {
					note_clear(&nt);
				}
				continue;
			}
		} else {
			c.what = "\"doc\" or \"note\"";
		}
		if (!nbad++)
			buf_printf(&first, "%s:%zu:%zu: expected %s", name, l.no, column(l.s, c.p),
				   c.what);
	}
	if (out)
		drop_duplicates(out);
	if (nbad > 1)
		buf_printf(&first, " (and %zu more line%s not understood, kept as they are)",
			   nbad - 1, nbad > 2 ? "s" : "");
	if (warning && first.data)
		*warning = first.data;
	else
		buf_free(&first);
	return 0;
}

void notes_format_file(struct buf *out, const char *s, size_t n, const char *doc,
		       const struct notes *ns)
{
	buf_adds(out, NOTES_HEADER "\n");
	struct line l = { 0 };
	size_t at = 0;
	int ours = 0;
	while (next_line(s, n, &at, &l)) {
		if (l.no == 1 && l.len == strlen(NOTES_HEADER) && !memcmp(l.s, NOTES_HEADER, l.len))
			continue;
		struct cursor c = { l.s, l.s, l.s + l.len, NULL };
		if (l.len >= 4 && !memcmp(l.s, "doc ", 4)) {
			char *d = NULL;
			if (parse_doc(&c, &d) == 0) {
				ours = !strcmp(d, doc);
				free(d);
				if (ours)
					continue;   /* written again below */
			}
		} else if (ours && l.len >= 5 && !memcmp(l.s, "note ", 5)) {
			struct note nt;
			if (parse_note(&c, &nt) == 0) {
				note_clear(&nt);
				continue;           /* replaced by ns */
			}
		} else if (l.len == 0) {
			continue;
		}
		/* Kept as it is; a last line that was cut short gets its end. */
		buf_add(out, l.s, l.len);
		buf_addc(out, '\n');
	}
	if (!ns || !ns->n)
		return;
	buf_adds(out, "doc ");
	notes_quote(out, doc);
	buf_addc(out, '\n');
	for (size_t i = 0; i < ns->n; i++) {
		const struct note *nt = &ns->v[i];
		buf_printf(out, "note %016llx %zu ", (unsigned long long)nt->id, nt->hint);
		notes_quote(out, nt->anchor ? nt->anchor : "");
		buf_addc(out, ' ');
		notes_quote(out, nt->text ? nt->text : "");
		buf_addc(out, '\n');
	}
}

/* ---- the identity ----------------------------------------------------------- */

char *notes_doc_id(const char *path, const char *bundled, const char *title, uint64_t key)
{
	struct buf b = { 0 };
	if (path && strcmp(path, "-") != 0) {
		char *real = realpath(path, NULL);
		buf_adds(&b, real ? real : path);
		free(real);
	} else if (bundled) {
		buf_adds(&b, bundled);
	} else if (title && *title) {
		buf_printf(&b, "(stdin) title: %s", title);
	} else {
		buf_printf(&b, "(stdin) key: %016llx", (unsigned long long)key);
	}
	return b.data;
}

/* ---- the file ------------------------------------------------------------------- */

char *notes_path(void)
{
	struct buf b = { 0 };
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		buf_printf(&b, "%s/brief/notes", xdg);
	else if (home && home[0])
		buf_printf(&b, "%s/.local/state/brief/notes", home);
	return b.data;
}

int notes_load(const char *path, const char *doc, struct notes *out, char **warning)
{
	if (warning)
		*warning = NULL;
	struct buf b = { 0 };
	int rc = state_file_read(path, "notes", NOTES_FILE_MAX, &b, warning);
	if (rc) {
		buf_free(&b);
		return rc > 0 ? 0 : -1;     /* none there, or not read */
	}
	rc = notes_parse(path, b.data ? b.data : "", b.len, doc, out, warning);
	buf_free(&b);
	if (rc)
		return -1;              /* a newer format: nothing read */
	return warning && *warning ? 1 : 0;
}

/* What notes_update changes, for its callback. */
struct update {
	const char *doc;
	const struct note *put;
	uint64_t remove_id;
	struct notes mine;          /* the document's notes as written */
};

/* The file as it is now (under the lock), the change on top: what
 * another brief wrote meanwhile stays. */
static int update_rewrite(void *ctx, const char *path, const char *real, const char *old,
			  size_t n, struct buf *out, char **warning)
{
	struct update *up = ctx;
	size_t hl = strlen(NOTES_HEADER);
	if (n && !(n > hl && !memcmp(old, NOTES_HEADER, hl) && old[hl] == '\n')) {
		const char *nl = memchr(old, '\n', n);
		if (is_newer_header(old, nl ? (size_t)(nl - old) : n))
			xsetf(warning, "%s: written by a newer brief, not overwritten", path);
		else if (real)
			xsetf(warning, "%s: a link to %s, a file that is not brief's notes: not "
			     "overwritten", path, real);
		else
			xsetf(warning, "%s: not brief's notes (no \"" NOTES_HEADER "\" line): not "
			     "overwritten", path);
		return -1;
	}
	if (!n && real) {
		xsetf(warning, "%s: a link to %s, an empty file, not brief's notes: not overwritten",
		     path, real);
		return -1;
	}
	notes_parse(path, old ? old : "", n, up->doc, &up->mine, NULL);
	if (up->put)
		notes_put(&up->mine, up->put);
	if (up->remove_id)
		notes_remove(&up->mine, up->remove_id);
	notes_format_file(out, old ? old : "", n, up->doc, &up->mine);
	return 0;
}

int notes_update(const char *path, const char *doc, const struct note *put, uint64_t remove_id,
		 const struct state_wait *wait, struct notes *now, char **warning)
{
	struct update up = { doc, put, remove_id, { 0 } };
	struct state_file f = { "notes", NOTES_FILE_MAX, update_rewrite, &up };
	int rc = state_file_rewrite(path, &f, wait, warning);
	if (rc == 0 && now) {
		notes_free(now);
		*now = up.mine;
		memset(&up.mine, 0, sizeof up.mine);
	}
	notes_free(&up.mine);
	return rc;
}
