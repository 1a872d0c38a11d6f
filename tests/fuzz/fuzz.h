/* Shared by the libFuzzer targets in tests/fuzz: invariant checks that abort,
 * and copies of the input with the layouts the modules ask for. */
#ifndef BRIEF_FUZZ_H
#define BRIEF_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort (so libFuzzer saves the input) when an invariant does not hold. */
#define FUZZ_CHECK(cond, ...) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant violated: %s\n  ", __FILE__, __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__); \
		fputc('\n', stderr); \
		abort(); \
	} \
} while (0)

/* A heap copy of data[0, n) followed by a NUL, as doc_load_mem wants (the
 * copy is exact, so ASan sees any read past bytes[n]). */
static inline uint8_t *fuzz_copy_nul(const uint8_t *data, size_t n)
{
	uint8_t *p = malloc(n + 1);
	if (!p)
		abort();
	if (n)
		memcpy(p, data, n);
	p[n] = '\0';
	return p;
}

/* A heap copy without the NUL: reads past the end are ASan errors. */
static inline char *fuzz_copy_exact(const uint8_t *data, size_t n)
{
	char *p = malloc(n ? n : 1);
	if (!p)
		abort();
	if (n)
		memcpy(p, data, n);
	return p;
}

#endif
