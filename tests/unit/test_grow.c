/* test_grow.c - grow_array: the room it gives, and its refusals;
 * grow_fit: the room it gives back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "redline/grow.h"

/* Pushing items one by one keeps them all, and the room at least doubles
 * each time it grows (so n pushes cost O(n) copying). */
static void
grows_and_keeps(void **state)
{
	int *v = NULL;
	size_t cap = 0, grew = 0;
	(void)state;
	for (size_t n = 0; n < 10000; n++) {
		size_t before = cap;
		int *nv = grow_array(v, &cap, n + 1, sizeof *nv, 16);
		assert_non_null(nv);
		v = nv;
		if (cap != before) {
			grew++;
			assert_true(cap >= 16);
			assert_true(cap >= 2 * before);
		}
		assert_true(cap >= n + 1);
		v[n] = (int)n * 3;
	}
	for (size_t n = 0; n < 10000; n++)
		assert_int_equal(v[n], (int)n * 3);
	assert_true(grew <= 11); /* 16 * 2^10 > 10000 */
	free(v);
}

/* A jump beyond doubling gets what it asked for. */
static void
big_need(void **state)
{
	size_t cap = 4;
	char *p = malloc(4);
	(void)state;
	assert_non_null(p);
	memcpy(p, "abcd", 4);
	char *np = grow_array(p, &cap, 1000, 1, 8);
	assert_non_null(np);
	assert_int_equal(cap, 1000);
	assert_memory_equal(np, "abcd", 4);
	free(np);
}

/* Sizes that overflow are refused, leaving the array and its room as
 * they were. */
static void
overflow_refused(void **state)
{
	size_t cap = 8;
	uint64_t *p = calloc(8, sizeof *p);
	(void)state;
	assert_non_null(p);
	p[7] = 77;
	assert_null(grow_array(p, &cap, SIZE_MAX / 4, sizeof *p, 1));
	assert_int_equal(cap, 8);
	assert_int_equal(p[7], 77);
	/* no growth needed: the same array back */
	assert_ptr_equal(grow_array(p, &cap, 8, sizeof *p, 1), p);
	free(p);
}

/* An array fitted once complete keeps its items in room for just them
 * (one at least); an array already that size, or none, is left as it
 * is. */
static void
fit_to_size(void **state)
{
	size_t cap = 0, n = 0;
	int *v = NULL;
	(void)state;
	for (; n < 100; n++) {
		int *nv = grow_array(v, &cap, n + 1, sizeof *nv, 16);
		assert_non_null(nv);
		v = nv;
		v[n] = (int)n * 3;
	}
	assert_true(cap > n);
	v = grow_fit(v, &cap, n, sizeof *v);
	assert_int_equal(cap, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(v[i], (int)i * 3);
	assert_ptr_equal(grow_fit(v, &cap, n, sizeof *v), v);
	assert_int_equal(cap, n);
	v = grow_fit(v, &cap, 0, sizeof *v);
	assert_int_equal(cap, 1);
	free(v);
	cap = 0;
	assert_null(grow_fit(NULL, &cap, 0, sizeof *v));
	assert_int_equal(cap, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(grows_and_keeps),
	        cmocka_unit_test(big_need),
	        cmocka_unit_test(overflow_refused),
	        cmocka_unit_test(fit_to_size),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
