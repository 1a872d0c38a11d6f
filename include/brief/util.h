/* Allocation that cannot return NULL, a growable byte buffer, the clock. */
#ifndef BRIEF_UTIL_H
#define BRIEF_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Exit status on allocation failure (sysexits EX_OSERR). */
#define BRIEF_EXIT_NOMEM 71

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow *p (holding *cap elements of size elem) to hold at least need. */
void xgrow(void **p, size_t *cap, size_t need, size_t elem);
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
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

/* Milliseconds on the monotonic clock. */
int64_t now_ms(void);

#endif
