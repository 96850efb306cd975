/* stem.h - content words and their stems, for finding counterparts.
 *
 * Stemming is Snowball's (libstemmer); the stop list (function words that
 * say nothing about which sentence is which) is ours, for English.  Words
 * are case-folded before both.
 */
#ifndef REDLINE_STEM_H
#define REDLINE_STEM_H

#include <stddef.h>

struct stemmer;

/* A stemmer for a Snowball language name ("english", "german", ...), or
 * NULL when the language is unknown, libstemmer could not be loaded (see
 * stem_load_error) or memory ran out.  The first call loads libstemmer;
 * any thread may call it. */
struct stemmer *stem_new(const char *language);

/* NULL once libstemmer is loaded (loading it if need be), else the
 * loader's message saying why it could not be. */
const char *stem_load_error(void);

/* 1 when s is English's stemmer (Porter2: "english", "en" or "eng"), the
 * one build-time tables of stems were made with, else 0. */
int stem_is_english(const struct stemmer *s);

/* Release it.  NULL is fine. */
void stem_free(struct stemmer *s);

/* 1 when the case-folded word w[0..n) is on the stop list. */
int stem_is_stop(const char *w, size_t n);

/* Stem of the case-folded word w[0..n).  Stores a pointer to it in *out
 * (valid until the next call on s) and its length in *outlen.  Returns 0,
 * or -1 when memory ran out. */
int stem_word(struct stemmer *s, const char *w, size_t n, const char **out,
              size_t *outlen);

/* 1 when the case-folded word names a number ("seven", "dozen"), so a
 * quantity written in words counts as a fact. */
int stem_is_number_word(const char *w, size_t n);

#endif
