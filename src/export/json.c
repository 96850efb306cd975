/* json.c - the machine-readable exports: one pair (format "redline",
 * version 2) and the overview of several rewrites ("redline-overview").
 *
 * Owns the JSON format documented in the README: byte offsets are half-open
 * [start, end) into the original input bytes, blocks come in display order,
 * every non-space byte of each input lies in exactly one block on its side.
 * Strings are escaped so the output is valid JSON whatever the file names.
 */
#include <stdint.h>

#include "redline/export.h"
#include "redline/uni.h"

int
export_json_string(FILE *f, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0, i = 0;

	while (u[n])
		n++;
	if (fputc('"', f) == EOF)
		return -1;
	while (i < n) {
		int32_t cp;
		size_t len = uni_decode(u + i, n - i, &cp);
		int rc;
		if (cp == '"' || cp == '\\')
			rc = fprintf(f, "\\%c", (char)cp);
		else if ((cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp < 0xA0) ||
		         (cp < 0x10000 && uni_hidden(cp)))
			/* controls (C1 too) and hidden characters escaped,
			 * so that none reaches a terminal as it is */
			rc = fprintf(f, "\\u%04x", (unsigned)cp);
		else if (uni_hidden(cp))
			rc = fprintf(
			        f, "\\u%04x\\u%04x",
			        0xD800u + ((unsigned)(cp - 0x10000) >> 10),
			        0xDC00u + ((unsigned)(cp - 0x10000) & 0x3FF));
		else if (cp < 0)
			rc = fputs("\\ufffd", f);
		else
			rc = (int)fwrite(u + i, 1, len, f) - (int)len;
		if (rc < 0)
			return -1;
		i += len;
	}
	return fputc('"', f) == EOF ? -1 : 0;
}

/* [start, end) of tokens [t0, t1), or null when empty. */
static int
put_span(FILE *f, const struct toklist *l, uint32_t t0, uint32_t t1)
{
	if (t0 >= t1)
		return fputs("null", f) == EOF ? -1 : 0;
	return fprintf(f, "[%u, %u]", (unsigned)l->v[t0].off,
	               (unsigned)(l->v[t1 - 1].off + l->v[t1 - 1].len)) < 0
	               ? -1
	               : 0;
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

static int
put_block(FILE *f, const struct cmp *c, const struct block *b)
{
	uint32_t l0 = 0, l1 = 0, r0 = 0, r1 = 0;

	if (b->ls1 > b->ls0) {
		l0 = c->ls.v[b->ls0].t0;
		l1 = c->ls.v[b->ls1 - 1].t1;
	}
	if (b->rs1 > b->rs0) {
		r0 = c->rs.v[b->rs0].t0;
		r1 = c->rs.v[b->rs1 - 1].t1;
	}
	if (fprintf(f,
	            "    {\"kind\": \"%s\", \"moved\": %s, \"hidden\": %s, "
	            "\"left\": ",
	            cmp_kind_name(b->kind), b->moved ? "true" : "false",
	            b->hidden ? "true" : "false") < 0 ||
	    put_span(f, &c->lt, l0, l1) < 0 ||
	    fputs(", \"right\": ", f) == EOF ||
	    put_span(f, &c->rt, r0, r1) < 0 ||
	    fprintf(f, ", \"similarity\": %.3f", b->sim) < 0)
		return -1;
	if (b->link >= 0 && fprintf(f, ", \"link\": %d", (int)b->link) < 0)
		return -1;
	if (fputs(",\n     \"ops\": [", f) == EOF)
		return -1;
	for (size_t k = b->op0; k < b->op1; k++) {
		const struct dop *o = &c->bops.v[k];
		static const char *const names[] = {"equal", "delete",
		                                    "insert"};
		if (fprintf(f, "%s{\"op\": \"%s\", \"left\": ",
		            k > b->op0 ? ", " : "", names[o->kind]) < 0 ||
		    put_span(f, &c->lt, o->a0, o->a1) < 0 ||
		    fputs(", \"right\": ", f) == EOF ||
		    put_span(f, &c->rt, o->b0, o->b1) < 0 ||
		    fputc('}', f) == EOF)
			return -1;
	}
	if (fputs("],\n     \"facts\": [", f) == EOF)
		return -1;
	for (size_t k = b->f0; k < b->f1; k++) {
		const struct fact *x = &c->facts[k];
		if (fputs(k > b->f0 ? ", {\"span\": " : "{\"span\": ", f) ==
		            EOF ||
		    put_span(f, &c->rt, x->t0, x->t1) < 0 ||
		    fprintf(f, ", \"kind\": \"%s\", \"was\": ",
		            x->kind == FACT_CHANGED ? "changed" : "new") < 0 ||
		    put_span(f, &c->lt, x->w0, x->w1) < 0 ||
		    fputc('}', f) == EOF)
			return -1;
	}
	if (fputs("],\n     \"nearest\": ", f) == EOF)
		return -1;
	if (b->near < 0) {
		if (fputs("null", f) == EOF)
			return -1;
	} else {
		int official = b->kind == BLK_ADDITION;
		const struct seglist *sl = official ? &c->ls : &c->rs;
		if (fputs("{\"span\": ", f) == EOF ||
		    put_span(f, official ? &c->lt : &c->rt, sl->v[b->near].t0,
		             sl->v[b->near].t1) < 0 ||
		    fprintf(f, ", \"similarity\": %.3f}", b->near_sim) < 0)
			return -1;
	}
	return fputs("}", f) == EOF ? -1 : 0;
}

int
export_json(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	(void)o;
	if (fputs("{\n  \"format\": \"redline\", \"version\": 2,\n", f) ==
	            EOF ||
	    put_side(f, "left", c->left, &c->lt, &c->ls) < 0 ||
	    put_side(f, "right", c->right, &c->rt, &c->rs) < 0 ||
	    fprintf(f,
	            "  \"summary\": {\"verbatim\": %zu, \"paraphrase\": %zu, "
	            "\"omission\": %zu, \"addition\": %zu, \"moved\": %zu},\n"
	            "  \"blocks\": [\n",
	            c->count[BLK_VERBATIM], c->count[BLK_PARAPHRASE],
	            c->count[BLK_OMISSION], c->count[BLK_ADDITION],
	            c->nmoved) < 0)
		return -1;
	for (size_t i = 0; i < c->nblocks; i++)
		if (put_block(f, c, &c->blocks[i]) < 0 ||
		    fputs(i + 1 < c->nblocks ? ",\n" : "\n", f) == EOF)
			return -1;
	if (fputs("  ]\n}\n", f) == EOF)
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

	if (fputs("{\n\"format\": \"redline-overview\", \"version\": 2,\n"
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
		            ", \"words\": %zu, \"verbatim\": %zu, "
		            "\"paraphrase\": %zu, \"omission\": %zu, "
		            "\"additions\": %zu, \"addition_words\": %zu, "
		            "\"facts\": %zu}%s\n",
		            r->words, r->kept[BLK_VERBATIM],
		            r->kept[BLK_PARAPHRASE], r->kept[BLK_OMISSION],
		            r->additions, r->add_words, r->facts,
		            j + 1 < ov->n ? "," : "") < 0)
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
