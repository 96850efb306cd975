/* plain.c - the two-column text export: the viewer's layout, printed.
 *
 * Each passage starts with a two-character margin (kind: '=' verbatim, '~'
 * paraphrase, '<' omission, '>' addition; '*' when moved), then the
 * official column, " | ", the rewrite column; word changes are written
 * [-deleted-] and {+inserted+}; a blank line separates passages.  A split
 * or merge is one passage, each of its sentences starting a line of its
 * own (layout.h's groups).
 */
#include <stdlib.h>

#include "redline/export.h"
#include "redline/layout.h"

#define BATCH 256

static int
put_side(FILE *f, const struct lside *s)
{
	return s->len == 0 || fwrite(s->s, 1, s->len, f) == s->len ? 0 : -1;
}

int
export_plain(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	struct layout_opt lo = {.width = o->width,
	                        .mode = LAYOUT_ALIGNED,
	                        .wrap = 1,
	                        .marks = 1};
	struct layout *l = layout_new(c, &lo);
	struct lrow rows[BATCH];
	int rc = -1;

	if (!l)
		return -1;
	int colw = layout_colw(l);
	for (size_t r = 0, n; r < layout_nrows(l); r += n) {
		n = layout_rows(l, r, BATCH, rows);
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
			if (fprintf(f, "%c%c ", mark[0], mark[1]) < 0 ||
			    put_side(f, &w->side[0]) < 0 ||
			    fprintf(f, "%*s |", colw - w->side[0].width, "") <
			            0 ||
			    (w->side[1].len &&
			     (fputc(' ', f) == EOF ||
			      put_side(f, &w->side[1]) < 0)) ||
			    fputc('\n', f) == EOF)
				goto out;
		}
	}
	rc = fflush(f) == EOF || ferror(f) ? -1 : 0;
out:
	layout_free(l);
	return rc;
}
