/* pairview.c - the side-by-side viewer, on ncursesw.
 *
 * Owns the terminal while it runs: set up, draw, read keys, restore.  The
 * screen is the rows of layout.h from `top` on, a status line, and a
 * message line for prompts.  Keys map to actions through one table;
 * each action says whether to redraw.  Invariants: the terminal is
 * restored on every way out (quit, fatal signal, error); text from the
 * inputs reaches the screen only through layout.h, already made visible.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include "tui.h"
#include "pairview.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "redline/layout.h"

enum action {
	ACT_NONE,
	ACT_QUIT,
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
	ACT_NEXT_FACT,
	ACT_PREV_FACT,
	ACT_SEARCH,
	ACT_NEXT_MATCH,
	ACT_PREV_MATCH,
	ACT_HELP,
	ACT_MODE,
	ACT_SWAP,
	ACT_WRAP,
	ACT_SIDE,
	ACT_EXPORT,
	ACT_REDRAW
};

static const struct binding {
	int key;
	enum action act;
} bindings[] = {
        {'q', ACT_QUIT},
        {27, ACT_QUIT},
        {'j', ACT_DOWN},
        {KEY_DOWN, ACT_DOWN},
        {'\n', ACT_DOWN},
        {'k', ACT_UP},
        {KEY_UP, ACT_UP},
        {' ', ACT_PAGE_DOWN},
        {KEY_NPAGE, ACT_PAGE_DOWN},
        {'f' & 0x1f, ACT_PAGE_DOWN},
        {'b', ACT_PAGE_UP},
        {KEY_PPAGE, ACT_PAGE_UP},
        {'b' & 0x1f, ACT_PAGE_UP},
        {'d', ACT_HALF_DOWN},
        {'u', ACT_HALF_UP},
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
        {'f', ACT_NEXT_FACT},
        {'F', ACT_PREV_FACT},
        {'/', ACT_SEARCH},
        {'n', ACT_NEXT_MATCH},
        {'N', ACT_PREV_MATCH},
        {'?', ACT_HELP},
        {'h', ACT_HELP},
        {'m', ACT_MODE},
        {'s', ACT_SWAP},
        {'w', ACT_WRAP},
        {'v', ACT_SIDE},
        {'e', ACT_EXPORT},
        {'l' & 0x1f, ACT_REDRAW},
        {KEY_RESIZE, ACT_REDRAW},
};

/* The help screen; the same keys as the README and the man page. */
static const char *const help_text[] = {
        "redline - keys",
        "",
        "  j k  Down Up  Enter     scroll one row",
        "  Space PgDn   b PgUp     scroll one screen",
        "  d u                     scroll half a screen",
        "  g Home  G End           first / last row",
        "  ] [   Tab Shift-Tab     next / previous changed passage",
        "  a A                     next / previous addition",
        "  o O                     next / previous omission",
        "  p P                     next / previous paraphrase",
        "  f F                     next / previous new fact",
        "  /                       search forward (ASCII case ignored)",
        "  n N                     next / previous match",
        "  m                       aligned passages / raw word diff",
        "  s                       order rows by the official / the rewrite",
        "  w                       wrap long passages on / off",
        "  v                       one pane: official / rewrite",
        "  e                       export the comparison to a file",
        "  Ctrl-L                  redraw",
        "  ? h                     this help",
        "  q Esc                   quit (back to the overview, from there)",
        "",
        "Margin: = verbatim  ~ paraphrase  < omission  > addition  * moved",
        "Text: deleted words underlined, inserted words bold, new facts",
        "bold and underlined, search matches reversed.",
        "",
        "Press any key to go back.",
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
	char msg[512]; /* status line message, until the next key */
	char pattern[256];
	struct lrow *rows;
	int nrows_cap;
};

static volatile sig_atomic_t got_signal;

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
	if (t < 0)
		t = 0;
	if ((size_t)t > max_top(v))
		t = (long)max_top(v);
	v->top = (size_t)t;
	if (layout_nitems(v->l))
		v->cur = layout_row_item(v->l, v->top);
}

/* Show item i with its first row a third of the way down. */
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

static attr_t
text_attr(const struct view *v, unsigned char a)
{
	attr_t at = A_NORMAL;

	if (a & LA_MATCH)
		return A_REVERSE | (v->color ? COLOR_PAIR(PAIR_MATCH) : 0);
	if (a & LA_FACT)
		at |= A_BOLD | A_UNDERLINE |
		      (v->color ? COLOR_PAIR(PAIR_FACT) : 0);
	else if (a & LA_INS)
		at |= A_BOLD | (v->color ? COLOR_PAIR(PAIR_INS) : 0);
	else if (a & LA_DEL)
		at |= A_UNDERLINE | (v->color ? COLOR_PAIR(PAIR_DEL) : 0);
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

/* Draw one side's text at (y, x), runs of one attribute at a time. */
static void
draw_side(const struct view *v, int y, int x, const struct lside *s,
          attr_t base)
{
	size_t i = 0;

	move(y, x);
	while (i < s->len) {
		size_t j = i;
		while (j < s->len && s->attr[j] == s->attr[i])
			j++;
		attrset(base | text_attr(v, s->attr[i]));
		addnstr(s->s + i, (int)(j - i));
		i = j;
	}
	attrset(A_NORMAL);
}

static void
draw_status(struct view *v)
{
	const struct cmp *c = v->c;
	char left[256], right[160];
	size_t n = layout_nitems(v->l);
	const struct block *b = layout_block(v->l, v->cur);

	if (v->msg[0]) {
		snprintf(left, sizeof left, "%.255s", v->msg);
		right[0] = '\0';
	} else {
		snprintf(left, sizeof left, "%s | %s  %zu/%zu %s%s",
		         c->left->name, c->right->name, n ? v->cur + 1 : 0, n,
		         b ? cmp_kind_name(b->kind)
		           : (v->lo.mode == LAYOUT_RAW ? "raw diff" : ""),
		         b && b->moved ? " moved" : "");
		if (b && (b->kind == BLK_VERBATIM || b->kind == BLK_PARAPHRASE))
			snprintf(left + strlen(left),
			         sizeof left - strlen(left), " %.2f", b->sim);
		/* where a moved passage went: its paragraph on each side */
		if (b && b->moved) {
			const struct block *m = b;
			if (b->rs1 == b->rs0 && b->link >= 0)
				m = &c->blocks[b->link];
			if (m->rs1 > m->rs0 && b->ls1 > b->ls0)
				snprintf(left + strlen(left),
				         sizeof left - strlen(left),
				         " (official para %u, rewrite para %u)",
				         c->ls.v[b->ls0].para + 1,
				         c->rs.v[m->rs0].para + 1);
		}
		snprintf(right, sizeof right,
		         "=%zu ~%zu <%zu >%zu *%zu  ?:help",
		         c->count[BLK_VERBATIM], c->count[BLK_PARAPHRASE],
		         c->count[BLK_OMISSION], c->count[BLK_ADDITION],
		         c->nmoved);
	}
	/* file names are input too: show them only as visible text */
	for (char *p = left; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	attrset(A_REVERSE | (v->color ? COLOR_PAIR(PAIR_STATUS) : 0));
	move(LINES - 2, 0);
	for (int x = 0; x < COLS; x++)
		addch(' ');
	mvaddnstr(LINES - 2, 0, left, COLS);
	int rl = (int)strlen(right);
	if (rl && (int)strlen(left) + rl + 2 < COLS)
		mvaddstr(LINES - 2, COLS - rl, right);
	attrset(A_NORMAL);
	move(LINES - 1, 0);
	clrtoeol();
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
		char mark[2];
		layout_mark(v->l, r->item, mark);
		if (r->first) {
			attrset(kind_attr(v, mark[0]));
			mvaddch(y, 0, (chtype)mark[0]);
			attrset(v->color ? COLOR_PAIR(PAIR_MOVED) | A_BOLD
			                 : A_BOLD);
			mvaddch(y, 1, (chtype)mark[1]);
			attrset(A_NORMAL);
		}
		if (v->lo.single) {
			draw_side(v, y, x, &r->side[v->lo.single - 1],
			          A_NORMAL);
			continue;
		}
		draw_side(v, y, x, &r->side[0], A_NORMAL);
		mvaddch(y, x + colw + 1, '|');
		draw_side(v, y, x + colw + LAYOUT_GUTTER, &r->side[1],
		          A_NORMAL);
	}
	draw_status(v);
	refresh();
}

void
tui_help(const char *const *lines, size_t n)
{
	erase();
	for (size_t i = 0; i < n; i++)
		if ((int)i < LINES)
			mvaddnstr((int)i, 1, lines[i], COLS - 1);
	refresh();
	while (getch() == ERR && !got_signal)
		;
}

/* ---- prompts ---------------------------------------------------------- */

/* Read a line on the message row; 0 on Enter, -1 on Escape or empty. */
static int
prompt(const char *what, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (;;) {
		move(LINES - 1, 0);
		clrtoeol();
		addnstr(what, COLS);
		addnstr(buf, COLS - (int)strlen(what) - 1);
		refresh();
		int ch = getch();
		if (got_signal)
			return -1;
		if (ch == ERR)
			continue;
		if (ch == 27)
			return -1;
		if (ch == '\n' || ch == KEY_ENTER)
			return n ? 0 : -1;
		if ((ch == KEY_BACKSPACE || ch == 127 || ch == 8) && n)
			buf[--n] = '\0';
		else if (ch >= 0x20 && ch < 0x7f && n + 1 < size) {
			buf[n++] = (char)ch;
			buf[n] = '\0';
		}
	}
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
	const struct block *b = layout_block(v->l, i);
	return b && b->kind == kind;
}

static int
has_fact(const struct view *v, size_t i, int arg)
{
	const struct block *b = layout_block(v->l, i);
	(void)arg;
	return b && b->f1 > b->f0;
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
				         "wrapped around");
			center_on(v, i);
			return;
		}
	}
	snprintf(v->msg, sizeof v->msg, "no %s", what);
}

static void
search_step(struct view *v, int backward)
{
	size_t i;

	if (!v->pattern[0]) {
		snprintf(v->msg, sizeof v->msg, "no search yet: press /");
		return;
	}
	i = layout_find(v->l, v->cur, backward);
	if (i == (size_t)-1) {
		snprintf(v->msg, sizeof v->msg, "pattern not found: %s",
		         v->pattern);
		return;
	}
	center_on(v, i);
}

static void
do_export(struct view *v)
{
	char path[1024], fmt[32];

	if (!v->opt->export_to) {
		snprintf(v->msg, sizeof v->msg, "export is not available");
		return;
	}
	if (prompt("Export to file: ", path, sizeof path) < 0) {
		snprintf(v->msg, sizeof v->msg, "export cancelled");
		return;
	}
	if (prompt("Format (text, json, plain, wdiff, stats, html): ", fmt,
	           sizeof fmt) < 0)
		snprintf(fmt, sizeof fmt, "text");
	if (v->opt->export_to(v->c, path, fmt, v->msg, sizeof v->msg) == 0)
		snprintf(v->msg, sizeof v->msg, "wrote %.400s (%s)", path, fmt);
}

/* Apply one action; returns 0 to go on, 1 to quit, -1 on error. */
static int
act(struct view *v, enum action a)
{
	long page = text_rows();

	switch (a) {
	case ACT_QUIT:
		return 1;
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
		break;
	case ACT_BOTTOM:
		scroll_to(v, (long)max_top(v));
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
	case ACT_NEXT_FACT:
	case ACT_PREV_FACT:
		jump(v, has_fact, 0, a == ACT_PREV_FACT, "new fact");
		break;
	case ACT_SEARCH: {
		char pat[sizeof v->pattern];
		if (prompt("/", pat, sizeof pat) < 0)
			break;
		memcpy(v->pattern, pat, sizeof pat);
		if (layout_search(v->l, v->pattern) < 0)
			return -1;
		search_step(v, 0);
		break;
	}
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		search_step(v, a == ACT_PREV_MATCH);
		break;
	case ACT_HELP:
		tui_help(help_text, sizeof help_text / sizeof *help_text);
		break;
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
	case ACT_WRAP:
		v->lo.wrap = !v->lo.wrap;
		if (relayout(v) < 0)
			return -1;
		snprintf(v->msg, sizeof v->msg, "wrapping %s",
		         v->lo.wrap ? "on" : "off");
		break;
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
		do_export(v);
		break;
	case ACT_REDRAW:
		if (relayout(v) < 0)
			return -1;
		clearok(stdscr, TRUE);
		break;
	case ACT_NONE:
		break;
	}
	return 0;
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
static int color_on;
static struct sigaction old_int, old_term, old_hup;

static void
restore(void)
{
	if (curses_on) {
		endwin();
		curses_on = 0;
	}
}

static void
setup_colors(const struct tui_opt *o)
{
	const char *no = getenv("NO_COLOR");

	color_on = o->color == TUI_COLOR_ALWAYS ||
	           (o->color == TUI_COLOR_AUTO && !(no && *no));
	if (!color_on || !has_colors()) {
		color_on = o->color == TUI_COLOR_ALWAYS && has_colors();
		if (!color_on)
			return;
	}
	start_color();
	use_default_colors(); /* the terminal's own background: dark or light */
	init_pair(PAIR_DEL, COLOR_RED, -1);
	init_pair(PAIR_INS, COLOR_GREEN, -1);
	init_pair(PAIR_FACT, COLOR_MAGENTA, -1);
	init_pair(PAIR_MATCH, COLOR_CYAN, -1);
	init_pair(PAIR_PARA, COLOR_YELLOW, -1);
	init_pair(PAIR_MOVED, COLOR_BLUE, -1);
	init_pair(PAIR_STATUS, COLOR_WHITE, COLOR_BLUE);
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
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(50); /* Esc is a key here, not only a prefix */
	timeout(250);     /* wake to notice signals */
	mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
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
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
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
tui_pair(const struct cmp *c, const struct tui_opt *o, long block)
{
	struct view v;
	int rc = 0;

	memset(&v, 0, sizeof v);
	v.c = c;
	v.opt = o;
	v.lo.mode = LAYOUT_ALIGNED;
	v.lo.wrap = 1;
	v.color = color_on;
	if (relayout(&v) < 0) {
		rc = -1;
		goto out;
	}
	if (block >= 0) {
		/* open on the item that shows this block */
		for (size_t i = 0; i < layout_nitems(v.l); i++)
			if (layout_block(v.l, i) == &c->blocks[block]) {
				center_on(&v, i);
				break;
			}
	}
	draw(&v);
	while (!got_signal) {
		int ch = getch();
		enum action a;
		if (ch == ERR)
			continue;
		if (ch == KEY_MOUSE) {
			MEVENT ev;
			if (getmouse(&ev) != OK)
				continue;
			a = ev.bstate & BUTTON4_PRESSED ? ACT_UP : ACT_NONE;
			if (ev.bstate & BUTTON5_PRESSED)
				a = ACT_DOWN;
			if (a != ACT_NONE) {
				scroll_to(&v, a == ACT_UP ? -3 : 3);
				draw(&v);
			}
			continue;
		}
		v.msg[0] = '\0';
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
	int rc = tui_pair(c, o, -1);
	tui_screen_close();
	if (rc < 0) {
		*why = "out of memory";
		return TUI_FAILED;
	}
	return TUI_DONE;
}
