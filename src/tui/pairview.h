/* pairview.h - what the pair viewer (pairview.c) lends the overview viewer
 * (overview_view.c):
 * the terminal session and the pair viewer itself.  Internal to src/tui.
 */
#ifndef REDLINE_TUI_PAIRVIEW_H
#define REDLINE_TUI_PAIRVIEW_H

#include "tui.h"

/* Colour pairs, set up by tui_screen_open when colours are on. */
enum pair_id {
	PAIR_DEL = 1,  /* red: omissions, deleted words */
	PAIR_INS,      /* green: additions, inserted words */
	PAIR_FACT,     /* magenta: new facts */
	PAIR_MATCH,    /* cyan: search matches */
	PAIR_PARA,     /* yellow: paraphrases */
	PAIR_MOVED,    /* blue: the moved mark */
	PAIR_STATUS,   /* white on blue: the status line */
	PAIR_TINT_DEL, /* red: an omission's text */
	PAIR_TINT_INS  /* green: an addition's text */
};

/* Take the terminal (curses, keys, signals, colours).  0, or -1 with *why
 * when there is no usable terminal (nothing drawn then). */
int tui_screen_open(const struct tui_opt *o, const char **why);

/* Give the terminal back; if a fatal signal came, re-raise it now. */
void tui_screen_close(void);

/* Whether a fatal signal has come (the loops must end). */
int tui_signalled(void);

/* Whether colours are on. */
int tui_color(void);

/* Show lines[0..n) on a cleared screen until a key is pressed; when they
 * do not fit, j k Space b g G scroll them and any other key goes back.  A
 * resize or Ctrl-L lays them out again (the caller lays its own screen out
 * again after). */
void tui_help(const char *const *lines, size_t n);

/* The list of c's findings, most serious first, with *sel (an index into
 * that order) highlighted, until Enter (returns the passage of the one
 * picked, an index into c->ps.v, and leaves *sel on it) or q Esc L
 * (returns -1); -2 when memory ran out.  -1 at once when c has none. */
long tui_findings(const struct cmp *c, size_t *sel);

/* The pair viewer on c, opened on block (or at the top if block < 0), until
 * q (or Esc, when nested: opened from the overview).  Returns 0, or -1 when
 * memory ran out. */
int tui_pair(const struct cmp *c, const struct tui_opt *o, long block,
             int nested);

#endif
