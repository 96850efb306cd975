/* passage.h - the passages of a comparison: what every view numbers.
 *
 * The aligner returns blocks (align.h): a pair, an omission, an addition,
 * or one half of a split or merge tied to its other pieces by `link`.  A
 * reader judges a split or a merge as one thing, so a passage is a set of
 * blocks tied by `link` (or one block on its own) with one kind, one
 * similarity, one word diff of all its official text against all its
 * rewrite text, one moved flag and one number.  The text report, the plain
 * and JSON exports, the HTML page, the overview and the viewer all read
 * passages from here, so they number and name them alike.
 *
 * Display.  The blocks come in display order (the official text's order,
 * each rewrite-only block beside its neighbours); no view moves a piece of
 * text out of that order.  A passage whose blocks are not next to each
 * other in it (a merge of two far-apart official sentences) is shown in
 * stretches: its first stretch where its first block stands, each later
 * one where its own blocks stand, marked as continuing that passage.
 *
 * Counts.  Passage counts (psg.count) count passages; a view that counts
 * sentences (the overview's coverage) says so.  Percentages are rounded by
 * psg_percent, the same in every view.
 */
#ifndef REDLINE_PASSAGE_H
#define REDLINE_PASSAGE_H

#include <stddef.h>
#include <stdint.h>

#include "redline/align.h"
#include "redline/diff.h"

struct cmp;

/* One passage.  Its blocks, stretches and findings run on to where the
 * next passage's start (psg.v holds one closing entry past the last, with
 * no fields but those starts): read their ends through psg_m1, psg_e1 and
 * psg_fi1. */
struct passage {
	uint8_t kind;           /* enum blk_kind of the whole: a split or merge
	                           is verbatim when every official block of
	                           it is, else a paraphrase */
	uint8_t moved;          /* a block of it moved */
	uint8_t hidden;         /* a block of it holds hidden characters */
	uint8_t confusable;     /* a block of it holds a confusable word */
	uint8_t furniture;      /* page furniture: its one block is (align.h) */
	uint32_t nleft, nright; /* blocks with official, rewrite sentences
	                           (2 or more on one side: a merge, a split) */
	uint32_t m0;            /* its blocks: psg.mem[m0..psg_m1), ascending */
	uint32_t e0;            /* its stretches: psg.ent[e0..psg_e1),
	                           ascending (one stretch: psg_e1 is e0 + 1) */
	double sim;             /* 2 * common words / all words of the whole */
	uint32_t op0, op1;      /* its word diff: the bytes [op0, op1), coded
	                           (diff.h: struct dcode) over token indices
	                           of the model, of the block's (cmp.al.bops)
	                           for a passage of one block, of psg.ops for
	                           one of several (read through psg_walk,
	                           psg_ops) */
	uint32_t nfacts;        /* facts of its blocks */
	uint32_t fi0;           /* its findings: cmp.fd.v[fi0..psg_fi1)
	                           (finding.h) */
};

/* Where passage p's blocks end in psg.mem (p one of a psg's v[0..n)). */
static inline uint32_t
psg_m1(const struct passage *p)
{
	return p[1].m0;
}

/* Where passage p's stretches end in psg.ent_of (p one of psg.v[0..n)). */
static inline uint32_t
psg_e1(const struct passage *p)
{
	return p[1].e0;
}

/* Where passage p's findings end in cmp.fd.v (p one of psg.v[0..n), once
 * find_run has run). */
static inline uint32_t
psg_fi1(const struct passage *p)
{
	return p[1].fi0;
}

/* A stretch of the display: blocks [b0, b1) of one passage, next to each
 * other in display order. */
struct pstretch {
	uint32_t passage; /* index into psg.v */
	uint32_t b0, b1;
	uint8_t cont; /* 0: the passage's first stretch; 1: a later one */
};

/* All passages of a comparison; psg_free releases them. */
struct psg {
	struct passage *v; /* numbered from 1 in this order: by first block;
	                      v[n] closes the last (m0, e0, fi0 only) */
	size_t n;
	uint32_t *mem; /* blocks of each passage (struct passage m0, m1) */
	uint32_t *of;  /* block -> its passage */
	struct pstretch *ent; /* the display: stretches in display order */
	size_t nent;
	uint32_t *ent_of; /* stretches of each passage (struct passage e0, e1):
	                     indexes into ent */
	struct dcode ops; /* word diffs of the passages of several blocks,
	                     each coded from (0, 0) */
	size_t count[4];  /* passages per kind (enum blk_kind) */
	size_t nmoved;    /* passages that moved */
};

/* Build *ps (zeroed by it first) from the blocks of c->al and the model's
 * token and sentence lists, all but the stretches (psg_stretches).  A
 * passage of several blocks gets the word diff of its whole official text
 * against its whole rewrite text (run with c->opt.minimal's flags); a
 * passage of one block keeps the block's.  Returns 0, or -1 when memory
 * ran out (then *ps holds nothing). */
int psg_build(struct psg *ps, const struct cmp *c);

/* The stretches of *ps, built by psg_build from the blocks of c->al:
 * ps->ent, ps->ent_of and each passage's e0.  Made once the findings are
 * (they read none), so that they take the room the findings' scratch
 * leaves.  Returns 0, or -1 when memory ran out (psg_free releases what
 * was made). */
int psg_stretches(struct psg *ps, const struct cmp *c);

/* Release what *ps owns; *ps becomes empty. */
void psg_free(struct psg *ps);

/* Start *w on the word diff of passage p, one of c->ps's: dwalk_next
 * (diff.h) then gives its operations in order. */
void psg_walk(const struct cmp *c, const struct passage *p, struct dwalk *w);

/* Start *w on the word diff of block b of c->al (what the JSON export
 * lists under a block). */
void psg_block_walk(const struct cmp *c, size_t b, struct dwalk *w);

/* The word diff of passage p, one of c->ps's, into *out (what it held
 * replaced), for a reader that needs its operations at random.  Returns 0,
 * or -1 when memory ran out (*out empty then). */
int psg_ops(const struct cmp *c, const struct passage *p, struct dops *out);

/* Sentences [*s0, *s1) of block b on side right (0 official, 1 rewrite);
 * *s0 == *s1 when it has none there. */
void psg_block_sents(const struct cmp *c, size_t b, int right, uint32_t *s0,
                     uint32_t *s1);

/* Tokens [*t0, *t1) of block b on one side; *t0 == *t1 when none. */
void psg_block_tokens(const struct cmp *c, size_t b, int right, uint32_t *t0,
                      uint32_t *t1);

/* Input bytes [*b0, *b1) of block b on one side (from its first token's
 * first byte to its last token's last); *b0 == *b1 when none. */
void psg_block_bytes(const struct cmp *c, size_t b, int right, size_t *b0,
                     size_t *b1);

/* Tokens [*t0, *t1) of sentence s of one side (0 official, 1 rewrite). */
void psg_sent_tokens(const struct cmp *c, int right, uint32_t s, uint32_t *t0,
                     uint32_t *t1);

/* The pieces of one side of a set of blocks, in the order of their
 * sentences: the blocks mem[b0..b1) when mem is given (a passage's:
 * psg.mem, m0, psg_m1), else the blocks b0..b1 of the display (a stretch).
 * Start with *at = 0; each call sets *block to the next block with
 * sentences on side right and returns 1, or returns 0 when none is left.
 * (Blocks of one passage never share a sentence on one side.) */
int psg_next_piece(const struct cmp *c, const uint32_t *mem, size_t b0,
                   size_t b1, int right, uint32_t *at, size_t *block);

/* Words (not punctuation) of block b on one side. */
size_t psg_block_words(const struct cmp *c, size_t b, int right);

/* Official words in passages of each kind: words[kind], summed over every
 * official piece of every passage of that kind; *total is all official
 * words. */
void psg_kept_words(const struct cmp *c, size_t words[4], size_t *total);

/* part of whole as a whole percentage, as every view prints it: rounded
 * half up, except that a part above 0 is never 0 % and a part below the
 * whole never 100 % (so "1 verbatim" never stands beside "0 %").  0 when
 * whole is 0. */
int psg_percent(size_t part, size_t whole);

/* The kind names of a passage's shape, for a header: "split in N",
 * "merge of N", "N into M sentences", or "" for one block a side.  Writes
 * at most n bytes to buf (NUL-terminated) and returns buf. */
const char *psg_shape(const struct passage *p, char *buf, size_t n);

#endif
