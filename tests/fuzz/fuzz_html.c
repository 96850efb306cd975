/* fuzz_html.c - libFuzzer target: the web page reader (webpage.h).
 *
 * The first input byte picks the flags (keep the chrome; how the bytes are
 * loaded), the rest is the page.  Checks: the extractor returns text or
 * one of its errors, never crashes; the text is valid UTF-8 without NUL
 * bytes, NUL-terminated, ends with a line feed, never starts with white
 * space and never has more than one blank line in a row; loading the page
 * as a text gives the same bytes, and comparing it with itself finds no
 * difference.
 */
#include "fuzz.h"
#include "redline/webpage.h"
#include "redline/uni.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	char *out, cs[HTML_CHARSET_MAX];
	size_t len, bad;
	unsigned flags;
	enum html_error e;

	if (n < 1)
		return 0;
	flags = d[0] & 1 ? HTML_KEEP_CHROME : 0;
	(void)html_detect(d + 1, n - 1);
	e = html_extract(d + 1, n - 1, flags, &out, &len, cs);
	FUZZ_CHECK(e == HTML_OK || e == HTML_ERR_CHARSET ||
	           e == HTML_ERR_DEEP || e == HTML_ERR_ATTRS ||
	           e == HTML_ERR_FOREIGN);
	FUZZ_CHECK(memchr(cs, 0, sizeof cs) != NULL);
	if (e != HTML_OK)
		return 0;
	FUZZ_CHECK(out[len] == '\0');
	FUZZ_CHECK(memchr(out, 0, len) == NULL);
	FUZZ_CHECK(uni_valid((const unsigned char *)out, len, &bad));
	FUZZ_CHECK(len == 0 || out[len - 1] == '\n');
	FUZZ_CHECK(len == 0 || !strchr(" \t\n\r\f", out[0]));
	for (size_t i = 0; i + 2 < len; i++)
		FUZZ_CHECK(!(out[i] == '\n' && out[i + 1] == '\n' &&
		             out[i + 2] == '\n'));

	struct text t;
	struct text_where w;
	unsigned tf = TEXT_HTML | TEXT_LAX |
	              (d[0] & 1 ? (unsigned)TEXT_KEEP_CHROME : 0u);
	FUZZ_CHECK(text_from_memory(&t, "page", d + 1, n - 1, tf, &w) ==
	           TEXT_OK);
	FUZZ_CHECK(t.html && t.len == len && memcmp(t.buf, out, len) == 0);
	free(out);
	if (d[0] & 2) {
		struct cmp c;
		struct cmp_opt co = {0};
		co.words_only = 1;
		FUZZ_CHECK(cmp_run(&c, &t, &t, &co) == 0);
		FUZZ_CHECK(!cmp_differs(&c));
		cmp_free(&c);
	}
	text_done(&t);
	return 0;
}
