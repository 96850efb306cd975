/* test_lexicon.c - the word lists behind the alignment: reporting frames,
 * the values of numbers and page furniture (lexicon.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "redline/lexicon.h"

static const char *
number(const char *w)
{
	static char out[64];
	size_t n = lex_number(w, strlen(w), out, sizeof out - 1);
	out[n] = '\0';
	return n ? out : "(none)";
}

/* One value, however it is written. */
static void
numbers(void **state)
{
	(void)state;
	assert_string_equal(number("7600"), "7600");
	assert_string_equal(number("7,600"), "7600");
	assert_string_equal(number("1,250,000"), "1250000");
	assert_string_equal(number("6th"), "6");
	assert_string_equal(number("21st"), "21");
	assert_string_equal(number("2nd"), "2");
	assert_string_equal(number("five"), "5");
	assert_string_equal(number("twelve"), "12");
	assert_string_equal(number("ninety"), "90");
	/* ordinals from the third on: "tenth" is "10th" */
	assert_string_equal(number("tenth"), "10");
	assert_string_equal(number("third"), "3");
	assert_string_equal(number("twentieth"), "20");
	assert_string_equal(number("first"), "(none)");
	assert_string_equal(number("second"), "(none)");
	/* the list's shortest and longest, and words with a number word's
	 * first and last letters and length, which its filter lets by */
	assert_string_equal(number("one"), "1");
	assert_string_equal(number("zero"), "0");
	assert_string_equal(number("seventeenth"), "17");
	assert_string_equal(number("thousand"), "1000");
	assert_string_equal(number("hundredth"), "100");
	assert_string_equal(number("tin"), "(none)");
	assert_string_equal(number("fine"), "(none)");
	assert_string_equal(number("Five"), "(none)");
	assert_string_equal(number("3.5"), "3.5");
	/* not a group separator: kept as written */
	assert_string_equal(number("1,5"), "1,5");
	assert_string_equal(number("12,34567"), "12,34567");
	/* not numbers */
	assert_string_equal(number("fifth-generation"), "(none)");
	assert_string_equal(number("fives"), "(none)");
	assert_string_equal(number("th"), "(none)");
	/* too little room: nothing, not a cut value */
	char small[2];
	assert_int_equal(lex_number("7,600", 5, small, sizeof small), 0);
}

static void
frames(void **state)
{
	(void)state;
	assert_int_equal(lex_is_frame("said", 4), LEX_FRAME_VERB);
	assert_int_equal(lex_is_frame("according", 9), LEX_FRAME_VERB);
	assert_int_equal(lex_is_frame("told", 4), LEX_FRAME_VERB);
	assert_int_equal(lex_is_frame("announced", 9), LEX_FRAME_OTHER);
	assert_int_equal(lex_is_frame("reiterated", 10), LEX_FRAME_VERB);
	assert_int_equal(lex_is_frame("warned", 6), LEX_FRAME_VERB);
	assert_int_equal(lex_is_frame("confirmed", 9), LEX_FRAME_OTHER);
	assert_int_equal(lex_is_frame("statement", 9), LEX_FRAME_NOUN);
	assert_int_equal(lex_is_frame("spokesperson", 12), LEX_FRAME_NOUN);
	assert_int_equal(lex_is_frame("sad", 3), LEX_FRAME_NONE);
	assert_int_equal(lex_is_frame("saidx", 5), LEX_FRAME_NONE);
	assert_int_equal(lex_is_frame("sai", 3), LEX_FRAME_NONE);
	assert_int_equal(lex_is_frame("", 0), LEX_FRAME_NONE);
}

static int
furn(const char *line)
{
	return lex_is_furniture((const unsigned char *)line, strlen(line));
}

/* Caption credits, bylines and credit lines, and not the sentences that
 * merely begin alike. */
static void
furniture(void **state)
{
	(void)state;
	assert_true(furn("FILE - The minister at a news conference."));
	assert_true(furn("FILE: the harbour in 2019"));
	assert_true(furn("By a staff reporter"));
	assert_true(furn("(Photo: city hall)"));
	assert_true(furn("The Daily Paper with inputs from agencies"));
	assert_true(furn("Advertisement"));
	assert_true(furn("Leave a Reply"));
	assert_true(furn("First published:")); /* a page header's label */
	assert_true(furn("First published: 3 November 2020"));
	assert_true(furn("Also read: Ministers meet in the capital"));
	assert_true(furn("FOR IMMEDIATE RELEASE"));
	assert_true(furn("Media contact: press office, 555 0100"));
	assert_true(furn("News release. Embargoed until: Tuesday, 1:00 p.m."));
	assert_true(furn("Our reporter contributed to this report."));
	assert_true(furn("contributed to this report"));
	/* a minister's signature under a written statement */
	assert_true(furn("Jane Doe MS, Minister for Housing"));
	assert_true(furn("Alun Jones AM, Cabinet Secretary for Education"));
	assert_false(furn("Jane Doe MP, Minister for Housing, said:"));
	assert_false(furn("Programs, ministers and staff met."));
	assert_false(furn("Recontributed to this report")); /* a word's start */
	assert_false(furn("Subscribers to the fund will be paid in May."));
	assert_false(furn("Also, the minister read the report."));
	assert_false(furn("Bystanders watched the parade."));
	assert_false(
	        furn("First published in 1851, the guide is read widely."));
	assert_false(furn("Files were lost in the fire."));
	assert_false(furn("The council met on Monday."));
	assert_false(furn("Nearby, the river rose."));
	assert_false(furn(""));
	/* what makes each one furniture */
	const unsigned char *by = (const unsigned char *)"By 2030, the port";
	assert_int_equal(lex_furniture(by, strlen((const char *)by)),
	                 LEX_FURN_SHORT);
	const unsigned char *file =
	        (const unsigned char *)"FILE - A police officer looks on";
	assert_int_equal(lex_furniture(file, strlen((const char *)file)),
	                 LEX_FURN_START);
	const unsigned char *credit =
	        (const unsigned char
	                 *)"The Daily Paper with inputs from agencies";
	assert_int_equal(lex_furniture(credit, strlen((const char *)credit)),
	                 LEX_FURN_WITHIN);
}

/* The words of a timestamp besides its date, in any case, whole; and no
 * timestamp word is a furniture phrase of its own. */
static void
clock_words(void **state)
{
	(void)state;
	assert_true(lex_is_clock_word("am", 2));
	assert_true(lex_is_clock_word("PM", 2));
	assert_true(lex_is_clock_word("p.m.", 4));
	assert_true(lex_is_clock_word("GMT", 3));
	assert_false(lex_is_clock_word("a", 1));
	assert_false(lex_is_clock_word("amid", 4));
	assert_false(lex_is_clock_word("gm", 2));
	assert_false(lex_is_clock_word("", 0));
	assert_false(furn("am"));
	assert_false(furn("GMT"));
}

/* Irregular verb forms give their base form; other words, and a prefix
 * or extension of a form, give none. */
static void
verb_forms(void **state)
{
	(void)state;
	assert_string_equal(lex_base_form("are", 3), "be");
	assert_string_equal(lex_base_form("was", 3), "be");
	assert_string_equal(lex_base_form("has", 3), "have");
	assert_string_equal(lex_base_form("did", 3), "do");
	assert_null(lex_base_form("ar", 2));
	assert_null(lex_base_form("island", 6));
	assert_null(lex_base_form("council", 7));
}

/* British spellings give the American one, from SCOWL's lists; a word
 * spelt alike in both, an American spelling, and a word that only looks
 * like a respelling (prise is no prize) give none. */
static void
spellings(void **state)
{
	(void)state;
	assert_string_equal(lex_american("labour", 6), "labor");
	assert_string_equal(lex_american("centre", 6), "center");
	assert_string_equal(lex_american("organised", 9), "organized");
	assert_string_equal(lex_american("defence", 7), "defense");
	assert_string_equal(lex_american("travelled", 9), "traveled");
	assert_string_equal(lex_american("programme", 9), "program");
	assert_string_equal(lex_american("fulfil", 6), "fulfill");
	assert_null(lex_american("labor", 5));
	assert_null(lex_american("statement", 9));
	assert_null(lex_american("prise", 5));
	assert_null(lex_american("labou", 5));
}

/* The lists' order: bytewise, a shorter prefix first. */
static void
list_order(void **state)
{
	(void)state;
	assert_int_equal(lex_order("may", 3, "may"), 0);
	assert_true(lex_order("ma", 2, "may") < 0);
	assert_true(lex_order("mayor", 5, "may") > 0);
	assert_true(lex_order("july", 4, "june") < 0);
	assert_true(lex_order("mayor", 3, "may") == 0);   /* only n bytes */
	assert_true(lex_order("m\xC3\xA9", 3, "ma") > 0); /* bytes unsigned */
	assert_true(lex_order("", 0, "a") < 0);
	assert_int_equal(lex_order("", 0, ""), 0);
}

/* What a hedge may start with: a hedge, or the first word of a two-word
 * one, and not a word that merely begins like one. */
static void
hedge_starts(void **state)
{
	(void)state;
	assert_true(lex_hedge_may_start("may", 3));
	assert_true(lex_hedge_may_start("expected", 8)); /* "expected to" */
	assert_false(lex_hedge_may_start("mayor", 5));
	assert_false(lex_hedge_may_start("ma", 2));
	assert_false(lex_hedge_may_start("expect", 6));
	assert_false(lex_hedge_may_start("zzz", 3));
	assert_false(lex_hedge_may_start("", 0));
}

/* The titles list holds the commonest offices, folded, and ends. */
static void
titles(void **state)
{
	int president = 0, secretary = 0;
	size_t i = 0;
	(void)state;
	for (const char *w; (w = lex_title(i)) != NULL; i++) {
		president |= strcmp(w, "president") == 0;
		secretary |= strcmp(w, "secretary") == 0;
		for (const char *p = w; *p; p++)
			assert_false(*p >= 'A' && *p <= 'Z');
	}
	assert_true(president && secretary);
	assert_true(i > 10 && i < 256); /* words.c takes up to 256 */
}

static void
negations(void **state)
{
	(void)state;
	static const char *const yes[] = {"not",
	                                  "no",
	                                  "never",
	                                  "without",
	                                  "nothing",
	                                  "don't",
	                                  "isn\xE2\x80\x99t",
	                                  "cannot",
	                                  "nor"};
	static const char *const no[] = {"now", "note",   "know", "nation",
	                                 "a",   "notice", "t",    "n't"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		assert_true(lex_is_negation(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		assert_false(lex_is_negation(no[i], strlen(no[i])));
}

static void
places(void **state)
{
	(void)state;
	static const char *const names[] = {"unitedstates", "mexican",
	                                    "moscow"};
	int kind;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		size_t n = strlen(names[i]);
		assert_true(lex_place(names[i], n, &kind) >= 0);
		/* every start of a name is one lex_place_prefix knows */
		for (size_t k = 0; k <= n; k++)
			assert_true(lex_place_prefix(names[i], k));
	}
	assert_true(lex_place("moscow", 6, &kind) >= 0 && kind == LEX_CAPITAL);
	assert_int_equal(lex_place("president", 9, &kind), -1);
	assert_false(lex_place_prefix("presid", 6));
	assert_false(lex_place_prefix("unitedstatesx", 13));
	assert_false(lex_place_prefix("zq", 2));
}

/* A packed table is searched by lex_order: each key found at its
 * number, a prefix, an extension or a key between two not found. */
static void
packed_find(void **state)
{
	(void)state;
	static const char text[] = "ant\0bee\0beetle\0cat\0";
	static const uint32_t at[] = {0, 4, 8, 15};
	const char *ask[] = {"ant", "bee", "beetle", "cat"};

	for (size_t k = 0; k < 4; k++)
		assert_int_equal(lex_find(text, at, 4, ask[k], strlen(ask[k])),
		                 k);
	assert_int_equal(lex_find(text, at, 4, "be", 2), 4);
	assert_int_equal(lex_find(text, at, 4, "beet", 4), 4);
	assert_int_equal(lex_find(text, at, 4, "cats", 4), 4);
	assert_int_equal(lex_find(text, at, 4, "aardvark", 8), 4);
	assert_int_equal(lex_find(text, at, 4, "zebra", 5), 4);
	assert_int_equal(lex_find(text, at, 0, "ant", 3), 0);
	/* the length, not a NUL, ends the word asked */
	assert_int_equal(lex_find(text, at, 4, "beetles", 6), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(numbers),      cmocka_unit_test(frames),
	        cmocka_unit_test(furniture),    cmocka_unit_test(clock_words),
	        cmocka_unit_test(verb_forms),   cmocka_unit_test(spellings),
	        cmocka_unit_test(titles),       cmocka_unit_test(list_order),
	        cmocka_unit_test(hedge_starts), cmocka_unit_test(negations),
	        cmocka_unit_test(places),       cmocka_unit_test(packed_find),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
