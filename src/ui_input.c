/* Input modes as data (vis' struct Mode is the model): each mode has the
 * keys it takes itself, what it does with an action, and what it shows.
 * The modes stack: the one on top is the mode, and keys it does not take
 * and actions it passes go to the one below, which it returns to when it
 * ends.  A key goes down the stack until a mode takes it; if none does it
 * becomes an action (actions.h), which goes down the stack until a mode
 * handles it; the normal mode hands it to the focused pane.
 *
 *   normal   digits start a count; actions of the whole reader (quit, help,
 *            the prompt, marks, focus, toggles); the rest to the focused
 *            pane, and what that leaves to the article
 *   overlay  the panel over the article (narrow screens): s and Esc close
 *            it; the rest as normal, the panel focused
 *   help     the help pane over the screen takes every action; q, h, Esc
 *            close it; digits still start a count (3j scrolls it)
 *   count    digits; any other key ends it and goes below with the count
 *   prompt   a search pattern being typed: every key is its own
 *   mark     the letter after m or ': every key is its own ('] and '[
 *            go to the next and previous note)
 *   note     a note being typed on the sentence at the cursor, shown
 *            as the cursor: every key is its own
 *   option   the letter after -, as in less (-i, -I): every key is its own
 *   card     an actor's or a figure's card over the screen, as help is:
 *            it takes every action; q, i, Enter and Esc close it */
#include "config.h"

#include <string.h>
#include <unistr.h>

#include "brief/notes.h"
#include "brief/ui_loop.h"

struct input {
	struct keymap *keys;
	enum mode stack[MODE_MAX + 1];
	int depth;                  /* stack[depth - 1] is the mode */
	long count;                 /* count: the number typed */
	int prompt_char;            /* prompt: '/' or '?'; mark: 'm' or '\'' */
	long search_count;          /* typed before / or ?: go to that match */
	struct buf text;            /* prompt: typed so far */
	char *history[16];          /* search patterns, oldest first */
	int nhistory;
	int hist_pos;               /* -1: a new pattern; else n back from the newest */
	struct notebook_target note;    /* note: the sentence it is on */
};

/* What a mode's hooks work on. */
struct ctx {
	struct input *in;
	struct ui *u;
	void *const *pane;
	struct layout *lay;
	struct fx *fx;
};

enum {
	MF_MOUSE = 1 << 0,          /* clicks and the wheel reach the panes */
	MF_CURSOR = 1 << 1,         /* the terminal's cursor shows, on the status line */
	MF_CANCEL = 1 << 2,         /* ^C closes it (and what is above it) */
	MF_MESSAGES = 1 << 3,       /* an action clears the status message (but
	                               ]/[/n/N, which say where they went) */
	MF_BASE = 1 << 4,           /* the bottom of the stack: ^C returns here */
};

struct mode_def {
	const char *name;
	unsigned flags;
	enum pane covers;           /* the pane shown over the screen; PANE_COUNT: none */
	/* A key before it becomes an action: 1 if taken. NULL: none taken. */
	int (*key)(struct ctx *c, wint_t ch, int is_fn);
	/* An action (count 0: none typed): 1 if handled, 0 to pass it down. */
	int (*act)(struct ctx *c, enum action a, long count);
};

static const struct mode_def modes[MODE_MAX];
static void open_card(struct ctx *c);

static enum mode top(const struct input *in)
{
	return in->stack[in->depth - 1];
}

static void push(struct input *in, enum mode m)
{
	if (in->depth < (int)(sizeof in->stack / sizeof in->stack[0]))
		in->stack[in->depth++] = m;
}

static void pop(struct input *in)
{
	if (in->depth > 1)
		in->depth--;
}

/* Take m off the stack wherever it is. */
static void drop(struct input *in, enum mode m)
{
	int w = 0;
	for (int r = 0; r < in->depth; r++)
		if (in->stack[r] != m || r == 0)
			in->stack[w++] = in->stack[r];
	in->depth = w;
}

int input_in(const struct input *in, enum mode m)
{
	for (int i = 0; i < in->depth; i++)
		if (in->stack[i] == m)
			return 1;
	return 0;
}

enum mode input_mode(const struct input *in)
{
	return top(in);
}

/* ---- normal ---------------------------------------------------------------- */

static int normal_key(struct ctx *c, wint_t ch, int is_fn)
{
	if (is_fn || ch < '0' || ch > '9')
		return 0;
	c->in->count = 0;
	push(c->in, MODE_COUNT);
	return modes[MODE_COUNT].key(c, ch, is_fn);
}

static int pane_shown(const struct ctx *c, enum pane p)
{
	if (!ui_panes[p]->focusable)
		return 0;
	if (p == PANE_ARTICLE)
		return !c->lay->overlay;
	return c->lay->win[p] != NULL;
}

static void focus(struct ctx *c, enum pane p)
{
	c->fx->flags |= FX_FOCUS;
	c->fx->focus = p;
}

static void cycle_focus(struct ctx *c, int dir)
{
	int f = (int)c->u->focus;
	for (int i = 0; i < PANE_COUNT; i++) {
		f = (f + dir + PANE_COUNT) % PANE_COUNT;
		if (pane_shown(c, (enum pane)f)) {
			focus(c, (enum pane)f);
			return;
		}
	}
}

static void clear_all(struct ctx *c)
{
	struct ui *u = c->u;
	select_clear(u);
	u->vp.has_search = 0;
	u->vp.has_cursor = 0;
	u->vp.has_source = 0;
	u->nav = NAV_NONE;
	fx_no_message(c->fx);
}

static void file_info(struct ctx *c)
{
	/* As less's =: where the top line is, in lines and bytes as read, and
	 * the bytes' share next to their count; the status line's percentage
	 * (how far the screen's bottom is into the article) said as such, as
	 * the two differ by a screenful. */
	struct ui *u = c->u;
	const struct doc *d = &u->m->doc;
	size_t off = vp_offset(&u->vp, u->vp.top);
	size_t byte = doc_orig_off(d, off);
	int share = d->orig_len ? (int)((double)byte * 100 / (double)d->orig_len) : 100;
	fx_message(c->fx, 0, "%s line %zu%s%zu, byte %zu of %zu (%d%%), screen ends at %d%%%s",
		   d->name, d->nlines ? doc_line_at(d, off) + 1 : 0,   /* empty: "line 0 of 0" */
		   doc_complete(d) ? " of " : " of at least ", d->nlines, byte, d->orig_len, share,
		   status_percent(u, NULL), model_scan_done(u->m) ? "" : " (scanning)");
}

/* a: the note prompt on the sentence at the cursor (else the top row's),
 * which the cursor then shows; its note, if it has one, to edit. */
static void start_note(struct ctx *c)
{
	struct input *in = c->in;
	notebook_target_free(&in->note);
	if (notebook_target(c->u, &in->note) != 0) {
		fx_message(c->fx, 1, "No sentence here to write a note on");
		return;
	}
	vp_set_cursor(&c->u->vp, in->note.start, in->note.end);
	push(in, MODE_NOTE);
	buf_reset(&in->text);
	if (in->note.text)
		buf_adds(&in->text, in->note.text);
	c->fx->flags |= FX_REDRAW;
}

/* A: the automatic actors in turn.  With an annotation file: none, then
 * the sure and likely ones shown as annotated ones, then the unsure ones
 * too; without: those two.  Annotated actors never change. */
static void toggle_auto(struct ctx *c)
{
	struct ui *u = c->u;
	struct model *m = u->m;
	int annotated = m->nannotated || m->annot_path;
	if (m->no_auto) {
		fx_message(c->fx, 1, "Automatic actors are off (--no-auto)");
		return;
	}
	if (!model_scan_done(m) || (!annotated && !m->auto_done)) {
		fx_message(c->fx, 1, "Automatic actors can be shown once the scan is done");
		return;
	}
	enum model_auto_show next;
	switch (m->auto_show) {
	case MODEL_AUTO_HIDDEN:
		next = MODEL_AUTO_SHOWN;
		break;
	case MODEL_AUTO_SHOWN:
		next = MODEL_AUTO_ALL;
		break;
	default:
		next = annotated ? MODEL_AUTO_HIDDEN : MODEL_AUTO_SHOWN;
		break;
	}
	model_show_auto(m, next);
	/* Entities after the annotated ones came or went: nothing selected
	 * points at them any more; the panes list them again. */
	select_clear(u);
	for (int p = 0; p < PANE_COUNT; p++)
		if (ui_panes[p]->update)
			ui_panes[p]->update(u, c->pane[p], 1);
	size_t shown = m->annot.nentities - m->nannotated;
	if (next == MODEL_AUTO_HIDDEN)
		fx_message(c->fx, 0, "Actors: the annotated ones only");
	else if (next == MODEL_AUTO_SHOWN)
		fx_message(c->fx, 0, "Actors: %s%zu found automatically (%s)", annotated ? "+ " : "", shown,
			   model_auto_confs(m, next) & MODEL_CONF(CONF_LIKELY)
				   ? "sure and likely"
				   : "sure only: the text is longer than the finder reads");
	else
		fx_message(c->fx, 0, "Actors: %s%zu found automatically, the unsure ones too",
			   annotated ? "+ " : "", shown);
}

static int normal_act(struct ctx *c, enum action a, long count)
{
	struct input *in = c->in;
	struct ui *u = c->u;
	struct layout *lay = c->lay;
	switch (a) {
	case ACT_NONE:
		fx_message(c->fx, 1, "Unknown key: press h for help");
		return 1;
	case ACT_QUIT:
		c->fx->flags |= FX_QUIT;
		return 1;
	case ACT_HELP:
		push(in, MODE_HELP);
		if (ui_panes[PANE_HELP]->show)
			ui_panes[PANE_HELP]->show(u, c->pane[PANE_HELP]);
		return 1;
	case ACT_REDRAW:
		c->fx->flags |= FX_CLEAR;
		return 1;
	case ACT_FILE_INFO:
		file_info(c);
		return 1;
	case ACT_SEARCH_FORWARD:
	case ACT_SEARCH_BACKWARD:
		/* A search sees the whole text, checked. */
		doc_prepare_all(&u->m->doc);
		push(in, MODE_PROMPT);
		in->prompt_char = a == ACT_SEARCH_FORWARD ? '/' : '?';
		in->search_count = count ? count : 1;
		in->hist_pos = -1;
		buf_reset(&in->text);
		return 1;
	case ACT_NOTE:
		start_note(c);
		return 1;
	case ACT_MARK:
	case ACT_GOTO_MARK:
		push(in, MODE_MARK);
		in->prompt_char = a == ACT_MARK ? 'm' : '\'';
		return 1;
	case ACT_OPTION:
		push(in, MODE_OPTION);
		return 1;
	case ACT_AUTO:
		toggle_auto(c);
		return 1;
	case ACT_TOGGLE_PANEL:
		if (lay->cols < LAYOUT_NARROW) {
			push(in, MODE_OVERLAY);
			focus(c, PANE_PANEL);
		} else {
			lay->show_panel = !lay->show_panel;
			if (!lay->show_panel && u->focus == PANE_PANEL)
				focus(c, PANE_ARTICLE);
		}
		c->fx->flags |= FX_RELAYOUT;
		return 1;
	case ACT_TOGGLE_COMPARE:
		lay->show_compare = !lay->show_compare;
		if (!lay->show_compare && u->focus == PANE_COMPARE)
			focus(c, PANE_ARTICLE);
		c->fx->flags |= FX_RELAYOUT;
		if (lay->show_compare && !layout_compare_fits(lay, u->m))
			fx_message(c->fx, 1, u->m->ncmps ? "Too small for the comparison"
							   : "No comparison in the annotations");
		return 1;
	case ACT_FOCUS_NEXT:
	case ACT_FOCUS_PREV:
		cycle_focus(c, a == ACT_FOCUS_NEXT ? 1 : -1);
		return 1;
	case ACT_CLEAR:
		clear_all(c);
		return 1;
	case ACT_SELECT_CURSOR:
		if (!u->vp.has_cursor)
			fx_message(c->fx, 1, "No cursor: move it with ] or [");
		else if (select_at(u, u->vp.cur_start))
			pane_act(u, c->pane, PANE_ARTICLE, ACT_NEXT_MATCH, 0, c->fx);
		return 1;
	case ACT_BOTTOM:
	case ACT_PERCENT:
	case ACT_TOP:
		/* Going to the end, a percentage or a line number needs all lines. */
		if (a != ACT_TOP || count)
			doc_prepare_all(&u->m->doc);
		break;
	default:
		break;
	}
	pane_act(u, c->pane, u->focus, a, count, c->fx);
	open_card(c);
	return 1;
}

/* ---- overlay: the panel over the article ----------------------------------- */

static int overlay_act(struct ctx *c, enum action a, long count)
{
	(void)count;
	if (a != ACT_TOGGLE_PANEL && a != ACT_CLEAR)
		return 0;
	drop(c->in, MODE_OVERLAY);
	focus(c, PANE_ARTICLE);
	c->fx->flags |= FX_RELAYOUT;
	return a == ACT_TOGGLE_PANEL;   /* Esc clears as well */
}

void input_overlay_gone(struct input *in)
{
	drop(in, MODE_OVERLAY);
}

/* ---- help and the card ------------------------------------------------------------- */

/* A pane over the screen takes every action until it says it is done. */
static int covering_act(struct ctx *c, enum mode m, enum pane p, enum action a, long count)
{
	pane_act(c->u, c->pane, p, a, count, c->fx);
	if (c->fx->flags & FX_CLOSE) {
		c->fx->flags &= ~(unsigned)FX_CLOSE;
		drop(c->in, m);
	}
	return 1;
}

static int help_act(struct ctx *c, enum action a, long count)
{
	return covering_act(c, MODE_HELP, PANE_HELP, a, count);
}

static int card_act(struct ctx *c, enum action a, long count)
{
	return covering_act(c, MODE_CARD, PANE_CARD, a, count);
}

/* A pane asked for the card of ui.card (FX_CARD): shown over the screen. */
static void open_card(struct ctx *c)
{
	if (!(c->fx->flags & FX_CARD))
		return;
	c->fx->flags &= ~(unsigned)FX_CARD;
	push(c->in, MODE_CARD);
	if (ui_panes[PANE_CARD]->show)
		ui_panes[PANE_CARD]->show(c->u, c->pane[PANE_CARD]);
}

/* ---- count ---------------------------------------------------------------------- */

static int count_key(struct ctx *c, wint_t ch, int is_fn)
{
	struct input *in = c->in;
	if (!is_fn && ch >= '0' && ch <= '9') {
		if (in->count < 100000000)
			in->count = in->count * 10 + (long)(ch - '0');
		return 1;
	}
	pop(in);                    /* the key is for the mode below, with the count */
	return 0;
}

/* ---- the search prompt ---------------------------------------------------------- */

/* The patterns searched for, as less keeps them: Up and Down in the
 * prompt bring them back. */
static void history_add(struct input *in, const char *p)
{
	int n = in->nhistory;
	if (n && strcmp(in->history[n - 1], p) == 0)
		return;
	if (n == (int)(sizeof in->history / sizeof in->history[0])) {
		free(in->history[0]);
		memmove(in->history, in->history + 1, (size_t)(n - 1) * sizeof in->history[0]);
		n--;
	}
	in->history[n] = xstrdup(p);
	in->nhistory = n + 1;
}

static void history_step(struct input *in, int older)
{
	int pos = in->hist_pos + (older ? 1 : -1);
	if (pos >= in->nhistory || pos < -1)
		return;
	in->hist_pos = pos;
	buf_reset(&in->text);
	if (pos >= 0)
		buf_adds(&in->text, in->history[in->nhistory - 1 - pos]);
}

static void start_search(struct ctx *c)
{
	struct input *in = c->in;
	struct ui *u = c->u;
	const char *p = in->text.data ? in->text.data : "";
	if (!*p) {
		/* An empty pattern repeats the last search, as in less. */
		if (u->vp.has_search) {
			u->nav = NAV_SEARCH;
			pane_act(u, c->pane, PANE_ARTICLE, ACT_NEXT_MATCH, in->search_count, c->fx);
		}
		return;
	}
	history_add(in, p);
	if (vp_search_set_case(&u->vp, p, strlen(p), in->prompt_char == '?', u->search_case) != 0) {
		fx_message(c->fx, 1, "Empty pattern");
		return;
	}
	mcount_start(&u->mc, u->vp.first);
	u->nav = NAV_SEARCH;
	/* 3/x goes to the third match, as in less. */
	pane_act(u, c->pane, PANE_ARTICLE, ACT_SEARCH_FORWARD, in->search_count, c->fx);
}

static int prompt_key(struct ctx *c, wint_t ch, int is_fn)
{
	struct input *in = c->in;
	c->fx->flags |= FX_REDRAW;
	if ((!is_fn && (ch == '\n' || ch == '\r')) || (is_fn && ch == KEY_ENTER)) {
		pop(in);
		start_search(c);
		buf_reset(&in->text);
		return 1;
	}
	if ((!is_fn && (ch == 27 || ch == 7 || ch == 3))) {
		pop(in);
		buf_reset(&in->text);
		return 1;
	}
	if ((is_fn && ch == KEY_BACKSPACE) || (!is_fn && (ch == 127 || ch == 8))) {
		if (!in->text.len) {
			pop(in);            /* backspace on empty leaves, as in less */
			return 1;
		}
		size_t n = in->text.len;
		do
			n--;
		while (n > 0 && (in->text.data[n] & 0xC0) == 0x80);
		in->text.len = n;
		in->text.data[n] = '\0';
		return 1;
	}
	if (is_fn && (ch == KEY_UP || ch == KEY_DOWN)) {
		history_step(in, ch == KEY_UP);
		return 1;
	}
	if (!is_fn && ch == 21) {       /* ^U */
		buf_reset(&in->text);
		return 1;
	}
	if (is_fn || !doc_cp_is_safe((uint32_t)ch) || ch < 0x20 || ch == '\t')
		return 1;
	uint8_t enc[6];
	int n = u8_uctomb(enc, (ucs4_t)ch, sizeof enc);
	if (n > 0)
		buf_add(&in->text, enc, (size_t)n);
	return 1;
}

/* ---- a mark's letter ------------------------------------------------------------- */

static void mark_letter(struct ctx *c, int pending, wint_t ch)
{
	struct viewport *vp = &c->u->vp;
	if (ch == 27 || ch == 7 || ch == 3)
		return;         /* Esc, ^G, ^C: cancelled, as in the search prompt */
	if (pending == 'm') {
		if (ch >= 'a' && ch <= 'z') {
			vp->marks[ch - 'a'] = vp->anchor;
			fx_message(c->fx, 0, "Mark %c set", (int)ch);
		} else {
			fx_message(c->fx, 1, "Marks are the letters a to z");
		}
		return;
	}
	if (ch == ']' || ch == '[') {
		notebook_jump(c->u, ch == '[', c->fx);
		return;
	}
	if (ch == '\'') {
		if (!vp->has_prev) {
			fx_message(c->fx, 1, "No previous position");
			return;
		}
		vp_goto_off(vp, vp->prev_off);
		return;
	}
	if (ch >= 'a' && ch <= 'z' && vp->marks[ch - 'a'] != SIZE_MAX) {
		vp_goto_off(vp, vp->marks[ch - 'a']);
		return;
	}
	fx_message(c->fx, 1, "Mark not set");
}

static int mark_key(struct ctx *c, wint_t ch, int is_fn)
{
	pop(c->in);
	c->fx->flags |= FX_REDRAW;
	if (!is_fn)
		mark_letter(c, c->in->prompt_char, ch);
	return 1;
}

/* ---- a note being written ------------------------------------------------------------ */

/* Typed text: every key is the note's; Enter keeps it (empty: removes
 * the note), Esc, ^G and ^C leave it as it was. */
static int note_key(struct ctx *c, wint_t ch, int is_fn)
{
	struct input *in = c->in;
	c->fx->flags |= FX_REDRAW;
	if ((!is_fn && (ch == '\n' || ch == '\r')) || (is_fn && ch == KEY_ENTER)) {
		pop(in);
		notebook_write(c->u, &in->note, in->text.data ? in->text.data : "", c->fx);
		notebook_target_free(&in->note);
		buf_reset(&in->text);
		return 1;
	}
	if (!is_fn && (ch == 27 || ch == 7 || ch == 3)) {
		pop(in);
		notebook_target_free(&in->note);
		buf_reset(&in->text);
		fx_message(c->fx, 0, "Note not changed");
		return 1;
	}
	if ((is_fn && ch == KEY_BACKSPACE) || (!is_fn && (ch == 127 || ch == 8))) {
		size_t n = in->text.len;
		if (!n)
			return 1;
		do
			n--;
		while (n > 0 && (in->text.data[n] & 0xC0) == 0x80);
		in->text.len = n;
		in->text.data[n] = '\0';
		return 1;
	}
	if (!is_fn && ch == 21) {       /* ^U */
		buf_reset(&in->text);
		return 1;
	}
	if (is_fn || !doc_cp_is_safe((uint32_t)ch) || ch < 0x20 || ch == '\t')
		return 1;
	uint8_t enc[6];
	int n = u8_uctomb(enc, (ucs4_t)ch, sizeof enc);
	if (n > 0 && in->text.len + (size_t)n <= NOTES_TEXT_MAX)
		buf_add(&in->text, enc, (size_t)n);
	return 1;
}

/* ---- an option's letter (-i, -I) -------------------------------------------------- */

static const char *case_words(enum search_case c)
{
	switch (c) {
	case SEARCH_SENSITIVE:
		return "Searches match case";
	case SEARCH_IGNORE:
		return "Searches ignore case";
	default:
		return "Searches ignore case unless the pattern has a capital";
	}
}

/* As less's -i and -I: each turns its way on, or back off to matching
 * case; the search shown is done again the new way. */
static void option_letter(struct ctx *c, wint_t ch)
{
	struct input *in = c->in;
	struct ui *u = c->u;
	if (ch == 27 || ch == 7 || ch == 3)
		return;         /* Esc, ^G, ^C: cancelled */
	if (ch != 'i' && ch != 'I') {
		if (ch > ' ' && ch < 0x7f)
			fx_message(c->fx, 1, "No option -%c: -i and -I set how searches take case",
				   (int)ch);
		else
			fx_message(c->fx, 1, "No such option: -i and -I set how searches take case");
		return;
	}
	enum search_case want = ch == 'i' ? SEARCH_SMART : SEARCH_IGNORE;
	u->search_case = u->search_case == want ? SEARCH_SENSITIVE : want;
	if (u->vp.has_search && in->nhistory) {
		const char *p = in->history[in->nhistory - 1];
		if (vp_search_set_case(&u->vp, p, strlen(p), u->vp.search_back, u->search_case) == 0)
			mcount_start(&u->mc, u->vp.first);
	}
	fx_message(c->fx, 0, "%s", case_words(u->search_case));
}

static int option_key(struct ctx *c, wint_t ch, int is_fn)
{
	pop(c->in);
	c->fx->flags |= FX_REDRAW;
	if (!is_fn)
		option_letter(c, ch);
	return 1;
}

/* ---- the table ------------------------------------------------------------------------ */

static const struct mode_def modes[MODE_MAX] = {
	[MODE_NORMAL] = { "normal", MF_MOUSE | MF_MESSAGES | MF_BASE, PANE_COUNT, normal_key,
			  normal_act },
	[MODE_OVERLAY] = { "overlay", MF_MOUSE | MF_MESSAGES | MF_BASE, PANE_COUNT, NULL,
			   overlay_act },
	[MODE_HELP] = { "help", MF_CANCEL, PANE_HELP, NULL, help_act },
	[MODE_COUNT] = { "count", MF_MOUSE, PANE_COUNT, count_key, NULL },
	[MODE_PROMPT] = { "prompt", MF_CURSOR | MF_CANCEL, PANE_COUNT, prompt_key, NULL },
	[MODE_MARK] = { "mark", MF_CURSOR | MF_CANCEL, PANE_COUNT, mark_key, NULL },
	[MODE_NOTE] = { "note", MF_CURSOR | MF_CANCEL, PANE_COUNT, note_key, NULL },
	[MODE_OPTION] = { "option", MF_CURSOR | MF_CANCEL, PANE_COUNT, option_key, NULL },
	[MODE_CARD] = { "card", MF_CANCEL, PANE_CARD, NULL, card_act },
};

/* ---- keys and clicks ---------------------------------------------------------------- */

static int mouse_allowed(const struct input *in)
{
	for (int i = 0; i < in->depth; i++)
		if (!(modes[in->stack[i]].flags & MF_MOUSE))
			return 0;
	return 1;
}

static void mouse_event(struct ctx *c)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	const struct layout *lay = c->lay;
	enum pane under = PANE_COUNT;
	for (int p = 0; p < PANE_COUNT; p++) {
		if (lay->win[p] && wenclose(lay->win[p], ev.y, ev.x)
		    && (p != PANE_ARTICLE || !lay->overlay))
			under = (enum pane)p;
	}
	if (lay->overlay && lay->win[PANE_PANEL] && wenclose(lay->win[PANE_PANEL], ev.y, ev.x))
		under = PANE_PANEL;
	if (under == PANE_COUNT)
		return;
	int y = ev.y, x = ev.x;
	wmouse_trafo(lay->win[under], &y, &x, FALSE);
	int wheel = ev.bstate & BUTTON4_PRESSED ? -3 : ev.bstate & BUTTON5_PRESSED ? 3 : 0;
	if (wheel) {
		pane_mouse(c->u, c->pane, under, y, x, wheel, c->fx);
		return;
	}
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return;
	focus(c, under);
	pane_mouse(c->u, c->pane, under, y, x, 0, c->fx);
}

/* ]/[/n/N say where they went, or keep what was said. */
static int says_where(enum action a)
{
	return a == ACT_NEXT_HIGHLIGHT || a == ACT_PREV_HIGHLIGHT || a == ACT_NEXT_MATCH
	       || a == ACT_PREV_MATCH;
}

void input_key(struct input *in, struct ui *u, void *const pane[], struct layout *lay, wint_t ch,
	       int is_fn, struct fx *fx)
{
	struct ctx c = { in, u, pane, lay, fx };
	if (margins_answer(ch, is_fn))
		return;         /* the terminal's answer, not a key */
	if (is_fn && ch == KEY_RESIZE)
		return;         /* sizes come from SIGWINCH, handled in one place */
	if (is_fn && ch == KEY_MOUSE) {
		/* Clicks act on the panes, which help, a prompt or a pending
		 * mark cover: there they only clear the way. */
		if (mouse_allowed(in))
			mouse_event(&c);
		else
			getmouse(&(MEVENT){ 0 });
		return;
	}
	for (int i = in->depth - 1; i >= 0; i--) {
		const struct mode_def *m = &modes[in->stack[i]];
		if (m->key && m->key(&c, ch, is_fn))
			return;
	}
	enum action a = keymap_lookup(in->keys, (int)ch, is_fn);
	long count = in->count;
	in->count = 0;
	if (modes[top(in)].flags & MF_MESSAGES && a != ACT_NONE && !says_where(a))
		fx_no_message(fx);
	for (int i = in->depth - 1; i >= 0; i--) {
		const struct mode_def *m = &modes[in->stack[i]];
		if (m->act && m->act(&c, a, count))
			return;
	}
}

int input_interrupt(struct input *in)
{
	int cancels = 0;
	for (int i = 0; i < in->depth; i++)
		cancels |= (modes[in->stack[i]].flags & MF_CANCEL) != 0;
	if (!cancels)
		return 0;
	/* ^C cancels a prompt, a pending mark or help, and a count typed in
	 * help: back to the normal mode or the overlay. */
	while (in->depth > 1 && !(modes[top(in)].flags & MF_BASE))
		pop(in);
	in->count = 0;
	buf_reset(&in->text);
	return 1;
}

void input_prompt(const struct input *in, struct status_prompt *p)
{
	static const char *const labels[] = { "/", "?" };
	memset(p, 0, sizeof *p);
	switch (top(in)) {
	case MODE_PROMPT:
		p->label = labels[in->prompt_char == '?'];
		p->input = in->text.data ? in->text.data : "";
		break;
	case MODE_NOTE:
		p->label = in->note.id ? "edit note: " : "note: ";
		p->input = in->text.data ? in->text.data : "";
		break;
	case MODE_MARK:
		/* A pending mark asks for its letter in words, as less does. */
		p->label = in->prompt_char == 'm' ? "mark: " : "goto mark: ";
		p->input = "";
		break;
	case MODE_OPTION:
		p->label = "-";
		p->input = "";
		break;
	case MODE_COUNT:
		p->has_count = 1;
		p->count = in->count;
		break;
	default:
		break;
	}
}

int input_cursor(const struct input *in)
{
	return (modes[top(in)].flags & MF_CURSOR) != 0;
}

enum pane input_covering(const struct input *in)
{
	for (int i = in->depth - 1; i >= 0; i--)
		if (modes[in->stack[i]].covers != PANE_COUNT)
			return modes[in->stack[i]].covers;
	return PANE_COUNT;
}

struct input *input_new(void)
{
	struct input *in = xcalloc(1, sizeof *in);
	in->stack[0] = MODE_NORMAL;
	in->depth = 1;
	in->hist_pos = -1;
	in->keys = keymap_new();
	if (keymap_defaults(in->keys) != 0) {
		fputs("brief: bad default key table\n", stderr);
		input_free(in);
		return NULL;
	}
	return in;
}

void input_free(struct input *in)
{
	if (!in)
		return;
	buf_free(&in->text);
	notebook_target_free(&in->note);
	for (int i = 0; i < in->nhistory; i++)
		free(in->history[i]);
	keymap_free(in->keys);
	free(in);
}
