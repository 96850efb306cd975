/* wdiff.c - the inline word diff export: [-deleted-] {+inserted+}.
 *
 * The layout is the rewrite's: kept and inserted words are written with the
 * rewrite's bytes and the rewrite's white space before them.  A deletion is
 * written where it happened, with the official text's bytes; where the
 * official text had white space around it and the rewrite has none, a single
 * space keeps it apart from its neighbours ("[-Mister-] Smith").  So the
 * output without its deletions and marks has exactly the rewrite's text,
 * and its white space but for those separating spaces.
 */
#include <stdint.h>

#include "redline/export.h"

/* The rewrite's white space before token j (the trailing white space when j
 * is past the last token is written at the end, not here). */
static int
right_gap(FILE *f, const struct cmp *c, uint32_t j, int visible)
{
	const struct text *t = c->right;
	size_t from, to;

	if (j >= c->rt.n)
		return 0;
	from = j == 0 ? t->body : tok_end(&c->rt, j - 1);
	to = c->rt.v[j].off;
	return export_bytes(f, t->buf + from, to - from, visible);
}

/* Bytes of tokens [from, to) of one side, first start to last end. */
static int
tokens(FILE *f, const struct text *t, const struct toklist *l, uint32_t from,
       uint32_t to, int visible)
{
	size_t s = l->v[from].off, e = tok_end(l, to - 1);
	return export_bytes(f, t->buf + s, e - s, visible);
}

int
export_wdiff(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	const struct text *rt = c->right;
	uint32_t gap_done = UINT32_MAX; /* right token whose gap is written */
	int sep = 0; /* the official text had white space after a deletion */
	size_t i, tail;

	for (i = 0; i < c->ops.n; i++) {
		const struct dop *op = &c->ops.v[i];
		int fresh = gap_done != op->b0;

		if (fresh && right_gap(f, c, op->b0, o->visible) < 0)
			return -1;
		gap_done = op->b0;
		if (dop_kind(op) == DOP_DELETE) {
			int had_gap = op->b0 < c->rt.n && c->rt.v[op->b0].space;
			if (fresh && !had_gap && op->a0 > 0 &&
			    c->lt.v[op->a0].space && fputc(' ', f) == EOF)
				return -1;
			if (export_sgr(f, o, SGR_DEL) < 0 ||
			    fputs("[-", f) == EOF ||
			    tokens(f, c->left, &c->lt, op->a0, op->a1,
			           o->visible) < 0 ||
			    fputs("-]", f) == EOF || export_sgr(f, o, "") < 0)
				return -1;
			sep = had_gap ||
			      (op->a1 < c->lt.n && c->lt.v[op->a1].space);
			continue;
		}
		if (!fresh && sep && fputc(' ', f) == EOF)
			return -1;
		sep = 0;
		int ins = dop_kind(op) == DOP_INSERT;
		if ((ins && (export_sgr(f, o, SGR_INS) < 0 ||
		             fputs("{+", f) == EOF)) ||
		    tokens(f, rt, &c->rt, op->b0, op->b1, o->visible) < 0 ||
		    (ins &&
		     (fputs("+}", f) == EOF || export_sgr(f, o, "") < 0)))
			return -1;
	}
	/* the rewrite's trailing white space (its final newline) */
	tail = c->rt.n ? tok_end(&c->rt, c->rt.n - 1) : rt->body;
	if (export_bytes(f, rt->buf + tail, rt->len - tail, o->visible) < 0)
		return -1;
	if (c->rt.n == 0 && c->lt.n && fputc('\n', f) == EOF)
		return -1;
	return fflush(f) == EOF || ferror(f) ? -1 : 0;
}
