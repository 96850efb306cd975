/* token.c - the tokenizer.
 *
 * Works on grapheme clusters (uni_cluster), so no token boundary ever falls
 * inside a cluster: a letter with its combining marks, an emoji ZWJ sequence
 * or a flag stays whole.  A cluster is classed by its first code point.
 *
 * Rules, in order:
 *  1. White space (spaces of any kind, line breaks, CR, NEL) separates
 *     tokens and is not one.  Line breaks are counted into the next token's
 *     `nl`, a CR LF pair counting once.  A byte order mark at the start of the
 *     text is skipped.  A format character (Cf: soft hyphen, zero-width
 *     space, word joiner) between two word clusters stays inside the word;
 *     anywhere else it separates like white space, except a hidden one
 *     (uni_hidden: bidi embeddings, overrides, isolates, tag characters),
 *     which is never white space but a token (rule 5) or part of one.
 *  2. A word is a run of letters, digits and marks.  Inside it, and only
 *     between two such clusters, these join:
 *       - an apostrophe (' U+2019 U+02BC) before a letter: NATO's, don't;
 *       - a hyphen (- U+2010 U+2011): co-operate, F-16, seven-year;
 *       - a period between digits (3.5), after a one-letter part when a
 *         letter and another period follow (U.S., e.g.; the final period
 *         joins too), or before a lower-case letter (example.org);
 *       - a comma between a digit and exactly three digits (1,500);
 *       - a colon between digits (9:30).
 *     A word whose first cluster is a digit is a NUMBER.  Dates stay several
 *     tokens ("March", "3", ",", "2019") so that a changed day is one change.
 *  3. A letter two columns wide (CJK ideographs, kana, Hangul) is a word of
 *     its own, since those scripts do not put spaces between words.
 *  4. A run of periods (an ellipsis "...") or of hyphens ("--") is one
 *     token; every other punctuation mark is a token of its own.
 *  5. Symbols, emoji, control characters and invalid bytes are one token
 *     per cluster.
 *
 * Comparison keys: by default utf8proc maps each token to NFC, lumps
 * typographic variants (curly and straight quotes, dashes, odd spaces) and
 * drops default-ignorable characters but for the hidden ones, which
 * always count (uni_key); punctuation and numbers also get compatibility
 * mapping (so U+2026 equals "...", and full-width digits are digits), and
 * a run of hyphens is a dash like
 * any other (so "--" equals U+2014).  TOK_KEY_ICASE adds full case folding;
 * TOK_KEY_STRICT compares the bytes as they are.  ASCII tokens skip utf8proc
 * because its answer for them is the bytes themselves.
 */
#include "redline/token.h"

#include <stdlib.h>
#include <string.h>

#include "redline/grow.h"
#include "redline/uni.h"

_Static_assert(sizeof(struct tok) == 8, "a token takes 8 bytes");

struct cl {
	size_t off, len;
	int32_t cp;
	enum uni_class cls;
};

/* What the scans ask of an ASCII byte, one table load for each (a
 * letter or digit, a digit, a capital), and the class uni_class gives
 * it, without its call (utf8proc's, for punctuation and symbols).
 * Both are worked out by the compiler from the macros below; the unit
 * test "ASCII classes" holds the classes to uni_class's. */
enum { A_ALNUM = 1, A_DIGIT = 2, A_UPPER = 4 };

#define A_BITS(c)                                                              \
	((c) >= '0' && (c) <= '9'   ? A_ALNUM | A_DIGIT                        \
	 : (c) >= 'A' && (c) <= 'Z' ? A_ALNUM | A_UPPER                        \
	 : (c) >= 'a' && (c) <= 'z' ? A_ALNUM                                  \
	                            : 0)
#define A_SYM(c)                                                               \
	((c) == '$' || (c) == '+' || (c) == '<' || (c) == '=' || (c) == '>' || \
	 (c) == '^' || (c) == '`' || (c) == '|' || (c) == '~')
#define A_CLASS(c)                                                             \
	((c) == ' ' || ((c) >= '\t' && (c) <= '\r') ? UNI_SPACE                \
	 : (c) < 0x20 || (c) == 0x7f                ? UNI_CONTROL              \
	 : A_BITS(c) & A_DIGIT                      ? UNI_DIGIT                \
	 : A_BITS(c)                                ? UNI_LETTER               \
	 : A_SYM(c)                                 ? UNI_SYMBOL               \
	                                            : UNI_PUNCT)
#define A_4(f, c)  f(c), f((c) + 1), f((c) + 2), f((c) + 3)
#define A_16(f, c) A_4(f, c), A_4(f, (c) + 4), A_4(f, (c) + 8), A_4(f, (c) + 12)
#define A_128(f)                                                               \
	A_16(f, 0), A_16(f, 16), A_16(f, 32), A_16(f, 48), A_16(f, 64),        \
	        A_16(f, 80), A_16(f, 96), A_16(f, 112)

static const unsigned char abits[256] = {A_128(A_BITS)};
static const unsigned char aclass[128] = {A_128(A_CLASS)};

static inline int
ascii_alnum(unsigned char ch)
{
	return abits[ch] & A_ALNUM;
}

/* The ASCII character at pos as a cluster of its own in *c, when it is
 * one: not CR (which a LF joins) and followed by ASCII or the end (not
 * by a combining mark).  1 if so, else 0 (cluster_at then takes it). */
static inline int
ascii_at(const struct text *t, size_t pos, struct cl *c)
{
	unsigned char ch = t->buf[pos];

	if (ch >= 0x80 || ch == '\r' ||
	    (pos + 1 < t->len && t->buf[pos + 1] >= 0x80))
		return 0;
	c->off = pos;
	c->len = 1;
	c->cp = ch;
	c->cls = aclass[ch];
	return 1;
}

static void
cluster_at(const struct text *t, size_t pos, struct cl *c)
{
	c->off = pos;
	if (pos >= t->len) {
		c->len = 0;
		c->cp = -2;
		c->cls = UNI_OTHER;
		return;
	}
	if (ascii_at(t, pos, c))
		return;
	c->len = uni_cluster(t->buf + pos, t->len - pos, &c->cp);
	c->cls = uni_class(c->cp);
}

static int
is_wordch(const struct cl *c)
{
	return c->cls == UNI_LETTER || c->cls == UNI_DIGIT ||
	       c->cls == UNI_MARK;
}

static int
is_wide_letter(const struct text *t, const struct cl *c)
{
	return c->cls == UNI_LETTER && c->cp >= 0x1100 &&
	       uni_cluster_width(t->buf + c->off, c->len) == 2;
}

static int
is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static int
is_hyphen(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Sentence terminators: full stop, ! and ?, the ellipsis, and their
 * ideographic and full-width forms. */
static int
is_stop(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
	       cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E;
}

static int
is_lower_letter(const struct cl *c)
{
	return c->cls == UNI_LETTER && !uni_is_upper(c->cp);
}

/* Count digits from pos; stop at the first non-digit cluster. */
static size_t
digits_from(const struct text *t, size_t pos)
{
	size_t n = 0;
	struct cl c;

	for (cluster_at(t, pos, &c); c.len && c.cls == UNI_DIGIT;
	     cluster_at(t, c.off + c.len, &c))
		n++;
	return n;
}

/* Scan a word from w (a word cluster, not a wide letter).  Returns its end;
 * sets *flags. */
static size_t
scan_word(const struct text *t, const struct cl *w, uint8_t *flags)
{
	struct cl cur = *w, nx, after;
	size_t part = 1; /* clusters in the current dot-separated part */
	int abbrev = 0;  /* the word has joined an abbreviation period */
	int32_t prev_cp = w->cp;

	*flags = 0;
	for (;;) {
		if (cur.cls == UNI_DIGIT)
			*flags |= TOK_F_DIGIT;
		/* fast path: an ASCII letter or digit followed by ASCII (or
		 * the end) is a cluster of its own that continues the word */
		size_t q = cur.off + cur.len, q0 = q;
		while (q < t->len && ascii_alnum(t->buf[q]) &&
		       (q + 1 == t->len || t->buf[q + 1] < 0x80)) {
			if (abits[t->buf[q]] & A_DIGIT)
				*flags |= TOK_F_DIGIT;
			q++;
		}
		if (q > q0) {
			part += q - q0;
			cur.off = q - 1;
			cur.len = 1;
			cur.cp = t->buf[q - 1];
			cur.cls = aclass[cur.cp];
		}
		prev_cp = cur.cp;
		cluster_at(t, cur.off + cur.len, &nx);
		if (!nx.len)
			return cur.off + cur.len;
		if (is_wordch(&nx) && !is_wide_letter(t, &nx)) {
			cur = nx;
			part++;
			continue;
		}
		cluster_at(t, nx.off + nx.len, &after);
		int joins = 0, after_word = after.len && is_wordch(&after) &&
		                            !is_wide_letter(t, &after);
		enum uni_class pc = uni_class(prev_cp);

		if (nx.cls == UNI_FORMAT && after_word)
			joins = 1;
		else if (is_apostrophe(nx.cp) && after.cls == UNI_LETTER &&
		         after_word)
			joins = 1;
		else if (is_hyphen(nx.cp) && after_word)
			joins = 1;
		else if (nx.cp == '.') {
			if (pc == UNI_DIGIT && after.cls == UNI_DIGIT)
				joins = 1;
			else if (part == 1 && pc == UNI_LETTER &&
			         after.cls == UNI_LETTER && after_word) {
				struct cl dot2;
				cluster_at(t, after.off + after.len, &dot2);
				if (dot2.cp == '.')
					joins = abbrev = 1;
				/* "U.S" with its last period left off: two
				 * capitals alone, nothing of a word after */
				else if (uni_is_upper(prev_cp) &&
				         uni_is_upper(after.cp) &&
				         !(dot2.len && is_wordch(&dot2)))
					joins = 1;
			} else if (abbrev && part == 1 && pc == UNI_LETTER) {
				/* final period of U.S. */
				return nx.off + nx.len;
			}
			if (!joins && pc == UNI_LETTER && after_word &&
			    is_lower_letter(&after))
				joins = 1;
		} else if (nx.cp == ',' && pc == UNI_DIGIT &&
		           digits_from(t, after.off) == 3)
			joins = 1;
		else if (nx.cp == ':' && pc == UNI_DIGIT &&
		         after.cls == UNI_DIGIT)
			joins = 1;
		if (!joins)
			return cur.off + cur.len;
		part = (nx.cp == '.') ? 0 : part;
		cur = after;
		part++;
	}
}

/* Room for ncap tokens in l.  Returns 0 or -1. */
static int
reserve(struct toklist *l, size_t ncap)
{
	struct tok *nv = realloc(l->v, ncap * sizeof *nv);
	if (nv)
		l->v = nv;
	uint32_t *ni = realloc(l->id, ncap * sizeof *ni);
	if (ni)
		l->id = ni;
	if (!nv || !ni)
		return -1;
	l->cap = ncap;
	return 0;
}

/* The end of the word at pos if it is ASCII letters and digits followed
 * by an ASCII character that no rule of scan_word joins to it (white
 * space, most punctuation), with tk's kind and flags set; 0 otherwise
 * (scan_word then takes it).  Most words of English prose are, and this
 * finds them without classing each character. */
static inline __attribute__((always_inline)) size_t
ascii_word(const struct text *t, size_t pos, struct tok *tk)
{
	const unsigned char *b = t->buf;
	size_t q = pos;
	unsigned bits = 0, a;

	/* the text's bytes end in a NUL, which is no letter */
	while ((a = abits[b[q]]) & A_ALNUM) {
		bits |= a;
		q++;
	}
	if (q > t->len)
		q = t->len; /* a text cut out of a longer one */
	if (q == pos)
		return 0;
	if (q < t->len) {
		unsigned char ch = b[q];
		/* a mark or any other non-ASCII character may join the last
		 * cluster; these may join the next word */
		if (ch >= 0x80 || ch == '\'' || ch == '-' || ch == '.' ||
		    ch == ',' || ch == ':')
			return 0;
	}
	tk->kind = abits[b[pos]] & A_DIGIT ? TOK_NUMBER : TOK_WORD;
	tk->flags = (bits & A_DIGIT ? TOK_F_DIGIT : 0) |
	            (abits[b[pos]] & A_UPPER ? TOK_F_UPPER : 0);
	return q;
}

/* Token tk, len bytes long, with key id, at the end of l: 0 or -1. */
static inline int
push(struct toklist *l, struct tok *tk, size_t len, uint32_t id)
{
	if (l->n == l->cap && reserve(l, l->cap ? l->cap * 2 : 1024) < 0)
		return -1;
	tk->slen = len < TOK_LONG ? (unsigned)len : TOK_LONG;
	l->id[l->n] = id;
	l->v[l->n++] = *tk;
	return len < TOK_LONG ? 0 : tok_set_long(l, l->n - 1, len);
}

/* The short word taken eight bytes at a time (the table of ids keeps its
 * keys as the bytes of a little-endian load, so only there). */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WORD8 1
#else
#define WORD8 0
#endif

/* The ids of the last keys of one to eight bytes that were interned, by
 * their bytes (a slot per hash of them, the last one to land there kept):
 * prose repeats a few thousand short words, and a hit here costs a load,
 * a multiply and a compare where intern_id's call, hash and probe cost
 * some 80 instructions.  A key found here has the id intern_id gave it,
 * so the ids are the same with or without the table. */
#define IDC_BITS 13
struct idcache {
	uint64_t w; /* the key's bytes, in the machine's order, zero above n */
	uint32_t n; /* its length, 1 to 8; 0 for a free slot */
	uint32_t id;
};

/* The id of key s[0..n) (1 <= n <= 8) in in, through the table c (not
 * NULL), w being the key's bytes as cached_id loads and masks them.  0 or
 * -1, as intern_id. */
static inline __attribute__((always_inline)) int
cached_id_w(struct idcache *c, struct intern *in, const unsigned char *s,
            size_t n, uint64_t w, uint32_t *id)
{
	struct idcache *e =
	        &c[((w ^ n) * 0x9E3779B97F4A7C15u) >> (64 - IDC_BITS)];

	if (e->w == w && e->n == n) {
		*id = e->id;
		return 0;
	}
	if (intern_id(in, (const char *)s, n, id) < 0)
		return -1;
	e->w = w;
	e->n = (uint32_t)n;
	e->id = *id;
	return 0;
}

/* A text shorter than this (bytes) keeps its tables with the interner
 * (intern_scratch): the next text tokenized into the same table then
 * starts with the ids found so far and zeroes no tables of its own, where
 * zeroing two (224 KiB) costs a small text as much as a tenth of its
 * tokenizing.  A longer text frees its tables at its end, so that the
 * memory of a long run is what it was. */
#define IDC_KEEP_MAX ((size_t)1 << 18)

/* The same for keys of nine to sixteen bytes (long words of prose: some
 * one word in five of a legal text has eight letters or more), in a
 * table of its own so that the short keys' slots stay 16 bytes. */
#define IDC16_BITS 12
struct idcache16 {
	uint64_t w, w2; /* the key's bytes, two loads, zero above n */
	uint32_t n;     /* its length, 9 to 16; 0 for a free slot */
	uint32_t id;
};

/* The id of key s[0..n) (9 <= n <= 16) in in, through the table c (not
 * NULL), w and w2 being its first eight bytes and the rest (zero above
 * n) as two little-endian loads.  0 or -1, as intern_id. */
static inline __attribute__((always_inline)) int
cached_id16(struct idcache16 *c, struct intern *in, const unsigned char *s,
            size_t n, uint64_t w, uint64_t w2, uint32_t *id)
{
	struct idcache16 *e = &c[((w ^ (w2 * 0xC2B2AE3D27D4EB4Fu) ^ n) *
	                          0x9E3779B97F4A7C15u) >>
	                         (64 - IDC16_BITS)];

	if (e->w == w && e->w2 == w2 && e->n == n) {
		*id = e->id;
		return 0;
	}
	if (intern_id(in, (const char *)s, n, id) < 0)
		return -1;
	e->w = w;
	e->w2 = w2;
	e->n = (uint32_t)n;
	e->id = *id;
	return 0;
}

/* The id of key s[0..n) in in, through the table c (IDC_BITS slots, or
 * NULL for none) or, for nine to sixteen bytes, c16 (IDC16_BITS slots, or
 * NULL); the caller tells how many bytes from s may be read (readable,
 * at least n).  0 or -1, as intern_id. */
static inline __attribute__((always_inline)) int
cached_id(struct idcache *c, struct idcache16 *c16, struct intern *in,
          const unsigned char *s, size_t n, size_t readable, uint32_t *id)
{
	uint64_t w, w2;

	if (c && readable >= 8 && n - 1 < 8) {
		memcpy(&w, s, 8);
		w &= ~(uint64_t)0 >> (64 - 8 * n);
		return cached_id_w(c, in, s, n, w, id);
	}
	if (WORD8 && c16 && readable >= 16 && n - 9 < 8) {
		memcpy(&w, s, 8);
		memcpy(&w2, s + 8, 8);
		w2 &= ~(uint64_t)0 >> (64 - 8 * (n - 8));
		return cached_id16(c16, in, s, n, w, w2, id);
	}
	return intern_id(in, (const char *)s, n, id);
}

#define B8(c) ((uint64_t)(c)*0x0101010101010101u)

/* The bytes of w that are ASCII letters, each as its high bit (0x80)
 * set; the others 0.  A byte of 0x80 or more is none: its low seven bits
 * are tested, then it is left out.  No sum below carries out of its
 * byte, since each is at most 0x7f plus 0x1f. */
static inline uint64_t
letters8(uint64_t w)
{
	uint64_t y = (w & B8(0x7f)) | B8(0x20); /* capitals as small */

	return (y + B8(0x80 - 'a')) & ~(y + B8(0x7f - 'z')) & ~w & B8(0x80);
}

/* Whether the byte at q of t, the one after a word's apostrophe, hyphen
 * or period, may let scan_word join that mark: a letter or digit, or a
 * byte of 0x80 or more (a mark, or a letter of another script).  The end
 * of the text joins nothing.  w holds the eight bytes from q - i, so byte
 * q is its byte i when i < 8; else it is read from the text (its NUL, or
 * the next byte of a longer text, when q is its length). */
static inline int
joins_next(const struct text *t, size_t q, uint64_t w, size_t i)
{
	unsigned char b;

	if (q >= t->len)
		return 0;
	b = i < 8 ? (unsigned char)(w >> (8 * i)) : t->buf[q];
	return b >= 0x80 || (abits[b] & A_ALNUM);
}

/* The second four bytes of a token, its bit-fields, as one word; with
 * the masks got from tokens with one field set, fast_run makes a token
 * by ors and sums, wherever the compiler put each field. */
static inline uint32_t
tok_word_bits(const struct tok *k)
{
	uint32_t u;

	memcpy(&u, (const char *)k + sizeof k->off, sizeof u);
	return u;
}

/* Token number n of v as off and its bit-fields u. */
static inline void
tok_store(struct tok *v, size_t n, uint32_t off, uint32_t u)
{
	v[n].off = off;
	memcpy((char *)&v[n] + sizeof v[n].off, &u, sizeof u);
}

/* What fast_run asks of a token's first byte, one load: an ASCII letter,
 * a space or a line feed, or a punctuation mark whose one byte is the
 * token when no byte of 0x80 or more follows (a period or hyphen, which
 * start runs, only when another does not follow either); all else
 * (digits, bytes of 0x80 or more) is F_OTHER, the main loop's. */
enum {
	F_OTHER,
	F_LETTER,
	F_SPACE,
	F_LF,
	F_MARK, /* a lone mark, no sentence end */
	F_STOP, /* ! and ? */
	F_RUN,  /* a hyphen */
	F_DOT   /* a period, which ends a sentence */
};
#define A_FAST(c)                                                              \
	((c) == ' '                 ? F_SPACE                                  \
	 : (c) == '\n'              ? F_LF                                     \
	 : A_BITS(c) & A_DIGIT      ? F_OTHER                                  \
	 : A_BITS(c)                ? F_LETTER                                 \
	 : A_CLASS(c) != UNI_PUNCT  ? F_OTHER                                  \
	 : (c) == '-'               ? F_RUN                                    \
	 : (c) == '.'               ? F_DOT                                    \
	 : (c) == '!' || (c) == '?' ? F_STOP                                   \
	                            : F_MARK)
/* What the byte after a word's letters says of its end: 0, the word
 * ends there (white space, most punctuation); 1, it ends there unless a
 * letter, digit or byte of 0x80 or more follows (an apostrophe, hyphen
 * or period may join the word then); 2, ask the main loop (a digit, a
 * comma or colon after one, a byte of 0x80 or more). */
#define A_AFTER(c)                                                             \
	((c) >= 0x80 || A_BITS(c)                  ? 2                         \
	 : (c) == '\'' || (c) == '-' || (c) == '.' ? 1                         \
	                                           : 0)
#define A_256(f)                                                               \
	A_128(f), A_16(f, 128), A_16(f, 144), A_16(f, 160), A_16(f, 176),      \
	        A_16(f, 192), A_16(f, 208), A_16(f, 224), A_16(f, 240)
static const unsigned char afast[256] = {A_128(A_FAST)};
static const unsigned char aafter[256] = {A_256(A_AFTER)};

/* The bytes of w from the first on that are not ASCII letters, each as
 * its high bit (0x80), the others 0: exact up to and with the first such
 * byte (which is all that is asked), and 0 only when all eight are
 * letters.  Below the first non-letter no sum carries out of its byte,
 * and a byte of 0x80 or more, whose sums may carry into the next, is
 * itself found no letter. */
static inline uint64_t
nonletters8(uint64_t w)
{
	uint64_t y = w | B8(0x20); /* capitals as small */

	return (~(y + B8(0x80 - 'a')) | (y + B8(0x7f - 'z'))) & B8(0x80);
}

/* Whether byte q of b (len bytes readable as the text; its byte len is
 * never asked) lets an apostrophe, hyphen or period before it join a
 * word, as joins_next says: w holds the eight bytes from q - i. */
static inline int
joins_at(const unsigned char *b, size_t len, size_t q, uint64_t w, size_t i)
{
	unsigned char c;

	if (q >= len)
		return 0;
	c = i < 8 ? (unsigned char)(w >> (8 * i)) : b[q];
	return aafter[c] == 2; /* a letter, a digit or 0x80 or more */
}

/* Where a run of prose's most common tokens is taken, in a loop of its
 * own so that its state stays in registers: from pos of t, while 16
 * bytes can be read there and out has room, the spaces and line feeds
 * before ASCII, the words of one to fifteen ASCII letters and the lone
 * ASCII punctuation marks, each as tok_split's main loop takes it.
 * *nl and *space carry the white space seen before the next token, in
 * and out; ids are found through idc and idc16 (keys as their bytes: no
 * case folding), and punct holds the ids of one-byte marks found so far
 * (UINT32_MAX where none).  Returns the position of the first byte not
 * taken (the main loop's to take), with *err set to -1 when memory ran
 * out. */
static __attribute__((noinline)) size_t
fast_run(const struct text *t, size_t pos, struct toklist *out,
         struct idcache *idc, struct idcache16 *idc16, struct intern *in,
         uint32_t *punct, unsigned *nl_io, int *space_io, int *err)
{
	const unsigned char *b = t->buf;
	const size_t len = t->len;
	struct tok *v = out->v;
	uint32_t *ids = out->id;
	size_t n = out->n;
	const uint32_t word_m = tok_word_bits(&(struct tok){.kind = TOK_WORD}),
	               upper_m = tok_word_bits(
	                       &(struct tok){.flags = TOK_F_UPPER}),
	               punct_m =
	                       tok_word_bits(&(struct tok){.kind = TOK_PUNCT}),
	               stop_m = tok_word_bits(
	                       &(struct tok){.flags = TOK_F_STOP}),
	               slen_1 = tok_word_bits(&(struct tok){.slen = 1}),
	               nl_1 = tok_word_bits(&(struct tok){.nl = 1}),
	               nl_m = tok_word_bits(&(struct tok){.nl = 255}),
	               space_1 = tok_word_bits(&(struct tok){.space = 1});
	/* the white space before the next token, as its bits */
	uint32_t pend = (uint32_t)*nl_io * nl_1 | (*space_io ? space_1 : 0);

	if (len < 16 || pos > len - 16 || n >= out->cap)
		return pos;
	/* each step takes a byte or more and makes a token or none, so
	 * stopping at last makes no more tokens than out has room for */
	size_t last = len - 16;
	if (last - pos > out->cap - n - 1)
		last = pos + (out->cap - n - 1);
	while (pos <= last) {
		unsigned char ch = b[pos], nx = b[pos + 1];
		uint32_t id, bits;

		switch (afast[ch]) {
		case F_LF:
		case F_SPACE:
			if (nx >= 0x80)
				goto stop;
			if (ch == '\n' && (pend & nl_m) != nl_m)
				pend += nl_1;
			pend |= space_1;
			pos++;
			continue;
		case F_LETTER:
		letter : {
			uint64_t w, wa, nl8;
			size_t k, wn = 0;
			unsigned char after;
			int rc;

			memcpy(&w, b + pos, 8);
			nl8 = nonletters8(w);
			wa = w;
			if (!nl8) { /* eight letters: the rest in the next */
				memcpy(&wa, b + pos + 8, 8);
				nl8 = nonletters8(wa);
				wn = 8;
				if (!nl8)
					goto stop; /* sixteen or more */
			}
			k = (size_t)__builtin_ctzll(nl8) >> 3;
			wn += k; /* 1 or more: ch is a letter */
			after = (unsigned char)(wa >> (8 * k));
			if (aafter[after] &&
			    (aafter[after] == 2 ||
			     joins_at(b, len, pos + wn + 1, wa, k + 1)))
				goto stop;
			if (wn < 8)
				rc = cached_id_w(
				        idc, in, b + pos, wn,
				        w & (~(uint64_t)0 >> (64 - 8 * wn)),
				        &id);
			else if (wn == 8)
				rc = cached_id_w(idc, in, b + pos, wn, w, &id);
			else
				rc = cached_id16(
				        idc16, in, b + pos, wn, w,
				        wa & (~(uint64_t)0 >> (64 - 8 * k)),
				        &id);
			if (rc < 0) {
				*err = -1;
				goto stop;
			}
			ids[n] = id;
			tok_store(v, n++, (uint32_t)pos,
			          word_m | (abits[ch] & A_UPPER ? upper_m : 0) |
			                  (uint32_t)wn * slen_1 | pend);
			pend = 0;
			pos += wn;
			/* the space after it, as the loop's head takes it
			 * (pos + 1 is at most len here) */
			if (after == ' ' &&
			    (pos + 1 >= len || b[pos + 1] < 0x80)) {
				pend = space_1;
				pos++;
				/* a letter next (most words are followed by
				 * one and a space): taken as the loop's head
				 * would take it, without asking afast twice */
				if (pos <= last && afast[b[pos]] == F_LETTER) {
					ch = b[pos];
					goto letter;
				}
			}
			continue;
		}
		case F_RUN:
		case F_DOT:
		case F_MARK:
		case F_STOP:
			/* a hyphen or period before another starts a run */
			if (nx >= 0x80 || (nx == ch && afast[ch] >= F_RUN))
				goto stop;
			id = punct[ch];
			if (id == UINT32_MAX) {
				if (cached_id_w(idc, in, b + pos, 1, ch, &id) <
				    0) {
					*err = -1;
					goto stop;
				}
				punct[ch] = id;
			}
			bits = punct_m | slen_1 | pend;
			if (afast[ch] >= F_STOP && afast[ch] != F_RUN)
				bits |= stop_m;
			ids[n] = id;
			tok_store(v, n++, (uint32_t)pos, bits);
			pend = 0;
			pos++;
			continue;
		default:
			goto stop;
		}
	}
stop:
	out->n = n;
	*nl_io = (pend & nl_m) / nl_1;
	*space_io = (pend & space_1) != 0;
	return pos;
}

/* The ids of the last short tokens whose keys went through uni_key, by
 * their bytes and kind (the same bytes give the same key within one
 * tokenizer run, whose options do not change): prose repeats its few
 * curly quotes, dashes and marks, and each key costs some 2,000
 * instructions of utf8proc. */
#define MEMO_SLOTS 64
#define MEMO_BYTES 14
struct keymemo {
	struct {
		unsigned char n; /* the token's length; 0 for a free slot */
		unsigned char kind;
		unsigned char b[MEMO_BYTES];
		uint32_t id;
	} e[MEMO_SLOTS];
};

/* The slot of s[0..n) (1 <= n <= MEMO_BYTES) in a struct keymemo. */
static inline unsigned
memo_slot(const unsigned char *s, size_t n)
{
	return ((unsigned)s[n - 1] * 7u ^ (unsigned)s[n / 2] * 3u ^
	        (unsigned)n * 29u) %
	       MEMO_SLOTS;
}

/* The key of s[0..n), of a token of kind kind, as uni_key makes it under
 * flags, interned in in; its id stored in *id.  Short ones are looked up
 * in memo first and kept there. */
static int
key_uni(const unsigned char *s, size_t n, unsigned kind, unsigned flags,
        struct intern *in, struct keymemo *memo, uint32_t *id)
{
	char *key;
	size_t klen;
	unsigned k = 0;
	int rc;

	if (n >= 1 && n <= MEMO_BYTES) {
		k = memo_slot(s, n);
		if (memo->e[k].n == n && memo->e[k].kind == kind &&
		    memcmp(memo->e[k].b, s, n) == 0) {
			*id = memo->e[k].id;
			return 0;
		}
	}
	if (uni_key(s, n, flags, &key, &klen) < 0)
		return -1;
	rc = intern_id(in, key, klen, id);
	free(key);
	if (rc == 0 && n >= 1 && n <= MEMO_BYTES) {
		memo->e[k].n = (unsigned char)n;
		memo->e[k].kind = (unsigned char)kind;
		memcpy(memo->e[k].b, s, n);
		memo->e[k].id = *id;
	}
	return rc;
}

/* Intern the key of the token's bytes; memo holds the last keys that
 * took uni_key (key_uni). */
static int
key_of(const struct text *t, const struct tok *tk, size_t n, struct intern *in,
       unsigned keyopts, struct keymemo *memo, struct idcache *idc,
       struct idcache16 *idc16, uint32_t *id)
{
	const unsigned char *s = t->buf + tk->off;
	size_t i;
	int ascii = 1;
	char small[64];
	unsigned flags;

	for (i = 0; i < n; i++)
		if (s[i] >= 0x80) {
			ascii = 0;
			break;
		}
	if (keyopts & TOK_KEY_STRICT && !(keyopts & TOK_KEY_ICASE))
		return intern_id(in, (const char *)s, n, id);
	if (tk->kind == TOK_PUNCT && s[0] == '-' && !(keyopts & TOK_KEY_STRICT))
		return intern_id(in, "-", 1, id); /* "--" is a dash too */
	if (ascii) {
		if (!(keyopts & TOK_KEY_ICASE))
			return cached_id(idc, idc16, in, s, n, t->len - tk->off,
			                 id);
		if (n <= sizeof small) {
			for (i = 0; i < n; i++)
				small[i] = (char)((s[i] >= 'A' && s[i] <= 'Z')
				                          ? s[i] + 32
				                          : s[i]);
			return cached_id(idc, idc16, in,
			                 (const unsigned char *)small, n,
			                 sizeof small, id);
		}
	}
	flags = 0;
	if (!(keyopts & TOK_KEY_STRICT)) {
		flags |= UNI_KEY_FOLD;
		/* compatibility forms too: "..." for U+2026, and full-width
		 * digits are the digits (１５ is 15) */
		if (tk->kind == TOK_PUNCT || tk->kind == TOK_NUMBER)
			flags |= UNI_KEY_COMPAT;
	}
	if (keyopts & TOK_KEY_ICASE)
		flags |= UNI_KEY_CASE;
	if (tk->kind == TOK_OTHER)
		flags = 0; /* invalid bytes and controls compare as bytes */
	return key_uni(s, n, tk->kind, flags, in, memo, id);
}

int
tok_split(const struct text *t, struct intern *in, unsigned keyopts,
          struct toklist *out)
{
	size_t pos = t->body;
	unsigned nl = 0;
	int space = 0;
	size_t h = 0;
	struct cl c;
	struct keymemo memo;
	/* both tables in one block: a short text's kept with the interner
	 * (IDC_KEEP_MAX), a long one's its own, freed at the end */
	size_t size = ((size_t)1 << IDC_BITS) * sizeof(struct idcache) +
	              ((size_t)1 << IDC16_BITS) * sizeof(struct idcache16);
	void *own = NULL, *block = t->len - pos < IDC_KEEP_MAX
	                                   ? intern_scratch(in, size)
	                                   : (own = calloc(1, size));
	/* without the table (no memory for it) every key takes intern_id */
	struct idcache *idc = block;
	/* and the keys of nine to sixteen bytes, intern_id's without it */
	struct idcache16 *idc16 =
	        block ? (struct idcache16 *)(idc + ((size_t)1 << IDC_BITS))
	              : NULL;
	/* the short words one load each: with the table, keys as the bytes */
	int fast8 = idc && !(keyopts & TOK_KEY_ICASE);
	/* fast_run's loop, with both tables; the ids of one-byte marks */
	int run = WORD8 && fast8 && idc16;
	uint32_t punct[128];

	for (size_t i = 0; i < 128; i++)
		punct[i] = UINT32_MAX;

	memset(out, 0, sizeof *out);
	memset(&memo, 0, sizeof memo);
	/* prose runs five to six bytes a token: room for a little more, so
	 * that the arrays are not copied as they grow */
	if (t->len - pos >= 4096 && reserve(out, (t->len - pos) / 4) < 0)
		goto fail;
	while (pos < t->len) {
		struct tok tk;
		uint8_t wflags;
		unsigned char ch;
		size_t end = 0, tried = SIZE_MAX;

		/* most of prose in fast_run's loop; what it leaves below */
		if (run) {
			int err = 0;
			pos = fast_run(t, pos, out, idc, idc16, in, punct, &nl,
			               &space, &err);
			if (err < 0)
				goto fail;
			if (pos >= t->len)
				break;
		}
		ch = t->buf[pos];

		/* a space before ASCII (no mark to join it) and an ASCII word
		 * (ascii_word) are most of prose: taken before any class */
		if (ch == ' ' &&
		    (pos + 1 >= t->len || t->buf[pos + 1] < 0x80)) {
			space = 1;
			pos++;
			continue;
		}
		/* a word of one to fifteen ASCII letters, all of it and the
		 * byte after it in one load or two: as ascii_word finds it,
		 * its key's id looked up with the same loads (first: words
		 * are most tokens, and no punctuation mark is a letter) */
		if (WORD8 && fast8 && (abits[ch] & A_ALNUM) &&
		    pos + 8 <= t->len) {
			uint64_t w, wa, nl8;
			size_t k, n = 0;
			unsigned char after;
			uint32_t id;

			memcpy(&w, t->buf + pos, 8);
			nl8 = ~letters8(w) & B8(0x80);
			wa = w;
			/* eight letters: the next eight bytes hold the rest */
			if (!nl8 && idc16 && pos + 16 <= t->len) {
				memcpy(&wa, t->buf + pos + 8, 8);
				nl8 = ~letters8(wa) & B8(0x80);
				n = 8;
			}
			k = nl8 ? (size_t)__builtin_ctzll(nl8) >> 3 : 0;
			n += k;
			after = (unsigned char)(wa >> (8 * k));
			/* not a digit (ascii_word's flags) and no byte of 0x80
			 * or more (a mark may join the word); of scan_word's
			 * joins, the comma's and the colon's need a digit
			 * before, and an apostrophe, a hyphen or a period
			 * joins only before a letter or digit */
			if (nl8 && n && !(abits[after] & A_ALNUM) &&
			    after < 0x80 &&
			    ((after != '\'' && after != '-' && after != '.') ||
			     !joins_next(t, pos + n + 1, wa, k + 1))) {
				uint64_t mask =
				        ~(uint64_t)0 >> (63 - 8 * k) >> 1;
				int rc;

				memset(&tk, 0, sizeof tk);
				tk.off = (uint32_t)pos;
				tk.nl = nl;
				tk.space = space != 0;
				tk.kind = TOK_WORD;
				tk.flags =
				        abits[ch] & A_UPPER ? TOK_F_UPPER : 0;
				if (n < 8)
					rc = cached_id_w(idc, in, t->buf + pos,
					                 n, w & mask, &id);
				else if (n == 8)
					rc = cached_id_w(idc, in, t->buf + pos,
					                 n, w, &id);
				else
					rc = cached_id16(idc16, in,
					                 t->buf + pos, n, w,
					                 wa & mask, &id);
				if (rc < 0 || push(out, &tk, n, id) < 0)
					goto fail;
				nl = 0;
				space = 0;
				pos += n;
				/* the space after it, as the loop's head takes
				 * it (after has no 0x80 bit, so it is there) */
				if (after == ' ' && (pos + 1 >= t->len ||
				                     t->buf[pos + 1] < 0x80)) {
					space = 1;
					pos++;
				}
				continue;
			}
		}
		/* an ASCII punctuation mark that stands alone (not the
		 * start of a run of periods or hyphens, nothing of 0x80 or
		 * more after it to join it): its key is its byte */
		if (fast8 && aclass[ch & 0x7f] == UNI_PUNCT && ch < 0x80 &&
		    ch != '.' && ch != '-' && pos + 8 <= t->len &&
		    t->buf[pos + 1] < 0x80) {
			uint32_t id;
			uint64_t w = ch;

			memset(&tk, 0, sizeof tk);
			tk.off = (uint32_t)pos;
			tk.nl = nl;
			tk.space = space != 0;
			tk.kind = TOK_PUNCT;
			tk.flags = ch == '!' || ch == '?' ? TOK_F_STOP : 0;
			if (cached_id_w(idc, in, t->buf + pos, 1, w, &id) < 0 ||
			    push(out, &tk, 1, id) < 0)
				goto fail;
			nl = 0;
			space = 0;
			pos++;
			continue;
		}
		if (!(keyopts & TOK_KEY_ICASE) && (abits[ch] & A_ALNUM)) {
			memset(&tk, 0, sizeof tk);
			tk.off = (uint32_t)pos;
			tk.nl = nl;
			tk.space = space != 0;
			end = ascii_word(t, pos, &tk);
			tried = pos;
		}
		if (!end) {
			if (!ascii_at(t, pos, &c))
				cluster_at(t, pos, &c);
			if ((c.cls == UNI_SPACE || c.cls == UNI_FORMAT) &&
			    (c.len == 1 ||
			     (h = uni_hidden_at(t->buf + pos, c.len)) ==
			             c.len)) {
				if (c.cp == '\n' || c.cp == '\r' ||
				    c.cp == 0x85 || c.cp == 0x2028 ||
				    c.cp == 0x2029)
					nl += nl < 255;
				space = 1;
				pos += c.len;
				continue;
			}
			if (c.cls == UNI_SPACE || c.cls == UNI_FORMAT) {
				/* a hidden character is never white space:
				 * from it to the cluster's end is a token of
				 * its own */
				if (h) {
					space = 1;
					pos += h;
					c.off = pos;
					c.len -= h;
				}
				c.cls = UNI_OTHER;
			}
			memset(&tk, 0, sizeof tk);
			tk.off = (uint32_t)pos;
			tk.nl = nl;
			tk.space = space != 0;
			/* its key is its bytes unless case folds (key_of);
			 * not tried again where it was just tried */
			if (!(keyopts & TOK_KEY_ICASE) && pos != tried)
				end = ascii_word(t, pos, &tk);
		}
		if (end) {
			uint32_t id;
			pos = end;
			if (cached_id(idc, idc16, in, t->buf + tk.off,
			              pos - tk.off, t->len - tk.off, &id) < 0 ||
			    push(out, &tk, pos - tk.off, id) < 0)
				goto fail;
			nl = 0;
			space = 0;
			continue;
		}
		switch (c.cls) {
		case UNI_LETTER:
		case UNI_DIGIT:
		case UNI_MARK:
			if (is_wide_letter(t, &c)) {
				pos += c.len;
				tk.kind = TOK_WORD;
				tk.flags = TOK_F_WIDE;
				break;
			}
			pos = scan_word(t, &c, &wflags);
			tk.flags = wflags;
			tk.kind = c.cls == UNI_DIGIT ? TOK_NUMBER : TOK_WORD;
			if (uni_is_upper(c.cp))
				tk.flags |= TOK_F_UPPER;
			break;
		case UNI_PUNCT:
			pos += c.len;
			if (c.cp == '.' || c.cp == '-')
				while (pos < t->len &&
				       t->buf[pos] == (unsigned)c.cp)
					pos++;
			tk.kind = TOK_PUNCT;
			if (is_stop(c.cp))
				tk.flags |= TOK_F_STOP;
			break;
		case UNI_SYMBOL:
			pos += c.len;
			tk.kind = TOK_SYMBOL;
			break;
		default:
			pos += c.len;
			tk.kind = TOK_OTHER;
			break;
		}
		uint32_t id;
		if (key_of(t, &tk, pos - tk.off, in, keyopts, &memo, idc, idc16,
		           &id) < 0 ||
		    push(out, &tk, pos - tk.off, id) < 0)
			goto fail;
		nl = 0;
		space = 0;
	}
	free(own);
	/* give back the room not used, so that later blocks can take it */
	if (out->cap > out->n + out->n / 8 + 1024)
		(void)reserve(out, out->n + 1);
	return 0;
fail:
	free(own);
	tok_free(out);
	return -1;
}

int
tok_copy(struct toklist *dst, const struct toklist *src)
{
	*dst = (struct toklist){0};
	if (reserve(dst, src->n ? src->n : 1) < 0) {
		tok_free(dst);
		return -1;
	}
	if (src->nlng) {
		dst->lng = malloc(src->nlng * sizeof *dst->lng);
		if (!dst->lng) {
			tok_free(dst);
			return -1;
		}
		memcpy(dst->lng, src->lng, src->nlng * sizeof *dst->lng);
		dst->nlng = dst->lngcap = src->nlng;
	}
	if (src->n) {
		memcpy(dst->v, src->v, src->n * sizeof *dst->v);
		memcpy(dst->id, src->id, src->n * sizeof *dst->id);
	}
	dst->n = src->n;
	return 0;
}

void
tok_free(struct toklist *l)
{
	free(l->v);
	free(l->id);
	free(l->lng);
	memset(l, 0, sizeof *l);
}

int
tok_set_long(struct toklist *l, size_t i, size_t len)
{
	struct toklong *nv =
	        grow_array(l->lng, &l->lngcap, l->nlng + 1, sizeof *nv, 16);
	if (!nv)
		return -1;
	l->lng = nv;
	l->lng[l->nlng++] = (struct toklong){(uint32_t)i, (uint32_t)len};
	return 0;
}

size_t
tok_long_len(const struct toklist *l, size_t i)
{
	size_t lo = 0, hi = l->nlng;

	while (lo < hi) { /* the entries are in the order of their tokens */
		size_t mid = lo + (hi - lo) / 2;
		if (l->lng[mid].i < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < l->nlng && l->lng[lo].i == i ? l->lng[lo].len : TOK_LONG;
}

/* Four 32-bit lanes: two tokens, each its offset and its bit-fields. */
typedef uint32_t tok_lanes __attribute__((vector_size(16)));

size_t
tok_words(const struct toklist *l, size_t from, size_t to)
{
	/* TOK_WORD is 0 and TOK_NUMBER 1: a word has the kind's two upper
	 * bits clear */
	const uint32_t hi = tok_word_bits(&(struct tok){.kind = 6});
	const tok_lanes m = {0, hi, 0, hi};
	/* each lane -1 per token whose masked bits are 0: the offsets'
	 * lanes (masked by 0) count every token, the bits' lanes words */
	tok_lanes acc = {0, 0, 0, 0};
	size_t i = from, n = 0;

	for (; i + 4 <= to; i += 4) {
		tok_lanes a, b;
		memcpy(&a, &l->v[i], sizeof a);
		memcpy(&b, &l->v[i + 2], sizeof b);
		acc += (tok_lanes)((a & m) == 0);
		acc += (tok_lanes)((b & m) == 0);
	}
	n = (size_t)(0u - acc[1]) + (size_t)(0u - acc[3]);
	for (; i < to; i++)
		n += !(tok_word_bits(&l->v[i]) & hi);
	return n;
}
