/* segment.h - sentences and paragraphs of a tokenized text.
 *
 * A segment is a sentence, or a line with no sentence end of its own (a
 * headline, caption, dateline or menu item).  Segments cover every token of
 * the text, in order, without overlap.  The rules are at the top of
 * segment.c.
 */
#ifndef REDLINE_SEGMENT_H
#define REDLINE_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "redline/text.h"
#include "redline/token.h"

struct seg {
	uint32_t t0, t1; /* token range [t0, t1), never empty */
	uint32_t para;   /* paragraph number, from 0 */
};

struct seglist {
	struct seg *v;
	size_t n, cap;
	int hard_wrapped; /* lines were wrapped inside paragraphs */
};

/* Split the tokens l of text t into segments in *out (zeroed or released
 * before).  Returns 0, or -1 when memory ran out (then *out is released). */
int seg_split(const struct text *t, const struct toklist *l,
              struct seglist *out);

/* Release what *s owns. */
void seg_free(struct seglist *s);

/* Byte span [*start, *end) of segments [s0, s1) (s0 < s1) in the text. */
void seg_bytes(const struct seglist *s, const struct toklist *l, size_t s0,
               size_t s1, size_t *start, size_t *end);

#endif
