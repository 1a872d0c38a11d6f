/* Remembered reading positions and marks, one entry per document keyed by its
 * content, in $XDG_STATE_HOME/brief/state (else ~/.local/state/brief/state).
 * Written atomically (temporary file, then rename; deliberately no fsync, see
 * replace_file() in state.c), mode 0600, under an advisory lock (state.lock
 * beside it) so two instances never lose each other's entries.
 *
 * Neither call ever blocks the reader: files are opened O_NONBLOCK and only
 * a regular file is read or written (a FIFO, a device, a socket or a
 * directory at the path, or at the end of a link, is refused with a
 * warning), and the lock is taken without blocking, with a bounded wait the
 * caller can cut short (struct state_wait).  The one wait left is the
 * kernel's own: an open on a stalled network mount. */
#ifndef BRIEF_STATE_H
#define BRIEF_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "brief/util.h"

#define STATE_MARKS 26

/* Whether a pane was shown (additive): unset, the zero value, for an entry
 * that does not say (written before, or by a caller that does not know). */
enum state_show { STATE_SHOW_UNSET, STATE_SHOW_ON, STATE_SHOW_OFF };

struct state_entry {
	uint64_t key;               /* state_key() of the document */
	size_t pos;                 /* byte offset of the first visible line */
	size_t marks[STATE_MARKS];  /* a..z; SIZE_MAX when unset */
	enum state_show panel, compare;     /* the side panel (s), the comparison (c) */
};

/* A key for a document: its length and a hash of its first and last 64 KiB,
 * so a 100 MB file is keyed without reading it all. */
uint64_t state_key(const uint8_t *text, size_t len);

/* Path of the state file (malloc'd), from XDG_STATE_HOME or HOME; NULL when
 * neither is set. */
char *state_path(void);

/* Read the entry for key.  Returns 1 found, 0 not found (or no file),
 * -1 unreadable, not a regular file, over 16 MiB, or corrupt lines: *warning
 * says what (malloc'd; the caller frees it), and valid entries are still
 * used.  path NULL: 0, nothing read.  Found or not, out->panel and
 * out->compare are the entry's, else those of the newest entry that says
 * (a reader who hides the panel hides it for the next document too), else
 * STATE_SHOW_UNSET; not found, out is otherwise an empty entry. */
int state_load(const char *path, uint64_t key, struct state_entry *out, char **warning);

/* How long state_save may wait for another process's lock. */
struct state_wait {
	int stop_fd;    /* stop waiting at once when this is readable (the
	                   reader's signal pipe: polled, never read); -1: none */
	int max_ms;     /* then give up, with a warning; 0: one try */
};
/* The wait when state_save is given none: a lock is held for the
 * microseconds a save takes, so a second is another process stuck. */
#define STATE_WAIT_MS 1000

/* Replace or add the entry, keeping every other document's entry; corrupt
 * lines are dropped.  wait NULL means { -1, STATE_WAIT_MS }.  Returns 0, or
 * -1 with *warning set (malloc'd; the caller frees it): nothing written.
 *
 * Only a regular file is written.  A symbolic link (a state file kept in a
 * dotfiles repository) is written through, in place, the link kept, but
 * only when its target is a regular file whose first line is brief's
 * header: a link to /dev/null, a device, a FIFO, an empty or a foreign file
 * is left alone.  The lock and the temporary file are only ever made in
 * path's own directory, the lock never through a link (O_NOFOLLOW). */
int state_save(const char *path, const struct state_entry *e, const struct state_wait *wait,
		char **warning);

/* ---- brief's own files, kept with the same care (the notes use these) ---- */

/* Read the regular file at path (opened O_NONBLOCK: a FIFO is never waited
 * on) into out, at most max bytes.  Returns 0 (out holds the text), 1 when
 * there is no file (or path is NULL), -1 with *warning (malloc'd) when it
 * cannot be read, is not a regular file or is larger (then nothing is
 * read).  what names the kind of file in messages ("notes"). */
int state_file_read(const char *path, const char *what, size_t max, struct buf *out,
		    char **warning);

/* How a file of brief's is rewritten by state_file_rewrite: what names it
 * (messages, and the lock WHAT.lock and temporary file WHAT.tmp.PID beside
 * it); a file over max bytes is not brief's and is not overwritten; rewrite
 * makes the new text from the old, old[0, n) (NULL, 0: no file yet), read
 * under the lock (path: as given; real: the link's target when path is a
 * link, which is written through only if it is brief's own file, else
 * NULL): 0 with the text in *out, or -1 with *warning to leave the file as
 * it is. */
struct state_file {
	const char *what;
	size_t max;
	int (*rewrite)(void *ctx, const char *path, const char *real, const char *old, size_t n,
		       struct buf *out, char **warning);
	void *ctx;
};
/* Rewrite path as state_save does (the rules above): 0, or -1 with
 * *warning, nothing written. */
int state_file_rewrite(const char *path, const struct state_file *f, const struct state_wait *wait,
		       char **warning);

#endif
