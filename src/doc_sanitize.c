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

/* Second pass output: the sanitised text and its replacement list. */
struct san {
	uint8_t *text;
	size_t len, cap;
	struct doc_repl *repl;
	size_t nrepl, rcap;
	int last_mergeable;         /* may the next placeholder extend repl[nrepl-1]? */
};

static void san_add(struct san *o, const uint8_t *p, size_t n)
{
	xgrow((void **)&o->text, &o->cap, o->len + n + 1, 1);
	memcpy(o->text + o->len, p, n);
	o->len += n;
}

/* Emit a replacement of original bytes [orig, orig+orig_len).  Runs of
 * placeholders merge into one entry so binary garbage does not cost an entry
 * per byte; line ends stay separate so an LF maps to its own CR. */
static void san_repl(struct san *o, uint32_t cp, size_t orig, size_t orig_len,
		int mergeable)
{
	size_t off = o->len;
	if (cp) {                   /* 0: removal (a leading BOM) */
		uint8_t u[6];
		int k = u8_uctomb(u, cp, (int)sizeof u);
		san_add(o, u, (size_t)k);
	}
	if (mergeable && o->last_mergeable && o->nrepl) {
		struct doc_repl *r = &o->repl[o->nrepl - 1];
		if (r->off + r->len == off && r->orig + r->orig_len == orig) {
			r->len = o->len - r->off;
			r->orig_len += orig_len;
			return;
		}
	}
	xgrow((void **)&o->repl, &o->rcap, o->nrepl + 1, sizeof *o->repl);
	o->repl[o->nrepl++] = (struct doc_repl){
		.off = off, .len = o->len - off, .orig = orig, .orig_len = orig_len,
	};
	o->last_mergeable = mergeable;
}

/* Append the sanitised form of s[from, n) to o; replacement offsets count
 * from s.  A BOM is dropped only at the very start (elsewhere it is an
 * unsafe character like any other).  from and n never split a character:
 * callers cut after an LF. */
static void sanitize_into(struct san *o, const uint8_t *s, size_t from, size_t n)
{
	/* Output is usually about as long as the input; make room for that. */
	xgrow((void **)&o->text, &o->cap, o->len + (n - from) + 1, 1);
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
			o->last_mergeable = 0;
			i = j;
		} else if (c == '\r') {
			size_t k = (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
			san_repl(o, '\n', i, k, 0);
			i += k;
		} else if (c < 0x20) {
			san_repl(o, 0x2400u + c, i, 1, 1);
			i++;
		} else if (c == 0x7F) {
			san_repl(o, 0x2421u, i, 1, 1);
			i++;
		} else {
			ucs4_t uc;
			int r = u8_mbtoucr(&uc, s + i, n - i);
			if (r < 0) {
				size_t k = maximal_subpart(s + i, n - i);
				san_repl(o, DOC_PH_INVALID, i, k, 1);
				i += k;
			} else if (!doc_cp_is_safe(uc)) {
				san_repl(o, DOC_PH_OTHER, i, (size_t)r, 1);
				i += (size_t)r;
			} else {
				san_add(o, s + i, (size_t)r);
				o->last_mergeable = 0;
				i += (size_t)r;
			}
		}
	}
	xgrow((void **)&o->text, &o->cap, o->len + 1, 1);
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
	struct san o = { 0 };
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
 * the rest is sanitised slice by slice like the check. */
void doc_sanitize_start(struct doc *d)
{
	struct san *o = xcalloc(1, sizeof *o);
	/* Room for the whole file and a little growth: no copying as it fills. */
	xgrow((void **)&o->text, &o->cap, d->orig_len + d->orig_len / 16 + 16, 1);
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
		free(d->san);           /* text and repl now belong to d */
		d->san = NULL;
	}
}

size_t doc_orig_off(const struct doc *d, size_t off)
{
	if (off >= d->len)
		return d->orig_ready;   /* orig_len once complete */
	/* Last replacement starting at or before off. */
	size_t lo = 0, hi = d->nrepl;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->repl[mid].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return off;
	const struct doc_repl *r = &d->repl[lo - 1];
	if (off < r->off + r->len)
		return r->orig;
	return r->orig + r->orig_len + (off - r->off - r->len);
}

size_t doc_sanitize_text_off(const struct doc *d, size_t orig)
{
	if (orig >= d->orig_len)
		return d->len;
	size_t lo = 0, hi = d->nrepl;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->repl[mid].orig <= orig)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return orig;
	const struct doc_repl *r = &d->repl[lo - 1];
	if (orig < r->orig + r->orig_len)
		return r->off;
	return r->off + r->len + (orig - r->orig - r->orig_len);
}
