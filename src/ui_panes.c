/* The panes, one line each, and how an action or a click reaches one: the
 * focused pane first, then the article pane with whatever it returns. */
#include "config.h"

#include "brief/ui_loop.h"

const struct pane_ops *const ui_panes[PANE_COUNT] = {
	[PANE_ARTICLE] = &article_pane,
	[PANE_PANEL] = &panel_pane,
	[PANE_COMPARE] = &compare_pane,
	[PANE_HELP] = &help_pane,
	[PANE_CARD] = &card_pane,
};

/* What a pane returned, to the article: its fallback for whatever the
 * others do not handle, and the pane of jumps (a selection's first
 * occurrence, a search). */
static void to_article(struct ui *u, void *const pane[], enum pane from, enum action a,
		       long count, struct fx *fx)
{
	if (a == ACT_NONE || from == PANE_ARTICLE)
		return;
	ui_panes[PANE_ARTICLE]->handle(u, pane[PANE_ARTICLE], a, &count, fx);
}

void pane_act(struct ui *u, void *const pane[], enum pane p, enum action a, long count,
	      struct fx *fx)
{
	long c = count;
	enum action rest = ui_panes[p]->handle(u, pane[p], a, &c, fx);
	to_article(u, pane, p, rest, c, fx);
}

void pane_mouse(struct ui *u, void *const pane[], enum pane p, int y, int x, int wheel,
		struct fx *fx)
{
	if (!ui_panes[p]->mouse)
		return;
	long count = 0;
	enum action rest = ui_panes[p]->mouse(u, pane[p], y, x, wheel, &count, fx);
	/* The article's own click (a selection) goes to its first occurrence. */
	if (rest != ACT_NONE)
		ui_panes[PANE_ARTICLE]->handle(u, pane[PANE_ARTICLE], rest, &count, fx);
}
