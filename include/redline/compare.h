/* compare.h - the comparison model: what every exporter and the viewer read.
 *
 * Built once from two loaded texts; read-only afterwards.  Holds both token
 * lists (pointing into the texts, which must outlive it), the word diff of
 * the whole documents in the left document's order, both texts' sentences,
 * the blocks paired by the alignment and classified, in display order, and
 * the passages they make (passage.h), which every view numbers alike.
 */
#ifndef REDLINE_COMPARE_H
#define REDLINE_COMPARE_H

#include <stddef.h>

#include "redline/align.h"
#include "redline/diff.h"
#include "redline/finding.h"
#include "redline/intern.h"
#include "redline/passage.h"
#include "redline/segment.h"
#include "redline/text.h"
#include "redline/token.h"

/* The Snowball stemmer used unless cmp_opt.language names another. */
#define CMP_LANGUAGE_DEFAULT ALIGN_LANGUAGE_DEFAULT

struct cmp_opt {
	unsigned keyopts;     /* TOK_KEY_* */
	int minimal;          /* exact minimal word diff, no heuristics */
	int words_only;       /* the word diff alone: no sentences, blocks or
	                         facts (for exports that show only it) */
	int no_whole_diff;    /* skip the word diff of the whole texts
	                         (cmp.ops, empty then): for callers that
	                         show only passages (the JSON, text, plain
	                         and HTML exports, the overview); cmp_differs
	                         holds either way */
	double link_min;      /* ALIGN_LINK_MIN unless set */
	double keep_min;      /* ALIGN_KEEP_MIN unless set */
	double verbatim_min;  /* ALIGN_VERBATIM_MIN unless set */
	const char *language; /* Snowball stemmer; CMP_LANGUAGE_DEFAULT
	                         unless set */
	unsigned rules_off;   /* linking rules left out (align_opt) */
	/* the learned verdict's features, as align_opt has them */
	void (*link_trace)(void *trace_arg, size_t start, size_t end,
	                   int linked, double p, const double *f, size_t nf);
	void *trace_arg;
	int threads;               /* most threads one comparison runs on: 0 for
	                              one per CPU it may use, 1 for this one only
	                              (as the overview's pool asks) */
	void (*after_align)(void); /* if set, cmp_run calls it once the
	                              alignment is done and has freed its
	                              working memory, before the passages are
	                              built: where a program may give freed
	                              memory back to the system (the command
	                              does, src/cli/heap.c).  ov_run never
	                              calls it. */
	void (*after_marks)(void); /* if set, cmp_run calls it once the
	                              confusable words are marked, before
	                              the passages and findings: where a
	                              program may give back what only that
	                              check used (the command unloads ICU,
	                              spoof_release).  ov_run never calls
	                              it. */
};

struct cmp {
	const struct text *left, *right;
	struct cmp_opt opt;
	struct intern *in;
	struct toklist lt, rt;
	struct dops ops; /* word diff of all of left against all of right */
	struct seglist ls, rs; /* sentences of each side */
	struct align_out al;   /* what the alignment made of them: blocks in
	                          display order, their word diffs, facts,
	                          counts (align.h) */
	struct psg ps;         /* the blocks as numbered passages, which
	                          every view reads (passage.h) */
	struct findings fd;    /* the changes of substance of the
	                          passages (finding.h) */
};

/* Word counts (words and numbers; punctuation is not counted). */
struct cmp_stats {
	size_t words[2];   /* per side: 0 left, 1 right */
	size_t common[2];  /* in equal runs */
	size_t changed[2]; /* in a deletion replaced by an insertion */
	size_t deleted;    /* left words removed with nothing in their place */
	size_t inserted;   /* right words added where nothing was removed */
	size_t toks[2];    /* all tokens, punctuation included */
	size_t tok_del,
	        tok_ins; /* tokens deleted and inserted: the edit count */
};

/* Fill the defaults of *o (thresholds, language) where they are 0/NULL. */
void cmp_opt_defaults(struct cmp_opt *o);

/* What cmp_run and ov_run return when they fail. */
enum cmp_error {
	CMP_ERR_MEMORY = -1,  /* memory ran out */
	CMP_ERR_STEMMER = -2, /* no stemmer for the language: libstemmer would
	                         not load (stem_load_error says why) or has no
	                         such language */
	CMP_ERR_ICU = -3      /* ICU, for the confusable-word checks, would not
	                         load (spoof_load_error says why) */
};

/* Compare left with right into *c.  Returns 0, or an enum cmp_error (then
 * *c holds nothing to free). */
int cmp_run(struct cmp *c, const struct text *left, const struct text *right,
            const struct cmp_opt *opt);

/* The official text of several comparisons, tokenized once (the
 * overview): its tokens, and the key table holding their keys alone. */
struct cmp_left {
	const struct text *text;
	unsigned keyopts; /* TOK_KEY_* it was tokenized under */
	struct intern *in;
	struct toklist toks;
};

/* Tokenize t under keyopts (TOK_KEY_*) into *l.  Returns 0, or
 * CMP_ERR_MEMORY (then *l holds nothing to free). */
int cmp_left_run(struct cmp_left *l, const struct text *t, unsigned keyopts);

/* Release what *l owns (not the text). */
void cmp_left_free(struct cmp_left *l);

/* cmp_run(c, left->text, right, opt), with the left side's tokens and keys
 * copied from *left instead of found again: the same model, byte for byte.
 * opt->keyopts must be left->keyopts.  *left is only read, so several
 * threads may use it at once. */
int cmp_run_left(struct cmp *c, const struct cmp_left *left,
                 const struct text *right, const struct cmp_opt *opt);

/* Release what *c owns (not the texts). */
void cmp_free(struct cmp *c);

/* Name of a block kind ("verbatim", ...). */
const char *cmp_kind_name(unsigned kind);

/* 1 when the two texts differ under the comparison keys, else 0.  Under
 * TOK_KEY_STRICT, also 1 when their bytes differ at all (white space, line
 * ends, a byte order mark). */
int cmp_differs(const struct cmp *c);

/* Fill *st from c. */
void cmp_stats(const struct cmp *c, struct cmp_stats *st);

#endif
