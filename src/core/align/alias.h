/* alias.h - other names of one thing, for the sentence alignment
 * (internal to src/core): the alias table (data/en/aliases.txt) and the
 * acronyms the two texts use.
 */
#ifndef REDLINE_ALIAS_H
#define REDLINE_ALIAS_H

#include <stddef.h>
#include <stdint.h>

#include "redline/intern.h"
#include "redline/text.h"
#include "redline/token.h"

/* One side's loose ids (stop words too, or -1), kept per comparison key:
 * a token's loose id is bykey[key[t]] but where compounds, values and
 * aliases gave it another (lid_put), kept in an exception table and
 * flagged by the token's bit of exc.  lid_of reads it.  Made by
 * lid_init, released by lid_free. */
struct lidexc {
	uint32_t t; /* token index + 1 (0: an empty slot) */
	int32_t id;
};
struct lidmap {
	const uint32_t *key; /* per token: its comparison key (toklist id) */
	int32_t *bykey;      /* per key: the loose id of a token holding it */
	unsigned char *exc;  /* per token, a bit: its id is in tab */
	struct lidexc *tab;  /* open addressing, cap a power of two */
	size_t cap, n;
	size_t nkeys;
};

/* m made for ntok tokens of keys key[0..ntok) (kept, not copied) and
 * nkeys keys, bykey left unset for the caller to fill, no exceptions.
 * 0, or -1 when memory ran out (m then safe to lid_free). */
int lid_init(struct lidmap *m, const uint32_t *key, size_t ntok, size_t nkeys);

/* Release what lid_init and lid_put took; m zeroed. */
void lid_free(struct lidmap *m);

/* The slot of tab (cap, a power of two, > 0) holding token t, or the
 * empty one where it would go. */
static inline size_t
lid_slot(const struct lidexc *tab, size_t cap, size_t t)
{
	size_t i = (size_t)((uint32_t)(t + 1) * 0x9E3779B1u) & (cap - 1);

	while (tab[i].t && tab[i].t != (uint32_t)(t + 1))
		i = (i + 1) & (cap - 1);
	return i;
}

/* Token t's loose id set to id: 0, or -1 when memory ran out (t's id
 * then unchanged). */
int lid_put(struct lidmap *m, size_t t, int32_t id);

/* Every loose id id >= 0 of the map, per key and exceptions, set to
 * canon[id]. */
void lid_map(struct lidmap *m, const int32_t *canon);

/* Token t's loose id, or -1. */
static inline int32_t
lid_of(const struct lidmap *m, size_t t)
{
	if ((m->exc[t >> 3] >> (t & 7)) & 1u)
		return m->tab[lid_slot(m->tab, m->cap, t)].id;
	return m->bykey[m->key[t]];
}

/* One text as the alignment sees it: per token, its loose id (lid) and a
 * bit of con, set for a content word, whose content id (a stem) is its
 * loose id; tok_cid and tok_set read and write the pair. */
struct alias_side {
	const struct text *t;
	const struct toklist *l;
	unsigned char *con;
	struct lidmap *lid;
};

/* Token t's content id: its loose id where its bit of con is set, else
 * -1. */
static inline int32_t
tok_cid(const unsigned char *con, const struct lidmap *lid, size_t t)
{
	return (con[t >> 3] >> (t & 7)) & 1u ? lid_of(lid, t) : -1;
}

/* Token t's content and loose ids both set to id (-1: neither): 0, or -1
 * when memory ran out. */
static inline int
tok_set(unsigned char *con, struct lidmap *lid, size_t t, int32_t id)
{
	unsigned char bit = (unsigned char)(1u << (t & 7));

	if (lid_put(lid, t, id) < 0)
		return -1;
	if (id >= 0)
		con[t >> 3] |= bit;
	else
		con[t >> 3] &= (unsigned char)~bit;
	return 0;
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
 * content word.  word gives the ids of the table's words, unless keys is
 * set: then the stemmer is English's and the table's words are taken as
 * the keys alias_key gives them for it, made when the program was built,
 * and interned in stems as they are (word still gives the connectors'
 * ids).  New ids are interned in stems.  With two set the sides are
 * worked on at once, the rewrite's on a second thread (word is called
 * before, on this one).  Returns 0, or -1 when memory ran out. */
int alias_apply(struct alias_side side[2], struct intern *stems,
                alias_word_fn word, void *ctx, int keys, int two);

#endif
