/* bitlcs.c - the minimal edit script by bit-parallel LCS in a diagonal band.
 *
 * Owns: the minimal runs with many edits for their length, where Myers'
 * search (myers_exact.c) would visit far more points than this visits words.
 *
 * Notation: a gives the rows, b the columns; point (i, j) has consumed
 * a[0..i) and b[0..j), and lies on diagonal i - j.  A path of cost at most
 * U from (x0, y0) to (x1, y1) stays on the diagonals k with
 * |k - (x0 - y0)| + |k - (x1 - y1)| <= U: a band of U + 1 diagonals, where
 * Myers' search takes about U * U / 2 steps.
 *
 * A column of the LCS table is one bit per row (Allison and Dix; Hyyro):
 * bit r is clear when L(r + 1, j) = L(r, j) + 1.  With U = V & M, where M
 * marks the rows whose item equals b[j], the next column is
 * (V + U) | (V & ~M): one multi-word addition per column.  The window of
 * rows follows the band down in steps of 64.  Rows that leave it keep
 * their last values; rows that enter it start as if just below the rows
 * above.  Both are lengths of real paths, no longer than the true ones and
 * no shorter than those of paths inside the band, so every point of the
 * band gets its exact value.
 *
 * A box is split at its middle column: a forward pass gives the LCS from
 * the top-left corner to each point of that column, a reverse pass (a and
 * b read backwards) the LCS from each point to the bottom-right corner,
 * and a point with the largest sum is on an optimal path.  Both halves
 * then know their exact cost, so their bands are as narrow as they can
 * be, and each has one of the two passes already made (checkpoints,
 * below).  The first passes over a run are narrow ones (BAND_PROBE
 * diagonals each side) whose cost bounds the run's: one from each corner
 * to the middle column, on two threads, joined where their windows meet;
 * every 32 columns each moves its window down toward the point that looks
 * cheapest (cost so far plus a quarter of the diagonals still to cross),
 * so that it follows a path that drifts far from the main diagonal.
 *
 * A column whose item is rare in a matches few rows of the window, and
 * the addition then changes two bits per match (col_sparse): those
 * columns cost a few steps each, found in a list of the item's rows,
 * where a whole-window addition would cost as many words as the window
 * holds.
 *
 * The addition's carry crosses words.  The AVX2 kernel adds four words at
 * a time and settles the carries of 64 words with one 64-bit addition of
 * their generate and propagate bits, as a carry-lookahead adder does; the
 * AVX-512 kernel does the same eight words at a time.  Each runs where the
 * CPU has it; elsewhere a plain C loop does the same.
 */
#define _GNU_SOURCE /* MAP_ANONYMOUS, MADV_HUGEPAGE */
#include "bitlcs.h"
#include "../spawn.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define BAND_SIMD 1
#else
#define BAND_SIMD 0
#endif

typedef uint64_t word;
typedef ptrdiff_t pos;

/* Boxes of fewer items (both sides) go to myers_exact.c even when forced. */
#define BAND_LEAF 64
/* Runs of fewer items go to myers_exact.c unless forced: Myers is quick there.
 */
#define BAND_MIN 4096
/* Diagonals each side of the corners' in the first, narrow pass. */
#define BAND_PROBE 1024
/* The BAND_MAPS most frequent ids of a, if they occur at least
 * BAND_MAP_MIN times, get a bitmap of their rows per direction; the rows of
 * the others are looked up in lists and applied match by match.  (A map's
 * column costs some 8 instructions a word of the window, a list's some 20
 * a match and the carries' scans; on the unrelated bench pair's sentence
 * ids, 1,030 distinct, 32 maps cost 3 M fewer instructions than 64 once
 * col_sparse took no branch on the match's bit; 64 had been 17 M fewer than
 * 128 and 56 M fewer than 256.  Keeping a map only for ids of at least a
 * 128th of a's rows cost 3 to 9 M more there: the carries' scans make the
 * lists dearer than their matches alone.) */
#define BAND_MAPS    32
#define BAND_MAP_MIN 32

struct box {
	pos x0, x1, y0, y1;
};

/* The kernels that compute a column, slowest first. */
enum { KERNEL_PLAIN, KERNEL_AVX2, KERNEL_AVX512 };

/* A zeroed block, from mmap when it is large. */
struct big {
	void *base;
	size_t len; /* 0: from calloc */
};

/* What every thread of a run shares (read only once built). */
struct tab {
	const uint32_t *a, *b;
	pos n, m;
	uint32_t nids;
	uint32_t *start;   /* per id: its first entry in occ (nids + 1) */
	uint32_t *occ[2];  /* rows by direction, grouped by id, ascending */
	int32_t *map;      /* per id: the number of its bitmap, or -1 */
	word *maps[2];     /* bitmaps by direction (0 forward), mw words each */
	struct big mem[2]; /* under occ, maps */
	size_t mw;
	int kernel, force; /* kernel: KERNEL_* */
	struct myers_stats *stats;
	size_t par_min;
	unsigned char *del, *ins;
};

/* Per direction and id, where the last lookup of a thread ended in the
 * id's list: passes near each other look near each other. */
struct cursors {
	uint32_t *at[2];
};

/* One thread's view: the tables and its scratch. */
struct ctx {
	const struct tab *t;
	struct exact_mem *xm;
	struct cursors cu;
};

static int
cursors_init(struct cursors *cu, const struct tab *t)
{
	size_t nids = t->nids ? t->nids : 1;
	cu->at[0] = malloc(2 * nids * sizeof *cu->at[0]);
	if (!cu->at[0])
		return -1;
	cu->at[1] = cu->at[0] + nids;
	for (uint32_t id = 0; id < t->nids; id++)
		cu->at[0][id] = cu->at[1][id] = t->start[id];
	return 0;
}

static void
cursors_free(struct cursors *cu)
{
	free(cu->at[0]);
	cu->at[0] = cu->at[1] = NULL;
}

/* Huge pages, for blocks of at least this many bytes. */
#define BAND_HUGE ((size_t)2 << 20)

/* A zeroed block of bytes bytes in b, or NULL.  A large one asks for huge
 * pages: where touching a page costs a fault (some 17 us each on the
 * benchmark's virtual machine), a million-word run's tables fault 20
 * times instead of 11,000. */
static void *
big_zeroed(struct big *b, size_t bytes)
{
#if defined(MAP_ANONYMOUS) && defined(MADV_HUGEPAGE)
	if (bytes >= BAND_HUGE && bytes <= SIZE_MAX / 2) {
		/* whole huge pages only: a partial one would take 4 KiB ones */
		size_t whole = (bytes + BAND_HUGE - 1) & ~(BAND_HUGE - 1);
		size_t len = whole + BAND_HUGE;
		void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p != MAP_FAILED) {
			uintptr_t at = ((uintptr_t)p + BAND_HUGE - 1) &
			               ~(uintptr_t)(BAND_HUGE - 1);
			b->base = p;
			b->len = len;
			(void)madvise((void *)at, whole,
			              MADV_HUGEPAGE); /* a hint */
			return (void *)at;
		}
	}
#endif
	b->base = calloc(bytes ? bytes : 1, 1);
	b->len = 0;
	return b->base;
}

static void
big_free(struct big *b)
{
	if (b->len)
		munmap(b->base, b->len);
	else
		free(b->base);
	b->base = NULL;
	b->len = 0;
}

/* Set bits of x.  Without the popcnt instruction (not in the x86-64
 * baseline) the builtin is a library call; a few shifts and a multiply
 * are quicker. */
static int
ones(word x)
{
#ifdef __POPCNT__
	return __builtin_popcountll(x);
#else
	x -= (x >> 1) & 0x5555555555555555u;
	x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
	return (int)((x * 0x0101010101010101u) >> 56);
#endif
}

/* Floor and ceiling of v / 2. */
static pos
half_down(pos v)
{
	return v >= 0 ? v / 2 : -((1 - v) / 2);
}

static pos
half_up(pos v)
{
	return -half_down(-v);
}

/* The item of column j in direction d (1: b read backwards). */
static inline uint32_t
col_id(const struct tab *t, int d, pos j)
{
	return d ? t->b[t->m - 1 - j] : t->b[j];
}

/* The first of o[l..h) (ascending) at a row of lo or more, h if none,
 * given o[l - 1] < lo (or nothing before l is asked) and o[h] >= lo (or h
 * is the end): halving. */
static inline uint32_t
halve(const uint32_t *o, uint32_t l, uint32_t h, pos lo)
{
	while (l < h) {
		uint32_t mid = l + (h - l) / 2;
		if ((pos)o[mid] < lo)
			l = mid + 1;
		else
			h = mid;
	}
	return l;
}

/* The first entry of o[k..end) (ascending) at a row of hi or more, end if
 * none: galloping from k, then halving.  A sparse column's matches in the
 * window are a dozen on average on the bench's unrelated pair, where a
 * scan reads each of them before col_sparse reads them again. */
static inline uint32_t
rows_before(const uint32_t *o, uint32_t k, uint32_t end, pos hi)
{
	uint32_t l = k, h = k, step = 1;

	while (h < end && (pos)o[h] < hi) {
		l = h + 1;
		h = end - h > step ? h + step : end;
		step *= 2;
	}
	/* now o[l - 1] < hi (or l is k), and o[h] >= hi (or h is end) */
	return halve(o, l, h, hi);
}

/* The first entry of id's list in direction d at a row >= lo (the end of
 * the list if none): galloping from where the thread's last lookup of id
 * ended (forward by rows_before, or back), then halving. */
static uint32_t
first_row(const struct tab *t, struct cursors *cu, int d, uint32_t id, pos lo)
{
	const uint32_t *o = t->occ[d];
	uint32_t b = t->start[id], e = t->start[id + 1], k = cu->at[d][id];
	uint32_t l, h, step = 1;

	if (k < e && (pos)o[k] < lo) { /* after k */
		l = rows_before(o, k + 1, e, lo);
	} else { /* at k or before */
		h = k;
		l = k;
		while (l > b && (pos)o[l - 1] >= lo) {
			h = l - 1;
			l = l - b > step ? l - step : b;
			step *= 2;
		}
		/* now o[l - 1] < lo (or l is b), and o[h] >= lo (or h is k,
		 * the end) */
		l = halve(o, l, h, lo);
	}
	cu->at[d][id] = l;
	return l;
}

/* The first of v[at..w) with a clear bit, or w (at <= w).  The first two
 * words are tried alone: they settle most calls (the carry of a sparse
 * column mostly stops in the next word), where a test of eight words
 * would read six words for nothing. */
static size_t
first_clear_word(const word *v, size_t at, size_t w)
{
	if (at < w && v[at] != ~(word)0)
		return at;
	if (at + 1 < w && v[at + 1] != ~(word)0)
		return at + 1;
	at = at + 2 < w ? at + 2 : w;
	while (at + 8 <= w &&
	       (v[at] & v[at + 1] & v[at + 2] & v[at + 3] & v[at + 4] &
	        v[at + 5] & v[at + 6] & v[at + 7]) == ~(word)0)
		at += 8;
	while (at < w && v[at] == ~(word)0)
		at++;
	return at;
}

/* The next column where b[j] matches few rows: v[0..w) from the rows
 * o[k..e) (relative to base, ascending) where it does, carry in 0.  The
 * multi-word addition changes two bits per match: a match on a set bit r
 * clears it and sets the first clear bit above r (if the window has one),
 * and matches taken from the highest down give the same column as the
 * addition does.  Each match is that addition within its word (x + u,
 * u the match's bit where x has it, else 0: then nothing changes), with
 * no test of the bit; only a carry out of the word looks further up.  As
 * u lies within x, x & ~u is x ^ u. */
static void
col_sparse(word *v, size_t w, pos base, const uint32_t *o, uint32_t k,
           uint32_t e)
{
	const uint32_t *p = o + e, *stop = o + k;

	while (p > stop) {
		size_t r = (size_t)((pos) * --p - base);
		word *at = v + (r >> 6);
		word x = *at, u = x & ((word)1 << (r & 63)), s;
		int out = __builtin_add_overflow(x, u, &s);
		*at = s | (x ^ u);
		if (out) { /* past the word: set the first clear bit above */
			size_t c = first_clear_word(v, (size_t)(at - v) + 1, w);
			if (c < w)
				v[c] |= v[c] + 1;
		}
	}
}

/* Words v[w..nw) of a column, word by word from carry c in; returns the
 * carry out.  Every kernel ends with this. */
static inline word
col_words(word *v, const word *pm, size_t w, size_t nw, word c)
{
	for (; w < nw; w++) {
		word p = pm[w], x = v[w], s = x + (x & p), r = s + c;
		c = (word)(s < x) | (word)(r < s);
		v[w] = r | (x & ~p);
	}
	return c;
}

/* Word 0 of a column, its match bits masked by mask0, carry in 0; returns
 * the carry out.  Every kernel starts with this. */
static inline word
col_first(word *v, const word *pm, word mask0)
{
	word p0 = pm[0] & mask0, x0 = v[0], s0 = x0 + (x0 & p0);
	v[0] = s0 | (x0 & ~p0);
	return s0 < x0;
}

/* The next column: v[0..nw) from match bits pm (word 0 masked by mask0),
 * carry in 0.  The plain C kernel. */
static void
col_plain(word *v, const word *pm, size_t nw, word mask0)
{
	(void)col_words(v, pm, 1, nw, col_first(v, pm, mask0));
}

#if BAND_SIMD
/* Words v[0..4 * nq) of a column from carry c in, as col_plain does
 * (nq <= 16); returns the carry out. */
__attribute__((target("avx2"))) static inline word
block_avx2(word *v, const word *pm, int nq, word c)
{
	/* row c: the carries into four words, bit q of c into word q */
	static const long long lanes[16][4] = {
	        {0, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {1, 1, 0, 0},
	        {0, 0, 1, 0}, {1, 0, 1, 0}, {0, 1, 1, 0}, {1, 1, 1, 0},
	        {0, 0, 0, 1}, {1, 0, 0, 1}, {0, 1, 0, 1}, {1, 1, 0, 1},
	        {0, 0, 1, 1}, {1, 0, 1, 1}, {0, 1, 1, 1}, {1, 1, 1, 1},
	};
	const __m256i all = _mm256_set1_epi64x(-1);
	__m256i sum[16];
	word gen = 0, prop = 0;

	for (int q = 0; q < nq; q++) {
		__m256i x = _mm256_loadu_si256((const void *)(v + 4 * q));
		__m256i p = _mm256_loadu_si256((const void *)(pm + 4 * q));
		__m256i xp = _mm256_and_si256(x, p);
		__m256i s = _mm256_add_epi64(x, xp);
		/* carried out of x + xp: the top bit of (x & xp) | ((x | xp)
		 * & ~s), which is xp | (x & ~s) as xp is within x (the
		 * movemask reads top bits only) */
		__m256i g = _mm256_or_si256(xp, _mm256_andnot_si256(s, x));
		__m256i o = _mm256_cmpeq_epi64(s, all);
		sum[q] = s;
		gen |= (word)_mm256_movemask_pd(_mm256_castsi256_pd(g))
		       << (4 * q);
		prop |= (word)_mm256_movemask_pd(_mm256_castsi256_pd(o))
		        << (4 * q);
	}
	/* bit q of ((gen | prop) + gen + c) ^ prop: the carry into word q */
	word gp = gen | prop, t1 = gp + gen, t2 = t1 + c;
	word into = t2 ^ prop;
	if (nq < 16) /* the carry out is bit 4 * nq */
		c = (into >> (4 * nq)) & 1;
	else
		c = (word)(t1 < gp) | (word)(t2 < t1);
	for (int q = 0; q < nq; q++) {
		__m256i x = _mm256_loadu_si256((const void *)(v + 4 * q));
		__m256i p = _mm256_loadu_si256((const void *)(pm + 4 * q));
		__m256i ci = _mm256_loadu_si256(
		        (const void *)lanes[(into >> (4 * q)) & 15]);
		__m256i r = _mm256_or_si256(_mm256_add_epi64(sum[q], ci),
		                            _mm256_andnot_si256(p, x));
		_mm256_storeu_si256((void *)(v + 4 * q), r);
	}
	return c;
}

/* col_plain with AVX2: the first word alone (it takes the mask), then
 * blocks of 64 words, one of the rest rounded down to four, the last few
 * one by one. */
__attribute__((target("avx2"))) static void
col_avx2(word *v, const word *pm, size_t nw, word mask0)
{
	word c = col_first(v, pm, mask0);
	size_t w = 1;

	for (; w + 64 <= nw; w += 64)
		c = block_avx2(v + w, pm + w, 16, c);
	if (w + 4 <= nw) {
		int nq = (int)((nw - w) / 4);
		c = block_avx2(v + w, pm + w, nq, c);
		w += 4 * (size_t)nq;
	}
	(void)col_words(v, pm, w, nw, c);
}

/* Words v[0..8 * nq) of a column from carry c in, as block_avx2 does with
 * eight words a vector (nq <= 8); returns the carry out. */
__attribute__((target("avx512f"))) static inline word
block_avx512(word *v, const word *pm, int nq, word c)
{
	const __m512i all = _mm512_set1_epi64(-1), one = _mm512_set1_epi64(1);
	__m512i sum[8];
	word gen = 0, prop = 0;

	for (int q = 0; q < nq; q++) {
		__m512i x = _mm512_loadu_si512(v + 8 * q);
		__m512i p = _mm512_loadu_si512(pm + 8 * q);
		__m512i s = _mm512_add_epi64(x, _mm512_and_si512(x, p));
		sum[q] = s;
		gen |= (word)_mm512_cmplt_epu64_mask(s, x) << (8 * q);
		prop |= (word)_mm512_cmpeq_epi64_mask(s, all) << (8 * q);
	}
	word gp = gen | prop, t1 = gp + gen, t2 = t1 + c;
	word into = t2 ^ prop;
	if (nq < 8)
		c = (into >> (8 * nq)) & 1;
	else
		c = (word)(t1 < gp) | (word)(t2 < t1);
	for (int q = 0; q < nq; q++) {
		__m512i x = _mm512_loadu_si512(v + 8 * q);
		__m512i p = _mm512_loadu_si512(pm + 8 * q);
		__m512i r = _mm512_mask_add_epi64(
		        sum[q], (__mmask8)(into >> (8 * q)), sum[q], one);
		r = _mm512_or_si512(r, _mm512_andnot_si512(p, x));
		_mm512_storeu_si512(v + 8 * q, r);
	}
	return c;
}

/* col_plain with AVX-512, laid out as col_avx2. */
__attribute__((target("avx512f"))) static void
col_avx512(word *v, const word *pm, size_t nw, word mask0)
{
	word c = col_first(v, pm, mask0);
	size_t w = 1;

	for (; w + 64 <= nw; w += 64)
		c = block_avx512(v + w, pm + w, 8, c);
	if (w + 8 <= nw) {
		int nq = (int)((nw - w) / 8);
		c = block_avx512(v + w, pm + w, nq, c);
		w += 8 * (size_t)nq;
	}
	(void)col_words(v, pm, w, nw, c);
}
#endif

/* For a pass that follows the best path it has found: how many words the
 * window (nw words from row base, done the LCS above it) should move down
 * at column j so that its middle word starts at the row of column j where
 * the cost so far plus the least cost to diagonal k1 is smallest. */
static pos
centre(const struct box *bx, pos k1, const word *v, size_t nw, pos base,
       long long done, pos j)
{
	pos best = 0;
	long long z = done, least = -1;

	for (size_t w = 0; w < nw; w++) {
		pos i = base + 64 * (pos)w;
		if (i > bx->x1)
			break;
		if (i >= bx->x0) {
			pos k = i - j - k1;
			long long f = (i - bx->x0) + (j - bx->y0) - 2 * z +
			              (k < 0 ? -k : k) / 4;
			if (least < 0 || f < least) {
				least = f;
				best = (pos)w;
			}
		}
		z += 64 - ones(v[w]);
	}
	best -= (pos)nw / 2;
	/* never past the word holding x1 */
	if (best > 0 && base + 64 * best > (bx->x1 & ~(pos)63))
		best = ((bx->x1 & ~(pos)63) - base) / 64;
	return best > 0 ? best : 0;
}

/* Checkpoints: the values a pass leaves at some of its columns, for the
 * halves of the box that start from the pass's corner.  A split needs the
 * LCS from the top-left corner to each point of a column and from each
 * point to the bottom-right corner.  The left half of a split box starts
 * where the box does, so the forward pass that found the split has gone
 * through the middle of that half already; the right half ends where the
 * box does, and the reverse pass has gone through its middle.  A pass
 * keeps its values at the columns len/2, len/4, ... from its corner, and
 * each half splits at the one nearest its middle: it then runs one pass
 * over half its columns, where it would run two.  A box is trimmed of
 * its common prefix and suffix before it is split, so its halves cannot
 * trim at the corner they share with it: the checkpoints' corner is
 * theirs. */
struct ck {
	pos y, ilo, ihi; /* column, rows (the pass's coordinates) */
	int32_t *val;    /* LCS from the corner to (i, y), ilo <= i <= ihi */
};

#define SPINE_MAX 24

struct spine {
	int d;      /* the direction of the pass that kept it */
	pos cx, cy; /* its corner, in that direction's coordinates */
	int n;      /* checkpoints at[0..n), columns ascending */
	struct ck at[SPINE_MAX];
};

/* Room for the checkpoints of a pass in direction d over box bx (its
 * coordinates), diagonals klo..khi: columns len/2, len/4, ... from its
 * corner while they are 2 or more apart and hold at most budget values in
 * all (a wide band would otherwise keep many columns of it: the nearest
 * halves come first).  NULL when memory ran out or no column qualifies. */
static struct spine *
spine_new(int d, const struct box *bx, pos klo, pos khi, size_t budget)
{
	pos len = bx->y1 - bx->y0;
	size_t rows = 0;
	int n = 0;
	struct ck at[SPINE_MAX];

	for (int k = 1; n < SPINE_MAX && (len >> k) >= 2; k++) {
		pos y = bx->y0 + (len >> k);
		pos ilo = y + klo > bx->x0 ? y + klo : bx->x0;
		pos ihi = y + khi < bx->x1 ? y + khi : bx->x1;
		if (ilo > ihi)
			continue;
		if (rows + (size_t)(ihi - ilo + 1) > budget)
			break;
		at[n++] = (struct ck){y, ilo, ihi, NULL};
		rows += (size_t)(ihi - ilo + 1);
	}
	if (n == 0)
		return NULL;
	struct spine *sp = malloc(sizeof *sp + rows * sizeof(int32_t));
	if (!sp)
		return NULL;
	int32_t *val = (int32_t *)(sp + 1);
	sp->d = d;
	sp->cx = bx->x0;
	sp->cy = bx->y0;
	sp->n = n;
	for (int q = 0; q < n; q++) { /* ascending columns */
		sp->at[q] = at[n - 1 - q];
		sp->at[q].val = val;
		val += sp->at[q].ihi - sp->at[q].ilo + 1;
	}
	return sp;
}

/* Set out[i - olo] for olo <= i <= ohi from a window of nw words from row
 * base, done the LCS above it; rows below the window are taken as just
 * below it, rows above it (none, as passes are called) get -1. */
static void
emit(const word *v, size_t nw, pos base, long long done, pos olo, pos ohi,
     int32_t *out)
{
	size_t wi = 0;
	pos i = olo;

	for (; i <= ohi && i < base; i++)
		out[i - olo] = -1;
	for (; wi < nw && base + 64 * (pos)(wi + 1) <= i; wi++)
		done += 64 - ones(v[wi]);
	/* row by row through the words that hold rows olo..ohi */
	for (; wi < nw && i <= ohi; wi++) {
		word x = v[wi];
		int b = (int)(i - base - 64 * (pos)wi);
		long long below = done + ones(~x & (((word)1 << b) - 1));
		pos rows = ohi - i + 1 < 64 - b ? ohi - i + 1 : 64 - b;
		word y = ~x >> b; /* the clear bits from row i up */
		int32_t *to = out + (i - olo);
		for (pos q = 0; q < rows; q++, y >>= 1) {
			to[q] = (int32_t)below;
			below += (long long)(y & 1);
		}
		i += rows;
		done += 64 - ones(x);
	}
	for (; i <= ohi; i++) /* below the window: as just below it */
		out[i - olo] = (int32_t)done;
}

/* Words in the window of a pass over diagonals klo..khi. */
static size_t
pass_words(pos klo, pos khi)
{
	return (size_t)(khi - klo + 2 + 63) / 64 + 2;
}

/* A pass that follows the best path it finds (a probe) rather than a
 * band: it heads for diagonal k1; with window set, it reports the rows of
 * its last window that lie in the box, lo..hi, instead of olo..ohi. */
struct follow {
	pos k1;
	int window;
	pos lo, hi;
};

/* One pass in direction d over box bx (in that direction's coordinates:
 * rows x0..x1, every column y0..y1), cells on diagonals klo..khi.  Sets
 * out[i - olo], for the points (i, y1) with olo <= i <= ohi, to the LCS of
 * rows x0..i against the box's columns: exact where the point is in the
 * band, a lower bound elsewhere.  Needs olo >= max(x0, y1 - 1 + klo) and
 * ohi <= y1 + khi.  Fills the checkpoints of keep (NULL: none) the same
 * way.  With fo, follows a path instead (klo..khi set the window's width
 * only) and out has room for 64 * pass_words(klo, khi) values.  Returns 0,
 * or -1 when memory ran out. */
static int
pass(const struct tab *t, struct cursors *cu, int d, struct box bx, pos klo,
     pos khi, pos olo, pos ohi, int32_t *out, struct follow *fo,
     struct spine *keep)
{
	size_t nw = pass_words(klo, khi);
	word *v = malloc(nw * sizeof *v);
	pos base = bx.x0 & ~(pos)63;
	long long done = 0; /* LCS of the rows above the window */
	int next_ck = 0;

	if (!v)
		return -1;
	for (size_t w = 0; w < nw; w++)
		v[w] = ~(word)0;
	for (pos j = bx.y0; j < bx.y1; j++) {
		if (keep && next_ck < keep->n && keep->at[next_ck].y == j) {
			const struct ck *k = &keep->at[next_ck++];
			emit(v, nw, base, done, k->ilo, k->ihi, k->val);
		}
		pos drop = fo && (j & 31) == 0
		                   ? centre(&bx, fo->k1, v, nw, base, done, j)
		                   : 0;
		while (fo ? drop-- > 0 : base + 64 <= j + klo) {
			done += 64 - ones(v[0]);
			memmove(v, v + 1, (nw - 1) * sizeof *v);
			v[nw - 1] = ~(word)0;
			base += 64;
		}
		pos top = fo ? base + 64 * (pos)nw : j + khi + 2;
		if (top > bx.x1)
			top = bx.x1;
		if (top <= base)
			continue; /* the band has left the box */
		size_t w = (size_t)(top - base + 63) >> 6;
		uint32_t id = col_id(t, d, j);
		int32_t f = t->map[id];
		if (j + 1 < bx.y1) { /* the next column's list, if it has one */
			uint32_t next = col_id(t, d, j + 1);
			if (t->map[next] < 0)
				__builtin_prefetch(t->occ[d] + cu->at[d][next]);
		}
		if (f < 0) {
			pos lo = base > bx.x0 ? base : bx.x0,
			    hi = base + (pos)w * 64;
			const uint32_t *o = t->occ[d];
			uint32_t k = first_row(t, cu, d, id, lo);
			uint32_t e = rows_before(o, k, t->start[id + 1], hi);
			col_sparse(v, w, base, o, k, e);
			continue;
		}
		word mask0 =
		        base < bx.x0 ? ~(word)0 << (bx.x0 - base) : ~(word)0;
		const word *pm =
		        t->maps[d] + (size_t)f * t->mw + (size_t)(base >> 6);
#if BAND_SIMD
		if (t->kernel == KERNEL_AVX512)
			col_avx512(v, pm, w, mask0);
		else if (t->kernel == KERNEL_AVX2)
			col_avx2(v, pm, w, mask0);
		else
#endif
			col_plain(v, pm, w, mask0);
	}
	if (fo && fo->window) {
		olo = fo->lo = base > bx.x0 ? base : bx.x0;
		ohi = fo->hi = base + 64 * (pos)nw - 1 < bx.x1
		                       ? base + 64 * (pos)nw - 1
		                       : bx.x1;
	}
	emit(v, nw, base, done, olo, ohi, out);
	free(v);
	return 0;
}

struct pass_job {
	const struct tab *t;
	int d;
	struct box bx;
	pos klo, khi, olo, ohi;
	int32_t *out;
	struct spine *keep;
	struct follow *fo;
	int rc;
};

/* Run job p with cursors cu, or with its own if NULL. */
static int
run_pass(struct pass_job *p, struct cursors *cu)
{
	struct cursors own;
	int rc = -1;

	if (cu)
		return pass(p->t, cu, p->d, p->bx, p->klo, p->khi, p->olo,
		            p->ohi, p->out, p->fo, p->keep);
	if (cursors_init(&own, p->t) == 0)
		rc = pass(p->t, &own, p->d, p->bx, p->klo, p->khi, p->olo,
		          p->ohi, p->out, p->fo, p->keep);
	cursors_free(&own);
	return rc;
}

static void *
pass_thread(void *arg)
{
	struct pass_job *p = arg;
	p->rc = run_pass(p, NULL);
	return NULL;
}

/* Whether myers_exact.c should take a box of n rows, m columns and cost at most
 * u: Myers' search takes about u * u / 2 steps of about 1.2 ns, the two
 * passes of a split here m * u / 64 words each of about 0.55 ns (AVX2) or
 * 1.1 ns (plain), and each split leaves half the work again.  (A split
 * from a checkpoint makes one pass over half the columns; the model keeps
 * the cost of two, which measured no slower: bench/README.md.) */
static int
to_myers(const struct tab *t, pos n, pos m, pos u)
{
	if (n + m < BAND_LEAF || u <= 1 || m < 2) /* m >= 2 splits m */
		return 1;
	if (t->force)
		return 0;
	double per = t->kernel == KERNEL_AVX512 ? 0.3
	             : t->kernel == KERNEL_AVX2 ? 0.55
	                                        : 1.1;
	double myers = 0.6 * (double)u * (double)u;
	double band = 2.0 * (double)m * ((double)(u + 192) / 64.0 * per + 10.0);
	return myers <= band;
}

static int solve(struct ctx *c, struct box bx, pos u, int exact, int threads,
                 struct spine *sp);

struct half_job {
	struct ctx c;
	struct exact_mem xm;
	struct box bx;
	pos u;
	struct spine *sp;
	int threads, rc;
};

static void *
half_thread(void *arg)
{
	struct half_job *h = arg;
	h->rc = -1;
	if (cursors_init(&h->c.cu, h->c.t) == 0)
		h->rc = solve(&h->c, h->bx, h->u, 1, h->threads, h->sp);
	else
		free(h->sp);
	cursors_free(&h->c.cu);
	exact_mem_free(&h->xm);
	return NULL;
}

/* The checkpoint of sp that box bx (forward coordinates) can split at:
 * the one farthest from the corner inside bx's columns, if bx starts at
 * sp's corner; -1 if none. */
static int
spine_pick(const struct tab *t, const struct spine *sp, const struct box *bx)
{
	if (!sp || (sp->d ? t->n - bx->x1 : bx->x0) != sp->cx ||
	    (sp->d ? t->m - bx->y1 : bx->y0) != sp->cy)
		return -1;
	pos y0 = sp->cy, y1 = sp->d ? t->m - bx->y0 : bx->y1;
	for (int q = sp->n - 1; q >= 0; q--)
		if (sp->at[q].y > y0 && sp->at[q].y < y1)
			return q;
	return -1;
}

/* The LCS at row i (forward coordinates) of checkpoint k of sp, or -1 if
 * k does not hold the row. */
static long long
spine_at(const struct tab *t, const struct spine *sp, const struct ck *k, pos i)
{
	pos r = sp->d ? t->n - i : i;
	if (r < k->ilo || r > k->ihi)
		return -1;
	return k->val[r - k->ilo];
}

enum { STAT_SPLITS, STAT_FROM_CK, STAT_OFF };

/* Add v to a counter of t's statistics, if it keeps them. */
static void
count(const struct tab *t, int which, size_t v)
{
	if (!t->stats || !v)
		return;
	size_t *c = which == STAT_SPLITS    ? &t->stats->splits
	            : which == STAT_FROM_CK ? &t->stats->from_ck
	                                    : &t->stats->off;
	__atomic_fetch_add(c, v, __ATOMIC_RELAXED);
}

/* Split bx (cost at most u, exactly u if exact) at a column: its middle, or a
 * checkpoint of sp (which split takes over).  Sets *lo and *hi to the halves,
 * *ulo and *uhi to their exact costs and *slo, *shi to checkpoints for them (or
 * NULL).  Returns 0, -1 when memory ran out, or 1 when the band misses
 * the column (u was too small: it cannot be, but myers_exact.c can take the box
 * then). */
static int
split(struct ctx *c, const struct box *bx, pos u, int exact, int par,
      struct spine *sp, struct box *lo, struct box *hi, pos *ulo, pos *uhi,
      struct spine **slo, struct spine **shi)
{
	const struct tab *t = c->t;
	int q = spine_pick(t, sp, bx);
	pos ym = q < 0   ? bx->y0 + (bx->y1 - bx->y0) / 2
	         : sp->d ? t->m - sp->at[q].y
	                 : sp->at[q].y;
	pos k0 = bx->x0 - bx->y0, k1 = bx->x1 - bx->y1;
	pos klo = half_up(k0 + k1 - u), khi = half_down(k0 + k1 + u);
	pos ilo = ym + klo > bx->x0 ? ym + klo : bx->x0;
	pos ihi = ym + khi < bx->x1 ? ym + khi : bx->x1;
	pos w = ihi - ilo + 1, dk = t->n - t->m;
	int need_f = q < 0 || sp->d == 1, need_r = q < 0 || sp->d == 0;

	count(t, STAT_SPLITS, 1);
	count(t, STAT_FROM_CK, q >= 0);

	*slo = *shi = NULL;
	if (q < 0) {
		free(sp);
		sp = NULL;
	}
	if (w <= 0) {
		free(sp);
		return 1;
	}
	int32_t *f = malloc(2 * (size_t)w * sizeof *f), *r = f + w;
	struct pass_job fj = {t,    0,   {bx->x0, bx->x1, bx->y0, ym},
	                      klo,  khi, ilo,
	                      ihi,  f,   NULL,
	                      NULL, 0};
	struct pass_job rj = {
	        t,
	        1,
	        {t->n - bx->x1, t->n - bx->x0, t->m - bx->y1, t->m - ym},
	        dk - khi,
	        dk - klo,
	        t->n - ihi,
	        t->n - ilo,
	        r,
	        NULL,
	        NULL,
	        0};
	pthread_t th;
	int threaded = 0, rc = 0;

	if (!f) {
		free(sp);
		return -1;
	}
	/* checkpoints for the half that starts from each pass's corner, as
	 * many values as the box has items at most */
	size_t budget = (size_t)((bx->x1 - bx->x0) + (bx->y1 - bx->y0));
	if (need_f)
		fj.keep = spine_new(0, &fj.bx, fj.klo, fj.khi, budget);
	if (need_r)
		rj.keep = spine_new(1, &rj.bx, rj.klo, rj.khi, budget);
	if (need_f && need_r && par && spawn(&th, pass_thread, &rj) == 0)
		threaded = 1;
	if (need_f)
		rc = run_pass(&fj, &c->cu);
	if (threaded)
		pthread_join(th, NULL);
	else if (need_r)
		rj.rc = run_pass(&rj, &c->cu);
	if (rc < 0 || rj.rc < 0) {
		free(f);
		free(sp);
		free(fj.keep);
		free(rj.keep);
		return -1;
	}
	/* the LCS from the top-left corner to (i, ym), from (i, ym) to the
	 * bottom-right one; r[ihi - i] is the latter when a pass made it */
	pos best = -1;
	long long top = -1, fbest = 0, rbest = 0;
	for (pos i = ilo; i <= ihi; i++) {
		long long fv =
		        need_f ? f[i - ilo] : spine_at(t, sp, &sp->at[q], i);
		long long rv =
		        need_r ? r[ihi - i] : spine_at(t, sp, &sp->at[q], i);
		if (fv < 0 || rv < 0)
			continue;
		if (fv + rv > top) {
			top = fv + rv;
			best = i;
			fbest = fv;
			rbest = rv;
		}
	}
	free(f);
	if (best < 0) {
		count(t, STAT_OFF, 1);
		free(sp);
		free(fj.keep);
		free(rj.keep);
		return 1;
	}
	*lo = (struct box){bx->x0, best, bx->y0, ym};
	*hi = (struct box){best, bx->x1, ym, bx->y1};
	*ulo = (best - bx->x0) + (ym - bx->y0) - 2 * (pos)fbest;
	*uhi = (bx->x1 - best) + (bx->y1 - ym) - 2 * (pos)rbest;
	count(t, STAT_OFF, exact && *ulo + *uhi != u);
	/* the checkpoints left nearer the corner go to the half there */
	if (sp)
		sp->n = q;
	*slo = need_f ? fj.keep : sp;
	*shi = need_r ? rj.keep : sp;
	return 0;
}

/* An upper bound on the cost of bx: a path found by following, within
 * BAND_PROBE diagonals, the point that looks cheapest.  With threads, one
 * pass follows it from the top-left corner to the middle column and one
 * from the bottom-right corner back to it, and the best point where their
 * windows meet joins them.  -1 when memory ran out. */
static pos
probe(struct ctx *c, const struct box *bx, int threads)
{
	const struct tab *t = c->t;
	pos k0 = bx->x0 - bx->y0, k1 = bx->x1 - bx->y1, dk = t->n - t->m;
	pos klo = (k0 < k1 ? k0 : k1) - BAND_PROBE;
	pos khi = (k0 > k1 ? k0 : k1) + BAND_PROBE;
	pos ym = bx->y0 + (bx->y1 - bx->y0) / 2;
	size_t rows = 64 * pass_words(klo, khi);
	int32_t lcs, *f = NULL;
	pthread_t th;

	if (threads >= 2 && (size_t)(bx->y1 - bx->y0) >= 2 * rows &&
	    (f = malloc(2 * rows * sizeof *f)) != NULL) {
		struct follow ff = {k1, 1, 0, 0}, rf = {dk - k0, 1, 0, 0};
		struct pass_job rj = {
		        t,
		        1,
		        {t->n - bx->x1, t->n - bx->x0, t->m - bx->y1, t->m - ym},
		        dk - khi,
		        dk - klo,
		        0,
		        0,
		        f + rows,
		        NULL,
		        &rf,
		        0};
		int threaded = spawn(&th, pass_thread, &rj) == 0;
		int rc = pass(t, &c->cu, 0,
		              (struct box){bx->x0, bx->x1, bx->y0, ym}, klo,
		              khi, 0, 0, f, &ff, NULL);
		if (threaded)
			pthread_join(th, NULL);
		else
			rj.rc = run_pass(&rj, &c->cu);
		long long top = -1; /* row n - r of rf is row r of ff */
		for (pos i = ff.lo; rc == 0 && rj.rc == 0 && i <= ff.hi; i++)
			if (t->n - i >= rf.lo && t->n - i <= rf.hi &&
			    f[i - ff.lo] + f[rows + (t->n - i - rf.lo)] > top)
				top = f[i - ff.lo] +
				      f[rows + (t->n - i - rf.lo)];
		free(f);
		if (rc < 0 || rj.rc < 0)
			return -1;
		if (top >= 0)
			return (bx->x1 - bx->x0) + (bx->y1 - bx->y0) -
			       2 * (pos)top;
		/* the windows missed each other: one pass all the way */
	}
	struct follow fo = {k1, 0, 0, 0};
	if (pass(t, &c->cu, 0, *bx, klo, khi, bx->x1, bx->x1, &lcs, &fo, NULL) <
	    0)
		return -1;
	return (bx->x1 - bx->x0) + (bx->y1 - bx->y0) - 2 * (pos)lcs;
}

/* Mark the edit script of box bx, whose cost is at most u (-1: unknown),
 * with up to threads threads; sp: checkpoints for it, or NULL (solve
 * takes them over). */
static int
solve(struct ctx *c, struct box bx, pos u, int exact, int threads,
      struct spine *sp)
{
	const struct tab *t = c->t;
	for (;;) {
		while (bx.x0 < bx.x1 && bx.y0 < bx.y1 &&
		       t->a[bx.x0] == t->b[bx.y0]) {
			bx.x0++;
			bx.y0++;
		}
		while (bx.x1 > bx.x0 && bx.y1 > bx.y0 &&
		       t->a[bx.x1 - 1] == t->b[bx.y1 - 1]) {
			bx.x1--;
			bx.y1--;
		}
		pos n = bx.x1 - bx.x0, m = bx.y1 - bx.y0;
		if (n == 0 || m == 0) {
			free(sp);
			memset(t->ins + bx.y0, 1, (size_t)m);
			memset(t->del + bx.x0, 1, (size_t)n);
			return 0;
		}
		if (u < 0 && (t->force || n + m >= BAND_MIN)) {
			u = probe(c, &bx, threads);
			if (u < 0) {
				free(sp);
				return -1;
			}
		}
		if (u < 0 || to_myers(t, n, m, u)) {
			struct exact_opt o = {threads, t->par_min};
			free(sp);
			return exact_run(c->xm, &o, t->a + bx.x0, (size_t)n,
			                 t->b + bx.y0, (size_t)m,
			                 t->del + bx.x0, t->ins + bx.y0);
		}
		int par = threads >= 2 && (size_t)(n + m) >= t->par_min;
		struct box lo, hi;
		struct spine *slo, *shi;
		pos ulo, uhi;
		int cut = split(c, &bx, u, exact, par, sp, &lo, &hi, &ulo, &uhi,
		                &slo, &shi);
		sp = NULL;
		if (cut < 0)
			return -1;
		if (cut > 0)
			return exact_run(
			        c->xm, &(struct exact_opt){threads, t->par_min},
			        t->a + bx.x0, (size_t)n, t->b + bx.y0,
			        (size_t)m, t->del + bx.x0, t->ins + bx.y0);
		if (par) {
			struct half_job h = {
			        {t, NULL, {{0}}}, {0}, hi, uhi, shi,
			        threads / 2,      0};
			pthread_t th;
			h.c.xm = &h.xm;
			if (spawn(&th, half_thread, &h) == 0) {
				int rc = solve(c, lo, ulo, 1,
				               threads - threads / 2, slo);
				pthread_join(th, NULL);
				return rc < 0 || h.rc < 0 ? -1 : 0;
			}
		}
		/* Recurse into the smaller half, loop on the larger. */
		if ((lo.x1 - lo.x0) + (lo.y1 - lo.y0) <
		    (hi.x1 - hi.x0) + (hi.y1 - hi.y0)) {
			if (solve(c, lo, ulo, 1, threads, slo) < 0) {
				free(shi);
				return -1;
			}
			bx = hi;
			u = uhi;
			exact = 1;
			sp = shi;
		} else {
			if (solve(c, hi, uhi, 1, threads, shi) < 0) {
				free(slo);
				return -1;
			}
			bx = lo;
			u = ulo;
			exact = 1;
			sp = slo;
		}
	}
}

static int
by_count(const void *p, const void *q)
{
	uint32_t x = *(const uint32_t *)p, y = *(const uint32_t *)q;
	return (x < y) - (x > y);
}

/* Index a's items: the rows of each id in both directions, and bitmaps of
 * the frequent ids.  Returns 0 or -1. */
static int
build(struct tab *t)
{
	size_t n = (size_t)t->n, nf = 0, nc = 0, nids = t->nids;
	uint32_t min = BAND_MAP_MIN, *counts;

	t->start = calloc(nids + 1, sizeof *t->start);
	t->occ[0] = big_zeroed(&t->mem[0], 2 * (n + 1) * sizeof *t->occ[0]);
	t->occ[1] = t->occ[0] ? t->occ[0] + n + 1 : NULL;
	t->map = malloc((nids ? nids : 1) * sizeof *t->map);
	counts = malloc((n / BAND_MAP_MIN + 1) * sizeof *counts);
	if (!t->start || !t->occ[0] || !t->map || !counts) {
		free(counts);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		t->start[t->a[i] + 1]++;
	for (size_t id = 0; id < nids; id++)
		if (t->start[id + 1] >= BAND_MAP_MIN)
			counts[nc++] = t->start[id + 1];
	if (nc > BAND_MAPS) {
		qsort(counts, nc, sizeof *counts, by_count);
		min = counts[BAND_MAPS - 1] + 1;
	}
	free(counts);
	for (size_t id = 0; id < nids; id++) {
		uint32_t k = t->start[id + 1];
		t->map[id] = k >= min && nf < BAND_MAPS ? (int32_t)nf++ : -1;
		t->start[id + 1] += t->start[id];
	}
	for (size_t i = 0; i < n; i++) /* start[id] moves to the end ... */
		t->occ[0][t->start[t->a[i]]++] = (uint32_t)i;
	for (size_t id = nids; id > 0; id--) /* ... and back */
		t->start[id] = t->start[id - 1];
	t->start[0] = 0;
	for (size_t id = 0; id < nids; id++) {
		uint32_t b = t->start[id], e = t->start[id + 1];
		for (uint32_t q = b; q < e; q++)
			t->occ[1][q] =
			        (uint32_t)(n - 1) - t->occ[0][e - 1 - (q - b)];
	}
	t->mw = (n + 63) / 64 + 1;
	t->maps[0] = big_zeroed(&t->mem[1], 2 * nf * t->mw * sizeof(word));
	if (!t->maps[0])
		return -1;
	t->maps[1] = t->maps[0] + nf * t->mw;
	for (size_t id = 0; id < nids; id++) { /* one bitmap after another */
		int32_t f = t->map[id];
		for (int d = 0; f >= 0 && d < 2; d++) {
			word *bits = t->maps[d] + (size_t)f * t->mw;
			for (uint32_t q = t->start[id]; q < t->start[id + 1];
			     q++)
				bits[t->occ[d][q] / 64] |=
				        (word)1 << (t->occ[d][q] % 64);
		}
	}
	return 0;
}

static void
unbuild(struct tab *t)
{
	free(t->start);
	big_free(&t->mem[0]);
	free(t->map);
	big_free(&t->mem[1]);
}

#if BAND_SIMD
/* The widest kernel this CPU and its system run (KERNEL_AVX512,
 * KERNEL_AVX2, or below), as __builtin_cpu_supports would tell, asked the
 * first time a search needs it.  The builtin links libgcc's check of
 * every feature at start-up, about 0.1 ms of every run on a virtual
 * machine (where each CPUID traps to the host), though few runs search;
 * here three CPUIDs, once. */
static int
cpu_kernel(void)
{
	static int _Atomic known = -1;
	int k = known;
	unsigned a, b, c, d, lo, hi;

	if (k >= 0)
		return k;
	k = KERNEL_AVX2 - 1;
	/* AVX saved by the system (OSXSAVE, AVX, XCR0's SSE and AVX
	 * states), then AVX2 and AVX-512F, whose states XCR0 must hold too */
	if (__get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 27)) &&
	    (c & (1u << 28))) {
		__asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
		if ((lo & 0x6) == 0x6 &&
		    __get_cpuid_count(7, 0, &a, &b, &c, &d)) {
			if (b & (1u << 5))
				k = KERNEL_AVX2;
			if ((b & (1u << 16)) && (lo & 0xe6) == 0xe6)
				k = KERNEL_AVX512;
		}
	}
	known = k;
	return k;
}
#endif

int
bitlcs_run(struct exact_mem *mem, const struct exact_opt *xo,
           const struct bitlcs_opt *opt, uint32_t nids, const uint32_t *a,
           size_t n, const uint32_t *b, size_t nb, unsigned char *del,
           unsigned char *ins)
{
	struct tab t = {
	        .a = a, .b = b, .n = (pos)n, .m = (pos)nb, .nids = nids};
	struct ctx c = {&t, mem, {{0}}};

	if ((!opt->force && n + nb < BAND_MIN) || n >= INT32_MAX ||
	    nb >= INT32_MAX || n > SIZE_MAX / 64 / BAND_MAPS)
		return exact_run(mem, xo, a, n, b, nb, del, ins);
	t.force = opt->force;
	t.stats = opt->stats;
	t.par_min = opt->par_min;
	t.del = del;
	t.ins = ins;
#if BAND_SIMD
	int have = cpu_kernel();
	if (opt->kernel >= KERNEL_AVX512 && have >= KERNEL_AVX512)
		t.kernel = KERNEL_AVX512;
	else if (opt->kernel >= KERNEL_AVX2 && have >= KERNEL_AVX2)
		t.kernel = KERNEL_AVX2;
#endif
	struct box all = {0, (pos)n, 0, (pos)nb};
	pos u = -1;
	int rc = build(&t);
	if (rc == 0)
		rc = cursors_init(&c.cu, &t);
	if (rc == 0 && (u = probe(&c, &all, opt->threads)) < 0)
		rc = -1;
	if (rc == 0 && to_myers(&t, (pos)n, (pos)nb, u)) {
		/* few edits: the tables go before Myers' arrays come */
		cursors_free(&c.cu);
		unbuild(&t);
		return exact_run(mem, xo, a, n, b, nb, del, ins);
	}
	if (rc == 0)
		rc = solve(&c, all, u, 0, opt->threads > 0 ? opt->threads : 1,
		           NULL);
	cursors_free(&c.cu);
	unbuild(&t);
	return rc;
}
