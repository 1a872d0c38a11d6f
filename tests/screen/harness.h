/* Screen-test harness: runs the real brief binary under a pseudo-terminal and
 * reads what it drew through libvterm.  Synchronisation is deterministic: the
 * harness waits until the child is blocked in its idle poll(..., -1) with no
 * output pending (read from /proc/PID/syscall), never for a fixed time. */
#ifndef BRIEF_TEST_HARNESS_H
#define BRIEF_TEST_HARNESS_H

#include <stddef.h>
#include <sys/types.h>

#include <vterm.h>

struct term;

/* Start argv[0] (a path) under a new pty of rows x cols.  envp_extra: NULL or
 * a NULL-terminated list of "NAME=VALUE" to set, or "NAME" to unset, in the
 * child.  Settles before returning.  Fails the test on error. */
struct term *term_start(int rows, int cols, const char *const argv[],
			const char *const envp_extra[]);

/* Terminals started from now on answer no queries (DECRQM, DA, DSR), as
 * tmux and many others leave some unanswered.  Default: libvterm answers. */
void term_set_silent(int on);
/* Terminals started from now on keep their answers back until
 * term_release() sends them, as a slow link delays them. */
void term_set_held(int on);
void term_release(struct term *t);
/* Terminals started from now on are not the program's controlling
 * terminal (its own session without one: setsid, a supervisor), so that
 * closing them sends it no SIGHUP. */
void term_set_detached(int on);
/* Close the terminal (its window gone, the connection dropped) and wait
 * (bounded) for the program to exit; 0 once it has.  Then term_finish. */
int term_hangup(struct term *t);
/* Wait (bounded) for the program to exit; 0 once it has. */
int term_wait_exit(struct term *t);
/* Held terminals: input the program left unread (what its shell would get). */
size_t term_unread_input(const struct term *t);
/* Held terminals: wait (bounded) until the program has woken since the last
 * term_write and taken all input; 0 once it has. */
int term_wait_taken(struct term *t);

/* Read and feed until the child blocks idle and nothing is pending, or it
 * exited or stopped.  Returns 0, or fails the test after a 10 s deadline. */
int term_settle(struct term *t);

/* Like term_settle, but returns -1 after timeout_ms instead of failing. */
int term_wait_idle(struct term *t, int timeout_ms);

/* Send a signal to the program, then settle. */
void term_signal(struct term *t, int sig);

/* Write bytes to the terminal (keys), then settle. */
void term_send(struct term *t, const char *bytes);
/* Write without settling (for sequences that are settled later). */
void term_write(struct term *t, const char *bytes, size_t len);
/* Named keys: "Up" "Down" "Left" "Right" "PgUp" "PgDn" "Home" "End" "Tab"
 * "BTab" (or "Shift-Tab") "Enter" "Esc" "Space" "Backspace" "F1" "^X"; anything else is sent
 * as it is.  One key per argument, NULL-terminated; settles after each. */
void term_keys(struct term *t, ...);
#define term_key(t, ...) term_keys((t), __VA_ARGS__, (const char *)NULL)

/* Change the pty size (the kernel sends SIGWINCH) and the screen's, settle. */
void term_resize(struct term *t, int rows, int cols);
void term_resize_burst(struct term *t, int n, const int (*sizes)[2], int nsizes);

int term_rows(const struct term *t);
int term_cols(const struct term *t);
/* UTF-8 text of row y: a wide char once, combining marks with their base,
 * trailing spaces trimmed.  The string belongs to the term (valid until the
 * next call of term_row). */
const char *term_row(struct term *t, int y);
/* Column of each byte of the last term_row result (NULL before any). */
const int *term_row_cols(const struct term *t);
/* First occurrence of s on the screen, top to bottom; 1 if found. */
int term_find(struct term *t, const char *s, int *y, int *x);
/* Like term_find, from row y0 on. */
int term_find_from(struct term *t, const char *s, int y0, int *y, int *x);
/* The whole screen as text, rows separated by '\n' (owned by the term). */
const char *term_text(struct term *t);
int term_cell(const struct term *t, int y, int x, VTermScreenCell *cell);
int term_cell_attrs(const struct term *t, int y, int x, VTermScreenCellAttrs *a);
void term_cursor(const struct term *t, int *y, int *x);
int term_cursor_visible(const struct term *t);
int term_altscreen(const struct term *t);
/* Print the screen (with row numbers) to stderr, for failure messages. */
void term_dump(struct term *t);

/* Every byte the program wrote to the terminal so far. */
const char *term_raw(const struct term *t, size_t *len);
/* 1 if the raw output contains the bytes needle[0..n). */
int term_raw_has(const struct term *t, const void *needle, size_t n);

pid_t term_pid(const struct term *t);
/* 1 once the child has exited (its status is kept). */
int term_exited(const struct term *t);

/* Close the pty, wait for the child (killing it after a deadline) and free
 * the term.  *status (if not NULL) gets the wait status.  Returns the exit
 * status, or 128 + signal if it died of a signal. */
int term_finish(struct term *t, int *status);

/* The environment every screen test runs brief in, whatever the caller's:
 * LANG and LC_ALL C.UTF-8, TERM xterm-256color, no NO_COLOR, LINES,
 * COLUMNS, BRIEF_COPY, BRIEF_NO_OSC52, TMUX or STY; tmpdir (a mkdtemp
 * template, filled in) created, HOME a fresh folder in it, no XDG state
 * or config folder, so the real home is never touched.  The children
 * inherit it.  0, or -1 with a message on stderr. */
int term_test_env(char *tmpdir);
/* q, then the program must end with status 0. */
void term_quit_ok(struct term *t);
/* name written in term_test_env's folder holding data; the path, to free. */
char *term_write_temp(const char *name, const void *data, size_t n);

/* Kill and reap every term still alive (for test teardown after a failed
 * assertion). */
void term_cleanup_all(void);

#endif
