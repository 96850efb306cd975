/* export.h - writing the comparison model out as text.
 *
 * Every exporter reads the same model (compare.h) and writes to a stdio
 * stream; none opens files, prints errors or exits.  Each returns 0, or -1
 * when writing failed (check errno) or memory ran out.
 */
#ifndef REDLINE_EXPORT_H
#define REDLINE_EXPORT_H

#include <stdio.h>

#include "redline/compare.h"
#include "redline/overview.h"

struct export_opt {
	int width;   /* total columns for column formats (plain) and the text
	                report's lines; >= 20, or 0 for the text report not
	                to wrap (the column formats then take 80) */
	int visible; /* show control characters as symbols (output is a tty) */
	int color;   /* colour the text, plain, wdiff and summary exports with
	                ANSI SGR sequences, in the viewer's colours */
	int tint;    /* with color: 0 the eight basic colours in the
	                foreground; 1 the viewer's tints (palette.h) as
	                256-colour entries; 2 as direct colour */
	int theme;   /* the tints' theme: enum palette_theme */
	int context; /* the text report: 1 prints an unchanged passage's
	                official, rewrite and changes lines, as for any other;
	                0 prints it once */
};

/* The SGR parameters of each thing coloured, the viewer's colours: deleted
 * words and omissions red, inserted words and additions green, new and
 * changed facts magenta (bold, underlined), paraphrases yellow, moves
 * blue. */
#define SGR_DEL   "31"
#define SGR_INS   "32"
#define SGR_FACT  "1;4;35"
#define SGR_PARA  "33"
#define SGR_OMIT  "1;31"
#define SGR_ADD   "1;32"
#define SGR_MOVED "1;34"

/* With o->color set, write the SGR sequence ESC [ sgr m (sgr "" resets
 * every attribute); without it, nothing.  With o->tint, one of the SGR_
 * sequences above is written as the viewer's tint for it instead (the
 * theme's foreground on the tint, its bold and underline kept).  0, or -1
 * on a write error. */
int export_sgr(FILE *f, const struct export_opt *o, const char *sgr);

/* The SGR parameters of a block of kind k (enum blk_kind): SGR_OMIT,
 * SGR_ADD, SGR_PARA, or "" for verbatim. */
const char *export_kind_sgr(unsigned k);

/* Inline word diff in wdiff's notation: [-deleted-] {+inserted+}, with the
 * rewrite's white space around kept words. */
int export_wdiff(const struct cmp *c, const struct export_opt *o, FILE *f);

/* Two columns, official left and rewrite right, word-wrapped to o->width,
 * one aligned chunk per paragraph, with a gutter mark like sdiff(1):
 * ' ' same, '|' changed, '<' only left, '>' only right.  Inside the columns
 * deleted words are [-marked-] and inserted ones {+marked+}.  Control
 * characters are always shown as symbols. */
int export_plain(const struct cmp *c, const struct export_opt *o, FILE *f);

/* Word counts per side: common, deleted, inserted, changed, with shares;
 * then passages per kind and how much of the official text was kept. */
int export_stats(const struct cmp *c, const struct export_opt *o, FILE *f);

/* The readable report: a summary, then every block in display order with
 * its kind, similarity, both texts, the word changes and the new facts. */
int export_report(const struct cmp *c, const struct export_opt *o, FILE *f);

/* The two summary lines of the alignment (passages per kind; share of the
 * official words kept verbatim, paraphrased, omitted), for --stats and the
 * report. */
int export_kinds_summary(const struct cmp *c, FILE *f);

/* The summary line of c's findings: "findings: 1 negation, 2 changed
 * values" (types most serious first; "findings: none").  0 or -1. */
int export_findings_summary(const struct cmp *c, FILE *f);

/* The JSON export, format "redline" version 3 (docs/json.md): the
 * passages, then the blocks. */
int export_json(const struct cmp *c, const struct export_opt *o, FILE *f);

/* The overview of several rewrites as text: the table, rewrites in the
 * order order[0..ov->n), then the coverage grid in o->width columns. */
int export_summary(const struct overview *ov, const size_t *order,
                   const struct export_opt *o, FILE *f);

/* The overview as JSON, format "redline-overview" version 3 (docs/json.md):
 * the official text, a row per rewrite, the coverage matrix, and each pair
 * as export_json writes it. */
int export_json_overview(const struct overview *ov, const struct export_opt *o,
                         FILE *f);

/* One self-contained HTML page of the pair (html.c): the counts, legend,
 * changes and facts, then every passage as an <article> with data-kind and
 * data-moved; no script, nothing loaded from elsewhere, every input text
 * escaped. */
int export_html(const struct cmp *c, const struct export_opt *o, FILE *f);

/* The overview as one HTML page: the table (rewrites in order[0..ov->n)),
 * the coverage grid, and each pair as export_html shows it, all linked. */
int export_html_overview(const struct overview *ov, const size_t *order,
                         const struct export_opt *o, FILE *f);

/* Write s (NUL-terminated) as a JSON string: quotes, backslashes, control
 * characters (C0, DEL, C1) and hidden characters (uni_hidden) escaped,
 * invalid UTF-8 as U+FFFD. */
int export_json_string(FILE *f, const char *s);

/* Write s[0..n) to f; with visible set, control characters become visible
 * symbols (U+2400 block, U+2421 for DEL, U+FFFD for invalid bytes and C1
 * controls) and tabs a space.  Hidden characters (uni_hidden) become
 * U+FFFD with visible set or not.  Returns 0 or -1 on a write error. */
int export_bytes(FILE *f, const unsigned char *s, size_t n, int visible);

/* Write the file name name on one line as visible text, whatever the
 * output: every control character (tab and line feed too) as its U+2400
 * picture, DEL U+2421, C1 controls, invalid bytes and hidden characters
 * U+FFFD.  Returns 0 or -1 on a write error. */
int export_name(FILE *f, const char *name);

/* Write tokens [t0, t1) of l (from text t) with each run of white space
 * between them folded to one space.  Returns 0 or -1 on a write error. */
int export_tokens(FILE *f, const struct text *t, const struct toklist *l,
                  uint32_t t0, uint32_t t1, int visible);

/* "s" after a count that is not 1 ("1 sentence", "2 sentences"). */
static inline const char *
export_plural(size_t n)
{
	return n == 1 ? "" : "s";
}

#endif
