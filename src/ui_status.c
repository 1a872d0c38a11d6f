/* The status line: position, what the cursor is on, messages, the prompt;
 * and the messages handlers report (struct fx). */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "brief/cut.h"
#include "brief/ui_core.h"

/* Quotes from the document are sanitised already, and so are strings from
 * the annotation file and file names (annot.c, document.c): messages are
 * made of those. */
void status_message(struct ui *u, int error, const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	buf_free(&u->msg);
	u->msg = b;
	u->msg_error = error;
}

void fx_message(struct fx *fx, int error, const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	buf_free(&fx->msg);
	fx->msg = b;
	fx->msg_error = error;
	fx->flags |= FX_MESSAGE;
}

void fx_no_message(struct fx *fx)
{
	buf_reset(&fx->msg);
	fx->flags |= FX_MESSAGE;
}

void fx_match(struct fx *fx, const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	buf_free(&fx->msg);
	fx->msg = b;
	fx->msg_error = 0;
	fx->flags |= FX_MESSAGE | FX_MATCH;
}

void fx_free(struct fx *fx)
{
	buf_free(&fx->msg);
	buf_free(&fx->copy);
}

/* Between the parts of a description: '?' outside a UTF-8 locale otherwise. */
static const char *sep(const struct ui *u)
{
	return u->ascii ? " | " : " · ";
}

void status_describe_cursor(struct ui *u, struct fx *fx)
{
	const struct model *m = u->m;
	const struct viewport *vp = &u->vp;
	if (!vp->has_cursor)
		return;
	size_t i = mentions_at(&m->mentions, vp->cur_start);
	if (i < m->mentions.n && m->mentions.v[i].start == vp->cur_start) {
		const struct mention *mn = &m->mentions.v[i];
		const struct entity *e = &m->annot.entities[mn->entity];
		/* "2/3": counted at scan time, not by walking the mentions here. */
		size_t k = (size_t)mn->nth + 1, n = m->mentions.count[mn->entity];
		/* "Rubio 2/3 · Marco Rubio · ..." names the entity when the
		 * mention is an alias, "Marco Rubio 2/3 · ..." when it is the name. */
		int len = (int)(mn->end - mn->start);
		int is_name = len == (int)strlen(e->name)
			      && memcmp(e->name, m->doc.text + mn->start, (size_t)len) == 0;
		fx_message(fx, 0, "%.*s %zu/%zu%s%s%s%s", len, (const char *)m->doc.text + mn->start,
			       k, n, is_name ? "" : sep(u), is_name ? "" : e->name,
			       e->description ? sep(u) : "", e->description ? e->description : "");
		return;
	}
	const struct figure *f = figures_in(&m->figures, vp->cur_start, vp->cur_end);
	if (f && f->start == vp->cur_start) {
		const char *meaning = model_figure_meaning(m, f);
		/* The value as a reader writes it ("early July", "more than $1.6
		 * trillion"), not the machine form --export json keeps. */
		struct buf v = { 0 };
		fig_wording(&v, f, u->ascii);
		/* "k/n" only for a figure of the selected group. */
		size_t k = 0, n = 0;
		if (u->sel.active && u->sel.is_figure) {
			k = select_occ_at(&u->sel, f->start + 1);     /* occurrences up to f */
			if (k && u->sel.occ[k - 1] == f->start)
				n = u->sel.nocc;
		}
		struct buf idx = { 0 };
		if (n)
			buf_printf(&idx, " %zu/%zu", k, n);
		fx_message(fx, 0, "%.*s%s%s%s%s%s", (int)(f->end - f->start),
			       (const char *)m->doc.text + f->start, idx.data ? idx.data : "",
			       sep(u), v.data ? v.data : "", meaning ? sep(u) : "",
			       meaning ? meaning : "");
		buf_free(&v);
		buf_free(&idx);
		return;
	}
}

int status_percent(struct ui *u, int *end)
{
	const struct doc *d = &u->m->doc;
	int e = 0;
	size_t off = vp_bottom_off(&u->vp, end || doc_complete(d) ? &e : NULL);
	if (end)
		*end = e;
	if (e && doc_complete(d))
		return 100;
	return model_percent_at(u->m, off);
}

void status_draw(struct ui *u, WINDOW *w, const struct status_prompt *p)
{
	int width = getmaxx(w);
	werase(w);
	attr_t a = u->attr[ROLE_STATUS];
	if (p->label) {
		draw_fill(w, 0, 0, width, A_NORMAL);
		int x = draw_str(w, 0, 0, width, p->label, A_NORMAL);
		const char *in = p->input ? p->input : "";
		/* Show the end of a long pattern, where typing happens. */
		int iw = text_width(in);
		const char *shown = in;
		while (iw > width - x - 1 && *shown) {
			shown++;
			while ((*shown & 0xC0) == 0x80)
				shown++;
			iw = text_width(shown);
		}
		x += draw_str(w, 0, x, width - x, shown, A_NORMAL);
		wmove(w, 0, x < width ? x : width - 1);
		wnoutrefresh(w);
		return;
	}
	/* The focus, named the same way whichever pane has it: the pane
	 * that j, k, pages, g and G move. */
	static const char *const focus_name[PANE_COUNT] = {
		[PANE_ARTICLE] = "article", [PANE_PANEL] = "panel",
		[PANE_COMPARE] = "comparison", [PANE_HELP] = "help",
	};
	const char *f = (unsigned)u->focus < PANE_COUNT ? focus_name[u->focus] : "";
	char right[80];
	int scanned = model_scan_done(u->m), end = 0;
	int pct = status_percent(u, scanned ? &end : NULL);
	if (!scanned)
		snprintf(right, sizeof right, " [%s] %d%% scan %d%%  h help ", f, pct,
			 model_scan_percent(u->m));
	else if (end)
		snprintf(right, sizeof right, " [%s] END  h help ", f);
	else
		snprintf(right, sizeof right, " [%s] %d%%  h help ", f, pct);
	int rw = text_width(right);
	draw_fill(w, 0, 0, width, a);
	const char *left = u->msg.len ? u->msg.data : u->m->doc.name;
	struct buf match = { 0 };
	if (u->show_match && u->vp.has_search) {
		/* Counted as the reader reads: a lower bound until done ("17+"),
		 * the place once the count has passed it. */
		const struct mcount *c = &u->mc;
		if (c->place)
			buf_printf(&match, "match %zu of %zu%s", c->place, c->total, c->done ? "" : "+");
		else
			buf_printf(&match, "match ? of %zu+", c->total);
		if (u->msg.len)
			buf_printf(&match, ", %s", u->msg.data);
		left = match.data;
	}
	attr_t la = u->msg.len && u->msg_error ? u->attr[ROLE_ERROR] : a;
	if (p->has_count)
		left = "";
	int room = width - rw - 1;
	if (room > 0) {
		draw_cut_str(w, 0, 1, room - 1 > 0 ? room - 1 : 0, left, la, u->ascii);
		if (p->has_count) {
			char cbuf[32];
			snprintf(cbuf, sizeof cbuf, ":%ld", p->count);
			draw_str(w, 0, 1, room, cbuf, a);
		}
		draw_str(w, 0, width - rw, rw, right, a);
	} else {
		draw_str(w, 0, 0, width, right + 1, a);
	}
	buf_free(&match);
	wnoutrefresh(w);
}

/* The evidence of w, cut to fit a status line's part. */
static void evidence(const struct ui *u, const struct entity_why *w, struct buf *b)
{
	const struct doc *d = &u->m->doc;
	if (w->ev_end <= w->ev_start || w->ev_end > d->len)
		return;
	buf_adds(b, ": \"");
	cut_append(b, (const char *)d->text + w->ev_start, w->ev_end - w->ev_start, 40, u->ascii);
	buf_adds(b, "\"");
}

void status_why(struct ui *u, const struct target *t, struct fx *fx)
{
	const struct model *m = u->m;
	struct buf b = { 0 };
	const struct entity *e = NULL;
	const struct entity_why *w = NULL;
	const char *spelled = NULL;
	size_t slen = 0;
	if (t->kind == TARGET_ENTITY && t->index < m->annot.nentities) {
		e = &m->annot.entities[t->index];
		w = e->why;
		if (t->at_cursor) {
			/* The spelling at the cursor has its own provenance. */
			size_t i = mentions_at(&m->mentions, t->off);
			if (i < m->mentions.n && m->mentions.v[i].start == t->off) {
				const struct mention *mn = &m->mentions.v[i];
				spelled = (const char *)m->doc.text + mn->start;
				slen = mn->end - mn->start;
				if (e->why)
					w = model_mention_why(m, mn);
				for (size_t p = 0; p < m->annot.nentities; p++)
					if (mentions_names_gov(&m->annot, m->doc.text, mn, p)) {
						fx_message(fx, 0, "%.*s: %s's government, counted for %s",
							   (int)slen, spelled, m->annot.entities[p].name,
							   e->name);
						return;
					}
			}
		}
	} else if (t->kind == TARGET_HIDDEN && t->index < m->nauto) {
		e = &m->auto_ents[t->index];
		w = e->why;
	}
	if (e) {
		if (spelled && (slen != strlen(e->name) || memcmp(spelled, e->name, slen)))
			buf_printf(&b, "%.*s (%s)", (int)slen, spelled, e->name);
		else
			buf_adds(&b, e->name);
		if (!w) {
			buf_adds(&b, ": from the annotation file");
			if (m->annot.name && e->line)
				buf_printf(&b, ", %s:%d", m->annot.name, e->line);
		} else {
			buf_printf(&b, ": found by %s, %s", w->rule, entity_conf_name(w->conf));
			evidence(u, w, &b);
			if (w->source)
				buf_printf(&b, " (%s)", w->source);
			if (t->kind == TARGET_HIDDEN)
				buf_adds(&b, "; not shown: A shows the unsure ones");
		}
	} else if (t->kind == TARGET_FIGURE && t->index < u->groups.n) {
		const struct figures *fs = &m->figures;
		size_t i = u->groups.v[t->index].first;
		if (t->at_cursor) {
			size_t k = figures_at(fs, t->off);
			if (k < fs->n && fs->v[k].start == t->off)
				i = k;
		}
		const struct figure *f = &fs->v[i];
		buf_printf(&b, "%.*s: found by the rule %s", (int)(f->end - f->start),
			   (const char *)m->doc.text + f->start, f->rule);
		buf_adds(&b, model_figure_meaning(m, f) ? "; its meaning from the annotation file"
							 : "; no annotation gives its meaning");
	} else {
		fx_message(fx, 1, "No actor or figure here: move the cursor with ] or [, or pick a panel row");
		return;
	}
	fx_message(fx, 0, "%s", b.data);
	buf_free(&b);
}
