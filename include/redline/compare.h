/* compare.h - the comparison model: what every exporter and the viewer read.
 *
 * Built once from two loaded texts; read-only afterwards.  Holds both token
 * lists (pointing into the texts, which must outlive it) and the word diff
 * of the whole documents in the left document's order.
 */
#ifndef REDLINE_COMPARE_H
#define REDLINE_COMPARE_H

#include <stddef.h>

#include "redline/diff.h"
#include "redline/intern.h"
#include "redline/text.h"
#include "redline/token.h"

struct cmp_opt {
	unsigned keyopts; /* TOK_KEY_* */
	int minimal;      /* exact minimal word diff, no heuristics */
};

struct cmp {
	const struct text *left, *right;
	struct cmp_opt opt;
	struct intern *in;
	struct toklist lt, rt;
	struct dops ops; /* word diff of all of left against all of right */
};

/* Word counts (words and numbers; punctuation is not counted). */
struct cmp_stats {
	size_t words[2];   /* per side: 0 left, 1 right */
	size_t common[2];  /* in equal runs */
	size_t changed[2]; /* in a deletion replaced by an insertion */
	size_t deleted;    /* left words removed with nothing in their place */
	size_t inserted;   /* right words added where nothing was removed */
	size_t toks[2];    /* all tokens, punctuation included */
	size_t tok_del,
	        tok_ins; /* tokens deleted and inserted: the edit count */
};

/* Compare left with right into *c.  Returns 0, or -1 when memory ran out
 * (then *c holds nothing to free). */
int cmp_run(struct cmp *c, const struct text *left, const struct text *right,
            const struct cmp_opt *opt);

/* Release what *c owns (not the texts). */
void cmp_free(struct cmp *c);

/* 1 when the two texts differ under the comparison keys, else 0. */
int cmp_differs(const struct cmp *c);

/* Fill *st from c. */
void cmp_stats(const struct cmp *c, struct cmp_stats *st);

#endif
