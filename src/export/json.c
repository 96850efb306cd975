/* json.c - the machine-readable exports: one pair (format "redline",
 * version 3) and the overview of several rewrites ("redline-overview").
 *
 * Owns the JSON format documented in docs/json.md: byte offsets are half-open
 * [start, end) into the original input bytes, blocks come in display order,
 * every non-space byte of each input lies in exactly one block on its side.
 * Strings are escaped so the output is valid JSON whatever the file names.
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redline/export.h"
#include "redline/uni.h"

/* Whether byte c is printable ASCII other than '"' and '\\', which a JSON
 * string holds as it is. */
static inline int
plain_ascii(unsigned char c)
{
	return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
}

/* The longest escape esc_char writes: a surrogate pair, "\\udxxx" twice. */
#define ESC_MAX 16

/* The character that starts at u[i] (of u[0..n)), its length stored in
 * *len: its escape written to e (ESC_MAX bytes) and the escape's length
 * returned, or 0 when it goes out as it is.  Printable characters but '"'
 * and '\\' go out as they are; controls (C1 too) and hidden characters are
 * escaped, so that none reaches a terminal as it is; bytes that are no
 * UTF-8 become U+FFFD. */
static size_t
esc_char(const unsigned char *u, size_t n, size_t i, char e[ESC_MAX],
         size_t *len)
{
	int32_t cp;
	int k;

	if (plain_ascii(u[i])) {
		*len = 1;
		return 0;
	}
	*len = uni_decode(u + i, n - i, &cp);
	if (cp == '"' || cp == '\\') {
		e[0] = '\\';
		e[1] = (char)cp;
		return 2;
	}
	if ((cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp < 0xA0) ||
	    (cp < 0x10000 && cp >= 0 && uni_hidden(cp)))
		k = snprintf(e, ESC_MAX, "\\u%04x", (unsigned)cp);
	else if (cp >= 0x10000 && uni_hidden(cp))
		k = snprintf(e, ESC_MAX, "\\u%04x\\u%04x",
		             0xD800u + ((unsigned)(cp - 0x10000) >> 10),
		             0xDC00u + ((unsigned)(cp - 0x10000) & 0x3FF));
	else if (cp < 0)
		k = snprintf(e, ESC_MAX, "\\ufffd");
	else
		return 0;
	return k > 0 && k < ESC_MAX ? (size_t)k : 0;
}

/* u[0..n) as a JSON string. */
static int
json_bytes(FILE *f, const unsigned char *u, size_t n)
{
	size_t i = 0, run = 0; /* u[run, i) is written as it is */
	char e[ESC_MAX];

	if (fputc('"', f) == EOF)
		return -1;
	while (i < n) {
		size_t len, k;
		if (plain_ascii(u[i])) { /* a run in one write */
			i++;
			continue;
		}
		if (!(k = esc_char(u, n, i, e, &len))) {
			i += len;
			continue;
		}
		if ((i > run && fwrite(u + run, 1, i - run, f) != i - run) ||
		    fwrite(e, 1, k, f) != k)
			return -1;
		i += len;
		run = i;
	}
	if (i > run && fwrite(u + run, 1, i - run, f) != i - run)
		return -1;
	return fputc('"', f) == EOF ? -1 : 0;
}

int
export_json_string(FILE *f, const char *s)
{
	return json_bytes(f, (const unsigned char *)s, strlen(s));
}

/* The blocks are written through a buffer of their own: a million-word
 * pair has some 60,000 blocks and 300,000 spans, and a call to fprintf
 * for each number cost more than the rest of the export.  64 KiB at a
 * time, which the stream passes on in one write or two (10,000 words
 * made 72 writes of 4 KiB through a buffer of 8 KiB). */
/* Where an offset's digits need not be worked out anew: the last offset
 * written on one side, its digits and the value of its last four.  A
 * side's offsets mostly grow by a few bytes from one to the next (a
 * span's start to its end, an operation's end to the next one's start),
 * so that only the last four digits change. */
struct lastnum {
	unsigned long v; /* the offset */
	unsigned low;    /* v % 10000, or NO_LOW where s is not reused */
	unsigned n;      /* its digits */
	char s[24];      /* the digits, n of them (the last four as they
	                  * were when written whole: only the rest is read) */
};

/* low where v has under 5 or over 16 digits: its digits are not reused.
 * With 4, a step back could leave fewer digits than it has (1500 to 877),
 * and offsets under 10000 are only a text's first few. */
#define NO_LOW 0x100000u

/* A side's struct lastnum before its first offset. */
static void
lastnum_init(struct lastnum *ln)
{
	ln->v = 0;
	ln->low = NO_LOW;
	ln->n = 0;
}

struct out {
	FILE *f;
	size_t n;
	int err;
	/* the last offset written on each side (offset_at), kept from one
	 * span to the next through the whole export, and the left side's
	 * tokens, which tell a span's side */
	struct lastnum last[2];
	const struct toklist *left;
	char buf[65536];
};

static void
out_flush(struct out *o)
{
	if (o->n && fwrite(o->buf, 1, o->n, o->f) != o->n)
		o->err = 1;
	o->n = 0;
}

static void
out_bytes(struct out *o, const char *s, size_t n)
{
	if (n > sizeof o->buf - o->n) {
		out_flush(o);
		if (n > sizeof o->buf) {
			if (fwrite(s, 1, n, o->f) != n)
				o->err = 1;
			return;
		}
	}
	memcpy(o->buf + o->n, s, n);
	o->n += n;
}

static void
out_str(struct out *o, const char *s)
{
	out_bytes(o, s, strlen(s));
}

/* A room of at least n bytes at the buffer's end (n at most its size),
 * flushing it if need be; returns where it starts. */
static inline char *
out_room(struct out *o, size_t n)
{
	if (n > sizeof o->buf - o->n)
		out_flush(o);
	return o->buf + o->n;
}

/* n bytes from s, n known when compiled (out_lit), so that the copy is a
 * few moves inline rather than a call of memcpy: most of the export's
 * pieces are short literals. */
static inline void
out_fixed(struct out *o, const char *s, size_t n)
{
	memcpy(out_room(o, n), s, n);
	o->n += n;
}

/* The string literal s; one of the literals a or b, as c is set or not. */
#define out_lit(o, s) out_fixed((o), (s), sizeof(s) - 1)
#define out_pick(o, c, a, b)                                                   \
	do {                                                                   \
		if (c)                                                         \
			out_lit((o), a);                                       \
		else                                                           \
			out_lit((o), b);                                       \
	} while (0)

/* The hundred pairs of decimal digits, "00" to "99". */
static const char decimal_pairs[] = "00010203040506070809"
                                    "10111213141516171819"
                                    "20212223242526272829"
                                    "30313233343536373839"
                                    "40414243444546474849"
                                    "50515253545556575859"
                                    "60616263646566676869"
                                    "70717273747576777879"
                                    "80818283848586878889"
                                    "90919293949596979899";

/* "0000" to "9999": the last four digits of an offset (offset_at) in
 * one copy, built by the preprocessor a digit at a time. */
#define FOUR_4(a, b, c, d)                                                     \
	{                                                                      \
		a, b, c, d                                                     \
	}
#define FOUR_3(a, b, c)                                                        \
	FOUR_4(a, b, c, '0'), FOUR_4(a, b, c, '1'), FOUR_4(a, b, c, '2'),      \
	        FOUR_4(a, b, c, '3'), FOUR_4(a, b, c, '4'),                    \
	        FOUR_4(a, b, c, '5'), FOUR_4(a, b, c, '6'),                    \
	        FOUR_4(a, b, c, '7'), FOUR_4(a, b, c, '8'),                    \
	        FOUR_4(a, b, c, '9')
#define FOUR_2(a, b)                                                           \
	FOUR_3(a, b, '0'), FOUR_3(a, b, '1'), FOUR_3(a, b, '2'),               \
	        FOUR_3(a, b, '3'), FOUR_3(a, b, '4'), FOUR_3(a, b, '5'),       \
	        FOUR_3(a, b, '6'), FOUR_3(a, b, '7'), FOUR_3(a, b, '8'),       \
	        FOUR_3(a, b, '9')
#define FOUR_1(a)                                                              \
	FOUR_2(a, '0'), FOUR_2(a, '1'), FOUR_2(a, '2'), FOUR_2(a, '3'),        \
	        FOUR_2(a, '4'), FOUR_2(a, '5'), FOUR_2(a, '6'),                \
	        FOUR_2(a, '7'), FOUR_2(a, '8'), FOUR_2(a, '9')
static const char four_digits[10000][4] = {
        FOUR_1('0'), FOUR_1('1'), FOUR_1('2'), FOUR_1('3'), FOUR_1('4'),
        FOUR_1('5'), FOUR_1('6'), FOUR_1('7'), FOUR_1('8'), FOUR_1('9')};
#undef FOUR_1
#undef FOUR_2
#undef FOUR_3
#undef FOUR_4

/* v in decimal, ending just before end; returns where it starts.  Two
 * digits a step, from a table of the hundred pairs (the spans' offsets
 * run to seven digits). */
static inline __attribute__((always_inline)) char *
decimal(char *end, unsigned long v)
{
	while (v >= 100) {
		unsigned d = (unsigned)(v % 100) * 2;
		v /= 100;
		*--end = decimal_pairs[d + 1];
		*--end = decimal_pairs[d];
	}
	if (v >= 10) {
		*--end = decimal_pairs[v * 2 + 1];
		*--end = decimal_pairs[v * 2];
	} else {
		*--end = (char)('0' + v);
	}
	return end;
}

static char *decimal_at(char *p, unsigned long v);

/* The number of decimal digits of v (1 for 0). */
static unsigned
digits(unsigned long v)
{
#if defined(__GNUC__) && ULONG_MAX == 0xFFFFFFFFFFFFFFFFu
	static const unsigned long pow10[20] = {1ul,
	                                        10ul,
	                                        100ul,
	                                        1000ul,
	                                        10000ul,
	                                        100000ul,
	                                        1000000ul,
	                                        10000000ul,
	                                        100000000ul,
	                                        1000000000ul,
	                                        10000000000ul,
	                                        100000000000ul,
	                                        1000000000000ul,
	                                        10000000000000ul,
	                                        100000000000000ul,
	                                        1000000000000000ul,
	                                        10000000000000000ul,
	                                        100000000000000000ul,
	                                        1000000000000000000ul,
	                                        10000000000000000000ul};
	/* log10 from the bit length (1233 / 4096 is just over log10 2),
	 * one short where v is below the power it names */
	unsigned t = ((64u - (unsigned)__builtin_clzl(v | 1)) * 1233u) >> 12;
	unsigned n = t + 1 - (v < pow10[t]);
	return n ? n : 1;
#else
	unsigned n = 1;
	for (; v >= 10; v /= 10)
		n++;
	return n;
#endif
}

/* v (under 10000) in decimal from p on; returns the end of its digits.
 * Four bytes are copied whatever v's length, from its entry in
 * four_digits (and the next one's first digits where v has fewer than
 * four): the room past the digits is written over by what follows. */
static inline char *
small_at(char *p, unsigned v)
{
	unsigned n = 1 + (v >= 10) + (v >= 100) + (v >= 1000);

	memcpy(p, four_digits[v] + 4 - n, 4);
	return p + n;
}

/* v in decimal from p on (room for 20 digits); returns the end of its
 * digits.  Under 10^8, four digits at a time from four_digits: most
 * numbers the export writes (block and passage numbers, offsets) have
 * eight digits or fewer. */
static char *
decimal_at(char *p, unsigned long v)
{
	if (v < 10000)
		return small_at(p, (unsigned)v);
	if (v < 100000000) {
		unsigned long q = v / 10000;
		p = small_at(p, (unsigned)q);
		memcpy(p, four_digits[v - q * 10000], 4);
		return p + 4;
	}
	unsigned n = digits(v);

	decimal(p + n, v);
	return p + n;
}

/* The most fixed3_at writes, and the room it needs. */
#define FIXED3_MAX 48

/* v as printf's "%.3f" writes it, at p (room for FIXED3_MAX bytes), by
 * printf itself: fixed3_at's way for what it does not write.  Longer
 * than its room, nothing is written and o->err is set. */
static __attribute__((noinline)) char *
fixed3_printf_at(struct out *o, char *p, double v)
{
	int n = snprintf(p, FIXED3_MAX, "%.3f", v);

	if (n < 0 || n >= FIXED3_MAX) {
		o->err = 1;
		return p;
	}
	return p + n;
}

/* v as printf's "%.3f" writes it, at p (room for FIXED3_MAX bytes);
 * returns the end of what it wrote.  Where v * 1000 lies close to half
 * way between two integers, where the rounding of that product could
 * decide the digit, and for what is not a small positive number, printf
 * itself writes it. */
static inline char *
fixed3_at(struct out *o, char *p, double v)
{
	if (v >= 0 && !signbit(v) && v < 1e9) {
		/* s is under 10^12: its integer part t is exact as a
		 * double, and fl is floor(s) */
		double s = v * 1000;
		long t = (long)s;
		double fl = (double)t;
		if (fabs(s - fl - 0.5) > 1e-6) {
			/* the thousandths k: the whole part, then the last
			 * three digits of k's entry in four_digits, its
			 * first written over by the point */
			unsigned long k = (unsigned long)t + (s - fl > 0.5);
			unsigned long w = k / 1000;
			p = w < 10000 ? small_at(p, (unsigned)w)
			              : decimal_at(p, w);
			memcpy(p, four_digits[k - w * 1000], 4);
			*p = '.';
			return p + 4;
		}
	}
	return fixed3_printf_at(o, p, v);
}

/* The longest a span writes: "[", two offsets of up to 20 digits, ", ",
 * "]". */
#define SPAN_MAX 46

/* v in decimal from p on (room for 20 digits), ln the last offset written
 * on its side, updated to v; returns the end of its digits.  Where v is
 * the last one plus or minus a step that leaves the digits before the
 * last four as they were, those are copied and the last four written
 * from a table; otherwise v is written whole. */
static inline __attribute__((always_inline)) char *
offset_at(char *p, unsigned long v, struct lastnum *ln)
{
	/* a step back that leaves the last four digits at or above 0 wraps
	 * d round to just below the last four's value */
	unsigned long d = v - ln->v, sum = ln->low + d;

	if (ln->low < 10000 && sum < 10000) {
		unsigned x = (unsigned)sum, n = ln->n;

		/* ln->s keeps its first n - 4 digits right; its last
		 * four are never read but as written over here */
		memcpy(p, ln->s, 16);
		memcpy(p + n - 4, four_digits[x], 4);
		ln->v = v;
		ln->low = x;
		return p + n;
	}
	char *e = decimal_at(p, v);
	ln->n = (unsigned)(e - p);
	memcpy(ln->s, p, 20);
	ln->v = v;
	ln->low = ln->n >= 5 && ln->n <= 16 ? (unsigned)(v % 10000) : NO_LOW;
	return e;
}

/* [start, end) of tokens [t0, t1), or null when empty, written at p (room
 * for SPAN_MAX bytes), the offsets through ln, the last offset written on
 * l's side (offset_at); returns the end of what it wrote. */
static inline __attribute__((always_inline)) char *
span_next(char *p, const struct toklist *l, uint32_t t0, uint32_t t1,
          struct lastnum *ln)
{
	if (t0 >= t1) {
		memcpy(p, "null", 4);
		return p + 4;
	}
	*p++ = '[';
	p = offset_at(p, (unsigned long)l->v[t0].off, ln);
	*p++ = ',';
	*p++ = ' ';
	p = offset_at(p, (unsigned long)(tok_end(l, t1 - 1)), ln);
	*p++ = ']';
	return p;
}

/* [start, end) of tokens [t0, t1), or null when empty; l is o->left or
 * the right side's tokens. */
static void
put_span(struct out *o, const struct toklist *l, uint32_t t0, uint32_t t1)
{
	char *p = out_room(o, SPAN_MAX);

	o->n = (size_t)(span_next(p, l, t0, t1, &o->last[l != o->left]) -
	                o->buf);
}

static int
put_side(FILE *f, const char *key, const struct text *t,
         const struct toklist *l, const struct seglist *s)
{
	size_t words = tok_words(l, 0, l->n);
	if (fprintf(f, "  \"%s\": {\"path\": ", key) < 0 ||
	    export_json_string(f, t->name) < 0 ||
	    fprintf(f, ", \"bytes\": %zu, \"words\": %zu, \"segments\": %zu",
	            t->len, words, s->n) < 0)
		return -1;
	/* a web page: its spans index the text read from it, given here */
	if (t->html &&
	    (fputs(",\n    \"input\": \"html\", \"charset\": ", f) == EOF ||
	     export_json_string(f, t->charset) < 0 ||
	     fputs(", \"text\": ", f) == EOF ||
	     export_json_string(f, (const char *)t->buf) < 0))
		return -1;
	return fputs("},\n", f) == EOF ? -1 : 0;
}

/* The word operations the walk w gives, comma-separated, the inside of
 * a JSON array (its brackets are the caller's).  Each is written
 * straight into the buffer, with room made for the longest. */
static void
put_ops(struct out *o, const struct cmp *c, struct dwalk *w)
{
#define OP_EQUAL  "{\"op\": \"equal\", \"left\": "
#define OP_DELETE "{\"op\": \"delete\", \"left\": "
#define OP_INSERT "{\"op\": \"insert\", \"left\": "
#define OP_RIGHT  ", \"right\": "
	/* copied 32 bytes at a time, the room past an op's text written
	 * over by what follows it */
	static const char ops[][32] = {OP_EQUAL, OP_DELETE, OP_INSERT};
	static const unsigned char len[] = {sizeof OP_EQUAL - 1,
	                                    sizeof OP_DELETE - 1,
	                                    sizeof OP_INSERT - 1};
	enum {
		MOST = 2 + sizeof OP_DELETE - 1 + SPAN_MAX + sizeof OP_RIGHT -
		       1 + SPAN_MAX + 1
	};
	struct dop d;
	struct lastnum *left = &o->last[0], *right = &o->last[1];
	for (int first = 1; dwalk_next(w, &d); first = 0) {
		if (sizeof o->buf - o->n < MOST)
			out_flush(o);
		char *p = o->buf + o->n;
		enum dop_kind k = dop_kind(&d);
		if (!first) {
			*p++ = ',';
			*p++ = ' ';
		}
		memcpy(p, ops[k], sizeof ops[k]);
		p = span_next(p + len[k], &c->lt, d.a0, d.a1, left);
		memcpy(p, OP_RIGHT, sizeof OP_RIGHT - 1);
		p = span_next(p + sizeof OP_RIGHT - 1, &c->rt, d.b0, d.b1,
		              right);
		*p++ = '}';
		o->n = (size_t)(p - o->buf);
	}
#undef OP_EQUAL
#undef OP_DELETE
#undef OP_INSERT
#undef OP_RIGHT
}

/* u[0..n) as a JSON string, its runs of bytes that need no escape
 * copied at once. */
static void
out_json(struct out *o, const unsigned char *u, size_t n)
{
	size_t i = 0, run = 0; /* u[run, i) goes as it is */
	char e[ESC_MAX];

	out_lit(o, "\"");
	while (i < n) {
		size_t len, k;
		if (plain_ascii(u[i])) {
			i++;
			continue;
		}
		if (!(k = esc_char(u, n, i, e, &len))) {
			i += len;
			continue;
		}
		out_bytes(o, (const char *)u + run, i - run);
		out_bytes(o, e, k);
		i += len;
		run = i;
	}
	out_bytes(o, (const char *)u + run, i - run);
	out_lit(o, "\"");
}

/* The text of tokens [t0, t1) of side right as a JSON string ("" when
 * none). */
static void
put_words(struct out *o, const struct cmp *c, int right, uint32_t t0,
          uint32_t t1)
{
	const struct toklist *l = right ? &c->rt : &c->lt;
	const struct text *t = right ? c->right : c->left;

	if (t0 >= t1) {
		out_lit(o, "\"\"");
		return;
	}
	size_t b0 = l->v[t0].off, b1 = tok_end(l, t1 - 1);
	out_json(o, t->buf + b0, b1 - b0);
}

/* Finding f as a JSON object. */
static void
put_finding(struct out *o, const struct cmp *c, const struct finding *f)
{
	out_lit(o, "{\"type\": \"");
	out_str(o, find_type_name(f->type));
	out_lit(o, "\", \"official\": ");
	put_span(o, &c->lt, f->l0, f->l1);
	out_lit(o, ", \"rewrite\": ");
	put_span(o, &c->rt, f->r0, f->r1);
	out_lit(o, ", \"was\": ");
	put_words(o, c, 0, f->l0, f->l1);
	out_lit(o, ", \"now\": ");
	put_words(o, c, 1, f->r0, f->r1);
	out_lit(o, "}");
}

/* The findings of passage p that fall in a block (by their first
 * rewrite token, else their first official one), or all of them when b
 * is 0, comma-separated, the inside of a JSON array (its brackets are
 * the caller's); the block's tokens are [l0, l1) and [r0, r1)
 * (psg_block_tokens), asked by its caller. */
static void
put_findings(struct out *o, const struct cmp *c, const struct passage *p, int b,
             uint32_t l0, uint32_t l1, uint32_t r0, uint32_t r1)
{
	size_t n = 0;

	for (size_t k = p->fi0; k < psg_fi1(p); k++) {
		const struct finding *f = &c->fd.v[k];
		if (b && !(f->r0 < f->r1 ? f->r0 >= r0 && f->r0 < r1
		                         : f->l0 >= l0 && f->l0 < l1))
			continue;
		if (n++)
			out_lit(o, ", ");
		put_finding(o, c, f);
	}
}

/* Counts per finding type as a JSON object. */
static int
put_counts(FILE *f, const size_t count[FIND_NTYPES])
{
	if (fputs("{", f) == EOF)
		return -1;
	for (unsigned t = 0; t < FIND_NTYPES; t++)
		if (fprintf(f, "%s\"%s\": %zu", t ? ", " : "",
		            find_type_name(t), count[t]) < 0)
			return -1;
	return fputs("}", f) == EOF ? -1 : 0;
}

/* The facts of block b, comma-separated (none: nothing); *any says whether
 * one was written before. */
static void
put_facts(struct out *o, const struct cmp *c, const struct block *b, int *any)
{
	for (size_t k = b->f0; k < b->f1; k++) {
		const struct fact *x = &c->al.facts[k];
		out_pick(o, *any, ", {\"span\": ", "{\"span\": ");
		*any = 1;
		put_span(o, &c->rt, x->t0, x->t1);
		out_pick(o, x->kind == FACT_CHANGED,
		         ", \"kind\": \"changed\", \"was\": ",
		         ", \"kind\": \"new\", \"was\": ");
		put_span(o, &c->lt, x->w0, x->w1);
		out_lit(o, "}");
	}
}

/* The room flags_at needs. */
#define FLAGS_MAX 80

/* The four flags a passage and a block both carry, each ", \"NAME\":
 * true" or false, in the order of the format (docs/json.md), at p (room
 * for FLAGS_MAX bytes); returns the end of what it wrote. */
static inline char *
flags_at(char *p, int moved, int hidden, int confusable, int furniture)
{
#define FLAGS(m, h, c, f)                                                      \
	{                                                                      \
		", \"moved\": " m ", \"hidden\": " h ", \"confusable\": " c    \
		", \"furniture\": " f,                                         \
		        sizeof(", \"moved\": " m ", \"hidden\": " h            \
		               ", \"confusable\": " c ", \"furniture\": " f) - \
		                1                                              \
	}
#define FLAGS_F(m, h, c) FLAGS(m, h, c, "false"), FLAGS(m, h, c, "true")
#define FLAGS_C(m, h)    FLAGS_F(m, h, "false"), FLAGS_F(m, h, "true")
#define FLAGS_H(m)       FLAGS_C(m, "false"), FLAGS_C(m, "true")
	/* the sixteen ways the four can be set, each whole, indexed by
	 * moved, hidden, confusable, furniture as the bits 8, 4, 2, 1; each
	 * copied FLAGS_MAX bytes at once, the room past its text written
	 * over by what follows */
	static const struct {
		char s[FLAGS_MAX];
		unsigned char n;
	} flags[16] = {FLAGS_H("false"), FLAGS_H("true")};
#undef FLAGS
#undef FLAGS_F
#undef FLAGS_C
#undef FLAGS_H
	unsigned k =
	        (unsigned)(moved != 0) << 3 | (unsigned)(hidden != 0) << 2 |
	        (unsigned)(confusable != 0) << 1 | (unsigned)(furniture != 0);

	memcpy(p, flags[k].s, sizeof flags[k].s);
	return p + flags[k].n;
}

/* The room kind_at needs. */
#define KIND_MAX 16

/* The name of block kind k as cmp_kind_name gives it ("?" past the four)
 * and the quote that closes it, at p (room for KIND_MAX bytes); returns
 * the end of what it wrote.  Each copied KIND_MAX bytes at once from a
 * table, the room past its text written over by what follows. */
static inline char *
kind_at(char *p, unsigned k)
{
#define KIND(s)                                                                \
	{                                                                      \
		s "\"", sizeof s                                               \
	}
	static const struct {
		char s[KIND_MAX];
		unsigned char n;
	} kind[5] = {KIND("verbatim"), KIND("paraphrase"), KIND("omission"),
	             KIND("addition"), KIND("?")};
#undef KIND
	if (k > 4)
		k = 4;
	memcpy(p, kind[k].s, sizeof kind[k].s);
	return p + kind[k].n;
}

/* The string literal s at p; the end of what it wrote. */
#define lit_at(p, s) ((char *)memcpy((p), (s), sizeof(s) - 1) + sizeof(s) - 1)

/* The room of what put_passage writes before its blocks' numbers. */
#define PASSAGE_HEAD                                                           \
	(sizeof "    {\"number\": " - 1 + 20 + sizeof ", \"kind\": \"" - 1 +   \
	 KIND_MAX + FLAGS_MAX + sizeof ", \"similarity\": " - 1 + FIXED3_MAX + \
	 sizeof ", \"blocks\": [" - 1)

/* Passage i: its number, kind, flags, similarity, blocks, the spans of its
 * sentences on each side (one per block there, in text order), its word
 * diff and its facts, and ",\n" after it where more says one follows, else
 * "\n".  What has a bound is written at a pointer into room made once. */
static void
put_passage(struct out *o, const struct cmp *c, size_t i, int more)
{
	const struct passage *p = &c->ps.v[i];
	int any = 0;
	char *q = out_room(o, PASSAGE_HEAD);

	q = lit_at(q, "    {\"number\": ");
	q = decimal_at(q, (unsigned long)i + 1);
	q = lit_at(q, ", \"kind\": \"");
	q = kind_at(q, p->kind);
	q = flags_at(q, p->moved, p->hidden, p->confusable, p->furniture);
	q = lit_at(q, ", \"similarity\": ");
	q = fixed3_at(o, q, p->sim);
	q = lit_at(q, ", \"blocks\": [");
	o->n = (size_t)(q - o->buf);
	for (size_t m = p->m0; m < psg_m1(p); m++) {
		q = out_room(o, 2 + 20);
		if (m > p->m0)
			q = lit_at(q, ", ");
		q = decimal_at(q, (unsigned long)c->ps.mem[m]);
		o->n = (size_t)(q - o->buf);
	}
	for (int side = 0; side < 2; side++) {
		/* the sentences of each block, in text order: blocks of one
		 * passage never share a sentence on one side */
		const struct toklist *tl = side ? &c->rt : &c->lt;
		uint32_t at = 0, t0, t1;
		size_t b, n = 0;
		out_pick(o, side, "],\n     \"right\": [", "], \"left\": [");
		if (psg_m1(p) - p->m0 == 1) {
			/* one block: its sentences on this side, where it has
			 * any, are the one piece psg_next_piece would give */
			const struct seglist *sl = side ? &c->rs : &c->ls;
			uint32_t s0, s1;
			psg_block_sents(c, c->ps.mem[p->m0], side, &s0, &s1);
			if (s0 < s1) {
				q = out_room(o, SPAN_MAX);
				q = span_next(q, tl, sl->v[s0].t0,
				              sl->v[s1 - 1].t1, &o->last[side]);
				o->n = (size_t)(q - o->buf);
			}
			continue;
		}
		while (psg_next_piece(c, c->ps.mem, p->m0, psg_m1(p), side, &at,
		                      &b)) {
			psg_block_tokens(c, b, side, &t0, &t1);
			q = out_room(o, 2 + SPAN_MAX);
			if (n++)
				q = lit_at(q, ", ");
			q = span_next(q, tl, t0, t1, &o->last[side]);
			o->n = (size_t)(q - o->buf);
		}
	}
	out_lit(o, "],\n     \"ops\": [");
	struct dwalk w;
	psg_walk(c, p, &w);
	put_ops(o, c, &w);
	out_lit(o, "],\n     \"findings\": [");
	put_findings(o, c, p, 0, 0, 0, 0, 0);
	out_lit(o, "],\n     \"facts\": [");
	for (size_t m = p->m0; m < psg_m1(p); m++)
		put_facts(o, c, &c->al.blocks[c->ps.mem[m]], &any);
	out_pick(o, more, "]},\n", "]}\n");
}

/* The room of what put_block writes before its word operations, and of
 * what it writes after its facts. */
#define BLOCK_HEAD                                                             \
	(sizeof "    {\"kind\": \"" - 1 + KIND_MAX + FLAGS_MAX +               \
	 sizeof ", \"left\": " - 1 + SPAN_MAX + sizeof ", \"right\": " - 1 +   \
	 SPAN_MAX + sizeof ", \"similarity\": " - 1 + FIXED3_MAX +             \
	 sizeof ", \"link\": " - 1 + 20 + sizeof ", \"passage\": " - 1 + 20 +  \
	 sizeof ",\n     \"ops\": [" - 1)
#define BLOCK_TAIL                                                             \
	(sizeof "],\n     \"nearest\": " - 1 + sizeof "{\"span\": " - 1 +      \
	 SPAN_MAX + sizeof ", \"similarity\": " - 1 + FIXED3_MAX +             \
	 sizeof "}},\n" - 1)

/* Block b, and ",\n" after it where more says one follows, else "\n".
 * What has a bound is written at a pointer into room made once. */
static void
put_block(struct out *o, const struct cmp *c, const struct block *b, int more)
{
	size_t i = (size_t)(b - c->al.blocks);
	uint32_t l0, l1, r0, r1;
	int any = 0;

	psg_block_tokens(c, i, 0, &l0, &l1);
	psg_block_tokens(c, i, 1, &r0, &r1);
	char *q = out_room(o, BLOCK_HEAD);
	q = lit_at(q, "    {\"kind\": \"");
	q = kind_at(q, b->kind);
	q = flags_at(q, b->moved, b->hidden, b->confusable, b->furniture);
	q = lit_at(q, ", \"left\": ");
	q = span_next(q, &c->lt, l0, l1, &o->last[0]);
	q = lit_at(q, ", \"right\": ");
	q = span_next(q, &c->rt, r0, r1, &o->last[1]);
	q = lit_at(q, ", \"similarity\": ");
	q = fixed3_at(o, q, b->sim);
	if (b->link >= 0) {
		q = lit_at(q, ", \"link\": ");
		q = decimal_at(q, (unsigned long)b->link);
	}
	q = lit_at(q, ", \"passage\": ");
	q = decimal_at(q, (unsigned long)c->ps.of[i] + 1);
	q = lit_at(q, ",\n     \"ops\": [");
	o->n = (size_t)(q - o->buf);
	struct dwalk w;
	psg_block_walk(c, i, &w);
	put_ops(o, c, &w);
	out_lit(o, "],\n     \"findings\": [");
	put_findings(o, c, &c->ps.v[c->ps.of[i]], 1, l0, l1, r0, r1);
	out_lit(o, "],\n     \"facts\": [");
	put_facts(o, c, b, &any);
	q = out_room(o, BLOCK_TAIL);
	q = lit_at(q, "],\n     \"nearest\": ");
	if (b->near < 0) {
		q = lit_at(q, "null");
	} else {
		int official = b->kind == BLK_ADDITION;
		uint32_t t0, t1;
		psg_sent_tokens(c, !official, (uint32_t)b->near, &t0, &t1);
		q = lit_at(q, "{\"span\": ");
		q = span_next(q, official ? &c->lt : &c->rt, t0, t1,
		              &o->last[!official]);
		q = lit_at(q, ", \"similarity\": ");
		q = fixed3_at(o, q, b->near_sim);
		*q++ = '}';
	}
	if (more)
		q = lit_at(q, "},\n");
	else
		q = lit_at(q, "}\n");
	o->n = (size_t)(q - o->buf);
}

int
export_json(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	struct out *w;

	(void)o;
	if (fputs("{\n  \"format\": \"redline\", \"version\": 3,\n", f) ==
	            EOF ||
	    put_side(f, "left", c->left, &c->lt, &c->ls) < 0 ||
	    put_side(f, "right", c->right, &c->rt, &c->rs) < 0 ||
	    fprintf(f,
	            "  \"summary\": {\"verbatim\": %zu, \"paraphrase\": %zu, "
	            "\"omission\": %zu, \"addition\": %zu, \"moved\": %zu,\n"
	            "    \"findings\": ",
	            c->ps.count[BLK_VERBATIM], c->ps.count[BLK_PARAPHRASE],
	            c->ps.count[BLK_OMISSION], c->ps.count[BLK_ADDITION],
	            c->ps.nmoved) < 0 ||
	    put_counts(f, c->fd.count) < 0 ||
	    fputs("},\n  \"passages\": [\n", f) == EOF)
		return -1;
	if (!(w = malloc(sizeof *w)))
		return -1;
	w->f = f;
	w->n = 0;
	w->err = 0;
	lastnum_init(&w->last[0]);
	lastnum_init(&w->last[1]);
	w->left = &c->lt;
	for (size_t i = 0; i < c->ps.n && !w->err; i++) {
		put_passage(w, c, i, i + 1 < c->ps.n);
	}
	out_lit(w, "  ],\n  \"blocks\": [\n");
	for (size_t i = 0; i < c->al.nblocks && !w->err; i++) {
		put_block(w, c, &c->al.blocks[i], i + 1 < c->al.nblocks);
	}
	out_flush(w);
	int err = w->err;
	free(w);
	if (err || fputs("  ]\n}\n", f) == EOF)
		return -1;
	return fflush(f) == EOF || ferror(f) ? -1 : 0;
}

int
export_json_overview(const struct overview *ov, const struct export_opt *o,
                     FILE *f)
{
	const struct cmp *c0 = &ov->r[0].cmp;
	static const char *const kinds[] = {"verbatim", "paraphrase",
	                                    "omission"};

	if (fputs("{\n\"format\": \"redline-overview\", \"version\": 3,\n"
	          "\"official\": {\"path\": ",
	          f) == EOF ||
	    export_json_string(f, ov->official->name) < 0 ||
	    fprintf(f,
	            ", \"bytes\": %zu, \"words\": %zu, \"sentences\": %zu},\n"
	            "\"rewrites\": [\n",
	            ov->official->len, ov->words, ov->nsent) < 0)
		return -1;
	for (size_t j = 0; j < ov->n; j++) {
		const struct ov_rewrite *r = &ov->r[j];
		if (fputs("  {\"path\": ", f) == EOF ||
		    export_json_string(f, r->text->name) < 0 ||
		    fputs(", \"name\": ", f) == EOF ||
		    export_json_string(f, r->name) < 0 ||
		    fprintf(f,
		            ", \"words\": %zu,\n   \"sentences\": "
		            "{\"verbatim\": "
		            "%zu, \"paraphrase\": %zu, \"omission\": %zu},\n   "
		            "\"passages\": {\"verbatim\": %zu, \"paraphrase\": "
		            "%zu, \"omission\": %zu, \"addition\": %zu, "
		            "\"moved\": %zu},\n   \"addition_words\": %zu, "
		            "\"facts\": %zu, \"findings\": ",
		            r->words, r->kept[BLK_VERBATIM],
		            r->kept[BLK_PARAPHRASE], r->kept[BLK_OMISSION],
		            r->cmp.ps.count[BLK_VERBATIM],
		            r->cmp.ps.count[BLK_PARAPHRASE],
		            r->cmp.ps.count[BLK_OMISSION],
		            r->cmp.ps.count[BLK_ADDITION], r->cmp.ps.nmoved,
		            r->add_words, r->facts) < 0 ||
		    put_counts(f, r->cmp.fd.count) < 0 ||
		    fprintf(f, "}%s\n", j + 1 < ov->n ? "," : "") < 0)
			return -1;
	}
	if (fputs("],\n\"coverage\": [\n", f) == EOF)
		return -1;
	for (size_t s = 0; s < ov->nsent; s++) {
		size_t b0, b1;
		seg_bytes(&c0->ls, &c0->lt, s, s + 1, &b0, &b1);
		if (fprintf(f, "  {\"left\": [%zu, %zu], \"kinds\": [", b0,
		            b1) < 0)
			return -1;
		for (size_t j = 0; j < ov->n; j++)
			if (fprintf(f, "%s\"%s\"", j ? ", " : "",
			            kinds[ov->kind[s * ov->n + j]]) < 0)
				return -1;
		if (fprintf(f, "]}%s\n", s + 1 < ov->nsent ? "," : "") < 0)
			return -1;
	}
	if (fputs("],\n\"pairs\": [\n", f) == EOF)
		return -1;
	for (size_t j = 0; j < ov->n; j++)
		if (export_json(&ov->r[j].cmp, o, f) < 0 ||
		    (j + 1 < ov->n && fputs(",\n", f) == EOF))
			return -1;
	if (fputs("]\n}\n", f) == EOF)
		return -1;
	return fflush(f) == EOF || ferror(f) ? -1 : 0;
}
