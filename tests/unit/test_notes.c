/* Unit tests for reading notes (notes.c): the file's format, anchoring to
 * sentences of an edited text, and the file's safe update. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "brief/notes.h"
#include "brief/util.h"

static char *tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	char *d;
	if (asprintf(&d, "%s/brief-notes.XXXXXX", t && *t ? t : "/tmp") < 0)
		fail();
	assert_non_null(mkdtemp(d));
	return d;
}

static char *join(const char *dir, const char *name)
{
	char *p;
	if (asprintf(&p, "%s/%s", dir, name) < 0)
		fail();
	return p;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b = { 0 };
	char c[4096];
	size_t n;
	while ((n = fread(c, 1, sizeof c, f)) > 0)
		buf_add(&b, c, n);
	fclose(f);
	if (!b.data)
		buf_adds(&b, "");
	return b.data;
}

static void spit(const char *path, const char *s)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(s, f);
	assert_int_equal(fclose(f), 0);
}

static struct note mk(uint64_t id, size_t hint, const char *anchor, const char *text)
{
	struct note n = { 0 };
	n.id = id;
	n.hint = hint;
	/* Borrowed: notes_put copies what it keeps and writes through none. */
	memcpy(&n.anchor, &anchor, sizeof anchor);
	memcpy(&n.text, &text, sizeof text);
	return n;
}

/* ---- the format -------------------------------------------------------- */

static const char file_text[] =
	"brief-notes 1\n"
	"doc \"/a.txt\"\n"
	"note 0000000000000001 10 \"First sentence.\" \"one\"\n"
	"doc \"/b.txt\"\n"
	"note 0000000000000002 20 \"Other \\\"doc\\\".\" \"two \\\\ \\x01\"\n"
	"garbage line\n"
	"doc \"/a.txt\"\n"
	"note 0000000000000003 30 \"Second.\" \"three\"\n";

static void test_parse(void **state)
{
	(void)state;
	struct notes ns = { 0 };
	char *w = NULL;
	assert_int_equal(notes_parse("notes", file_text, strlen(file_text), "/a.txt", &ns, &w), 0);
	/* Both of a's groups, in order; b's and the garbage not a's. */
	assert_int_equal(ns.n, 2);
	assert_true(ns.v[0].id == 1 && ns.v[0].hint == 10);
	assert_string_equal(ns.v[0].anchor, "First sentence.");
	assert_string_equal(ns.v[1].text, "three");
	assert_string_equal(w, "notes:6:1: expected \"doc\" or \"note\"");
	free(w);
	notes_free(&ns);
	/* Escapes, and what the file holds is sanitised: \x01 is a picture. */
	assert_int_equal(notes_parse("notes", file_text, strlen(file_text), "/b.txt", &ns, NULL), 0);
	assert_int_equal(ns.n, 1);
	assert_string_equal(ns.v[0].anchor, "Other \"doc\".");
	assert_string_equal(ns.v[0].text, "two \\ \xe2\x90\x81");
	notes_free(&ns);
}

/* One note an id: of a repeated id the first is kept, and the others keep
 * their order (the check is a sort now, not a search for each). */
static void test_parse_duplicate_ids(void **state)
{
	(void)state;
	static const char text[] =
		"brief-notes 1\n"
		"doc \"/a.txt\"\n"
		"note 0000000000000009 90 \"Nine.\" \"first nine\"\n"
		"note 0000000000000002 20 \"Two.\" \"two\"\n"
		"note 0000000000000009 91 \"Nine again.\" \"second nine\"\n"
		"note 0000000000000001 10 \"One.\" \"one\"\n"
		"note 0000000000000002 21 \"Two again.\" \"second two\"\n";
	struct notes ns = { 0 };
	assert_int_equal(notes_parse("n", text, strlen(text), "/a.txt", &ns, NULL), 0);
	assert_int_equal(ns.n, 3);
	assert_string_equal(ns.v[0].text, "first nine");
	assert_string_equal(ns.v[1].text, "two");
	assert_string_equal(ns.v[2].text, "one");
	notes_free(&ns);
}

static void test_parse_errors(void **state)
{
	(void)state;
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "brief-notes 1\ndoc \"/a\"\nnote 12 1 \"a\" \"b\"\n",
		  "n:3:6: expected an id of 16 hex digits" },
		{ "brief-notes 1\ndoc \"/a\"\nnote 0000000000000001 x \"a\" \"b\"\n",
		  "n:3:23: expected a number" },
		{ "brief-notes 1\ndoc \"/a\"\nnote 0000000000000001 1 \"a\" \"b\n",
		  "n:3:31: expected a closing quote" },
		{ "brief-notes 1\ndoc \"/a\"\nnote 0000000000000001 1 \"\\q\" \"b\"\n",
		  "n:3:26: expected one of \\\" \\\\ \\n \\t \\r \\xHH" },
		{ "brief-notes 1\ndoc \"/a\" x\n", "n:2:9: expected the end of the line" },
		{ "brief-notes 1\ndoc \"\xff\"\n", "n:2:5: expected valid UTF-8 in the string" },
		{ "brief-notes 1\ndoc \"/a\"\nnote 0000000000000000 1 \"a\" \"b\"\n",
		  "n:3:6: expected an id that is not 0" },
		{ "not notes\n", "n:1:1: expected \"brief-notes 1\"" },
		{ "brief-notes 1\ndoc \"/a\"\nnote 0000000000000001 1 \"a\" \"b", "n:3:31: expected a closing quote" },
		{ "brief-notes 1\nx\ny\nz\n", "n:2:1: expected \"doc\" or \"note\" (and 2 more lines "
					      "not understood, kept as they are)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct notes ns = { 0 };
		char *w = NULL;
		assert_int_equal(notes_parse("n", cases[i].text, strlen(cases[i].text), "/a", &ns, &w), 0);
		if (!w || strcmp(w, cases[i].want))
			fail_msg("case %zu: want [%s]\n got [%s]", i, cases[i].want, w ? w : "(none)");
		free(w);
		notes_free(&ns);
	}
	/* A newer format: nothing read, said. */
	struct notes ns = { 0 };
	char *w = NULL;
	const char *newer = "brief-notes 2\ndoc \"/a\"\nnote 0000000000000001 1 \"a\" \"b\"\n";
	assert_int_equal(notes_parse("n", newer, strlen(newer), "/a", &ns, &w), 1);
	assert_int_equal(ns.n, 0);
	assert_non_null(strstr(w, "newer brief"));
	free(w);
}

static void test_format_keeps_the_rest(void **state)
{
	(void)state;
	struct notes ns = { 0 };
	struct note n = mk(9, 5, "New \"one\"\twith\nends", "a\\b");
	notes_put(&ns, &n);
	struct buf b = { 0 };
	notes_format_file(&b, file_text, strlen(file_text), "/a.txt", &ns);
	assert_string_equal(b.data,
			    "brief-notes 1\n"
			    "doc \"/b.txt\"\n"
			    "note 0000000000000002 20 \"Other \\\"doc\\\".\" \"two \\\\ \\x01\"\n"
			    "garbage line\n"
			    "doc \"/a.txt\"\n"
			    "note 0000000000000009 5 \"New \\\"one\\\"\\twith\\nends\" \"a\\\\b\"\n");
	/* And read back. */
	struct notes back = { 0 };
	assert_int_equal(notes_parse("n", b.data, b.len, "/a.txt", &back, NULL), 0);
	assert_int_equal(back.n, 1);
	assert_int_equal(back.v[0].id, 9);
	/* An anchor read back is folded: its white space is one space. */
	assert_string_equal(back.v[0].anchor, "New \"one\" with ends");
	assert_string_equal(back.v[0].text, "a\\b");
	notes_free(&back);
	/* No notes left: the document's lines go; a new file gets its header. */
	buf_reset(&b);
	notes_free(&ns);
	notes_format_file(&b, file_text, strlen(file_text), "/b.txt", &ns);
	assert_null(strstr(b.data, "/b.txt"));
	assert_non_null(strstr(b.data, "garbage line\n"));
	buf_reset(&b);
	notes_format_file(&b, "", 0, "/x", NULL);
	assert_string_equal(b.data, "brief-notes 1\n");
	buf_free(&b);
}

static void test_clean(void **state)
{
	(void)state;
	const char *raw = "  two\nlines\tand \x1b[31m  \n";
	char *t = notes_clean_text(raw, strlen(raw));
	assert_string_equal(t, "two lines and \xe2\x90\x9b[31m");
	free(t);
	char big[3000];
	memset(big, 'x', sizeof big);
	memcpy(big + 999, "\xc3\xa9", 2);   /* a character across the limit */
	t = notes_clean_text(big, sizeof big);
	assert_int_equal(strlen(t), 999);
	free(t);
	raw = " A  sentence\n wrapped. ";
	t = notes_anchor_text(raw, strlen(raw));
	assert_string_equal(t, "A sentence wrapped.");
	free(t);
}

/* ---- anchoring --------------------------------------------------------- */

static const char article[] =
	"Title line\n\n"
	"The first sentence is here. The talks went on.\n\n"
	"Later, the talks went on. And on.\n";

static void test_anchor(void **state)
{
	(void)state;
	const uint8_t *t = (const uint8_t *)article;
	size_t len = strlen(article);
	size_t first = (size_t)(strstr(article, "The talks") - article);
	size_t second = (size_t)(strstr(article, "the talks went on. And") - article) + 4;
	struct notes ns = { 0 };
	struct note a = mk(1, first, "talks went on.", "x");
	struct note b = mk(2, len, "talks went on.", "near the end");
	struct note c = mk(3, 0, "A sentence that is gone.", "orphan");
	struct note d = mk(4, 12, "The first sentence is here.", "at its hint");
	notes_put(&ns, &c);
	notes_put(&ns, &b);
	notes_put(&ns, &a);
	notes_put(&ns, &d);
	notes_anchor(&ns, t, len, 0);
	/* Not all of the text read: the missing one is not orphaned yet. */
	assert_int_equal(notes_find(&ns, 3)->place, NOTE_UNPLACED);
	notes_anchor(&ns, t, len, 1);
	/* Found ones in text order, the orphan last. */
	assert_int_equal(ns.v[0].id, 4);
	assert_int_equal(ns.v[0].start, 12);
	assert_int_equal(ns.v[1].id, 1);
	assert_int_equal(ns.v[1].start, first + 4);
	assert_int_equal(ns.v[2].id, 2);
	assert_int_equal(ns.v[2].start, second);
	assert_int_equal(ns.v[2].end, second + strlen("talks went on."));
	assert_int_equal(ns.v[3].id, 3);
	assert_int_equal(ns.v[3].place, NOTE_ORPHANED);
	notes_free(&ns);
}

/* The article edited: text added before, the sentence re-wrapped. */
static void test_anchor_after_edit(void **state)
{
	(void)state;
	const char *before = "Intro.\nThe allies were asked to pay 3.5 percent of GDP. End.\n";
	const char *after = "A new first paragraph, added later.\n\nIntro.\nThe allies were asked\n"
			    "to pay  3.5 percent of GDP. End.\n";
	size_t hint = (size_t)(strstr(before, "The allies") - before);
	struct notes ns = { 0 };
	struct note n = mk(7, hint, "The allies were asked to pay 3.5 percent of GDP.", "pay");
	notes_put(&ns, &n);
	notes_anchor(&ns, (const uint8_t *)after, strlen(after), 1);
	assert_int_equal(ns.v[0].place, NOTE_FOUND);
	assert_int_equal(ns.v[0].start, (size_t)(strstr(after, "The allies") - after));
	assert_int_equal(after[ns.v[0].end - 1], '.');
	notes_free(&ns);
}

/* ---- the file ---------------------------------------------------------- */

static void test_update(void **state)
{
	(void)state;
	char *d = tmpdir();
	char *path = join(d, "state/brief/notes");
	struct notes now = { 0 };
	char *w = NULL;
	struct note a = mk(1, 3, "Sentence one.", "first");
	assert_int_equal(notes_update(path, "/doc", &a, 0, NULL, &now, &w), 0);
	assert_null(w);
	assert_int_equal(now.n, 1);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* Another brief, which never saw note 1, adds its own: both stay. */
	struct note b = mk(2, 9, "Sentence two.", "second");
	assert_int_equal(notes_update(path, "/doc", &b, 0, NULL, NULL, &w), 0);
	struct notes got = { 0 };
	assert_int_equal(notes_load(path, "/doc", &got, &w), 0);
	assert_int_equal(got.n, 2);
	notes_free(&got);
	/* An edit replaces by id; a removal removes only its note. */
	struct note a2 = mk(1, 3, "Sentence one.", "first, edited");
	assert_int_equal(notes_update(path, "/doc", &a2, 0, NULL, NULL, &w), 0);
	assert_int_equal(notes_update(path, "/doc", NULL, 2, NULL, &now, &w), 0);
	assert_int_equal(now.n, 1);
	assert_string_equal(now.v[0].text, "first, edited");
	/* Another document's notes are another's. */
	assert_int_equal(notes_load(path, "/other", &got, &w), 0);
	assert_int_equal(got.n, 0);
	notes_free(&now);
	char *lock = join(d, "state/brief/notes.lock");
	assert_int_equal(access(lock, F_OK), 0);
	free(lock);
	free(path);
	free(d);
}

static void test_update_refuses(void **state)
{
	(void)state;
	char *d = tmpdir();
	char *path = join(d, "notes");
	char *w = NULL;
	struct note a = mk(1, 3, "S.", "n");
	/* Not brief's: left alone. */
	spit(path, "my own file\n");
	assert_int_equal(notes_update(path, "/doc", &a, 0, NULL, NULL, &w), -1);
	assert_non_null(strstr(w, "not brief's notes"));
	free(w);
	char *kept = slurp(path);
	assert_string_equal(kept, "my own file\n");
	free(kept);
	unlink(path);
	/* A FIFO is neither waited on nor written. */
	assert_int_equal(mkfifo(path, 0600), 0);
	int64_t t0 = now_ms();
	assert_int_equal(notes_update(path, "/doc", &a, 0, NULL, NULL, &w), -1);
	assert_non_null(strstr(w, "a FIFO"));
	free(w);
	struct notes got = { 0 };
	assert_int_equal(notes_load(path, "/doc", &got, &w), -1);
	assert_non_null(strstr(w, "a FIFO"));
	assert_int_equal(got.n, 0);
	free(w);
	assert_true(now_ms() - t0 < 2000);
	unlink(path);
	/* A link to brief's notes is written through, the link kept; a link
	 * to anything else is not. */
	char *real = join(d, "dotfiles-notes");
	spit(real, "brief-notes 1\n");
	assert_int_equal(symlink(real, path), 0);
	assert_int_equal(notes_update(path, "/doc", &a, 0, NULL, NULL, &w), 0);
	struct stat st;
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	char *through = slurp(real);
	assert_non_null(strstr(through, "doc \"/doc\"\nnote 0000000000000001 3 \"S.\" \"n\"\n"));
	free(through);
	unlink(path);
	char *other = join(d, "bashrc");
	spit(other, "alias x=y\n");
	assert_int_equal(symlink(other, path), 0);
	assert_int_equal(notes_update(path, "/doc", &a, 0, NULL, NULL, &w), -1);
	free(w);
	char *still = slurp(other);
	assert_string_equal(still, "alias x=y\n");
	free(still);
	unlink(path);
	/* A newer brief's file: read as none, never overwritten. */
	spit(path, "brief-notes 2\nwhatever\n");
	assert_int_equal(notes_update(path, "/doc", &a, 0, NULL, NULL, &w), -1);
	assert_non_null(strstr(w, "newer brief"));
	free(w);
	free(other);
	free(real);
	free(path);
	free(d);
}

static void test_update_lock_bounded(void **state)
{
	(void)state;
	char *d = tmpdir();
	char *path = join(d, "notes");
	char *lock = join(d, "notes.lock");
	int lfd = open(lock, O_RDWR | O_CREAT, 0600);
	assert_true(lfd >= 0);
	assert_int_equal(flock(lfd, LOCK_EX), 0);
	char *w = NULL;
	struct note a = mk(1, 3, "S.", "n");
	struct state_wait wait = { -1, 200 };
	int64_t t0 = now_ms();
	assert_int_equal(notes_update(path, "/doc", &a, 0, &wait, NULL, &w), -1);
	assert_true(now_ms() - t0 < 2000);
	assert_non_null(strstr(w, "locked by another process for 200 ms, notes not written"));
	free(w);
	/* Told to stop: at once. */
	int p[2];
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], "x", 1), 1);
	struct state_wait stop = { p[0], 60000 };
	t0 = now_ms();
	assert_int_equal(notes_update(path, "/doc", &a, 0, &stop, NULL, &w), -1);
	assert_true(now_ms() - t0 < 2000);
	assert_non_null(strstr(w, "stopped waiting"));
	free(w);
	close(p[0]);
	close(p[1]);
	close(lfd);
	assert_int_equal(access(path, F_OK), -1);
	free(lock);
	free(path);
	free(d);
}

static void test_doc_id(void **state)
{
	(void)state;
	char *id = notes_doc_id(NULL, "(bundled commentary)", "Title", 1);
	assert_string_equal(id, "(bundled commentary)");
	free(id);
	char *d = tmpdir();
	char *path = join(d, "a.txt");
	spit(path, "Some text. More text.\n");
	char *rel;
	assert_true(asprintf(&rel, "%s/./a.txt", d) > 0);
	id = notes_doc_id(rel, NULL, "Title", 1);
	/* The real path: however the file was named. */
	char *real = realpath(path, NULL);
	assert_string_equal(id, real);
	free(id);
	free(real);
	free(rel);
	id = notes_doc_id("-", NULL, "Rubio's cancellation", 1);
	assert_string_equal(id, "(stdin) title: Rubio's cancellation");
	free(id);
	id = notes_doc_id("-", NULL, NULL, 0xabcdef);
	assert_string_equal(id, "(stdin) key: 0000000000abcdef");
	free(id);
	unlink(path);
	free(path);
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_duplicate_ids),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_format_keeps_the_rest),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_anchor),
		cmocka_unit_test(test_anchor_after_edit),
		cmocka_unit_test(test_update),
		cmocka_unit_test(test_update_refuses),
		cmocka_unit_test(test_update_lock_bounded),
		cmocka_unit_test(test_doc_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
