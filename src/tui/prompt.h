/* prompt.h - the viewer's prompts (prompt.c): a line edited on the message
 * row, a yes-or-no question there, and the export dialog (e) that the pair
 * viewer and the overview share.  Internal to src/tui.
 */
#ifndef REDLINE_TUI_PROMPT_H
#define REDLINE_TUI_PROMPT_H

#include <stddef.h>

#include "redline/text.h"

/* The screen under a prompt: redraw(arg) lays it out again and draws it
 * (after a resize, or to take a list off it); 0, or -1 when memory ran
 * out. */
struct tui_under {
	int (*redraw)(void *arg);
	void *arg;
};

/* What a prompt's line is: text (Tab does nothing), or a file name (Tab
 * completes it, lineedit.h). */
enum tui_line { TUI_LINE_TEXT, TUI_LINE_PATH };

/* Read a line on the message row after what, edited as lineedit.h says
 * (Left Right Home End, C-a C-e C-b C-f, Backspace Delete C-d, C-u C-k
 * C-w; for a file name Tab completes, and a second Tab lists the names
 * on the row above).  buf (size >= 1 bytes) receives it, UTF-8 without
 * control or hidden characters.  0 on Enter (buf may be empty); -1 on
 * Esc or a fatal signal, or when memory ran out (then *failed is set). */
int tui_prompt(const struct tui_under *u, const char *what, char *buf,
               size_t size, enum tui_line kind, int *failed);

/* Ask what on the message row: 1 for y, 0 for anything else (Esc among
 * them, or a fatal signal), -1 when memory ran out on a resize. */
int tui_confirm(const struct tui_under *u, const char *what);

/* What an export from a viewer writes, and how. */
struct tui_export {
	const char *proposed; /* the file name Enter takes on an empty line */
	const char *const *formats;       /* the formats the view writes, NULL
	                                     ended, the default (.txt's) first */
	const struct text *const *inputs; /* never written over */
	size_t ninputs;
	/* write the export to path in format: 0, or -1 with a message for
	 * the message row in msg */
	int (*write)(void *arg, const char *path, const char *format, char *msg,
	             size_t msglen);
	void *arg;
};

/* The e key: ask for a file (x->proposed on an empty line; a leading ~
 * or ~/ is $HOME; Tab completes), refuse a directory, take the format
 * from the name's extension or ask for it (again, while the answer is not
 * one of x->formats), refuse an input, ask before replacing a file, then
 * write.  Esc at any question writes nothing.  What happened is left in
 * msg.  0, or -1 when memory ran out. */
int tui_export_dialog(const struct tui_under *u, const struct tui_export *x,
                      char *msg, size_t msglen);

/* The file name to propose for an export about the input named name: its
 * base name without its extension (fallback for standard input or an
 * empty one), every character that shows nothing or acts on the terminal
 * made '_', then suffix ("-redline.txt"), into out[0..size). */
void tui_propose(const char *name, const char *fallback, const char *suffix,
                 char *out, size_t size);

#endif
