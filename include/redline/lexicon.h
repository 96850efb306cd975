/* lexicon.h - what the sentence alignment knows of English words beyond
 * their stems: reporting frames, the values of numbers, the forms of
 * irregular verbs, titles, page furniture, negators, hedges and the words
 * that name a source.
 *
 * The word lists are data files (the .txt files of data/en/, each documented
 * with its source) compiled in at build time.  Words are given folded (lower
 * case, NFC), as uni_key folds them.
 */
#ifndef REDLINE_LEXICON_H
#define REDLINE_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* What a reporting-frame word is (data/en/frames.txt). */
enum lex_frame {
	LEX_FRAME_NONE = 0,
	LEX_FRAME_VERB = 1,  /* a verb of saying: said, told, according */
	LEX_FRAME_OTHER = 2, /* a verb with other senses: announced, noted */
	LEX_FRAME_NOUN = 3   /* statement, spokesperson, ... */
};

/* The order every word list is sorted and searched in (sort(1)'s in the
 * C locale, strcmp's): bytewise, a shorter prefix first.  Below, at or
 * above 0 as the word w[0..n) sorts before, as or after the NUL-ended
 * entry. */
int lex_order(const char *w, size_t n, const char *entry);

/* The number of the entry that is w[0..n) in a packed table of count
 * entries (entry k a NUL-ended key at text + at[k], sorted by lex_order),
 * or count when none is. */
size_t lex_find(const char *text, const uint32_t *at, size_t count,
                const char *w, size_t n);

/* Whether the folded word w[0..n) is a reporting-frame word, and which
 * kind: an enum lex_frame. */
int lex_is_frame(const char *w, size_t n);

/* The base form of the folded word w[0..n) when it is an irregular form
 * of a common verb (data/en/forms.txt: "are" and "was" give "be", "has"
 * gives "have"), as a NUL-terminated string; NULL otherwise. */
const char *lex_base_form(const char *w, size_t n);

/* The American spelling of the folded word w[0..n) when it is spelt
 * otherwise in Britain (labour gives labor, centre center, organise
 * organize, programme program: the SCOWL word lists paired by
 * scripts/spelling.py at build time), as a NUL-terminated string; NULL for
 * any other word. */
const char *lex_american(const char *w, size_t n);

/* 1 when the folded word w[0..n) turns a clause to the negative
 * (data/en/negations.txt: "not", "no", "never", "without"; or any word
 * ending in "n't"), else 0. */
int lex_is_negation(const char *w, size_t n);

/* 1 when some word of data/en/negations.txt starts with byte c, else 0:
 * a word whose first byte is none of those and whose last is not 't' is
 * no negation (lex_is_negation), with no need to fold it. */
int lex_negation_initial(unsigned char c);

/* 1 when the folded word w[0..n) negates a clause by its meaning
 * (data/en/negverbs.txt: "failed", "denied", "rejected"), else 0. */
int lex_is_negverb(const char *w, size_t n);

/* 1 when the folded word w[0..n) opens a sentence but never a name
 * (data/en/openers.txt: "despite", "many", "yesterday"), else 0. */
int lex_is_opener(const char *w, size_t n);

/* 1 when the folded word w[0..n) is a common first name in "-ly"
 * ("sally", "emily", "beverly": SCOWL's proper names up to level 50,
 * built into a table), else 0. */
int lex_is_ly_name(const char *w, size_t n);

/* The class of the hedge or modal w[0..n) (data/en/hedges.txt: one or two
 * folded words, joined by one space: "may", "at least"), as a
 * NUL-terminated name ("possible", "bound") that two hedges of one class
 * share, and in *number whether it counts only before a number; NULL
 * when w is none. */
const char *lex_hedge(const char *w, size_t n, int *number);

/* 1 when the folded word w[0..n) is a hedge of its own or the first word
 * of one (lex_hedge), 0 when no hedge starts with it. */
int lex_hedge_may_start(const char *w, size_t n);

/* What a source word is (data/en/sources.txt). */
enum lex_source {
	LEX_SOURCE_NONE = 0,
	LEX_SOURCE_DOCUMENT = 1, /* statement, release, readout */
	LEX_SOURCE_SPEAKER = 2,  /* spokesperson */
	LEX_SOURCE_BODY = 3      /* ministry, embassy: the source only when
	                            the official text names one */
};

/* Whether the folded word w[0..n) names the official source in an
 * attribution frame, and how: an enum lex_source. */
int lex_source(const char *w, size_t n);

/* The three kinds of a country's names (data/en/places.txt). */
enum lex_place_kind { LEX_COUNTRY, LEX_DEMONYM, LEX_CAPITAL };

/* The country that the key (lower-case letters and digits, no spaces:
 * "unitedstates", "mexican", "moscow") names as its name, demonym or
 * capital (data/en/places.txt), as a number from 1 that one country's
 * names share, with the kind of name in *kind; -1 when it names none. */
int lex_place(const char *key, size_t n, int *kind);

/* Does the key of some country's name (as lex_place reads them) start
 * with key[0..n): 1 or 0.  A run of words whose key no entry starts with
 * names no country however it goes on. */
int lex_place_prefix(const char *key, size_t n);

/* The i-th word of the list of titles that stand before or for a name
 * (data/en/titles.txt: "president", "secretary"), folded, from 0; NULL
 * past the last. */
const char *lex_title(size_t i);

/* Is w[0..n) (n > 0) a word of the list of titles (lex_title), byte for
 * byte: 1 or 0. */
int lex_is_title(const char *w, size_t n);

/* The most words a byline has: a longer line that begins "By ..." is a
 * sentence ("By 2030, the harbour will ..."). */
#define LEX_FURNITURE_WORDS 12

/* What makes a line furniture (lex_furniture's bits). */
enum {
	LEX_FURN_START = 1, /* it begins with a phrase no sentence of prose
	                       begins with ("FILE -", "Read more", "Follow
	                       us") */
	LEX_FURN_SHORT = 2, /* it begins with a byline's phrase that a
	                       sentence may begin with too ("By", "Source"):
	                       furniture only when short (LEX_FURNITURE_WORDS
	                       words) */
	LEX_FURN_WITHIN = 4 /* it holds a credit ("with inputs from",
	                       "- Photo", "contributed to this report") */
};

/* Which of the LEX_FURN_ bits the line s[0..n) (a line of its own of the
 * rewrite, as its bytes) has, by the phrases of data/en/furniture.txt
 * (compared without regard to ASCII case); 0 when it reads as no page
 * furniture. */
unsigned lex_furniture(const unsigned char *s, size_t n);

/* lex_furniture(s, n) != 0: the line reads as page furniture (a caption
 * credit, byline, source or credit line, or site chrome). */
int lex_is_furniture(const unsigned char *s, size_t n);

/* 1 when the paragraph whose first bytes are s[0..n) begins with a
 * site's standing notice of data/en/furniture.txt ("Persons using
 * assistive technology ..."): furniture however long it is; else 0. */
int lex_is_notice(const unsigned char *s, size_t n);

/* 1 when the word s[0..n) (as written; ASCII case ignored) may stand
 * beside a date in a timestamp line: "am", "p.m.", "GMT"
 * (data/en/furniture.txt, "clock"); else 0. */
int lex_is_clock_word(const char *s, size_t n);

/* The value of a number written as the folded word w[0..n), as digits, so
 * that ways of writing one number compare equal: a number word ("five":
 * data/en/numbers.txt) gives its digits; a numeral loses the separators
 * between its digit groups ("7,600": "7600") and an ordinal suffix ("6th":
 * "6").  Writes the digits to out (room for outlen bytes, no terminator)
 * and returns their length; 0 when w is no number or out is too small. */
size_t lex_number(const char *w, size_t n, char *out, size_t outlen);

/* The bit, of 1024 (LEX_FILTER_BITS), that the non-empty word w[0..n)
 * sets in a filter of a word list by length and first and last bytes:
 * a clear bit in a list's filter says the word is not in it without the
 * search (lexicon.c's number words, value.c's lists). */
#define LEX_FILTER_BITS 1024
static inline unsigned
lex_filter_bit(const char *w, size_t n)
{
	uint32_t h = (uint32_t)(unsigned char)w[0] << 16 ^
	             (uint32_t)(unsigned char)w[n - 1] << 8 ^ (uint32_t)n;
	return (h * 2654435761u) >> (32 - 10); /* LEX_FILTER_BITS is 2^10 */
}

#endif
