/* Reading notes: one-line notes on sentences of a document, kept across
 * runs in their own file, $XDG_STATE_HOME/brief/notes (else
 * ~/.local/state/brief/notes), mode 0600.
 *
 * A note is anchored to the text of its sentence, not to an offset, so an
 * edited article keeps it: at open each note is looked for again (the
 * occurrence nearest the offset it was last seen at), and one whose
 * sentence is gone is "orphaned": listed as such, never dropped.
 *
 * Notes are filed by the document's identity (notes_doc_id): the real path
 * of a named file, "(bundled commentary)", or for standard input the
 * header's title, else the state key.
 *
 * The file is text:
 *
 *	brief-notes 1
 *	doc "/home/reader/article.txt"
 *	note 5f0c2a9e11d3b7c4 1234 "The sentence as quoted." "The note."
 *
 * A doc line starts a document's notes, each note line holds an id (16 hex
 * digits), the byte offset where its sentence was last seen, the sentence
 * and the note as quoted strings (\" \\ \n \t and \xHH escapes; anything
 * else as it is, UTF-8).  Lines brief does not understand are kept as they
 * are when it rewrites the file, and said (FILE:LINE:COLUMN), never
 * dropped; "brief-notes N" with N > 1 is a newer format: read as no notes,
 * never written.
 *
 * The parser and the anchoring are pure; notes_load and notes_update do
 * the file's I/O through the state file's own primitives (state.h:
 * state_file_read, state_file_rewrite), so with the same care and never
 * blocking the reader: regular files only, opened O_NONBLOCK; a lock file
 * beside it (notes.lock, O_NOFOLLOW) taken without blocking, with a
 * bounded wait; the file replaced atomically, mode 0600, or written
 * through a link only into a file that is brief's notes already. */
#ifndef BRIEF_NOTES_H
#define BRIEF_NOTES_H

#include <stddef.h>
#include <stdint.h>

#include "brief/state.h"
#include "brief/util.h"

#define NOTES_HEADER "brief-notes 1"
/* A note's text and an anchor, in bytes at most (cut on a character). */
#define NOTES_TEXT_MAX ((size_t)1000)
#define NOTES_ANCHOR_MAX ((size_t)2000)
/* A notes file larger than this is not brief's, and not read. */
#define NOTES_FILE_MAX ((size_t)16 << 20)

enum note_place {
	NOTE_UNPLACED,              /* not looked for yet (the text is not all read) */
	NOTE_FOUND,
	NOTE_ORPHANED               /* its sentence is not in the text */
};

struct note {
	uint64_t id;                /* unique in the file; never 0 */
	char *text;                 /* the note: one line, sanitised UTF-8, owned */
	char *anchor;               /* its sentence, white space runs as one space,
	                               sanitised, owned */
	size_t hint;                /* where the sentence started when last seen */
	/* Where it is now (notes_anchor). */
	enum note_place place;
	size_t start, end;          /* the sentence's span in the text */
};

struct notes {
	struct note *v;             /* found ones in text order, then the rest */
	size_t n, cap;
};

void notes_free(struct notes *ns);
/* The note with this id, or NULL. */
struct note *notes_find(struct notes *ns, uint64_t id);
/* Add n (its strings copied), or replace the note with its id. */
void notes_put(struct notes *ns, const struct note *n);
/* Remove the note with this id; 1 if there was one. */
int notes_remove(struct notes *ns, uint64_t id);
/* A new id: the clock, the pid and a counter, never 0. */
uint64_t notes_new_id(void);

/* s[0, n) as an anchor: runs of white space one space, none at the ends,
 * sanitised, at most NOTES_ANCHOR_MAX bytes.  Caller frees. */
char *notes_anchor_text(const char *s, size_t n);
/* A note's text: one line (line ends and tabs become spaces), trimmed,
 * sanitised, at most NOTES_TEXT_MAX bytes.  Caller frees. */
char *notes_clean_text(const char *s, size_t n);

/* Find each note's sentence in text[0, len): the occurrence of its anchor
 * (white space matching any run of white space) nearest its hint.  A note
 * not found is NOTE_ORPHANED when complete (the text is all there), else
 * left NOTE_UNPLACED.  Notes are then ordered: found ones by start, the
 * rest after in the order they were. */
void notes_anchor(struct notes *ns, const uint8_t *text, size_t len, int complete);

/* ---- the file's text (pure) ---------------------------------------------- */

/* The notes of document `doc` in the file's text s[0, n) (name: for
 * messages), appended to out.  Returns 0; 1 when the file is of a newer
 * format (nothing read); lines not understood leave *warning (malloc'd,
 * the caller frees) saying where the first is, "NAME:LINE:COLUMN: what"
 * (and how many more), and are skipped. */
int notes_parse(const char *name, const char *s, size_t n, const char *doc, struct notes *out,
		char **warning);
/* The file's new text: s[0, n) with the notes of `doc` replaced by ns,
 * written last; every other line kept as it was (other documents', lines
 * not understood, those of doc's among them too). */
void notes_format_file(struct buf *out, const char *s, size_t n, const char *doc,
		       const struct notes *ns);
/* Append s as a quoted string of the format. */
void notes_quote(struct buf *out, const char *s);

/* ---- the file (I/O) --------------------------------------------------------- */

/* $XDG_STATE_HOME/brief/notes, else ~/.local/state/brief/notes; NULL when
 * neither is set.  Caller frees. */
char *notes_path(void);

/* The notes of doc from the file at path into out (none: no file).
 * Returns 0; 1 with *warning (malloc'd) when lines were not understood
 * (the notes that were are read); -1 with *warning when nothing was read:
 * the file could not be read, is not a regular file, is over
 * NOTES_FILE_MAX or of a newer format. */
int notes_load(const char *path, const char *doc, struct notes *out, char **warning);

/* Under the file's lock (wait: how long another brief's may be waited
 * for, as for state_save; NULL: STATE_WAIT_MS): read it, put `put` (NULL: none) among doc's
 * notes, remove the note remove_id (0: none), write it back, and give the
 * doc's notes as the file now has them in *now (NULL: not wanted; its
 * notes are replaced, unanchored).  Another brief's notes on the same
 * document, written since this one read them, are kept.  Returns 0, or -1
 * with *warning: nothing written. */
int notes_update(const char *path, const char *doc, const struct note *put, uint64_t remove_id,
		 const struct state_wait *wait, struct notes *now, char **warning);

/* The identity notes are filed under: the real path of a named file
 * (path: as named, not "-"); else `bundled` (the bundled text's name) when
 * not NULL; else, for standard input, "(stdin) title: TITLE" when the
 * header has a title, "(stdin) key: KEY" (the state key, 16 hex digits)
 * when not.  Caller frees. */
char *notes_doc_id(const char *path, const char *bundled, const char *title, uint64_t key);

#endif
