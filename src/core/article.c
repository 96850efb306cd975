/* article.c - which part of a web page is its article (article.h).
 *
 * Owns the choice of a page's article.  The walk of webpage.c reports each
 * element and the text in it; this file keeps one record per element, in
 * the order entered (so an element's descendants follow it, up to its
 * `end`), with the text it holds, the part of that text inside links, its
 * commas, and a hint from the words of its id and class.  The choice, in
 * article_choose, is made the way content extractors are described in the
 * literature (text length, punctuation and link density of blocks, and the
 * names authors give them), in these steps:
 *
 *   1. Paragraphs vote.  A paragraph is the text whose nearest block
 *      element is the same (a p, or a div holding text itself); one of 25
 *      bytes or more (not a list item, header cell or h1), not inside an
 *      element whose name says it is no content (an ad, a share bar,
 *      comments, a sidebar: neg_words), gives its block ancestors 1 + its
 *      commas + a point a 100 bytes (at most 3): all of it to the nearest,
 *      half to the next, a third of a level's share to those above, five
 *      levels up (table rows and bodies are passed over).  An element starts
 *      with a score from its name (a div more, a list or a heading less)
 *      and 25 a hint word (content, article, story... add; ad, share,
 *      related, comment... take away).  Where every paragraph is inside
 *      such an element (a "modal" around the whole page), the vote is
 *      held again without heeding the names.
 *   2. The score is scaled by the share of the element's text that is not
 *      in links, and the best element is the article's core; where it has
 *      two rivals or more close to its score, the element holding them
 *      all.  Markup that says where the article is wins over the scores:
 *      an element whose itemprop is articleBody, else the element holding
 *      the whole articleBody of the page's JSON-LD; it is then kept alone
 *      (no parent, no sibling joins it).
 *   3. The core is widened to an article element around it of at most
 *      twice its text; one that is not an article element, to each parent
 *      scoring at least half as well as it; then to a wrapper holding
 *      nothing more.
 *   4. The core's siblings join it when they score near it, or read as
 *      prose: long with few links, or short with no link and a sentence's
 *      full stop (not a copyright notice).
 *   5. Inside what is kept, furniture is dropped: an element whose name
 *      says it is no content; a block (not a heading, list item or cell)
 *      over half links, a list three quarters links, or a div, section or
 *      table with few commas and a quarter links (lists of related
 *      stories, tags); a block whose whole text is a furniture phrase
 *      ("Advertisement", "Share on Facebook", "Leave a Reply": phrases) or
 *      a copyright notice.
 *   6. The headline (the last h1 before the core, or the first in it) and
 *      the elements between it and the core named as a byline or a
 *      standfirst are kept, where the core does not hold them.
 *
 * With no paragraph of 25 bytes, or a core of under CORE_MIN bytes, there
 * is no article, and the page is shown whole.
 */
#include "article.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redline/grow.h"
#include "redline/uni.h"

#define NONE UINT32_MAX

/* Ancestors looked through for a paragraph's block ancestors (inline ones
 * nested thousands deep would cost time, not votes). */
#define ANCESTORS_MAX 64

#define PARA_MIN    25   /* bytes of a paragraph that votes */
#define CORE_MIN    200  /* bytes of text of an article's core */
#define HINT        25   /* score of one hint word */
#define LEVELS      5    /* block ancestors a paragraph votes for */
#define RIVAL       0.75 /* share of the best score that makes a rival */
#define SIBLING     0.2  /* share of it that makes a sibling join */
#define SIBLING_MIN 10   /* and the least score that does */
#define CLIMB       0.5  /* share of the core's score a parent needs */
#define WIDEN       2.0  /* text of an article element over the core's */
#define LIST_LINKS  0.75 /* share of links that makes a list furniture */
#define PROSE_LONG  80   /* bytes of a sibling read as prose by its length */
#define PHRASE_MAX  48   /* longest text matched against phrases */
#define BYLINE_MAX  400  /* longest byline or standfirst kept */

enum tag {
	T_OTHER,
	T_A,
	T_P,
	T_DIV,
	T_ARTICLE,
	T_SECTION,
	T_MAIN,
	T_PRE,
	T_TD,
	T_BLOCKQUOTE,
	T_LI,
	T_LIST,
	T_DT,
	T_H1,
	T_HEADING,
	T_TH,
	T_TABLE,
	T_FIGURE,
	T_ADDRESS,
	T_BODY,
	T_HTML,
	T_FORM,
	T_ROWS /* tr, tbody, thead, tfoot: no candidates */
};

static const struct {
	const char *name;
	uint8_t tag;
} tags[] = {
        {"a", T_A},
        {"p", T_P},
        {"div", T_DIV},
        {"article", T_ARTICLE},
        {"section", T_SECTION},
        {"main", T_MAIN},
        {"pre", T_PRE},
        {"td", T_TD},
        {"blockquote", T_BLOCKQUOTE},
        {"li", T_LI},
        {"ul", T_LIST},
        {"ol", T_LIST},
        {"dl", T_LIST},
        {"dt", T_DT},
        {"dd", T_DT},
        {"h1", T_H1},
        {"h2", T_HEADING},
        {"h3", T_HEADING},
        {"h4", T_HEADING},
        {"h5", T_HEADING},
        {"h6", T_HEADING},
        {"th", T_TH},
        {"table", T_TABLE},
        {"figure", T_FIGURE},
        {"figcaption", T_FIGURE},
        {"address", T_ADDRESS},
        {"body", T_BODY},
        {"html", T_HTML},
        {"form", T_FORM},
        {"tr", T_ROWS},
        {"tbody", T_ROWS},
        {"thead", T_ROWS},
        {"tfoot", T_ROWS},
};

/* Record flags. */
enum {
	F_BLOCK = 1,   /* a block element: it starts a paragraph */
	F_LINK = 2,    /* a link, or inside one */
	F_BODY = 4,    /* itemprop articleBody */
	F_VOTED = 8,   /* has a score */
	F_BYLINE = 16, /* named as a byline or standfirst */
	F_POS = 32,    /* named as content */
	F_NEG = 64     /* named as no content */
};

struct rec {
	uint32_t parent;      /* the element it is in, or NONE */
	uint32_t end;         /* the first element after all it holds */
	uint32_t start, stop; /* its text: [start, stop) of the walk's */
	uint32_t text;        /* bytes of its text, white space left out */
	uint32_t link;        /* of those, in links */
	uint32_t commas;      /* commas in its text */
	uint32_t itext;       /* bytes of text whose nearest block it is */
	uint32_t icommas;     /* commas in that text */
	uint32_t cls;         /* a hash of its class attribute, 0 if none */
	float score;          /* its vote, once F_VOTED */
	uint8_t tag;          /* enum tag */
	uint8_t flags;        /* F_* */
	uint8_t verdict;      /* enum article_verdict */
	int8_t hint;          /* hint words: content + 1, no content - 1 */
};

/* One open element: its record and that of its nearest block. */
struct open {
	uint32_t rec, block;
};

struct article {
	struct rec *r;
	size_t n, cap;
	struct open *open;
	size_t nopen, opencap;
	char *body; /* the JSON-LD articleBody, or NULL */
	size_t bodylen;
	int big; /* text past 4 GiB: no article is chosen */
};

/* ---- names ------------------------------------------------------------ */

/* Words of an id or class that say an element holds no content, or the
 * article's, or a byline or standfirst; whole words (split as in
 * "share-bar", "share_bar", "shareBar"), or, for the prefixes, words
 * starting so ("advertorial", "sharebar"). */
static const char *const neg_words[] = {
        "ad",           "ads",         "adv",        "adslot",
        "adunit",       "adbox",       "adwrap",     "adcontainer",
        "banner",       "promo",       "promos",     "promoted",
        "promotion",    "social",      "related",    "comment",
        "comments",     "commentlist", "disqus",     "discussion",
        "respond",      "reply",       "replies",    "sidebar",
        "widget",       "widgets",     "newsletter", "subscribe",
        "subscription", "signup",      "cookie",     "cookies",
        "footer",       "masthead",    "breadcrumb", "breadcrumbs",
        "tags",         "tag",         "tagcloud",   "taglist",
        "popup",        "modal",       "trending",   "popular",
        "mostread",     "toolbar",     "pagination", "pager",
        "print",        "rss",         "ticker",     "nav",
        "navbar",       "menu",        "skip",       "partner",
        "partners",     "affiliate",   "teaser",     "teasers",
        "rail",         "follow",      "shoutbox",   "recirc",
        "outbrain",     "taboola",     "sponsor",    "sponsors",
        "sponsored",    "share",       "shares",     "sharing",
        "login",        "combx",       "community",  "sitemap",
        "jump",         "bio",         "bios",       "biography",
};
static const char *const neg_prefixes[] = {
        "advert",   "sponsor", "newsletter", "subscri",
        "sharebar", "sharing", "socialbar",  "popup",
        "outbrain", "taboola", "recommend",  "breadcrumb",
        "disqus",   "shareto", "sharethis",  "related",
};
static const char *const pos_words[] = {
        "article", "articles", "content", "contents", "story",
        "body",    "post",     "entry",   "text",     "main",
        "blog",    "hentry",   "prose",   "page",     "column",
};
static const char *const pos_prefixes[] = {"article", "story"};
static const char *const byline_words[] = {
        "byline",  "author", "authors",   "dateline", "standfirst",
        "dek",     "deck",   "subtitle",  "subhead",  "subheadline",
        "summary", "lede",   "strapline", "intro",
};

/* Whole texts of an element that make it furniture: lower case, letters
 * and single spaces only. */
static const char *const phrases[] = {
        "advertisement",
        "advertisements",
        "advertising",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "promoted",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "share on linkedin",
        "share on whatsapp",
        "share via email",
        "share by email",
        "tweet",
        "email",
        "print",
        "facebook",
        "twitter",
        "linkedin",
        "pinterest",
        "whatsapp",
        "reddit",
        "read more",
        "read also",
        "also read",
        "see also",
        "related",
        "related articles",
        "related stories",
        "related posts",
        "related content",
        "more stories",
        "recommended",
        "recommended for you",
        "you may also like",
        "you might also like",
        "most popular",
        "most read",
        "trending",
        "leave a reply",
        "leave a comment",
        "comments",
        "comment",
        "post a comment",
        "add a comment",
        "join the discussion",
        "show comments",
        "view comments",
        "subscribe",
        "sign up",
        "newsletter",
        "follow us",
        "skip to content",
        "skip advertisement",
        "continue reading",
        "story continues below advertisement",
        "article continues below advertisement",
        "article continues below",
        "continue reading below",
};

#define IN(w, list)     in_list(w, list, sizeof list / sizeof list[0])
#define STARTS(w, list) starts_list(w, list, sizeof list / sizeof list[0])

static int
in_list(const char *w, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

static int
starts_list(const char *w, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strncmp(w, list[i], strlen(list[i])) == 0)
			return 1;
	return 0;
}

#define WORD_MAX 24 /* longest word of a name looked at, with its NUL */

#define NAME_WORDS 4 /* a name of more words is a slug of prose */

/* The hint flags (F_POS, F_NEG, F_BYLINE) of one word w[0..k) of a name,
 * lower case. */
static unsigned
word_hints(const char *w, size_t k)
{
	unsigned f = 0;

	if (IN(w, neg_words) || STARTS(w, neg_prefixes))
		f |= F_NEG;
	if (IN(w, pos_words) || STARTS(w, pos_prefixes) ||
	    (k > 7 && strcmp(w + k - 7, "content") == 0) ||
	    (k > 4 && strcmp(w + k - 4, "body") == 0))
		f |= F_POS;
	if (IN(w, byline_words))
		f |= F_BYLINE;
	return f;
}

/* The hint flags (F_POS, F_NEG, F_BYLINE) of an id or class value v: the
 * words of each of its space-separated names, split at anything not a
 * letter or digit and between a small and a capital letter, lowercased
 * (a longer word is cut).  A name of over NAME_WORDS words is the slug of
 * a heading ("sharing-with-a-single-developer"), and says nothing. */
static unsigned
name_hints(const char *v)
{
	unsigned f = 0;
	size_t i = 0;

	if (!v)
		return 0;
	while (v[i]) {
		unsigned nf = 0, words = 0;
		i += strspn(v + i, " \t\n\r\f");
		while (v[i] && !strchr(" \t\n\r\f", v[i])) {
			char w[WORD_MAX];
			size_t k = 0;
			while (v[i] && !isalnum((unsigned char)v[i]) &&
			       !strchr(" \t\n\r\f", v[i]))
				i++;
			while (v[i] && isalnum((unsigned char)v[i])) {
				if (k && islower((unsigned char)v[i - 1]) &&
				    isupper((unsigned char)v[i]))
					break;
				if (k + 1 < WORD_MAX)
					w[k++] = (char)tolower(
					        (unsigned char)v[i]);
				i++;
			}
			if (!k)
				continue;
			w[k] = '\0';
			words++;
			nf |= word_hints(w, k);
		}
		if (words <= NAME_WORDS)
			f |= nf;
	}
	return f;
}

/* Whether the space-separated value v holds the token t. */
static int
has_token(const char *v, const char *t)
{
	size_t tl = strlen(t);

	while (v && *v) {
		size_t k = strcspn(v, " \t\n\r\f");
		if (k == tl && strncmp(v, t, k) == 0)
			return 1;
		v += k;
		v += strspn(v, " \t\n\r\f");
	}
	return 0;
}

/* ---- the records ------------------------------------------------------ */

struct article *
article_new(void)
{
	return calloc(1, sizeof(struct article));
}

void
article_free(struct article *a)
{
	if (!a)
		return;
	free(a->r);
	free(a->open);
	free(a->body);
	free(a);
}

int
article_enter(struct article *a, const char *name, int block, const char *id,
              const char *cls, const char *itemprop, size_t at)
{
	struct rec *nr = grow_array(a->r, &a->cap, a->n + 1, sizeof *nr, 256);
	if (!nr)
		return -1;
	a->r = nr;
	struct open *no =
	        grow_array(a->open, &a->opencap, a->nopen + 1, sizeof *no, 64);
	if (!no)
		return -1;
	a->open = no;
	if (at >= UINT32_MAX || a->n >= UINT32_MAX - 1)
		a->big = 1;

	struct rec *r = &a->r[a->n];
	memset(r, 0, sizeof *r);
	r->parent = a->nopen ? a->open[a->nopen - 1].rec : NONE;
	r->end = (uint32_t)a->n + 1;
	r->start = r->stop = (uint32_t)at;
	r->verdict = ARTICLE_AS_PARENT;
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
		if (strcmp(name, tags[i].name) == 0)
			r->tag = tags[i].tag;
	if (block)
		r->flags |= F_BLOCK;
	if (r->tag == T_A ||
	    (r->parent != NONE && (a->r[r->parent].flags & F_LINK)))
		r->flags |= F_LINK;
	if (itemprop && has_token(itemprop, "articleBody"))
		r->flags |= F_BODY;
	unsigned hi = name_hints(id), hc = name_hints(cls);
	r->hint = (int8_t)(!!(hi & F_POS) - !!(hi & F_NEG) + !!(hc & F_POS) -
	                   !!(hc & F_NEG));
	r->flags |= (uint8_t)((hi | hc) & (F_BYLINE | F_POS | F_NEG));
	if (cls && *cls) {
		uint32_t h = 2166136261u; /* FNV-1a */
		for (const char *p = cls; *p; p++)
			h = (h ^ (unsigned char)*p) * 16777619u;
		r->cls = h ? h : 1;
	}
	uint32_t blk = (r->flags & F_BLOCK) || !a->nopen
	                       ? (uint32_t)a->n
	                       : a->open[a->nopen - 1].block;
	a->open[a->nopen++] = (struct open){(uint32_t)a->n, blk};
	a->n++;
	return 0;
}

void
article_text(struct article *a, const char *s, size_t n)
{
	uint32_t bytes = 0, commas = 0;

	if (!a->nopen)
		return;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\n')
			continue;
		bytes++;
		/* ',' and the full-width comma and ideographic comma */
		if (c == ',' ||
		    (i + 2 < n && c == 0xEF &&
		     (unsigned char)s[i + 1] == 0xBC &&
		     (unsigned char)s[i + 2] == 0x8C) ||
		    (i + 2 < n && c == 0xE3 &&
		     (unsigned char)s[i + 1] == 0x80 &&
		     (unsigned char)s[i + 2] == 0x81))
			commas++;
	}
	struct open *o = &a->open[a->nopen - 1];
	struct rec *r = &a->r[o->rec];
	if (r->text > UINT32_MAX - bytes) {
		a->big = 1;
		return;
	}
	r->text += bytes;
	r->commas += commas;
	if (r->flags & F_LINK)
		r->link += bytes;
	a->r[o->block].itext += bytes;
	a->r[o->block].icommas += commas;
}

void
article_leave(struct article *a, size_t at)
{
	if (!a->nopen)
		return;
	uint32_t i = a->open[--a->nopen].rec;
	struct rec *r = &a->r[i];
	r->stop = at < UINT32_MAX ? (uint32_t)at : UINT32_MAX;
	r->end = (uint32_t)a->n;
	if (r->parent != NONE) {
		struct rec *p = &a->r[r->parent];
		if (p->text > UINT32_MAX - r->text) {
			a->big = 1;
			return;
		}
		p->text += r->text;
		p->link += r->link;
		p->commas += r->commas;
	}
}

/* ---- JSON-LD ---------------------------------------------------------- */

/* Append the UTF-8 of code point c to b. */
static size_t
put_utf8(char *b, uint32_t c)
{
	if (c < 0x80) {
		b[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		b[0] = (char)(0xC0 | c >> 6);
		b[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		b[0] = (char)(0xE0 | c >> 12);
		b[1] = (char)(0x80 | (c >> 6 & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	b[0] = (char)(0xF0 | c >> 18);
	b[1] = (char)(0x80 | (c >> 12 & 0x3F));
	b[2] = (char)(0x80 | (c >> 6 & 0x3F));
	b[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Four hex digits at s, or -1. */
static long
hex4(const char *s)
{
	long v = 0;

	for (int i = 0; i < 4; i++) {
		int d = uni_hex_digit((unsigned char)s[i]);
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* The JSON string starting at s (after its opening quote), decoded into a
 * malloc'd buffer *out of *len bytes; 0, 1 when it is not closed, -1
 * when memory ran out.  Bad escapes become U+FFFD. */
static int
json_string(const char *s, char **out, size_t *len)
{
	size_t n = 0;

	while (s[n] && s[n] != '"')
		n += s[n] == '\\' && s[n + 1] ? 2 : 1;
	if (s[n] != '"')
		return 1;
	/* an escape decodes to no more than half as long again: a bad
	 * "\u" (2 bytes) to U+FFFD (3) */
	char *b = n < SIZE_MAX / 2 - 4 ? malloc(n + n / 2 + 4) : NULL;
	if (!b)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] != '\\') {
			b[k++] = s[i++];
			continue;
		}
		char e = s[i + 1];
		i += 2;
		if (e == 'n' || e == 'r' || e == 't' || e == 'f' || e == 'b') {
			b[k++] = e == 'n' ? '\n' : ' ';
		} else if (e == 'u') {
			long c = i + 4 <= n ? hex4(s + i) : -1;
			i += c < 0 ? 0 : 4;
			if (c >= 0xD800 && c < 0xDC00 && i + 6 <= n &&
			    s[i] == '\\' && s[i + 1] == 'u') {
				long lo = hex4(s + i + 2);
				if (lo >= 0xDC00 && lo < 0xE000) {
					c = 0x10000 + ((c - 0xD800) << 10) +
					    (lo - 0xDC00);
					i += 6;
				}
			}
			if (c < 0 || (c >= 0xD800 && c < 0xE000) || c == 0)
				c = 0xFFFD;
			k += put_utf8(b + k, (uint32_t)c);
		} else {
			b[k++] = e;
		}
	}
	b[k] = '\0';
	*out = b;
	*len = k;
	return 0;
}

int
article_jsonld(struct article *a, const char *json)
{
	static const char key[] = "\"articleBody\"";
	const char *p = json;

	while ((p = strstr(p, key)) != NULL) {
		p += sizeof key - 1;
		const char *q = p + strspn(p, " \t\r\n");
		if (*q != ':')
			continue;
		q++;
		q += strspn(q, " \t\r\n");
		if (*q != '"')
			continue;
		char *s;
		size_t len;
		int rc = json_string(q + 1, &s, &len);
		if (rc < 0)
			return -1;
		if (rc > 0)
			continue;
		if (len > a->bodylen) {
			free(a->body);
			a->body = s;
			a->bodylen = len;
		} else {
			free(s);
		}
	}
	return 0;
}

/* ---- matching words --------------------------------------------------- */

/* Whether byte c is part of a word when texts are matched: a letter, a
 * digit, or any byte of a character past ASCII. */
static int
wordbyte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* The offset in s[0..n) of the words w[0..wn) (a run of word bytes and
 * single spaces, lower case), matched word by word, case aside, anything
 * not a word byte between words; *stop is set past the last.  -1 when
 * they are not there. */
static long
find_words(const char *s, size_t n, const char *w, size_t wn, size_t *stop)
{
	for (size_t i = 0; i < n; i++) {
		if (!wordbyte((unsigned char)s[i]) ||
		    (i && wordbyte((unsigned char)s[i - 1])))
			continue;
		size_t j = i, k = 0;
		while (k < wn && j < n) {
			if (w[k] == ' ') {
				if (wordbyte((unsigned char)s[j]))
					break;
				while (j < n && !wordbyte((unsigned char)s[j]))
					j++;
				k++;
				continue;
			}
			if (tolower((unsigned char)s[j]) != w[k])
				break;
			j++;
			k++;
		}
		if (k == wn && (j == n || !wordbyte((unsigned char)s[j]))) {
			*stop = j;
			return (long)i;
		}
	}
	return -1;
}

#define KEY_WORDS 8   /* words of the JSON-LD body matched at each end */
#define KEY_MAX   160 /* longest run of them, bytes */

/* The first (last = 0) or last (last = 1) KEY_WORDS words of s[0..n) in
 * key as find_words wants them; their length, 0 when there are too few
 * (or they hold markup: an articleBody in HTML is not looked for). */
static size_t
key_words(const char *s, size_t n, int last, char key[KEY_MAX])
{
	size_t i, words = 0, from;

	if (memchr(s, '<', n))
		return 0;
	if (last) {
		for (i = n; i > 0 && words < KEY_WORDS; i--)
			if (wordbyte((unsigned char)s[i - 1]) &&
			    (i == 1 || !wordbyte((unsigned char)s[i - 2])))
				words++;
		from = i;
	} else {
		from = 0;
	}
	size_t k = 0;
	words = 0;
	for (i = from; i < n && words < KEY_WORDS;) {
		while (i < n && !wordbyte((unsigned char)s[i]))
			i++;
		if (i >= n)
			break;
		if (k)
			key[k++] = ' ';
		while (i < n && wordbyte((unsigned char)s[i])) {
			if (k + 2 >= KEY_MAX)
				return 0;
			key[k++] = (char)tolower((unsigned char)s[i++]);
		}
		words++;
	}
	return words == KEY_WORDS ? k : 0;
}

/* The deepest element holding the whole JSON-LD articleBody in text[0..n),
 * or NONE. */
static uint32_t
jsonld_element(const struct article *a, const char *text, size_t n)
{
	char head[KEY_MAX], tail[KEY_MAX];
	size_t hl, tl, hstop, tstop;

	if (!a->body)
		return NONE;
	hl = key_words(a->body, a->bodylen, 0, head);
	tl = key_words(a->body, a->bodylen, 1, tail);
	if (!hl || !tl)
		return NONE;
	long h = find_words(text, n, head, hl, &hstop);
	if (h < 0)
		return NONE;
	long t = find_words(text + h, n - (size_t)h, tail, tl, &tstop);
	if (t < 0)
		return NONE;
	size_t from = (size_t)h, to = (size_t)h + tstop;
	uint32_t best = NONE;
	for (size_t i = 0; i < a->n; i++)
		if (a->r[i].start <= from && a->r[i].stop >= to)
			best = (uint32_t)i;
	return best;
}

/* ---- the choice ------------------------------------------------------- */

/* The score an element starts with, from its name and hints. */
static float
base_score(const struct rec *r)
{
	float s = (float)(r->hint * HINT);

	switch (r->tag) {
	case T_DIV:
	case T_ARTICLE:
		return s + 5;
	case T_PRE:
	case T_TD:
	case T_BLOCKQUOTE:
		return s + 3;
	case T_ADDRESS:
	case T_LIST:
	case T_DT:
	case T_LI:
	case T_FORM:
		return s - 3;
	case T_H1:
	case T_HEADING:
	case T_TH:
		return s - 5;
	default:
		return s;
	}
}

static float
link_density(const struct rec *r)
{
	return r->text ? (float)r->link / (float)r->text : 0;
}

static float
final_score(const struct rec *r)
{
	return r->score * (1 - link_density(r));
}

/* Whether element i holds element j (or is it). */
static int
holds(const struct article *a, uint32_t i, uint32_t j)
{
	return j >= i && j < a->r[i].end;
}

/* Whether the text of r, lower case, letters and single spaces only (a
 * count left aside: "941 comments"), is one of the phrases. */
static int
is_phrase(const struct rec *r, const char *text)
{
	char w[PHRASE_MAX + 1];
	size_t k = 0;

	if (r->text == 0 || r->text > PHRASE_MAX)
		return 0;
	for (uint32_t i = r->start; i < r->stop; i++) {
		unsigned char c = (unsigned char)text[i];
		if (isalpha(c)) {
			if (k >= PHRASE_MAX)
				return 0;
			w[k++] = (char)tolower(c);
		} else if (c >= 0x80) {
			return 0;
		} else if (k && w[k - 1] != ' ') {
			if (k >= PHRASE_MAX)
				return 0;
			w[k++] = ' ';
		}
	}
	if (k && w[k - 1] == ' ')
		k--;
	w[k] = '\0';
	return IN(w, phrases);
}

#define NOTICE_MAX 200 /* longest copyright notice looked for */

/* Whether the text of r is a copyright notice: short, and starting with
 * "copyright" or the sign, or saying "all rights reserved". */
static int
is_notice(const struct rec *r, const char *text)
{
	char w[NOTICE_MAX * 2 + 1];
	size_t k = 0;

	if (r->text == 0 || r->text > NOTICE_MAX)
		return 0;
	for (uint32_t i = r->start; i < r->stop && k < sizeof w - 1; i++)
		if (k || !isspace((unsigned char)text[i]))
			w[k++] = (char)tolower((unsigned char)text[i]);
	w[k] = '\0';
	return strncmp(w, "copyright", 9) == 0 ||
	       strncmp(w, "\xC2\xA9", 2) == 0 ||
	       strstr(w, "all rights reserved") != NULL;
}

/* Whether a text block r reads as prose: long with few links, or short
 * with none and a full stop ending a sentence. */
static int
prose(const struct rec *r, const char *text)
{
	float ld = link_density(r);

	if (is_notice(r, text))
		return 0;
	if (r->text > PROSE_LONG)
		return ld < 0.25;
	if (!r->text || r->link)
		return 0;
	for (uint32_t i = r->start; i < r->stop; i++)
		if (text[i] == '.' && (i + 1 == r->stop || text[i + 1] == ' ' ||
		                       text[i + 1] == '\n'))
			return 1;
	return 0;
}

/* Step 1: the paragraphs' votes; the element of the best final score
 * (step 2), or NONE when none has a vote. */
static uint32_t
vote(struct article *a, const unsigned char *unlikely)
{
	uint32_t core = NONE;

	for (size_t i = 0; i < a->n; i++) {
		struct rec *r = &a->r[i];
		if (!(r->flags & F_BLOCK) || r->itext < PARA_MIN ||
		    unlikely[i] || r->tag == T_LI || r->tag == T_H1 ||
		    r->tag == T_TH || r->tag == T_DT)
			continue;
		float v = 1 + (float)r->icommas +
		          (r->itext >= 300 ? 3 : (float)(r->itext / 100));
		uint32_t p = r->parent;
		for (int level = 1, up = 0;
		     p != NONE && level <= LEVELS && up < ANCESTORS_MAX;
		     p = a->r[p].parent, up++) {
			struct rec *q = &a->r[p];
			if (!(q->flags & F_BLOCK) || q->tag == T_ROWS)
				continue;
			if (!(q->flags & F_VOTED)) {
				q->score = base_score(q);
				q->flags |= F_VOTED;
			}
			q->score += level == 1   ? v
			            : level == 2 ? v / 2
			                         : v / (3 * (float)level);
			level++;
		}
	}
	for (size_t i = 0; i < a->n; i++)
		if ((a->r[i].flags & F_VOTED) &&
		    (core == NONE ||
		     final_score(&a->r[i]) > final_score(&a->r[core])))
			core = (uint32_t)i;
	return core;
}

/* Step 3: the element holding the core and its rivals. */
static uint32_t
with_rivals(const struct article *a, uint32_t core)
{
	float best = final_score(&a->r[core]);
	uint32_t top = core;
	int rivals = 0;

	for (size_t i = 0; i < a->n; i++) {
		const struct rec *r = &a->r[i];
		if (!(r->flags & F_VOTED) || final_score(r) < best * RIVAL ||
		    holds(a, core, (uint32_t)i) || holds(a, (uint32_t)i, core))
			continue;
		rivals++;
		while (top != NONE && !holds(a, top, (uint32_t)i))
			top = a->r[top].parent;
	}
	if (rivals < 2 || top == NONE || a->r[top].tag == T_BODY ||
	    a->r[top].tag == T_HTML)
		return core;
	return top;
}

/* Whether element i is inline, in a paragraph with text of its own (a
 * link named "tag" in a sentence is part of it). */
static int
in_prose(const struct article *a, uint32_t i)
{
	const struct rec *r = &a->r[i];

	if (r->flags & F_BLOCK)
		return 0;
	uint32_t b = r->parent;
	for (int up = 0; b != NONE && !(a->r[b].flags & F_BLOCK); up++) {
		if (up == ANCESTORS_MAX)
			return 0;
		b = a->r[b].parent;
	}
	return b != NONE && a->r[b].text > r->text;
}

/* Step 5: drop the furniture inside kept element k. */
static void
clean(struct article *a, uint32_t k, const char *text)
{
	for (uint32_t i = k + 1; i < a->r[k].end;) {
		struct rec *r = &a->r[i];
		int drop = 0;
		if (r->tag == T_H1 || !r->text ||
		    ((r->flags & F_BYLINE) && !(r->flags & F_NEG))) {
			i++;
			continue;
		}
		float ld = link_density(r);
		if ((r->flags & F_NEG) && !(r->flags & F_POS) &&
		    !in_prose(a, i))
			drop = 1;
		else if ((r->flags & F_BLOCK) &&
		         (is_phrase(r, text) || is_notice(r, text)))
			drop = 1;
		else if ((r->flags & F_BLOCK) && r->tag != T_LI &&
		         r->tag != T_DT && r->tag != T_TD && r->tag != T_TH &&
		         r->tag != T_ROWS && r->tag != T_HEADING &&
		         r->commas < 10 &&
		         ld > (r->tag == T_LIST ? LIST_LINKS : 0.5))
			drop = 1;
		else if ((r->tag == T_DIV || r->tag == T_SECTION ||
		          r->tag == T_TABLE) &&
		         r->commas < 10 && ld > 0.25 && r->hint <= 0)
			drop = 1;
		if (drop) {
			r->verdict = ARTICLE_DROP;
			i = r->end;
		} else {
			i++;
		}
	}
}

/* Step 6: the headline, and a byline or standfirst, outside the core. */
static void
headline(struct article *a, uint32_t core)
{
	uint32_t h1 = NONE;

	for (uint32_t i = 0; i < a->r[core].end; i++) {
		if (a->r[i].tag != T_H1 || !a->r[i].text)
			continue;
		h1 = i;
		if (i > core)
			break;
	}
	if (h1 == NONE || holds(a, core, h1))
		return;
	a->r[h1].verdict = ARTICLE_KEEP;
	for (uint32_t i = a->r[h1].end; i < core;) {
		struct rec *r = &a->r[i];
		if ((r->flags & F_BYLINE) && !(r->flags & F_NEG) && r->text &&
		    r->text <= BYLINE_MAX && link_density(r) < 0.5 &&
		    !holds(a, i, core)) {
			r->verdict = ARTICLE_KEEP;
			i = r->end;
		} else {
			i++;
		}
	}
}

int
article_choose(struct article *a, const char *text, size_t n)
{
	if (a->big || !a->n)
		return 0;
	unsigned char *unlikely = malloc(a->n);
	if (!unlikely)
		return -1;
	for (size_t i = 0; i < a->n; i++) {
		const struct rec *r = &a->r[i];
		unlikely[i] = (r->parent != NONE && unlikely[r->parent]) ||
		              ((r->flags & F_NEG) && !(r->flags & F_POS) &&
		               r->tag != T_BODY && r->tag != T_HTML &&
		               r->tag != T_ARTICLE && r->tag != T_MAIN);
	}
	uint32_t core = vote(a, unlikely);
	if (core == NONE) {
		/* all the page's text is in elements named as no content
		 * (a "modal" around it all): the names are not heeded */
		memset(unlikely, 0, a->n);
		core = vote(a, unlikely);
	}
	free(unlikely);
	if (core == NONE)
		return 0;
	core = with_rivals(a, core);

	/* markup that names the article */
	uint32_t body = NONE;
	for (size_t i = 0; i < a->n; i++)
		if ((a->r[i].flags & F_BODY) && a->r[i].text >= CORE_MIN &&
		    (body == NONE || a->r[i].text > a->r[body].text))
			body = (uint32_t)i;
	if (body == NONE)
		body = jsonld_element(a, text, n);
	int named = body != NONE && a->r[body].text >= CORE_MIN;
	if (named)
		core = body;
	for (uint32_t p = a->r[core].parent; p != NONE; p = a->r[p].parent)
		if (a->r[p].tag == T_ARTICLE) {
			if ((double)a->r[p].text <=
			    WIDEN * (double)a->r[core].text)
				core = p;
			break;
		}
	/* a parent scoring near the core holds more of the article, unless
	 * the page says the core is an article (its parent may hold others'
	 * teasers) */
	for (uint32_t p = a->r[core].parent;
	     !named && a->r[core].tag != T_ARTICLE && p != NONE &&
	     (a->r[p].flags & F_VOTED) && a->r[p].tag != T_BODY &&
	     a->r[p].tag != T_HTML &&
	     final_score(&a->r[p]) >= CLIMB * final_score(&a->r[core]);
	     p = a->r[p].parent)
		core = p;
	/* a wrapper holding nothing more */
	while (a->r[core].parent != NONE &&
	       a->r[a->r[core].parent].text == a->r[core].text &&
	       a->r[a->r[core].parent].tag != T_BODY &&
	       a->r[a->r[core].parent].tag != T_HTML)
		core = a->r[core].parent;
	if (a->r[core].text < CORE_MIN)
		return 0;

	/* step 4: the siblings */
	uint32_t parent = a->r[core].parent;
	float best = final_score(&a->r[core]);
	float need =
	        best * SIBLING > SIBLING_MIN ? best * SIBLING : SIBLING_MIN;
	if (parent == NONE || named) {
		a->r[core].verdict = ARTICLE_KEEP;
	} else {
		for (uint32_t i = parent + 1; i < a->r[parent].end;
		     i = a->r[i].end) {
			struct rec *r = &a->r[i];
			float bonus = r->cls && r->cls == a->r[core].cls
			                      ? best * SIBLING
			                      : 0;
			if (i == core ||
			    ((r->flags & F_VOTED) &&
			     final_score(r) + bonus >= need) ||
			    ((r->tag == T_P ||
			      ((r->flags & F_BLOCK) && r->itext == r->text)) &&
			     !(r->flags & F_NEG) && prose(r, text)))
				r->verdict = ARTICLE_KEEP;
		}
	}
	if (parent != NONE)
		for (uint32_t i = parent + 1; i < a->r[parent].end;
		     i = a->r[i].end)
			if (a->r[i].verdict == ARTICLE_KEEP)
				clean(a, i, text);
	if (parent == NONE)
		clean(a, core, text);
	headline(a, core);
	return 1;
}

enum article_verdict
article_verdict(const struct article *a, size_t i)
{
	return i < a->n ? (enum article_verdict)a->r[i].verdict
	                : ARTICLE_AS_PARENT;
}

size_t
article_after(const struct article *a, size_t i)
{
	return i < a->n ? a->r[i].end : i + 1;
}
