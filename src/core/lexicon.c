/* lexicon.c - reporting frames, number values, verb forms, titles, page
 * furniture, negators, hedges and source words (lexicon.h).
 *
 * Owns the lookups; the lists themselves are data files (data/en/), turned
 * into sorted C initialisers by the Makefile (the .inc files of
 * $(BUILD)/gen/) and
 * searched with bsearch.
 */
#include "redline/lexicon.h"

#include <pthread.h>
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
	int within; /* anywhere in the line, not only at its start */
} furniture[] = {
#include "furniture.inc"
};

static const char *const negations[] = {
#include "negations.inc"
};

static const char *const negverbs[] = {
#include "negverbs.inc"
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
	size_t m = strlen(entry);
	int c = memcmp(w, entry, n < m ? n : m);
	if (c)
		return c;
	return n < m ? -1 : n > m;
}

static int
order(const struct key *k, const char *entry)
{
	return lex_order(k->w, k->n, entry);
}

static int
by_frame(const void *k, const void *e)
{
	return order(k, ((const struct frame_word *)e)->word);
}

static int
by_number(const void *k, const void *e)
{
	return order(k, ((const struct number_word *)e)->word);
}

int
lex_is_frame(const char *w, size_t n)
{
	struct key k = {w, n};
	const struct frame_word *f =
	        bsearch(&k, frames, sizeof frames / sizeof *frames,
	                sizeof *frames, by_frame);
	return f ? f->kind : LEX_FRAME_NONE;
}

static int
by_form(const void *k, const void *e)
{
	return order(k, ((const struct verb_form *)e)->word);
}

const char *
lex_base_form(const char *w, size_t n)
{
	struct key k = {w, n};
	const struct verb_form *f =
	        bsearch(&k, forms, sizeof forms / sizeof *forms, sizeof *forms,
	                by_form);
	return f ? f->base : NULL;
}

static int
by_word(const void *k, const void *e)
{
	return order(k, *(const char *const *)e);
}

int
lex_is_negation(const char *w, size_t n)
{
	struct key k = {w, n};

	/* don't, isn't, can't: with a straight or a curly apostrophe */
	if ((n > 3 && memcmp(w + n - 3, "n't", 3) == 0) ||
	    (n > 5 && memcmp(w + n - 5, "n\xE2\x80\x99t", 5) == 0))
		return 1;
	/* most words start with a letter no entry starts with: a glance at
	 * the first letters (a dozen of them) before the search */
	if (!n || !lex_negation_initial((unsigned char)w[0]))
		return 0;
	return bsearch(&k, negations, sizeof negations / sizeof *negations,
	               sizeof *negations, by_word) != NULL;
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
lex_is_negverb(const char *w, size_t n)
{
	struct key k = {w, n};

	return bsearch(&k, negverbs, sizeof negverbs / sizeof *negverbs,
	               sizeof *negverbs, by_word) != NULL;
}

static int
by_hedge(const void *k, const void *e)
{
	return order(k, ((const struct hedge *)e)->phrase);
}

const char *
lex_hedge(const char *w, size_t n, int *number)
{
	struct key k = {w, n};
	const struct hedge *h =
	        bsearch(&k, hedges, sizeof hedges / sizeof *hedges,
	                sizeof *hedges, by_hedge);
	if (!h)
		return NULL;
	*number = h->number;
	return h->cls;
}

static int
by_place(const void *k, const void *e)
{
	return order(k, ((const struct place *)e)->key);
}

int
lex_place(const char *key, size_t n, int *kind)
{
	struct key k = {key, n};
	const struct place *p =
	        bsearch(&k, places, sizeof places / sizeof *places,
	                sizeof *places, by_place);
	if (!p)
		return -1;
	*kind = p->kind;
	return p->group;
}

static int
by_source(const void *k, const void *e)
{
	return order(k, ((const struct source_word *)e)->word);
}

int
lex_source(const char *w, size_t n)
{
	struct key k = {w, n};
	const struct source_word *s =
	        bsearch(&k, sources, sizeof sources / sizeof *sources,
	                sizeof *sources, by_source);
	return s ? s->kind : LEX_SOURCE_NONE;
}

const char *
lex_title(size_t i)
{
	return i < sizeof titles / sizeof *titles ? titles[i] : NULL;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

size_t
lex_number(const char *w, size_t n, char *out, size_t outlen)
{
	struct key k = {w, n};
	const struct number_word *nw;
	size_t i, len = 0;

	if (n == 0)
		return 0;
	if (!is_digit(w[0])) {
		nw = bsearch(&k, numbers, sizeof numbers / sizeof *numbers,
		             sizeof *numbers, by_number);
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

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Does s[at..n) begin with phrase, regardless of ASCII case? */
static int
starts(const unsigned char *s, size_t n, size_t at, const char *phrase)
{
	size_t m = strlen(phrase);
	if (m > n - at)
		return 0;
	for (size_t i = 0; i < m; i++)
		if (lower(s[at + i]) != (unsigned char)phrase[i])
			return 0;
	return 1;
}

static int
is_letter(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

int
lex_is_furniture(const unsigned char *s, size_t n)
{
	size_t at = 0;

	/* opening punctuation and spaces */
	while (at < n && !is_letter(s[at]) && !(s[at] >= '0' && s[at] <= '9'))
		at++;
	for (size_t k = 0; k < sizeof furniture / sizeof *furniture; k++) {
		const char *p = furniture[k].phrase;
		size_t m = strlen(p);
		if (!furniture[k].within) {
			/* the phrase, then no letter: "By" but not "Bystanders"
			 */
			if (starts(s, n, at, p) &&
			    (at + m == n || !is_letter(s[at + m]) ||
			     !is_letter((unsigned char)p[m - 1])))
				return 1;
			continue;
		}
		for (size_t i = at; i + m <= n; i++)
			if ((i == 0 || !is_letter(s[i - 1])) &&
			    starts(s, n, i, p))
				return 1;
	}
	return 0;
}
