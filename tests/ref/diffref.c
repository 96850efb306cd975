/* diffref.c - check the word diff against GNU diff as an independent
 * reference.
 *
 * usage: diffref N OFFICIAL REWRITE...
 *
 * For OFFICIAL against each REWRITE, and for N seeded random pairs (small
 * alphabets, long runs of one token, empty sides, unrelated pairs), it
 * checks that:
 *  - under --minimal, deleted plus inserted tokens equals the number of
 *    '<' and '>' lines of `diff -d` run on the same comparison keys written
 *    one per line (diff -d finds a minimal line diff);
 *  - the operations, applied to the left tokens, give the right tokens,
 *    both with and without --minimal, and the default script is never
 *    shorter than the minimal one.
 * Prints one line per failure and ends with "N passed, N failed".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "redline/compare.h"

static int passed, failed;

/* The ops cover both token lists in order and turn left into right. */
static int
applies(const struct cmp *c)
{
	uint32_t i = 0, j = 0;

	for (size_t k = 0; k < c->ops.n; k++) {
		const struct dop *o = &c->ops.v[k];
		if (o->a0 != i || o->b0 != j)
			return 0;
		switch (dop_kind(o)) {
		case DOP_EQUAL:
			if (o->a1 - o->a0 != o->b1 - o->b0)
				return 0;
			for (uint32_t x = 0; x < o->a1 - o->a0; x++)
				if (c->lt.id[o->a0 + x] != c->rt.id[o->b0 + x])
					return 0;
			break;
		case DOP_DELETE:
			if (o->b1 != o->b0 || o->a1 <= o->a0)
				return 0;
			break;
		case DOP_INSERT:
			if (o->a1 != o->a0 || o->b1 <= o->b0)
				return 0;
			break;
		default:
			return 0;
		}
		i = o->a1;
		j = o->b1;
	}
	return i == c->lt.n && j == c->rt.n;
}

static size_t
edits(const struct cmp *c)
{
	struct cmp_stats st;
	cmp_stats(c, &st);
	return st.tok_del + st.tok_ins;
}

static int
write_keys(const struct cmp *c, const struct toklist *l, const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		size_t len;
		const char *k = intern_key(c->in, l->id[i], &len);
		fwrite(k, 1, len, f);
		fputc('\n', f);
	}
	return fclose(f) == 0 ? 0 : -1;
}

/* Edit count GNU diff -d reports for the two key files. */
static long
gnu_diff_count(const char *a, const char *b)
{
	char cmd[1400];
	long n = 0;
	int ch, bol = 1;
	FILE *p;

	snprintf(cmd, sizeof cmd, "LC_ALL=C diff -d '%s' '%s'", a, b);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	while ((ch = fgetc(p)) != EOF) {
		if (bol && (ch == '<' || ch == '>'))
			n++;
		bol = ch == '\n';
	}
	int st = pclose(p);
	if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) > 1)
		return -1;
	return n;
}

static void
check_pair(const char *label, const void *a, size_t na, const void *b,
           size_t nb, const char *dir)
{
	struct text ta, tb;
	struct cmp cm, cd;
	struct cmp_opt om = {.minimal = 1}, od = {.minimal = 0};
	struct text_where where;
	char fa[600], fb[600];
	int ok = 1;

	if (text_from_memory(&ta, "a", a, na, TEXT_LAX, &where) != TEXT_OK ||
	    text_from_memory(&tb, "b", b, nb, TEXT_LAX, &where) != TEXT_OK) {
		printf("FAIL %s: cannot load\n", label);
		failed++;
		return;
	}
	if (cmp_run(&cm, &ta, &tb, &om) < 0 ||
	    cmp_run(&cd, &ta, &tb, &od) < 0) {
		printf("FAIL %s: out of memory\n", label);
		exit(2);
	}
	snprintf(fa, sizeof fa, "%s/a", dir);
	snprintf(fb, sizeof fb, "%s/b", dir);
	if (write_keys(&cm, &cm.lt, fa) < 0 ||
	    write_keys(&cm, &cm.rt, fb) < 0) {
		printf("FAIL %s: cannot write key files\n", label);
		exit(2);
	}
	long ref = gnu_diff_count(fa, fb);
	size_t got = edits(&cm), dflt = edits(&cd);
	if (ref < 0) {
		printf("FAIL %s: diff -d did not run\n", label);
		ok = 0;
	} else if ((size_t)ref != got) {
		printf("FAIL %s: --minimal edit count %zu, diff -d %ld\n",
		       label, got, ref);
		ok = 0;
	}
	if (!applies(&cm) || !applies(&cd)) {
		printf("FAIL %s: script does not turn left into right\n",
		       label);
		ok = 0;
	}
	if (dflt < got) {
		printf("FAIL %s: default script %zu shorter than minimal %zu\n",
		       label, dflt, got);
		ok = 0;
	}
	ok ? passed++ : failed++;
	cmp_free(&cm);
	cmp_free(&cd);
	text_done(&ta);
	text_done(&tb);
}

static uint64_t rng = 88172645463325252u;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (uint32_t)(rng % n) : 0;
}

/* Append token number t of the alphabet: "w<t>", punctuation sometimes. */
static size_t
put_tok(char *buf, size_t len, uint32_t t)
{
	if (t % 7 == 6)
		return len + (size_t)sprintf(buf + len, "%s. ", "w");
	return len + (size_t)sprintf(buf + len, "w%u ", t);
}

/* A seeded random pair: short ones over small alphabets with long runs,
 * empty sides and unrelated texts; every LONG_EVERY-th a long text (past
 * DIFF_CHUNK_MIN tokens, so the sentence pass and the search cut-offs run)
 * with a few edits.  The buffers are allocated; the caller frees them. */
#define LONG_EVERY 50
static void
random_pair(int k, char **pa, size_t *na, char **pb, size_t *nb)
{
	static const uint32_t alphabets[] = {1, 2, 3, 4, 6, 10, 40};
	int lng = k % LONG_EVERY == LONG_EVERY - 1;
	uint32_t alpha = lng ? 200 + rnd(2000) : alphabets[rnd(7)];
	uint32_t n = lng ? 5000 + rnd(20000) : rnd(5) == 0 ? rnd(3) : rnd(300);
	uint32_t cap = 2 * n + 300; /* an unrelated rewrite has up to 300 */
	uint32_t *seq = malloc((n + 1) * sizeof *seq);
	uint32_t *out = malloc(cap * sizeof *out);
	uint32_t m = 0, i;
	char *a = malloc(12 * (size_t)n + 1), *b = malloc(12 * (size_t)cap);

	if (!seq || !out || !a || !b) {
		fprintf(stderr, "diffref: out of memory\n");
		exit(2);
	}
	for (i = 0; i < n; i++) {
		if (!lng && rnd(10) == 0 && i > 0) { /* a run of one token */
			uint32_t run = rnd(40), v = seq[i - 1];
			while (run-- && i < n)
				seq[i++] = v;
			if (i >= n)
				break;
		}
		seq[i] = rnd(alpha);
	}
	if (!lng && k % 10 == 9) { /* an unrelated pair */
		m = rnd(5) == 0 ? 0 : rnd(300);
		for (i = 0; i < m; i++)
			out[i] = rnd(alpha);
	} else { /* edits of the same text */
		uint32_t rate = lng ? 1 + rnd(10) : 1 + rnd(60); /* percent */
		for (i = 0; i < n && m + 2 < cap; i++) {
			uint32_t r = rnd(100);
			if (r < rate / 3)
				continue; /* delete */
			if (r < 2 * rate / 3)
				out[m++] = rnd(alpha); /* replace */
			else
				out[m++] = seq[i];
			if (rnd(100) < rate / 3)
				out[m++] = rnd(alpha + 2); /* insert */
		}
	}
	*na = *nb = 0;
	for (i = 0; i < n; i++)
		*na = put_tok(a, *na, seq[i]);
	for (i = 0; i < m; i++)
		*nb = put_tok(b, *nb, out[i]);
	free(seq);
	free(out);
	*pa = a;
	*pb = b;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) &&
	    fread(buf, 1, (size_t)n, f) == (size_t)n) {
		*len = (size_t)n;
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

int
main(int argc, char **argv)
{
	char dir[] = "/tmp/redline-diffref.XXXXXX";
	char *a, *b;
	size_t na, nb, ol;
	int n, k;

	if (argc < 2 || (n = atoi(argv[1])) < 0) {
		fprintf(stderr, "usage: diffref N [OFFICIAL REWRITE...]\n");
		return 2;
	}
	if (!mkdtemp(dir)) {
		perror("diffref: mkdtemp");
		return 2;
	}
	if (argc >= 3) {
		char *off = slurp(argv[2], &ol);
		if (!off) {
			fprintf(stderr, "diffref: cannot read %s\n", argv[2]);
			return 2;
		}
		for (k = 3; k < argc; k++) {
			size_t rl;
			char *rw = slurp(argv[k], &rl);
			if (!rw) {
				fprintf(stderr, "diffref: cannot read %s\n",
				        argv[k]);
				return 2;
			}
			check_pair(argv[k], off, ol, rw, rl, dir);
			check_pair(argv[k], rw, rl, off, ol,
			           dir); /* reversed */
			free(rw);
		}
		free(off);
	}
	for (k = 0; k < n; k++) {
		char label[32];
		snprintf(label, sizeof label, "random pair %d", k);
		random_pair(k, &a, &na, &b, &nb);
		check_pair(label, a, na, b, nb, dir);
		free(a);
		free(b);
	}
	char path[600];
	snprintf(path, sizeof path, "%s/a", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/b", dir);
	unlink(path);
	rmdir(dir);
	printf("diffref: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
