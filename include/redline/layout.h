/* layout.h - the comparison model as screen rows at a given width.
 *
 * No curses here: the viewer draws these rows, and --export=plain prints
 * them, so what the viewer shows is tested without a terminal.
 *
 * An item is what lines up across the two columns: a stretch of a passage
 * (passage.h) in aligned mode, or a chunk of the whole-text word diff
 * between two line starts (raw mode).  A stretch shows the blocks of one
 * passage that stand next to each other in display order, the official
 * sentences on the left and the rewrite ones on the right, each in its
 * text's order and starting a line of its own, marked by the passage's
 * word diff; a passage in several places says "([N] continues below)" at the
 * end of one stretch and "(continued from [N])" at the head of the next.
 * So no item moves text out of its order.  Each side
 * of an item is rendered once into a string of visible text (control characters
 * replaced, white space folded) with one attribute byte per byte of it, then
 * wrapped by display width.  Row counts of all items are computed once per
 * width (the row index); the text of an item is rendered only when it is asked
 * for, so the work per screen is bounded by the screen, not the document.
 */
#ifndef REDLINE_LAYOUT_H
#define REDLINE_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "redline/compare.h"

/* Attributes of rendered text, a bit mask. */
enum {
	LA_DEL = 1,      /* official words the rewrite dropped or replaced */
	LA_INS = 2,      /* rewrite words with no counterpart */
	LA_FACT = 4,     /* a new fact (LA_CHANGED: a changed one) */
	LA_MATCH = 8,    /* a search match */
	LA_MARK = 16,    /* change marks written into the text ([- -] {+ +}) */
	LA_TINT = 32,    /* an omission's or addition's text (no marks) */
	LA_NUM = 64,     /* a passage number (layout_opt.numbers) */
	LA_CHANGED = 128 /* a changed fact: a value that took another's place */
};

/* Where a line was cut (wrap off, or a folded passage): lside.cut bits. */
enum { LCUT_LEFT = 1, LCUT_RIGHT = 2 };

enum layout_mode { LAYOUT_ALIGNED, LAYOUT_RAW };

struct layout_opt {
	int width;   /* total columns, margin and gutter included (>= 20) */
	int mode;    /* enum layout_mode */
	int swap;    /* aligned mode: rows in the rewrite's order */
	int wrap;    /* 0: each item keeps to one row, cut at the column */
	int marks;   /* write [-deleted-] and {+inserted+} into the text */
	int single;  /* 0 both columns, 1 only the official, 2 only the
	                rewrite (a terminal too narrow for two) */
	int threads; /* 1: measure the rows on the calling thread only; else
	                on two when there are many items */
	int numbers; /* start each passage with its paragraph and sentence
	                numbers: "¶3.2" (the 2nd sentence of paragraph 3) */
	int passnum; /* aligned mode: start each passage's official side with
	                its number, "[8] " */
	int fold;    /* changes only: an unchanged verbatim item keeps to one
	                row, cut at the column */
	int hoff;    /* wrap off: columns scrolled off at the left (the row
	                count does not depend on it) */
};

/* One side of one row: bytes of visible UTF-8 and their attributes. */
struct lside {
	const char *s;
	const unsigned char *attr;
	size_t len;
	int width; /* display columns of the text */
	int cut;   /* LCUT_* bits: text hidden to the left or right (one column
	              of the text column is kept free for a mark on each cut
	              side: width + marks <= the column) */
};

struct lrow {
	size_t item; /* index of its item */
	int first;   /* the item's first row */
	struct lside side[2];
};

/* Columns of the margin (kind and moved marks) and of the gutter. */
#define LAYOUT_MARGIN 3
#define LAYOUT_GUTTER 3

struct layout;

/* Lay c out under o.  The layout reads c, which must outlive it.  NULL when
 * memory ran out. */
struct layout *layout_new(const struct cmp *c, const struct layout_opt *o);

/* Release it.  NULL is fine. */
void layout_free(struct layout *l);

/* Lay out again at other options (width, mode, swap, wrap, single): the
 * row index is rebuilt.  Returns 0, or -1 when memory ran out (the old
 * layout stays). */
int layout_reset(struct layout *l, const struct layout_opt *o);

/* Scroll sideways: hoff columns hidden at the left of every cut line (wrap
 * off).  The rows stay as they are, so nothing is measured again. */
void layout_set_hoff(struct layout *l, int hoff);

/* Width in columns of the longest line of items [i0, i1) when lines are
 * cut (wrap off), on the sides shown: where sideways scrolling over them
 * ends.  -1 when memory ran out. */
int layout_widest(struct layout *l, size_t i0, size_t i1);

/* Width in columns of one text column under the current options. */
int layout_colw(const struct layout *l);

size_t layout_nrows(const struct layout *l);
size_t layout_nitems(const struct layout *l);

/* First row of item i; the item holding row r. */
size_t layout_item_row(const struct layout *l, size_t i);
size_t layout_row_item(const struct layout *l, size_t r);

/* Fill out[0..n) with rows r .. r+n (fewer at the end; returns how many).
 * The text they point to stays valid until the next call on l.  Returns
 * (size_t)-1 when memory ran out. */
size_t layout_rows(struct layout *l, size_t r, size_t n, struct lrow *out);

/* Aligned mode: the first block of item i (its first official block, or
 * its first rewrite block when it has none); raw mode: NULL. */
const struct block *layout_block(const struct layout *l, size_t i);

/* What an item holds, for the status line. */
struct litem {
	int kind;             /* enum blk_kind of its passage (a passage with a
	                         paraphrased piece is a paraphrase); -1 in raw
	                         mode */
	int moved;            /* a block of it moved */
	int hidden;           /* a block of it holds hidden characters */
	int confusable;       /* a block of it holds a confusable word */
	double sim;           /* of the whole passage */
	size_t nleft, nright; /* its passage's blocks on each side (2 or
	                         more: a merge, or a split) */
	uint32_t ls0, ls1;    /* official sentences shown [ls0, ls1), from its
	                         first to its last; ls0 == ls1: none */
	uint32_t rs0, rs1;    /* rewrite sentences, likewise */
	size_t nfacts;        /* facts in its passage */
	size_t nfind;         /* findings in its passage (finding.h) */
	size_t number;        /* its passage's number, from 1; 0 in raw
	                         mode */
	int cont;             /* a later stretch of its passage */
	size_t places;        /* stretches its passage is shown in */
};

/* Fill *out for item i (< layout_nitems). */
void layout_item(const struct layout *l, size_t i, struct litem *out);

/* The item that shows block b of the model (aligned mode), or
 * (size_t)-1. */
size_t layout_item_of_block(const struct layout *l, size_t b);

/* Paragraph (from 1) and sentence within it (from 1) of sentence s of one
 * side (0 official, 1 rewrite). */
void layout_sentence_number(const struct layout *l, int right, uint32_t s,
                            unsigned *para, unsigned *sent);

/* Two-character margin mark of item i: kind ('=' verbatim, '~'
 * paraphrase, '<' omission, '>' addition; ' ' in raw mode when unchanged,
 * '|' changed), then '!' when the passage holds hidden characters or a
 * confusable word (block.hidden, block.confusable), else '*' when moved,
 * else ' '. */
void layout_mark(const struct layout *l, size_t i, char mark[2]);

/* Set the search pattern, UTF-8 (NULL or "" for none).  It matches the
 * rendered text under the word diff's folding (uni_key: NFC, typographic
 * variants such as ’ and ' lumped, full case folding), one grapheme
 * cluster against one.  Returns 0 or -1 (memory). */
int layout_search(struct layout *l, const char *pattern);

/* The next item after `from` (or before it, if backward), wrapping around,
 * whose text matches the search pattern; (size_t)-1 if none does, or on
 * no memory. */
size_t layout_find(struct layout *l, size_t from, int backward);

/* Items whose text matches the pattern: *total of them, item i being the
 * *index-th (from 1; 0 if it does not match).  Returns 0, or -1 when
 * memory ran out. */
int layout_match_count(struct layout *l, size_t i, size_t *index,
                       size_t *total);

/* Whether item i is a change (not verbatim and unchanged). */
int layout_item_changed(const struct layout *l, size_t i);

#endif
