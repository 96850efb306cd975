/* aliaskey.c - the key a word of the alias table is interned under
 * (aliaskey.h), shared by the aligner (words.c, for a language other than
 * English) and the build tool that writes the English keys into the table
 * (src/tools/aliaskeys.c), so that the two cannot differ.
 */
#include "aliaskey.h"

#include "redline/lexicon.h"

int
alias_key(struct stemmer *st, const char *w, size_t n, struct alias_keybuf *b,
          const char **key, size_t *len)
{
	size_t i, j, nd;

	if (n >= sizeof b->word)
		n = sizeof b->word - 1;
	for (i = j = 0; i < n; i++)
		if (w[i] != '.' && w[i] != '-')
			b->word[j++] = w[i];
	if (stem_is_stop(b->word, j)) {
		*key = b->word;
		*len = j;
		return 0;
	}
	nd = lex_number(b->word, j, b->digits, sizeof b->digits);
	if (nd) {
		*key = b->digits;
		*len = nd;
		return 0;
	}
	return stem_word(st, b->word, j, key, len);
}
