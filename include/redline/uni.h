/* uni.h - the one door to Unicode.
 *
 * Every question about characters (decoding, categories, grapheme clusters,
 * display widths, normalization, case folding) goes through here, and here
 * to utf8proc.  No other module includes <utf8proc.h>.
 *
 * Width policy (one place, documented): East Asian ambiguous characters are
 * one column; private-use characters are one column; a grapheme cluster is
 * as wide as its first code point, or two columns when it asks for emoji
 * presentation (contains U+FE0F); combining marks and other zero-width code
 * points inside a cluster add nothing.  Control characters and invalid bytes
 * have no width of their own: the display layer substitutes a visible symbol.
 */
#ifndef REDLINE_UNI_H
#define REDLINE_UNI_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* What a code point is, coarsely, for tokenizing and display. */
enum uni_class {
	UNI_SPACE,  /* Zs, Zl, Zp, and the white-space controls \t\n\v\f\r, NEL
	             */
	UNI_LETTER, /* L* */
	UNI_DIGIT,  /* N* */
	UNI_MARK,  /* M* (only seen at the start of a cluster in broken text) */
	UNI_PUNCT, /* P* */
	UNI_SYMBOL,  /* S* (emoji among them) */
	UNI_FORMAT,  /* Cf: soft hyphen, joiners, byte order mark */
	UNI_CONTROL, /* other Cc */
	UNI_INVALID, /* a byte that does not start valid UTF-8 */
	UNI_OTHER    /* unassigned, private use, surrogate */
};

/* Decode one code point at s (n > 0 bytes available).  Stores it in *cp and
 * returns its length in bytes.  Invalid, overlong or surrogate sequences give
 * *cp = -1 and length 1, so a caller always makes progress. */
size_t uni_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Encode the code point cp (0..0x10FFFF, no surrogate) as UTF-8 into
 * out[0..4); returns its length in bytes (1 to 4), or 0 when cp is no
 * code point (then out is untouched). */
size_t uni_encode(int32_t cp, unsigned char out[4]);

/* Length in bytes of the grapheme cluster starting at s (n > 0), by the
 * Unicode extended grapheme cluster rules.  An invalid byte is a cluster of
 * its own.  *first receives the cluster's first code point (-1 if invalid). */
size_t uni_cluster(const unsigned char *s, size_t n, int32_t *first);

/* Coarse class of a code point (-1 is UNI_INVALID). */
enum uni_class uni_class(int32_t cp);

/* 1 when cp is an uppercase or titlecase letter. */
int uni_is_upper(int32_t cp);

/* Display width of one cluster of n bytes, by the policy above (0, 1 or 2);
 * returns -1 for a control character or an invalid byte. */
int uni_cluster_width(const unsigned char *s, size_t n);

/* One grapheme cluster of s[0..n) (n > 0) as a cell of plain text, for
 * tables and clipped lines.  Sets *len to its bytes, and *shown to 0 when
 * it is shown as it is, or to the one ASCII character shown instead: ' '
 * for a tab or line break, '?' for any other control character, an invalid
 * byte, or a cluster holding a hidden character (uni_hidden).  Returns its
 * columns (1 when replaced). */
int uni_cell(const unsigned char *s, size_t n, size_t *len, char *shown);

/* Bytes of the longest run of whole cells (uni_cell) at the start of
 * s[0..n) that fits in cols columns; their columns in *used. */
size_t uni_fit(const unsigned char *s, size_t n, int cols, int *used);

/* 1 when cp is a hidden character: a bidirectional mark, embedding,
 * override or isolate (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069), a zero-width space or joiner that is not a shaping one
 * (U+200B, U+2060..U+2064, U+FEFF), or a tag character
 * (U+E0000..U+E007F).  They change how text displays (a right-to-left mark
 * between two numbers shows them swapped), split a word where none shows,
 * or carry text, while showing nothing themselves; redline never folds
 * them away, and shows them only as visible symbols. */
int uni_hidden(int32_t cp);

/* 1 when the comparison key keeps cp (uni_key drops the other
 * default-ignorable characters): a hidden character, or a zero-width
 * non-joiner or joiner (U+200C, U+200D), which shape Persian, Arabic and
 * Indic words and so are meaningful, though not hidden. */
int uni_kept(int32_t cp);

/* Offset of the first hidden character (uni_hidden) in s[0..n), or n when
 * there is none. */
size_t uni_hidden_at(const unsigned char *s, size_t n);

/* The code point to show for cp on a terminal, so that no input byte acts
 * on it: C0 controls become their U+2400 control pictures, DEL U+2421,
 * C1 controls, invalid bytes (-1) and hidden characters (uni_hidden)
 * U+FFFD, tab and CR a space; line feed and
 * everything else stay as they are. */
int32_t uni_visible(int32_t cp);

/* As uni_visible, for text that must stay on one line (file names,
 * messages): tab, line feed and CR become their control pictures too. */
int32_t uni_visible_line(int32_t cp);

/* Check that s[0..n) is valid UTF-8.  Returns 1 if so; otherwise 0 and the
 * offset of the first bad byte in *bad. */
int uni_valid(const unsigned char *s, size_t n, size_t *bad);

/* The value of the ASCII hex digit c (0-9, a-f, A-F), or -1 for any other
 * byte. */
int uni_hex_digit(int c);

/* The 8 bytes at s with each of 'A' to 'Z' made lower case and every
 * other byte as it is, into d[0..8): one step of an ASCII case fold.  Per
 * byte, the low 7 bits plus 0x3f carry into the top bit when at least
 * 'A', plus 0x25 when above 'Z' (no carry crosses a byte: the two differ
 * in it for 'A' to 'Z' alone), and a byte with its own top bit set is no
 * ASCII letter.  s and d may be the same. */
static inline void
uni_lower8(const unsigned char *s, char *d)
{
	const uint64_t ones = 0x0101010101010101u, top = 0x80 * ones;
	uint64_t v, h;

	memcpy(&v, s, sizeof v);
	h = v & ~top;
	v |= (((h + 0x3f * ones) ^ (h + 0x25 * ones)) & ~v & top) >> 2;
	memcpy(d, &v, sizeof v);
}

/* Key flags for uni_key. */
enum {
	UNI_KEY_FOLD = 1,   /* NFC, typographic lumping, ignorables dropped */
	UNI_KEY_CASE = 2,   /* full Unicode case folding */
	UNI_KEY_COMPAT = 4, /* compatibility forms too (used for punctuation) */
	UNI_KEY_MARKS = 8   /* accents and other marks dropped ("López" as
	                       "Lopez": used for names) */
};

/* Comparison key of s[0..n) under flags (0 = the bytes as they are).
 * UNI_KEY_FOLD drops default-ignorable characters but keeps those of
 * uni_kept: they are appended to the key in order.
 * Writes a pointer to a malloc'ed, NUL-terminated string to *out and its
 * length to *outlen; the caller frees it.  Returns 0, or -1 when memory ran
 * out or the text could not be mapped (then *out is NULL). */
int uni_key(const unsigned char *s, size_t n, unsigned flags, char **out,
            size_t *outlen);

#endif
