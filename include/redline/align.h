/* align.h - pair the sentences of two texts and classify every passage.
 *
 * The aligner reads two tokenized, segmented texts (struct align_in) and
 * returns the passages it found (struct align_out): blocks, their word
 * diffs and the rewrite's facts.  compare.c calls it and keeps the result
 * in its model.  The method, stage by stage, is at the top of
 * src/core/align/align.c.
 */
#ifndef REDLINE_ALIGN_H
#define REDLINE_ALIGN_H

#include <stddef.h>
#include <stdint.h>

#include "redline/diff.h"
#include "redline/intern.h"
#include "redline/segment.h"
#include "redline/text.h"
#include "redline/token.h"

/* The default thresholds (how each is used: the method at the top of
 * src/core/align/align.c). */
#define ALIGN_LINK_MIN                                                         \
	0.3 /* share of a rewrite sentence's content                           \
	       words found in an official one to link */
#define ALIGN_KEEP_MIN                                                         \
	0.4 /* share of an official sentence's content                         \
	       words found in one rewrite sentence to                          \
	       count as kept when no sentence links */
#define ALIGN_VERBATIM_MIN                                                     \
	0.9 /* share of words kept in order, on each                           \
	       side of a pair, for verbatim */

/* The Snowball stemmer of align_opt.language unless it names another. */
#define ALIGN_LANGUAGE_DEFAULT "english"

enum blk_kind { BLK_VERBATIM, BLK_PARAPHRASE, BLK_OMISSION, BLK_ADDITION };

/* A passage of one side, or a pair of passages, and what the rewrite did. */
struct block {
	uint8_t kind;       /* enum blk_kind */
	uint8_t moved;      /* out of order relative to the blocks around it */
	uint8_t hidden;     /* either side holds a hidden character
	                       (uni_hidden): set by cmp_run, not the alignment */
	uint8_t confusable; /* a rewrite word of it mixes scripts, or looks
	                       like the official word it replaces (spoof.h):
	                       set by cmp_run */
	int32_t link;       /* for half of a split or merge: the block holding
	                       its counterpart; else -1 */
	uint32_t ls0, ls1;  /* left segments [ls0, ls1); ls0 == ls1: none */
	uint32_t rs0, rs1;  /* right segments */
	uint32_t op0, op1;  /* its word operations: the bytes bops.v[op0..op1),
	                       coded (diff.h: struct dcode) from the first
	                       tokens it compared (align_diff_range) */
	uint32_t f0, f1;    /* its facts: facts[f0..f1) */
	int32_t near;       /* an omission or addition: the segment on the
	                       other side most like it, or -1 */
	uint8_t furniture;  /* an omission of lines of the official page's
	                       header (a title, a dateline, "For immediate
	                       release", contact lines) or an addition of the
	                       rewrite's furniture (a headline restating the
	                       official title, a byline, a caption, "Follow
	                       us"): page furniture, no content */
	double sim;         /* 2 * common words / all words of the pair */
	double near_sim;    /* its similarity (Dice of stem weights), 0..1 */
};

enum fact_kind {
	FACT_NEW,    /* a number, date or name the official text never has */
	FACT_CHANGED /* one that takes the place of a different one in the
	                passage's counterpart: 12 schools become 15 */
};

/* A run of right tokens [t0, t1) that brings a fact; for a changed one,
 * the left tokens [w0, w1) it replaced (w0 == w1 for a new one). */
struct fact {
	uint32_t t0, t1;
	uint32_t w0, w1;
	unsigned kind; /* enum fact_kind */
};

/* How to align. */
struct align_opt {
	double link_min; /* ALIGN_LINK_MIN, ... (each above 0) */
	double keep_min;
	double verbatim_min;
	const char *language; /* Snowball stemmer */
	int minimal;          /* exact minimal word diffs inside blocks */
	unsigned rules_off;   /* bit k set: leave linking rule k out (for
	                         tests and experiments; align_rule_name) */
	/* if set, called for each rewrite sentence the learned verdict on
	 * links judges (for tests/eval/learn.py), with trace_arg: the
	 * sentence's bytes [start, end) in the rewrite, whether the rules
	 * linked it, the model's probability that it has a counterpart and
	 * its nf features (src/core/align/linkmodel.h names them).  Calls
	 * may come from several threads at once (the overview). */
	void (*link_trace)(void *trace_arg, size_t start, size_t end,
	                   int linked, double p, const double *f, size_t nf);
	void *trace_arg;
	int threads; /* 1: one thread only; else long texts may use a second
	                for a step done per side (cmp_opt.threads) */
	/* if set, called between steps whose working memory is given back
	 * (after the content words, and once the links are made): the
	 * command returns the free heap to the system there, so that one
	 * step's holes do not stay resident under the next (cmp_opt's
	 * after_align, heap_release) */
	void (*trim)(void);
};

/* What the aligner reads: both texts, their tokens (interned in in) and
 * their sentences.  The lists are the caller's, read only. */
struct align_in {
	const struct text *left, *right;
	struct toklist lt, rt;
	struct seglist ls, rs;
	const struct intern *in;
	struct align_opt opt;
};

/* What it returns; align_out_free releases it. */
struct align_out {
	struct block *blocks; /* display order */
	size_t nblocks;
	struct dcode bops; /* word diffs inside blocks, coded */
	struct fact *facts;
	size_t nfacts;
	size_t count[4]; /* blocks per kind */
	size_t nmoved;
};

/* What align_run returns when it fails. */
enum align_error {
	ALIGN_ERR_MEMORY = -1, /* memory ran out */
	ALIGN_ERR_STEMMER = -2 /* no stemmer for opt.language (stem.h) */
};

/* Align in->lt with in->rt under in->opt into *out (zeroed by it first).
 * Returns 0, or an enum align_error; then *out holds nothing to free. */
int align_run(const struct align_in *in, struct align_out *out);

/* Release what *out owns; *out becomes empty. */
void align_out_free(struct align_out *out);

/* The tokens block k of blocks (an align_out's, over the sentences ls
 * and rs) compared in its word diff: official [*l0, *l1) and rewrite
 * [*r0, *r1), the tokens of its sentences, or [0, 0) on a side without
 * any; for one side of a split or merge, the other side's are the
 * sentences of the block it links to.  Its operations are coded from
 * (*l0, *r0). */
void align_diff_range(const struct block *blocks, size_t k,
                      const struct seglist *ls, const struct seglist *rs,
                      uint32_t *l0, uint32_t *l1, uint32_t *r0, uint32_t *r1);

/* The name of linking rule k, in the order the rules run ("best",
 * "held", ...; src/core/align/links.c says what each does), or NULL past
 * the last. */
const char *align_rule_name(unsigned k);

#endif
