/* Remembered positions and marks: key documents, parse and atomically rewrite the state file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/resource.h>
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
 * format: it is read as empty and never overwritten.
 *
 * Fields added since, within format 1, come after the marks as NAME=VALUE
 * with a NAME of two letters or more, each once: "panel=0|1" and
 * "compare=0|1" (whether the side panel and the comparison were shown).
 * A reader ignores such a field it does not know (a rewrite of the line
 * drops it), so later versions add fields this way; a change that an
 * older reader would misread bumps N instead.  (brief before these fields
 * took any such line for corrupt and dropped it.) */
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

/* ---- reading ------------------------------------------------------------ */

/* brief writes at most STATE_MAX lines of at most 16 + 1 + 20 + 26 * 23 + 1
 * bytes (640 KB); a file over 16 MiB (the annotation file's limit, room for
 * corrupt lines) is not brief's, and is not read to its end. */
#define STATE_FILE_MAX ((size_t)16 << 20)

struct parsed {
	struct state_entry *v;
	size_t n, cap;
	size_t nbad, first_bad;     /* corrupt lines: how many, the first one */
	int newer;                  /* header of a later format version */
	int ours;                   /* the first line is exactly STATE_HEADER */
	int too_big;                /* more than STATE_FILE_MAX bytes */
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

/* A field added within format 1, " NAME=VALUE" at *pp (NAME two letters
 * or more): the ones known are read, others skipped.  0, or -1 if off. */
static int parse_field(const char **pp, const char *end, struct state_entry *e)
{
	const char *p = *pp + 1, *name = p;
	while (p < end && *p >= 'a' && *p <= 'z')
		p++;
	size_t nl = (size_t)(p - name);
	if (p == end || *p++ != '=')
		return -1;
	const char *val = p;
	while (p < end && *p != ' ')
		p++;
	if (p == val)
		return -1;
	enum state_show *show = nl == 5 && !memcmp(name, "panel", 5) ? &e->panel
			      : nl == 7 && !memcmp(name, "compare", 7) ? &e->compare : NULL;
	if (show) {
		if (*show != STATE_SHOW_UNSET || p - val != 1 || (*val != '0' && *val != '1'))
			return -1;
		*show = *val == '1' ? STATE_SHOW_ON : STATE_SHOW_OFF;
	}
	*pp = p;
	return 0;
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
	e->panel = e->compare = STATE_SHOW_UNSET;
	while (p < end) {
		if (end - p >= 4 && p[0] == ' ' && p[1] >= 'a' && p[1] <= 'z' && p[2] >= 'a'
		    && p[2] <= 'z') {
			if (parse_field(&p, end, e))
				return -1;
			continue;
		}
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

/* Every valid entry of the file's text s[0, n) into out. */
static void parse_file(const char *s, size_t n, struct parsed *out)
{
	if (!n)
		return;                 /* s may be NULL: an empty file */
	size_t lineno = 0;
	for (const char *p = s, *end = s + n; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		int whole = nl != NULL;
		size_t len = whole ? (size_t)(nl - p) : (size_t)(end - p);
		const char *line = p;
		p = whole ? nl + 1 : end;
		if (++lineno == 1) {
			if (whole && len == strlen(STATE_HEADER) && !memcmp(line, STATE_HEADER, len)) {
				out->ours = 1;
				continue;
			}
			if (is_newer_header(line, len)) {
				out->newer = 1;
				return;
			}
			bad_line(out, lineno);
			continue;
		}
		struct state_entry e;
		if (!whole || parse_entry(line, len, &e)) {
			bad_line(out, lineno);
			continue;
		}
		out->v = xgrowarray(out->v, &out->cap, out->n + 1, sizeof *out->v);
		out->v[out->n++] = e;
	}
}

/* Read the open regular file fd from its start into b, at most max bytes:
 * 0, 1 when there are more (b is then emptied), -1 with errno. */
static int read_text(int fd, size_t max, struct buf *b)
{
	off_t at = 0;
	for (;;) {
		char chunk[16384];
		ssize_t r = pread(fd, chunk, sizeof chunk, at);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			buf_free(b);
			errno = e;
			return -1;
		}
		if (r == 0)
			return 0;
		if (b->len + (size_t)r > max) {
			buf_free(b);
			return 1;
		}
		buf_add(b, chunk, (size_t)r);
		at += r;
	}
}

/* Read the open regular file fd from its start into out; more than
 * STATE_FILE_MAX bytes are not read but flagged.  0, or -1 with errno. */
static int read_fd(int fd, struct parsed *out)
{
	struct buf b = { 0 };
	int rc = read_text(fd, STATE_FILE_MAX, &b);
	if (rc < 0)
		return -1;
	if (rc > 0)
		out->too_big = 1;
	else
		parse_file(b.data, b.len, out);
	buf_free(&b);
	return 0;
}

/* What a file type is called in a warning. */
static const char *type_name(mode_t m)
{
	return S_ISFIFO(m) ? "a FIFO" : S_ISCHR(m) || S_ISBLK(m) ? "a device"
	       : S_ISSOCK(m) ? "a socket" : S_ISDIR(m) ? "a directory" : "a special file";
}

/* Open path for flags without ever blocking, and only if it is a regular
 * file: a FIFO opened for reading waits for a writer, and opening a device
 * can do anything.  O_NONBLOCK makes the open itself return at once; the
 * type is then checked on what was opened, so nothing can swap it in
 * between.  Returns the descriptor, or -1 with errno (ENOENT: none there)
 * or, for a file that is not regular, errno 0 and *type naming what it is
 * (a directory is EISDIR, as strerror says it). */
static int open_regular(const char *path, int flags, struct stat *st, const char **type)
{
	int fd;
	do
		fd = open(path, flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0) {
		if (errno == EISDIR)
			*type = NULL;
		return -1;
	}
	if (fstat(fd, st)) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		close(fd);
		if (S_ISDIR(st->st_mode)) {
			errno = EISDIR;
			return -1;
		}
		*type = type_name(st->st_mode);
		errno = 0;
		return -1;
	}
	return fd;
}

/* Say what was wrong with a file that was read; returns whether anything was. */
static int warn_parsed(const struct parsed *p, const char *path, char **warning)
{
	if (p->too_big) {
		xsetf(warning, "%s: over 16 MiB, not brief's state: ignored", path);
	} else if (p->newer) {
		xsetf(warning, "%s: written by a newer brief, ignored", path);
	} else if (p->nbad > 1) {
		xsetf(warning, "%s:%zu: corrupt entry ignored (and %zu more)", path,
			    p->first_bad, p->nbad - 1);
	} else if (p->nbad) {
		xsetf(warning, "%s:%zu: corrupt entry ignored", path, p->first_bad);
	}
	return p->too_big || p->newer || p->nbad;
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
	struct stat st;
	const char *type = NULL;
	int fd = open_regular(path, O_RDONLY, &st, &type);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		if (errno)
			xsetf(warning, "%s: %s", path, strerror(errno));
		else
			xsetf(warning, "%s: %s, not a regular file: ignored", path, type);
		return -1;
	}
	int rc = read_fd(fd, &p);
	int err = errno;
	close(fd);
	if (rc) {
		xsetf(warning, "%s: %s", path, strerror(err));
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
	if (!found) {
		memset(out, 0, sizeof *out);
		out->key = key;
		for (int m = 0; m < STATE_MARKS; m++)
			out->marks[m] = SIZE_MAX;
	}
	/* What the newest entry that says it says, for what this one does not. */
	for (size_t k = p.n; k-- > 0 && (!out->panel || !out->compare);) {
		if (!out->panel)
			out->panel = p.v[k].panel;
		if (!out->compare)
			out->compare = p.v[k].compare;
	}
	int bad = warn_parsed(&p, path, warning);
	free(p.v);
	return found ? 1 : bad ? -1 : 0;
}

int state_file_read(const char *path, const char *what, size_t max, struct buf *out,
		    char **warning)
{
	if (warning)
		*warning = NULL;
	if (!path)
		return 1;
	struct stat st;
	const char *type = NULL;
	int fd = open_regular(path, O_RDONLY, &st, &type);
	if (fd < 0) {
		if (errno == ENOENT)
			return 1;
		if (errno)
			xsetf(warning, "%s: %s", path, strerror(errno));
		else
			xsetf(warning, "%s: %s, not a regular file: ignored", path, type);
		return -1;
	}
	int rc = read_text(fd, max, out);
	int err = errno;
	close(fd);
	if (rc > 0)
		xsetf(warning, "%s: over %zu MiB, not brief's %s: ignored", path, max >> 20, what);
	else if (rc < 0)
		xsetf(warning, "%s: %s", path, strerror(err));
	return rc ? -1 : 0;
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

/* Write n bytes at file offset at; 0, or -1 with errno (EFBIG under a file
 * size limit: main ignores SIGXFSZ, so the write fails instead of killing). */
static int pwrite_all(int fd, const char *p, size_t n, off_t at)
{
	while (n) {
		ssize_t w = pwrite(fd, p, n, at);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
		at += w;
	}
	return 0;
}

static void format_entry(struct buf *b, const struct state_entry *e)
{
	buf_printf(b, "%016" PRIx64 " %zu", e->key, e->pos);
	for (int k = 0; k < STATE_MARKS; k++)
		if (e->marks[k] != SIZE_MAX)
			buf_printf(b, " %c=%zu", 'a' + k, e->marks[k]);
	if (e->panel)
		buf_printf(b, " panel=%d", e->panel == STATE_SHOW_ON);
	if (e->compare)
		buf_printf(b, " compare=%d", e->compare == STATE_SHOW_ON);
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

/* Write data to dir/WHAT.tmp.PID and rename it over path. */
static int replace_file(const char *path, const char *dir, const char *what,
			const struct buf *data, char **warning)
{
	struct buf tmp = { 0 };
	buf_printf(&tmp, "%s/%s.tmp.%ld", dir, what, (long)getpid());
	int flags = O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC;
	int fd = open(tmp.data, flags, 0600);
	if (fd < 0 && errno == EEXIST) {
		/* Left by a dead process that had our pid; we hold the lock. */
		unlink(tmp.data);
		fd = open(tmp.data, flags, 0600);
	}
	if (fd < 0) {
		xsetf(warning, "%s: %s", tmp.data, strerror(errno));
		buf_free(&tmp);
		return -1;
	}
	/* The umask may have taken bits away; never more than the user's.
	 * No fsync, of the file or the directory: the rename already keeps a
	 * reader from ever seeing half a file, a position lost to a power cut
	 * costs little, and two fsyncs (1.7 ms here, far more on NFS) would
	 * hold the shell prompt back at every quit. */
	if (fchmod(fd, 0600) || pwrite_all(fd, data->data, data->len, 0)) {
		xsetf(warning, "%s: %s", tmp.data, strerror(errno));
		close(fd);
		unlink(tmp.data);
		buf_free(&tmp);
		return -1;
	}
	if (close(fd)) {
		xsetf(warning, "%s: %s", tmp.data, strerror(errno));
		unlink(tmp.data);
		buf_free(&tmp);
		return -1;
	}
	if (rename(tmp.data, path)) {
		xsetf(warning, "%s: %s", path, strerror(errno));
		unlink(tmp.data);
		buf_free(&tmp);
		return -1;
	}
	buf_free(&tmp);
	return 0;
}

/* Rewrite the open file fd (a link's target, already read and found to be
 * brief's state) in place with data.  Not atomic: a rename would either
 * replace the link or need a temporary file beside the target, outside the
 * state directory.  So that a failure leaves the old text whole, room is
 * asked for first (fallocate, and the file size limit), and the text is
 * mostly the old text again: a write cut short leaves lines that are
 * dropped as corrupt at the next read, never a file that is not ours. */
static int rewrite_in_place(int fd, const char *path, const struct buf *data,
		const struct stat *st, char **warning)
{
	if (data->len > (unsigned long long)st->st_size) {
		struct rlimit rl;
		if (getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY
		    && data->len > rl.rlim_cur) {
			xsetf(warning, "%s: %s", path, strerror(EFBIG));
			return -1;
		}
		if (fallocate(fd, 0, 0, (off_t)data->len) && errno != EOPNOTSUPP
		    && errno != ENOSYS) {
			xsetf(warning, "%s: %s", path, strerror(errno));
			return -1;
		}
	}
	if (pwrite_all(fd, data->data, data->len, 0) || ftruncate(fd, (off_t)data->len)) {
		xsetf(warning, "%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Take an exclusive lock on fd without ever blocking: tries again with
 * growing pauses until wait->max_ms have passed, and stops at once when
 * wait->stop_fd becomes readable.  0 locked; -1 with errno; 1 gave up;
 * 2 told to stop. */
static int take_lock(int fd, const struct state_wait *wait)
{
	int max_ms = wait ? wait->max_ms : STATE_WAIT_MS;
	int stop_fd = wait ? wait->stop_fd : -1;
	int64_t deadline = now_ms() + (max_ms > 0 ? max_ms : 0);
	int pause = 1;
	for (;;) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno == EINTR)
			continue;
		if (errno != EWOULDBLOCK)
			return -1;
		int64_t left = deadline - now_ms();
		if (left <= 0)
			return 1;
		struct pollfd pfd = { .fd = stop_fd, .events = POLLIN };
		int r = poll(&pfd, stop_fd >= 0 ? 1 : 0, left < pause ? (int)left : pause);
		if (r > 0)
			return 2;
		/* A lock is held for the microseconds a save takes: retry
		 * soon at first, then about twenty times a second. */
		if (pause < 50)
			pause *= 2;
	}
}

int state_file_rewrite(const char *path, const struct state_file *f, const struct state_wait *wait,
		       char **warning)
{
	if (warning)
		*warning = NULL;
	const char *what = f->what;
	if (!path) {
		xsetf(warning, "nowhere to keep %s: neither XDG_STATE_HOME nor HOME is set", what);
		return -1;
	}
	/* The lock and the temporary file always go in the file's own
	 * directory, whatever the file is a link to. */
	const char *slash = strrchr(path, '/');
	char *dir = !slash ? xstrdup(".") : slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
	char *real = NULL;
	struct buf lock = { 0 }, data = { 0 }, old = { 0 };
	int lfd = -1, fd = -1, rc = -1;
	struct stat st, lst;
	const char *type = NULL;

	/* A file kept elsewhere through a symbolic link (a dotfiles
	 * repository) is written where the link points and the link kept:
	 * rename() would have put a plain file in its place.  But only into
	 * a regular file that already holds brief's header (f->rewrite says
	 * so): a link to /dev/null (how a history file is turned off), a
	 * device, a FIFO or an empty file is left alone. */
	int linked = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);
	if (linked) {
		real = realpath(path, NULL);
		if (!real) {
			xsetf(warning, "%s: a link to nowhere (%s), not written", path,
				    strerror(errno));
			goto out;
		}
		/* Looked at before it is opened: opening a device can act. */
		if (stat(real, &st)) {
			xsetf(warning, "%s: %s", real, strerror(errno));
			goto out;
		}
		if (!S_ISREG(st.st_mode)) {
			xsetf(warning, "%s: a link to %s (%s), not brief's %s: not overwritten",
				    path, real, type_name(st.st_mode), what);
			goto out;
		}
	} else if (lstat(path, &lst) == 0 && !S_ISREG(lst.st_mode)) {
		if (S_ISDIR(lst.st_mode))
			xsetf(warning, "%s: %s", path, strerror(EISDIR));
		else
			xsetf(warning, "%s: %s, not a regular file: not written", path,
				    type_name(lst.st_mode));
		goto out;
	}

	if (make_dirs(dir)) {
		xsetf(warning, "%s: %s", dir, strerror(errno));
		goto out;
	}
	/* A separate lock file: the file itself is replaced by rename, so a
	 * lock on it would guard a file nobody opens again.  Never through a
	 * link (O_NOFOLLOW), and only a regular file. */
	buf_printf(&lock, "%s/%s.lock", dir, what);
	lfd = open_regular(lock.data, O_RDWR | O_CREAT | O_NOFOLLOW, &st, &type);
	if (lfd < 0) {
		if (errno == ELOOP)
			xsetf(warning, "%s: a symbolic link, not followed: %s not written",
				    lock.data, what);
		else if (errno)
			xsetf(warning, "%s: %s", lock.data, strerror(errno));
		else
			xsetf(warning, "%s: %s, not a regular file: %s not written",
				    lock.data, type, what);
		goto out;
	}
	switch (take_lock(lfd, wait)) {
	case 0:
		break;
	case 1:
		xsetf(warning, "%s: locked by another process for %d ms, %s not written",
			    lock.data, wait ? wait->max_ms : STATE_WAIT_MS, what);
		goto out;
	case 2:
		xsetf(warning, "%s: locked by another process; stopped waiting, %s not written",
			    lock.data, what);
		goto out;
	default:
		xsetf(warning, "%s: %s", lock.data, strerror(errno));
		goto out;
	}

	/* Under the lock, re-read what another instance may have written,
	 * from the very file that is then written (a link's target) or
	 * replaced: what was checked is what is written. */
	if (linked) {
		struct stat before;
		if (stat(real, &before)) {
			xsetf(warning, "%s: %s", real, strerror(errno));
			goto out;
		}
		if (!S_ISREG(before.st_mode)) {
			xsetf(warning, "%s: a link to %s (%s), not brief's %s: not overwritten",
				    path, real, type_name(before.st_mode), what);
			goto out;
		}
		fd = open_regular(real, O_RDWR | O_NOFOLLOW, &st, &type);
		if (fd >= 0 && (st.st_dev != before.st_dev || st.st_ino != before.st_ino)) {
			xsetf(warning, "%s: replaced while being saved, not overwritten", real);
			goto out;
		}
	} else {
		fd = open_regular(path, O_RDONLY | O_NOFOLLOW, &st, &type);
	}
	if (fd < 0 && !(errno == ENOENT && !linked)) {
		if (errno)
			xsetf(warning, "%s: %s", linked ? real : path, strerror(errno));
		else
			xsetf(warning, "%s: %s, not a regular file: not written",
				    linked ? real : path, type);
		goto out;
	}
	if (fd >= 0) {
		int r = read_text(fd, f->max, &old);
		if (r < 0) {
			xsetf(warning, "%s: %s", linked ? real : path, strerror(errno));
			goto out;
		}
		if (r > 0) {
			xsetf(warning, "%s: over %zu MiB, not brief's %s: not overwritten", path,
				    f->max >> 20, what);
			goto out;
		}
	}
	if (f->rewrite(f->ctx, path, linked ? real : NULL, old.data, old.len, &data, warning))
		goto out;
	if (linked)
		rc = rewrite_in_place(fd, real, &data, &st, warning);
	else
		rc = replace_file(path, dir, what, &data, warning);
	if (fd >= 0 && close(fd) && rc == 0) {
		xsetf(warning, "%s: %s", linked ? real : path, strerror(errno));
		rc = -1;
	}
	fd = -1;
out:
	if (fd >= 0)
		close(fd);
	if (lfd >= 0)
		close(lfd);     /* releases the lock */
	buf_free(&old);
	buf_free(&data);
	buf_free(&lock);
	free(dir);
	free(real);
	return rc;
}

/* The state file's new text, e in it (state_file_rewrite's callback). */
static int save_rewrite(void *ctx, const char *path, const char *real, const char *old, size_t n,
			struct buf *out, char **warning)
{
	const struct state_entry *e = ctx;
	struct parsed p = { 0 };
	parse_file(old, n, &p);
	int rc = -1;
	if (p.newer) {
		xsetf(warning, "%s: written by a newer brief, not overwritten", path);
	} else if (real && !p.ours) {
		/* Linked to a file that is not ours (its first line is not
		 * our header, or it has none): leave it be. */
		xsetf(warning, "%s: a link to %s, a file that is not brief's state: not overwritten",
			    path, real);
	} else {
		format_file(out, &p, e);
		rc = 0;
	}
	free(p.v);
	return rc;
}

int state_save(const char *path, const struct state_entry *e, const struct state_wait *wait,
		char **warning)
{
	/* The cast drops const for the callback's context: it only reads. */
	struct state_file f = { "state", STATE_FILE_MAX, save_rewrite, (void *)(uintptr_t)e };
	return state_file_rewrite(path, &f, wait, warning);
}
