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

static const double lm_bias = -6.02449594;
static const double lm_weight[LM_NFEAT] = {
        1.00049926,   /* LM_COVR */
        2.35171874,   /* LM_COVO */
        2.2957136,    /* LM_COVMIN */
        -0.491970788, /* LM_SECOND */
        0.0641427948, /* LM_PLAIN */
        -0.240687624, /* LM_NAMES */
        1.4860299,    /* LM_LOGWR */
        0.819675787,  /* LM_LOGWO */
        -1.05068928,  /* LM_HEADER */
        -0.721623425, /* LM_TAKEN */
        0.477636604,  /* LM_ORDER */
        1.0001318,    /* LM_NEIGH */
        -1.3944675,   /* LM_TITLE */
        -0.521062175, /* LM_LOGTOK */
        1.13795703,   /* LM_BEST */
        0.55685753,   /* LM_HEAD */
        -3.19033976,  /* LM_HEAD_TITLED */
        -4.62702065,  /* LM_NOVEL */
};

#endif
