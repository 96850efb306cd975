/* lexicon.c - reporting frames, number values, verb forms, titles, page
 * furniture, negators, hedges, source words and British spellings
 * (lexicon.h).
 *
 * Owns the lookups; the lists themselves are data files (data/en/), turned
 * into sorted C initialisers by the Makefile (the .inc files of
 * $(BUILD)/gen/) and
 * searched with bsearch.
 */
#include "redline/lexicon.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct frame_word {
	const char *word;
	int kind; /* enum lex_frame */
} frames[] = {
#include "frames.inc"
};

static const struct number_word {
	const char *word, *digits;
} numbers[] = {
#include "numbers.inc"
};

static const struct verb_form {
	const char *word, *base;
} forms[] = {
#include "forms.inc"
};

static const char *const titles[] = {
#include "titles.inc"
};

static const struct furniture {
	const char *phrase;
	int within; /* 0: at the line's start; 1: anywhere in the line; 2: a
	               word of a timestamp (lex_is_clock_word), no phrase;
	               3: at the line's start, a phrase a sentence may
	               begin with too (LEX_FURN_SHORT); 4: at a
	               paragraph's start, a standing notice (lex_is_notice) */
} furniture[] = {
#include "furniture.inc"
};

static const char *const negations[] = {
#include "negations.inc"
};

static const char *const negverbs[] = {
#include "negverbs.inc"
};

static const char *const openers[] = {
#include "openers.inc"
};
static const char *const lynames[] = {
#include "lynames.inc"
};

static const struct hedge {
	const char *phrase, *cls;
	int number; /* only before a number */
} hedges[] = {
#include "hedges.inc"
};

static const struct place {
	const char *key;
	int group;
	int kind; /* enum lex_place_kind */
} places[] = {
#include "places.inc"
};

/* spelling_text, spelling_at, spelling_seen (scripts/spelltable.py) */
#include "spelling.inc"

static const struct source_word {
	const char *word;
	int kind; /* enum lex_source */
} sources[] = {
#include "sources.inc"
};

struct key {
	const char *w;
	size_t n;
};

int
lex_order(const char *w, size_t n, const char *entry)
{
	/* one pass, the entry's end found on the way (no strlen: this is
	 * every table search's comparison) */
	const unsigned char *a = (const unsigned char *)w,
	                    *e = (const unsigned char *)entry;
	for (size_t i = 0; i < n; i++) {
		if (!e[i])
			return 1; /* the entry is a prefix of w */
		if (a[i] != e[i])
			return a[i] < e[i] ? -1 : 1;
	}
	return e[n] ? -1 : 0;
}

/* The bsearch comparator of every table here: each entry starts with its
 * key string (a struct's first member, or the string itself), which a
 * pointer to the entry points at too. */
static int
by_word(const void *k, const void *e)
{
	const struct key *q = k;
	return lex_order(q->w, q->n, *(const char *const *)e);
}

/* The entry of table t (a sorted array of entries each starting with its
 * key string) whose key is w[0..n), or NULL. */
#define FIND(t, w, n)                                                          \
	((const void *)bsearch(&(struct key){(w), (n)}, (t),                   \
	                       sizeof(t) / sizeof *(t), sizeof *(t), by_word))

/* The index of the first entry of the sorted table v (count entries of
 * size bytes, each starting with its key string) whose key does not sort
 * before w[0..n); count if none.  The entries that start with w follow
 * it. */
static size_t
lower_bound(const void *v, size_t count, size_t size, const char *w, size_t n)
{
	size_t lo = 0, hi = count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *key =
		        *(const char *const *)((const char *)v + mid * size);
		if (lex_order(w, n, key) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
#define LOWER_BOUND(t, w, n)                                                   \
	lower_bound((t), sizeof(t) / sizeof *(t), sizeof *(t), (w), (n))

/* Whether w[0..n) may be a British word of the spellings' table: its two
 * bits of spelling_seen, as scripts/spelltable.py's spelling_bits sets
 * them (FNV-1a).  No means it is not. */
static int
spelling_may_be(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	uint32_t a = h & (SPELLING_SEEN_BITS - 1),
	         b = (h >> 17) & (SPELLING_SEEN_BITS - 1);
	return (spelling_seen[a / 64] >> (a % 64) & 1) &&
	       (spelling_seen[b / 64] >> (b % 64) & 1);
}

const char *
lex_american(const char *w, size_t n)
{
	if (!spelling_may_be(w, n))
		return NULL;
	size_t k = lex_find(spelling_text, spelling_at, SPELLING_N, w, n);
	if (k == SPELLING_N)
		return NULL;
	return spelling_text + spelling_at[k] + n + 1; /* after the NUL */
}

size_t
lex_find(const char *text, const uint32_t *at, size_t count, const char *w,
         size_t n)
{
	size_t lo = 0, hi = count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (lex_order(w, n, text + at[mid]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < count && lex_order(w, n, text + at[lo]) == 0 ? lo : count;
}

int
lex_is_frame(const char *w, size_t n)
{
	const struct frame_word *f = FIND(frames, w, n);
	return f ? f->kind : LEX_FRAME_NONE;
}

const char *
lex_base_form(const char *w, size_t n)
{
	const struct verb_form *f = FIND(forms, w, n);
	return f ? f->base : NULL;
}

int
lex_is_negation(const char *w, size_t n)
{
	/* don't, isn't, can't: with a straight or a curly apostrophe */
	if ((n > 3 && memcmp(w + n - 3, "n't", 3) == 0) ||
	    (n > 5 && memcmp(w + n - 5, "n\xE2\x80\x99t", 5) == 0))
		return 1;
	/* most words start with a letter no entry starts with: a glance at
	 * the first letters (a dozen of them) before the search */
	if (!n || !lex_negation_initial((unsigned char)w[0]))
		return 0;
	return FIND(negations, w, n) != NULL;
}

/* initials[c]: some negation word starts with byte c; filled once. */
static unsigned char initials[256];
static pthread_once_t initials_once = PTHREAD_ONCE_INIT;

static void
initials_fill(void)
{
	for (size_t i = 0; i < sizeof negations / sizeof *negations; i++)
		initials[(unsigned char)negations[i][0]] = 1;
}

int
lex_negation_initial(unsigned char c)
{
	pthread_once(&initials_once, initials_fill);
	return initials[c];
}

int
lex_is_opener(const char *w, size_t n)
{
	return FIND(openers, w, n) != NULL;
}

int
lex_is_ly_name(const char *w, size_t n)
{
	return FIND(lynames, w, n) != NULL;
}

int
lex_is_negverb(const char *w, size_t n)
{
	return FIND(negverbs, w, n) != NULL;
}

int
lex_hedge_may_start(const char *w, size_t n)
{
	/* the first entry at or after w: w itself, or "w ..." (a space sorts
	 * before every letter, so a phrase of w comes right after it) */
	size_t lo = LOWER_BOUND(hedges, w, n);
	if (lo == sizeof hedges / sizeof *hedges)
		return 0;
	const char *e = hedges[lo].phrase;
	return strncmp(e, w, n) == 0 && (e[n] == '\0' || e[n] == ' ');
}

const char *
lex_hedge(const char *w, size_t n, int *number)
{
	const struct hedge *h = FIND(hedges, w, n);
	if (!h)
		return NULL;
	*number = h->number;
	return h->cls;
}

/* place_starts[a][b]: some country's key starts with the bytes a, b
 * (b 0: with a); filled once.  Most capitalised words start as no
 * country's name does: a look here before the search. */
static unsigned char place_starts[128][128];
static pthread_once_t place_once = PTHREAD_ONCE_INIT;

static void
place_starts_fill(void)
{
	for (size_t i = 0; i < sizeof places / sizeof *places; i++) {
		const unsigned char *k = (const unsigned char *)places[i].key;
		if (k[0] < 128 && k[1] < 128) {
			place_starts[k[0]][0] = 1;
			place_starts[k[0]][k[1]] = 1;
		}
	}
}

/* Could some country's key start with key[0..n)?  0 only when none
 * does. */
static int
place_may_start(const char *key, size_t n)
{
	unsigned char a = n ? (unsigned char)key[0] : 0,
	              b = n > 1 ? (unsigned char)key[1] : 0;

	if (!n || a >= 128 || b >= 128)
		return 1;
	pthread_once(&place_once, place_starts_fill);
	return place_starts[a][b];
}

int
lex_place(const char *key, size_t n, int *kind)
{
	if (!place_may_start(key, n))
		return -1;
	const struct place *p = FIND(places, key, n);
	if (!p)
		return -1;
	*kind = p->kind;
	return p->group;
}

int
lex_place_prefix(const char *key, size_t n)
{
	if (!place_may_start(key, n))
		return 0;
	size_t lo = LOWER_BOUND(places, key, n);
	/* the first entry not before key: one starting with it if any */
	return lo < sizeof places / sizeof *places &&
	       strncmp(places[lo].key, key, n) == 0;
}

int
lex_source(const char *w, size_t n)
{
	const struct source_word *s = FIND(sources, w, n);
	return s ? s->kind : LEX_SOURCE_NONE;
}

const char *
lex_title(size_t i)
{
	return i < sizeof titles / sizeof *titles ? titles[i] : NULL;
}

/* The titles by their first byte, filled once (title_once): the indices
 * of those that start with byte c, in the list's order, are
 * title_order[title_from[c] .. title_from[c + 1]). */
#define NTITLE (sizeof titles / sizeof *titles)
static uint32_t title_order[NTITLE];
static uint32_t title_from[257];
static pthread_once_t title_once = PTHREAD_ONCE_INIT;

/* By counting: each byte's count, their sums as the starts, then every
 * title put at its byte's next place in the list's order (one pass over
 * the titles each time, where one pass a byte took some 130,000
 * instructions a run). */
static void
title_fill(void)
{
	uint32_t next[256];

	for (size_t i = 0; i < NTITLE; i++)
		title_from[(unsigned char)titles[i][0] + 1]++;
	for (unsigned c = 0; c < 256; c++) {
		title_from[c + 1] += title_from[c];
		next[c] = title_from[c];
	}
	for (size_t i = 0; i < NTITLE; i++)
		title_order[next[(unsigned char)titles[i][0]]++] = (uint32_t)i;
}

int
lex_is_title(const char *w, size_t n)
{
	unsigned char c = (unsigned char)w[0];

	/* only the titles that begin with w's first byte */
	pthread_once(&title_once, title_fill);
	for (uint32_t j = title_from[c]; j < title_from[c + 1]; j++) {
		const char *p = titles[title_order[j]];
		if (strncmp(p, w, n) == 0 && p[n] == '\0')
			return 1;
	}
	return 0;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A filter of the number words by their first and last bytes and their
 * length (lex_filter_bit), filled once (number_once): nearly every word asked
 * about is no number word, and a clear bit says so without the binary
 * search (some 10 instructions for some 150).  The bytes are the very
 * bytes the search compares, so a word of the table always finds its
 * bit set. */
static uint64_t number_seen[LEX_FILTER_BITS / 64];
static pthread_once_t number_once = PTHREAD_ONCE_INIT;
static atomic_int number_ready; /* number_seen is filled (number_fill):
                                   one load a call, where pthread_once's
                                   call would spill the caller's
                                   registers */

static void
number_fill(void)
{
	for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
		size_t n = strlen(numbers[i].word);
		if (n) {
			unsigned b = lex_filter_bit(numbers[i].word, n);
			number_seen[b / 64] |= (uint64_t)1 << (b % 64);
		}
	}
	atomic_store_explicit(&number_ready, 1, memory_order_release);
}

/* Whether number_seen is filled, filling it the first time. */
static __attribute__((noinline)) int
number_start(void)
{
	return pthread_once(&number_once, number_fill) == 0 &&
	       atomic_load_explicit(&number_ready, memory_order_acquire);
}

/* lex_number past its filter: kept out of it, so that a word the filter
 * turns away costs no more than the filter. */
static __attribute__((noinline)) size_t
number_of(const char *w, size_t n, char *out, size_t outlen)
{
	const struct number_word *nw;
	size_t i, len = 0;

	if (n == 0)
		return 0;
	if (!is_digit(w[0])) {
		nw = FIND(numbers, w, n);
		if (!nw || strlen(nw->digits) > outlen)
			return 0;
		memcpy(out, nw->digits, strlen(nw->digits));
		return strlen(nw->digits);
	}
	/* an ordinal suffix after the digits: 1st 2nd 3rd 4th */
	if (n > 2 && is_digit(w[n - 3]) &&
	    (memcmp(w + n - 2, "st", 2) == 0 ||
	     memcmp(w + n - 2, "nd", 2) == 0 ||
	     memcmp(w + n - 2, "rd", 2) == 0 ||
	     memcmp(w + n - 2, "th", 2) == 0))
		n -= 2;
	for (i = 0; i < n; i++) {
		if (w[i] == ',' && i > 0 && is_digit(w[i - 1]) && i + 3 < n &&
		    is_digit(w[i + 1]) && is_digit(w[i + 2]) &&
		    is_digit(w[i + 3]) && (i + 4 == n || !is_digit(w[i + 4])))
			continue; /* a group separator: 7,600 */
		if (len == outlen)
			return 0;
		out[len++] = w[i];
	}
	return len;
}

size_t
lex_number(const char *w, size_t n, char *out, size_t outlen)
{
	if (n && !is_digit(w[0]) &&
	    (atomic_load_explicit(&number_ready, memory_order_acquire) ||
	     number_start())) {
		unsigned b = lex_filter_bit(w, n);
		if (!(number_seen[b / 64] >> (b % 64) & 1))
			return 0;
	}
	return number_of(w, n, out, outlen);
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Does s[at..n) begin with phrase, regardless of ASCII case? */
static int
starts(const unsigned char *s, size_t n, size_t at, const char *phrase)
{
	size_t i;
	for (i = 0; phrase[i]; i++)
		if (at + i >= n || lower(s[at + i]) != (unsigned char)phrase[i])
			return 0;
	return 1;
}

static int
is_letter(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* The furniture phrases by their first byte, filled once (furn_once):
 * furn_order holds the entries' indices, those whose phrase starts with
 * byte c at furn_from[c] .. furn_from[c + 1] (in the list's order), and
 * furn_first[c] says whether c, in lower case, starts some phrase of
 * kind 1 (found anywhere in a line).  A phrase matches only where its
 * first byte equals the line's byte in lower case (starts), so only the
 * entries under that byte are tried. */
#define NFURN (sizeof furniture / sizeof *furniture)
static unsigned char furn_order[NFURN];
static unsigned short furn_from[257];
static unsigned char furn_first[256];
static pthread_once_t furn_once = PTHREAD_ONCE_INIT;

_Static_assert(NFURN <= 256, "furniture indices fit in a byte");

/* By counting, as title_fill. */
static void
furn_fill(void)
{
	unsigned short next[256];

	for (size_t k = 0; k < NFURN; k++)
		furn_from[(unsigned char)furniture[k].phrase[0] + 1]++;
	for (unsigned c = 0; c < 256; c++) {
		furn_from[c + 1] =
		        (unsigned short)(furn_from[c + 1] + furn_from[c]);
		next[c] = furn_from[c];
	}
	for (size_t k = 0; k < NFURN; k++)
		furn_order[next[(unsigned char)furniture[k].phrase[0]]++] =
		        (unsigned char)k;
	for (unsigned c = 0; c < 256; c++) {
		unsigned char lc = (unsigned char)lower((int)c);
		for (unsigned j = furn_from[lc]; j < furn_from[lc + 1]; j++)
			if (furniture[furn_order[j]].within == 1)
				furn_first[c] = 1;
	}
}

/* Does the line s[0..n) begin (after opening punctuation and spaces,
 * which end at at) with a phrase of the furniture list of kind `within`,
 * then no letter ("By" but not "Bystanders")?  furn_fill must have run. */
static int
starts_with_kind_at(const unsigned char *s, size_t n, size_t at, int within)
{
	unsigned char c;

	if (at >= n)
		return 0; /* no phrase is empty */
	c = (unsigned char)lower(s[at]);
	for (unsigned j = furn_from[c]; j < furn_from[c + 1]; j++) {
		size_t k = furn_order[j];
		const char *p = furniture[k].phrase;
		if (furniture[k].within != within || !starts(s, n, at, p))
			continue;
		size_t m = strlen(p);
		if (at + m == n || !is_letter(s[at + m]) ||
		    !is_letter((unsigned char)p[m - 1]))
			return 1;
	}
	return 0;
}

/* Where the line s[0..n) starts past opening punctuation and spaces. */
static size_t
line_start(const unsigned char *s, size_t n)
{
	size_t at = 0;

	while (at < n && !is_letter(s[at]) && !(s[at] >= '0' && s[at] <= '9'))
		at++;
	return at;
}

/* starts_with_kind_at from the line's own start. */
static int
starts_with_kind(const unsigned char *s, size_t n, int within)
{
	pthread_once(&furn_once, furn_fill);
	return starts_with_kind_at(s, n, line_start(s, n), within);
}

unsigned
lex_furniture(const unsigned char *s, size_t n)
{
	size_t at = line_start(s, n);
	unsigned f = 0;

	pthread_once(&furn_once, furn_fill);
	if (starts_with_kind_at(s, n, at, 0))
		f |= LEX_FURN_START;
	if (starts_with_kind_at(s, n, at, 3))
		f |= LEX_FURN_SHORT;
	/* a phrase of kind 1 anywhere, at a word's start: only where the
	 * byte, in lower case, is the first of some such phrase */
	for (size_t i = at; i < n; i++) {
		if (!furn_first[s[i]] || (i > 0 && is_letter(s[i - 1])))
			continue;
		unsigned char ch = (unsigned char)lower(s[i]);
		for (unsigned j = furn_from[ch]; j < furn_from[ch + 1]; j++)
			if (furniture[furn_order[j]].within == 1 &&
			    starts(s, n, i, furniture[furn_order[j]].phrase))
				return f | LEX_FURN_WITHIN;
	}
	return f;
}

int
lex_is_furniture(const unsigned char *s, size_t n)
{
	return lex_furniture(s, n) != 0;
}

int
lex_is_notice(const unsigned char *s, size_t n)
{
	return starts_with_kind(s, n, 4);
}

int
lex_is_clock_word(const char *s, size_t n)
{
	for (size_t k = 0; k < sizeof furniture / sizeof *furniture; k++) {
		const char *p = furniture[k].phrase;
		if (furniture[k].within != 2 || strlen(p) != n)
			continue;
		size_t i = 0;
		while (i < n && (s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a'
		                                            : s[i]) == p[i])
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}
