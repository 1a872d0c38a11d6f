/* Documents: load bytes (mapped, doc_map.c, or read), check and index them
 * slice by slice (doc_sanitize.c, doc_lines.c), notice a mapped file
 * shrink, copy text out as it is now. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/document.h"
#include "brief/mapguard.h"
#include "brief/util.h"
#include "doc_private.h"

/* The first line end (LF, or CR: the text has LF for both) in s[from,
 * to), else to. */
static size_t line_end(const uint8_t *s, size_t from, size_t to)
{
	const uint8_t *lf = memchr(s + from, '\n', to - from);
	size_t end = lf ? (size_t)(lf - s) : to;
	const uint8_t *cr = memchr(s + from, '\r', end - from);
	return cr ? (size_t)(cr - s) : end;
}

/* Where the last line that starts in s[from, to) starts (from begins one). */
static size_t last_line_start(const uint8_t *s, size_t from, size_t to)
{
	const uint8_t *lf = memrchr(s + from, '\n', to - from);
	size_t start = lf ? (size_t)(lf - s) + 1 : from;
	/* A CR ends a line too (one followed by its LF is found ending the
	 * next, empty, stretch: no cut falls between them). */
	const uint8_t *cr = memrchr(s + start, '\r', to - start);
	return cr ? (size_t)(cr - s) + 1 : start;
}

/* Where to cut an overlong line that starts at line: at limit, moved back
 * to the lead byte of a character the cut would split. */
static size_t cut_point(const uint8_t *s, size_t line, size_t limit)
{
	size_t p = limit;
	while (p > line && limit - p < 3 && (s[p] & 0xC0) == 0x80)
		p--;
	/* Not a character's lead after all (stray continuation bytes): cut
	 * them where the limit fell. */
	if ((s[p] & 0xC0) == 0x80 || s[p] < 0xC2)
		p = limit;
	return p;
}

int doc_prepare_step(struct doc *d, size_t bytes)
{
	if (doc_complete(d))
		return 1;
	size_t from = d->orig_ready;
	if (bytes > DOC_LINE_MAX)
		bytes = DOC_LINE_MAX;
	size_t to = d->orig_len - from > bytes ? from + bytes : d->orig_len;
	if (to < d->orig_len) {
		/* The slice ends with the line that holds `to`, or cuts it
		 * DOC_LINE_MAX after its start: slices begin lines, so that
		 * is the last LF before `to`, else `from`.  An LF right at
		 * the limit still ends the line. */
		size_t line = last_line_start(d->orig, from, to);
		size_t limit = d->orig_len - line > DOC_LINE_MAX ? line + DOC_LINE_MAX : d->orig_len;
		size_t look = limit < d->orig_len ? limit + 1 : limit;
		size_t end = line_end(d->orig, to, look);
		if (end < look)
			to = end + (d->orig[end] == '\r' && end + 1 < d->orig_len
				    && d->orig[end + 1] == '\n') + 1;
		else if (limit < d->orig_len)
			to = cut_point(d->orig, line, limit);
		else
			to = d->orig_len;
	}
	/* Until something needs replacing, text is orig itself. */
	if (!d->san && doc_sanitize_needed(d->orig, to, from))
		doc_sanitize_start(d);
	if (d->san) {
		size_t text_from = d->ready;
		doc_sanitize_slice(d, to);
		doc_lines_index(d, text_from, d->ready, from);
		/* The mapping is only read again for error positions now. */
		if (d->mapped)
			doc_map_release(d, from, to);
	} else {
		doc_lines_index(d, from, to, from);
		d->ready = d->orig_ready = to;
	}
	return doc_complete(d);
}

void doc_prepare_all(struct doc *d)
{
	/* Checking a mapped file that needs nothing replaced reads all of
	 * it, and what is read stays mapped until the scan hands it back: a
	 * search or a G at once made all of a 100 MB file resident.  Each
	 * slice is handed back as it is indexed; the scan reads it again
	 * from the page cache. */
	while (!doc_complete(d)) {
		size_t from = d->ready;
		doc_prepare_step(d, SIZE_MAX);
		doc_release(d, from, d->ready);
	}
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

int doc_copy_text(const struct doc *d, size_t from, size_t to, char **out, size_t *out_len,
		  int *changed)
{
	if (changed)
		*changed = 0;
	if (to > d->len)
		to = d->len;
	if (from > to)
		from = to;
	size_t n = to - from;
	char *c = xmalloc(n + 1);
	memcpy(c, d->text + from, n);   /* a lost page reads as LF and trips the guard */
	c[n] = '\0';
	if (mapguard_tripped()) {
		free(c);
		return -1;
	}
	/* Only a mapped file changes under us: a heap text is ours.  Text
	 * that was checked needs no change, so a copy that does is not what
	 * was checked: the zeros of the page that holds a shrunk file's new
	 * end (no fault there), or a rewrite in place. */
	if (d->mapped && d->text == d->orig && doc_sanitize_needed((const uint8_t *)c, n, 0)) {
		if (doc_shrank(d)) {
			free(c);
			return -1;
		}
		char *safe = doc_sanitize_str(c, n, &n);
		free(c);
		c = safe;
		if (changed)
			*changed = 1;
	}
	*out = c;
	*out_len = n;
	return 0;
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
	if (bytes == SIZE_MAX)
		doc_prepare_all(d);     /* in slices of at most DOC_LINE_MAX */
	else
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
	char *safe = doc_sanitize_name(name);
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
		p = xgrowarray(p, &cap, len + 65536 + 1, 1);
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

/* First slice of a lazily opened file: a score of screens, checked and
 * indexed before the first paint (256 KiB took Debian's Reference 1.5
 * million instructions more, a quarter of its start-up). */
#define DOC_FIRST_SLICE ((size_t)64 << 10)

/* Map fd, a regular file of n bytes, as the document (fd is kept, to see
 * the file shrink); 0, errno set, if it cannot be mapped. */
static int map_into(struct doc *d, int fd, size_t n, size_t first)
{
	const uint8_t *m = doc_map_file(fd, n);
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
		/* Some file systems cannot map, and a limit on address space
		 * (ulimit -v) refuses a large mapping: a file that fits what is
		 * read to its end is read; a larger one is not a pipe, and is
		 * not told to be saved to a file. */
		if ((unsigned long long)st.st_size > DOC_READ_MAX) {
			int e = errno;
			char reason[160];
			snprintf(reason, sizeof reason, "cannot map the file into memory (%s%s)",
				 strerror(e), e == ENOMEM ? ": a limit on address space, ulimit -v?" : "");
			close(fd);
			int rc = fail(d, err, name, e, reason);
			return e == ENOMEM ? BRIEF_EXIT_NOMEM : rc;
		}
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
	d->name = doc_sanitize_name(path);
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
		doc_map_unmap(d->orig, d->orig_len);
		close(d->map_fd);
	}
	free(d->name);
	free(d->orig_owned);
	free(d->text_owned);
	free(d->repl);
	doc_lines_free(d);
	free(d->san);
	memset(d, 0, sizeof *d);
}

