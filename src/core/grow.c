/* grow.c - growable arrays (grow.h). */
#include "redline/grow.h"

#include <stdint.h>
#include <stdlib.h>

void *
grow_array(void *p, size_t *cap, size_t need, size_t size, size_t min)
{
	size_t nc, bytes;
	void *np;

	if (need <= *cap && p)
		return p;
	nc = *cap > SIZE_MAX / 2 ? SIZE_MAX : *cap * 2;
	if (nc < min)
		nc = min;
	if (nc < need)
		nc = need;
	if (size && nc > SIZE_MAX / size) {
		/* twice the room overflows: try just what is needed */
		if (need > SIZE_MAX / size)
			return NULL;
		nc = need;
	}
	bytes = nc * size;
	np = realloc(p, bytes ? bytes : 1);
	if (!np)
		return NULL;
	*cap = nc;
	return np;
}

void *
grow_fit(void *p, size_t *cap, size_t n, size_t size)
{
	size_t want = n ? n : 1;
	void *np;

	if (!p || want >= *cap || (size && want > SIZE_MAX / size))
		return p;
	np = realloc(p, want * size);
	if (!np)
		return p;
	*cap = want;
	return np;
}
