/* align.c - sentence alignment and classification.
 *
 * Method:
 *  1. Content words.  Each word or number is case-folded, its inner
 *     periods dropped (U.S. = US), and, unless on the stop list, stemmed
 *     (stem.h).  Stems are ids in a table of their own.  A rewrite stem the
 *     official text lacks is taken as a spelling variant of an official
 *     stem that is one letter longer or shorter (not the first letter;
 *     both at least VARIANT_MIN_LEN long): Gadafi and Gaddafi.
 *  2. Weights.  A stem weighs idf = log(1 + S / df) over the S sentences of
 *     both texts.  A sentence's weight W is the sum over its stems.
 *  3. Candidates.  An inverted index of official sentences by stem finds,
 *     for each rewrite sentence, the official sentences sharing stems with
 *     it.  A stem nominates when it is in at most 1/POSTING_SHARE of the
 *     official sentences or POSTING_MIN of them, whichever is more, and
 *     never when in more than POSTING_MAX: so the cost grows with the
 *     text's length and not its square.  A sentence with no such stems
 *     nominates by all of them, each only among the POSTING_WINDOW official
 *     sentences nearest where the rewrite sentence would sit in proportion
 *     (so a text repeating one sentence a million times stays linear).  The
 *     best CANDIDATES get an exact shared weight w = sum of idf * min(count).
 *  4. Links.  A rewrite sentence links to the official sentence that covers
 *     most of it (w / W(rewrite) >= link_min).  Several rewrite sentences
 *     may link to one official sentence (a split).  An official sentence no
 *     rewrite sentence links to, but one rewrite sentence covers
 *     (w / W(official) >= keep_min), is kept too, as half of a merge.
 *  5. Blocks.  An official sentence and the one rewrite sentence linked to
 *     it, and to nothing else, make a pair.  A split (one official
 *     sentence, several rewrite sentences) and a merge (one rewrite
 *     sentence, several official ones) become one-sided blocks, one per
 *     sentence, pointing to each other (`link`), so that each sentence is
 *     judged on its own.  Official sentences left over are omissions; rewrite
 *     sentences left over are additions; neighbours of one kind in one
 *     paragraph share a block.  Blocks go in the official order, with
 *     additions and half blocks after the block of the rewrite sentence
 *     before them.
 *  6. Moves.  The longest chain of paired blocks whose rewrite positions
 *     increase stays in place; the other paired blocks are moved.
 *  7. Kinds.  Words are compared loosely (same stem, case, spelling
 *     variant) and the share kept in order is measured (loose_kept); when at
 *     least verbatim_min of the words of each side are kept the pair is
 *     verbatim, otherwise a paraphrase.  A one-sided block of a split or
 *     merge is measured on its side against all its counterparts.  The word
 *     diff shown is the strict one.
 *  8. Facts.  A rewrite word whose stem the official text never has, and
 *     that is a number, holds a digit, spells a quantity, or is a name (a
 *     capitalized word not at the start of a sentence, or at the start but
 *     capitalized elsewhere in the middle of one), is a new fact; adjacent
 *     ones make one span ("June 19").
 */
#include "redline/grow.h"
#include "redline/align.h"
#include "alias.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "redline/lexicon.h"
#include "redline/stem.h"
#include "redline/uni.h"

#define VARIANT_MIN_LEN 5
#define POSTING_SHARE   8   /* a stem nominates if in <= 1/8 of sentences... */
#define POSTING_MIN     64  /* ...or in at most this many... */
#define POSTING_MAX     256 /* ...but never in more than this many */
#define POSTING_WINDOW  64  /* when none nominates: the sentences nearest */
#define CANDIDATES      8
#define LOOSE_EXACT_MAX 20000 /* words of a passage measured exactly */
#define MERGE_MAX       3 /* official sentences one rewrite sentence may merge */
#define MERGE_GAIN      0.1 /* coverage one more of them must add */
#define DUP_BACK        2   /* a rewrite sentence repeating one this close... */
#define DUP_MIN         0.9 /* ...this closely (Dice of stems) is an addition */
#define TITLE_BACK      512 /* a title line repeating one this far back... */
#define TITLE_DUP_MIN   0.75 /* ...this closely is an addition too */
#define LINK_MIN_WORDS                                                         \
	2 /* shared stems, numbers aside, to link at all;                      \
	     one at least not a name: sharing only who and                     \
	     where is framing ("X, Y issue statement") */

/* Flags of a rewrite token: a fact-like word, a capitalised one, a
 * reporting-frame word and a verb of saying (lexicon.h), the word "that". */
enum { F_FACTISH = 1, F_UPPER = 2, F_FRAME = 4, F_THAT = 8, F_FVERB = 16 };
/* A lead frame ("In a statement, X said that") ends within this many
 * words of the sentence's start, and leaves at least LEAD_FRAME_REST. */
#define LEAD_FRAME_MAX  12
#define LEAD_FRAME_REST 3

struct ent {
	uint32_t cid, cnt;
};

struct vec {
	size_t off, n; /* into ctx.pool */
	double W;
};

struct cand {
	uint32_t r, o;
	double w;     /* shared weight */
	double cov_o; /* w over the official sentence's weight */
};

struct ctx {
	struct cmp *c;
	struct stemmer *st;
	struct intern *stems;
	int32_t *lcid, *rcid;   /* per token: stem id or -1 */
	int32_t *llid, *rlid;   /* per token: loose id (stop words too) or -1 */
	unsigned char *rflag;   /* per right token: F_* */
	unsigned char *in_left; /* per stem */
	unsigned char *cap_mid; /* per stem: capitalized mid-sentence (right) */
	unsigned char *numeric; /* per stem: from a number */
	unsigned char *name;    /* per stem: only ever capitalized (a name) */
	double *idf;            /* per stem */
	struct ent *pool;
	size_t npool, cappool;
	struct vec *lv, *rv;
	struct cand *cands;
	size_t ncands, capcands;
	int32_t *prim;  /* per right segment: official segment, or -1 */
	double *prim_w; /* its shared weight */
	int32_t *sec;   /* per official segment: rewrite segment, or -1 */
	struct myers *my;
	struct myers *loose; /* over loose ids, for judging what was kept */
	struct block *b;     /* blocks being built */
	size_t nb, capb;
};

/* ---- 1. content words ------------------------------------------------ */

/* Two or more letters, all capitals (an acronym). */
static int
all_caps(const struct text *t, const struct tok *k)
{
	size_t i, letters = 0;
	for (i = 0; i < k->len; i++) {
		unsigned char ch = t->buf[k->off + i];
		if (ch >= 'a' && ch <= 'z')
			return 0;
		letters += ch >= 'A' && ch <= 'Z';
	}
	return letters >= 2 && letters == k->len;
}

/* Stem id of token k of text t, or -1; sets *numword when the folded word
 * is a number word, and *flags to F_FRAME for a reporting-frame word and
 * F_THAT for "that".  A number, or a number word, is its value as digits
 * (lexicon.h: five = 5, 7,600 = 7600, 6th = 6), not stemmed. */
static int
content_id(struct ctx *x, const struct text *t, const struct tok *k,
           int32_t *out, int32_t *loose, int *numword, unsigned char *flags)
{
	char *fold, digits[64];
	size_t flen, i, j, nd;
	const char *stem;
	size_t slen;
	uint32_t id;

	*out = -1;
	*loose = -1;
	*numword = 0;
	*flags = 0;
	if (k->kind != TOK_WORD && k->kind != TOK_NUMBER)
		return 0;
	if (uni_key(t->buf + k->off, k->len, UNI_KEY_FOLD | UNI_KEY_CASE, &fold,
	            &flen) < 0)
		return -1;
	*numword = stem_is_number_word(fold, flen); /* sees "seven-year" */
	switch (lex_is_frame(fold, flen)) {
	case LEX_FRAME_VERB:
		*flags |= F_FRAME | F_FVERB;
		break;
	case LEX_FRAME_OTHER:
	case LEX_FRAME_NOUN:
		*flags |= F_FRAME;
		break;
	default:
		break;
	}
	if (flen == 4 && memcmp(fold, "that", 4) == 0)
		*flags |= F_THAT;
	/* a number word on the stop list ("one of them") stays a stop word */
	nd = k->kind == TOK_NUMBER || !stem_is_stop(fold, flen)
	             ? lex_number(fold, flen, digits, sizeof digits)
	             : 0;
	if (nd) {
		free(fold);
		if (intern_id(x->stems, digits, nd, &id) < 0)
			return -1;
		*out = *loose = (int32_t)id;
		return 0;
	}
	for (i = j = 0; i < flen; i++)
		if (fold[i] != '.' && fold[i] != '-')
			fold[j++] = fold[i];
	/* "U.S." and "US" name something; "us" is a stop word */
	int named = j < flen || all_caps(t, k);
	flen = j;
	if (flen == 0 || (!named && stem_is_stop(fold, flen))) {
		/* a stop word still counts when judging what was kept */
		int rc = flen ? intern_id(x->stems, fold, flen, &id) : 0;
		if (flen && rc == 0)
			*loose = (int32_t)id;
		free(fold);
		return rc;
	}
	if (stem_word(x->st, fold, flen, &stem, &slen) < 0 ||
	    intern_id(x->stems, stem, slen, &id) < 0) {
		free(fold);
		return -1;
	}
	free(fold);
	*out = *loose = (int32_t)id;
	return 0;
}

static int
content_ids(struct ctx *x)
{
	struct cmp *c = x->c;
	uint32_t nkeys = intern_count(c->in);
	int32_t *cache = malloc((nkeys + 1) * sizeof *cache);
	int32_t *lcache = malloc((nkeys + 1) * sizeof *lcache);
	unsigned char *numw = malloc(nkeys + 1), *kflag = malloc(nkeys + 1);
	int rc = -1;

	x->lcid = malloc((c->lt.n + 1) * sizeof *x->lcid);
	x->rcid = malloc((c->rt.n + 1) * sizeof *x->rcid);
	x->llid = malloc((c->lt.n + 1) * sizeof *x->llid);
	x->rlid = malloc((c->rt.n + 1) * sizeof *x->rlid);
	x->rflag = calloc(c->rt.n + 1, 1);
	if (!cache || !lcache || !numw || !kflag || !x->lcid || !x->rcid ||
	    !x->llid || !x->rlid || !x->rflag)
		goto out;
	for (uint32_t i = 0; i < nkeys; i++)
		cache[i] = -2;
	for (int side = 0; side < 2; side++) {
		const struct toklist *l = side ? &c->rt : &c->lt;
		const struct text *t = side ? c->right : c->left;
		int32_t *cid = side ? x->rcid : x->lcid;
		int32_t *lid = side ? x->rlid : x->llid;
		for (size_t i = 0; i < l->n; i++) {
			uint32_t key = l->id[i];
			if (cache[key] == -2) {
				int nw;
				if (content_id(x, t, &l->v[i], &cache[key],
				               &lcache[key], &nw,
				               &kflag[key]) < 0)
					goto out;
				numw[key] = (unsigned char)nw;
			}
			cid[i] = cache[key];
			lid[i] = lcache[key];
			if (side)
				x->rflag[i] |= kflag[key];
			if (side && cid[i] >= 0) {
				const struct tok *k = &l->v[i];
				if (k->kind == TOK_NUMBER ||
				    (k->flags & TOK_F_DIGIT) || numw[key])
					x->rflag[i] |= F_FACTISH;
				if (k->flags & TOK_F_UPPER)
					x->rflag[i] |= F_UPPER;
			}
		}
	}
	rc = 0;
out:
	free(cache);
	free(lcache);
	free(numw);
	free(kflag);
	return rc;
}

/* The loose id a token holding the folded word w[0..n) gets (as
 * content_id gives it): for the alias table's words. */
static int
word_id(void *ctx, const char *w, size_t n, int32_t *out)
{
	struct ctx *x = ctx;
	char buf[128], digits[64];
	size_t i, j, nd;
	const char *stem;
	size_t slen;
	uint32_t id;

	if (n >= sizeof buf)
		n = sizeof buf - 1;
	for (i = j = 0; i < n; i++)
		if (w[i] != '.' && w[i] != '-')
			buf[j++] = w[i];
	nd = !stem_is_stop(buf, j) ? lex_number(buf, j, digits, sizeof digits)
	                           : 0;
	if (nd)
		return intern_id(x->stems, digits, nd, &id) < 0
		               ? -1
		               : (*out = (int32_t)id, 0);
	if (stem_is_stop(buf, j)) {
		if (intern_id(x->stems, buf, j, &id) < 0)
			return -1;
	} else if (stem_word(x->st, buf, j, &stem, &slen) < 0 ||
	           intern_id(x->stems, stem, slen, &id) < 0) {
		return -1;
	}
	*out = (int32_t)id;
	return 0;
}

/* Other names of one thing made one word on both sides (alias.h). */
static int
aliases(struct ctx *x)
{
	struct alias_side side[2] = {
	        {x->c->left, &x->c->lt, x->lcid, x->llid},
	        {x->c->right, &x->c->rt, x->rcid, x->rlid},
	};
	return alias_apply(side, x->stems, word_id, x);
}

/* Is b (length n - 1) a with one letter (not the first) removed, that
 * letter doubling its neighbour or being a final i? */
static int
one_shorter(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i = 0;
	if (nb + 1 != na || na < VARIANT_MIN_LEN || a[0] != b[0])
		return 0;
	while (i < nb && a[i] == b[i])
		i++;
	/* skip one character of a (a whole UTF-8 sequence) */
	size_t skip = 1;
	while (i + skip < na && ((unsigned char)a[i + skip] & 0xC0) == 0x80)
		skip++;
	if (skip != 1)
		return 0; /* only single-byte letters: keeps this cheap and safe
		           */
	/* the extra letter must double its neighbour (Gaddafi, travelled) or
	 * be a final i, Snowball's mark of a -y or -ly ending (fulli) */
	if (!((i > 0 && a[i - 1] == a[i]) || (i + 1 < na && a[i + 1] == a[i]) ||
	      (i + 1 == na && a[i] == 'i')))
		return 0;
	return memcmp(a + i + 1, b + i, nb - i) == 0;
}

/* Map rewrite-only stems onto official stems one letter apart. */
static int
merge_variants(struct ctx *x)
{
	uint32_t n = intern_count(x->stems);
	unsigned char *in_right = calloc(n + 1, 1);
	char buf[256];

	x->in_left = calloc(n + 1, 1);
	if (!in_right || !x->in_left) {
		free(in_right);
		return -1;
	}
	x->numeric = calloc(n + 1, 1);
	x->name = malloc(n + 1);
	if (!x->numeric || !x->name) {
		free(in_right);
		return -1;
	}
	memset(x->name, 1, n + 1);
	for (int side = 0; side < 2; side++) {
		const struct toklist *l = side ? &x->c->rt : &x->c->lt;
		const int32_t *cid = side ? x->rcid : x->lcid;
		for (size_t i = 0; i < l->n; i++)
			if (cid[i] >= 0 && !(l->v[i].flags & TOK_F_UPPER))
				x->name[cid[i]] = 0;
	}
	for (size_t i = 0; i < x->c->lt.n; i++)
		if (x->lcid[i] >= 0) {
			x->in_left[x->lcid[i]] = 1;
			if (x->c->lt.v[i].kind == TOK_NUMBER)
				x->numeric[x->lcid[i]] = 1;
		}
	for (size_t i = 0; i < x->c->rt.n; i++)
		if (x->rcid[i] >= 0) {
			in_right[x->rcid[i]] = 1;
			if (x->c->rt.v[i].kind == TOK_NUMBER)
				x->numeric[x->rcid[i]] = 1;
		}
	int32_t *canon = malloc((n + 1) * sizeof *canon);
	if (!canon) {
		free(in_right);
		return -1;
	}
	for (uint32_t s = 0; s < n; s++) {
		size_t len, p;
		const char *k;
		canon[s] = (int32_t)s;
		if (!in_right[s] || x->in_left[s])
			continue;
		k = intern_key(x->stems, s, &len);
		if (len < VARIANT_MIN_LEN - 1 || len + 1 > sizeof buf)
			continue;
		/* official one letter shorter: delete a letter of ours */
		for (p = 1; p < len && canon[s] == (int32_t)s; p++) {
			uint32_t id;
			memcpy(buf, k, p);
			memcpy(buf + p, k + p + 1, len - p - 1);
			if (intern_find(x->stems, buf, len - 1, &id) &&
			    x->in_left[id] &&
			    one_shorter(k, len, buf, len - 1)) {
				canon[s] = (int32_t)id;
			}
		}
	}
	/* official one letter longer: look at official-only stems */
	for (uint32_t s = 0; s < n; s++) {
		size_t len, p;
		const char *k;
		if (!x->in_left[s] || in_right[s])
			continue;
		k = intern_key(x->stems, s, &len);
		if (len < VARIANT_MIN_LEN || len > sizeof buf)
			continue;
		for (p = 1; p < len; p++) {
			uint32_t id;
			memcpy(buf, k, p);
			memcpy(buf + p, k + p + 1, len - p - 1);
			if (intern_find(x->stems, buf, len - 1, &id) &&
			    in_right[id] && !x->in_left[id] &&
			    canon[id] == (int32_t)id &&
			    one_shorter(k, len, buf, len - 1)) {
				canon[id] = (int32_t)s;
				break;
			}
		}
	}
	for (size_t i = 0; i < x->c->rt.n; i++) {
		if (x->rcid[i] >= 0)
			x->rcid[i] = canon[x->rcid[i]];
		if (x->rlid[i] >= 0)
			x->rlid[i] = canon[x->rlid[i]];
	}
	free(canon);
	free(in_right);
	return 0;
}

/* ---- 2. weights ------------------------------------------------------ */

static int
by_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Sorted (stem, count) lists of every segment of one side. */
static int
vectors(struct ctx *x, const struct seglist *sl, const int32_t *cid,
        struct vec **out)
{
	struct vec *v = calloc(sl->n + 1, sizeof *v);
	uint32_t *tmp = NULL;
	size_t cap = 0;

	if (!v)
		return -1;
	*out = v;
	for (size_t s = 0; s < sl->n; s++) {
		size_t m = 0, need = sl->v[s].t1 - sl->v[s].t0;
		if (need > cap) {
			uint32_t *nt = realloc(tmp, need * sizeof *nt);
			if (!nt) {
				free(tmp);
				return -1;
			}
			tmp = nt;
			cap = need;
		}
		for (uint32_t t = sl->v[s].t0; t < sl->v[s].t1; t++)
			if (cid[t] >= 0)
				tmp[m++] = (uint32_t)cid[t];
		qsort(tmp, m, sizeof *tmp, by_u32);
		v[s].off = x->npool;
		for (size_t i = 0; i < m;) {
			size_t j = i;
			while (j < m && tmp[j] == tmp[i])
				j++;
			if (x->npool == x->cappool) {
				struct ent *np = grow_array(
				        x->pool, &x->cappool, x->npool + 1,
				        sizeof *np, 1024);
				if (!np) {
					free(tmp);
					return -1;
				}
				x->pool = np;
			}
			x->pool[x->npool++] =
			        (struct ent){tmp[i], (uint32_t)(j - i)};
			i = j;
		}
		v[s].n = x->npool - v[s].off;
	}
	free(tmp);
	return 0;
}

static int
weights(struct ctx *x)
{
	struct cmp *c = x->c;
	uint32_t n = intern_count(x->stems);
	uint32_t *df = calloc(n + 1, sizeof *df);
	double S = (double)(c->ls.n + c->rs.n);

	x->idf = malloc((n + 1) * sizeof *x->idf);
	if (!df || !x->idf) {
		free(df);
		return -1;
	}
	for (size_t i = 0; i < x->npool; i++)
		df[x->pool[i].cid]++;
	for (uint32_t s = 0; s < n; s++)
		x->idf[s] = df[s] ? log(1.0 + S / df[s]) : 0.0;
	free(df);
	for (int side = 0; side < 2; side++) {
		struct vec *v = side ? x->rv : x->lv;
		size_t ns = side ? c->rs.n : c->ls.n;
		for (size_t s = 0; s < ns; s++) {
			v[s].W = 0;
			for (size_t i = 0; i < v[s].n; i++)
				v[s].W += x->idf[x->pool[v[s].off + i].cid] *
				          x->pool[v[s].off + i].cnt;
		}
	}
	return 0;
}

/* Shared weight of two segment vectors; the number of shared stems that
 * are words, not numbers, in *nwords, and of those that are not names
 * either in *nplain (each if not NULL). */
static double
shared_n(const struct ctx *x, const struct vec *a, const struct vec *b,
         size_t *nwords, size_t *nplain)
{
	size_t i = 0, j = 0, nw = 0, plain = 0;
	double w = 0;

	while (i < a->n && j < b->n) {
		const struct ent *p = &x->pool[a->off + i],
		                 *q = &x->pool[b->off + j];
		if (p->cid < q->cid) {
			i++;
		} else if (p->cid > q->cid) {
			j++;
		} else {
			w += x->idf[p->cid] *
			     (p->cnt < q->cnt ? p->cnt : q->cnt);
			nw += !x->numeric[p->cid];
			plain += !x->numeric[p->cid] && !x->name[p->cid];
			i++;
			j++;
		}
	}
	if (nwords)
		*nwords = nw;
	if (nplain)
		*nplain = plain;
	return w;
}

static double
shared(const struct ctx *x, const struct vec *a, const struct vec *b)
{
	return shared_n(x, a, b, NULL, NULL);
}

/* ---- 3. candidates --------------------------------------------------- */

/* Does official segment o rank above p for a rewrite segment expected
 * near official position est?  Higher estimated shared weight first; on
 * equal weight, the lighter sentence, then the one nearer to est. */
static int
beats(const struct ctx *x, const double *acc, uint32_t o, uint32_t p,
      double est)
{
	double d = acc[o] - acc[p];
	if (d > 1e-9 || d < -1e-9)
		return d > 0;
	/* the one with less besides (a copy before a longer sentence that
	 * contains it), then the one nearer */
	d = x->lv[o].W - x->lv[p].W;
	if (d > 1e-9 || d < -1e-9)
		return d < 0;
	return fabs((double)o - est) < fabs((double)p - est);
}

/* Narrow the posting range [*p0, *p1) (official sentences in increasing
 * order) to the POSTING_WINDOW entries nearest official position est. */
static void
window(const uint32_t *post, size_t *p0, size_t *p1, double est)
{
	size_t lo = *p0, hi = *p1, half = POSTING_WINDOW / 2;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((double)post[mid] < est)
			lo = mid + 1;
		else
			hi = mid;
	}
	lo = lo - *p0 > half ? lo - half : *p0;
	hi = *p1 - lo > POSTING_WINDOW ? lo + POSTING_WINDOW : *p1;
	if (hi - lo < POSTING_WINDOW && *p1 - *p0 >= POSTING_WINDOW)
		lo = hi - POSTING_WINDOW;
	*p0 = lo;
	*p1 = hi;
}

static int
candidates(struct ctx *x)
{
	struct cmp *c = x->c;
	uint32_t n = intern_count(x->stems);
	size_t no = c->ls.n, limit = no / POSTING_SHARE;
	size_t *start = calloc(n + 2, sizeof *start);
	uint32_t *post = NULL, *touched = NULL;
	double *acc = NULL;
	int rc = -1;

	if (limit < POSTING_MIN)
		limit = POSTING_MIN;
	if (limit > POSTING_MAX)
		limit = POSTING_MAX;
	if (!start)
		return -1;
	for (size_t o = 0; o < no; o++)
		for (size_t i = 0; i < x->lv[o].n; i++)
			start[x->pool[x->lv[o].off + i].cid + 1]++;
	for (uint32_t s = 0; s < n; s++)
		start[s + 1] += start[s];
	size_t total = start[n];
	post = malloc((total + 1) * sizeof *post);
	size_t *fill = malloc((n + 1) * sizeof *fill);
	acc = calloc(no + 1, sizeof *acc);
	touched = malloc((no + 1) * sizeof *touched);
	if (!post || !fill || !acc || !touched) {
		free(fill);
		goto out;
	}
	memcpy(fill, start, n * sizeof *fill);
	for (size_t o = 0; o < no; o++)
		for (size_t i = 0; i < x->lv[o].n; i++)
			post[fill[x->pool[x->lv[o].off + i].cid]++] =
			        (uint32_t)o;
	free(fill);

	for (size_t r = 0; r < c->rs.n; r++) {
		size_t nt = 0;
		const struct vec *rv = &x->rv[r];
		double est =
		        c->rs.n ? (double)r * (double)no / (double)c->rs.n : 0;
		/* a sentence made only of common words still nominates, by
		 * all its stems, near where it would sit */
		for (int pass = 0; pass < 2 && nt == 0; pass++) {
			for (size_t i = 0; i < rv->n; i++) {
				uint32_t cid = x->pool[rv->off + i].cid;
				size_t p0 = start[cid], p1 = start[cid + 1];
				if (p1 - p0 > limit) {
					if (pass == 0)
						continue;
					window(post, &p0, &p1, est);
				}
				for (size_t p = p0; p < p1; p++) {
					uint32_t o = post[p];
					if (acc[o] == 0)
						touched[nt++] = o;
					acc[o] += x->idf[cid];
				}
			}
		}
		/* keep the best CANDIDATES by the estimate, then exact; on a
		 * tie (a sentence the official text repeats) the one nearest
		 * where this sentence would sit in proportion wins */
		uint32_t best[CANDIDATES];
		size_t nbest = 0;
		for (size_t i = 0; i < nt; i++) {
			uint32_t o = touched[i];
			size_t k = nbest < CANDIDATES ? nbest++ : CANDIDATES;
			if (k == CANDIDATES) {
				if (!beats(x, acc, o, best[CANDIDATES - 1],
				           est))
					continue;
				k = CANDIDATES - 1;
			}
			while (k > 0 && beats(x, acc, o, best[k - 1], est)) {
				best[k] = best[k - 1];
				k--;
			}
			best[k] = o;
		}
		for (size_t i = 0; i < nbest; i++) {
			if (x->ncands == x->capcands) {
				struct cand *ncd = grow_array(
				        x->cands, &x->capcands, x->ncands + 1,
				        sizeof *ncd, 256);
				if (!ncd)
					goto out;
				x->cands = ncd;
			}
			double w = shared(x, &x->lv[best[i]], rv);
			double W = x->lv[best[i]].W;
			x->cands[x->ncands++] = (struct cand){
			        (uint32_t)r, best[i], w, W > 0 ? w / W : 0};
		}
		for (size_t i = 0; i < nt; i++)
			acc[touched[i]] = 0;
	}
	rc = 0;
out:
	free(start);
	free(post);
	free(acc);
	free(touched);
	return rc;
}

/* ---- 4. links -------------------------------------------------------- */

/* Weight of r's stems found in any of the official segments os[0..n). */
static double
union_shared(const struct ctx *x, const struct vec *r, const uint32_t *os,
             size_t n)
{
	double w = 0;

	for (size_t i = 0; i < r->n; i++) {
		const struct ent *e = &x->pool[r->off + i];
		uint32_t best = 0;
		for (size_t k = 0; k < n; k++) {
			const struct vec *o = &x->lv[os[k]];
			size_t lo = 0, hi = o->n;
			while (lo < hi) { /* binary search for the stem */
				size_t mid = (lo + hi) / 2;
				if (x->pool[o->off + mid].cid < e->cid)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < o->n && x->pool[o->off + lo].cid == e->cid &&
			    x->pool[o->off + lo].cnt > best)
				best = x->pool[o->off + lo].cnt;
		}
		w += x->idf[e->cid] * (best < e->cnt ? best : e->cnt);
	}
	return w;
}

/* Sort key of a candidate: its shared weight, then the share of the
 * official sentence it covers (a copy before a sentence containing it). */
static int
by_weight(const void *a, const void *b)
{
	const struct cand *p = a, *q = b;
	double d = p->w - q->w;
	if (d > 1e-9 || d < -1e-9)
		return d > 0 ? -1 : 1;
	d = p->cov_o - q->cov_o;
	if (d > 1e-9 || d < -1e-9)
		return d > 0 ? -1 : 1;
	return p->o < q->o ? -1 : p->o > q->o;
}

/* Same shared weight and same share covered: the same sentence. */
static int
tied(const struct cand *a, const struct cand *b)
{
	return fabs(a->w - b->w) <= 1e-9 && fabs(a->cov_o - b->cov_o) <= 1e-9;
}

/* Is rewrite segment r a title line: a line of its own that does not end
 * as a sentence does (a headline, a section label, a caption)? */
static int
title_line(const struct ctx *x, size_t r)
{
	const struct seglist *sl = &x->c->rs;
	const struct tok *last = &x->c->rt.v[sl->v[r].t1 - 1];

	return (r == 0 || sl->v[r - 1].para != sl->v[r].para) &&
	       (r + 1 == sl->n || sl->v[r + 1].para != sl->v[r].para) &&
	       !(last->kind == TOK_PUNCT && (last->flags & TOK_F_STOP));
}

/* Does rewrite segment r repeat one of the DUP_BACK before it (Dice of
 * their stems at least DUP_MIN), or, as a title line, an earlier title
 * line up to TITLE_BACK before it (at least TITLE_DUP_MIN: a headline
 * repeated at the foot of the page, glued to a section label)? */
static int
repeats(const struct ctx *x, size_t r)
{
	const struct vec *v = &x->rv[r];
	if (v->W <= 0)
		return 0;
	for (size_t k = 1; k <= DUP_BACK && k <= r; k++) {
		const struct vec *u = &x->rv[r - k];
		if (u->W > 0 && 2 * shared(x, v, u) / (v->W + u->W) >= DUP_MIN)
			return 1;
	}
	if (!title_line(x, r))
		return 0;
	for (size_t k = 1; k <= TITLE_BACK && k <= r; k++) {
		const struct vec *u = &x->rv[r - k];
		if (u->W > 0 && title_line(x, r - k) &&
		    2 * shared(x, v, u) / (v->W + u->W) >= TITLE_DUP_MIN)
			return 1;
	}
	return 0;
}

/* Among the candidates [g, e) of one rewrite segment, sorted by weight,
 * those tied with the first are the same sentence repeated in the
 * official text: move to the front the one nearest after the previous
 * link (one not linked yet on a further tie), so repeats pair in order. */
static void
prefer_in_order(struct ctx *x, size_t g, size_t e, const unsigned char *used,
                long last)
{
	size_t pick = g;

	for (size_t k = g + 1; k < e && tied(&x->cands[k], &x->cands[g]); k++) {
		const struct cand *a = &x->cands[k], *b = &x->cands[pick];
		long da = (long)a->o - last, db = (long)b->o - last;
		/* after the previous link beats before it; then nearer;
		 * then one not linked yet */
		if ((da > 0) != (db > 0)) {
			if (da > 0)
				pick = k;
		} else if (labs(da) != labs(db)) {
			if (labs(da) < labs(db))
				pick = k;
		} else if (!used[a->o] && used[b->o]) {
			pick = k;
		}
	}
	if (pick != g) {
		struct cand t = x->cands[g];
		x->cands[g] = x->cands[pick];
		x->cands[pick] = t;
	}
}

static int
links(struct ctx *x)
{
	struct cmp *c = x->c;
	double *sec_w;
	unsigned char *linked;

	x->prim = malloc((c->rs.n + 1) * sizeof *x->prim);
	x->prim_w = calloc(c->rs.n + 1, sizeof *x->prim_w);
	x->sec = malloc((c->ls.n + 1) * sizeof *x->sec);
	sec_w = calloc(c->ls.n + 1, sizeof *sec_w);
	linked = calloc(c->ls.n + 1, 1);
	if (!x->prim || !x->prim_w || !x->sec || !sec_w || !linked) {
		free(sec_w);
		free(linked);
		return -1;
	}
	for (size_t r = 0; r < c->rs.n; r++)
		x->prim[r] = -1;
	for (size_t o = 0; o < c->ls.n; o++)
		x->sec[o] = -1;
	long last = -1; /* official segment of the previous link */
	/* candidates come grouped by rewrite segment */
	for (size_t g = 0; g < x->ncands;) {
		size_t e = g, r = x->cands[g].r;
		while (e < x->ncands && x->cands[e].r == r)
			e++;
		qsort(x->cands + g, e - g, sizeof *x->cands, by_weight);
		prefer_in_order(x, g, e, linked, last);
		double W = x->rv[r].W;
		uint32_t set[MERGE_MAX];
		size_t nset = 1;
		set[0] = x->cands[g].o;
		double cov = W > 0 ? x->cands[g].w / W : 0;
		/* a sentence that merges several: add the next best while
		 * they cover more of it */
		for (size_t k = g + 1;
		     k < e && nset < MERGE_MAX && cov < c->opt.link_min; k++) {
			const struct cand *m = &x->cands[k];
			if (x->lv[m->o].W <= 0 ||
			    m->w / x->lv[m->o].W < c->opt.keep_min)
				continue; /* only a detail of it: not merged */
			set[nset] = m->o;
			double u =
			        union_shared(x, &x->rv[r], set, nset + 1) / W;
			if (u - cov >= MERGE_GAIN) {
				cov = u;
				nset++;
			}
		}
		size_t nwords, nplain;
		shared_n(x, &x->lv[set[0]], &x->rv[r], &nwords, &nplain);
		/* a rewrite line repeating the one before, whose source is
		 * already taken, is a repeated title: it adds nothing */
		if (cov >= c->opt.link_min && nwords >= LINK_MIN_WORDS &&
		    nplain >= 1 && !(linked[set[0]] && repeats(x, r))) {
			x->prim[r] = (int32_t)set[0];
			x->prim_w[r] = x->cands[g].w;
			linked[set[0]] = 1;
			last = (long)set[0];
			for (size_t k = 1; k < nset; k++) {
				double w = shared(x, &x->lv[set[k]], &x->rv[r]);
				if (x->sec[set[k]] < 0 || w > sec_w[set[k]]) {
					x->sec[set[k]] = (int32_t)r;
					sec_w[set[k]] = w;
				}
			}
		}
		g = e;
	}
	/* official sentences nothing links to, but one linked rewrite
	 * sentence covers, and covers for more than its source does (not a
	 * second copy of that source): halves of a merge */
	for (size_t i = 0; i < x->ncands; i++) {
		const struct cand *k = &x->cands[i];
		double W = x->lv[k->o].W, Wr = x->rv[k->r].W;
		if (x->prim[k->r] < 0 || W <= 0 || k->w / W < c->opt.keep_min)
			continue;
		uint32_t pair[2] = {(uint32_t)x->prim[k->r], k->o};
		if (union_shared(x, &x->rv[k->r], pair, 2) - x->prim_w[k->r] <
		    MERGE_GAIN * Wr)
			continue;
		if (x->sec[k->o] < 0 || k->w > sec_w[k->o]) {
			x->sec[k->o] = (int32_t)k->r;
			sec_w[k->o] = k->w;
		}
	}
	for (size_t o = 0; o < c->ls.n; o++)
		if (linked[o])
			x->sec[o] = -1;
	free(linked);
	free(sec_w);
	return 0;
}

/* ---- 5. blocks ------------------------------------------------------- */

static struct block *
new_block(struct ctx *x)
{
	if (x->nb == x->capb) {
		struct block *nbk =
		        grow_array(x->b, &x->capb, x->nb + 1, sizeof *nbk, 64);
		if (!nbk)
			return NULL;
		x->b = nbk;
	}
	struct block *b = &x->b[x->nb++];
	memset(b, 0, sizeof *b);
	b->link = -1;
	b->near = -1;
	return b;
}

struct order {
	long primary;  /* official segment it sits at, -1 before all */
	int secondary; /* 0: the official segment's own block; 1: after it */
	long tertiary; /* rewrite segment, for blocks after the same one */
	size_t index;
};

static int
by_order(const void *a, const void *b)
{
	const struct order *p = a, *q = b;
	if (p->primary != q->primary)
		return p->primary < q->primary ? -1 : 1;
	if (p->secondary != q->secondary)
		return p->secondary - q->secondary;
	if (p->tertiary != q->tertiary)
		return p->tertiary < q->tertiary ? -1 : 1;
	return p->index < q->index ? -1 : p->index > q->index;
}

static int
build_blocks(struct ctx *x)
{
	struct cmp *c = x->c;
	size_t nr = c->rs.n, no = c->ls.n;
	int32_t *blk_r = malloc((nr + 1) * sizeof *blk_r);
	int32_t *head = malloc((no + 1) * sizeof *head);
	int32_t *next = malloc((nr + 1) * sizeof *next);
	unsigned *merged = NULL;
	int rc = -1;

	if (!blk_r || !head || !next)
		goto out;
	merged = calloc(nr + 1, sizeof *merged);
	if (!merged)
		goto out;
	for (size_t o = 0; o < no; o++) {
		head[o] = -1;
		if (x->sec[o] >= 0)
			merged[x->sec[o]]++;
	}
	for (size_t r = nr; r-- > 0;) {
		blk_r[r] = -1;
		if (x->prim[r] >= 0) {
			next[r] = head[x->prim[r]];
			head[x->prim[r]] = (int32_t)r;
		}
	}
	for (size_t o = 0; o < no; o++) {
		struct block *b;
		if (head[o] >= 0) {
			int32_t r, nlinked = 0;
			for (r = head[o]; r >= 0; r = next[r])
				nlinked++;
			r = head[o];
			if (nlinked == 1 && !merged[r]) { /* a pair */
				if (!(b = new_block(x)))
					goto out;
				b->ls0 = (uint32_t)o;
				b->ls1 = (uint32_t)o + 1;
				b->rs0 = (uint32_t)r;
				b->rs1 = (uint32_t)r + 1;
				blk_r[r] = (int32_t)(x->nb - 1);
				continue;
			}
			if (nlinked == 1) {
				/* merge: this official sentence and the rewrite
				 * sentence that also carries others, each on
				 * its own, pointing at each other */
				int32_t lb = (int32_t)x->nb;
				if (!(b = new_block(x)))
					goto out;
				b->ls0 = (uint32_t)o;
				b->ls1 = (uint32_t)o + 1;
				b->rs0 = b->rs1 = (uint32_t)r;
				b->link = lb + 1;
				if (!(b = new_block(x)))
					goto out;
				b->rs0 = (uint32_t)r;
				b->rs1 = (uint32_t)r + 1;
				b->ls0 = b->ls1 = (uint32_t)o;
				b->link = lb;
				blk_r[r] = lb + 1;
				continue;
			}
			/* split: the official sentence, then its pieces */
			int32_t source = (int32_t)x->nb;
			if (!(b = new_block(x)))
				goto out;
			b->ls0 = (uint32_t)o;
			b->ls1 = (uint32_t)o + 1;
			b->rs0 = b->rs1 = (uint32_t)head[o];
			b->link = source + 1;
			for (r = head[o]; r >= 0; r = next[r]) {
				if (!(b = new_block(x)))
					goto out;
				b->rs0 = (uint32_t)r;
				b->rs1 = (uint32_t)r + 1;
				b->ls0 = b->ls1 = (uint32_t)o;
				b->link = source;
				blk_r[r] = (int32_t)(x->nb - 1);
			}
			continue;
		}
		if (x->sec[o] >= 0) {
			if (!(b = new_block(x)))
				goto out;
			b->ls0 = (uint32_t)o;
			b->ls1 = (uint32_t)o + 1;
			b->rs0 = b->rs1 = (uint32_t)x->sec[o];
			b->link = -2; /* resolved once every rewrite block
			                 exists */
			continue;
		}
		b = x->nb ? &x->b[x->nb - 1] : NULL;
		if (b && b->kind == BLK_OMISSION && b->ls1 == o &&
		    c->ls.v[o].para == c->ls.v[b->ls0].para) {
			b->ls1++;
			continue;
		}
		if (!(b = new_block(x)))
			goto out;
		b->kind = BLK_OMISSION;
		b->ls0 = (uint32_t)o;
		b->ls1 = (uint32_t)o + 1;
	}
	for (size_t r = 0; r < nr; r++) {
		struct block *b;
		if (blk_r[r] >= 0)
			continue;
		if (r > 0 && blk_r[r - 1] >= 0 &&
		    x->b[blk_r[r - 1]].kind == BLK_ADDITION &&
		    c->rs.v[r].para == c->rs.v[r - 1].para) {
			x->b[blk_r[r - 1]].rs1++;
			blk_r[r] = blk_r[r - 1];
			continue;
		}
		if (!(b = new_block(x)))
			goto out;
		b->kind = BLK_ADDITION;
		b->rs0 = (uint32_t)r;
		b->rs1 = (uint32_t)r + 1;
		blk_r[r] = (int32_t)(x->nb - 1);
	}
	for (size_t i = 0; i < x->nb; i++)
		if (x->b[i].link == -2)
			x->b[i].link = blk_r[x->b[i].rs0];

	/* display order */
	struct order *ord = malloc((x->nb + 1) * sizeof *ord);
	size_t *pos = malloc((x->nb + 1) * sizeof *pos);
	long *last_ls = malloc((x->nb + 1) * sizeof *last_ls);
	if (!ord || !pos || !last_ls) {
		free(ord);
		free(pos);
		free(last_ls);
		goto out;
	}
	/* for each block, the last official segment of the blocks that
	 * point to it */
	for (size_t i = 0; i < x->nb; i++)
		last_ls[i] = -1;
	for (size_t k = 0; k < x->nb; k++) {
		const struct block *h = &x->b[k];
		if (h->link >= 0 && h->ls1 > h->ls0 &&
		    (long)h->ls0 > last_ls[h->link])
			last_ls[h->link] = h->ls0;
	}
	for (size_t i = 0; i < x->nb; i++) {
		const struct block *b = &x->b[i];
		ord[i].index = i;
		ord[i].tertiary = b->rs0;
		if (b->ls1 > b->ls0) {
			ord[i].primary = b->ls0;
			ord[i].secondary = 0;
			continue;
		}
		ord[i].secondary = 1;
		if (b->link >= 0) {
			/* a piece of a split or a merging sentence: after
			 * the last official sentence it carries */
			ord[i].primary = x->b[b->link].ls0;
			if (last_ls[i] > ord[i].primary)
				ord[i].primary = last_ls[i];
			continue;
		}
		/* addition: after the block of the rewrite sentence before */
		ord[i].primary = -1;
		for (size_t r = b->rs0; r-- > 0;) {
			const struct block *p = &x->b[blk_r[r]];
			if (p->kind == BLK_ADDITION)
				continue;
			ord[i].primary = p->ls1 > p->ls0
			                         ? (long)p->ls0
			                         : (long)x->b[p->link].ls0;
			break;
		}
	}
	free(last_ls);
	qsort(ord, x->nb, sizeof *ord, by_order);
	struct block *sorted = malloc((x->nb + 1) * sizeof *sorted);
	if (!sorted) {
		free(ord);
		free(pos);
		goto out;
	}
	for (size_t i = 0; i < x->nb; i++)
		pos[ord[i].index] = i;
	for (size_t i = 0; i < x->nb; i++) {
		sorted[i] = x->b[ord[i].index];
		if (sorted[i].link >= 0)
			sorted[i].link = (int32_t)pos[sorted[i].link];
	}
	free(x->b);
	x->b = sorted;
	x->capb = x->nb + 1;
	free(ord);
	free(pos);
	rc = 0;
out:
	free(merged);
	free(blk_r);
	free(head);
	free(next);
	return rc;
}

/* ---- 6. moves -------------------------------------------------------- */

static int
mark_moves(struct ctx *x)
{
	size_t n = x->nb, len = 0;
	size_t *tail = malloc((n + 1) * sizeof *tail); /* index of chain end */
	size_t *prev = malloc((n + 1) * sizeof *prev);
	unsigned char *keep = calloc(n + 1, 1);

	if (!tail || !prev || !keep) {
		free(tail);
		free(prev);
		free(keep);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct block *b = &x->b[i];
		if (b->kind == BLK_OMISSION || b->kind == BLK_ADDITION ||
		    b->rs1 == b->rs0) {
			keep[i] = 1; /* no rewrite position of its own */
			continue;
		}
		/* longest strictly increasing chain of rs0 (patience) */
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (x->b[tail[mid]].rs0 < b->rs0)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo ? tail[lo - 1] : (size_t)-1;
		tail[lo] = i;
		if (lo == len)
			len++;
	}
	for (size_t i = len ? tail[len - 1] : (size_t)-1; i != (size_t)-1;
	     i = prev[i])
		keep[i] = 1;
	for (size_t i = 0; i < n; i++) {
		x->b[i].moved = !keep[i];
		x->c->nmoved += !keep[i];
	}
	/* an official sentence with no rewrite sentence of its own (split or
	 * merged) moves with the block it points to */
	for (size_t i = 0; i < n; i++)
		if (x->b[i].rs1 == x->b[i].rs0 && x->b[i].link >= 0 &&
		    x->b[x->b[i].link].moved) {
			x->c->nmoved += !x->b[i].moved;
			x->b[i].moved = 1;
		}
	free(tail);
	free(prev);
	free(keep);
	return 0;
}

/* ---- 7. kinds -------------------------------------------------------- */

static void
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
static uint32_t
lead_frame_end(const struct ctx *x, uint32_t t0, uint32_t t1)
{
	const struct toklist *l = &x->c->rt;
	uint32_t t, end = t0;
	size_t words = 0, rest = 0;
	int punct = 0;

	for (t = t0; t < t1 && words < LEAD_FRAME_MAX; t++) {
		if (l->v[t].kind == TOK_PUNCT)
			punct = 1;
		if (x->rlid[t] < 0)
			continue;
		words++;
		if ((x->rflag[t] & F_FVERB) && !punct)
			end = t + 1;
		punct = 0;
	}
	if (end == t0)
		return t0;
	/* a "that" after the verb is the frame's too */
	for (t = end; t < t1 && x->rlid[t] < 0; t++)
		;
	if (t < t1 && (x->rflag[t] & F_THAT))
		end = t + 1;
	/* enough words must be left for a sentence */
	for (t = end; t < t1; t++)
		rest += x->rlid[t] >= 0;
	return rest >= LEAD_FRAME_REST ? end : t0;
}

/* Shares of the words of the left token ranges lr[0..nlr) and of the
 * right ones rr[0..nrr) (each list in text order) kept in order, words being
 * the same when their loose ids are (same stem, case, spelling variant; U.S. =
 * US; the same number).  On the rewrite side, unmatched runs that are
 * attribution frames (is_frame) are not counted; an unmatched edge with no
 * break ("... must be upheld") is. */
static int
kept_once(struct ctx *x, const uint32_t (*lr)[2], size_t nlr,
          const uint32_t (*rr)[2], size_t nrr, int lead, double *kl, double *kr)
{
	size_t nl = 0, nr = 0, i, lcs = 0, cap = 1;
	struct cmp *c = x->c;

	for (i = 0; i < nlr; i++)
		cap += lr[i][1] - lr[i][0];
	for (i = 0; i < nrr; i++)
		cap += rr[i][1] - rr[i][0];
	uint32_t *a = malloc(cap * sizeof *a);
	unsigned char *mk = malloc(cap), *brk = malloc(cap + 1),
	              *fr = malloc(cap);
	if (!a || !mk || !brk || !fr) {
		free(a);
		free(mk);
		free(brk);
		free(fr);
		return -1;
	}
	for (i = 0; i < nlr; i++)
		for (uint32_t t = lr[i][0]; t < lr[i][1]; t++)
			if (x->llid[t] >= 0)
				a[nl++] = (uint32_t)x->llid[t];
	uint32_t *b = a + nl;
	int punct = 0;
	for (i = 0; i < nrr; i++)
		for (uint32_t t = lead ? lead_frame_end(x, rr[i][0], rr[i][1])
		                       : rr[i][0];
		     t < rr[i][1]; t++) {
			if (c->rt.v[t].kind == TOK_PUNCT)
				punct = 1;
			if (x->rlid[t] < 0)
				continue;
			brk[nr] = (unsigned char)punct; /* punctuation before */
			fr[nr] = x->rflag[t] & (F_FRAME | F_THAT);
			b[nr++] = (uint32_t)x->rlid[t];
			punct = 0;
		}
	brk[nr] = 1;
	/* exact, unless the passage is enormous (a text with no sentence
	 * ends is one passage): then the exact search could be quadratic */
	if (myers_run(x->loose, a, nl, b, nr, mk, mk + nl,
	              nl + nr <= LOOSE_EXACT_MAX) < 0) {
		free(a);
		free(mk);
		free(brk);
		free(fr);
		return -1;
	}
	for (i = 0; i < nl; i++)
		lcs += !mk[i];
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
	*kl = nl ? (double)lcs / nl : 1;
	*kr = nr > framed ? (double)lcs / (nr - framed) : (nr ? 0 : 1);
	free(a);
	free(mk);
	free(brk);
	free(fr);
	return 0;
}

/* kept_once, and again with the rewrite's lead frames left out when it
 * has any ("The embassy said that ..."): the better of the two, by the
 * smaller share.  A frame is left aside only where that brings the
 * sentence closer to its source, so a lead that is content stays. */
static int
loose_kept(struct ctx *x, const uint32_t (*lr)[2], size_t nlr,
           const uint32_t (*rr)[2], size_t nrr, double *kl, double *kr)
{
	double fl, fr;
	int framed = 0;

	if (kept_once(x, lr, nlr, rr, nrr, 0, kl, kr) < 0)
		return -1;
	for (size_t i = 0; i < nrr; i++)
		framed |= lead_frame_end(x, rr[i][0], rr[i][1]) != rr[i][0];
	if (!framed)
		return 0;
	if (kept_once(x, lr, nlr, rr, nrr, 1, &fl, &fr) < 0)
		return -1;
	if ((fl < fr ? fl : fr) > (*kl < *kr ? *kl : *kr)) {
		*kl = fl;
		*kr = fr;
	}
	return 0;
}

/* Append the token range of the segments of block h on one side. */
static void
add_range(const struct cmp *c, const struct block *h, int right,
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
 * diff is shown against the block it points to. */
static int
classify_blocks(struct ctx *x, const size_t *first, const uint32_t *from)
{
	struct cmp *c = x->c;

	for (size_t i = 0; i < x->nb; i++) {
		struct block *b = &x->b[i];
		int has_l = b->ls1 > b->ls0, has_r = b->rs1 > b->rs0;
		const struct block *m = b->link >= 0 ? &x->b[b->link] : NULL;
		uint32_t lr[MERGE_MAX + 2][2], rr[MERGE_MAX + 2][2];
		size_t nlr = 0, nrr = 0, ncp = 0;

		seg_tokens(&c->ls, b->ls0, b->ls1, &b->dl0, &b->dl1);
		seg_tokens(&c->rs, b->rs0, b->rs1, &b->dr0, &b->dr1);
		b->op0 = c->bops.n;
		if (b->kind == BLK_OMISSION || b->kind == BLK_ADDITION) {
			if (diff_tokens(x->my, &c->lt, b->dl0, b->dl1, &c->rt,
			                b->dr0, b->dr1,
			                c->opt.minimal ? DIFF_MINIMAL
			                               : DIFF_ABSORB,
			                &c->bops) < 0)
				return -1;
			b->op1 = c->bops.n;
			c->count[b->kind]++;
			continue;
		}
		add_range(c, b, 0, lr, &nlr);
		add_range(c, b, 1, rr, &nrr);
		if (!(has_l && has_r)) {
			for (size_t k = first[i]; k < first[i + 1]; k++) {
				add_range(c, &x->b[from[k]], has_l,
				          has_l ? rr : lr, has_l ? &nrr : &nlr);
				ncp++;
			}
			if (!ncp && m)
				add_range(c, m, has_l, has_l ? rr : lr,
				          has_l ? &nrr : &nlr);
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
		                &c->bops) < 0)
			return -1;
		b->op1 = c->bops.n;
		size_t common = 0;
		for (size_t k = b->op0; k < b->op1; k++) {
			const struct dop *o = &c->bops.v[k];
			if (o->kind == DOP_EQUAL)
				common += tok_words(&c->lt, o->a0, o->a1);
		}
		size_t wl = tok_words(&c->lt, b->dl0, b->dl1);
		size_t wr = tok_words(&c->rt, b->dr0, b->dr1);
		b->sim = wl + wr ? 2.0 * common / (wl + wr) : 1;
		double kl, kr, v = c->opt.verbatim_min;
		if (loose_kept(x, (const uint32_t(*)[2])lr, nlr,
		               (const uint32_t(*)[2])rr, nrr, &kl, &kr) < 0)
			return -1;
		int verb = has_l && has_r ? kl >= v && kr >= v
		           : has_l        ? kl >= v
		                          : kr >= v;
		b->kind = verb ? BLK_VERBATIM : BLK_PARAPHRASE;
		c->count[b->kind]++;
	}
	return 0;
}

/* Kinds of all blocks, with an index of who points to whom: the blocks
 * pointing to block i are from[first[i] .. first[i + 1]). */
static int
classify(struct ctx *x)
{
	size_t *first = calloc(x->nb + 2, sizeof *first);
	uint32_t *from = malloc((x->nb + 1) * sizeof *from);
	int rc = -1;

	if (first && from) {
		for (size_t k = 0; k < x->nb; k++)
			if (x->b[k].link >= 0)
				first[x->b[k].link + 2]++;
		for (size_t i = 0; i < x->nb; i++)
			first[i + 2] += first[i + 1];
		for (size_t k = 0; k < x->nb; k++)
			if (x->b[k].link >= 0)
				from[first[x->b[k].link + 1]++] = (uint32_t)k;
		rc = classify_blocks(x, first, from);
	}
	free(first);
	free(from);
	return rc;
}

/* ---- 8. facts -------------------------------------------------------- */

/* Is left token t a number (a numeral, or a number word) or a name (a
 * capitalised word not at the start of its sentence)?  *num tells which. */
static int
left_factish(const struct ctx *x, const unsigned char *initial, uint32_t t,
             int *num)
{
	const struct tok *k = &x->c->lt.v[t];
	int32_t cid = x->lcid[t];
	size_t len;

	if (cid < 0)
		return 0;
	const char *key = intern_key(x->stems, (uint32_t)cid, &len);
	*num = k->kind == TOK_NUMBER || (len && key[0] >= '0' && key[0] <= '9');
	return *num || ((k->flags & TOK_F_UPPER) && !initial[t]);
}

/* The same for right token t (rflag has F_FACTISH for numbers). */
static int
right_factish(const struct ctx *x, const unsigned char *initial, uint32_t t,
              int *num)
{
	int32_t cid = x->rcid[t];
	size_t len;

	if (cid < 0)
		return 0;
	const char *key = intern_key(x->stems, (uint32_t)cid, &len);
	*num = x->c->rt.v[t].kind == TOK_NUMBER ||
	       (len && key[0] >= '0' && key[0] <= '9');
	return *num || ((x->rflag[t] & F_UPPER) && !initial[t]);
}

/* Append a fact to c->facts (cap: its room).  0 or -1. */
static int
add_fact(struct cmp *c, size_t *cap, struct fact f)
{
	struct fact *nf =
	        grow_array(c->facts, cap, c->nfacts + 1, sizeof *nf, 64);
	if (!nf)
		return -1;
	c->facts = nf;
	c->facts[c->nfacts++] = f;
	return 0;
}

/* Changed facts of block b: in each stretch of its word diff that deletes
 * and inserts words between two kept ones, the k-th number (or name)
 * inserted takes the place of the k-th number (name) deleted, when their
 * values differ: "12" -> "15".  A name only when the new one is nowhere in
 * the official text and the old one nowhere in the rewrite (in_right), so
 * that "the Presidents" -> "Trump" is no change of fact.  Marks each such
 * right token in changed[] with the left token it replaced, plus one (0:
 * none). */
static void
changed_facts(const struct ctx *x, const struct block *b,
              const unsigned char *linit, const unsigned char *rinit,
              const unsigned char *in_right, uint32_t *changed)
{
	const struct dops *ops = &x->c->bops;
	size_t k = b->op0;

	while (k < b->op1) {
		if (ops->v[k].kind == DOP_EQUAL) {
			k++;
			continue;
		}
		size_t e = k;
		while (e < b->op1 && ops->v[e].kind != DOP_EQUAL)
			e++;
		/* numbers, then names, paired in order */
		for (int want = 1; want >= 0; want--) {
			size_t dk = k, ik = k;
			uint32_t dt = 0, it = 0;
			int started_d = 0, started_i = 0;
			for (;;) {
				/* the next deleted token of the class */
				int found_d = 0, found_i = 0, num;
				while (dk < e && !found_d) {
					const struct dop *o = &ops->v[dk];
					if (o->kind != DOP_DELETE) {
						dk++;
						started_d = 0;
						continue;
					}
					if (!started_d) {
						dt = (uint32_t)o->a0;
						started_d = 1;
					}
					for (; dt < o->a1 && !found_d; dt++)
						if (left_factish(x, linit, dt,
						                 &num) &&
						    num == want)
							found_d = 1;
					if (!found_d) {
						dk++;
						started_d = 0;
					}
				}
				while (ik < e && !found_i) {
					const struct dop *o = &ops->v[ik];
					if (o->kind != DOP_INSERT) {
						ik++;
						started_i = 0;
						continue;
					}
					if (!started_i) {
						it = (uint32_t)o->b0;
						started_i = 1;
					}
					for (; it < o->b1 && !found_i; it++)
						if (right_factish(x, rinit, it,
						                  &num) &&
						    num == want)
							found_i = 1;
					if (!found_i) {
						ik++;
						started_i = 0;
					}
				}
				if (!found_d || !found_i)
					break;
				/* dt, it are one past the pair found */
				int32_t lc = x->lcid[dt - 1],
				        rc = x->rcid[it - 1];
				if (lc != rc && (want || (!x->in_left[rc] &&
				                          !in_right[lc])))
					changed[it - 1] = dt; /* left + 1 */
			}
		}
		k = e;
	}
}

/* Mark the right tokens that start a sentence (after any opening
 * punctuation) in init[] (side 1), or the left ones (side 0). */
static void
sentence_starts(const struct cmp *c, int side, unsigned char *init)
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
	struct cmp *c = x->c;
	uint32_t n = intern_count(x->stems);
	unsigned char *initial = calloc(c->rt.n + 1, 1);
	unsigned char *linit = calloc(c->lt.n + 1, 1);
	uint32_t *changed = calloc(c->rt.n + 1, sizeof *changed);
	unsigned char *in_right = calloc(n + 1, 1);
	size_t cap = 0;
	int rc = -1;

	x->cap_mid = calloc(n + 1, 1);
	if (!initial || !linit || !changed || !in_right || !x->cap_mid)
		goto out;
	for (size_t t = 0; t < c->rt.n; t++)
		if (x->rcid[t] >= 0)
			in_right[x->rcid[t]] = 1;
	sentence_starts(c, 1, initial);
	sentence_starts(c, 0, linit);
	for (size_t t = 0; t < c->rt.n; t++)
		if (!initial[t] && x->rcid[t] >= 0 && (x->rflag[t] & F_UPPER))
			x->cap_mid[x->rcid[t]] = 1;
	for (size_t i = 0; i < x->nb; i++)
		if ((x->b[i].kind == BLK_VERBATIM ||
		     x->b[i].kind == BLK_PARAPHRASE) &&
		    x->b[i].rs1 > x->b[i].rs0)
			changed_facts(x, &x->b[i], linit, initial, in_right,
			              changed);
	for (size_t i = 0; i < x->nb; i++) {
		struct block *b = &x->b[i];
		uint32_t t0, t1;
		b->f0 = b->f1 = c->nfacts;
		if (b->rs1 == b->rs0)
			continue;
		seg_tokens(&c->rs, b->rs0, b->rs1, &t0, &t1);
		for (uint32_t t = t0; t < t1; t++) {
			int32_t cid = x->rcid[t];
			struct fact *last = c->nfacts > b->f0
			                            ? &c->facts[c->nfacts - 1]
			                            : NULL;
			if (changed[t]) {
				uint32_t w = changed[t] - 1;
				if (last && last->kind == FACT_CHANGED &&
				    last->t1 == t && last->w1 <= w) {
					last->t1 = t + 1;
					last->w1 = w + 1;
				} else if (add_fact(c, &cap,
				                    (struct fact){
				                            t, t + 1, w, w + 1,
				                            FACT_CHANGED}) <
				           0) {
					goto out;
				}
				continue;
			}
			int name =
			        (x->rflag[t] & F_UPPER) &&
			        (!initial[t] || (cid >= 0 && x->cap_mid[cid]));
			if (cid < 0 || x->in_left[cid] ||
			    !((x->rflag[t] & F_FACTISH) || name))
				continue;
			if (last && last->kind == FACT_NEW && last->t1 == t) {
				last->t1 = t + 1;
				continue;
			}
			if (add_fact(c, &cap,
			             (struct fact){t, t + 1, 0, 0, FACT_NEW}) <
			    0)
				goto out;
		}
		b->f1 = c->nfacts;
	}
	rc = 0;
out:
	free(initial);
	free(linit);
	free(changed);
	free(in_right);
	return rc;
}

/* ---- 9. nearest candidates -------------------------------------------- */

/* For every omission and addition, the segment on the other side most like
 * it (by Dice of stem weights, among the candidates found in step 3), so
 * that a reader can judge a deep paraphrase the aligner did not accept. */
static int
nearest(struct ctx *x)
{
	struct cmp *c = x->c;
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
	for (size_t k = 0; k < x->ncands; k++) {
		const struct cand *m = &x->cands[k];
		double wsum = x->lv[m->o].W + x->rv[m->r].W;
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
	for (size_t i = 0; i < x->nb; i++) {
		struct block *b = &x->b[i];
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

/* ---- the whole ------------------------------------------------------- */

int
align_run(struct cmp *c)
{
	struct ctx x;
	int rc = -1;

	memset(&x, 0, sizeof x);
	x.c = c;
	x.st = stem_new(c->opt.language);
	if (!x.st)
		return CMP_ERR_STEMMER;
	x.stems = intern_new();
	x.my = myers_new(intern_count(c->in));
	if (!x.stems || !x.my)
		goto out;
	if (seg_split(c->left, &c->lt, &c->ls) < 0 ||
	    seg_split(c->right, &c->rt, &c->rs) < 0)
		goto out;
	if (content_ids(&x) < 0 || aliases(&x) < 0 || merge_variants(&x) < 0 ||
	    !(x.loose = myers_new(intern_count(x.stems))) ||
	    vectors(&x, &c->ls, x.lcid, &x.lv) < 0 ||
	    vectors(&x, &c->rs, x.rcid, &x.rv) < 0 || weights(&x) < 0 ||
	    candidates(&x) < 0 || links(&x) < 0 || build_blocks(&x) < 0 ||
	    mark_moves(&x) < 0 || classify(&x) < 0 || facts(&x) < 0 ||
	    nearest(&x) < 0)
		goto out;
	c->blocks = x.b;
	c->nblocks = x.nb;
	x.b = NULL;
	rc = 0;
out:
	stem_free(x.st);
	intern_free(x.stems);
	myers_free(x.my);
	free(x.lcid);
	free(x.rcid);
	free(x.llid);
	free(x.rlid);
	myers_free(x.loose);
	free(x.rflag);
	free(x.in_left);
	free(x.cap_mid);
	free(x.numeric);
	free(x.name);
	free(x.idf);
	free(x.pool);
	free(x.lv);
	free(x.rv);
	free(x.cands);
	free(x.prim);
	free(x.prim_w);
	free(x.sec);
	free(x.b);
	return rc;
}
