/* aliaskey.h - the key a word of the alias table is interned under. */
#ifndef REDLINE_ALIASKEY_H
#define REDLINE_ALIASKEY_H

#include <stddef.h>

#include "redline/stem.h"

/* Room for a key: the word (up to 127 bytes kept) and its digits. */
struct alias_keybuf {
	char word[128];
	char digits[64];
};

/* The key of the folded word w[0..n) as the alignment interns it for a
 * token holding that word (content_id's rule): '.' and '-' dropped, then
 * a stop word as it is, a number word or numeral its digits, else its stem
 * by st.  Stores a pointer to the key (in b, or st's, valid until the
 * next call on either) in *key and its length in *len.  Returns 0, or -1
 * when memory ran out. */
int alias_key(struct stemmer *st, const char *w, size_t n,
              struct alias_keybuf *b, const char **key, size_t *len);

#endif
