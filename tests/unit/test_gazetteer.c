/* Unit tests for gazetteer.c and the lists under assets/gazetteer/. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "brief/gazetteer.h"

static struct gazetteer g;

static const struct gaz_spelling *match(const char *s, size_t *len)
{
	return gaz_match(&g, (const uint8_t *)s, strlen(s), len);
}

static void test_lists_load(void **state)
{
	(void)state;
	assert_true(g.nentries > 500);
	assert_true(g.ncommon > 10000);
	assert_true(g.nproper > 3000);
	assert_true(g.nfirstnames > 5000);
	assert_true(g.ntitles > 100);
	assert_true(g.ncues > 200);
}

/* The generated lists are searched as they are: they must stay sorted. */
static void test_lists_sorted(void **state)
{
	(void)state;
	for (size_t i = 1; i < g.ncommon; i++)
		if (strcmp(g.common[i - 1], g.common[i]) >= 0)
			fail_msg("common.txt: \"%s\" before \"%s\"", g.common[i - 1], g.common[i]);
	for (size_t i = 1; i < g.nproper; i++)
		if (strcmp(g.proper[i - 1], g.proper[i]) >= 0)
			fail_msg("propernames.txt: \"%s\" before \"%s\"", g.proper[i - 1], g.proper[i]);
	for (size_t i = 1; i < g.nfirstnames; i++)
		if (strcmp(g.firstnames[i - 1], g.firstnames[i]) >= 0)
			fail_msg("firstnames.txt: \"%s\" before \"%s\"", g.firstnames[i - 1], g.firstnames[i]);
}

/* A common word written with its accents, composed or not, is common. */
static void test_common_with_marks(void **state)
{
	(void)state;
	assert_true(gaz_is_common(&g, (const uint8_t *)"R\xC3\xA9sum\xC3\xA9", 8));
	assert_true(gaz_is_common(&g, (const uint8_t *)"Re\xCC\x81sume\xCC\x81", 10));
	assert_true(gaz_is_common(&g, (const uint8_t *)"Resume", 6));
	/* Marks dropped, a name stays a name; another script is no English. */
	assert_false(gaz_is_common(&g, (const uint8_t *)"Whang\xC4\x81rei", 10));
	assert_false(gaz_is_common(&g, (const uint8_t *)"\xE6\xBC\xA2\xE5\xAD\x97", 6));
}

/* The Census's first names, as written: a cue, case-sensitive. */
static void test_firstnames(void **state)
{
	(void)state;
	assert_true(gaz_is_firstname(&g, (const uint8_t *)"Grace", 5));
	assert_true(gaz_is_firstname(&g, (const uint8_t *)"Evan", 4));
	assert_true(gaz_is_firstname(&g, (const uint8_t *)"Buckley", 4));   /* "Buck" */
	assert_false(gaz_is_firstname(&g, (const uint8_t *)"grace", 5));
	assert_false(gaz_is_firstname(&g, (const uint8_t *)"Gracef", 6));
	assert_false(gaz_is_firstname(&g, (const uint8_t *)"Snapchat", 8));
	assert_false(gaz_is_firstname(&g, (const uint8_t *)"Ministry", 8));
}

static void test_ids_unique_and_affiliations_known(void **state)
{
	(void)state;
	for (size_t i = 0; i < g.nentries; i++) {
		const struct gaz_entry *e = &g.entries[i];
		assert_true(*e->id && *e->name);
		for (size_t k = 0; k < i; k++)
			if (strcmp(g.entries[k].id, e->id) == 0)
				fail_msg("id \"%s\" twice (%s:%d and %s:%d)", e->id, g.entries[k].file,
					 g.entries[k].line, e->file, e->line);
		if (*e->affiliation && gaz_find_id(&g, e->affiliation) < 0)
			fail_msg("%s:%d: affiliation \"%s\" is no entry", e->file, e->line, e->affiliation);
	}
}

/* Every leader's country is a country of the lists; names are found
 * whole, never by a prefix. */
static void test_leaders(void **state)
{
	(void)state;
	assert_true(g.nleaders > 100);
	for (size_t i = 0; i < g.nleaders; i++) {
		long e = gaz_find_id(&g, g.leaders[i].country);
		if (e < 0 || g.entries[e].kind != KIND_COUNTRY)
			fail_msg("leaders.tsv:%d: \"%s\" is no country", g.leaders[i].line,
				 g.leaders[i].country);
		if (i && strcmp(g.leaders[i - 1].name, g.leaders[i].name) >= 0)
			fail_msg("leaders.tsv:%d: \"%s\" listed twice", g.leaders[i].line,
				 g.leaders[i].name);
	}
	const struct gaz_leader *o = gaz_leader(&g, "Barack Obama", 12);
	assert_non_null(o);
	assert_string_equal(o->country, "us");
	assert_null(gaz_leader(&g, "Barack Obam", 11));
	assert_null(gaz_leader(&g, "Barack Obama Jr", 15));
	assert_null(gaz_leader(&g, "Obama", 5));
}

static void test_longest_match_and_boundaries(void **state)
{
	(void)state;
	size_t len;
	const struct gaz_spelling *sp = match("South Korea's defense", &len);
	assert_non_null(sp);
	assert_int_equal(len, 11);
	assert_string_equal(g.entries[sp->entry].id, "south-korea");
	sp = match("Washington Post reported", &len);
	assert_non_null(sp);
	assert_int_equal(g.entries[sp->entry].kind, KIND_MEDIA);
	/* Case matters: "us" is no country; a word must end. */
	assert_null(match("us", &len));
	assert_null(match("USB stick", &len));
	sp = match("U.S. officials", &len);
	assert_non_null(sp);
	assert_int_equal(len, 4);
	assert_string_equal(g.entries[sp->entry].id, "us");
	/* Roles: a seat, a demonym. */
	sp = match("Seoul said", &len);
	assert_non_null(sp);
	assert_int_equal(sp->role, GAZ_SEAT);
	sp = match("Japanese media", &len);
	assert_non_null(sp);
	assert_int_equal(sp->role, GAZ_DEMONYM);
	/* A name is preferred to a demonym spelled the same ("US"). */
	sp = match("US troops", &len);
	assert_non_null(sp);
	assert_int_equal(sp->role, GAZ_ALIAS);
	/* "Washington" needs a cue. */
	sp = match("Washington", &len);
	assert_non_null(sp);
	assert_true(sp->ambiguous);
}

static void test_words(void **state)
{
	(void)state;
	size_t len;
	const char *t = "Secretary of State Marco Rubio";
	const struct gaz_word *w = gaz_title(&g, (const uint8_t *)t, strlen(t), &len);
	assert_non_null(w);
	assert_int_equal(len, strlen("Secretary of State"));
	assert_string_equal(gaz_title_class(w->cls), "government");
	assert_non_null(gaz_orgword(&g, (const uint8_t *)"Ministry", 8));
	assert_int_equal(gaz_orgword(&g, (const uint8_t *)"Times", 5)->cls, KIND_MEDIA);
	assert_int_equal(gaz_cue(&g, (const uint8_t *)"said", 4), CUE_SPEECH);
	assert_int_equal(gaz_cue(&g, (const uint8_t *)"in", 2), CUE_PLACE);
	assert_true(gaz_is_common(&g, (const uint8_t *)"Meanwhile", 9));
	assert_false(gaz_is_common(&g, (const uint8_t *)"Rubio", 5));
	assert_true(gaz_is_proper(&g, (const uint8_t *)"Donald", 6));
	assert_true(gaz_is_surname_first(&g, (const uint8_t *)"Lee", 3));
	assert_false(gaz_is_surname_first(&g, (const uint8_t *)"Smith", 5));
}

/* The word lists the actor rules read (src/actors.c: corp_end, unit_head,
 * place_noun_of, place_beside), each word with its class: a list that
 * loses one fails here, not as a quiet change in what is found. */
static const char *const legal_words[] = { "Group", "Inc", "Corp", "Corporation", "Co", "Company",
					    "Holdings", "Ltd", "Limited", "plc", "PLC", "LLC", "AG",
					    "SA", "NV", "SE", "Motor", "Motors" };
static const char *const unit_words[] = {
	"Ministry", "Department", "Agency", "Council", "Commission", "Committee", "Institute",
	"Authority", "Office", "Bureau", "Court", "Parliament", "Assembly", "Congress", "Senate",
	"Forces", "Army", "Navy", "Police", "Service", "Board", "Center", "Centre",
	"Administration", "Cabinet", "Government", "Secretariat", "Tribunal", "Guard", "Command",
	"Reserve" };
static const char *const place_of_words[] = {
	"city", "town", "village", "port", "island", "province", "region", "district", "county",
	"state", "suburb", "capital", "neighbourhood", "neighborhood", "municipality", "hamlet",
	"borough", "prefecture", "emirate", "governorate" };
static const char *const place_after_words[] = {
	"area", "district", "county", "province", "region", "neighbourhood", "neighborhood",
	"suburb", "township", "municipality", "village", "town", "city", "native", "residents",
	"ward", "constituency", "parish" };

#define N(v) (sizeof v / sizeof v[0])

static size_t count_orgwords(unsigned bits)
{
	size_t n = 0;
	for (size_t i = 0; i < g.norgwords; i++)
		n += (g.orgwords[i].set & bits) != 0;
	return n;
}

static size_t count_cues(enum gaz_cue c)
{
	size_t n = 0;
	for (size_t i = 0; i < g.ncues; i++)
		n += g.cues[i].set >> c & 1;
	return n;
}

static int has_org(const char *w, unsigned bits)
{
	return gaz_orgword_is(&g, (const uint8_t *)w, strlen(w), bits);
}

static int has_cue(const char *w, enum gaz_cue c)
{
	return gaz_cue_is(&g, (const uint8_t *)w, strlen(w), c);
}

static void test_word_classes(void **state)
{
	(void)state;
	if (gaz_problem(&g))
		fail_msg("%s", gaz_problem(&g));
	for (size_t i = 0; i < N(legal_words); i++)
		if (!has_org(legal_words[i], GAZ_ORG_LEGAL))
			fail_msg("orgwords.tsv: \"%s\" is no legal word", legal_words[i]);
	/* unit_head reads the class of a head word only. */
	for (size_t i = 0; i < N(unit_words); i++)
		if (!has_org(unit_words[i], GAZ_ORG_UNIT)
		    || !gaz_orgword(&g, (const uint8_t *)unit_words[i], strlen(unit_words[i])))
			fail_msg("orgwords.tsv: \"%s\" is no unit head word", unit_words[i]);
	for (size_t i = 0; i < N(place_of_words); i++)
		if (!has_cue(place_of_words[i], CUE_PLACE_OF))
			fail_msg("cues.tsv: \"%s\" is no place-of noun", place_of_words[i]);
	for (size_t i = 0; i < N(place_after_words); i++)
		if (!has_cue(place_after_words[i], CUE_PLACE_AFTER))
			fail_msg("cues.tsv: \"%s\" is no place-after noun", place_after_words[i]);
	/* No more than the rules were tuned with: an added word is a change
	 * of behaviour, to be measured (make bench-actors) and counted here. */
	assert_int_equal(count_orgwords(GAZ_ORG_LEGAL), N(legal_words));
	assert_int_equal(count_orgwords(GAZ_ORG_UNIT), N(unit_words));
	assert_int_equal(count_cues(CUE_PLACE_OF), N(place_of_words));
	assert_int_equal(count_cues(CUE_PLACE_AFTER), N(place_after_words));
	/* Exact words, as written. */
	assert_false(has_org("Corp.", GAZ_ORG_LEGAL));
	assert_false(has_org("group", GAZ_ORG_LEGAL));
	assert_false(has_cue("City", CUE_PLACE_OF));
	assert_false(has_cue("area", CUE_PLACE_OF));
	assert_false(has_cue("capital", CUE_PLACE_AFTER));
}

/* A word set leaves a word's context alone: "capital" is a state cue and a
 * place-of noun; "area" is in a set only, no context; "AG" ends no name. */
static void test_word_sets_keep_contexts(void **state)
{
	(void)state;
	assert_int_equal(gaz_cue(&g, (const uint8_t *)"capital", 7), CUE_STATE);
	assert_true(has_cue("capital", CUE_STATE));
	assert_int_equal(gaz_cue(&g, (const uint8_t *)"area", 4), CUE_NONE);
	assert_int_equal(gaz_cue(&g, (const uint8_t *)"said", 4), CUE_SPEECH);
	/* A holiday's head word ends a thing's name ("Australia Day"). */
	assert_int_equal(gaz_cue(&g, (const uint8_t *)"Day", 3), CUE_THING);
	assert_null(gaz_orgword(&g, (const uint8_t *)"AG", 2));
	assert_true(has_org("AG", GAZ_ORG_LEGAL));
	const struct gaz_word *w = gaz_orgword(&g, (const uint8_t *)"Corp", 4);
	assert_non_null(w);
	assert_int_equal(w->cls, KIND_ORGANIZATION);
	assert_true(w->set & GAZ_ORG_LEGAL);
	/* A word listed twice is one entry: the binary search finds it. */
	for (size_t i = 1; i < g.norgwords; i++)
		if (g.orgwords[i - 1].len == g.orgwords[i].len
		    && memcmp(g.orgwords[i - 1].s, g.orgwords[i].s, g.orgwords[i].len) == 0)
			fail_msg("orgwords.tsv:%d: \"%s\" twice", g.orgwords[i].line, g.orgwords[i].s);
}

/* An unknown class, kind or title class is a problem with its file:line,
 * and the line is skipped rather than read as another class. */
static void test_unknown_class_is_an_error(void **state)
{
	(void)state;
	static const struct {
		const char *file, *text, *problem;
	} bad[] = {
		{ "cues.tsv", "# a comment\nsaid\tspeech\nwarned\tspech\n",
		  "cues.tsv:3: unknown class \"spech\"" },
		{ "cues.tsv", "area\tplace-before\n", "cues.tsv:1: unknown class \"place-before\"" },
		{ "orgwords.tsv", "Ministry\torganization\tunit\nInc\torganization\tlegal,legl\n",
		  "orgwords.tsv:2: unknown class \"legl\"" },
		{ "orgwords.tsv", "\nBank\tcompany\n", "orgwords.tsv:2: unknown kind \"company\"" },
		{ "orgwords.tsv", "AG\t-\n", "orgwords.tsv:1: no kind and no class for \"AG\"" },
		{ "titles.tsv", "President\thead-of-stat\n", "titles.tsv:1: unknown class \"head-of-stat\"" },
	};
	for (size_t i = 0; i < N(bad); i++) {
		struct gazetteer h;
		gaz_load_with(&h, bad[i].file, bad[i].text);
		assert_non_null(gaz_problem(&h));
		assert_string_equal(gaz_problem(&h), bad[i].problem);
		gaz_free(&h);
	}
	/* The line with a problem is skipped; the others are read. */
	struct gazetteer h;
	gaz_load_with(&h, "cues.tsv", "said\tspeech\nwarned\tspech\n");
	assert_int_equal(gaz_cue(&h, (const uint8_t *)"said", 4), CUE_SPEECH);
	assert_int_equal(gaz_cue(&h, (const uint8_t *)"warned", 6), CUE_NONE);
	assert_int_equal(h.nproblems, 1);
	gaz_free(&h);
	gaz_load_with(&h, "orgwords.tsv", "Inc\torganization\tlegal\nSA\t-\tlegal\n");
	assert_null(gaz_problem(&h));
	assert_true(gaz_orgword_is(&h, (const uint8_t *)"SA", 2, GAZ_ORG_LEGAL));
	assert_false(gaz_orgword_is(&h, (const uint8_t *)"SA", 2, GAZ_ORG_UNIT));
	assert_null(gaz_orgword(&h, (const uint8_t *)"Ministry", 8));
	gaz_free(&h);
}

/* Every phrase actors.c's chrome_line reads, with its class: dropping one
 * from chrome.tsv or moving it to another class changes which lines are
 * page furniture, so each is pinned here as the rule was written. */
static const struct {
	const char *s;
	enum gaz_chrome cls;
} chrome_pinned[] = {
	{ "Photo", GAZ_CHROME_LEAD }, { "Image", GAZ_CHROME_LEAD }, { "Credit", GAZ_CHROME_LEAD },
	{ "Source:", GAZ_CHROME_LEAD }, { "Picture:", GAZ_CHROME_LEAD },
	{ "Illustration", GAZ_CHROME_LEAD }, { "Copyright", GAZ_CHROME_LEAD },
	{ "\xC2\xA9", GAZ_CHROME_LEAD }, { "Getty Images", GAZ_CHROME_LEAD },
	{ "Read more", GAZ_CHROME_LEAD }, { "Read:", GAZ_CHROME_LEAD }, { "Related", GAZ_CHROME_LEAD },
	{ "Continue reading", GAZ_CHROME_LEAD }, { "Sign up", GAZ_CHROME_LEAD },
	{ "Subscribe", GAZ_CHROME_LEAD }, { "Follow ", GAZ_CHROME_LEAD }, { "Click ", GAZ_CHROME_LEAD },
	{ "Watch:", GAZ_CHROME_LEAD }, { "Listen", GAZ_CHROME_LEAD },
	{ "Advertisement", GAZ_CHROME_LEAD }, { "Share ", GAZ_CHROME_LEAD }, { "More:", GAZ_CHROME_LEAD },
	{ "See also", GAZ_CHROME_LEAD }, { "Also read", GAZ_CHROME_LEAD },
	{ "Powered by", GAZ_CHROME_LEAD }, { "A version of this article", GAZ_CHROME_LEAD },
	{ "Map:", GAZ_CHROME_LEAD }, { "Video:", GAZ_CHROME_LEAD }, { "Graphic:", GAZ_CHROME_LEAD },
	{ "Editor's note", GAZ_CHROME_LEAD }, { "Editor\xE2\x80\x99s note", GAZ_CHROME_LEAD },
	{ "Getty Images", GAZ_CHROME_CREDIT }, { "/AFP", GAZ_CHROME_CREDIT },
	{ "/Reuters", GAZ_CHROME_CREDIT }, { "AP Photo", GAZ_CHROME_CREDIT },
	{ "Shutterstock", GAZ_CHROME_CREDIT }, { "/The ", GAZ_CHROME_CREDIT },
	{ " / ", GAZ_CHROME_CREDIT },
	{ "Special to ", GAZ_CHROME_WRITTEN_FOR },
	{ "First published", GAZ_CHROME_STAMP }, { "Last updated", GAZ_CHROME_STAMP },
	{ "Last Updated", GAZ_CHROME_STAMP },
	{ "Published ", GAZ_CHROME_STAMP_LEAD }, { "Updated ", GAZ_CHROME_STAMP_LEAD },
	{ "Posted ", GAZ_CHROME_STAMP_LEAD },
	{ "Reporting by", GAZ_CHROME_BYLINE }, { "Additional reporting", GAZ_CHROME_BYLINE },
	{ "Writing by", GAZ_CHROME_BYLINE }, { "Editing by", GAZ_CHROME_BYLINE },
	{ "Compiled by", GAZ_CHROME_BYLINE },
	{ "contributed to this report", GAZ_CHROME_CONTRIBUTORS },
	{ "contributed reporting", GAZ_CHROME_CONTRIBUTORS },
	{ " reported from ", GAZ_CHROME_CONTRIBUTORS },
	{ " contributed.", GAZ_CHROME_CONTRIBUTORS_END },
	{ " covers ", GAZ_CHROME_COVERS }, { " has covered ", GAZ_CHROME_COVERS },
	{ " reporter", GAZ_CHROME_JOB }, { " editor", GAZ_CHROME_JOB },
	{ " correspondent", GAZ_CHROME_JOB }, { " writer", GAZ_CHROME_JOB },
	{ " columnist", GAZ_CHROME_JOB }, { " contributor", GAZ_CHROME_JOB },
	{ " journalist", GAZ_CHROME_JOB },
};

/* The index of phrase s in class c of h, or -1. */
static long chrome_find(const struct gazetteer *h, enum gaz_chrome c, const char *s)
{
	size_t n;
	const struct gaz_phrase *p = gaz_chrome(h, c, &n);
	for (size_t k = 0; k < n; k++)
		if (p[k].len == strlen(s) && memcmp(p[k].s, s, p[k].len) == 0)
			return (long)k;
	return -1;
}

/* Whether a line starting with byte b finds s among its class's phrases. */
static int chrome_from_finds(const struct gazetteer *h, enum gaz_chrome c, uint8_t b, const char *s)
{
	size_t n;
	const struct gaz_phrase *p = gaz_chrome_from(h, c, b, &n);
	for (size_t k = 0; k < n; k++)
		if (strcmp(p[k].s, s) == 0)
			return 1;
	return 0;
}

static void test_chrome_phrases(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(chrome_pinned); i++) {
		enum gaz_chrome c = chrome_pinned[i].cls;
		const char *s = chrome_pinned[i].s;
		if (chrome_find(&g, c, s) < 0)
			fail_msg("chrome.tsv: \"%s\" missing from class %d", s, (int)c);
		/* A line's start is matched folding ASCII case: a line opening
		 * with either case of the first byte finds the phrase. */
		if (c == GAZ_CHROME_LEAD || c == GAZ_CHROME_STAMP_LEAD || c == GAZ_CHROME_BYLINE) {
			uint8_t b = (uint8_t)s[0];
			if (!chrome_from_finds(&g, c, b, s) || !chrome_from_finds(&g, c, b ^ 0x20, s))
				fail_msg("chrome.tsv: \"%s\" not found by its first byte", s);
		}
	}
	/* The covers class is read in the list's order: "covers" first. */
	assert_true(chrome_find(&g, GAZ_CHROME_COVERS, " covers ")
		    < chrome_find(&g, GAZ_CHROME_COVERS, " has covered "));
	/* Classes matched inside a line have no key to search by. */
	size_t n;
	assert_null(gaz_chrome_from(&g, GAZ_CHROME_JOB, ' ', &n));
	assert_int_equal(n, 0);
	assert_null(gaz_chrome_from(&g, GAZ_CHROME_COUNT, 'P', &n));
	assert_int_equal(n, 0);
	assert_null(gaz_chrome(&g, GAZ_CHROME_COUNT, &n));
	assert_int_equal(n, 0);
	assert_null(gaz_chrome_from(&g, GAZ_CHROME_LEAD, 'q', &n));
	assert_int_equal(n, 0);
}

/* chrome.tsv's problems carry their file:line; "_" is a space. */
static void test_chrome_list(void **state)
{
	(void)state;
	static const struct {
		const char *text, *problem;
	} bad[] = {
		{ "Photo\tlead\nRead more\tleed\n", "chrome.tsv:2: unknown class \"leed\"" },
		{ "# header\nSign up\n", "chrome.tsv:2: no class for \"Sign up\"" },
		{ "\tcredit\n", "chrome.tsv:1: empty phrase of class \"credit\"" },
		{ "Photo\tlead\tcredit\n", "chrome.tsv:1: unknown class \"lead\tcredit\"" },
	};
	for (size_t i = 0; i < N(bad); i++) {
		struct gazetteer h;
		gaz_load_with(&h, "chrome.tsv", bad[i].text);
		assert_non_null(gaz_problem(&h));
		assert_string_equal(gaz_problem(&h), bad[i].problem);
		gaz_free(&h);
	}
	struct gazetteer h;
	gaz_load_with(&h, "chrome.tsv", "_reporter\tjob\nsee also\tlead\nShare_\tlead\nspam\tleed\n"
					"_has covered_\tcovers\n_covers_\tcovers\n");
	assert_string_equal(gaz_problem(&h), "chrome.tsv:4: unknown class \"leed\"");
	assert_int_equal(h.nchrome, 5);
	assert_true(chrome_find(&h, GAZ_CHROME_JOB, " reporter") == 0);
	assert_true(chrome_from_finds(&h, GAZ_CHROME_LEAD, 'S', "see also"));
	assert_true(chrome_from_finds(&h, GAZ_CHROME_LEAD, 's', "Share "));
	assert_false(chrome_from_finds(&h, GAZ_CHROME_LEAD, 'R', "see also"));
	/* The list's order, not the bytes', within a class. */
	assert_int_equal(chrome_find(&h, GAZ_CHROME_COVERS, " has covered "), 0);
	assert_int_equal(chrome_find(&h, GAZ_CHROME_COVERS, " covers "), 1);
	gaz_free(&h);
}

/* Only sovereign states are countries (rule A2; countries.tsv's header
 * gives the criterion): a territory is a place, with the state that holds
 * it, and its name, aliases and demonyms still find it. */
static void test_territories_are_places(void **state)
{
	(void)state;
	static const struct {
		const char *spelling, *id, *country;
		enum gaz_role role;
	} t[] = {
		{ "Hong Kong's", "hong-kong", "china", GAZ_NAME },
		{ "Macau", "macao", "china", GAZ_ALIAS },
		{ "Puerto Rico", "puerto-rico", "us", GAZ_NAME },
		{ "Puerto Rican", "puerto-rico", "us", GAZ_DEMONYM },
		{ "Greenlandic", "greenland", "denmark", GAZ_DEMONYM },
		{ "Bermudan", "bermuda", "uk", GAZ_DEMONYM },
		{ "Manx", "isle-of-man", "uk", GAZ_DEMONYM },
		{ "Western Sahara", "western-sahara", "", GAZ_NAME },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		size_t len;
		const struct gaz_spelling *sp = match(t[i].spelling, &len);
		if (!sp)
			fail_msg("\"%s\" not found", t[i].spelling);
		const struct gaz_entry *e = &g.entries[sp->entry];
		assert_string_equal(e->id, t[i].id);
		assert_int_equal(e->kind, KIND_PLACE);
		assert_string_equal(e->subkind, "territory");
		assert_string_equal(e->affiliation, t[i].country);
		assert_int_equal(sp->role, t[i].role);
	}
	/* Jersey keeps its mark: a US state's name before it, a garment. */
	long j = gaz_find_id(&g, "jersey");
	assert_true(j >= 0);
	assert_true(g.entries[j].ambiguous);
	/* The states the criterion keeps, the disputed ones included. */
	static const char *const states[] = { "taiwan", "kosovo", "palestine", "vatican-city",
					      "china", "denmark" };
	for (size_t i = 0; i < sizeof states / sizeof states[0]; i++) {
		long e = gaz_find_id(&g, states[i]);
		assert_true(e >= 0);
		assert_int_equal(g.entries[e].kind, KIND_COUNTRY);
	}
	size_t countries = 0;
	for (size_t i = 0; i < g.nentries; i++)
		countries += g.entries[i].kind == KIND_COUNTRY;
	assert_int_equal(countries, 193 + 2 + 2);
}

/* A bad places.tsv line is a problem with its file:line, and skipped. */
static void test_bad_place_lines(void **state)
{
	(void)state;
	static const struct {
		const char *text, *problem;
	} bad[] = {
		{ "x\tcity\tX\n\ny\ttown\tY\n", "places.tsv:3: unknown kind \"town\"" },
		{ "x\tcity\n", "places.tsv:1: no id, kind and name in \"x\"" },
		{ "x\tterritory\tX\t\tnarnia\tXian\n", "places.tsv:1: no country \"narnia\"" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct gazetteer h;
		gaz_load_with(&h, "places.tsv", bad[i].text);
		assert_non_null(gaz_problem(&h));
		assert_string_equal(gaz_problem(&h), bad[i].problem);
		size_t len;
		assert_null(gaz_match(&h, (const uint8_t *)"Xian", 4, &len));
		gaz_free(&h);
	}
	struct gazetteer h;
	gaz_load_with(&h, "places.tsv", "x\tterritory\tXland\t\tuk\tXian|Xlander\n");
	assert_null(gaz_problem(&h));
	size_t len;
	const struct gaz_spelling *sp = gaz_match(&h, (const uint8_t *)"Xlander", 7, &len);
	assert_non_null(sp);
	assert_int_equal(sp->role, GAZ_DEMONYM);
	assert_string_equal(h.entries[sp->entry].affiliation, "uk");
	gaz_free(&h);
}

static int setup(void **state)
{
	(void)state;
	gaz_load(&g);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	gaz_free(&g);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lists_load),
		cmocka_unit_test(test_lists_sorted),
		cmocka_unit_test(test_firstnames),
		cmocka_unit_test(test_common_with_marks),
		cmocka_unit_test(test_ids_unique_and_affiliations_known),
		cmocka_unit_test(test_leaders),
		cmocka_unit_test(test_longest_match_and_boundaries),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_word_classes),
		cmocka_unit_test(test_word_sets_keep_contexts),
		cmocka_unit_test(test_unknown_class_is_an_error),
		cmocka_unit_test(test_chrome_phrases),
		cmocka_unit_test(test_chrome_list),
		cmocka_unit_test(test_territories_are_places),
		cmocka_unit_test(test_bad_place_lines),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
