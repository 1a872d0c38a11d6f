/* Sanitising: what of a document's bytes may reach a terminal, the safe
 * copy made of the rest, and offsets mapped back to the bytes as read. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "brief/document.h"
#include "brief/util.h"
#include "doc_private.h"

/* Bytes that pass through untouched without decoding. */
static inline int plain_byte(uint8_t c)
{
	return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n';
}

static int starts_with_bom(const uint8_t *s, size_t n)
{
	return n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
}

/* Length of the maximal subpart of an ill-formed sequence at s (Unicode
 * ch. 3, U+FFFD substitution): the longest prefix that could still begin a
 * valid character, at least 1.  u8_mbtouc's own length is not this (it
 * swallows whole surrogates and overlongs), but u8_mbtoucr tells "incomplete"
 * (-2) from "invalid" (-1) exactly, so ask it about growing prefixes. */
static size_t maximal_subpart(const uint8_t *s, size_t n)
{
	size_t m = 1;
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		ucs4_t uc;
		if (u8_mbtoucr(&uc, s, k) != -2)
			break;
		m = k;
	}
	return m;
}

/* First pass: does anything in s[from, n) need replacing?  Eight bytes at a
 * time while they are printable ASCII: this runs over whole large files. */
int doc_sanitize_needed(const uint8_t *s, size_t n, size_t from)
{
	if (from == 0 && starts_with_bom(s, n))
		return 1;
	size_t i = from;
	while (i < n) {
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			/* Any byte >= 0x80 or < 0x20 (TAB, LF included) or 0x7F stops it. */
			uint64_t hi = w & 0x8080808080808080ull;
			uint64_t lo = (w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull;
			uint64_t del = ((w ^ 0x7f7f7f7f7f7f7f7full) - 0x0101010101010101ull)
				       & ~(w ^ 0x7f7f7f7f7f7f7f7full) & 0x8080808080808080ull;
			if (hi | lo | del)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (plain_byte(s[i])) {
			i++;
			continue;
		}
		if (s[i] < 0x80)
			return 1;
		ucs4_t uc;
		int r = u8_mbtoucr(&uc, s + i, n - i);
		if (r < 0 || !doc_cp_is_safe(uc))
			return 1;
		i += (size_t)r;
	}
	return 0;
}

/* A run of one unsafe byte this long or longer (a sparse file's zeros, a
 * flash image's 0xFF) shows RUN_KEEP placeholders and an ellipsis, as one
 * replacement: 12 bytes of text however long the run, where each byte's
 * own placeholder made a 1 GiB file of zeros 3 GiB. */
#define RUN_MIN 5
#define RUN_KEEP 3
#define RUN_MORE 0x2026u        /* HORIZONTAL ELLIPSIS */

/* A byte that is one unsafe unit whatever follows it: a C0 control but TAB,
 * LF and CR, DEL, a continuation byte with no lead, and a byte no UTF-8
 * character starts with.  (A lead byte's unit depends on what follows:
 * repeated, its last copy may begin a valid character.) */
static int lone_unsafe(uint8_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F
	       || (c >= 0x80 && c <= 0xC1) || c >= 0xF5;
}

/* The placeholder of a lone unsafe byte. */
static uint32_t lone_placeholder(uint8_t c)
{
	return c < 0x20 ? 0x2400u + c : c == 0x7F ? 0x2421u : DOC_PH_INVALID;
}

/* Second pass output: the sanitised text and its replacements. */
struct san {
	uint8_t *text;
	size_t len, cap;
	struct doc_repl *repl;
	size_t nrepl, rcap;
	int exact;                  /* one entry per replacement (or run of
	                               adjacent placeholders), as mapping needs;
	                               else spans (doc_private.h) */
	int open;                   /* may the next replacement join repl[nrepl-1]? */
};

/* Room is made for a slice's worst case before it is sanitised (see
 * sanitize_into), so these only copy: they run once a byte of binary
 * garbage. */
static inline void san_add(struct san *o, const uint8_t *p, size_t n)
{
	if (o->len + n + 1 > o->cap)
		o->text = xgrowarray(o->text, &o->cap, o->len + n + 1, 1);
	memcpy(o->text + o->len, p, n);
	o->len += n;
}

/* A placeholder (every one is in U+0800..U+FFFF, three bytes), or the LF
 * that stands for a CR. */
static inline void san_cp(struct san *o, uint32_t cp)
{
	if (cp < 0x80) {
		const uint8_t c = (uint8_t)cp;
		san_add(o, &c, 1);
		return;
	}
	const uint8_t u[3] = {
		(uint8_t)(0xE0 | cp >> 12), (uint8_t)(0x80 | (cp >> 6 & 0x3F)),
		(uint8_t)(0x80 | (cp & 0x3F)),
	};
	san_add(o, u, 3);
}

/* Record that text [off, o->len) stands for original bytes [orig,
 * orig+orig_len).  Exact: placeholders side by side merge into one entry
 * (binary garbage does not cost an entry a byte), line ends stay apart
 * (an LF maps to its own CR), and an offset inside an entry maps to its
 * start.  Spans: a replacement within DOC_SPAN_GAP clean bytes of the last
 * joins it while the span stays within DOC_SPAN_MAX original bytes; spans
 * never cross a slice (a run there was cut in two, and must be again when
 * the span is sanitised again). */
static inline void san_mark(struct san *o, size_t off, size_t orig, size_t orig_len,
		int mergeable)
{
	if (o->open && o->nrepl) {
		struct doc_repl *r = &o->repl[o->nrepl - 1];
		size_t r_end = r->orig + r->orig_len;
		int join = o->exact
			? mergeable && r->off + r->len == off && r_end == orig
			: orig - r_end <= DOC_SPAN_GAP && orig + orig_len - r->orig <= DOC_SPAN_MAX;
		if (join) {
			r->len = o->len - r->off;
			r->orig_len = orig + orig_len - r->orig;
			o->open = !o->exact || mergeable;
			return;
		}
	}
	o->repl = xgrowarray(o->repl, &o->rcap, o->nrepl + 1, sizeof *o->repl);
	o->repl[o->nrepl++] = (struct doc_repl){
		.off = off, .len = o->len - off, .orig = orig, .orig_len = orig_len,
	};
	o->open = !o->exact || mergeable;
}

/* Emit placeholder cp for original bytes [orig, orig+orig_len); 0 emits
 * nothing (a leading BOM or an emoji presentation mark, dropped). */
static inline void san_repl(struct san *o, uint32_t cp, size_t orig, size_t orig_len,
		int mergeable)
{
	size_t off = o->len;
	if (cp)
		san_cp(o, cp);
	san_mark(o, off, orig, orig_len, mergeable);
}

/* Append the sanitised form of s[from, n) to o; replacement offsets count
 * from s.  A BOM is dropped only at the very start (elsewhere it is an
 * unsafe character like any other).  from and n never split a character:
 * callers cut after an LF, or where a character starts (an overlong
 * line's cut). */
static void sanitize_into(struct san *o, const uint8_t *s, size_t from, size_t n)
{
	/* Room for the worst, 3 bytes of text a byte, taken at once: memory
	 * is only spent where it is written (a slice of zeros takes 12 bytes
	 * of it), and nothing is grown byte by byte.  Not by doubling: a large
	 * block is moved by mremap(), never copied, and doubling would ask
	 * for twice the address space a 1 GiB text needs. */
	size_t need = o->len + 3 * (n - from) + 1;
	if (need > o->cap) {
		o->cap = need + need / 8;
		o->text = xrealloc(o->text, o->cap);
	}
	o->open = 0;
	size_t i = from;
	if (from == 0 && starts_with_bom(s, n)) {
		san_repl(o, 0, 0, 3, 1);
		i = 3;
	}
	while (i < n) {
		uint8_t c = s[i];
		if (plain_byte(c)) {
			size_t j = i + 1;
			while (j < n && plain_byte(s[j]))
				j++;
			san_add(o, s + i, j - i);
			if (o->exact)
				o->open = 0;
			i = j;
		} else if (c == '\r') {
			size_t k = (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
			san_repl(o, '\n', i, k, 0);
			i += k;
		} else if (lone_unsafe(c)) {
			size_t j = i + 1;
			while (j < n && s[j] == c)
				j++;
			uint32_t ph = lone_placeholder(c);
			if (j - i >= RUN_MIN) {
				size_t off = o->len;
				for (int k = 0; k < RUN_KEEP; k++)
					san_cp(o, ph);
				san_cp(o, RUN_MORE);
				san_mark(o, off, i, j - i, 1);
				i = j;
			} else {
				san_repl(o, ph, i, 1, 1);
				i++;
			}
		} else {
			ucs4_t uc;
			int r = u8_mbtoucr(&uc, s + i, n - i);
			if (r < 0) {
				size_t k = maximal_subpart(s + i, n - i);
				san_repl(o, DOC_PH_INVALID, i, k, 1);
				i += k;
			} else if (!doc_cp_is_safe(uc)) {
				san_repl(o, doc_cp_is_presentation(uc) || doc_cp_is_invisible(uc) ? 0 : DOC_PH_OTHER, i,
					 (size_t)r, 1);
				i += (size_t)r;
			} else {
				san_add(o, s + i, (size_t)r);
				if (o->exact)
					o->open = 0;
				i += (size_t)r;
			}
		}
	}
	o->text = xgrowarray(o->text, &o->cap, o->len + 1, 1);
	o->text[o->len] = '\0';
}

char *doc_sanitize_str(const char *s, size_t n, size_t *out_len)
{
	const uint8_t *u = (const uint8_t *)s;
	if (!doc_sanitize_needed(u, n, 0)) {
		if (out_len)
			*out_len = n;
		return xstrndup(s, n);
	}
	struct san o = { .exact = 1 };
	sanitize_into(&o, u, 0, n);
	free(o.repl);
	if (out_len)
		*out_len = o.len;
	return (char *)o.text;
}

char *doc_sanitize_cstr(const char *s)
{
	return doc_sanitize_str(s, strlen(s), NULL);
}

char *doc_sanitize_name(const char *s)
{
	size_t n;
	char *t = doc_sanitize_str(s, strlen(s), &n);
	size_t extra = 0;
	for (size_t i = 0; i < n; i++)
		extra += t[i] == '\n' || t[i] == '\t';
	if (!extra)
		return t;
	/* The two controls a document keeps become pictures like the rest:
	 * each is 1 byte, its picture 3. */
	char *out = xmalloc(n + 2 * extra + 1), *w = out;
	for (size_t i = 0; i < n; i++) {
		if (t[i] == '\n' || t[i] == '\t') {
			uint8_t u[3];
			u8_uctomb(u, 0x2400u + (uint8_t)t[i], (int)sizeof u);
			memcpy(w, u, 3);
			w += 3;
		} else {
			*w++ = t[i];
		}
	}
	*w = '\0';
	free(t);
	return out;
}

/* The first unsafe byte after `ready`: from there on the text is a heap copy
 * whose first `ready` bytes are the same, so nothing computed on them moves;
 * the rest is sanitised slice by slice like the check.  No room is taken
 * for the whole file up front: a 10 GiB one would be refused by the
 * kernel's overcommit check on a small machine, and its zeros need 12
 * bytes a slice. */
void doc_sanitize_start(struct doc *d)
{
	struct san *o = xcalloc(1, sizeof *o);
	o->text = xgrowarray(o->text, &o->cap, d->ready + 1, 1);
	memcpy(o->text, d->orig, d->ready);
	o->len = d->ready;
	d->san = o;
}

void doc_sanitize_slice(struct doc *d, size_t to)
{
	struct san *o = d->san;
	sanitize_into(o, d->orig, d->orig_ready, to);     /* NUL-terminates */
	d->text_owned = o->text;
	d->text = o->text;
	d->len = o->len;
	d->repl = o->repl;
	d->nrepl = o->nrepl;
	d->ready = d->len;
	d->orig_ready = to;
	if (to >= d->orig_len) {
		/* Done: give back the growth's slack, and the table's. */
		o->text = xrealloc(o->text, o->len + 1);
		d->text_owned = o->text;
		d->text = o->text;
		if (o->nrepl)
			o->repl = xrealloc(o->repl, o->nrepl * sizeof *o->repl);
		d->repl = o->repl;
		free(d->san);           /* text and repl now belong to d */
		d->san = NULL;
	}
}

size_t doc_sanitize_exact(const uint8_t *s, size_t from, size_t n, uint8_t **text,
			  size_t *text_len, struct doc_repl **v)
{
	struct san o = { .exact = 1 };
	sanitize_into(&o, s, from, n);
	if (text)
		*text = o.text;
	else
		free(o.text);
	if (text_len)
		*text_len = o.len;
	*v = o.repl;
	return o.nrepl;
}

/* The exact entries of span r, by sanitising its original bytes again:
 * their text offsets count from r->off as 0.  Returns the count; *v is
 * malloc'd. */
static size_t span_exact(const struct doc *d, const struct doc_repl *r, struct doc_repl **v)
{
	return doc_sanitize_exact(d->orig, r->orig, r->orig + r->orig_len, NULL, NULL, v);
}

/* The span holding or last before text offset off (by_orig: original
 * offset), or NULL. */
static const struct doc_repl *span_at(const struct doc *d, size_t at, int by_orig)
{
	size_t lo = 0, hi = d->nrepl;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((by_orig ? d->repl[mid].orig : d->repl[mid].off) <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? &d->repl[lo - 1] : NULL;
}

size_t doc_orig_off(const struct doc *d, size_t off)
{
	if (off >= d->len)
		return d->orig_ready;   /* orig_len once complete */
	const struct doc_repl *r = span_at(d, off, 0);
	if (!r)
		return off;
	if (off >= r->off + r->len)
		return r->orig + r->orig_len + (off - r->off - r->len);
	if (r->orig_len > DOC_SPAN_MAX)
		return r->orig;         /* one run: all of it maps to its start */
	struct doc_repl *v;
	size_t n = span_exact(d, r, &v), rel = off - r->off, o = r->orig + rel;
	for (size_t k = n; k-- > 0;) {
		if (v[k].off > rel)
			continue;
		o = rel < v[k].off + v[k].len ? v[k].orig
		    : v[k].orig + v[k].orig_len + (rel - v[k].off - v[k].len);
		break;
	}
	free(v);
	/* The file may have changed since (a rewrite in place): never out of
	 * the span. */
	return o < r->orig ? r->orig : o > r->orig + r->orig_len ? r->orig + r->orig_len : o;
}

size_t doc_sanitize_text_off(const struct doc *d, size_t orig)
{
	if (orig >= d->orig_len)
		return d->len;
	const struct doc_repl *r = span_at(d, orig, 1);
	if (!r)
		return orig;
	if (orig >= r->orig + r->orig_len)
		return r->off + r->len + (orig - r->orig - r->orig_len);
	if (r->orig_len > DOC_SPAN_MAX)
		return r->off;
	struct doc_repl *v;
	size_t n = span_exact(d, r, &v), t = r->off + (orig - r->orig);
	for (size_t k = n; k-- > 0;) {
		if (v[k].orig > orig)
			continue;
		t = orig < v[k].orig + v[k].orig_len ? v[k].off
		    : v[k].off + v[k].len + (orig - v[k].orig - v[k].orig_len);
		t += r->off;
		break;
	}
	free(v);
	return t < r->off ? r->off : t > r->off + r->len ? r->off + r->len : t;
}
