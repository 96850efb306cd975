/* layout.h - the comparison model as screen rows at a given width.
 *
 * No curses here: the viewer draws these rows, and --export=plain prints
 * them, so what the viewer shows is tested without a terminal.
 *
 * An item is what lines up across the two columns: a block of the
 * alignment (aligned mode), or a chunk of the whole-text word diff between
 * two line starts (raw mode).  Each side of an item is rendered once into
 * a string of visible text (control characters replaced, white space
 * folded) with one attribute byte per byte of it, then wrapped by display
 * width.  Row counts of all items are computed once per width (the row
 * index); the text of an item is rendered only when it is asked for, so
 * the work per screen is bounded by the screen, not the document.
 */
#ifndef REDLINE_LAYOUT_H
#define REDLINE_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "redline/compare.h"

/* Attributes of rendered text, a bit mask. */
enum {
	LA_DEL = 1,   /* official words the rewrite dropped or replaced */
	LA_INS = 2,   /* rewrite words with no counterpart */
	LA_FACT = 4,  /* a new fact */
	LA_MATCH = 8, /* a search match */
	LA_MARK = 16  /* change marks written into the text ([- -] {+ +}) */
};

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
};

/* One side of one row: bytes of visible UTF-8 and their attributes. */
struct lside {
	const char *s;
	const unsigned char *attr;
	size_t len;
	int width; /* display columns */
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

/* Aligned mode: the block shown as item i; raw mode: NULL. */
const struct block *layout_block(const struct layout *l, size_t i);

/* Two-character margin mark of item i: kind ('=' verbatim, '~'
 * paraphrase, '<' omission, '>' addition; ' ' in raw mode when unchanged,
 * '|' changed), then '!' when the passage holds hidden characters
 * (block.hidden), else '*' when moved, else ' '. */
void layout_mark(const struct layout *l, size_t i, char mark[2]);

/* Set the search pattern (matched case-insensitively in the rendered
 * text; NULL or "" for none).  Returns 0 or -1 (memory). */
int layout_search(struct layout *l, const char *pattern);

/* The next item after `from` (or before it, if backward), wrapping around,
 * whose text matches the search pattern; (size_t)-1 if none does. */
size_t layout_find(struct layout *l, size_t from, int backward);

/* Whether item i is a change (not verbatim and unchanged). */
int layout_item_changed(const struct layout *l, size_t i);

#endif
