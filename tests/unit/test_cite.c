/* Unit tests for quotations with their source (cite.c) and where copied
 * text goes (clip.c). */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
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

#include "brief/cite.h"
#include "brief/clip.h"
#include "brief/util.h"

static const struct cite_source commentary = {
	.byline = "Cai Liang", .section = "Commentary", .source = "Global Times",
	.family_first = 1,
};

static char *line_of(const struct cite_source *src, enum cite_style st)
{
	struct buf b = { 0 };
	cite_line(&b, src, st);
	if (!b.data)
		buf_adds(&b, "");
	return b.data;
}

static void expect_line(const struct cite_source *src, enum cite_style st, const char *want)
{
	char *got = line_of(src, st);
	if (strcmp(got, want))
		fail_msg("want [%s]\n got [%s]", want, got);
	free(got);
}

static void test_style_names(void **state)
{
	(void)state;
	enum cite_style s;
	assert_int_equal(cite_style_parse("plain", &s), 0);
	assert_int_equal(s, CITE_PLAIN);
	assert_int_equal(cite_style_parse("markdown", &s), 0);
	assert_int_equal(s, CITE_MARKDOWN);
	assert_int_equal(cite_style_parse("apa", &s), 0);
	assert_int_equal(s, CITE_APA);
	assert_int_equal(cite_style_parse("mla", &s), -1);
	assert_string_equal(cite_style_name(CITE_APA), "apa");
}

static void test_plain(void **state)
{
	(void)state;
	/* The issue's own example. */
	expect_line(&commentary, CITE_PLAIN, "— Cai Liang, \"Commentary\", Global Times");
	struct cite_source s = commentary;
	s.line = 12;
	s.where = "article.txt";
	s.title = "Rubio's cancellation";
	s.date = "2025-07-09";
	expect_line(&s, CITE_PLAIN,
		    "— Cai Liang, \"Rubio's cancellation\", Global Times, July 9, 2025, article.txt, line 12");
	struct cite_source none = { 0 };
	expect_line(&none, CITE_PLAIN, "— (unknown source)");
	none.where = "-";
	none.line = 3;
	expect_line(&none, CITE_PLAIN, "— -, line 3");
	/* A page's "By " is not part of the name. */
	struct cite_source by = { .byline = "By Jane Doe", .source = "Example News" };
	expect_line(&by, CITE_PLAIN, "— Jane Doe, Example News");
	/* A date as the page wrote it, when it is no date brief reads. */
	struct cite_source d = { .source = "Example News", .date = "yesterday" };
	expect_line(&d, CITE_PLAIN, "— Example News, yesterday");
}

static void test_markdown(void **state)
{
	(void)state;
	expect_line(&commentary, CITE_MARKDOWN, "— Cai Liang, *Commentary*, Global Times");
	struct buf b = { 0 };
	const char *q = "Rates *rose* to 5% [sic]\n- not a list";
	cite_quote(&b, q, strlen(q), &commentary, CITE_MARKDOWN);
	assert_string_equal(b.data,
			    "> Rates \\*rose\\* to 5% \\[sic\\]\n"
			    "> \\- not a list\n"
			    ">\n"
			    "> — Cai Liang, *Commentary*, Global Times\n");
	buf_free(&b);
	/* Fields are escaped too, and lines that would open a list. */
	struct cite_source f = { .byline = "A_B", .title = "*Rates* [up]", .line = 2, .line_end = 3 };
	expect_line(&f, CITE_MARKDOWN, "\u2014 A\\_B, *\\*Rates\\* \\[up\\]*, lines 2\u20133");
	const char *q2 = "1. first\n12) second\n+ third\n=== rule\nAT&T ~~gone~~\n\nnext";
	cite_quote(&b, q2, strlen(q2), &f, CITE_PLAIN);
	buf_reset(&b);
	cite_quote(&b, q2, strlen(q2), &(struct cite_source){ 0 }, CITE_MARKDOWN);
	assert_string_equal(b.data,
			    "> 1\\. first\n"
			    "> 12\\) second\n"
			    "> \\+ third\n"
			    "> \\=== rule\n"
			    "> AT\\&T \\~\\~gone\\~\\~\n"
			    ">\n"
			    "> next\n"
			    ">\n"
			    "> \u2014 (unknown source)\n");
	buf_free(&b);
}

static void test_apa(void **state)
{
	(void)state;
	expect_line(&commentary, CITE_APA, "Cai, L. (n.d.). Commentary. Global Times.");
	struct cite_source s = {
		.byline = "Jean-Paul Martin and Ana Berg", .title = "Allies asked to pay",
		.source = "Example News", .date = "July 9, 2025", .where = "https://example.org/a",
	};
	expect_line(&s, CITE_APA,
		    "Martin, J.-P., & Berg, A. (2025, July 9). Allies asked to pay. Example News. https://example.org/a");
	s.byline = "Lee Jae-myung";
	s.family_first = 1;
	s.date = "2025-07";
	s.where = NULL;
	expect_line(&s, CITE_APA, "Lee, J.-M. (2025, July). Allies asked to pay. Example News.");
	s.date = "9 July 2025";
	s.byline = "Reuters";
	expect_line(&s, CITE_APA, "Reuters. (2025, July 9). Allies asked to pay. Example News.");
	struct buf b = { 0 };
	cite_quote(&b, "We will not yield.", 18, &commentary, CITE_APA);
	assert_string_equal(b.data, "\"We will not yield.\" (Cai, n.d.)\nCai, L. (n.d.). Commentary. Global Times.\n");
	buf_free(&b);
}

/* APA puts the line in the in-text citation, as it puts a page: the
 * reference entry names the work, not the place in it. */
static void test_apa_in_text(void **state)
{
	(void)state;
	struct buf b = { 0 };
	struct cite_source s = commentary;
	s.line = 12;
	s.where = "article.txt";
	cite_quote(&b, "Q.", 2, &s, CITE_APA);
	assert_string_equal(b.data, "\"Q.\" (Cai, n.d., line 12)\n"
				    "Cai, L. (n.d.). Commentary. Global Times. article.txt\n");
	buf_reset(&b);
	struct cite_source two = { .byline = "By Jean-Paul Martin and Ana Berg", .date = "2025-07-09",
				   .line = 3, .line_end = 4 };
	cite_quote(&b, "Q.", 2, &two, CITE_APA);
	assert_string_equal(b.data, "\"Q.\" (Martin & Berg, 2025, lines 3\u20134)\n"
				    "Martin, J.-P., & Berg, A. (2025, July 9).\n");
	buf_reset(&b);
	struct cite_source three = { .byline = "A One, B Two and C Three", .title = "T" };
	cite_quote(&b, "Q.", 2, &three, CITE_APA);
	assert_string_equal(b.data, "\"Q.\" (One et al., n.d.)\nOne, A., Two, B., & Three, C. (n.d.). T.\n");
	buf_reset(&b);
	struct cite_source anon = { .title = "Allies asked to pay", .line = 7 };
	cite_quote(&b, "Q.", 2, &anon, CITE_APA);
	assert_string_equal(b.data, "\"Q.\" (\"Allies asked to pay\", n.d., line 7)\n"
				    "Allies asked to pay. (n.d.).\n");
	buf_free(&b);
}

static void test_plain_quote(void **state)
{
	(void)state;
	struct buf b = { 0 };
	struct cite_source s = commentary;
	s.line = 12;
	const char *q = "It demands that Japan pay more.";
	cite_quote(&b, q, strlen(q), &s, CITE_PLAIN);
	assert_string_equal(b.data, "It demands that Japan pay more.\n"
				    "— Cai Liang, \"Commentary\", Global Times, line 12\n");
	buf_free(&b);
}

/* ---- clip ---- */

static void test_base64(void **state)
{
	(void)state;
	/* RFC 4648, section 10. */
	static const char *const in[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
	static const char *const out[] = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
	for (size_t i = 0; i < 7; i++) {
		struct buf b = { 0 };
		clip_base64(&b, in[i], strlen(in[i]));
		assert_string_equal(b.data ? b.data : "", out[i]);
		buf_free(&b);
	}
	struct buf b = { 0 };
	const unsigned char bin[] = { 0xFF, 0xFE, 0x00, 0x80 };
	clip_base64(&b, bin, sizeof bin);
	assert_string_equal(b.data, "//4AgA==");
	buf_free(&b);
}

static void test_osc52(void **state)
{
	(void)state;
	struct buf b = { 0 };
	assert_int_equal(clip_osc52(&b, "hi", 2), 0);
	assert_string_equal(b.data, "\033]52;c;aGk=\a");
	/* Over the limit: nothing appended, never half. */
	char *big = xmalloc(CLIP_OSC52_MAX + 1);
	memset(big, 'x', CLIP_OSC52_MAX + 1);
	size_t before = b.len;
	assert_int_equal(clip_osc52(&b, big, CLIP_OSC52_MAX + 1), -1);
	assert_int_equal(b.len, before);
	assert_int_equal(clip_osc52(&b, big, CLIP_OSC52_MAX), 0);
	/* The whole sequence stays under tmux's 100 KB. */
	assert_true(b.len - before < 100000);
	/* Only base64 between the introducer and BEL: no ESC, no C1. */
	for (size_t i = before + 7; i < b.len - 1; i++)
		assert_true((unsigned char)b.data[i] >= 0x20 && (unsigned char)b.data[i] < 0x7F);
	free(big);
	buf_free(&b);
}

static void test_term_has_osc52(void **state)
{
	(void)state;
	assert_true(clip_term_has_osc52("xterm-256color", NULL, NULL));
	assert_true(clip_term_has_osc52("tmux-256color", "/tmp/tmux-0/default,1,0", NULL));
	assert_true(clip_term_has_osc52("xterm-kitty", NULL, NULL));
	assert_false(clip_term_has_osc52("screen-256color", NULL, NULL));
	assert_false(clip_term_has_osc52("screen", NULL, "1234.pts-0.host"));
	/* tmux's default TERM is screen's: TMUX tells them apart, and STY
	 * says GNU screen runs inside tmux. */
	assert_true(clip_term_has_osc52("screen", "/tmp/tmux-0/default,1,0", NULL));
	assert_false(clip_term_has_osc52("screen", "/tmp/tmux-0/default,1,0", "1.pts-1.h"));
	assert_false(clip_term_has_osc52("linux", NULL, NULL));
	assert_false(clip_term_has_osc52("dumb", NULL, NULL));
	assert_false(clip_term_has_osc52("vt100", NULL, NULL));
	assert_false(clip_term_has_osc52("rxvt-unicode-256color", NULL, NULL));
	assert_false(clip_term_has_osc52("putty-256color", NULL, NULL));
	assert_false(clip_term_has_osc52("", NULL, NULL));
	assert_false(clip_term_has_osc52(NULL, NULL, NULL));
}

static char *tmpdir(void)
{
	char *d = xstrdup("/tmp/brief-cite.XXXXXX");
	assert_non_null(mkdtemp(d));
	return d;
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

static void test_to_command(void **state)
{
	(void)state;
	char *d = tmpdir();
	struct buf cmd = { 0 }, out = { 0 };
	buf_printf(&out, "%s/out", d);
	buf_printf(&cmd, "cat > '%s'", out.data);
	struct clip_result r;
	clip_to_command(cmd.data, "copi\xC3\xA9" "d\n", 8, 5000, &r);
	assert_true(r.ok);
	/* Characters, not bytes. */
	assert_string_equal(r.msg, "7 characters to BRIEF_COPY");
	char *got = slurp(out.data);
	assert_string_equal(got, "copi\xC3\xA9" "d\n");
	free(got);
	/* A failing command is reported with its status. */
	clip_to_command("cat >/dev/null; exit 3", "x", 1, 5000, &r);
	assert_false(r.ok);
	assert_string_equal(r.msg, "BRIEF_COPY failed (exit status 3)");
	/* One that never reads 1 MB is stopped, not waited on forever. */
	size_t n = (size_t)1 << 20;
	char *big = xmalloc(n);
	memset(big, 'y', n);
	int64_t t0 = now_ms();
	clip_to_command("sleep 30", big, n, 300, &r);
	assert_false(r.ok);
	assert_true(now_ms() - t0 < 10000);
	assert_non_null(strstr(r.msg, "did not read"));
	/* One that exits without reading: no SIGPIPE kills us. */
	clip_to_command("exit 0", big, n, 2000, &r);
	assert_false(r.ok);
	assert_non_null(strstr(r.msg, "ended before reading"));
	free(big);
	buf_free(&cmd);
	buf_free(&out);
	free(d);
}

/* The reader's way: the job never blocks, and says what to poll for. */
static void test_job_never_blocks(void **state)
{
	(void)state;
	size_t n = (size_t)1 << 20;
	char *big = xmalloc(n);
	memset(big, 'z', n);
	struct clip_result r = { 0 };
	/* The command reads nothing for a while: starting returns at once
	 * with most of the text still to write. */
	int64_t t0 = now_ms();
	struct clip_job *j = clip_job_start("sleep 1; cat >/dev/null", big, n, 5000, &r);
	assert_non_null(j);
	assert_true(now_ms() - t0 < 700);
	int fd, ms;
	short ev;
	clip_job_poll(j, &fd, &ev, &ms);
	assert_true(fd >= 0);
	assert_int_equal(ev, POLLOUT);
	assert_true(ms > 0 && ms <= 5000);
	assert_int_equal(clip_job_step(j, &r), 0);
	/* (How many turns the rest takes depends on how fast the command
	 * reads: with two CPUs it may drain the pipe as fast as it fills.) */
	while (!clip_job_step(j, &r)) {
		clip_job_poll(j, &fd, &ev, &ms);
		struct pollfd p = { fd, ev, 0 };
		assert_true(poll(&p, fd >= 0 ? 1 : 0, ms) >= 0);
	}
	assert_true(r.ok);
	assert_true(clip_job_done(j));
	clip_job_free(j);
	free(big);
}

static void test_to_file(void **state)
{
	(void)state;
	char *d = tmpdir();
	struct buf path = { 0 };
	buf_printf(&path, "%s/state/brief/clips", d);
	struct clip_result r;
	clip_to_file(path.data, "article.txt:12", "First clip.", 11, &r);
	assert_true(r.ok);
	assert_non_null(strstr(r.msg, "11 characters to "));
	clip_to_file(path.data, NULL, "Second\n", 7, &r);
	assert_true(r.ok);
	struct stat st;
	assert_int_equal(stat(path.data, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *got = slurp(path.data);
	assert_non_null(strstr(got, " article.txt:12 ---\nFirst clip.\n\n--- brief clip "));
	assert_non_null(strstr(got, " ---\nSecond\n\n"));
	free(got);
	/* A link is not followed; a FIFO is not waited on. */
	struct buf link = { 0 }, fifo = { 0 }, target = { 0 };
	buf_printf(&target, "%s/target", d);
	buf_printf(&link, "%s/link", d);
	buf_printf(&fifo, "%s/fifo", d);
	int fd = open(target.data, O_CREAT | O_WRONLY, 0600);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(symlink(target.data, link.data), 0);
	clip_to_file(link.data, NULL, "x", 1, &r);
	assert_false(r.ok);
	assert_int_equal(stat(target.data, &st), 0);
	assert_int_equal(st.st_size, 0);
	assert_int_equal(mkfifo(fifo.data, 0600), 0);
	clip_to_file(fifo.data, NULL, "x", 1, &r);
	assert_false(r.ok);
	buf_free(&path);
	buf_free(&link);
	buf_free(&fifo);
	buf_free(&target);
	free(d);
}

static void test_file_path(void **state)
{
	(void)state;
	setenv("XDG_STATE_HOME", "/x/state", 1);
	char *p = clip_file_path();
	assert_string_equal(p, "/x/state/brief/clips");
	free(p);
	setenv("XDG_STATE_HOME", "relative", 1);
	setenv("HOME", "/home/r", 1);
	p = clip_file_path();
	assert_string_equal(p, "/home/r/.local/state/brief/clips");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_style_names),
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_apa),
		cmocka_unit_test(test_apa_in_text),
		cmocka_unit_test(test_plain_quote),
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_osc52),
		cmocka_unit_test(test_term_has_osc52),
		cmocka_unit_test(test_to_command),
		cmocka_unit_test(test_job_never_blocks),
		cmocka_unit_test(test_to_file),
		cmocka_unit_test(test_file_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
