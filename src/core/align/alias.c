/* alias.c - other names of one thing (alias.h).
 *
 * Owns the alias table (data/en/aliases.txt, compiled in by the Makefile
 * as the .inc file of $(BUILD)/gen/) and the acronym matching.  A name
 * found on either side becomes one id: the table's names an id of their
 * own per line, an acronym and its spelled-out form the acronym's id.
 */
#include "alias.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../spawn.h"

#define NAME_WORDS 8 /* words of a table name, at most */
#define ACRO_MIN   2 /* letters of an acronym */
#define ACRO_MAX   6
#define ACROS_MAX  64 /* acronyms looked for; more are ignored */
/* byhash's slots: a power of two, over twice ACROS_MAX * ACRO_MAX */
#define PREFIX_SLOTS 1024

/* The table's lines as written (aliases.inc), and the same lines with
 * each word replaced by its key for English's stemmer (aliaskeys.inc, made
 * by src/tools/aliaskeys.c with alias_key), which saves stemming the
 * table's words at each run. */
static const char *const table[] = {
#include "aliases.inc"
};
static const char *const table_keys[] = {
#include "aliaskeys.inc"
};
_Static_assert(sizeof table == sizeof table_keys,
               "aliaskeys.inc has a line for each of aliases.inc's");

/* Words that may stand inside a spelled-out acronym without a letter. */
static const char *const connectors[] = {"of", "the", "and", "for", "on"};

struct name {
	int32_t w[NAME_WORDS];
	size_t n;
	int32_t canon;
	int32_t next; /* the next name with the same first word, or -1 */
};

struct acro {
	char s[ACRO_MAX + 1]; /* lower case */
	int32_t id;
};

struct ctx {
	struct name *names;
	size_t nnames;
	int32_t *first; /* per id: the first name starting with it, or -1 */
	uint32_t nids;
	struct acro acros[ACROS_MAX];
	size_t nacros;
	/* every prefix of every acronym, as 5 bits a letter (a = 1), sorted,
	 * each with the acronym's id when it is a whole one (else -1) */
	struct prefix {
		uint32_t code;
		int32_t id;
	} prefixes[ACROS_MAX * ACRO_MAX];
	size_t nprefixes;
	/* the same entries by hash (prefix_slot), code 0 an empty slot */
	struct prefix byhash[PREFIX_SLOTS];
	uint32_t first_letters; /* bit k: an acronym begins with 'a' + k */
	int32_t conn[sizeof connectors / sizeof *connectors];
};

/* Two to six capital ASCII letters and nothing else: an acronym. */
static size_t
acronym(const struct text *t, const struct tok *k, char *out)
{
	size_t n = k->slen;
	if (k->kind != TOK_WORD || n < ACRO_MIN || n > ACRO_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = t->buf[k->off + i];
		if (ch < 'A' || ch > 'Z')
			return 0;
		out[i] = (char)(ch - 'A' + 'a');
	}
	out[n] = '\0';
	return n;
}

static int
is_connector(const struct ctx *c, int32_t id)
{
	for (size_t i = 0; i < sizeof connectors / sizeof *connectors; i++)
		if (c->conn[i] == id)
			return 1;
	return 0;
}

static int
by_code(const void *a, const void *b)
{
	uint32_t x = ((const struct prefix *)a)->code,
	         y = ((const struct prefix *)b)->code;
	return x < y ? -1 : x > y;
}

static size_t prefix_slot(const struct ctx *c, uint32_t code);

/* The prefix table of the acronyms found (sorted, one entry a code; a
 * whole acronym's id wins over a prefix's -1). */
static void
build_prefixes(struct ctx *c)
{
	size_t n = 0;
	for (size_t a = 0; a < c->nacros; a++) {
		uint32_t code = 0;
		for (size_t k = 0; c->acros[a].s[k]; k++) {
			code = code << 5 |
			       (uint32_t)(c->acros[a].s[k] - 'a' + 1);
			c->prefixes[n].code = code;
			c->prefixes[n++].id =
			        c->acros[a].s[k + 1] ? -1 : c->acros[a].id;
		}
	}
	qsort(c->prefixes, n, sizeof *c->prefixes, by_code);
	size_t m = 0;
	for (size_t k = 0; k < n; k++) {
		if (m && c->prefixes[m - 1].code == c->prefixes[k].code) {
			if (c->prefixes[k].id >= 0)
				c->prefixes[m - 1].id = c->prefixes[k].id;
			continue;
		}
		c->prefixes[m++] = c->prefixes[k];
	}
	c->nprefixes = m;
	memset(c->byhash, 0, sizeof c->byhash);
	for (size_t k = 0; k < m; k++)
		c->byhash[prefix_slot(c, c->prefixes[k].code)] = c->prefixes[k];
}

/* The slot of byhash holding code (never 0), or the empty one where it
 * would go.  The table is never more than half full, so a probe ends. */
static size_t
prefix_slot(const struct ctx *c, uint32_t code)
{
	size_t i = (size_t)((code * 0x9E3779B1u) >> 22) & (PREFIX_SLOTS - 1);

	while (c->byhash[i].code && c->byhash[i].code != code)
		i = (i + 1) & (PREFIX_SLOTS - 1);
	return i;
}

/* The prefix table's entry for code (never 0), or NULL when no acronym
 * begins with the letters it spells. */
static const struct prefix *
find_prefix(const struct ctx *c, uint32_t code)
{
	const struct prefix *p = &c->byhash[prefix_slot(c, code)];

	return p->code ? p : NULL;
}

/* The id of the table word w[0..n): its key interned when the lines are
 * keys already (keys set), else what word gives. */
static int
table_word(struct intern *stems, int keys, alias_word_fn word, void *wctx,
           const char *w, size_t n, int32_t *id)
{
	uint32_t u;

	if (!keys)
		return word(wctx, w, n, id);
	if (intern_id(stems, w, n, &u) < 0)
		return -1;
	*id = (int32_t)u;
	return 0;
}

/* The table's names as id sequences, indexed by their first id; the
 * lines of table_keys when keys is set, else table's through word. */
static int
load_table(struct ctx *c, struct intern *stems, alias_word_fn word, void *wctx,
           int keys)
{
	size_t cap = 0;

	for (size_t line = 0; line < sizeof table / sizeof *table; line++) {
		const char *s = keys ? table_keys[line] : table[line];
		char key[32];
		uint32_t canon;
		int len = snprintf(key, sizeof key, "\001alias %zu", line);
		if (intern_id(stems, key, (size_t)len, &canon) < 0)
			return -1;
		while (*s) {
			const char *end = strstr(s, " = ");
			size_t vlen = end ? (size_t)(end - s) : strlen(s);
			struct name nm = {{0}, 0, (int32_t)canon, -1};
			const char *w = s;
			while (w < s + vlen && nm.n < NAME_WORDS) {
				const char *sp =
				        memchr(w, ' ', (size_t)(s + vlen - w));
				size_t wl = sp ? (size_t)(sp - w)
				               : (size_t)(s + vlen - w);
				if (table_word(stems, keys, word, wctx, w, wl,
				               &nm.w[nm.n]) < 0)
					return -1;
				nm.n++;
				w += wl + (sp ? 1 : 0);
			}
			if (c->nnames == cap) {
				size_t nc = cap ? cap * 2 : 64;
				struct name *nv =
				        realloc(c->names, nc * sizeof *nv);
				if (!nv)
					return -1;
				c->names = nv;
				cap = nc;
			}
			c->names[c->nnames++] = nm;
			s += vlen + (end ? 3 : 0);
		}
	}
	for (size_t i = 0; i < sizeof connectors / sizeof *connectors; i++)
		if (word(wctx, connectors[i], strlen(connectors[i]),
		         &c->conn[i]) < 0)
			return -1;
	return 0;
}

/* ---- loose ids per key, with exceptions (alias.h) ------------------- */

int
lid_init(struct lidmap *m, const uint32_t *key, size_t ntok, size_t nkeys)
{
	memset(m, 0, sizeof *m);
	m->key = key;
	m->nkeys = nkeys;
	m->bykey = malloc((nkeys + 1) * sizeof *m->bykey);
	m->exc = calloc(ntok / 8 + 1, 1);
	return m->bykey && m->exc ? 0 : -1;
}

void
lid_free(struct lidmap *m)
{
	free(m->bykey);
	free(m->exc);
	free(m->tab);
	memset(m, 0, sizeof *m);
}

int
lid_put(struct lidmap *m, size_t t, int32_t id)
{
	unsigned char bit = (unsigned char)(1u << (t & 7));

	if (m->exc[t >> 3] & bit) {
		m->tab[lid_slot(m->tab, m->cap, t)].id = id;
		return 0;
	}
	if (id == m->bykey[m->key[t]])
		return 0;
	if ((m->n + 1) * 2 > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 1024;
		struct lidexc *tab = calloc(cap, sizeof *tab);
		if (!tab)
			return -1;
		for (size_t i = 0; i < m->cap; i++)
			if (m->tab[i].t)
				tab[lid_slot(tab, cap, m->tab[i].t - 1)] =
				        m->tab[i];
		free(m->tab);
		m->tab = tab;
		m->cap = cap;
	}
	size_t i = lid_slot(m->tab, m->cap, t);
	m->tab[i].t = (uint32_t)(t + 1);
	m->tab[i].id = id;
	m->n++;
	m->exc[t >> 3] |= bit;
	return 0;
}

void
lid_map(struct lidmap *m, const int32_t *canon)
{
	for (size_t k = 0; k < m->nkeys; k++)
		if (m->bykey[k] >= 0)
			m->bykey[k] = canon[m->bykey[k]];
	for (size_t i = 0; i < m->cap; i++)
		if (m->tab[i].t && m->tab[i].id >= 0)
			m->tab[i].id = canon[m->tab[i].id];
}

/* The token after token i of side s that holds a word, if no punctuation
 * comes between; else l->n. */
static size_t
next_word(const struct alias_side *s, size_t i)
{
	for (i++; i < s->l->n; i++) {
		if (lid_of(s->lid, i) >= 0)
			return i;
		if (s->l->v[i].kind == TOK_PUNCT)
			break;
	}
	return s->l->n;
}

/* Tokens of the longest table name starting at token i, or 0. */
static size_t
match_table(const struct ctx *c, const struct alias_side *s, size_t i,
            int32_t *canon)
{
	size_t best = 0;
	int32_t id = lid_of(s->lid, i);

	if (id < 0 || (uint32_t)id >= c->nids)
		return 0;
	for (int32_t k = c->first[id]; k >= 0; k = c->names[k].next) {
		const struct name *nm = &c->names[k];
		size_t t = i, w = 0;
		while (w < nm->n && t < s->l->n &&
		       lid_of(s->lid, t) == nm->w[w]) {
			w++;
			if (w < nm->n)
				t = next_word(s, t);
		}
		if (w == nm->n && t + 1 - i > best) {
			best = t + 1 - i;
			*canon = nm->canon;
		}
	}
	return best;
}

/* Tokens of the longest run of capitalised words from token i whose
 * initials spell a known acronym, or 0. */
static size_t
match_initials(const struct ctx *c, const struct alias_side *s, size_t i,
               int32_t *canon)
{
	uint32_t code = 0;
	size_t n = 0, best = 0, t = i;

	while (t < s->l->n && n < ACRO_MAX) {
		const struct tok *k = &s->l->v[t];
		unsigned char ch = s->t->buf[k->off];
		if (k->kind == TOK_WORD && (k->flags & TOK_F_UPPER) &&
		    ch >= 'A' && ch <= 'Z') {
			/* a word in capitals gives all its letters ("UN
			 * Security Council Resolution", UNSCR), another its
			 * first */
			char a[ACRO_MAX + 1];
			size_t len = acronym(s->t, k, a);
			if (!len) {
				a[0] = (char)(ch - 'A' + 'a');
				len = 1;
			}
			if (n + len > ACRO_MAX)
				break;
			for (size_t q = 0; q < len; q++)
				code = code << 5 | (uint32_t)(a[q] - 'a' + 1);
			n += len;
			const struct prefix *p = find_prefix(c, code);
			if (!p)
				break; /* no acronym begins so */
			if (p->id >= 0 && n >= ACRO_MIN) {
				best = t + 1 - i;
				*canon = p->id;
			}
		} else if (t == i || !is_connector(c, lid_of(s->lid, t))) {
			break;
		}
		t = next_word(s, t);
	}
	return best;
}

/* Whether word token k, capitalised, gives match_initials its first
 * letter alone: it is no acronym (acronym gives 0), being one letter long
 * or its second byte no capital ASCII letter. */
static int
one_initial(const struct text *t, const struct tok *k)
{
	unsigned char ch = k->slen >= 2 ? t->buf[k->off + 1] : 0;

	return k->slen < 2 || ch < 'A' || ch > 'Z';
}

/* Could a run of two or more words spelling an acronym start at token
 * i?  Its first letter must begin an acronym, and the next word be
 * capitalised or a connector (a quick test before match_initials). */
static int
could_spell(const struct ctx *c, const struct alias_side *s, size_t i)
{
	unsigned char ch0 = s->t->buf[s->l->v[i].off];

	if (ch0 < 'A' || ch0 > 'Z' || !(c->first_letters >> (ch0 - 'A') & 1))
		return 0;
	size_t nx = next_word(s, i);
	if (nx >= s->l->n)
		return 0;
	const struct tok *k = &s->l->v[nx];
	if (!(k->flags & TOK_F_UPPER))
		return is_connector(c, lid_of(s->lid, nx));
	/* two capitalised words, neither in capitals (one letter each, where
	 * acronym would give all): when no acronym begins with their two
	 * initials, match_initials would stop at the second word having
	 * found none */
	unsigned char ch1 = s->t->buf[k->off];
	if (k->kind == TOK_WORD && ch1 >= 'A' && ch1 <= 'Z' &&
	    one_initial(s->t, k) && one_initial(s->t, &s->l->v[i]) &&
	    !find_prefix(c, (uint32_t)(ch0 - 'A' + 1) << 5 |
	                            (uint32_t)(ch1 - 'A' + 1)))
		return 0;
	return 1;
}

/* One side's part of alias_apply, which the two sides may do at once:
 * the acronyms it uses (collect_side), then its names made one word
 * (apply_side). */
struct sidejob {
	const struct ctx *c;
	struct alias_side *s;
	struct acro acros[ACROS_MAX]; /* the side's first, in order */
	size_t nacros;
	int rc;
};

/* The first ACROS_MAX acronyms (distinct) side j->s uses, in the order
 * they first come, into j->acros. */
static void
collect_side(struct sidejob *j)
{
	const struct alias_side *s = j->s;

	const struct tok *v = s->l->v;
	const unsigned char *buf = s->t->buf;

	/* the bound in a local: the stores to j->acros would have it read
	 * again each token */
	const size_t n = s->l->n;

	for (size_t i = 0; i < n && j->nacros < ACROS_MAX; i++) {
		/* acronym's first tests in line, the capital first (an
		 * acronym's first byte is one): most tokens fail them */
		if (!(v[i].flags & TOK_F_UPPER) || v[i].kind != TOK_WORD ||
		    (unsigned)v[i].slen - ACRO_MIN > ACRO_MAX - ACRO_MIN ||
		    buf[v[i].off] < 'A' || buf[v[i].off] > 'Z')
			continue;
		char a[ACRO_MAX + 1] = {0}; /* zeros after it: one memcmp */
		size_t known = 0;
		if (!acronym(s->t, &v[i], a)) /* before the id: cheaper */
			continue;
		int32_t id = lid_of(s->lid, i);
		if (id < 0)
			continue;
		while (known < j->nacros &&
		       memcmp(j->acros[known].s, a, sizeof a))
			known++;
		if (known == j->nacros) {
			memcpy(j->acros[j->nacros].s, a, sizeof a);
			j->acros[j->nacros++].id = id;
		}
	}
}

static size_t apply_at(const struct ctx *c, struct alias_side *s, size_t i);

/* Side j->s's names of the table and spelled-out acronyms made one word
 * each (alias_apply); j->rc 0, or -1 when memory ran out. */
static void
apply_side(struct sidejob *j)
{
	const struct ctx *c = j->c;
	struct alias_side *s = j->s;

	j->rc = -1;
	/* per key: whether its loose id begins a table name (match_table's
	 * first test), asked once a key rather than once a token */
	const struct lidmap *lid = s->lid;
	unsigned char *named = malloc(lid->nkeys + 1);
	if (!named)
		return;
	for (size_t k = 0; k < lid->nkeys; k++) {
		int32_t id = lid->bykey[k];
		named[k] =
		        id >= 0 && (uint32_t)id < c->nids && c->first[id] >= 0;
	}
	/* the content words only, by con's set bits; a name found takes its
	 * tokens (their bits cleared), and the walk goes on after them.  A
	 * word whose id is its key's (no bit of exc), whose key begins no
	 * name and which is not capitalised starts nothing (apply_at): passed
	 * over before its id is read */
	const unsigned char *exc = lid->exc; /* made once: never moves */
	const uint32_t *key = lid->key;
	const struct tok *v = s->l->v;
	size_t next = 0;
	for (size_t b = 0; b * 8 < s->l->n; b++) {
		for (unsigned bits = s->con[b]; bits; bits &= bits - 1) {
			size_t i = b * 8 + (size_t)__builtin_ctz(bits);
			if (i < next)
				continue;
			if (!(exc[b] >> (i & 7) & 1u) && !named[key[i]] &&
			    !(v[i].flags & TOK_F_UPPER))
				continue;
			size_t len = apply_at(c, s, i);
			if (len == SIZE_MAX) {
				free(named);
				return;
			}
			next = i + len;
		}
	}
	free(named);
	j->rc = 0;
}

/* Content word i of side s (alias_apply): the longest table name or
 * spelled-out acronym starting there made one word.  Its tokens (1 when
 * none starts there), or SIZE_MAX when memory ran out. */
static size_t
apply_at(const struct ctx *c, struct alias_side *s, size_t i)
{
	int32_t canon = -1, ic = -1;
	int32_t id = lid_of(s->lid, i);

	if (id < 0)
		return 1;
	/* most words start no table name (match_table's first test) and no
	 * acronym's letters (could_spell's): passed over */
	int named = (uint32_t)id < c->nids && c->first[id] >= 0;
	int spells = 0;
	if (s->l->v[i].flags & TOK_F_UPPER) {
		unsigned ch0 = s->t->buf[s->l->v[i].off] - (unsigned)'A';
		spells = ch0 < 26 && (c->first_letters >> ch0 & 1);
	}
	if (!named && !spells)
		return 1;
	size_t len = named ? match_table(c, s, i, &canon) : 0;
	size_t il = spells && could_spell(c, s, i)
	                    ? match_initials(c, s, i, &ic)
	                    : 0;
	if (il > len && il > 1) {
		len = il;
		canon = ic;
	}
	if (!len)
		return 1;
	if (tok_set(s->con, s->lid, i, canon) < 0)
		return SIZE_MAX;
	for (size_t t = i + 1; t < i + len; t++)
		if (tok_set(s->con, s->lid, t, -1) < 0)
			return SIZE_MAX;
	return len;
}

/* A step of one side (collect_side or apply_side) and its job. */
struct sidestep {
	void (*fn)(struct sidejob *);
	struct sidejob *j;
};

static void *
sidestep_run(void *arg)
{
	struct sidestep *st = arg;

	st->fn(st->j);
	return NULL;
}

/* fn for both sides' jobs: the rewrite's on a second thread when two is
 * set (and one starts), else one after the other. */
static void
both_sides(void (*fn)(struct sidejob *), struct sidejob j[2], int two)
{
	struct sidestep st = {fn, &j[1]};
	struct spawn_part part;

	if (!two) {
		fn(&j[0]);
		fn(&j[1]);
		return;
	}
	spawn_part_start(&part, sidestep_run, &st);
	fn(&j[0]);
	spawn_part_end(&part);
}

int
alias_apply(struct alias_side side[2], struct intern *stems, alias_word_fn word,
            void *wctx, int keys, int two)
{
	struct ctx c;
	struct sidejob *j = calloc(2, sizeof *j);
	int rc = -1;

	memset(&c, 0, sizeof c);
	if (!j || load_table(&c, stems, word, wctx, keys) < 0)
		goto out;
	/* the acronyms either text uses, the official text's first: the
	 * rewrite's first ACROS_MAX hold every one that a walk of the two
	 * texts in turn would take from it */
	for (int sd = 0; sd < 2; sd++)
		j[sd] = (struct sidejob){&c, &side[sd], {{{0}, 0}}, 0, -1};
	both_sides(collect_side, j, two);
	for (int sd = 0; sd < 2; sd++)
		for (size_t k = 0; k < j[sd].nacros && c.nacros < ACROS_MAX;
		     k++) {
			const struct acro *a = &j[sd].acros[k];
			size_t known = 0;
			while (known < c.nacros &&
			       strcmp(c.acros[known].s, a->s))
				known++;
			if (known == c.nacros) {
				c.acros[c.nacros++] = *a;
				c.first_letters |= 1u << (a->s[0] - 'a');
			}
		}
	build_prefixes(&c);
	c.nids = intern_count(stems);
	c.first = malloc(((size_t)c.nids + 1) * sizeof *c.first);
	if (!c.first)
		goto out;
	for (uint32_t k = 0; k < c.nids; k++)
		c.first[k] = -1;
	for (size_t k = c.nnames; k-- > 0;) {
		int32_t w0 = c.names[k].w[0];
		if (w0 >= 0 && (uint32_t)w0 < c.nids) {
			c.names[k].next = c.first[w0];
			c.first[w0] = (int32_t)k;
		}
	}
	both_sides(apply_side, j, two);
	rc = j[0].rc < 0 || j[1].rc < 0 ? -1 : 0;
out:
	free(j);
	free(c.names);
	free(c.first);
	return rc;
}
