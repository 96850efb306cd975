/* wdiff.c - the inline word diff export: [-deleted-] {+inserted+}.
 *
 * Kept and inserted words are written with the rewrite's bytes and the
 * rewrite's white space before them; deleted words with the official text's
 * bytes and white space.  So the output read without the deletions is the
 * rewrite, byte for byte.
 */
#include "redline/export.h"

/* Write the bytes of tokens [from, to) of one side, from the start of the
 * first to the end of the last, preceded by the white space before the
 * first. */
static int
span(FILE *f, const struct text *t, const struct toklist *l, uint32_t from,
     uint32_t to, const char *open, const char *close, int visible)
{
	size_t gap0 = from == 0 ? t->body : l->v[from - 1].off + l->v[from - 1].len;
	size_t s = l->v[from].off, e = l->v[to - 1].off + l->v[to - 1].len;

	if (export_text(f, t->buf + gap0, s - gap0, visible) < 0)
		return -1;
	if (open && fputs(open, f) == EOF)
		return -1;
	if (export_text(f, t->buf + s, e - s, visible) < 0)
		return -1;
	if (close && fputs(close, f) == EOF)
		return -1;
	return 0;
}

int
export_wdiff(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	const struct text *rt = c->right;
	size_t i, tail;
	int need_space = 0; /* a deletion was followed by white space */

	for (i = 0; i < c->ops.n; i++) {
		const struct dop *op = &c->ops.v[i];
		int rc;
		/* The rewrite may have no white space where the official
		 * text had some after a deletion ("[-A-]B"); keep one. */
		if (need_space && op->kind != DOP_DELETE &&
		    !c->rt.v[op->b0].space && fputc(' ', f) == EOF)
			return -1;
		need_space = op->kind == DOP_DELETE && op->a1 < c->lt.n &&
		             c->lt.v[op->a1].space;
		switch (op->kind) {
		case DOP_EQUAL:
			rc = span(f, rt, &c->rt, op->b0, op->b1, NULL, NULL,
			          o->visible);
			break;
		case DOP_DELETE:
			rc = span(f, c->left, &c->lt, op->a0, op->a1, "[-", "-]",
			          o->visible);
			break;
		default:
			rc = span(f, rt, &c->rt, op->b0, op->b1, "{+", "+}",
			          o->visible);
			break;
		}
		if (rc < 0)
			return -1;
	}
	/* the rewrite's trailing white space (its final newline) */
	tail = c->rt.n ? c->rt.v[c->rt.n - 1].off + c->rt.v[c->rt.n - 1].len
	               : rt->body;
	if (export_text(f, rt->buf + tail, rt->len - tail, o->visible) < 0)
		return -1;
	if (c->rt.n == 0 && c->lt.n && fputc('\n', f) == EOF)
		return -1;
	return fflush(f) == EOF || ferror(f) ? -1 : 0;
}
