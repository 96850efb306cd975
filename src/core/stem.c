/* stem.c - libstemmer behind a small interface, and our word lists.
 *
 * Owns the English stop list and number-word list (sorted arrays, found
 * through a hash of each made once, listhash).  Both are policy, not Unicode
 * data: words that occur in any sentence whatever its subject, and words that
 * spell quantities.
 *
 * Also owns reaching libstemmer.  Built with STEMMER_STATIC (the Makefile
 * sets it where the library's archive is installed), the library is linked
 * into a program at a fixed address, where its tables of pointers (about
 * 330 KiB for all its languages) need no relocating and only the pages the
 * chosen language reads are ever loaded.  Without it, the shared library
 * is opened with dlopen when the first stemmer is made, not linked: its
 * tables are relocated when it loads, which took 91 of the program's 185
 * page faults at start-up and 1.2 ms on the benchmark machine, in every
 * run; only the sentence alignment stems words, and the word-diff exports
 * never run it.  The Makefile names it by the soname of the one it
 * compiled against (STEMMER_SONAME).
 */
#include "redline/stem.h"

#include <dlfcn.h>
#include <libstemmer.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef STEMMER_SONAME
#define STEMMER_SONAME "libstemmer.so"
#endif

/* libstemmer's functions, once it is loaded. */
static struct {
	void *lib;
	struct sb_stemmer *(*make)(const char *, const char *);
	void (*drop)(struct sb_stemmer *);
	const sb_symbol *(*stem)(struct sb_stemmer *, const sb_symbol *, int);
	int (*length)(struct sb_stemmer *);
	char why[256]; /* why it could not be loaded, if it could not */
} snow;
static pthread_once_t snow_once = PTHREAD_ONCE_INIT;

#ifdef STEMMER_STATIC
/* The library is linked in: its functions, and nothing to load. */
static void
snow_load(void)
{
	snow.lib = &snow;
	snow.make = sb_stemmer_new;
	snow.drop = sb_stemmer_delete;
	snow.stem = sb_stemmer_stem;
	snow.length = sb_stemmer_length;
}
#else
static void
snow_unload(void)
{
	dlclose(snow.lib);
}

static void
snow_load(void)
{
	const char *err;

	snow.lib = dlopen(STEMMER_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (snow.lib) {
		/* POSIX's way to take a function from dlsym (ISO C has no
		 * conversion from void * to a function pointer) */
		*(void **)&snow.make = dlsym(snow.lib, "sb_stemmer_new");
		*(void **)&snow.drop = dlsym(snow.lib, "sb_stemmer_delete");
		*(void **)&snow.stem = dlsym(snow.lib, "sb_stemmer_stem");
		*(void **)&snow.length = dlsym(snow.lib, "sb_stemmer_length");
		if (snow.make && snow.drop && snow.stem && snow.length) {
			(void)atexit(snow_unload); /* else the exit unmaps it */
			return;
		}
	}
	err = dlerror();
	snprintf(snow.why, sizeof snow.why, "%s",
	         err ? err : STEMMER_SONAME ": not usable");
	if (snow.lib)
		dlclose(snow.lib);
	snow.lib = NULL;
}
#endif

struct stemmer {
	struct sb_stemmer *sb;
	int english; /* the English (Porter2) stemmer: stem_kept applies */
};

static const char *const stop_words[] = {
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

static const char *const number_words[] = {
        "billion",  "dozen",   "eight",     "eighteen", "eighty",   "eleven",
        "fifteen",  "fifty",   "five",      "forty",    "four",     "fourteen",
        "half",     "hundred", "million",   "nine",     "nineteen", "ninety",
        "one",      "seven",   "seventeen", "seventy",  "six",      "sixteen",
        "sixty",    "ten",     "thirteen",  "thirty",   "thousand", "three",
        "trillion", "twelve",  "twenty",    "two",
};

/* A list's words by a hash of their length and first and last bytes:
 * the lists are asked of every distinct word of a text, some 4,000
 * times at 10,000 words, where a binary search cost some 140
 * instructions a word and this some 30. */
#define LIST_SLOTS 256
struct listhash {
	const char *const *words;
	size_t count;
	unsigned char slot[LIST_SLOTS]; /* 1 + a word's index; 0: none */
	unsigned char next[256];        /* the same, for the slot's next */
	unsigned char len[256];
};

static struct listhash stop_hash = {stop_words,
                                    sizeof stop_words / sizeof *stop_words,
                                    {0},
                                    {0},
                                    {0}},
                       number_hash = {number_words,
                                      sizeof number_words /
                                              sizeof *number_words,
                                      {0},
                                      {0},
                                      {0}};
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static inline size_t
list_slot(const char *w, size_t n)
{
	return ((size_t)(unsigned char)w[0] * 7 +
	        (size_t)(unsigned char)w[n - 1] * 31 + n) &
	       (LIST_SLOTS - 1);
}

static void
list_build(struct listhash *h)
{
	for (size_t i = h->count; i-- > 0;) {
		size_t n = strlen(h->words[i]), k = list_slot(h->words[i], n);
		h->len[i] = (unsigned char)n;
		h->next[i] = h->slot[k];
		h->slot[k] = (unsigned char)(i + 1);
	}
}

static void
lists_build(void)
{
	list_build(&stop_hash);
	list_build(&number_hash);
}

static int
in_list(struct listhash *h, const char *w, size_t n)
{
	if (n == 0 || n > 255)
		return 0;
	(void)pthread_once(&lists_once, lists_build);
	for (unsigned i = h->slot[list_slot(w, n)]; i; i = h->next[i - 1])
		if (h->len[i - 1] == n && memcmp(h->words[i - 1], w, n) == 0)
			return 1;
	return 0;
}

int
stem_is_stop(const char *w, size_t n)
{
	return in_list(&stop_hash, w, n);
}

int
stem_is_number_word(const char *w, size_t n)
{
	/* "seven-year": the part before a hyphen counts */
	const char *h = memchr(w, '-', n);
	if (h)
		n = (size_t)(h - w);
	return in_list(&number_hash, w, n);
}

struct stemmer *
stem_new(const char *language)
{
	struct stemmer *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	if (pthread_once(&snow_once, snow_load) != 0 || !snow.lib) {
		free(s);
		return NULL;
	}
	s->sb = snow.make(language, "UTF_8");
	if (!s->sb) {
		free(s);
		return NULL;
	}
	s->english = language && (strcmp(language, "english") == 0 ||
	                          strcmp(language, "en") == 0 ||
	                          strcmp(language, "eng") == 0);
	return s;
}

int
stem_is_english(const struct stemmer *s)
{
	return s->english;
}

void
stem_free(struct stemmer *s)
{
	if (!s)
		return;
	snow.drop(s->sb);
	free(s);
}

/* Whether English's stemmer (Porter2) gives back w[0..n) unchanged, known
 * without running it: a word of ASCII lower-case letters two letters long
 * or less (the algorithm leaves those), or one whose ending ends none of
 * its suffixes, so that no step applies.  A last letter of a b f h j k o
 * p q u v w x z ends none ("which", "work", "group", "law", "tax"); of d
 * g t only "ed" "ng" "nt" do ("ed", "eed", "ied"; "ing"; "ant", "ent",
 * "ment"), so "word", "long" and "part" are kept; of c l m n r only "ic",
 * "al" "ul" "ll" ("ical", "ful", step 5's double l), "sm", "on" ("ation",
 * "ion") and "er" "or" ("izer", "ator"); a y after a e o u is kept by
 * step 1c ("day", "key"); of s, "ss" and "us" are left by step 1a and
 * only "ness" and "ous" of them end a later suffix ("class", "bonus").
 * Its exceptions all end otherwise.  Checked against every such word of
 * SCOWL's lists and of the bench texts (446,237 words; of the 64,139 kept
 * by their last letters but one, none changed by the stemmer; the unit
 * tests hold a few).  Saves some 2,500 instructions a word. */
static int
stem_kept(const char *w, size_t n)
{
	/* bit c - 'a': a letter that ends no suffix */
	const uint32_t kept =
	        1u << ('a' - 'a') | 1u << ('b' - 'a') | 1u << ('f' - 'a') |
	        1u << ('h' - 'a') | 1u << ('j' - 'a') | 1u << ('k' - 'a') |
	        1u << ('o' - 'a') | 1u << ('p' - 'a') | 1u << ('q' - 'a') |
	        1u << ('u' - 'a') | 1u << ('v' - 'a') | 1u << ('w' - 'a') |
	        1u << ('x' - 'a') | 1u << ('z' - 'a');
	/* for a last letter that ends some suffix, the letters before it
	 * that leave no suffix ending there (for s, but "ous" and "ness") */
#define L(c) (1u << ((c) - 'a'))
	static const uint32_t before[26] = {
	        ['c' - 'a'] = ~L('i'),
	        ['d' - 'a'] = ~L('e'),
	        ['g' - 'a'] = ~L('n'),
	        ['l' - 'a'] = ~(L('a') | L('u') | L('l')),
	        ['m' - 'a'] = ~L('s'),
	        ['n' - 'a'] = ~L('o'),
	        ['r' - 'a'] = ~(L('e') | L('o')),
	        ['s' - 'a'] = L('s') | L('u'),
	        ['t' - 'a'] = ~L('n'),
	        ['y' - 'a'] = L('a') | L('e') | L('o') | L('u'),
	};
#undef L
	unsigned char last, prev;

	if (n == 0)
		return 0;
	last = (unsigned char)w[n - 1];
	if (n > 2) {
		prev = (unsigned char)w[n - 2];
		if (last < 'a' || last > 'z' || prev < 'a' || prev > 'z')
			return 0;
		if (!(kept >> (last - 'a') & 1) &&
		    !(before[last - 'a'] >> (prev - 'a') & 1))
			return 0;
		if (last == 's' &&
		    (memcmp(w + n - 3, "ous", 3) == 0 ||
		     (n >= 4 && memcmp(w + n - 4, "ness", 4) == 0)))
			return 0;
	}
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return 0;
	return 1;
}

int
stem_word(struct stemmer *s, const char *w, size_t n, const char **out,
          size_t *outlen)
{
	const sb_symbol *r;

	if (n > 1000 || (s->english && stem_kept(w, n))) {
		/* not a word, or one English's stemmer leaves as it is:
		 * stemming it would only cost time */
		*out = w;
		*outlen = n;
		return 0;
	}
	r = snow.stem(s->sb, (const sb_symbol *)w, (int)n);
	if (!r)
		return -1;
	*out = (const char *)r;
	*outlen = (size_t)snow.length(s->sb);
	return 0;
}

const char *
stem_load_error(void)
{
	(void)pthread_once(&snow_once, snow_load);
	return snow.lib ? NULL : snow.why;
}
