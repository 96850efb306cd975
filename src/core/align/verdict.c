/* verdict.c - the learned verdict on the links (step 4, last): whether
 * each rewrite sentence the linking rules judged has a counterpart,
 * given the features of its heaviest candidate, by a logistic regression
 * trained on the tuning set of the labelled pairs (tests/eval/learn.py
 * writes its coefficients into linkmodel.h).
 */
#include <math.h>
#include <stdlib.h>

#include "redline/grow.h"

#include "linkmodel.h"
#include "stage.h"

/* The model overrules the rules only when its probability is this far
 * past 0.5 the other way: chosen on the tuning set left one pair out
 * (tests/eval/learn.py prints the table; tests/eval/README.md). */
#define VERDICT_MARGIN 0.1

/* The model is fitted on documents (the labelled pairs have three
 * sentences a side or more); on a shorter text its features of context
 * (neighbours, order, the head) tell nothing, and the rules decide
 * alone: two sentences compared with two keep the rules' links. */
#define VERDICT_MIN_SEGMENTS 3

/* The features of rewrite segment r against its candidate m (the one
 * sharing the most weight), from the links the rules made (prim: each
 * rewrite segment's source; nlink: per official segment, how many link
 * to it, counted to 2; before, after: the source of the nearest linked segment
 * before and after r, or -1), into f[LM_NFEAT]. */
static void
features(const struct ctx *x, size_t r, const struct cand *m, double second,
         int best, const unsigned char *nlink, long before, long after,
         size_t head, double *f)
{
	const struct vec *rv = &x->w->rv[r], *ov = &x->w->lv[m->o];
	const struct seglist *rs = &x->c->rs, *ls = &x->c->ls;
	size_t nw, np;
	double Wr = rv->W > 0 ? rv->W : 1e-9;
	double covr = m->w / Wr, covo = ov->W > 0 ? m->w / ov->W : 0;
	long o = (long)m->o;
	int self = x->lw->prim[r] == (int32_t)m->o;

	shared_n(x, ov, rv, &nw, &np);
	f[LM_COVR] = covr;
	f[LM_COVO] = covo;
	f[LM_COVMIN] = covr < covo ? covr : covo;
	f[LM_SECOND] = second / Wr;
	f[LM_PLAIN] = (double)np;
	f[LM_NAMES] = (double)(nw - np);
	f[LM_LOGWR] = log1p(rv->W);
	f[LM_LOGWO] = log1p(ov->W);
	f[LM_HEADER] = x->lw->header[m->o] != 0;
	f[LM_TAKEN] = nlink[m->o] > self;
	f[LM_ORDER] = before <= o && (after < 0 || o <= after);
	f[LM_NEIGH] = ((r > 0 && x->lw->prim[r - 1] >= 0) +
	               (r + 1 < rs->n && x->lw->prim[r + 1] >= 0)) /
	              2.0;
	f[LM_TITLE] = title_line(x, r);
	f[LM_LOGTOK] = log1p((double)(rs->v[r].t1 - rs->v[r].t0));
	f[LM_BEST] = best;
	f[LM_HEAD] = r < head;
	f[LM_HEAD_TITLED] = r < head && ls->n > 0 && x->lw->header[0];
	/* the share of its weight in stems the official text never has,
	 * numbers and values aside (a changed figure is a finding of a
	 * sentence kept, not a sign of one added) */
	double novel = 0;
	for (size_t i = 0; i < rv->n; i++) {
		struct ent q = ent_at(x->w, rv->off + i);
		if (!x->w->in_left[q.cid] && !x->w->numeric[q.cid])
			novel += x->w->idf[q.cid] * q.cnt;
	}
	f[LM_NOVEL] = novel / Wr;
}

/* The probability the model gives f. */
static double
probability(const double *f)
{
	double z = lm_bias;
	for (size_t i = 0; i < LM_NFEAT; i++)
		z += lm_weight[i] * f[i];
	return 1 / (1 + exp(-z));
}

/* A rewrite segment whose link the model turns over: r linked to o (-1:
 * to nothing).  The link's weight is worked out where it is read
 * (links.c, link_weight). */
struct flip {
	uint32_t r;
	int32_t o;
};

/* The flips, kept aside while the rules' links are read (few: a list,
 * not a copy of the links). */
struct flips {
	struct flip *v;
	size_t n, cap;
};

static int
flip_push(struct flips *fl, size_t r, int32_t o)
{
	struct flip *nv =
	        grow_array(fl->v, &fl->cap, fl->n + 1, sizeof *nv, 64);
	if (!nv)
		return -1;
	fl->v = nv;
	fl->v[fl->n++] = (struct flip){(uint32_t)r, o};
	return 0;
}

/* The source of the nearest linked rewrite segment before r, or -1, for
 * r going down from the last: *at is the segment last found (nr at
 * first), moved down only. */
static long
linked_before(const struct ctx *x, size_t r, size_t *at)
{
	if (*at >= r)
		for (*at = r; *at > 0 && x->lw->prim[*at - 1] < 0; --*at)
			;
	return *at > 0 ? x->lw->prim[*at - 1] : -1;
}

/* The flips made over to the links (prim) and linked (1 for an
 * official segment that is a source), and the merges into a segment
 * linked to nothing now undone. */
static void
apply_flips(struct ctx *x, const struct flips *fl, unsigned char *linked)
{
	size_t nr = x->c->rs.n, no = x->c->ls.n;

	for (size_t i = 0; i < fl->n; i++)
		x->lw->prim[fl->v[i].r] = fl->v[i].o;
	for (size_t o = 0; o < no; o++)
		linked[o] = 0;
	for (size_t r = 0; r < nr; r++)
		if (x->lw->prim[r] >= 0)
			linked[x->lw->prim[r]] = 1;
	/* an official segment merged into a rewrite segment linked to
	 * nothing now is merged into nothing */
	for (size_t o = 0; o < no; o++)
		if (x->lw->sec[o] >= 0 && x->lw->prim[x->lw->sec[o]] < 0)
			x->lw->sec[o] = -1;
}

/* Rewrite segment r's heaviest candidate (the first of the heaviest)
 * and the weight of the next heaviest into *second. */
static struct cand
heaviest(const struct ctx *x, size_t r, double *second)
{
	size_t g = x->lw->cstart[r], e = x->lw->cstart[r + 1];
	struct cand top = cand_at(x, r, g);

	*second = 0;
	for (size_t k = g + 1; k < e; k++) {
		struct cand q = cand_at(x, r, k);
		if (q.w > top.w) {
			*second = top.w;
			top = q;
		} else if (q.w > *second) {
			*second = q.w;
		}
	}
	return top;
}

int
link_verdict(struct ctx *x, const unsigned char *best, unsigned char *linked)
{
	size_t nr = x->c->rs.n, no = x->c->ls.n;
	/* per official segment, the links to it, counted to 2 (the features
	 * ask only whether another than r's own links to it) */
	unsigned char *nlink = calloc(no + 1, 1);
	struct flips fl = {0};
	int rc = -1;

	if (!nlink)
		goto out;
	/* a text too short for the model: the loop below judges nothing,
	 * and the rules' links stand (VERDICT_MIN_SEGMENTS) */
	int judge = nr >= VERDICT_MIN_SEGMENTS && no >= VERDICT_MIN_SEGMENTS;
	for (size_t r = 0; r < nr; r++)
		if (x->lw->prim[r] >= 0 && nlink[x->lw->prim[r]] < 2)
			nlink[x->lw->prim[r]]++;
	/* the rewrite's head: the title lines before its first sentence
	 * (all of a text of lines: the model knows no better there) */
	size_t head = 0;
	while (head < nr && title_line(x, head))
		head++;
	long after = -1;
	size_t at = nr;
	/* from the last rewrite segment back (after: the source of the
	 * nearest linked one after r); its candidates co[g, e).  The links
	 * read are the rules' throughout: the flips wait in fl */
	for (size_t r = judge ? nr : 0; r-- > 0;) {
		size_t g = x->lw->cstart[r], e = x->lw->cstart[r + 1];
		int32_t to = x->lw->prim[r];
		if (g < e && (to < 0 || best[r]) && x->lw->anchor[r] < 0 &&
		    !x->lw->restate[r]) {
			double second, f[LM_NFEAT];
			struct cand top = heaviest(x, r, &second);
			const struct cand *m = &top;
			features(x, r, m, second, best[r], nlink,
			         linked_before(x, r, &at), after, head, f);
			double p = probability(f);
			int flip = to < 0 ? p >= 0.5 + VERDICT_MARGIN
			                  : p < 0.5 - VERDICT_MARGIN;
			/* furniture, captions and repeated lines are not
			 * judged: asked only where it matters (repeats
			 * looks far back) */
			if ((flip || x->c->opt.link_trace) &&
			    !furniture_line(x, r) && !caption_line(x, r) &&
			    !repeats(x, r)) {
				if (x->c->opt.link_trace) {
					size_t b0, b1;
					seg_bytes(&x->c->rs, &x->c->rt, r,
					          r + 1, &b0, &b1);
					x->c->opt.link_trace(
					        x->c->opt.trace_arg, b0, b1,
					        x->lw->prim[r] >= 0, p, f,
					        LM_NFEAT);
				}
				if (flip &&
				    flip_push(&fl, r,
				              to < 0 ? (int32_t)m->o : -1) < 0)
					goto out;
			}
		}
		if (x->lw->prim[r] >= 0)
			after = x->lw->prim[r];
	}
	apply_flips(x, &fl, linked);
	rc = 0;
out:
	free(nlink);
	free(fl.v);
	return rc;
}
