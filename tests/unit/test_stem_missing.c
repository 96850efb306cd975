/* test_stem_missing.c - a system without the libstemmer the program was
 * built against: no stemmer can be made, the loader's message names the
 * library, and the word lists still work.  stem.c is compiled in here with
 * a library name that cannot exist, to open it (not linked, whatever the
 * build's STEMMER_STATIC). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#undef STEMMER_STATIC /* the loader is what is tested */
#undef STEMMER_SONAME
#define STEMMER_SONAME "libredline-test-no-such-stemmer.so.0"
#include "../../src/core/stem.c"

static void
no_stemmer_and_a_message_naming_the_library(void **state)
{
	(void)state;
	assert_null(stem_new("english"));
	const char *why = stem_load_error();
	assert_non_null(why);
	assert_non_null(strstr(why, "libredline-test-no-such-stemmer.so.0"));
	/* asked again: the same answer, no second attempt needed */
	assert_null(stem_new("english"));
	assert_ptr_equal(stem_load_error(), why);
}

static void
word_lists_need_no_library(void **state)
{
	(void)state;
	assert_true(stem_is_stop("which", 5));
	assert_true(stem_is_number_word("dozen", 5));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(no_stemmer_and_a_message_naming_the_library),
	        cmocka_unit_test(word_lists_need_no_library),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
