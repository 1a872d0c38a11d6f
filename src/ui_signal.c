/* Signals into the event loop: each handler only writes the signal's
 * number into a pipe the loop polls, which then acts on it at the top of a
 * turn (vis does the same). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "brief/ui_loop.h"

/* Signal handlers can only reach a global: the write end of the self-pipe. */
static int sig_pipe[2] = { -1, -1 };
/* A ^C also raises a flag: work too long to wait for the loop takes it
 * (ui_take_interrupt), and the loop then finds that ^C answered. */
static volatile sig_atomic_t int_pending;

int ui_take_interrupt(void)
{
	if (!int_pending)
		return 0;
	int_pending = 0;
	return 1;
}

static void on_signal(int sig)
{
	int saved = errno;
	if (sig == SIGINT)
		int_pending = 1;
	unsigned char c = (unsigned char)sig;
	if (write(sig_pipe[1], &c, 1) < 0) {
		/* Pipe full: a signal of this kind is already pending. */
	}
	errno = saved;
}

static const int loop_signals[] = {
	SIGWINCH, SIGTSTP, SIGCONT, SIGHUP, SIGTERM, SIGINT, SIGQUIT,
};
#define COUNT_OF(a) (sizeof (a) / sizeof (a)[0])

/* The signals caught, by number (a byte carries one through the pipe). */
static unsigned char caught[256];

static void catch_one(int sig)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	if (sig > 0 && sig < 256 && sigaction(sig, &sa, NULL) == 0)
		caught[sig] = 1;
}

void signals_catch(void)
{
	for (size_t i = 0; i < COUNT_OF(loop_signals); i++)
		catch_one(loop_signals[i]);
}

void signals_default(int sig)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static int set_cloexec_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -1;
	return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

int signals_open(void)
{
	if (pipe(sig_pipe) != 0 || set_cloexec_nonblock(sig_pipe[0]) != 0
	    || set_cloexec_nonblock(sig_pipe[1]) != 0) {
		fprintf(stderr, "brief: pipe: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

int signals_fd(void)
{
	return sig_pipe[0];
}

int signals_next(void)
{
	unsigned char c;
	return read(sig_pipe[0], &c, 1) == 1 ? c : 0;
}

void signals_close(void)
{
	/* Back to their defaults before the pipe they write to goes. */
	for (int sig = 1; sig < 256; sig++) {
		if (caught[sig])
			signals_default(sig);
		caught[sig] = 0;
	}
	close(sig_pipe[0]);
	close(sig_pipe[1]);
	sig_pipe[0] = sig_pipe[1] = -1;
}
