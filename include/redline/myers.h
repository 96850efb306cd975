/* myers.h - shortest edit script between two sequences of integers.
 *
 * E. W. Myers, "An O(ND) Difference Algorithm and Its Variations",
 * Algorithmica 1(2), 1986: the linear-space variant (middle snake, divide
 * and conquer).  The caller maps its items to dense integer ids first (see
 * intern.h); the result is one mark per item: deleted from the left, or
 * inserted into the right.  Unmarked items, read in order, are the same
 * sequence on both sides.
 */
#ifndef REDLINE_MYERS_H
#define REDLINE_MYERS_H

#include <stddef.h>
#include <stdint.h>

struct myers;

/* Heuristics that give up minimality (both off under minimal).  On runs of
 * at least MYERS_HEUR_SIZE items, once a middle snake search has spent
 * MYERS_HEUR_MIN edit steps, it splits at a point that ends or starts a run
 * of MYERS_SNAKE_MIN equal items, if one has got far enough; once any search
 * has spent sqrt(n + m) times MYERS_COST_FACTOR steps (at least
 * MYERS_COST_MIN), it splits at the point that got furthest.  They bound the
 * time on long and on very different inputs at the cost of a slightly longer
 * script. */
#define MYERS_HEUR_SIZE   10000
#define MYERS_HEUR_MIN    32
#define MYERS_SNAKE_MIN   20
#define MYERS_COST_MIN    256
#define MYERS_COST_FACTOR 4
/* And once all the searches of one run have spent MYERS_WORK_FACTOR
 * diagonal steps per item, each later search stops at the first point that
 * makes progress: the rest of the script is found greedily, in linear time,
 * so that no input (one word repeated a million times against a shuffled
 * copy) takes more than a bounded multiple of its length.  (4,096 until
 * issue 26: a million random one-letter words a side took 36 s, where git
 * takes 8; 512 takes 5.4 s, for a longer script on such text only.) */
#define MYERS_WORK_FACTOR 512
/* The search first runs with a budget of MYERS_WORK_PROBE steps per item.
 * When that runs out (many edits for the length: two texts of random
 * words) and the script it found has at most MYERS_EXACT_EDITS marks, on
 * at most MYERS_EXACT_ITEMS items of at least MYERS_EXACT_IDS distinct
 * ids, the exact search runs instead (bitlcs.c on
 * every part, from MYERS_KEEP_ITEMS items): it costs about items x edits /
 * 64 word steps, at most what a budget of 4,096 steps an item would (the
 * old one), and gives the minimal script.  Otherwise the search runs again
 * with the full budget.  So the default costs little more than --minimal
 * where that is cheap, and never more than the probe over the budget where
 * not. */
#define MYERS_WORK_PROBE  64
#define MYERS_EXACT_EDITS ((size_t)1 << 19) /* 4,096 x 128, as before */
#define MYERS_EXACT_ITEMS ((size_t)1 << 20)
/* (Fewer distinct words than this, and the exact search, through the parts
 * bitlcs.c hands to Myers' search, can take thirty times the budgeted one:
 * 200,000 words of two kinds, 7 s against 0.2 s.) */
#define MYERS_EXACT_IDS 16

/* How a minimal run searches, for tests, benchmarks and callers that run
 * threads of their own.  Every choice gives a minimal script.
 *  - exact: the search of editscript/myers_exact.c, which can use threads (0:
 * the one-thread search of myers.c).
 *  - threads: at most this many (0: one per CPU the process may run on,
 *    up to MYERS_THREADS_MAX).
 *  - par_min: runs of fewer items (both sides together) stay on one
 *    thread.
 *  - band (with exact): 0, Myers' search alone, whose script is the one
 *    myers.c gives; 1, the bit-parallel band of bitlcs.c on the runs and
 *    parts of runs where it is cheaper; 2, bitlcs.c on every part of more
 *    than a few items, with the fastest kernel the CPU has (AVX-512,
 *    AVX2, plain C); 3, as 2 with the plain C kernel; 4, as 2 with AVX2
 *    at most.
 *  - stats: NULL, or counters the bit-parallel search adds to (struct
 *    myers_stats), for tests of its bounds and checkpoints.
 * myers_new sets exact on, threads 0, par_min MYERS_PAR_MIN, band 1 and
 * stats NULL. */
struct myers_tuning {
	int exact;
	int threads;
	size_t par_min;
	int band;
	struct myers_stats *stats;
};
/* What the bit-parallel search (editscript/bitlcs.c) did in minimal runs. */
struct myers_stats {
	size_t splits;  /* boxes split at their middle column */
	size_t from_ck; /* of them, at a checkpoint (one pass, not two) */
	size_t off;     /* halves whose costs do not add up to their box's
	                   exact cost, or columns the band missed: none
	                   unless a bound or a checkpoint is wrong */
};
#define MYERS_THREADS_MAX 8
/* Runs shorter than this (items on both sides together) search on one
 * thread: below it, starting a thread and meeting once a step cost more
 * than they save. */
#define MYERS_PAR_MIN 20000

/* Scratch of a context is kept between runs up to this many items (both
 * sides); a larger run gives its scratch back when it ends. */
#define MYERS_KEEP_ITEMS ((size_t)1 << 16)

/* A diff context for ids below nids.  Reuse it for many runs; it keeps
 * scratch memory that grows to the largest run of up to MYERS_KEEP_ITEMS
 * items.  NULL if memory ran out. */
struct myers *myers_new(uint32_t nids);

/* Release the context.  NULL is fine. */
void myers_free(struct myers *m);

/* Change how minimal runs of m search (see struct myers_tuning). */
void myers_tune(struct myers *m, const struct myers_tuning *t);

/* Room for n bytes of marks kept in m from call to call (a caller's
 * del and ins arrays, so that it need not allocate them for each run):
 * valid until the next call; NULL when memory ran out or n is over
 * MYERS_KEEP_ITEMS (a huge run allocates its own, and gives it back).
 * myers_run itself never touches it. */
unsigned char *myers_marks(struct myers *m, size_t n);

/* Compare a[0..n) with b[0..nb) (every id < nids).  Sets del[i] to 1 when
 * a[i] is deleted and ins[j] to 1 when b[j] is inserted, 0 otherwise (the
 * caller provides the arrays; a, b may be NULL when empty).  With minimal set,
 * the number of marks is the smallest possible; otherwise the MYERS_COST
 * heuristic may add a few. Returns 0, or -1 when memory ran out (marks are then
 * unspecified). */
int myers_run(struct myers *m, const uint32_t *a, size_t n, const uint32_t *b,
              size_t nb, unsigned char *del, unsigned char *ins, int minimal);

#endif
