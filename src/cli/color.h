/* color.h - whether an export is coloured (--color and NO_COLOR). */
#ifndef REDLINE_COLOR_H
#define REDLINE_COLOR_H

/* Whether an export goes out in colour: when is an enum tui_color (the
 * --color option), tty whether the export goes to a terminal.  always:
 * yes; never: no; auto: on a terminal, unless NO_COLOR is set to anything
 * but the empty string.  1 or 0. */
int color_wanted(int when, int tty);

#endif
