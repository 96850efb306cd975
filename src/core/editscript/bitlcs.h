/* bitlcs.h - the minimal edit script by bit-parallel LCS in a diagonal band
 * (internal to src/core).
 *
 * myers.c hands its minimal runs here once it has trimmed them and set
 * aside items without a counterpart.  Boxes where Myers' search visits
 * fewer points than the band has cells / 64 go on to myers_exact.c; the others
 * are split at an optimal point by a forward and a reverse pass over the
 * band, Hirschberg's way.  The script is minimal but need not be the one
 * myers_exact.c alone would give.
 */
#ifndef REDLINE_BITLCS_H
#define REDLINE_BITLCS_H

#include <stddef.h>
#include <stdint.h>

#include "myers_exact.h"
#include "redline/myers.h"

/* How to run (see struct myers_tuning in myers.h). */
struct bitlcs_opt {
	int threads;    /* at most this many threads */
	size_t par_min; /* box size from which passes run in parallel */
	int force;      /* split every box of more than a few items here */
	int kernel;     /* the fastest kernel it may use: 0 plain C, 1 AVX2,
	                   2 AVX-512 (each where the CPU has it) */
	struct myers_stats *stats; /* NULL, or counts to add to */
};

/* Minimal edit script of a[0..n) against b[0..nb) (every id < nids): sets
 * del[i] / ins[j] (which the caller zeroed).  mem is the scratch for the
 * boxes handed to myers_exact.c, xo how they run.  Returns 0, or -1 when memory
 * ran out (marks are then unspecified). */
int bitlcs_run(struct exact_mem *mem, const struct exact_opt *xo,
               const struct bitlcs_opt *opt, uint32_t nids, const uint32_t *a,
               size_t n, const uint32_t *b, size_t nb, unsigned char *del,
               unsigned char *ins);

#endif
