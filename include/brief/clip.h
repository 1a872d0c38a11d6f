/* Where copied text goes: the terminal's clipboard through OSC 52, a
 * command the user names (BRIEF_COPY), or a file of clips.
 *
 * Safety: the OSC 52 sequence is built here and only here, from text the
 * caller has sanitised (no C0, C1 or bidi controls: doc_sanitize_str);
 * base64 leaves nothing in it that a terminal could read as a control.  It
 * is written only when the user asks to copy, never because of document
 * content, and the terminal is asked nothing back. */
#ifndef BRIEF_CLIP_H
#define BRIEF_CLIP_H

#include <stddef.h>
#include <sys/types.h>

#include "brief/util.h"

/* The most text sent in one OSC 52 sequence.  Some terminals keep no more
 * than 100 KB of one (tmux itself keeps up to 1 MiB: INPUT_BUF_LIMIT);
 * base64 makes 4 bytes of 3, so 74,000 bytes of text make 98,676 bytes of
 * sequence with its introducer and BEL.  More is refused with a message,
 * never sent cut. */
#define CLIP_OSC52_MAX ((size_t)74000)

/* Append base64 (RFC 4648, with padding) of n bytes. */
void clip_base64(struct buf *out, const void *data, size_t n);

/* Append the OSC 52 sequence that sets the clipboard ("c") to text:
 * ESC ] 52 ; c ; BASE64 BEL.  Returns 0, or -1 (nothing appended) when
 * text is longer than CLIP_OSC52_MAX. */
int clip_osc52(struct buf *out, const char *text, size_t len);

/* Whether the terminal can take OSC 52, from the environment alone (the
 * terminal is asked nothing): TERM (NULL or "": no), and TMUX and STY as
 * tmux and GNU screen set them.  GNU screen, the Linux console, dumb and
 * hardware terminals, rxvt, PuTTY and Emacs' terminals cannot; xterm, tmux
 * and the terminals that call themselves xterm can (and ignore it safely
 * when they are set not to).  TERM=screen* is tmux's default type: with
 * TMUX set and STY not, it is tmux, which can. */
int clip_term_has_osc52(const char *term, const char *tmux, const char *sty);

struct clip_result {
	int ok;
	char msg[256];              /* for the status line: where it went, or why not */
};

/* A BRIEF_COPY command given its text without the reader ever blocking:
 * `sh -c COMMAND` with the text on its standard input (a pipe), output
 * and errors to /dev/null, in its own process group (a ^C typed at the
 * reader is not its) with default signals.  The reader polls what
 * clip_job_poll() says and calls clip_job_step() until it reports the
 * outcome.  A command that has not read the text in time is stopped (SIGTERM to its group); one that read it all and stays (a
 * clipboard owner that does not fork) counts as done.  Never touches the
 * terminal. */
#define CLIP_JOB_MS 5000
struct clip_job;

/* Start it, with wait_ms to read the text (CLIP_JOB_MS in the reader).
 * NULL when it is already over (it could not start): *r says why.
 * Otherwise the job, which owns a copy of the text. */
struct clip_job *clip_job_start(const char *command, const char *text, size_t len, int wait_ms,
				struct clip_result *r);
/* What to poll for: *fd (-1: nothing, then only wait) and *events, and
 * the most to wait in ms (-1: as long as it takes). */
void clip_job_poll(const struct clip_job *j, int *fd, short *events, int *timeout_ms);
/* Go on (after a poll, whatever it said): 1, once, when the outcome is
 * known, *r saying it; else 0.  After that the job only waits for its
 * process to end, to reap it: clip_job_done() says when it has. */
int clip_job_step(struct clip_job *j, struct clip_result *r);
int clip_job_done(const struct clip_job *j);
/* Let it go.  A command that has all its text is left to finish (a
 * clipboard owner serving a selection: unreaped, it waits for brief's
 * exit); one that has not is stopped. */
void clip_job_free(struct clip_job *j);

/* The whole of clip_job_* in one call, waiting for the outcome (at most
 * about wait_ms): for tests and tools, never the reader. */
void clip_to_command(const char *command, const char *text, size_t len, int wait_ms,
		     struct clip_result *r);

/* Append text to the clips file at path (created 0600; a symbolic link,
 * a FIFO or anything but a regular file is refused), after a line
 * "--- brief clip <when> <label> ---", followed by an empty line.  The
 * directory is created 0700 when missing. */
void clip_to_file(const char *path, const char *label, const char *text, size_t len,
		  struct clip_result *r);

/* $XDG_STATE_HOME/brief/clips, or ~/.local/state/brief/clips; NULL when
 * neither variable is usable.  Caller frees. */
char *clip_file_path(void);

/* Characters (code points) in UTF-8 text, for messages. */
size_t clip_chars(const char *text, size_t len);

#endif
