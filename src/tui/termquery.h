/* termquery.h - asking the terminal a question before curses takes it
 * (termquery.c): its background colour, for the theme.  Internal to
 * src/tui.
 */
#ifndef REDLINE_TUI_TERMQUERY_H
#define REDLINE_TUI_TERMQUERY_H

#include <stddef.h>

/* How long the terminal has to answer, in milliseconds. */
#define TERMQUERY_WAIT_MS 100

/* Ask the terminal (/dev/tty) for its background colour: write the OSC
 * 11 query (ESC ] 11 ; ? BEL) and read its answer, up to the BEL or ST
 * that ends it, for at most TERMQUERY_WAIT_MS, with the terminal out of
 * canonical mode and echo meanwhile; its settings are restored after,
 * what it sent that did not end an answer in time is dropped (no byte of
 * a partial answer is left to be read as keys), and the fatal signals
 * wait until then.  The bytes read go to buf[0..size); returns their
 * count, 0 when the terminal did not answer in time, -1 when there is no
 * terminal to ask (no /dev/tty, or not a terminal). */
int termquery_background(char *buf, size_t size);

#endif
