/* screen.h - what the pair viewer (tui.c) lends the overview (overview.c):
 * the terminal session and the pair viewer itself.  Internal to src/tui.
 */
#ifndef REDLINE_TUI_SCREEN_H
#define REDLINE_TUI_SCREEN_H

#include "tui.h"

/* Take the terminal (curses, keys, signals, colours).  0, or -1 with *why
 * when there is no usable terminal (nothing drawn then). */
int tui_screen_open(const struct tui_opt *o, const char **why);

/* Give the terminal back; if a fatal signal came, re-raise it now. */
void tui_screen_close(void);

/* Whether a fatal signal has come (the loops must end). */
int tui_signalled(void);

/* Whether colours are on. */
int tui_color(void);

/* The pair viewer on c, opened on block (or at the top if block < 0), until
 * q or Esc.  Returns 0, or -2 when memory ran out. */
int tui_pair(const struct cmp *c, const struct tui_opt *o, long block);

#endif
