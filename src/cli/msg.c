/* msg.c - the program's messages: one line on standard error, always
 * "redline: what: problem". */
#include "msg.h"

#include <stdarg.h>
#include <stdio.h>

void
warnx(const char *fmt, ...)
{
	va_list ap;

	fputs("redline: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
try_help(void)
{
	fputs("Try 'redline --help' for more information.\n", stderr);
}
