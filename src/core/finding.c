/* finding.c - the changes of substance of each passage (finding.h).
 *
 * Owns the findings: what each type looks at, and the facts of the
 * alignment made over to agree with them.  Reads the passages (passage.h),
 * their word diffs and the tokens; writes cmp.fd, each passage's fi0 and
 * fi1, and the facts.
 *
 * A stretch is a run of a passage's word diff between two kept words: what
 * the rewrite deleted there and what it inserted in its place.  The
 * stretch is the slot: a value or a name is changed only when one takes
 * the place of another inside one stretch, and, in a stretch of more than
 * SLOT_WORDS words a side, only when it is the one of its kind on each
 * side (an amount only for one of its unit), in a passage that keeps a
 * word or shares a value or name of that type.  A name before a
 * reporting verb (who speaks) is a kind of its own.
 *
 *  - negation: the stretch's two sides hold an odd and an even number of
 *    negators (negations.txt, "n't") and negative verbs (negverbs.txt);
 *    "not only" is no negator.
 *  - certainty: the hedge classes (hedges.txt) of the two sides differ as
 *    multisets; a two-word hedge may start in the stretch and end after
 *    it ("at least 6" made "6"); a class marked for numbers counts only
 *    before a number.
 *  - value: values (value.h; a number word alone by its digits, and the
 *    plurals "hundreds", "thousands" by theirs and an "s") that touch the
 *    stretch, those of one key on both sides set aside, paired in order
 *    by kind; not when the other side of the passage has the value
 *    elsewhere (it moved), nor when the rewrite's is the official one
 *    rounded as a hedge before it says (value_rounds: "about 10 million"
 *    for "9.8 million"), which is no new fact and changes no certainty
 *    either.
 *  - name: runs of capitalised words not at a sentence start (nor in a
 *    title-case line), paired in order; not when the two are one name
 *    spelled another way (case, accents, hyphens and spaces folded), when
 *    either is only titles ("the President" for "Trump"), or when the new
 *    name is in the official text or the old one in the rewrite.
 *  - quote: words of a paired passage's rewrite between quotation marks
 *    (at least QUOTE_MIN_WORDS) that are not found word for word in the
 *    official text, in pieces cut at an ellipsis or a bracketed insertion,
 *    each piece in order after the last (case and punctuation aside).
 *  - attribution: a sentence of an addition with a verb of saying
 *    (frames.txt) and a word that names the source (sources.txt), unless
 *    it is close to an official sentence (its block's nearest at
 *    ATTRIB_NEAR_MAX or more).
 *  - new: the new facts of the alignment (align.h), a name widened to its
 *    whole run of capitalised words ("Syrian Democratic Forces"), and
 *    dropped when the official text has the whole run, when it is a first
 *    name or title before a name the official text has ("Vladimir Putin"
 *    for "Putin"), when it stands in a title-case line or a line of page
 *    furniture, when it is a weekday, and when an earlier one of the
 *    rewrite has the same words (a possessive is its name).
 */
#define _GNU_SOURCE /* memmem */
#include "redline/finding.h"

#include <stdlib.h>
#include <string.h>

#include "redline/compare.h"
#include "redline/grow.h"
#include "redline/intern.h"
#include "redline/lexicon.h"
#include "redline/stem.h"
#include "redline/uni.h"
#include "redline/value.h"

#define SLOT_WORDS       10  /* a stretch this long is one slot */
#define QUOTE_MIN_WORDS  3   /* shorter quoted words are scare quotes */
#define ATTRIB_NEAR_MAX  0.5 /* an addition this close restates */
#define CLAIM_KEPT       5   /* a kept sentence's words before a claim */
#define CLAIM_KEPT_SHARE 70  /* ...and the share of them kept, at least */
#define WORD_MAX         32  /* bytes of a word looked up in a list */
#define ITEMS_MAX        32  /* values or names of one side of a stretch */
#define HEADLINE_WORDS                                                         \
	14              /* a line without a sentence end this                  \
	                   short is a headline */
#define LABEL_WORDS 6   /* "Danag, November 11:" opens a line */
#define PLACES_MAX  512 /* countries of data/en/places.txt, at most */
#define SPANS_MIN   8   /* a stretch of more operations: its ranges sorted */
#define NOKEY       UINT32_MAX /* shown(): no token to keep in view */
#define GAP_MAX                                                                \
	40            /* tokens between two places one finding shows, at       \
	                 most (a passage's pieces can lie far apart) */
#define PLACE_WORDS 4 /* words of a country's longest name */
#define STREAM_MAX                                                             \
	(4u << 20) /* bytes of an official text looked                         \
	              through word part by word part */

/* What the finders share. */
struct fx {
	/* the rewrite line [furn_s, furn_e) of the last new fact asked, and
	 * furniture_line's answer for it (a fact in the same line takes it:
	 * line_of gives one line for any byte in it); furn_e 0 at first */
	size_t furn_s, furn_e;
	int furn;
	struct cmp *c;
	struct findings *fd;
	uint32_t nid;
	uint64_t *linit, *rinit; /* per token, a bit: first word of a sentence
	                            (is_init) */
	unsigned char *lhas, *rhas; /* per id: on that side */
	unsigned char *rsay;        /* per id: 0 not asked, else 1 + said_verb's
	                               answer for its all-ASCII rewrite words */
	unsigned char *lname;  /* per id: capitalised mid-sentence (official) */
	unsigned char *rtitle; /* per rewrite segment: a title-case line */
	uint32_t rseg;         /* the rewrite segment rseg_of found last */
	size_t nlw;            /* the official text's words and numbers */
	char bodies[16][WORD_MAX];   /* source body words asked about, */
	unsigned char body_has[16];  /* and whether the official has each */
	int pneg_known, pneg_differ; /* this passage: whether its sides'
	                                negative words were counted, and
	                                differ in number */
	int pkept;                   /* this passage keeps a word: its two
	                                sides are one sentence told again,
	                                not two that share nothing */
	size_t nbodies;
	unsigned char oplace[PLACES_MAX]; /* per country (lex_place): the
	                                     official text names it */
	/* the official words by hash (official_index): bucket b holds the
	 * word tokens hstart[b] .. hstart[b + 1] (as counted), in text
	 * order, coded from byte hbyte[b] of hcode, each the distance from
	 * the one before (the first from 0) in 7-bit groups, low first, the
	 * high bit set on all but the last; every HSKIP-th token counted
	 * (k), its position and its code's offset, are hskip[2 (k / HSKIP)]
	 * and hskip[2 (k / HSKIP) + 1], written for a bucket when it is
	 * first walked (skip_points: the offset UINT32_MAX until then) */
	uint32_t *hstart, *hbyte, *hskip;
	unsigned char *hcode;
	size_t hmask;
	unsigned char *vstart; /* per id: value_may_start + 1, or 0 when
	                          not known yet */
	unsigned char *neg;    /* per id: 2 a negative word, 1 not, 0 not
	                          known yet */
	unsigned char *rknown; /* per id: 2 known_name, 1 not, 0 not known
	                          yet */
	unsigned char *hedge;  /* per id: 2 a hedge may start with the word
	                          (hedge_at), 1 none does, 0 not known yet */
	/* the official text word part by word part (official_parts), made
	 * when first needed: the parts of each word's name key as ids in
	 * oparts, kept per token id (the parts of the id's first token,
	 * ppart[pstart[id] .. + pcount[id])), and a bit per token whose
	 * bytes differ from that first token's (its parts are made again
	 * when read); pmade 1 when made, 2 when there is nothing to make */
	struct intern *oparts; /* every part of the official words (a name
	                          with a part not among them is not in it) */
	uint32_t *pstart, *pcount, *prep, *ppart, *pscr;
	uint32_t *plast; /* per id: its last word token (its first is
	                    prep[id] - 1) */
	size_t nppart, capppart, capscr;
	unsigned char *pdiff, *pvar; /* pvar: per id, PVAR_DIFF when a
	                                 token of it has the pdiff bit,
	                                 PVAR_NUMBER when one is a number */
	int pmade;
	/* the ids by their parts (parts_index), made at find_parts' first
	 * call: the ids whose parts hold part k of oparts are
	 * pids[pidstart[k] .. pidstart[k + 1]), part nparts standing for
	 * PART_EMPTY; the ids with PVAR_DIFF are pids[pidstart[nparts +
	 * 1] ..); phit is find_parts' scratch, a byte per id, zero between
	 * calls */
	uint32_t *pidstart, *pids;
	size_t nparts;
	unsigned char *phit;
	/* what in_official_parts answered, per rewrite stream asked (a name
	 * the official text lacks is asked at each of its mentions) */
	struct intern *parts;
	unsigned char *parts_in;
	size_t capparts;
	char (*okeys)[VALUE_KEY_MAX]; /* name keys of the official text's
	                                 capitalised words, sorted */
	size_t nokeys;
	/* per official key, its bytes as bits and its length (key_sum),
	 * made the first time official_near runs; NULL: not made (or no
	 * memory: each is worked out when asked) */
	struct key_sum *oksum;
	char selves[16][VALUE_KEY_MAX]; /* names that start official
	                                   sentences: its own voice */
	size_t nselves;
	struct dops ops; /* the word diff of the passage being read
	                    (psg_ops) */
};

/* Is token t the first word of its sentence, by the bits init (fx's
 * linit or rinit)? */
static inline int
is_init(const uint64_t *init, uint32_t t)
{
	return (int)(init[t / 64] >> (t % 64) & 1);
}

/* ---- words ------------------------------------------------------------ */

/* fold's longer words, the n bytes at s (room readable) into w (room cap
 * > n): eight bytes a step while both have room, then one at a time. */
static void
fold_long(const unsigned char *s, size_t n, size_t room, char *w, size_t cap)
{
	size_t j = 0;

	for (; j < n && j + 8 <= cap && j + 8 <= room; j += 8)
		uni_lower8(s + j, w + j);
	for (; j < n; j++)
		w[j] = (char)(s[j] >= 'A' && s[j] <= 'Z' ? s[j] + 32 : s[j]);
	w[n] = '\0';
}

/* Token k of text t folded to ASCII lower case into w (room cap, below
 * TOK_LONG): its length, or 0 when it is no word or too long.  A word of
 * up to 8 bytes is folded in one step (uni_lower8) when both the text (with
 * its NUL after it) and w have room for 8: w's bytes past the NUL may then
 * hold what follows the word. */
static size_t
fold(const struct text *t, const struct tok *k, char *w, size_t cap)
{
	size_t n = k->slen;
	if (k->kind != TOK_WORD || n >= cap)
		return 0;
	const unsigned char *s = t->buf + k->off;
	size_t room = t->len + 1 - k->off;
	if (n <= 8 && cap >= 8 && room >= 8) {
		uni_lower8(s, w);
		w[n] = '\0';
		return n;
	}
	fold_long(s, n, room, w, cap);
	return n;
}

static const struct text *
side_text(const struct cmp *c, int right)
{
	return right ? c->right : c->left;
}

static const struct toklist *
side_toks(const struct cmp *c, int right)
{
	return right ? &c->rt : &c->lt;
}

/* Do token a of side sa and token b of side sb read as one word, case
 * aside? */
static int
same_word(const struct cmp *c, int sa, uint32_t a, int sb, uint32_t b)
{
	const struct toklist *la = side_toks(c, sa), *lb = side_toks(c, sb);
	char wa[WORD_MAX], wb[WORD_MAX];

	if (la->id[a] == lb->id[b])
		return 1;
	/* fold keeps a word's length, and gives 0 for anything else */
	if (tok_len(la, a) != tok_len(lb, b) || la->v[a].kind != TOK_WORD ||
	    lb->v[b].kind != TOK_WORD)
		return 0;
	size_t na = fold(side_text(c, sa), &la->v[a], wa, sizeof wa),
	       nb = fold(side_text(c, sb), &lb->v[b], wb, sizeof wb);
	return na && na == nb && memcmp(wa, wb, na) == 0;
}

/* A possessive's name: the length of w without a final "'s" or "’s". */
static size_t
unpossess(const char *w, size_t n)
{
	if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
		return n - 2;
	if (n > 4 && memcmp(w + n - 4, "\xE2\x80\x99s", 4) == 0)
		return n - 4;
	return n;
}

/* negative, past the cheap test of its inline caller (out of line: its
 * buffers' frame is set up only for the few words that get here). */
static __attribute__((noinline)) int
negative_slow(struct fx *x, int right, uint32_t t)
{
	const struct cmp *c = x->c;
	const struct toklist *l = side_toks(c, right);
	char w[WORD_MAX], nx[WORD_MAX];
	uint32_t id = l->id[t];

	if (!x->neg[id]) {
		size_t n = fold(side_text(c, right), &l->v[t], w, sizeof w);
		x->neg[id] =
		        n && (lex_is_negation(w, n) || lex_is_negverb(w, n))
		                ? 2
		                : 1;
	}
	if (x->neg[id] == 1)
		return 0;
	if (fold(side_text(c, right), &l->v[t], w, sizeof w) == 3 &&
	    memcmp(w, "not", 3) == 0 && t + 1 < l->n &&
	    fold(side_text(c, right), &l->v[t + 1], nx, sizeof nx) == 4 &&
	    memcmp(nx, "only", 4) == 0)
		return 0;
	return 1;
}

/* Is token t of side right a negator or a negative verb (not the "not"
 * of "not only")?  The word's answer is kept per id in x->neg: a word
 * known to be neither is answered here. */
static inline int
negative(struct fx *x, int right, uint32_t t)
{
	if (x->neg[side_toks(x->c, right)->id[t]] == 1)
		return 0;
	return negative_slow(x, right, t);
}

/* Are the n bytes at s all ASCII?  room: the bytes readable at s (at
 * least n); eight are read a step while there is room. */
static inline int
all_ascii(const unsigned char *s, size_t n, size_t room)
{
	const uint64_t top = 0x8080808080808080u;
	uint64_t v, any = 0;
	size_t j = 0;

	for (; j + 8 <= n; j += 8) {
		memcpy(&v, s + j, sizeof v);
		any |= v;
	}
	if (j < n && j + 8 <= room) {
		memcpy(&v, s + j, sizeof v);
		/* the bytes past the word out (only whether some kept byte
		 * has its top bit counts): the low n - j bytes of v where
		 * the first byte is the low one, else by a mask made byte
		 * by byte */
		uint64_t m;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		m = ~(uint64_t)0 >> (64 - 8 * (n - j));
#else
		unsigned char keep[8] = {0};
		memset(keep, 0xff, n - j);
		memcpy(&m, keep, sizeof m);
#endif
		any |= v & m;
		j = n;
	}
	for (; j < n; j++)
		any |= s[j] & 0x80u;
	return !(any & top);
}

/* Is rewrite token t a verb of saying: a word whose fold lex_is_frame
 * calls LEX_FRAME_VERB?  The answer for a word of ASCII bytes alone is
 * kept per id in x->rsay: two such words of one id differ at most in
 * the case of their letters (an id lumps curly quotes, which are not
 * ASCII, and cases), so they fold alike.  Other words are asked each
 * time. */
static int
said_verb(struct fx *x, uint32_t t)
{
	const struct text *tx = x->c->right;
	const struct tok *k = &x->c->rt.v[t];
	char w[WORD_MAX];

	if (k->kind != TOK_WORD || k->slen >= sizeof w)
		return 0; /* fold gives 0 */
	uint32_t id = x->c->rt.id[t];
	int ascii = all_ascii(tx->buf + k->off, k->slen, tx->len + 1 - k->off);
	if (ascii && x->rsay[id])
		return x->rsay[id] - 1;
	size_t n = fold(tx, k, w, sizeof w);
	int v = n && lex_is_frame(w, n) == LEX_FRAME_VERB;
	if (ascii)
		x->rsay[id] = (unsigned char)(1 + v);
	return v;
}

/* Is token t of side right a number, or a number word? */
static int
numberish(const struct cmp *c, int right, uint32_t t)
{
	const struct toklist *l = side_toks(c, right);
	char w[WORD_MAX], d[24];
	size_t n;

	if (t >= l->n)
		return 0;
	if (l->v[t].kind == TOK_NUMBER)
		return 1;
	n = fold(side_text(c, right), &l->v[t], w, sizeof w);
	if (!n)
		return 0;
	const char *h = memchr(w, '-', n); /* "one-fifth", "two-thirds" */
	return lex_number(w, h ? (size_t)(h - w) : n, d, sizeof d) > 0;
}

/* The hedge class of the words at token t of side right, in *len how
 * many tokens it takes (1 or 2) and in *num whether it qualifies the number
 * after it ("about 100"); NULL when none starts there.  Whether a hedge
 * may start with the word is kept per id in x->hedge. */
static const char *
hedge_at(struct fx *x, int right, uint32_t t, uint32_t *len, int *num)
{
	const struct cmp *c = x->c;
	const struct toklist *l = side_toks(c, right);
	const struct text *tx = side_text(c, right);
	char w[2 * WORD_MAX + 1];
	uint32_t id = l->id[t];
	size_t n, m;
	const char *cls;

	if (x->hedge[id] == 1)
		return NULL;
	n = fold(tx, &l->v[t], w, WORD_MAX);
	if (!x->hedge[id])
		x->hedge[id] = n && lex_hedge_may_start(w, n) ? 2 : 1;
	if (x->hedge[id] == 1)
		return NULL;
	/* "May" the month: capitalised before a number ("May 8"), or
	 * capitalised inside a sentence ("in May") */
	if (n == 3 && memcmp(w, "may", 3) == 0 &&
	    (l->v[t].flags & TOK_F_UPPER) &&
	    (numberish(c, right, t + 1) ||
	     (t > 0 && !(l->v[t - 1].kind == TOK_PUNCT &&
	                 (l->v[t - 1].flags & TOK_F_STOP)))))
		return NULL;
	if (t + 1 < l->n && l->v[t + 1].space &&
	    (m = fold(tx, &l->v[t + 1], w + n + 1, WORD_MAX)) > 0) {
		w[n] = ' ';
		cls = lex_hedge(w, n + 1 + m, num);
		if (cls && (!*num || numberish(c, right, t + 2))) {
			*len = 2;
			return cls;
		}
	}
	cls = lex_hedge(w, n, num);
	if (cls && (!*num || numberish(c, right, t + 1))) {
		*len = 1;
		return cls;
	}
	return NULL;
}

/* ---- the output ------------------------------------------------------- */

static int
add(struct fx *x, unsigned type, uint32_t p, uint32_t l0, uint32_t l1,
    uint32_t r0, uint32_t r1)
{
	struct findings *fd = x->fd;
	struct finding *nv =
	        grow_array(fd->v, &fd->cap, fd->n + 1, sizeof *nv, 16);
	if (!nv)
		return -1;
	fd->v = nv;
	if (l0 >= l1)
		l0 = l1 = 0;
	if (r0 >= r1)
		r0 = r1 = 0;
	fd->v[fd->n++] = (struct finding){(uint8_t)type, p, l0, l1, r0, r1};
	return 0;
}

/* ---- stretches -------------------------------------------------------- */

/* Ops [k0, k1) of passage ops: a stretch, no equal op inside. */
struct stretch {
	const struct dop *v;
	size_t k0, k1;
	uint32_t lo[2], hi[2]; /* first and past-last changed token a side
	                          (lo == hi: none) */
	size_t words[2];       /* changed words a side */
	int whole[2];          /* a side's changed tokens are all of [lo, hi):
	                          its operations follow on one another */
	const struct span *sp[2]; /* else, for a stretch of many operations,
	                             a side's changed ranges sorted (NULL:
	                             none made, in_stretch walks them) */
	size_t nsp[2];
	/* where next_in_slow found its last range a side, an index into sp
	 * (a hint: its next answer is most often that range or the next);
	 * NULL: none kept */
	size_t *cur;
};

/* A range [a, b) of one side's changed tokens. */
struct span {
	uint32_t a, b;
};

static int
by_span(const void *p, const void *q)
{
	const struct span *u = p, *v = q;
	return u->a < v->a ? -1 : u->a > v->a;
}

/* The first of the spans v[0..n) (in order, not overlapping) whose start
 * (end: 0) or end (end: 1) is past t, or n. */
static size_t
first_past(const struct span *v, size_t n, uint32_t t, int end)
{
	size_t lo = 0;

	while (lo < n) {
		size_t mid = lo + (n - lo) / 2;
		if ((end ? v[mid].b : v[mid].a) <= t)
			lo = mid + 1;
		else
			n = mid;
	}
	return lo;
}

/* Is token t of side right one the stretch changes? */
static int
in_stretch(const struct stretch *s, int right, uint32_t t)
{
	if (s->whole[right])
		return t >= s->lo[right] && t < s->hi[right];
	if (s->sp[right]) {
		/* the last range starting at or before t (they do not
		 * overlap: each token is changed once) */
		const struct span *v = s->sp[right];
		size_t lo = first_past(v, s->nsp[right], t, 0);
		return lo > 0 && t < v[lo - 1].b;
	}
	for (size_t k = s->k0; k < s->k1; k++) {
		const struct dop *o = &s->v[k];
		if (dop_kind(o) == (right ? DOP_INSERT : DOP_DELETE) &&
		    t >= (right ? o->b0 : o->a0) && t < (right ? o->b1 : o->a1))
			return 1;
	}
	return 0;
}

/* next_in for t inside side right of s, a side not changed whole (out
 * of line: next_in is called for every changed token). */
static __attribute__((noinline)) uint32_t
next_in_slow(const struct stretch *s, int right, uint32_t t)
{
	uint32_t hi = s->hi[right], best = hi;

	if (s->sp[right]) {
		/* the first range ending after t (the ends rise with the
		 * starts, the ranges being apart): the last one found, when
		 * t is past the one before it, or the next, else searched */
		const struct span *v = s->sp[right];
		size_t n = s->nsp[right], lo = s->cur ? s->cur[right] : n;
		if (!(lo < n && v[lo].b > t && (lo == 0 || v[lo - 1].b <= t))) {
			if (lo + 1 < n && v[lo].b <= t && v[lo + 1].b > t)
				lo++;
			else
				lo = first_past(v, n, t, 1);
		}
		if (s->cur)
			s->cur[right] = lo;
		return lo < n ? (v[lo].a > t ? v[lo].a : t) : hi;
	}
	for (size_t k = s->k0; k < s->k1; k++) {
		const struct dop *o = &s->v[k];
		uint32_t a = right ? o->b0 : o->a0, b = right ? o->b1 : o->a1;
		if (dop_kind(o) != (right ? DOP_INSERT : DOP_DELETE) || b <= t)
			continue;
		if (a <= t)
			return t;
		if (a < best)
			best = a;
	}
	return best;
}

/* The first token at or after t that side right of s changes, or s->hi
 * of that side when none is: loops over the changed tokens jump the gaps
 * between a passage's pieces (which can be most of the text).  A stretch
 * changed whole is answered here, the rest by next_in_slow. */
static inline uint32_t
next_in(const struct stretch *s, int right, uint32_t t)
{
	uint32_t hi = s->hi[right];

	if (t < s->lo[right])
		t = s->lo[right];
	if (t >= hi || s->whole[right])
		return t >= hi ? hi : t;
	/* inside the range next_in_slow found last: t itself */
	const struct span *v = s->sp[right];
	if (v && s->cur) {
		size_t c = s->cur[right];
		if (c < s->nsp[right] && v[c].a <= t && t < v[c].b)
			return t;
	}
	return next_in_slow(s, right, t);
}

/* The end of the run of changed tokens of side right of s that holds t,
 * t as next_in gave it (t < s->hi of that side): every token of [t, end)
 * is one next_in would give in turn.  A stretch changed whole is one run
 * to its hi; a range next_in_slow found last runs to its end; else the
 * run is t alone (next_in is asked again after it).  Loops over the
 * changed tokens take a run at a time, not a next_in a token. */
static inline uint32_t
run_end(const struct stretch *s, int right, uint32_t t)
{
	uint32_t hi = s->hi[right];

	if (s->whole[right])
		return hi;
	const struct span *v = s->sp[right];
	if (v && s->cur) {
		size_t c = s->cur[right];
		if (c < s->nsp[right] && v[c].a <= t && t < v[c].b)
			return v[c].b < hi ? v[c].b : hi;
	}
	return t + 1;
}

/* Tokens [*a, *b) of side right of s cut to one place: the pieces of a
 * passage can lie far apart, and what lies between them is no part of the
 * change (nor, when it is most of a book, a thing to show).  A place is a
 * run of changed tokens with gaps of GAP_MAX tokens at most; the one kept
 * holds token key (what the finding is about), or is the first when key
 * is NOKEY or in none. */
static void
shown(const struct stretch *s, int right, uint32_t key, uint32_t *a,
      uint32_t *b)
{
	if (s->whole[right] || *a >= *b)
		return;
	uint32_t t = next_in(s, right, *a), p0 = t, f0 = t, f1 = *b;
	int first = 1;
	while (t < *b) {
		uint32_t u = next_in(s, right, t + 1);
		if (u >= *b || u - t - 1 > GAP_MAX) {
			/* the place [p0, t + 1) ends */
			if (key >= p0 && key <= t) {
				*a = p0;
				*b = t + 1;
				return;
			}
			if (first) {
				f0 = p0;
				f1 = t + 1;
				first = 0;
			}
			p0 = u;
		}
		t = u;
	}
	*a = f0;
	*b = f1;
}

/* Finding type of passage p over the tokens [l0, l1) and [r0, r1) of
 * stretch s, each side cut by shown() to the place of its key (lk, rk).
 * 0 or -1. */
static int
add_shown(struct fx *x, unsigned type, uint32_t p, const struct stretch *s,
          uint32_t l0, uint32_t l1, uint32_t lk, uint32_t r0, uint32_t r1,
          uint32_t rk)
{
	shown(s, 0, lk, &l0, &l1);
	shown(s, 1, rk, &r0, &r1);
	return add(x, type, p, l0, l1, r0, r1);
}

/* Fill the bounds of s. */
static void
stretch_bounds(const struct cmp *c, struct stretch *s)
{
	uint32_t end[2] = {0, 0}; /* where a side's last operation ended */

	for (int r = 0; r < 2; r++) {
		s->lo[r] = UINT32_MAX;
		s->hi[r] = 0;
		s->words[r] = 0;
		s->whole[r] = 1;
	}
	for (size_t k = s->k0; k < s->k1; k++) {
		const struct dop *o = &s->v[k];
		int r = dop_kind(o) == DOP_INSERT;
		uint32_t a = r ? o->b0 : o->a0, b = r ? o->b1 : o->a1;
		if (dop_kind(o) != DOP_INSERT && dop_kind(o) != DOP_DELETE)
			continue;
		if (a < b) {
			if (s->lo[r] != UINT32_MAX && a != end[r])
				s->whole[r] = 0;
			end[r] = b;
			if (a < s->lo[r])
				s->lo[r] = a;
			if (b > s->hi[r])
				s->hi[r] = b;
			s->words[r] += tok_words(side_toks(c, r), a, b);
		}
	}
	for (int r = 0; r < 2; r++)
		if (s->lo[r] == UINT32_MAX)
			s->lo[r] = s->hi[r] = 0;
}

/* Is the folded word b the word a with a negative prefix ("successful",
 * "unsuccessful"; "consistent", "inconsistent")?  The rest at least four
 * letters long, so that "in" + "form" is none. */
static int
negated_by_prefix(const char *a, size_t na, const char *b, size_t nb)
{
	static const struct {
		const char *p;
		size_t n;
	} pre[] = {{"un", 2}, {"in", 2},  {"im", 2},  {"il", 2},
	           {"ir", 2}, {"dis", 3}, {"non", 3}, {"non-", 4}};

	if (na < 4 || nb < na + 2 || nb > na + 4)
		return 0;
	for (size_t i = 0; i < sizeof pre / sizeof *pre; i++) {
		size_t k = pre[i].n;
		if (nb == na + k && memcmp(b, pre[i].p, k) == 0 &&
		    memcmp(b + k, a, na) == 0)
			return 1;
	}
	return 0;
}

/* Could words of na and nb bytes be one the other with a negative
 * prefix, by their lengths alone (negated_by_prefix's first test, either
 * way round)? */
static int
prefix_lengths(size_t na, size_t nb)
{
	return (na >= 4 && nb >= na + 2 && nb <= na + 4) ||
	       (nb >= 4 && na >= nb + 2 && na <= nb + 4);
}

/* Does a short stretch s swap a word for its negative-prefixed form, or
 * the other way?  The two words' tokens in at[0], at[1] if so. */
static int
prefix_negation(const struct fx *x, const struct stretch *s, uint32_t at[2])
{
	if (s->words[0] > SLOT_WORDS || s->words[1] > SLOT_WORDS)
		return 0;
	for (uint32_t a = next_in(s, 0, 0); a < s->hi[0];
	     a = next_in(s, 0, a + 1)) {
		char wa[WORD_MAX], wb[WORD_MAX];
		size_t na = fold(x->c->left, &x->c->lt.v[a], wa, sizeof wa);
		if (!na)
			continue;
		for (uint32_t b = next_in(s, 1, 0); b < s->hi[1];
		     b = next_in(s, 1, b + 1)) {
			/* fold's length is the token's: the words'
			 * lengths first */
			if (!prefix_lengths(na, x->c->rt.v[b].slen))
				continue;
			size_t nb = fold(x->c->right, &x->c->rt.v[b], wb,
			                 sizeof wb);
			if (nb && (negated_by_prefix(wa, na, wb, nb) ||
			           negated_by_prefix(wb, nb, wa, na))) {
				at[0] = a;
				at[1] = b;
				return 1;
			}
		}
	}
	return 0;
}

/* Negative words of side right of passage p. */
static size_t
passage_negatives(struct fx *x, const struct passage *p, int right)
{
	const struct cmp *c = x->c;
	uint32_t at = 0, t0, t1;
	size_t b, n = 0;

	while (psg_next_piece(c, c->ps.mem, p->m0, psg_m1(p), right, &at, &b)) {
		psg_block_tokens(c, b, right, &t0, &t1);
		for (uint32_t t = t0; t < t1; t++)
			n += negative(x, right, t);
	}
	return n;
}

/* Negation: an odd number of negative words on one side of s, an even
 * number on the other, in a passage whose sides hold different numbers
 * of them (a "no" of one clause told as a "not" of another is none).
 * Shown over the changed words of a short stretch, over the negative
 * words alone in a long one. */
static int
find_negation(struct fx *x, uint32_t p, const struct stretch *s)
{
	size_t n[2] = {0, 0};
	uint32_t at[2][2] = {{0, 0}, {0, 0}};

	for (int r = 0; r < 2; r++) {
		/* the ids and their answers read from locals, a run of
		 * changed tokens at a time */
		const uint32_t *id = side_toks(x->c, r)->id;
		const unsigned char *neg = x->neg;
		for (uint32_t t = next_in(s, r, 0); t < s->hi[r];
		     t = next_in(s, r, t))
			for (uint32_t e = run_end(s, r, t); t < e; t++)
				if (neg[id[t]] != 1 && negative_slow(x, r, t)) {
					if (!n[r]++)
						at[r][0] = t;
					at[r][1] = t + 1;
				}
	}
	if (n[0] % 2 == n[1] % 2) {
		uint32_t w[2];
		if (!prefix_negation(x, s, w))
			return 0;
		return add_shown(x, FIND_NEGATION, p, s, s->lo[0], s->hi[0],
		                 w[0], s->lo[1], s->hi[1], w[1]);
	}
	if (!x->pneg_known) {
		const struct passage *ps = &x->c->ps.v[p];
		x->pneg_known = 1;
		x->pneg_differ = passage_negatives(x, ps, 0) !=
		                 passage_negatives(x, ps, 1);
	}
	if (!x->pneg_differ)
		return 0;
	uint32_t lk = n[0] ? at[0][0] : NOKEY, rk = n[1] ? at[1][0] : NOKEY;
	if (s->words[0] <= SLOT_WORDS && s->words[1] <= SLOT_WORDS)
		return add_shown(x, FIND_NEGATION, p, s, s->lo[0], s->hi[0], lk,
		                 s->lo[1], s->hi[1], rk);
	return add_shown(x, FIND_NEGATION, p, s, at[0][0], at[0][1], lk,
	                 at[1][0], at[1][1], rk);
}

static int
by_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Is token t of side right the word a or the word b (case aside)? */
static int
is_word(const struct cmp *c, int right, uint32_t t, const char *a,
        const char *b)
{
	char w[WORD_MAX];
	size_t n = fold(side_text(c, right), &side_toks(c, right)->v[t], w,
	                sizeof w);

	return n && (strcmp(w, a) == 0 || strcmp(w, b) == 0);
}

/* Is "reported" or "claimed" at token t of side right a verb of saying
 * with its speaker ("the Bureau reported that", "has claimed", "police
 * reported the arrest", "..., officials reported.") rather than hearsay
 * ("was reported to", "a reported court order", "reported forced
 * confessions")?  Only hearsay hedges a claim. */
static int
frame_verb(const struct cmp *c, int right, uint32_t t)
{
	const struct toklist *l = side_toks(c, right);

	if (!is_word(c, right, t, "reported", "claimed") || t == 0)
		return 0;
	if (is_word(c, right, t - 1, "was", "were") ||
	    is_word(c, right, t - 1, "is", "are") ||
	    is_word(c, right, t - 1, "be", "been") ||
	    is_word(c, right, t - 1, "being", "being"))
		return 0;
	if (is_word(c, right, t - 1, "has", "have") ||
	    is_word(c, right, t - 1, "had", "had"))
		return 1;
	if (t + 1 >= l->n || l->v[t + 1].kind == TOK_PUNCT)
		return !(l->v[t - 1].kind == TOK_PUNCT &&
		         (l->v[t - 1].flags & TOK_F_STOP));
	/* a verb before its object or clause; else a participle before
	 * its noun */
	return is_word(c, right, t + 1, "that", "the") ||
	       is_word(c, right, t + 1, "a", "an") ||
	       is_word(c, right, t + 1, "its", "their") ||
	       is_word(c, right, t + 1, "his", "her");
}

/* Is the number at token t of side right (qualified by a hedge before it)
 * changed with the stretch s while the other side's changed words hold no
 * number?  Then the number is new or dropped ("almost 35-year" for
 * "EU's"), which its own finding tells; its hedge changes no claim the
 * two sides share. */
static int
new_number(const struct stretch *s, const struct cmp *c, int right, uint32_t t)
{
	int o = !right;

	if (!in_stretch(s, right, t))
		return 0;
	for (uint32_t u = next_in(s, o, 0); u < s->hi[o];
	     u = next_in(s, o, u + 1))
		if (numberish(c, o, u))
			return 0;
	return 1;
}

static int rounds_official(struct fx *x, const struct stretch *s, uint32_t t,
                           const char *cls);

/* Certainty: the hedge classes of the two sides of a short stretch s
 * differ. */
static int
find_certainty(struct fx *x, uint32_t p, const struct stretch *s)
{
	const char *cls[2][ITEMS_MAX];
	size_t n[2] = {0, 0};
	uint32_t key[2] = {NOKEY, NOKEY}; /* a side's first modal */

	/* a clause told afresh changes its modals with its words */
	if (s->words[0] > SLOT_WORDS || s->words[1] > SLOT_WORDS)
		return 0;
	for (int r = 0; r < 2; r++)
		for (uint32_t t = next_in(s, r, 0); t < s->hi[r];
		     t = next_in(s, r, t))
			for (uint32_t e = run_end(s, r, t); t < e; t++) {
				uint32_t len;
				int num;
				const char *h = hedge_at(x, r, t, &len, &num);
				if (!h || frame_verb(x->c, r, t) ||
				    (num && new_number(s, x->c, r, t + len)))
					continue;
				/* "about 10 million" for "9.8 million": the
				 * hedge says the figure is rounded, and changes
				 * no claim */
				if (r == 1 && num &&
				    rounds_official(x, s, t + len, h)) {
					t += len - 1;
					continue;
				}
				if (key[r] == NOKEY)
					key[r] = t;
				/* "will" and "must" are the plain claim's: only
				 * against a hedge do they change it ("may" made
				 * "will"); "could not", "can not" deny as "is
				 * not" does */
				if (strcmp(h, "certain") == 0 ||
				    (len == 1 &&
				     t + 1 < side_toks(x->c, r)->n &&
				     negative(x, r, t + 1) &&
				     is_word(x->c, r, t, "could", "can")))
					continue;
				if (n[r] < ITEMS_MAX)
					cls[r][n[r]++] = h;
				t += len - 1;
			}
	if (n[0] == 0 && n[1] == 0)
		return 0;
	qsort(cls[0], n[0], sizeof *cls[0], by_str);
	qsort(cls[1], n[1], sizeof *cls[1], by_str);
	if (n[0] == n[1]) {
		size_t i = 0;
		while (i < n[0] && strcmp(cls[0][i], cls[1][i]) == 0)
			i++;
		if (i == n[0])
			return 0;
	}
	return add_shown(x, FIND_CERTAINTY, p, s, s->lo[0], s->hi[0], key[0],
	                 s->lo[1], s->hi[1], key[1]);
}

/* A value or a name of one side of a stretch. */
struct item {
	char key[VALUE_KEY_MAX];
	int kind;
	uint32_t t0, t1;
	int used;
};

#define VSTART_RAW0 0x80 /* x->vstart: a plural value_may_start refused */

/* vstart_of for a word not asked before (out of line: its buffers'
 * frame is set up once an id). */
static __attribute__((noinline)) unsigned
vstart_new(struct fx *x, int right, uint32_t t)
{
	const struct toklist *l = side_toks(x->c, right);
	uint32_t id = l->id[t];
	char w[WORD_MAX], d[24];
	size_t n = fold(side_text(x->c, right), &l->v[t], w, sizeof w);
	int v = value_may_start(side_text(x->c, right), &l->v[t]);
	unsigned raw0 = 0;

	/* and plurals of number words: "thousands" */
	if (!v && n > 1 && w[n - 1] == 's' &&
	    lex_number(w, n - 1, d, sizeof d)) {
		v = VALUE_START_ANY;
		raw0 = VSTART_RAW0;
	}
	x->vstart[id] = (unsigned char)((1 + v) | raw0);
	return x->vstart[id];
}

/* value_may_start of token t of side right, kept per id in x->vstart:
 * 1 + may_start's answer (which counts a plural of a number word,
 * "thousands", as a start), with VSTART_RAW0 set when value_may_start
 * itself said VALUE_START_NEVER for such a plural. */
static unsigned
vstart_of(struct fx *x, int right, uint32_t t)
{
	uint32_t id = side_toks(x->c, right)->id[t];

	return x->vstart[id] ? x->vstart[id] : vstart_new(x, right, t);
}

/* value_may_start of token t of side right, plurals of number words
 * counted as VALUE_START_ANY, kept per id. */
static int
may_start(struct fx *x, int right, uint32_t t)
{
	return (int)(vstart_of(x, right, t) & ~VSTART_RAW0) - 1;
}

/* value_may_start of token t of side right itself, kept per id. */
static int
raw_start(struct fx *x, int right, uint32_t t)
{
	unsigned v = vstart_of(x, right, t);
	return v & VSTART_RAW0 ? VALUE_START_NEVER : (int)v - 1;
}

/* The value read at token i of side right (value.h, or a number word
 * alone, or a plural scale word), into *it; the tokens it spans, or 0. */
static size_t
read_value(struct fx *x, int right, uint32_t i, struct item *it)
{
	const struct cmp *c = x->c;
	const struct toklist *l = side_toks(c, right);
	const struct text *t = side_text(c, right);
	struct value v;
	char w[WORD_MAX];
	size_t wn, n = 0;

	/* value_may_start is cheap; value_read is not */
	if (l->v[i].kind == TOK_NUMBER || may_start(x, right, i))
		n = value_read(t, l, i, l->n, &v);
	if (n) {
		memcpy(it->key, v.key, v.len + 1);
		it->kind = v.kind;
		it->t0 = i;
		it->t1 = (uint32_t)(i + n);
		return n;
	}
	if (l->v[i].kind == TOK_NUMBER) {
		/* one value.h leaves alone ("9:30", full-width digits): its
		 * comparison key, where digits are digits */
		size_t kn;
		const char *key = intern_key(c->in, l->id[i], &kn);
		if (kn >= sizeof it->key)
			return 0;
		memcpy(it->key, key, kn);
		it->key[kn] = '\0';
		it->kind = VALUE_NUMBER;
		it->t0 = i;
		it->t1 = i + 1;
		return 1;
	}
	if (l->v[i].kind != TOK_WORD || !may_start(x, right, i))
		return 0;
	wn = fold(t, &l->v[i], w, sizeof w);
	if (!wn || w[0] < 'a' || w[0] > 'z')
		return 0;
	size_t d = lex_number(w, wn, it->key, sizeof it->key - 2);
	if (!d && wn > 1 && w[wn - 1] == 's' &&
	    (d = lex_number(w, wn - 1, it->key, sizeof it->key - 2)) > 0)
		it->key[d++] = 's'; /* "thousands" */
	if (!d)
		return 0;
	it->key[d] = '\0';
	it->kind = VALUE_NUMBER;
	it->t0 = i;
	it->t1 = i + 1;
	return 1;
}

/* Could a value start at one of the tokens [a, b) of side right (its
 * list l): is one a number, or a word a value may start with
 * (may_start)? */
static int
starts_in(struct fx *x, int right, const struct toklist *l, uint32_t a,
          uint32_t b)
{
	for (uint32_t t = a; t < b; t++)
		if (l->v[t].kind == TOK_NUMBER ||
		    (l->v[t].kind == TOK_WORD && may_start(x, right, t)))
			return 1;
	return 0;
}

/* Could a value touch the changed tokens of side right of s: is one of
 * them a number, a month or weekday, a number or currency word?  The
 * changed ranges are read one after another (each is one operation of
 * the stretch), not token by token through next_in. */
static int
maybe_values(struct fx *x, int right, const struct stretch *s)
{
	const struct toklist *l = side_toks(x->c, right);
	enum dop_kind kind = right ? DOP_INSERT : DOP_DELETE;

	if (s->whole[right])
		return starts_in(x, right, l, s->lo[right], s->hi[right]);
	for (size_t k = s->k0; k < s->k1; k++) {
		const struct dop *o = &s->v[k];
		if (dop_kind(o) == kind &&
		    starts_in(x, right, l, right ? o->b0 : o->a0,
		              right ? o->b1 : o->a1))
			return 1;
	}
	return 0;
}

/* The values of side right that touch the changed tokens of s. */
static size_t
stretch_values(struct fx *x, int right, const struct stretch *s,
               struct item *out)
{
	size_t n = 0;
	uint32_t i = s->lo[right] > VALUE_SPAN_MAX - 1
	                     ? s->lo[right] - (VALUE_SPAN_MAX - 1)
	                     : 0;

	if (s->lo[right] == s->hi[right])
		return 0;
	const struct toklist *l = side_toks(x->c, right);
	while (i < s->hi[right] && n < ITEMS_MAX) {
		/* a gap between the stretch's pieces is jumped, and the
		 * reading starts again as far before the next piece as it
		 * started before the first */
		if (!s->whole[right]) {
			uint32_t c = next_in(s, right, i);
			if (c > i + (VALUE_SPAN_MAX - 1))
				i = c - (VALUE_SPAN_MAX - 1);
			if (c >= s->hi[right])
				break;
		}
		/* no value starts where value_may_start is known to say
		 * none does, but at a number (read_value gives 0) */
		if (l->v[i].kind != TOK_NUMBER && x->vstart[l->id[i]] == 1) {
			i++;
			continue;
		}
		struct item it = {0};
		size_t len = read_value(x, right, i, &it);
		if (!len) {
			i++;
			continue;
		}
		for (uint32_t t = it.t0; t < it.t1; t++)
			if (in_stretch(s, right, t)) {
				out[n++] = it;
				break;
			}
		i += (uint32_t)len;
	}
	return n;
}

/* The direction a number's hedge of class cls rounds in, as
 * value_rounds takes it ("more than" down, "up to" up, "about" to the
 * nearest), or 2 for a class that tells no rounding. */
static int
round_dir(const char *cls)
{
	if (strcmp(cls, "approx") == 0)
		return 0;
	if (strcmp(cls, "atleast") == 0)
		return -1;
	if (strcmp(cls, "atmost") == 0)
		return 1;
	return 2;
}

/* The class of the number's hedge that ends just before rewrite token
 * t0 ("about", "more than"), or NULL. */
static const char *
hedge_before(struct fx *x, uint32_t t0)
{
	for (uint32_t back = 1; back <= 2 && t0 >= back; back++) {
		uint32_t len;
		int num;
		const char *h = hedge_at(x, 1, t0 - back, &len, &num);
		if (h && num && len == back)
			return h;
	}
	return NULL;
}

/* Is the official value a four plain digits, as a year is written
 * ("2019", not "1,987")? */
static int
year_like(const struct fx *x, const struct item *a)
{
	const struct toklist *l = side_toks(x->c, 0);
	const struct text *t = side_text(x->c, 0);
	const struct tok *k = &l->v[a->t0];

	if (a->t1 - a->t0 != 1 || k->kind != TOK_NUMBER || k->slen != 4)
		return 0;
	for (uint32_t i = 0; i < 4; i++)
		if (t->buf[k->off + i] < '0' || t->buf[k->off + i] > '9')
			return 0;
	return 1;
}

/* Is the rewrite's value b, after a hedge of class cls, the official
 * value a rounded as the hedge says?  Never a year: "around 2020" for
 * 2019 names another year. */
static int
told_rounded(const struct fx *x, const struct item *a, const struct item *b,
             const char *cls)
{
	int dir = cls ? round_dir(cls) : 2;
	return dir != 2 && a->kind == b->kind && !year_like(x, a) &&
	       value_rounds(a->key, b->key, dir);
}

/* Is the value at rewrite token t, after a hedge of class cls, a value
 * of the official side of s rounded as the hedge says? */
static int
rounds_official(struct fx *x, const struct stretch *s, uint32_t t,
                const char *cls)
{
	struct item told = {0}, a[ITEMS_MAX];

	if (round_dir(cls) == 2 || t >= side_toks(x->c, 1)->n ||
	    !read_value(x, 1, t, &told) || told.t0 != t)
		return 0;
	size_t na = stretch_values(x, 0, s, a);
	for (size_t i = 0; i < na; i++)
		if (told_rounded(x, &a[i], &told, cls))
			return 1;
	return 0;
}

/* How many values of key k the passage's side right holds. */
static size_t
passage_values(struct fx *x, const struct passage *p, int right, const char *k)
{
	const struct cmp *c = x->c;
	uint32_t at = 0, t0, t1;
	size_t b, n = 0;

	while (psg_next_piece(c, c->ps.mem, p->m0, psg_m1(p), right, &at, &b)) {
		psg_block_tokens(c, b, right, &t0, &t1);
		for (uint32_t i = t0; i < t1;) {
			struct item it = {0};
			size_t len = read_value(x, right, i, &it);
			n += len && strcmp(it.key, k) == 0;
			i += len ? (uint32_t)len : 1;
		}
	}
	return n;
}

/* Is the rewrite's value told, after a hedge that says it is rounded
 * ("about", "more than"), a value of the passage's official side rounded
 * as the hedge says? */
static int
passage_rounds(struct fx *x, const struct passage *p, const struct item *told)
{
	const struct cmp *c = x->c;
	const char *cls = hedge_before(x, told->t0);
	uint32_t at = 0, t0, t1;
	size_t b;

	if (!cls || round_dir(cls) == 2)
		return 0;
	while (psg_next_piece(c, c->ps.mem, p->m0, psg_m1(p), 0, &at, &b)) {
		psg_block_tokens(c, b, 0, &t0, &t1);
		for (uint32_t i = t0; i < t1;) {
			struct item it = {0};
			size_t len = read_value(x, 0, i, &it);
			if (len && told_rounded(x, &it, told, cls))
				return 1;
			i += len ? (uint32_t)len : 1;
		}
	}
	return 0;
}

/* Is a stretch of a passage that keeps a word or a value or not (kept),
 * with these items, one slot for a pair of kind k?  A short stretch
 * always; a long one when k is the one of its kind a side, and the
 * passage keeps something (two sentences that share nothing hold no slot
 * where one figure or name took another's place). */
static int
one_slot(const struct stretch *s, int kept, const struct item *a, size_t na,
         const struct item *b, size_t nb, int kind)
{
	size_t ka = 0, kb = 0;

	if (s->words[0] <= SLOT_WORDS && s->words[1] <= SLOT_WORDS)
		return 1;
	if (!kept)
		return 0;
	for (size_t i = 0; i < na; i++)
		ka += !a[i].used && a[i].kind == kind;
	for (size_t i = 0; i < nb; i++)
		kb += !b[i].used && b[i].kind == kind;
	return ka == 1 && kb == 1;
}

/* The unit of an amount's key (value.h): "%" of "13%", "USD" of
 * "1500000 USD"; "" when it has none. */
static const char *
amount_unit(const char *key)
{
	const char *u = strchr(key, ' ');
	size_t n = strlen(key);

	if (u)
		return u + 1;
	return n && key[n - 1] == '%' ? key + n - 1 : key + n;
}

/* Does one name key start the other ("US" and "US-Russia", "Jordan" and
 * "Jordanian"): one name, or a word made of it? */
static int
key_prefix(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	return na >= 2 && nb >= 2 && memcmp(a, b, na < nb ? na : nb) == 0;
}

/* The country (lex_place) that tokens [t0, t1) of side right name, as
 * name, demonym or capital standing for its government ("Mexican",
 * "United States", "Moscow's", "Moscow said"; not "in Harare", a place):
 * its number, or -1.  ASCII names only, which every entry is. */
static int
place_of(const struct cmp *c, int right, uint32_t t0, uint32_t t1)
{
	const struct toklist *l = side_toks(c, right);
	const struct text *tx = side_text(c, right);
	char key[VALUE_KEY_MAX];
	size_t n = 0;

	for (uint32_t t = t0; t < t1; t++) {
		const struct tok *k = &l->v[t];
		const char *w = (const char *)tx->buf + k->off;
		size_t len = t + 1 == t1 ? unpossess(w, tok_len(l, t))
		                         : tok_len(l, t);
		if (k->kind == TOK_PUNCT && k->slen == 1 && w[0] == '.')
			continue; /* "U.S." */
		if (k->kind != TOK_WORD)
			return -1;
		for (size_t j = 0; j < len; j++) {
			unsigned char ch = (unsigned char)w[j];
			if (ch >= 0x80 || n + 1 >= sizeof key)
				return -1;
			if (ch >= 'A' && ch <= 'Z')
				key[n++] = (char)(ch + 32);
			else if ((ch >= 'a' && ch <= 'z') ||
			         (ch >= '0' && ch <= '9'))
				key[n++] = (char)ch;
		}
	}
	int kind, g = n ? lex_place(key, n, &kind) : -1;
	if (g < 0 || kind != LEX_CAPITAL)
		return g;
	/* a capital: for its government when possessive or saying */
	const struct tok *last = &l->v[t1 - 1];
	char w[WORD_MAX];
	size_t wn;
	if (unpossess((const char *)tx->buf + last->off, tok_len(l, t1 - 1)) <
	    tok_len(l, t1 - 1))
		return g;
	if (t1 < l->n && (wn = fold(tx, &l->v[t1], w, sizeof w)) > 0 &&
	    lex_is_frame(w, wn) == LEX_FRAME_VERB)
		return g;
	return -1;
}

/* Token t of the official text appended, whole, to pre[0..*n), the key
 * place_of builds of the tokens before it, as place_of appends a word
 * that is not the last of its run; 1 when some country's name starts
 * with the result, 0 when none does or place_of would give -1 for every
 * run going through t (a token neither a word nor a full stop, a byte
 * beyond ASCII, too long a key). */
static int
place_prefix(const struct cmp *c, uint32_t t, char *pre, size_t *n)
{
	const struct tok *k = &c->lt.v[t];
	const char *w = (const char *)c->left->buf + k->off;

	size_t len = tok_len(&c->lt, t);

	if (k->kind == TOK_PUNCT && len == 1 && w[0] == '.')
		return *n == 0 || lex_place_prefix(pre, *n);
	if (k->kind != TOK_WORD)
		return 0;
	for (size_t j = 0; j < len; j++) {
		unsigned char ch = (unsigned char)w[j];
		if (ch >= 0x80 || *n + 1 >= VALUE_KEY_MAX)
			return 0;
		if (ch >= 'A' && ch <= 'Z')
			pre[(*n)++] = (char)(ch + 32);
		else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			pre[(*n)++] = (char)ch;
	}
	return *n == 0 || lex_place_prefix(pre, *n);
}

/* Is the name of tokens [t0, t1) of side right one word written as an
 * abbreviation, with its period ("Ft.", "Md.", "Calif.")? */
static int
abbreviated(const struct cmp *c, int right, uint32_t t0, uint32_t t1)
{
	const struct toklist *l = side_toks(c, right);

	return t1 == t0 + 1 && t1 < l->n && l->v[t1].kind == TOK_PUNCT &&
	       !l->v[t1].space && tok_len(l, t1) == 1 &&
	       side_text(c, right)->buf[l->v[t1].off] == '.';
}

/* Is the name key a an abbreviation of the name key b: two to five
 * letters, b's first and the rest of them found in b in order ("ft" of
 * "fort", "md" of "maryland", "tenn" of "tennessee")?  For a key written
 * as an abbreviation (abbreviated). */
static int
abbreviation_of(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), j = 1;

	if (na < 2 || na > 5 || nb <= na || a[0] != b[0])
		return 0;
	for (size_t i = 1; i < na; i++) {
		while (j < nb && b[j] != a[i])
			j++;
		if (j == nb)
			return 0;
		j++;
	}
	return 1;
}

/* Are two name keys one name spelled another way: at most one edit
 * apart, two for keys of eight bytes or more ("Asad" and "Assad")? */
static int
near_spelling(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), d[VALUE_KEY_MAX + 1];
	size_t lim = na >= 8 && nb >= 8 ? 2 : 1;

	if (na < 4 || nb < 4 || (na > nb ? na - nb : nb - na) > lim)
		return 0;
	for (size_t j = 0; j <= nb; j++)
		d[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = d[0], low = i;
		d[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = d[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (d[j - 1] + 1 < best)
				best = d[j - 1] + 1;
			d[j] = best;
			diag = up;
			low = best < low ? best : low;
		}
		/* each cell of the next row is at least the least of this
		 * row's (a step adds 0 or 1 to a cell above or beside): once
		 * that is over lim, so is the last */
		if (low > lim)
			return 0;
	}
	return d[nb] <= lim;
}

static int
by_key(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Is key the name key of a capitalised word of the official text? */
static int
official_key(const struct fx *x, const char *key)
{
	return x->nokeys &&
	       bsearch(key, x->okeys, x->nokeys, sizeof *x->okeys, by_key);
}

/* A key's bytes as bits (byte c sets bit c & 63) and its length. */
struct key_sum {
	uint64_t bits;
	size_t len;
};

/* The key_sum of the key k. */
static struct key_sum
key_sum_of(const char *k)
{
	struct key_sum m = {0, 0};

	for (; k[m.len]; m.len++)
		m.bits |= (uint64_t)1 << ((unsigned char)k[m.len] & 63);
	return m;
}

/* Can the keys summed by a and b be near_spelling's at all?  Their
 * lengths as near_spelling asks, and their bits: a byte of one whose bit
 * the other lacks is in no byte of the other, so each edit script
 * deletes or changes it (or inserts it), one edit each; more such bits
 * than the edits allowed and the keys are farther apart. */
static int
near_sums(struct key_sum a, struct key_sum b)
{
	size_t lim = a.len >= 8 && b.len >= 8 ? 2 : 1;

	return a.len >= 4 && b.len >= 4 &&
	       (a.len > b.len ? a.len - b.len : b.len - a.len) <= lim &&
	       (size_t)__builtin_popcountll(a.bits & ~b.bits) <= lim &&
	       (size_t)__builtin_popcountll(b.bits & ~a.bits) <= lim;
}

/* Is key one letter or so from the name key of a capitalised word of the
 * official text ("Assad" and "Asad")?  Looked for only in texts of a few
 * thousand such words.  The official keys' sums are made here the first
 * time (x->oksum); without the memory for them each is summed as it is
 * asked, with the same answers. */
static int
official_near(struct fx *x, const char *key)
{
	if (official_key(x, key))
		return 1;
	if (x->nokeys > 5000)
		return 0;
	if (!x->oksum && x->nokeys) {
		x->oksum = malloc(x->nokeys * sizeof *x->oksum);
		for (size_t i = 0; x->oksum && i < x->nokeys; i++)
			x->oksum[i] = key_sum_of(x->okeys[i]);
	}
	struct key_sum ks = key_sum_of(key);
	size_t n = ks.len;
	for (size_t i = 0; i < x->nokeys; i++) {
		struct key_sum os =
		        x->oksum ? x->oksum[i] : key_sum_of(x->okeys[i]);
		size_t m = os.len;
		/* a plural is another word: "State", "States" */
		if ((m == n + 1 && x->okeys[i][n] == 's') ||
		    (n == m + 1 && key[m] == 's'))
			continue;
		if (near_sums(os, ks) && near_spelling(x->okeys[i], key))
			return 1;
	}
	return 0;
}

/* Is name item a (tokens of side sa) an acronym of name item b (of side
 * sb), or the other way round: "ISIS" and "Islamic State", "UN" and
 * "United Nations"?  The initials of the longer, capitals only, start
 * the acronym or the acronym starts them. */
static int
acronym_of(const struct cmp *c, int sa, const struct item *a, int sb,
           const struct item *b)
{
	const struct toklist *la = side_toks(c, sa), *lb = side_toks(c, sb);
	const struct text *ta = side_text(c, sa), *tb = side_text(c, sb);
	char ini[ITEMS_MAX];
	size_t n = 0;

	if (a->t1 - a->t0 != 1)
		return b->t1 - b->t0 == 1 && acronym_of(c, sb, b, sa, a);
	const struct tok *k = &la->v[a->t0];
	char acr[16];
	size_t na = 0, klen = unpossess((const char *)ta->buf + k->off,
	                                tok_len(la, a->t0));
	if (klen > sizeof acr)
		return 0;
	for (size_t j = 0; j < klen; j++) { /* "U.S." is "US" */
		unsigned char ch = ta->buf[k->off + j];
		if (ch == '.')
			continue;
		if (ch < 'A' || ch > 'Z')
			return 0;
		acr[na++] = (char)ch;
	}
	if (na < 2)
		return 0;
	/* initials, and every letter of a word in capitals ("UN") */
	for (uint32_t t = b->t0; t < b->t1 && n < sizeof ini; t++) {
		const struct tok *w = &lb->v[t];
		const unsigned char *s = tb->buf + w->off;
		size_t caps = 0, len = tok_len(lb, t);
		if (w->kind != TOK_WORD || !(w->flags & TOK_F_UPPER))
			continue;
		while (caps < len && s[caps] >= 'A' && s[caps] <= 'Z')
			caps++;
		if (caps < len)
			caps = 1;
		for (size_t j = 0; j < caps && n < sizeof ini; j++)
			ini[n++] = (char)s[j];
	}
	if (n < 2)
		return 0;
	size_t m = n < na ? n : na;
	return memcmp(ini, acr, m) == 0;
}

static int only_titles(const struct cmp *c, int right, uint32_t t0,
                       uint32_t t1);

/* Does a name's word t of side right stand before it as a title or as
 * what makes one ("Acting", "Interim", "Former")? */
static int
title_word(const struct cmp *c, int right, uint32_t t)
{
	static const char *const mod[] = {"acting", "former", "interim"};
	char w[WORD_MAX];
	size_t n = fold(side_text(c, right), &side_toks(c, right)->v[t], w,
	                sizeof w);

	for (size_t i = 0; n && i < sizeof mod / sizeof *mod; i++)
		if (strlen(mod[i]) == n && memcmp(mod[i], w, n) == 0)
			return 1;
	return only_titles(c, right, t, t + 1);
}

/* Are name items a (official) and b (rewrite) one name and its acronym
 * once the titles that open them are left out ("Acting United States"
 * and "U.S.")? */
static int
untitled_acronym(const struct cmp *c, const struct item *a,
                 const struct item *b)
{
	struct item ua = *a, ub = *b;

	while (ua.t1 - ua.t0 > 1 && title_word(c, 0, ua.t0))
		ua.t0++;
	while (ub.t1 - ub.t0 > 1 && title_word(c, 1, ub.t0))
		ub.t0++;
	return (ua.t0 != a->t0 || ub.t0 != b->t0) &&
	       acronym_of(c, 0, &ua, 1, &ub);
}

/* Pair the unused items of a and b of one kind, in order, as findings of
 * type; for values, not one the other side of the passage has elsewhere
 * (it moved). */
static int
pair_items(struct fx *x, uint32_t p, const struct stretch *s, unsigned type,
           struct item *a, size_t na, struct item *b, size_t nb)
{
	const struct passage *ps = &x->c->ps.v[p];

	/* one key on both sides: not changed (and the two sides are one
	 * sentence told again, though they keep no word) */
	int kept = x->pkept;
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (!b[j].used && strcmp(a[i].key, b[j].key) == 0) {
				/* one already kept elsewhere still takes its
				 * copy out of the pairing */
				kept = a[i].used = b[j].used = 1;
				break;
			}
	for (size_t i = 0; i < na; i++) {
		if (a[i].used)
			continue;
		for (size_t j = 0; j < nb; j++) {
			if (b[j].used || b[j].kind != a[i].kind)
				continue;
			if (!one_slot(s, kept, a, na, b, nb, a[i].kind))
				break;
			int pa = type == FIND_NAME
			                 ? place_of(x->c, 0, a[i].t0, a[i].t1)
			                 : -1;
			int pb = type == FIND_NAME
			                 ? place_of(x->c, 1, b[j].t0, b[j].t1)
			                 : -1;
			/* a country, or its people, is not what replaced a
			 * body or a person ("United States" told as "the
			 * Supreme Court", "U.S. officials" for the Committee):
			 * the other is new if the official text lacks it */
			if ((pa >= 0) != (pb >= 0))
				continue;
			/* in a long stretch, a percentage is no sum's
			 * replacement: amounts of one unit only */
			if (type == FIND_VALUE && a[i].kind == VALUE_AMOUNT &&
			    (s->words[0] > SLOT_WORDS ||
			     s->words[1] > SLOT_WORDS) &&
			    strcmp(amount_unit(a[i].key),
			           amount_unit(b[j].key)) != 0)
				break;
			a[i].used = b[j].used = 1;
			if (type == FIND_NAME &&
			    ((pa >= 0 && pa == pb) ||
			     acronym_of(x->c, 0, &a[i], 1, &b[j]) ||
			     untitled_acronym(x->c, &a[i], &b[j]) ||
			     near_spelling(a[i].key, b[j].key) ||
			     key_prefix(a[i].key, b[j].key) ||
			     (abbreviated(x->c, 0, a[i].t0, a[i].t1) &&
			      abbreviation_of(a[i].key, b[j].key)) ||
			     (abbreviated(x->c, 1, b[j].t0, b[j].t1) &&
			      abbreviation_of(b[j].key, a[i].key))))
				break;
			/* a value the other side has as often moved there:
			 * it is no one's replacement */
			if (type == FIND_VALUE &&
			    (passage_values(x, ps, 0, b[j].key) >=
			             passage_values(x, ps, 1, b[j].key) ||
			     passage_values(x, ps, 1, a[i].key) >=
			             passage_values(x, ps, 0, a[i].key)))
				break;
			/* "about 10 million" for "9.8 million" is the same
			 * figure, rounded */
			if (type == FIND_VALUE &&
			    told_rounded(x, &a[i], &b[j],
			                 hedge_before(x, b[j].t0)))
				break;
			if (add(x, type, p, a[i].t0, a[i].t1, b[j].t0,
			        b[j].t1) < 0)
				return -1;
			break;
		}
	}
	return 0;
}

static int
find_values(struct fx *x, uint32_t p, const struct stretch *s)
{
	struct item a[ITEMS_MAX], b[ITEMS_MAX];
	size_t na, nb;

	if (!maybe_values(x, 0, s) && !maybe_values(x, 1, s))
		return 0;
	/* the rewrite's not read when the official side has none */
	if (!(na = stretch_values(x, 0, s, a)) ||
	    !(nb = stretch_values(x, 1, s, b)))
		return 0;
	return pair_items(x, p, s, FIND_VALUE, a, na, b, nb);
}

static uint32_t seg_of(const struct seglist *l, uint32_t t);

/* seg_of(&x->c->rs, t), the segment found last tried first: the words
 * asked about come in runs of one sentence. */
static inline uint32_t
rseg_of(struct fx *x, uint32_t t)
{
	const struct seglist *l = &x->c->rs;
	uint32_t s = x->rseg;

	/* s is seg_of's answer when it is the last segment starting at or
	 * before t (the starts never fall) */
	if (s < l->n && l->v[s].t0 <= t &&
	    (s + 1 >= l->n || t < l->v[s + 1].t0))
		return s;
	return x->rseg = seg_of(l, t);
}

/* name_word, for a capitalised word (out of line: see name_word). */
static __attribute__((noinline)) int
name_word_slow(struct fx *x, int right, uint32_t t)
{
	const struct toklist *l = side_toks(x->c, right);

	/* a month or weekday is a date's word: a value; "Fahrenheit" a
	 * unit's (value_may_start first: it is kept per id) */
	if (raw_start(x, right, t) != 0 ||
	    is_init(right ? x->rinit : x->linit, t))
		return 0;
	if (right && x->rtitle[rseg_of(x, t)])
		return 0;
	return !value_unit_word(side_text(x->c, right), l, t);
}

/* Is token t of side right a word of a name: capitalised, not at the
 * start of a sentence, not in a title-case line of the rewrite (a
 * headline capitalises every word), not a month or weekday?  The
 * capital is tested here, the rest out of line (name_word_slow: its
 * value tests' buffers are set up only for capitalised words). */
static inline int
name_word(struct fx *x, int right, uint32_t t)
{
	const struct tok *k = &side_toks(x->c, right)->v[t];

	if (k->kind != TOK_WORD || !(k->flags & TOK_F_UPPER))
		return 0;
	return name_word_slow(x, right, t);
}

/* Is the folded word w a connector inside a name ("Ministry of Foreign
 * Affairs")?  Not "and", which joins two names as often as it stands in
 * one. */
static int
connector(const char *w, size_t n)
{
	return (n == 2 && (memcmp(w, "of", 2) == 0 || memcmp(w, "de", 2) == 0 ||
	                   memcmp(w, "on", 2) == 0)) ||
	       (n == 3 &&
	        (memcmp(w, "the", 3) == 0 || memcmp(w, "for", 3) == 0));
}

/* The last name keys that took uni_key (word_name_key), by the word's
 * bytes: a slot holds up to NAME_MEMO_SRC bytes of a word (n, 0 when the
 * slot is empty) and the key they gave (klen bytes, under NAME_BUF).  The
 * key is a function of the bytes alone (the flags never change), so a slot
 * stays right across texts and runs; one table per thread, as
 * comparisons may run side by side.  Mostly words with a curly
 * apostrophe (U+2019: WEB's possessives), each met again and again. */
#define NAME_MEMO     64
#define NAME_MEMO_SRC 30
#define NAME_MEMO_KEY 32
struct name_memo {
	unsigned char n, klen;
	unsigned char src[NAME_MEMO_SRC];
	char key[NAME_MEMO_KEY];
};
static _Thread_local struct name_memo name_memo[NAME_MEMO];

/* The slot of the n bytes at s in name_memo (FNV-1a). */
static size_t
name_memo_slot(const unsigned char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 16777619u;
	return h % NAME_MEMO;
}

/* The key of the n bytes at s when name_memo holds it: copied into buf
 * (room NAME_BUF) with a NUL after it, its length in *len; 1, else 0. */
static int
name_memo_get(const unsigned char *s, size_t n, char *buf, size_t *len)
{
	if (!n || n > NAME_MEMO_SRC)
		return 0;
	const struct name_memo *m = &name_memo[name_memo_slot(s, n)];
	if (m->n != n || memcmp(m->src, s, n) != 0)
		return 0;
	memcpy(buf, m->key, m->klen);
	buf[m->klen] = '\0';
	*len = m->klen;
	return 1;
}

/* Keep key[0..klen), the key uni_key gave the n bytes at s, in name_memo
 * when both fit (else nothing). */
static void
name_memo_put(const unsigned char *s, size_t n, const char *key, size_t klen)
{
	if (!n || n > NAME_MEMO_SRC || klen >= NAME_MEMO_KEY)
		return;
	struct name_memo *m = &name_memo[name_memo_slot(s, n)];
	m->n = (unsigned char)n;
	memcpy(m->src, s, n);
	m->klen = (unsigned char)klen;
	memcpy(m->key, key, klen);
}

/* The name key of token k of text tx when it is a word or a number: case
 * folded, accents dropped, a possessive's "'s" left out, in *key, its
 * length in *len.  A key of printable ASCII shorter than NAME_BUF bytes is
 * written to buf (*key == buf: uni_key's lower-casing without its
 * allocation, for every word of the official text); any other is
 * allocated, and the caller frees it when *key != buf.  1; 0 when k is no
 * word; -1 when memory ran out. */
#define NAME_BUF 64
static int
word_name_key(const struct text *tx, const struct toklist *l, uint32_t t,
              char buf[NAME_BUF], char **key, size_t *len)
{
	const struct tok *k = &l->v[t];
	const unsigned char *s = tx->buf + k->off;
	size_t n = tok_len(l, t), i;

	if (k->kind != TOK_WORD && k->kind != TOK_NUMBER)
		return 0;
	for (i = 0; i < n && n < NAME_BUF && s[i] >= 0x20 && s[i] < 0x7F; i++)
		buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + ('a' - 'A')
		                                           : s[i]);
	if (n && i == n) {
		buf[n] = '\0';
		*key = buf;
	} else if (name_memo_get(s, n, buf, &n)) {
		*key = buf;
	} else {
		size_t m = n;
		if (uni_key(s, n, UNI_KEY_FOLD | UNI_KEY_CASE | UNI_KEY_MARKS,
		            key, &n) < 0)
			return -1;
		name_memo_put(s, m, *key, n);
	}
	*len = unpossess(*key, n);
	return 1;
}

/* The comparison key of a name over tokens [t0, t1) of side right: its
 * letters and digits, case folded and accents dropped, possessive and
 * spaces and hyphens left out ("Secretary-General" = "Secretary General",
 * "López" = "Lopez").  Writes at most cap bytes; returns the length, 0
 * when memory ran out. */
static size_t
name_key(const struct cmp *c, int right, uint32_t t0, uint32_t t1, char *out,
         size_t cap)
{
	const struct toklist *l = side_toks(c, right);
	const struct text *tx = side_text(c, right);
	size_t n = 0;

	for (uint32_t t = t0; t < t1; t++) {
		char buf[NAME_BUF], *key;
		size_t len;
		int w = word_name_key(tx, l, t, buf, &key, &len);
		if (w < 0)
			return 0;
		if (!w)
			continue;
		for (size_t j = 0; j < len && n + 1 < cap; j++) {
			unsigned char ch = (unsigned char)key[j];
			/* a dotless i (U+0131), which no mark makes an i */
			if (ch == 0xC4 && j + 1 < len &&
			    (unsigned char)key[j + 1] == 0xB1) {
				out[n++] = 'i';
				j++;
			} else if (ch >= 0x80 || (ch >= 'a' && ch <= 'z') ||
			           (ch >= '0' && ch <= '9')) {
				out[n++] = (char)ch;
			}
		}
		if (key != buf)
			free(key);
	}
	out[n] = '\0';
	return n ? n : 1;
}

/* Is every word of tokens [t0, t1) of side right a title? */
static int
only_titles(const struct cmp *c, int right, uint32_t t0, uint32_t t1)
{
	const struct toklist *l = side_toks(c, right);
	char w[WORD_MAX];

	for (uint32_t t = t0; t < t1; t++) {
		size_t n = fold(side_text(c, right), &l->v[t], w, sizeof w);
		if (l->v[t].kind == TOK_PUNCT)
			continue;
		if (!n || !lex_is_title(w, n))
			return 0;
	}
	return 1;
}

/* The segment of seglist l that holds token t. */
static uint32_t
seg_of(const struct seglist *l, uint32_t t)
{
	size_t lo = 0, hi = l->n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->v[mid].t0 <= t)
			lo = mid;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

/* How often id stands on side right of passage p. */
static size_t
passage_count(const struct cmp *c, uint32_t p, int right, uint32_t id)
{
	const struct passage *ps = &c->ps.v[p];
	const struct toklist *l = side_toks(c, right);
	uint32_t at = 0, t0, t1;
	size_t b, n = 0;

	while (psg_next_piece(c, c->ps.mem, ps->m0, psg_m1(ps), right, &at,
	                      &b)) {
		psg_block_tokens(c, b, right, &t0, &t1);
		for (uint32_t t = t0; t < t1; t++)
			n += l->id[t] == id;
	}
	return n;
}

/* Does passage p's rewrite name the official name item a at least want
 * times: its last word, a possessive of it ("Commission's" for
 * "Commission") or its acronym ("U.S." for "United States"), counted by
 * token?  The count stops once it reaches want. */
static int
rewrite_names(const struct cmp *c, uint32_t p, const struct item *a,
              size_t want)
{
	const struct passage *ps = &c->ps.v[p];
	const char *ob = (const char *)c->left->buf;
	const struct tok *ok = &c->lt.v[a->t1 - 1];
	size_t on = unpossess(ob + ok->off, tok_len(&c->lt, a->t1 - 1)), n = 0;
	uint32_t at = 0, t0, t1;
	size_t b;

	if (!want)
		return 1;
	while (psg_next_piece(c, c->ps.mem, ps->m0, psg_m1(ps), 1, &at, &b)) {
		psg_block_tokens(c, b, 1, &t0, &t1);
		for (uint32_t t = t0; t < t1; t++) {
			const struct tok *k = &c->rt.v[t];
			if (k->kind != TOK_WORD || !(k->flags & TOK_F_UPPER))
				continue;
			const char *w = (const char *)c->right->buf + k->off;
			size_t wn = unpossess(w, tok_len(&c->rt, t));
			struct item r = {.t0 = t, .t1 = t + 1};
			n += (wn == on && memcmp(w, ob + ok->off, on) == 0) ||
			     (a->t1 - a->t0 > 1 && acronym_of(c, 1, &r, 0, a));
			if (n >= want)
				return 1;
		}
	}
	return 0;
}

/* Is the name key key (of a rewrite name written as an abbreviation)
 * the abbreviation of a capitalised word of passage p's official text
 * ("Md." for "Maryland")?  -1 when memory ran out. */
static int
abbreviates_official(const struct cmp *c, uint32_t p, const char *key)
{
	const struct passage *ps = &c->ps.v[p];
	uint32_t at = 0, t0, t1;
	size_t b;
	char buf[NAME_BUF], *wk;
	size_t wn;

	while (psg_next_piece(c, c->ps.mem, ps->m0, psg_m1(ps), 0, &at, &b)) {
		psg_block_tokens(c, b, 0, &t0, &t1);
		for (uint32_t t = t0; t < t1; t++) {
			if (c->lt.v[t].kind != TOK_WORD ||
			    !(c->lt.v[t].flags & TOK_F_UPPER))
				continue;
			int rc = word_name_key(c->left, &c->lt, t, buf, &wk,
			                       &wn);
			if (rc < 0)
				return -1;
			int hit = rc && wn < VALUE_KEY_MAX;
			char k2[VALUE_KEY_MAX];
			if (hit) {
				memcpy(k2, wk, wn);
				k2[wn] = '\0';
			}
			if (rc && wk != buf)
				free(wk);
			if (hit && abbreviation_of(key, k2))
				return 1;
		}
	}
	return 0;
}

/* Does a reporting verb follow the name ending before token e of side
 * right ("The State Department said")?  Then the name is who speaks: it
 * may replace another who speaks, not a name the claim holds. */
static int
speaker(const struct fx *x, int right, uint32_t e)
{
	const struct toklist *l = side_toks(x->c, right);
	char w[WORD_MAX];
	size_t n;

	if (e >= l->n || l->v[e].kind != TOK_WORD)
		return 0;
	n = fold(side_text(x->c, right), &l->v[e], w, sizeof w);
	return n && lex_is_frame(w, n) == LEX_FRAME_VERB;
}

/* The names of side right that touch the changed tokens of s: runs of
 * name words, one connector between two allowed; a speaker's name
 * (speaker) is of its own kind. */
static size_t
stretch_names(struct fx *x, uint32_t p, int right, const struct stretch *s,
              struct item *out)
{
	const struct toklist *l = side_toks(x->c, right);
	size_t n = 0;

	for (uint32_t t = next_in(s, right, 0);
	     t < s->hi[right] && n < ITEMS_MAX; t = next_in(s, right, t + 1)) {
		if (!name_word(x, right, t))
			continue;
		uint32_t e = t + 1;
		for (;;) {
			char w[WORD_MAX];
			size_t wn;
			if (e < l->n && name_word(x, right, e) &&
			    in_stretch(s, right, e)) {
				e++;
				continue;
			}
			if (e + 1 < l->n && in_stretch(s, right, e + 1) &&
			    name_word(x, right, e + 1) &&
			    (wn = fold(side_text(x->c, right), &l->v[e], w,
			               sizeof w)) > 0 &&
			    connector(w, wn)) {
				e += 2;
				continue;
			}
			break;
		}
		struct item it = {0};
		if (!name_key(x->c, right, t, e, it.key, sizeof it.key))
			return n;
		it.t0 = t;
		it.t1 = e;
		/* a new name the official text has, or an old one the
		 * passage's rewrite keeps as often: no replacement */
		uint32_t id = l->id[e - 1];
		it.used = (right ? x->lhas[id]
		                 : rewrite_names(
		                           x->c, p, &it,
		                           passage_count(x->c, p, 0, id))) ||
		          only_titles(x->c, right, t, e);
		it.kind = speaker(x, right, e); /* pairs only with its kind */
		out[n++] = it;
		t = e - 1;
	}
	return n;
}

static int
find_names(struct fx *x, uint32_t p, const struct stretch *s)
{
	struct item a[ITEMS_MAX], b[ITEMS_MAX];
	/* the rewrite's first: an official name asks how often the
	 * passage's rewrite names it (rewrite_names), not needed when the
	 * rewrite has none */
	size_t nb = stretch_names(x, p, 1, s, b), na;

	if (!nb || !(na = stretch_names(x, p, 0, s, a)))
		return 0;
	return pair_items(x, p, s, FIND_NAME, a, na, b, nb);
}

/* ---- quotes ----------------------------------------------------------- */

/* What a quotation mark token does: 1 opens, 2 closes, 3 either, 0 none.
 * A straight one opens after a space (or at the start of the text) when
 * a word follows it, and closes when it sits against the word before and
 * a space (or the end) follows: `execution", he said, "is` closes a quote
 * begun in an earlier sentence, then opens another.  In line: find_quotes
 * asks it of every punctuation mark of a paired passage's rewrite. */
static inline __attribute__((always_inline)) int
quote_mark(const struct text *t, const struct tok *k)
{
	const unsigned char *s = t->buf + k->off;

	if (k->kind != TOK_PUNCT)
		return 0;
	if (k->slen == 1 && s[0] == '"') {
		unsigned char p = k->off ? t->buf[k->off - 1] : ' ';
		unsigned char n =
		        k->off + 1 < t->len ? t->buf[k->off + 1] : ' ';
		int before = p == ' ' || p == '\n' || p == '\t' || p == '(' ||
		             p == '[';
		int after = n == ' ' || n == '\n' || n == '\r' || n == '\t' ||
		            (n && strchr(",.;:!?)]", n));
		return before && !after ? 1 : !before && after ? 2 : 3;
	}
	if (k->slen == 3 && s[0] == 0xE2 && s[1] == 0x80)
		return s[2] == 0x9C || s[2] == 0x9E ? 1 : s[2] == 0x9D ? 2 : 0;
	if (k->slen == 2 && s[0] == 0xC2)
		return s[1] == 0xAB ? 1 : s[1] == 0xBB ? 2 : 0;
	return 0;
}

/* Is token k a cut mark inside a quote: an ellipsis or a bracket? */
static int
cut_mark(const struct text *t, const struct tok *k)
{
	const unsigned char *s = t->buf + k->off;

	if (k->kind != TOK_PUNCT)
		return 0;
	return (k->slen >= 2 && s[0] == '.' && s[1] == '.') ||
	       (k->slen == 3 && memcmp(s, "\xE2\x80\xA6", 3) == 0) ||
	       (k->slen == 1 && (s[0] == '[' || s[0] == ']'));
}

/* The value of number token k of text t as digits in d[0..cap) (lexicon.h:
 * "6th" is 6, "7,600" is 7600), its length; 0 for any other token. */
static size_t
number_value(const struct text *t, const struct tok *k, char *d, size_t cap)
{
	char w[WORD_MAX];

	size_t n = k->slen;
	if (k->kind != TOK_NUMBER || n >= sizeof w)
		return 0;
	for (size_t j = 0; j < n; j++) {
		unsigned char ch = t->buf[k->off + j];
		w[j] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	return lex_number(w, n, d, cap);
}

/* Does quoted rewrite token b give official token a: the same word, case
 * aside, or the same number written another way ("August 6th" quoting
 * "August 6" alters nothing)? */
static int
quotes_word(const struct cmp *c, uint32_t a, uint32_t b)
{
	char da[WORD_MAX], db[WORD_MAX];
	size_t na, nb;

	if (same_word(c, 0, a, 1, b))
		return 1;
	if (c->lt.v[a].kind != TOK_NUMBER || c->rt.v[b].kind != TOK_NUMBER)
		return 0; /* number_value gives 0 */
	na = number_value(c->left, &c->lt.v[a], da, sizeof da);
	nb = number_value(c->right, &c->rt.v[b], db, sizeof db);
	return na && na == nb && memcmp(da, db, na) == 0;
}

/* Is token k of the official text a word (or number), one that quotes
 * are matched on? */
static inline int
quotable(const struct toklist *l, size_t k)
{
	return l->v[k].kind == TOK_WORD || l->v[k].kind == TOK_NUMBER;
}

/* Is the piece of quoted words q[0..n) found at official word token j
 * (and the words after it, whatever stands between them)?  The token
 * after its last word if so, else 0. */
static size_t
piece_at(struct fx *x, const uint32_t *q, size_t n, size_t j)
{
	const struct toklist *l = &x->c->lt;
	size_t t = j;

	for (size_t i = 0; i < n; i++, t++) {
		while (t < l->n && !quotable(l, t))
			t++;
		if (t >= l->n || !quotes_word(x->c, (uint32_t)t, q[i]))
			return 0;
	}
	return t;
}

/* FNV-1a of the ASCII lower-case bytes of the key of token i of side
 * right (so that curly and straight apostrophes meet, as the token ids
 * do), or of its value when it is a number (so "6th" and "6" meet). */
static uint64_t
word_hash(const struct cmp *c, int right, uint32_t i)
{
	const struct toklist *l = side_toks(c, right);
	uint64_t h = 1469598103934665603u;
	char d[WORD_MAX];
	size_t n = number_value(side_text(c, right), &l->v[i], d, sizeof d);
	const char *s = d;

	if (!n)
		s = intern_key(c->in, l->id[i], &n);
	for (size_t j = 0; j < n; j++) {
		unsigned char ch = (unsigned char)s[j];
		h ^= ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
		h *= 1099511628211u;
	}
	return h;
}

/* The bucket of official number token t, by word_hash: a number's hash
 * reads its bytes, so it takes that of the last number of its id hashed
 * (rep[id] - 1, bucket[id]) when it has the very same bytes. */
static size_t
number_bucket(const struct fx *x, uint32_t *bucket, uint32_t *rep, size_t t)
{
	const struct toklist *l = &x->c->lt;
	const unsigned char *buf = x->c->left->buf;
	uint32_t id = l->id[t];
	size_t n = tok_len(l, t);

	if (rep[id] && tok_len(l, rep[id] - 1) == n &&
	    memcmp(buf + l->v[rep[id] - 1].off, buf + l->v[t].off, n) == 0)
		return bucket[id];
	bucket[id] = (uint32_t)(word_hash(x->c, 0, (uint32_t)t) & x->hmask);
	rep[id] = (uint32_t)t + 1;
	return bucket[id];
}

#define HSKIP 64 /* the quote index's tokens between two skip points */

/* Bytes of the code of distance d in the quote index. */
static size_t
hcode_len(uint32_t d)
{
	size_t n = 1;

	while (d >= 0x80) {
		d >>= 7;
		n++;
	}
	return n;
}

/* Release the quote index of *x (official_index). */
static void
index_free(struct fx *x)
{
	free(x->hstart);
	free(x->hbyte);
	free(x->hskip);
	free(x->hcode);
	x->hstart = x->hbyte = x->hskip = NULL;
	x->hcode = NULL;
}

/* The quote index's codes, once hstart counts each bucket's tokens and
 * hbyte[b + 1] the bytes of bucket b's code (official_index): the
 * buckets placed, then a pass writing them; last is scratch of a bucket
 * each.  The skip points are left unwritten (skip_points).  0 or -1. */
static int
index_code(struct fx *x, uint32_t *bucket, uint32_t *rep, uint32_t *wbucket,
           uint32_t *last)
{
	const struct toklist *l = &x->c->lt;
	size_t nb = x->hmask + 1, nid = intern_count(x->c->in);

	for (size_t b = 0; b < nb; b++) {
		if (x->hbyte[b + 1] > UINT32_MAX - x->hbyte[b])
			return -1; /* over 4 GB of code: not kept */
		x->hbyte[b + 1] += x->hbyte[b];
	}
	if (!(x->hcode = malloc((size_t)x->hbyte[nb] + 1)))
		return -1;
	memset(last, 0, nb * sizeof *last);
	memset(rep, 0, (nid + 1) * sizeof *rep);
	memset(x->hskip, 0xff, (x->nlw / HSKIP + 1) * 2 * sizeof *x->hskip);
	/* the byte stores may alias anything: what the loop reads is kept
	 * in locals */
	uint32_t *byte = x->hbyte;
	unsigned char *hcode = x->hcode;
	const struct tok *lv = l->v;
	const uint32_t *lid = l->id;
	size_t ntok = l->n;
	for (size_t t = 0; t < ntok; t++) {
		size_t b;
		/* every word's bucket was found by the count before
		 * (official_index), kept per id in wbucket */
		if (lv[t].kind == TOK_WORD)
			b = wbucket[lid[t]] - 1;
		else if (lv[t].kind == TOK_NUMBER)
			b = number_bucket(x, bucket, rep, t);
		else
			continue;
		/* the bucket's next byte: its start plus what is written */
		unsigned char *w = hcode + byte[b];
		uint32_t d = (uint32_t)t - last[b];
		for (; d >= 0x80; d >>= 7)
			*w++ = (unsigned char)(0x80 | (d & 0x7f));
		*w++ = (unsigned char)d;
		byte[b] = (uint32_t)(w - hcode);
		last[b] = (uint32_t)t;
	}
	/* each byte start was moved to its bucket's end: move them back */
	for (size_t b = nb; b > 0; b--)
		byte[b] = byte[b - 1];
	byte[0] = 0;
	return 0;
}

/* The official words indexed by word_hash, made when first needed: per
 * bucket the word tokens in text order, coded (hstart, hbyte, hcode,
 * hskip: struct fx).  0 or -1. */
static int
official_index(struct fx *x)
{
	if (x->hstart || !x->nlw)
		return 0;
	/* a bucket per distinct word or so, not per word: the words of one
	 * bucket are told apart by piece_at, and one word's are all in one
	 * bucket whatever the size */
	size_t nid = intern_count(x->c->in), most = nid < x->nlw ? nid : x->nlw;
	size_t nb = 1;
	while (nb < most)
		nb <<= 1;
	const struct toklist *l = &x->c->lt;
	uint32_t *bucket = malloc((nid + 1) * sizeof *bucket);
	uint32_t *rep = calloc(nid + 1, sizeof *rep);
	uint32_t *wbucket = calloc(nid + 1, sizeof *wbucket);
	uint32_t *last = malloc(nb * sizeof *last);
	x->hstart = calloc(nb + 1, sizeof *x->hstart);
	x->hbyte = malloc((nb + 1) * sizeof *x->hbyte);
	x->hskip = malloc((x->nlw / HSKIP + 1) * 2 * sizeof *x->hskip);
	int rc = -1;
	if (!bucket || !rep || !wbucket || !last || !x->hstart || !x->hbyte ||
	    !x->hskip)
		goto out;
	x->hmask = nb - 1;
	/* count each bucket's words and their code's bytes, place the
	 * buckets, then code them (the bucket of a word is cheap to find
	 * again) */
	memset(last, 0, nb * sizeof *last);
	memset(x->hbyte, 0, (nb + 1) * sizeof *x->hbyte);
	uint32_t *hstart = x->hstart, *hbyte = x->hbyte;
	const struct tok *lv = l->v;
	const uint32_t *lid = l->id;
	size_t ntok = l->n;
	for (size_t t = 0; t < ntok; t++) {
		size_t b;
		/* the bucket of a word or number by word_hash: a word's
		 * hash is its key's (number_value gives 0 for a word), so a
		 * word takes that of the first word of its id (wbucket[id]
		 * - 1) unhashed; a number's is number_bucket's */
		if (lv[t].kind == TOK_WORD) {
			uint32_t *wb = &wbucket[lid[t]];
			if (!*wb)
				*wb = 1 + (uint32_t)(word_hash(x->c, 0,
				                               (uint32_t)t) &
				                     x->hmask);
			b = *wb - 1;
		} else if (lv[t].kind == TOK_NUMBER) {
			b = number_bucket(x, bucket, rep, t);
		} else {
			continue;
		}
		uint32_t d = (uint32_t)t - last[b];
		hstart[b + 1]++;
		hbyte[b + 1] += d < 0x80 ? 1 : (uint32_t)hcode_len(d);
		last[b] = (uint32_t)t;
	}
	for (size_t b = 0; b < nb; b++)
		x->hstart[b + 1] += x->hstart[b];
	rc = index_code(x, bucket, rep, wbucket, last);
out:
	if (rc < 0)
		index_free(x);
	free(bucket);
	free(rep);
	free(wbucket);
	free(last);
	return rc;
}

/* A walk over one bucket of the quote index: the next token's code at
 * code[0..], tokens left n, the last position pos. */
struct hwalk {
	const unsigned char *code;
	size_t n;
	uint32_t pos;
};

/* The next official token of the walk *w into *t: 1, or 0 at its end. */
static int
hwalk_next(struct hwalk *w, size_t *t)
{
	uint32_t d = 0;
	unsigned shift = 0;

	if (!w->n)
		return 0;
	while (*w->code & 0x80) {
		d |= (uint32_t)(*w->code++ & 0x7f) << shift;
		shift += 7;
	}
	d |= (uint32_t)*w->code++ << shift;
	w->pos += d;
	w->n--;
	*t = w->pos;
	return 1;
}

/* Write the skip points of bucket b of the quote index (struct fx:
 * hskip), read from its code: the k-th token counted, k a multiple of
 * HSKIP, its position and its code's offset.  Done for the buckets
 * walked alone, when first walked (few are), not for all as the index
 * is made. */
static void
skip_points(struct fx *x, size_t b)
{
	size_t s = x->hstart[b], e = x->hstart[b + 1];
	const unsigned char *code = x->hcode + x->hbyte[b];
	uint32_t pos = 0;

	for (size_t k = s; k < e; k++) {
		uint32_t off = (uint32_t)(code - x->hcode), d = 0;
		unsigned shift = 0;
		while (*code & 0x80) {
			d |= (uint32_t)(*code++ & 0x7f) << shift;
			shift += 7;
		}
		d |= (uint32_t)*code++ << shift;
		pos += d;
		if (k % HSKIP == 0) {
			x->hskip[2 * (k / HSKIP)] = pos;
			x->hskip[2 * (k / HSKIP) + 1] = off;
		}
	}
}

/* A walk over bucket b of the quote index from its first token at or
 * after official token from (the tokens before it are passed over, from
 * the last skip point before from; the bucket's skip points written
 * first if they are not yet). */
static struct hwalk
hwalk_from(struct fx *x, size_t b, size_t from)
{
	size_t s = x->hstart[b], e = x->hstart[b + 1];
	/* skip points k in [s, e), k a multiple of HSKIP: the last whose
	 * token stands before from */
	size_t lo = (s + HSKIP - 1) / HSKIP, hi = (e + HSKIP - 1) / HSKIP;
	struct hwalk w = {x->hcode + x->hbyte[b], e - s, 0};

	if (lo < hi && x->hskip[2 * lo + 1] == UINT32_MAX)
		skip_points(x, b);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->hskip[2 * mid] < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > (s + HSKIP - 1) / HSKIP) {
		size_t k = (lo - 1) * HSKIP; /* its token is before from */
		const unsigned char *c = x->hcode + x->hskip[2 * (lo - 1) + 1];
		while (*c++ & 0x80)
			;
		w = (struct hwalk){c, e - k - 1, x->hskip[2 * (lo - 1)]};
	}
	struct hwalk at = w;
	size_t t;
	while (hwalk_next(&at, &t) && t < from)
		w = at;
	return w;
}

/* Do the quoted words q[0..k) stand, in a row, just before official
 * word token p (whatever stands between them)?  The token of q[0] if so,
 * else SIZE_MAX. */
static size_t
piece_before(const struct fx *x, const uint32_t *q, size_t k, size_t p)
{
	const struct toklist *l = &x->c->lt;
	size_t t = p;

	for (size_t i = k; i-- > 0;) {
		do {
			if (t == 0)
				return SIZE_MAX;
			t--;
		} while (!quotable(l, t));
		if (!quotes_word(x->c, (uint32_t)t, q[i]))
			return SIZE_MAX;
	}
	return t;
}

/* The first official token at or after from where the words q[0..n) of
 * the rewrite stand in a row (case aside), the token after its last word
 * in *end; or SIZE_MAX; (size_t)-2 when memory ran out.  The search runs
 * over the official copies of the piece's rarest word. */
static size_t
find_piece(struct fx *x, const uint32_t *q, size_t n, size_t from, size_t *end)
{
	if (official_index(x) < 0)
		return (size_t)-2;
	if (!x->hstart || !n)
		return SIZE_MAX;
	size_t k = 0, b = 0, most = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		size_t bi = word_hash(x->c, 1, q[i]) & x->hmask;
		size_t m = x->hstart[bi + 1] - x->hstart[bi];
		if (m < most) {
			most = m;
			k = i;
			b = bi;
		}
		if (!m)
			return SIZE_MAX;
	}
	/* the first copy at or after from (q[k] stands at or after q[0]) */
	struct hwalk w = hwalk_from(x, b, from);
	size_t p;
	while (hwalk_next(&w, &p)) {
		size_t j;
		if (!quotes_word(x->c, (uint32_t)p, q[k]) ||
		    (j = piece_before(x, q, k, p)) == SIZE_MAX || j < from)
			continue;
		if ((*end = piece_at(x, q + k, n - k, p)) != 0)
			return j;
	}
	return SIZE_MAX;
}

/* Are the quoted rewrite tokens [q0, q1) the official text word for word,
 * in pieces cut at ellipses and brackets, each after the last?  1 yes, 0
 * no, -1 memory ran out. */
static int
faithful(struct fx *x, uint32_t q0, uint32_t q1)
{
	const struct toklist *l = &x->c->rt;
	uint32_t *w = malloc((q1 - q0 + 1) * sizeof *w);
	size_t n = 0, from = 0;
	int in_bracket = 0, rc = 1;

	if (!w)
		return -1;
	for (uint32_t t = q0; t <= q1 && rc == 1; t++) {
		int cut = t == q1 || cut_mark(x->c->right, &l->v[t]);
		if (!cut) {
			if (!in_bracket && (l->v[t].kind == TOK_WORD ||
			                    l->v[t].kind == TOK_NUMBER))
				w[n++] = t;
			continue;
		}
		if (t < q1 && l->v[t].slen == 1)
			in_bracket = x->c->right->buf[l->v[t].off] == '[';
		if (!n)
			continue;
		size_t end = 0, j = find_piece(x, w, n, from, &end);
		if (j == (size_t)-2)
			rc = -1;
		else if (j == SIZE_MAX)
			rc = 0;
		from = end;
		n = 0;
	}
	free(w);
	return rc;
}

/* The official tokens a passage's word diff (ops) keeps for rewrite tokens
 * [r0, r1): *l0, *l1 (l0 == l1 when none; punctuation alone, a full stop
 * kept at the end, is none).  Where they lie in places more than GAP_MAX
 * tokens apart (the pieces of a passage can lie far apart), the place
 * that keeps the most of them. */
static void
kept_for(const struct toklist *lt, const struct dops *ops, uint32_t r0,
         uint32_t r1, uint32_t *l0, uint32_t *l1)
{
	uint32_t c0 = 0, c1 = 0, most = 0, kept = 0;

	*l0 = *l1 = 0;
	for (size_t k = 0; k < ops->n; k++) {
		const struct dop *o = &ops->v[k];
		if (dop_kind(o) != DOP_EQUAL || o->b1 <= r0 || o->b0 >= r1)
			continue;
		uint32_t a = o->a0 + (o->b0 < r0 ? r0 - o->b0 : 0),
		         b = o->a1 - (o->b1 > r1 ? o->b1 - r1 : 0);
		if (kept && a >= c0 && a <= c1 + GAP_MAX) {
			if (b > c1)
				c1 = b;
			kept += b - a;
		} else {
			c0 = a;
			c1 = b;
			kept = b - a;
		}
		if (kept > most) {
			most = kept;
			*l0 = c0;
			*l1 = c1;
		}
	}
	if (!tok_words(lt, *l0, *l1))
		*l0 = *l1 = 0;
}

static int
find_quotes(struct fx *x, uint32_t p)
{
	const struct cmp *c = x->c;
	const struct passage *ps = &c->ps.v[p];
	uint32_t at = 0, t0, t1;
	size_t b;

	while (psg_next_piece(c, c->ps.mem, ps->m0, psg_m1(ps), 1, &at, &b)) {
		psg_block_tokens(c, b, 1, &t0, &t1);
		uint32_t open = UINT32_MAX;
		const struct tok *rv = c->rt.v;
		for (uint32_t t = t0; t < t1; t++) {
			/* most tokens are words: passed by their kind alone */
			if (rv[t].kind != TOK_PUNCT)
				continue;
			int m = quote_mark(c->right, &rv[t]);
			if (!m)
				continue;
			if (open == UINT32_MAX) {
				if (m & 1)
					open = t;
				continue;
			}
			if (!(m & 2) && m != 3)
				continue;
			uint32_t q0 = open + 1, q1 = t;
			open = UINT32_MAX;
			if (tok_words(&c->rt, q0, q1) < QUOTE_MIN_WORDS)
				continue;
			int f = faithful(x, q0, q1);
			if (f != 0)
				continue; /* faithful, or no answer */
			uint32_t l0, l1;
			kept_for(&c->lt, &x->ops, q0, q1, &l0, &l1);
			if (add(x, FIND_QUOTE, p, l0, l1, q0, q1) < 0)
				return -1;
		}
	}
	return 0;
}

/* ---- attribution ------------------------------------------------------ */

/* Share of the words of rewrite tokens [t0, t1) that a passage's word
 * diff (ops) inserts (keeps nothing of), in hundredths. */
static unsigned
inserted_share(const struct cmp *c, const struct dops *ops, uint32_t t0,
               uint32_t t1)
{
	size_t ins = 0, all = tok_words(&c->rt, t0, t1);

	for (size_t k = 0; k < ops->n; k++) {
		const struct dop *o = &ops->v[k];
		if (dop_kind(o) != DOP_INSERT || o->b1 <= t0 || o->b0 >= t1)
			continue;
		ins += tok_words(&c->rt, o->b0 > t0 ? o->b0 : t0,
		                 o->b1 < t1 ? o->b1 : t1);
	}
	return all ? (unsigned)(ins * 100 / all) : 0;
}

/* Is the capitalised run of rewrite words just before token v (the
 * frame verb), or just after "according to [the]" at v, a name the
 * official text speaks in: one that starts an official sentence ("The
 * United States is deeply concerned")? */
static int
self_speaker(const struct fx *x, uint32_t t0, uint32_t v)
{
	const struct toklist *l = &x->c->rt;
	char key[VALUE_KEY_MAX], w[WORD_MAX];
	uint32_t a, e;

	if (fold(x->c->right, &l->v[v], w, sizeof w) == 9 &&
	    memcmp(w, "according", 9) == 0) {
		a = v + 2;
		if (a < l->n && fold(x->c->right, &l->v[a], w, sizeof w) == 3 &&
		    memcmp(w, "the", 3) == 0)
			a++;
		for (e = a; e < l->n && l->v[e].kind == TOK_WORD &&
		            (l->v[e].flags & TOK_F_UPPER);
		     e++)
			;
	} else {
		e = v;
		for (a = v; a > t0 && l->v[a - 1].kind == TOK_WORD &&
		            (l->v[a - 1].flags & TOK_F_UPPER);
		     a--)
			;
		if (a < e && fold(x->c->right, &l->v[a], w, sizeof w) == 3 &&
		    memcmp(w, "the", 3) == 0)
			a++;
	}
	if (a >= e || !name_key(x->c, 1, a, e, key, sizeof key))
		return 0;
	for (size_t i = 0; i < x->nselves; i++)
		if (strcmp(x->selves[i], key) == 0)
			return 1;
	return 0;
}

/* Does the rewrite sentence [t0, t1) restate the official text: are
 * four in five of its longer words (four letters or more, frame and
 * source words aside) words of the official text? */
static int
restates(const struct fx *x, uint32_t t0, uint32_t t1)
{
	size_t words = 0, found = 0;

	for (uint32_t t = t0; t < t1; t++) {
		char w[WORD_MAX];
		size_t n = fold(x->c->right, &x->c->rt.v[t], w, sizeof w);
		if (n < 4 || lex_is_frame(w, n) || lex_source(w, n))
			continue;
		words++;
		found += x->lhas[x->c->rt.id[t]];
	}
	return words && found * 5 >= words * 4;
}

/* Does the official text have the folded word w[0..n) (case aside)?  A
 * pass over it for each word asked, kept: few are (the body words of
 * attributions). */
static int
official_has(struct fx *x, const char *w, size_t n)
{
	for (size_t i = 0; i < x->nbodies; i++)
		if (strcmp(x->bodies[i], w) == 0)
			return x->body_has[i];
	int has = 0;
	for (size_t t = 0; t < x->c->lt.n && !has; t++) {
		char v[WORD_MAX];
		has = fold(x->c->left, &x->c->lt.v[t], v, sizeof v) == n &&
		      memcmp(v, w, n) == 0;
	}
	if (x->nbodies < sizeof x->bodies / sizeof *x->bodies) {
		memcpy(x->bodies[x->nbodies], w, n + 1);
		x->body_has[x->nbodies++] = (unsigned char)has;
	}
	return has;
}

/* Is the verb of saying at rewrite token v (of a sentence starting at t0)
 * denied: one of the two words before it a negator or a negative verb
 * ("did not say", "didn't say", "declined to say")? */
static int
said_not(struct fx *x, uint32_t t0, uint32_t v)
{
	size_t words = 0;

	for (uint32_t t = v; t > t0 && words < 2;) {
		t--;
		if (x->c->rt.v[t].kind != TOK_WORD)
			continue;
		words++;
		if (negative(x, 1, t))
			return 1;
	}
	return 0;
}

/* Does the frame of the verb of saying at rewrite token v (of the
 * sentence [t0, t1)) name the official source: a word for its document
 * or speaker ("statement", "spokesperson"), a body the official text
 * names ("the ministry"), or a name it speaks in?  The frame is the
 * clause of the verb up to it ("..., the statement said", "the ministry
 * said that"), and, when the verb opens its clause, up to four words
 * after it ("..., said the spokesperson", "according to the ministry");
 * a source word further on is what the sentence is about, not who said
 * it. */
static int
frame_names_source(struct fx *x, uint32_t t0, uint32_t t1, uint32_t v)
{
	const struct cmp *c = x->c;
	uint32_t a = v, b = v + 1;
	size_t after = 0;

	while (a > t0 && c->rt.v[a - 1].kind != TOK_PUNCT)
		a--;
	/* the words after the verb only when it opens its clause: "...,"
	 * said the ministry", not "X said Thursday the government ..." */
	while (a == v && b < t1 && c->rt.v[b].kind != TOK_PUNCT && after < 4)
		after += c->rt.v[b++].kind == TOK_WORD;
	if (self_speaker(x, t0, v))
		return 1;
	for (uint32_t t = a; t < b; t++) {
		char w[WORD_MAX];
		size_t n = fold(c->right, &c->rt.v[t], w, sizeof w);
		int k = n ? lex_source(w, n) : LEX_SOURCE_NONE;
		if (k == LEX_SOURCE_DOCUMENT || k == LEX_SOURCE_SPEAKER ||
		    (k == LEX_SOURCE_BODY && official_has(x, w, n)))
			return 1;
	}
	return 0;
}

/* A claim appended to a kept sentence and credited to the source: the
 * sentence [t0, t1) keeps at least CLAIM_KEPT words of its start, then
 * the passage's word diff (x->ops) inserts a run to its end holding a
 * frame that names the source before its verb ("the statement said"), and
 * after the verb words the official text never has ("..., the statement
 * said, adding that taxes would rise"): at least two of four letters or
 * more, frame and source words aside.  The run's words in *r0, *r1. */
static int
appended_claim(struct fx *x, uint32_t t0, uint32_t t1, uint32_t *r0,
               uint32_t *r1)
{
	const struct cmp *c = x->c;
	uint32_t e = t1;

	while (e > t0 && c->rt.v[e - 1].kind == TOK_PUNCT)
		e--;
	for (size_t k = 0; k < x->ops.n; k++) {
		const struct dop *o = &x->ops.v[k];
		if (dop_kind(o) != DOP_INSERT || o->b1 < e || o->b0 >= e ||
		    o->b0 <= t0)
			continue;
		uint32_t b0 = o->b0, kept = 0;
		for (uint32_t t = t0; t < b0; t++)
			kept += c->rt.v[t].kind == TOK_WORD;
		if (kept < CLAIM_KEPT ||
		    inserted_share(c, &x->ops, t0, b0) > 100 - CLAIM_KEPT_SHARE)
			return 0;
		for (uint32_t v = b0; v < e; v++) {
			char w[WORD_MAX];
			size_t n = fold(c->right, &c->rt.v[v], w, sizeof w);
			if (!n || lex_is_frame(w, n) != LEX_FRAME_VERB ||
			    v == b0 || c->rt.v[v - 1].kind == TOK_PUNCT ||
			    said_not(x, t0, v) ||
			    !frame_names_source(x, b0, e, v))
				continue;
			size_t fresh = 0;
			for (uint32_t u = v + 1; u < e; u++) {
				n = fold(c->right, &c->rt.v[u], w, sizeof w);
				fresh += n >= 4 && !lex_is_frame(w, n) &&
				         !lex_source(w, n) &&
				         !x->lhas[c->rt.id[u]];
			}
			if (fresh < 2)
				return 0;
			while (c->rt.v[b0].kind == TOK_PUNCT)
				b0++;
			*r0 = b0;
			*r1 = e;
			return 1;
		}
		return 0;
	}
	return 0;
}

/* Attribution: a sentence of an addition, or one that a paired passage
 * inserts whole (nine in ten of its words), with a verb of saying whose
 * frame names the official source (frame_names_source); or a claim a
 * paired passage appends to a kept sentence, so credited
 * (appended_claim). */
static int
find_attribution(struct fx *x, uint32_t p)
{
	const struct cmp *c = x->c;
	const struct passage *ps = &c->ps.v[p];

	for (size_t m = ps->m0; m < psg_m1(ps); m++) {
		const struct block *b = &c->al.blocks[c->ps.mem[m]];
		if (ps->kind == BLK_ADDITION && b->near >= 0 &&
		    b->near_sim >= ATTRIB_NEAR_MAX)
			continue;
		for (uint32_t s = b->rs0; s < b->rs1; s++) {
			uint32_t t0, t1;
			int source = 0;
			psg_sent_tokens(c, 1, s, &t0, &t1);
			if (ps->kind != BLK_ADDITION &&
			    inserted_share(c, &x->ops, t0, t1) < 90) {
				uint32_t r0, r1;
				if (appended_claim(x, t0, t1, &r0, &r1) &&
				    add(x, FIND_ATTRIBUTION, p, 0, 0, r0, r1) <
				            0)
					return -1;
				continue;
			}
			for (uint32_t t = t0; t < t1 && !source; t++) {
				/* not a saying denied: "did not say",
				 * "refused to say" credit nothing */
				if (said_verb(x, t) && !said_not(x, t0, t))
					source = frame_names_source(x, t0, t1,
					                            t);
			}
			if (source && !restates(x, t0, t1) &&
			    add(x, FIND_ATTRIBUTION, p, 0, 0, t0, t1) < 0)
				return -1;
		}
	}
	return 0;
}

/* ---- new facts -------------------------------------------------------- */

/* The line of the rewrite that holds byte at (at most its length): *s,
 * *e.  It starts after the last line feed before at and ends at the
 * first line feed or carriage return from at on (the end of the line
 * feed's stretch searched for the return), by memrchr and memchr. */
static void
line_of(const struct text *t, size_t at, size_t *s, size_t *e)
{
	const unsigned char *b = t->buf;
	const unsigned char *lf = at ? memrchr(b, '\n', at) : NULL;
	*s = lf ? (size_t)(lf - b) + 1 : 0;
	lf = memchr(b + at, '\n', t->len - at);
	size_t end = lf ? (size_t)(lf - b) : t->len;
	const unsigned char *cr = memchr(b + at, '\r', end - at);
	*e = cr ? (size_t)(cr - b) : end;
}

/* The words of tokens [t0, t1) of side right as a stream of name keys,
 * each part of a word (hyphens part them) between bars ("|vice|president|
 * of|"), appended to *out (length *n, room *cap).  0 or -1. */
static int
stream_of(const struct cmp *c, int right, uint32_t t0, uint32_t t1, char **out,
          size_t *n, size_t *cap)
{
	const struct toklist *l = side_toks(c, right);
	const struct text *tx = side_text(c, right);

	for (uint32_t t = t0; t < t1; t++) {
		char buf[NAME_BUF], *key;
		size_t len;
		int w = word_name_key(tx, l, t, buf, &key, &len);
		if (w < 0)
			return -1;
		if (!w)
			continue;
		char *grown = grow_array(*out, cap, *n + len + 3, 1, 4096);
		if (!grown) {
			if (key != buf)
				free(key);
			return -1;
		}
		*out = grown;
		if (!*n)
			(*out)[(*n)++] = '|';
		for (size_t j = 0; j < len; j++) {
			unsigned char ch = (unsigned char)key[j];
			if (ch == '-')
				(*out)[(*n)++] = '|';
			else if (ch >= 0x80 || (ch >= 'a' && ch <= 'z') ||
			         (ch >= '0' && ch <= '9'))
				(*out)[(*n)++] = (char)ch;
		}
		(*out)[(*n)++] = '|';
		if (key != buf)
			free(key);
	}
	if (*out)
		(*out)[*n] = '\0';
	return 0;
}

/* Is each part of stream s (length n) in the table in? */
static int
has_parts(const struct intern *in, const char *s, size_t n)
{
	uint32_t id;

	for (size_t i = 0; i + 1 < n;) {
		size_t e = i + 1;
		while (e < n && s[e] != '|')
			e++;
		if (e > i + 1 && !intern_find(in, s + i + 1, e - i - 1, &id))
			return 0;
		i = e;
	}
	return 1;
}

#define PART_EMPTY  (UINT32_MAX - 1) /* an empty part ("a--b" has one) */
#define PVAR_DIFF   1 /* x->pvar: a token of the id has the pdiff bit */
#define PVAR_NUMBER 2 /* x->pvar: a token of the id is a number */

/* Append part id to *v (n of them, room *cap).  0 or -1. */
static inline int
push_part(uint32_t **v, size_t *n, size_t *cap, uint32_t id)
{
	uint32_t *g =
	        *n < *cap ? *v : grow_array(*v, cap, *n + 1, sizeof *g, 64);

	if (!g)
		return -1;
	*v = g;
	(*v)[(*n)++] = id;
	return 0;
}

/* The parts of name key key[0..len) (hyphens part it; of the rest only
 * letters a-z, digits and bytes beyond ASCII count, as in stream_of), as
 * ids of x->oparts (added when add, else looked up: UINT32_MAX when
 * absent), appended to *v (n of them, room *cap).  0 or -1. */
static int
key_parts(struct fx *x, const char *key, size_t len, int add, uint32_t **v,
          size_t *n, size_t *cap)
{
	char buf[NAME_BUF], *part = buf;
	size_t k = 0;
	int rc = 0;

	if (len > sizeof buf && !(part = malloc(len)))
		return -1;
	for (size_t i = 0; rc == 0; i++) {
		if (i < len && key[i] != '-') {
			unsigned char ch = (unsigned char)key[i];
			if (ch >= 0x80 || (ch >= 'a' && ch <= 'z') ||
			    (ch >= '0' && ch <= '9'))
				part[k++] = (char)ch;
			continue;
		}
		uint32_t id = PART_EMPTY;
		if (k && add)
			rc = intern_id(x->oparts, part, k, &id);
		else if (k && !intern_find(x->oparts, part, k, &id))
			id = UINT32_MAX;
		uint32_t *g =
		        rc ? NULL : grow_array(*v, cap, *n + 1, sizeof *g, 64);
		if (!g) {
			rc = -1;
			break;
		}
		*v = g;
		(*v)[(*n)++] = id;
		k = 0;
		if (i == len)
			break;
	}
	if (part != buf)
		free(part);
	return rc;
}

/* Are the first n (1 to 8) bytes at p and at q the same, both with 8
 * bytes readable?  Two loads and a mask; the mask keeps the first n bytes
 * in memory order whatever the byte order of the machine. */
static inline int
same_bytes8(const unsigned char *p, const unsigned char *q, size_t n)
{
	static const unsigned char ones[16] = {0xff, 0xff, 0xff, 0xff,
	                                       0xff, 0xff, 0xff, 0xff};
	uint64_t u, v, m;

	memcpy(&u, p, sizeof u);
	memcpy(&v, q, sizeof v);
	memcpy(&m, ones + 8 - n, sizeof m);
	return ((u ^ v) & m) == 0;
}

/* Do official token t and token r, its id's first, have one name key:
 * the same bytes but for the case of ASCII letters (which word_name_key
 * folds, as uni_key does; "And" at a verse's start and "and")?  The
 * official list l, its text's bytes buf, room of them readable (the
 * text's NUL with them). */
static inline int
same_as_first(const struct toklist *l, const unsigned char *buf, size_t room,
              uint32_t r, uint32_t t)
{
	size_t n = tok_len(l, t);

	if (r == t)
		return 1;
	if (tok_len(l, r) != n)
		return 0;
	uint32_t ro = l->v[r].off, to = l->v[t].off;
	const unsigned char *p = buf + ro, *q = buf + to;
	/* most copies of a word have its first's very bytes: that first */
	if (n <= 8 && room - ro >= 8 && room - to >= 8 && same_bytes8(p, q, n))
		return 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char a = p[i], b = q[i];
		if (a == b)
			continue;
		if ((a | 0x20) != (b | 0x20) || (a | 0x20) < 'a' ||
		    (a | 0x20) > 'z')
			return 0;
	}
	return 1;
}

/* The name key of a word s[0..n) of ASCII letters and digits alone,
 * shorter than NAME_BUF (word_name_key's: its bytes in lower case, no
 * possessive), which is its one part (key_parts: no hyphen, no byte
 * dropped), into buf; its length, or 0 for any other word. */
static inline size_t
plain_part(const unsigned char *s, size_t n, char *buf)
{
	if (!n || n >= NAME_BUF)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned ch = s[i], lo = ch | 0x20;
		if (lo - 'a' < 26u)
			buf[i] = (char)lo;
		else if (ch - '0' < 10u)
			buf[i] = (char)ch;
		else
			return 0;
	}
	return n;
}

/* The parts of the official words (see struct fx), made once.  0 or -1. */
static int
official_parts(struct fx *x)
{
	const struct toklist *l = &x->c->lt;
	size_t nid = intern_count(x->c->in);

	if (x->pmade)
		return 0;
	x->pmade = 2;
	if (x->c->left->len > STREAM_MAX)
		return 0;
	x->pstart = calloc(nid + 1, sizeof *x->pstart);
	x->pcount = calloc(nid + 1, sizeof *x->pcount);
	x->prep = calloc(nid + 1, sizeof *x->prep);
	x->plast = calloc(nid + 1, sizeof *x->plast);
	x->pdiff = calloc(l->n / 8 + 1, 1);
	x->pvar = calloc(nid + 1, 1);
	if (!x->pstart || !x->pcount || !x->prep || !x->plast || !x->pdiff ||
	    !x->pvar || !(x->oparts = intern_new()))
		return -1;
	int any = 0;
	/* the byte stores may alias anything: what the loop reads is kept
	 * in locals (these arrays stay where they are; ppart grows) */
	const struct tok *lv = l->v;
	const uint32_t *lid = l->id;
	uint32_t *prep = x->prep, *plast = x->plast;
	unsigned char *pvar = x->pvar;
	const unsigned char *text = x->c->left->buf;
	size_t room = x->c->left->len + 1; /* the text's NUL is readable */
	uint32_t nlt = (uint32_t)l->n;
	/* the last offset with 8 bytes readable from it: a copy of up to 8
	 * bytes that has them and its first's are compared at once, in
	 * line (same_as_first's first test, read from the short lengths) */
	uint32_t last8 = room >= 8 ? (uint32_t)(room - 8) : 0;
	int fast8 = room >= 8;
	for (uint32_t t = 0; t < nlt; t++) {
		const struct tok *k = &lv[t];
		unsigned kind = k->kind;
		if (kind != TOK_WORD && kind != TOK_NUMBER)
			continue;
		uint32_t id = lid[t], r1 = prep[id];
		plast[id] = t;
		if (kind == TOK_NUMBER)
			pvar[id] |= PVAR_NUMBER;
		if (r1) {
			const struct tok *kr = &lv[r1 - 1];
			unsigned n = k->slen;
			if (fast8 && kr->slen == n && n <= 8 &&
			    k->off <= last8 && /* the first's is before */
			    same_bytes8(text + kr->off, text + k->off, n))
				continue;
			if (same_as_first(l, text, room, r1 - 1, t))
				continue;
		}
		any = 1; /* a word or number: its id's first comes here */
		char buf[NAME_BUF], *key;
		size_t len, n0 = x->nppart;
		uint32_t pid;
		/* most words are letters alone: their one part at once */
		if ((len = plain_part(text + k->off, k->slen, buf)) != 0) {
			if (intern_id(x->oparts, buf, len, &pid) < 0 ||
			    push_part(&x->ppart, &x->nppart, &x->capppart,
			              pid) < 0)
				return -1;
		} else {
			if (word_name_key(x->c->left, l, t, buf, &key, &len) <
			    0)
				return -1;
			int rc = key_parts(x, key, len, 1, &x->ppart,
			                   &x->nppart, &x->capppart);
			if (key != buf)
				free(key);
			if (rc < 0)
				return -1;
		}
		if (!prep[id]) {
			prep[id] = t + 1;
			x->pstart[id] = (uint32_t)n0;
			x->pcount[id] = (uint32_t)(x->nppart - n0);
		} else {
			/* its parts are in oparts now; it reads them again */
			x->pdiff[t >> 3] |= (unsigned char)(1u << (t & 7));
			pvar[id] |= PVAR_DIFF;
			x->nppart = n0;
		}
	}
	x->ppart =
	        grow_fit(x->ppart, &x->capppart, x->nppart, sizeof *x->ppart);
	if (any)
		x->pmade = 1;
	return 0;
}

/* The parts of official word token t: *v[0..*n), valid until the next
 * call.  0 or -1. */
static int
token_parts(struct fx *x, uint32_t t, const uint32_t **v, size_t *n)
{
	uint32_t id = x->c->lt.id[t];

	if (!(x->pdiff[t >> 3] & (1u << (t & 7)))) {
		*v = x->ppart + x->pstart[id];
		*n = x->pcount[id];
		return 0;
	}
	char buf[NAME_BUF], *key;
	size_t len, m = 0;
	if (word_name_key(x->c->left, &x->c->lt, t, buf, &key, &len) < 0)
		return -1;
	int rc = key_parts(x, key, len, 0, &x->pscr, &m, &x->capscr);
	if (key != buf)
		free(key);
	*v = x->pscr;
	*n = m;
	return rc;
}

/* Do the official words' parts from part j of token t on read q[0..m)
 * (m > 0)?  1, 0, or -1 when memory ran out. */
static int
parts_at(struct fx *x, uint32_t t, size_t j, const uint32_t *q, size_t m)
{
	const struct toklist *l = &x->c->lt;
	size_t k = 0;

	for (; t < l->n; t++, j = 0) {
		const uint32_t *v;
		size_t n;
		if (l->v[t].kind != TOK_WORD && l->v[t].kind != TOK_NUMBER)
			continue;
		if (token_parts(x, t, &v, &n) < 0)
			return -1;
		for (; j < n; j++) {
			if (v[j] != q[k])
				return 0;
			if (++k == m)
				return 1;
		}
	}
	return 0;
}

/* The first official token in [t, hi) whose id is flagged in hit, or
 * hi: four tokens a step, most of the text holding none of the ids. */
static size_t
next_hit(const unsigned char *hit, const uint32_t *id, size_t t, size_t hi)
{
	for (; t + 4 <= hi; t += 4)
		if (hit[id[t]] | hit[id[t + 1]] | hit[id[t + 2]] |
		    hit[id[t + 3]])
			break;
	for (; t < hi; t++)
		if (hit[id[t]])
			return t;
	return hi;
}

/* The ids by their parts, and those with variant tokens (struct fx:
 * pidstart, pids), and find_parts' scratch.  0 or -1. */
static int
parts_index(struct fx *x)
{
	size_t nid = intern_count(x->c->in), np = intern_count(x->oparts);

	/* lists 0 .. np + 1: the parts, PART_EMPTY's, the variants' */
	x->nparts = np;
	x->pidstart = calloc(np + 4, sizeof *x->pidstart);
	x->phit = calloc(nid + 1, 1);
	if (!x->pidstart || !x->phit)
		return -1;
	/* list k counted at [k + 2], then placed from [k + 1], which
	 * leaves its start at [k] */
	uint32_t *at = x->pidstart;
	for (size_t id = 0; id < nid; id++) {
		const uint32_t *v = x->ppart + x->pstart[id];
		for (uint32_t j = 0; j < x->pcount[id]; j++)
			at[(v[j] == PART_EMPTY ? np : v[j]) + 2]++;
		if (x->pvar[id] & PVAR_DIFF)
			at[np + 3]++;
	}
	for (size_t k = 3; k < np + 4; k++)
		at[k] += at[k - 1];
	if (!(x->pids = malloc(((size_t)at[np + 3] + 1) * sizeof *x->pids)))
		return -1;
	for (size_t id = 0; id < nid; id++) {
		const uint32_t *v = x->ppart + x->pstart[id];
		for (uint32_t j = 0; j < x->pcount[id]; j++)
			x->pids[at[(v[j] == PART_EMPTY ? np : v[j]) + 1]++] =
			        (uint32_t)id;
		if (x->pvar[id] & PVAR_DIFF)
			x->pids[at[np + 2]++] = (uint32_t)id;
	}
	return 0;
}

/* Do the parts of official token t hold q[0..m) (m > 0) in a row, from
 * one of its parts on (parts_at)?  1, 0, or -1 when memory ran out. */
static int
parts_from(struct fx *x, size_t t, const uint32_t *q, size_t m)
{
	const uint32_t *v;
	size_t n;
	int rc = 0;

	if (token_parts(x, (uint32_t)t, &v, &n) < 0)
		return -1;
	for (size_t j = 0; j < n && !rc; j++) {
		if (v[j] != q[0])
			continue;
		rc = parts_at(x, (uint32_t)t, j, q, m);
		if (!rc && token_parts(x, (uint32_t)t, &v, &n) < 0)
			rc = -1;
	}
	return rc;
}

/* find_parts walks the quote index's buckets of WALK_BUCKETS ids at
 * most; a token walked in a bucket costs as many instructions as
 * WALK_COST tokens scanned in the text */
#define WALK_BUCKETS 16
#define WALK_COST    8

/* Do the parts q[0..m) (m > 0) stand in a row among the official
 * words'?  The ids whose words may hold q[0] are found first (their
 * parts' lists, and the ids with variant tokens), then their tokens
 * are looked at: through the quote index's buckets, where every word of
 * an id is in its id's bucket, when none of those ids has a number and
 * their buckets are short beside the text between their first word and
 * their last; else by a walk over that text, reading one byte a token.
 * The tokens are met in another order than the text's, which changes
 * nothing but which of two answers, found and no memory, comes first.
 * 1, 0, or -1 when memory ran out. */
static int
find_parts(struct fx *x, const uint32_t *q, size_t m)
{
	const struct toklist *l = &x->c->lt;
	size_t lo = l->n, hi = 0, nb = 0, walk = 0;
	size_t bucket[WALK_BUCKETS];
	int rc = 0, scan = !x->hstart;

	if (!x->pidstart && parts_index(x) < 0)
		return -1;
	unsigned char *hit = x->phit;
	size_t k = q[0] == PART_EMPTY ? x->nparts : q[0];
	/* the ids of part k, then those with variants (a list for part
	 * nparts + 1); q[0] is no part of oparts: the variants' alone */
	size_t a0 =
	        k <= x->nparts ? x->pidstart[k] : x->pidstart[x->nparts + 1];
	size_t a1 = k <= x->nparts ? x->pidstart[k + 1]
	                           : x->pidstart[x->nparts + 1];
	size_t v0 = x->pidstart[x->nparts + 1], v1 = x->pidstart[x->nparts + 2];
	for (int pass = 0; pass < 2; pass++) {
		size_t i0 = pass ? v0 : a0, i1 = pass ? v1 : a1;
		for (size_t i = i0; i < i1; i++) {
			uint32_t id = x->pids[i];
			if (hit[id])
				continue;
			hit[id] = 1;
			if (x->prep[id] - 1 < lo)
				lo = x->prep[id] - 1;
			if (x->plast[id] + 1 > hi)
				hi = x->plast[id] + 1;
			if (scan)
				continue;
			size_t b =
			        word_hash(x->c, 0, x->prep[id] - 1) & x->hmask;
			size_t j = 0;
			while (j < nb && bucket[j] != b)
				j++;
			if ((x->pvar[id] & PVAR_NUMBER) || j == WALK_BUCKETS) {
				scan = 1;
				continue;
			}
			if (j == nb) {
				bucket[nb++] = b;
				walk += x->hstart[b + 1] - x->hstart[b];
			}
		}
	}
	if (!scan && walk * WALK_COST >= hi - lo)
		scan = 1;
	if (scan) {
		for (size_t t = next_hit(hit, l->id, lo, hi); t < hi && !rc;
		     t = next_hit(hit, l->id, t + 1, hi))
			rc = parts_from(x, t, q, m);
	} else {
		for (size_t j = 0; j < nb && !rc; j++) {
			size_t b = bucket[j], t;
			struct hwalk w = {x->hcode + x->hbyte[b],
			                  x->hstart[b + 1] - x->hstart[b], 0};
			while (!rc && hwalk_next(&w, &t))
				if (hit[l->id[t]])
					rc = parts_from(x, t, q, m);
		}
	}
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = pass ? v0 : a0; i < (pass ? v1 : a1); i++)
			hit[x->pids[i]] = 0;
	return rc;
}

/* Do the rewrite tokens [r0, r1) stand word for word in the official
 * text, or word part for word part ("Vice President" for
 * "Vice-President")?  -1 when memory ran out. */
static int
in_official_parts(struct fx *x, uint32_t r0, uint32_t r1)
{
	char *want = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (official_parts(x) < 0)
		return -1;
	if (x->pmade != 1)
		return 0;
	if (stream_of(x->c, 1, r0, r1, &want, &n, &cap) < 0)
		return -1;
	if (!want)
		return 0;
	/* each stream is looked for once: the scan is of the whole text */
	uint32_t id;
	if (x->parts && intern_find(x->parts, want, n, &id)) {
		free(want);
		return x->parts_in[id];
	}
	/* a part the official text never has rules the scan out; else the
	 * stream's parts (between its bars) are looked for in a row */
	rc = has_parts(x->oparts, want, n);
	if (rc) {
		uint32_t *q = NULL;
		size_t m = 0, capq = 0;
		for (size_t i = 0; rc >= 0 && i + 1 < n;) {
			size_t e = i + 1;
			while (e < n && want[e] != '|')
				e++;
			rc = key_parts(x, want + i + 1, e - i - 1, 0, &q, &m,
			               &capq);
			i = e;
		}
		if (rc >= 0)
			rc = m ? find_parts(x, q, m) : 0;
		free(q);
		if (rc < 0) {
			free(want);
			return -1;
		}
	}
	unsigned char *grown = NULL;
	if ((!x->parts && !(x->parts = intern_new())) ||
	    intern_id(x->parts, want, n, &id) < 0 ||
	    !(grown = grow_array(x->parts_in, &x->capparts, (size_t)id + 1, 1,
	                         64))) {
		free(want);
		return -1;
	}
	x->parts_in = grown;
	x->parts_in[id] = (unsigned char)rc;
	free(want);
	return rc;
}

/* Do the rewrite tokens [r0, r1) stand word for word in the official
 * text? */
static int
in_official(struct fx *x, uint32_t r0, uint32_t r1)
{
	uint32_t q[16];
	size_t n = 0;

	for (uint32_t t = r0; t < r1 && n < 16; t++)
		if (x->c->rt.v[t].kind == TOK_WORD ||
		    x->c->rt.v[t].kind == TOK_NUMBER)
			q[n++] = t;
	size_t end, j = find_piece(x, q, n, 0, &end);
	return j != SIZE_MAX && j != (size_t)-2;
}

/* May rewrite token i stand in a name run: a capitalised word that is
 * not its sentence's first, nor a month or weekday (a date's word)? */
static int
run_word(const struct fx *x, uint32_t i)
{
	const struct tok *k = &x->c->rt.v[i];

	return k->kind == TOK_WORD && (k->flags & TOK_F_UPPER) &&
	       !is_init(x->rinit, i) && value_may_start(x->c->right, k) == 0;
}

/* The connectors (connector()) from rewrite token i on, one or two, then
 * a run word: how many connectors, or 0.  "and" and "in" only when and_ok
 * (a title's run: "... Air Safety in Syria"). */
static uint32_t
connectors_at(const struct fx *x, uint32_t i, int and_ok)
{
	const struct toklist *l = &x->c->rt;
	uint32_t k = 0;
	char w[WORD_MAX];
	size_t wn;

	while (k < 2 && i + k < l->n && !l->v[i + k].nl &&
	       (wn = fold(x->c->right, &l->v[i + k], w, sizeof w)) > 0 &&
	       (connector(w, wn) || (and_ok && k == 0 &&
	                             ((wn == 3 && memcmp(w, "and", 3) == 0) ||
	                              (wn == 2 && memcmp(w, "in", 2) == 0)))))
		k++;
	return k && i + k < l->n && !l->v[i + k].nl && run_word(x, i + k) ? k
	                                                                  : 0;
}

/* Is rewrite token i the period of an initial inside a name ("J." of
 * "Michael J. Krol"): a full stop against a one-letter capital, with a
 * run word after it on its line? */
static int
initial_dot(const struct fx *x, uint32_t i)
{
	const struct toklist *l = &x->c->rt;
	const unsigned char *b = x->c->right->buf;

	return i >= 1 && i + 1 < l->n && l->v[i].kind == TOK_PUNCT &&
	       tok_len(l, i) == 1 && b[l->v[i].off] == '.' && !l->v[i].space &&
	       l->v[i - 1].kind == TOK_WORD && tok_len(l, i - 1) == 1 &&
	       b[l->v[i - 1].off] >= 'A' && b[l->v[i - 1].off] <= 'Z' &&
	       !l->v[i + 1].nl && run_word(x, i + 1);
}

/* May rewrite token t, the capitalised first word of its sentence, open
 * the name that follows it on its line ("Alan Greenspan", "East
 * African", "Treasury Secretary Henry Paulson")?  Not a stop word, a
 * number word, an opener (lexicon.h: "Despite", "Many", "Yesterday"), a
 * word in "-ly" ("Recently") other than a first name ("Sally"), or the
 * start of a value ("June"). */
static int
opens_name(const struct fx *x, uint32_t t)
{
	const struct toklist *l = &x->c->rt;
	const struct tok *k = &l->v[t];
	char w[WORD_MAX];
	size_t n;

	if (t + 1 >= l->n || k->kind != TOK_WORD || !(k->flags & TOK_F_UPPER) ||
	    !is_init(x->rinit, t) || l->v[t + 1].nl ||
	    value_may_start(x->c->right, k) != 0)
		return 0;
	n = fold(x->c->right, k, w, sizeof w);
	return n >= 2 && !stem_is_stop(w, n) && !stem_is_number_word(w, n) &&
	       !lex_is_opener(w, n) &&
	       !(n > 2 && memcmp(w + n - 2, "ly", 2) == 0 &&
	         !lex_is_ly_name(w, n));
}

/* Widen the name at rewrite token t to its run of capitalised words in
 * its sentence and line, with connectors ("Memorandum on the Prevention
 * of Incidents"; "and" only in a run that has one already, as a title
 * does: "Prevention of Incidents and Ensuring Air Safety"): [*r0, *r1). */
static void
widen_name(const struct fx *x, uint32_t t, uint32_t *r0, uint32_t *r1)
{
	const struct toklist *l = &x->c->rt;
	int joined = 0; /* a connector is in the run */

	*r0 = t;
	*r1 = t + 1;
	for (;;) {
		uint32_t a = *r0, k;
		if (a >= 1 && run_word(x, a - 1) && !l->v[a].nl) {
			*r0 = a - 1;
			continue;
		}
		if (a >= 2 && initial_dot(x, a - 1)) { /* "J. Krol" */
			*r0 = a - 2;
			continue;
		}
		/* connectors before: look back from a word two or three
		 * before */
		for (k = 1; k <= 2; k++)
			if (a >= k + 1 && run_word(x, a - k - 1) &&
			    !l->v[a].nl && connectors_at(x, a - k, joined) == k)
				break;
		if (k <= 2) {
			*r0 = a - k - 1;
			joined = 1;
			continue;
		}
		break;
	}
	for (;;) {
		uint32_t e = *r1, k;
		if (e < l->n && run_word(x, e) && !l->v[e].nl) {
			*r1 = e + 1;
			continue;
		}
		if (initial_dot(x, e)) { /* "Michael J." and the name after */
			*r1 = e + 2;
			continue;
		}
		if (e < l->n && (k = connectors_at(x, e, joined)) > 0) {
			*r1 = e + k + 1;
			joined = 1;
			continue;
		}
		break;
	}
}

/* Does the line s[0..n) open with a list's bullet ("- ", "* ", "• ",
 * "– ", "· ")?  An item of a list is no headline, however short: "- 45
 * people injured" keeps its facts. */
static int
list_item(const unsigned char *s, size_t n)
{
	size_t i = 0, m;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && (s[i] == '-' || s[i] == '*'))
		m = 1;
	else if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 &&
	         (s[i + 2] == 0xA2 || s[i + 2] == 0x93))
		m = 3; /* U+2022 bullet, U+2013 en dash */
	else if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xB7)
		m = 2; /* U+00B7 middle dot */
	else
		return 0;
	return i + m < n && s[i + m] == ' ';
}

/* Is the line [ls, le) of the rewrite no sentence with content: page
 * furniture (lexicon.h), a photo caption closed by a bracketed credit, a
 * line that does not end as a sentence (a headline, a teaser), or a
 * dateline or timestamp (numbers, months, weekdays, "am" and "pm"
 * alone)? */
static int
furniture_line(const struct fx *x, size_t ls, size_t le)
{
	const struct text *t = x->c->right;
	const unsigned char *s = t->buf + ls;
	size_t n = le - ls;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	unsigned furn = lex_furniture(s, n);
	if (furn & (LEX_FURN_START | LEX_FURN_WITHIN))
		return 1;
	size_t lo = 0, hi = x->c->rt.n, words = 0; /* the line's first token */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->c->rt.v[mid].off < ls)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < x->c->rt.n && x->c->rt.v[i].off < ls + n; i++)
		words += x->c->rt.v[i].kind == TOK_WORD;
	/* a byline is short: a paragraph that begins "By 2030, ..." is a
	 * sentence, and keeps its facts */
	if ((furn & LEX_FURN_SHORT) && words <= LEX_FURNITURE_WORDS)
		return 1;
	/* a headline, a teaser cut short, a list of links: a short line
	 * that does not end as a sentence does (closing quotes and
	 * brackets aside), or any line ending in an ellipsis; a caption
	 * (long, closed by a credit) keeps its facts */
	size_t e = n;
	while (e && (s[e - 1] == '"' || s[e - 1] == ')' || s[e - 1] == '\'' ||
	             (e >= 3 && s[e - 3] == 0xE2 && s[e - 2] == 0x80 &&
	              (s[e - 1] == 0x9D || s[e - 1] == 0x99))))
		e -= s[e - 1] >= 0x80 ? 3 : 1;
	if ((words <= HEADLINE_WORDS && !list_item(s, n) &&
	     (!e || (s[e - 1] != '.' && s[e - 1] != '!' && s[e - 1] != '?'))) ||
	    (e >= 2 && s[e - 1] == '.' && s[e - 2] == '.') ||
	    (e >= 3 && memcmp(s + e - 3, "\xE2\x80\xA6", 3) == 0))
		return 1;
	/* a dateline or timestamp: no word but values and am/pm */
	for (size_t i = lo; i < x->c->rt.n && x->c->rt.v[i].off < ls + n; i++) {
		const struct tok *k = &x->c->rt.v[i];
		char w[WORD_MAX];
		size_t wn = fold(t, k, w, sizeof w);
		if (k->kind != TOK_WORD)
			continue;
		if (value_may_start(t, k) == 0 &&
		    !(wn == 2 &&
		      (memcmp(w, "am", 2) == 0 || memcmp(w, "pm", 2) == 0)))
			return 0;
	}
	return 1;
}

/* Is rewrite token t (a possessive read as its name) a name of the
 * official text, spelled the same or one letter or so apart ("Assad" for
 * "Asad")? */
static int
known_name(struct fx *x, uint32_t t)
{
	char key[VALUE_KEY_MAX];
	uint32_t id = x->c->rt.id[t];

	if (x->lname[id])
		return 1;
	/* asked once per word: the spelling test runs over all the
	 * official names */
	if (!x->rknown[id])
		x->rknown[id] = name_key(x->c, 1, t, t + 1, key, sizeof key) &&
		                                official_near(x, key)
		                        ? 2
		                        : 1;
	return x->rknown[id] == 2;
}

/* Is rewrite token t a word of parts joined by hyphens each of which the
 * official text has, or is a plain lower-case word ("US-Russian",
 * "US-led"; not "SU-22", nor "seven-year", whose number is a value)? */
static int
known_parts(const struct fx *x, uint32_t t)
{
	const struct tok *k = &x->c->rt.v[t];
	const char *w = (const char *)x->c->right->buf + k->off;
	size_t n = tok_len(&x->c->rt, t), a = 0;
	char key[VALUE_KEY_MAX], d[24];
	int parts = 0;

	if (k->kind != TOK_WORD || !memchr(w, '-', n))
		return 0;
	while (a < n) {
		size_t e = a;
		while (e < n && w[e] != '-')
			e++;
		if (e == a || e - a >= sizeof key)
			return 0;
		int lower = w[a] >= 'a' && w[a] <= 'z';
		char *kk;
		size_t kn;
		if (uni_key((const unsigned char *)w + a, e - a,
		            UNI_KEY_FOLD | UNI_KEY_CASE | UNI_KEY_MARKS, &kk,
		            &kn) < 0)
			return 0;
		size_t m = 0;
		for (size_t i = 0; i < kn && m + 1 < sizeof key; i++)
			if ((kk[i] >= 'a' && kk[i] <= 'z') ||
			    (kk[i] >= '0' && kk[i] <= '9') ||
			    (unsigned char)kk[i] >= 0x80)
				key[m++] = kk[i];
		key[m] = '\0';
		free(kk);
		if (lex_number(key, m, d, sizeof d) ||
		    (key[0] >= '0' && key[0] <= '9'))
			return 0; /* a number: a value of its own */
		if (!lower && !official_key(x, key))
			return 0;
		parts++;
		a = e + 1;
	}
	return parts >= 2;
}

/* Does rewrite token t stand in a label that opens its line, a few words
 * before a colon ("Monitoring Desk:", "Danag, November 11:"), or in a
 * bracketed credit that ends it ("[PPIO]")?  A label is names and
 * numbers: a clause before a colon ("In 2019 alone 45 people died: ...")
 * is none, and keeps its facts. */
static int
line_label(const struct fx *x, uint32_t t)
{
	const struct toklist *l = &x->c->rt;
	const unsigned char *b = x->c->right->buf;
	uint32_t a = t, words = 0;
	int named = 1; /* every word so far capitalised, or a connector */

	while (a > 0 && !l->v[a].nl)
		a--;
	for (uint32_t i = a; i < l->n && words <= LABEL_WORDS && named; i++) {
		if (i > a && l->v[i].nl)
			break;
		if (l->v[i].kind == TOK_WORD || l->v[i].kind == TOK_NUMBER)
			words++;
		if (l->v[i].kind == TOK_WORD &&
		    !(l->v[i].flags & TOK_F_UPPER)) {
			char w[WORD_MAX];
			size_t n = fold(x->c->right, &l->v[i], w, sizeof w);
			named = connector(w, n);
		}
		if (l->v[i].kind == TOK_PUNCT && l->v[i].slen == 1 &&
		    b[l->v[i].off] == ':' && i > t)
			return 1;
	}
	/* a bracket closing the line, opened before t */
	uint32_t e = t;
	while (e + 1 < l->n && !l->v[e + 1].nl)
		e++;
	if (l->v[e].kind != TOK_PUNCT || b[l->v[e].off] != ']')
		return 0;
	for (uint32_t i = t; i > a; i--)
		if (l->v[i - 1].kind == TOK_PUNCT && b[l->v[i - 1].off] == '[')
			return 1;
	return 0;
}

/* Is rewrite token t the "one" of "one another", a pronoun and no
 * number? */
static int
reciprocal(const struct fx *x, uint32_t t)
{
	const struct toklist *l = &x->c->rt;
	char w[WORD_MAX];

	return t + 1 < l->n && fold(x->c->right, &l->v[t], w, sizeof w) == 3 &&
	       !memcmp(w, "one", 3) &&
	       fold(x->c->right, &l->v[t + 1], w, sizeof w) == 7 &&
	       !memcmp(w, "another", 7);
}

/* The name keys find_new has found, as a set: the keys v[0..n) (room for
 * cap), and a table of nslot places (a power of two, at least twice n, or
 * 0), each 0 or one more than the index of a key in v, looked up from
 * the key's hash on (key_hash) to the first 0. */
struct seen_keys {
	char (*v)[VALUE_KEY_MAX];
	size_t n, cap;
	uint32_t *slot;
	size_t nslot;
};

/* A hash of the key k (FNV-1a over its bytes). */
static uint32_t
key_hash(const char *k)
{
	uint32_t h = 2166136261u;

	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 16777619u;
	return h;
}

/* Is key in the set s? */
static int
seen_has(const struct seen_keys *s, const char *key)
{
	if (!s->nslot)
		return 0;
	size_t m = s->nslot - 1;
	for (size_t h = key_hash(key) & m; s->slot[h]; h = (h + 1) & m)
		if (strcmp(s->v[s->slot[h] - 1], key) == 0)
			return 1;
	return 0;
}

/* Put key (a buffer of VALUE_KEY_MAX bytes) in the set s, unless it is
 * there.  0, or -1 when memory ran out (s still a set). */
static int
seen_add(struct seen_keys *s, const char *key)
{
	if (seen_has(s, key))
		return 0;
	if (s->n >= UINT32_MAX - 1)
		return -1;
	if (2 * (s->n + 1) > s->nslot) {
		size_t ns = s->nslot ? 2 * s->nslot : 64;
		uint32_t *t = calloc(ns, sizeof *t);
		if (!t)
			return -1;
		for (size_t i = 0; i < s->n; i++) {
			size_t h = key_hash(s->v[i]) & (ns - 1);
			while (t[h])
				h = (h + 1) & (ns - 1);
			t[h] = (uint32_t)i + 1;
		}
		free(s->slot);
		s->slot = t;
		s->nslot = ns;
	}
	char(*nv)[VALUE_KEY_MAX] =
	        grow_array(s->v, &s->cap, s->n + 1, sizeof *nv, 32);
	if (!nv)
		return -1;
	s->v = nv;
	memcpy(s->v[s->n], key, VALUE_KEY_MAX);
	size_t h = key_hash(key) & (s->nslot - 1);
	while (s->slot[h])
		h = (h + 1) & (s->nslot - 1);
	s->slot[h] = (uint32_t)++s->n;
	return 0;
}

/* The new facts of passage p's blocks, as findings; seen holds the keys
 * of those already found. */
static int
find_new(struct fx *x, uint32_t p, struct seen_keys *seen)
{
	const struct cmp *c = x->c;
	const struct passage *ps = &c->ps.v[p];
	size_t f0 = c->fd.n;

	for (size_t m = ps->m0; m < psg_m1(ps); m++) {
		const struct block *b = &c->al.blocks[c->ps.mem[m]];
		for (size_t f = b->f0; f < b->f1; f++) {
			const struct fact *fa = &c->al.facts[f];
			uint32_t r0 = fa->t0, r1 = fa->t1, s, shown;
			const struct tok *k = &c->rt.v[r0];
			char key[VALUE_KEY_MAX];
			size_t ls, le;
			if (fa->kind != FACT_NEW)
				continue;
			s = seg_of(&c->rs, r0);
			if (x->rtitle[s])
				continue;
			int furn;
			if (k->off >= x->furn_s && k->off < x->furn_e) {
				ls = x->furn_s; /* the last fact's line */
				le = x->furn_e;
				furn = x->furn;
			} else {
				line_of(c->right, k->off, &ls, &le);
				furn = furniture_line(x, ls, le);
				x->furn_s = ls;
				x->furn_e = le;
				x->furn = furn;
			}
			if (furn || line_label(x, r0))
				continue;
			/* inside the run of one found before */
			if (c->fd.n > f0 &&
			    c->fd.v[c->fd.n - 1].type == FIND_NEW &&
			    r0 >= c->fd.v[c->fd.n - 1].r0 &&
			    r0 < c->fd.v[c->fd.n - 1].r1)
				continue;
			struct item it = {0};
			if (read_value(x, 1, r0, &it) &&
			    (it.kind == VALUE_WEEKDAY ||
			     (it.t0 == r0 && passage_rounds(x, ps, &it))))
				continue;
			if (r1 - r0 == 1 && reciprocal(x, r0))
				continue;
			if (run_word(x, r0)) {
				widen_name(x, r0, &r0, &r1);
				if (r1 < fa->t1)
					r1 = fa->t1;

				if (in_official(x, r0, r1) ||
				    (r1 - r0 == 1 && known_parts(x, r0)))
					continue;
				int parts = in_official_parts(x, r0, r1);
				if (parts < 0)
					return -1;
				if (parts)
					continue;
				char rk[VALUE_KEY_MAX];
				if (!name_key(c, 1, r0, r1, rk, sizeof rk))
					return -1;
				if (official_key(x, rk)) /* "Vice President" */
					continue;
				/* "Md." where the official text has
				 * "Maryland" */
				int ab =
				        abbreviated(c, 1, r0, r1)
				                ? abbreviates_official(c, p, rk)
				                : 0;
				if (ab < 0)
					return -1;
				if (ab)
					continue;
				/* a country the official text names another
				 * way: "Mexican", "Moscow's" for "Russia" */
				int g = place_of(c, 1, r0, r1);
				if (g >= 0 && g < PLACES_MAX && x->oplace[g])
					continue;
				/* first names or titles before a name the
				 * official text has: "Vladimir Putin"; not a
				 * name joined by a connector ("... Air
				 * Safety in Syria") */
				if (r1 - r0 >= 2 &&
				    (c->rt.v[r1 - 2].flags & TOK_F_UPPER) &&
				    known_name(x, r1 - 1))
					continue;
			}
			/* shown from the sentence's first word when that opens
			 * the name ("Alan Greenspan"), judged and keyed without
			 * it ("Greenspan" later is the same name) */
			shown = r0 >= 1 && run_word(x, r0) &&
			                        opens_name(x, r0 - 1)
			                ? r0 - 1
			                : r0;
			/* a title alone ("Ms." parted by its period from the
			 * name after it) names no one */
			if (only_titles(c, 1, r0, r1))
				continue;
			if (!name_key(c, 1, r0, r1, key, sizeof key))
				return -1;
			if (seen_has(seen, key))
				continue;
			if (seen_add(seen, key) < 0)
				return -1;
			if (add(x, FIND_NEW, p, 0, 0, shown, r1) < 0)
				return -1;
			/* its last word alone, later, is the same one named
			 * again: "George W. Bush", then "Bush" */
			if (r1 - r0 >= 2 && c->rt.v[r1 - 1].kind == TOK_WORD) {
				if (!name_key(c, 1, r1 - 1, r1, key,
				              sizeof key))
					return -1;
				if (seen_add(seen, key) < 0)
					return -1;
			}
		}
	}
	return 0;
}

/* ---- the whole -------------------------------------------------------- */

/* The first word after the dateline that opens the sentence at tokens
 * [t, t1) of l (text tx), or t1 when it has none.  A dateline is up to
 * DATELINE_WORDS capitalised words and numbers, maybe with commas and
 * abbreviations' points between, then a dash standing apart or a colon:
 * "BOSTON – A man", "CHATTANOOGA, Tenn. — A citizen", "DANANG: The".
 * Not "U.S.–Russia", whose dash stands against its words. */
#define DATELINE_WORDS 8
static uint32_t
after_dateline(const struct text *tx, const struct toklist *l, uint32_t t,
               uint32_t t1)
{
	size_t words = 0;

	for (; t < t1; t++) {
		const struct tok *k = &l->v[t];
		if (k->kind == TOK_WORD || k->kind == TOK_NUMBER) {
			if (++words > DATELINE_WORDS ||
			    (k->kind == TOK_WORD && !(k->flags & TOK_F_UPPER)))
				return t1;
			continue;
		}
		if (k->kind != TOK_PUNCT || !words)
			return t1;
		const unsigned char *b = tx->buf + k->off;
		size_t n = tok_len(l, t);
		int colon = n == 1 && b[0] == ':';
		int dash =
		        k->space && ((n == 1 && b[0] == '-') ||
		                     (n == 3 && b[0] == 0xE2 && b[1] == 0x80 &&
		                      (b[2] == 0x93 || b[2] == 0x94)));
		if (colon || dash) {
			if (t + 1 < t1 && l->v[t + 1].space &&
			    l->v[t + 1].kind == TOK_WORD)
				return t + 1;
			return t1;
		}
		if (!(n == 1 && (b[0] == ',' || b[0] == '.')))
			return t1;
	}
	return t1;
}

/* Mark the first word of every sentence of one side in the bits init, and
 * the first word after a dateline that opens one when it is a function
 * word ("BOSTON – A man", "BOSTON – On Monday"; not "BOSTON – Homeland
 * Security Investigations", a name however it stands). */
static void
sentence_starts(const struct cmp *c, int right, uint64_t *init)
{
	const struct seglist *sl = right ? &c->rs : &c->ls;
	const struct toklist *l = side_toks(c, right);

	for (size_t s = 0; s < sl->n; s++) {
		uint32_t t = sl->v[s].t0, t1 = sl->v[s].t1;
		while (t < t1 && l->v[t].kind != TOK_WORD &&
		       l->v[t].kind != TOK_NUMBER)
			t++;
		if (t >= t1)
			continue;
		init[t / 64] |= (uint64_t)1 << (t % 64);
		uint32_t d = after_dateline(side_text(c, right), l, t, t1);
		char w[WORD_MAX];
		size_t n = d < t1 ? fold(side_text(c, right), &l->v[d], w,
		                         sizeof w)
		                  : 0;
		if (n && stem_is_stop(w, n))
			init[d / 64] |= (uint64_t)1 << (d % 64);
	}
}

/* The name key of official capitalised word t appended to x->okeys (its
 * room *cap), unless a word of its id had one already (done[id], set
 * here: the key is made of the first word of each id).  0, or -1 when
 * memory ran out or name_key gave none. */
static int
official_name_key(struct fx *x, uint32_t t, unsigned char *done, size_t *cap)
{
	uint32_t id = x->c->lt.id[t];

	if (done[id])
		return 0;
	done[id] = 1;
	char(*nk)[VALUE_KEY_MAX] =
	        grow_array(x->okeys, cap, x->nokeys + 1, sizeof *nk, 64);
	if (!nk)
		return -1;
	x->okeys = nk;
	if (!name_key(x->c, 0, t, t + 1, nk[x->nokeys], VALUE_KEY_MAX))
		return -1;
	x->nokeys++;
	return 0;
}

/* The countries named by the runs of up to PLACE_WORDS capitalised
 * official words from word token t, as place_of gives them, marked in
 * x->oplace.  A first word whose key no country's starts with and that
 * is no possessive starts no run that names one; skip[id] keeps such a
 * word of t's id (its index + 1), and a word of the very same bytes is
 * passed over without the lexicon (an id can lump words of other bytes,
 * curly quotes or cases, so the bytes decide). */
static void
official_places(struct fx *x, uint32_t t, uint32_t *skip)
{
	const struct cmp *c = x->c;
	const struct toklist *l = &c->lt;
	const unsigned char *buf = c->left->buf;
	uint32_t id = l->id[t], r = skip[id];
	size_t len = tok_len(l, t), npre = 0;
	char pre[VALUE_KEY_MAX];

	if (r && tok_len(l, r - 1) == len &&
	    memcmp(buf + l->v[r - 1].off, buf + l->v[t].off, len) == 0)
		return;
	for (uint32_t e = t + 1; e <= l->n && e - t <= PLACE_WORDS; e++) {
		/* every run's key from here on starts with this run's, its
		 * last word whole: none names a country if no name starts
		 * so, this run included unless place_of takes a possessive
		 * off its last word */
		const struct tok *k = &l->v[e - 1];
		int more = place_prefix(c, e - 1, pre, &npre);
		int poss = !more && k->kind == TOK_WORD &&
		           unpossess((const char *)buf + k->off,
		                     tok_len(l, e - 1)) < tok_len(l, e - 1);
		if (more || poss) {
			int g = place_of(c, 0, t, e);
			if (g >= 0 && g < PLACES_MAX)
				x->oplace[g] = 1;
		}
		if (!more) {
			if (e == t + 1 && !poss)
				skip[id] = t + 1;
			break;
		}
		if (e < l->n && !(l->v[e].flags & TOK_F_UPPER) &&
		    !(l->v[e].kind == TOK_PUNCT && l->v[e].slen == 1 &&
		      buf[l->v[e].off] == '.'))
			break;
	}
}

/* Is rewrite segment s a title-case line: no sentence end, at least two
 * words, two in three of them capitalised ("Best Shampoo for Hair Growth
 * in Pakistan")? */
static int
title_case(const struct cmp *c, uint32_t s)
{
	const struct seg *g = &c->rs.v[s];
	size_t words = 0, caps = 0;

	/* a sentence end, if any, is most often the last token: looked for
	 * from the end, before the words are counted */
	for (uint32_t t = g->t1; t > g->t0; t--)
		if (c->rt.v[t - 1].flags & TOK_F_STOP)
			return 0;
	for (uint32_t t = g->t0; t < g->t1; t++) {
		const struct tok *k = &c->rt.v[t];
		if (k->kind != TOK_WORD)
			continue;
		words++;
		caps += (k->flags & TOK_F_UPPER) != 0;
	}
	return words >= 2 && caps * 3 >= words * 2;
}

/* Set up what the finders share.  0 or -1. */
static int
fx_init(struct fx *x, struct cmp *c)
{
	memset(x, 0, sizeof *x);
	x->c = c;
	x->fd = &c->fd;
	x->nid = intern_count(c->in);
	x->linit = calloc(c->lt.n / 64 + 1, sizeof *x->linit);
	x->rinit = calloc(c->rt.n / 64 + 1, sizeof *x->rinit);
	x->lhas = calloc(x->nid + 1, 1);
	x->rhas = calloc(x->nid + 1, 1);
	x->rsay = calloc(x->nid + 1, 1);
	x->lname = calloc(x->nid + 1, 1);
	x->rtitle = calloc(c->rs.n + 1, 1);
	x->vstart = calloc(x->nid + 1, 1);
	x->neg = calloc(x->nid + 1, 1);
	x->rknown = calloc(x->nid + 1, 1);
	x->hedge = calloc(x->nid + 1, 1);
	if (!x->linit || !x->rinit || !x->lhas || !x->rhas || !x->rsay ||
	    !x->lname || !x->rtitle || !x->vstart || !x->neg || !x->rknown ||
	    !x->hedge)
		return -1;
	sentence_starts(c, 0, x->linit);
	sentence_starts(c, 1, x->rinit);
	/* one pass over the official tokens: the ids present, the quotable
	 * words, and for each capitalised word its id as a name, its name
	 * key and the countries the runs from it name */
	unsigned char *done = calloc(x->nid + 1, 1);
	uint32_t *skip = calloc(x->nid + 1, sizeof *skip);
	size_t cap = 0;
	int rc = done && skip ? 0 : -1;
	/* the byte stores may alias anything: what the loop reads is kept
	 * in locals, and the quotable words counted in one */
	const struct tok *lv = c->lt.v;
	const uint32_t *lid = c->lt.id;
	unsigned char *lhas = x->lhas;
	size_t nlt = c->lt.n, nlw = 0;
	for (size_t t = 0; t < nlt && rc == 0; t++) {
		const struct tok *k = &lv[t];
		uint32_t id = lid[t];
		lhas[id] = 1;
		nlw += k->kind == TOK_WORD || k->kind == TOK_NUMBER;
		if (k->kind != TOK_WORD || !(k->flags & TOK_F_UPPER))
			continue;
		if (!is_init(x->linit, t))
			x->lname[id] = 1;
		if (official_name_key(x, (uint32_t)t, done, &cap) < 0)
			rc = -1;
		else
			official_places(x, (uint32_t)t, skip);
	}
	x->nlw += nlw;
	free(done);
	free(skip);
	if (rc < 0)
		return -1;
	const uint32_t *rid = c->rt.id;
	unsigned char *rhas = x->rhas;
	for (size_t t = 0, nrt = c->rt.n; t < nrt; t++)
		rhas[rid[t]] = 1;
	if (x->nokeys)
		qsort(x->okeys, x->nokeys, sizeof *x->okeys, by_key);
	/* the names official sentences start with ("The" aside) */
	for (size_t g = 0; g < c->ls.n && x->nselves < 16; g++) {
		uint32_t a = c->ls.v[g].t0, e, end = c->ls.v[g].t1;
		char w[WORD_MAX], key[VALUE_KEY_MAX];
		if (a < end && fold(c->left, &c->lt.v[a], w, sizeof w) == 3 &&
		    memcmp(w, "the", 3) == 0)
			a++;
		for (e = a;
		     e < end && e - a < 4 && c->lt.v[e].kind == TOK_WORD &&
		     (c->lt.v[e].flags & TOK_F_UPPER);
		     e++)
			;
		/* a name, not a capitalised first word alone ("These") */
		if (e - a < 2 && !(e == a + 1 && x->lname[c->lt.id[a]]))
			continue;
		if (!name_key(c, 0, a, e, key, sizeof key))
			return -1;
		size_t i = 0;
		while (i < x->nselves && strcmp(x->selves[i], key) != 0)
			i++;
		if (i == x->nselves)
			memcpy(x->selves[x->nselves++], key, sizeof key);
	}
	for (size_t s = 0; s < c->rs.n; s++)
		x->rtitle[s] = (unsigned char)title_case(c, (uint32_t)s);
	return 0;
}

static void
fx_free(struct fx *x)
{
	free(x->linit);
	free(x->rinit);
	free(x->lhas);
	free(x->rhas);
	free(x->rsay);
	free(x->lname);
	free(x->rtitle);
	free(x->okeys);
	free(x->oksum);
	intern_free(x->parts);
	intern_free(x->oparts);
	free(x->pstart);
	free(x->pcount);
	free(x->prep);
	free(x->plast);
	free(x->ppart);
	free(x->pscr);
	free(x->pdiff);
	free(x->pvar);
	free(x->pidstart);
	free(x->pids);
	free(x->phit);
	free(x->parts_in);
	free(x->hstart);
	free(x->hbyte);
	free(x->hskip);
	free(x->hcode);
	free(x->vstart);
	free(x->neg);
	free(x->rknown);
	free(x->hedge);
	dops_free(&x->ops);
}

/* A side of s not changed whole, of SPANS_MIN operations at most: its
 * changed ranges sorted into few (room for SPANS_MIN, shared by the two
 * sides), so that next_in_slow and in_stretch search them rather than
 * walk the operations for every token (their answers are the same: the
 * ranges do not overlap, each token being changed once). */
static void
few_spans(struct stretch *s, struct span *few)
{
	size_t n = 0;

	for (int r = 0; r < 2; r++) {
		if (s->whole[r])
			continue;
		s->sp[r] = few + n;
		for (size_t j = s->k0; j < s->k1; j++) {
			const struct dop *o = &s->v[j];
			uint32_t a = r ? o->b0 : o->a0, b = r ? o->b1 : o->a1;
			if (dop_kind(o) != (r ? DOP_INSERT : DOP_DELETE) ||
			    a >= b)
				continue;
			/* in by_span's order: the script's are already */
			size_t at = n++;
			while (at > (size_t)(s->sp[r] - few) &&
			       few[at - 1].a > a) {
				few[at] = few[at - 1];
				at--;
			}
			few[at] = (struct span){a, b};
		}
		s->nsp[r] = (size_t)(few + n - s->sp[r]);
	}
}

/* The findings of the stretches of passage p's word diff. */
static int
find_stretches(struct fx *x, uint32_t p)
{
	const struct dop *v = x->ops.v;
	size_t nops = x->ops.n;

	x->pneg_known = 0;
	x->pkept = 0;
	for (size_t k = 0; k < nops && !x->pkept; k++)
		x->pkept = dop_kind(&v[k]) == DOP_EQUAL &&
		           tok_words(&x->c->lt, v[k].a0, v[k].a1) > 0;
	for (size_t k = 0; k < nops;) {
		if (dop_kind(&v[k]) == DOP_EQUAL) {
			k++;
			continue;
		}
		struct stretch s = {v,      k,      k,      {0, 0},
		                    {0, 0}, {0, 0}, {0, 0}, {NULL, NULL},
		                    {0, 0}, NULL};
		struct span *sp = NULL, few[SPANS_MIN];
		size_t cur[2] = {0, 0};
		while (s.k1 < nops && dop_kind(&v[s.k1]) != DOP_EQUAL)
			s.k1++;
		k = s.k1;
		s.cur = cur;
		stretch_bounds(x->c, &s);
		if (s.k1 - s.k0 <= SPANS_MIN)
			few_spans(&s, few);
		else if (!s.whole[0] || !s.whole[1]) {
			/* many operations: in_stretch searches the ranges */
			sp = malloc((s.k1 - s.k0) * sizeof *sp);
			if (!sp)
				return -1;
			size_t n = 0;
			for (int r = 0; r < 2; r++) {
				s.sp[r] = sp + n;
				for (size_t j = s.k0; j < s.k1; j++) {
					const struct dop *o = &v[j];
					uint32_t a = r ? o->b0 : o->a0,
					         b = r ? o->b1 : o->a1;
					if (dop_kind(o) == (r ? DOP_INSERT
					                      : DOP_DELETE) &&
					    a < b)
						sp[n++] = (struct span){a, b};
				}
				s.nsp[r] = (size_t)(sp + n - s.sp[r]);
				qsort(sp + (s.sp[r] - sp), s.nsp[r], sizeof *sp,
				      by_span);
			}
		}
		int rc = find_negation(x, p, &s) < 0 ||
		                         find_values(x, p, &s) < 0 ||
		                         find_names(x, p, &s) < 0 ||
		                         find_certainty(x, p, &s) < 0
		                 ? -1
		                 : 0;
		free(sp);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* Do tokens [a, b) of side right hold punctuation only? */
static int
only_punct(const struct cmp *c, int right, uint32_t a, uint32_t b)
{
	return a <= b && tok_words(side_toks(c, right), a, b) == 0;
}

static int
by_place(const void *a, const void *b)
{
	const struct finding *p = a, *q = b;
	uint32_t pa = p->r0 < p->r1 ? p->r0 : p->l0,
	         qa = q->r0 < q->r1 ? q->r0 : q->l0;
	if (p->passage != q->passage)
		return p->passage < q->passage ? -1 : 1;
	if (pa != qa)
		return pa < qa ? -1 : 1;
	return (p->type > q->type) - (p->type < q->type);
}

/* Sort the findings of passages [.., p] found from f0 on, join two of
 * one type whose sides are apart by punctuation only ("Amman, Jordan"
 * for "Cairo, Egypt"), and drop one that repeats another's spans. */
static void
tidy(struct findings *fd, size_t f0)
{
	size_t w = f0;

	if (fd->n <= f0)
		return;
	qsort(fd->v + f0, fd->n - f0, sizeof *fd->v, by_place);
	for (size_t i = f0; i < fd->n; i++) {
		struct finding *f = &fd->v[i],
		               *last = w > f0 ? &fd->v[w - 1] : NULL;
		if (last && last->type == f->type &&
		    last->passage == f->passage && last->l0 == f->l0 &&
		    last->l1 == f->l1 && last->r0 == f->r0 && last->r1 == f->r1)
			continue;
		/* the new side of a changed value or name is no new fact */
		int changed = 0;
		for (size_t j = f0; j < fd->n && f->type == FIND_NEW; j++) {
			const struct finding *g = &fd->v[j];
			if ((g->type == FIND_VALUE || g->type == FIND_NAME) &&
			    g->r0 < f->r1 && f->r0 < g->r1)
				changed = 1;
		}
		if (!changed)
			fd->v[w++] = *f;
	}
	fd->n = w;
}

static void
join_neighbours(const struct cmp *c, struct findings *fd, size_t f0)
{
	size_t w = f0;

	for (size_t i = f0; i < fd->n; i++) {
		struct finding *f = &fd->v[i],
		               *last = w > f0 ? &fd->v[w - 1] : NULL;
		if (last && last->passage == f->passage &&
		    last->type == f->type &&
		    (f->type == FIND_VALUE || f->type == FIND_NAME) &&
		    last->l1 <= f->l0 && last->r1 <= f->r0 &&
		    only_punct(c, 0, last->l1, f->l0) &&
		    only_punct(c, 1, last->r1, f->r0)) {
			last->l1 = f->l1;
			last->r1 = f->r1;
			continue;
		}
		fd->v[w++] = *f;
	}
	fd->n = w;
}

/* A fact with the block it goes to. */
struct bfact {
	size_t block;
	struct fact f;
};

static int
by_block(const void *a, const void *b)
{
	const struct bfact *p = a, *q = b;
	if (p->block != q->block)
		return p->block < q->block ? -1 : 1;
	return (p->f.t0 > q->f.t0) - (p->f.t0 < q->f.t0);
}

/* Make the facts of c->al over to match the value, name and new
 * findings.  0 or -1 (then the facts are as they were). */
static int
remake_facts(struct cmp *c)
{
	struct bfact *bf = malloc((c->fd.n + 1) * sizeof *bf);
	struct fact *nf;
	size_t n = 0;

	if (!bf)
		return -1;
	for (size_t i = 0; i < c->fd.n; i++) {
		const struct finding *f = &c->fd.v[i];
		const struct passage *p = &c->ps.v[f->passage];
		if ((f->type != FIND_VALUE && f->type != FIND_NAME &&
		     f->type != FIND_NEW) ||
		    f->r0 == f->r1)
			continue;
		for (size_t m = p->m0; m < psg_m1(p); m++) {
			uint32_t t0, t1;
			psg_block_tokens(c, c->ps.mem[m], 1, &t0, &t1);
			if (f->r0 >= t0 && f->r0 < t1) {
				bf[n].block = c->ps.mem[m];
				bf[n].f = (struct fact){
				        f->r0, f->r1 <= t1 ? f->r1 : t1,
				        f->type == FIND_NEW ? 0 : f->l0,
				        f->type == FIND_NEW ? 0 : f->l1,
				        f->type == FIND_NEW ? FACT_NEW
				                            : FACT_CHANGED};
				n++;
				break;
			}
		}
	}
	qsort(bf, n, sizeof *bf, by_block);
	nf = malloc((n + 1) * sizeof *nf);
	if (!nf) {
		free(bf);
		return -1;
	}
	size_t k = 0;
	for (size_t b = 0; b < c->al.nblocks; b++) {
		c->al.blocks[b].f0 = (uint32_t)k;
		while (k < n && bf[k].block == b) {
			nf[k] = bf[k].f;
			k++;
		}
		c->al.blocks[b].f1 = (uint32_t)k;
	}
	free(bf);
	free(c->al.facts);
	c->al.facts = nf;
	c->al.nfacts = n;
	for (size_t i = 0; i < c->ps.n; i++) {
		struct passage *p = &c->ps.v[i];
		p->nfacts = 0;
		for (size_t m = p->m0; m < psg_m1(p); m++) {
			const struct block *b = &c->al.blocks[c->ps.mem[m]];
			p->nfacts += b->f1 - b->f0;
		}
	}
	return 0;
}

int
find_run(struct cmp *c)
{
	struct fx x;
	struct seen_keys seen = {NULL, 0, 0, NULL, 0};
	int rc = -1;

	memset(&c->fd, 0, sizeof c->fd);
	if (fx_init(&x, c) < 0)
		goto out;
	for (uint32_t p = 0; p < c->ps.n; p++) {
		struct passage *ps = &c->ps.v[p];
		size_t f0 = c->fd.n;
		if (psg_ops(c, ps, &x.ops) < 0)
			goto out;
		if (ps->nleft && ps->nright &&
		    (find_stretches(&x, p) < 0 || find_quotes(&x, p) < 0))
			goto out;
		if (ps->nright && find_attribution(&x, p) < 0)
			goto out;
		if (ps->nright && find_new(&x, p, &seen) < 0)
			goto out;
		tidy(&c->fd, f0);
		join_neighbours(c, &c->fd, f0);
		ps->fi0 = f0;
	}
	c->ps.v[c->ps.n].fi0 = c->fd.n; /* the last one's end */
	if (remake_facts(c) < 0)
		goto out;
	for (size_t i = 0; i < c->fd.n; i++)
		c->fd.count[c->fd.v[i].type]++;
	rc = 0;
out:
	fx_free(&x);
	free(seen.v);
	free(seen.slot);
	if (rc < 0) {
		find_free(&c->fd);
		for (size_t i = 0; i <= c->ps.n; i++)
			c->ps.v[i].fi0 = 0;
	}
	return rc;
}

void
find_free(struct findings *fd)
{
	free(fd->v);
	memset(fd, 0, sizeof *fd);
}

const char *
find_type_name(unsigned type)
{
	static const char *const names[FIND_NTYPES] = {
	        "negation", "quote",     "attribution", "value",
	        "name",     "certainty", "new"};
	return type < FIND_NTYPES ? names[type] : NULL;
}

const char *
find_type_label(unsigned type, int plural)
{
	static const char *const one[FIND_NTYPES] = {
	        "negation",      "altered quote", "unsupported attribution",
	        "changed value", "changed name",  "certainty change",
	        "new fact"};
	static const char *const many[FIND_NTYPES] = {
	        "negations",      "altered quotes", "unsupported attributions",
	        "changed values", "changed names",  "certainty changes",
	        "new facts"};
	if (type >= FIND_NTYPES)
		return "";
	return plural ? many[type] : one[type];
}

size_t
find_total(const size_t count[FIND_NTYPES])
{
	size_t n = 0;

	for (unsigned t = 0; t < FIND_NTYPES; t++)
		n += count[t];
	return n;
}
