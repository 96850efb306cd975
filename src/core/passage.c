/* passage.c - the aligner's blocks as numbered passages (see passage.h).
 *
 * Owns: which blocks make one passage (a union of the blocks tied by
 * `link`), the passage's kind, similarity, moved and hidden flags, its word
 * diff (for several blocks: all official text of the passage against all of
 * its rewrite text, one diff), its stretches of the display, the counts
 * per kind, the one rounding of percentages, and the walk from a block to
 * its sentences, tokens and bytes that every view needs.
 */
#include "redline/passage.h"

#include <assert.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/compare.h"
#include "redline/grow.h"

void
psg_walk(const struct cmp *c, const struct passage *p, struct dwalk *w)
{
	/* one block: its own diff, coded from where it starts; several:
	 * psg.ops, coded from (0, 0) */
	if (psg_m1(p) - p->m0 == 1)
		psg_block_walk(c, c->ps.mem[p->m0], w);
	else
		dwalk_init(w, c->ps.ops.v, p->op0, p->op1, 0, 0);
}

void
psg_block_walk(const struct cmp *c, size_t b, struct dwalk *w)
{
	const struct block *k = &c->al.blocks[b];
	uint32_t l0, l1, r0, r1;

	align_diff_range(c->al.blocks, b, &c->ls, &c->rs, &l0, &l1, &r0, &r1);
	dwalk_init(w, c->al.bops.v, k->op0, k->op1, l0, r0);
}

int
psg_ops(const struct cmp *c, const struct passage *p, struct dops *out)
{
	struct dwalk w;

	psg_walk(c, p, &w);
	return dcode_get(out, &w);
}

void
psg_block_sents(const struct cmp *c, size_t b, int right, uint32_t *s0,
                uint32_t *s1)
{
	const struct block *k = &c->al.blocks[b];

	*s0 = right ? k->rs0 : k->ls0;
	*s1 = right ? k->rs1 : k->ls1;
	if (*s1 < *s0)
		*s1 = *s0;
}

void
psg_block_tokens(const struct cmp *c, size_t b, int right, uint32_t *t0,
                 uint32_t *t1)
{
	const struct seglist *sl = right ? &c->rs : &c->ls;
	uint32_t s0, s1;

	psg_block_sents(c, b, right, &s0, &s1);
	*t0 = *t1 = 0;
	if (s0 < s1) {
		*t0 = sl->v[s0].t0;
		*t1 = sl->v[s1 - 1].t1;
	}
}

void
psg_block_bytes(const struct cmp *c, size_t b, int right, size_t *b0,
                size_t *b1)
{
	const struct toklist *tl = right ? &c->rt : &c->lt;
	uint32_t t0, t1;

	psg_block_tokens(c, b, right, &t0, &t1);
	*b0 = *b1 = 0;
	if (t0 < t1) {
		*b0 = tl->v[t0].off;
		*b1 = tok_end(tl, t1 - 1);
	}
}

void
psg_sent_tokens(const struct cmp *c, int right, uint32_t s, uint32_t *t0,
                uint32_t *t1)
{
	const struct seglist *sl = right ? &c->rs : &c->ls;

	*t0 = *t1 = 0;
	if (s < sl->n) {
		*t0 = sl->v[s].t0;
		*t1 = sl->v[s].t1;
	}
}

/* psg_next_piece's search over blocks mem[b0..b1) (k for k in b0..b1
 * without mem), on one side: the first block of the least first sentence
 * at or after at (in *block), and that sentence, or UINT32_MAX for none.
 * Inline, so that each of its four uses has its side and mem known and
 * reads one pair of fields a block. */
static inline uint32_t
first_piece(const struct block *bl, const uint32_t *mem, size_t b0, size_t b1,
            int right, uint32_t at, size_t *block)
{
	uint32_t best = UINT32_MAX;

	for (size_t k = b0; k < b1; k++) {
		size_t b = mem ? mem[k] : k;
		uint32_t s0 = right ? bl[b].rs0 : bl[b].ls0,
		         s1 = right ? bl[b].rs1 : bl[b].ls1;
		if (s0 < s1 && s0 >= at && s0 < best) {
			best = s0;
			*block = b;
		}
	}
	return best;
}

int
psg_next_piece(const struct cmp *c, const uint32_t *mem, size_t b0, size_t b1,
               int right, uint32_t *at, size_t *block)
{
	const struct block *bl = c->al.blocks;
	uint32_t best;

	/* the block whose first sentence is the least at or after *at: the
	 * sets are small (one passage or stretch) */
	if (mem)
		best = right ? first_piece(bl, mem, b0, b1, 1, *at, block)
		             : first_piece(bl, mem, b0, b1, 0, *at, block);
	else
		best = right ? first_piece(bl, NULL, b0, b1, 1, *at, block)
		             : first_piece(bl, NULL, b0, b1, 0, *at, block);
	if (best == UINT32_MAX)
		return 0;
	*at = best + 1;
	return 1;
}

size_t
psg_block_words(const struct cmp *c, size_t b, int right)
{
	uint32_t t0, t1;

	psg_block_tokens(c, b, right, &t0, &t1);
	return t0 < t1 ? tok_words(right ? &c->rt : &c->lt, t0, t1) : 0;
}

void
psg_kept_words(const struct cmp *c, size_t words[4], size_t *total)
{
	memset(words, 0, 4 * sizeof *words);
	*total = tok_words(&c->lt, 0, c->lt.n);
	for (size_t b = 0; b < c->al.nblocks && c->ps.of; b++)
		words[c->ps.v[c->ps.of[b]].kind & 3] +=
		        psg_block_words(c, b, 0);
}

int
psg_percent(size_t part, size_t whole)
{
	if (!whole)
		return 0;
	if (part >= whole)
		return 100;
	int p = (int)((part * 100 + whole / 2) / whole);
	if (p == 0 && part > 0)
		return 1;
	if (p == 100)
		return 99;
	return p;
}

const char *
psg_shape(const struct passage *p, char *buf, size_t n)
{
	if (!n)
		return buf;
	buf[0] = '\0';
	if (p->nleft <= 1 && p->nright > 1)
		snprintf(buf, n, "split in %u", (unsigned)p->nright);
	else if (p->nleft > 1 && p->nright == 1)
		snprintf(buf, n, "merge of %u", (unsigned)p->nleft);
	else if (p->nleft > 1 && p->nright > 1)
		snprintf(buf, n, "%u into %u sentences", (unsigned)p->nleft,
		         (unsigned)p->nright);
	return buf;
}

void
psg_free(struct psg *ps)
{
	free(ps->v);
	free(ps->mem);
	free(ps->of);
	free(ps->ent);
	free(ps->ent_of);
	dcode_free(&ps->ops);
	memset(ps, 0, sizeof *ps);
}

static uint32_t
uf_find(uint32_t *up, uint32_t i)
{
	while (up[i] != i) {
		up[i] = up[up[i]];
		i = up[i];
	}
	return i;
}

/* One side of a passage's word diff: the tokens of its blocks, in the
 * order of their sentences, as list[from..to).  When they are one run of
 * the model's own tokens, list is the model's list and map is NULL (an
 * index is the model's already); else they are copied, one after
 * another, into own (list is &own, from 0) and map[i] is the model index
 * of own's token i. */
struct pside {
	const struct toklist *list;
	size_t from, to;
	uint32_t *map;
	struct toklist own;
};

#define GATHER_KEPT 16 /* pieces of a side kept by gather's count */

/* Side right of the blocks mem[m0..m1) into *s (see struct pside; its
 * own list and map are the caller's to free, also on failure).  A
 * passage of several blocks is mostly a sentence split or joined, whose
 * sentences follow one another: then nothing is copied.  0, or -1 when
 * memory ran out. */
static int
gather(const struct cmp *c, const uint32_t *mem, size_t m0, size_t m1,
       int right, struct pside *s)
{
	const struct toklist *src = right ? &c->rt : &c->lt;
	size_t n = 0, b;
	uint32_t at = 0, t0, t1, first = 0, last = 0;
	int run = 1;

	/* the first pieces' tokens are kept for the copy (each piece is a
	 * search over the passage's blocks) */
	uint32_t kept[GATHER_KEPT][2], kept_at = 0;
	size_t npiece = 0;

	memset(s, 0, sizeof *s);
	while (psg_next_piece(c, mem, m0, m1, right, &at, &b)) {
		psg_block_tokens(c, b, right, &t0, &t1);
		if (t0 == t1)
			continue;
		if (npiece < GATHER_KEPT) {
			kept[npiece][0] = t0;
			kept[npiece][1] = t1;
		}
		if (++npiece == GATHER_KEPT)
			kept_at = at;
		if (!n)
			first = t0;
		else if (t0 != last)
			run = 0;
		last = t1;
		n += t1 - t0;
	}
	if (n && run) {
		s->list = src;
		s->from = first;
		s->to = last;
		return 0;
	}
	struct toklist *tl = &s->own;
	s->list = tl;
	tl->v = malloc((n + 1) * sizeof *tl->v);
	tl->id = malloc((n + 1) * sizeof *tl->id);
	s->map = malloc((n + 1) * sizeof *s->map);
	if (!tl->v || !tl->id || !s->map)
		return -1;
	at = 0;
	for (size_t k = 0; k < npiece; k++) {
		if (k < GATHER_KEPT) {
			t0 = kept[k][0];
			t1 = kept[k][1];
		} else {
			/* past the kept ones: the pieces again, from the
			 * last one kept on (its sentences are searched past) */
			int more;
			if (k == GATHER_KEPT)
				at = kept_at;
			do {
				more = psg_next_piece(c, mem, m0, m1, right,
				                      &at, &b);
				if (more)
					psg_block_tokens(c, b, right, &t0, &t1);
			} while (more && t0 == t1);
			if (!more)
				break; /* (not so: the pieces were counted) */
		}
		for (uint32_t t = t0; t < t1; t++) {
			tl->v[tl->n] = src->v[t];
			tl->id[tl->n] = src->id[t];
			if (src->v[t].slen == TOK_LONG &&
			    tok_set_long(tl, tl->n, tok_len(src, t)) < 0)
				return -1;
			s->map[tl->n++] = t;
		}
	}
	tl->cap = n + 1;
	s->to = tl->n;
	return 0;
}

static int
push_op(struct dops *d, unsigned kind, uint32_t a0, uint32_t a1, uint32_t b0,
        uint32_t b1)
{
	struct dop *nv = grow_array(d->v, &d->cap, d->n + 1, sizeof *nv, 64);
	if (!nv)
		return -1;
	d->v = nv;
	d->v[d->n] = (struct dop){a0, a1, b0, b1};
	assert(dop_kind(&d->v[d->n]) == kind);
	d->n++;
	return 0;
}

/* Where position i of a gathered list (map[0..n)) lies in the model: the
 * token it came from, or just past the last one at the end; with no map
 * (the side was not copied), i itself. */
static uint32_t
model_at(const uint32_t *map, size_t n, uint32_t i, uint32_t empty)
{
	if (!map)
		return i;
	if (i < n)
		return map[i];
	return n ? map[n - 1] + 1 : empty;
}

/* The operations ops (over gathered lists a, b) appended to out in model
 * token indices, each cut where either side's tokens stop being
 * consecutive in the model.  A side without a map (ma or mb NULL) has
 * model indices already, all consecutive. */
static int
map_ops(const struct dops *ops, const uint32_t *ma, size_t na,
        const uint32_t *mb, size_t nb, struct dops *out)
{
	for (size_t k = 0; k < ops->n; k++) {
		const struct dop *o = &ops->v[k];
		uint32_t a = o->a0, b = o->b0;
		if (dop_kind(o) == DOP_INSERT ? o->b0 >= o->b1 : o->a0 >= o->a1)
			continue;
		do {
			uint32_t a1 = a, b1 = b;
			/* extend while both sides stay consecutive */
			if (dop_kind(o) == DOP_EQUAL) {
				a1++, b1++;
				while (a1 < o->a1 &&
				       (!ma || ma[a1] == ma[a1 - 1] + 1) &&
				       (!mb || mb[b1] == mb[b1 - 1] + 1))
					a1++, b1++;
			} else if (dop_kind(o) == DOP_DELETE) {
				a1++;
				while (a1 < o->a1 &&
				       (!ma || ma[a1] == ma[a1 - 1] + 1))
					a1++;
			} else {
				b1++;
				while (b1 < o->b1 &&
				       (!mb || mb[b1] == mb[b1 - 1] + 1))
					b1++;
			}
			uint32_t x0 = model_at(ma, na, a, 0),
			         y0 = model_at(mb, nb, b, 0);
			if (push_op(out, dop_kind(o), x0, x0 + (a1 - a), y0,
			            y0 + (b1 - b)) < 0)
				return -1;
			a = a1;
			b = b1;
		} while (dop_kind(o) == DOP_EQUAL    ? a < o->a1
		         : dop_kind(o) == DOP_DELETE ? a < o->a1
		                                     : b < o->b1);
	}
	return 0;
}

/* The word diff of passage p (several blocks) into ps->ops, and its
 * similarity. */
static int
passage_diff(struct psg *ps, const struct cmp *c, struct myers *m,
             struct passage *p)
{
	struct pside a, b;
	struct dops ops = {0}, mapped = {0};
	int rc = -1;

	memset(&b, 0, sizeof b);
	if (gather(c, ps->mem, p->m0, psg_m1(p), 0, &a) < 0 ||
	    gather(c, ps->mem, p->m0, psg_m1(p), 1, &b) < 0 ||
	    diff_tokens(m, a.list, a.from, a.to, b.list, b.from, b.to,
	                c->opt.minimal ? DIFF_MINIMAL : DIFF_ABSORB, &ops) < 0)
		goto out;
	size_t common = 0;
	for (size_t k = 0; k < ops.n; k++)
		if (dop_kind(&ops.v[k]) == DOP_EQUAL)
			common += tok_words(a.list, ops.v[k].a0, ops.v[k].a1);
	size_t words = tok_words(a.list, a.from, a.to) +
	               tok_words(b.list, b.from, b.to);
	p->sim = words ? 2.0 * (double)common / (double)words : 1;
	if (map_ops(&ops, a.map, a.own.n, b.map, b.own.n, &mapped) < 0)
		goto out;
	p->op0 = (uint32_t)ps->ops.n;
	if (dcode_put(&ps->ops, mapped.v, mapped.n, 0, 0) < 0 ||
	    ps->ops.n > UINT32_MAX) /* (passage.op1) */
		goto out;
	p->op1 = (uint32_t)ps->ops.n;
	rc = 0;
out:
	dops_free(&ops);
	dops_free(&mapped);
	tok_free(&a.own);
	tok_free(&b.own);
	free(a.map);
	free(b.map);
	return rc;
}

/* The passage of one block: the block's kind, similarity and word diff. */
static int
passage_single(struct passage *p, const struct block *k)
{
	p->sim = k->sim;
	/* the block's own: no copy */
	p->op0 = k->op0;
	p->op1 = k->op1;
	return 0;
}

/* The field at offset off (a uint32_t) of v[p]. */
static uint32_t *
field(struct passage *v, size_t p, size_t off)
{
	return (uint32_t *)((char *)&v[p] + off);
}

/* The counts in field off of v[0..n) made into starts (each the sum of
 * the counts before it). */
static void
starts_of(struct passage *v, size_t n, size_t off)
{
	uint32_t at = 0;

	for (size_t p = 0; p < n; p++) {
		uint32_t k = *field(v, p, off);
		*field(v, p, off) = at;
		at += k;
	}
}

/* Field off of v[0..n), each moved on to its passage's end by the fill,
 * shifted back one: v[p] gets its start again and v[n] the last end. */
static void
ends_to_starts(struct passage *v, size_t n, size_t off)
{
	for (size_t p = n; p > 0; p--)
		*field(v, p, off) = *field(v, p - 1, off);
	*field(v, 0, off) = 0;
}

/* Group the blocks: ps->of, ps->v (m0; v[n] closes), ps->mem. */
static int
group(struct psg *ps, const struct cmp *c)
{
	size_t nb = c->al.nblocks;
	uint32_t *up = malloc((nb + 1) * sizeof *up); /* 32 bits: below */
	int rc = -1;

	if (nb >= UINT32_MAX)
		goto out; /* blocks are numbered in 32 bits (of, mem, ent_of) */
	ps->of = malloc((nb + 1) * sizeof *ps->of);
	ps->mem = malloc((nb + 1) * sizeof *ps->mem);
	if (!up || !ps->of || !ps->mem)
		goto out;
	for (size_t i = 0; i < nb; i++)
		up[i] = (uint32_t)i;
	for (size_t i = 0; i < nb; i++) {
		int32_t k = c->al.blocks[i].link;
		if (k >= 0 && (size_t)k < nb) {
			uint32_t x = uf_find(up, (uint32_t)i),
			         y = uf_find(up, (uint32_t)k);
			if (x != y)
				up[x > y ? x : y] = x < y ? x : y;
		}
	}
	/* the root of each set is its first block: passages numbered in the
	 * order of their first blocks */
	size_t n = 0;
	for (size_t i = 0; i < nb; i++) {
		uint32_t r = uf_find(up, (uint32_t)i);
		ps->of[i] = r == i ? (uint32_t)n++ : ps->of[r];
	}
	ps->v = calloc(n + 1, sizeof *ps->v);
	if (!ps->v)
		goto out;
	ps->n = n;
	/* sizes, then starts, then each start moved on as its passage
	 * fills to where the next one's starts (shifted back one) */
	for (size_t i = 0; i < nb; i++)
		ps->v[ps->of[i]].m0++;
	starts_of(ps->v, n, offsetof(struct passage, m0));
	for (size_t i = 0; i < nb; i++)
		ps->mem[ps->v[ps->of[i]].m0++] = (uint32_t)i;
	ends_to_starts(ps->v, n, offsetof(struct passage, m0));
	rc = 0;
out:
	free(up);
	return rc;
}

/* The stretch that block i starts, or 0 when it carries on the one
 * before (the same passage's, next to it). */
static int
starts_stretch(const struct psg *ps, size_t i)
{
	return i == 0 || ps->of[i] != ps->of[i - 1];
}

/* The stretches of the display: runs of consecutive blocks of one
 * passage, counted first (ps->ent at its size). */
int
psg_stretches(struct psg *ps, const struct cmp *c)
{
	size_t nb = c->al.nblocks, ne = 0;
	unsigned char *seen = NULL;

	for (size_t i = 0; i < nb; i++)
		ne += starts_stretch(ps, i);
	seen = calloc(ps->n + 1, 1);
	ps->ent = malloc((ne + 1) * sizeof *ps->ent);
	ps->ent_of = malloc((ne + 1) * sizeof *ps->ent_of);
	if (!seen || !ps->ent || !ps->ent_of) {
		free(seen);
		return -1;
	}
	for (size_t i = 0; i < nb; i++) {
		uint32_t p = ps->of[i];
		if (!starts_stretch(ps, i)) {
			ps->ent[ps->nent - 1].b1 = (uint32_t)i + 1;
			continue;
		}
		ps->ent[ps->nent++] = (struct pstretch){
		        p, (uint32_t)i, (uint32_t)i + 1, seen[p]};
		seen[p] = 1;
		ps->v[p].e0++; /* sizes first, as group's */
	}
	free(seen);
	starts_of(ps->v, ps->n, offsetof(struct passage, e0));
	for (size_t e = 0; e < ps->nent; e++)
		ps->ent_of[ps->v[ps->ent[e].passage].e0++] = (uint32_t)e;
	ends_to_starts(ps->v, ps->n, offsetof(struct passage, e0));
	return 0;
}

int
psg_build(struct psg *ps, const struct cmp *c)
{
	struct myers *m = NULL;

	memset(ps, 0, sizeof *ps);
	if (group(ps, c) < 0)
		goto fail;
	for (size_t i = 0; i < ps->n; i++) {
		struct passage *p = &ps->v[i];
		const struct block *first = &c->al.blocks[ps->mem[p->m0]];
		int multi = psg_m1(p) - p->m0 > 1, official_verbatim = 1;
		/* an omission or addition is one block: furniture or not */
		p->furniture = !multi && first->furniture;
		for (size_t k = p->m0; k < psg_m1(p); k++) {
			const struct block *b = &c->al.blocks[ps->mem[k]];
			p->moved |= b->moved;
			p->hidden |= b->hidden;
			p->confusable |= b->confusable;
			p->nleft += b->ls1 > b->ls0;
			p->nright += b->rs1 > b->rs0;
			p->nfacts += b->f1 - b->f0;
			if (b->ls1 > b->ls0 && b->kind != BLK_VERBATIM)
				official_verbatim = 0;
		}
		/* a split or merge is verbatim when each official sentence
		 * of it is (a headline beside a kept sentence leaves it
		 * verbatim; its words show as inserted), else a paraphrase */
		p->kind = !multi                          ? first->kind
		          : official_verbatim && p->nleft ? BLK_VERBATIM
		                                          : BLK_PARAPHRASE;
		if (psg_m1(p) - p->m0 == 1) {
			if (passage_single(p, first) < 0)
				goto fail;
		} else {
			if (!m && !(m = myers_new(intern_count(c->in))))
				goto fail;
			if (passage_diff(ps, c, m, p) < 0)
				goto fail;
		}
		ps->count[p->kind & 3]++;
		ps->nmoved += p->moved;
	}
	dcode_fit(&ps->ops);
	myers_free(m);
	return 0;
fail:
	myers_free(m);
	psg_free(ps);
	return -1;
}
