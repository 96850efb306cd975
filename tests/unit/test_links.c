/* test_links.c - the linking stage and classification on one thread and
 * on two: the candidate search, the candidates' weights, the omissions'
 * own search and classification's passes (classify.c, by chunks of
 * blocks) split between two threads on a long text must give what one
 * thread gives, block for block, byte for byte of the word operations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/compare.h"

/* A step of a small linear congruential generator: the texts are the
 * same on every run. */
static uint32_t
next(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

/* Word k of a made-up vocabulary of lower-case syllables, into w. */
static void
word(unsigned k, char *w)
{
	static const char *const syl[] = {"ka",  "ro",  "mi", "tel", "san",
	                                  "dor", "vu",  "pe", "lin", "gas",
	                                  "fo",  "ber", "nu", "qui", "hal"};
	size_t n = 0;

	for (int i = 0; i < 3; i++) {
		const char *s = syl[k % 15];
		k /= 15;
		memcpy(w + n, s, strlen(s));
		n += strlen(s);
	}
	w[n] = '\0';
}

/* Sentence t (of a set of templates) into buf at *len: 8 to 15 words of
 * the vocabulary chosen from t, the word at place swap (if below the
 * sentence's length) replaced by word extra. */
static void
sentence(char *buf, size_t *len, uint32_t t, unsigned swap, unsigned extra)
{
	uint32_t seed = t * 2654435761u + 7;
	unsigned n = 8 + next(&seed) % 8;
	char w[16];

	for (unsigned i = 0; i < n; i++) {
		unsigned k = next(&seed) % 3000;
		word(i == swap ? extra : k, w);
		if (i == 0 && w[0] >= 'a' && w[0] <= 'z')
			w[0] = (char)(w[0] - 'a' + 'A');
		*len += (size_t)sprintf(buf + *len, "%s%s", i ? " " : "", w);
	}
	*len += (size_t)sprintf(buf + *len, ".%s", t % 5 == 4 ? "\n\n" : " ");
}

/* A text of n sentences (malloc'd, the caller frees it).  The official
 * one (rewrite 0) repeats 600 templates among fresh sentences; a rewrite
 * takes some of them with a word changed, some in another order, and
 * many of its own, so that most sentences of both sides are searched
 * for. */
static char *
text(unsigned n, int rewrite)
{
	char *buf = malloc((size_t)n * 200 + 1);
	size_t len = 0;
	uint32_t seed = rewrite ? 99 : 5;

	assert_non_null(buf);
	for (unsigned i = 0; i < n; i++) {
		uint32_t pick = next(&seed) % 10, t;
		if (!rewrite)
			t = pick < 6 ? i % 600 : 100000 + i;
		else if (pick < 3)
			t = next(&seed) % 600;
		else
			t = 200000 + i;
		sentence(buf, &len, t, rewrite && pick < 2 ? 3 : 99,
		         next(&seed) % 3000);
	}
	return buf;
}

/* Compare a with b on at most threads threads (cmp_opt.threads) into *c,
 * the texts into *ta and *tb. */
static void
run(struct cmp *c, struct text *ta, struct text *tb, const char *a,
    const char *b, int threads)
{
	struct text_where where;
	struct cmp_opt o = {.threads = threads};

	assert_int_equal(text_from_memory(ta, "a", a, strlen(a), 0, &where),
	                 TEXT_OK);
	assert_int_equal(text_from_memory(tb, "b", b, strlen(b), 0, &where),
	                 TEXT_OK);
	assert_int_equal(cmp_run(c, ta, tb, &o), 0);
}

/* 5,000 sentences a side, some 4,000 of each searched for (more than the
 * 2,048 that put the searches on two threads): the blocks, their word
 * operations and facts on two threads are those of one. */
static void
two_threads_link_as_one(void **state)
{
	char *a = text(5000, 0), *b = text(5000, 1);
	struct text a1, b1, a2, b2;
	struct cmp one, two;
	(void)state;

	run(&one, &a1, &b1, a, b, 1);
	run(&two, &a2, &b2, a, b, 2);
	const struct align_out *p = &one.al, *q = &two.al;
	assert_true(p->nblocks > 4000);
	assert_int_equal(p->nblocks, q->nblocks);
	assert_int_equal(p->nmoved, q->nmoved);
	assert_memory_equal(p->count, q->count, sizeof p->count);
	for (size_t i = 0; i < p->nblocks; i++) {
		const struct block *x = &p->blocks[i], *y = &q->blocks[i];
		assert_int_equal(x->kind, y->kind);
		assert_int_equal(x->moved, y->moved);
		assert_int_equal(x->link, y->link);
		assert_int_equal(x->ls0, y->ls0);
		assert_int_equal(x->ls1, y->ls1);
		assert_int_equal(x->rs0, y->rs0);
		assert_int_equal(x->rs1, y->rs1);
		assert_int_equal(x->op0, y->op0);
		assert_int_equal(x->op1, y->op1);
		assert_int_equal(x->f0, y->f0);
		assert_int_equal(x->f1, y->f1);
		assert_int_equal(x->near, y->near);
		assert_int_equal(x->furniture, y->furniture);
		assert_memory_equal(&x->sim, &y->sim, sizeof x->sim);
		assert_memory_equal(&x->near_sim, &y->near_sim,
		                    sizeof x->near_sim);
	}
	assert_int_equal(p->bops.n, q->bops.n);
	assert_memory_equal(p->bops.v, q->bops.v, p->bops.n);
	assert_int_equal(p->nfacts, q->nfacts);
	for (size_t i = 0; i < p->nfacts; i++) {
		assert_int_equal(p->facts[i].t0, q->facts[i].t0);
		assert_int_equal(p->facts[i].t1, q->facts[i].t1);
		assert_int_equal(p->facts[i].w0, q->facts[i].w0);
		assert_int_equal(p->facts[i].w1, q->facts[i].w1);
		assert_int_equal(p->facts[i].kind, q->facts[i].kind);
	}
	cmp_free(&one);
	cmp_free(&two);
	text_done(&a1);
	text_done(&b1);
	text_done(&a2);
	text_done(&b2);
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(two_threads_link_as_one),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
