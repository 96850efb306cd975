/* listrun.c - the list-run linking rule (step 4, after the verdict): an
 * official list printed one item a line, whose items a rewrite sentence
 * runs together ("... to A in X; B in Y; and C in Z."), links each item it
 * carries to that sentence, so that copied items are kept, not omitted.
 *
 * An item is an official segment that is a paragraph of its own, not a
 * line of the page's header, of 2 to LIST_ITEM_MAX_WORDS words and
 * numbers, not ending as a sentence ends; a list is LIST_MIN_ITEMS items
 * or more in a row.  A rewrite sentence carries an item when the item's
 * words (loose ids: case and stop words as the diff's loose pass sees
 * them) come in its order within the sentence, with at most LIST_SLACK
 * other words among them ("Sahlman Seafoods, Incorporated, in
 * Nicaragua").  A sentence that carries two items of one list or more
 * takes them: as its source when it has none (the first), else as pieces
 * of a merge.  An item something else holds already is left as it is.
 * Items are looked for by their rarest content word, so that a list whose
 * lines begin alike ("And ...", "The ...") costs no more than another; an
 * item of stop words alone names nothing and is never found.
 */
#include <stdlib.h>

#include "stage.h"

#define LIST_ITEM_MAX_WORDS 12
#define LIST_MIN_ITEMS      3
#define LIST_SLACK          2
/* The pieces one rewrite sentence may have (its source and merged
 * halves): classification judges no more (classify.c). */
#define LIST_PIECES_MAX (MERGE_MAX + 1)

/* An item: its official segment, its list, its words' loose ids
 * words[w0, w1) of the rule's array, and its anchor: the stem id of its
 * rarest content word (the highest idf), the (at)th of its words, or -1
 * when it has none (it is never found: a line of stop words names
 * nothing). */
struct item {
	uint32_t o, list;
	uint32_t w0, w1;
	int32_t anchor;
	uint32_t at;
};

/* Is token t of l a word or a number? */
static int
is_word(const struct toklist *l, size_t t)
{
	unsigned k = l->v[t].kind;
	return k == TOK_WORD || k == TOK_NUMBER;
}

/* Is official segment o a list item's line (its words counted in *nw)? */
static int
item_line(const struct ctx *x, size_t o, size_t *nw)
{
	const struct seglist *sl = &x->c->ls;
	const struct toklist *l = &x->c->lt;
	const struct seg *g = &sl->v[o];

	if (x->lw->header[o] || (o > 0 && sl->v[o - 1].para == g->para) ||
	    (o + 1 < sl->n && sl->v[o + 1].para == g->para))
		return 0;
	if (l->v[g->t1 - 1].flags & TOK_F_STOP)
		return 0;
	*nw = tok_words(l, g->t0, g->t1);
	return *nw >= 2 && *nw <= LIST_ITEM_MAX_WORDS;
}

/* Does the run of rewrite loose ids u[0, n) hold the item's ids
 * w[0, m) in order from u[0], with at most LIST_SLACK others among
 * them? */
static int
carries_at(const int32_t *u, size_t n, const int32_t *w, size_t m)
{
	size_t j = 0, skip = 0;

	for (size_t i = 0; i < n && j < m; i++) {
		if (u[i] == w[j])
			j++;
		else if (++skip > LIST_SLACK)
			return 0;
	}
	return j == m;
}

/* An item's place in the index by anchor: its anchor's stem id and the
 * item. */
struct key {
	int32_t anchor;
	uint32_t i;
};

/* Order keys by anchor, then by item (qsort's comparison). */
static int
by_anchor(const void *a, const void *b)
{
	const struct key *p = a, *q = b;
	if (p->anchor != q->anchor)
		return p->anchor < q->anchor ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

/* Order item indices ascending (qsort's comparison). */
static int
by_index(const void *a, const void *b)
{
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
	return i < j ? -1 : i > j;
}

/* The first key of keys[0, n) whose anchor is id, or n. */
static size_t
first_key_of(const struct key *keys, size_t n, int32_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (keys[mid].anchor < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && keys[lo].anchor == id ? lo : n;
}

/* The official side's list items into *items (*n of them) and their
 * words' loose ids into *ids; 0 or -1 (memory). */
static int
find_items(const struct ctx *x, struct item **items, size_t *n, int32_t **ids)
{
	const struct seglist *sl = &x->c->ls;
	const struct toklist *l = &x->c->lt;
	size_t nw, cap = 0, nid = 0, o = 0;
	uint32_t list = 0;

	*items = NULL;
	*ids = NULL;
	*n = 0;
	/* a first pass for the sizes, so the arrays are made once */
	while (o < sl->n) {
		size_t e = o, words = 0;
		while (e < sl->n && item_line(x, e, &nw)) {
			words += nw;
			e++;
		}
		if (e - o >= LIST_MIN_ITEMS) {
			cap += e - o;
			nid += words;
		}
		o = e > o ? e : o + 1;
	}
	if (cap == 0)
		return 0;
	*items = malloc(cap * sizeof **items);
	*ids = malloc(nid * sizeof **ids);
	if (!*items || !*ids)
		return -1;
	nid = 0;
	for (o = 0; o < sl->n;) {
		size_t e = o;
		while (e < sl->n && item_line(x, e, &nw))
			e++;
		if (e - o >= LIST_MIN_ITEMS) {
			for (size_t k = o; k < e; k++) {
				struct item *it = &(*items)[(*n)++];
				it->o = (uint32_t)k;
				it->list = list;
				it->w0 = (uint32_t)nid;
				it->anchor = -1;
				it->at = 0;
				double top = -1;
				for (uint32_t t = sl->v[k].t0; t < sl->v[k].t1;
				     t++) {
					if (!is_word(l, t))
						continue;
					int32_t cid = lcid_of(x->w, t);
					if (cid >= 0 && x->w->idf[cid] > top) {
						top = x->w->idf[cid];
						it->anchor = cid;
						it->at = (uint32_t)(nid -
						                    it->w0);
					}
					(*ids)[nid++] = lid_of(&x->w->llid, t);
				}
				it->w1 = (uint32_t)nid;
			}
			list++;
		}
		o = e > o ? e : o + 1;
	}
	return 0;
}

/* Per rewrite segment, how many pieces it has now (its source and the
 * official segments merged into it), counted to 255, into np[0, nr). */
static void
count_pieces(const struct ctx *x, unsigned char *np)
{
	size_t nr = x->c->rs.n;

	for (size_t r = 0; r < nr; r++)
		np[r] = x->lw->prim[r] >= 0;
	for (size_t o = 0; o < x->c->ls.n; o++)
		if (x->lw->sec[o] >= 0 && np[x->lw->sec[o]] < 255)
			np[x->lw->sec[o]]++;
}

int
list_runs(struct ctx *x, unsigned char *linked)
{
	const struct seglist *rs = &x->c->rs;
	const struct toklist *rl = &x->c->rt;
	struct item *items;
	struct key *keys = NULL;
	int32_t *ids, *u = NULL, *cu = NULL;
	uint32_t *got = NULL, *seen = NULL;
	unsigned char *np = NULL, *mark = NULL;
	size_t n, cap = 0, nk = 0;
	uint32_t nstems = intern_count(x->w->stems);
	int rc = -1;

	if (find_items(x, &items, &n, &ids) < 0)
		goto out;
	if (n == 0) {
		rc = 0;
		goto out;
	}
	for (size_t r = 0; r < rs->n; r++)
		if (rs->v[r].t1 - rs->v[r].t0 > cap)
			cap = rs->v[r].t1 - rs->v[r].t0;
	u = malloc((cap + 1) *
	           sizeof *u); /* cap is 0 with no rewrite segment */
	cu = malloc((cap + 1) * sizeof *cu);
	got = malloc(n * sizeof *got);
	seen = calloc(n, sizeof *seen);
	keys = malloc(n * sizeof *keys);
	np = malloc(rs->n + 1);
	mark = calloc(nstems / 8 + 1, 1); /* the anchors' stems, a bit each */
	if (!u || !cu || !got || !seen || !keys || !np || !mark)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (items[i].anchor >= 0) {
			keys[nk++] = (struct key){items[i].anchor, (uint32_t)i};
			mark[items[i].anchor >> 3] |=
			        (unsigned char)(1u << (items[i].anchor & 7));
		}
	qsort(keys, nk, sizeof *keys, by_anchor);
	count_pieces(x, np);
	for (size_t r = 0; r < rs->n; r++) {
		uint32_t t0 = rs->v[r].t0, t1 = rs->v[r].t1;
		size_t m = 0, ngot = 0, hits = 0;
		/* a sentence holding no anchor carries no item: most are
		 * passed over on their stems alone */
		for (uint32_t t = t0; t < t1; t++) {
			int32_t cid = rcid_of(x->w, t);
			hits += cid >= 0 &&
			        ((mark[cid >> 3] >> (cid & 7)) & 1u);
		}
		if (hits < 2 || x->lw->restate[r] || furniture_line(x, r) ||
		    caption_line(x, r))
			continue;
		for (uint32_t t = t0; t < t1; t++)
			if (is_word(rl, t)) {
				u[m] = lid_of(&x->w->rlid, t);
				cu[m++] = rcid_of(x->w, t);
			}
		for (size_t i = 0; i < m; i++) {
			if (cu[i] < 0 ||
			    !((mark[cu[i] >> 3] >> (cu[i] & 7)) & 1u))
				continue;
			for (size_t k = first_key_of(keys, nk, cu[i]);
			     k < nk && keys[k].anchor == cu[i]; k++) {
				uint32_t it_i = keys[k].i;
				const struct item *it = &items[it_i];
				size_t len = it->w1 - it->w0;
				/* the item starts at most LIST_SLACK words
				 * before where its anchor would be */
				for (size_t back = 0;
				     back <= LIST_SLACK &&
				     seen[it_i] != r + 1 && it->at + back <= i;
				     back++) {
					size_t p = i - it->at - back;
					if (u[p] == ids[it->w0] &&
					    carries_at(u + p, m - p,
					               ids + it->w0, len)) {
						seen[it_i] = (uint32_t)(r + 1);
						got[ngot++] = it_i;
					}
				}
			}
		}
		if (ngot < 2)
			continue;
		qsort(got, ngot, sizeof *got, by_index);
		for (size_t k = 0; k < ngot && np[r] < LIST_PIECES_MAX; k++) {
			/* two items of one list at least */
			int same =
			        (k > 0 && items[got[k]].list ==
			                          items[got[k - 1]].list) ||
			        (k + 1 < ngot &&
			         items[got[k]].list == items[got[k + 1]].list);
			uint32_t o = items[got[k]].o;
			if (!same || linked[o] || x->lw->sec[o] >= 0)
				continue;
			if (x->lw->prim[r] < 0) {
				x->lw->prim[r] = (int32_t)o;
				linked[o] = 1;
			} else {
				x->lw->sec[o] = (int32_t)r;
			}
			np[r]++;
		}
	}
	rc = 0;
out:
	free(items);
	free(keys);
	free(ids);
	free(u);
	free(cu);
	free(got);
	free(seen);
	free(np);
	free(mark);
	return rc;
}
