/* pagecharset.h - a web page's character set as a browser decides it
 * (internal to src/core; webpage.c is its one user).
 *
 * The WHATWG Encoding Standard names the encodings a browser knows and
 * the labels each goes by (utf8, latin1, sjis, ...); a label not among
 * them (UTF-7, UTF-32, the EBCDIC code pages, a name made up) is no
 * declaration at all.  HTML's prescan reads a page's first kilobyte as a
 * browser does: comments skipped, every tag's attributes read whole (so a
 * meta inside a comment or inside an attribute value declares nothing),
 * and a meta charset, or an http-equiv Content-Type with its content,
 * taken.
 */
#ifndef REDLINE_PAGECHARSET_H
#define REDLINE_PAGECHARSET_H

#include <stddef.h>

/* One of the Encoding Standard's encodings. */
struct page_encoding {
	const char *name;  /* as reported: "UTF-8", "WINDOWS-1252", ... */
	const char *iconv; /* its name for iconv_open; NULL for UTF-8, which
	                      needs no decoding, and for "REPLACEMENT", whose
	                      decoder reads any page as one U+FFFD */
};

/* The encoding the label s[0..n) names (ASCII white space around it
 * ignored, any case), or NULL when the Encoding Standard has no such
 * label. */
const struct page_encoding *page_encoding_label(const char *s, size_t n);

/* The encoding the page s[0..n) declares in its first 1024 bytes, by
 * HTML's prescan, or NULL when it declares none the standard knows.  As
 * there: a declared UTF-16 reads as UTF-8 (bytes that were UTF-16 could
 * not have declared it in ASCII), x-user-defined as windows-1252. */
const struct page_encoding *page_encoding_sniff(const unsigned char *s,
                                                size_t n);

/* The encodings of the byte order marks. */
extern const struct page_encoding page_utf8, page_utf16le, page_utf16be,
        page_windows1252;

#endif
