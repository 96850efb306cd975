/* pagescan.h - the work a web page would cost the HTML parser, measured
 * before it is parsed (internal to src/core; webpage.c is its one user).
 *
 * gumbo spends time in proportion to its stack of open elements for every
 * tag (its scope checks walk that stack), and in proportion to a tag's
 * attributes for every attribute (each is checked against the ones
 * before it): a page deep in open elements, or with one tag of very many
 * attributes, is quadratic.  page_scan tokenizes the page as the HTML5
 * tokenizer does and keeps the stack of open elements and the list of
 * active formatting elements as the tree builder would, erring on the side
 * of counting more, so that a page it passes is cheap to parse.
 */
#ifndef REDLINE_PAGESCAN_H
#define REDLINE_PAGESCAN_H

#include <stddef.h>

/* What page_scan finds. */
enum page_scan {
	PAGE_SCAN_OK = 0,
	PAGE_SCAN_NOMEM,  /* memory ran out */
	PAGE_SCAN_DEEP,   /* more than max_depth elements open at once */
	PAGE_SCAN_ATTRS,  /* a tag with more than max_attrs attributes */
	PAGE_SCAN_FOREIGN /* an SVG or MathML element named as a table, select
	                     or template part, which gumbo confuses with the
	                     HTML one (and then may abort) */
};

/* Scan the UTF-8 page s[0..n) as gumbo would parse it (the HTML5
 * tokenizer and tree builder, scripting off).  PAGE_SCAN_DEEP when the
 * stack of open elements (html and body included), or the active
 * formatting elements the parser would reopen, would hold more than
 * max_depth elements; PAGE_SCAN_ATTRS when a tag has more than max_attrs
 * attributes; PAGE_SCAN_FOREIGN at such an SVG or MathML element.  On any
 * of these, *where is the byte offset of the tag.  The count is an upper bound
 * on gumbo's wherever the two could differ (an element whose end is uncertain
 * stays open).  Time linear in n times the depth reached; memory in the depth.
 */
enum page_scan page_scan(const unsigned char *s, size_t n, size_t max_depth,
                         size_t max_attrs, size_t *where);

#endif
