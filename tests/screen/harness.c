/* Screen-test harness: the real binary under forkpty, its output fed to
 * libvterm, settled by watching the child's syscall in /proc. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define SETTLE_DEADLINE_MS 10000
#define POLL_SLICE_MS 5
#define MAX_TERMS 16

struct term {
	pid_t pid;
	int fd;                     /* pty master, -1 once closed */
	VTerm *vt;
	VTermScreen *screen;
	int rows, cols;
	char *raw;
	size_t rawlen, rawcap;
	int eof;                    /* the master reported EOF/EIO */
	int reaped, status;         /* waitpid done */
	int stopped;
	long csw_at_send;           /* voluntary switches when input was last sent */
	int cursor_visible, altscreen;
	int silent;                 /* queries go unanswered */
	int held;                   /* answers kept back until term_release */
	char *hbuf;
	size_t hlen;
	int slave;                  /* held terms: the slave, to see unread input */
	char *rowbuf;               /* term_row result */
	int *rowcols;
	size_t rowcap;
	char *textbuf;
};

static struct term *live[MAX_TERMS];
static int start_silent, start_held, start_detached;

void term_set_silent(int on)
{
	start_silent = on;
}

void term_set_held(int on)
{
	start_held = on;
}

void term_set_detached(int on)
{
	start_detached = on;
}

static void track(struct term *t)
{
	for (int i = 0; i < MAX_TERMS; i++)
		if (!live[i]) {
			live[i] = t;
			return;
		}
}

static void untrack(struct term *t)
{
	for (int i = 0; i < MAX_TERMS; i++)
		if (live[i] == t)
			live[i] = NULL;
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* ---- libvterm callbacks ---------------------------------------------------- */

static void vt_output(const char *s, size_t len, void *user)
{
	/* Answers to queries (DSR, DA) go back to the program. */
	struct term *t = user;
	if (t->held && !t->silent) {
		char *nb = realloc(t->hbuf, t->hlen + len);
		assert_non_null(nb);
		memcpy(nb + t->hlen, s, len);
		t->hbuf = nb;
		t->hlen += len;
		return;
	}
	while (len && t->fd >= 0 && !t->silent) {
		ssize_t n = write(t->fd, s, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN) {
				struct pollfd p = { .fd = t->fd, .events = POLLOUT };
				poll(&p, 1, 10);
				continue;
			}
			return;
		}
		s += n;
		len -= (size_t)n;
	}
}

static int vt_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	struct term *t = user;
	if (prop == VTERM_PROP_CURSORVISIBLE)
		t->cursor_visible = val->boolean;
	else if (prop == VTERM_PROP_ALTSCREEN)
		t->altscreen = val->boolean;
	return 1;
}

static VTermScreenCallbacks screen_cbs = {
	.settermprop = vt_settermprop,
};

/* ---- reading ------------------------------------------------------------------ */

static void raw_append(struct term *t, const char *s, size_t n)
{
	if (t->rawlen + n + 1 > t->rawcap) {
		size_t cap = t->rawcap ? t->rawcap : 65536;
		while (cap < t->rawlen + n + 1)
			cap *= 2;
		t->raw = realloc(t->raw, cap);
		assert_non_null(t->raw);
		t->rawcap = cap;
	}
	memcpy(t->raw + t->rawlen, s, n);
	t->rawlen += n;
	t->raw[t->rawlen] = '\0';
}

/* Read whatever is there; returns bytes read (0 if none). */
static size_t drain(struct term *t)
{
	size_t total = 0;
	char buf[8192];
	while (t->fd >= 0 && !t->eof) {
		ssize_t n = read(t->fd, buf, sizeof buf);
		if (n > 0) {
			raw_append(t, buf, (size_t)n);
			vterm_input_write(t->vt, buf, (size_t)n);
			total += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		t->eof = 1;         /* 0 or EIO: every slave fd is closed */
	}
	vterm_screen_flush_damage(t->screen);
	return total;
}

static void check_child(struct term *t)
{
	if (t->reaped)
		return;
	int st;
	pid_t r = waitpid(t->pid, &st, WNOHANG | WUNTRACED);
	if (r == t->pid) {
		if (WIFSTOPPED(st)) {
			t->stopped = 1;
		} else {
			t->reaped = 1;
			t->status = st;
		}
	}
}

/* Voluntary context switches of the child, -1 if unknown. */
static long child_csw(const struct term *t)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)t->pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	long v = -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "voluntary_ctxt_switches: %ld", &v) == 1)
			break;
	fclose(f);
	return v;
}

/* 1 if the child is blocked in poll(..., -1) or ppoll(..., NULL, ...). */
static int child_idle(const struct term *t)
{
	char path[64], buf[512];
	snprintf(path, sizeof path, "/proc/%d/syscall", (int)t->pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	long nr;
	unsigned long long a[6] = { 0 };
	int got = sscanf(buf, "%ld %llx %llx %llx %llx %llx %llx", &nr, &a[0], &a[1], &a[2],
			 &a[3], &a[4], &a[5]);
	if (got < 4)
		return 0;               /* "running" or "-1 ..." */
#ifdef SYS_poll
	if (nr == SYS_poll)
		return (int)(unsigned int)a[2] == -1;
#endif
#ifdef SYS_ppoll
	if (nr == SYS_ppoll)
		return a[2] == 0;
#endif
	return 0;
}

static void fail_with_screen(struct term *t, const char *what)
{
	term_dump(t);
	char path[64], buf[256] = "";
	snprintf(path, sizeof path, "/proc/%d/syscall", (int)t->pid);
	FILE *f = fopen(path, "r");
	if (f) {
		if (!fgets(buf, sizeof buf, f))
			buf[0] = '\0';
		fclose(f);
	}
	fail_msg("%s (child %d, syscall: %s)", what, (int)t->pid, buf);
}

int term_wait_idle(struct term *t, int timeout_ms)
{
	long deadline = now_ms() + timeout_ms;
	long last_csw = -2;
	int idle_seen = 0;
	for (;;) {
		size_t got = drain(t);
		check_child(t);
		if (t->reaped || t->stopped) {
			/* Its last bytes may still be on the way. */
			if (!t->eof && t->fd >= 0) {
				struct pollfd p = { .fd = t->fd, .events = POLLIN };
				while (!t->eof && poll(&p, 1, POLL_SLICE_MS) > 0 && drain(t) > 0)
					;
			}
			return 0;
		}
		/* Idle: blocked in its poll(-1), woken since the last input, and
		 * still so one quiet slice later with no switch in between. */
		long csw = child_csw(t);
		int idle = !got && child_idle(t) && csw >= 0 && csw > t->csw_at_send;
		if (idle && idle_seen && csw == last_csw)
			return 0;
		idle_seen = idle;
		last_csw = csw;
		if (now_ms() > deadline)
			return -1;
		struct pollfd p = { .fd = t->fd, .events = POLLIN };
		if (t->fd >= 0 && !t->eof)
			poll(&p, 1, POLL_SLICE_MS);
		else
			poll(NULL, 0, POLL_SLICE_MS);
	}
}

int term_settle(struct term *t)
{
	if (term_wait_idle(t, SETTLE_DEADLINE_MS) != 0) {
		fail_with_screen(t, "term_settle: the program did not become idle within 10 s");
		return -1;
	}
	return 0;
}

void term_signal(struct term *t, int sig)
{
	t->csw_at_send = child_csw(t);
	if (kill(t->pid, sig) != 0)
		fail_msg("kill %d: %s", sig, strerror(errno));
	term_settle(t);
}

/* ---- start and stop ----------------------------------------------------------- */

struct term *term_start(int rows, int cols, const char *const argv[],
			const char *const envp_extra[])
{
	struct term *t = calloc(1, sizeof *t);
	assert_non_null(t);
	t->rows = rows;
	t->cols = cols;
	t->csw_at_send = -1;
	t->cursor_visible = 1;
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	int fd, slave = -1;
	fflush(NULL);
	pid_t pid;
	if (start_detached) {
		/* The pty on its standard descriptors but not its controlling
		 * terminal: a session of its own without one, as under a
		 * supervisor or after setsid. */
		if (openpty(&fd, &slave, NULL, NULL, &ws) != 0) {
			free(t);
			fail_msg("openpty: %s", strerror(errno));
			return NULL;
		}
		pid = fork();
		if (pid == 0) {
			setsid();
			dup2(slave, STDIN_FILENO);
			dup2(slave, STDOUT_FILENO);
			dup2(slave, STDERR_FILENO);
			if (slave > STDERR_FILENO)
				close(slave);
			close(fd);
		}
	} else {
		pid = forkpty(&fd, NULL, NULL, &ws);
	}
	if (pid < 0) {
		free(t);
		fail_msg("fork: %s", strerror(errno));
		return NULL;
	}
	if (slave >= 0 && pid > 0)
		close(slave);
	if (pid == 0) {
		/* ncurses prefers LINES/COLUMNS to the pty size: never inherit them. */
		unsetenv("LINES");
		unsetenv("COLUMNS");
		for (size_t i = 0; envp_extra && envp_extra[i]; i++) {
			const char *eq = strchr(envp_extra[i], '=');
			if (!eq) {
				unsetenv(envp_extra[i]);
				continue;
			}
			char *name = strndup(envp_extra[i], (size_t)(eq - envp_extra[i]));
			setenv(name, eq + 1, 1);
			free(name);
		}
		size_t argc = 0;
		while (argv[argc])
			argc++;
		char **av = calloc(argc + 1, sizeof *av);
		for (size_t i = 0; av && i < argc; i++)
			av[i] = strdup(argv[i]);
		if (av)
			execv(av[0], av);
		fprintf(stderr, "exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	t->pid = pid;
	t->fd = fd;
	t->silent = start_silent;
	t->held = start_held;
	t->slave = t->held ? open(ptsname(fd), O_RDWR | O_NOCTTY | O_CLOEXEC) : -1;
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	t->vt = vterm_new(rows, cols);
	assert_non_null(t->vt);
	vterm_set_utf8(t->vt, 1);
	vterm_output_set_callback(t->vt, vt_output, t);
	t->screen = vterm_obtain_screen(t->vt);
	vterm_screen_set_callbacks(t->screen, &screen_cbs, t);
	vterm_screen_enable_altscreen(t->screen, 1);
	vterm_screen_reset(t->screen, 1);
	track(t);
	term_settle(t);
	return t;
}

void term_release(struct term *t)
{
	t->held = 0;
	vt_output(t->hbuf ? t->hbuf : "", t->hlen, t);
	t->hlen = 0;
}

int term_wait_exit(struct term *t)
{
	long deadline = now_ms() + SETTLE_DEADLINE_MS;
	while (!t->reaped && now_ms() < deadline) {
		drain(t);
		check_child(t);
		if (!t->reaped)
			poll(NULL, 0, POLL_SLICE_MS);
	}
	drain(t);
	return t->reaped ? 0 : -1;
}

int term_hangup(struct term *t)
{
	drain(t);
	if (t->fd >= 0)
		close(t->fd);
	t->fd = -1;
	if (t->slave >= 0)
		close(t->slave);
	t->slave = -1;
	long deadline = now_ms() + SETTLE_DEADLINE_MS;
	while (!t->reaped && now_ms() < deadline) {
		check_child(t);
		if (!t->reaped)
			poll(NULL, 0, POLL_SLICE_MS);
	}
	return t->reaped ? 0 : -1;
}

int term_wait_taken(struct term *t)
{
	/* Empty alone proves nothing: a pty moves written bytes to the slave
	 * side later.  The program must also have woken since the write. */
	long deadline = now_ms() + SETTLE_DEADLINE_MS;
	while (now_ms() < deadline) {
		drain(t);
		long csw = child_csw(t);
		if (csw > t->csw_at_send && term_unread_input(t) == 0)
			return 0;
		poll(NULL, 0, POLL_SLICE_MS);
	}
	return -1;
}

size_t term_unread_input(const struct term *t)
{
	int n = 0;
	if (t->slave < 0)
		return 0;
	/* In canonical mode (the program gone, the line discipline cooked
	 * again) TIOCINQ counts whole lines only: an unterminated answer
	 * would read as nothing.  Non-canonical, every byte counts. */
	struct termios tio;
	if (tcgetattr(t->slave, &tio) == 0 && (tio.c_lflag & ICANON)) {
		tio.c_lflag &= ~(tcflag_t)ICANON;
		tcsetattr(t->slave, TCSANOW, &tio);
	}
	if (ioctl(t->slave, TIOCINQ, &n) < 0)
		return 0;
	return (size_t)n;
}

int term_finish(struct term *t, int *status)
{
	if (!t)
		return -1;
	/* Let it finish writing (restoring the terminal) before closing. */
	long deadline = now_ms() + SETTLE_DEADLINE_MS;
	while (!t->reaped && now_ms() < deadline) {
		drain(t);
		check_child(t);
		if (t->reaped)
			break;
		struct pollfd p = { .fd = t->fd, .events = POLLIN };
		if (t->fd >= 0 && !t->eof)
			poll(&p, 1, POLL_SLICE_MS);
		else
			poll(NULL, 0, POLL_SLICE_MS);
	}
	if (!t->reaped) {
		kill(t->pid, SIGKILL);
		int st;
		if (waitpid(t->pid, &st, 0) == t->pid) {
			t->reaped = 1;
			t->status = st;
		}
	}
	drain(t);
	if (t->fd >= 0)
		close(t->fd);
	t->fd = -1;
	if (t->slave >= 0)
		close(t->slave);
	free(t->hbuf);
	int st = t->status;
	if (status)
		*status = st;
	untrack(t);
	vterm_free(t->vt);
	free(t->raw);
	free(t->rowbuf);
	free(t->rowcols);
	free(t->textbuf);
	free(t);
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return -1;
}

void term_cleanup_all(void)
{
	for (int i = 0; i < MAX_TERMS; i++) {
		struct term *t = live[i];
		if (!t)
			continue;
		if (!t->reaped)
			kill(t->pid, SIGKILL);
		term_finish(t, NULL);
	}
}

/* ---- input ---------------------------------------------------------------------- */

void term_write(struct term *t, const char *bytes, size_t len)
{
	long csw = child_csw(t);
	t->csw_at_send = csw;
	long deadline = now_ms() + SETTLE_DEADLINE_MS;
	while (len) {
		ssize_t n = write(t->fd, bytes, len);
		if (n > 0) {
			bytes += n;
			len -= (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN && now_ms() < deadline) {
			drain(t);       /* it may be waiting for us to read */
			struct pollfd p = { .fd = t->fd, .events = POLLOUT | POLLIN };
			poll(&p, 1, POLL_SLICE_MS);
			continue;
		}
		fail_with_screen(t, "term_write: cannot write to the terminal");
		return;
	}
}

void term_send(struct term *t, const char *bytes)
{
	term_write(t, bytes, strlen(bytes));
	term_settle(t);
}

static const struct {
	const char *name, *seq;
} key_seqs[] = {
	/* Keypad-transmit mode (smkx) is on: cursor keys are SS3. */
	{ "Up", "\033OA" }, { "Down", "\033OB" }, { "Right", "\033OC" }, { "Left", "\033OD" },
	{ "Home", "\033OH" }, { "End", "\033OF" }, { "PgUp", "\033[5~" }, { "PgDn", "\033[6~" },
	{ "Tab", "\t" }, { "BTab", "\033[Z" }, { "Shift-Tab", "\033[Z" }, { "Enter", "\r" },
	{ "Esc", "\033" },
	{ "Space", " " }, { "Backspace", "\177" }, { "F1", "\033OP" },
};

void term_keys(struct term *t, ...)
{
	va_list ap;
	va_start(ap, t);
	for (const char *k; (k = va_arg(ap, const char *));) {
		const char *seq = k;
		char ctl[2];
		for (size_t i = 0; i < sizeof key_seqs / sizeof key_seqs[0]; i++)
			if (strcmp(k, key_seqs[i].name) == 0)
				seq = key_seqs[i].seq;
		if (seq == k && k[0] == '^' && k[1] && !k[2]) {
			ctl[0] = (char)(k[1] & 0x1f);
			ctl[1] = '\0';
			seq = ctl;
		}
		term_send(t, seq);
	}
	va_end(ap);
}

void term_resize(struct term *t, int rows, int cols)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	t->csw_at_send = child_csw(t);
	drain(t);
	vterm_set_size(t->vt, rows, cols);
	t->rows = rows;
	t->cols = cols;
	if (ioctl(t->fd, TIOCSWINSZ, &ws) != 0)
		fail_msg("TIOCSWINSZ: %s", strerror(errno));
	term_settle(t);
}

/* n window-size changes in a row, cycling through sizes, without waiting for
 * the program between them (a storm of SIGWINCH); then settle on the last. */
void term_resize_burst(struct term *t, int n, const int (*sizes)[2], int nsizes)
{
	t->csw_at_send = child_csw(t);
	for (int i = 0; i < n; i++) {
		const int *sz = sizes[i % nsizes];
		struct winsize ws = { .ws_row = (unsigned short)sz[0], .ws_col = (unsigned short)sz[1] };
		if (ioctl(t->fd, TIOCSWINSZ, &ws) != 0)
			fail_msg("TIOCSWINSZ: %s", strerror(errno));
		drain(t);
	}
	const int *last = sizes[(n - 1) % nsizes];
	vterm_set_size(t->vt, last[0], last[1]);
	t->rows = last[0];
	t->cols = last[1];
	term_settle(t);
}

/* ---- screen access ------------------------------------------------------------- */

int term_rows(const struct term *t)
{
	return t->rows;
}

int term_cols(const struct term *t)
{
	return t->cols;
}

int term_cell(const struct term *t, int y, int x, VTermScreenCell *cell)
{
	memset(cell, 0, sizeof *cell);
	if (y < 0 || y >= t->rows || x < 0 || x >= t->cols)
		return 0;
	VTermPos pos = { .row = y, .col = x };
	return vterm_screen_get_cell(t->screen, pos, cell);
}

int term_cell_attrs(const struct term *t, int y, int x, VTermScreenCellAttrs *a)
{
	VTermScreenCell c;
	int r = term_cell(t, y, x, &c);
	*a = c.attrs;
	return r;
}

static size_t put_utf8(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3F));
	o[2] = (char)(0x80 | (c >> 6 & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

const char *term_row(struct term *t, int y)
{
	size_t need = (size_t)t->cols * VTERM_MAX_CHARS_PER_CELL * 4 + 1;
	if (need > t->rowcap) {
		t->rowbuf = realloc(t->rowbuf, need);
		t->rowcols = realloc(t->rowcols, need * sizeof *t->rowcols);
		assert_non_null(t->rowbuf);
		assert_non_null(t->rowcols);
		t->rowcap = need;
	}
	size_t n = 0, keep = 0;
	for (int x = 0; x < t->cols; x++) {
		VTermScreenCell c;
		term_cell(t, y, x, &c);
		if (c.chars[0] == (uint32_t)-1)
			continue;       /* right half of a wide character */
		size_t start = n;
		if (c.chars[0] == 0) {
			t->rowbuf[n++] = ' ';
		} else {
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c.chars[i]; i++)
				n += put_utf8(t->rowbuf + n, c.chars[i]);
		}
		for (size_t k = start; k < n; k++)
			t->rowcols[k] = x;
		if (!(n - start == 1 && t->rowbuf[start] == ' '))
			keep = n;
	}
	t->rowbuf[keep] = '\0';
	return t->rowbuf;
}

const int *term_row_cols(const struct term *t)
{
	return t->rowcols;
}

int term_find_from(struct term *t, const char *s, int y0, int *y, int *x)
{
	for (int r = y0 < 0 ? 0 : y0; r < t->rows; r++) {
		const char *row = term_row(t, r);
		const char *p = strstr(row, s);
		if (p) {
			if (y)
				*y = r;
			if (x)
				*x = t->rowcols[p - row];
			return 1;
		}
	}
	return 0;
}

int term_find(struct term *t, const char *s, int *y, int *x)
{
	return term_find_from(t, s, 0, y, x);
}

const char *term_text(struct term *t)
{
	free(t->textbuf);
	size_t cap = (size_t)t->rows * ((size_t)t->cols * VTERM_MAX_CHARS_PER_CELL * 4 + 1) + 1;
	t->textbuf = malloc(cap);
	assert_non_null(t->textbuf);
	size_t n = 0;
	for (int y = 0; y < t->rows; y++) {
		const char *r = term_row(t, y);
		size_t l = strlen(r);
		memcpy(t->textbuf + n, r, l);
		n += l;
		t->textbuf[n++] = '\n';
	}
	t->textbuf[n] = '\0';
	return t->textbuf;
}

void term_cursor(const struct term *t, int *y, int *x)
{
	VTermPos p;
	vterm_state_get_cursorpos(vterm_obtain_state(t->vt), &p);
	if (y)
		*y = p.row;
	if (x)
		*x = p.col;
}

int term_cursor_visible(const struct term *t)
{
	return t->cursor_visible;
}

int term_altscreen(const struct term *t)
{
	return t->altscreen;
}

void term_dump(struct term *t)
{
	fprintf(stderr, "---- screen %dx%d ----\n", t->cols, t->rows);
	for (int y = 0; y < t->rows; y++)
		fprintf(stderr, "%2d|%s\n", y, term_row(t, y));
	fprintf(stderr, "----\n");
}

const char *term_raw(const struct term *t, size_t *len)
{
	if (len)
		*len = t->rawlen;
	return t->raw ? t->raw : "";
}

int term_raw_has(const struct term *t, const void *needle, size_t n)
{
	if (!t->raw || !n)
		return !n;
	return memmem(t->raw, t->rawlen, needle, n) != NULL;
}

pid_t term_pid(const struct term *t)
{
	return t->pid;
}

int term_exited(const struct term *t)
{
	return t->reaped;
}

static const char *test_dir;   /* term_test_env's folder */

int term_test_env(char *tmpdir)
{
	setenv("LANG", "C.UTF-8", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("TERM", "xterm-256color", 1);
	static const char *const unset[] = { "NO_COLOR", "LINES", "COLUMNS", "BRIEF_COPY",
					     "BRIEF_NO_OSC52", "TMUX", "STY", "XDG_STATE_HOME",
					     "XDG_CONFIG_HOME" };
	for (size_t i = 0; i < sizeof unset / sizeof unset[0]; i++)
		unsetenv(unset[i]);
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return -1;
	}
	char *home;
	if (asprintf(&home, "%s/home", tmpdir) < 0)
		return -1;
	mkdir(home, 0700);
	setenv("HOME", home, 1);
	free(home);
	test_dir = tmpdir;
	return 0;
}

void term_quit_ok(struct term *t)
{
	term_key(t, "q");
	assert_int_equal(term_finish(t, NULL), 0);
}

char *term_write_temp(const char *name, const void *data, size_t n)
{
	char *path;
	if (asprintf(&path, "%s/%s", test_dir ? test_dir : "/tmp", name) < 0)
		fail_msg("asprintf");
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	return path;
}
