/* anchor.c - the anchors of the alignment: sentences the two texts have
 * word for word, in the same order, paired before any candidate search.
 *
 * Each sentence becomes one id, the same for two sentences exactly when
 * their tokens' comparison keys are the same (so what the word diff would
 * leave unchanged: the case and white-space options apply); the two
 * sequences of sentence ids are then diffed like words (myers.h), and the
 * sentences the diff keeps are the anchors.  A sentence repeated many
 * times in both texts so pairs with the copy in its own stretch between
 * other anchors, not with the first copy that looks alike.
 */
#include <stdlib.h>

#include "redline/intern.h"
#include "redline/myers.h"
#include "stage.h"

/* Into id[0..sl->n): each sentence's id in in (a table of token-key
 * sequences).  0, or -1 when memory ran out. */
static int
sentence_ids(const struct toklist *tl, const struct seglist *sl,
             struct intern *in, uint32_t *id)
{
	for (size_t s = 0; s < sl->n; s++) {
		const struct seg *g = &sl->v[s];
		if (intern_id(in, (const char *)(tl->id + g->t0),
		              (size_t)(g->t1 - g->t0) * sizeof *tl->id,
		              &id[s]) < 0)
			return -1;
	}
	return 0;
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
	size_t nl = c->ls.n, nr = c->rs.n;
	struct intern *in = intern_new();
	uint32_t *a = malloc((nl + 1) * sizeof *a);
	uint32_t *b = malloc((nr + 1) * sizeof *b);
	unsigned char *del = malloc(nl + 1), *ins = malloc(nr + 1);
	struct myers *m = NULL;
	int rc = -1;

	if (!in || !a || !b || !del || !ins ||
	    sentence_ids(&c->lt, &c->ls, in, a) < 0 ||
	    sentence_ids(&c->rt, &c->rs, in, b) < 0)
		goto out;
	m = myers_new(intern_count(in));
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
	intern_free(in);
	free(a);
	free(b);
	free(del);
	free(ins);
	return rc;
}
