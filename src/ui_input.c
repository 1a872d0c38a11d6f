/* Input: keys through the action table, the search prompt, marks and the
 * mouse, each dispatched to the focused pane. */
#include "config.h"

#include <string.h>
#include <unistr.h>

#include "brief/ui_views.h"

static int pane_visible(struct ui *u, enum pane p)
{
	if (p == PANE_ARTICLE)
		return !u->panel_overlay;
	return u->win[p] != NULL;
}

static void cycle_focus(struct ui *u, int dir)
{
	int f = (int)u->focus;
	for (int i = 0; i < PANE_COUNT; i++) {
		f = (f + dir + PANE_COUNT) % PANE_COUNT;
		if (pane_visible(u, (enum pane)f)) {
			u->focus = (enum pane)f;
			return;
		}
	}
}

/* The patterns searched for, as less keeps them: Up and Down in the
 * prompt bring them back. */
static void history_add(struct ui *u, const char *p)
{
	int n = u->nhistory;
	if (n && strcmp(u->history[n - 1], p) == 0)
		return;
	if (n == (int)(sizeof u->history / sizeof u->history[0])) {
		free(u->history[0]);
		memmove(u->history, u->history + 1, (size_t)(n - 1) * sizeof u->history[0]);
		n--;
	}
	u->history[n] = xstrdup(p);
	u->nhistory = n + 1;
}

static void history_step(struct ui *u, int older)
{
	int pos = u->hist_pos + (older ? 1 : -1);
	if (pos >= u->nhistory || pos < -1)
		return;
	u->hist_pos = pos;
	buf_reset(&u->input);
	if (pos >= 0)
		buf_adds(&u->input, u->history[u->nhistory - 1 - pos]);
}

static void start_search(struct ui *u)
{
	const char *p = u->input.data ? u->input.data : "";
	if (!*p) {
		/* An empty pattern repeats the last search, as in less. */
		if (u->vp.has_search) {
			u->nav = NAV_SEARCH;
			article_search_next(u, u->vp.search_back, 0, u->search_count);
		}
		return;
	}
	history_add(u, p);
	if (vp_search_set(&u->vp, p, strlen(p), u->prompt_char == '?') != 0) {
		status_message(u, 1, "Empty pattern");
		return;
	}
	u->nav = NAV_SEARCH;
	/* 3/x goes to the third match, as in less. */
	article_search_next(u, u->vp.search_back, 1, u->search_count);
}

static void prompt_key(struct ui *u, wint_t ch, int is_fn)
{
	if ((!is_fn && (ch == '\n' || ch == '\r')) || (is_fn && ch == KEY_ENTER)) {
		u->prompting = 0;
		start_search(u);
		buf_reset(&u->input);
		return;
	}
	if ((!is_fn && (ch == 27 || ch == 7 || ch == 3))) {
		u->prompting = 0;
		buf_reset(&u->input);
		return;
	}
	if ((is_fn && ch == KEY_BACKSPACE) || (!is_fn && (ch == 127 || ch == 8))) {
		if (!u->input.len) {
			u->prompting = 0;       /* backspace on empty leaves, as in less */
			return;
		}
		size_t n = u->input.len;
		do
			n--;
		while (n > 0 && (u->input.data[n] & 0xC0) == 0x80);
		u->input.len = n;
		u->input.data[n] = '\0';
		return;
	}
	if (is_fn && (ch == KEY_UP || ch == KEY_DOWN)) {
		history_step(u, ch == KEY_UP);
		return;
	}
	if (!is_fn && ch == 21) {       /* ^U */
		buf_reset(&u->input);
		return;
	}
	if (is_fn || !doc_cp_is_safe((uint32_t)ch) || ch < 0x20 || ch == '\t')
		return;
	uint8_t enc[6];
	int n = u8_uctomb(enc, (ucs4_t)ch, sizeof enc);
	if (n > 0)
		buf_add(&u->input, enc, (size_t)n);
}

static void mark_key(struct ui *u, int pending, wint_t ch)
{
	if (ch == 27 || ch == 7 || ch == 3)
		return;         /* Esc, ^G, ^C: cancelled, as in the search prompt */
	struct viewport *vp = &u->vp;
	if (pending == 'm') {
		if (ch >= 'a' && ch <= 'z') {
			vp->marks[ch - 'a'] = vp->anchor;
			status_message(u, 0, "Mark %c set", (int)ch);
		} else {
			status_message(u, 1, "Marks are the letters a to z");
		}
		return;
	}
	if (ch == '\'') {
		if (!vp->has_prev) {
			status_message(u, 1, "No previous position");
			return;
		}
		vp_goto_off(vp, vp->prev_off);
		return;
	}
	if (ch >= 'a' && ch <= 'z' && vp->marks[ch - 'a'] != SIZE_MAX) {
		vp_goto_off(vp, vp->marks[ch - 'a']);
		return;
	}
	status_message(u, 1, "Mark not set");
}

static void clear_all(struct ui *u)
{
	selection_clear(u);
	u->vp.has_search = 0;
	u->vp.has_cursor = 0;
	u->vp.has_source = 0;
	u->nav = NAV_NONE;
	buf_reset(&u->msg);
}

static void select_at(struct ui *u, size_t off)
{
	const struct mentions *mn = &u->m->mentions;
	size_t i = mentions_at(mn, off + 1);
	if (i > 0 && mn->v[i - 1].start <= off && off < mn->v[i - 1].end) {
		select_entity(u, (long)mn->v[i - 1].entity);
		return;
	}
	/* The figure containing off: the last one starting at or before it. */
	const struct figures *fs = &u->m->figures;
	size_t lo = figures_at(fs, off + 1);
	if (lo > 0 && off < fs->v[lo - 1].end) {
		long g = figure_group_of(u, &fs->v[lo - 1]);
		if (g >= 0)
			select_figure_group(u, (size_t)g);
	}
}

static void mouse_event(struct ui *u)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	enum pane under = PANE_COUNT;
	for (int p = 0; p < PANE_COUNT; p++) {
		if (u->win[p] && wenclose(u->win[p], ev.y, ev.x)
		    && (p != PANE_ARTICLE || !u->panel_overlay))
			under = (enum pane)p;
	}
	if (u->panel_overlay && u->win[PANE_PANEL] && wenclose(u->win[PANE_PANEL], ev.y, ev.x))
		under = PANE_PANEL;
	if (under == PANE_COUNT)
		return;
	int y = ev.y, x = ev.x;
	wmouse_trafo(u->win[under], &y, &x, FALSE);
	int wheel = ev.bstate & BUTTON4_PRESSED ? -3 : ev.bstate & BUTTON5_PRESSED ? 3 : 0;
	if (wheel) {
		if (under == PANE_ARTICLE)
			vp_scroll(&u->vp, wheel);
		else if (under == PANE_PANEL)
			panel_handle(u, wheel > 0 ? ACT_LINE_DOWN : ACT_LINE_UP, 3);
		else
			compare_view_handle(u, wheel > 0 ? ACT_LINE_DOWN : ACT_LINE_UP, 1);
		return;
	}
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return;
	u->focus = under;
	size_t off;
	if (under == PANE_ARTICLE && article_hit(u, y, x, &off))
		select_at(u, off);
	else if (under == PANE_PANEL)
		panel_click(u, y);
	else if (under == PANE_COMPARE)
		compare_view_click(u, y);
}

static void do_action(struct ui *u, enum action a, long count)
{
	switch (a) {
	case ACT_QUIT:
		u->quit = 1;
		return;
	case ACT_HELP:
		u->help = 1;
		u->help_top = 0;
		return;
	case ACT_REDRAW:
		u->need_clear = 1;
		return;
	case ACT_FILE_INFO: {
		/* As less's =: where the top line is, in lines and bytes as read. */
		const struct doc *d = &u->m->doc;
		size_t off = vp_offset(&u->vp, u->vp.top);
		status_message(u, 0, "%s line %zu%s%zu, byte %zu of %zu, %d%%%s", d->name,
			       d->nlines ? doc_line_at(d, off) + 1 : 0,   /* empty: "line 0 of 0" */
			       doc_complete(d) ? " of " : " of at least ",
			       d->nlines, doc_orig_off(d, off), d->orig_len, article_percent(u, NULL),
			       model_scan_done(u->m) ? "" : " (scanning)");
		return;
	}
	case ACT_SEARCH_FORWARD:
	case ACT_SEARCH_BACKWARD:
		/* A search sees the whole text, checked. */
		doc_prepare_all(&u->m->doc);
		u->prompting = 1;
		u->prompt_char = a == ACT_SEARCH_FORWARD ? '/' : '?';
		u->search_count = count ? count : 1;
		u->hist_pos = -1;
		buf_reset(&u->input);
		return;
	case ACT_MARK:
	case ACT_GOTO_MARK:
		u->prompt_char = a == ACT_MARK ? 'm' : '\'';
		return;
	case ACT_TOGGLE_PANEL:
		if (u->cols < 60) {
			u->overlay_open = !u->overlay_open;
			u->focus = u->overlay_open ? PANE_PANEL : PANE_ARTICLE;
		} else {
			u->show_panel = !u->show_panel;
			if (!u->show_panel && u->focus == PANE_PANEL)
				u->focus = PANE_ARTICLE;
		}
		ui_relayout(u);
		return;
	case ACT_TOGGLE_COMPARE:
		u->show_compare = !u->show_compare;
		if (!u->show_compare && u->focus == PANE_COMPARE)
			u->focus = PANE_ARTICLE;
		ui_relayout(u);
		if (u->show_compare && !u->win[PANE_COMPARE])
			status_message(u, 1, u->m->ncmps ? "Too small for the comparison"
							 : "No comparison in the annotations");
		return;
	case ACT_FOCUS_NEXT:
	case ACT_FOCUS_PREV:
		cycle_focus(u, a == ACT_FOCUS_NEXT ? 1 : -1);
		return;
	case ACT_CLEAR:
		if (u->panel_overlay) {
			u->overlay_open = 0;
			u->focus = PANE_ARTICLE;
			ui_relayout(u);
		}
		clear_all(u);
		return;
	case ACT_SELECT_CURSOR:
		if (u->vp.has_cursor)
			select_at(u, u->vp.cur_start);
		else
			status_message(u, 1, "No cursor: move it with ] or [");
		return;
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
	if (u->focus == PANE_PANEL)
		panel_handle(u, a, count);
	else if (u->focus == PANE_COMPARE)
		compare_view_handle(u, a, count);
	else
		article_handle(u, a, count);
}

static void handle_key(struct ui *u, wint_t ch, int is_fn)
{
	if (margins_answer(u, ch, is_fn))
		return;         /* the terminal's answer, not a key */
	if (is_fn && ch == KEY_RESIZE)
		return;         /* sizes come from SIGWINCH, handled in one place */
	if (is_fn && ch == KEY_MOUSE) {
		/* Clicks act on the panes, which help, a prompt or a pending
		 * mark cover: there they only clear the way. */
		if (!u->help && !u->prompting && !mark_pending(u))
			mouse_event(u);
		else
			getmouse(&(MEVENT){ 0 });
		return;
	}
	if (u->prompting) {
		prompt_key(u, ch, is_fn);
		return;
	}
	if (mark_pending(u)) {
		int pending = u->prompt_char;
		u->prompt_char = 0;
		if (!is_fn)
			mark_key(u, pending, ch);
		return;
	}
	/* Before help takes its keys: 3j scrolls it three lines too. */
	if (!is_fn && ch >= '0' && ch <= '9') {
		if (u->count < 100000000)
			u->count = u->count * 10 + (long)(ch - '0');
		u->has_count = 1;
		return;
	}
	enum action a = keymap_lookup(u->keys, (int)ch, is_fn);
	long count = u->count;
	u->count = 0;
	u->has_count = 0;
	if (u->help) {
		help_handle(u, a, count);
		return;
	}
	if (a == ACT_NONE) {
		status_message(u, 1, "Unknown key: press h for help");
		return;
	}
	if (a != ACT_NEXT_HIGHLIGHT && a != ACT_PREV_HIGHLIGHT && a != ACT_NEXT_MATCH
	    && a != ACT_PREV_MATCH)
		buf_reset(&u->msg);
	do_action(u, a, count);
}

void ui_read_keys(struct ui *u)
{
	wint_t ch;
	int r;
	while ((r = wget_wch(stdscr, &ch)) != ERR) {
		handle_key(u, ch, r == KEY_CODE_YES);
		if (u->quit)
			return;
	}
}
