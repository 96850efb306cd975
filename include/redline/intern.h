/* intern.h - map comparison keys (byte strings) to small integer ids.
 *
 * Equal keys get equal ids, so the diff compares integers.  Ids are dense,
 * from 0, in order of first appearance.  One table serves both sides of a
 * comparison.
 */
#ifndef REDLINE_INTERN_H
#define REDLINE_INTERN_H

#include <stddef.h>
#include <stdint.h>

struct intern;

/* A new, empty table, or NULL when memory ran out.  Free with intern_free. */
struct intern *intern_new(void);

/* A copy of in, or NULL when memory ran out: the same keys with the same
 * ids, and later keys get the ids they would get in in.  Free with
 * intern_free. */
struct intern *intern_copy(const struct intern *in);

/* Release the table and every key it holds.  NULL is fine. */
void intern_free(struct intern *in);

/* A block of size bytes (size > 0) kept with in for a caller's cache of
 * its ids (an id never changes, so such a cache stays right for as long
 * as the table lives): zeroed on the first call, then the same block, as
 * the last caller left it, on every call asking the same size.  NULL when
 * memory ran out or the table keeps a block of another size.  intern_free
 * frees it; intern_copy does not copy it.  tok_split keeps its caches of
 * short keys here, so that the second text tokenized into a table starts
 * with the first one's and zeroes none of its own. */
void *intern_scratch(struct intern *in, size_t size);

/* Look up key[0..len), adding it if new; store its id in *id.  Returns 0, or
 * -1 when memory ran out (the table is unchanged then). */
int intern_id(struct intern *in, const char *key, size_t len, uint32_t *id);

/* Look up key[0..len) without adding it.  Returns 1 and sets *id when
 * present, else 0. */
int intern_find(const struct intern *in, const char *key, size_t len,
                uint32_t *id);

/* Number of distinct keys so far; ids run from 0 to this minus one. */
uint32_t intern_count(const struct intern *in);

/* The key of id (not NUL-terminated; length in *len).  The pointer stays
 * valid until the next intern_id call or intern_free. */
const char *intern_key(const struct intern *in, uint32_t id, size_t *len);

#endif
