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

/* A part of a job offered to a new thread (spawn) that the caller takes
 * back if that thread has not begun it by the time the caller needs it
 * done: on a machine whose other CPUs are busy, a new thread may wait
 * milliseconds for one, and the caller, done with its own part, would
 * wait as long.  Owned by the caller, which must not move it between
 * spawn_part_start and spawn_part_end. */
struct spawn_part {
	void *(*fn)(void *);
	void *arg;
	pthread_t th;
	int threaded;      /* 1: a thread was made */
	int _Atomic taken; /* 1 once the thread or the caller has begun fn */
};

/* Offer fn(arg) to a new thread (see spawn).  Never fails: with no thread,
 * spawn_part_end runs fn itself. */
void spawn_part_start(struct spawn_part *p, void *(*fn)(void *), void *arg);

/* Once this returns, fn(arg) has run, on the thread that began it first:
 * here, if the new thread had not begun it (or none was made), else
 * there (this waits for it).  The thread is joined. */
void spawn_part_end(struct spawn_part *p);

#endif
