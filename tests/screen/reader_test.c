/* Screen tests of what a first reading found wrong (issue 19) and of the
 * automatic actors in the reader (issue 16): the real brief under a pty,
 * its screen read back through libvterm (harness.c).  No sleeps: every
 * step waits until brief is blocked in its idle poll with nothing left to
 * read.  Apart from screen_test.c so that its list and this one grow
 * without touching each other. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "brief/actors.h"
#include "harness.h"
#include "../unit/many_names.h"

static const char *brief_path;
static const char *assets;
static char tmpdir[] = "/tmp/brief-reader-XXXXXX";

/* ---- helpers -------------------------------------------------------------- */

/* Helpers a test may not use yet. */
#define HELPER __attribute__((unused)) static

#define screen_assert(t, cond, ...)                                             \
	do {                                                                     \
		if (!(cond)) {                                                   \
			term_dump(t);                                            \
			fail_msg(__VA_ARGS__);                                   \
		}                                                                \
	} while (0)

static struct term *start_env(int rows, int cols, const char *const args[],
			      const char *const env[])
{
	const char *argv[24];
	size_t n = 0;
	argv[n++] = brief_path;
	for (size_t i = 0; args && args[i] && n < 23; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	return term_start(rows, cols, argv, env);
}

static const char *const no_state[] = { "--no-state", NULL };

static struct term *start(int rows, int cols, const char *const args[])
{
	return start_env(rows, cols, args ? args : no_state, NULL);
}

HELPER const char *status_row(struct term *t)
{
	return term_row(t, term_rows(t) - 1);
}

HELPER int status_has(struct term *t, const char *s)
{
	return strstr(status_row(t), s) != NULL;
}

HELPER int screen_has(struct term *t, const char *s)
{
	return strstr(term_text(t), s) != NULL;
}

/* Column of the side panel's rule (from a row without a horizontal rule);
 * -1 if none. */
HELPER int panel_rule_x(struct term *t)
{
	for (int y = 0; y < term_rows(t) - 1; y++) {
		const char *r = term_row(t, y);
		const char *p = strstr(r, "│");
		if (!p)
			p = strstr(r, "┃");
		if (p && !strstr(r, "─") && !strstr(r, "━"))
			return term_row_cols(t)[p - r];
	}
	return -1;
}

/* The part of row y from column x0 on (owned by the caller). */
HELPER char *row_from(struct term *t, int y, int x0)
{
	const char *r = term_row(t, y);
	const int *cols = term_row_cols(t);
	size_t i = 0;
	while (r[i] && cols[i] < x0)
		i++;
	return strdup(r + i);
}

/* The part of row y left of column limit (owned by the caller). */
HELPER char *row_upto(struct term *t, int y, int limit)
{
	const char *r = term_row(t, y);
	const int *cols = term_row_cols(t);
	size_t n = 0;
	while (r[n] && (limit < 0 || cols[n] < limit))
		n++;
	while (n > 0 && r[n - 1] == ' ')
		n--;
	return strndup(r, n);
}

/* Row of the comparison's rule, or the status row when there is none. */
HELPER int compare_rule_y(struct term *t)
{
	for (int y = 0; y < term_rows(t) - 1; y++) {
		const char *r = term_row(t, y);
		/* A rule at the left edge, its label cut or not. */
		if (!strncmp(r, "\u2500\u2500 C", 8) || !strncmp(r, "-- C", 4))
			return y;
	}
	return term_rows(t) - 1;
}

/* The row of the panel (right of its rule, above the comparison) holding
 * s; -1 if none.  *text gets that part of the row when not NULL. */
HELPER int panel_find(struct term *t, const char *s, char **text)
{
	int rule = panel_rule_x(t);
	if (rule < 0)
		return -1;
	for (int y = 0; y < compare_rule_y(t); y++) {
		char *r = row_from(t, y, rule + 1);
		if (strstr(r, s)) {
			if (text)
				*text = r;
			else
				free(r);
			return y;
		}
		free(r);
	}
	return -1;
}

/* The text under the ]/[ cursor (reverse and bold, where n lands), read
 * from the screen above the status row, rows joined by a space; "" when
 * there is none. */
HELPER const char *cursor_text(struct term *t)
{
	static char out[256];
	size_t n = 0;
	out[0] = '\0';
	for (int y = 0; y < term_rows(t) - 1; y++) {
		for (int x = 0; x < term_cols(t); x++) {
			VTermScreenCellAttrs a;
			VTermScreenCell c;
			term_cell_attrs(t, y, x, &a);
			term_cell(t, y, x, &c);
			if (!(a.reverse && a.bold))
				continue;
			for (int k = 0; k < VTERM_MAX_CHARS_PER_CELL && c.chars[k]; k++) {
				uint32_t cp = c.chars[k];
				if (n + 5 >= sizeof out)
					break;
				if (cp < 0x80) {
					out[n++] = (char)cp;
				} else if (cp < 0x800) {
					out[n++] = (char)(0xC0 | cp >> 6);
					out[n++] = (char)(0x80 | (cp & 0x3F));
				} else {
					out[n++] = (char)(0xE0 | cp >> 12);
					out[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
					out[n++] = (char)(0x80 | (cp & 0x3F));
				}
			}
			out[n] = '\0';
		}
		/* A highlight wrapped onto the next row goes on there. */
		if (n && n + 1 < sizeof out && out[n - 1] != ' ') {
			out[n++] = ' ';
			out[n] = '\0';
		}
	}
	while (n && out[n - 1] == ' ')
		out[--n] = '\0';
	return out;
}

/* SGR mouse: a button (64 wheel up, 65 down) pressed at (y, x). */
HELPER void send_mouse(struct term *t, int button, int y, int x)
{
	char buf[64];
	snprintf(buf, sizeof buf, "\033[<%d;%d;%dM", button, x + 1, y + 1);
	term_send(t, buf);
}

HELPER void send_click(struct term *t, int y, int x)
{
	char buf[64];
	snprintf(buf, sizeof buf, "\033[<0;%d;%dM\033[<0;%d;%dm", x + 1, y + 1, x + 1, y + 1);
	term_send(t, buf);
}

/* The panel's rows (right of the rule, above the comparison), each
 * trimmed, in one string joined by '\n' (owned by the caller). */
HELPER char *panel_text(struct term *t)
{
	int rule = panel_rule_x(t);
	size_t cap = 1, n = 0;
	char *out = calloc(1, 1);
	for (int y = 0; rule >= 0 && y < compare_rule_y(t); y++) {
		char *r = row_from(t, y, rule + 1);
		size_t l = strlen(r);
		while (l && r[l - 1] == ' ')
			l--;
		out = realloc(out, cap += l + 1);
		memcpy(out + n, r, l);
		n += l;
		out[n++] = '\n';
		out[n] = '\0';
		free(r);
	}
	return out;
}

/* The row of the comparison marked selected ("> "), -1 if none. */
HELPER int compare_selected_y(struct term *t)
{
	for (int y = compare_rule_y(t) + 1; y < term_rows(t) - 1; y++)
		if (strncmp(term_row(t, y), "> ", 2) == 0)
			return y;
	return -1;
}



HELPER char *asset(const char *name)
{
	char *p;
	if (asprintf(&p, "%s/%s", assets, name) < 0)
		fail_msg("asprintf");
	return p;
}

/* ---- keys as a reader names them ----------------------------------------- */

/* Help writes Shift-Tab, the name on the keyboard, not curses' BTab; and
 * the key still moves the focus back. */
static void test_help_says_shift_tab(void **state)
{
	(void)state;
	struct term *t = start(60, 120, NULL);
	term_key(t, "h");
	screen_assert(t, screen_has(t, "Shift-Tab"), "help does not name Shift-Tab");
	screen_assert(t, !screen_has(t, "BTab"), "help still says BTab");
	term_key(t, "q");
	term_quit_ok(t);
}

/* ---- the terminal ---------------------------------------------------------- */

/* TERM unset gets the hint TERM=dumb gets: what to do instead. */
static void test_term_unset_hint(void **state)
{
	(void)state;
	static const char *const env[] = { "TERM", NULL };
	struct term *t = start_env(24, 80, NULL, env);
	term_wait_exit(t);
	term_settle(t);
	screen_assert(t, screen_has(t, "(unset)"), "no word of TERM being unset");
	screen_assert(t, screen_has(t, "use --dump, or set TERM"),
		      "TERM unset gives no hint of what to do");
	int rc = term_finish(t, NULL);
	assert_int_equal(rc, 2);
}

/* ---- = ------------------------------------------------------------------------ */

/* = gives the top line's byte offset with its share of the file, not the
 * screen's position (18% at the top of the commentary was the bottom of
 * the screen), and says what the other figure is. */
static void check_byte_share(struct term *t)
{
	term_send(t, "=");
	const char *p = strstr(status_row(t), "byte ");
	screen_assert(t, p, "= shows no byte offset");
	char *end;
	long byte = strtol(p + 5, &end, 10);
	long total = -1, pct = -1;
	screen_assert(t, sscanf(end, " of %ld (%ld%%)", &total, &pct) == 2,
		      "= gives no share after the byte offset: %s", status_row(t));
	screen_assert(t, total > 0 && pct == byte * 100 / total,
		      "byte %ld of %ld is %ld%%, not %ld%%", byte, total, byte * 100 / total, pct);
	screen_assert(t, status_has(t, "screen ends at "), "the screen's position is not labelled");
}

static void test_file_info_byte_share(void **state)
{
	(void)state;
	struct term *t = start(30, 120, NULL);
	check_byte_share(t);
	term_send(t, "20j");
	check_byte_share(t);
	term_quit_ok(t);
}

/* ---- search as less users know it ---------------------------------------- */

/* The first `steps` matches of pattern from the top, as n walks them: each
 * the text under the cursor; 1 if every one is want exactly. */
static int matches_are(struct term *t, const char *pattern, const char *want, int steps)
{
	char cmd[64];
	snprintf(cmd, sizeof cmd, "/%s\r", pattern);
	term_send(t, "g");
	term_send(t, cmd);
	for (int i = 0; i < steps; i++) {
		if (strcmp(cursor_text(t), want) != 0)
			return 0;
		term_send(t, "n");
	}
	return 1;
}

/* /US lands on "US", never on "focus" or "trust" (smart case: a capital
 * makes the search match case); /us still ignores it; -i toggles matching
 * case as less's -i does, -I ignores it always, and Esc cancels the -. */
static void test_search_smart_case(void **state)
{
	(void)state;
	struct term *t = start(30, 100, NULL);
	screen_assert(t, matches_are(t, "US", "US", 12), "/US landed on \"%s\"", cursor_text(t));
	screen_assert(t, !matches_are(t, "us", "us", 12), "/us matched only lower case");
	term_send(t, "-");
	screen_assert(t, strncmp(status_row(t), "-", 1) == 0, "- does not prompt for its option");
	term_send(t, "i");
	screen_assert(t, status_has(t, "Searches match case"), "-i did not say case now matters");
	screen_assert(t, matches_are(t, "us", "us", 12), "after -i, /us landed on \"%s\"",
		      cursor_text(t));
	term_send(t, "-i");
	screen_assert(t, status_has(t, "unless the pattern has a capital"), "-i again: not smart");
	term_send(t, "-I");
	screen_assert(t, status_has(t, "Searches ignore case"), "-I did not say case is ignored");
	/* The search shown is redone the new way: n goes on to "us" now. */
	screen_assert(t, !matches_are(t, "US", "US", 12), "after -I, /US still matched case");
	term_send(t, "-");
	term_key(t, "Esc");
	screen_assert(t, status_has(t, "h help"), "Esc did not cancel the option prompt");
	term_send(t, "-x");
	screen_assert(t, status_has(t, "No option -x"), "-x: no word of an unknown option");
	term_quit_ok(t);

	static const char *const big_i[] = { "--no-state", "-I", NULL };
	t = start(30, 100, big_i);
	screen_assert(t, !matches_are(t, "US", "US", 12), "brief -I: /US matched case");
	term_quit_ok(t);
}

/* Non-overlapping occurrences of pat in s. */
static size_t occurrences(const char *s, const char *pat)
{
	size_t n = 0;
	for (const char *p = strstr(s, pat); p; p = strstr(p + strlen(pat), pat))
		n++;
	return n;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct stat st;
	assert_int_equal(fstat(fileno(f), &st), 0);
	char *b = malloc((size_t)st.st_size + 1);
	assert_non_null(b);
	assert_int_equal(fread(b, 1, (size_t)st.st_size, f), (size_t)st.st_size);
	b[st.st_size] = '\0';
	fclose(f);
	return b;
}

/* The status line says which match of how many the cursor is on, as n and
 * N walk them, and that a search went round. */
static void test_search_match_count(void **state)
{
	(void)state;
	char *path = asset("commentary.txt");
	char *text = slurp(path);
	/* The article's matches: from the body's first line on. */
	const char *body = strstr(text, "US Secretary of State Marco Rubio");
	assert_non_null(body);
	size_t total = occurrences(body, "US");
	assert_true(total > 5);
	char want[64];
	struct term *t = start(30, 100, NULL);
	term_send(t, "/US\r");
	snprintf(want, sizeof want, "match 1 of %zu", total);
	screen_assert(t, status_has(t, want), "after /US the status is not \"%s\"", want);
	term_send(t, "n");
	snprintf(want, sizeof want, "match 2 of %zu", total);
	screen_assert(t, status_has(t, want), "after n the status is not \"%s\"", want);
	term_send(t, "3n");
	snprintf(want, sizeof want, "match 5 of %zu", total);
	screen_assert(t, status_has(t, want), "after 3n the status is not \"%s\"", want);
	term_send(t, "N");
	snprintf(want, sizeof want, "match 4 of %zu", total);
	screen_assert(t, status_has(t, want), "after N the status is not \"%s\"", want);
	term_send(t, "4N");
	snprintf(want, sizeof want, "match %zu of %zu, wrapped to the bottom", total, total);
	screen_assert(t, status_has(t, want), "N before the first: not \"%s\"", want);
	term_send(t, "n");
	snprintf(want, sizeof want, "match 1 of %zu, wrapped to the top", total);
	screen_assert(t, status_has(t, want), "n past the last: not \"%s\"", want);
	/* Scrolling says nothing of matches any more. */
	term_send(t, "j");
	screen_assert(t, !status_has(t, "match "), "the match stays on the status line after j");
	term_quit_ok(t);
	free(text);
	free(path);
}

/* A document larger than what is counted before the first frame: the
 * count goes on as the reader idles, a lower bound ("+") meanwhile, and
 * ends with the total; keys are answered throughout. */
static void test_search_match_count_large(void **state)
{
	(void)state;
	struct buf { char *p; size_t n, cap; } b = { 0 };
	const char *line = "a line with one Ishiba in it, and more words after\n";
	size_t ll = strlen(line), lines = ((size_t)24 << 20) / ll;
	b.p = malloc(lines * ll);
	assert_non_null(b.p);
	for (size_t i = 0; i < lines; i++)
		memcpy(b.p + i * ll, line, ll);
	char *path = term_write_temp("many.txt", b.p, lines * ll);
	free(b.p);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start(24, 80, args);
	term_send(t, "/Ishiba\r");
	char want[64];
	snprintf(want, sizeof want, "match 1 of %zu", lines);
	screen_assert(t, status_has(t, want) && !status_has(t, "+"),
		      "the count did not end with \"%s\"", want);
	size_t len;
	const char *raw = term_raw(t, &len);
	int partial = 0;
	for (const char *p = memmem(raw, len, "match 1 of ", 11); p && !partial;
	     p = memmem(p + 1, len - (size_t)(p + 1 - raw), "match 1 of ", 11)) {
		size_t n = strtoul(p + 11, NULL, 10);
		const char *e = p + 11;
		while (*e >= '0' && *e <= '9')
			e++;
		partial = *e == '+' && n < lines;
	}
	screen_assert(t, partial, "no frame showed the count as it went (\"match 1 of N+\")");
	term_send(t, "n");
	snprintf(want, sizeof want, "match 2 of %zu", lines);
	screen_assert(t, status_has(t, want), "after n: not \"%s\"", want);
	term_quit_ok(t);
	unlink(path);
	free(path);
}

/* ---- cut text ---------------------------------------------------------------- */

/* An article with a long actor name, a long description and a measure
 * label longer than a narrow comparison. */
static const char cut_text[] =
	"The Extraordinarily Long Named Ministry of Agricultural Affairs said on Monday that "
	"Northland must raise its budget to 5 percent of GDP from 2 percent of GDP.\n";
static const char cut_annotations[] =
	"brief 1\n"
	"title \"The Extraordinarily Long Named Ministry of Agricultural Affairs\"\n"
	"actor min organization \"The Extraordinarily Long Named Ministry of Agricultural Affairs\"\n"
	"  description \"The ministry whose name is longer than any panel is wide, and which sets "
	"the budget rules every year\"\n"
	"actor north country \"Northland\"\n"
	"comparison b \"Budget\"\n"
	"  unit \"% of GDP\"\n"
	"  row north current \"2 percent of GDP\" demand \"5 percent of GDP\"\n"
	"  measure north \"Counterproductivesupercalifragilisticbudgetarydisciplinemeasure\" "
	"\"raise its budget\"\n";

/* Where text is cut it ends in "…" (a word left whole where one ends
 * near), in the panel, the header, the status line and the chart; "..."
 * with --ascii. */
static void test_cut_text_marked(void **state)
{
	(void)state;
	char *txt = term_write_temp("cut.txt", cut_text, sizeof cut_text - 1);
	char *ann = term_write_temp("cut.brief", cut_annotations, sizeof cut_annotations - 1);
	const char *args[] = { "--no-state", txt, NULL };
	struct term *t = start(24, 80, args);
	char *row = NULL;
	screen_assert(t, panel_find(t, "The Extraordinarily", &row) >= 0, "no ministry row");
	screen_assert(t, strstr(row, "\u2026") != NULL, "the cut name has no mark: \"%s\"", row);
	/* Cut after a whole word of the name. */
	const char *name = "The Extraordinarily Long Named Ministry of Agricultural Affairs";
	const char *shown = strstr(row, "The Extraordinarily");
	size_t keep = (size_t)(strstr(shown, "\u2026") - shown);
	screen_assert(t, keep > 0 && strncmp(shown, name, keep) == 0
			 && (name[keep] == ' ' || name[keep] == '\0'),
		      "the name is cut inside a word: \"%s\"", row);
	free(row);
	/* The status line, describing the actor at the cursor. */
	term_send(t, "]");
	screen_assert(t, status_has(t, "\u2026"), "the cut description has no mark");
	screen_assert(t, !status_has(t, "ever") || status_has(t, "every\u2026"),
		      "the description is cut inside a word");
	term_quit_ok(t);

	/* The header at 40 columns; the measure label in a narrow chart
	 * (tall enough for the chart's rows and its "pp" note above it). */
	t = start(50, 40, args);
	screen_assert(t, strstr(term_row(t, 0), "\u2026") != NULL, "the cut header has no mark: \"%s\"",
		      term_row(t, 0));
	/* The chart wraps a label longer than its width: none of it is lost. */
	int cy = compare_rule_y(t);
	char joined[512] = "";
	for (int y = cy + 1; y < term_rows(t) - 1; y++) {
		const char *r = term_row(t, y);
		while (*r == ' ')
			r++;
		strncat(joined, r, sizeof joined - strlen(joined) - 1);
	}
	screen_assert(t, strstr(joined, "Counterproductivesupercalifragilisticbudgetarydisciplinemeasure"),
		      "the chart's long label lost a part: %s", joined);
	term_quit_ok(t);
	/* Too narrow to wrap in: its lines are cut, with the mark. */
	t = start(30, 9, args);
	cy = compare_rule_y(t);
	int found = 0;
	for (int y = cy + 1; y < term_rows(t) - 1; y++)
		found |= strstr(term_row(t, y), "\u2026") != NULL;
	screen_assert(t, cy < term_rows(t) - 1 && found, "a chart too narrow to wrap is cut unmarked");
	term_quit_ok(t);

	const char *ascii[] = { "--no-state", "--ascii", txt, NULL };
	t = start(24, 80, ascii);
	/* The panel's rule is '|' now: its row holds the rule and the name. */
	int ok = 0;
	for (int y = 1; y < term_rows(t) - 1 && !ok; y++) {
		const char *r = term_row(t, y);
		const char *bar = strstr(r, "|");
		ok = bar && strstr(bar, "The Extraordinari") && strstr(bar, "...");
	}
	screen_assert(t, ok, "--ascii: the cut name has no \"...\"");
	term_quit_ok(t);
	unlink(txt);
	unlink(ann);
	free(txt);
	free(ann);
}

/* ---- what is off screen --------------------------------------------------- */

/* The panel and the comparison say how many of their rows are hidden
 * below ("↓ N more") and above ("↑ N more"), the same way. */
static void test_lists_say_what_is_hidden(void **state)
{
	(void)state;
	struct term *t = start(30, 100, NULL);
	char *row = NULL;
	int y = panel_find(t, "\u2193 ", &row);
	screen_assert(t, y >= 0, "the panel does not say rows are hidden below");
	int more = atoi(strstr(row, "\u2193 ") + strlen("\u2193 "));
	screen_assert(t, more > 5 && strstr(row, "more"), "odd panel marker: \"%s\"", row);
	free(row);
	/* At its end, what is above. */
	term_key(t, "Tab");
	term_send(t, "G");
	screen_assert(t, panel_find(t, "\u2191 ", &row) >= 0, "the panel does not say rows are above");
	screen_assert(t, atoi(strstr(row, "\u2191 ") + strlen("\u2191 ")) > 5, "odd: \"%s\"", row);
	free(row);
	screen_assert(t, panel_find(t, "\u2193 ", NULL) < 0, "rows below said at the end");
	term_quit_ok(t);

	/* The comparison at 80x24: the measures below. */
	t = start(24, 80, NULL);
	int cy = compare_rule_y(t), found = 0;
	for (int r = cy + 1; r < term_rows(t) - 1; r++)
		found |= strstr(term_row(t, r), "\u2193 ") && strstr(term_row(t, r), "more");
	screen_assert(t, found, "the comparison does not say rows are hidden below");
	term_key(t, "Tab", "Tab");
	term_send(t, "G");
	found = 0;
	for (int r = cy + 1; r < term_rows(t) - 1; r++)
		found |= strstr(term_row(t, r), "\u2191 ") && strstr(term_row(t, r), "more");
	screen_assert(t, found, "the comparison does not say rows are hidden above");
	term_quit_ok(t);
}

/* Selecting an entity in the article (*, a click) brings its panel row
 * into view, selected. */
static void test_selection_shown_in_panel(void **state)
{
	(void)state;
	struct term *t = start(30, 100, NULL);
	screen_assert(t, panel_find(t, "Middle East", NULL) < 0, "Middle East shows at first");
	for (int i = 0; i < 40 && strcmp(cursor_text(t), "Middle East") != 0; i++)
		term_send(t, "]");
	screen_assert(t, strcmp(cursor_text(t), "Middle East") == 0, "] never reached Middle East");
	term_send(t, "*");
	char *row = NULL;
	screen_assert(t, panel_find(t, "Middle East", &row) >= 0, "* did not bring Middle East into view");
	screen_assert(t, strncmp(row, "> ", 2) == 0, "the Middle East row is not selected: %s", row);
	free(row);
	term_quit_ok(t);
}

/* ---- focus and state --------------------------------------------------------- */

/* The focus is named the same way whichever pane has it. */
static void test_focus_marker(void **state)
{
	(void)state;
	struct term *t = start(30, 100, NULL);
	screen_assert(t, status_has(t, "[article]"), "the article's focus is not shown");
	term_key(t, "Tab");
	screen_assert(t, status_has(t, "[panel]"), "the panel's focus is not shown");
	term_key(t, "Tab");
	screen_assert(t, status_has(t, "[comparison]"), "the comparison's focus is not shown");
	screen_assert(t, !screen_has(t, "(focus)"), "a second kind of focus marker");
	term_key(t, "Shift-Tab");
	screen_assert(t, status_has(t, "[panel]"), "Shift-Tab: the panel's focus is not shown");
	/* A click moves the focus, and says so. */
	int cy = compare_rule_y(t);
	send_click(t, cy + 2, 4);
	screen_assert(t, status_has(t, "[comparison]"), "a click in the chart: focus not shown");
	term_quit_ok(t);
}

/* The comparison's selection stays on its row across any resize. */
static void test_compare_selection_survives_resize(void **state)
{
	(void)state;
	static const int sizes[][2] = { { 30, 40 }, { 30, 100 }, { 14, 50 }, { 30, 100 },
					{ 24, 80 }, { 30, 100 } };
	for (int moved = 0; moved < 2; moved++) {
		struct term *t = start(30, 100, NULL);
		term_key(t, "Tab", "Tab");
		if (moved)
			term_send(t, "j");      /* Japan's demand */
		int y = compare_selected_y(t);
		screen_assert(t, y >= 0, "no selected chart row");
		char *want = strdup(term_row(t, y));
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
			term_resize(t, sizes[i][0], sizes[i][1]);
		y = compare_selected_y(t);
		screen_assert(t, y >= 0 && strcmp(term_row(t, y), want) == 0,
			      "the selection moved from \"%s\" to \"%s\"", want, y >= 0 ? term_row(t, y) : "");
		free(want);
		term_quit_ok(t);
	}
}

/* The wheel scrolls the panel's and the comparison's rows alike, the
 * selection staying where it is while it shows. */
static void test_wheel_same_in_lists(void **state)
{
	(void)state;
	struct term *t = start(24, 80, NULL);
	int rule = panel_rule_x(t);
	char *before = panel_text(t);
	send_mouse(t, 65, 5, rule + 4);
	char *after = panel_text(t);
	screen_assert(t, strcmp(before, after) != 0, "the wheel did not scroll the panel");
	screen_assert(t, strstr(after, "> ") == NULL || strstr(before, "> ") != NULL,
		      "the panel's selection appeared");
	free(before);
	free(after);
	int cy = compare_rule_y(t);
	char *top = strdup(term_row(t, cy + 1));
	int sel = compare_selected_y(t);
	char *selected = strdup(term_row(t, sel));
	send_mouse(t, 65, cy + 2, 10);
	screen_assert(t, strcmp(term_row(t, cy + 1), top) != 0, "the wheel did not scroll the chart");
	int sel2 = compare_selected_y(t);
	screen_assert(t, sel2 >= 0, "no selected chart row after the wheel");
	/* Scrolled three rows: a selection that still shows stays on its
	 * row, one that went off comes to the nearest that shows. */
	screen_assert(t, strcmp(term_row(t, sel2), selected) == 0 || sel2 <= cy + 2,
		      "the wheel moved the chart's selection instead of its rows");
	free(top);
	free(selected);
	term_quit_ok(t);
}

/* Help says where its window is, as less does: "lines 1-29 of N", and
 * at its end the last line is N. */
static void test_help_position(void **state)
{
	(void)state;
	struct term *t = start(30, 100, NULL);
	term_key(t, "h");
	const char *p = strstr(term_row(t, 0), "lines 1-29 of ");
	screen_assert(t, p != NULL, "help does not say which lines it shows");
	int total = atoi(p + strlen("lines 1-29 of "));
	screen_assert(t, total > 29, "help's %d lines fit: the test needs more", total);
	term_key(t, "G");
	char want[64];
	snprintf(want, sizeof want, "lines %d-%d of %d", total - 28, total, total);
	screen_assert(t, strstr(term_row(t, 0), want) != NULL, "at its end help does not say \"%s\"",
		      want);
	term_key(t, "q");
	term_quit_ok(t);
}

/* s and c are remembered with the reading position, for the document and
 * as the choice for the next one; --no-panel and --no-compare win. */
static void test_panes_remembered(void **state)
{
	(void)state;
	char *env0;
	if (asprintf(&env0, "XDG_STATE_HOME=%s/panes-state", tmpdir) < 0)
		fail_msg("asprintf");
	const char *const env[] = { env0, NULL };
	static const char *const none[] = { NULL };
	struct term *t = start_env(30, 100, none, env);
	screen_assert(t, panel_rule_x(t) >= 0 && compare_rule_y(t) < 29, "not both panes at first");
	term_send(t, "s");
	term_send(t, "c");
	screen_assert(t, panel_rule_x(t) < 0 && compare_rule_y(t) == 29, "s and c did not hide them");
	term_quit_ok(t);
	t = start_env(30, 100, none, env);
	screen_assert(t, panel_rule_x(t) < 0, "the hidden panel came back");
	screen_assert(t, compare_rule_y(t) == 29, "the hidden comparison came back");
	term_send(t, "c");
	screen_assert(t, compare_rule_y(t) < 29, "c did not show the comparison");
	term_quit_ok(t);
	/* Another document: the last choice. */
	char *second = asset("../tests/fixtures/second.txt");
	const char *args[] = { second, NULL };
	t = start_env(30, 100, args, env);
	screen_assert(t, panel_rule_x(t) < 0, "a new document: the panel was hidden last");
	screen_assert(t, compare_rule_y(t) < 29, "a new document: the comparison was shown last");
	term_send(t, "s");
	term_quit_ok(t);
	/* The options win over the state. */
	static const char *const no_both[] = { "--no-panel", "--no-compare", NULL };
	t = start_env(30, 100, no_both, env);
	screen_assert(t, panel_rule_x(t) < 0 && compare_rule_y(t) == 29,
		      "--no-panel --no-compare: a pane shows");
	term_quit_ok(t);
	free(second);
	free(env0);
}

/* ---- wording ------------------------------------------------------------------ */

/* Values as a reader writes them in the panel and on the status line, not
 * the machine form ("date early --07", "percent 25 %", "1.5e+09 EUR"); the
 * two different 25 percents are two rows, each with its meaning. */
static void test_values_worded(void **state)
{
	(void)state;
	struct term *t = start(60, 140, NULL);
	char *panel = panel_text(t);
	static const char *const want[] = { "early July", "July 9", "less than 2% of GDP",
					    "3.5% of GDP", "90 days", "7 rounds" };
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		screen_assert(t, strstr(panel, want[i]) != NULL, "the panel has no \"%s\"", want[i]);
	static const char *const machine[] = { "--07", "e+", " % ", "percent 25" };
	for (size_t i = 0; i < sizeof machine / sizeof machine[0]; i++)
		screen_assert(t, strstr(panel, machine[i]) == NULL, "the panel shows \"%s\"", machine[i]);
	/* Grouped by meaning: two 25% rows, told apart. */
	size_t rows = 0;
	for (const char *p = strstr(panel, "25% \u00b7 "); p; p = strstr(p + 1, "25% \u00b7 "))
		rows++;
	screen_assert(t, rows == 2, "%zu rows of 25%% with a meaning, not 2:\n%s", rows, panel);
	screen_assert(t, strstr(panel, "25% \u00b7 US tariff") && strstr(panel, "25% \u00b7 US tax"),
		      "the 25%% rows do not say which is which");
	free(panel);
	/* The status line at the cursor. */
	for (int i = 0; i < 60 && strcmp(cursor_text(t), "early July") != 0; i++)
		term_send(t, "]");
	screen_assert(t, status_has(t, "early July \u00b7 early July"),
		      "the status line does not word the date");
	screen_assert(t, !status_has(t, "--07"), "the status line shows the machine form");
	term_quit_ok(t);
}

/* ---- the card ---------------------------------------------------------------- */

/* The card's text, its rows joined by spaces (folded), for finding
 * phrases that wrap. */
static char *screen_folded(struct term *t)
{
	char *s = strdup(term_text(t));
	char *w = s;
	int space = 0;
	for (char *r = s; *r; r++) {
		if (*r == ' ' || *r == '\n') {
			space = 1;
			continue;
		}
		if (space && w > s)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

static void expect_card(struct term *t, const char *const *want, size_t n, const char *what)
{
	char *f = screen_folded(t);
	for (size_t i = 0; i < n; i++)
		screen_assert(t, strstr(f, want[i]) != NULL, "%s: the card lacks \"%s\"", what, want[i]);
	free(f);
}

/* i on a panel row shows the actor whole, over the screen: what the panel
 * and the status line cut, the mentions, the first one's sentence and the
 * governments named through him; q closes it.  Enter on the selected row
 * opens it too. */
static void test_card_of_actor(void **state)
{
	(void)state;
	struct term *t = start(30, 100, NULL);
	term_key(t, "Tab", "j");
	screen_assert(t, panel_find(t, "> Donald Trump", NULL) >= 0, "Donald Trump is not selected");
	term_send(t, "i");
	static const char *const want[] = {
		"Donald Trump (q, i or Esc to close)", "name Donald Trump", "kind person",
		"description US President; his administration sets the tariffs and demands",
		"affiliation US", "aliases Trump", "mentions 1",
		"also named in Trump administration \u00d72 (counted for US",
		("first mention line 15: While the current administration continues the "
		 "\"transactional alliance\" approach adopted during Trump's first term"),
		"found by the annotation file",
	};
	expect_card(t, want, sizeof want / sizeof want[0], "Donald Trump");
	term_send(t, "q");
	screen_assert(t, status_has(t, "[panel]"), "q did not close the card");
	/* Enter selects; Enter on the row selected shows the card. */
	term_key(t, "Enter");
	screen_assert(t, status_has(t, "Trump 1/1"), "Enter did not select Donald Trump");
	term_key(t, "Tab", "Shift-Tab", "Enter");
	screen_assert(t, strstr(term_row(t, 0), "Donald Trump (q, i or Esc"), "Enter again: no card");
	term_key(t, "Esc");
	/* The country's card says which of its mentions are a person's
	 * government. */
	term_send(t, "g");
	for (int i = 0; i < 4; i++)
		term_send(t, "j");
	screen_assert(t, panel_find(t, "> US", NULL) >= 0, "US is not selected");
	term_send(t, "i");
	static const char *const us[] = { "mentions 26", "of which Trump administration \u00d72" };
	expect_card(t, us, 2, "US");
	term_send(t, "q");
	term_quit_ok(t);
}

/* A card scrolled to its end on a short window, then made tall again,
 * shows its last page, not rows past its end (found by review: "lines
 * 38-12 of 12" over an empty card). */
static void test_card_after_resize(void **state)
{
	(void)state;
	struct term *t = start(24, 80, NULL);
	term_key(t, "]", "i");
	screen_assert(t, strstr(term_row(t, 0), "(q, i or Esc to close)"), "no card");
	term_resize(t, 4, 40);
	term_key(t, "G");
	term_resize(t, 24, 80);
	int first = 0, last = 0, total = 0;
	const char *at = strstr(term_row(t, 0), "lines ");
	screen_assert(t, at && sscanf(at, "lines %d-%d of %d", &first, &last, &total) == 3,
		      "no position on the card's title row");
	screen_assert(t, first >= 1 && first <= last && last == total,
		      "the card shows lines %d-%d of %d", first, last, total);
	screen_assert(t, strstr(term_row(t, 1), "name") != NULL || first > 1,
		      "the card's first row is empty");
	term_send(t, "q");
	term_quit_ok(t);
}

/* i on the ]/[ cursor: a figure's card, its meaning whole (the panel cuts
 * it); the status line's cut description is whole there too. */
static void test_card_of_cursor(void **state)
{
	(void)state;
	struct term *t = start(24, 80, NULL);
	for (int i = 0; i < 80 && strcmp(cursor_text(t), "less than 2 percent of GDP") != 0; i++)
		term_send(t, "]");
	screen_assert(t, strcmp(cursor_text(t), "less than 2 percent of GDP") == 0, "] never got there");
	term_send(t, "i");
	static const char *const want[] = {
		"value less than 2% of GDP", "kind percent",
		"as written \"less than 2 percent of GDP\"", "meaning Japan's current defense spending",
		"occurrences 1", "raise its defense spending from less than 2 percent of GDP to 3.5",
		"found by",
	};
	expect_card(t, want, sizeof want / sizeof want[0], "less than 2 percent of GDP");
	/* A long card scrolls, and says where it is. */
	screen_assert(t, strstr(term_row(t, 0), "lines 1-"), "the card does not say which lines show");
	term_key(t, "Esc");
	/* Nothing at the cursor, nothing selected: said so. */
	term_key(t, "Esc", "g");
	term_send(t, "i");
	screen_assert(t, status_has(t, "No actor or figure here"), "i on nothing says nothing");
	term_quit_ok(t);
}

/* x says in one line what found the panel row's or the cursor's actor or
 * figure: the annotation file's line for an annotated actor, the rule for
 * a figure, the government a person's name stands for. */
static void test_why_line(void **state)
{
	(void)state;
	struct term *t = start(30, 100, NULL);
	term_key(t, "Tab");
	screen_assert(t, panel_find(t, "> Marco Rubio", NULL) >= 0, "Marco Rubio is not selected");
	term_send(t, "x");
	screen_assert(t, status_has(t, "Marco Rubio: from the annotation file, "),
		      "x on an annotated actor: not said");
	screen_assert(t, status_has(t, "commentary.brief):"), "x does not give the annotation's line");
	term_key(t, "Tab", "Tab");
	for (int i = 0; i < 80 && strcmp(cursor_text(t), "less than 2 percent of GDP") != 0; i++)
		term_send(t, "]");
	term_send(t, "x");
	screen_assert(t, status_has(t, "less than 2 percent of GDP: found by the rule "),
		      "x on a figure does not name its rule");
	screen_assert(t, status_has(t, "; its meaning from"),
		      "x on a figure does not say where its meaning is from");
	for (int i = 0; i < 200 && strcmp(cursor_text(t), "Trump administration") != 0; i++)
		term_send(t, "]");
	screen_assert(t, strcmp(cursor_text(t), "Trump administration") == 0, "] never got there");
	term_send(t, "x");
	screen_assert(t, status_has(t, "Trump administration: Donald Trump's government, counted for US"),
		      "x on a government mention does not say so");
	term_quit_ok(t);
}

/* Help's legend explains the chart's bars (the bound's shade among them),
 * its hedges and "by ?", in both glyph sets. */
static void test_help_explains_bars(void **state)
{
	(void)state;
	static const char *const uni[] = { "Charts", "\u2593\u2593\u2593\u2593 the current level",
					   "\u2588\u2588\u2588\u2588 the demand",
					   "\u2591\u2591\u2591\u2591 a bound: shaded",
					   "\u25b8 the open end of a lower bound", "reportedly after the demand's bar",
					   "by ? the text names no one", "pp percentage points" };
	static const char *const asc[] = { "==== the current level", "#### the demand",
					   "---- a bound: shaded", "###> the open end" };
	for (int ascii = 0; ascii < 2; ascii++) {
		const char *args[] = { "--no-state", ascii ? "--ascii" : NULL, NULL };
		struct term *t = start(30, 100, args);
		term_key(t, "h", "G");
		expect_card(t, ascii ? asc : uni, ascii ? 4 : 8, ascii ? "help, --ascii" : "help");
		term_key(t, "q");
		term_quit_ok(t);
	}
}

/* The comparison pane draws what the chart model gives: a row's hedges
 * after its demand's bar, "by US?" for an inherited demander and its
 * note, "pp" explained. */
static void test_chart_hedges_shown(void **state)
{
	(void)state;
	struct term *t = start(40, 100, NULL);
	int cy = compare_rule_y(t);
	screen_assert(t, cy > 0, "no comparison pane");
	char *f = screen_folded(t);
	const char *after = strstr(f, "Defense spending");
	screen_assert(t, after != NULL, "no defense chart");
	screen_assert(t, strstr(after, "3.5 ") && strstr(after, " reportedly"),
		      "Japan's demand is not marked reportedly");
	screen_assert(t, strstr(after, "has been asked, by US?"), "South Korea's hedge and demander");
	screen_assert(t, strstr(after, "US?: the text does not say who asks here"),
		      "the inherited demander is not explained");
	free(f);
	term_quit_ok(t);
}

/* ---- automatic actors in the reader (issue 16) ------------------------------ */

static const char auto_text[] =
	"The meeting in Quexford went ahead on Monday, officials said.\n"
	"Minister Alan Brackley told reporters that the plan would cost 3 percent of the budget.\n"
	"Later, Brackley said the Zorvani delegation had left.\n";

/* Without annotations: the panel's title says the actors were found
 * automatically; sure and likely ones are listed and highlighted as
 * annotated ones; the unsure one is in a last group, dim, and not
 * highlighted until A shows it; x says what found each; the card says it
 * whole. */
static void test_auto_actors_in_panel(void **state)
{
	(void)state;
	char *path = term_write_temp("auto.txt", auto_text, sizeof auto_text - 1);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start(24, 100, args);
	screen_assert(t, panel_find(t, "ACTORS (auto)", NULL) >= 0, "the title does not say auto");
	screen_assert(t, panel_find(t, "Alan Brackley", NULL) >= 0, "no Alan Brackley row");
	screen_assert(t, panel_find(t, "Quexford", NULL) >= 0, "the likely Quexford is not listed");
	int hy = panel_find(t, "Unsure (A shows)", NULL);
	int zy = panel_find(t, "Zorvani", NULL);
	screen_assert(t, hy >= 0 && zy > hy, "the unsure Zorvani is not in a last group");
	int by = panel_find(t, "FIGURES", NULL);
	screen_assert(t, by > zy, "the unsure group is not the last of the actors");
	/* Zorvani is not highlighted in the article (no bold there). */
	int y, x;
	screen_assert(t, term_find(t, "Zorvani delegation", &y, &x), "no Zorvani in the article");
	VTermScreenCellAttrs at;
	term_cell_attrs(t, y, x, &at);
	screen_assert(t, !at.bold, "the unsure Zorvani is highlighted before it is asked for");
	/* x on the rows. */
	term_key(t, "Tab");
	for (int i = 0; i < 10 && panel_find(t, "> Alan Brackley", NULL) < 0; i++)
		term_send(t, "j");
	term_send(t, "x");
	screen_assert(t, status_has(t, "Alan Brackley: found by title-cue, sure"),
		      "x does not say what found Alan Brackley");
	for (int i = 0; i < 10 && panel_find(t, "> Zorvani", NULL) < 0; i++)
		term_send(t, "j");
	term_send(t, "x");
	screen_assert(t, status_has(t, "Zorvani: found by") && status_has(t, "unsure"),
		      "x does not say what found Zorvani");
	term_send(t, "i");
	static const char *const want[] = { "name Zorvani", "found automatically (unsure)",
					    "not counted" };
	expect_card(t, want, 3, "Zorvani");
	term_key(t, "Esc");
	/* A: the unsure ones too, highlighted. */
	term_send(t, "A");
	screen_assert(t, status_has(t, "the unsure ones too"), "A does not say what it shows");
	screen_assert(t, panel_find(t, "Unsure", NULL) >= 0 && panel_find(t, "(A shows)", NULL) < 0,
		      "the unsure group is still waiting for A");
	screen_assert(t, term_find(t, "Zorvani delegation", &y, &x), "no Zorvani in the article");
	term_cell_attrs(t, y, x, &at);
	screen_assert(t, at.bold, "after A the unsure Zorvani is not highlighted");
	term_send(t, "A");
	screen_assert(t, status_has(t, "sure and likely"), "A again: back to sure and likely");
	term_quit_ok(t);
	unlink(path);
	free(path);
}

/* Past the finder's bounds (ACTORS_MAX_NAMES different names) the reader
 * shows the sure actors only, as --export json's "shown" says ("sure"):
 * the title says so too, the likely Mary Zorblat is not listed, and A
 * says why it shows no likely ones. */
static void test_auto_truncated_panel(void **state)
{
	(void)state;
	size_t len;
	char *text = many_names_text(MANY_NAMES_SURE_AND_LIKELY, ACTORS_MAX_NAMES + 100, &len);
	char *path = term_write_temp("names.txt", text, len);
	free(text);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start(24, 100, args);
	screen_assert(t, panel_find(t, "ACTORS (auto: sure)", NULL) >= 0,
		      "the title does not say only the sure actors are shown");
	screen_assert(t, panel_find(t, "Alan Brackley", NULL) >= 0, "the sure Alan Brackley is not listed");
	screen_assert(t, panel_find(t, "Mary Zorblat", NULL) < 0, "the likely Mary Zorblat is listed");
	screen_assert(t, panel_find(t, "Kaaaaro", NULL) < 0, "a likely name is listed");
	/* A: all of them, then back to the sure ones, saying why. */
	term_send(t, "A");
	screen_assert(t, panel_find(t, "ACTORS (auto)", NULL) >= 0, "after A the title still says sure");
	term_send(t, "A");
	screen_assert(t, status_has(t, "found automatically (sure only: the text is longer"),
		      "A does not say why no likely actor is shown");
	term_quit_ok(t);
	unlink(path);
	free(path);
}

/* With an annotation file: the annotated actors, then A adds the automatic
 * ones (the title says so), then the unsure ones, then none again; x on
 * an annotated actor says where it was annotated. */
static void test_auto_toggle_with_annotations(void **state)
{
	(void)state;
	struct term *t = start(30, 100, NULL);
	screen_assert(t, panel_find(t, "ACTORS", NULL) >= 0 && panel_find(t, "(auto)", NULL) < 0
			 && panel_find(t, "(+ auto)", NULL) < 0, "the annotated title is not plain");
	term_key(t, "Tab");
	term_send(t, "x");
	screen_assert(t, status_has(t, "Marco Rubio: from the annotation file"),
		      "x on an annotated actor: not said");
	term_send(t, "A");
	screen_assert(t, status_has(t, "Actors: + "), "A: no word of the automatic actors");
	term_send(t, "A");
	screen_assert(t, status_has(t, "the unsure ones too"), "A A: not the unsure ones");
	term_send(t, "A");
	screen_assert(t, status_has(t, "the annotated ones only"), "A A A: not back to annotated");
	screen_assert(t, panel_find(t, "(+ auto)", NULL) < 0, "the title still says + auto");
	static const char *const no_auto[] = { "--no-state", "--no-auto", NULL };
	term_quit_ok(t);
	t = start(30, 100, no_auto);
	term_send(t, "A");
	screen_assert(t, status_has(t, "--no-auto"), "A with --no-auto says nothing");
	term_quit_ok(t);
}

/* ---- main ------------------------------------------------------------------- */

static int teardown(void **state)
{
	(void)state;
	term_cleanup_all();
	return 0;
}

int main(void)
{
	brief_path = getenv("BRIEF");
	assets = getenv("BRIEF_ASSETS");
	if (!brief_path || !assets) {
		fprintf(stderr, "BRIEF and BRIEF_ASSETS must be set (make check sets them)\n");
		return 1;
	}
	if (term_test_env(tmpdir) != 0)
		return 1;
	/* SCREEN_TEST_FILTER=test_card_* (a glob) runs just those. */
	const char *filter = getenv("SCREEN_TEST_FILTER");
	if (filter && *filter)
		cmocka_set_test_filter(filter);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_help_says_shift_tab, teardown),
		cmocka_unit_test_teardown(test_help_position, teardown),
		cmocka_unit_test_teardown(test_help_explains_bars, teardown),
		cmocka_unit_test_teardown(test_chart_hedges_shown, teardown),
		cmocka_unit_test_teardown(test_term_unset_hint, teardown),
		cmocka_unit_test_teardown(test_file_info_byte_share, teardown),
		cmocka_unit_test_teardown(test_search_smart_case, teardown),
		cmocka_unit_test_teardown(test_search_match_count, teardown),
		cmocka_unit_test_teardown(test_search_match_count_large, teardown),
		cmocka_unit_test_teardown(test_cut_text_marked, teardown),
		cmocka_unit_test_teardown(test_lists_say_what_is_hidden, teardown),
		cmocka_unit_test_teardown(test_selection_shown_in_panel, teardown),
		cmocka_unit_test_teardown(test_focus_marker, teardown),
		cmocka_unit_test_teardown(test_compare_selection_survives_resize, teardown),
		cmocka_unit_test_teardown(test_panes_remembered, teardown),
		cmocka_unit_test_teardown(test_values_worded, teardown),
		cmocka_unit_test_teardown(test_card_of_actor, teardown),
		cmocka_unit_test_teardown(test_card_after_resize, teardown),
		cmocka_unit_test_teardown(test_card_of_cursor, teardown),
		cmocka_unit_test_teardown(test_why_line, teardown),
		cmocka_unit_test_teardown(test_auto_actors_in_panel, teardown),
		cmocka_unit_test_teardown(test_auto_truncated_panel, teardown),
		cmocka_unit_test_teardown(test_auto_toggle_with_annotations, teardown),
		cmocka_unit_test_teardown(test_wheel_same_in_lists, teardown),
	};
	int rc = cmocka_run_group_tests_name("reader", tests, NULL, NULL);
	char *cmd;
	if (asprintf(&cmd, "rm -rf '%s'", tmpdir) >= 0) {
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
		free(cmd);
	}
	return rc;
}
