/* words.c - stages 1 and 2 of the sentence alignment (align.c): the
 * content words of both texts (stems, loose ids, frames, values, aliases,
 * spelling variants) and their weights.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "redline/grow.h"
#include "redline/lexicon.h"
#include "redline/stem.h"
#include "redline/uni.h"
#include "redline/value.h"
#include "alias.h"
#include "stage.h"

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
	const struct align_in *c = x->c;
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

/* The token after word token i of one side that holds a word, with no
 * punctuation between; l->n if none. */
static size_t
next_word_token(const struct toklist *l, const int32_t *lid, size_t i)
{
	for (i++; i < l->n; i++) {
		if (lid[i] >= 0)
			return i;
		if (l->v[i].kind == TOK_PUNCT)
			break;
	}
	return l->n;
}

/* key[0..n) in ASCII lower case into out (room for n bytes). */
static void
ascii_lower(const char *key, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = key[i] >= 'A' && key[i] <= 'Z'
		                 ? (char)(key[i] - 'A' + 'a')
		                 : key[i];
}

/* Each side's content words by their comparison keys in ASCII lower case
 * (words[side]), with a content id for each (wcid[side]). */
struct wordset {
	struct intern *words[2];
	int32_t *wcid[2];
	size_t cap[2];
};

static int
wordset_fill(struct ctx *x, struct wordset *w)
{
	const struct align_in *c = x->c;
	uint32_t nkeys = intern_count(c->in);
	unsigned char *seen = malloc(nkeys + 1);
	char buf[COMPOUND_MAX_BYTES];
	int rc = -1;

	if (!seen)
		return -1;
	for (int side = 0; side < 2; side++) {
		const struct toklist *l = side ? &c->rt : &c->lt;
		const int32_t *cid = side ? x->rcid : x->lcid;
		memset(seen, 0, nkeys + 1);
		if (!(w->words[side] = intern_new()))
			goto out;
		for (size_t t = 0; t < l->n; t++) {
			size_t len;
			uint32_t id;
			if (cid[t] < 0 || l->v[t].kind != TOK_WORD ||
			    seen[l->id[t]])
				continue;
			seen[l->id[t]] = 1;
			const char *key = intern_key(c->in, l->id[t], &len);
			if (len > sizeof buf)
				continue;
			ascii_lower(key, len, buf);
			if (intern_id(w->words[side], buf, len, &id) < 0)
				goto out;
			int32_t *nv =
			        grow_array(w->wcid[side], &w->cap[side],
			                   (size_t)id + 1, sizeof *nv, 256);
			if (!nv)
				goto out;
			w->wcid[side] = nv;
			nv[id] = cid[t];
		}
	}
	rc = 0;
out:
	free(seen);
	return rc;
}

/* Open and closed compounds: two adjacent words of one side that, written
 * as one, are a word of the other side ("Da Nang" and "Danang", "per
 * cent" and "percent") become that word (on the first token; the second
 * gets no id).  Only pairs whose two words are both missing from the
 * other side are tried, and words compare by their keys in ASCII lower
 * case, so that most of a text costs a table lookup.  0 or -1. */
static int
compounds(struct ctx *x)
{
	const struct align_in *c = x->c;
	uint32_t n = intern_count(x->stems);
	unsigned char *on = calloc(n + 1, 1); /* bit 1: left, 2: right */
	struct wordset w;
	int rc = -1;

	memset(&w, 0, sizeof w);
	if (!on || wordset_fill(x, &w) < 0)
		goto out;
	for (size_t t = 0; t < c->lt.n; t++)
		if (x->lcid[t] >= 0)
			on[x->lcid[t]] |= 1;
	for (size_t t = 0; t < c->rt.n; t++)
		if (x->rcid[t] >= 0)
			on[x->rcid[t]] |= 2;
	for (int side = 0; side < 2; side++) {
		const struct toklist *l = side ? &c->rt : &c->lt;
		int32_t *cid = side ? x->rcid : x->lcid;
		int32_t *lid = side ? x->rlid : x->llid;
		unsigned char other = side ? 1 : 2;
		for (size_t t = 0; t < l->n; t++) {
			if (lid[t] < 0 || l->v[t].kind != TOK_WORD)
				continue;
			size_t u = next_word_token(l, lid, t);
			if (u >= l->n || l->v[u].kind != TOK_WORD)
				continue;
			/* both halves missing from the other side, as "Da" and
			 * "Nang" are where it writes "Danang" */
			if ((cid[t] >= 0 && (on[cid[t]] & other)) ||
			    (cid[u] >= 0 && (on[cid[u]] & other)))
				continue;
			size_t lt_, lu;
			const char *kt = intern_key(c->in, l->id[t], &lt_);
			char buf[COMPOUND_MAX_BYTES];
			if (lt_ > sizeof buf)
				continue;
			ascii_lower(kt, lt_, buf);
			const char *ku = intern_key(c->in, l->id[u], &lu);
			if (lu > sizeof buf - lt_)
				continue;
			ascii_lower(ku, lu, buf + lt_);
			uint32_t id;
			if (!intern_find(w.words[!side], buf, lt_ + lu, &id))
				continue;
			cid[t] = lid[t] = w.wcid[!side][id];
			cid[u] = lid[u] = -1;
			t = u;
		}
	}
	rc = 0;
out:
	free(on);
	for (int side = 0; side < 2; side++) {
		intern_free(w.words[side]);
		free(w.wcid[side]);
	}
	return rc;
}

/* Values written over one or more tokens (value.h) become one word, the
 * value's canonical key, on the value's head token ("$1.5 million" = "1.5
 * million dollars"; "16.0m" = "16 million"; "27 August" = "Aug. 27"); its
 * other tokens get no id but for the words in their own right (a month,
 * a unit or currency word: "August" and "percent" still count).  The
 * cheap test (value_may_start) is made once per distinct token key, so
 * most words cost a lookup in a byte array (and a month or weekday name
 * a look at its capital).  The ids the official value's other words lost
 * are kept in lpart: "million" alone in the rewrite is no new fact
 * against "16 million".  0 or -1. */
static int
values(struct ctx *x)
{
	const struct align_in *c = x->c;
	uint32_t nkeys = intern_count(c->in);
	unsigned char *may = calloc(nkeys + 1, 1); /* value_start + 1 */
	size_t nstems = intern_count(x->stems);
	int rc = -1;

	x->lvi = calloc(c->lt.n + 1, 1);
	x->rvi = calloc(c->rt.n + 1, 1);
	x->lpart = calloc(nstems + 1, 1);
	x->nlpart = nstems;
	if (!may || !x->lvi || !x->rvi || !x->lpart)
		goto out;
	for (int side = 0; side < 2; side++) {
		const struct toklist *l = side ? &c->rt : &c->lt;
		const struct text *t = side ? c->right : c->left;
		int32_t *cid = side ? x->rcid : x->lcid;
		int32_t *lid = side ? x->rlid : x->llid;
		unsigned char *vi = side ? x->rvi : x->lvi;
		for (size_t i = 0; i < l->n; i++) {
			uint32_t key = l->id[i];
			struct value v;
			uint32_t id;
			if (!may[key])
				may[key] =
				        (unsigned char)(1 +
				                        value_may_start(
				                                t, &l->v[i]));
			if (may[key] == 1 + VALUE_START_NEVER ||
			    (may[key] == 1 + VALUE_START_CAPITAL &&
			     !(l->v[i].flags & TOK_F_UPPER)) ||
			    !value_read(t, l, i, l->n, &v))
				continue;
			if (intern_id(x->stems, v.key, v.len, &id) < 0)
				goto out;
			for (size_t j = i; j < i + v.n; j++) {
				if (v.n > 1)
					vi[j] = (unsigned char)(VI_IN |
					                        (j - i) |
					                        (i + v.n - 1 -
					                         j) << 3 |
					                        (j == i + v.head
					                                 ? VI_HEAD
					                                 : 0));
				if (v.own & (1u << (j - i)))
					continue; /* "August", "percent" */
				/* the head's own number is not the value's:
				 * "16" alone is new against "16 million" */
				int part = !side && j != i + v.head;
				if (part && cid[j] >= 0 &&
				    (size_t)cid[j] < nstems)
					x->lpart[cid[j]] = 1;
				if (part && lid[j] >= 0 &&
				    (size_t)lid[j] < nstems)
					x->lpart[lid[j]] = 1;
				cid[j] = lid[j] = -1;
			}
			cid[i + v.head] = lid[i + v.head] = (int32_t)id;
			if (side)
				x->rflag[i + v.head] |= F_FACTISH;
			i += v.n - 1;
		}
	}
	rc = 0;
out:
	free(may);
	return rc;
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

/* Is the stem key k a number or value (digits first, or "@": value.h),
 * which no spelling variant may stand for (10000 is no 1000)? */
static int
value_key(const char *k)
{
	return (k[0] >= '0' && k[0] <= '9') || k[0] == '@';
}

/* Map rewrite-only stems onto official stems one letter apart, numbers
 * and values aside. */
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
		if (len < VARIANT_MIN_LEN - 1 || len + 1 > sizeof buf ||
		    value_key(k))
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
		if (len < VARIANT_MIN_LEN || len > sizeof buf || value_key(k))
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
	const struct align_in *c = x->c;
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

int
stage_words(struct ctx *x)
{
	return content_ids(x) < 0 || aliases(x) < 0 || compounds(x) < 0 ||
	                       values(x) < 0 || merge_variants(x) < 0
	               ? -1
	               : 0;
}

int
stage_weights(struct ctx *x)
{
	return vectors(x, &x->c->ls, x->lcid, &x->lv) < 0 ||
	                       vectors(x, &x->c->rs, x->rcid, &x->rv) < 0 ||
	                       weights(x) < 0
	               ? -1
	               : 0;
}
