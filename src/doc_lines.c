/* The line index of a document: where each line of the sanitised text
 * starts, and the questions asked of it. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <unistr.h>

#include "brief/document.h"
#include "brief/util.h"
#include "doc_private.h"

/* Append the starts of the lines beginning in text[from, to). */
void doc_lines_index(struct doc *d, size_t from, size_t to)
{
	size_t off = from;
	while (off < to) {
		xgrow((void **)&d->line, &d->line_cap, d->nlines + 1, sizeof *d->line);
		d->line[d->nlines++] = off;
		const uint8_t *nl = memchr(d->text + off, '\n', to - off);
		if (!nl)
			break;
		off = (size_t)(nl - d->text) + 1;
	}
}

size_t doc_line_at(const struct doc *d, size_t off)
{
	if (d->nlines == 0)
		return 0;
	size_t lo = 0, hi = d->nlines;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->line[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}

size_t doc_line_end(const struct doc *d, size_t i)
{
	if (i + 1 < d->nlines)
		return d->line[i + 1] - 1;
	if (d->ready < d->len)
		return d->ready - 1;    /* the LF that ends the checked part */
	if (d->len && d->text[d->len - 1] == '\n')
		return d->len - 1;
	return d->len;
}

int doc_line_blank(const struct doc *d, size_t i)
{
	return i < d->nlines && d->line[i] == doc_line_end(d, i);
}

#define LF8 UINT64_C(0x0a0a0a0a0a0a0a0a)

size_t doc_next_nonblank(const struct doc *d, size_t i)
{
	if (i >= d->nlines)
		return d->nlines;
	if (!doc_line_blank(d, i))
		return i;
	/* Indexed text ends at ready; lines there end in LF but the last. */
	size_t off = d->line[i], lim = d->ready;
	for (uint64_t w; off + 8 <= lim; off += 8) {
		memcpy(&w, d->text + off, 8);
		if (w != LF8)
			break;
	}
	while (off < lim && d->text[off] == '\n')
		off++;
	return off < lim ? doc_line_at(d, off) : d->nlines;
}

size_t doc_prev_nonblank(const struct doc *d, size_t i)
{
	if (d->nlines == 0)
		return SIZE_MAX;
	if (i >= d->nlines)
		i = d->nlines - 1;
	if (!doc_line_blank(d, i))
		return i;
	/* Every byte before a blank line's start back to the last text is LF. */
	size_t off = d->line[i];
	for (uint64_t w; off >= 8; off -= 8) {
		memcpy(&w, d->text + off - 8, 8);
		if (w != LF8)
			break;
	}
	while (off > 0 && d->text[off - 1] == '\n')
		off--;
	return off ? doc_line_at(d, off - 1) : SIZE_MAX;
}

void doc_orig_linecol(const struct doc *d, size_t orig, size_t *line, size_t *col)
{
	if (orig > d->orig_len)
		orig = d->orig_len;
	/* Past a final line end is the start of a line that has no entry. */
	if (orig == d->orig_len && d->len && d->text[d->len - 1] == '\n') {
		if (line)
			*line = d->nlines + 1;
		if (col)
			*col = 1;
		return;
	}
	size_t i = doc_line_at(d, doc_sanitize_text_off(d, orig));
	size_t start = d->nlines ? doc_orig_off(d, d->line[i]) : 0;
	size_t c = 1;
	/* Count code points of the original line up to orig; a stray byte is one. */
	for (size_t p = start; p < orig; c++) {
		ucs4_t uc;
		int r = u8_mbtoucr(&uc, d->orig + p, d->orig_len - p);
		p += r > 0 ? (size_t)r : 1;
	}
	if (line)
		*line = i + 1;
	if (col)
		*col = c;
}
