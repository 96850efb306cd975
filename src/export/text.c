/* text.c (export) - the one place that writes input text to an output.
 *
 * Owns the rule that bytes of the inputs reach a terminal only as printable
 * text: with `visible`, C0 controls show as their U+2400 control pictures,
 * DEL as U+2421, C1 controls and invalid bytes as U+FFFD, and a tab as a
 * space.  Line breaks pass through.
 */
#include <stdint.h>
#include <string.h>

#include "redline/export.h"
#include "redline/uni.h"

static int
put_cp(FILE *f, unsigned cp)
{
	unsigned char b[3] = {(unsigned char)(0xE0 | (cp >> 12)),
	                      (unsigned char)(0x80 | ((cp >> 6) & 0x3F)),
	                      (unsigned char)(0x80 | (cp & 0x3F))};
	return fwrite(b, 1, 3, f) == 3 ? 0 : -1;
}

int
export_bytes(FILE *f, const unsigned char *s, size_t n, int visible)
{
	size_t i = 0, run = 0;

	if (!visible)
		return n == 0 || fwrite(s, 1, n, f) == n ? 0 : -1;
	while (i < n) {
		int32_t cp;
		size_t len;
		if (s[i] >= 0x20 && s[i] < 0x7F) {
			i++;
			continue;
		}
		len = uni_decode(s + i, n - i, &cp);
		if (cp == '\n' ||
		    (cp >= 0xA0 && uni_class(cp) != UNI_CONTROL)) {
			i += len;
			continue;
		}
		/* flush the clean run, then the substitute */
		if (i > run && fwrite(s + run, 1, i - run, f) != i - run)
			return -1;
		if (cp == '\t' || cp == '\r') {
			if (fputc(' ', f) == EOF)
				return -1;
		} else if (cp >= 0 && cp < 0x20) {
			if (put_cp(f, 0x2400u + (unsigned)cp) < 0)
				return -1;
		} else if (cp == 0x7F) {
			if (put_cp(f, 0x2421u) < 0)
				return -1;
		} else if (put_cp(f, 0xFFFDu) < 0) {
			return -1;
		}
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
