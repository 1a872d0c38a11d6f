/* Unit tests for what the copy keys copy (excerpt.c): sentences and
 * paragraphs with their citation, cards, figures, comparison rows, on the
 * bundled commentary and on texts written here. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "brief/excerpt.h"
#include "brief/util.h"

static struct model bundled;

static int setup(void **state)
{
	(void)state;
	struct model_error err;
	if (model_open(&bundled, NULL, NULL, &err) != 0)
		return -1;
	model_scan_all(&bundled);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	model_free(&bundled);
	return 0;
}

/* A text of our own as a file's model, without annotations. */
static void open_text(struct model *m, const char *text, char *path, size_t pathsz)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(path, pathsz, "%s/brief-quote-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	size_t n = strlen(text);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
	struct model_error err;
	assert_int_equal(model_open(m, path, NULL, &err), 0);
	model_scan_all(m);
}

static size_t off_of(const struct model *m, const char *s)
{
	const char *p = strstr((const char *)m->doc.text, s);
	assert_non_null(p);
	return (size_t)(p - (const char *)m->doc.text);
}

static void test_sentence_plain(void **state)
{
	(void)state;
	struct excerpt_ctx q;
	excerpt_init(&q, &bundled, CITE_PLAIN, NULL);
	struct buf b = { 0 };
	struct excerpt_span sp;
	/* The example citation, with the line of the sentence. */
	assert_int_equal(excerpt_sentences(&q, off_of(&bundled, "Marco Rubio had"), 1, &b, &sp), 0);
	assert_string_equal(b.data,
			    "US Secretary of State Marco Rubio had called off his first visit to Japan "
			    "and South Korea in early July to \"focus on Middle East issues,\" Japanese "
			    "media outlet Nikkei Asia reported.\n"
			    "\u2014 Cai Liang, \"Commentary\", Global Times, line 12\n");
	assert_int_equal(sp.count, 1);
	assert_int_equal(sp.start, off_of(&bundled, "US Secretary of State Marco"));
	/* Anywhere in it gives the same sentence: its last byte too. */
	buf_reset(&b);
	size_t last = sp.end - 1;
	struct excerpt_span sp2;
	assert_int_equal(excerpt_sentences(&q, last, 1, &b, &sp2), 0);
	assert_int_equal(sp2.start, sp.start);
	assert_int_equal(sp2.end, sp.end);
	buf_free(&b);
	excerpt_free(&q);
}

static void test_sentence_count(void **state)
{
	(void)state;
	struct excerpt_ctx q;
	excerpt_init(&q, &bundled, CITE_PLAIN, "article.txt");
	struct buf b = { 0 };
	struct excerpt_span sp;
	/* Three sentences from the first: the third starts the next paragraph,
	 * so the quotation holds the paragraph break as the article has it. */
	size_t at = off_of(&bundled, "In response, Seoul");
	assert_int_equal(excerpt_sentences(&q, at, 3, &b, &sp), 0);
	assert_int_equal(sp.count, 3);
	assert_non_null(strstr(b.data, "near future. Was Rubio's cancellation"));
	assert_non_null(strstr(b.data, "process?\n\nThe Donald Trump administration has consistently "
					"embraced a unilateralist \"America First\" policy.\n"));
	assert_non_null(strstr(b.data, "\u2014 Cai Liang, \"Commentary\", Global Times, article.txt, "
					"lines 12\u201315\n"));
	/* A count past the end stops at the last sentence. */
	buf_reset(&b);
	size_t end_at = off_of(&bundled, "While reliance on the US alliance");
	assert_int_equal(excerpt_sentences(&q, end_at, 9999, &b, &sp), 0);
	assert_true(sp.count > 1 && sp.count < 9999);
	assert_true(sp.end <= bundled.doc.ready);
	buf_free(&b);
	excerpt_free(&q);
}

static void test_paragraph(void **state)
{
	(void)state;
	struct excerpt_ctx q;
	excerpt_init(&q, &bundled, CITE_MARKDOWN, NULL);
	struct buf b = { 0 };
	struct excerpt_span sp;
	assert_int_equal(excerpt_paragraphs(&q, off_of(&bundled, "diplomatic hiccup"), 1, &b, &sp), 0);
	size_t ls = off_of(&bundled, "US Secretary of State Marco");
	assert_int_equal(sp.start, ls);
	assert_int_equal(bundled.doc.text[sp.end], '\n');
	assert_memory_equal(b.data, "> US Secretary of State Marco Rubio", 35);
	assert_non_null(strstr(b.data, "process?\n>\n> \u2014 Cai Liang, *Commentary*, Global Times, line 12\n"));
	/* On a blank line: the paragraph after it.  Two: the blank between. */
	buf_reset(&b);
	assert_int_equal(excerpt_paragraphs(&q, sp.end + 1, 2, &b, &sp), 0);
	assert_int_equal(sp.count, 2);
	assert_non_null(strstr(b.data, "\n>\n> Since early 2025"));
	buf_free(&b);
	excerpt_free(&q);
}

/* What the screen shows is what is copied: an ESC, a bidi override and a
 * C1 control in the file are their pictures in the quotation. */
static void test_controls_as_shown(void **state)
{
	(void)state;
	struct model m;
	char path[4096];
	open_text(&m, "First sentence here. Evil \x1b[31mred\x1b[0m and \xe2\x80\xae" "edoc\xe2\x80\xac "
		      "and \xc2\x9b" "2J here. Last one.\n", path, sizeof path);
	struct excerpt_ctx q;
	excerpt_init(&q, &m, CITE_PLAIN, path);
	struct buf b = { 0 };
	assert_int_equal(excerpt_sentences(&q, off_of(&m, "Evil"), 1, &b, NULL), 0);
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.data[i];
		/* No C0 but the line ends, no DEL, no C1 (U+0080-009F). */
		assert_true((c >= 0x20 && c != 0x7f) || c == '\n');
		assert_false(c == 0xc2 && i + 1 < b.len && (unsigned char)b.data[i + 1] < 0xa0);
	}
	assert_null(strstr(b.data, "\xe2\x80\xae"));
	assert_null(strstr(b.data, "\xc2\x9b"));
	assert_memory_equal(b.data, "Evil \xe2\x90\x9b[31mred\xe2\x90\x9b[0m and \xef\xbf\xbd" "edoc",
			    strlen("Evil \xe2\x90\x9b[31mred\xe2\x90\x9b[0m and \xef\xbf\xbd" "edoc"));
	buf_free(&b);
	excerpt_free(&q);
	model_free(&m);
	unlink(path);
}

/* A hard-wrapped text's line ends inside a sentence are its file's, not
 * the article's: the quotation has spaces there. */
static void test_hard_wrapped(void **state)
{
	(void)state;
	struct model m;
	char path[4096];
	open_text(&m,
		  "Brief is a reader for long commentary, and this paragraph is\n"
		  "wrapped by hand at about sixty columns, as plain text often is\n"
		  "when it comes from mail. Or from an old archive of articles.\n"
		  "\n"
		  "A second paragraph follows after a blank line, wrapped in the\n"
		  "same way as the first one was, so that no line is very long.\n",
		  path, sizeof path);
	struct excerpt_ctx q;
	excerpt_init(&q, &m, CITE_PLAIN, NULL);
	struct buf b = { 0 };
	assert_int_equal(excerpt_sentences(&q, off_of(&m, "sixty"), 1, &b, NULL), 0);
	assert_string_equal(b.data,
			    "Brief is a reader for long commentary, and this paragraph is wrapped by "
			    "hand at about sixty columns, as plain text often is when it comes from mail.\n"
			    "\u2014 lines 1\u20133\n");
	buf_reset(&b);
	struct excerpt_span sp;
	assert_int_equal(excerpt_paragraphs(&q, off_of(&m, "archive"), 1, &b, &sp), 0);
	assert_int_equal(sp.start, 0);
	assert_non_null(strstr(b.data, "from mail. Or from an old archive of articles.\n\u2014 lines 1\u20133\n"));
	size_t s, e;
	char *t = excerpt_sentence_text(&q, off_of(&m, "same way"), &s, &e);
	assert_string_equal(t, "A second paragraph follows after a blank line, wrapped in the same "
			       "way as the first one was, so that no line is very long.");
	free(t);
	buf_free(&b);
	excerpt_free(&q);
	model_free(&m);
	unlink(path);
}

static void test_nothing_there(void **state)
{
	(void)state;
	struct model m;
	char path[4096];
	open_text(&m, "Only text.\n\n\n", path, sizeof path);
	struct excerpt_ctx q;
	excerpt_init(&q, &m, CITE_PLAIN, NULL);
	struct buf b = { 0 };
	assert_int_equal(excerpt_sentences(&q, m.doc.len, 1, &b, NULL), -1);
	assert_int_equal(excerpt_paragraphs(&q, m.doc.len - 1, 1, &b, NULL), -1);
	assert_null(b.data);
	/* Before the trailing blank lines, the sentence. */
	assert_int_equal(excerpt_sentences(&q, 0, 5, &b, NULL), 0);
	assert_string_equal(b.data, "Only text.\n\u2014 line 1\n");
	buf_free(&b);
	excerpt_free(&q);
	model_free(&m);
	unlink(path);
	open_text(&m, "", path, sizeof path);
	excerpt_init(&q, &m, CITE_PLAIN, NULL);
	assert_int_equal(excerpt_sentences(&q, 0, 1, &b, NULL), -1);
	excerpt_free(&q);
	model_free(&m);
	unlink(path);
}

static void test_apa_sentence(void **state)
{
	(void)state;
	struct excerpt_ctx q;
	excerpt_init(&q, &bundled, CITE_APA, NULL);
	/* "Cai" is a family name written first: the lists know it. */
	assert_true(q.src.family_first);
	struct buf b = { 0 };
	assert_int_equal(excerpt_sentences(&q, off_of(&bundled, "Was Rubio's"), 1, &b, NULL), 0);
	assert_non_null(strstr(b.data, "\"de-Americanization\" process?\" (Cai, n.d., line 12)\n"
					"Cai, L. (n.d.). Commentary. Global Times.\n"));
	buf_free(&b);
	excerpt_free(&q);
}

static void test_entity_card(void **state)
{
	(void)state;
	long rubio = annot_find_entity(&bundled.annot, "rubio");
	assert_true(rubio >= 0);
	struct excerpt_ctx q;
	excerpt_init(&q, &bundled, CITE_PLAIN, NULL);
	struct buf b = { 0 };
	excerpt_entity(&q, (size_t)rubio, &b);
	char want[256];
	snprintf(want, sizeof want, "Marco Rubio (person): US Secretary of State; affiliation: US; "
		 "also \"Rubio\"; %zu mentions, line 12\n"
		 "\u2014 Cai Liang, \"Commentary\", Global Times\n",
		 bundled.mentions.count[rubio]);
	assert_string_equal(b.data, want);
	buf_free(&b);
	excerpt_free(&q);
}

static void test_figure(void **state)
{
	(void)state;
	/* Both "25 percent" figures: their sentences, each once, in order. */
	size_t fig[8], n = 0;
	for (size_t i = 0; i < bundled.figures.n && n < 8; i++) {
		const struct figure *f = &bundled.figures.v[i];
		if (f->end - f->start == 10 && !memcmp(bundled.doc.text + f->start, "25 percent", 10))
			fig[n++] = i;
	}
	assert_true(n >= 2);
	struct excerpt_ctx q;
	excerpt_init(&q, &bundled, CITE_PLAIN, NULL);
	struct buf b = { 0 };
	excerpt_figures(&q, fig, n, &b);
	char head[64];
	snprintf(head, sizeof head, "25%% (percent");
	assert_memory_equal(b.data, head, strlen(head));
	char occ[64];
	snprintf(occ, sizeof occ, "); %zu occurrences\n\"", n);
	assert_non_null(strstr(b.data, occ));
	size_t quotes = 0;
	for (const char *p = b.data; (p = strstr(p, "\" (line ")); p++)
		quotes++;
	assert_true(quotes >= 2);
	assert_non_null(strstr(b.data, ")\n\u2014 Cai Liang, \"Commentary\", Global Times\n"));
	buf_free(&b);
	excerpt_free(&q);
}

static void test_cmp_row(void **state)
{
	(void)state;
	assert_true(bundled.ncmps >= 1);
	struct excerpt_ctx q;
	excerpt_init(&q, &bundled, CITE_MARKDOWN, NULL);
	struct buf b = { 0 };
	excerpt_cmp_row(&q, 0, 0, &b);
	assert_string_equal(b.data,
			    "**Defense spending** (% of GDP), Japan: current \"less than 2 percent of GDP\" "
			    "(\\<2.0); demand by US \"3.5 percent of GDP\" (3.5); gap more than +1.5 pp, "
			    "more than \u00d71.75\n"
			    "\n"
			    "> It demands that Japan pay more for stationing US troops and reportedly asks "
			    "it to raise its defense spending from less than 2 percent of GDP to 3.5 "
			    "percent of GDP. (line 23)\n"
			    ">\n"
			    "> \u2014 Cai Liang, *Commentary*, Global Times\n");
	buf_free(&b);
	excerpt_free(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentence_plain),
		cmocka_unit_test(test_sentence_count),
		cmocka_unit_test(test_paragraph),
		cmocka_unit_test(test_controls_as_shown),
		cmocka_unit_test(test_hard_wrapped),
		cmocka_unit_test(test_nothing_there),
		cmocka_unit_test(test_apa_sentence),
		cmocka_unit_test(test_entity_card),
		cmocka_unit_test(test_figure),
		cmocka_unit_test(test_cmp_row),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
