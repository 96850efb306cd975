/* test_segment.c - sentences and paragraphs, as a reader would count them:
 * the rules at the top of src/core/segment.c, one by one, and the
 * invariant that segments cover every token in order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "redline/intern.h"
#include "redline/segment.h"
#include "redline/text.h"
#include "redline/token.h"

/* Segment s; write each segment's text, joined by '|', into out, and
 * each one's paragraph number into para (when not NULL).  Checks that
 * the segments cover every token in order. */
static size_t
segs(const char *s, char *out, size_t outlen, uint32_t *para)
{
	struct text t;
	struct text_where where;
	struct toklist l;
	struct seglist sl;
	struct intern *in = intern_new();
	size_t n, at = 0;

	memset(&l, 0, sizeof l);
	memset(&sl, 0, sizeof sl);
	assert_non_null(in);
	assert_int_equal(text_from_memory(&t, "t", s, strlen(s), 0, &where),
	                 TEXT_OK);
	assert_int_equal(tok_split(&t, in, 0, &l), 0);
	assert_int_equal(seg_split(&t, &l, &sl), 0);
	out[0] = '\0';
	uint32_t next = 0;
	for (size_t i = 0; i < sl.n; i++) {
		size_t b0, b1;
		assert_int_equal(sl.v[i].t0, next);   /* no gap, no overlap */
		assert_true(sl.v[i].t1 > sl.v[i].t0); /* never empty */
		next = sl.v[i].t1;
		seg_bytes(&sl, &l, i, i + 1, &b0, &b1);
		at += (size_t)snprintf(out + at, outlen - at, "%s%.*s",
		                       i ? "|" : "", (int)(b1 - b0),
		                       (const char *)t.buf + b0);
		if (para)
			para[i] = sl.v[i].para;
	}
	assert_int_equal(next, l.n); /* every token */
	n = sl.n;
	seg_free(&sl);
	tok_free(&l);
	intern_free(in);
	text_done(&t);
	return n;
}

#define SEGS(in, want)                                                         \
	do {                                                                   \
		char got_[1024];                                               \
		segs(in, got_, sizeof got_, NULL);                             \
		assert_string_equal(got_, want);                               \
	} while (0)

static void
sentence_ends(void **state)
{
	(void)state;
	SEGS("One. Two! Three? Four.", "One.|Two!|Three?|Four.");
	/* closing quotes and brackets stay with their sentence */
	SEGS("He said \"no.\" Then he left.", "He said \"no.\"|Then he left.");
	SEGS("(It rained.) We stayed.", "(It rained.)|We stayed.");
	/* a digit or an opening quote starts the next one */
	SEGS("It ended. 2017 was hard. \"Yes,\" she said.",
	     "It ended.|2017 was hard.|\"Yes,\" she said.");
	/* an ellipsis ends one too */
	SEGS("Wait\xe2\x80\xa6 Then go.", "Wait\xe2\x80\xa6|Then go.");
}

static void
no_end_without_capital(void **state)
{
	(void)state;
	/* lower case after the stop: the sentence goes on */
	SEGS("See p. five of it. Then stop.", "See p. five of it.|Then stop.");
	/* no space after the stop: a number or a name, not an end */
	SEGS("Rates rose 2.5 percent. Costs fell.",
	     "Rates rose 2.5 percent.|Costs fell.");
}

/* Chinese and Japanese: 。 ！ ？ end a sentence with no space after them
 * and no capital to follow; a closing corner bracket stays with it. */
static void
cjk_sentence_ends(void **state)
{
	(void)state;
	SEGS("今天下雨了。我们在家！你呢？好。",
	     "今天下雨了。|我们在家！|你呢？|好。");
	SEGS("他说：「明天会好。」天气很冷。",
	     "他说：「明天会好。」|天气很冷。");
	SEGS("雨が降った。家にいた。", "雨が降った。|家にいた。");
}

static void
abbreviations_and_initials(void **state)
{
	(void)state;
	SEGS("Mr. Smith met Gen. Lee on Nov. 3. They talked.",
	     "Mr. Smith met Gen. Lee on Nov. 3.|They talked.");
	SEGS("The U.S. Army left. It rained.",
	     "The U.S. Army left.|It rained.");
	SEGS("Written by J. Doe. It is long.",
	     "Written by J. Doe.|It is long.");
	/* "no." before a number is one; before a word, the end */
	SEGS("It meets objective no. 3-15 of the plan. It rained.",
	     "It meets objective no. 3-15 of the plan.|It rained.");
	SEGS("The answer was no. Then it rained.",
	     "The answer was no.|Then it rained.");
}

static void
lines_and_paragraphs(void **state)
{
	uint32_t para[16];
	char got[1024];
	(void)state;
	/* a line without a stop (a headline) is a segment of its own */
	assert_int_equal(
	        segs("A headline\nThe body. Its end.\n", got, sizeof got, para),
	        3);
	assert_string_equal(got, "A headline|The body.|Its end.");
	assert_int_equal(para[0], 0);
	assert_int_equal(para[1], 1);
	assert_int_equal(para[2], 1);
	/* a blank line ends a paragraph */
	assert_int_equal(segs("One.\n\nTwo.\n", got, sizeof got, para), 2);
	assert_int_equal(para[1], 1);
}

/* A hard-wrapped text (lines broken inside sentences) keeps its
 * sentences whole across the breaks. */
static void
hard_wrapped(void **state)
{
	(void)state;
	SEGS("The first sentence runs on\nacross a line break and ends "
	     "here. The second\none does the same and goes on\nuntil it "
	     "stops. A third one\nis short. The fourth one\nwraps "
	     "too. And the fifth\nwraps again. Done.\n",
	     "The first sentence runs on\nacross a line break and ends here."
	     "|The second\none does the same and goes on\nuntil it stops."
	     "|A third one\nis short.|The fourth one\nwraps too."
	     "|And the fifth\nwraps again.|Done.");
}

static void
empty_and_space(void **state)
{
	char got[64];
	(void)state;
	assert_int_equal(segs("", got, sizeof got, NULL), 0);
	assert_int_equal(segs("  \n\n \n", got, sizeof got, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(sentence_ends),
	        cmocka_unit_test(no_end_without_capital),
	        cmocka_unit_test(cjk_sentence_ends),
	        cmocka_unit_test(abbreviations_and_initials),
	        cmocka_unit_test(lines_and_paragraphs),
	        cmocka_unit_test(hard_wrapped),
	        cmocka_unit_test(empty_and_space),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
