/* Documents: load bytes, sanitise them for a terminal, index lines, map offsets back. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistr.h>

#include "brief/document.h"
#include "brief/mapguard.h"
#include "brief/util.h"

static size_t page_size(void);

/* Bytes that pass through untouched without decoding. */
static inline int plain_byte(uint8_t c)
{
	return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n';
}

static int starts_with_bom(const uint8_t *s, size_t n)
{
	return n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
}

/* Length of the maximal subpart of an ill-formed sequence at s (Unicode
 * ch. 3, U+FFFD substitution): the longest prefix that could still begin a
 * valid character, at least 1.  u8_mbtouc's own length is not this (it
 * swallows whole surrogates and overlongs), but u8_mbtoucr tells "incomplete"
 * (-2) from "invalid" (-1) exactly, so ask it about growing prefixes. */
static size_t maximal_subpart(const uint8_t *s, size_t n)
{
	size_t m = 1;
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		ucs4_t uc;
		if (u8_mbtoucr(&uc, s, k) != -2)
			break;
		m = k;
	}
	return m;
}

/* First pass: does anything in s[from, n) need replacing?  Eight bytes at a
 * time while they are printable ASCII: this runs over whole large files. */
static int needs_change(const uint8_t *s, size_t n, size_t from)
{
	if (from == 0 && starts_with_bom(s, n))
		return 1;
	size_t i = from;
	while (i < n) {
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			/* Any byte >= 0x80 or < 0x20 (TAB, LF included) or 0x7F stops it. */
			uint64_t hi = w & 0x8080808080808080ull;
			uint64_t lo = (w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull;
			uint64_t del = ((w ^ 0x7f7f7f7f7f7f7f7full) - 0x0101010101010101ull)
				       & ~(w ^ 0x7f7f7f7f7f7f7f7full) & 0x8080808080808080ull;
			if (hi | lo | del)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (plain_byte(s[i])) {
			i++;
			continue;
		}
		if (s[i] < 0x80)
			return 1;
		ucs4_t uc;
		int r = u8_mbtoucr(&uc, s + i, n - i);
		if (r < 0 || !doc_cp_is_safe(uc))
			return 1;
		i += (size_t)r;
	}
	return 0;
}

/* Second pass output: the sanitised text and its replacement list. */
struct san {
	uint8_t *text;
	size_t len, cap;
	struct doc_repl *repl;
	size_t nrepl, rcap;
	int last_mergeable;         /* may the next placeholder extend repl[nrepl-1]? */
};

static void san_add(struct san *o, const uint8_t *p, size_t n)
{
	xgrow((void **)&o->text, &o->cap, o->len + n + 1, 1);
	memcpy(o->text + o->len, p, n);
	o->len += n;
}

/* Emit a replacement of original bytes [orig, orig+orig_len).  Runs of
 * placeholders merge into one entry so binary garbage does not cost an entry
 * per byte; line ends stay separate so an LF maps to its own CR. */
static void san_repl(struct san *o, uint32_t cp, size_t orig, size_t orig_len,
		int mergeable)
{
	size_t off = o->len;
	if (cp) {                   /* 0: removal (a leading BOM) */
		uint8_t u[6];
		int k = u8_uctomb(u, cp, (int)sizeof u);
		san_add(o, u, (size_t)k);
	}
	if (mergeable && o->last_mergeable && o->nrepl) {
		struct doc_repl *r = &o->repl[o->nrepl - 1];
		if (r->off + r->len == off && r->orig + r->orig_len == orig) {
			r->len = o->len - r->off;
			r->orig_len += orig_len;
			return;
		}
	}
	xgrow((void **)&o->repl, &o->rcap, o->nrepl + 1, sizeof *o->repl);
	o->repl[o->nrepl++] = (struct doc_repl){
		.off = off, .len = o->len - off, .orig = orig, .orig_len = orig_len,
	};
	o->last_mergeable = mergeable;
}

/* Append the sanitised form of s[from, n) to o; replacement offsets count
 * from s.  A BOM is dropped only at the very start (elsewhere it is an
 * unsafe character like any other).  from and n never split a character:
 * callers cut after an LF. */
static void sanitize_into(struct san *o, const uint8_t *s, size_t from, size_t n)
{
	/* Output is usually about as long as the input; make room for that. */
	xgrow((void **)&o->text, &o->cap, o->len + (n - from) + 1, 1);
	size_t i = from;
	if (from == 0 && starts_with_bom(s, n)) {
		san_repl(o, 0, 0, 3, 1);
		i = 3;
	}
	while (i < n) {
		uint8_t c = s[i];
		if (plain_byte(c)) {
			size_t j = i + 1;
			while (j < n && plain_byte(s[j]))
				j++;
			san_add(o, s + i, j - i);
			o->last_mergeable = 0;
			i = j;
		} else if (c == '\r') {
			size_t k = (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
			san_repl(o, '\n', i, k, 0);
			i += k;
		} else if (c < 0x20) {
			san_repl(o, 0x2400u + c, i, 1, 1);
			i++;
		} else if (c == 0x7F) {
			san_repl(o, 0x2421u, i, 1, 1);
			i++;
		} else {
			ucs4_t uc;
			int r = u8_mbtoucr(&uc, s + i, n - i);
			if (r < 0) {
				size_t k = maximal_subpart(s + i, n - i);
				san_repl(o, DOC_PH_INVALID, i, k, 1);
				i += k;
			} else if (!doc_cp_is_safe(uc)) {
				san_repl(o, DOC_PH_OTHER, i, (size_t)r, 1);
				i += (size_t)r;
			} else {
				san_add(o, s + i, (size_t)r);
				o->last_mergeable = 0;
				i += (size_t)r;
			}
		}
	}
	xgrow((void **)&o->text, &o->cap, o->len + 1, 1);
	o->text[o->len] = '\0';
}

char *doc_sanitize_str(const char *s, size_t n, size_t *out_len)
{
	const uint8_t *u = (const uint8_t *)s;
	if (!needs_change(u, n, 0)) {
		if (out_len)
			*out_len = n;
		return xstrndup(s, n);
	}
	struct san o = { 0 };
	sanitize_into(&o, u, 0, n);
	free(o.repl);
	if (out_len)
		*out_len = o.len;
	return (char *)o.text;
}

char *doc_sanitize_cstr(const char *s)
{
	return doc_sanitize_str(s, strlen(s), NULL);
}

/* Append the starts of the lines beginning in text[from, to). */
static void index_range(struct doc *d, size_t from, size_t to)
{
	size_t off = from;
	while (off < to) {
		xgrow((void **)&d->line, &d->line_cap, d->nlines + 1, sizeof *d->line);
		d->line[d->nlines++] = off;
		const uint8_t *nl = memchr(d->text + off, '\n', to - off);
		if (!nl)
			break;
		off = (size_t)(nl - d->text) + 1;
	}
}

/* Drop the whole pages of orig[from, to) from this process. */
static void doc_release_orig(const struct doc *d, size_t from, size_t to)
{
	/* Pages mapguard put in place of lost ones are anonymous: dropped,
	 * they would come back as zeros, not line feeds. */
	if (mapguard_tripped())
		return;
	size_t ps = page_size();
	uintptr_t a = ((uintptr_t)(d->orig + from) + ps - 1) / ps * ps;
	uintptr_t b = (uintptr_t)(d->orig + to) / ps * ps;
	if (b > a)
		madvise((void *)a, b - a, MADV_DONTNEED);
}

void doc_release(const struct doc *d, size_t from, size_t to)
{
	if (d->mapped && d->text == d->orig)
		doc_release_orig(d, from, to);
}

/* The first unsafe byte after `ready`: from there on the text is a heap copy
 * whose first `ready` bytes are the same, so nothing computed on them moves;
 * the rest is sanitised slice by slice like the check. */
static void start_sanitising(struct doc *d)
{
	struct san *o = xcalloc(1, sizeof *o);
	/* Room for the whole file and a little growth: no copying as it fills. */
	xgrow((void **)&o->text, &o->cap, d->orig_len + d->orig_len / 16 + 16, 1);
	memcpy(o->text, d->orig, d->ready);
	o->len = d->ready;
	d->san = o;
}

static void sanitise_slice(struct doc *d, size_t to)
{
	struct san *o = d->san;
	size_t from = d->orig_ready, old_len = o->len;
	sanitize_into(o, d->orig, from, to);     /* NUL-terminates */
	d->text_owned = o->text;
	d->text = o->text;
	d->len = o->len;
	d->repl = o->repl;
	d->nrepl = o->nrepl;
	index_range(d, old_len, d->len);
	d->ready = d->len;
	d->orig_ready = to;
	/* The mapping is only read again for error positions now. */
	if (d->mapped)
		doc_release_orig(d, from, to);
	if (to >= d->orig_len) {
		free(d->san);           /* text and repl now belong to d */
		d->san = NULL;
	}
}

int doc_prepare_step(struct doc *d, size_t bytes)
{
	if (doc_complete(d))
		return 1;
	size_t from = d->orig_ready;
	size_t to = d->orig_len - from > bytes ? from + bytes : d->orig_len;
	if (to < d->orig_len) {
		const uint8_t *lf = memchr(d->orig + to, '\n', d->orig_len - to);
		to = lf ? (size_t)(lf - d->orig) + 1 : d->orig_len;
	}
	/* Until something needs replacing, text is orig itself. */
	if (!d->san && needs_change(d->orig, to, from))
		start_sanitising(d);
	if (d->san) {
		sanitise_slice(d, to);
	} else {
		index_range(d, from, to);
		d->ready = d->orig_ready = to;
	}
	return doc_complete(d);
}

void doc_prepare_all(struct doc *d)
{
	while (!doc_prepare_step(d, SIZE_MAX))
		;
}

int doc_shrank(const struct doc *d)
{
	struct stat st;
	/* Reads of the page holding the new end give zeros, not SIGBUS. */
	if (d->mapped && !mapguard_tripped() && fstat(d->map_fd, &st) == 0
	    && (unsigned long long)st.st_size < d->orig_len)
		mapguard_trip(MAPGUARD_SHRANK);
	return mapguard_tripped() != 0;
}

int doc_complete(const struct doc *d)
{
	/* After a lost page, checking on would index a line per byte. */
	return d->orig_ready >= d->orig_len || mapguard_tripped();
}

/* Fill text, repl and lines from orig (which must already be set), checking
 * the first `bytes` (SIZE_MAX: all of it). */
static void doc_prepare(struct doc *d, size_t bytes)
{
	d->text = d->orig;
	d->len = d->orig_len;
	d->ready = d->orig_ready = 0;
	doc_prepare_step(d, bytes);
}

static const uint8_t empty_text[1] = { 0 };

int doc_load_mem(struct doc *d, const char *name, const uint8_t *bytes, size_t n)
{
	memset(d, 0, sizeof *d);
	d->name = xstrdup(name ? name : "(memory)");
	d->orig = n ? bytes : empty_text;
	d->orig_len = n;
	doc_prepare(d, SIZE_MAX);
	return 0;
}

const char *doc_strerror(int e)
{
	return e == EISDIR ? "is a directory" : strerror(e);
}

static int fail(struct doc *d, struct doc_error *err, const char *name, int e,
		const char *reason)
{
	/* A file name is outside text too: sanitised before it is printed. */
	char *safe = doc_sanitize_cstr(name);
	if (err) {
		err->err = e;
		snprintf(err->msg, sizeof err->msg, "%s: %s", safe,
			reason ? reason : doc_strerror(e));
	}
	free(safe);
	doc_free(d);
	return BRIEF_EXIT_NOINPUT;
}

/* Read fd to EOF into a heap buffer with one spare byte for the NUL.  More
 * than DOC_READ_MAX fails with EFBIG: /dev/zero must not eat the memory. */
static int read_all(int fd, uint8_t **out, size_t *out_len)
{
	uint8_t *p = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len > DOC_READ_MAX) {
			free(p);
			errno = EFBIG;
			return -1;
		}
		xgrow((void **)&p, &cap, len + 65536 + 1, 1);
		/* Not past the cap in one read: a device fills all it is given. */
		size_t room = cap - len - 1;
		if (room > DOC_READ_MAX + 1 - len)
			room = DOC_READ_MAX + 1 - len;
		ssize_t r = read(fd, p + len, room);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(p);
			errno = e;
			return -1;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	/* Give back the read-ahead slack: pipes can be large. */
	p = xrealloc(p, len + 1);
	p[len] = '\0';
	*out = p;
	*out_len = len;
	return 0;
}

static int load_fd_named(struct doc *d, int fd, const char *name,
		struct doc_error *err)
{
	uint8_t *p;
	size_t n;
	if (read_all(fd, &p, &n) < 0)
		return fail(d, err, name, errno, errno == EFBIG
			    ? "more than 256 MiB to read to its end; save it to a file and open that"
			    : NULL);
	d->orig_owned = p;
	d->orig = p;
	d->orig_len = n;
	doc_prepare(d, SIZE_MAX);
	return 0;
}

int doc_load_fd(struct doc *d, int fd, const char *name, struct doc_error *err)
{
	memset(d, 0, sizeof *d);
	d->name = xstrdup(name ? name : "(stdin)");
	return load_fd_named(d, fd, d->name, err);
}

static size_t page_size(void)
{
	long ps = sysconf(_SC_PAGESIZE);
	return ps > 0 ? (size_t)ps : 4096;
}

/* Bytes reserved for a mapping of n file bytes: whole pages plus one page of
 * zeros, so text[len] is readable and '\0' even when n fills its last page. */
static size_t map_span(size_t n)
{
	size_t ps = page_size();
	return (n + ps - 1) / ps * ps + ps;
}

/* Map a regular file read-only; returns NULL (errno set) if that fails. */
static const uint8_t *map_file(int fd, size_t n)
{
	size_t span = map_span(n);
	void *base = mmap(NULL, span, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		return NULL;
	void *m = mmap(base, n, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
	/* Unguarded, a file that shrinks would kill us with SIGBUS. */
	if (m == MAP_FAILED || mapguard_add(m, span, n) != 0) {
		int e = errno;
		munmap(base, span);
		errno = e;
		return NULL;
	}
	return m;
}

/* First slice of a lazily opened file: a score of screens, checked and
 * indexed before the first paint (256 KiB took Debian's Reference 1.5
 * million instructions more, a quarter of its start-up). */
#define DOC_FIRST_SLICE ((size_t)64 << 10)

/* Map fd, a regular file of n bytes, as the document (fd is kept, to see
 * the file shrink); 0 if it cannot be mapped and is to be read. */
static int map_into(struct doc *d, int fd, size_t n, size_t first)
{
	const uint8_t *m = map_file(fd, n);
	if (!m)
		return 0;
	d->map_fd = fd;
	d->orig = m;
	d->orig_len = n;
	d->mapped = 1;
	doc_prepare(d, first);
	return 1;
}

/* The open file fd as the document, named name in messages: a regular
 * file mapped from its start, anything else read to its end (so is a
 * regular one a shell handed over partly read, from where it stands).  fd
 * is kept while mapped, to see the file shrink, else closed. */
static int load_open(struct doc *d, int fd, const char *name, struct doc_error *err, size_t first)
{
	struct stat st;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		return fail(d, err, name, e, NULL);
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return fail(d, err, name, EISDIR, NULL);
	}
	/* Size 0 may still have content (/proc): read those like a pipe. */
	if (S_ISREG(st.st_mode) && st.st_size > 0 && lseek(fd, 0, SEEK_CUR) == 0) {
		if ((unsigned long long)st.st_size >= SIZE_MAX / 2) {
			close(fd);
			return fail(d, err, name, EFBIG, NULL);
		}
		if (map_into(d, fd, (size_t)st.st_size, first))
			return 0;
		/* Some file systems cannot map: fall back to reading. */
	}
	int rc = load_fd_named(d, fd, name, err);
	close(fd);
	return rc;
}

static int load_file(struct doc *d, const char *path, struct doc_error *err, size_t first)
{
	memset(d, 0, sizeof *d);
	int fd;
	if (strcmp(path, "-") == 0) {
		/* brief < FILE is mapped as a named file is: the 256 MiB limit
		 * is for what must be read to its end.  A copy of the
		 * descriptor, as the document keeps what it maps. */
		d->name = xstrdup("(stdin)");
		fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3);
		if (fd < 0)
			return fail(d, err, "(stdin)", errno, NULL);
		return load_open(d, fd, "(stdin)", err, first);
	}
	/* The name is shown and printed; the raw path is only opened. */
	d->name = doc_sanitize_cstr(path);
	do
		fd = open(path, O_RDONLY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return fail(d, err, path, errno, NULL);
	return load_open(d, fd, path, err, first);
}

int doc_load_file(struct doc *d, const char *path, struct doc_error *err)
{
	return load_file(d, path, err, SIZE_MAX);
}

int doc_open_file(struct doc *d, const char *path, struct doc_error *err)
{
	return load_file(d, path, err, DOC_FIRST_SLICE);
}

void doc_free(struct doc *d)
{
	if (d->mapped && d->orig) {
		mapguard_remove(d->orig);
		munmap((void *)(uintptr_t)d->orig, map_span(d->orig_len));
		close(d->map_fd);
	}
	free(d->name);
	free(d->orig_owned);
	free(d->text_owned);
	free(d->repl);
	free(d->line);
	free(d->san);
	memset(d, 0, sizeof *d);
}

size_t doc_orig_off(const struct doc *d, size_t off)
{
	if (off >= d->len)
		return d->orig_ready;   /* orig_len once complete */
	/* Last replacement starting at or before off. */
	size_t lo = 0, hi = d->nrepl;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->repl[mid].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return off;
	const struct doc_repl *r = &d->repl[lo - 1];
	if (off < r->off + r->len)
		return r->orig;
	return r->orig + r->orig_len + (off - r->off - r->len);
}

/* Inverse of doc_orig_off: the sanitised offset standing for orig. */
static size_t text_off(const struct doc *d, size_t orig)
{
	if (orig >= d->orig_len)
		return d->len;
	size_t lo = 0, hi = d->nrepl;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->repl[mid].orig <= orig)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return orig;
	const struct doc_repl *r = &d->repl[lo - 1];
	if (orig < r->orig + r->orig_len)
		return r->off;
	return r->off + r->len + (orig - r->orig - r->orig_len);
}

size_t doc_line_at(const struct doc *d, size_t off)
{
	if (d->nlines == 0)
		return 0;
	size_t lo = 0, hi = d->nlines;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->line[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}

size_t doc_line_end(const struct doc *d, size_t i)
{
	if (i + 1 < d->nlines)
		return d->line[i + 1] - 1;
	if (d->ready < d->len)
		return d->ready - 1;    /* the LF that ends the checked part */
	if (d->len && d->text[d->len - 1] == '\n')
		return d->len - 1;
	return d->len;
}

int doc_line_blank(const struct doc *d, size_t i)
{
	return i < d->nlines && d->line[i] == doc_line_end(d, i);
}

#define LF8 UINT64_C(0x0a0a0a0a0a0a0a0a)

size_t doc_next_nonblank(const struct doc *d, size_t i)
{
	if (i >= d->nlines)
		return d->nlines;
	if (!doc_line_blank(d, i))
		return i;
	/* Indexed text ends at ready; lines there end in LF but the last. */
	size_t off = d->line[i], lim = d->ready;
	for (uint64_t w; off + 8 <= lim; off += 8) {
		memcpy(&w, d->text + off, 8);
		if (w != LF8)
			break;
	}
	while (off < lim && d->text[off] == '\n')
		off++;
	return off < lim ? doc_line_at(d, off) : d->nlines;
}

size_t doc_prev_nonblank(const struct doc *d, size_t i)
{
	if (d->nlines == 0)
		return SIZE_MAX;
	if (i >= d->nlines)
		i = d->nlines - 1;
	if (!doc_line_blank(d, i))
		return i;
	/* Every byte before a blank line's start back to the last text is LF. */
	size_t off = d->line[i];
	for (uint64_t w; off >= 8; off -= 8) {
		memcpy(&w, d->text + off - 8, 8);
		if (w != LF8)
			break;
	}
	while (off > 0 && d->text[off - 1] == '\n')
		off--;
	return off ? doc_line_at(d, off - 1) : SIZE_MAX;
}

void doc_orig_linecol(const struct doc *d, size_t orig, size_t *line, size_t *col)
{
	if (orig > d->orig_len)
		orig = d->orig_len;
	/* Past a final line end is the start of a line that has no entry. */
	if (orig == d->orig_len && d->len && d->text[d->len - 1] == '\n') {
		if (line)
			*line = d->nlines + 1;
		if (col)
			*col = 1;
		return;
	}
	size_t i = doc_line_at(d, text_off(d, orig));
	size_t start = d->nlines ? doc_orig_off(d, d->line[i]) : 0;
	size_t c = 1;
	/* Count code points of the original line up to orig; a stray byte is one. */
	for (size_t p = start; p < orig; c++) {
		ucs4_t uc;
		int r = u8_mbtoucr(&uc, d->orig + p, d->orig_len - p);
		p += r > 0 ? (size_t)r : 1;
	}
	if (line)
		*line = i + 1;
	if (col)
		*col = c;
}
