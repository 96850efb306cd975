/* pagescan.c - what a page would cost the HTML parser (pagescan.h).
 *
 * Owns the bound on a page's parse: one pass over the page that tokenizes
 * it as the HTML5 tokenizer does (comments ending at --> or --!>, <!-->
 * and <!---> empty comments, bogus comments, quoted attribute values that
 * hold '>', the raw text of script, style, xmp, iframe, noembed, noframes,
 * textarea and title, plaintext to the end, CDATA in SVG and MathML) and
 * keeps, as the tree builder would, the stack of open elements and the
 * list of active formatting elements.
 *
 * The model follows the "in body" rules: void elements never open; a
 * self-closing flag counts only on SVG and MathML elements; the blocks
 * that close an open p, li closing li, dd and dt closing each other,
 * headings, options, ruby text; end tags close what is in scope (the
 * default, list item, button, table and select scopes) and any other end
 * tag closes the nearest element of its name unless a special element
 * stands between; formatting elements go on the list of active
 * formatting elements (at most three alike since the last marker, the
 * Noah's Ark clause) and are reopened before text and most tags; table
 * rows, sections and cells close their like and supply the tbody and tr
 * they lack; SVG and MathML are left at their breakout tags.
 *
 * Where the parser's result is hard to model the count errs upward: the
 * adoption agency's rebuilding of misnested formatting (which never grows
 * the stack) is left undone, the quirks-mode table is assumed, tags the
 * "in select" mode ignores are counted.  What matters for gumbo's time is
 * its stack, which this bounds; the tree's depth only matters to code that
 * walks the tree by recursion, and none does (webpage.c frees the tree without
 * gumbo's recursive free and walks it on a stack of its own).
 */
#include "pagescan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "redline/grow.h"

/* The elements the rules name; T_OTHER is every other. */
enum tag {
	T_OTHER,
	T_A,
	T_ADDRESS,
	T_ANNOTATION_XML,
	T_APPLET,
	T_AREA,
	T_ARTICLE,
	T_ASIDE,
	T_B,
	T_BASE,
	T_BASEFONT,
	T_BGSOUND,
	T_BIG,
	T_BLOCKQUOTE,
	T_BODY,
	T_BR,
	T_BUTTON,
	T_CAPTION,
	T_CENTER,
	T_CODE,
	T_COL,
	T_COLGROUP,
	T_DD,
	T_DESC,
	T_DETAILS,
	T_DIR,
	T_DIV,
	T_DL,
	T_DT,
	T_EM,
	T_EMBED,
	T_FIELDSET,
	T_FIGCAPTION,
	T_FIGURE,
	T_FONT,
	T_FOOTER,
	T_FOREIGNOBJECT,
	T_FORM,
	T_FRAME,
	T_FRAMESET,
	T_H1,
	T_H2,
	T_H3,
	T_H4,
	T_H5,
	T_H6,
	T_HEAD,
	T_HEADER,
	T_HGROUP,
	T_HR,
	T_HTML,
	T_I,
	T_IFRAME,
	T_IMAGE,
	T_IMG,
	T_INPUT,
	T_KEYGEN,
	T_LI,
	T_LINK,
	T_LISTING,
	T_MAIN,
	T_MARQUEE,
	T_MATH,
	T_MENU,
	T_META,
	T_MI,
	T_MN,
	T_MO,
	T_MS,
	T_MTEXT,
	T_NAV,
	T_NOBR,
	T_NOEMBED,
	T_NOFRAMES,
	T_NOSCRIPT,
	T_OBJECT,
	T_OL,
	T_OPTGROUP,
	T_OPTION,
	T_P,
	T_PARAM,
	T_PLAINTEXT,
	T_PRE,
	T_RB,
	T_RP,
	T_RT,
	T_RTC,
	T_RUBY,
	T_S,
	T_SCRIPT,
	T_SECTION,
	T_SELECT,
	T_SMALL,
	T_SOURCE,
	T_SPAN,
	T_STRIKE,
	T_STRONG,
	T_STYLE,
	T_SUB,
	T_SUMMARY,
	T_SUP,
	T_SVG,
	T_TABLE,
	T_TBODY,
	T_TD,
	T_TEMPLATE,
	T_TEXTAREA,
	T_TFOOT,
	T_TH,
	T_THEAD,
	T_TITLE,
	T_TR,
	T_TRACK,
	T_TT,
	T_U,
	T_UL,
	T_VAR,
	T_WBR,
	T_XMP
};

/* What the rules say of an HTML element. */
enum {
	F_VOID = 1,       /* never open */
	F_SPECIAL = 2,    /* "special": stops end tags and list item searches */
	F_CLOSEP = 4,     /* its start tag closes an open p */
	F_FORMAT = 8,     /* a formatting element */
	F_SCOPE = 16,     /* bounds the default scope */
	F_MARKER = 32,    /* puts a marker on the formatting list */
	F_RAW = 64,       /* raw text or RCDATA up to its end tag */
	F_IMPLIED = 128,  /* closed by "generate implied end tags" */
	F_BREAKOUT = 256, /* its start tag leaves SVG and MathML */
	F_HEADING = 512
};

#define SP F_SPECIAL
static const struct {
	const char *name;
	uint8_t tag; /* its index + 1 */
	uint16_t flags;
} names[] = {
        /* sorted by name (strcmp) for bsearch */
        {"a", T_A, F_FORMAT},
        {"address", T_ADDRESS, SP | F_CLOSEP},
        {"annotation-xml", T_ANNOTATION_XML, 0},
        {"applet", T_APPLET, SP | F_SCOPE | F_MARKER},
        {"area", T_AREA, SP | F_VOID},
        {"article", T_ARTICLE, SP | F_CLOSEP},
        {"aside", T_ASIDE, SP | F_CLOSEP},
        {"b", T_B, F_FORMAT | F_BREAKOUT},
        {"base", T_BASE, SP | F_VOID},
        {"basefont", T_BASEFONT, SP | F_VOID},
        {"bgsound", T_BGSOUND, SP | F_VOID},
        {"big", T_BIG, F_FORMAT | F_BREAKOUT},
        {"blockquote", T_BLOCKQUOTE, SP | F_CLOSEP | F_BREAKOUT},
        {"body", T_BODY, SP | F_BREAKOUT},
        {"br", T_BR, SP | F_VOID | F_BREAKOUT},
        {"button", T_BUTTON, SP},
        {"caption", T_CAPTION, SP | F_SCOPE | F_MARKER},
        {"center", T_CENTER, SP | F_CLOSEP | F_BREAKOUT},
        {"code", T_CODE, F_FORMAT | F_BREAKOUT},
        {"col", T_COL, SP | F_VOID},
        {"colgroup", T_COLGROUP, SP},
        {"dd", T_DD, SP | F_IMPLIED | F_BREAKOUT},
        {"desc", T_DESC, 0},
        {"details", T_DETAILS, SP | F_CLOSEP},
        {"dir", T_DIR, SP | F_CLOSEP},
        {"div", T_DIV, SP | F_CLOSEP | F_BREAKOUT},
        {"dl", T_DL, SP | F_CLOSEP | F_BREAKOUT},
        {"dt", T_DT, SP | F_IMPLIED | F_BREAKOUT},
        {"em", T_EM, F_FORMAT | F_BREAKOUT},
        {"embed", T_EMBED, SP | F_VOID | F_BREAKOUT},
        {"fieldset", T_FIELDSET, SP | F_CLOSEP},
        {"figcaption", T_FIGCAPTION, SP | F_CLOSEP},
        {"figure", T_FIGURE, SP | F_CLOSEP},
        {"font", T_FONT, F_FORMAT},
        {"footer", T_FOOTER, SP | F_CLOSEP},
        {"foreignobject", T_FOREIGNOBJECT, 0},
        {"form", T_FORM, SP | F_CLOSEP},
        {"frame", T_FRAME, SP | F_VOID},
        {"frameset", T_FRAMESET, SP},
        {"h1", T_H1, SP | F_CLOSEP | F_HEADING | F_BREAKOUT},
        {"h2", T_H2, SP | F_CLOSEP | F_HEADING | F_BREAKOUT},
        {"h3", T_H3, SP | F_CLOSEP | F_HEADING | F_BREAKOUT},
        {"h4", T_H4, SP | F_CLOSEP | F_HEADING | F_BREAKOUT},
        {"h5", T_H5, SP | F_CLOSEP | F_HEADING | F_BREAKOUT},
        {"h6", T_H6, SP | F_CLOSEP | F_HEADING | F_BREAKOUT},
        {"head", T_HEAD, SP | F_BREAKOUT},
        {"header", T_HEADER, SP | F_CLOSEP},
        {"hgroup", T_HGROUP, SP | F_CLOSEP},
        {"hr", T_HR, SP | F_VOID | F_CLOSEP | F_BREAKOUT},
        {"html", T_HTML, SP | F_SCOPE},
        {"i", T_I, F_FORMAT | F_BREAKOUT},
        {"iframe", T_IFRAME, SP | F_RAW},
        {"image", T_IMAGE, F_VOID},
        {"img", T_IMG, SP | F_VOID | F_BREAKOUT},
        {"input", T_INPUT, SP | F_VOID},
        {"keygen", T_KEYGEN, SP | F_VOID},
        {"li", T_LI, SP | F_IMPLIED | F_BREAKOUT},
        {"link", T_LINK, SP | F_VOID},
        {"listing", T_LISTING, SP | F_CLOSEP | F_BREAKOUT},
        {"main", T_MAIN, SP | F_CLOSEP},
        {"marquee", T_MARQUEE, SP | F_SCOPE | F_MARKER},
        {"math", T_MATH, 0},
        {"menu", T_MENU, SP | F_CLOSEP | F_BREAKOUT},
        {"meta", T_META, SP | F_VOID | F_BREAKOUT},
        {"mi", T_MI, 0},
        {"mn", T_MN, 0},
        {"mo", T_MO, 0},
        {"ms", T_MS, 0},
        {"mtext", T_MTEXT, 0},
        {"nav", T_NAV, SP | F_CLOSEP},
        {"nobr", T_NOBR, F_FORMAT | F_BREAKOUT},
        {"noembed", T_NOEMBED, SP | F_RAW},
        {"noframes", T_NOFRAMES, SP | F_RAW},
        {"noscript", T_NOSCRIPT, SP},
        {"object", T_OBJECT, SP | F_SCOPE | F_MARKER},
        {"ol", T_OL, SP | F_CLOSEP | F_BREAKOUT},
        {"optgroup", T_OPTGROUP, F_IMPLIED},
        {"option", T_OPTION, F_IMPLIED},
        {"p", T_P, SP | F_CLOSEP | F_IMPLIED | F_BREAKOUT},
        {"param", T_PARAM, SP | F_VOID},
        {"plaintext", T_PLAINTEXT, SP | F_CLOSEP},
        {"pre", T_PRE, SP | F_CLOSEP | F_BREAKOUT},
        {"rb", T_RB, F_IMPLIED},
        {"rp", T_RP, F_IMPLIED},
        {"rt", T_RT, F_IMPLIED},
        {"rtc", T_RTC, F_IMPLIED},
        {"ruby", T_RUBY, F_BREAKOUT},
        {"s", T_S, F_FORMAT | F_BREAKOUT},
        {"script", T_SCRIPT, SP | F_RAW},
        {"section", T_SECTION, SP | F_CLOSEP},
        {"select", T_SELECT, SP},
        {"small", T_SMALL, F_FORMAT | F_BREAKOUT},
        {"source", T_SOURCE, SP | F_VOID},
        {"span", T_SPAN, F_BREAKOUT},
        {"strike", T_STRIKE, F_FORMAT | F_BREAKOUT},
        {"strong", T_STRONG, F_FORMAT | F_BREAKOUT},
        {"style", T_STYLE, SP | F_RAW},
        {"sub", T_SUB, F_BREAKOUT},
        {"summary", T_SUMMARY, SP | F_CLOSEP},
        {"sup", T_SUP, F_BREAKOUT},
        {"svg", T_SVG, 0},
        {"table", T_TABLE, SP | F_SCOPE | F_BREAKOUT},
        {"tbody", T_TBODY, SP},
        {"td", T_TD, SP | F_SCOPE | F_MARKER},
        {"template", T_TEMPLATE, SP | F_SCOPE | F_MARKER},
        {"textarea", T_TEXTAREA, SP | F_RAW},
        {"tfoot", T_TFOOT, SP},
        {"th", T_TH, SP | F_SCOPE | F_MARKER},
        {"thead", T_THEAD, SP},
        {"title", T_TITLE, SP | F_RAW},
        {"tr", T_TR, SP},
        {"track", T_TRACK, SP | F_VOID},
        {"tt", T_TT, F_FORMAT | F_BREAKOUT},
        {"u", T_U, F_FORMAT | F_BREAKOUT},
        {"ul", T_UL, SP | F_CLOSEP | F_BREAKOUT},
        {"var", T_VAR, F_BREAKOUT},
        {"wbr", T_WBR, SP | F_VOID},
        {"xmp", T_XMP, SP | F_CLOSEP | F_RAW},
};
#undef SP

#define NNAMES (sizeof names / sizeof names[0])

/* The namespaces. */
enum { NS_HTML, NS_SVG, NS_MATH };

/* One open element. */
struct open {
	uint64_t name; /* hash of the lowercased name */
	size_t afe;    /* its entry on the formatting list + 1, or 0 */
	uint8_t tag, ns;
	uint8_t tablish;  /* of a template, by its first child: 1 a table
	                     part, 2 a column, 3 anything else, 0 none yet */
	uint8_t html_ann; /* an annotation-xml holding HTML */
};

/* One entry of the list of active formatting elements. */
struct afe {
	uint64_t name, attrs; /* hashes of the name and of the attributes */
	size_t at;            /* its open element's index + 1, or 0 */
	uint8_t tag, marker;
};

struct scan {
	struct open *st;
	size_t n, cap;
	struct afe *fl;
	size_t nf, fcap;
	size_t max;
	size_t form;             /* an open form (the form element pointer) */
	size_t count[T_XMP + 1]; /* open HTML elements of each tag */
	int head; /* still in the head: a noscript there holds no elements */
	int frameset_ok; /* a frameset would still replace the body */
	enum page_scan err;
};

/* A tag as the tokenizer reads it. */
struct tok {
	uint64_t name, attrs;
	size_t nattrs;
	uint8_t tag;
	uint8_t self;     /* ends in "/>" */
	uint8_t fontout;  /* a font with color, face or size */
	uint8_t html_ann; /* encoding="text/html" (or XHTML) */
};

/* The flags of tag: names[] is in the order of enum tag. */
static uint16_t
F(uint8_t tag)
{
	return tag ? names[tag - 1].flags : 0;
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static int
by_name(const void *k, const void *e)
{
	const char *key = k;
	return strcmp(key, *(const char *const *)e);
}

/* ---- the stack and the formatting list ---------------------------- */

static int
push(struct scan *sc, uint8_t tag, uint64_t name, uint8_t ns)
{
	if (sc->n >= sc->max) {
		sc->err = PAGE_SCAN_DEEP;
		return -1;
	}
	struct open *nv =
	        grow_array(sc->st, &sc->cap, sc->n + 1, sizeof *nv, 64);
	if (!nv) {
		sc->err = PAGE_SCAN_NOMEM;
		return -1;
	}
	sc->st = nv;
	sc->st[sc->n++] = (struct open){name, 0, tag, ns, 0, 0};
	if (ns == NS_HTML)
		sc->count[tag]++;
	return 0;
}

static void clear_to_marker(struct scan *sc);

/* Remove the open element at index i (the top or any other); one that put
 * a marker on the formatting list (a cell, caption, applet, marquee,
 * object or template) takes the list back to that marker. */
static void
remove_open(struct scan *sc, size_t i)
{
	int marker = sc->st[i].ns == NS_HTML && (F(sc->st[i].tag) & F_MARKER);

	if (sc->st[i].afe)
		sc->fl[sc->st[i].afe - 1].at = 0;
	if (sc->st[i].ns == NS_HTML)
		sc->count[sc->st[i].tag]--;
	if (sc->form == i + 1)
		sc->form = 0;
	for (size_t k = i + 1; k < sc->n; k++) {
		sc->st[k - 1] = sc->st[k];
		if (sc->st[k - 1].afe)
			sc->fl[sc->st[k - 1].afe - 1].at = k;
		if (sc->form == k + 1)
			sc->form = k;
	}
	sc->n--;
	if (marker)
		clear_to_marker(sc);
}

static void
pop(struct scan *sc)
{
	remove_open(sc, sc->n - 1);
}

/* Pop until the element at index i is popped. */
static void
pop_to(struct scan *sc, size_t i)
{
	while (sc->n > i)
		pop(sc);
}

static const struct open *
top(const struct scan *sc)
{
	return &sc->st[sc->n - 1];
}

static void
remove_afe(struct scan *sc, size_t k)
{
	if (sc->fl[k].at)
		sc->st[sc->fl[k].at - 1].afe = 0;
	for (size_t j = k + 1; j < sc->nf; j++) {
		sc->fl[j - 1] = sc->fl[j];
		if (sc->fl[j - 1].at)
			sc->st[sc->fl[j - 1].at - 1].afe = j;
	}
	sc->nf--;
}

static int
add_afe(struct scan *sc, struct afe e)
{
	if (sc->nf >= sc->max) { /* would all be reopened: as deep */
		sc->err = PAGE_SCAN_DEEP;
		return -1;
	}
	struct afe *nv =
	        grow_array(sc->fl, &sc->fcap, sc->nf + 1, sizeof *nv, 16);
	if (!nv) {
		sc->err = PAGE_SCAN_NOMEM;
		return -1;
	}
	sc->fl = nv;
	sc->fl[sc->nf++] = e;
	if (e.at)
		sc->st[e.at - 1].afe = sc->nf;
	return 0;
}

/* The formatting list back to its last marker, that marker too. */
static void
clear_to_marker(struct scan *sc)
{
	while (sc->nf) {
		int m = sc->fl[sc->nf - 1].marker;
		remove_afe(sc, sc->nf - 1);
		if (m)
			break;
	}
}

static int
add_marker(struct scan *sc)
{
	return add_afe(sc, (struct afe){0, 0, 0, 0, 1});
}

/* The current node, just pushed, onto the formatting list: at most three
 * alike (name and attributes) since the last marker. */
static int
add_formatting(struct scan *sc, const struct tok *t)
{
	size_t alike = 0, first = 0;

	for (size_t k = sc->nf; k-- > 0 && !sc->fl[k].marker;)
		if (sc->fl[k].name == t->name && sc->fl[k].attrs == t->attrs) {
			alike++;
			first = k;
		}
	if (alike >= 3)
		remove_afe(sc, first);
	return add_afe(sc, (struct afe){t->name, t->attrs, sc->n, t->tag, 0});
}

/* Reopen the formatting elements closed since the last marker. */
static int
reconstruct(struct scan *sc)
{
	size_t k = sc->nf;

	while (k > 0 && !sc->fl[k - 1].marker && !sc->fl[k - 1].at)
		k--;
	for (; k < sc->nf; k++) {
		if (push(sc, sc->fl[k].tag, sc->fl[k].name, NS_HTML) < 0)
			return -1;
		sc->fl[k].at = sc->n;
		sc->st[sc->n - 1].afe = k + 1;
	}
	return 0;
}

/* ---- scopes -------------------------------------------------------- */

enum scope { SC_DEFAULT, SC_LIST, SC_BUTTON, SC_TABLE, SC_SELECT };

static int
bounds(const struct open *o, enum scope s)
{
	if (o->ns == NS_MATH)
		return s != SC_TABLE && s != SC_SELECT &&
		       (o->tag == T_MI || o->tag == T_MO || o->tag == T_MN ||
		        o->tag == T_MS || o->tag == T_MTEXT ||
		        o->tag == T_ANNOTATION_XML);
	if (o->ns == NS_SVG)
		return s != SC_TABLE && s != SC_SELECT &&
		       (o->tag == T_FOREIGNOBJECT || o->tag == T_DESC ||
		        o->tag == T_TITLE);
	switch (s) {
	case SC_TABLE:
		return o->tag == T_HTML || o->tag == T_TABLE ||
		       o->tag == T_TEMPLATE;
	case SC_SELECT:
		return o->tag != T_OPTGROUP && o->tag != T_OPTION;
	case SC_LIST:
		if (o->tag == T_OL || o->tag == T_UL)
			return 1;
		break;
	case SC_BUTTON:
		if (o->tag == T_BUTTON)
			return 1;
		break;
	default:
		break;
	}
	return (F(o->tag) & F_SCOPE) != 0;
}

/* Whether o is an integration point: an SVG foreignObject, desc or
 * title, a MathML mi, mo, mn, ms or mtext, or an annotation-xml whose
 * encoding is HTML; start tags and text there go by the HTML rules. */
static int
integration(const struct open *o)
{
	if (o->ns == NS_MATH)
		return o->tag == T_MI || o->tag == T_MO || o->tag == T_MN ||
		       o->tag == T_MS || o->tag == T_MTEXT || o->html_ann;
	if (o->ns == NS_SVG)
		return o->tag == T_FOREIGNOBJECT || o->tag == T_DESC ||
		       o->tag == T_TITLE;
	return 0;
}

/* Whether o is special: stops "any other end tag" and the adoption
 * agency. */
static int
special(const struct open *o)
{
	if (o->ns == NS_HTML)
		return (F(o->tag) & F_SPECIAL) != 0;
	return integration(o) || o->tag == T_ANNOTATION_XML;
}

/* Index + 1 of the nearest open HTML element named tag in scope s, or 0. */
static size_t
in_scope(const struct scan *sc, uint8_t tag, enum scope s)
{
	if (!sc->count[tag])
		return 0; /* the usual answer, without the walk */
	for (size_t i = sc->n; i-- > 0;) {
		const struct open *o = &sc->st[i];
		if (o->ns == NS_HTML && o->tag == tag && tag != T_OTHER)
			return i + 1;
		if (bounds(o, s))
			return 0;
	}
	return 0;
}

/* Index + 1 of the nearest open heading in the default scope, or 0. */
static size_t
heading_in_scope(const struct scan *sc)
{
	if (!(sc->count[T_H1] | sc->count[T_H2] | sc->count[T_H3] |
	      sc->count[T_H4] | sc->count[T_H5] | sc->count[T_H6]))
		return 0;
	for (size_t i = sc->n; i-- > 0;) {
		const struct open *o = &sc->st[i];
		if (o->ns == NS_HTML && (F(o->tag) & F_HEADING))
			return i + 1;
		if (bounds(o, SC_DEFAULT))
			return 0;
	}
	return 0;
}

static void
close_p(struct scan *sc)
{
	size_t i = in_scope(sc, T_P, SC_BUTTON);
	if (i)
		pop_to(sc, i - 1);
}

/* Pop while the current node is one of the implied-end-tag elements, but
 * not except. */
static void
implied_ends(struct scan *sc, uint8_t except)
{
	while (sc->n > 2 && top(sc)->ns == NS_HTML &&
	       (F(top(sc)->tag) & F_IMPLIED) && top(sc)->tag != except)
		pop(sc);
}

/* Whether the parser is in a table mode with this stack: the nearest
 * table structure above any foster-parented elements is a table, a
 * section or a row, not a cell or caption. */
static int
table_mode(const struct scan *sc)
{
	for (size_t i = sc->n; i-- > 0;) {
		const struct open *o = &sc->st[i];
		if (o->ns != NS_HTML)
			return 0;
		switch (o->tag) {
		case T_TABLE:
		case T_TBODY:
		case T_THEAD:
		case T_TFOOT:
		case T_TR:
		case T_COLGROUP:
			return 1;
		case T_TD:
		case T_TH:
		case T_CAPTION:
		case T_TEMPLATE:
		case T_HTML:
			return 0;
		default:
			break;
		}
	}
	return 0;
}

/* ---- tree construction ------------------------------------------------ */

static int
template_open(const struct scan *sc)
{
	return sc->count[T_TEMPLATE] != 0;
}

/* Whether the current node ends "clear the stack back to" the context a
 * table part t goes in: the table for captions, column groups and
 * sections, a section for rows, a row for cells. */
static int
table_context(const struct open *o, uint8_t t)
{
	if (o->ns != NS_HTML)
		return 0;
	if (o->tag == T_TABLE || o->tag == T_TEMPLATE || o->tag == T_HTML)
		return 1;
	if (t != T_TR && t != T_TD && t != T_TH)
		return 0;
	if (o->tag == T_TBODY || o->tag == T_THEAD || o->tag == T_TFOOT)
		return 1;
	return t != T_TR && o->tag == T_TR;
}

/* Whether the parser is inside a table, or a template whose first child
 * was a table part. */
static int
in_table(const struct scan *sc)
{
	size_t i = sc->n;

	while (i-- > 0 && !bounds(&sc->st[i], SC_TABLE))
		;
	return sc->st[i].tag == T_TABLE || sc->st[i].tablish == 1 ||
	       sc->st[i].tablish == 2;
}

/* A caption, column group, section, row or cell, inside a table. */
static int
table_part(struct scan *sc, const struct tok *t)
{
	if (!in_table(sc))
		return 0; /* ignored outside tables (and table templates) */
	while (sc->n > 2 && !table_context(top(sc), t->tag))
		pop(sc);
	if (t->tag == T_TR || t->tag == T_TD || t->tag == T_TH) {
		if (top(sc)->tag == T_TABLE &&
		    push(sc, T_TBODY, 0, NS_HTML) < 0)
			return -1;
		if (t->tag != T_TR && top(sc)->tag != T_TR &&
		    push(sc, T_TR, 0, NS_HTML) < 0)
			return -1;
	}
	if (push(sc, t->tag, t->name, NS_HTML) < 0)
		return -1;
	return (F(t->tag) & F_MARKER) ? add_marker(sc) : 0;
}

/* "Any other end tag": the nearest open element of this name, unless a
 * special element comes first. */
static void
other_end(struct scan *sc, const struct tok *t)
{
	for (size_t i = sc->n; i-- > 1;) {
		const struct open *o = &sc->st[i];
		if (o->name == t->name && o->ns == NS_HTML) {
			pop_to(sc, i);
			return;
		}
		if (special(o))
			return;
	}
}

/* The adoption agency for an end tag of formatting element t (or a
 * second <a> or <nobr>): 1 when it removed the element, 0 when it left
 * the stack alone (misnested, or out of scope, where the parser's result
 * is never deeper), -1 when no such element is on the list. */
static int
adopt(struct scan *sc, const struct tok *t)
{
	size_t k = sc->nf;

	while (k > 0 && !sc->fl[k - 1].marker && sc->fl[k - 1].name != t->name)
		k--;
	if (k == 0 || sc->fl[k - 1].marker)
		return -1;
	k--;
	size_t at = sc->fl[k].at;
	if (!at) {
		remove_afe(sc, k);
		return 1;
	}
	for (size_t i = sc->n; i-- > at;)
		if (bounds(&sc->st[i], SC_DEFAULT))
			return 0; /* not in scope: left open */
	for (size_t i = at; i < sc->n; i++)
		if (special(&sc->st[i]))
			return 0; /* a furthest block: the stack never grows */
	pop_to(sc, at - 1);
	/* popping unlinked it; it is still entry k */
	remove_afe(sc, k);
	return 1;
}

static int start_tag(struct scan *sc, const struct tok *t);

/* Index + 1 of the select whose "in select" mode the parser is in (only
 * options and option groups above it), or 0. */
static size_t
select_mode(const struct scan *sc)
{
	size_t i = sc->n;

	if (!sc->count[T_SELECT])
		return 0;
	while (i-- > 2 && sc->st[i].ns == NS_HTML &&
	       (sc->st[i].tag == T_OPTION || sc->st[i].tag == T_OPTGROUP))
		;
	return sc->st[i].ns == NS_HTML && sc->st[i].tag == T_SELECT ? i + 1 : 0;
}

/* A start tag in the "in select" modes, whose select is at index sel - 1:
 * 1 when it was taken, 0 to go on by the "in body" rules, -1 on error. */
static int
start_select(struct scan *sc, const struct tok *t, size_t sel)
{
	switch (t->tag) {
	case T_OPTION:
	case T_OPTGROUP:
	case T_SCRIPT:
	case T_TEMPLATE:
		return 0;
	case T_SELECT:
		pop_to(sc, sel - 1);
		return 1;
	case T_CAPTION:
	case T_TABLE:
	case T_TBODY:
	case T_TFOOT:
	case T_THEAD:
	case T_TR:
	case T_TD:
	case T_TH:
		if (!in_table(sc))
			return 1; /* ignored but in a table's select */
		pop_to(sc, sel - 1);
		return start_tag(sc, t) < 0 ? -1 : 1;
	case T_INPUT:
	case T_KEYGEN:
	case T_TEXTAREA:
		pop_to(sc, sel - 1);
		return start_tag(sc, t) < 0 ? -1 : 1;
	default:
		return 1; /* ignored */
	}
}

/* A start tag while the current node is SVG or MathML outside an
 * integration point. */
static int
start_foreign(struct scan *sc, const struct tok *t)
{
	if ((F(t->tag) & F_BREAKOUT) || t->fontout) {
		while (sc->n > 2 && top(sc)->ns != NS_HTML &&
		       !integration(top(sc)))
			pop(sc);
		return start_tag(sc, t);
	}
	switch (t->tag) {
	case T_SELECT:
	case T_OPTION:
	case T_OPTGROUP:
	case T_TABLE:
	case T_CAPTION:
	case T_COLGROUP:
	case T_COL:
	case T_TBODY:
	case T_THEAD:
	case T_TFOOT:
	case T_TR:
	case T_TD:
	case T_TH:
	case T_TEMPLATE:
	case T_FRAMESET:
	case T_HTML:
	case T_HEAD:
	case T_BODY:
		/* gumbo takes some of these for HTML ones, whatever their
		 * namespace, and fails an assertion (it aborts) on some
		 * tables around them; no page has them */
		sc->err = PAGE_SCAN_FOREIGN;
		return -1;
	default:
		break;
	}
	uint8_t ns = top(sc)->ns;
	if (push(sc, t->tag, t->name, ns) < 0)
		return -1;
	sc->st[sc->n - 1].html_ann = t->tag == T_ANNOTATION_XML && t->html_ann;
	if (t->self)
		pop(sc);
	return 0;
}

/* Whether tokens go by the HTML rules: the current node is HTML, or an
 * HTML or MathML text integration point. */
static int
html_context(const struct scan *sc)
{
	const struct open *o = top(sc);
	return o->ns == NS_HTML || integration(o);
}

static int
start_tag(struct scan *sc, const struct tok *t)
{
	uint16_t f = F(t->tag);
	size_t i;

	if (!html_context(sc))
		return start_foreign(sc, t);
	if ((i = select_mode(sc)) != 0) {
		int r = start_select(sc, t, i);
		if (r)
			return r < 0 ? -1 : 0;
	}
	if (top(sc)->tag == T_TEMPLATE && top(sc)->ns == NS_HTML && sc->n > 2 &&
	    !top(sc)->tablish && t->tag != T_BASE && t->tag != T_BASEFONT &&
	    t->tag != T_BGSOUND && t->tag != T_LINK && t->tag != T_META &&
	    t->tag != T_NOFRAMES && t->tag != T_SCRIPT && t->tag != T_STYLE &&
	    t->tag != T_TEMPLATE && t->tag != T_TITLE)
		sc->st[sc->n - 1].tablish =
		        t->tag == T_COL ? 2
		        : t->tag == T_CAPTION || t->tag == T_COLGROUP ||
		                        t->tag == T_TBODY ||
		                        t->tag == T_THEAD ||
		                        t->tag == T_TFOOT || t->tag == T_TR ||
		                        t->tag == T_TD || t->tag == T_TH
		                ? 1
		                : 3;
	if (sc->head && t->tag != T_HTML && t->tag != T_HEAD &&
	    t->tag != T_BASE && t->tag != T_BASEFONT && t->tag != T_BGSOUND &&
	    t->tag != T_LINK && t->tag != T_META && t->tag != T_NOFRAMES &&
	    t->tag != T_SCRIPT && t->tag != T_STYLE && t->tag != T_TEMPLATE &&
	    t->tag != T_TITLE && t->tag != T_NOSCRIPT)
		sc->head = 0;
	if (sc->count[T_FRAMESET] &&
	    ((F(t->tag) & F_RAW) || t->tag == T_PLAINTEXT) &&
	    t->tag != T_NOFRAMES)
		return 0; /* in a frameset, ignored: its text is markup */
	if (top(sc)->tag == T_TEMPLATE && top(sc)->tablish == 2 &&
	    t->tag != T_COL && t->tag != T_TEMPLATE)
		return 0; /* a template of columns takes only columns */
	switch (t->tag) {
	case T_PRE:
	case T_LISTING:
	case T_LI:
	case T_DD:
	case T_DT:
	case T_BUTTON:
	case T_APPLET:
	case T_MARQUEE:
	case T_OBJECT:
	case T_TABLE:
	case T_AREA:
	case T_BR:
	case T_EMBED:
	case T_IMG:
	case T_KEYGEN:
	case T_WBR:
	case T_INPUT:
	case T_HR:
	case T_TEXTAREA:
	case T_XMP:
	case T_IFRAME:
	case T_SELECT:
		sc->frameset_ok = 0;
		break;
	default:
		break;
	}
	switch (t->tag) {
	case T_FRAMESET:
		if (!sc->count[T_FRAMESET] &&
		    (!sc->frameset_ok || template_open(sc)))
			return 0; /* ignored */
		if (!sc->count[T_FRAMESET])
			pop_to(sc, 2); /* it replaces the body */
		break;
	case T_NOSCRIPT:
		if (sc->head)
			return 0; /* closed by the first thing not of the head
			           */
		break;
	case T_COL:
		/* a column outside a column group supplies one */
		if (table_mode(sc) && top(sc)->tag != T_COLGROUP &&
		    push(sc, T_COLGROUP, 0, NS_HTML) < 0)
			return -1;
		break;
	case T_HTML:
	case T_HEAD:
	case T_BODY:
		return 0;
	case T_SVG:
	case T_MATH:
		if (reconstruct(sc) < 0 ||
		    push(sc, t->tag, t->name,
		         t->tag == T_SVG ? NS_SVG : NS_MATH) < 0)
			return -1;
		if (t->self)
			pop(sc);
		return 0;
	case T_LI:
	case T_DD:
	case T_DT:
		for (i = sc->n; i-- > 2;) {
			const struct open *o = &sc->st[i];
			int li = t->tag == T_LI;
			if (o->ns == NS_HTML &&
			    (li ? o->tag == T_LI
			        : o->tag == T_DD || o->tag == T_DT)) {
				pop_to(sc, i);
				break;
			}
			if (special(o) && !(o->ns == NS_HTML &&
			                    (o->tag == T_ADDRESS ||
			                     o->tag == T_DIV || o->tag == T_P)))
				break;
		}
		close_p(sc);
		return push(sc, t->tag, t->name, NS_HTML);
	case T_FORM:
		if (sc->form && !template_open(sc))
			return 0;
		close_p(sc);
		if (push(sc, t->tag, t->name, NS_HTML) < 0)
			return -1;
		if (!template_open(sc))
			sc->form = sc->n;
		return 0;
	case T_BUTTON:
		if ((i = in_scope(sc, T_BUTTON, SC_DEFAULT)) != 0)
			pop_to(sc, i - 1);
		break;
	case T_A:
	case T_NOBR:
		/* a second a, or a nobr in scope, ends the first */
		if (t->tag == T_A) {
			(void)adopt(sc, t);
		} else {
			if (reconstruct(sc) < 0)
				return -1;
			if (in_scope(sc, T_NOBR, SC_DEFAULT))
				(void)adopt(sc, t);
		}
		if (reconstruct(sc) < 0)
			return -1;
		if (push(sc, t->tag, t->name, NS_HTML) < 0)
			return -1;
		return add_formatting(sc, t);
	case T_TABLE:
		if (table_mode(sc) && (i = in_scope(sc, T_TABLE, SC_TABLE)))
			pop_to(sc, i - 1);
		return push(sc, t->tag, t->name, NS_HTML);
	case T_CAPTION:
	case T_COLGROUP:
	case T_TBODY:
	case T_THEAD:
	case T_TFOOT:
	case T_TR:
	case T_TD:
	case T_TH:
		return table_part(sc, t);
	case T_OPTION:
	case T_OPTGROUP:
		if (top(sc)->tag == T_OPTION)
			pop(sc);
		if (t->tag == T_OPTGROUP && top(sc)->tag == T_OPTGROUP &&
		    in_scope(sc, T_SELECT, SC_SELECT))
			pop(sc);
		break;
	case T_RB:
	case T_RTC:
	case T_RP:
	case T_RT:
		if (in_scope(sc, T_RUBY, SC_DEFAULT))
			implied_ends(sc, t->tag == T_RP || t->tag == T_RT
			                         ? T_RTC
			                         : T_OTHER);
		break;
	default:
		break;
	}
	if (top(sc)->tag == T_COLGROUP && top(sc)->ns == NS_HTML &&
	    t->tag != T_COL)
		pop(sc); /* a column group holds only columns */
	if (f & F_CLOSEP) {
		close_p(sc);
		if ((f & F_HEADING) && top(sc)->ns == NS_HTML &&
		    (F(top(sc)->tag) & F_HEADING))
			pop(sc);
	}
	if ((!(f & F_CLOSEP) || t->tag == T_XMP) && reconstruct(sc) < 0)
		return -1;
	if (f & F_VOID)
		return 0;
	if (push(sc, t->tag, t->name, NS_HTML) < 0)
		return -1;
	if (f & F_FORMAT)
		return add_formatting(sc, t);
	if (f & F_MARKER)
		return add_marker(sc);
	return 0;
}

static void
end_tag(struct scan *sc, const struct tok *t)
{
	size_t i;

	if (top(sc)->ns != NS_HTML) {
		/* the nearest foreign element of the name, unless an HTML
		 * one comes first: then the HTML rules (integration points
		 * too: they take only start tags and text as HTML) */
		for (i = sc->n; i-- > 2 && sc->st[i].ns != NS_HTML;)
			if (sc->st[i].name == t->name) {
				pop_to(sc, i);
				return;
			}
	}
	uint16_t f = F(t->tag);
	if ((i = select_mode(sc)) != 0 && t->tag != T_OPTION &&
	    t->tag != T_OPTGROUP && t->tag != T_SELECT &&
	    t->tag != T_TEMPLATE && t->tag != T_TABLE && t->tag != T_TBODY &&
	    t->tag != T_TFOOT && t->tag != T_THEAD && t->tag != T_TR &&
	    t->tag != T_TD && t->tag != T_TH && t->tag != T_CAPTION)
		return; /* ignored in a select */
	switch (t->tag) {
	case T_HTML:
	case T_BODY:
	case T_HEAD:
		sc->head = 0;
		return;
	case T_P:
		if ((i = in_scope(sc, T_P, SC_BUTTON)))
			pop_to(sc, i - 1);
		return;
	case T_LI:
		if ((i = in_scope(sc, T_LI, SC_LIST)))
			pop_to(sc, i - 1);
		return;
	case T_FORM:
		if (template_open(sc)) {
			/* gumbo closes no form inside a template */
		} else if (sc->form &&
		           in_scope(sc, T_FORM, SC_DEFAULT) == sc->form) {
			remove_open(sc, sc->form - 1);
		}
		sc->form = 0;
		return;
	case T_BR:
		(void)reconstruct(sc);
		return;
	case T_TABLE:
	case T_TBODY:
	case T_THEAD:
	case T_TFOOT:
	case T_TR:
	case T_TD:
	case T_TH:
	case T_CAPTION:
	case T_COLGROUP:
		if ((i = in_scope(sc, t->tag, SC_TABLE)))
			pop_to(sc, i - 1);
		return;
	case T_SELECT:
		if ((i = in_scope(sc, T_SELECT, SC_SELECT)))
			pop_to(sc, i - 1);
		return;
	case T_TEMPLATE:
		for (i = sc->n; i-- > 2;)
			if (sc->st[i].tag == T_TEMPLATE &&
			    sc->st[i].ns == NS_HTML) {
				pop_to(sc, i);
				break;
			}
		return;
	default:
		break;
	}
	if (f & F_HEADING) {
		if ((i = heading_in_scope(sc)))
			pop_to(sc, i - 1);
		return;
	}
	if (f & F_FORMAT) {
		if (adopt(sc, t) < 0)
			other_end(sc, t);
		return;
	}
	if (((f & F_CLOSEP) && t->tag != T_XMP && t->tag != T_PLAINTEXT &&
	     t->tag != T_HR) ||
	    t->tag == T_BUTTON || t->tag == T_DD || t->tag == T_DT ||
	    (f & F_MARKER)) {
		/* the blocks, dd, dt, applet, marquee, object */
		if ((i = in_scope(sc, t->tag, SC_DEFAULT)))
			pop_to(sc, i - 1);
		return;
	}
	other_end(sc, t);
}

/* ---- the tokenizer ---------------------------------------------------- */

/* s[i..n) from the byte after "<!--": the offset after the comment. */
static size_t
skip_comment(const unsigned char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '>')
		return i + 1; /* <!--> */
	if (i + 1 < n && s[i] == '-' && s[i + 1] == '>')
		return i + 2; /* <!---> */
	while (i + 2 < n) {
		const unsigned char *d = memchr(s + i, '-', n - i - 2);
		if (!d)
			break;
		i = (size_t)(d - s);
		if (s[i + 1] == '-') {
			if (s[i + 2] == '>')
				return i + 3;
			if (i + 3 < n && s[i + 2] == '!' && s[i + 3] == '>')
				return i + 4;
		}
		i++;
	}
	return n;
}

/* The offset after the next '>' from i, or n. */
static size_t
skip_to_gt(const unsigned char *s, size_t n, size_t i)
{
	const unsigned char *gt = i < n ? memchr(s + i, '>', n - i) : NULL;
	return gt ? (size_t)(gt - s) + 1 : n;
}

/* Read the tag whose name starts at s[i]: its name, attributes and
 * self-closing flag into *t.  Returns the offset after it, or n when the
 * page ends inside it (the tokenizer drops such a tag: t->name is 0 then);
 * stops early, setting sc->err, past max_attrs attributes. */
static size_t
read_tag(struct scan *sc, const unsigned char *s, size_t n, size_t i,
         size_t max_attrs, struct tok *t)
{
	char name[16];
	size_t len = 0;
	uint64_t h = 14695981039346656037u;

	memset(t, 0, sizeof *t);
	while (i < n && !is_space(s[i]) && s[i] != '/' && s[i] != '>') {
		unsigned char c = lower(s[i++]);
		h = (h ^ c) * 1099511628211u;
		if (len < sizeof name)
			name[len] = (char)c;
		len++;
	}
	if (len < sizeof name) {
		name[len] = '\0';
		const char *const *e = bsearch(name, &names[0].name, NNAMES,
		                               sizeof names[0], by_name);
		if (e) {
			size_t k = (size_t)((const char *)e -
			                    (const char *)&names[0].name) /
			           sizeof names[0];
			t->tag = names[k].tag;
		}
	}
	uint64_t ah = 14695981039346656037u;
	size_t from = i;
	for (;;) {
		while (i < n && (is_space(s[i]) || s[i] == '/')) {
			if (s[i] == '/' && i + 1 < n && s[i + 1] == '>')
				t->self = 1;
			i++;
		}
		if (i >= n)
			return n;
		if (s[i] == '>')
			break;
		/* an attribute name: its first character may be '=' */
		size_t a = i++;
		while (i < n && !is_space(s[i]) && s[i] != '/' && s[i] != '>' &&
		       s[i] != '=')
			i++;
		if (++t->nattrs > max_attrs) {
			sc->err = PAGE_SCAN_ATTRS;
			return i;
		}
		if (t->tag == T_FONT && i - a == 4 &&
		    (strncasecmp((const char *)s + a, "face", 4) == 0 ||
		     strncasecmp((const char *)s + a, "size", 4) == 0))
			t->fontout = 1;
		if (t->tag == T_FONT && i - a == 5 &&
		    strncasecmp((const char *)s + a, "color", 5) == 0)
			t->fontout = 1;
		int enc = t->tag == T_ANNOTATION_XML && i - a == 8 &&
		          strncasecmp((const char *)s + a, "encoding", 8) == 0;
		while (i < n && is_space(s[i]))
			i++;
		if (i >= n)
			return n;
		if (s[i] != '=')
			continue;
		i++;
		while (i < n && is_space(s[i]))
			i++;
		if (i >= n)
			return n;
		size_t v = i, vlen;
		if (s[i] == '"' || s[i] == '\'') {
			const unsigned char *q =
			        memchr(s + i + 1, s[i], n - i - 1);
			if (!q)
				return n;
			i = (size_t)(q - s) + 1;
			v++;
			vlen = i - v - 1;
		} else {
			while (i < n && !is_space(s[i]) && s[i] != '>')
				i++;
			vlen = i - v;
		}
		if (enc && ((vlen == 9 && strncasecmp((const char *)s + v,
		                                      "text/html", 9) == 0) ||
		            (vlen == 21 &&
		             strncasecmp((const char *)s + v,
		                         "application/xhtml+xml", 21) == 0)))
			t->html_ann = 1;
	}
	for (size_t k = from; k < i; k++)
		ah = (ah ^ s[k]) * 1099511628211u;
	t->attrs = ah;
	t->name = h | 1; /* never 0: 0 names the rows and sections supplied */
	return i + 1;
}

/* The offset of the end tag that ends raw text named t from i ("</name"
 * then white space, '/' or '>'), or n. */
static size_t
raw_end(const unsigned char *s, size_t n, size_t i, const char *name)
{
	size_t k = strlen(name);

	while (i < n) {
		const unsigned char *lt = memchr(s + i, '<', n - i);
		if (!lt)
			return n;
		i = (size_t)(lt - s);
		if (i + 2 + k < n && s[i + 1] == '/' &&
		    strncasecmp((const char *)s + i + 2, name, k) == 0 &&
		    (is_space(s[i + 2 + k]) || s[i + 2 + k] == '/' ||
		     s[i + 2 + k] == '>'))
			return i;
		i++;
	}
	return n;
}

/* Whether s[i..n) starts with "<script" (or "</script" when end) and a
 * white space, '/' or '>'. */
static int
script_tag(const unsigned char *s, size_t n, size_t i, int end)
{
	size_t k = i + 1 + (size_t)end;

	return k + 6 < n && (!end || s[i + 1] == '/') &&
	       strncasecmp((const char *)s + k, "script", 6) == 0 &&
	       (is_space(s[k + 6]) || s[k + 6] == '/' || s[k + 6] == '>');
}

/* The offset of the end tag that ends a script's text at s[i..n), or n:
 * "</script" ends it, except inside "<!--" ... "-->" after a "<script"
 * there (the tokenizer's escaped and double-escaped states). */
static size_t
script_end(const unsigned char *s, size_t n, size_t i)
{
	enum { DATA, ESCAPED, DOUBLE } st = DATA;

	for (; i < n; i++) {
		if (s[i] == '-' && st != DATA && i + 2 < n && s[i + 1] == '-' &&
		    s[i + 2] == '>') {
			st = DATA;
			i += 2;
		} else if (s[i] != '<') {
			continue;
		} else if (st == DATA && i + 3 < n &&
		           memcmp(s + i + 1, "!--", 3) == 0) {
			st = ESCAPED;
			i += 3;
			/* "<!-->" and "<!--->" end at once */
			while (i + 1 < n && s[i + 1] == '-')
				i++;
			if (i + 1 < n && s[i + 1] == '>' && s[i] == '-')
				st = DATA;
		} else if (script_tag(s, n, i, 1)) {
			if (st != DOUBLE)
				return i;
			st = ESCAPED;
		} else if (st == ESCAPED && script_tag(s, n, i, 0)) {
			st = DOUBLE;
		}
	}
	return n;
}

static const char *
tag_name(uint8_t tag)
{
	return tag ? names[tag - 1].name : "";
}

/* Text: reopens formatting elements under the HTML rules. */
static int
text(struct scan *sc, const unsigned char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!is_space(s[k])) {
			sc->head = sc->frameset_ok = 0;
			return html_context(sc) ? reconstruct(sc) : 0;
		}
	return 0;
}

enum page_scan
page_scan(const unsigned char *s, size_t n, size_t max_depth, size_t max_attrs,
          size_t *where)
{
	struct scan sc = {0};
	struct tok t;
	size_t i = 0, at = 0;

	*where = 0;
	sc.max = max_depth < 2 ? 2 : max_depth;
	sc.head = 1;
	sc.frameset_ok = 1;
	/* the html and body elements every page has */
	if (push(&sc, T_HTML, 0, NS_HTML) < 0 ||
	    push(&sc, T_BODY, 0, NS_HTML) < 0)
		goto out;
	while (i < n && !sc.err) {
		const unsigned char *lt = memchr(s + i, '<', n - i);
		size_t stop = lt ? (size_t)(lt - s) : n;
		if (text(&sc, s + i, stop - i) < 0)
			break;
		if (!lt)
			break;
		at = i = stop;
		if (i + 1 >= n) {
			(void)text(&sc, s + i, 1);
			break;
		}
		unsigned char c = s[i + 1];
		if (c == '!') {
			if (n - i >= 4 && memcmp(s + i + 2, "--", 2) == 0) {
				i = skip_comment(s, n, i + 4);
			} else if (n - i >= 9 &&
			           memcmp(s + i + 2, "[CDATA[", 7) == 0 &&
			           !html_context(&sc)) {
				const unsigned char *e = s + i + 9;
				while ((e = memchr(e, ']',
				                   (size_t)(s + n - e))) &&
				       (s + n - e < 3 || memcmp(e, "]]>", 3)))
					e++;
				i = e ? (size_t)(e - s) + 3 : n;
			} else {
				i = skip_to_gt(s, n, i + 2);
			}
		} else if (c == '?') {
			i = skip_to_gt(s, n, i + 2);
		} else if (c == '/') {
			if (i + 2 >= n) {
				(void)text(&sc, s + i, 2);
				break;
			}
			if (!is_alpha(s[i + 2])) {
				i = skip_to_gt(s, n, i + 2);
				continue;
			}
			i = read_tag(&sc, s, n, i + 2, max_attrs, &t);
			if (t.name && !sc.err)
				end_tag(&sc, &t);
		} else if (is_alpha(c)) {
			i = read_tag(&sc, s, n, i + 1, max_attrs, &t);
			if (!t.name || sc.err)
				continue;
			if (start_tag(&sc, &t) < 0)
				break;
			if (top(&sc)->name != t.name || top(&sc)->ns != NS_HTML)
				continue; /* ignored, or foreign: no raw text */
			if (t.tag == T_PLAINTEXT)
				break; /* the rest is text */
			if (t.tag == T_SCRIPT)
				i = script_end(s, n, i);
			else if (F(t.tag) & F_RAW)
				i = raw_end(s, n, i, tag_name(t.tag));
		} else {
			(void)text(&sc, s + i, 1);
			i++;
		}
	}
out:
	if (sc.err)
		*where = at;
	free(sc.st);
	free(sc.fl);
	return sc.err;
}
