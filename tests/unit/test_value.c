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

/* A case of the value read: the text, the token it is read at, and what
 * is read there, as val_at gives it. */
struct vcase {
	const char *text;
	size_t at;
	const char *want;
};

#define NCASES(cases) (sizeof(cases) / sizeof *(cases))

static void
check_value(const struct vcase *c)
{
	const char *got = val_at(c->text, c->at);

	if (strcmp(got, c->want) != 0)
		print_error("value read in \"%s\" at token %zu\n", c->text,
		            c->at);
	assert_string_equal(got, c->want);
}

/* Scale words and suffixes, decimals, group separators. */
static const struct vcase numbers_cases[] = {
        {"16 million people", 0, "16000000/2"},
        {"16.0m people", 0, "16000000/1"},
        {"16,000,000 people", 0, "16000000/1"},
        {"16mn people", 0, "16000000/1"},
        {"1.5 billion", 0, "1500000000/2"},
        {"1.5bn", 0, "1500000000/1"},
        {"2.75 trillion", 0, "2750000000000/2"},
        {"5k runners", 0, "5000/1"},
        {"two million", 0, "2000000/2"},
        {"16.0", 0, "16/1"},
        {"16", 0, "16/1"},
        {"1.50", 0, "1.5/1"},
        {"0.4", 0, "0.4/1"},
        {"0.04", 0, "0.04/1"},
        {"0.0040", 0, "0.004/1"},
        {"00.50", 0, "0.5/1"},
        {"100", 0, "100/1"},
        {"0", 0, "0/1"},
        {"0 million", 0, "0/2"},
        {"0.04 million", 0, "40000/2"},
        {"007", 0, "7/1"},
        {"7,600.5", 0, "7600.5/1"},
        {"6th", 0, "6/1"},
        /* no plain number: left to the word-by-word value (lexicon.h) */
        {"9:30", 0, "(none)"},
        {"1990s", 0, "(none)"},
        {"4x4", 0, "(none)"},
        {"3-2 win", 0, "(none)"},
        {"1.5.2", 0, "(none)"},
        /* a number word alone is the lexicon's; beside a scale or unit, ours */
        {"twelve schools", 0, "(none)"},
        {"twelve", 0, "(none)"},
        /* tens and ones joined by a hyphen */
        {"twenty-five", 0, "25/1"},
        {"ninety-nine percent", 0, "99%/2"},
        {"seven-year", 0, "(none)"},
        {"twenty-zero", 0, "(none)"},
        {"five-six", 0, "(none)"},
        /* longer chains in English order, years told in pairs, and a
         * scale or unit joined on (as VOA's Special English writes) */
        {"two-thousand-one", 0, "2001/1"},
        {"two-thousand-twenty-four", 0, "2024/1"},
        {"three-hundred", 0, "300/1"},
        {"nine-hundred-ninety-nine", 0, "999/1"},
        {"three-thousand-five-hundred", 0, "3500/1"},
        {"fifteen-hundred", 0, "1500/1"},
        {"nineteen-seventy-one", 0, "1971/1"},
        {"nineteen-ninety", 0, "1990/1"},
        {"twenty-twenty", 0, "2020/1"},
        {"ten-million people", 0, "10000000/1"},
        {"about three-million", 1, "3000000/1"},
        {"seventy-percent", 0, "70%/1"},
        {"fifty-three-percent", 0, "53%/1"},
        {"fifty-fifty", 0, "(none)"},
        {"one-two", 0, "(none)"},
        {"five-hundred-hundred", 0, "(none)"},
        {"thousand-thousand", 0, "(none)"},
        {"seven-year-old", 0, "(none)"},
        /* number words with spaces between are one number, as joined by
         * hyphens; a scale after them scales the whole */
        {"two hundred", 0, "200/2"},
        {"two hundred million people", 0, "200000000/3"},
        {"two hundred million", 0, "200000000/3"},
        {"nineteen sixty-seven", 0, "1967/2"},
        {"in nineteen seventy one", 1, "1971/3"},
        {"twenty twenty", 0, "2020/2"},
        {"two thousand seven", 0, "2007/3"},
        {"one hundred and five", 0, "105/4"},
        {"one hundred and fifty thousand dollars", 0, "150000 USD/6"},
        {"twenty five percent", 0, "25%/3"},
        {"fifty-two thousand", 0, "52000/2"},
        {"three hundred and", 0, "300/2"},
        /* what does not read as one number stays as it was */
        {"five six", 0, "(none)"},
        {"one two three", 0, "(none)"},
        {"eleven thirty", 0, "(none)"},
        {"two and three", 0, "(none)"},
        {"ten million twenty", 0, "10000000/2"},
        /* a numeral with words joined on by a hyphen: the number, and a
         * scale or unit among the words is read as one */
        {"a 97-year sentence", 1, "97/1"},
        {"a 10-year-old", 1, "10/1"},
        {"24-hour", 0, "24/1"},
        {"10-percent rise", 0, "10%/1"},
        {"5-million", 0, "5000000/1"},
        {"2002-06-19", 0, "(none)"},
        {"3-D", 0, "(none)"},
};

static void
numbers(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCASES(numbers_cases); i++)
		check_value(&numbers_cases[i]);
}

/* Percentages and units; "m" alone is a metre. */
static const struct vcase amounts_cases[] = {
        {"13% on", 0, "13%/2"},
        {"13 per cent on", 0, "13%/3"},
        {"13 percent", 0, "13%/2"},
        {"thirteen per cent", 0, "13%/3"},
        {"13 pct", 0, "13%/2"},
        {"0.4 percent", 0, "0.4%/2"},
        /* a percentage point is written as a percent; a basis point is
         * a hundredth of one */
        {"2 percentage points higher", 0, "2%/3"},
        {"by 75 basis points to", 1, "0.75%/3"},
        {"1 basis point", 0, "0.01%/3"},
        {"twenty-five basis points", 0, "0.25%/3"},
        /* a rate's fraction of a point in words, and a whole number
         * with a fraction ("three and one quarter percent") */
        {"by a quarter point to", 2, "0.25%/2"},
        {"by one quarter point to", 1, "0.25%/3"},
        {"the quarter-point rise", 1, "0.25%/1"},
        {"by half a percentage point", 1, "0.5%/4"},
        {"half a million", 0, "(none)"},
        {"a quarter of a point", 1, "0.25%/4"},
        {"one-half point", 0, "0.5%/2"},
        {"to three and one quarter percent", 1, "3.25%/5"},
        {"six and seven-tenths percent", 0, "6.7%/4"},
        {"four and a half million", 0, "4500000/5"},
        {"two and a half", 0, "2.5/4"},
        /* ... but a fraction in words with no unit is none ("a quarter
         * of them"), nor is a quarter of a year */
        {"a quarter of the population", 1, "(none)"},
        {"in the first quarter", 3, "(none)"},
        {"a quarter century", 0, "(none)"},
        /* a whole number and a fraction ("3-1/2"), and a decimal with
         * no zero before its point (".25%") */
        {"to 4-1/2 percent.", 1, "4.5%/4"},
        {"to 3 1/2 percent.", 1, "3.5%/5"},
        {"points (.25%) to", 3, "0.25%/2"},
        {"(.25 percent)", 2, "0.25%/2"},
        /* ... its denominator is no value of its own; a fraction alone
         * is a share, as "one-quarter" is */
        {"to 4-1/2 percent.", 3, "(none)"},
        {"1/4 of the vote", 0, "25%/3"},
        {"3/4 of a mile", 0, "0.75 mi/6"},
        /* no fraction: a date, "24/7", a third, a point that ends a
         * sentence */
        {"on 6/19/2002 at", 1, "6/1"},
        {"24/7 service", 0, "24/1"},
        {"a 1/3 share", 1, "1/1"},
        {"the end.25 people", 3, "25/1"},
        /* fractions in words, of a unit or not */
        {"four-tenths of a percent", 0, "0.4%/4"},
        {"four-tenths of one per cent", 0, "0.4%/5"},
        {"four-tenths percent", 0, "0.4%/2"},
        {"four-tenths of a mile", 0, "0.4 mi/4"},
        /* a fraction alone is a share, as a percentage is */
        {"three-hundredths", 0, "3%/1"},
        {"four-tenths of the vote", 0, "40%/1"},
        {"one-fifth of exports", 0, "20%/1"},
        {"three-quarters", 0, "75%/1"},
        {"one-half", 0, "50%/1"},
        {"seven-eighths", 0, "87.5%/1"},
        {"one-fifth of a percent", 0, "0.2%/4"},
        {"one-third", 0, "(none)"},
        /* temperatures: a degree sign and its scale */
        {"55.3\xc2\xb0"
         "F above",
         0,
         "55.3 \xc2\xb0"
         "F/3"},
        {"55.3\xc2\xb0 Fahrenheit", 0,
         "55.3 \xc2\xb0"
         "F/3"},
        {"55.3 degrees Fahrenheit", 0,
         "55.3 \xc2\xb0"
         "F/3"},
        {"20\xc2\xb0"
         "C",
         0,
         "20 \xc2\xb0"
         "C/3"},
        {"20\xc2\xb0 in the shade", 0, "20 \xc2\xb0/2"},
        {"5 km", 0, "5 km/2"},
        {"5km", 0, "5 km/1"},
        {"5 kilometres", 0, "5 km/2"},
        {"5 kilometers", 0, "5 km/2"},
        /* a 1.5 m wall is no 1.5 million */
        {"a 1.5 m wall", 1, "1.5 m/2"},
        {"a 1.5 metre wall", 1, "1.5 m/2"},
        {"1.5 million", 0, "1500000/2"},
        /* a range is two values */
        {"5 to 7 km", 0, "5/1"},
        {"5 to 7 km", 2, "7 km/2"},
        /* "per" alone is no unit */
        {"13 per day", 0, "13/1"},
};

static void
amounts(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCASES(amounts_cases); i++)
		check_value(&amounts_cases[i]);
}

/* Currencies: symbol or code before, name or code after. */
static const struct vcase currencies_cases[] = {
        {"$1.5 million to", 0, "1500000 USD/3"},
        {"1.5 million dollars to", 0, "1500000 USD/3"},
        {"USD 1.5 million", 0, "1500000 USD/3"},
        {"1.5 million USD", 0, "1500000 USD/3"},
        {"$1,500,000", 0, "1500000 USD/2"},
        {"£2bn", 0, "2000000000 GBP/2"},
        {"2 billion pounds", 0, "2000000000 GBP/3"},
        {"€3m", 0, "3000000 EUR/2"},
        {"€3 m", 0, "3000000 EUR/3"},
        {"3 million euros", 0, "3000000 EUR/3"},
        {"EUR 3 million", 0, "3000000 EUR/3"},
        /* the same currency twice is one value; two currencies are not */
        {"$5 million dollars", 0, "5000000 USD/4"},
        {"$5 million euros", 0, "5000000 USD/3"},
        /* a currency word with no number is no value */
        {"$ signs", 0, "(none)"},
        {"dollars were", 0, "(none)"},
        /* "usd" in lower case is no code */
        {"eur 3", 0, "(none)"},
};

static void
currencies(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCASES(currencies_cases); i++)
		check_value(&currencies_cases[i]);
}

/* Dates in either order, months abbreviated or not, with or without the
 * day's suffix; the year is a number of its own. */
static const struct vcase dates_cases[] = {
        {"27 August", 0, "@d8-27/2"},
        {"August 27", 0, "@d8-27/2"},
        {"Aug. 27", 0, "@d8-27/3"},
        {"Aug 27th", 0, "@d8-27/2"},
        {"27th of August", 0, "@d8-27/3"},
        {"27 Aug", 0, "@d8-27/2"},
        {"Sept. 3, 2026", 0, "@d9-3/3"},
        {"3 September 2026", 0, "@d9-3/2"},
        {"May 5", 0, "@d5-5/2"},
        {"28 August", 0, "@d8-28/2"},
        /* the day's numeral carries the date */
        {"on Aug. 27", 1, "@d8-27/3"},
        /* no date */
        {"May we go", 0, "(none)"},
        {"In May 2026", 0, "(none)"},
        {"They may 5", 1, "(none)"},
        {"5 march", 0, "5/1"},
        {"32 August", 0, "32/1"},
        /* a month before a year: the month a value, the year a number */
        {"August 2026", 0, "@m8/1"},
        {"In May 2026", 1, "@m5/1"},
        {"August 2026", 1, "2026/1"},
        {"August 26000", 0, "(none)"},
        {"May 5 million", 0, "(none)"},
        {"August", 0, "(none)"},
};

static void
dates(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCASES(dates_cases); i++)
		check_value(&dates_cases[i]);
}

/* Weekdays, full or abbreviated with their period. */
static const struct vcase weekdays_cases[] = {
        {"Monday", 0, "@w1/1"},      {"Mon. 9:30", 0, "@w1/2"},
        {"Tues. night", 0, "@w2/2"}, {"Sunday", 0, "@w7/1"},
        {"Sun.", 0, "@w7/2"},        {"Sun rose", 0, "(none)"},
        {"monday", 0, "(none)"},     {"Wed", 0, "(none)"},
};

static void
weekdays(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCASES(weekdays_cases); i++)
		check_value(&weekdays_cases[i]);
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

/* A case of the cheap first test: a token and what the test says. */
struct mcase {
	const char *text;
	int want;
};

static void
check_may(const struct mcase *c)
{
	int got = may(c->text);

	if (got != c->want)
		print_error("the first test on \"%s\"\n", c->text);
	assert_int_equal(got, c->want);
}

static const struct mcase may_cases[] = {
        /* a number, a number word, a currency: anywhere */
        {"12", VALUE_START_ANY},
        {"twelve", VALUE_START_ANY},
        {"$", VALUE_START_ANY},
        {"€", VALUE_START_ANY},
        {"USD", VALUE_START_ANY},
        /* a month or a weekday: capitalised only */
        {"may", VALUE_START_CAPITAL},
        {"Aug", VALUE_START_CAPITAL},
        {"Mon", VALUE_START_CAPITAL},
        /* never */
        {"the", VALUE_START_NEVER},
        {"percent", VALUE_START_NEVER},
        {",", VALUE_START_NEVER},
};

static void
may_start(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCASES(may_cases); i++)
		check_may(&may_cases[i]);
}

/* Where the value stops: the end given, and a blank line. */
static const struct vcase edges_cases[] = {
        {"16\n\nmillion", 0, "16/1"},
        {"Aug.\n\n27", 0, "(none)"},
        /* hidden characters (a bidirectional override) are read through,
         * as the comparison flags them apart; not without end */
        {"15\u202c percent", 0, "15%/3"},
        {"Aug\u202c. 27", 0, "@d8-27/4"},
        {"15\u202c\u202c\u202c\u202c\u202c\u202c"
         "\u202c\u202c percent",
         0, "(none)"},
        {"15\u202c", 0, "15/1"},
        {"$", 0, "(none)"},
        {".", 0, "(none)"},
        /* a number too long for a key is not read */
        {"1234567890123456789012345678901234567890 trillion", 0, "(none)"},
};

static void
edges(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCASES(edges_cases); i++)
		check_value(&edges_cases[i]);
}

/* Roundings a story tells with "about", "more than", "up to", and
 * figures that are no rounding of the statement's. */
static const struct {
	const char *exact, *told;
	int dir, want;
} rounds_cases[] = {
        {"9800000", "10000000", 0, 1}, /* 9.8 million: about 10 */
        {"9800000", "9000000", -1, 1}, /* more than 9 million */
        {"1450", "1000", -1, 0},       /* off by more than a tenth */
        {"9800000", "9000000", 0, 0},  /* not the nearest */
        {"424000000 USD", "400000000 USD", 0, 1},
        {"424000000 USD", "400000000 USD", -1, 1}, /* more than 400 */
        {"424000000 USD", "400000000 USD", 1, 0},  /* up to 400: false */
        {"424000000 USD", "400000000", 0, 0},      /* another unit */
        {"24.6%", "25%", 0, 1},
        {"24.6%", "24%", -1, 1},
        {"24.6%", "25%", 1, 1},
        {"0.0046", "0.005", 0, 1},
        {"996", "1000", 0, 1}, /* the carry: 996 to 1,000 */
        {"14", "10", 0, 0},    /* 29 % off: no rounding */
        {"980", "980", 0, 0},  /* equal: nothing to round */
        {"98", "980", 0, 0},   /* another magnitude */
        {"1000", "980", 0, 0}, /* more digits than the exact figure */
        {"@d8-27", "@d8-30", 0, 0},
        {"9850", "9800", 0, 0}, /* half up: 9,900 */
        {"9850", "9900", 0, 1},
};

static void
rounds(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCASES(rounds_cases); i++) {
		int got =
		        value_rounds(rounds_cases[i].exact,
		                     rounds_cases[i].told, rounds_cases[i].dir);
		if (got != rounds_cases[i].want)
			fail_msg("%s told as %s (%d): %d, want %d",
			         rounds_cases[i].exact, rounds_cases[i].told,
			         rounds_cases[i].dir, got,
			         rounds_cases[i].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(numbers),    cmocka_unit_test(amounts),
	        cmocka_unit_test(currencies), cmocka_unit_test(dates),
	        cmocka_unit_test(weekdays),   cmocka_unit_test(may_start),
	        cmocka_unit_test(edges),      cmocka_unit_test(rounds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
