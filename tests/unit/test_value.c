/* test_value.c - the value normaliser (value.h): each way of writing a
 * number, amount, date or weekday gives one key, and what is no value is
 * not read as one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "redline/value.h"

/* The value read at token `at` of s, as "key/tokens", or "(none)". */
static const char *
val_at(const char *s, size_t at)
{
	static char out[VALUE_KEY_MAX + 16];
	struct text t;
	struct text_where where;
	struct toklist l;
	struct value v;
	struct intern *in = intern_new();

	assert_non_null(in);
	memset(&l, 0, sizeof l);
	assert_int_equal(
	        text_from_memory(&t, "t", s, strlen(s), TEXT_LAX, &where),
	        TEXT_OK);
	assert_int_equal(tok_split(&t, in, 0, &l), 0);
	assert_true(at < l.n);
	size_t n = value_read(&t, &l, at, l.n, &v);
	if (n) {
		assert_int_equal(n, v.n);
		assert_true(v.head < v.n);
		assert_int_equal(strlen(v.key), v.len);
		/* the cheap test never turns away a value */
		assert_true(value_may_start(&t, &l.v[at]));
		snprintf(out, sizeof out, "%s/%zu", v.key, n);
	} else {
		snprintf(out, sizeof out, "(none)");
	}
	tok_free(&l);
	intern_free(in);
	text_done(&t);
	return out;
}

static const char *
val(const char *s)
{
	return val_at(s, 0);
}

/* Scale words and suffixes, decimals, group separators. */
static void
numbers(void **state)
{
	(void)state;
	assert_string_equal(val("16 million people"), "16000000/2");
	assert_string_equal(val("16.0m people"), "16000000/1");
	assert_string_equal(val("16,000,000 people"), "16000000/1");
	assert_string_equal(val("16mn people"), "16000000/1");
	assert_string_equal(val("1.5 billion"), "1500000000/2");
	assert_string_equal(val("1.5bn"), "1500000000/1");
	assert_string_equal(val("2.75 trillion"), "2750000000000/2");
	assert_string_equal(val("5k runners"), "5000/1");
	assert_string_equal(val("two million"), "2000000/2");
	assert_string_equal(val("16.0"), "16/1");
	assert_string_equal(val("16"), "16/1");
	assert_string_equal(val("1.50"), "1.5/1");
	assert_string_equal(val("0.4"), "0.4/1");
	assert_string_equal(val("0.04"), "0.04/1");
	assert_string_equal(val("0.0040"), "0.004/1");
	assert_string_equal(val("00.50"), "0.5/1");
	assert_string_equal(val("100"), "100/1");
	assert_string_equal(val("0"), "0/1");
	assert_string_equal(val("0 million"), "0/2");
	assert_string_equal(val("0.04 million"), "40000/2");
	assert_string_equal(val("007"), "7/1");
	assert_string_equal(val("7,600.5"), "7600.5/1");
	assert_string_equal(val("6th"), "6/1");
	/* no plain number: left to the word-by-word value (lexicon.h) */
	assert_string_equal(val("9:30"), "(none)");
	assert_string_equal(val("1990s"), "(none)");
	assert_string_equal(val("4x4"), "(none)");
	assert_string_equal(val("3-2 win"), "(none)");
	assert_string_equal(val("1.5.2"), "(none)");
	/* a number word alone is the lexicon's; beside a scale or unit, ours */
	assert_string_equal(val("twelve schools"), "(none)");
	assert_string_equal(val("twelve"), "(none)");
	/* tens and ones joined by a hyphen */
	assert_string_equal(val("twenty-five"), "25/1");
	assert_string_equal(val("ninety-nine percent"), "99%/2");
	assert_string_equal(val("seven-year"), "(none)");
	assert_string_equal(val("twenty-zero"), "(none)");
	assert_string_equal(val("five-six"), "(none)");
}

/* Percentages and units; "m" alone is a metre. */
static void
amounts(void **state)
{
	(void)state;
	assert_string_equal(val("13% on"), "13%/2");
	assert_string_equal(val("13 per cent on"), "13%/3");
	assert_string_equal(val("13 percent"), "13%/2");
	assert_string_equal(val("thirteen per cent"), "13%/3");
	assert_string_equal(val("13 pct"), "13%/2");
	assert_string_equal(val("0.4 percent"), "0.4%/2");
	/* fractions in words, of a unit or not */
	assert_string_equal(val("four-tenths of a percent"), "0.4%/4");
	assert_string_equal(val("four-tenths of one per cent"), "0.4%/5");
	assert_string_equal(val("four-tenths percent"), "0.4%/2");
	assert_string_equal(val("three-hundredths"), "0.03/1");
	assert_string_equal(val("four-tenths of a mile"), "0.4 mi/4");
	assert_string_equal(val("four-tenths of the vote"), "0.4/1");
	assert_string_equal(val("one-third"), "(none)");
	assert_string_equal(val("5 km"), "5 km/2");
	assert_string_equal(val("5km"), "5 km/1");
	assert_string_equal(val("5 kilometres"), "5 km/2");
	assert_string_equal(val("5 kilometers"), "5 km/2");
	/* a 1.5 m wall is no 1.5 million */
	assert_string_equal(val_at("a 1.5 m wall", 1), "1.5 m/2");
	assert_string_equal(val_at("a 1.5 metre wall", 1), "1.5 m/2");
	assert_string_equal(val("1.5 million"), "1500000/2");
	/* a range is two values */
	assert_string_equal(val("5 to 7 km"), "5/1");
	assert_string_equal(val_at("5 to 7 km", 2), "7 km/2");
	/* "per" alone is no unit */
	assert_string_equal(val("13 per day"), "13/1");
}

/* Currencies: symbol or code before, name or code after. */
static void
currencies(void **state)
{
	(void)state;
	assert_string_equal(val("$1.5 million to"), "1500000 USD/3");
	assert_string_equal(val("1.5 million dollars to"), "1500000 USD/3");
	assert_string_equal(val("USD 1.5 million"), "1500000 USD/3");
	assert_string_equal(val("1.5 million USD"), "1500000 USD/3");
	assert_string_equal(val("$1,500,000"), "1500000 USD/2");
	assert_string_equal(val("£2bn"), "2000000000 GBP/2");
	assert_string_equal(val("2 billion pounds"), "2000000000 GBP/3");
	assert_string_equal(val("€3m"), "3000000 EUR/2");
	assert_string_equal(val("€3 m"), "3000000 EUR/3");
	assert_string_equal(val("3 million euros"), "3000000 EUR/3");
	assert_string_equal(val("EUR 3 million"), "3000000 EUR/3");
	/* the same currency twice is one value; two currencies are not */
	assert_string_equal(val("$5 million dollars"), "5000000 USD/4");
	assert_string_equal(val("$5 million euros"), "5000000 USD/3");
	/* a currency word with no number is no value */
	assert_string_equal(val("$ signs"), "(none)");
	assert_string_equal(val("dollars were"), "(none)");
	/* "usd" in lower case is no code */
	assert_string_equal(val("eur 3"), "(none)");
}

/* Dates in either order, months abbreviated or not, with or without the
 * day's suffix; the year is a number of its own. */
static void
dates(void **state)
{
	(void)state;
	assert_string_equal(val("27 August"), "@d8-27/2");
	assert_string_equal(val("August 27"), "@d8-27/2");
	assert_string_equal(val("Aug. 27"), "@d8-27/3");
	assert_string_equal(val("Aug 27th"), "@d8-27/2");
	assert_string_equal(val("27th of August"), "@d8-27/3");
	assert_string_equal(val("27 Aug"), "@d8-27/2");
	assert_string_equal(val("Sept. 3, 2026"), "@d9-3/3");
	assert_string_equal(val("3 September 2026"), "@d9-3/2");
	assert_string_equal(val("May 5"), "@d5-5/2");
	assert_string_equal(val("28 August"), "@d8-28/2");
	/* the day's numeral carries the date */
	assert_string_equal(val_at("on Aug. 27", 1), "@d8-27/3");
	/* no date */
	assert_string_equal(val("May we go"), "(none)");
	assert_string_equal(val("In May 2026"), "(none)");
	assert_string_equal(val_at("They may 5", 1), "(none)");
	assert_string_equal(val("5 march"), "5/1");
	assert_string_equal(val("32 August"), "32/1");
	assert_string_equal(val("August 2026"), "(none)");
	assert_string_equal(val("May 5 million"), "(none)");
	assert_string_equal(val("August"), "(none)");
}

/* Weekdays, full or abbreviated with their period. */
static void
weekdays(void **state)
{
	(void)state;
	assert_string_equal(val("Monday"), "@w1/1");
	assert_string_equal(val("Mon. 9:30"), "@w1/2");
	assert_string_equal(val("Tues. night"), "@w2/2");
	assert_string_equal(val("Sunday"), "@w7/1");
	assert_string_equal(val("Sun."), "@w7/2");
	assert_string_equal(val("Sun rose"), "(none)");
	assert_string_equal(val("monday"), "(none)");
	assert_string_equal(val("Wed"), "(none)");
}

/* The cheap first test, per token. */
static int
may(const char *s)
{
	struct text t;
	struct text_where where;
	struct toklist l;
	struct intern *in = intern_new();
	assert_non_null(in);
	memset(&l, 0, sizeof l);
	assert_int_equal(
	        text_from_memory(&t, "t", s, strlen(s), TEXT_LAX, &where),
	        TEXT_OK);
	assert_int_equal(tok_split(&t, in, 0, &l), 0);
	int r = value_may_start(&t, &l.v[0]);
	tok_free(&l);
	intern_free(in);
	text_done(&t);
	return r;
}

static void
may_start(void **state)
{
	(void)state;
	assert_int_equal(may("12"), VALUE_START_ANY);
	assert_int_equal(may("twelve"), VALUE_START_ANY);
	assert_int_equal(may("$"), VALUE_START_ANY);
	assert_int_equal(may("€"), VALUE_START_ANY);
	assert_int_equal(may("USD"), VALUE_START_ANY);
	assert_int_equal(may("may"), VALUE_START_CAPITAL);
	assert_int_equal(may("Aug"), VALUE_START_CAPITAL);
	assert_int_equal(may("Mon"), VALUE_START_CAPITAL);
	assert_int_equal(may("the"), VALUE_START_NEVER);
	assert_int_equal(may("percent"), VALUE_START_NEVER);
	assert_int_equal(may(","), VALUE_START_NEVER);
}

/* Where the value stops: the end given, and a blank line. */
static void
edges(void **state)
{
	(void)state;
	assert_string_equal(val("16\n\nmillion"), "16/1");
	assert_string_equal(val("Aug.\n\n27"), "(none)");
	/* hidden characters (a bidirectional override) are read through,
	 * as the comparison flags them apart; not without end */
	assert_string_equal(val("15\u202c percent"), "15%/3");
	assert_string_equal(val("Aug\u202c. 27"), "@d8-27/4");
	assert_string_equal(val("15\u202c\u202c\u202c\u202c\u202c\u202c"
	                        "\u202c\u202c percent"),
	                    "(none)");
	assert_string_equal(val("15\u202c"), "15/1");
	assert_string_equal(val("$"), "(none)");
	assert_string_equal(val("."), "(none)");
	/* a number too long for a key is not read */
	assert_string_equal(
	        val("1234567890123456789012345678901234567890 trillion"),
	        "(none)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(numbers),    cmocka_unit_test(amounts),
	        cmocka_unit_test(currencies), cmocka_unit_test(dates),
	        cmocka_unit_test(weekdays),   cmocka_unit_test(may_start),
	        cmocka_unit_test(edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
