/* Rendered-screen tests of web pages: the real brief under a pty opening
 * tests/fixtures/page.html (named, from a pipe, gzip-compressed), its
 * header and first paragraph read back through libvterm; a heading's
 * attributes; a page with no article; a hostile page.  No sleeps: every
 * step waits until brief is idle in poll (harness.c). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

static const char *brief_path;
static char tmpdir[] = "/tmp/brief-screen-html-XXXXXX";

#define screen_assert(t, cond, ...)                                             \
	do {                                                                     \
		if (!(cond)) {                                                   \
			term_dump(t);                                            \
			fail_msg(__VA_ARGS__);                                   \
		}                                                                \
	} while (0)

static char *fixture(const char *name)
{
	const char *dir = getenv("BRIEF_TESTS");
	char *p;
	if (asprintf(&p, "%s/fixtures/%s", dir ? dir : "tests", name) < 0)
		fail_msg("asprintf");
	return p;
}

static char *temp_path(const char *name)
{
	char *p;
	if (asprintf(&p, "%s/%s", tmpdir, name) < 0)
		fail_msg("asprintf");
	return p;
}


static struct term *start_brief(int rows, int cols, const char *file)
{
	const char *argv[] = { brief_path, "--no-state", file, NULL };
	return term_start(rows, cols, argv, NULL);
}


/* Row y left of the side panel's rule, trailing spaces cut (a copy). */
static char *row_left(struct term *t, int y)
{
	const char *r = term_row(t, y);
	const char *rule = strstr(r, "\xe2\x94\x82");       /* │ */
	size_t k = rule ? (size_t)(rule - r) : strlen(r);
	while (k && r[k - 1] == ' ')
		k--;
	return strndup(r, k);
}

/* The article's rows, left of the side panel's rule, joined by spaces. */
static char *article_text(struct term *t, int from, int to)
{
	char *s = calloc(1, 1);
	size_t n = 0;
	for (int y = from; y < to; y++) {
		const char *r = term_row(t, y);
		const char *rule = strstr(r, "\xe2\x94\x82");   /* │ */
		size_t k = rule ? (size_t)(rule - r) : strlen(r);
		while (k && r[k - 1] == ' ')
			k--;
		s = realloc(s, n + k + 2);
		if (n && k)
			s[n++] = ' ';
		memcpy(s + n, r, k);
		n += k;
		s[n] = '\0';
	}
	return s;
}

static const char *const want_header =
	"World \xc2\xb7 Harbour levy splits the Alliance as Northland digs in \xc2\xb7 "
	"Ingrid Solberg and Tomas Reyes \xc2\xb7 The Meridian Ledger \xc2\xb7 2025-03-14";
static const char *const first_paragraph =
	"Northland has refused to pay a harbour levy of 4 percent of its annual budget, "
	"leaving the Alliance without an agreement two days before its leaders meet in Port Aster.";

/* The header row and the first paragraph under it, at 100x30 and at
 * 200x40 (where the header fits whole). */
static void check_page_screen(struct term *t, int wide)
{
	char *row0 = row_left(t, 0);
	if (wide)
		screen_assert(t, strcmp(row0, want_header) == 0, "header row is \"%s\"", row0);
	else {
		/* Cut, and marked so: a part of the header, then "…". */
		size_t n = strlen(row0), mark = strlen("\u2026");
		screen_assert(t, n > 40 + mark && strcmp(row0 + n - mark, "\u2026") == 0
				 && strncmp(row0, want_header, n - mark) == 0,
			      "header row is \"%s\"", row0);
	}
	free(row0);
	char *body = article_text(t, 1, 4);
	screen_assert(t, strncmp(body, first_paragraph, strlen(first_paragraph)) == 0,
		      "first paragraph not under the header: \"%s\"", body);
	free(body);
	/* Nothing of the page's chrome on screen. */
	const char *all = term_text(t);
	static const char *const chrome[] = {
		"cookies", "Skip to content", "Share on", "Most read", "harbourwatcher", "Sign up",
		"<p>", "&euro;", "Advertisement", "Home",
	};
	for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++)
		screen_assert(t, !strstr(all, chrome[i]), "\"%s\" on screen", chrome[i]);
	/* The side panel lists the page's figures. */
	screen_assert(t, strstr(all, "4 percent"), "no figure in the panel");
}

static void test_page_named(void **state)
{
	(void)state;
	char *path = fixture("page.html");
	struct term *t = start_brief(30, 100, path);
	check_page_screen(t, 0);
	screen_assert(t, strstr(term_row(t, 29), "page.html") != NULL, "status row: %s", term_row(t, 29));
	term_quit_ok(t);
	t = start_brief(40, 200, path);
	check_page_screen(t, 1);
	term_quit_ok(t);
	free(path);
}

/* cat page.html | brief: a pipe on standard input, keys from the terminal.
 * The shell starts the writer and execs brief (so the harness watches
 * brief itself), its standard input a FIFO. */
static void test_page_from_pipe(void **state)
{
	(void)state;
	char *path = fixture("page.html"), *fifo = temp_path("pipe");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	const char *argv[] = { "/bin/sh", "-c", "cat \"$1\" > \"$2\" & exec \"$3\" --no-state < \"$2\"",
			       "sh", path, fifo, brief_path, NULL };
	struct term *t = term_start(30, 100, argv, NULL);
	check_page_screen(t, 0);
	screen_assert(t, strstr(term_row(t, 29), "(stdin)") != NULL, "status row: %s", term_row(t, 29));
	term_quit_ok(t);
	unlink(fifo);
	free(fifo);
	free(path);
}

/* Gzip-compressed, by name: the same screen. */
static void test_page_gzip(void **state)
{
	(void)state;
	char *path = fixture("page.html"), *gz = temp_path("page.html.gz"), *cmd;
	assert_true(asprintf(&cmd, "gzip -c '%s' > '%s'", path, gz) > 0);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	struct term *t = start_brief(30, 100, gz);
	check_page_screen(t, 0);
	term_quit_ok(t);
	free(gz);
	free(path);
}

/* A heading is bold and underlined across its row; the prose is not. */
static void test_page_heading(void **state)
{
	(void)state;
	char *path = fixture("page.html");
	struct term *t = start_brief(30, 100, path);
	int y = -1, x = -1;
	for (int r = 1; r < 28 && y < 0; r++) {
		const char *p = strstr(term_row(t, r), "A budget already stretched");
		if (p)
			y = r, x = term_row_cols(t)[p - term_row(t, r)];
	}
	screen_assert(t, y > 0, "no heading on the first screen");
	VTermScreenCellAttrs a;
	assert_int_equal(term_cell_attrs(t, y, x + 2, &a), 1);
	screen_assert(t, a.bold && a.underline, "heading not bold and underlined");
	/* Its first paragraph's first word, a row or two below. */
	const char *p = strstr(term_row(t, y + 2), "Officials");
	screen_assert(t, p != NULL, "no paragraph under the heading");
	assert_int_equal(term_cell_attrs(t, y + 2, term_row_cols(t)[p - term_row(t, y + 2)], &a), 1);
	screen_assert(t, !a.underline, "paragraph underlined");
	term_quit_ok(t);
	free(path);
}

/* Search works on the article's text: a word of its last paragraph,
 * below the first screen, is found and shown reversed; a word of the
 * page's chrome is not there to find. */
static void test_page_search(void **state)
{
	(void)state;
	char *path = fixture("page.html");
	struct term *t = start_brief(24, 80, path);
	/* Lower case: a capital makes a search case-sensitive, as less -i. */
	term_send(t, "/saturday\r");
	int found = 0;
	for (int y = 0; y < 23 && !found; y++) {
		const char *row = term_row(t, y);
		const char *p = strstr(row, "Saturday");
		if (!p)
			continue;
		VTermScreenCellAttrs a;
		assert_int_equal(term_cell_attrs(t, y, term_row_cols(t)[p - row], &a), 1);
		found = a.reverse;
	}
	screen_assert(t, found, "/saturday: no reverse-video Saturday on screen");
	term_send(t, "/harbourwatcher\r");
	screen_assert(t, strstr(term_row(t, 23), "Pattern not found") != NULL,
		      "a comment's author found: %s", term_row(t, 23));
	term_quit_ok(t);
	free(path);
}

/* A page's text, NUL-terminated, written as name in the test folder. */
static char *write_page(const char *name, const char *html)
{
	return term_write_temp(name, html, strlen(html));
}

/* No article: the status line says so and the whole text shows. */
static void test_page_without_article(void **state)
{
	(void)state;
	char *path = write_page("nav.html",
				"<!doctype html><html><head><title>Sections</title></head><body>"
				"<nav><ul><li><a href=\"/a\">World news</a></li><li><a href=\"/b\">Sport</a>"
				"</li></ul></nav><p>Choose a section.</p></body></html>");
	struct term *t = start_brief(24, 80, path);
	screen_assert(t, strstr(term_row(t, 23), "No article found in this page") != NULL,
		      "status row: %s", term_row(t, 23));
	char *body = article_text(t, 0, 6);
	screen_assert(t, strstr(body, "World news") && strstr(body, "Choose a section."),
		      "the whole text is not shown: %s", body);
	free(body);
	/* The notice goes with the first key, as any message. */
	term_key(t, "j");
	screen_assert(t, strstr(term_row(t, 23), "No article found") == NULL, "notice stays");
	term_quit_ok(t);
	free(path);
}

/* A page's controls reach the terminal as placeholders, not sequences:
 * no OSC (window title), no CSI from the text, no bidi override. */
static void test_page_hostile(void **state)
{
	(void)state;
	char *path = write_page("evil.html",
				"<!doctype html><html><head><title>Evil \x1b]0;pwned\x07 title</title>"
				"<meta property=\"og:title\" content=\"Evil &#27;]0;owned&#7; headline\"></head>"
				"<body><article><p>Evil paragraph \x1b[2J\x1b[31m red &#x9b;1m and &#x202e;"
				"reversed&#x202c; text, long enough, with commas, to be an article of its own, "
				"which it is, for the test.</p><p>A second paragraph, also long enough, with "
				"commas, so that the page has an article and not only chrome.</p></article>"
				"</body></html>");
	struct term *t = start_brief(24, 80, path);
	screen_assert(t, strncmp(term_row(t, 0), "Evil", 4) == 0, "header: %s", term_row(t, 0));
	screen_assert(t, !term_raw_has(t, "\x1b]0;", 4), "an OSC reached the terminal");
	screen_assert(t, !term_raw_has(t, "\x07", 1), "a BEL reached the terminal");
	/* ncurses sends its own CSIs; the page's two in a row are not among
	 * them, and show as text. */
	screen_assert(t, !term_raw_has(t, "\x1b[2J\x1b[31m", 9), "the page's CSI reached the terminal");
	screen_assert(t, strstr(term_row(t, 1), "[2J[31m red") != NULL, "row 1: %s", term_row(t, 1));
	screen_assert(t, !term_raw_has(t, "\xc2\x9b", 2), "a C1 CSI reached the terminal");
	screen_assert(t, !term_raw_has(t, "\xe2\x80\xae", 3), "a bidi override reached the terminal");
	char *body = article_text(t, 1, 6);
	screen_assert(t, strstr(body, "Evil paragraph") && strstr(body, "red"), "text: %s", body);
	free(body);
	term_quit_ok(t);
	free(path);
}

static int teardown(void **state)
{
	(void)state;
	term_cleanup_all();
	return 0;
}

int main(void)
{
	brief_path = getenv("BRIEF");
	if (!brief_path || access(brief_path, X_OK) != 0) {
		fprintf(stderr, "html_test: set BRIEF to the brief binary\n");
		return 1;
	}
	if (term_test_env(tmpdir) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_page_named, teardown),
		cmocka_unit_test_teardown(test_page_from_pipe, teardown),
		cmocka_unit_test_teardown(test_page_gzip, teardown),
		cmocka_unit_test_teardown(test_page_heading, teardown),
		cmocka_unit_test_teardown(test_page_search, teardown),
		cmocka_unit_test_teardown(test_page_without_article, teardown),
		cmocka_unit_test_teardown(test_page_hostile, teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char *cmd;
	if (asprintf(&cmd, "rm -rf '%s'", tmpdir) >= 0) {
		if (system(cmd) != 0)
			fprintf(stderr, "cannot remove %s\n", tmpdir);
		free(cmd);
	}
	return rc;
}
