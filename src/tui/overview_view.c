/* overview_view.c - the viewer for one official text and many rewrites.
 *
 * Owns two screens over one overview.h model: the table (a row per
 * rewrite, sortable by any column) and the coverage grid (official
 * sentences down, a narrow column per rewrite, the cell under the cursor's
 * rewrite text below).  Enter opens the pair viewer (pairview.c) for a rewrite;
 * q or Esc there comes back here, where the user was.  Text from the inputs
 * reaches the screen only through put_clipped, which shows control
 * characters as '?'.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/export.h"
#include "redline/overview.h"
#include "redline/uni.h"
#include "pairview.h"
#include "prompt.h"

#define MARKS "=~-" /* verbatim, paraphrase, omitted, as in the summary */
#define PANEL 5     /* rows of the coverage view's bottom panel */

enum { MODE_TABLE, MODE_COVERAGE };

struct oview {
	const struct overview *ov;
	const struct tui_opt *opt;
	size_t *order; /* rewrites in table order */
	enum ov_key key;
	int reverse;
	int mode;
	size_t row;    /* table: selected position in order */
	size_t s, col; /* coverage: sentence, and position in order */
	size_t top;    /* coverage: first sentence shown */
	char msg[256];
};

static const char *const titles[OV_NKEYS] = {"#",         "rewrite",  "words",
                                             "verbatim",  "paraphr.", "omitted",
                                             "additions", "findings"};

static const char *const help_text[] = {
        "redline - overview keys",
        "",
        "  j k  Down Up            next / previous row",
        "  h l  Left Right         previous / next rewrite (coverage)",
        "  Space PgDn   b PgUp     one screen down / up",
        "  g Home  G End           first / last row",
        "  1 to 8                  sort the table by that column (again:",
        "                          the other way): # rewrite words verbatim",
        "                          paraphr. omitted additions findings",
        "                          (findings: the most serious first, a",
        "                          negation above any number of new facts)",
        "  Tab                     table / coverage grid",
        "  Enter                   open the pair viewer for the rewrite",
        "                          (q or Esc there comes back here)",
        "  e                       export to a file, as --export writes",
        "                          several rewrites: the summary (.txt),",
        "                          .text .json .plain .wdiff .stats .html",
        "                          (Tab completes a file name)",
        "  ? h                     this help (in the coverage grid: ?)",
        "  Esc                     back to the table (from the grid)",
        "  q                       quit",
        "",
        "Coverage: = verbatim  ~ paraphrased  - omitted, one column per",
        "rewrite in table order; the rewrite's version of the sentence",
        "under the cursor is shown below the grid.",
        "",
        "Press any key to go back.",
};

/* Draw s[0..n) at (y, x) in at most cols columns, each cluster as uni_cell
 * shows it (no control byte reaches the terminal).  Returns the columns
 * used. */
static int
put_clipped(int y, int x, const unsigned char *s, size_t n, int cols)
{
	size_t i = 0, len;
	int used = 0;
	char shown;

	move(y, x);
	while (i < n) {
		int w = uni_cell(s + i, n - i, &len, &shown);
		if (used + w > cols)
			break;
		if (shown == '?') /* U+FFFD, as everywhere else */
			addstr("\xEF\xBF\xBD");
		else if (shown)
			addch((chtype)shown);
		else
			addnstr((const char *)s + i, (int)len);
		used += w;
		i += len;
	}
	return used;
}

static int
text_rows(void)
{
	return LINES > 2 ? LINES - 2 : 1;
}

static void
status(struct oview *v, const char *hint)
{
	char left[400];

	if (v->msg[0])
		snprintf(left, sizeof left, "%s", v->msg);
	else
		snprintf(left, sizeof left, "%s  sorted by %s%s  %s",
		         v->mode == MODE_TABLE ? "table" : "coverage",
		         titles[v->key], v->reverse ? " (reversed)" : "", hint);
	attrset(A_REVERSE | (tui_color() ? COLOR_PAIR(PAIR_STATUS) : 0));
	move(LINES - 2, 0);
	for (int x = 0; x < COLS; x++)
		addch(' ');
	mvaddnstr(LINES - 2, 0, left, COLS);
	attrset(A_NORMAL);
	move(LINES - 1, 0);
	clrtoeol();
}

/* Draw lines of s[0..n) word-wrapped at spaces into cols columns from
 * (y, x), at most rows lines; a word wider than cols is cut.  Returns the
 * lines used. */
static int
put_wrapped(int y, int x, const unsigned char *s, size_t n, int cols, int rows)
{
	int used = 0;

	while (n && used < rows) {
		int w;
		size_t fit = uni_fit(s, n, cols, &w), take = fit, skip = 0;
		if (fit == 0)
			break; /* a cell wider than the column */
		if (fit < n) {
			/* back to the last space that fits, if any */
			size_t k = fit;
			while (k > 0 && s[k] != ' ' && s[k] != '\n')
				k--;
			if (k > 0) {
				take = k;
				skip = 1;
			}
		}
		put_clipped(y + used, x, s, take, cols);
		s += take + skip;
		n -= take + skip;
		while (n && (*s == ' ' || *s == '\n')) {
			s++;
			n--;
		}
		used++;
	}
	return used;
}

/* Bytes of the longest start of s that fits in cols columns, at a
 * character boundary. */
static size_t
fit_bytes(const char *s, int cols)
{
	int w;
	return uni_fit((const unsigned char *)s, strlen(s), cols, &w);
}

/* Rewrite j's name in at most cols columns, into out: as it is when it
 * fits; cut, when the cut start is its own; else its start, "..." and the
 * part from where it parts from the names it shares that start with. */
static void
table_name(const struct overview *ov, size_t j, int cols, char *out,
           size_t size)
{
	const char *name = ov->r[j].name;
	size_t common = 0, n = strlen(name), cut = fit_bytes(name, cols);

	for (size_t k = 0; k < ov->n; k++) {
		const char *o = ov->r[k].name;
		size_t c = 0;
		if (k == j)
			continue;
		while (name[c] && name[c] == o[c])
			c++;
		if (c > common)
			common = c;
	}
	if (cut == n || cut > common || cols < 12) {
		snprintf(out, size, "%.*s", (int)cut, name);
		return;
	}
	while (common > 0 && ((unsigned char)name[common] & 0xC0) == 0x80)
		common--; /* not in the middle of a character */
	int head = cols / 2 - 2;
	size_t h = fit_bytes(name, head);
	size_t t = fit_bytes(name + common, cols - head - 3);
	snprintf(out, size, "%.*s...%.*s", (int)h, name, (int)t, name + common);
}

static void
draw_table(struct oview *v)
{
	const struct overview *ov = v->ov;
	/* under 100 columns the percentages go, for the names' sake */
	int compact = COLS < 100, h = text_rows();
	int namew = COLS - (compact ? 37 : 62);
	static const int wide_w[OV_NKEYS] = {4, 0, 9, 9, 9, 9, 12, 9};
	static const int narrow_w[OV_NKEYS] = {4, 0, 7, 5, 5, 5, 5, 6};
	static const char *const narrow_t[OV_NKEYS] = {
	        "#", "rewrite", "words", "verb", "para", "omit", "add", "find"};
	char line[256];

	if (namew < 10)
		namew = 10;
	snprintf(line, sizeof line,
	         "official: %s, %zu word%s, %zu sentence%s, %zu rewrites",
	         text_label(ov->official->name), ov->words,
	         export_plural(ov->words), ov->nsent, export_plural(ov->nsent),
	         ov->n);
	attrset(A_BOLD);
	put_clipped(0, 0, (const unsigned char *)line, strlen(line), COLS);
	/* column titles, the sorted one marked */
	int x = 0;
	for (int k = 0; k < OV_NKEYS; k++) {
		int w = k == OV_BY_NAME ? namew + 1
		                        : (compact ? narrow_w : wide_w)[k];
		const char *mark =
		        (int)v->key == k ? (v->reverse ? "^" : "v") : "";
		if (compact)
			snprintf(line, sizeof line, "%s%s", narrow_t[k], mark);
		else
			snprintf(line, sizeof line, "%d:%s%s", k + 1, titles[k],
			         mark);
		/* a title is never cut mid-word: without its key number, then
		 * without the sort mark, when it does not fit */
		if (k != OV_BY_NAME && (int)strlen(line) > w - 1)
			snprintf(line, sizeof line, "%s%s",
			         compact ? narrow_t[k] : titles[k], mark);
		if (k != OV_BY_NAME && (int)strlen(line) > w - 1)
			snprintf(line, sizeof line, "%s",
			         compact ? narrow_t[k] : titles[k]);
		attrset((int)v->key == k ? A_BOLD | A_UNDERLINE : A_BOLD);
		if (x < COLS)
			put_clipped(1, x, (const unsigned char *)line,
			            strlen(line), w - 1);
		x += w;
	}
	attrset(A_NORMAL);
	size_t shown = 0;
	for (size_t i = 0; i < ov->n && (int)i + 2 < h; i++, shown++) {
		const struct ov_rewrite *r = &ov->r[v->order[i]];
		int y = (int)i + 2;
		char name[512];
		attrset(i == v->row ? A_REVERSE : A_NORMAL);
		move(y, 0);
		for (int k = 0; k < COLS; k++)
			addch(' ');
		snprintf(line, sizeof line, "%3zu", v->order[i] + 1);
		mvaddstr(y, 0, line);
		table_name(ov, v->order[i], namew, name, sizeof name);
		put_clipped(y, 4, (const unsigned char *)name, strlen(name),
		            namew);
		size_t ns = ov->nsent ? ov->nsent : 1;
		if (compact)
			snprintf(line, sizeof line,
			         "%6zu %4zu %4zu %4zu %4zu %5zu", r->words,
			         r->kept[BLK_VERBATIM], r->kept[BLK_PARAPHRASE],
			         r->kept[BLK_OMISSION], r->additions,
			         r->findings);
		else
			snprintf(line, sizeof line,
			         "%8zu %4zu %3d%% %4zu %3d%% %4zu %3d%% %4zu "
			         "%6zuw %6zu",
			         r->words, r->kept[BLK_VERBATIM],
			         psg_percent(r->kept[BLK_VERBATIM], ns),
			         r->kept[BLK_PARAPHRASE],
			         psg_percent(r->kept[BLK_PARAPHRASE], ns),
			         r->kept[BLK_OMISSION],
			         psg_percent(r->kept[BLK_OMISSION], ns),
			         r->additions, r->add_words, r->findings);
		if (4 + namew + 1 < COLS)
			mvaddnstr(y, 4 + namew, line, COLS - 4 - namew);
	}
	attrset(A_NORMAL);
	/* what the counts count, under the table */
	snprintf(line, sizeof line,
	         "verbatim, paraphrased, omitted: official sentences (of %zu); "
	         "the pair view counts passages. Additions: rewrite passages.",
	         ov->nsent);
	if ((int)shown + 3 < h)
		put_wrapped((int)shown + 3, 0, (const unsigned char *)line,
		            strlen(line), COLS, h - (int)shown - 3);
	status(v, "Enter:open  Tab:coverage  1-8:sort  e:export  ?:help");
}

static attr_t
mark_attr(unsigned kind)
{
	if (!tui_color())
		return kind == BLK_OMISSION ? A_BOLD : A_NORMAL;
	return kind == BLK_OMISSION     ? COLOR_PAIR(1) | A_BOLD
	       : kind == BLK_PARAPHRASE ? COLOR_PAIR(5)
	                                : COLOR_PAIR(2);
}

static void
draw_coverage(struct oview *v)
{
	const struct overview *ov = v->ov;
	const struct cmp *c0 = &ov->r[0].cmp;
	int h = text_rows() - PANEL - 1, marks = (int)ov->n;
	int tx = 5 + marks + 2;
	char line[64];

	if (h < 1)
		h = 1;
	if (v->s < v->top)
		v->top = v->s;
	if (v->s >= v->top + (size_t)h)
		v->top = v->s - (size_t)h + 1;
	attrset(A_BOLD);
	mvaddstr(0, 0, "   #");
	for (int j = 0; j < marks; j++) {
		snprintf(line, sizeof line, "%zu", (v->order[j] + 1) % 10);
		mvaddstr(0, 5 + j, line);
	}
	if (tx < COLS)
		mvaddnstr(0, tx, "official sentence", COLS - tx);
	attrset(A_NORMAL);
	for (int y = 1; y <= h && v->top + (size_t)y - 1 < ov->nsent; y++) {
		size_t s = v->top + (size_t)y - 1;
		snprintf(line, sizeof line, "%4zu", s + 1);
		mvaddstr(y, 0, line);
		for (int j = 0; j < marks; j++) {
			unsigned k = ov->kind[s * ov->n + v->order[j]];
			attr_t at = mark_attr(k);
			if (s == v->s && (size_t)j == v->col)
				at |= A_REVERSE;
			attrset(at);
			mvaddch(y, 5 + j, (chtype)MARKS[k]);
		}
		attrset(s == v->s ? A_BOLD : A_NORMAL);
		if (tx < COLS) {
			const struct seg *g = &c0->ls.v[s];
			size_t b0 = c0->lt.v[g->t0].off;
			size_t b1 = tok_end(&c0->lt, g->t1 - 1);
			put_clipped(y, tx, c0->left->buf + b0, b1 - b0,
			            COLS - tx);
		}
		attrset(A_NORMAL);
	}
	/* the panel: this rewrite's version of the sentence */
	size_t j = v->order[v->col];
	const struct ov_rewrite *r = &ov->r[j];
	uint32_t t0, t1;
	unsigned k = ov->kind[v->s * ov->n + j];
	int py = h + 1;
	mvhline_set(py, 0, WACS_HLINE, COLS);
	snprintf(line, sizeof line, " %zu ", j + 1);
	attrset(A_BOLD);
	mvaddstr(py, 1, line);
	int used = put_clipped(py, 1 + (int)strlen(line),
	                       (const unsigned char *)r->name, strlen(r->name),
	                       COLS / 2);
	attrset(mark_attr(k));
	snprintf(line, sizeof line, "  sentence %zu: %s", v->s + 1,
	         k == BLK_VERBATIM     ? "verbatim"
	         : k == BLK_PARAPHRASE ? "paraphrased"
	                               : "omitted");
	mvaddnstr(py, 2 + 4 + used, line, COLS - 6 - used);
	attrset(A_NORMAL);
	ov_version(ov, v->s, j, &t0, &t1);
	if (t0 < t1) {
		const struct cmp *c = &r->cmp;
		size_t b0 = c->rt.v[t0].off;
		size_t b1 = tok_end(&c->rt, t1 - 1);
		const unsigned char *p = r->text->buf + b0;
		size_t n = b1 - b0;
		/* wrapped at word boundaries over the panel's rows */
		put_wrapped(py + 1, 1, p, n, COLS - 2, PANEL);
	} else {
		mvaddnstr(py + 1, 1, "(not in this rewrite)", COLS - 2);
	}
	status(v, "Enter:open  Tab:table  h/l j/k:move  ?:help");
}

static void
draw(struct oview *v)
{
	erase();
	if (COLS < 30 || LINES < 6)
		mvaddnstr(0, 0, "terminal too small", COLS);
	else if (v->mode == MODE_TABLE)
		draw_table(v);
	else
		draw_coverage(v);
	refresh();
}

static void
resort(struct oview *v, enum ov_key key)
{
	size_t sel = v->order[v->row], cur = v->order[v->col];

	v->reverse = key == v->key ? !v->reverse : 0;
	v->key = key;
	ov_sort(v->ov, key, v->reverse, v->order);
	for (size_t i = 0; i < v->ov->n; i++) {
		if (v->order[i] == sel)
			v->row = i;
		if (v->order[i] == cur)
			v->col = i;
	}
}

/* The overview under a prompt (prompt.h's tui_under): drawn again at the
 * terminal's size.  Always 0: drawing needs no memory. */
static int
redraw_overview(void *arg)
{
	draw(arg);
	return 0;
}

/* The overview's export, for the export dialog. */
static int
write_overview(void *arg, const char *path, const char *format, char *msg,
               size_t msglen)
{
	const struct oview *v = arg;
	return v->opt->export_overview(v->ov, path, format, msg, msglen);
}

/* The e key: the export dialog of the pair viewer (prompt.h), with the
 * formats of several rewrites, the summary first.  0, or -1 when memory
 * ran out. */
static int
export_overview(struct oview *v)
{
	static const char *const formats[] = {"summary", "text",  "json",
	                                      "plain",   "wdiff", "stats",
	                                      "html",    NULL};
	const struct overview *ov = v->ov;
	struct tui_under u = {redraw_overview, v};
	const struct text **inputs = NULL;
	char def[256];
	int rc;

	if (!v->opt->export_overview) {
		snprintf(v->msg, sizeof v->msg, "export is not available");
		return 0;
	}
	struct tui_export x = {
	        def, formats, v->opt->inputs, v->opt->ninputs, write_overview,
	        v};
	if (!x.inputs) { /* the texts of the overview */
		inputs = calloc(ov->n + 1, sizeof *inputs);
		if (!inputs)
			return -1;
		inputs[0] = ov->official;
		for (size_t j = 0; j < ov->n; j++)
			inputs[j + 1] = ov->r[j].text;
		x.inputs = inputs;
		x.ninputs = ov->n + 1;
	}
	/* the official text's name, "-overview.txt" for its extension */
	tui_propose(ov->official->name, "redline", "-overview.txt", def,
	            sizeof def);
	rc = tui_export_dialog(&u, &x, v->msg, sizeof v->msg);
	free(inputs);
	return rc;
}

/* Move a position by delta within [0, n). */
static size_t
step(size_t at, long delta, size_t n)
{
	long p = (long)at + delta;
	if (p < 0)
		p = 0;
	if (n && p > (long)n - 1)
		p = (long)n - 1;
	return (size_t)p;
}

/* One key; returns 1 to quit, -1 on error, 0 to go on. */
static int
key(struct oview *v, int ch)
{
	const struct overview *ov = v->ov;
	int table = v->mode == MODE_TABLE;
	size_t rows = table ? ov->n : ov->nsent;
	size_t *at = table ? &v->row : &v->s;
	long page = text_rows() - (table ? 3 : PANEL + 2);

	if (page < 1)
		page = 1;
	switch (ch) {
	case 'q':
		return 1;
	case 27: /* Esc cancels: the grid goes back to the table */
		if (!table) {
			v->mode = MODE_TABLE;
			v->row = v->col;
		} else {
			snprintf(v->msg, sizeof v->msg,
			         "nothing to cancel: q quits");
		}
		break;
	case 'j':
	case KEY_DOWN:
		*at = step(*at, 1, rows);
		break;
	case 'k':
	case KEY_UP:
		*at = step(*at, -1, rows);
		break;
	case ' ':
	case KEY_NPAGE:
		*at = step(*at, page, rows);
		break;
	case 'b':
	case KEY_PPAGE:
		*at = step(*at, -page, rows);
		break;
	case 'g':
	case KEY_HOME:
		*at = 0;
		break;
	case 'G':
	case KEY_END:
		*at = rows ? rows - 1 : 0;
		break;
	case 'l':
	case KEY_RIGHT:
		v->col = step(v->col, 1, ov->n);
		break;
	case 'h':
	case KEY_LEFT:
		if (table) {
			tui_help(help_text,
			         sizeof help_text / sizeof *help_text);
		} else {
			v->col = step(v->col, -1, ov->n);
		}
		break;
	case '\t':
		v->mode = table ? MODE_COVERAGE : MODE_TABLE;
		if (v->mode == MODE_COVERAGE)
			v->col = v->row;
		else
			v->row = v->col;
		break;
	case '\n':
	case KEY_ENTER: {
		size_t j = v->order[table ? v->row : v->col];
		long blk = table ? -1 : ov->block[v->s * ov->n + j];
		if (tui_pair(&ov->r[j].cmp, v->opt, blk, 1) < 0)
			return -1;
		break;
	}
	case '?':
		tui_help(help_text, sizeof help_text / sizeof *help_text);
		break;
	case 'e':
		if (export_overview(v) < 0)
			return -1;
		break;
	case KEY_RESIZE:
	case 'l' & 0x1f:
		clearok(stdscr, TRUE);
		break;
	case KEY_MOUSE: { /* the pair viewer's; nothing to do here */
		MEVENT ev;
		getmouse(&ev);
		break;
	}
	default:
		if (ch >= '1' && ch < '1' + OV_NKEYS)
			resort(v, (enum ov_key)(ch - '1'));
		else
			snprintf(v->msg, sizeof v->msg,
			         "unknown key: press ? for help");
		break;
	}
	return 0;
}

int
tui_overview(const struct overview *ov, const struct tui_opt *o,
             const char **why)
{
	struct oview v;
	int rc = TUI_DONE;

	memset(&v, 0, sizeof v);
	v.ov = ov;
	v.opt = o;
	v.order = calloc(ov->n + 1, sizeof *v.order);
	if (!v.order) {
		*why = "out of memory";
		return TUI_FAILED;
	}
	ov_sort(ov, OV_BY_INPUT, 0, v.order);
	if (tui_screen_open(o, why) < 0) {
		free(v.order);
		return TUI_NO_TERMINAL;
	}
	draw(&v);
	while (!tui_signalled()) {
		int ch = getch();
		if (ch == ERR)
			continue;
		v.msg[0] = '\0';
		int r = key(&v, ch);
		if (r < 0) {
			rc = TUI_FAILED;
			break;
		}
		if (r > 0)
			break;
		draw(&v);
	}
	free(v.order);
	tui_screen_close();
	if (rc == TUI_FAILED)
		*why = "out of memory";
	return rc;
}
