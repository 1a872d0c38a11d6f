/* Unit tests for sentence boundaries: Unicode's own test data for the
 * untailored rules, news text for the tailoring, the bundled commentary. */
#include "config.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unictype.h>
#include <unistr.h>

#include "brief/sentence.h"
#include "brief/util.h"

#define UCD "/usr/share/unicode/auxiliary/"

/* ---- helpers ---- */

/* The sentences of text as one string, each ended by " | ". */
static char *sentences(const char *text, unsigned flags)
{
	size_t n = strlen(text);
	char *p = xmalloc(n + 1);
	sent_breaks((const uint8_t *)text, n, flags, p);
	struct buf b = { 0 };
	size_t s = 0;
	for (size_t i = 1; i <= n; i++) {
		if (i < n && !p[i])
			continue;
		size_t e = i;
		while (e > s && strchr(" \n\t", text[e - 1]))
			e--;
		if (e > s) {    /* the LF of a blank line is a "sentence" too */
			buf_add(&b, text + s, e - s);
			buf_adds(&b, " | ");
		}
		s = i;
	}
	free(p);
	if (!b.data)
		buf_adds(&b, "");
	return b.data;
}

static void expect(const char *text, unsigned flags, const char *want)
{
	char *got = sentences(text, flags);
	if (strcmp(got, want)) {
		print_message("text: %s\nwant: %s\ngot:  %s\n", text, want, got);
		free(got);
		fail();
	}
	free(got);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b = { 0 };
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	if (!b.data)
		buf_adds(&b, "");
	*len = b.len;
	return b.data;
}

/* ---- the property ---- */

static const char *const class_names[] = {
	"Other", "CR", "LF", "Extend", "Sep", "Format", "Sp", "Lower", "Upper",
	"OLetter", "Numeric", "ATerm", "SContinue", "STerm", "Close",
};

static int class_by_name(const char *s)
{
	for (int i = 0; i < SENT_CLASS_COUNT; i++)
		if (!strcmp(class_names[i], s))
			return i;
	return -1;
}

/* The property file's class of every code point, SENT_OTHER by default;
 * NULL when the file is not installed. */
static uint8_t *load_property_file(void)
{
	size_t len;
	char *t = read_file(UCD "SentenceBreakProperty.txt", &len);
	if (!t)
		return NULL;
	uint8_t *cls = xcalloc(0x110000, 1);
	for (char *line = strtok(t, "\n"); line; line = strtok(NULL, "\n")) {
		unsigned a, b;
		char name[32];
		if (line[0] == '#')
			continue;
		if (sscanf(line, "%x..%x ; %31s", &a, &b, name) != 3) {
			if (sscanf(line, "%x ; %31s", &a, name) != 2)
				continue;
			b = a;
		}
		int c = class_by_name(name);
		assert_true(c >= 0);
		for (unsigned cp = a; cp <= b && cp < 0x110000; cp++)
			cls[cp] = (uint8_t)c;
	}
	free(t);
	return cls;
}

/* libunistring's data may be a Unicode version behind the installed test
 * files: code points it does not know are not held against the rules. */
static int known(uint32_t cp)
{
	return !uc_is_general_category(cp, UC_UNASSIGNED);
}

static void test_class_matches_unicode(void **state)
{
	(void)state;
	uint8_t *cls = load_property_file();
	if (!cls) {
		print_message("  (" UCD "SentenceBreakProperty.txt not installed: unicode-data)\n");
		return;
	}
	size_t differ = 0, checked = 0;
	for (uint32_t cp = 0; cp < 0x110000; cp++) {
		if (!known(cp))
			continue;
		checked++;
		enum sent_class c = sent_class_of(cp);
		if ((int)c != cls[cp] && differ++ < 20)
			print_message("  U+%04X: %s, Unicode says %s\n", (unsigned)cp,
				      sent_class_name(c), class_names[cls[cp]]);
	}
	/* Five characters gained Other_Lowercase after libunistring 1.0's
	 * Unicode 14 data (U+10FC, U+A7F2-A7F4, U+AB69); a wrong rule in the
	 * derivation differs on hundreds. */
	print_message("  %zu code points checked, %zu differ\n", checked, differ);
	assert_true(checked > 100000);
	assert_true(differ <= 8);
	free(cls);
}

static void test_class_examples(void **state)
{
	(void)state;
	assert_int_equal(sent_class_of('.'), SENT_ATERM);
	assert_int_equal(sent_class_of('?'), SENT_STERM);
	assert_int_equal(sent_class_of(0x3002), SENT_STERM);      /* 。 */
	assert_int_equal(sent_class_of('"'), SENT_CLOSE);
	assert_int_equal(sent_class_of(0x201D), SENT_CLOSE);      /* ” */
	assert_int_equal(sent_class_of(','), SENT_SCONTINUE);
	assert_int_equal(sent_class_of(0x0301), SENT_EXTEND);
	assert_int_equal(sent_class_of(0x200B), SENT_FORMAT);
	assert_int_equal(sent_class_of(0x4E2D), SENT_OLETTER);    /* 中 */
	assert_int_equal(sent_class_of(0x0416), SENT_UPPER);      /* Ж */
	assert_int_equal(sent_class_of('7'), SENT_NUMERIC);
	assert_int_equal(sent_class_of(0x2029), SENT_SEP);
	assert_string_equal(sent_class_name(SENT_SCONTINUE), "SContinue");
}

/* ---- the rules against Unicode's test file ---- */

static void test_unicode_test_file(void **state)
{
	(void)state;
	size_t len;
	char *t = read_file(UCD "SentenceBreakTest.txt", &len);
	if (!t) {
		print_message("  (" UCD "SentenceBreakTest.txt not installed: unicode-data)\n");
		return;
	}
	uint8_t *cls = load_property_file();
	assert_non_null(cls);
	size_t cases = 0, skipped = 0, failed = 0;
	char *save = NULL;
	for (char *line = strtok_r(t, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "÷", strlen("÷")))
			continue;
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		/* "÷ 0041 × 0308 ÷ 002E ÷" */
		uint8_t s[256];
		char want[256];
		size_t n = 0;
		int usable = 1, brk = 0;
		for (char *p = line; *p;) {
			if (!strncmp(p, "÷", strlen("÷"))) {
				brk = 1;
				p += strlen("÷");
			} else if (!strncmp(p, "×", strlen("×"))) {
				brk = 0;
				p += strlen("×");
			} else if (isspace((unsigned char)*p)) {
				p++;
			} else {
				char *end;
				unsigned long cp = strtoul(p, &end, 16);
				assert_true(end > p);
				p = end;
				if (!known((uint32_t)cp) || sent_class_of((uint32_t)cp) != cls[cp])
					usable = 0;
				int l = u8_uctomb(s + n, (ucs4_t)cp, (int)(sizeof s - n));
				assert_true(l > 0);
				memset(want + n, 0, (size_t)l);
				want[n] = (char)brk;
				n += (size_t)l;
			}
		}
		if (!usable) {
			skipped++;
			continue;
		}
		want[0] = 0;  /* the start of the text is no break */
		char got[256];
		sent_breaks(s, n, 0, got);
		cases++;
		if (memcmp(got, want, n) && failed++ < 10)
			print_message("  fails: %s\n", line);
	}
	print_message("  %zu cases, %zu skipped (characters libunistring does not know), %zu failed\n",
		      cases, skipped, failed);
	assert_true(cases > 400);
	assert_int_equal(failed, 0);
	free(cls);
	free(t);
}

/* ---- news text ---- */

/* A page that lost the space after a full stop: "Health.The" ends a
 * sentence in news text (sent_glued_stop); abbreviations, initialisms,
 * host and file names, numbers keep theirs. */
static void test_glued_full_stop(void **state)
{
	(void)state;
	expect("the Ministry of Health.The minister said so.", SENT_NEWS,
	       "the Ministry of Health. | The minister said so. | ");
	/* UAX #29 alone (SB7) keeps it. */
	expect("the Ministry of Health.The minister said so.", 0,
	       "the Ministry of Health.The minister said so. | ");
	expect("Prices rose.Économistes worried.", SENT_NEWS,
	       "Prices rose. | Économistes worried. | ");
	static const char *const whole[] = {
		"He flew to St.Louis on Monday.", "Dr.Smith and Mt.Everest stayed.",
		"The U.S.The move was sudden.", "Tools, e.g.Hammers, were sold.",
		"Buy at Amazon.com or gov.uk today.", "See www.example.Com now.",
		"It rose 3.5 percent.", "Open report.pdf now.",
		"A US.Army unit left.", "Look at a.Bc now.", "The A4.Then part.",
		"Mail me@example.Org soon.",
	};
	for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
		size_t n = strlen(whole[i]);
		for (size_t k = 0; k < n; k++)
			if (sent_glued_stop((const uint8_t *)whole[i], n, k))
				fail_msg("\"%s\": a lost space at %zu", whole[i], k);
	}
	const char *h = "of Health.The";
	assert_true(sent_glued_stop((const uint8_t *)h, strlen(h), 9));
	/* The full stop at the text's edges, or a capital alone after it. */
	assert_false(sent_glued_stop((const uint8_t *)"ab.C", 4, 2));
	assert_false(sent_glued_stop((const uint8_t *)".Th", 3, 0));
}

static void test_abbreviations(void **state)
{
	(void)state;
	/* Untailored UAX #29 breaks after "U.S." before a capital. */
	expect("The U.S. Secretary of State spoke.", 0, "The U.S. | Secretary of State spoke. | ");
	expect("The U.S. Secretary of State spoke.", SENT_NEWS,
	       "The U.S. Secretary of State spoke. | ");
	expect("It came from the U.S. The move was sudden.", SENT_NEWS,
	       "It came from the U.S. | The move was sudden. | ");
	expect("U.S. officials said so. They left.", SENT_NEWS,
	       "U.S. officials said so. | They left. | ");
	expect("Talks resume on Feb. 3 in Seoul.", SENT_NEWS, "Talks resume on Feb. 3 in Seoul. | ");
	expect("They met in Feb. Nothing came of it.", SENT_NEWS,
	       "They met in Feb. | Nothing came of it. | ");
	expect("Mr. Ishiba and Dr. Lee met Gen. Brown.", SENT_NEWS,
	       "Mr. Ishiba and Dr. Lee met Gen. Brown. | ");
	expect("John F. Kennedy said it.", SENT_NEWS, "John F. Kennedy said it. | ");
	expect("He lives in Washington, D.C. He works there.", SENT_NEWS,
	       "He lives in Washington, D.C. | He works there. | ");
	expect("Apple Inc. The firm grew.", SENT_NEWS, "Apple Inc. | The firm grew. | ");
	expect("See No. 10 for more.", SENT_NEWS, "See No. 10 for more. | ");
	/* A case's "v." and "vs.", a mountain's "Mt.": a name follows. */
	expect("Roe v. Wade fell. Smith vs. Jones was heard.", SENT_NEWS,
	       "Roe v. Wade fell. | Smith vs. Jones was heard. | ");
	expect("They climbed Mt. Fuji. Atty. Gen. Bondi spoke.", SENT_NEWS,
	       "They climbed Mt. Fuji. | Atty. Gen. Bondi spoke. | ");
	/* An initial at a paragraph's start, after a line end as at the
	 * text's start (sent_span sees the paragraph alone). */
	expect("J. Smith said so.\nP. Jones agreed.", SENT_NEWS,
	       "J. Smith said so. | P. Jones agreed. | ");
	expect("At 3 p.m. Monday he left. At 3 p.m. The talks ended.", SENT_NEWS,
	       "At 3 p.m. Monday he left. | At 3 p.m. | The talks ended. | ");
}

static void test_numbers_and_quotes(void **state)
{
	(void)state;
	expect("Spending rose to 3.5 percent. It was 2.3 before.", SENT_NEWS,
	       "Spending rose to 3.5 percent. | It was 2.3 before. | ");
	expect("Seoul said it was \"difficult.\" Rubio left.", SENT_NEWS,
	       "Seoul said it was \"difficult.\" | Rubio left. | ");
	expect("\u201cWe will not yield.\u201d He said it twice.", SENT_NEWS,
	       "\u201cWe will not yield.\u201d | He said it twice. | ");
	expect("Was it a hiccup? Or more? (Nobody knows.) Time will tell!", SENT_NEWS,
	       "Was it a hiccup? | Or more? | (Nobody knows.) | Time will tell! | ");
	/* A lower-case word after a full stop: no new sentence (SB8). */
	expect("The talks, etc. were long.", SENT_NEWS, "The talks, etc. were long. | ");
	/* Ideographic full stops need no space. */
	expect("韓国は3.5%を求められた。日本も同じだ。", SENT_NEWS,
	       "韓国は3.5%を求められた。 | 日本も同じだ。 | ");
}

static void test_line_ends(void **state)
{
	(void)state;
	/* A line end is a paragraph separator... */
	expect("Headline without a stop\nThe article starts here.", SENT_NEWS,
	       "Headline without a stop | The article starts here. | ");
	/* ...unless the text is hard-wrapped. */
	expect("This sentence is wrapped\nacross two lines. Next one.\n\nNew paragraph", SENT_NEWS | SENT_SOFT_LF,
	       "This sentence is wrapped\nacross two lines. | Next one. | New paragraph | ");
	const char *wrapped =
		"Brief is a reader for long commentary, and this paragraph is\n"
		"wrapped by hand at about sixty columns, as plain text often is\n"
		"when it comes from mail or from an old archive of articles.\n"
		"\n"
		"A second paragraph follows after a blank line, wrapped in the\n"
		"same way as the first one was, so that no line is very long.\n";
	assert_true(sent_hard_wrapped((const uint8_t *)wrapped, strlen(wrapped), 65536));
	const char *one_a_line =
		"A paragraph a line is what web pages and the bundled commentary give: each line is long, far longer than a terminal row, and ends its paragraph.\n"
		"The next paragraph follows on the next line without a blank line between them, and it is long as well, longer than a hundred characters.\n"
		"And a third one, just as long, so that there is enough to judge by, well past the hundred characters that a wrapped line would stay under.\n";
	assert_false(sent_hard_wrapped((const uint8_t *)one_a_line, strlen(one_a_line), 65536));
}

static void test_combining_marks_stay(void **state)
{
	(void)state;
	/* A mark after the full stop belongs to it: the break comes after. */
	const char *t = "Caf\xC3\xA9.\xCC\x81 Next";
	size_t n = strlen(t);
	char p[32];
	sent_breaks((const uint8_t *)t, n, SENT_NEWS, p);
	for (size_t i = 0; i < n; i++)
		if (p[i])
			assert_int_equal(i, strlen("Caf\xC3\xA9.\xCC\x81 "));
}

static void test_span(void **state)
{
	(void)state;
	const char *t = "First one. The U.S. Secretary spoke.  Third?\nNew line here.";
	size_t n = strlen(t), s, e;
	sent_span((const uint8_t *)t, n, 0, SENT_NEWS, &s, &e);
	assert_int_equal(s, 0);
	assert_int_equal(e, strlen("First one."));
	size_t at = (size_t)(strstr(t, "Secretary") - t);
	sent_span((const uint8_t *)t, n, at, SENT_NEWS, &s, &e);
	assert_memory_equal(t + s, "The U.S. Secretary spoke.", e - s);
	assert_int_equal(e - s, strlen("The U.S. Secretary spoke."));
	/* In the spaces after a sentence: that sentence. */
	at = (size_t)(strstr(t, "  Third") - t) + 1;
	sent_span((const uint8_t *)t, n, at, SENT_NEWS, &s, &e);
	assert_int_equal(e - s, strlen("The U.S. Secretary spoke."));
	/* On the LF: the line it ends; past it, the next line. */
	at = (size_t)(strchr(t, '\n') - t);
	sent_span((const uint8_t *)t, n, at, SENT_NEWS, &s, &e);
	assert_memory_equal(t + s, "Third?", e - s);
	sent_span((const uint8_t *)t, n, n, SENT_NEWS, &s, &e);
	assert_memory_equal(t + s, "New line here.", e - s);
	assert_int_equal(e, n);
}

static void test_span_reach(void **state)
{
	(void)state;
	/* One line of 300 KB without a full stop: cut at SENT_REACH each way,
	 * on character boundaries. */
	size_t n = 300000;
	uint8_t *t = xmalloc(n + 1);
	for (size_t i = 0; i < n; i += 2) {
		t[i] = 0xC3;
		t[i + 1] = 0xA9;
	}
	t[n] = 0;
	size_t s, e;
	sent_span(t, n, 150001, SENT_NEWS, &s, &e);
	assert_true(150001 - s <= SENT_REACH);
	assert_true(e - 150001 <= SENT_REACH);
	assert_int_equal(t[s] & 0xC0, 0xC0);
	assert_int_equal(u8_check(t + s, e - s), NULL);
	free(t);
}

/* Every sentence of the commentary whole: 35 of them (headers included),
 * each ending in a terminal, a closing quote or a header line's end, and
 * none split at "US" or inside "3.5". */
static void test_commentary(void **state)
{
	(void)state;
	const char *dir = getenv("BRIEF_ASSETS");
	struct buf path = { 0 };
	buf_printf(&path, "%s/commentary.txt", dir ? dir : "assets");
	size_t n;
	char *t = read_file(path.data, &n);
	assert_non_null(t);
	buf_free(&path);
	char *p = xmalloc(n);
	sent_breaks((const uint8_t *)t, n, SENT_NEWS, p);
	size_t count = 0, in_body = 0, from = 0;
	const char *body = strstr(t, "US Secretary of State");
	assert_non_null(body);
	for (size_t i = 1; i <= n; i++) {
		if (i < n && !p[i])
			continue;
		size_t e = i;
		while (e > from && strchr(" \n", t[e - 1]))
			e--;
		size_t s0 = from;
		from = i;
		if (e == s0)
			continue;       /* a blank line */
		count++;
		if (t + s0 < body)
			continue;
		in_body++;
		/* The sentence ends in . ? ! or a quote or bracket closing one. */
		size_t q = e;
		while (q > 0 && strchr("\")", t[q - 1]))
			q--;
		if (!strchr(".?!", t[q - 1]))
			fail_msg("sentence ends in \"%.20s\" at %zu", t + (e > 20 ? e - 20 : 0), e);
		assert_false(e >= 2 && !memcmp(t + e - 2, "US", 2));
		assert_false(i < n && isdigit((unsigned char)t[i]) && t[i - 1] == '.');
	}
	/* Read by hand: five header lines, then the 30 sentences of the body. */
	print_message("  %zu sentences, %zu in the body\n", count, in_body);
	assert_int_equal(in_body, 30);
	assert_int_equal(count, 35);
	/* The sentence with both decimals is whole. */
	size_t s, e;
	size_t at = (size_t)(strstr(t, "3.5 percent of GDP") - t) + 1;
	sent_span((const uint8_t *)t, n, at, SENT_NEWS, &s, &e);
	assert_true(e - s > 100);
	assert_memory_equal(t + s, "It demands that Japan pay more", strlen("It demands that Japan pay more"));
	assert_memory_equal(t + e - strlen("3.5 percent of GDP."), "3.5 percent of GDP.",
			    strlen("3.5 percent of GDP."));
	free(p);
	free(t);
}

static void test_second_text(void **state)
{
	(void)state;
	const char *dir = getenv("BRIEF_TESTS");
	struct buf path = { 0 };
	buf_printf(&path, "%s/fixtures/second.txt", dir ? dir : "tests");
	size_t n;
	char *t = read_file(path.data, &n);
	assert_non_null(t);
	buf_free(&path);
	size_t s, e;
	size_t at = (size_t)(strstr(t, "Ana Berg") - t);
	sent_span((const uint8_t *)t, n, at, SENT_NEWS, &s, &e);
	const char *want = "Northland's Finance Minister Ana Berg said the demand was "
			   "\"impossible within two budgets.\"";
	assert_int_equal(e - s, strlen(want));
	assert_memory_equal(t + s, want, e - s);
	/* "By A. Writer" is one line: the initial does not end it. */
	at = (size_t)(strstr(t, "Writer") - t);
	sent_span((const uint8_t *)t, n, at, SENT_NEWS, &s, &e);
	assert_memory_equal(t + s, "By A. Writer", e - s);
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_class_examples),
		cmocka_unit_test(test_class_matches_unicode),
		cmocka_unit_test(test_unicode_test_file),
		cmocka_unit_test(test_abbreviations),
		cmocka_unit_test(test_glued_full_stop),
		cmocka_unit_test(test_numbers_and_quotes),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_combining_marks_stay),
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_span_reach),
		cmocka_unit_test(test_commentary),
		cmocka_unit_test(test_second_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
