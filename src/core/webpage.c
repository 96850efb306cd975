/* webpage.c - the text of a web page (webpage.h): character set, parse, walk.
 *
 * Owns reading pages.  The parser is gumbo, Debian's libgumbo: it follows
 * the WHATWG HTML5 parsing algorithm (the tree a browser builds, however
 * broken the markup), needs nothing else, and gives a read-only tree; it
 * reads UTF-8 only, so the page is first decoded here with iconv, in the
 * encoding a browser would pick (pagecharset.c).  Before gumbo sees a
 * page, pagescan.c bounds the work its parse would take; gumbo allocates
 * from a checked heap of this file's, which ends the parse cleanly when
 * memory runs out and frees the tree without recursing.
 *
 * The walk keeps an explicit stack (a page nested a million deep costs
 * memory, not the C stack) and writes text as it goes:
 *   - dropped with all they hold, as a reader never sees them: the head,
 *     script, style, template, noscript, noembed, noframes, svg, math,
 *     iframe, object, embed, canvas, form controls, a dialog that is not
 *     open, and any element with the hidden attribute, aria-hidden="true"
 *     or an inline style of display: none;
 *   - the text of an element styled visibility: hidden (or collapse) is
 *     dropped, but not that of one inside it styled visibility: visible;
 *   - the chrome, dropped unless HTML_KEEP_CHROME: nav, aside, form, an
 *     open dialog, a header or footer that is not inside an article, main,
 *     section, aside or nav (HTML's own rule for the page's banner and
 *     footer), elements with a role token (any case) of navigation,
 *     banner, contentinfo, complementary, search, dialog or alertdialog,
 *     and elements whose id or a class names a cookie, consent or GDPR
 *     notice by its words (chrome_token: "cookie-banner", "CookieNotice",
 *     "gdpr"; not "cookie-recipe");
 *   - unless HTML_KEEP_CHROME, the rest of the page's furniture: the walk
 *     runs twice, the first time telling article.c every element and its
 *     text, the second writing only what article.c kept of them (the
 *     article, its headline and byline, without the ad slots, share
 *     buttons, related lists and comments inside it); when article.c
 *     finds no article, the first walk's text is the page's;
 *   - a block element (p, div, headings, list items, table cells, ...)
 *     starts and ends a paragraph: a blank line; br a line break;
 *   - white space folds to one space, except line breaks inside pre;
 *   - entities are decoded by the parser; NUL and invalid bytes become
 *     U+FFFD.
 */
#include "redline/webpage.h"

#include <ctype.h>
#include <errno.h>
#include <gumbo.h>
#include <iconv.h>
#include <stdio.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "redline/grow.h"
#include "redline/uni.h"
#include "article.h"
#include "pagecharset.h"
#include "pagescan.h"

#define PRESCAN 1024 /* bytes searched for the character set and tags */

static const char *const dropped[] = {
        "head",   "script", "style",   "template", "noscript", "svg",
        "math",   "iframe", "object",  "embed",    "canvas",   "select",
        "option", "button", "input",   "textarea", "audio",    "video",
        "map",    "title",  "noembed", "noframes",
};

static const char *const chrome[] = {"nav", "aside", "form", "dialog"};

static const char *const chrome_roles[] = {
        "navigation", "banner", "contentinfo", "complementary",
        "search",     "dialog", "alertdialog",
};

/* The words of an id or class that name a consent notice by themselves,
 * and those that do beside "cookie" or "cookies" (a "cookie-recipe" is
 * no notice). */
static const char *const chrome_words[] = {"consent", "gdpr"};
static const char *const cookie_words[] = {
        "accept",  "alert",  "banner",     "bar",    "bot",          "box",
        "consent", "dialog", "disclaimer", "info",   "law",          "layer",
        "message", "modal",  "msg",        "notice", "notification", "overlay",
        "policy",  "pop",    "popup",      "prompt", "wall",         "warning",
};

static const char *const blocks[] = {
        "address", "article",  "aside",      "blockquote", "body",   "caption",
        "center",  "dd",       "details",    "dialog",     "div",    "dl",
        "dt",      "fieldset", "figcaption", "figure",     "footer", "form",
        "h1",      "h2",       "h3",         "h4",         "h5",     "h6",
        "header",  "hgroup",   "hr",         "html",       "legend", "li",
        "main",    "menu",     "nav",        "ol",         "p",      "pre",
        "section", "summary",  "table",      "tbody",      "td",     "tfoot",
        "th",      "thead",    "tr",         "ul",
};

static int
in_list(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return 1;
	return 0;
}

#define IN(name, list) in_list(name, list, sizeof list / sizeof list[0])

/* ---- character set --------------------------------------------------- */

/* Case-insensitive search for the NUL-terminated w in s[0..n). */
static const unsigned char *
find_ci(const unsigned char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp((const char *)s + i, w, k) == 0)
			return s + i;
	return NULL;
}

/* The encoding of a byte order mark at the start of s[0..n), and its
 * length in *bom; NULL when there is none. */
static const struct page_encoding *
bom(const unsigned char *s, size_t n, size_t *len)
{
	*len = 0;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		*len = 3;
		return &page_utf8;
	}
	if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		*len = 2;
		return &page_utf16le;
	}
	if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		*len = 2;
		return &page_utf16be;
	}
	return NULL;
}

/* Append the UTF-8 of U+FFFD. */
static int
put_fffd(char **o, size_t *len, size_t *cap)
{
	char *nv = grow_array(*o, cap, *len + 4, 1, 256);
	if (!nv)
		return -1;
	*o = nv;
	memcpy(*o + *len, "\xEF\xBF\xBD", 3);
	*len += 3;
	return 0;
}

/* s[0..n) in the encoding iconv calls cs as UTF-8 in *out (malloc'd,
 * NUL-terminated); bytes that do not decode become U+FFFD. */
static enum html_error
decode(const unsigned char *s, size_t n, const char *cs, char **out,
       size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", cs);
	size_t cap = 0, len = 0;
	char *o = NULL;
	char *in = (char *)(uintptr_t)s; /* iconv's prototype; not written */
	size_t left = n;

	if (cd == (iconv_t)-1)
		return HTML_ERR_CHARSET;
	while (left > 0) {
		char *nv = grow_array(o, &cap, len + left * 4 + 16, 1, 256);
		if (!nv)
			goto nomem;
		o = nv;
		char *dst = o + len;
		size_t room = cap - len - 1;
		size_t r = iconv(cd, &in, &left, &dst, &room);
		len = (size_t)(dst - o);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL: one byte that does not decode */
		if (put_fffd(&o, &len, &cap) < 0)
			goto nomem;
		in++;
		left--;
	}
	iconv_close(cd);
	if (!o) {
		o = malloc(1);
		if (!o)
			return HTML_ERR_NOMEM;
	}
	o[len] = '\0';
	*out = o;
	*outlen = len;
	return HTML_OK;
nomem:
	iconv_close(cd);
	free(o);
	return HTML_ERR_NOMEM;
}

int
html_detect(const unsigned char *buf, size_t n)
{
	static const char *const tags[] = {
	        "<!doctype html", "<html", "<head", "<body", "<meta",
	        "<title",         "<p>",   "<p ",   "<div",  "<article",
	};
	unsigned char ascii[PRESCAN];
	size_t i = 0;
	const struct page_encoding *e = bom(buf, n, &i);

	if (e == &page_utf16le || e == &page_utf16be) {
		/* its code units below 128 as bytes, the rest as '?' */
		size_t k = 0, hi = e == &page_utf16be ? 0 : 1;
		for (; k < sizeof ascii && i + 1 < n; k++, i += 2)
			ascii[k] = buf[i + hi] || buf[i + 1 - hi] > 127
			                   ? '?'
			                   : buf[i + 1 - hi];
		buf = ascii;
		n = k;
		i = 0;
	}
	while (i < n && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' ||
	                 buf[i] == '\r' || buf[i] == '\f'))
		i++;
	if (i >= n || buf[i] != '<')
		return 0;
	size_t m = n - i < PRESCAN ? n - i : PRESCAN;
	for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++)
		if (find_ci(buf + i, m, tags[k]))
			return 1;
	return 0;
}

/* ---- the parse --------------------------------------------------------- */

/* gumbo's memory.  gumbo allocates through these, so that when memory
 * runs out the parse can be left (gumbo itself would use the NULL) and
 * everything it had taken freed, and so that the tree is freed at once:
 * gumbo_destroy_output calls itself once per level of the tree, and the C
 * stack would not last on a deep one (page_scan bounds the depth too, but
 * a free that cannot recurse needs no bound).
 *
 * Small blocks (the nodes, short strings and vectors, most of a tree) are
 * cut from chunks, each after an 8-byte header giving its size class, and
 * go on a free list of their class when gumbo frees them; larger ones are
 * malloc'd behind a header that links them into a list.  Either costs
 * what malloc's own header and rounding would (a header on every block
 * linking it into a list cost a third more memory on a page of 100,000
 * paragraphs), and a block is aligned as malloc's are. */
#define HEAP_UNIT    16    /* blocks are multiples of it, aligned to it */
#define HEAP_SMALL   1024  /* the largest small block, with its header */
#define HEAP_CHUNK   65536 /* bytes of a chunk of small blocks */
#define HEAP_CLASSES (HEAP_SMALL / HEAP_UNIT + 1)

_Static_assert(_Alignof(max_align_t) <= HEAP_UNIT,
               "blocks are aligned to HEAP_UNIT");

/* A large block's header; tag, last, is 0 (a small block's header holds
 * its class, never 0). */
struct large {
	struct large *prev, *next;
	uint64_t pad, tag;
};

/* The start of a chunk: the one made before it. */
struct chunk {
	struct chunk *next;
	uint64_t pad;
};

struct heap {
	struct large head;         /* circular list of large blocks */
	struct chunk *chunks;      /* the newest first */
	unsigned char *room, *end; /* what is left of the newest chunk */
	void *free[HEAP_CLASSES];  /* freed small blocks of each class */
	jmp_buf out;               /* where a failed allocation goes */
};

static void *
heap_alloc(void *ud, size_t size)
{
	struct heap *h = ud;

	if (size <= HEAP_SMALL - 8) {
		uint64_t c = (size + 8 + HEAP_UNIT - 1) / HEAP_UNIT;
		size_t need = (size_t)c * HEAP_UNIT;
		void *p = h->free[c];
		if (p) {
			memcpy(&h->free[c], p, sizeof p);
			return p;
		}
		if (!h->room || (size_t)(h->end - h->room) < need) {
			struct chunk *k = malloc(HEAP_CHUNK);
			if (!k)
				longjmp(h->out, 1);
			k->next = h->chunks;
			h->chunks = k;
			/* headers at 8 past a unit, so blocks start at one */
			h->room = (unsigned char *)(k + 1) + HEAP_UNIT - 8;
			h->end = (unsigned char *)k + HEAP_CHUNK;
		}
		memcpy(h->room, &c, 8);
		p = h->room + 8;
		h->room += need;
		return p;
	}
	struct large *l = NULL;
	if (size <= SIZE_MAX - sizeof *l)
		l = malloc(sizeof *l + size);
	if (!l)
		longjmp(h->out, 1);
	l->tag = 0;
	l->prev = &h->head;
	l->next = h->head.next;
	h->head.next->prev = l;
	h->head.next = l;
	return l + 1;
}

static void
heap_free(void *ud, void *ptr)
{
	struct heap *h = ud;
	uint64_t c;

	if (!ptr)
		return;
	memcpy(&c, (unsigned char *)ptr - 8, 8);
	if (c) {
		memcpy(ptr, &h->free[c], sizeof ptr);
		h->free[c] = ptr;
		return;
	}
	struct large *l = (struct large *)ptr - 1;
	l->prev->next = l->next;
	l->next->prev = l->prev;
	free(l);
}

static void
heap_init(struct heap *h)
{
	memset(h->free, 0, sizeof h->free);
	h->head.prev = h->head.next = &h->head;
	h->chunks = NULL;
	h->room = h->end = NULL;
}

/* Free every block still taken: the whole tree, or what a parse left
 * when it was abandoned. */
static void
heap_done(struct heap *h)
{
	struct large *l = h->head.next;

	while (l != &h->head) {
		struct large *next = l->next;
		free(l);
		l = next;
	}
	while (h->chunks) {
		struct chunk *next = h->chunks->next;
		free(h->chunks);
		h->chunks = next;
	}
	heap_init(h);
}

/* gumbo's parse of src[0..n), or NULL when memory ran out (what it had
 * taken is then still in h). */
static GumboOutput *
parse(struct heap *h, const GumboOptions *opt, const char *src, size_t n)
{
	if (setjmp(h->out))
		return NULL;
	return gumbo_parse_with_options(opt, src, n);
}

/* ---- the walk -------------------------------------------------------- */

struct out {
	char *s;
	size_t len, cap;
	int brk;   /* break owed before the next text: 0, 1 line, 2 para */
	int space; /* a space owed before the next text */
	int pre;   /* inside pre elements */
};

static int
put(struct out *o, const char *s, size_t n)
{
	char *nv = grow_array(o->s, &o->cap, o->len + n + 1, 1, 4096);
	if (!nv)
		return -1;
	o->s = nv;
	memcpy(o->s + o->len, s, n);
	o->len += n;
	return 0;
}

static int
put_text(struct out *o, const char *s)
{
	for (const char *p = s; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '\n' && o->pre) {
			if (o->brk < 1)
				o->brk = 1;
			continue;
		}
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
		    ch == '\f') {
			o->space = 1;
			continue;
		}
		size_t run = 1;
		while (p[run] && !strchr(" \t\n\r\f", p[run]))
			run++;
		if (o->len && o->brk) {
			if (put(o, o->brk > 1 ? "\n\n" : "\n", (size_t)o->brk) <
			    0)
				return -1;
		} else if (o->len && o->space && put(o, " ", 1) < 0) {
			return -1;
		}
		o->brk = o->space = 0;
		if (put(o, p, run) < 0)
			return -1;
		p += run - 1;
	}
	return 0;
}

static const char *
attr(const GumboElement *e, const char *name)
{
	const GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
	return a ? a->value : NULL;
}

#define WORDS    16 /* words of a class name looked at */
#define WORD_MAX 16 /* longest word looked at, with its NUL */

/* Whether one class name (or id) s[0..n) names a cookie or consent notice:
 * its words (split at anything not a letter or digit and between a small
 * and a capital letter, so "cookie-banner", "cookie_bar", "CookieNotice")
 * hold consent or gdpr, or cookie(s) beside a word of a notice, or a
 * word of "cookie" and such a word run together ("cookiebanner"). */
static int
chrome_token(const char *s, size_t n)
{
	char w[WORDS][WORD_MAX];
	size_t nw = 0, i = 0;
	int cookie = 0, notice = 0;

	while (i < n && nw < WORDS) {
		while (i < n && !isalnum((unsigned char)s[i]))
			i++;
		size_t k = 0;
		while (i < n && isalnum((unsigned char)s[i])) {
			if (k && islower((unsigned char)s[i - 1]) &&
			    isupper((unsigned char)s[i]))
				break;
			if (k + 1 < WORD_MAX)
				w[nw][k++] = (char)tolower((unsigned char)s[i]);
			i++;
		}
		if (k) {
			w[nw][k] = '\0';
			nw++;
		}
	}
	for (size_t j = 0; j < nw; j++) {
		if (IN(w[j], chrome_words))
			return 1;
		if (strcmp(w[j], "cookie") == 0 || strcmp(w[j], "cookies") == 0)
			cookie = 1;
		else if (IN(w[j], cookie_words))
			notice = 1;
		else if (strncmp(w[j], "cookie", 6) == 0 &&
		         (IN(w[j] + 6, cookie_words) ||
		          (w[j][6] == 's' && IN(w[j] + 7, cookie_words))))
			return 1;
	}
	return cookie && notice;
}

/* Whether an id or class value names a cookie or consent notice: any of
 * its space-separated names. */
static int
names_chrome(const char *v)
{
	if (!v)
		return 0;
	while (*v) {
		size_t k = strcspn(v, " \t\n\r\f");
		if (k && chrome_token(v, k))
			return 1;
		v += k;
		v += strspn(v, " \t\n\r\f");
	}
	return 0;
}

/* Whether a role value holds a chrome role among its space-separated
 * tokens, in any case. */
static int
chrome_role(const char *v)
{
	char tok[16];

	if (!v)
		return 0;
	while (*v) {
		size_t k = strcspn(v, " \t\n\r\f");
		if (k && k < sizeof tok) {
			for (size_t i = 0; i < k; i++)
				tok[i] = (char)tolower((unsigned char)v[i]);
			tok[k] = '\0';
			if (IN(tok, chrome_roles))
				return 1;
		}
		v += k;
		v += strspn(v, " \t\n\r\f");
	}
	return 0;
}

/* Whether v, white space around it ignored, is w in any case. */
static int
value_is(const char *v, size_t n, const char *w)
{
	while (n && strchr(" \t\n\r\f", *v))
		v++, n--;
	while (n && strchr(" \t\n\r\f", v[n - 1]))
		n--;
	return n == strlen(w) && strncasecmp(v, w, n) == 0;
}

/* What an inline style says of showing an element. */
enum shown {
	SHOWN_SAME,   /* nothing: as its parent */
	SHOWN_NONE,   /* display: none, it and all it holds */
	SHOWN_HIDDEN, /* visibility: hidden (or collapse) */
	SHOWN_VISIBLE /* visibility: visible (inside a hidden one) */
};

/* The display and visibility declarations of a style attribute (the last
 * of each counts; !important is read as plain). */
static enum shown
style_shown(const char *v)
{
	enum shown vis = SHOWN_SAME;
	int none = 0;

	while (v && *v) {
		size_t k = strcspn(v, ";");
		const char *colon = memchr(v, ':', k);
		if (colon) {
			const char *val = colon + 1;
			size_t vl = (size_t)(v + k - val);
			const char *imp = NULL;
			for (size_t i = 0; i < vl; i++)
				if (val[i] == '!')
					imp = val + i;
			if (imp &&
			    value_is(imp + 1, (size_t)(val + vl - imp - 1),
			             "important"))
				vl = (size_t)(imp - val);
			size_t pl = (size_t)(colon - v);
			if (value_is(v, pl, "display"))
				none = value_is(val, vl, "none");
			else if (value_is(v, pl, "visibility"))
				vis = value_is(val, vl, "hidden") ||
				                      value_is(val, vl,
				                               "collapse")
				              ? SHOWN_HIDDEN
				      : value_is(val, vl, "visible")
				              ? SHOWN_VISIBLE
				              : SHOWN_SAME;
		}
		v += k;
		if (*v)
			v++;
	}
	return none ? SHOWN_NONE : vis;
}

#define NAME_MAX_LEN 16 /* longest element name told apart, with its NUL */

/* The lowercase name of element e into name ("" when longer): gumbo's for
 * the elements it knows, else its own (gumbo 0.10 knows no dialog). */
static void
tag_name(const GumboElement *e, char name[NAME_MAX_LEN])
{
	name[0] = '\0';
	if (e->tag != GUMBO_TAG_UNKNOWN) {
		snprintf(name, NAME_MAX_LEN, "%s",
		         gumbo_normalized_tagname(e->tag));
		return;
	}
	GumboStringPiece p = e->original_tag;
	gumbo_tag_from_original_text(&p);
	if (!p.data || p.length >= NAME_MAX_LEN)
		return;
	for (size_t i = 0; i < p.length; i++)
		name[i] = (char)tolower((unsigned char)p.data[i]);
	name[p.length] = '\0';
}

/* One stack entry: a node and the next child to visit. */
struct frame {
	const GumboNode *node;
	unsigned next;
	uint8_t block, pre, sectioning;
	uint8_t unseen; /* its text is not shown (visibility: hidden) */
	uint8_t out;    /* its text is written: in the article, or all */
};

/* What one walk does with the article (article.h). */
enum pass {
	PASS_ALL,    /* writes all the text; no article is looked for */
	PASS_RECORD, /* writes all the text, telling the article of it */
	PASS_ARTICLE /* writes the text of what the article keeps */
};

/* Whether element e (named name) is left out, its whole subtree;
 * sectioning: the number of article, main, section, aside or nav
 * elements around it. */
static int
skip(const GumboElement *e, const char *name, size_t sectioning, unsigned flags)
{
	const char *aria = attr(e, "aria-hidden");

	/* never shown: the chrome kept or not */
	if (IN(name, dropped) || attr(e, "hidden") ||
	    (aria && value_is(aria, strlen(aria), "true")) ||
	    (strcmp(name, "dialog") == 0 && !attr(e, "open")) ||
	    style_shown(attr(e, "style")) == SHOWN_NONE)
		return 1;
	if (flags & HTML_KEEP_CHROME)
		return 0;
	if (IN(name, chrome))
		return 1;
	if ((strcmp(name, "header") == 0 || strcmp(name, "footer") == 0) &&
	    !sectioning)
		return 1;
	if (chrome_role(attr(e, "role")))
		return 1;
	return names_chrome(attr(e, "id")) || names_chrome(attr(e, "class"));
}

/* Write the text of the tree under root to o; the elements entered
 * (numbered in order, br aside) are told to a, or their verdicts asked of
 * it, as pass says. */
static enum html_error
walk(const GumboNode *root, unsigned flags, struct article *a, enum pass pass,
     struct out *o)
{
	struct frame *st = NULL;
	size_t n = 0, cap = 0, sectioning = 0, elements = 0;

	st = grow_array(st, &cap, 1, sizeof *st, 64);
	if (!st)
		return HTML_ERR_NOMEM;
	st[n++] = (struct frame){root, 0, 0, 0, 0, 0, pass != PASS_ARTICLE};
	while (n) {
		struct frame *f = &st[n - 1];
		const GumboVector *kids =
		        f->node->type == GUMBO_NODE_DOCUMENT
		                ? &f->node->v.document.children
		                : &f->node->v.element.children;
		if (f->next >= kids->length) {
			/* leaving it */
			if (f->block)
				o->brk = 2;
			o->pre -= f->pre;
			sectioning -= f->sectioning;
			if (pass == PASS_RECORD && n > 1)
				article_leave(a, o->len);
			n--;
			continue;
		}
		const GumboNode *k = kids->data[f->next++];
		if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA ||
		    k->type == GUMBO_NODE_WHITESPACE) {
			size_t at = o->len;
			if (f->unseen || !f->out)
				continue;
			if (put_text(o, k->v.text.text) < 0)
				goto nomem;
			if (pass == PASS_RECORD && o->len > at)
				article_text(a, o->s + at, o->len - at);
			continue;
		}
		if (k->type != GUMBO_NODE_ELEMENT)
			continue; /* comments, templates */
		const GumboElement *e = &k->v.element;
		char name[NAME_MAX_LEN];
		tag_name(e, name);
		if (e->tag_namespace != GUMBO_NAMESPACE_HTML ||
		    skip(e, name, sectioning, flags))
			continue;
		if (strcmp(name, "br") == 0) {
			if (o->brk < 1)
				o->brk = 1;
			continue;
		}
		size_t me = elements++;
		uint8_t shown = f->out;
		if (pass == PASS_ARTICLE) {
			enum article_verdict v = article_verdict(a, me);
			if (v == ARTICLE_DROP) {
				elements = article_after(a, me);
				continue;
			}
			if (v == ARTICLE_KEEP)
				shown = 1;
		}
		enum shown sh = style_shown(attr(e, "style"));
		struct frame nf = {k,
		                   0,
		                   (uint8_t)IN(name, blocks),
		                   (uint8_t)(strcmp(name, "pre") == 0),
		                   (uint8_t)(strcmp(name, "article") == 0 ||
		                             strcmp(name, "main") == 0 ||
		                             strcmp(name, "section") == 0 ||
		                             strcmp(name, "aside") == 0 ||
		                             strcmp(name, "nav") == 0),
		                   (uint8_t)(sh == SHOWN_HIDDEN    ? 1
		                             : sh == SHOWN_VISIBLE ? 0
		                                                   : f->unseen),
		                   shown};
		if (nf.block)
			o->brk = 2;
		if (pass == PASS_RECORD &&
		    article_enter(a, name, nf.block, attr(e, "id"),
		                  attr(e, "class"), attr(e, "itemprop"),
		                  o->len) < 0)
			goto nomem;
		o->pre += nf.pre;
		sectioning += nf.sectioning;
		struct frame *ns = grow_array(st, &cap, n + 1, sizeof *st, 64);
		if (!ns)
			goto nomem;
		st = ns;
		st[n++] = nf;
	}
	free(st);
	return HTML_OK;
nomem:
	free(st);
	return HTML_ERR_NOMEM;
}

/* Give a the text of each JSON-LD script (application/ld+json) in the
 * tree under root, wherever it is (most are in the head). */
static enum html_error
jsonld(const GumboNode *root, struct article *a)
{
	const GumboNode **st = NULL;
	size_t n = 0, cap = 0;

	st = grow_array(st, &cap, 1, sizeof *st, 64);
	if (!st)
		return HTML_ERR_NOMEM;
	st[n++] = root;
	while (n) {
		const GumboNode *k = st[--n];
		const GumboVector *kids;
		if (k->type == GUMBO_NODE_DOCUMENT)
			kids = &k->v.document.children;
		else if (k->type == GUMBO_NODE_ELEMENT)
			kids = &k->v.element.children;
		else
			continue;
		if (k->type == GUMBO_NODE_ELEMENT &&
		    k->v.element.tag == GUMBO_TAG_SCRIPT) {
			const char *type = attr(&k->v.element, "type");
			if (!type || !strstr(type, "ld+json") ||
			    kids->length != 1)
				continue;
			const GumboNode *t = kids->data[0];
			if (t->type == GUMBO_NODE_TEXT &&
			    article_jsonld(a, t->v.text.text) < 0)
				goto nomem;
			continue;
		}
		const GumboNode **ns =
		        grow_array(st, &cap, n + kids->length, sizeof *st, 64);
		if (!ns)
			goto nomem;
		st = ns;
		for (unsigned i = kids->length; i > 0; i--)
			st[n++] = kids->data[i - 1];
	}
	free(st);
	return HTML_OK;
nomem:
	free(st);
	return HTML_ERR_NOMEM;
}

/* The text of the page parsed as g into o: the article's alone where one
 * is found and the chrome is not kept, else all of it. */
static enum html_error
page_text(const GumboOutput *g, unsigned flags, struct out *o)
{
	if (flags & HTML_KEEP_CHROME)
		return walk(g->document, flags, NULL, PASS_ALL, o);
	struct article *a = article_new();
	if (!a)
		return HTML_ERR_NOMEM;
	enum html_error err = jsonld(g->document, a);
	if (err == HTML_OK)
		err = walk(g->document, flags, a, PASS_RECORD, o);
	if (err == HTML_OK) {
		int found = article_choose(a, o->s ? o->s : "", o->len);
		if (found < 0) {
			err = HTML_ERR_NOMEM;
		} else if (found) {
			o->len = 0;
			o->brk = o->space = o->pre = 0;
			err = walk(g->document, flags, a, PASS_ARTICLE, o);
		}
	}
	article_free(a);
	return err;
}

enum html_error
html_extract(const unsigned char *buf, size_t n, unsigned flags, char **out,
             size_t *outlen, char charset[HTML_CHARSET_MAX])
{
	char *utf8 = NULL;
	size_t ulen = 0, bad, at;
	const unsigned char *src = buf;
	size_t slen = n;
	enum html_error err;
	struct out o = {0};

	*out = NULL;
	*outlen = 0;
	/* a byte order mark, else a declaration, else UTF-8 if the bytes
	 * are, else windows-1252: as a browser reads a page from a file */
	size_t skip;
	const struct page_encoding *enc = bom(buf, n, &skip);
	if (!enc)
		enc = page_encoding_sniff(buf, n);
	if (!enc)
		enc = uni_valid(buf, n, &bad) ? &page_utf8 : &page_windows1252;
	src += skip;
	slen -= skip;
	snprintf(charset, HTML_CHARSET_MAX, "%s", enc->name);
	if (strcmp(enc->name, "REPLACEMENT") == 0) {
		/* the decoder of ISO-2022-KR, HZ and the like, which hide
		 * markup from filters: the page is one U+FFFD */
		utf8 = malloc(4);
		if (!utf8)
			return HTML_ERR_NOMEM;
		strcpy(utf8, slen ? "\xEF\xBF\xBD" : "");
		src = (const unsigned char *)utf8;
		slen = strlen(utf8);
	} else if (enc->iconv) {
		err = decode(src, slen, enc->iconv, &utf8, &ulen);
		if (err != HTML_OK)
			return err;
		src = (const unsigned char *)utf8;
		slen = ulen;
	}
	switch (page_scan(src, slen, HTML_MAX_DEPTH, HTML_MAX_ATTRS, &at)) {
	case PAGE_SCAN_OK:
		break;
	case PAGE_SCAN_DEEP:
		free(utf8);
		return HTML_ERR_DEEP;
	case PAGE_SCAN_ATTRS:
		free(utf8);
		return HTML_ERR_ATTRS;
	case PAGE_SCAN_FOREIGN:
		free(utf8);
		return HTML_ERR_FOREIGN;
	default:
		free(utf8);
		return HTML_ERR_NOMEM;
	}
	struct heap heap;
	heap_init(&heap);
	GumboOptions opt = kGumboDefaultOptions;
	opt.allocator = heap_alloc;
	opt.deallocator = heap_free;
	opt.userdata = &heap;
	opt.max_errors = 0; /* the parse errors are not wanted: no memory */
	GumboOutput *g = parse(&heap, &opt, (const char *)src, slen);
	err = g ? page_text(g, flags, &o) : HTML_ERR_NOMEM;
	heap_done(&heap); /* the tree: never gumbo_destroy_output */
	free(utf8);
	if (err == HTML_OK && put(&o, "\n", o.len ? 1 : 0) < 0)
		err = HTML_ERR_NOMEM;
	if (err != HTML_OK) {
		free(o.s);
		return err;
	}
	if (!o.s) {
		o.s = malloc(1);
		if (!o.s)
			return HTML_ERR_NOMEM;
	}
	o.s[o.len] = '\0';
	*out = o.s;
	*outlen = o.len;
	return HTML_OK;
}
