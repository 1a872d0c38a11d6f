/* ptydrive: run a full-screen program on a pseudo-terminal, feed it scripted
 * keys and measure what it writes and how long it takes.
 *
 *   ptydrive [-x] [-s COLSxROWS] [-p PATTERN] [-t TIMEOUT_S] [-o RAWLOG] -f SCRIPT -- CMD [ARG]...
 *
 * -x answers the terminal query DECRQM for mode 69 (left/right margins) as
 * xterm does, "\e[?69;2$y", so a program that asks can use them; without
 * it the terminal stays silent, as tmux and most others are.
 *
 * The child runs with a clean environment: PATH, TERM=xterm-256color,
 * LANG=C.UTF-8, LC_ALL=C.UTF-8, LESSHISTFILE=- and HOME set to a fresh
 * temporary directory (removed afterwards).
 *
 * "Settled" means the program waits for input and has nothing left to say:
 * /proc/PID/syscall shows it blocked in read() on the terminal, or in
 * poll/ppoll/select/pselect6 with no timeout; the terminal's input queue is
 * empty (it has taken every key) and no output is pending on the master.
 *
 * SCRIPT, one command a line ('#' starts a comment); KEYS are bytes with the
 * escapes \r \n \e \s (space) \t \\ \xNN:
 *   start                  wait for the first settle; reports paint_ms (first
 *                          time PATTERN appeared in the output, else the
 *                          settle), settle_ms, paint_bytes, bytes
 *   send KEYS              send KEYS at once, wait for the settle, report nothing
 *   keys LABEL N KEYS      N times: send KEYS, wait for the settle; reports the
 *                          mean bytes, median ms and mean write(2) calls (from
 *                          /proc/PID/io syscw) per repetition, and the mean
 *                          bytes of text, of SGR and of other controls
 *   seq LABEL KEYS         each byte of KEYS as one key, each followed by a
 *                          settle; reports total bytes and ms; the CPU the
 *                          child spends from here to its exit is reported by
 *                          quit as session_cpu_ms
 *   idle LABEL SECONDS     sleep; reports the context switches of the child
 *                          (voluntary + involuntary) and bytes written meanwhile
 *   note TEXT              with -o, write "=== TEXT ===" into the raw log
 *   quit KEYS              send KEYS, wait for exit; reports cpu_ms (utime +
 *                          stime from wait4), maxrss_kb and session_cpu_ms
 *
 * Output: one line per report, "LABEL key=value ...". Exit 0 on success, 1 if
 * a step timed out or the child died early (the line says "error=...").
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static int master = -1, slave = -1;
static pid_t child;
static int child_done;
static int child_status;
static struct rusage child_ru;
static double timeout_s = 60;

static const char *pattern;
static size_t pat_len;
static char *tail;              /* last pat_len-1 bytes seen, for matches across reads */
static size_t tail_len;
static int pat_seen;
static double pat_time;
static unsigned long long pat_bytes;

static unsigned long long total_bytes;

/* -x: answer DECRQM for mode 69 (left/right margins) as xterm does. */
static int answer_decrqm;
static const char decrqm[] = "\033[?69$p";
static char rq_tail[sizeof decrqm];
static size_t rq_tail_len;
static FILE *rawlog;            /* -o: everything the child wrote */
/* What the bytes were, so a report can say where a scroll's bytes go:
 * text the reader sees; SGR (attributes and colours, with the character
 * set selections ESC ( B that ncurses's sgr and sgr0 carry); and the other
 * controls: cursor moves, scrolling, clearing, modes, CR and LF.  A
 * sequence is counted when it ends, so one split across two reads counts
 * whole in the later one. */
enum { KIND_TEXT, KIND_SGR, KIND_CTRL, KIND_COUNT };
static unsigned long long kind_bytes[KIND_COUNT];
static enum { ST_GROUND, ST_ESC, ST_ESC_INTER, ST_CSI, ST_CHARSET, ST_STRING,
	      ST_STRING_ESC } esc_state;
static size_t esc_len;
static int csi_private;         /* CSI > ... m is not SGR */
static double last_out_time;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char home[] = "/tmp/ptydrive.XXXXXX";
static int home_made;

static int rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	remove(p);
	return 0;
}

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("ptydrive: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (child > 0 && !child_done) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
	}
	if (home_made)
		nftw(home, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	exit(2);
}

static void watch_pattern(const char *buf, size_t n)
{
	if (!pattern || pat_seen)
		return;
	/* Search tail + buf. */
	size_t m = tail_len + n;
	char *s = malloc(m + 1);
	memcpy(s, tail, tail_len);
	memcpy(s + tail_len, buf, n);
	s[m] = 0;
	char *hit = memmem(s, m, pattern, pat_len);
	if (hit) {
		pat_seen = 1;
		pat_time = now();
		/* Bytes up to the end of the match. */
		pat_bytes = total_bytes - n + (unsigned long long)((hit - s) + (ptrdiff_t)pat_len
								- (ptrdiff_t)tail_len);
	} else {
		size_t keep = pat_len > 1 ? pat_len - 1 : 0;
		if (keep > m)
			keep = m;
		memcpy(tail, s + m - keep, keep);
		tail_len = keep;
	}
	free(s);
}

static void watch_decrqm(const char *buf, size_t n)
{
	size_t ql = sizeof decrqm - 1, m = rq_tail_len + n;
	char *s = malloc(m);
	if (!s)
		die("out of memory");
	memcpy(s, rq_tail, rq_tail_len);
	memcpy(s + rq_tail_len, buf, n);
	for (char *p = s; (p = memmem(p, (size_t)(s + m - p), decrqm, ql)); p += ql) {
		static const char reply[] = "\033[?69;2$y";
		if (write(master, reply, sizeof reply - 1) < 0)
			die("write: %s", strerror(errno));
	}
	rq_tail_len = m < ql - 1 ? m : ql - 1;
	memcpy(rq_tail, s + m - rq_tail_len, rq_tail_len);
	free(s);
}

static void classify(const unsigned char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char b = buf[i];
		esc_len++;
		switch (esc_state) {
		case ST_GROUND:
			esc_len = 0;
			if (b == 0x1b) {
				esc_state = ST_ESC;
				esc_len = 1;
			} else {
				kind_bytes[b < 0x20 || b == 0x7f ? KIND_CTRL : KIND_TEXT]++;
			}
			break;
		case ST_ESC:
			if (b == '[') {
				esc_state = ST_CSI;
				csi_private = 0;
			} else if (b == '(' || b == ')') {
				esc_state = ST_CHARSET;
			} else if (b == ']' || b == 'P' || b == '_' || b == '^') {
				esc_state = ST_STRING;
			} else if (b >= 0x20 && b <= 0x2f) {
				esc_state = ST_ESC_INTER;       /* ESC # 8, ESC SP F... */
			} else {
				kind_bytes[KIND_CTRL] += esc_len;
				esc_state = ST_GROUND;
			}
			break;
		case ST_ESC_INTER:
			if (b >= 0x30 && b <= 0x7e) {
				kind_bytes[KIND_CTRL] += esc_len;
				esc_state = ST_GROUND;
			}
			break;
		case ST_CSI:
			if (b == 0x1b || b == 0x18 || b == 0x1a) {
				/* ESC starts another sequence; CAN and SUB cancel. */
				kind_bytes[KIND_CTRL] += esc_len - (b == 0x1b);
				esc_state = b == 0x1b ? ST_ESC : ST_GROUND;
				esc_len = b == 0x1b;
			} else if (b >= 0x3c && b <= 0x3f && esc_len == 3) {
				csi_private = 1;
			} else if (b >= 0x40 && b <= 0x7e) {
				kind_bytes[b == 'm' && !csi_private ? KIND_SGR : KIND_CTRL] += esc_len;
				esc_state = ST_GROUND;
			}
			break;
		case ST_CHARSET:
			kind_bytes[KIND_SGR] += esc_len;
			esc_state = ST_GROUND;
			break;
		case ST_STRING:         /* OSC, DCS...: to BEL or ESC \ */
			if (b == 0x07) {
				kind_bytes[KIND_CTRL] += esc_len;
				esc_state = ST_GROUND;
			} else if (b == 0x1b) {
				esc_state = ST_STRING_ESC;
			}
			break;
		case ST_STRING_ESC:
			if (b == '\\') {
				kind_bytes[KIND_CTRL] += esc_len;
				esc_state = ST_GROUND;
			} else {
				esc_state = ST_STRING;
			}
			break;
		}
	}
}

/* Read everything the master has now; returns bytes read. */
static size_t drain(void)
{
	char buf[65536];
	size_t got = 0;
	for (;;) {
		ssize_t r = read(master, buf, sizeof buf);
		if (r > 0) {
			total_bytes += (unsigned long long)r;
			if (rawlog)
				fwrite(buf, 1, (size_t)r, rawlog);
			got += (size_t)r;
			last_out_time = now();
			watch_pattern(buf, (size_t)r);
			classify((const unsigned char *)buf, (size_t)r);
			if (answer_decrqm)
				watch_decrqm(buf, (size_t)r);
			continue;
		}
		if (r < 0 && errno == EINTR)
			continue;
		break;          /* EAGAIN, or EIO once the child has gone */
	}
	return got;
}

static int reap(int block)
{
	if (child_done)
		return 1;
	int st;
	struct rusage ru;
	pid_t r = wait4(child, &st, block ? 0 : WNOHANG, &ru);
	if (r == child) {
		child_done = 1;
		child_status = st;
		child_ru = ru;
		return 1;
	}
	return 0;
}

static int fd_is_tty(pid_t pid, unsigned long fd)
{
	char path[64], target[256];
	snprintf(path, sizeof path, "/proc/%d/fd/%lu", (int)pid, fd);
	ssize_t n = readlink(path, target, sizeof target - 1);
	if (n <= 0)
		return 0;
	target[n] = 0;
	return strncmp(target, "/dev/pts/", 9) == 0 || strncmp(target, "/dev/tty", 8) == 0;
}

/* Blocked waiting for input with no timeout? */
static int blocked_on_input(pid_t pid)
{
	char path[64], line[512];
	snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, line, sizeof line - 1);
	close(fd);
	if (n <= 0)
		return 0;
	line[n] = 0;
	if (line[0] < '0' || line[0] > '9')
		return 0;       /* "running" or "-1 ..." */
	unsigned long long a[7] = { 0 };
	long nr;
	if (sscanf(line, "%ld %llx %llx %llx %llx %llx %llx", &nr, &a[0], &a[1], &a[2], &a[3],
		   &a[4], &a[5]) < 2)
		return 0;
	switch (nr) {
#ifdef SYS_read
	case SYS_read:
		return fd_is_tty(pid, (unsigned long)a[0]);
#endif
#ifdef SYS_poll
	case SYS_poll:
		return (int)(unsigned int)a[2] == -1 || (long long)a[2] < 0;
#endif
#ifdef SYS_ppoll
	case SYS_ppoll:
		return a[2] == 0;
#endif
#ifdef SYS_select
	case SYS_select:
		return a[4] == 0;
#endif
#ifdef SYS_pselect6
	case SYS_pselect6:
		return a[4] == 0;
#endif
	default:
		return 0;
	}
}

static int pending(int fd, unsigned long req)
{
	int n = 0;
	if (ioctl(fd, req, &n) < 0)
		return 0;
	return n;
}

/* The number after "KEY:" in /proc/PID/FILE, -1 if unreadable. */
static long proc_field(pid_t pid, const char *file, const char *key)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, file);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	size_t kl = strlen(key);
	long v = -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, key, kl) == 0 && line[kl] == ':' && sscanf(line + kl + 1, "%ld", &v) == 1)
			break;
	fclose(f);
	return v;
}

static long voluntary_switches(pid_t pid)
{
	return proc_field(pid, "status", "voluntary_ctxt_switches");
}

/* Wait until the child settles (1), exits (0) or the deadline passes (-1).
 * A pty hands written bytes to the slave side asynchronously, so an empty
 * input queue right after a write proves nothing: when vcs0 >= 0 (the
 * child's voluntary context switches before the keys were sent) the child
 * must also have slept again since, which it does only after waking. */
static int wait_settle(double t0, long vcs0)
{
	for (;;) {
		drain();
		if (reap(0)) {
			drain();
			return 0;
		}
		if (pending(slave, TIOCINQ) == 0 && blocked_on_input(child)
		    && pending(master, FIONREAD) == 0) {
			/* Blocked with its input taken; nothing written since? */
			if (drain() == 0 && blocked_on_input(child)
			    && (vcs0 < 0 || voluntary_switches(child) > vcs0))
				return 1;
		}
		if (now() - t0 > timeout_s)
			return -1;
		struct timespec ts = { 0, 200000 };
		struct pollfd p = { .fd = master, .events = POLLIN };
		ppoll(&p, 1, &ts, NULL);
	}
}

static void send_keys(const char *k, size_t n)
{
	while (n) {
		ssize_t w = write(master, k, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN) {
				drain();
				continue;
			}
			die("write: %s", strerror(errno));
		}
		k += w;
		n -= (size_t)w;
	}
}

static size_t unescape(const char *s, char *out)
{
	size_t n = 0;
	for (; *s; s++) {
		if (*s != '\\') {
			out[n++] = *s;
			continue;
		}
		s++;
		switch (*s) {
		case 'r': out[n++] = '\r'; break;
		case 'n': out[n++] = '\n'; break;
		case 'e': out[n++] = 27; break;
		case 's': out[n++] = ' '; break;
		case 't': out[n++] = '\t'; break;
		case 'x': {
			unsigned v = 0;
			for (int i = 0; i < 2 && s[1]; i++) {
				char c = *++s;
				v = v * 16 + (unsigned)(c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0');
			}
			out[n++] = (char)v;
			break;
		}
		case 0: s--; break;
		default: out[n++] = *s; break;
		}
	}
	return n;
}

static long proc_cpu_ticks(pid_t pid)
{
	char path[64], buf[2048];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	char *p = strrchr(buf, ')');
	if (!p)
		return -1;
	/* Fields after ")": state(3) ... utime(14) stime(15). */
	unsigned long ut = 0, st = 0;
	if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return -1;
	return (long)(ut + st);
}

static long ctx_switches(pid_t pid)
{
	long v = proc_field(pid, "status", "voluntary_ctxt_switches");
	long nv = proc_field(pid, "status", "nonvoluntary_ctxt_switches");
	return v < 0 || nv < 0 ? -1 : v + nv;
}

/* write(2) calls made so far (syscw of /proc/PID/io), -1 if unreadable. */
static long write_calls(pid_t pid)
{
	return proc_field(pid, "io", "syscw");
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void usage(void)
{
	fputs("usage: ptydrive [-x] [-s COLSxROWS] [-p PATTERN] [-t TIMEOUT_S] [-o RAWLOG] -f SCRIPT -- CMD [ARG]...\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	int cols = 80, rows = 24, opt;
	const char *script = NULL;
	while ((opt = getopt(argc, argv, "+xs:p:t:f:o:")) != -1) {
		switch (opt) {
		case 's':
			if (sscanf(optarg, "%dx%d", &cols, &rows) != 2 || cols < 1 || rows < 1)
				usage();
			break;
		case 'p':
			pattern = optarg;
			pat_len = strlen(optarg);
			tail = malloc(pat_len + 1);
			break;
		case 't':
			timeout_s = atof(optarg);
			break;
		case 'f':
			script = optarg;
			break;
		case 'x':
			answer_decrqm = 1;
			break;
		case 'o':
			rawlog = fopen(optarg, "w");
			if (!rawlog)
				die("%s: %s", optarg, strerror(errno));
			break;
		default:
			usage();
		}
	}
	if (!script || optind >= argc)
		usage();
	FILE *sf = fopen(script, "r");
	if (!sf)
		die("%s: %s", script, strerror(errno));
	if (!mkdtemp(home))
		die("mkdtemp: %s", strerror(errno));
	home_made = 1;

	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	double t_fork = now();
	child = forkpty(&master, NULL, NULL, &ws);
	if (child < 0)
		die("forkpty: %s", strerror(errno));
	if (child == 0) {
		const char *path = getenv("PATH");
		clearenv();
		setenv("PATH", path ? path : "/usr/bin:/bin", 1);
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		setenv("HOME", home, 1);
		setenv("LESSHISTFILE", "-", 1);
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "ptydrive: %s: %s\n", argv[optind], strerror(errno));
		_exit(127);
	}
	/* Our own handle on the slave, to see whether the child took its input. */
	slave = open(ptsname(master), O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (slave < 0)
		die("open slave: %s", strerror(errno));
	fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);

	int rc = 0;
	long session_ticks = -1;
	char line[8192], keys[8192];
	while (fgets(line, sizeof line, sf)) {
		char *p = line;
		line[strcspn(line, "\n")] = 0;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		static char cmd[32], label[8000];
		cmd[0] = label[0] = 0;
		int n = 0;
		sscanf(p, "%31s %7999s %n", cmd, label, &n);
		if (strcmp(cmd, "start") == 0) {
			int s = wait_settle(t_fork, -1);
			double t = now();
			if (s != 1) {
				printf("start error=%s\n", s ? "timeout" : "exited");
				rc = 1;
				break;
			}
			printf("start writes=%ld paint_ms=%.2f settle_ms=%.2f paint_bytes=%llu bytes=%llu\n",
			       write_calls(child),
			       ((pattern && pat_seen) ? pat_time - t_fork : t - t_fork) * 1e3,
			       (t - t_fork) * 1e3, (pattern && pat_seen) ? pat_bytes : total_bytes,
			       total_bytes);
		} else if (strcmp(cmd, "send") == 0) {
			size_t k = unescape(label, keys);
			long v0 = voluntary_switches(child);
			double t0 = now();
			send_keys(keys, k);
			int s = wait_settle(t0, v0);
			if (s != 1) {
				printf("send error=%s\n", s ? "timeout" : "exited");
				rc = 1;
				break;
			}
		} else if (strcmp(cmd, "keys") == 0) {
			int count = 0, m = 0;
			char ks[4096] = "";
			sscanf(p + n, "%d %4095s%n", &count, ks, &m);
			if (count < 1)
				die("keys: bad count in: %s", p);
			size_t k = unescape(ks, keys);
			double *ms = calloc((size_t)count, sizeof *ms);
			unsigned long long b0 = total_bytes, k0[KIND_COUNT];
			memcpy(k0, kind_bytes, sizeof k0);
			long w0 = write_calls(child);
			int s = 1;
			for (int i = 0; i < count && s == 1; i++) {
				long v0 = voluntary_switches(child);
				double t0 = now();
				send_keys(keys, k);
				s = wait_settle(t0, v0);
				ms[i] = (now() - t0) * 1e3;
			}
			if (s != 1) {
				printf("%s error=%s\n", label, s ? "timeout" : "exited");
				rc = 1;
				free(ms);
				break;
			}
			qsort(ms, (size_t)count, sizeof *ms, cmp_double);
			printf("%s bytes=%.1f ms=%.3f writes=%.1f n=%d total_bytes=%llu"
			       " text=%.1f sgr=%.1f ctrl=%.1f\n", label,
			       (double)(total_bytes - b0) / count, ms[count / 2],
			       (double)(write_calls(child) - w0) / count, count, total_bytes - b0,
			       (double)(kind_bytes[KIND_TEXT] - k0[KIND_TEXT]) / count,
			       (double)(kind_bytes[KIND_SGR] - k0[KIND_SGR]) / count,
			       (double)(kind_bytes[KIND_CTRL] - k0[KIND_CTRL]) / count);
			free(ms);
		} else if (strcmp(cmd, "seq") == 0) {
			char ks[8000] = "";
			sscanf(p + n, "%7999s", ks);
			size_t k = unescape(ks, keys);
			session_ticks = proc_cpu_ticks(child);
			unsigned long long b0 = total_bytes;
			long w0 = write_calls(child);
			double t0 = now();
			int s = 1;
			for (size_t i = 0; i < k && s == 1; i++) {
				long v0 = voluntary_switches(child);
				double t1 = now();
				send_keys(keys + i, 1);
				s = wait_settle(t1, v0);
			}
			if (s != 1) {
				printf("%s error=%s\n", label, s ? "timeout" : "exited");
				rc = 1;
				break;
			}
			printf("%s keys=%zu bytes=%llu ms=%.1f writes=%ld\n", label, k, total_bytes - b0,
			       (now() - t0) * 1e3, write_calls(child) - w0);
		} else if (strcmp(cmd, "idle") == 0) {
			double secs = atof(p + n);
			long c0 = ctx_switches(child);
			unsigned long long b0 = total_bytes;
			double t0 = now();
			while (now() - t0 < secs) {
				struct pollfd pf = { .fd = master, .events = POLLIN };
				poll(&pf, 1, 50);
				drain();
			}
			long c1 = ctx_switches(child);
			printf("%s switches=%ld bytes=%llu\n", label, c1 - c0, total_bytes - b0);
		} else if (strcmp(cmd, "quit") == 0) {
			size_t k = unescape(label, keys);
			send_keys(keys, k);
			double t0 = now();
			while (!reap(0) && now() - t0 < timeout_s) {
				struct pollfd pf = { .fd = master, .events = POLLIN };
				poll(&pf, 1, 5);
				drain();
			}
			if (!child_done) {
				printf("quit error=timeout\n");
				rc = 1;
				break;
			}
			double cpu = (double)child_ru.ru_utime.tv_sec * 1e3 + child_ru.ru_utime.tv_usec / 1e3
				     + (double)child_ru.ru_stime.tv_sec * 1e3 + child_ru.ru_stime.tv_usec / 1e3;
			long hz = sysconf(_SC_CLK_TCK);
			printf("quit cpu_ms=%.1f maxrss_kb=%ld", cpu, child_ru.ru_maxrss);
			if (session_ticks >= 0)
				printf(" session_cpu_ms=%.1f", cpu - (double)session_ticks * 1e3 / (double)hz);
			printf(" status=%d\n", WIFEXITED(child_status) ? WEXITSTATUS(child_status)
								      : 128 + WTERMSIG(child_status));
		} else if (strcmp(cmd, "note") == 0) {
			if (rawlog)
				fprintf(rawlog, "\n=== %s %s ===\n", label, p + n);
		} else {
			die("unknown script command: %s", cmd);
		}
		fflush(stdout);
	}
	fclose(sf);
	if (!child_done) {
		kill(child, SIGTERM);
		double t0 = now();
		while (!reap(0) && now() - t0 < 2) {
			drain();
			usleep(10000);
		}
		if (!child_done) {
			kill(child, SIGKILL);
			reap(1);
		}
	}
	close(slave);
	close(master);
	nftw(home, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return rc;
}
