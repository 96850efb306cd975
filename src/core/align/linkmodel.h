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

static const double lm_bias = -6.88541611;
static const double lm_weight[LM_NFEAT] = {
        1.21133921,   /* LM_COVR */
        1.93920455,   /* LM_COVO */
        3.73060753,   /* LM_COVMIN */
        0.310552313,  /* LM_SECOND */
        0.0617712211, /* LM_PLAIN */
        -0.237801104, /* LM_NAMES */
        1.18279887,   /* LM_LOGWR */
        0.663699951,  /* LM_LOGWO */
        -0.895275666, /* LM_HEADER */
        -0.61112208,  /* LM_TAKEN */
        0.679238802,  /* LM_ORDER */
        1.10122008,   /* LM_NEIGH */
        -1.50081291,  /* LM_TITLE */
        -0.251700921, /* LM_LOGTOK */
        1.27998053,   /* LM_BEST */
        0.0510394955, /* LM_HEAD */
        -2.24507404,  /* LM_HEAD_TITLED */
        -2.93750186,  /* LM_NOVEL */
};

#endif
