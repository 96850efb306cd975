/* webpage.h - the text of a web page, for comparing pages with texts.
 *
 * A page is decoded from its character set, parsed by an HTML5 parser
 * (gumbo, the WHATWG parsing algorithm) and walked for its text: scripts,
 * styles, templates, the head and what a reader never sees (hidden,
 * aria-hidden, display: none, visibility: hidden, a closed dialog)
 * dropped; the page's chrome (navigation, page header and footer, asides,
 * forms, cookie banners) left out unless asked for, and with it everything
 * that is not the page's article where one is found (ad slots, share
 * buttons, related links, comments); each block element a
 * paragraph; entities decoded; white space folded.  The result is the text
 * every later offset indexes into.
 */
#ifndef REDLINE_WEBPAGE_H
#define REDLINE_WEBPAGE_H

#include <stddef.h>

/* Flags of html_extract. */
enum {
	HTML_KEEP_CHROME = 1 /* keep navigation, page header and footer,
	                        asides, forms and cookie banners, and do not
	                        look for the article: keep the whole page */
};

/* What html_extract returns. */
enum html_error {
	HTML_OK = 0,
	HTML_ERR_NOMEM,   /* memory ran out */
	HTML_ERR_CHARSET, /* the page names a character set iconv lacks */
	HTML_ERR_DEEP,    /* elements nested deeper than HTML_MAX_DEPTH */
	HTML_ERR_ATTRS,   /* a tag with more than HTML_MAX_ATTRS attributes */
	HTML_ERR_FOREIGN  /* SVG or MathML holding an element named as a
	                     table, select or template part: gumbo takes it
	                     for the HTML one and may abort */
};

/* The most elements open at once (html and body included) in a page read.
 * The parser's time grows with the square of that depth (200,000 nested
 * divs took 400 s, 350,000 "<div/>" in a row, which HTML5 does not close,
 * over 330 s and then a crash), and real pages nest a few dozen deep.  A
 * page is measured before it is parsed, its elements counted open and
 * closed as the HTML5 parser would (a p, li or td closed by the next, a
 * "<div/>" left open, a textarea's text not markup); where that is
 * uncertain the count errs upward. */
#define HTML_MAX_DEPTH 2000

/* The most attributes one tag may have.  The parser checks each against
 * those before it (a p with 100,000 attributes took 24 s); real tags have
 * a few, and a few dozen at most. */
#define HTML_MAX_ATTRS 1000

/* Longest character set name kept, with its NUL. */
#define HTML_CHARSET_MAX 40

/* Whether buf[0..n) looks like an HTML page: after a byte order mark and
 * white space it starts with '<', and its first kilobyte has a doctype or
 * an html, head, body, meta, title, p, div or article tag (after a UTF-16
 * byte order mark, in UTF-16).  1 or 0. */
int html_detect(const unsigned char *buf, size_t n);

/* The text of the page buf[0..n) under flags (HTML_*): unless
 * HTML_KEEP_CHROME, only its article where one is found (its headline,
 * byline and body, without the ad slots, share buttons, related lists and
 * comments in it), else all of it.  On HTML_OK, *out is
 * a malloc'd UTF-8 string of *outlen bytes (NUL after them), paragraphs
 * separated by a blank line and ended by a line feed (empty when the page
 * has no text), and charset holds the character set the page was read in
 * ("UTF-8", "WINDOWS-1252", ...).  The character set is a browser's: a byte
 * order mark (UTF-8, UTF-16LE or UTF-16BE) wins; else the page's
 * <meta charset> or http-equiv Content-Type in its first kilobyte, found
 * by HTML's prescan (not in a comment nor in an attribute's value) and
 * naming an encoding of the WHATWG Encoding Standard (other labels, such
 * as UTF-7, UTF-32 or EBCDIC ones, are ignored; a declared UTF-16 reads as
 * UTF-8, as it could only have been written in ASCII; ISO-2022-KR, HZ
 * and the like read as one U+FFFD, as browsers do); else UTF-8 when the
 * bytes are valid UTF-8, else windows-1252.  On HTML_ERR_CHARSET (iconv
 * lacks a standard encoding), charset holds its name.  Never fails on malformed
 * markup, only on memory (never a crash: the parser's allocations are checked),
 * an unknown character set, nesting past HTML_MAX_DEPTH, a tag past
 * HTML_MAX_ATTRS, or HTML_ERR_FOREIGN.  The C stack it needs does not grow with
 * the page. */
enum html_error html_extract(const unsigned char *buf, size_t n, unsigned flags,
                             char **out, size_t *outlen,
                             char charset[HTML_CHARSET_MAX]);

#endif
