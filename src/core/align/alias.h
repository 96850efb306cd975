/* alias.h - other names of one thing, for the sentence alignment
 * (internal to src/core): the alias table (data/en/aliases.txt) and the
 * acronyms the two texts use.
 */
#ifndef REDLINE_ALIAS_H
#define REDLINE_ALIAS_H

#include <stdint.h>

#include "redline/intern.h"
#include "redline/text.h"
#include "redline/token.h"

/* One text as the alignment sees it: per token, its loose id (stop words
 * too, or -1) and a bit of con, set for a content word, whose content id
 * (a stem) is its loose id; tok_cid and tok_set read and write the
 * pair. */
struct alias_side {
	const struct text *t;
	const struct toklist *l;
	unsigned char *con;
	int32_t *lid;
};

/* Token t's content id: its loose id lid[t] where its bit of con is set,
 * else -1. */
static inline int32_t
tok_cid(const unsigned char *con, const int32_t *lid, size_t t)
{
	return (con[t >> 3] >> (t & 7)) & 1u ? lid[t] : -1;
}

/* Token t's content and loose ids both set to id (-1: neither). */
static inline void
tok_set(unsigned char *con, int32_t *lid, size_t t, int32_t id)
{
	unsigned char bit = (unsigned char)(1u << (t & 7));

	lid[t] = id;
	if (id >= 0)
		con[t >> 3] |= bit;
	else
		con[t >> 3] &= (unsigned char)~bit;
}

/* The loose id of one folded word, as the alignment gives it to a token
 * holding that word: 0 and *id, or -1 when memory ran out. */
typedef int (*alias_word_fn)(void *ctx, const char *w, size_t n, int32_t *id);

/* Make the names of one thing one word on both sides: every run of
 * tokens spelling a name of the alias table, an acronym (two to six
 * capitals) found in either text, or a run of capitalised words whose
 * initials spell such an acronym ("People's Republic of China", PRC;
 * "of", "the", "and" inside the run are skipped), gets one id on its first
 * token (content and loose) and none on the others.  A run starts at a
 * content word.  word gives the ids of the table's words; new ids are
 * interned in stems.  Returns 0, or -1 when memory ran out. */
int alias_apply(struct alias_side side[2], struct intern *stems,
                alias_word_fn word, void *ctx);

#endif
