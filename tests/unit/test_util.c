/* Unit tests for util.c's growth helpers: they return the new pointer,
 * double from 8, keep what was there, and exit 71 rather than overflow. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "brief/util.h"

struct pair {
	int a;
	double b;
};

static void test_growarray_doubles(void **state)
{
	(void)state;
	struct pair *v = NULL;
	size_t cap = 0, n = 0;
	size_t seen[8], nseen = 0;
	for (int i = 0; i < 100; i++) {
		v = xgrowarray(v, &cap, n + 1, sizeof *v);
		if (!nseen || seen[nseen - 1] != cap)
			seen[nseen++] = cap;
		v[n++] = (struct pair){ i, i / 2.0 };
	}
	static const size_t want[] = { 8, 16, 32, 64, 128 };
	assert_int_equal(nseen, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < nseen; i++)
		assert_int_equal(seen[i], want[i]);
	for (int i = 0; i < 100; i++)
		assert_int_equal(v[i].a, i);
	/* Enough room: the same pointer, the same capacity. */
	struct pair *same = xgrowarray(v, &cap, 128, sizeof *v);
	assert_ptr_equal(same, v);
	assert_int_equal(cap, 128);
	same = xgrowarray(v, &cap, 0, sizeof *v);
	assert_ptr_equal(same, v);
	/* A jump goes straight to the doubling that holds it. */
	v = xgrowarray(v, &cap, 1000, sizeof *v);
	assert_int_equal(cap, 1024);
	assert_int_equal(v[99].a, 99);
	free(v);
}

static void test_reallocarray(void **state)
{
	(void)state;
	char *p = xreallocarray(NULL, 3, 4);
	memcpy(p, "abcdefghijk", 12);
	p = xreallocarray(p, 100, 4);
	assert_memory_equal(p, "abcdefghijk", 12);
	free(p);
	/* Zero bytes still give a pointer to free. */
	p = xreallocarray(NULL, 0, 4);
	assert_non_null(p);
	free(p);
}

/* Run f in a child; its exit status. */
static int exit_status(void (*f)(void))
{
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* The message goes to a closed stderr: the test output stays clean. */
		freopen("/dev/null", "w", stderr);
		f();
		_exit(0);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void overflow_reallocarray(void)
{
	void *p = xreallocarray(NULL, SIZE_MAX / 2 + 1, 2);
	free(p);
}

static void overflow_growarray(void)
{
	size_t cap = 8;
	void *p = xgrowarray(NULL, &cap, SIZE_MAX / 16 + 1, 16);
	free(p);
}

static void overflow_doubling(void)
{
	size_t cap = SIZE_MAX / 2 + 1;
	void *p = xgrowarray(NULL, &cap, SIZE_MAX, 1);
	free(p);
}

static void test_overflow_exits(void **state)
{
	(void)state;
	assert_int_equal(exit_status(overflow_reallocarray), BRIEF_EXIT_NOMEM);
	assert_int_equal(exit_status(overflow_growarray), BRIEF_EXIT_NOMEM);
	assert_int_equal(exit_status(overflow_doubling), BRIEF_EXIT_NOMEM);
}

/* A byte limit never keeps half a character ("%.60s" did: an orphaned
 * note's anchor of "é"s showed a broken byte in the status line). */
static void test_utf8_cut(void **state)
{
	(void)state;
	static const char e40[] = "a\xc3\xa9\xc3\xa9\xc3\xa9";     /* a é é é: 7 bytes */
	assert_int_equal(utf8_cut(e40, 7, 10), 7);
	assert_int_equal(utf8_cut(e40, 7, 7), 7);
	assert_int_equal(utf8_cut(e40, 7, 6), 5);        /* not inside the third é */
	assert_int_equal(utf8_cut(e40, 7, 4), 3);
	assert_int_equal(utf8_cut(e40, 7, 2), 1);
	assert_int_equal(utf8_cut(e40, 7, 0), 0);
	static const char cjk[] = "\xe4\xb8\xad\xe6\x96\x87";       /* 中文 */
	assert_int_equal(utf8_cut(cjk, 6, 5), 3);
	assert_int_equal(utf8_cut(cjk, 6, 3), 3);
	assert_int_equal(utf8_cut(cjk, 6, 2), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_cut),
		cmocka_unit_test(test_growarray_doubles),
		cmocka_unit_test(test_reallocarray),
		cmocka_unit_test(test_overflow_exits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
