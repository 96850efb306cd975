/* links.c - stages 3 to 6 of the sentence alignment (align.c): the
 * candidate sources of each rewrite sentence, the links among them (splits
 * and merges), the blocks they make, and which blocks moved.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "redline/grow.h"
#include "redline/lexicon.h"
#include "redline/stem.h"
#include "redline/uni.h"
#include "redline/value.h"
#include "../spawn.h"
#include "stage.h"

/* ---- 3. candidates --------------------------------------------------- */

/* With at least this many rewrite segments to search for (those no
 * anchor pairs), the later half of them are searched on a second thread
 * (unless c->opt.threads is 1); the omissions' own search and the
 * candidates' weights likewise.  A search costs some 9,000 to 11,000
 * instructions (a few microseconds) on the generated pairs and on
 * KJV/WEB, so half of this many is a millisecond or more of work moved,
 * against a thread's start of some tens of microseconds.  The
 * 100,000-word pairs at 50 % and unrelated (some 1,900 and 4,400
 * searches) gain 3 and 6 % in time; the 10,000-word pairs (some 450)
 * stay on one thread. */
#define CAND_THREAD_MIN 1024

/* Does segment o of a side (its vectors vs) rank above p as a counterpart
 * of a segment of the other side expected near position est?  Higher
 * estimated shared weight (acc) first; on equal weight, the lighter
 * sentence, then the one nearer to est. */
static inline int
outranks(const struct vec *vs, const double *acc, uint32_t o, uint32_t p,
         double est)
{
	double d = acc[o] - acc[p];
	if (d > 1e-9 || d < -1e-9)
		return d > 0;
	/* the one with less besides (a copy before a longer sentence that
	 * contains it), then the one nearer */
	d = vs[o].W - vs[p].W;
	if (d > 1e-9 || d < -1e-9)
		return d < 0;
	return fabs((double)o - est) < fabs((double)p - est);
}

/* The first index in [lo, hi) of v (increasing) whose entry is at or
 * after position est, or hi when none is. */
static size_t
first_from(const uint32_t *v, size_t lo, size_t hi, double est)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((double)v[mid] < est)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Narrow the posting range [*p0, *p1) (sentences in increasing order) to
 * the POSTING_WINDOW entries nearest position est. */
static void
window(const uint32_t *post, size_t *p0, size_t *p1, double est)
{
	size_t hi = *p1, half = POSTING_WINDOW / 2;
	size_t lo = first_from(post, *p0, hi, est);
	lo = lo - *p0 > half ? lo - half : *p0;
	hi = *p1 - lo > POSTING_WINDOW ? lo + POSTING_WINDOW : *p1;
	if (hi - lo < POSTING_WINDOW && *p1 - *p0 >= POSTING_WINDOW)
		lo = hi - POSTING_WINDOW;
	*p0 = lo;
	*p1 = hi;
}

/* Insert each of the segments v[0..n) of one side (its vectors vs), in
 * turn, into best[0..*nbest) (at most CANDIDATES, ordered by outranks:
 * one that outranks none of a full list is dropped, one that does pushes
 * the last out).  This is the selection itself; pick_best only leaves out
 * what cannot change it. */
static void
insert_best(const struct vec *vs, const double *acc, const uint32_t *v,
            size_t n, double est, uint32_t *best, size_t *nbest)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t o = v[i];
		size_t k = *nbest < CANDIDATES ? (*nbest)++ : CANDIDATES;
		if (k == CANDIDATES) {
			if (!outranks(vs, acc, o, best[CANDIDATES - 1], est))
				continue;
			k = CANDIDATES - 1;
		}
		while (k > 0 && outranks(vs, acc, o, best[k - 1], est)) {
			best[k] = best[k - 1];
			k--;
		}
		best[k] = o;
	}
}

/* Value a into top[0..*nt), the cap (1 to CANDIDATES) smallest seen so
 * far in increasing order (a larger one than all of a full list is
 * dropped). */
static inline void
top_push(double *top, size_t *nt, size_t cap, double a)
{
	size_t k;

	if (*nt < cap)
		k = (*nt)++;
	else if (a < top[cap - 1])
		k = cap - 1;
	else
		return;
	while (k > 0 && top[k - 1] > a) {
		top[k] = top[k - 1];
		k--;
	}
	top[k] = a;
}

/* top_push of value a m times over (m >= 1): the same list, each copy
 * placed at once.  Copies go in after the values equal to them, as
 * top_push puts them, and equal values are the same double, so the list
 * reads the same whatever their order. */
static inline void
top_push_n(double *top, size_t *nt, size_t cap, double a, size_t m)
{
	size_t k = *nt;

	if (k == cap && !(a < top[cap - 1]))
		return;
	while (k > 0 && top[k - 1] > a)
		k--;
	/* a goes in at k..k+m-1; what was from k moves up by m, up to
	 * the cap */
	size_t keep = *nt + m > cap ? cap : *nt + m;
	size_t put = keep - k < m ? keep - k : m;
	for (size_t j = keep; j-- > k + put;)
		top[j] = top[j - put];
	for (size_t j = k; j < k + put; j++)
		top[j] = a;
	*nt = keep;
}

/* outranks' three keys of segment o (its side's vectors vs), the smaller
 * the better: the estimate (negated; first_key's), the weight (level 1),
 * the distance from est (level 2); the tolerance within which two are
 * equal is KEY_EPS of the first two. */
#define KEY_EPS 1e-9
static inline double
key_of(const struct vec *vs, uint32_t o, double est, int level)
{
	return level == 1 ? vs[o].W : fabs((double)o - est);
}

/* What first_key leaves besides the entries it keeps: the largest key
 * kept (hi_kept) and the smallest left out (lo_out); how many of those
 * kept are sure of their place by the first key (better, their tie flag
 * 0) and whether the order among the rest is not sure (stop): as the
 * narrowing by the first key in pick_best would leave them. */
struct first {
	double hi_kept, lo_out;
	size_t better;
	int stop;
};

/* Estimate a into kth_key's list top[0..*nt) (full) when above floor,
 * the CANDIDATES-th largest estimate so far; the new floor. */
static inline double
kth_push(double *top, size_t *nt, double a, double floor)
{
	if (!(a > floor))
		return floor;
	top_push(top, nt, CANDIDATES, -a);
	return -top[CANDIDATES - 1];
}

/* The CANDIDATES-th smallest first key of outranks (the negated estimate)
 * over t[0..n) (n >= CANDIDATES), each estimate copied into val (in t's
 * order) and set back to 0 in acc as it is read: the sifting reads val in
 * order, not acc at random.  The estimates are read four a step, and only
 * one above the CANDIDATES-th largest so far goes into the list.  The
 * list keeps the CANDIDATES smallest keys whatever the order they come in,
 * so the answer is that of one entry at a time. */
static double
kth_key(double *acc, const uint32_t *t, size_t n, double *val)
{
	double top[CANDIDATES], floor;
	size_t ntop = 0, i;

	for (i = 0; i < CANDIDATES; i++) {
		val[i] = acc[t[i]];
		acc[t[i]] = 0;
		top_push(top, &ntop, CANDIDATES, -val[i]);
	}
	floor = -top[CANDIDATES - 1];
	for (; i + 3 < n; i += 4) {
		uint32_t o = t[i], p = t[i + 1], q = t[i + 2], u = t[i + 3];
		double a = acc[o], b = acc[p], c = acc[q], d = acc[u];
		val[i] = a;
		val[i + 1] = b;
		val[i + 2] = c;
		val[i + 3] = d;
		acc[o] = 0;
		acc[p] = 0;
		acc[q] = 0;
		acc[u] = 0;
		double ab = a > b ? a : b, cd = c > d ? c : d;
		if (!((ab > cd ? ab : cd) > floor))
			continue;
		floor = kth_push(top, &ntop, a, floor);
		floor = kth_push(top, &ntop, b, floor);
		floor = kth_push(top, &ntop, c, floor);
		floor = kth_push(top, &ntop, d, floor);
	}
	for (; i < n; i++) {
		double a = acc[t[i]];
		val[i] = a;
		acc[t[i]] = 0;
		floor = kth_push(top, &ntop, a, floor);
	}
	return top[CANDIDATES - 1];
}

/* What first_key's sifting knows so far, in estimates (the keys
 * negated): the bounds the entry kept at or above keep_from, sure of its
 * place above sure_above; the largest estimate left out (out_hi), the
 * smallest kept (kept_lo), the smallest sure one (sure_lo), the largest
 * and smallest tied (tie_hi, tie_lo); into v and tie the m kept so far,
 * better of them sure. */
struct sift {
	double keep_from, sure_above;
	double out_hi, kept_lo, sure_lo, tie_hi, tie_lo;
	uint32_t *v;
	unsigned char *tie;
	size_t m, better;
};

/* A sift against the CANDIDATES-th smallest key kth (its rounding
 * KEY_EPS either way), nothing sifted yet, into v and tie. */
static inline struct sift
sift_start(double kth, uint32_t *v, unsigned char *tie)
{
	return (struct sift){.keep_from = -(kth + KEY_EPS),
	                     .sure_above = -(kth - KEY_EPS),
	                     .out_hi = -HUGE_VAL,
	                     .kept_lo = HUGE_VAL,
	                     .sure_lo = HUGE_VAL,
	                     .tie_hi = -HUGE_VAL,
	                     .tie_lo = HUGE_VAL,
	                     .v = v,
	                     .tie = tie};
}

/* Sift official segment o, its estimate a, into *s: kept (a put back
 * into acc[o], which kth_key set to 0) or left out. */
static inline void
sift_one(struct sift *s, double *acc, uint32_t o, double a)
{
	if (!(a >= s->keep_from)) {
		s->out_hi = a > s->out_hi ? a : s->out_hi;
		return;
	}
	acc[o] = a;
	s->v[s->m] = o;
	s->tie[s->m++] = !(a > s->sure_above);
	s->kept_lo = a < s->kept_lo ? a : s->kept_lo;
	if (a > s->sure_above) {
		s->better++;
		s->sure_lo = a < s->sure_lo ? a : s->sure_lo;
		return;
	}
	s->tie_hi = a > s->tie_hi ? a : s->tie_hi;
	s->tie_lo = a < s->tie_lo ? a : s->tie_lo;
}

/* The first key's outcome of sift s into *f (first_key's contract), and
 * the number of entries kept.  Back to keys: the largest estimate is the
 * smallest key. */
static size_t
sift_end(const struct sift *s, struct first *f)
{
	double hi_sure = -s->sure_lo, lo_tie = -s->tie_hi, hi_tie = -s->tie_lo;
	f->hi_kept = -s->kept_lo;
	f->lo_out = -s->out_hi;
	f->better = s->better;
	f->stop = !(hi_tie - lo_tie <= KEY_EPS) ||
	          (hi_sure > -HUGE_VAL && !(lo_tie - hi_sure > KEY_EPS));
	return s->m;
}

/* The first key of outranks (the negated estimate) over t[0..n) (n >
 * 2 * CANDIDATES): into v, in t's order, the entries within KEY_EPS of
 * the CANDIDATES-th smallest key (kth, kth_key) or below it, their number
 * returned, their tie flags into tie and the rest into *f, as the
 * narrowing by the first key in pick_best would leave them: the ones
 * below the kth by more than the tolerance are sure of their place (tie
 * 0), the others tie.  acc is 0 after over t but for the entries kept
 * (kth_key sets it back to 0 as it reads each estimate into val, n
 * entries of scratch; the sifting puts the kept ones' back).  The keys
 * are compared as estimates (a key k is at most r when its estimate is at
 * least -r: the negation is exact).  Four entries a step: most are left
 * out, all at once (their largest against the bound: the estimates are
 * never NaN nor -0). */
static size_t
first_key(double *acc, const uint32_t *t, size_t n, uint32_t *v,
          unsigned char *tie, double *val, struct first *f)
{
	double kth = kth_key(acc, t, n, val);
	struct sift s = sift_start(kth, v, tie);
	size_t i;

	for (i = 0; i + 3 < n; i += 4) {
		double a = val[i], b = val[i + 1], c = val[i + 2],
		       d = val[i + 3];
		double ab = a > b ? a : b, cd = c > d ? c : d,
		       m = ab > cd ? ab : cd;
		if (!(m >= s.keep_from)) {
			s.out_hi = s.out_hi > m ? s.out_hi : m;
			continue;
		}
		sift_one(&s, acc, t[i], a);
		sift_one(&s, acc, t[i + 1], b);
		sift_one(&s, acc, t[i + 2], c);
		sift_one(&s, acc, t[i + 3], d);
	}
	for (; i < n; i++)
		sift_one(&s, acc, t[i], val[i]);
	return sift_end(&s, f);
}

/* The later keys of outranks (level 1: the weight, 2: the distance from
 * est) over the kept official segments v[0..nv), better of them sure of
 * their place (tie 0), the rest tied on the keys before: as pick_best
 * describes, each key narrows the tied ones to those that can still make
 * the list; the estimate of each one left out is set back to 0.  The
 * number left in v; *last is set to 1 when the last key's narrowing ran
 * (those tied on it that were left out: every one farther from est than
 * the (CANDIDATES - better)-th nearest of them), else left as it is. */
static size_t
later_keys(const struct vec *vs, double *acc, uint32_t *v, size_t nv,
           unsigned char *tie, double *key, double est, size_t better,
           int *last)
{
	double top[CANDIDATES], hi_kept, lo_out, kth;
	size_t ntop;

	for (int level = 1; level < 3; level++) {
		double eps = level < 2 ? KEY_EPS : 0;
		size_t need = CANDIDATES - better, ntied = nv - better;
		if (ntied <= need)
			break;
		ntop = 0;
		for (size_t i = 0; i < nv; i++) {
			key[i] = tie[i] ? key_of(vs, v[i], est, level)
			                : -HUGE_VAL;
			if (tie[i])
				top_push(top, &ntop, need, key[i]);
		}
		kth = top[need - 1];
		/* the tied ones within the tolerance of the kth or below */
		hi_kept = -HUGE_VAL;
		lo_out = HUGE_VAL;
		for (size_t i = 0; i < nv; i++) {
			double k = key[i];
			if (k <= kth + eps) {
				if (tie[i] && k > hi_kept)
					hi_kept = k;
			} else if (k < lo_out) {
				lo_out = k;
			}
		}
		if (!(lo_out - hi_kept > eps))
			break; /* too close to leave any out */
		if (level == 2)
			*last = 1;
		size_t m = 0;
		double hi_sure = -HUGE_VAL, lo_tie = HUGE_VAL,
		       hi_tie = -HUGE_VAL;
		for (size_t i = 0; i < nv; i++) {
			double k = key[i];
			if (k > kth + eps) {
				acc[v[i]] = 0;
				continue; /* left out */
			}
			v[m] = v[i];
			tie[m] = tie[i];
			if (tie[i] && k < kth - eps) {
				tie[m] = 0;
				better++;
				if (k > hi_sure)
					hi_sure = k;
			} else if (tie[i]) {
				if (k < lo_tie)
					lo_tie = k;
				if (k > hi_tie)
					hi_tie = k;
			}
			m++;
		}
		nv = m;
		if (!(hi_tie - lo_tie <= eps) ||
		    (hi_sure > -HUGE_VAL && !(lo_tie - hi_sure > eps)))
			break; /* the order within is not sure: as it is */
	}
	return nv;
}

/* The best CANDIDATES of the touched segments t[0..n) of one side (its
 * vectors vs: the official side for candidates, the rewrite side for
 * reverse_candidates) into best (their number returned), exactly as
 * insert_best over all of t gives them; v, tie and key are scratch of n
 * entries each.  Most of t share a
 * common word or two with the rewrite segment and stand far below the
 * best, or tie with many others (copies of one sentence); insert_best
 * meets each with one to three comparisons.  So, key by key of outranks,
 * those tied so far are narrowed to the ones that can still make the
 * list: the (CANDIDATES - better)-th smallest key among them is found,
 * and those above it by more than the tolerance are left out; the ones
 * below it by more are sure of their place (better), the rest tie on to
 * the next key.  An entry is left out only when every entry kept outranks
 * it (a gap wider than the tolerance), so it stays below all of them in
 * insert_best's list, which they fill: the kept ones come out as they do
 * from all of t.  Where values are too close for that, the narrowing
 * stops and insert_best runs on what is kept so far.  The first key is
 * done by first_key, the later ones by later_keys.
 *
 * acc is set back to 0 over t on the way (each entry as it is left out,
 * the rest at the end: the search's own pass over t saved), but where
 * the first key leaves none out, insert_best must see all of t: then
 * SIZE_MAX is returned, acc all 0 again, and the caller nominates once
 * more and runs insert_best over t itself (pick_best_again).  That is
 * rare: none of the searches of KJV/WEB, either way. */
static inline size_t narrow_best(const struct vec *vs, double *acc,
                                 const uint32_t *t, size_t n, uint32_t *v,
                                 unsigned char *tie, double *key, double est,
                                 uint32_t *best, int *last, size_t *nkept);

static size_t
pick_best(const struct vec *vs, double *acc, const uint32_t *t, size_t n,
          uint32_t *v, unsigned char *tie, double *key, double est,
          uint32_t *best)
{
	size_t nbest = 0;
	int last = 0;
	size_t nkept;

	if (n <= 2 * CANDIDATES) {
		insert_best(vs, acc, t, n, est, best, &nbest);
		for (size_t i = 0; i < n; i++)
			acc[t[i]] = 0;
		return nbest;
	}
	return narrow_best(vs, acc, t, n, v, tie, key, est, best, &last,
	                   &nkept);
}

/* pick_best's narrowing, for t[0..n) of at least CANDIDATES entries
 * whatever n is (pick_best's own call has n above 2 * CANDIDATES): what
 * pick_best gives, SIZE_MAX included, with *last set to 1 when the
 * narrowing by the distance from est ran (later_keys), else left as it
 * is; the entries that went to insert_best are left in v, their number
 * in *nkept (0 with SIZE_MAX). */
static inline size_t narrow_after(const struct vec *vs, double *acc,
                                  uint32_t *v, size_t nv, unsigned char *tie,
                                  double *key, double est, uint32_t *best,
                                  int *last, size_t *nkept,
                                  const struct first *fk);

static inline size_t
narrow_best(const struct vec *vs, double *acc, const uint32_t *t, size_t n,
            uint32_t *v, unsigned char *tie, double *key, double est,
            uint32_t *best, int *last, size_t *nkept)
{
	struct first f;
	size_t nv = first_key(acc, t, n, v, tie, key, &f);

	return narrow_after(vs, acc, v, nv, tie, key, est, best, last, nkept,
	                    &f);
}

/* The first key of outranks over t[0..n) as first_key gives it (v, tie,
 * *f and acc alike, the number kept returned), where the CANDIDATES-th
 * smallest key (kth) is known already and acc holds each entry's
 * estimate: the entries are sifted against it, with no pass to find it.
 * search_best knows it from the classes (each class's estimate as many
 * times as the members it puts into t, up to CANDIDATES). */
static size_t
first_known(double *acc, const uint32_t *t, size_t n, double kth, uint32_t *v,
            unsigned char *tie, struct first *f)
{
	struct sift s = sift_start(kth, v, tie);

	for (size_t i = 0; i < n; i++) {
		uint32_t o = t[i];
		double a = acc[o];
		acc[o] = 0; /* sift_one puts a kept one's back */
		sift_one(&s, acc, o, a);
	}
	return sift_end(&s, f);
}

/* narrow_best from the first key's outcome on: v[0..nv), tie and *fk as
 * first_key leaves them (acc holding the estimates of those in v, 0 for
 * the rest); the same answer, *last and *nkept as narrow_best gives. */
static inline size_t
narrow_after(const struct vec *vs, double *acc, uint32_t *v, size_t nv,
             unsigned char *tie, double *key, double est, uint32_t *best,
             int *last, size_t *nkept, const struct first *fk)
{
	size_t nbest = 0;
	struct first f = *fk;

	*nkept = 0;
	if (!(f.lo_out - f.hi_kept > KEY_EPS)) {
		for (size_t i = 0; i < nv; i++)
			acc[v[i]] = 0;
		return SIZE_MAX;
	}
	if (!f.stop)
		nv = later_keys(vs, acc, v, nv, tie, key, est, f.better, last);
	insert_best(vs, acc, v, nv, est, best, &nbest);
	for (size_t i = 0; i < nv; i++)
		acc[v[i]] = 0;
	*nkept = nv;
	return nbest;
}

/* The sentences vs[0..nv) of one side by stem: *start (n + 2 entries,
 * n the stems) and *post, so that the sentences holding stem k are
 * post[start[k] .. start[k + 1]), in increasing order; and how many
 * sentences a stem may be in and still nominate (step 3 of the method).
 * 0 or -1 (both NULL then). */
static int
postings(const struct ctx *x, const struct vec *vs, size_t nv, size_t **start,
         uint32_t **post, size_t *limit)
{
	uint32_t n = intern_count(x->w->stems);
	size_t *st = calloc((size_t)n + 2, sizeof *st);

	*start = NULL;
	*post = NULL;
	*limit = nv / POSTING_SHARE;
	if (*limit < POSTING_MIN)
		*limit = POSTING_MIN;
	if (*limit > POSTING_MAX)
		*limit = POSTING_MAX;
	if (!st)
		return -1;
	for (size_t v = 0; v < nv; v++)
		for (size_t i = 0; i < vs[v].n; i++)
			st[ent_at(x->w, vs[v].off + i).cid + 1]++;
	for (uint32_t k = 0; k < n; k++)
		st[k + 1] += st[k];
	uint32_t *po = malloc((st[n] + 1) * sizeof *po);
	if (!po) {
		free(st);
		return -1;
	}
	for (size_t v = 0; v < nv; v++)
		for (size_t i = 0; i < vs[v].n; i++)
			po[st[ent_at(x->w, vs[v].off + i).cid]++] = (uint32_t)v;
	/* each st[k] is now where list k + 1 begins: back by one */
	for (uint32_t k = n; k > 0; k--)
		st[k] = st[k - 1];
	st[0] = 0;
	*start = st;
	*post = po;
	return 0;
}

/* What a search for counterparts among the nv sentences of one side
 * holds while it runs: that side's postings (postings()), and per
 * sentence the weight shared with the sentence searched for (acc, kept
 * at zero between searches) and the list of those touched; and
 * pick_best's scratch (keep, tie, key), as many entries.  search_close
 * releases it. */
struct search {
	size_t *start;
	uint32_t *post;
	size_t limit;
	double *acc;
	uint32_t *touched;
	uint32_t *keep;
	unsigned char *tie;
	double *key;
	/* the copies (copies_open): when enough sentences of the side are
	 * copies of another (the same stems, counts and weight), the
	 * search runs over their classes first (search_best).  ncls is 0
	 * when it does not.  Class c's members are memb[mstart[c] ..
	 * mstart[c + 1]), in increasing order; the classes holding stem k
	 * are cpost[cstart[k] .. cstart[k + 1]), in increasing order (a
	 * class is numbered by its first member's place); cacc, ctouch and
	 * cgrp are acc and touched for the classes, and which of the stems'
	 * lists touched each first; cls is each sentence's class, ccut a
	 * flag a class (near_members). */
	uint32_t ncls;
	uint32_t *mstart, *memb, *cstart, *cpost, *ctouch, *cgrp, *cls;
	double *cacc;
	unsigned char *ccut;
};

static void
search_close(struct search *s)
{
	free(s->start);
	free(s->post);
	free(s->acc);
	free(s->touched);
	free(s->keep);
	free(s->tie);
	free(s->key);
	free(s->mstart);
	free(s->memb);
	free(s->cstart);
	free(s->cpost);
	free(s->ctouch);
	free(s->cgrp);
	free(s->cacc);
	free(s->cls);
	free(s->ccut);
	memset(s, 0, sizeof *s);
}

/* A hash of vector v's length and weight: copies have the same, and two
 * sentences that are not copies seldom do (the weight is a sum over the
 * stems), so the stems themselves are compared only on a match. */
static uint64_t
vec_hash(const struct vec *v)
{
	uint64_t bits;

	memcpy(&bits, &v->W, sizeof bits);
	bits = (bits ^ v->n) * UINT64_C(0x9E3779B97F4A7C15);
	return bits ^ bits >> 29;
}

/* same_vec's stems, for two vectors of the same length and weight. */
static int
same_stems(const struct words *w, const struct vec *a, const struct vec *b)
{
	if (w->pack) /* an entry a word, stem and count */
		return memcmp(w->pack + a->off, w->pack + b->off,
		              a->n * sizeof *w->pack) == 0;
	for (size_t i = 0; i < a->n; i++) {
		struct ent p = ent_at(w, a->off + i), q = ent_at(w, b->off + i);
		if (p.cid != q.cid || p.cnt != q.cnt)
			return 0;
	}
	return 1;
}

/* Are vectors a and b copies: the same stems with the same counts, and
 * the same weight to the bit?  Then every search gives both the same
 * estimate and the same weight key (outranks).  The length and weight
 * are compared in line: most pairs asked differ there. */
static inline int
same_vec(const struct words *w, const struct vec *a, const struct vec *b)
{
	uint64_t wa, wb;

	memcpy(&wa, &a->W, sizeof wa);
	memcpy(&wb, &b->W, sizeof wb);
	return a->n == b->n && wa == wb && same_stems(w, a, b);
}

/* Each sentence of vs[0..nv) its class into cls (copies one class, the
 * classes numbered in order of their first members), their number into
 * *ncls.  0 or -1. */
static int
copy_classes(const struct words *w, const struct vec *vs, size_t nv,
             uint32_t *cls, uint32_t *ncls)
{
	size_t cap = 16;

	while (cap < 2 * nv)
		cap *= 2;
	uint32_t *slot = malloc(cap * sizeof *slot),
	         *first = malloc((nv + 1) * sizeof *first);
	uint64_t *hash = malloc((nv + 1) * sizeof *hash);
	if (!slot || !first || !hash) {
		free(slot);
		free(first);
		free(hash);
		return -1;
	}
	memset(slot, 0xff, cap * sizeof *slot);
	*ncls = 0;
	for (size_t o = 0; o < nv; o++) {
		uint64_t h = vec_hash(&vs[o]);
		size_t i = (size_t)(h >> 20) & (cap - 1);
		for (;; i = (i + 1) & (cap - 1)) {
			uint32_t c = slot[i];
			if (c == UINT32_MAX) {
				slot[i] = *ncls;
				first[*ncls] = (uint32_t)o;
				hash[*ncls] = h;
				cls[o] = (*ncls)++;
				break;
			}
			if (hash[c] == h &&
			    same_vec(w, &vs[first[c]], &vs[o])) {
				cls[o] = c;
				break;
			}
		}
	}
	free(slot);
	free(first);
	free(hash);
	return 0;
}

/* The copies of s (struct search) for the sentences vs[0..nv) of one
 * side, when at least COPY_SHARE_NUM / COPY_SHARE_DEN of them are copies
 * of an earlier one (a long side is first asked of its first COPY_PEEK
 * sentences, and left alone when under a quarter of those are, so that
 * one with few copies costs little); else s->ncls stays 0 and nothing is
 * kept.  0 or -1 (what is held is released by search_close).
 *
 * The search through the classes costs more for each class it touches
 * than the plain search for each sentence (the classes' estimates, their
 * members' lists, the lists' runs sorted), so it pays only where the
 * classes are large: measured on the 10,000-word unrelated pair and on
 * its rewrite side copied out (all else the same), the plain search was
 * cheaper with 25, 50, 63 and 75 % copies (by 0.9 M, 0.5 M, 0.4 M and
 * 0.1 M) and the classes with 85 % (by 0.4 M); at 100,000 words (84 %) by
 * some 30 M.  Either way the search gives the same candidates. */
#define COPY_PEEK      4096
#define COPY_SHARE_NUM 3
#define COPY_SHARE_DEN 4
static int
copies_open(const struct ctx *x, const struct vec *vs, size_t nv,
            struct search *s)
{
	uint32_t nst = intern_count(x->w->stems), ncls = UINT32_MAX;
	uint32_t *cls = malloc((nv + 1) * sizeof *cls);

	if (!cls)
		return -1;
	if (nv > 2 * COPY_PEEK &&
	    (copy_classes(x->w, vs, COPY_PEEK, cls, &ncls) < 0 ||
	     (COPY_PEEK - ncls) * 4 < COPY_PEEK)) {
		free(cls);
		return ncls == UINT32_MAX ? -1 : 0;
	}
	if (nv > UINT32_MAX / 2 || copy_classes(x->w, vs, nv, cls, &ncls) < 0) {
		free(cls);
		return nv > UINT32_MAX / 2 ? 0 : -1;
	}
	if ((nv - ncls) * COPY_SHARE_DEN < nv * COPY_SHARE_NUM) {
		free(cls);
		return 0;
	}
	s->mstart = calloc((size_t)ncls + 2, sizeof *s->mstart);
	s->memb = malloc((nv + 1) * sizeof *s->memb);
	s->cstart = calloc((size_t)nst + 2, sizeof *s->cstart);
	s->ctouch = malloc(((size_t)ncls + 1) * sizeof *s->ctouch);
	s->cgrp = malloc(((size_t)ncls + 1) * sizeof *s->cgrp);
	s->cacc = calloc((size_t)ncls + 1, sizeof *s->cacc);
	s->ccut = calloc((size_t)ncls + 1, 1);
	s->cls = cls;
	if (!s->mstart || !s->memb || !s->cstart || !s->ctouch || !s->cgrp ||
	    !s->cacc || !s->ccut)
		return -1;
	/* the members by class, and each class's stems from its first */
	size_t total = 0;
	for (size_t o = 0; o < nv; o++) {
		if (s->mstart[cls[o] + 1]++ > 0)
			continue;
		for (size_t i = 0; i < vs[o].n; i++)
			s->cstart[ent_at(x->w, vs[o].off + i).cid + 1]++;
		total += vs[o].n;
	}
	for (uint32_t c = 0; c < ncls; c++)
		s->mstart[c + 1] += s->mstart[c];
	for (uint32_t k = 0; k < nst; k++)
		s->cstart[k + 1] += s->cstart[k];
	if (total >= UINT32_MAX)
		return 0; /* ncls 0: no copies */
	if (!(s->cpost = malloc((total + 1) * sizeof *s->cpost)))
		return -1;
	/* each start moves on to the next as its entries are placed, and
	 * goes back by one after; a class's first member is the one whose
	 * class is the next number */
	uint32_t next = 0;
	for (size_t o = 0; o < nv; o++) {
		uint32_t c = cls[o];
		s->memb[s->mstart[c]++] = (uint32_t)o;
		if (c != next)
			continue;
		next++;
		for (size_t i = 0; i < vs[o].n; i++)
			s->cpost[s->cstart[ent_at(x->w, vs[o].off + i).cid]++] =
			        c;
	}
	for (uint32_t c = ncls; c > 0; c--)
		s->mstart[c] = s->mstart[c - 1];
	s->mstart[0] = 0;
	for (uint32_t k = nst; k > 0; k--)
		s->cstart[k] = s->cstart[k - 1];
	s->cstart[0] = 0;
	s->ncls = ncls;
	return 0;
}

/* *s for the sentences vs[0..nv) of one side, to be searched about
 * nsearch times (the copies are looked for when that is at least a
 * thirty-second of nv: fewer searches would not pay for them).  0, or -1
 * (then *s holds nothing to release). */
static int
search_open(const struct ctx *x, const struct vec *vs, size_t nv,
            size_t nsearch, struct search *s)
{
	memset(s, 0, sizeof *s);
	if (postings(x, vs, nv, &s->start, &s->post, &s->limit) < 0)
		return -1;
	s->acc = calloc(nv + 1, sizeof *s->acc);
	s->touched = malloc((nv + 1) * sizeof *s->touched);
	s->keep = malloc((nv + 1) * sizeof *s->keep);
	s->tie = malloc(nv + 1);
	s->key = malloc((nv + 1) * sizeof *s->key);
	if (!s->acc || !s->touched || !s->keep || !s->tie || !s->key ||
	    (nsearch * 32 >= nv && copies_open(x, vs, nv, s) < 0)) {
		search_close(s);
		return -1;
	}
	return 0;
}

/* Add w into acc[o] for each sentence o of the postings [p, e), each
 * whose acc was 0 listed after touched[0..nt); the new nt.  Two
 * postings a step (the loop's own work is a good part of a posting's),
 * each added in its turn as one at a time would.  An acc is never below
 * 0 (the idf is log(1 + S / df) or 0), so "not above 0" is "0", a test
 * of one branch where "== 0" takes two (the unordered case). */
static inline size_t
nominate_list(const uint32_t *p, const uint32_t *e, double w, double *acc,
              uint32_t *touched, size_t nt)
{
	const uint32_t *pairs = p + ((size_t)(e - p) & ~(size_t)1);

	for (; p != pairs; p += 2) {
		uint32_t o = p[0], q = p[1];
		if (!(acc[o] > 0))
			touched[nt++] = o;
		acc[o] += w;
		if (!(acc[q] > 0))
			touched[nt++] = q;
		acc[q] += w;
	}
	if (p != e) {
		if (!(acc[*p] > 0))
			touched[nt++] = *p;
		acc[*p] += w;
	}
	return nt;
}

/* nominate_list for the first postings [p, e) of a search, every acc 0
 * and none touched: each sentence is listed and its acc set to w (0 + w)
 * with no test.  Their number. */
static inline size_t
nominate_first(const uint32_t *p, const uint32_t *e, double w, double *acc,
               uint32_t *touched)
{
	size_t nt = 0;

	for (; p != e; p++) {
		touched[nt++] = *p;
		acc[*p] = w;
	}
	return nt;
}

/* The sentences of the other side that the stems of v nominate (through
 * the postings of sr), each with the idf of the stems it shares added
 * into sr->acc, listed in sr->touched; their number.  A sentence made
 * only of common words still nominates, by all its stems, among the
 * POSTING_WINDOW sentences nearest est, where it would sit in
 * proportion. */
static size_t
nominate(const struct ctx *x, const struct vec *v, const struct search *sr,
         double est)
{
	const size_t *start = sr->start;
	const uint32_t *post = sr->post;
	size_t limit = sr->limit;
	double *acc = sr->acc;
	uint32_t *touched = sr->touched;
	size_t nt = 0;

	for (int pass = 0; pass < 2 && nt == 0; pass++) {
		for (size_t i = 0; i < v->n; i++) {
			uint32_t cid = ent_at(x->w, v->off + i).cid;
			size_t p0 = start[cid], p1 = start[cid + 1];
			if (p1 - p0 > limit) {
				if (pass == 0)
					continue;
				window(post, &p0, &p1, est);
			}
			if (nt == 0)
				nt = nominate_first(post + p0, post + p1,
				                    x->w->idf[cid], acc,
				                    touched);
			else
				nt = nominate_list(post + p0, post + p1,
				                   x->w->idf[cid], acc, touched,
				                   nt);
		}
	}
	return nt;
}

/* What pick_best gives when it returns SIZE_MAX (acc all 0 again): the
 * search for v (nominate, among the side of vectors vs that sr holds)
 * once more, and insert_best over all it touches; acc is set back to 0
 * after.  The number in best. */
static size_t
pick_best_again(const struct ctx *x, const struct vec *vs, const struct vec *v,
                const struct search *sr, double est, uint32_t *best)
{
	size_t nt = nominate(x, v, sr, est), nbest = 0;

	insert_best(vs, sr->acc, sr->touched, nt, est, best, &nbest);
	for (size_t i = 0; i < nt; i++)
		sr->acc[sr->touched[i]] = 0;
	return nbest;
}

/* nominate's first pass over the classes of sr's copies: each class
 * that the stems of v nominate (the lists of at most sr->limit sentences)
 * with the idf of the stems it shares added into sr->cacc, listed in
 * sr->ctouch with the number of the list that touched it first in
 * sr->cgrp (the lists counted as they are read); their number.  The
 * sentences of a class are in the same lists, so each gets its class's
 * sum, added in the same order, and is touched first by the same list.
 * *dup is set to 1 when a stem of idf 0 is read (it would list a
 * sentence twice). */
static size_t
nominate_classes(const struct ctx *x, const struct vec *v,
                 const struct search *sr, int *dup)
{
	double *cacc = sr->cacc;
	uint32_t *ctouch = sr->ctouch, *cgrp = sr->cgrp, g = 0;
	size_t nt = 0;

	for (size_t i = 0; i < v->n; i++) {
		uint32_t cid = ent_at(x->w, v->off + i).cid;
		const uint32_t *p = sr->cpost + sr->cstart[cid],
		               *e = sr->cpost + sr->cstart[cid + 1];
		double w = x->w->idf[cid];
		if (sr->start[cid + 1] - sr->start[cid] > sr->limit || p == e)
			continue;
		if (!(w > 0))
			*dup = 1;
		for (; p != e; p++) {
			if (!(cacc[*p] > 0)) {
				ctouch[nt] = *p;
				cgrp[nt++] = g;
			}
			cacc[*p] += w;
		}
		g++;
	}
	return nt;
}

/* The members of class c of sr's copies that are nearest est (by
 * outranks' last key): every member as far as the (CANDIDATES + 1)-th
 * nearest or nearer, into out in increasing order; their number.  *cut
 * is set to 1, and sr->ccut[c] too, when some are left out (each one
 * then has more than
 * CANDIDATES members nearer than it, so that the class still ties more
 * than CANDIDATES ways where the narrowing comes to the distance). */
static size_t
near_members(const struct search *sr, uint32_t c, double est, uint32_t *out,
             int *cut)
{
	const uint32_t *m = sr->memb + sr->mstart[c];
	size_t n = sr->mstart[c + 1] - sr->mstart[c], a, b;

	if (n > CANDIDATES + 1) {
		/* the distance falls to est and rises after it: the nearest
		 * are a run of members around est */
		for (a = b = first_from(m, 0, n, est);
		     b - a < CANDIDATES + 1;) {
			if (b == n ||
			    (a > 0 && fabs((double)m[a - 1] - est) <=
			                      fabs((double)m[b] - est)))
				a--;
			else
				b++;
		}
		double da = fabs((double)m[a] - est),
		       db = fabs((double)m[b - 1] - est),
		       far = da > db ? da : db;
		while (a > 0 && fabs((double)m[a - 1] - est) <= far)
			a--;
		while (b < n && fabs((double)m[b] - est) <= far)
			b++;
		if (b - a < n)
			*cut = sr->ccut[c] = 1;
	} else {
		a = 0;
		b = n;
	}
	memcpy(out, m + a, (b - a) * sizeof *out);
	return b - a;
}

/* Distinct sentence numbers t[0..n) into increasing order by merging
 * the runs already increasing, two at a time, through buf (n entries of
 * scratch) until one is left.  search_best's lists come as one run a
 * class (near_members), so a few passes do. */
static void
id_runs_merge(uint32_t *t, size_t n, uint32_t *buf)
{
	for (;;) {
		size_t i = 1, o = 0;
		while (i < n && t[i - 1] < t[i])
			i++;
		if (i >= n)
			return; /* one run */
		for (i = 0; i < n;) {
			size_t b = i + 1, c;
			while (b < n && t[b - 1] < t[b])
				b++;
			for (c = b < n ? b + 1 : b; c < n && t[c - 1] < t[c];)
				c++;
			size_t p = i, q = b;
			while (p < b && q < c)
				buf[o++] = t[p] < t[q] ? t[p++] : t[q++];
			while (p < b)
				buf[o++] = t[p++];
			while (q < c)
				buf[o++] = t[q++];
			i = c;
		}
		memcpy(t, buf, n * sizeof *t);
	}
}

/* Sentence numbers t[0..n) (distinct) into increasing order: by
 * insertion when few, else by id_runs_merge through buf (n entries of
 * scratch, not t's).  No memory is asked for (qsort may allocate, and
 * the search also runs on a second thread, whose first allocation would
 * open an arena of its own, raising the peak). */
static void
sort_ids(uint32_t *t, size_t n, uint32_t *buf)
{
	if (n > 32) {
		id_runs_merge(t, n, buf);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		uint32_t u = t[i];
		size_t k = i;
		for (; k > 0 && t[k - 1] > u; k--)
			t[k] = t[k - 1];
		t[k] = u;
	}
}

/* The search for counterparts of v among the side of vectors vs that sr
 * holds, expected near est: nominate, then pick_best (pick_best_again
 * when it asks): the best into best, their number. */
static inline size_t
search_all(const struct ctx *x, const struct vec *vs, const struct vec *v,
           const struct search *sr, double est, uint32_t *best)
{
	size_t nt = nominate(x, v, sr, est);
	size_t nbest = pick_best(vs, sr->acc, sr->touched, nt, sr->keep,
	                         sr->tie, sr->key, est, best);

	if (nbest == SIZE_MAX)
		nbest = pick_best_again(x, vs, v, sr, est, best);
	return nbest;
}

/* search_all's answer, the very same, through sr's copies when it holds
 * them.  The sentences search_all's nomination would touch (t) are the
 * members of the classes touched, in the order of the lists that touched
 * them first and in increasing order within a list.  Of these, a shorter
 * list goes to pick_best's narrowing (narrow_best): of a class whose
 * estimate is left out by the first key (below the CANDIDATES-th largest
 * by more than the tolerance) no member, but one of the class with the
 * largest such estimate (the bound that the narrowing tests); of a class
 * kept, the members near_members gives.  Those left out of a kept class
 * have more than CANDIDATES members with the same estimate and weight
 * nearer than each, so the narrowing by the distance from est leaves
 * them out of t;
 * up to there, each key's CANDIDATES-th value and bounds are the same
 * without them, and the later keys cannot take a class of more than
 * CANDIDATES members as sure of its place.  So where that narrowing ran,
 * the same entries, in the same order, go to insert_best; where it did
 * not and some members were left out, or where the narrowing asks for
 * all of t, the search runs again as search_all. */
static size_t
search_best(const struct ctx *x, const struct vec *vs, const struct vec *v,
            const struct search *sr, double est, uint32_t *best)
{
	double top[CANDIDATES], *acc = sr->acc, *cacc = sr->cacc;
	size_t nt, ntop = 0, total = 0, n = 0, nbest = SIZE_MAX, out = SIZE_MAX,
	           kept = 0;
	uint32_t *t = sr->touched;
	int dup = 0, cut = 0, last = 0;

	if (!sr->ncls)
		return search_all(x, vs, v, sr, est, best);
	nt = nominate_classes(x, v, sr, &dup);
	/* the CANDIDATES-th largest estimate over t, each class as many
	 * times as it has members (up to CANDIDATES) */
	for (size_t i = 0; i < nt && !dup; i++) {
		uint32_t c = sr->ctouch[i],
		         size = sr->mstart[c + 1] - sr->mstart[c];
		double a = cacc[c];
		total += size;
		top_push_n(top, &ntop, CANDIDATES, -a,
		           size < CANDIDATES ? size : CANDIDATES);
	}
	if (nt > 0 && !dup) {
		double keep_from = 0, out_hi = -HUGE_VAL;
		int all = total <= 2 * CANDIDATES;
		if (!all) /* as first_key takes its bound */
			keep_from = -(top[CANDIDATES - 1] + KEY_EPS);
		/* the class left out with the largest estimate (the first
		 * such) is found on the way, and its first member put into
		 * its list's run after: [og0, og1) is that run, sorted */
		size_t g0 = 0, og0 = 0, og1 = 0;
		uint32_t g = sr->cgrp[0];
		int open = 0;
		for (size_t i = 0; i < nt; i++) {
			uint32_t c = sr->ctouch[i];
			double a = cacc[c];
			size_t k = n;
			if (sr->cgrp[i] != g) {
				sort_ids(t + g0, n - g0, sr->keep);
				og1 = open ? n : og1;
				open = 0;
				g0 = n;
				g = sr->cgrp[i];
			}
			if (all) {
				size_t m = sr->mstart[c + 1] - sr->mstart[c];
				memcpy(t + n, sr->memb + sr->mstart[c],
				       m * sizeof *t);
				n += m;
			} else if (a >= keep_from) {
				n += near_members(sr, c, est, t + n, &cut);
			} else if (a > out_hi) {
				out_hi = a;
				out = i;
				og0 = g0;
				open = 1;
			}
			for (; k < n; k++)
				acc[t[k]] = a;
		}
		sort_ids(t + g0, n - g0, sr->keep);
		og1 = open ? n : og1;
		if (out != SIZE_MAX) {
			uint32_t c = sr->ctouch[out],
			         o = sr->memb[sr->mstart[c]];
			size_t at = og0;
			while (at < og1 && t[at] < o)
				at++;
			memmove(t + at + 1, t + at, (n - at) * sizeof *t);
			t[at] = o;
			n++;
			acc[o] = out_hi;
		}
		if (all)
			nbest = pick_best(vs, acc, t, n, sr->keep, sr->tie,
			                  sr->key, est, best);
		else {
			struct first f;
			size_t nv = first_known(acc, t, n, top[CANDIDATES - 1],
			                        sr->keep, sr->tie, &f);
			nbest = narrow_after(vs, acc, sr->keep, nv, sr->tie,
			                     sr->key, est, best, &last, &kept,
			                     &f);
		}
	}
	/* members left out matter only where their class went on to
	 * insert_best: the narrowing took the same steps without them */
	for (size_t i = 0; cut && !last && i < kept; i++)
		if (sr->ccut[sr->cls[sr->keep[i]]])
			nbest = SIZE_MAX;
	for (size_t i = 0; i < nt; i++)
		cacc[sr->ctouch[i]] = 0;
	for (size_t i = 0; cut && i < nt; i++) /* set only where cut */
		sr->ccut[sr->ctouch[i]] = 0;
	if (nbest == SIZE_MAX)
		return search_all(x, vs, v, sr, est, best);
	return nbest;
}

/* Release what search_twin made *t own (not what it shares); *t becomes
 * empty. */
static void
search_twin_close(struct search *t)
{
	free(t->acc);
	free(t->touched);
	free(t->keep);
	free(t->tie);
	free(t->key);
	free(t->cacc);
	free(t->ctouch);
	free(t->cgrp);
	free(t->ccut);
	memset(t, 0, sizeof *t);
}

/* A second scratch for the search that s holds (search_open over nv
 * sentences), for a search on another thread: *t shares s's postings and
 * copies, which neither changes, and has its own acc, touched and
 * pick_best's arrays (nv entries each) and, when s has copies, its own
 * cacc, ctouch, cgrp and ccut.  acc, cacc and ccut start at 0, as
 * search_best wants them between searches.  0, or -1 (then *t holds
 * nothing).  search_twin_close releases what is its own. */
static int
search_twin(const struct search *s, size_t nv, struct search *t)
{
	size_t nc = (size_t)s->ncls + 1;

	*t = *s;
	t->acc = calloc(nv + 1, sizeof *t->acc);
	t->touched = malloc((nv + 1) * sizeof *t->touched);
	t->keep = malloc((nv + 1) * sizeof *t->keep);
	t->tie = malloc(nv + 1);
	t->key = malloc((nv + 1) * sizeof *t->key);
	t->cacc = t->ncls ? calloc(nc, sizeof *t->cacc) : NULL;
	t->ctouch = t->ncls ? malloc(nc * sizeof *t->ctouch) : NULL;
	t->cgrp = t->ncls ? malloc(nc * sizeof *t->cgrp) : NULL;
	t->ccut = t->ncls ? calloc(nc, 1) : NULL;
	if (t->acc && t->touched && t->keep && t->tie && t->key &&
	    (!t->ncls || (t->cacc && t->ctouch && t->cgrp && t->ccut)))
		return 0;
	search_twin_close(t);
	return -1;
}

/* What is known of rewrite segment r as a line (x->lw->rline, filled as
 * asked: the rules and the verdict ask again and again, and repeats
 * looks back over up to TITLE_BACK title lines). */
enum {
	RL_FC = 1,
	RL_FURN = 2,
	RL_CAPTION = 4,
	RL_REP_KNOWN = 8,
	RL_REP = 16,
	RL_SHADE_KNOWN = 32,
	RL_TITLE = 64,
	RL_SHADE = 128
};

_Static_assert(TITLE_BACK <= UINT16_MAX, "linkset.tback holds 16 bits");

/* Each rewrite segment's title flag into x->lw->rline (title_line), and
 * into x->lw->tback how far back the title line before it lies, 0 when
 * none does within TITLE_BACK: repeats_raw walks the title lines alone. */
static void
title_back(struct ctx *x)
{
	size_t nr = x->c->rs.n, prev = 0;
	int any = 0;

	for (size_t r = 0; r < nr; r++) {
		int title = title_line(x, r);
		x->lw->tback[r] =
		        (uint16_t)(any && r - prev <= TITLE_BACK ? r - prev
		                                                 : 0);
		x->lw->rline[r] |= title ? RL_TITLE : 0;
		if (title) {
			prev = r;
			any = 1;
		}
	}
}

/* The arrays of *x->lw that outlive the candidates (prim and sec -1
 * throughout, the rest zero; the links' weights come later, link_weights),
 * made once the search has its own (so that
 * what the search, the candidates and the stem pool leave free lies
 * together, for the blocks to fit in).  0 or -1. */
static int
links_alloc(struct ctx *x)
{
	size_t nr = x->c->rs.n, no = x->c->ls.n;
	struct linkset *l = x->lw;

	l->prim = malloc((nr + 1) * sizeof *l->prim);
	l->sec = malloc((no + 1) * sizeof *l->sec);
	l->header = calloc(no + 1, 1);
	l->restate = calloc(nr + 1, 1);
	l->rline = calloc(nr + 1, 1);
	l->tback = malloc((nr + 1) * sizeof *l->tback);
	l->rfurn = calloc(nr + 1, 1);
	if (!l->prim || !l->sec || !l->header || !l->restate || !l->rline ||
	    !l->tback || !l->rfurn)
		return -1;
	title_back(x);
	for (size_t r = 0; r < nr; r++)
		l->prim[r] = -1;
	for (size_t o = 0; o < no; o++)
		l->sec[o] = -1;
	return 0;
}

/* The stems of vector v marked in x->lw->mark (each its packed entry),
 * or the marks cleared (on 0); the pool is packed and mark made. */
static void
mark_stems(const struct ctx *x, const struct vec *v, int on)
{
	const uint32_t *p = x->w->pack + v->off;
	uint32_t *mark = x->lw->mark;

	for (size_t i = 0; i < v->n; i++)
		mark[p[i] & ENT_CID_MAX] = on ? p[i] : 0;
}

/* shared() of the vector marked (mark_stems) and v, the very same number:
 * v's stems in order (the merge's), each the marked one holds adding its
 * term (a mark is its stem's own entry, so one not 0 is of the same stem,
 * and of two entries of one stem the smaller holds the smaller count).
 * One step a stem of v, where the merge takes one a stem of either. */
static double
shared_marked(const struct ctx *x, const struct vec *v)
{
	const uint32_t *p = x->w->pack + v->off, *mark = x->lw->mark;
	const double *idf = x->w->idf;
	double s = 0;

	for (size_t i = 0; i < v->n; i++) {
		uint32_t u = p[i], m = mark[u & ENT_CID_MAX];
		if (m)
			s += idf[u & ENT_CID_MAX] *
			     ((u < m ? u : m) >> ENT_CID_BITS);
	}
	return s;
}

/* The mark table (x->lw->mark, all 0) when the stem pool is packed; else
 * left NULL (shared() then).  0 or -1. */
static int
mark_open(struct ctx *x)
{
	if (!x->w->pack)
		return 0;
	x->lw->mark =
	        calloc(intern_count(x->w->stems) + 1, sizeof *x->lw->mark);
	return x->lw->mark ? 0 : -1;
}

/* What a second thread reads as its ctx: *x's, but for a link set of its
 * own that is a copy of *x->lw made at twin_open (later changes to
 * *x->lw are not seen) with a mark table of its own (when *x has one),
 * so that mark_stems and shared_marked there touch that table alone. */
struct twin_ctx {
	struct ctx x;
	struct linkset l;
};

/* *t for *x (struct twin_ctx), its mark table all 0.  0, or -1 (then
 * *t holds nothing to release).  twin_close releases it. */
static int
twin_open(const struct ctx *x, struct twin_ctx *t)
{
	t->l = *x->lw;
	t->x = *x;
	t->x.l = t->x.lw = &t->l;
	if (!x->lw->mark)
		return 0;
	t->l.mark = calloc(intern_count(x->w->stems) + 1, sizeof *t->l.mark);
	return t->l.mark ? 0 : -1;
}

/* Release the mark table twin_open made for *t (from *x). */
static void
twin_close(const struct ctx *x, struct twin_ctx *t)
{
	if (x->lw->mark)
		free(t->l.mark);
	t->l.mark = NULL;
}

/* The shared weights x->lw->cw of the candidates of rewrite segments
 * [r0, r1), each segment's stems marked once for all its candidates (in
 * x->lw->mark, when there is one).  Where the official side has copies
 * (copies 1: its search found them, copies_open), a candidate that is a
 * copy of the one before it (same_vec: the same stems, counts and weight;
 * copies tie on the search's first two keys, so they come one after
 * another) takes its weight: shared_marked over the same entries is the
 * same number.  Besides the mark table, writes only those places of cw. */
static void
weights_range(const struct ctx *x, size_t r0, size_t r1, int copies)
{
	const struct linkset *l = x->lw;

	for (size_t r = r0; r < r1; r++) {
		const struct vec *rv = &x->w->rv[r];
		size_t k0 = l->cstart[r], k1 = l->cstart[r + 1];
		if (!l->mark) {
			for (size_t k = k0; k < k1; k++)
				l->cw[k] = shared(x, &x->w->lv[l->co[k]], rv);
			continue;
		}
		if (k0 == k1)
			continue;
		mark_stems(x, rv, 1);
		if (!copies) {
			for (size_t k = k0; k < k1; k++)
				l->cw[k] =
				        shared_marked(x, &x->w->lv[l->co[k]]);
			mark_stems(x, rv, 0);
			continue;
		}
		/* the weight first, held from the one before: most
		 * candidates that are no copy differ there */
		const struct vec *prev = &x->w->lv[l->co[k0]];
		l->cw[k0] = shared_marked(x, prev);
		for (size_t k = k0 + 1; k < k1; k++) {
			const struct vec *ov = &x->w->lv[l->co[k]];
			l->cw[k] = ov->W == prev->W && same_vec(x->w, prev, ov)
			                   ? l->cw[k - 1]
			                   : shared_marked(x, ov);
			prev = ov;
		}
		mark_stems(x, rv, 0);
	}
}

/* The later rewrite segments' part of cand_weights, for the second
 * thread: weights_range(&t->x, r0, r1, copies). */
struct weights_job {
	struct twin_ctx *t;
	size_t r0, r1;
	int copies;
};

static void *
weights_job_run(void *arg)
{
	struct weights_job *j = arg;

	weights_range(&j->t->x, j->r0, j->r1, j->copies);
	return NULL;
}

/* The shared weight of every candidate (x->lw->cw), worked out once the
 * search is given back, so that they go where it was: each rewrite
 * segment's stems marked once for all its candidates, copies looked for
 * when the search found the official side has them (copies 1).  With candidates
 * enough for the search to have run on two threads (CAND_THREAD_MIN), the
 * segments holding the later half of them are done on a second thread
 * with a mark table of its own (on one if there is no memory for it);
 * the weights are the same either way.  0 or -1. */
static int
cand_weights(struct ctx *x, int copies)
{
	struct linkset *l = x->lw;
	size_t nr = x->c->rs.n;
	struct twin_ctx t;

	if (!(l->cw = malloc((l->ncands + 1) * sizeof *l->cw)) ||
	    mark_open(x) < 0)
		return -1;
	if (x->c->opt.threads == 1 ||
	    l->ncands < (size_t)CANDIDATES * CAND_THREAD_MIN ||
	    twin_open(x, &t) < 0) {
		weights_range(x, 0, nr, copies);
		return 0;
	}
	size_t mid = 0;
	while (l->cstart[mid] < l->ncands / 2)
		mid++;
	struct weights_job j = {&t, mid, nr, copies};
	struct spawn_part part;
	spawn_part_start(&part, weights_job_run, &j);
	weights_range(x, 0, mid, copies);
	spawn_part_end(&part);
	twin_close(x, &t);
	return 0;
}

/* The shared weight of the link from rewrite segment r to official
 * segment o: the candidate's own while the candidates are held and o is
 * one of r's, else worked out (an anchor has no candidates).  Both are
 * shared() over the same two vectors, so they are the very same number. */
static double
link_weight(const struct ctx *x, size_t r, uint32_t o)
{
	const struct linkset *l = x->lw;

	if (l->cw)
		for (size_t k = l->cstart[r]; k < l->cstart[r + 1]; k++)
			if (l->co[k] == o)
				return l->cw[k];
	return shared(x, &x->w->lv[o], &x->w->rv[r]);
}

/* The weight of each rewrite segment's source (prim_w) and of each
 * official segment's merge (sec_w), for the move points: made once the
 * candidates are given back (the rules read link_weight), while the stem
 * pool is still held.  0 or -1. */
static int
link_weights(struct ctx *x)
{
	struct linkset *l = x->lw;
	size_t nr = x->c->rs.n, no = x->c->ls.n;

	l->prim_w = malloc((nr + 1) * sizeof *l->prim_w);
	l->sec_w = malloc((no + 1) * sizeof *l->sec_w);
	if (!l->prim_w || !l->sec_w)
		return -1;
	for (size_t r = 0; r < nr; r++)
		l->prim_w[r] = l->prim[r] >= 0
		                       ? link_weight(x, r, (uint32_t)l->prim[r])
		                       : 0;
	for (size_t o = 0; o < no; o++)
		l->sec_w[o] = l->sec[o] >= 0 ? link_weight(x, (size_t)l->sec[o],
		                                           (uint32_t)o)
		                             : 0;
	return 0;
}

/* The rewrite segments [r0, r1)'s candidates (search_best over the
 * official side through sr), each segment's in turn into x->lw->co from
 * index k on, and x->lw->cstart[r] for each r of the range; the index
 * past the last returned.  Besides sr's scratch, it writes only those
 * places of co and cstart, so two ranges apart, with a scratch each
 * (search_twin), may run at once. */
static size_t
cand_range(const struct ctx *x, const struct search *sr, size_t r0, size_t r1,
           size_t k)
{
	const struct align_in *c = x->c;
	size_t no = c->ls.n;
	uint32_t *co = x->lw->co, *cstart = x->lw->cstart;

	for (size_t r = r0; r < r1; r++) {
		cstart[r] = (uint32_t)k;
		if (x->lw->anchor[r] >= 0)
			continue; /* paired already */
		double est =
		        c->rs.n ? (double)r * (double)no / (double)c->rs.n : 0;
		/* keep the best CANDIDATES by the estimate; on a tie (a
		 * sentence the official text repeats) the one nearest where
		 * this sentence would sit in proportion wins */
		uint32_t best[CANDIDATES];
		size_t nbest =
		        search_best(x, x->w->lv, &x->w->rv[r], sr, est, best);
		for (size_t i = 0; i < nbest; i++)
			co[k++] = best[i];
	}
	return k;
}

/* The later rewrite segments' part of the candidate search, for the
 * second thread: cand_range(x, sr, r0, r1, k0), its end into k1. */
struct cand_job {
	const struct ctx *x;
	const struct search *sr;
	size_t r0, r1, k0, k1;
};

static void *
cand_job_run(void *arg)
{
	struct cand_job *j = arg;

	j->k1 = cand_range(j->x, j->sr, j->r0, j->r1, j->k0);
	return NULL;
}

static int
candidates(struct ctx *x)
{
	const struct align_in *c = x->c;
	size_t no = c->ls.n, nr = c->rs.n;
	struct search sr, twin = {0};
	int rc = -1, two = 0, copies;

	size_t nfree = 0;
	for (size_t r = 0; r < nr; r++)
		nfree += x->lw->anchor[r] < 0;
	if (search_open(x, x->w->lv, no, nfree, &sr) < 0)
		return -1;
	copies = sr.ncls > 0;

	/* room for every candidate at once (at most CANDIDATES a rewrite
	 * sentence), not doubled as they come; what is left over is given
	 * back at the end.  The shared weights come once the search is
	 * given back (cand_weights) */
	size_t per = no < CANDIDATES ? no : CANDIDATES, most = per * nfree + 1;
	if (most > UINT32_MAX)
		goto out; /* cstart holds 32-bit indices */
	x->lw->co = malloc(most * sizeof *x->lw->co);
	x->lw->cstart = malloc((nr + 1) * sizeof *x->lw->cstart);
	/* the arrays the links keep go above the candidates: what the
	 * search leaves free lies beside the stem pool (links_alloc) */
	if (!x->lw->co || !x->lw->cstart || links_alloc(x) < 0)
		goto out;
	/* on two threads, without a second scratch (no memory for it)
	 * on one: the same candidates either way */
	if (c->opt.threads != 1 && nfree >= CAND_THREAD_MIN)
		two = search_twin(&sr, no, &twin) == 0;
	if (!two) {
		x->lw->ncands = cand_range(x, &sr, 0, nr, 0);
	} else {
		/* the split where half the searches lie before; the later
		 * part's candidates go after room for all of the earlier
		 * part's, and are moved down to follow them after */
		size_t mid = 0, seen = 0;
		for (; seen < nfree / 2; mid++)
			seen += x->lw->anchor[mid] < 0;
		struct cand_job j = {x, &twin, mid, nr, per * seen, 0};
		struct spawn_part part;
		spawn_part_start(&part, cand_job_run, &j);
		size_t n1 = cand_range(x, &sr, 0, mid, 0);
		spawn_part_end(&part);
		memmove(x->lw->co + n1, x->lw->co + j.k0,
		        (j.k1 - j.k0) * sizeof *x->lw->co);
		for (size_t r = mid; r < nr; r++)
			x->lw->cstart[r] -= (uint32_t)(j.k0 - n1);
		x->lw->ncands = n1 + (j.k1 - j.k0);
	}
	x->lw->cstart[nr] = (uint32_t)x->lw->ncands;
	size_t cap = most;
	x->lw->co = grow_fit(x->lw->co, &cap, x->lw->ncands, sizeof *x->lw->co);
	rc = 0;
out:
	search_twin_close(&twin);
	search_close(&sr);
	if (rc == 0 && x->c->opt.trim)
		x->c->opt.trim(); /* the search's pages, before the weights' */
	if (rc == 0)
		rc = cand_weights(x, copies);
	return rc;
}

/* ---- 3b. the sources of what no link holds --------------------------- */

/* The official segments no link holds (neither a rewrite segment's source
 * nor half of a merge), a flag each, into held (1 = held); their number
 * returned. */
static size_t
unheld(const struct ctx *x, unsigned char *held)
{
	size_t no = x->c->ls.n, n = 0;

	for (size_t r = 0; r < x->c->rs.n; r++)
		if (x->lw->prim[r] >= 0)
			held[x->lw->prim[r]] = 1;
	for (size_t o = 0; o < no; o++) {
		held[o] |= x->lw->sec[o] >= 0;
		n += !held[o] && x->w->lv[o].n > 0;
	}
	return n;
}

/* reverse_candidates' search for the official segments [o0, o1) through
 * sr (lbest and lsim as there); besides sr's scratch and the mark table,
 * writes only those places of lbest and lsim. */
static void
rev_range(const struct ctx *x, const struct search *sr,
          const unsigned char *want, int32_t *lbest, double *lsim, size_t o0,
          size_t o1)
{
	size_t no = x->c->ls.n, nr = x->c->rs.n;

	for (size_t o = o0; o < o1; o++) {
		const struct vec *ov = &x->w->lv[o];
		if (!want[o] || ov->n == 0)
			continue;
		double est = no ? (double)o * (double)nr / (double)no : 0;
		uint32_t best[CANDIDATES];
		size_t nbest = search_best(x, x->w->rv, ov, sr, est, best);
		int32_t top = -1;
		double dtop = -1;
		if (x->lw->mark && nbest > 0)
			mark_stems(x, ov, 1);
		/* where the side has copies (sr's), a copy of the one
		 * before (same_vec) has its likeness, which cannot beat
		 * what that one left in dtop */
		for (size_t i = 0; i < nbest; i++) {
			const struct vec *rv = &x->w->rv[best[i]];
			if (i > 0 && sr->ncls &&
			    same_vec(x->w, &x->w->rv[best[i - 1]], rv))
				continue;
			double w = x->lw->mark ? shared_marked(x, rv)
			                       : shared(x, ov, rv),
			       sum = ov->W + rv->W;
			double d = sum > 0 ? 2 * w / sum : 0;
			if (d > dtop) {
				dtop = d;
				top = (int32_t)best[i];
			}
		}
		if (x->lw->mark && nbest > 0)
			mark_stems(x, ov, 0);
		/* what the sources' candidates found first keeps a tie */
		if (top >= 0 && dtop > lsim[o]) {
			lsim[o] = dtop;
			lbest[o] = top;
		}
	}
}

/* The later official segments' part of reverse_candidates, for the second
 * thread: rev_range(&t->x, sr, want, lbest, lsim, o0, o1). */
struct rev_job {
	struct twin_ctx *t;
	const struct search *sr;
	const unsigned char *want;
	int32_t *lbest;
	double *lsim;
	size_t o0, o1;
};

static void *
rev_job_run(void *arg)
{
	struct rev_job *j = arg;

	rev_range(&j->t->x, j->sr, j->want, j->lbest, j->lsim, j->o0, j->o1);
	return NULL;
}

/* After the links: for every official segment no link holds (an omission
 * to be: want[o] is 1), of the CANDIDATES rewrite segments sharing most
 * weight with it (found as candidates finds sources, with the sides
 * swapped, by pick_best) the one most like it (Dice of weights), into lbest[o]
 * and lsim[o] when more like it than what they hold.  The rewrite segments the
 * anchors pair searched for no sources, so without this an omitted copy of an
 * anchored sentence would have no nearest counterpart.  0 or -1. */
static int
reverse_candidates(struct ctx *x, const unsigned char *want, int32_t *lbest,
                   double *lsim)
{
	const struct align_in *c = x->c;
	size_t no = c->ls.n, nr = c->rs.n, nwant = 0;
	struct search sr, twin;
	struct twin_ctx t;

	for (size_t o = 0; o < no; o++)
		nwant += want[o] && x->w->lv[o].n > 0;
	if (nwant == 0)
		return 0;
	if (search_open(x, x->w->rv, nr, nwant, &sr) < 0)
		return -1;
	/* on two threads as candidates() is, each with a scratch and a mark
	 * table of its own (on one if there is no memory for them) */
	if (c->opt.threads == 1 || nwant < CAND_THREAD_MIN ||
	    search_twin(&sr, nr, &twin) < 0) {
		rev_range(x, &sr, want, lbest, lsim, 0, no);
		search_close(&sr);
		return 0;
	}
	if (twin_open(x, &t) < 0) {
		search_twin_close(&twin);
		rev_range(x, &sr, want, lbest, lsim, 0, no);
		search_close(&sr);
		return 0;
	}
	size_t mid = 0;
	for (size_t seen = 0; seen < nwant / 2; mid++)
		seen += want[mid] && x->w->lv[mid].n > 0;
	struct rev_job j = {&t, &twin, want, lbest, lsim, mid, no};
	struct spawn_part part;
	spawn_part_start(&part, rev_job_run, &j);
	rev_range(x, &sr, want, lbest, lsim, 0, mid);
	spawn_part_end(&part);
	twin_close(x, &t);
	search_twin_close(&twin);
	search_close(&sr);
	return 0;
}

/* The segments of one side (n, a flag each in want) with their likeliest
 * counterparts to[] and likenesses sim[], those with one, into *out
 * (*nout of them, in order).  0 or -1. */
static int
keep_near(const unsigned char *want, const int32_t *to, const double *sim,
          size_t n, struct near **out, size_t *nout)
{
	size_t k = 0;

	for (size_t s = 0; s < n; s++)
		k += want[s] && to[s] >= 0;
	*nout = 0;
	if (!(*out = malloc((k + 1) * sizeof **out)))
		return -1;
	for (size_t s = 0; s < n; s++)
		if (want[s] && to[s] >= 0)
			(*out)[(*nout)++] =
			        (struct near){(uint32_t)s, to[s], sim[s]};
	return 0;
}

/* Candidate k's likeness to rewrite segment r (Dice of weights). */
static double
cand_dice(const struct ctx *x, size_t r, size_t k)
{
	struct cand m = cand_at(x, r, k);
	double wsum = x->w->lv[m.o].W + x->w->rv[r].W;

	return wsum > 0 ? 2 * m.w / wsum : 0;
}

/* Rewrite segment r's candidate most like it (the first of the likest),
 * with its likeness in *sim, or -1 (*sim 0) when none is like it at all. */
static int32_t
cand_nearest(const struct ctx *x, size_t r, double *sim)
{
	int32_t to = -1;

	*sim = 0;
	for (size_t k = x->lw->cstart[r]; k < x->lw->cstart[r + 1]; k++) {
		double d = cand_dice(x, r, k);
		if (d > *sim) {
			*sim = d;
			to = (int32_t)x->lw->co[k];
		}
	}
	return to;
}

/* The rewrite segments linked to none with the candidate most like each,
 * those with one, into x->lw->rnear (in order), straight from their
 * candidates (no array per rewrite segment).  0 or -1. */
static int
rewrite_near(struct ctx *x)
{
	struct linkset *l = x->lw;
	size_t nr = x->c->rs.n, k = 0;
	double sim;

	for (size_t r = 0; r < nr; r++)
		k += l->prim[r] < 0 && cand_nearest(x, r, &sim) >= 0;
	l->nrnear = 0;
	if (!(l->rnear = malloc((k + 1) * sizeof *l->rnear)))
		return -1;
	for (size_t r = 0; r < nr && l->nrnear < k; r++) {
		int32_t to = l->prim[r] < 0 ? cand_nearest(x, r, &sim) : -1;
		if (to >= 0)
			l->rnear[l->nrnear++] =
			        (struct near){(uint32_t)r, to, sim};
	}
	return 0;
}

/* For the official segments no link holds and the rewrite segments linked
 * to none (the omissions and additions to be), the segment of the other
 * side most like each (Dice of stem weights): among the candidates, and
 * for an official segment also among what its own search finds
 * (reverse_candidates): x->lw->lnear and rnear.  The candidates are given
 * back first: no later step reads them, and on texts that share little
 * they are the largest thing the links hold.  0 or -1. */
static int
nearest_of(struct ctx *x, struct words *w)
{
	const struct align_in *c = x->c;
	struct linkset *l = x->lw;
	size_t no = c->ls.n, nr = c->rs.n;
	int32_t *lbest = malloc((no + 1) * sizeof *lbest);
	double *lsim = calloc(no + 1, sizeof *lsim);
	unsigned char *lwant = calloc(no + 1, 1);
	int rc = -1;

	if (!lbest || !lsim || !lwant || rewrite_near(x) < 0)
		goto out;
	(void)unheld(x, lwant); /* 1: held */
	for (size_t o = 0; o < no; o++) {
		lwant[o] = !lwant[o];
		lbest[o] = -1;
	}
	for (size_t r = 0; r < nr; r++) {
		for (size_t k = l->cstart[r]; k < l->cstart[r + 1]; k++) {
			double d = cand_dice(x, r, k);
			if (d > lsim[l->co[k]]) {
				lsim[l->co[k]] = d;
				lbest[l->co[k]] = (int32_t)r;
			}
		}
	}
	/* the candidates go before the omissions' own search, which would
	 * otherwise raise the peak on texts that share little; the heap
	 * gives their room back, so that the search's faults in only what
	 * it takes */
	free(l->co);
	free(l->cstart);
	free(l->cw);
	l->co = l->cstart = NULL;
	l->cw = NULL;
	l->ncands = 0;
	if (x->c->opt.trim)
		x->c->opt.trim();
	if (link_weights(x) < 0 ||
	    reverse_candidates(x, lwant, lbest, lsim) < 0)
		goto out;
	/* no later step reads a vector's stems (the blocks, their moves and
	 * the classification run on the links and each vector's weight):
	 * the stem pool is given back before the blocks */
	free(w->pool);
	free(w->pack);
	free(l->mark);
	w->pool = NULL;
	w->pack = NULL;
	l->mark = NULL;
	w->npool = w->cappool = 0;
	if (x->c->opt.trim)
		x->c->opt.trim(); /* the search's and the pool's room */
	if (keep_near(lwant, lbest, lsim, no, &l->lnear, &l->nlnear) < 0)
		goto out;
	rc = 0;
out:
	free(lbest);
	free(lsim);
	free(lwant);
	return rc;
}

/* ---- 4. links -------------------------------------------------------- */

/* union_shared over the packed pool: the same steps and terms, each
 * entry read as one word (no test of which pool a step). */
static double
union_packed(const struct ctx *x, const struct vec *r, const uint32_t *os,
             size_t n)
{
	const uint32_t *pack = x->w->pack, *rp = pack + r->off;
	const uint32_t *at[MERGE_MAX], *end[MERGE_MAX];
	double w = 0;

	for (size_t k = 0; k < n; k++) {
		at[k] = pack + x->w->lv[os[k]].off;
		end[k] = at[k] + x->w->lv[os[k]].n;
	}
	for (size_t i = 0; i < r->n; i++) {
		uint32_t e = rp[i], cid = e & ENT_CID_MAX, best = 0;
		for (size_t k = 0; k < n; k++) {
			const uint32_t *p = at[k];
			while (p != end[k] && (*p & ENT_CID_MAX) < cid)
				p++;
			at[k] = p;
			if (p != end[k] && (*p & ENT_CID_MAX) == cid &&
			    *p >> ENT_CID_BITS > best)
				best = *p >> ENT_CID_BITS;
		}
		uint32_t cnt = e >> ENT_CID_BITS;
		w += x->w->idf[cid] * (best < cnt ? best : cnt);
	}
	return w;
}

/* Weight of r's stems found in any of the official segments os[0..n),
 * n at most MERGE_MAX.  The vectors are sorted by stem, so one cursor per
 * official segment walks it alongside r's (a binary search per stem and
 * segment had cost a tenth of a million-word run). */
static double
union_shared(const struct ctx *x, const struct vec *r, const uint32_t *os,
             size_t n)
{
	size_t at[MERGE_MAX] = {0};
	double w = 0;

	if (x->w->pack)
		return union_packed(x, r, os, n);
	for (size_t i = 0; i < r->n; i++) {
		struct ent e = ent_at(x->w, r->off + i);
		uint32_t best = 0;
		for (size_t k = 0; k < n; k++) {
			const struct vec *o = &x->w->lv[os[k]];
			struct ent q;
			while (at[k] < o->n &&
			       (q = ent_at(x->w, o->off + at[k])).cid < e.cid)
				at[k]++;
			if (at[k] < o->n && q.cid == e.cid && q.cnt > best)
				best = q.cnt;
		}
		w += x->w->idf[e.cid] * (best < e.cnt ? best : e.cnt);
	}
	return w;
}

/* The most stems of a rewrite segment whose counts in its source
 * source_counts keeps (a longer segment takes union_shared). */
#define PAIR_STEMS_MAX 256

/* For each stem of rewrite vector r in turn, its count in official
 * vector p (0 when p lacks it) into pc[0 .. r->n), r->n at most
 * PAIR_STEMS_MAX; the stem pool packed. */
static void
source_counts(const struct ctx *x, const struct vec *r, const struct vec *p,
              uint32_t *pc)
{
	const uint32_t *rp = x->w->pack + r->off, *q = x->w->pack + p->off,
	               *qe = q + p->n;

	for (size_t i = 0; i < r->n; i++) {
		uint32_t cid = rp[i] & ENT_CID_MAX;
		while (q != qe && (*q & ENT_CID_MAX) < cid)
			q++;
		pc[i] = q != qe && (*q & ENT_CID_MAX) == cid
		                ? *q >> ENT_CID_BITS
		                : 0;
	}
}

/* union_shared(x, r, {p, o}, 2), the very same number, where pc holds
 * p's count of each stem of r (source_counts): the same terms in the
 * same order (each stem's count the larger of p's and o's, as the
 * cursors find it), o's entries walked alone. */
static double
union_pair(const struct ctx *x, const struct vec *r, const uint32_t *pc,
           uint32_t o)
{
	const uint32_t *pack = x->w->pack, *rp = pack + r->off;
	const uint32_t *q = pack + x->w->lv[o].off, *qe = q + x->w->lv[o].n;
	double w = 0;

	for (size_t i = 0; i < r->n; i++) {
		uint32_t e = rp[i], cid = e & ENT_CID_MAX, best = pc[i];
		while (q != qe && (*q & ENT_CID_MAX) < cid)
			q++;
		if (q != qe && (*q & ENT_CID_MAX) == cid &&
		    *q >> ENT_CID_BITS > best)
			best = *q >> ENT_CID_BITS;
		uint32_t cnt = e >> ENT_CID_BITS;
		w += x->w->idf[cid] * (best < cnt ? best : cnt);
	}
	return w;
}

/* Does official vector o hold every stem of rewrite vector r, each at
 * least as often?  Then shared(o, r) adds, stem by stem in r's order, the
 * same terms union_shared(r, {o, ...}) does. */
static int
holds_all(const struct ctx *x, const struct vec *o, const struct vec *r)
{
	size_t i = 0;

	for (size_t j = 0; j < r->n; j++) {
		struct ent q = ent_at(x->w, r->off + j), p = {0, 0};
		while (i < o->n && (p = ent_at(x->w, o->off + i)).cid < q.cid)
			i++;
		if (i == o->n || p.cid != q.cid || p.cnt < q.cnt)
			return 0;
		i++;
	}
	return 1;
}

/* Is stem cid in segment vector v? */
static int
has_stem(const struct ctx *x, const struct vec *v, uint32_t cid)
{
	size_t lo = 0, hi = v->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ent_at(x->w, v->off + mid).cid < cid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < v->n && ent_at(x->w, v->off + lo).cid == cid;
}

/* The share of its official sentence candidate m covers. */
static double
cand_cov(const struct ctx *x, const struct cand *m)
{
	double W = x->w->lv[m->o].W;
	return W > 0 ? m->w / W : 0;
}

/* A candidate with the share it covers, for sorting. */
struct wcand {
	uint32_t r, o;
	double w, cov_o;
};

/* Sort key of a candidate: its shared weight, then the share of the
 * official sentence it covers (a copy before a sentence containing it). */
static int
by_weight(const void *a, const void *b)
{
	const struct wcand *p = a, *q = b;
	double d = p->w - q->w;
	if (d > 1e-9 || d < -1e-9)
		return d > 0 ? -1 : 1;
	d = p->cov_o - q->cov_o;
	if (d > 1e-9 || d < -1e-9)
		return d > 0 ? -1 : 1;
	return p->o < q->o ? -1 : p->o > q->o;
}

/* Same shared weight and same share covered: the same sentence. */
static int
tied(const struct wcand *a, const struct wcand *b)
{
	return fabs(a->w - b->w) <= 1e-9 && fabs(a->cov_o - b->cov_o) <= 1e-9;
}

/* t[0..n) sorted by by_weight, stably, by the very merges the C
 * library's qsort made of so small an array (glibc's msort: the first
 * n / 2 and the rest each sorted, then merged, the first half's entry
 * taken unless the second's sorts strictly before it).  by_weight's
 * tolerances make it no strict order, so the merges themselves are kept,
 * not only their result; a call less per comparison.  tmp: n entries of
 * scratch. */
static void
merge_by_weight(struct wcand *t, size_t n, struct wcand *tmp)
{
	if (n <= 1)
		return;
	size_t n1 = n / 2, n2 = n - n1;
	struct wcand *b1 = t, *b2 = t + n1, *o = tmp;

	merge_by_weight(b1, n1, tmp);
	merge_by_weight(b2, n2, tmp);
	while (n1 > 0 && n2 > 0) {
		if (by_weight(b1, b2) <= 0) {
			*o++ = *b1++;
			n1--;
		} else {
			*o++ = *b2++;
			n2--;
		}
	}
	if (n1 > 0)
		memcpy(o, b1, n1 * sizeof *o);
	memcpy(t, tmp, (n - n2) * sizeof *t);
}

/* t[0..n) sorted by by_weight as merge_by_weight sorts it, where that
 * can be done plainly; 1 then, else 0 (t as it was).  It can where each
 * entry and the next either differ in weight by more than the
 * tolerance, the first heavier, or have the very same weight and share:
 * runs of the very same weight and share, each lighter than the one
 * before by more than the tolerance.  by_weight then puts every entry of
 * a run before every entry of a later run (their difference is that of
 * the one gap between the runs, which the test passed, or spans two
 * gaps or more, each above the tolerance, so it is above twice it), and
 * within a run orders by segment.  That is a strict order over t (no
 * two entries are of one segment), and a merge sort by a strict order
 * gives the one sorted list: the runs in turn, each by segment. */
static int
plainly_sorted(struct wcand *t, size_t n)
{
	int moved = 0;

	for (size_t i = 0; i + 1 < n; i++) {
		const struct wcand *a = &t[i], *b = &t[i + 1];
		if (a->w - b->w > 1e-9)
			continue;
		if (!(a->w == b->w && a->cov_o == b->cov_o))
			return 0;
		moved |= a->o > b->o;
	}
	/* each run by segment, by insertion: where a run's entries go
	 * before their run's earlier ones, all is of that run */
	for (size_t i = 1; moved && i < n; i++) {
		struct wcand u = t[i];
		size_t k = i;
		for (; k > 0 && t[k - 1].w == u.w &&
		       t[k - 1].cov_o == u.cov_o && t[k - 1].o > u.o;
		     k--)
			t[k] = t[k - 1];
		t[k] = u;
	}
	return 1;
}

/* Rewrite segment r's candidates co[g, e) (e - g <= CANDIDATES, as
 * candidates() keeps) with their weights into t, sorted by by_weight,
 * and their official segments and weights put back into co[g, e) and
 * cw[g, e) in that order. */
static void
sort_by_weight(const struct ctx *x, size_t r, size_t g, size_t e,
               struct wcand *t)
{
	size_t n = e - g;

	if (n > CANDIDATES)
		n = CANDIDATES; /* never: a sentence keeps CANDIDATES */
	for (size_t i = 0; i < n; i++) {
		struct cand m = cand_at(x, r, g + i);
		t[i] = (struct wcand){m.r, m.o, m.w, cand_cov(x, &m)};
	}
	struct wcand tmp[CANDIDATES];
	if (!plainly_sorted(t, n))
		merge_by_weight(t, n, tmp);
	for (size_t i = 0; i < n; i++) {
		x->lw->co[g + i] = t[i].o;
		x->lw->cw[g + i] = t[i].w;
	}
}

/* Is rewrite segment r a title line: a line of its own that does not end
 * as a sentence does (a headline, a section label, a caption)? */
int
title_line(const struct ctx *x, size_t r)
{
	const struct seglist *sl = &x->c->rs;
	const struct tok *last = &x->c->rt.v[sl->v[r].t1 - 1];

	return (r == 0 || sl->v[r - 1].para != sl->v[r].para) &&
	       (r + 1 == sl->n || sl->v[r + 1].para != sl->v[r].para) &&
	       !(last->kind == TOK_PUNCT && (last->flags & TOK_F_STOP));
}

/* Is rewrite segment r a title line under an item number: the second of
 * the two segments of its line, the first only a figure and a full stop
 * that the sentence rule cut off ("1." before "Firearm Homicides and
 * Suicides ... 2009-2010", a digest's numbered item heading)?  A heading
 * so numbered is a title line as one standing alone is. */
static int
numbered_title(const struct ctx *x, size_t r)
{
	const struct seglist *sl = &x->c->rs;
	const struct toklist *l = &x->c->rt;

	if (r == 0 || sl->v[r - 1].para != sl->v[r].para ||
	    (r >= 2 && sl->v[r - 2].para == sl->v[r].para) ||
	    (r + 1 < sl->n && sl->v[r + 1].para == sl->v[r].para))
		return 0;
	uint32_t t0 = sl->v[r - 1].t0, t1 = sl->v[r - 1].t1;
	const struct tok *last = &l->v[sl->v[r].t1 - 1];
	return t1 - t0 == 2 && l->v[t0].kind == TOK_NUMBER &&
	       l->v[t0].slen <= 2 && l->v[t0 + 1].kind == TOK_PUNCT &&
	       (l->v[t0 + 1].flags & TOK_F_STOP) &&
	       !(last->kind == TOK_PUNCT && (last->flags & TOK_F_STOP));
}

/* What segment k of sl (tokens l, text buf) is as a line: 0 when it is
 * no line of its own of at most max words; else LINE_TITLE when it has no
 * sentence end, and LINE_FURNITURE when it reads as page furniture
 * (lexicon.h: "Follow us on ...", "By ..."); 1 for any other line. */
enum { LINE_TITLE = 2, LINE_FURNITURE = 4 };
/* Do tokens [t0, t1) of l (the tokens of t) give only a date or a time:
 * a timestamp ("November 12, 2017, 10:44 am", "Wednesday, 13 August 2014
 * 12:50 GMT", "01/09/2009")?  Besides punctuation, only values that are
 * dates or weekdays (value.h), figures and the words of a timestamp
 * (lex_is_clock_word), with a date or weekday among them, or three
 * figures or more joined by '/', '-' or '.'. */
static int
date_line(const struct text *t, const struct toklist *l, uint32_t t0,
          uint32_t t1)
{
	int dated = 0, joined = 1;
	size_t figures = 0;

	for (uint32_t i = t0; i < t1;) {
		const struct tok *k = &l->v[i];
		struct value v;
		size_t n, len = tok_len(l, i);
		if (k->kind == TOK_PUNCT) {
			const unsigned char *p = t->buf + k->off;
			joined &= len == 1 &&
			          (*p == '/' || *p == '-' || *p == '.');
			i++;
			continue;
		}
		int may = value_may_start(t, k);
		if (may != VALUE_START_NEVER &&
		    (may != VALUE_START_CAPITAL || (k->flags & TOK_F_UPPER)) &&
		    (n = value_read(t, l, i, t1, &v)) > 0 &&
		    (v.kind == VALUE_DATE || v.kind == VALUE_WEEKDAY)) {
			dated = 1;
			i += (uint32_t)n;
			continue;
		}
		if (k->kind == TOK_NUMBER) {
			figures++;
			i++;
			continue;
		}
		if (k->kind == TOK_WORD &&
		    lex_is_clock_word((const char *)t->buf + k->off, len)) {
			i++;
			continue;
		}
		return 0;
	}
	return dated || (figures >= 3 && joined);
}

static int
line_kind(const struct seglist *sl, const struct toklist *l,
          const struct text *t, size_t k, size_t max)
{
	const unsigned char *buf = t->buf;
	uint32_t t0 = sl->v[k].t0, t1 = sl->v[k].t1;
	const struct tok *last = &l->v[t1 - 1];

	if ((k > 0 && sl->v[k - 1].para == sl->v[k].para) ||
	    (k + 1 < sl->n && sl->v[k + 1].para == sl->v[k].para) ||
	    tok_words(l, t0, t1) > max)
		return 0;
	return 1 |
	       (last->kind == TOK_PUNCT && (last->flags & TOK_F_STOP)
	                ? 0
	                : LINE_TITLE) |
	       (lex_is_furniture(buf + l->v[t0].off,
	                         tok_end(l, t1 - 1) - l->v[t0].off) ||
	                        date_line(t, l, t0, t1)
	                ? LINE_FURNITURE
	                : 0);
}

/* Is official segment k in a paragraph that is a site's standing notice
 * (lex_is_notice: "Persons using assistive technology ...")? */
static int
notice_para(const struct seglist *sl, const struct toklist *l,
            const struct text *t, size_t k)
{
	size_t j = k;

	while (j > 0 && sl->v[j - 1].para == sl->v[k].para)
		j--;
	uint32_t t0 = sl->v[j].t0, t1 = sl->v[j].t1;
	return t1 > t0 && lex_is_notice(t->buf + l->v[t0].off,
	                                tok_end(l, t1 - 1) - l->v[t0].off);
}

/* x->lw->header: the official segments that are lines of the page's
 * header or furniture, not sentences with content: the title and
 * furniture lines before its first sentence (a title, a dateline,
 * "Immediate Release", "X provided the following readout:"), of at most
 * HEADER_MAX_WORDS words, furniture lines of at most FURNITURE_MAX_WORDS
 * anywhere ("Follow us on ..."), and a standing notice's paragraph
 * anywhere, however long (one before the title does not end the header).
 * A text with no sentence at all (a list, a poem) has no header.  0 or
 * -1. */
static int
official_headers(struct ctx *x)
{
	const struct seglist *sl = &x->c->ls;
	const struct toklist *l = &x->c->lt;
	size_t k, prose = sl->n;

	for (k = 0; k < sl->n && prose == sl->n; k++)
		if (!(line_kind(sl, l, x->c->left, k, HEADER_MAX_WORDS) &
		      (LINE_TITLE | LINE_FURNITURE)) &&
		    !notice_para(sl, l, x->c->left, k))
			prose = k;
	if (prose == sl->n)
		return 0;
	/* notice_para's answer is its paragraph's: asked once a paragraph
	 * (-1 not yet), the paragraph's first segment followed as k goes */
	int notice = -1;
	for (k = 0; k < sl->n; k++) {
		if (k > 0 && sl->v[k - 1].para != sl->v[k].para)
			notice = -1;
		int kind = line_kind(sl, l, x->c->left, k,
		                     k < prose ? HEADER_MAX_WORDS
		                               : FURNITURE_MAX_WORDS);
		if (!(k < prose || (kind & LINE_FURNITURE)) && notice < 0)
			notice = notice_para(sl, l, x->c->left, k);
		x->lw->header[k] =
		        (unsigned char)(k < prose || (kind & LINE_FURNITURE) ||
		                        notice > 0);
	}
	return 0;
}

/* Is rewrite segment r a question on a line of its own: the only
 * segment of its paragraph, ending in '?' (a section heading "Who can
 * apply?", an interviewer's "Q: ...?")?  It asks and claims nothing, so
 * it conveys no sentence of the statement. */
static int
question_line(const struct ctx *x, size_t r)
{
	const struct seglist *sl = &x->c->rs;
	const struct toklist *l = &x->c->rt;
	const struct tok *last = &l->v[sl->v[r].t1 - 1];

	return (r == 0 || sl->v[r - 1].para != sl->v[r].para) &&
	       (r + 1 == sl->n || sl->v[r + 1].para != sl->v[r].para) &&
	       last->kind == TOK_PUNCT && last->slen == 1 &&
	       x->c->right->buf[last->off] == '?';
}

/* Is rewrite segment r a line of its own, of at most FURNITURE_MAX_WORDS
 * words, that reads as page furniture (lexicon.h: "FILE - ...", "By ...",
 * "... with inputs from ...", "Leave a reply"), or a segment that begins
 * a site's standing notice, however long (lex_is_notice: "This was
 * published under the 2016 to 2021 administration of ...")?  Only the
 * notice's first segment: asking the paragraph for each of its segments
 * would cost a walk back each. */
static int
furniture_raw(const struct ctx *x, size_t r)
{
	const struct seglist *sl = &x->c->rs;
	const struct toklist *l = &x->c->rt;
	uint32_t t0 = sl->v[r].t0, t1 = sl->v[r].t1;

	return (line_kind(sl, l, x->c->right, r, FURNITURE_MAX_WORDS) &
	        LINE_FURNITURE) != 0 ||
	       question_line(x, r) ||
	       (t1 > t0 && lex_is_notice(x->c->right->buf + l->v[t0].off,
	                                 tok_end(l, t1 - 1) - l->v[t0].off));
}

/* The token that opens the bracketed credit closing tokens [t0, t1) of
 * the rewrite ("[AP]", "(Photo: Reuters)", "(© Name/AP Images)"), of 1 to
 * CAPTION_CREDIT_MAX words and no sentence stop, or t1 when they end in
 * none. */
static uint32_t
credit_start(const struct ctx *x, uint32_t t0, uint32_t t1)
{
	const struct toklist *l = &x->c->rt;
	const unsigned char *buf = x->c->right->buf;
	uint32_t t;

	if (t1 - t0 < 2 || l->v[t1 - 1].kind != TOK_PUNCT ||
	    l->v[t1 - 1].slen != 1)
		return t1;
	unsigned char close = buf[l->v[t1 - 1].off];
	unsigned char open = close == ']' ? '[' : close == ')' ? '(' : 0;
	if (!open)
		return t1;
	for (t = t1 - 1; t-- > t0;)
		if (l->v[t].kind == TOK_PUNCT && l->v[t].slen == 1 &&
		    buf[l->v[t].off] == open)
			break;
	if (t == (uint32_t)-1 || t < t0)
		return t1;
	/* a credit names a source; "(Applause.)", a transcript's note, is
	 * a sentence of its own */
	for (uint32_t u = t + 1; u + 1 < t1; u++)
		if (l->v[u].kind == TOK_PUNCT && (l->v[u].flags & TOK_F_STOP))
			return t1;
	size_t credit = tok_words(l, t + 1, t1 - 1);
	return credit >= 1 && credit <= CAPTION_CREDIT_MAX ? t : t1;
}

/* Is rewrite segment r a photo caption: a line of its own closed by a
 * credit in brackets (credit_start), "... in Da Nang [AP]", after at
 * least CAPTION_MIN_WORDS words?  Either the line is one title line (no
 * sentence end), or it is a sentence and the credit after it, which the
 * segmenter cut apart ("... on November 8, 2020. (© Name/AP Images)"):
 * then r is the sentence, its line's first segment, and the credit its
 * second and last.  A caption describes a picture: even when it names
 * the statement's setting it conveys none of its sentences. */
static int
caption_raw(const struct ctx *x, size_t r)
{
	const struct seglist *sl = &x->c->rs;
	const struct toklist *l = &x->c->rt;
	uint32_t t0 = sl->v[r].t0, t1 = sl->v[r].t1;

	if (t1 - t0 >= 3 && title_line(x, r)) {
		uint32_t t = credit_start(x, t0, t1);
		return t < t1 && tok_words(l, t0, t) >= CAPTION_MIN_WORDS;
	}
	/* a sentence and its credit, the two segments of one line */
	if ((r > 0 && sl->v[r - 1].para == sl->v[r].para) || r + 1 >= sl->n ||
	    sl->v[r + 1].para != sl->v[r].para ||
	    (r + 2 < sl->n && sl->v[r + 2].para == sl->v[r].para))
		return 0;
	uint32_t c0 = sl->v[r + 1].t0, c1 = sl->v[r + 1].t1;
	return credit_start(x, c0, c1) == c0 &&
	       tok_words(l, t0, t1) >= CAPTION_MIN_WORDS;
}

/* An upper bound on the shared weight of rewrite segment r with any
 * other segment: the sum, in order, of the terms of all its vector's
 * entries.  Since 0fba2c0 words.c's related appends the related words'
 * shadows (their keys start with byte 1) after W was summed, so for a
 * vector that holds one (its last entry, ids being sorted; known once
 * asked, in x->lw->rline) the sum is made here; for any other it is W,
 * the same terms in the same order.
 * Each term of a shared weight is one of these terms or smaller, and the
 * shared weight sums them in the same order; rounded addition is
 * monotone. */
static double
full_bound(const struct ctx *x, size_t r)
{
	const struct vec *v = &x->w->rv[r];
	size_t lb;

	unsigned char *f = &x->lw->rline[r];

	if (!(*f & RL_SHADE_KNOWN)) {
		const char *key =
		        v->n ? intern_key(x->w->stems,
		                          ent_at(x->w, v->off + v->n - 1).cid,
		                          &lb)
		             : NULL;
		*f |= RL_SHADE_KNOWN |
		      (key && lb > 0 && key[0] == '\001' ? RL_SHADE : 0);
	}
	if (!(*f & RL_SHADE))
		return v->W;
	double w = 0;
	for (size_t i = 0; i < v->n; i++) {
		struct ent e = ent_at(x->w, v->off + i);
		w += x->w->idf[e.cid] * e.cnt;
	}
	return w;
}

/* Could rewrite segments r and s (of weights W > 0) have a Dice of their
 * stems (2 * shared / (W_r + W_s)) of at least min?  Their shared weight
 * is no more than the lighter one's full_bound, so when that bound falls
 * short the merge of their stems is not needed. */
static int
dice_reach(const struct ctx *x, size_t r, size_t s, double min)
{
	const struct vec *v = &x->w->rv[r], *u = &x->w->rv[s];
	double m = full_bound(x, v->W < u->W ? r : s);

	return 2 * m / (v->W + u->W) >= min;
}

/* Is the Dice of the stems of rewrite segments r and s (of weights W >
 * 0) at least min?  Through the mark table when there is one, r's stems
 * marked on the first ask (*marked set; the caller clears them). */
static int
dice_with(const struct ctx *x, size_t r, size_t s, double min, int *marked)
{
	const struct vec *v = &x->w->rv[r], *u = &x->w->rv[s];
	double w;

	if (!x->lw->mark) {
		w = shared(x, v, u);
	} else {
		if (!*marked)
			mark_stems(x, v, 1);
		*marked = 1;
		w = shared_marked(x, u);
	}
	return 2 * w / (v->W + u->W) >= min;
}

/* title_line of rewrite segment r, kept in x->lw->rline (title_back). */
static int
title_known(const struct ctx *x, size_t r)
{
	return (x->lw->rline[r] & RL_TITLE) != 0;
}

/* The title masks of rewrite segment q (W > 0) into m[0..3): a bit (of
 * 64, by a hash of the id) for each stem of its vector in m[0]; in m[1]
 * and m[2] those of its heaviest entries (by the term idf * count), taken
 * until what is left weighs less than TITLE_REST of its W (m[1]), and
 * less than TITLE_REST_LIGHT (m[2]).  Where that is not sure, all the
 * stems (a bound of no use, but a true one).
 *
 * Where none of m[1]'s stems is in a segment u (m[1] & u's m[0] is 0),
 * the Dice of the two is below TITLE_DUP_MIN: each term of their shared
 * weight is one of q's terms or smaller, of q's stems outside m[1], so
 * the shared weight is at most what is left, under TITLE_REST (0.35) of
 * q's W, and twice that over the two weights (u's above 0) is under 0.7,
 * with room for the rounding.  Where q is no heavier than u, the same
 * holds of m[2]: twice what is left over the two weights is at most what
 * is left over q's W alone, under TITLE_REST_LIGHT (0.7). */
#define TITLE_REST       0.35
#define TITLE_REST_LIGHT 0.7
#define MASK_TERMS       32
static void
title_masks(const struct ctx *x, size_t q, uint64_t *m)
{
	const struct vec *v = &x->w->rv[q];
	double term[MASK_TERMS], rest = 0;
	unsigned char taken[MASK_TERMS] = {0};
	uint64_t full = 0, bit[MASK_TERMS];
	size_t n = v->n;

	for (size_t i = 0; i < n; i++) {
		struct ent e = ent_at(x->w, v->off + i);
		uint64_t b = UINT64_C(1)
		             << ((e.cid * UINT64_C(0x9E3779B97F4A7C15)) >> 58);
		full |= b;
		if (i < MASK_TERMS) {
			bit[i] = b;
			term[i] = x->w->idf[e.cid] * e.cnt;
			rest += term[i];
		}
	}
	m[0] = m[1] = m[2] = full;
	if (n > MASK_TERMS)
		return;
	/* the heaviest first, each taken marked by its turn (1, 2, ...);
	 * the turns after which the rest fell under each bound */
	unsigned upto[3] = {0, 0, 0};
	for (unsigned turn = 1; rest >= TITLE_REST * v->W; turn++) {
		size_t k = n;
		for (size_t i = 0; i < n; i++)
			if (!taken[i] && (k == n || term[i] > term[k]))
				k = i;
		if (k == n)
			return;
		taken[k] = (unsigned char)turn;
		rest -= term[k];
		if (!upto[2] && rest < TITLE_REST_LIGHT * v->W)
			upto[2] = turn;
		upto[1] = turn;
	}
	/* each rest summed afresh, not as the differences left it; the
	 * mask kept only where that one is under its bound too */
	for (int j = 1; j <= 2; j++) {
		uint64_t heavy = 0;
		rest = 0;
		for (size_t i = 0; i < n; i++) {
			if (taken[i] && taken[i] <= upto[j])
				heavy |= bit[i];
			else
				rest += term[i];
		}
		if (rest < (j == 1 ? TITLE_REST : TITLE_REST_LIGHT) * v->W)
			m[j] = heavy;
	}
}

/* The title masks of the segments last asked, by their number modulo
 * TMASK_SLOTS (repeats_scan looks back at most TITLE_BACK, and the rules
 * ask in order): seg is the segment whose masks m holds, SIZE_MAX for
 * none. */
#define TMASK_SLOTS 1024
_Static_assert(TMASK_SLOTS >= 2 * TITLE_BACK, "the window fits the slots");
struct tmasks {
	size_t seg[TMASK_SLOTS];
	uint64_t m[TMASK_SLOTS][3];
};

/* The title masks of rewrite segment q (W > 0) through the slots of tc. */
static const uint64_t *
tmask_of(const struct ctx *x, struct tmasks *tc, size_t q)
{
	size_t k = q % TMASK_SLOTS;

	if (tc->seg[k] != q) {
		title_masks(x, q, tc->m[k]);
		tc->seg[k] = q;
	}
	return tc->m[k];
}

/* Can the title lines q and u (of W > 0) have a Dice of TITLE_DUP_MIN:
 * do the heavy stems of each meet the other's (title_masks: m[2] of the
 * lighter, m[1] of the other)?  The masks
 * are kept in tc; where tc is NULL (no room for it), yes. */
static int
title_meet(const struct ctx *x, struct tmasks *tc, size_t q, size_t u)
{
	if (!tc)
		return 1;
	const uint64_t *a = tmask_of(x, tc, q), *b = tmask_of(x, tc, u);
	if (x->w->rv[u].W < x->w->rv[q].W) { /* a the lighter */
		const uint64_t *h = a;
		a = b;
		b = h;
	}
	return (a[2] & b[0]) && (b[1] & a[0]);
}

/* Does rewrite segment r (W > 0) repeat one of the DUP_BACK before it
 * (Dice of their stems at least DUP_MIN), or, as a title line, an earlier
 * title line up to TITLE_BACK before it (at least TITLE_DUP_MIN: a
 * headline repeated at the foot of the page, glued to a section label)?
 * dice_with marks r's stems on the first ask (*marked). */
static int
repeats_scan(const struct ctx *x, struct tmasks *tm, size_t r, int *marked)
{
	for (size_t k = 1; k <= DUP_BACK && k <= r; k++) {
		const struct vec *u = &x->w->rv[r - k];
		if (x->lw->restate[r - k])
			continue; /* a deck or a restated title: the telling
			             that counts is this one */
		if (u->W > 0 && dice_reach(x, r, r - k, DUP_MIN) &&
		    dice_with(x, r, r - k, DUP_MIN, marked))
			return 1;
	}
	if (!title_known(x, r))
		return 0;
	/* the title lines up to TITLE_BACK before r, by their chain */
	for (size_t t = r;
	     x->lw->tback[t] && r - (t - x->lw->tback[t]) <= TITLE_BACK;) {
		t -= x->lw->tback[t];
		const struct vec *u = &x->w->rv[t];
		if (u->W > 0 && title_meet(x, tm, r, t) &&
		    dice_reach(x, r, t, TITLE_DUP_MIN) &&
		    dice_with(x, r, t, TITLE_DUP_MIN, marked))
			return 1;
	}
	return 0;
}

/* repeats_scan of rewrite segment r (one of weight 0 repeats nothing),
 * r's marks cleared after; tm as title_meet takes it. */
static int
repeats_raw(const struct ctx *x, struct tmasks *tm, size_t r)
{
	int marked = 0, rep;

	if (x->w->rv[r].W <= 0)
		return 0;
	rep = repeats_scan(x, tm, r, &marked);
	if (marked)
		mark_stems(x, &x->w->rv[r], 0);
	return rep;
}

static unsigned
line_facts(const struct ctx *x, size_t r, unsigned want)
{
	unsigned char *f = &x->lw->rline[r];

	if ((want & (RL_FURN | RL_CAPTION)) && !(*f & RL_FC))
		*f |= RL_FC | (furniture_raw(x, r) ? RL_FURN : 0) |
		      (caption_raw(x, r) ? RL_CAPTION : 0);
	return *f & want;
}

int
furniture_line(const struct ctx *x, size_t r)
{
	return line_facts(x, r, RL_FURN) != 0;
}

int
caption_line(const struct ctx *x, size_t r)
{
	return line_facts(x, r, RL_CAPTION) != 0;
}

/* repeats, through the title masks tm (title_meet) when not NULL. */
static int
repeats_with(const struct ctx *x, struct tmasks *tm, size_t r)
{
	unsigned char *f = &x->lw->rline[r];

	if (!(*f & RL_REP_KNOWN))
		*f |= RL_REP_KNOWN | (repeats_raw(x, tm, r) ? RL_REP : 0);
	return (*f & RL_REP) != 0;
}

int
repeats(const struct ctx *x, size_t r)
{
	return repeats_with(x, NULL, r);
}

/* Is stem cid a figure specific enough to name its source: a number of
 * FIGURE_MIN_DIGITS digits or more that is not a year (1900 to 2099), or
 * a value (a date, an amount: its key holds a space, '@' or '%')? */
static int
figure(const struct ctx *x, uint32_t cid)
{
	size_t len, digits = 0;

	if (!x->w->numeric[cid])
		return 0;
	const char *key = intern_key(x->w->stems, cid, &len);
	if (!len)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (key[i] == ' ' || key[i] == '@' || key[i] == '%')
			return 1;
		digits += key[i] >= '0' && key[i] <= '9';
	}
	if (digits == 4 && len == 4 &&
	    (memcmp(key, "19", 2) == 0 || memcmp(key, "20", 2) == 0))
		return 0;
	return digits >= FIGURE_MIN_DIGITS;
}

/* The share of a rewrite segment that an official segment must cover to
 * be linked on other evidence than that share (a figure, a rare word):
 * none at the default link_min, growing to the whole segment at 1, so
 * that --link-min=1 links whole copies only. */
static double
evidence_min(const struct ctx *x)
{
	double m = x->c->opt.link_min;

	return m <= ALIGN_LINK_MIN
	               ? 0
	               : (m - ALIGN_LINK_MIN) / (1 - ALIGN_LINK_MIN);
}

/* How many official segments hold each stem below n, or NULL when out of
 * memory; the caller frees it. */
static uint32_t *
official_df(const struct ctx *x, uint32_t n)
{
	uint32_t *odf = calloc(n + 1, sizeof *odf);

	if (!odf)
		return NULL;
	for (size_t s = 0; s < x->c->ls.n; s++)
		for (size_t j = 0; !x->lw->header[s] && j < x->w->lv[s].n;
		     j++) {
			uint32_t c = ent_at(x->w, x->w->lv[s].off + j).cid;
			if (c < n)
				odf[c]++;
		}
	return odf;
}

/* official_df of the stems below n, made once for a linking pass when a
 * rule first asks (official segments' stems and headers do not change
 * while the rules run): v is NULL before. */
struct odfcache {
	uint32_t *v;
	uint32_t n;
};

/* oc's counts, made on the first call; NULL when out of memory. */
static const uint32_t *
odf_get(const struct ctx *x, struct odfcache *oc)
{
	if (!oc->v) {
		oc->n = intern_count(x->w->stems);
		oc->v = official_df(x, oc->n);
	}
	return oc->v;
}

/* Link each rewrite segment linked to nothing that shares a figure with
 * exactly one official segment of the whole text, and with none other of
 * its candidates, to that segment.  0 or -1. */
static int
number_links(struct ctx *x, unsigned char *linked, struct tmasks *tm,
             struct odfcache *oc)
{
	uint32_t n = intern_count(x->w->stems);
	const uint32_t *odf = NULL;

	for (size_t r = 0; r < x->c->rs.n; r++) {
		size_t g = x->lw->cstart[r], e = x->lw->cstart[r + 1];
		long pick = -1;
		int several = 0;
		if (g == e || x->lw->prim[r] >= 0 || x->lw->restate[r] ||
		    furniture_line(x, r) || caption_line(x, r) ||
		    repeats_with(x, tm, r))
			continue;
		for (size_t k = g; k < e && !several; k++) {
			if (x->lw->header[x->lw->co[k]])
				continue; /* a header names nothing */
			const struct vec *o = &x->w->lv[x->lw->co[k]];
			const struct vec *v = &x->w->rv[r];
			for (size_t i = 0; i < v->n; i++) {
				uint32_t cid = ent_at(x->w, v->off + i).cid;
				if (cid >= n || !figure(x, cid) ||
				    !has_stem(x, o, cid))
					continue;
				if (!odf && !(odf = odf_get(x, oc)))
					return -1;
				if (cid >= oc->n || odf[cid] != 1)
					continue;
				if (pick >= 0 && pick != (long)x->lw->co[k])
					several = 1;
				pick = (long)x->lw->co[k];
			}
		}
		double w = pick >= 0 ? shared(x, &x->w->lv[pick], &x->w->rv[r])
		                     : 0;
		if (pick >= 0 && !several &&
		    w >= evidence_min(x) * x->w->rv[r].W) {
			x->lw->prim[r] = (int32_t)pick;
			linked[pick] = 1;
		}
	}
	return 0;
}

/* Link each rewrite segment linked to nothing whose best candidate (by
 * shared weight) is an official segment nothing links to, when the two
 * share TERM_MIN_WORDS words, two of them not names, one a word no other
 * official segment has (itself, not a related word), and the official
 * segment lies where the rewrite segment does in the order of the links
 * around it: the rare word names the source, as a figure does.  0 or
 * -1. */
static int
term_links(struct ctx *x, unsigned char *linked, struct tmasks *tm,
           struct odfcache *oc)
{
	const struct align_in *c = x->c;
	const uint32_t *odf = odf_get(x, oc);
	int32_t *next = malloc((c->rs.n + 1) * sizeof *next);
	long prev = -1;
	size_t rdone = 0;

	if (!odf || !next) {
		free(next);
		return -1;
	}
	/* the official segment of the next linked rewrite segment */
	next[c->rs.n] = -1;
	for (size_t r = c->rs.n; r-- > 0;)
		next[r] = x->lw->prim[r] >= 0 ? x->lw->prim[r] : next[r + 1];
	for (size_t r = 0; r < c->rs.n; r++) {
		size_t g = x->lw->cstart[r], e = x->lw->cstart[r + 1];
		if (g == e)
			continue;
		for (; rdone < r; rdone++)
			if (x->lw->prim[rdone] >= 0)
				prev = x->lw->prim[rdone];
		if (x->lw->prim[r] >= 0 || x->lw->restate[r] ||
		    furniture_line(x, r) || caption_line(x, r) ||
		    repeats_with(x, tm, r))
			continue;
		struct cand best = cand_at(x, r, g);
		for (size_t k = g + 1; k < e; k++) {
			struct cand m = cand_at(x, r, k);
			if (m.w > best.w)
				best = m;
		}
		uint32_t o = best.o;
		long after = next[r + 1];
		size_t nwords, nplain, rare = 0;
		shared_n(x, &x->w->lv[o], &x->w->rv[r], &nwords, &nplain);
		if (!linked[o] && x->lw->sec[o] < 0 && !x->lw->header[o] &&
		    nwords >= TERM_MIN_WORDS && nplain >= 2 &&
		    (prev < 0 || (long)o >= prev) &&
		    (after < 0 || (long)o <= after) &&
		    best.w >= evidence_min(x) * x->w->rv[r].W) {
			const struct vec *v = &x->w->rv[r];
			for (size_t i = 0; i < v->n && !rare; i++) {
				uint32_t cid = ent_at(x->w, v->off + i).cid;
				size_t len;
				rare = cid < oc->n && odf[cid] == 1 &&
				       !x->w->name[cid] &&
				       !x->w->numeric[cid] &&
				       /* a word, not a related word's shadow */
				       intern_key(x->w->stems, cid, &len)[0] !=
				               '\001' &&
				       has_stem(x, &x->w->lv[o], cid);
			}
		}
		if (rare) {
			x->lw->prim[r] = (int32_t)o;
			linked[o] = 1;
		}
	}
	free(next);
	return 0;
}

/* Among the candidates t[0, n) of one rewrite segment, sorted by weight
 * (co[g, g + n) and cw in the same order), those tied with the first are the
 * same sentence repeated in the official text: move to the front the one
 * nearest after the previous link (one not linked yet on a further tie),
 * so repeats pair in order. */
static void
prefer_in_order(struct ctx *x, size_t g, struct wcand *t, size_t n,
                const unsigned char *used, long last)
{
	size_t pick = 0;

	for (size_t k = 1; k < n && tied(&t[k], &t[0]); k++) {
		const struct wcand *a = &t[k], *b = &t[pick];
		long da = (long)a->o - last, db = (long)b->o - last;
		/* after the previous link beats before it; then nearer;
		 * then one not linked yet */
		if ((da > 0) != (db > 0)) {
			if (da > 0)
				pick = k;
		} else if (labs(da) != labs(db)) {
			if (labs(da) < labs(db))
				pick = k;
		} else if (!used[a->o] && used[b->o]) {
			pick = k;
		}
	}
	if (pick != 0) {
		struct wcand w = t[0];
		t[0] = t[pick];
		t[pick] = w;
		x->lw->co[g] = t[0].o;
		x->lw->co[g + pick] = t[pick].o;
		x->lw->cw[g] = t[0].w;
		x->lw->cw[g + pick] = t[pick].w;
	}
}

/* ---- 4. links: the rules -------------------------------------------- */

/* What the linking rules share while they run. */
struct lstate {
	unsigned char *linked; /* per official segment: a rewrite segment
	                          links to it as its source (x->lw->prim) */
	unsigned char *held;   /* per rewrite segment: linked by the
	                          held-source rule */
	long last;             /* official segment of the previous best link */
	size_t rnext;          /* rule_best: the anchors before this rewrite
	                          segment are in last */
	unsigned char *best;   /* per rewrite segment: linked by the
	                          best-candidate rule */
	struct tmasks *tmask;  /* the title masks last made (title_meet),
	                          or NULL (no room) */
	struct odfcache odf;   /* official_df, made when a rule first asks */
};

/* Is rewrite segment r still linked to nothing, and prose that may link:
 * not a byline, a caption or a repeated title line. */
static int
unlinked_prose(const struct ctx *x, struct tmasks *tm, size_t r)
{
	return x->lw->prim[r] < 0 && !x->lw->restate[r] &&
	       !furniture_line(x, r) && !caption_line(x, r) &&
	       !repeats_with(x, tm, r);
}

/* Do official segment o and rewrite segment r share enough to link at
 * all: LINK_MIN_WORDS stems that are words, one at least not a name. */
static int
enough_words(const struct ctx *x, size_t o, size_t r)
{
	size_t nwords, nplain;
	shared_n(x, &x->w->lv[o], &x->w->rv[r], &nwords, &nplain);
	return nwords >= LINK_MIN_WORDS && nplain >= 1;
}

/* Link rewrite segment r to official segment o as its source. */
static void
link_to(struct ctx *x, struct lstate *s, size_t r, size_t o)
{
	x->lw->prim[r] = (int32_t)o;
	s->linked[o] = 1;
}

/* The shared weight of linked rewrite segment r with its source. */
static double
source_weight(const struct ctx *x, size_t r)
{
	return link_weight(x, r, (uint32_t)x->lw->prim[r]);
}

/* The shared weight of official segment o, half of a merge, with the
 * rewrite segment it is merged into. */
static double
merge_weight(const struct ctx *x, size_t o)
{
	return link_weight(x, (size_t)x->lw->sec[o], (uint32_t)o);
}

/* Make official segment o half of a merge into rewrite segment r (x->lw->sec),
 * sharing weight w with it, unless a rewrite segment sharing more with it
 * has it already. */
static void
merge_into(struct ctx *x, size_t o, size_t r, double w)
{
	if (x->lw->sec[o] < 0 || w > merge_weight(x, o))
		x->lw->sec[o] = (int32_t)r;
}

/* A deck: a sentence printed as a paragraph of its own among the first
 * DECK_TOP segments of the rewrite, ending as a sentence ends, that one
 * of the DECK_NEXT segments after it begins with, word for word (a summary line
 * above the body repeating the lead, whole or cut short).  It is page
 * furniture: the telling that counts is the body's. */
#define DECK_TOP       4
#define DECK_NEXT      8
#define DECK_MIN_WORDS 6

/* Mark the rewrite's decks in x->lw->restate (linked to nothing, and no
 * rule links them). */
static void
mark_decks(struct ctx *x)
{
	const struct seglist *sl = &x->c->rs;
	const struct toklist *l = &x->c->rt;
	const unsigned char *buf = x->c->right->buf;

	for (size_t r = 0; r < sl->n && r < DECK_TOP; r++) {
		uint32_t t0 = sl->v[r].t0, t1 = sl->v[r].t1;
		if ((r > 0 && sl->v[r - 1].para == sl->v[r].para) ||
		    (r + 1 < sl->n && sl->v[r + 1].para == sl->v[r].para) ||
		    tok_words(l, t0, t1) < DECK_MIN_WORDS)
			continue;
		/* a sentence, not a title line; its words without the stop */
		uint32_t e = t1 - 1;
		if (l->v[e].kind != TOK_PUNCT || !(l->v[e].flags & TOK_F_STOP))
			continue;
		size_t len = tok_end(l, e - 1) - l->v[t0].off;
		for (size_t q = r + 1; q < sl->n && q <= r + DECK_NEXT; q++) {
			const struct seg *u = &sl->v[q];
			if (tok_end(l, u->t1 - 1) - l->v[u->t0].off >= len &&
			    memcmp(buf + l->v[t0].off, buf + l->v[u->t0].off,
			           len) == 0) {
				x->lw->restate[r] = 1;
				break;
			}
		}
	}
}

/* Anchor.  Rule: a rewrite segment that repeats an official one word for
 * word, in the order of both texts (anchor_pairs: the sentences a word
 * diff leaves unchanged), links to it before any other rule runs,
 * however short it is or however common its words, unless it is page
 * furniture (furniture_line, caption_line: a heading that asks, a
 * byline), which no rule links.  A title line that
 * repeats a line of the official header (a headline copying the title)
 * is furniture of both, as one restating it is (rule_best): linked to
 * nothing, and no later rule links it.  But a rewrite that is the
 * official text segment for segment is a copy throughout: every segment
 * links to its own, the headline and furniture too. */
static int
rule_anchor(struct ctx *x, struct lstate *s)
{
	const int32_t *pair = x->lw->anchor;
	/* a rewrite that is the official text, segment for segment, is a
	 * copy throughout, its headline and furniture too */
	int copy = x->c->rs.n == x->c->ls.n;

	for (size_t r = 0; copy && r < x->c->rs.n; r++)
		copy = pair[r] == (int32_t)r;
	for (size_t r = 0; r < x->c->rs.n; r++) {
		if (pair[r] < 0)
			continue;
		if (copy) {
			x->lw->restate[r] = 0; /* no deck of its own */
			link_to(x, s, r, (size_t)pair[r]);
			continue;
		}
		if (x->lw->restate[r])
			continue;
		/* however exact the copy (a factsheet's question heading) */
		if (furniture_line(x, r) || caption_line(x, r)) {
			x->lw->restate[r] = 1;
			continue;
		}
		if (x->lw->header[pair[r]] &&
		    (title_line(x, r) || numbered_title(x, r))) {
			x->lw->restate[r] = 1;
			continue;
		}
		link_to(x, s, r, (size_t)pair[r]);
	}
	return 0;
}

/* Among the first n of rewrite segment r's candidates t, the one that
 * alone gives a figure of r's that only one official segment gives (a
 * figure names its source, as rule_figure has it), or -1 when none
 * does or several do; -2 when there is no memory for s->odf. */
static long
figure_candidate(struct ctx *x, struct lstate *s, size_t r,
                 const struct wcand *t, size_t n)
{
	const struct vec *v = &x->w->rv[r];
	long pick = -1;

	for (size_t i = 0; i < v->n; i++) {
		uint32_t cid = ent_at(x->w, v->off + i).cid;
		if (!figure(x, cid))
			continue;
		const uint32_t *odf = odf_get(x, &s->odf);
		if (!odf)
			return -2;
		if (cid >= s->odf.n || odf[cid] != 1)
			continue;
		for (size_t k = 0; k < n; k++) {
			if (x->lw->header[t[k].o] ||
			    !has_stem(x, &x->w->lv[t[k].o], cid))
				continue;
			if (pick >= 0 && pick != (long)k)
				return -1;
			pick = (long)k;
		}
	}
	return pick;
}

/* Best candidate.  Rule: a rewrite segment links to its best candidate
 * (by weight; in order preferred among equals) when that covers link_min
 * of its weight, together with up to MERGE_MAX - 1 more that each hold
 * keep_min of their own weight and add MERGE_GAIN of its (those become
 * halves of a merge); it shares LINK_MIN_WORDS words, one not a name; and
 * it is not a line repeating the one before whose source is taken.
 * Bylines and captions link to nothing.  A sentence of prose whose best
 * candidates are official header lines takes the best that is not one
 * (the title sums up the body; the body tells it); a title line that
 * the official header's lines hold together (a title and its subtitle)
 * better than any sentence of the body restates the title: furniture of
 * both, linked to nothing.  Sorts each candidate
 * group by weight, which the later rules read. */
static int
rule_best(struct ctx *x, struct lstate *s, size_t r, size_t g, size_t e)
{
	const struct align_in *c = x->c;

	/* the anchors before r (they have no candidates): the next link
	 * follows them */
	for (; s->rnext <= r; s->rnext++)
		if (x->lw->anchor[s->rnext] >= 0)
			s->last = x->lw->anchor[s->rnext];
	if (x->lw->anchor[r] >= 0 || x->lw->restate[r])
		return 0; /* paired already, or a deck */
	if (furniture_line(x, r) || caption_line(x, r))
		return 0; /* a caption or a byline: an addition */
	struct wcand t[CANDIDATES];
	size_t n = e - g < CANDIDATES ? e - g : CANDIDATES;
	sort_by_weight(x, r, g, e, t);
	prefer_in_order(x, g, t, n, s->linked, s->last);
	double W = x->w->rv[r].W;
	/* a title line, alone or under an item number */
	int heading = title_line(x, r) || numbered_title(x, r);
	/* a title line restating the official title told over several
	 * header lines (a title and its subtitle): the lines together hold
	 * more of it than any sentence of the body, and link_min of it */
	if (heading && W > 0) {
		uint32_t hs[MERGE_MAX];
		size_t nh = 0;
		double body = 0;
		for (size_t k = 0; k < n; k++) {
			if (!x->lw->header[t[k].o])
				body = t[k].w > body ? t[k].w : body;
			else if (nh < MERGE_MAX)
				hs[nh++] = t[k].o;
		}
		if (nh > 1) {
			double u = union_shared(x, &x->w->rv[r], hs, nh);
			if (u > body && u / W >= c->opt.link_min) {
				x->lw->restate[r] = 1;
				return 0;
			}
		}
	}
	/* a sentence of prose whose best candidate is a line of the
	 * official header (its title, a deck) restates what the title
	 * sums up: its source is the best sentence of the body, if any */
	size_t top = 0;
	if (x->lw->header[t[0].o] && !heading) {
		while (top < n && x->lw->header[t[top].o])
			top++;
		if (top == n)
			return 0;
	}
	/* a figure only one official segment gives names the source: that
	 * one is taken before a heavier one without it, when it holds
	 * link_min of the sentence itself ("46.0% ... ever used tobacco"
	 * beside a methods sentence naming every product and grade); not
	 * for a title line, whose figure sums up (a headline restating the
	 * title stays furniture of both) */
	long fk = heading ? -1 : figure_candidate(x, s, r, t, n);
	if (fk == -2)
		return -1;
	if (fk > (long)top && W > 0 && t[fk].w / W >= c->opt.link_min)
		top = (size_t)fk;
	uint32_t set[MERGE_MAX];
	size_t nset = 1;
	set[0] = t[top].o;
	double cov = W > 0 ? t[top].w / W : 0;
	/* a sentence that merges several: add the next best while they
	 * cover more of it */
	for (size_t k = top + 1;
	     k < n && nset < MERGE_MAX && cov < c->opt.link_min; k++) {
		const struct wcand *m = &t[k];
		if (x->w->lv[m->o].W <= 0 || x->lw->header[m->o] ||
		    m->w / x->w->lv[m->o].W < c->opt.keep_min)
			continue; /* only a detail of it: not merged */
		set[nset] = m->o;
		double u = union_shared(x, &x->w->rv[r], set, nset + 1) / W;
		if (u - cov >= MERGE_GAIN) {
			cov = u;
			nset++;
		}
	}
	/* a rewrite line repeating the one before, whose source is already
	 * taken, is a repeated title: it adds nothing */
	if (cov < c->opt.link_min || !enough_words(x, set[0], r) ||
	    (s->linked[set[0]] && repeats_with(x, s->tmask, r)))
		return 0;
	/* a title line restating a line of the official header (a headline
	 * restating the title) is furniture of both: linked to nothing */
	if (x->lw->header[set[0]] && heading) {
		x->lw->restate[r] = 1;
		return 0;
	}
	link_to(x, s, r, set[0]);
	s->best[r] = 1;
	s->last = (long)set[0];
	for (size_t k = 1; k < nset; k++)
		merge_into(x, set[k], r,
		           shared(x, &x->w->lv[set[k]], &x->w->rv[r]));
	return 0;
}

/* Held source.  Rule: a rewrite segment linked to nothing (it says much
 * else) that holds HOLD_SHARE of keep_min of an official segment's weight,
 * one no merge takes, links to the one it holds the most of: its source
 * reworded inside a longer sentence, or told a second time, the first
 * telling linked already (a split). */
static int
rule_held(struct ctx *x, struct lstate *s, size_t r, size_t g, size_t e)
{
	struct cand best = {0, 0, 0};
	double best_cov = 0;
	int found = 0;

	if (!unlinked_prose(x, s->tmask, r))
		return 0;
	for (size_t k = g; k < e; k++) {
		uint32_t o = x->lw->co[k];
		if (x->lw->sec[o] >= 0 || x->lw->header[o])
			continue;
		struct cand m = cand_at(x, r, k);
		double cov = cand_cov(x, &m);
		if (cov >= HOLD_SHARE * x->c->opt.keep_min &&
		    (!found || cov > best_cov)) {
			best = m;
			best_cov = cov;
			found = 1;
		}
	}
	if (found && enough_words(x, best.o, r)) {
		link_to(x, s, r, best.o);
		s->held[r] = 1;
	}
	return 0;
}

/* Figure.  Rule: a rewrite segment linked to nothing that gives a figure
 * only one official segment gives (number_links) links to it. */
static int
rule_figure(struct ctx *x, struct lstate *s)
{
	return number_links(x, s->linked, s->tmask, &s->odf);
}

/* Merge beyond a held source.  Rule: a rewrite segment linked by the
 * held-source rule that shares more weight still with another official
 * segment, one nothing links to, which adds MERGE_GAIN of its weight,
 * merges the two ("reiterated their commitment to defeating ..., and
 * reaffirmed that the conflict could not be resolved militarily"),
 * whatever share of the other it holds. */
static int
rule_merge_held(struct ctx *x, struct lstate *s, size_t r, size_t g, size_t e)
{
	struct cand bestc = {0, 0, 0};
	int found = 0;

	if (!s->held[r])
		return 0;
	for (size_t k = g; k < e; k++) {
		uint32_t o = x->lw->co[k];
		if ((int32_t)o == x->lw->prim[r] || x->lw->header[o])
			continue;
		struct cand q = cand_at(x, r, k);
		if (!found || q.w > bestc.w) {
			bestc = q;
			found = 1;
		}
	}
	if (!found)
		return 0;
	const struct cand *m = &bestc;
	uint32_t pair[2] = {(uint32_t)x->lw->prim[r], m->o};
	double wr = source_weight(x, r);
	if (!s->linked[m->o] && m->w > wr && enough_words(x, m->o, r) &&
	    union_shared(x, &x->w->rv[r], pair, 2) - wr >=
	            MERGE_GAIN * x->w->rv[r].W &&
	    (x->lw->sec[m->o] < 0 || m->w > merge_weight(x, m->o)))
		x->lw->sec[m->o] = (int32_t)r;
	return 0;
}

/* Rare word.  Rule: a rewrite segment linked to nothing that shares a word
 * only one official segment has with its best candidate, which nothing
 * links to and which sits where it does in order, links to it
 * (term_links): the rare word names the source. */
static int
rule_term(struct ctx *x, struct lstate *s)
{
	return term_links(x, s->linked, s->tmask, &s->odf);
}

/* The merge halves of linked rewrite segment r (rule_merge_halves), among
 * its candidates in their order. */
static void
merge_halves_of(struct ctx *x, size_t r)
{
	/* 1 when r's source holds every stem of it as often (a verbatim
	 * copy, as anchors are), 2 when not, 0 not known yet.  No other
	 * segment adds to such a source: union_shared then sums the very
	 * terms, in the same order, that gave its weight, so the gain is
	 * exactly 0 and the search below can be skipped. */
	int whole = 0;
	double Wr = x->w->rv[r].W, wr = 0;
	const struct vec *rv = &x->w->rv[r];
	/* the source's count of each stem of r and its weight, made at
	 * the first union (pair_made: 0 not yet, 1 made, 2 too many stems
	 * or no packed pool: union_shared) */
	uint32_t pc[PAIR_STEMS_MAX];
	int pair_made = 0;
	/* the vector whose union was measured last (NULL: none yet) and
	 * that union */
	const struct vec *uv = NULL;
	double uu = 0;

	for (size_t i = x->lw->cstart[r]; i < x->lw->cstart[r + 1]; i++) {
		uint32_t o = x->lw->co[i];
		double W = x->w->lv[o].W;
		/* the source's neighbour needs only NEIGHBOUR_SHARE of it */
		long d = (long)o - (long)x->lw->prim[r];
		double need = x->c->opt.keep_min *
		              (d == 1 || d == -1 ? NEIGHBOUR_SHARE : 1);
		if (W <= 0 || x->lw->header[o])
			continue;
		struct cand k = cand_at(x, r, i);
		if (k.w / W < need)
			continue;
		if (!whole)
			whole = holds_all(x, &x->w->lv[x->lw->prim[r]],
			                  &x->w->rv[r])
			                ? 1
			                : 2;
		/* a restatement of the source (rule_merge_halves) */
		int restates =
		        k.w / W >= RESTATE_SHARE && enough_words(x, o, r);
		if (whole == 1 && Wr > 0) {
			if (restates)
				merge_into(x, o, r, k.w);
			continue; /* a gain of 0 */
		}
		uint32_t pair[2] = {(uint32_t)x->lw->prim[r], o};
		if (!pair_made) {
			pair_made =
			        x->w->pack && rv->n <= PAIR_STEMS_MAX ? 1 : 2;
			if (pair_made == 1)
				source_counts(x, rv, &x->w->lv[pair[0]], pc);
			wr = source_weight(x, r);
		}
		/* a copy of the last one measured adds the same */
		const struct vec *ov = &x->w->lv[o];
		if (!uv || !same_vec(x->w, uv, ov)) {
			uu = pair_made == 1 ? union_pair(x, rv, pc, o)
			                    : union_shared(x, rv, pair, 2);
			uv = ov;
		}
		double u = uu;
		if (u - wr < MERGE_GAIN * Wr && !restates)
			continue;
		merge_into(x, o, r, k.w);
	}
}

/* Merge halves.  Rule: an official segment that holds keep_min of its
 * weight in a linked rewrite segment, which it adds MERGE_GAIN of that
 * segment's weight to beyond its source, is half of a merge into the
 * rewrite segment sharing the most with it.  So is one adding less that
 * holds RESTATE_SHARE of its weight and LINK_MIN_WORDS words in it: the
 * official text saying again what the source says (a summary's point
 * restated in the body), which the rewrite kept in telling the source. */
static int
rule_merge_halves(struct ctx *x, struct lstate *s)
{
	(void)s; /* the rules' signature: this one keeps no state */
	for (size_t r = 0; r < x->c->rs.n; r++)
		if (x->lw->prim[r] >= 0)
			merge_halves_of(x, r);
	return 0;
}

/* Verdict.  Rule: the learned verdict (verdict.c) on each rewrite
 * segment with candidates that the rules left unlinked or the best rule
 * linked: linked to its heaviest candidate, or to nothing.  The model was
 * fitted at the default shares: with another link_min or keep_min asked
 * for, the rules' thresholds decide alone. */
static int
rule_verdict(struct ctx *x, struct lstate *s)
{
	if (x->c->opt.link_min != ALIGN_LINK_MIN ||
	    x->c->opt.keep_min != ALIGN_KEEP_MIN)
		return 0;
	return link_verdict(x, s->best, s->linked);
}

/* List runs.  Rule: official lines of a list, one item a line, that a
 * rewrite sentence runs together are its pieces (listrun.c). */
static int
rule_list_run(struct ctx *x, struct lstate *s)
{
	return list_runs(x, s->linked);
}

/* The linking rules, in the order they run: each either once per rewrite
 * segment with candidates (per: its candidates x->lw->co[g, e), grouped by
 * rewrite segment), or once over everything (all).  A rule links only
 * what the rules before it left unlinked, except where its contract says.
 * align_rule_name() names them; align_opt.rules_off leaves some out. */
static const struct link_rule {
	const char *name;
	int (*per)(struct ctx *x, struct lstate *s, size_t r, size_t g,
	           size_t e);
	int (*all)(struct ctx *x, struct lstate *s);
} link_rules[] = {
        {"anchor", NULL, rule_anchor},
        {"best", rule_best, NULL},
        {"held", rule_held, NULL},
        {"figure", NULL, rule_figure},
        {"merge-held", rule_merge_held, NULL},
        {"term", NULL, rule_term},
        {"merge-halves", NULL, rule_merge_halves},
        {"verdict", NULL, rule_verdict},
        {"list-run", NULL, rule_list_run},
};

const char *
align_rule_name(unsigned k)
{
	return k < sizeof link_rules / sizeof *link_rules ? link_rules[k].name
	                                                  : NULL;
}

/* Is the linking rule called name left out (align_opt.rules_off)? */
static int
rule_off(const struct align_in *c, const char *name)
{
	for (unsigned k = 0; k < sizeof link_rules / sizeof *link_rules; k++)
		if (strcmp(link_rules[k].name, name) == 0)
			return (c->opt.rules_off >> k) & 1u;
	return 0;
}

/* Step 4: x->lw->prim (each rewrite segment's source) and x->lw->sec (the
 * official segments merged into a rewrite segment beside its source), by the
 * rules of link_rules in turn. */
static int
links(struct ctx *x)
{
	const struct align_in *c = x->c;
	struct lstate s = {0};
	int rc = -1;

	s.linked = calloc(c->ls.n + 1, 1);
	s.held = calloc(c->rs.n + 1, 1);
	s.best = calloc(c->rs.n + 1, 1);
	/* left NULL where there is no room: the masks only save work */
	if ((s.tmask = malloc(sizeof *s.tmask)) != NULL)
		for (size_t k = 0; k < TMASK_SLOTS; k++)
			s.tmask->seg[k] = SIZE_MAX;
	s.last = -1;
	if (!s.linked || !s.held || !s.best || official_headers(x) < 0)
		goto out;
	mark_decks(x);
	for (unsigned k = 0; k < sizeof link_rules / sizeof *link_rules; k++) {
		const struct link_rule *rule = &link_rules[k];
		if (c->opt.rules_off & (1u << k))
			continue;
		if (rule->all && rule->all(x, &s) < 0)
			goto out;
		/* candidates come grouped by rewrite segment */
		for (size_t r = 0; rule->per && r < c->rs.n; r++) {
			size_t g = x->lw->cstart[r], e = x->lw->cstart[r + 1];
			if (g < e && rule->per(x, &s, r, g, e) < 0)
				goto out;
		}
	}
	/* a source is no half of a merge */
	for (size_t o = 0; o < c->ls.n; o++)
		if (s.linked[o])
			x->lw->sec[o] = -1;
	/* what is left unlinked as page furniture, for the blocks' flag */
	for (size_t r = 0; r < c->rs.n; r++)
		x->lw->rfurn[r] = x->lw->prim[r] < 0 &&
		                  (x->lw->restate[r] || furniture_line(x, r) ||
		                   caption_line(x, r));
	rc = 0;
out:
	free(s.linked);
	free(s.held);
	free(s.best);
	free(s.tmask);
	free(s.odf.v);
	return rc;
}

/* ---- 5. blocks ------------------------------------------------------- */

static struct block *
new_block(struct ctx *x)
{
	if (x->bl->nb == x->bl->capb) {
		struct block *nbk = grow_array(x->bl->b, &x->bl->capb,
		                               x->bl->nb + 1, sizeof *nbk, 64);
		if (!nbk)
			return NULL;
		x->bl->b = nbk;
	}
	struct block *b = &x->bl->b[x->bl->nb++];
	memset(b, 0, sizeof *b);
	b->link = -1;
	b->near = -1;
	return b;
}

/* A block's place in display order, as one number (the official segment
 * it sits at plus one, 0 before all; then 0 for that segment's own block
 * and 1 for one after it; then the rewrite segment, for blocks after the
 * same one), and the block: 16 bytes, so that the sort and its scratch
 * stay small beside the blocks on a long pair.  A segment index fits in 31
 * bits: a text is under 4 GiB (token offsets are 32-bit) and a sentence
 * takes two bytes at least. */
struct order {
	uint64_t key;
	uint32_t index;
};

static uint64_t
order_key(long primary, unsigned secondary, uint32_t tertiary)
{
	return (uint64_t)(primary + 1) << 33 | (uint64_t)secondary << 32 |
	       tertiary;
}

static int
by_order(const void *a, const void *b)
{
	const struct order *p = a, *q = b;
	if (p->key != q->key)
		return p->key < q->key ? -1 : 1;
	return p->index < q->index ? -1 : p->index > q->index;
}

/* Does p come before q in by_order's order (the key, then the index)? */
static inline int
order_before(const struct order *p, const struct order *q)
{
	return p->key < q->key || (p->key == q->key && p->index < q->index);
}

/* The ascending runs of src[0..n) merged two by two into dst, a pass of
 * a natural merge sort; the number of runs src held. */
static size_t
merge_runs(const struct order *src, struct order *dst, size_t n)
{
	size_t runs = 0, i = 0;

	while (i < n) {
		size_t m = i + 1, e;
		while (m < n && !order_before(&src[m], &src[m - 1]))
			m++;
		runs++;
		e = m;
		if (m < n) {
			runs++;
			for (e = m + 1;
			     e < n && !order_before(&src[e], &src[e - 1]); e++)
				;
		}
		size_t a = i, b = m, o = i;
		while (a < m && b < e)
			dst[o++] = order_before(&src[b], &src[a]) ? src[b++]
			                                          : src[a++];
		while (a < m)
			dst[o++] = src[a++];
		while (b < e)
			dst[o++] = src[b++];
		i = e;
	}
	return runs;
}

/* ord[0..n) in by_order's order, as qsort with by_order leaves it (the
 * order is total: the indexes differ).  The blocks come nearly in that
 * order already (official order, then the additions in rewrite order),
 * so the runs as they stand are merged until one is left: a few passes
 * where a sort from scratch takes some log2 n.  qsort when the scratch
 * of n entries cannot be had. */
static void
sort_order(struct order *ord, size_t n)
{
	struct order *tmp, *src = ord, *dst;
	size_t runs = 0;

	for (size_t i = 1; i < n; i++)
		if (order_before(&ord[i], &ord[i - 1])) {
			runs = 2;
			break;
		}
	if (runs < 2)
		return; /* sorted already */
	if (!(tmp = malloc(n * sizeof *tmp))) {
		qsort(ord, n, sizeof *ord, by_order);
		return;
	}
	dst = tmp;
	while ((runs = merge_runs(src, dst, n)) > 2) {
		struct order *w = src;
		src = dst;
		dst = w;
	}
	/* the last pass merged the last two runs into dst */
	if (dst != ord)
		memcpy(ord, dst, n * sizeof *ord);
	free(tmp);
}

/* Step 5a: the blocks, official order first: per official segment a
 * pair, a split (the sentence, then its pieces), one half of a merge, or
 * an omission (run on within a paragraph); then an addition per rewrite
 * segment in no block (run on within a paragraph).  blk_r[r] is the block
 * of rewrite segment r.  0 or -1. */
/* How many blocks make_blocks makes from the links (head, next and
 * merged as it has them): a pair, a merge's two halves, a split's source
 * and pieces, an official segment merged into another's rewrite segment,
 * and a block for each run of omissions or additions in one paragraph
 * with one furniture flag. */
static size_t
count_blocks(const struct ctx *x, const int32_t *head, const int32_t *next,
             const unsigned *merged)
{
	const struct align_in *c = x->c;
	size_t n = 0;
	int omission = 0; /* the official segment before is an omission */

	for (size_t o = 0; o < c->ls.n; o++) {
		int was = omission;
		omission = 0;
		if (head[o] >= 0) {
			size_t nlinked = 0;
			for (int32_t r = head[o]; r >= 0; r = next[r])
				nlinked++;
			n += nlinked > 1       ? 1 + nlinked
			     : merged[head[o]] ? 2
			                       : 1;
		} else if (x->lw->sec[o] >= 0) {
			n++;
		} else {
			omission = 1;
			n += !(was && c->ls.v[o].para == c->ls.v[o - 1].para &&
			       x->lw->header[o] == x->lw->header[o - 1]);
		}
	}
	for (size_t r = 0; r < c->rs.n; r++)
		if (x->lw->prim[r] < 0)
			n += !(r > 0 && x->lw->prim[r - 1] < 0 &&
			       c->rs.v[r].para == c->rs.v[r - 1].para &&
			       x->lw->rfurn[r] == x->lw->rfurn[r - 1]);
	return n;
}

static int
make_blocks(struct ctx *x, int32_t *blk_r)
{
	const struct align_in *c = x->c;
	size_t nr = c->rs.n, no = c->ls.n;
	int32_t *head = malloc((no + 1) * sizeof *head);
	int32_t *next = malloc((nr + 1) * sizeof *next);
	unsigned *merged = NULL;
	int rc = -1;

	if (!head || !next)
		goto out;
	merged = calloc(nr + 1, sizeof *merged);
	if (!merged)
		goto out;
	for (size_t o = 0; o < no; o++) {
		head[o] = -1;
		if (x->lw->sec[o] >= 0)
			merged[x->lw->sec[o]]++;
	}
	for (size_t r = nr; r-- > 0;) {
		blk_r[r] = -1;
		if (x->lw->prim[r] >= 0) {
			next[r] = head[x->lw->prim[r]];
			head[x->lw->prim[r]] = (int32_t)r;
		}
	}
	/* the blocks' array made at its size, not doubled as they come */
	size_t nb = count_blocks(x, head, next, merged);
	if (!(x->bl->b = malloc((nb + 1) * sizeof *x->bl->b)))
		goto out;
	x->bl->capb = nb + 1;
	for (size_t o = 0; o < no; o++) {
		struct block *b;
		if (head[o] >= 0) {
			int32_t r, nlinked = 0;
			for (r = head[o]; r >= 0; r = next[r])
				nlinked++;
			r = head[o];
			if (nlinked == 1 && !merged[r]) { /* a pair */
				if (!(b = new_block(x)))
					goto out;
				b->ls0 = (uint32_t)o;
				b->ls1 = (uint32_t)o + 1;
				b->rs0 = (uint32_t)r;
				b->rs1 = (uint32_t)r + 1;
				blk_r[r] = (int32_t)(x->bl->nb - 1);
				continue;
			}
			if (nlinked == 1) {
				/* merge: this official sentence and the rewrite
				 * sentence that also carries others, each on
				 * its own, pointing at each other */
				int32_t lb = (int32_t)x->bl->nb;
				if (!(b = new_block(x)))
					goto out;
				b->ls0 = (uint32_t)o;
				b->ls1 = (uint32_t)o + 1;
				b->rs0 = b->rs1 = (uint32_t)r;
				b->link = lb + 1;
				if (!(b = new_block(x)))
					goto out;
				b->rs0 = (uint32_t)r;
				b->rs1 = (uint32_t)r + 1;
				b->ls0 = b->ls1 = (uint32_t)o;
				b->link = lb;
				blk_r[r] = lb + 1;
				continue;
			}
			/* split: the official sentence, then its pieces */
			int32_t source = (int32_t)x->bl->nb;
			if (!(b = new_block(x)))
				goto out;
			b->ls0 = (uint32_t)o;
			b->ls1 = (uint32_t)o + 1;
			b->rs0 = b->rs1 = (uint32_t)head[o];
			b->link = source + 1;
			for (r = head[o]; r >= 0; r = next[r]) {
				if (!(b = new_block(x)))
					goto out;
				b->rs0 = (uint32_t)r;
				b->rs1 = (uint32_t)r + 1;
				b->ls0 = b->ls1 = (uint32_t)o;
				b->link = source;
				blk_r[r] = (int32_t)(x->bl->nb - 1);
			}
			continue;
		}
		if (x->lw->sec[o] >= 0) {
			if (!(b = new_block(x)))
				goto out;
			b->ls0 = (uint32_t)o;
			b->ls1 = (uint32_t)o + 1;
			b->rs0 = b->rs1 = (uint32_t)x->lw->sec[o];
			b->link = -2; /* resolved once every rewrite block
			                 exists */
			continue;
		}
		b = x->bl->nb ? &x->bl->b[x->bl->nb - 1] : NULL;
		if (b && b->kind == BLK_OMISSION && b->ls1 == o &&
		    c->ls.v[o].para == c->ls.v[b->ls0].para &&
		    b->furniture == x->lw->header[o]) {
			b->ls1++;
			continue;
		}
		if (!(b = new_block(x)))
			goto out;
		b->kind = BLK_OMISSION;
		b->ls0 = (uint32_t)o;
		b->ls1 = (uint32_t)o + 1;
		b->furniture = x->lw->header[o]; /* a header line, unheld */
	}
	for (size_t r = 0; r < nr; r++) {
		struct block *b;
		if (blk_r[r] >= 0)
			continue;
		if (r > 0 && blk_r[r - 1] >= 0 &&
		    x->bl->b[blk_r[r - 1]].kind == BLK_ADDITION &&
		    c->rs.v[r].para == c->rs.v[r - 1].para &&
		    x->bl->b[blk_r[r - 1]].furniture == x->lw->rfurn[r]) {
			x->bl->b[blk_r[r - 1]].rs1++;
			blk_r[r] = blk_r[r - 1];
			continue;
		}
		if (!(b = new_block(x)))
			goto out;
		b->kind = BLK_ADDITION;
		b->rs0 = (uint32_t)r;
		b->rs1 = (uint32_t)r + 1;
		b->furniture = x->lw->rfurn[r];
		blk_r[r] = (int32_t)(x->bl->nb - 1);
	}
	for (size_t i = 0; i < x->bl->nb; i++)
		if (x->bl->b[i].link == -2)
			x->bl->b[i].link = blk_r[x->bl->b[i].rs0];
	rc = 0;
out:
	free(merged);
	free(head);
	free(next);
	return rc;
}

/* Step 5b: the blocks in display order: each block with official
 * sentences at its first one; a piece of a split or a merging rewrite
 * sentence after the last official sentence it carries; an addition after
 * the block of the rewrite sentence before it that is no addition.  Links
 * follow the blocks.  blk_r as make_blocks left it.  0 or -1. */
static int
order_blocks(struct ctx *x, const int32_t *blk_r)
{
	size_t nr = x->c->rs.n;
	struct order *ord = malloc((x->bl->nb + 1) * sizeof *ord);
	/* official segments + 1 (0: none), so 4 bytes each; once the keys
	 * are made, the same room holds each block's new place (pos) */
	uint32_t *last_ls = malloc((x->bl->nb + 1) * sizeof *last_ls);
	uint32_t *anchor = malloc((nr + 1) * sizeof *anchor);
	uint32_t *pos = last_ls;
	int rc = -1;

	if (!ord || !last_ls || !anchor)
		goto out;
	/* anchor[r]: where the nearest rewrite sentence before r that is in
	 * no addition sits (-1: none), one pass, not a scan back from each
	 * addition */
	for (size_t r = 0, at = 0; r < nr; r++) {
		anchor[r] = r ? anchor[r - 1] : 0;
		for (; at < r; at++) {
			const struct block *p = &x->bl->b[blk_r[at]];
			if (p->kind != BLK_ADDITION)
				anchor[r] =
				        1 + (p->ls1 > p->ls0
				                     ? p->ls0
				                     : x->bl->b[p->link].ls0);
		}
	}
	/* for each block, the last official segment of the blocks that
	 * point to it */
	for (size_t i = 0; i < x->bl->nb; i++)
		last_ls[i] = 0;
	for (size_t k = 0; k < x->bl->nb; k++) {
		const struct block *h = &x->bl->b[k];
		if (h->link >= 0 && h->ls1 > h->ls0 &&
		    h->ls0 + 1 > last_ls[h->link])
			last_ls[h->link] = h->ls0 + 1;
	}
	for (size_t i = 0; i < x->bl->nb; i++) {
		const struct block *b = &x->bl->b[i];
		long primary;
		ord[i].index = (uint32_t)i;
		if (b->ls1 > b->ls0) {
			ord[i].key = order_key(b->ls0, 0, b->rs0);
			continue;
		}
		if (b->link >= 0) {
			/* a piece of a split or a merging sentence: after
			 * the last official sentence it carries */
			primary = x->bl->b[b->link].ls0;
			if ((long)last_ls[i] - 1 > primary)
				primary = (long)last_ls[i] - 1;
		} else {
			/* addition: after the block of the rewrite sentence
			 * before */
			primary = (long)anchor[b->rs0] - 1;
		}
		ord[i].key = order_key(primary, 1, b->rs0);
	}
	free(anchor);
	anchor = NULL;
	sort_order(ord, x->bl->nb);
	for (size_t i = 0; i < x->bl->nb; i++)
		pos[ord[i].index] = (uint32_t)i;
	/* the blocks into that order in place, one cycle of the permutation
	 * at a time (a copy would double the largest array of this stage);
	 * ord[j].index becomes UINT32_MAX once place j is filled */
	struct block *b = x->bl->b;
	for (size_t i = 0; i < x->bl->nb; i++) {
		if (ord[i].index == UINT32_MAX)
			continue;
		struct block first = b[i];
		for (size_t j = i;;) {
			size_t k = ord[j].index;
			ord[j].index = UINT32_MAX;
			if (k == i) {
				b[j] = first;
				break;
			}
			b[j] = b[k];
			j = k;
		}
	}
	for (size_t i = 0; i < x->bl->nb; i++)
		if (b[i].link >= 0)
			b[i].link = (int32_t)pos[b[i].link];
	rc = 0;
out:
	free(ord);
	free(last_ls); /* and pos */
	free(anchor);
	return rc;
}

/* ---- 6. moves -------------------------------------------------------- */

/* One official and one rewrite sentence told from each other. */
struct mpoint {
	uint32_t o, r;
	uint32_t len;  /* the best chain ending here: its points... */
	uint32_t prev; /* (its point before, or NO_POINT: mark_moves)... */
	double w;      /* ...and their shared weight (this one's, at first) */
};

#define NO_POINT UINT32_MAX /* struct mpoint's prev: the chain's first */

/* Is the chain ending at a better than the one ending at b: longer, or
 * as long and heavier? */
static int
heavier(const struct mpoint *a, const struct mpoint *b)
{
	return a->len != b->len ? a->len > b->len : a->w > b->w;
}

/* The title lines at the rewrite's head, HEAD_MAX at most, before its
 * first sentence: its headline (and a dateline or byline under it); none
 * (0) in a text of title lines only (a list).  How many. */
static size_t
head_lines(const struct ctx *x)
{
	size_t head = 0;
	while (head < x->c->rs.n && head <= HEAD_MAX && title_line(x, head))
		head++;
	return head > HEAD_MAX || head == x->c->rs.n ? 0 : head;
}

/* The (official, rewrite) pair that block b tells moves by, into *m; 0
 * when it tells none (an omission, an addition, a half pointing nowhere,
 * a headline, which sums up and moves nothing), else 1. */
static int
move_point(const struct ctx *x, const struct block *b, size_t head,
           struct mpoint *m)
{
	if (b->kind == BLK_OMISSION || b->kind == BLK_ADDITION)
		return 0;
	*m = (struct mpoint){.o = b->ls0, .r = b->rs0};
	if (b->link >= 0 && b->rs1 == b->rs0)
		m->r = x->bl->b[b->link].rs0;
	else if (b->link >= 0 && b->ls1 == b->ls0)
		m->o = x->bl->b[b->link].ls0;
	else if (b->ls1 == b->ls0 || b->rs1 == b->rs0)
		return 0;
	return m->r >= head;
}

/* The (official, rewrite) sentence pairs that moves are told by (step 6
 * of the method), each with its shared weight, sorted by official then
 * rewrite sentence, each pair once, into *pt (np of them, in an array of
 * its own); read from the blocks as make_blocks left them or in any order
 * (the same pairs either way).  The pairs are placed by official sentence (a
 * count per sentence), then each sentence's few put in rewrite order, so that
 * no sort needs room of its own beside them.  0 or -1 (*pt then NULL). */
static int
move_points(struct ctx *x, struct mpoint **pt, size_t *np)
{
	size_t n = x->bl->nb, no = x->c->ls.n, k = 0;
	size_t head = head_lines(x);
	size_t *at = calloc(no + 2, sizeof *at);
	struct mpoint m, *p = NULL;

	*pt = NULL;
	*np = 0;
	if (!at)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (move_point(x, &x->bl->b[i], head, &m)) {
			at[m.o + 2]++;
			k++;
		}
	if (!(p = malloc((k + 1) * sizeof *p))) {
		free(at);
		return -1;
	}
	for (size_t o = 0; o < no; o++)
		at[o + 2] += at[o + 1];
	for (size_t i = 0; i < n; i++)
		if (move_point(x, &x->bl->b[i], head, &m))
			p[at[m.o + 1]++] = m;
	/* at[o] is where official sentence o's pairs start: each in
	 * rewrite order (a few a sentence), and a merge's or split's pair,
	 * given by both its halves, once */
	size_t nu = 0;
	for (size_t o = 0; o < no; o++) {
		size_t s = at[o], e = at[o + 1];
		for (size_t i = s + 1; i < e; i++) {
			struct mpoint t = p[i];
			size_t j = i;
			for (; j > s && p[j - 1].r > t.r; j--)
				p[j] = p[j - 1];
			p[j] = t;
		}
		for (size_t i = s; i < e; i++)
			if (i == s || p[i].r != p[i - 1].r)
				p[nu++] = p[i];
	}
	free(at);
	/* each pair is a link (make_blocks builds the blocks from them):
	 * its weight was found when it was made */
	for (size_t i = 0; i < nu; i++)
		p[i].w = x->lw->prim[p[i].r] == (int32_t)p[i].o
		                 ? x->lw->prim_w[p[i].r]
		                 : x->lw->sec_w[p[i].o];
	*pt = p;
	*np = nu;
	return 0;
}

/* Mark the blocks told out of order moved, and count them (step 6 of
 * the method), from the blocks (in any order: a block's flag goes with
 * it) and their pairs pt[0..np) (move_points), which it frees.  0 or
 * -1. */
static int
mark_moves(struct ctx *x, struct mpoint *pt, size_t np)
{
	size_t n = x->bl->nb;
	uint32_t best = NO_POINT;
	const struct align_in *c = x->c;
	/* point indices: fewer than the segments, so 32 bits */
	uint32_t *fen = malloc((c->rs.n + 2) * sizeof *fen);
	unsigned char *keep_o = calloc(c->ls.n + 1, 1);
	unsigned char *keep_r = calloc(c->rs.n + 1, 1);
	int rc = -1;

	size_t head = head_lines(x);

	if (!fen || !keep_o || !keep_r)
		goto out;
	for (size_t i = 0; i < np; i++)
		keep_o[pt[i].o] = keep_r[pt[i].r] = 1; /* told */
	/* the longest chain of them in official order whose rewrite
	 * positions never go back stays in place (two official sentences
	 * merged into one are in order); of chains as long, the one whose
	 * pairs share the most weight, so that a verbatim pair keeps its
	 * place and a reworded one moves.  Each point's best chain ending
	 * there comes from a Fenwick tree of the best so far by rewrite
	 * position. */
	for (size_t k = 0; k <= c->rs.n + 1; k++)
		fen[k] = NO_POINT;
	for (uint32_t i = 0; i < np; i++) {
		uint32_t from = NO_POINT;
		for (size_t k = pt[i].r + 1; k > 0; k -= k & -k)
			if (fen[k] != NO_POINT &&
			    (from == NO_POINT ||
			     heavier(&pt[fen[k]], &pt[from])))
				from = fen[k];
		pt[i].len = 1 + (from == NO_POINT ? 0 : pt[from].len);
		pt[i].w += from == NO_POINT ? 0 : pt[from].w;
		pt[i].prev = from;
		for (size_t k = pt[i].r + 1; k <= c->rs.n + 1; k += k & -k)
			if (fen[k] == NO_POINT || heavier(&pt[i], &pt[fen[k]]))
				fen[k] = i;
		if (best == NO_POINT || heavier(&pt[i], &pt[best]))
			best = i;
	}
	for (uint32_t i = best; i != NO_POINT; i = pt[i].prev)
		keep_o[pt[i].o] = keep_r[pt[i].r] = 2; /* in place */
	/* a block moved when it has sentence pairs and none is in the
	 * chain: a merged official sentence told out of order moves, and
	 * the sentence merging it stays if another of its sources is in
	 * order */
	for (size_t i = 0; i < n; i++) {
		struct block *b = &x->bl->b[i];
		b->moved = 0;
		if (b->kind == BLK_OMISSION || b->kind == BLK_ADDITION)
			continue;
		if (b->rs1 > b->rs0 && b->rs0 < head)
			b->moved = 0;
		else if (b->ls1 > b->ls0)
			b->moved = keep_o[b->ls0] == 1;
		else if (b->rs1 > b->rs0)
			b->moved = keep_r[b->rs0] == 1;
		x->bl->nmoved += b->moved;
	}
	rc = 0;
out:
	free(pt);
	free(fen);
	free(keep_o);
	free(keep_r);
	return rc;
}

/* Step 5: the blocks (make_blocks), the pairs that will tell their moves
 * weighed into *pt and *np (move_points), then the blocks in display
 * order (order_blocks).
 * 0 or -1; *pt, NULL or not, is the caller's to free. */
/* Release what of *l no step reads once the blocks and their move
 * points are made: all but the nearest counterparts (lnear, rnear), which
 * the classification reads. */
static void
links_release(struct linkset *l)
{
	struct linkset keep = {.lnear = l->lnear,
	                       .rnear = l->rnear,
	                       .nlnear = l->nlnear,
	                       .nrnear = l->nrnear};

	l->lnear = l->rnear = NULL;
	linkset_free(l);
	*l = keep;
}

/* Steps 5 and 6: the blocks made from the links, their moves marked
 * (on the move points, before the ordering: a block's flag goes with it,
 * and the points are given back before the ordering's scratch is made),
 * then put in display order.  The link set but the nearest counterparts
 * is given back once the move points are made.  0 or -1. */
static int
build_blocks(struct ctx *x)
{
	int32_t *blk_r;
	struct mpoint *pt = NULL;
	size_t np = 0;
	int rc = -1;

	blk_r = malloc((x->c->rs.n + 1) * sizeof *blk_r);
	int made = blk_r && make_blocks(x, blk_r) == 0;

	if (made) /* no more blocks come */
		x->bl->b = grow_fit(x->bl->b, &x->bl->capb, x->bl->nb,
		                    sizeof *x->bl->b);
	if (made && move_points(x, &pt, &np) == 0) {
		links_release(x->lw);
		if (x->c->opt.trim)
			x->c->opt.trim(); /* the links' and the blocks' room */
		rc = mark_moves(x, pt, np); /* gives pt back */
		pt = NULL;
		if (rc == 0)
			rc = order_blocks(x, blk_r);
	}
	free(pt);
	free(blk_r);
	return rc;
}

int
stage_links(const struct align_in *c, struct words *w, struct linkset *l,
            struct blockset *bl)
{
	struct ctx x = {.c = c, .w = w, .l = l, .lw = l, .bl = bl};

	memset(l, 0, sizeof *l);
	memset(bl, 0, sizeof *bl);
	l->anchor = malloc((c->rs.n + 1) * sizeof *l->anchor);
	if (!l->anchor || anchor_pairs(c, l->anchor) < 0)
		return -1;
	/* with the anchor rule left out, no sentence is paired before the
	 * search: every one gets its candidates, as before anchors were */
	if (rule_off(c, "anchor"))
		for (size_t r = 0; r < c->rs.n; r++)
			l->anchor[r] = -1;
	if (candidates(&x) < 0)
		return -1;
	if (links(&x) < 0)
		return -1;
	if (nearest_of(&x, w) < 0)
		return -1;
	if (build_blocks(&x) < 0)
		return -1;
	if (c->opt.trim)
		c->opt.trim(); /* the moves' and the ordering's room */
	return 0;
}

void
linkset_free(struct linkset *l)
{
	free(l->anchor);
	free(l->co);
	free(l->cstart);
	free(l->mark);
	free(l->cw);
	free(l->lnear);
	free(l->rnear);
	free(l->prim);
	free(l->prim_w);
	free(l->sec_w);
	free(l->sec);
	free(l->header);
	free(l->restate);
	free(l->rline);
	free(l->tback);
	free(l->rfurn);
	memset(l, 0, sizeof *l);
}
