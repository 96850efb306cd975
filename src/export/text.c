/* text.c (export) - the readable text report of an alignment (--export=text).
 *
 * A summary (words, passages per kind, share of the official text kept),
 * then one entry per block in display order: number, kind, flags (moved,
 * hidden characters), similarity; the official and rewrite passages with white
 * space folded; the word changes inside a pair in wdiff notation; the new
 * facts.
 */
#include <string.h>

#include "redline/export.h"

static int
pct(size_t part, size_t whole)
{
	return whole ? (int)((part * 100 + whole / 2) / whole) : 0;
}

/* Official words in blocks of each kind (halves count on their side). */
static void
kept_words(const struct cmp *c, size_t kinds[4], size_t *total)
{
	kinds[0] = kinds[1] = kinds[2] = kinds[3] = 0;
	*total = tok_words(&c->lt, 0, (uint32_t)c->lt.n);
	for (size_t i = 0; i < c->al.nblocks; i++) {
		const struct block *b = &c->al.blocks[i];
		if (b->ls1 > b->ls0)
			kinds[b->kind] += tok_words(&c->lt, c->ls.v[b->ls0].t0,
			                            c->ls.v[b->ls1 - 1].t1);
	}
}

int
export_kinds_summary(const struct cmp *c, FILE *f)
{
	size_t k[4], total;

	kept_words(c, k, &total);
	if (fprintf(f,
	            "passages: %zu verbatim, %zu paraphrase, %zu omission, %zu "
	            "addition; %zu moved\n",
	            c->al.count[BLK_VERBATIM], c->al.count[BLK_PARAPHRASE],
	            c->al.count[BLK_OMISSION], c->al.count[BLK_ADDITION],
	            c->al.nmoved) < 0 ||
	    fprintf(f,
	            "official words: %d%% kept verbatim, %d%% paraphrased, "
	            "%d%% "
	            "omitted\n",
	            pct(k[BLK_VERBATIM], total), pct(k[BLK_PARAPHRASE], total),
	            pct(k[BLK_OMISSION], total)) < 0)
		return -1;
	return 0;
}

static int
put_changes(FILE *f, const struct cmp *c, const struct block *b,
            const struct export_opt *eo)
{
	int vis = eo->visible;

	if (fputs("  changes:  ", f) == EOF)
		return -1;
	for (size_t k = b->op0; k < b->op1; k++) {
		const struct dop *o = &c->al.bops.v[k];
		/* a space where the text had one before this run */
		const struct tok *first = o->kind == DOP_DELETE
		                                  ? &c->lt.v[o->a0]
		                                  : &c->rt.v[o->b0];
		int after_delete = k > b->op0 && o->kind == DOP_INSERT &&
		                   o[-1].kind == DOP_DELETE;
		if (k > b->op0 && (first->space || after_delete) &&
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

/* The block's facts of one kind on a line: "new facts: A; B", or
 * "changed: 12 → 15; Hamburg → Berlin". */
static int
put_facts(FILE *f, const struct cmp *c, const struct block *b, unsigned kind,
          const struct export_opt *eo)
{
	int any = 0, vis = eo->visible;

	for (size_t k = b->f0; k < b->f1; k++) {
		const struct fact *x = &c->al.facts[k];
		if (x->kind != kind)
			continue;
		if (fputs(any                    ? "; "
		          : kind == FACT_CHANGED ? "  changed: "
		                                 : "  new facts: ",
		          f) == EOF)
			return -1;
		any = 1;
		if (kind == FACT_CHANGED &&
		    (export_sgr(f, eo, SGR_DEL) < 0 ||
		     export_tokens(f, c->left, &c->lt, x->w0, x->w1, vis) < 0 ||
		     export_sgr(f, eo, "") < 0 || fputs(" \u2192 ", f) == EOF))
			return -1;
		if (export_sgr(f, eo, SGR_FACT) < 0 ||
		    export_tokens(f, c->right, &c->rt, x->t0, x->t1, vis) < 0 ||
		    export_sgr(f, eo, "") < 0)
			return -1;
	}
	return any && fputc('\n', f) == EOF ? -1 : 0;
}

static int
put_block(FILE *f, const struct cmp *c, size_t i, const struct export_opt *eo)
{
	const struct block *b = &c->al.blocks[i];
	int left = b->ls1 > b->ls0, right = b->rs1 > b->rs0, vis = eo->visible;

	if (fprintf(f, "\n[%zu] ", i + 1) < 0 ||
	    export_sgr(f, eo, export_kind_sgr(b->kind)) < 0 ||
	    fputs(cmp_kind_name(b->kind), f) == EOF ||
	    export_sgr(f, eo, "") < 0 ||
	    (b->moved &&
	     (fputs(", ", f) == EOF || export_sgr(f, eo, SGR_MOVED) < 0 ||
	      fputs("moved", f) == EOF || export_sgr(f, eo, "") < 0)) ||
	    (b->hidden && fputs(", hidden characters", f) == EOF) ||
	    (b->link >= 0 && fprintf(f, ", with [%d]", b->link + 1) < 0) ||
	    ((b->kind == BLK_VERBATIM || b->kind == BLK_PARAPHRASE) &&
	     fprintf(f, ", similarity %.2f", b->sim) < 0) ||
	    fputc('\n', f) == EOF)
		return -1;
	if (left && (fputs("  official: ", f) == EOF ||
	             export_tokens(f, c->left, &c->lt, c->ls.v[b->ls0].t0,
	                           c->ls.v[b->ls1 - 1].t1, vis) < 0 ||
	             fputc('\n', f) == EOF))
		return -1;
	if (right && (fputs("  rewrite:  ", f) == EOF ||
	              export_tokens(f, c->right, &c->rt, c->rs.v[b->rs0].t0,
	                            c->rs.v[b->rs1 - 1].t1, vis) < 0 ||
	              fputc('\n', f) == EOF))
		return -1;
	if ((b->kind == BLK_VERBATIM || b->kind == BLK_PARAPHRASE) &&
	    put_changes(f, c, b, eo) < 0)
		return -1;
	if (put_facts(f, c, b, FACT_CHANGED, eo) < 0 ||
	    put_facts(f, c, b, FACT_NEW, eo) < 0)
		return -1;
	if (b->near >= 0) {
		int official = b->kind == BLK_ADDITION;
		const struct seglist *sl = official ? &c->ls : &c->rs;
		if (fprintf(f, "  nearest %s (similarity %.2f): ",
		            official ? "official" : "rewrite",
		            b->near_sim) < 0 ||
		    export_tokens(f, official ? c->left : c->right,
		                  official ? &c->lt : &c->rt, sl->v[b->near].t0,
		                  sl->v[b->near].t1, vis) < 0 ||
		    fputc('\n', f) == EOF)
			return -1;
	}
	return 0;
}

int
export_report(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	if (fputs("official: ", f) == EOF ||
	    export_name(f, c->left->name) < 0 ||
	    fprintf(f, " (%zu words, %zu sentences)\nrewrite:  ",
	            tok_words(&c->lt, 0, (uint32_t)c->lt.n), c->ls.n) < 0 ||
	    export_name(f, c->right->name) < 0 ||
	    fprintf(f, " (%zu words, %zu sentences)\n",
	            tok_words(&c->rt, 0, (uint32_t)c->rt.n), c->rs.n) < 0 ||
	    export_kinds_summary(c, f) < 0)
		return -1;
	for (size_t i = 0; i < c->al.nblocks; i++)
		if (put_block(f, c, i, o) < 0)
			return -1;
	return fflush(f) == EOF || ferror(f) ? -1 : 0;
}
