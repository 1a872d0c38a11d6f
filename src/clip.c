/* Where copied text goes (clip.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>

#include "brief/clip.h"

extern char **environ;

void clip_base64(struct buf *out, const void *data, size_t n)
{
	static const char abc[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = data;
	char q[4];
	size_t i = 0;
	for (; i + 3 <= n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
		q[0] = abc[v >> 18], q[1] = abc[v >> 12 & 63], q[2] = abc[v >> 6 & 63], q[3] = abc[v & 63];
		buf_add(out, q, 4);
	}
	if (n - i == 1) {
		unsigned v = (unsigned)p[i] << 16;
		q[0] = abc[v >> 18], q[1] = abc[v >> 12 & 63], q[2] = '=', q[3] = '=';
		buf_add(out, q, 4);
	} else if (n - i == 2) {
		unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8;
		q[0] = abc[v >> 18], q[1] = abc[v >> 12 & 63], q[2] = abc[v >> 6 & 63], q[3] = '=';
		buf_add(out, q, 4);
	}
}

int clip_osc52(struct buf *out, const char *text, size_t len)
{
	if (len > CLIP_OSC52_MAX)
		return -1;
	buf_adds(out, "\033]52;c;");
	clip_base64(out, text, len);
	buf_addc(out, '\a');
	return 0;
}

int clip_term_has_osc52(const char *term, const char *tmux, const char *sty)
{
	if (!term || !*term)
		return 0;
	/* tmux's default TERM is screen's: TMUX says which it is, and STY
	 * that GNU screen runs inside it (then screen is the terminal). */
	if (!strncmp(term, "screen", 6))
		return tmux && *tmux && !(sty && *sty);
	static const char *const no[] = { "linux", "dumb", "vt", "cons", "ansi", "pcansi", "sun",
					  "wy", "rxvt", "putty", "eterm", "emacs", "cygwin", "hurd",
					  "mach" };
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (!strncmp(term, no[i], strlen(no[i])))
			return 0;
	return 1;
}

size_t clip_chars(const char *text, size_t len)
{
	return u8_mbsnlen((const uint8_t *)text, len);
}

static void result(struct clip_result *r, int ok, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void result(struct clip_result *r, int ok, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	r->ok = ok;
	vsnprintf(r->msg, sizeof r->msg, fmt, ap);
	va_end(ap);
}

/* ---- a command, without blocking ---------------------------------------- */

struct clip_job {
	pid_t pid;
	int fd;                     /* the pipe to its standard input; -1 once closed */
	int pidfd;                  /* readable when it exits; -1 without (old kernels) */
	char *text;
	size_t len, done;
	size_t chars;
	int64_t deadline;           /* the text must be read by then */
	int wait_ms;
	int werr;                   /* a write failed with this errno */
	int exited, status;         /* reaped, and how it ended */
	int told;                   /* the outcome was given */
};

static void job_close_pipe(struct clip_job *j)
{
	if (j->fd >= 0)
		close(j->fd);
	j->fd = -1;
}

/* As much as the pipe takes now.  The reader catches SIGPIPE to die of
 * it: a command that stops reading must not end the reader, so the
 * signal is held over the write and a pending one taken back. */
static void job_write(struct clip_job *j)
{
	sigset_t pipe_set, old;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old);
	while (j->fd >= 0 && j->done < j->len) {
		ssize_t w = write(j->fd, j->text + j->done, j->len - j->done);
		if (w > 0) {
			j->done += (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno != EAGAIN)
			j->werr = errno;
		break;
	}
	struct timespec zero = { 0, 0 };
	while (sigtimedwait(&pipe_set, NULL, &zero) > 0)
		;
	sigprocmask(SIG_SETMASK, &old, NULL);
	/* All of it, or no more possible: its end of input. */
	if (j->done == j->len || j->werr)
		job_close_pipe(j);
}

static void job_reap(struct clip_job *j)
{
	if (j->exited)
		return;
	int st;
	pid_t w;
	do
		w = waitpid(j->pid, &st, WNOHANG);
	while (w < 0 && errno == EINTR);
	if (w == j->pid || (w < 0 && errno == ECHILD)) {
		j->exited = 1;
		j->status = w == j->pid ? st : 0;
		if (j->pidfd >= 0)
			close(j->pidfd);
		j->pidfd = -1;
	}
}

struct clip_job *clip_job_start(const char *command, const char *text, size_t len, int wait_ms,
				struct clip_result *r)
{
	int fd[2];
	if (pipe2(fd, O_CLOEXEC) != 0) {
		result(r, 0, "cannot run BRIEF_COPY: %s", strerror(errno));
		return NULL;
	}
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[0], 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	posix_spawnattr_init(&at);
	/* Its own process group: a ^C typed at the reader is not its, and the
	 * signals the reader ignores or catches are default again. */
	sigset_t none, all;
	sigemptyset(&none);
	sigfillset(&all);
	posix_spawnattr_setpgroup(&at, 0);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &all);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK
				      | POSIX_SPAWN_SETSIGDEF);
	char sh[] = "sh", dash_c[] = "-c";
	char *cmd = xstrdup(command);
	char *argv[] = { sh, dash_c, cmd, NULL };
	pid_t pid;
	int e = posix_spawn(&pid, "/bin/sh", &fa, &at, argv, environ);
	free(cmd);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(fd[0]);
	if (e != 0) {
		close(fd[1]);
		result(r, 0, "cannot run BRIEF_COPY: %s", strerror(e));
		return NULL;
	}
	struct clip_job *j = xcalloc(1, sizeof *j);
	j->pid = pid;
	j->fd = fd[1];
	/* Its end seen by poll() instead of by looking every few ms. */
	j->pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (j->pidfd >= 0)
		fcntl(j->pidfd, F_SETFD, FD_CLOEXEC);
	else
		j->pidfd = -1;
	fcntl(j->fd, F_SETFL, fcntl(j->fd, F_GETFL) | O_NONBLOCK);
	j->text = xmalloc(len ? len : 1);
	memcpy(j->text, text, len);
	j->len = len;
	j->chars = clip_chars(text, len);
	j->wait_ms = wait_ms;
	j->deadline = now_ms() + wait_ms;
	job_write(j);
	return j;
}

void clip_job_poll(const struct clip_job *j, int *fd, short *events, int *timeout_ms)
{
	int64_t left = j->deadline - now_ms();
	int ms = left > 0 ? (int)left : 0;
	*fd = -1;
	*events = 0;
	if (j->fd >= 0) {
		*fd = j->fd;
		*events = POLLOUT;
		*timeout_ms = ms;
	} else if (!j->exited && j->pidfd >= 0) {
		*fd = j->pidfd;
		*events = POLLIN;
		*timeout_ms = j->told ? -1 : ms;
	} else if (!j->exited && !j->told) {
		/* No pidfd: looked at again shortly, within the deadline. */
		*timeout_ms = ms < 20 ? ms : 20;
	} else {
		*timeout_ms = -1;
	}
}

int clip_job_step(struct clip_job *j, struct clip_result *r)
{
	if (j->fd >= 0)
		job_write(j);
	job_reap(j);
	if (j->told)
		return 0;
	int all = j->done == j->len;
	int late = now_ms() >= j->deadline;
	if (j->exited) {
		int st = j->status;
		if (WIFEXITED(st) && WEXITSTATUS(st) != 0)
			result(r, 0, "BRIEF_COPY failed (exit status %d)", WEXITSTATUS(st));
		else if (WIFSIGNALED(st))
			result(r, 0, "BRIEF_COPY failed (signal %d)", WTERMSIG(st));
		else if (!all)
			result(r, 0, "BRIEF_COPY ended before reading the text (%zu of %zu bytes)",
			       j->done, j->len);
		else
			result(r, 1, "%zu characters to BRIEF_COPY", j->chars);
	} else if (j->werr && j->werr != EPIPE) {
		result(r, 0, "BRIEF_COPY stopped reading: %s", strerror(j->werr));
	} else if (!late) {
		return 0;
	} else if (!all) {
		job_close_pipe(j);
		kill(-j->pid, SIGTERM);
		result(r, 0, "BRIEF_COPY did not read the text within %d ms: stopped it",
		       j->wait_ms);
	} else {
		/* It read everything and stays, as a clipboard owner may. */
		result(r, 1, "%zu characters to BRIEF_COPY (still running)", j->chars);
	}
	j->told = 1;
	return 1;
}

int clip_job_done(const struct clip_job *j)
{
	return j->told && j->exited;
}

void clip_job_free(struct clip_job *j)
{
	if (!j)
		return;
	job_reap(j);
	if (!j->exited && j->done < j->len)
		kill(-j->pid, SIGTERM);
	job_close_pipe(j);
	if (j->pidfd >= 0)
		close(j->pidfd);
	free(j->text);
	free(j);
}

void clip_to_command(const char *command, const char *text, size_t len, int wait_ms,
		     struct clip_result *r)
{
	struct clip_job *j = clip_job_start(command, text, len, wait_ms, r);
	if (!j)
		return;
	while (!clip_job_step(j, r)) {
		int fd, ms;
		short ev;
		clip_job_poll(j, &fd, &ev, &ms);
		struct pollfd p = { fd, ev, 0 };
		poll(&p, fd >= 0 ? 1 : 0, ms);
	}
	clip_job_free(j);
}

char *clip_file_path(void)
{
	struct buf b = { 0 };
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		buf_printf(&b, "%s/brief/clips", xdg);
	else if (home && home[0])
		buf_printf(&b, "%s/.local/state/brief/clips", home);
	return b.data;
}

/* mkdir -p for the directory of path, 0700 for what it creates. */
static void make_parent(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		for (char *p = dir + 1; *p; p++)
			if (*p == '/') {
				*p = '\0';
				mkdir(dir, 0700);
				*p = '/';
			}
		mkdir(dir, 0700);
	}
	free(dir);
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

void clip_to_file(const char *path, const char *label, const char *text, size_t len,
		  struct clip_result *r)
{
	make_parent(path);
	/* No link followed, no FIFO waited on, nothing but a regular file. */
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		result(r, 0, "cannot keep the clip: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		result(r, 0, "cannot keep the clip: the clips file is not a regular file");
		return;
	}
	char when[32];
	time_t t = time(NULL);
	struct tm tm;
	if (!localtime_r(&t, &tm) || !strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm))
		strcpy(when, "?");
	struct buf b = { 0 };
	buf_printf(&b, "--- brief clip %s%s%s ---\n", when, label && *label ? " " : "",
		   label ? label : "");
	buf_add(&b, text, len);
	if (!len || text[len - 1] != '\n')
		buf_addc(&b, '\n');
	buf_addc(&b, '\n');
	/* One write, so clips of two readers do not interleave (O_APPEND). */
	int rc = write_all(fd, b.data, b.len);
	int e = errno;
	buf_free(&b);
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	if (rc != 0)
		result(r, 0, "cannot keep the clip: %s", strerror(e));
	else
		result(r, 1, "%zu characters to %s", clip_chars(text, len), path);
}
