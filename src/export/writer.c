/* writer.c (export) - the one place that writes input text to an output.
 *
 * Writes input text to an output; with `visible`, through uni_visible, so
 * that bytes of the inputs reach a terminal only as printable text.
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

int
export_bytes(FILE *f, const unsigned char *s, size_t n, int visible)
{
	size_t i = 0, run = 0;

	if (!visible)
		return n == 0 || fwrite(s, 1, n, f) == n ? 0 : -1;
	while (i < n) {
		int32_t cp, show;
		size_t len;
		if (s[i] >= 0x20 && s[i] < 0x7F) {
			i++;
			continue;
		}
		len = uni_decode(s + i, n - i, &cp);
		show = uni_visible(cp);
		if (show == cp) {
			i += len;
			continue;
		}
		/* flush the clean run, then the substitute */
		if (i > run && fwrite(s + run, 1, i - run, f) != i - run)
			return -1;
		if (put_cp(f, show) < 0)
			return -1;
		i += len;
		run = i;
	}
	if (i > run && fwrite(s + run, 1, i - run, f) != i - run)
		return -1;
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
