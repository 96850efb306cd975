/* findlist.c - the viewer's list of findings (finding.h): every finding of
 * a comparison, most serious type first, as the text report lists them;
 * j k move, Enter picks one for the pair viewer to jump to.
 *
 * Owns the list screen only; the pair viewer (pairview.c) opens it and
 * moves to the passage picked.  Internal to src/tui.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "pairview.h"
#include "redline/uni.h"

#define SIDE_MAX 60 /* bytes of one side shown, at most */

/* The words of tokens [t0, t1) of side right, at most SIDE_MAX bytes, as
 * visible text on one line (white space runs as one space, controls and
 * hidden characters as uni_cell shows them), appended to out (room
 * size). */
static void
side_text(const struct cmp *c, int right, uint32_t t0, uint32_t t1, char *out,
          size_t size)
{
	const struct text *t = right ? c->right : c->left;
	const struct toklist *l = right ? &c->rt : &c->lt;
	size_t n = strlen(out), a = l->v[t0].off, e = tok_end(l, t1 - 1), len;
	int space = 0;
	char shown;

	if (e - a > SIDE_MAX)
		e = a + SIDE_MAX;
	for (size_t i = a; i < e && n + 8 < size; i += len) {
		unsigned char ch = t->buf[i];
		uni_cell(t->buf + i, t->len - i, &len, &shown);
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			space = 1;
			len = 1;
			continue;
		}
		if (space && n + 1 < size)
			out[n++] = ' ';
		space = 0;
		if (shown) {
			out[n++] = shown;
		} else if (n + len < size) {
			memcpy(out + n, t->buf + i, len);
			n += len;
		}
	}
	if (e < tok_end(l, t1 - 1) && n + 4 < size) {
		memcpy(out + n, "\u2026", 3); /* cut */
		n += 3;
	}
	out[n] = '\0';
}

/* Finding f as one line: "[12] changed name: Amman → Cairo". */
static void
line_of(const struct cmp *c, const struct finding *f, char *out, size_t size)
{
	snprintf(out, size, "[%lu] %s: ", (unsigned long)f->passage + 1,
	         find_type_label(f->type, 0));
	if (f->l0 < f->l1) {
		side_text(c, 0, f->l0, f->l1, out, size);
		snprintf(out + strlen(out), size - strlen(out), "%s",
		         f->r0 < f->r1 ? " \u2192 " : " \u2192 (dropped)");
	}
	if (f->r0 < f->r1)
		side_text(c, 1, f->r0, f->r1, out, size);
}

long
tui_findings(const struct cmp *c, size_t *sel)
{
	size_t n = c->fd.n, first = 0, *order;
	char line[512];
	long picked = -1;

	if (!n)
		return -1;
	order = malloc(n * sizeof *order);
	if (!order)
		return -2;
	/* most serious first, in passage order within a type */
	size_t k = 0;
	for (unsigned t = 0; t < FIND_NTYPES; t++)
		for (size_t i = 0; i < n; i++)
			if (c->fd.v[i].type == t)
				order[k++] = i;
	if (*sel >= n)
		*sel = 0;
	for (;;) {
		int h = LINES > 3 ? LINES - 3 : 1;
		if (*sel < first)
			first = *sel;
		if (*sel >= first + (size_t)h)
			first = *sel - (size_t)h + 1;
		erase();
		snprintf(line, sizeof line, "%zu finding%s, most serious first",
		         n, n == 1 ? "" : "s");
		attrset(A_BOLD);
		mvaddnstr(0, 1, line, COLS - 1);
		attrset(A_NORMAL);
		for (size_t i = first; i < n && (int)(i - first) < h; i++) {
			line_of(c, &c->fd.v[order[i]], line, sizeof line);
			if (i == *sel)
				attrset(A_REVERSE);
			mvaddnstr((int)(i - first) + 1, 1, line, COLS - 1);
			attrset(A_NORMAL);
		}
		attrset(A_REVERSE);
		mvaddnstr(LINES - 1, 0,
		          "-- j k move, Enter goes to the passage, q Esc go "
		          "back --",
		          COLS);
		attrset(A_NORMAL);
		refresh();
		int ch = getch();
		if (tui_signalled())
			break;
		if (ch == ERR || ch == KEY_RESIZE)
			continue;
		if (ch == ('l' & 0x1f)) {
			clearok(stdscr, TRUE);
			continue;
		}
		if (ch == 'j' || ch == KEY_DOWN || ch == ('n' & 0x1f))
			*sel = *sel + 1 < n ? *sel + 1 : *sel;
		else if (ch == 'k' || ch == KEY_UP || ch == ('p' & 0x1f))
			*sel = *sel ? *sel - 1 : 0;
		else if (ch == ' ' || ch == KEY_NPAGE)
			*sel = *sel + (size_t)h < n ? *sel + (size_t)h : n - 1;
		else if (ch == 'b' || ch == KEY_PPAGE)
			*sel = *sel > (size_t)h ? *sel - (size_t)h : 0;
		else if (ch == 'g' || ch == KEY_HOME)
			*sel = 0;
		else if (ch == 'G' || ch == KEY_END)
			*sel = n - 1;
		else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
			picked = (long)c->fd.v[order[*sel]].passage;
			break;
		} else if (ch == 'q' || ch == 27 || ch == 'L') {
			break;
		}
	}
	free(order);
	return picked;
}
