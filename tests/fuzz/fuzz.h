/* fuzz.h - what the libFuzzer targets share: cutting one input into the two
 * texts of a pair, and failing loudly.
 *
 * An input is the official text, a NUL byte, then the rewrite; with no NUL
 * it is cut in the middle.  Texts are loaded with TEXT_LAX, as --text does,
 * so invalid UTF-8 and control bytes reach the tokenizer and everything
 * after it.
 */
#ifndef REDLINE_FUZZ_H
#define REDLINE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/compare.h"

/* Abort with a message: libFuzzer saves the input as a crash. */
#define FUZZ_CHECK(cond)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #cond);                              \
			abort();                                               \
		}                                                              \
	} while (0)

/* Load the two texts of input d[0..n) into *a and *b.  Returns 0, or -1
 * when a side cannot be loaded (then neither needs text_done). */
static inline int
fuzz_pair(const uint8_t *d, size_t n, struct text *a, struct text *b)
{
	const uint8_t *nul = memchr(d, 0, n);
	size_t cut = nul ? (size_t)(nul - d) : n / 2;
	size_t skip = nul ? 1 : 0;
	struct text_where w;

	if (text_from_memory(a, "official", d, cut, TEXT_LAX, &w) != TEXT_OK)
		return -1;
	if (text_from_memory(b, "rewrite", d + cut + skip, n - cut - skip,
	                     TEXT_LAX, &w) != TEXT_OK) {
		text_done(a);
		return -1;
	}
	return 0;
}

#endif
