/* The reading position and marks of each document, kept in the state file
 * (state.c) between runs: restored at start, saved at every way out. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "brief/state.h"
#include "brief/ui_loop.h"

uint64_t statefile_key(const struct model *m)
{
	/* Keyed by the bytes as read: the same before and after checking.
	 * Hashing a long text's two ends is 0.9M instructions: not for nothing. */
	return state_key(m->doc.orig, m->doc.orig_len);
}

void statefile_load(struct ui *u, uint64_t key)
{
	char *path = state_path();
	if (!path)
		return;
	struct state_entry e;
	char *warning = NULL;
	int rc = state_load(path, key, &e, &warning);
	if (warning) {
		char *shown = doc_sanitize_name(warning);
		status_message(u, 1, "%s", shown);
		free(shown);
		free(warning);
	}
	int far = rc == 1 && e.pos > u->m->doc.ready;
	for (int i = 0; rc == 1 && i < 26; i++)
		far |= e.marks[i] != SIZE_MAX && e.marks[i] > u->m->doc.ready;
	if (far)
		doc_prepare_all(&u->m->doc);
	if (rc == 1 && e.pos <= u->m->doc.len) {
		vp_set_anchor(&u->vp, e.pos);
		for (int i = 0; i < 26; i++)
			u->vp.marks[i] = e.marks[i] <= u->m->doc.len ? e.marks[i] : SIZE_MAX;
	}
	free(path);
}

void statefile_save(const struct viewport *vp, uint64_t key, size_t pos)
{
	char *path = state_path();
	if (!path)
		return;
	struct state_entry e = { .key = key, .pos = pos };
	for (int i = 0; i < 26; i++)
		e.marks[i] = vp->marks[i];
	char *warning = NULL;
	/* Another instance's lock is waited on for a second at most, and not
	 * at all once a signal comes (a second ^C, the SSH session's HUP). */
	struct state_wait wait = { .stop_fd = signals_fd(), .max_ms = STATE_WAIT_MS };
	if (state_save(path, &e, &wait, &warning) != 0 && warning) {
		char *shown = doc_sanitize_name(warning);
		fprintf(stderr, "brief: %s\n", shown);
		free(shown);
	}
	free(warning);
	free(path);
}
