/* pairview.c - the side-by-side viewer, on ncursesw.
 *
 * Owns the terminal while it runs: set up, draw, read keys and the mouse,
 * prompts, restore.  The screen is the rows of layout.h from `top` on, the
 * current passage (`cur`) marked by a bar, a status line, and a line for
 * messages and prompts.  Keys map to actions through one table.
 * Invariants: the terminal is restored on every way out (quit, fatal
 * signal, error); text from the inputs reaches the screen only through
 * layout.h, already made visible (file names and typed text are filtered
 * here); Esc at a prompt writes nothing; a resize under the help or a
 * prompt lays the screen out again.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include "tui.h"
#include "pairview.h"
#include "prompt.h"
#include "termquery.h"
#include "redline/palette.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "redline/layout.h"
#include "redline/uni.h"

enum action {
	ACT_NONE,
	ACT_QUIT,
	ACT_ESCAPE,
	ACT_DOWN,
	ACT_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_NEXT_CHANGE,
	ACT_PREV_CHANGE,
	ACT_NEXT_ADD,
	ACT_PREV_ADD,
	ACT_NEXT_OMIT,
	ACT_PREV_OMIT,
	ACT_NEXT_PARA,
	ACT_PREV_PARA,
	ACT_NEXT_FIND,
	ACT_PREV_FIND,
	ACT_FINDINGS,
	ACT_SEARCH,
	ACT_NEXT_MATCH,
	ACT_PREV_MATCH,
	ACT_HELP,
	ACT_MODE,
	ACT_SWAP,
	ACT_FOLD,
	ACT_NUMBERS,
	ACT_WRAP,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_COLUMN0,
	ACT_SIDE,
	ACT_EXPORT,
	ACT_MOUSE,
	ACT_REDRAW,
	ACT_RESIZE
};

static const struct binding {
	int key;
	enum action act;
} bindings[] = {
        {'q', ACT_QUIT},
        {27, ACT_ESCAPE},
        {'j', ACT_DOWN},
        {KEY_DOWN, ACT_DOWN},
        {'\n', ACT_DOWN},
        {'n' & 0x1f, ACT_DOWN},
        {'k', ACT_UP},
        {KEY_UP, ACT_UP},
        {'p' & 0x1f, ACT_UP},
        {' ', ACT_PAGE_DOWN},
        {KEY_NPAGE, ACT_PAGE_DOWN},
        {'f' & 0x1f, ACT_PAGE_DOWN},
        {'b', ACT_PAGE_UP},
        {KEY_PPAGE, ACT_PAGE_UP},
        {'b' & 0x1f, ACT_PAGE_UP},
        {'d', ACT_HALF_DOWN},
        {'d' & 0x1f, ACT_HALF_DOWN},
        {'u', ACT_HALF_UP},
        {'u' & 0x1f, ACT_HALF_UP},
        {'g', ACT_TOP},
        {KEY_HOME, ACT_TOP},
        {'G', ACT_BOTTOM},
        {KEY_END, ACT_BOTTOM},
        {']', ACT_NEXT_CHANGE},
        {'\t', ACT_NEXT_CHANGE},
        {'[', ACT_PREV_CHANGE},
        {KEY_BTAB, ACT_PREV_CHANGE},
        {'a', ACT_NEXT_ADD},
        {'A', ACT_PREV_ADD},
        {'o', ACT_NEXT_OMIT},
        {'O', ACT_PREV_OMIT},
        {'p', ACT_NEXT_PARA},
        {'P', ACT_PREV_PARA},
        {'f', ACT_PAGE_DOWN},
        {'x', ACT_NEXT_FIND},
        {'X', ACT_PREV_FIND},
        {'L', ACT_FINDINGS},
        {'/', ACT_SEARCH},
        {'n', ACT_NEXT_MATCH},
        {'N', ACT_PREV_MATCH},
        {'?', ACT_HELP},
        {'h', ACT_HELP},
        {'m', ACT_MODE},
        {'s', ACT_SWAP},
        {'c', ACT_FOLD},
        {'#', ACT_NUMBERS},
        {'w', ACT_WRAP},
        {KEY_LEFT, ACT_LEFT},
        {KEY_RIGHT, ACT_RIGHT},
        {'0', ACT_COLUMN0},
        {'^', ACT_COLUMN0},
        {'v', ACT_SIDE},
        {'e', ACT_EXPORT},
        {'M', ACT_MOUSE},
        {'l' & 0x1f, ACT_REDRAW},
        {KEY_RESIZE, ACT_RESIZE},
};

/* The help screen; the same keys as docs/viewer.md, the README's key
 * table and the man page. */
static const char *const help_text[] = {
        "redline - keys",
        "",
        "  j k  Down Up  Enter     scroll one row (Ctrl-N Ctrl-P too)",
        "  Space PgDn f  b PgUp    scroll one screen (Ctrl-F Ctrl-B too)",
        "  d u  Ctrl-D Ctrl-U      scroll half a screen",
        "  g Home  G End           first / last row",
        "  ] [   Tab Shift-Tab     next / previous changed passage (]c [c",
        "                          as in vim: the c is part of the jump)",
        "  a A                     next / previous addition",
        "  o O                     next / previous omission",
        "  p P                     next / previous paraphrase",
        "  x X                     next / previous passage with a finding",
        "  L                       the list of findings, most serious",
        "                          first: Enter goes to its passage",
        "  /                       search forward (case, ' and \u2019, NFC",
        "                          fold as in the comparison; a count)",
        "  n N                     next / previous match",
        "  m                       aligned passages / raw word diff",
        "  s                       order rows by the official / the rewrite",
        "  c                       changes only: unchanged passages one row",
        "  #                       numbers: [passage] \u00b6par.sentence",
        "  w                       wrap long passages on / off",
        "  Left Right  0 ^         scroll sideways (wrap off); back to",
        "                          column 0",
        "  v                       one pane: official / rewrite",
        "  e                       export to a file: a name proposed, the",
        "                          format from its extension (.txt .json",
        "                          .plain .wdiff .stats .html), replacing",
        "                          asked; Tab completes the file name",
        "  M                       mouse on / off (off: the terminal",
        "                          selects text; on: Shift-drag selects)",
        "  Ctrl-L                  redraw",
        "  ? h                     this help (? is help here, not less's",
        "                          backward search: N searches back)",
        "  q                       quit (back to the overview, from there;",
        "                          Esc too, there only)",
        "",
        "Margin: = verbatim  ~ paraphrase  < omission  > addition  * moved",
        "! hidden characters (bidi marks, zero-width, tag characters) or",
        "a confusable word (mixed scripts, a look-alike); the bar",
        "beside it marks the current passage, which the jump keys and a",
        "mouse click move.  A split or merge stands as one passage, each",
        "piece on a line of its own.",
        "Colour (256 colours or more; --theme=dark or light): omissions",
        "and deleted words on red, additions and inserted words on green,",
        "a finding's words on purple, matches on teal.  With colour or",
        "without: deleted words underlined, inserted words bold, a",
        "finding's words bold, underlined for a new fact or an",
        "unsupported attribution (the status line gives the passage's",
        "first finding, both sides); without colour a changed finding",
        "and a search match are reversed.  < > mark where a line is cut.",
        "An",
        "omission or addition: the status line names its nearest passage",
        "on the other side.  Status counts: = ~ < > * as in the margin,",
        "x findings.",
        "",
        "Prompts (/ and e) edit their line: Left Right (Ctrl-B Ctrl-F),",
        "Home End (Ctrl-A Ctrl-E), Backspace, Delete (Ctrl-D), Ctrl-U (to",
        "the start), Ctrl-K (to the end), Ctrl-W (the word before the",
        "cursor); a long line scrolls.  Tab completes a file name;",
        "pressed again, lists the names.",
        "Esc cancels every prompt and writes nothing.",
        "",
        "Press any key to go back (j k Space b scroll a long help).",
};

struct view {
	const struct cmp *c;
	const struct tui_opt *opt;
	struct layout *l;
	struct layout_opt lo;
	size_t top; /* first row shown */
	size_t cur; /* current item */
	int color;
	int side;      /* 1 or 2 in single-pane mode */
	int nested;    /* opened from the overview: Esc goes back there */
	char msg[512]; /* message line, until the next key */
	char pattern[256];
	size_t find_sel; /* the findings list's selection */
	struct lrow *rows;
	int nrows_cap;
};

static volatile sig_atomic_t got_signal;
static int mouse_on = 1;

static void
on_signal(int sig)
{
	got_signal = sig;
}

static int
text_rows(void)
{
	return LINES > 2 ? LINES - 2 : 1;
}

static void
set_mouse(int on)
{
	mouse_on = on;
	mousemask(on ? BUTTON4_PRESSED | BUTTON5_PRESSED | BUTTON1_PRESSED |
	                          BUTTON1_CLICKED | BUTTON1_RELEASED
	             : 0,
	          NULL);
}

/* ---- layout --------------------------------------------------------- */

static int
relayout(struct view *v)
{
	struct layout_opt lo = v->lo;
	size_t item = v->cur;

	lo.width = COLS;
	/* too narrow for two readable columns: one pane, with a toggle */
	lo.single = COLS < 60 ? (v->side ? v->side : 1) : 0;
	if (v->l) {
		if (layout_reset(v->l, &lo) < 0)
			return -1;
	} else {
		v->l = layout_new(v->c, &lo);
		if (!v->l)
			return -1;
	}
	v->lo = lo;
	if (item >= layout_nitems(v->l))
		item = layout_nitems(v->l) ? layout_nitems(v->l) - 1 : 0;
	v->cur = item;
	v->top = layout_nitems(v->l) ? layout_item_row(v->l, item) : 0;
	if (text_rows() > v->nrows_cap) {
		struct lrow *nr =
		        realloc(v->rows, (size_t)text_rows() * sizeof *nr);
		if (!nr)
			return -1;
		v->rows = nr;
		v->nrows_cap = text_rows();
	}
	return 0;
}

static size_t
max_top(const struct view *v)
{
	size_t n = layout_nrows(v->l), h = (size_t)text_rows();
	return n > h ? n - h : 0;
}

static void
scroll_to(struct view *v, long delta)
{
	long t = (long)v->top + delta;
	size_t h = (size_t)text_rows();

	if (t < 0)
		t = 0;
	if ((size_t)t > max_top(v))
		t = (long)max_top(v);
	v->top = (size_t)t;
	if (!layout_nitems(v->l))
		return;
	/* the current passage stays while any of it shows; else the first
	 * one starting on the screen (or the one at its top) */
	size_t r0 = layout_item_row(v->l, v->cur);
	size_t r1 = layout_item_row(v->l, v->cur + 1);
	if (r1 > v->top && r0 < v->top + h)
		return;
	size_t i = layout_row_item(v->l, v->top);
	if (layout_item_row(v->l, i) < v->top && i + 1 < layout_nitems(v->l) &&
	    layout_item_row(v->l, i + 1) < v->top + h)
		i++;
	v->cur = i;
}

/* Make item i current, with its first row a third of the way down. */
static void
center_on(struct view *v, size_t i)
{
	size_t r = layout_item_row(v->l, i), off = (size_t)text_rows() / 3;
	v->cur = i;
	v->top = r > off ? r - off : 0;
	if (v->top > max_top(v))
		v->top = max_top(v);
}

/* ---- drawing -------------------------------------------------------- */

/* Whether the tints of palette.h are on (a terminal of 256 colours or
 * more), else the eight basic colours. */
static int tints_on;
static int color_on;
static enum palette_theme tint_theme; /* setup_tints' theme */
static void styles_now(char *buf, size_t size);

static attr_t
text_attr(const struct view *v, unsigned char a)
{
	attr_t at = A_NORMAL;

	if (a & LA_MATCH) /* a tint is its own mark; a colour, reversed */
		return (tints_on && v->color ? A_BOLD : A_REVERSE) |
		       (v->color ? COLOR_PAIR(PAIR_MATCH) : 0);
	if (a & LA_NUM)
		return A_DIM;
	if (a & LA_CHANGED) /* unlike a new fact: reversed, or no underline */
		at |= A_BOLD | (tints_on && v->color ? 0 : A_REVERSE) |
		      (v->color ? COLOR_PAIR(PAIR_FACT) : 0);
	else if (a & LA_FACT)
		at |= A_BOLD | A_UNDERLINE |
		      (v->color ? COLOR_PAIR(PAIR_FACT) : 0);
	else if (a & LA_INS)
		at |= A_BOLD | (v->color ? COLOR_PAIR(PAIR_INS) : 0);
	else if (a & LA_DEL)
		at |= A_UNDERLINE | (v->color ? COLOR_PAIR(PAIR_DEL) : 0);
	else if ((a & LA_TINT) && v->color)
		at |= COLOR_PAIR(PAIR_TINT_DEL); /* set by the caller's side */
	return at;
}

static attr_t
kind_attr(const struct view *v, char mark)
{
	if (!v->color)
		return mark == '<' || mark == '>' ? A_BOLD : A_NORMAL;
	switch (mark) {
	case '<':
		return COLOR_PAIR(PAIR_DEL) | A_BOLD;
	case '>':
		return COLOR_PAIR(PAIR_INS) | A_BOLD;
	case '~':
		return COLOR_PAIR(PAIR_PARA);
	case '|':
		return COLOR_PAIR(PAIR_PARA);
	default:
		return A_NORMAL;
	}
}

/* Draw one side's text in the column at (y, x), runs of one attribute at
 * a time, with a reversed < or > where the line is cut. */
static void
draw_side(const struct view *v, int y, int x, const struct lside *s, int right,
          int colw)
{
	size_t i = 0;

	if (s->cut & LCUT_LEFT) {
		attrset(A_REVERSE);
		mvaddch(y, x, '<');
		x++;
	}
	move(y, x);
	while (i < s->len) {
		size_t j = i;
		while (j < s->len && s->attr[j] == s->attr[i])
			j++;
		attr_t at = text_attr(v, s->attr[i]);
		if ((at & A_COLOR) == COLOR_PAIR(PAIR_TINT_DEL) && right)
			at = (at & ~A_COLOR) | COLOR_PAIR(PAIR_TINT_INS);
		attrset(at);
		addnstr(s->s + i, (int)(j - i));
		i = j;
	}
	if (s->cut & LCUT_RIGHT) {
		attrset(A_REVERSE);
		mvaddch(y, x - (s->cut & LCUT_LEFT ? 1 : 0) + colw - 1, '>');
	}
	attrset(A_NORMAL);
}

/* Copy name into out (size bytes), at most cols bytes: whole when it
 * fits, else its last part (the file's own name, without directories),
 * else that part cut in the middle ("stat...t.txt"), its start and its
 * extension kept. */
static void
shorten(char *out, size_t size, const char *name, int cols)
{
	size_t n = strlen(name);

	if (cols < 4)
		cols = 4;
	if ((int)n <= cols) {
		snprintf(out, size, "%s", name);
		return;
	}
	/* the file's own name, without its directories, if that fits */
	const char *base = strrchr(name, '/');
	if (base && base[1] && (int)strlen(base + 1) <= cols) {
		snprintf(out, size, "%s", base + 1);
		return;
	}
	/* else cut in the middle: its start and its end (the extension) */
	if (base && base[1])
		name = base + 1, n = strlen(name);
	size_t keep = (size_t)cols - 3, head = keep / 2, tail = keep - head;
	while (head > 0 && ((unsigned char)name[head] & 0xC0) == 0x80)
		head--; /* not in the middle of a character */
	const char *t = name + n - tail;
	while (*t && ((unsigned char)*t & 0xC0) == 0x80)
		t++;
	snprintf(out, size, "%.*s...%s", (int)head, name, t);
}

/* "¶P.S" of a sentence range's first sentence into buf. */
static void
number_of(const struct view *v, int right, uint32_t s0, uint32_t s1, char *buf,
          size_t size)
{
	unsigned p, n;

	if (s0 >= s1) {
		snprintf(buf, size, "-");
		return;
	}
	layout_sentence_number(v->l, right, s0, &p, &n);
	snprintf(buf, size, "\u00b6%u.%u", p, n);
}

/* Tokens [t0, t1) of text t as a string for the status line, cut to fit
 * size, control characters shown as '?'. */
static void
token_text(const struct text *t, const struct toklist *l, uint32_t t0,
           uint32_t t1, char *buf, size_t size)
{
	size_t a = l->v[t0].off, e = tok_end(l, t1 - 1), n = 0;

	for (size_t i = a; i < e && n + 1 < size; i++) {
		unsigned char ch = t->buf[i];
		buf[n++] = ch < 0x20 || ch == 0x7f ? '?' : (char)ch;
	}
	/* do not leave half a UTF-8 sequence at the cut */
	while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80 && n < e - a)
		n--;
	if (n > 0 && n < e - a && ((unsigned char)buf[n - 1] & 0xC0) == 0xC0)
		n--;
	buf[n] = '\0';
}

/* Make s visible text in place, cluster by cluster as uni_cell shows it:
 * control characters, C1 controls, invalid bytes and hidden characters
 * become one ASCII character each (never longer than they were). */
static void
visible_in_place(char *s)
{
	unsigned char *u = (unsigned char *)s;
	size_t n = strlen(s), i = 0, o = 0, len;
	char shown;

	while (i < n) {
		uni_cell(u + i, n - i, &len, &shown);
		if (shown) {
			u[o++] = (unsigned char)shown;
		} else {
			memmove(u + o, u + i, len);
			o += len;
		}
		i += len;
	}
	u[o] = '\0';
}

/* The status line, by priority when the terminal is narrow: the position,
 * kind and similarity, "?:help", the side shown (one pane); then how the
 * passage was split, merged or moved and its numbers; then the counts of
 * each kind; then the file names in what room is left, shortened from the
 * left. */
static void
draw_status(struct view *v)
{
	const struct cmp *c = v->c;
	char core[288], extra[160], names[640], counts[96], ln[256], rn[256];
	char finding[128] = "";
	size_t n = layout_nitems(v->l);
	struct litem it;

	layout_item(v->l, v->cur, &it);
	if (v->lo.mode == LAYOUT_ALIGNED)
		/* the passage's number, as every export numbers it */
		snprintf(core, sizeof core, "%zu/%zu%s %s", n ? it.number : 0,
		         c->ps.n, it.cont ? " (cont.)" : "",
		         it.kind >= 0 ? cmp_kind_name((unsigned)it.kind)
		                      : "no passages");
	else
		snprintf(core, sizeof core, "%zu/%zu %s", n ? v->cur + 1 : 0, n,
		         it.kind >= 0 ? cmp_kind_name((unsigned)it.kind)
		         : v->lo.mode == LAYOUT_ALIGNED ? "no passages"
		         : layout_item_changed(v->l, v->cur)
		                 ? "raw diff, changed"
		                 : "raw diff");
	if (it.kind == BLK_VERBATIM || it.kind == BLK_PARAPHRASE)
		snprintf(core + strlen(core), sizeof core - strlen(core),
		         " %.2f", it.sim);
	extra[0] = '\0';
	if (it.number) {
		char shape[48];
		psg_shape(&c->ps.v[it.number - 1], shape, sizeof shape);
		if (shape[0])
			snprintf(extra, sizeof extra, ", %s", shape);
		if (it.places > 1 && !it.cont)
			snprintf(extra + strlen(extra),
			         sizeof extra - strlen(extra),
			         ", in %zu places", it.places);
	}
	if (it.moved) {
		char num[32];
		/* where it came from: its place in the other order */
		if (v->lo.swap)
			number_of(v, 0, it.ls0, it.ls1, num, sizeof num);
		else
			number_of(v, 1, it.rs0, it.rs1, num, sizeof num);
		snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
		         ", moved (%s %s)", v->lo.swap ? "official" : "rewrite",
		         num);
	}
	const struct block *bk = v->lo.mode == LAYOUT_ALIGNED
	                                 ? layout_block(v->l, v->cur)
	                                 : NULL;
	if (bk && bk->hidden)
		snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
		         ", hidden characters");
	if (bk && bk->confusable)
		snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
		         ", confusable words");
	if (bk && bk->near >= 0) {
		/* an omission's or addition's nearest passage on the other
		 * side, for a reader to judge a loose rewording */
		char num[32];
		int official = bk->kind == BLK_ADDITION;
		number_of(v, !official, (uint32_t)bk->near,
		          (uint32_t)bk->near + 1, num, sizeof num);
		snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
		         ", nearest %s %s %.2f",
		         official ? "official" : "rewrite", num, bk->near_sim);
	}
	if (it.kind >= 0 && it.nfind && !it.cont) {
		/* the passage's first finding, with both sides */
		const struct passage *ps = &c->ps.v[it.number - 1];
		const struct finding *f = &c->fd.v[ps->fi0];
		char was[40] = "", now[40] = "";
		if (f->l0 < f->l1)
			token_text(c->left, &c->lt, f->l0, f->l1, was,
			           sizeof was);
		if (f->r0 < f->r1)
			token_text(c->right, &c->rt, f->r0, f->r1, now,
			           sizeof now);
		visible_in_place(was);
		visible_in_place(now);
		snprintf(finding, sizeof finding, ", %s %s%s%s%s",
		         find_type_label(f->type, 0), was,
		         was[0] ? "\u2192" : "", now,
		         it.nfind > 1 ? " (L: all)" : "");
	}
	if (v->lo.numbers && it.kind >= 0) {
		char a[32], b[32];
		number_of(v, 0, it.ls0, it.ls1, a, sizeof a);
		number_of(v, 1, it.rs0, it.rs1, b, sizeof b);
		snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
		         " [official %s, rewrite %s]", a, b);
	}
	snprintf(counts, sizeof counts, "=%zu ~%zu <%zu >%zu *%zu x%zu  ",
	         c->ps.count[BLK_VERBATIM], c->ps.count[BLK_PARAPHRASE],
	         c->ps.count[BLK_OMISSION], c->ps.count[BLK_ADDITION],
	         c->ps.nmoved, c->fd.n);
	int room = COLS - (int)strlen(core) - 9; /* "?:help" and gaps */
	int side_w = v->lo.single ? 10 : 0;      /* "rewrite" and a gap */
	if ((int)strlen(extra) <= room - side_w) {
		snprintf(core + strlen(core), sizeof core - strlen(core), "%s",
		         extra);
		room -= (int)strlen(extra);
	}
	/* the passage's first finding, where it fits beside the counts */
	if (finding[0] &&
	    (int)(strlen(finding) + strlen(counts)) <= room - side_w) {
		snprintf(core + strlen(core), sizeof core - strlen(core), "%s",
		         finding);
		room -= (int)strlen(finding);
	}
	if ((int)strlen(counts) <= room - side_w)
		room -= (int)strlen(counts);
	else
		counts[0] = '\0';
	/* page furniture, where it leaves the file names their room */
	static const char furn[] = ", page furniture";
	if (bk && bk->furniture && (int)strlen(furn) + 14 + side_w <= room) {
		snprintf(core + strlen(core), sizeof core - strlen(core), "%s",
		         furn);
		room -= (int)strlen(furn);
	}
	names[0] = '\0';
	const char *lname = text_label(c->left->name),
	           *rname = text_label(c->right->name);
	if (v->lo.single) {
		/* one pane: its side is always named, its file if it fits */
		const char *side = v->lo.single == 1 ? "official" : "rewrite";
		shorten(ln, sizeof ln, v->lo.single == 1 ? lname : rname,
		        room - 12);
		if (room >= 22)
			snprintf(names, sizeof names, "%s: %s", side, ln);
		else
			snprintf(names, sizeof names, "%s", side);
	} else if (room >= 14) {
		int both = (int)(strlen(lname) + strlen(rname));
		shorten(ln, sizeof ln, lname, (room - 3) / 2);
		shorten(rn, sizeof rn, rname, (room - 3) / 2);
		if (both + 3 <= room)
			snprintf(names, sizeof names, "%s | %s", lname, rname);
		else
			snprintf(names, sizeof names, "%s | %s", ln, rn);
	}
	/* file names are input too: show them only as visible text */
	visible_in_place(names);
	attrset(A_REVERSE | (v->color ? COLOR_PAIR(PAIR_STATUS) : 0));
	move(LINES - 2, 0);
	for (int x = 0; x < COLS; x++)
		addch(' ');
	mvaddnstr(LINES - 2, 0, core, COLS);
	int nx = (int)strlen(core) + 2;
	if (names[0] && nx < COLS)
		mvaddnstr(LINES - 2, nx, names, COLS - nx);
	char right[128];
	snprintf(right, sizeof right, "%s?:help", counts);
	int rl = (int)strlen(right);
	if (rl < COLS)
		mvaddstr(LINES - 2, COLS - rl, right);
	attrset(A_NORMAL);
	move(LINES - 1, 0);
	clrtoeol();
	if (v->msg[0]) {
		char m[sizeof v->msg];
		snprintf(m, sizeof m, "%s", v->msg);
		for (char *p = m; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				*p = '?';
		mvaddnstr(LINES - 1, 0, m, COLS);
	}
}

static void
draw(struct view *v)
{
	int h = text_rows(), colw = layout_colw(v->l);
	size_t got;

	erase();
	if (COLS < 20 || LINES < 3) {
		mvaddnstr(0, 0, "terminal too small", COLS);
		refresh();
		return;
	}
	got = layout_rows(v->l, v->top, (size_t)h, v->rows);
	if (got == (size_t)-1)
		got = 0;
	for (size_t k = 0; k < got; k++) {
		const struct lrow *r = &v->rows[k];
		int y = (int)k, x = LAYOUT_MARGIN;
		int here = r->item == v->cur;
		char mark[2];
		layout_mark(v->l, r->item, mark);
		if (r->first) {
			attrset(kind_attr(v, mark[0]) | (here ? A_REVERSE : 0));
			mvaddch(y, 0, (chtype)mark[0]);
			attrset((v->color && mark[1] != ' '
			                 ? COLOR_PAIR(PAIR_MOVED) | A_BOLD
			                 : A_BOLD) |
			        (here ? A_REVERSE : 0));
			mvaddch(y, 1, (chtype)mark[1]);
			attrset(A_NORMAL);
		}
		if (here) /* the current passage: a bar down its rows */
			mvaddstr(y, 2, "\u258c");
		if (v->lo.single) {
			draw_side(v, y, x, &r->side[v->lo.single - 1],
			          v->lo.single == 2, colw);
			continue;
		}
		draw_side(v, y, x, &r->side[0], 0, colw);
		mvaddch(y, x + colw + 1, '|');
		draw_side(v, y, x + colw + LAYOUT_GUTTER, &r->side[1], 1, colw);
	}
	draw_status(v);
	refresh();
}

void
tui_help(const char *const *lines, size_t n)
{
	size_t first = 0;

	for (;;) {
		int h = LINES > 1 ? LINES - 1 : 1;
		int fits = (size_t)LINES >= n;
		size_t last = n > (size_t)h ? n - (size_t)h : 0;
		if (fits)
			first = 0;
		else if (first > last)
			first = last;
		erase();
		for (size_t i = first;
		     i < n && (int)(i - first) < (fits ? LINES : h); i++)
			mvaddnstr((int)(i - first), 1, lines[i], COLS - 1);
		if (!fits) {
			char more[128];
			snprintf(more, sizeof more,
			         "-- lines %zu-%zu of %zu: j k Space b scroll, "
			         "q goes back --",
			         first + 1, first + (size_t)h, n);
			attrset(A_REVERSE);
			mvaddnstr(LINES - 1, 0, more, COLS);
			attrset(A_NORMAL);
		}
		refresh();
		int ch = getch();
		if (got_signal)
			return;
		if (ch == ERR)
			continue;
		/* a resize or Ctrl-L lays the help out again; it stays.
		 * Ctrl-L also clears the terminal: what was written to it
		 * behind curses' back goes. */
		if (ch == ('l' & 0x1f))
			clearok(stdscr, TRUE);
		if (ch == KEY_RESIZE || ch == ('l' & 0x1f))
			continue;
		if (fits)
			return;
		if (ch == 'j' || ch == KEY_DOWN || ch == '\n')
			first = first < last ? first + 1 : last;
		else if (ch == 'k' || ch == KEY_UP)
			first = first ? first - 1 : 0;
		else if (ch == ' ' || ch == KEY_NPAGE)
			first = first + (size_t)h < last ? first + (size_t)h
			                                 : last;
		else if (ch == 'b' || ch == KEY_PPAGE)
			first = first > (size_t)h ? first - (size_t)h : 0;
		else if (ch == 'g' || ch == KEY_HOME)
			first = 0;
		else if (ch == 'G' || ch == KEY_END)
			first = last;
		else
			return;
	}
}

/* ---- prompts ---------------------------------------------------------- */

/* The screen under a prompt (prompt.h's tui_under): after a resize, the
 * view laid out again and drawn.  0, or -1 when memory ran out. */
static int
redraw_view(void *arg)
{
	struct view *v = arg;
	if (relayout(v) < 0)
		return -1;
	draw(v);
	return 0;
}

/* ---- actions ------------------------------------------------------ */

typedef int (*item_test)(const struct view *v, size_t i, int arg);

static int
is_changed(const struct view *v, size_t i, int arg)
{
	(void)arg;
	return layout_item_changed(v->l, i);
}

static int
is_kind(const struct view *v, size_t i, int kind)
{
	struct litem it;
	layout_item(v->l, i, &it);
	return it.kind == kind;
}

static int
has_finding(const struct view *v, size_t i, int arg)
{
	struct litem it;
	(void)arg;
	layout_item(v->l, i, &it);
	return it.nfind > 0 && !it.cont;
}

/* Make the first item of passage p (an index into c->ps.v) current.  0,
 * or -1 when no item shows it (raw mode). */
static int
go_to_passage(struct view *v, size_t p)
{
	size_t n = layout_nitems(v->l);

	for (size_t i = 0; i < n; i++) {
		struct litem it;
		layout_item(v->l, i, &it);
		if (it.number == p + 1 && !it.cont) {
			center_on(v, i);
			return 0;
		}
	}
	return -1;
}

/* Jump to the next (or previous) item passing test, wrapping around. */
static void
jump(struct view *v, item_test test, int arg, int backward, const char *what)
{
	size_t n = layout_nitems(v->l);

	for (size_t step = 1; step <= n; step++) {
		size_t i = backward ? (v->cur + n - step) % n
		                    : (v->cur + step) % n;
		if (test(v, i, arg)) {
			if (backward ? i > v->cur : i < v->cur)
				snprintf(v->msg, sizeof v->msg,
				         "wrapped around to the %s",
				         backward ? "end" : "start");
			center_on(v, i);
			return;
		}
	}
	snprintf(v->msg, sizeof v->msg, "no %s", what);
}

/* The next (or previous) match; fresh: the current passage counts.  0, or
 * -1 when memory ran out. */
static int
search_step(struct view *v, int backward, int fresh)
{
	size_t i, idx, total;

	if (!v->pattern[0]) {
		snprintf(v->msg, sizeof v->msg, "no search yet: press /");
		return 0;
	}
	if (layout_match_count(v->l, v->cur, &idx, &total) < 0)
		return -1;
	if (!total) {
		snprintf(v->msg, sizeof v->msg, "pattern not found: %.200s",
		         v->pattern);
		return 0;
	}
	if (fresh && idx)
		i = v->cur;
	else
		i = layout_find(v->l, v->cur, backward);
	if (i == (size_t)-1)
		return -1;
	int wrapped = !(fresh && idx) && (backward ? i >= v->cur : i <= v->cur);
	center_on(v, i);
	if (layout_match_count(v->l, i, &idx, &total) < 0)
		return -1;
	snprintf(v->msg, sizeof v->msg, "/%.200s: match %zu/%zu%s", v->pattern,
	         idx, total,
	         !wrapped   ? ""
	         : backward ? "  (search wrapped to the end)"
	                    : "  (search wrapped to the top)");
	return 0;
}

/* The pair's export, for the export dialog. */
static int
write_pair(void *arg, const char *path, const char *format, char *msg,
           size_t msglen)
{
	const struct view *v = arg;
	return v->opt->export_to(v->c, path, format, msg, msglen);
}

/* The e key (prompt.h).  0, or -1 when memory ran out. */
static int
do_export(struct view *v)
{
	static const char *const formats[] = {"text",  "json", "plain", "wdiff",
	                                      "stats", "html", NULL};
	const struct text *inputs[2] = {v->c->left, v->c->right};
	struct tui_under u = {redraw_view, v};
	char def[256];
	struct tui_export x = {def, formats, inputs, 2, write_pair, v};

	if (v->opt->inputs) { /* every file given, from the overview too */
		x.inputs = v->opt->inputs;
		x.ninputs = v->opt->ninputs;
	}

	if (!v->opt->export_to) {
		snprintf(v->msg, sizeof v->msg, "export is not available");
		return 0;
	}
	/* the rewrite's name, "-redline.txt" for its extension */
	tui_propose(v->c->right->name, "redline", "-redline.txt", def,
	            sizeof def);
	return tui_export_dialog(&u, &x, v->msg, sizeof v->msg);
}

/* Apply one action; returns 0 to go on, 1 to quit, -1 on error. */
static int
act(struct view *v, enum action a)
{
	long page = text_rows();

	switch (a) {
	case ACT_QUIT:
		return 1;
	case ACT_ESCAPE:
		if (v->nested)
			return 1;
		snprintf(v->msg, sizeof v->msg, "q quits");
		break;
	case ACT_DOWN:
		scroll_to(v, 1);
		break;
	case ACT_UP:
		scroll_to(v, -1);
		break;
	case ACT_PAGE_DOWN:
		scroll_to(v, page > 1 ? page - 1 : 1);
		break;
	case ACT_PAGE_UP:
		scroll_to(v, -(page > 1 ? page - 1 : 1));
		break;
	case ACT_HALF_DOWN:
		scroll_to(v, page / 2 ? page / 2 : 1);
		break;
	case ACT_HALF_UP:
		scroll_to(v, -(page / 2 ? page / 2 : 1));
		break;
	case ACT_TOP:
		scroll_to(v, -(long)v->top);
		v->cur = 0;
		break;
	case ACT_BOTTOM:
		scroll_to(v, (long)max_top(v));
		if (layout_nitems(v->l))
			v->cur = layout_nitems(v->l) - 1;
		break;
	case ACT_NEXT_CHANGE:
	case ACT_PREV_CHANGE:
		jump(v, is_changed, 0, a == ACT_PREV_CHANGE, "changed passage");
		break;
	case ACT_NEXT_ADD:
	case ACT_PREV_ADD:
		jump(v, is_kind, BLK_ADDITION, a == ACT_PREV_ADD, "addition");
		break;
	case ACT_NEXT_OMIT:
	case ACT_PREV_OMIT:
		jump(v, is_kind, BLK_OMISSION, a == ACT_PREV_OMIT, "omission");
		break;
	case ACT_NEXT_PARA:
	case ACT_PREV_PARA:
		jump(v, is_kind, BLK_PARAPHRASE, a == ACT_PREV_PARA,
		     "paraphrase");
		break;
	case ACT_NEXT_FIND:
	case ACT_PREV_FIND:
		jump(v, has_finding, 0, a == ACT_PREV_FIND,
		     "passage with a finding");
		break;
	case ACT_FINDINGS: {
		if (!v->c->fd.n) {
			snprintf(v->msg, sizeof v->msg, "no findings");
			break;
		}
		long p = tui_findings(v->c, &v->find_sel);
		if (p == -2)
			return -1;
		if (relayout(v) < 0)
			return -1;
		if (p >= 0 && go_to_passage(v, (size_t)p) < 0)
			snprintf(v->msg, sizeof v->msg,
			         "[%ld] is not shown: press m for the aligned "
			         "passages",
			         p + 1);
		break;
	}
	case ACT_SEARCH: {
		char pat[sizeof v->pattern];
		int failed = 0;
		struct tui_under u = {redraw_view, v};
		if (tui_prompt(&u, "/", pat, sizeof pat, TUI_LINE_TEXT,
		               &failed) < 0) {
			if (failed)
				return -1;
			snprintf(v->msg, sizeof v->msg, "search cancelled");
			break;
		}
		if (pat[0]) { /* empty: the last pattern again */
			memcpy(v->pattern, pat, sizeof pat);
			if (layout_search(v->l, v->pattern) < 0)
				return -1;
		}
		if (search_step(v, 0, pat[0] != '\0') < 0)
			return -1;
		break;
	}
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		if (search_step(v, a == ACT_PREV_MATCH, 0) < 0)
			return -1;
		break;
	case ACT_HELP: {
		/* the help, with the styles in use now before its last line */
		enum { N = sizeof help_text / sizeof *help_text };
		const char *lines[N + 1];
		char now[160];
		styles_now(now, sizeof now);
		memcpy(lines, help_text, (N - 1) * sizeof *lines);
		lines[N - 1] = now;
		lines[N] = help_text[N - 1];
		tui_help(lines, N + 1);
		/* laid out again: the terminal may have changed meanwhile */
		if (relayout(v) < 0)
			return -1;
		break;
	}
	case ACT_MODE:
		v->lo.mode =
		        v->lo.mode == LAYOUT_RAW ? LAYOUT_ALIGNED : LAYOUT_RAW;
		v->cur = 0;
		if (relayout(v) < 0)
			return -1;
		snprintf(v->msg, sizeof v->msg, "%s",
		         v->lo.mode == LAYOUT_RAW ? "raw word diff"
		                                  : "aligned passages");
		break;
	case ACT_SWAP:
		if (v->lo.mode == LAYOUT_RAW)
			break;
		v->lo.swap = !v->lo.swap;
		if (relayout(v) < 0)
			return -1;
		snprintf(v->msg, sizeof v->msg, "rows in the order of the %s",
		         v->lo.swap ? "rewrite" : "official text");
		break;
	case ACT_FOLD:
		v->lo.fold = !v->lo.fold;
		if (relayout(v) < 0)
			return -1;
		snprintf(v->msg, sizeof v->msg, "%s",
		         v->lo.fold ? "changes only: unchanged passages folded "
		                      "to a row each"
		                    : "every passage in full");
		break;
	case ACT_NUMBERS:
		v->lo.numbers = !v->lo.numbers;
		v->lo.passnum = v->lo.numbers;
		if (relayout(v) < 0)
			return -1;
		snprintf(v->msg, sizeof v->msg, "passage numbers %s",
		         v->lo.numbers
		                 ? "on: [passage] \u00b6paragraph.sentence"
		                 : "off");
		break;
	case ACT_WRAP:
		v->lo.wrap = !v->lo.wrap;
		v->lo.hoff = 0;
		if (relayout(v) < 0)
			return -1;
		snprintf(v->msg, sizeof v->msg, "wrapping %s",
		         v->lo.wrap ? "on"
		                    : "off: Left and Right scroll sideways");
		break;
	case ACT_LEFT:
	case ACT_RIGHT: {
		int step = layout_colw(v->l) / 2;
		if (v->lo.wrap) {
			snprintf(v->msg, sizeof v->msg,
			         "Left and Right scroll sideways with wrapping "
			         "off (w)");
			break;
		}
		/* no further than the end of the longest line on the
		 * screen shows */
		size_t i0 = layout_row_item(v->l, v->top),
		       i1 = layout_row_item(v->l,
		                            v->top + (size_t)text_rows()) +
		            1;
		int widest = layout_widest(v->l, i0, i1);
		if (widest < 0)
			return -1;
		int most = widest - layout_colw(v->l);
		if (most < 0)
			most = 0;
		if (a == ACT_RIGHT && v->lo.hoff >= most) {
			snprintf(v->msg, sizeof v->msg,
			         most ? "at the end of the longest line shown "
			                "(0 "
			                "goes back)"
			              : "every line shown fits: nothing to "
			                "scroll");
			break;
		}
		v->lo.hoff += a == ACT_RIGHT ? step : -step;
		if (v->lo.hoff > most)
			v->lo.hoff = most;
		if (v->lo.hoff < 0)
			v->lo.hoff = 0;
		layout_set_hoff(v->l, v->lo.hoff);
		snprintf(v->msg, sizeof v->msg, "scrolled %d columns right",
		         v->lo.hoff);
		break;
	}
	case ACT_COLUMN0: {
		v->lo.hoff = 0;
		layout_set_hoff(v->l, 0);
		snprintf(v->msg, sizeof v->msg, "back to column 0");
		break;
	}
	case ACT_SIDE:
		v->side = v->side == 2 ? 1 : 2;
		if (relayout(v) < 0)
			return -1;
		if (v->lo.single)
			snprintf(v->msg, sizeof v->msg, "showing the %s",
			         v->side == 2 ? "rewrite" : "official text");
		else
			snprintf(v->msg, sizeof v->msg,
			         "both panes fit: v works below 60 columns");
		break;
	case ACT_EXPORT:
		if (do_export(v) < 0)
			return -1;
		break;
	case ACT_MOUSE:
		set_mouse(!mouse_on);
		snprintf(v->msg, sizeof v->msg, "%s",
		         mouse_on ? "mouse on: a click selects a passage, the "
		                    "wheel scrolls"
		                  : "mouse off: the terminal selects text");
		break;
	case ACT_REDRAW:
	case ACT_RESIZE:
		if (relayout(v) < 0)
			return -1;
		if (a == ACT_REDRAW)
			clearok(stdscr, TRUE);
		break;
	case ACT_NONE:
		break;
	}
	return 0;
}

/* A mouse event: the wheel scrolls, a click makes the passage under it
 * current. */
static void
on_mouse(struct view *v)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED)
		scroll_to(v, -3);
	else if (ev.bstate & BUTTON5_PRESSED)
		scroll_to(v, 3);
	else if ((ev.bstate &
	          (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED)) &&
	         ev.y >= 0 && ev.y < text_rows()) {
		size_t r = v->top + (size_t)ev.y;
		if (r < layout_nrows(v->l))
			v->cur = layout_row_item(v->l, r);
	}
}

static enum action
lookup(int key)
{
	for (size_t i = 0; i < sizeof bindings / sizeof *bindings; i++)
		if (bindings[i].key == key)
			return bindings[i].act;
	return ACT_NONE;
}

/* ---- set up and restore ------------------------------------------ */

static int curses_on;
static SCREEN *scr;
static FILE *tty_in;

/* The theme of the terminal's answer to OSC 11, or -1 (ask_background). */
static int answered = -1;
/* The signals that end the viewer, the terminal restored first: every one
 * whose default action ends the process (but those that report a bug in
 * it, like SIGSEGV), as main.c's list. */
static const int stop_signals[] = {SIGINT,  SIGTERM, SIGHUP,  SIGQUIT,
                                   SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
                                   SIGPROF, SIGXCPU};
#define NSTOP (sizeof stop_signals / sizeof stop_signals[0])
static struct sigaction old_stop[NSTOP];

static void
restore(void)
{
	if (curses_on) {
		endwin();
		curses_on = 0;
	}
}

/* The styles the viewer draws with now, as one line for the help: no
 * colour (and why it may be), the basic colours, or the tints of a
 * theme. */
static void
styles_now(char *buf, size_t size)
{
	if (!color_on)
		snprintf(buf, size,
		         "In use now: no colour (--color=never, NO_COLOR, or a "
		         "terminal without colours).");
	else if (tints_on)
		snprintf(buf, size,
		         "In use now: tints of the %s theme, %d colours.",
		         tint_theme == PALETTE_LIGHT ? "light" : "dark",
		         COLORS);
	else
		snprintf(buf, size,
		         "In use now: the basic colours (%d), on the "
		         "terminal's background.",
		         COLORS);
}

/* Colour c on a terminal of COLORS colours: its 256-colour entry, or
 * itself on a direct-colour one. */
static int
color_number(struct rgb c)
{
	if (COLORS > 256)
		return (c.r << 16) | (c.g << 8) | c.b;
	return palette_xterm256(c);
}

/* Set pair p to the theme's foreground on role's tint.  0 or -1. */
static int
tint_pair(short p, enum palette_theme t, enum palette_role role)
{
	int fg = color_number(palette_fg(t)),
	    bg = color_number(palette_color(t, role));
	return init_extended_pair(p, fg, bg) == ERR ? -1 : 0;
}

/* The tints of palette.h on a 256-colour or direct-colour terminal.  0,
 * or -1 when the terminal refused one (the basic colours are set then). */
static int
setup_tints(const struct tui_opt *o)
{
	enum palette_theme t = palette_pick(o->theme, getenv("REDLINE_THEME"),
	                                    getenv("COLORFGBG"), answered);

	if (tint_pair(PAIR_DEL, t, PAL_DEL) < 0 ||
	    tint_pair(PAIR_INS, t, PAL_INS) < 0 ||
	    tint_pair(PAIR_FACT, t, PAL_FIND) < 0 ||
	    tint_pair(PAIR_MATCH, t, PAL_MATCH) < 0 ||
	    tint_pair(PAIR_PARA, t, PAL_PARA) < 0 ||
	    tint_pair(PAIR_MOVED, t, PAL_MOVED) < 0 ||
	    tint_pair(PAIR_TINT_DEL, t, PAL_OMIT) < 0 ||
	    tint_pair(PAIR_TINT_INS, t, PAL_ADD) < 0)
		return -1;
	init_pair(PAIR_STATUS, COLOR_WHITE, COLOR_BLUE);
	tints_on = 1;
	tint_theme = t;
	return 0;
}

/* Whether colours are asked for: --color=always, or auto without
 * NO_COLOR. */
static int
colors_wanted(const struct tui_opt *o)
{
	const char *no = getenv("NO_COLOR");

	return o->color == TUI_COLOR_ALWAYS ||
	       (o->color == TUI_COLOR_AUTO && !(no && *no));
}

/* The theme the terminal's background says, when neither --theme,
 * REDLINE_THEME nor COLORFGBG decides: the terminal asked (OSC 11, before
 * curses takes it), into answered. */
static void
ask_background(const struct tui_opt *o)
{
	char reply[256];
	int n;

	if (!colors_wanted(o) ||
	    palette_decided(o->theme, getenv("REDLINE_THEME"),
	                    getenv("COLORFGBG")) >= 0 ||
	    !isatty(STDOUT_FILENO))
		return;
	n = termquery_background(reply, sizeof reply);
	if (n > 0)
		answered = palette_from_osc11(reply, (size_t)n, NULL);
}

static void
setup_colors(const struct tui_opt *o)
{
	color_on = colors_wanted(o);
	if (!color_on || !has_colors()) {
		color_on = o->color == TUI_COLOR_ALWAYS && has_colors();
		if (!color_on)
			return;
	}
	start_color();
	use_default_colors(); /* the terminal's own background: dark or light */
	if (COLORS >= 256 && COLOR_PAIRS > PAIR_TINT_INS && setup_tints(o) == 0)
		return;
	init_pair(PAIR_DEL, COLOR_RED, -1);
	init_pair(PAIR_INS, COLOR_GREEN, -1);
	init_pair(PAIR_FACT, COLOR_MAGENTA, -1);
	init_pair(PAIR_MATCH, COLOR_CYAN, -1);
	init_pair(PAIR_PARA, COLOR_YELLOW, -1);
	init_pair(PAIR_MOVED, COLOR_BLUE, -1);
	init_pair(PAIR_STATUS, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_TINT_DEL, COLOR_RED, -1);
	init_pair(PAIR_TINT_INS, COLOR_GREEN, -1);
}

int
tui_screen_open(const struct tui_opt *o, const char **why)
{
	struct sigaction sa;
	const char *term = getenv("TERM");

	*why = NULL;
	if (!term || !*term) {
		*why = "TERM is not set";
		return -1;
	}
	if (strcmp(term, "dumb") == 0) {
		*why = "TERM=dumb cannot show the viewer";
		return -1;
	}
	setlocale(LC_ALL, "");
	/* the inputs are UTF-8: a C or POSIX locale still needs UTF-8
	 * characters on the screen */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* keys come from the terminal even when standard input is a file */
	if (!isatty(STDIN_FILENO)) {
		tty_in = fopen("/dev/tty", "r");
		if (!tty_in) {
			*why = "no terminal to read keys from";
			return -1;
		}
	}
	ask_background(o);
	scr = newterm(NULL, stdout, tty_in ? tty_in : stdin);
	if (!scr) {
		if (tty_in)
			fclose(tty_in);
		tty_in = NULL;
		*why = "the terminal type in TERM is unknown";
		return -1;
	}
	curses_on = 1;
	atexit(restore);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NSTOP; i++)
		sigaction(stop_signals[i], &sa, &old_stop[i]);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	/* Home and End as VT220s and tmux send them (ESC [ 1 ~, ESC [ 4 ~),
	 * and as xterm does out of keypad mode, where TERM does not say so
	 * (tmux under TERM=xterm): else the ESC of an unknown sequence
	 * would cancel a prompt */
	static const struct {
		const char *seq;
		int key;
	} more_keys[] = {{"\033[1~", KEY_HOME},
	                 {"\033[4~", KEY_END},
	                 {"\033[H", KEY_HOME},
	                 {"\033[F", KEY_END}};
	for (size_t i = 0; i < sizeof more_keys / sizeof *more_keys; i++)
		if (key_defined(more_keys[i].seq) == 0)
			define_key(more_keys[i].seq, more_keys[i].key);
	curs_set(0);
	set_escdelay(50); /* Esc is a key here, not only a prefix */
	timeout(250);     /* wake to notice signals */
	set_mouse(mouse_on);
	setup_colors(o);
	return 0;
}

void
tui_screen_close(void)
{
	restore();
	if (scr)
		delscreen(scr);
	scr = NULL;
	if (tty_in)
		fclose(tty_in);
	tty_in = NULL;
	for (size_t i = 0; i < NSTOP; i++)
		sigaction(stop_signals[i], &old_stop[i], NULL);
	if (got_signal) {
		/* the terminal is back: die of the signal as the shell expects
		 */
		signal((int)got_signal, SIG_DFL);
		raise((int)got_signal);
	}
}

int
tui_signalled(void)
{
	return got_signal != 0;
}

int
tui_color(void)
{
	return color_on;
}

int
tui_pair(const struct cmp *c, const struct tui_opt *o, long block, int nested)
{
	struct view v;
	int rc = 0;

	memset(&v, 0, sizeof v);
	v.c = c;
	v.opt = o;
	v.nested = nested;
	v.lo.mode = LAYOUT_ALIGNED;
	v.lo.wrap = 1;
	v.color = color_on;
	if (relayout(&v) < 0) {
		rc = -1;
		goto out;
	}
	if (block >= 0) {
		/* open on the item that shows this block */
		size_t i = layout_item_of_block(v.l, (size_t)block);
		if (i != (size_t)-1)
			center_on(&v, i);
	}
	draw(&v);
	int after_bracket = 0; /* the key before was ] or [ */
	while (!got_signal) {
		int ch = getch();
		enum action a;
		if (ch == ERR)
			continue;
		/* ]c and [c, vim's jumps to the next and previous change: the
		 * c is part of the jump, not the changes-only key */
		if (after_bracket && ch == 'c') {
			after_bracket = 0;
			continue;
		}
		after_bracket = ch == ']' || ch == '[';
		v.msg[0] = '\0';
		if (ch == KEY_MOUSE) {
			on_mouse(&v);
			draw(&v);
			continue;
		}
		a = lookup(ch);
		if (a == ACT_NONE) {
			snprintf(v.msg, sizeof v.msg,
			         "unknown key: press ? for help");
			draw(&v);
			continue;
		}
		int r = act(&v, a);
		if (r < 0) {
			rc = -1;
			break;
		}
		if (r > 0)
			break;
		draw(&v);
	}
out:
	layout_free(v.l);
	free(v.rows);
	return rc;
}

int
tui_run(const struct cmp *c, const struct tui_opt *o, const char **why)
{
	if (tui_screen_open(o, why) < 0)
		return TUI_NO_TERMINAL;
	int rc = tui_pair(c, o, -1, 0);
	tui_screen_close();
	if (rc < 0) {
		*why = "out of memory";
		return TUI_FAILED;
	}
	return TUI_DONE;
}
