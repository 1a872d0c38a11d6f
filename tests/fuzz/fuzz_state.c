/* libFuzzer target: the state file's reader and writer.  The input is a
 * state file as found on disk; the first 8 bytes, if there are 8, are also
 * the key looked up.
 * Invariants: state_load answers 1 (the key's entry), 0 (none, no warning)
 * or -1 (with a warning); state_save then succeeds unless the file is a
 * newer format,
 * and what it wrote has the header first and loads back with no warning,
 * the entry saved found with its position and marks. */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brief/state.h"
#include "fuzz.h"

/* One directory for the whole run: the state file is rewritten each time. */
static char *state_file(void)
{
	static char path[256];
	if (!path[0]) {
		const char *tmp = getenv("TMPDIR");
		char dir[200];
		snprintf(dir, sizeof dir, "%s/brief-fuzz-state-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		FUZZ_CHECK(mkdtemp(dir) != NULL, "mkdtemp failed");
		snprintf(path, sizeof path, "%s/state", dir);
	}
	return path;
}

static void write_all(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FUZZ_CHECK(fd >= 0, "cannot write %s", path);
	while (size) {
		ssize_t w = write(fd, data, size);
		FUZZ_CHECK(w > 0, "short write to %s", path);
		data += w;
		size -= (size_t)w;
	}
	close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = state_file();
	write_all(path, data, size);
	uint64_t key = 0;
	if (size >= 8)
		memcpy(&key, data, 8);

	struct state_entry e;
	char *w = NULL;
	int r = state_load(path, key, &e, &w);
	FUZZ_CHECK(r == 1 || r == 0 || r == -1, "state_load returned %d", r);
	FUZZ_CHECK(r != -1 || w, "state_load said -1 without a warning");
	FUZZ_CHECK(r != 0 || !w, "state_load warned of nothing: %s", w);
	FUZZ_CHECK(r != 1 || e.key == key, "found the wrong key");
	int newer = w && strstr(w, "newer") != NULL;
	free(w);

	struct state_entry s = { .key = key ^ 0x5a5a, .pos = size };
	for (int k = 0; k < STATE_MARKS; k++)
		s.marks[k] = k % 3 ? SIZE_MAX : (size_t)k * 7;
	w = NULL;
	struct state_wait nowait = { .stop_fd = -1, .max_ms = 0 };
	int saved = state_save(path, &s, &nowait, &w);
	FUZZ_CHECK(saved == 0 || newer, "state_save failed: %s", w ? w : "(no warning)");
	FUZZ_CHECK((saved == 0) == (w == NULL), "state_save's warning and status disagree");
	free(w);
	if (saved != 0)
		return 0;

	/* What was written: the header first, then lines that all load. */
	FILE *f = fopen(path, "rb");
	FUZZ_CHECK(f != NULL, "the saved file is gone");
	char head[15] = { 0 };
	size_t got = fread(head, 1, 14, f);
	fclose(f);
	FUZZ_CHECK(got == 14 && memcmp(head, "brief-state 1\n", 14) == 0, "no header written");
	struct state_entry back;
	w = NULL;
	r = state_load(path, s.key, &back, &w);
	FUZZ_CHECK(r == 1 && w == NULL, "the saved file does not load cleanly: %d %s", r,
		   w ? w : "");
	FUZZ_CHECK(back.pos == s.pos, "position %zu came back as %zu", s.pos, back.pos);
	for (int k = 0; k < STATE_MARKS; k++)
		FUZZ_CHECK(back.marks[k] == s.marks[k], "mark %c came back changed", 'a' + k);
	return 0;
}
