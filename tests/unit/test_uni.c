/* test_uni.c - Unicode services (widths, clusters, validity, comparison
 * keys) and loading documents (text.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "redline/text.h"
#include "redline/uni.h"

#define S(x) (const unsigned char *)(x), strlen(x)

static size_t
cluster_len(const char *s)
{
	int32_t first;
	return uni_cluster((const unsigned char *)s, strlen(s), &first);
}

static void
widths(void **state)
{
	(void)state;
	assert_int_equal(uni_cluster_width(S("a")), 1);
	assert_int_equal(uni_cluster_width(S("日")), 2);
	assert_int_equal(uni_cluster_width(S("ｱ")), 1); /* half-width kana */
	assert_int_equal(uni_cluster_width(S("e\xCC\x81")), 1); /* e + acute */
	assert_int_equal(uni_cluster_width(S("\xCC\x81")), 1);  /* lone mark */
	assert_int_equal(uni_cluster_width(S("👍")), 2);
	assert_int_equal(uni_cluster_width(S("❤\xEF\xB8\x8F")), 2); /* + VS16 */
	assert_int_equal(uni_cluster_width(S("👨‍👩‍👧")), 2);
	assert_int_equal(uni_cluster_width(S("\x1b")), -1);
	assert_int_equal(uni_cluster_width(S("\xc2\x90")), -1); /* C1 */
	assert_int_equal(uni_cluster_width(S("\xff")), -1);
	assert_int_equal(uni_cluster_width(S("\xEE\x80\x80")), 1); /* PUA */
}

static void
clusters(void **state)
{
	(void)state;
	assert_int_equal(cluster_len("ab"), 1);
	assert_int_equal(cluster_len("\r\nx"), 2);
	assert_int_equal(cluster_len("e\xCC\x81x"), 3);
	assert_int_equal(cluster_len("👨‍👩‍👧x"),
	                 strlen("👨‍👩‍👧"));
	assert_int_equal(cluster_len("🇺🇸🇬🇧"), strlen("🇺🇸"));
	assert_int_equal(cluster_len("\xff\xfe"), 1);
	assert_int_equal(cluster_len("한국"), strlen("한"));
}

static void
validity(void **state)
{
	size_t bad = 99;
	(void)state;
	assert_true(uni_valid(S("plain ascii"), &bad));
	assert_true(uni_valid(S("ünïcödé 日本 👍"), &bad));
	assert_false(uni_valid(S("ok\xC0\xAF"), &bad)); /* overlong '/' */
	assert_int_equal(bad, 2);
	assert_false(uni_valid(S("\xED\xA0\x80"), &bad)); /* surrogate */
	assert_int_equal(bad, 0);
	assert_false(uni_valid(S("ab\xE2\x82"), &bad)); /* truncated */
	assert_int_equal(bad, 2);
	assert_false(uni_valid(S("\xF4\x90\x80\x80"), &bad)); /* > U+10FFFF */
}

static enum text_error
load(struct text *t, const char *s, size_t n, unsigned flags,
     struct text_where *where)
{
	return text_from_memory(t, "mem", s, n, flags, where);
}

static void
loading(void **state)
{
	struct text t;
	struct text_where where;
	(void)state;

	assert_int_equal(load(&t, "", 0, 0, &where), TEXT_OK);
	assert_int_equal(t.len, 0);
	text_done(&t);

	assert_int_equal(load(&t, "\xEF\xBB\xBFhi", 5, 0, &where), TEXT_OK);
	assert_int_equal(t.body, 3);
	text_done(&t);

	assert_int_equal(load(&t, "ab\0cd", 5, 0, &where), TEXT_ERR_BINARY);
	assert_int_equal(where.offset, 2);
	assert_null(t.buf);

	assert_int_equal(load(&t, "abc\n\xff", 5, 0, &where), TEXT_ERR_UTF8);
	assert_int_equal(where.offset, 4);
	assert_int_equal(where.line, 2);

	assert_int_equal(load(&t, "\xff\xfeh\0i\0", 6, 0, &where),
	                 TEXT_ERR_UTF16);
	assert_int_equal(load(&t, "h\0e\0l\0l\0o\0", 10, 0, &where),
	                 TEXT_ERR_UTF16);

	/* --text: accepted, bad bytes counted */
	assert_int_equal(load(&t,
	                      "a\xff\xfe"
	                      "b\0",
	                      5, TEXT_LAX, &where),
	                 TEXT_OK);
	assert_int_equal(t.invalid, 2);
	text_done(&t);
}

static void
loading_files(void **state)
{
	struct text t;
	struct text_where where;
	(void)state;

	assert_int_equal(text_load(&t, "/nonexistent/redline", 0, &where),
	                 TEXT_ERR_OPEN);
	assert_int_equal(text_load(&t, "/", 0, &where), TEXT_ERR_ISDIR);
	assert_int_equal(text_load(&t, "/dev/null", 0, &where), TEXT_OK);
	assert_int_equal(t.len, 0);
	text_done(&t);
}

/* Cells of plain text: controls never pass through, widths count. */
static void
cells_and_fitting(void **state)
{
	const unsigned char *s =
	        (const unsigned char *)"a\033[2J\xe4\xb8\xad\t";
	size_t len;
	char shown;
	int used;
	(void)state;

	assert_int_equal(uni_cell(s, 1, &len, &shown), 1);
	assert_int_equal(shown, 0);
	assert_int_equal(uni_cell(s + 1, 1, &len, &shown), 1); /* ESC */
	assert_int_equal(shown, '?');
	assert_int_equal(uni_cell(s + 5, 3, &len, &shown), 2); /* CJK */
	assert_int_equal(len, 3);
	assert_int_equal(shown, 0);
	assert_int_equal(uni_cell(s + 8, 1, &len, &shown), 1);
	assert_int_equal(shown, ' ');
	/* "a", ESC, "[2J" take 5 columns; the CJK letter needs 2 more */
	assert_int_equal(uni_fit(s, 9, 6, &used), 5);
	assert_int_equal(used, 5);
	assert_int_equal(uni_fit(s, 9, 7, &used), 8);
	assert_int_equal(used, 7);
	assert_int_equal(uni_fit(s, 9, 100, &used), 9);
	assert_int_equal(used, 8);
}

/* uni_key(s) under flags, as a string (freed by the caller). */
static char *
key_of(const char *s, unsigned flags)
{
	char *out;
	size_t n;
	assert_int_equal(
	        uni_key((const unsigned char *)s, strlen(s), flags, &out, &n),
	        0);
	assert_int_equal(strlen(out), n);
	return out;
}

/* Comparison keys: case folded under UNI_KEY_CASE, marks dropped under
 * UNI_KEY_MARKS, typographic forms lumped under UNI_KEY_FOLD; and every
 * printable ASCII character keyed as utf8proc itself maps it (the ASCII
 * path must agree with the library's). */
static void
keys(void **state)
{
	static const unsigned all[] = {
	        0, UNI_KEY_FOLD, UNI_KEY_CASE, UNI_KEY_FOLD | UNI_KEY_CASE,
	        UNI_KEY_FOLD | UNI_KEY_CASE | UNI_KEY_COMPAT | UNI_KEY_MARKS};
	char *k;
	(void)state;

	assert_string_equal(k = key_of("Hello World's-1", UNI_KEY_CASE),
	                    "hello world's-1");
	free(k);
	assert_string_equal(k = key_of("Hello", UNI_KEY_FOLD), "Hello");
	free(k);
	assert_string_equal(
	        k = key_of("L\xC3\xB3pez", UNI_KEY_CASE | UNI_KEY_MARKS),
	        "lopez");
	free(k);
	assert_string_equal(k = key_of("STRA\xC3\x9E"
	                               "E",
	                               UNI_KEY_CASE),
	                    "stra\xC3\xBE"
	                    "e");
	free(k);
	for (unsigned f = 0; f < sizeof all / sizeof *all; f++) {
		for (int c = 0x20; c <= 0x7E; c++) {
			char s[4] = {'x', (char)c, 'Q', '\0'};
			int opts = 0;
			utf8proc_uint8_t *want = NULL;
			if (all[f] & UNI_KEY_FOLD)
				opts |= UTF8PROC_COMPOSE | UTF8PROC_STABLE |
				        UTF8PROC_LUMP | UTF8PROC_IGNORE;
			if (all[f] & UNI_KEY_COMPAT)
				opts |= UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
			if (all[f] & UNI_KEY_CASE)
				opts |= UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
			if (all[f] & UNI_KEY_MARKS)
				opts |= UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK;
			if (opts)
				assert_true(utf8proc_map(
				                    (const utf8proc_uint8_t *)s,
				                    3, &want,
				                    (utf8proc_option_t)opts) >=
				            0);
			k = key_of(s, all[f]);
			assert_string_equal(k, want ? (char *)want : s);
			free(k);
			free(want);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(widths),
	        cmocka_unit_test(clusters),
	        cmocka_unit_test(validity),
	        cmocka_unit_test(loading),
	        cmocka_unit_test(loading_files),
	        cmocka_unit_test(cells_and_fitting),
	        cmocka_unit_test(keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
