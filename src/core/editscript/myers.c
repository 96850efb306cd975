/* myers.c - Myers' O(ND) difference algorithm, linear-space variant.
 *
 * Owns: the edit script of two id sequences.  Steps, cheapest first:
 *  1. trim the common prefix and suffix;
 *  2. set aside the items whose id never occurs on the other side: they are
 *     deleted or inserted in every edit script, so removing them first keeps
 *     the result minimal and shrinks the search;
 *  3. on what is left, divide and conquer: find the middle snake of an
 *     optimal path by searching from both ends at once (Myers 1986,
 *     section 4b), then solve the two halves the same way.  A minimal run
 *     does this step in bitlcs.c, which splits the runs with many edits for
 *     their length by bit-parallel passes over a band of the table and
 *     hands the others to myers_exact.c, this search on threads where they pay;
 *     the search here serves the default, with its heuristics.
 *
 * Notation: x indexes the left sequence a, y the right sequence b, and the
 * diagonal k = x - y.  fwd[k] is the furthest x a forward path of the
 * current cost reaches on diagonal k; bwd[k] the smallest x a backward path
 * reaches.  Both arrays are offset so that negative diagonals index inside.
 */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT (glibc, musl) */
#include "redline/myers.h"

#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bitlcs.h"
#include "myers_exact.h"

typedef ptrdiff_t idx;

struct myers {
	uint32_t nids;
	/* per id: the stamp of the last run that met it in a (ina) and in b
	 * (inb); a run's stamp is gen, so no pass clears them after it */
	uint16_t *ina, *inb;
	uint16_t gen;
	unsigned char *mk; /* myers_marks' room, cap_mk bytes */
	size_t cap_mk;
	uint32_t *ca, *cb;        /* compacted sequences */
	size_t *ra, *rb;          /* compacted index -> original index */
	unsigned char *cda, *cib; /* marks on compacted items */
	idx *v;                   /* fwd and bwd diagonal arrays */
	size_t cap_a, cap_b, cap_v;
	struct myers_tuning tune;
	struct exact_mem xm; /* myers_exact.c's scratch */
};

struct search {
	const uint32_t *a, *b;
	unsigned char *del, *ins;
	idx *fwd, *bwd; /* already offset: fwd[k] valid for -nb-1 <= k <= n+1 */
	idx limit;      /* 0: search to the end (minimal) */
	idx heur;       /* cost at which the snake cut starts */
	long long work; /* diagonal steps left before every search is cut
	                   as soon as it can be (MYERS_WORK_FACTOR) */
	int quit;       /* stop the whole search once work runs out: its
	                   script would be thrown away */
	int halted;     /* set when it stopped so (the marks are partial) */
	size_t na, nb;  /* the lengths of a and b */
	int runs;       /* does a run of MYERS_SNAKE_MIN items of a occur in b?
	                   -1 not asked yet, 0 no, 1 yes or maybe */
};

struct myers *
myers_new(uint32_t nids)
{
	struct myers *m = calloc(1, sizeof *m);

	if (!m)
		return NULL;
	m->nids = nids;
	m->tune.exact = 1;
	m->tune.threads = 0;
	m->tune.par_min = MYERS_PAR_MIN;
	m->tune.band = 1;
	m->ina = calloc(2 * (size_t)(nids ? nids : 1), sizeof *m->ina);
	if (!m->ina) {
		free(m);
		return NULL;
	}
	m->inb = m->ina + (nids ? nids : 1);
	return m;
}

void
myers_free(struct myers *m)
{
	if (!m)
		return;
	free(m->ina);
	free(m->mk);
	free(m->ca);
	free(m->cb);
	free(m->ra);
	free(m->rb);
	free(m->cda);
	free(m->cib);
	free(m->v);
	exact_mem_free(&m->xm);
	free(m);
}

void
myers_tune(struct myers *m, const struct myers_tuning *t)
{
	m->tune = *t;
}

/* CPUs this process may run on: those of its affinity mask where the
 * system tells it (taskset, cgroups), else those online. */
static int
usable_cpus(void)
{
#ifdef CPU_COUNT
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
#endif
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	return cpus > 0 && cpus < 1024 ? (int)cpus : 1;
}

/* Threads for an exact run of this many items. */
static int
exact_threads(const struct myers *m, size_t items)
{
	int n = m->tune.threads;
	if (n <= 0)
		n = items < m->tune.par_min ? 1 : usable_cpus();
	return n < MYERS_THREADS_MAX ? n : MYERS_THREADS_MAX;
}

/* Room for a run of n and nb items; with search, for this file's own
 * search too (myers_exact.c keeps its own). */
static int
reserve(struct myers *m, size_t n, size_t nb, int search)
{
	if (n > m->cap_a) {
		uint32_t *ca = realloc(m->ca, n * sizeof *ca);
		if (ca)
			m->ca = ca;
		size_t *ra = realloc(m->ra, n * sizeof *ra);
		if (ra)
			m->ra = ra;
		unsigned char *cd = realloc(m->cda, n);
		if (cd)
			m->cda = cd;
		if (!ca || !ra || !cd)
			return -1;
		m->cap_a = n;
	}
	if (nb > m->cap_b) {
		uint32_t *cb = realloc(m->cb, nb * sizeof *cb);
		if (cb)
			m->cb = cb;
		size_t *rb = realloc(m->rb, nb * sizeof *rb);
		if (rb)
			m->rb = rb;
		unsigned char *ci = realloc(m->cib, nb);
		if (ci)
			m->cib = ci;
		if (!cb || !rb || !ci)
			return -1;
		m->cap_b = nb;
	}
	/* two arrays of n + nb + 3 diagonals */
	size_t nv = 2 * (n + nb + 3);
	if (search && nv > m->cap_v) {
		idx *v = realloc(m->v, nv * sizeof *v);
		if (!v)
			return -1;
		m->v = v;
		m->cap_v = nv;
	}
	return 0;
}

static idx
isqrt(idx n)
{
	idx r = 1;
	while (r * r < n)
		r++;
	return r;
}

/* Are the n items before (x, y) equal on both sides, all at or after
 * (x0, y0)?  (n > 0: the first pair is tested before the loop, as it
 * settles nearly every call.) */
static inline int
equal_before(const struct search *s, idx x, idx y, idx x0, idx y0, idx n)
{
	if (x - x0 < n || y - y0 < n || s->a[x - 1] != s->b[y - 1])
		return 0;
	for (idx i = 2; i <= n; i++)
		if (s->a[x - i] != s->b[y - i])
			return 0;
	return 1;
}

/* Are the n items from (x, y) equal on both sides, all before (x1, y1)?
 * (n > 0, the first pair tested first.) */
static inline int
equal_after(const struct search *s, idx x, idx y, idx x1, idx y1, idx n)
{
	if (x1 - x < n || y1 - y < n || s->a[x] != s->b[y])
		return 0;
	for (idx i = 1; i < n; i++)
		if (s->a[x + i] != s->b[y + i])
			return 0;
	return 1;
}

/* Does some run of len items of a[0..n) occur in b[0..nb) too (len > 0)?
 * With step > 1, only the runs of a starting at a multiple of step are
 * looked for (so a 1 is sure, a 0 says only that no common run of len +
 * step - 1 items exists).  1 if found (or if memory ran out: the caller
 * then assumes one may exist), 0 if not.  The runs of a go into a table by
 * a hash of their items (a run equal to one already there is left out, so
 * a text of one word repeated is one entry), and each run of b is looked
 * up and compared item by item where the hashes match: one pass over each
 * side, about a dozen steps an item. */
static int
common_run(const uint32_t *a, size_t n, const uint32_t *b, size_t nb,
           size_t len, size_t step)
{
	const uint64_t mul = 0x9E3779B97F4A7C15u;
	uint64_t top = 1, h;
	size_t ns = 1, i, runs;
	int found = 0;

	if (n < len || nb < len)
		return 0;
	runs = (n - len) / step + 1;
	while (ns < 2 * runs)
		ns <<= 1;
	uint32_t *slot = calloc(ns, sizeof *slot); /* start + 1, or 0 */
	uint64_t *hs = malloc(runs * sizeof *hs);  /* by start / step */
	if (!slot || !hs) {
		free(slot);
		free(hs);
		return 1;
	}
	for (i = 1; i < len; i++)
		top *= mul; /* mul to the power len - 1: the oldest item's */
	/* h over v[i..i+len) is the sum of v[i+j] * mul^(len-1-j), mod 2^64;
	 * the table reads its high bits, where every item reaches */
	h = 0;
	for (i = 0; i < len; i++)
		h = h * mul + a[i];
	for (i = 0;; i++) {
		size_t at = (size_t)(h >> 32) & (ns - 1);
		for (; i % step == 0; at = (at + 1) & (ns - 1)) {
			uint32_t e = slot[at];
			if (!e) {
				slot[at] = (uint32_t)i + 1;
				hs[i / step] = h;
				break;
			}
			if (hs[(e - 1) / step] == h &&
			    memcmp(a + e - 1, a + i, len * sizeof *a) == 0)
				break;
		}
		if (i + len == n)
			break;
		h = (h - a[i] * top) * mul + a[i + len];
	}
	h = 0;
	for (i = 0; i < len; i++)
		h = h * mul + b[i];
	for (i = 0; !found; i++) {
		size_t at = (size_t)(h >> 32) & (ns - 1);
		for (;; at = (at + 1) & (ns - 1)) {
			uint32_t e = slot[at];
			if (!e)
				break;
			if (hs[(e - 1) / step] == h &&
			    memcmp(a + e - 1, b + i, len * sizeof *a) == 0) {
				found = 1;
				break;
			}
		}
		if (i + len == nb)
			break;
		h = (h - b[i] * top) * mul + b[i + len];
	}
	free(slot);
	free(hs);
	return found;
}

/* Would the probe of myers_run (a search with the work budget
 * MYERS_WORK_PROBE an item over n items, the cost limit limit) on two
 * sequences whose minimal script has d marks, whose lengths differ by
 * skew, and that share no run of MYERS_SNAKE_MIN items, surely spend its
 * budget?  1 when that follows from the argument below, 0 when it does
 * not (the probe may or may not).
 *
 * Without such a run no point passes the snake cut's test, so a split
 * searches until the two searches meet, or the cost reaches the limit L
 * and a point is found to cut at, or the budget is spent.  Take a box of
 * edit distance over 2L, R of the budget left at most, and c the least
 * cost with c^2 + 3c over R, its shorter side at least c: the searches
 * cannot meet by the cost L, and up to the cost c no range is clipped, so
 * step c' spends 2c' + 2 of the budget, L^2 + 3L by the cost L, and the
 * split ends by the cost c (it would have spent all of R by then).  When
 * c <= L, the budget runs out in this split.  Otherwise the split cuts at
 * a point at most c edits from one corner, and the box at the other side
 * of it, also searched, has an edit distance of at least the box's less c
 * and sides that differ by at most the box's difference plus c (the
 * point's diagonal is within c of its corner's); trimming a common prefix
 * or suffix changes neither.  A box's shorter side is at least (edit
 * distance - the sides' difference) / 2.  So the chain of such boxes from
 * the whole is followed until one must spend the rest. */
static int
probe_spends(size_t d, size_t skew, size_t n, idx limit)
{
	size_t l = (size_t)limit, budget = n * MYERS_WORK_PROBE;
	size_t dist = d, diff = skew, spent = 0;

	for (;;) {
		size_t rest = budget - spent, c = l;
		if (dist <= 2 * l || dist < diff)
			return 0;
		if (c * c + 3 * c > rest)
			while (c > 1 && (c - 1) * (c - 1) + 3 * (c - 1) > rest)
				c--;
		else
			while (c * c + 3 * c <= rest)
				c++;
		if ((dist - diff) / 2 < c)
			return 0;
		if (c <= l)
			return 1;
		spent += l * l + 3 * l; /* at most budget, as c > l */
		dist -= c;
		diff += c;
	}
}

/* Would the first search of the probe, on a box of n by nb items (no
 * common prefix or suffix) whose minimal script has d marks, spend rest of
 * the budget before its two searches can meet?  1 when it surely would, 0
 * when it may not.  For a d of at most twice the cost limit only (no
 * split can cut at the limit before they meet), and only where no point
 * passes the snake cut's test before the limit (the probe's snake cut is
 * off below MYERS_HEUR_SIZE items, and the caller knows that no run of
 * MYERS_SNAKE_MIN items is shared above it).
 *
 * A forward step c that meets the reverse step c - 1 proves a path of
 * 2c - 1 edits, a reverse step c that meets the forward step c one of 2c:
 * so no step before the cost ceil(d / 2) can meet, and each of those steps
 * is done whole and charged.  Their charges are counted here as split
 * counts them, the ranges widened or stepped inward at the box's edges
 * just as its widening does. */
static int
meet_spends(size_t n, size_t nb, size_t d, long long rest)
{
	idx dmin = -(idx)nb, dmax = (idx)n;
	idx fmin = 0, fmax = 0, bmin = dmax + dmin, bmax = bmin;
	idx meet = (idx)(d + 1) / 2;

	if (n == 0 || nb == 0)
		return 0;
	for (idx cost = 1; cost < meet; cost++) {
		fmin += fmin > dmin ? -1 : 1;
		fmax += fmax < dmax ? 1 : -1;
		bmin += bmin > dmin ? -1 : 1;
		bmax += bmax < dmax ? 1 : -1;
		rest -= (fmax - fmin) / 2 + (bmax - bmin) / 2 + 2;
		if (rest <= 0)
			return 1;
	}
	return 0;
}

/* The sides of the box the probe's first search runs on: m->ca[0..na)
 * and m->cb[0..nbb) less their common prefix and suffix, into *n, *nb. */
static void
first_box(const struct myers *m, size_t na, size_t nbb, size_t *n, size_t *nb)
{
	size_t pre = 0, suf = 0;

	while (pre < na && pre < nbb && m->ca[pre] == m->cb[pre])
		pre++;
	while (suf < na - pre && suf < nbb - pre &&
	       m->ca[na - 1 - suf] == m->cb[nbb - 1 - suf])
		suf++;
	*n = na - pre - suf;
	*nb = nbb - pre - suf;
}

/* Does the probe surely spend its budget on m->ca[0..na) against
 * m->cb[0..nbb), whose minimal script has d marks, with the cost limit
 * limit?  Past twice the limit, probe_spends answers; up to it, the
 * first search's steps before its searches can meet (meet_spends).  Both
 * ask that no point pass the snake cut's test before the limit. */
static int
surely_spends(const struct myers *m, size_t na, size_t nbb, size_t d, idx limit)
{
	size_t n, nb;

	if (d > 2 * (size_t)limit)
		return probe_spends(d, na > nbb ? na - nbb : nbb - na, na + nbb,
		                    limit);
	first_box(m, na, nbb, &n, &nb);
	return meet_spends(n, nb, d, (long long)(na + nbb) * MYERS_WORK_PROBE);
}

/* Could surely_spends say yes for some script of m->ca[0..na) against
 * m->cb[0..nbb)?  0 when no count of marks can make it (most short runs:
 * the budget is 64 steps an item, a search's step c costs some 2c, and
 * the searches meet by half the marks); a cheap test before the exact
 * search is run to find out.  Past twice the limit, probe_spends needs a
 * shorter side of at least the least cost c with c^2 + 3c over the
 * budget; up to it, meet_spends grows with the marks, so the most it can
 * see is at the most marks the box or the limit allow. */
static int
may_spend(const struct myers *m, size_t na, size_t nbb, idx limit)
{
	size_t items = na + nbb, l = (size_t)limit, n, nb;
	size_t side = na < nbb ? na : nbb;
	size_t budget = items * MYERS_WORK_PROBE;

	if (items < 4 * MYERS_WORK_PROBE) /* c^2 / 4 under the budget */
		return 0;
	if (items > 2 * l && side * side + 3 * side > budget)
		return 1;
	first_box(m, na, nbb, &n, &nb);
	return meet_spends(n, nb, n + nb < 2 * l ? n + nb : 2 * l,
	                   (long long)budget);
}

/* Middle snake of a[x0..x1) against b[y0..y1), both non-empty and with no
 * common prefix or suffix.  Stores a point (x, y) of an optimal path (or,
 * once the cost limit is hit, of a good path) strictly inside the box in
 * the sense that both halves are smaller than the whole. */
static void
split(struct search *s, idx x0, idx x1, idx y0, idx y1, idx *sx, idx *sy)
{
	const uint32_t *a = s->a, *b = s->b;
	idx *fwd = s->fwd, *bwd = s->bwd;
	idx dmin = x0 - y1, dmax = x1 - y0;
	idx fmid = x0 - y0, bmid = x1 - y1;
	idx fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
	int odd = (int)((fmid - bmid) & 1);
	idx cost, k;

	fwd[fmid] = x0;
	bwd[bmid] = x1;
	for (cost = 1;; cost++) {
		/* Widen the forward range by one diagonal each way where the
		 * box allows, otherwise step the bound inward to keep parity;
		 * a sentinel outside the range is never preferred. */
		if (fmin > dmin)
			fwd[--fmin - 1] = -1;
		else
			fmin++;
		if (fmax < dmax)
			fwd[++fmax + 1] = -1;
		else
			fmax--;
		for (k = fmax; k >= fmin; k -= 2) {
			idx x = fwd[k - 1] >= fwd[k + 1] ? fwd[k - 1] + 1
			                                 : fwd[k + 1];
			/* the snake: y < y1 is x < y1 + k */
			idx end = x1 < y1 + k ? x1 : y1 + k;
			while (x < end && a[x] == b[x - k])
				x++;
			fwd[k] = x;
			if (odd &&
			    (size_t)(k - bmin) <= (size_t)(bmax - bmin) &&
			    bwd[k] <= x) {
				*sx = x;
				*sy = x - k;
				return;
			}
		}
		if (bmin > dmin)
			bwd[--bmin - 1] = PTRDIFF_MAX;
		else
			bmin++;
		if (bmax < dmax)
			bwd[++bmax + 1] = PTRDIFF_MAX;
		else
			bmax--;
		for (k = bmax; k >= bmin; k -= 2) {
			idx x = bwd[k - 1] < bwd[k + 1] ? bwd[k - 1]
			                                : bwd[k + 1] - 1;
			/* the snake: y > y0 is x > y0 + k */
			idx end = x0 > y0 + k ? x0 : y0 + k;
			while (x > end && a[x - 1] == b[x - k - 1])
				x--;
			bwd[k] = x;
			if (!odd &&
			    (size_t)(k - fmin) <= (size_t)(fmax - fmin) &&
			    x <= fwd[k]) {
				*sx = x;
				*sy = x - k;
				return;
			}
		}
		if (!s->limit)
			continue;
		s->work -= (fmax - fmin) / 2 + (bmax - bmin) / 2 + 2;
		int spent = s->work <= 0;
		if (spent && s->quit) {
			s->halted = 1;
			*sx = x0;
			*sy = y0;
			return;
		}
		if (cost < s->heur && !spent)
			continue;
		/* Long enough: split at the point either search reached
		 * furthest (progress along x + y from its own corner, less
		 * twice what it added to its distance from the diagonal it has
		 * to reach, which is at least the edits still to come),
		 * strictly inside the box.  Until the cost limit, only points
		 * at the end of a run of MYERS_SNAKE_MIN equal items count,
		 * so a chance match of a few common words cannot pin the
		 * path. */
		idx need = cost < s->limit && !spent ? MYERS_SNAKE_MIN : 0;
		/* Without such a run anywhere in a and b, no point can be
		 * taken and the search goes on as if it had looked. */
		if (need && s->runs < 0)
			s->runs = common_run(a, s->na, b, s->nb,
			                     MYERS_SNAKE_MIN, 1);
		if (need && !s->runs)
			continue;
		idx span = fmid > bmid ? fmid - bmid : bmid - fmid;
		idx best = 0, bx = 0, by = 0;
		for (k = fmax; k >= fmin; k -= 2) {
			idx x = fwd[k], y = x - k;
			idx gap = (k > bmid ? k - bmid : bmid - k) - span;
			idx v = x - x0 + y - y0 - 2 * gap;
			if (v <= best || x > x1 || y > y1 || x < x0 || y < y0 ||
			    (x == x1 && y == y1) || (x == x0 && y == y0))
				continue;
			if (need && !equal_before(s, x, y, x0, y0, need))
				continue;
			best = v;
			bx = x;
			by = y;
		}
		for (k = bmax; k >= bmin; k -= 2) {
			idx x = bwd[k], y = x - k;
			idx gap = (k > fmid ? k - fmid : fmid - k) - span;
			idx v = x1 - x + y1 - y - 2 * gap;
			if (v <= best || x > x1 || y > y1 || x < x0 || y < y0 ||
			    (x == x1 && y == y1) || (x == x0 && y == y0))
				continue;
			if (need && !equal_after(s, x, y, x1, y1, need))
				continue;
			best = v;
			bx = x;
			by = y;
		}
		if (best > 0) {
			*sx = bx;
			*sy = by;
			return;
		}
	}
}

/* Mark the edit script of a[x0..x1) against b[y0..y1); with s->quit,
 * return early, s->halted set and the marks partial, once the work
 * budget runs out. */
static void
compare(struct search *s, idx x0, idx x1, idx y0, idx y1)
{
	for (;;) {
		while (x0 < x1 && y0 < y1 && s->a[x0] == s->b[y0]) {
			x0++;
			y0++;
		}
		while (x1 > x0 && y1 > y0 && s->a[x1 - 1] == s->b[y1 - 1]) {
			x1--;
			y1--;
		}
		if (x0 == x1) {
			memset(s->ins + y0, 1, (size_t)(y1 - y0));
			return;
		}
		if (y0 == y1) {
			memset(s->del + x0, 1, (size_t)(x1 - x0));
			return;
		}
		idx sx, sy;
		split(s, x0, x1, y0, y1, &sx, &sy);
		if (s->halted)
			return;
		/* Recurse into the smaller half, loop on the larger, so the
		 * stack stays shallow whatever the shape of the input. */
		if ((sx - x0) + (sy - y0) < (x1 - sx) + (y1 - sy)) {
			compare(s, x0, sx, y0, sy);
			if (s->halted)
				return;
			x0 = sx;
			y0 = sy;
		} else {
			compare(s, sx, x1, sy, y1);
			if (s->halted)
				return;
			x1 = sx;
			y1 = sy;
		}
	}
}

/* A stamp no id of m carries yet: the next of m->gen, every stamp set
 * back to 0 when they wrap (once in 65,535 runs). */
static uint16_t
next_gen(struct myers *m)
{
	if (m->gen == UINT16_MAX) {
		memset(m->ina, 0,
		       2 * (size_t)(m->nids ? m->nids : 1) * sizeof *m->ina);
		m->gen = 0;
	}
	return ++m->gen;
}

/* The number of distinct ids among the compacted m->ca[0..na) (those
 * on both sides), counted only where the probe's budget ran out; takes a
 * stamp of its own for m->ina. */
static size_t
distinct_ids(struct myers *m, size_t na)
{
	size_t ids = 0, i;
	uint16_t g = next_gen(m);

	for (i = 0; i < na; i++) {
		ids += m->ina[m->ca[i]] != g;
		m->ina[m->ca[i]] = g;
	}
	return ids;
}

/* Give back scratch grown past MYERS_KEEP_ITEMS by a run: a context is
 * kept for many small runs, and one huge run's arrays (some 40 bytes an
 * item) would otherwise stay for the rest of the comparison, alongside
 * those of the next context's huge run. */
static void
release_big(struct myers *m)
{
	if (m->cap_a + m->cap_b <= MYERS_KEEP_ITEMS)
		return;
	free(m->ca);
	free(m->cb);
	free(m->ra);
	free(m->rb);
	free(m->cda);
	free(m->cib);
	free(m->v);
	m->ca = m->cb = NULL;
	m->ra = m->rb = NULL;
	m->cda = m->cib = NULL;
	m->v = NULL;
	m->cap_a = m->cap_b = m->cap_v = 0;
	exact_mem_free(&m->xm);
}

/* The exact script of the compacted m->ca[0..na) and m->cb[0..nbb) into
 * m->cda and m->cib (cleared), by the engines m->tune picks; with band,
 * by bitlcs.c's band on every part, whose cost does not depend on the
 * alphabet (Myers' search, which it hands some parts to, can take far
 * longer than its estimate on texts of two or three words).  0, or -1
 * when memory ran out. */
static int
run_exact(struct myers *m, size_t na, size_t nbb, int band)
{
	struct exact_opt o = {exact_threads(m, na + nbb), m->tune.par_min};
	struct bitlcs_opt bo = {o.threads, o.par_min, band || m->tune.band >= 2,
	                        m->tune.band == 3   ? 0
	                        : m->tune.band == 4 ? 1
	                                            : 2,
	                        m->tune.stats};
	return m->tune.band || band
	               ? bitlcs_run(&m->xm, &o, &bo, m->nids, m->ca, na, m->cb,
	                            nbb, m->cda, m->cib)
	               : exact_run(&m->xm, &o, m->ca, na, m->cb, nbb, m->cda,
	                           m->cib);
}

unsigned char *
myers_marks(struct myers *m, size_t n)
{
	if (n > MYERS_KEEP_ITEMS)
		return NULL;
	if (n > m->cap_mk || !m->mk) {
		size_t cap = n > 2 * m->cap_mk ? n : 2 * m->cap_mk;
		if (cap < 256)
			cap = 256;
		if (cap > MYERS_KEEP_ITEMS)
			cap = MYERS_KEEP_ITEMS;
		free(m->mk);
		m->mk = malloc(cap);
		m->cap_mk = m->mk ? cap : 0;
	}
	return m->mk;
}

int
myers_run(struct myers *m, const uint32_t *a, size_t n, const uint32_t *b,
          size_t nb, unsigned char *del, unsigned char *ins, int minimal)
{
	size_t pre = 0, suf = 0, i, na = 0, nbb = 0;
	struct search s;
	unsigned char *kept =
	        NULL; /* an exact script kept for later, or NULL */

	memset(del, 0, n);
	memset(ins, 0, nb);
	while (pre < n && pre < nb && a[pre] == b[pre])
		pre++;
	while (suf < n - pre && suf < nb - pre &&
	       a[n - 1 - suf] == b[nb - 1 - suf])
		suf++;
	size_t ln = n - pre - suf, lnb = nb - pre - suf;
	if (ln == 0 || lnb == 0) { /* a or b may be NULL when empty */
		memset(del + pre, 1, ln);
		memset(ins + pre, 1, lnb);
		return 0;
	}
	const uint32_t *pa = a + pre, *pb = b + pre;
	int exact = minimal && m->tune.exact;
	if (reserve(m, ln, lnb, !exact) < 0)
		return -1;

	/* Step 2: drop items without a counterpart on the other side. */
	uint16_t g = next_gen(m);
	uint16_t *ina = m->ina, *inb = m->inb;
	for (i = 0; i < ln; i++)
		ina[pa[i]] = g;
	for (i = 0; i < lnb; i++)
		inb[pb[i]] = g;
	for (i = 0; i < ln; i++) {
		if (inb[pa[i]] == g) {
			m->ca[na] = pa[i];
			m->ra[na++] = pre + i;
		} else {
			del[pre + i] = 1;
		}
	}
	for (i = 0; i < lnb; i++) {
		if (ina[pb[i]] == g) {
			m->cb[nbb] = pb[i];
			m->rb[nbb++] = pre + i;
		} else {
			ins[pre + i] = 1;
		}
	}

	memset(m->cda, 0, na);
	memset(m->cib, 0, nbb);
	if (exact) {
		if (run_exact(m, na, nbb, 0) < 0)
			return -1;
		goto marks;
	}
	s.a = m->ca;
	s.b = m->cb;
	s.del = m->cda;
	s.ins = m->cib;
	s.fwd = m->v + nbb + 1;
	s.bwd = m->v + (na + nbb + 3) + nbb + 1;
	s.limit = 0;
	s.quit = 0;
	s.halted = 0;
	s.na = na;
	s.nb = nbb;
	s.runs = -1;
	if (!minimal) {
		s.limit = isqrt((idx)(na + nbb)) * MYERS_COST_FACTOR;
		if (s.limit < MYERS_COST_MIN)
			s.limit = MYERS_COST_MIN;
		s.work = (long long)(na + nbb) * MYERS_WORK_PROBE;
		s.heur = na + nbb >= MYERS_HEUR_SIZE ? MYERS_HEUR_MIN : s.limit;
		/* Two long texts that share no run of MYERS_SNAKE_MIN items
		 * (looked for in two steps: runs of a from every tenth item
		 * first, which finds the long runs of texts that differ
		 * little and is kept for the snake cut, then from every
		 * item) are likely to spend the
		 * probe's budget, after which the exact search runs.  It runs
		 * first then, and where its count of edits proves that the
		 * probe would spend the budget (probe_spends), its script is
		 * the one the probe's exhaustion would have led to.  Where it
		 * does not, the script is kept aside for the probe's end, in
		 * case the budget runs out all the same.  A shorter run is
		 * tried so where some count of edits could prove it
		 * (may_spend) and no run is found from every tenth item (the
		 * test that keeps texts which differ little away): below
		 * MYERS_HEUR_SIZE items the probe has no snake cut, so the
		 * proof needs no second look. */
		if (m->tune.exact && na + nbb <= MYERS_EXACT_EDITS &&
		    (na + nbb >= MYERS_HEUR_SIZE
		             ? !(s.runs = common_run(m->ca, na, m->cb, nbb,
		                                     MYERS_SNAKE_MIN, 10)) &&
		                       !(s.runs = common_run(
		                                 m->ca, na, m->cb, nbb,
		                                 MYERS_SNAKE_MIN, 1))
		             : may_spend(m, na, nbb, s.limit) &&
		                       !common_run(m->ca, na, m->cb, nbb,
		                                   MYERS_SNAKE_MIN, 10)) &&
		    distinct_ids(m, na) >= MYERS_EXACT_IDS) {
			if (run_exact(m, na, nbb,
			              na + nbb >= MYERS_KEEP_ITEMS) < 0)
				return -1;
			size_t d = 0;
			for (i = 0; i < na; i++)
				d += m->cda[i];
			for (i = 0; i < nbb; i++)
				d += m->cib[i];
			if (surely_spends(m, na, nbb, d, s.limit))
				goto marks;
			kept = malloc(na + nbb);
			if (kept) {
				memcpy(kept, m->cda, na);
				memcpy(kept + na, m->cib, nbb);
			}
			memset(m->cda, 0, na);
			memset(m->cib, 0, nbb);
		}
		/* Where the probe's script could not be too long for the
		 * exact search below, the script matters only if the budget
		 * lasts: both searches after it start afresh. */
		s.quit = na + nbb <= MYERS_EXACT_EDITS;
	}
	compare(&s, 0, (idx)na, 0, (idx)nbb);
	if (!minimal && s.work <= 0) {
		/* The probe's budget ran out: many edits for the length.  The
		 * exact search costs about (items x edits / 64) steps,
		 * and the edits the probe found bound the exact count; where
		 * that is less than the full budget, it is both cheaper and
		 * better.  Otherwise the search again with the full budget,
		 * which finds what it always did. */
		size_t d = 0; /* halted: at most na + nbb, under the bound */
		if (!s.halted) {
			for (i = 0; i < na; i++)
				d += m->cda[i];
			for (i = 0; i < nbb; i++)
				d += m->cib[i];
		}
		if (kept) { /* the exact script, found before the probe */
			memcpy(m->cda, kept, na);
			memcpy(m->cib, kept + na, nbb);
			goto marks;
		}
		memset(m->cda, 0, na);
		memset(m->cib, 0, nbb);
		if (m->tune.exact && d <= MYERS_EXACT_EDITS &&
		    na + nbb <= MYERS_EXACT_ITEMS &&
		    distinct_ids(m, na) >= MYERS_EXACT_IDS) {
			if (run_exact(m, na, nbb,
			              na + nbb >= MYERS_KEEP_ITEMS) < 0)
				return -1;
			goto marks;
		}
		s.work = (long long)(na + nbb) * MYERS_WORK_FACTOR;
		s.quit = 0;
		s.halted = 0;
		compare(&s, 0, (idx)na, 0, (idx)nbb);
	}
marks:
	free(kept);
	for (i = 0; i < na; i++)
		if (m->cda[i])
			del[m->ra[i]] = 1;
	for (i = 0; i < nbb; i++)
		if (m->cib[i])
			ins[m->rb[i]] = 1;
	release_big(m);
	return 0;
}
