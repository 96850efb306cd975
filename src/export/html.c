/* html.c (export) - the comparison as one self-contained HTML page
 * (--export=html), for a pair and for the overview of several rewrites.
 *
 * Owns the page: its markup, its style sheet (inline: the page loads
 * nothing and runs no script) and the escaping of every text that comes
 * from the inputs (their words and their names), so that no markup of an
 * input can become an element of the page.  A pair's page has the files,
 * the counts, a legend, the list of changes, the facts, then the passages:
 * one <article> each, with data-kind ("verbatim", "paraphrase",
 * "omission", "addition"), data-moved when moved, and the two sides in
 * columns, deleted words in <del>, inserted ones in <ins>, facts in
 * <mark>.  Kinds are coloured and also written out (a mark and a word),
 * for readers who cannot tell the colours apart and for print.  Each
 * change links to the next and the previous one; moved passages, the two
 * halves of a split or merge and each omission's or addition's nearest
 * passage link to each other.  The overview's page has the table, the
 * coverage grid and every pair, each linked.
 */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

#include "redline/export.h"
#include "redline/version.h"
#include "redline/uni.h"

/* Words of a passage quoted in the list of changes. */
#define QUOTE_WORDS 12

/* Flags of one token while a side is written. */
enum { HF_DEL = 1, HF_INS = 2, HF_FACT = 4 };

/* Short marks of the kinds, as in the viewer's margin. */
static const char *const kind_mark[] = {"=", "~", "&lt;", "&gt;"};

static const char css[] =
        ":root{--ver:#5a5a5a;--par:#8a6d00;--omi:#b00020;--add:#1b7a2b;"
        "--mov:#1f4fbf;--bg:#fff;--fg:#1a1a1a;--mute:#666;--line:#ddd}\n"
        "*{box-sizing:border-box}\n"
        "body{margin:0 auto;max-width:78rem;padding:1rem;font:16px/1.5 "
        "Georgia,'DejaVu Serif',serif;color:var(--fg);background:var(--bg)}"
        "\n"
        "h1{font-size:1.4rem;margin:.2rem 0 .6rem}h2{font-size:1.15rem;"
        "margin:1.4rem 0 .5rem}h3{font-size:1rem;margin:0}\n"
        "a{color:var(--mov)}a:focus{outline:3px solid var(--mov)}\n"
        ".files{margin:0 0 .6rem}.files dt{font-weight:bold;float:left;"
        "width:5.5rem}.files dd{margin:0 0 0 5.5rem;overflow-wrap:anywhere}"
        "\n"
        ".counts{display:flex;flex-wrap:wrap;gap:.4rem;margin:.4rem 0;"
        "padding:0}\n"
        ".counts div{border:1px solid var(--line);border-left:6px solid "
        "var(--c,var(--ver));padding:.2rem .6rem;display:flex;gap:.4rem}\n"
        ".counts dt{font-weight:normal}.counts dd{margin:0;font-weight:bold}"
        "\n"
        ".legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding:0;"
        "list-style:none;font-size:.9rem}\n"
        ".k-verbatim{--c:var(--ver)}.k-paraphrase{--c:var(--par)}"
        ".k-omission{--c:var(--omi)}.k-addition{--c:var(--add)}"
        ".k-moved{--c:var(--mov)}\n"
        ".kind{display:inline-block;min-width:1.6em;text-align:center;"
        "font:bold .9rem/1.4 'DejaVu Sans Mono',monospace;color:#fff;"
        "background:var(--c);border-radius:3px;padding:0 .3em}\n"
        "del{text-decoration:line-through;text-decoration-thickness:2px;"
        "background:#fbe3e6;color:#7a0016}\n"
        "ins{text-decoration:underline;text-decoration-thickness:2px;"
        "background:#dff3e2;color:#0d4d18}\n"
        "mark.fact{background:#f3dcf7;color:#5c0b6e;font-weight:bold;"
        "text-decoration:underline double}\n"
        "nav.changes ol{columns:2 22rem;column-gap:3rem;font-size:.9rem;"
        "padding-left:2.2rem}nav.changes li{break-inside:avoid}"
        "nav.changes summary{cursor:pointer}"
        "\n"
        "ul.facts{font-size:.95rem}\n"
        ".colhead{display:grid;grid-template-columns:1fr 1fr;gap:1rem;"
        "font-weight:bold;border-bottom:2px solid var(--fg);margin-top:1rem;"
        "position:sticky;top:0;background:var(--bg);z-index:1}\n"
        ".colhead div{overflow-wrap:anywhere}\n"
        "article{display:grid;grid-template-columns:1fr 1fr;gap:.2rem 1rem;"
        "border-left:6px solid var(--c);padding:.5rem .6rem;margin:.6rem 0;"
        "background:linear-gradient(90deg,color-mix(in srgb,var(--c) 6%,"
        "transparent),transparent)}\n"
        "article[data-kind=verbatim]{border-left-style:dotted}\n"
        "article[data-moved]{outline:2px dashed var(--mov);"
        "outline-offset:-2px}\n"
        "article:target{box-shadow:0 0 0 3px var(--mov)}\n"
        "article>header,article>.note{grid-column:1/-1}\n"
        "article>header{display:flex;flex-wrap:wrap;gap:.2rem .8rem;"
        "align-items:baseline;font-size:.9rem;color:var(--mute)}\n"
        "article>header .go{margin-left:auto}\n"
        ".side{overflow-wrap:anywhere}.side .lab{display:none}\n"
        ".none{color:var(--mute);font-style:italic}\n"
        ".note{font-size:.9rem;margin:.2rem 0 0}\n"
        "table{border-collapse:collapse;font-size:.95rem}\n"
        "th,td{border:1px solid var(--line);padding:.2rem .5rem;"
        "text-align:right;vertical-align:top}\n"
        "th:nth-child(2),td:nth-child(2){text-align:left}\n"
        ".grid td{text-align:center;font-family:'DejaVu Sans Mono',monospace;"
        "padding:0 .3rem}\n"
        ".grid td.s,.grid th:last-child{text-align:left;"
        "font-family:inherit}.grid th{text-align:center}\n"
        ".grid td[data-kind=verbatim]{background:#e9e9e9}"
        ".grid td[data-kind=paraphrase]{background:#f7ecc2}"
        ".grid td[data-kind=omission]{background:#f6cfd5}\n"
        ".grid a{text-decoration:none;color:inherit;display:block}\n"
        ".wide{overflow-x:auto}.rewrites td:nth-child(2){min-width:9rem}\n"
        "section.pair{border-top:3px solid var(--fg);margin-top:2rem}\n"
        "details.same{grid-column:1/-1}details.same summary{cursor:pointer;"
        "color:var(--mute);font-size:.9rem}\n"
        "details.same>div{display:grid;grid-template-columns:1fr 1fr;"
        "gap:.2rem 1rem}\n"
        ".made{color:var(--mute);font-size:.9rem;margin:0 0 .4rem}\n";

/* The style sheet's second part: small screens, the dark scheme, print
 * (one string literal would pass the length C11 promises to support). */
static const char css2[] =
        "@media (max-width:40rem){body{padding:.5rem;font-size:15px}"
        ".colhead{display:none}article{grid-template-columns:1fr}"
        ".side .lab{display:inline;font:bold .8rem sans-serif;"
        "color:var(--mute);margin-right:.4rem}"
        ".files dt{float:none}.files dd{margin:0 0 .3rem}"
        "details.same>div{grid-template-columns:1fr}"
        ".rewrites thead{display:none}.rewrites tr{display:block;"
        "border:1px solid var(--line);margin:.4rem 0}"
        ".rewrites td{display:flex;justify-content:space-between;gap:1rem;"
        "border:0;text-align:right}"
        ".rewrites td::before{content:attr(data-label);font-weight:bold;"
        "text-align:left}}\n"
        "@media (prefers-color-scheme:dark){:root{--ver:#b4b4b4;"
        "--par:#e3c35a;--omi:#ff8a96;--add:#6fd684;--mov:#8fb0ff;"
        "--bg:#141414;--fg:#e8e8e8;--mute:#a8a8a8;--line:#444}"
        ".kind{color:#111}"
        "del{background:#4d1a24;color:#ffd6dc}"
        "ins{background:#183f22;color:#d4f7dc}"
        "mark.fact{background:#45214f;color:#f6dcfd}"
        ".grid td[data-kind=verbatim]{background:#333}"
        ".grid td[data-kind=paraphrase]{background:#4a3f14}"
        ".grid td[data-kind=omission]{background:#4d1a24}}\n"
        "@media print{body{max-width:none;font-size:10pt;padding:0}"
        "nav.changes,.go,.skip{display:none}"
        "article{break-inside:avoid;background:none}"
        ".colhead{position:static}"
        "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
        "a{color:inherit;text-decoration:none}}\n"
        "@page{margin:15mm 12mm}\n";

/* Write s[0..n) as HTML text: &, <, >, " and ' as references, invalid
 * bytes as U+FFFD, control characters as their pictures (uni_visible),
 * tabs and line breaks as spaces. */
static int
esc(FILE *f, const unsigned char *s, size_t n)
{
	size_t i = 0, run = 0;

	while (i < n) {
		unsigned char ch = s[i];
		const char *ref = NULL;
		int32_t cp, show;
		size_t len = 1;
		if (ch >= 0x20 && ch < 0x7F) {
			if (ch == '&')
				ref = "&amp;";
			else if (ch == '<')
				ref = "&lt;";
			else if (ch == '>')
				ref = "&gt;";
			else if (ch == '"')
				ref = "&quot;";
			else if (ch == '\'')
				ref = "&#39;";
			if (!ref) {
				i++;
				continue;
			}
		} else {
			len = uni_decode(s + i, n - i, &cp);
			show = ch == '\n' || ch == '\t' ? ' ' : uni_visible(cp);
			if (show == cp) {
				i += len;
				continue;
			}
			unsigned char b[4];
			size_t k = uni_encode(show, b);
			if ((i > run &&
			     fwrite(s + run, 1, i - run, f) != i - run) ||
			    fwrite(b, 1, k, f) != k)
				return -1;
			i += len;
			run = i;
			continue;
		}
		if ((i > run && fwrite(s + run, 1, i - run, f) != i - run) ||
		    fputs(ref, f) == EOF)
			return -1;
		i += len;
		run = i;
	}
	if (i > run && fwrite(s + run, 1, i - run, f) != i - run)
		return -1;
	return 0;
}

static int
esc_str(FILE *f, const char *s)
{
	return esc(f, (const unsigned char *)s, strlen(s));
}

/* Tokens [t0, t1) of one side, white space folded to one space, each run
 * of tokens with the same flags (fl[k - t0], or none when fl is NULL) in
 * its element. */
static int
put_toks(FILE *f, const struct text *t, const struct toklist *l, uint32_t t0,
         uint32_t t1, const uint8_t *fl)
{
	unsigned cur = 0;

	for (uint32_t k = t0; k < t1; k++) {
		unsigned want = fl ? fl[k - t0] : 0;
		/* tags close before the space and open after it */
		if (want != cur &&
		    ((cur & HF_FACT && fputs("</mark>", f) == EOF) ||
		     (cur & HF_DEL && fputs("</del>", f) == EOF) ||
		     (cur & HF_INS && fputs("</ins>", f) == EOF)))
			return -1;
		if (k > t0 && l->v[k].space && fputc(' ', f) == EOF)
			return -1;
		if (want != cur) {
			if ((want & HF_INS && fputs("<ins>", f) == EOF) ||
			    (want & HF_DEL && fputs("<del>", f) == EOF) ||
			    (want & HF_FACT &&
			     fputs("<mark class=\"fact\">", f) == EOF))
				return -1;
			cur = want;
		}
		if (esc(f, t->buf + l->v[k].off, tok_len(l, k)) < 0)
			return -1;
	}
	if ((cur & HF_FACT && fputs("</mark>", f) == EOF) ||
	    (cur & HF_DEL && fputs("</del>", f) == EOF) ||
	    (cur & HF_INS && fputs("</ins>", f) == EOF))
		return -1;
	return 0;
}

/* Mark tokens [a, b) of the range [t0, t1) with flag. */
static void
flag_range(uint8_t *fl, uint32_t t0, uint32_t t1, uint32_t a, uint32_t b,
           unsigned flag)
{
	if (a < t0)
		a = t0;
	if (b > t1)
		b = t1;
	for (uint32_t k = a; k < b; k++)
		fl[k - t0] |= (uint8_t)flag;
}

/* The token range of block b's side (0 official, 1 rewrite); 0 when the
 * side is empty. */
static int
side_range(const struct cmp *c, const struct block *b, int side, uint32_t *t0,
           uint32_t *t1)
{
	psg_block_tokens(c, (size_t)(b - c->al.blocks), side, t0, t1);
	return *t0 < *t1;
}

/* One sentence run of block b on one side, tokens [t0, t1), with the
 * passage's word changes (paired) and its findings marked. */
static int
put_piece(FILE *f, const struct cmp *c, const struct passage *p,
          const struct block *b, int side, uint32_t t0, uint32_t t1)
{
	int rc, paired = b->kind == BLK_VERBATIM || b->kind == BLK_PARAPHRASE;
	uint8_t *fl = calloc(t1 - t0, 1);

	if (!fl)
		return -1;
	struct dwalk w;
	struct dop op;
	psg_walk(c, p, &w);
	while (paired && dwalk_next(&w, &op)) {
		const struct dop *o = &op;
		if (side == 0 && dop_kind(o) == DOP_DELETE)
			flag_range(fl, t0, t1, o->a0, o->a1, HF_DEL);
		if (side == 1 && dop_kind(o) == DOP_INSERT)
			flag_range(fl, t0, t1, o->b0, o->b1, HF_INS);
	}
	for (size_t k = p->fi0; k < psg_fi1(p); k++) {
		const struct finding *x = &c->fd.v[k];
		flag_range(fl, t0, t1, side ? x->r0 : x->l0,
		           side ? x->r1 : x->l1, HF_FACT);
	}
	rc = side ? put_toks(f, c->right, &c->rt, t0, t1, fl)
	          : put_toks(f, c->left, &c->lt, t0, t1, fl);
	free(fl);
	return rc;
}

/* One side of stretch e: each sentence run of its blocks, in text order,
 * on a line of its own; a note where it has none. */
static int
put_side(FILE *f, const struct cmp *c, const struct pstretch *e, int side)
{
	const struct passage *p = &c->ps.v[e->passage];
	uint32_t at = 0, t0, t1;
	size_t bb;
	int n = 0;

	if (fprintf(f, "<div class=\"side\" data-side=\"%s\">",
	            side ? "rewrite" : "official") < 0 ||
	    fprintf(f, "<span class=\"lab\">%s</span>",
	            side ? "rewrite" : "official") < 0)
		return -1;
	while (psg_next_piece(c, NULL, e->b0, e->b1, side, &at, &bb)) {
		psg_block_tokens(c, bb, side, &t0, &t1);
		if ((n++ && fputs("<br>\n", f) == EOF) ||
		    put_piece(f, c, p, &c->al.blocks[bb], side, t0, t1) < 0)
			return -1;
	}
	if (!n && fprintf(f, "<span class=\"none\">%s</span>",
	                  p->kind == BLK_OMISSION   ? "(not in the rewrite)"
	                  : p->kind == BLK_ADDITION ? "(not in the official "
	                                              "text)"
	                                            : "(in another place of "
	                                              "this passage)") < 0)
		return -1;
	return fputs("</div>\n", f) == EOF ? -1 : 0;
}

/* The passage holding segment s of one side (0 official, 1 rewrite), or
 * -1. */
static long
passage_of(const struct cmp *c, int side, uint32_t s)
{
	for (size_t i = 0; i < c->al.nblocks; i++) {
		const struct block *b = &c->al.blocks[i];
		if (side ? (b->rs0 <= s && s < b->rs1)
		         : (b->ls0 <= s && s < b->ls1))
			return (long)c->ps.of[i];
	}
	return -1;
}

/* Whether passage i is a change: not verbatim, moved, of several blocks,
 * with word changes or facts. */
static int
is_change(const struct cmp *c, size_t i)
{
	const struct passage *p = &c->ps.v[i];
	struct dwalk w;
	struct dop o;
	if (p->kind != BLK_VERBATIM || p->moved || p->nfacts ||
	    psg_m1(p) - p->m0 > 1)
		return 1;
	psg_walk(c, p, &w);
	while (dwalk_next(&w, &o))
		if (dop_kind(&o) != DOP_EQUAL)
			return 1;
	return 0;
}

/* A link to passage i (0-based) of the pair whose ids start with pfx. */
static int
put_ref(FILE *f, const char *pfx, long i)
{
	return fprintf(f, "<a href=\"#%s%ld\">[%ld]</a>", pfx, i + 1, i + 1) < 0
	               ? -1
	               : 0;
}

/* Finding x as inline text: "negation: <del>no</del> \u2192 <mark>a</mark>". */
static int
put_finding(FILE *f, const struct cmp *c, const struct finding *x)
{
	if (fprintf(f, "<span class=\"find\">%s</span>: ",
	            find_type_label(x->type, 0)) < 0)
		return -1;
	if (x->l0 < x->l1 &&
	    (fputs("<del>", f) == EOF ||
	     put_toks(f, c->left, &c->lt, x->l0, x->l1, NULL) < 0 ||
	     fputs(x->r0 < x->r1 ? "</del> \u2192 " : "</del> \u2192 (dropped)",
	           f) == EOF))
		return -1;
	if (x->r0 < x->r1 &&
	    (fputs("<mark class=\"fact\">", f) == EOF ||
	     put_toks(f, c->right, &c->rt, x->r0, x->r1, NULL) < 0 ||
	     fputs("</mark>", f) == EOF))
		return -1;
	return 0;
}

/* The findings of passage p as inline text, "; " between. */
static int
put_findings(FILE *f, const struct cmp *c, const struct passage *p)
{
	for (size_t k = p->fi0; k < psg_fi1(p); k++)
		if ((k > p->fi0 && fputs("; ", f) == EOF) ||
		    put_finding(f, c, &c->fd.v[k]) < 0)
			return -1;
	return 0;
}

/* The previous (dir -1) or next (dir 1) change from passage i, or -1. */
static long
next_change(const struct cmp *c, size_t i, int dir)
{
	for (long k = (long)i + dir; k >= 0 && k < (long)c->ps.n; k += dir)
		if (is_change(c, (size_t)k))
			return k;
	return -1;
}

/* The id of stretch e: "pfxN" for a passage's first, "pfxN-K" for its
 * K-th. */
static int
put_id(FILE *f, const struct cmp *c, size_t e, const char *pfx)
{
	const struct pstretch *s = &c->ps.ent[e];
	const struct passage *p = &c->ps.v[s->passage];
	size_t k = 0;

	while (p->e0 + k < psg_e1(p) && c->ps.ent_of[p->e0 + k] != e)
		k++;
	return (k ? fprintf(f, "%s%u-%zu", pfx, (unsigned)s->passage + 1, k + 1)
	          : fprintf(f, "%s%u", pfx, (unsigned)s->passage + 1)) < 0
	               ? -1
	               : 0;
}

/* The stretch of the display that shows block b. */
static size_t
stretch_of(const struct cmp *c, size_t b)
{
	const struct passage *p = &c->ps.v[c->ps.of[b]];

	for (size_t k = p->e0; k < psg_e1(p); k++) {
		const struct pstretch *e = &c->ps.ent[c->ps.ent_of[k]];
		if (e->b0 <= b && b < e->b1)
			return c->ps.ent_of[k];
	}
	return c->ps.ent_of[p->e0];
}

/* After a passage's sentences: where a moved one stands in the rewrite,
 * its findings, an omission's or addition's nearest sentence. */
static int
put_notes(FILE *f, const struct cmp *c, size_t pi, const char *pfx)
{
	const struct passage *p = &c->ps.v[pi];
	const struct block *b = &c->al.blocks[c->ps.mem[p->m0]];
	uint32_t rs0 = UINT32_MAX, rs1 = 0;

	for (size_t m = p->m0; m < psg_m1(p); m++) {
		const struct block *k = &c->al.blocks[c->ps.mem[m]];
		if (k->rs1 > k->rs0 && k->rs0 < rs0)
			rs0 = k->rs0;
		if (k->rs1 > k->rs0 && k->rs1 > rs1)
			rs1 = k->rs1;
	}
	if (p->moved && rs1 > 0) {
		/* where the rewrite has it: after and before which passages */
		long before = rs0 ? passage_of(c, 1, rs0 - 1) : -1;
		long after = rs1 < c->rs.n ? passage_of(c, 1, rs1) : -1;
		if (fputs("<p class=\"note\">moved: in the rewrite it comes",
		          f) == EOF ||
		    (before >= 0 && (fputs(" after ", f) == EOF ||
		                     put_ref(f, pfx, before) < 0)) ||
		    (before >= 0 && after >= 0 && fputs(" and", f) == EOF) ||
		    (after >= 0 && (fputs(" before ", f) == EOF ||
		                    put_ref(f, pfx, after) < 0)) ||
		    (before < 0 && after < 0 && fputs(" alone", f) == EOF) ||
		    fputs("</p>\n", f) == EOF)
			return -1;
	}
	if (psg_fi1(p) > p->fi0 &&
	    (fputs("<p class=\"note\">", f) == EOF ||
	     put_findings(f, c, p) < 0 || fputs("</p>\n", f) == EOF))
		return -1;
	if (psg_m1(p) - p->m0 == 1 && b->near >= 0) {
		int official = b->kind == BLK_ADDITION;
		uint32_t t0, t1;
		long nb = passage_of(c, official ? 0 : 1, (uint32_t)b->near);
		psg_sent_tokens(c, !official, (uint32_t)b->near, &t0, &t1);
		if (fprintf(f,
		            "<p class=\"note\">nearest %s passage (similarity "
		            "%.2f)",
		            official ? "official" : "rewrite",
		            b->near_sim) < 0 ||
		    (nb >= 0 &&
		     (fputc(' ', f) == EOF || put_ref(f, pfx, nb) < 0)) ||
		    fputs(": \u201c", f) == EOF ||
		    put_toks(f, official ? c->left : c->right,
		             official ? &c->lt : &c->rt, t0, t1, NULL) < 0 ||
		    fputs("\u201d</p>\n", f) == EOF)
			return -1;
	}
	return 0;
}

static int put_quote(FILE *f, const struct cmp *c, const struct block *b);

/* Stretch e of the display as an <article>: for a passage's first, its
 * number, kind, flags, shape and links; for a later one, "[N]
 * continued"; then both sides; after the passage's last, its notes. */
static int
put_passage(FILE *f, const struct cmp *c, size_t e, const char *pfx)
{
	const struct pstretch *s = &c->ps.ent[e];
	size_t pi = s->passage, pn = pi + 1;
	const struct passage *p = &c->ps.v[pi];
	const char *kind = cmp_kind_name(p->kind);
	long prev = next_change(c, pi, -1), next = next_change(c, pi, 1);
	char shape[48];
	int last = c->ps.ent_of[psg_e1(p) - 1] == e;

	psg_shape(p, shape, sizeof shape);
	if (fputs("<article id=\"", f) == EOF || put_id(f, c, e, pfx) < 0 ||
	    fprintf(f,
	            "\" class=\"k-%s\" data-kind=\"%s\" "
	            "data-passage=\"%zu\"%s%s%s>\n",
	            kind, kind, pn, p->moved ? " data-moved" : "",
	            p->furniture ? " data-furniture" : "",
	            s->cont ? " data-continued" : "") < 0)
		return -1;
	if (s->cont) {
		if (fprintf(f,
		            "<header><h3><a href=\"#%s%zu\">[%zu]</a> "
		            "continued</h3></header>\n",
		            pfx, pn, pn) < 0)
			return -1;
	} else {
		if (fprintf(f,
		            "<header><h3><a href=\"#%s%zu\">[%zu]</a> <span "
		            "class=\"kind\" aria-hidden=\"true\">%s</span> "
		            "%s</h3>",
		            pfx, pn, pn, kind_mark[p->kind], kind) < 0)
			return -1;
		if ((p->kind == BLK_VERBATIM || p->kind == BLK_PARAPHRASE) &&
		    fprintf(f, "<span>similarity %.2f</span>", p->sim) < 0)
			return -1;
		if (p->moved &&
		    fputs("<span class=\"k-moved\"><span class=\"kind\">"
		          "\u21c4</span> moved</span>",
		          f) == EOF)
			return -1;
		if (shape[0] && fprintf(f, "<span>%s</span>", shape) < 0)
			return -1;
		if (p->furniture &&
		    fputs("<span>page furniture</span>", f) == EOF)
			return -1;
		if (psg_e1(p) - p->e0 > 1 &&
		    fprintf(f, "<span>in %zu places</span>",
		            (size_t)(psg_e1(p) - p->e0)) < 0)
			return -1;
		if (fputs("<span class=\"go\">", f) == EOF ||
		    (prev >= 0 &&
		     fprintf(f,
		             "<a href=\"#%s%ld\">\u2191 previous change</a> ",
		             pfx, prev + 1) < 0) ||
		    (next >= 0 &&
		     fprintf(f, "<a href=\"#%s%ld\">next change \u2193</a>",
		             pfx, next + 1) < 0) ||
		    fputs("</span></header>\n", f) == EOF)
			return -1;
	}
	/* a passage kept word for word folds away, its first words shown */
	int same =
	        !s->cont && p->kind == BLK_VERBATIM && psg_m1(p) - p->m0 == 1;
	struct dwalk w;
	struct dop o;
	psg_walk(c, p, &w);
	while (same && dwalk_next(&w, &o))
		same = dop_kind(&o) == DOP_EQUAL;
	if (same &&
	    (fputs("<details class=\"same\"><summary>the same words on both "
	           "sides: \u201c",
	           f) == EOF ||
	     put_quote(f, c, &c->al.blocks[c->ps.mem[p->m0]]) < 0 ||
	     fputs("\u201d</summary><div>\n", f) == EOF))
		return -1;
	if (put_side(f, c, s, 0) < 0 || put_side(f, c, s, 1) < 0)
		return -1;
	if (same && fputs("</div></details>\n", f) == EOF)
		return -1;
	if (!last) {
		/* the link to the passage's next stretch */
		size_t k = 0;
		while (c->ps.ent_of[p->e0 + k] != e)
			k++;
		if (fprintf(f,
		            "<p class=\"note\"><a href=\"#%s%zu-%zu\">"
		            "[%zu] continues below \u2193</a></p>\n",
		            pfx, pn, k + 2, pn) < 0)
			return -1;
	} else if (put_notes(f, c, pi, pfx) < 0) {
		return -1;
	}
	return fputs("</article>\n", f) == EOF ? -1 : 0;
}

/* The first words of a passage, for the list of changes. */
static int
put_quote(FILE *f, const struct cmp *c, const struct block *b)
{
	uint32_t t0, t1;
	int side = side_range(c, b, 1, &t0, &t1) ? 1 : 0;

	if (!side && !side_range(c, b, 0, &t0, &t1))
		return 0;
	const struct toklist *l = side ? &c->rt : &c->lt;
	uint32_t end = t0, words = 0;
	while (end < t1 && words < QUOTE_WORDS)
		words += l->v[end++].kind != TOK_PUNCT;
	return put_toks(f, side ? c->right : c->left, l, t0, end, NULL) < 0 ||
	                       (end < t1 && fputs(" \u2026", f) == EOF)
	               ? -1
	               : 0;
}

static int
put_file(FILE *f, const char *label, const struct text *t,
         const struct toklist *l, size_t nseg)
{
	if (fprintf(f, "<dt>%s</dt><dd><cite>", label) < 0 ||
	    esc_str(f, text_label(t->name)) < 0 ||
	    fprintf(f, "</cite> (%zu word%s, %zu sentence%s",
	            tok_words(l, 0, l->n), export_plural(tok_words(l, 0, l->n)),
	            nseg, export_plural(nseg)) < 0)
		return -1;
	/* a web page: the text compared is the one read from it */
	if (t->html && (fputs("; the text of a web page, read as ", f) == EOF ||
	                esc_str(f, t->charset) < 0))
		return -1;
	return fputs(")</dd>\n", f) == EOF ? -1 : 0;
}

/* "Findings: 1 negation, 2 changed values." (or "Findings: none."). */
static int
put_find_counts(FILE *f, const struct cmp *c)
{
	int any = 0;

	if (fputs("Findings: ", f) == EOF)
		return -1;
	for (unsigned t = 0; t < FIND_NTYPES; t++) {
		if (!c->fd.count[t])
			continue;
		if (fprintf(f, "%s%zu %s", any ? ", " : "", c->fd.count[t],
		            find_type_label(t, c->fd.count[t] != 1)) < 0)
			return -1;
		any = 1;
	}
	return fputs(any ? "." : "none.", f) == EOF ? -1 : 0;
}

/* A pair: files, counts, findings, changes and passages; ids start with pfx
 * (the headings at level h). */
static int
put_pair(FILE *f, const struct cmp *c, const char *pfx, int h)
{
	size_t k[4], total;
	static const char *const kinds[] = {"verbatim", "paraphrase",
	                                    "omission", "addition"};

	psg_kept_words(c, k, &total);
	if (fputs("<dl class=\"files\">\n", f) == EOF ||
	    put_file(f, "official", c->left, &c->lt, c->ls.n) < 0 ||
	    put_file(f, "rewrite", c->right, &c->rt, c->rs.n) < 0 ||
	    fputs("</dl>\n<dl class=\"counts\">\n", f) == EOF)
		return -1;
	for (int i = 0; i < 4; i++)
		if (fprintf(f,
		            "<div class=\"k-%s\"><dt>%s</dt><dd "
		            "data-count=\"%s\">%zu</dd></div>\n",
		            kinds[i], kinds[i], kinds[i], c->ps.count[i]) < 0)
			return -1;
	if (fprintf(f,
	            "<div class=\"k-moved\"><dt>moved</dt><dd "
	            "data-count=\"moved\">%zu</dd></div>\n</dl>\n"
	            "<p>Official words: %d%% kept verbatim, %d%% "
	            "paraphrased, %d%% omitted.</p>\n",
	            c->ps.nmoved, psg_percent(k[BLK_VERBATIM], total),
	            psg_percent(k[BLK_PARAPHRASE], total),
	            psg_percent(k[BLK_OMISSION], total)) < 0)
		return -1;
	/* the findings, most serious first, each linked */
	if (fprintf(f, "<p class=\"fcount\" data-findings=\"%zu\">", c->fd.n) <
	            0 ||
	    put_find_counts(f, c) < 0 ||
	    fprintf(f, "</p>\n<h%d>Findings, most serious first</h%d>\n", h,
	            h) < 0)
		return -1;
	if (!c->fd.n && fputs("<p>None.</p>\n", f) == EOF)
		return -1;
	if (c->fd.n && fputs("<ul class=\"facts\">\n", f) == EOF)
		return -1;
	for (unsigned t = 0; t < FIND_NTYPES; t++)
		for (size_t i = 0; i < c->fd.n; i++) {
			const struct finding *x = &c->fd.v[i];
			if (x->type != t)
				continue;
			if (fprintf(f, "<li data-type=\"%s\">",
			            find_type_name(t)) < 0 ||
			    put_ref(f, pfx, (long)x->passage) < 0 ||
			    fputc(' ', f) == EOF || put_finding(f, c, x) < 0 ||
			    fputs("</li>\n", f) == EOF)
				return -1;
		}
	if (c->fd.n && fputs("</ul>\n", f) == EOF)
		return -1;
	/* the changes, each linked */
	size_t nchanges = 0;
	for (size_t i = 0; i < c->ps.n; i++)
		nchanges += is_change(c, i) != 0;
	if (fprintf(f,
	            "<nav class=\"changes\"><details open><summary><h%d "
	            "style=\"display:inline\">Changes (%zu)</h%d></summary>\n"
	            "<ol>\n",
	            h, nchanges, h) < 0)
		return -1;
	for (size_t i = 0; i < c->ps.n; i++) {
		const struct passage *p = &c->ps.v[i];
		if (!is_change(c, i))
			continue;
		if (fprintf(f,
		            "<li value=\"%zu\" class=\"k-%s\"><a "
		            "href=\"#%s%zu\"><span class=\"kind\">%s</span> "
		            "%s%s</a>: ",
		            i + 1, kinds[p->kind], pfx, i + 1,
		            kind_mark[p->kind], kinds[p->kind],
		            p->moved ? ", moved" : "") < 0 ||
		    put_quote(f, c, &c->al.blocks[c->ps.mem[p->m0]]) < 0 ||
		    fputs("</li>\n", f) == EOF)
			return -1;
	}
	if (fputs("</ol></details></nav>\n", f) == EOF)
		return -1;
	/* the passages */
	if (fprintf(f,
	            "<h%d>Passages</h%d>\n<div class=\"colhead\"><div>"
	            "official: ",
	            h, h) < 0 ||
	    esc_str(f, text_label(c->left->name)) < 0 ||
	    fputs("</div><div>rewrite: ", f) == EOF ||
	    esc_str(f, text_label(c->right->name)) < 0 ||
	    fputs("</div></div>\n", f) == EOF)
		return -1;
	for (size_t e = 0; e < c->ps.nent; e++)
		if (put_passage(f, c, e, pfx) < 0 || ferror(f))
			return -1;
	return 0;
}

static int
put_head(FILE *f, const char *a, const char *b)
{
	if (fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
	          "charset=\"utf-8\">\n<meta name=\"viewport\" "
	          "content=\"width=device-width, initial-scale=1\">\n"
	          "<meta name=\"generator\" content=\"redline " REDLINE_VERSION
	          "\">\n<title>",
	          f) == EOF ||
	    esc_str(f, a) < 0 || fputs(b ? " \u2194 " : "", f) == EOF ||
	    (b && esc_str(f, b) < 0) ||
	    fprintf(f,
	            " \u2014 redline</title>\n<style>\n%s%s</style>\n"
	            "</head>\n<body>\n",
	            css, css2) < 0)
		return -1;
	return 0;
}

static int
put_legend(FILE *f)
{
	return fputs("<ul class=\"legend\" aria-label=\"legend\">\n"
	             "<li class=\"k-verbatim\"><span class=\"kind\">=</span> "
	             "verbatim: kept word for word</li>\n"
	             "<li class=\"k-paraphrase\"><span class=\"kind\">~</span> "
	             "paraphrase: kept, reworded</li>\n"
	             "<li class=\"k-omission\"><span "
	             "class=\"kind\">&lt;</span> "
	             "omission: official text the rewrite dropped</li>\n"
	             "<li class=\"k-addition\"><span "
	             "class=\"kind\">&gt;</span> "
	             "addition: rewrite text with no source</li>\n"
	             "<li class=\"k-moved\"><span class=\"kind\">\u21c4</span> "
	             "moved: out of the official order</li>\n"
	             "<li><del>deleted words</del></li>\n"
	             "<li><ins>inserted words</ins></li>\n"
	             "<li><mark class=\"fact\">a finding's "
	             "words</mark></li>\n"
	             "</ul>\n",
	             f) == EOF
	               ? -1
	               : 0;
}

/* "Made by redline 0.1.0 on 2026-12-04." under the page's heading: the
 * day from SOURCE_DATE_EPOCH when set (for pages made again alike), else
 * today's, in UTC. */
static int
put_made(FILE *f)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	time_t now = time(NULL);
	struct tm tm;
	char day[32] = "";

	if (env && *env) {
		char *end;
		long long v = strtoll(env, &end, 10);
		if (*end == '\0' && v >= 0)
			now = (time_t)v;
	}
	if (now != (time_t)-1 && gmtime_r(&now, &tm))
		strftime(day, sizeof day, "%Y-%m-%d", &tm);
	return fprintf(f, "<p class=\"made\">Made by redline %s%s%s%s.</p>\n",
	               REDLINE_VERSION, day[0] ? " on <time>" : "", day,
	               day[0] ? "</time>" : "") < 0
	               ? -1
	               : 0;
}

static int
put_foot(FILE *f)
{
	if (fputs("<footer><p>Written by redline. Tab moves between the "
	          "links, Enter follows one.</p></footer>\n</body>\n</html>\n",
	          f) == EOF)
		return -1;
	return fflush(f) == EOF || ferror(f) ? -1 : 0;
}

int
export_html(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	(void)o;
	if (put_head(f, text_label(c->left->name), text_label(c->right->name)) <
	            0 ||
	    fputs("<header>\n<h1>What the rewrite kept, reworded, dropped "
	          "and added</h1>\n",
	          f) == EOF ||
	    put_made(f) < 0 || put_legend(f) < 0 ||
	    fputs("</header>\n<main>\n", f) == EOF ||
	    put_pair(f, c, "p", 2) < 0 || fputs("</main>\n", f) == EOF)
		return -1;
	return put_foot(f);
}

int
export_html_overview(const struct overview *ov, const size_t *order,
                     const struct export_opt *o, FILE *f)
{
	static const char *const kinds[] = {"verbatim", "paraphrase",
	                                    "omission"};
	static const char *const marks[] = {"=", "~", "-"};
	char pfx[32];

	(void)o;
	if (put_head(f, text_label(ov->official->name), NULL) < 0 ||
	    fputs("<header>\n<h1>One official text, several rewrites</h1>\n",
	          f) == EOF ||
	    put_made(f) < 0 ||
	    fputs(""
	          "<p>official: <cite>",
	          f) == EOF ||
	    esc_str(f, text_label(ov->official->name)) < 0 ||
	    fprintf(f, "</cite>, %zu word%s, %zu sentence%s</p>\n", ov->words,
	            export_plural(ov->words), ov->nsent,
	            export_plural(ov->nsent)) < 0 ||
	    put_legend(f) < 0 ||
	    fputs("</header>\n<main>\n<h2>Rewrites</h2>\n<div class=\"wide\">"
	          "<table class=\"rewrites\">\n<thead><tr><th>#</th>"
	          "<th>rewrite</th><th>words</th><th>verbatim</th>"
	          "<th>paraphrased</th><th>omitted</th><th>additions</th>"
	          "<th>addition words</th><th>findings</th></tr></thead>\n"
	          "<tbody>\n",
	          f) == EOF)
		return -1;
	for (size_t k = 0; k < ov->n; k++) {
		size_t j = order[k];
		const struct ov_rewrite *r = &ov->r[j];
		if (fprintf(f,
		            "<tr data-rewrite=\"%zu\"><td data-label=\"#\">%zu"
		            "</td><td data-label=\"rewrite\"><a "
		            "href=\"#r%zu\">",
		            j + 1, j + 1, j + 1) < 0 ||
		    esc_str(f, text_label(r->name)) < 0 ||
		    fprintf(f,
		            "</a></td><td data-label=\"words\">%zu</td><td "
		            "data-label=\"verbatim\">%zu (%d%%)</td><td "
		            "data-label=\"paraphrased\">%zu (%d%%)</td><td "
		            "data-label=\"omitted\">%zu (%d%%)</td><td "
		            "data-label=\"additions\">%zu</td><td "
		            "data-label=\"addition words\">%zu</td><td "
		            "data-label=\"findings\">%zu</td></tr>\n",
		            r->words, r->kept[BLK_VERBATIM],
		            psg_percent(r->kept[BLK_VERBATIM], ov->nsent),
		            r->kept[BLK_PARAPHRASE],
		            psg_percent(r->kept[BLK_PARAPHRASE], ov->nsent),
		            r->kept[BLK_OMISSION],
		            psg_percent(r->kept[BLK_OMISSION], ov->nsent),
		            r->additions, r->add_words, r->findings) < 0)
			return -1;
	}
	if (fputs("</tbody></table></div>\n<h2>Coverage</h2>\n<p>Each "
	          "official sentence, and what each rewrite (a column, "
	          "numbered as above) did with it: = verbatim, ~ "
	          "paraphrased, - omitted.  A cell links to the "
	          "passage.</p>\n<div class=\"wide\"><table "
	          "class=\"grid\">\n<thead><tr><th>#</th>",
	          f) == EOF)
		return -1;
	for (size_t j = 0; j < ov->n; j++)
		if (fprintf(f, "<th><a href=\"#r%zu\">%zu</a></th>", j + 1,
		            j + 1) < 0)
			return -1;
	if (fputs("<th>official sentence</th></tr></thead>\n<tbody>\n", f) ==
	    EOF)
		return -1;
	const struct cmp *c0 = &ov->r[0].cmp;
	for (size_t s = 0; s < ov->nsent; s++) {
		if (fprintf(f, "<tr><td>%zu</td>", s + 1) < 0)
			return -1;
		for (size_t j = 0; j < ov->n; j++) {
			unsigned kd = ov->kind[s * ov->n + j];
			int32_t blk = ov->block[s * ov->n + j];
			const struct cmp *c = &ov->r[j].cmp;
			snprintf(pfx, sizeof pfx, "r%zu-p", j + 1);
			if (fprintf(f, "<td data-kind=\"%s\" title=\"%s\">",
			            kinds[kd], kinds[kd]) < 0 ||
			    (blk >= 0 &&
			     (fputs("<a href=\"#", f) == EOF ||
			      put_id(f, c, stretch_of(c, (size_t)blk), pfx) <
			              0 ||
			      fprintf(f, "\">%s</a>", marks[kd]) < 0)) ||
			    (blk < 0 && fputs(marks[kd], f) == EOF) ||
			    fputs("</td>", f) == EOF)
				return -1;
		}
		if (fputs("<td class=\"s\">", f) == EOF ||
		    put_toks(f, c0->left, &c0->lt, c0->ls.v[s].t0,
		             c0->ls.v[s].t1, NULL) < 0 ||
		    fputs("</td></tr>\n", f) == EOF)
			return -1;
	}
	if (fputs("</tbody></table></div>\n", f) == EOF)
		return -1;
	for (size_t j = 0; j < ov->n; j++) {
		snprintf(pfx, sizeof pfx, "r%zu-p", j + 1);
		if (fprintf(f,
		            "<section class=\"pair\" id=\"r%zu\">\n<h2>%zu. ",
		            j + 1, j + 1) < 0 ||
		    esc_str(f, ov->r[j].name) < 0 ||
		    fputs("</h2>\n", f) == EOF ||
		    put_pair(f, &ov->r[j].cmp, pfx, 3) < 0 ||
		    fputs("</section>\n", f) == EOF)
			return -1;
	}
	if (fputs("</main>\n", f) == EOF)
		return -1;
	return put_foot(f);
}
