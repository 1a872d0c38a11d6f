/* libFuzzer target: a web page read into its article (html_page_read),
 * the same bytes as JSON-LD (html_ld_read), as gzip (html_gunzip) and
 * through detection.  The first byte picks how the rest is wrapped: as it
 * is, inside <html><body><article>, or after a <meta charset> of one of a
 * few charsets, so the fuzzer reaches the extractor and the converters
 * without finding the markup first.
 * Invariants: the text is valid UTF-8 with no C0 (but LF), no DEL and only
 * doc_cp_is_safe code points, '\0' at len, ending in LF when not empty;
 * loading it as a document changes nothing (it is sanitised already);
 * blocks are in order, inside the text, each ended by an LF, with only LFs
 * between them and none holding a blank line; header fields are valid
 * UTF-8; an article found has an element and a path. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "brief/document.h"
#include "brief/html.h"
#include "brief/html_tree.h"
#include "brief/util.h"
#include "fuzz.h"

static void check_page(const struct html_page *pg)
{
	FUZZ_CHECK(pg->text != NULL, "text is NULL");
	FUZZ_CHECK(pg->text[pg->len] == '\0', "text[len] is 0x%02x", (unsigned char)pg->text[pg->len]);
	const uint8_t *t = (const uint8_t *)pg->text;
	FUZZ_CHECK(u8_check(t, pg->len) == NULL, "invalid UTF-8 at %zu", (size_t)(u8_check(t, pg->len) - t));
	for (size_t i = 0; i < pg->len;) {
		ucs4_t uc;
		int r = u8_mbtoucr(&uc, t + i, pg->len - i);
		FUZZ_CHECK(r > 0, "cannot decode at %zu", i);
		FUZZ_CHECK(uc != '\t' && (uc == '\n' || doc_cp_is_safe(uc)), "U+%04X at %zu", (unsigned)uc, i);
		i += (size_t)r;
	}
	FUZZ_CHECK(pg->len == 0 || t[pg->len - 1] == '\n', "text does not end in LF");
	struct doc d;
	doc_load_mem(&d, "fuzz", t, pg->len);
	FUZZ_CHECK(d.text == d.orig && d.len == pg->len, "the document changed the text");
	doc_free(&d);
	size_t prev = 0;
	for (size_t i = 0; i < pg->nblocks; i++) {
		const struct html_block *b = &pg->blocks[i];
		FUZZ_CHECK(b->off < b->end && b->end < pg->len, "block %zu [%zu, %zu) of %zu", i, b->off,
			   b->end, pg->len);
		FUZZ_CHECK(b->kind < HTML_BLOCK_COUNT, "block %zu kind %u", i, b->kind);
		FUZZ_CHECK(t[b->end] == '\n', "block %zu not ended by LF", i);
		FUZZ_CHECK(!memmem(t + b->off, b->end - b->off, "\n\n", 2), "block %zu holds a blank line", i);
		for (size_t j = prev; j < b->off; j++)
			FUZZ_CHECK(t[j] == '\n', "byte 0x%02x between blocks at %zu", t[j], j);
		FUZZ_CHECK(html_block_at(pg, b->off) == b, "html_block_at(%zu) misses block %zu", b->off, i);
		prev = b->end;
	}
	FUZZ_CHECK(pg->len == (pg->nblocks ? prev + 1 : 0), "text past the last block");
	for (int k = 0; k < META_COUNT; k++) {
		if (!pg->meta[k])
			continue;
		FUZZ_CHECK(pg->meta_rule[k] != NULL, "field %d without a rule", k);
		FUZZ_CHECK(u8_check((const uint8_t *)pg->meta[k], strlen(pg->meta[k])) == NULL,
			   "field %d not UTF-8", k);
	}
	if (pg->article.found)
		FUZZ_CHECK(pg->article.element && pg->article.path, "article without element or path");
	FUZZ_CHECK(pg->article.rule && pg->article.why, "no rule or why");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	static const char *const prefix[] = {
		"", "<html><body><article>", "<meta charset=\"windows-1252\"><p>",
		"<meta charset=\"shift_jis\"><body>", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
		"<html><head><script type=\"application/ld+json\">",
	};
	const char *pre = prefix[data[0] % (sizeof prefix / sizeof prefix[0])];
	struct buf b = { 0 };
	buf_adds(&b, pre);
	buf_add(&b, data + 1, size - 1);
	struct html_page pg;
	html_page_read(&pg, (const uint8_t *)b.data, b.len);
	check_page(&pg);
	html_page_free(&pg);
	buf_free(&b);

	/* The same bytes, exactly (no NUL after them), to the other readers. */
	char *exact = fuzz_copy_exact(data + 1, size - 1);
	struct html_ld ld = { 0 };
	html_ld_read(&ld, exact, size - 1);
	html_ld_free(&ld);
	(void)html_looks_like_html((const uint8_t *)exact, size - 1);
	uint8_t *out;
	size_t n;
	const char *why;
	if (html_gunzip((const uint8_t *)exact, size - 1, 1 << 20, &out, &n, &why) == 0) {
		FUZZ_CHECK(n <= 1 << 20 && out[n] == '\0', "gunzip gave %zu bytes", n);
		free(out);
	}
	free(exact);
	return 0;
}
