/* What the views of the reader share: the UI state, the panes and the
 * drawing helpers.  Views draw from this state and never the other way. */
#ifndef BRIEF_UI_VIEWS_H
#define BRIEF_UI_VIEWS_H

#include <curses.h>
#include <stddef.h>

#include "brief/actions.h"
#include "brief/chart.h"
#include "brief/layout.h"
#include "brief/model.h"
#include "brief/search.h"
#include "brief/ui.h"
#include "brief/viewport.h"
#include "brief/util.h"

enum pane { PANE_ARTICLE, PANE_PANEL, PANE_COMPARE, PANE_COUNT };

/* Semantic roles; each has an attribute that survives monochrome. */
enum role {
	ROLE_TEXT, ROLE_ACTOR, ROLE_FIGURE, ROLE_SELECTED, ROLE_CURSOR, ROLE_MATCH,
	ROLE_SOURCE, ROLE_HEADER, ROLE_TITLE, ROLE_ROW, ROLE_ROW_FOCUS, ROLE_STATUS,
	ROLE_ERROR, ROLE_BORDER, ROLE_CURRENT, ROLE_DEMAND, ROLE_DIM, ROLE_COUNT
};

/* What n / N walk through: a search, or the selected entity's mentions. */
enum nav { NAV_NONE, NAV_SEARCH, NAV_SELECTION };

/* A selection from the panel: an entity, or all figures with one text. */
struct selection {
	int active;
	int is_figure;
	long entity;                /* entity index */
	size_t fig_group;           /* figure group index */
	size_t *occ;                /* start offsets of every occurrence */
	size_t *occ_end;
	size_t nocc;
};

struct fig_group {
	size_t first;               /* index of its first figure */
	size_t count;
	uint32_t hash;
};

struct panel_row {
	enum { PROW_HEADING, PROW_ENTITY, PROW_FIGURE, PROW_NOTE } kind;
	size_t index;               /* entity index or figure group */
	char *text;                 /* headings and notes */
};

struct ui {
	struct model *m;
	const struct ui_options *opt;
	SCREEN *scr;
	FILE *tin, *tout;
	int tty_fd;
	int rows, cols;
	WINDOW *win[PANE_COUNT];
	WINDOW *status;
	int show_panel, show_compare; /* wide screens: the user's choice */
	int overlay_open;           /* narrow screens: the panel brought over the article */
	int panel_overlay;          /* the panel covers the article now */
	enum pane focus;
	attr_t attr[ROLE_COUNT];
	int ascii;
	struct keymap *keys;

	/* article */
	struct viewport vp;
	int art_title;              /* 1 when the header row is shown */
	struct selection sel;
	enum nav nav;
	uint8_t *rolebuf;           /* scratch: a role per byte of a display line */
	size_t rolebuf_cap;
	size_t *mbuf;               /* scratch: search matches of one source line */
	size_t mbuf_n, mbuf_cap;

	/* search */
	long search_count;          /* typed before / or ?: go to that match */

	/* panel */
	struct panel_row *prow;
	size_t nprow, prow_cap;
	size_t psel, ptop;          /* selected row, first visible row */
	struct fig_group *groups;
	size_t ngroups, groups_cap;
	uint32_t *ghash;            /* open-addressing table of group indices + 1 */
	size_t ghash_cap;
	size_t figs_grouped;        /* figures already grouped */

	/* comparison */
	struct chart *charts;       /* one per comparison, at chart_w */
	size_t ncharts;
	int chart_w;
	size_t csel, ctop;          /* selected and first visible chart line (flat) */
	int cmp_h;

	/* status and prompt */
	struct buf msg;
	int msg_error;
	int prompting;
	int prompt_char;            /* '/', '?', 'm' or '\'' */
	struct buf input;
	char *history[16];          /* search patterns, oldest first */
	int nhistory;
	int hist_pos;               /* -1: a new pattern; else n back from the newest */
	long count;
	int has_count;

	/* help */
	int help;
	int help_top;

	/* terminal */
	int slrm;                   /* it confirmed left/right margins */
	int slrm_yes, slrm_no;      /* key codes of its answers, -1: not asked */
	int slrm_answered;          /* the first answer came (a later one still counts) */
	int64_t slrm_asked_ms;      /* when the question went out */
	struct vp_pos drawn_top;       /* the article's top row as last drawn */
	int drawn_ok;               /* 0: that frame is gone (relayout, help) */

	int quit;
	int exit_status;
	int need_clear;
	uint64_t state_key;
};

/* m or ' typed, its letter not yet: prompt_char outlives a search prompt,
 * so it alone does not say a prompt is open. */
static inline int mark_pending(const struct ui *u)
{
	return u->prompt_char == 'm' || u->prompt_char == '\'';
}

/* ui.c and ui_input.c */
void ui_relayout(struct ui *u);
void ui_read_keys(struct ui *u);
/* 1 if a ^C came that nothing has answered yet, which it now is: long work
 * stops on it, and the event loop then takes it for no quit. */
int ui_take_interrupt(void);

/* theme.c */
void theme_init(struct ui *u);

/* ui_draw.c: UTF-8 text into curses cells, clipped by width (never writing
 * half of a wide character), tabs expanded from x0. */
int draw_text(WINDOW *w, int y, int x, int maxw, const uint8_t *s, size_t n, attr_t a);
int draw_str(WINDOW *w, int y, int x, int maxw, const char *s, attr_t a);
void draw_fill(WINDOW *w, int y, int x, int n, attr_t a);
void draw_set_ascii(int on);
/* Move `delta` selectable rows from cur among n (ok says which are), staying
 * put at either end: the panel and the chart share it. */
size_t list_step(size_t cur, size_t n, long delta, int (*ok)(void *ctx, size_t i), void *ctx);
int text_width(const char *s);

/* view_article.c */
/* Percent of the article above the bottom of the pane, as less shows it;
 * with end, also whether the pane shows the article's last line. */
int article_percent(struct ui *u, int *end);
void article_draw(struct ui *u);
void article_handle(struct ui *u, enum action a, long count);
int article_hit(struct ui *u, int y, int x, size_t *off);
/* The count-th match on (count >= 1); from_here: a new search, which may
 * match at the reference itself. */
void article_search_next(struct ui *u, int backward, int from_here, long count);
/* Index of the first occurrence of the selection at or after off. */
size_t occ_at(const struct selection *s, size_t off);

/* view_panel.c */
void panel_update(struct ui *u);
void panel_draw(struct ui *u);
void panel_handle(struct ui *u, enum action a, long count);
void panel_click(struct ui *u, int y);
void panel_free(struct ui *u);
void select_entity(struct ui *u, long entity);
void select_figure_group(struct ui *u, size_t group);
void selection_clear(struct ui *u);
/* Rebuild the occurrences (the scan found more) without moving anything. */
void selection_refresh(struct ui *u);
const char *figure_group_text(struct ui *u, size_t g, size_t *len);
long figure_group_of(struct ui *u, const struct figure *f);

/* view_compare.c */
void compare_view_build(struct ui *u, int width);
int compare_view_lines(struct ui *u);
void compare_view_draw(struct ui *u);
void compare_view_handle(struct ui *u, enum action a, long count);
void compare_view_click(struct ui *u, int y);
void compare_view_free(struct ui *u);

/* view_help.c */
void help_draw(struct ui *u);
int help_rows(struct ui *u);
int help_handle(struct ui *u, enum action a, long count);

/* ui_termscroll.c */
/* The terminal's string capability name, NULL when it has none (tigetstr()
 * says so with NULL or -1). */
const char *term_cap(const char *name);
/* Ask the terminal whether it has left/right margins (after newterm). */
void margins_probe(struct ui *u);
/* 1 if the key was the terminal's answer, which it then takes. */
int margins_answer(struct ui *u, wint_t ch, int is_fn);
/* Before giving the terminal back: an answer still on its way would reach
 * the shell as typed text, so a young question is waited for, briefly. */
void margins_await(struct ui *u);
/* Before the terminal is given back: DECLRMM reset if a scroll set it. */
void margins_release(void);
/* Screen rows [top, bot] of win's columns (win at the left edge) moved up
 * by n (down if n < 0) on the terminal, curscr alike: at full width, with
 * the terminal's left/right margins, or as whole rows when those are
 * cheaper; 0 if left to doupdate(). */
int term_scroll(struct ui *u, WINDOW *win, int top, int bot, int n);

/* ui_status.c */
void status_draw(struct ui *u);
void status_message(struct ui *u, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void status_describe_cursor(struct ui *u);

#endif
