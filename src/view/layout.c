/* layout.c - model to screen rows (see layout.h).
 *
 * Owns: the items of each mode and their order, rendering an item's side
 * into visible text with attributes, wrapping it by display width, and the
 * row index.  Invariants: item_row[i] is the first row of item i and
 * item_row[nitems] the row count; rendered text lives in one scratch arena
 * that each layout_rows call starts afresh.
 */
#include "redline/grow.h"
#include "redline/layout.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "redline/uni.h"
#include "../core/spawn.h"

/* Layouts of at least this many items measure their rows on two threads
 * (a million-word pair has some 60,000). */
#define LAYOUT_PAR_MIN 4096

struct chunk {
	uint32_t i0, i1, j0, j1; /* left and right token ranges */
	int changed;
};

struct buf {
	char *s;
	unsigned char *a;
	size_t n, cap;
};

struct line {
	size_t off, len;
	int width;
};

struct lines {
	struct line *v;
	size_t n, cap;
};

struct layout {
	const struct cmp *c;
	struct layout_opt o;
	size_t nitems;
	size_t *order;    /* aligned: item -> block */
	struct chunk *ch; /* raw: the chunks */
	size_t nch;
	unsigned char *del_l, *ins_r; /* raw: per token, from the word diff */
	size_t *item_row;
	char *pattern;
	size_t patlen;
	struct buf arena;   /* rendered text of the rows asked for */
	struct lines ls[2]; /* scratch for wrapping */
};

/* ---- growable text with attributes --------------------------------- */

static int
put(struct buf *b, const char *s, size_t n, unsigned char attr)
{
	if (b->n + n > b->cap) {
		/* the text and its attributes share one room: grow the text,
		 * then the attributes to the same */
		size_t nc = b->cap;
		char *ns = grow_array(b->s, &nc, b->n + n, 1, 1024);
		if (!ns)
			return -1;
		b->s = ns;
		unsigned char *na = realloc(b->a, nc);
		if (!na)
			return -1;
		b->a = na;
		b->cap = nc;
	}
	memcpy(b->s + b->n, s, n);
	memset(b->a + b->n, attr, n);
	b->n += n;
	return 0;
}

/* Append s[0..n) as visible text (uni_visible), line breaks as spaces. */
static int
put_visible(struct buf *b, const unsigned char *s, size_t n, unsigned char attr)
{
	size_t i = 0;

	while (i < n) {
		int32_t cp;
		size_t len = uni_decode(s + i, n - i, &cp);
		int32_t show = cp == '\n' ? ' ' : uni_visible(cp);
		if (show == cp) {
			if (put(b, (const char *)s + i, len, attr) < 0)
				return -1;
		} else {
			unsigned char u[4];
			size_t k = uni_encode(show, u);
			if (put(b, (const char *)u, k, attr) < 0)
				return -1;
		}
		i += len;
	}
	return 0;
}

/* ---- wrapping ------------------------------------------------------- */

static int
push_line(struct lines *ls, size_t off, size_t len, int width)
{
	if (ls->n == ls->cap) {
		struct line *nv =
		        grow_array(ls->v, &ls->cap, ls->n + 1, sizeof *nv, 32);
		if (!nv)
			return -1;
		ls->v = nv;
	}
	ls->v[ls->n++] = (struct line){off, len, width};
	return 0;
}

static int
cluster_cols(const unsigned char *u, size_t n)
{
	int w = uni_cluster_width(u, n);
	return w < 0 ? 1 : w;
}

/* Wrap s[from..to) into lines of at most cols columns, at spaces where
 * possible, between grapheme clusters otherwise.  With wrap off, one line
 * cut at cols.  Offsets are absolute. */
static int
wrap(const char *s, size_t from, size_t to, int cols, int dowrap,
     struct lines *ls)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t start = from, pos = from, brk = (size_t)-1;
	int w = 0, wbrk = 0;

	ls->n = 0;
	while (pos < to) {
		int32_t cp;
		size_t len = uni_cluster(u + pos, to - pos, &cp);
		int cw = cluster_cols(u + pos, len);
		if (cp == ' ') {
			brk = pos;
			wbrk = w;
		}
		if (w + cw > cols && pos > start) {
			if (!dowrap)
				return push_line(ls, start, pos - start, w);
			if (brk != (size_t)-1 && brk > start) {
				if (push_line(ls, start, brk - start, wbrk) < 0)
					return -1;
				start = brk + 1;
				w = 0;
				brk = (size_t)-1;
				if (start >
				    pos) { /* broke at this very space */
					pos = start;
					continue;
				}
				for (size_t p = start; p < pos;) {
					int32_t c2;
					size_t l2 = uni_cluster(u + p, pos - p,
					                        &c2);
					w += cluster_cols(u + p, l2);
					p += l2;
				}
			} else {
				if (push_line(ls, start, pos - start, w) < 0)
					return -1;
				start = pos;
				w = 0;
				brk = (size_t)-1;
			}
		}
		w += cw;
		pos += len;
	}
	if (pos > start || ls->n == 0)
		return push_line(ls, start, pos - start, w);
	return 0;
}

/* ---- items ------------------------------------------------------------ */

/* Raw mode: cut the word diff into chunks that start on a line on both
 * sides, as the plain export always did. */
static int
at_break(const struct cmp *c, uint32_t i, uint32_t j)
{
	int l = i == 0 || i >= c->lt.n || c->lt.v[i].nl;
	int r = j == 0 || j >= c->rt.n || c->rt.v[j].nl;
	return l && r;
}

static int
raw_chunks(struct layout *l)
{
	const struct cmp *c = l->c;
	size_t cap = 0;
	struct chunk cur = {0, 0, 0, 0, 0};

	l->del_l = calloc(c->lt.n + 1, 1);
	l->ins_r = calloc(c->rt.n + 1, 1);
	if (!l->del_l || !l->ins_r)
		return -1;
	for (size_t n = 0; n <= c->ops.n; n++) {
		const struct dop *op = n < c->ops.n ? &c->ops.v[n] : NULL;
		uint32_t i = op ? op->a0 : (uint32_t)c->lt.n;
		uint32_t j = op ? op->b0 : (uint32_t)c->rt.n;
		uint32_t ei = i, ej = j;
		for (;;) {
			int end = !op || (i >= op->a1 && j >= op->b1);
			if ((end && !op) || (!end && at_break(c, i, j))) {
				if (cur.i1 > cur.i0 || cur.j1 > cur.j0) {
					if (l->nch == cap) {
						struct chunk *nv = grow_array(
						        l->ch, &cap, l->nch + 1,
						        sizeof *nv, 64);
						if (!nv)
							return -1;
						l->ch = nv;
					}
					l->ch[l->nch++] = cur;
				}
				cur = (struct chunk){i, i, j, j, 0};
			}
			if (end)
				break;
			ei = op->kind == DOP_INSERT ? i : i + 1;
			ej = op->kind == DOP_DELETE ? j : j + 1;
			if (op->kind == DOP_DELETE) {
				l->del_l[i] = 1;
				cur.changed = 1;
			}
			if (op->kind == DOP_INSERT) {
				l->ins_r[j] = 1;
				cur.changed = 1;
			}
			i = ei;
			j = ej;
			cur.i1 = i;
			cur.j1 = j;
		}
	}
	return 0;
}

struct okey {
	size_t key, sub, block;
};

static int
by_okey(const void *a, const void *b)
{
	const struct okey *p = a, *q = b;
	if (p->key != q->key)
		return p->key < q->key ? -1 : 1;
	return p->sub < q->sub ? -1 : p->sub > q->sub;
}

/* Aligned mode: blocks in display order, or in the rewrite's order with
 * blocks that have no rewrite side kept after their neighbour. */
static int
aligned_order(struct layout *l)
{
	const struct cmp *c = l->c;
	struct okey *k;
	size_t key = 0;

	free(l->order);
	l->order = malloc((c->nblocks + 1) * sizeof *l->order);
	k = malloc((c->nblocks + 1) * sizeof *k);
	if (!l->order || !k) {
		free(k);
		return -1;
	}
	for (size_t i = 0; i < c->nblocks; i++) {
		const struct block *b = &c->blocks[i];
		if (l->o.swap && b->rs1 > b->rs0)
			key = b->rs0;
		k[i] = (struct okey){key, i, i};
	}
	if (l->o.swap)
		qsort(k, c->nblocks, sizeof *k, by_okey);
	for (size_t i = 0; i < c->nblocks; i++)
		l->order[i] = k[i].block;
	free(k);
	l->nitems = c->nblocks;
	return 0;
}

/* ---- rendering -------------------------------------------------------- */

static int
put_tokens(const struct layout *l, struct buf *b, int right, uint32_t t0,
           uint32_t t1, const unsigned char *attr)
{
	const struct cmp *c = l->c;
	const struct toklist *tl = right ? &c->rt : &c->lt;
	const struct text *tx = right ? c->right : c->left;
	int marks = l->o.marks;
	const char *open = right ? "{+" : "[-", *close = right ? "+}" : "-]";
	unsigned char want = right ? LA_INS : LA_DEL;

	for (uint32_t k = t0; k < t1; k++) {
		unsigned char a = attr[k - t0];
		int in = (a & want) != 0;
		int prev = k > t0 && (attr[k - t0 - 1] & want);
		int next = k + 1 < t1 && (attr[k - t0 + 1] & want);
		if (k > t0 && tl->v[k].space &&
		    put(b, " ", 1, (unsigned char)(prev && in ? a : 0)) < 0)
			return -1;
		if (marks && in && !prev && put(b, open, 2, LA_MARK) < 0)
			return -1;
		if (put_visible(b, tx->buf + tl->v[k].off, tl->v[k].len, a) < 0)
			return -1;
		if (marks && in && !next && put(b, close, 2, LA_MARK) < 0)
			return -1;
	}
	return 0;
}

/* Highlight every case-insensitive occurrence of the pattern in
 * b->s[from..b->n). */
static void
mark_matches(const struct layout *l, struct buf *b, size_t from)
{
	size_t m = l->patlen;

	if (!m)
		return;
	for (size_t i = from; i + m <= b->n; i++) {
		size_t k = 0;
		while (k < m) {
			unsigned char x = (unsigned char)b->s[i + k];
			if (x >= 'A' && x <= 'Z')
				x = (unsigned char)(x + 32);
			if (x != (unsigned char)l->pattern[k])
				break;
			k++;
		}
		if (k == m)
			for (k = 0; k < m; k++)
				b->a[i + k] |= LA_MATCH;
	}
}

/* Render one side of item i at the end of b. */
static int
render(const struct layout *l, struct buf *b, size_t i, int right)
{
	const struct cmp *c = l->c;
	uint32_t t0, t1;
	unsigned char *attr;
	size_t from = b->n;
	int rc;

	if (l->o.mode == LAYOUT_RAW) {
		const struct chunk *ch = &l->ch[i];
		t0 = right ? ch->j0 : ch->i0;
		t1 = right ? ch->j1 : ch->i1;
		attr = calloc(t1 - t0 + 1, 1);
		if (!attr)
			return -1;
		for (uint32_t t = t0; t < t1; t++)
			attr[t - t0] = right ? (l->ins_r[t] ? LA_INS : 0)
			                     : (l->del_l[t] ? LA_DEL : 0);
	} else {
		const struct block *bk = &c->blocks[l->order[i]];
		const struct seglist *sl = right ? &c->rs : &c->ls;
		uint32_t s0 = right ? bk->rs0 : bk->ls0;
		uint32_t s1 = right ? bk->rs1 : bk->ls1;
		if (s0 >= s1)
			return 0;
		t0 = sl->v[s0].t0;
		t1 = sl->v[s1 - 1].t1;
		attr = calloc(t1 - t0 + 1, 1);
		if (!attr)
			return -1;
		/* word changes only inside kept passages: an omission or
		 * addition is one colour as a whole */
		if (bk->kind == BLK_VERBATIM || bk->kind == BLK_PARAPHRASE)
			for (size_t k = bk->op0; k < bk->op1; k++) {
				const struct dop *o = &c->bops.v[k];
				uint32_t a = right ? o->b0 : o->a0;
				uint32_t e = right ? o->b1 : o->a1;
				if (o->kind !=
				    (right ? DOP_INSERT : DOP_DELETE))
					continue;
				for (uint32_t t = a; t < e; t++)
					if (t >= t0 && t < t1)
						attr[t - t0] |=
						        right ? LA_INS : LA_DEL;
			}
		if (right)
			for (size_t k = bk->f0; k < bk->f1; k++)
				for (uint32_t t = c->facts[k].t0;
				     t < c->facts[k].t1; t++)
					if (t >= t0 && t < t1)
						attr[t - t0] |= LA_FACT;
	}
	rc = put_tokens(l, b, right, t0, t1, attr);
	free(attr);
	if (rc == 0)
		mark_matches(l, b, from);
	return rc;
}

/* ---- the row index ---------------------------------------------------- */

int
layout_colw(const struct layout *l)
{
	int w = l->o.width - LAYOUT_MARGIN;
	if (!l->o.single)
		w = (w - LAYOUT_GUTTER) / 2;
	return w < 4 ? 4 : w;
}

/* Rows of item i under the options, rendered into arena and wrapped into
 * ls (scratch: the viewer's own, or a measuring thread's). */
static int
item_rows(const struct layout *l, struct buf *arena, struct lines ls[2],
          size_t i, size_t *rows)
{
	size_t n = 0;
	int cols = layout_colw(l);

	for (int side = 0; side < 2; side++) {
		if (l->o.single && l->o.single != side + 1)
			continue;
		arena->n = 0;
		if (render(l, arena, i, side) < 0 ||
		    wrap(arena->s, 0, arena->n, cols, l->o.wrap, &ls[side]) < 0)
			return -1;
		if (ls[side].n > n)
			n = ls[side].n;
	}
	*rows = (n ? n : 1) + (size_t)(l->o.marks != 0); /* a gap in plain */
	return 0;
}

/* Items from..to measured into rows[i + 1], with scratch of its own. */
struct measure {
	const struct layout *l;
	size_t from, to;
	size_t *rows;
	int rc;
};

static void *
measure_run(void *arg)
{
	struct measure *m = arg;
	struct buf arena = {0};
	struct lines ls[2] = {{0}};

	m->rc = 0;
	for (size_t i = m->from; i < m->to && m->rc == 0; i++)
		m->rc = item_rows(m->l, &arena, ls, i, &m->rows[i + 1]);
	free(arena.s);
	free(arena.a);
	free(ls[0].v);
	free(ls[1].v);
	return NULL;
}

/* rows[i + 1] = the rows of item i, for every item: the second half on
 * another thread when there are many (every item is laid out on its own,
 * from the model, which nothing writes meanwhile).  Returns 0 or -1. */
static int
measure_all(const struct layout *l, size_t *rows)
{
	size_t half = l->nitems / 2;
	struct measure lo = {l, 0, half, rows, 0};
	struct measure hi = {l, half, l->nitems, rows, 0};
	pthread_t th;

	if (l->o.threads == 1 || l->nitems < LAYOUT_PAR_MIN ||
	    spawn(&th, measure_run, &hi) != 0) {
		lo.to = l->nitems;
		measure_run(&lo);
		return lo.rc;
	}
	measure_run(&lo);
	pthread_join(th, NULL);
	return lo.rc < 0 || hi.rc < 0 ? -1 : 0;
}

int
layout_reset(struct layout *l, const struct layout_opt *o)
{
	struct layout_opt old = l->o;
	size_t *rows = NULL;

	l->o = *o;
	if (l->o.mode == LAYOUT_RAW) {
		if (!l->ch && raw_chunks(l) < 0)
			goto fail;
		l->nitems = l->nch;
	} else if (aligned_order(l) < 0) {
		goto fail;
	}
	rows = malloc((l->nitems + 1) * sizeof *rows);
	if (!rows || measure_all(l, rows) < 0)
		goto fail;
	rows[0] = 0;
	for (size_t i = 0; i < l->nitems; i++)
		rows[i + 1] += rows[i];
	free(l->item_row);
	l->item_row = rows;
	return 0;
fail:
	free(rows);
	l->o = old;
	return -1;
}

struct layout *
layout_new(const struct cmp *c, const struct layout_opt *o)
{
	struct layout *l = calloc(1, sizeof *l);

	if (!l)
		return NULL;
	l->c = c;
	if (layout_reset(l, o) < 0) {
		layout_free(l);
		return NULL;
	}
	return l;
}

void
layout_free(struct layout *l)
{
	if (!l)
		return;
	free(l->order);
	free(l->ch);
	free(l->del_l);
	free(l->ins_r);
	free(l->item_row);
	free(l->pattern);
	free(l->arena.s);
	free(l->arena.a);
	free(l->ls[0].v);
	free(l->ls[1].v);
	free(l);
}

size_t
layout_nrows(const struct layout *l)
{
	return l->item_row[l->nitems];
}

size_t
layout_nitems(const struct layout *l)
{
	return l->nitems;
}

size_t
layout_item_row(const struct layout *l, size_t i)
{
	return l->item_row[i < l->nitems ? i : l->nitems];
}

size_t
layout_row_item(const struct layout *l, size_t r)
{
	size_t lo = 0, hi = l->nitems;

	while (hi - lo > 1) { /* last item whose first row <= r */
		size_t mid = (lo + hi) / 2;
		if (l->item_row[mid] <= r)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Where each side of a rendered item sits in the arena. */
struct placed {
	size_t item, first_row;
	size_t line0[2], nlines[2]; /* into the collected lines */
};

size_t
layout_rows(struct layout *l, size_t r, size_t n, struct lrow *out)
{
	struct line *lines = NULL;
	size_t nlines = 0, caplines = 0, got = 0, total = layout_nrows(l);
	int cols = layout_colw(l);

	l->arena.n = 0;
	if (r >= total || n == 0)
		return 0;
	if (r + n > total)
		n = total - r;
	/* render the items that show, remembering line offsets only: the
	 * arena may move while it grows */
	size_t first = layout_row_item(l, r),
	       last = layout_row_item(l, r + n - 1);
	struct placed *pl = malloc((last - first + 1) * sizeof *pl);
	if (!pl)
		return (size_t)-1;
	for (size_t i = first; i <= last; i++) {
		struct placed *p = &pl[i - first];
		p->item = i;
		p->first_row = l->item_row[i];
		for (int side = 0; side < 2; side++) {
			size_t from = l->arena.n;
			p->line0[side] = nlines;
			p->nlines[side] = 0;
			if (l->o.single && l->o.single != side + 1)
				continue;
			if (render(l, &l->arena, i, side) < 0 ||
			    wrap(l->arena.s, from, l->arena.n, cols, l->o.wrap,
			         &l->ls[side]) < 0)
				goto fail;
			if (nlines + l->ls[side].n > caplines) {
				struct line *nv = grow_array(
				        lines, &caplines,
				        nlines + l->ls[side].n, sizeof *nv, 64);
				if (!nv)
					goto fail;
				lines = nv;
			}
			memcpy(lines + nlines, l->ls[side].v,
			       l->ls[side].n * sizeof *lines);
			nlines += l->ls[side].n;
			p->nlines[side] = l->ls[side].n;
			/* an empty side still has its one empty line */
			if (p->nlines[side] == 1 && lines[nlines - 1].len == 0)
				p->nlines[side] = 0;
		}
	}
	for (size_t row = r; row < r + n; row++) {
		size_t i = layout_row_item(l, row);
		const struct placed *p = &pl[i - first];
		size_t k = row - p->first_row;
		struct lrow *o = &out[got++];
		o->item = i;
		o->first = k == 0;
		for (int side = 0; side < 2; side++) {
			struct lside *sd = &o->side[side];
			memset(sd, 0, sizeof *sd);
			if (k < p->nlines[side]) {
				const struct line *ln =
				        &lines[p->line0[side] + k];
				sd->s = l->arena.s + ln->off;
				sd->attr = l->arena.a + ln->off;
				sd->len = ln->len;
				sd->width = ln->width;
			}
		}
	}
	free(pl);
	free(lines);
	return got;
fail:
	free(pl);
	free(lines);
	return (size_t)-1;
}

const struct block *
layout_block(const struct layout *l, size_t i)
{
	if (l->o.mode != LAYOUT_ALIGNED || i >= l->nitems)
		return NULL;
	return &l->c->blocks[l->order[i]];
}

void
layout_mark(const struct layout *l, size_t i, char mark[2])
{
	static const char kinds[] = "=~<>";
	const struct block *b = layout_block(l, i);

	if (!b) {
		mark[0] = i < l->nch && l->ch[i].changed ? '|' : ' ';
		mark[1] = ' ';
		return;
	}
	mark[0] = kinds[b->kind & 3];
	mark[1] = b->hidden ? '!' : b->moved ? '*' : ' ';
}

int
layout_item_changed(const struct layout *l, size_t i)
{
	const struct block *b = layout_block(l, i);

	if (!b)
		return i < l->nch && l->ch[i].changed;
	if (b->kind != BLK_VERBATIM || b->moved)
		return 1;
	for (size_t k = b->op0; k < b->op1; k++)
		if (l->c->bops.v[k].kind != DOP_EQUAL)
			return 1;
	return 0;
}

int
layout_search(struct layout *l, const char *pattern)
{
	size_t n = pattern ? strlen(pattern) : 0;
	char *p = NULL;

	if (n) {
		p = malloc(n + 1);
		if (!p)
			return -1;
		for (size_t i = 0; i <= n; i++)
			p[i] = (char)((pattern[i] >= 'A' && pattern[i] <= 'Z')
			                      ? pattern[i] + 32
			                      : pattern[i]);
	}
	free(l->pattern);
	l->pattern = p;
	l->patlen = n;
	return 0;
}

size_t
layout_find(struct layout *l, size_t from, int backward)
{
	size_t n = l->nitems;

	if (!l->patlen || !n)
		return (size_t)-1;
	for (size_t step = 1; step <= n; step++) {
		size_t i = backward ? (from + n - step % n) % n
		                    : (from + step) % n;
		for (int side = 0; side < 2; side++) {
			l->arena.n = 0;
			if (render(l, &l->arena, i, side) < 0)
				return (size_t)-1;
			for (size_t k = 0; k < l->arena.n; k++)
				if (l->arena.a[k] & LA_MATCH)
					return i;
		}
	}
	return (size_t)-1;
}
