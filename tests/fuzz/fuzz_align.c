/* fuzz_align.c - libFuzzer target: sentence alignment and classification.
 *
 * The first input byte picks options (minimal, case folding, strict keys,
 * extreme thresholds).  Checks: every sentence of each side lies in exactly
 * one block; kinds, links, similarities, word operations and facts are in
 * range; each block's operations turn its left tokens into its right
 * tokens; the summary counts match the blocks.
 */
#include "fuzz.h"

static void
check_block_ops(const struct cmp *c, const struct block *b)
{
	uint32_t dl0, dl1, dr0, dr1;
	struct dwalk w;
	struct dop op;

	align_diff_range(c->al.blocks, (size_t)(b - c->al.blocks), &c->ls,
	                 &c->rs, &dl0, &dl1, &dr0, &dr1);
	uint32_t i = dl0, j = dr0;
	FUZZ_CHECK(b->op0 <= b->op1 && b->op1 <= c->al.bops.n);
	FUZZ_CHECK(dl0 <= dl1 && dl1 <= c->lt.n);
	FUZZ_CHECK(dr0 <= dr1 && dr1 <= c->rt.n);
	psg_block_walk(c, (size_t)(b - c->al.blocks), &w);
	while (dwalk_next(&w, &op)) {
		const struct dop *o = &op;
		FUZZ_CHECK(o->a0 == i && o->b0 == j);
		if (dop_kind(o) == DOP_EQUAL)
			for (uint32_t x = 0; x < o->a1 - o->a0; x++)
				FUZZ_CHECK(c->lt.id[o->a0 + x] ==
				           c->rt.id[o->b0 + x]);
		i = o->a1;
		j = o->b1;
	}
	FUZZ_CHECK(i == dl1 && j == dr1);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct text a, b;
	struct cmp c;
	struct cmp_opt o = {0};

	if (n < 1)
		return 0;
	o.minimal = d[0] & 1;
	o.keyopts = (d[0] & 2 ? TOK_KEY_ICASE : 0) |
	            (d[0] & 4 ? TOK_KEY_STRICT : 0);
	if (d[0] & 8)
		o.link_min = o.keep_min = 0.01;
	if (d[0] & 16)
		o.verbatim_min = 1.0;
	if (fuzz_pair(d + 1, n - 1, &a, &b) < 0)
		return 0;
	FUZZ_CHECK(cmp_run(&c, &a, &b, &o) == 0);

	unsigned char *lseen = calloc(c.ls.n + 1, 1);
	unsigned char *rseen = calloc(c.rs.n + 1, 1);
	size_t count[4] = {0, 0, 0, 0}, moved = 0;
	FUZZ_CHECK(lseen && rseen);
	for (size_t i = 0; i < c.al.nblocks; i++) {
		const struct block *bl = &c.al.blocks[i];
		FUZZ_CHECK(bl->kind <= BLK_ADDITION);
		FUZZ_CHECK(bl->ls0 <= bl->ls1 && bl->ls1 <= c.ls.n);
		FUZZ_CHECK(bl->rs0 <= bl->rs1 && bl->rs1 <= c.rs.n);
		FUZZ_CHECK(bl->ls1 > bl->ls0 || bl->rs1 > bl->rs0);
		FUZZ_CHECK(bl->link >= -1 && bl->link < (long)c.al.nblocks);
		FUZZ_CHECK(bl->sim >= 0 && bl->sim <= 1);
		if (bl->kind == BLK_OMISSION)
			FUZZ_CHECK(bl->rs1 == bl->rs0);
		if (bl->kind == BLK_ADDITION)
			FUZZ_CHECK(bl->ls1 == bl->ls0);
		for (uint32_t s = bl->ls0; s < bl->ls1; s++)
			FUZZ_CHECK(lseen[s]++ == 0);
		for (uint32_t s = bl->rs0; s < bl->rs1; s++)
			FUZZ_CHECK(rseen[s]++ == 0);
		check_block_ops(&c, bl);
		FUZZ_CHECK(bl->f0 <= bl->f1 && bl->f1 <= c.al.nfacts);
		for (size_t f = bl->f0; f < bl->f1; f++) {
			FUZZ_CHECK(bl->rs1 > bl->rs0);
			FUZZ_CHECK(c.al.facts[f].t0 < c.al.facts[f].t1);
			FUZZ_CHECK(c.al.facts[f].t0 >= c.rs.v[bl->rs0].t0);
			FUZZ_CHECK(c.al.facts[f].t1 <= c.rs.v[bl->rs1 - 1].t1);
			if (c.al.facts[f].kind == FACT_CHANGED)
				FUZZ_CHECK(c.al.facts[f].w0 <
				                   c.al.facts[f].w1 &&
				           c.al.facts[f].w1 <= c.lt.n);
			else
				FUZZ_CHECK(c.al.facts[f].kind == FACT_NEW &&
				           c.al.facts[f].w0 ==
				                   c.al.facts[f].w1);
		}
		if (bl->near >= 0) {
			FUZZ_CHECK(bl->kind == BLK_OMISSION ||
			           bl->kind == BLK_ADDITION);
			FUZZ_CHECK(
			        (size_t)bl->near <
			        (bl->kind == BLK_ADDITION ? c.ls.n : c.rs.n));
			FUZZ_CHECK(bl->near_sim > 0 && bl->near_sim <= 1);
		}
		count[bl->kind]++;
		moved += bl->moved;
	}
	for (size_t s = 0; s < c.ls.n; s++)
		FUZZ_CHECK(lseen[s] == 1);
	for (size_t s = 0; s < c.rs.n; s++)
		FUZZ_CHECK(rseen[s] == 1);
	for (int k = 0; k < 4; k++)
		FUZZ_CHECK(count[k] == c.al.count[k]);
	FUZZ_CHECK(moved == c.al.nmoved);
	free(lseen);
	free(rseen);
	cmp_free(&c);
	text_done(&a);
	text_done(&b);
	return 0;
}
