/* --export text: the text brief reads, nothing added. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/export.h"

int export_text(FILE *o, const struct model *m)
{
	const struct doc *d = &m->doc;
	/* A megabyte at a time, ending on a line end, each copied and checked
	 * as it is written (doc_copy_text): the text of a mapped file is the
	 * file, which another program may be rewriting now. */
	const size_t chunk = (size_t)1 << 20;
	for (size_t off = 0; off < d->len;) {
		size_t end = d->len - off > chunk ? off + chunk : d->len;
		if (end < d->len) {
			const char *lf = memchr(d->text + end, '\n', d->len - end);
			end = lf ? (size_t)(lf - (const char *)d->text) + 1 : d->len;
		}
		char *s;
		size_t n;
		if (doc_copy_text(d, off, end, &s, &n, NULL) != 0)
			return EXPORT_CUT;
		size_t w = fwrite(s, 1, n, o);
		free(s);
		if (w != n)
			return -1;
		off = end;
	}
	if (fflush(o) != 0 || ferror(o))
		return -1;
	return 0;
}
