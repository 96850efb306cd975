/* spawn.c - worker threads that start on another CPU.
 *
 * Owns: where a new worker thread first runs.  It is given the CPUs the
 * process may use less the caller's as its affinity, so the kernel starts
 * it on one of those, and on entry it takes back the whole set, so that
 * the scheduler stays free to move it after.
 *
 * Also owns the parts of a job offered to such a thread (spawn_part_*):
 * whichever of the thread and the caller comes to the part first runs it,
 * so a thread kept waiting for a CPU costs the caller its creation only.
 */
#define _GNU_SOURCE /* sched_getcpu, CPU_*, pthread_attr_setaffinity_np */
#include "spawn.h"

#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>

#if defined(__linux__) && defined(CPU_ZERO)

struct start {
	void *(*fn)(void *);
	void *arg;
	cpu_set_t all; /* the CPUs to take back */
};

static void *
trampoline(void *p)
{
	struct start s = *(struct start *)p;
	free(p);
	(void)sched_setaffinity(0, sizeof s.all, &s.all); /* a hint */
	return s.fn(s.arg);
}

int
spawn(pthread_t *th, void *(*fn)(void *), void *arg)
{
	cpu_set_t all, other;
	pthread_attr_t attr;
	int me = sched_getcpu(), rc;

	if (me < 0 || me >= CPU_SETSIZE ||
	    sched_getaffinity(0, sizeof all, &all) != 0)
		return pthread_create(th, NULL, fn, arg);
	other = all;
	CPU_CLR(me, &other);
	if (CPU_COUNT(&other) == 0 || pthread_attr_init(&attr) != 0)
		return pthread_create(th, NULL, fn, arg);
	struct start *s = malloc(sizeof *s);
	rc = -1;
	if (s &&
	    pthread_attr_setaffinity_np(&attr, sizeof other, &other) == 0) {
		s->fn = fn;
		s->arg = arg;
		s->all = all;
		rc = pthread_create(th, &attr, trampoline, s);
	}
	pthread_attr_destroy(&attr);
	if (rc == 0)
		return 0;
	free(s);
	return pthread_create(th, NULL, fn, arg);
}

#else

int
spawn(pthread_t *th, void *(*fn)(void *), void *arg)
{
	return pthread_create(th, NULL, fn, arg);
}

#endif

/* 1 if the caller took p's part: no one had begun it. */
static int
take(struct spawn_part *p)
{
	int free_ = 0;

	return atomic_compare_exchange_strong(&p->taken, &free_, 1);
}

static void *
part_run(void *arg)
{
	struct spawn_part *p = arg;

	if (take(p))
		p->fn(p->arg);
	return NULL;
}

void
spawn_part_start(struct spawn_part *p, void *(*fn)(void *), void *arg)
{
	p->fn = fn;
	p->arg = arg;
	atomic_init(&p->taken, 0);
	p->threaded = spawn(&p->th, part_run, p) == 0;
}

/* The thread of a part taken back may still wait for the CPU it was
 * placed on, busy with other work: let it run (and end) on any, this
 * one included once the caller waits for it. */
static void
release(struct spawn_part *p)
{
#if defined(__linux__) && defined(CPU_ZERO)
	cpu_set_t all;

	if (sched_getaffinity(0, sizeof all, &all) == 0)
		(void)pthread_setaffinity_np(p->th, sizeof all, &all);
#else
	(void)p;
#endif
}

void
spawn_part_end(struct spawn_part *p)
{
	if (take(p)) {
		p->fn(p->arg);
		if (p->threaded)
			release(p);
	}
	if (p->threaded)
		pthread_join(p->th, NULL);
}
