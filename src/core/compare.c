/* compare.c - builds the comparison model from two texts.
 *
 * Owns: the order of the pipeline (tokenize both sides into one interner,
 * or copy a left side tokenized once for several comparisons, then the word
 * diff) and the figures derived from the model.  Frees partial
 * state on every failure path, so callers never see half a model.
 */
#include "redline/compare.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redline/align.h"
#include "redline/spoof.h"
#include "redline/uni.h"
#include "spawn.h"

/* Texts at least this long (bytes, both together) are tokenized on two
 * threads, one per side. */
#define CMP_THREAD_MIN (1u << 20)

void
cmp_opt_defaults(struct cmp_opt *o)
{
	if (o->link_min <= 0)
		o->link_min = ALIGN_LINK_MIN;
	if (o->keep_min <= 0)
		o->keep_min = ALIGN_KEEP_MIN;
	if (o->verbatim_min <= 0)
		o->verbatim_min = ALIGN_VERBATIM_MIN;
	if (!o->language)
		o->language = CMP_LANGUAGE_DEFAULT;
}

const char *
cmp_kind_name(unsigned kind)
{
	static const char *const names[] = {"verbatim", "paraphrase",
	                                    "omission", "addition"};
	return kind < 4 ? names[kind] : "?";
}

struct tokjob {
	const struct text *t;
	struct intern *in;
	unsigned keyopts;
	struct toklist *out;
	struct seglist *segs; /* NULL: the sentences are not wanted */
	int rc;
};

/* One side's tokens, then (when wanted) its sentences, which need no
 * token ids: 0 or -1. */
static int
side_split(const struct text *t, struct intern *in, unsigned keyopts,
           struct toklist *out, struct seglist *segs)
{
	return tok_split(t, in, keyopts, out) < 0 ||
	                       (segs && seg_split(t, out, segs) < 0)
	               ? -1
	               : 0;
}

static void *
tokjob_run(void *arg)
{
	struct tokjob *j = arg;

	j->rc = side_split(j->t, j->in, j->keyopts, j->out, j->segs);
	return NULL;
}

/* Tokenize both sides into c->in, the right side on a second thread with an
 * interner of its own whose keys are then added to c->in in the order they
 * first appeared: the ids come out exactly as one thread would give them
 * (left first, then right).  With segs, each thread then splits its side
 * into sentences (c->ls, c->rs). */
static int
tokenize(struct cmp *c, unsigned keyopts, int segs)
{
	struct tokjob j = {c->right, intern_new(),         keyopts,
	                   &c->rt,   segs ? &c->rs : NULL, -1};
	uint32_t *map = NULL;
	struct spawn_part part;
	int rc = -1;

	if (!j.in)
		return -1;
	spawn_part_start(&part, tokjob_run, &j);
	int lrc = side_split(c->left, c->in, keyopts, &c->lt,
	                     segs ? &c->ls : NULL);
	spawn_part_end(&part);
	if (lrc < 0 || j.rc < 0)
		goto out;
	uint32_t n = intern_count(j.in);
	map = malloc(((size_t)n + 1) * sizeof *map);
	if (!map)
		goto out;
	for (uint32_t k = 0; k < n; k++) {
		size_t len;
		const char *key = intern_key(j.in, k, &len);
		if (intern_id(c->in, key, len, &map[k]) < 0)
			goto out;
	}
	for (size_t i = 0; i < c->rt.n; i++)
		c->rt.id[i] = map[c->rt.id[i]];
	rc = 0;
out:
	free(map);
	intern_free(j.in);
	return rc;
}

/* Align the sentences of c (align.h) and keep what the aligner returns:
 * 0, or an enum cmp_error. */
static int
align(struct cmp *c)
{
	struct align_in in = {
	        c->left,
	        c->right,
	        c->lt,
	        c->rt,
	        c->ls,
	        c->rs,
	        c->in,
	        {c->opt.link_min, c->opt.keep_min, c->opt.verbatim_min,
	         c->opt.language, c->opt.minimal, c->opt.rules_off,
	         c->opt.link_trace, c->opt.trace_arg, c->opt.threads,
	         c->opt.after_align},
	};
	int rc = align_run(&in, &c->al);

	if (rc < 0)
		return rc == ALIGN_ERR_STEMMER ? CMP_ERR_STEMMER
		                               : CMP_ERR_MEMORY;
	return 0;
}

/* 1 when the bytes of sentences [s0, s1) hold a hidden character. */
static int
span_hidden(const struct text *t, const struct toklist *l,
            const struct seglist *sl, uint32_t s0, uint32_t s1)
{
	if (s1 <= s0)
		return 0;
	uint32_t t0 = sl->v[s0].t0, t1 = sl->v[s1 - 1].t1;
	if (t1 <= t0)
		return 0;
	size_t b0 = l->v[t0].off, b1 = tok_end(l, t1 - 1);
	return uni_hidden_at(t->buf + b0, b1 - b0) < b1 - b0;
}

/* Flag the blocks that hold a hidden character on either side.  Hidden
 * characters are never white space (token.c), so each lies in a token, a
 * sentence and a block. */
static void
mark_hidden(struct cmp *c)
{
	for (size_t i = 0; i < c->al.nblocks; i++) {
		struct block *b = &c->al.blocks[i];
		b->hidden = (uint8_t)(span_hidden(c->left, &c->lt, &c->ls,
		                                  b->ls0, b->ls1) ||
		                      span_hidden(c->right, &c->rt, &c->rs,
		                                  b->rs0, b->rs1));
	}
}

/* Are the bytes b[0..n) ASCII but for curly apostrophes (U+2018,
 * U+2019)?  Eight bytes at a time where they are ASCII. */
static int
plain_bytes(const unsigned char *b, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, b + i, 8);
			if (!(w & 0x8080808080808080u)) {
				i += 8;
				continue;
			}
		}
		if (b[i] < 0x80) {
			i++;
			continue;
		}
		if (i + 2 < n && b[i] == 0xE2 && b[i + 1] == 0x80 &&
		    (b[i + 2] == 0x98 || b[i + 2] == 0x99)) {
			i += 3;
			continue;
		}
		return 0;
	}
	return 1;
}

/* Are the bytes b[0..n) all ASCII?  Thirty-two at a time, as four
 * words or-ed together, then eight, then one. */
static int
ascii_bytes(const unsigned char *b, size_t n)
{
	const uint64_t hi = 0x8080808080808080u;
	size_t i = 0;

	for (; i + 32 <= n; i += 32) {
		uint64_t w[4];
		memcpy(w, b + i, sizeof w);
		if ((w[0] | w[1] | w[2] | w[3]) & hi)
			return 0;
	}
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, b + i, 8);
		if (w & hi)
			return 0;
	}
	for (; i < n; i++)
		if (b[i] & 0x80)
			return 0;
	return 1;
}

/* Is all of t plain (plain_bytes), as tok_plain asks of a token?  Then
 * every token of it is plain, whatever its kind (a token never parts the
 * bytes of a character). */
static int
text_plain(const struct text *t)
{
	return plain_bytes(t->buf, t->len);
}

/* Is token t of l, in text tx, ASCII but for curly apostrophes (U+2018,
 * U+2019: "minister’s")?  Such a word is checked as its ASCII spelling
 * would be: not at all (spoof.h asks ICU only of words beyond ASCII; a
 * curly apostrophe is typography, and the token keys already make it the
 * straight one). */
static int
tok_plain(const struct text *tx, const struct toklist *l, uint32_t t)
{
	return plain_bytes(tx->buf + l->v[t].off, tok_len(l, t));
}

/* The checker in *sp, made the first time a word needs it (ICU is loaded
 * then: a text whose only characters beyond ASCII are curly quotes,
 * apostrophes and dashes never loads it).  0, or CMP_ERR_MEMORY or CMP_ERR_ICU.
 */
static int
checker(struct spoof **sp)
{
	if (!*sp && !(*sp = spoof_new()))
		return spoof_load_error() ? CMP_ERR_ICU : CMP_ERR_MEMORY;
	return 0;
}

/* Flag the blocks with a confusable word (spoof.h): a rewrite word that
 * mixes scripts, or one that replaces an official word it looks like (the
 * word diff's replacement of n words by n words, word for word).  Plain
 * words (tok_plain) are neither, and are not asked.  0, CMP_ERR_MEMORY when
 * memory ran out, or CMP_ERR_ICU. */
static int
mark_confusable(struct cmp *c)
{
	struct spoof *sp = NULL;
	int rc = 0;

	for (size_t i = 0; i < c->al.nblocks; i++) {
		struct block *b = &c->al.blocks[i];
		uint32_t t0 = 0, t1 = 0;
		if (b->rs0 < b->rs1) {
			t0 = c->rs.v[b->rs0].t0;
			t1 = c->rs.v[b->rs1 - 1].t1;
		}
		/* bytes all ASCII: every token in them is plain */
		if (t0 < t1 &&
		    ascii_bytes(c->right->buf + c->rt.v[t0].off,
		                tok_end(&c->rt, t1 - 1) - c->rt.v[t0].off))
			t1 = t0;
		for (uint32_t t = t0; t < t1 && !b->confusable; t++) {
			const struct tok *k = &c->rt.v[t];
			if (k->kind != TOK_WORD ||
			    tok_plain(c->right, &c->rt, t))
				continue;
			if ((rc = checker(&sp)) < 0)
				goto out;
			if (spoof_mixed(sp, c->right->buf + k->off,
			                tok_len(&c->rt, t)))
				b->confusable = 1;
		}
		/* each operation d with the next, e */
		struct dwalk w;
		struct dop d, e;
		psg_block_walk(c, i, &w);
		for (int more = dwalk_next(&w, &d);
		     more && !b->confusable && dwalk_next(&w, &e); d = e) {
			if (dop_kind(&d) != DOP_DELETE ||
			    dop_kind(&e) != DOP_INSERT ||
			    d.a1 - d.a0 != e.b1 - e.b0)
				continue;
			for (uint32_t k = 0; k < d.a1 - d.a0; k++) {
				uint32_t ta = d.a0 + k, tb = e.b0 + k;
				if (tok_plain(c->left, &c->lt, ta) &&
				    tok_plain(c->right, &c->rt, tb))
					continue;
				if ((rc = checker(&sp)) < 0)
					goto out;
				if (spoof_alike(sp,
				                c->left->buf + c->lt.v[ta].off,
				                tok_len(&c->lt, ta),
				                c->right->buf + c->rt.v[tb].off,
				                tok_len(&c->rt, tb)))
					b->confusable = 1;
			}
		}
	}
out:
	spoof_free(sp);
	return rc;
}

int
cmp_left_run(struct cmp_left *l, const struct text *t, unsigned keyopts)
{
	memset(l, 0, sizeof *l);
	l->text = t;
	l->keyopts = keyopts;
	l->in = intern_new();
	if (!l->in || tok_split(t, l->in, keyopts, &l->toks) < 0) {
		cmp_left_free(l);
		return CMP_ERR_MEMORY;
	}
	return 0;
}

void
cmp_left_free(struct cmp_left *l)
{
	tok_free(&l->toks);
	intern_free(l->in);
	memset(l, 0, sizeof *l);
}

/* Both sides' tokens into c: the left side's copied from pre when given
 * (its keys first in the table, as tokenizing it first would put them),
 * else found; the right side's found.  Long texts are tokenized on two
 * threads, which then split them into sentences too, unless only the
 * word diff is wanted: *segs says whether they did.  0 or -1. */
static int
tokens(struct cmp *c, const struct cmp_left *pre, const struct cmp_opt *opt,
       int *segs)
{
	const struct text *left = c->left, *right = c->right;

	if (pre) {
		c->in = intern_copy(pre->in);
		return !c->in || tok_copy(&c->lt, &pre->toks) < 0 ||
		                       tok_split(right, c->in, opt->keyopts,
		                                 &c->rt) < 0
		               ? -1
		               : 0;
	}
	c->in = intern_new();
	if (!c->in)
		return -1;
	if (left->len + right->len >= CMP_THREAD_MIN && opt->threads != 1) {
		*segs = !opt->words_only;
		return tokenize(c, opt->keyopts, *segs);
	}
	return tok_split(left, c->in, opt->keyopts, &c->lt) < 0 ||
	                       tok_split(right, c->in, opt->keyopts, &c->rt) < 0
	               ? -1
	               : 0;
}

static int run(struct cmp *c, const struct text *left,
               const struct cmp_left *pre, const struct text *right,
               const struct cmp_opt *opt);

int
cmp_run(struct cmp *c, const struct text *left, const struct text *right,
        const struct cmp_opt *opt)
{
	return run(c, left, NULL, right, opt);
}

int
cmp_run_left(struct cmp *c, const struct cmp_left *left,
             const struct text *right, const struct cmp_opt *opt)
{
	return run(c, left->text, left, right, opt);
}

static int
run(struct cmp *c, const struct text *left, const struct cmp_left *pre,
    const struct text *right, const struct cmp_opt *opt)
{
	struct myers *m = NULL;
	int rc = -1, segs = 0;

	memset(c, 0, sizeof *c);
	c->left = left;
	c->right = right;
	c->opt = *opt;
	cmp_opt_defaults(&c->opt);
	if (tokens(c, pre, opt, &segs) < 0)
		goto fail;
	if (!opt->no_whole_diff || opt->words_only) {
		m = myers_new(intern_count(c->in));
		if (!m)
			goto fail;
		if (opt->threads > 0) {
			struct myers_tuning t = {1, opt->threads, MYERS_PAR_MIN,
			                         1, NULL};
			myers_tune(m, &t);
		}
		if (diff_tokens(m, &c->lt, 0, c->lt.n, &c->rt, 0, c->rt.n,
		                opt->minimal ? DIFF_MINIMAL : 0, &c->ops) < 0)
			goto fail;
		myers_free(m);
		m = NULL;
	}
	if (opt->words_only)
		return 0;
	rc = CMP_ERR_MEMORY;
	if (!segs && (seg_split(c->left, &c->lt, &c->ls) < 0 ||
	              seg_split(c->right, &c->rt, &c->rs) < 0))
		goto fail;
	rc = align(c);
	if (rc < 0)
		goto fail;
	if (opt->after_align)
		opt->after_align();
	/* most texts have none: one pass over each, not one per block */
	if (uni_hidden_at(left->buf, left->len) < left->len ||
	    uni_hidden_at(right->buf, right->len) < right->len)
		mark_hidden(c);
	rc = CMP_ERR_MEMORY;
	/* only a text that is not all plain (ASCII, curly apostrophes) can
	 * hold a confusable word: with both plain, no token is asked */
	if (!text_plain(left) || !text_plain(right)) {
		rc = mark_confusable(c);
		if (rc < 0)
			goto fail;
		rc = CMP_ERR_MEMORY;
	}
	if (opt->after_marks)
		opt->after_marks();
	if (psg_build(&c->ps, c) < 0 || find_run(c) < 0 ||
	    psg_stretches(&c->ps, c) < 0)
		goto fail;
	return 0;
fail:
	myers_free(m);
	cmp_free(c);
	return rc;
}

void
cmp_free(struct cmp *c)
{
	tok_free(&c->lt);
	tok_free(&c->rt);
	dops_free(&c->ops);
	psg_free(&c->ps);
	find_free(&c->fd);
	align_out_free(&c->al);
	seg_free(&c->ls);
	seg_free(&c->rs);
	intern_free(c->in);
	memset(c, 0, sizeof *c);
}

int
cmp_differs(const struct cmp *c)
{
	if ((c->opt.keyopts & TOK_KEY_STRICT) &&
	    (c->left->len != c->right->len ||
	     memcmp(c->left->buf, c->right->buf, c->left->len) != 0))
		return 1;
	/* the same tokens with the same keys: what an empty word diff says,
	 * whether or not it was run */
	if (c->lt.n != c->rt.n ||
	    (c->lt.n &&
	     memcmp(c->lt.id, c->rt.id, c->lt.n * sizeof *c->lt.id) != 0))
		return 1;
	return 0;
}

void
cmp_stats(const struct cmp *c, struct cmp_stats *st)
{
	memset(st, 0, sizeof *st);
	st->words[0] = tok_words(&c->lt, 0, (uint32_t)c->lt.n);
	st->words[1] = tok_words(&c->rt, 0, (uint32_t)c->rt.n);
	st->toks[0] = c->lt.n;
	st->toks[1] = c->rt.n;
	for (size_t i = 0; i < c->ops.n; i++) {
		const struct dop *o = &c->ops.v[i];
		const struct dop *nx = i + 1 < c->ops.n ? o + 1 : NULL;
		size_t wl = tok_words(&c->lt, o->a0, o->a1);
		size_t wr = tok_words(&c->rt, o->b0, o->b1);

		switch (dop_kind(o)) {
		case DOP_EQUAL:
			st->common[0] += wl;
			st->common[1] += wr;
			break;
		case DOP_DELETE:
			st->tok_del += o->a1 - o->a0;
			if (nx && dop_kind(nx) == DOP_INSERT) {
				st->changed[0] += wl;
				st->changed[1] +=
				        tok_words(&c->rt, nx->b0, nx->b1);
				st->tok_ins += nx->b1 - nx->b0;
				i++;
			} else {
				st->deleted += wl;
			}
			break;
		case DOP_INSERT:
			st->inserted += wr;
			st->tok_ins += o->b1 - o->b0;
			break;
		}
	}
}
