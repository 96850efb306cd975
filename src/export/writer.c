/* writer.c (export) - the one place that writes input text to an output.
 *
 * Writes input text to an output buffer (wbuf.h), or through one to a
 * stream; with `visible`, through uni_visible, so that bytes of the inputs
 * reach a terminal only as printable text.  Hidden characters (uni_hidden)
 * are shown as symbols either way, and file names always as visible text
 * on one line (wb_name, export_name).
 */
#include <stdint.h>
#include <string.h>

#include "redline/export.h"
#include "redline/uni.h"
#include "wbuf.h"

/* Room for the stream writers' buffers on the stack. */
#define ROOM 4096

static void
put_cp(struct wbuf *w, int32_t cp)
{
	unsigned char b[4];
	size_t n = uni_encode(cp, b);

	if (n)
		wb_put(w, b, n);
	else
		w->err = 1;
}

/* s[0..n) to w with every code point map changes written as what map
 * gives; the rest as it is, in runs.  ASCII printable bytes never change
 * and take the short way. */
static void
put_mapped(struct wbuf *w, const unsigned char *s, size_t n,
           int32_t (*map)(int32_t))
{
	size_t i = 0, run = 0;

	while (i < n) {
		int32_t cp, show;
		size_t len;
		if (s[i] >= 0x20 && s[i] < 0x7F) {
			i++;
			continue;
		}
		len = uni_decode(s + i, n - i, &cp);
		show = map(cp);
		if (show == cp) {
			i += len;
			continue;
		}
		/* the clean run, then the substitute */
		wb_put(w, s + run, i - run);
		put_cp(w, show);
		i += len;
		run = i;
	}
	wb_put(w, s + run, i - run);
}

void
wb_text(struct wbuf *w, const unsigned char *s, size_t n, int visible)
{
	size_t i = 0;

	if (visible) {
		put_mapped(w, s, n, uni_visible);
		return;
	}
	/* the bytes as they are, but for hidden characters, which every
	 * output shows */
	while (i < n) {
		size_t h = uni_hidden_at(s + i, n - i);
		wb_put(w, s + i, h);
		i += h;
		if (i == n)
			break;
		int32_t cp;
		i += uni_decode(s + i, n - i, &cp);
		put_cp(w, uni_visible(cp));
	}
}

void
wb_tokens(struct wbuf *w, const struct text *t, const struct toklist *l,
          uint32_t t0, uint32_t t1, int visible)
{
	uint32_t k = t0;

	while (k < t1) {
		const struct tok *tk = &l->v[k];
		if (k > t0 && tk->space)
			wb_putc(w, ' ');
		/* the longest run of tokens from k that the text holds as they
		 * are written: each next one just after the last, or after
		 * one space where white space comes before it */
		size_t s = tk->off, e = tok_end(l, k);
		uint32_t j = k + 1;
		for (; j < t1; j++) {
			const struct tok *nx = &l->v[j];
			size_t gap = nx->space ? 1 : 0;
			if (nx->off != e + gap || (gap && t->buf[e] != ' '))
				break;
			e = tok_end(l, j);
		}
		wb_text(w, t->buf + s, e - s, visible);
		k = j;
	}
}

void
wb_name(struct wbuf *w, const char *name)
{
	name = text_label(name);
	put_mapped(w, (const unsigned char *)name, strlen(name),
	           uni_visible_line);
}

int
export_bytes(FILE *f, const unsigned char *s, size_t n, int visible)
{
	char room[ROOM];
	struct wbuf w;

	wb_file(&w, f, room, sizeof room);
	wb_text(&w, s, n, visible);
	return wb_flush(&w);
}

int
export_tokens(FILE *f, const struct text *t, const struct toklist *l,
              uint32_t t0, uint32_t t1, int visible)
{
	char room[ROOM];
	struct wbuf w;

	wb_file(&w, f, room, sizeof room);
	wb_tokens(&w, t, l, t0, t1, visible);
	return wb_flush(&w);
}

int
export_name(FILE *f, const char *name)
{
	char room[ROOM];
	struct wbuf w;

	wb_file(&w, f, room, sizeof room);
	wb_name(&w, name);
	return wb_flush(&w);
}
