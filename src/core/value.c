/* value.c - the value normaliser (value.h): reads a number, amount, date
 * or weekday over a run of tokens and gives its canonical key.
 *
 * Owns the value word lists (data/en/currencies.txt, scales.txt,
 * units.txt, dates.txt), turned into sorted C initialisers by the
 * Makefile (one .inc each in $(BUILD)/gen/) and searched with bsearch.
 */
#include "redline/value.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/lexicon.h"
#include "redline/uni.h"

#define DEGREE "\xc2\xb0" /* U+00B0, the degree sign, in UTF-8 */

struct entry {
	const char *word, *value;
};

static const struct entry currencies[] = {
#include "currencies.inc"
};
static const struct entry scales[] = {
#include "scales.inc"
};
static const struct entry units[] = {
#include "units.inc"
};
static const struct entry dates[] = {
#include "dates.inc"
};

#define WORD_MAX 48 /* bytes of a word looked up, at most */
_Static_assert(WORD_MAX % 8 == 0, "lower's steps end by WORD_MAX");

struct key {
	const char *w;
	size_t n;
};

static int
by_word(const void *k, const void *e)
{
	const struct key *q = k;
	return lex_order(q->w, q->n, ((const struct entry *)e)->word);
}

/* The lists' indices in filtered and filter: FILTER_ and the list's name. */
enum {
	FILTER_currencies,
	FILTER_scales,
	FILTER_units,
	FILTER_dates,
	NFILTERED
};

#define FIND(table, w, n)                                                      \
	find(table, sizeof table / sizeof *table, FILTER_##table, w, n)

/* A filter of each list's words by their length and first and last bytes
 * (lex_filter_bit), made once: most words asked about (every distinct word of
 * a text, three searches each in value_may_start) are in no list, and a
 * clear bit says so without the binary search, some 10 instructions for
 * some 190.  Each search names its list's filter (FIND), so no search
 * looks for it. */
static const struct entry *const filtered[NFILTERED] = {
        [FILTER_currencies] = currencies,
        [FILTER_scales] = scales,
        [FILTER_units] = units,
        [FILTER_dates] = dates};
static const size_t filtered_n[NFILTERED] = {
        [FILTER_currencies] = sizeof currencies / sizeof *currencies,
        [FILTER_scales] = sizeof scales / sizeof *scales,
        [FILTER_units] = sizeof units / sizeof *units,
        [FILTER_dates] = sizeof dates / sizeof *dates};
static uint64_t filter[NFILTERED][LEX_FILTER_BITS / 64];
static pthread_once_t filter_once = PTHREAD_ONCE_INIT;
static atomic_int filter_ready; /* filter is filled (filter_fill): one
                                   load a search, where pthread_once's
                                   call would spill the caller's
                                   registers */

static void
filter_fill(void)
{
	for (size_t t = 0; t < NFILTERED; t++)
		for (size_t i = 0; i < filtered_n[t]; i++) {
			const char *w = filtered[t][i].word;
			size_t n = strlen(w);
			if (n) {
				unsigned b = lex_filter_bit(w, n);
				filter[t][b / 64] |= (uint64_t)1 << (b % 64);
			}
		}
	atomic_store_explicit(&filter_ready, 1, memory_order_release);
}

/* Whether filter is filled, filling it the first time. */
static __attribute__((noinline)) int
filter_start(void)
{
	return pthread_once(&filter_once, filter_fill) == 0 &&
	       atomic_load_explicit(&filter_ready, memory_order_acquire);
}

/* The value of w[0..n) in list tab (ntab entries), or NULL: the binary
 * search, kept out of find so that a word its filter turns away costs
 * no more than the filter. */
static __attribute__((noinline)) const char *
search(const struct entry *tab, size_t ntab, const char *w, size_t n)
{
	struct key k = {w, n};
	const struct entry *e = bsearch(&k, tab, ntab, sizeof *tab, by_word);
	return e ? e->value : NULL;
}

/* The value of w[0..n) in list tab (ntab entries, filter f of filter),
 * or NULL. */
static inline const char *
find(const struct entry *tab, size_t ntab, size_t f, const char *w, size_t n)
{
	if (n && (atomic_load_explicit(&filter_ready, memory_order_acquire) ||
	          filter_start())) {
		unsigned b = lex_filter_bit(w, n);
		if (!(filter[f][b / 64] >> (b % 64) & 1))
			return NULL;
	}
	return search(tab, ntab, w, n);
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Token k's bytes in ASCII lower case into w (room for WORD_MAX), and
 * their length; 0 when longer.  Eight bytes a step while the text (with
 * its NUL after it) has them: a step that starts inside the word ends by
 * WORD_MAX, and w's bytes from the length on may then hold what follows
 * the word. */
static size_t
lower(const struct text *t, const struct tok *k, char *w)
{
	size_t n = k->slen, i = 0;
	if (n == 0 || n >= WORD_MAX)
		return 0;
	const unsigned char *s = t->buf + k->off;
	size_t room = t->len + 1 - k->off;
	for (; i < n && i + 8 <= room; i += 8)
		uni_lower8(s + i, w + i);
	for (; i < n; i++)
		w[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a'
		                                         : s[i]);
	return n;
}

static int
upper_initial(const struct text *t, const struct tok *k)
{
	unsigned char c = t->buf[k->off];
	return c >= 'A' && c <= 'Z';
}

/* Is token j of l a period alone? */
static int
is_period(const struct text *t, const struct toklist *l, size_t j)
{
	return l->v[j].kind == TOK_PUNCT && l->v[j].slen == 1 &&
	       t->buf[l->v[j].off] == '.';
}

/* ---- numbers ---------------------------------------------------------- */

/* A number as its significant digits d[0..n) times ten to the exp. */
struct num {
	char d[VALUE_KEY_MAX];
	size_t n;
	int exp;
};

/* Read the numeral w[0..len): digits, maybe grouped by commas in threes
 * (7,600), maybe a point and more digits; then in *suf[0..*slen) what
 * follows (a suffix: "th", "m", "km"; after a hyphen, the words joined on:
 * "year" of "97-year", "percent" of "10-percent", and then (*suf)[-1] is
 * the hyphen).  0 when it is no such numeral. */
static int
numeral(const char *w, size_t len, struct num *x, const char **suf,
        size_t *slen)
{
	size_t i = 0, run = 0;
	int point = 0, grouped = 0;

	x->n = 0;
	x->exp = 0;
	for (; i < len; i++) {
		char c = w[i];
		if (is_digit(c)) {
			if (x->n == sizeof x->d)
				return 0;
			x->d[x->n++] = c;
			run++;
			if (point)
				x->exp--;
			continue;
		}
		if (c == ',' && !point && run >= 1 && run <= 3 &&
		    (!grouped || run == 3) && i + 3 < len &&
		    is_digit(w[i + 1]) && is_digit(w[i + 2]) &&
		    is_digit(w[i + 3]) &&
		    (i + 4 == len || !is_digit(w[i + 4]))) {
			/* a group separator: before exactly three digits */
			grouped = 1;
			run = 0;
			continue;
		}
		if (c == '.' && !point && (!grouped || run == 3) &&
		    i + 1 < len && is_digit(w[i + 1])) {
			point = 1;
			run = 0;
			continue;
		}
		break;
	}
	if (x->n == 0)
		return 0;
	/* words joined on by a hyphen ("97-year", "10-year-old"): letters
	 * and inner hyphens */
	int joined = i + 1 < len && w[i] == '-' && w[i + 1] >= 'a' &&
	             w[i + 1] <= 'z';
	i += joined;
	*suf = w + i;
	*slen = len - i;
	for (size_t k = i; k < len; k++)
		if (!(w[k] >= 'a' && w[k] <= 'z') &&
		    !(joined && w[k] == '-' && w[k - 1] != '-' && k + 1 < len))
			return 0; /* 9:30, 3-2, 1.5.2: no plain number */
	return 1;
}

/* The canonical digits of x (leading zeros and zeros after the point
 * dropped) into out (room for VALUE_KEY_MAX, NUL-terminated); their
 * length, or 0 when they do not fit. */
static size_t
num_format(struct num x, char *out)
{
	size_t s = 0, len = 0;

	while (x.n > 1 && x.d[x.n - 1] == '0' && x.exp < 0) {
		x.n--;
		x.exp++;
	}
	while (s + 1 < x.n && x.d[s] == '0' &&
	       (x.exp >= 0 || (long)(x.n - s) > -(long)x.exp))
		s++;
	const char *d = x.d + s;
	size_t n = x.n - s;
	if (x.exp >= 0) {
		if (n + (size_t)x.exp + 1 > VALUE_KEY_MAX)
			return 0;
		memcpy(out, d, n);
		len = n;
		if (!(n == 1 && d[0] == '0'))
			for (int e = 0; e < x.exp; e++)
				out[len++] = '0';
	} else {
		size_t frac = (size_t)-x.exp;
		if (frac >= n) { /* 0.004 */
			if (frac + 3 > VALUE_KEY_MAX)
				return 0;
			out[len++] = '0';
			out[len++] = '.';
			for (size_t z = n; z < frac; z++)
				out[len++] = '0';
			memcpy(out + len, d, n);
			len += n;
		} else {
			if (n + 2 > VALUE_KEY_MAX)
				return 0;
			memcpy(out, d, n - frac);
			len = n - frac;
			out[len++] = '.';
			memcpy(out + len, d + n - frac, frac);
			len += frac;
		}
	}
	out[len] = '\0';
	return len;
}

/* The power of ten a scale word (or, when suffix, a suffix) stands for:
 * 0 when it is none. */
static int
scale_of(const char *w, size_t n, int suffix)
{
	char buf[WORD_MAX + 1];
	const char *z = n ? FIND(scales, w, n) : NULL;
	if (!z && suffix && n && n < WORD_MAX) {
		buf[0] = '-';
		memcpy(buf + 1, w, n);
		z = FIND(scales, buf, n + 1);
	}
	return z ? atoi(z) : 0;
}

/* ---- reading ---------------------------------------------------------- */

/* A token that stops a value: at or past end, or after a blank line. */
static int
stop(const struct toklist *l, size_t j, size_t end)
{
	return j >= end || l->v[j].nl >= 2;
}

/* A token of hidden characters alone (uni_hidden: a bidirectional
 * override, a tag character): the value reads through it, as the
 * comparison shows it apart ("15<PDF> percent" is 15%). */
static int
hidden_token(const struct text *t, const struct tok *k)
{
	return k->kind != TOK_WORD && k->kind != TOK_NUMBER &&
	       uni_hidden_at(t->buf + k->off, k->slen) == 0; /* the first */
}

/* The token after token j, past any of hidden characters alone. */
static size_t
nx(const struct text *t, const struct toklist *l, size_t j, size_t end)
{
	for (j++; !stop(l, j, end) && hidden_token(t, &l->v[j]); j++)
		;
	return j;
}

/* A day of a month at token j: a numeral 1 to 31, no point, maybe with an
 * ordinal suffix (27th).  Its day in *day. */
static int
day_at(const struct text *t, const struct toklist *l, size_t j, size_t end,
       int *day)
{
	const struct tok *k;
	if (stop(l, j, end) || (k = &l->v[j])->kind != TOK_NUMBER ||
	    k->slen > 4)
		return 0;
	const char *w = (const char *)t->buf + k->off;
	size_t nd = 0;
	while (nd < k->slen && is_digit(w[nd]))
		nd++;
	if (nd == 0 || nd > 2)
		return 0;
	if (nd < k->slen) {
		if (k->slen - nd != 2)
			return 0;
		char a = (char)(w[nd] | 0x20), b = (char)(w[nd + 1] | 0x20);
		if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
		      (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
			return 0;
	}
	*day = nd == 1 ? w[0] - '0' : (w[0] - '0') * 10 + (w[1] - '0');
	return *day >= 1 && *day <= 31;
}

/* The month (1 to 12) a capitalised word at token j names, else 0. */
static int
month_at(const struct text *t, const struct toklist *l, size_t j, size_t end)
{
	char w[WORD_MAX];
	size_t n;
	const char *m;
	if (stop(l, j, end) || l->v[j].kind != TOK_WORD ||
	    !upper_initial(t, &l->v[j]) || !(n = lower(t, &l->v[j], w)) ||
	    !(m = FIND(dates, w, n)) || m[0] != 'm')
		return 0;
	return atoi(m + 1);
}

/* A unit word (or two) at token j: its unit in *u, the token after it in
 * *next; else 0.  Also a currency name or code ("dollars", "USD"). */
static int
unit_at(const struct text *t, const struct toklist *l, size_t j, size_t end,
        const char **u, size_t *next)
{
	char w[2 * WORD_MAX + 1];
	size_t n;
	if (stop(l, j, end))
		return 0;
	if (l->v[j].kind == TOK_PUNCT && l->v[j].slen == 1 &&
	    t->buf[l->v[j].off] == '%') {
		*u = "%";
		*next = nx(t, l, j, end);
		return 1;
	}
	/* a degree sign, and the scale after it: "55.3°F", "1.0° Fahrenheit"
	 * ("degrees Fahrenheit" is in the table) */
	if (l->v[j].kind != TOK_WORD && l->v[j].slen == 2 &&
	    !memcmp(t->buf + l->v[j].off, DEGREE, 2)) {
		size_t k = nx(t, l, j, end);
		*u = DEGREE;
		*next = k;
		if (!stop(l, k, end) && l->v[k].kind == TOK_WORD &&
		    (n = lower(t, &l->v[k], w))) {
			const char *z = FIND(units, w, n);
			if (n == 1 && (w[0] == 'f' || w[0] == 'c'))
				z = w[0] == 'f' ? DEGREE "F" : DEGREE "C";
			if (z && !strncmp(z, DEGREE, 2)) {
				*u = z;
				*next = nx(t, l, k, end);
			}
		}
		return 1;
	}
	if (l->v[j].kind != TOK_WORD || !(n = lower(t, &l->v[j], w)))
		return 0;
	/* two words: "per cent" */
	size_t k = nx(t, l, j, end);
	if (!stop(l, k, end) && l->v[k].kind == TOK_WORD) {
		size_t m = lower(t, &l->v[k], w + n + 1);
		w[n] = ' ';
		if (m && (*u = FIND(units, w, n + 1 + m))) {
			*next = nx(t, l, k, end);
			return 1;
		}
	}
	*next = k;
	return (*u = FIND(units, w, n)) != NULL ||
	       (*u = FIND(currencies, w, n)) != NULL;
}

/* A currency written before a number at token j: a symbol or a code
 * (not a name: "dollar 5" is no way to write it); its code in *u. */
static int
currency_before(const struct text *t, const struct toklist *l, size_t j,
                size_t end, const char **u)
{
	char w[WORD_MAX];
	size_t n;
	const struct tok *k;
	if (stop(l, j, end) || (k = &l->v[j])->kind == TOK_NUMBER ||
	    !(n = lower(t, k, w)) || !(*u = FIND(currencies, w, n)))
		return 0;
	/* a code is in capitals (USD), a symbol is no word */
	return k->kind != TOK_WORD || (n == 3 && upper_initial(t, k));
}

/* A number written as words joined by hyphens, w[0..n) in lower case:
 * its value in *val, and in *suffix where a last part that is no number
 * word begins (n when every part is one).  English order: tens before
 * ones ("twenty-five"), a hundred after a digit ("three-hundred"), a
 * thousand after up to three digits' worth ("two-thousand-ten"); else a
 * year told in two pairs ("nineteen-seventy-one" 1971, "twenty-twenty"
 * 2020).  Two parts or more, the first a number word; 1 when it reads
 * so, else 0 ("five-six", "twenty-zero", "fifty-fifty"; "seven-year"
 * reads as 7 with the suffix "year", which no caller takes).  A year in
 * pairs starts at year_min or later (eleven to twenty). */
static int
compound(const char *w, size_t n, long year_min, long *val, size_t *suffix)
{
	long v[8];
	size_t nv = 0, at = 0;

	*suffix = n;
	while (at < n) {
		const char *h = memchr(w + at, '-', n - at);
		size_t len = (h ? (size_t)(h - w) : n) - at;
		char d[8];
		size_t nd = len ? lex_number(w + at, len, d, sizeof d) : 0;
		if (nd && nv == sizeof v / sizeof *v)
			return 0; /* too many parts for a number */
		if (!nd) {
			/* a last part that is no number word: the suffix */
			if (h || !len || nv == 0)
				return 0;
			*suffix = at;
			break;
		}
		long x = 0;
		for (size_t i = 0; i < nd; i++)
			x = x * 10 + (d[i] - '0');
		v[nv++] = x;
		at += len + (h != NULL);
	}
	if (nv == 0 || (nv == 1 && *suffix == n))
		return 0;
	/* the usual order: total, and the group below a thousand (cur) */
	long total = 0, cur = 0;
	int last = 0; /* 0 start, 1 ones, 2 teen, 3 tens, 4 hundred, 5 k */
	int ok = 1;
	for (size_t i = 0; i < nv && ok; i++) {
		long x = v[i];
		if (x == 100) {
			ok = (last == 1 || last == 2 || last == 0) && cur < 100;
			cur = (cur ? cur : 1) * 100;
			last = 4;
		} else if (x == 1000) {
			ok = last != 5 && cur < 1000;
			total += (cur ? cur : 1) * 1000;
			cur = 0;
			last = 5;
		} else if (x >= 1 && x <= 9) {
			ok = last == 0 || last == 3 || last == 4 || last == 5;
			cur += x;
			last = 1;
		} else if (x >= 10 && x <= 19) {
			ok = last == 0 || last == 4 || last == 5;
			cur += x;
			last = 2;
		} else if (x >= 20 && x <= 90 && x % 10 == 0) {
			ok = last == 0 || last == 4 || last == 5;
			cur += x;
			last = 3;
		} else {
			ok = 0;
		}
	}
	if (ok) {
		*val = total + cur;
		return 1;
	}
	/* a year in two pairs: eleven to twenty, then ten to ninety-nine */
	if (nv < 2 || nv > 3 || v[0] < year_min || v[0] > 20)
		return 0;
	long rest = v[1];
	if (nv == 3) {
		if (v[1] < 20 || v[1] > 90 || v[1] % 10 || v[2] < 1 || v[2] > 9)
			return 0;
		rest += v[2];
	} else if (v[1] < 10 || v[1] > 99 || (v[1] >= 20 && v[1] % 10)) {
		return 0;
	}
	*val = v[0] * 100 + rest;
	return 1;
}

/* The number at token j (a numeral, or a number word): into *x, with the
 * suffix of a numeral in *suf.  *word: it was a number word. */
static int
number_at(const struct text *t, const struct toklist *l, size_t j, size_t end,
          struct num *x, const char **suf, size_t *slen, int *word)
{
	const struct tok *k;
	*word = 0;
	if (stop(l, j, end))
		return 0;
	k = &l->v[j];
	if (k->kind == TOK_NUMBER)
		return numeral((const char *)t->buf + k->off, tok_len(l, j), x,
		               suf, slen);
	char w[WORD_MAX + 1];
	size_t n;
	if (k->kind != TOK_WORD || !(n = lower(t, k, w)))
		return 0;
	x->exp = 0;
	*suf = "";
	*slen = 0;
	if ((x->n = lex_number(w, n, x->d, sizeof x->d))) {
		*word = 1;
		return 1;
	}
	/* two words joined by a hyphen: "twenty-five", "four-tenths" */
	const char *h = memchr(w, '-', n);
	if (!h || h == w || h + 1 == w + n)
		return 0;
	size_t a = (size_t)(h - w), b = n - a - 1;
	char tens[8];
	size_t nt = lex_number(w, a, tens, sizeof tens);
	if (!nt)
		return 0;
	/* a fraction: the denominator's power of ten ("/tenths 1") */
	memmove(w + a, w + a + 1, b); /* w[a..a+b): the second word */
	w[a - 1] = '/';
	const char *z = FIND(scales, w + a - 1, b + 1);
	if (z) {
		/* "1x2": divided by ten once, the numerator doubled first */
		const char *m = strchr(z, 'x');
		long num = 0;
		for (size_t q = 0; q < nt; q++)
			num = num * 10 + (tens[q] - '0');
		num *= m ? atol(m + 1) : 1;
		int nd = snprintf(x->d, sizeof x->d, "%ld", num);
		if (nd <= 0 || (size_t)nd >= sizeof x->d)
			return 0;
		x->n = (size_t)nd;
		x->exp = -atoi(z);
		*word = 2;
		return 1;
	}
	/* number words joined by hyphens: "twenty-five", "two-thousand-ten",
	 * "nineteen-seventy-one", and a scale or unit after them as the
	 * suffix of a numeral is ("ten-million", "seventy-percent") */
	n = lower(t, k, w); /* w[0..n) as it was */
	long val;
	size_t at_suffix;
	if (!compound(w, n, 11, &val, &at_suffix))
		return 0;
	int nd = snprintf(x->d, sizeof x->d, "%ld", val);
	if (nd <= 0 || (size_t)nd >= sizeof x->d)
		return 0;
	x->n = (size_t)nd;
	if (at_suffix < n) {
		/* the bytes as written: lower() keeps every byte's place */
		*suf = (const char *)t->buf + k->off + at_suffix;
		*slen = n - at_suffix;
	}
	*word = 2;
	return 1;
}

/* Whether w[0..n) is a number word, or number words joined by hyphens. */
static int
number_words(const char *w, size_t n)
{
	char d[8];
	size_t at = 0;

	while (at < n) {
		const char *h = memchr(w + at, '-', n - at);
		size_t len = (h ? (size_t)(h - w) : n) - at;
		if (!len || !lex_number(w + at, len, d, sizeof d))
			return 0;
		at += len + (h != NULL);
	}
	return n > 0;
}

/* Number words in a row from token j, white space between, read as one
 * number as compound() reads them joined by hyphens ("two hundred",
 * "nineteen sixty-seven", "one hundred and five"): the longest such run of
 * two words or more, its value in *val; the token after it, or 0 when
 * there is none.  A year in pairs starts at seventeen here: "eleven
 * thirty" is a time more often than a year. */
static size_t
word_run(const struct text *t, const struct toklist *l, size_t j, size_t end,
         long *val)
{
	char buf[2 * WORD_MAX];
	size_t len = 0, nw = 0, upto[VALUE_SPAN_MAX], after[VALUE_SPAN_MAX];
	size_t k = j, span = 0;

	while (nw < VALUE_SPAN_MAX && span < VALUE_SPAN_MAX &&
	       !stop(l, k, end) && l->v[k].kind == TOK_WORD) {
		char w[WORD_MAX + 1];
		size_t n = lower(t, &l->v[k], w);
		if (n == 3 && !memcmp(w, "and", 3) && nw > 0) {
			/* "one hundred and five": only after a hundred or
			 * a thousand, and only with a number word after */
			if (!(len >= 7 &&
			      !memcmp(buf + len - 7, "hundred", 7)) &&
			    !(len >= 8 &&
			      !memcmp(buf + len - 8, "thousand", 8)))
				break;
			k = nx(t, l, k, end);
			span++;
			continue;
		}
		if (!n || !number_words(w, n) || len + 1 + n > sizeof buf)
			break;
		if (len)
			buf[len++] = '-';
		memcpy(buf + len, w, n);
		len += n;
		k = nx(t, l, k, end);
		span++;
		upto[nw] = len;
		after[nw++] = k;
	}
	for (size_t m = nw; m >= 2; m--) {
		size_t suffix;
		if (compound(buf, upto[m - 1], 17, val, &suffix) &&
		    suffix == upto[m - 1])
			return after[m - 1];
	}
	return 0;
}

/* Fill in the span of *v: n tokens from i, the head at i + head and the
 * number's words after it up to i + head + nhead; the words of the span
 * other than those and the scale word at i + scale (none when scale < 0)
 * are words of their own (v->own).  Returns n, or 0 when the span is
 * longer than VALUE_SPAN_MAX. */
static size_t
finish(const struct toklist *l, size_t i, struct value *v, size_t n,
       uint32_t head, uint32_t nhead, long scale, int kind)
{
	if (n > VALUE_SPAN_MAX)
		return 0;
	v->n = (uint32_t)n;
	v->head = head;
	v->kind = kind;
	v->own = 0;
	for (size_t j = 0; j < n; j++)
		if (l->v[i + j].kind == TOK_WORD &&
		    (j < head || j >= head + nhead) && (long)j != scale)
			v->own |= 1u << j;
	return n;
}

/* A year at token j: four digits, 1000 to 2999, nothing else. */
static int
year_at(const struct text *t, const struct toklist *l, size_t j, size_t end)
{
	const struct tok *k;
	if (stop(l, j, end) || (k = &l->v[j])->kind != TOK_NUMBER ||
	    k->slen != 4)
		return 0;
	const char *w = (const char *)t->buf + k->off;
	for (size_t i = 0; i < 4; i++)
		if (!is_digit(w[i]))
			return 0;
	return w[0] == '1' || w[0] == '2';
}

/* A date at i: month [.] day, day [of] month, or a month before a year
 * ("May 2027": the month a value of its own, the year a number). */
static size_t
read_date(const struct text *t, const struct toklist *l, size_t i, size_t end,
          struct value *v)
{
	int month, day;
	size_t j;
	const char *u;
	size_t after;

	if ((month = month_at(t, l, i, end))) {
		j = nx(t, l, i, end);
		if (!stop(l, j, end) && is_period(t, l, j))
			j = nx(t, l, j, end);
		if (year_at(t, l, j, end)) {
			v->len = (size_t)snprintf(v->key, sizeof v->key, "@m%d",
			                          month);
			return finish(l, i, v, 1, 0, 1, -1, VALUE_DATE);
		}
		/* "May of 2022": the month and its "of", as "May 2022" */
		if (!stop(l, j, end) && l->v[j].kind == TOK_WORD &&
		    l->v[j].slen == 2 &&
		    memcmp(t->buf + l->v[j].off, "of", 2) == 0 &&
		    year_at(t, l, nx(t, l, j, end), end)) {
			v->len = (size_t)snprintf(v->key, sizeof v->key, "@m%d",
			                          month);
			size_t n = finish(l, i, v, j + 1 - i, 0, 1, -1,
			                  VALUE_DATE);
			v->own = 0; /* the "of" is the date's */
			return n;
		}
		if (!day_at(t, l, j, end, &day))
			return 0;
		/* "May 5 million", "June 12 per cent": a quantity, no date */
		size_t k = nx(t, l, j, end);
		if (unit_at(t, l, k, end, &u, &after))
			return 0;
		char sw[WORD_MAX];
		size_t sn;
		if (!stop(l, k, end) && l->v[k].kind == TOK_WORD &&
		    (sn = lower(t, &l->v[k], sw)) && scale_of(sw, sn, 0))
			return 0;
		v->len = (size_t)snprintf(v->key, sizeof v->key, "@d%d-%d",
		                          month, day);
		return finish(l, i, v, j + 1 - i, (uint32_t)(j - i), 1, -1,
		              VALUE_DATE);
	}
	if (!day_at(t, l, i, end, &day))
		return 0;
	j = nx(t, l, i, end);
	if (!stop(l, j, end) && l->v[j].kind == TOK_WORD && l->v[j].slen == 2 &&
	    memcmp(t->buf + l->v[j].off, "of", 2) == 0)
		j = nx(t, l, j, end);
	if (!(month = month_at(t, l, j, end)))
		return 0;
	v->len = (size_t)snprintf(v->key, sizeof v->key, "@d%d-%d", month, day);
	return finish(l, i, v, j + 1 - i, 0, 1, -1, VALUE_DATE);
}

/* A weekday at i: a capitalised name, or an abbreviation with its
 * period. */
static size_t
read_weekday(const struct text *t, const struct toklist *l, size_t i,
             size_t end, struct value *v)
{
	char w[WORD_MAX + 1];
	size_t n;
	const char *d;
	size_t span = 1, p = nx(t, l, i, end);

	if (l->v[i].kind != TOK_WORD || !upper_initial(t, &l->v[i]) ||
	    !(n = lower(t, &l->v[i], w)))
		return 0;
	if (!stop(l, p, end) && is_period(t, l, p)) {
		w[n] = '.';
		if ((d = FIND(dates, w, n + 1)) && d[0] == 'w')
			span = p + 1 - i;
	}
	if (span == 1 && (!(d = FIND(dates, w, n)) || d[0] != 'w'))
		return 0;
	v->len = (size_t)snprintf(v->key, sizeof v->key, "@w%s", d + 1);
	return finish(l, i, v, span, 0, 1, -1, VALUE_WEEKDAY);
}

/* Is token j of l (of t) the one byte c? */
static int
is_byte(const struct text *t, const struct toklist *l, size_t j, char c)
{
	return l->v[j].slen == 1 && t->buf[l->v[j].off] == (unsigned char)c;
}

/* The value of token j when it is digits alone (at most 9), else -1. */
static long
digits_at(const struct text *t, const struct toklist *l, size_t j)
{
	const unsigned char *s = t->buf + l->v[j].off;
	size_t n = l->v[j].slen;
	long v = 0;

	if (l->v[j].kind != TOK_NUMBER || n == 0 || n > 9)
		return -1;
	for (size_t k = 0; k < n; k++) {
		if (!is_digit(s[k]))
			return -1;
		v = v * 10 + (s[k] - '0');
	}
	return v;
}

/* A fraction written with a slash at token j: "B/C", or "A-B/C" (one
 * token "A-B", as the tokenizer reads it), or, with a whole number
 * before it (whole >= 0), "A B/C".  The slash and denominator touch the
 * numerator, and no slash follows (a date: "6/19/2002").  Only a
 * denominator that ends in a decimal (2, 4, 5, 8, 10, 16, 20, 25, ... up
 * to 10,000) counts, so the value is exact.  Adds whole + B/C into *x as
 * digits and a power of ten, and returns the tokens after j it spans (2:
 * "/" and C); 0 when there is no such fraction. */
static size_t
fraction_at(const struct text *t, const struct toklist *l, size_t j, size_t end,
            long whole, struct num *x)
{
	const unsigned char *s;
	long a = whole, b, c;
	size_t n;

	if (stop(l, j, end) || l->v[j].kind != TOK_NUMBER ||
	    stop(l, j + 1, end) || stop(l, j + 2, end) || l->v[j + 1].space ||
	    l->v[j + 2].space || !is_byte(t, l, j + 1, '/') ||
	    (c = digits_at(t, l, j + 2)) <= 1 ||
	    (!stop(l, j + 3, end) && !l->v[j + 3].space &&
	     (is_byte(t, l, j + 3, '/') || l->v[j + 3].kind == TOK_NUMBER)))
		return 0;
	s = t->buf + l->v[j].off;
	n = l->v[j].slen;
	b = digits_at(t, l, j);
	if (b < 0) {
		/* "A-B": digits, a hyphen, digits (at most 12 in all, so
		 * the sum below fits) */
		const unsigned char *h = memchr(s, '-', n);
		if (whole >= 0 || !h || h == s || h + 1 == s + n || n > 12)
			return 0;
		a = b = 0;
		for (const unsigned char *q = s; q < h; q++)
			if (!is_digit(*q))
				return 0;
			else
				a = a * 10 + (*q - '0');
		for (const unsigned char *q = h + 1; q < s + n; q++)
			if (!is_digit(*q))
				return 0;
			else
				b = b * 10 + (*q - '0');
	}
	if (a < 0)
		a = 0;
	if (b >= c)
		return 0; /* "3/2" is no proper fraction; "24/7" neither */
	/* c times what power of ten is a whole number? */
	long scale = 1;
	int exp = 0;
	while (scale % c != 0 && exp < 4) {
		scale *= 10;
		exp++;
	}
	if (scale % c != 0)
		return 0;
	int nd =
	        snprintf(x->d, sizeof x->d, "%ld", a * scale + b * (scale / c));
	if (nd <= 0 || (size_t)nd >= sizeof x->d)
		return 0;
	x->n = (size_t)nd;
	x->exp = -exp;
	return 2;
}

/* Does the numeral at token j follow a lone point that touches it, with
 * white space or an opening bracket before the point (".25%", "(.5
 * percent)")?  Then it is the fraction after that point. */
static int
bare_point(const struct text *t, const struct toklist *l, size_t j)
{
	if (j == 0 || l->v[j].space || !is_byte(t, l, j - 1, '.'))
		return 0;
	return j == 1 || l->v[j - 1].space || is_byte(t, l, j - 2, '(') ||
	       is_byte(t, l, j - 2, '[');
}

/* Is token j "point" or "points" (of a rate: "a quarter point")? */
static int
point_word(const struct text *t, const struct toklist *l, size_t j, size_t end)
{
	char w[WORD_MAX + 1];
	size_t n;

	if (stop(l, j, end) || l->v[j].kind != TOK_WORD)
		return 0;
	n = lower(t, &l->v[j], w);
	return (n == 5 && !memcmp(w, "point", 5)) ||
	       (n == 6 && !memcmp(w, "points", 6));
}

/* The fraction word w[0..n) ("quarter", "half": data/en/scales.txt's
 * "/word" lines) as the value of one of it into *x.  1 or 0. */
static int
one_fraction(const char *w, size_t n, struct num *x)
{
	char key[WORD_MAX + 2];
	const char *z, *m;
	long num;
	int nd;

	if (!n || n > WORD_MAX)
		return 0;
	key[0] = '/';
	memcpy(key + 1, w, n);
	if (!(z = FIND(scales, key, n + 1)))
		return 0;
	m = strchr(z, 'x');
	num = m ? atol(m + 1) : 1;
	nd = snprintf(x->d, sizeof x->d, "%ld", num);
	if (nd <= 0 || (size_t)nd >= sizeof x->d)
		return 0;
	x->n = (size_t)nd;
	x->exp = -atoi(z);
	return 1;
}

/* Is w[0..n) "quarter" or "half", or does it start so ("quarter-point")?
 * The fractions a rate is told in. */
static int
rate_fraction(const char *w, size_t n)
{
	return (n >= 7 && !memcmp(w, "quarter", 7)) ||
	       (n >= 4 && !memcmp(w, "half", 4));
}

/* A fraction in words at token j, as a rate is told: "quarter", "half",
 * "one quarter", "half a", or the one token "quarter-point" (then
 * *pointed is 1: the point is read).  Its value into *x; the tokens it
 * spans, or 0. */
static size_t
fraction_words(const struct text *t, const struct toklist *l, size_t j,
               size_t end, struct num *x, int *pointed)
{
	char w[WORD_MAX + 1];
	size_t n, k;
	const char *h;

	*pointed = 0;
	if (stop(l, j, end) || l->v[j].kind != TOK_WORD ||
	    !(n = lower(t, &l->v[j], w)))
		return 0;
	k = nx(t, l, j, end);
	if (n == 3 && !memcmp(w, "one", 3)) {
		/* "one quarter" */
		if (stop(l, k, end) || l->v[k].kind != TOK_WORD ||
		    !(n = lower(t, &l->v[k], w)) || !rate_fraction(w, n) ||
		    !one_fraction(w, n, x))
			return 0;
		return k - j + 1;
	}
	if (!rate_fraction(w, n))
		return 0;
	if ((h = memchr(w, '-', n))) {
		size_t rest = n - (size_t)(h - w) - 1;
		if (!((rest == 5 && !memcmp(h + 1, "point", 5)) ||
		      (rest == 6 && !memcmp(h + 1, "points", 6))) ||
		    !one_fraction(w, (size_t)(h - w), x))
			return 0;
		*pointed = 1;
		return 1;
	}
	if (!one_fraction(w, n, x))
		return 0;
	if (n == 4 && !stop(l, k, end) && is_byte(t, l, k, 'a'))
		return k - j + 1; /* "half a percentage point" */
	return 1;
}

/* Add the fraction f (f->exp < 0) to the whole number *x (x->exp 0):
 * "three and one quarter" is 3.25.  1, or 0 when it does not fit. */
static int
add_fraction(struct num *x, const struct num *f)
{
	long whole = 0, part = 0, scale = 1;
	int nd;

	if (x->exp != 0 || f->exp >= 0 || f->exp < -6 || x->n > 9 || f->n > 9)
		return 0;
	for (size_t i = 0; i < x->n; i++)
		whole = whole * 10 + (x->d[i] - '0');
	for (size_t i = 0; i < f->n; i++)
		part = part * 10 + (f->d[i] - '0');
	for (int e = f->exp; e < 0; e++)
		scale *= 10;
	if (part >= scale)
		return 0;
	nd = snprintf(x->d, sizeof x->d, "%ld", whole * scale + part);
	if (nd <= 0 || (size_t)nd >= sizeof x->d)
		return 0;
	x->n = (size_t)nd;
	x->exp = f->exp;
	return 1;
}

/* A fraction joined to a whole number by "and" at token j: "and a half",
 * "and one quarter", "and one-half".  Its value into *f; the token after
 * it, or 0. */
static size_t
and_fraction(const struct text *t, const struct toklist *l, size_t j,
             size_t end, struct num *f)
{
	const char *suf;
	size_t slen, k, span;
	int word, pointed;

	if (stop(l, j, end) || l->v[j].slen != 3 ||
	    memcmp(t->buf + l->v[j].off, "and", 3) != 0)
		return 0;
	k = nx(t, l, j, end);
	if (!stop(l, k, end) && is_byte(t, l, k, 'a'))
		k = nx(t, l, k, end); /* "and a half" */
	/* "one quarter" or "half", not "half a" (a half of what follows) */
	span = fraction_words(t, l, k, end, f, &pointed);
	if (span && !pointed && span == (size_t)(l->v[k].slen == 3 ? 2 : 1))
		return nx(t, l, k + span - 1, end);
	if (number_at(t, l, k, end, f, &suf, &slen, &word) && word == 2 &&
	    !slen && f->exp < 0)
		return nx(t, l, k, end); /* "one-half" */
	return 0;
}

/* A quantity at i: [currency] number [scale] [unit, percent or currency]. */
static size_t
read_quantity(const struct text *t, const struct toklist *l, size_t i,
              size_t end, struct value *v)
{
	const char *cur = NULL, *unit = NULL, *suf;
	size_t j = i, slen, after;
	struct num x;
	int word, zeros = 0;
	long scale = -1; /* the scale word's place in the span */

	if (currency_before(t, l, j, end, &cur))
		j = nx(t, l, j, end);
	if (j >= end)
		return 0; /* a currency word that ends the text */
	/* the denominator of a fraction is none of its own */
	if (j >= 2 && !l->v[j].space && !l->v[j - 1].space &&
	    is_byte(t, l, j - 1, '/') && l->v[j - 2].kind == TOK_NUMBER &&
	    fraction_at(t, l, j - 2, end, -1, &x))
		return 0;
	size_t more = fraction_at(t, l, j, end, -1, &x), fw;
	int rate = 0, pointed = 0, mixed = 0;
	if (more) {
		/* "1/2" alone is a share, as "one-half" is; "4-1/2" a number */
		word = digits_at(t, l, j) >= 0 ? 2 : 0;
		suf = "";
		slen = 0;
	} else if ((fw = fraction_words(t, l, j, end, &x, &pointed))) {
		/* "a quarter point": a value only with its unit */
		word = 2;
		suf = "";
		slen = 0;
		more = fw - 1;
		rate = 1;
	} else if (!number_at(t, l, j, end, &x, &suf, &slen, &word)) {
		return 0;
	}
	size_t head = j - i, nhead = 1 + more, past;
	long run;
	j = nx(t, l, j + more, end);
	if (!more && !word && !slen && x.exp == 0) {
		long whole = digits_at(t, l, i + head);
		if (bare_point(t, l, i + head)) {
			/* ".25": no digit before the point */
			x.exp = -(int)x.n;
		} else if (whole >= 0 && !stop(l, j, end) && l->v[j].space &&
		           (more = fraction_at(t, l, j, end, whole, &x))) {
			/* "3 1/2" */
			nhead += 1 + more;
			j = nx(t, l, j + more, end);
		}
	}
	if (word && !slen && x.exp == 0 &&
	    (past = word_run(t, l, i + head, end, &run))) {
		/* number words with spaces between: one number */
		int nd = snprintf(x.d, sizeof x.d, "%ld", run);
		if (nd <= 0 || (size_t)nd >= sizeof x.d)
			return 0;
		x.n = (size_t)nd;
		word = 2;
		nhead = past - i - head;
		j = past;
	}
	struct num f;
	size_t past_and;
	if (!rate && !slen && x.exp == 0 &&
	    (past_and = and_fraction(t, l, j, end, &f)) &&
	    add_fraction(&x, &f)) {
		/* "three and one quarter percent" */
		nhead = past_and - i - head;
		j = past_and;
		word = 2;
		mixed = 1;
	}
	if (slen) {
		/* a suffix: ordinal, scale or unit */
		if (slen == 2 && x.exp == 0 &&
		    (!memcmp(suf, "st", 2) || !memcmp(suf, "nd", 2) ||
		     !memcmp(suf, "rd", 2) || !memcmp(suf, "th", 2)))
			;
		else if ((zeros = scale_of(suf, slen, 1)))
			;
		else if ((unit = FIND(units, suf, slen)))
			;
		else if (word || suf[-1] != '-')
			return 0;
		/* else a numeral with words joined on: "97-year" is 97, as
		 * "97 years" is, the word its own */
	}
	if (!zeros && !unit && !stop(l, j, end) && l->v[j].kind == TOK_WORD) {
		char w[WORD_MAX];
		size_t n = lower(t, &l->v[j], w);
		/* "m" alone is a metre, but "$3 m" a million */
		if (n && (zeros = scale_of(w, n, cur != NULL))) {
			scale = (long)(j - i);
			j = nx(t, l, j, end);
		}
	}
	/* a fraction of a point of a rate is of a percentage point: "a
	 * quarter point", "quarter-point", "one-half point" */
	if (word == 2 && x.exp < 0 && !zeros && !mixed &&
	    (pointed || point_word(t, l, j, end))) {
		unit = "%";
		if (!pointed)
			j = nx(t, l, j, end);
	}
	/* a fraction of a unit: "four-tenths of a percent", "a quarter of a
	 * point" */
	if (word == 2 && !unit && !stop(l, j, end) && l->v[j].slen == 2 &&
	    !memcmp(t->buf + l->v[j].off, "of", 2)) {
		size_t k = nx(t, l, j, end);
		char w[WORD_MAX];
		size_t n = stop(l, k, end) ? 0 : lower(t, &l->v[k], w);
		if ((n == 1 && w[0] == 'a') ||
		    (n == 3 && !memcmp(w, "one", 3))) {
			size_t u = nx(t, l, k, end);
			if (unit_at(t, l, u, end, &unit, &after)) {
				j = after;
			} else if (x.exp < 0 && !mixed &&
			           point_word(t, l, u, end)) {
				unit = "%";
				j = nx(t, l, u, end);
			}
		}
	}
	if (!unit && unit_at(t, l, j, end, &unit, &after)) {
		/* a currency before and a unit or another currency after:
		 * the value ends before what follows ("$5 km") */
		if (cur && strcmp(cur, unit) != 0)
			unit = NULL;
		else
			j = after;
	}
	if (cur && unit && strcmp(cur, unit) != 0)
		return 0; /* "$5km" */
	if (unit && !strcmp(unit, "bp")) {
		/* a basis point is a hundredth of a percentage point:
		 * "75 basis points" is "three-quarters of a percent" */
		unit = "%";
		x.exp -= 2;
	}
	if (cur)
		unit = cur;
	if (word == 1 && !zeros && !unit)
		return 0; /* a number word alone: lexicon.h */
	if (rate && !unit)
		return 0; /* "a quarter of them": lexicon.h */
	/* a fraction alone is a share: "one-fifth" = "20 percent" */
	if (word == 2 && x.exp < 0 && !zeros && !unit && !mixed) {
		unit = "%";
		x.exp += 2;
	}
	while (j > head + i + 1 && hidden_token(t, &l->v[j - 1]))
		j--; /* hidden characters after it are not its own */
	x.exp += zeros;
	char digits[VALUE_KEY_MAX];
	size_t nd = num_format(x, digits);
	if (!nd)
		return 0;
	if (!unit) {
		memcpy(v->key, digits, nd + 1);
		v->len = nd;
		return finish(l, i, v, j - i, (uint32_t)head, (uint32_t)nhead,
		              scale, VALUE_NUMBER);
	}
	int sep = strcmp(unit, "%") != 0;
	size_t ul = strlen(unit);
	if (nd + (size_t)sep + ul + 1 > VALUE_KEY_MAX)
		return 0;
	memcpy(v->key, digits, nd);
	if (sep)
		v->key[nd] = ' ';
	memcpy(v->key + nd + sep, unit, ul + 1);
	v->len = nd + (size_t)sep + ul;
	return finish(l, i, v, j - i, (uint32_t)head, (uint32_t)nhead, scale,
	              VALUE_AMOUNT);
}

int
value_unit_word(const struct text *t, const struct toklist *l, size_t j)
{
	char w[WORD_MAX + 1];
	size_t n;

	if (j >= l->n || l->v[j].kind != TOK_WORD ||
	    !(n = lower(t, &l->v[j], w)))
		return 0;
	if (FIND(units, w, n))
		return 1;
	if (n != 1 || (w[0] != 'f' && w[0] != 'c') || j == 0)
		return 0;
	const struct tok *p = &l->v[j - 1];
	return p->kind != TOK_WORD && p->slen == 2 &&
	       !memcmp(t->buf + p->off, DEGREE, 2);
}

int
value_may_start(const struct text *t, const struct tok *k)
{
	char w[WORD_MAX + 1], digits[8];
	size_t n;

	if (k->kind == TOK_NUMBER)
		return VALUE_START_ANY;
	if (k->kind == TOK_OTHER || !(n = lower(t, k, w)))
		return VALUE_START_NEVER;
	if (k->kind != TOK_WORD)
		return FIND(currencies, w, n) ? VALUE_START_ANY
		                              : VALUE_START_NEVER;
	if (FIND(currencies, w, n) || lex_number(w, n, digits, sizeof digits))
		return VALUE_START_ANY;
	const char *h = memchr(w, '-', n); /* twenty-five, four-tenths */
	if (h && lex_number(w, (size_t)(h - w), digits, sizeof digits))
		return VALUE_START_ANY;
	if (rate_fraction(w, n)) /* "quarter point", "half-point" */
		return VALUE_START_ANY;
	if (FIND(dates, w, n))
		return VALUE_START_CAPITAL;
	w[n] = '.';
	return FIND(dates, w, n + 1) ? VALUE_START_CAPITAL : VALUE_START_NEVER;
}

size_t
value_read(const struct text *t, const struct toklist *l, size_t i, size_t end,
           struct value *v)
{
	size_t n;

	if (end > l->n)
		end = l->n;
	if (i >= end)
		return 0;
	if (l->v[i].kind == TOK_WORD && ((n = read_date(t, l, i, end, v)) ||
	                                 (n = read_weekday(t, l, i, end, v))))
		return n;
	if (l->v[i].kind == TOK_NUMBER && (n = read_date(t, l, i, end, v)))
		return n;
	return read_quantity(t, l, i, end, v);
}

/* A key's number as significant digits and a place: 0.d1d2... times ten
 * to the power *e.  Its digits without leading or trailing zeros go to
 * sig (room for VALUE_KEY_MAX), their count returned (0 for zero or no
 * number); *unit points past the number. */
static size_t
key_digits(const char *key, char *sig, int *e, const char **unit)
{
	size_t n = 0;
	int intlen = 0, seen = 0, first = -1, point = 0;
	const char *k = key;

	for (; (*k >= '0' && *k <= '9') || (*k == '.' && !point); k++) {
		if (*k == '.') {
			point = 1;
			continue;
		}
		intlen += !point;
		if (first < 0 && *k != '0')
			first = seen;
		seen++;
		if (first >= 0)
			sig[n++] = *k;
	}
	*unit = k;
	if (!n)
		return 0;
	*e = intlen - first;
	while (n > 1 && sig[n - 1] == '0')
		n--;
	sig[n] = '\0';
	return n;
}

/* Add one to the last of the n digits of d; 1 when it carried out of
 * the first (d is then "1" and zeros). */
static int
digits_up(char *d, size_t n)
{
	for (size_t i = n; i-- > 0;) {
		if (d[i] != '9') {
			d[i]++;
			return 0;
		}
		d[i] = '0';
	}
	d[0] = '1';
	return 1;
}

int
value_rounds(const char *exact, const char *told, int dir)
{
	char so[VALUE_KEY_MAX + 1], st[VALUE_KEY_MAX + 1], r[VALUE_KEY_MAX + 1];
	const char *uo, *ut;
	int eo, et;
	size_t no = key_digits(exact, so, &eo, &uo);
	size_t nt = key_digits(told, st, &et, &ut);

	if (!no || !nt || nt >= no || strcmp(uo, ut) != 0)
		return 0;
	double x = strtod(exact, NULL), y = strtod(told, NULL);
	if (!(x > 0) || (y > x ? y - x : x - y) > x / 10)
		return 0;
	for (size_t k = 1; k < no; k++) {
		int e = eo, up;
		memcpy(r, so, k);
		if (dir < 0)
			up = 0;
		else if (dir > 0)
			up = 1; /* the digits left out are not all zeros */
		else
			up = so[k] >= '5';
		size_t n = k;
		if (up && digits_up(r, k))
			e++;
		while (n > 1 && r[n - 1] == '0')
			n--;
		if (n == nt && e == et && memcmp(r, st, n) == 0)
			return 1;
	}
	return 0;
}
