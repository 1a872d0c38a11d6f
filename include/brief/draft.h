/* brief --draft: an annotation file (format 1) written from what the model
 * found automatically, to be checked, saved as ARTICLE.brief and reopened.
 * Quotes are copied from the text, so a fresh draft always anchors; each
 * entry is followed by a comment with its rule and confidence; unsure
 * entries are written commented out, so the file parses and loads back
 * with the same (sure and likely) actors. */
#ifndef BRIEF_DRAFT_H
#define BRIEF_DRAFT_H

#include <stdio.h>

#include "brief/model.h"

/* Write the draft of a scanned model (model_scan_all first).  Every actor
 * of the model is written: annotated ones as they are, automatic ones
 * shown or hidden alike; those the reader does not show by default
 * (model_auto_is_default: the unsure ones, and past the finder's bounds the
 * likely ones too) commented out, and so is each comparison row, measure
 * or quotation naming one, or whose quote occurs earlier in the text (it
 * would load back there).  Returns 0, or -1 on a write error (errno
 * set). */
int draft_write(FILE *out, const struct model *m);

#endif
