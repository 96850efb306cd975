/* options.h - the command line of redline, parsed. */
#ifndef REDLINE_OPTIONS_H
#define REDLINE_OPTIONS_H

#include "../tui/tui.h"
#include "redline/compare.h"
#include "redline/export.h"

/* What the run writes (FMT_DEFAULT: the viewer on a terminal, else the
 * text report, or the summary for several rewrites). */
enum format {
	FMT_DEFAULT,
	FMT_TEXT,
	FMT_JSON,
	FMT_WDIFF,
	FMT_PLAIN,
	FMT_STATS,
	FMT_SUMMARY,
	FMT_HTML
};

/* The columns -W and $COLUMNS may ask for; outside them, an error (-W) or
 * ignored ($COLUMNS). */
#define WIDTH_MIN 20
#define WIDTH_MAX 10000
/* The columns of plain and summary when neither the terminal, -W nor
 * $COLUMNS gives them. */
#define WIDTH_DEFAULT 80

struct options {
	enum format fmt;
	struct cmp_opt cmp;
	struct tui_opt tui;    /* export_to left for the caller */
	struct export_opt exp; /* width 0: the caller picks it */
	const char *outpath;   /* -o, or NULL */
	unsigned loadflags;    /* TEXT_* for text_load */
	int nowrap;            /* -W0: the report unwrapped */
	int nfiles;            /* operands: the official text first */
	char **files;
};

enum opt_result {
	OPT_RUN,    /* *o holds the run to make */
	OPT_DONE,   /* --help or --version was printed: exit 0 */
	OPT_TROUBLE /* a message was printed: exit 2 */
};

/* Parse argv into *o (all of it set).  Prints --help and --version to
 * standard output and any error to standard error itself; checks the
 * operands' count and that '-' is given at most once.  OPT_TROUBLE also
 * when --help or --version could not be written. */
enum opt_result options_parse(int argc, char **argv, struct options *o);

/* The format called name ("text", "json", ...): 0, or -1 if none is. */
int format_parse(const char *name, enum format *out);

#endif
