/* Loads an article with its annotations and scans it in slices. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/actors.h"
#include "brief/assets.h"
#include "brief/claims.h"
#include "brief/quotes.h"
#include "brief/header.h"
#include "brief/mapguard.h"
#include "brief/model.h"
#include "brief/util.h"

static void rebuild_quotes(struct model *m, int with_auto);

#define BUNDLED_TEXT "commentary.txt"
#define BUNDLED_ANNOT "commentary.brief"

/* "dir/article.txt" -> "dir/article.brief" */
static char *sibling_annotation(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(path, '.');
	size_t stem = (dot && (!slash || dot > slash) && dot != path && dot[-1] != '/')
		      ? (size_t)(dot - path) : strlen(path);
	struct buf b = { 0 };
	buf_add(&b, path, stem);
	buf_adds(&b, ".brief");
	return b.data;
}

static void path_error(struct model_error *err, const char *path, int e)
{
	/* A path is outside text: sanitised before it reaches the terminal. */
	char *safe = doc_sanitize_name(path);
	err->status = BRIEF_EXIT_NOINPUT;
	snprintf(err->msg, sizeof err->msg, "%s: %s", safe, doc_strerror(e));
	free(safe);
}

#define ANNOT_READ_MAX ((size_t)16 << 20)

static int read_whole(const char *path, struct buf *out, struct model_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		fd = -1;
		errno = EISDIR;
	}
	if (fd < 0) {
		path_error(err, path, errno);
		return err->status;
	}
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			path_error(err, path, errno);
			close(fd);
			return err->status;
		}
		if (n == 0)
			break;
		buf_add(out, chunk, (size_t)n);
		/* Annotations are a few KB: -a /dev/zero must not eat the memory. */
		if (out->len > ANNOT_READ_MAX) {
			char *safe = doc_sanitize_name(path);
			err->status = BRIEF_EXIT_DATAERR;
			snprintf(err->msg, sizeof err->msg,
				 "%s: an annotation file of more than 16 MiB", safe);
			free(safe);
			close(fd);
			return err->status;
		}
	}
	close(fd);
	if (!out->data)
		buf_add(out, "", 0);
	return 0;
}

/* Quotes are anchored in the checked part of a lazily opened document
 * first; only a quote not found there makes the rest be checked now. */
static int resolve(struct model *m, struct annot_error *ae)
{
	if (annot_resolve(&m->annot, &m->doc, ae) == 0)
		return 0;
	if (doc_complete(&m->doc))
		return BRIEF_EXIT_DATAERR;
	doc_prepare_all(&m->doc);
	return annot_resolve(&m->annot, &m->doc, ae);
}

static int load_annotations(struct model *m, const char *name, const char *text,
			    size_t len, struct model_error *err)
{
	struct annot_error ae;
	if (annot_parse(&m->annot, name, text, len, &ae) != 0 || resolve(m, &ae) != 0) {
		err->status = BRIEF_EXIT_DATAERR;
		snprintf(err->msg, sizeof err->msg, "%s", ae.msg);
		return err->status;
	}
	return 0;
}

/* "page.html.gz" -> "page.html" (the annotation file is "page.brief"). */
static char *without_gz(const char *path)
{
	size_t n = strlen(path);
	return xstrndup(path, html_name_says_gzip(path) ? n - 3 : n);
}

static void set_notice(struct model *m, const char *msg)
{
	if (!m->notice)
		m->notice = doc_sanitize_cstr(msg);
}

/* The document opened from the file holds its bytes as read: inflate them
 * when they are gzip, read the article out of them when they are a web
 * page, and put that text in the document's place. */
static int open_transformed(struct model *m, const char *path, enum html_format format,
			    struct model_error *err)
{
	const uint8_t *p = m->doc.orig;
	size_t n = m->doc.orig_len;
	m->source_len = n;
	uint8_t *raw = NULL;
	size_t raw_len = 0;
	int gz = html_is_gzip(p, n);
	if (!gz && format == HTML_FORMAT_TEXT)
		return 0;
	if (gz) {
		const char *why;
		if (html_gunzip(p, n, DOC_READ_MAX, &raw, &raw_len, &why) != 0) {
			err->status = BRIEF_EXIT_NOINPUT;
			snprintf(err->msg, sizeof err->msg, "%s: %s", m->doc.name, why);
			return err->status;
		}
		p = raw;
		n = raw_len;
		m->gzip = 1;
	}
	int is_file = strcmp(path, "-") != 0;
	int html = format == HTML_FORMAT_HTML
		   || (format == HTML_FORMAT_AUTO
		       && ((is_file && html_name_says_html(path)) || html_looks_like_html(p, n)));
	if (html && n > DOC_READ_MAX) {
		free(raw);
		err->status = BRIEF_EXIT_NOINPUT;
		snprintf(err->msg, sizeof err->msg,
			 "%s: a web page of more than 256 MiB (--format=text reads it as text)",
			 m->doc.name);
		return err->status;
	}
	if (!html && !gz)
		return 0;
	struct html_page *page = NULL;
	if (html) {
		page = xcalloc(1, sizeof *page);
		html_page_read(page, p, n);
		free(raw);
		raw = NULL;
	}
	/* What was read of a mapped file that shrank meanwhile is not the
	 * page. */
	if (doc_shrank(&m->doc) || mapguard_tripped()) {
		if (page)
			html_page_free(page);
		free(page);
		free(raw);
		err->status = MODEL_EXIT_IOERR;
		snprintf(err->msg, sizeof err->msg,
			 "%s: the file shrank or failed to read while it was being read", m->doc.name);
		return err->status;
	}
	char *name = xstrdup(m->doc.name);
	doc_free(&m->doc);
	if (page) {
		doc_load_mem(&m->doc, name, (const uint8_t *)page->text, page->len);
		m->page = page;
		for (int k = 0; k < META_COUNT; k++)
			if (page->meta[k]) {
				model_set_meta(m, (enum meta_key)k, page->meta[k], strlen(page->meta[k]));
				m->meta_rule[k] = m->meta[k] ? page->meta_rule[k] : NULL;
			}
		if (!page->article.found)
			set_notice(m, "No article found in this page: showing all its text");
		if (page->truncated)
			set_notice(m, "The page has more than 8 million elements: the rest was not read");
		if (page->charset.invalid) {
			struct buf b = { 0 };
			buf_printf(&b, "%zu byte sequences in this page are not %s: shown as \xef\xbf\xbd",
				   page->charset.invalid, page->charset.name);
			set_notice(m, b.data);
			buf_free(&b);
		}
	} else {
		doc_load_mem(&m->doc, name, raw, raw_len);
		m->text_owned = raw;
	}
	free(name);
	m->offsets_text = 1;
	return 0;
}

int model_open(struct model *m, const char *doc_path, const char *annot_path,
	       struct model_error *err)
{
	return model_open_opts(m, doc_path, annot_path, NULL, err);
}

/* The corrections file, when there is one: actors as an annotation file
 * writes them (kind, description, affiliation) and "ignore" statements.
 * Its quotes are never anchored: it is about names, not one article. */
static int load_corrections(struct model *m, struct model_error *err)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct buf path = { 0 };
	if (xdg && *xdg == '/')
		buf_printf(&path, "%s/brief/actors.brief", xdg);
	else if (home && *home)
		buf_printf(&path, "%s/.config/brief/actors.brief", home);
	else
		return 0;
	if (access(path.data, F_OK) != 0) {
		buf_free(&path);
		return 0;
	}
	struct buf b = { 0 };
	int rc = read_whole(path.data, &b, err);
	m->user_path = doc_sanitize_name(path.data);
	buf_free(&path);
	if (rc == 0) {
		struct annot_error ae;
		if (annot_parse(&m->user, m->user_path, b.data, b.len, &ae) != 0) {
			err->status = BRIEF_EXIT_DATAERR;
			snprintf(err->msg, sizeof err->msg, "%s", ae.msg);
			rc = err->status;
		}
	}
	buf_free(&b);
	return rc;
}

/* A spelling of e (its name or an alias) equal to s. */
static int spells(const struct entity *e, const char *s)
{
	if (strcmp(e->name, s) == 0)
		return 1;
	for (size_t j = 0; j < e->naliases; j++)
		if (strcmp(e->aliases[j], s) == 0)
			return 1;
	return 0;
}

/* The first actor of a that shares a spelling with e, or NULL. */
static const struct entity *same_actor(const struct annot *a, const struct entity *e)
{
	for (size_t i = 0; i < a->nentities; i++) {
		const struct entity *u = &a->entities[i];
		if (spells(e, u->name))
			return u;
		for (size_t j = 0; j < u->naliases; j++)
			if (spells(e, u->aliases[j]))
				return u;
	}
	return NULL;
}

/* Apply the annotation file's and the corrections file's "ignore" and the
 * corrections file's actors to the automatic findings v[0, *n). */
static void correct(struct model *m, struct entity *v, size_t *n)
{
	const struct annot *lists[2] = { &m->annot, &m->user };
	size_t o = 0;
	for (size_t i = 0; i < *n; i++) {
		int drop = 0;
		for (int l = 0; l < 2 && !drop; l++)
			for (size_t k = 0; k < lists[l]->nignores && !drop; k++)
				drop = strcmp(v[i].name, lists[l]->ignores[k]) == 0;
		if (drop) {
			entity_free_fields(&v[i]);
			continue;
		}
		v[o++] = v[i];
	}
	*n = o;
	for (size_t i = 0; i < *n; i++) {
		const struct entity *u = same_actor(&m->user, &v[i]);
		if (!u)
			continue;
		v[i].kind = u->kind;
		if (u->description && !v[i].description)
			v[i].description = xstrdup(u->description);
		/* The affiliation names the user's actor; here, the finding
		 * that shares a spelling with it. */
		long ai = annot_find_entity(&m->user, u->affiliation);
		if (ai >= 0)
			for (size_t k = 0; k < *n; k++)
				if (k != i && same_actor(&(struct annot){ .entities = &m->user.entities[ai],
									 .nentities = 1 }, &v[k])) {
					free(v[i].affiliation);
					v[i].affiliation = xstrdup(v[k].id);
					break;
				}
		if (v[i].why) {
			v[i].why[0].rule = "user-correction";
			v[i].why[0].conf = CONF_SURE;
			free(v[i].why[0].source);
			struct buf sb = { 0 };
			buf_printf(&sb, "%s:%d", m->user_path ? m->user_path : "actors.brief", u->line);
			v[i].why[0].source = sb.data;
		}
	}
}

/* Header fields and the body's start of a text without annotations: the
 * web page chrome above a pasted article (header.h). */
static void find_header(struct model *m)
{
	struct header h;
	header_find(m->doc.text, m->doc.ready, &h);
	for (int k = 0; k < META_COUNT; k++) {
		const struct header_span *f = &h.field[k];
		if (f->end > f->start) {
			model_set_meta(m, (enum meta_key)k, (const char *)m->doc.text + f->start,
				       f->end - f->start);
			m->meta_rule[k] = m->meta[k] ? f->rule : NULL;
		}
	}
	if (h.body) {
		m->body_line = doc_line_at(&m->doc, h.body);
		m->body = doc_line_start(&m->doc, m->body_line);
	}
}

int model_open_format(struct model *m, const char *doc_path, const char *annot_path,
		      enum html_format format, struct model_error *err)
{
	struct model_opts o = { .format = format };
	return model_open_opts(m, doc_path, annot_path, &o, err);
}

int model_open_opts(struct model *m, const char *doc_path, const char *annot_path,
		    const struct model_opts *o, struct model_error *err)
{
	memset(m, 0, sizeof *m);
	m->no_auto = o && o->no_auto;
	err->status = 0;
	err->msg[0] = '\0';
	figures_init(&m->figures);

	int rc = 0;
	if (!doc_path) {
		const struct asset *t = asset_find(BUNDLED_TEXT);
		doc_load_mem(&m->doc, "(bundled commentary)", t->data, t->len);
		if (!annot_path) {
			const struct asset *an = asset_find(BUNDLED_ANNOT);
			m->annot_path = xstrdup("(bundled " BUNDLED_ANNOT ")");
			rc = load_annotations(m, m->annot_path, (const char *)an->data, an->len, err);
		}
	} else {
		struct doc_error de;
		int drc = doc_open_file(&m->doc, doc_path, &de);
		if (drc != 0) {
			err->status = drc;
			snprintf(err->msg, sizeof err->msg, "%s", de.msg);
			return err->status;
		}
		rc = open_transformed(m, doc_path, o ? o->format : HTML_FORMAT_AUTO, err);
		if (rc != 0)
			return rc;
		if (!annot_path && strcmp(doc_path, "-") != 0) {
			char *plain = without_gz(doc_path);
			char *sib = sibling_annotation(plain);
			free(plain);
			if (access(sib, F_OK) == 0)
				m->annot_path = sib;
			else
				free(sib);
		}
	}
	if (annot_path)
		m->annot_path = xstrdup(annot_path);
	if (rc == 0 && m->annot_path && (doc_path || annot_path)) {
		struct buf b = { 0 };
		rc = read_whole(m->annot_path, &b, err);
		/* From here on the path is only shown: sanitised. */
		char *shown = doc_sanitize_name(m->annot_path);
		free(m->annot_path);
		m->annot_path = shown;
		if (rc == 0)
			rc = load_annotations(m, m->annot_path, b.data, b.len, err);
		buf_free(&b);
	}
	if (rc != 0)
		return rc;

	for (int k = 0; k < META_COUNT; k++)
		if (m->annot.meta[k].text)
			model_set_meta(m, (enum meta_key)k, m->annot.meta[k].text,
				       m->annot.meta[k].len);
	if (m->annot.body.text) {
		m->body_line = doc_line_at(&m->doc, m->annot.body.start);
		m->body = doc_line_start(&m->doc, m->body_line);
	} else if (!m->annot_path && !m->no_auto && !m->page) {
		/* A web page's header came from its metadata (open_transformed);
		 * its text starts with the article. */
		find_header(m);
	}
	if (!m->no_auto && load_corrections(m, err) != 0)
		return err->status;
	m->nannotated = m->annot.nentities;
	/* Without annotations the finder runs in the scan; with them its
	 * actors are hidden, so it runs only when asked (model_find_auto):
	 * loading the lists would triple an annotated commentary's start-up. */
	if (!m->no_auto && !m->annot_path) {
		m->finder = xmalloc(sizeof *m->finder);
		actors_init(m->finder, gaz_default());
	}
	m->scanned = m->body;
	mentions_init(&m->mentions, &m->annot);
	m->ncmps = m->annot.ncomparisons;
	m->cmps = xcalloc(m->ncmps ? m->ncmps : 1, sizeof *m->cmps);
	for (size_t i = 0; i < m->ncmps; i++)
		compare_build(&m->cmps[i], &m->annot.comparisons[i], &m->annot, &m->doc);
	m->nannot_cmps = m->ncmps;
	rebuild_quotes(m, 0);
	return 0;
}

static int quote_cmp(const void *x, const void *y)
{
	const struct model_quote *a = x, *b = y;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* The quotations shown: the annotation file's, and the automatic ones
 * whose speakers are shown, in text order. */
static void rebuild_quotes(struct model *m, int with_auto)
{
	free(m->quotes);
	m->quotes = xcalloc(m->annot.nquotations + m->nauto_quotes + 1, sizeof *m->quotes);
	m->nquotes = 0;
	for (size_t i = 0; i < m->annot.nquotations; i++) {
		const struct quotation *q = &m->annot.quotations[i];
		long e = annot_find_entity(&m->annot, q->speaker);
		if (e >= 0 && q->q.end > q->q.start)
			m->quotes[m->nquotes++] = (struct model_quote){ e, q->q.start, q->q.end, NULL };
	}
	size_t na = m->nquotes;
	if (with_auto && m->nauto_quotes) {
		/* An automatic quotation overlapping one already shown is not
		 * shown.  In order of start, the annotated ones that begin before
		 * q ends are a prefix, and they overlap q when the furthest end
		 * among them is past q's start; the automatic ones kept so far
		 * overlap q when their furthest end is.  n log n, where testing
		 * every pair took seconds on a text of 100,000 quotations. */
		qsort(m->quotes, na, sizeof *m->quotes, quote_cmp);
		size_t *reach = xmalloc((na + 1) * sizeof *reach);
		for (size_t i = 0; i < na; i++)
			reach[i] = i && reach[i - 1] > m->quotes[i].end ? reach[i - 1] : m->quotes[i].end;
		struct model_quote *cand = xmalloc(m->nauto_quotes * sizeof *cand);
		size_t nc = 0;
		for (size_t i = 0; i < m->nauto_quotes; i++) {
			const struct quotation *q = &m->auto_quotes[i];
			long e = annot_find_entity(&m->annot, q->speaker);
			if (e >= 0)
				cand[nc++] = (struct model_quote){ e, q->q.start, q->q.end, q->rule };
		}
		qsort(cand, nc, sizeof *cand, quote_cmp);
		size_t auto_reach = 0;
		for (size_t i = 0; i < nc; i++) {
			size_t lo = 0, hi = na;     /* annotated ones starting before cand[i] ends */
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (m->quotes[mid].start < cand[i].end)
					lo = mid + 1;
				else
					hi = mid;
			}
			if ((lo && reach[lo - 1] > cand[i].start) || auto_reach > cand[i].start)
				continue;
			m->quotes[m->nquotes++] = cand[i];
			if (cand[i].end > auto_reach)
				auto_reach = cand[i].end;
		}
		free(cand);
		free(reach);
	}
	qsort(m->quotes, m->nquotes, sizeof *m->quotes, quote_cmp);
}

size_t model_actor_quotes(const struct model *m, size_t e, size_t *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < m->nquotes; i++)
		if (m->quotes[i].speaker == (long)e) {
			if (n < max)
				out[n] = i;
			n++;
		}
	return n;
}

size_t model_actor_rows(const struct model *m, size_t e, struct model_actor_row *out, size_t max)
{
	size_t n = 0;
	for (size_t c = 0; c < m->ncmps; c++)
		for (size_t r = 0; r < m->cmps[c].nrows; r++) {
			const struct cmp_row_model *row = &m->cmps[c].rows[r];
			int dem = row->by == (long)e;
			if (row->party != (long)e && !dem)
				continue;
			if (n < max)
				out[n] = (struct model_actor_row){ c, r, dem };
			n++;
		}
	return n;
}

/* The automatic comparisons among cmps, after the annotated ones: all of
 * auto_cmps when show, none when not.  Their parties and demanders name
 * entities by id, so they are built against annot.entities as they are. */
static void show_auto_cmps(struct model *m, int show)
{
	for (size_t i = m->nannot_cmps; i < m->ncmps; i++)
		compare_free(&m->cmps[i]);
	m->ncmps = m->nannot_cmps;
	rebuild_quotes(m, show);
	if (!show || !m->nauto_cmps)
		return;
	m->cmps = xreallocarray(m->cmps, m->nannot_cmps + m->nauto_cmps, sizeof *m->cmps);
	for (size_t i = 0; i < m->nauto_cmps; i++) {
		/* One the annotation file already has (each row's party and
		 * demand) is not shown twice. */
		const struct comparison *c = &m->auto_cmps[i];
		size_t dup = 0;
		for (size_t r = 0; r < c->nrows; r++) {
			const struct cmp_row *ar = &c->rows[r];
			int found = 0;
			for (size_t k = 0; k < m->annot.ncomparisons && !found; k++)
				for (size_t j = 0; j < m->annot.comparisons[k].nrows && !found; j++) {
					const struct cmp_row *br = &m->annot.comparisons[k].rows[j];
					found = ar->party && br->party && strcmp(ar->party, br->party) == 0
						&& ar->demand.start < br->demand.end
						&& br->demand.start < ar->demand.end;
				}
			dup += found;
		}
		if (c->nrows && dup == c->nrows)
			continue;
		compare_build(&m->cmps[m->ncmps++], c, &m->annot, &m->doc);
	}
}

int model_cmp_is_auto(const struct model *m, size_t i)
{
	return i >= m->nannot_cmps && i < m->ncmps;
}

/* The claim finder (claims.h), once the actors are known: over the actors
 * shown and their mentions; with an annotation file, over its actors and
 * the automatic ones that would be shown, with their mentions found for
 * it alone (nothing shown changes). */
static void find_claims(struct model *m)
{
	if (m->auto_cmps_done || m->no_auto)
		return;
	m->auto_cmps_done = 1;
	const struct doc *d = &m->doc;
	/* Every actor, the unsure automatic ones too: a name that demands or
	 * is asked is an actor, and is shown when it does (below). */
	struct annot view = { 0 };
	view.entities = xcalloc(m->nannotated + m->nauto + 1, sizeof *view.entities);
	for (size_t i = 0; i < m->nannotated; i++)
		view.entities[view.nentities++] = m->annot.entities[i];
	for (size_t i = 0; i < m->nauto; i++)
		view.entities[view.nentities++] = m->auto_ents[i];
	size_t to = d->len;
	if (to - m->body > CLAIMS_MAX_BYTES) {
		to = m->body + CLAIMS_MAX_BYTES;
		while (to < d->len && d->text[to - 1] != '\n')
			to++;
	}
	struct mentions own;
	mentions_init(&own, &view);
	mentions_scan(&own, d->text, d->len, m->body, to);
	size_t search_left = CLAIMS_SEARCH_MAX;
	struct claims_input in = {
		.text = d->text, .len = d->len, .from = m->body, .to = to,
		.figs = &m->figures, .ents = view.entities, .nents = view.nentities,
		.ments = own.v, .nments = own.n, .search_left = &search_left,
	};
	/* Quotations first: inside one, "we" is its speaker's. */
	struct quotes qs;
	quotes_init(&qs);
	quotes_find(&qs, &in);
	in.quotes = qs.v;
	in.nquotes = qs.n;
	struct claims c;
	claims_init(&c);
	claims_find(&c, &in);
	m->claims_truncated = c.truncated;
	claims_comparisons(&c, &in, &m->auto_cmps, &m->nauto_cmps, &m->cap_auto_cmps, 1);
	claims_free(&c);
	for (size_t i = 0; i < qs.n; i++) {
		const struct quotes_item *it = &qs.v[i];
		m->auto_quotes = xgrowarray(m->auto_quotes, &m->cap_auto_quotes, m->nauto_quotes + 1,
					    sizeof *m->auto_quotes);
		struct quotation *q = &m->auto_quotes[m->nauto_quotes++];
		memset(q, 0, sizeof *q);
		q->speaker = xstrdup(view.entities[it->speaker].id);
		q->q = claims_quote(&in, it->start, it->end);
		q->rule = it->rule;
	}
	quotes_free(&qs);
	mentions_free(&own);
	free(view.entities);
	/* An unsure automatic actor a row names as party or demander is
	 * likely: acting in a demand is evidence (rule claim-party or
	 * claim-demander, the sentence its evidence). */
	int promoted = 0;
	for (size_t i = 0; i < m->nauto_quotes; i++)
		for (size_t k = 0; k < m->nauto; k++) {
			struct entity *e = &m->auto_ents[k];
			if (strcmp(e->id, m->auto_quotes[i].speaker) != 0 || !e->why
			    || e->why[0].conf != CONF_UNSURE)
				continue;
			/* a name that speaks is an actor */
			e->why[0].conf = CONF_LIKELY;
			e->why[0].rule = "quote-speaker";
			e->why[0].ev_start = m->auto_quotes[i].q.start;
			e->why[0].ev_end = m->auto_quotes[i].q.end;
			promoted = 1;
		}
	for (size_t k = 0; k < m->nauto_cmps; k++)
		for (size_t r = 0; r < m->auto_cmps[k].nrows; r++) {
			const struct cmp_row *row = &m->auto_cmps[k].rows[r];
			const char *ids[3] = { row->party, row->demander, m->auto_cmps[k].by };
			for (int j = 0; j < 3; j++)
				for (size_t i = 0; ids[j] && i < m->nauto; i++) {
					struct entity *e = &m->auto_ents[i];
					if (strcmp(e->id, ids[j]) != 0 || !e->why
					    || e->why[0].conf != CONF_UNSURE)
						continue;
					e->why[0].conf = CONF_LIKELY;
					e->why[0].rule = j ? "claim-demander" : "claim-party";
					e->why[0].ev_start = row->why ? row->why->sent_start : 0;
					e->why[0].ev_end = row->why ? row->why->sent_end : 0;
					promoted = 1;
				}
		}
	if (promoted && m->auto_show == MODEL_AUTO_SHOWN) {
		/* Shown again, with them. */
		m->auto_show = MODEL_AUTO_HIDDEN;
		model_show_auto(m, MODEL_AUTO_SHOWN);
		return;
	}
	if (m->auto_show != MODEL_AUTO_HIDDEN)
		show_auto_cmps(m, 1);
}

/* Whether any spelling of e is a spelling of one of the first n entities. */
static int clashes(const struct entity *v, size_t n, const struct entity *e)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j <= v[i].naliases; j++) {
			const char *s = j ? v[i].aliases[j - 1] : v[i].name;
			if (strcmp(s, e->name) == 0)
				return 1;
			for (size_t k = 0; k < e->naliases; k++)
				if (strcmp(s, e->aliases[k]) == 0)
					return 1;
		}
	return 0;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void entity_copy(struct entity *to, const struct entity *from)
{
	memset(to, 0, sizeof *to);
	to->id = xstrdup(from->id);
	to->name = xstrdup(from->name);
	to->kind = from->kind;
	to->description = dup_or_null(from->description);
	to->affiliation = dup_or_null(from->affiliation);
	to->naliases = from->naliases;
	to->aliases = xcalloc(from->naliases ? from->naliases : 1, sizeof *to->aliases);
	for (size_t j = 0; j < from->naliases; j++)
		to->aliases[j] = xstrdup(from->aliases[j]);
	to->line = from->line;
	if (from->why) {
		to->why = xcalloc(from->naliases + 1, sizeof *to->why);
		for (size_t j = 0; j <= from->naliases; j++) {
			to->why[j] = from->why[j];
			to->why[j].source = dup_or_null(from->why[j].source);
		}
	}
}

/* The whole-document pass, once the scan is done: automatic actors that do
 * not clash with annotated ones are kept; without an annotation file the
 * sure and likely ones are shown. */
static void finish_auto(struct model *m)
{
	actors_finish(m->finder);
	m->auto_truncated = m->finder->truncated;
	size_t n;
	struct entity *v = actors_take(m->finder, &n);
	correct(m, v, &n);
	actors_free(m->finder);
	free(m->finder);
	m->finder = NULL;
	m->auto_done = 1;
	m->auto_ents = xcalloc(n ? n : 1, sizeof *m->auto_ents);
	for (size_t i = 0; i < n; i++) {
		if (clashes(m->annot.entities, m->nannotated, &v[i])
		    || annot_find_entity(&m->annot, v[i].id) >= 0) {
			/* An id taken by the annotation file: rename, never clash. */
			if (!clashes(m->annot.entities, m->nannotated, &v[i])) {
				struct buf b = { 0 };
				buf_printf(&b, "auto-%s", v[i].id);
				free(v[i].id);
				v[i].id = b.data;
			} else {
				entity_free_fields(&v[i]);
				continue;
			}
		}
		m->auto_ents[m->nauto++] = v[i];
	}
	/* An affiliation to an actor that clashed out points at nothing. */
	for (size_t i = 0; i < m->nauto; i++) {
		struct entity *e = &m->auto_ents[i];
		int found = 0;
		for (size_t k = 0; e->affiliation && k < m->nauto && !found; k++)
			found = strcmp(m->auto_ents[k].id, e->affiliation) == 0;
		if (e->affiliation && !found) {
			free(e->affiliation);
			e->affiliation = NULL;
		}
	}
	free(v);
	if (!m->nannotated && !m->annot_path)
		model_show_auto(m, MODEL_AUTO_SHOWN);
	/* Claims read the whole body's mentions: found once the scan is done. */
	if (model_scan_done(m))
		find_claims(m);
}

/* Shown by default: sure and likely actors; of a text longer than the
 * finder reads (ACTORS_MAX_BYTES), the sure ones only.  Every shown actor's
 * spellings are looked for in the whole text: on 20 MB of licence files
 * the 1,300 names the rules found likely made the scan take 1.8 s against
 * 0.17 s, and a panel of them helps no reader. */
unsigned model_auto_confs(const struct model *m, enum model_auto_show s)
{
	switch (s) {
	case MODEL_AUTO_ALL:
		return MODEL_CONFS_ALL;
	case MODEL_AUTO_SHOWN:
		return MODEL_CONF(CONF_SURE) | (m->auto_truncated ? 0 : MODEL_CONF(CONF_LIKELY));
	default:
		return 0;
	}
}

const char *model_confs_name(unsigned confs)
{
	/* Indexed by the sure, likely and unsure bits, in that order. */
	static const char *const name[8] = {
		"none", "sure", "likely", "sure+likely", "unsure", "sure+unsure", "likely+unsure", "all",
	};
	return name[(confs >> CONF_SURE) & 7];
}

static int shown(const struct model *m, enum model_auto_show s, const struct entity *e)
{
	unsigned confs = model_auto_confs(m, s);
	/* All means all: an actor the finder gave no confidence too. */
	if (confs == MODEL_CONFS_ALL)
		return 1;
	return e->why && e->why[0].conf < CONF_COUNT && (confs & MODEL_CONF(e->why[0].conf));
}

void model_find_auto(struct model *m)
{
	if (m->no_auto || m->auto_done || m->finder || !model_scan_done(m))
		return;
	m->finder = xmalloc(sizeof *m->finder);
	actors_init(m->finder, gaz_default());
	actors_scan(m->finder, m->doc.text, m->doc.len, m->body, m->doc.len);
	finish_auto(m);
}

void model_show_auto(struct model *m, enum model_auto_show s)
{
	model_find_auto(m);
	if (s == m->auto_show || m->finder || (m->nannotated && !model_scan_done(m)))
		return;
	m->auto_show = s;
	show_auto_cmps(m, 0);
	annot_drop_entities(&m->annot, m->nannotated);
	if (m->ann_saved_set) {
		mentions_free(&m->mentions);
		m->mentions = m->ann_saved;
		m->ann_saved_set = 0;
	}
	if (s == MODEL_AUTO_HIDDEN) {
		if (!m->nannotated) {
			mentions_free(&m->mentions);
			mentions_init(&m->mentions, &m->annot);
		}
		return;
	}
	size_t shown_n = 0;
	for (size_t i = 0; i < m->nauto; i++) {
		if (!shown(m, s, &m->auto_ents[i]))
			continue;
		struct entity e;
		entity_copy(&e, &m->auto_ents[i]);
		annot_add_entity(&m->annot, &e);
		shown_n++;
	}
	show_auto_cmps(m, 1);
	/* Their mentions, by the same rule as an annotation file's. */
	const struct doc *d = &m->doc;
	if (!m->nannotated) {
		/* No annotated ones to keep apart: one table, scanned up to where
		 * the scan is; later slices go on with it (model_scan_step). */
		mentions_free(&m->mentions);
		mentions_init(&m->mentions, &m->annot);
		mentions_scan(&m->mentions, d->text, d->len, m->body, m->scanned);
		return;
	}
	struct annot only = { 0 };
	only.entities = shown_n ? m->annot.entities + m->nannotated : NULL;
	only.nentities = shown_n;
	struct mentions am;
	mentions_init(&am, &only);
	mentions_scan(&am, d->text, d->len, m->body, d->len);
	/* Merged with the annotated ones, which win where they overlap. */
	struct mentions *ann = &m->mentions;
	struct mentions out = { 0 };
	out.nentities = m->annot.nentities;
	out.count = xcalloc(out.nentities ? out.nentities : 1, sizeof *out.count);
	out.cap = ann->n + am.n;
	out.v = xcalloc(out.cap ? out.cap : 1, sizeof *out.v);
	size_t i = 0, j = 0;
	size_t last_end = 0;
	while (i < ann->n || j < am.n) {
		struct mention mn;
		if (j >= am.n || (i < ann->n && ann->v[i].start <= am.v[j].start)) {
			mn = ann->v[i++];
		} else {
			mn = am.v[j++];
			mn.entity += (uint32_t)m->nannotated;
			/* Overlapping an annotated mention (before or after): dropped. */
			if (mn.start < last_end || (i < ann->n && ann->v[i].start < mn.end))
				continue;
		}
		if (mn.end > last_end)
			last_end = mn.end;
		mn.nth = (uint32_t)out.count[mn.entity]++;
		out.v[out.n++] = mn;
	}
	mentions_free(&am);
	m->ann_saved = m->mentions;
	m->ann_saved_set = 1;
	/* The saved annotated mentions keep their spelling table; the merged
	 * list needs none (it is never scanned again). */
	m->mentions = out;
}

int model_auto_is_shown(const struct model *m, const struct entity *e)
{
	return shown(m, m->auto_show, e);
}

int model_auto_is_default(const struct model *m, const struct entity *e)
{
	return shown(m, MODEL_AUTO_SHOWN, e);
}

const struct entity_why *model_mention_why(const struct model *m, const struct mention *mn)
{
	if (mn->entity >= m->annot.nentities)
		return NULL;
	const struct entity *e = &m->annot.entities[mn->entity];
	if (!e->why)
		return NULL;
	size_t n = mn->end - mn->start;
	const char *t = (const char *)m->doc.text + mn->start;
	for (size_t k = 0; k < e->naliases; k++)
		if (strlen(e->aliases[k]) == n && memcmp(e->aliases[k], t, n) == 0)
			return &e->why[1 + k];
	return &e->why[0];
}

int model_entity_is_auto(const struct model *m, size_t i)
{
	return i >= m->nannotated && i < m->annot.nentities;
}

enum entity_conf model_entity_conf(const struct model *m, size_t i)
{
	if (!model_entity_is_auto(m, i) || !m->annot.entities[i].why)
		return CONF_ANNOTATED;
	return m->annot.entities[i].why[0].conf;
}

int model_scan_step(struct model *m, size_t bytes)
{
	struct doc *d = &m->doc;
	/* The document is checked ahead of the scan, never behind it. */
	if (!doc_complete(d) && d->ready - m->scanned < bytes)
		doc_prepare_step(d, bytes);
	if (m->scanned >= d->ready) {
		if (model_scan_done(m) && m->finder)
			finish_auto(m);
		return model_scan_done(m);
	}
	size_t to = d->ready - m->scanned > bytes ? m->scanned + bytes : d->ready;
	if (to < d->ready) {
		/* End the slice on a line boundary: figures and mentions never span LF. */
		const uint8_t *lf = memchr(d->text + to, '\n', d->ready - to);
		to = lf ? (size_t)(lf - d->text) + 1 : d->ready;
	}
	mentions_scan(&m->mentions, d->text, d->len, m->scanned, to);
	figures_scan(&m->figures, d->text, d->len, m->scanned, to);
	if (m->finder)
		actors_scan(m->finder, d->text, d->len, m->scanned, to);
	m->scanned = to;
	/* The document pass runs once the finder has read all it reads: at
	 * the end, or past its first 4 MiB of a huge file, whose later slices
	 * then find the mentions as they go instead of in one long step. */
	if (m->finder && (model_scan_done(m) || m->finder->truncated))
		finish_auto(m);
	else if (model_scan_done(m) && m->auto_done && !m->auto_cmps_done && !m->nannotated
		 && !m->annot_path)
		find_claims(m);    /* the actors were final before the scan was */
	return model_scan_done(m);
}

void model_release(struct model *m)
{
	doc_release(&m->doc, m->released, m->scanned);
	m->released = m->scanned;
}

int model_scan_done(const struct model *m)
{
	/* After a lost page (mapguard.h) the rest is not the article. */
	return (doc_complete(&m->doc) && m->scanned >= m->doc.len) || mapguard_tripped();
}

void model_scan_all(struct model *m)
{
	while (!model_scan_step(m, (size_t)1 << 20))
		model_release(m);
}

int model_percent_at(const struct model *m, size_t off)
{
	/* In bytes as read: their total is known before the text is checked,
	 * the sanitised length only at the end. */
	const struct doc *d = &m->doc;
	size_t body = doc_orig_off(d, m->body);
	if (d->orig_len <= body)
		return 100;
	return (int)((double)(doc_orig_off(d, off) - body) * 100 / (double)(d->orig_len - body));
}

int model_scan_percent(const struct model *m)
{
	return model_scan_done(m) ? 100 : model_percent_at(m, m->scanned);
}

void model_free(struct model *m)
{
	for (size_t i = 0; i < m->ncmps; i++)
		compare_free(&m->cmps[i]);
	free(m->cmps);
	for (size_t i = 0; i < m->nauto_cmps; i++)
		comparison_free_fields(&m->auto_cmps[i]);
	free(m->auto_cmps);
	for (size_t i = 0; i < m->nauto_quotes; i++) {
		free(m->auto_quotes[i].speaker);
		free(m->auto_quotes[i].q.text);
	}
	free(m->auto_quotes);
	free(m->quotes);
	mentions_free(&m->mentions);
	if (m->ann_saved_set)
		mentions_free(&m->ann_saved);
	for (size_t i = 0; i < m->nauto; i++)
		entity_free_fields(&m->auto_ents[i]);
	free(m->auto_ents);
	if (m->finder) {
		actors_free(m->finder);
		free(m->finder);
	}
	figures_free(&m->figures);
	annot_free(&m->annot);
	annot_free(&m->user);
	free(m->user_path);
	doc_free(&m->doc);
	for (int k = 0; k < META_COUNT; k++)
		free(m->meta[k]);
	free(m->annot_path);
	if (m->page)
		html_page_free(m->page);
	free(m->page);
	free(m->text_owned);
	free(m->notice);
	memset(m, 0, sizeof *m);
}

const char *model_figure_meaning(const struct model *m, const struct figure *f)
{
	for (size_t i = 0; i < m->annot.nnotes; i++) {
		const struct quote *q = &m->annot.notes[i].q;
		if (f->start >= q->start && f->end <= q->end)
			return m->annot.notes[i].meaning;
		/* The quote may hold only part of the figure ("25 percent tax"). */
		if (f->start < q->end && q->start < f->end && f->num_start >= q->start
		    && f->num_end <= q->end)
			return m->annot.notes[i].meaning;
	}
	return NULL;
}

const char *model_meta(const struct model *m, enum meta_key k)
{
	return (unsigned)k < META_COUNT ? m->meta[k] : NULL;
}

int model_has_meta(const struct model *m)
{
	for (int k = 0; k < META_COUNT; k++)
		if (m->meta[k])
			return 1;
	return 0;
}

void model_set_meta(struct model *m, enum meta_key k, const char *s, size_t len)
{
	if ((unsigned)k >= META_COUNT)
		return;
	size_t n;
	char *safe = doc_sanitize_str(s, len, &n);
	/* Fold whitespace: a field is one line of the header. */
	size_t o = 0;
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)safe[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = o > 0;
			continue;
		}
		if (space)
			safe[o++] = ' ';
		space = 0;
		safe[o++] = safe[i];
	}
	safe[o] = '\0';
	free(m->meta[k]);
	m->meta[k] = o ? safe : NULL;
	if (!o)
		free(safe);
}

int model_block_kind(const struct model *m, size_t off)
{
	if (!m->page)
		return -1;
	const struct html_block *b = html_block_at(m->page, off);
	return b ? b->kind : -1;
}
