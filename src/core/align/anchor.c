/* anchor.c - the anchors of the alignment: sentences the two texts have
 * word for word, in the same order, paired before any candidate search.
 *
 * Each sentence becomes one id, the same for two sentences exactly when
 * their tokens' comparison keys are the same (so what the word diff would
 * leave unchanged: the case and white-space options apply), from a table
 * of its own that compares sentences where they lie in the token lists.
 * The two sequences of sentence ids are then diffed like words (myers.h),
 * and the sentences the diff keeps are the anchors.  A sentence repeated many
 * times in both texts so pairs with the copy in its own stretch between
 * other anchors, not with the first copy that looks alike.
 */
#include <stdlib.h>
#include <string.h>

#include "redline/myers.h"
#include "stage.h"

/* The sentences of both texts told apart: an open-addressed table of
 * classes, each one sentence standing for all with its token ids, compared
 * in place in the token lists (no copy of a sentence's ids is kept: on a
 * long text that copy weighed as much as the ids themselves). */
struct sclass {
	uint32_t hash;
	uint32_t side_seg; /* the sentence standing for it: side in the top
	                      bit, its index below */
};

struct stable {
	const struct align_in *c;
	uint32_t *slot; /* class + 1, or 0: empty */
	size_t mask;
	struct sclass *cls;
	uint32_t ncls;
};

/* The token ids of sentence s of one side, and how many. */
static const uint32_t *
sentence_of(const struct align_in *c, int right, uint32_t s, size_t *n)
{
	const struct toklist *tl = right ? &c->rt : &c->lt;
	const struct seg *g = right ? &c->rs.v[s] : &c->ls.v[s];

	*n = g->t1 - g->t0;
	return tl->id + g->t0;
}

/* A hash of the ids v[0..n), two ids a step: each pair read as one 64-bit
 * word, mixed in by a multiply, its high half folded down after each step
 * so that the second id of a pair reaches the low bits the table reads.
 * Only the table's probes depend on it: sentences are told apart by their
 * ids (memcmp), so the classes are the same whatever it gives. */
static uint32_t
ids_hash(const uint32_t *v, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ n, w;
	size_t i = 0;

	for (; i + 2 <= n; i += 2) {
		memcpy(&w, v + i, sizeof w);
		h = (h ^ w) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
	}
	if (i < n) {
		h = (h ^ v[i]) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
	}
	return (uint32_t)h;
}

/* Into id[0..n): the class of each sentence of one side, a new class for
 * a sequence of token ids not seen before. */
static void
sentence_ids(struct stable *t, int right, uint32_t *id)
{
	size_t ns = right ? t->c->rs.n : t->c->ls.n;

	for (uint32_t s = 0; s < ns; s++) {
		size_t n, m;
		const uint32_t *v = sentence_of(t->c, right, s, &n);
		uint32_t h = ids_hash(v, n);
		size_t at = h & t->mask;
		for (;; at = (at + 1) & t->mask) {
			uint32_t k = t->slot[at];
			if (!k) {
				t->cls[t->ncls] = (struct sclass){
				        h, (uint32_t)right << 31 | s};
				t->slot[at] = ++t->ncls;
				id[s] = t->ncls - 1;
				break;
			}
			const struct sclass *e = &t->cls[k - 1];
			if (e->hash != h)
				continue;
			const uint32_t *w =
			        sentence_of(t->c, (int)(e->side_seg >> 31),
			                    e->side_seg & 0x7FFFFFFFu, &m);
			if (m == n && memcmp(v, w, n * sizeof *v) == 0) {
				id[s] = k - 1;
				break;
			}
		}
	}
}

/* The item after mark run [i, j) (or before it) that may take the run's
 * place: a kept one equal to the run's first (last) item. */
#define CAN_DOWN(i, j) ((j) < n && !mark[j] && id[i] == id[j])
#define CAN_UP(i, j)   ((i) > 0 && !mark[(i)-1] && id[(i)-1] == id[(j)-1])

/* Slide each run of marked (deleted or inserted) sentences of one side,
 * id[0..n), over the equal sentences around it (any position between is
 * as minimal) to where it starts a paragraph, if one does; else as far
 * down as it goes.  So a dropped paragraph of boilerplate and facts is
 * that paragraph, not its facts and the next paragraph's boilerplate. */
static void
compact(unsigned char *mark, const uint32_t *id, size_t n,
        const struct seglist *sl)
{
	for (size_t i = 0; i < n;) {
		if (!mark[i]) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && mark[j])
			j++;
		/* as far up as it goes, then down to a paragraph start */
		while (CAN_UP(i, j)) {
			mark[--i] = 1;
			mark[--j] = 0;
		}
		while (i > 0 && sl->v[i].para == sl->v[i - 1].para &&
		       CAN_DOWN(i, j)) {
			mark[i++] = 0;
			mark[j++] = 1;
		}
		i = j;
	}
}

int
anchor_pairs(const struct align_in *c, int32_t *pair)
{
	size_t nl = c->ls.n, nr = c->rs.n, ns = 1;
	uint32_t *a = malloc((nl + 1) * sizeof *a);
	uint32_t *b = malloc((nr + 1) * sizeof *b);
	unsigned char *del = malloc(nl + 1), *ins = malloc(nr + 1);
	struct myers *m = NULL;
	struct stable t = {c, NULL, 0, NULL, 0};
	int rc = -1;

	while (ns < 2 * (nl + nr))
		ns <<= 1;
	t.mask = ns - 1;
	t.slot = calloc(ns, sizeof *t.slot);
	t.cls = malloc((nl + nr + 1) * sizeof *t.cls);
	if (!a || !b || !del || !ins || !t.slot || !t.cls)
		goto out;
	sentence_ids(&t, 0, a);
	sentence_ids(&t, 1, b);
	free(t.slot);
	free(t.cls);
	t.slot = NULL;
	t.cls = NULL;
	m = myers_new(t.ncls);
	if (!m || myers_run(m, a, nl, b, nr, del, ins, 0) < 0)
		goto out;
	compact(del, a, nl, &c->ls);
	compact(ins, b, nr, &c->rs);
	for (size_t r = 0; r < nr; r++)
		pair[r] = -1;
	for (size_t o = 0, r = 0; o < nl && r < nr;) {
		if (del[o]) {
			o++;
		} else if (ins[r]) {
			r++;
		} else {
			pair[r++] = (int32_t)o++;
		}
	}
	rc = 0;
out:
	myers_free(m);
	free(t.slot);
	free(t.cls);
	free(a);
	free(b);
	free(del);
	free(ins);
	return rc;
}
