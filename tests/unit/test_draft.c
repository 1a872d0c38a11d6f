/* Unit tests for draft.c: a draft of any text parses and loads back with the
 * same actors and mentions. */
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

#include "brief/actors.h"
#include "brief/chart.h"
#include "brief/draft.h"
#include "brief/mentions.h"
#include "brief/model.h"
#include "brief/util.h"
#include "many_names.h"

static char dir[4096];

static void write_file(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct buf b = { 0 };
	char chunk[4096];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, k);
	fclose(f);
	buf_add(&b, "", 0);
	*n = b.len;
	return b.data;
}

/* The comparisons and quotations come back from the draft: the same charts,
 * line for line, when every row names its party (a row naming none is
 * written commented out, so it does not come back), and the same
 * quotations with the same speakers. */
static void check_same_charts(const struct model *m, const struct model *r, const char *path)
{
	size_t rows = 0, named = 0;
	for (size_t i = 0; i < m->ncmps; i++)
		for (size_t k = 0; k < m->cmps[i].nrows; k++) {
			rows++;
			named += m->cmps[i].rows[k].party >= 0;
		}
	size_t back = 0;
	for (size_t i = 0; i < r->ncmps; i++)
		back += r->cmps[i].nrows;
	if (named != rows) {
		assert_int_equal(back, named);
	} else {
		assert_int_equal(r->ncmps, m->ncmps);
		for (size_t i = 0; i < m->ncmps; i++) {
			struct chart a, b;
			chart_build(&a, &m->cmps[i], &m->annot, 80, 0);
			chart_build(&b, &r->cmps[i], &r->annot, 80, 0);
			if (a.text.len != b.text.len || memcmp(a.text.data, b.text.data, a.text.len) != 0) {
				for (size_t k = 0; k < a.n || k < b.n; k++)
					print_message("  %s\n  %s\n", k < a.n ? a.text.data + a.v[k].text : "",
						      k < b.n ? b.text.data + b.v[k].text : "");
				fail_msg("%s: comparison %zu differs after the draft", path, i);
			}
			chart_free(&a);
			chart_free(&b);
		}
	}
	assert_int_equal(r->nquotes, m->nquotes);
	for (size_t i = 0; i < m->nquotes; i++) {
		assert_int_equal(r->quotes[i].start, m->quotes[i].start);
		assert_int_equal(r->quotes[i].end, m->quotes[i].end);
		assert_string_equal(r->annot.entities[r->quotes[i].speaker].name,
				    m->annot.entities[m->quotes[i].speaker].name);
	}
}

/* The bundled commentary's text (the caller frees it), n its bytes. */
static char *commentary(size_t *n)
{
	const char *assets = getenv("BRIEF_ASSETS");
	assert_non_null(assets);
	char src[4200];
	snprintf(src, sizeof src, "%s/commentary.txt", assets);
	return slurp(src, n);
}

/* The model of path with its own annotations, scanned to the end. */
static void open_scanned(struct model *m, const char *path)
{
	struct model_error err;
	if (model_open(m, path, NULL, &err) != 0)
		fail_msg("%s does not open: %s", path, err.msg);
	model_scan_all(m);
}

/* m's draft as text (the caller frees it). */
static char *draft_of(const struct model *m)
{
	char *out = NULL;
	size_t outn = 0;
	FILE *f = open_memstream(&out, &outn);
	assert_non_null(f);
	assert_int_equal(draft_write(f, m), 0);
	assert_int_equal(fclose(f), 0);
	return out;
}

/* m's draft written to file. */
static void draft_to(const struct model *m, const char *file)
{
	FILE *f = fopen(file, "wb");
	assert_non_null(f);
	assert_int_equal(draft_write(f, m), 0);
	assert_int_equal(fclose(f), 0);
}

/* m's draft written to file, and the text at path opened again with it as
 * its annotation file, scanned to the end, into r. */
static void reopen_with_draft(const struct model *m, const char *path, const char *file,
			      struct model *r)
{
	draft_to(m, file);
	struct model_error err;
	if (model_open(r, path, file, &err) != 0)
		fail_msg("the draft of %s does not load: %s", path, err.msg);
	model_scan_all(r);
}

/* Draft the text at path (with its own annotations when it has some), then
 * load the text again with the draft as its annotation file: every actor
 * written in must come back with the same kind and mention count. */
static void round_trip(const char *path)
{
	struct model m;
	open_scanned(&m, path);
	char draft[4200];
	snprintf(draft, sizeof draft, "%s/draft.brief", dir);
	struct model r;
	reopen_with_draft(&m, path, draft, &r);
	/* Without annotations, what the reader showed is what comes back. */
	if (!m.nannotated) {
		assert_int_equal(r.annot.nentities, m.annot.nentities);
		for (size_t i = 0; i < m.annot.nentities; i++) {
			const struct entity *a = &m.annot.entities[i];
			long k = annot_find_entity(&r.annot, a->id);
			if (k < 0)
				fail_msg("%s: \"%s\" not in the draft", path, a->name);
			assert_string_equal(r.annot.entities[k].name, a->name);
			assert_int_equal(r.annot.entities[k].kind, a->kind);
			if (r.mentions.count[k] != m.mentions.count[i])
				fail_msg("%s: \"%s\" %zu mentions, %zu in the draft", path, a->name,
					 m.mentions.count[i], r.mentions.count[k]);
		}
		/* The header and the body start come back too. */
		assert_int_equal(r.body, m.body);
		for (int k = 0; k < META_COUNT; k++)
			if (model_meta(&m, (enum meta_key)k))
				assert_string_equal(model_meta(&r, (enum meta_key)k),
						    model_meta(&m, (enum meta_key)k));
	} else {
		/* With annotations, those come back unchanged. */
		for (size_t i = 0; i < m.nannotated; i++) {
			long k = annot_find_entity(&r.annot, m.annot.entities[i].id);
			assert_true(k >= 0);
			assert_int_equal(r.mentions.count[k], m.mentions.count[i]);
		}
	}
	check_same_charts(&m, &r, path);
	model_free(&r);
	model_free(&m);
	unlink(draft);
}

static void test_commentary_round_trip(void **state)
{
	(void)state;
	char path[4200];
	size_t n;
	char *text = commentary(&n);
	/* A copy with no annotation file beside it. */
	snprintf(path, sizeof path, "%s/article.txt", dir);
	write_file(path, text, n);
	free(text);
	round_trip(path);
	unlink(path);
}

/* Past the finder's bounds (here ACTORS_MAX_NAMES different names) the
 * reader shows the sure actors only; the draft writes in no more, so it
 * loads back to what was shown ("Mary Zorblat", likely, commented out). */
static void test_truncated_round_trip(void **state)
{
	(void)state;
	size_t len;
	char *text = many_names_text("Mary Zorblat said the plan was good.\n", ACTORS_MAX_NAMES + 100, &len);
	char path[4200];
	snprintf(path, sizeof path, "%s/names.txt", dir);
	write_file(path, text, len);
	free(text);
	round_trip(path);
	unlink(path);
}

static void test_fixtures_round_trip(void **state)
{
	(void)state;
	const char *tests = getenv("BRIEF_TESTS");
	assert_non_null(tests);
	static const char *const names[] = { "second", "mixed" };
	for (size_t i = 0; i < 2; i++) {
		char path[4200];
		snprintf(path, sizeof path, "%s/fixtures/%s.txt", tests, names[i]);
		round_trip(path);       /* with its annotations */
		size_t n;
		char *text = slurp(path, &n);
		snprintf(path, sizeof path, "%s/%s.txt", dir, names[i]);
		write_file(path, text, n);
		free(text);
		round_trip(path);       /* without */
		unlink(path);
	}
}

static void test_hostile_strings(void **state)
{
	(void)state;
	/* Quotes, backslashes and tabs in what is copied; an unsure actor
	 * commented out, and no affiliation pointing at it. */
	static const char text[] =
		"Ann Berg, a \"hard\\line\"\tminister, said no.\n\n"
		"Mr Kowalski said Zorblat Quux met Blorfia's Finance Minister Tom Ek and "
		"the Quuxcorp app on Monday in Paris.\n";
	char path[4200];
	snprintf(path, sizeof path, "%s/hostile.txt", dir);
	write_file(path, text, sizeof text - 1);
	round_trip(path);
	struct model m;
	open_scanned(&m, path);
	char *out = draft_of(&m);
	/* Every line is a statement, a comment or blank: no raw tab, no
	 * unescaped quote inside a string.  A description's TAB is a space,
	 * as the format reads one back (a quote's is written \t:
	 * test_tab_in_quotes). */
	assert_non_null(strstr(out, "\\\"hard\\\\line\\\" minister"));
	assert_null(strchr(out, '\t'));
	assert_non_null(strstr(out, "\n# actor "));    /* an unsure one, commented */
	free(out);
	model_free(&m);
	unlink(path);
}

/* s with the first occurrence of from replaced by to (which must be there). */
static char *replace(char *s, const char *from, const char *to)
{
	char *at = strstr(s, from);
	if (!at)
		fail_msg("\"%s\" not in the text", from);
	struct buf b = { 0 };
	buf_add(&b, s, (size_t)(at - s));
	buf_adds(&b, to);
	buf_adds(&b, at + strlen(from));
	free(s);
	return b.data;
}

/* A comparison whose quotes stand over TABs, and a quotation holding one:
 * each quote is the document's bytes, written with \t, and the draft loads
 * back with the same rows, hedges and quotations (they were written
 * commented out, the format reading a TAB as a space). */
static void test_tab_in_quotes(void **state)
{
	(void)state;
	char path[4200];
	size_t n;
	char *text = commentary(&n);
	/* "3.5 percent of GDP" and "reportedly" said before: the row's quotes
	 * are widened to the word before them, across the TAB. */
	text = replace(text, "troops and reportedly asks", "troops and\treportedly asks");
	text = replace(text, "of GDP to 3.5 percent of GDP.", "of GDP to\t3.5 percent of GDP.");
	text = replace(text, "Since early 2025, the US",
		       "Some reportedly spoke of 3.5 percent of GDP. Since early 2025, the US");
	text = replace(text, "\"national crisis.\"", "\"national\tcrisis.\"");
	snprintf(path, sizeof path, "%s/tabs.txt", dir);
	write_file(path, text, strlen(text));
	free(text);
	round_trip(path);

	struct model m;
	open_scanned(&m, path);
	char *out = draft_of(&m);
	assert_non_null(strstr(out, "\n  row japan current \"less than 2 percent of GDP\" "
				    "demand \"to\\t3.5 percent of GDP\""));
	assert_non_null(strstr(out, "\n    hedge \"and\\treportedly\"\n"));
	assert_non_null(strstr(out, "\nquotation shigeru-ishiba \"national\\tcrisis.\""));
	free(out);
	/* The row's quote holds the TAB where the text does. */
	int found = 0;
	for (size_t i = 0; i < m.nauto_cmps; i++)
		for (size_t r = 0; r < m.auto_cmps[i].nrows; r++) {
			const struct quote *q = &m.auto_cmps[i].rows[r].demand;
			if (q->text && strcmp(q->text, "to\t3.5 percent of GDP") == 0) {
				assert_memory_equal(m.doc.text + q->start, q->text, q->len);
				found = 1;
			}
		}
	assert_true(found);
	model_free(&m);
	unlink(path);
}

/* A row whose quotes occur earlier in the text too (South Korea's sentence
 * ends as Japan's does) cannot be written so that it loads back where it
 * stands: the format anchors a quote at its first occurrence, so the row
 * would point into Japan's sentence.  It is written commented out, saying
 * why; the rows written live load back at their spans. */
static void test_row_quoted_earlier(void **state)
{
	(void)state;
	static const char text[] =
		"The US wants Japan to raise its defense spending from 1 percent of GDP to 3.5 percent "
		"of GDP.\n\nUS President Donald Trump also wants South Korea to raise its defense "
		"spending from 1 percent of GDP to 3.5 percent of GDP.\n";
	char path[4200], draft[4200];
	snprintf(path, sizeof path, "%s/twice.txt", dir);
	snprintf(draft, sizeof draft, "%s/twice.brief", dir);
	write_file(path, text, sizeof text - 1);
	struct model m;
	open_scanned(&m, path);
	/* The finder's South Korea row stands in the second sentence. */
	const struct cmp_row *korea = NULL, *japan = NULL;
	for (size_t i = 0; i < m.nauto_cmps; i++)
		for (size_t r = 0; r < m.auto_cmps[i].nrows; r++) {
			const struct cmp_row *row = &m.auto_cmps[i].rows[r];
			if (row->party && strcmp(row->party, "south-korea") == 0)
				korea = row;
			if (row->party && strcmp(row->party, "japan") == 0)
				japan = row;
		}
	if (!korea || !japan) {
		fail_msg("no row of South Korea or Japan");
		return;
	}
	assert_true(korea->demand.start > (size_t)(strstr(text, "\n\n") - text));
	char *out = draft_of(&m);
	assert_non_null(strstr(out, "\n  row japan current \"1 percent of GDP\" demand \"3.5 percent of GDP\""));
	assert_non_null(strstr(out, "\n#   row south-korea "));
	assert_non_null(strstr(out, "occurs earlier in the text"));
	free(out);
	struct model r;
	reopen_with_draft(&m, path, draft, &r);
	assert_int_equal(r.annot.ncomparisons, 1);
	assert_int_equal(r.annot.comparisons[0].nrows, 1);
	const struct cmp_row *back = &r.annot.comparisons[0].rows[0];
	assert_string_equal(back->party, "japan");
	assert_int_equal(back->current.start, japan->current.start);
	assert_int_equal(back->demand.start, japan->demand.start);
	assert_int_equal(back->demand.end, japan->demand.end);
	model_free(&r);
	model_free(&m);
	unlink(draft);
	unlink(path);
}

/* A quotation repeated word for word, its line too, cannot be written so
 * that the second loads back where it stands: it is written commented
 * out, and the first loads back at its span. */
static void test_quotation_quoted_earlier(void **state)
{
	(void)state;
	static const char text[] = "Ann Berg spoke on Monday.\n\n"
				   "\"We will win this vote,\" Berg said.\n\n"
				   "\"We will win this vote,\" Berg said.\n";
	char path[4200], draft[4200];
	snprintf(path, sizeof path, "%s/again.txt", dir);
	snprintf(draft, sizeof draft, "%s/again.brief", dir);
	write_file(path, text, sizeof text - 1);
	struct model m;
	open_scanned(&m, path);
	assert_int_equal(m.nquotes, 2);
	char *out = draft_of(&m);
	assert_non_null(strstr(out, "\nquotation ann-berg \"We will win this vote,\""));
	assert_non_null(strstr(out, "\n# quotation ann-berg "));
	free(out);
	struct model r;
	reopen_with_draft(&m, path, draft, &r);
	assert_int_equal(r.nquotes, 1);
	assert_int_equal(r.quotes[0].start, m.quotes[0].start);
	assert_int_equal(r.quotes[0].end, m.quotes[0].end);
	model_free(&r);
	model_free(&m);
	unlink(draft);
	unlink(path);
}

/* A comparison of measures only (the format allows one) is written live,
 * its measures too, and comes back: it was written commented out, as if
 * only rows could keep a comparison. */
static void test_measures_alone(void **state)
{
	(void)state;
	static const char text[] =
		"Japan cut its sales tax by 2 percent, Korea its fuel tax by 3 percent.\n";
	static const char annot[] =
		"actor japan country \"Japan\"\n"
		"actor korea country \"Korea\"\n"
		"comparison cuts \"Tax cuts\"\n"
		"  measure japan \"sales tax cut\" \"2 percent\"\n"
		"  measure korea \"fuel tax cut\" \"3 percent\"\n";
	char path[4200], apath[4200];
	snprintf(path, sizeof path, "%s/measures.txt", dir);
	snprintf(apath, sizeof apath, "%s/measures.brief", dir);
	write_file(path, text, sizeof text - 1);
	write_file(apath, annot, sizeof annot - 1);
	struct model m;
	open_scanned(&m, path);
	assert_int_equal(m.annot.ncomparisons, 1);
	char *out = draft_of(&m);
	assert_non_null(strstr(out, "\ncomparison cuts \"Tax cuts\"\n"));
	assert_non_null(strstr(out, "\n  measure japan \"sales tax cut\" \"2 percent\"\n"));
	assert_non_null(strstr(out, "\n  measure korea \"fuel tax cut\" \"3 percent\"\n"));
	free(out);
	model_free(&m);
	round_trip(path);
	/* Loaded back from its own draft: the same comparison, both measures. */
	char draft[4200];
	snprintf(draft, sizeof draft, "%s/draft.brief", dir);
	open_scanned(&m, path);
	struct model r;
	reopen_with_draft(&m, path, draft, &r);
	assert_int_equal(r.annot.ncomparisons, 1);
	assert_int_equal(r.annot.comparisons[0].nmeasures, 2);
	assert_int_equal(r.annot.comparisons[0].measures[1].q.start,
			 m.annot.comparisons[0].measures[1].q.start);
	model_free(&r);
	model_free(&m);
	unlink(draft);
	unlink(apath);
	unlink(path);
}

static int setup(void **state)
{
	(void)state;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/brief-draft-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commentary_round_trip),
		cmocka_unit_test(test_fixtures_round_trip),
		cmocka_unit_test(test_truncated_round_trip),
		cmocka_unit_test(test_hostile_strings),
		cmocka_unit_test(test_tab_in_quotes),
		cmocka_unit_test(test_measures_alone),
		cmocka_unit_test(test_row_quoted_earlier),
		cmocka_unit_test(test_quotation_quoted_earlier),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
