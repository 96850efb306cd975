/* summary.c - the overview of one official text against many rewrites, as
 * text (--export=summary); its JSON form is in json.c.
 *
 * Owns the text layout; every figure comes from overview.h.  The text
 * has the table (one row per rewrite, in the order asked) and the coverage
 * grid (one row per official sentence, one column per rewrite).
 */
#include <string.h>

#include "redline/export.h"
#include "redline/uni.h"

#define NAME_COLS 30    /* columns of the name in the table */
#define MARKS     "=~-" /* coverage marks: verbatim, paraphrase, omitted */

/* Write s[0..n) in at most cols terminal columns, cut at a cluster that
 * would not fit, and with pad set padded with spaces to exactly cols.
 * Control characters, invalid bytes and hidden characters are shown as
 * U+FFFD, tab and line breaks as a space (names and sentences come from
 * the inputs). */
static int
put_cell(FILE *f, const unsigned char *s, size_t n, int cols, int pad)
{
	size_t i = 0, len;
	int used = 0;
	char shown;

	while (i < n) {
		int w = uni_cell(s + i, n - i, &len, &shown);
		if (used + w > cols)
			break;
		/* a control, an invalid byte or a hidden character: U+FFFD,
		 * as every other export shows it */
		if (shown == '?' ? fputs("\xEF\xBF\xBD", f) == EOF
		    : shown      ? fputc(shown, f) == EOF
		                 : fwrite(s + i, 1, len, f) != len)
			return -1;
		used += w;
		i += len;
	}
	for (; pad && used < cols; used++)
		if (fputc(' ', f) == EOF)
			return -1;
	return 0;
}

/* The text of official sentence s, white space folded, in cols columns. */
static int
put_sentence(FILE *f, const struct cmp *c, size_t s, int cols)
{
	char buf[512];
	size_t n = 0;

	for (uint32_t t = c->ls.v[s].t0; t < c->ls.v[s].t1 && n < sizeof buf;
	     t++) {
		const struct tok *k = &c->lt.v[t];
		if (t > c->ls.v[s].t0 && (k->space || k->nl) && n < sizeof buf)
			buf[n++] = ' ';
		size_t len =
		        k->slen < sizeof buf - n ? k->slen : sizeof buf - n;
		memcpy(buf + n, c->left->buf + k->off, len);
		n += len;
	}
	return put_cell(f, (const unsigned char *)buf, n, cols, 0);
}

/* The rewrites in a width too narrow for the table's row (TABLE_MIN): a
 * line with the number and name, then one short line a figure. */
static int
put_narrow(const struct overview *ov, const size_t *order, int width, FILE *f)
{
	static const char *const label[] = {"verbatim", "paraphr.", "omitted"};
	static const int kinds[] = {BLK_VERBATIM, BLK_PARAPHRASE, BLK_OMISSION};

	int numw = 3; /* more past 999 rewrites */
	for (size_t n = ov->n; n >= 1000; n /= 10)
		numw++;
	for (size_t k = 0; k < ov->n; k++) {
		const struct ov_rewrite *r = &ov->r[order[k]];
		if (fprintf(f, "%*zu ", numw, order[k] + 1) < 0 ||
		    put_cell(f, (const unsigned char *)r->name, strlen(r->name),
		             width - numw - 1, 0) < 0 ||
		    fprintf(f, "\n    words %zu\n", r->words) < 0)
			return -1;
		for (int i = 0; i < 3; i++)
			if (fprintf(f, "    %s %zu %d%%\n", label[i],
			            r->kept[kinds[i]],
			            psg_percent(r->kept[kinds[i]], ov->nsent)) <
			    0)
				return -1;
		if (fprintf(f, "    additions %zu %zuw\n    findings %zu\n",
		            r->additions, r->add_words, r->findings) < 0)
			return -1;
	}
	return 0;
}

/* The coverage grid's columns for rewrites [j0, j1): their numbers down
 * the columns, then a row per official sentence, with its text where at
 * least 10 columns are left for it in width. */
static int
put_grid(const struct overview *ov, const struct export_opt *o,
         const struct cmp *c0, size_t j0, size_t j1, int width, FILE *f)
{
	/* the numbers one digit a row from the highest, so that past nine
	 * rewrites no column is ambiguous */
	size_t top = 1;
	while (top * 10 <= j1)
		top *= 10;
	for (size_t p = top; p; p /= 10) {
		if (fputs("    ", f) == EOF)
			return -1;
		for (size_t j = j0; j < j1; j++) {
			size_t num = j + 1;
			int ch = num >= p || p == 1 ? '0' + (int)(num / p % 10)
			                            : ' ';
			if (fputc(ch, f) == EOF)
				return -1;
		}
		if (fputc('\n', f) == EOF)
			return -1;
	}
	int text_cols = width - 6 - (int)(j1 - j0);
	for (size_t s = 0; s < ov->nsent; s++) {
		if (fprintf(f, "%3zu ", s + 1) < 0)
			return -1;
		for (size_t j = j0; j < j1; j++) {
			unsigned k = ov->kind[s * ov->n + j];
			const char *sgr = export_kind_sgr(k);
			if (export_sgr(f, o, *sgr ? sgr : SGR_INS) < 0 ||
			    fputc(MARKS[k], f) == EOF ||
			    export_sgr(f, o, "") < 0)
				return -1;
		}
		if ((text_cols >= 10 &&
		     (fputs("  ", f) == EOF ||
		      put_sentence(f, c0, s, text_cols) < 0)) ||
		    fputc('\n', f) == EOF)
			return -1;
	}
	return 0;
}

/* Columns of the table's row with the shortest name column. */
#define TABLE_MIN (12 + 63)

int
export_summary(const struct overview *ov, const size_t *order,
               const struct export_opt *o, FILE *f)
{
	const struct cmp *c0 = &ov->r[0].cmp;
	int width = o->width >= 20 ? o->width : 80;

	/* the rewrites' numbers take 3 columns, more past 999 rewrites */
	int numw = 3;
	for (size_t n = ov->n; n >= 1000; n /= 10)
		numw++;
	int namew = width - 63 - (numw - 3); /* the rest of a row: 63 */

	if (namew < 12)
		namew = 12;
	if (namew > 48)
		namew = 48;
	const char *name = ov->official->name;
	char tail[96];
	snprintf(tail, sizeof tail, ", %zu word%s, %zu sentence%s", ov->words,
	         export_plural(ov->words), ov->nsent, export_plural(ov->nsent));
	int room = width - 10 - (int)strlen(tail);
	if (room < 8) /* the figures on a line of their own */
		snprintf(tail, sizeof tail, "\n  %zu word%s\n  %zu sentence%s",
		         ov->words, export_plural(ov->words), ov->nsent,
		         export_plural(ov->nsent));
	if (fputs("official: ", f) == EOF ||
	    put_cell(f, (const unsigned char *)name, strlen(name),
	             room < 8 ? width - 10 : room, 0) < 0 ||
	    fprintf(f, "%s\n\n", tail) < 0)
		return -1;
	if (width < TABLE_MIN) {
		if (put_narrow(ov, order, width, f) < 0)
			return -1;
		goto grid;
	}
	if (fprintf(f, "%*s %-*s %6s %9s %9s %9s %12s %8s\n", numw, "#", namew,
	            "rewrite", "words", "verbatim", "paraphr.", "omitted",
	            "additions", "findings") < 0)
		return -1;
	for (size_t k = 0; k < ov->n; k++) {
		const struct ov_rewrite *r = &ov->r[order[k]];
		if (fprintf(f, "%*zu ", numw, order[k] + 1) < 0 ||
		    put_cell(f, (const unsigned char *)r->name, strlen(r->name),
		             namew, 1) < 0 ||
		    fprintf(f,
		            " %6zu %4zu %3d%% %4zu %3d%% %4zu %3d%% %4zu %6zuw "
		            "%8zu\n",
		            r->words, r->kept[BLK_VERBATIM],
		            psg_percent(r->kept[BLK_VERBATIM], ov->nsent),
		            r->kept[BLK_PARAPHRASE],
		            psg_percent(r->kept[BLK_PARAPHRASE], ov->nsent),
		            r->kept[BLK_OMISSION],
		            psg_percent(r->kept[BLK_OMISSION], ov->nsent),
		            r->additions, r->add_words, r->findings) < 0)
			return -1;
	}
grid:;
	/* the legend (MARKS) in one line where it fits, else in two, else in
	 * short ones */
	static const char *const legend[] = {
	        "\ncoverage: = verbatim, ~ paraphrased, - omitted; one column "
	        "per rewrite, numbered as above\n\n",
	        "\ncoverage: = verbatim, ~ paraphrased, - omitted;\none column "
	        "per rewrite, numbered as above\n\n",
	        "\ncoverage:\n  = verbatim\n  ~ paraphrased\n  - omitted\n"
	        "one column per\nrewrite, numbered\nas above\n\n"};
	if (fputs(legend[width >= 89 ? 0 : width >= 47 ? 1 : 2], f) == EOF)
		return -1;
	/* as many rewrites' columns as fit beside the sentence numbers; more
	 * rewrites than that: the grid in bands, each for the next ones */
	size_t band = width - 4 > 0 ? (size_t)(width - 4) : 1;
	for (size_t j0 = 0; j0 < ov->n; j0 += band) {
		size_t j1 = ov->n - j0 > band ? j0 + band : ov->n;
		if (band < ov->n && fprintf(f, "%srewrites %zu to %zu:\n",
		                            j0 ? "\n" : "", j0 + 1, j1) < 0)
			return -1;
		if (put_grid(ov, o, c0, j0, j1, width, f) < 0)
			return -1;
	}
	return fflush(f) == EOF || ferror(f) ? -1 : 0;
}
