/* libFuzzer target: sentence boundaries.  The first byte chooses the flags;
 * the rest, sanitised by doc_load_mem into valid UTF-8, is the text.
 * Invariants: breaks fall on grapheme cluster boundaries (so never inside a
 * code point) and never at 0; sent_span() at every offset returns a span
 * inside the text, on code point boundaries, no wider than SENT_REACH either
 * side of the offset, beginning and ending off white space, with no break
 * inside it when its paragraph is within reach; with SENT_NEWS, a break
 * after every full stop sent_glued_stop() names. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>

#include "brief/document.h"
#include "brief/sentence.h"
#include "fuzz.h"

static int is_ws(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned flags = data[0] & (SENT_NEWS | SENT_SOFT_LF);
	uint8_t *copy = fuzz_copy_nul(data + 1, size - 1);
	struct doc d;
	doc_load_mem(&d, "fuzz", copy, size - 1);
	const uint8_t *t = d.text;
	size_t n = d.len;

	char *p = malloc(n ? n : 1), *gb = malloc(n ? n : 1);
	if (!p || !gb)
		abort();
	sent_breaks(t, n, flags, p);
	u8_grapheme_breaks(t, n, gb);
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(p[i] == 0 || p[i] == 1, "p[%zu] = %d", i, p[i]);
		if (p[i])
			FUZZ_CHECK(i > 0 && gb[i], "a break at %zu inside a grapheme cluster", i);
	}
	/* A full stop whose space was lost ends a news sentence. */
	for (size_t i = 0; (flags & SENT_NEWS) && i < n; i++)
		if (t[i] == '.' && sent_glued_stop(t, n, i))
			FUZZ_CHECK(p[i + 1], "no break after the glued full stop at %zu", i);
	for (size_t off = 0; off <= n; off += 1 + off / 8) {
		size_t s, e;
		sent_span(t, n, off, flags, &s, &e);
		FUZZ_CHECK(s <= e && e <= n, "span [%zu, %zu) of %zu", s, e, n);
		FUZZ_CHECK(off < s ? s - off <= SENT_REACH : off - s <= SENT_REACH,
			   "start %zu too far from %zu", s, off);
		FUZZ_CHECK(e <= off || e - off <= SENT_REACH, "end %zu too far from %zu", e, off);
		FUZZ_CHECK(s == n || (t[s] & 0xC0) != 0x80, "start %zu inside a character", s);
		FUZZ_CHECK(e == n || (t[e] & 0xC0) != 0x80, "end %zu inside a character", e);
		if (e > s)
			FUZZ_CHECK(!is_ws(t[s]) && !is_ws(t[e - 1]), "span [%zu, %zu) has white ends", s, e);
		/* Within reach the paragraph is whole: no break inside.  (The
		 * rules never look across a paragraph separator, so the breaks of
		 * the whole text are those of the paragraph.) */
		if (n < SENT_REACH && !(flags & SENT_SOFT_LF))
			for (size_t i = s + 1; i < e; i++)
				FUZZ_CHECK(!p[i], "a break at %zu inside the span [%zu, %zu)", i, s, e);
	}
	free(p);
	free(gb);
	doc_free(&d);
	free(copy);
	return 0;
}
