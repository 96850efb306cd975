/* overview.h - one official text against many rewrites.
 *
 * Runs a full comparison (compare.h) of the official text with each
 * rewrite, on several threads, and derives what the overview shows: per
 * rewrite, a name, its words, the official sentences it kept verbatim,
 * paraphrased and omitted, its additions and new facts; and the coverage
 * matrix, each official sentence's kind in each rewrite (its passage's
 * kind).  Every figure is a count over the pair's own passages, so the
 * overview and the pair viewer or pair export always agree.  The kept
 * counts count official sentences; the additions count passages.
 */
#ifndef REDLINE_OVERVIEW_H
#define REDLINE_OVERVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "redline/compare.h"

#define OV_NAME_MAX 64 /* bytes of a rewrite's shown name, at most */

struct ov_rewrite {
	const struct text *text;
	struct cmp cmp;              /* official against this rewrite */
	char name[OV_NAME_MAX + 1];  /* headline or file name, printable */
	size_t words;                /* words of the rewrite */
	size_t kept[3];              /* official sentences in passages of
	                                each kind: BLK_VERBATIM,
	                                BLK_PARAPHRASE, BLK_OMISSION */
	size_t additions, add_words; /* addition passages and their words */
	size_t facts;                /* new and changed facts (deprecated:
	                                the JSON's "facts" only) */
	size_t findings;             /* findings (finding.h) */
	size_t fcount[FIND_NTYPES];  /* findings per type */
};

struct overview {
	const struct text *official;
	size_t nsent; /* sentences of the official text */
	size_t words; /* words of the official text */
	size_t n;     /* rewrites */
	struct ov_rewrite *r;
	/* per official sentence s and rewrite j, index s * n + j: */
	uint8_t *kind;  /* BLK_VERBATIM, BLK_PARAPHRASE or BLK_OMISSION */
	int32_t *block; /* the block of r[j].cmp holding sentence s */
};

/* Compare official with each of rewrites[0..n) (n >= 1) under opt, on up to
 * threads threads (0: one per processor).  Returns 0, or the first
 * enum cmp_error of the comparisons (compare.h).  On failure *ov holds
 * nothing to free. */
int ov_run(struct overview *ov, const struct text *official,
           const struct text *const *rewrites, size_t n,
           const struct cmp_opt *opt, int threads);

/* Release what *ov owns (not the texts). */
void ov_free(struct overview *ov);

/* 1 when any rewrite differs from the official text, else 0. */
int ov_differs(const struct overview *ov);

/* The rewrite's text of official sentence s in rewrite j: the rewrite
 * token range [*t0, *t1) of the block holding s (or of its counterpart for
 * half of a split or merge); *t0 == *t1 when the rewrite omits it. */
void ov_version(const struct overview *ov, size_t s, size_t j, uint32_t *t0,
                uint32_t *t1);

/* Orders of rewrites for the overview table. */
enum ov_key {
	OV_BY_INPUT, /* as given */
	OV_BY_NAME,
	OV_BY_WORDS,
	OV_BY_VERBATIM,
	OV_BY_PARAPHRASE,
	OV_BY_OMITTED,
	OV_BY_ADDITIONS,
	OV_BY_FINDINGS, /* most serious first: negations, then quotes, ... */
	OV_NKEYS
};

/* Fill order[0..n) with rewrite indexes sorted by key (largest first for
 * numbers, A to Z for names; ties in input order), reversed if asked. */
void ov_sort(const struct overview *ov, enum ov_key key, int reverse,
             size_t *order);

#endif
