/* test_stem.c - stems, the stop list and number words, and libstemmer
 * loaded on first use: by any thread, once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
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

/* Words English's stemmer leaves as they are, which stem_word answers
 * without it (two letters or less, or a last letter no suffix ends in),
 * and their neighbours that it still stems. */
static void
words_the_stemmer_keeps_are_kept(void **state)
{
	(void)state;
	struct stemmer *s = stem_new("en");
	assert_non_null(s);
	assert_stem(s, "which", "which");
	assert_stem(s, "group", "group");
	assert_stem(s, "tax", "tax");
	assert_stem(s, "is", "is");
	assert_stem(s, "data", "data");
	assert_stem(s, "groups", "group");
	assert_stem(s, "taxes", "tax");
	assert_stem(s, "ugly", "ugli");
	assert_stem(s, "dying", "die");
	assert_stem(s, "news", "news");
	assert_stem(s, "generously", "generous");
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

/* Every word of the lists, each found whatever the words near it in the
 * lists' hash, and strings one byte longer or shorter not. */
static const char *const all_stops[] = {
        "a",       "about",   "after", "again",   "against", "all",
        "also",    "am",      "an",    "and",     "any",     "are",
        "as",      "at",      "be",    "been",    "before",  "being",
        "between", "both",    "but",   "by",      "can",     "could",
        "did",     "do",      "does",  "during",  "each",    "either",
        "even",    "for",     "from",  "further", "had",     "has",
        "have",    "having",  "he",    "her",     "here",    "hers",
        "him",     "his",     "how",   "however", "i",       "if",
        "in",      "into",    "is",    "it",      "its",     "just",
        "may",     "me",      "might", "more",    "most",    "must",
        "my",      "no",      "nor",   "not",     "now",     "of",
        "on",      "once",    "only",  "or",      "other",   "our",
        "ours",    "out",     "over",  "own",     "said",    "same",
        "says",    "shall",   "she",   "should",  "so",      "some",
        "such",    "than",    "that",  "the",     "their",   "theirs",
        "them",    "then",    "there", "these",   "they",    "this",
        "those",   "through", "to",    "too",     "under",   "until",
        "up",      "upon",    "us",    "very",    "was",     "we",
        "were",    "what",    "when",  "where",   "which",   "while",
        "who",     "whom",    "why",   "will",    "with",    "within",
        "would",   "yet",     "you",   "your",
};
static const char *const all_numbers[] = {
        "billion",  "dozen",   "eight",     "eighteen", "eighty",   "eleven",
        "fifteen",  "fifty",   "five",      "forty",    "four",     "fourteen",
        "half",     "hundred", "million",   "nine",     "nineteen", "ninety",
        "one",      "seven",   "seventeen", "seventy",  "six",      "sixteen",
        "sixty",    "ten",     "thirteen",  "thirty",   "thousand", "three",
        "trillion", "twelve",  "twenty",    "two",
};

static int
listed(const char *const *v, size_t n, const char *w)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], w) == 0)
			return 1;
	return 0;
}

static void
every_listed_word_and_no_other_is_found(void **state)
{
	(void)state;
	size_t ns = sizeof all_stops / sizeof *all_stops,
	       nn = sizeof all_numbers / sizeof *all_numbers;
	char buf[64];
	for (size_t i = 0; i < ns + nn; i++) {
		const char *w = i < ns ? all_stops[i] : all_numbers[i - ns];
		size_t n = strlen(w);
		int (*is)(const char *, size_t) =
		        i < ns ? stem_is_stop : stem_is_number_word;
		const char *const *v = i < ns ? all_stops : all_numbers;
		size_t vn = i < ns ? ns : nn;
		assert_true(is(w, n));
		snprintf(buf, sizeof buf, "%ss", w);
		assert_int_equal(is(buf, n + 1), listed(v, vn, buf));
		memcpy(buf, w, n);
		buf[n - 1] = '\0';
		assert_int_equal(is(buf, n - 1), listed(v, vn, buf));
	}
	assert_false(stem_is_stop("", 0));
	assert_false(stem_is_stop("b", 1));
	assert_true(stem_is_stop("thereof", 5)); /* "there" */
	memset(buf, 'a', sizeof buf);
	assert_false(stem_is_stop(buf, sizeof buf));
	assert_false(stem_is_number_word("-year", 5));
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
	        cmocka_unit_test(words_the_stemmer_keeps_are_kept),
	        cmocka_unit_test(an_unknown_language_has_no_stemmer),
	        cmocka_unit_test(stop_and_number_words_are_recognised),
	        cmocka_unit_test(every_listed_word_and_no_other_is_found),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
