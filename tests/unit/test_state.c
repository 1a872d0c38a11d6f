/* Unit tests for state.c: keys, paths, the file format, atomic and locked saves. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/sysmacros.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "brief/state.h"
#include "brief/util.h"

/* ---- helpers ---------------------------------------------------------------- */

/* What a warning pointer holds before a call that must reset it. */
static char untouched[] = "untouched";

/* A fresh directory, made the state home; returns it (malloc'd). */
static char *fresh_home(void)
{
	const char *tmp = getenv("TMPDIR");
	struct buf b = { 0 };
	buf_printf(&b, "%s/brief-state-XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp");
	assert_non_null(mkdtemp(b.data));
	assert_int_equal(setenv("XDG_STATE_HOME", b.data, 1), 0);
	return b.data;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void remove_home(char *dir)
{
	assert_int_equal(nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS), 0);
	free(dir);
}

static char *join(const char *dir, const char *name)
{
	struct buf b = { 0 };
	buf_printf(&b, "%s/%s", dir, name);
	return b.data;
}

static struct state_entry entry(uint64_t key, size_t pos)
{
	struct state_entry e = { .key = key, .pos = pos };
	for (int k = 0; k < STATE_MARKS; k++)
		e.marks[k] = SIZE_MAX;
	return e;
}

static void save_ok(const char *path, const struct state_entry *e)
{
	char *w = untouched;
	int r = state_save(path, e, NULL, &w);
	if (r != 0)
		fail_msg("state_save: %d (%s)", r, w ? w : "no warning");
	assert_null(w);
}

/* Load key: the return value, with *pos its position when found. */
static int load(const char *path, uint64_t key, size_t *pos, char **warning)
{
	struct state_entry e = entry(0, 0);
	int r = state_load(path, key, &e, warning);
	if (r == 1) {
		assert_true(e.key == key);
		*pos = e.pos;
	}
	return r;
}

static void expect_pos(const char *path, uint64_t key, size_t want)
{
	size_t pos = 0;
	char *w = NULL;
	int r = load(path, key, &pos, &w);
	if (r != 1 || w)
		fail_msg("key %llx: load %d, warning %s", (unsigned long long)key, r, w ? w : "none");
	assert_int_equal(pos, want);
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct buf b = { 0 };
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	buf_add(&b, "", 0);
	*len = b.len;
	return b.data;
}

/* state_save refuses, its warning says why, and file still holds text. */
static void save_refused(const char *path, const char *why, const char *file, const char *text)
{
	struct state_entry e = entry(1, 1);
	char *w = NULL;
	assert_int_equal(state_save(path, &e, NULL, &w), -1);
	assert_non_null(w);
	if (!strstr(w, why))
		fail_msg("warning \"%s\" does not say \"%s\"", w, why);
	free(w);
	size_t len;
	char *now = read_file(file, &len);
	assert_string_equal(now, text);
	free(now);
}

static size_t count_lines(const char *path)
{
	size_t len, n = 0;
	char *s = read_file(path, &len);
	for (size_t k = 0; k < len; k++)
		n += s[k] == '\n';
	free(s);
	return n;
}

/* The state directory holds exactly the file and its lock. */
static void expect_only_state_and_lock(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *de;
	int n = 0;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (strcmp(de->d_name, "state") && strcmp(de->d_name, "state.lock"))
			fail_msg("left behind in %s: %s", dir, de->d_name);
		n++;
	}
	closedir(d);
	assert_int_equal(n, 2);
}

/* dir holds exactly the names given (NULL-terminated). */
static void expect_only(const char *dir, ...)
{
	va_list ap;
	size_t want = 0;
	va_start(ap, dir);
	while (va_arg(ap, const char *))
		want++;
	va_end(ap);
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *de;
	size_t n = 0;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		int known = 0;
		va_start(ap, dir);
		for (const char *name; (name = va_arg(ap, const char *));)
			known |= !strcmp(de->d_name, name);
		va_end(ap);
		if (!known)
			fail_msg("left behind in %s: %s", dir, de->d_name);
		n++;
	}
	closedir(d);
	assert_int_equal(n, want);
}

/* ---- tests ------------------------------------------------------------------- */

static void test_round_trip(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	struct state_entry e = entry(0xfedcba9876543210u, 123456);
	e.marks[0] = 0;
	e.marks[12] = 77;
	e.marks[25] = SIZE_MAX - 1;
	save_ok(path, &e);

	struct state_entry got = entry(1, 1);
	char *w = NULL;
	assert_int_equal(state_load(path, e.key, &got, &w), 1);
	assert_null(w);
	assert_true(got.key == e.key);
	assert_int_equal(got.pos, e.pos);
	for (int k = 0; k < STATE_MARKS; k++)
		assert_true(got.marks[k] == e.marks[k]);
	/* Another key is simply not there. */
	assert_int_equal(state_load(path, 42, &got, &w), 0);
	assert_null(w);

	size_t len;
	char *text = read_file(path, &len);
	assert_string_equal(text, "brief-state 1\nfedcba9876543210 123456 a=0 m=77 z=18446744073709551614\n");
	free(text);
	free(path);
	remove_home(home);
}

static void test_missing_file(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *w = untouched;
	size_t pos;
	assert_int_equal(load(path, 1, &pos, &w), 0);
	assert_null(w);
	/* Nothing was created by reading. */
	char *dir = join(home, "brief");
	assert_int_equal(access(dir, F_OK), -1);
	free(dir);
	free(path);
	remove_home(home);
}

static void test_other_entries_survive(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	for (uint64_t k = 1; k <= 3; k++) {
		struct state_entry e = entry(k, 100 * k);
		save_ok(path, &e);
	}
	struct state_entry e = entry(2, 999);
	e.marks[1] = 5;
	save_ok(path, &e);
	expect_pos(path, 1, 100);
	expect_pos(path, 2, 999);
	expect_pos(path, 3, 300);
	/* Updated entries move to the end, each key once. */
	size_t len;
	char *text = read_file(path, &len);
	assert_string_equal(text, "brief-state 1\n"
			    "0000000000000001 100\n"
			    "0000000000000003 300\n"
			    "0000000000000002 999 b=5\n");
	free(text);
	free(path);
	remove_home(home);
}

static void test_duplicate_keys(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief");
	assert_int_equal(mkdir(dir, 0700), 0);
	const char *text = "brief-state 1\n"
			   "00000000000000aa 1\n"
			   "00000000000000bb 2\n"
			   "00000000000000AA 3\n";
	write_file(path, text, strlen(text));
	/* The later line wins. */
	expect_pos(path, 0xaa, 3);
	struct state_entry e = entry(0xcc, 4);
	save_ok(path, &e);
	expect_pos(path, 0xaa, 3);
	expect_pos(path, 0xbb, 2);
	assert_int_equal(count_lines(path), 4);
	free(dir);
	free(path);
	remove_home(home);
}

static void test_corrupt_lines(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief");
	assert_int_equal(mkdir(dir, 0700), 0);
	static const char text[] =
		"brief-state 1\n"
		"0000000000000001 10 a=1\n"
		"zz\n"                                          /* line 3 */
		"000000000000001 10\n"                          /* 15 digits */
		"0000000000000002\n"                            /* no position */
		"0000000000000002 -5\n"
		"0000000000000002 5 A=1\n"
		"0000000000000002 5 a=1 a=2\n"                  /* mark twice */
		"0000000000000002 5 a=\n"
		"0000000000000002 99999999999999999999999\n"    /* overflows */
		"0000000000000002 5 \n"
		"0000000000000002  5\n"
		"0000000000000002 5 a=18446744073709551615\n"   /* SIZE_MAX */
		"00000000000000g2 5\n"
		"0000000000000002 5\0 b=3\n"                    /* NUL inside */
		"\n"
		"0000000000000003 30 z=9\n";
	write_file(path, text, sizeof text - 1);

	size_t pos = 0;
	char *w = NULL;
	assert_int_equal(load(path, 1, &pos, &w), 1);
	assert_int_equal(pos, 10);
	assert_non_null(w);
	char *want = NULL;
	struct buf b = { 0 };
	buf_printf(&b, "%s:3: corrupt entry ignored (and 13 more)", path);
	want = b.data;
	assert_string_equal(w, want);
	free(w);
	w = NULL;
	assert_int_equal(load(path, 3, &pos, &w), 1);
	assert_int_equal(pos, 30);
	assert_non_null(w);
	free(w);
	w = NULL;
	/* Key 2 only ever appeared corrupt. */
	assert_int_equal(load(path, 2, &pos, &w), -1);
	assert_non_null(w);
	free(w);

	/* Saving drops the corrupt lines and keeps the valid ones. */
	struct state_entry e = entry(4, 40);
	save_ok(path, &e);
	expect_pos(path, 1, 10);
	expect_pos(path, 3, 30);
	expect_pos(path, 4, 40);
	assert_int_equal(count_lines(path), 4);
	free(want);
	free(dir);
	free(path);
	remove_home(home);
}

static void test_bad_header(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief");
	assert_int_equal(mkdir(dir, 0700), 0);
	const char *text = "brief-stat 1\n0000000000000001 10\n";
	write_file(path, text, strlen(text));
	size_t pos = 0;
	char *w = NULL;
	assert_int_equal(load(path, 1, &pos, &w), 1);
	assert_int_equal(pos, 10);
	assert_non_null(w);
	assert_non_null(strstr(w, ":1: corrupt entry ignored"));
	free(w);
	free(dir);
	free(path);
	remove_home(home);
}

/* The state file a link to one kept elsewhere (a dotfiles repository): the
 * link stays a link, and the file it points to gets the entry. */
static void test_symlinked_state_kept(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief"), *repo = join(home, "repo"), *target = join(repo, "state");
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkdir(repo, 0700), 0);
	struct state_entry e = entry(7, 70);
	save_ok(target, &e);                            /* a state file already there */
	assert_int_equal(symlink(target, path), 0);
	e = entry(8, 80);
	save_ok(path, &e);
	struct stat st;
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	size_t pos = 0;
	char *w = NULL;
	assert_int_equal(load(target, 8, &pos, &w), 1);
	assert_int_equal(pos, 80);
	assert_int_equal(load(target, 7, &pos, &w), 1);
	assert_int_equal(pos, 70);
	free(target);
	free(repo);
	free(dir);
	free(path);
	remove_home(home);
}

/* A link to a file that is not a state file: not overwritten, and said. */
static void test_symlink_to_other_file_untouched(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief"), *other = join(home, "notes.txt");
	assert_int_equal(mkdir(dir, 0700), 0);
	const char *text = "keep me\nmy notes\n";
	write_file(other, text, strlen(text));
	assert_int_equal(symlink(other, path), 0);
	save_refused(path, "not overwritten", other, text);
	struct stat st;
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	free(other);
	free(dir);
	free(path);
	remove_home(home);
}

static void test_newer_version_untouched(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief");
	assert_int_equal(mkdir(dir, 0700), 0);
	const char *text = "brief-state 2\nwhatever a newer brief writes\n";
	write_file(path, text, strlen(text));
	size_t pos = 0;
	char *w = NULL;
	assert_int_equal(load(path, 1, &pos, &w), -1);
	assert_non_null(strstr(w, "newer"));
	free(w);
	save_refused(path, "newer", path, text);
	free(dir);
	free(path);
	remove_home(home);
}

static void test_truncated_every_length(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	struct state_entry a = entry(0xa, 11), b = entry(0xb, 22);
	a.marks[3] = 4;
	b.marks[7] = 8;
	save_ok(path, &a);
	save_ok(path, &b);
	size_t len;
	char *full = read_file(path, &len);
	const char *line_b = strstr(full, "000000000000000b");
	size_t end_header = 14, end_a = (size_t)(line_b - full);
	assert_int_equal(full[end_a - 1], '\n');

	/* Every cut: whole lines still load, the cut line is reported. */
	for (size_t cut = 0; cut <= len; cut++) {
		write_file(path, full, cut);
		size_t pos = 0;
		char *w = NULL;
		int ra = load(path, 0xa, &pos, &w);
		if (cut >= end_a) {
			assert_int_equal(ra, 1);
			assert_int_equal(pos, 11);
		} else {
			assert_true(ra <= 0);
		}
		int at_line_end = cut == 0 || full[cut - 1] == '\n';
		if (at_line_end)
			assert_null(w);
		else
			assert_non_null(w);
		free(w);
		w = NULL;
		int rb = load(path, 0xb, &pos, &w);
		assert_int_equal(rb, cut == len ? 1 : at_line_end ? 0 : -1);
		if (rb == 1)
			assert_int_equal(pos, 22);
		if (cut > end_header && !at_line_end) {
			struct buf want = { 0 };
			buf_printf(&want, "%s:%d: corrupt entry ignored", path, cut < end_a ? 2 : 3);
			assert_string_equal(w, want.data);
			buf_free(&want);
		}
		free(w);
	}
	free(full);
	free(path);
	remove_home(home);
}

static void test_garbage_and_long_lines(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief");
	assert_int_equal(mkdir(dir, 0700), 0);

	/* Random bytes, NULs and LFs included. */
	uint64_t seed = 7;
	struct buf g = { 0 };
	for (int k = 0; k < 200000; k++) {
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		buf_addc(&g, (char)(seed >> 56));
	}
	write_file(path, g.data, g.len);
	size_t pos = 0;
	char *w = NULL;
	int r = load(path, 1, &pos, &w);
	assert_true(r == -1);
	assert_non_null(w);
	free(w);
	struct state_entry e = entry(1, 10);
	save_ok(path, &e);
	expect_pos(path, 1, 10);
	assert_int_equal(count_lines(path), 2);

	/* A 4 MB line between two entries. */
	struct buf t = { 0 };
	buf_adds(&t, "brief-state 1\n0000000000000001 10\n0000000000000002 ");
	for (int k = 0; k < 4 << 20; k++)
		buf_addc(&t, (char)('0' + k % 10));
	buf_adds(&t, "\n0000000000000003 30\n");
	write_file(path, t.data, t.len);
	w = NULL;
	assert_int_equal(load(path, 3, &pos, &w), 1);
	assert_int_equal(pos, 30);
	assert_non_null(strstr(w, ":3: corrupt entry ignored"));
	free(w);
	assert_int_equal(load(path, 2, &pos, &w), -1);
	free(w);
	buf_free(&g);
	buf_free(&t);
	free(dir);
	free(path);
	remove_home(home);
}

static void test_cap_drops_oldest(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief");
	assert_int_equal(mkdir(dir, 0700), 0);
	struct buf t = { 0 };
	buf_adds(&t, "brief-state 1\n");
	for (unsigned k = 1; k <= 1200; k++)
		buf_printf(&t, "%016x %u\n", k, k);
	write_file(path, t.data, t.len);

	/* Updating an old entry moves it to the end, so it survives. */
	struct state_entry e = entry(5, 5555);
	save_ok(path, &e);
	assert_int_equal(count_lines(path), 1001);
	expect_pos(path, 5, 5555);
	expect_pos(path, 202, 202);
	expect_pos(path, 1200, 1200);
	size_t pos;
	char *w = NULL;
	assert_int_equal(load(path, 201, &pos, &w), 0);
	assert_int_equal(load(path, 1, &pos, &w), 0);
	assert_null(w);
	/* A new key pushes out the oldest survivor. */
	e = entry(5000, 1);
	save_ok(path, &e);
	assert_int_equal(count_lines(path), 1001);
	assert_int_equal(load(path, 202, &pos, &w), 0);
	expect_pos(path, 203, 203);
	expect_pos(path, 5, 5555);
	buf_free(&t);
	free(dir);
	free(path);
	remove_home(home);
}

static void test_modes_and_no_temp_left(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief");
	mode_t old = umask(0);
	struct state_entry e = entry(1, 1);
	save_ok(path, &e);
	umask(022);
	e.pos = 2;
	save_ok(path, &e);
	umask(old);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0700);
	expect_only_state_and_lock(dir);
	expect_pos(path, 1, 2);

	/* A stale temporary file with our pid is replaced, not fatal. */
	struct buf stale = { 0 };
	buf_printf(&stale, "%s/state.tmp.%ld", dir, (long)getpid());
	write_file(stale.data, "junk", 4);
	e.pos = 3;
	save_ok(path, &e);
	expect_only_state_and_lock(dir);
	expect_pos(path, 1, 3);
	buf_free(&stale);
	free(dir);
	free(path);
	remove_home(home);
}

static void test_state_path(void **state)
{
	(void)state;
	char *p;
	assert_int_equal(setenv("HOME", "/home/reader", 1), 0);
	assert_int_equal(setenv("XDG_STATE_HOME", "/var/xdg", 1), 0);
	p = state_path();
	assert_string_equal(p, "/var/xdg/brief/state");
	free(p);
	/* Relative and empty XDG_STATE_HOME are ignored, as the spec says. */
	assert_int_equal(setenv("XDG_STATE_HOME", "rel/xdg", 1), 0);
	p = state_path();
	assert_string_equal(p, "/home/reader/.local/state/brief/state");
	free(p);
	assert_int_equal(setenv("XDG_STATE_HOME", "", 1), 0);
	p = state_path();
	assert_string_equal(p, "/home/reader/.local/state/brief/state");
	free(p);
	assert_int_equal(unsetenv("XDG_STATE_HOME"), 0);
	p = state_path();
	assert_string_equal(p, "/home/reader/.local/state/brief/state");
	free(p);
	assert_int_equal(unsetenv("HOME"), 0);
	assert_null(state_path());
	assert_int_equal(setenv("HOME", "", 1), 0);
	assert_null(state_path());
	assert_int_equal(setenv("XDG_STATE_HOME", "/only/xdg", 1), 0);
	p = state_path();
	assert_string_equal(p, "/only/xdg/brief/state");
	free(p);

	/* No path: loading finds nothing, saving says why. */
	struct state_entry e = entry(1, 1);
	char *w = NULL;
	assert_int_equal(state_load(NULL, 1, &e, &w), 0);
	assert_null(w);
	assert_int_equal(state_save(NULL, &e, NULL, &w), -1);
	assert_non_null(w);
	free(w);
}

/* Child of the concurrency test: 200 saves of its own key. */
static void hammer(const char *path, uint64_t key) __attribute__((noreturn));
static void hammer(const char *path, uint64_t key)
{
	int bad = 0;
	for (size_t k = 0; k < 200; k++) {
		struct state_entry e = entry(key, k);
		e.marks[(int)(key % STATE_MARKS)] = k * 3;
		char *w = NULL;
		if (state_save(path, &e, NULL, &w) != 0 || w)
			bad = 1;
		free(w);
	}
	_exit(bad);
}

static void test_concurrent_saves(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief");
	struct state_entry e = entry(7, 70);
	save_ok(path, &e);
	fflush(NULL);
	pid_t kids[2];
	for (int k = 0; k < 2; k++) {
		kids[k] = fork();
		assert_true(kids[k] >= 0);
		if (kids[k] == 0)
			hammer(path, 100 + (uint64_t)k);
	}
	for (int k = 0; k < 2; k++) {
		int status;
		assert_int_equal(waitpid(kids[k], &status, 0), kids[k]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	expect_pos(path, 100, 199);
	expect_pos(path, 101, 199);
	expect_pos(path, 7, 70);
	assert_int_equal(count_lines(path), 4);
	expect_only_state_and_lock(dir);
	struct state_entry got;
	char *w = NULL;
	assert_int_equal(state_load(path, 101, &got, &w), 1);
	assert_int_equal(got.marks[101 % STATE_MARKS], 199 * 3);
	free(dir);
	free(path);
	remove_home(home);
}

static void test_unwritable(void **state)
{
	(void)state;
	char *home = fresh_home();
	struct state_entry e = entry(1, 1);
	char *w = NULL;

	/* The state home is a regular file. */
	char *file = join(home, "file");
	write_file(file, "x", 1);
	assert_int_equal(setenv("XDG_STATE_HOME", file, 1), 0);
	char *path = state_path();
	assert_int_equal(state_save(path, &e, NULL, &w), -1);
	assert_non_null(w);
	assert_non_null(strstr(w, strerror(ENOTDIR)));
	free(w);
	free(path);

	/* The state file is a directory: unreadable, nothing left behind. */
	assert_int_equal(setenv("XDG_STATE_HOME", home, 1), 0);
	path = state_path();
	char *dir = join(home, "brief");
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	w = NULL;
	assert_int_equal(state_save(path, &e, NULL, &w), -1);
	assert_non_null(w);
	free(w);
	w = NULL;
	assert_int_equal(state_load(path, 1, &e, &w), -1);
	assert_non_null(strstr(w, strerror(EISDIR)));
	free(w);
	assert_int_equal(rmdir(path), 0);
	write_file(path, "", 0);
	expect_only(dir, "state", NULL);        /* refused before the lock */
	assert_int_equal(unlink(path), 0);

	/* A directory we may not write into: chmod for a user, and root
	 * drops to nobody in a child, since root writes anywhere. */
	fflush(NULL);
	if (geteuid() == 0) {
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			if (setgid(65534) || setuid(65534))
				_exit(2);
			char *cw = NULL;
			int r = state_save(path, &e, NULL, &cw);
			int ok = r == -1 && cw && strstr(cw, strerror(EACCES));
			free(cw);
			_exit(ok ? 0 : 1);
		}
		int status;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	} else {
		assert_int_equal(chmod(dir, 0500), 0);
		w = NULL;
		assert_int_equal(state_save(path, &e, NULL, &w), -1);
		assert_non_null(strstr(w, strerror(EACCES)));
		free(w);
		assert_int_equal(chmod(dir, 0700), 0);
	}
	assert_int_equal(access(path, F_OK), -1);
	free(dir);
	free(path);
	free(file);
	remove_home(home);
}

static void test_failed_write_keeps_old_file(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief");
	struct state_entry e = entry(1, 10);
	save_ok(path, &e);
	size_t len;
	char *before = read_file(path, &len);
	/* A file size limit makes the write fail half way (EFBIG). */
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { .rlim_cur = (rlim_t)len + 8, .rlim_max = (rlim_t)len + 8 };
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &rl))
			_exit(2);
		struct state_entry big = entry(2, 20);
		char *cw = NULL;
		int r = state_save(path, &big, NULL, &cw);
		int ok = r == -1 && cw && strstr(cw, strerror(EFBIG));
		free(cw);
		_exit(ok ? 0 : 1);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	expect_only_state_and_lock(dir);
	char *after = read_file(path, &len);
	assert_string_equal(after, before);
	free(before);
	free(after);
	free(dir);
	free(path);
	remove_home(home);
}

/* ---- links and special files: never written, never waited on -------------- */

/* A watchdog for the tests below: a state module that blocks (on a FIFO, on a
 * held lock) kills the test with SIGALRM instead of hanging the suite. */
static void watchdog(unsigned seconds)
{
	signal(SIGALRM, SIG_DFL);
	alarm(seconds);
}

/* state_save through path refuses, saying why, and leaves the link a link. */
static void link_refused(const char *path, const char *why)
{
	struct state_entry e = entry(1, 1);
	char *w = NULL;
	assert_int_equal(state_save(path, &e, NULL, &w), -1);
	assert_non_null(w);
	if (!strstr(w, why))
		fail_msg("warning \"%s\" does not say \"%s\"", w, why);
	free(w);
	struct stat st;
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
}

/* The reproduction, on a scratch device node (never the real
 * /dev/null): a state file linked to a null device, as a history file is
 * linked to turn it off.  The node stays a device, and nothing is created
 * beside it.  Making a node needs root (CI runs as root); as a user the
 * same path is taken by a link to an empty file, below. */
static void test_link_to_device_untouched(void **state)
{
	(void)state;
	watchdog(20);
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief"), *devdir = join(home, "dev"), *node = join(devdir, "null");
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkdir(devdir, 0700), 0);
	if (mknod(node, S_IFCHR | 0666, makedev(1, 3)) != 0) {
		assert_true(errno == EPERM || errno == EACCES);
		print_message("not root: the device node is left to CI\n");
	} else {
		assert_int_equal(symlink(node, path), 0);
		link_refused(path, "not overwritten");
		struct stat st;
		assert_int_equal(lstat(node, &st), 0);
		assert_true(S_ISCHR(st.st_mode));
		assert_true(st.st_rdev == makedev(1, 3));
		expect_only(devdir, "null", NULL);
		/* Reading it is refused too, without a read. */
		struct state_entry got;
		char *w = NULL;
		assert_int_equal(state_load(path, 1, &got, &w), -1);
		assert_non_null(w);
		assert_non_null(strstr(w, "not a regular file"));
		free(w);
	}
	alarm(0);
	free(node);
	free(devdir);
	free(dir);
	free(path);
	remove_home(home);
}

/* A link to an empty regular file, or to one whose header is not the first
 * line: an empty read is not brief's state. */
static void test_link_to_empty_file_untouched(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief"), *other = join(home, "elsewhere"), *file = join(other, "empty");
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkdir(other, 0700), 0);
	write_file(file, "", 0);
	assert_int_equal(symlink(file, path), 0);
	link_refused(path, "not overwritten");
	size_t len;
	char *now = read_file(file, &len);
	assert_int_equal(len, 0);
	free(now);
	/* No lock and no temporary file beside the target. */
	expect_only(other, "empty", NULL);
	/* A header that is not a whole first line is not brief's either. */
	write_file(file, "brief-state 1", 13);
	link_refused(path, "not overwritten");
	now = read_file(file, &len);
	assert_string_equal(now, "brief-state 1");
	free(now);
	expect_only(other, "empty", NULL);
	free(file);
	free(other);
	free(dir);
	free(path);
	remove_home(home);
}

/* A link to a FIFO: neither read nor written, and not waited on (an open
 * for reading would block until a writer comes). */
static void test_link_to_fifo_untouched(void **state)
{
	(void)state;
	watchdog(20);
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief"), *fifo = join(home, "fifo");
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(symlink(fifo, path), 0);
	link_refused(path, "not overwritten");
	struct state_entry got;
	char *w = NULL;
	assert_int_equal(state_load(path, 1, &got, &w), -1);
	assert_non_null(strstr(w, "not a regular file"));
	free(w);
	struct stat st;
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	alarm(0);
	free(fifo);
	free(dir);
	free(path);
	remove_home(home);
}

/* The state file itself a FIFO (no link): refused both ways, not waited on,
 * and left in place. */
static void test_state_fifo_refused(void **state)
{
	(void)state;
	watchdog(20);
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief");
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkfifo(path, 0600), 0);
	struct state_entry e = entry(1, 1);
	char *w = NULL;
	assert_int_equal(state_load(path, 1, &e, &w), -1);
	assert_non_null(strstr(w, "not a regular file"));
	free(w);
	w = NULL;
	assert_int_equal(state_save(path, &e, NULL, &w), -1);
	assert_non_null(strstr(w, "not a regular file"));
	free(w);
	struct stat st;
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	expect_only(dir, "state", NULL);
	alarm(0);
	free(dir);
	free(path);
	remove_home(home);
}

/* state.lock a link: not followed, so the file it names is neither created
 * nor truncated nor locked. */
static void test_lock_link_not_followed(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief"), *lock = join(dir, "state.lock");
	char *victim = join(home, "victim"), *absent = join(home, "absent");
	assert_int_equal(mkdir(dir, 0700), 0);
	write_file(victim, "precious\n", 9);
	assert_int_equal(symlink(victim, lock), 0);
	struct state_entry e = entry(1, 1);
	char *w = NULL;
	assert_int_equal(state_save(path, &e, NULL, &w), -1);
	assert_non_null(w);
	assert_non_null(strstr(w, "state.lock"));
	free(w);
	size_t len;
	char *now = read_file(victim, &len);
	assert_string_equal(now, "precious\n");
	free(now);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(unlink(lock), 0);
	assert_int_equal(symlink(absent, lock), 0);
	w = NULL;
	assert_int_equal(state_save(path, &e, NULL, &w), -1);
	free(w);
	assert_int_equal(access(absent, F_OK), -1);
	free(absent);
	free(victim);
	free(lock);
	free(dir);
	free(path);
	remove_home(home);
}

/* Over 16 MiB is not brief's state: not read to its end, never replaced. */
static void test_too_big_untouched(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief");
	assert_int_equal(mkdir(dir, 0700), 0);
	struct buf t = { 0 };
	buf_adds(&t, "brief-state 1\n");
	while (t.len <= (size_t)16 << 20)
		buf_adds(&t, "0000000000000001 10\n");
	write_file(path, t.data, t.len);
	size_t pos;
	char *w = NULL;
	assert_int_equal(load(path, 1, &pos, &w), -1);
	assert_non_null(strstr(w, "over 16 MiB"));
	free(w);
	save_refused(path, "over 16 MiB", path, t.data);
	buf_free(&t);
	free(dir);
	free(path);
	remove_home(home);
}

/* Another process holds the lock: state_save gives up after the bound, or at
 * once when the caller's stop descriptor becomes readable, and says so. */
static void test_lock_held_bounded_wait(void **state)
{
	(void)state;
	watchdog(30);
	char *home = fresh_home();
	char *path = state_path();
	char *dir = join(home, "brief"), *lock = join(dir, "state.lock");
	struct state_entry e = entry(1, 10);
	save_ok(path, &e);
	size_t len;
	char *before = read_file(path, &len);
	/* flock() locks belong to an open file: a second open conflicts even
	 * in this process. */
	int held = open(lock, O_RDWR | O_CLOEXEC);
	assert_true(held >= 0);
	assert_int_equal(flock(held, LOCK_EX | LOCK_NB), 0);

	struct state_entry e2 = entry(2, 20);
	struct state_wait quick = { .stop_fd = -1, .max_ms = 20 };
	char *w = NULL;
	assert_int_equal(state_save(path, &e2, &quick, &w), -1);
	assert_non_null(w);
	assert_non_null(strstr(w, "locked by another process"));
	free(w);

	/* A wait of a day, cut short by the stop descriptor (the watchdog
	 * fails the test if it is not). */
	int stop[2];
	assert_int_equal(pipe(stop), 0);
	assert_int_equal(write(stop[1], "x", 1), 1);
	struct state_wait stoppable = { .stop_fd = stop[0], .max_ms = 86400 * 1000 };
	w = NULL;
	assert_int_equal(state_save(path, &e2, &stoppable, &w), -1);
	assert_non_null(w);
	assert_non_null(strstr(w, "stopped waiting"));
	free(w);
	/* The stop descriptor is only watched, never read. */
	char c;
	assert_int_equal(read(stop[0], &c, 1), 1);
	close(stop[0]);
	close(stop[1]);

	char *after = read_file(path, &len);
	assert_string_equal(after, before);
	free(after);
	/* Released, the same save goes through. */
	close(held);
	w = untouched;
	assert_int_equal(state_save(path, &e2, &quick, &w), 0);
	assert_null(w);
	expect_pos(path, 2, 20);
	alarm(0);
	free(before);
	free(lock);
	free(dir);
	free(path);
	remove_home(home);
}

static void test_state_key(void **state)
{
	(void)state;
	const size_t big = 1 << 20;
	uint8_t *a = xmalloc(big), *b = xmalloc(big);
	for (size_t k = 0; k < big; k++)
		a[k] = (uint8_t)(k * 2654435761u >> 13);
	memcpy(b, a, big);
	uint64_t ka = state_key(a, big);
	assert_true(ka == state_key(b, big));
	assert_true(ka == state_key(a, big));
	/* Length, head and tail all count. */
	assert_true(ka != state_key(a, big - 1));
	b[10] ^= 1;
	assert_true(ka != state_key(b, big));
	b[10] ^= 1;
	b[big - 10] ^= 1;
	assert_true(ka != state_key(b, big));
	b[big - 10] ^= 1;
	/* The middle is not read, by design: 100 MB files key quickly. */
	b[big / 2] ^= 1;
	assert_true(ka == state_key(b, big));

	/* Small documents: every byte counts, and keys do not collide. */
	uint64_t keys[201];
	uint8_t s[200];
	memcpy(s, "short text", 10);
	memset(s + 10, ' ', sizeof s - 10);
	keys[200] = state_key(s, sizeof s);
	for (size_t k = 0; k < sizeof s; k++) {
		s[k] ^= 0x20;
		keys[k] = state_key(s, sizeof s);
		s[k] ^= 0x20;
	}
	for (size_t i = 0; i < 201; i++)
		for (size_t j = i + 1; j < 201; j++)
			assert_true(keys[i] != keys[j]);
	assert_true(state_key(NULL, 0) != state_key((const uint8_t *)"", 1));
	assert_true(state_key((const uint8_t *)"ab", 2) != state_key((const uint8_t *)"ba", 2));
	free(a);
	free(b);
}

/* Whether the panel and the comparison were shown (fields added in
 * format 1): kept per document, written after the marks, read back; a
 * document not seen yet takes the newest entry's; an entry without them
 * says nothing; an unknown added field is skipped, a bad value is
 * corrupt. */
static void test_shown_panes(void **state)
{
	(void)state;
	char *home = fresh_home();
	char *path = state_path();
	struct state_entry e = entry(0x10, 5);
	e.marks[1] = 9;
	e.panel = STATE_SHOW_OFF;
	e.compare = STATE_SHOW_ON;
	save_ok(path, &e);
	struct state_entry plain = entry(0x20, 6);   /* says nothing of them */
	save_ok(path, &plain);
	size_t len;
	char *text = read_file(path, &len);
	assert_string_equal(text, "brief-state 1\n0000000000000010 5 b=9 panel=0 compare=1\n"
				  "0000000000000020 6\n");
	free(text);
	struct state_entry got = entry(1, 1);
	char *w = NULL;
	assert_int_equal(state_load(path, 0x10, &got, &w), 1);
	assert_null(w);
	assert_int_equal(got.panel, STATE_SHOW_OFF);
	assert_int_equal(got.compare, STATE_SHOW_ON);
	assert_true(got.marks[1] == 9);
	/* Found, but silent on them: the newest entry that says. */
	got = entry(1, 1);
	assert_int_equal(state_load(path, 0x20, &got, &w), 1);
	assert_int_equal(got.pos, 6);
	assert_int_equal(got.panel, STATE_SHOW_OFF);
	/* Not found: an empty entry with the newest choice. */
	got = entry(1, 1);
	assert_int_equal(state_load(path, 0x30, &got, &w), 0);
	assert_true(got.key == 0x30 && got.pos == 0 && got.marks[0] == SIZE_MAX);
	assert_int_equal(got.panel, STATE_SHOW_OFF);
	assert_int_equal(got.compare, STATE_SHOW_ON);
	/* A field of a later version is skipped; a bad value is corrupt. */
	const char *later = "brief-state 1\n0000000000000040 7 c=3 zoom=2 panel=1\n"
			    "0000000000000050 8 panel=2\n0000000000000060 9 panel=1 panel=0\n";
	write_file(path, later, strlen(later));
	got = entry(1, 1);
	assert_int_equal(state_load(path, 0x40, &got, &w), 1);
	assert_non_null(w);     /* the two corrupt lines */
	assert_true(strstr(w, ":3:") != NULL);
	free(w);
	w = NULL;
	assert_int_equal(got.pos, 7);
	assert_true(got.marks[2] == 3);
	assert_int_equal(got.panel, STATE_SHOW_ON);
	assert_int_equal(got.compare, STATE_SHOW_UNSET);
	free(path);
	remove_home(home);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_shown_panes),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_other_entries_survive),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_corrupt_lines),
		cmocka_unit_test(test_bad_header),
		cmocka_unit_test(test_newer_version_untouched),
		cmocka_unit_test(test_symlinked_state_kept),
		cmocka_unit_test(test_symlink_to_other_file_untouched),
		cmocka_unit_test(test_truncated_every_length),
		cmocka_unit_test(test_garbage_and_long_lines),
		cmocka_unit_test(test_cap_drops_oldest),
		cmocka_unit_test(test_modes_and_no_temp_left),
		cmocka_unit_test(test_state_path),
		cmocka_unit_test(test_concurrent_saves),
		cmocka_unit_test(test_unwritable),
		cmocka_unit_test(test_failed_write_keeps_old_file),
		cmocka_unit_test(test_link_to_device_untouched),
		cmocka_unit_test(test_link_to_empty_file_untouched),
		cmocka_unit_test(test_link_to_fifo_untouched),
		cmocka_unit_test(test_state_fifo_refused),
		cmocka_unit_test(test_lock_link_not_followed),
		cmocka_unit_test(test_lock_held_bounded_wait),
		cmocka_unit_test(test_too_big_untouched),
		cmocka_unit_test(test_state_key),
	};
	/* STATE_TEST_FILTER='test_lock_*' runs some alone. */
	const char *filter = getenv("STATE_TEST_FILTER");
	if (filter && *filter)
		cmocka_set_test_filter(filter);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
