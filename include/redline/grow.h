/* grow.h - growable arrays: the one place that doubles an array's room,
 * with the overflow checks every such loop needs.
 */
#ifndef REDLINE_GROW_H
#define REDLINE_GROW_H

#include <stddef.h>

/* Room for at least need (>= 1) items of size bytes in the array p, whose
 * room is *cap items.  When need > *cap, p is reallocated to the larger of
 * need and twice *cap items (at least min), *cap is set to that, and the
 * new array is returned; otherwise p itself.  NULL when memory ran out or
 * the size in bytes would overflow: p is then still valid and *cap
 * unchanged.  Use as
 *     T *nv = grow_array(a->v, &a->cap, a->n + 1, sizeof *nv, 64);
 *     if (!nv) return -1;
 *     a->v = nv;
 */
void *grow_array(void *p, size_t *cap, size_t need, size_t size, size_t min);

/* The array p of n items of size bytes, its room *cap items, once no more
 * come: reallocated to n items (one at least), *cap set to that, and the
 * array returned, so that the room doubling left is given back.  When
 * that fails (or the room is already n) p itself, *cap unchanged: the
 * array stays valid either way.  Use as
 *     a->v = grow_fit(a->v, &a->cap, a->n, sizeof *a->v);
 */
void *grow_fit(void *p, size_t *cap, size_t n, size_t size);

#endif
