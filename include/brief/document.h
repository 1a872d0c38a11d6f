/* A document: the bytes as read, and a sanitised copy that is valid UTF-8,
 * safe to send to a terminal, with LF line ends.  Offsets into the sanitised
 * text (named `off`) map back to offsets into the bytes as read (`orig`). */
#ifndef BRIEF_DOCUMENT_H
#define BRIEF_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

/* Exit statuses shared by the loaders (sysexits). */
#define BRIEF_EXIT_USAGE   2
#define BRIEF_EXIT_DATAERR 65
#define BRIEF_EXIT_NOINPUT 66

/* Placeholders written in place of what must not reach a terminal. */
#define DOC_PH_INVALID 0xFFFDu  /* invalid UTF-8: one per maximal subpart */
#define DOC_PH_OTHER   0xFFFDu  /* C1, bidi, zero-width, unassigned, ... */
/* Emoji presentation marks and invisible format characters are dropped
 * (doc_cp_is_presentation, doc_cp_is_invisible); a run of
 * five or more of one unsafe byte shows three placeholders and U+2026. */
/* C0 controls become U+2400 + byte, DEL becomes U+2421 (Control Pictures). */

struct doc_repl;                /* private: doc_private.h */
struct doc_lines;
struct san;

/* Memory for a file of S bytes, whatever it holds: at most 3 S of heap for
 * the checked text (none while nothing needs replacing: the text is the
 * mapping), plus at most S / 16 for the replacements' spans and S / 500 for
 * the line index (doc_private.h has the arithmetic). */
struct doc {
	char *name;                 /* for messages: the path, "(stdin)", "(bundled)" */
	const uint8_t *orig;        /* the bytes as read */
	size_t orig_len;
	const uint8_t *text;        /* sanitised; == orig when nothing changed */
	size_t len;                 /* text[len] is always readable and is '\0' */
	size_t nlines;              /* a final line without LF counts; "" has 0 */
	size_t ready;               /* text[0, ready) is checked and indexed; the rest
	                               of a lazily opened file is not yet: never show,
	                               search or scan past it (see doc_prepare_step) */
	/* private to document.c, doc_sanitize.c and doc_lines.c */
	struct doc_repl *repl;      /* spans of replacements, sorted */
	size_t nrepl;
	int mapped;                 /* orig is an mmap of orig_len bytes */
	int map_fd;                 /* the mapped file, open while mapped */
	uint8_t *orig_owned;        /* heap copy of orig (stdin, memory) */
	uint8_t *text_owned;        /* heap sanitised text, when it differs */
	size_t orig_ready;          /* orig[0, orig_ready) is behind text[0, ready) */
	struct san *san;            /* sanitising in progress */
	struct doc_lines *lx;       /* the line index */
};

struct doc_error {
	int err;                    /* errno of the failure, 0 when not a system error */
	char msg[512];              /* "path: reason", ready to print */
};

/* Load a file ("-" means standard input).  Regular files are mapped, anything
 * else is read whole.  Directories are refused.  Returns 0, or with err
 * filled in BRIEF_EXIT_NOINPUT, or BRIEF_EXIT_NOMEM (util.h) for a regular
 * file over DOC_READ_MAX that cannot be mapped for want of memory (address
 * space: ulimit -v); a smaller one is read instead.  (The reader opens lazily with
 * doc_open_file; this whole-file form is for tests and tools.) */
int doc_load_file(struct doc *d, const char *path, struct doc_error *err);
/* Like doc_load_file, but a large regular file is only checked and indexed
 * as far as its first slice: the caller goes on with doc_prepare_step, so the
 * first screen shows at once.  Offsets below `ready` never change.  A line
 * longer than 32 MiB as read is cut into lines of 32 MiB (at a character
 * boundary, with no LF between them), so that no slice walks further. */
int doc_open_file(struct doc *d, const char *path, struct doc_error *err);
/* Check and index about `bytes` more, ending on a line boundary.  From the
 * first unsafe byte on, text is a sanitised heap copy that grows slice by
 * slice (text may move: keep offsets, not pointers); offsets below `ready`
 * never change.  len is final only once complete.  Returns 1 then. */
int doc_prepare_step(struct doc *d, size_t bytes);
void doc_prepare_all(struct doc *d);
int doc_complete(const struct doc *d);
/* Let the kernel drop the mapped pages of text[from, to) from this process
 * (they come back from the page cache when read): a 100 MB file need not stay
 * resident once scanned. */
void doc_release(const struct doc *d, size_t from, size_t to);
/* Input read to its end (a pipe, a device) stops past this, an error: a
 * regular file of any size is mapped instead.  The message says 256 MiB. */
#define DOC_READ_MAX ((size_t)256 << 20)
/* Whether the mapped file shrank or failed to read since it was opened
 * (mapguard.h); a shrink is noticed here even where no read faulted. */
int doc_shrank(const struct doc *d);
/* A private copy of text[from, to) as it is now, for output.  A mapped file
 * can change under brief (rewritten in place, truncated), and what is
 * written must be safe when it is written: the copy (*out, malloc'd, NUL-
 * terminated, *out_len bytes) is checked, and sanitised if it must be;
 * *changed (may be NULL) then says so: its bytes are not those checked at
 * open, and offsets into the text no longer fall on them.  Returns 0, or -1
 * with nothing allocated when the copy read past the new end of a file
 * that shrank since it was opened (doc_shrank() is then true): a dump stops
 * before it.  One fstat(), only when the copy of a mapped file is not as
 * checked. */
int doc_copy_text(const struct doc *d, size_t from, size_t to, char **out, size_t *out_len,
		  int *changed);
/* Load from a file descriptor read to EOF (pipes, FIFOs, ttys). */
int doc_load_fd(struct doc *d, int fd, const char *name, struct doc_error *err);
/* errno e as brief's messages say it: strerror()'s words, but a directory
 * is "is a directory" (it is named before, as in "PATH: is a directory"). */
const char *doc_strerror(int e);
/* Load from memory; the bytes are copied only if sanitising changes them,
 * otherwise borrowed: they must outlive the document, and bytes[n] must be
 * readable and '\0' (it becomes text[len]; embed.sh assets end in one). */
int doc_load_mem(struct doc *d, const char *name, const uint8_t *bytes, size_t n);
void doc_free(struct doc *d);

/* Original byte offset for a sanitised offset (0..len inclusive).  An offset
 * inside a replacement maps to the start of the original bytes it replaced;
 * len maps to orig_len. */
size_t doc_orig_off(const struct doc *d, size_t off);
/* Where line i starts (i < nlines; else ready).  In order, each costs a
 * memchr() over the line before; out of order, at most a 4 KiB block. */
size_t doc_line_start(const struct doc *d, size_t i);
/* Line containing off (0..nlines-1); off == len gives the last line. */
size_t doc_line_at(const struct doc *d, size_t off);
/* End of line i, excluding its LF. */
size_t doc_line_end(const struct doc *d, size_t i);
/* Is line i empty? */
int doc_line_blank(const struct doc *d, size_t i);
/* The first line at or after i that is not blank, else nlines; the last at
 * or before i (i past the end: the last line) that is not, else SIZE_MAX.
 * A run of blank lines is skipped as the run of LF bytes it is, in time
 * for its bytes and not its index entries: a file of newlines has millions. */
size_t doc_next_nonblank(const struct doc *d, size_t i);
size_t doc_prev_nonblank(const struct doc *d, size_t i);
/* 1-based line and column (in code points) of an original offset, for messages. */
void doc_orig_linecol(const struct doc *d, size_t orig, size_t *line, size_t *col);

/* Whether a code point is allowed through unchanged (pure, locale-free):
 * not C0 (but TAB, LF), DEL, C1, general category Cf/Cs/Co/Cn, noncharacters,
 * a character on which libunistring's and glibc's widths disagree, nor an
 * emoji presentation mark (below). */
int doc_cp_is_safe(uint32_t cp);
/* An emoji presentation mark: U+FE0E, U+FE0F (variation selectors), U+20E3
 * (combining enclosing keycap), U+1F3FB..U+1F3FF (skin tones).  Terminals
 * disagree on the width of the sequences they make, so the sanitiser drops
 * them, with no placeholder: the character before shows in its plain form
 * ("❤", "1", "👍"), as wide as everything counts it. */
int doc_cp_is_presentation(uint32_t cp);
/* A character that only hints at formatting and draws nothing: SOFT
 * HYPHEN, ZERO WIDTH SPACE, LEFT-TO-RIGHT and RIGHT-TO-LEFT MARK, WORD
 * JOINER, ZERO WIDTH NO-BREAK SPACE (a BOM past the start), ARABIC LETTER
 * MARK.  Text and pages are full of them ("Bundes<SHY>tag", URLs broken
 * with ZWSP); a placeholder in their place split the word on screen, in
 * search and in actor names, so the sanitiser drops them as it drops
 * presentation marks.  Embeddings, overrides and isolates, which reorder
 * what follows, stay placeholders.  Not safe (doc_cp_is_safe is 0). */
int doc_cp_is_invisible(uint32_t cp);

/* Sanitise n bytes into a fresh NUL-terminated buffer (for annotation text and
 * anything else bound for the screen).  *out_len receives its length. */
char *doc_sanitize_str(const char *s, size_t n, size_t *out_len);
/* The same for a NUL-terminated string. */
char *doc_sanitize_cstr(const char *s);
/* The same for a name or anything else printed inside a one-line message (a
 * path, an option echoed back, a warning): a line feed and a tab become
 * U+240A and U+2409 as well, so a name cannot start a second line.  malloc'd. */
char *doc_sanitize_name(const char *s);

#endif
