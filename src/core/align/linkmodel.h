/* linkmodel.h - the learned verdict on links (verdict.c): its features
 * and their coefficients.  The enum is written by hand (verdict.c
 * computes each feature); the coefficients below it are written by
 * `make learn` (tests/eval/learn.py), fitted to the tuning set's labels,
 * and `make eval-check` fails when they are not the ones the labels give.
 * A feature is of a rewrite sentence and its heaviest candidate (the
 * official sentence sharing the most weight with it), as the rules left
 * them.
 */
#ifndef REDLINE_LINKMODEL_H
#define REDLINE_LINKMODEL_H

enum {
	LM_COVR,        /* shared weight over the rewrite sentence's */
	LM_COVO,        /* shared weight over the official sentence's */
	LM_COVMIN,      /* the smaller of the two */
	LM_SECOND,      /* the next candidate's shared weight over the
	                   rewrite sentence's */
	LM_PLAIN,       /* shared stems that are words and not names */
	LM_NAMES,       /* shared stems that are names */
	LM_LOGWR,       /* log(1 + the rewrite sentence's weight) */
	LM_LOGWO,       /* log(1 + the official sentence's weight) */
	LM_HEADER,      /* the candidate is a line of the official header */
	LM_TAKEN,       /* another rewrite sentence links to the candidate */
	LM_ORDER,       /* the candidate sits between the sources of the
	                   nearest linked sentences before and after */
	LM_NEIGH,       /* the share of the two neighbours that are linked
	                   (1 in a rewrite of one sentence) */
	LM_TITLE,       /* a title line (no sentence end) */
	LM_LOGTOK,      /* log(1 + its tokens) */
	LM_BEST,        /* the best-candidate rule linked it */
	LM_HEAD,        /* a title line of the rewrite's head (its headline) */
	LM_HEAD_TITLED, /* ...and the official text has a header too */
	LM_NOVEL,       /* the share of its weight in word stems (not
	                   numbers) the official text never has */
	LM_NFEAT
};

static const double lm_bias = -6.27078274;
static const double lm_weight[LM_NFEAT] = {
        0.923242571,  /* LM_COVR */
        2.22182574,   /* LM_COVO */
        3.93561162,   /* LM_COVMIN */
        0.29590028,   /* LM_SECOND */
        0.0641838756, /* LM_PLAIN */
        -0.236350501, /* LM_NAMES */
        0.82947792,   /* LM_LOGWR */
        0.5548412,    /* LM_LOGWO */
        -1.32592782,  /* LM_HEADER */
        -0.720486661, /* LM_TAKEN */
        0.465910239,  /* LM_ORDER */
        1.019182,     /* LM_NEIGH */
        -1.48553442,  /* LM_TITLE */
        0.0866477014, /* LM_LOGTOK */
        1.17691345,   /* LM_BEST */
        -1.29045669,  /* LM_HEAD */
        -0.944646016, /* LM_HEAD_TITLED */
        -2.76826927,  /* LM_NOVEL */
};

#endif
