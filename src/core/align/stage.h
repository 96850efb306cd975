/* stage.h - what the stages of the sentence alignment share (internal to
 * src/core/align): the context of one run, and each stage's entry point.
 * The method, stage by stage, is at the top of align.c.
 */
#ifndef REDLINE_ALIGN_STAGE_H
#define REDLINE_ALIGN_STAGE_H

#include <stddef.h>
#include <stdint.h>

#include "redline/align.h"
#include "redline/intern.h"
#include "redline/myers.h"
#include "redline/stem.h"
#include "alias.h"

#define VARIANT_MIN_LEN 5
#define POSTING_SHARE   8   /* a stem nominates if in <= 1/8 of sentences... */
#define POSTING_MIN     64  /* ...or in at most this many... */
#define POSTING_MAX     256 /* ...but never in more than this many */
#define POSTING_WINDOW  64  /* when none nominates: the sentences nearest */
#define CANDIDATES      8
#define LOOSE_EXACT_MAX 20000 /* words of a passage measured exactly */
/* Official sentences one rewrite sentence may merge beside its source, at
 * most: classification judges no more (a list run into one sentence,
 * listrun.c, is the longest merge; a merge of prose sentences rarely has
 * more than three). */
#define MERGE_MAX  16
#define MERGE_GAIN 0.1 /* coverage one more of them must add */
/* ...and the share of keep_min of an official sentence's weight that makes
 * it half of a merge when it is the source's neighbour (links.c, the
 * merge-halves rule) */
#define NEIGHBOUR_SHARE 0.5
/* ...and the share of its weight an official sentence adding less than
 * MERGE_GAIN must hold in it to be half of the merge all the same: a
 * restatement of the source (links.c, the merge-halves rule) */
#define RESTATE_SHARE       0.5
#define DUP_BACK            2 /* a rewrite sentence repeating one this close... */
#define DUP_MIN             0.9 /* ...this closely (Dice of stems) is an addition */
#define TITLE_BACK          512 /* a title line repeating one this far back... */
#define TITLE_DUP_MIN       0.75 /* ...this closely is an addition too */
#define FURNITURE_MAX_WORDS 12   /* a caption credit or byline line, at most */
#define FIGURE_MIN_DIGITS   3    /* a figure that names its source, at least */
#define TERM_MIN_WORDS      3    /* words shared with a rare one (term_links) */
#define HEAD_MAX            4  /* title lines of a headline, at most (moves) */
#define HEADER_MAX_WORDS    30 /* an official page's header line, at most */
/* A photo caption's bracketed credit has at most CAPTION_CREDIT_MAX words,
 * and at least CAPTION_MIN_WORDS come before it. */
#define CAPTION_CREDIT_MAX 6
#define CAPTION_MIN_WORDS  6
/* A rewrite sentence linked to nothing links to an official sentence (not
 * the half of a merge) when it holds at least this share of keep_min of
 * that sentence's weight (0.35 at the default keep_min of 0.4; chosen on
 * the labelled pairs, where 0.3 to 0.7 were tried: tests/eval/README.md), as
 * its paraphrase or a further piece of it. */
#define HOLD_SHARE 0.875
/* A related word (words.c, related(): WordNet's derivational links and
 * first-sense synonyms) is shared at this share of its stem's idf, when
 * linking only: with the derivational links alone, 0.4 to 0.75
 * gave the same figures on the labelled pairs, 0.3 gained nothing and 1
 * linked an unrelated sentence too (tests/eval/README.md; tests/eval/wordnet.sh
 * measures another with SHARE=). */
#ifndef RELATED_SHARE
#define RELATED_SHARE 0.5
#endif
#define COMPOUND_MAX_BYTES                                                     \
	40 /* two words tried as one ("Da Nang"), at most                      \
	    */
#define LINK_MIN_WORDS                                                         \
	2 /* shared stems, numbers aside, to link at all;                      \
	     one at least not a name: sharing only who and                     \
	     where is framing ("X, Y issue statement") */

/* Flags of a rewrite token: a fact-like word, a capitalised one, a
 * reporting-frame word (lexicon.h: "said", "statement"), a verb of saying,
 * the word "that". */
enum { F_FACTISH = 1, F_UPPER = 2, F_FRAME = 4, F_THAT = 8, F_FVERB = 16 };
/* A lead frame ("In a statement, X said that") ends within this many
 * words of the sentence's start, and leaves at least LEAD_FRAME_REST. */
#define LEAD_FRAME_MAX  12
#define LEAD_FRAME_REST 3
/* Words of an official sentence's dateline at most ("Washington, DC, April
 * 2, 2018"), which the verbatim share leaves aside (classify.c). */
#define DATELINE_MAX 8
/* Words before an official frame's word of saying at most (", the
 * European Commission said"): classify.c. */
#define FRAME_SPEAKER_MAX 6
/* One subject named two ways ("We", "The United States"; "President
 * Novak", "the President"): each way at most this many words (the voice
 * named with its office and title, "U.S. State Department Deputy
 * Spokesperson Mark Toner", runs to seven). */
#define SUBJECT_NAME_MAX 8
#define TITLES_MAX       256 /* titles read from lex_title, at most */

/* A stem of a sentence's vector: its id, and how often the sentence
 * holds it. */
struct ent {
	uint32_t cid, cnt;
};

/* A packed entry (words.pack): the stem id in the low ENT_CID_BITS bits,
 * the count above them. */
#define ENT_CID_BITS 24
#define ENT_CID_MAX  ((UINT32_C(1) << ENT_CID_BITS) - 1)
#define ENT_CNT_MAX  (UINT32_MAX >> ENT_CID_BITS)

/* A sentence's stems: pool[off .. off + n) (16 bytes, not 24: the pool
 * never holds UINT32_MAX entries, stage_words checks), and its weight. */
struct vec {
	uint32_t off, n; /* into words.pool */
	double W;
};

/* A candidate source o of rewrite segment r, with w their shared weight
 * (over the official sentence's weight W, the share of it covered:
 * cand_cov in links.c).  The link set keeps o and w (linkset.co, cw); r
 * is its group's (cand_at). */
struct cand {
	uint32_t r, o;
	double w;
};

/* What stages 1 and 2 (words.c) make, and every later stage reads: each
 * token's content word, the stems' flags and weights, each sentence's
 * stem vector.  words_free releases it. */
struct words {
	struct stemmer *st;
	struct intern *stems;
	/* per token, a bit: a content word, whose stem id is its loose id
	 * (tok_cid; lcid_of and rcid_of below read it) */
	unsigned char *lcon, *rcon;
	/* per token: loose id (stop words too) or -1, kept per key with
	 * exceptions (alias.h: lid_of reads it) */
	struct lidmap llid, rlid;
	unsigned char *rflag;   /* per right token: F_* */
	unsigned char *kflag;   /* per key (c->in): F_FRAME, F_THAT, F_FVERB
	                           (what the word is alone; the official
	                           side's frames read it) */
	unsigned char *in_left; /* per stem */
	unsigned char *numeric; /* per stem: from a number */
	unsigned char *name;    /* per stem: only ever capitalized (a name) */
	/* The rewrite's values of several tokens (value.h; the official
	 * text's are not read again), one byte per token (0: in none;
	 * value_span reads it): the token's distance from the value's
	 * first token (bits 0-2) and to its last (bits 3-5), VI_HEAD on the
	 * head, which has the value's id, and VI_IN. */
	unsigned char *rvi;
	/* per stem below nlpart: a word of such a value of the official
	 * text ("August" of "27 August"): no new fact alone */
	unsigned char *lpart;
	size_t nlpart;
	double *idf;      /* per stem */
	struct ent *pool; /* the vectors' stems; stage_links releases it
	                     once the links are made (then NULL) */
	uint32_t *pack;   /* the same, packed in 4 bytes an entry (not 8)
	                     once made, when every stem id is at most
	                     ENT_CID_MAX and every count ENT_CNT_MAX (pool
	                     is NULL then, and stays the one read if not):
	                     read through ent_at */
	size_t npool, cappool;
	struct vec *lv, *rv;
	int32_t we_id, the_id;      /* loose ids of "we" and "the" */
	int32_t he_id, she_id;      /* and of "he" and "she" */
	int32_t glue[4];            /* of "the", "a", "an", "and" */
	int32_t titles[TITLES_MAX]; /* the titles' stem ids (lex_title) */
	size_t ntitles;
	unsigned char *title; /* per stem: one of those */
};

/* Entry i of the vectors' pool (w->pack or w->pool). */
static inline struct ent
ent_at(const struct words *w, size_t i)
{
	if (w->pack)
		return (struct ent){w->pack[i] & ENT_CID_MAX,
		                    w->pack[i] >> ENT_CID_BITS};
	return w->pool[i];
}

/* Official token t's stem id, or -1. */
static inline int32_t
lcid_of(const struct words *w, size_t t)
{
	return tok_cid(w->lcon, &w->llid, t);
}

/* Rewrite token t's stem id, or -1. */
static inline int32_t
rcid_of(const struct words *w, size_t t)
{
	return tok_cid(w->rcon, &w->rlid, t);
}

/* What stages 3 and 4 (links.c) make: the anchors, the candidates, grouped by
 * rewrite segment, and the links.  linkset_free releases it. */
/* Segment seg's likeliest counterpart on the other side among the
 * candidates: segment to (-1: none), with its likeness (Dice of stem
 * weights). */
struct near {
	uint32_t seg;
	int32_t to;
	double sim;
};

struct linkset {
	int32_t *anchor; /* per right segment: the official segment it
	                    repeats in order (anchor_pairs), or -1 (such a
	                    segment gets no candidates: an omission that
	                    is most like it finds it by reverse_candidates) */
	/* each unpaired rewrite segment's sources (step 3), grouped by
	 * segment: those of segment r are co[cstart[r] .. cstart[r + 1])
	 * (cstart has c->rs.n + 1 entries), cw[k] the shared weight of
	 * candidate k; 12 bytes a candidate, not 16: cand_at makes the whole
	 * candidate.  Given back once the links are made (nearest_of) */
	uint32_t *co, *cstart;
	double *cw;
	size_t ncands;
	/* per stem, while the packed stem pool is held (from the shared
	 * weights of the candidates to the nearest counterparts): the packed
	 * entry of the one vector marked, or 0 (links.c, shared_marked);
	 * NULL when the pool is not packed */
	uint32_t *mark;
	struct near *lnear, *rnear; /* per official segment no link holds,
	                               per rewrite segment linked to none
	                               (the omissions and additions to be),
	                               in order: the segment of the other
	                               side most like it (nearest_of) */
	size_t nlnear, nrnear;
	int32_t *prim;  /* per right segment: official segment, or -1 */
	double *prim_w; /* its shared weight (made once the candidates
	                   go: the rules read link_weight) */
	int32_t *sec;   /* per official segment: rewrite segment, or -1 */
	double *sec_w;  /* its shared weight (as prim_w) */
	unsigned char *header;  /* per official segment: a line of the page's
	                           header or furniture (official_headers) */
	unsigned char *restate; /* per right segment: a title line restating
	                           a line of the official header (rule_best)
	                           or a deck (mark_decks), which no rule
	                           links */
	unsigned char *rline;   /* per right segment: what is known of it as
	                           a line (links.c, line_facts) */
	uint16_t *tback;      /* per right segment: how far back the title line
	                         before it is, 0 when none is within TITLE_BACK
	                         (links.c, title_back) */
	unsigned char *rfurn; /* per right segment linked to none, once the
	                         links are made: page furniture (a restated
	                         title, a furniture line, a caption) */
};

/* What stages 5 and 6 (links.c) make and stage 7 to 9 (classify.c)
 * complete: the blocks in display order, and how many moved. */
struct blockset {
	struct block *b;
	size_t nb, capb;
	size_t nmoved;
};

/* What a stage of links.c or classify.c reads: the inputs and the earlier
 * stages' outputs, read only, and the one output it writes. */
struct ctx {
	const struct align_in *c;
	const struct words *w;
	const struct linkset *l; /* read (classify.c) */
	struct linkset *lw;      /* written (links.c only; else NULL) */
	struct blockset *bl;     /* written (links.c, then classify.c) */
	struct align_out *o;     /* written (classify.c only; else NULL) */
	struct myers *my;        /* classify.c: over the model's ids */
	struct myers *loose;     /* classify.c: over loose ids, for judging
	                            what was kept */
	uint32_t *lcount;        /* classify.c: per loose id, a count that is
	                            0 between uses (left_bound) */
	struct kept_buf *kb;     /* classify.c: kept_once's arrays */
};

/* The context of words.c: the inputs and what it writes. */
struct wstage {
	const struct align_in *c;
	struct words *w;
	uint32_t *rel; /* related words found (related_lookup): pairs of a
	                  rewrite stem and an official stem, by the first */
	size_t nrel, caprel;
};

/* ---- words.c: 1. content words, 2. weights ---- */

/* Into *w (zeroed first): stem and loose ids of every token, flags of the
 * rewrite's; aliases and acronyms made one word; spelling variants
 * merged; each segment's stem vector and the weights of stems.  0, or an
 * enum align_error; *w then holds what words_free releases. */
int stage_words(const struct align_in *c, struct words *w);

/* Release what *w owns; *w becomes empty. */
void words_free(struct words *w);

/* shared_n over the unpacked pool (words.pool: pack is NULL). */
static inline double
shared_pool(const struct words *w, const struct vec *a, const struct vec *b,
            size_t *nwords, size_t *nplain)
{
	size_t i = 0, j = 0, nw = 0, plain = 0;
	double s = 0;

	while (i < a->n && j < b->n) {
		struct ent p = w->pool[a->off + i], q = w->pool[b->off + j];
		if (p.cid < q.cid) {
			i++;
		} else if (p.cid > q.cid) {
			j++;
		} else {
			s += w->idf[p.cid] * (p.cnt < q.cnt ? p.cnt : q.cnt);
			nw += !w->numeric[p.cid];
			plain += !w->numeric[p.cid] && !w->name[p.cid];
			i++;
			j++;
		}
	}
	if (nwords)
		*nwords = nw;
	if (nplain)
		*nplain = plain;
	return s;
}

/* Shared weight of two segment vectors (while their stem pool is held:
 * stage_links releases it); the number of shared stems that
 * (inline: the candidate search calls these millions of times)
 * are words, not numbers, in *nwords, and of those that are not names
 * either in *nplain (each if not NULL).  Over the packed pool the two
 * vectors are merged with no branch on which side steps (each steps when
 * its stem id is the smaller or equal); of two entries of one stem the
 * smaller packed word holds the smaller count (the count is the high
 * bits).  The terms are added in the same order either way. */
static inline double
shared_n(const struct ctx *x, const struct vec *a, const struct vec *b,
         size_t *nwords, size_t *nplain)
{
	const struct words *w = x->w;
	if (!w->pack)
		return shared_pool(w, a, b, nwords, nplain);
	const uint32_t *p = w->pack + a->off, *pe = p + a->n,
	               *q = w->pack + b->off, *qe = q + b->n;
	size_t nw = 0, plain = 0;
	double s = 0;

	while (p != pe && q != qe) {
		uint32_t u = *p, v = *q, pc = u & ENT_CID_MAX,
		         qc = v & ENT_CID_MAX;
		if (pc == qc) {
			s += w->idf[pc] * ((u < v ? u : v) >> ENT_CID_BITS);
			if (nwords)
				nw += !w->numeric[pc];
			if (nplain)
				plain += !w->numeric[pc] && !w->name[pc];
		}
		p += pc <= qc;
		q += qc <= pc;
	}
	if (nwords)
		*nwords = nw;
	if (nplain)
		*nplain = plain;
	return s;
}

static inline double
shared(const struct ctx *x, const struct vec *a, const struct vec *b)
{
	return shared_n(x, a, b, NULL, NULL);
}

/* Candidate k of the link set, which is one of rewrite segment r's
 * (x->lw->cstart[r] <= k < x->lw->cstart[r + 1]), with its shared
 * weight, while the candidates are held. */
static inline struct cand
cand_at(const struct ctx *x, size_t r, size_t k)
{
	return (struct cand){(uint32_t)r, x->lw->co[k], x->lw->cw[k]};
}

enum { VI_HEAD = 64, VI_IN = 128 };

/* The tokens [*s, *e) of the value of several tokens that token t is in
 * (vi: the rewrite's rvi), its head token in *h, and 1; else t alone
 * (its own head), and 0. */
static inline int
value_span(const unsigned char *vi, uint32_t t, uint32_t *s, uint32_t *e,
           uint32_t *h)
{
	if (!vi[t]) {
		*s = *h = t;
		*e = t + 1;
		return 0;
	}
	*s = t - (vi[t] & 7u);
	*e = t + ((vi[t] >> 3) & 7u) + 1;
	for (*h = *s; *h + 1 < *e && !(vi[*h] & VI_HEAD); ++*h)
		;
	return 1;
}

/* ---- anchor.c: the anchors (before 3) ---- */

/* For each rewrite segment r, pair[r]: the official segment it repeats
 * word for word in the order of both texts (their sequences of segments
 * diffed as words, each segment one item, equal when every token's
 * comparison key is), or -1.  pair has c->rs.n entries.  0, or -1 when
 * memory ran out (pair then unspecified). */
int anchor_pairs(const struct align_in *c, int32_t *pair);

/* ---- links.c: 3. candidates, 4. links, 5. blocks, 6. moves ---- */

/* Candidates and links into *l, then blocks in display order and moves
 * into *bl (both zeroed first), from the inputs and their words.  Once
 * the links are made it releases w's stem pool (w->pool and w->pack NULL):
 * later steps read each vector's weight W, never its stems.  0 or -1; both then
 * hold what linkset_free and free(bl->b) release. */
int stage_links(const struct align_in *c, struct words *w, struct linkset *l,
                struct blockset *bl);

/* Release what *l owns; *l becomes empty. */
void linkset_free(struct linkset *l);

/* Is rewrite segment r a title line: a line of its own that does not end
 * as a sentence does (a headline, a section label, a caption)? */
int title_line(const struct ctx *x, size_t r);

/* Is rewrite segment r a line of page furniture ("By ...", "Follow us")? */
int furniture_line(const struct ctx *x, size_t r);

/* Is rewrite segment r a photo caption ("... [AP]")? */
int caption_line(const struct ctx *x, size_t r);

/* Does rewrite segment r repeat a segment just before it, or a title line
 * an earlier title line? */
int repeats(const struct ctx *x, size_t r);

/* ---- listrun.c: 4. the list-run rule, after the verdict ---- */

/* Link the official list items (lines of a list printed one item a line)
 * that a rewrite sentence runs together, two of one list at least, to
 * that sentence: its source when it has none, else merged halves, up to
 * the pieces classification judges; an item linked already (linked, per
 * official segment: a source; x->lw->sec) is left as it is, and linked
 * is kept up to date.  0, or -1 when memory ran out. */
int list_runs(struct ctx *x, unsigned char *linked);

/* ---- verdict.c: 4. the learned verdict on the links ---- */

/* Judge each rewrite segment with candidates, no anchor and no
 * furniture, that the rules left unlinked or the best-candidate rule
 * linked (best: per rewrite segment, 1 when it did), by the learned model
 * (linkmodel.h) from the features of its heaviest candidate and the links
 * the rules made (x->lw->prim): link it to that candidate when the rules
 * did not and the model says it has a counterpart, or to nothing when the
 * model says it has none, dropping the merges into it; the model
 * overrules the rules only when sure (VERDICT_MARGIN), and judges
 * nothing when either text has fewer segments than the documents it was
 * fitted on (VERDICT_MIN_SEGMENTS).  linked (per
 * official segment: a rewrite segment links to it) is made anew.  Each
 * segment judged goes to x->c->opt.link_trace when that is set.  0, or -1
 * when memory ran out (the links then unchanged). */
int link_verdict(struct ctx *x, const unsigned char *best,
                 unsigned char *linked);

/* Token range [*t0, *t1) of segments [s0, s1) of sl. */
void seg_tokens(const struct seglist *s, uint32_t s0, uint32_t s1, uint32_t *t0,
                uint32_t *t1);

/* ---- classify.c: 7. kinds, 8. facts, 9. nearest ---- */

/* The first token after the lead frame of the rewrite sentence at tokens
 * [t0, t1) ("In a statement, the embassy said that ..."), or t0 when it
 * has none. */
uint32_t lead_frame_end(const struct ctx *x, uint32_t t0, uint32_t t1);

/* Kinds and word diffs of the blocks of *bl, into out their word diffs
 * and facts (and the blocks' ranges of them), and the nearest candidates
 * of omissions and additions.  0 or -1. */
int stage_classify(const struct align_in *c, const struct words *w,
                   const struct linkset *l, struct blockset *bl,
                   struct align_out *out);

#endif
