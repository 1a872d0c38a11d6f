/* Test support: see many_names.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "many_names.h"

char *many_names_text(const char *head, unsigned n, size_t *len)
{
	static const char line[] = "Ka___ro Ve__lu said on Monday.\n";
	size_t hlen = head ? strlen(head) : 0, llen = sizeof line - 1;
	char *t = malloc(hlen + (size_t)n * llen + 1);
	if (!t)
		abort();
	if (hlen)
		memcpy(t, head, hlen);
	char *p = t + hlen;
	for (unsigned i = 0; i < n; i++, p += llen) {
		memcpy(p, line, llen);
		/* The given name counts in base 26 over three letters, so no two
		 * of the first 17,576 lines share it; the surname takes 182
		 * spellings in turn, so a full name is never repeated while a
		 * surname alone is shared, as it is in real text. */
		p[2] = (char)('a' + i % 26);
		p[3] = (char)('a' + i / 26 % 26);
		p[4] = (char)('a' + i / 676 % 26);
		p[10] = (char)('a' + i % 7);
		p[11] = (char)('a' + i / 7 % 26);
	}
	*p = '\0';
	if (len)
		*len = (size_t)(p - t);
	return t;
}
