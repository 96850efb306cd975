/* myers_exact.c - the minimal edit script, on one thread or several.
 *
 * Owns: the divide and conquer of myers.c's minimal mode (no heuristic).
 * The search is Myers' (see myers.c for the notation): the same steps in
 * the same order, so the same middle snakes and the same script whatever
 * the number of threads.  What differs is how the steps run.
 *
 *  - Diagonal arrays are split by parity: a step updates the diagonals of
 *    one parity from those of the other, so one array is written while
 *    another is read.  Index (k + bias) >> 1, bias even and large enough to
 *    keep it non-negative.
 *  - A long box searches forward on the calling thread and in reverse on a
 *    second, step by step.  Myers' order is kept: with an odd difference of
 *    diagonals, forward step d checks reverse step d - 1; with an even one,
 *    reverse step d checks forward step d, here as a scan once both are
 *    done.  Neither thread writes what the other reads in the same step (a
 *    step writes one parity and reads the other), and neither gets more
 *    than a step ahead.  Then the two halves run on a thread each.
 *
 * Tried and dropped: AVX2, eight diagonals a step with gathered loads.  On
 * the benchmark machine a gather costs about half a nanosecond per item,
 * which made it slower than this scalar loop once the text outgrows the L2
 * cache (bench/README.md).
 */
#include "myers_exact.h"
#include "../spawn.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

typedef ptrdiff_t pos;

struct box {
	pos x0, x1, y0, y1;
};

/* One thread's search state. */
struct xs {
	const uint32_t *a, *b;
	unsigned char *del, *ins;
	pos bias;         /* even: (k + bias) >> 1 indexes diagonal k */
	pos *f[2], *r[2]; /* forward, reverse furthest x, by parity */
	size_t par_min;
};

/* Inclusive range of the diagonals one search has reached. */
struct rng {
	pos lo, hi;
};

static inline pos *
at(const struct xs *s, pos *const v[2], pos k)
{
	pos i = k + s->bias;
	return &v[i & 1][i >> 1];
}

/* Widen r by one diagonal each way where [dmin, dmax] allows it, otherwise
 * step that bound inward, keeping all of r on one parity.  Bit 1 of the
 * result: lo moved out, bit 2: hi moved out (a sentinel is due there). */
static int
widen(struct rng *r, pos dmin, pos dmax)
{
	int out = 0;
	if (r->lo > dmin) {
		r->lo--;
		out |= 1;
	} else {
		r->lo++;
	}
	if (r->hi < dmax) {
		r->hi++;
		out |= 2;
	} else {
		r->hi--;
	}
	return out;
}

/* Widen a search and put sentinels beyond its new ends, values the step
 * never prefers: -1 forward, PTRDIFF_MAX in reverse. */
static inline void
widen_own(const struct xs *s, pos *const v[2], struct rng *r, pos dmin,
          pos dmax, pos sentinel)
{
	int out = widen(r, dmin, dmax);
	if (out & 1)
		*at(s, v, r->lo - 1) = sentinel;
	if (out & 2)
		*at(s, v, r->hi + 1) = sentinel;
}

/* Forward over diagonals hi, hi - 2, ..., lo of box bx: each gets the
 * furthest x a path one edit longer reaches.  With check, each is checked
 * against the reverse search: at the first whose paths overlap, stores the
 * point and returns 1. */
static inline int
fwd_span(const struct xs *s, const struct box *bx, pos hi, pos lo, int check,
         pos *sx, pos *sy)
{
	const uint32_t *a = s->a, *b = s->b;
	pos x1 = bx->x1, y1 = bx->y1;
	pos *own = at(s, s->f, hi);
	const pos *lp = at(s, s->f, hi - 1), *hp = at(s, s->f, hi + 1);
	const pos *cp = at(s, s->r, hi);
	pos n = (hi - lo) / 2;

	for (pos i = 0; i <= n; i++) {
		pos l = lp[-i] + 1, h = hp[-i];
		pos k = hi - 2 * i, x = l > h ? l : h;
		/* y < y1 is x < y1 + k */
		pos end = x1 < y1 + k ? x1 : y1 + k;
		while (x < end && a[x] == b[x - k])
			x++;
		pos y = x - k;
		own[-i] = x;
		if (check && cp[-i] <= x) {
			*sx = x;
			*sy = y;
			return 1;
		}
	}
	return 0;
}

/* The reverse of fwd_span: the smallest x a path one edit longer reaches
 * from the far corner, checked against the forward search. */
static inline int
rev_span(const struct xs *s, const struct box *bx, pos hi, pos lo, int check,
         pos *sx, pos *sy)
{
	const uint32_t *a = s->a, *b = s->b;
	pos x0 = bx->x0, y0 = bx->y0;
	pos *own = at(s, s->r, hi);
	const pos *lp = at(s, s->r, hi - 1), *hp = at(s, s->r, hi + 1);
	const pos *cp = at(s, s->f, hi);
	pos n = (hi - lo) / 2;

	for (pos i = 0; i <= n; i++) {
		pos l = lp[-i], h = hp[-i] - 1;
		pos k = hi - 2 * i, x = l < h ? l : h;
		/* y > y0 is x > y0 + k */
		pos end = x0 > y0 + k ? x0 : y0 + k;
		while (x > end && a[x - 1] == b[x - k - 1])
			x--;
		pos y = x - k;
		own[-i] = x;
		if (check && x <= cp[-i]) {
			*sx = x;
			*sy = y;
			return 1;
		}
	}
	return 0;
}

typedef int span_fn(const struct xs *, const struct box *, pos, pos, int, pos *,
                    pos *);

/* One step of a search over diagonals hi, hi - 2, ..., lo, those in
 * [clo, chi] checked against the other search (clo > chi: none), in three
 * runs so that the loop tests nothing it need not.  Returns 1 at the first
 * (highest) overlap, with its point.  Inline, as the spans and widen_own
 * are: fwd_step and rev_step then call their span directly, each run with
 * its check known (most runs are small, where the calls cost as much as
 * the steps). */
static inline int
step(span_fn *span, const struct xs *s, const struct box *bx, pos lo, pos hi,
     pos clo, pos chi, pos *sx, pos *sy)
{
	/* the checked run, on the parity of hi */
	pos top = chi < hi ? chi - ((hi - chi) & 1) : hi;
	pos bot = clo > lo ? clo + ((clo - lo) & 1) : lo;

	if (clo > chi || top < bot)
		return span(s, bx, hi, lo, 0, sx, sy);
	if (top < hi)
		span(s, bx, hi, top + 2, 0, sx, sy);
	if (span(s, bx, top, bot, 1, sx, sy))
		return 1;
	if (bot > lo)
		span(s, bx, bot - 2, lo, 0, sx, sy);
	return 0;
}

static int
fwd_step(const struct xs *s, const struct box *bx, pos lo, pos hi, pos clo,
         pos chi, pos *sx, pos *sy)
{
	return step(fwd_span, s, bx, lo, hi, clo, chi, sx, sy);
}

static int
rev_step(const struct xs *s, const struct box *bx, pos lo, pos hi, pos clo,
         pos chi, pos *sx, pos *sy)
{
	return step(rev_span, s, bx, lo, hi, clo, chi, sx, sy);
}

/* The check of reverse step d against forward step d, run after both:
 * diagonals hi down to lo, the first where they overlap. */
static int
scan_step(const struct xs *s, pos lo, pos hi, pos *sx, pos *sy)
{
	for (pos k = hi; k >= lo; k -= 2) {
		pos x = *at(s, s->r, k);
		if (x <= *at(s, s->f, k)) {
			*sx = x;
			*sy = x - k;
			return 1;
		}
	}
	return 0;
}

/* Middle snake of box bx (both sides non-empty, no common prefix or
 * suffix), on this thread: a point of an optimal path, strictly inside. */
static void
split_seq(const struct xs *s, const struct box *bx, pos *sx, pos *sy)
{
	pos dmin = bx->x0 - bx->y1, dmax = bx->x1 - bx->y0;
	pos fmid = bx->x0 - bx->y0, bmid = bx->x1 - bx->y1;
	struct rng f = {fmid, fmid}, r = {bmid, bmid};
	int odd = (fmid - bmid) & 1;

	*at(s, s->f, fmid) = bx->x0;
	*at(s, s->r, bmid) = bx->x1;
	for (;;) {
		widen_own(s, s->f, &f, dmin, dmax, -1);
		if (fwd_step(s, bx, f.lo, f.hi, odd ? r.lo : 1, odd ? r.hi : 0,
		             sx, sy))
			return;
		widen_own(s, s->r, &r, dmin, dmax, PTRDIFF_MAX);
		if (rev_step(s, bx, r.lo, r.hi, odd ? 1 : f.lo, odd ? 0 : f.hi,
		             sx, sy))
			return;
	}
}

/* The reverse half of a parallel middle snake search. */
struct rev_job {
	const struct xs *s;
	const struct box *bx;
	_Atomic pos fdone, rdone; /* last step each search finished */
	atomic_int stop;
};

static inline void
relax(unsigned *spins)
{
	if (++*spins < 4096) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
		__builtin_ia32_pause();
#endif
	} else {
		sched_yield();
	}
}

/* Wait until *step reaches want, or (stop given) until stop is set. */
static void
wait_step(_Atomic pos *step, pos want, atomic_int *stop)
{
	unsigned spins = 0;
	while (atomic_load_explicit(step, memory_order_acquire) < want) {
		if (stop && atomic_load_explicit(stop, memory_order_acquire))
			return;
		relax(&spins);
	}
}

static void *
rev_thread(void *arg)
{
	struct rev_job *j = arg;
	const struct xs *s = j->s;
	const struct box *bx = j->bx;
	pos dmin = bx->x0 - bx->y1, dmax = bx->x1 - bx->y0;
	struct rng r = {bx->x1 - bx->y1, bx->x1 - bx->y1};
	pos ux, uy;

	*at(s, s->r, r.lo) = bx->x1;
	atomic_store_explicit(&j->rdone, 0, memory_order_release);
	for (pos d = 1;; d++) {
		/* Step d rewrites the parity step d - 2 left, which forward
		 * step d - 1 reads: wait for that. */
		wait_step(&j->fdone, d - 1, &j->stop);
		if (atomic_load_explicit(&j->stop, memory_order_acquire))
			break;
		widen_own(s, s->r, &r, dmin, dmax, PTRDIFF_MAX);
		rev_step(s, bx, r.lo, r.hi, 1, 0, &ux, &uy);
		atomic_store_explicit(&j->rdone, d, memory_order_release);
	}
	return NULL;
}

/* split_seq with the reverse search on a second thread; the same point.
 * Returns 0 when no thread could be started (nothing done). */
static int
split_par(const struct xs *s, const struct box *bx, pos *sx, pos *sy)
{
	pos dmin = bx->x0 - bx->y1, dmax = bx->x1 - bx->y0;
	pos fmid = bx->x0 - bx->y0, bmid = bx->x1 - bx->y1;
	struct rng f = {fmid, fmid}, r = {bmid, bmid}; /* r: a copy */
	int odd = (fmid - bmid) & 1;
	struct rev_job j = {.s = s, .bx = bx};
	pthread_t th;
	int found = 0;

	atomic_init(&j.fdone, 0);
	atomic_init(&j.rdone, -1);
	atomic_init(&j.stop, 0);
	*at(s, s->f, fmid) = bx->x0;
	if (spawn(&th, rev_thread, &j) != 0)
		return 0;
	for (pos d = 1; !found; d++) {
		widen_own(s, s->f, &f, dmin, dmax, -1);
		wait_step(&j.rdone, d - 1, NULL);
		found = fwd_step(s, bx, f.lo, f.hi, odd ? r.lo : 1,
		                 odd ? r.hi : 0, sx, sy);
		widen(&r, dmin, dmax);
		if (!found && !odd) {
			wait_step(&j.rdone, d, NULL);
			found = scan_step(s, f.lo > r.lo ? f.lo : r.lo,
			                  f.hi < r.hi ? f.hi : r.hi, sx, sy);
		}
		if (found)
			atomic_store_explicit(&j.stop, 1, memory_order_release);
		atomic_store_explicit(&j.fdone, d, memory_order_release);
	}
	pthread_join(th, NULL);
	return 1;
}

static void compare(const struct xs *s, struct box bx, int threads);

/* Diagonal arrays for box bx in v (room for xs_words(bx) items). */
static size_t
xs_words(const struct box *bx)
{
	/* diagonals x0 - y1 - 1 .. x1 - y0 + 1, plus slack for the bias */
	return 2 * ((size_t)(bx->x1 - bx->x0) + (size_t)(bx->y1 - bx->y0) + 8);
}

static void
xs_place(struct xs *s, const struct box *bx, pos *v)
{
	size_t half = xs_words(bx) / 4;
	/* lowest diagonal used: x0 - y1 - 1, whose index must be >= 0 */
	s->bias = (bx->y1 - bx->x0 + 2) & ~(pos)1;
	s->f[0] = v;
	s->f[1] = v + half;
	s->r[0] = v + 2 * half;
	s->r[1] = v + 3 * half;
}

struct half_job {
	struct xs s;
	struct box bx;
	int threads;
	pos *v;
};

static void *
half_thread(void *arg)
{
	struct half_job *h = arg;
	compare(&h->s, h->bx, h->threads);
	return NULL;
}

/* Run the halves lo and hi of a split on two threads.  Returns 0 (nothing
 * done) when there is no memory or thread for the second. */
static int
halves_par(const struct xs *s, const struct box *lo, const struct box *hi,
           int threads)
{
	struct half_job h = {.s = *s, .bx = *hi, .threads = threads / 2};
	pthread_t th;

	h.v = malloc(xs_words(hi) * sizeof *h.v); /* no larger than the root */
	if (!h.v)
		return 0;
	xs_place(&h.s, hi, h.v);
	if (spawn(&th, half_thread, &h) != 0) {
		free(h.v);
		return 0;
	}
	compare(s, *lo, threads - threads / 2);
	pthread_join(th, NULL);
	free(h.v);
	return 1;
}

/* Mark the edit script of box bx, with up to threads threads. */
static void
compare(const struct xs *s, struct box bx, int threads)
{
	const uint32_t *a = s->a, *b = s->b;
	for (;;) {
		while (bx.x0 < bx.x1 && bx.y0 < bx.y1 && a[bx.x0] == b[bx.y0]) {
			bx.x0++;
			bx.y0++;
		}
		while (bx.x1 > bx.x0 && bx.y1 > bx.y0 &&
		       a[bx.x1 - 1] == b[bx.y1 - 1]) {
			bx.x1--;
			bx.y1--;
		}
		if (bx.x0 == bx.x1) {
			memset(s->ins + bx.y0, 1, (size_t)(bx.y1 - bx.y0));
			return;
		}
		if (bx.y0 == bx.y1) {
			memset(s->del + bx.x0, 1, (size_t)(bx.x1 - bx.x0));
			return;
		}
		size_t size = (size_t)(bx.x1 - bx.x0) + (size_t)(bx.y1 - bx.y0);
		int par = threads >= 2 && size >= s->par_min;
		pos sx = bx.x0, sy = bx.y0; /* set by the split */
		if (!par || !split_par(s, &bx, &sx, &sy))
			split_seq(s, &bx, &sx, &sy);
		struct box lo = {bx.x0, sx, bx.y0, sy};
		struct box hi = {sx, bx.x1, sy, bx.y1};
		if (par && halves_par(s, &lo, &hi, threads))
			return;
		/* Recurse into the smaller half, loop on the larger. */
		if ((sx - bx.x0) + (sy - bx.y0) < (bx.x1 - sx) + (bx.y1 - sy)) {
			compare(s, lo, threads);
			bx = hi;
		} else {
			compare(s, hi, threads);
			bx = lo;
		}
	}
}

int
exact_run(struct exact_mem *mem, const struct exact_opt *opt, const uint32_t *a,
          size_t n, const uint32_t *b, size_t nb, unsigned char *del,
          unsigned char *ins)
{
	struct box bx = {0, (pos)n, 0, (pos)nb};
	struct xs s = {.a = a, .b = b, .del = del, .ins = ins};
	size_t words = xs_words(&bx);

	if (n == 0 || nb == 0) {
		memset(del, 1, n);
		memset(ins, 1, nb);
		return 0;
	}
	if (words > mem->cap) {
		pos *v = words <= SIZE_MAX / sizeof *v
		                 ? malloc(words * sizeof *v)
		                 : NULL;
		if (!v)
			return -1;
		free(mem->v);
		mem->v = v;
		mem->cap = words;
	}
	s.par_min = opt->par_min;
	xs_place(&s, &bx, mem->v);
	compare(&s, bx, opt->threads > 0 ? opt->threads : 1);
	return 0;
}

void
exact_mem_free(struct exact_mem *mem)
{
	free(mem->v);
	mem->v = NULL;
	mem->cap = 0;
}
