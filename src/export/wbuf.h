/* wbuf.h (export, internal) - the exporters' output buffer.
 *
 * A write buffer in front of a stdio stream, or growing in memory: the
 * writers put bytes, strings, numbers and input text into it without a
 * call into stdio for each, and look at one error flag at the end.  A
 * failed write or allocation sets w->err and every later write does
 * nothing; wb_flush reports it.  Internal to src/export.
 */
#ifndef REDLINE_WBUF_H
#define REDLINE_WBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "redline/export.h"

struct wbuf {
	FILE *f;    /* where a full buffer goes; NULL: the buffer grows */
	char *p;    /* the bytes not yet written: p[0..n) */
	size_t n;   /* bytes held */
	size_t cap; /* room of p */
	int own;    /* p was allocated here (wb_mem), freed by wb_free */
	int err;    /* a write failed or memory ran out */
};

/* A buffer of the caller's room[0..cap) (cap >= 64) in front of f: full,
 * it is written to f. */
void wb_file(struct wbuf *w, FILE *f, char *room, size_t cap);

/* A buffer in memory that grows as needed (f NULL); wb_free releases it. */
void wb_mem(struct wbuf *w);

/* Release what wb_mem allocated; w is then empty. */
void wb_free(struct wbuf *w);

/* Write what w holds to its stream (nothing for a memory buffer): 0, or
 * -1 when any write since the start failed or memory ran out. */
int wb_flush(struct wbuf *w);

/* Make room for at least need more bytes at p + n: 0, or -1 (w->err set)
 * when a memory buffer cannot grow.  A stream's buffer is flushed first;
 * need may then still exceed its room (check w->cap - w->n). */
int wb_room(struct wbuf *w, size_t need);

/* s[0..n) as it is. */
void wb_put(struct wbuf *w, const void *s, size_t n);

/* One byte. */
static inline void
wb_putc(struct wbuf *w, char ch)
{
	if (w->n < w->cap || wb_room(w, 1) == 0)
		w->p[w->n++] = ch;
}

/* The NUL-terminated string s. */
void wb_puts(struct wbuf *w, const char *s);

/* n copies of byte ch. */
void wb_fill(struct wbuf *w, char ch, size_t n);

/* v in decimal. */
void wb_size(struct wbuf *w, size_t v);

/* As fprintf (through vsnprintf), for what the other writers do not
 * cover (fixed-point numbers). */
void wb_printf(struct wbuf *w, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* export_bytes: s[0..n) of an input, hidden characters shown as symbols,
 * with visible every control character too (writer.c). */
void wb_text(struct wbuf *w, const unsigned char *s, size_t n, int visible);

/* export_tokens: tokens [t0, t1) of l, from text t, each run of white
 * space between them as one space (writer.c). */
void wb_tokens(struct wbuf *w, const struct text *t, const struct toklist *l,
               uint32_t t0, uint32_t t1, int visible);

/* export_name: the file name name on one line as visible text
 * (writer.c). */
void wb_name(struct wbuf *w, const char *name);

/* export_sgr: the SGR sequence for sgr when o colours (color.c). */
void wb_sgr(struct wbuf *w, const struct export_opt *o, const char *sgr);

#endif
