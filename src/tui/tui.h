/* tui.h - the interactive side-by-side viewer.
 *
 * The only module that touches curses (pairview.c: the pair viewer and the
 * terminal session; overview_view.c: the overview of several rewrites).  It
 * draws rows from layout.h and maps keys to actions; it never changes the
 * comparison.
 */
#ifndef REDLINE_TUI_H
#define REDLINE_TUI_H

#include <stddef.h>

#include "redline/compare.h"
#include "redline/overview.h"

enum tui_color { TUI_COLOR_AUTO, TUI_COLOR_ALWAYS, TUI_COLOR_NEVER };

/* Write c to path in format ("text", "json", ...); 0 or -1 with a message
 * for the status line in msg.  Supplied by the program layer (atomic
 * writes, refusal to overwrite inputs). */
typedef int (*tui_export_fn)(const struct cmp *c, const char *path,
                             const char *format, char *msg, size_t msglen);

/* Write the overview ov to path in format ("summary", "text", "json",
 * ...: what --export writes for several rewrites); 0 or -1 with a message,
 * as tui_export_fn. */
typedef int (*tui_export_overview_fn)(const struct overview *ov,
                                      const char *path, const char *format,
                                      char *msg, size_t msglen);

/* The viewer's colour theme (palette.h): auto reads REDLINE_THEME, then
 * COLORFGBG, then asks the terminal for its background (OSC 11,
 * termquery.h), and takes dark when none says. */
enum tui_theme { TUI_THEME_AUTO, TUI_THEME_DARK, TUI_THEME_LIGHT };

struct tui_opt {
	int color; /* enum tui_color; NO_COLOR counts under auto */
	int theme; /* enum tui_theme */
	tui_export_fn export_to;                /* for the e key */
	tui_export_overview_fn export_overview; /* for the overview's e */
	/* every file given, which the e key never writes over (NULL: the
	 * texts of the view) */
	const struct text *const *inputs;
	size_t ninputs;
};

/* What tui_run and tui_overview return. */
enum tui_result {
	TUI_DONE = 0,         /* the viewer ran until the user quit */
	TUI_NO_TERMINAL = -1, /* no terminal could be set up (TERM unset,
	                         dumb or unknown): nothing was drawn; *why
	                         says what, for the caller to report before
	                         falling back to an export */
	TUI_FAILED = -2       /* the viewer ran and stopped on an error
	                         (*why: "out of memory"); the terminal is
	                         restored, and an export would fail too */
};

/* Run the viewer on c until the user quits; an enum tui_result.  On a
 * fatal signal the terminal is restored and the signal re-raised. */
int tui_run(const struct cmp *c, const struct tui_opt *o, const char **why);

/* Run the overview of one official text and several rewrites until the
 * user quits: the table and the coverage grid, with the pair viewer for
 * any rewrite on Enter.  Returns an enum tui_result, as tui_run. */
int tui_overview(const struct overview *ov, const struct tui_opt *o,
                 const char **why);

#endif
