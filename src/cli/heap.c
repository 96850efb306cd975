/* heap.c - the heap on huge pages, where the system offers them.
 *
 * Owns: the allocator settings of the redline command (not of the library:
 * a program linking libredline keeps its own).
 *
 * A run reads two texts and builds arrays a few times their size, almost
 * all of it touched once, page by page.  Each first touch of a 4 KiB page
 * is a fault; on the virtual machines these benchmarks ran on one costs
 * about 14 us, so a 100,000-word pair spent some 20 ms of a 40 ms run in
 * faults.  Here glibc is told to serve large blocks from the heap (not
 * from an mmap each, which could not share huge pages), threads included,
 * to reserve a large stretch of address space at once and keep it, and the
 * kernel is told that this stretch may use 2 MiB pages (MADV_HUGEPAGE).
 * Where transparent huge pages are off, nothing changes; a run that reads
 * less than HEAP_MIN keeps the allocator's defaults (a huge page would
 * cost it 2 MiB of memory for a few pages' worth), and so does a run under
 * a limit on its address space or data segment (space_limited).
 *
 * A heap that is never given back makes the resident set its high-water
 * mark: heap_release gives the free memory back at one chosen point (after
 * the alignment, whose working memory the later steps would not fit into
 * otherwise), which main.c passes to the core as cmp_opt.after_align (and
 * the aligner calls between its steps).  From the first release on, the
 * heap makes no new huge pages: a trimmed stretch reused by a few small
 * blocks would otherwise fault in 2 MiB each.
 */
#define _GNU_SOURCE /* MADV_HUGEPAGE */
#include "heap.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#endif

#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE) &&      \
        defined(M_MMAP_THRESHOLD) && defined(M_TOP_PAD) &&                     \
        defined(M_TRIM_THRESHOLD) && defined(M_ARENA_MAX)
#define HEAP_HUGE ((uintptr_t)2 << 20) /* a huge page */

/* The block below the first whole huge page of the heap. */
static void *filler;

/* Where the stretch flagged for huge pages starts (0: none). */
static uintptr_t heap_from;

/* 1 once heap_setup has set the heap to keep what is freed. */
static int kept;

/* 1 when the address space or the data segment has a limit (ulimit -v,
 * ulimit -d).  The tuning below makes every growth of the heap ask for
 * 256 MiB more than it needs, and glibc, when that fails, asks mmap for as
 * much: under a limit, a run needing 6 MB would fail for want of 256. */
static int
space_limited(void)
{
	struct rlimit rl;

	return (getrlimit(RLIMIT_AS, &rl) == 0 &&
	        rl.rlim_cur != RLIM_INFINITY) ||
	       (getrlimit(RLIMIT_DATA, &rl) == 0 &&
	        rl.rlim_cur != RLIM_INFINITY);
}

static void
filler_free(void)
{
	free(filler);
	filler = NULL;
}
#endif

void
heap_setup(size_t expect)
{
#ifndef HEAP_HUGE
	(void)expect;
#else
	long page = sysconf(_SC_PAGESIZE);
	if (page <= 0 || expect < HEAP_MIN || space_limited())
		return;
	/* blocks up to 1 GiB from the heap, threads included (they allocate
	 * seldom, in large blocks: the lock costs nothing next to a fault a
	 * page); the heap reserves 256 MiB of address space at once, which
	 * costs nothing until touched, because the huge-page flag set below
	 * stays with that stretch: a later one would not have it */
	if (!mallopt(M_MMAP_THRESHOLD, 1 << 30) ||
	    !mallopt(M_TOP_PAD, 256 << 20) ||
	    !mallopt(M_TRIM_THRESHOLD, 512 << 20) || !mallopt(M_ARENA_MAX, 1))
		return;
	kept = 1;
	size_t first = (size_t)1 << 20; /* more than the heap holds: it grows */
	void *p = malloc(first);
	uintptr_t end = (uintptr_t)sbrk(0), from = (uintptr_t)p;
	if (!p || end == (uintptr_t)-1) {
		free(p);
		return;
	}
	uintptr_t at = (from + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
	/* glibc wrote a header just past the block: the 2 MiB around it
	 * already has small pages */
	uintptr_t huge = (from + first + 64 + HEAP_HUGE - 1) & ~(HEAP_HUGE - 1);
	free(p);
	if (at >= end)
		return;
	if (madvise((void *)at, end - at, MADV_HUGEPAGE) == 0)
		heap_from = at;
	/* A huge page lies wholly inside the flagged stretch, and its 2 MiB
	 * must have no small page yet: below huge, the texts read first would
	 * take a fault a page.  A block up to there keeps everything else
	 * above it; only its two headers are ever touched. */
	if (huge < end && atexit(filler_free) == 0)
		filler = malloc(huge - from);
#endif
}

void
heap_release(void)
{
#ifdef HEAP_HUGE
	/* free pages amid the heap go back too (their huge pages split: the
	 * next steps fault small ones in, some 1,700 at a million words) */
	if (!kept)
		return;
	(void)malloc_trim(0);
	/* the heap's stretch makes no new huge pages from here on: where the
	 * trim gave back a whole 2 MiB, the next small block there would
	 * fault in all of it, not its few pages */
	uintptr_t end = (uintptr_t)sbrk(0);
	if (heap_from && end != (uintptr_t)-1 && end > heap_from)
		(void)madvise((void *)heap_from, end - heap_from,
		              MADV_NOHUGEPAGE);
#endif
}
