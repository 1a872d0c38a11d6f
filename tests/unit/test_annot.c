/* Unit tests for the annotation parser and quote resolver. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include <unistr.h>

#include "brief/annot.h"
#include "brief/document.h"
#include "brief/util.h"

/* ---- helpers ---- */

static char *read_asset(const char *file, size_t *len)
{
	const char *dir = getenv("BRIEF_ASSETS");
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "assets", file);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	struct buf b = { 0 };
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	/* buf_add keeps the data NUL terminated, as struct doc requires. */
	if (!b.data)
		buf_add(&b, "", 0);
	*len = b.len;
	return b.data;
}

static struct doc mem_doc(const char *name, const char *text)
{
	struct doc d;
	memset(&d, 0, sizeof d);
	d.name = (char *)(uintptr_t)name;
	d.text = (const uint8_t *)text;
	d.len = d.ready = strlen(text);     /* a complete document */
	return d;
}

static void parse_ok(struct annot *a, const char *text, size_t len)
{
	struct annot_error err;
	int rc = annot_parse(a, "t.brief", text, len, &err);
	if (rc != 0)
		fail_msg("unexpected error: %s", err.msg);
}

/* Parse n bytes, expect exactly this error, and that nothing is left over. */
static void expect_error_n(const char *text, size_t n, int line, int col, const char *msg)
{
	struct annot a;
	struct annot_error err;
	int rc = annot_parse(&a, "t.brief", text, n, &err);
	assert_int_equal(rc, BRIEF_EXIT_DATAERR);
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
	/* A failed parse leaves nothing behind, and freeing again is harmless. */
	assert_null(a.name);
	assert_null(a.entities);
	assert_int_equal(a.nentities, 0);
	annot_free(&a);
}

static void expect_error(const char *text, int line, int col, const char *msg)
{
	expect_error_n(text, strlen(text), line, col, msg);
}

/* Parse text, resolve it against doc, expect this error. */
static void expect_resolve_error(const char *text, const char *doc, int line, int col,
				 const char *msg)
{
	struct annot a;
	struct annot_error err;
	parse_ok(&a, text, strlen(text));
	struct doc d = mem_doc("doc.txt", doc);
	assert_int_equal(annot_resolve(&a, &d, &err), BRIEF_EXIT_DATAERR);
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
	annot_free(&a);
}

/* ---- the bundled annotations ---- */

static void test_commentary_parse(void **state)
{
	(void)state;
	size_t len;
	char *text = read_asset("commentary.brief", &len);
	struct annot a;
	parse_ok(&a, text, len);

	assert_string_equal(a.name, "t.brief");
	assert_null(a.meta[META_TITLE].text);
	assert_string_equal(a.meta[META_SECTION].text, "Commentary");
	assert_string_equal(a.meta[META_CREDIT].text, "Chen Xia/GT");
	assert_int_equal(a.meta[META_BYLINE].line, 8);
	assert_int_equal(a.meta[META_BYLINE].col, 8);
	assert_string_equal(a.body.text, "US Secretary of State Marco Rubio");
	assert_int_equal(a.body.len, strlen("US Secretary of State Marco Rubio"));
	assert_int_equal(a.nentities, 14);
	assert_int_equal(a.nnotes, 14);
	assert_int_equal(a.ncomparisons, 1);

	long r = annot_find_entity(&a, "rubio");
	assert_int_equal(r, 0);
	const struct entity *e = &a.entities[r];
	assert_string_equal(e->name, "Marco Rubio");
	assert_int_equal(e->kind, KIND_PERSON);
	assert_string_equal(e->description, "US Secretary of State");
	assert_int_equal(e->naliases, 1);
	assert_string_equal(e->aliases[0], "Rubio");
	assert_string_equal(e->affiliation, "us");
	assert_int_equal(e->line, 14);

	long us = annot_find_entity(&a, "us");
	assert_true(us > r);
	assert_int_equal(a.entities[us].kind, KIND_COUNTRY);
	assert_string_equal(a.entities[us].aliases[0], "Washington");
	long lee = annot_find_entity(&a, "lee");
	assert_true(lee >= 0);
	assert_int_equal(a.entities[lee].naliases, 0);
	assert_null(a.entities[lee].aliases);
	long ft = annot_find_entity(&a, "ft");
	assert_true(ft >= 0);
	assert_int_equal(a.entities[ft].kind, KIND_MEDIA);
	assert_null(a.entities[ft].affiliation);
	long me = annot_find_entity(&a, "middle-east");
	assert_int_equal(a.entities[me].kind, KIND_PLACE);
	assert_int_equal(a.entities[annot_find_entity(&a, "seoul-fm")].kind, KIND_ORGANIZATION);
	assert_int_equal(annot_find_entity(&a, "nobody"), -1);

	assert_string_equal(a.notes[1].q.text, "90-day freeze");
	assert_string_equal(a.notes[1].meaning, "Length of the pause on country-specific US tariffs");
	assert_int_equal(a.notes[1].q.line, 63);
	assert_int_equal(a.notes[1].q.col, 8);
	assert_int_equal(a.notes[1].q.start, 0);
	assert_int_equal(a.notes[1].q.end, 0);

	const struct comparison *c = &a.comparisons[0];
	assert_string_equal(c->id, "defense");
	assert_string_equal(c->title, "Defense spending");
	assert_string_equal(c->unit, "% of GDP");
	assert_string_equal(c->by, "us");
	assert_int_equal(c->line, 78);
	assert_int_equal(c->nrows, 2);
	assert_string_equal(c->rows[0].party, "japan");
	assert_string_equal(c->rows[0].current.text, "less than 2 percent of GDP");
	assert_string_equal(c->rows[0].demand.text, "3.5 percent of GDP");
	assert_int_equal(c->rows[0].line, 81);
	assert_int_equal(c->rows[0].current.line, 81);
	assert_int_equal(c->rows[0].current.col, 21);
	assert_string_equal(c->rows[1].party, "south-korea");
	assert_string_equal(c->rows[1].current.text, "current 2.3 percent level");
	assert_string_equal(c->rows[1].demand.text, "budget to 5 percent of GDP");
	assert_int_equal(c->nmeasures, 4);
	assert_int_equal(c->measures[0].nparties, 2);
	assert_string_equal(c->measures[0].parties[0], "japan");
	assert_string_equal(c->measures[0].parties[1], "south-korea");
	assert_string_equal(c->measures[0].label, "25% tax on goods from August 1");
	assert_string_equal(c->measures[0].q.text,
			    "a 25 percent tax on goods imported from Japan and South Korea");
	assert_int_equal(c->measures[1].nparties, 2);
	assert_int_equal(c->measures[2].nparties, 1);
	assert_string_equal(c->measures[2].parties[0], "japan");
	assert_int_equal(c->measures[3].line, 91);
	/* The hedges and the demander as the text says them (issue 19). */
	assert_int_equal(c->rows[0].nhedges, 1);
	assert_string_equal(c->rows[0].hedges[0].text, "reportedly");
	assert_null(c->rows[0].demander);
	assert_int_equal(c->rows[1].nhedges, 1);
	assert_string_equal(c->rows[1].hedges[0].text, "has been asked");
	assert_string_equal(c->rows[1].demander, "us");
	assert_true(c->rows[1].demander_inherited);
	assert_false(c->rows[1].demander_unknown);
	assert_false(c->rows[0].derived || c->rows[0].target || c->rows[1].derived);
	assert_int_equal(a.nquotations, 7);
	assert_string_equal(a.quotations[3].speaker, "ishiba");
	assert_string_equal(a.quotations[3].q.text, "high tariffs will not bring economic prosperity");

	annot_free(&a);
	assert_null(a.entities);
	free(text);
}

static void test_commentary_resolve(void **state)
{
	(void)state;
	size_t alen, tlen;
	char *atext = read_asset("commentary.brief", &alen);
	char *ttext = read_asset("commentary.txt", &tlen);
	struct doc d;
	memset(&d, 0, sizeof d);
	d.name = (char *)(uintptr_t)"commentary.txt";
	d.text = (const uint8_t *)ttext;
	d.len = d.ready = tlen;
	struct annot a;
	struct annot_error err;
	parse_ok(&a, atext, alen);
	int rc = annot_resolve(&a, &d, &err);
	if (rc)
		fail_msg("%s", err.msg);

	const char *body = memmem(ttext, tlen, a.body.text, a.body.len);
	assert_non_null(body);
	assert_int_equal(a.body.start, (size_t)(body - ttext));
	assert_int_equal(a.body.end, a.body.start + a.body.len);

	const struct quote *q = &a.comparisons[0].rows[0].current;
	const char *hit = memmem(ttext, tlen, q->text, q->len);
	assert_non_null(hit);
	assert_int_equal(q->start, (size_t)(hit - ttext));
	assert_int_equal(q->end, q->start + strlen("less than 2 percent of GDP"));
	assert_memory_equal(ttext + q->start, "less than 2 percent of GDP", q->len);

	/* Meta quotes come before the body and are still found. */
	const struct quote *sec = &a.meta[META_SECTION];
	assert_true(sec->end > 0);
	assert_true(sec->start < a.body.start);
	assert_memory_equal(ttext + sec->start, "Commentary", sec->len);
	assert_int_equal(a.meta[META_TITLE].end, 0);

	/* Every anchored quote lies at or after the body and spells its text. */
	for (size_t i = 0; i < a.nnotes; i++) {
		const struct quote *n = &a.notes[i].q;
		assert_true(n->start >= a.body.start);
		assert_int_equal(n->end - n->start, n->len);
		assert_memory_equal(ttext + n->start, n->text, n->len);
	}
	const struct measure *m = &a.comparisons[0].measures[3];
	assert_memory_equal(ttext + m->q.start, m->q.text, m->q.len);
	assert_true(m->q.end > m->q.start);

	annot_free(&a);
	free(atext);
	free(ttext);
}

/* ---- accepted forms ---- */

static void test_empty_file(void **state)
{
	(void)state;
	struct annot a;
	parse_ok(&a, "", 0);
	assert_string_equal(a.name, "t.brief");
	assert_int_equal(a.nentities + a.nnotes + a.ncomparisons, 0);
	assert_null(a.body.text);
	for (int i = 0; i < META_COUNT; i++)
		assert_null(a.meta[i].text);
	annot_free(&a);

	const char *blank = "\n   \n# only a comment\n\t# indented comment\n";
	parse_ok(&a, blank, strlen(blank));
	assert_int_equal(a.nentities + a.nnotes + a.ncomparisons, 0);
	annot_free(&a);

	/* An empty document resolves nothing and fails nothing. */
	struct doc d = mem_doc("empty", "");
	parse_ok(&a, "", 0);
	assert_int_equal(annot_resolve(&a, &d, NULL), 0);
	annot_free(&a);
}

static void test_crlf(void **state)
{
	(void)state;
	const char *text = "brief 1\r\ntitle \"A\"\r\n\r\nactor a person \"Ann\"\r\n"
		"  alias \"Annie\"  # nickname\r\n  affiliation b\r\nactor b country \"B\"\r\n";
	struct annot a;
	parse_ok(&a, text, strlen(text));
	assert_string_equal(a.meta[META_TITLE].text, "A");
	assert_int_equal(a.meta[META_TITLE].len, 1);
	assert_int_equal(a.nentities, 2);
	assert_string_equal(a.entities[0].aliases[0], "Annie");
	assert_string_equal(a.entities[0].affiliation, "b");
	assert_int_equal(a.entities[1].line, 7);
	annot_free(&a);

	/* A CR anywhere but before the LF is not a line end. */
	expect_error("title \"A\" \r x\n", 1, 11, "t.brief:1:11: unexpected control character 0x0d");
}

static void test_no_final_newline(void **state)
{
	(void)state;
	const char *text = "figure \"x\" \"the x\"\nactor a place \"A\"";
	struct annot a;
	parse_ok(&a, text, strlen(text));
	assert_int_equal(a.nentities, 1);
	assert_string_equal(a.entities[0].name, "A");
	assert_string_equal(a.notes[0].meaning, "the x");
	annot_free(&a);

	/* The same with CRLF and no final LF. */
	parse_ok(&a, "actor a place \"A\"\r", 18);
	assert_string_equal(a.entities[0].name, "A");
	annot_free(&a);

	/* An error on an unterminated last line is still located. */
	expect_error("actor a place \"A", 1, 15,
		     "t.brief:1:15: unterminated string (a string must end on its line)");
}

static void test_comments(void **state)
{
	(void)state;
	const char *text = "title \"a # b\" # the title\n"
		"actor a person \"A\"#no space needed\n"
		"  description \"d\"\t\t# tabs\n";
	struct annot a;
	parse_ok(&a, text, strlen(text));
	assert_string_equal(a.meta[META_TITLE].text, "a # b");
	assert_string_equal(a.entities[0].name, "A");
	assert_string_equal(a.entities[0].description, "d");
	annot_free(&a);
}

static void test_escapes(void **state)
{
	(void)state;
	const char *text = "title \"q\\\"b\\\\s\\nn\\tt\"\nbyline \"raw\ttab, é\"\n"
			   "actor x person \"x\\ty\\nz\"\n  description \"raw\ttab\"\n";
	struct annot a;
	parse_ok(&a, text, strlen(text));
	/* A quote is the document's bytes: \n and \t (and a raw TAB) are
	 * its LF and TAB, as the document keeps them. */
	assert_string_equal(a.meta[META_TITLE].text, "q\"b\\s\nn\tt");
	assert_int_equal(a.meta[META_TITLE].len, 9);
	assert_string_equal(a.meta[META_BYLINE].text, "raw\ttab, é");
	/* Any other string is one line of the screen: they read as spaces. */
	assert_string_equal(a.entities[0].name, "x y z");
	assert_string_equal(a.entities[0].description, "raw tab");
	annot_free(&a);
	/* What a document could not show becomes a placeholder in any string. */
	const char *evil = "actor x person \"B\xe2\x80\xaeob\xc2\x9b\"\n";
	parse_ok(&a, evil, strlen(evil));
	assert_string_equal(a.entities[0].name, "B\xef\xbf\xbdob\xef\xbf\xbd");
	annot_free(&a);
}

static void test_bom_and_version(void **state)
{
	(void)state;
	const char *text = "\xEF\xBB\xBF# header\n\nbrief 1\ndate \"today\"\n";
	struct annot a;
	parse_ok(&a, text, strlen(text));
	assert_string_equal(a.meta[META_DATE].text, "today");
	assert_int_equal(a.meta[META_DATE].line, 4);
	annot_free(&a);
}

static void test_forward_reference(void **state)
{
	(void)state;
	const char *text = "comparison c \"C\"\n  by b\n  unit \"u\"\n  measure a,b \"L\" \"q\"\n"
		"actor a person \"A\"\n  affiliation b\nactor b country \"B\"\n";
	struct annot a;
	parse_ok(&a, text, strlen(text));
	assert_string_equal(a.comparisons[0].by, "b");
	assert_null(a.comparisons[0].rows);
	assert_int_equal(a.comparisons[0].measures[0].nparties, 2);
	assert_string_equal(a.comparisons[0].measures[0].parties[1], "b");
	assert_int_equal(annot_find_entity(&a, "b"), 1);
	annot_free(&a);
}

static void test_names_and_free(void **state)
{
	(void)state;
	assert_string_equal(entity_kind_name(KIND_PERSON), "person");
	assert_string_equal(entity_kind_name(KIND_ORGANIZATION), "organization");
	assert_string_equal(entity_kind_name(KIND_PLACE), "place");
	assert_string_equal(meta_key_name(META_TITLE), "title");
	assert_string_equal(meta_key_name(META_CREDIT), "credit");
	assert_string_equal(meta_key_name(META_DATE), "date");
	assert_string_equal(entity_kind_name(KIND_COUNT), "?");
	assert_string_equal(meta_key_name(META_COUNT), "?");

	struct annot a;
	memset(&a, 0, sizeof a);
	annot_free(&a);
	annot_free(&a);
	assert_int_equal(annot_find_entity(&a, "x"), -1);
	assert_int_equal(annot_find_entity(NULL, "x"), -1);
}

/* ---- syntax errors ---- */

static void test_err_unknown_keyword(void **state)
{
	(void)state;
	expect_error("actor us country \"US\"\n  nickname \"x\"\n", 2, 3,
		     "t.brief:2:3: unknown keyword 'nickname' (expected title, section, byline, "
		     "source, credit, date, body, actor, description, alias, affiliation, "
		     "figure, comparison, ignore, quotation)");
	expect_error("Title \"x\"\n", 1, 1,
		     "t.brief:1:1: unknown keyword 'Title' (expected brief, title, section, "
		     "byline, source, credit, date, body, actor, figure, comparison, ignore, quotation)");
	expect_error("  \"title\"\n", 1, 3, "t.brief:1:3: expected a keyword, got a quoted string");
}

static void test_err_unknown_kind(void **state)
{
	(void)state;
	expect_error("actor us nation \"US\"\n", 1, 10,
		     "t.brief:1:10: unknown kind 'nation' (expected person, country, "
		     "organization, media or place)");
}

static void test_err_missing_argument(void **state)
{
	(void)state;
	expect_error("actor us country \"US\"\n  alias\n", 2, 8,
		     "t.brief:2:8: expected a quoted string after 'alias'");
	expect_error("figure \"x\"   # no meaning\n", 1, 11,
		     "t.brief:1:11: expected a quoted string after 'figure \"x\"'");
	expect_error("actor us\n", 1, 9,
		     "t.brief:1:9: expected a kind (person, country, organization, media, place) "
		     "after 'actor us'");
	expect_error("brief\n", 1, 6, "t.brief:1:6: expected a version number after 'brief'");
}

static void test_err_word_for_string(void **state)
{
	(void)state;
	expect_error("actor us country US\n", 1, 18,
		     "t.brief:1:18: expected a quoted string after 'actor us country', got bare word 'US'");
}

static void test_err_string_for_word(void **state)
{
	(void)state;
	expect_error("actor \"us\" country \"US\"\n", 1, 7,
		     "t.brief:1:7: expected an id after 'actor', got a quoted string");
	expect_error("actor a person \"A\"\n  affiliation \"b\"\n", 2, 15,
		     "t.brief:2:15: expected an actor id after 'affiliation', got a quoted string");
	expect_error("actor a person \"A\"\ncomparison c \"C\"\n  row a current \"1\" \"2\"\n", 3, 21,
		     "t.brief:3:21: expected 'demand' or 'target' after 'row a current \"1\"', got a quoted string");
	expect_error("actor a person \"A\"\ncomparison c \"C\"\n  row a now \"1\"\n", 3, 9,
		     "t.brief:3:9: expected 'current' or 'derived' after 'row a', got 'now'");
}

static void test_err_extra_tokens(void **state)
{
	(void)state;
	expect_error("body \"a\" \"b\"\n", 1, 10, "t.brief:1:10: extra argument to 'body' (it takes 1)");
	expect_error("actor a person \"A\" extra\n", 1, 20,
		     "t.brief:1:20: extra argument to 'actor' (it takes 3)");
}

static void test_err_unterminated(void **state)
{
	(void)state;
	expect_error("title \"abc\n\"\n", 1, 7,
		     "t.brief:1:7: unterminated string (a string must end on its line)");
	/* An escaped quote does not end the string. */
	expect_error("title \"abc\\\"\n", 1, 7,
		     "t.brief:1:7: unterminated string (a string must end on its line)");
	expect_error("title \"abc\\", 1, 7,
		     "t.brief:1:7: unterminated string (a string must end on its line)");
}

static void test_err_bad_escape(void **state)
{
	(void)state;
	expect_error("title \"a\\x\"\n", 1, 9,
		     "t.brief:1:9: bad escape '\\x' (use \\\" \\\\ \\n or \\t)");
	expect_error("title \"é\\é\"\n", 1, 9, "t.brief:1:9: bad escape (use \\\" \\\\ \\n or \\t)");
}

static void test_err_control_character(void **state)
{
	(void)state;
	expect_error("title \"a\001b\"\n", 1, 9,
		     "t.brief:1:9: control character 0x01 in string (write \\n or \\t)");
	expect_error("title \"ab\177\"\n", 1, 10,
		     "t.brief:1:10: control character 0x7f in string (write \\n or \\t)");
	expect_error_n("title \"a\0\"\n", 11, 1, 9,
		       "t.brief:1:9: control character 0x00 in string (write \\n or \\t)");
	expect_error("title x\f\n", 1, 8, "t.brief:1:8: unexpected control character 0x0c");
	expect_error("title 'x'\n", 1, 7, "t.brief:1:7: unexpected character '''");
	expect_error("title “x”\n", 1, 7, "t.brief:1:7: unexpected character U+201C");
}

static void test_err_invalid_utf8(void **state)
{
	(void)state;
	/* Columns count characters: é is two bytes but one column. */
	expect_error("title \"é\xff\"\n", 1, 9, "t.brief:1:9: invalid UTF-8 (byte 0xff)");
	/* Comments are checked too; a truncated sequence is reported at its start. */
	expect_error("# fine\n# caf\xc3\n", 2, 6, "t.brief:2:6: invalid UTF-8 (byte 0xc3)");
	/* Encoded surrogates are not UTF-8. */
	expect_error("x \"\xed\xa0\x80\"\n", 1, 4, "t.brief:1:4: invalid UTF-8 (byte 0xed)");
}

static void test_err_bad_id(void **state)
{
	(void)state;
	const char *why = "(an id is lowercase letters, digits, '_' and '-', starting with a letter or digit)";
	char msg[256];
	snprintf(msg, sizeof msg, "t.brief:1:7: bad id 'US' %s", why);
	expect_error("actor US country \"US\"\n", 1, 7, msg);
	snprintf(msg, sizeof msg, "t.brief:1:12: bad id '-x' %s", why);
	expect_error("comparison -x \"C\"\n", 1, 12, msg);
	snprintf(msg, sizeof msg, "t.brief:2:6: bad id 'u.s' %s", why);
	expect_error("comparison c \"C\"\n  by u.s\n", 2, 6, msg);
	/* In a list, the column is the member's. */
	snprintf(msg, sizeof msg, "t.brief:2:13: bad id 'B' %s", why);
	expect_error("comparison c \"C\"\n  measure a,B \"L\" \"q\"\n", 2, 13, msg);
	expect_error("comparison c \"C\"\n  measure a,,b \"L\" \"q\"\n", 2, 13,
		     "t.brief:2:13: empty actor id in list");
	expect_error("comparison c \"C\"\n  measure a, \"L\" \"q\"\n", 2, 13,
		     "t.brief:2:13: empty actor id in list");
	expect_error("comparison c \"C\"\n  measure b,a,b \"L\" \"q\"\n", 2, 15,
		     "t.brief:2:15: 'b' listed twice");
}

static void test_err_empty_quote(void **state)
{
	(void)state;
	expect_error("figure \"\" \"m\"\n", 1, 8,
		     "t.brief:1:8: empty quote \"\" (quote some text of the document)");
	expect_error("actor a person \"\"\n", 1, 16, "t.brief:1:16: empty string \"\"");
}

static void test_err_version(void **state)
{
	(void)state;
	expect_error("brief 2\n", 1, 7, "t.brief:1:7: unsupported format version '2' (only 1 is known)");
	expect_error("brief 1.0\n", 1, 7,
		     "t.brief:1:7: unsupported format version '1.0' (only 1 is known)");
	expect_error("title \"x\"\nbrief 1\n", 2, 1, "t.brief:2:1: 'brief' must be the first statement");
	expect_error("brief 1\nbrief 1\n", 2, 1, "t.brief:2:1: 'brief' must be the first statement");
}

static void test_err_outside_block(void **state)
{
	(void)state;
	expect_error("alias \"x\"\n", 1, 1, "t.brief:1:1: 'alias' outside an actor block");
	expect_error("actor a person \"A\"\n  row a current \"1\" demand \"2\"\n", 2, 3,
		     "t.brief:2:3: 'row' outside a comparison block");
	/* A top-level keyword closes the block. */
	expect_error("actor a person \"A\"\nfigure \"f\" \"g\"\n  description \"d\"\n", 3, 3,
		     "t.brief:3:3: 'description' outside an actor block");
}

static void test_err_empty_comparison(void **state)
{
	(void)state;
	expect_error("comparison c \"C\"\n  unit \"u\"\nfigure \"f\" \"g\"\n", 1, 12,
		     "t.brief:1:12: comparison 'c' has no rows and no measures");
	expect_error("actor a person \"A\"\n\ncomparison  last \"C\"\n  by a\n", 3, 13,
		     "t.brief:3:13: comparison 'last' has no rows and no measures");
}

/* ---- semantic errors ---- */

static void test_err_duplicate_id(void **state)
{
	(void)state;
	expect_error("actor us country \"US\"\nactor japan country \"Japan\"\nactor us person \"X\"\n",
		     3, 7, "t.brief:3:7: duplicate id 'us' (first at line 1)");
	expect_error("actor a country \"A\"\ncomparison c \"C\"\n  row a current \"x\" demand \"y\"\n"
		     "comparison c \"D\"\n", 4, 12, "t.brief:4:12: duplicate id 'c' (first at line 2)");
	expect_error("actor a country \"A\"\ncomparison c \"C\"\n  row a current \"x\" demand \"y\"\n"
		     "  row a current \"z\" demand \"w\"\n", 4, 7,
		     "t.brief:4:7: duplicate row for 'a' (first at line 3)");
}

static void test_err_duplicate_once(void **state)
{
	(void)state;
	expect_error("title \"a\"\n# x\ntitle \"b\"\n", 3, 1,
		     "t.brief:3:1: duplicate 'title' (first at line 1)");
	expect_error("body \"a\"\nbody \"a\"\n", 2, 1, "t.brief:2:1: duplicate 'body' (first at line 1)");
	expect_error("actor a person \"A\"\n  description \"x\"\n  description \"y\"\n", 3, 3,
		     "t.brief:3:3: duplicate 'description' in actor 'a' (first at line 2)");
	expect_error("actor a person \"A\"\n  affiliation a\n  alias \"x\"\n\taffiliation a\n", 4, 2,
		     "t.brief:4:2: duplicate 'affiliation' in actor 'a' (first at line 2)");
	expect_error("comparison c \"C\"\n  unit \"u\"\n  unit \"v\"\n", 3, 3,
		     "t.brief:3:3: duplicate 'unit' in comparison 'c' (first at line 2)");
	expect_error("comparison c \"C\"\n  by a\n  by b\n", 3, 3,
		     "t.brief:3:3: duplicate 'by' in comparison 'c' (first at line 2)");
}

static void test_err_undefined_reference(void **state)
{
	(void)state;
	expect_error("actor a person \"A\"\n  affiliation usa\n", 2, 15,
		     "t.brief:2:15: undefined actor 'usa'");
	expect_error("actor a person \"A\"\ncomparison c \"C\"\n  by a\n  measure a,zz \"L\" \"q\"\n",
		     4, 13, "t.brief:4:13: undefined actor 'zz'");
	/* The earliest reference is reported, not the last read. */
	expect_error("comparison c \"C\"\n  row x current \"1\" demand \"2\"\n  by y\n", 2, 7,
		     "t.brief:2:7: undefined actor 'x'");
}

/* Many actors: ids are found by hash, not by a walk over every actor for
 * each new one and each reference (60,000 actors took 20 s that way).  A
 * duplicate far down is still caught, and every id is found. */
static void test_many_actors(void **state)
{
	(void)state;
	enum { N = 40000 };
	struct buf b = { 0 };
	for (int i = 0; i < N; i++)
		buf_printf(&b, "actor a%d person \"N%d\"\n  affiliation a%d\n", i, i, N - 1 - i);
	clock_t t0 = clock();
	struct annot a;
	parse_ok(&a, b.data, b.len);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	if (secs > 5)
		fail_msg("%d actors took %.1f s to parse", N, secs);
	assert_int_equal(a.nentities, N);
	for (int i = 0; i < N; i += 997) {
		char id[16];
		snprintf(id, sizeof id, "a%d", i);
		assert_int_equal(annot_find_entity(&a, id), i);
	}
	assert_int_equal(annot_find_entity(&a, "a"), -1);
	assert_int_equal(annot_find_entity(&a, "a400000"), -1);
	annot_free(&a);
	buf_printf(&b, "actor a%d person \"again\"\n", N / 2);
	char want[64];
	snprintf(want, sizeof want, "t.brief:%d:7: duplicate id 'a%d' (first at line %d)",
		 2 * N + 1, N / 2, N + 1);
	expect_error(b.data, 2 * N + 1, 7, want);
	buf_free(&b);
}

/* A long file name is cut without splitting a character; control bytes masked. */
static void test_err_long_name(void **state)
{
	(void)state;
	struct buf name = { 0 };
	buf_adds(&name, "a\033b");
	for (int i = 0; i < 300; i++)
		buf_adds(&name, "é");
	struct annot a;
	struct annot_error err;
	assert_int_equal(annot_parse(&a, name.data, "bogus\n", 6, &err), BRIEF_EXIT_DATAERR);
	assert_int_equal(err.line, 1);
	assert_int_equal(err.col, 1);
	size_t len = strlen(err.msg);
	assert_true(len > 400 && len < sizeof err.msg);
	assert_null(u8_check((const uint8_t *)err.msg, len));
	assert_memory_equal(err.msg, "a?béé", 7);
	annot_free(&a);
	buf_free(&name);
}

/* ---- resolving ---- */

static void test_resolve_anchors(void **state)
{
	(void)state;
	const char *doc = "Headline here\nintro words x\nAnd the body starts here, x and x.\n";
	const char *text = "title \"Headline\"\nbody \"the body starts\"\n"
		"figure \"And\" \"line start\"\nfigure \"x\" \"first x after body\"\n";
	struct annot a;
	parse_ok(&a, text, strlen(text));
	struct doc d = mem_doc("doc.txt", doc);
	assert_int_equal(annot_resolve(&a, &d, NULL), 0);
	/* A quote at offset 0 is resolved and told apart by its end. */
	assert_int_equal(a.meta[META_TITLE].start, 0);
	assert_int_equal(a.meta[META_TITLE].end, 8);
	size_t body = (size_t)(strstr(doc, "the body") - doc);
	assert_int_equal(a.body.start, body);
	/* The body begins at its line's start, so "And" before the quote counts. */
	assert_int_equal(a.notes[0].q.start, body - 4);
	assert_int_equal(a.notes[1].q.start, (size_t)(strstr(doc, "x and") - doc));
	assert_int_equal(a.notes[1].q.end, a.notes[1].q.start + 1);
	annot_free(&a);
}

/* A row's hedges, demander, derived current and target; quotations. */
static void test_row_extras(void **state)
{
	(void)state;
	static const char text[] =
		"actor us country \"US\"\n"
		"actor sk country \"South Korea\"\n"
		"actor jp country \"Japan\"\n"
		"quotation us \"pay more\"\n"
		"comparison d \"Defense\"\n"
		"  row jp current \"1 percent\" target \"2 percent\"\n"
		"    hedge \"reportedly\"\n"
		"    hedge \"proposed\"\n"
		"    demander ?   # the text names no one\n"
		"  row sk derived \"quintuple\" demand \"$5 billion\"\n"
		"    demander us inherited\n"
		"  row us current \"3 percent\" demand \"4 percent\"\n"
		"    demander sk\n";
	static const char doc[] =
		"The US reportedly proposed that Japan go from 1 percent to 2 percent and Seoul "
		"quintuple its $5 billion; the US has 3 percent, 4 percent asked. Pay more, "
		"they said: pay more.\n";
	struct annot a;
	parse_ok(&a, text, strlen(text));
	const struct comparison *c = &a.comparisons[0];
	assert_int_equal(c->nrows, 3);
	assert_true(c->rows[0].target);
	assert_false(c->rows[0].derived);
	assert_int_equal(c->rows[0].nhedges, 2);
	assert_string_equal(c->rows[0].hedges[1].text, "proposed");
	assert_int_equal(c->rows[0].hedges[1].line, 8);
	assert_true(c->rows[0].demander_unknown);
	assert_null(c->rows[0].demander);
	assert_true(c->rows[1].derived);
	assert_false(c->rows[1].target);
	assert_string_equal(c->rows[1].demander, "us");
	assert_true(c->rows[1].demander_inherited);
	assert_string_equal(c->rows[2].demander, "sk");
	assert_false(c->rows[2].demander_inherited || c->rows[2].demander_unknown);
	assert_int_equal(a.nquotations, 1);
	assert_string_equal(a.quotations[0].speaker, "us");
	struct doc d = mem_doc("doc", doc);
	struct annot_error err;
	if (annot_resolve(&a, &d, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(c->rows[0].hedges[0].start, 7);
	/* "pay more" as whole words, first occurrence: case matters. */
	assert_memory_equal(doc + a.quotations[0].q.start, "pay more", 8);
	assert_true(a.quotations[0].q.start > 130);
	annot_free(&a);

	/* Errors name the place. */
	expect_error("actor a person \"A\"\ncomparison c \"C\"\n  hedge \"x\"\n", 3, 3,
		     "t.brief:3:3: 'hedge' before any row of comparison 'c' (it belongs to the "
		     "row above it)");
	expect_error("actor a person \"A\"\ncomparison c \"C\"\n"
		     "  row a current \"1\" demand \"2\"\n  demander a\n  demander ?\n", 5, 3,
		     "t.brief:5:3: duplicate 'demander' for row 'a' (first at line 4)");
	expect_error("actor a person \"A\"\ncomparison c \"C\"\n"
		     "  row a current \"1\" demand \"2\"\n  demander ? inherited\n", 4, 14,
		     "t.brief:4:14: '?' names no one to inherit");
	expect_error("actor a person \"A\"\ncomparison c \"C\"\n"
		     "  row a current \"1\" demand \"2\"\n  demander a later\n", 4, 14,
		     "t.brief:4:14: expected 'inherited' or nothing after 'demander a', got 'later'");
	expect_error("actor a person \"A\"\ncomparison c \"C\"\n"
		     "  row a current \"1\" demand \"2\"\n  demander b\n", 4, 12,
		     "t.brief:4:12: undefined actor 'b'");
	expect_error("quotation a \"x\"\n", 1, 11, "t.brief:1:11: undefined actor 'a'");
	expect_error("actor a person \"A\"\n  hedge \"x\"\n", 2, 3,
		     "t.brief:2:3: 'hedge' outside a comparison block");
	/* '?' is a word only alone. */
	expect_error("actor a? person \"A\"\n", 1, 8, "t.brief:1:8: unexpected character '?'");
}

static void test_err_quote_not_found(void **state)
{
	(void)state;
	/* Quotes anchor on word and number boundaries only. */
	expect_resolve_error("figure \"5 percent\" \"m\"\n", "up to 3.5 percent\n", 1, 8,
			     "t.brief:1:8: quote not found in doc.txt: \"5 percent\"");
	/* Nor end inside one: "3" is not the 3 of "3.5" or of "3,000". */
	expect_resolve_error("figure \"3\" \"m\"\n", "up to 3.5 percent\n", 1, 8,
			     "t.brief:1:8: quote not found in doc.txt: \"3\"");
	expect_resolve_error("figure \"to 3\" \"m\"\n", "up to 3,000 troops\n", 1, 8,
			     "t.brief:1:8: quote not found in doc.txt: \"to 3\"");
	expect_resolve_error("figure \"US\" \"m\"\n", "USB and FOCUS\n", 1, 8,
			     "t.brief:1:8: quote not found in doc.txt: \"US\"");
	expect_resolve_error("figure \"absent\" \"m\"\n", "hello world\n", 1, 8,
			     "t.brief:1:8: quote not found in doc.txt: \"absent\"");
	/* Only text after the body's line start is searched. */
	expect_resolve_error("body \"second\"\n  figure \"first\" \"m\"\n", "first line\nsecond line\n",
			     2, 10, "t.brief:2:10: quote not found in doc.txt: \"first\"");
	/* Header fields are searched from the start. */
	expect_resolve_error("body \"second\"\ntitle \"first\"\nfigure \"third\" \"m\"\n",
			     "first line\nsecond line\n", 3, 8,
			     "t.brief:3:8: quote not found in doc.txt: \"third\"");
	/* The earliest quote in the file is reported. */
	expect_resolve_error("figure \"b\" \"m\"\ntitle \"zz\"\nfigure \"q\" \"m\"\n", "a b c", 2, 7,
			     "t.brief:2:7: quote not found in doc.txt: \"zz\"");
	/* A missing body is itself the error. */
	expect_resolve_error("body \"nowhere\"\n", "abc", 1, 6,
			     "t.brief:1:6: quote not found in doc.txt: \"nowhere\"");
	/* Row and measure quotes are anchored too. */
	expect_resolve_error("actor a person \"A\"\ncomparison c \"C\"\n  row a current \"abc\" demand \"q\"\n",
			     "abc", 3, 30, "t.brief:3:30: quote not found in doc.txt: \"q\"");
	expect_resolve_error("actor a person \"A\"\ncomparison c \"C\"\n  measure a \"L\" \"zz\"\n",
			     "abc", 3, 17, "t.brief:3:17: quote not found in doc.txt: \"zz\"");
	/* Long quotes are cut; a quote's TAB and LF are its own (the
	 * document's), echoed as '?' like any control. */
	expect_resolve_error("figure \"a\\tb\\nc 123456789 123456789 123456789 123456789 "
			     "123456789 123456789 tail\" \"m\"\n", "abc", 1, 8,
			     "t.brief:1:8: quote not found in doc.txt: \"a?b?c 123456789 "
			     "123456789 123456789 123456789 123456789 1234...\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commentary_parse),
		cmocka_unit_test(test_commentary_resolve),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_no_final_newline),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_bom_and_version),
		cmocka_unit_test(test_forward_reference),
		cmocka_unit_test(test_names_and_free),
		cmocka_unit_test(test_err_unknown_keyword),
		cmocka_unit_test(test_err_unknown_kind),
		cmocka_unit_test(test_err_missing_argument),
		cmocka_unit_test(test_err_word_for_string),
		cmocka_unit_test(test_err_string_for_word),
		cmocka_unit_test(test_err_extra_tokens),
		cmocka_unit_test(test_err_unterminated),
		cmocka_unit_test(test_err_bad_escape),
		cmocka_unit_test(test_err_control_character),
		cmocka_unit_test(test_err_invalid_utf8),
		cmocka_unit_test(test_err_bad_id),
		cmocka_unit_test(test_err_empty_quote),
		cmocka_unit_test(test_err_version),
		cmocka_unit_test(test_err_outside_block),
		cmocka_unit_test(test_err_empty_comparison),
		cmocka_unit_test(test_err_duplicate_id),
		cmocka_unit_test(test_err_duplicate_once),
		cmocka_unit_test(test_err_undefined_reference),
		cmocka_unit_test(test_many_actors),
		cmocka_unit_test(test_err_long_name),
		cmocka_unit_test(test_resolve_anchors),
		cmocka_unit_test(test_err_quote_not_found),
		cmocka_unit_test(test_row_extras),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
