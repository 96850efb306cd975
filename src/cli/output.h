/* output.h - where an export goes: standard output, or a file written
 * atomically (a temporary file beside the target, renamed over it only when
 * everything was written and synced).
 */
#ifndef REDLINE_OUTPUT_H
#define REDLINE_OUTPUT_H

#include <stdio.h>

#include "redline/text.h"

struct output {
	FILE *f;      /* write the export here */
	char *target; /* NULL for standard output */
	char *tmp;    /* the temporary file's name while open (with
	                 unnamed, the name it will get) */
	char *name;   /* the file as it was given, for messages */
	int unnamed;  /* the file written has no name yet (O_TMPFILE) */
};

/* Open an output to path (NULL or "-" for standard output).  Refuses a path
 * that is one of the inputs (same file, even through another name).  Returns
 * 0, or -1 with a message (naming the path) in err. */
int output_open(struct output *o, const char *path,
                const struct text *const *inputs, int ninputs, char *err,
                size_t errlen);

/* Finish: flush, sync and rename into place (or flush standard output).
 * Returns 0, or -1 with a message in err; on failure the temporary file is
 * removed and the target left as it was. */
int output_commit(struct output *o, char *err, size_t errlen);

/* Give up: remove the temporary file; the target is untouched. */
void output_abort(struct output *o);

/* Remove the temporary file of the output being written, if any.  Async
 * signal safe: for a signal handler that is about to exit. */
void output_signal_cleanup(void);

#endif
