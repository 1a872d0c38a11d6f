/* The interactive reader: one event loop over the terminal and signals. */
#ifndef BRIEF_UI_H
#define BRIEF_UI_H

#include "brief/model.h"
#include "brief/search.h"

struct ui_options {
	int ascii;                  /* no line-drawing or block characters */
	int no_color;               /* NO_COLOR or --no-color */
	int no_state;               /* do not read or write the reading position */
	int no_panel, no_compare;   /* start without the side panel, the comparison */
	int no_margins;             /* never scroll with the terminal's left/right margins */
	const char *term;           /* TERM to use, NULL: from the environment */
	/* Copying and notes (issue 21), additive. */
	const char *path;           /* the file as named on the command line; NULL
	                               or "-": the bundled text or standard input */
	int cite;                   /* enum cite_style (cite.h): --cite */
	int no_osc52;               /* --no-osc52 or BRIEF_NO_OSC52: never OSC 52 */
	enum search_case search_case;   /* -i (the default: smart case) or -I */
};

/* Run until the user quits; returns the exit status. */
int ui_run(struct model *m, const struct ui_options *o);

#endif
