/* The card: one actor or figure, whole, over the screen: where the panel,
 * the header and the status line cut a name, a description or a meaning
 * short, the card shows all of it, with the mentions, the sentence of the
 * first, and what found it.  An ordinary pane: the card mode (ui_input.c)
 * shows it, as help is shown, for the target in ui.card. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/cut.h"
#include "brief/figures.h"
#include "brief/sentence.h"
#include "brief/ui_pane.h"

struct field {
	char *label;                /* "kind", "aliases"; "" continues the one above */
	char *text;
};

struct card {
	int top;                    /* the first row shown */
	int rows, cols;             /* the screen */
	char *title;
	struct field *f;
	size_t n, cap;
	struct lines ll;            /* scratch for wrapping */
};

static void card_clear(struct card *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->f[i].label);
		free(c->f[i].text);
	}
	c->n = 0;
	free(c->title);
	c->title = NULL;
}

static void add(struct card *c, const char *label, const char *text)
{
	c->f = xgrowarray(c->f, &c->cap, c->n + 1, sizeof *c->f);
	c->f[c->n].label = xstrdup(label);
	c->f[c->n].text = xstrdup(text && *text ? text : "none given");
	c->n++;
}

static void addf(struct card *c, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void addf(struct card *c, const char *label, const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	add(c, label, b.data);
	buf_free(&b);
}

/* "line 8: The Donald Trump administration has ..." (the whole sentence). */
static void first_sentence(struct ui *u, struct card *c, const char *label, size_t off)
{
	const struct doc *d = &u->m->doc;
	unsigned flags = SENT_NEWS;
	/* Never past ready: beyond it the bytes are not checked yet. */
	if (off >= d->ready)
		return;
	if (sent_hard_wrapped(d->text, d->ready, (size_t)64 << 10))
		flags |= SENT_SOFT_LF;
	size_t s, e;
	sent_span(d->text, d->ready, off, flags, &s, &e);
	struct buf b = { 0 };
	buf_printf(&b, "line %zu: ", doc_line_at(d, off) + 1);
	/* A hard-wrapped sentence's line ends read as spaces. */
	for (size_t k = s; k < e; k++)
		buf_addc(&b, d->text[k] == '\n' ? ' ' : (char)d->text[k]);
	add(c, label, b.data);
	buf_free(&b);
}

/* "title-cue, sure: "US Secretary of State Marco Rubio" (titles.tsv:12)" */
static void why_text(struct ui *u, const struct entity_why *w, struct buf *b)
{
	const struct doc *d = &u->m->doc;
	buf_printf(b, "%s, %s", w->rule, entity_conf_name(w->conf));
	if (w->ev_end > w->ev_start && w->ev_end <= d->len) {
		buf_adds(b, ": \"");
		buf_add(b, d->text + w->ev_start, w->ev_end - w->ev_start);
		buf_adds(b, "\"");
	}
	if (w->source)
		buf_printf(b, " (%s)", w->source);
}

/* The shortest spelling of e: what a reader would write before
 * "administration" ("Trump"). */
static const char *short_name(const struct entity *e)
{
	const char *s = e->name;
	for (size_t k = 0; k < e->naliases; k++)
		if (strlen(e->aliases[k]) < strlen(s))
			s = e->aliases[k];
	return s;
}

/* The government words a person's government mentions end in, counted. */
struct gov_count {
	char word[16];
	size_t n;
};

static void count_gov(struct ui *u, size_t person, struct gov_count *g, size_t *ng)
{
	const struct model *m = u->m;
	const struct entity *p = &m->annot.entities[person];
	long country = p->affiliation ? annot_find_entity(&m->annot, p->affiliation) : -1;
	*ng = 0;
	if (country < 0)
		return;
	for (size_t i = 0; i < m->mentions.n; i++) {
		const struct mention *mn = &m->mentions.v[i];
		if (mn->entity != (uint32_t)country || !mentions_names_gov(&m->annot, m->doc.text, mn, person))
			continue;
		/* The word: the mention's last letters, lower case. */
		size_t ws = mn->end;
		while (ws > mn->start && m->doc.text[ws - 1] != ' ' && m->doc.text[ws - 1] != '\t')
			ws--;
		char w[16];
		size_t n = mn->end - ws < sizeof w - 1 ? mn->end - ws : sizeof w - 1;
		for (size_t k = 0; k < n; k++) {
			char ch = (char)m->doc.text[ws + k];
			w[k] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
		}
		w[n] = '\0';
		size_t k = 0;
		while (k < *ng && strcmp(g[k].word, w))
			k++;
		if (k == *ng) {
			if (*ng == 3)
				continue;
			memcpy(g[k].word, w, n + 1);
			g[k].n = 0;
			(*ng)++;
		}
		g[k].n++;
	}
}

static void entity_card(struct ui *u, struct card *c, const struct entity *e, long index,
			const struct target *t)
{
	const struct model *m = u->m;
	const struct annot *a = &m->annot;
	c->title = xstrdup(e->name);
	add(c, "name", e->name);
	const struct entity_why *why = e->why;
	if (why)
		addf(c, "kind", "%s, found automatically (%s)", entity_kind_name(e->kind),
		     entity_conf_name(why[0].conf));
	else
		add(c, "kind", entity_kind_name(e->kind));
	add(c, "description", e->description);
	long aff = e->affiliation ? annot_find_entity(a, e->affiliation) : -1;
	add(c, "affiliation", aff >= 0 ? a->entities[aff].name : e->affiliation);
	struct buf al = { 0 };
	for (size_t k = 0; k < e->naliases; k++)
		buf_printf(&al, "%s%s", k ? ", " : "", e->aliases[k]);
	add(c, "aliases", al.data ? al.data : "none");
	buf_free(&al);
	if (index < 0) {
		add(c, "mentions", "not counted: an unsure actor, not shown (A shows the unsure ones)");
	} else {
		addf(c, "mentions", "%zu", m->mentions.count[index]);
		/* A person's government, which counts for the country. */
		struct gov_count g[3];
		size_t ng = 0;
		if (e->kind == KIND_PERSON)
			count_gov(u, (size_t)index, g, &ng);
		struct buf gb = { 0 };
		for (size_t k = 0; k < ng; k++)
			buf_printf(&gb, "%s%s %s \u00d7%zu", k ? ", " : "", short_name(e), g[k].word, g[k].n);
		if (gb.len)
			addf(c, "also named in", "%s (counted for %s, their government)", gb.data,
			     a->entities[aff].name);
		buf_reset(&gb);
		/* A country: the persons' governments among its mentions. */
		for (size_t p = 0; e->kind == KIND_COUNTRY && p < a->nentities; p++) {
			if (a->entities[p].kind != KIND_PERSON || !a->entities[p].affiliation
			    || annot_find_entity(a, a->entities[p].affiliation) != index)
				continue;
			count_gov(u, p, g, &ng);
			for (size_t k = 0; k < ng; k++)
				buf_printf(&gb, "%s%s %s \u00d7%zu", gb.len ? ", " : "",
					   short_name(&a->entities[p]), g[k].word, g[k].n);
		}
		if (gb.len)
			add(c, "of which", gb.data);
		buf_free(&gb);
		/* The first mention, or the one at the cursor. */
		size_t first = SIZE_MAX;
		for (size_t i = 0; i < m->mentions.n && first == SIZE_MAX; i++)
			if (m->mentions.v[i].entity == (uint32_t)index)
				first = m->mentions.v[i].start;
		if (first != SIZE_MAX)
			first_sentence(u, c, "first mention", first);
		if (t->at_cursor && t->off != first)
			first_sentence(u, c, "at the cursor", t->off);
	}
	if (!why) {
		if (a->name && e->line)
			addf(c, "found by", "the annotation file, %s:%d", a->name, e->line);
		else
			add(c, "found by", "the annotation file");
		return;
	}
	struct buf w = { 0 };
	why_text(u, &why[0], &w);
	add(c, "found by", w.data);
	for (size_t k = 0; k < e->naliases; k++) {
		buf_reset(&w);
		buf_printf(&w, "\"%s\": ", e->aliases[k]);
		why_text(u, &why[1 + k], &w);
		add(c, "alias found by", w.data);
	}
	buf_free(&w);
}

static void figure_card(struct ui *u, struct card *c, size_t g, const struct target *t)
{
	const struct model *m = u->m;
	const struct fgroups *gs = &u->groups;
	const struct figures *fs = &m->figures;
	const struct figure *f0 = &fs->v[gs->v[g].first];
	c->title = xstrdup(fgroups_wording(gs, g));
	add(c, "value", fgroups_wording(gs, g));
	add(c, "kind", fig_kind_name(f0->kind));
	/* Every way the text writes it, every rule that found it. */
	struct buf as = { 0 }, rules = { 0 };
	size_t shown = 0;
	for (size_t i = gs->v[g].first; i < fs->n && shown < 8; i++) {
		if (fgroups_of(gs, i) != (long)g)
			continue;
		const struct figure *f = &fs->v[i];
		size_t len = f->end - f->start;
		struct buf one = { 0 };
		buf_printf(&one, "\"%.*s\"", (int)len, (const char *)m->doc.text + f->start);
		if (!as.data || !strstr(as.data, one.data)) {
			buf_printf(&as, "%s%s", as.len ? ", " : "", one.data);
			shown++;
		}
		buf_free(&one);
		if (!rules.data || !strstr(rules.data, f->rule))
			buf_printf(&rules, "%s%s", rules.len ? ", " : "", f->rule);
	}
	add(c, "as written", as.data);
	const char *d = fgroups_detail(gs, g);
	if (gs->v[g].from_note)
		add(c, "meaning", d);
	else if (*d)
		addf(c, "measures", "%s (the word after it; no annotation says)", d);
	else
		add(c, "meaning", "");
	/* The same value meaning something else: every other meaning. */
	struct buf other = { 0 };
	for (size_t k = 0; k < gs->n; k++)
		if (k != g && !strcmp(fgroups_wording(gs, k), fgroups_wording(gs, g)))
			buf_printf(&other, "%s%s", other.len ? "; " : "",
				   *fgroups_detail(gs, k) ? fgroups_detail(gs, k) : "(none given)");
	if (other.len)
		add(c, "other meanings", other.data);
	addf(c, "occurrences", "%zu", gs->v[g].count);
	first_sentence(u, c, "first", f0->start);
	if (t->at_cursor && t->off != f0->start)
		first_sentence(u, c, "at the cursor", t->off);
	add(c, "found by", rules.data);
	buf_free(&as);
	buf_free(&rules);
	buf_free(&other);
}

/* ---- the pane ------------------------------------------------------------- */

static void *card_create(struct ui *u)
{
	(void)u;
	return xcalloc(1, sizeof(struct card));
}

static void card_destroy(struct ui *u, void *self)
{
	(void)u;
	struct card *c = self;
	card_clear(c);
	free(c->f);
	lines_free(&c->ll);
	free(c);
}

static void card_resize(struct ui *u, void *self, int rows, int cols)
{
	(void)u;
	struct card *c = self;
	c->rows = rows;
	c->cols = cols;
}

/* The fields of ui.card, from the model as it is now. */
static void card_show(struct ui *u, void *self)
{
	struct card *c = self;
	const struct target *t = &u->card;
	const struct model *m = u->m;
	card_clear(c);
	c->top = 0;
	if (t->kind == TARGET_ENTITY && t->index < m->annot.nentities)
		entity_card(u, c, &m->annot.entities[t->index], (long)t->index, t);
	else if (t->kind == TARGET_HIDDEN && t->index < m->nauto)
		entity_card(u, c, &m->auto_ents[t->index], -1, t);
	else if (t->kind == TARGET_FIGURE && t->index < u->groups.n)
		figure_card(u, c, t->index, t);
	else
		c->title = xstrdup("nothing to show");
}

/* Lay out (w NULL: only count) the rows: a label column, the text wrapped
 * beside it; on a narrow screen the label above its text. */
static int card_layout(struct ui *u, struct card *c, WINDOW *w, int h, int width)
{
	int wide = width >= 50, tx = wide ? 17 : 4, row = 0;
	int tw = width - tx - 1 > 10 ? width - tx - 1 : 10;
	for (size_t i = 0; i < c->n; i++) {
		const struct field *f = &c->f[i];
		if (!wide) {
			int y = row++ - c->top + 1;
			if (w && y >= 1 && y < h)
				draw_str(w, y, 2, width - 2, f->label, u->attr[ROLE_HEADER]);
		}
		c->ll.n = 0;
		layout_line(&c->ll, (const uint8_t *)f->text, 0, strlen(f->text), tw);
		for (size_t k = 0; k < c->ll.n; k++) {
			int y = row - c->top + 1;
			if (w && y >= 1 && y < h) {
				if (wide && k == 0)
					draw_str(w, y, 2, tx - 3, f->label, u->attr[ROLE_HEADER]);
				draw_text(w, y, tx, width - tx, (const uint8_t *)f->text + c->ll.v[k].start,
					  c->ll.v[k].end - c->ll.v[k].start, u->attr[ROLE_TEXT]);
			}
			row++;
		}
	}
	return row;
}

static void card_draw(struct ui *u, void *self, WINDOW *w, int fresh)
{
	(void)fresh;
	struct card *c = self;
	int h, width;
	getmaxyx(w, h, width);
	werase(w);
	draw_fill(w, 0, 0, width, u->attr[ROLE_STATUS]);
	int rows = card_layout(u, c, NULL, 0, width);
	/* A resize can leave top past the end (scrolled down on a short
	 * window, then made tall): the last page, not a blank card. */
	int maxtop = rows - (h - 1) > 0 ? rows - (h - 1) : 0;
	if (c->top > maxtop)
		c->top = maxtop;
	if (c->top < 0)
		c->top = 0;
	int last = c->top + h - 1 < rows ? c->top + h - 1 : rows;
	char where[64];
	snprintf(where, sizeof where, " lines %d-%d of %d ", c->top + 1, last, rows);
	int ww = text_width(where) <= width / 2 ? text_width(where) : 0;
	struct buf title = { 0 };
	buf_printf(&title, "%s (q, i or Esc to close)", c->title ? c->title : "");
	draw_cut_str(w, 0, 0, width - ww - (ww ? 1 : 0), title.data, u->attr[ROLE_STATUS], u->ascii);
	buf_free(&title);
	if (ww)
		draw_str(w, 0, width - ww, ww, where, u->attr[ROLE_STATUS]);
	card_layout(u, c, w, h, width);
	wnoutrefresh(w);
}

/* Scrolled as help is; q, i, Enter and Esc close it (FX_CLOSE). */
static enum action card_handle(struct ui *u, void *self, enum action a, long *count,
			       struct fx *fx)
{
	struct card *c = self;
	fx->flags |= FX_REDRAW;
	if (a == ACT_QUIT || a == ACT_INFO || a == ACT_CLEAR || a == ACT_ENTER || a == ACT_HELP) {
		fx->flags |= FX_CLOSE;
		return ACT_NONE;
	}
	pager_handle(&c->top, card_layout(u, c, NULL, 0, c->cols), c->rows - 1, a, *count);
	return ACT_NONE;
}

const struct pane_ops card_pane = {
	.name = "card",
	.create = card_create,
	.destroy = card_destroy,
	.resize = card_resize,
	.show = card_show,
	.draw = card_draw,
	.handle = card_handle,
};
