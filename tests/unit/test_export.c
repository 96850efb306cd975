/* test_export.c - the text exports: wdiff notation and spacing, the plain
 * two-column layout (display widths, wrapping, alignment), and the rule
 * that control characters never reach a terminal raw. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/export.h"
#include "redline/uni.h"

enum which { WDIFF, PLAIN };

/* Run one export of a against b into a malloc'ed string. */
static char *
run(enum which w, const char *a, const char *b, int width, int visible)
{
	struct text ta, tb;
	struct cmp c;
	struct cmp_opt co = {.minimal = 0};
	struct export_opt eo = {width, visible, 0, 0, 0, 0};
	struct text_where where;
	size_t len;
	char *out = NULL;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	assert_int_equal(
	        text_from_memory(&ta, "a", a, strlen(a), TEXT_LAX, &where),
	        TEXT_OK);
	assert_int_equal(
	        text_from_memory(&tb, "b", b, strlen(b), TEXT_LAX, &where),
	        TEXT_OK);
	assert_int_equal(cmp_run(&c, &ta, &tb, &co), 0);
	assert_int_equal(w == WDIFF ? export_wdiff(&c, &eo, f)
	                            : export_plain(&c, &eo, f),
	                 0);
	fclose(f);
	cmp_free(&c);
	text_done(&ta);
	text_done(&tb);
	return out;
}

static void
wdiff_notation(void **state)
{
	char *s;
	(void)state;

	s = run(WDIFF, "a b c\n", "a x c\n", 80, 0);
	assert_string_equal(s, "a [-b-] {+x+} c\n");
	free(s);
	s = run(WDIFF, "keep this.\n", "keep this. And more.\n", 80, 0);
	assert_string_equal(s, "keep this. {+And more.+}\n");
	free(s);
	s = run(WDIFF, "Gone first. Kept\n", "Kept\n", 80, 0);
	assert_string_equal(s, "[-Gone first.-] Kept\n");
	free(s);
	/* the rewrite's own white space around kept words */
	s = run(WDIFF, "one two\n", "one\n\ntwo\n", 80, 0);
	assert_string_equal(s, "one\n\ntwo\n");
	free(s);
}

/* Display width of one line (up to '\n'). */
static int
line_width(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t p = 0;
	int w = 0;

	while (p < n) {
		int32_t cp;
		size_t l = uni_cluster(u + p, n - p, &cp);
		int cw = uni_cluster_width(u + p, l);
		w += cw < 0 ? 1 : cw;
		p += l;
	}
	return w;
}

/* Every line fits the width, and on every row with both columns the
 * " | " gutter starts at the same display column. */
static void
check_columns(const char *out, int width)
{
	int gutter = -1;

	for (const char *line = out; *line;) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		const char *bar = strstr(line, " | ");
		assert_true(line_width(line, n) <= width);
		if (bar && bar < line + n) {
			int col = line_width(line, (size_t)(bar - line));
			if (gutter < 0)
				gutter = col;
			assert_int_equal(col, gutter);
		}
		line += n + (nl != NULL);
	}
	assert_true(gutter > 0);
}

static void
plain_wraps_by_display_width(void **state)
{
	char *s;
	(void)state;

	s = run(PLAIN,
	        "The quick brown fox jumps over the lazy dog again and "
	        "again.\n",
	        "The quick red fox jumps over the lazy cat again and again.\n",
	        40, 0);
	check_columns(s, 40);
	assert_non_null(strstr(s, "[-brown-]"));
	assert_non_null(strstr(s, "{+red+}"));
	free(s);

	/* CJK is two columns a character: still within 40 and aligned */
	s = run(PLAIN,
	        "日本語のテキストです。日本語のテキストです。日本語のテキストで"
	        "す。\n",
	        "日本語の文章です。日本語のテキストです。日本語のテキストです。"
	        "\n",
	        40, 0);
	check_columns(s, 40);
	free(s);

	/* a word longer than the column is cut between clusters */
	s = run(PLAIN, "short\n",
	        "short Supercalifragilisticexpialidociousnessly long\n", 30, 0);
	check_columns(s, 30);
	free(s);
}

static void
plain_marks_kinds_in_the_margin(void **state)
{
	char *s;
	(void)state;

	s = run(PLAIN, "Kept paragraph here.\n\nDropped paragraph entirely.\n",
	        "Kept paragraph here.\n\nAdded words of a new kind.\n", 60, 0);
	/* a kept passage '=', the dropped one '<' with an empty right
	 * column, the added one '>' with only its number in the left
	 * column; each numbered as the report numbers passages */
	assert_non_null(strstr(s, "=  [1] Kept paragraph here."));
	const char *d = strstr(s, "<  [");
	assert_non_null(d);
	const char *eol = strchr(d, '\n');
	assert_true(eol[-1] == '|');
	assert_true(strstr(d, "Dropped") < eol);
	const char *a = strstr(s, ">  [");
	assert_non_null(a);
	eol = strchr(a, '\n');
	assert_non_null(strstr(a, "] "));
	assert_true(strstr(a, "| Added words of a new kind.") < eol);
	free(s);
}

static void
controls_made_visible(void **state)
{
	char *s;
	(void)state;

	/* an escape sequence in the text never reaches the output raw */
	s = run(PLAIN, "a \x1b[2J b\n", "a b\n", 60, 0);
	assert_null(strchr(s, '\x1b'));
	assert_non_null(strstr(s, "\xE2\x90\x9B")); /* U+241B */
	free(s);
	s = run(WDIFF, "a\n", "a \x1b]0;title\x07 b\n", 60, 1);
	assert_null(strchr(s, '\x1b'));
	assert_null(strchr(s, '\x07'));
	free(s);
	/* wdiff to a file keeps the bytes as they are */
	s = run(WDIFF, "a\n", "a \x1b b\n", 60, 0);
	assert_non_null(strchr(s, '\x1b'));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(wdiff_notation),
	        cmocka_unit_test(plain_wraps_by_display_width),
	        cmocka_unit_test(plain_marks_kinds_in_the_margin),
	        cmocka_unit_test(controls_made_visible),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
