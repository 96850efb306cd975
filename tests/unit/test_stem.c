/* test_stem.c - stems, the stop list and number words, and libstemmer
 * loaded on first use: by any thread, once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <string.h>

#include "redline/stem.h"

static void
assert_stem(struct stemmer *s, const char *word, const char *want)
{
	const char *out;
	size_t len;
	assert_int_equal(stem_word(s, word, strlen(word), &out, &len), 0);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(out, want, len);
}

static void
english_words_lose_their_endings(void **state)
{
	(void)state;
	struct stemmer *s = stem_new("english");
	assert_non_null(s);
	assert_null(stem_load_error());
	assert_stem(s, "statements", "statement");
	assert_stem(s, "running", "run");
	assert_stem(s, "accused", "accus");
	assert_stem(s, "accuses", "accus");
	stem_free(s);
}

static void
an_unknown_language_has_no_stemmer(void **state)
{
	(void)state;
	assert_null(stem_new("klingon"));
	/* the library itself loaded: the language is what is missing */
	assert_null(stem_load_error());
	stem_free(NULL);
}

static void
stop_and_number_words_are_recognised(void **state)
{
	(void)state;
	assert_true(stem_is_stop("the", 3));
	assert_false(stem_is_stop("missile", 7));
	assert_true(stem_is_number_word("seven-year", 10));
	assert_false(stem_is_number_word("seventh", 7));
}

static void *
stem_on_a_thread(void *arg)
{
	struct stemmer *s = stem_new("english");
	const char *out;
	size_t len;
	*(int *)arg = s && stem_word(s, "walking", 7, &out, &len) == 0 &&
	              len == 4 && memcmp(out, "walk", 4) == 0;
	stem_free(s);
	return NULL;
}

static void
threads_may_make_the_first_stemmers_at_once(void **state)
{
	(void)state;
	pthread_t th[8];
	int ok[8] = {0};
	for (int i = 0; i < 8; i++)
		assert_int_equal(
		        pthread_create(&th[i], NULL, stem_on_a_thread, &ok[i]),
		        0);
	for (int i = 0; i < 8; i++) {
		pthread_join(th[i], NULL);
		assert_true(ok[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        /* first, so that the threads race to load the library */
	        cmocka_unit_test(threads_may_make_the_first_stemmers_at_once),
	        cmocka_unit_test(english_words_lose_their_endings),
	        cmocka_unit_test(an_unknown_language_has_no_stemmer),
	        cmocka_unit_test(stop_and_number_words_are_recognised),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
