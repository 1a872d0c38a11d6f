/* Remembered reading positions and marks, one entry per document keyed by its
 * content, in $XDG_STATE_HOME/brief/state (else ~/.local/state/brief/state).
 * Written atomically (temporary file, then rename; deliberately no fsync, see
 * replace_file() in state.c), mode 0600, under an advisory lock so two
 * instances never lose each other's entries. */
#ifndef BRIEF_STATE_H
#define BRIEF_STATE_H

#include <stddef.h>
#include <stdint.h>

#define STATE_MARKS 26

struct state_entry {
	uint64_t key;               /* state_key() of the document */
	size_t pos;                 /* byte offset of the first visible line */
	size_t marks[STATE_MARKS];  /* a..z; SIZE_MAX when unset */
};

/* A key for a document: its length and a hash of its first and last 64 KiB,
 * so a 100 MB file is keyed without reading it all. */
uint64_t state_key(const uint8_t *text, size_t len);

/* Path of the state file (malloc'd), from XDG_STATE_HOME or HOME; NULL when
 * neither is set. */
char *state_path(void);

/* Read the entry for key.  Returns 1 found, 0 not found (or no file),
 * -1 unreadable or corrupt lines: *warning says what (malloc'd; the caller
 * frees it), and valid entries are still used. */
int state_load(const char *path, uint64_t key, struct state_entry *out, char **warning);

/* Replace or add the entry, keeping every other document's entry; corrupt
 * lines are dropped.  Returns 0, or -1 with *warning set. */
int state_save(const char *path, const struct state_entry *e, char **warning);

#endif
