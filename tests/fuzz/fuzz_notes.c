/* libFuzzer target: the notes file's parser and writer (notes.c).  The
 * input is a notes file.  Invariants: the notes read are well formed (an id
 * that is not 0 and unique, anchor and text valid UTF-8, sanitised, within
 * their limits, on one line); writing the file back with a document's
 * notes replaced and reading it again gives those notes, and another
 * document's notes as they were; writing is idempotent; anchoring the
 * notes in the input itself (as if it were the article) places them on
 * text that matches, inside it. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "brief/document.h"
#include "brief/notes.h"
#include "fuzz.h"

static void check_well_formed(const struct notes *ns)
{
	for (size_t i = 0; i < ns->n; i++) {
		const struct note *n = &ns->v[i];
		FUZZ_CHECK(n->id != 0, "note %zu has id 0", i);
		for (size_t j = 0; j < i; j++)
			FUZZ_CHECK(ns->v[j].id != n->id, "two notes with id %llx", (unsigned long long)n->id);
		const char *s[2] = { n->anchor, n->text };
		size_t max[2] = { NOTES_ANCHOR_MAX, NOTES_TEXT_MAX };
		for (int k = 0; k < 2; k++) {
			size_t len = strlen(s[k]);
			FUZZ_CHECK(len <= max[k], "a string of %zu bytes", len);
			FUZZ_CHECK(!u8_check((const uint8_t *)s[k], len), "invalid UTF-8");
			FUZZ_CHECK(!strchr(s[k], '\n') && !strchr(s[k], '\t'), "a line end or tab kept");
			for (const uint8_t *p = (const uint8_t *)s[k]; p < (const uint8_t *)s[k] + len;) {
				ucs4_t cp;
				int l = u8_mbtouc(&cp, p, (size_t)((const uint8_t *)s[k] + len - p));
				FUZZ_CHECK(doc_cp_is_safe(cp), "unsafe U+%04X kept", (unsigned)cp);
				p += l;
			}
		}
	}
}

static void check_same(const struct notes *a, const struct notes *b, const char *what)
{
	FUZZ_CHECK(a->n == b->n, "%s: %zu notes, then %zu", what, a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		FUZZ_CHECK(a->v[i].id == b->v[i].id && a->v[i].hint == b->v[i].hint, "%s: note %zu", what, i);
		FUZZ_CHECK(!strcmp(a->v[i].anchor, b->v[i].anchor), "%s: anchor %zu", what, i);
		FUZZ_CHECK(!strcmp(a->v[i].text, b->v[i].text), "%s: text %zu", what, i);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_copy_exact(data, size);
	static const char *const docs[] = { "/a", "/b" };
	struct notes a = { 0 }, b = { 0 };
	char *w = NULL;
	int newer = notes_parse("fuzz", s, size, docs[0], &a, &w);
	free(w);
	notes_parse("fuzz", s, size, docs[1], &b, NULL);
	check_well_formed(&a);
	check_well_formed(&b);

	/* Written back with a's notes and one more made of the input. */
	struct note extra = { 0 };
	extra.id = 0x123456789abcdefULL;
	extra.hint = size;
	extra.anchor = notes_anchor_text(s, size);
	extra.text = notes_clean_text(s, size > 64 ? 64 : size);
	struct notes a2 = { 0 };
	for (size_t i = 0; i < a.n; i++)
		notes_put(&a2, &a.v[i]);
	notes_put(&a2, &extra);
	struct buf out = { 0 };
	notes_format_file(&out, s, size, docs[0], &a2);
	struct notes back = { 0 }, bback = { 0 };
	notes_parse("fuzz", out.data, out.len, docs[0], &back, NULL);
	notes_parse("fuzz", out.data, out.len, docs[1], &bback, NULL);
	check_well_formed(&back);
	if (!newer) {
		check_same(&a2, &back, "a after writing");
		check_same(&b, &bback, "b after writing a");
	}
	/* Again: the same bytes. */
	struct buf again = { 0 };
	notes_format_file(&again, out.data, out.len, docs[0], &back);
	FUZZ_CHECK(again.len == out.len && !memcmp(again.data, out.data, out.len),
		   "writing twice gives another file");

	/* The input as the article: every note found is on matching text. */
	uint8_t *copy = fuzz_copy_nul(data, size);
	struct doc d;
	doc_load_mem(&d, "fuzz", copy, size);
	notes_anchor(&back, d.text, d.len, 1);
	int found_seen = 0;
	for (size_t i = 0; i < back.n; i++) {
		const struct note *n = &back.v[i];
		FUZZ_CHECK(n->place != NOTE_UNPLACED, "unplaced in a complete text");
		if (n->place != NOTE_FOUND) {
			found_seen = 1;
			continue;
		}
		FUZZ_CHECK(!found_seen, "a found note after one not found");
		FUZZ_CHECK(n->start < n->end && n->end <= d.len, "span [%zu, %zu) of %zu", n->start,
			   n->end, d.len);
		FUZZ_CHECK(i == 0 || back.v[i - 1].start <= n->start, "found notes out of order");
		FUZZ_CHECK(d.text[n->start] == (uint8_t)n->anchor[0], "starts on other text");
	}
	doc_free(&d);
	free(copy);

	buf_free(&again);
	buf_free(&out);
	notes_free(&back);
	notes_free(&bback);
	notes_free(&a2);
	free(extra.anchor);
	free(extra.text);
	notes_free(&a);
	notes_free(&b);
	free(s);
	return 0;
}
