/* The help screen, generated from the action table so it cannot drift. */
#include "config.h"

#include <string.h>

#include "brief/ui_views.h"

struct help_ctx {
	struct ui *u;
	WINDOW *w;
	int y, row, h, width;
};

static void help_row(struct help_ctx *c, const char *keys, const char *text, attr_t a)
{
	int y = c->row++ - c->u->help_top + 2;
	if (y < 2 || y >= c->h)
		return;
	draw_str(c->w, y, 2, 22, keys, a | c->u->attr[ROLE_HEADER]);
	if (c->width > 26)
		draw_str(c->w, y, 26, c->width - 26, text, a);
}

static void action_row(void *ctx, const char *keys, const char *help)
{
	struct help_ctx *c = ctx;
	help_row(c, keys, help, A_NORMAL);
}

int help_rows(void)
{
	return ACT_COUNT + 10;
}

void help_draw(struct ui *u)
{
	WINDOW *w = stdscr;
	struct help_ctx c = { .u = u, .w = w };
	getmaxyx(w, c.h, c.width);
	werase(w);
	draw_str(w, 0, 0, c.width, "brief: keys (q, h or Esc to close; j/k/Space/b scroll)",
		 u->attr[ROLE_STATUS]);
	draw_fill(w, 0, text_width("brief: keys (q, h or Esc to close; j/k/Space/b scroll)"),
		  c.width, u->attr[ROLE_STATUS]);
	keymap_help_lines(action_row, &c);
	help_row(&c, "", "", A_NORMAL);
	help_row(&c, "N<key>", "A number before a key is its count: 5j, 50p, 120g", A_NORMAL);
	help_row(&c, "wheel, click", "Scroll the pane under the pointer; click a highlight, a panel row or a chart row to select it", A_NORMAL);
	help_row(&c, "", "", A_NORMAL);
	help_row(&c, "Styles", "", A_NORMAL);
	help_row(&c, "actor", "bold", u->attr[ROLE_ACTOR]);
	help_row(&c, "figure", "underlined", u->attr[ROLE_FIGURE]);
	help_row(&c, "selected entity", "bold and underlined", u->attr[ROLE_SELECTED]);
	help_row(&c, "search match", "reverse", u->attr[ROLE_MATCH]);
	help_row(&c, "cursor", "reverse and bold", u->attr[ROLE_CURSOR]);
	help_row(&c, "comparison source", "reverse and underlined", u->attr[ROLE_SOURCE]);
	wnoutrefresh(w);
}

/* Returns 1 while the help stays open. */
int help_handle(struct ui *u, enum action a)
{
	int h = getmaxy(stdscr) - 2;
	int max = help_rows() - h;
	switch (a) {
	case ACT_LINE_DOWN:
	case ACT_ENTER:
		u->help_top++;
		break;
	case ACT_LINE_UP:
		u->help_top--;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		u->help_top += h > 1 ? h - 1 : 1;
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		u->help_top -= h > 1 ? h - 1 : 1;
		break;
	case ACT_TOP:
		u->help_top = 0;
		break;
	case ACT_BOTTOM:
		u->help_top = max;
		break;
	case ACT_QUIT:
	case ACT_HELP:
	case ACT_CLEAR:
		u->help = 0;
		return 0;
	default:
		break;
	}
	if (u->help_top > max)
		u->help_top = max;
	if (u->help_top < 0)
		u->help_top = 0;
	return 1;
}
