/* Every user action, once: the enum, the names used in key files, the default
 * keys, the help screen and the man page's key section all come from here. */
#ifndef BRIEF_ACTIONS_H
#define BRIEF_ACTIONS_H

/* _(ID, "name", "default keys", "help text").  Keys are separated by spaces:
 * a character, ^X for control, or a name (Down, PgDn, Home, F1, Tab,
 * Shift-Tab, Enter, Space, Esc, Backspace): names as a reader knows the keys,
 * since the help screen, --keys and the man page print them as written. */
#define BRIEF_ACTIONS(_) \
	_(LINE_DOWN, "line-down", "j J Down ^N ^E e", "Down one line (N lines with a count); next row in a list") \
	_(LINE_UP, "line-up", "k K Up ^P ^Y y", "Up one line (N lines); previous row in a list") \
	_(ENTER, "enter", "Enter", "Down one line; in the panel select the entity; in the chart go to the source") \
	_(PAGE_DOWN, "page-down", "Space f z PgDn ^F ^V", "Down one page") \
	_(PAGE_UP, "page-up", "b w PgUp ^B", "Up one page") \
	_(HALF_DOWN, "half-down", "d ^D", "Down half a page") \
	_(HALF_UP, "half-up", "u ^U", "Up half a page") \
	_(TOP, "top", "g < Home", "Go to the top (line N with a count)") \
	_(BOTTOM, "bottom", "G > End", "Go to the end (line N with a count)") \
	_(PERCENT, "percent", "p %", "Go to N percent of the article") \
	_(NEXT_HIGHLIGHT, "next-highlight", "]", "Cursor to the next highlighted actor or figure") \
	_(PREV_HIGHLIGHT, "prev-highlight", "[", "Cursor to the previous highlighted actor or figure") \
	_(NEXT_MATCH, "next", "n", "Next search match, or next mention of the selected entity") \
	_(PREV_MATCH, "prev", "N", "Previous search match, or previous mention of the selected entity") \
	_(SEARCH_FORWARD, "search", "/", "Search forward (case ignored unless the pattern has a capital)") \
	_(SEARCH_BACKWARD, "search-back", "?", "Search backward") \
	_(SELECT_CURSOR, "select", "*", "Select the entity under the cursor") \
	_(INFO, "info", "i", "The card of the panel row's or the cursor's actor or figure, whole: name, kind, description, affiliation, aliases, meaning, mentions, the first one's sentence, what found it (Enter on the panel's selected row too)") \
	_(WHY, "why", "x", "Say in one line what found the panel row's or the cursor's actor or figure") \
	_(AUTO, "auto", "A", "Automatic actors in turn: none (with annotations), found automatically (sure and likely), the unsure ones too") \
	_(CLEAR, "clear", "Esc", "Clear the selection and search highlights") \
	_(OPTION, "option", "-", "Toggle an option, as in less: -i case ignored unless the pattern has a capital, or matched; -I case always ignored, or matched") \
	_(MARK, "mark", "m", "Mark the position with the next letter") \
	_(GOTO_MARK, "goto-mark", "'", "Go to the mark of the next letter ('' the previous position; '] '[ the next, previous note)") \
	_(COPY_SENTENCE, "copy", "C", "Copy the sentence (N sentences) with its citation; in the panel a card, in the chart a row") \
	_(COPY_PARAGRAPH, "copy-paragraph", "X", "Copy the paragraph (N paragraphs) with its citation") \
	_(NOTE, "note", "a", "Write a note on the sentence (an empty note removes it)") \
	_(FOCUS_NEXT, "focus-next", "Tab", "Move focus to the next pane") \
	_(FOCUS_PREV, "focus-prev", "Shift-Tab", "Move focus to the previous pane") \
	_(TOGGLE_PANEL, "toggle-panel", "s", "Show or hide the side panel (full-width reading)") \
	_(TOGGLE_COMPARE, "toggle-compare", "c", "Show or hide the comparison") \
	_(FILE_INFO, "file-info", "= ^G", "Show the file name, line, byte offset and its share of the file, where the screen ends, scan progress") \
	_(REDRAW, "redraw", "^L r ^R", "Redraw the screen") \
	_(HELP, "help", "h H F1", "Show this help") \
	_(QUIT, "quit", "q Q", "Quit")

enum action {
#define BRIEF_ACTION_ENUM(id, name, keys, help) ACT_##id,
	BRIEF_ACTIONS(BRIEF_ACTION_ENUM)
#undef BRIEF_ACTION_ENUM
	ACT_COUNT,
	ACT_NONE = ACT_COUNT
};

struct action_info {
	const char *name;
	const char *keys;
	const char *help;
};

extern const struct action_info action_table[ACT_COUNT];

/* Parse one key name ("j", "^N", "PgDn", "F1") to the code get_wch gives:
 * characters as themselves, special keys as KEY_* + KEYMAP_FN.  Returns -1 if
 * unknown.  Pure: the KEY_* values are passed in by the caller's table. */
struct keymap;
struct keymap *keymap_new(void);
void keymap_free(struct keymap *k);
/* Bind every default key of every action; returns 0 or -1 on a bad spec. */
int keymap_defaults(struct keymap *k);
/* key: a wide character (is_fn 0) or a curses KEY_* code (is_fn 1). */
enum action keymap_lookup(const struct keymap *k, int key, int is_fn);
int keymap_bind(struct keymap *k, const char *keyname, enum action a);
/* Write the keys of every action as a table, for the help screen. */
void keymap_help_lines(void (*line)(void *ctx, const char *keys, const char *help), void *ctx);

#endif
