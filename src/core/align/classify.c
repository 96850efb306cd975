/* classify.c - stages 7 to 9 of the sentence alignment (align.c): the kind
 * and word diff of every block (verbatim or paraphrase, frames aside), the
 * new facts of the rewrite, and the nearest candidate of
 * every omission and addition.  Also the token ranges a block's word diff
 * compares (align_diff_range), which the model works out again rather
 * than keeps.
 */
#include <assert.h>
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "redline/grow.h"
#include "redline/lexicon.h"
#include "redline/stem.h"
#include "redline/uni.h"
#include "redline/value.h"
#include "../spawn.h"
#include "stage.h"

/* ---- 7. kinds -------------------------------------------------------- */

void
seg_tokens(const struct seglist *s, uint32_t s0, uint32_t s1, uint32_t *t0,
           uint32_t *t1)
{
	if (s0 < s1) {
		*t0 = s->v[s0].t0;
		*t1 = s->v[s1 - 1].t1;
	} else {
		*t0 = *t1 = 0;
	}
}

void
align_diff_range(const struct block *blocks, size_t k, const struct seglist *ls,
                 const struct seglist *rs, uint32_t *l0, uint32_t *l1,
                 uint32_t *r0, uint32_t *r1)
{
	const struct block *b = &blocks[k];

	seg_tokens(ls, b->ls0, b->ls1, l0, l1);
	seg_tokens(rs, b->rs0, b->rs1, r0, r1);
	/* one side of a split or merge: shown against the block it points
	 * to (an omission or addition is shown alone); most blocks point to
	 * none, so that is asked first */
	if (b->link < 0 || b->kind == BLK_OMISSION || b->kind == BLK_ADDITION)
		return;
	const struct block *m = &blocks[b->link];
	int has_l = b->ls1 > b->ls0, has_r = b->rs1 > b->rs0;
	if (has_l && !has_r)
		seg_tokens(rs, m->rs0, m->rs1, r0, r1);
	else if (has_r && !has_l)
		seg_tokens(ls, m->ls0, m->ls1, l0, l1);
}

/* Words of tokens [t0, t1) of l (text t) that turn a clause to the
 * negative (lex_is_negation), told in lower case. */
static size_t
negations(const struct text *t, const struct toklist *l, uint32_t t0,
          uint32_t t1)
{
	size_t n = 0;

	for (uint32_t i = t0; i < t1; i++) {
		const struct tok *k = &l->v[i];
		char w[16];
		size_t len = k->slen;
		if (k->kind != TOK_WORD || len >= sizeof w || !len)
			continue;
		/* no negation unless the word ends in 't' ("n't") or starts
		 * as one of the list does: most words are neither */
		unsigned char f = t->buf[k->off], z = t->buf[k->off + len - 1];
		f = (unsigned char)(f >= 'A' && f <= 'Z' ? f + 32 : f);
		if (z != 't' && z != 'T' && !lex_negation_initial(f))
			continue;
		for (size_t j = 0; j < len; j++) {
			unsigned char ch = t->buf[k->off + j];
			w[j] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
		}
		n += lex_is_negation(w, len);
	}
	return n;
}

/* Is the unmatched run b[s..e) of a rewrite sentence of nr words an
 * attribution frame, not content?  brk[j]: punctuation before word j (and
 * brk[nr], after the last); fr[j]: F_FRAME / F_THAT of word j.
 *  - At the start, set off by punctuation from the kept words: a
 *    dateline "CITY:", "According to X,".
 *  - At the start, ending in a frame word (and "that"): "X said (that)".
 *  - At the end or inside, set off by punctuation and holding a frame
 *    word: ", the statement read", a quote broken by ", he said,".  A
 *    clause run on after a comma without one is the rewrite's own
 *    content ("..., with two districts still at risk"). */
static int
is_frame(const unsigned char *brk, const unsigned char *fr, size_t nr, size_t s,
         size_t e)
{
	int framed = 0;

	for (size_t j = s; j < e; j++)
		framed |= fr[j] & F_FRAME;
	if (s == 0 && e == nr)
		return 0; /* nothing kept: no frame around it */
	if (s == 0)
		return brk[e] || (fr[e - 1] & F_FRAME) ||
		       (e >= 2 && (fr[e - 1] & F_THAT) &&
		        (fr[e - 2] & F_FRAME));
	if (e == nr)
		return framed && brk[s];
	return framed && brk[s] && brk[e];
}

/* Is the unmatched run a[s..e) of an official sentence of nl words what
 * the labelling rules leave aside when they count kept words: an
 * attribution frame or a dateline?  brk[j]: punctuation before word j
 * (and brk[nl], after the last); fr[j]: F_FRAME of word j; dl[j]: W_CAP
 * if word j is capitalised, W_NUM if a number, W_CONTENT if a content
 * word.  Stricter than the rewrite's is_frame, since words the rewrite
 * dropped are what a reader looks for:
 *  - a frame is set off by punctuation, and after its last word of saying
 *    holds only the speaker's name and title (capitalised words and stop
 *    words), with at most FRAME_SPEAKER_MAX words before it: '"...," said
 *    Maria Novak, the Commissioner for Aid', ", the ministry said", not
 *    ", the office said after a long meeting with engineers";
 *  - a dateline opens the sentence, capitalised words and a number, set
 *    off by punctuation or ending in the number: "Brussels, 8 February
 *    2012 -", "Washington, DC, April 2, 2018". */
enum { W_CAP = 1, W_NUM = 2, W_CONTENT = 4 };

static int
official_frame(const unsigned char *brk, const unsigned char *fr,
               const unsigned char *dl, size_t nl, size_t s, size_t e)
{
	size_t verb = e;
	int caps = 1, num = 0;

	if (s == 0 && e == nl)
		return 0; /* nothing kept: no frame around it */
	for (size_t j = s; j < e; j++) {
		if (fr[j] & F_FRAME)
			verb = j;
		caps &= (dl[j] & (W_CAP | W_NUM)) != 0;
		num |= (dl[j] & W_NUM) != 0;
	}
	if (s == 0 && caps && num && e - s <= DATELINE_MAX &&
	    (brk[e] || (dl[e - 1] & W_NUM)))
		return 1;
	if (verb == e || verb - s > FRAME_SPEAKER_MAX ||
	    !(s == 0 ? brk[e] : brk[s] && (e == nl || brk[e])))
		return 0;
	for (size_t j = verb + 1; j < e; j++)
		if ((dl[j] & W_CONTENT) && !(dl[j] & W_CAP))
			return 0;
	return 1;
}

/* Has any right token in [t0, t1) the flag F_FVERB in rflag?  Eight
 * flags are tested at a time while eight are left. */
static int
any_fverb(const unsigned char *rflag, uint32_t t0, uint32_t t1)
{
	const uint64_t mask = 0x0101010101010101u * F_FVERB;
	uint32_t t = t0;

	for (; t < t1 && t1 - t >= 8; t += 8) {
		uint64_t v;
		memcpy(&v, rflag + t, sizeof v);
		if (v & mask)
			return 1;
	}
	for (; t < t1; t++)
		if (rflag[t] & F_FVERB)
			return 1;
	return 0;
}

/* The first token after the lead frame of the rewrite sentence at tokens
 * [t0, t1), or t0 when it has none.  A lead frame is the words up to a
 * verb of saying (F_FVERB) among the first LEAD_FRAME_MAX words, with a
 * "that" after it: "In a statement, the embassy said (that) ...".  Not a
 * verb that follows punctuation ("If adopted, said the minister, ..."
 * frames a quote that began before it). */
uint32_t
lead_frame_end(const struct ctx *x, uint32_t t0, uint32_t t1)
{
	const struct toklist *l = &x->c->rt;
	uint32_t t, end = t0;
	size_t words = 0, rest = 0;
	int punct = 0;

	/* most sentences hold no verb of saying at all: then no lead */
	if (!any_fverb(x->w->rflag, t0, t1))
		return t0;
	for (t = t0; t < t1 && words < LEAD_FRAME_MAX; t++) {
		if (l->v[t].kind == TOK_PUNCT)
			punct = 1;
		if (lid_of(&x->w->rlid, t) < 0)
			continue;
		words++;
		if ((x->w->rflag[t] & F_FVERB) && !punct)
			end = t + 1;
		punct = 0;
	}
	if (end == t0)
		return t0;
	/* a "that" after the verb is the frame's too */
	for (t = end; t < t1 && lid_of(&x->w->rlid, t) < 0; t++)
		;
	if (t < t1 && (x->w->rflag[t] & F_THAT))
		end = t + 1;
	/* enough words must be left for a sentence */
	for (t = end; t < t1; t++)
		rest += lid_of(&x->w->rlid, t) >= 0;
	return rest >= LEAD_FRAME_REST ? end : t0;
}

/* Classes of a word for telling one subject named two ways. */
enum { W_WE = 1, W_THE = 2, W_TITLE = 4, W_NAME = 8, W_HE = 16 };

/* The W_* class of the word of loose id lid, content id cid, at token t
 * of side right (0 official), initial when it starts its sentence: a name
 * is a capitalised content word, at a sentence's start only if its stem
 * is never written in lower case (so "Farmers" opening a sentence is
 * not). */
static unsigned char
word_class(const struct ctx *x, int right, uint32_t t, int initial)
{
	int32_t lid = right ? lid_of(&x->w->rlid, t) : lid_of(&x->w->llid, t);
	int32_t cid = right ? rcid_of(x->w, t) : lcid_of(x->w, t);
	int upper = right ? (x->w->rflag[t] & F_UPPER) != 0
	                  : (x->c->lt.v[t].flags & TOK_F_UPPER) != 0;

	if (lid == x->w->we_id)
		return W_WE;
	if (lid == x->w->the_id)
		return W_THE;
	if (initial && (lid == x->w->he_id || lid == x->w->she_id))
		return W_HE;
	if (lid >= 0 && x->w->title[lid])
		return W_TITLE;
	if (upper && cid >= 0 && (!initial || x->w->name[cid]))
		return W_NAME;
	return 0;
}

/* The W_* classes of the run k[0..n) or'ed, or 0 when it is not a way of
 * naming a subject: at most SUBJECT_NAME_MAX words, a leading "the", then
 * titles and names, or "we", "he" or "she" alone. */
static unsigned
subject_run(const unsigned char *k, size_t n)
{
	unsigned all = 0;
	size_t i = 0;

	if (n > SUBJECT_NAME_MAX)
		return 0;
	if (n == 1 && (k[0] == W_WE || k[0] == W_HE))
		return k[0];
	if (i < n && k[i] == W_THE)
		i++;
	if (i == n)
		return 0;
	for (; i < n; i++) {
		if (k[i] != W_TITLE && k[i] != W_NAME)
			return 0;
		all |= k[i];
	}
	return all;
}

/* After the loose diff of left words and right words (ti[0..nl) and
 * ti[nl..nl+nr): their tokens; ini: 1 on a sentence's first word), mk
 * marking the words not kept (left first): mark kept, and add to *kl and
 * *kr, the hunks that name one subject two ways, which the labelling
 * rules count as kept: the official "we" told as who said it ("We are
 * concerned", "The United States is concerned"), a title dropped, added
 * or standing for the name ("President Novak", "Novak", "Mayor Novak"),
 * and "he" or "she" opening a sentence for a name, or a name for it
 * ("Captain Novak deployed", "He deployed").
 * Each side of such a hunk is empty or a subject run, "we" or a title is
 * in it, and names are on one side only (a name for another is another
 * person). */
static void
subject_kept(const struct ctx *x, unsigned char *mk, const uint32_t *ti,
             const unsigned char *ini, size_t nl, size_t nr, size_t *kl,
             size_t *kr)
{
	unsigned char lk[SUBJECT_NAME_MAX], rk[SUBJECT_NAME_MAX];
	size_t i = 0, j = 0;

	while (i < nl || j < nr) {
		if (i < nl && j < nr && !mk[i] && !mk[nl + j]) {
			i++;
			j++;
			continue;
		}
		size_t i0 = i, j0 = j;
		while (i < nl && mk[i])
			i++;
		while (j < nr && mk[nl + j])
			j++;
		if (i == i0 && j == j0) { /* a kept word against a deleted */
			i += i < nl;
			j += j < nr;
			continue;
		}
		if (i - i0 > SUBJECT_NAME_MAX || j - j0 > SUBJECT_NAME_MAX)
			continue;
		/* the classes of the hunk's words (only these: the cost
		 * follows the changes, not the text) */
		for (size_t k = i0; k < i; k++)
			lk[k - i0] = word_class(x, 0, ti[k], ini[k]);
		for (size_t k = j0; k < j; k++)
			rk[k - j0] = word_class(x, 1, ti[nl + k], ini[nl + k]);
		unsigned l = i > i0 ? subject_run(lk, i - i0) : 0;
		unsigned r = j > j0 ? subject_run(rk, j - j0) : 0;
		/* "he" or "she" opening a sentence for a name */
		int he = (l == W_HE && (r & W_NAME)) ||
		         (r == W_HE && (l & W_NAME));
		if (!he && ((i > i0 && !l) || (j > j0 && !r) ||
		            !((l | r) & (W_WE | W_TITLE)) ||
		            ((l & r) & W_NAME) || (l & W_HE) || (r & W_HE) ||
		            (l == W_WE && !r) || (r == W_WE && !l)))
			continue;
		memset(mk + i0, 0, i - i0);
		memset(mk + nl + j0, 0, j - j0);
		*kl += i - i0;
		*kr += j - j0;
	}
}

/* kept_once's arrays, kept from call to call: room for cap words, and
 * the left words of the last call (the left token ranges lr[0..nlr), nl
 * words), which the next call with the same ranges reads as they are (the
 * pieces of a split are each judged against the whole official
 * sentence).  nlr > MERGE_MAX + 1: none kept. */
struct kept_buf {
	unsigned char *v;
	size_t cap;
	uint32_t lr[MERGE_MAX + 2][2];
	size_t nlr, nl;
	/* the shares of the last call, when it worked them out in full
	 * (done): its right token ranges rr[0..nrr) and lead, its left ones
	 * those above.  A call with the same ranges and lead has the same
	 * shares (an official half asked against its verbatim pieces, when
	 * they are all its pieces, asks again what it just asked). */
	uint32_t rr[MERGE_MAX + 2][2];
	size_t nrr;
	int lead, done;
	double kl, kr, ks;
	/* may right_bound read the words' order (ORDER_SIM)?  Set for each
	 * block before its shares are asked */
	int order;
	/* per loose id: RULE_KNOWN once rule_read has been asked, with
	 * RULE_GLUE for a glue word, RULE_RESCUED for a word a rule may keep
	 * (rescued_word) */
	unsigned char *rule;
};

enum { RULE_GLUE = 1, RULE_RESCUED = 2, RULE_KNOWN = 4 };

/* The RULE_* flags of loose id lid, worked out the first time it is
 * asked (words.h's title covers the stems of the words, not those
 * interned after it, so the flags are not made for every id at once). */
static unsigned char
rule_read(const struct ctx *x, uint32_t lid)
{
	const struct words *w = x->w;
	int32_t i = (int32_t)lid;
	unsigned char r = RULE_KNOWN;

	if (i == w->glue[0] || i == w->glue[1] || i == w->glue[2] ||
	    i == w->glue[3])
		r |= RULE_GLUE | RULE_RESCUED;
	else if (w->title[lid] || i == w->we_id || i == w->the_id ||
	         i == w->he_id || i == w->she_id)
		r |= RULE_RESCUED;
	return x->kb->rule[lid] = r;
}

/* The RULE_* flags of loose id lid. */
static inline unsigned char
rule_of(const struct ctx *x, uint32_t lid)
{
	unsigned char r = x->kb->rule[lid];

	return r ? r : rule_read(x, lid);
}

/* Whether loose id lid is an article or "and" (words.h glue): words put
 * in or left out that change no claim ("the Mechanized Leaders Course"
 * for "Mechanized Leaders Course"). */
static inline int
glue_word(const struct ctx *x, uint32_t lid)
{
	return rule_of(x, lid) & RULE_GLUE;
}

/* Is the number at token t of a side (right: the rewrite) the year of a
 * date, four digits after "Sept. 17," or "17 September"?  Dropped or added,
 * it leaves the date the same date, as the labelling rules count a value
 * written another way ("Sept. 17" for "Sept. 17, 2010"). */
static int
date_year_read(const struct ctx *x, int right, uint32_t t)
{
	const struct toklist *l = right ? &x->c->rt : &x->c->lt;
	const struct text *tx = right ? x->c->right : x->c->left;
	const struct tok *k = &l->v[t];

	if (tok_len(l, t) != 4 || tx->buf[k->off] < '1' ||
	    tx->buf[k->off] > '2')
		return 0;
	uint32_t e = t;
	if (e > 0 && l->v[e - 1].kind == TOK_PUNCT && l->v[e - 1].slen == 1 &&
	    tx->buf[l->v[e - 1].off] == ',')
		e--;
	for (uint32_t back = 2; back <= 4 && back <= e; back++) {
		struct value v;
		if (value_read(tx, l, e - back, e, &v) == back &&
		    v.kind == VALUE_DATE)
			return 1;
	}
	return 0;
}

/* date_year_read for a number, else 0 without the call: most words a
 * diff leaves out are no number. */
static inline int
date_year(const struct ctx *x, int right, uint32_t t)
{
	const struct toklist *l = right ? &x->c->rt : &x->c->lt;

	return l->v[t].kind == TOK_NUMBER && date_year_read(x, right, t);
}

/* Is loose id a word a rule may keep though the diff leaves it out: a
 * title, "we", "the", "he" or "she" (a subject run subject_kept
 * rescues), or a glue word?  The bounds below count no such word. */
static inline int
rescued_word(const struct ctx *x, uint32_t id)
{
	return rule_of(x, id) & RULE_RESCUED;
}

/* Take one of id from the other side's counts cnt: 0, or 1 when none is
 * left (the word is surely not kept). */
static size_t
spend(uint32_t *cnt, uint32_t id)
{
	if (!cnt[id])
		return 1;
	cnt[id]--;
	return 0;
}

#define LCS_BITS 64 /* the most left words lcs_len measures */

/* right_bound reads the words' order (lcs_len) only for a block whose
 * word diff's similarity is below this: on KJV/WEB nearly all the calls
 * that order decides are there, and above it the measure costs more
 * than the loose diffs it spares. */
#define ORDER_SIM 0.2

/* The length of the longest common subsequence of a[0..nl) and
 * b[0..nr) (0 < nl <= LCS_BITS), by the bit-parallel recurrence over the
 * right words (after b[0..j), the clear bits of v's low nl are as many as
 * the subsequence of a and b[0..j) is long).  cnt: all 0 (x->lcount),
 * left so (it numbers a's distinct ids meanwhile); lm: room for nl
 * masks, one per distinct id, of the places it holds in a. */
static size_t
lcs_len(uint32_t *cnt, uint64_t *lm, const uint32_t *a, size_t nl,
        const uint32_t *b, size_t nr)
{
	size_t nm = 0, n = 0;
	uint64_t all = nl == 64 ? ~(uint64_t)0 : ((uint64_t)1 << nl) - 1,
	         v = all;

	for (size_t k = 0; k < nl; k++) {
		if (!cnt[a[k]]) {
			cnt[a[k]] = (uint32_t)++nm;
			lm[nm - 1] = 0;
		}
		lm[cnt[a[k]] - 1] |= (uint64_t)1 << k;
	}
	for (size_t j = 0; j < nr; j++) {
		uint32_t m = cnt[b[j]];
		if (m) {
			uint64_t u = v & lm[m - 1];
			v = (v + u) | (v - u);
		}
	}
	for (size_t k = 0; k < nl; k++)
		cnt[a[k]] = 0;
	for (v = ~v & all; v; v &= v - 1)
		n++;
	return n;
}

/* Is the left share kept_once would give (*kl) sure to fall below v,
 * whatever the loose diff finds?  a[0..nl): the left words' loose ids,
 * b[0..nr): the right ones'; cw, lfr, ldl: as kept_once fills them.
 * A plain left word is one no rule can excuse when it is not kept: a
 * lowercase word that is no number, no glue word (glue_word), no title,
 * not "we", "the", "he" or "she" (subject_kept), and in no official frame
 * (official_frame: no frame word at most FRAME_SPEAKER_MAX words after
 * it, nor, for a stop word, one before it with no lowercase content word
 * between).  A loose id's plain words beyond its count on the right are
 * not kept, so with M of them, kl <= (nl - M) / nl.  Uses x->lcount and
 * leaves it all 0. */
static int
left_bound(const struct ctx *x, const uint32_t *a, size_t nl, const uint32_t *b,
           size_t nr, const unsigned char *cw, const unsigned char *lfr,
           const unsigned char *ldl, double v)
{
	uint32_t *cnt = x->lcount;
	size_t next = 0, miss = 0;
	int open = 0; /* a frame word before, only stop words or names since */

	if (!nl)
		return 0;
	for (size_t k = 0; k < nr; k++)
		cnt[b[k]]++;
	for (size_t j = 0; j < nl; j++) {
		uint32_t id = a[j];
		if (next < j)
			next = j;
		while (next < nl && !lfr[next])
			next++;
		if ((ldl[j] & W_CONTENT) && !(ldl[j] & W_CAP))
			open = 0; /* no frame runs on past it */
		int framed = (next < nl && next <= j + FRAME_SPEAKER_MAX) ||
		             (!cw[j] && open);
		if (lfr[j])
			open = 1;
		if (framed || (ldl[j] & (W_CAP | W_NUM)) || rescued_word(x, id))
			continue;
		miss += spend(cnt, id);
	}
	for (size_t k = 0; k < nr; k++)
		cnt[b[k]] = 0;
	return (double)(nl - miss) / (double)nl < v - 1e-9;
}

/* The words j in [*q, *p) of a rewrite sentence of nr words (brk, fr: as
 * is_frame's) that no frame is_frame excuses can hold: j in an unmatched
 * run that opens the sentence needs a lead end e > j (e < nr) is_frame
 * takes, and j in one that ends it or stands inside needs punctuation
 * before some word s, 0 < s <= j.  *q: past the last lead end (0 if
 * none), *p: the first such s (nr if none). */
static void
frame_free(const unsigned char *brk, const unsigned char *fr, size_t nr,
           size_t *q, size_t *p)
{
	*q = 0;
	*p = nr;
	for (size_t e = nr > 0 ? nr - 1 : 0; e > 0; e--)
		if (brk[e] || (fr[e - 1] & F_FRAME) ||
		    (e >= 2 && (fr[e - 1] & F_THAT) && (fr[e - 2] & F_FRAME))) {
			*q = e;
			break;
		}
	for (size_t k = 1; k < nr; k++)
		if (brk[k]) {
			*p = k;
			break;
		}
}

/* Is the right word of loose id id at token t plain (right_bound)? */
static inline int
right_plain(const struct ctx *x, uint32_t id, uint32_t t)
{
	return !(x->w->rflag[t] & F_UPPER) &&
	       x->c->rt.v[t].kind != TOK_NUMBER && !rescued_word(x, id);
}

/* spend (cnt, id) for the right word of loose id id at token t when it is
 * plain (right_bound), else 0 without spending. */
static inline size_t
plain_miss(const struct ctx *x, uint32_t *cnt, uint32_t id, uint32_t t)
{
	if (!right_plain(x, id, t))
		return 0;
	return spend(cnt, id);
}

/* right_bound's second step, the words' order (see there): q, p as
 * frame_free gives them, m0 and m1 the plain words surely left out
 * outside every frame and the others; 0 < nl <= LCS_BITS.  Out of line:
 * few calls come here.  Uses x->lcount and leaves it all 0. */
static __attribute__((noinline)) int
order_bound(const struct ctx *x, const uint32_t *a, size_t nl,
            const uint32_t *b, const uint32_t *ti, size_t nr, size_t q,
            size_t p, size_t m0, size_t m1, double v)
{
	uint64_t lm[LCS_BITS];
	size_t p0 = 0, pl = 0, kmax = nr - m0 - m1;

	for (size_t j = 0; j < nr; j++)
		if (right_plain(x, b[j], ti[j])) {
			pl++;
			p0 += j >= q && j < p;
		}
	size_t l = lcs_len(x->lcount, lm, a, nl, b, nr), np = nr - pl;
	size_t n = pl > l && pl - l > m0 + m1 ? pl - l : m0 + m1,
	       n0 = p0 > l && p0 - l > m0 ? p0 - l : m0;
	if (l + np < kmax)
		kmax = l + np;
	size_t out = n > kmax && n - kmax > n0 ? n - kmax : n0;
	if (kmax + out == 0)
		return 0;
	return (double)kmax / (double)(kmax + out) < v - 1e-9;
}

/* Is the right share kept_once would give (*kr, the first pass, no lead
 * left out) sure to fall below v, whatever the loose diff finds?  A plain
 * right word of b[0..nr) (tokens ti[0..nr), brk and fr: as kept_once
 * fills them) is one no rule but a frame can excuse when the diff leaves
 * it out: lowercase, no number, no glue word, no title, not "we", "the",
 * "he" or "she" (so in no subject run subject_kept rescues).  Those of a
 * loose id beyond its count among the left words a[0..nl) are not kept:
 * M0 of them outside every frame is_frame could take (frame_free: those
 * words are counted first, against the whole count), which stay in the
 * denominator, and M1 more, which a frame may take out of it.  With K kept
 * words, K <= nr - M0 - M1, and kept_once lets the frames take out at most K
 * words (framed > lcs_r counts none), so kr <= K / (K + M0 + max(0, M1 - K)),
 * which grows with K: its value at the largest K bounds it.
 *
 * When that does not decide it, x->kb->order is set and nl <= LCS_BITS,
 * the order too (order_bound): the diff keeps at most L words, L the
 * longest common subsequence of a and b, and subject_kept keeps only
 * words that are not plain (NP of them), so K <= L + NP; and of the P
 * plain words at most L are kept, of the P0 outside every frame too.  So
 * N >= max(M0 + M1, P - L) plain words are left out, N0 >= max(M0, P0 - L)
 * of them outside every frame, the frames take out at most K of the
 * others, and kr <= K / (K + max(N0, N - K)), which grows with K: its
 * value at the largest K bounds it (with L unbounded this is the first
 * bound).  Uses x->lcount and leaves it all 0. */
static int
right_bound(const struct ctx *x, const uint32_t *a, size_t nl,
            const uint32_t *b, const uint32_t *ti, size_t nr,
            const unsigned char *brk, const unsigned char *fr, double v)
{
	uint32_t *cnt = x->lcount;
	size_t q, p, m0 = 0, m1 = 0;

	if (!nr)
		return 0;
	frame_free(brk, fr, nr, &q, &p);
	for (size_t k = 0; k < nl; k++)
		cnt[a[k]]++;
	/* the frame-free words first: M0 must count only the words of an id
	 * beyond its count that are surely there, whichever the diff keeps */
	for (size_t j = q; j < p; j++)
		m0 += plain_miss(x, cnt, b[j], ti[j]);
	for (size_t j = 0; j < nr; j++)
		if (j < q || j >= p)
			m1 += plain_miss(x, cnt, b[j], ti[j]);
	for (size_t k = 0; k < nl; k++)
		cnt[a[k]] = 0;
	size_t kmax = nr - m0 - m1;
	/* kmax <= m1: nr > 0 words, so m0 + m1 >= kmax and > 0 */
	double top = kmax <= m1 ? (double)kmax / (double)(m0 + m1)
	                        : (double)kmax / (double)(kmax + m0);
	if (top < v - 1e-9)
		return 1;
	return x->kb->order && nl && nl <= LCS_BITS &&
	       order_bound(x, a, nl, b, ti, nr, q, p, m0, m1, v);
}

/* A sanitizer build (make check) works out in full every share that
 * left_bound or right_bound decides, and asserts that the bound told the
 * truth. */
#if defined(__SANITIZE_ADDRESS__)
#define BOUND_CHECK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BOUND_CHECK 1
#endif
#endif
#ifndef BOUND_CHECK
#define BOUND_CHECK 0
#endif

/* Room in x->kb for cap words: 0, or -1 when memory ran out. */
static int
kept_room(struct ctx *x, size_t cap)
{
	struct kept_buf *kb = x->kb;

	if (cap <= kb->cap)
		return 0;
	if (cap < 2 * kb->cap)
		cap = 2 * kb->cap;
	free(kb->v);
	kb->v = malloc(2 * cap * sizeof(uint32_t) + 8 * cap + 2);
	kb->cap = kb->v ? cap : 0;
	kb->nlr = MERGE_MAX + 2; /* the left words went with the old room */
	kb->done = 0;
	return kb->v ? 0 : -1;
}

/* Are the left token ranges lr[0..nlr) those of kb's kept left words? */
static int
kept_left(const struct kept_buf *kb, const uint32_t (*lr)[2], size_t nlr)
{
	return nlr == kb->nlr && memcmp(lr, kb->lr, nlr * sizeof *lr) == 0;
}

/* Are the shares kept in kb those of the left token ranges lr[0..nlr),
 * the right ones rr[0..nrr) and lead? */
static int
kept_same(const struct kept_buf *kb, const uint32_t (*lr)[2], size_t nlr,
          const uint32_t (*rr)[2], size_t nrr, int lead)
{
	return kb->done && kb->lead == lead && nrr == kb->nrr &&
	       memcmp(rr, kb->rr, nrr * sizeof *rr) == 0 &&
	       kept_left(kb, lr, nlr);
}

/* The loose id of the next word (a token with one) of the token ranges
 * rg[0..n) from token *t of range *i on, both moved to it; -1 when the
 * ranges hold no more. */
static inline int32_t
next_word(const struct lidmap *m, const uint32_t (*rg)[2], size_t n, size_t *i,
          uint32_t *t)
{
	while (*i < n) {
		if (*t >= rg[*i][1]) {
			if (++*i < n)
				*t = rg[*i][0];
			continue;
		}
		int32_t id = lid_of(m, *t);
		if (id >= 0)
			return id;
		++*t;
	}
	return -1;
}

/* Are the words (tokens with a loose id) of the left token ranges
 * lr[0..nlr) and of the right ones rr[0..nrr) the same loose ids in the
 * same order, as many on each side?  Then *cw is 1 when one of the left
 * words is a content word, else 0.  The two sides are walked together and
 * the walk stops at the first word that differs, so a pair that differs
 * early costs little.  Only reads. */
static int
loose_equal(const struct ctx *x, const uint32_t (*lr)[2], size_t nlr,
            const uint32_t (*rr)[2], size_t nrr, int *cw)
{
	const struct lidmap lm = x->w->llid, rm = x->w->rlid;
	const unsigned char *lcon = x->w->lcon;
	size_t i = 0, j = 0;
	uint32_t t = nlr ? lr[0][0] : 0, u = nrr ? rr[0][0] : 0;
	unsigned any = 0;

	for (;;) {
		int32_t p = next_word(&lm, lr, nlr, &i, &t);
		int32_t q = next_word(&rm, rr, nrr, &j, &u);
		if (p != q)
			return 0; /* two words differ, or one side ran out */
		if (p < 0)
			break; /* both sides ran out together */
		any |= (lcon[t >> 3] >> (t & 7)) & 1u;
		t++;
		u++;
	}
	*cw = any != 0;
	return 1;
}

/* Shares of the words of the left token ranges lr[0..nlr) and of the
 * right ones rr[0..nrr) (each list in text order) kept in order, words being
 * the same when their loose ids are (same stem, case, spelling variant; U.S. =
 * US; the same number).  An article or "and" unmatched on either side is
 * not counted (glue_word).  On the rewrite side, unmatched runs that are
 * attribution frames (is_frame) are not counted; an unmatched edge with no
 * break ("... must be upheld") is.  *ks: the share of the left words from
 * the first kept one to the last that are kept (the stretch a piece of a
 * split copies).  judge: when at least 0, the share *kl is asked only
 * whether it reaches judge; if left_bound says it cannot, kept_once
 * returns 1 with the three shares 0, without the diff.  rjudge: likewise
 * for *kr and right_bound (only without lead).  A call with the ranges
 * and lead of the last one worked out in full returns its shares and 0
 * (kept_same), bound or not: a bound only ever answers for a share below
 * its mark, which the full share is too.  0, 1 or -1. */
static int
kept_once(struct ctx *x, const uint32_t (*lr)[2], size_t nlr,
          const uint32_t (*rr)[2], size_t nrr, int lead, double judge,
          double rjudge, double *kl, double *kr, double *ks)
{
	size_t nl = 0, nr = 0, i, lcs_l = 0, lcs_r = 0, cap = 1;
	const struct align_in *c = x->c;

	if (kept_same(x->kb, lr, nlr, rr, nrr, lead)) {
		*kl = x->kb->kl;
		*kr = x->kb->kr;
		*ks = x->kb->ks;
		return 0;
	}
	/* The same loose ids on both sides (on the generated pairs more
	 * than half the calls; seldom on real texts): the loose diff keeps
	 * every word, no rule then has a word to excuse, and the shares are
	 * 1, 1 and, for ks, 1 when a content word is kept, else 0.  The
	 * bounds cannot fall below a mark of 1 or less, so only a mark above
	 * 1 takes the full way.  Asked only where both sides hold as many
	 * tokens (words and punctuation), as nearly all such calls do: on
	 * the bibles, whose verses differ a few words in, walking every pair
	 * cost more than it saved.  kb is left as it was: its left words and
	 * last shares are still those of the call that made them. */
	int anycw;
	size_t ltok = 0, rtok = 0;
	for (i = 0; i < nlr; i++)
		ltok += lr[i][1] - lr[i][0];
	for (i = 0; i < nrr; i++)
		rtok += rr[i][1] - rr[i][0];
	if (ltok == rtok && !lead && judge - 1e-9 <= 1 && rjudge - 1e-9 <= 1 &&
	    loose_equal(x, lr, nlr, rr, nrr, &anycw)) {
		*kl = *kr = 1;
		*ks = anycw ? 1 : 0;
		return 0;
	}
	x->kb->done = 0;

	cap += ltok + rtok;
	if (kept_room(x, cap) < 0)
		return -1;
	/* x->kb's room: the ids, their tokens, then eight byte arrays */
	cap = x->kb->cap;
	uint32_t *a = (uint32_t *)(void *)x->kb->v;
	uint32_t *ti = a + cap;
	unsigned char *mk = (unsigned char *)(ti + cap), *fr = mk + cap,
	              *cw = fr + cap, *ini = cw + cap,
	              *brk = ini + cap, /* brk: cap + 1 */
	                      *lfr = brk + cap + 1, *ldl = lfr + cap,
	              *lbrk = ldl + cap; /* lbrk: cap + 1 */
	int punct = 0;
	int fresh = !kept_left(x->kb, lr, nlr);
	if (!fresh)
		nl = x->kb->nl;
	/* the stores below are of bytes, which may alias anything: what the
	 * loops read is kept in locals, so it is read once */
	if (fresh) {
		const struct lidmap lm = x->w->llid;
		const struct tok *lv = c->lt.v;
		const uint32_t *lid = c->lt.id;
		const unsigned char *lcon = x->w->lcon, *kflag = x->w->kflag;
		for (i = 0; i < nlr; i++)
			for (uint32_t t = lr[i][0], first = 1; t < lr[i][1];
			     t++) {
				const struct tok *k = &lv[t];
				if (k->kind == TOK_PUNCT)
					punct = 1;
				int32_t id = lid_of(&lm, t);
				if (id < 0)
					continue;
				/* a content word */
				unsigned char on =
				        (lcon[t >> 3] >> (t & 7)) & 1u;
				cw[nl] = on;
				ti[nl] = t;
				ini[nl] = (unsigned char)first;
				lbrk[nl] = (unsigned char)punct;
				lfr[nl] = kflag[lid[t]] & F_FRAME;
				ldl[nl] =
				        (unsigned char)((k->kind == TOK_NUMBER
				                                 ? W_NUM
				                                 : 0) |
				                        (k->flags & TOK_F_UPPER
				                                 ? W_CAP
				                                 : 0) |
				                        (on ? W_CONTENT : 0));
				a[nl++] = (uint32_t)id;
				first = 0;
				punct = 0;
			}
	}
	lbrk[nl] = 1;
	if (fresh && nlr <= MERGE_MAX + 1) {
		memcpy(x->kb->lr, lr, nlr * sizeof *lr);
		x->kb->nlr = nlr;
		x->kb->nl = nl;
	}
	uint32_t *b = a + nl;
	uint32_t *rti = ti + nl;
	unsigned char *rini = ini + nl;
	const struct lidmap rm = x->w->rlid;
	const struct tok *rv = c->rt.v;
	const unsigned char *rflag = x->w->rflag;
	punct = 0;
	for (i = 0; i < nrr; i++)
		for (uint32_t t = lead ? lead_frame_end(x, rr[i][0], rr[i][1])
		                       : rr[i][0],
		              first = 1;
		     t < rr[i][1]; t++) {
			if (rv[t].kind == TOK_PUNCT)
				punct = 1;
			int32_t id = lid_of(&rm, t);
			if (id < 0)
				continue;
			brk[nr] = (unsigned char)punct; /* punctuation before */
			fr[nr] = rflag[t] & (F_FRAME | F_THAT);
			rti[nr] = t;
			rini[nr] = (unsigned char)first;
			b[nr++] = (uint32_t)id;
			punct = 0;
			first = 0;
		}
	brk[nr] = 1;
	int bounded =
	        judge >= 0 && left_bound(x, a, nl, b, nr, cw, lfr, ldl, judge);
	if (!bounded && rjudge >= 0 && !lead &&
	    right_bound(x, a, nl, b, ti + nl, nr, brk, fr, rjudge))
		bounded = 2;
	if (bounded && !BOUND_CHECK) {
		*kl = *kr = *ks = 0;
		return 1;
	}
	/* exact, unless the passage is enormous (a text with no sentence
	 * ends is one passage): then the exact search could be quadratic */
	if (myers_run(x->loose, a, nl, b, nr, mk, mk + nl,
	              nl + nr <= LOOSE_EXACT_MAX) < 0)
		return -1;
	for (i = 0; i < nl; i++)
		lcs_l += !mk[i];
	lcs_r = lcs_l; /* as many kept words each side, so far */
	if (lcs_l < nl || lcs_r < nr)
		subject_kept(x, mk, ti, ini, nl, nr, &lcs_l, &lcs_r);
	/* words of the frames, left out of the rewrite's count, and an
	 * article or "and" put in or left out (glue_word) on either side */
	size_t framed = 0, gl = 0, gr = 0;
	for (i = 0; i < nl;) {
		size_t e = i;
		while (e < nl && mk[e])
			e++;
		if (e > i && official_frame(lbrk, lfr, ldl, nl, i, e))
			gl += e - i;
		else
			for (size_t k = i; k < e; k++)
				gl += glue_word(x, a[k]) ||
				      date_year(x, 0, ti[k]);
		i = e > i ? e : i + 1;
	}
	for (i = 0; i < nr;) {
		size_t e = i;
		while (e < nr && mk[nl + e])
			e++;
		if (e > i && is_frame(brk, fr, nr, i, e))
			framed += e - i;
		else
			for (size_t k = i; k < e; k++)
				gr += glue_word(x, b[k]) ||
				      date_year(x, 1, ti[nl + k]);
		i = e > i ? e : i + 1;
	}
	/* a frame is set around what is kept: runs that outweigh the kept
	 * words are the sentence itself, not its frame */
	if (framed > lcs_r)
		framed = 0;
	*kl = nl > gl ? (double)lcs_l / (nl - gl) : 1;
	*kr = nr > framed + gr ? (double)lcs_r / (nr - framed - gr)
	                       : (nr ? 0 : 1);
	/* the stretch of the left words from the first kept content word to
	 * the last (a stop word kept far away, "the", does not stretch it) */
	size_t f = 0, e = nl, in = 0;
	while (f < nl && (mk[f] || !cw[f]))
		f++;
	while (e > f && (mk[e - 1] || !cw[e - 1]))
		e--;
	for (size_t k = f; k < e; k++)
		in += !mk[k];
	*ks = e > f ? (double)in / (e - f) : 0;
	if (bounded) { /* BOUND_CHECK: the bound told the truth */
		assert(bounded == 2 ? *kr < rjudge : *kl < judge);
		*kl = *kr = *ks = 0;
		return 1;
	}
	if (nlr <= MERGE_MAX + 1 && nrr <= MERGE_MAX + 1) { /* lr is kb's */
		memcpy(x->kb->rr, rr, nrr * sizeof *rr);
		x->kb->nrr = nrr;
		x->kb->lead = lead;
		x->kb->kl = *kl;
		x->kb->kr = *kr;
		x->kb->ks = *ks;
		x->kb->done = 1;
	}
	return 0;
}

/* Has any of the rewrite's token ranges rr[0..nrr) a lead frame? */
static int
has_lead(const struct ctx *x, const uint32_t (*rr)[2], size_t nrr)
{
	for (size_t i = 0; i < nrr; i++)
		if (lead_frame_end(x, rr[i][0], rr[i][1]) != rr[i][0])
			return 1;
	return 0;
}

/* kept_once, and again with the rewrite's lead frames left out when it
 * has any ("The embassy said that ..."): the better of the two, by the
 * smaller share.  A frame is left aside only where that brings the
 * sentence closer to its source, so a lead that is content stays.
 * judge: as kept_once's (the lead left out only drops right words, so
 * a left share sure to fall short of it without does with).  rjudge: as
 * kept_once's, asked only of a rewrite with no lead frame (the better of
 * two passes is chosen by both shares, so a right share decided without
 * the lead's pass would not tell which). */
static int
loose_kept(struct ctx *x, const uint32_t (*lr)[2], size_t nlr,
           const uint32_t (*rr)[2], size_t nrr, double judge, double rjudge,
           double *kl, double *kr, double *ks)
{
	double fl, fr, fs;
	int framed = -1, rc; /* -1: not yet asked */

	if (rjudge >= 0) {
		framed = has_lead(x, rr, nrr);
		if (framed)
			rjudge = -1;
	}
	rc = kept_once(x, lr, nlr, rr, nrr, 0, judge, rjudge, kl, kr, ks);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (framed < 0)
		framed = has_lead(x, rr, nrr);
	if (!framed)
		return 0;
	if (kept_once(x, lr, nlr, rr, nrr, 1, -1, -1, &fl, &fr, &fs) < 0)
		return -1;
	if ((fl < fr ? fl : fr) > (*kl < *kr ? *kl : *kr)) {
		*kl = fl;
		*kr = fr;
		*ks = fs;
	}
	return 0;
}

/* Append the token range of the segments of block h on one side. */
static void
add_range(const struct align_in *c, const struct block *h, int right,
          uint32_t (*rg)[2], size_t *n)
{
	const struct seglist *sl = right ? &c->rs : &c->ls;
	uint32_t s0 = right ? h->rs0 : h->ls0, s1 = right ? h->rs1 : h->ls1;
	size_t at;

	if (s0 >= s1 || *n > MERGE_MAX)
		return;
	at = (*n)++;
	while (at > 0 && rg[at - 1][0] > sl->v[s0].t0) { /* keep text order */
		rg[at][0] = rg[at - 1][0];
		rg[at][1] = rg[at - 1][1];
		at--;
	}
	rg[at][0] = sl->v[s0].t0;
	rg[at][1] = sl->v[s1 - 1].t1;
}

/* Are the tokens a block compares on the two sides (dl, dr: its
 * align_diff_range) the same, id for id? */
static int
same_tokens(const struct align_in *c, const uint32_t dl[2],
            const uint32_t dr[2])
{
	return dl[1] - dl[0] == dr[1] - dr[0] &&
	       memcmp(c->lt.id + dl[0], c->rt.id + dr[0],
	              (dl[1] - dl[0]) * sizeof *c->lt.id) == 0;
}

/* The word diff of two token ranges that are the same id for id
 * (same_tokens): the one equal operation diff_tokens finds there (its
 * search strips the common prefix, which is all of it, and marks
 * nothing), or none when both are empty; in *d.  0 or -1. */
static int
copy_ops(const uint32_t dl[2], const uint32_t dr[2], struct dops *d)
{
	d->n = 0;
	if (dl[1] == dl[0])
		return 0;
	if (d->cap < 1) {
		struct dop *nv = grow_array(d->v, &d->cap, 1, sizeof *nv, 64);
		if (!nv)
			return -1;
		d->v = nv;
	}
	d->v[d->n++] = (struct dop){dl[0], dl[1], dr[0], dr[1]};
	return 0;
}

/* Block b's word diff (tokens dl against dr: its align_diff_range): its
 * operations in *d (what it held replaced), and coded from (dl[0], dr[0])
 * at the end of x->o->bops (b->op0, b->op1).  same: the two ranges are the
 * same id for id (same_tokens), so the diff is copy_ops' without the
 * search.  0 or -1. */
static int
block_diff(struct ctx *x, struct block *b, const uint32_t dl[2],
           const uint32_t dr[2], int same, struct dops *d)
{
	const struct align_in *c = x->c;

	d->n = 0;
	b->op0 = (uint32_t)x->o->bops.n;
	if ((same ? copy_ops(dl, dr, d)
	          : diff_tokens(x->my, &c->lt, dl[0], dl[1], &c->rt, dr[0],
	                        dr[1],
	                        c->opt.minimal ? DIFF_MINIMAL : DIFF_ABSORB,
	                        d)) < 0 ||
	    dcode_put(&x->o->bops, d->v, d->n, dl[0], dr[0]) < 0 ||
	    x->o->bops.n > UINT32_MAX) /* (block.op1) */
		return -1;
	b->op1 = (uint32_t)x->o->bops.n;
	return 0;
}

/* Is the word diff of block b, tokens dl against dr, one pass 0 made
 * already: that of the block it points to, m, when m was judged there (a
 * rewrite side, no addition) and compares the same tokens?  The official
 * sentence of a split is shown against the piece that points back to it,
 * which is that piece's own diff.  Then b takes m's operations and
 * similarity. */
static int
diff_of_link(struct ctx *x, struct block *b, const uint32_t dl[2],
             const uint32_t dr[2])
{
	const struct align_in *c = x->c;
	uint32_t ml[2], mr[2];

	if (b->link < 0)
		return 0;
	const struct block *m = &x->bl->b[b->link];
	if (m->rs1 == m->rs0 || m->kind == BLK_ADDITION ||
	    m->kind == BLK_OMISSION)
		return 0;
	align_diff_range(x->bl->b, (size_t)b->link, &c->ls, &c->rs, &ml[0],
	                 &ml[1], &mr[0], &mr[1]);
	if (ml[0] != dl[0] || ml[1] != dl[1] || mr[0] != dr[0] ||
	    mr[1] != dr[1])
		return 0;
	b->op0 = m->op0;
	b->op1 = m->op1;
	b->sim = m->sim;
	return 1;
}

/* The word diff of block b (tokens dl against dr) and its similarity,
 * the share of the words on both sides in its equal operations; *d: its
 * operations when it was made here, else left as it was.  pass: as
 * classify_blocks's (pass 1 takes a diff pass 0 made where it can).  same:
 * as block_diff's.  1 when b took the diff of the block it points to
 * (diff_of_link), 0 when it made its own, -1 when memory ran out. */
static int
block_sim(struct ctx *x, struct block *b, int pass, const uint32_t dl[2],
          const uint32_t dr[2], int same, struct dops *d)
{
	const struct align_in *c = x->c;
	size_t common = 0, dropped = 0;

	if (pass && diff_of_link(x, b, dl, dr))
		return 1;
	if (block_diff(x, b, dl, dr, same, d) < 0)
		return -1;
	/* the equal and deleted operations cover dl, in order, once each:
	 * the official words are counted once */
	for (size_t k = 0; k < d->n; k++) {
		const struct dop *o = &d->v[k];
		enum dop_kind kind = dop_kind(o);
		if (kind == DOP_EQUAL)
			common += tok_words(&c->lt, o->a0, o->a1);
		else if (kind == DOP_DELETE)
			dropped += tok_words(&c->lt, o->a0, o->a1);
	}
	size_t wl = common + dropped;
	size_t wr = tok_words(&c->rt, dr[0], dr[1]);
	b->sim = wl + wr ? 2.0 * common / (wl + wr) : 1;
	return 0;
}

/* The kind, similarity and word operations of every block.  A block is a
 * pair (both sides), an addition, an omission, or one side of a split or
 * merge: an official or rewrite sentence whose counterparts are the blocks
 * that point to it, or, if none does, the block it points to.  A one-sided
 * block is judged on its own side against all its counterparts; its word
 * diff is shown against the block it points to.  A rewrite piece is
 * verbatim only if the stretch of official words it copies is itself kept
 * at the verbatim share; an official sentence of a split or merge only
 * through its verbatim pieces.  So pass 0 judges every block but the
 * official halves, pass 1 those, once their pieces' kinds are known.
 * Only blocks [b0, b1) are done here; their operations go to the end of
 * x->o->bops in order, and x->o->count is added to; made, unless NULL,
 * has made[i - b0] set for each block i whose operations were put there
 * (not taken from the block it points to).  Pass 0 reads of the
 * other blocks only what no pass writes (their segments, links and the
 * kinds omission and addition), so its blocks may be split between
 * threads, each with a ctx of its own. */
static int
classify_blocks(struct ctx *x, const size_t *first, const uint32_t *from,
                int pass, struct dops *d, size_t b0, size_t b1,
                unsigned char *made)
{
	const struct align_in *c = x->c;

	for (size_t i = b0; i < b1; i++) {
		struct block *b = &x->bl->b[i];
		int has_l = b->ls1 > b->ls0, has_r = b->rs1 > b->rs0;
		const struct block *m =
		        b->link >= 0 ? &x->bl->b[b->link] : NULL;
		uint32_t lr[MERGE_MAX + 2][2], rr[MERGE_MAX + 2][2];
		uint32_t vr[MERGE_MAX + 2][2]; /* the verbatim pieces' ranges */
		size_t nlr = 0, nrr = 0, nvr = 0, ncp = 0;
		int official_half = has_l && !has_r &&
		                    b->kind != BLK_OMISSION &&
		                    b->kind != BLK_ADDITION;

		if (official_half != pass)
			continue;

		uint32_t dl[2], dr[2];
		align_diff_range(x->bl->b, i, &c->ls, &c->rs, &dl[0], &dl[1],
		                 &dr[0], &dr[1]);
		if (b->kind == BLK_OMISSION || b->kind == BLK_ADDITION) {
			if (block_diff(x, b, dl, dr, 0, d) < 0)
				return -1;
			if (made)
				made[i - b0] = 1;
			x->o->count[b->kind]++;
			continue;
		}
		add_range(c, b, 0, lr, &nlr);
		add_range(c, b, 1, rr, &nrr);
		if (!(has_l && has_r)) {
			for (size_t k = first[i]; k < first[i + 1]; k++) {
				const struct block *p = &x->bl->b[from[k]];
				add_range(c, p, has_l, has_l ? rr : lr,
				          has_l ? &nrr : &nlr);
				if (has_l && p->kind == BLK_VERBATIM)
					add_range(c, p, 1, vr, &nvr);
				ncp++;
			}
			if (!ncp && m) {
				add_range(c, m, has_l, has_l ? rr : lr,
				          has_l ? &nrr : &nlr);
				if (has_l && m->kind == BLK_VERBATIM)
					add_range(c, m, 1, vr, &nvr);
			}
		}
		int same = has_l && has_r && same_tokens(c, dl, dr);
		int took = block_sim(x, b, pass, dl, dr, same, d);
		if (took < 0)
			return -1;
		if (made && !took)
			made[i - b0] = 1;
		if (same) {
			/* a copy token for token (what the anchors pair):
			 * every word kept, no negation changed */
			b->kind = BLK_VERBATIM;
			x->o->count[b->kind]++;
			continue;
		}
		double kl, kr, ks, v = c->opt.verbatim_min;
		/* with an official side, its share must reach v (asked with
		 * left_bound only when the word diff leaves room for doubt: a
		 * block as similar as that is seldom decided by it); the right
		 * bound reads the words' order only for a block whose word
		 * diff keeps few words (ORDER_SIM) */
		x->kb->order = b->sim < ORDER_SIM;
		if (loose_kept(x, (const uint32_t(*)[2])lr, nlr,
		               (const uint32_t(*)[2])rr, nrr,
		               has_l && b->sim < v ? v : -1,
		               has_r && b->sim < v ? v : -1, &kl, &kr, &ks) < 0)
			return -1;
		int verb = has_l && has_r ? kl >= v && kr >= v
		           : has_l        ? kl >= v
		                          : kr >= v && ks >= v;
		/* an official half: kept at the verbatim share by its verbatim
		 * pieces alone */
		if (has_l && !has_r && verb) {
			if (!nvr)
				verb = 0;
			else if (loose_kept(x, (const uint32_t(*)[2])lr, nlr,
			                    (const uint32_t(*)[2])vr, nvr, v,
			                    -1, &kl, &kr, &ks) < 0)
				return -1;
			else
				verb = kl >= v;
		}
		/* a negation added or dropped reverses the claim, however
		 * few words it is: never verbatim */
		if (verb && has_l && has_r &&
		    negations(c->left, &c->lt, dl[0], dl[1]) !=
		            negations(c->right, &c->rt, dr[0], dr[1]))
			verb = 0;
		b->kind = verb ? BLK_VERBATIM : BLK_PARAPHRASE;
		x->o->count[b->kind]++;
	}
	return 0;
}

/* With at least this much work in a pass (CLASSIFY_THREAD_MIN tokens in
 * the blocks it judges by the loose diff: see cut_chunks), it runs on two
 * threads.  On the million-word pairs and
 * the bibles a block costs some 150 to 300 instructions a token of its
 * two sides, so half of this is a millisecond or more moved, against a
 * thread's start of some tens of microseconds.  The 100,000-word pairs at
 * 50 % and unrelated go on two threads, those of 10,000 words stay on
 * one. */
#define CLASSIFY_THREAD_MIN 100000

/* Is block b one that pass 1 judges (an official half of a split or
 * merge)? */
static int
pass1_block(const struct block *b)
{
	return b->ls1 > b->ls0 && b->rs1 == b->rs0 && b->kind != BLK_OMISSION &&
	       b->kind != BLK_ADDITION;
}

/* The work of block i in pass `pass', roughly, in tokens: those of its
 * own sentences for a block judged by the loose diff, a little for one
 * that is not (an omission or addition, or a pair the same on both sides,
 * guessed by their equal lengths), 0 for a block of the other pass.  (The
 * counterparts a one-sided block is judged against are left out: the
 * chunks need only be about even, the threads share them out.) */
static size_t
block_weight(const struct ctx *x, size_t i, int pass)
{
	const struct block *b = &x->bl->b[i];
	const struct seglist *ls = &x->c->ls, *rs = &x->c->rs;
	size_t nl = 0, nr = 0;

	if (pass1_block(b) != pass)
		return 0;
	if (b->kind == BLK_OMISSION || b->kind == BLK_ADDITION)
		return 4;
	if (b->ls1 > b->ls0)
		nl = ls->v[b->ls1 - 1].t1 - ls->v[b->ls0].t0;
	if (b->rs1 > b->rs0)
		nr = rs->v[b->rs1 - 1].t1 - rs->v[b->rs0].t0;
	return nl == nr ? 4 : 4 + nl + nr;
}

/* A pass's blocks are cut into this many chunks of about the same work
 * (block_weight), which the two threads take in turn, each the next one
 * not yet taken: neither waits long for the other however the work of
 * the chunks differs from their weight. */
#define CHUNKS 32

/* What the two threads of a pass share: the index of classify (first,
 * from), the chunks (chunk k is blocks [cut[k], cut[k + 1])), the next
 * chunk to take, and per chunk who took it (owner: 0 the caller's
 * thread, 1 the second) and the bytes its operations took in that
 * thread's output [c0[k], c1[k]); made: as classify_blocks's, for all
 * blocks. */
struct share {
	const size_t *first;
	const uint32_t *from;
	int pass;
	size_t nch;
	size_t cut[CHUNKS + 1];
	size_t c0[CHUNKS], c1[CHUNKS];
	unsigned char owner[CHUNKS];
	_Atomic size_t next;
	unsigned char *made;
};

/* The chunks of pass `pass' into sh->cut and sh->nch (sh->first and
 * sh->from set).  Returns the pass's whole weight, or 0 when it is not to
 * be split: under CLASSIFY_THREAD_MIN, or in pass 1 when an official half
 * has a counterpart judged in pass 1 too (it reads its counterparts'
 * kinds, which must be final). */
static size_t
cut_chunks(const struct ctx *x, struct share *sh, int pass)
{
	const struct block *bv = x->bl->b;
	size_t nb = x->bl->nb, all = 0, sum = 0, i, k = 0;

	for (i = 0; i < nb; i++) {
		all += block_weight(x, i, pass);
		if (!pass || !pass1_block(&bv[i]))
			continue;
		if (bv[i].link >= 0 && pass1_block(&bv[bv[i].link]))
			return 0;
		for (size_t j = sh->first[i]; j < sh->first[i + 1]; j++)
			if (pass1_block(&bv[sh->from[j]]))
				return 0;
	}
	if (all < CLASSIFY_THREAD_MIN)
		return 0;
	sh->cut[0] = 0;
	for (i = 0; i < nb && k + 1 < CHUNKS; i++) {
		sum += block_weight(x, i, pass);
		/* chunk k ends once the weight reaches its share */
		if (sum >= all / CHUNKS * (k + 1))
			sh->cut[++k] = i + 1;
	}
	sh->cut[++k] = nb;
	sh->nch = k;
	return all;
}

/* One thread's part of a pass: a ctx whose output, o, is its own (its
 * counts and operations only), with the scratch classify_blocks writes
 * (the diff contexts, counts and kept_once's arrays: the caller's own for
 * the caller's thread, made by worker_open for the second). */
struct worker {
	struct ctx x;
	struct align_out o;
	struct kept_buf kb;
	struct dops d;
	struct share *sh;
	int id, own, rc;
};

/* Release what worker_open and the run left in *w. */
static void
worker_close(struct worker *w)
{
	if (w->own) {
		myers_free(w->x.my);
		myers_free(w->x.loose);
		free(w->x.lcount);
		free(w->kb.rule);
		free(w->kb.v);
	}
	dops_free(&w->d);
	dcode_free(&w->o.bops);
}

/* Make *w from *x for thread id of the pass shared in *sh: with own, a
 * scratch of its own, allocated here (on the caller's thread).  0, or -1
 * when memory ran out (then *w holds nothing). */
static int
worker_open(const struct ctx *x, struct worker *w, struct share *sh, int id,
            int own)
{
	memset(w, 0, sizeof *w);
	w->x = *x;
	w->x.o = &w->o;
	w->sh = sh;
	w->id = id;
	w->own = own;
	if (!own)
		return 0;
	uint32_t nstems = intern_count(x->w->stems);
	w->x.kb = &w->kb;
	w->kb.nlr = MERGE_MAX + 2;
	w->x.my = myers_new(intern_count(x->c->in));
	w->x.loose = myers_new(nstems);
	w->x.lcount = calloc((size_t)nstems + 1, sizeof *w->x.lcount);
	w->kb.rule = calloc((size_t)nstems + 1, 1);
	if (w->x.my && w->x.loose && w->x.lcount && w->kb.rule)
		return 0;
	worker_close(w);
	return -1;
}

/* Take chunks of the pass until none is left (arg: a struct worker). */
static void *
worker_run(void *arg)
{
	struct worker *w = arg;
	struct share *sh = w->sh;

	for (;;) {
		size_t k = atomic_fetch_add(&sh->next, 1);
		if (k >= sh->nch)
			break;
		sh->owner[k] = (unsigned char)w->id;
		sh->c0[k] = w->o.bops.n;
		if (classify_blocks(&w->x, sh->first, sh->from, sh->pass, &w->d,
		                    sh->cut[k], sh->cut[k + 1],
		                    sh->made + sh->cut[k]) < 0) {
			w->rc = -1;
			break;
		}
		sh->c1[k] = w->o.bops.n;
	}
	return NULL;
}

/* Append the two threads' operations (w[0], w[1]) to x->o->bops chunk by
 * chunk in order, moving the op0 and op1 of the blocks that made them to
 * their new place, and add their counts.  0, or -1 when memory ran out. */
static int
merge_workers(struct ctx *x, const struct share *sh, const struct worker *w)
{
	struct dcode *out = &x->o->bops;
	size_t need = out->n + w[0].o.bops.n + w[1].o.bops.n;

	if (need > UINT32_MAX) /* (block.op1) */
		return -1;
	unsigned char *nv = grow_array(out->v, &out->cap, need, 1, 256);
	if (!nv)
		return -1;
	out->v = nv;
	for (size_t k = 0; k < sh->nch; k++) {
		const struct dcode *src = &w[sh->owner[k]].o.bops;
		size_t n = sh->c1[k] - sh->c0[k];
		uint32_t base = (uint32_t)out->n, was = (uint32_t)sh->c0[k];
		if (n)
			memcpy(out->v + out->n, src->v + sh->c0[k], n);
		out->n += n;
		for (size_t i = sh->cut[k]; i < sh->cut[k + 1]; i++)
			if (sh->made[i]) {
				struct block *b = &x->bl->b[i];
				b->op0 = b->op0 - was + base;
				b->op1 = b->op1 - was + base;
			}
	}
	for (size_t k = 0; k < 4; k++)
		x->o->count[k] += w[0].o.count[k] + w[1].o.count[k];
	return 0;
}

static int facts(struct ctx *x); /* step 8, below */

/* Pass `pass' of classify_blocks over all blocks (first, from: the index;
 * d: scratch), and with with_facts the facts (facts(), which read no
 * kind) on this thread first.  With work enough (cut_chunks), the pass
 * runs on two threads, chunk by chunk; the outputs are those of one
 * thread.  0 or -1. */
static int
classify_pass(struct ctx *x, const size_t *first, const uint32_t *from,
              int pass, struct dops *d, int with_facts)
{
	size_t nb = x->bl->nb;
	struct share sh = {.first = first, .from = from, .pass = pass};
	struct worker w[2];
	int rc;

	if (x->c->opt.threads == 1 || !cut_chunks(x, &sh, pass) ||
	    !(sh.made = calloc(nb, 1)) ||
	    worker_open(x, &w[1], &sh, 1, 1) < 0) {
		free(sh.made);
		rc = classify_blocks(x, first, from, pass, d, 0, nb, NULL);
		if (rc == 0 && with_facts)
			rc = facts(x);
		return rc;
	}
	atomic_init(&sh.next, 0);
	worker_open(x, &w[0], &sh, 0, 0); /* (allocates nothing) */
	struct spawn_part part;
	spawn_part_start(&part, worker_run, &w[1]);
	rc = with_facts ? facts(x) : 0;
	if (rc == 0)
		worker_run(&w[0]);
	else
		atomic_store(&sh.next, sh.nch); /* the other stops */
	spawn_part_end(&part);
	if (rc == 0 &&
	    (w[0].rc < 0 || w[1].rc < 0 || merge_workers(x, &sh, w) < 0))
		rc = -1;
	worker_close(&w[0]);
	worker_close(&w[1]);
	free(sh.made);
	return rc;
}

/* Kinds of all blocks, with an index of who points to whom: the blocks
 * pointing to block i are from[first[i] .. first[i + 1]); and the facts
 * (facts()), found during pass 0. */
static int
classify(struct ctx *x)
{
	size_t *first = calloc(x->bl->nb + 2, sizeof *first);
	uint32_t *from = malloc((x->bl->nb + 1) * sizeof *from);
	struct dops d = {0}; /* one block's operations at a time */
	int rc = -1;

	if (first && from) {
		for (size_t k = 0; k < x->bl->nb; k++)
			if (x->bl->b[k].link >= 0)
				first[x->bl->b[k].link + 2]++;
		for (size_t i = 0; i < x->bl->nb; i++)
			first[i + 2] += first[i + 1];
		for (size_t k = 0; k < x->bl->nb; k++)
			if (x->bl->b[k].link >= 0)
				from[first[x->bl->b[k].link + 1]++] =
				        (uint32_t)k;
		rc = classify_pass(x, first, from, 0, &d, 1) < 0 ||
		                     classify_pass(x, first, from, 1, &d, 0) < 0
		             ? -1
		             : 0;
	}
	/* every block's word diff is in */
	dcode_fit(&x->o->bops);
	dops_free(&d);
	free(first);
	free(from);
	return rc;
}

/* ---- 8. facts -------------------------------------------------------- */

/* Append a fact to x->o->facts (cap: its room).  0 or -1. */
static int
add_fact(struct align_out *o, size_t *cap, struct fact f)
{
	struct fact *nf =
	        grow_array(o->facts, cap, o->nfacts + 1, sizeof *nf, 64);
	if (!nf)
		return -1;
	o->facts = nf;
	o->facts[o->nfacts++] = f;
	return 0;
}

/* Mark the right tokens that start a sentence (after any opening
 * punctuation) in init[] (side 1), or the left ones (side 0). */
static void
sentence_starts(const struct align_in *c, int side, unsigned char *init)
{
	const struct seglist *sl = side ? &c->rs : &c->ls;
	const struct toklist *l = side ? &c->rt : &c->lt;
	for (size_t s = 0; s < sl->n; s++) {
		uint32_t t = sl->v[s].t0;
		while (t < sl->v[s].t1 && l->v[t].kind == TOK_PUNCT)
			t++;
		if (t < sl->v[s].t1)
			init[t] = 1;
	}
}

/* The new facts of every block with a rewrite side, in token order: a
 * rewrite word whose stem (or value) the official text never has, that
 * is a number, holds a digit, spells a quantity, or is a name
 * (capitalised not at the start of a sentence, or at the start but
 * capitalised elsewhere in the middle of one).  Adjacent words make one
 * fact.  (Changed facts are found over whole passages, with the other
 * findings: src/core/finding.c.) */
static int
facts(struct ctx *x)
{
	const struct align_in *c = x->c;
	uint32_t n = intern_count(x->w->stems);
	unsigned char *initial = calloc(c->rt.n + 1, 1);
	unsigned char *cap_mid = calloc(n + 1, 1);
	size_t cap = 0;
	int rc = -1;

	if (!initial || !cap_mid)
		goto out;
	sentence_starts(c, 1, initial);
	for (size_t t = 0; t < c->rt.n; t++) /* the flag first: cheapest */
		if ((x->w->rflag[t] & F_UPPER) && !initial[t] &&
		    rcid_of(x->w, t) >= 0)
			cap_mid[rcid_of(x->w, t)] = 1;
	for (size_t i = 0; i < x->bl->nb; i++) {
		struct block *b = &x->bl->b[i];
		uint32_t t0, t1;
		b->f0 = b->f1 = (uint32_t)x->o->nfacts;
		if (b->rs1 == b->rs0)
			continue;
		seg_tokens(&c->rs, b->rs0, b->rs1, &t0, &t1);
		for (uint32_t t = t0; t < t1; t++) {
			int32_t cid = rcid_of(x->w, t);
			/* a word the official text has is no fact, in a value
			 * or not: asked before the value (most words are) */
			if (cid < 0 || x->w->in_left[cid] ||
			    ((size_t)cid < x->w->nlpart && x->w->lpart[cid]))
				continue;
			uint32_t s, e, h; /* the value t is in, or t */
			if (value_span(x->w->rvi, t, &s, &e, &h) && h != t)
				continue; /* the value is its head's fact */
			int name = (x->w->rflag[t] & F_UPPER) &&
			           (!initial[t] || cap_mid[cid]);
			if (!((x->w->rflag[t] & F_FACTISH) || name))
				continue;
			struct fact *last =
			        x->o->nfacts > b->f0
			                ? &x->o->facts[x->o->nfacts - 1]
			                : NULL;
			if (last && last->t1 == s) {
				last->t1 = e;
			} else if (add_fact(x->o, &cap,
			                    (struct fact){s, e, 0, 0,
			                                  FACT_NEW}) < 0) {
				goto out;
			}
			t = e - 1;
		}
		b->f1 = (uint32_t)x->o->nfacts; /* one at most a token */
	}
	/* the room doubling left goes back: the facts stay through the
	 * findings, where the run's memory peaks */
	x->o->facts =
	        grow_fit(x->o->facts, &cap, x->o->nfacts, sizeof *x->o->facts);
	rc = 0;
out:
	free(initial);
	free(cap_mid);
	return rc;
}

/* ---- 9. nearest candidates -------------------------------------------- */

/* For every omission and addition, the segment on the other side most like
 * it (by Dice of stem weights, among the candidates found in step 3, and
 * for an official segment the one its own search found after the links:
 * the linkset's lnear and rnear, nearest_of in links.c), so that a reader
 * can judge a deep paraphrase the aligner did not accept. */
/* Segment sg's entry in v[0..n) (in order of segment), or NULL. */
static const struct near *
near_of(const struct near *v, size_t n, uint32_t sg)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].seg < sg)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].seg == sg ? &v[lo] : NULL;
}

static void
nearest(struct ctx *x)
{
	for (size_t i = 0; i < x->bl->nb; i++) {
		struct block *b = &x->bl->b[i];
		int left = b->kind == BLK_OMISSION;
		b->near = -1;
		b->near_sim = 0;
		if (b->kind != BLK_OMISSION && b->kind != BLK_ADDITION)
			continue;
		uint32_t s0 = left ? b->ls0 : b->rs0,
		         s1 = left ? b->ls1 : b->rs1;
		for (uint32_t sg = s0; sg < s1; sg++) {
			const struct near *n =
			        near_of(left ? x->l->lnear : x->l->rnear,
			                left ? x->l->nlnear : x->l->nrnear, sg);
			if (n && n->sim > b->near_sim) {
				b->near = n->to;
				b->near_sim = n->sim > 1 ? 1 : n->sim;
			}
		}
	}
}

int
stage_classify(const struct align_in *c, const struct words *w,
               const struct linkset *l, struct blockset *bl,
               struct align_out *out)
{
	struct ctx x = {.c = c, .w = w, .l = l, .bl = bl, .o = out};
	int rc = -1;

	x.my = myers_new(intern_count(c->in));
	x.loose = myers_new(intern_count(w->stems));
	x.lcount = calloc((size_t)intern_count(w->stems) + 1, sizeof *x.lcount);
	x.kb = calloc(1, sizeof *x.kb);
	if (x.kb)
		x.kb->nlr = MERGE_MAX + 2;
	if (x.kb)
		x.kb->rule = calloc((size_t)intern_count(w->stems) + 1, 1);
	if (x.my && x.loose && x.lcount && x.kb && x.kb->rule)
		rc = classify(&x);
	if (rc == 0)
		nearest(&x);
	myers_free(x.my);
	myers_free(x.loose);
	free(x.lcount);
	if (x.kb) {
		free(x.kb->v);
		free(x.kb->rule);
	}
	free(x.kb);
	return rc;
}
