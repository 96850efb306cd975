/* heap.h - how the process's heap takes memory from the system. */
#ifndef REDLINE_HEAP_H
#define REDLINE_HEAP_H

#include <stddef.h>

/* Call in main before any allocation that matters, with the bytes of
 * input the run will read (SIZE_MAX if not known).  Where the C library
 * and the kernel allow it (glibc, Linux), and the input is at least
 * HEAP_MIN bytes, large blocks stay on the heap and the heap grows on huge
 * pages, so that a run touching tens of megabytes takes a few page faults,
 * not thousands.  A smaller run, or elsewhere, it leaves alone: its heap
 * fits in a few pages, where one huge page would cost it 2 MiB.  Under a
 * limit on the address space or data segment (ulimit -v, -d) it leaves
 * the allocator alone too, since its reservations would count against
 * the limit.  Never fails: every step is a hint. */
#define HEAP_MIN ((size_t)64 << 10)
void heap_setup(size_t expect);

/* Give the heap's free memory back to the system, where heap_setup set the
 * heap to keep it: for a point of the run after which the memory in use is
 * well below the most used so far (cmp_opt.after_align), so that what
 * comes next reuses those pages instead of raising the peak.  Elsewhere it
 * does nothing.  Costs the faults of touching the pages again. */
void heap_release(void);

#endif
