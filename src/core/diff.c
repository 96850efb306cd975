/* diff.c - word diff over tokens: ids to Myers, then a readable script.
 *
 * Owns: turning two token ranges into an operation list.  After myers_run
 * marks deleted and inserted tokens, two passes tidy the marks:
 *
 *  slide   A group of marked tokens [s, e) can move up one place when the
 *          token before it equals its last token, or down when the token
 *          after it equals its first; the unmarked sequence is unchanged, so
 *          the script stays valid and of the same length.  Each group is
 *          moved, within its range, to where its two ends fall on the
 *          strongest boundaries (line breaks, sentence ends, other
 *          punctuation), lowest such place on ties.  Always on.
 *  absorb  DIFF_ABSORB_MAX in diff.h.  Off under minimal.
 */
#include "redline/diff.h"

#include <stdlib.h>
#include <string.h>

struct side {
	const struct tok *t; /* tokens of this side's range */
	const uint32_t *id;
	unsigned char *mk;
	size_t n;
};

/* How good a place the boundary before token i is for a change to start
 * or end. */
static int
strength(const struct side *s, size_t i)
{
	if (i == 0 || i == s->n || s->t[i].nl)
		return 4;
	if (s->t[i - 1].flags & TOK_F_STOP)
		return 3;
	if (s->t[i - 1].kind == TOK_PUNCT || s->t[i].kind == TOK_PUNCT)
		return 1;
	return 0;
}

static void
slide(struct side *s)
{
	size_t g = 0, n = s->n;
	unsigned char *mk = s->mk;
	const uint32_t *id = s->id;

	while (g < n) {
		if (!mk[g]) {
			g++;
			continue;
		}
		size_t st = g, en = g, len;
		while (en < n && mk[en])
			en++;
		do {
			len = en - st;
			/* up, merging with groups it meets */
			while (st > 0 && !mk[st - 1] &&
			       id[st - 1] == id[en - 1]) {
				mk[--st] = 1;
				mk[--en] = 0;
				while (st > 0 && mk[st - 1])
					st--;
			}
			/* down, likewise */
			while (en < n && !mk[en] && id[st] == id[en]) {
				mk[st++] = 0;
				mk[en++] = 1;
				while (en < n && mk[en])
					en++;
			}
		} while (en - st != len);
		/* Now at its lowest; every place from here up to where
		 * sliding up stops is reachable.  Pick the best. */
		size_t best = st, top = st;
		int bscore = strength(s, st) + strength(s, en);
		while (top > 0 && !mk[top - 1] &&
		       id[top - 1] == id[top - 1 + len]) {
			top--;
			int sc = strength(s, top) + strength(s, top + len);
			if (sc > bscore) {
				bscore = sc;
				best = top;
			}
		}
		if (best != st) {
			memset(mk + st, 0, len);
			memset(mk + best, 1, len);
		}
		g = en;
	}
}

static int
push(struct dops *d, uint32_t kind, size_t a0, size_t a1, size_t b0, size_t b1)
{
	if (d->n == d->cap) {
		size_t ncap = d->cap ? d->cap * 2 : 64;
		struct dop *nv = realloc(d->v, ncap * sizeof *nv);
		if (!nv)
			return -1;
		d->v = nv;
		d->cap = ncap;
	}
	d->v[d->n].kind = kind;
	d->v[d->n].a0 = (uint32_t)a0;
	d->v[d->n].a1 = (uint32_t)a1;
	d->v[d->n].b0 = (uint32_t)b0;
	d->v[d->n].b1 = (uint32_t)b1;
	d->n++;
	return 0;
}

/* Length of the run of marked tokens from i. */
static size_t
marked_run(const struct side *s, size_t i)
{
	size_t k = i;

	while (k < s->n && s->mk[k])
		k++;
	return k - i;
}

/* Whether a line break falls inside or at either end of an equal run. */
static int
crosses_line(const struct side *s, size_t i, size_t len)
{
	for (size_t k = i; k <= i + len && k < s->n; k++)
		if (s->t[k].nl)
			return 1;
	return 0;
}

/* Absorb short equal runs between two changes (DIFF_ABSORB_MAX).  prev is
 * the size of the change just passed, grown as runs merge into it. */
static void
absorb(struct side *a, struct side *b)
{
	size_t i = 0, j = 0, prev = 0;

	while (i < a->n || j < b->n) {
		size_t di = marked_run(a, i), dj = marked_run(b, j), len = 0;
		if (di || dj) {
			prev += di + dj;
			i += di;
			j += dj;
			continue;
		}
		while (i + len < a->n && j + len < b->n && !a->mk[i + len] &&
		       !b->mk[j + len])
			len++;
		if (len == 0)
			break; /* one side ended unmarked: not a valid script */
		size_t next = marked_run(a, i + len) + marked_run(b, j + len);
		if (len <= DIFF_ABSORB_MAX && prev >= DIFF_ABSORB_RATIO * len &&
		    next >= DIFF_ABSORB_RATIO * len &&
		    !crosses_line(a, i, len) && !crosses_line(b, j, len)) {
			memset(a->mk + i, 1, len);
			memset(b->mk + j, 1, len);
			prev += 2 * len;
		} else {
			prev = 0;
		}
		i += len;
		j += len;
	}
}

static int
emit(const struct side *a, const struct side *b, size_t a0, size_t b0,
     struct dops *out)
{
	size_t i = 0, j = 0;

	while (i < a->n || j < b->n) {
		size_t si = i, sj = j;
		while (i < a->n && j < b->n && !a->mk[i] && !b->mk[j]) {
			i++;
			j++;
		}
		if (i > si &&
		    push(out, DOP_EQUAL, a0 + si, a0 + i, b0 + sj, b0 + j) < 0)
			return -1;
		si = i;
		sj = j;
		while (i < a->n && a->mk[i])
			i++;
		if (i > si && push(out, DOP_DELETE, a0 + si, a0 + i, b0 + sj,
		                   b0 + sj) < 0)
			return -1;
		while (j < b->n && b->mk[j])
			j++;
		if (j > sj &&
		    push(out, DOP_INSERT, a0 + i, a0 + i, b0 + sj, b0 + j) < 0)
			return -1;
		if (i == si && j == sj && !(i < a->n && j < b->n))
			break; /* unmatched tail: cannot happen with valid marks
			        */
	}
	return 0;
}

int
diff_tokens(struct myers *m, const struct toklist *la, size_t a0, size_t a1,
            const struct toklist *lb, size_t b0, size_t b1, int minimal,
            struct dops *out)
{
	size_t n = a1 - a0, nb = b1 - b0, i;
	uint32_t *ids = malloc((n + nb + 1) * sizeof *ids);
	unsigned char *mk = malloc(n + nb + 1);
	struct side sa, sb;
	int rc = -1;

	if (!ids || !mk)
		goto out;
	for (i = 0; i < n; i++)
		ids[i] = la->v[a0 + i].id;
	for (i = 0; i < nb; i++)
		ids[n + i] = lb->v[b0 + i].id;
	/* an empty list has no array at all: no pointer arithmetic on it */
	sa = (struct side){n ? la->v + a0 : NULL, ids, mk, n};
	sb = (struct side){nb ? lb->v + b0 : NULL, ids + n, mk + n, nb};
	if (myers_run(m, sa.id, n, sb.id, nb, sa.mk, sb.mk, minimal) < 0)
		goto out;
	slide(&sa);
	slide(&sb);
	if (!minimal)
		absorb(&sa, &sb);
	rc = emit(&sa, &sb, a0, b0, out);
out:
	free(ids);
	free(mk);
	return rc;
}

void
dops_free(struct dops *d)
{
	free(d->v);
	memset(d, 0, sizeof *d);
}
