/* Test support: the text of a document with many different names, to take
 * the actor finder past its ACTORS_MAX_NAMES bound.  Shared by the tests
 * that check what brief shows, exports and drafts past that bound, so that
 * they all mean the same document.  Needs only the C library, so that the
 * screen tests, which do not link libbrief, can use it too. */
#ifndef BRIEF_TESTS_MANY_NAMES_H
#define BRIEF_TESTS_MANY_NAMES_H

#include <stddef.h>

/* A new NUL-terminated text: head (NULL: none), then n lines,
 * "Kaaaaro Veaalu said on Monday.\n" and so on.  Line i names a person of
 * two words that no other line names (for i below 26 * 26 * 26), each a
 * name by its speech verb.  *len (when not NULL) gets its length in bytes.
 * The caller frees it.  Aborts when out of memory. */
char *many_names_text(const char *head, unsigned n, size_t *len);

/* A head naming one actor the finder is sure of (Alan Brackley, by his
 * title) and one it finds likely (Mary Zorblat, by a speech verb): past
 * the bound the first is shown and the second is not. */
#define MANY_NAMES_SURE_AND_LIKELY \
	"Minister Alan Brackley told reporters the plan was good.\n" \
	"Mary Zorblat said the plan was good.\n"

#endif
