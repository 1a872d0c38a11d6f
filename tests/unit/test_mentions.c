/* Unit tests for mentions.c: word boundaries, possessives, longest match, slices. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brief/annot.h"
#include "brief/mentions.h"
#include "brief/util.h"
#include "brief/word.h"

/* A hand-made annotation: entities only, each with up to four aliases. */
struct fixture_entity {
	const char *id, *name;
	enum entity_kind kind;
	const char *aliases[4];
};

struct fixture {
	struct annot a;
	struct entity e[16];
	char *alias_store[16][4];
};

static void fixture_build(struct fixture *f, const struct fixture_entity *spec, size_t n)
{
	memset(f, 0, sizeof *f);
	assert_true(n <= 16);
	for (size_t i = 0; i < n; i++) {
		struct entity *e = &f->e[i];
		e->id = (char *)(uintptr_t)spec[i].id;
		e->name = (char *)(uintptr_t)spec[i].name;
		e->kind = spec[i].kind;
		size_t k = 0;
		while (k < 4 && spec[i].aliases[k]) {
			f->alias_store[i][k] = (char *)(uintptr_t)spec[i].aliases[k];
			k++;
		}
		e->aliases = k ? f->alias_store[i] : NULL;
		e->naliases = k;
	}
	f->a.entities = f->e;
	f->a.nentities = n;
}

/* The actors of the bundled commentary, as far as these tests need them. */
static const struct fixture_entity actors[] = {
	{ "rubio", "Marco Rubio", KIND_PERSON, { "Rubio", NULL } },
	{ "us", "US", KIND_COUNTRY, { "Washington", NULL } },
	{ "japan", "Japan", KIND_COUNTRY, { "Tokyo", NULL } },
	{ "south-korea", "South Korea", KIND_COUNTRY, { "Seoul", NULL } },
	{ "north-korea", "North Korea", KIND_COUNTRY, { NULL } },
	{ "seoul-fm", "Seoul's Foreign Ministry", KIND_ORGANIZATION, { NULL } },
	{ "korea", "Korea", KIND_PLACE, { NULL } },
};
enum { RUBIO, US, JAPAN, SKOREA, NKOREA, SEOULFM, KOREA, NACTORS };

/* Scan the whole of text and return the mentions (caller frees). */
static void scan_all(struct mentions *m, const struct fixture *f, const char *text)
{
	mentions_init(m, &f->a);
	size_t len = strlen(text);
	mentions_scan(m, (const uint8_t *)text, len, 0, len);
}

/* The text a mention covers must be one of its entity's spellings. */
static void check_spellings(const struct mentions *m, const struct fixture *f, const char *text)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct mention *mn = &m->v[i];
		assert_true(mn->entity < f->a.nentities);
		const struct entity *e = &f->a.entities[mn->entity];
		size_t len = mn->end - mn->start;
		int ok = strlen(e->name) == len && memcmp(e->name, text + mn->start, len) == 0;
		for (size_t k = 0; !ok && k < e->naliases; k++)
			ok = strlen(e->aliases[k]) == len
			     && memcmp(e->aliases[k], text + mn->start, len) == 0;
		if (!ok)
			fail_msg("mention %zu '%.*s' is no spelling of %s", i, (int)len,
				 text + mn->start, e->name);
		if (i)
			assert_true(m->v[i - 1].end <= mn->start);   /* ordered, no overlap */
	}
}

/* Expect exactly the mentions marked [like this] in marked, of these entities
 * in order; the brackets are removed before scanning. */
static void expect_mentions(const char *marked, const int *entity, size_t nw)
{
	char text[512];
	size_t span[16][2], nspan = 0, len = 0;
	for (const char *p = marked; *p; p++) {
		assert_true(len + 1 < sizeof text);
		if (*p == '[') {
			assert_true(nspan < 16);
			span[nspan][0] = len;
		} else if (*p == ']') {
			span[nspan++][1] = len;
		} else {
			text[len++] = *p;
		}
	}
	text[len] = '\0';
	assert_int_equal(nspan, nw);

	struct fixture f;
	fixture_build(&f, actors, NACTORS);
	struct mentions m;
	scan_all(&m, &f, text);
	check_spellings(&m, &f, text);
	if (m.n != nw) {
		for (size_t i = 0; i < m.n; i++)
			print_message("  got '%.*s' (%s)\n", (int)(m.v[i].end - m.v[i].start),
				      text + m.v[i].start, f.e[m.v[i].entity].name);
		fail_msg("'%s': %zu mentions, expected %zu", marked, m.n, nw);
	}
	for (size_t i = 0; i < nw; i++)
		if (m.v[i].start != span[i][0] || m.v[i].end != span[i][1]
		    || m.v[i].entity != (uint32_t)entity[i])
			fail_msg("'%s': mention %zu is [%zu,%zu) %s, expected [%zu,%zu) %s", marked,
				 i, m.v[i].start, m.v[i].end, f.e[m.v[i].entity].name, span[i][0],
				 span[i][1], f.e[entity[i]].name);
	mentions_free(&m);
}

static void test_word_boundaries_ascii(void **state)
{
	(void)state;
	expect_mentions("USB FOCUS BUS USA US2 2US", NULL, 0);
	static const int w1[] = { US };
	expect_mentions("USB and the [US].", w1, 1);
	static const int w2[] = { US, SKOREA };
	expect_mentions("the [US]-[South Korea] alliance", w2, 2);
	static const int w3[] = { US };
	expect_mentions("[US]", w3, 1);                        /* the whole text */
	static const int w4[] = { US, US, US };
	expect_mentions("([US])\"[US]\"\n[US]\n", w4, 3);
	expect_mentions("Japanese Koreans Tokyoite Rubios", NULL, 0);
}

static void test_possessives(void **state)
{
	(void)state;
	static const int w1[] = { RUBIO, JAPAN };
	expect_mentions("[Rubio]'s visit to [Japan]'s capital", w1, 2);
	/* A typographic apostrophe is no letter either. */
	static const int w2[] = { RUBIO };
	expect_mentions("[Rubio]\xe2\x80\x99s trip", w2, 1);
	static const int w3[] = { RUBIO };
	expect_mentions("[Marco Rubio]'s cancellation", w3, 1);
}

/* Hundreds of names with one capital and one length: each length's run is
 * searched in byte order.  The longest still wins, equal spellings go to
 * the first entity, and boundaries hold. */
static void test_many_names_one_prefix(void **state)
{
	(void)state;
	enum { N = 300 };
	struct annot a;
	memset(&a, 0, sizeof a);
	a.nentities = N + 3;
	a.entities = calloc(a.nentities, sizeof *a.entities);
	char (*names)[16] = calloc(N, sizeof *names);
	assert_non_null(a.entities);
	assert_non_null(names);
	for (size_t i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "Zed%03zux", i);
		a.entities[i].name = names[i];
	}
	a.entities[N].name = (char *)(uintptr_t)"Zed";
	a.entities[N + 1].name = (char *)(uintptr_t)"Zed042x Prime";
	a.entities[N + 2].name = (char *)(uintptr_t)"Zed007x";       /* as entity 7 */
	static const char text[] = "Zed042x Prime met Zed042x, Zed007x, Zed299x and Zed; "
				   "Zed300x is nobody; aZed001x no.";
	struct mentions m;
	mentions_init(&m, &a);
	size_t len = strlen(text);
	mentions_scan(&m, (const uint8_t *)text, len, 0, len);
	static const struct { const char *at; size_t len; uint32_t entity; } want[] = {
		{ "Zed042x Prime", 13, N + 1 }, { "Zed042x,", 7, 42 }, { "Zed007x", 7, 7 },
		{ "Zed299x", 7, 299 }, { "Zed;", 3, N },
	};
	assert_int_equal(m.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < m.n; i++) {
		size_t at = (size_t)(strstr(text, want[i].at) - text);
		assert_int_equal(m.v[i].start, at);
		assert_int_equal(m.v[i].end - m.v[i].start, want[i].len);
		assert_int_equal(m.v[i].entity, want[i].entity);
	}
	mentions_free(&m);
	free(names);
	free(a.entities);
}

/* Fifty-two spellings that differ only in their second byte: one node of
 * the trie with that many children, searched, not walked.  Each one is
 * found, whichever of them the search lands on first. */
static void test_wide_node(void **state)
{
	(void)state;
	enum { N = 52 };
	struct annot a;
	memset(&a, 0, sizeof a);
	a.nentities = N + 1;
	a.entities = calloc(a.nentities, sizeof *a.entities);
	char (*names)[4] = calloc(N, sizeof *names);
	assert_non_null(a.entities);
	assert_non_null(names);
	struct buf text = { 0 };
	for (size_t i = 0; i < N; i++) {
		names[i][0] = 'K';
		names[i][1] = (char)(i < 26 ? 'A' + i : 'a' + (i - 26));
		a.entities[i].name = names[i];
	}
	a.entities[N].name = (char *)(uintptr_t)"Kq and more";
	/* Backwards, so that the text's order is not the list's. */
	for (size_t i = N; i-- > 0;)
		buf_printf(&text, "%s, ", names[i]);
	buf_adds(&text, "Kq and more.");
	struct mentions m;
	mentions_init(&m, &a);
	mentions_scan(&m, (const uint8_t *)text.data, text.len, 0, text.len);
	assert_int_equal(m.n, N + 1);
	for (size_t i = 0; i < N; i++) {
		assert_int_equal(m.v[i].entity, N - 1 - i);
		assert_int_equal(m.v[i].end - m.v[i].start, 2);
	}
	assert_int_equal(m.v[N].entity, N);
	mentions_free(&m);
	buf_free(&text);
	free(names);
	free(a.entities);
}

/* What mentions_scan() promises, the slow way: at each byte, of the
 * spellings that are the text there on whole words, the longest (the
 * first entity's among equal ones); after a hit, on past it. */
static size_t reference_scan(const struct annot *a, const char *text, size_t len,
			     struct mention *out)
{
	size_t n = 0;
	for (size_t off = 0; off < len;) {
		size_t best = 0;
		uint32_t who = 0;
		for (size_t i = 0; i < a->nentities; i++) {
			const struct entity *e = &a->entities[i];
			for (size_t k = 0; k <= e->naliases; k++) {
				const char *s = k ? e->aliases[k - 1] : e->name;
				size_t sl = strlen(s);
				if (!sl || sl > len - off || sl <= best || memcmp(text + off, s, sl) != 0)
					continue;
				if (word_boundary((const uint8_t *)text, 0, len, off)
				    && word_boundary((const uint8_t *)text, 0, len, off + sl)) {
					best = sl;
					who = (uint32_t)i;
				}
			}
		}
		if (best)
			out[n++] = (struct mention){ off, off + best, who, 0 };
		off += best ? best : 1;
	}
	return n;
}

/* Random names over a few letters (so that they share prefixes, end
 * inside each other and repeat) against random text of the same letters:
 * the same mentions as the reference, in 300 rounds. */
static void test_against_reference(void **state)
{
	(void)state;
	static const char letters[] = "AABBab .";
	uint32_t seed = 12345;
	for (int round = 0; round < 300; round++) {
		enum { NE = 12, NAME = 8, TEXT = 400 };
		char names[NE][NAME + 1], text[TEXT + 1];
		struct entity ents[NE];
		struct annot a;
		memset(&a, 0, sizeof a);
		memset(ents, 0, sizeof ents);
		for (size_t i = 0; i < NE; i++) {
			seed = seed * 1103515245u + 12345u;
			size_t n = 1 + (seed >> 16) % NAME;
			for (size_t k = 0; k < n; k++) {
				seed = seed * 1103515245u + 12345u;
				names[i][k] = letters[(seed >> 16) % (sizeof letters - 1)];
			}
			names[i][0] = (char)('A' + (seed >> 20) % 2);     /* capitalised */
			names[i][n] = '\0';
			ents[i].name = names[i];
		}
		for (size_t k = 0; k < TEXT; k++) {
			seed = seed * 1103515245u + 12345u;
			text[k] = letters[(seed >> 16) % (sizeof letters - 1)];
		}
		text[TEXT] = '\0';
		a.entities = ents;
		a.nentities = NE;
		struct mention want[TEXT];
		size_t nwant = reference_scan(&a, text, TEXT, want);
		struct mentions m;
		mentions_init(&m, &a);
		mentions_scan(&m, (const uint8_t *)text, TEXT, 0, TEXT);
		if (m.n != nwant)
			fail_msg("round %d: %zu mentions, the reference %zu", round, m.n, nwant);
		for (size_t i = 0; i < m.n; i++) {
			assert_int_equal(m.v[i].start, want[i].start);
			assert_int_equal(m.v[i].end, want[i].end);
			assert_int_equal(m.v[i].entity, want[i].entity);
		}
		mentions_free(&m);
	}
}

static void test_longest_match(void **state)
{
	(void)state;
	static const int w1[] = { SKOREA, KOREA, NKOREA };
	expect_mentions("[South Korea], [Korea] and [North Korea]", w1, 3);
	static const int w2[] = { SEOULFM, SKOREA };
	expect_mentions("[Seoul's Foreign Ministry] said [Seoul]'s view", w2, 2);
	/* Name and alias of one entity: the full name, counted once. */
	static const int w3[] = { RUBIO, RUBIO };
	expect_mentions("[Marco Rubio]. [Rubio]", w3, 2);
	/* The longer spelling fails its boundary: the shorter one still counts. */
	static const int w4[] = { SKOREA };
	expect_mentions("[Seoul]'s Foreign Ministryship", w4, 1);
}

static void test_non_ascii_boundaries(void **state)
{
	(void)state;
	/* Precomposed and decomposed accents both continue the word. */
	expect_mentions("Japan\xc3\xa9" "se Japan\xcc\x81 Tokyo\xc5\x8d", NULL, 0);
	expect_mentions("\xc3\xa9US \xd0\x96US US\xd0\x96 US\xcc\x81", NULL, 0);
	/* Each Han character is a word of its own (UAX #29): a name next to
	 * one is whole, as a figure there is: "美国总统Trump". */
	static const int w0[] = { US, US };
	expect_mentions("\xe6\x97\xa5[US] [US]\xe6\x97\xa5", w0, 2);
	/* No-break spaces, dashes and CJK brackets end a word. */
	static const int w1[] = { JAPAN, JAPAN, US, SKOREA };
	expect_mentions("[Japan]\xc2\xa0is \xe2\x80\x94[Tokyo]\xe2\x80\x94 \xe3\x80\x8c[US]\xe3\x80\x8d"
			"\xe2\x80\xaf[Seoul]\xe2\x80\xaf", w1, 4);
}

static void test_counts_per_entity(void **state)
{
	(void)state;
	struct fixture f;
	fixture_build(&f, actors, NACTORS);
	const char *text =
		"Marco Rubio met Japan. Rubio said Tokyo and Washington and the US agree.\n"
		"Seoul's Foreign Ministry, Seoul and South Korea. Rubio's USB.\n";
	struct mentions m;
	scan_all(&m, &f, text);
	check_spellings(&m, &f, text);
	assert_int_equal(m.nentities, NACTORS);
	static const size_t want[NACTORS] = { [RUBIO] = 3, [US] = 2, [JAPAN] = 2,
					      [SKOREA] = 2, [SEOULFM] = 1 };
	size_t total = 0;
	for (int i = 0; i < NACTORS; i++) {
		if (m.count[i] != want[i])
			fail_msg("%s: %zu mentions, expected %zu", f.e[i].name, m.count[i], want[i]);
		total += m.count[i];
	}
	assert_int_equal(total, m.n);
	/* nth counts the same entity's mentions before each one. */
	for (size_t i = 0; i < m.n; i++) {
		size_t before = 0;
		for (size_t j = 0; j < i; j++)
			before += m.v[j].entity == m.v[i].entity;
		assert_int_equal(m.v[i].nth, before);
	}
	mentions_free(&m);
}

static void test_ties_go_to_first_entity(void **state)
{
	(void)state;
	/* Two entities spelled alike: the first one declared gets the mention,
	 * whatever order the spellings are added in. */
	static const struct fixture_entity spec[] = {
		{ "a", "Georgia", KIND_COUNTRY, { NULL } },
		{ "b", "Atlanta", KIND_PLACE, { "Georgia", NULL } },
	};
	struct fixture f;
	fixture_build(&f, spec, 2);
	struct mentions m;
	scan_all(&m, &f, "Georgia, Atlanta");
	assert_int_equal(m.n, 2);
	assert_int_equal(m.v[0].entity, 0);
	assert_int_equal(m.v[1].entity, 1);
	assert_int_equal(m.count[0], 1);
	assert_int_equal(m.count[1], 1);
	mentions_free(&m);
}

static void test_no_entities(void **state)
{
	(void)state;
	struct annot a;
	memset(&a, 0, sizeof a);
	struct mentions m;
	mentions_init(&m, &a);
	const char *text = "Nothing to find here.";
	mentions_scan(&m, (const uint8_t *)text, strlen(text), 0, strlen(text));
	assert_int_equal(m.n, 0);
	assert_int_equal(mentions_at(&m, 0), 0);
	mentions_free(&m);
	/* An empty alias is ignored, not matched everywhere. */
	static const struct fixture_entity spec[] = { { "x", "Japan", KIND_COUNTRY, { "", NULL } } };
	struct fixture f;
	fixture_build(&f, spec, 1);
	scan_all(&m, &f, "a Japan b");
	assert_int_equal(m.n, 1);
	mentions_free(&m);
}

static const char article[] =
	"US Secretary of State Marco Rubio had called off his first visit to Japan and South\n"
	"Korea in early July. In response, Seoul's Foreign Ministry said that Rubio's visit to\n"
	"South Korea appears to be difficult. USB FOCUS BUS.\n"
	"\n"
	"As for US-South Korea relations, North Korea, Tokyo and Seoul; Washington's view.\n"
	"Japan\xc2\xa0" "and Japan\xc3\xa9" "se, Korea.\n";

static void test_slices_equal_whole(void **state)
{
	(void)state;
	struct fixture f;
	fixture_build(&f, actors, NACTORS);
	size_t len = strlen(article);
	struct mentions whole;
	scan_all(&whole, &f, article);
	check_spellings(&whole, &f, article);
	assert_true(whole.n >= 15);
	/* Every way of cutting into runs of whole lines gives the same result. */
	size_t starts[16], nl = 0;
	starts[nl++] = 0;
	for (size_t i = 0; i < len; i++)
		if (article[i] == '\n' && i + 1 < len)
			starts[nl++] = i + 1;
	for (unsigned mask = 0; mask < (1u << (nl - 1)); mask++) {
		struct mentions m;
		mentions_init(&m, &f.a);
		size_t from = 0;
		for (size_t k = 1; k <= nl; k++) {
			size_t cut = k < nl ? starts[k] : len;
			if (k < nl && !(mask & (1u << (k - 1))))
				continue;
			mentions_scan(&m, (const uint8_t *)article, len, from, cut);
			from = cut;
		}
		if (m.n != whole.n)
			fail_msg("cut mask %#x: %zu mentions, whole: %zu", mask, m.n, whole.n);
		assert_memory_equal(m.v, whole.v, m.n * sizeof *m.v);
		assert_memory_equal(m.count, whole.count, NACTORS * sizeof *m.count);
		mentions_free(&m);
	}
	mentions_free(&whole);
}

static void test_deterministic(void **state)
{
	(void)state;
	struct fixture f;
	fixture_build(&f, actors, NACTORS);
	struct mentions a, b;
	scan_all(&a, &f, article);
	scan_all(&b, &f, article);
	assert_int_equal(a.n, b.n);
	assert_memory_equal(a.v, b.v, a.n * sizeof *a.v);
	/* The same entities declared in reverse order find the same spans. */
	struct fixture_entity rev[NACTORS];
	for (int i = 0; i < NACTORS; i++)
		rev[i] = actors[NACTORS - 1 - i];
	struct fixture fr;
	fixture_build(&fr, rev, NACTORS);
	struct mentions c;
	scan_all(&c, &fr, article);
	assert_int_equal(c.n, a.n);
	for (size_t i = 0; i < a.n; i++) {
		assert_int_equal(c.v[i].start, a.v[i].start);
		assert_int_equal(c.v[i].end, a.v[i].end);
		assert_int_equal(c.v[i].entity, NACTORS - 1 - a.v[i].entity);
	}
	mentions_free(&a);
	mentions_free(&b);
	mentions_free(&c);
}

static void test_mentions_at(void **state)
{
	(void)state;
	struct fixture f;
	fixture_build(&f, actors, NACTORS);
	struct mentions m;
	scan_all(&m, &f, article);
	size_t len = strlen(article);
	for (size_t off = 0; off <= len + 1; off++) {
		size_t k = mentions_at(&m, off);
		size_t want = 0;
		while (want < m.n && m.v[want].start < off)
			want++;
		if (k != want)
			fail_msg("mentions_at(%zu) = %zu, expected %zu", off, k, want);
	}
	/* At a mention's own start it is that mention. */
	for (size_t i = 0; i < m.n; i++)
		assert_int_equal(mentions_at(&m, m.v[i].start), i);
	assert_int_equal(mentions_at(&m, len), m.n);
	mentions_free(&m);
}

static void test_scan_respects_range(void **state)
{
	(void)state;
	struct fixture f;
	fixture_build(&f, actors, NACTORS);
	const char *text = "Japan\nTokyo\nSeoul\n";
	size_t len = strlen(text);
	struct mentions m;
	mentions_init(&m, &f.a);
	mentions_scan(&m, (const uint8_t *)text, len, 6, 12);    /* "Tokyo\n" only */
	assert_int_equal(m.n, 1);
	assert_int_equal(m.v[0].start, 6);
	assert_int_equal(m.v[0].end, 11);
	assert_int_equal(m.count[JAPAN], 1);
	/* to past len is clamped, not read beyond. */
	mentions_scan(&m, (const uint8_t *)text, len, 12, len + 100);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.v[1].entity, SKOREA);
	mentions_free(&m);
}

/* Memory has a bound whatever the text holds: past max no mention is kept,
 * scanning stops, and full_at says where the first one not kept starts. */
static void test_bounded(void **state)
{
	(void)state;
	struct fixture f;
	fixture_build(&f, actors, NACTORS);
	const char *text = "Japan Tokyo Seoul\nJapan Tokyo Seoul\n";
	size_t len = strlen(text);
	struct mentions m;
	mentions_init(&m, &f.a);
	assert_int_equal(m.max, MENTIONS_MAX);
	m.max = 4;
	mentions_scan(&m, (const uint8_t *)text, len, 0, 18);
	assert_int_equal(m.n, 3);
	assert_false(m.full);
	mentions_scan(&m, (const uint8_t *)text, len, 18, len);
	assert_int_equal(m.n, 4);
	assert_true(m.full);
	assert_int_equal(m.full_at, 24);       /* the second "Tokyo" */
	assert_int_equal(m.count[JAPAN], 3);
	mentions_free(&m);
	/* With the default bound: a text of nothing but names stops there. */
	size_t reps = MENTIONS_MAX + 1000;
	char *big = xmalloc(reps * 6 + 1);
	for (size_t i = 0; i < reps; i++)
		memcpy(big + i * 6, "Japan ", 6);
	big[reps * 6] = '\0';
	mentions_init(&m, &f.a);
	mentions_scan(&m, (const uint8_t *)big, reps * 6, 0, reps * 6);
	assert_int_equal(m.n, MENTIONS_MAX);
	assert_true(m.full);
	assert_int_equal(m.full_at, MENTIONS_MAX * 6);
	assert_true(m.cap <= MENTIONS_MAX);
	mentions_free(&m);
	free(big);
}

/* A person's government (mentions.h): the name and "administration",
 * "government" or "cabinet" after it are one mention of the country the
 * person is affiliated with; not across a line end, not "administrations",
 * not after a possessive; a person of no country, or of an organisation,
 * keeps the name. */
static void test_government(void **state)
{
	(void)state;
	static const struct fixture_entity spec[] = {
		{ "trump", "Donald Trump", KIND_PERSON, { "Trump", NULL } },
		{ "us", "US", KIND_COUNTRY, { NULL } },
		{ "carter", "Jimmy Carter", KIND_PERSON, { "Carter", NULL } },
		{ "abe", "Shinzo Abe", KIND_PERSON, { "Abe", NULL } },
		{ "ldp", "LDP", KIND_ORGANIZATION, { NULL } },
	};
	struct fixture f;
	fixture_build(&f, spec, sizeof spec / sizeof spec[0]);
	f.e[0].affiliation = (char *)(uintptr_t)"us";
	f.e[3].affiliation = (char *)(uintptr_t)"ldp";
	const char *text = "The Donald Trump administration met. Trump spoke; the Trump Government, "
			   "the Trump cabinet and Trump's administration, the Trump\tadministration. "
			   "The Carter administration left. The Abe government stayed. Trump "
			   "administrations? Trump\nadministration";
	struct mentions m;
	scan_all(&m, &f, text);
	static const char *const us[] = { "Donald Trump administration", "Trump Government",
					  "Trump cabinet", "Trump\tadministration" };
	static const char *const trump[] = { "Trump", "Trump", "Trump", "Trump" };
	size_t nus = 0, ntrump = 0;
	for (size_t i = 0; i < m.n; i++) {
		const struct mention *mn = &m.v[i];
		size_t len = mn->end - mn->start;
		if (mn->entity == 1) {
			assert_true(nus < 4);
			assert_int_equal(len, strlen(us[nus]));
			assert_memory_equal(text + mn->start, us[nus], len);
			assert_int_equal(mn->nth, nus);
			assert_true(mentions_names_gov(&f.a, (const uint8_t *)text, mn, 0));
			assert_false(mentions_names_gov(&f.a, (const uint8_t *)text, mn, 2));
			nus++;
		} else if (mn->entity == 0) {
			assert_true(ntrump < 4);
			assert_int_equal(len, strlen(trump[ntrump]));
			assert_memory_equal(text + mn->start, trump[ntrump], len);
			ntrump++;
		}
	}
	assert_int_equal(nus, 4);
	assert_int_equal(ntrump, 4);
	assert_int_equal(m.count[1], 4);
	assert_int_equal(m.count[0], 4);
	assert_int_equal(m.count[2], 1);       /* Carter: no country, his name */
	assert_int_equal(m.count[3], 1);       /* Abe: a party's, his name */
	mentions_free(&m);
	/* The word alone, for the card and the exports. */
	const uint8_t *w = (const uint8_t *)"X  Administration, y";
	assert_int_equal(mentions_gov_word(w, 1, strlen((const char *)w)), 17);
	assert_int_equal(mentions_gov_word((const uint8_t *)"X cabinets", 1, 10), 0);
	assert_int_equal(mentions_gov_word((const uint8_t *)"Xcabinet", 1, 8), 0);
	assert_int_equal(mentions_gov_word((const uint8_t *)"X CABINET", 1, 9), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_word_boundaries_ascii),
		cmocka_unit_test(test_government),
		cmocka_unit_test(test_possessives),
		cmocka_unit_test(test_longest_match),
		cmocka_unit_test(test_many_names_one_prefix),
		cmocka_unit_test(test_wide_node),
		cmocka_unit_test(test_against_reference),
		cmocka_unit_test(test_non_ascii_boundaries),
		cmocka_unit_test(test_counts_per_entity),
		cmocka_unit_test(test_ties_go_to_first_entity),
		cmocka_unit_test(test_no_entities),
		cmocka_unit_test(test_slices_equal_whole),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_mentions_at),
		cmocka_unit_test(test_scan_respects_range),
		cmocka_unit_test(test_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
