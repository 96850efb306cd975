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

/* One text as the alignment sees it: per token, its content id (a stem, or
 * -1 for stop words and punctuation) and its loose id (stop words too). */
struct alias_side {
	const struct text *t;
	const struct toklist *l;
	int32_t *cid, *lid;
};

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
