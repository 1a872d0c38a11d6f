/* Unit tests for document.c: sanitising, offset mapping, line table, loading. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <malloc.h>
#include <pthread.h>
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
#include <wchar.h>

#include <cmocka.h>
#include <unistr.h>
#include <uniwidth.h>

#include "brief/document.h"
#include "../../src/doc_private.h"   /* the spans, for the invariants */
#include "brief/mapguard.h"
#include "brief/util.h"

/* Placeholders as UTF-8, for building expectations. */
#define FFFD "\xef\xbf\xbd"
#define PIC_NUL "\xe2\x90\x80"
#define PIC_SOH "\xe2\x90\x81"
#define PIC_STX "\xe2\x90\x82"
#define PIC_BEL "\xe2\x90\x87"
#define PIC_ESC "\xe2\x90\x9b"
#define PIC_US  "\xe2\x90\x9f"
#define PIC_DEL "\xe2\x90\xa1"

/* What must hold for every document, whatever went in. */
static void check_invariants(const struct doc *d)
{
	assert_non_null(d->text);
	assert_int_equal(d->text[d->len], 0);
	assert_null(u8_check(d->text, d->len));
	for (size_t i = 0; i < d->len;) {
		ucs4_t uc;
		int r = u8_mbtoucr(&uc, d->text + i, d->len - i);
		assert_true(r > 0);
		if (!doc_cp_is_safe(uc))
			fail_msg("unsafe U+%04X left at offset %zu", (unsigned)uc, i);
		i += (size_t)r;
	}
	if (d->text == d->orig) {
		assert_int_equal(d->nrepl, 0);
		assert_int_equal(d->len, d->orig_len);
	}
	/* Between replacements the text is the original, byte for byte. */
	size_t off = 0, orig = 0;
	for (size_t k = 0; k < d->nrepl; k++) {
		const struct doc_repl *r = &d->repl[k];
		assert_true(r->off >= off);
		assert_int_equal(r->off - off, r->orig - orig);
		assert_memory_equal(d->text + off, d->orig + orig, r->off - off);
		off = r->off + r->len;
		orig = r->orig + r->orig_len;
	}
	assert_int_equal(d->len - off, d->orig_len - orig);
	if (d->len > off)
		assert_memory_equal(d->text + off, d->orig + orig, d->len - off);
	/* Lines: each starts at 0 or after an LF, and none is skipped. */
	size_t lfs = 0;
	for (size_t i = 0; i < d->len; i++)
		lfs += d->text[i] == '\n';
	size_t want = lfs + (d->len && d->text[d->len - 1] != '\n');
	assert_int_equal(d->nlines, want);
	for (size_t i = 0; i < d->nlines; i++) {
		if (i == 0)
			assert_int_equal(doc_line_start(d, i), 0);
		else
			assert_int_equal(d->text[doc_line_start(d, i) - 1], '\n');
	}
}

/* Sanitise in through both doc_load_mem and doc_sanitize_str; both must
 * give exactly want. */
static void expect_san(const char *in, size_t n, const char *want, size_t want_len)
{
	struct doc d;
	assert_int_equal(doc_load_mem(&d, "t", (const uint8_t *)in, n), 0);
	check_invariants(&d);
	assert_int_equal(d.len, want_len);
	assert_memory_equal(d.text, want, want_len);
	doc_free(&d);

	size_t len = 12345;
	char *s = doc_sanitize_str(in, n, &len);
	assert_int_equal(len, want_len);
	assert_memory_equal(s, want, want_len);
	assert_int_equal(s[len], 0);
	free(s);
}

#define EXPECT(in, want) expect_san(in, sizeof(in) - 1, want, sizeof(want) - 1)

static void test_c0_controls(void **state)
{
	(void)state;
	EXPECT("a\x01" "b\x1f" "c\td\n", "a" PIC_SOH "b" PIC_US "c\td\n");
	EXPECT("\x02\x02", PIC_STX PIC_STX);
}

static void test_nul(void **state)
{
	(void)state;
	EXPECT("a\0b", "a" PIC_NUL "b");
	EXPECT("\0", PIC_NUL);
}

/* A run of five or more of one lone unsafe byte is three placeholders and an
 * ellipsis, one replacement: a sparse file's zeros cost 12 bytes a run,
 * not 3 a byte.  Shorter runs, and runs of a byte that may begin a
 * character, are a placeholder a byte, as before. */
static void test_runs(void **state)
{
	(void)state;
#define ELLIPSIS "\xe2\x80\xa6"
	EXPECT("a\0\0\0\0b", "a" PIC_NUL PIC_NUL PIC_NUL PIC_NUL "b");
	EXPECT("a\0\0\0\0\0b", "a" PIC_NUL PIC_NUL PIC_NUL ELLIPSIS "b");
	EXPECT("\xff\xff\xff\xff\xff\xff\xff", FFFD FFFD FFFD ELLIPSIS);
	EXPECT("\x80\x80\x80\x80\x80\x80", FFFD FFFD FFFD ELLIPSIS);  /* stray continuations */
	EXPECT("\x7f\x7f\x7f\x7f\x7f", PIC_DEL PIC_DEL PIC_DEL ELLIPSIS);
	EXPECT("\xe2\xe2\xe2\xe2\xe2\xe2", FFFD FFFD FFFD FFFD FFFD FFFD); /* a lead byte */
	EXPECT("\xe2\xe2\xe2\xe2\xe2\x80\x80", FFFD FFFD FFFD FFFD "\xe2\x80\x80");
	EXPECT("\0\0\0\0\0\x01\x01\x01\x01\x01", PIC_NUL PIC_NUL PIC_NUL ELLIPSIS
	       PIC_SOH PIC_SOH PIC_SOH ELLIPSIS);
	/* The whole run maps to its start; the byte after it, after it. */
	struct doc d;
	static const char s[] = "ab\0\0\0\0\0\0\0cd";
	doc_load_mem(&d, "t", (const uint8_t *)s, sizeof s - 1);
	check_invariants(&d);
	assert_int_equal(d.len, 2 + 12 + 2);
	for (size_t off = 2; off < 14; off++)
		assert_int_equal(doc_orig_off(&d, off), 2);
	assert_int_equal(doc_orig_off(&d, 14), 9);
	size_t line, col;
	doc_orig_linecol(&d, 9, &line, &col);           /* 'c' */
	assert_int_equal(col, 10);
	doc_free(&d);
#undef ELLIPSIS
}

static void test_del(void **state)
{
	(void)state;
	EXPECT("x\x7fy", "x" PIC_DEL "y");
}

static void test_c1(void **state)
{
	(void)state;
	/* U+009B is a one-character CSI on many terminals. */
	EXPECT("\xc2\x9b" "31m", FFFD "31m");
	EXPECT("\xc2\x80\xc2\x9f", FFFD FFFD);
	assert_false(doc_cp_is_safe(0x85));
}

static void test_escape_sequences(void **state)
{
	(void)state;
	EXPECT("\x1b[31mred\x1b[0m", PIC_ESC "[31mred" PIC_ESC "[0m");
	/* OSC 52 would write the clipboard. */
	EXPECT("\x1b]52;c;aGVsbG8=\x07", PIC_ESC "]52;c;aGVsbG8=" PIC_BEL);
	EXPECT("\x1b]0;title\x1b\\", PIC_ESC "]0;title" PIC_ESC "\\");
}

static void test_bidi(void **state)
{
	(void)state;
	EXPECT("a\xe2\x80\xae" "b", "a" FFFD "b");       /* U+202E RLO */
	EXPECT("a\xe2\x81\xa7" "b", "a" FFFD "b");       /* U+2067 RLI */
	EXPECT("\xd8\x9c\xe2\x80\x8e\xe2\x80\x8f", "");   /* ALM LRM RLM: dropped */
	EXPECT("\xe2\x80\xaa\xe2\x81\xa9", FFFD FFFD);   /* LRE, PDI */
}

static void test_zero_width(void **state)
{
	(void)state;
	EXPECT("a\xe2\x80\x8b" "b", "ab");               /* ZWSP: dropped */
	EXPECT("a\xe2\x80\x8d" "b", "a" FFFD "b");       /* ZWJ */
	EXPECT("a\xe2\x80\x8c" "b", "a\xe2\x80\x8c" "b"); /* ZWNJ is kept */
	EXPECT("a\xe2\x81\xa0" "b", "ab");               /* WORD JOINER: dropped */
	EXPECT("a\xef\xbb\xbf" "b", "ab");               /* BOM not at start: dropped */
	EXPECT("\xf3\xa0\x80\x81", FFFD);                /* TAG U+E0001 */
}

static void test_private_use(void **state)
{
	(void)state;
	EXPECT("\xee\x80\x80", FFFD);                    /* U+E000 */
	EXPECT("\xf3\xb0\x80\x80", FFFD);                /* U+F0000 */
	EXPECT("\xf4\x8f\xbf\xbd", FFFD);                /* U+10FFFD */
}

static void test_unassigned(void **state)
{
	(void)state;
	EXPECT("\xcd\xb8", FFFD);                        /* U+0378 */
	EXPECT("\xce\x80x", FFFD "x");                   /* U+0380 */
	EXPECT("\xf1\x90\x80\x80", FFFD);                /* U+50000, plane 5 */
}

static void test_noncharacters(void **state)
{
	(void)state;
	EXPECT("\xef\xb7\x90", FFFD);                    /* U+FDD0 */
	EXPECT("\xef\xb7\xaf", FFFD);                    /* U+FDEF */
	EXPECT("\xef\xbf\xbe\xef\xbf\xbf", FFFD FFFD);   /* U+FFFE U+FFFF */
	EXPECT("\xf0\x9f\xbf\xbf", FFFD);                /* U+1FFFF */
}

static void test_line_paragraph_separators(void **state)
{
	(void)state;
	EXPECT("a\xe2\x80\xa8" "b\xe2\x80\xa9", "a" FFFD "b" FFFD);
}

/* Format characters that draw nothing are dropped, as a web page's are:
 * "co<SHY>op" reads, searches and names "coop".  What reorders text stays
 * a placeholder. */
static void test_soft_hyphen(void **state)
{
	(void)state;
	EXPECT("co\xc2\xad" "op", "coop");
	EXPECT("Bundes\xc2\xad" "tag", "Bundestag");
	EXPECT("a\xe2\x80\x8b" "b\xe2\x81\xa0" "c", "abc");       /* ZWSP, WJ */
	EXPECT("x\xe2\x80\x8e" "y\xe2\x80\x8f" "z", "xyz");         /* LRM, RLM */
	EXPECT("p\xef\xbb\xbf" "q", "pq");                          /* BOM inside */
	EXPECT("\xe2\x80\xae" "evil", FFFD "evil");                  /* RLO stays */
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
		if (doc_cp_is_invisible(cp))
			assert_false(doc_cp_is_safe(cp));
	/* The offsets past a dropped one map past it. */
	static const char s[] = "co\xc2\xad" "op";
	struct doc d;
	doc_load_mem(&d, "t", (const uint8_t *)s, sizeof s - 1);
	check_invariants(&d);
	assert_int_equal(d.len, 4);
	assert_int_equal(doc_orig_off(&d, 2), 4);
	doc_free(&d);
}

static void test_width_mismatch(void **state)
{
	(void)state;
	EXPECT("\xe4\xb7\x80", FFFD);                    /* U+4DC0 hexagram */
	EXPECT("\xe3\x89\x88", FFFD);                    /* U+3248 */
}

/* Emoji presentation marks are dropped, the character before kept, so that
 * every terminal draws what layout counts: one that joins ❤ + U+FE0F, a
 * keycap or a skin tone draws 2 columns where wcwidth() counts 1 or 4. */
static void test_emoji_presentation(void **state)
{
	(void)state;
	EXPECT("\xe2\x9d\xa4\xef\xb8\x8f!", "\xe2\x9d\xa4!");         /* ❤ VS16 */
	EXPECT("\xe2\x98\xba\xef\xb8\x8e", "\xe2\x98\xba");           /* ☺ VS15 */
	EXPECT("1\xef\xb8\x8f\xe2\x83\xa3 reason", "1 reason");          /* keycap 1 */
	EXPECT("#\xe2\x83\xa3", "#");                                  /* keycap, no VS16 */
	EXPECT("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd ok", "\xf0\x9f\x91\x8d ok"); /* 👍🏽 */
	EXPECT("\xf0\x9f\x8f\xbf", "");                                /* a lone tone */
	/* A ZWJ sequence with tones: the joiners are placeholders, as before. */
	EXPECT("\xf0\x9f\x91\xa9\xf0\x9f\x8f\xbe\xe2\x80\x8d\xf0\x9f\x92\xbb",
	       "\xf0\x9f\x91\xa9" FFFD "\xf0\x9f\x92\xbb");
	/* What is left is as wide to libunistring as to glibc: nothing in it
	 * is a mark a terminal may join. */
	for (uint32_t cp = 0xFE0E; cp <= 0xFE0F; cp++)
		assert_true(doc_cp_is_presentation(cp) && !doc_cp_is_safe(cp));
	assert_true(doc_cp_is_presentation(0x20E3));
	for (uint32_t cp = 0x1F3FB; cp <= 0x1F3FF; cp++)
		assert_true(doc_cp_is_presentation(cp));
	assert_false(doc_cp_is_presentation(0x1F3FA));
	assert_false(doc_cp_is_presentation(0x1F400));
	assert_false(doc_cp_is_presentation(0xFE0D));  /* VS14: not an emoji mark */
	/* The offsets past a dropped mark map past it. */
	static const char s[] = "1\xef\xb8\x8f\xe2\x83\xa3x";
	struct doc d;
	doc_load_mem(&d, "t", (const uint8_t *)s, sizeof s - 1);
	check_invariants(&d);
	assert_int_equal(d.len, 2);
	assert_int_equal(doc_orig_off(&d, 0), 0);
	assert_int_equal(doc_orig_off(&d, 1), 7);
	doc_free(&d);
}

static void test_safe_stays(void **state)
{
	(void)state;
	static const char s[] = "a\xc2\xa0" "b \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80 "
		"e\xcc\x81 \xef\xbf\xbd \xe2\x80\x94 \xea\xb0\x80\n";
	struct doc d;
	assert_int_equal(doc_load_mem(&d, "t", (const uint8_t *)s, sizeof s - 1), 0);
	check_invariants(&d);
	assert_ptr_equal(d.text, (const uint8_t *)s);
	assert_null(d.text_owned);
	doc_free(&d);
	assert_true(doc_cp_is_safe(0xA0));
	assert_true(doc_cp_is_safe(0x4E2D));
	assert_true(doc_cp_is_safe(0x1F600));
	assert_true(doc_cp_is_safe(0x301));
	assert_true(doc_cp_is_safe(0xFFFD));
	assert_true(doc_cp_is_safe(0x2400));
	assert_true(doc_cp_is_safe('\t'));
	assert_false(doc_cp_is_safe('\r'));
	assert_false(doc_cp_is_safe(0xD800));
	assert_false(doc_cp_is_safe(0x110000));
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	EXPECT("a\x80" "b", "a" FFFD "b");               /* lone continuation */
	EXPECT("\x80\xbf", FFFD FFFD);
	EXPECT("a\xe2\x82", "a" FFFD);                   /* truncated at end */
	EXPECT("\xe2\x82" "a", FFFD "a");                /* truncated mid-text */
	EXPECT("\xf0\x9f\x98" "a", FFFD "a");
	EXPECT("\xc0\xaf", FFFD FFFD);                   /* overlong '/' */
	EXPECT("\xe0\x80\x80", FFFD FFFD FFFD);          /* overlong NUL */
	EXPECT("\xed\xa0\x80", FFFD FFFD FFFD);          /* surrogate D800 */
	EXPECT("\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD); /* > U+10FFFF */
	EXPECT("\xff\xfe", FFFD FFFD);
	EXPECT("\xf8\x88\x80\x80\x80", FFFD FFFD FFFD FFFD FFFD);
}

static void test_invalid_repl_lengths(void **state)
{
	(void)state;
	/* Separated by plain text so each subpart is its own replacement: an
	 * offset inside one maps to its first byte, and the byte after it to
	 * the byte after the subpart. */
	static const char s[] = "\xe2\x82" "a\xed\xa0\x80" "b\xf0\x9f\x98";
	/* text: FFFD0-2 a3 FFFD4-6 FFFD7-9 FFFD10-12 b13 FFFD14-16 */
	static const size_t want[] = { 0, 0, 0, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 7, 7, 7, 10 };
	struct doc d;
	doc_load_mem(&d, "t", (const uint8_t *)s, sizeof s - 1);
	check_invariants(&d);
	assert_int_equal(d.len + 1, sizeof want / sizeof want[0]);
	for (size_t off = 0; off <= d.len; off++)
		if (doc_orig_off(&d, off) != want[off])
			fail_msg("offset %zu maps to %zu, want %zu", off, doc_orig_off(&d, off),
				 want[off]);
	doc_free(&d);
}

static void test_crlf_and_cr(void **state)
{
	(void)state;
	EXPECT("a\r\nb\rc\n", "a\nb\nc\n");
	EXPECT("\r\r\n\n", "\n\n\n");
	EXPECT("x\r", "x\n");

	static const char s[] = "a\r\nb\rc";
	struct doc d;
	doc_load_mem(&d, "t", (const uint8_t *)s, sizeof s - 1);
	assert_int_equal(d.nlines, 3);
	assert_int_equal(doc_line_start(&d, 1), 2);
	assert_int_equal(doc_line_start(&d, 2), 4);
	assert_int_equal(doc_orig_off(&d, 1), 1);       /* LF stands for CR LF */
	assert_int_equal(doc_orig_off(&d, 2), 3);
	assert_int_equal(doc_orig_off(&d, 3), 4);
	assert_int_equal(doc_orig_off(&d, 4), 5);
	assert_int_equal(doc_orig_off(&d, 5), 6);
	doc_free(&d);
}

static void test_empty(void **state)
{
	(void)state;
	struct doc d;
	assert_int_equal(doc_load_mem(&d, "t", (const uint8_t *)"", 0), 0);
	check_invariants(&d);
	assert_int_equal(d.len, 0);
	assert_int_equal(d.nlines, 0);
	assert_int_equal(doc_line_at(&d, 0), 0);
	assert_int_equal(doc_line_end(&d, 0), 0);
	assert_int_equal(doc_orig_off(&d, 0), 0);
	size_t line = 0, col = 0;
	doc_orig_linecol(&d, 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	doc_free(&d);
}

static void test_no_final_newline(void **state)
{
	(void)state;
	static const char s[] = "ab\ncd";
	struct doc d;
	doc_load_mem(&d, "t", (const uint8_t *)s, 5);
	check_invariants(&d);
	assert_int_equal(d.nlines, 2);
	assert_int_equal(doc_line_end(&d, 0), 2);
	assert_int_equal(doc_line_end(&d, 1), 5);
	assert_int_equal(doc_line_at(&d, 5), 1);
	doc_free(&d);
}

static void test_only_newlines(void **state)
{
	(void)state;
	struct doc d;
	doc_load_mem(&d, "t", (const uint8_t *)"\n\n\n", 3);
	check_invariants(&d);
	assert_int_equal(d.nlines, 3);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(doc_line_start(&d, i), i);
		assert_int_equal(doc_line_end(&d, i), i);
		assert_int_equal(doc_line_at(&d, i), i);
	}
	assert_int_equal(doc_line_at(&d, 3), 2);
	doc_free(&d);
}

static void test_bom(void **state)
{
	(void)state;
	EXPECT("\xef\xbb\xbfhi\n", "hi\n");
	EXPECT("\xef\xbb\xbf", "");
	EXPECT("\xef\xbb\xbf\xef\xbb\xbf" "x", "x");      /* the second: invisible */

	static const char s[] = "\xef\xbb\xbfhi\nyo";
	struct doc d;
	doc_load_mem(&d, "t", (const uint8_t *)s, sizeof s - 1);
	check_invariants(&d);
	assert_int_equal(d.nrepl, 1);
	assert_int_equal(d.repl[0].len, 0);
	assert_int_equal(d.repl[0].orig_len, 3);
	assert_int_equal(doc_orig_off(&d, 0), 3);       /* 'h' */
	assert_int_equal(doc_orig_off(&d, 3), 6);       /* 'y' */
	assert_int_equal(doc_orig_off(&d, d.len), d.orig_len);
	size_t line, col;
	doc_orig_linecol(&d, 4, &line, &col);           /* 'i' */
	assert_int_equal(line, 1);
	assert_int_equal(col, 2);
	doc_orig_linecol(&d, 0, &line, &col);           /* the BOM itself */
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	doc_free(&d);
}

static void test_orig_off_every_offset(void **state)
{
	(void)state;
	/* orig: A0 CR1 LF2 B3 SOH4 STX5 C6 C0.7 AF8 D9 RLO10-12 中13-15 CR16 */
	static const char s[] = "A\r\nB\x01\x02" "C\xc0\xaf" "D\xe2\x80\xae\xe4\xb8\xad\r";
	/* text: A0 LF1 B2 ␁3-5 ␂6-8 C9 FFFD10-12 FFFD13-15 D16 FFFD17-19 中20-22 LF23.
	 * Adjacent placeholders are merged, so inside a run every offset maps
	 * to the run's first original byte. */
	static const size_t want[] = {
		0, 1, 3, 4, 4, 4, 4, 4, 4, 6, 7, 7, 7, 7, 7, 7, 9, 10, 10, 10,
		13, 14, 15, 16, 17,
	};
	static const char text[] = "A\nB" PIC_SOH PIC_STX "C" FFFD FFFD "D" FFFD
		"\xe4\xb8\xad\n";
	struct doc d;
	doc_load_mem(&d, "t", (const uint8_t *)s, sizeof s - 1);
	check_invariants(&d);
	assert_int_equal(d.len, sizeof text - 1);
	assert_memory_equal(d.text, text, d.len);
	assert_int_equal(d.len + 1, sizeof want / sizeof want[0]);
	for (size_t off = 0; off <= d.len; off++)
		if (doc_orig_off(&d, off) != want[off])
			fail_msg("offset %zu maps to %zu, want %zu", off,
				doc_orig_off(&d, off), want[off]);
	/* Past the end clamps to orig_len. */
	assert_int_equal(doc_orig_off(&d, d.len + 5), d.orig_len);

	size_t line, col;
	doc_orig_linecol(&d, 9, &line, &col);           /* 'D': B SOH STX C c0 af before it */
	assert_int_equal(line, 2);
	assert_int_equal(col, 7);
	doc_orig_linecol(&d, 16, &line, &col);          /* final CR */
	assert_int_equal(line, 2);
	assert_int_equal(col, 10);
	doc_orig_linecol(&d, 2, &line, &col);           /* LF of CRLF */
	assert_int_equal(line, 1);
	assert_int_equal(col, 3);
	doc_orig_linecol(&d, d.orig_len, &line, &col);  /* after the final CR */
	assert_int_equal(line, 3);
	assert_int_equal(col, 1);
	doc_free(&d);
}

static void test_line_table(void **state)
{
	(void)state;
	static const char s[] = "one\ntwo\n\nfour";
	static const size_t starts[] = { 0, 4, 8, 9 };
	static const size_t ends[] = { 3, 7, 8, 13 };
	struct doc d;
	doc_load_mem(&d, "t", (const uint8_t *)s, sizeof s - 1);
	check_invariants(&d);
	assert_int_equal(d.nlines, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(doc_line_start(&d, i), starts[i]);
		assert_int_equal(doc_line_end(&d, i), ends[i]);
	}
	for (size_t off = 0; off <= d.len; off++) {
		size_t want = off < 4 ? 0 : off < 8 ? 1 : off < 9 ? 2 : 3;
		assert_int_equal(doc_line_at(&d, off), want);
	}
	size_t line, col;
	doc_orig_linecol(&d, 11, &line, &col);          /* 'u' of four */
	assert_int_equal(line, 4);
	assert_int_equal(col, 3);
	doc_orig_linecol(&d, d.orig_len, &line, &col);  /* end, no final LF */
	assert_int_equal(line, 4);
	assert_int_equal(col, 5);
	doc_free(&d);
}

static void test_linecol_counts_code_points(void **state)
{
	(void)state;
	static const char s[] = "x\n\xe4\xb8\xad\xff\xc3\xa9z";
	struct doc d;
	doc_load_mem(&d, "t", (const uint8_t *)s, sizeof s - 1);
	size_t line, col;
	doc_orig_linecol(&d, 8, &line, &col);           /* 'z': 中, stray ff, é before */
	assert_int_equal(line, 2);
	assert_int_equal(col, 4);
	doc_free(&d);
}

static void test_sanitize_str(void **state)
{
	(void)state;
	static const char clean[] = "plain \xe4\xb8\xad";
	size_t len;
	char *s = doc_sanitize_str(clean, sizeof clean - 1, &len);
	assert_ptr_not_equal(s, clean);
	assert_string_equal(s, clean);
	assert_int_equal(len, sizeof clean - 1);
	free(s);
	/* Only n bytes are read: the trailing ESC is outside. */
	s = doc_sanitize_str("ab\x1b", 2, &len);
	assert_string_equal(s, "ab");
	free(s);
	s = doc_sanitize_str("\x1b[2J\xe2\x80\xae!", 8, NULL);
	assert_string_equal(s, PIC_ESC "[2J" FFFD "!");
	free(s);
}

/* A name goes inside a one-line message: its line feeds and tabs become
 * pictures too, so "brief: ..." cannot be forged on a line of its own. */
static void test_sanitize_name(void **state)
{
	(void)state;
	char *s = doc_sanitize_name("a\nbrief: forged\tx\x1b]0;t\x07\xff.txt");
	assert_string_equal(s, "a\xe2\x90\x8a" "brief: forged\xe2\x90\x89x" PIC_ESC "]0;t"
			    "\xe2\x90\x87" FFFD ".txt");
	free(s);
	s = doc_sanitize_name("plain name");
	assert_string_equal(s, "plain name");
	free(s);
	s = doc_sanitize_name("\n\n");
	assert_string_equal(s, "\xe2\x90\x8a\xe2\x90\x8a");
	free(s);
}

static void test_free_zeroed(void **state)
{
	(void)state;
	struct doc d;
	memset(&d, 0, sizeof d);
	doc_free(&d);
	doc_load_mem(&d, "t", (const uint8_t *)"a\x01", 2);
	assert_non_null(d.text_owned);
	doc_free(&d);
	assert_null(d.text);
	assert_null(d.lx);
	doc_free(&d);                                   /* twice is harmless */
}

/* Temporary directory per test, removed with its files afterwards. */
struct tmp {
	char dir[64];
	char path[128];
};

static int tmp_setup(void **state)
{
	struct tmp *t = xcalloc(1, sizeof *t);
	strcpy(t->dir, "/tmp/brief-doc-XXXXXX");
	if (!mkdtemp(t->dir)) {
		free(t);
		return -1;
	}
	snprintf(t->path, sizeof t->path, "%s/f", t->dir);
	*state = t;
	return 0;
}

static int tmp_teardown(void **state)
{
	struct tmp *t = *state;
	unlink(t->path);
	rmdir(t->dir);
	free(t);
	return 0;
}

static void write_file(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* brief < FILE: standard input that is a regular file is mapped like a
 * named one (no 256 MiB read limit), unless a shell read part of it. */
static void test_stdin_regular_file(void **state)
{
	struct tmp *t = *state;
	static const char s[] = "first\nsecond line\n";
	write_file(t->path, s, sizeof s - 1);
	int saved = dup(STDIN_FILENO), fd = open(t->path, O_RDONLY);
	assert_true(saved >= 0 && fd >= 0);
	assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	struct doc d;
	struct doc_error err = { 0 };
	assert_int_equal(doc_open_file(&d, "-", &err), 0);
	assert_true(d.mapped);
	assert_string_equal(d.name, "(stdin)");
	assert_int_equal(d.len, sizeof s - 1);
	assert_memory_equal(d.text, s, d.len);
	doc_free(&d);
	/* Six bytes read already: the rest is the article, read, not mapped. */
	assert_int_equal(lseek(STDIN_FILENO, 6, SEEK_SET), 6);
	assert_int_equal(doc_open_file(&d, "-", &err), 0);
	assert_false(d.mapped);
	assert_int_equal(d.len, sizeof s - 1 - 6);
	assert_memory_equal(d.text, s + 6, d.len);
	doc_free(&d);
	assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	close(saved);
	close(fd);
}

static void test_load_file_clean(void **state)
{
	struct tmp *t = *state;
	static const char s[] = "hello\nw\xc3\xb6rld\n";
	write_file(t->path, s, sizeof s - 1);
	struct doc d;
	struct doc_error err = { 0 };
	assert_int_equal(doc_load_file(&d, t->path, &err), 0);
	check_invariants(&d);
	assert_string_equal(d.name, t->path);
	assert_true(d.mapped);
	assert_ptr_equal(d.text, d.orig);               /* zero copy */
	assert_int_equal(d.len, sizeof s - 1);
	assert_memory_equal(d.text, s, d.len);
	assert_int_equal(d.nlines, 2);
	doc_free(&d);
}

/* A mapped file truncated under the reader: no SIGBUS; its lost pages read
 * as line feeds up to its old end and zeros after, stay so when released,
 * and the document checks no further.  In a child: the flag stays set. */
static int truncated_child(const char *path, size_t ps)
{
	size_t n = 32 * ps + 100;                       /* past the first slice */
	char *p = xmalloc(n);
	memset(p, 'x', n);
	for (size_t i = 63; i < n; i += 64)
		p[i] = '\n';                           /* lines: the first slice ends */
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(p, 1, n, f) != n || fclose(f) != 0)
		return 10;
	free(p);
	struct doc d;
	struct doc_error err = { 0 };
	if (doc_open_file(&d, path, &err) != 0 || !d.mapped || mapguard_tripped())
		return 11;
	if (truncate(path, 0) != 0)
		return 12;
	volatile const uint8_t *o = d.orig;
	if (doc_complete(&d) || o[0] != '\n' || o[n - 1] != '\n')
		return 13;                              /* SIGBUS kills before this */
	if (o[n] != '\0')
		return 14;                              /* past the old end: zeros still */
	if (mapguard_tripped() != MAPGUARD_SHRANK)
		return 15;
	doc_release(&d, 0, n);                          /* as a scan does */
	if (o[0] != '\n')
		return 16;
	size_t lines = d.nlines;
	doc_prepare_all(&d);                            /* a line per byte, else */
	if (!doc_complete(&d) || d.nlines != lines)
		return 17;
	doc_free(&d);
	return 0;
}

static void test_load_file_truncated(void **state)
{
	struct tmp *t = *state;
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(truncated_child(t->path, (size_t)sysconf(_SC_PAGESIZE)));
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		fail_msg("the child died of signal %d", WTERMSIG(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* The mapping of this process holding addr, from /proc/self/maps. */
static int find_mapping(const void *addr, uintptr_t *start, char perms[8],
		unsigned long *inode)
{
	FILE *f = fopen("/proc/self/maps", "r");
	assert_non_null(f);
	char *line = NULL;
	size_t cap = 0;
	int found = 0;
	while (!found && getline(&line, &cap, f) > 0) {
		unsigned long lo, hi, ino;
		char pm[8];
		if (sscanf(line, "%lx-%lx %7s %*s %*s %lu", &lo, &hi, pm, &ino) != 4)
			continue;
		if ((uintptr_t)addr >= lo && (uintptr_t)addr < hi) {
			*start = lo;
			memcpy(perms, pm, sizeof pm);
			*inode = ino;
			found = 1;
		}
	}
	free(line);
	fclose(f);
	return found;
}

static void test_load_file_page_multiple(void **state)
{
	struct tmp *t = *state;
	size_t ps = (size_t)sysconf(_SC_PAGESIZE);
	for (size_t pages = 1; pages <= 2; pages++) {
		size_t n = ps * pages;
		char *p = xmalloc(n);
		for (size_t i = 0; i < n; i++)
			p[i] = (i % 64 == 63) ? '\n' : (char)('a' + i % 26);
		write_file(t->path, p, n);
		struct doc d;
		struct doc_error err = { 0 };
		assert_int_equal(doc_load_file(&d, t->path, &err), 0);
		assert_true(d.mapped);
		assert_ptr_equal(d.text, d.orig);
		assert_int_equal(d.len, n);
		assert_int_equal(d.text[d.len], '\0');  /* the zero page behind the file */
		check_invariants(&d);
		assert_int_equal(d.nlines, n / 64);
		/* text[len] must be ours, a private anonymous read-only page, not
		 * whatever mapping happens to sit next to the file. */
		const void *tail = d.text + d.len, *head = d.text;
		uintptr_t start;
		char perms[8];
		unsigned long inode;
		assert_true(find_mapping(head, &start, perms, &inode));
		assert_int_not_equal(inode, 0);
		assert_true(find_mapping(tail, &start, perms, &inode));
		assert_int_equal(start, (uintptr_t)tail);
		assert_string_equal(perms, "r--p");
		assert_int_equal(inode, 0);
		doc_free(&d);
		/* Both released. */
		assert_false(find_mapping(head, &start, perms, &inode));
		assert_false(find_mapping(tail, &start, perms, &inode));

		/* Same size with something to replace: copied, still mapped. */
		p[10] = '\x1b';
		write_file(t->path, p, n);
		assert_int_equal(doc_load_file(&d, t->path, &err), 0);
		assert_true(d.mapped);
		assert_ptr_not_equal(d.text, d.orig);
		assert_int_equal(d.len, n + 2);
		check_invariants(&d);
		assert_int_equal(doc_orig_off(&d, 11), 10);
		assert_int_equal(doc_orig_off(&d, 13), 11);
		doc_free(&d);
		free(p);
	}
}

static void test_load_file_empty(void **state)
{
	struct tmp *t = *state;
	write_file(t->path, "", 0);
	struct doc d;
	struct doc_error err = { 0 };
	assert_int_equal(doc_load_file(&d, t->path, &err), 0);
	check_invariants(&d);
	assert_false(d.mapped);
	assert_int_equal(d.len, 0);
	assert_string_equal((const char *)d.text, "");
	assert_int_equal(d.nlines, 0);
	doc_free(&d);
}

static void test_load_file_missing(void **state)
{
	struct tmp *t = *state;
	struct doc d;
	struct doc_error err = { 0 };
	char *want = NULL;
	assert_true(asprintf(&want, "%s: No such file or directory", t->path) > 0);
	assert_int_equal(doc_load_file(&d, t->path, &err), 66);
	assert_int_equal(err.err, ENOENT);
	assert_string_equal(err.msg, want);
	assert_null(d.name);                            /* left freeable */
	doc_free(&d);
	free(want);
}

static void test_load_file_directory(void **state)
{
	struct tmp *t = *state;
	struct doc d;
	struct doc_error err = { 0 };
	char *want = NULL;
	assert_true(asprintf(&want, "%s: is a directory", t->dir) > 0);
	assert_int_equal(doc_load_file(&d, t->dir, &err), BRIEF_EXIT_NOINPUT);
	assert_int_equal(err.err, EISDIR);
	assert_string_equal(err.msg, want);
	doc_free(&d);
	free(want);
}

/* A writer thread feeding a pipe or FIFO, so the reader sees many short
 * reads.  A thread, not a fork: a forked child would exit with valgrind's
 * leak report on the heap it inherited. */
struct writer {
	pthread_t tid;
	int fd;                     /* write here, or open path when fd < 0 */
	const char *path;
	const char *pat;
	size_t n;
	int ok;
};

static void *writer_main(void *arg)
{
	struct writer *w = arg;
	int fd = w->fd >= 0 ? w->fd : open(w->path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	size_t plen = strlen(w->pat), done = 0;
	while (done < w->n) {
		size_t k = plen < w->n - done ? plen : w->n - done;
		ssize_t r = write(fd, w->pat, k);
		if (r <= 0)
			break;
		done += (size_t)r;
	}
	close(fd);                  /* EOF for the reader */
	w->ok = done == w->n;
	return NULL;
}

static void writer_start(struct writer *w)
{
	assert_int_equal(pthread_create(&w->tid, NULL, writer_main, w), 0);
}

static void writer_join(struct writer *w)
{
	assert_int_equal(pthread_join(w->tid, NULL), 0);
	assert_true(w->ok);
}

static void test_load_fd_pipe(void **state)
{
	(void)state;
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	/* 300 KB: more than one pipe buffer and one read chunk. */
	size_t n = 300 * 1000;
	struct writer w = { .fd = fds[1], .pat = "ab\r\nc\x1b\x07\n", .n = n };
	writer_start(&w);
	struct doc d;
	struct doc_error err = { 0 };
	assert_int_equal(doc_load_fd(&d, fds[0], "(stdin)", &err), 0);
	close(fds[0]);
	writer_join(&w);
	assert_string_equal(d.name, "(stdin)");
	assert_false(d.mapped);
	assert_int_equal(d.orig_len, n);
	check_invariants(&d);
	/* Each 8-byte unit: "ab\nc" ␛ ␇ "\n" = 4 + 3 + 3 + 1 bytes, 2 lines. */
	assert_int_equal(d.len, n / 8 * 11);
	assert_int_equal(d.nlines, n / 8 * 2);
	assert_memory_equal(d.text, "ab\nc" PIC_ESC PIC_BEL "\n", 11);
	doc_free(&d);
}

static void test_load_stdin_dash(void **state)
{
	(void)state;
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], "from stdin\n", 11), 11);
	close(fds[1]);
	int saved = dup(0);
	assert_true(saved >= 0);
	assert_int_equal(dup2(fds[0], 0), 0);
	close(fds[0]);
	struct doc d;
	struct doc_error err = { 0 };
	int rc = doc_load_file(&d, "-", &err);
	dup2(saved, 0);
	close(saved);
	assert_int_equal(rc, 0);
	assert_string_equal(d.name, "(stdin)");
	assert_int_equal(d.len, 11);
	assert_ptr_equal(d.text, d.orig);
	assert_memory_equal(d.text, "from stdin\n", 11);
	check_invariants(&d);
	doc_free(&d);
}

static void test_load_fifo(void **state)
{
	struct tmp *t = *state;
	assert_int_equal(mkfifo(t->path, 0600), 0);
	struct writer w = { .fd = -1, .path = t->path, .pat = "fifo\x01\n", .n = 6 };
	writer_start(&w);
	struct doc d;
	struct doc_error err = { 0 };
	assert_int_equal(doc_load_file(&d, t->path, &err), 0);
	writer_join(&w);
	assert_false(d.mapped);
	assert_string_equal((const char *)d.text, "fifo" PIC_SOH "\n");
	check_invariants(&d);
	doc_free(&d);
}

/* Every code point let through must measure the same in layout
 * (uc_width) and on screen (wcwidth); this keeps the table in cpsafe.c
 * honest across library upgrades. */
static void test_safe_widths_agree(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		fail_msg("C.UTF-8 locale missing");
	size_t safe = 0, bad = 0;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (!doc_cp_is_safe(cp) || cp == '\t' || cp == '\n')
			continue;
		safe++;
		int wc = wcwidth((wchar_t)cp);
		int uc = uc_width(cp, "UTF-8");
		if (wc < 0 || wc != uc) {
			if (bad++ < 10)
				print_error("U+%04X: uc_width %d, wcwidth %d\n",
					(unsigned)cp, uc, wc);
		}
	}
	setlocale(LC_ALL, "C");
	assert_int_equal(bad, 0);
	/* Sanity: most assigned characters survive (Unicode 14 has ~144k). */
	assert_true(safe > 100000);
}


/* A big file opened lazily, stepped to the end in slices, must come out
 * exactly as a whole load: same text, same replacements, same lines; and an
 * offset below `ready` never changes meaning as the rest is checked. */
static void lazy_matches_whole(struct tmp *t, size_t dirty_at)
{
	size_t n = (size_t)3 << 20;
	uint8_t *p = xmalloc(n);
	for (size_t i = 0; i < n; i++)
		p[i] = (i % 61 == 60) ? '\n' : (uint8_t)('a' + i % 26);
	if (dirty_at < n) {
		memcpy(p + dirty_at, "\x1b[31m\xe2\x80\xae\xff", 8);
		memcpy(p + n - 40, "\r\n\x9b", 3);
	}
	write_file(t->path, p, n);
	struct doc whole, lazy;
	struct doc_error err = { 0 };
	assert_int_equal(doc_load_file(&whole, t->path, &err), 0);
	assert_int_equal(doc_open_file(&lazy, t->path, &err), 0);
	assert_true(doc_complete(&whole));
	assert_false(doc_complete(&lazy));             /* 3 MB: only a first slice */
	assert_true(lazy.ready < n);
	size_t first_ready = lazy.ready;
	uint8_t *head = xmalloc(first_ready);
	memcpy(head, lazy.text, first_ready);
	size_t steps = 0;
	while (!doc_prepare_step(&lazy, 100000))
		steps++;
	assert_true(steps > 5);
	assert_memory_equal(lazy.text, head, first_ready);
	assert_int_equal(lazy.len, whole.len);
	assert_memory_equal(lazy.text, whole.text, whole.len);
	assert_int_equal(lazy.text[lazy.len], '\0');
	/* The replacements are kept as spans, which never cross a slice, so
	 * the two tables differ; what they map must not. */
	for (size_t k = 0; k < whole.nrepl; k++)
		for (size_t off = whole.repl[k].off; off <= whole.repl[k].off + whole.repl[k].len;
		     off++)
			assert_int_equal(doc_orig_off(&lazy, off), doc_orig_off(&whole, off));
	assert_int_equal(lazy.nlines, whole.nlines);
	for (size_t i = 0; i < whole.nlines; i += 97)
		assert_int_equal(doc_line_start(&lazy, i), doc_line_start(&whole, i));
	for (size_t off = 0; off <= whole.len; off += 4099) {
		assert_int_equal(doc_orig_off(&lazy, off), doc_orig_off(&whole, off));
		assert_int_equal(doc_line_at(&lazy, off), doc_line_at(&whole, off));
	}
	check_invariants(&lazy);
	free(head);
	free(p);
	doc_free(&whole);
	doc_free(&lazy);
}

/* A line longer than DOC_LINE_MAX is cut into lines of DOC_LINE_MAX as
 * read, never inside a character, with no LF between them; the text is
 * unchanged, and the lines read the same opened lazily or whole. */
static void test_overlong_line_cut(void **state)
{
	struct tmp *t = *state;
	size_t n = DOC_LINE_MAX + DOC_LINE_MAX / 2;
	uint8_t *p = xmalloc(n + 1);
	memset(p, 'x', n);
	/* An é across the first limit: the cut falls before it. */
	p[DOC_LINE_MAX - 1] = 0xC3;
	p[DOC_LINE_MAX] = 0xA9;
	p[n - 1] = '\n';
	p[n] = '\0';
	struct doc d;
	assert_int_equal(doc_load_mem(&d, "t", p, n), 0);
	assert_ptr_equal(d.text, p);                    /* nothing replaced */
	assert_int_equal(d.nlines, 2);
	assert_int_equal(doc_line_start(&d, 1), DOC_LINE_MAX - 1);
	assert_int_equal(doc_line_end(&d, 0), DOC_LINE_MAX - 1);    /* no LF there */
	assert_int_equal(doc_line_end(&d, 1), n - 1);
	assert_int_equal(doc_line_at(&d, DOC_LINE_MAX - 2), 0);
	assert_int_equal(doc_line_at(&d, DOC_LINE_MAX - 1), 1);
	assert_false(doc_line_blank(&d, 0));
	doc_free(&d);
	write_file(t->path, p, n);
	struct doc_error err;
	assert_int_equal(doc_open_file(&d, t->path, &err), 0);
	/* The first slice stops at the cut: no further than that is read. */
	assert_int_equal(d.ready, DOC_LINE_MAX - 1);
	assert_int_equal(d.nlines, 1);
	doc_prepare_all(&d);
	assert_int_equal(d.nlines, 2);
	assert_int_equal(doc_line_start(&d, 1), DOC_LINE_MAX - 1);
	doc_free(&d);
	free(p);
}

/* The heap a document takes, as malloc counts it (glibc's mallinfo2: the
 * arena in use and the blocks mapped); -1 where a sanitizer's allocator
 * keeps its own books. */
static long long heap_in_use(void)
{
#if defined(__SANITIZE_ADDRESS__) || defined(__has_feature)
#if defined(__SANITIZE_ADDRESS__)
	return -1;
#elif __has_feature(address_sanitizer)
	return -1;
#endif
#endif
	struct mallinfo2 mi = mallinfo2();
	return (long long)(mi.uordblks + mi.hblkhd);
}

/* Issue 20 item 4, README's bound: for S bytes, under 3.1 S of heap for any
 * content, and next to nothing for a file of line feeds (8 bytes a line
 * made it 8 S) or of zeros (3 bytes a byte made it 3 S).  The bench
 * (tests/bench/memory.sh) shows the same on 100 MiB and 10 GiB files. */
static void test_memory_bound(void **state)
{
	struct tmp *t = *state;
	if (heap_in_use() < 0)
		skip();
	const size_t n = (size_t)8 << 20;
	uint8_t *p = xmalloc(n);
	static const struct {
		const char *what;
		uint8_t a, b;           /* the file is a b a b ... */
		double most;            /* of n */
	} shapes[] = {
		{ "line feeds", '\n', '\n', 0.01 },
		{ "zeros", 0, 0, 0.01 },
		{ "NUL lines", 0, '\n', 2.1 },
		{ "one-letter lines", 'a', '\n', 0.01 },
		{ "C0 controls", 1, 2, 3.1 },
	};
	for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
		for (size_t i = 0; i < n; i++)
			p[i] = i & 1 ? shapes[k].b : shapes[k].a;
		write_file(t->path, p, n);
		long long before = heap_in_use();
		struct doc d;
		struct doc_error err;
		assert_int_equal(doc_load_file(&d, t->path, &err), 0);
		long long used = heap_in_use() - before;
		if (used > (long long)(shapes[k].most * (double)n) + (1 << 20))
			fail_msg("%s: %lld bytes of heap for %zu bytes of file", shapes[k].what, used, n);
		doc_free(&d);
	}
	free(p);
}

/* doc_next_nonblank / doc_prev_nonblank against a walk over every line. */
static void check_blank_skips(const struct doc *d)
{
	for (size_t i = 0; i <= d->nlines + 1; i++) {
		size_t want = i;
		while (want < d->nlines && doc_line_blank(d, want))
			want++;
		if (want > d->nlines)
			want = d->nlines;
		if (doc_next_nonblank(d, i) != want)
			fail_msg("next non-blank from line %zu: %zu, want %zu", i, doc_next_nonblank(d, i), want);
		size_t back = SIZE_MAX;
		for (size_t l = i < d->nlines ? i + 1 : d->nlines; l-- > 0;)
			if (!doc_line_blank(d, l)) {
				back = l;
				break;
			}
		if (doc_prev_nonblank(d, i) != back)
			fail_msg("last non-blank up to line %zu: %zu, want %zu", i, doc_prev_nonblank(d, i), back);
	}
}

static void test_blank_runs(void **state)
{
	(void)state;
	/* Runs of 0 to 19 blank lines (the skip reads 8 bytes at a time), at
	 * the start, between text and at the end, with and without a final LF;
	 * CRLF blank lines are LF once sanitised. */
	unsigned seed = 7;
	for (int shape = 0; shape < 40; shape++) {
		char text[4096];
		size_t n = 0;
		int lines = shape % 7 + 1;
		for (int l = 0; l < lines; l++) {
			seed = seed * 1103515245u + 12345u;
			int run = (int)((seed >> 16) % 20);
			for (int b = 0; b < run; b++)
				n += (size_t)snprintf(text + n, sizeof text - n, shape % 5 == 4 ? "\r\n" : "\n");
			if (l + 1 < lines || shape % 3)
				n += (size_t)snprintf(text + n, sizeof text - n, "line %d\n", l);
		}
		if (shape % 4 == 1 && n && text[n - 1] == '\n')
			n--;                            /* no final newline */
		struct doc d;
		assert_int_equal(doc_load_mem(&d, "t", (const uint8_t *)text, n), 0);
		check_blank_skips(&d);
		doc_free(&d);
	}
	struct doc d;
	assert_int_equal(doc_load_mem(&d, "t", (const uint8_t *)"", 0), 0);
	assert_int_equal(doc_next_nonblank(&d, 0), d.nlines);
	assert_int_equal(doc_prev_nonblank(&d, 0), SIZE_MAX);
	check_blank_skips(&d);
	doc_free(&d);
	assert_int_equal(doc_load_mem(&d, "t", (const uint8_t *)"\n\n\n\n\n\n\n\n\n\n", 10), 0);
	assert_int_equal(doc_next_nonblank(&d, 0), d.nlines);
	assert_int_equal(doc_prev_nonblank(&d, SIZE_MAX), SIZE_MAX);
	doc_free(&d);
}

/* A run of blank lines across the first slice of a lazily opened file: a
 * skip stops where the checked text does, and finds the rest once it is. */
static void test_blank_run_lazy(void **state)
{
	struct tmp *t = *state;
	size_t n = (size_t)3 << 20;
	uint8_t *p = xmalloc(n);
	memset(p, '\n', n);
	memcpy(p, "head\n", 5);
	memcpy(p + n - 5, "tail\n", 5);
	write_file(t->path, p, n);
	struct doc d;
	struct doc_error err = { 0 };
	assert_int_equal(doc_open_file(&d, t->path, &err), 0);
	assert_false(doc_complete(&d));
	assert_int_equal(doc_next_nonblank(&d, 1), d.nlines);
	assert_int_equal(doc_prev_nonblank(&d, SIZE_MAX), 0);
	doc_prepare_all(&d);
	assert_true(doc_complete(&d));
	assert_int_equal(doc_next_nonblank(&d, 1), d.nlines - 1);
	assert_int_equal(doc_prev_nonblank(&d, d.nlines - 2), 0);
	assert_int_equal(doc_prev_nonblank(&d, SIZE_MAX), d.nlines - 1);
	free(p);
	doc_free(&d);
}

static void test_lazy_clean(void **state)
{
	lazy_matches_whole(*state, SIZE_MAX);
}

static void test_lazy_dirty_late(void **state)
{
	lazy_matches_whole(*state, (size_t)2 << 20);   /* after the first slice */
}

static void test_lazy_dirty_early(void **state)
{
	lazy_matches_whole(*state, 100);               /* inside the first slice */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_c0_controls),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_del),
		cmocka_unit_test(test_runs),
		cmocka_unit_test(test_c1),
		cmocka_unit_test(test_escape_sequences),
		cmocka_unit_test(test_bidi),
		cmocka_unit_test(test_zero_width),
		cmocka_unit_test(test_private_use),
		cmocka_unit_test(test_unassigned),
		cmocka_unit_test(test_noncharacters),
		cmocka_unit_test(test_line_paragraph_separators),
		cmocka_unit_test(test_soft_hyphen),
		cmocka_unit_test(test_width_mismatch),
		cmocka_unit_test(test_safe_stays),
		cmocka_unit_test(test_emoji_presentation),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_invalid_repl_lengths),
		cmocka_unit_test(test_crlf_and_cr),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_no_final_newline),
		cmocka_unit_test(test_only_newlines),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_orig_off_every_offset),
		cmocka_unit_test(test_line_table),
		cmocka_unit_test(test_linecol_counts_code_points),
		cmocka_unit_test(test_sanitize_str),
		cmocka_unit_test(test_sanitize_name),
		cmocka_unit_test(test_free_zeroed),
		cmocka_unit_test_setup_teardown(test_load_file_clean, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_stdin_regular_file, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_load_file_truncated, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_load_file_page_multiple, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_load_file_empty, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_load_file_missing, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_load_file_directory, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_load_fd_pipe),
		cmocka_unit_test(test_load_stdin_dash),
		cmocka_unit_test_setup_teardown(test_load_fifo, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_safe_widths_agree),
		cmocka_unit_test_setup_teardown(test_overlong_line_cut, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_memory_bound, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_blank_runs),
		cmocka_unit_test_setup_teardown(test_blank_run_lazy, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_lazy_clean, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_lazy_dirty_late, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_lazy_dirty_early, tmp_setup, tmp_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
