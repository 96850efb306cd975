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
 * written to memory first, then wrapped line by line, so that its writers
 * need not know the width.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/export.h"
#include "redline/uni.h"

int
export_kinds_summary(const struct cmp *c, FILE *f)
{
	size_t k[4], total;

	psg_kept_words(c, k, &total);
	if (fprintf(f,
	            "passages: %zu verbatim, %zu paraphrase, %zu omission, %zu "
	            "addition; %zu moved\n",
	            c->ps.count[BLK_VERBATIM], c->ps.count[BLK_PARAPHRASE],
	            c->ps.count[BLK_OMISSION], c->ps.count[BLK_ADDITION],
	            c->ps.nmoved) < 0 ||
	    fprintf(f,
	            "official words: %d%% kept verbatim, %d%% paraphrased, "
	            "%d%% omitted\n",
	            psg_percent(k[BLK_VERBATIM], total),
	            psg_percent(k[BLK_PARAPHRASE], total),
	            psg_percent(k[BLK_OMISSION], total)) < 0)
		return -1;
	return 0;
}

int
export_findings_summary(const struct cmp *c, FILE *f)
{
	int any = 0;

	if (fputs("findings: ", f) == EOF)
		return -1;
	for (unsigned t = 0; t < FIND_NTYPES; t++) {
		size_t n = c->fd.count[t];
		if (!n)
			continue;
		if (fprintf(f, "%s%zu %s", any ? ", " : "", n,
		            find_type_label(t, n != 1)) < 0)
			return -1;
		any = 1;
	}
	return fputs(any ? "\n" : "none\n", f) == EOF ? -1 : 0;
}

/* Finding x: "negation: no → a", "new fact: Cairo". */
static int
put_finding(FILE *f, const struct cmp *c, const struct finding *x,
            const struct export_opt *eo)
{
	int vis = eo->visible;

	if (fprintf(f, "%s: ", find_type_label(x->type, 0)) < 0)
		return -1;
	if (x->l0 < x->l1 &&
	    (export_sgr(f, eo, SGR_DEL) < 0 ||
	     export_tokens(f, c->left, &c->lt, x->l0, x->l1, vis) < 0 ||
	     export_sgr(f, eo, "") < 0 ||
	     fputs(x->r0 < x->r1 ? " \u2192 " : " \u2192 (dropped)", f) == EOF))
		return -1;
	if (x->r0 < x->r1 &&
	    (export_sgr(f, eo, SGR_FACT) < 0 ||
	     export_tokens(f, c->right, &c->rt, x->r0, x->r1, vis) < 0 ||
	     export_sgr(f, eo, "") < 0))
		return -1;
	return fputc('\n', f) == EOF ? -1 : 0;
}

/* Every finding, most serious type first, in passage order in a type. */
static int
put_findings(FILE *f, const struct cmp *c, const struct export_opt *eo)
{
	if (!c->fd.n)
		return 0;
	if (fputs("\nfindings, most serious first:\n", f) == EOF)
		return -1;
	for (unsigned t = 0; t < FIND_NTYPES; t++)
		for (size_t i = 0; i < c->fd.n; i++) {
			const struct finding *x = &c->fd.v[i];
			if (x->type != t)
				continue;
			if (fprintf(f, "  [%lu] ",
			            (unsigned long)x->passage + 1) < 0 ||
			    put_finding(f, c, x, eo) < 0)
				return -1;
		}
	return 0;
}

/* ", 1 negation, 2 changed values": the findings of passage p. */
static int
put_passage_counts(FILE *f, const struct cmp *c, const struct passage *p)
{
	size_t n[FIND_NTYPES] = {0};

	for (size_t i = p->fi0; i < p->fi1; i++)
		n[c->fd.v[i].type]++;
	for (unsigned t = 0; t < FIND_NTYPES; t++)
		if (n[t] && fprintf(f, ", %zu %s", n[t],
		                    find_type_label(t, n[t] != 1)) < 0)
			return -1;
	return 0;
}

static int
put_changes(FILE *f, const struct cmp *c, const struct passage *p,
            const struct export_opt *eo)
{
	int vis = eo->visible;

	if (fputs("  changes:  ", f) == EOF)
		return -1;
	for (size_t k = p->op0; k < p->op1; k++) {
		const struct dop *o = &c->ps.ops.v[k];
		/* a space where the text had one before this run */
		const struct tok *first = o->kind == DOP_DELETE
		                                  ? &c->lt.v[o->a0]
		                                  : &c->rt.v[o->b0];
		int after_delete = k > p->op0 && o->kind == DOP_INSERT &&
		                   o[-1].kind == DOP_DELETE;
		if (k > p->op0 && (first->space || after_delete) &&
		    fputc(' ', f) == EOF)
			return -1;
		if (o->kind == DOP_DELETE) {
			if (export_sgr(f, eo, SGR_DEL) < 0 ||
			    fputs("[-", f) == EOF ||
			    export_tokens(f, c->left, &c->lt, o->a0, o->a1,
			                  vis) < 0 ||
			    fputs("-]", f) == EOF || export_sgr(f, eo, "") < 0)
				return -1;
		} else if (o->kind == DOP_INSERT) {
			if (export_sgr(f, eo, SGR_INS) < 0 ||
			    fputs("{+", f) == EOF ||
			    export_tokens(f, c->right, &c->rt, o->b0, o->b1,
			                  vis) < 0 ||
			    fputs("+}", f) == EOF || export_sgr(f, eo, "") < 0)
				return -1;
		} else if (export_tokens(f, c->right, &c->rt, o->b0, o->b1,
		                         vis) < 0) {
			return -1;
		}
	}
	return fputc('\n', f) == EOF ? -1 : 0;
}

/* The pieces of one side of stretch e, each on its own line, in the
 * order of their sentences. */
static int
put_pieces(FILE *f, const struct cmp *c, const struct pstretch *e, int right,
           const struct export_opt *eo)
{
	uint32_t at = 0, t0, t1;
	size_t b;

	while (psg_next_piece(c, NULL, e->b0, e->b1, right, &at, &b)) {
		psg_block_tokens(c, b, right, &t0, &t1);
		if (fputs(right ? "  rewrite:  " : "  official: ", f) == EOF ||
		    export_tokens(f, right ? c->right : c->left,
		                  right ? &c->rt : &c->lt, t0, t1,
		                  eo->visible) < 0 ||
		    fputc('\n', f) == EOF)
			return -1;
	}
	return 0;
}

/* The header of passage number pn (from 1) at its first stretch. */
static int
put_header(FILE *f, const struct cmp *c, size_t pn, const struct export_opt *eo)
{
	const struct passage *p = &c->ps.v[pn - 1];
	char shape[48];

	psg_shape(p, shape, sizeof shape);
	if (fprintf(f, "\n[%zu] ", pn) < 0 ||
	    export_sgr(f, eo, export_kind_sgr(p->kind)) < 0 ||
	    fputs(cmp_kind_name(p->kind), f) == EOF ||
	    export_sgr(f, eo, "") < 0 ||
	    (p->moved &&
	     (fputs(", ", f) == EOF || export_sgr(f, eo, SGR_MOVED) < 0 ||
	      fputs("moved", f) == EOF || export_sgr(f, eo, "") < 0)) ||
	    (p->hidden && fputs(", hidden characters", f) == EOF) ||
	    (p->confusable && fputs(", confusable words", f) == EOF) ||
	    (shape[0] && fprintf(f, ", %s", shape) < 0) ||
	    ((p->kind == BLK_VERBATIM || p->kind == BLK_PARAPHRASE) &&
	     fprintf(f, ", similarity %.2f", p->sim) < 0) ||
	    (p->e1 - p->e0 > 1 &&
	     fprintf(f, ", in %zu places", p->e1 - p->e0) < 0) ||
	    put_passage_counts(f, c, p) < 0 || fputc('\n', f) == EOF)
		return -1;
	return 0;
}

/* What follows a passage's last stretch: its word changes, findings and, for
 * an omission or addition, the nearest sentence on the other side. */
static int
put_tail(FILE *f, const struct cmp *c, const struct passage *p,
         const struct export_opt *eo, int changes)
{
	const struct block *b = &c->al.blocks[c->ps.mem[p->m0]];
	int vis = eo->visible;

	if (changes && (p->kind == BLK_VERBATIM || p->kind == BLK_PARAPHRASE) &&
	    put_changes(f, c, p, eo) < 0)
		return -1;
	for (size_t i = p->fi0; i < p->fi1; i++)
		if (fputs("  ", f) == EOF ||
		    put_finding(f, c, &c->fd.v[i], eo) < 0)
			return -1;
	if (p->m1 - p->m0 == 1 && b->near >= 0) {
		int official = b->kind == BLK_ADDITION;
		uint32_t t0, t1;
		psg_sent_tokens(c, !official, (uint32_t)b->near, &t0, &t1);
		if (fprintf(f, "  nearest %s (similarity %.2f): ",
		            official ? "official" : "rewrite",
		            b->near_sim) < 0 ||
		    export_tokens(f, official ? c->left : c->right,
		                  official ? &c->lt : &c->rt, t0, t1,
		                  vis) < 0 ||
		    fputc('\n', f) == EOF)
			return -1;
	}
	return 0;
}

/* Is passage p unchanged: one block, official and rewrite sentences,
 * every word kept? */
static int
unchanged(const struct cmp *c, const struct passage *p)
{
	if (p->kind != BLK_VERBATIM || p->m1 - p->m0 != 1 || p->op0 == p->op1)
		return 0;
	for (size_t k = p->op0; k < p->op1; k++)
		if (c->ps.ops.v[k].kind != DOP_EQUAL)
			return 0;
	return 1;
}

/* Stretch e of the display: a passage's header, or "[N] continued" for a
 * later stretch; its pieces; after its passage's last stretch, the rest. */
static int
put_stretch(FILE *f, const struct cmp *c, size_t e, const struct export_opt *eo)
{
	const struct pstretch *s = &c->ps.ent[e];
	const struct passage *p = &c->ps.v[s->passage];
	size_t pn = (size_t)s->passage + 1;

	if (s->cont ? fprintf(f, "\n[%zu] continued\n", pn) < 0
	            : put_header(f, c, pn, eo) < 0)
		return -1;
	if (!eo->context && unchanged(c, p)) {
		/* the same words on both sides: once */
		uint32_t t0, t1;
		psg_block_tokens(c, c->ps.mem[p->m0], 1, &t0, &t1);
		if (fputs("  both:     ", f) == EOF ||
		    export_tokens(f, c->right, &c->rt, t0, t1, eo->visible) <
		            0 ||
		    fputc('\n', f) == EOF)
			return -1;
		return put_tail(f, c, p, eo, 0);
	}
	if (put_pieces(f, c, s, 0, eo) < 0 || put_pieces(f, c, s, 1, eo) < 0)
		return -1;
	if (c->ps.ent_of[p->e1 - 1] != e)
		return fprintf(f, "  (continued below)\n") < 0 ? -1 : 0;
	return put_tail(f, c, p, eo, 1);
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

/* Line s[0..n) (no line break) to f, wrapped at spaces to width columns:
 * each continued line indented to the text after the line's label (its
 * first ": " in the first 24 columns; else four columns in), a word
 * longer than a line cut, any colour turned off at each break and on
 * again after the indent. */
static int
put_wrapped(FILE *f, const unsigned char *s, size_t n, int width)
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
	size_t pending = 0; /* spaces before the next word */
	while (i < n) {
		/* the next word: up to a space */
		size_t w0 = i;
		int ww = 0;
		char sgr0[sizeof sgr]; /* the colour as the word starts */
		memcpy(sgr0, sgr, sizeof sgr);
		while (i < n && s[i] != ' ') {
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
			if ((sgr[0] && fputs("\033[m", f) == EOF) ||
			    fprintf(f, "\n%*s", indent, "") < 0 ||
			    (sgr[0] && fputs(sgr, f) == EOF))
				return -1;
			col = indent;
		} else {
			for (; pending; pending--, col++)
				if (fputc(' ', f) == EOF)
					return -1;
		}
		pending = 0;
		if (ww <= width - indent) {
			if (fwrite(s + w0, 1, i - w0, f) != i - w0)
				return -1;
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
				if (cw && col > indent && col + cw > width &&
				    ((sgr[0] && fputs("\033[m", f) == EOF) ||
				     fprintf(f, "\n%*s", indent, "") < 0 ||
				     (sgr[0] && fputs(sgr, f) == EOF)))
					return -1;
				if (cw && col > indent && col + cw > width)
					col = indent;
				if (fwrite(s + k, 1, len, f) != len)
					return -1;
				col += cw;
			}
		}
		while (i < n && s[i] == ' ') {
			pending++;
			i++;
		}
	}
	return fputc('\n', f) == EOF ? -1 : 0;
}

/* The report in buf[0..n) to f, each line wrapped to width. */
static int
put_lines(FILE *f, const char *buf, size_t n, int width)
{
	const unsigned char *s = (const unsigned char *)buf;

	for (size_t i = 0; i < n;) {
		const unsigned char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n;
		if (put_wrapped(f, s + i, e - i, width) < 0)
			return -1;
		i = e + 1;
	}
	return 0;
}

static int report(const struct cmp *c, const struct export_opt *o, FILE *f);

int
export_report(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	char *buf = NULL;
	size_t n = 0;
	int rc;

	if (o->width <= 0)
		return report(c, o, f);
	FILE *m = open_memstream(&buf, &n);
	if (!m)
		return -1;
	rc = report(c, o, m);
	if (fclose(m) == EOF)
		rc = -1;
	if (rc == 0)
		rc = put_lines(f, buf, n, o->width) < 0 || fflush(f) == EOF ||
		                     ferror(f)
		             ? -1
		             : 0;
	free(buf);
	return rc;
}

static int
report(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	if (fputs("official: ", f) == EOF ||
	    export_name(f, c->left->name) < 0 ||
	    fprintf(f, " (%zu word%s, %zu sentence%s)\nrewrite:  ",
	            tok_words(&c->lt, 0, (uint32_t)c->lt.n),
	            export_plural(tok_words(&c->lt, 0, (uint32_t)c->lt.n)),
	            c->ls.n, export_plural(c->ls.n)) < 0 ||
	    export_name(f, c->right->name) < 0 ||
	    fprintf(f, " (%zu word%s, %zu sentence%s)\n",
	            tok_words(&c->rt, 0, (uint32_t)c->rt.n),
	            export_plural(tok_words(&c->rt, 0, (uint32_t)c->rt.n)),
	            c->rs.n, export_plural(c->rs.n)) < 0 ||
	    export_kinds_summary(c, f) < 0 ||
	    export_findings_summary(c, f) < 0 || put_findings(f, c, o) < 0)
		return -1;
	for (size_t e = 0; e < c->ps.nent; e++)
		if (put_stretch(f, c, e, o) < 0)
			return -1;
	return fflush(f) == EOF || ferror(f) ? -1 : 0;
}
