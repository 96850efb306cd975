/* test_diff.c - Myers' algorithm on id sequences, and the word diff's
 * cleanup (sliding to sentence edges, absorbing lone equal words). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/compare.h"
#include "redline/diff.h"
#include "redline/myers.h"

/* Whether del / ins leave a and b with the same items in order. */
static int
script_valid(const uint32_t *a, size_t n, const uint32_t *b, size_t m,
             const unsigned char *del, const unsigned char *ins)
{
	size_t x = 0, y = 0;
	for (;;) {
		while (x < n && del[x])
			x++;
		while (y < m && ins[y])
			y++;
		if (x == n || y == m)
			break;
		if (a[x++] != b[y++])
			return 0;
	}
	for (; x < n; x++)
		if (!del[x])
			return 0;
	for (; y < m; y++)
		if (!ins[y])
			return 0;
	return 1;
}

static size_t
marks(const unsigned char *del, size_t n, const unsigned char *ins, size_t m)
{
	size_t d = 0;
	for (size_t i = 0; i < n; i++)
		d += del[i];
	for (size_t j = 0; j < m; j++)
		d += ins[j];
	return d;
}

/* Edit count of two strings of letters, one letter one id. */
static size_t
myers_count(const char *a, const char *b, int minimal)
{
	size_t n = strlen(a), m = strlen(b), d, i;
	uint32_t *ia = malloc((n + 1) * sizeof *ia),
	         *ib = malloc((m + 1) * sizeof *ib);
	unsigned char *del = malloc(n + 1), *ins = malloc(m + 1);
	struct myers *my = myers_new(256);

	assert_non_null(my);
	for (i = 0; i < n; i++)
		ia[i] = (unsigned char)a[i];
	for (i = 0; i < m; i++)
		ib[i] = (unsigned char)b[i];
	assert_int_equal(myers_run(my, ia, n, ib, m, del, ins, minimal), 0);
	/* the unmarked items agree in order */
	assert_true(script_valid(ia, n, ib, m, del, ins));
	d = marks(del, n, ins, m);
	myers_free(my);
	free(ia);
	free(ib);
	free(del);
	free(ins);
	return d;
}

static void
myers_known_distances(void **state)
{
	(void)state;
	/* the example of Myers' paper: D = 5 */
	assert_int_equal(myers_count("ABCABBA", "CBABAC", 1), 5);
	assert_int_equal(myers_count("", "", 1), 0);
	assert_int_equal(myers_count("abc", "", 1), 3);
	assert_int_equal(myers_count("", "abc", 1), 3);
	assert_int_equal(myers_count("abc", "abc", 1), 0);
	assert_int_equal(myers_count("abc", "xyz", 1), 6);
	assert_int_equal(myers_count("aaaa", "aa", 1), 2);
	assert_int_equal(myers_count("abcd", "acbd", 1), 2);
	assert_int_equal(myers_count("kitten", "sitting", 1), 5);
}

static void
myers_heuristic_stays_valid(void **state)
{
	enum { N = 6000 };
	static char a[N + 1], b[N + 1];
	uint32_t r = 12345;
	(void)state;

	for (int i = 0; i < N; i++) {
		r = r * 1103515245u + 12345u;
		a[i] = (char)('a' + (r >> 16) % 4);
		r = r * 1103515245u + 12345u;
		b[i] = (char)('a' + (r >> 16) % 4);
	}
	/* unrelated texts make the cost limit bite: still a valid script
	 * (myers_count checks it), never shorter than the minimal one, and
	 * within 5 % of it (1.6 % when written: 4,256 marks against
	 * 4,190); a heuristic that split badly would give up to 2 N */
	size_t exact = myers_count(a, b, 1), fast = myers_count(a, b, 0);
	assert_true(fast >= exact);
	assert_true(fast * 100 <= exact * 105);
}

struct pair {
	struct text a, b;
	struct cmp c;
};

static void
compare(struct pair *p, const char *a, const char *b, int minimal)
{
	struct text_where where;
	struct cmp_opt o = {.minimal = minimal};
	assert_int_equal(text_from_memory(&p->a, "a", a, strlen(a), 0, &where),
	                 TEXT_OK);
	assert_int_equal(text_from_memory(&p->b, "b", b, strlen(b), 0, &where),
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

/* The text of the right-side tokens of operation o, joined by spaces. */
static const char *
right_of_op(const struct pair *p, const struct dop *o)
{
	static char out[512];
	size_t n = 0;

	out[0] = '\0';
	for (uint32_t j = o->b0; j < o->b1; j++) {
		const struct tok *t = &p->c.rt.v[j];
		if (n)
			out[n++] = ' ';
		memcpy(out + n, p->b.buf + t->off, t->slen);
		n += t->slen;
		out[n] = '\0';
	}
	return out;
}

/* The same for op k of the whole-text diff. */
static const char *
right_of(const struct pair *p, size_t k)
{
	return right_of_op(p, &p->c.ops.v[k]);
}

/* The number of word operations of passage b, and the right side of its
 * operation k. */
static size_t
block_ops(const struct pair *p, size_t b)
{
	struct dwalk w;
	struct dop o;
	size_t n = 0;

	psg_block_walk(&p->c, b, &w);
	while (dwalk_next(&w, &o))
		n++;
	return n;
}

static const char *
block_right(const struct pair *p, size_t b, size_t k)
{
	struct dwalk w;
	struct dop o = {0, 0, 0, 0};

	psg_block_walk(&p->c, b, &w);
	for (size_t i = 0; i <= k; i++)
		assert_true(dwalk_next(&w, &o));
	return right_of_op(p, &o);
}

static void
inserted_sentence_slides_to_its_edges(void **state)
{
	struct pair p;
	(void)state;

	/* "x y ." could be read as ". x y" after "b"; it must be shown as the
	 * whole sentence "x y ." */
	compare(&p, "a b. c d.", "a b. x y. c d.", 1);
	assert_int_equal(p.c.ops.n, 3);
	assert_int_equal(dop_kind(&p.c.ops.v[1]), DOP_INSERT);
	assert_string_equal(right_of(&p, 1), "x y .");
	release(&p);
}

static void
lone_word_between_changes_is_absorbed(void **state)
{
	struct pair p;
	(void)state;

	/* inside a passage: one replacement reads as a phrase */
	compare(&p, "council members saw alpha beta the gamma delta today",
	        "council members saw one two the three four today", 0);
	assert_int_equal(p.c.al.nblocks, 1);
	assert_int_equal(block_ops(&p, 0),
	                 4); /* equal, delete, insert, equal */
	assert_string_equal(block_right(&p, 0, 2), "one two the three four");
	/* the whole-text diff (--export=wdiff, edit counts) keeps "the" */
	assert_int_equal(p.c.ops.n, 7);
	release(&p);

	/* --minimal keeps "the" as a match in the passage too */
	compare(&p, "council members saw alpha beta the gamma delta today",
	        "council members saw one two the three four today", 1);
	assert_int_equal(block_ops(&p, 0), 7);
	release(&p);

	/* a one-word change of a number stays one word, even next to
	 * another small change */
	compare(&p, "repair 40 bridges.", "repair 45 bridges, officials said.",
	        0);
	assert_int_equal(block_ops(&p, 0), 6);
	assert_string_equal(block_right(&p, 0, 2), "45");
	release(&p);

	/* not across a line break (diff_tokens itself, over all tokens) */
	static const char *const texts[2][2] = {
	        {"we saw alpha beta the gamma delta today",
	         "we saw one two the three four today"},
	        {"we saw alpha beta\nthe gamma delta today",
	         "we saw one two\nthe three four today"}};
	for (int k = 0; k < 2; k++) {
		struct dops d = {0};
		compare(&p, texts[k][0], texts[k][1], 0);
		struct myers *m = myers_new(intern_count(p.c.in));
		assert_non_null(m);
		assert_int_equal(diff_tokens(m, &p.c.lt, 0, p.c.lt.n, &p.c.rt,
		                             0, p.c.rt.n, DIFF_ABSORB, &d),
		                 0);
		assert_int_equal(d.n, k ? 7 : 4);
		dops_free(&d);
		myers_free(m);
		release(&p);
	}
}

static void
typographic_variants_are_equal(void **state)
{
	struct pair p;
	(void)state;

	compare(&p, "ISIS's losses -- \"big\"", "ISIS’s losses — “big”", 1);
	assert_int_equal(cmp_differs(&p.c), 0);
	release(&p);
	compare(&p, "Syria", "syria", 1);
	assert_int_equal(cmp_differs(&p.c), 1);
	release(&p);
}

static void
stats_count_words(void **state)
{
	struct pair p;
	struct cmp_stats st;
	(void)state;

	compare(&p, "one two three four.", "one 2 three four five.", 1);
	cmp_stats(&p.c, &st);
	assert_int_equal(st.words[0], 4);
	assert_int_equal(st.words[1], 5);
	assert_int_equal(st.common[0], 3);
	assert_int_equal(st.changed[0], 1);
	assert_int_equal(st.changed[1], 1);
	assert_int_equal(st.inserted, 1);
	assert_int_equal(st.deleted, 0);
	assert_int_equal(st.tok_del, 1);
	assert_int_equal(st.tok_ins, 2);
	release(&p);
}

/* A long text of n sentences over a vocabulary with accents, decomposed
 * forms, typographic dashes and numbers; seed picks the order.  Sentence
 * `changed` (if any) has its third word replaced by "zebra". */
static char *
long_text(size_t n, unsigned seed, long changed)
{
	static const char *const vocab[] = {
	        "caf\xc3\xa9", "cafe\xcc\x81", "na\xc3\xafve", "\xe2\x80\x94",
	        "--",          "2,254",        "Syria",        "talks",
	        "the",         "U.S.",         "ceasefire",    "of"};
	size_t nv = sizeof vocab / sizeof *vocab, len = 0, cap = n * 80 + 1;
	char *buf = malloc(cap);
	unsigned r = seed;

	assert_non_null(buf);
	for (size_t k = 0; k < n; k++) {
		for (int w = 0; w < 7; w++) {
			r = r * 1103515245u + 12345u;
			const char *word = (long)k == changed && w == 2
			                           ? "zebra"
			                           : vocab[(r >> 16) % nv];
			len += (size_t)snprintf(buf + len, cap - len, "%s%s",
			                        w ? " " : "", word);
		}
		len += (size_t)snprintf(buf + len, cap - len, ".%s",
		                        k % 5 == 4 ? "\n\n" : " ");
	}
	return buf;
}

/* Texts over CMP_THREAD_MIN are tokenized on two threads; the ids must be
 * the ones a single thread gives, left first. */
static void
two_threads_give_the_ids_of_one(void **state)
{
	char *a = long_text(20000, 1, -1), *b = long_text(20000, 2, 77);
	struct pair p;
	struct intern *in = intern_new();
	struct toklist la, lb;
	(void)state;

	assert_true(strlen(a) + strlen(b) >= (1u << 20));
	compare(&p, a, b, 0);
	assert_non_null(in);
	assert_int_equal(tok_split(&p.a, in, 0, &la), 0);
	assert_int_equal(tok_split(&p.b, in, 0, &lb), 0);
	assert_int_equal(intern_count(in), intern_count(p.c.in));
	assert_int_equal(la.n, p.c.lt.n);
	assert_int_equal(lb.n, p.c.rt.n);
	assert_memory_equal(la.id, p.c.lt.id, la.n * sizeof *la.id);
	assert_memory_equal(lb.id, p.c.rt.id, lb.n * sizeof *lb.id);
	tok_free(&la);
	tok_free(&lb);
	intern_free(in);
	release(&p);
	free(a);
	free(b);
}

/* A long text with one word changed: the sentence pass still reports just
 * that word, as the exact diff does. */
static void
long_text_one_word_changed(void **state)
{
	char *a = long_text(3000, 5, -1), *b = long_text(3000, 5, 1234);
	struct pair p;
	struct cmp_stats st;
	(void)state;

	compare(&p, a, b, 0);
	assert_true(p.c.lt.n >= DIFF_CHUNK_MIN);
	cmp_stats(&p.c, &st);
	assert_int_equal(st.tok_del, 1);
	assert_int_equal(st.tok_ins, 1);
	assert_int_equal(dop_kind(&p.c.ops.v[2]), DOP_INSERT);
	assert_string_equal(right_of(&p, 2), "zebra");
	release(&p);
	free(a);
	free(b);
}

/* Minimal script of a against b with the given tuning, into del / ins. */
static void
tuned_run(const struct myers_tuning *t, const uint32_t *a, size_t n,
          const uint32_t *b, size_t m, unsigned char *del, unsigned char *ins)
{
	struct myers *my = myers_new(64);

	assert_non_null(my);
	myers_tune(my, t);
	assert_int_equal(myers_run(my, a, n, b, m, del, ins, 1), 0);
	myers_free(my);
}

/* Every way of running the minimal search gives the same script: the
 * one-thread search of myers.c, myers_exact.c on one thread, and myers_exact.c
 * on two and four threads going parallel from 64 items, so that short inputs
 * already take the two-thread middle snake, its odd and even checks, and
 * the halves on threads.  Inputs: random edits of a random text over a
 * small alphabet (many equal items, as prose has), short and long. */
static void
minimal_same_on_any_threads(void **state)
{
	const struct myers_tuning tunes[] = {{0, 1, 0, 0, NULL},
	                                     {1, 1, 0, 0, NULL},
	                                     {1, 2, 64, 0, NULL},
	                                     {1, 4, 64, 0, NULL}};
	unsigned r = 12345;
	(void)state;
	for (int round = 0; round < 60; round++) {
		size_t n = round < 50 ? 1 + (size_t)(round * 37 % 400)
		                      : 20000 + (size_t)round * 100;
		uint32_t *a = malloc(n * sizeof *a),
		         *b = malloc(2 * n * sizeof *b);
		size_t m = 0, d0 = 0;
		unsigned char *del[4], *ins[4];
		assert_non_null(a);
		assert_non_null(b);
		for (size_t i = 0; i < n; i++) {
			r = r * 1103515245u + 12345u;
			a[i] = (r >> 16) % 40;
		}
		/* copy a into b with about one edit in eight */
		for (size_t i = 0; i < n; i++) {
			r = r * 1103515245u + 12345u;
			unsigned e = (r >> 16) % 16;
			if (e == 0)
				continue; /* deleted */
			if (e == 1)
				b[m++] = (r >> 8) % 40; /* inserted before */
			b[m++] = e == 2 ? (r >> 4) % 40 : a[i];
		}
		for (int t = 0; t < 4; t++) {
			del[t] = malloc(n);
			ins[t] = malloc(m ? m : 1);
			assert_non_null(del[t]);
			assert_non_null(ins[t]);
			tuned_run(&tunes[t], a, n, b, m, del[t], ins[t]);
		}
		for (size_t i = 0; i < n; i++)
			d0 += del[0][i];
		for (size_t j = 0; j < m; j++)
			d0 += ins[0][j];
		assert_true(n < 100 || d0 > 0); /* the inputs differ */
		for (int t = 1; t < 4; t++) {
			assert_memory_equal(del[0], del[t], n);
			if (m)
				assert_memory_equal(ins[0], ins[t], m);
		}
		for (int t = 0; t < 4; t++) {
			free(del[t]);
			free(ins[t]);
		}
		free(a);
		free(b);
	}
}

/* A random id below nids, most often one of the first few (as the words of
 * prose are): a bitmap for those in bitlcs.c, a list for the rest. */
static uint32_t
skewed(unsigned *r, uint32_t nids)
{
	*r = *r * 1103515245u + 12345u;
	uint32_t v = *r >> 8;
	return v % 2 ? v / 2 % 6 : v / 2 % nids;
}

/* bitlcs.c's script against myers.c's: as short, and valid.  Run by
 * bitlcs.c alone down to boxes of 64 items (one thread with each kernel the
 * CPU has, two and four threads parallel from 64 items) and as --minimal
 * runs it.
 * Inputs: random texts over a skewed alphabet, rewritten with few, many
 * or only edits, with a block moved to the end (the path then drifts far
 * from the main diagonal), short and long. */
static void
band_as_short_as_myers(void **state)
{
	const struct myers_tuning ref = {0, 1, 0, 0, NULL},
	                          tunes[] = {{1, 1, 0, 2, NULL},
	                                     {1, 1, 0, 3, NULL},
	                                     {1, 1, 0, 4, NULL},
	                                     {1, 2, 64, 2, NULL},
	                                     {1, 4, 64, 3, NULL},
	                                     {1, 0, MYERS_PAR_MIN, 1, NULL}};
	enum { NT = sizeof tunes / sizeof *tunes };
	unsigned r = 777;
	(void)state;
	for (int round = 0; round < 48; round++) {
		size_t n = round < 40 ? (size_t)(round * 97 % 3000)
		                      : 9000 + (size_t)(round - 40) * 2000;
		uint32_t nids = round % 3 ? 64 : 3000, rate = 2 + round % 7;
		uint32_t *a = malloc((n + 1) * sizeof *a),
		         *b = malloc((2 * n + 1) * sizeof *b);
		unsigned char *del = malloc(n + 1), *ins = malloc(2 * n + 1);
		size_t m = 0, moved = n / 5 * (size_t)(round % 2);
		assert_true(a && b && del && ins);
		for (size_t i = 0; i < n; i++)
			a[i] = skewed(&r, nids);
		for (size_t i = moved; i < n + moved; i++) {
			size_t at =
			        i < n ? i : i - n; /* a[0..moved) at the end */
			r = r * 1103515245u + 12345u;
			unsigned e = (r >> 16) % (rate * 3);
			if (round < 40 && round % 11 == 10)
				b[m++] = skewed(&r, nids); /* unrelated */
			else if (e == 0)
				continue;
			else if (e == 1)
				b[m++] = skewed(&r, nids);
			b[m++] = e == 2 ? skewed(&r, nids) : a[at];
		}
		struct myers *my = myers_new(nids);
		assert_non_null(my);
		myers_tune(my, &ref);
		assert_int_equal(myers_run(my, a, n, b, m, del, ins, 1), 0);
		size_t best = marks(del, n, ins, m);
		for (int t = 0; t < NT; t++) {
			myers_tune(my, &tunes[t]);
			assert_int_equal(myers_run(my, a, n, b, m, del, ins, 1),
			                 0);
			assert_true(script_valid(a, n, b, m, del, ins));
			assert_int_equal(marks(del, n, ins, m), best);
		}
		myers_free(my);
		free(a);
		free(b);
		free(del);
		free(ins);
	}
}

/* bitlcs.c's own account of a run: every split's halves cost what their box
 * does (a wrong bound or checkpoint would show here first, though the
 * script stayed minimal), and most splits after the first start from a
 * checkpoint, running one pass instead of two.  On one thread and on two,
 * with every kernel allowed. */
static void
band_splits_add_up(void **state)
{
	unsigned r = 4242;
	(void)state;
	for (int round = 0; round < 4; round++) {
		size_t n = 20000 + 7000 * (size_t)round, m = 0;
		size_t moved = round % 2 ? n / 4 : 0;
		uint32_t nids = 500, *a = malloc(n * sizeof *a),
		         *b = malloc(2 * n * sizeof *b);
		unsigned char *del = calloc(n, 1), *ins = calloc(2 * n, 1);
		assert_true(a && b && del && ins);
		for (size_t i = 0; i < n; i++)
			a[i] = skewed(&r, nids);
		for (size_t i = moved; i < n + moved; i++) {
			size_t at = i < n ? i : i - n;
			r = r * 1103515245u + 12345u;
			unsigned e = (r >> 16) % 20;
			if (e == 0)
				continue;
			if (e == 1)
				b[m++] = skewed(&r, nids);
			b[m++] = e == 2 ? skewed(&r, nids) : a[at];
		}
		struct myers_stats st = {0};
		struct myers *bl = myers_new(nids);
		assert_non_null(bl);
		myers_tune(bl, &(struct myers_tuning){1, 1 + round % 2, 64, 2,
		                                      &st});
		assert_int_equal(myers_run(bl, a, n, b, m, del, ins, 1), 0);
		myers_free(bl);
		assert_true(script_valid(a, n, b, m, del, ins));
		size_t got = marks(del, n, ins, m);
		struct myers *my = myers_new(nids);
		assert_non_null(my);
		myers_tune(my, &(struct myers_tuning){0, 1, 0, 0, NULL});
		assert_int_equal(myers_run(my, a, n, b, m, del, ins, 1), 0);
		assert_int_equal(got, marks(del, n, ins, m));
		myers_free(my);
		assert_true(st.splits > 100);
		assert_int_equal(st.off, 0);
		assert_true(st.from_ck * 3 > st.splits * 2);
		free(a);
		free(b);
		free(del);
		free(ins);
	}
}

/* The compact code of word operations gives back the very operations it
 * was given: runs after one another (a byte each), long ones, and lists
 * that jump forward and back in either range (a passage's pieces), from
 * any start; a walk over part of the bytes, and an unpacking, alike. */
static void
coded_operations_come_back(void **state)
{
	(void)state;
	const struct dop v[] = {
	        {10, 12, 20, 22},                 /* equal */
	        {12, 13, 22, 22},                 /* delete */
	        {13, 13, 22, 25},                 /* insert */
	        {13, 100013, 25, 100025},         /* a long equal */
	        {5, 7, 100025, 100025},           /* back in the first range */
	        {7, 7, 3, 4},                     /* back in the second */
	        {4000000000u, 4000000001u, 4, 4}, /* far forward */
	        {4000000001u, 4000000001u, 4294967290u, 4294967295u},
	        {0, 0, 4294967295u, 4294967295u}, /* an empty delete */
	};
	size_t n = sizeof v / sizeof *v;
	struct dcode c = {0};
	struct dops got = {0};
	struct dwalk w;
	struct dop o;

	assert_int_equal(dcode_put(&c, v, 1, 10, 20), 0);
	assert_int_equal(c.n, 1); /* a run where the walk starts: one byte */
	size_t mid = c.n;
	assert_int_equal(dcode_put(&c, v + 1, n - 1, 12, 22), 0);
	dwalk_init(&w, c.v, 0, c.n, 10, 20);
	for (size_t k = 0; k < n; k++) {
		assert_true(dwalk_next(&w, &o));
		assert_memory_equal(&o, &v[k], sizeof o);
	}
	assert_false(dwalk_next(&w, &o));
	dwalk_init(&w, c.v, mid, c.n, 12, 22);
	assert_int_equal(dcode_get(&got, &w), 0);
	assert_int_equal(got.n, n - 1);
	assert_memory_equal(got.v, v + 1, (n - 1) * sizeof *v);
	dwalk_init(&w, c.v, 0, 0, 0, 0);
	assert_false(dwalk_next(&w, &o));
	dcode_fit(&c);
	dwalk_init(&w, c.v, 0, mid, 10, 20);
	assert_int_equal(dcode_get(&got, &w), 0);
	assert_int_equal(got.n, 1);
	dops_free(&got);
	dcode_free(&c);
	assert_null(c.v);
}

/* With an argument, only the tests whose names match it (a cmocka
 * pattern: "two_threads*"), as valgrind-check runs a chosen few. */
int
main(int argc, char **argv)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(myers_known_distances),
	        cmocka_unit_test(myers_heuristic_stays_valid),
	        cmocka_unit_test(minimal_same_on_any_threads),
	        cmocka_unit_test(band_as_short_as_myers),
	        cmocka_unit_test(band_splits_add_up),
	        cmocka_unit_test(inserted_sentence_slides_to_its_edges),
	        cmocka_unit_test(lone_word_between_changes_is_absorbed),
	        cmocka_unit_test(typographic_variants_are_equal),
	        cmocka_unit_test(stats_count_words),
	        cmocka_unit_test(two_threads_give_the_ids_of_one),
	        cmocka_unit_test(long_text_one_word_changed),
	        cmocka_unit_test(coded_operations_come_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
