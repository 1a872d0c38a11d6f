/* Tokens of one line of text for the actor rules: words (word.h's words,
 * a possessive "'s" glued back on) and punctuation with
 * byte spans, their shape, sentence ends (sentence.h, tailored for news) and
 * the places where English
 * expects a capital anyway (sentence starts, after a colon or an opening
 * quote), and the line's class (running text, headline, all capitals).
 * Pure: no state beyond the struct; any valid UTF-8 is accepted. */
#ifndef BRIEF_TOKENS_H
#define BRIEF_TOKENS_H

#include <stddef.h>
#include <stdint.h>

enum tok_shape {
	TOK_LOWER,      /* a word starting lower-case: "the", "de-Americanization"; or
	                   of letters without case ("漢字"): no capital to go by */
	TOK_CAP,        /* starting with a capital, not all capitals: "Rubio", "McDonald" */
	TOK_UPPER,      /* two or more letters, all capitals: "US", "NATO", "FT" */
	TOK_DIGIT,      /* starting with a digit: "2025", "2+2" */
	TOK_WORD,       /* another word: a single capital "I", a lone caseless letter */
	TOK_PUNCT       /* anything else but white space, one break segment */
};

/* token flags */
#define TOKF_CAPEXP   0x01  /* a capital is expected here whatever the word */
#define TOKF_SENT_END 0x02  /* punctuation that ends a sentence */
#define TOKF_POSS     0x04  /* a word ending in 's or ’s (possessive or "is") */
#define TOKF_QUOTED   0x08  /* inside double quotes */

struct token {
	size_t start, end;          /* byte span in the text */
	uint8_t shape;              /* enum tok_shape */
	uint8_t flags;
	uint16_t sent;              /* sentence number within the line */
};

enum line_class { LINE_TEXT, LINE_HEADLINE, LINE_ALLCAPS };

struct tokens {
	struct token *v;            /* owned; grows */
	size_t n, cap;
	enum line_class cls;
	int prose;                  /* a sentence end or a lower-case function word
	                               ("the", "of"): running text, where a capital
	                               mid-sentence means a name (not a list, a
	                               heading or a table row) */
	char *brk;                  /* scratch for the break finder, owned */
	size_t brk_cap;
	char *sbrk;                 /* scratch for sentence breaks (sentence.h), owned */
	size_t sbrk_cap;
};

void tokens_init(struct tokens *t);
void tokens_free(struct tokens *t);
/* Tokenize text[start, end), one line without its LF, replacing what t held.
 * White space is not a token.  Offsets are into text. */
void tokens_line(struct tokens *t, const uint8_t *text, size_t start, size_t end);
/* Whether t->v[i] is the word w (bytes, case-sensitive). */
int tokens_is(const struct tokens *t, const uint8_t *text, size_t i, const char *w);
/* Length of a word token's text without a trailing 's / ’s when it has one. */
size_t tokens_base_len(const struct tokens *t, const uint8_t *text, size_t i);

const char *line_class_name(enum line_class c);   /* "text", "headline", "all-caps" */

#endif
