/* msg.c - the program's messages: one line on standard error, always
 * "redline: what: problem".
 *
 * Messages name files, and file names are input: every message is shown
 * as visible text on one line (uni_visible_line), so that no name can
 * move the cursor, change the terminal or start a new line.
 */
#include "msg.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "redline/uni.h"

/* Write s[0..n) to standard error, every character visible. */
static void
put_visible(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		int32_t cp;
		size_t len = uni_decode(s + i, n - i, &cp);
		int32_t show = uni_visible_line(cp);
		if (show == cp) {
			fwrite(s + i, 1, len, stderr);
		} else {
			unsigned char b[4];
			size_t k = uni_encode(show, b);
			fwrite(b, 1, k, stderr);
		}
		i += len;
	}
}

void
warnx(const char *fmt, ...)
{
	char small[MSG_MAX], *buf = small;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof small) {
		/* a long name: the whole message still, from the heap, or
		 * cut to what fitted when even that is not to be had */
		char *big = malloc((size_t)n + 1);
		if (big) {
			va_start(ap, fmt);
			vsnprintf(big, (size_t)n + 1, fmt, ap);
			va_end(ap);
			buf = big;
		} else {
			n = (int)sizeof small - 1;
		}
	}
	fputs("redline: ", stderr);
	put_visible((const unsigned char *)buf, (size_t)n);
	fputc('\n', stderr);
	if (buf != small)
		free(buf);
}

void
try_help(void)
{
	fputs("Try 'redline --help' for more information.\n", stderr);
}
