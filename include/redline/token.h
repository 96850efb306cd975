/* token.h - split a text into tokens with comparison keys.
 *
 * A token is a word, a number or one punctuation mark or symbol; white space
 * is not a token but is remembered as the number of line breaks before each
 * token.  Tokens point into the text's original bytes by offset and length,
 * so the text must outlive them.  The rules are written out at the top of
 * token.c and tested in tests/unit/test_token.c.
 */
#ifndef REDLINE_TOKEN_H
#define REDLINE_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "redline/intern.h"
#include "redline/text.h"

enum tok_kind {
	TOK_WORD,   /* letters, maybe with digits, marks, inner ' - . */
	TOK_NUMBER, /* starts with a digit: 1500, 1,500, 3.5, 9:30 */
	TOK_PUNCT,  /* one punctuation mark; a run of '.' or '-' is one token */
	TOK_SYMBOL, /* a symbol or emoji cluster */
	TOK_OTHER   /* control character, invalid byte, unassigned */
};

enum {
	TOK_F_UPPER = 1, /* starts with an uppercase or titlecase letter */
	TOK_F_WIDE = 2,  /* a two-column letter (CJK), one per token */
	TOK_F_DIGIT = 4, /* contains a digit */
	TOK_F_STOP = 8   /* punctuation that can end a sentence: . ! ? ... */
};

/* A token in 8 bytes.  Its length is slen when shorter than TOK_LONG
 * bytes; a token of TOK_LONG bytes or more (a run of 64 KiB with no white
 * space) has slen == TOK_LONG and its length in its list's side table.
 * So slen compares as the length against any bound below TOK_LONG (slen
 * == 1, slen >= sizeof buf); tok_len and tok_end give the exact length. */
#define TOK_LONG 0xFFFFu

struct tok {
	uint32_t off;       /* byte offset into text->buf */
	unsigned slen : 16; /* bytes, or TOK_LONG: see above */
	unsigned kind : 3;  /* enum tok_kind */
	unsigned flags : 4; /* TOK_F_* */
	unsigned space : 1; /* 1 if any white space precedes the token */
	unsigned nl : 8; /* line breaks in the white space before (max 255) */
};

/* The length of a long token (slen == TOK_LONG): its place and length. */
struct toklong {
	uint32_t i;   /* the token's index in its list */
	uint32_t len; /* its length in bytes (>= TOK_LONG) */
};

struct toklist {
	struct tok *v;
	uint32_t *id; /* id[i]: token i's interned comparison key (kept apart
	                 so the diff reads the ids as they are) */
	size_t n;
	size_t cap;
	struct toklong *lng; /* the long tokens, in the order of their index */
	size_t nlng;
	size_t lngcap;
};

/* The length in bytes of long token i of l (l->v[i].slen == TOK_LONG), from
 * the side table; tok_len is the one to call. */
size_t tok_long_len(const struct toklist *l, size_t i);

/* The length in bytes of token i (< l->n) of l. */
static inline size_t
tok_len(const struct toklist *l, size_t i)
{
	unsigned n = l->v[i].slen;
	return n < TOK_LONG ? n : tok_long_len(l, i);
}

/* The byte offset just past token i (< l->n) of l. */
static inline size_t
tok_end(const struct toklist *l, size_t i)
{
	return (size_t)l->v[i].off + tok_len(l, i);
}

/* Record token i of l, whose slen is TOK_LONG, as len bytes long in l's
 * side table, i being above every index recorded before: 0, or -1 when
 * memory ran out (l is then unchanged).  For code that builds a token list
 * out of another's tokens; tok_split records its own. */
int tok_set_long(struct toklist *l, size_t i, size_t len);

/* Key options (how tokens compare). */
enum {
	TOK_KEY_STRICT = 1, /* compare bytes as they are: no folding at all */
	TOK_KEY_ICASE = 2   /* Unicode full case folding */
};

/* Tokenize t into *out (which must be zeroed or released before), interning
 * each token's comparison key in in.  Returns 0, or -1 when memory ran out
 * (then *out is released).  Deterministic: same text, same tokens. */
int tok_split(const struct text *t, struct intern *in, unsigned keyopts,
              struct toklist *out);

/* *dst (its contents not released first) as a copy of src, sized
 * exactly: 0, or -1 when memory ran out (then *dst is empty). */
int tok_copy(struct toklist *dst, const struct toklist *src);

/* Release what *l owns; *l becomes empty. */
void tok_free(struct toklist *l);

/* Words (TOK_WORD and TOK_NUMBER: punctuation and symbols do not count)
 * among tokens [from, to) of l. */
size_t tok_words(const struct toklist *l, size_t from, size_t to);

#endif
