/* fuzz_diff.c - libFuzzer target: the word diff and Myers underneath it.
 *
 * Checks: on the two texts' tokens, with and without --minimal, the
 * operations cover both sides in order and, applied to the left tokens,
 * give the right ones; the default script is never shorter than the
 * minimal one.  The same for myers_run straight on the first 600 input
 * bytes of each side (one byte one id), whose marks must leave equal
 * sequences unmarked, and whose minimal marks (on the first 96 bytes)
 * must be the same from the default search, the one-thread search of
 * myers.c and myers_exact.c on two threads going parallel from 16 items.
 */
#include "fuzz.h"
#include "redline/diff.h"
#include "redline/myers.h"

/* The ops turn la[0..na) into lb[0..nb); returns the edit count. */
static size_t
check_ops(const struct dops *d, const struct toklist *la,
          const struct toklist *lb)
{
	uint32_t i = 0, j = 0;
	size_t edits = 0;

	for (size_t k = 0; k < d->n; k++) {
		const struct dop *o = &d->v[k];
		FUZZ_CHECK(o->a0 == i && o->b0 == j);
		switch (dop_kind(o)) {
		case DOP_EQUAL:
			FUZZ_CHECK(o->a1 - o->a0 == o->b1 - o->b0);
			FUZZ_CHECK(o->a1 > o->a0);
			for (uint32_t x = 0; x < o->a1 - o->a0; x++)
				FUZZ_CHECK(la->id[o->a0 + x] ==
				           lb->id[o->b0 + x]);
			break;
		case DOP_DELETE:
			FUZZ_CHECK(o->b1 == o->b0 && o->a1 > o->a0);
			edits += o->a1 - o->a0;
			break;
		case DOP_INSERT:
			FUZZ_CHECK(o->a1 == o->a0 && o->b1 > o->b0);
			edits += o->b1 - o->b0;
			break;
		default:
			FUZZ_CHECK(0);
		}
		i = o->a1;
		j = o->b1;
	}
	FUZZ_CHECK(i == la->n && j == lb->n);
	return edits;
}

/* myers_run on raw bytes: valid marks, minimal no longer than default. */
static void
check_bytes(const uint8_t *a, size_t na, const uint8_t *b, size_t nb)
{
	uint32_t *ia = malloc((na + 1) * sizeof *ia);
	uint32_t *ib = malloc((nb + 1) * sizeof *ib);
	unsigned char *del = malloc(na + 1), *ins = malloc(nb + 1);
	struct myers *m = myers_new(256);
	size_t count[2] = {0, 0};

	FUZZ_CHECK(ia && ib && del && ins && m);
	for (size_t i = 0; i < na; i++)
		ia[i] = a[i];
	for (size_t i = 0; i < nb; i++)
		ib[i] = b[i];
	for (int minimal = 0; minimal < 2; minimal++) {
		size_t x = 0, y = 0;
		FUZZ_CHECK(myers_run(m, ia, na, ib, nb, del, ins, minimal) ==
		           0);
		for (;;) {
			while (x < na && del[x])
				x++, count[minimal]++;
			while (y < nb && ins[y])
				y++, count[minimal]++;
			if (x == na || y == nb)
				break;
			FUZZ_CHECK(ia[x] == ib[y]);
			x++;
			y++;
		}
		for (; x < na; x++, count[minimal]++)
			FUZZ_CHECK(del[x]);
		for (; y < nb; y++, count[minimal]++)
			FUZZ_CHECK(ins[y]);
	}
	FUZZ_CHECK(count[1] <= count[0]);
	/* the same minimal marks from every tuning of Myers' search, on the
	 * first 96 items (two threads meet once a step: more would slow the
	 * fuzzer); as many marks from bitlcs.c split down to 64 items */
	size_t pa = na < 96 ? na : 96, pb = nb < 96 ? nb : 96, d0 = 0, d1 = 0;
	unsigned char *del2 = malloc(pa + 1), *ins2 = malloc(pb + 1);
	const struct myers_tuning tunes[] = {{1, 0, MYERS_PAR_MIN, 0, NULL},
	                                     {0, 1, 0, 0, NULL},
	                                     {1, 2, 16, 0, NULL},
	                                     {1, 2, 16, 2, NULL},
	                                     {1, 1, 0, 3, NULL}};
	FUZZ_CHECK(del2 && ins2);
	for (int t = 0; t < 5; t++) {
		myers_tune(m, &tunes[t]);
		FUZZ_CHECK(myers_run(m, ia, pa, ib, pb, t ? del2 : del,
		                     t ? ins2 : ins, 1) == 0);
		if (t == 0) {
			for (size_t i = 0; i < pa; i++)
				d0 += del[i];
			for (size_t j = 0; j < pb; j++)
				d0 += ins[j];
		} else if (t < 3) {
			FUZZ_CHECK(memcmp(del, del2, pa) == 0);
			FUZZ_CHECK(memcmp(ins, ins2, pb) == 0);
		} else {
			d1 = 0;
			for (size_t i = 0; i < pa; i++)
				d1 += del2[i];
			for (size_t j = 0; j < pb; j++)
				d1 += ins2[j];
			FUZZ_CHECK(d1 == d0);
		}
	}
	free(del2);
	free(ins2);
	myers_free(m);
	free(ia);
	free(ib);
	free(del);
	free(ins);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct text a, b;
	struct intern *in;
	struct toklist la, lb;
	struct myers *m;
	size_t edits[2];

	if (fuzz_pair(d, n, &a, &b) < 0)
		return 0;
	/* bytes as ids: a small alphabet, long runs; kept short, since the
	 * minimal search on unrelated bytes is quadratic */
	check_bytes(a.buf, a.len < 600 ? a.len : 600, b.buf,
	            b.len < 600 ? b.len : 600);
	in = intern_new();
	FUZZ_CHECK(in);
	FUZZ_CHECK(tok_split(&a, in, 0, &la) == 0);
	FUZZ_CHECK(tok_split(&b, in, 0, &lb) == 0);
	m = myers_new(intern_count(in));
	FUZZ_CHECK(m);
	for (int minimal = 0; minimal < 2; minimal++) {
		struct dops ops = {0};
		FUZZ_CHECK(diff_tokens(m, &la, 0, la.n, &lb, 0, lb.n,
		                       minimal ? DIFF_MINIMAL : DIFF_ABSORB,
		                       &ops) == 0);
		edits[minimal] = check_ops(&ops, &la, &lb);
		dops_free(&ops);
	}
	FUZZ_CHECK(edits[1] <= edits[0]);
	myers_free(m);
	tok_free(&la);
	tok_free(&lb);
	intern_free(in);
	text_done(&a);
	text_done(&b);
	return 0;
}
