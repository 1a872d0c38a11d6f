/* The reader's core: what the panes share (struct ui) and the services
 * below them: what a handler reports back (struct fx), roles and theme,
 * drawing, the status line, the selection, the list helper, the terminal's
 * own scrolling, a pending ^C.
 *
 * Layers, each calling only down (tests/screen/layers.sh checks it):
 *   the loop   ui.c, ui_input.c (modes), ui_layout.c, ui_panes.c
 *   the panes  view_article.c, view_panel.c, view_compare.c, view_help.c
 *   the core   this header's files: ui_status.c, ui_select.c, ui_list.c,
 *              ui_draw.c, theme.c, keymap.c, ui_termscroll.c, ui_term.c,
 *              ui_signal.c, ui_statefile.c
 *   the model  libbrief.a (viewport.c and the rest), no curses
 * A pane never calls another pane or the loop: it returns what it did. */
#ifndef BRIEF_UI_CORE_H
#define BRIEF_UI_CORE_H

#include <curses.h>
#include <stddef.h>
#include <stdint.h>

#include "brief/actions.h"
#include "brief/cite.h"
#include "brief/figgroup.h"
#include "brief/matchcount.h"
#include "brief/model.h"
#include "brief/util.h"
#include "brief/viewport.h"

/* The panes, in the order of ui_panes.c's table and of Tab. */
enum pane { PANE_ARTICLE, PANE_PANEL, PANE_COMPARE, PANE_HELP, PANE_CARD, PANE_COUNT };

/* Semantic roles; each has an attribute that survives monochrome. */
enum role {
	ROLE_TEXT, ROLE_ACTOR, ROLE_FIGURE, ROLE_SELECTED, ROLE_CURSOR, ROLE_MATCH,
	ROLE_SOURCE, ROLE_HEADER, ROLE_TITLE, ROLE_ROW, ROLE_ROW_FOCUS, ROLE_STATUS,
	ROLE_ERROR, ROLE_BORDER, ROLE_CURRENT, ROLE_DEMAND, ROLE_DIM, ROLE_COUNT
};

/* What n / N walk through: a search, or the selected entity's mentions. */
enum nav { NAV_NONE, NAV_SEARCH, NAV_SELECTION };

/* A selection from the panel: an entity, or a group of figures (figgroup.h:
 * one value and one meaning). */
struct selection {
	int active;
	int is_figure;
	long entity;                /* entity index */
	size_t fig_group;           /* figure group index */
	size_t *occ;                /* start offsets of every occurrence, sorted */
	size_t *occ_end;
	size_t nocc;
};

/* What a card or a "why" is about: a panel row, or what the cursor is on. */
struct target {
	enum { TARGET_NONE, TARGET_ENTITY, TARGET_HIDDEN, TARGET_FIGURE } kind;
	size_t index;               /* an entity, an automatic actor not shown (an
	                               index of model.auto_ents), a figure group */
	int at_cursor;              /* the cursor is on one occurrence: */
	size_t off;                 /* its start */
};

/* What more than one pane needs; each pane keeps the rest to itself. */
struct ui {
	struct model *m;
	int ascii;                  /* ASCII borders, bars and separators */
	attr_t attr[ROLE_COUNT];    /* theme.c */
	enum pane focus;            /* what j, k, Enter act on */
	struct viewport vp;         /* the article's position, cursor, search */
	struct selection sel;
	unsigned sel_gen;           /* counts selections made, so panes see a new one */
	enum nav nav;
	struct fgroups groups;      /* the figures by value and meaning (figgroup.h) */
	enum search_case search_case;   /* how a new search takes case (-i, -I) */
	struct mcount mc;           /* the search's matches counted ("match 3 of 17") */
	int show_match;             /* the status line says which match the cursor is on */
	struct target card;         /* what the card pane shows (FX_CARD) */
	struct buf msg;             /* the status line's message ("": none) */
	int msg_error;
	/* Copying and notes (ui_copy.c, ui_notes.c). */
	enum cite_style cite;       /* --cite */
	const char *cite_where;     /* the file name a citation names; NULL: none */
	struct notebook *notes;     /* the document's notes (ui_notebook.c); NULL: none */
};

/* What handling a key, an action or a click did, for the loop to apply
 * once the handler has returned: handlers act on their own pane and on
 * the core, and report the rest here rather than doing it sideways. */
enum {
	FX_REDRAW = 1 << 0,         /* the frame changed */
	FX_RELAYOUT = 1 << 1,       /* panes shown or hidden: sizes change */
	FX_FOCUS = 1 << 2,          /* focus moves to fx.focus */
	FX_MESSAGE = 1 << 3,        /* fx.msg replaces the status message */
	FX_CLEAR = 1 << 4,          /* repaint the whole terminal (^L) */
	FX_QUIT = 1 << 5,
	FX_CLOSE = 1 << 6,          /* the pane covering the screen is done */
	FX_COPY = 1 << 7,           /* fx.copy goes to the clipboard (ui_copy.c) */
	FX_NOTES = 1 << 8,          /* the notes changed: the margin may come or go */
	FX_MATCH = 1 << 9,          /* with the message: which match of how many */
	FX_CARD = 1 << 10,          /* show the card of ui.card over the screen */
};

struct fx {
	unsigned flags;
	enum pane focus;
	struct buf msg;             /* owned by the fx until applied */
	int msg_error;
	struct buf copy;            /* FX_COPY: the text, owned until applied */
	char copy_what[80];         /* FX_COPY: what it is ("2 sentences, lines 3–5") */
};

void fx_message(struct fx *fx, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The status message cleared. */
void fx_no_message(struct fx *fx);
/* The status line to say which search match the cursor is on, followed by
 * the message fmt (may be ""): "match 3 of 17, wrapped to the top". */
void fx_match(struct fx *fx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void fx_free(struct fx *fx);

/* ---- ui_status.c: the status line -------------------------------------- */

/* Set the status message now (start-up warnings, outside any handler). */
void status_message(struct ui *u, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* What the cursor is on ("Rubio 2/3 · Marco Rubio · ..."), as a message. */
void status_describe_cursor(struct ui *u, struct fx *fx);
/* What found t, in one line: the rule, the confidence and the evidence of an
 * automatic actor (the spelling's own, at a mention), "from the annotation
 * file" for an annotated one, a figure's rule. */
void status_why(struct ui *u, const struct target *t, struct fx *fx);
/* The actor or figure the cursor is on: 0 when it is on none. */
int target_at_cursor(struct ui *u, struct target *t);
/* Percent of the article above the bottom of the pane, as less shows it;
 * with end, also whether the pane shows the article's last line. */
int status_percent(struct ui *u, int *end);

/* What the input mode shows on the status line instead of the message. */
struct status_prompt {
	const char *label;          /* "/", "mark: " ...; NULL: none */
	const char *input;          /* typed so far, UTF-8 */
	int has_count;              /* a count is being typed: ":N" */
	long count;
};
void status_draw(struct ui *u, WINDOW *w, const struct status_prompt *p);

/* ---- ui_select.c: the selection and figure groups ------------------------ */

/* Group the figures the scan found since the last call (figgroup.h). */
void groups_update(struct ui *u);

/* Select an entity or a figure group: its occurrences, n/N walk them, the
 * cursor goes (so that the first n starts from the pane's top).  The jump
 * to the first is the article's: ACT_NEXT_MATCH with no count. */
void select_entity(struct ui *u, long entity);
void select_figure_group(struct ui *u, size_t group);
/* Select what is at off (a mention, else a figure); 1 if something was. */
int select_at(struct ui *u, size_t off);
void select_clear(struct ui *u);
/* Rebuild the occurrences (the scan found more) without moving anything. */
void select_refresh(struct ui *u);
/* Index of the first occurrence of the selection at or after off. */
size_t select_occ_at(const struct selection *s, size_t off);
void select_free(struct ui *u);

/* ---- ui_list.c: a list of rows, some selectable (panel, comparison) ------ */

struct list {
	size_t n;                   /* rows */
	size_t sel, top;            /* the selected row, the first row shown */
	int rows;                   /* window rows (markers included) */
	int min_step;               /* the least a page or half moves (0 or 1) */
	int lead;                   /* keep unselectable rows just above the
	                               selection in view (headings) */
	int (*ok)(void *ctx, size_t i);     /* row i can be selected */
	void *ctx;
};

/* What the window shows: a marker row at the top when rows are hidden
 * above ("↑ 3 more"), one at the bottom when rows are hidden below (only
 * in a window of 3 rows or more), the list's rows between. */
struct list_view {
	int up, down;               /* marker rows: the window's first, its last */
	int content;                /* window rows for the list's rows */
	size_t first;               /* the list row on window row `up` (= top) */
	size_t rows_above, rows_below;  /* list rows hidden */
	size_t above, below;        /* selectable ones among them */
};
void list_view(const struct list *l, struct list_view *v);

/* Move the selection delta selectable rows, staying put at either end. */
void list_move(struct list *l, long delta);
/* j, k, pages and halves (a count is rows; a page is the rows shown less
 * one, a half half of them, each at least min_step), g (up as far as it
 * goes, shown from the top) and G (down as far); 1 if a is one of those. */
int list_handle(struct list *l, enum action a, long count);
/* The selection in view: top moved as little as it takes. */
void list_show(struct list *l);
/* The wheel: the window moves n rows (down if n > 0), never past the
 * list's ends; the selection stays while it shows, else comes to the
 * nearest selectable row that does. */
void list_scroll(struct list *l, long n);
/* The list row on window row `row`; SIZE_MAX for a marker or none. */
size_t list_item_at(const struct list *l, int row);
/* A click on window row `row`: a selectable row is selected (1); a marker
 * scrolls the window by a page that way (0). */
int list_click(struct list *l, int row);
/* A pane of text rows scrolled as less scrolls (help, a card): j, k, pages
 * and halves (a count is rows), g and G (a count is the row); *top kept
 * within [0, total - height].  1 if a was one of those. */
int pager_handle(int *top, int total, int height, enum action a, long count);
/* The markers of l, in the list's window w whose row 0 is y0, columns
 * [x, x + width). */
void list_draw_marks(struct ui *u, const struct list *l, WINDOW *w, int y0, int x, int width);

/* ---- ui_draw.c: UTF-8 text into curses cells ----------------------------- */

/* Clipped by width (never half of a wide character), tabs expanded from x0;
 * the columns drawn. */
int draw_text(WINDOW *w, int y, int x, int maxw, const uint8_t *s, size_t n, attr_t a);
int draw_str(WINDOW *w, int y, int x, int maxw, const char *s, attr_t a);
/* The same, but text that does not fit is cut visibly (cut.h: "…", "..."
 * with ascii, at a word's end when one is near); the columns drawn. */
int draw_cut(WINDOW *w, int y, int x, int maxw, const uint8_t *s, size_t n, attr_t a, int ascii);
int draw_cut_str(WINDOW *w, int y, int x, int maxw, const char *s, attr_t a, int ascii);
void draw_fill(WINDOW *w, int y, int x, int n, attr_t a);
/* Outside a UTF-8 locale every non-ASCII character is drawn as '?'s. */
void draw_set_ascii(int on);
int text_width(const char *s);

/* ---- theme.c ------------------------------------------------------------- */

/* u->attr from the terminal's colours (none with no_color). */
void theme_init(struct ui *u, int no_color);

/* ---- ui_termscroll.c: the terminal's own scrolling ----------------------- */

/* The terminal's string capability name, NULL when it has none (tigetstr()
 * says so with NULL or -1). */
const char *term_cap(const char *name);
/* Ask the terminal whether it has left/right margins (after newterm);
 * no_margins: never use them. */
void margins_probe(int no_margins);
/* 1 if the key was the terminal's answer, which it then takes. */
int margins_answer(wint_t ch, int is_fn);
/* Before giving the terminal back: an answer still on its way would reach
 * the shell as typed text, so a young question is waited for, briefly
 * (keys on tty_fd). */
void margins_await(int tty_fd);
/* Before the terminal is given back: DECLRMM reset if a scroll set it. */
void margins_release(void);
/* Screen rows [top, bot] of win's columns (win at the left edge) moved up
 * by n (down if n < 0) on the terminal, curscr alike: at full width, with
 * the terminal's left/right margins, or as whole rows when those are
 * cheaper; 0 if left to doupdate(). */
int term_scroll(WINDOW *win, int top, int bot, int n);

/* ---- ui_copy.c: the copy keys' text ---------------------------------------- */

/* A quotation context for the reader's document and --cite (excerpt.h);
 * excerpt_free() it. */
struct excerpt_ctx;
void copy_excerpt_init(struct ui *u, struct excerpt_ctx *q);
/* Ask the loop to copy: fx->copy holds the text; what says what it is,
 * for the status line and the clips file. */
void fx_copy(struct fx *fx, const char *what_fmt, ...) __attribute__((format(printf, 2, 3)));
/* The sentences (or paragraphs) at off, count of them, as a copy. */
void copy_sentences(struct ui *u, size_t off, long count, int paragraphs, struct fx *fx);
/* Where the copy keys start in the article: the ]/[ cursor, else the top
 * row's first character. */
size_t copy_origin(struct ui *u);
/* An actor's card, a figure group with its sentences, a comparison's row
 * or measure, as a copy. */
void copy_entity(struct ui *u, size_t entity, struct fx *fx);
void copy_figure_group(struct ui *u, size_t group, struct fx *fx);
void copy_cmp_row(struct ui *u, size_t cmp, size_t row, struct fx *fx);
void copy_cmp_measure(struct ui *u, size_t cmp, size_t measure, struct fx *fx);

/* ---- ui_notebook.c: the document's notes ----------------------------------- */

/* Columns the article's margin takes when a note is shown in it. */
#define NOTEBOOK_MARGIN 2

struct notes;
struct note;
/* Load the notes of the document (path: as named on the command line) and
 * anchor them in what is read of it; a warning goes to the status line. */
void notebook_open(struct ui *u, const char *path);
void notebook_close(struct ui *u);
/* Anchored again once the whole text is read (orphans are only said
 * then): 0 when nothing changed, 1 when they were, 2 when the margin came
 * or went as well. */
int notebook_settle(struct ui *u);
/* The article's margin: NOTEBOOK_MARGIN when a note is found in the text,
 * else 0 (the text's columns never move for an article with none). */
int notebook_margin(const struct ui *u);
/* The notes (found ones first, in text order; never NULL), how many are
 * found, the found one on [start, end) (NULL: none). */
const struct notes *notebook_list(const struct ui *u);
size_t notebook_found(const struct ui *u);
const struct note *notebook_on(const struct ui *u, size_t start, size_t end);
/* The cursor on the next (previous) note's sentence, said on the status
 * line; 0 if there is none that way. */
int notebook_jump(struct ui *u, int backward, struct fx *fx);
/* The cursor on note n's sentence (an orphan: only said). */
void notebook_go(struct ui *u, const struct note *n, struct fx *fx);
void notebook_describe(struct ui *u, const struct note *n, struct fx *fx);

/* What the note prompt writes on: the sentence at the copy keys' origin
 * and the note it has (id 0 and text NULL: none). */
struct notebook_target {
	char *anchor;
	size_t start, end;
	uint64_t id;
	char *text;
};
/* -1 when there is no sentence there. */
int notebook_target(struct ui *u, struct notebook_target *t);
void notebook_target_free(struct notebook_target *t);
/* Keep what was typed as the target's note (empty: remove it), in the
 * file at once; the status line says so. */
void notebook_write(struct ui *u, const struct notebook_target *t, const char *typed,
		    struct fx *fx);

/* ---- ui_signal.c --------------------------------------------------------- */

/* 1 if a ^C came that nothing has answered yet, which it now is: long work
 * stops on it, and the event loop then takes it for no quit. */
int ui_take_interrupt(void);

#endif
