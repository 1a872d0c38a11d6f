/* SIGBUS from a shrunken mapped file: zero pages instead, and a flag. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "brief/mapguard.h"

/* The handler reads these: fixed slots, a slot in use once its base is set
 * (its lengths are written first). */
#define MAPGUARD_SLOTS 8
static struct {
	volatile uintptr_t base;
	volatile size_t span;       /* bytes guarded */
	volatile size_t len;        /* of them, the file's as mapped */
} slots[MAPGUARD_SLOTS];
static volatile sig_atomic_t tripped;

static void on_sigbus(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	uintptr_t a = (uintptr_t)si->si_addr;
	long ps = sysconf(_SC_PAGESIZE);    /* async-signal-safe */
	if (ps <= 0)
		ps = 4096;
	/* Only a fault of the kernel's names an address: kill -BUS does not. */
	for (int i = 0; si->si_code > 0 && i < MAPGUARD_SLOTS; i++) {
		uintptr_t b = slots[i].base;
		if (!b || a < b || a - b >= slots[i].span)
			continue;
		/* The lost page becomes line feeds, zeros past the file's old
		 * end as before: blank lines are what every part of the reader
		 * handles cheaply, where NULs were never meant to reach it.
		 * The read that faulted is retried on return and goes on. */
		uintptr_t p = a / (uintptr_t)ps * (uintptr_t)ps;
		void *page = (void *)p;
		if (mmap(page, (size_t)ps, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
			break;
		size_t off = p - b, len = slots[i].len;
		if (off < len)
			memset(page, '\n', len - off < (size_t)ps ? len - off : (size_t)ps);
		if (mprotect(page, (size_t)ps, PROT_READ) != 0)
			break;
		/* Past the file's end, or a read of it that failed; the
		 * first reason stays, as mapguard_trip() keeps it. */
		if (!tripped)
			tripped = si->si_code == BUS_ADRERR ? MAPGUARD_SHRANK : MAPGUARD_IOERR;
		return;
	}
	/* Not ours: die of it as if no handler had been there (a fault
	 * again on return, a signal sent as soon as this one ends). */
	signal(sig, SIG_DFL);
	raise(sig);
}

int mapguard_add(const void *base, size_t span, size_t len)
{
	/* Ours unless something replaced it since (a test runner does). */
	struct sigaction sa;
	if (sigaction(SIGBUS, NULL, &sa) != 0)
		return -1;
	if (!(sa.sa_flags & SA_SIGINFO) || sa.sa_sigaction != on_sigbus) {
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = on_sigbus;
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = SA_SIGINFO;
		if (sigaction(SIGBUS, &sa, NULL) != 0)
			return -1;
	}
	for (int i = 0; i < MAPGUARD_SLOTS; i++) {
		if (slots[i].base)
			continue;
		slots[i].span = span;
		slots[i].len = len;
		slots[i].base = (uintptr_t)base;
		return 0;
	}
	errno = ENOMEM;
	return -1;
}

void mapguard_remove(const void *base)
{
	for (int i = 0; i < MAPGUARD_SLOTS; i++) {
		if (slots[i].base == (uintptr_t)base) {
			slots[i].base = 0;
			slots[i].span = slots[i].len = 0;
		}
	}
}

void mapguard_trip(int why)
{
	if (!tripped)
		tripped = why;
}

int mapguard_tripped(void)
{
	return tripped;
}
