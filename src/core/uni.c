/* uni.c - Unicode services for redline, all of them through utf8proc
 * (and the value of an ASCII hex digit, which the palette and the article
 * reader share).
 *
 * Owns: decoding, grapheme clusters, coarse classes, display widths and
 * comparison keys.  Typographic folding is utf8proc's LUMP (single quotes,
 * dashes, spaces) plus one rule of ours: a lone initial or final quotation
 * mark (Pi, Pf: curly double quotes, guillemets) compares as '"'.  Holds no
 * state; every function is reentrant.  ASCII takes short paths that give the
 * same answers utf8proc would, because most input is ASCII and these functions
 * run once per byte or per token.
 */
#include "redline/uni.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t
uni_encode(int32_t cp, unsigned char out[4])
{
	if (!utf8proc_codepoint_valid(cp))
		return 0;
	return (size_t)utf8proc_encode_char(cp, out);
}

size_t
uni_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t len;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	len = utf8proc_iterate(s, n > 4 ? 4 : (utf8proc_ssize_t)n, &c);
	if (len <= 0) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return (size_t)len;
}

size_t
uni_cluster(const unsigned char *s, size_t n, int32_t *first)
{
	utf8proc_int32_t state = 0;
	int32_t prev, cp;
	size_t pos;

	pos = uni_decode(s, n, &prev);
	*first = prev;
	if (prev < 0)
		return pos;
	/* CR LF is one cluster; any other ASCII pair breaks (GB3, GB999). */
	while (pos < n) {
		if (prev < 0x80 && s[pos] < 0x80 &&
		    !(prev == '\r' && s[pos] == '\n'))
			break;
		size_t len = uni_decode(s + pos, n - pos, &cp);
		if (cp < 0)
			break;
		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		pos += len;
		prev = cp;
	}
	return pos;
}

enum uni_class
uni_class(int32_t cp)
{
	if (cp < 0)
		return UNI_INVALID;
	if (cp < 0x80) {
		if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
			return UNI_SPACE;
		if (cp < 0x20 || cp == 0x7f)
			return UNI_CONTROL;
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return UNI_LETTER;
		if (cp >= '0' && cp <= '9')
			return UNI_DIGIT;
		/* fall through to utf8proc for ASCII punctuation and symbols */
	}
	if (cp == 0x85)
		return UNI_SPACE; /* NEL */
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return UNI_LETTER;
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return UNI_DIGIT;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return UNI_MARK;
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return UNI_PUNCT;
	case UTF8PROC_CATEGORY_SM:
	case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK:
	case UTF8PROC_CATEGORY_SO:
		return UNI_SYMBOL;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return UNI_SPACE;
	case UTF8PROC_CATEGORY_CF:
		return UNI_FORMAT;
	case UTF8PROC_CATEGORY_CC:
		return UNI_CONTROL;
	default:
		return UNI_OTHER;
	}
}

int
uni_is_upper(int32_t cp)
{
	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_isupper(cp) ||
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

int
uni_cluster_width(const unsigned char *s, size_t n)
{
	int32_t cp;
	size_t pos = uni_decode(s, n, &cp);
	enum uni_class cls = uni_class(cp);
	int w;

	if (cls == UNI_INVALID || cls == UNI_CONTROL)
		return -1;
	if (cp < 0x80)
		return 1;
	if (cls == UNI_OTHER && utf8proc_category(cp) == UTF8PROC_CATEGORY_CO)
		return 1; /* private use: one column, by policy */
	w = utf8proc_charwidth(cp);
	while (pos < n && w < 2) {
		int32_t c2;
		pos += uni_decode(s + pos, n - pos, &c2);
		if (c2 == 0xFE0F)
			w = 2; /* emoji presentation selector */
	}
	/* A lone combining mark or format character still takes a cell when
	 * it starts a cluster, so the cursor never stands still. */
	return w < 1 ? (cls == UNI_MARK ? 1 : 0) : w;
}

int
uni_hidden(int32_t cp)
{
	return cp == 0x061C ||                   /* Arabic letter mark */
	       cp == 0x200B ||                   /* zero-width space */
	       cp == 0x200E || cp == 0x200F ||   /* LRM, RLM */
	       (cp >= 0x202A && cp <= 0x202E) || /* embeddings, overrides */
	       (cp >= 0x2060 && cp <= 0x2064) || /* word joiner, invisible
	                                            operators */
	       (cp >= 0x2066 && cp <= 0x2069) || /* isolates */
	       cp == 0xFEFF ||                   /* zero-width no-break space */
	       (cp >= 0xE0000 && cp <= 0xE007F); /* tag characters */
}

int
uni_kept(int32_t cp)
{
	/* the joiners shape Persian, Arabic and Indic words: meaningful */
	return uni_hidden(cp) || cp == 0x200C || cp == 0x200D;
}

/* Offset of the first character of s[0..n) for which is(cp) holds, or n.
 * Every such character starts with byte 0xD8 (U+061C), 0xE2 (U+2xxx),
 * 0xEF (U+FEFF) or 0xF3 (plane 14): only those are decoded. */
static size_t
first_of(const unsigned char *s, size_t n, int (*is)(int32_t))
{
	for (size_t i = 0; i < n; i++) {
		/* ASCII eight bytes at a time: none of it can be one */
		uint64_t w;
		while (n - i >= sizeof w) {
			memcpy(&w, s + i, sizeof w);
			if (w & 0x8080808080808080u)
				break;
			i += sizeof w;
		}
		if (i == n)
			break;
		unsigned char b = s[i];
		if (b != 0xD8 && b != 0xE2 && b != 0xEF && b != 0xF3)
			continue;
		int32_t cp;
		uni_decode(s + i, n - i, &cp);
		if (is(cp))
			return i;
	}
	return n;
}

size_t
uni_hidden_at(const unsigned char *s, size_t n)
{
	return first_of(s, n, uni_hidden);
}

int32_t
uni_visible(int32_t cp)
{
	if (cp == '\t' || cp == '\r')
		return ' ';
	if (cp == '\n')
		return cp;
	if (cp >= 0 && cp < 0x20)
		return 0x2400 + cp;
	if (cp == 0x7F)
		return 0x2421;
	if (cp < 0 || (cp >= 0x80 && cp < 0xA0) || uni_hidden(cp))
		return 0xFFFD;
	return cp;
}

int32_t
uni_visible_line(int32_t cp)
{
	if (cp >= 0 && cp < 0x20)
		return 0x2400 + cp;
	return uni_visible(cp);
}

int
uni_valid(const unsigned char *s, size_t n, size_t *bad)
{
	/* ASCII 32 bytes a test (four loads or-ed), as most text is; a
	 * block with a byte of 0x80 or more is taken eight ASCII bytes, one
	 * byte or one sequence a step up to its end, so that a text of other
	 * scripts pays one more test a block, not one a sequence.  Skipping
	 * ASCII moves no sequence's start. */
	const uint64_t hi = 0x8080808080808080u;
	size_t i = 0;

	while (i < n) {
		uint64_t w[4];
		size_t end = n;
		if (n - i >= sizeof w) {
			memcpy(w, s + i, sizeof w);
			if (!((w[0] | w[1] | w[2] | w[3]) & hi)) {
				i += sizeof w;
				continue;
			}
			end = i + sizeof w;
		}
		while (i < end) {
			if (n - i >= sizeof w[0]) {
				memcpy(w, s + i, sizeof w[0]);
				if (!(w[0] & hi)) {
					i += sizeof w[0];
					continue;
				}
			}
			if (s[i] < 0x80) {
				i++;
				continue;
			}
			int32_t cp;
			size_t len = uni_decode(s + i, n - i, &cp);
			if (cp < 0) {
				*bad = i;
				return 0;
			}
			i += len;
		}
	}
	return 1;
}

/* IGNORE dropped the kept characters (uni_kept) of s[0..n) from the key
 * *dst (*len bytes): append them, in order, so that they still count. */
static int
keep_hidden(const unsigned char *s, size_t n, utf8proc_uint8_t **dst,
            utf8proc_ssize_t *len)
{
	size_t extra = 0, i, at;
	utf8proc_uint8_t *nd;

	for (i = 0; i < n;) {
		int32_t cp;
		size_t l = uni_decode(s + i, n - i, &cp);
		if (uni_kept(cp))
			extra += l;
		i += l;
	}
	nd = realloc(*dst, (size_t)*len + extra + 1);
	if (!nd)
		return -1;
	at = (size_t)*len;
	for (i = 0; i < n;) {
		int32_t cp;
		size_t l = uni_decode(s + i, n - i, &cp);
		if (uni_kept(cp)) {
			memcpy(nd + at, s + i, l);
			at += l;
		}
		i += l;
	}
	nd[at] = '\0';
	*dst = nd;
	*len = (utf8proc_ssize_t)at;
	return 0;
}

/* Are the bytes s[0..n) all printable ASCII (space to tilde)? */
static int
printable_ascii(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] > 0x7E)
			return 0;
	return 1;
}

int
uni_key(const unsigned char *s, size_t n, unsigned flags, char **out,
        size_t *outlen)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t len;
	int opts = 0;

	*out = NULL;
	if (flags == 0 || n == 0) {
		char *copy = malloc(n + 1);
		if (!copy)
			return -1;
		memcpy(copy, s, n);
		copy[n] = '\0';
		*out = copy;
		*outlen = n;
		return 0;
	}
	if (printable_ascii(s, n)) {
		/* what utf8proc_map makes of printable ASCII under every
		 * option here: the same bytes, folded to lower case under
		 * UNI_KEY_CASE (most keys of English prose, without its
		 * decomposition and allocation) */
		char *key = malloc(n + 1);
		if (!key)
			return -1;
		for (size_t i = 0; i < n; i++)
			key[i] = (char)((flags & UNI_KEY_CASE) && s[i] >= 'A' &&
			                                s[i] <= 'Z'
			                        ? s[i] + ('a' - 'A')
			                        : s[i]);
		key[n] = '\0';
		*out = key;
		*outlen = n;
		return 0;
	}
	if (flags & UNI_KEY_FOLD)
		opts |= UTF8PROC_COMPOSE | UTF8PROC_STABLE | UTF8PROC_LUMP |
		        UTF8PROC_IGNORE;
	if (flags & UNI_KEY_COMPAT)
		opts |= UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
	if (flags & UNI_KEY_CASE)
		opts |= UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
	if (flags & UNI_KEY_MARKS)
		opts |= UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK;
	len = utf8proc_map(s, (utf8proc_ssize_t)n, &dst,
	                   (utf8proc_option_t)opts);
	if (len < 0)
		return -1;
	if ((flags & UNI_KEY_FOLD) && first_of(s, n, uni_kept) < n &&
	    keep_hidden(s, n, &dst, &len) < 0) {
		free(dst);
		return -1;
	}
	if (flags & UNI_KEY_FOLD) {
		/* LUMP leaves double quotes alone: fold any one initial or
		 * final quotation mark (category Pi or Pf) to '"'. */
		utf8proc_int32_t cp;
		utf8proc_ssize_t cl = utf8proc_iterate(dst, len, &cp);
		if (cl == len) {
			utf8proc_category_t cat = utf8proc_category(cp);
			if (cat == UTF8PROC_CATEGORY_PI ||
			    cat == UTF8PROC_CATEGORY_PF) {
				dst[0] = '"';
				dst[1] = '\0';
				len = 1;
			}
		}
	}
	*out = (char *)dst;
	*outlen = (size_t)len;
	return 0;
}

int
uni_cell(const unsigned char *s, size_t n, size_t *len, char *shown)
{
	int32_t cp;
	int w;

	*len = uni_cluster(s, n, &cp);
	w = uni_cluster_width(s, *len);
	*shown = 0;
	if (cp == '\n' || cp == '\r' || cp == '\t')
		*shown = ' ';
	else if (w < 0 || cp < 0 || uni_visible(cp) != cp ||
	         uni_hidden_at(s, *len) < *len)
		*shown = '?';
	return *shown ? 1 : w;
}

size_t
uni_fit(const unsigned char *s, size_t n, int cols, int *used)
{
	size_t i = 0, len;
	char shown;

	*used = 0;
	while (i < n) {
		int w = uni_cell(s + i, n - i, &len, &shown);
		if (*used + w > cols)
			break;
		*used += w;
		i += len;
	}
	return i;
}

int
uni_hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}
