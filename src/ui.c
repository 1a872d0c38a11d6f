/* The reader's one event loop: poll on the terminal and on the signals'
 * pipe, block when idle, scan a big document in slices when not; keys go
 * through the input modes, and what their handlers report (struct fx) is
 * applied here, after each; one frame is drawn per turn. */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "brief/clip.h"
#include "brief/mapguard.h"
#include "brief/ui_loop.h"

struct reader {
	struct ui ui;               /* what the panes share */
	void *pane[PANE_COUNT];     /* each pane's own state */
	struct layout lay;
	struct input *in;
	struct tty tty;
	const struct ui_options *opt;
	uint64_t state_key;
	int drawn[PANE_COUNT];      /* drawn in the last frame */
	int need_clear;             /* repaint the whole terminal next frame */
	int redraw;                 /* a handler changed the frame */
	int quit;
	struct copier *copy;        /* where copies go (ui_copy.c) */
};

/* ---- layout and effects ---------------------------------------------------- */

static void after_layout(struct reader *r, int overlay_asked, int overlay)
{
	if (overlay_asked && !overlay)
		input_overlay_gone(r->in);  /* a wide screen has the panel beside */
}

static void relayout(struct reader *r)
{
	int asked = input_in(r->in, MODE_OVERLAY);
	after_layout(r, asked, layout_apply(&r->lay, &r->ui, r->pane, asked));
}

static void query_size(struct reader *r)
{
	int asked = input_in(r->in, MODE_OVERLAY);
	after_layout(r, asked, layout_query(&r->lay, &r->ui, r->pane, r->tty.tty_fd, asked));
}

/* The panel lists the notes: its rows again. */
static void notes_changed(struct reader *r)
{
	for (int p = 0; p < PANE_COUNT; p++)
		if (ui_panes[p]->update)
			ui_panes[p]->update(&r->ui, r->pane[p], model_scan_done(r->ui.m));
}

static void apply(struct reader *r, struct fx *fx)
{
	struct ui *u = &r->ui;
	if (fx->flags & FX_MESSAGE) {
		buf_free(&u->msg);
		u->msg = fx->msg;
		u->msg_error = fx->msg_error;
		u->show_match = (fx->flags & FX_MATCH) != 0;
		fx->msg = (struct buf){ 0 };
	}
	if (fx->flags & (FX_REDRAW | FX_MESSAGE | FX_FOCUS | FX_RELAYOUT | FX_CLEAR))
		r->redraw = 1;
	if (fx->flags & FX_FOCUS)
		u->focus = fx->focus;
	if (fx->flags & FX_RELAYOUT)
		relayout(r);
	if (fx->flags & FX_CLEAR)
		r->need_clear = 1;
	if (fx->flags & FX_QUIT)
		r->quit = 1;
	if (fx->flags & FX_COPY) {
		copier_deliver(r->copy, u, fx);
		r->redraw = 1;
	}
	if (fx->flags & FX_NOTES)
		notes_changed(r);
	fx_free(fx);
}

/* ---- drawing ------------------------------------------------------------- */

static void frame(struct reader *r)
{
	struct ui *u = &r->ui;
	int cleared = r->need_clear;
	if (r->need_clear) {
		clearok(curscr, TRUE);
		r->need_clear = 0;
	}
	/* A mode's pane over the whole screen (help): the others are not on
	 * the screen this frame. */
	enum pane cover = input_covering(r->in);
	if (cover != PANE_COUNT) {
		for (int p = 0; p < PANE_COUNT; p++)
			r->drawn[p] = 0;
		ui_panes[cover]->draw(u, r->pane[cover], stdscr, 1);
		r->drawn[cover] = 1;
		curs_set(0);
		doupdate();
		return;
	}
	wnoutrefresh(stdscr);
	for (int p = 0; p < PANE_COUNT; p++) {
		WINDOW *w = r->lay.win[p];
		/* The article under the panel brought over it is not drawn. */
		int shown = w && !(p == PANE_ARTICLE && r->lay.overlay);
		if (shown)
			ui_panes[p]->draw(u, r->pane[p], w, cleared || !r->drawn[p]);
		r->drawn[p] = shown;
	}
	if (r->lay.status) {
		struct status_prompt sp;
		input_prompt(r->in, &sp);
		/* The window refreshed last places the cursor: only a prompt
		 * shows it, otherwise parking it would cost bytes each frame. */
		leaveok(r->lay.status, !input_cursor(r->in));
		status_draw(u, r->lay.status, &sp);
	}
	curs_set(input_cursor(r->in) ? 1 : 0);
	/* A frame drawn from lost pages (mapguard.h) is not shown. */
	if (!mapguard_tripped())
		doupdate();
}

/* ---- keys and signals -------------------------------------------------------- */

/* The keys waiting; how many there were. */
static int read_keys(struct reader *r)
{
	wint_t ch;
	int k, n = 0;
	while ((k = wget_wch(stdscr, &ch)) != ERR) {
		struct fx fx = { 0 };
		n++;
		input_key(r->in, &r->ui, r->pane, &r->lay, ch, k == KEY_CODE_YES, &fx);
		apply(r, &fx);
		if (r->quit)
			break;
	}
	return n;
}

static void suspend(struct reader *r)
{
	margins_await(r->tty.tty_fd);
	tty_leave();
	signals_default(SIGTSTP);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGTSTP);
	/* Here again after fg. */
	signals_catch();
	r->need_clear = 1;
	query_size(r);
}

/* The signals that came: 0, or the one brief is to die of. */
static int handle_signals(struct reader *r)
{
	for (int sig; (sig = signals_next());) {
		switch (sig) {
		case SIGWINCH:
			query_size(r);
			break;
		case SIGTSTP:
			suspend(r);
			break;
		case SIGCONT:
			r->need_clear = 1;
			query_size(r);
			break;
		default:
			if (sig == SIGINT && !ui_take_interrupt())
				break;          /* it stopped a search */
			if (sig == SIGINT && input_interrupt(r->in))
				break;          /* it closed a prompt, a mark or help */
			return sig;
		}
	}
	return 0;
}

/* ---- start and end ----------------------------------------------------------- */

static void reader_free(struct reader *r)
{
	for (int p = 0; p < PANE_COUNT; p++)
		if (ui_panes[p]->destroy && r->pane[p])
			ui_panes[p]->destroy(&r->ui, r->pane[p]);
	select_free(&r->ui);
	copier_free(r->copy);
	notebook_close(&r->ui);
	mcount_free(&r->ui.mc);
	vp_free(&r->ui.vp);
	buf_free(&r->ui.msg);
	input_free(r->in);
	free(r);
}

/* Scan about `bytes` more and tell the panes; the scanned pages then go
 * back to the kernel. */
static void scan(struct reader *r, size_t bytes, int release)
{
	struct ui *u = &r->ui;
	model_scan_step(u->m, bytes);
	groups_update(u);
	int done = model_scan_done(u->m);
	for (int p = 0; p < PANE_COUNT; p++)
		if (ui_panes[p]->update)
			ui_panes[p]->update(u, r->pane[p], done);
	if (!release)
		return;
	model_release(u->m);
	if (model_scan_done(u->m))
		select_refresh(u);      /* all occurrences are known now */
}

int ui_run(struct model *m, const struct ui_options *o)
{
	struct reader *r = xcalloc(1, sizeof *r);
	struct ui *u = &r->ui;
	u->m = m;
	u->ascii = o->ascii;
	u->search_case = o->search_case;
	u->focus = PANE_ARTICLE;
	r->opt = o;
	r->lay.show_panel = 1;
	r->lay.show_compare = 1;
	vp_init(&u->vp, &m->doc, m->body_line, m->body);
	u->cite = (enum cite_style)o->cite;
	if (o->path && strcmp(o->path, "-") != 0)
		u->cite_where = o->path;
	const char *term = o->term ? o->term : getenv("TERM");
	r->copy = copier_new(!o->no_osc52 && clip_term_has_osc52(term, getenv("TMUX"), getenv("STY")),
			     getenv("BRIEF_COPY"));
	r->in = input_new();
	if (!r->in) {
		reader_free(r);
		return 1;
	}
	if (!o->no_state)
		r->state_key = statefile_key(m);

	if (signals_open() != 0) {
		reader_free(r);
		return 1;
	}
	int rc = tty_open(&r->tty);
	if (rc == 0)
		rc = tty_start(&r->tty, o->term, o->no_margins);
	if (rc != 0) {
		signals_close();
		tty_close(&r->tty);
		reader_free(r);
		return rc;
	}
	theme_init(u, o->no_color);
	draw_set_ascii(u->ascii && strcmp(nl_langinfo(CODESET), "UTF-8") != 0);
	for (int p = 0; p < PANE_COUNT; p++)
		r->pane[p] = ui_panes[p]->create ? ui_panes[p]->create(u) : NULL;

	/* Enough for the first screens to show their highlights; the rest is
	 * scanned after the first paint.  A document already checked whole at
	 * open (a commentary is) is scanned whole: its first paint is then
	 * final, with no second frame of counts catching up. */
	scan(r, doc_complete(&m->doc) ? SIZE_MAX : (size_t)32 << 10, 0);
	/* Notes before the layout: the article's margin depends on them. */
	notebook_open(u, o->path);
	notes_changed(r);
	/* The position and the panes shown, as the reader left them; then
	 * the options, which win; then the layout. */
	if (!o->no_state)
		statefile_load(u, r->state_key, &r->lay.show_panel, &r->lay.show_compare);
	if (o->no_panel)
		r->lay.show_panel = 0;
	if (o->no_compare)
		r->lay.show_compare = 0;
	relayout(r);
	/* What the model wants said first (a page with no article). */
	if (m->notice)
		status_message(u, 0, "%s", m->notice);

	int exit_sig = 0;
	int64_t last_draw = 0;
	int dirty = 1;                  /* input, a signal or the scan's end */
	size_t good_pos = u->vp.anchor;
	int looped = 0;
	/* A mapped file that shrank: end cleanly, main says why.  Its size
	 * is asked each turn (one fstat): a shrink within its last page
	 * faults nowhere. */
	while (!r->quit && !exit_sig && !doc_shrank(&m->doc)) {
		good_pos = u->vp.anchor;
		looped = 1;
		int scanning = !model_scan_done(m);
		/* A search's matches still being counted (a long document):
		 * background work too, a slice a turn. */
		int counting = u->vp.has_search && !u->mc.done;
		int busy = scanning || counting;
		/* While busy, the panel's counts refresh a few times a second,
		 * not after every slice: a frame costs more than a slice. */
		int64_t now = now_ms();
		int drew = 0;
		if (dirty || !busy || now - last_draw >= 100) {
			frame(r);
			last_draw = now;
			dirty = 0;
			drew = 1;
			if (mapguard_tripped())
				break;
		}
		struct pollfd fds[3] = {
			{ .fd = r->tty.tty_fd, .events = POLLIN },
			{ .fd = signals_fd(), .events = POLLIN },
		};
		/* Block when idle; only a pending scan keeps the loop turning.
		 * A millisecond's pause after a frame lets whoever reads the
		 * terminal (sshd, the emulator) have the CPU before the next
		 * slice: sharing a core with the scan, the 100 MB document's
		 * first paint was seen after a median 9.3 ms, with it 7.6. */
		int wait = busy ? drew : -1;
		/* A BRIEF_COPY command at work: its pipe or its end, and its
		 * deadline. */
		int copy_ms;
		int nfds = 2 + copier_poll(r->copy, &fds[2], &copy_ms);
		if (copy_ms >= 0 && (wait < 0 || copy_ms < wait))
			wait = copy_ms;
		int n = poll(fds, (nfds_t)nfds, wait);
		if (copier_step(r->copy, u))
			dirty = 1;
		if (n < 0 && errno != EINTR)
			break;
		if (n > 0)
			dirty = 1;
		if (n > 0 && fds[1].revents & POLLIN)
			exit_sig = handle_signals(r);
		if (exit_sig)
			break;
		if (n > 0 && fds[0].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) {
			/* The terminal went away: with no SIGHUP when brief is not
			 * in its session, and then it stays readable, which would
			 * turn this loop at full speed for ever.  Keys read before
			 * the end still count. */
			if (!(fds[0].revents & POLLIN) || (!read_keys(r) && tty_gone(&r->tty))) {
				exit_sig = SIGHUP;
				break;
			}
		}
		if (r->redraw)
			dirty = 1;      /* (input sets it anyway: a frame that did not
			                   change costs no byte) */
		r->redraw = 0;
		if (scanning) {
			scan(r, (size_t)2 << 20, 1);
			/* All read: notes not found in its start are looked for
			 * in the rest, and those still missing are orphans. */
			int settled = notebook_settle(u);
			if (settled)
				notes_changed(r);
			if (settled == 2)
				relayout(r);
			dirty |= settled != 0;
		}
		if (counting && u->vp.has_search)
			mcount_step(&u->mc, &u->vp.search, &m->doc, (size_t)4 << 20);
	}
	/* The terminal first, so a warning from saving is seen. */
	if (exit_sig != SIGHUP && exit_sig != SIGTERM)
		margins_await(r->tty.tty_fd);   /* the user is still at this terminal */
	tty_leave();
	/* Lost pages before the loop (the key hashed, the position sought)
	 * leave the state file as it was: nothing read since is to keep. */
	if (!o->no_state && !mapguard_tripped())
		statefile_save(&u->vp, r->state_key, u->vp.anchor, r->lay.show_panel,
			       r->lay.show_compare);
	else if (!o->no_state && looped)
		statefile_save(&u->vp, r->state_key, good_pos, r->lay.show_panel,
			       r->lay.show_compare);
	layout_free(&r->lay);
	tty_close(&r->tty);
	reader_free(r);
	signals_close();
	if (exit_sig) {
		/* Die of the signal, as the parent expects, terminal restored. */
		raise(exit_sig);
		return 128 + exit_sig;
	}
	return 0;
}
