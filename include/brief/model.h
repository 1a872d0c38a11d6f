/* The model of one article: document, annotations, mentions, figures and
 * comparisons, built in slices so a huge file opens at once. */
#ifndef BRIEF_MODEL_H
#define BRIEF_MODEL_H

#include <stddef.h>

#include "brief/actors.h"
#include "brief/annot.h"
#include "brief/compare.h"
#include "brief/document.h"
#include "brief/figures.h"
#include "brief/html.h"
#include "brief/mentions.h"

struct model {
	struct doc doc;
	struct annot annot;         /* empty when the article has none */
	char *annot_path;           /* where the annotations came from, or NULL */
	size_t body;                /* offset where the article starts (after web chrome) */
	size_t body_line;
	struct mentions mentions;
	struct figures figures;
	size_t scanned;             /* text[body, scanned) has mentions and figures */
	size_t released;            /* text[.., released) was handed back (model_release) */
	struct cmp_model *cmps;
	size_t ncmps;
	/* The header fields shown above the article (title, byline, ...), from
	 * whichever source gave them: the annotation file's quotes, a web page's
	 * metadata, or what was found before the body.  Owned, sanitised, NULL
	 * when absent; read them with model_meta(). */
	char *meta[META_COUNT];
	/* Automatic actors (actors.h), additive.  annot.entities[0, nannotated)
	 * come from the annotation file; those after are automatic ones shown
	 * (auto_show), copied from auto_ents. */
	int no_auto;                /* --no-auto: none found */
	enum model_auto_show { MODEL_AUTO_HIDDEN, MODEL_AUTO_SHOWN, MODEL_AUTO_ALL } auto_show;
	struct actors *finder;      /* while the scan runs, NULL after */
	struct entity *auto_ents;   /* every automatic actor not clashing with an
	                               annotated one, owned */
	size_t nauto;
	size_t nannotated;
	int auto_truncated;         /* the finder stopped at ACTORS_MAX_BYTES or
	                               ACTORS_MAX_NAMES: the sure ones shown only */
	int auto_done;              /* auto_ents is final */
	const char *meta_rule[META_COUNT];  /* header rule of a field found in the text */
	struct mentions ann_saved;  /* the annotated mentions while auto ones are merged in */
	int ann_saved_set;
	/* The reader's corrections to automatic actors, kept across articles:
	 * $XDG_CONFIG_HOME/brief/actors.brief (actor and ignore statements). */
	struct annot user;
	char *user_path;            /* sanitised, NULL when there is none */
	/* A web page, or a gzip-compressed file: the text brief reads is not
	 * the file as read.  page says how a page's article was found (NULL
	 * for text); text_owned holds decompressed text the document borrows.
	 * offsets_text: offsets (export, state) address that text, which
	 * --export text prints, not the file. */
	struct html_page *page;
	uint8_t *text_owned;
	int offsets_text;
	int gzip;                   /* the input was gzip-compressed */
	size_t source_len;          /* bytes of the input as read (compressed) */
	/* One line the reader shows in its status line when it starts (no
	 * article found in a page, ...): owned, sanitised, NULL when none. */
	char *notice;
	/* Comparisons found automatically (claims.h), additive.  cmps[0,
	 * nannot_cmps) are the annotation file's; those after are automatic
	 * ones shown, built from auto_cmps, which hold every comparison the
	 * claim finder drew (parties and demanders by entity id; found with
	 * the actors, shown with them: model_show_auto). */
	size_t nannot_cmps;
	struct comparison *auto_cmps;   /* owned */
	size_t nauto_cmps, cap_auto_cmps;
	int auto_cmps_done;         /* the claim finder has run */
	int claims_truncated;       /* it stopped at CLAIMS_MAX_BYTES */
	/* Quotations (quotes.h), additive: the annotation file's and the
	 * automatic ones (auto_quotes, speakers by entity id), and those of
	 * both the reader shows, in text order (model_quotes()). */
	struct quotation *auto_quotes;  /* owned */
	size_t nauto_quotes, cap_auto_quotes;
	struct model_quote *quotes;     /* owned, rebuilt by model_show_auto() */
	size_t nquotes;
};

/* A quotation as the model shows it. */
struct model_quote {
	long speaker;               /* index into annot.entities */
	size_t start, end;          /* the quoted words in doc.text */
	const char *rule;           /* the rule that found it; NULL when annotated */
};

/* A comparison row an actor is in: as its party or as who demands it. */
struct model_actor_row {
	size_t cmp, row;            /* cmps[cmp].rows[row] */
	int demander;               /* 1: the actor demands; 0: it is asked */
};

/* Options for model_open_opts. */
struct model_opts {
	int no_auto;                /* do not look for actors automatically */
	enum html_format format;    /* --format: HTML_FORMAT_AUTO reads a page as
	                               HTML when its name or first bytes say so */
};

struct model_error {
	int status;                 /* BRIEF_EXIT_NOINPUT or BRIEF_EXIT_DATAERR */
	char msg[600];
};

/* Open a document and its annotations.  doc_path NULL: the bundled
 * commentary and its annotations.  annot_path NULL: for a file, PATH with its
 * extension replaced by ".brief" when that exists; for stdin, none.
 * Mentions and figures are not scanned yet: call model_scan_step. */
int model_open(struct model *m, const char *doc_path, const char *annot_path,
	       struct model_error *err);
/* The same with options; model_open is model_open_opts with none.  Unless
 * o->no_auto, the corrections file $XDG_CONFIG_HOME/brief/actors.brief (else
 * ~/.config/brief/actors.brief) is read when it exists: a bad one is
 * BRIEF_EXIT_DATAERR with its FILE:LINE:COLUMN, as an annotation file. */
int model_open_opts(struct model *m, const char *doc_path, const char *annot_path,
		    const struct model_opts *o, struct model_error *err);
/* Find the automatic actors now if the scan did not (a document with an
 * annotation file: they are hidden, so found only when asked by the
 * exports, the draft or model_show_auto).  Once the scan is done. */
void model_find_auto(struct model *m);
/* Which automatic actors are among annot.entities (and their mentions among
 * mentions): none (the default with an annotation file), those
 * model_auto_confs(m, MODEL_AUTO_SHOWN) gives (the default without: sure and
 * likely, the sure only past the finder's bounds), or all.  Annotated actors and their mentions
 * never change.  With an annotation file, only once the scan is done (a
 * call before does nothing); without one, mentions found so far are
 * recounted and later slices of the scan go on with the new actors. */
void model_show_auto(struct model *m, enum model_auto_show s);
/* Whether entity i was found automatically, and how sure. */
int model_entity_is_auto(const struct model *m, size_t i);
enum entity_conf model_entity_conf(const struct model *m, size_t i);
/* Why a mention was found: the provenance of the spelling it matched (the
 * actor's name: why[0], an alias: its own), or NULL for an annotated actor.
 * The reader's "why" line, --dump --explain and the JSON say this. */
const struct entity_why *model_mention_why(const struct model *m, const struct mention *mn);
/* Which automatic actors are shown under s, by the confidence of their
 * name's rule (why[0].conf): a set of MODEL_CONF(c) bits.
 * MODEL_AUTO_HIDDEN: none (0).  MODEL_AUTO_ALL: MODEL_CONFS_ALL, every
 * automatic actor.  MODEL_AUTO_SHOWN: the sure and likely ones, and once
 * the finder stopped at its bounds (auto_truncated) the sure ones only.
 * The one answer that model_show_auto,
 * the panel, the exports and the draft ask, so they cannot disagree. */
#define MODEL_CONF(c) (1u << (c))
#define MODEL_CONFS_ALL (MODEL_CONF(CONF_SURE) | MODEL_CONF(CONF_LIKELY) | MODEL_CONF(CONF_UNSURE))
unsigned model_auto_confs(const struct model *m, enum model_auto_show s);
/* A set of confidences as --export json's "shown" names it: "none",
 * "sure", "sure+likely", "all" (MODEL_CONFS_ALL), or the others joined
 * by "+".  A static string; bits past CONF_UNSURE are ignored. */
const char *model_confs_name(unsigned confs);
/* Whether an automatic actor (one of auto_ents) is among annot.entities
 * now: its confidence is in model_auto_confs(m, m->auto_show). */
int model_auto_is_shown(const struct model *m, const struct entity *e);
/* Whether an automatic actor is one the reader shows by default: in
 * model_auto_confs(m, MODEL_AUTO_SHOWN).  What a draft writes in, so that
 * it loads back to what was shown. */
int model_auto_is_default(const struct model *m, const struct entity *e);
/* Whether comparison i of cmps was found automatically (then its rows'
 * why says each one's rule, confidence and sentence). */
int model_cmp_is_auto(const struct model *m, size_t i);
/* For an actor's card: the quotations of entity e (their indices into
 * m->quotes, in text order) and the comparison rows it is party to or
 * demands.  Each writes at most max entries into out (which may be NULL
 * when max is 0) and returns how many there are in all. */
size_t model_actor_quotes(const struct model *m, size_t e, size_t *out, size_t max);
size_t model_actor_rows(const struct model *m, size_t e, struct model_actor_row *out, size_t max);

/* model_open_opts with only the input's format (o->format): HTML_FORMAT_AUTO
 * reads a page as HTML when its name or first bytes say so (html.h),
 * HTML_FORMAT_TEXT never, HTML_FORMAT_HTML always.  Gzip input (by its
 * magic bytes) is inflated first in every case; a name ending in .gz
 * whose bytes are not gzip is read as they are.  A page is read whole
 * before model_open_opts returns.  Errors: BRIEF_EXIT_NOINPUT (corrupt or
 * truncated gzip, more than 256 MiB inflated or of HTML), MODEL_EXIT_IOERR
 * (the file shrank while the page was read). */
#define MODEL_EXIT_IOERR 74
int model_open_format(struct model *m, const char *doc_path, const char *annot_path,
		      enum html_format format, struct model_error *err);
/* The kind of the web page's block holding text offset off
 * (enum html_block_kind), or -1: not a page, or between blocks. */
int model_block_kind(const struct model *m, size_t off);
/* Scan about `bytes` more of the text for mentions and figures, ending on a
 * line boundary.  Returns 1 once the whole text is scanned. */
int model_scan_step(struct model *m, size_t bytes);
void model_scan_all(struct model *m);
/* Hand the pages scanned so far back to the kernel (see doc_release); call it
 * once whatever reads the new mentions and figures has read them. */
void model_release(struct model *m);
void model_free(struct model *m);

/* A header field (sanitised UTF-8), or NULL when no source gave it. */
const char *model_meta(const struct model *m, enum meta_key k);
/* Whether any header field is known. */
int model_has_meta(const struct model *m);
/* Set a header field from len bytes of text (sanitised here; whitespace runs
 * become one space, ends trimmed; an empty result leaves it unset). */
void model_set_meta(struct model *m, enum meta_key k, const char *s, size_t len);

/* What the annotations say a figure means, or NULL. */
const char *model_figure_meaning(const struct model *m, const struct figure *f);
/* Whether the whole text is checked and scanned. */
int model_scan_done(const struct model *m);
/* Progress of the scan, 0..100. */
int model_scan_percent(const struct model *m);
/* How far into the body text offset off is, 0..100. */
int model_percent_at(const struct model *m, size_t off);

#endif
