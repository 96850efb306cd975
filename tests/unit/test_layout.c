/* test_layout.c - the model as screen rows: widths, wrapping, the row
 * index, single pane, order, search and raw mode, groups of a split,
 * folding, cut marks and numbers, without a terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/layout.h"
#include "redline/uni.h"

struct pair {
	struct text a, b;
	struct cmp c;
};

static void
compare(struct pair *p, const char *a, const char *b)
{
	struct text_where where;
	struct cmp_opt o = {.minimal = 0};
	assert_int_equal(
	        text_from_memory(&p->a, "a", a, strlen(a), TEXT_LAX, &where),
	        TEXT_OK);
	assert_int_equal(
	        text_from_memory(&p->b, "b", b, strlen(b), TEXT_LAX, &where),
	        TEXT_OK);
	assert_int_equal(cmp_run(&p->c, &p->a, &p->b, &o), 0);
}

static void
release(struct pair *p)
{
	cmp_free(&p->c);
	text_done(&p->a);
	text_done(&p->b);
}

static int
width_of(const struct lside *s)
{
	const unsigned char *u = (const unsigned char *)s->s;
	int w = 0;
	for (size_t p = 0; p < s->len;) {
		int32_t cp;
		size_t l = uni_cluster(u + p, s->len - p, &cp);
		int cw = uni_cluster_width(u + p, l);
		w += cw < 0 ? 1 : cw;
		p += l;
	}
	return w;
}

static const char left[] =
        "日本語のテキストです。漢字と仮名が続きます。\n\n"
        "Cafe\xCC\x81 owners met 👨‍👩‍👧 families at noon.\n\n"
        "Supercalifragilisticexpialidociousnessly long words break.\n";
static const char right[] =
        "日本語の文章です。漢字と仮名が続きます。\n\n"
        "Cafe\xCC\x81 owners met 👨‍👩‍👧 families at one.\n\n"
        "An added line with \x1b[31m an escape.\n";

/* Lay out, then check every row: widths within the column, the row index
 * agreeing with the rows handed out. */
static void
check_rows(struct layout *l)
{
	size_t n = layout_nrows(l), firsts = 0;
	struct lrow rows[8];
	int colw = layout_colw(l);

	for (size_t r = 0; r < n;) {
		size_t got = layout_rows(l, r, 8, rows);
		assert_true(got > 0 && got != (size_t)-1);
		for (size_t k = 0; k < got; k++) {
			for (int s = 0; s < 2; s++) {
				const struct lside *sd = &rows[k].side[s];
				assert_true(sd->width +
				                    !!(sd->cut & LCUT_LEFT) +
				                    !!(sd->cut & LCUT_RIGHT) <=
				            colw);
				assert_int_equal(rows[k].side[s].width,
				                 width_of(&rows[k].side[s]));
				/* no raw control byte ever */
				for (size_t i = 0; i < rows[k].side[s].len; i++)
					assert_true((unsigned char)rows[k]
					                    .side[s]
					                    .s[i] >= 0x20);
			}
			if (rows[k].first) {
				firsts++;
				assert_int_equal(
				        layout_item_row(l, rows[k].item),
				        r + k);
			}
			assert_int_equal(layout_row_item(l, r + k),
			                 rows[k].item);
		}
		r += got;
	}
	assert_int_equal(firsts, layout_nitems(l));
}

static void
widths_and_row_index(void **state)
{
	struct pair p;
	(void)state;

	compare(&p, left, right);
	/* odd widths put a wrap in the middle of two-column characters */
	for (int w = 21; w <= 61; w += 5) {
		struct layout_opt o = {.width = w, .wrap = 1};
		struct layout *l = layout_new(&p.c, &o);
		assert_non_null(l);
		check_rows(l);
		o.mode = LAYOUT_RAW;
		assert_int_equal(layout_reset(l, &o), 0);
		check_rows(l);
		layout_free(l);
	}
	release(&p);
}

static void
wrap_off_and_single_pane(void **state)
{
	struct pair p;
	struct lrow rows[64];
	(void)state;

	compare(&p, left, right);
	struct layout_opt o = {.width = 40, .wrap = 0};
	struct layout *l = layout_new(&p.c, &o);
	assert_int_equal(layout_nrows(l), layout_nitems(l)); /* one row each */
	check_rows(l);
	o.wrap = 1;
	o.single = 2;
	assert_int_equal(layout_reset(l, &o), 0);
	assert_int_equal(layout_colw(l), 40 - LAYOUT_MARGIN);
	size_t got = layout_rows(l, 0, 64, rows);
	for (size_t k = 0; k < got; k++)
		assert_int_equal(rows[k].side[0].len, 0); /* official hidden */
	check_rows(l);
	layout_free(l);
	release(&p);
}

static void
swap_orders_by_the_rewrite(void **state)
{
	struct pair p;
	(void)state;

	compare(&p, "First one here. Second one here. Third one here.\n",
	        "Third one here. First one here. Second one here.\n");
	struct layout_opt o = {.width = 80, .wrap = 1};
	struct layout *l = layout_new(&p.c, &o);
	uint32_t prev = 0;
	/* official order: the moved sentence is out of order on the right */
	assert_true(layout_block(l, 0)->ls0 == 0);
	o.swap = 1;
	assert_int_equal(layout_reset(l, &o), 0);
	for (size_t i = 0; i < layout_nitems(l); i++) {
		const struct block *b = layout_block(l, i);
		if (b->rs1 > b->rs0) {
			assert_true(b->rs0 >= prev);
			prev = b->rs0;
		}
	}
	layout_free(l);
	release(&p);
}

static void
search_and_marks(void **state)
{
	struct pair p;
	struct lrow rows[64];
	char mark[2];
	(void)state;

	compare(&p, left, right);
	struct layout_opt o = {.width = 80, .wrap = 1};
	struct layout *l = layout_new(&p.c, &o);
	assert_int_equal(layout_search(l, "FAMILIES"), 0);
	size_t i = layout_find(l, 0, 0);
	assert_true(i != (size_t)-1);
	size_t got = layout_rows(l, layout_item_row(l, i), 1, rows);
	assert_int_equal(got, 1);
	int matched = 0;
	for (size_t k = 0; k < rows[0].side[0].len; k++)
		matched += (rows[0].side[0].attr[k] & LA_MATCH) != 0;
	assert_int_equal(matched, (int)strlen("families"));
	assert_true(layout_find(l, i, 1) != (size_t)-1);
	assert_int_equal(layout_search(l, "no such words"), 0);
	assert_true(layout_find(l, 0, 0) == (size_t)-1);
	/* the escape sequence line is an addition, its ESC made visible */
	layout_mark(l, layout_nitems(l) - 1, mark);
	assert_true(mark[0] == '>' || mark[0] == '<');
	layout_free(l);
	release(&p);
}

/* A long pair whose passages alternate kept and changed, each of its own
 * length: enough items that their rows are measured on two threads. */
static char *
long_text(int rewrite, size_t paras)
{
	size_t cap = paras * 160 + 1, n = 0;
	char *s = malloc(cap);
	assert_non_null(s);
	for (size_t k = 0; k < paras; k++) {
		n += (size_t)snprintf(s + n, cap - n, "Paragraph %zu says", k);
		for (size_t w = 0; w < k % 13; w++)
			n += (size_t)snprintf(s + n, cap - n, " more");
		if (rewrite && k % 3 == 1)
			n += (size_t)snprintf(
			        s + n, cap - n,
			        " something else entirely %zu.\n\n", k * 7);
		else
			n += (size_t)snprintf(s + n, cap - n,
			                      " the same thing here.\n\n");
	}
	return s;
}

static void
rows_measured_on_threads_match_one_thread(void **state)
{
	(void)state;
	struct pair p;
	char *a = long_text(0, 6000), *b = long_text(1, 6000);
	compare(&p, a, b);
	for (int mode = LAYOUT_ALIGNED; mode <= LAYOUT_RAW; mode++) {
		struct layout_opt one = {
		        .width = 70, .wrap = 1, .mode = mode, .threads = 1};
		struct layout_opt two = one;
		two.threads = 0;
		struct layout *l1 = layout_new(&p.c, &one);
		struct layout *l2 = layout_new(&p.c, &two);
		assert_non_null(l1);
		assert_non_null(l2);
		/* enough items for the second thread (LAYOUT_PAR_MIN) */
		assert_true(layout_nitems(l2) >= 4096);
		assert_int_equal(layout_nitems(l1), layout_nitems(l2));
		assert_int_equal(layout_nrows(l1), layout_nrows(l2));
		for (size_t i = 0; i <= layout_nitems(l1); i++)
			assert_int_equal(layout_item_row(l1, i),
			                 layout_item_row(l2, i));
		check_rows(l2);
		/* the search, on two threads too, finds the same items */
		size_t i1, t1, i2, t2, f1 = 0, f2 = 0;
		assert_int_equal(layout_search(l1, "something ELSE"), 0);
		assert_int_equal(layout_search(l2, "something ELSE"), 0);
		assert_int_equal(layout_match_count(l1, 0, &i1, &t1), 0);
		assert_int_equal(layout_match_count(l2, 0, &i2, &t2), 0);
		assert_true(t1 > 1000);
		assert_int_equal(t1, t2);
		for (int k = 0; k < 50; k++) {
			f1 = layout_find(l1, f1, 0);
			f2 = layout_find(l2, f2, 0);
			assert_int_equal(f1, f2);
		}
		layout_free(l1);
		layout_free(l2);
	}
	release(&p);
	free(a);
	free(b);
}

/* The text of one row side as a C string (for strncmp and strstr). */
static void
side_text(const struct lside *sd, char *out, size_t size)
{
	size_t n = sd->len < size - 1 ? sd->len : size - 1;
	if (n) /* an empty side has no text at all */
		memcpy(out, sd->s, n);
	out[n] = '\0';
}

/* One official sentence split in two with an addition between its pieces:
 * one passage, shown in two places so that neither text leaves its order
 * (the sentence and the first piece, the addition, then the second piece
 * marked as continuing passage 1), and the words the second piece keeps
 * are not deleted. */
static void
split_is_one_item(void **state)
{
	struct pair p;
	struct lrow rows[32];
	struct litem it;
	char t[128];
	(void)state;

	compare(&p,
	        "The council approved the budget for new schools and the mayor "
	        "praised the bridges repair plan.\n\nResidents will vote again "
	        "in spring.\n",
	        "The council approved the budget for new schools.\n\nCritics "
	        "spoke loudly at length about taxes.\n\nThe mayor praised the "
	        "bridges repair plan.\n");
	struct layout_opt o = {.width = 100, .wrap = 1};
	struct layout *l = layout_new(&p.c, &o);
	assert_non_null(l);
	assert_true(p.c.al.nblocks == 5); /* source, two pieces, +, - */
	assert_int_equal(p.c.ps.n, 3);    /* the split, +, - */
	assert_int_equal(layout_nitems(l), 4);
	layout_item(l, 0, &it);
	assert_int_equal(it.nleft, 1);
	assert_int_equal(it.nright, 2);
	assert_int_equal(it.kind, BLK_VERBATIM);
	assert_int_equal(it.number, 1);
	assert_int_equal(it.places, 2);
	assert_false(it.cont);
	layout_item(l, 1, &it);
	assert_int_equal(it.kind, BLK_ADDITION);
	assert_int_equal(it.number, 2);
	layout_item(l, 2, &it);
	assert_int_equal(it.number, 1);
	assert_true(it.cont);
	/* every block of the split shows in item 0 or item 2 */
	for (size_t b = 0; b < p.c.al.nblocks; b++)
		if (p.c.al.blocks[b].link >= 0)
			assert_true(layout_item_of_block(l, b) == 0 ||
			            layout_item_of_block(l, b) == 2);
	size_t got = layout_rows(l, 0, 32, rows);
	int second = 0, below = 0, from = 0;
	for (size_t k = 0; k < got && rows[k].item <= 2; k++) {
		side_text(&rows[k].side[1], t, sizeof t);
		if (strncmp(t, "The mayor praised", 17) == 0) {
			assert_int_equal(rows[k].item, 2);
			second = 1;
		}
		side_text(&rows[k].side[0], t, sizeof t);
		below |=
		        rows[k].item == 0 && strstr(t, "([1] continues below)");
		from |= rows[k].item == 2 && strstr(t, "(continued from [1])");
		/* "mayor" on the left is kept by the second piece */
		const struct lside *sd = &rows[k].side[0];
		side_text(sd, t, sizeof t);
		char *m = strstr(t, "mayor");
		if (m)
			assert_false(sd->attr[m - t] & LA_DEL);
	}
	assert_true(second);
	assert_true(below);
	assert_true(from);
	/* the omission is tinted across its text, spaces too */
	for (size_t k = 0; k < got; k++) {
		side_text(&rows[k].side[0], t, sizeof t);
		if (strncmp(t, "Residents", 9) == 0)
			for (size_t i = 0; i < rows[k].side[0].len; i++)
				assert_true(rows[k].side[0].attr[i] & LA_TINT);
	}
	check_rows(l);
	/* in the rewrite's order the split still comes first */
	o.swap = 1;
	assert_int_equal(layout_reset(l, &o), 0);
	layout_item(l, 0, &it);
	assert_int_equal(it.nright, 2);
	check_rows(l);
	layout_free(l);
	release(&p);
}

/* The search folds as the diff does: a straight apostrophe finds a curly
 * one, full case folding finds "Straße" from "STRASSE", and it counts. */
static void
search_folds_as_the_diff(void **state)
{
	struct pair p;
	struct lrow rows[8];
	size_t idx, total;
	(void)state;

	compare(&p,
	        "Moscow\xE2\x80\x99s view on the Stra\xC3\x9F"
	        "e.\n",
	        "Moscow\xE2\x80\x99s view on the Stra\xC3\x9F"
	        "e and more.\n");
	struct layout_opt o = {.width = 80, .wrap = 1};
	struct layout *l = layout_new(&p.c, &o);
	assert_int_equal(layout_search(l, "MOSCOW'S"), 0);
	assert_int_equal(layout_find(l, 0, 0), 0);
	assert_int_equal(layout_match_count(l, 0, &idx, &total), 0);
	assert_int_equal(idx, 1);
	assert_int_equal(total, 1);
	assert_int_equal(layout_search(l, "strasse"), 0);
	assert_int_equal(layout_rows(l, 0, 1, rows), 1);
	const struct lside *sd = &rows[0].side[0];
	size_t marked = 0;
	for (size_t i = 0; i < sd->len; i++)
		marked += (sd->attr[i] & LA_MATCH) != 0;
	assert_int_equal(marked, strlen("Stra\xC3\x9F"
	                                "e"));
	assert_int_equal(layout_search(l, "Moscows"), 0);
	assert_true(layout_find(l, 0, 0) == (size_t)-1);
	layout_free(l);
	release(&p);
}

/* Wrap off: lines cut with a column for the mark; scrolled sideways, a
 * mark at the left too.  Folding keeps an unchanged passage to one row;
 * numbers start each passage. */
static void
cuts_folds_and_numbers(void **state)
{
	struct pair p;
	struct lrow rows[16];
	char t[128];
	(void)state;

	compare(&p,
	        "This sentence is the same in both texts and long enough to "
	        "wrap in a narrow column.\n\nThe second one says one thing.\n",
	        "This sentence is the same in both texts and long enough to "
	        "wrap in a narrow column.\n\nThe second one says another.\n");
	struct layout_opt o = {.width = 40, .wrap = 0};
	struct layout *l = layout_new(&p.c, &o);
	assert_int_equal(layout_rows(l, 0, 1, rows), 1);
	assert_int_equal(rows[0].side[0].cut, LCUT_RIGHT);
	assert_int_equal(rows[0].side[0].width, layout_colw(l) - 1);
	layout_set_hoff(l, 5);
	assert_int_equal(layout_rows(l, 0, 1, rows), 1);
	assert_int_equal(rows[0].side[0].cut, LCUT_LEFT | LCUT_RIGHT);
	side_text(&rows[0].side[0], t, sizeof t);
	assert_true(strncmp(t, "sentence", 8) == 0);
	check_rows(l);
	o.wrap = 1;
	assert_int_equal(layout_reset(l, &o), 0);
	size_t rows_wrapped = layout_item_row(l, 1);
	assert_true(rows_wrapped > 1);
	o.fold = 1;
	assert_int_equal(layout_reset(l, &o), 0);
	assert_false(layout_item_changed(l, 0));
	assert_int_equal(layout_item_row(l, 1), 1); /* folded to one row */
	check_rows(l);
	o.fold = 0;
	o.numbers = 1;
	o.width = 100;
	assert_int_equal(layout_reset(l, &o), 0);
	assert_true(layout_rows(l, 0, 16, rows) > 0);
	side_text(&rows[0].side[0], t, sizeof t);
	assert_true(strncmp(t,
	                    "\xC2\xB6"
	                    "1.1 This",
	                    9) == 0);
	size_t second = layout_item_row(l, 1);
	side_text(&rows[second].side[1], t, sizeof t);
	assert_true(strncmp(t,
	                    "\xC2\xB6"
	                    "2.1 The",
	                    8) == 0);
	layout_free(l);
	release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(widths_and_row_index),
	        cmocka_unit_test(wrap_off_and_single_pane),
	        cmocka_unit_test(swap_orders_by_the_rewrite),
	        cmocka_unit_test(search_and_marks),
	        cmocka_unit_test(rows_measured_on_threads_match_one_thread),
	        cmocka_unit_test(split_is_one_item),
	        cmocka_unit_test(search_folds_as_the_diff),
	        cmocka_unit_test(cuts_folds_and_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
