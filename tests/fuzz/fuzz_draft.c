/* libFuzzer target: brief --draft on any input.  The input is opened as a
 * file (a memfd, no disk), scanned, drafted; the draft must parse, anchor
 * every quote in the same text, and load back with the same shown actors:
 * the same names, kinds and mention counts, the same body start. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "brief/draft.h"
#include "brief/mentions.h"
#include "brief/model.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz-draft", 0);
	if (fd < 0)
		abort();
	if (size && write(fd, data, size) != (ssize_t)size)
		abort();
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	struct model m;
	struct model_error err;
	/* "/proc/self/fd/N" has no extension: no sibling annotation file. */
	if (model_open(&m, path, NULL, &err) != 0) {
		model_free(&m);
		close(fd);
		return 0;
	}
	model_scan_all(&m);
	char *out = NULL;
	size_t outn = 0;
	FILE *f = open_memstream(&out, &outn);
	if (!f)
		abort();
	FUZZ_CHECK(draft_write(f, &m) == 0, "draft_write failed");
	fclose(f);

	struct annot a;
	struct annot_error ae;
	int rc = annot_parse(&a, "draft", out, outn, &ae);
	FUZZ_CHECK(rc == 0, "the draft does not parse: %s\n%s", ae.msg, out);
	rc = annot_resolve(&a, &m.doc, &ae);
	FUZZ_CHECK(rc == 0, "the draft does not anchor: %s\n%s", ae.msg, out);
	struct mentions mt;
	mentions_init(&mt, &a);
	mentions_scan(&mt, m.doc.text, m.doc.len, m.body, m.doc.len);
	FUZZ_CHECK(a.nentities == m.annot.nentities, "%zu actors shown, %zu in the draft\n%s",
		   m.annot.nentities, a.nentities, out);
	for (size_t i = 0; i < m.annot.nentities; i++) {
		const struct entity *e = &m.annot.entities[i];
		long k = annot_find_entity(&a, e->id);
		FUZZ_CHECK(k >= 0, "'%s' missing from the draft\n%s", e->id, out);
		FUZZ_CHECK(strcmp(a.entities[k].name, e->name) == 0 && a.entities[k].kind == e->kind,
			   "'%s' changed in the draft", e->id);
		FUZZ_CHECK(mt.count[k] == m.mentions.count[i], "'%s': %zu mentions, %zu from the draft",
			   e->id, m.mentions.count[i], mt.count[k]);
	}
	if (a.body.text) {
		size_t line = doc_line_at(&m.doc, a.body.start);
		FUZZ_CHECK(doc_line_start(&m.doc, line) == m.body, "the draft's body starts at %zu, the model's at %zu",
			   doc_line_start(&m.doc, line), m.body);
	}
	mentions_free(&mt);
	annot_free(&a);
	free(out);
	model_free(&m);
	close(fd);
	return 0;
}
