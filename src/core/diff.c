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
 *  absorb  DIFF_ABSORB_MAX in diff.h.  Only when DIFF_ABSORB is asked for,
 *          never under minimal.
 *
 * Long ranges (DIFF_CHUNK_MIN tokens on each side), unless minimal, are first
 * compared sentence by sentence, the way line diffs work: each side is cut
 * into chunks (a chunk ends at sentence-ending punctuation or before a line
 * break), equal chunks get equal ids, Myers runs over the chunk ids, and only
 * the stretches between equal chunks are compared word by word.  Most of a
 * long document is unchanged, so the word-level search shrinks to the
 * changed sentences; the price is that no word is matched across an
 * unchanged sentence.
 *
 * Also owns the compact code of operation lists (struct dcode): each
 * operation one number, (length << 2) | kind, written seven bits a byte
 * (the first byte five, beside the kind), lowest bits first, the top bit
 * of a byte set when another follows.  Kind 3 is a jump, its number
 * (distance << 2) | which: 0 forward in the first range, 1 forward in the
 * second, 2 back in the first, 3 back in the second.
 */
#include "redline/grow.h"
#include "redline/diff.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct side {
	const struct tok *t; /* tokens of this side's range */
	const uint32_t *id;
	unsigned char *mk;
	size_t n;
};

/* The marks read eight at a time where the machine's order lets the
 * first byte be found from the low bits (elsewhere one at a time). */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ &&    \
        defined(__GNUC__)
#define MK8 1
#else
#define MK8 0
#endif

#define MK_ONES 0x0101010101010101u
#define MK_HIGH 0x8080808080808080u

/* The first i' >= i below n with mk[i'] set (n when none): the end of
 * a run of unmarked tokens.  Eight marks a load while eight remain. */
static inline size_t
unmarked_end(const unsigned char *mk, size_t i, size_t n)
{
#if MK8
	for (; n - i >= 8; i += 8) {
		uint64_t w;
		memcpy(&w, mk + i, 8);
		if (w)
			return i + ((size_t)__builtin_ctzll(w) >> 3);
	}
#endif
	while (i < n && !mk[i])
		i++;
	return i;
}

/* The first i' >= i below n with mk[i'] clear (n when none): the end of
 * a run of marked tokens.  A load's first clear byte is its lowest byte
 * whose sum with 0xff does not carry; the borrows of the subtraction
 * below reach only bytes after it. */
static inline size_t
marked_end(const unsigned char *mk, size_t i, size_t n)
{
#if MK8
	for (; n - i >= 8; i += 8) {
		uint64_t w, z;
		memcpy(&w, mk + i, 8);
		z = (w - MK_ONES) & ~w & MK_HIGH;
		if (z)
			return i + ((size_t)__builtin_ctzll(z) >> 3);
	}
#endif
	while (i < n && mk[i])
		i++;
	return i;
}

/* The length of the run of token pairs (a[i + k], b[j + k]), k from 0,
 * both unmarked, within at most m of them. */
static inline size_t
both_unmarked(const unsigned char *a, size_t i, const unsigned char *b,
              size_t j, size_t m)
{
	size_t k = 0;
#if MK8
	for (; m - k >= 8; k += 8) {
		uint64_t wa, wb;
		memcpy(&wa, a + i + k, 8);
		memcpy(&wb, b + j + k, 8);
		if (wa | wb)
			return k + ((size_t)__builtin_ctzll(wa | wb) >> 3);
	}
#endif
	while (k < m && !a[i + k] && !b[j + k])
		k++;
	return k;
}

/* How good a place the boundary before token i is for a change to start
 * or end. */
static inline int
strength(const struct side *s, size_t i)
{
	if (i == 0 || i == s->n || s->t[i].nl)
		return 4;
	const struct tok *p = &s->t[i - 1];
	if (p->flags & TOK_F_STOP)
		return 3;
	return p->kind == TOK_PUNCT || s->t[i].kind == TOK_PUNCT;
}

static void
slide(struct side *s)
{
	size_t g = 0, n = s->n;
	unsigned char *mk = s->mk;
	const uint32_t *id = s->id;

	while (g < n) {
		if (!mk[g]) {
			g = unmarked_end(mk, g + 1, n);
			continue;
		}
		size_t st = g, en = marked_end(mk, g + 1, n), len;
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
				en = marked_end(mk, en, n);
			}
		} while (en - st != len);
		/* Now at its lowest; every place from here up to where
		 * sliding up stops is reachable.  Pick the best (where it
		 * cannot move up at all, the lowest is the only place). */
		g = en;
		if (st == 0 || mk[st - 1] || id[st - 1] != id[en - 1])
			continue;
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
	}
}

/* Room in d for one more operation: 0, or -1 when memory ran out. */
static int
push_room(struct dops *d)
{
	struct dop *nv = grow_array(d->v, &d->cap, d->n + 1, sizeof *nv, 64);

	if (!nv)
		return -1;
	d->v = nv;
	return 0;
}

/* Append the operation of kind over a[a0, a1) and b[b0, b1) to d: 0, or
 * -1 when memory ran out. */
static inline int
push(struct dops *d, uint32_t kind, size_t a0, size_t a1, size_t b0, size_t b1)
{
	if (d->n == d->cap && push_room(d) < 0)
		return -1;
	assert(dop_kind(&(struct dop){(uint32_t)a0, (uint32_t)a1, (uint32_t)b0,
	                              (uint32_t)b1}) == kind);
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
	return marked_end(s->mk, i, s->n) - i;
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
	size_t i = 0, j = 0, prev = 0, di = marked_run(a, 0),
	       dj = marked_run(b, 0);

	while (i < a->n || j < b->n) {
		size_t len = 0;
		if (di || dj) {
			prev += di + dj;
			i += di;
			j += dj;
			di = dj = 0; /* a marked run ends unmarked */
			continue;
		}
		if (i < a->n && j < b->n)
			len = both_unmarked(a->mk, i, b->mk, j,
			                    a->n - i < b->n - j ? a->n - i
			                                        : b->n - j);
		if (len == 0)
			break; /* one side ended unmarked: not a valid script */
		/* the marked runs after the equal one: the next step's, since
		 * absorbing marks only the tokens before them */
		di = marked_run(a, i + len);
		dj = marked_run(b, j + len);
		size_t next = di + dj;
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
		if (i < a->n && j < b->n) {
			size_t k = both_unmarked(
			        a->mk, i, b->mk, j,
			        a->n - i < b->n - j ? a->n - i : b->n - j);
			i += k;
			j += k;
		}
		if (i > si &&
		    push(out, DOP_EQUAL, a0 + si, a0 + i, b0 + sj, b0 + j) < 0)
			return -1;
		si = i;
		sj = j;
		i = marked_end(a->mk, i, a->n);
		if (i > si && push(out, DOP_DELETE, a0 + si, a0 + i, b0 + sj,
		                   b0 + sj) < 0)
			return -1;
		j = marked_end(b->mk, j, b->n);
		if (j > sj &&
		    push(out, DOP_INSERT, a0 + i, a0 + i, b0 + sj, b0 + j) < 0)
			return -1;
		if (i == si && j == sj && !(i < a->n && j < b->n))
			break; /* unmatched tail: cannot happen with valid marks
			        */
	}
	return 0;
}

/* Equal chunks get equal ids through this table: open addressing over
 * 64-bit hashes of the id sequences, each distinct chunk kept as a pointer
 * into the sides' own id arrays (no copies), so equality is checked on the
 * ids themselves and a hash collision costs a comparison, never a wrong id. */
struct ctab {
	uint32_t *slot;       /* 0 empty, else distinct chunk + 1 */
	const uint32_t **key; /* per distinct chunk: its ids */
	uint32_t *len;        /* and their number */
	uint64_t *hash;
	size_t mask, n;
};

static uint64_t
seq_hash(const uint32_t *v, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;

	for (size_t i = 0; i < n; i++) {
		h = (h ^ v[i]) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 31;
	}
	return h;
}

/* Room for up to n distinct chunks.  Returns 0 or -1. */
static int
ctab_init(struct ctab *c, size_t n)
{
	size_t size = 16;

	while (size < 2 * n)
		size *= 2;
	c->mask = size - 1;
	c->n = 0;
	c->slot = calloc(size, sizeof *c->slot);
	c->key = malloc((n + 1) * sizeof *c->key);
	c->len = malloc((n + 1) * sizeof *c->len);
	c->hash = malloc((n + 1) * sizeof *c->hash);
	return c->slot && c->key && c->len && c->hash ? 0 : -1;
}

static void
ctab_free(struct ctab *c)
{
	free(c->slot);
	free(c->key);
	free(c->len);
	free(c->hash);
}

/* The id of chunk v[0..n) (the table must have room for one more). */
static uint32_t
ctab_id(struct ctab *c, const uint32_t *v, uint32_t n)
{
	uint64_t h = seq_hash(v, n);
	size_t s = (size_t)h & c->mask;

	for (; c->slot[s]; s = (s + 1) & c->mask) {
		uint32_t k = c->slot[s] - 1;
		if (c->hash[k] == h && c->len[k] == n &&
		    memcmp(c->key[k], v, n * sizeof *v) == 0)
			return k;
	}
	c->key[c->n] = v;
	c->len[c->n] = n;
	c->hash[c->n] = h;
	c->slot[s] = (uint32_t)++c->n;
	return (uint32_t)(c->n - 1);
}

/* Where the chunks of one side start: a chunk ends at sentence-ending
 * punctuation (a run of it) or before a line break.  Fills st (room for
 * s->n + 1) with the starts and a final s->n; returns the chunk count. */
static size_t
chunk_starts(const struct side *s, uint32_t *st)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n; i++)
		if (i == 0 || s->t[i].nl ||
		    ((s->t[i - 1].flags & TOK_F_STOP) &&
		     !(s->t[i].flags & TOK_F_STOP)))
			st[n++] = (uint32_t)i;
	st[n] = (uint32_t)s->n;
	return n;
}

/* Marks for two long sides by the sentence pass described above. */
static int
by_chunks(struct myers *m, struct side *a, struct side *b)
{
	uint32_t *sa = malloc((a->n + b->n + 2) * sizeof *sa), *sb;
	uint32_t *ia = malloc((a->n + b->n + 2) * sizeof *ia), *ib;
	unsigned char *cm = malloc(a->n + b->n + 2);
	struct myers *cmy = NULL;
	struct ctab tab = {0};
	int rc = -1;

	if (!sa || !ia || !cm)
		goto out;
	size_t na = chunk_starts(a, sa);
	sb = sa + na + 1;
	size_t nb = chunk_starts(b, sb);
	ib = ia + na;
	if (ctab_init(&tab, na + nb) < 0)
		goto out;
	for (size_t k = 0; k < na; k++)
		ia[k] = ctab_id(&tab, a->id + sa[k], sa[k + 1] - sa[k]);
	for (size_t k = 0; k < nb; k++)
		ib[k] = ctab_id(&tab, b->id + sb[k], sb[k + 1] - sb[k]);
	cmy = myers_new((uint32_t)tab.n);
	if (!cmy || myers_run(cmy, ia, na, ib, nb, cm, cm + na, 0) < 0)
		goto out;
	const unsigned char *da = cm, *db = cm + na;
	size_t i = 0, j = 0;
	while (i < na || j < nb) {
		if (i < na && j < nb && !da[i] && !db[j]) {
			memset(a->mk + sa[i], 0, sa[i + 1] - sa[i]);
			memset(b->mk + sb[j], 0, sb[j + 1] - sb[j]);
			i++;
			j++;
			continue;
		}
		size_t i1 = i, j1 = j;
		while (i1 < na && da[i1])
			i1++;
		while (j1 < nb && db[j1])
			j1++;
		size_t x0 = sa[i], x1 = sa[i1], y0 = sb[j], y1 = sb[j1];
		if (myers_run(m, a->id + x0, x1 - x0, b->id + y0, y1 - y0,
		              a->mk + x0, b->mk + y0, 0) < 0)
			goto out;
		i = i1;
		j = j1;
	}
	rc = 0;
out:
	ctab_free(&tab);
	myers_free(cmy);
	free(cm);
	free(sa);
	free(ia);
	return rc;
}

int
diff_tokens(struct myers *m, const struct toklist *la, size_t a0, size_t a1,
            const struct toklist *lb, size_t b0, size_t b1, unsigned flags,
            struct dops *out)
{
	int minimal = (flags & DIFF_MINIMAL) != 0;
	size_t n = a1 - a0, nb = b1 - b0;

	/* one side empty (an omission or an addition): the whole other side
	 * is one deletion or insertion, the one script there is; no search,
	 * and a single marked group can neither slide nor absorb */
	if (!n || !nb)
		return !n && !nb ? 0
		       : n       ? push(out, DOP_DELETE, a0, a1, b0, b0)
		                 : push(out, DOP_INSERT, a0, a0, b0, b1);

	unsigned char *own = NULL, *mk = myers_marks(m, n + nb + 1);
	struct side sa, sb;
	int rc = -1;

	if (!mk && !(mk = own = malloc(n + nb + 1)))
		goto out;
	/* an empty list has no array at all: no pointer arithmetic on it */
	sa = (struct side){n ? la->v + a0 : NULL, n ? la->id + a0 : NULL, mk,
	                   n};
	sb = (struct side){nb ? lb->v + b0 : NULL, nb ? lb->id + b0 : NULL,
	                   mk + n, nb};
	if (!minimal && n >= DIFF_CHUNK_MIN && nb >= DIFF_CHUNK_MIN) {
		if (by_chunks(m, &sa, &sb) < 0)
			goto out;
	} else if (myers_run(m, sa.id, n, sb.id, nb, sa.mk, sb.mk, minimal) <
	           0) {
		goto out;
	}
	slide(&sa);
	slide(&sb);
	if (!minimal && (flags & DIFF_ABSORB))
		absorb(&sa, &sb);
	rc = emit(&sa, &sb, a0, b0, out);
out:
	free(own);
	return rc;
}

void
dops_free(struct dops *d)
{
	free(d->v);
	memset(d, 0, sizeof *d);
}

enum {
	DC_JUMP = 3, /* the tag of a jump (dwalk_next in diff.h knows it) */
	DC_MOST = 18 /* the most bytes one operation takes: three numbers
	                (two jumps and itself) of at most 34 bits, six bytes
	                each */
};

/* The number (v << 2) | tag, coded at p; past its last byte. */
static unsigned char *
dc_num(unsigned char *p, unsigned tag, uint64_t v)
{
	unsigned char x = (unsigned char)(tag | (v & 0x1f) << 2);
	v >>= 5;
	while (v) {
		*p++ = x | 0x80;
		x = v & 0x7f;
		v >>= 7;
	}
	*p++ = x;
	return p;
}

/* A jump in range r (0 first, 1 second) from position at to where, coded
 * at p; past its last byte. */
static inline unsigned char *
dc_jump(unsigned char *p, unsigned r, uint32_t at, uint32_t where)
{
	if (where == at)
		return p;
	if (where > at)
		return dc_num(p, DC_JUMP, (uint64_t)(where - at) << 2 | r);
	return dc_num(p, DC_JUMP, (uint64_t)(at - where) << 2 | 2 | r);
}

/* Room in out for n more operations (DC_MOST bytes each, asked once a
 * call, not once an operation): 0, or -1 when memory ran out. */
static int
dcode_room(struct dcode *out, size_t n)
{
	if (n > (SIZE_MAX - out->n) / DC_MOST)
		return -1;
	if (out->cap - out->n >= n * DC_MOST)
		return 0;
	unsigned char *nv =
	        grow_array(out->v, &out->cap, out->n + n * DC_MOST, 1, 256);
	if (!nv)
		return -1;
	out->v = nv;
	return 0;
}

int
dcode_put(struct dcode *out, const struct dop *v, size_t n, uint32_t a,
          uint32_t b)
{
	if (dcode_room(out, n) < 0)
		return -1;
	unsigned char *p = out->v + out->n;
	for (size_t k = 0; k < n; k++) {
		const struct dop *o = &v[k];
		enum dop_kind kind = dop_kind(o);
		p = dc_jump(p, 0, a, o->a0);
		p = dc_jump(p, 1, b, o->b0);
		p = dc_num(p, kind,
		           kind == DOP_INSERT ? o->b1 - o->b0 : o->a1 - o->a0);
		a = o->a1;
		b = o->b1;
	}
	out->n = (size_t)(p - out->v);
	return 0;
}

void
dwalk_init(struct dwalk *w, const unsigned char *code, size_t k0, size_t k1,
           uint32_t a, uint32_t b)
{
	w->p = code ? code + k0 : NULL;
	w->end = code ? code + k1 : NULL;
	w->a = a;
	w->b = b;
}

int
dcode_get(struct dops *out, struct dwalk *w)
{
	struct dop o;

	out->n = 0;
	while (dwalk_next(w, &o)) {
		if (out->n == out->cap) {
			struct dop *nv = grow_array(out->v, &out->cap,
			                            out->n + 1, sizeof *nv, 64);
			if (!nv) {
				out->n = 0;
				return -1;
			}
			out->v = nv;
		}
		out->v[out->n++] = o;
	}
	return 0;
}

void
dcode_fit(struct dcode *c)
{
	c->v = grow_fit(c->v, &c->cap, c->n, 1);
}

void
dcode_free(struct dcode *c)
{
	free(c->v);
	memset(c, 0, sizeof *c);
}
