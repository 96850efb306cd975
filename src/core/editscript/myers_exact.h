/* myers_exact.h - the minimal edit script, on one thread or several (internal
 * to src/core).
 *
 * myers.c trims the input and sets aside items without a counterpart, then
 * hands what is left here when the script must be minimal (through bitlcs.c,
 * which keeps the parts where its passes are cheaper).  The search is
 * myers.c's own, the same middle snakes and so the same script, with the
 * forward and reverse searches of a long box on two threads, then its
 * halves on a thread each.
 */
#ifndef REDLINE_MYERS_EXACT_H
#define REDLINE_MYERS_EXACT_H

#include <stddef.h>
#include <stdint.h>

/* How to run (see struct myers_tuning in myers.h). */
struct exact_opt {
	int threads;    /* at most this many threads */
	size_t par_min; /* box size from which a search goes parallel */
};

/* Reusable scratch (the diagonal arrays), owned by struct myers. */
struct exact_mem {
	ptrdiff_t *v;
	size_t cap;
};

/* Minimal edit script of a[0..n) against b[0..nb): sets del[i] / ins[j]
 * (which the caller zeroed) for the items of an optimal script, the same
 * one myers.c's own search gives.  Returns 0, or -1 when memory ran out. */
int exact_run(struct exact_mem *mem, const struct exact_opt *opt,
              const uint32_t *a, size_t n, const uint32_t *b, size_t nb,
              unsigned char *del, unsigned char *ins);

/* Release the scratch. */
void exact_mem_free(struct exact_mem *mem);

#endif
