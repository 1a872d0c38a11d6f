/* libFuzzer target: tokens.c over every line of a sanitised input.
 * Invariants: tokens are in order, disjoint, non-empty, inside their line,
 * never start with white space; sentence numbers never go down; a
 * possessive's base is shorter than its word; the line class is known; a
 * line where a sentence ends is prose. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/document.h"
#include "brief/tokens.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *bytes = fuzz_copy_nul(data, size);
	struct doc d;
	doc_load_mem(&d, "fuzz", bytes, size);
	struct tokens t;
	tokens_init(&t);
	for (size_t l = 0; l < d.nlines; l++) {
		size_t s = doc_line_start(&d, l), e = doc_line_end(&d, l);
		tokens_line(&t, d.text, s, e);
		FUZZ_CHECK(t.cls == LINE_TEXT || t.cls == LINE_HEADLINE || t.cls == LINE_ALLCAPS,
			   "line %zu class %d", l, (int)t.cls);
		FUZZ_CHECK(t.prose == 0 || t.prose == 1, "line %zu prose %d", l, t.prose);
		size_t prev_end = s;
		unsigned prev_sent = 0;
		for (size_t i = 0; i < t.n; i++) {
			const struct token *k = &t.v[i];
			FUZZ_CHECK(k->start < k->end && k->start >= prev_end && k->end <= e,
				   "line %zu token %zu [%zu, %zu) after %zu, line [%zu, %zu)", l, i,
				   k->start, k->end, prev_end, s, e);
			FUZZ_CHECK(d.text[k->start] != ' ' && d.text[k->start] != '\t',
				   "token %zu starts with white space", i);
			FUZZ_CHECK(k->sent >= prev_sent, "sentence number went down at token %zu", i);
			FUZZ_CHECK(k->shape <= TOK_PUNCT, "token %zu shape %d", i, k->shape);
			size_t base = tokens_base_len(&t, d.text, i);
			FUZZ_CHECK(base <= k->end - k->start, "token %zu base %zu of %zu", i, base,
				   k->end - k->start);
			FUZZ_CHECK(!(k->flags & TOKF_POSS) || base < k->end - k->start,
				   "possessive token %zu keeps its 's", i);
			FUZZ_CHECK(!(k->flags & TOKF_SENT_END) || t.prose,
				   "line %zu ends a sentence at token %zu but is no prose", l, i);
			prev_end = k->end;
			prev_sent = k->sent;
		}
	}
	tokens_free(&t);
	doc_free(&d);
	free(bytes);
	return 0;
}
