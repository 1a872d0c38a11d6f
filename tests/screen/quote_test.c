/* Screen tests of copying and notes (issue 21): the real brief under a pty; the
 * bytes it writes are read raw and each OSC 52 sequence's payload decoded,
 * so what would reach the clipboard is checked exactly.  No sleeps: every
 * step waits until brief is idle (harness.c), and a BRIEF_COPY command at
 * work keeps it from idling until the status line has its outcome. */
#define _GNU_SOURCE
#include <errno.h>
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
static const char *assets;
static char tmpdir[] = "/tmp/brief-copy-XXXXXX";

#define screen_assert(t, cond, ...)                                             \
	do {                                                                     \
		if (!(cond)) {                                                   \
			term_dump(t);                                            \
			fail_msg(__VA_ARGS__);                                   \
		}                                                                \
	} while (0)

static struct term *start(int rows, int cols, const char *const args[], const char *const env[])
{
	const char *argv[16];
	size_t n = 0;
	argv[n++] = brief_path;
	for (size_t i = 0; args && args[i] && n < 15; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	return term_start(rows, cols, argv, env);
}

static const char *status_row(struct term *t)
{
	return term_row(t, term_rows(t) - 1);
}


static char *path_in(const char *name)
{
	char *p;
	if (asprintf(&p, "%s/%s", tmpdir, name) < 0)
		fail_msg("asprintf");
	return p;
}


static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *b = malloc(cap + 1);
	size_t r;
	while ((r = fread(b + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap)
			b = realloc(b, (cap *= 2) + 1);
	}
	fclose(f);
	b[n] = '\0';
	if (len)
		*len = n;
	return b;
}

/* ---- OSC 52 off the wire ------------------------------------------------ */

static int b64(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Every OSC 52 sequence brief wrote; the payload of the n-th (0-based),
 * decoded, or NULL when there are not that many.  *count: how many. */
static char *osc52_payload(struct term *t, int nth, int *count)
{
	size_t len;
	const char *raw = term_raw(t, &len);
	static const char intro[] = "\033]52;c;";
	int k = 0;
	char *out = NULL;
	for (const char *p = raw; (p = memmem(p, len - (size_t)(p - raw), intro, 7)); p += 7) {
		const char *s = p + 7;
		const char *e = memchr(s, '\a', len - (size_t)(s - raw));
		assert_non_null(e);
		if (k++ != nth)
			continue;
		size_t n = (size_t)(e - s);
		assert_int_equal(n % 4, 0);
		out = malloc(n / 4 * 3 + 1);
		size_t w = 0;
		for (size_t i = 0; i < n; i += 4) {
			int v[4];
			for (int j = 0; j < 4; j++) {
				v[j] = s[i + j] == '=' ? 0 : b64((unsigned char)s[i + j]);
				assert_true(v[j] >= 0);
			}
			uint32_t q = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)v[2] << 6 | (uint32_t)v[3];
			out[w++] = (char)(q >> 16);
			if (s[i + 2] != '=')
				out[w++] = (char)(q >> 8);
			if (s[i + 3] != '=')
				out[w++] = (char)q;
		}
		out[w] = '\0';
	}
	if (count)
		*count = k;
	return out;
}

/* Code points of UTF-8 text, as the status line counts them. */
static size_t chars_of(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Line `line` (1-based) of the bundled commentary, as the file has it. */
static char *commentary_line(int line)
{
	char *path;
	if (asprintf(&path, "%s/commentary.txt", assets) < 0)
		fail_msg("asprintf");
	char *text = slurp(path, NULL);
	assert_non_null(text);
	free(path);
	char *p = text;
	for (int i = 1; i < line; i++) {
		p = strchr(p, '\n');
		assert_non_null(p);
		p++;
	}
	char *e = strchr(p, '\n');
	char *l = strndup(p, e ? (size_t)(e - p) : strlen(p));
	free(text);
	return l;
}

/* The text of line `line` up to and including the first `upto`. */
static char *commentary_upto(int line, const char *from, const char *upto)
{
	char *l = commentary_line(line);
	char *s = from ? strstr(l, from) : l;
	assert_non_null(s);
	char *e = strstr(s, upto);
	assert_non_null(e);
	char *r = strndup(s, (size_t)(e - s) + strlen(upto));
	free(l);
	return r;
}

static const char *const plain_cite = "\u2014 Cai Liang, \"Commentary\", Global Times";

/* ---- the tests ----------------------------------------------------------- */

static void check_copied(struct term *t, const char *payload, const char *what_on_status)
{
	char want[128];
	snprintf(want, sizeof want, "Copied %zu characters to clipboard (OSC 52): %s",
		 chars_of(payload), what_on_status);
	screen_assert(t, strstr(status_row(t), want) != NULL, "status should say [%s]", want);
}

/* C at the top copies the top line's sentence: exactly the sentence as the
 * file has it, then the citation with its line; nothing before the key. */
static void test_copy_sentence(void **state)
{
	(void)state;
	const char *args[] = { "--no-state", NULL };
	struct term *t = start(30, 100, args, NULL);
	term_key(t, "j", "k", "Space", "b");
	int n;
	screen_assert(t, osc52_payload(t, 0, &n) == NULL && n == 0,
		      "an OSC 52 sequence was written before any copy key");
	term_key(t, "C");
	char *got = osc52_payload(t, 0, &n);
	assert_int_equal(n, 1);
	char *sentence = commentary_upto(12, NULL, "Nikkei Asia reported.");
	char *want;
	assert_true(asprintf(&want, "%s\n%s, line 12\n", sentence, plain_cite) > 0);
	assert_string_equal(got, want);
	check_copied(t, got, "sentence, line 12");
	/* Scrolling writes no second one. */
	term_key(t, "j", "j");
	free(osc52_payload(t, 0, &n));
	assert_int_equal(n, 1);
	free(got);
	free(want);
	free(sentence);
	term_quit_ok(t);
}

/* The ]/[ cursor decides the sentence; a count copies that many. */
static void test_copy_cursor_and_count(void **state)
{
	(void)state;
	const char *args[] = { "--no-state", NULL };
	struct term *t = start(30, 100, args, NULL);
	/* To "Seoul" (the second sentence of line 12) with ], then C. */
	int k = 0;
	while (!strstr(status_row(t), "Seoul") && k++ < 20)
		term_key(t, "]");
	screen_assert(t, strstr(status_row(t), "Seoul") != NULL, "] never reached Seoul");
	term_key(t, "C");
	char *got = osc52_payload(t, 0, NULL);
	char *s2 = commentary_upto(12, "In response, Seoul", "near future.");
	char *want;
	assert_true(asprintf(&want, "%s\n%s, line 12\n", s2, plain_cite) > 0);
	assert_string_equal(got, want);
	free(got);
	free(want);
	/* 3C: that sentence and two more, across the paragraph break. */
	term_key(t, "3", "C");
	got = osc52_payload(t, 1, NULL);
	char *s3 = commentary_upto(12, "Was Rubio's", "process?");
	char *s4 = commentary_upto(15, NULL, "policy.");
	assert_true(asprintf(&want, "%s %s\n\n%s\n%s, lines 12\u201315\n", s2, s3, s4, plain_cite) > 0);
	assert_string_equal(got, want);
	check_copied(t, got, "3 sentences, lines 12\u201315");
	free(got);
	free(want);
	free(s2);
	free(s3);
	free(s4);
	term_quit_ok(t);
}

/* X copies the paragraph at the cursor, and 2X two of them. */
static void test_copy_paragraph(void **state)
{
	(void)state;
	const char *args[] = { "--no-state", "--cite=markdown", NULL };
	struct term *t = start(30, 100, args, NULL);
	term_key(t, "X");
	char *got = osc52_payload(t, 0, NULL);
	char *p = commentary_line(12);
	/* Markdown: a block quote, its special characters escaped (the
	 * paragraph has none but quotes and hyphens, which stay). */
	char *want;
	assert_true(asprintf(&want, "> %s\n>\n> \u2014 Cai Liang, *Commentary*, Global Times, line 12\n",
			     p) > 0);
	assert_string_equal(got, want);
	check_copied(t, got, "paragraph, line 12");
	free(got);
	free(want);
	term_key(t, "2", "X");
	got = osc52_payload(t, 1, NULL);
	char *p2 = commentary_line(15);
	assert_true(asprintf(&want, "> %s\n>\n> %s\n>\n> \u2014 Cai Liang, *Commentary*, Global Times, "
			     "lines 12\u201315\n", p, p2) > 0);
	assert_string_equal(got, want);
	free(got);
	free(want);
	free(p);
	free(p2);
	term_quit_ok(t);
}

/* A sentence holding ESC, bidi overrides and C1 controls is copied as the
 * screen shows it: their pictures, never the raw bytes. */
static void test_copy_hostile_sentence(void **state)
{
	(void)state;
	static const char text[] =
		"Evil \033[31mRED\033[0m, \xe2\x80\xae" "desrever\xe2\x80\xac and \xc2\x9b" "2J C1 "
		"\033]52;c;SGVsbG8=\007 here.\nNext line.\n";
	char *path = term_write_temp("hostile.txt", text, sizeof text - 1);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start(24, 80, args, NULL);
	/* The document's own OSC 52 never reached the terminal. */
	int n;
	free(osc52_payload(t, 0, &n));
	assert_int_equal(n, 0);
	term_key(t, "C");
	char *got = osc52_payload(t, 0, &n);
	assert_int_equal(n, 1);
	for (const unsigned char *c = (const unsigned char *)got; *c; c++) {
		assert_true(*c >= 0x20 || *c == '\n');
		assert_true(*c != 0x7f);
		assert_false(c[0] == 0xc2 && c[1] >= 0x80 && c[1] < 0xa0);
	}
	assert_null(strstr(got, "\xe2\x80\xae"));
	assert_null(strstr(got, "\xe2\x80\xac"));
	/* What the screen shows is what was copied: the two rows the line
	 * wraps over, white space aside, are the quotation. */
	char *first = strndup(got, (size_t)(strchr(got, '\n') - got));
	screen_assert(t, strstr(term_row(t, 0), "Evil \xe2\x90\x9b[31mRED") != NULL,
		      "the screen should show ESC's picture");
	screen_assert(t, strstr(first, "Evil \xe2\x90\x9b[31mRED\xe2\x90\x9b[0m, \xef\xbf\xbd" "desrever") == first,
		      "the copy should hold the pictures: [%s]", first);
	char shown[512] = "";
	for (int y = 0; y < 2; y++) {
		const char *row = term_row(t, y);
		const int *cols = term_row_cols(t);
		for (size_t i = 0; row[i] && cols[i] < 54; i++)
			if (row[i] != ' ')
				strncat(shown, row + i, 1);
	}
	char copied[512] = "";
	for (const char *c = first; *c; c++)
		if (*c != ' ')
			strncat(copied, c, 1);
	screen_assert(t, strcmp(shown, copied) == 0, "screen [%s] != copy [%s]", shown, copied);
	free(first);
	free(got);
	term_quit_ok(t);
	unlink(path);
	free(path);
}

/* A mapped file changed in place after it was checked: what is copied is
 * sanitised again as it goes out, never the new bytes raw. */
static void test_copy_file_changed(void **state)
{
	(void)state;
	static const char text[] = "A plain sentence with PLACEHOLD in it. Another one.\n";
	char *path = term_write_temp("changed.txt", text, sizeof text - 1);
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start(24, 80, args, NULL);
	static const char osc[] = "\033]0;pwn\007";
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, (long)(strstr(text, "PLACEHOLD") - text), SEEK_SET), 0);
	assert_int_equal(fwrite(osc, 1, sizeof osc - 1, f), sizeof osc - 1);
	assert_int_equal(fclose(f), 0);
	term_key(t, "C");
	char *got = osc52_payload(t, 0, NULL);
	assert_non_null(got);
	screen_assert(t, !strchr(got, '\033') && !strchr(got, '\007'), "raw bytes copied: [%s]", got);
	screen_assert(t, strstr(got, "]0;pwn") != NULL, "the changed text should be copied, made safe: [%s]", got);
	free(got);
	term_quit_ok(t);
	unlink(path);
	free(path);
}

/* With --no-osc52, BRIEF_COPY gets the same text on its standard input. */
static void test_copy_command(void **state)
{
	(void)state;
	char *out = path_in("copied.txt");
	char *env_copy;
	assert_true(asprintf(&env_copy, "BRIEF_COPY=cat > '%s'", out) > 0);
	const char *env[] = { env_copy, NULL };
	const char *args[] = { "--no-state", "--no-osc52", NULL };
	struct term *t = start(30, 100, args, env);
	term_key(t, "C");
	int n;
	free(osc52_payload(t, 0, &n));
	assert_int_equal(n, 0);
	/* Settled means the command's outcome is on the status line. */
	screen_assert(t, strstr(status_row(t), "to BRIEF_COPY: sentence, line 12") != NULL,
		      "the status line should say where the text went");
	char *got = slurp(out, NULL);
	assert_non_null(got);
	char *sentence = commentary_upto(12, NULL, "Nikkei Asia reported.");
	char *want;
	assert_true(asprintf(&want, "%s\n%s, line 12\n", sentence, plain_cite) > 0);
	assert_string_equal(got, want);
	char said[96];
	snprintf(said, sizeof said, "Copied %zu characters to BRIEF_COPY", chars_of(want));
	screen_assert(t, strstr(status_row(t), said) != NULL, "status should say [%s]", said);
	/* A command that fails says so. */
	term_quit_ok(t);
	const char *env_fail[] = { "BRIEF_COPY=cat >/dev/null; exit 3", NULL };
	t = start(30, 100, args, env_fail);
	term_key(t, "C");
	screen_assert(t, strstr(status_row(t), "exit status 3") != NULL, "a failing BRIEF_COPY should say so");
	term_quit_ok(t);
	free(got);
	free(want);
	free(sentence);
	free(env_copy);
	unlink(out);
	free(out);
}

/* No OSC 52 (TERM=screen outside tmux), no BRIEF_COPY: the clips file,
 * 0600, appended. */
static void test_copy_to_clips_file(void **state)
{
	(void)state;
	char *state_home = path_in("clipstate");
	char *env_state;
	assert_true(asprintf(&env_state, "XDG_STATE_HOME=%s", state_home) > 0);
	const char *env[] = { env_state, "TERM=screen", "TMUX", "STY", "BRIEF_COPY", NULL };
	const char *args[] = { "--no-state", NULL };
	/* Wide enough for the message with the temporary directory's path
	 * beside the focus marker: a longer one is cut, with a mark. */
	struct term *t = start(30, 130, args, env);
	term_key(t, "C");
	int n;
	free(osc52_payload(t, 0, &n));
	assert_int_equal(n, 0);
	screen_assert(t, strstr(status_row(t), "brief/clips: sentence, line") != NULL,
		      "the status line should name the clips file");
	term_key(t, "X");
	term_quit_ok(t);
	char *clips = path_in("clipstate/brief/clips");
	struct stat st;
	assert_int_equal(stat(clips, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *got = slurp(clips, NULL);
	char *sentence = commentary_upto(12, NULL, "Nikkei Asia reported.");
	assert_non_null(strstr(got, " sentence, line 12 ---\n"));
	assert_non_null(strstr(got, sentence));
	assert_non_null(strstr(got, " paragraph, line 12 ---\n"));
	free(got);
	free(sentence);
	free(clips);
	free(env_state);
	free(state_home);
}

/* Over OSC 52's limit: said, and nothing half sent; the text is kept. */
static void test_copy_over_limit(void **state)
{
	(void)state;
	size_t n = 80000;
	char *text = malloc(n + 2);
	for (size_t i = 0; i < n; i++)
		text[i] = i % 7 == 6 ? ' ' : 'a';
	text[n] = '\n';
	text[n + 1] = '\0';
	char *path = term_write_temp("long.txt", text, n + 1);
	char *state_home = path_in("longstate");
	char *env_state;
	assert_true(asprintf(&env_state, "XDG_STATE_HOME=%s", state_home) > 0);
	const char *env[] = { env_state, "BRIEF_COPY", NULL };
	const char *args[] = { "--no-state", path, NULL };
	struct term *t = start(24, 80, args, env);
	term_key(t, "X");
	int k;
	free(osc52_payload(t, 0, &k));
	assert_int_equal(k, 0);
	screen_assert(t, term_raw_has(t, "\033]52", 4) == 0, "part of an OSC 52 was written");
	screen_assert(t, strstr(status_row(t), "over the 74000 OSC 52 takes") != NULL,
		      "the status line should say the copy is over the limit");
	char *clips = path_in("longstate/brief/clips");
	size_t len;
	char *got = slurp(clips, &len);
	assert_non_null(got);
	assert_non_null(memmem(got, len, text, n));
	free(got);
	free(clips);
	term_quit_ok(t);
	unlink(path);
	free(path);
	free(text);
	free(env_state);
	free(state_home);
}

/* In the panel C copies the actor's card, in the comparison the row. */
static void test_copy_card_and_row(void **state)
{
	(void)state;
	const char *args[] = { "--no-state", "--cite=apa", NULL };
	struct term *t = start(30, 100, args, NULL);
	term_key(t, "Tab", "C");
	char *got = osc52_payload(t, 0, NULL);
	assert_non_null(got);
	/* The first actor row, whichever it is: name (kind)... mentions. */
	screen_assert(t, strstr(got, " mention") != NULL && strstr(got, "(person)") != NULL,
		      "the card [%s] lacks its kind or mentions", got);
	screen_assert(t, strstr(got, "\nCai, L. (n.d.). Commentary. Global Times.\n") != NULL,
		      "the card [%s] lacks its APA reference", got);
	screen_assert(t, strstr(status_row(t), ": card of ") != NULL, "status: the card");
	free(got);
	term_key(t, "Tab", "C");
	got = osc52_payload(t, 1, NULL);
	assert_non_null(got);
	char *sentence = commentary_upto(23, "It demands that Japan", "3.5 percent of GDP.");
	char *want;
	assert_true(asprintf(&want, "Defense spending (%% of GDP), Japan: current \"less than 2 percent "
			     "of GDP\" (<2.0); demand by US \"3.5 percent of GDP\" (3.5); gap more than +1.5 "
			     "pp, more than \u00d71.75\n\"%s\" (Cai, n.d., line 23)\n"
			     "Cai, L. (n.d.). Commentary. Global Times.\n", sentence) > 0);
	assert_string_equal(got, want);
	screen_assert(t, strstr(status_row(t), ": row of Japan") != NULL, "status: the row");
	free(want);
	free(sentence);
	free(got);
	term_quit_ok(t);
}

/* tmux's default TERM is screen's: with TMUX set OSC 52 is used. */
static void test_copy_tmux_screen_term(void **state)
{
	(void)state;
	const char *env[] = { "TERM=screen", "TMUX=/tmp/tmux-0/default,1,0", "STY", NULL };
	const char *args[] = { "--no-state", NULL };
	struct term *t = start(24, 80, args, env);
	term_key(t, "C");
	int n;
	free(osc52_payload(t, 0, &n));
	assert_int_equal(n, 1);
	term_quit_ok(t);
}

/* ---- notes ---------------------------------------------------------------- */

/* The commentary as a file of the test's own, lines [from, to) of it
 * replaced by `with` (NULL: as it is). */
static char *commentary_file(const char *name, int line, const char *old, const char *with)
{
	char *src;
	if (asprintf(&src, "%s/commentary.txt", assets) < 0)
		fail_msg("asprintf");
	size_t n;
	char *text = slurp(src, &n);
	free(src);
	assert_non_null(text);
	struct { char *d; size_t n; } out = { malloc(n + 4096), 0 };
	char *p = text;
	for (int i = 1; *p; i++) {
		char *e = strchr(p, '\n');
		size_t l = e ? (size_t)(e - p) + 1 : strlen(p);
		if (i == line && old) {
			char *at = memmem(p, l, old, strlen(old));
			assert_non_null(at);
			memcpy(out.d + out.n, p, (size_t)(at - p));
			out.n += (size_t)(at - p);
			memcpy(out.d + out.n, with, strlen(with));
			out.n += strlen(with);
			size_t rest = l - (size_t)(at - p) - strlen(old);
			memcpy(out.d + out.n, at + strlen(old), rest);
			out.n += rest;
		} else {
			memcpy(out.d + out.n, p, l);
			out.n += l;
		}
		p += l;
	}
	char *path = term_write_temp(name, out.d, out.n);
	free(out.d);
	free(text);
	return path;
}

/* The column where s is first seen on the screen, -1 if nowhere. */
static int column_of(struct term *t, const char *s, int *row)
{
	int y, x;
	if (!term_find(t, s, &y, &x))
		return -1;
	if (row)
		*row = y;
	return x;
}

/* A note written with a survives quitting and reopening: a mark in the
 * margin (which pushes the text two columns right only now that there is
 * a note), the panel's NOTES, '] to go to it; then an edit of the article
 * that keeps the sentence keeps the note; one that drops it orphans it. */
static void test_note_lifecycle(void **state)
{
	(void)state;
	char *art = commentary_file("noted.txt", 0, NULL, NULL);
	char *state_home = path_in("notestate");
	char *env_state;
	assert_true(asprintf(&env_state, "XDG_STATE_HOME=%s", state_home) > 0);
	const char *env[] = { env_state, NULL };
	const char *args[] = { "--no-state", art, NULL };
	struct term *t = start(30, 100, args, env);
	int row = -1;
	screen_assert(t, column_of(t, "US Secretary of State", &row) == 0, "text at column 0 without notes");
	screen_assert(t, column_of(t, "\u270e", NULL) < 0, "a mark with no note");
	term_key(t, "a");
	screen_assert(t, strncmp(status_row(t), "note:", 5) == 0, "no note prompt");
	term_send(t, "Check the 3.5 figure");
	term_key(t, "Enter");
	screen_assert(t, strstr(status_row(t), "Note on line 12 kept in ") != NULL, "the note should be kept");
	/* The cursor left on the sentence, off screen after G: '[ goes from
	 * the pane's bottom, not from there. */
	term_key(t, "G", "'", "[");
	screen_assert(t, strstr(status_row(t), "Note 1/1, line 12") != NULL,
		      "'[ from the end should find the note above");
	term_key(t, "g");
	int mrow = -2;
	screen_assert(t, column_of(t, "\u270e", &mrow) == 0, "no mark in the margin");
	screen_assert(t, column_of(t, "US Secretary of State", &row) == 2 && row == mrow,
		      "the sentence should start two columns in, on the marked row");
	screen_assert(t, column_of(t, "NOTES", NULL) > 0, "no NOTES in the panel");
	int nrow = 0;
	screen_assert(t, column_of(t, "Check the 3.5 figure", &nrow) > 0, "the note is not listed");
	screen_assert(t, strstr(term_row(t, nrow), "12") != NULL, "the note's line is not listed");
	term_quit_ok(t);

	/* Reopened: still there. */
	t = start(30, 100, args, env);
	screen_assert(t, column_of(t, "\u270e", NULL) == 0, "the mark is gone after reopening");
	screen_assert(t, column_of(t, "Check the 3.5 figure", NULL) > 0, "the note is gone after reopening");
	term_key(t, "G", "'", "[");
	screen_assert(t, strstr(status_row(t), "Note 1/1, line 12: Check the 3.5 figure") != NULL,
		      "'[ should go to the note");
	screen_assert(t, column_of(t, "US Secretary of State", NULL) == 2, "'[ should bring the sentence back");
	term_quit_ok(t);

	/* The article edited: a paragraph added before, the sentence kept. */
	free(commentary_file("noted.txt", 11, "", "An opening paragraph added later, before the others.\n\n"));
	t = start(30, 100, args, env);
	term_key(t, "'", "]");
	screen_assert(t, strstr(status_row(t), "Note 1/1, line 14: Check the 3.5 figure") != NULL,
		      "the note should be found again, two lines down");
	screen_assert(t, column_of(t, "\u270e", &mrow) == 0 && column_of(t, "US Secretary of State", &row) == 2
			 && row == mrow, "the mark should follow the sentence");
	term_quit_ok(t);

	/* The sentence edited away: the note is orphaned, listed, not lost. */
	free(commentary_file("noted.txt", 12, "US Secretary of State Marco Rubio had called off",
			     "Marco Rubio called off"));
	t = start(30, 100, args, env);
	screen_assert(t, column_of(t, "\u270e", NULL) < 0, "an orphan has no mark");
	screen_assert(t, column_of(t, "Marco Rubio called off", NULL) == 0,
		      "no found note: the text is back at column 0");
	screen_assert(t, column_of(t, "Check the 3.5 figure", &nrow) > 0, "the orphan is not listed");
	screen_assert(t, strstr(term_row(t, nrow), "?") != NULL, "the orphan should show ? for its line");
	term_key(t, "'", "]");
	screen_assert(t, strstr(status_row(t), "1 orphaned") != NULL, "'] should say the note is orphaned");
	term_key(t, "Tab", "g", "Enter");
	screen_assert(t, strstr(status_row(t), "Orphaned note") != NULL, "Enter on the orphan should say it");
	term_quit_ok(t);
	char *notes = path_in("notestate/brief/notes");
	char *kept = slurp(notes, NULL);
	screen_assert(t, kept && strstr(kept, "\"Check the 3.5 figure\"\n"), "the orphan left the file");
	free(kept);
	free(notes);
	free(env_state);
	free(state_home);
	unlink(art);
	free(art);
}

/* a on a noted sentence edits its note; an empty note removes it, and the
 * margin goes with the last one. */
static void test_note_edit_remove(void **state)
{
	(void)state;
	char *art = commentary_file("edited.txt", 0, NULL, NULL);
	char *state_home = path_in("editstate");
	char *env_state;
	assert_true(asprintf(&env_state, "XDG_STATE_HOME=%s", state_home) > 0);
	const char *env[] = { env_state, NULL };
	const char *args[] = { "--no-state", art, NULL };
	struct term *t = start(30, 100, args, env);
	term_key(t, "a");
	term_send(t, "first");
	term_key(t, "Enter");
	term_key(t, "'", "]");
	screen_assert(t, strstr(status_row(t), "No note below") != NULL ||
			 strstr(status_row(t), "Note 1/1") != NULL, "'] from the cursor");
	term_key(t, "a");
	screen_assert(t, strncmp(status_row(t), "edit note: first", 16) == 0, "the prompt should hold the note");
	term_send(t, ", edited");
	term_key(t, "Enter");
	screen_assert(t, column_of(t, "first, edited", NULL) > 0, "the edited note is not listed");
	term_key(t, "a", "^U", "Enter");
	screen_assert(t, strstr(status_row(t), "Note on line 12 removed") != NULL, "the note should be removed");
	screen_assert(t, column_of(t, "\u270e", NULL) < 0, "the mark should go");
	screen_assert(t, column_of(t, "US Secretary of State", NULL) == 0, "the text should be back at column 0");
	screen_assert(t, column_of(t, "NOTES", NULL) < 0, "NOTES with no note");
	/* Esc leaves a note unwritten. */
	term_key(t, "a");
	term_send(t, "never");
	term_key(t, "Esc");
	screen_assert(t, column_of(t, "never", NULL) < 0, "Esc should not keep the note");
	term_quit_ok(t);
	free(env_state);
	free(state_home);
	unlink(art);
	free(art);
}

/* The export reads what the reader wrote: Markdown with the quotation,
 * its line and the note; JSON the same. */
static void test_note_export(void **state)
{
	(void)state;
	char *art = commentary_file("exported.txt", 0, NULL, NULL);
	char *state_home = path_in("exportstate");
	char *env_state;
	assert_true(asprintf(&env_state, "XDG_STATE_HOME=%s", state_home) > 0);
	const char *env[] = { env_state, NULL };
	const char *args[] = { "--no-state", art, NULL };
	struct term *t = start(30, 100, args, env);
	/* The cursor on a search match: its sentence is the note's. */
	term_key(t, "/");
	term_send(t, "Foreign Ministry");
	term_key(t, "Enter", "a");
	term_send(t, "Seoul's *view*");
	term_key(t, "Enter");
	term_quit_ok(t);
	char *cmd;
	assert_true(asprintf(&cmd, "XDG_STATE_HOME='%s' '%s' --export notes '%s'", state_home,
			     brief_path, art) > 0);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	char buf[8192];
	size_t n = fread(buf, 1, sizeof buf - 1, p);
	buf[n] = '\0';
	assert_int_equal(pclose(p), 0);
	char *sentence = commentary_upto(12, "In response, Seoul", "near future.");
	char *want;
	assert_true(asprintf(&want, "> %s\n>\n> \u2014 line 12\n\nSeoul's \\*view\\*\n\n", sentence) > 0);
	if (!strstr(buf, want))
		fail_msg("export:\n%s\nlacks:\n%s", buf, want);
	assert_true(strncmp(buf, "# Notes: ", 9) == 0);
	assert_non_null(strstr(buf, "\n---\n\n\u2014 Cai Liang, *Commentary*, Global Times, "));
	free(want);
	free(sentence);
	free(cmd);
	free(env_state);
	free(state_home);
	unlink(art);
	free(art);
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
	assets = getenv("BRIEF_ASSETS");
	if (!brief_path || access(brief_path, X_OK) != 0 || !assets) {
		fprintf(stderr, "quote_test: set BRIEF to the brief binary and BRIEF_ASSETS\n");
		return 1;
	}
	if (term_test_env(tmpdir) != 0)
		return 1;

	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_copy_sentence, teardown),
		cmocka_unit_test_teardown(test_copy_cursor_and_count, teardown),
		cmocka_unit_test_teardown(test_copy_paragraph, teardown),
		cmocka_unit_test_teardown(test_copy_hostile_sentence, teardown),
		cmocka_unit_test_teardown(test_copy_file_changed, teardown),
		cmocka_unit_test_teardown(test_copy_command, teardown),
		cmocka_unit_test_teardown(test_copy_to_clips_file, teardown),
		cmocka_unit_test_teardown(test_copy_over_limit, teardown),
		cmocka_unit_test_teardown(test_copy_card_and_row, teardown),
		cmocka_unit_test_teardown(test_copy_tmux_screen_term, teardown),
		cmocka_unit_test_teardown(test_note_lifecycle, teardown),
		cmocka_unit_test_teardown(test_note_edit_remove, teardown),
		cmocka_unit_test_teardown(test_note_export, teardown),
	};
	const char *filter = getenv("SCREEN_TEST_FILTER");
	if (filter && *filter)
		cmocka_set_test_filter(filter);
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char *cmd;
	if (asprintf(&cmd, "rm -rf '%s'", tmpdir) > 0) {
		if (system(cmd) != 0)
			fprintf(stderr, "quote_test: could not remove %s\n", tmpdir);
		free(cmd);
	}
	return rc;
}
