/* clock.h - the one clock the benchmark programs read. */
#ifndef REDLINE_BENCH_CLOCK_H
#define REDLINE_BENCH_CLOCK_H

#include <time.h>

/* Seconds on the monotonic clock, from an arbitrary start. */
static inline double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif
