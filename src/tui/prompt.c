/* prompt.c - the viewer's prompts, on ncursesw: a line read on the message
 * row, a yes-or-no question, and the export dialog of both viewers.
 *
 * Owns the keys and the drawing of a prompt; the editing itself is
 * lineedit.c's.  Invariants: Esc at any prompt writes nothing; what is
 * typed reaches the screen only as lineedit.h keeps it (no control or
 * hidden character); a resize under a prompt lays the screen under it out
 * again (tui_under) and the prompt keeps its line.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include "prompt.h"
#include "lineedit.h"
#include "pairview.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "redline/uni.h"

/* Draw the prompt: what, then the part of the line that fits, the cursor
 * on its place. */
static void
draw_line(const char *what, struct lineedit *e)
{
	int ww, cols;
	size_t wb;

	/* what takes at most all but ten columns (a long proposed name) */
	wb = uni_fit((const unsigned char *)what, strlen(what),
	             COLS > 12 ? COLS - 10 : COLS / 2, &ww);
	cols = COLS - ww - 1;
	move(LINES - 1, 0);
	clrtoeol();
	addnstr(what, (int)wb);
	if (cols < 1) {
		refresh();
		return;
	}
	int at = le_scroll(e, cols), used;
	size_t n = le_shown(e, cols, &used);
	addnstr(e->buf + e->first, (int)n);
	move(LINES - 1, ww + at);
	refresh();
}

/* The names completion found, on the row above the prompt, until the next
 * key. */
static void
draw_list(const struct le_matches *m)
{
	char list[1024];
	int used;

	le_matches_join(m, list, sizeof list);
	size_t n =
	        uni_fit((const unsigned char *)list, strlen(list), COLS, &used);
	attrset(A_REVERSE);
	move(LINES - 2, 0);
	clrtoeol();
	addnstr(list, (int)n);
	attrset(A_NORMAL);
}

/* One key that is not a character. 0 to go on, 1 on Enter. */
static int
special_key(struct lineedit *e, wint_t ch)
{
	switch (ch) {
	case KEY_ENTER:
		return 1;
	case KEY_LEFT:
		le_left(e);
		break;
	case KEY_RIGHT:
		le_right(e);
		break;
	case KEY_HOME:
	case KEY_FIND: /* Home on terminals that send ESC [ 1 ~ */
	case KEY_A1:
		le_home(e);
		break;
	case KEY_END:
	case KEY_SELECT: /* End as ESC [ 4 ~ */
	case KEY_C1:
		le_end(e);
		break;
	case KEY_BACKSPACE:
		le_backspace(e);
		break;
	case KEY_DC:
		le_delete(e);
		break;
	default:
		break;
	}
	return 0;
}

/* One control character of the line editor. */
static void
control_key(struct lineedit *e, wint_t ch)
{
	switch (ch) {
	case 'a' & 0x1f:
		le_home(e);
		break;
	case 'e' & 0x1f:
		le_end(e);
		break;
	case 'b' & 0x1f:
		le_left(e);
		break;
	case 'f' & 0x1f:
		le_right(e);
		break;
	case 'd' & 0x1f:
		le_delete(e);
		break;
	case 'h' & 0x1f:
	case 127:
		le_backspace(e);
		break;
	case 'u' & 0x1f:
		le_kill_start(e);
		break;
	case 'k' & 0x1f:
		le_kill_end(e);
		break;
	case 'w' & 0x1f:
		le_kill_word(e);
		break;
	default:
		break;
	}
}

int
tui_prompt(const struct tui_under *u, const char *what, char *buf, size_t size,
           enum tui_line kind, int *failed)
{
	struct lineedit e;
	int listed = 0, tabbed = 0, rc = -1;

	le_init(&e, buf, size);
	curs_set(1);
	for (;;) {
		draw_line(what, &e);
		wint_t ch;
		int got = get_wch(&ch);
		if (tui_signalled())
			break;
		if (got == ERR)
			continue;
		/* a list of names stays until the next key */
		if (listed && !(got == KEY_CODE_YES && ch == KEY_RESIZE)) {
			listed = 0;
			if (u->redraw(u->arg) < 0) {
				*failed = 1;
				break;
			}
		}
		int tab = got != KEY_CODE_YES && ch == '\t';
		int after_tab = tabbed;
		tabbed = tab;
		if (got == KEY_CODE_YES) {
			if (ch == KEY_RESIZE) {
				listed = 0;
				if (u->redraw(u->arg) < 0) {
					*failed = 1;
					break;
				}
			} else if (special_key(&e, ch)) {
				rc = 0;
				break;
			}
			continue;
		}
		if (ch == 27)
			break;
		if (ch == '\n' || ch == '\r') {
			rc = 0;
			break;
		}
		if (ch == ('l' & 0x1f)) {
			clearok(stdscr, TRUE);
			if (u->redraw(u->arg) < 0) {
				*failed = 1;
				break;
			}
		} else if (tab && kind == TUI_LINE_PATH) {
			struct le_matches m = {NULL, 0};
			int r = le_complete(&e, getenv("HOME"), &m);
			if (r == LE_NOMEM) {
				*failed = 1;
				break;
			}
			if (r == LE_AMBIGUOUS && after_tab) {
				draw_list(&m);
				listed = 1;
			} else if (r == LE_NONE || r == LE_AMBIGUOUS) {
				beep();
			}
			le_matches_free(&m);
		} else if (ch < 0x20 || ch == 127) {
			control_key(&e, ch);
		} else {
			le_insert(&e, (int32_t)ch);
		}
	}
	curs_set(0);
	return rc;
}

int
tui_confirm(const struct tui_under *u, const char *what)
{
	for (;;) {
		move(LINES - 1, 0);
		clrtoeol();
		addnstr(what, COLS);
		refresh();
		int ch = getch();
		if (tui_signalled())
			return 0;
		if (ch == ERR)
			continue;
		if (ch == KEY_RESIZE) {
			if (u->redraw(u->arg) < 0)
				return -1;
			continue;
		}
		return ch == 'y' || ch == 'Y';
	}
}

/* ---- the export dialog ------------------------------------------------ */

/* Whether format f is one of x's. */
static const char *
known_format(const struct tui_export *x, const char *f)
{
	for (size_t i = 0; x->formats[i]; i++)
		if (strcasecmp(f, x->formats[i]) == 0)
			return x->formats[i];
	return NULL;
}

/* The format a file name asks for by its extension (any case): ".txt" the
 * view's default, ".htm" html, else the extension named as a format of
 * the view; NULL when it names none. */
static const char *
format_of(const struct tui_export *x, const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');

	if (!dot || dot[1] == '\0')
		return NULL;
	if (strcasecmp(dot + 1, "txt") == 0)
		return x->formats[0];
	if (strcasecmp(dot + 1, "htm") == 0)
		return known_format(x, "html");
	return known_format(x, dot + 1);
}

/* Whether st is the file of one of x's inputs. */
static int
is_input(const struct tui_export *x, const struct stat *st)
{
	struct stat s;

	for (size_t k = 0; k < x->ninputs; k++)
		if (strcmp(x->inputs[k]->name, "-") != 0 &&
		    stat(x->inputs[k]->name, &s) == 0 &&
		    s.st_dev == st->st_dev && s.st_ino == st->st_ino)
			return 1;
	return 0;
}

/* The question for the format: lead, the view's formats, close, then the
 * default in brackets. */
static void
format_question(const struct tui_export *x, const char *lead, const char *close,
                char *out, size_t size)
{
	size_t n = (size_t)snprintf(out, size, "%s", lead);

	for (size_t i = 0; x->formats[i] && n < size; i++)
		n += (size_t)snprintf(out + n, size - n, "%s%s", i ? ", " : "",
		                      x->formats[i]);
	if (n < size)
		snprintf(out + n, size - n, "%s [%s]: ", close, x->formats[0]);
}

int
tui_export_dialog(const struct tui_under *u, const struct tui_export *x,
                  char *msg, size_t msglen)
{
	char what[400], path[1024], fmt[32], ask[200], again[200];
	const char *f;
	struct stat st;
	int failed = 0, yes;

	snprintf(what, sizeof what, "Export to file [%s]: ", x->proposed);
	if (tui_prompt(u, what, path, sizeof path, TUI_LINE_PATH, &failed) < 0)
		goto cancel;
	if (!path[0])
		snprintf(path, sizeof path, "%s", x->proposed);
	if (path[0] == '~' && (path[1] == '/' || !path[1])) {
		/* a leading ~ is the home directory, as in a shell */
		const char *home = getenv("HOME");
		char full[1024];
		if (home && home[0] &&
		    snprintf(full, sizeof full, "%s%s", home, path + 1) <
		            (int)sizeof full)
			memcpy(path, full, strlen(full) + 1);
	}
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(msg, msglen, "%.400s is a directory: nothing written",
		         path);
		return 0;
	}
	f = format_of(x, path);
	format_question(x, "Format (", ")", ask, sizeof ask);
	format_question(x, "Unknown format; one of ", "", again, sizeof again);
	for (const char *q = ask; !f; q = again) {
		if (tui_prompt(u, q, fmt, sizeof fmt, TUI_LINE_TEXT, &failed) <
		    0)
			goto cancel;
		f = fmt[0] ? known_format(x, fmt) : x->formats[0];
	}
	if (stat(path, &st) == 0 && is_input(x, &st)) {
		snprintf(msg, msglen, "%.400s: refusing to overwrite an input",
		         path);
		return 0;
	}
	/* a file that is there would be replaced: ask (a device, a terminal
	 * or a pipe is not replaced, and write says what it thinks) */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		snprintf(what, sizeof what, "%.300s exists: replace it? (y/n) ",
		         path);
		yes = tui_confirm(u, what);
		if (yes < 0)
			return -1;
		if (!yes)
			goto cancel;
	}
	if (x->write(x->arg, path, f, msg, msglen) == 0)
		snprintf(msg, msglen, "wrote %.400s (%s)", path, f);
	return 0;
cancel:
	if (failed)
		return -1;
	snprintf(msg, msglen, "export cancelled: nothing written");
	return 0;
}

void
tui_propose(const char *name, const char *fallback, const char *suffix,
            char *out, size_t size)
{
	const char *base = strrchr(name, '/');
	char stem[200];
	size_t n = 0;

	base = base ? base + 1 : name;
	if (strcmp(name, "-") == 0 || !*base)
		base = fallback;
	for (size_t i = 0, len = strlen(base); i < len;) {
		int32_t cp;
		size_t l = uni_decode((const unsigned char *)base + i, len - i,
		                      &cp);
		int shown = uni_visible_line(cp) == cp;
		if (n + (shown ? l : 1) >= sizeof stem)
			break;
		if (shown)
			memcpy(stem + n, base + i, l);
		else
			stem[n] = '_';
		n += shown ? l : 1;
		i += l;
	}
	stem[n] = '\0';
	char *dot = strrchr(stem, '.');
	if (dot && dot != stem)
		*dot = '\0';
	snprintf(out, size, "%s%s", stem, suffix);
}
