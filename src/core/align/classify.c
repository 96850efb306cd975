/* classify.c - stages 7 to 9 of the sentence alignment (align.c): the kind
 * and word diff of every block (verbatim or paraphrase, frames aside), the
 * facts of the rewrite (new and changed), and the nearest candidate of
 * every omission and addition.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "redline/grow.h"
#include "redline/lexicon.h"
#include "redline/stem.h"
#include "redline/uni.h"
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

/* Is the unmatched run b[s..e) of a rewrite sentence of nr words an
 * attribution frame, not content?  brk[j]: punctuation before word j (and
 * brk[nr], after the last); fr[j]: F_FRAME / F_THAT of word j.
 *  - At either edge, set off by punctuation from the kept words: a
 *    dateline "CITY:", ", the statement read", "According to X,".
 *  - At the start, ending in a frame word (and "that"): "X said (that)".
 *  - Inside, set off by punctuation on both sides and holding a frame
 *    word: a quote broken by ", he said,". */
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
		if (k->kind != TOK_WORD || k->len >= sizeof w)
			continue;
		for (size_t j = 0; j < k->len; j++) {
			unsigned char ch = t->buf[k->off + j];
			w[j] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
		}
		n += lex_is_negation(w, k->len);
	}
	return n;
}

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
		return brk[s];
	return framed && brk[s] && brk[e];
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

	for (t = t0; t < t1 && words < LEAD_FRAME_MAX; t++) {
		if (l->v[t].kind == TOK_PUNCT)
			punct = 1;
		if (x->w->rlid[t] < 0)
			continue;
		words++;
		if ((x->w->rflag[t] & F_FVERB) && !punct)
			end = t + 1;
		punct = 0;
	}
	if (end == t0)
		return t0;
	/* a "that" after the verb is the frame's too */
	for (t = end; t < t1 && x->w->rlid[t] < 0; t++)
		;
	if (t < t1 && (x->w->rflag[t] & F_THAT))
		end = t + 1;
	/* enough words must be left for a sentence */
	for (t = end; t < t1; t++)
		rest += x->w->rlid[t] >= 0;
	return rest >= LEAD_FRAME_REST ? end : t0;
}

/* Classes of a word for telling one subject named two ways. */
enum { W_WE = 1, W_THE = 2, W_TITLE = 4, W_NAME = 8 };

/* The W_* class of the word of loose id lid, content id cid, at token t
 * of side right (0 official), initial when it starts its sentence: a name
 * is a capitalised content word, at a sentence's start only if its stem
 * is never written in lower case (so "Farmers" opening a sentence is
 * not). */
static unsigned char
word_class(const struct ctx *x, int right, uint32_t t, int initial)
{
	int32_t lid = right ? x->w->rlid[t] : x->w->llid[t];
	int32_t cid = right ? x->w->rcid[t] : x->w->lcid[t];
	int upper = right ? (x->w->rflag[t] & F_UPPER) != 0
	                  : (x->c->lt.v[t].flags & TOK_F_UPPER) != 0;

	if (lid == x->w->we_id)
		return W_WE;
	if (lid == x->w->the_id)
		return W_THE;
	if (lid >= 0 && x->w->title[lid])
		return W_TITLE;
	if (upper && cid >= 0 && (!initial || x->w->name[cid]))
		return W_NAME;
	return 0;
}

/* The W_* classes of the run k[0..n) or'ed, or 0 when it is not a way of
 * naming a subject: at most SUBJECT_NAME_MAX words, a leading "the", then
 * titles and names, or "we" alone. */
static unsigned
subject_run(const unsigned char *k, size_t n)
{
	unsigned all = 0;
	size_t i = 0;

	if (n > SUBJECT_NAME_MAX)
		return 0;
	if (n == 1 && k[0] == W_WE)
		return W_WE;
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
 * or standing for the name ("President Novak", "Novak", "Mayor Novak").
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
		if ((i > i0 && !l) || (j > j0 && !r) ||
		    !((l | r) & (W_WE | W_TITLE)) || ((l & r) & W_NAME) ||
		    (l == W_WE && !r) || (r == W_WE && !l))
			continue;
		memset(mk + i0, 0, i - i0);
		memset(mk + nl + j0, 0, j - j0);
		*kl += i - i0;
		*kr += j - j0;
	}
}

/* Shares of the words of the left token ranges lr[0..nlr) and of the
 * right ones rr[0..nrr) (each list in text order) kept in order, words being
 * the same when their loose ids are (same stem, case, spelling variant; U.S. =
 * US; the same number).  On the rewrite side, unmatched runs that are
 * attribution frames (is_frame) are not counted; an unmatched edge with no
 * break ("... must be upheld") is.  *ks: the share of the left words from
 * the first kept one to the last that are kept (the stretch a piece of a
 * split copies). */
static int
kept_once(struct ctx *x, const uint32_t (*lr)[2], size_t nlr,
          const uint32_t (*rr)[2], size_t nrr, int lead, double *kl, double *kr,
          double *ks)
{
	size_t nl = 0, nr = 0, i, lcs_l = 0, lcs_r = 0, cap = 1;
	const struct align_in *c = x->c;

	for (i = 0; i < nlr; i++)
		cap += lr[i][1] - lr[i][0];
	for (i = 0; i < nrr; i++)
		cap += rr[i][1] - rr[i][0];
	/* one allocation: the ids, their tokens, then five byte arrays */
	uint32_t *a = malloc(2 * cap * sizeof *a + 5 * cap + 1);
	if (!a)
		return -1;
	uint32_t *ti = a + cap;
	unsigned char *mk = (unsigned char *)(ti + cap), *fr = mk + cap,
	              *cw = fr + cap, *ini = cw + cap,
	              *brk = ini + cap; /* brk: cap + 1 */
	for (i = 0; i < nlr; i++)
		for (uint32_t t = lr[i][0], first = 1; t < lr[i][1]; t++)
			if (x->w->llid[t] >= 0) {
				cw[nl] =
				        x->w->lcid[t] >= 0; /* a content word */
				ti[nl] = t;
				ini[nl] = (unsigned char)first;
				a[nl++] = (uint32_t)x->w->llid[t];
				first = 0;
			}
	uint32_t *b = a + nl;
	int punct = 0;
	for (i = 0; i < nrr; i++)
		for (uint32_t t = lead ? lead_frame_end(x, rr[i][0], rr[i][1])
		                       : rr[i][0],
		              first = 1;
		     t < rr[i][1]; t++) {
			if (c->rt.v[t].kind == TOK_PUNCT)
				punct = 1;
			if (x->w->rlid[t] < 0)
				continue;
			brk[nr] = (unsigned char)punct; /* punctuation before */
			fr[nr] = x->w->rflag[t] & (F_FRAME | F_THAT);
			ti[nl + nr] = t;
			ini[nl + nr] = (unsigned char)first;
			b[nr++] = (uint32_t)x->w->rlid[t];
			punct = 0;
			first = 0;
		}
	brk[nr] = 1;
	/* exact, unless the passage is enormous (a text with no sentence
	 * ends is one passage): then the exact search could be quadratic */
	if (myers_run(x->loose, a, nl, b, nr, mk, mk + nl,
	              nl + nr <= LOOSE_EXACT_MAX) < 0) {
		free(a);
		return -1;
	}
	for (i = 0; i < nl; i++)
		lcs_l += !mk[i];
	lcs_r = lcs_l; /* as many kept words each side, so far */
	if (lcs_l < nl || lcs_r < nr)
		subject_kept(x, mk, ti, ini, nl, nr, &lcs_l, &lcs_r);
	/* words of the frames, left out of the rewrite's count */
	size_t framed = 0;
	for (i = 0; i < nr;) {
		size_t e = i;
		while (e < nr && mk[nl + e])
			e++;
		if (e > i && is_frame(brk, fr, nr, i, e))
			framed += e - i;
		i = e > i ? e : i + 1;
	}
	*kl = nl ? (double)lcs_l / nl : 1;
	*kr = nr > framed ? (double)lcs_r / (nr - framed) : (nr ? 0 : 1);
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
	free(a);
	return 0;
}

/* kept_once, and again with the rewrite's lead frames left out when it
 * has any ("The embassy said that ..."): the better of the two, by the
 * smaller share.  A frame is left aside only where that brings the
 * sentence closer to its source, so a lead that is content stays. */
static int
loose_kept(struct ctx *x, const uint32_t (*lr)[2], size_t nlr,
           const uint32_t (*rr)[2], size_t nrr, double *kl, double *kr,
           double *ks)
{
	double fl, fr, fs;
	int framed = 0;

	if (kept_once(x, lr, nlr, rr, nrr, 0, kl, kr, ks) < 0)
		return -1;
	for (size_t i = 0; i < nrr; i++)
		framed |= lead_frame_end(x, rr[i][0], rr[i][1]) != rr[i][0];
	if (!framed)
		return 0;
	if (kept_once(x, lr, nlr, rr, nrr, 1, &fl, &fr, &fs) < 0)
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

/* The kind, similarity and word operations of every block.  A block is a
 * pair (both sides), an addition, an omission, or one side of a split or
 * merge: an official or rewrite sentence whose counterparts are the blocks
 * that point to it, or, if none does, the block it points to.  A one-sided
 * block is judged on its own side against all its counterparts; its word
 * diff is shown against the block it points to.  A rewrite piece is
 * verbatim only if the stretch of official words it copies is itself kept
 * at the verbatim share; an official sentence of a split or merge only
 * through its verbatim pieces.  So pass 0 judges every block but the
 * official halves, pass 1 those, once their pieces' kinds are known. */
static int
classify_blocks(struct ctx *x, const size_t *first, const uint32_t *from,
                int pass)
{
	const struct align_in *c = x->c;

	for (size_t i = 0; i < x->bl->nb; i++) {
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

		seg_tokens(&c->ls, b->ls0, b->ls1, &b->dl0, &b->dl1);
		seg_tokens(&c->rs, b->rs0, b->rs1, &b->dr0, &b->dr1);
		b->op0 = x->o->bops.n;
		if (b->kind == BLK_OMISSION || b->kind == BLK_ADDITION) {
			if (diff_tokens(x->my, &c->lt, b->dl0, b->dl1, &c->rt,
			                b->dr0, b->dr1,
			                c->opt.minimal ? DIFF_MINIMAL
			                               : DIFF_ABSORB,
			                &x->o->bops) < 0)
				return -1;
			b->op1 = x->o->bops.n;
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
			/* the word diff shown: against the block it points to
			 */
			if (has_l && m)
				seg_tokens(&c->rs, m->rs0, m->rs1, &b->dr0,
				           &b->dr1);
			if (has_r && m)
				seg_tokens(&c->ls, m->ls0, m->ls1, &b->dl0,
				           &b->dl1);
		}
		if (diff_tokens(x->my, &c->lt, b->dl0, b->dl1, &c->rt, b->dr0,
		                b->dr1,
		                c->opt.minimal ? DIFF_MINIMAL : DIFF_ABSORB,
		                &x->o->bops) < 0)
			return -1;
		b->op1 = x->o->bops.n;
		size_t common = 0;
		for (size_t k = b->op0; k < b->op1; k++) {
			const struct dop *o = &x->o->bops.v[k];
			if (o->kind == DOP_EQUAL)
				common += tok_words(&c->lt, o->a0, o->a1);
		}
		size_t wl = tok_words(&c->lt, b->dl0, b->dl1);
		size_t wr = tok_words(&c->rt, b->dr0, b->dr1);
		b->sim = wl + wr ? 2.0 * common / (wl + wr) : 1;
		double kl, kr, ks, v = c->opt.verbatim_min;
		if (loose_kept(x, (const uint32_t(*)[2])lr, nlr,
		               (const uint32_t(*)[2])rr, nrr, &kl, &kr,
		               &ks) < 0)
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
			                    (const uint32_t(*)[2])vr, nvr, &kl,
			                    &kr, &ks) < 0)
				return -1;
			else
				verb = kl >= v;
		}
		/* a negation added or dropped reverses the claim, however
		 * few words it is: never verbatim */
		if (verb && has_l && has_r &&
		    negations(c->left, &c->lt, b->dl0, b->dl1) !=
		            negations(c->right, &c->rt, b->dr0, b->dr1))
			verb = 0;
		b->kind = verb ? BLK_VERBATIM : BLK_PARAPHRASE;
		x->o->count[b->kind]++;
	}
	return 0;
}

/* Kinds of all blocks, with an index of who points to whom: the blocks
 * pointing to block i are from[first[i] .. first[i + 1]). */
static int
classify(struct ctx *x)
{
	size_t *first = calloc(x->bl->nb + 2, sizeof *first);
	uint32_t *from = malloc((x->bl->nb + 1) * sizeof *from);
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
		rc = classify_blocks(x, first, from, 0) < 0 ||
		                     classify_blocks(x, first, from, 1) < 0
		             ? -1
		             : 0;
	}
	free(first);
	free(from);
	return rc;
}

/* ---- 8. facts -------------------------------------------------------- */

/* Does the stem key of id cid name a number or a value (value.h: its
 * digits, or "@" and a date or weekday)? */
static int
numeric_key(const struct ctx *x, int32_t cid)
{
	size_t len;
	const char *key = intern_key(x->w->stems, (uint32_t)cid, &len);
	return len && ((key[0] >= '0' && key[0] <= '9') || key[0] == '@');
}

/* Can the value of stem cid stand in the place of that of stem lid as a
 * changed fact?  Only one of its kind: a date for a date, a weekday for a
 * weekday, a number or amount for a number or amount ("Friday" told as
 * "two" is no change of day). */
static int
same_kind(const struct ctx *x, int32_t lid, int32_t cid)
{
	size_t la, lb;
	const char *a = intern_key(x->w->stems, (uint32_t)lid, &la),
	           *b = intern_key(x->w->stems, (uint32_t)cid, &lb);
	char ka = la > 1 && a[0] == '@' ? a[1] : 'n',
	     kb = lb > 1 && b[0] == '@' ? b[1] : 'n';
	return ka == kb;
}

/* Is left token t a number (a numeral, a number word, a value) or a name
 * (a capitalised word not at the start of its sentence)?  *num tells
 * which. */
static int
left_factish(const struct ctx *x, const unsigned char *initial, uint32_t t,
             int *num)
{
	const struct tok *k = &x->c->lt.v[t];
	int32_t cid = x->w->lcid[t];

	if (cid < 0)
		return 0;
	*num = k->kind == TOK_NUMBER || numeric_key(x, cid);
	return *num || ((k->flags & TOK_F_UPPER) && !initial[t]);
}

/* The same for right token t (rflag has F_FACTISH for numbers). */
static int
right_factish(const struct ctx *x, const unsigned char *initial, uint32_t t,
              int *num)
{
	int32_t cid = x->w->rcid[t];

	if (cid < 0)
		return 0;
	*num = x->c->rt.v[t].kind == TOK_NUMBER || numeric_key(x, cid);
	return *num || ((x->w->rflag[t] & F_UPPER) && !initial[t]);
}

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

/* Walks the deleted (side 0) or inserted (side 1) tokens of a stretch
 * ops[k..e) of a word diff, item by item: a number or name token, or a
 * value of several tokens any of whose tokens is there (the value stands
 * for itself once, by its head token, even when the head is kept: "27
 * [-August-] {+September+}" changes the date). */
struct items {
	size_t k, e;
	uint32_t t;   /* the next token to look at in ops[k] */
	int started;  /* t is set for ops[k] */
	int64_t last; /* the head of the last value given, or -1 */
};

/* The head token of the next item of class want (1: numbers and values,
 * 0: names) into *head; 0 when there is none.  cnt[side][id]: how often
 * each id is on each side of the passage. */
static int
next_item(const struct ctx *x, const struct dops *ops, int side,
          const unsigned char *init, int want, uint32_t *const cnt[2],
          struct items *c, uint32_t *head)
{
	const unsigned char *vi = side ? x->w->rvi : x->w->lvi;
	const int32_t *cid = side ? x->w->rcid : x->w->lcid;

	while (c->k < c->e) {
		const struct dop *o = &ops->v[c->k];
		if (o->kind != (side ? DOP_INSERT : DOP_DELETE)) {
			c->k++;
			c->started = 0;
			continue;
		}
		uint32_t a0 = (uint32_t)(side ? o->b0 : o->a0),
		         a1 = (uint32_t)(side ? o->b1 : o->a1);
		if (!c->started) {
			c->t = a0;
			c->started = 1;
		}
		while (c->t < a1) {
			uint32_t t = c->t++, s, e, h;
			int num;
			if (value_span(vi, t, &s, &e, &h)) {
				if (cid[h] < 0 || (int64_t)h == c->last)
					continue;
				c->last = h;
				t = h;
				num = 1;
			} else if (!(side ? right_factish(x, init, t, &num)
			                  : left_factish(x, init, t, &num))) {
				continue;
			}
			if (num != want)
				continue;
			/* a number the other side has as often elsewhere in
			 * the passage moved: it is no one's replacement */
			if (num && (side ? cnt[0][cid[t]] >= cnt[1][cid[t]]
			                 : cnt[1][cid[t]] >= cnt[0][cid[t]]))
				continue;
			*head = t;
			return 1;
		}
		c->k++;
		c->started = 0;
	}
	return 0;
}

/* A value of several tokens kept in part by the equal operation o, as
 * "16 [-million-]" keeps "16": when the values of the two sides differ,
 * the rewrite's head token is marked in changed[] with the official's
 * (16 million -> 16; 27 August -> 27 September). */
static void
kept_values(const struct ctx *x, const struct dop *o, uint32_t *changed)
{
	for (size_t a = o->a0, b = o->b0; a < o->a1 && b < o->b1; a++, b++) {
		uint32_t s, e, ha, hb;
		if (!x->w->lvi[a] && !x->w->rvi[b])
			continue;
		value_span(x->w->lvi, (uint32_t)a, &s, &e, &ha);
		value_span(x->w->rvi, (uint32_t)b, &s, &e, &hb);
		int32_t lc = x->w->lcid[ha], rc = x->w->rcid[hb];
		if (lc >= 0 && rc >= 0 && lc != rc && numeric_key(x, lc) &&
		    numeric_key(x, rc) && same_kind(x, lc, rc))
			changed[hb] = ha + 1;
	}
}

/* Changed facts of block b: in each stretch of its word diff that deletes
 * and inserts words between two kept ones, the k-th number or value
 * (or name) inserted takes the place of the k-th number or value (name)
 * deleted, when their values differ: "12" -> "15", "27 August" -> "28
 * August".  A name only when the new one is nowhere in the official text
 * and the old one nowhere in the rewrite (in_right), so that "the
 * Presidents" -> "Trump" is no change of fact.  Marks each such right
 * head token in changed[] with the left head token it replaced, plus one
 * (0: none). */
static void
changed_facts(const struct ctx *x, const struct block *b,
              const unsigned char *linit, const unsigned char *rinit,
              const unsigned char *in_right, uint32_t *const cnt[2],
              int rcounted, uint32_t *changed)
{
	const struct dops *ops = &x->o->bops;
	size_t k = b->op0;

	while (k < b->op1 && ops->v[k].kind == DOP_EQUAL)
		k++;
	if (k == b->op1)
		return; /* the same words: the same values */
	k = b->op0;
	for (uint32_t t = b->dl0; t < b->dl1; t++)
		if (x->w->lcid[t] >= 0)
			cnt[0][x->w->lcid[t]]++;
	for (uint32_t t = b->dr0; t < b->dr1 && !rcounted; t++)
		if (x->w->rcid[t] >= 0)
			cnt[1][x->w->rcid[t]]++;
	while (k < b->op1) {
		if (ops->v[k].kind == DOP_EQUAL) {
			kept_values(x, &ops->v[k], changed);
			k++;
			continue;
		}
		size_t e = k;
		while (e < b->op1 && ops->v[e].kind != DOP_EQUAL)
			e++;
		/* numbers and values, then names, paired in order */
		for (int want = 1; want >= 0; want--) {
			struct items dc = {k, e, 0, 0, -1},
			             ic = {k, e, 0, 0, -1};
			uint32_t dt, it;
			while (next_item(x, ops, 0, linit, want, cnt, &dc,
			                 &dt) &&
			       next_item(x, ops, 1, rinit, want, cnt, &ic,
			                 &it)) {
				int32_t lc = x->w->lcid[dt],
				        rc = x->w->rcid[it];
				if (lc != rc && (want ? same_kind(x, lc, rc)
				                      : !x->w->in_left[rc] &&
				                                 !in_right[lc]))
					changed[it] = dt + 1;
			}
		}
		k = e;
	}
	for (uint32_t t = b->dl0; t < b->dl1; t++)
		if (x->w->lcid[t] >= 0)
			cnt[0][x->w->lcid[t]] = 0;
	for (uint32_t t = b->dr0; t < b->dr1 && !rcounted; t++)
		if (x->w->rcid[t] >= 0)
			cnt[1][x->w->rcid[t]] = 0;
}

/* A block with a rewrite side whose facts are judged, and its group: the
 * pieces of one split (rewrite half blocks linking to one official
 * block) share one; any other block is a group of its own. */
struct fgroup {
	long key;
	size_t i;
};

static int
by_group(const void *a, const void *b)
{
	const struct fgroup *p = a, *q = b;
	if (p->key != q->key)
		return p->key < q->key ? -1 : 1;
	return (p->i > q->i) - (p->i < q->i);
}

/* Changed facts of every paired block (changed_facts), the pieces of a
 * split together: a number of the official sentence that another piece
 * tells moved there, and replaces nothing in this one ("its lowest level
 * in six months" told in one piece is no "six -> 80,000" in another).
 * 0 or -1. */
static int
all_changed_facts(struct ctx *x, const unsigned char *linit,
                  const unsigned char *rinit, const unsigned char *in_right,
                  uint32_t *const cnt[2], uint32_t *changed)
{
	struct fgroup *g = malloc((x->bl->nb + 1) * sizeof *g);
	size_t n = 0;

	if (!g)
		return -1;
	for (size_t i = 0; i < x->bl->nb; i++) {
		const struct block *b = &x->bl->b[i];
		if ((b->kind != BLK_VERBATIM && b->kind != BLK_PARAPHRASE) ||
		    b->rs1 == b->rs0)
			continue;
		g[n].key = b->ls1 == b->ls0 && b->link >= 0 ? (long)b->link
		                                            : -1 - (long)i;
		g[n++].i = i;
	}
	qsort(g, n, sizeof *g, by_group);
	for (size_t a = 0, e; a < n; a = e) {
		for (e = a + 1; e < n && g[e].key == g[a].key; e++)
			;
		int together = e - a > 1;
		for (size_t k = a; k < e && together; k++)
			for (uint32_t t = x->bl->b[g[k].i].dr0;
			     t < x->bl->b[g[k].i].dr1; t++)
				if (x->w->rcid[t] >= 0)
					cnt[1][x->w->rcid[t]]++;
		for (size_t k = a; k < e; k++)
			changed_facts(x, &x->bl->b[g[k].i], linit, rinit,
			              in_right, cnt, together, changed);
		for (size_t k = a; k < e && together; k++)
			for (uint32_t t = x->bl->b[g[k].i].dr0;
			     t < x->bl->b[g[k].i].dr1; t++)
				if (x->w->rcid[t] >= 0)
					cnt[1][x->w->rcid[t]] = 0;
	}
	free(g);
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

/* The facts of every block with a rewrite side, in token order: changed
 * ones (changed_facts) in paired passages, and new ones: a rewrite word
 * whose stem (or value) the official text never has, that is a number,
 * holds a digit, spells a quantity, or is a name (capitalised not at the
 * start of a sentence, or at the start but capitalised elsewhere in the
 * middle of one).  Adjacent words of one kind make one fact. */
static int
facts(struct ctx *x)
{
	const struct align_in *c = x->c;
	uint32_t n = intern_count(x->w->stems);
	unsigned char *initial = calloc(c->rt.n + 1, 1);
	unsigned char *linit = calloc(c->lt.n + 1, 1);
	uint32_t *changed = calloc(c->rt.n + 1, sizeof *changed);
	unsigned char *in_right = calloc(n + 1, 1);
	uint32_t *cnt[2] = {calloc(n + 1, sizeof **cnt),
	                    calloc(n + 1, sizeof **cnt)};
	size_t cap = 0;
	int rc = -1;
	unsigned char *cap_mid = calloc(n + 1, 1);

	if (!initial || !linit || !changed || !in_right || !cap_mid ||
	    !cnt[0] || !cnt[1])
		goto out;
	for (size_t t = 0; t < c->rt.n; t++)
		if (x->w->rcid[t] >= 0)
			in_right[x->w->rcid[t]] = 1;
	sentence_starts(c, 1, initial);
	sentence_starts(c, 0, linit);
	for (size_t t = 0; t < c->rt.n; t++)
		if (!initial[t] && x->w->rcid[t] >= 0 &&
		    (x->w->rflag[t] & F_UPPER))
			cap_mid[x->w->rcid[t]] = 1;
	if (all_changed_facts(x, linit, initial, in_right, cnt, changed) < 0)
		goto out;
	for (size_t i = 0; i < x->bl->nb; i++) {
		struct block *b = &x->bl->b[i];
		uint32_t t0, t1;
		b->f0 = b->f1 = x->o->nfacts;
		if (b->rs1 == b->rs0)
			continue;
		seg_tokens(&c->rs, b->rs0, b->rs1, &t0, &t1);
		for (uint32_t t = t0; t < t1; t++) {
			int32_t cid = x->w->rcid[t];
			struct fact *last =
			        x->o->nfacts > b->f0
			                ? &x->o->facts[x->o->nfacts - 1]
			                : NULL;
			uint32_t s, e, h; /* the value t is in, or t */
			if (value_span(x->w->rvi, t, &s, &e, &h) && h != t)
				continue; /* the value is its head's fact */
			if (changed[t]) {
				uint32_t ws, we, wh;
				value_span(x->w->lvi, changed[t] - 1, &ws, &we,
				           &wh);
				if (last && last->kind == FACT_CHANGED &&
				    last->t1 == s && last->w1 <= ws) {
					last->t1 = e;
					last->w1 = we;
				} else if (add_fact(x->o, &cap,
				                    (struct fact){
				                            s, e, ws, we,
				                            FACT_CHANGED}) <
				           0) {
					goto out;
				}
				t = e - 1;
				continue;
			}
			int name = (x->w->rflag[t] & F_UPPER) &&
			           (!initial[t] || (cid >= 0 && cap_mid[cid]));
			if (cid < 0 || x->w->in_left[cid] ||
			    ((size_t)cid < x->w->nlpart && x->w->lpart[cid]) ||
			    !((x->w->rflag[t] & F_FACTISH) || name))
				continue;
			if (last && last->kind == FACT_NEW && last->t1 == s) {
				last->t1 = e;
			} else if (add_fact(x->o, &cap,
			                    (struct fact){s, e, 0, 0,
			                                  FACT_NEW}) < 0) {
				goto out;
			}
			t = e - 1;
		}
		b->f1 = x->o->nfacts;
	}
	rc = 0;
out:
	free(initial);
	free(linit);
	free(changed);
	free(in_right);
	free(cnt[0]);
	free(cnt[1]);
	free(cap_mid);
	return rc;
}

/* ---- 9. nearest candidates -------------------------------------------- */

/* For every omission and addition, the segment on the other side most like
 * it (by Dice of stem weights, among the candidates found in step 3), so
 * that a reader can judge a deep paraphrase the aligner did not accept. */
static int
nearest(struct ctx *x)
{
	const struct align_in *c = x->c;
	int32_t *lbest = malloc((c->ls.n + 1) * sizeof *lbest);
	int32_t *rbest = malloc((c->rs.n + 1) * sizeof *rbest);
	double *lsim = calloc(c->ls.n + 1, sizeof *lsim);
	double *rsim = calloc(c->rs.n + 1, sizeof *rsim);
	int rc = -1;

	if (!lbest || !rbest || !lsim || !rsim)
		goto out;
	for (size_t k = 0; k < c->ls.n; k++)
		lbest[k] = -1;
	for (size_t k = 0; k < c->rs.n; k++)
		rbest[k] = -1;
	for (size_t k = 0; k < x->l->ncands; k++) {
		const struct cand *m = &x->l->cands[k];
		double wsum = x->w->lv[m->o].W + x->w->rv[m->r].W;
		double d = wsum > 0 ? 2 * m->w / wsum : 0;
		if (d > lsim[m->o]) {
			lsim[m->o] = d;
			lbest[m->o] = (int32_t)m->r;
		}
		if (d > rsim[m->r]) {
			rsim[m->r] = d;
			rbest[m->r] = (int32_t)m->o;
		}
	}
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
			double d = left ? lsim[sg] : rsim[sg];
			int32_t to = left ? lbest[sg] : rbest[sg];
			if (to >= 0 && d > b->near_sim) {
				b->near = to;
				b->near_sim = d > 1 ? 1 : d;
			}
		}
	}
	rc = 0;
out:
	free(lbest);
	free(rbest);
	free(lsim);
	free(rsim);
	return rc;
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
	if (x.my && x.loose)
		rc = classify(&x) < 0 || facts(&x) < 0 || nearest(&x) < 0 ? -1
		                                                          : 0;
	myers_free(x.my);
	myers_free(x.loose);
	return rc;
}
