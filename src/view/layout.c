/* layout.c - model to screen rows (see layout.h).
 *
 * Owns: the items of each mode and their order (the groups of blocks that
 * show side by side, and their word diffs), rendering an item's side into
 * visible text with attributes, wrapping it by display width, cutting it
 * (wrap off, folding), the row index and the search.  Invariants:
 * item_row[i] is the first row of item i and item_row[nitems] the row
 * count; rendered text lives in one scratch arena that each layout_rows
 * call starts afresh; the groups are made once per layout, from the model.
 */
#include "redline/grow.h"
#include "redline/layout.h"

#include <pthread.h>
#include <stdio.h>
#include <limits.h>
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
	int width, cut;
};

struct lines {
	struct line *v;
	size_t n, cap;
};

/* Scratch for the search: rendered text folded, and where each folded byte
 * came from. */
struct fscratch {
	struct buf fold;
	size_t *map;
	size_t mapcap;
};

struct layout {
	const struct cmp *c;
	struct layout_opt o;
	size_t nitems;
	size_t *order;              /* aligned: item -> stretch of the display
	                               (passage.h) */
	unsigned char *pdel, *pins; /* aligned: per token, deleted or
	                               inserted in its passage's word diff */
	uint32_t *snum[2];          /* sentence -> its number in its
	                               paragraph, from 0, per side */
	size_t *match;              /* items that match, ascending */
	size_t nmatch;
	int match_ok;     /* match[] is of the current items */
	struct chunk *ch; /* raw: the chunks */
	size_t nch;
	unsigned char *del_l, *ins_r; /* raw: per token, from the word diff */
	size_t *item_row;
	char *pattern; /* folded (fold_text) */
	size_t patlen;
	struct fscratch fs; /* the caller's thread's, for the search */
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
push_line(struct lines *ls, size_t off, size_t len, int width, int cut)
{
	if (ls->n == ls->cap) {
		struct line *nv =
		        grow_array(ls->v, &ls->cap, ls->n + 1, sizeof *nv, 32);
		if (!nv)
			return -1;
		ls->v = nv;
	}
	ls->v[ls->n++] = (struct line){off, len, width, cut};
	return 0;
}

static int
cluster_cols(const unsigned char *u, size_t n)
{
	int w = uni_cluster_width(u, n);
	return w < 0 ? 1 : w;
}

/* Wrap s[from..to) (no line break in it) into lines of at most cols
 * columns, at spaces where possible, between grapheme clusters otherwise.
 * Offsets are absolute. */
static int
wrap_para(const char *s, size_t from, size_t to, int cols, struct lines *ls)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t start = from, pos = from, brk = (size_t)-1, n0 = ls->n;
	int w = 0, wbrk = 0;

	while (pos < to) {
		int32_t cp;
		size_t len = uni_cluster(u + pos, to - pos, &cp);
		int cw = cluster_cols(u + pos, len);
		if (cp == ' ') {
			brk = pos;
			wbrk = w;
		}
		if (w + cw > cols && pos > start) {
			if (brk != (size_t)-1 && brk > start) {
				if (push_line(ls, start, brk - start, wbrk, 0) <
				    0)
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
				if (push_line(ls, start, pos - start, w, 0) < 0)
					return -1;
				start = pos;
				w = 0;
				brk = (size_t)-1;
			}
		}
		w += cw;
		pos += len;
	}
	if (pos > start || ls->n == n0)
		return push_line(ls, start, pos - start, w, 0);
	return 0;
}

/* s[from..to) (no line break in it) as one line of at most cols columns:
 * hoff columns skipped at the left, and a column kept free for a mark on
 * each side where text is hidden (LCUT_LEFT, LCUT_RIGHT). */
static int
cut_line(const char *s, size_t from, size_t to, int cols, int hoff,
         struct lines *ls)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t pos = from, start, end;
	int skipped = 0, w = 0, cut = 0, room;

	while (pos < to && skipped < hoff) {
		int32_t cp;
		size_t len = uni_cluster(u + pos, to - pos, &cp);
		skipped += cluster_cols(u + pos, len);
		pos += len;
	}
	if (skipped)
		cut |= LCUT_LEFT;
	room = cols - (cut ? 1 : 0);
	start = end = pos;
	while (end < to) { /* the clusters that fit in the room */
		int32_t cp;
		size_t len = uni_cluster(u + end, to - end, &cp);
		int cw = cluster_cols(u + end, len);
		if (w + cw > room)
			break;
		w += cw;
		end += len;
	}
	if (end < to) { /* more to the right: give a column to its mark */
		cut |= LCUT_RIGHT;
		end = start;
		w = 0;
		while (end < to) {
			int32_t cp;
			size_t len = uni_cluster(u + end, to - end, &cp);
			int cw = cluster_cols(u + end, len);
			if (w + cw > room - 1)
				break;
			w += cw;
			end += len;
		}
	}
	return push_line(ls, start, end - start, w, cut);
}

/* Lines of s[from..to): each line break in it starts a new line (the
 * pieces of a group); each piece wrapped (dowrap) or cut (cut_line). */
static int
wrap(const char *s, size_t from, size_t to, int cols, int dowrap, int hoff,
     struct lines *ls)
{
	size_t p = from;

	ls->n = 0;
	for (;;) {
		const char *nl = to > p ? memchr(s + p, '\n', to - p) : NULL;
		size_t e = nl ? (size_t)(nl - s) : to;
		if ((dowrap ? wrap_para(s, p, e, cols, ls)
		            : cut_line(s, p, e, cols, hoff, ls)) < 0)
			return -1;
		if (!nl)
			return 0;
		p = e + 1;
	}
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
			ei = dop_kind(op) == DOP_INSERT ? i : i + 1;
			ej = dop_kind(op) == DOP_DELETE ? j : j + 1;
			if (dop_kind(op) == DOP_DELETE) {
				l->del_l[i] = 1;
				cur.changed = 1;
			}
			if (dop_kind(op) == DOP_INSERT) {
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

/* ---- stretches (aligned mode) ---------------------------------------- */

/* What the aligned mode reads once per layout: each token's mark from its
 * passage's word diff, and the sentence numbers within paragraphs. */
static int
aligned_prepare(struct layout *l)
{
	const struct cmp *c = l->c;

	l->pdel = calloc(c->lt.n + 1, 1);
	l->pins = calloc(c->rt.n + 1, 1);
	if (!l->pdel || !l->pins)
		return -1;
	for (size_t i = 0; i < c->ps.n; i++) {
		const struct passage *p = &c->ps.v[i];
		struct dwalk w;
		struct dop op;
		psg_walk(c, p, &w);
		while (dwalk_next(&w, &op)) {
			const struct dop *o = &op;
			for (uint32_t t = o->a0;
			     dop_kind(o) == DOP_DELETE && t < o->a1; t++)
				l->pdel[t] = 1;
			for (uint32_t t = o->b0;
			     dop_kind(o) == DOP_INSERT && t < o->b1; t++)
				l->pins[t] = 1;
		}
	}
	for (int side = 0; side < 2; side++) {
		const struct seglist *sl = side ? &c->rs : &c->ls;
		l->snum[side] = malloc((sl->n + 1) * sizeof *l->snum[side]);
		if (!l->snum[side])
			return -1;
		for (size_t k = 0; k < sl->n; k++)
			l->snum[side][k] =
			        k && sl->v[k - 1].para == sl->v[k].para
			                ? l->snum[side][k - 1] + 1
			                : 0;
	}
	return 0;
}

/* The first sentence of stretch e on one side, or UINT32_MAX. */
static uint32_t
stretch_first(const struct cmp *c, const struct pstretch *e, int right)
{
	uint32_t best = UINT32_MAX;

	for (uint32_t b = e->b0; b < e->b1; b++) {
		uint32_t s0, s1;
		psg_block_sents(c, b, right, &s0, &s1);
		if (s0 < s1 && s0 < best)
			best = s0;
	}
	return best;
}

struct okey {
	size_t key, sub, item;
};

static int
by_okey(const void *a, const void *b)
{
	const struct okey *p = a, *q = b;
	if (p->key != q->key)
		return p->key < q->key ? -1 : 1;
	return p->sub < q->sub ? -1 : p->sub > q->sub;
}

/* Aligned mode: the stretches in display order, or in the rewrite's order
 * (by their first rewrite sentence) with stretches that have no rewrite
 * side kept after their neighbour. */
static int
aligned_order(struct layout *l)
{
	const struct cmp *c = l->c;
	struct okey *k;
	size_t key = 0, n = c->ps.nent;

	if (!l->pdel && aligned_prepare(l) < 0)
		return -1;
	free(l->order);
	l->order = malloc((n + 1) * sizeof *l->order);
	k = malloc((n + 1) * sizeof *k);
	if (!l->order || !k) {
		free(k);
		return -1;
	}
	for (size_t e = 0; e < n; e++) {
		uint32_t r = stretch_first(c, &c->ps.ent[e], 1);
		if (l->o.swap && r != UINT32_MAX)
			key = r;
		k[e] = (struct okey){key, e, e};
	}
	if (l->o.swap)
		qsort(k, n, sizeof *k, by_okey);
	for (size_t e = 0; e < n; e++)
		l->order[e] = k[e].item;
	free(k);
	l->nitems = n;
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
		unsigned char sp = (unsigned char)(prev && in ? a : 0);
		if (k > t0 && (attr[k - t0 - 1] & a & LA_TINT))
			sp |= LA_TINT; /* a tint runs across the spaces */
		if (k > t0 && tl->v[k].space && put(b, " ", 1, sp) < 0)
			return -1;
		if (marks && in && !prev && put(b, open, 2, LA_MARK) < 0)
			return -1;
		if (put_visible(b, tx->buf + tl->v[k].off, tok_len(tl, k), a) <
		    0)
			return -1;
		if (marks && in && !next && put(b, close, 2, LA_MARK) < 0)
			return -1;
	}
	return 0;
}

/* ---- search: the word diff's folding --------------------------------- */

/* Append the folded form of the grapheme cluster s[0..n) to f (uni_key
 * with the diff's folding and case folding; ASCII lowered in place).  Each
 * byte appended gets `at` in map. */
static int
fold_cluster(struct buf *f, size_t **map, size_t *mapcap, const char *s,
             size_t n, size_t at)
{
	char *k = NULL;
	size_t kn = 0, from = f->n;
	int rc;

	if (n == 1 && (unsigned char)s[0] < 0x80) {
		char ch = s[0] >= 'A' && s[0] <= 'Z' ? (char)(s[0] + 32) : s[0];
		rc = put(f, &ch, 1, 0);
	} else {
		if (uni_key((const unsigned char *)s, n,
		            UNI_KEY_FOLD | UNI_KEY_CASE, &k, &kn) < 0) {
			/* not mappable (an invalid byte shown as U+FFFD is
			 * not in the text): compare it as it is */
			free(k);
			k = NULL;
			rc = put(f, s, n, 0);
		} else {
			rc = put(f, k, kn, 0);
		}
		free(k);
	}
	if (rc < 0)
		return -1;
	if (map) {
		size_t *nm =
		        grow_array(*map, mapcap, f->n + 1, sizeof *nm, 256);
		if (!nm)
			return -1;
		*map = nm;
		for (size_t i = from; i < f->n; i++)
			(*map)[i] = at;
	}
	return 0;
}

/* f = the folded form of s[from..to), cluster by cluster; map (if not
 * NULL) from each folded byte to its cluster's offset in s. */
static int
fold_text(struct buf *f, size_t **map, size_t *mapcap, const char *s,
          size_t from, size_t to)
{
	const unsigned char *u = (const unsigned char *)s;

	f->n = 0;
	for (size_t p = from; p < to;) {
		int32_t cp;
		size_t len = uni_cluster(u + p, to - p, &cp);
		if (fold_cluster(f, map, mapcap, s + p, len, p) < 0)
			return -1;
		p += len;
	}
	return 0;
}

/* Mark every occurrence of the pattern in b->s[from..b->n), matched on
 * the folded text, whole clusters against whole clusters. */
static int
mark_matches(const struct layout *l, struct fscratch *fs, struct buf *b,
             size_t from)
{
	size_t m = l->patlen;

	if (!m || !fs || b->n == from)
		return 0;
	if (fold_text(&fs->fold, &fs->map, &fs->mapcap, b->s, from, b->n) < 0)
		return -1;
	const char *f = fs->fold.s;
	const size_t *map = fs->map;
	size_t fn = fs->fold.n;
	for (size_t i = 0; i + m <= fn; i++) {
		if (i > 0 && map[i] == map[i - 1])
			continue; /* not at a cluster's start */
		if (memcmp(f + i, l->pattern, m) != 0)
			continue;
		if (i + m < fn && map[i + m] == map[i + m - 1])
			continue; /* ends inside a cluster */
		size_t e = i + m < fn ? map[i + m] : b->n;
		for (size_t k = map[i]; k < e; k++)
			b->a[k] |= LA_MATCH;
		i += m - 1;
	}
	return 0;
}

/* Append "¶P.S" (or "¶P.S-T", "¶P.S-Q.T" for several sentences) and a
 * space for sentences [s0, s1) of one side. */
static int
put_number(const struct layout *l, struct buf *b, int right, uint32_t s0,
           uint32_t s1)
{
	char num[64];
	unsigned p0, n0, p1, n1;
	int len;

	layout_sentence_number(l, right, s0, &p0, &n0);
	layout_sentence_number(l, right, s1 - 1, &p1, &n1);
	if (s1 - s0 == 1)
		len = snprintf(num, sizeof num, "\u00b6%u.%u ", p0, n0);
	else if (p0 == p1)
		len = snprintf(num, sizeof num, "\u00b6%u.%u-%u ", p0, n0, n1);
	else
		len = snprintf(num, sizeof num, "\u00b6%u.%u-%u.%u ", p0, n0,
		               p1, n1);
	return put(b, num, (size_t)len, LA_NUM);
}

/* Render one side of item i at the end of b; search matches marked when
 * fs is given (scratch of the calling thread). */
static int
render(const struct layout *l, struct fscratch *fs, struct buf *b, size_t i,
       int right)
{
	const struct cmp *c = l->c;
	size_t from = b->n;
	int rc = 0;

	if (l->o.mode == LAYOUT_RAW) {
		const struct chunk *ch = &l->ch[i];
		uint32_t t0 = right ? ch->j0 : ch->i0;
		uint32_t t1 = right ? ch->j1 : ch->i1;
		unsigned char *attr = calloc(t1 - t0 + 1, 1);
		if (!attr)
			return -1;
		for (uint32_t t = t0; t < t1; t++)
			attr[t - t0] = right ? (l->ins_r[t] ? LA_INS : 0)
			                     : (l->del_l[t] ? LA_DEL : 0);
		rc = put_tokens(l, b, right, t0, t1, attr);
		free(attr);
		return rc < 0 ? -1 : mark_matches(l, fs, b, from);
	}
	const struct pstretch *e = &c->ps.ent[l->order[i]];
	const struct passage *p = &c->ps.v[e->passage];
	const unsigned char *ch = right ? l->pins : l->pdel;
	unsigned char want = right ? LA_INS : LA_DEL;
	uint32_t last = 0;
	int nl = 0; /* a piece or note ends the line so far */
	char note[64];

	if (e->cont && !right) {
		int len = snprintf(note, sizeof note, "(continued from [%u])",
		                   (unsigned)e->passage + 1);
		if (put(b, note, (size_t)len, LA_NUM) < 0)
			return -1;
		nl = 1;
	} else if (l->o.passnum && !right) {
		int len = snprintf(note, sizeof note, "[%u] ",
		                   (unsigned)e->passage + 1);
		if (put(b, note, (size_t)len, LA_NUM) < 0)
			return -1;
	}
	size_t bb;
	while (rc == 0 &&
	       psg_next_piece(c, NULL, e->b0, e->b1, right, &last, &bb)) {
		const struct block *bk = &c->al.blocks[bb];
		uint32_t s0, s1, t0, t1;
		psg_block_sents(c, bb, right, &s0, &s1);
		psg_block_tokens(c, bb, right, &t0, &t1);
		if (nl && put(b, "\n", 1, 0) < 0) /* a piece: a new line */
			return -1;
		nl = 1;
		if (l->o.numbers && put_number(l, b, right, s0, s1) < 0)
			return -1;
		unsigned char *attr = calloc(t1 - t0 + 1, 1);
		if (!attr)
			return -1;
		if (bk->kind == BLK_OMISSION || bk->kind == BLK_ADDITION)
			/* one colour as a whole, no word changes */
			memset(attr, LA_TINT, t1 - t0);
		else
			for (uint32_t t = t0; t < t1; t++)
				if (ch[t])
					attr[t - t0] |= want;
		/* findings: what changed, in both panes (the facts below
		 * are the value, name and new ones again, in the rewrite) */
		for (size_t k = p->fi0; k < psg_fi1(p); k++) {
			const struct finding *f = &c->fd.v[k];
			uint32_t a = right ? f->r0 : f->l0,
			         z = right ? f->r1 : f->l1;
			for (uint32_t t = a > t0 ? a : t0; t < z && t < t1; t++)
				attr[t - t0] |=
				        f->type == FIND_NEW ||
				                        f->type ==
				                                FIND_ATTRIBUTION
				                ? LA_FACT
				                : LA_CHANGED;
		}
		if (right)
			for (size_t k = bk->f0; k < bk->f1; k++)
				for (uint32_t t = c->al.facts[k].t0;
				     t < c->al.facts[k].t1; t++)
					if (t >= t0 && t < t1)
						attr[t - t0] |=
						        c->al.facts[k].kind ==
						                        FACT_CHANGED
						                ? LA_CHANGED
						                : LA_FACT;
		rc = put_tokens(l, b, right, t0, t1, attr);
		free(attr);
	}
	if (rc == 0 && !right && c->ps.ent_of[psg_e1(p) - 1] != l->order[i]) {
		int len = snprintf(note, sizeof note, "([%u] continues below)",
		                   (unsigned)e->passage + 1);
		if ((nl && put(b, "\n", 1, 0) < 0) ||
		    put(b, note, (size_t)len, LA_NUM) < 0)
			return -1;
	}
	return rc < 0 ? -1 : mark_matches(l, fs, b, from);
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

/* Whether item i is wrapped (else cut to a row a piece): wrap on, and not
 * folded away as unchanged. */
static int
item_wraps(const struct layout *l, size_t i)
{
	return l->o.wrap && !(l->o.fold && !layout_item_changed(l, i));
}

int
layout_widest(struct layout *l, size_t i0, size_t i1)
{
	int w = 0;

	for (size_t i = i0; i < i1 && i < l->nitems; i++)
		for (int side = 0; side < 2; side++) {
			if (l->o.single && l->o.single != side + 1)
				continue;
			l->arena.n = 0;
			if (render(l, NULL, &l->arena, i, side) < 0 ||
			    wrap(l->arena.s, 0, l->arena.n, INT_MAX / 4, 0, 0,
			         &l->ls[side]) < 0)
				return -1;
			for (size_t k = 0; k < l->ls[side].n; k++)
				if (l->ls[side].v[k].width > w)
					w = l->ls[side].v[k].width;
		}
	l->arena.n = 0;
	return w;
}

void
layout_set_hoff(struct layout *l, int hoff)
{
	l->o.hoff = hoff < 0 ? 0 : hoff;
}

/* Rows of item i under the options, rendered into arena and wrapped into
 * ls (scratch: the viewer's own, or a measuring thread's). */
static int
item_rows(const struct layout *l, struct buf *arena, struct lines ls[2],
          size_t i, size_t *rows)
{
	size_t n = 0;
	int cols = layout_colw(l), dw = item_wraps(l, i);

	for (int side = 0; side < 2; side++) {
		if (l->o.single && l->o.single != side + 1)
			continue;
		arena->n = 0;
		if (render(l, NULL, arena, i, side) < 0 ||
		    wrap(arena->s, 0, arena->n, cols, dw, 0, &ls[side]) < 0)
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
	l->match_ok = 0; /* the items may be others now */
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
	free(l->fs.fold.s);
	free(l->fs.fold.a);
	free(l->fs.map);
	free(l->pdel);
	free(l->pins);
	free(l->snum[0]);
	free(l->snum[1]);
	free(l->match);
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
			if (render(l, &l->fs, &l->arena, i, side) < 0 ||
			    wrap(l->arena.s, from, l->arena.n, cols,
			         item_wraps(l, i), l->o.wrap ? 0 : l->o.hoff,
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
				sd->cut = ln->cut;
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
	return &l->c->al.blocks[l->c->ps.ent[l->order[i]].b0];
}

void
layout_item(const struct layout *l, size_t i, struct litem *out)
{
	const struct cmp *c = l->c;

	memset(out, 0, sizeof *out);
	out->kind = -1;
	if (l->o.mode != LAYOUT_ALIGNED || i >= l->nitems)
		return;
	const struct pstretch *e = &c->ps.ent[l->order[i]];
	const struct passage *p = &c->ps.v[e->passage];
	out->kind = p->kind;
	out->sim = p->sim;
	out->moved = p->moved;
	out->hidden = p->hidden;
	out->confusable = p->confusable;
	out->nleft = p->nleft;
	out->nright = p->nright;
	out->nfacts = p->nfacts;
	out->nfind = psg_fi1(p) - p->fi0;
	out->number = (size_t)e->passage + 1;
	out->cont = e->cont;
	out->places = psg_e1(p) - p->e0;
	for (uint32_t b = e->b0; b < e->b1; b++) {
		uint32_t s0, s1;
		for (int side = 0; side < 2; side++) {
			uint32_t *o0 = side ? &out->rs0 : &out->ls0;
			uint32_t *o1 = side ? &out->rs1 : &out->ls1;
			psg_block_sents(c, b, side, &s0, &s1);
			if (s0 >= s1)
				continue;
			if (*o0 == *o1 || s0 < *o0)
				*o0 = s0;
			if (s1 > *o1)
				*o1 = s1;
		}
	}
}

size_t
layout_item_of_block(const struct layout *l, size_t b)
{
	const struct psg *ps = &l->c->ps;

	if (l->o.mode != LAYOUT_ALIGNED || b >= l->c->al.nblocks)
		return (size_t)-1;
	for (size_t i = 0; i < l->nitems; i++)
		if (ps->ent[l->order[i]].b0 <= b && b < ps->ent[l->order[i]].b1)
			return i;
	return (size_t)-1;
}

void
layout_sentence_number(const struct layout *l, int right, uint32_t s,
                       unsigned *para, unsigned *sent)
{
	const struct seglist *sl = right ? &l->c->rs : &l->c->ls;

	*para = *sent = 0;
	if (!l->snum[right != 0] || s >= sl->n)
		return;
	*para = sl->v[s].para + 1;
	*sent = l->snum[right != 0][s] + 1;
}

void
layout_mark(const struct layout *l, size_t i, char mark[2])
{
	static const char kinds[] = "=~<>";
	struct litem it;

	if (l->o.mode != LAYOUT_ALIGNED) {
		mark[0] = i < l->nch && l->ch[i].changed ? '|' : ' ';
		mark[1] = ' ';
		return;
	}
	layout_item(l, i, &it);
	mark[0] = it.kind >= 0 ? kinds[it.kind & 3] : ' ';
	mark[1] = it.hidden || it.confusable ? '!' : it.moved ? '*' : ' ';
}

int
layout_item_changed(const struct layout *l, size_t i)
{
	if (l->o.mode != LAYOUT_ALIGNED)
		return i < l->nch && l->ch[i].changed;
	if (i >= l->nitems)
		return 0;
	const struct psg *ps = &l->c->ps;
	const struct passage *p = &ps->v[ps->ent[l->order[i]].passage];
	struct dwalk w;
	struct dop o;
	if (psg_m1(p) - p->m0 > 1 || p->kind != BLK_VERBATIM || p->moved)
		return 1;
	psg_walk(l->c, p, &w);
	while (dwalk_next(&w, &o))
		if (dop_kind(&o) != DOP_EQUAL)
			return 1;
	return 0;
}

int
layout_search(struct layout *l, const char *pattern)
{
	size_t n = pattern ? strlen(pattern) : 0;
	struct buf f = {0};

	if (n && fold_text(&f, NULL, NULL, pattern, 0, n) < 0) {
		free(f.s);
		free(f.a);
		return -1;
	}
	free(f.a);
	free(l->pattern);
	l->pattern = f.s;
	l->patlen = f.n;
	l->match_ok = 0;
	return 0;
}

/* Items from..to searched into hit[], with scratch of their own. */
struct hunt {
	const struct layout *l;
	size_t from, to;
	unsigned char *hit;
	int rc;
};

static void *
hunt_run(void *arg)
{
	struct hunt *h = arg;
	struct buf arena = {0};
	struct fscratch fs = {{0}, NULL, 0};

	h->rc = 0;
	for (size_t i = h->from; i < h->to && h->rc == 0; i++)
		for (int side = 0; side < 2 && !h->hit[i]; side++) {
			arena.n = 0;
			if (render(h->l, &fs, &arena, i, side) < 0) {
				h->rc = -1;
				break;
			}
			for (size_t k = 0; k < arena.n && !h->hit[i]; k++)
				h->hit[i] = (arena.a[k] & LA_MATCH) != 0;
		}
	free(arena.s);
	free(arena.a);
	free(fs.fold.s);
	free(fs.fold.a);
	free(fs.map);
	return NULL;
}

/* The items that match, into l->match: the second half searched on
 * another thread when there are many items, as the rows are measured. */
static int
find_matches(struct layout *l)
{
	size_t n = l->nitems, half = n / 2, count = 0;
	unsigned char *hit = calloc(n + 1, 1);
	struct hunt lo = {l, 0, half, hit, 0}, hi = {l, half, n, hit, 0};
	pthread_t th;

	if (!hit)
		return -1;
	if (l->patlen) {
		if (l->o.threads == 1 || n < LAYOUT_PAR_MIN ||
		    spawn(&th, hunt_run, &hi) != 0) {
			lo.to = n;
			hunt_run(&lo);
		} else {
			hunt_run(&lo);
			pthread_join(th, NULL);
		}
		if (lo.rc < 0 || hi.rc < 0) {
			free(hit);
			return -1;
		}
	}
	for (size_t i = 0; i < n; i++)
		count += hit[i];
	size_t *m = malloc((count + 1) * sizeof *m);
	if (!m) {
		free(hit);
		return -1;
	}
	count = 0;
	for (size_t i = 0; i < n; i++)
		if (hit[i])
			m[count++] = i;
	free(hit);
	free(l->match);
	l->match = m;
	l->nmatch = count;
	l->match_ok = 1;
	return 0;
}

/* Position in l->match of the first item >= i. */
static size_t
match_at(const struct layout *l, size_t i)
{
	size_t lo = 0, hi = l->nmatch;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (l->match[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
layout_find(struct layout *l, size_t from, int backward)
{
	if (!l->match_ok && find_matches(l) < 0)
		return (size_t)-1;
	if (!l->nmatch)
		return (size_t)-1;
	if (backward) {
		size_t k = match_at(l, from); /* first >= from */
		return l->match[k ? k - 1 : l->nmatch - 1];
	}
	size_t k = match_at(l, from + 1);
	return l->match[k < l->nmatch ? k : 0];
}

int
layout_match_count(struct layout *l, size_t i, size_t *index, size_t *total)
{
	if (!l->match_ok && find_matches(l) < 0)
		return -1;
	size_t k = match_at(l, i);
	*total = l->nmatch;
	*index = k < l->nmatch && l->match[k] == i ? k + 1 : 0;
	return 0;
}
