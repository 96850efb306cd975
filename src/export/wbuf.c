/* wbuf.c (export) - the exporters' output buffer (wbuf.h): its room,
 * flushing and growth, and the plain writes into it (bytes, strings,
 * numbers, printf).  What writes input text is in writer.c.
 */
#include "wbuf.h"

#include <stdlib.h>
#include <string.h>

#include "redline/grow.h"

void
wb_file(struct wbuf *w, FILE *f, char *room, size_t cap)
{
	*w = (struct wbuf){.f = f, .p = room, .cap = cap};
}

void
wb_mem(struct wbuf *w)
{
	*w = (struct wbuf){.own = 1};
}

void
wb_free(struct wbuf *w)
{
	if (w->own)
		free(w->p);
	w->p = NULL;
	w->n = w->cap = 0;
}

/* Write the held bytes to the stream. */
static void
drain(struct wbuf *w)
{
	if (w->n && !w->err && fwrite(w->p, 1, w->n, w->f) != w->n)
		w->err = 1;
	w->n = 0;
}

int
wb_flush(struct wbuf *w)
{
	if (w->f)
		drain(w);
	return w->err ? -1 : 0;
}

int
wb_room(struct wbuf *w, size_t need)
{
	if (w->err)
		return -1;
	if (w->cap - w->n >= need)
		return 0;
	if (w->f) {
		drain(w);
		return w->err ? -1 : 0;
	}
	if (need > SIZE_MAX - w->n) {
		w->err = 1;
		return -1;
	}
	char *np = grow_array(w->p, &w->cap, w->n + need, 1, 4096);
	if (!np) {
		w->err = 1;
		return -1;
	}
	w->p = np;
	return 0;
}

void
wb_put(struct wbuf *w, const void *s, size_t n)
{
	if (!n || wb_room(w, n) < 0)
		return;
	if (w->cap - w->n < n) {
		/* longer than a stream's whole buffer: straight through */
		if (fwrite(s, 1, n, w->f) != n)
			w->err = 1;
		return;
	}
	memcpy(w->p + w->n, s, n);
	w->n += n;
}

void
wb_puts(struct wbuf *w, const char *s)
{
	wb_put(w, s, strlen(s));
}

void
wb_fill(struct wbuf *w, char ch, size_t n)
{
	while (n && wb_room(w, 1) == 0) {
		size_t k = w->cap - w->n < n ? w->cap - w->n : n;
		memset(w->p + w->n, ch, k);
		w->n += k;
		n -= k;
	}
}

void
wb_size(struct wbuf *w, size_t v)
{
	char b[24], *p = b + sizeof b;

	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	wb_put(w, p, (size_t)(b + sizeof b - p));
}

void
wb_printf(struct wbuf *w, const char *fmt, ...)
{
	char b[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b, sizeof b, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof b) {
		wb_put(w, b, (size_t)n);
		return;
	}
	/* longer than the stack buffer: once more, on the heap */
	char *big = n < 0 ? NULL : malloc((size_t)n + 1);
	if (!big) {
		w->err = 1;
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		w->err = 1;
	else
		wb_put(w, big, (size_t)n);
	free(big);
}
