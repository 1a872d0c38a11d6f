/* Remembered positions and marks: key documents, parse and atomically rewrite the state file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/state.h"
#include "brief/util.h"

/* The state file is text, one line per document:
 *
 *	brief-state 1
 *	KEY POS a=OFF m=OFF ...
 *
 * KEY is state_key() as 16 hex digits; POS and every OFF are decimal byte
 * offsets; only set marks appear, in letter order, each once; fields are
 * separated by single spaces and every line ends in LF, so a last line
 * without one was cut short and is ignored like any other corrupt line.
 * Entries are oldest first: an update moves its entry to the end, a later
 * line wins over an earlier one with the same key, and beyond STATE_MAX
 * entries the oldest are dropped.  "brief-state N" with N > 1 is a newer
 * format: it is read as empty and never overwritten. */
#define STATE_HEADER "brief-state 1"
#define STATE_MAX 1000

/* How much of each end of a document its key covers. */
#define KEY_SPAN ((size_t)64 * 1024)

uint64_t state_key(const uint8_t *text, size_t len)
{
	uint8_t lenb[8];
	for (int k = 0; k < 8; k++)
		lenb[k] = (uint8_t)((uint64_t)len >> (8 * k));
	uint64_t h = fnv1a(FNV1A_START, lenb, sizeof lenb);
	size_t head = len < KEY_SPAN ? len : KEY_SPAN;
	size_t tail = len - head < KEY_SPAN ? len - head : KEY_SPAN;
	if (head)
		h = fnv1a(h, text, head);
	if (tail)
		h = fnv1a(h, text + len - tail, tail);
	/* FNV's high bits mix poorly; a finaliser spreads every input bit. */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return h;
}

char *state_path(void)
{
	struct buf b = { 0 };
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	/* The XDG spec says to ignore relative paths. */
	if (xdg && xdg[0] == '/')
		buf_printf(&b, "%s/brief/state", xdg);
	else if (home && home[0])
		buf_printf(&b, "%s/.local/state/brief/state", home);
	return b.data;
}

static void set_warning(char **warning, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_warning(char **warning, const char *fmt, ...)
{
	if (!warning)
		return;
	struct buf b = { 0 };
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(*warning);
	*warning = b.data;
}

/* ---- reading ------------------------------------------------------------ */

struct parsed {
	struct state_entry *v;
	size_t n, cap;
	size_t nbad, first_bad;     /* corrupt lines: how many, the first one */
	int newer;                  /* header of a later format version */
};

static int parse_num(const char **pp, const char *end, size_t *out)
{
	const char *p = *pp;
	size_t v = 0;
	if (p == end || *p < '0' || *p > '9')
		return -1;
	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		size_t d = (size_t)(*p - '0');
		if (v > (SIZE_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*pp = p;
	*out = v;
	return 0;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* One entry line without its LF; 0, or -1 when anything is off. */
static int parse_entry(const char *s, size_t len, struct state_entry *e)
{
	const char *p = s, *end = s + len;
	uint64_t key = 0;
	for (int k = 0; k < 16; k++, p++) {
		int d = p < end ? hex_digit(*p) : -1;
		if (d < 0)
			return -1;
		key = key << 4 | (uint64_t)d;
	}
	if (p == end || *p++ != ' ' || parse_num(&p, end, &e->pos))
		return -1;
	for (int k = 0; k < STATE_MARKS; k++)
		e->marks[k] = SIZE_MAX;
	while (p < end) {
		if (end - p < 4 || p[0] != ' ' || p[1] < 'a' || p[1] > 'z' || p[2] != '=')
			return -1;
		size_t *m = &e->marks[p[1] - 'a'];
		p += 3;
		/* SIZE_MAX means unset, so it cannot be a mark. */
		if (*m != SIZE_MAX || parse_num(&p, end, m) || *m == SIZE_MAX)
			return -1;
	}
	e->key = key;
	return 0;
}

static int is_newer_header(const char *s, size_t len)
{
	static const char prefix[] = "brief-state ";
	size_t pl = sizeof prefix - 1;
	if (len <= pl || memcmp(s, prefix, pl))
		return 0;
	const char *p = s + pl;
	size_t v;
	return !parse_num(&p, s + len, &v) && p == s + len && v > 1;
}

static void bad_line(struct parsed *out, size_t lineno)
{
	if (!out->nbad++)
		out->first_bad = lineno;
}

/* Read every valid entry of path into out.  A missing file is empty.
 * Returns 0, or -1 with *err an errno value. */
static int read_entries(const char *path, struct parsed *out, int *err)
{
	FILE *f = fopen(path, "re");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		*err = errno;
		return -1;
	}
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t r;
	while ((r = getline(&line, &cap, f)) != -1) {
		size_t len = (size_t)r;
		int whole = len && line[len - 1] == '\n';
		if (whole)
			len--;
		if (++lineno == 1) {
			if (whole && len == strlen(STATE_HEADER) && !memcmp(line, STATE_HEADER, len))
				continue;
			if (is_newer_header(line, len)) {
				out->newer = 1;
				break;
			}
			bad_line(out, lineno);
			continue;
		}
		struct state_entry e;
		if (!whole || parse_entry(line, len, &e)) {
			bad_line(out, lineno);
			continue;
		}
		xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
		out->v[out->n++] = e;
	}
	int rerr = ferror(f) ? (errno ? errno : EIO) : 0;
	free(line);
	fclose(f);
	if (rerr) {
		*err = rerr;
		return -1;
	}
	return 0;
}

/* Say what was wrong with a file that was read; returns whether anything was. */
static int warn_parsed(const struct parsed *p, const char *path, char **warning)
{
	if (p->newer) {
		set_warning(warning, "%s: written by a newer brief, ignored", path);
	} else if (p->nbad > 1) {
		set_warning(warning, "%s:%zu: corrupt entry ignored (and %zu more)", path,
			    p->first_bad, p->nbad - 1);
	} else if (p->nbad) {
		set_warning(warning, "%s:%zu: corrupt entry ignored", path, p->first_bad);
	}
	return p->newer || p->nbad;
}

/* Returns 1 when found, even if other lines were corrupt (then *warning is
 * set as well); -1 when not found and the file was unreadable or corrupt. */
int state_load(const char *path, uint64_t key, struct state_entry *out, char **warning)
{
	if (warning)
		*warning = NULL;
	if (!path)
		return 0;
	struct parsed p = { 0 };
	int err = 0;
	if (read_entries(path, &p, &err)) {
		set_warning(warning, "%s: %s", path, strerror(err));
		return -1;
	}
	int found = 0;
	for (size_t k = p.n; k-- > 0;) {
		if (p.v[k].key == key) {
			*out = p.v[k];
			found = 1;
			break;
		}
	}
	int bad = warn_parsed(&p, path, warning);
	free(p.v);
	return found ? 1 : bad ? -1 : 0;
}

/* ---- writing ------------------------------------------------------------ */

/* mkdir -p, new directories private to the user. */
static int make_dirs(char *dir)
{
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int r = mkdir(dir, 0700);
		*p = '/';
		if (r && errno != EEXIST)
			return -1;
	}
	if (mkdir(dir, 0700) && errno != EEXIST)
		return -1;
	return 0;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void format_entry(struct buf *b, const struct state_entry *e)
{
	buf_printf(b, "%016" PRIx64 " %zu", e->key, e->pos);
	for (int k = 0; k < STATE_MARKS; k++)
		if (e->marks[k] != SIZE_MAX)
			buf_printf(b, " %c=%zu", 'a' + k, e->marks[k]);
	buf_addc(b, '\n');
}

/* The new file: the newest entry per key, oldest first, e last, at most
 * STATE_MAX in all. */
static void format_file(struct buf *b, const struct parsed *p, const struct state_entry *e)
{
	size_t *keep = xmalloc(STATE_MAX * sizeof *keep);
	uint64_t *seen = xmalloc(STATE_MAX * sizeof *seen);   /* sorted */
	size_t nkeep = 0;
	seen[0] = e->key;
	size_t nseen = 1;
	/* Walk from the newest so the survivors of the cap are the newest. */
	for (size_t k = p->n; k-- > 0 && nkeep < STATE_MAX - 1;) {
		uint64_t key = p->v[k].key;
		size_t lo = 0, hi = nseen;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (seen[mid] < key)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < nseen && seen[lo] == key)
			continue;
		memmove(seen + lo + 1, seen + lo, (nseen - lo) * sizeof *seen);
		seen[lo] = key;
		nseen++;
		keep[nkeep++] = k;
	}
	buf_adds(b, STATE_HEADER "\n");
	while (nkeep)
		format_entry(b, &p->v[keep[--nkeep]]);
	format_entry(b, e);
	free(keep);
	free(seen);
}

/* Write data to dir/state.tmp.PID and rename it over path. */
static int replace_file(const char *path, const char *dir, const struct buf *data, char **warning)
{
	struct buf tmp = { 0 };
	buf_printf(&tmp, "%s/state.tmp.%ld", dir, (long)getpid());
	int fd = open(tmp.data, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0 && errno == EEXIST) {
		/* Left by a dead process that had our pid; we hold the lock. */
		unlink(tmp.data);
		fd = open(tmp.data, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
	}
	if (fd < 0) {
		set_warning(warning, "%s: %s", tmp.data, strerror(errno));
		buf_free(&tmp);
		return -1;
	}
	/* The umask may have taken bits away; never more than the user's.
	 * No fsync, of the file or the directory: the rename already keeps a
	 * reader from ever seeing half a file, a position lost to a power cut
	 * costs little, and two fsyncs (1.7 ms here, far more on NFS) would
	 * hold the shell prompt back at every quit. */
	if (fchmod(fd, 0600) || write_all(fd, data->data, data->len)) {
		set_warning(warning, "%s: %s", tmp.data, strerror(errno));
		close(fd);
		unlink(tmp.data);
		buf_free(&tmp);
		return -1;
	}
	if (close(fd)) {
		set_warning(warning, "%s: %s", tmp.data, strerror(errno));
		unlink(tmp.data);
		buf_free(&tmp);
		return -1;
	}
	if (rename(tmp.data, path)) {
		set_warning(warning, "%s: %s", path, strerror(errno));
		unlink(tmp.data);
		buf_free(&tmp);
		return -1;
	}
	buf_free(&tmp);
	return 0;
}

int state_save(const char *path, const struct state_entry *e, char **warning)
{
	if (warning)
		*warning = NULL;
	if (!path) {
		set_warning(warning, "nowhere to keep state: neither XDG_STATE_HOME nor HOME is set");
		return -1;
	}
	/* A state file kept elsewhere through a symbolic link (a dotfiles
	 * repository) is written where the link points and the link kept:
	 * rename() would have put a plain file in its place. */
	char *real = NULL;
	struct stat lst;
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		real = realpath(path, NULL);
		if (!real) {
			set_warning(warning, "%s: a link to nowhere (%s), not written", path,
				    strerror(errno));
			return -1;
		}
		path = real;
	}
	const char *slash = strrchr(path, '/');
	char *dir = !slash ? xstrdup(".") : slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
	struct buf lock = { 0 }, data = { 0 };
	struct parsed p = { 0 };
	int lfd = -1, rc = -1, err = 0;

	if (make_dirs(dir)) {
		set_warning(warning, "%s: %s", dir, strerror(errno));
		goto out;
	}
	/* A separate lock file: the state file itself is replaced by rename,
	 * so a lock on it would guard a file nobody opens again. */
	buf_printf(&lock, "%s/state.lock", dir);
	lfd = open(lock.data, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (lfd < 0) {
		set_warning(warning, "%s: %s", lock.data, strerror(errno));
		goto out;
	}
	while (flock(lfd, LOCK_EX)) {
		if (errno != EINTR) {
			set_warning(warning, "%s: %s", lock.data, strerror(errno));
			goto out;
		}
	}
	/* Under the lock, re-read what the other instance may have written. */
	if (read_entries(path, &p, &err)) {
		set_warning(warning, "%s: %s", path, strerror(err));
		goto out;
	}
	if (p.newer) {
		set_warning(warning, "%s: written by a newer brief, not overwritten", path);
		goto out;
	}
	/* Linked to a file that is not ours (its first line is not our
	 * header): leave it be. */
	if (real && p.nbad && p.first_bad == 1) {
		set_warning(warning, "%s: a link to a file that is not brief's state, not overwritten",
			    path);
		goto out;
	}
	format_file(&data, &p, e);
	rc = replace_file(path, dir, &data, warning);
out:
	if (lfd >= 0)
		close(lfd);     /* releases the lock */
	free(p.v);
	buf_free(&data);
	buf_free(&lock);
	free(dir);
	free(real);
	return rc;
}
