/* test_export.c - the text exports: wdiff notation and spacing, the plain
 * two-column layout (display widths, wrapping, alignment), the rule that
 * control characters never reach a terminal raw, tokens written with their
 * white space folded, and a left side tokenized once giving the same
 * report as one tokenized for its pair. */
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

/* export_tokens into a string. */
static char *
tokens_of(const char *a, uint32_t t0, uint32_t t1, int visible)
{
	struct text t;
	struct text_where where;
	struct intern *in = intern_new();
	struct toklist l = {0};
	size_t len;
	char *out = NULL;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	assert_non_null(in);
	assert_int_equal(
	        text_from_memory(&t, "a", a, strlen(a), TEXT_LAX, &where),
	        TEXT_OK);
	assert_int_equal(tok_split(&t, in, 0, &l), 0);
	if (t1 > l.n)
		t1 = (uint32_t)l.n;
	assert_int_equal(export_tokens(f, &t, &l, t0, t1, visible), 0);
	fclose(f);
	tok_free(&l);
	intern_free(in);
	text_done(&t);
	return out;
}

/* tokens_of(text, t0, t1, tty) is want. */
static void
tokens_are(const char *text, uint32_t t0, uint32_t t1, int tty,
           const char *want)
{
	char *s = tokens_of(text, t0, t1, tty);
	assert_string_equal(s, want);
	free(s);
}

static void
tokens_fold_white_space(void **state)
{
	(void)state;

	/* runs of tokens written whole where the text has one space or none
	 * between them; any other white space one space */
	tokens_are("Hello, big  world.\n\tNext\r\nline (here).\n", 0, 99, 0,
	           "Hello, big world. Next line (here).");
	tokens_are("one two three four\n", 1, 3, 0, "two three");
	/* a hidden character inside a run is shown, written or not to a
	 * terminal; a control character only to one */
	tokens_are("a b\xE2\x80\xAE"
	           "c d\n",
	           0, 99, 0,
	           "a b\xEF\xBF\xBD"
	           "c d");
	tokens_are("a \x07 b\n", 0, 99, 1, "a \xE2\x90\x87 b");
	tokens_are("a \x07 b\n", 0, 99, 0, "a \x07 b");
}

/* The text report of c at width into a string. */
static char *
report_of(const struct cmp *c, int width)
{
	struct export_opt eo = {width, 0, 0, 0, 0, 0};
	size_t len;
	char *out = NULL;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	assert_int_equal(export_report(c, &eo, f), 0);
	fclose(f);
	return out;
}

static void
left_tokenized_once(void **state)
{
	static const char a[] =
	        "The minister said on Monday that 1,500 troops would leave. "
	        "Talks resume in Cairo.\n\nNo decision was taken.\n";
	static const char *const b[] = {
	        "Talks resume in Cairo, officials said. The minister said "
	        "1,500 troops would leave on Monday.\n",
	        "A decision was taken. Zebras, quokkas and xylophones.\n",
	};
	struct text ta, tb;
	struct text_where where;
	struct cmp_opt co = {.minimal = 0};
	struct cmp_left left;
	(void)state;

	assert_int_equal(
	        text_from_memory(&ta, "a", a, strlen(a), TEXT_LAX, &where),
	        TEXT_OK);
	assert_int_equal(cmp_left_run(&left, &ta, co.keyopts), 0);
	for (size_t k = 0; k < 2; k++) {
		struct cmp once, pair;
		assert_int_equal(text_from_memory(&tb, "b", b[k], strlen(b[k]),
		                                  TEXT_LAX, &where),
		                 TEXT_OK);
		assert_int_equal(cmp_run(&pair, &ta, &tb, &co), 0);
		/* twice from the same left side: it is only read */
		for (int twice = 0; twice < 2; twice++) {
			assert_int_equal(cmp_run_left(&once, &left, &tb, &co),
			                 0);
			assert_int_equal(once.lt.n, pair.lt.n);
			assert_int_equal(once.rt.n, pair.rt.n);
			assert_memory_equal(once.lt.id, pair.lt.id,
			                    pair.lt.n * sizeof *pair.lt.id);
			assert_memory_equal(once.rt.id, pair.rt.id,
			                    pair.rt.n * sizeof *pair.rt.id);
			assert_int_equal(intern_count(once.in),
			                 intern_count(pair.in));
			char *x = report_of(&once, 0), *y = report_of(&pair, 0);
			assert_string_equal(x, y);
			free(x);
			free(y);
			cmp_free(&once);
		}
		cmp_free(&pair);
		text_done(&tb);
	}
	cmp_left_free(&left);
	text_done(&ta);
}

/* Every span of the JSON export's word operations starts at a token's
 * first byte and ends after its last: its offsets, which here take in
 * each power of ten to 10000 and each number of nines to 9999, are written
 * from a digit count of their own (json.c, digits) that must agree with
 * the number. */
static void
json_spans_are_token_bounds(void **state)
{
	enum { NW = 2100 };
	char *a = malloc(NW * 5 + 2), *b = malloc(NW * 5 + 2), *out = NULL;
	size_t la = 0, lb = 0, len, spans = 0;
	struct text ta, tb;
	struct text_where where;
	struct cmp c;
	struct cmp_opt co = {.minimal = 0};
	struct export_opt eo = {80, 0, 0, 0, 0, 0};
	(void)state;

	assert_non_null(a);
	assert_non_null(b);
	for (int i = 0; i < NW; i++) {
		/* words of four letters, every other one changed: a span
		 * starts at each multiple of five (10, 100, 1000, 10000) and
		 * ends at the next but one (9, 99, 999, 9999) */
		for (int k = 0; k < 4; k++) {
			a[la++] = (char)('a' + (i * 7 + k) % 26);
			b[lb++] = i % 2 == 0 ? 'z' : a[la - 1];
		}
		a[la++] = ' ';
		b[lb++] = ' ';
	}
	a[la - 1] = b[lb - 1] = '\n';
	a[la] = b[lb] = '\0';
	FILE *f = open_memstream(&out, &len);
	assert_non_null(f);
	assert_int_equal(text_from_memory(&ta, "a", a, la, TEXT_LAX, &where),
	                 TEXT_OK);
	assert_int_equal(text_from_memory(&tb, "b", b, lb, TEXT_LAX, &where),
	                 TEXT_OK);
	assert_int_equal(cmp_run(&c, &ta, &tb, &co), 0);
	assert_int_equal(export_json(&c, &eo, f), 0);
	fclose(f);
	for (const char *p = strstr(out, "{\"op\": \""); p;
	     p = strstr(p + 1, "{\"op\": \"")) {
		for (int side = 0; side < 2; side++) {
			const char *key = side ? "\"right\": " : "\"left\": ";
			const char *t = side ? b : a, *q = strstr(p, key);
			size_t lt = side ? lb : la;
			assert_non_null(q);
			q += strlen(key);
			if (strncmp(q, "null", 4) == 0)
				continue;
			char *e;
			assert_true(q[0] == '[');
			unsigned long s0 = strtoul(q + 1, &e, 10);
			assert_true(e[0] == ',' && e[1] == ' ');
			unsigned long s1 = strtoul(e + 2, &e, 10);
			assert_true(e[0] == ']');
			assert_true(s0 < s1 && s1 <= lt);
			assert_true(s0 == 0 || t[s0 - 1] == ' ');
			assert_true(t[s0] != ' ' && t[s1 - 1] != ' ');
			assert_true(t[s1] == ' ' || t[s1] == '\n');
			spans++;
		}
	}
	assert_true(spans > 2 * NW);
	free(out);
	cmp_free(&c);
	text_done(&ta);
	text_done(&tb);
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(json_spans_are_token_bounds),
	        cmocka_unit_test(wdiff_notation),
	        cmocka_unit_test(plain_wraps_by_display_width),
	        cmocka_unit_test(plain_marks_kinds_in_the_margin),
	        cmocka_unit_test(controls_made_visible),
	        cmocka_unit_test(tokens_fold_white_space),
	        cmocka_unit_test(left_tokenized_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
