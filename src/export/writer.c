/* writer.c (export) - the one place that writes input text to an output.
 *
 * Writes input text to an output; with `visible`, through uni_visible, so
 * that bytes of the inputs reach a terminal only as printable text.
 * Hidden characters (uni_hidden) are shown as symbols either way, and
 * file names always as visible text on one line (export_name).
 */
#include <stdint.h>
#include <string.h>

#include "redline/export.h"
#include "redline/uni.h"

static int
put_cp(FILE *f, int32_t cp)
{
	unsigned char b[4];
	size_t n = uni_encode(cp, b);

	return n && fwrite(b, 1, n, f) == n ? 0 : -1;
}

/* s[0..n) to f with every code point map changes written as what map
 * gives; the rest as it is, in runs.  ASCII printable bytes never change
 * and take the short way. */
static int
put_mapped(FILE *f, const unsigned char *s, size_t n, int32_t (*map)(int32_t))
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
		/* flush the clean run, then the substitute */
		if ((i > run && fwrite(s + run, 1, i - run, f) != i - run) ||
		    put_cp(f, show) < 0)
			return -1;
		i += len;
		run = i;
	}
	if (i > run && fwrite(s + run, 1, i - run, f) != i - run)
		return -1;
	return 0;
}

int
export_bytes(FILE *f, const unsigned char *s, size_t n, int visible)
{
	size_t i = 0;

	if (visible)
		return put_mapped(f, s, n, uni_visible);
	/* the bytes as they are, but for hidden characters, which every
	 * output shows */
	while (i < n) {
		size_t h = uni_hidden_at(s + i, n - i);
		if (h && fwrite(s + i, 1, h, f) != h)
			return -1;
		i += h;
		if (i == n)
			break;
		int32_t cp;
		i += uni_decode(s + i, n - i, &cp);
		if (put_cp(f, uni_visible(cp)) < 0)
			return -1;
	}
	return 0;
}

int
export_tokens(FILE *f, const struct text *t, const struct toklist *l,
              uint32_t t0, uint32_t t1, int visible)
{
	for (uint32_t k = t0; k < t1; k++) {
		const struct tok *tk = &l->v[k];
		if (k > t0 && tk->space && fputc(' ', f) == EOF)
			return -1;
		if (export_bytes(f, t->buf + tk->off, tk->len, visible) < 0)
			return -1;
	}
	return 0;
}

int
export_name(FILE *f, const char *name)
{
	name = text_label(name);
	return put_mapped(f, (const unsigned char *)name, strlen(name),
	                  uni_visible_line);
}
