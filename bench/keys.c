/* keys.c - what a key press costs in the viewer, on a big pair.
 *
 * usage: keys OFFICIAL REWRITE [PRESSES]
 *
 * Builds the model and the viewer's layout (120 x 50) as redline does,
 * then replays PRESSES key presses (default 2000): each moves to a random
 * row, or jumps to the next changed passage, and lays out one screen, which
 * is all the work a key press makes besides drawing.  Prints the time to
 * the first screen and the mean and worst time per key press.  A
 * benchmark, not a test: it asserts nothing about time.
 */
#include <stdio.h>
#include <stdlib.h>

#include "redline/compare.h"
#include "redline/layout.h"

#include "clock.h"

int
main(int argc, char **argv)
{
	struct text a, b;
	struct text_where where;
	struct cmp c;
	struct cmp_opt co = {.minimal = 0};
	struct layout_opt lo = {.width = 120, .wrap = 1};
	struct lrow rows[50];
	int presses = argc > 3 ? atoi(argv[3]) : 2000;
	double t0, t1, worst = 0, total = 0;
	size_t cur = 0;
	unsigned seed = 1;

	if (argc < 3) {
		fprintf(stderr, "usage: keys OFFICIAL REWRITE [PRESSES]\n");
		return 2;
	}
	t0 = now();
	if (text_load(&a, argv[1], 0, &where) != TEXT_OK ||
	    text_load(&b, argv[2], 0, &where) != TEXT_OK ||
	    cmp_run(&c, &a, &b, &co) < 0) {
		fprintf(stderr, "keys: cannot load or compare\n");
		return 2;
	}
	double t_model = now();
	struct layout *l = layout_new(&c, &lo);
	if (!l || layout_rows(l, 0, 50, rows) == (size_t)-1)
		return 2;
	t1 = now();
	size_t nrows = layout_nrows(l), nitems = layout_nitems(l);
	for (int k = 0; k < presses; k++) {
		double s = now();
		size_t top;
		if (k % 2) { /* ]: the next changed passage */
			size_t i = cur;
			do
				i = (i + 1) % nitems;
			while (i != cur && !layout_item_changed(l, i));
			cur = i;
			top = layout_item_row(l, cur);
		} else { /* a scroll or a page to anywhere */
			seed = seed * 1103515245u + 12345u;
			top = (seed >> 8) % (nrows ? nrows : 1);
			cur = layout_row_item(l, top);
		}
		if (layout_rows(l, top, 50, rows) == (size_t)-1)
			return 2;
		double d = now() - s;
		total += d;
		if (d > worst)
			worst = d;
	}
	printf("words: %zu and %zu (tokens %zu and %zu); passages %zu, rows "
	       "%zu\n",
	       tok_words(&c.lt, 0, c.lt.n), tok_words(&c.rt, 0, c.rt.n), c.lt.n,
	       c.rt.n, nitems, nrows);
	printf("model %.3f s, first screen %.3f s after start\n", t_model - t0,
	       t1 - t0);
	printf("per key press: mean %.3f ms, worst %.3f ms over %d presses\n",
	       total / presses * 1e3, worst * 1e3, presses);
	layout_free(l);
	cmp_free(&c);
	text_done(&a);
	text_done(&b);
	return 0;
}
