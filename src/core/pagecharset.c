/* pagecharset.c - a page's character set as a browser decides it
 * (pagecharset.h).
 *
 * Owns the Encoding Standard's label table and HTML's prescan for a
 * declaration.  The labels are the standard's (https://encoding.spec.
 * whatwg.org/#names-and-labels), each mapped to its encoding; the iconv
 * name is the glibc decoder nearest the standard's: GBK is read by the
 * gb18030 decoder, Big5 as Big5-HKSCS, Shift_JIS as Windows-31J, EUC-KR as
 * the Windows code page 949 it is in practice, ISO-8859-8-I as
 * ISO-8859-8 (the -I only says the text is in logical order).
 */
#include "pagecharset.h"

#include <stdlib.h> /* bsearch */
#include <string.h>
#include <strings.h>

enum {
	E_UTF8,
	E_IBM866,
	E_8859_2,
	E_8859_3,
	E_8859_4,
	E_8859_5,
	E_8859_6,
	E_8859_7,
	E_8859_8,
	E_8859_8I,
	E_8859_10,
	E_8859_13,
	E_8859_14,
	E_8859_15,
	E_8859_16,
	E_KOI8R,
	E_KOI8U,
	E_MAC,
	E_874,
	E_1250,
	E_1251,
	E_1252,
	E_1253,
	E_1254,
	E_1255,
	E_1256,
	E_1257,
	E_1258,
	E_MACCYR,
	E_GBK,
	E_GB18030,
	E_BIG5,
	E_EUCJP,
	E_2022JP,
	E_SJIS,
	E_EUCKR,
	E_REPLACEMENT,
	E_UTF16BE,
	E_UTF16LE,
	E_USER
};

static const struct page_encoding encodings[] = {
        [E_UTF8] = {"UTF-8", NULL},
        [E_IBM866] = {"IBM866", "IBM866"},
        [E_8859_2] = {"ISO-8859-2", "ISO-8859-2"},
        [E_8859_3] = {"ISO-8859-3", "ISO-8859-3"},
        [E_8859_4] = {"ISO-8859-4", "ISO-8859-4"},
        [E_8859_5] = {"ISO-8859-5", "ISO-8859-5"},
        [E_8859_6] = {"ISO-8859-6", "ISO-8859-6"},
        [E_8859_7] = {"ISO-8859-7", "ISO-8859-7"},
        [E_8859_8] = {"ISO-8859-8", "ISO-8859-8"},
        [E_8859_8I] = {"ISO-8859-8-I", "ISO-8859-8"},
        [E_8859_10] = {"ISO-8859-10", "ISO-8859-10"},
        [E_8859_13] = {"ISO-8859-13", "ISO-8859-13"},
        [E_8859_14] = {"ISO-8859-14", "ISO-8859-14"},
        [E_8859_15] = {"ISO-8859-15", "ISO-8859-15"},
        [E_8859_16] = {"ISO-8859-16", "ISO-8859-16"},
        [E_KOI8R] = {"KOI8-R", "KOI8-R"},
        [E_KOI8U] = {"KOI8-U", "KOI8-U"},
        [E_MAC] = {"MACINTOSH", "MACINTOSH"},
        [E_874] = {"WINDOWS-874", "WINDOWS-874"},
        [E_1250] = {"WINDOWS-1250", "WINDOWS-1250"},
        [E_1251] = {"WINDOWS-1251", "WINDOWS-1251"},
        [E_1252] = {"WINDOWS-1252", "WINDOWS-1252"},
        [E_1253] = {"WINDOWS-1253", "WINDOWS-1253"},
        [E_1254] = {"WINDOWS-1254", "WINDOWS-1254"},
        [E_1255] = {"WINDOWS-1255", "WINDOWS-1255"},
        [E_1256] = {"WINDOWS-1256", "WINDOWS-1256"},
        [E_1257] = {"WINDOWS-1257", "WINDOWS-1257"},
        [E_1258] = {"WINDOWS-1258", "WINDOWS-1258"},
        [E_MACCYR] = {"X-MAC-CYRILLIC", "MAC-CYRILLIC"},
        [E_GBK] = {"GBK", "GB18030"},
        [E_GB18030] = {"GB18030", "GB18030"},
        [E_BIG5] = {"BIG5", "BIG5-HKSCS"},
        [E_EUCJP] = {"EUC-JP", "EUC-JP"},
        [E_2022JP] = {"ISO-2022-JP", "ISO-2022-JP"},
        [E_SJIS] = {"SHIFT_JIS", "WINDOWS-31J"},
        [E_EUCKR] = {"EUC-KR", "CP949"},
        [E_REPLACEMENT] = {"REPLACEMENT", NULL},
        [E_UTF16BE] = {"UTF-16BE", "UTF-16BE"},
        [E_UTF16LE] = {"UTF-16LE", "UTF-16LE"},
        [E_USER] = {"X-USER-DEFINED", NULL},
};

const struct page_encoding page_utf8 = {"UTF-8", NULL};
const struct page_encoding page_utf16le = {"UTF-16LE", "UTF-16LE"};
const struct page_encoding page_utf16be = {"UTF-16BE", "UTF-16BE"};
const struct page_encoding page_windows1252 = {"WINDOWS-1252", "WINDOWS-1252"};

/* Every label, sorted (strcmp) for bsearch. */
static const struct label {
	const char *label;
	unsigned char enc;
} labels[] = {
        {"866", E_IBM866},
        {"ansi_x3.4-1968", E_1252},
        {"arabic", E_8859_6},
        {"ascii", E_1252},
        {"asmo-708", E_8859_6},
        {"big5", E_BIG5},
        {"big5-hkscs", E_BIG5},
        {"chinese", E_GBK},
        {"cn-big5", E_BIG5},
        {"cp1250", E_1250},
        {"cp1251", E_1251},
        {"cp1252", E_1252},
        {"cp1253", E_1253},
        {"cp1254", E_1254},
        {"cp1255", E_1255},
        {"cp1256", E_1256},
        {"cp1257", E_1257},
        {"cp1258", E_1258},
        {"cp819", E_1252},
        {"cp866", E_IBM866},
        {"csbig5", E_BIG5},
        {"cseuckr", E_EUCKR},
        {"cseucpkdfmtjapanese", E_EUCJP},
        {"csgb2312", E_GBK},
        {"csibm866", E_IBM866},
        {"csiso2022jp", E_2022JP},
        {"csiso2022kr", E_REPLACEMENT},
        {"csiso58gb231280", E_GBK},
        {"csiso88596e", E_8859_6},
        {"csiso88596i", E_8859_6},
        {"csiso88598e", E_8859_8},
        {"csiso88598i", E_8859_8I},
        {"csisolatin1", E_1252},
        {"csisolatin2", E_8859_2},
        {"csisolatin3", E_8859_3},
        {"csisolatin4", E_8859_4},
        {"csisolatin5", E_1254},
        {"csisolatin6", E_8859_10},
        {"csisolatin9", E_8859_15},
        {"csisolatinarabic", E_8859_6},
        {"csisolatincyrillic", E_8859_5},
        {"csisolatingreek", E_8859_7},
        {"csisolatinhebrew", E_8859_8},
        {"cskoi8r", E_KOI8R},
        {"csksc56011987", E_EUCKR},
        {"csmacintosh", E_MAC},
        {"csshiftjis", E_SJIS},
        {"csunicode", E_UTF16LE},
        {"cyrillic", E_8859_5},
        {"dos-874", E_874},
        {"ecma-114", E_8859_6},
        {"ecma-118", E_8859_7},
        {"elot_928", E_8859_7},
        {"euc-jp", E_EUCJP},
        {"euc-kr", E_EUCKR},
        {"gb18030", E_GB18030},
        {"gb2312", E_GBK},
        {"gb_2312", E_GBK},
        {"gb_2312-80", E_GBK},
        {"gbk", E_GBK},
        {"greek", E_8859_7},
        {"greek8", E_8859_7},
        {"hebrew", E_8859_8},
        {"hz-gb-2312", E_REPLACEMENT},
        {"ibm819", E_1252},
        {"ibm866", E_IBM866},
        {"iso-10646-ucs-2", E_UTF16LE},
        {"iso-2022-cn", E_REPLACEMENT},
        {"iso-2022-cn-ext", E_REPLACEMENT},
        {"iso-2022-jp", E_2022JP},
        {"iso-2022-kr", E_REPLACEMENT},
        {"iso-8859-1", E_1252},
        {"iso-8859-10", E_8859_10},
        {"iso-8859-11", E_874},
        {"iso-8859-13", E_8859_13},
        {"iso-8859-14", E_8859_14},
        {"iso-8859-15", E_8859_15},
        {"iso-8859-16", E_8859_16},
        {"iso-8859-2", E_8859_2},
        {"iso-8859-3", E_8859_3},
        {"iso-8859-4", E_8859_4},
        {"iso-8859-5", E_8859_5},
        {"iso-8859-6", E_8859_6},
        {"iso-8859-6-e", E_8859_6},
        {"iso-8859-6-i", E_8859_6},
        {"iso-8859-7", E_8859_7},
        {"iso-8859-8", E_8859_8},
        {"iso-8859-8-e", E_8859_8},
        {"iso-8859-8-i", E_8859_8I},
        {"iso-8859-9", E_1254},
        {"iso-ir-100", E_1252},
        {"iso-ir-101", E_8859_2},
        {"iso-ir-109", E_8859_3},
        {"iso-ir-110", E_8859_4},
        {"iso-ir-126", E_8859_7},
        {"iso-ir-127", E_8859_6},
        {"iso-ir-138", E_8859_8},
        {"iso-ir-144", E_8859_5},
        {"iso-ir-148", E_1254},
        {"iso-ir-149", E_EUCKR},
        {"iso-ir-157", E_8859_10},
        {"iso-ir-58", E_GBK},
        {"iso8859-1", E_1252},
        {"iso8859-10", E_8859_10},
        {"iso8859-11", E_874},
        {"iso8859-13", E_8859_13},
        {"iso8859-14", E_8859_14},
        {"iso8859-15", E_8859_15},
        {"iso8859-2", E_8859_2},
        {"iso8859-3", E_8859_3},
        {"iso8859-4", E_8859_4},
        {"iso8859-5", E_8859_5},
        {"iso8859-6", E_8859_6},
        {"iso8859-7", E_8859_7},
        {"iso8859-8", E_8859_8},
        {"iso8859-9", E_1254},
        {"iso88591", E_1252},
        {"iso885910", E_8859_10},
        {"iso885911", E_874},
        {"iso885913", E_8859_13},
        {"iso885914", E_8859_14},
        {"iso885915", E_8859_15},
        {"iso88592", E_8859_2},
        {"iso88593", E_8859_3},
        {"iso88594", E_8859_4},
        {"iso88595", E_8859_5},
        {"iso88596", E_8859_6},
        {"iso88597", E_8859_7},
        {"iso88598", E_8859_8},
        {"iso88599", E_1254},
        {"iso_8859-1", E_1252},
        {"iso_8859-15", E_8859_15},
        {"iso_8859-1:1987", E_1252},
        {"iso_8859-2", E_8859_2},
        {"iso_8859-2:1987", E_8859_2},
        {"iso_8859-3", E_8859_3},
        {"iso_8859-3:1988", E_8859_3},
        {"iso_8859-4", E_8859_4},
        {"iso_8859-4:1988", E_8859_4},
        {"iso_8859-5", E_8859_5},
        {"iso_8859-5:1988", E_8859_5},
        {"iso_8859-6", E_8859_6},
        {"iso_8859-6:1987", E_8859_6},
        {"iso_8859-7", E_8859_7},
        {"iso_8859-7:1987", E_8859_7},
        {"iso_8859-8", E_8859_8},
        {"iso_8859-8:1988", E_8859_8},
        {"iso_8859-9", E_1254},
        {"iso_8859-9:1989", E_1254},
        {"koi", E_KOI8R},
        {"koi8", E_KOI8R},
        {"koi8-r", E_KOI8R},
        {"koi8-ru", E_KOI8U},
        {"koi8-u", E_KOI8U},
        {"koi8_r", E_KOI8R},
        {"korean", E_EUCKR},
        {"ks_c_5601-1987", E_EUCKR},
        {"ks_c_5601-1989", E_EUCKR},
        {"ksc5601", E_EUCKR},
        {"ksc_5601", E_EUCKR},
        {"l1", E_1252},
        {"l2", E_8859_2},
        {"l3", E_8859_3},
        {"l4", E_8859_4},
        {"l5", E_1254},
        {"l6", E_8859_10},
        {"l9", E_8859_15},
        {"latin1", E_1252},
        {"latin2", E_8859_2},
        {"latin3", E_8859_3},
        {"latin4", E_8859_4},
        {"latin5", E_1254},
        {"latin6", E_8859_10},
        {"logical", E_8859_8I},
        {"mac", E_MAC},
        {"macintosh", E_MAC},
        {"ms932", E_SJIS},
        {"ms_kanji", E_SJIS},
        {"replacement", E_REPLACEMENT},
        {"shift-jis", E_SJIS},
        {"shift_jis", E_SJIS},
        {"sjis", E_SJIS},
        {"sun_eu_greek", E_8859_7},
        {"tis-620", E_874},
        {"ucs-2", E_UTF16LE},
        {"unicode", E_UTF16LE},
        {"unicode-1-1-utf-8", E_UTF8},
        {"unicode11utf8", E_UTF8},
        {"unicode20utf8", E_UTF8},
        {"unicodefeff", E_UTF16LE},
        {"unicodefffe", E_UTF16BE},
        {"us-ascii", E_1252},
        {"utf-16", E_UTF16LE},
        {"utf-16be", E_UTF16BE},
        {"utf-16le", E_UTF16LE},
        {"utf-8", E_UTF8},
        {"utf8", E_UTF8},
        {"visual", E_8859_8},
        {"windows-1250", E_1250},
        {"windows-1251", E_1251},
        {"windows-1252", E_1252},
        {"windows-1253", E_1253},
        {"windows-1254", E_1254},
        {"windows-1255", E_1255},
        {"windows-1256", E_1256},
        {"windows-1257", E_1257},
        {"windows-1258", E_1258},
        {"windows-31j", E_SJIS},
        {"windows-874", E_874},
        {"windows-949", E_EUCKR},
        {"x-cp1250", E_1250},
        {"x-cp1251", E_1251},
        {"x-cp1252", E_1252},
        {"x-cp1253", E_1253},
        {"x-cp1254", E_1254},
        {"x-cp1255", E_1255},
        {"x-cp1256", E_1256},
        {"x-cp1257", E_1257},
        {"x-cp1258", E_1258},
        {"x-euc-jp", E_EUCJP},
        {"x-gbk", E_GBK},
        {"x-mac-cyrillic", E_MACCYR},
        {"x-mac-roman", E_MAC},
        {"x-mac-ukrainian", E_MACCYR},
        {"x-sjis", E_SJIS},
        {"x-unicode20utf8", E_UTF8},
        {"x-user-defined", E_USER},
        {"x-x-big5", E_BIG5},
};

#define LABEL_MAX 24   /* longer than any label */
#define PRESCAN   1024 /* the bytes a browser's prescan reads */

static int
by_label(const void *k, const void *e)
{
	return strcmp(k, ((const struct label *)e)->label);
}

static int
space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

const struct page_encoding *
page_encoding_label(const char *s, size_t n)
{
	char key[LABEL_MAX];
	size_t k;

	while (n && space((unsigned char)*s))
		s++, n--;
	while (n && space((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || n >= sizeof key)
		return NULL;
	for (k = 0; k < n; k++)
		key[k] = (char)lower((unsigned char)s[k]);
	key[k] = '\0';
	const struct label *l =
	        bsearch(key, labels, sizeof labels / sizeof labels[0],
	                sizeof labels[0], by_label);
	return l ? &encodings[l->enc] : NULL;
}

/* ---- HTML's prescan ------------------------------------------------ */

/* The attribute the prescan reads: its name and value lowercased, cut to
 * what any label needs (longer ones name no encoding anyway). */
struct attr {
	char name[16];
	char value[PRESCAN];
	size_t nlen, vlen;
};

static void
add(char *buf, size_t *len, size_t room, unsigned char c)
{
	if (*len + 1 < room)
		buf[(*len)++] = (char)lower(c);
}

/* HTML's "get an attribute" at s[*i..n): 1 with one in *a, 0 at the end
 * of the tag (*i at its '>'), -1 when the bytes run out first. */
static int
get_attr(const unsigned char *s, size_t n, size_t *i, struct attr *a)
{
	size_t p = *i;

	a->nlen = a->vlen = 0;
	while (p < n && (space(s[p]) || s[p] == '/'))
		p++;
	if (p >= n)
		return -1;
	if (s[p] == '>') {
		*i = p;
		return 0;
	}
	for (;; p++) {
		if (p >= n)
			return -1;
		if (s[p] == '=' && a->nlen) {
			p++;
			break;
		}
		if (space(s[p])) {
			while (p < n && space(s[p]))
				p++;
			if (p >= n)
				return -1;
			if (s[p] != '=')
				goto done;
			p++;
			break;
		}
		if (s[p] == '/' || s[p] == '>')
			goto done;
		add(a->name, &a->nlen, sizeof a->name, s[p]);
	}
	while (p < n && space(s[p]))
		p++;
	if (p >= n)
		return -1;
	if (s[p] == '"' || s[p] == '\'') {
		unsigned char q = s[p++];
		while (p < n && s[p] != q)
			add(a->value, &a->vlen, sizeof a->value, s[p++]);
		if (p >= n)
			return -1;
		p++;
		goto done;
	}
	if (s[p] == '>')
		goto done;
	while (p < n && !space(s[p]) && s[p] != '>')
		add(a->value, &a->vlen, sizeof a->value, s[p++]);
	if (p >= n)
		return -1;
done:
	a->name[a->nlen] = '\0';
	a->value[a->vlen] = '\0';
	*i = p;
	return 1;
}

/* HTML's "extract a character encoding from a meta element": the label
 * after "charset=" in a content value, or NULL. */
static const struct page_encoding *
from_content(const char *v, size_t n)
{
	size_t i = 0;

	for (;;) {
		const char *c = NULL;
		for (; i + 7 <= n; i++)
			if (strncasecmp(v + i, "charset", 7) == 0) {
				c = v + i;
				break;
			}
		if (!c)
			return NULL;
		i += 7;
		while (i < n && space((unsigned char)v[i]))
			i++;
		if (i < n && v[i] == '=')
			break;
	}
	i++;
	while (i < n && space((unsigned char)v[i]))
		i++;
	if (i < n && (v[i] == '"' || v[i] == '\'')) {
		const char *q = memchr(v + i + 1, v[i], n - i - 1);
		if (!q)
			return NULL;
		return page_encoding_label(v + i + 1, (size_t)(q - v - i - 1));
	}
	size_t k = i;
	while (k < n && !space((unsigned char)v[k]) && v[k] != ';')
		k++;
	return page_encoding_label(v + i, k - i);
}

/* A meta tag's attributes from s[*i]: the encoding it declares, or
 * NULL; *i moves past what was read.  -1 in *end when the bytes ran
 * out. */
static const struct page_encoding *
meta(const unsigned char *s, size_t n, size_t *i, int *end)
{
	/* the names seen: http-equiv, content, charset (a repeated
	 * attribute is ignored) */
	int seen_pragma = 0, seen_content = 0, seen_charset = 0;
	int got_pragma = 0, need_pragma = -1;
	const struct page_encoding *cs = NULL;
	int failed = 0;
	struct attr at, *a = &at;
	int r;

	while ((r = get_attr(s, n, i, a)) > 0) {
		if (strcmp(a->name, "http-equiv") == 0 && !seen_pragma) {
			seen_pragma = 1;
			got_pragma = strcmp(a->value, "content-type") == 0;
		} else if (strcmp(a->name, "content") == 0 && !seen_content) {
			seen_content = 1;
			if (!cs && !failed) {
				cs = from_content(a->value, a->vlen);
				if (cs)
					need_pragma = 1;
			}
		} else if (strcmp(a->name, "charset") == 0 && !seen_charset) {
			seen_charset = 1;
			cs = page_encoding_label(a->value, a->vlen);
			failed = !cs;
			need_pragma = 0;
		}
	}
	if (r < 0) {
		*end = -1;
		return NULL;
	}
	if (need_pragma < 0 || (need_pragma && !got_pragma) || !cs)
		return NULL;
	if (cs == &encodings[E_UTF16BE] || cs == &encodings[E_UTF16LE])
		return &encodings[E_UTF8];
	if (cs == &encodings[E_USER])
		return &encodings[E_1252];
	return cs;
}

static int
starts(const unsigned char *s, size_t n, size_t i, const char *w)
{
	size_t k = strlen(w);
	return i + k <= n && strncasecmp((const char *)s + i, w, k) == 0;
}

static int
alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

const struct page_encoding *
page_encoding_sniff(const unsigned char *s, size_t n)
{
	size_t i = 0;
	int end = 0;

	if (n > PRESCAN)
		n = PRESCAN;
	while (i < n) {
		if (s[i] != '<') {
			i++;
		} else if (starts(s, n, i, "<!--")) {
			/* to the first "-->", its dashes maybe those of "<!--"
			 */
			size_t k = i + 2;
			while (k + 3 <= n && memcmp(s + k, "-->", 3) != 0)
				k++;
			if (k + 3 > n)
				return NULL;
			i = k + 3;
		} else if (starts(s, n, i, "<meta") && i + 5 < n &&
		           (space(s[i + 5]) || s[i + 5] == '/')) {
			i += 6;
			const struct page_encoding *e = meta(s, n, &i, &end);
			if (e)
				return e;
			if (end < 0)
				return NULL;
		} else if (i + 1 < n &&
		           (alpha(s[i + 1]) || (s[i + 1] == '/' && i + 2 < n &&
		                                alpha(s[i + 2])))) {
			/* a tag: its attributes read whole */
			i++;
			while (i < n && !space(s[i]) && s[i] != '>')
				i++;
			struct attr a;
			int r = 1;
			while (r > 0)
				r = get_attr(s, n, &i, &a);
			if (r < 0)
				return NULL;
		} else if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '/' ||
		                         s[i + 1] == '?')) {
			const unsigned char *gt = memchr(s + i, '>', n - i);
			if (!gt)
				return NULL;
			i = (size_t)(gt - s) + 1;
		} else {
			i++;
		}
	}
	return NULL;
}
