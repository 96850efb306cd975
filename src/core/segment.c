/* segment.c - sentence and paragraph segmentation.
 *
 * Rules, over tokens:
 *  1. Paragraphs.  A blank line always ends a paragraph.  A single line
 *     break ends one too, unless the text is hard-wrapped: at least
 *     HARD_WRAP_MIN_BREAKS single breaks, more than half of them inside a
 *     sentence (no sentence end before, a lower-case word after).  A
 *     paragraph always ends the segment.
 *  2. Sentences.  A sentence ends after . ! ? or an ellipsis, plus any
 *     closing quotes or brackets that follow without a space, when white
 *     space follows and the next token starts with a capital, a digit or an
 *     opening quote or bracket.  It does not end after an abbreviation from
 *     the short list below (Mr., Pres., Nov., ...), a single capital
 *     letter (an initial) or "no." before a number; abbreviations with
 *     inner periods (U.S., e.g.) are one token already and never end a
 *     sentence.  In Chinese and Japanese, written without spaces or
 *     capitals, a sentence ends after 。 ！ or ？ (and any closing brackets)
 *     whatever follows.
 */
#include "redline/grow.h"
#include "redline/segment.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redline/uni.h"

#define HARD_WRAP_MIN_BREAKS 5

/* Abbreviations that take a period and usually precede a name or number.
 * Sorted, for bsearch; compared case-sensitively on the token's bytes. */
static const char *const abbrevs[] = {
        "Apr",  "Aug", "Capt", "Cmdr", "Co",   "Col", "Corp", "Dec", "Dr",
        "Feb",  "Fig", "Gen",  "Gov",  "Hon",  "Inc", "Jan",  "Jr",  "Jul",
        "Jun",  "Lt",  "Ltd",  "Maj",  "Mar",  "Mr",  "Mrs",  "Ms",  "Mt",
        "No",   "Nov", "Oct",  "Pres", "Prof", "Rep", "Rev",  "Sen", "Sep",
        "Sept", "Sgt", "Sr",   "St",   "vs",
};

#define NABBREV (sizeof abbrevs / sizeof abbrevs[0])

/* A word of one to four ASCII bytes as one number: its bytes from the
 * lowest, zero above its length (no byte of a word is zero, so two words
 * give the same number only when they are the same). */
static uint32_t
pack4(const char *s, size_t n)
{
	uint32_t k = 0;

	for (size_t i = 0; i < n; i++)
		k |= (uint32_t)(unsigned char)s[i] << (8 * i);
	return k;
}

/* The abbreviations packed (pack4) and sorted as numbers, filled once
 * (abbrev_once); every one has four bytes or fewer. */
static uint32_t abbrev_keys[NABBREV];
static pthread_once_t abbrev_once = PTHREAD_ONCE_INIT;

static int
by_key(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

static void
abbrev_fill(void)
{
	for (size_t i = 0; i < NABBREV; i++)
		abbrev_keys[i] = pack4(abbrevs[i], strlen(abbrevs[i]));
	qsort(abbrev_keys, NABBREV, sizeof *abbrev_keys, by_key);
}

static int
is_abbrev(const struct text *t, const struct tok *k)
{
	if (k->kind != TOK_WORD || k->slen >= 8)
		return 0;
	if (k->slen == 1 && (k->flags & TOK_F_UPPER))
		return 1; /* an initial */
	/* every word of the list starts with an ASCII capital or a 'v':
	 * most words before a period are told apart by their first byte */
	if ((t->buf[k->off] < 'A' || t->buf[k->off] > 'Z') &&
	    t->buf[k->off] != 'v')
		return 0;
	if (k->slen > 4)
		return 0; /* no abbreviation of the list is longer */
	uint32_t key = pack4((const char *)t->buf + k->off, k->slen);
	size_t lo = 0, hi = NABBREV;

	pthread_once(&abbrev_once, abbrev_fill);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (abbrev_keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < NABBREV && abbrev_keys[lo] == key;
}

/* "no" in lower case, which is an abbreviation before a number only
 * ("objective no. 3-15"; "He said no. 3 more ..." is rare beside it). */
static int
number_sign(const struct text *t, const struct tok *k)
{
	return k->kind == TOK_WORD && k->slen == 2 &&
	       memcmp(t->buf + k->off, "no", 2) == 0;
}

static int32_t
first_cp(const struct text *t, const struct tok *k)
{
	int32_t cp;

	if (t->buf[k->off] < 0x80)
		return t->buf[k->off]; /* ASCII: the byte is the code point */
	uni_decode(t->buf + k->off, k->slen, &cp); /* one code point */
	return cp;
}

/* Closing punctuation that may follow a full stop: quotes, brackets. */
static int
is_closer(const struct text *t, const struct tok *k)
{
	int32_t cp;
	if (k->kind != TOK_PUNCT)
		return 0;
	cp = first_cp(t, k);
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	       cp == 0x2019 || cp == 0x201D || cp == 0xBB ||
	       /* CJK corner brackets, full-width parenthesis */
	       cp == 0x300D || cp == 0x300F || cp == 0xFF09;
}

/* Is token k a full stop of the scripts written without spaces: the
 * ideographic full stop, the full-width exclamation and question marks? */
static int
is_wide_stop(const struct text *t, const struct tok *k)
{
	int32_t cp;
	if (k->kind != TOK_PUNCT)
		return 0;
	cp = first_cp(t, k);
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

/* Can token k start a sentence? */
static int
is_opener(const struct text *t, const struct tok *k)
{
	int32_t cp = first_cp(t, k);

	if (k->flags & TOK_F_UPPER || k->kind == TOK_NUMBER)
		return 1;
	if (k->kind == TOK_WORD && uni_class(cp) == UNI_LETTER &&
	    !uni_is_upper(cp) && (k->flags & TOK_F_WIDE))
		return 1; /* scripts without case */
	return k->kind == TOK_PUNCT &&
	       (cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
	        cp == 0x2018 || cp == 0x201C || cp == 0xAB);
}

static int
is_lower_start(const struct text *t, const struct tok *k)
{
	int32_t cp = first_cp(t, k);
	return k->kind == TOK_WORD && uni_class(cp) == UNI_LETTER &&
	       !uni_is_upper(cp) && !(k->flags & TOK_F_WIDE);
}

/* Does a sentence end before token i (i > 0)? */
static int
sentence_ends_before(const struct text *t, const struct toklist *l, size_t i)
{
	size_t k = i - 1;
	unsigned char c = t->buf[l->v[k].off];

	/* most tokens before a cut is asked are a comma or another ASCII
	 * mark: not a closer, a wide stop or a stop, no sentence ends */
	if (c < 0x80 && !(l->v[k].flags & TOK_F_STOP) && c != '"' &&
	    c != '\'' && c != ')' && c != ']')
		return 0;
	if (!l->v[i].space && is_closer(t, &l->v[i]))
		return 0; /* the closer belongs to the sentence */
	while (k > 0 && is_closer(t, &l->v[k]) && !l->v[k].space)
		k--;
	if (is_wide_stop(t, &l->v[k]))
		return 1; /* Chinese and Japanese: no space, no capital */
	if (!l->v[i].space)
		return 0;
	if (!(l->v[k].flags & TOK_F_STOP))
		return 0;
	if (k > 0 && !l->v[k].space && t->buf[l->v[k].off] == '.' &&
	    l->v[k].slen == 1 &&
	    (is_abbrev(t, &l->v[k - 1]) ||
	     (number_sign(t, &l->v[k - 1]) && l->v[i].kind == TOK_NUMBER)))
		return 0;
	return is_opener(t, &l->v[i]);
}

static int
push(struct seglist *s, uint32_t t0, uint32_t t1, uint32_t para)
{
	if (s->n == s->cap) {
		struct seg *nv =
		        grow_array(s->v, &s->cap, s->n + 1, sizeof *nv, 64);
		if (!nv)
			return -1;
		s->v = nv;
	}
	s->v[s->n++] = (struct seg){t0, t1, para};
	return 0;
}

/* The four bytes of k after its offset, which hold all its bit-fields
 * (the token is 8 bytes, its offset 4 of them), as one word: with the
 * masks below, got the same way from tokens with one field set, a field
 * is tested by one and, wherever the compiler put it. */
static inline uint32_t
tok_bits(const struct tok *k)
{
	uint32_t u;

	memcpy(&u, (const char *)k + sizeof k->off, sizeof u);
	return u;
}

/* Cut l into segments at the end of out (empty), the text taken as
 * hard-wrapped or not as hw says; also counts into *breaks the single
 * line breaks and into *inside those of them inside a sentence, as
 * rule 1 counts them.  0, or -1 with out freed when memory ran out.
 * One pass: a token with no line break before it and a word before it
 * (most of them) is passed over with no more asked. */
static int
cut_segments(const struct text *t, const struct toklist *l, int hw,
             struct seglist *out, size_t *breaks, size_t *inside)
{
	const struct tok *v = l->v;
	size_t n = l->n, nb = 0, ni = 0;
	uint32_t start = 0, para = 0;
	const uint32_t kind_m = tok_bits(&(struct tok){.kind = 7}),
	               punct_m = tok_bits(&(struct tok){.kind = TOK_PUNCT}),
	               stop_m = tok_bits(&(struct tok){.flags = TOK_F_STOP}),
	               nl_m = tok_bits(&(struct tok){.nl = 255});
	/* a word's kind (TOK_WORD 0, TOK_NUMBER 1) has its two upper bits
	 * clear: with no stop flag either, the token is no punctuation */
	const uint32_t quiet_m = tok_bits(&(struct tok){.kind = 6}) | stop_m;
	/* a token with either: the next one must be asked, or this one */
	const uint32_t loud_m = quiet_m | nl_m;
	uint32_t prev = n ? tok_bits(&v[0]) : 0;

	for (size_t i = 1; i < n; i++) {
		uint32_t u;
		int prev_may, new_para, cut;
		unsigned nl;

		/* a word before it and no line break (most tokens): no cut
		 * and nothing counted.  After a word, the run of tokens with
		 * neither bit is passed by one test a token (each has a word
		 * before it), and so is the token that ends it when it has
		 * no line break */
		if (!(prev & quiet_m)) {
			while (i < n && !(tok_bits(&v[i]) & loud_m))
				i++;
			if (i == n)
				break;
			u = tok_bits(&v[i]);
			if (!(u & nl_m)) {
				prev = u;
				continue;
			}
		} else
			u = tok_bits(&v[i]);
		/* only after punctuation or a stop can a sentence end (a
		 * closer, a wide stop and a stop are punctuation) */
		prev_may = (prev & kind_m) == punct_m || (prev & stop_m);
		prev = u;
		if (!(u & nl_m) && !prev_may)
			continue;
		nl = v[i].nl;
		if (nl == 1) {
			nb++;
			if (!(v[i - 1].flags & TOK_F_STOP) &&
			    !is_closer(t, &v[i - 1]) &&
			    is_lower_start(t, &v[i]))
				ni++;
		}
		new_para = nl >= 2 || (nl == 1 && !hw);
		cut = new_para || (prev_may && sentence_ends_before(t, l, i));
		if (!cut)
			continue;
		if (push(out, start, (uint32_t)i, para) < 0) {
			seg_free(out);
			return -1;
		}
		start = (uint32_t)i;
		para += (uint32_t)new_para;
	}
	if (n && push(out, start, (uint32_t)n, para) < 0) {
		seg_free(out);
		return -1;
	}
	*breaks = nb;
	*inside = ni;
	return 0;
}

int
seg_split(const struct text *t, const struct toklist *l, struct seglist *out)
{
	size_t breaks, inside;

	memset(out, 0, sizeof *out);
	/* cut as if not hard-wrapped, counting the breaks as rule 1 does;
	 * a text that turns out hard-wrapped is cut again */
	if (cut_segments(t, l, 0, out, &breaks, &inside) < 0)
		return -1;
	if (breaks >= HARD_WRAP_MIN_BREAKS && inside * 2 > breaks) {
		out->n = 0;
		out->hard_wrapped = 1;
		if (cut_segments(t, l, 1, out, &breaks, &inside) < 0)
			return -1;
	}
	out->v = grow_fit(out->v, &out->cap, out->n, sizeof *out->v);
	return 0;
}

void
seg_free(struct seglist *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

void
seg_bytes(const struct seglist *s, const struct toklist *l, size_t s0,
          size_t s1, size_t *start, size_t *end)
{
	*start = l->v[s->v[s0].t0].off;
	*end = tok_end(l, s->v[s1 - 1].t1 - 1);
}
