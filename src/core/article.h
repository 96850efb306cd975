/* article.h - which part of a web page is its article (internal to
 * src/core; webpage.c is its one user).
 *
 * webpage.c walks a page twice.  On the first walk it tells this module
 * each element it enters and leaves and the text each holds, in order;
 * article_choose then scores the page's blocks and decides which elements
 * hold the article and which of the elements inside it are the page's
 * furniture (ad slots, share buttons, related links, comments).  On the
 * second walk, webpage.c asks the verdict of each element, numbered in
 * the order they were entered, and writes only the article's text.
 *
 * The module sees no HTML parser: element names and attributes come as
 * strings, text as the bytes the walk wrote.
 */
#ifndef REDLINE_ARTICLE_H
#define REDLINE_ARTICLE_H

#include <stddef.h>

struct article;

/* What article_verdict says of one element. */
enum article_verdict {
	ARTICLE_AS_PARENT = 0, /* shown if its parent is */
	ARTICLE_KEEP,          /* part of the article: shown, with all it holds
	                          except what is dropped inside it */
	ARTICLE_DROP           /* not shown, nor anything it holds */
};

/* A new, empty record of a page's elements; NULL when memory ran out.
 * Free it with article_free. */
struct article *article_new(void);

/* Free a, and all it holds; a may be NULL. */
void article_free(struct article *a);

/* Enter an element: its lowercase name, whether it is a block (it starts
 * a paragraph of the text), and its id, class and itemprop attributes
 * (NULL when absent), at byte offset at of the text written so far.  Elements
 * are numbered from 0 in the order they are entered.  0, or -1 when memory ran
 * out (a is then unchanged and may be freed). */
int article_enter(struct article *a, const char *name, int block,
                  const char *id, const char *cls, const char *itemprop,
                  size_t at);

/* The text s[0..n) the walk just wrote inside the element entered last
 * and not yet left. */
void article_text(struct article *a, const char *s, size_t n);

/* Leave the element entered last and not yet left, at byte offset at of
 * the text written so far. */
void article_leave(struct article *a, size_t at);

/* The text of a JSON-LD script (application/ld+json) of the page: an
 * "articleBody" string in it, the longest of all given, guides the
 * choice.  0, or -1 when memory ran out. */
int article_jsonld(struct article *a, const char *json);

/* Decide, once every element has been entered and left, which hold the
 * article; text[0..n) is all the walk wrote.  1 when an article was
 * found (only the elements kept, and what they hold, are then shown), 0
 * when none was (the page is shown whole, as though this module had not
 * been asked), -1 when memory ran out. */
int article_choose(struct article *a, const char *text, size_t n);

/* The verdict on element i (numbered as entered). */
enum article_verdict article_verdict(const struct article *a, size_t i);

/* The number of the first element after element i and all it holds. */
size_t article_after(const struct article *a, size_t i);

#endif
