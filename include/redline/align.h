/* align.h - pair the sentences of the two texts and classify every passage.
 *
 * Reads a model whose tokens and whole-document word diff are built
 * (compare.c calls it); fills its segments, blocks, block word diffs and
 * facts.  The method is described at the top of align.c.
 */
#ifndef REDLINE_ALIGN_H
#define REDLINE_ALIGN_H

#include "redline/compare.h"

/* Align c->lt with c->rt under c->opt.  Returns 0, CMP_ERR_MEMORY or
 * CMP_ERR_STEMMER (compare.h).  On failure the alignment
 * fields of c may hold partial results; cmp_free releases them. */
int align_run(struct cmp *c);

#endif
