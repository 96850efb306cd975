/* test_spoof.c - confusable words: a word mixing scripts, two words that
 * look alike, and the ordinary words and edits that are neither. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "redline/spoof.h"

#define W(s) (const unsigned char *)(s), strlen(s)

static void
mixed_scripts(void **state)
{
	struct spoof *s = spoof_new();
	(void)state;
	assert_non_null(s);
	/* a Latin name with a Cyrillic te */
	assert_true(spoof_mixed(s, W("Pu\xd1\x82in")));
	/* Greek omicron inside Latin */
	assert_true(spoof_mixed(s, W("Ath\xce\xbfns")));
	/* one script each, with its own accents, is no mix */
	assert_false(spoof_mixed(s, W("Putin")));
	assert_false(
	        spoof_mixed(s, W("\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd")));
	assert_false(spoof_mixed(s, W("L\xc3\xb3pez")));
	assert_false(spoof_mixed(s, W("\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xa8")));
	spoof_free(s);
}

static void
look_alikes(void **state)
{
	struct spoof *s = spoof_new();
	(void)state;
	assert_non_null(s);
	/* a Cyrillic Er for the Latin P */
	assert_true(spoof_alike(s, W("Putin"), W("\xd0\xa0utin")));
	/* all Cyrillic, looking like the Latin word */
	assert_true(spoof_alike(s, W("ooo"), W("\xd0\xbe\xd0\xbe\xd0\xbe")));
	/* a real change, an accent variant, and two ASCII words */
	assert_false(spoof_alike(s, W("Putin"), W("Medvedev")));
	assert_false(spoof_alike(s, W("Lopez"), W("L\xc3\xb3pez")));
	assert_false(spoof_alike(s, W("paypal"), W("paypa1")));
	spoof_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(mixed_scripts),
	        cmocka_unit_test(look_alikes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
