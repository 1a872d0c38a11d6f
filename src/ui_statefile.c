/* The reading position, marks and panes shown of each document, kept in
 * the state file (state.c) between runs: restored at start, saved at every
 * way out. */
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

void statefile_load(struct ui *u, uint64_t key, int *show_panel, int *show_compare)
{
	char *path = state_path();
	if (!path)
		return;
	struct state_entry e = { 0 };     /* a load that reads nothing says nothing */
	char *warning = NULL;
	int rc = state_load(path, key, &e, &warning);
	if (warning) {
		char *shown = doc_sanitize_name(warning);
		status_message(u, 1, "%s", shown);
		free(shown);
		free(warning);
	}
	/* Found or not, the panes as last left (state_load's newest). */
	if (rc >= 0 && e.panel)
		*show_panel = e.panel == STATE_SHOW_ON;
	if (rc >= 0 && e.compare)
		*show_compare = e.compare == STATE_SHOW_ON;
	int far = rc == 1 && e.pos > u->m->doc.ready;
	for (int i = 0; rc == 1 && i < 26; i++)
		far |= e.marks[i] != SIZE_MAX && e.marks[i] > u->m->doc.ready;
	if (far)
		doc_prepare_all(&u->m->doc);
	if (rc == 1 && e.pos <= u->m->doc.len) {
		/* Placed when the layout tells the article its size (right
		 * after): laying the text out at the 1 x 1 it has until then
		 * would cost a long line's whole length. */
		u->vp.anchor = e.pos;
		for (int i = 0; i < 26; i++)
			u->vp.marks[i] = e.marks[i] <= u->m->doc.len ? e.marks[i] : SIZE_MAX;
	}
	free(path);
}

void statefile_save(const struct viewport *vp, uint64_t key, size_t pos, int show_panel,
		    int show_compare)
{
	char *path = state_path();
	if (!path)
		return;
	struct state_entry e = { .key = key, .pos = pos };
	e.panel = show_panel ? STATE_SHOW_ON : STATE_SHOW_OFF;
	e.compare = show_compare ? STATE_SHOW_ON : STATE_SHOW_OFF;
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
