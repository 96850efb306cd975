/* heap.h - how the process's heap takes memory from the system. */
#ifndef REDLINE_HEAP_H
#define REDLINE_HEAP_H

/* Call first thing in main, before any allocation that matters.  Where
 * the C library and the kernel allow it (glibc, Linux), large blocks stay
 * on the heap and the heap grows on huge pages, so that a run touching
 * tens of megabytes takes a few page faults, not thousands.  Elsewhere it
 * does nothing.  Never fails: every step is a hint. */
void heap_setup(void);

#endif
