/* Signals into the event loop: each handler only writes the signal's
 * number into a pipe the loop polls, which then acts on it at the top of a
 * turn (vis does the same).
 *
 * Which ones: those the loop answers (WINCH, TSTP, CONT) and those it ends
 * on, giving the terminal back and saving the position first, then dying
 * of the signal: HUP, INT, TERM and QUIT always; and every other signal
 * whose default would end brief and that someone may send (USR1, USR2,
 * ALRM, PIPE, VTALRM, PROF, XCPU, POLL, PWR, STKFLT, the real-time ones),
 * unless it was ignored or handled when brief started (a parent's trap,
 * a profiler's timer).  Not the signals of a fault in brief itself (SEGV,
 * BUS, FPE, ILL, ABRT, TRAP, SYS; mapguard.c takes a mapped file's
 * SIGBUS), nor KILL and STOP, which cannot be caught. */
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

/* Caught whatever their disposition: the loop's own. */
static const int loop_signals[] = {
	SIGWINCH, SIGTSTP, SIGCONT, SIGHUP, SIGTERM, SIGINT, SIGQUIT,
};
/* Caught when they would end brief by default: with the terminal as brief
 * left it, alternate screen, mouse tracking and all. */
static const int ending_signals[] = {
	SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU,
#ifdef SIGPOLL
	SIGPOLL,
#endif
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};
#define COUNT_OF(a) (sizeof (a) / sizeof (a)[0])

/* The signals caught, by number (a byte carries one through the pipe). */
static unsigned char caught[256];

/* always: whatever the signal's disposition; else only from its default
 * (or from our handler, catching again after a suspend). */
static void catch_one(int sig, int always)
{
	if (sig <= 0 || sig >= 256)
		return;
	struct sigaction old;
	if (!always && !caught[sig]
	    && (sigaction(sig, NULL, &old) != 0 || (old.sa_flags & SA_SIGINFO)
		|| old.sa_handler != SIG_DFL))
		return;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	if (sigaction(sig, &sa, NULL) == 0)
		caught[sig] = 1;
}

void signals_catch(void)
{
	for (size_t i = 0; i < COUNT_OF(loop_signals); i++)
		catch_one(loop_signals[i], 1);
	for (size_t i = 0; i < COUNT_OF(ending_signals); i++)
		catch_one(ending_signals[i], 0);
#ifdef SIGRTMIN
	for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		catch_one(sig, 0);
#endif
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
