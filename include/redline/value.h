/* value.h - one normaliser for values written over a run of tokens:
 * numbers with their scale ("16 million", "16.0m", "16mn", "16,000,000"),
 * percentages ("13%", "13 per cent"), amounts of money ("$1.5 million",
 * "1.5 million dollars", "USD 1.5 million"), simple units ("5 km", "5
 * kilometres"), dates ("27 August", "Aug. 27", "August 27th") and
 * weekdays ("Mon.", "Monday").  Each value read gets a canonical key, the
 * same however the value is written, so that the alignment can compare
 * values and not their spellings.
 *
 * The words are data files (data/en/currencies.txt, scales.txt,
 * units.txt, dates.txt; number words: numbers.txt through lexicon.h),
 * compiled in at build time.  English only.
 */
#ifndef REDLINE_VALUE_H
#define REDLINE_VALUE_H

#include <stddef.h>
#include <stdint.h>

#include "redline/text.h"
#include "redline/token.h"

#define VALUE_KEY_MAX  48 /* bytes of a canonical key, at most */
#define VALUE_SPAN_MAX 8  /* tokens of one value, at most */

enum value_kind {
	VALUE_NUMBER = 1, /* a number, maybe with a scale: "16", "1500000" */
	VALUE_AMOUNT,     /* with a unit or a currency: "13%", "1500000 USD" */
	VALUE_DATE,       /* a day of a month, no year: "@d8-27"; a month
	                     before a year: "@m5" */
	VALUE_WEEKDAY     /* "@w1" (Monday) to "@w7" */
};

struct value {
	char key[VALUE_KEY_MAX]; /* canonical form, NUL-terminated */
	size_t len;              /* its length */
	uint32_t n;              /* tokens spanned, 1 to VALUE_SPAN_MAX */
	uint32_t head; /* the token that stands for the value, counted from
	                  the first: its first numeral, else its first word */
	int kind;      /* enum value_kind */
	unsigned own;  /* bit j: token j of the span is a word in its own
	                  right, neither the head nor a scale word: a month,
	                  a unit or currency word ("August", "percent") */
};

/* What value_may_start says of a token. */
enum value_start {
	VALUE_START_NEVER = 0,  /* no value starts with it */
	VALUE_START_ANY = 1,    /* a numeral, number word or currency */
	VALUE_START_CAPITAL = 2 /* a month or weekday: only capitalised */
};

/* A cheap first test: whether token k of text t could start a value, an
 * enum value_start.  Ignores ASCII case, so a caller may keep the answer
 * per distinct token, or per token folded to lower case, and test the
 * capital (TOK_F_UPPER) of VALUE_START_CAPITAL itself. */
int value_may_start(const struct text *t, const struct tok *k);

/* 1 when token j of l (the tokens of t) is a unit's word, no name of
 * anyone's: a word of the unit list ("Fahrenheit", "percent"), or "F" or
 * "C" after a degree sign; else 0. */
int value_unit_word(const struct text *t, const struct toklist *l, size_t j);

/* Read the value starting at token i of l (the tokens of t), using no
 * token at or past end (end <= l->n) and none after a blank line.  On a
 * value, fills *v and returns the tokens it spans (v->n); else returns 0
 * and *v is undefined.  Canonical keys:
 *  - a number: its digits, no group separators, no leading zeros, no
 *    trailing zeros after the point (16.0 = 16), a scale applied
 *    (1.5 billion = 1500000000), an ordinal suffix dropped (27th = 27);
 *  - an amount: the number, then "%" for a percentage (13%), else a space
 *    and the unit (5 km, 1.5 m) or ISO 4217 code (1500000 USD); a fraction
 *    in words that is of no unit is a percentage ("one-fifth": 20%);
 *  - a date: "@d" month "-" day (@d8-27), the year, if any, a number of
 *    its own; a month before a year with no day, "@m" and the month
 *    ("May 2027": @m5, then the number 2027);
 *  - a weekday: "@w" and its number, Monday 1 (@w1).
 * Number words in a row, joined by hyphens or not, are one number
 * ("two hundred million", "nineteen sixty-seven", "one hundred and
 * five"), and a numeral with words joined on by a hyphen is its number
 * ("97-year": 97).  Not read as values (0): a number word alone
 * ("twelve": lexicon.h gives its value), a numeral that is no plain
 * decimal number ("9:30", "1990s"), a month without a day or a year next
 * to it ("in May"), a lower-case month or weekday ("may", "march"), an
 * abbreviated weekday without its period. */
size_t value_read(const struct text *t, const struct toklist *l, size_t i,
                  size_t end, struct value *v);

/* Whether told is exact rounded to fewer significant digits, both
 * canonical keys of value_read of one unit (or none): down (dir < 0, as
 * "more than" gives it), up (dir > 0, as "up to"), or to the nearest,
 * half up (dir == 0, as "about": 9800000 told as 10000000), and off by at
 * most a tenth of exact.  0 for equal keys, dates and weekdays, and keys
 * of different units. */
int value_rounds(const char *exact, const char *told, int dir);

#endif
