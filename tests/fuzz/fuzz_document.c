/* libFuzzer target: doc_load_mem on arbitrary bytes.
 * Invariants: the sanitised text is valid UTF-8 with no C0 (but TAB, LF), no
 * DEL and only doc_cp_is_safe code points; doc_orig_off is monotonic over
 * 0..len and maps len to orig_len; bytes outside replacements are the
 * original bytes, and inside spans every offset maps as the exact
 * replacements of its line sanitised alone say; every line starts at 0,
 * after an LF or at a cut of an overlong line (DOC_LINE_MAX, made small
 * for this target by run.sh) and none is missed; sanitising is a fixed
 * point and, with no cut, doc_sanitize_str agrees. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "brief/document.h"
#include "../../src/doc_private.h"   /* DOC_LINE_MAX, the exact replacements */
#include "fuzz.h"

static void check_text(const struct doc *d)
{
	FUZZ_CHECK(d->text != NULL, "text is NULL");
	FUZZ_CHECK(d->text[d->len] == '\0', "text[len] is 0x%02x", d->text[d->len]);
	FUZZ_CHECK(u8_check(d->text, d->len) == NULL, "invalid UTF-8 at offset %zu",
		   (size_t)(u8_check(d->text, d->len) - d->text));
	for (size_t i = 0; i < d->len; i++) {
		uint8_t c = d->text[i];
		FUZZ_CHECK(c >= 0x20 || c == '\t' || c == '\n', "control byte 0x%02x at %zu", c, i);
		FUZZ_CHECK(c != 0x7f, "DEL at %zu", i);
	}
	for (size_t i = 0; i < d->len;) {
		ucs4_t uc;
		int r = u8_mbtoucr(&uc, d->text + i, d->len - i);
		FUZZ_CHECK(r > 0, "cannot decode at %zu", i);
		FUZZ_CHECK(doc_cp_is_safe(uc), "unsafe code point U+%04X at %zu", (unsigned)uc, i);
		i += (size_t)r;
	}
}

/* Where, as read, the line starting at text offset t starts: at a cut,
 * where the document cut it; else the first original offset that stands
 * at or after t (a dropped mark or BOM there included). */
static size_t orig_at(const struct doc *d, size_t t)
{
	size_t i = doc_line_at(d, t);
	if (t < d->len && doc_line_start(d, i) == t && doc_lines_cut_orig(d, i) != SIZE_MAX)
		return doc_lines_cut_orig(d, i);  /* a cut: the document knows where */
	size_t lo = 0, hi = d->orig_len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc_sanitize_text_off(d, mid) < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The offset of text offset off by the exact entries v[0, n) of a piece of
 * the text that starts at text offset t0 and original offset o0. */
static size_t exact_orig(const struct doc_repl *v, size_t n, size_t t0, size_t o0, size_t off)
{
	size_t rel = off - t0;
	for (size_t k = n; k-- > 0;) {
		if (v[k].off > rel)
			continue;
		if (rel < v[k].off + v[k].len)
			return v[k].orig;
		return v[k].orig + v[k].orig_len + (rel - v[k].off - v[k].len);
	}
	return o0 + rel;
}

static void check_offsets(const struct doc *d)
{
	size_t prev = 0;
	for (size_t off = 0; off <= d->len; off++) {
		size_t o = doc_orig_off(d, off);
		FUZZ_CHECK(o <= d->orig_len, "doc_orig_off(%zu) = %zu > orig_len %zu", off, o, d->orig_len);
		FUZZ_CHECK(o >= prev, "doc_orig_off not monotonic: (%zu) = %zu after %zu", off, o, prev);
		prev = o;
	}
	FUZZ_CHECK(doc_orig_off(d, d->len) == d->orig_len, "doc_orig_off(len) = %zu, orig_len %zu",
		   doc_orig_off(d, d->len), d->orig_len);

	/* Spans: sorted, disjoint, inside both texts; everything between them
	 * is the original byte for byte, and maps one to one. */
	size_t off = 0, orig = 0;
	for (size_t k = 0; k <= d->nrepl; k++) {
		size_t roff = k < d->nrepl ? d->repl[k].off : d->len;
		size_t rorig = k < d->nrepl ? d->repl[k].orig : d->orig_len;
		FUZZ_CHECK(roff >= off && rorig >= orig, "span %zu out of order", k);
		FUZZ_CHECK(roff - off == rorig - orig,
			   "unchanged stretch before span %zu: %zu text bytes for %zu original",
			   k, roff - off, rorig - orig);
		FUZZ_CHECK(roff <= d->len && rorig <= d->orig_len, "span %zu out of bounds", k);
		FUZZ_CHECK(memcmp(d->text + off, d->orig + orig, roff - off) == 0,
			   "unchanged stretch [%zu, %zu) differs from the original", off, roff);
		for (size_t i = off; i < roff; i++)
			FUZZ_CHECK(doc_orig_off(d, i) == orig + (i - off),
				   "doc_orig_off(%zu) = %zu, expected %zu", i, doc_orig_off(d, i), orig + (i - off));
		if (k == d->nrepl)
			break;
		const struct doc_repl *r = &d->repl[k];
		FUZZ_CHECK(r->off + r->len <= d->len && r->orig + r->orig_len <= d->orig_len,
			   "span %zu out of bounds", k);
		FUZZ_CHECK(r->len || r->orig_len, "empty span %zu", k);
		for (size_t i = r->off; i < r->off + r->len; i++) {
			size_t o = doc_orig_off(d, i);
			FUZZ_CHECK(o >= r->orig && o < r->orig + r->orig_len,
				   "doc_orig_off(%zu) = %zu outside span %zu", i, o, k);
		}
		off = r->off + r->len;
		orig = r->orig + r->orig_len;
	}
	FUZZ_CHECK(d->nrepl == 0 || d->text != d->orig, "replacements on a borrowed text");

	/* Against the exact replacements of each line sanitised alone (no
	 * replacement, run or merge crosses a line end or a cut): the same
	 * text, and every offset maps as the exact table says, both ways. */
	for (size_t i = 0; i < d->nlines; i++) {
		size_t ts = doc_line_start(d, i), te = i + 1 < d->nlines ? doc_line_start(d, i + 1) : d->len;
		/* Where the line starts and ends as read (orig_at: a BOM or a
		 * mark dropped at its start is its own, though doc_orig_off()
		 * maps past it). */
		size_t os = orig_at(d, ts);
		size_t oe = i + 1 < d->nlines ? orig_at(d, te) : d->orig_len;
		uint8_t *t;
		size_t tn;
		struct doc_repl *v;
		size_t n = doc_sanitize_exact(d->orig, os, oe, &t, &tn, &v);
		FUZZ_CHECK(tn == te - ts && memcmp(t, d->text + ts, tn) == 0,
			   "line %zu sanitised alone differs ([%zu, %zu) of the original)", i, os, oe);
		for (size_t o = ts; o < te; o++) {
			size_t want = exact_orig(v, n, ts, os, o);
			FUZZ_CHECK(doc_orig_off(d, o) == want, "doc_orig_off(%zu) = %zu, exact %zu", o,
				   doc_orig_off(d, o), want);
		}
		for (size_t k = 0; k < n; k++)
			for (size_t o = v[k].orig; o < v[k].orig + v[k].orig_len; o++)
				FUZZ_CHECK(doc_sanitize_text_off(d, o) == ts + v[k].off,
					   "doc_sanitize_text_off(%zu) = %zu, exact %zu", o,
					   doc_sanitize_text_off(d, o), ts + v[k].off);
		free(t);
		free(v);
	}
}

static void check_lines(const struct doc *d)
{
	size_t lf = 0;
	for (size_t i = 0; i < d->len; i++)
		lf += d->text[i] == '\n';
	size_t want = lf + (d->len && d->text[d->len - 1] != '\n'), cuts = 0;
	for (size_t i = 0; i < d->nlines; i++) {
		size_t s = doc_line_start(d, i);
		FUZZ_CHECK(s < d->len, "line %zu starts at %zu >= len %zu", i, s, d->len);
		FUZZ_CHECK(i == 0 || s > doc_line_start(d, i - 1), "line %zu not after line %zu", i, i - 1);
		size_t e = doc_line_end(d, i);
		FUZZ_CHECK(e >= s && e <= d->len, "doc_line_end(%zu) = %zu", i, e);
		FUZZ_CHECK(memchr(d->text + s, '\n', e - s) == NULL, "LF inside line %zu", i);
		/* A line ends at an LF, at the end, or at a cut of an overlong
		 * line, which is as long as the limit allows as read. */
		int cut = i + 1 < d->nlines && doc_line_start(d, i + 1) == e;
		FUZZ_CHECK(cut || e == d->len || d->text[e] == '\n',
			   "line %zu ends at %zu, not at an LF or a cut", i, e);
		if (cut) {
			cuts++;
			/* As read: a mark dropped where a line starts is its
			 * line's, though doc_orig_off() maps past it. */
			size_t olen = orig_at(d, e) - orig_at(d, s);
			FUZZ_CHECK(olen + 3 >= DOC_LINE_MAX && olen <= DOC_LINE_MAX,
				   "line %zu cut after %zu bytes as read (limit %zu)", i, olen,
				   (size_t)DOC_LINE_MAX);
		}
		FUZZ_CHECK(doc_line_at(d, s) == i && (cut || doc_line_at(d, e) == i),
			   "doc_line_at disagrees for line %zu", i);
	}
	FUZZ_CHECK(d->nlines == want + cuts, "nlines %zu, expected %zu (%zu LF, %zu cuts, len %zu)",
		   d->nlines, want + cuts, lf, cuts, d->len);
	/* Lines looked up out of order agree with those looked up in order. */
	for (size_t i = d->nlines; i-- > 0;)
		FUZZ_CHECK(doc_line_start(d, i) == doc_line_start(d, i), "doc_line_start(%zu) unstable", i);
	/* Skipping runs of blank lines agrees with a walk from line to line:
	 * from the end backwards, then forwards from every line. */
	size_t last = SIZE_MAX;
	for (size_t i = 0; i < d->nlines; i++) {
		if (!doc_line_blank(d, i))
			last = i;
		FUZZ_CHECK(doc_prev_nonblank(d, i) == last, "doc_prev_nonblank(%zu) = %zu, want %zu", i,
			   doc_prev_nonblank(d, i), last);
	}
	size_t next = d->nlines;
	for (size_t i = d->nlines; i-- > 0;) {
		if (!doc_line_blank(d, i))
			next = i;
		FUZZ_CHECK(doc_next_nonblank(d, i) == next, "doc_next_nonblank(%zu) = %zu, want %zu", i,
			   doc_next_nonblank(d, i), next);
	}
	/* A few original offsets: 1-based line and column, in range. */
	for (size_t o = 0; o <= d->orig_len; o += d->orig_len / 7 + 1) {
		size_t line = 0, col = 0;
		doc_orig_linecol(d, o, &line, &col);
		FUZZ_CHECK(line >= 1 && col >= 1 && line <= d->nlines + 1, "doc_orig_linecol(%zu) = %zu:%zu", o, line, col);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *bytes = fuzz_copy_nul(data, size);
	struct doc d;
	FUZZ_CHECK(doc_load_mem(&d, "fuzz", bytes, size) == 0, "doc_load_mem failed");
	FUZZ_CHECK(d.orig_len == size, "orig_len %zu, size %zu", d.orig_len, size);
	check_text(&d);
	check_offsets(&d);
	check_lines(&d);

	/* doc_sanitize_str is the same sanitiser, where no line was cut (a run
	 * or a sequence across a cut is two). */
	size_t lf = 0;
	for (size_t i = 0; i < d.len; i++)
		lf += d.text[i] == '\n';
	if (d.nlines == lf + (d.len && d.text[d.len - 1] != '\n')) {
		size_t slen = 0;
		char *s = doc_sanitize_str((const char *)data, size, &slen);
		FUZZ_CHECK(slen == d.len && memcmp(s, d.text, slen) == 0 && s[slen] == '\0',
			   "doc_sanitize_str differs from doc_load_mem (%zu vs %zu bytes)", slen, d.len);
		free(s);
	}

	/* Sanitised text is a fixed point: loading it again changes nothing. */
	struct doc d2;
	doc_load_mem(&d2, "again", d.text, d.len);
	FUZZ_CHECK((d2.text == d.text || d.len == 0) && d2.nrepl == 0 && d2.len == d.len, "sanitised text is not a fixed point");
	/* Its lines are the same, but for cuts: placeholders are longer than
	 * what they stand for, so the text may be cut where the bytes were not. */
	FUZZ_CHECK(d2.nlines >= lf + (d.len && d.text[d.len - 1] != '\n'), "lines lost on reload");
	doc_free(&d2);

	doc_free(&d);
	free(bytes);
	return 0;
}
