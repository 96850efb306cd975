/* intern.c - the key table: open addressing over a byte arena.
 *
 * Invariants: keys live back to back in one growable arena and are found by
 * offset, never by pointer (the arena moves when it grows); the slot array is
 * a power of two at most half full; slot value 0 means empty, otherwise it is
 * id + 1.
 */
#include "redline/grow.h"
#include "redline/intern.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	uint32_t hash;
	uint32_t len;
	size_t off;
};

struct intern {
	char *arena;
	size_t arena_len, arena_cap;
	struct entry *ent;
	uint32_t nent, ent_cap;
	uint32_t *slot;
	uint32_t mask; /* slot count minus one */
	void *scratch; /* intern_scratch's block, or NULL */
	size_t scratch_size;
};

/* Eight (or four) bytes of s as a number, in the machine's order. */
static inline uint64_t
load8(const char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	return w;
}

static inline uint32_t
load4(const char *s)
{
	uint32_t w;

	memcpy(&w, s, 4);
	return w;
}

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#define INLINE   inline __attribute__((always_inline))
#else
#define NOINLINE
#define INLINE inline
#endif

/* The hash of a long key (16 bytes or more: the id sequences of whole
 * sentences, see diff.c), eight bytes at a time through a multiply and
 * rotate, folded to 32 bits. */
static NOINLINE uint32_t
hash_long(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		h = (h ^ load8(s + i)) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0xC4CEB9FE1A85EC53u;
	h ^= h >> 32;
	return (uint32_t)h;
}

/* The bytes of a key under 16 bytes long (a word) as two words that may
 * overlap, the first and the last eight bytes, or four, or (under four
 * bytes) its first, middle and last bytes in one: *a and *b hold every
 * byte of it, so two keys of one length are the same when their words
 * are. */
static INLINE void
short_words(const char *s, size_t n, uint64_t *a, uint64_t *b)
{
	if (n >= 8) {
		*a = load8(s);
		*b = load8(s + n - 8);
	} else if (n >= 4) {
		*a = load4(s);
		*b = load4(s + n - 4);
	} else {
		*a = n ? (uint64_t)(unsigned char)s[0] << 16 |
		                     (uint64_t)(unsigned char)s[n / 2] << 8 |
		                     (unsigned char)s[n - 1]
		       : 0;
		*b = 0;
	}
}

/* The hash of key s[0..n): short keys (short_words) through multiplies,
 * no loop a byte; long ones by hash_long.  It decides slots only, never
 * ids. */
static INLINE uint32_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h, a, b;

	if (n >= 16)
		return hash_long(s, n);
	short_words(s, n, &a, &b);
	h = (a ^ 0x9E3779B97F4A7C15u) * 0xFF51AFD7ED558CCDu;
	h ^= (b + n) * 0xC4CEB9FE1A85EC53u;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9u;
	h ^= h >> 32;
	return (uint32_t)h;
}

struct intern *
intern_new(void)
{
	struct intern *in = calloc(1, sizeof *in);

	if (!in)
		return NULL;
	in->mask = 1023;
	in->slot = calloc((size_t)in->mask + 1, sizeof *in->slot);
	if (!in->slot) {
		free(in);
		return NULL;
	}
	return in;
}

struct intern *
intern_copy(const struct intern *in)
{
	struct intern *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	c->mask = in->mask;
	c->slot = malloc(((size_t)in->mask + 1) * sizeof *c->slot);
	c->ent = malloc((in->nent ? in->nent : 1) * sizeof *c->ent);
	c->arena = malloc(in->arena_len ? in->arena_len : 1);
	if (!c->slot || !c->ent || !c->arena) {
		intern_free(c);
		return NULL;
	}
	memcpy(c->slot, in->slot, ((size_t)in->mask + 1) * sizeof *c->slot);
	if (in->nent)
		memcpy(c->ent, in->ent, in->nent * sizeof *c->ent);
	if (in->arena_len)
		memcpy(c->arena, in->arena, in->arena_len);
	c->nent = c->ent_cap = in->nent;
	c->arena_len = c->arena_cap = in->arena_len;
	return c;
}

void
intern_free(struct intern *in)
{
	if (!in)
		return;
	free(in->arena);
	free(in->ent);
	free(in->slot);
	free(in->scratch);
	free(in);
}

void *
intern_scratch(struct intern *in, size_t size)
{
	if (!in->scratch) {
		in->scratch = calloc(1, size);
		in->scratch_size = in->scratch ? size : 0;
		return in->scratch;
	}
	return in->scratch_size == size ? in->scratch : NULL;
}

static int
grow_slots(struct intern *in)
{
	uint32_t nmask = in->mask * 2 + 1, i;
	uint32_t *ns;

	if (nmask < in->mask)
		return -1;
	ns = calloc((size_t)nmask + 1, sizeof *ns);
	if (!ns)
		return -1;
	for (i = 0; i < in->nent; i++) {
		uint32_t s = in->ent[i].hash & nmask;
		while (ns[s])
			s = (s + 1) & nmask;
		ns[s] = i + 1;
	}
	free(in->slot);
	in->slot = ns;
	in->mask = nmask;
	return 0;
}

/* Key key[0..len), hash h, not in the table: added as the next id, in
 * slot s (the empty slot its probe ended at), making room first where
 * needed (add's slow way, and the way of long keys).  0 or -1. */
static NOINLINE int
add_grow(struct intern *in, const char *key, size_t len, uint32_t h, uint32_t s,
         uint32_t *id)
{
	if (len > UINT32_MAX || in->nent == UINT32_MAX - 1)
		return -1;
	if (in->nent + 1 > in->mask / 2) {
		if (grow_slots(in) < 0)
			return -1;
		s = h &
		    in->mask; /* the probe found no match; find a free slot */
		while (in->slot[s])
			s = (s + 1) & in->mask;
	}
	if (in->nent == in->ent_cap) {
		uint32_t ncap = in->ent_cap ? in->ent_cap * 2 : 1024;
		struct entry *ne;
		if (ncap < in->ent_cap)
			return -1;
		ne = realloc(in->ent, (size_t)ncap * sizeof *ne);
		if (!ne)
			return -1;
		in->ent = ne;
		in->ent_cap = ncap;
	}
	if (in->arena_len + len > in->arena_cap) {
		char *na;
		if (len > SIZE_MAX - in->arena_len)
			return -1;
		na = grow_array(in->arena, &in->arena_cap, in->arena_len + len,
		                1, 16384);
		if (!na)
			return -1;
		in->arena = na;
	}
	if (len)
		memcpy(in->arena + in->arena_len, key, len);
	in->ent[in->nent].hash = h;
	in->ent[in->nent].len = (uint32_t)len;
	in->ent[in->nent].off = in->arena_len;
	in->arena_len += len;
	in->slot[s] = in->nent + 1;
	*id = in->nent++;
	return 0;
}

/* Copy s[0..n) (n under 16) to d as short_words reads it: two stores
 * that may overlap, or the three bytes that are every byte of a key
 * under four, where memcpy's call costs more than the copy. */
static INLINE void
put_short(char *d, const char *s, size_t n)
{
	if (n >= 8) {
		uint64_t a = load8(s), b = load8(s + n - 8);
		memcpy(d, &a, 8);
		memcpy(d + n - 8, &b, 8);
	} else if (n >= 4) {
		uint32_t a = load4(s), b = load4(s + n - 4);
		memcpy(d, &a, 4);
		memcpy(d + n - 4, &b, 4);
	} else if (n) {
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	}
}

/* add_grow's work where there is room for the key and it is under 16
 * bytes (nearly every new key): no call but the tail call to add_grow
 * otherwise, so that it saves and restores no registers, and intern_id,
 * whose lookup is nearly every call, none for it either.  The table ends
 * as add_grow would leave it.  0 or -1. */
static NOINLINE int
add(struct intern *in, const char *key, size_t len, uint32_t h, uint32_t s,
    uint32_t *id)
{
	uint32_t n = in->nent;
	size_t at = in->arena_len;

	if (len >= 16 || n + 1 > in->mask / 2 || n == in->ent_cap ||
	    in->arena_cap - at <= len)
		return add_grow(in, key, len, h, s, id);
	put_short(in->arena + at, key, len);
	in->ent[n].hash = h;
	in->ent[n].len = (uint32_t)len;
	in->ent[n].off = at;
	in->arena_len = at + len;
	in->slot[s] = n + 1;
	in->nent = n + 1;
	*id = n;
	return 0;
}

/* The slot holding key key[0..len) (hash h), or the empty slot where its
 * probe ends.  Keys under 16 bytes compare as their short_words, without
 * a call (so that the loop needs no saved registers); longer ones by
 * memcmp, in a function of its own. */
static INLINE uint32_t
probe_short(const struct intern *in, const char *key, size_t len, uint32_t h)
{
	uint32_t s = h & in->mask, v;
	uint64_t a, b;

	short_words(key, len, &a, &b);
	while ((v = in->slot[s]) != 0) {
		const struct entry *e = &in->ent[v - 1];
		if (e->hash == h && e->len == len) {
			uint64_t ea, eb;
			short_words(in->arena + e->off, len, &ea, &eb);
			if (ea == a && eb == b)
				break;
		}
		s = (s + 1) & in->mask;
	}
	return s;
}

static NOINLINE uint32_t
probe_long(const struct intern *in, const char *key, size_t len, uint32_t h)
{
	uint32_t s = h & in->mask, v;

	while ((v = in->slot[s]) != 0) {
		const struct entry *e = &in->ent[v - 1];
		if (e->hash == h && e->len == len &&
		    memcmp(in->arena + e->off, key, len) == 0)
			break;
		s = (s + 1) & in->mask;
	}
	return s;
}

/* intern_id and intern_find for keys of 16 bytes or more, out of line: the
 * short keys' path then makes no call but a tail call, and saves no
 * registers. */
static NOINLINE int
id_long(struct intern *in, const char *key, size_t len, uint32_t *id)
{
	uint32_t h = hash_long(key, len), s = probe_long(in, key, len, h);

	if (!in->slot[s])
		return add(in, key, len, h, s, id);
	*id = in->slot[s] - 1;
	return 0;
}

static NOINLINE int
find_long(const struct intern *in, const char *key, size_t len, uint32_t *id)
{
	uint32_t s = probe_long(in, key, len, hash_long(key, len));

	if (!in->slot[s])
		return 0;
	*id = in->slot[s] - 1;
	return 1;
}

int
intern_id(struct intern *in, const char *key, size_t len, uint32_t *id)
{
	if (len >= 16)
		return id_long(in, key, len, id);
	uint32_t h = hash_bytes(key, len), s = probe_short(in, key, len, h),
	         v = in->slot[s];
	if (!v)
		return add(in, key, len, h, s, id);
	*id = v - 1;
	return 0;
}

int
intern_find(const struct intern *in, const char *key, size_t len, uint32_t *id)
{
	if (len >= 16)
		return find_long(in, key, len, id);
	uint32_t v = in->slot[probe_short(in, key, len, hash_bytes(key, len))];
	if (!v)
		return 0;
	*id = v - 1;
	return 1;
}

uint32_t
intern_count(const struct intern *in)
{
	return in->nent;
}

const char *
intern_key(const struct intern *in, uint32_t id, size_t *len)
{
	*len = in->ent[id].len;
	return in->arena + in->ent[id].off;
}
