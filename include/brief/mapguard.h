/* A mapped file that shrinks under us (logrotate's copytruncate, an editor
 * saving in place) raises SIGBUS on the next read past its new end.  The
 * guard turns that into blank pages and a flag the caller checks, so the
 * reader ends cleanly: terminal restored, position saved, a message. */
#ifndef BRIEF_MAPGUARD_H
#define BRIEF_MAPGUARD_H

#include <stddef.h>

/* Guard [base, base + span), whole pages from a page boundary, of which the
 * first len bytes are a file's.  Installs the SIGBUS handler if it is not.
 * 0, or -1 (errno set) when it cannot or all slots are taken. */
int mapguard_add(const void *base, size_t span, size_t len);
/* Stop guarding the range added at base (before it is unmapped). */
void mapguard_remove(const void *base);
/* 0, or why a read of a guarded file failed since: MAPGUARD_SHRANK (past
 * its new end) or MAPGUARD_IOERR.  The pages lost read as line feeds from
 * then on, not as the file, and the document scans no further.  A shrink
 * within the page that holds the new end reads as zeros, no fault: the
 * document notices it by the file's size (doc_shrank) and trips it so. */
enum { MAPGUARD_SHRANK = 1, MAPGUARD_IOERR = 2 };
int mapguard_tripped(void);
/* Trip it from outside the handler (the first reason stays). */
void mapguard_trip(int why);

#endif
