/* words.c - stages 1 and 2 of the sentence alignment (align.c): the
 * content words of both texts (stems, loose ids, frames, values, aliases,
 * spelling variants) and their weights.
 */
#define _DEFAULT_SOURCE /* madvise, MADV_DONTNEED */
#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "redline/grow.h"
#include "redline/lexicon.h"
#include "redline/stem.h"
#include "redline/uni.h"
#include "redline/value.h"
#include "../spawn.h"
#include "alias.h"
#include "aliaskey.h"
#include "stage.h"

/* ---- 1. content words ------------------------------------------------ */

/* Two or more letters, all capitals (an acronym): token k, len bytes. */
static int
all_caps(const struct text *t, const struct tok *k, size_t len)
{
	size_t i, letters = 0;
	for (i = 0; i < len; i++) {
		unsigned char ch = t->buf[k->off + i];
		if (ch >= 'a' && ch <= 'z')
			return 0;
		letters += ch >= 'A' && ch <= 'Z';
	}
	return letters >= 2 && letters == len;
}

/* Token k's bytes (len of them) folded as uni_key folds them for a
 * content word, into small (room for FOLD_SMALL bytes) when they are
 * printable ASCII that fits, where folding is only lower case, else into
 * memory of uni_key's that the caller frees (fold_done); *fold and
 * *flen set.  0 or -1. */
#define FOLD_SMALL 64
static int
fold_word(const struct text *t, const struct tok *k, size_t len, char *small,
          char **fold, size_t *flen)
{
	const unsigned char *s = t->buf + k->off;
	size_t i;

	for (i = 0;
	     i < len && len <= FOLD_SMALL && s[i] >= 0x20 && s[i] <= 0x7E; i++)
		small[i] =
		        (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + ('a' - 'A')
		                                          : s[i]);
	if (len && i == len) {
		*fold = small;
		*flen = len;
		return 0;
	}
	return uni_key(s, len, UNI_KEY_FOLD | UNI_KEY_CASE, fold, flen);
}

/* Give back fold_word's fold unless it is small. */
static void
fold_done(char *fold, const char *small)
{
	if (fold != small)
		free(fold);
}

/* The stem id of word w[0..n) (content_id's word for the stemmer), its
 * stem made and interned where it is not yet known: stemof[key] keeps
 * the id of the stem of key `key` of the inputs (-1: not yet made).  The
 * word is that key's own bytes where own is 1; else the key is looked up
 * where look is 1 (a word of a capital's token whose lower-case key may
 * be there), and none is used otherwise.  Spares the stemmer a word met
 * again under another key ("PUBLIC" and "public").  0 or -1. */
static int
stem_id(struct wstage *x, const char *w, size_t n, uint32_t key, int own,
        int look, int32_t *stemof, uint32_t *id)
{
	const char *stem;
	size_t slen;
	uint32_t k = key;

	if (!own && (!look || !intern_find(x->c->in, w, n, &k)))
		stemof = NULL;
	if (stemof && stemof[k] >= 0) {
		*id = (uint32_t)stemof[k];
		return 0;
	}
	if (stem_word(x->w->st, w, n, &stem, &slen) < 0 ||
	    intern_id(x->w->stems, stem, slen, id) < 0)
		return -1;
	if (stemof)
		stemof[k] = (int32_t)*id;
	return 0;
}

/* Stem id of token k (len bytes, its key `key`) of text t, or -1; sets
 * *numword when the folded word is a number word, and *flags to F_FRAME
 * for a reporting-frame word and F_THAT for "that".  A number, or a number
 * word, is its value as digits (lexicon.h: five = 5, 7,600 = 7600, 6th =
 * 6), not stemmed.  stemof as stem_id's; look 0 where the token's word in
 * lower case is surely no key. */
static int
content_id(struct wstage *x, const struct text *t, const struct tok *k,
           uint32_t key, size_t len, int32_t *stemof, int look, int32_t *out,
           int32_t *loose, int *numword, unsigned char *flags)
{
	char *fold, digits[64], small[FOLD_SMALL];
	size_t flen, i, j, nd;
	const char *word;
	uint32_t id;

	*out = -1;
	*loose = -1;
	*numword = 0;
	*flags = 0;
	if (k->kind != TOK_WORD && k->kind != TOK_NUMBER)
		return 0;
	if (fold_word(t, k, len, small, &fold, &flen) < 0)
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
	/* a number word on the stop list ("one of them") stays a stop word;
	 * the answer kept for the same word asked again below (-1: none) */
	int stop = k->kind == TOK_NUMBER ? -1 : stem_is_stop(fold, flen) != 0;
	nd = stop <= 0 ? lex_number(fold, flen, digits, sizeof digits) : 0;
	if (nd) {
		fold_done(fold, small);
		if (intern_id(x->w->stems, digits, nd, &id) < 0)
			return -1;
		*out = *loose = (int32_t)id;
		return 0;
	}
	size_t flen0 = flen;
	for (i = j = 0; i < flen; i++)
		if (fold[i] != '.' && fold[i] != '-')
			fold[j++] = fold[i];
	/* "U.S." and "US" name something; "us" is a stop word */
	int named = j < flen || all_caps(t, k, len);
	flen = j;
	/* a British spelling as the American one: labour is labor (the
	 * table's own string, read only from here on) */
	const char *us = named || !flen ? NULL : lex_american(fold, flen);
	word = us ? us : fold;
	if (us)
		flen = strlen(us);
	int rc;
	if (us || flen != flen0)
		stop = -1; /* another word than the one asked */
	if (flen == 0 ||
	    (!named && (stop >= 0 ? stop : stem_is_stop(word, flen)))) {
		/* a stop word still counts when judging what was kept; an
		 * irregular verb form as its base form ("are" as "be") */
		const char *base = flen ? lex_base_form(word, flen) : NULL;
		rc = !flen  ? 0
		     : base ? intern_id(x->w->stems, base, strlen(base), &id)
		            : intern_id(x->w->stems, word, flen, &id);
		if (flen && rc == 0)
			*loose = (int32_t)id;
	} else {
		/* the fold is the token's key where it is the token's bytes
		 * (an ASCII key is the bytes, in lower case with
		 * --ignore-case) */
		int asis = !us && flen == flen0 && fold == small;
		int own = asis && memcmp(fold, t->buf + k->off, flen) == 0;
		rc = stem_id(x, word, flen, key, own, asis && look, stemof,
		             &id);
		if (rc == 0)
			*out = *loose = (int32_t)id;
	}
	fold_done(fold, small);
	return rc;
}

/* The key of token k's word in lower case when k is a capital ASCII
 * letter and lower-case ones ("The"), if that key is known: it folds as
 * that word does and is no acronym, so that its content id, stem and
 * flags are that key's (made once for both, whichever comes first); -2
 * when k is such a word and that key is not known; else -1.  Saves
 * content_id's folding, word lists and stemmer (some 4,000 instructions)
 * for a sentence's capitalised first word. */
static int64_t
lower_twin(const struct intern *in, const struct text *t, const struct tok *k,
           size_t len)
{
	const unsigned char *s = t->buf + k->off;
	char low[32];
	uint32_t id;

	if (k->kind != TOK_WORD || len > sizeof low || s[0] < 'A' || s[0] > 'Z')
		return -1;
	low[0] = (char)(s[0] - 'A' + 'a');
	for (size_t i = 1; i < len; i++) {
		if (s[i] < 'a' || s[i] > 'z')
			return -1;
		low[i] = (char)s[i];
	}
	return intern_find(in, low, len, &id) ? (int64_t)id : -2;
}

/* content_ids' tables, a slot per key of the inputs (and stem_id's). */
struct keytabs {
	int32_t *cache;  /* content id; -2: not yet made */
	int32_t *lcache; /* loose id */
	int32_t *stemof; /* stem_id's */
	unsigned char *numw, *kflag;
};

/* The entries of key `key` made from token i of side l, text t (a capital
 * takes its lower-case twin's, or gives them to it).  Out of the token
 * loop (noinline), which most tokens pass with their key made: 0 or -1. */
__attribute__((noinline)) static int
key_made(struct wstage *x, const struct text *t, const struct toklist *l,
         size_t i, uint32_t key, const struct keytabs *kt)
{
	int32_t *cache = kt->cache, *lcache = kt->lcache;
	unsigned char *numw = kt->numw, *kflag = kt->kflag;
	int64_t twin = lower_twin(x->c->in, t, &l->v[i], tok_len(l, i));

	if (twin >= 0 && twin != key && cache[twin] != -2) {
		cache[key] = cache[twin];
		lcache[key] = lcache[twin];
		numw[key] = numw[twin];
		kflag[key] = kflag[twin];
		return 0;
	}
	int nw;
	if (content_id(x, t, &l->v[i], key, tok_len(l, i), kt->stemof,
	               twin == -1, &cache[key], &lcache[key], &nw,
	               &kflag[key]) < 0)
		return -1;
	numw[key] = (unsigned char)nw;
	/* the twin's, where it comes later */
	if (twin >= 0 && twin != key) {
		cache[twin] = cache[key];
		lcache[twin] = lcache[key];
		numw[twin] = numw[key];
		kflag[twin] = kflag[key];
	}
	return 0;
}

/* One side's part of content_ids: its keys' entries made where they are
 * not yet, its con bits set (con zeroed), and for the rewrite (side 1)
 * its flags (rflag, zeroed).  Inlined with the side a constant.  0 or
 * -1. */
static inline __attribute__((always_inline)) int
content_side(struct wstage *x, int side, const struct keytabs *kt)
{
	const struct align_in *c = x->c;
	const struct toklist *l = side ? &c->rt : &c->lt;
	const struct text *t = side ? c->right : c->left;
	unsigned char *con = side ? x->w->rcon : x->w->lcon;
	unsigned char *rflag = side ? x->w->rflag : NULL;
	const int32_t *cache = kt->cache;
	const unsigned char *numw = kt->numw, *kflag = kt->kflag;
	const uint32_t *ids = l->id;
	const struct tok *v = l->v;
	const size_t n = l->n;

	for (size_t i = 0; i < n; i++) {
		uint32_t key = ids[i];
		int32_t ck = cache[key];
		if (ck == -2) {
			if (key_made(x, t, l, i, key, kt) < 0)
				return -1;
			ck = cache[key];
		}
		if (ck >= 0)
			con[i >> 3] |= (unsigned char)(1u << (i & 7));
		if (side) {
			unsigned f = kflag[key];
			if (ck >= 0) {
				if (v[i].kind == TOK_NUMBER ||
				    (v[i].flags & TOK_F_DIGIT) || numw[key])
					f |= F_FACTISH;
				if (v[i].flags & TOK_F_UPPER)
					f |= F_UPPER;
			}
			rflag[i] = (unsigned char)f;
		}
	}
	return 0;
}

static int
content_ids(struct wstage *x)
{
	const struct align_in *c = x->c;
	uint32_t nkeys = intern_count(c->in);
	struct keytabs kt = {
	        malloc(((size_t)nkeys + 1) * sizeof *kt.cache),
	        malloc(((size_t)nkeys + 1) * sizeof *kt.lcache),
	        malloc(((size_t)nkeys + 1) * sizeof *kt.stemof),
	        malloc(nkeys + 1),
	        x->w->kflag = calloc(nkeys + 1, 1),
	};
	int rc = -1;

	x->w->lcon = calloc(c->lt.n / 8 + 1, 1);
	x->w->rcon = calloc(c->rt.n / 8 + 1, 1);
	x->w->rflag = calloc(c->rt.n + 1, 1);
	if (!kt.cache || !kt.lcache || !kt.stemof || !kt.numw || !kt.kflag ||
	    !x->w->lcon || !x->w->rcon || !x->w->rflag ||
	    lid_init(&x->w->llid, c->lt.id, c->lt.n, nkeys) < 0 ||
	    lid_init(&x->w->rlid, c->rt.id, c->rt.n, nkeys) < 0)
		goto out;
	for (uint32_t i = 0; i < nkeys; i++) {
		kt.cache[i] = -2;
		kt.stemof[i] = -1;
	}
	if (content_side(x, 0, &kt) < 0 || content_side(x, 1, &kt) < 0)
		goto out;
	/* a content word's loose id is its stem id (content_id), a
	 * function of its key until aliases, compounds and values */
	for (uint32_t k = 0; k < nkeys; k++)
		x->w->llid.bykey[k] = x->w->rlid.bykey[k] =
		        kt.cache[k] == -2 ? -1 : kt.lcache[k];
	rc = 0;
out:
	free(kt.cache);
	free(kt.lcache);
	free(kt.stemof);
	free(kt.numw);
	return rc;
}

/* The loose id a token holding the folded word w[0..n) gets (as
 * content_id gives it): for the alias table's words, where they were not
 * made keys when the program was built (alias.h). */
static int
word_id(void *ctx, const char *w, size_t n, int32_t *out)
{
	struct wstage *x = ctx;
	struct alias_keybuf b;
	const char *key;
	size_t len;
	uint32_t id;

	if (alias_key(x->w->st, w, n, &b, &key, &len) < 0 ||
	    intern_id(x->w->stems, key, len, &id) < 0)
		return -1;
	*out = (int32_t)id;
	return 0;
}

/* Texts with at least this many tokens a side have their aliases found
 * on two threads, one a side (unless c->opt.threads is 1). */
#define ALIAS_THREAD_MIN 100000

/* Other names of one thing made one word on both sides (alias.h), the
 * sides at once for long texts. */
static int
aliases(struct wstage *x)
{
	struct alias_side side[2] = {
	        {x->c->left, &x->c->lt, x->w->lcon, &x->w->llid},
	        {x->c->right, &x->c->rt, x->w->rcon, &x->w->rlid},
	};
	const struct align_in *c = x->c;
	int two = c->opt.threads != 1 && c->lt.n >= ALIAS_THREAD_MIN &&
	          c->rt.n >= ALIAS_THREAD_MIN;

	return alias_apply(side, x->w->stems, word_id, x,
	                   stem_is_english(x->w->st), two);
}

/* The token after word token i of one side that holds a word, with no
 * punctuation between; l->n if none.  Its loose id in *lid_u (-1 when
 * there is none). */
static inline size_t
next_word_lid(const struct toklist *l, const struct lidmap *lid, size_t i,
              int32_t *lid_u)
{
	for (i++; i < l->n; i++) {
		int32_t id = lid_of(lid, i);
		if (id >= 0) {
			*lid_u = id;
			return i;
		}
		if (l->v[i].kind == TOK_PUNCT)
			break;
	}
	*lid_u = -1;
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

/* Bits set (some byte's top bit) when a byte of v is a hyphen, else 0. */
static inline uint64_t
hyphens8(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101u;
	uint64_t x = v ^ ('-' * ones); /* a hyphen's byte 0 */

	return (x - ones) & ~x & 0x80 * ones;
}

/* key[0..n) in ASCII lower case with its hyphens dropped into out (room
 * for n bytes), for a hyphened word told as two ("fourth-warmest" and
 * "fourth warmest"): the new length.  A key of four bytes or more and no
 * hyphen (most) is folded eight bytes at a time, its last eight (or its
 * first and last four) overlapping the bytes before; the others a byte a
 * step. */
static size_t
lower_solid(const char *key, size_t n, char *out)
{
	const unsigned char *k = (const unsigned char *)key;
	uint64_t v, hy = 0;
	size_t j = 0;

	if (n >= 8) {
		for (size_t i = 0; i + 8 < n; i += 8) {
			memcpy(&v, k + i, sizeof v);
			hy |= hyphens8(v);
			uni_lower8(k + i, out + i);
		}
		memcpy(&v, k + n - 8, sizeof v);
		hy |= hyphens8(v);
		uni_lower8(k + n - 8, out + n - 8);
		if (!hy)
			return n;
	} else if (n >= 4) {
		unsigned char b[8];
		memcpy(b, k, 4);
		memcpy(b + 4, k + n - 4, 4);
		memcpy(&v, b, sizeof v);
		if (!hyphens8(v)) {
			uni_lower8(b, (char *)b);
			memcpy(out, b, 4);
			memcpy(out + n - 4, b + 4, 4);
			return n;
		}
	}
	for (size_t i = 0; i < n; i++) {
		unsigned ch = k[i];
		out[j] = (char)(ch + ((ch - 'A' < 26u) << 5)); /* 'a' - 'A' */
		j += ch != '-';
	}
	return j;
}

/* Each side's content words by their comparison keys in ASCII lower case,
 * hyphens dropped (words[side]), with a content id for each
 * (wcid[side]). */
struct wordset {
	struct intern *words[2];
	int32_t *wcid[2];
	size_t cap[2];
};

static int
wordset_fill(struct wstage *x, struct wordset *w)
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
		const unsigned char *con = side ? x->w->rcon : x->w->lcon;
		const struct lidmap *lid = side ? &x->w->rlid : &x->w->llid;
		memset(seen, 0, nkeys + 1);
		if (!(w->words[side] = intern_new()))
			goto out;
		/* the content words only, by con's set bits; a key seen
		 * before is passed over before its loose id is read */
		for (size_t b = 0; b < l->n / 8 + 1; b++)
			for (unsigned bits = con[b]; bits; bits &= bits - 1) {
				size_t t = b * 8 + (size_t)__builtin_ctz(bits),
				       len;
				uint32_t id;
				if (t >= l->n || seen[l->id[t]] ||
				    l->v[t].kind != TOK_WORD)
					continue;
				/* its bit of con is set: its content id is
				 * its loose id */
				int32_t cid = lid_of(lid, t);
				if (cid < 0)
					continue;
				seen[l->id[t]] = 1;
				const char *key =
				        intern_key(c->in, l->id[t], &len);
				if (len > sizeof buf)
					continue;
				len = lower_solid(key, len, buf);
				if (!len)
					continue;
				if (intern_id(w->words[side], buf, len, &id) <
				    0)
					goto out;
				int32_t *nv = grow_array(
				        w->wcid[side], &w->cap[side],
				        (size_t)id + 1, sizeof *nv, 256);
				if (!nv)
					goto out;
				w->wcid[side] = nv;
				nv[id] = cid;
			}
	}
	rc = 0;
out:
	free(seen);
	return rc;
}

/* Which strings may begin or end a word of one side of a wordset: a bit
 * for the hash of each proper prefix (first) and each proper suffix
 * (last) of its words.  A string whose bit is clear begins (ends) none of
 * them; a set bit may be another's, so a compound's lookup follows.  Made
 * in one pass over the words' bytes, where sorting them cost a run at
 * 10,000 words a tenth of its instructions. */
struct halfbits {
	uint64_t *first, *last;
	unsigned shift; /* 64 less the bits of an index */
};

#define HALF_SEED  0xcbf29ce484222325u
#define HALF_PRIME 0x9e3779b97f4a7c15u /* its top bits mixed by every byte */

/* A step of the hash of a prefix read forward or a suffix read backward. */
static inline uint64_t
half_step(uint64_t h, unsigned char ch)
{
	return (h ^ ch) * HALF_PRIME;
}

/* A string's bit: its hash's top bits. */
static inline void
bit_set(uint64_t *v, uint64_t h, unsigned shift)
{
	uint64_t i = h >> shift;
	v[i >> 6] |= (uint64_t)1 << (i & 63);
}

static inline int
bit_get(const uint64_t *v, uint64_t h, unsigned shift)
{
	uint64_t i = h >> shift;
	return (int)(v[i >> 6] >> (i & 63) & 1);
}

/* The bits of words (halfbits): some sixteen for each byte of the words
 * (so that a string not there finds its bit set some one time in twenty),
 * 64 at least and 2 Mi at most.  0 or -1. */
static int
halfbits_fill(const struct intern *words, struct halfbits *b)
{
	uint32_t n = intern_count(words);
	size_t total = 0, len;
	unsigned log = 6;

	for (uint32_t i = 0; i < n; i++) {
		(void)intern_key(words, i, &len);
		total += len;
	}
	while (log < 21 && ((size_t)1 << log) < 16 * total)
		log++;
	b->shift = 64 - log;
	b->first = calloc(((size_t)1 << log) / 64, sizeof *b->first);
	b->last = calloc(((size_t)1 << log) / 64, sizeof *b->last);
	if (!b->first || !b->last)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		const unsigned char *w =
		        (const unsigned char *)intern_key(words, i, &len);
		uint64_t hf = HALF_SEED, hl = HALF_SEED;
		for (size_t k = 0; k + 1 < len; k++) {
			hf = half_step(hf, w[k]);
			hl = half_step(hl, w[len - 1 - k]);
			bit_set(b->first, hf, b->shift);
			bit_set(b->last, hl, b->shift);
		}
	}
	return 0;
}

static void
halfbits_free(struct halfbits *b)
{
	free(b->first);
	free(b->last);
}

enum { HALF_KNOWN = 1, HALF_FIRST = 2, HALF_SECOND = 4 };

/* In bits 3 to 7 of halves' byte: the key's first letter less 'a' in
 * ASCII lower case where it has two bytes or more and begins with a
 * letter, else HALF_NOLETTER (may_join). */
#define HALF_LETTER(h) ((unsigned)(h) >> 3)
#define HALF_NOLETTER  31u

/* HALF_FIRST unless key `key` of the inputs, in ASCII lower case, surely
 * begins no word of a side (and is not all of it), HALF_SECOND unless it
 * surely so ends none; HALF_KNOWN always; its first letter in the upper
 * bits (HALF_LETTER).  For the side of b, and, where b2 is not NULL, in
 * *h2 for the side of b2 (the key's hashes made once for both). */
static unsigned char
halves(const struct intern *in, uint32_t key, const struct halfbits *b,
       const struct halfbits *b2, unsigned char *h2)
{
	size_t n;
	const char *k = intern_key(in, key, &n);
	uint64_t hf = HALF_SEED, hl = HALF_SEED;

	if (n >= COMPOUND_MAX_BYTES) {
		if (b2)
			*h2 = (unsigned char)(HALF_KNOWN | HALF_NOLETTER << 3);
		return (unsigned char)(HALF_KNOWN | HALF_NOLETTER << 3);
	}
	unsigned first = n >= 2 ? (unsigned char)k[0] | 0x20u : 0;
	unsigned letter =
	        first >= 'a' && first <= 'z' ? first - 'a' : HALF_NOLETTER;
	for (size_t i = 0; i < n; i++) {
		unsigned char f = (unsigned char)k[i],
		              l = (unsigned char)k[n - 1 - i];
		hf = half_step(hf, f >= 'A' && f <= 'Z' ? f - 'A' + 'a' : f);
		hl = half_step(hl, l >= 'A' && l <= 'Z' ? l - 'A' + 'a' : l);
	}
	if (b2)
		*h2 = (unsigned char)(HALF_KNOWN | letter << 3 |
		                      (bit_get(b2->first, hf, b2->shift)
		                               ? HALF_FIRST
		                               : 0) |
		                      (bit_get(b2->last, hl, b2->shift)
		                               ? HALF_SECOND
		                               : 0));
	return (unsigned char)(HALF_KNOWN | letter << 3 |
	                       (bit_get(b->first, hf, b->shift) ? HALF_FIRST
	                                                        : 0) |
	                       (bit_get(b->last, hl, b->shift) ? HALF_SECOND
	                                                       : 0));
}

/* The pairs of keys compound_side looked up last, one a slot by their
 * hash, with what they found: long texts repeat their pairs ("the
 * software" some thousands of times in a million words). */
struct pairmemo {
	uint32_t t; /* the first key + 1; 0: an empty slot */
	uint32_t u;
	int32_t id;
};

#define PAIR_MEMO_BITS 12
#define PAIR_MEMO      (1u << PAIR_MEMO_BITS)

/* The id in words (the other side's) of keys kt and ku of in written as
 * one word in ASCII lower case, or -1; memo holds the answers of earlier
 * pairs. */
static int32_t
pair_word(const struct intern *in, const struct intern *words,
          struct pairmemo *memo, uint32_t kt, uint32_t ku)
{
	uint32_t h = ((kt * 0x9e3779b1u) ^ ku) * 0x85ebca6bu;
	struct pairmemo *m = &memo[h >> (32 - PAIR_MEMO_BITS)];
	char buf[COMPOUND_MAX_BYTES];
	size_t lt, lu;
	uint32_t id;

	if (m->t == kt + 1 && m->u == ku)
		return m->id;
	*m = (struct pairmemo){kt + 1, ku, -1};
	const char *a = intern_key(in, kt, &lt);
	if (lt > sizeof buf)
		return -1;
	const char *b = intern_key(in, ku, &lu);
	if (lu > sizeof buf - lt)
		return -1;
	ascii_lower(a, lt, buf);
	ascii_lower(b, lu, buf + lt);
	if (intern_find(words, buf, lt + lu, &id))
		m->id = (int32_t)id;
	return m->id;
}

/* The letters that may follow key `key` of the inputs, in ASCII lower
 * case, at the start of a word of b's side: bit c - 'a' set unless the
 * key and letter c surely begin no such word as a part shorter than the
 * word (b's first bits); bit 31 always.  The key is shorter than
 * COMPOUND_MAX_BYTES (halves gave it HALF_FIRST). */
static uint32_t
follow_mask(const struct intern *in, uint32_t key, const struct halfbits *b)
{
	size_t n;
	const char *k = intern_key(in, key, &n);
	uint64_t h = HALF_SEED;
	uint32_t m = 1u << 31;

	for (size_t i = 0; i < n; i++) {
		unsigned char f = (unsigned char)k[i];
		h = half_step(h, f >= 'A' && f <= 'Z' ? f - 'A' + 'a' : f);
	}
	for (unsigned c = 0; c < 26; c++)
		if (bit_get(b->first, half_step(h, (unsigned char)('a' + c)),
		            b->shift))
			m |= 1u << c;
	return m;
}

/* What pair_start reads: one side's tokens and tables (compound_side). */
struct pairscan {
	const uint32_t *ids;
	const struct tok *v;
	size_t n;
	unsigned char *half; /* per key, HALF_* (0: not yet known) */
	uint32_t *follow;    /* per key, follow_mask (0: not yet known) */
	const struct intern *in;
	const struct halfbits *ob; /* the other side's bits */
	const struct lidmap *lid;
	/* where the sides run one after the other: the other side's half
	 * table, filled with this one's (from this side's bits), else NULL */
	unsigned char *half2;
	const struct halfbits *tb; /* this side's bits */
};

/* half[key], made (with p->half2[key] where there is that table). */
static inline unsigned char
half_of(const struct pairscan *p, uint32_t key)
{
	unsigned char h = p->half[key];
	if (!h) {
		if (p->half2 && !p->half2[key])
			h = halves(p->in, key, p->ob, p->tb, &p->half2[key]);
		else
			h = halves(p->in, key, p->ob, NULL, NULL);
		p->half[key] = h;
	}
	return h;
}

/* Whether key k0 and a key whose halves byte is h1, written as one in
 * ASCII lower case, may be a word of the other side by its first bits:
 * k0 and the second key's first letter begin a part of such a word
 * shorter than it (where that key has two bytes or more and begins with
 * a letter; else 1).  Fills p->follow[k0]. */
static inline int
may_join(const struct pairscan *p, uint32_t k0, unsigned char h1)
{
	unsigned c = HALF_LETTER(h1);
	if (c == HALF_NOLETTER)
		return 1;
	uint32_t m = p->follow[k0];
	if (!m)
		m = p->follow[k0] = follow_mask(p->in, k0, p->ob);
	return (int)(m >> c & 1u);
}

/* The first token t' >= t, below n - 1, that compound_side tries as a
 * pair's first word: its key may begin a word of the other side, it is a
 * word, and the token after it is no mark and either has no loose id or
 * may end such a word, is a word and may follow it there (may_join); n
 * when there is none.  Fills the tables of p for the keys it reads.
 * Kept out of compound_side (noinline) so that its scan of most tokens
 * keeps the arrays and bounds in registers. */
__attribute__((noinline)) static size_t
pair_start(const struct pairscan *p, size_t t)
{
	const uint32_t *ids = p->ids;
	const struct tok *v = p->v;
	const size_t n = p->n;
	unsigned char *half = p->half;

	for (; t + 1 < n; t++) {
		uint32_t k0 = ids[t];
		unsigned char h0 = half[k0];
		if (!h0)
			h0 = half_of(p, k0);
		if (!(h0 & HALF_FIRST) || v[t].kind != TOK_WORD)
			continue;
		uint32_t k1 = ids[t + 1];
		unsigned char h1 = half[k1];
		if (!h1)
			h1 = half_of(p, k1);
		if (v[t + 1].kind == TOK_PUNCT)
			continue;
		/* where t + 1 has a loose id, it is the pair's second word
		 * (next_word_lid) */
		if (!(h1 & HALF_SECOND) || v[t + 1].kind != TOK_WORD) {
			if (lid_of(p->lid, t + 1) >= 0)
				continue;
		} else if (!may_join(p, k0, h1) && lid_of(p->lid, t + 1) >= 0)
			continue;
		return t;
	}
	return n;
}

/* What compounds reads, and one side's part of it. */
struct cpjob {
	struct wstage *x;
	const unsigned char *on;
	unsigned char *half; /* per key, this side's HALF_* (zeroed) */
	uint32_t *follow;    /* per key, this side's follow_mask (zeroed) */
	const struct wordset *w;
	const struct halfbits *bits;
	int side, rc;
};

/* The compounds of one side (compounds): its pairs of adjacent words
 * looked up among the other side's words, its tokens' ids set.  Reads the
 * keys, the wordset and the orders, and writes this side's con, lid and
 * tables only, so the two sides may run at once; unless half2 (the other
 * side's half table, which it then fills for the keys it reads) is not
 * NULL.  0 or -1. */
static int
compound_side(struct wstage *x, const unsigned char *on, unsigned char *half,
              unsigned char *half2, uint32_t *follow, const struct wordset *wp,
              const struct halfbits *bits, int side)
{
	const struct align_in *c = x->c;
	const struct toklist *l = side ? &c->rt : &c->lt;
	unsigned char *con = side ? x->w->rcon : x->w->lcon;
	struct lidmap *lid = side ? &x->w->rlid : &x->w->llid;
	unsigned char other = side ? 1 : 2;
	struct pairmemo *memo = calloc(PAIR_MEMO, sizeof *memo);
	int rc = -1;

	if (!memo)
		return -1;
	/* the loose id of token next_t, found as the last pair's second
	 * word: the next token's, read once for both of its pairs */
	size_t next_t = SIZE_MAX;
	int32_t next_lid = -1;
	/* the arrays in locals: the stores through half and con, bytes,
	 * would have them read again each token */
	const uint32_t *ids = l->id;
	const struct tok *v = l->v;
	const size_t n = l->n;
	const struct halfbits *ob = &bits[!side];
	const struct pairscan ps = {ids,   v,  n,   half,  follow,
	                            c->in, ob, lid, half2, &bits[side]};
	/* the pair's second word is tested first where it is the next
	 * token (pair_start): a pair it cannot end is passed before the
	 * reads of t's ids (next_word_lid would stop at a mark, or take a
	 * token with an id there) */
	for (size_t t = 0;; t++) {
		t = pair_start(&ps, t);
		if (t >= n)
			break;
		uint32_t kt_ = ids[t];
		int32_t lt = t == next_t ? next_lid : lid_of(lid, t);
		if (lt < 0)
			continue;
		int32_t ct = (con[t >> 3] >> (t & 7)) & 1u ? lt : -1;
		int t_there = ct >= 0 && (on[ct] & other);
		int32_t lu;
		size_t u = next_word_lid(l, lid, t, &lu);
		next_t = u;
		next_lid = lu;
		if (u >= n || v[u].kind != TOK_WORD)
			continue;
		/* a half missing from the other side, as "Da" and
		 * "Nang" are where it writes "Danang", and "fourth" is
		 * where it writes "fourth-warmest" (and "warmest"
		 * elsewhere) */
		int32_t cu = (con[u >> 3] >> (u & 7)) & 1u ? lu : -1;
		if (t_there && cu >= 0 && (on[cu] & other))
			continue;
		uint32_t ku_ = ids[u];
		if (!(half_of(&ps, ku_) & HALF_SECOND))
			continue;
		int32_t id = pair_word(c->in, wp->words[!side], memo, kt_, ku_);
		if (id < 0)
			continue;
		if (tok_set(con, lid, t, wp->wcid[!side][id]) < 0 ||
		    tok_set(con, lid, u, -1) < 0)
			goto out;
		next_t = SIZE_MAX; /* u's id is now another */
		t = u;
	}
	rc = 0;
out:
	free(memo);
	return rc;
}

static void *
cpjob_run(void *arg)
{
	struct cpjob *j = arg;

	j->rc = compound_side(j->x, j->on, j->half, NULL, j->follow, j->w,
	                      j->bits, j->side);
	return NULL;
}

/* Texts with at least this many tokens a side have their compounds found
 * on two threads, one a side (unless c->opt.threads is 1). */
#define COMPOUND_THREAD_MIN 100000

/* compound_side for both sides, half and follow holding a table a side:
 * the right on a second thread for long texts.  0 or -1. */
static int
compound_sides(struct wstage *x, const unsigned char *on, unsigned char *half,
               uint32_t *follow, const struct wordset *w,
               const struct halfbits *bits)
{
	const struct align_in *c = x->c;
	size_t nh = (size_t)intern_count(c->in) + 1;
	struct cpjob j = {x, on, half + nh, follow + nh, w, bits, 1, -1};
	struct spawn_part part;

	if (c->opt.threads == 1 || c->lt.n < COMPOUND_THREAD_MIN ||
	    c->rt.n < COMPOUND_THREAD_MIN)
		/* the left fills the right's halves of the keys it reads:
		 * a key's hashes made once for both sides */
		return compound_side(x, on, half, half + nh, follow, w, bits,
		                     0) < 0 ||
		                       compound_side(x, on, half + nh, NULL,
		                                     follow + nh, w, bits,
		                                     1) < 0
		               ? -1
		               : 0;
	spawn_part_start(&part, cpjob_run, &j);
	int rc = compound_side(x, on, half, NULL, follow, w, bits, 0);
	spawn_part_end(&part);
	return rc < 0 || j.rc < 0 ? -1 : 0;
}

/* on[id] |= bit for the content id of each content token of one side
 * (con, lid, n tokens), found by con's set bits. */
static void
mark_on(const unsigned char *con, const struct lidmap *lid_, size_t n,
        unsigned char *on, unsigned char bit)
{
	/* the map in a local: the stores to on would have it read again */
	const struct lidmap lid = *lid_;

	for (size_t b = 0; b < n / 8 + 1; b++)
		for (unsigned bits = con[b]; bits; bits &= bits - 1) {
			size_t t = b * 8 + (size_t)__builtin_ctz(bits);
			int32_t id = t < n ? lid_of(&lid, t) : -1;
			if (id >= 0)
				on[id] |= bit;
		}
}

/* Open and closed compounds: two adjacent words of one side that, written
 * as one, are a word of the other side ("Da Nang" and "Danang", "per
 * cent" and "percent", "fourth warmest" and "fourth-warmest") become that
 * word (on the first token; the second gets no id).  Only pairs with a
 * word missing from the other side are tried, and words compare by their
 * keys in ASCII lower case, hyphens dropped; a pair is looked up only
 * when its first word may begin a word of the other side and its second
 * may end one (halfbits, known once per key), so that most of a text
 * costs a few loads.  The two sides are independent (compound_side): long texts
 * have the right side's found on a second thread.  0 or -1. */
static int
compounds(struct wstage *x)
{
	const struct align_in *c = x->c;
	uint32_t n = intern_count(x->w->stems), nkeys = intern_count(c->in);
	unsigned char *on = calloc(n + 1, 1); /* bit 1: left, 2: right */
	unsigned char *half = calloc(2 * ((size_t)nkeys + 1), 1); /* HALF_* */
	uint32_t *follow = calloc(2 * ((size_t)nkeys + 1), sizeof *follow);
	struct wordset w;
	struct halfbits bits[2];
	int rc = -1;

	memset(&w, 0, sizeof w);
	memset(bits, 0, sizeof bits);
	if (!on || !half || !follow || wordset_fill(x, &w) < 0 ||
	    halfbits_fill(w.words[0], &bits[0]) < 0 ||
	    halfbits_fill(w.words[1], &bits[1]) < 0)
		goto out;
	mark_on(x->w->lcon, &x->w->llid, c->lt.n, on, 1);
	mark_on(x->w->rcon, &x->w->rlid, c->rt.n, on, 2);
	if (compound_sides(x, on, half, follow, &w, bits) < 0)
		goto out;
	rc = 0;
out:
	free(on);
	free(half);
	free(follow);
	for (int side = 0; side < 2; side++) {
		halfbits_free(&bits[side]);
		intern_free(w.words[side]);
		free(w.wcid[side]);
	}
	return rc;
}

/* The currencies of an official text's sums, at most CURRENCY_MAX
 * (values and money_alike). */
#define CURRENCY_MAX 4
struct money {
	char code[CURRENCY_MAX][4]; /* ISO 4217 codes: "EUR" */
	size_t ncode;
	unsigned char *bare, *sum; /* per stem: the key of an official bare
	                              number, of an official sum */
	size_t nstems;             /* stems when the flags were made */
};

/* The currency code of a value's key "AMOUNT CODE" (value.h), or NULL. */
static const char *
key_currency(const struct value *v)
{
	const char *sp = memchr(v->key, ' ', v->len);

	if (v->kind != VALUE_AMOUNT || !sp || v->key + v->len - sp != 4)
		return NULL;
	for (int k = 1; k < 4; k++)
		if (sp[k] < 'A' || sp[k] > 'Z')
			return NULL;
	return sp + 1;
}

/* The id the rewrite's value v takes when it is a sum and the official
 * text writes the same amount bare, or a bare amount the official text
 * writes as a sum, in a currency the official text uses ("€150 million"
 * and "150 million" in a release that counts in euros): the official
 * value's id, so the two are kept and the rewrite's is no new fact; else
 * *id unchanged.  Where the official text names no currency at all, or
 * another, the currency is news and the ids stay apart. */
static void
money_alike(const struct wstage *x, const struct money *m,
            const struct value *v, uint32_t *id)
{
	char key[VALUE_KEY_MAX + 8];
	uint32_t other;
	const char *code = key_currency(v);

	if (code) {
		int known = 0;
		for (size_t k = 0; k < m->ncode; k++)
			known |= !memcmp(m->code[k], code, 3);
		size_t n = (size_t)(code - 1 - v->key);
		if (known && intern_find(x->w->stems, v->key, n, &other) &&
		    other < m->nstems && m->bare[other])
			*id = other;
		return;
	}
	if (v->kind != VALUE_NUMBER || v->len + 5 > sizeof key)
		return;
	for (size_t k = 0; k < m->ncode; k++) {
		memcpy(key, v->key, v->len);
		key[v->len] = ' ';
		memcpy(key + v->len + 1, m->code[k], 3);
		if (intern_find(x->w->stems, key, v->len + 4, &other) &&
		    other < m->nstems && m->sum[other]) {
			*id = other;
			return;
		}
	}
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
 * against "16 million".  A sum whose currency only one side writes is the
 * same value as the bare number of the other (money_alike).  0 or -1. */
/* The first token i' >= i of list l (text t) that may begin a value by
 * its key (value_may_start, kept in may[key] + 1 once asked of the key's
 * first token) and its capital where the key asks for one; l->n when
 * there is none.  Kept out of values (noinline) so that its scan of
 * every token keeps the arrays in registers. */
__attribute__((noinline)) static size_t
value_next(const struct text *t, const struct toklist *l, unsigned char *may,
           size_t i)
{
	const uint32_t *ids = l->id;
	const struct tok *v = l->v;
	const size_t n = l->n;

	for (; i < n; i++) {
		uint32_t key = ids[i];
		unsigned m = may[key];
		if (!m)
			m = may[key] =
			        (unsigned char)(1 + value_may_start(t, &v[i]));
		if (m == 1 + VALUE_START_NEVER ||
		    (m == 1 + VALUE_START_CAPITAL &&
		     !(v[i].flags & TOK_F_UPPER)))
			continue;
		return i;
	}
	return n;
}

static int
values(struct wstage *x)
{
	const struct align_in *c = x->c;
	uint32_t nkeys = intern_count(c->in);
	unsigned char *may = calloc(nkeys + 1, 1); /* value_start + 1 */
	size_t nstems = intern_count(x->w->stems);
	struct money m = {0};
	/* the official values' ids and whether each is a sum, for m */
	uint32_t *lv = NULL;
	size_t nlv = 0, caplv = 0;
	int rc = -1;

	x->w->rvi = calloc(c->rt.n + 1, 1);
	x->w->lpart = calloc(nstems + 1, 1);
	x->w->nlpart = nstems;
	if (!may || !x->w->rvi || !x->w->lpart)
		goto out;
	for (int side = 0; side < 2; side++) {
		const struct toklist *l = side ? &c->rt : &c->lt;
		const struct text *t = side ? c->right : c->left;
		unsigned char *con = side ? x->w->rcon : x->w->lcon;
		struct lidmap *lid = side ? &x->w->rlid : &x->w->llid;
		unsigned char *vi = side ? x->w->rvi : NULL;
		if (side && m.ncode) {
			m.nstems = intern_count(x->w->stems);
			m.bare = calloc(m.nstems + 1, 1);
			m.sum = calloc(m.nstems + 1, 1);
			if (!m.bare || !m.sum)
				goto out;
			for (size_t k = 0; k < nlv; k++)
				(lv[k] >> 31 ? m.sum
				             : m.bare)[lv[k] & 0x7fffffffu] = 1;
		}
		for (size_t i = 0;; i++) {
			struct value v;
			uint32_t id;
			i = value_next(t, l, may, i);
			if (i >= l->n)
				break;
			if (!value_read(t, l, i, l->n, &v))
				continue;
			if (intern_id(x->w->stems, v.key, v.len, &id) < 0)
				goto out;
			const char *code = key_currency(&v);
			if (!side && (code || v.kind == VALUE_NUMBER)) {
				uint32_t *g = grow_array(lv, &caplv, nlv + 1,
				                         sizeof *lv, 64);
				if (!g)
					goto out;
				lv = g;
				lv[nlv++] = id | (code ? 1u << 31 : 0);
				size_t k = 0;
				while (code && k < m.ncode &&
				       memcmp(m.code[k], code, 3))
					k++;
				if (code && k == m.ncode &&
				    m.ncode < CURRENCY_MAX)
					memcpy(m.code[m.ncode++], code, 4);
			}
			if (side && m.bare)
				money_alike(x, &m, &v, &id);
			for (size_t j = i; j < i + v.n; j++) {
				if (vi && v.n > 1)
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
				int32_t cj = tok_cid(con, lid, j);
				if (part && cj >= 0 && (size_t)cj < nstems)
					x->w->lpart[cj] = 1;
				int32_t lj = lid_of(lid, j);
				if (part && lj >= 0 && (size_t)lj < nstems)
					x->w->lpart[lj] = 1;
				if (tok_set(con, lid, j, -1) < 0)
					goto out;
			}
			if (tok_set(con, lid, i + v.head, (int32_t)id) < 0)
				goto out;
			if (side)
				x->w->rflag[i + v.head] |= F_FACTISH;
			i += v.n - 1;
		}
	}
	rc = 0;
out:
	free(may);
	free(lv);
	free(m.bare);
	free(m.sum);
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

/* One side's content words marked per stem, in one walk of its content
 * tokens: seen[stem] set, numeric[stem] set for a number, name[stem]
 * cleared for a token not capitalised (merge_variants).  Reads the
 * side's ids and writes the three arrays only. */
static void
stem_marks(const struct wstage *x, int side, unsigned char *seen,
           unsigned char *numeric, unsigned char *name)
{
	const struct toklist *l = side ? &x->c->rt : &x->c->lt;
	const unsigned char *con = side ? x->w->rcon : x->w->lcon;
	/* the map and the tokens in locals: the byte stores below would
	 * have them read again each word */
	const struct lidmap lid = side ? x->w->rlid : x->w->llid;
	const struct tok *v = l->v;
	const size_t n = l->n;

	for (size_t b = 0; b < n / 8 + 1; b++) {
		/* the content words among these eight, by their bits */
		for (unsigned bits = con[b]; bits; bits &= bits - 1) {
			size_t i = b * 8 + (size_t)__builtin_ctz(bits);
			int32_t id = i < n ? lid_of(&lid, i) : -1;
			if (id < 0)
				continue;
			seen[id] = 1;
			if (v[i].kind == TOK_NUMBER)
				numeric[id] = 1;
			if (!(v[i].flags & TOK_F_UPPER))
				name[id] = 0;
		}
	}
}

/* The rewrite's stem_marks, for a second thread: its own numeric and
 * name arrays (n + 1 bytes each), merged into the official side's after
 * (marks_merge). */
struct markjob {
	const struct wstage *x;
	unsigned char *seen, *numeric, *name;
};

static void *
markjob_run(void *arg)
{
	struct markjob *j = arg;

	stem_marks(j->x, 1, j->seen, j->numeric, j->name);
	return NULL;
}

/* Texts with at least this many tokens a side have their stems marked on
 * two threads, one a side (unless c->opt.threads is 1). */
#define MARK_THREAD_MIN 100000

/* stem_marks of both sides (n stems), the official side's into in_left,
 * the rewrite's into in_right, numeric and name of both into w's: for
 * long texts the rewrite's on a second thread, its numeric and name
 * marks apart and merged after (a stem is numeric if either side's
 * token is a number, a name if no token of either side is lower case).
 * 0 or -1. */
static int
marks(struct wstage *x, uint32_t n, unsigned char *in_right)
{
	const struct align_in *c = x->c;
	struct markjob j = {x, in_right, NULL, NULL};
	pthread_t th;

	if (c->opt.threads == 1 || c->lt.n < MARK_THREAD_MIN ||
	    c->rt.n < MARK_THREAD_MIN) {
		stem_marks(x, 0, x->w->in_left, x->w->numeric, x->w->name);
		stem_marks(x, 1, in_right, x->w->numeric, x->w->name);
		return 0;
	}
	j.numeric = calloc((size_t)n + 1, 1);
	j.name = malloc((size_t)n + 1);
	if (!j.numeric || !j.name) {
		free(j.numeric);
		free(j.name);
		return -1;
	}
	memset(j.name, 1, (size_t)n + 1);
	int two = spawn(&th, markjob_run, &j) == 0;
	stem_marks(x, 0, x->w->in_left, x->w->numeric, x->w->name);
	if (two)
		pthread_join(th, NULL);
	else
		markjob_run(&j);
	for (uint32_t s = 0; s <= n; s++) {
		x->w->numeric[s] |= j.numeric[s];
		x->w->name[s] &= j.name[s];
	}
	free(j.numeric);
	free(j.name);
	return 0;
}

/* Map rewrite-only stems onto official stems one letter apart, numbers
 * and values aside. */
static int
merge_variants(struct wstage *x)
{
	uint32_t n = intern_count(x->w->stems);
	unsigned char *in_right = calloc(n + 1, 1);
	char buf[256];

	x->w->in_left = calloc(n + 1, 1);
	if (!in_right || !x->w->in_left) {
		free(in_right);
		return -1;
	}
	x->w->numeric = calloc(n + 1, 1);
	x->w->name = malloc(n + 1);
	if (!x->w->numeric || !x->w->name) {
		free(in_right);
		return -1;
	}
	memset(x->w->name, 1, n + 1);
	if (marks(x, n, in_right) < 0) {
		free(in_right);
		return -1;
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
		if (!in_right[s] || x->w->in_left[s])
			continue;
		k = intern_key(x->w->stems, s, &len);
		if (len < VARIANT_MIN_LEN - 1 || len + 1 > sizeof buf ||
		    value_key(k))
			continue;
		/* official one letter shorter: delete a letter of ours */
		for (p = 1; p < len && canon[s] == (int32_t)s; p++) {
			uint32_t id;
			memcpy(buf, k, p);
			memcpy(buf + p, k + p + 1, len - p - 1);
			if (intern_find(x->w->stems, buf, len - 1, &id) &&
			    x->w->in_left[id] &&
			    one_shorter(k, len, buf, len - 1)) {
				canon[s] = (int32_t)id;
			}
		}
	}
	/* official one letter longer: look at official-only stems */
	for (uint32_t s = 0; s < n; s++) {
		size_t len, p;
		const char *k;
		if (!x->w->in_left[s] || in_right[s])
			continue;
		k = intern_key(x->w->stems, s, &len);
		if (len < VARIANT_MIN_LEN || len > sizeof buf || value_key(k))
			continue;
		for (p = 1; p < len; p++) {
			uint32_t id;
			memcpy(buf, k, p);
			memcpy(buf + p, k + p + 1, len - p - 1);
			if (intern_find(x->w->stems, buf, len - 1, &id) &&
			    in_right[id] && !x->w->in_left[id] &&
			    canon[id] == (int32_t)id &&
			    one_shorter(k, len, buf, len - 1)) {
				canon[id] = (int32_t)s;
				break;
			}
		}
	}
	/* a stem id is its token's loose id (stage.h): mapped with it */
	lid_map(&x->w->rlid, canon);
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

/* One side's part of the stem vectors (vectors_side): what it reads, and
 * where in the pool its entries go. */
struct vecjob {
	struct wstage *x;
	const struct seglist *sl;
	const unsigned char *con;
	const struct lidmap *lid;
	struct vec *v;    /* out: a vector a segment (made here) */
	size_t base, cap; /* the pool's entries [base, cap) are this side's */
	size_t n;         /* out: entries written from base */
	int rc;
};

/* Segment s's content ids, sorted, into tmp (room for its tokens, and
 * tmp[-1] readable and 0: the insertion sort's stop, no id being below
 * it): their number. */
static size_t
segment_ids(const struct vecjob *j, size_t s, uint32_t *tmp)
{
	size_t m = 0;
	/* what the loop reads in locals: its stores to tmp, of the ids'
	 * type, would have them read again each token */
	const struct lidmap lid = *j->lid;
	const unsigned char *con = j->con;
	const uint32_t t1 = j->sl->v[s].t1;

	/* the content words by their bits of con, eight tokens a byte:
	 * what tok_cid reads, in the tokens' order */
	for (uint32_t t = j->sl->v[s].t0; t < t1;) {
		uint32_t next = (t | 7u) + 1u; /* the next byte's first */
		unsigned bits = (unsigned)con[t >> 3] >> (t & 7);
		if (next > t1) {
			bits &= (1u << (t1 - t)) - 1u; /* t1 - t below 8 */
			next = t1;
		}
		for (; bits; bits &= bits - 1) {
			int32_t id =
			        lid_of(&lid, t + (uint32_t)__builtin_ctz(bits));
			if (id >= 0)
				tmp[m++] = (uint32_t)id;
		}
		t = next;
	}
	/* most sentences hold a few dozen words: qsort's calls to by_u32
	 * cost more than sorting them in place */
	if (m <= 32) {
		for (size_t i = 1; i < m; i++) {
			uint32_t e = tmp[i], *p = tmp + i;
			for (; p[-1] > e; p--) /* tmp[-1] stops it */
				*p = p[-1];
			*p = e;
		}
	} else {
		qsort(tmp, m, sizeof *tmp, by_u32);
	}
	return m;
}

/* Sorted (stem, count) lists of every segment of one side, written to
 * the pool from j->base: reads the side's ids and writes only its own
 * part of the pool, so the two sides may run at once.  0 or -1. */
static int
vectors_side(struct vecjob *j)
{
	struct ent *pool = j->x->w->pool;
	size_t np = j->base, cap = 0;
	uint32_t *tmp = NULL;

	if (!(j->v = calloc(j->sl->n + 1, sizeof *j->v)))
		return -1;
	for (size_t s = 0; s < j->sl->n; s++) {
		size_t need = j->sl->v[s].t1 - j->sl->v[s].t0;
		if (need > cap || !tmp) {
			/* one more before the ids: segment_ids' stop */
			uint32_t *nt = realloc(tmp, (need + 1) * sizeof *nt);
			if (!nt) {
				free(tmp);
				return -1;
			}
			tmp = nt;
			tmp[0] = 0;
			cap = need;
		}
		uint32_t *ids = tmp + 1;
		size_t m = segment_ids(j, s, ids);
		j->v[s].off = (uint32_t)(np - j->base);
		for (size_t i = 0; i < m;) {
			size_t k = i;
			while (k < m && ids[k] == ids[i])
				k++;
			if (np == j->cap) { /* not reached: see vectors */
				free(tmp);
				return -1;
			}
			pool[np++] = (struct ent){ids[i], (uint32_t)(k - i)};
			i = k;
		}
		j->v[s].n = (uint32_t)(np - j->base - j->v[s].off);
	}
	free(tmp);
	j->n = np - j->base;
	return 0;
}

static void *
vecjob_run(void *arg)
{
	struct vecjob *j = arg;

	j->rc = vectors_side(j);
	return NULL;
}

/* Texts with at least this many tokens a side have their stem vectors
 * made on two threads, one a side (unless c->opt.threads is 1). */
#define VECTOR_THREAD_MIN 100000

/* Content words (set bits) of con's first nb bytes. */
static size_t
con_count(const unsigned char *con, size_t nb)
{
	size_t n = 0;

	for (size_t i = 0; i < nb; i++)
		for (unsigned b = con[i]; b; b &= b - 1)
			n++;
	return n;
}

/* The stem vectors of both sides' segments (w->lv, w->rv) in one pool,
 * made once with room for every content word of both texts (the most
 * their vectors can take: one entry a distinct stem of a segment; a pool
 * doubling as it filled left its old copies' pages behind it, which the
 * heap keeps until the alignment ends).  The official side's vectors
 * come first.  For long texts the rewrite's are made on a second thread,
 * from the end of the official side's room, and moved down after it once
 * both are done.  0 or -1. */
static int
vectors(struct wstage *x)
{
	const struct align_in *c = x->c;
	size_t nl = con_count(x->w->lcon, c->lt.n / 8 + 1),
	       nr = con_count(x->w->rcon, c->rt.n / 8 + 1);
	struct vecjob l = {x, &c->ls, x->w->lcon, &x->w->llid, NULL,
	                   0, nl,     0,          -1},
	              r = {x,  &c->rs,  x->w->rcon, &x->w->rlid, NULL,
	                   nl, nl + nr, 0,          -1};
	struct spawn_part part;
	int rc;

	if (nl + nr >= UINT32_MAX) /* struct vec's 32-bit offsets */
		return -1;
	x->w->pool = malloc((nl + nr + 1) * sizeof *x->w->pool);
	if (!x->w->pool)
		return -1;
	x->w->cappool = nl + nr + 1;
	if (c->opt.threads == 1 || c->lt.n < VECTOR_THREAD_MIN ||
	    c->rt.n < VECTOR_THREAD_MIN) {
		rc = vectors_side(&l);
		r.base = l.n; /* right after the official entries */
		r.rc = rc < 0 ? -1 : vectors_side(&r);
	} else {
		spawn_part_start(&part, vecjob_run, &r);
		rc = vectors_side(&l);
		spawn_part_end(&part);
	}
	x->w->lv = l.v;
	x->w->rv = r.v;
	if (rc < 0 || r.rc < 0)
		return -1;
	if (r.base > l.n && r.n) /* the rewrite's entries moved down */
		memmove(x->w->pool + l.n, x->w->pool + r.base,
		        r.n * sizeof *x->w->pool);
	for (size_t s = 0; s < c->rs.n; s++)
		r.v[s].off += (uint32_t)l.n; /* from the pool's start */
	x->w->npool = l.n + r.n;
	return 0;
}

static int
weights(struct wstage *x)
{
	const struct align_in *c = x->c;
	uint32_t n = intern_count(x->w->stems);
	uint32_t *df = calloc(n + 1, sizeof *df);
	double S = (double)(c->ls.n + c->rs.n);

	x->w->idf = malloc((n + 1) * sizeof *x->w->idf);
	if (!df || !x->w->idf) {
		free(df);
		return -1;
	}
	for (size_t i = 0; i < x->w->npool; i++)
		df[x->w->pool[i].cid]++;
	for (uint32_t s = 0; s < n; s++)
		x->w->idf[s] = df[s] ? log(1.0 + S / df[s]) : 0.0;
	free(df);
	for (int side = 0; side < 2; side++) {
		struct vec *v = side ? x->w->rv : x->w->lv;
		size_t ns = side ? c->rs.n : c->ls.n;
		for (size_t s = 0; s < ns; s++) {
			v[s].W = 0;
			for (size_t i = 0; i < v[s].n; i++)
				v[s].W += x->w->idf[x->w->pool[v[s].off + i]
				                            .cid] *
				          x->w->pool[v[s].off + i].cnt;
		}
	}
	return 0;
}

/* ---- related words ------------------------------------------------------ */

/* The table of related stems (related.inc, made at build time from
 * WordNet's derivational links and first-sense synonyms by
 * scripts/wordnet.py and src/tools/relate.c: military - militarily,
 * resolve - resolution, buy - purchase): each stem once, sorted,
 * with the numbers of the stems it relates to (each pair both ways). */
#include "related.inc"

static int
by_ent(const void *a, const void *b)
{
	uint32_t x = ((const struct ent *)a)->cid,
	         y = ((const struct ent *)b)->cid;
	return x < y ? -1 : x > y;
}

/* The number of the table's stem k[0..n), or RELATED_N if it has none. */
static size_t
related_find(const char *k, size_t n)
{
	return lex_find(related_text, related_at, RELATED_N, k, n);
}

/* Give back the resident pages of a read-only table p[0..n) of the program
 * itself: they are read again from the file if ever needed, so this only
 * keeps them out of the resident set once a step is done with them. */
static void
table_forget(const void *p, size_t n)
{
#if defined(__linux__) && defined(MADV_DONTNEED)
	long pg = sysconf(_SC_PAGESIZE);
	uintptr_t a = (uintptr_t)p, e = a + n;
	if (pg <= 0)
		return;
	a = (a + (uintptr_t)pg - 1) & ~((uintptr_t)pg - 1);
	e &= ~((uintptr_t)pg - 1);
	if (e > a)
		(void)madvise((void *)a, e - a, MADV_DONTNEED);
#else
	(void)p;
	(void)n;
#endif
}

/* The room of a vector of side (0 official, 1 rewrite) whose stems are
 * pool[off..off + n) once related() adds their shadows: a stem and, for
 * the most, each of its shadows. */
static size_t
room(const struct wstage *x, size_t off, size_t n, int side,
     const int32_t *shadow, const uint32_t *rstart)
{
	size_t m = n;

	for (size_t i = 0; i < n; i++) {
		uint32_t c = x->w->pool[off + i].cid;
		m += side ? rstart[c + 1] - rstart[c] : shadow[c] >= 0;
	}
	return m;
}

/* The related words of the table for this pair of texts, into x->rel:
 * each rewrite stem the official text lacks (neither a name nor a
 * number, nor a reporting-frame word anywhere in the rewrite: "statement"
 * says nothing of "state") with each official stem, not a name, that the
 * table relates to it, in stem order.  Run before the vectors are made,
 * so that the table's pages, given back at its end, never stand beside
 * them.  English only (the table is WordNet's).  0 or -1. */
static int
related_lookup(struct wstage *x)
{
	const char *lang = x->c->opt.language;
	uint32_t n = intern_count(x->w->stems);
	unsigned char *in_right;

	if (lang && strcmp(lang, "english") != 0 && strcmp(lang, "en") != 0 &&
	    strcmp(lang, "eng") != 0)
		return 0;
	if (!(in_right = calloc(n + 1, 1)))
		return -1;
	/* 1: a rewrite stem; 2: one a reporting-frame word.  The content
	 * words only, by rcon's set bits (rcid_of is -1 for the others); the
	 * map in a local, which the byte stores would have read again */
	const struct lidmap rlid = x->w->rlid;
	const unsigned char *rcon = x->w->rcon, *rflag = x->w->rflag;
	const size_t nt = x->c->rt.n;
	for (size_t b = 0; b < nt / 8 + 1; b++)
		for (unsigned bits = rcon[b]; bits; bits &= bits - 1) {
			size_t i = b * 8 + (size_t)__builtin_ctz(bits);
			int32_t id = i < nt ? lid_of(&rlid, i) : -1;
			if (id >= 0)
				in_right[id] |= (rflag[i] & F_FRAME) ? 2 : 1;
		}
	int rc = 0;
	for (uint32_t s = 0; s < n && rc == 0; s++) {
		size_t len;
		if (in_right[s] != 1 || x->w->in_left[s] || x->w->name[s] ||
		    x->w->numeric[s])
			continue;
		const char *key = intern_key(x->w->stems, s, &len);
		size_t t = related_find(key, len);
		for (size_t k = t < RELATED_N ? related_from[t] : 0;
		     t < RELATED_N && k < related_from[t + 1]; k++) {
			const char *b =
			        related_text + related_at[related_to[k]];
			uint32_t o, *g;
			if (!intern_find(x->w->stems, b, strlen(b), &o) ||
			    o >= n || !x->w->in_left[o] || x->w->name[o])
				continue;
			if (!(g = grow_array(x->rel, &x->caprel,
			                     2 * x->nrel + 2, sizeof *g, 64))) {
				rc = -1;
				break;
			}
			x->rel = g;
			x->rel[2 * x->nrel] = s;
			x->rel[2 * x->nrel + 1] = o;
			x->nrel++;
		}
	}
	free(in_right);
	table_forget(related_text, sizeof related_text);
	table_forget(related_at, sizeof related_at);
	table_forget(related_from, sizeof related_from);
	table_forget(related_to, sizeof related_to);
	return rc;
}

/* Related words as weaker shared words, when linking only.  A rewrite stem
 * the official text lacks that the table relates to an official stem
 * (neither of them a name: names are the alias table's; nor the rewrite's
 * a reporting-frame word: "statement" says nothing of "state") gets a
 * shadow of that stem, a stem id of its own that the official sentences
 * holding the stem hold too, weighing RELATED_SHARE of its idf (the pairs
 * related_lookup found).  Shadows
 * are added to the sentence vectors after the weights: they never count in
 * a sentence's own weight W, and never reach the loose ids (verbatim) or
 * the facts, which the tokens' ids decide.  English only (the table is
 * WordNet's).  Runs after weights(); 0 or -1. */
static int
related(struct wstage *x)
{
	uint32_t n = intern_count(x->w->stems), nsh = 0;
	int32_t *shadow = NULL;                /* per official stem, or -1 */
	uint32_t *rstart = NULL, *rids = NULL; /* per rewrite stem: shadows */
	uint32_t *orig = NULL;                 /* per shadow: its stem */
	unsigned char *grown = NULL;           /* per vector: it has shadows */
	size_t nr = 0, capr = 0, capo = 0;
	int rc = -1;

	if (!x->nrel)
		return 0;
	shadow = malloc((n + 1) * sizeof *shadow);
	rstart = calloc(n + 2, sizeof *rstart);
	if (!shadow || !rstart)
		goto out;
	for (uint32_t s = 0; s <= n; s++)
		shadow[s] = -1;
	for (size_t p = 0, s = 0; s < n; s++) {
		rstart[s + 1] = (uint32_t)nr;
		for (; p < x->nrel && x->rel[2 * p] == s; p++) {
			uint32_t o = x->rel[2 * p + 1];
			if (shadow[o] < 0) {
				char sk[128];
				uint32_t id;
				size_t lb;
				const char *b = intern_key(x->w->stems, o, &lb);
				uint32_t *g;
				if (lb + 1 > sizeof sk)
					continue;
				sk[0] = '\001'; /* no word holds it */
				memcpy(sk + 1, b, lb);
				if (intern_id(x->w->stems, sk, lb + 1, &id) <
				            0 ||
				    !(g = grow_array(orig, &capo, nsh + 1,
				                     sizeof *g, 64)))
					goto out;
				orig = g;
				orig[nsh++] = o;
				shadow[o] = (int32_t)id;
			}
			uint32_t *g =
			        grow_array(rids, &capr, nr + 1, sizeof *g, 64);
			if (!g)
				goto out;
			rids = g;
			rids[nr++] = (uint32_t)shadow[o];
			rstart[s + 1] = (uint32_t)nr;
		}
	}
	if (!nsh) {
		rc = 0;
		goto out;
	}
	/* the per-stem arrays of the stages before, for the shadows too */
	uint32_t n2 = intern_count(x->w->stems);
	unsigned char *il = realloc(x->w->in_left, n2 + 1);
	if (il)
		x->w->in_left = il;
	unsigned char *nu = il ? realloc(x->w->numeric, n2 + 1) : NULL;
	if (nu)
		x->w->numeric = nu;
	unsigned char *na = nu ? realloc(x->w->name, n2 + 1) : NULL;
	if (na)
		x->w->name = na;
	double *idf = na ? realloc(x->w->idf, (n2 + 1) * sizeof *idf) : NULL;
	if (!idf)
		goto out;
	x->w->idf = idf;
	for (uint32_t k = 0; k < nsh; k++) {
		x->w->in_left[n + k] = 1;
		x->w->numeric[n + k] = 0;
		x->w->name[n + k] = 0;
		x->w->idf[n + k] = RELATED_SHARE * x->w->idf[orig[k]];
	}
	/* every vector again, its shadows after its stems (their ids are
	 * higher: the vector stays sorted once they are), in the pool
	 * itself.  Each vector's room (its stems and the most shadows they
	 * bring) is counted first and the pool grown to hold them all (made
	 * with room to spare by pool_room, it seldom moves); the vectors move
	 * out to their rooms from the last (a room never starts before its
	 * vector: the vectors lie in this order, each room at least its
	 * vector's size), then are packed again from the first.  A second
	 * pool beside the first was the aligner's high-water mark on long
	 * texts, and left a hole the size of the pool behind. */
	size_t need = 0, nl = x->c->ls.n;
	/* a bit a vector (the official side's first) set where its room is
	 * more than its stems: most vectors take no shadow, and the walk
	 * below moves them whole, without counting their room again or
	 * reading their stems */
	grown = calloc((nl + x->c->rs.n) / 8 + 1, 1);
	if (!grown)
		goto out;
	for (int side = 0; side < 2; side++) {
		const struct vec *v = side ? x->w->rv : x->w->lv;
		size_t ns = side ? x->c->rs.n : nl, base = side ? nl : 0;
		for (size_t sg = 0; sg < ns; sg++) {
			size_t r = room(x, v[sg].off, v[sg].n, side, shadow,
			                rstart),
			       b = base + sg;
			if (r > v[sg].n)
				grown[b >> 3] |= (unsigned char)(1u << (b & 7));
			need += r;
		}
	}
	if (need >= UINT32_MAX) /* struct vec's 32-bit offsets */
		goto out;
	if (need > x->w->cappool) {
		struct ent *np = realloc(x->w->pool, need * sizeof *np);
		if (!np)
			goto out;
		x->w->pool = np;
		x->w->cappool = need;
	}
	struct ent *pool = x->w->pool;
	size_t end = need;
	for (int side = 2; side-- > 0;) {
		struct vec *v = side ? x->w->rv : x->w->lv;
		size_t base = side ? nl : 0;
		for (size_t sg = side ? x->c->rs.n : nl; sg-- > 0;) {
			size_t m = v[sg].n, b = base + sg;
			if (!(grown[b >> 3] >> (b & 7) & 1u)) {
				/* no shadow: its room is its stems */
				size_t off = end - m;
				assert(off >= v[sg].off);
				if (off != v[sg].off)
					memmove(pool + off, pool + v[sg].off,
					        m * sizeof *pool);
				end = off;
				v[sg].off = (uint32_t)off;
				continue;
			}
			size_t off = end - room(x, v[sg].off, m, side, shadow,
			                        rstart),
			       top = off + m;
			assert(off >= v[sg].off);
			memmove(pool + off, pool + v[sg].off, m * sizeof *pool);
			for (size_t i = 0; i < m; i++) {
				struct ent e = pool[off + i];
				if (side)
					for (uint32_t k = rstart[e.cid];
					     k < rstart[e.cid + 1]; k++)
						pool[top++] = (struct ent){
						        rids[k], e.cnt};
				else if (shadow[e.cid] >= 0)
					pool[top++] = (struct ent){
					        (uint32_t)shadow[e.cid], e.cnt};
			}
			if (top - off - m > 1)
				qsort(pool + off + m, top - off - m,
				      sizeof *pool, by_ent);
			/* one rewrite word related to two stems, or two related
			 * to one: one entry, the larger count */
			size_t w = off + m;
			for (size_t i = off + m; i < top; i++) {
				if (w > off + m &&
				    pool[w - 1].cid == pool[i].cid) {
					if (pool[i].cnt > pool[w - 1].cnt)
						pool[w - 1].cnt = pool[i].cnt;
				} else {
					pool[w++] = pool[i];
				}
			}
			end = off;
			v[sg].off = (uint32_t)off;
			v[sg].n = (uint32_t)(w - off);
		}
	}
	size_t npool = 0;
	for (int side = 0; side < 2; side++) {
		struct vec *v = side ? x->w->rv : x->w->lv;
		size_t ns = side ? x->c->rs.n : x->c->ls.n;
		for (size_t sg = 0; sg < ns; sg++) {
			if (v[sg].off != npool)
				memmove(pool + npool, pool + v[sg].off,
				        v[sg].n * sizeof *pool);
			v[sg].off = (uint32_t)npool;
			npool += v[sg].n;
		}
	}
	x->w->npool = npool;
	rc = 0;
out:
	free(shadow);
	free(rstart);
	free(rids);
	free(orig);
	free(grown);
	return rc;
}

/* The loose ids of "we", "the", "he" and "she", and of the titles
 * (lexicon.h), for telling the same subject named otherwise, and of the
 * articles and "and" (glue), which the verbatim share does not count when
 * put in or left out: interned before the texts' words, so that the
 * per-stem arrays made later cover them. */
static int
subject_words(struct wstage *x)
{
	const struct {
		const char *w;
		int32_t *id;
	} fixed[] = {
	        {"we", &x->w->we_id},    {"the", &x->w->the_id},
	        {"he", &x->w->he_id},    {"she", &x->w->she_id},
	        {"the", &x->w->glue[0]}, {"a", &x->w->glue[1]},
	        {"an", &x->w->glue[2]},  {"and", &x->w->glue[3]},
	};

	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
		uint32_t id;
		if (intern_id(x->w->stems, fixed[i].w, strlen(fixed[i].w),
		              &id) < 0)
			return -1;
		*fixed[i].id = (int32_t)id;
	}
	for (const char *w; x->w->ntitles < TITLES_MAX &&
	                    (w = lex_title(x->w->ntitles)) != NULL;
	     x->w->ntitles++)
		if (word_id(x, w, strlen(w), &x->w->titles[x->w->ntitles]) < 0)
			return -1;
	return 0;
}

/* Which stems are titles, a flag per stem (once every word's stem is in
 * the table).  0 or -1. */
static int
title_flags(struct wstage *x)
{
	x->w->title = calloc(intern_count(x->w->stems) + 1, 1);
	if (!x->w->title)
		return -1;
	for (size_t i = 0; i < x->w->ntitles; i++)
		x->w->title[x->w->titles[i]] = 1;
	return 0;
}

/* The stem vectors' pool, all made: the room left given back, then packed
 * in 4 bytes an entry (w->pack, for the candidate search, whose
 * high-water mark it is part of) when every stem id and count fits.
 * Always 0. */
static int
fit_pool(struct words *w)
{
	w->pool = grow_fit(w->pool, &w->cappool, w->npool, sizeof *w->pool);
	for (size_t i = 0; i < w->npool; i++)
		if (w->pool[i].cid > ENT_CID_MAX ||
		    w->pool[i].cnt > ENT_CNT_MAX)
			return 0; /* kept as it is */
	/* packed where it lies, front to back: entry i's 4 bytes are
	 * written where entries i / 2 and below were, all read already */
	unsigned char *b = (unsigned char *)w->pool;
	for (size_t i = 0; i < w->npool; i++) {
		struct ent e;
		memcpy(&e, b + i * sizeof e, sizeof e);
		uint32_t v = e.cid | e.cnt << ENT_CID_BITS;
		memcpy(b + i * sizeof v, &v, sizeof v);
	}
	uint32_t *p = realloc(w->pool, (w->npool + 1) * sizeof *p);
	/* a block that could not shrink holds the packed entries still */
	w->pack = p ? p : (uint32_t *)(void *)w->pool;
	w->pool = NULL;
	w->cappool = w->npool;
	return 0;
}

int
stage_words(const struct align_in *c, struct words *w)
{
	struct wstage x = {c, w, NULL, 0, 0};

	memset(w, 0, sizeof *w);
	if (!(w->st = stem_new(c->opt.language)))
		return ALIGN_ERR_STEMMER;
	if (!(w->stems = intern_new()) || subject_words(&x) < 0 ||
	    content_ids(&x) < 0 || aliases(&x) < 0 || compounds(&x) < 0 ||
	    values(&x) < 0 || merge_variants(&x) < 0 || title_flags(&x) < 0 ||
	    related_lookup(&x) < 0 || vectors(&x) < 0 || weights(&x) < 0 ||
	    related(&x) < 0 || fit_pool(w) < 0) {
		free(x.rel);
		return ALIGN_ERR_MEMORY;
	}
	free(x.rel);
	return 0;
}

void
words_free(struct words *w)
{
	stem_free(w->st);
	intern_free(w->stems);
	free(w->lcon);
	free(w->rcon);
	lid_free(&w->llid);
	lid_free(&w->rlid);
	free(w->rflag);
	free(w->kflag);
	free(w->in_left);
	free(w->title);
	free(w->numeric);
	free(w->name);
	free(w->rvi);
	free(w->lpart);
	free(w->idf);
	free(w->pool);
	free(w->pack);
	free(w->lv);
	free(w->rv);
	memset(w, 0, sizeof *w);
}
