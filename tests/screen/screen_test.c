/* Rendered-screen tests: the real brief under a pty, its screen read back
 * through libvterm.  No sleeps: every step waits until brief is blocked in its
 * idle poll with nothing left to read (see harness.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

/* Fold every run of spaces and newlines into one space, in place. */
static void fold_space(char *s)
{
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
}

static const char *brief_path;
static char tmpdir[] = "/tmp/brief-screen-XXXXXX";

/* ---- helpers -------------------------------------------------------------- */

static struct term *start_brief_env(int rows, int cols, const char *const args[],
				    const char *const env[])
{
	const char *argv[16];
	size_t n = 0;
	argv[n++] = brief_path;
	for (size_t i = 0; args && args[i] && n < 15; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	return term_start(rows, cols, argv, env);
}

static struct term *start_brief(int rows, int cols, const char *const args[])
{
	return start_brief_env(rows, cols, args, NULL);
}

static const char *const no_state[] = { "--no-state", NULL };

/* "XDG_STATE_HOME=<tmpdir>/name", for start_brief_env (free it). */
static char *state_env(const char *name)
{
	char *s;
	if (asprintf(&s, "XDG_STATE_HOME=%s/%s", tmpdir, name) < 0)
		fail_msg("asprintf");
	return s;
}

static char *compare_text(struct term *t);

#define screen_assert(t, cond, ...)                                             \
	do {                                                                     \
		if (!(cond)) {                                                   \
			term_dump(t);                                            \
			fail_msg(__VA_ARGS__);                                   \
			abort(); /* not reached: fail_msg jumps out (for clang) */ \
		}                                                                \
	} while (0)

static const char *status_row(struct term *t)
{
	return term_row(t, term_rows(t) - 1);
}

static int status_has(struct term *t, const char *s)
{
	return strstr(status_row(t), s) != NULL;
}

/* Column of the side panel's rule, from a row below the title; -1 if none. */
static int panel_rule_x(struct term *t)
{
	int best = -1;
	for (int y = 0; y < term_rows(t) - 1 && best < 0; y++) {
		const char *r = term_row(t, y);
		const char *p = strstr(r, "│");
		if (p && !strstr(r, "─"))
			best = term_row_cols(t)[p - r];
	}
	return best;
}

/* Row of the comparison pane's rule, or the status row if none. */
static int compare_rule_y(struct term *t)
{
	for (int y = 0; y < term_rows(t) - 1; y++) {
		const char *r = term_row(t, y);
		if (strncmp(r, "──", strlen("──")) == 0 && strstr(r, "Comparison"))
			return y;
	}
	return term_rows(t) - 1;
}

/* The part of row y left of column limit (limit < 0: the whole row). */
static char *row_left(struct term *t, int y, int limit)
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

/* The part of row y from column x0 on. */
static char *row_right(struct term *t, int y, int x0)
{
	const char *r = term_row(t, y);
	const int *cols = term_row_cols(t);
	size_t i = 0;
	while (r[i] && cols[i] < x0)
		i++;
	return strdup(r + i);
}

/* Article rows (title row included) joined by single spaces. */
static char *article_text(struct term *t)
{
	int rule = panel_rule_x(t);
	int end = compare_rule_y(t);
	size_t cap = 1, n = 0;
	char *out = malloc(cap);
	out[0] = '\0';
	for (int y = 0; y < end; y++) {
		char *r = row_left(t, y, rule);
		size_t l = strlen(r);
		out = realloc(out, cap += l + 1);
		if (n && l)
			out[n++] = ' ';
		memcpy(out + n, r, l);
		n += l;
		out[n] = '\0';
		free(r);
	}
	/* Collapse runs of spaces: rows end where words end. */
	char *w = out;
	for (char *p = out; *p; p++)
		if (!(*p == ' ' && w > out && w[-1] == ' '))
			*w++ = *p;
	*w = '\0';
	return out;
}

/* Find s in the article pane (left of the panel rule, above the comparison);
 * every occurrence on a row is considered. */
static int find_in_article(struct term *t, const char *s, int *y, int *x)
{
	int rule = panel_rule_x(t);
	int end = compare_rule_y(t);
	for (int r = 0; r < end; r++) {
		const char *row = term_row(t, r);
		for (const char *p = strstr(row, s); p; p = strstr(p + 1, s)) {
			int col = term_row_cols(t)[p - row];
			if (rule < 0 || col < rule) {
				*y = r;
				*x = col;
				return 1;
			}
		}
	}
	return 0;
}

/* Find s in the panel (right of the rule). */
static int find_in_panel(struct term *t, const char *s, int *y, int *x)
{
	int rule = panel_rule_x(t);
	if (rule < 0)
		return 0;
	for (int r = 0; r < compare_rule_y(t); r++) {
		char *right = row_right(t, r, rule);
		char *p = strstr(right, s);
		free(right);
		if (p) {
			const char *row = term_row(t, r);
			for (const char *q = strstr(row, s); q; q = strstr(q + 1, s)) {
				int col = term_row_cols(t)[q - row];
				if (col > rule) {
					*y = r;
					*x = col;
					return 1;
				}
			}
		}
	}
	return 0;
}

static int cell_blank(struct term *t, int y, int x)
{
	VTermScreenCell c;
	term_cell(t, y, x, &c);
	return c.chars[0] == 0 || c.chars[0] == ' ';
}



/* ---- first paint ---------------------------------------------------------- */

static void check_first_paint(int rows, int cols)
{
	struct term *t = start_brief(rows, cols, no_state);
	int y, x;
	screen_assert(t, strstr(term_row(t, 0), "Commentary") != NULL,
		      "%dx%d: no \"Commentary\" header on the first row", cols, rows);
	int rule = panel_rule_x(t);
	screen_assert(t, rule > 0, "%dx%d: no side panel rule", cols, rows);
	char *art = article_text(t);
	screen_assert(t, strstr(art, "US Secretary of State Marco Rubio") != NULL,
		      "%dx%d: the article's first sentence is not shown", cols, rows);
	free(art);
	screen_assert(t, find_in_panel(t, "ACTORS", &y, &x), "%dx%d: no ACTORS heading", cols, rows);
	screen_assert(t, find_in_panel(t, "Marco Rubio", &y, &x), "%dx%d: no Marco Rubio row", cols, rows);
	{
		const char *r = term_row(t, y);
		size_t l = strlen(r);
		screen_assert(t, l >= 2 && r[l - 1] == '3' && r[l - 2] == ' ',
			      "%dx%d: Marco Rubio's count is not 3: \"%s\"", cols, rows, r);
	}
	int cy = compare_rule_y(t);
	screen_assert(t, cy < rows - 1, "%dx%d: no comparison rule", cols, rows);
	screen_assert(t, term_find_from(t, "Japan", cy, &y, &x), "%dx%d: no Japan row in the comparison", cols, rows);
	screen_assert(t, strstr(term_row(t, y), "<2.0") != NULL,
		      "%dx%d: the Japan row has no \"<2.0\": \"%s\"", cols, rows, term_row(t, y));
	screen_assert(t, status_has(t, "h help"), "%dx%d: no \"h help\" on the status line", cols, rows);
	/* The article never runs into the panel: the column before the rule is
	 * blank and the rule is whole, on every row above the comparison. */
	for (int r = 0; r < cy; r++) {
		screen_assert(t, cell_blank(t, r, rule - 1),
			      "%dx%d: row %d runs into the panel (column %d not blank)", cols, rows, r, rule - 1);
		char *right = row_right(t, r, rule);
		screen_assert(t, strncmp(right, "│", strlen("│")) == 0,
			      "%dx%d: the panel rule is broken on row %d", cols, rows, r);
		free(right);
	}
	/* The comparison rule spans the width. */
	VTermScreenCell c;
	term_cell(t, cy, cols - 1, &c);
	screen_assert(t, c.chars[0] == 0x2500, "%dx%d: the comparison rule stops short", cols, rows);
	term_quit_ok(t);
}

static void test_first_paint_80x24(void **state)
{
	(void)state;
	check_first_paint(24, 80);
}

static void test_first_paint_100x30(void **state)
{
	(void)state;
	check_first_paint(30, 100);
}

static void test_first_paint_200x50(void **state)
{
	(void)state;
	check_first_paint(50, 200);
}

/* ---- highlights and mentions --------------------------------------------- */

static void test_next_highlight_and_mentions(void **state)
{
	(void)state;
	struct term *t = start_brief(30, 100, no_state);
	int y, x;
	term_key(t, "]");
	screen_assert(t, status_has(t, "US 1/26"), "] should name the first mention (US 1/26)");
	/* The cursor is drawn on "US" of "US Secretary": reverse video. */
	screen_assert(t, find_in_article(t, "US Secretary", &y, &x), "the first sentence is gone");
	VTermScreenCellAttrs a;
	term_cell_attrs(t, y, x, &a);
	screen_assert(t, a.reverse, "the cursor mention is not in reverse video");
	term_cell_attrs(t, y, x + 3, &a);
	screen_assert(t, !a.reverse, "the cursor spills past the mention");

	term_key(t, "Tab", "Enter");
	screen_assert(t, status_has(t, "Marco Rubio 1/3"), "Enter on the first panel row should select Marco Rubio");
	screen_assert(t, find_in_panel(t, "> Marco Rubio", &y, &x), "the panel marker is not on Marco Rubio");
	term_key(t, "n");
	screen_assert(t, status_has(t, "Rubio 2/3"), "n: expected Rubio 2/3");
	term_key(t, "n");
	screen_assert(t, status_has(t, "Rubio 3/3"), "n: expected Rubio 3/3");
	term_key(t, "n");
	screen_assert(t, status_has(t, "Marco Rubio 1/3") && status_has(t, "wrapped"),
		      "n at the last mention should wrap to Marco Rubio 1/3");
	term_key(t, "N");
	screen_assert(t, status_has(t, "Rubio 3/3") && status_has(t, "wrapped"),
		      "N at the first mention should wrap to the last");
	term_key(t, "N");
	screen_assert(t, status_has(t, "Rubio 2/3") && !status_has(t, "wrapped"), "N: expected Rubio 2/3");
	/* The mention named on the status line is on screen, as the cursor. */
	screen_assert(t, find_in_article(t, "Rubio", &y, &x), "the mention is not on screen");
	term_quit_ok(t);
}

/* The wrap notice must survive a long entity description at 80 columns. */
static void test_wrap_notice_visible_at_80(void **state)
{
	(void)state;
	struct term *t = start_brief(24, 80, no_state);
	/* Trump's one mention of his own ("Trump's first term"): his
	 * administration's are the US's. */
	term_key(t, "Tab", "j", "Enter");
	screen_assert(t, status_has(t, "Trump 1/1 "), "Tab j Enter should select Donald Trump");
	term_key(t, "n");
	screen_assert(t, status_has(t, "Trump 1/1 "), "n should come back to the first mention");
	screen_assert(t, status_has(t, "wrapped"), "the wrap notice is cut off the status line");
	term_quit_ok(t);
}

/* The cursor's identity, whatever the scrolling: the text of its row (left of
 * the panel) and its column.  NULL if no cell is reverse and bold. */
static char *cursor_id(struct term *t)
{
	int rule = panel_rule_x(t);
	for (int y = 0; y < compare_rule_y(t); y++) {
		for (int x = 0; x < (rule < 0 ? term_cols(t) : rule); x++) {
			VTermScreenCellAttrs a;
			term_cell_attrs(t, y, x, &a);
			if (a.reverse && a.bold) {
				char *r = row_left(t, y, rule), *id;
				if (asprintf(&id, "%d:%s", x, r) < 0)
					fail_msg("asprintf");
				free(r);
				return id;
			}
		}
	}
	return NULL;
}

/* The status line without its position on the right, which scrolling
 * changes. */
static char *status_left(struct term *t)
{
	char *s = strdup(status_row(t));
	char *p = strstr(s, "  h help");
	if (p) {
		while (p > s && p[-1] != ' ')
			p--;        /* "42%" or "END" */
		while (p > s && p[-1] == ' ')
			p--;
		*p = '\0';
	}
	return s;
}

/* A count before ] and [ moves the cursor that many highlights, as that many
 * presses would; past the last one it stops there. */
static void test_counted_highlight_steps(void **state)
{
	(void)state;
	char *one[6] = { NULL };
	struct term *t = start_brief(30, 100, no_state);
	for (int i = 1; i <= 5; i++) {
		term_key(t, "]");
		one[i] = status_left(t);
	}
	term_quit_ok(t);

	t = start_brief(30, 100, no_state);
	static const struct {
		const char *keys;
		int to;
	} steps[] = { { "2]", 2 }, { "3]", 5 }, { "3[", 2 } };
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		term_send(t, steps[i].keys);
		char *st = status_left(t);
		screen_assert(t, strcmp(st, one[steps[i].to]) == 0, "%s: expected \"%s\", got \"%s\"",
			      steps[i].keys, one[steps[i].to], st);
		free(st);
	}
	term_quit_ok(t);
	for (int i = 1; i <= 5; i++)
		free(one[i]);

	/* From the end: ] until there is none below, then a count too large. */
	t = start_brief(30, 100, no_state);
	term_key(t, "G");
	char *last = NULL;
	for (int i = 0; i < 100; i++) {
		term_key(t, "]");
		if (status_has(t, "No highlight below"))
			break;
		free(last);
		last = status_left(t);
	}
	screen_assert(t, last != NULL, "no highlight on the last page");
	term_quit_ok(t);
	t = start_brief(30, 100, no_state);
	term_key(t, "G");
	term_send(t, "999]");
	char *st = status_left(t);
	screen_assert(t, strcmp(st, last) == 0,
		      "999] at the end should stop on the last highlight \"%s\", not \"%s\"", last, st);
	free(st);
	free(last);
	term_quit_ok(t);
}

/* n and N step through an entity's mentions by the count, wrapping as one
 * step does. */
static void test_counted_mention_steps(void **state)
{
	(void)state;
	struct term *t = start_brief(30, 100, no_state);
	term_key(t, "Tab", "Enter");
	screen_assert(t, status_has(t, "Marco Rubio 1/3"), "Enter on the first panel row should select Marco Rubio");
	term_send(t, "2n");
	screen_assert(t, status_has(t, "Rubio 3/3") && !status_has(t, "wrapped"), "2n: expected Rubio 3/3");
	term_send(t, "2N");
	screen_assert(t, status_has(t, "Marco Rubio 1/3") && !status_has(t, "wrapped"),
		      "2N: expected Marco Rubio 1/3");
	term_send(t, "4n");
	screen_assert(t, status_has(t, "Rubio 2/3") && status_has(t, "wrapped"),
		      "4n from 1/3 should wrap to Rubio 2/3");
	term_send(t, "3N");
	screen_assert(t, status_has(t, "Rubio 2/3") && status_has(t, "wrapped"),
		      "3N from 2/3 should wrap round to Rubio 2/3");
	term_quit_ok(t);
}

/* n and N repeat a search by the count: 3n lands where n n n does. */
static void test_counted_search_steps(void **state)
{
	(void)state;
	/* Every match in order, by single steps, until n wraps. */
	char *ids[64] = { NULL };
	int m = 0;
	struct term *t = start_brief(30, 100, no_state);
	term_send(t, "/Japan\r");
	ids[0] = cursor_id(t);
	screen_assert(t, ids[0] != NULL, "/Japan: no cursor on a match");
	for (int i = 1; i < 64 && !m; i++) {
		term_key(t, "n");
		if (status_has(t, "wrapped")) {
			m = i;
			char *id = cursor_id(t);
			screen_assert(t, id && strcmp(id, ids[0]) == 0, "n did not wrap to the first match");
			free(id);
		} else {
			ids[i] = cursor_id(t);
		}
	}
	screen_assert(t, m > 4, "too few matches of Japan to count with: %d", m);
	term_quit_ok(t);

	static const struct {
		const char *keys;
		int to;                 /* index of the match, mod m */
		int wraps;
	} steps[] = {
		{ "3n", 3, 0 }, { "2N", 1, 0 }, { "3N", -2, 1 }, { "5n", 3, 1 },
		/* Larger than any cycle: taken modulo the matches, at once. */
		{ "99999999n", 3 + 99999999, 1 },
	};
	t = start_brief(30, 100, no_state);
	term_send(t, "/Japan\r");
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		term_send(t, steps[i].keys);
		int k = ((steps[i].to % m) + m) % m;
		char *id = cursor_id(t);
		screen_assert(t, id && strcmp(id, ids[k]) == 0, "%s: expected match %d of %d (%s), got %s",
			      steps[i].keys, k, m, ids[k], id ? id : "no cursor");
		free(id);
		screen_assert(t, !status_has(t, "wrapped") == !steps[i].wraps,
			      "%s: the wrap notice should %sshow", steps[i].keys, steps[i].wraps ? "" : "not ");
	}
	term_quit_ok(t);
	for (int i = 0; i < m; i++)
		free(ids[i]);
}

/* A count before / goes to that match, as in less: 3/Japan is /Japan n n. */
static void test_counted_search_prompt(void **state)
{
	(void)state;
	struct term *t = start_brief(30, 100, no_state);
	term_send(t, "/Japan\r");
	term_key(t, "n", "n");
	char *third = cursor_id(t);
	screen_assert(t, third != NULL, "/Japan n n: no cursor on a match");
	term_quit_ok(t);
	t = start_brief(30, 100, no_state);
	term_send(t, "3/Japan\r");
	char *id = cursor_id(t);
	screen_assert(t, id && strcmp(id, third) == 0, "3/Japan: expected %s, got %s", third,
		      id ? id : "no cursor");
	free(id);
	/* The count is for that search: n after it steps one. */
	term_key(t, "N");
	term_key(t, "n");
	id = cursor_id(t);
	screen_assert(t, id && strcmp(id, third) == 0, "N n after 3/Japan should come back to %s, got %s",
		      third, id ? id : "no cursor");
	free(id);
	free(third);
	term_quit_ok(t);
}

/* The program's state letter and CPU ticks (user + system) from /proc. */
static int proc_state(struct term *t, char *state, long *ticks)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)term_pid(t));
	FILE *f = fopen(path, "r");
	char buf[1024];
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = 0;
	const char *p = strrchr(buf, ')');
	unsigned long ut, st;
	/* ") S ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime" */
	if (!p || sscanf(p + 2, "%c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
			 state, &ut, &st) != 3)
		return -1;
	*ticks = (long)(ut + st);
	return 0;
}

/* 1 once the program has taken all input and spent 30 ms of CPU since
 * ticks0, still running: the keys just sent started long work. */
static int wait_computing(struct term *t, long ticks0)
{
	for (int i = 0; i < 20000; i++) {
		char st;
		long ticks;
		if (proc_state(t, &st, &ticks) == 0 && st == 'R' && ticks >= ticks0 + 3
		    && term_unread_input(t) == 0)
			return 1;
		poll(NULL, 0, 1);
	}
	return 0;
}

/* nlines lines of text, every `every`-th line (if any) `extra` instead:
 * a file for a long search, its path (free it). */
static char *write_lines(const char *name, const char *line, const char *extra, size_t every,
			 size_t nlines)
{
	size_t ll = strlen(line), el = extra ? strlen(extra) : 0, n = 0;
	char *text = malloc((ll > el ? ll : el) * nlines);
	assert_non_null(text);
	for (size_t i = 1; i <= nlines; i++) {
		int x = extra && i % every == 0;
		memcpy(text + n, x ? extra : line, x ? el : ll);
		n += x ? el : ll;
	}
	char *path = term_write_temp(name, text, n);
	free(text);
	return path;
}

/* Searches pattern (with its Enter) in the file at path, then 99999999n,
 * and sends ^C once that search runs: it stops there, and brief goes on. */
static void interrupt_counted_search(const char *path, const char *pattern)
{
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(24, 80, args);
	term_send(t, pattern);
	char st;
	long ticks0;
	screen_assert(t, proc_state(t, &st, &ticks0) == 0, "no /proc/PID/stat");
	term_write(t, "99999999n", 9);
	/* ^C before the keys are read would flush them and quit: first the
	 * search must be seen running (each file here takes most of a second
	 * of CPU to search). */
	screen_assert(t, wait_computing(t, ticks0), "brief did not start the search");
	term_write(t, "\003", 1);
	term_settle(t);
	screen_assert(t, !term_exited(t), "^C during the search quit brief");
	screen_assert(t, status_has(t, "Search interrupted"), "no word that the search stopped");
	/* It answers keys again, and a second ^C quits as ever. */
	term_send(t, "=");
	screen_assert(t, status_has(t, "line"), "= shows nothing after the interrupted search");
	term_signal(t, SIGINT);
	screen_assert(t, term_exited(t), "a ^C afterwards did not quit");
	term_finish(t, NULL);
}

/* A counted search that runs through a frequent pattern's every match
 * takes seconds on a big file; ^C stops it there, and brief goes on. */
static void test_counted_search_interrupted(void **state)
{
	(void)state;
	/* Two million matches of "e": one round takes seconds here, more under
	 * a sanitizer, against the few hundred ms a ^C needs to arrive. */
	char *path = write_lines("frequent.txt", "e e e e e e e e e e\n", NULL, 0, 200000);
	interrupt_counted_search(path, "/e\r");
	unlink(path);
	free(path);
}

/* The same with a rare pattern: 99999999n is then fewer than 256 steps,
 * each a long search through text that folds slowly, and a ^C in any of
 * them stops the search too (it quit brief when only every 256th step
 * looked). */
static void test_counted_rare_search_interrupted(void **state)
{
	(void)state;
	/* 6 MB of Cyrillic and Greek with 30 matches: 0.7 s for the search's
	 * 60 steps here, more under a sanitizer. */
	static const char line[] = "\u043f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440 "
				   "\u0395\u03bb\u03bb\u03ac\u03b4\u03b1 \u043a\u043e\u0448\u043a\u0430 "
				   "\u0441\u043e\u0431\u0430\u043a\u0430 \u0434\u043e\u043c "
				   "\u03bb\u03cc\u03b3\u03bf\u03c2 \u043a\u043d\u0438\u0433\u0430\n";
	char *path = write_lines("rare.txt", line, "zqxmark\n", 2000, 60000);
	interrupt_counted_search(path, "/zqxmark\r");
	unlink(path);
	free(path);
}

/* In the panel and the comparison a count before a page key is the rows to
 * move, as in the article: 3 Space is 3j, 2b is 2k. */
static void test_counted_pages_in_lists(void **state)
{
	(void)state;
	static const char *const focus[] = { "Tab", "BTab" };   /* panel, comparison */
	for (int f = 0; f < 2; f++) {
		struct term *t = start_brief(30, 100, no_state);
		term_key(t, focus[f]);
		term_send(t, "5j");
		term_send(t, "3j");
		char *want = strdup(term_text(t));
		term_send(t, "3k");
		term_send(t, "3 ");
		screen_assert(t, strcmp(term_text(t), want) == 0, "%s: 3 Space should move as 3j",
			      focus[f]);
		term_send(t, "2b");
		term_send(t, "2j");
		screen_assert(t, strcmp(term_text(t), want) == 0, "%s: 2b should move as 2k",
			      focus[f]);
		free(want);
		term_quit_ok(t);
	}
}

/* ---- search ------------------------------------------------------------------ */

static void test_search_lands_on_match(void **state)
{
	(void)state;
	struct term *t = start_brief(30, 100, no_state);
	/* No capital in the pattern: case is ignored (smart case). */
	term_send(t, "/ishiba\r");
	int found = 0;
	int rule = panel_rule_x(t);
	for (int y = 0; y < compare_rule_y(t) && !found; y++) {
		const char *row = term_row(t, y);
		for (const char *p = strstr(row, "Ishiba"); p && !found; p = strstr(p + 1, "Ishiba")) {
			int x = term_row_cols(t)[p - row];
			VTermScreenCellAttrs a;
			term_cell_attrs(t, y, x, &a);
			if (x < rule && a.reverse)
				found = 1;
		}
	}
	screen_assert(t, found, "/ishiba: no reverse-video Ishiba in the article");
	screen_assert(t, !status_has(t, "not found"), "/ishiba reported not found");
	term_send(t, "/zzzz\r");
	screen_assert(t, status_has(t, "Pattern not found"), "/zzzz: no \"Pattern not found\"");
	term_quit_ok(t);
}

static void test_search_prompt_shows_and_hides_cursor(void **state)
{
	(void)state;
	struct term *t = start_brief(24, 80, no_state);
	screen_assert(t, !term_cursor_visible(t), "the cursor should be hidden while reading");
	term_send(t, "/rub");
	screen_assert(t, strncmp(status_row(t), "/rub", 4) == 0, "the prompt does not show the pattern");
	screen_assert(t, term_cursor_visible(t), "the cursor should show in the prompt");
	int cy, cx;
	term_cursor(t, &cy, &cx);
	screen_assert(t, cy == 23 && cx == 4, "the cursor is not after the pattern (%d,%d)", cy, cx);
	term_key(t, "Backspace");
	screen_assert(t, strncmp(status_row(t), "/ru", 3) == 0 && status_row(t)[3] != 'b',
		      "Backspace did not delete");
	term_key(t, "Esc");
	screen_assert(t, !term_cursor_visible(t), "Esc should leave the prompt and hide the cursor");
	screen_assert(t, status_has(t, "h help"), "the status line is not back after Esc");
	term_quit_ok(t);
}

/* Up and Down in the prompt walk through the patterns searched, as in less. */
static void test_search_history(void **state)
{
	(void)state;
	struct term *t = start_brief(24, 80, no_state);
	term_send(t, "/rubio\r");
	term_send(t, "/ishiba\r");
	term_send(t, "/");
	term_key(t, "Up");
	screen_assert(t, strncmp(status_row(t), "/ishiba", 7) == 0, "Up did not bring back the last pattern");
	term_key(t, "Up");
	screen_assert(t, strncmp(status_row(t), "/rubio", 6) == 0, "a second Up did not go further back");
	term_key(t, "Up");
	screen_assert(t, strncmp(status_row(t), "/rubio", 6) == 0, "Up past the oldest pattern moved");
	term_key(t, "Down");
	screen_assert(t, strncmp(status_row(t), "/ishiba", 7) == 0, "Down did not come forward");
	term_key(t, "Down");
	screen_assert(t, strcmp(status_row(t), "/") == 0, "Down past the newest did not empty the prompt");
	/* The older pattern, recalled from the top, is searched: its match
	 * is highlighted.  (Ishiba is always on screen, in the panel, and an
	 * empty pattern would repeat /ishiba: neither shows a recall.) */
	term_key(t, "Esc");
	term_send(t, "g/");
	term_key(t, "Up", "Up", "Enter");
	int y, x;
	VTermScreenCellAttrs a;
	screen_assert(t, find_in_article(t, "Rubio", &y, &x), "no Rubio in the article at the top");
	term_cell_attrs(t, y, x, &a);
	screen_assert(t, a.reverse, "the recalled search did not run: Rubio not highlighted");
	term_quit_ok(t);
}

/* ---- resize -------------------------------------------------------------------- */

/* The first words of the first non-blank article row below the title. */
static char *first_words(struct term *t, int nwords)
{
	int rule = panel_rule_x(t);
	for (int y = 1; y < compare_rule_y(t); y++) {
		char *r = row_left(t, y, rule);
		if (!*r) {
			free(r);
			continue;
		}
		char *p = r;
		for (int w = 0; w < nwords && p; w++) {
			p = strchr(p + 1, ' ');
		}
		if (p)
			*p = '\0';
		return r;
	}
	return NULL;
}

static void test_resize_keeps_reading_position(void **state)
{
	(void)state;
	struct term *t = start_brief(30, 100, no_state);
	term_send(t, "12j");
	char *words = first_words(t, 4);
	screen_assert(t, words != NULL, "no article text");
	static const int sizes[][2] = { { 20, 60 }, { 30, 100 }, { 24, 80 }, { 50, 200 }, { 30, 100 } };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		term_resize(t, sizes[i][0], sizes[i][1]);
		char *art = article_text(t);
		screen_assert(t, strstr(art, words) != NULL,
			      "after resizing to %dx%d, \"%s\" is no longer on screen",
			      sizes[i][1], sizes[i][0], words);
		free(art);
		screen_assert(t, status_has(t, "h help"), "no status line at %dx%d",
			      sizes[i][1], sizes[i][0]);
	}
	free(words);
	term_quit_ok(t);
}

/* The byte offset of the top line, as = reports it (-1 if not shown). */
static long top_byte(struct term *t)
{
	term_send(t, "=");
	const char *p = strstr(status_row(t), "byte ");
	return p ? strtol(p + 5, NULL, 10) : -1;
}

/* Resizing and coming back shows the same top line, however narrow the
 * sizes passed through and however many: each re-wrap must not round the
 * position down again.  A scroll in between moves it, and only then. */
static void test_resize_round_trip_keeps_top(void **state)
{
	(void)state;
	struct term *t = start_brief(30, 100, no_state);
	term_send(t, "50p");
	long want = top_byte(t);
	screen_assert(t, want > 0, "= shows no byte offset");
	/* Narrow, folded (below 60 columns), tiny, one column, then back. */
	static const int sizes[][2] = { { 10, 40 }, { 30, 100 }, { 20, 59 }, { 30, 100 },
					{ 24, 12 }, { 5, 20 }, { 3, 1 }, { 30, 100 },
					{ 11, 80 }, { 50, 200 }, { 30, 100 } };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		term_resize(t, sizes[i][0], sizes[i][1]);
		if (sizes[i][0] != 30 || sizes[i][1] != 100)
			continue;
		long got = top_byte(t);
		screen_assert(t, got == want, "back at 100x30 after %dx%d the top is byte %ld, not %ld",
			      sizes[i - 1][1], sizes[i - 1][0], got, want);
	}
	/* Dragging the width one column at a time. */
	for (int c = 99; c >= 70; c--)
		term_resize(t, 30, c);
	for (int c = 71; c <= 100; c++)
		term_resize(t, 30, c);
	long got = top_byte(t);
	screen_assert(t, got == want, "after dragging 100 to 70 and back the top is byte %ld, not %ld",
		      got, want);
	/* A scroll at another size sets the position the round trip keeps. */
	term_resize(t, 24, 80);
	term_send(t, "3j");
	long moved = top_byte(t);
	screen_assert(t, moved > want, "3j at 80x24 did not move down");
	term_resize(t, 30, 100);
	term_resize(t, 24, 80);
	got = top_byte(t);
	screen_assert(t, got == moved, "back at 80x24 the top is byte %ld, not %ld", got, moved);
	/* So does a mark set after a resize, and the state file's marks. */
	term_resize(t, 10, 40);
	term_send(t, "ma");
	term_resize(t, 24, 80);
	term_send(t, "g'a");
	got = top_byte(t);
	screen_assert(t, got == moved, "a mark set at 40x10 goes to byte %ld, not %ld", got, moved);
	term_quit_ok(t);
}

/* The saved position is where the reader was, not the start of whatever
 * line held it at the size brief was closed at. */
static void test_state_after_resize(void **state)
{
	(void)state;
	char *dir = state_env("resized");
	const char *const env[] = { dir, NULL };
	struct term *t = start_brief_env(30, 100, NULL, env);
	term_send(t, "50p");
	long want = top_byte(t);
	screen_assert(t, want > 0, "= shows no byte offset");
	term_resize(t, 10, 40);
	term_quit_ok(t);
	t = start_brief_env(30, 100, NULL, env);
	long got = top_byte(t);
	screen_assert(t, got == want, "closed at 40x10, reopened at 100x30 on byte %ld, not %ld",
		      got, want);
	free(dir);
	term_quit_ok(t);
}

/* On a short terminal the comparison takes at most about half of the rows
 * between the title and the status line, and the article keeps the rest;
 * hidden below 11 rows; at the usual sizes the split is as it always was. */
static void test_comparison_split_small_heights(void **state)
{
	(void)state;
	struct term *t = start_brief(10, 80, no_state);
	screen_assert(t, compare_rule_y(t) == 9, "80x10: the comparison is shown");
	for (int rows = 11; rows <= 20; rows++) {
		term_resize(t, rows, 80);
		int cy = compare_rule_y(t);
		screen_assert(t, cy < rows - 1, "80x%d: no comparison", rows);
		int cmp = rows - 1 - cy, text = cy - 1;
		screen_assert(t, cmp <= (rows - 2) / 2,
			      "80x%d: the comparison takes %d of the %d rows below the title", rows, cmp,
			      rows - 2);
		screen_assert(t, text >= 4, "80x%d: the article has %d rows", rows, text);
		char *words = first_words(t, 2);
		screen_assert(t, words && strstr(words, "US Secretary"), "80x%d: no article text", rows);
		free(words);
	}
	static const int usual[][3] = { { 24, 80, 14 }, { 30, 100, 18 } };
	for (size_t i = 0; i < sizeof usual / sizeof usual[0]; i++) {
		term_resize(t, usual[i][0], usual[i][1]);
		int cy = compare_rule_y(t);
		screen_assert(t, cy == usual[i][2], "%dx%d: the comparison rule is on row %d, not %d",
			      usual[i][1], usual[i][0], cy, usual[i][2]);
	}
	term_quit_ok(t);
}

/* ---- help ---------------------------------------------------------------------- */

/* Help strings of every action, parsed from the key table header. */
static char **parse_action_help(size_t *n)
{
	const char *tests = getenv("BRIEF_TESTS");
	char *path;
	if (asprintf(&path, "%s/../include/brief/actions.h", tests ? tests : "tests") < 0)
		fail_msg("asprintf");
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s: %s", path, strerror(errno));
	free(path);
	char **v = NULL;
	*n = 0;
	char line[1024];
	while (fgets(line, sizeof line, f)) {
		/* _(ID, "name", "keys", "help") at the start of a line */
		char *p = line + strspn(line, " \t");
		if (strncmp(p, "_(", 2) != 0 || !strchr(line, '"'))
			continue;
		char *q = p;
		int quotes = 0;
		char *help = NULL;
		for (; *q; q++) {
			if (*q != '"')
				continue;
			quotes++;
			if (quotes == 5) {
				help = q + 1;
				char *e = help;
				while (*e && *e != '"')
					e += *e == '\\' ? 2 : 1;
				*e = '\0';
				break;
			}
		}
		if (!help)
			continue;
		v = realloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = strdup(help);
	}
	fclose(f);
	return v;
}

static void check_help(int rows, int cols)
{
	size_t n;
	char **help = parse_action_help(&n);
	assert_true(n >= 20);
	struct term *t = start_brief(rows, cols, no_state);
	term_key(t, "h");
	screen_assert(t, strstr(term_row(t, 0), "keys") != NULL, "h does not open the help screen");
	/* Every page until the screen stops changing. */
	size_t cap = 1, len = 0;
	char *all = calloc(1, 1);
	char *prev = NULL;
	for (int page = 0; page < 20; page++) {
		const char *txt = term_text(t);
		if (prev && strcmp(prev, txt) == 0)
			break;
		free(prev);
		prev = strdup(txt);
		size_t l = strlen(txt);
		all = realloc(all, cap += l);
		memcpy(all + len, txt, l + 1);
		len += l;
		term_key(t, "Space");
	}
	free(prev);
	/* Long help lines wrap: compare with all white space folded to one space. */
	fold_space(all);
	size_t missing = 0;
	for (size_t i = 0; i < n; i++) {
		fold_space(help[i]);
		if (!strstr(all, help[i])) {
			fprintf(stderr, "help screen lacks: \"%s\"\n", help[i]);
			missing++;
		}
		free(help[i]);
	}
	free(help);
	free(all);
	screen_assert(t, missing == 0, "%zu of %zu help lines are missing or cut at %d columns",
		      missing, n, cols);
	term_key(t, "q");
	screen_assert(t, !strstr(term_row(t, 0), "brief: keys") && status_has(t, "h help"),
		      "q does not close the help");
	term_quit_ok(t);
}

/* Wide enough for every line: a missing action fails here. */
static void test_help_lists_every_action(void **state)
{
	(void)state;
	check_help(40, 140);
}

/* The standard terminal: help lines must not be cut off at the edge. */
static void test_help_fits_80_columns(void **state)
{
	(void)state;
	check_help(24, 80);
}

/* A count works in help as in the article: 3j scrolls three lines. */
static void test_help_counts(void **state)
{
	(void)state;
	char *one[11] = { NULL };
	struct term *t = start_brief(12, 80, no_state);
	term_key(t, "h");
	one[0] = strdup(term_text(t));
	for (int i = 1; i <= 10; i++) {
		term_key(t, "j");
		one[i] = strdup(term_text(t));
	}
	screen_assert(t, strcmp(one[9], one[10]) != 0, "the help is too short to scroll 10 lines");
	term_key(t, "q");
	term_quit_ok(t);

	static const struct {
		const char *keys;
		int to;                 /* rows scrolled from the top */
	} steps[] = {
		{ "3j", 3 }, { "2k", 1 }, { "5g", 4 }, { "6 ", 10 }, { "3b", 7 }, { "4u", 3 },
		{ "g", 0 },
	};
	t = start_brief(12, 80, no_state);
	term_key(t, "h");
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		term_send(t, steps[i].keys);
		screen_assert(t, strcmp(term_text(t), one[steps[i].to]) == 0,
			      "help: %s should show the help %d rows down", steps[i].keys, steps[i].to);
	}
	term_key(t, "q");
	screen_assert(t, status_has(t, "h help"), "q does not close the help");
	term_quit_ok(t);
	for (int i = 0; i <= 10; i++)
		free(one[i]);
}

/* ---- marks --------------------------------------------------------------------- */

/* m and ' prompt for their letter as less does; Esc, ^G and ^C cancel
 * quietly, and a letter still sets or goes to a mark. */
static void test_mark_prompts(void **state)
{
	(void)state;
	struct term *t = start_brief(24, 80, no_state);
	static const struct {
		const char *key, *prompt, *cancel;
	} cases[] = {
		{ "m", "mark:", "Esc" }, { "'", "goto mark:", "Esc" },
		{ "m", "mark:", "^G" }, { "'", "goto mark:", "^G" },
		{ "m", "mark:", "^C" }, { "'", "goto mark:", "^C" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		term_key(t, cases[i].key);
		screen_assert(t, strncmp(status_row(t), cases[i].prompt, strlen(cases[i].prompt)) == 0,
			      "%s: no \"%s\" prompt on the status line", cases[i].key, cases[i].prompt);
		int cy, cx;
		term_cursor(t, &cy, &cx);
		screen_assert(t, term_cursor_visible(t) && cy == term_rows(t) - 1 && cx == (int)strlen(cases[i].prompt) + 1,
			      "%s: the cursor should show after the prompt (%d,%d)", cases[i].key, cy, cx);
		term_key(t, cases[i].cancel);
		screen_assert(t, !term_exited(t), "%s %s quit brief", cases[i].key, cases[i].cancel);
		screen_assert(t, status_has(t, "h help") && !strstr(status_row(t), "mark")
			      && !strstr(status_row(t), "Mark") && !strstr(status_row(t), "byte"),
			      "%s %s should cancel quietly and bring the status line back",
			      cases[i].key, cases[i].cancel);
		screen_assert(t, !term_cursor_visible(t), "%s %s: the cursor should hide again",
			      cases[i].key, cases[i].cancel);
	}
	term_send(t, "5j");
	char *words = first_words(t, 4);
	term_send(t, "ma");
	screen_assert(t, status_has(t, "Mark a set"), "ma did not set the mark");
	term_send(t, "10j'a");
	char *back = first_words(t, 4);
	screen_assert(t, words && back && strcmp(words, back) == 0, "'a did not go back to the mark");
	free(words);
	free(back);
	term_quit_ok(t);
}

static void test_quit_restores_terminal(void **state)
{
	(void)state;
	struct term *t = start_brief(24, 80, no_state);
	screen_assert(t, term_altscreen(t), "brief does not use the alternate screen");
	term_key(t, "j", "]", "h");
	term_key(t, "q");
	term_key(t, "q");
	size_t len;
	const char *raw = term_raw(t, &len);
	const char *smcup = "\033[?1049h", *rmcup = "\033[?1049l";
	const char *last_on = NULL;
	for (const char *p = raw; (p = memmem(p, len - (size_t)(p - raw), smcup, 8)); p++)
		last_on = p;
	assert_non_null(last_on);
	const char *off = memmem(last_on, len - (size_t)(last_on - raw), rmcup, 8);
	screen_assert(t, off != NULL, "no rmcup after the last smcup: the alternate screen stays on");
	screen_assert(t, !term_altscreen(t), "the terminal is still on the alternate screen");
	screen_assert(t, term_cursor_visible(t), "the cursor is left hidden");
	/* Keypad transmit mode is switched off again. */
	screen_assert(t, term_raw_has(t, "\033[?1l", 5), "keypad mode is not reset (rmkx)");
	int status;
	int rc = term_finish(t, &status);
	assert_int_equal(rc, 0);
}

/* A terminal without an alternate screen (vt100, the Linux console) keeps
 * the last frame after quitting, and the shell's prompt goes on its bottom
 * row: that row is cleared, as less does, not left for the prompt to
 * overwrite half of ("$ led commentary)   18%  h help"). */
static void test_quit_clears_status_without_altscreen(void **state)
{
	(void)state;
	static const char *const vt100[] = { "TERM=vt100", NULL };
	struct term *t = start_brief_env(24, 80, no_state, vt100);
	screen_assert(t, status_has(t, "h help"), "no status line");
	term_key(t, "q");
	screen_assert(t, term_exited(t), "q did not quit");
	const char *last = term_row(t, 23);
	screen_assert(t, *last == '\0', "the status line is left on the bottom row: '%s'", last);
	int y, x;
	term_cursor(t, &y, &x);
	screen_assert(t, y == 23 && x == 0, "the cursor is at %d,%d, not at the bottom left", y, x);
	int status;
	assert_int_equal(term_finish(t, &status), 0);
}

/* ---- signals ------------------------------------------------------------------- */

/* Left/right margin mode (DECLRMM) reset after it was last set, if ever. */
static int margin_mode_released(struct term *t)
{
	size_t n;
	const char *raw = term_raw(t, &n);
	const char *set = NULL;
	for (const char *p = raw; (p = memmem(p, n - (size_t)(p - raw), "\033[?69h", 6)); p++)
		set = p;
	return !set || memmem(set, n - (size_t)(set - raw), "\033[?69l", 6) != NULL;
}


static void check_signal_restores(int sig)
{
	struct term *t = start_brief(24, 80, no_state);
	term_key(t, "j");
	/* libvterm has margins: that j set their mode, which must not outlive brief. */
	screen_assert(t, term_raw_has(t, "\033[?69h", 6), "j beside the panel did not use margins");
	term_signal(t, sig);
	screen_assert(t, term_exited(t), "brief did not exit on signal %d", sig);
	screen_assert(t, !term_altscreen(t), "signal %d left the alternate screen on", sig);
	screen_assert(t, term_cursor_visible(t), "signal %d left the cursor hidden", sig);
	screen_assert(t, margin_mode_released(t), "signal %d left the terminal in margin mode", sig);
	int status;
	int rc = term_finish(t, &status);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(rc, 128 + sig);
}

static void test_sigterm_restores_terminal(void **state)
{
	(void)state;
	check_signal_restores(SIGTERM);
}

static void test_sigint_restores_terminal(void **state)
{
	(void)state;
	check_signal_restores(SIGINT);
}

static void test_sighup_restores_terminal(void **state)
{
	(void)state;
	check_signal_restores(SIGHUP);
}

/* ---- wide, emoji, combining ------------------------------------------------ */

static void check_no_split_wide(struct term *t)
{
	for (int y = 0; y < term_rows(t); y++) {
		for (int x = 0; x < term_cols(t); x++) {
			VTermScreenCell c, n;
			term_cell(t, y, x, &c);
			if (c.width == 2) {
				screen_assert(t, x + 1 < term_cols(t), "wide char at the last column, row %d", y);
				term_cell(t, y, x + 1, &n);
				screen_assert(t, n.chars[0] == (uint32_t)-1,
					      "wide char at (%d,%d) without its right half", y, x);
				x++;
			} else {
				screen_assert(t, c.chars[0] != (uint32_t)-1,
					      "orphan right half of a wide char at (%d,%d)", y, x);
			}
		}
	}
}

/* s without any whitespace. */
static char *squeeze(const char *s)
{
	char *o = malloc(strlen(s) + 1), *w = o;
	for (; *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t')
			*w++ = *s;
	*w = '\0';
	return o;
}

/* The screen without its status row and without whitespace. */
static char *screen_squeezed(struct term *t)
{
	size_t cap = 1, len = 0;
	char *shown = calloc(1, 1);
	for (int y = 0; y < term_rows(t) - 1; y++) {
		const char *r = term_row(t, y);
		size_t l = strlen(r);
		shown = realloc(shown, cap += l);
		memcpy(shown + len, r, l + 1);
		len += l;
	}
	char *o = squeeze(shown);
	free(shown);
	return o;
}

static void test_cjk_emoji_combining(void **state)
{
	(void)state;
	char text[8192];
	size_t n = 0;
	/* "a" first puts every ideograph on an odd column: one lands on column
	 * 39 of 40 unless the layout wraps it. */
	n += (size_t)snprintf(text + n, sizeof text - n, "a");
	for (int i = 0; i < 5; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "漢字かな交じり文");
	n += (size_t)snprintf(text + n, sizeof text - n, "\n\n");
	for (int i = 0; i < 4; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "Emoji 👍🏽 thumbs up%d ", i);
	n += (size_t)snprintf(text + n, sizeof text - n, "\n\n");
	for (int i = 0; i < 5; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "Cafe\u0301 re\u0301sume\u0301 ");
	n += (size_t)snprintf(text + n, sizeof text - n, "\n\nlong ");
	for (int i = 0; i < 20; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "abcdefgh%02d", i);
	n += (size_t)snprintf(text + n, sizeof text - n, " end\n\n");
	for (int i = 0; i < 30; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "Filler line %d.\n", i);
	char *path = term_write_temp("wide.txt", text, n);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(12, 40, args);
	/* At a narrow width the panel may start over the article; Esc hides an
	 * overlay and is harmless otherwise. */
	term_key(t, "Esc");
	check_no_split_wide(t);
	/* The screen shows the start of the file, in order, nothing lost at the
	 * right edge: compare without whitespace. */
	char *want = squeeze(text), *got = screen_squeezed(t);
	/* The skin tone is dropped (doc_cp_is_presentation): terminals that
	 * join it draw 👍🏽 2 columns wide, not the 4 that wcwidth() counts. */
	for (char *tone; (tone = strstr(want, "🏽"));)
		memmove(tone, tone + 4, strlen(tone + 4) + 1);
	screen_assert(t, strlen(got) > 200, "too little text on screen");
	screen_assert(t, strncmp(want, got, strlen(got)) == 0,
		      "the screen is not the start of the file:\n got: %s\nwant: %.*s", got,
		      (int)strlen(got), want);
	/* The emoji is one wide cell, its tone gone; é keeps its mark. */
	int y, x;
	screen_assert(t, term_find(t, "👍", &y, &x), "no emoji on screen");
	VTermScreenCell c;
	term_cell(t, y, x, &c);
	screen_assert(t, c.width == 2, "the emoji is not two columns wide");
	screen_assert(t, term_find(t, "Cafe\u0301", &y, &x), "the combining acute is lost");
	term_cell(t, y, x + 3, &c);
	screen_assert(t, c.chars[0] == 'e' && c.chars[1] == 0x301, "e and U+0301 are not one cell");
	/* Scrolling through: every screen is a run of the file, in order. */
	int seen_word = 0;
	for (int i = 0; i < 12; i++) {
		term_key(t, "j");
		check_no_split_wide(t);
		char *scr = screen_squeezed(t);
		screen_assert(t, strstr(want, scr) != NULL, "after %d j the screen is not a run of the file", i + 1);
		free(scr);
		if (term_find(t, "abcdefgh00", &y, &x) && y + 3 < term_rows(t) - 1) {
			seen_word = 1;
			/* The 200-character word is cut at the edge: rows of 40. */
			screen_assert(t, strlen(term_row(t, y + 1)) == 40 && strlen(term_row(t, y + 2)) == 40,
				      "the long word does not fill the rows it is broken over");
		}
	}
	screen_assert(t, seen_word, "the long word never showed");
	term_key(t, "G");
	check_no_split_wide(t);
	{
		char *scr = screen_squeezed(t);
		screen_assert(t, strstr(want, scr) != NULL, "at the end the screen is not a run of the file");
		free(scr);
	}
	term_quit_ok(t);
	unlink(path);
	free(path);
	free(want);
	free(got);
}

/* ZERO WIDTH NON-JOINER reaches the terminal inside its letter's cell and
 * takes no column: Persian words keep their shape, the line its columns. */
static void test_zwnj_kept(void **state)
{
	(void)state;
	static const char text[] = "qx\u200Cy ok and \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 end\n";
	char *path = term_write_temp("zwnj.txt", text, sizeof text - 1);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(24, 80, args);
	screen_assert(t, term_raw_has(t, "qx\u200Cy", strlen("qx\u200Cy")),
		      "ZWNJ did not reach the terminal with its letters");
	int y, x, y2, x2;
	screen_assert(t, term_find(t, "qx", &y, &x), "no qx on screen");
	screen_assert(t, term_find(t, "ok", &y2, &x2), "no ok on screen");
	screen_assert(t, y2 == y && x2 == x + 4, "ZWNJ took a column: ok at %d,%d, qx at %d,%d", y2, x2, y, x);
	VTermScreenCell c;
	term_cell(t, y, x + 1, &c);
	screen_assert(t, c.chars[0] == 'x' && c.chars[1] == 0x200C, "x and ZWNJ are not one cell");
	/* The Persian word: 7 letters, 7 columns, " end" right after. */
	screen_assert(t, term_find(t, "\u0645\u06CC\u200C\u062E", &y2, &x2), "the Persian word lost its ZWNJ");
	int y3, x3;
	screen_assert(t, term_find(t, " end", &y3, &x3) && y3 == y2 && x3 == x2 + 7,
		      "the Persian word is not 7 columns");
	term_quit_ok(t);
	unlink(path);
	free(path);
}

/* A mark or ZWNJ with no letter before it (a line's or a tab's first
 * character) takes no column on screen, as layout counts none. */
static void test_lone_zero_width_takes_no_column(void **state)
{
	(void)state;
	static const char text[] = "\xcc\x81" "abc ONE\n"
				   "abc TWO\n"
				   "\t\xe2\x80\x8c" "abc THREE\n"
				   "\tabc FOUR\n";
	char *path = term_write_temp("lone.txt", text, sizeof text - 1);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(24, 80, args);
	int y1, x1, y2, x2;
	screen_assert(t, term_find(t, "ONE", &y1, &x1) && term_find(t, "TWO", &y2, &x2),
		      "ONE and TWO not on screen");
	screen_assert(t, x1 == x2, "a line's first mark took a column: ONE at %d, TWO at %d", x1, x2);
	screen_assert(t, term_find(t, "THREE", &y1, &x1) && term_find(t, "FOUR", &y2, &x2),
		      "THREE and FOUR not on screen");
	screen_assert(t, x1 == x2, "a ZWNJ after a tab took a column: THREE at %d, FOUR at %d", x1, x2);
	term_quit_ok(t);
	unlink(path);
	free(path);
}

/* ---- hostile input ------------------------------------------------------------ */

/* 1 if the bytes hold a C1 control as UTF-8 or a byte that is not UTF-8
 * (a lone 0x9b is CSI to an 8-bit terminal). */
static int has_c1_or_invalid(const unsigned char *s, size_t n, size_t *at)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
			   : (c & 0xF8) == 0xF0 ? 4 : 0;
		if (!len || i + len > n) {
			*at = i;
			return 1;
		}
		uint32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80) {
				*at = i;
				return 1;
			}
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp >= 0x80 && cp < 0xA0) {
			*at = i;
			return 1;
		}
		i += len;
	}
	return 0;
}

static void test_hostile_file(void **state)
{
	(void)state;
	static const char hostile[] =
		"Hostile text follows.\n\n"
		"Colour \033[31mRED\033[0m and a clear \033[2J and a title \033]0;pwned\007 here.\n"
		"Clipboard \033]52;c;SGVsbG8=\007 copied.\n"
		"C1 as UTF-8 \xc2\x9b" "31mC1RED and raw \x9b" "32mRAWC1 and \x90 DCS.\n"
		"Bidi \xe2\x80\xae" "desrever\xe2\x80\xac text and \xe2\x81\xa6isolate\xe2\x81\xa9.\n"
		"Bell \007 backspace \b delete \177 done.\n";
	char *path = term_write_temp("hostile.txt", hostile, sizeof hostile - 1);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(24, 80, args);
	term_key(t, "j", "k");
	size_t len;
	const char *raw = term_raw(t, &len);
	static const char *const bad[] = { "\033[31mRED", "\033]52", "\033]0;pwned", "\033[2J and",
					   "\xe2\x80\xae", "\xe2\x80\xac", "\xe2\x81\xa6", "\xe2\x81\xa9",
					   "\xc2\x9b", "\23332m" /* C1 CSI, then "32m" */ };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		screen_assert(t, !memmem(raw, len, bad[i], strlen(bad[i])),
			      "hostile sequence %zu reached the terminal", i);
	size_t at;
	screen_assert(t, !has_c1_or_invalid((const unsigned char *)raw, len, &at),
		      "a C1 control or invalid UTF-8 byte reached the terminal at byte %zu", at);
	/* No BEL or BS from the document either (ncurses itself sends none). */
	screen_assert(t, !memchr(raw, '\007', len), "a BEL reached the terminal");
	screen_assert(t, !memchr(raw, '\b', len), "a BS reached the terminal");
	/* The text around them shows, with visible placeholders. */
	int y, x;
	screen_assert(t, term_find(t, "RED", &y, &x), "the text around the escape is lost");
	screen_assert(t, term_find(t, "\xe2\x90\x9b", &y, &x) || term_find(t, "\xef\xbf\xbd", &y, &x),
		      "no visible placeholder (U+241B or U+FFFD) for the escape");
	screen_assert(t, term_find(t, "desrever", &y, &x), "the bidi-wrapped text is lost");
	screen_assert(t, strstr(term_row(t, 0), "Hostile") != NULL || term_find(t, "Hostile", &y, &x),
		      "the screen was cleared or moved by the document");
	term_quit_ok(t);
	unlink(path);
	free(path);
}

/* A file changed in place while shown: checked when it was read, its new
 * bytes still never reach the terminal as a control sequence. */
static void test_file_changed_under_us(void **state)
{
	(void)state;
	static const char text[] = "A plain file.\n\nThe word PLACEHOLD stands here.\nThe end.\n";
	char *path = term_write_temp("changed.txt", text, sizeof text - 1);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(24, 80, args);
	int y, x;
	screen_assert(t, term_find(t, "PLACEHOLD", &y, &x), "the file should show");
	/* Same length, so the mapping still covers it: OSC 0 sets a title. */
	static const char osc[] = "\033]0;pwn\007";
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, (long)(strstr(text, "PLACEHOLD") - text), SEEK_SET), 0);
	assert_int_equal(fwrite(osc, 1, sizeof osc - 1, f), sizeof osc - 1);
	assert_int_equal(fclose(f), 0);
	term_key(t, "^L");
	screen_assert(t, !term_raw_has(t, "\033]0;pwn", 7), "the changed bytes reached the terminal raw");
	screen_assert(t, term_find(t, "\xef\xbf\xbd]0;pwn\xef\xbf\xbd", &y, &x),
		      "the changed bytes should show with placeholders");
	term_quit_ok(t);
	unlink(path);
	free(path);
}

/* Cut within its last page, a file faults nowhere (the page reads as zeros
 * past the new end): the reader sees its size and ends the same way. */
static void test_file_shrunk_in_last_page(void **state)
{
	(void)state;
	char text[5000];
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = i % 50 == 49 ? '\n' : (char)('a' + i % 26);
	char *path = term_write_temp("shrunk.txt", text, sizeof text);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(24, 80, args);
	int y, x;
	screen_assert(t, term_find(t, "abcdef", &y, &x), "the file should show");
	assert_int_equal(truncate(path, 4500), 0);       /* both in the second page */
	term_key(t, "j");
	screen_assert(t, term_wait_exit(t) == 0, "brief should end when its file shrinks");
	screen_assert(t, term_raw_has(t, "the file shrank", 15), "no message saying why");
	assert_int_equal(term_finish(t, NULL), 74);
	unlink(path);
	free(path);
}

/* An empty file opens, and = says it has no lines rather than "line 1 of 0". */
static void test_empty_file(void **state)
{
	(void)state;
	char *path = term_write_temp("empty.txt", "", 0);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(24, 80, args);
	term_send(t, "=");
	screen_assert(t, strstr(status_row(t), "line 0 of 0") != NULL, "= on an empty file: %s",
		      status_row(t));
	term_quit_ok(t);
	unlink(path);
	free(path);
}

/* A file truncated while shown (logrotate's copytruncate): no SIGBUS, the
 * terminal given back, a message, and exit status 74. */
static void test_file_truncated_under_us(void **state)
{
	(void)state;
	struct buf { char *p; size_t n; } b = { NULL, 0 };
	FILE *m = open_memstream(&b.p, &b.n);
	assert_non_null(m);
	for (int i = 0; i < 400; i++)
		fprintf(m, "Line %d of a file that will be cut short under the reader.\n", i);
	assert_int_equal(fclose(m), 0);
	char *path = term_write_temp("truncated.txt", b.p, b.n);
	free(b.p);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(24, 80, args);
	int y, x;
	screen_assert(t, term_find(t, "Line 0 of", &y, &x), "the file should show");
	assert_int_equal(truncate(path, 0), 0);
	term_key(t, "G");
	screen_assert(t, term_wait_exit(t) == 0, "brief should end when its file shrinks");
	screen_assert(t, !term_altscreen(t), "the terminal should be given back");
	screen_assert(t, term_raw_has(t, "the file shrank", 15), "no message saying why");
	assert_int_equal(term_finish(t, NULL), 74);
	unlink(path);
	free(path);
}

/* Back at the panel's first row, its headings show above it again, however
 * it got there; and the folded panel opens with them. */
static void test_panel_headings_back_in_view(void **state)
{
	(void)state;
	struct term *t = start_brief(30, 100, no_state);
	int y, x;
	term_key(t, "Tab");
	term_send(t, "30j");
	screen_assert(t, !term_find(t, "ACTORS", &y, &x), "30 rows down, ACTORS should be scrolled off");
	term_send(t, "100k");
	screen_assert(t, term_find(t, "ACTORS", &y, &x), "back at the first row, ACTORS should show");
	screen_assert(t, term_find(t, "People", &y, &x), "back at the first row, People should show");
	term_quit_ok(t);
	t = start_brief(12, 40, no_state);
	term_key(t, "s");
	screen_assert(t, term_find(t, "ACTORS", &y, &x), "the folded panel should open with its heading");
	term_quit_ok(t);
}

/* ---- narrow and tiny ------------------------------------------------------------ */

static void test_narrow_panel_toggles(void **state)
{
	(void)state;
	struct term *t = start_brief(20, 50, no_state);
	int y, x;
	screen_assert(t, !term_find(t, "ACTORS", &y, &x), "at 50x20 the panel should not show at first");
	screen_assert(t, term_find(t, "US Secretary of State", &y, &x), "at 50x20 the article should show");
	term_key(t, "s");
	screen_assert(t, term_find(t, "ACTORS", &y, &x), "s should bring the panel");
	screen_assert(t, !term_find(t, "US Secretary of State", &y, &x), "the panel should cover the article");
	term_key(t, "Esc");
	screen_assert(t, !term_find(t, "ACTORS", &y, &x), "Esc should hide the panel");
	screen_assert(t, term_find(t, "US Secretary of State", &y, &x), "the article should be back after Esc");
	term_key(t, "s");
	screen_assert(t, term_find(t, "ACTORS", &y, &x), "s should bring the panel again");
	term_key(t, "s");
	screen_assert(t, !term_find(t, "ACTORS", &y, &x), "s again should hide the panel");
	term_quit_ok(t);
}

/* Shrinking a wide reader below the panel's width keeps the article. */
static void test_narrow_after_resize(void **state)
{
	(void)state;
	struct term *t = start_brief(24, 80, no_state);
	int y, x;
	screen_assert(t, term_find(t, "ACTORS", &y, &x), "no panel at 80x24");
	term_resize(t, 20, 50);
	screen_assert(t, term_find(t, "US Secretary of State", &y, &x),
		      "after shrinking to 50x20 the article is hidden");
	screen_assert(t, !term_find(t, "ACTORS", &y, &x), "after shrinking to 50x20 the panel covers the article");
	term_resize(t, 24, 80);
	screen_assert(t, term_find(t, "ACTORS", &y, &x), "the panel did not come back at 80x24");
	screen_assert(t, panel_rule_x(t) > 0, "the panel is not beside the article at 80x24");
	term_quit_ok(t);
}

static void test_tiny_terminals(void **state)
{
	(void)state;
	struct term *t = start_brief(5, 20, no_state);
	screen_assert(t, strlen(status_row(t)) > 0, "20x5: no status line");
	screen_assert(t, status_has(t, "help"), "20x5: the status line lacks help");
	term_key(t, "j", "]", "Tab", "Enter", "h", "q", "s", "c");
	term_quit_ok(t);
	static const int sizes[][2] = { { 1, 1 }, { 2, 2 }, { 1, 80 }, { 3, 1 } };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		t = start_brief(sizes[i][0], sizes[i][1], no_state);
		term_key(t, "j", "]", "Tab", "Enter", "/", "x", "Enter", "h", "Space", "q");
		screen_assert(t, !term_exited(t), "%dx%d: brief exited early", sizes[i][1], sizes[i][0]);
		term_quit_ok(t);
	}
	/* Shrinking a running reader to nothing and back. */
	t = start_brief(24, 80, no_state);
	term_resize(t, 1, 1);
	term_resize(t, 2, 2);
	term_key(t, "j", "s");
	term_resize(t, 24, 80);
	screen_assert(t, status_has(t, "h help"), "no status line after growing again");
	term_quit_ok(t);
}

/* ---- monochrome ----------------------------------------------------------------- */

/* 1 if an SGR sequence in the output sets a colour (30-49, 90-107). */
static int raw_has_colour(const struct term *t)
{
	size_t len;
	const char *raw = term_raw(t, &len);
	for (size_t i = 0; i + 2 < len; i++) {
		if (raw[i] != '\033' || raw[i + 1] != '[')
			continue;
		size_t j = i + 2;
		while (j < len && ((raw[j] >= '0' && raw[j] <= '9') || raw[j] == ';'))
			j++;
		if (j >= len || raw[j] != 'm')
			continue;
		for (size_t k = i + 2; k < j;) {
			long v = strtol(raw + k, NULL, 10);
			if ((v >= 30 && v <= 49) || (v >= 90 && v <= 107))
				return 1;
			while (k < j && raw[k] != ';')
				k++;
			k++;
		}
	}
	return 0;
}

static void check_mono(const char *const env[], const char *what)
{
	struct term *t = start_brief_env(24, 80, no_state, env);
	int y, x;
	screen_assert(t, find_in_article(t, "Marco Rubio", &y, &x), "%s: no Marco Rubio", what);
	VTermScreenCellAttrs a;
	for (int i = 0; i < 11; i++) {
		term_cell_attrs(t, y, x + i, &a);
		screen_assert(t, a.bold, "%s: actor mention not bold at column %d", what, x + i);
	}
	term_cell_attrs(t, y, x + 12, &a);
	screen_assert(t, !a.bold, "%s: bold spills past the mention", what);
	screen_assert(t, find_in_article(t, "early July", &y, &x), "%s: no early July", what);
	for (int i = 0; i < 10; i++) {
		term_cell_attrs(t, y, x + i, &a);
		screen_assert(t, a.underline, "%s: figure not underlined at column %d", what, x + i);
	}
	/* The selected panel row has a marker besides any colour. */
	screen_assert(t, find_in_panel(t, "> Marco Rubio", &y, &x), "%s: no panel marker", what);
	/* No colour sequences at all. */
	screen_assert(t, !raw_has_colour(t), "%s: colour escape sequences were sent", what);
	term_quit_ok(t);
}

static void test_monochrome_attributes(void **state)
{
	(void)state;
	static const char *const no_color[] = { "NO_COLOR=1", NULL };
	static const char *const vt100[] = { "TERM=vt100", "NO_COLOR", NULL };
	check_mono(no_color, "NO_COLOR=1");
	check_mono(vt100, "TERM=vt100");
}

/* TERM=linux cannot underline in colour (ncv): ncurses drops the underline
 * of a coloured figure, which then differs from the text by colour alone.
 * Its figures keep their underline, uncoloured; actors keep bold and colour. */
static void test_no_color_video_keeps_attributes(void **state)
{
	(void)state;
	/* NCURSES_GPM_TERMS empty: ncurses' look for the console's mouse
	 * server (GPM) keeps 10 bytes LeakSanitizer reports; not under test. */
	static const char *const linux_console[] = { "TERM=linux", "NO_COLOR", "NCURSES_GPM_TERMS=",
						     NULL };
	struct term *t = start_brief_env(24, 80, no_state, linux_console);
	int y, x;
	VTermScreenCellAttrs a;
	screen_assert(t, find_in_article(t, "early July", &y, &x), "TERM=linux: no early July");
	for (int i = 0; i < 10; i++) {
		term_cell_attrs(t, y, x + i, &a);
		screen_assert(t, a.underline, "TERM=linux: figure not underlined at column %d", x + i);
	}
	screen_assert(t, find_in_article(t, "Marco Rubio", &y, &x), "TERM=linux: no Marco Rubio");
	term_cell_attrs(t, y, x, &a);
	screen_assert(t, a.bold, "TERM=linux: actor mention not bold");
	screen_assert(t, raw_has_colour(t), "TERM=linux: actors lost their colour");
	term_quit_ok(t);
}

/* The chart's title is underlined, the margin before it is not: an
 * underlined blank at column 0 showed as a stray stroke. */
static void test_chart_title_margin_plain(void **state)
{
	(void)state;
	struct term *t = start_brief(24, 80, no_state);
	int y, x;
	screen_assert(t, term_find(t, "Defense spending", &y, &x), "no chart title");
	VTermScreenCellAttrs a;
	term_cell_attrs(t, y, x, &a);
	screen_assert(t, a.underline, "the chart title is not underlined");
	for (int i = 0; i < x; i++) {
		term_cell_attrs(t, y, i, &a);
		screen_assert(t, !a.underline, "column %d before the chart title is underlined", i);
	}
	term_quit_ok(t);
}

static void test_no_color_option(void **state)
{
	(void)state;
	static const char *const args[] = { "--no-state", "--no-color", NULL };
	struct term *t = start_brief(24, 80, args);
	screen_assert(t, !raw_has_colour(t), "--no-color still sends colours");
	term_quit_ok(t);
}

/* ---- comparison ----------------------------------------------------------------- */

static void test_comparison_goes_to_source(void **state)
{
	(void)state;
	struct term *t = start_brief(30, 100, no_state);
	term_key(t, "Tab", "Tab");
	int cy = compare_rule_y(t);
	screen_assert(t, status_has(t, "[comparison]"), "Tab Tab should focus the comparison");
	int y, x;
	screen_assert(t, term_find_from(t, "> Japan", cy, &y, &x), "the Japan row is not selected");
	screen_assert(t, strstr(term_row(t, y), "<2.0") != NULL, "the selected row is not Japan's current");
	term_key(t, "Enter");
	screen_assert(t, status_has(t, "less than 2 percent of GDP"), "the status line lacks the quote");
	char *art = article_text(t);
	screen_assert(t, strstr(art, "less than 2 percent of GDP") != NULL,
		      "the source sentence is not on screen");
	free(art);
	/* Exactly the quote is in reverse + underline. */
	int rule = panel_rule_x(t);
	cy = compare_rule_y(t);
	char marked[512] = "";
	size_t m = 0;
	for (int r = 0; r < cy; r++) {
		int any = 0;
		for (int c = 0; c < rule; c++) {
			VTermScreenCell cell;
			term_cell(t, r, c, &cell);
			if (!(cell.attrs.reverse && cell.attrs.underline))
				continue;
			if (!any && m)
				marked[m++] = ' ';
			any = 1;
			uint32_t ch = cell.chars[0] ? cell.chars[0] : ' ';
			if (m < sizeof marked - 2 && ch < 0x80)
				marked[m++] = (char)ch;
		}
	}
	while (m && marked[m - 1] == ' ')
		m--;
	marked[m] = '\0';
	char *w = marked;
	for (char *p = marked; *p; p++)
		if (!(*p == ' ' && w > marked && w[-1] == ' '))
			*w++ = *p;
	*w = '\0';
	screen_assert(t, strcmp(marked, "less than 2 percent of GDP") == 0,
		      "reverse+underline cells read \"%s\"", marked);
	term_quit_ok(t);
}

/* ---- mouse, redraw, suspend ------------------------------------------------ */

static void send_sgr_mouse(struct term *t, int button, int y, int x, int press)
{
	char buf[64];
	snprintf(buf, sizeof buf, "\033[<%d;%d;%d%c", button, x + 1, y + 1, press ? 'M' : 'm');
	term_send(t, buf);
}

/* Press and release in one write, as a quick click arrives. */
static void send_sgr_click(struct term *t, int y, int x)
{
	char buf[64];
	snprintf(buf, sizeof buf, "\033[<0;%d;%dM\033[<0;%d;%dm", x + 1, y + 1, x + 1, y + 1);
	term_send(t, buf);
}

/* A release arriving on its own (the button held a moment) must not leave
 * brief blocked in a read: it has to get back to its poll, where signals and
 * resizes are seen. */
static void test_mouse_release_alone(void **state)
{
	(void)state;
	struct term *t = start_brief(24, 80, no_state);
	int y, x;
	screen_assert(t, find_in_panel(t, "Donald Trump", &y, &x), "no Donald Trump row");
	send_sgr_mouse(t, 0, y, x, 1);
	screen_assert(t, status_has(t, "Trump 1/1 "), "a press on the panel row should select it");
	char buf[64];
	snprintf(buf, sizeof buf, "\033[<0;%d;%dm", x + 1, y + 1);
	term_write(t, buf, strlen(buf));
	int idle = term_wait_idle(t, 3000);
	screen_assert(t, idle == 0, "after a lone button release brief is stuck outside its poll "
		      "(blocked reading the terminal: SIGTERM, SIGWINCH wait for the next key)");
	term_signal(t, SIGTERM);
	screen_assert(t, term_exited(t), "SIGTERM after a click did not end brief");
	assert_int_equal(term_finish(t, NULL), 128 + SIGTERM);
}

static void test_mouse_click_and_wheel(void **state)
{
	(void)state;
	struct term *t = start_brief(24, 80, no_state);
	int y, x;
	screen_assert(t, find_in_panel(t, "Donald Trump", &y, &x), "no Donald Trump row");
	send_sgr_click(t, y, x);
	screen_assert(t, status_has(t, "Trump 1/1 "), "a click on the panel row should select it");
	screen_assert(t, find_in_panel(t, "> Donald Trump", &y, &x), "the panel marker did not move");
	/* Wheel down over the article scrolls it three lines. */
	term_key(t, "Esc");
	int rule = panel_rule_x(t);
	char *fourth = row_left(t, 4, rule);
	char *before = article_text(t);
	send_sgr_mouse(t, 65, 5, 10, 1);
	char *first = row_left(t, 1, rule);
	screen_assert(t, strcmp(first, fourth) == 0, "the wheel did not scroll three lines: \"%s\" vs \"%s\"",
		      first, fourth);
	free(first);
	free(fourth);
	send_sgr_mouse(t, 64, 5, 10, 1);
	char *after = article_text(t);
	screen_assert(t, strcmp(before, after) == 0, "the wheel up did not scroll back");
	free(before);
	free(after);
	term_key(t, "BTab", "g");  /* the panel had the focus: the article's top */
	/* A click on a mention in the article selects its entity. */
	screen_assert(t, find_in_article(t, "Marco Rubio", &y, &x), "no Marco Rubio in the article");
	send_sgr_click(t, y, x + 2);
	screen_assert(t, status_has(t, "Marco Rubio 1/3"), "a click on a mention should select its entity");
	term_quit_ok(t);
}

/* The status line says END exactly when the last line is on screen, blank
 * lines at the end of the file (squeezed to one) included. */
static void test_status_end(void **state)
{
	(void)state;
	char text[2048];
	size_t n = 0;
	for (int i = 1; i <= 40; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "Line %d of the text.\n", i);
	n += (size_t)snprintf(text + n, sizeof text - n, "\n\n\n\n");
	char *path = term_write_temp("end.txt", text, n);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(12, 60, args);
	screen_assert(t, !status_has(t, "END"), "END at the top of a long file");
	term_key(t, "G");
	screen_assert(t, status_has(t, "END"), "no END at the bottom");
	screen_assert(t, find_in_article(t, "Line 40 of", &(int){ 0 }, &(int){ 0 }), "the last line is not shown");
	term_key(t, "k");
	screen_assert(t, !status_has(t, "END") && status_has(t, "%"), "END with the last line off screen");
	term_key(t, "j");
	screen_assert(t, status_has(t, "END"), "no END back at the bottom");
	term_quit_ok(t);
	free(path);
	/* A file shorter than the pane is all on screen at once; this one
	 * ends on its text, not on blank lines. */
	path = term_write_temp("short.txt", "One short line.\nAnd its last.\n", 30);
	const char *args2[] = { "--no-state", path, NULL };
	t = start_brief(12, 60, args2);
	screen_assert(t, status_has(t, "END"), "no END for a file that fits");
	term_quit_ok(t);
	free(path);
}

/* A run of blank lines shows as one, however long (as less -s): a run of
 * a thousand is one row, one j and one k. */
static void test_blank_runs_squeezed(void **state)
{
	(void)state;
	size_t cap = 8192, n = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	for (int i = 1; i <= 8; i++)
		n += (size_t)snprintf(text + n, cap - n, "Alpha %d\n", i);
	memset(text + n, '\n', 1000);
	n += 1000;
	for (int i = 1; i <= 10; i++)
		n += (size_t)snprintf(text + n, cap - n, "Bravo %d\n", i);
	memset(text + n, '\n', 1000);
	n += 1000;
	n += (size_t)snprintf(text + n, cap - n, "Charlie\n");
	char *path = term_write_temp("blank-runs.txt", text, n);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(12, 60, args);
	int ya, yb, x;
	screen_assert(t, find_in_article(t, "Alpha 8", &ya, &x) && find_in_article(t, "Bravo 1", &yb, &x),
		      "the first screen does not reach past the first run");
	screen_assert(t, yb == ya + 2, "a thousand blank lines took %d rows", yb - ya - 1);
	for (int i = 0; i < 9; i++)
		term_key(t, "j");
	screen_assert(t, strncmp(term_row(t, 0), "Bravo 1 ", 8) == 0, "nine j did not bring Bravo 1 to the top");
	term_key(t, "k");
	screen_assert(t, strncmp(term_row(t, 1), "Bravo 1 ", 8) == 0, "k did not step back over the run as one line");
	term_key(t, "G");
	screen_assert(t, status_has(t, "END") && find_in_article(t, "Charlie", &yb, &x)
		      && find_in_article(t, "Bravo 10", &ya, &x) && yb == ya + 2,
		      "the end does not show Bravo 10, one blank row and Charlie");
	term_quit_ok(t);
	free(path);
	free(text);
}

static void test_redraw_and_suspend(void **state)
{
	(void)state;
	struct term *t = start_brief(24, 80, no_state);
	char *before = strdup(term_text(t));
	term_key(t, "^L");
	screen_assert(t, strcmp(before, term_text(t)) == 0, "^L changed the screen");
	/* Under the harness brief leads an orphaned process group, so the
	 * stop that ^Z asks for cannot happen: it must come straight back. */
	size_t len0;
	term_raw(t, &len0);
	term_key(t, "^Z");
	screen_assert(t, !term_exited(t), "^Z ended brief");
	screen_assert(t, term_altscreen(t), "after ^Z the reader is not back on the alternate screen");
	screen_assert(t, strcmp(before, term_text(t)) == 0, "after ^Z the screen is not the same");
	size_t len;
	const char *raw = term_raw(t, &len);
	screen_assert(t, memmem(raw + len0, len - len0, "\033[?1049l", 8) != NULL,
		      "^Z did not leave the alternate screen first");
	free(before);
	term_quit_ok(t);
}

/* ---- state --------------------------------------------------------------------- */

static void test_state_restores_position(void **state)
{
	(void)state;
	char *dir = state_env("state");
	const char *const env[] = { dir, NULL };
	struct term *t = start_brief_env(30, 100, NULL, env);
	term_send(t, "20j");
	char *words = first_words(t, 5);
	assert_non_null(words);
	term_quit_ok(t);
	t = start_brief_env(30, 100, NULL, env);
	char *again = first_words(t, 5);
	screen_assert(t, again && strcmp(words, again) == 0,
		      "the position was not restored: \"%s\" vs \"%s\"", words, again ? again : "");
	free(again);
	term_quit_ok(t);
	/* --no-state neither reads it. */
	t = start_brief_env(30, 100, no_state, env);
	again = first_words(t, 5);
	screen_assert(t, again && strncmp(again, "US Secretary", 12) == 0,
		      "--no-state did not start at the top");
	free(again);
	free(words);
	free(dir);
	term_quit_ok(t);
}


/* 200 resizes in a row: brief keeps up, ends at the last size, still works. */
static void test_resize_storm(void **state)
{
	(void)state;
	struct term *t = start_brief(30, 100, no_state);
	static const int sizes[][2] = { { 20, 60 }, { 5, 20 }, { 50, 200 }, { 1, 1 }, { 24, 80 } };
	term_resize_burst(t, 200, sizes, 5);
	screen_assert(t, status_has(t, "h help"), "no status line at 80x24 after 200 resizes");
	screen_assert(t, compare_rule_y(t) > 0 && panel_rule_x(t) > 0,
		      "the panes are not laid out for 80x24 after 200 resizes");
	term_key(t, "j");
	term_quit_ok(t);
}

/* A resize while typing a search keeps what was typed. */
static void test_winch_during_prompt(void **state)
{
	(void)state;
	struct term *t = start_brief(30, 100, no_state);
	term_send(t, "/Ish");
	term_resize(t, 24, 80);
	screen_assert(t, strstr(term_row(t, 23), "/Ish") != NULL, "the prompt lost its text");
	term_send(t, "iba\r");
	char *art = article_text(t);
	screen_assert(t, strstr(art, "Ishiba") != NULL, "the search after the resize found nothing");
	free(art);
	term_quit_ok(t);
}

/* A dropped connection (SIGHUP) saves the position: the state file is whole,
 * private, and the next start resumes there. */
static void test_state_after_hangup(void **state)
{
	(void)state;
	char *dir = state_env("hup"), *path;
	if (asprintf(&path, "%s/hup/brief/state", tmpdir) < 0)
		fail_msg("asprintf");
	const char *const env[] = { dir, NULL };
	struct term *t = start_brief_env(30, 100, NULL, env);
	term_send(t, "25j");
	char *words = first_words(t, 5);
	assert_non_null(words);
	term_signal(t, SIGHUP);
	screen_assert(t, term_exited(t), "SIGHUP did not end brief");
	assert_int_equal(term_finish(t, NULL), 128 + SIGHUP);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char line[256];
	assert_non_null(fgets(line, sizeof line, f));
	assert_int_equal(strncmp(line, "brief-state 1", 13), 0);
	assert_non_null(fgets(line, sizeof line, f));     /* one entry */
	fclose(f);
	t = start_brief_env(30, 100, NULL, env);
	char *again = first_words(t, 5);
	screen_assert(t, again && strcmp(words, again) == 0,
		      "after SIGHUP the position was not restored: \"%s\" vs \"%s\"", words,
		      again ? again : "");
	free(again);
	free(words);
	free(dir);
	free(path);
	term_quit_ok(t);
}

/* A terminal that goes away without a SIGHUP (brief not in its session:
 * setsid, a supervisor, brief <$tty >$tty) is a hang-up all the same: the
 * terminal reads as ended, and brief saves the position and dies of
 * SIGHUP, where it used to spin at 100% CPU until killed. */
static void test_hangup_without_sighup(void **state)
{
	(void)state;
	char *dir = state_env("nohup");
	const char *const env[] = { dir, NULL };
	term_set_detached(1);
	struct term *t = start_brief_env(30, 100, NULL, env);
	term_set_detached(0);
	term_send(t, "25j");
	char *words = first_words(t, 5);
	assert_non_null(words);
	screen_assert(t, term_hangup(t) == 0,
		      "brief did not exit within 10 s of its terminal going away");
	int status;
	assert_int_equal(term_finish(t, &status), 128 + SIGHUP);
	assert_true(WIFSIGNALED(status));
	t = start_brief_env(30, 100, NULL, env);
	char *again = first_words(t, 5);
	screen_assert(t, again && strcmp(words, again) == 0,
		      "the position was not saved: \"%s\" vs \"%s\"", words, again ? again : "");
	free(again);
	free(words);
	free(dir);
	term_quit_ok(t);
}

/* VmSize of a process, in KiB; -1 if unknown. */
static long vm_size_kib(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	long kib = -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmSize: %ld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

/* Running out of memory in the reader: the message is printed after the
 * terminal is given back, where it stays, not on the alternate screen,
 * which leaving it throws away (only status 71 was left).  Memory is cut
 * to what brief has plus 1 MiB (prlimit), and G lays out a line of 8 MB. */
static void test_out_of_memory_message_seen(void **state)
{
	(void)state;
	const int ntok = 1000000;
	size_t cap = (size_t)ntok * 8 + 64, n = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	for (int i = 1; i <= ntok; i++)
		n += (size_t)snprintf(text + n, cap - n, "w%06d ", i);
	n += (size_t)snprintf(text + n, cap - n, "\n");
	char *path = term_write_temp("oom-line.txt", text, n);
	free(text);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(24, 80, args);
	long kib = vm_size_kib(term_pid(t));
	assert_true(kib > 0);
	if (kib > (1L << 30)) {
		/* A sanitizer reserves terabytes up front and answers a lack of
		 * memory with its own report: nothing to see of brief's here. */
		fprintf(stderr, "# test_out_of_memory_message_seen: not under a sanitizer\n");
		term_quit_ok(t);
		unlink(path);
		free(path);
		return;
	}
	struct rlimit lim = { (rlim_t)(kib + 1024) * 1024, (rlim_t)(kib + 1024) * 1024 };
	assert_int_equal(prlimit(term_pid(t), RLIMIT_AS, &lim, NULL), 0);
	term_send(t, "G");
	screen_assert(t, term_exited(t), "G under a memory limit did not end brief");
	size_t len;
	const char *raw = term_raw(t, &len);
	const char *msg = "brief: out of memory";
	const char *said = memmem(raw, len, msg, strlen(msg));
	screen_assert(t, said != NULL, "no out-of-memory message");
	const char *rmcup = "\033[?1049l", *left = NULL;
	for (const char *p = raw; (p = memmem(p, len - (size_t)(p - raw), rmcup, 8)); p++)
		left = p;
	screen_assert(t, left && left < said,
		      "the message was printed on the alternate screen, before leaving it");
	screen_assert(t, !term_altscreen(t), "the alternate screen stays on");
	int status;
	assert_int_equal(term_finish(t, &status), 71);
	unlink(path);
	free(path);
}

/* Whatever curses cannot start with is named for what it is: here a
 * terminal of more rows and columns than curses holds, not "cannot use
 * terminal type". */
static void test_terminal_too_large(void **state)
{
	(void)state;
	static const char *const big[] = { "LINES=100000", "COLUMNS=100000", NULL };
	struct term *t = start_brief_env(24, 80, no_state, big);
	screen_assert(t, term_exited(t), "brief started on a terminal of 100000 x 100000");
	size_t len;
	const char *raw = term_raw(t, &len);
	screen_assert(t, !memmem(raw, len, "terminal type", 13), "blamed on the terminal type");
	screen_assert(t, memmem(raw, len, "100000 rows and 100000 columns", 30) != NULL,
		      "the message does not name the size");
	assert_int_equal(term_finish(t, NULL), 2);
}

/* Out of memory while curses sets up its screens (3000 x 3000 cells,
 * three times, under a 256 MiB limit) is out of memory, status 71. */
static void test_out_of_memory_starting_curses(void **state)
{
	(void)state;
	char *cmd;
	if (asprintf(&cmd, "ulimit -v 262144 && exec \"%s\" --no-state", brief_path) < 0)
		fail_msg("asprintf");
	/* Under a sanitizer brief cannot even start within that limit. */
	char *probe;
	if (asprintf(&probe, "ulimit -v 262144 && exec \"%s\" --version >/dev/null 2>&1",
		     brief_path) < 0)
		fail_msg("asprintf");
	int ok = system(probe);
	free(probe);
	if (ok != 0) {
		fprintf(stderr, "# test_out_of_memory_starting_curses: not under a sanitizer\n");
		free(cmd);
		return;
	}
	const char *argv[] = { "/bin/sh", "-c", cmd, NULL };
	static const char *const big[] = { "LINES=3000", "COLUMNS=3000", NULL };
	struct term *t = term_start(24, 80, argv, big);
	screen_assert(t, term_exited(t), "brief started in 256 MiB on a terminal of 3000 x 3000");
	size_t len;
	const char *raw = term_raw(t, &len);
	screen_assert(t, !memmem(raw, len, "terminal type", 13), "blamed on the terminal type");
	screen_assert(t, memmem(raw, len, "brief: out of memory", 20) != NULL, "no out-of-memory message");
	assert_int_equal(term_finish(t, NULL), 71);
	free(cmd);
}

/* Outside a UTF-8 locale, rules and bars are ASCII and still distinct. */
static void test_ascii_locale(void **state)
{
	(void)state;
	const char *const env[] = { "LANG=C", "LC_ALL=C", NULL };
	struct term *t = start_brief_env(30, 100, no_state, env);
	char *c = strdup(term_text(t));
	screen_assert(t, strstr(c, "-- Comparison --") != NULL, "no ASCII rule over the comparison");
	screen_assert(t, strstr(c, "####") != NULL && strstr(c, "====") != NULL,
		      "no ASCII bars for demand (#) and current (=)");
	screen_assert(t, strstr(c, "more than x1.75") != NULL, "no ASCII ratio");
	const char *raw;
	size_t n;
	raw = term_raw(t, &n);
	int high = 0;
	for (size_t i = 0; i < n; i++)
		high |= (unsigned char)raw[i] >= 0x80;
	screen_assert(t, !high, "a byte >= 0x80 was written in the C locale");
	/* The status line's separators are ASCII too, not '?' for U+00B7. */
	term_key(t, "]", "]");
	screen_assert(t, status_has(t, "Marco Rubio 1/3 | US Secretary of State"),
		      "the status line does not separate with ' | ' in the C locale");
	free(c);
	term_quit_ok(t);
}


/* Hostile strings in an annotation file and in the file's own name reach the
 * panel, status line and title: none of them may reach the terminal raw. */
static void test_hostile_annotations_and_name(void **state)
{
	(void)state;
	static const char article[] = "Hostile names.\n\nBob met Eve in Paris.\n";
	static const char annotations[] =
		"section \"Hostile names.\"\n"
		"body \"Bob met\"\n"
		"actor bob person \"Bob\"\n"
		"  description \"desc \xe2\x80\xae" "reversed \xc2\x9b" "31m and \\n newline\"\n"
		"actor eve person \"Eve\"\n"
		"  alias \"Eve\xe2\x81\xa6\"\n"
		"  description \"\xee\x80\x80 private use\"\n";
	/* A name with an OSC 52 clipboard write and a bidi override in it. */
	static const char name[] = "evil\033]52;c;eA==\007\xe2\x80\xae";
	char *base, *txt, *brief;
	if (asprintf(&base, "%s", name) < 0 || asprintf(&txt, "%s.txt", base) < 0
	    || asprintf(&brief, "%s.brief", base) < 0)
		fail_msg("asprintf");
	char *tpath = term_write_temp(txt, article, sizeof article - 1);
	char *bpath = term_write_temp(brief, annotations, sizeof annotations - 1);
	const char *args[] = { "--no-state", tpath, NULL };
	struct term *t = start_brief(24, 100, args);
	term_key(t, "]");               /* the status line describes Bob */
	term_key(t, "]");
	size_t len;
	const char *raw = term_raw(t, &len);
	static const char *const bad[] = { "\033]52", "\007", "\xe2\x80\xae", "\xe2\x81\xa6",
					   "\xc2\x9b", "\xee\x80\x80" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		screen_assert(t, !memmem(raw, len, bad[i], strlen(bad[i])),
			      "hostile sequence %zu from the annotations or file name reached the terminal", i);
	int y, x;
	screen_assert(t, term_find(t, "Bob", &y, &x), "the annotated actor is not shown");
	term_quit_ok(t);
	unlink(tpath);
	unlink(bpath);
	free(tpath);
	free(bpath);
	free(base);
	free(txt);
	free(brief);
}

/* A tab after a highlight stops at the same column as without it. */
static void test_tab_after_highlight(void **state)
{
	(void)state;
	static const char article[] = "Tabs\n\nAlice\tmet\tBob.\n";
	static const char annotations[] = "body \"Alice\"\nactor alice person \"Alice\"\n";
	char *tpath = term_write_temp("tabs.txt", article, sizeof article - 1);
	char *bpath = term_write_temp("tabs.brief", annotations, sizeof annotations - 1);
	const char *args[] = { "--no-state", tpath, NULL };
	struct term *t = start_brief(24, 100, args);
	int y, x, y2, x2;
	screen_assert(t, term_find(t, "met", &y, &x) && term_find(t, "Bob.", &y2, &x2),
		      "the tabbed line is not shown");
	screen_assert(t, x == 8 && x2 == 16, "tab stops drifted: \"met\" at %d, \"Bob.\" at %d", x, x2);
	term_quit_ok(t);
	unlink(tpath);
	unlink(bpath);
	free(tpath);
	free(bpath);
}

/* A finished search leaves no prompt behind: ^C quits at once. */
static void test_sigint_after_search(void **state)
{
	(void)state;
	struct term *t = start_brief(24, 80, no_state);
	term_send(t, "/Japan\r");
	term_signal(t, SIGINT);
	screen_assert(t, term_exited(t), "^C after a search was taken for cancelling a prompt");
	assert_int_equal(term_finish(t, NULL), 128 + SIGINT);
}

/* Every signal that would end brief and that someone may send (kill,
 * alarm(), a parent's pipe) gives the terminal back first, as SIGTERM. */
static void test_sigusr1_restores_terminal(void **state)
{
	(void)state;
	check_signal_restores(SIGUSR1);
}

static void test_sigalrm_restores_terminal(void **state)
{
	(void)state;
	check_signal_restores(SIGALRM);
}

static void test_sigpipe_restores_terminal(void **state)
{
	(void)state;
	check_signal_restores(SIGPIPE);
}

static void test_sigrtmin_restores_terminal(void **state)
{
	(void)state;
	check_signal_restores(SIGRTMIN + 2);
}

/* A signal ignored when brief starts (a parent's choice, as nohup makes
 * for HUP) stays ignored: brief is not the one to end on it. */
static void test_ignored_signal_stays_ignored(void **state)
{
	(void)state;
	char *cmd;
	if (asprintf(&cmd, "trap '' USR1 && exec \"%s\" --no-state", brief_path) < 0)
		fail_msg("asprintf");
	const char *argv[] = { "/bin/sh", "-c", cmd, NULL };
	struct term *t = term_start(24, 80, argv, NULL);
	/* Not term_signal(): an ignored signal does not wake brief, and
	 * settling waits for it to have woken.  A key wakes it. */
	assert_int_equal(kill(term_pid(t), SIGUSR1), 0);
	term_key(t, "j");
	screen_assert(t, !term_exited(t), "an ignored SIGUSR1 ended brief");
	screen_assert(t, status_has(t, "h help"), "brief does not answer after an ignored SIGUSR1");
	term_quit_ok(t);
	free(cmd);
}

/* ^\ (SIGQUIT) leaves the terminal as found, like SIGTERM. */
static void test_sigquit_restores(void **state)
{
	(void)state;
	check_signal_restores(SIGQUIT);
}


/* Every kind of bad input, opened in the reader and paged to the end: the
 * terminal gets no C1, no invalid UTF-8, none of the injected sequences. */
static void test_bad_inputs_in_the_reader(void **state)
{
	(void)state;
	struct bad {
		const char *name;
		const char *data;
		size_t n;
	};
	static char combining[2 + 500 * 2 + 2];
	combining[0] = 'e';
	for (int i = 0; i < 500; i++)
		memcpy(combining + 1 + 2 * i, "\xcc\x81", 2);
	memcpy(combining + 1 + 1000, "x\n", 2);
	static char binary[4096];
	for (size_t i = 0; i < sizeof binary; i++)
		binary[i] = (char)((i * 7919u) >> 3);
	static const char nul[] = "a\0b\0\0c\n";
	static const char invalid[] = "over\xc0\xaflong \xed\xa0\x80 \xf4\x90\x80\x80 \xff\xfe cut\xe2\x82\n";
	static const char seqs[] = "osc8 \033]8;;http://x\033\\link\033]8;;\033\\ dcs \033Pq#0;2;0;0;0\033\\ "
				   "unterminated \033]0;title no end\n";
	static const char cr[] = "one\rtwo\r\nthree\rfour";
	static const char bom[] = "\xef\xbb\xbf" "BOM first\n";
	static const char zwj[] = "family \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9 and \xe2\x80\x8b zero width\n";
	const struct bad bads[] = {
		{ "combining.txt", combining, sizeof combining },
		{ "binary.txt", binary, sizeof binary },
		{ "nul.txt", nul, sizeof nul - 1 },
		{ "invalid.txt", invalid, sizeof invalid - 1 },
		{ "seqs.txt", seqs, sizeof seqs - 1 },
		{ "cr.txt", cr, sizeof cr - 1 },
		{ "bom.txt", bom, sizeof bom - 1 },
		{ "zwj.txt", zwj, sizeof zwj - 1 },
	};
	static const char *const injected[] = { "\033]8;", "\033P", "\033]0;title", "\xe2\x80\x8d",
						"\xe2\x80\x8b", "\xef\xbb\xbf" };
	for (size_t b = 0; b < sizeof bads / sizeof bads[0]; b++) {
		char *path = term_write_temp(bads[b].name, bads[b].data, bads[b].n);
		const char *args[] = { "--no-state", path, NULL };
		struct term *t = start_brief(24, 80, args);
		term_key(t, "G", "g", "]", "j");
		size_t len, at;
		const char *raw = term_raw(t, &len);
		screen_assert(t, !has_c1_or_invalid((const unsigned char *)raw, len, &at),
			      "%s: a C1 control or invalid UTF-8 reached the terminal at byte %zu",
			      bads[b].name, at);
		for (size_t i = 0; i < sizeof injected / sizeof injected[0]; i++)
			screen_assert(t, !memmem(raw, len, injected[i], strlen(injected[i])),
				      "%s: injected sequence %zu reached the terminal", bads[b].name, i);
		screen_assert(t, status_has(t, "h help"), "%s: no status line", bads[b].name);
		term_quit_ok(t);
		unlink(path);
		free(path);
	}
}

/* ---- main ------------------------------------------------------------------------ */

static int teardown(void **state)
{
	(void)state;
	term_cleanup_all();
	return 0;
}

static void rm_rf(const char *dir)
{
	char *cmd;
	if (asprintf(&cmd, "rm -rf '%s'", dir) >= 0) {
		if (system(cmd) != 0)
			fprintf(stderr, "cannot remove %s\n", dir);
		free(cmd);
	}
}


/* Text of the comparison pane (rows below its rule, above the status line). */
static char *compare_text(struct term *t)
{
	int cy = compare_rule_y(t);
	size_t cap = 4096, len = 0;
	char *out = calloc(1, cap);
	for (int y = cy + 1; cy >= 0 && y < term_rows(t) - 1; y++) {
		const char *r = term_row(t, y);
		size_t l = strlen(r);
		if (len + l + 2 > cap)
			out = realloc(out, cap = 2 * (len + l + 2));
		memcpy(out + len, r, l);
		len += l;
		out[len++] = '\n';
		out[len] = '\0';
	}
	return out;
}

/* The chart at 80x24 and 120x40: both countries, values, bounds, gaps. */
static void test_chart_sizes(void **state)
{
	(void)state;
	static const int sizes[][2] = { { 24, 80 }, { 40, 120 } };
	static const char *const want[] = {
		"Japan", "current <2.0", "demand  3.5", "more than +1.5 pp", "more than \xc3\x97" "1.75",
		"South Korea", "current 2.3", "demand  5.0", "+2.7 pp", "\xc3\x97" "2.17",
	};
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		struct term *t = start_brief(sizes[k][0], sizes[k][1], no_state);
		screen_assert(t, compare_rule_y(t) > 0, "no comparison pane at %dx%d", sizes[k][1],
			      sizes[k][0]);
		char *c = compare_text(t);
		for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
			screen_assert(t, strstr(c, want[i]) != NULL, "%dx%d: chart lacks \"%s\"",
				      sizes[k][1], sizes[k][0], want[i]);
		/* Japan's bound is shaded with no solid block on its row. */
		const char *jr = strstr(c, "current <2.0");
		const char *eol = jr ? strchr(jr, '\n') : NULL;
		screen_assert(t, jr && eol, "no Japan current row");
		int solid = 0, shade = 0;
		for (const char *p = jr; p < eol; p++) {
			solid |= strncmp(p, "\xe2\x96\x88", 3) == 0;   /* full block */
			shade |= strncmp(p, "\xe2\x96\x91", 3) == 0;   /* light shade */
		}
		screen_assert(t, shade && !solid, "Japan's <2.0 must be a shaded open bar");
		free(c);
		term_key(t, "q");
		assert_int_equal(term_finish(t, NULL), 0);
	}
}

/* Enter on every selectable chart row puts its quote in the status line and
 * the quote's sentence in the article. */
static void test_comparison_every_row(void **state)
{
	(void)state;
	struct term *t = start_brief(40, 120, no_state);
	term_key(t, "Tab", "Tab");
	int visited = 0;
	char *sel_before = NULL;
	for (int i = 0; i < 30; i++) {
		term_key(t, "Enter");
		const char *st = status_row(t);
		const char *q0 = strchr(st, '"');
		const char *q1 = q0 ? strchr(q0 + 1, '"') : NULL;
		screen_assert(t, q0 && q1, "row %d: no quote in the status line", i);
		/* The article shows the quote's first words (it may wrap). */
		char head[24];
		snprintf(head, sizeof head, "%.*s", (int)(q1 - q0 - 1) < 20 ? (int)(q1 - q0 - 1) : 20,
			 q0 + 1);
		char *sp = strrchr(head, ' ');
		if (sp && sp > head)
			*sp = '\0';
		char *art = article_text(t);
		screen_assert(t, strstr(art, head) != NULL, "row %d: \"%s\" not in the article", i, head);
		free(art);
		visited++;
		/* Next row; stop when the selection marker no longer moves. */
		int y, x;
		screen_assert(t, term_find_from(t, "> ", compare_rule_y(t), &y, &x), "no selected row");
		free(sel_before);
		sel_before = strdup(term_row(t, y));
		term_key(t, "j");
		screen_assert(t, term_find_from(t, "> ", compare_rule_y(t), &y, &x), "no selected row");
		if (strcmp(sel_before, term_row(t, y)) == 0)
			break;
	}
	free(sel_before);
	/* Two values and a gap per country, and the four measures. */
	screen_assert(t, visited >= 10, "only %d chart rows led to a source", visited);
	term_key(t, "q");
	assert_int_equal(term_finish(t, NULL), 0);
}

static char *fixture(const char *name)
{
	const char *dir = getenv("BRIEF_TESTS");
	char *p = malloc(4096);
	snprintf(p, 4096, "%s/fixtures/%s", dir ? dir : "tests", name);
	return p;
}

/* Nothing in the chart knows Japan or GDP: another article, other parties,
 * euros, "at least" and "about". */
static void test_second_fixture(void **state)
{
	(void)state;
	char *path = fixture("second.txt");
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(30, 100, args);
	char *c = compare_text(t);
	static const char *const want[] = {
		"Annual contribution, EUR", "Northland", "current 1.5bn", "\xe2\x89\xa5" "4.0bn",
		"+2.5bn EUR or more", "Southland", "\xe2\x89\x88" "2.0bn", "about +1.0bn EUR",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		screen_assert(t, strstr(c, want[i]) != NULL, "second fixture chart lacks \"%s\"", want[i]);
	screen_assert(t, strstr(c, "Japan") == NULL && strstr(c, "GDP") == NULL,
		      "the bundled article leaked into another one's chart");
	free(c);
	free(path);
	term_key(t, "q");
	assert_int_equal(term_finish(t, NULL), 0);
}

/* Rows in different units are listed with a note, never on one axis. */
static void test_mixed_units_note(void **state)
{
	(void)state;
	char *path = fixture("mixed.txt");
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(30, 100, args);
	char *c = compare_text(t);
	screen_assert(t, strstr(c, "Not charted: units differ") != NULL, "no note on mixed units");
	screen_assert(t, strstr(c, "Eastland: 3.0") != NULL && strstr(c, "Westland: 1.0bn") != NULL,
		      "mixed rows not listed");
	screen_assert(t, strstr(c, "\xe2\x96\x88") == NULL && strstr(c, "\xe2\x96\x93") == NULL,
		      "a bar was drawn across different units");
	free(c);
	free(path);
	term_key(t, "q");
	assert_int_equal(term_finish(t, NULL), 0);
}

/* ---- scrolling beside the panel ------------------------------------------- */

/* Every cell above the status row: what it shows, bold, underline, reverse and both colours. */
static char *screen_sig(struct term *t)
{
	struct buf { char *p; size_t n, cap; } b = { 0 };
	FILE *f = open_memstream(&b.p, &b.n);
	assert_non_null(f);
	/* Not the status row: ^L clears the message a key left there. */
	for (int y = 0; y < term_rows(t) - 1; y++) {
		for (int x = 0; x < term_cols(t); x++) {
			VTermScreenCell c;
			term_cell(t, y, x, &c);
			/* An erased cell and a written space look the same. */
			fprintf(f, "%x.%u%u%u.%u:%u,%u,%u.%u:%u,%u,%u|",
				c.chars[0] ? (unsigned)c.chars[0] : ' ',
				(unsigned)c.attrs.bold, (unsigned)c.attrs.underline,
				(unsigned)c.attrs.reverse, (unsigned)c.fg.type, c.fg.rgb.red,
				c.fg.rgb.green, c.fg.rgb.blue, (unsigned)c.bg.type, c.bg.rgb.red,
				c.bg.rgb.green, c.bg.rgb.blue);
		}
		fputc('\n', f);
	}
	fclose(f);
	return b.p;
}

/* "row R column C: cell A, repainted B" for the first cell that differs. */
static char *first_diff(const char *a, const char *b)
{
	int row = 0, col = 0;
	const char *ca = a, *cb = b;
	for (; *a && *a == *b; a++, b++) {
		if (*a == '\n' || *a == '|') {
			row += *a == '\n';
			col = *a == '\n' ? 0 : col + 1;
			ca = a + 1;
			cb = b + 1;
		}
	}
	char *msg;
	if (asprintf(&msg, "row %d column %d: %.*s, repainted %.*s", row, col,
		     (int)strcspn(ca, "|\n"), ca, (int)strcspn(cb, "|\n"), cb) < 0)
		fail_msg("asprintf");
	return msg;
}

static size_t raw_len(struct term *t)
{
	size_t n;
	term_raw(t, &n);
	return n;
}

static int raw_since_has(struct term *t, size_t from, const char *s)
{
	size_t n;
	const char *raw = term_raw(t, &n);
	return memmem(raw + from, n - from, s, strlen(s)) != NULL;
}

/* A control sequence CSI <digits and ';'> final, with at least one digit,
 * among the bytes written since from: SU (S), DL (M), set margins (s). */
static int raw_since_has_csi(struct term *t, size_t from, char final)
{
	size_t n;
	const char *raw = term_raw(t, &n);
	for (size_t i = from; i + 2 < n; i++) {
		if (raw[i] != '\033' || raw[i + 1] != '[')
			continue;
		size_t k = i + 2;
		while (k < n && ((raw[k] >= '0' && raw[k] <= '9') || raw[k] == ';'))
			k++;
		if (k > i + 2 && k < n && raw[k] == final)
			return 1;
	}
	return 0;
}

/* Send keys, then check the screen is exactly what a full repaint (^L)
 * draws, attributes included: a scroll that left the terminal and
 * ncurses' idea of it apart shows here.  Returns the bytes the keys cost. */
static size_t step_matches_repaint(struct term *t, const char *keys)
{
	size_t l0 = raw_len(t);
	term_send(t, keys);
	size_t cost = raw_len(t) - l0;
	char *a = screen_sig(t);
	term_key(t, "^L");
	char *b = screen_sig(t);
	if (strcmp(a, b) != 0) {
		char *d = first_diff(a, b);
		screen_assert(t, 0, "after \"%s\" the screen is not what a repaint draws: %s", keys, d);
	}
	free(a);
	free(b);
	return cost;
}

static const char *const scroll_steps[] = {
	"j", "j", "j", "k", "5j", "3k", "d", "u", " ", "b", "]", "]", "/Japan\r", "n", "G", "k", "g",
};

/* Every step must leave what a repaint draws; each j must send j_needs (how
 * the rows were moved) and cost under j_max bytes; with still_pages no page
 * scroll may move whole rows (it keeps one article row: not worth it). */
static void walk_scroll_steps(struct term *t, const char *j_needs, size_t j_max, int still_pages)
{
	for (size_t i = 0; i < sizeof scroll_steps / sizeof scroll_steps[0]; i++) {
		size_t from = raw_len(t);
		size_t cost = step_matches_repaint(t, scroll_steps[i]);
		if (strcmp(scroll_steps[i], "j") == 0) {
			screen_assert(t, raw_since_has(t, from, j_needs),
				      "j beside the panel did not send ESC%s", j_needs + 1);
			/* ncurses alone rewrites the article's rows: ~1.3 KB. */
			screen_assert(t, cost < j_max, "j beside the panel cost %zu bytes", cost);
		}
		if (still_pages && strcmp(scroll_steps[i], " ") == 0)
			screen_assert(t, !raw_since_has_csi(t, from, 'S') && !raw_since_has_csi(t, from, 'M'),
				      "a page scroll moved the panel");
	}
}

static void test_scroll_beside_panel_with_margins(void **state)
{
	(void)state;
	/* libvterm answers DECRQM for mode 69 as xterm does. */
	struct term *t = start_brief(30, 100, no_state);
	screen_assert(t, panel_rule_x(t) > 0, "no side panel");
	screen_assert(t, term_raw_has(t, "\033[?69$p", 7), "the terminal was not asked for margins");
	/* Margins from column 1 to the article's last, which is the rule's. */
	char slrm[32];
	snprintf(slrm, sizeof slrm, "\033[1;%ds", panel_rule_x(t));
	walk_scroll_steps(t, slrm, 400, 0);
	/* The mode is set once, not around every scroll. */
	size_t n;
	const char *raw = term_raw(t, &n);
	const char *first = memmem(raw, n, "\033[?69h", 6);
	screen_assert(t, first && !memmem(first + 1, n - (size_t)(first + 1 - raw), "\033[?69h", 6),
		      "left/right margin mode set more than once");
	/* ^Z gives the terminal back with the mode reset; it comes back. */
	size_t from = raw_len(t);
	term_key(t, "^Z");
	raw = term_raw(t, &n);
	const char *off = memmem(raw + from, n - from, "\033[?69l", 6);
	const char *alt = memmem(raw + from, n - from, "\033[?1049l", 8);
	screen_assert(t, off && alt && off < alt, "^Z left the alternate screen with margin mode set");
	from = raw_len(t);
	step_matches_repaint(t, "j");
	screen_assert(t, raw_since_has(t, from, "\033[?69h") && raw_since_has(t, from, slrm),
		      "margins not used again after ^Z");
	/* Full width: ncurses' own scroll regions do it, no margins needed. */
	term_key(t, "s");
	from = raw_len(t);
	step_matches_repaint(t, "j");
	screen_assert(t, !raw_since_has_csi(t, from, 's'), "margins used at full width");
	term_key(t, "q");
	screen_assert(t, term_wait_exit(t) == 0, "brief did not exit after q");
	screen_assert(t, margin_mode_released(t), "quit left the terminal in left/right margin mode");
	assert_int_equal(term_finish(t, NULL), 0);
}

/* A panel that is mostly blank (no annotations, no figures) leaves rows
 * that look alike beside it: a scroll must still cost about one new line,
 * not ncurses finding the moved rows again and scrolling them a second time.
 * The same at full width, where brief scrolls whole rows itself. */
static void check_sparse_panel_scroll(int silent, size_t panel_max, size_t full_max)
{
	size_t cap = 16384, n = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	for (int i = 0; i < 200; i++)
		n += (size_t)snprintf(text + n, cap - n,
				      "Paragraph %c%c says words go here and there without any figure at all.\n",
				      'a' + i % 26, 'a' + i / 26 % 26);
	char *path = term_write_temp("sparse.txt", text, n);
	const char *args[] = { "--no-state", path, NULL };
	term_set_silent(silent);
	struct term *t = start_brief(30, 100, args);
	term_set_silent(0);
	screen_assert(t, panel_rule_x(t) > 0, "no side panel");
	static const char *const keys[] = { "j", "j", "k", "3j", "2k", "j" };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		size_t cost = step_matches_repaint(t, keys[i]);
		screen_assert(t, cost < panel_max, "%s beside a blank panel cost %zu bytes", keys[i], cost);
	}
	term_key(t, "s");
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		size_t cost = step_matches_repaint(t, keys[i]);
		screen_assert(t, cost < full_max, "%s at full width cost %zu bytes", keys[i], cost);
	}
	term_quit_ok(t);
	free(path);
	free(text);
}

static void test_scroll_beside_sparse_panel(void **state)
{
	(void)state;
	check_sparse_panel_scroll(0, 300, 400);     /* margins: ~80 bytes a line */
	check_sparse_panel_scroll(1, 1000, 400);    /* whole rows, the panel repainted */
}

/* The tokens w000001, w000002... in the article's rows, from the first
 * on screen: they must run on without a gap or a repeat.  Returns the
 * first. */
static long check_token_run(struct term *t, const char *where)
{
	char *a = article_text(t);
	long prev = -1, first = -1, count = 0;
	for (const char *p = a; (p = strchr(p, 'w')); p++) {
		if (strspn(p + 1, "0123456789") != 6)
			continue;
		long v = strtol(p + 1, NULL, 10);
		screen_assert(t, prev < 0 || v == prev + 1, "%s: w%06ld follows w%06ld", where, v, prev);
		if (first < 0)
			first = v;
		prev = v;
		count++;
	}
	screen_assert(t, count >= 100, "%s: only %ld tokens on screen", where, count);
	free(a);
	return first;
}

/* One source line of 320 KB is laid out a chunk at a time, only as far as
 * it is read: anywhere in it, the text must run on as laid out whole. */
static void test_long_single_line(void **state)
{
	(void)state;
	const int ntok = 40000;
	size_t cap = (size_t)ntok * 8 + 64, n = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	for (int i = 1; i <= ntok; i++)
		n += (size_t)snprintf(text + n, cap - n, "w%06d ", i);
	n += (size_t)snprintf(text + n, cap - n, "\nSecond line.\n");
	char *path = term_write_temp("long-line.txt", text, n);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start_brief(30, 100, args);
	int y, x;
	screen_assert(t, find_in_article(t, "w000001 w000002", &y, &x), "the line does not start the screen");
	check_token_run(t, "first screen");
	/* Two thousand rows down cross the end of what the first chunk laid
	 * out (about a thousand rows): some 8 tokens a row. */
	step_matches_repaint(t, "2000j");
	long first = check_token_run(t, "2000j");
	screen_assert(t, first > 12000 && first < 20000, "2000j from the top shows w%06ld first", first);
	static const char *const steps[] = { "20p", "j", "40p", "60p", " ", "80p", "99p" };
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		step_matches_repaint(t, steps[i]);
		first = check_token_run(t, steps[i]);
		/* N percent of the file is about token 400 N (the pane's top
		 * is a little before, as in less). */
		long pct = strtol(steps[i], NULL, 10);
		screen_assert(t, !pct || labs(first - pct * ntok / 100) < ntok / 50,
			      "%s shows w%06ld first", steps[i], first);
	}
	step_matches_repaint(t, "G");
	screen_assert(t, status_has(t, "END") && find_in_article(t, "Second line.", &y, &x)
		      && find_in_article(t, "w040000", &y, &x), "G does not show the line's end and the next");
	step_matches_repaint(t, "5k");
	check_token_run(t, "5k from the end");
	step_matches_repaint(t, "g");
	screen_assert(t, find_in_article(t, "w000001 ", &y, &x), "g does not go back to the start");
	step_matches_repaint(t, "/w0312\r");
	screen_assert(t, find_in_article(t, "w031200", &y, &x), "a search does not show its hit");
	check_token_run(t, "search hit");
	/* The other matches on screen are highlighted too: a line this long
	 * is searched for them only around the rows on screen. */
	screen_assert(t, find_in_article(t, "w031250", &y, &x), "the hit's neighbours are not on screen");
	VTermScreenCell cell;
	term_cell(t, y, x + 2, &cell);
	screen_assert(t, cell.attrs.reverse, "a match on screen is not highlighted");
	term_quit_ok(t);
	free(path);
	free(text);
}

static void test_no_margins_option(void **state)
{
	(void)state;
	const char *args[] = { "--no-state", "--no-margins", NULL };
	struct term *t = start_brief(30, 100, args);
	screen_assert(t, !term_raw_has(t, "\033[?69$p", 7), "--no-margins still asked the terminal");
	/* Whole rows instead, the lighter panel repainted: xterm's terminfo
	 * has ECMA-48's DL and IL, so the article's first row (2) goes out and
	 * a blank comes in above the comparison, with no scroll region. */
	walk_scroll_steps(t, "\033[2H\033[M", 1000, 1);
	screen_assert(t, !raw_since_has(t, 0, "\033[?69h"), "--no-margins still used them");
	term_quit_ok(t);
}

static void test_scroll_beside_panel_silent_terminal(void **state)
{
	(void)state;
	term_set_silent(1);
	struct term *t = start_brief(30, 100, no_state);
	term_set_silent(0);
	walk_scroll_steps(t, "\033[2H\033[M", 1000, 1);
	screen_assert(t, !raw_since_has(t, 0, "\033[?69h"), "margins used unasked-for");
	/* A "no" answer, and a late "yes", are taken as answers, not keys. */
	term_send(t, "\033[?69;0$y");
	screen_assert(t, !status_has(t, "Unknown key") && !term_find(t, "brief: keys", &(int){ 0 }, &(int){ 0 }),
		      "the terminal's answer was read as keys");
	size_t from = raw_len(t);
	step_matches_repaint(t, "j");
	screen_assert(t, !raw_since_has(t, from, "\033[?69h"), "margins used after a \"no\"");
	term_send(t, "\033[?69;2$y");
	screen_assert(t, !status_has(t, "Unknown key"), "the terminal's answer was read as keys");
	from = raw_len(t);
	step_matches_repaint(t, "k");
	screen_assert(t, raw_since_has(t, from, "\033[?69h"), "margins not used after a \"yes\"");
	term_quit_ok(t);
}

/* Quitting before a slow link brings the terminal's answer must not leave
 * that answer to the shell as typed text. */
static void test_late_answer_not_left_to_the_shell(void **state)
{
	(void)state;
	term_set_held(1);
	struct term *t = start_brief(30, 100, no_state);
	term_set_held(0);
	screen_assert(t, term_raw_has(t, "\033[?69$p", 7), "the terminal was not asked for margins");
	term_write(t, "q", 1);
	/* Only once brief has taken the q does the answer arrive. */
	screen_assert(t, term_wait_taken(t) == 0, "brief did not take the q");
	term_release(t);
	screen_assert(t, term_wait_exit(t) == 0, "brief did not exit after q");
	size_t left = term_unread_input(t);
	screen_assert(t, left == 0, "%zu bytes of the terminal's answer were left to the shell", left);
	assert_int_equal(term_finish(t, NULL), 0);
}

/* A fixed pseudo-random walk over scrolling, jumps, selections, pane and
 * focus toggles and resizes: after every step the screen must be what a
 * full repaint draws, on a terminal with margins and on a silent one. */
static void random_walk(int silent)
{
	static const char *const keys[] = {
		"j", "k", "j", "k", "3j", "2k", "d", "u", " ", "b", "]", "[", "*", "n", "N",
		"\033", "g", "G", "s", "c", "\t", "50p", "J", "y",
	};
	static const int sizes[][2] = { { 30, 100 }, { 24, 80 }, { 40, 120 }, { 12, 70 } };
	term_set_silent(silent);
	struct term *t = start_brief(30, 100, no_state);
	term_set_silent(0);
	unsigned seed = 12345u + (unsigned)silent;
	for (int step = 0; step < 160; step++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = (seed >> 16) % 64;
		if (r % 16 == 0) {  /* a resize one step in sixteen */
			/* Never the size it has: the kernel sends no SIGWINCH then. */
			const int *sz = sizes[(seed >> 8) % 4];
			if (sz[0] == term_rows(t) && sz[1] == term_cols(t))
				sz = sizes[((seed >> 8) + 1) % 4];
			term_resize(t, sz[0], sz[1]);
			step_matches_repaint(t, "j");
		} else {
			step_matches_repaint(t, keys[r % (sizeof keys / sizeof keys[0])]);
		}
	}
	term_quit_ok(t);
}

static void test_random_walk_with_margins(void **state)
{
	(void)state;
	random_walk(0);
}

static void test_random_walk_silent_terminal(void **state)
{
	(void)state;
	random_walk(1);
}

int main(void)
{
	brief_path = getenv("BRIEF");
	if (!brief_path || access(brief_path, X_OK) != 0) {
		fprintf(stderr, "screen_test: set BRIEF to the brief binary\n");
		return 1;
	}
	if (term_test_env(tmpdir) != 0)
		return 1;

	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_first_paint_80x24, teardown),
		cmocka_unit_test_teardown(test_first_paint_100x30, teardown),
		cmocka_unit_test_teardown(test_first_paint_200x50, teardown),
		cmocka_unit_test_teardown(test_next_highlight_and_mentions, teardown),
		cmocka_unit_test_teardown(test_wrap_notice_visible_at_80, teardown),
		cmocka_unit_test_teardown(test_counted_highlight_steps, teardown),
		cmocka_unit_test_teardown(test_counted_mention_steps, teardown),
		cmocka_unit_test_teardown(test_counted_search_steps, teardown),
		cmocka_unit_test_teardown(test_counted_search_prompt, teardown),
		cmocka_unit_test_teardown(test_counted_search_interrupted, teardown),
		cmocka_unit_test_teardown(test_counted_rare_search_interrupted, teardown),
		cmocka_unit_test_teardown(test_counted_pages_in_lists, teardown),
		cmocka_unit_test_teardown(test_search_lands_on_match, teardown),
		cmocka_unit_test_teardown(test_search_prompt_shows_and_hides_cursor, teardown),
		cmocka_unit_test_teardown(test_resize_keeps_reading_position, teardown),
		cmocka_unit_test_teardown(test_resize_round_trip_keeps_top, teardown),
		cmocka_unit_test_teardown(test_state_after_resize, teardown),
		cmocka_unit_test_teardown(test_comparison_split_small_heights, teardown),
		cmocka_unit_test_teardown(test_help_lists_every_action, teardown),
		cmocka_unit_test_teardown(test_help_fits_80_columns, teardown),
		cmocka_unit_test_teardown(test_help_counts, teardown),
		cmocka_unit_test_teardown(test_mark_prompts, teardown),
		cmocka_unit_test_teardown(test_quit_restores_terminal, teardown),
		cmocka_unit_test_teardown(test_sigterm_restores_terminal, teardown),
		cmocka_unit_test_teardown(test_sighup_restores_terminal, teardown),
		cmocka_unit_test_teardown(test_sigint_restores_terminal, teardown),
		cmocka_unit_test_teardown(test_cjk_emoji_combining, teardown),
		cmocka_unit_test_teardown(test_zwnj_kept, teardown),
		cmocka_unit_test_teardown(test_lone_zero_width_takes_no_column, teardown),
		cmocka_unit_test_teardown(test_hostile_file, teardown),
		cmocka_unit_test_teardown(test_file_changed_under_us, teardown),
		cmocka_unit_test_teardown(test_file_truncated_under_us, teardown),
		cmocka_unit_test_teardown(test_file_shrunk_in_last_page, teardown),
		cmocka_unit_test_teardown(test_empty_file, teardown),
		cmocka_unit_test_teardown(test_panel_headings_back_in_view, teardown),
		cmocka_unit_test_teardown(test_narrow_panel_toggles, teardown),
		cmocka_unit_test_teardown(test_narrow_after_resize, teardown),
		cmocka_unit_test_teardown(test_tiny_terminals, teardown),
		cmocka_unit_test_teardown(test_monochrome_attributes, teardown),
		cmocka_unit_test_teardown(test_no_color_option, teardown),
		cmocka_unit_test_teardown(test_search_history, teardown),
		cmocka_unit_test_teardown(test_chart_title_margin_plain, teardown),
		cmocka_unit_test_teardown(test_quit_clears_status_without_altscreen, teardown),
		cmocka_unit_test_teardown(test_no_color_video_keeps_attributes, teardown),
		cmocka_unit_test_teardown(test_comparison_goes_to_source, teardown),
		cmocka_unit_test_teardown(test_mouse_click_and_wheel, teardown),
		cmocka_unit_test_teardown(test_mouse_release_alone, teardown),
		cmocka_unit_test_teardown(test_status_end, teardown),
		cmocka_unit_test_teardown(test_blank_runs_squeezed, teardown),
		cmocka_unit_test_teardown(test_long_single_line, teardown),
		cmocka_unit_test_teardown(test_redraw_and_suspend, teardown),
		cmocka_unit_test_teardown(test_state_restores_position, teardown),
		cmocka_unit_test_teardown(test_chart_sizes, teardown),
		cmocka_unit_test_teardown(test_comparison_every_row, teardown),
		cmocka_unit_test_teardown(test_second_fixture, teardown),
		cmocka_unit_test_teardown(test_mixed_units_note, teardown),
		cmocka_unit_test_teardown(test_scroll_beside_panel_with_margins, teardown),
		cmocka_unit_test_teardown(test_scroll_beside_panel_silent_terminal, teardown),
		cmocka_unit_test_teardown(test_scroll_beside_sparse_panel, teardown),
		cmocka_unit_test_teardown(test_no_margins_option, teardown),
		cmocka_unit_test_teardown(test_late_answer_not_left_to_the_shell, teardown),
		cmocka_unit_test_teardown(test_random_walk_with_margins, teardown),
		cmocka_unit_test_teardown(test_random_walk_silent_terminal, teardown),
		cmocka_unit_test_teardown(test_resize_storm, teardown),
		cmocka_unit_test_teardown(test_winch_during_prompt, teardown),
		cmocka_unit_test_teardown(test_state_after_hangup, teardown),
		cmocka_unit_test_teardown(test_hangup_without_sighup, teardown),
		cmocka_unit_test_teardown(test_out_of_memory_message_seen, teardown),
		cmocka_unit_test_teardown(test_terminal_too_large, teardown),
		cmocka_unit_test_teardown(test_out_of_memory_starting_curses, teardown),
		cmocka_unit_test_teardown(test_ascii_locale, teardown),
		cmocka_unit_test_teardown(test_hostile_annotations_and_name, teardown),
		cmocka_unit_test_teardown(test_tab_after_highlight, teardown),
		cmocka_unit_test_teardown(test_sigquit_restores, teardown),
		cmocka_unit_test_teardown(test_sigusr1_restores_terminal, teardown),
		cmocka_unit_test_teardown(test_sigalrm_restores_terminal, teardown),
		cmocka_unit_test_teardown(test_sigpipe_restores_terminal, teardown),
		cmocka_unit_test_teardown(test_sigrtmin_restores_terminal, teardown),
		cmocka_unit_test_teardown(test_ignored_signal_stays_ignored, teardown),
		cmocka_unit_test_teardown(test_sigint_after_search, teardown),
		cmocka_unit_test_teardown(test_bad_inputs_in_the_reader, teardown),
	};
	/* SCREEN_TEST_FILTER=test_mark_prompts (a glob) runs just those. */
	const char *filter = getenv("SCREEN_TEST_FILTER");
	if (filter && *filter)
		cmocka_set_test_filter(filter);
	int rc = cmocka_run_group_tests_name("screen", tests, NULL, NULL);
	rm_rf(tmpdir);
	return rc;
}
