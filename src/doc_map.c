/* Mapping a document's file: the guarded mapping, pages handed back once
 * read, the mapping undone.  Below the loader (document.c) and the line
 * index (doc_lines.c), which both hand pages back; it calls neither. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "brief/document.h"
#include "brief/mapguard.h"
#include "doc_private.h"

static size_t page_size(void)
{
	long ps = sysconf(_SC_PAGESIZE);
	return ps > 0 ? (size_t)ps : 4096;
}

/* Bytes reserved for a mapping of n file bytes: whole pages plus one page of
 * zeros, so text[len] is readable and '\0' even when n fills its last page. */
static size_t map_span(size_t n)
{
	size_t ps = page_size();
	return (n + ps - 1) / ps * ps + ps;
}

const uint8_t *doc_map_file(int fd, size_t n)
{
	size_t span = map_span(n);
	void *base = mmap(NULL, span, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		return NULL;
	void *m = mmap(base, n, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
	/* Unguarded, a file that shrinks would kill us with SIGBUS. */
	if (m == MAP_FAILED || mapguard_add(m, span, n) != 0) {
		int e = errno;
		munmap(base, span);
		errno = e;
		return NULL;
	}
	return m;
}

void doc_map_unmap(const uint8_t *p, size_t n)
{
	mapguard_remove(p);
	munmap((void *)(uintptr_t)p, map_span(n));
}

void doc_map_release(const struct doc *d, size_t from, size_t to)
{
	/* Pages mapguard put in place of lost ones are anonymous: dropped,
	 * they would come back as zeros, not line feeds. */
	if (mapguard_tripped())
		return;
	size_t ps = page_size();
	uintptr_t a = ((uintptr_t)(d->orig + from) + ps - 1) / ps * ps;
	uintptr_t b = (uintptr_t)(d->orig + to) / ps * ps;
	if (b > a)
		madvise((void *)a, b - a, MADV_DONTNEED);
}

void doc_release(const struct doc *d, size_t from, size_t to)
{
	if (d->mapped && d->text == d->orig)
		doc_map_release(d, from, to);
}
