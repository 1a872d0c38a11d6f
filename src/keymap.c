/* Key bindings: default keys from the action table, lookup, help text. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "brief/actions.h"
#include "brief/util.h"

const struct action_info action_table[ACT_COUNT] = {
#define BRIEF_ACTION_INFO(id, name, keys, help) [ACT_##id] = { name, keys, help },
	BRIEF_ACTIONS(BRIEF_ACTION_INFO)
#undef BRIEF_ACTION_INFO
};

struct binding {
	int key;
	int is_fn;
	enum action action;
};

struct keymap {
	struct binding *v;
	size_t n, cap;
};

static const struct {
	const char *name;
	int key;
	int is_fn;
} key_names[] = {
	{ "Down", KEY_DOWN, 1 }, { "Up", KEY_UP, 1 }, { "Left", KEY_LEFT, 1 },
	{ "Right", KEY_RIGHT, 1 }, { "PgDn", KEY_NPAGE, 1 }, { "PgUp", KEY_PPAGE, 1 },
	{ "Home", KEY_HOME, 1 }, { "End", KEY_END, 1 }, { "Shift-Tab", KEY_BTAB, 1 },
	/* curses' own name for it, still understood */
	{ "BTab", KEY_BTAB, 1 },
	{ "Backspace", KEY_BACKSPACE, 1 }, { "F1", KEY_F(1), 1 },
	{ "Enter", '\n', 0 }, { "Tab", '\t', 0 }, { "Space", ' ', 0 }, { "Esc", 27, 0 },
};

struct keymap *keymap_new(void)
{
	return xcalloc(1, sizeof(struct keymap));
}

void keymap_free(struct keymap *k)
{
	if (!k)
		return;
	free(k->v);
	free(k);
}

static int parse_key(const char *s, int *key, int *is_fn)
{
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (strcmp(s, key_names[i].name) == 0) {
			*key = key_names[i].key;
			*is_fn = key_names[i].is_fn;
			return 0;
		}
	}
	*is_fn = 0;
	if (s[0] == '^' && s[1] && !s[2]) {
		*key = s[1] & 0x1f;
		return 0;
	}
	if (s[0] && !s[1] && (unsigned char)s[0] >= 0x20 && (unsigned char)s[0] < 0x7f) {
		*key = (unsigned char)s[0];
		return 0;
	}
	return -1;
}

int keymap_bind(struct keymap *k, const char *keyname, enum action a)
{
	int key, is_fn;
	if (parse_key(keyname, &key, &is_fn) != 0)
		return -1;
	for (size_t i = 0; i < k->n; i++) {
		if (k->v[i].key == key && k->v[i].is_fn == is_fn) {
			k->v[i].action = a;
			return 0;
		}
	}
	k->v = xgrowarray(k->v, &k->cap, k->n + 1, sizeof *k->v);
	k->v[k->n++] = (struct binding){ key, is_fn, a };
	return 0;
}

int keymap_defaults(struct keymap *k)
{
	for (int a = 0; a < ACT_COUNT; a++) {
		char *spec = xstrdup(action_table[a].keys);
		char *save = NULL;
		for (char *t = strtok_r(spec, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			if (keymap_bind(k, t, (enum action)a) != 0) {
				free(spec);
				return -1;
			}
		}
		free(spec);
	}
	/* Terminals disagree on what Enter sends: CR, LF or KEY_ENTER. */
	keymap_bind(k, "^M", ACT_ENTER);
	int key = KEY_ENTER;
	k->v = xgrowarray(k->v, &k->cap, k->n + 1, sizeof *k->v);
	k->v[k->n++] = (struct binding){ key, 1, ACT_ENTER };
	return 0;
}

enum action keymap_lookup(const struct keymap *k, int key, int is_fn)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->v[i].key == key && k->v[i].is_fn == is_fn)
			return k->v[i].action;
	return ACT_NONE;
}

void keymap_help_lines(void (*line)(void *ctx, const char *keys, const char *help), void *ctx)
{
	for (int a = 0; a < ACT_COUNT; a++)
		line(ctx, action_table[a].keys, action_table[a].help);
}
