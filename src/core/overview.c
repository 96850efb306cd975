/* overview.c - one official text against many rewrites (overview.h).
 *
 * Owns: running the pair comparisons on a pool of threads (each takes the
 * next rewrite not yet taken; the runs share only the official text's
 * tokens, found once before them and copied by each), then
 * reading every figure off the pairs' passages (passage.h), so that a
 * sentence has the kind its passage has in the pair's own views.  The official
 * text is split the same way in every pair (the tokenizer and segmenter are
 * deterministic), so sentence s is the same sentence in all of them.
 */
#include "redline/overview.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "redline/uni.h"

#define HEADLINE_WORDS                                                         \
	16 /* a first line this short, with no sentence end,                   \
	      is a headline and names the rewrite */

struct pool {
	struct overview *ov;
	const struct cmp_left *left; /* the official text, tokenized once */
	const struct cmp_opt *opt;
	pthread_mutex_t lock;
	size_t next;
	int rc; /* first failure: an enum cmp_error */
};

static void *
worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		size_t j = p->next++;
		int stop = p->rc != 0;
		pthread_mutex_unlock(&p->lock);
		if (stop || j >= p->ov->n)
			return NULL;
		struct ov_rewrite *r = &p->ov->r[j];
		int rc = cmp_run_left(&r->cmp, p->left, r->text, p->opt);
		if (rc < 0) {
			pthread_mutex_lock(&p->lock);
			if (!p->rc)
				p->rc = rc;
			pthread_mutex_unlock(&p->lock);
			return NULL;
		}
	}
}

/* Copy s[0..n) into out as a name: control characters and invalid bytes
 * become '?', white space runs one space, cut on a character boundary at
 * OV_NAME_MAX bytes. */
static void
set_name(char *out, const unsigned char *s, size_t n)
{
	size_t k = 0, i = 0;

	while (i < n) {
		int32_t cp;
		size_t len = uni_decode(s + i, n - i, &cp);
		if (len == 0)
			break;
		if (cp == ' ' || cp == '\t') {
			if (k && out[k - 1] != ' ' && k < OV_NAME_MAX)
				out[k++] = ' ';
			i += len;
			continue;
		}
		if (cp < 0 || uni_visible(cp) != cp || cp == '\r') {
			if (k + 1 > OV_NAME_MAX)
				break;
			out[k++] = '?';
		} else {
			if (k + len > OV_NAME_MAX)
				break;
			memcpy(out + k, s + i, len);
			k += len;
		}
		i += len;
	}
	while (k && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
}

/* The rewrite's name: its first line when that is a headline (a short line
 * with no sentence end of its own, not a label ending in a colon), else its
 * file name without the directories. */
static void
name_rewrite(struct ov_rewrite *r)
{
	const struct cmp *c = &r->cmp;
	const struct text *t = r->text;

	if (c->rt.n) {
		uint32_t t0 = 0, t1 = 1;
		while (t1 < c->rt.n && !c->rt.v[t1].nl)
			t1++;
		const struct tok *last = &c->rt.v[t1 - 1];
		size_t w = tok_words(&c->rt, t0, t1);
		/* not a label ("Follow us on:") or a sentence */
		int label = last->slen == 1 && t->buf[last->off] == ':';
		if (w > 0 && w <= HEADLINE_WORDS &&
		    !(last->flags & TOK_F_STOP) && !label) {
			size_t from = c->rt.v[t0].off;
			set_name(r->name, t->buf + from,
			         tok_end(&c->rt, t1 - 1) - from);
			if (r->name[0])
				return;
		}
	}
	const char *name = text_label(t->name), *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	set_name(r->name, (const unsigned char *)base, strlen(base));
}

/* Figures of rewrite j, and its column of the coverage matrix. */
static void
measure(struct overview *ov, size_t j)
{
	struct ov_rewrite *r = &ov->r[j];
	const struct cmp *c = &r->cmp;

	r->words = tok_words(&c->rt, 0, c->rt.n);
	r->facts = c->al.nfacts;
	r->findings = c->fd.n;
	memcpy(r->fcount, c->fd.count, sizeof r->fcount);
	r->additions = c->ps.count[BLK_ADDITION];
	for (size_t i = 0; i < c->al.nblocks; i++) {
		const struct block *b = &c->al.blocks[i];
		/* the kind of the passage: what the pair views say */
		unsigned kind = c->ps.v[c->ps.of[i]].kind;
		if (b->kind == BLK_ADDITION)
			r->add_words += psg_block_words(c, i, 1);
		if (kind > BLK_OMISSION) /* no official side: never here */
			kind = BLK_OMISSION;
		for (uint32_t s = b->ls0; s < b->ls1; s++) {
			ov->kind[s * ov->n + j] = (uint8_t)kind;
			ov->block[s * ov->n + j] = (int32_t)i;
			r->kept[kind]++;
		}
	}
	name_rewrite(r);
}

int
ov_run(struct overview *ov, const struct text *official,
       const struct text *const *rewrites, size_t n, const struct cmp_opt *opt,
       int threads)
{
	struct cmp_left left;
	struct cmp_opt base = *opt, one;
	struct pool p = {ov, &left, &base, PTHREAD_MUTEX_INITIALIZER, 0, 0};
	pthread_t th[16];
	int nth = 0;

	memset(ov, 0, sizeof *ov);
	ov->official = official;
	ov->n = n;
	ov->r = calloc(n ? n : 1, sizeof *ov->r);
	if (!ov->r)
		return -1;
	if (cmp_left_run(&left, official, opt->keyopts) < 0) {
		ov_free(ov);
		return CMP_ERR_MEMORY;
	}
	for (size_t j = 0; j < n; j++)
		ov->r[j].text = rewrites[j];
	if (threads <= 0) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		threads = cpus > 0 ? (int)cpus : 1;
	}
	if (threads > (int)(sizeof th / sizeof *th))
		threads = (int)(sizeof th / sizeof *th);
	if ((size_t)threads > n)
		threads = (int)n;
	base.after_align = NULL; /* hooks of cmp_run's alone */
	base.after_marks = NULL;
	one = base;
	one.threads = 1;
	/* pairs side by side: each compares on its own thread only */
	if (threads > 1)
		p.opt = &one;
	/* the calling thread works too */
	while (nth < threads - 1 &&
	       pthread_create(&th[nth], NULL, worker, &p) == 0)
		nth++;
	worker(&p);
	for (int k = 0; k < nth; k++)
		pthread_join(th[k], NULL);
	cmp_left_free(&left);
	if (p.rc) {
		ov_free(ov);
		return p.rc;
	}
	ov->nsent = ov->r[0].cmp.ls.n;
	ov->words = tok_words(&ov->r[0].cmp.lt, 0, ov->r[0].cmp.lt.n);
	ov->kind = calloc(ov->nsent * n + 1, sizeof *ov->kind);
	ov->block = calloc(ov->nsent * n + 1, sizeof *ov->block);
	if (!ov->kind || !ov->block) {
		ov_free(ov);
		return -1;
	}
	for (size_t j = 0; j < n; j++)
		measure(ov, j);
	return 0;
}

void
ov_free(struct overview *ov)
{
	if (ov->r)
		for (size_t j = 0; j < ov->n; j++)
			cmp_free(&ov->r[j].cmp);
	free(ov->r);
	free(ov->kind);
	free(ov->block);
	memset(ov, 0, sizeof *ov);
}

int
ov_differs(const struct overview *ov)
{
	for (size_t j = 0; j < ov->n; j++)
		if (cmp_differs(&ov->r[j].cmp))
			return 1;
	return 0;
}

void
ov_version(const struct overview *ov, size_t s, size_t j, uint32_t *t0,
           uint32_t *t1)
{
	const struct cmp *c = &ov->r[j].cmp;
	const struct block *b = &c->al.blocks[ov->block[s * ov->n + j]];

	*t0 = *t1 = 0;
	if (b->kind == BLK_OMISSION)
		return;
	if (b->rs1 == b->rs0 && b->link >= 0)
		b = &c->al.blocks[b->link]; /* half of a split or merge */
	psg_block_tokens(c, (size_t)(b - c->al.blocks), 1, t0, t1);
}

/* The value rewrite r sorts by under key (numbers only). */
static size_t
figure(const struct ov_rewrite *r, enum ov_key key)
{
	switch (key) {
	case OV_BY_WORDS:
		return r->words;
	case OV_BY_VERBATIM:
		return r->kept[BLK_VERBATIM];
	case OV_BY_PARAPHRASE:
		return r->kept[BLK_PARAPHRASE];
	case OV_BY_OMITTED:
		return r->kept[BLK_OMISSION];
	case OV_BY_ADDITIONS:
		return r->additions;
	case OV_BY_FINDINGS:
		return r->findings;
	default:
		return 0;
	}
}

/* Does rewrite b hold more serious findings than a: more of the most
 * serious type where they differ (one negation outweighs ten new facts)? */
static int
more_serious(const struct ov_rewrite *b, const struct ov_rewrite *a)
{
	for (unsigned t = 0; t < FIND_NTYPES; t++)
		if (b->fcount[t] != a->fcount[t])
			return b->fcount[t] > a->fcount[t];
	return 0;
}

void
ov_sort(const struct overview *ov, enum ov_key key, int reverse, size_t *order)
{
	/* insertion sort: a handful of rewrites, and stable */
	for (size_t i = 0; i < ov->n; i++) {
		size_t k = i;
		while (k > 0) {
			const struct ov_rewrite *a = &ov->r[order[k - 1]];
			const struct ov_rewrite *b = &ov->r[i];
			int before; /* does b go before a? */
			if (key == OV_BY_INPUT)
				before = 0;
			else if (key == OV_BY_NAME)
				before = strcmp(b->name, a->name) < 0;
			else if (key == OV_BY_FINDINGS)
				before = more_serious(b, a);
			else if (key == OV_BY_ADDITIONS &&
			         b->additions == a->additions)
				/* the passages shown, their words breaking ties
				 */
				before = b->add_words > a->add_words;
			else
				before = figure(b, key) > figure(a, key);
			if (!before)
				break;
			order[k] = order[k - 1];
			k--;
		}
		order[k] = i;
	}
	if (reverse)
		for (size_t i = 0, e = ov->n; i + 1 < e; i++, e--) {
			size_t t = order[i];
			order[i] = order[e - 1];
			order[e - 1] = t;
		}
}
