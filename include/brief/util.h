/* Allocation that cannot return NULL (a failure exits with BRIEF_EXIT_NOMEM),
 * a growable byte buffer, the clock, a hash. */
#ifndef BRIEF_UTIL_H
#define BRIEF_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Exit status on allocation failure (sysexits EX_OSERR). */
#define BRIEF_EXIT_NOMEM 71
/* fn runs (once) before the out-of-memory message is printed and brief
 * exits: the reader gives the terminal back there, or the message would
 * go to a screen that leaving it then throws away.  NULL: nothing runs. */
void xalloc_on_failure(void (*fn)(void));

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* p reallocated to hold nmemb elements of size size, the product checked
 * for overflow (tmux's xreallocarray).  Returns the new pointer; p is
 * invalid once it moved. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
/* Room for at least need elements of size elem in p, which holds *cap:
 * p itself when it has it, else p reallocated to the next doubling of
 * *cap (8 at first) that does, *cap updated.  Returns the new pointer, to
 * be stored over the old one with its own type, no cast:
 *     m->v = xgrowarray(m->v, &m->cap, m->n + 1, sizeof *m->v);  */
void *xgrowarray(void *p, size_t *cap, size_t need, size_t elem);
/* How many of s's n bytes to keep for at most max: n when it fits, else
 * max moved back to a character's start (s is UTF-8), so that a cut
 * never leaves half a character. */
size_t utf8_cut(const char *s, size_t n, size_t max);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

struct buf {
	char *data; /* always NUL terminated once anything was added */
	size_t len;
	size_t cap;
};

void buf_add(struct buf *b, const void *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
/* s[0, n) as one line: each TAB and LF a space (the document keeps both;
 * a listing, a note or a one-line field of the annotation format may not). */
void buf_add_line(struct buf *b, const char *s, size_t n);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* *slot, when slot is not NULL, freed and replaced by the formatted
 * string (the caller frees it): how the loaders hand back their one
 * warning.  Nothing happens when slot is NULL. */
void xsetf(char **slot, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

/* Eight bytes at a time (w as loaded by memcpy): the high bit of every
 * byte of w at or above 0x80, and the high bit of every byte 'A'..'Z' of
 * a w with none (bytes below 0x80 add without carries between them). */
#define ASCII8_HIGH (UINT64_C(0x0101010101010101) * 0x80)
static inline uint64_t ascii8_capitals(uint64_t w)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	return (w + ones * (0x80 - 'A')) & ~(w + ones * (0x80 - 'Z' - 1)) & ASCII8_HIGH;
}

/* Is there a grapheme cluster break before s[k] (k > 0), known without
 * computing one?  There is before an ASCII character after another, CR LF
 * aside: no ASCII character extends, joins, pairs or prepends, and the
 * rules do not look back past such a break. */
static inline int ascii_break_before(const uint8_t *s, size_t k)
{
	return s[k] < 0x80 && s[k - 1] < 0x80 && !(s[k - 1] == '\r' && s[k] == '\n');
}

/* Milliseconds on the monotonic clock. */
int64_t now_ms(void);

/* 64-bit FNV-1a of n bytes, continuing from h (FNV1A_START to begin): the
 * state key and the tables of ids and figure groups.  Its high bits mix
 * poorly; fold them in before masking. */
#define FNV1A_START UINT64_C(0xcbf29ce484222325)
uint64_t fnv1a(uint64_t h, const void *p, size_t n);

#endif
