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

static int
by_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
is_abbrev(const struct text *t, const struct tok *k)
{
	char w[8];
	const char *key = w;

	if (k->kind != TOK_WORD || k->slen >= sizeof w)
		return 0;
	if (k->slen == 1 && (k->flags & TOK_F_UPPER))
		return 1; /* an initial */
	memcpy(w, t->buf + k->off, k->slen);
	w[k->slen] = '\0';
	return bsearch(&key, abbrevs, sizeof abbrevs / sizeof abbrevs[0],
	               sizeof abbrevs[0], by_str) != NULL;
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
hard_wrapped(const struct text *t, const struct toklist *l)
{
	size_t breaks = 0, inside = 0;

	for (size_t i = 1; i < l->n; i++) {
		if (l->v[i].nl != 1)
			continue;
		breaks++;
		if (!(l->v[i - 1].flags & TOK_F_STOP) &&
		    !is_closer(t, &l->v[i - 1]) && is_lower_start(t, &l->v[i]))
			inside++;
	}
	return breaks >= HARD_WRAP_MIN_BREAKS && inside * 2 > breaks;
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

int
seg_split(const struct text *t, const struct toklist *l, struct seglist *out)
{
	uint32_t start = 0, para = 0;

	memset(out, 0, sizeof *out);
	out->hard_wrapped = hard_wrapped(t, l);
	for (size_t i = 1; i <= l->n; i++) {
		int new_para = 0, cut;
		if (i < l->n) {
			unsigned nl = l->v[i].nl;
			new_para = nl >= 2 || (nl == 1 && !out->hard_wrapped);
			/* only after punctuation or a stop can a sentence end
			 * (a closer, a wide stop and a stop are punctuation):
			 * most tokens follow a word and need no more */
			cut = new_para || ((l->v[i - 1].kind == TOK_PUNCT ||
			                    (l->v[i - 1].flags & TOK_F_STOP)) &&
			                   sentence_ends_before(t, l, i));
		} else {
			cut = 1;
		}
		if (!cut)
			continue;
		if (push(out, start, (uint32_t)i, para) < 0) {
			seg_free(out);
			return -1;
		}
		start = (uint32_t)i;
		para += (uint32_t)new_para;
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
