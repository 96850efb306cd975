/* plain.c - the two-column text export: the viewer's layout, printed.
 *
 * Each passage starts with a two-character margin (kind: '=' verbatim, '~'
 * paraphrase, '<' omission, '>' addition; '*' when moved), then the
 * official column, opening with the passage's number "[N]" as every
 * export numbers it, " | ", the rewrite column; word changes are written
 * [-deleted-] and {+inserted+}; a blank line separates passages.  A split
 * or merge is one passage, each of its sentences starting a line of its
 * own; one shown in several places (layout.h's stretches) says so.
 */
#include <stdlib.h>

#include "redline/export.h"
#include "redline/grow.h"
#include "redline/layout.h"

#define BATCH 256

/* The colour of byte ch with layout attributes a, as the viewer draws it:
 * a fact over an insertion over a deletion; the change marks in the colour
 * of what they mark. */
static const char *
attr_sgr(char ch, unsigned char a)
{
	if (a & LA_MARK)
		return ch == '[' || ch == '-' || ch == ']' ? SGR_DEL : SGR_INS;
	return a & LA_FACT  ? SGR_FACT
	       : a & LA_INS ? SGR_INS
	       : a & LA_DEL ? SGR_DEL
	                    : "";
}

/* One side of a row; coloured, each run of one colour in its SGR
 * sequence, the colour reset at the end. */
static int
put_side(FILE *f, const struct lside *s, const struct export_opt *o)
{
	size_t i = 0;

	if (!o->color)
		return s->len == 0 || fwrite(s->s, 1, s->len, f) == s->len ? 0
		                                                           : -1;
	while (i < s->len) {
		const char *sgr = attr_sgr(s->s[i], s->attr[i]);
		size_t j = i + 1;
		while (j < s->len && attr_sgr(s->s[j], s->attr[j]) == sgr)
			j++;
		if ((*sgr && export_sgr(f, o, sgr) < 0) ||
		    fwrite(s->s + i, 1, j - i, f) != j - i ||
		    (*sgr && export_sgr(f, o, "") < 0))
			return -1;
		i = j;
	}
	return 0;
}

/* The two-character margin, coloured by kind (and moves in blue). */
static int
put_mark(FILE *f, const char mark[2], const struct export_opt *o)
{
	const char *sgr = mark[0] == '<'   ? SGR_OMIT
	                  : mark[0] == '>' ? SGR_ADD
	                  : mark[0] == '~' ? SGR_PARA
	                                   : "";

	if ((*sgr && export_sgr(f, o, sgr) < 0) || fputc(mark[0], f) == EOF ||
	    (*sgr && export_sgr(f, o, "") < 0))
		return -1;
	if ((mark[1] == '*' && export_sgr(f, o, SGR_MOVED) < 0) ||
	    fputc(mark[1], f) == EOF ||
	    (mark[1] == '*' && export_sgr(f, o, "") < 0) ||
	    fputc(' ', f) == EOF)
		return -1;
	return 0;
}

int
export_plain(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	struct layout_opt lo = {.width = o->width,
	                        .mode = LAYOUT_ALIGNED,
	                        .wrap = 1,
	                        .marks = 1,
	                        .passnum = 1};
	struct layout *l = layout_new(c, &lo);
	struct lrow *rows = NULL;
	size_t caprows = 0;
	int rc = -1;

	if (!l)
		return -1;
	int colw = layout_colw(l);
	for (size_t r = 0, n; r < layout_nrows(l); r += n) {
		/* BATCH rows, or the rest of the passage at r if more: each
		 * call lays out every passage it shows whole, so a passage
		 * longer than a batch is laid out once, not once a batch */
		size_t item = layout_row_item(l, r);
		size_t want = layout_item_row(l, item + 1) - r;
		if (want < BATCH)
			want = BATCH;
		if (want > caprows) {
			struct lrow *nr = grow_array(rows, &caprows, want,
			                             sizeof *rows, BATCH);
			if (!nr)
				goto out;
			rows = nr;
		}
		n = layout_rows(l, r, want, rows);
		if (n == (size_t)-1 || n == 0)
			goto out;
		for (size_t k = 0; k < n; k++) {
			const struct lrow *w = &rows[k];
			char mark[2] = {' ', ' '};
			if (!w->side[0].len && !w->side[1].len && !w->first) {
				if (fputc('\n', f) == EOF) /* the gap */
					goto out;
				continue;
			}
			if (w->first)
				layout_mark(l, w->item, mark);
			if (put_mark(f, mark, o) < 0 ||
			    put_side(f, &w->side[0], o) < 0 ||
			    fprintf(f, "%*s |", colw - w->side[0].width, "") <
			            0 ||
			    (w->side[1].len &&
			     (fputc(' ', f) == EOF ||
			      put_side(f, &w->side[1], o) < 0)) ||
			    fputc('\n', f) == EOF)
				goto out;
		}
	}
	rc = fflush(f) == EOF || ferror(f) ? -1 : 0;
out:
	free(rows);
	layout_free(l);
	return rc;
}
