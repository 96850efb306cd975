/* msg.h - the program's messages on standard error. */
#ifndef REDLINE_MSG_H
#define REDLINE_MSG_H

/* Room for one message, a file name included (PATH_MAX and some words). */
#define MSG_MAX 4200

/* Print "redline: " and the formatted message and a newline on standard
 * error.  Never fails visibly: a message that cannot be written is lost. */
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print the hint that follows a usage error. */
void try_help(void);

#endif
