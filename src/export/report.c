/* report.c (export) - the readable text report of an alignment
 * (--export=text).
 *
 * A summary (words, passages per kind, share of the official text kept,
 * findings per type), the findings (finding.h) most serious first, each
 * with its passage number, then the passages (passage.h) in display
 * order: number, kind, flags (moved, hidden characters), shape (split,
 * merge), similarity, findings; each official and rewrite sentence of it
 * with white space folded; the word changes of the whole passage in wdiff
 * notation; its findings.  A passage shown in several places opens with
 * its header and goes on under "[N] continued".  An unchanged passage (one
 * sentence a side, every word kept) is printed once, on a "both:" line,
 * unless export_opt.context asks for every line.
 *
 * Lines are wrapped at spaces to export_opt.width columns (0: not
 * wrapped), a continued line indented to its label's text; the report is
 * written to memory first, a stretch at a time, and its whole lines then
 * wrapped one by one, so that its writers need not know the width.  All
 * of it goes through output buffers (wbuf.h), not a call into stdio for
 * each piece.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/export.h"
#include "redline/uni.h"
#include "wbuf.h"

static void
kinds_summary(struct wbuf *w, const struct cmp *c)
{
	size_t k[4], total;

	psg_kept_words(c, k, &total);
	wb_printf(w,
	          "passages: %zu verbatim, %zu paraphrase, %zu omission, %zu "
	          "addition; %zu moved\n",
	          c->ps.count[BLK_VERBATIM], c->ps.count[BLK_PARAPHRASE],
	          c->ps.count[BLK_OMISSION], c->ps.count[BLK_ADDITION],
	          c->ps.nmoved);
	wb_printf(w,
	          "official words: %d%% kept verbatim, %d%% paraphrased, "
	          "%d%% omitted\n",
	          psg_percent(k[BLK_VERBATIM], total),
	          psg_percent(k[BLK_PARAPHRASE], total),
	          psg_percent(k[BLK_OMISSION], total));
}

static void
findings_summary(struct wbuf *w, const struct cmp *c)
{
	int any = 0;

	wb_puts(w, "findings: ");
	for (unsigned t = 0; t < FIND_NTYPES; t++) {
		size_t n = c->fd.count[t];
		if (!n)
			continue;
		if (any)
			wb_puts(w, ", ");
		wb_size(w, n);
		wb_putc(w, ' ');
		wb_puts(w, find_type_label(t, n != 1));
		any = 1;
	}
	wb_puts(w, any ? "\n" : "none\n");
}

/* One summary line of c, written by line, to f.  0 or -1. */
static int
summary_to(const struct cmp *c, FILE *f,
           void (*line)(struct wbuf *, const struct cmp *))
{
	char room[512];
	struct wbuf w;

	wb_file(&w, f, room, sizeof room);
	line(&w, c);
	return wb_flush(&w);
}

int
export_kinds_summary(const struct cmp *c, FILE *f)
{
	return summary_to(c, f, kinds_summary);
}

int
export_findings_summary(const struct cmp *c, FILE *f)
{
	return summary_to(c, f, findings_summary);
}

/* v as printf's "%.2f" writes it (a similarity, 0 to 1).  Where v * 100
 * lies close to half way between two integers, where the rounding of that
 * product could decide the digit, and for what is not a small positive
 * number, printf itself writes it. */
static void
put_fixed2(struct wbuf *w, double v)
{
	double s = v * 100, fl;

	if (v >= 0 && !signbit(v) && v < 1e9) {
		fl = floor(s);
		if (fabs(s - fl - 0.5) > 1e-6) {
			size_t k = (size_t)fl + (s - fl > 0.5);
			char d[3] = {'.', (char)('0' + k / 10 % 10),
			             (char)('0' + k % 10)};
			wb_size(w, k / 100);
			wb_put(w, d, sizeof d);
			return;
		}
	}
	wb_printf(w, "%.2f", v);
}

/* Finding x: "negation: no → a", "new fact: Cairo". */
static void
put_finding(struct wbuf *w, const struct cmp *c, const struct finding *x,
            const struct export_opt *eo)
{
	int vis = eo->visible;

	wb_puts(w, find_type_label(x->type, 0));
	wb_put(w, ": ", 2);
	if (x->l0 < x->l1) {
		wb_sgr(w, eo, SGR_DEL);
		wb_tokens(w, c->left, &c->lt, x->l0, x->l1, vis);
		wb_sgr(w, eo, "");
		wb_puts(w, x->r0 < x->r1 ? " \u2192 " : " \u2192 (dropped)");
	}
	if (x->r0 < x->r1) {
		wb_sgr(w, eo, SGR_FACT);
		wb_tokens(w, c->right, &c->rt, x->r0, x->r1, vis);
		wb_sgr(w, eo, "");
	}
	wb_putc(w, '\n');
}

/* Every finding, most serious type first, in passage order in a type. */
static void
put_findings(struct wbuf *w, const struct cmp *c, const struct export_opt *eo)
{
	if (!c->fd.n)
		return;
	wb_puts(w, "\nfindings, most serious first:\n");
	for (unsigned t = 0; t < FIND_NTYPES; t++)
		for (size_t i = 0; i < c->fd.n; i++) {
			const struct finding *x = &c->fd.v[i];
			if (x->type != t)
				continue;
			wb_puts(w, "  [");
			wb_size(w, (size_t)x->passage + 1);
			wb_put(w, "] ", 2);
			put_finding(w, c, x, eo);
		}
}

/* ", 1 negation, 2 changed values": the findings of passage p. */
static void
put_passage_counts(struct wbuf *w, const struct cmp *c, const struct passage *p)
{
	size_t n[FIND_NTYPES] = {0};

	for (size_t i = p->fi0; i < psg_fi1(p); i++)
		n[c->fd.v[i].type]++;
	for (unsigned t = 0; t < FIND_NTYPES; t++)
		if (n[t]) {
			wb_put(w, ", ", 2);
			wb_size(w, n[t]);
			wb_putc(w, ' ');
			wb_puts(w, find_type_label(t, n[t] != 1));
		}
}

static void
put_changes(struct wbuf *w, const struct cmp *c, const struct passage *p,
            const struct export_opt *eo)
{
	int vis = eo->visible;

	wb_puts(w, "  changes:  ");
	struct dwalk dw;
	struct dop op;
	int prev = -1; /* the kind of the operation before, -1 for none */
	psg_walk(c, p, &dw);
	for (const struct dop *o = &op; dwalk_next(&dw, &op);
	     prev = (int)dop_kind(o)) {
		/* a space where the text had one before this run */
		const struct tok *first = dop_kind(o) == DOP_DELETE
		                                  ? &c->lt.v[o->a0]
		                                  : &c->rt.v[o->b0];
		int after_delete =
		        dop_kind(o) == DOP_INSERT && prev == DOP_DELETE;
		if (prev >= 0 && (first->space || after_delete))
			wb_putc(w, ' ');
		if (dop_kind(o) == DOP_DELETE) {
			wb_sgr(w, eo, SGR_DEL);
			wb_put(w, "[-", 2);
			wb_tokens(w, c->left, &c->lt, o->a0, o->a1, vis);
			wb_put(w, "-]", 2);
			wb_sgr(w, eo, "");
		} else if (dop_kind(o) == DOP_INSERT) {
			wb_sgr(w, eo, SGR_INS);
			wb_put(w, "{+", 2);
			wb_tokens(w, c->right, &c->rt, o->b0, o->b1, vis);
			wb_put(w, "+}", 2);
			wb_sgr(w, eo, "");
		} else {
			wb_tokens(w, c->right, &c->rt, o->b0, o->b1, vis);
		}
	}
	wb_putc(w, '\n');
}

/* The pieces of one side of stretch e, each on its own line, in the
 * order of their sentences. */
static void
put_pieces(struct wbuf *w, const struct cmp *c, const struct pstretch *e,
           int right, const struct export_opt *eo)
{
	uint32_t at = 0, t0, t1;
	size_t b;

	while (psg_next_piece(c, NULL, e->b0, e->b1, right, &at, &b)) {
		psg_block_tokens(c, b, right, &t0, &t1);
		wb_puts(w, right ? "  rewrite:  " : "  official: ");
		wb_tokens(w, right ? c->right : c->left,
		          right ? &c->rt : &c->lt, t0, t1, eo->visible);
		wb_putc(w, '\n');
	}
}

/* The header of passage number pn (from 1) at its first stretch. */
static void
put_header(struct wbuf *w, const struct cmp *c, size_t pn,
           const struct export_opt *eo)
{
	const struct passage *p = &c->ps.v[pn - 1];
	char shape[48];

	psg_shape(p, shape, sizeof shape);
	wb_put(w, "\n[", 2);
	wb_size(w, pn);
	wb_put(w, "] ", 2);
	wb_sgr(w, eo, export_kind_sgr(p->kind));
	wb_puts(w, cmp_kind_name(p->kind));
	wb_sgr(w, eo, "");
	if (p->moved) {
		wb_put(w, ", ", 2);
		wb_sgr(w, eo, SGR_MOVED);
		wb_puts(w, "moved");
		wb_sgr(w, eo, "");
	}
	if (p->hidden)
		wb_puts(w, ", hidden characters");
	if (p->confusable)
		wb_puts(w, ", confusable words");
	if (p->furniture)
		wb_puts(w, ", page furniture");
	if (shape[0]) {
		wb_put(w, ", ", 2);
		wb_puts(w, shape);
	}
	if (p->kind == BLK_VERBATIM || p->kind == BLK_PARAPHRASE) {
		wb_puts(w, ", similarity ");
		put_fixed2(w, p->sim);
	}
	if (psg_e1(p) - p->e0 > 1) {
		wb_puts(w, ", in ");
		wb_size(w, psg_e1(p) - p->e0);
		wb_puts(w, " places");
	}
	put_passage_counts(w, c, p);
	wb_putc(w, '\n');
}

/* What follows a passage's last stretch: its word changes, findings and, for
 * an omission or addition, the nearest sentence on the other side. */
static void
put_tail(struct wbuf *w, const struct cmp *c, const struct passage *p,
         const struct export_opt *eo, int changes)
{
	const struct block *b = &c->al.blocks[c->ps.mem[p->m0]];

	if (changes && (p->kind == BLK_VERBATIM || p->kind == BLK_PARAPHRASE))
		put_changes(w, c, p, eo);
	for (size_t i = p->fi0; i < psg_fi1(p); i++) {
		wb_put(w, "  ", 2);
		put_finding(w, c, &c->fd.v[i], eo);
	}
	if (psg_m1(p) - p->m0 == 1 && b->near >= 0) {
		int official = b->kind == BLK_ADDITION;
		uint32_t t0, t1;
		psg_sent_tokens(c, !official, (uint32_t)b->near, &t0, &t1);
		wb_puts(w, official ? "  nearest official (similarity "
		                    : "  nearest rewrite (similarity ");
		put_fixed2(w, b->near_sim);
		wb_put(w, "): ", 3);
		wb_tokens(w, official ? c->left : c->right,
		          official ? &c->lt : &c->rt, t0, t1, eo->visible);
		wb_putc(w, '\n');
	}
}

/* Is passage p unchanged: one block, official and rewrite sentences,
 * every word kept? */
static int
unchanged(const struct cmp *c, const struct passage *p)
{
	struct dwalk w;
	struct dop o;

	if (p->kind != BLK_VERBATIM || psg_m1(p) - p->m0 != 1 ||
	    p->op0 == p->op1)
		return 0;
	psg_walk(c, p, &w);
	while (dwalk_next(&w, &o))
		if (dop_kind(&o) != DOP_EQUAL)
			return 0;
	return 1;
}

/* Stretch e of the display: a passage's header, or "[N] continued" for a
 * later stretch; its pieces; after its passage's last stretch, the rest. */
static void
put_stretch(struct wbuf *w, const struct cmp *c, size_t e,
            const struct export_opt *eo)
{
	const struct pstretch *s = &c->ps.ent[e];
	const struct passage *p = &c->ps.v[s->passage];
	size_t pn = (size_t)s->passage + 1;

	if (s->cont) {
		wb_put(w, "\n[", 2);
		wb_size(w, pn);
		wb_puts(w, "] continued\n");
	} else {
		put_header(w, c, pn, eo);
	}
	if (!eo->context && unchanged(c, p)) {
		/* the same words on both sides: once */
		uint32_t t0, t1;
		psg_block_tokens(c, c->ps.mem[p->m0], 1, &t0, &t1);
		wb_puts(w, "  both:     ");
		wb_tokens(w, c->right, &c->rt, t0, t1, eo->visible);
		wb_putc(w, '\n');
		put_tail(w, c, p, eo, 0);
		return;
	}
	put_pieces(w, c, s, 0, eo);
	put_pieces(w, c, s, 1, eo);
	if (c->ps.ent_of[psg_e1(p) - 1] != e) {
		wb_puts(w, "  (continued below)\n");
		return;
	}
	put_tail(w, c, p, eo, 1);
}

/* The columns of the cluster at s[0..n) (its bytes in *len): an SGR
 * sequence (ESC [ ... m) none, a control character or invalid byte one. */
static int
columns(const unsigned char *s, size_t n, size_t *len)
{
	if (s[0] == 0x1b && n > 1 && s[1] == '[') {
		size_t i = 2;
		while (i < n && !(s[i] >= 0x40 && s[i] <= 0x7e))
			i++;
		*len = i < n ? i + 1 : n;
		return 0;
	}
	if (s[0] < 0x80) {
		*len = 1;
		return 1;
	}
	*len = uni_cluster(s, n, &(int32_t){0});
	int w = uni_cluster_width(s, *len);
	return w < 0 ? 1 : w;
}

/* A line break in a wrapped line: any colour turned off, the indent, the
 * colour on again. */
static void
put_break(struct wbuf *w, const char *sgr, int indent)
{
	if (sgr[0])
		wb_puts(w, "\033[m");
	wb_putc(w, '\n');
	wb_fill(w, ' ', (size_t)indent);
	if (sgr[0])
		wb_puts(w, sgr);
}

/* The end of the word that starts at i in s[0..n): the next space, or n.
 * Eight bytes a step while eight are left (a byte is a space where its
 * XOR with spaces is zero), then one at a time. */
static inline size_t
word_end(const unsigned char *s, size_t i, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;

	for (; n - i >= 8; i += 8) {
		uint64_t w, x, z;
		memcpy(&w, s + i, sizeof w);
		x = w ^ (0x20 * ones);
		z = (x - ones) & ~x & highs;
		if (z) {
			/* the first zero byte in memory order: the lowest
			 * flagged byte on a little-endian machine; else the
			 * bytes are looked at one by one */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return i + ((size_t)__builtin_ctzll(z) >> 3);
#else
			break;
#endif
		}
	}
	while (i < n && s[i] != ' ')
		i++;
	return i;
}

/* put_wrapped for a line of printable ASCII (a column a byte, no colour):
 * the same breaks, but what goes out between two breaks is a stretch of
 * the line as it is (the spaces before a word kept, or dropped at a
 * break), so it is written in one piece as a break comes or the line
 * ends.  indent as put_wrapped works it out. */
static void
put_wrapped_ascii(struct wbuf *w, const unsigned char *s, size_t n, int width,
                  int indent)
{
	int col = 0;
	size_t i = 0, r0 = 0, we = 0; /* written up to r0; due up to we */
	size_t pending = 0;           /* spaces before the next word */

	while (i < n) {
		size_t w0 = i;
		int ww;

		i = word_end(s, i, n);
		ww = (int)(i - w0);
		if (col > indent && col + (int)pending + ww > width) {
			/* break before the word, its spaces dropped */
			wb_put(w, s + r0, we - r0);
			put_break(w, "", indent);
			col = indent;
			r0 = w0;
		} else {
			col += (int)pending;
		}
		pending = 0;
		if (ww <= width - indent) {
			col += ww;
		} else {
			/* longer than a line: cut at the width */
			wb_put(w, s + r0, w0 - r0);
			for (size_t k = w0; k < i; k++) {
				if (col > indent && col + 1 > width) {
					put_break(w, "", indent);
					col = indent;
				}
				wb_putc(w, (char)s[k]);
				col++;
			}
			r0 = i;
		}
		we = i;
		while (i < n && s[i] == ' ') {
			pending++;
			i++;
		}
	}
	wb_put(w, s + r0, we - r0);
	wb_putc(w, '\n');
}

/* Line s[0..n) (no line break) to w, wrapped at spaces to width columns:
 * each continued line indented to the text after the line's label (its
 * first ": " in the first 24 columns; else four columns in), a word
 * longer than a line cut, any colour turned off at each break and on
 * again after the indent.  ascii: the line is printable ASCII, a column
 * a byte. */
static void
put_wrapped(struct wbuf *w, const unsigned char *s, size_t n, int width,
            int ascii)
{
	char sgr[64] = "";
	int col = 0, indent = -1, lead = 0;
	size_t i = 0, len;

	while (lead < (int)n && s[lead] == ' ')
		lead++;
	for (size_t k = 0, c = 0; k + 1 < n && c < 24; k++, c++)
		if (s[k] == ':' && s[k + 1] == ' ') {
			size_t e = k + 1;
			while (e < n && s[e] == ' ')
				e++;
			indent = (int)e; /* ASCII label: bytes are columns */
			break;
		}
	if (indent < 0 || indent > width / 2)
		indent = lead + 4 < width / 2 ? lead + 4 : 0;
	if (ascii) {
		put_wrapped_ascii(w, s, n, width, indent);
		return;
	}
	size_t pending = 0; /* spaces before the next word */
	while (i < n) {
		/* the next word: up to a space */
		size_t w0 = i;
		int ww = 0;
		char sgr0[sizeof sgr]; /* the colour as the word starts */
		memcpy(sgr0, sgr, sizeof sgr);
		if (ascii) {
			/* a column a byte: the word ends at the next space */
			const unsigned char *sp = memchr(s + i, ' ', n - i);
			size_t e = sp ? (size_t)(sp - s) : n;
			ww = (int)(e - i);
			i = e;
		}
		while (i < n && s[i] != ' ') {
			if (s[i] > 0x20 && s[i] < 0x7f) {
				/* printable ASCII: one column, the short way */
				ww++;
				i++;
				continue;
			}
			int cw = columns(s + i, n - i, &len);
			if (cw == 0 && len >= 3) { /* keep the colour state */
				if (len == 3 || (len == 4 && s[i + 2] == '0'))
					sgr[0] = '\0';
				else if (len < sizeof sgr) {
					memcpy(sgr, s + i, len);
					sgr[len] = '\0';
				}
			}
			ww += cw;
			i += len;
		}
		if (col > indent && col + (int)pending + ww > width) {
			/* break before the word, its spaces dropped */
			put_break(w, sgr, indent);
			col = indent;
		} else if (pending == 1) {
			wb_putc(w, ' ');
			col++;
		} else {
			wb_fill(w, ' ', pending);
			col += (int)pending;
		}
		pending = 0;
		if (ww <= width - indent) {
			wb_put(w, s + w0, i - w0);
			col += ww;
		} else {
			/* longer than a line (text without spaces, such as
			 * Chinese): cut between clusters */
			memcpy(sgr, sgr0, sizeof sgr);
			for (size_t k = w0; k < i; k += len) {
				int cw = columns(s + k, i - k, &len);
				if (cw == 0 && len >= 3) {
					if (len == 3 ||
					    (len == 4 && s[k + 2] == '0'))
						sgr[0] = '\0';
					else if (len < sizeof sgr) {
						memcpy(sgr, s + k, len);
						sgr[len] = '\0';
					}
				}
				if (cw && col > indent && col + cw > width) {
					put_break(w, sgr, indent);
					col = indent;
				}
				wb_put(w, s + k, len);
				col += cw;
			}
		}
		while (i < n && s[i] == ' ') {
			pending++;
			i++;
		}
	}
	wb_putc(w, '\n');
}

/* Is s[0..n) printable ASCII (0x20 to 0x7E), a column a byte? */
static int
printable(const unsigned char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0;

	/* eight bytes at a time: none with the high bit, none under 0x20
	 * (w - 0x20 borrows into its high bit), none 0x7F (w ^ 0x7F zero) */
	for (; n - i >= 8; i += 8) {
		uint64_t w, x;
		memcpy(&w, s + i, sizeof w);
		x = w ^ (0x7f * ones);
		if ((w & highs) || ((w - 0x20 * ones) & ~w & highs) ||
		    ((x - ones) & ~x & highs))
			return 0;
	}
	for (; i < n; i++)
		if (s[i] < 0x20 || s[i] >= 0x7f)
			return 0;
	return 1;
}
/* The whole lines of m (up to its last line break; all of it with all
 * set) to out, each wrapped to width; what is left moves to m's start. */
static void
put_lines(struct wbuf *out, struct wbuf *m, int width, int all)
{
	const unsigned char *s = (const unsigned char *)m->p;
	size_t n = m->n, i = 0;

	if (!all) {
		while (n && s[n - 1] != '\n')
			n--;
	}
	while (i < n) {
		const unsigned char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n;
		int ascii = printable(s + i, e - i);
		if (ascii && e - i <= (size_t)width &&
		    (e == i || s[e - 1] != ' ')) {
			/* goes out as it is: no longer than the width, not
			 * ending in a space (which wrapping drops) */
			wb_put(out, s + i, e - i);
			wb_putc(out, '\n');
		} else {
			put_wrapped(out, s + i, e - i, width, ascii);
		}
		i = e + 1;
	}
	if (i > m->n)
		i = m->n;
	memmove(m->p, m->p + i, m->n - i);
	m->n -= i;
}

static void report(struct wbuf *w, const struct cmp *c,
                   const struct export_opt *o, struct wbuf *out);

int
export_report(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	char room[1 << 15];
	struct wbuf out, m;
	int rc;

	wb_file(&out, f, room, sizeof room);
	if (o->width <= 0) {
		report(&out, c, o, NULL);
	} else {
		wb_mem(&m);
		report(&m, c, o, &out);
		if (!m.err)
			put_lines(&out, &m, o->width, 1);
		if (m.err)
			out.err = 1;
		wb_free(&m);
	}
	rc = wb_flush(&out);
	return rc < 0 || fflush(f) == EOF || ferror(f) ? -1 : 0;
}

/* The report to w; with out, w is a memory buffer whose whole lines go
 * wrapped to out as it fills. */
static void
report(struct wbuf *w, const struct cmp *c, const struct export_opt *o,
       struct wbuf *out)
{
	size_t lw = tok_words(&c->lt, 0, (uint32_t)c->lt.n);
	size_t rw = tok_words(&c->rt, 0, (uint32_t)c->rt.n);

	wb_puts(w, "official: ");
	wb_name(w, c->left->name);
	wb_printf(w, " (%zu word%s, %zu sentence%s)\nrewrite:  ", lw,
	          export_plural(lw), c->ls.n, export_plural(c->ls.n));
	wb_name(w, c->right->name);
	wb_printf(w, " (%zu word%s, %zu sentence%s)\n", rw, export_plural(rw),
	          c->rs.n, export_plural(c->rs.n));
	kinds_summary(w, c);
	findings_summary(w, c);
	put_findings(w, c, o);
	for (size_t e = 0; e < c->ps.nent && !w->err; e++) {
		put_stretch(w, c, e, o);
		if (out && w->n >= (1u << 16))
			put_lines(out, w, o->width, 0);
	}
}
