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

/* The most text sent in one OSC 52 sequence.  tmux keeps at most about
 * 100 KB of a sequence and many terminals cut near there too; base64 makes
 * 4 bytes of 3, so 74,000 bytes of text make 98,668 bytes of sequence.
 * More is refused with a message, never sent cut. */
#define CLIP_OSC52_MAX ((size_t)74000)

/* Append base64 (RFC 4648, with padding) of n bytes. */
void clip_base64(struct buf *out, const void *data, size_t n);

/* Append the OSC 52 sequence that sets the clipboard ("c") to text:
 * ESC ] 52 ; c ; BASE64 BEL.  Returns 0, or -1 (nothing appended) when
 * text is longer than CLIP_OSC52_MAX. */
int clip_osc52(struct buf *out, const char *text, size_t len);

/* Whether a terminal of this type can take OSC 52 (NULL or "" TERM: no).
 * GNU screen, the Linux console, dumb and hardware terminals cannot;
 * xterm, tmux and the terminals that call themselves xterm can (and
 * ignore it safely when they are set not to). */
int clip_term_has_osc52(const char *term);

struct clip_result {
	int ok;
	char msg[256];              /* for the status line: where it went, or why not */
};

/* Give text to `sh -c COMMAND` on its standard input; its output and
 * errors go to /dev/null, and it runs in its own process group so a ^C
 * at the reader does not reach it.  Waits at most wait_ms for it to read
 * the text and exit (a clipboard tool that stays to serve the selection,
 * as xclip does, has forked by then); a command that has not read the
 * text by then is killed.  Never touches the terminal. */
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

#endif
