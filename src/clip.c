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
#include <time.h>
#include <unistd.h>

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

int clip_term_has_osc52(const char *term)
{
	if (!term || !*term)
		return 0;
	static const char *const no[] = { "screen", "linux", "dumb", "vt", "cons", "ansi", "sun", "wy" };
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (!strncmp(term, no[i], strlen(no[i])))
			return 0;
	return 1;
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

static int64_t left_ms(int64_t deadline)
{
	int64_t l = deadline - now_ms();
	return l > 0 ? l : 0;
}

/* Wait up to ms for pid to exit; 1 with *status if it did. */
static int wait_exit(pid_t pid, int64_t deadline, int *status)
{
	for (;;) {
		pid_t w = waitpid(pid, status, WNOHANG);
		if (w == pid)
			return 1;
		if (w < 0 && errno != EINTR)
			return 1;       /* reaped elsewhere: it is gone */
		int64_t l = left_ms(deadline);
		if (!l)
			return 0;
		/* A short nap between looks: this waits for another program,
		 * and at most wait_ms in all. */
		struct timespec ts = { 0, (l < 5 ? l : 5) * 1000000L };
		nanosleep(&ts, NULL);
	}
}

void clip_to_command(const char *command, const char *text, size_t len, int wait_ms,
		     struct clip_result *r)
{
	int fd[2];
	if (pipe2(fd, O_CLOEXEC) != 0) {
		result(r, 0, "cannot copy: %s", strerror(errno));
		return;
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
		return;
	}
	/* Write without blocking, and without dying of SIGPIPE if the command
	 * does not read: the signal is held and then taken back. */
	sigset_t pipe_set, old;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old);
	fcntl(fd[1], F_SETFL, fcntl(fd[1], F_GETFL) | O_NONBLOCK);
	int64_t deadline = now_ms() + wait_ms;
	size_t done = 0;
	int werr = 0;
	while (done < len) {
		ssize_t w = write(fd[1], text + done, len - done);
		if (w > 0) {
			done += (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno != EAGAIN) {
			werr = errno;
			break;
		}
		struct pollfd p = { fd[1], POLLOUT, 0 };
		int64_t l = left_ms(deadline);
		if (!l || poll(&p, 1, (int)l) <= 0)
			break;
	}
	close(fd[1]);
	struct timespec zero = { 0, 0 };
	while (sigtimedwait(&pipe_set, NULL, &zero) > 0)
		;
	sigprocmask(SIG_SETMASK, &old, NULL);

	int status = 0;
	int exited = wait_exit(pid, deadline, &status);
	if (done < len && !werr) {
		kill(-pid, SIGTERM);
		if (!exited)
			waitpid(pid, &status, 0);
		result(r, 0, "BRIEF_COPY did not read the text within %d ms: stopped it", wait_ms);
		return;
	}
	if (werr) {
		if (!exited)
			wait_exit(pid, now_ms() + wait_ms, &status);
		result(r, 0, "BRIEF_COPY stopped reading: %s", strerror(werr));
		return;
	}
	if (!exited) {
		/* It read everything and stays, as a clipboard owner does. */
		result(r, 1, "%zu bytes to BRIEF_COPY", len);
		return;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		result(r, 1, "%zu bytes to BRIEF_COPY", len);
	else if (WIFEXITED(status))
		result(r, 0, "BRIEF_COPY failed (exit status %d)", WEXITSTATUS(status));
	else
		result(r, 0, "BRIEF_COPY failed (signal %d)", WTERMSIG(status));
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
		result(r, 1, "%zu bytes kept in the clips file", len);
}
