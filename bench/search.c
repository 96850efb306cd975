/* search.c - the exact word diff alone, under each way of running it.
 *
 * usage: search OFFICIAL REWRITE [RUNS]
 *
 * Tokenizes both texts as redline does, then times myers_run with minimal
 * set (what --minimal runs) under each tuning, best of RUNS (default 3):
 * the one-thread search of myers.c; Myers' search in myers_exact.c on one
 * thread and on every CPU the process may use; bitlcs.c (as --minimal runs
 * it: on every CPU, where it is cheaper) and bitlcs.c alone on one thread
 * with each kernel.  Exits 1 if Myers' scripts differ or any edit count
 * does.  A benchmark, not a test: it asserts nothing about time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/intern.h"
#include "redline/myers.h"
#include "redline/text.h"
#include "redline/token.h"

#include "clock.h"

int
main(int argc, char **argv)
{
	const struct {
		const char *name;
		struct myers_tuning t;
	} tunes[] = {
	        {"myers.c, one thread", {0, 1, 0, 0, NULL}},
	        {"myers_exact.c, one thread", {1, 1, 0, 0, NULL}},
	        {"myers_exact.c, default threads",
	         {1, 0, MYERS_PAR_MIN, 0, NULL}},
	        {"bitlcs.c, default (--minimal)",
	         {1, 0, MYERS_PAR_MIN, 1, NULL}},
	        {"bitlcs.c alone, one thread", {1, 1, 0, 2, NULL}},
	        {"bitlcs.c alone, AVX2 at most", {1, 1, 0, 4, NULL}},
	        {"bitlcs.c alone, plain C", {1, 1, 0, 3, NULL}},
	};
	struct text a, b;
	struct text_where where;
	struct toklist la = {0}, lb = {0};
	struct intern *in = intern_new();
	int runs = argc > 3 ? atoi(argv[3]) : 3;
	unsigned char *first = NULL;
	size_t first_edits = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: search OFFICIAL REWRITE [RUNS]\n");
		return 2;
	}
	if (!in || text_load(&a, argv[1], 0, &where) != TEXT_OK ||
	    text_load(&b, argv[2], 0, &where) != TEXT_OK ||
	    tok_split(&a, in, 0, &la) < 0 || tok_split(&b, in, 0, &lb) < 0) {
		fprintf(stderr, "search: cannot load or tokenize\n");
		return 2;
	}
	size_t n = la.n, m = lb.n;
	unsigned char *mk = malloc(n + m + 1);
	first = malloc(n + m + 1);
	if (!mk || !first)
		return 2;
	printf("tokens: %zu and %zu\n", n, m);
	for (size_t t = 0; t < sizeof tunes / sizeof *tunes; t++) {
		double best = 1e30;
		for (int r = 0; r < runs; r++) {
			struct myers *my = myers_new(intern_count(in));
			if (!my)
				return 2;
			myers_tune(my, &tunes[t].t);
			double t0 = now();
			if (myers_run(my, la.id, n, lb.id, m, mk, mk + n, 1) <
			    0)
				return 2;
			double s = now() - t0;
			best = s < best ? s : best;
			myers_free(my);
		}
		size_t edits = 0;
		for (size_t i = 0; i < n + m; i++)
			edits += mk[i];
		printf("  %-26s %8.3f s  (%zu edits)\n", tunes[t].name, best,
		       edits);
		if (t == 0) {
			memcpy(first, mk, n + m);
			first_edits = edits;
		} else if (tunes[t].t.band ? edits != first_edits
		                           : memcmp(first, mk, n + m) != 0) {
			fprintf(stderr, "search: the scripts differ\n");
			return 1;
		}
	}
	free(mk);
	free(first);
	tok_free(&la);
	tok_free(&lb);
	intern_free(in);
	text_done(&a);
	text_done(&b);
	return 0;
}
