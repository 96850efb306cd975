/* diff.h - word diff of two token ranges, as a list of operations.
 *
 * Runs myers.h over token ids, then tidies the script so that it reads as
 * phrases: change groups slide to sentence and word edges (keeps the script
 * minimal), and, when asked (DIFF_ABSORB, never with DIFF_MINIMAL), tiny
 * equal runs caught between two changes are absorbed into them
 * (DIFF_ABSORB_MAX).  The comparison asks for it inside passages, which are
 * read; not for the whole-text diff behind --export=wdiff and the edit
 * counts, which stays as close to the minimal script as it can.
 */
#ifndef REDLINE_DIFF_H
#define REDLINE_DIFF_H

#include <stddef.h>
#include <stdint.h>

#include "redline/myers.h"
#include "redline/token.h"

/* Heuristic that gives up minimality (DIFF_ABSORB only): an equal run of at
 * most DIFF_ABSORB_MAX tokens, with a change on each side at least
 * DIFF_ABSORB_RATIO times its length (deleted plus inserted tokens), becomes
 * part of the change.  So a lone "the" between two rewordings no longer
 * splits them in two, while "[-40-] {+45+} bridges" keeps its precise
 * one-word change. */
#define DIFF_ABSORB_MAX   1
#define DIFF_ABSORB_RATIO 4

/* Heuristic that gives up minimality (off under minimal): ranges with at
 * least this many tokens on each side are compared sentence by sentence
 * first, then word by word between the unchanged sentences (diff.c). */
#define DIFF_CHUNK_MIN 4096

enum dop_kind { DOP_EQUAL, DOP_DELETE, DOP_INSERT };

/* One operation over token index ranges.  EQUAL: a[a0..a1) matches
 * b[b0..b1) (same length).  DELETE: a[a0..a1) removed, b0 == b1 is where.
 * INSERT: b[b0..b1) added, a0 == a1 is where.  A DELETE and an INSERT at the
 * same place (a replacement) come in that order. */
struct dop {
	uint32_t a0, a1, b0, b1; /* the kind is what the ranges say: dop_kind */
};

/* The kind of o (enum dop_kind): a DELETE inserts nothing, an INSERT
 * deletes nothing, and an EQUAL (never empty) has both.  So an operation
 * takes 16 bytes, not 20 (and what the model keeps is coded smaller still:
 * struct dcode). */
static inline enum dop_kind
dop_kind(const struct dop *o)
{
	return o->b0 == o->b1   ? DOP_DELETE
	       : o->a0 == o->a1 ? DOP_INSERT
	                        : DOP_EQUAL;
}

struct dops {
	struct dop *v;
	size_t n, cap;
};

/* Word operations kept compactly (what the model keeps for its blocks and
 * passages): a byte string, each operation its kind and length in one
 * varying-length number (a byte or two for most), the positions recovered
 * by walking from a starting pair of token indices (struct dwalk).  An
 * operation that does not start where the one before it ended is preceded
 * by a jump, so any list of operations is kept exactly: dwalk_next gives
 * back the very operations dcode_put was given.  A walk is sequential; a
 * reader that needs them at random unpacks them (dcode_get). */
struct dcode {
	unsigned char *v;
	size_t n, cap; /* bytes */
};

/* Append v[0..n) to *out, coded from positions a in the first range and b
 * in the second (where a walk of them will start).  Returns 0, or -1 when
 * memory ran out (*out may hold part of them then). */
int dcode_put(struct dcode *out, const struct dop *v, size_t n, uint32_t a,
              uint32_t b);

/* A walk over coded operations (dwalk_init, then dwalk_next). */
struct dwalk {
	const unsigned char *p, *end;
	uint32_t a, b;
};

/* Start a walk over bytes code[k0..k1), put there by dcode_put from
 * positions a and b. */
void dwalk_init(struct dwalk *w, const unsigned char *code, size_t k0,
                size_t k1, uint32_t a, uint32_t b);

/* The next operation into *o and 1, or 0 when none is left.  (Inline:
 * every reader of a long pair's word diffs calls it once an operation.
 * The code is described at the top of src/core/diff.c; tag 3 is a
 * jump.) */
static inline int
dwalk_next(struct dwalk *w, struct dop *o)
{
	while (w->p < w->end) {
		unsigned char x = *w->p++;
		unsigned tag = x & 3;
		uint64_t v = (x >> 2) & 0x1f;
		for (unsigned sh = 5; x & 0x80; sh += 7) {
			x = *w->p++;
			v |= (uint64_t)(x & 0x7f) << sh;
		}
		if (tag == 3) {
			uint32_t d = (uint32_t)(v >> 2);
			uint32_t *at = v & 1 ? &w->b : &w->a;
			*at = v & 2 ? *at - d : *at + d;
			continue;
		}
		uint32_t len = (uint32_t)v;
		o->a0 = w->a;
		o->b0 = w->b;
		o->a1 = w->a += tag == DOP_INSERT ? 0 : len;
		o->b1 = w->b += tag == DOP_DELETE ? 0 : len;
		return 1;
	}
	return 0;
}

/* The operations the walk w has left into *out, replacing what it held
 * (w is at the end after).  Returns 0, or -1 when memory ran out (*out is
 * empty then, its room kept). */
int dcode_get(struct dops *out, struct dwalk *w);

/* The room of *c fitted to its bytes, once no more come. */
void dcode_fit(struct dcode *c);

/* Release what *c owns; *c becomes empty. */
void dcode_free(struct dcode *c);

/* How diff_tokens works. */
enum {
	DIFF_MINIMAL = 1, /* the smallest script: no heuristics at all */
	DIFF_ABSORB = 2   /* absorb lone equal words (ignored with minimal) */
};

/* Append to *out the operations turning a[a0..a1) into b[b0..b1), token
 * indices into la and lb, as flags (DIFF_*) ask.  m must have been made for
 * the interner's ids.  Returns 0, or -1 when memory ran out (*out keeps
 * what it had). */
int diff_tokens(struct myers *m, const struct toklist *la, size_t a0, size_t a1,
                const struct toklist *lb, size_t b0, size_t b1, unsigned flags,
                struct dops *out);

/* Release what *d owns; *d becomes empty. */
void dops_free(struct dops *d);

#endif
