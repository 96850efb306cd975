/* plain.c - two-column text export, word-wrapped by display width.
 *
 * Owns: cutting the word diff into chunks that start on a new line on both
 * sides (so paragraphs line up), rendering each side of a chunk as one
 * string with change marks, and wrapping it by display width (uni.h's
 * policy: CJK two columns, combining marks none, emoji sequences whole).
 * A word wider than the column is broken between grapheme clusters.
 */
#define _GNU_SOURCE /* open_memstream is POSIX 2008, declared here too */
#include <stdlib.h>
#include <string.h>

#include "redline/export.h"
#include "redline/uni.h"

#define GUTTER 3 /* " | " */

struct sbuf {
	char *s;
	size_t n;
	FILE *f; /* memory stream filling s */
};

struct line {
	size_t off, len;
	int width;
};

struct lines {
	struct line *v;
	size_t n, cap;
};

/* Append tokens [from, to) of one side, white space folded to one space,
 * between open and close marks. */
static int
put_range(struct sbuf *b, const struct text *t, const struct toklist *l,
          uint32_t from, uint32_t to, const char *open, const char *close,
          int *empty)
{
	for (uint32_t k = from; k < to; k++) {
		const struct tok *tk = &l->v[k];
		if (!*empty && (k > from ? tk->space : (tk->space || tk->nl)))
			if (fputc(' ', b->f) == EOF)
				return -1;
		if (k == from && open && fputs(open, b->f) == EOF)
			return -1;
		if (export_bytes(b->f, t->buf + tk->off, tk->len, 1) < 0)
			return -1;
		*empty = 0;
	}
	if (to > from && close && fputs(close, b->f) == EOF)
		return -1;
	return 0;
}

static int
push_line(struct lines *ls, size_t off, size_t len, int width)
{
	if (ls->n == ls->cap) {
		size_t ncap = ls->cap ? ls->cap * 2 : 32;
		struct line *nv = realloc(ls->v, ncap * sizeof *nv);
		if (!nv)
			return -1;
		ls->v = nv;
		ls->cap = ncap;
	}
	ls->v[ls->n++] = (struct line){off, len, width};
	return 0;
}

/* Wrap s[0..n) (already free of control characters) into lines of at most
 * cols columns, breaking at spaces where possible. */
static int
wrap(const char *s, size_t n, int cols, struct lines *ls)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t start = 0, pos = 0, brk = (size_t)-1;
	int w = 0, wbrk = 0;

	ls->n = 0;
	while (pos < n) {
		int32_t cp;
		size_t len = uni_cluster(u + pos, n - pos, &cp);
		int cw = uni_cluster_width(u + pos, len);
		if (cw < 0)
			cw = 1;
		if (cp == ' ') {
			brk = pos;
			wbrk = w;
		}
		if (w + cw > cols && pos > start) {
			if (brk != (size_t)-1 && brk > start) {
				if (push_line(ls, start, brk - start, wbrk) < 0)
					return -1;
				start = brk + 1;
				if (brk == pos) { /* broke at this very space */
					pos = start;
					w = 0;
					brk = (size_t)-1;
					continue;
				}
				/* re-measure the carried part */
				w = 0;
				for (size_t p = start; p < pos;) {
					int32_t c2;
					size_t l2 = uni_cluster(u + p, pos - p,
					                        &c2);
					int w2 = uni_cluster_width(u + p, l2);
					w += w2 < 0 ? 1 : w2;
					p += l2;
				}
			} else {
				if (push_line(ls, start, pos - start, w) < 0)
					return -1;
				start = pos;
				w = 0;
			}
			brk = (size_t)-1;
			if (cp == ' ' && pos == start) {
				start = pos +
				        len; /* no line starts with a space */
				pos += len;
				continue;
			}
		}
		w += cw;
		pos += len;
	}
	if (pos > start && push_line(ls, start, pos - start, w) < 0)
		return -1;
	return 0;
}

struct chunk {
	struct sbuf side[2];
	int empty[2];
	int changed;
};

static int
chunk_open(struct chunk *ch)
{
	memset(ch, 0, sizeof *ch);
	ch->empty[0] = ch->empty[1] = 1;
	for (int i = 0; i < 2; i++) {
		ch->side[i].f = open_memstream(&ch->side[i].s, &ch->side[i].n);
		if (!ch->side[i].f) {
			if (i == 1)
				fclose(ch->side[0].f);
			free(ch->side[0].s);
			return -1;
		}
	}
	return 0;
}

static int
chunk_flush(struct chunk *ch, int cols, FILE *f, int *first)
{
	struct lines ls[2] = {{0}, {0}};
	int rc = -1;
	char mark;

	for (int i = 0; i < 2; i++)
		if (fflush(ch->side[i].f) == EOF)
			goto out;
	if (ch->empty[0] && ch->empty[1]) {
		rc = 0;
		goto out;
	}
	mark = ch->empty[0]   ? '>'
	       : ch->empty[1] ? '<'
	       : ch->changed  ? '|'
	                      : ' ';
	if (wrap(ch->side[0].s, ch->side[0].n, cols, &ls[0]) < 0 ||
	    wrap(ch->side[1].s, ch->side[1].n, cols, &ls[1]) < 0)
		goto out;
	if (!*first && fputc('\n', f) == EOF)
		goto out;
	*first = 0;
	size_t rows = ls[0].n > ls[1].n ? ls[0].n : ls[1].n;
	for (size_t r = 0; r < rows; r++) {
		int pad = cols;
		if (r < ls[0].n) {
			const struct line *L = &ls[0].v[r];
			if (fwrite(ch->side[0].s + L->off, 1, L->len, f) !=
			    L->len)
				goto out;
			pad -= L->width;
		}
		if (r < ls[1].n) {
			const struct line *R = &ls[1].v[r];
			if (fprintf(f, "%*s %c ", pad, "", mark) < 0 ||
			    fwrite(ch->side[1].s + R->off, 1, R->len, f) !=
			            R->len)
				goto out;
		} else if (fprintf(f, "%*s %c", pad, "", mark) < 0) {
			goto out;
		}
		if (fputc('\n', f) == EOF)
			goto out;
	}
	rc = 0;
out:
	free(ls[0].v);
	free(ls[1].v);
	return rc;
}

static void
chunk_close(struct chunk *ch)
{
	for (int i = 0; i < 2; i++) {
		if (ch->side[i].f)
			fclose(ch->side[i].f);
		free(ch->side[i].s);
	}
	memset(ch, 0, sizeof *ch);
}

/* Whether a new chunk should start before the next token(s): every side
 * that is about to contribute starts a line, and every other side is at a
 * line start or has no more tokens. */
static int
at_break(const struct cmp *c, uint32_t i, uint32_t j)
{
	int l = i == 0 || i >= c->lt.n || c->lt.v[i].nl;
	int r = j == 0 || j >= c->rt.n || c->rt.v[j].nl;
	return l && r;
}

int
export_plain(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	int cols = (o->width - GUTTER) / 2, first = 1, rc = -1;
	struct chunk ch;

	if (cols < 8)
		cols = 8;
	if (chunk_open(&ch) < 0)
		return -1;
	for (size_t n = 0; n < c->ops.n; n++) {
		const struct dop *op = &c->ops.v[n];
		uint32_t i = op->a0, j = op->b0;
		while (i < op->a1 || j < op->b1) {
			/* one step: a token pair (equal), or a whole run */
			uint32_t ei = op->kind == DOP_INSERT ? i : i + 1;
			uint32_t ej = op->kind == DOP_DELETE ? j : j + 1;
			if (at_break(c, i, j) &&
			    !(ch.empty[0] && ch.empty[1])) {
				if (chunk_flush(&ch, cols, f, &first) < 0)
					goto out;
				chunk_close(&ch);
				if (chunk_open(&ch) < 0)
					return -1;
			}
			if (op->kind != DOP_EQUAL) {
				/* the run up to the next line start */
				if (op->kind == DOP_DELETE)
					while (ei < op->a1 && !c->lt.v[ei].nl)
						ei++;
				else
					while (ej < op->b1 && !c->rt.v[ej].nl)
						ej++;
				ch.changed = 1;
			}
			if (put_range(&ch.side[0], c->left, &c->lt, i, ei,
			              op->kind == DOP_DELETE ? "[-" : NULL,
			              op->kind == DOP_DELETE ? "-]" : NULL,
			              &ch.empty[0]) < 0 ||
			    put_range(&ch.side[1], c->right, &c->rt, j, ej,
			              op->kind == DOP_INSERT ? "{+" : NULL,
			              op->kind == DOP_INSERT ? "+}" : NULL,
			              &ch.empty[1]) < 0)
				goto out;
			i = ei;
			j = ej;
		}
	}
	if (chunk_flush(&ch, cols, f, &first) < 0)
		goto out;
	rc = fflush(f) == EOF || ferror(f) ? -1 : 0;
out:
	chunk_close(&ch);
	return rc;
}
