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

static const double lm_bias = -6.21075641;
static const double lm_weight[LM_NFEAT] = {
        0.851445381,  /* LM_COVR */
        2.04666253,   /* LM_COVO */
        4.03057356,   /* LM_COVMIN */
        0.298594535,  /* LM_SECOND */
        0.0631595706, /* LM_PLAIN */
        -0.235812361, /* LM_NAMES */
        0.881976668,  /* LM_LOGWR */
        0.527439145,  /* LM_LOGWO */
        -1.30131785,  /* LM_HEADER */
        -0.721127613, /* LM_TAKEN */
        0.470276062,  /* LM_ORDER */
        0.993309858,  /* LM_NEIGH */
        -1.46355695,  /* LM_TITLE */
        0.0771134487, /* LM_LOGTOK */
        1.19698417,   /* LM_BEST */
        -1.21046371,  /* LM_HEAD */
        -1.03706919,  /* LM_HEAD_TITLED */
        -2.89942965,  /* LM_NOVEL */
};

#endif
