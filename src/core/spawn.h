/* spawn.h - worker threads that start on another CPU (internal to
 * src/core).
 *
 * The core splits a job in two (the two texts' tokens, a search's forward
 * and reverse passes, its halves) and runs one part on a new thread for a
 * few milliseconds.  Linux places a new thread on its parent's CPU while
 * that CPU has been busy only briefly, and moves it to an idle one only
 * when it next balances, some milliseconds later: the two parts then share
 * one CPU for much of their run.
 */
#ifndef REDLINE_SPAWN_H
#define REDLINE_SPAWN_H

#include <pthread.h>

/* As pthread_create(th, NULL, fn, arg), but where the system allows it
 * (Linux), the thread starts on a CPU the caller is not running on, then
 * may run on any the process may use.  With one CPU, or where placement
 * fails, it is a plain pthread_create.  Returns pthread_create's result:
 * 0, or an error number (no thread then). */
int spawn(pthread_t *th, void *(*fn)(void *), void *arg);

#endif
