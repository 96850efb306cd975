/* termquery.c - the OSC 11 question to the terminal (termquery.h).
 *
 * Owns the short exchange on /dev/tty before curses takes the terminal:
 * its settings saved, canonical mode and echo off, the query written, the
 * answer read until it ends or the wait is over, the settings restored.
 * The signals that end the program are held meanwhile, so that the
 * terminal is never left without echo.  A terminal that does not know the
 * query says nothing: then the wait is all it costs, and nothing is left
 * in the input.  No curses here; palette.c reads the answer.
 */
#include "termquery.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* Milliseconds on the monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Whether buf[0..n) holds the end of an OSC answer (BEL, or ST as
 * ESC \ or 0x9C) after its start (ESC ]). */
static int
answer_ended(const char *buf, size_t n)
{
	const char *start = NULL;

	for (size_t i = 0; i + 1 < n; i++)
		if (buf[i] == '\033' && buf[i + 1] == ']') {
			start = buf + i + 2;
			break;
		}
	if (!start)
		return 0;
	for (const char *p = start; p < buf + n; p++)
		if (*p == '\a' || (unsigned char)*p == 0x9c ||
		    (*p == '\033' && p + 1 < buf + n && p[1] == '\\'))
			return 1;
	return 0;
}

int
termquery_background(char *buf, size_t size)
{
	static const char query[] = "\033]11;?\a";
	/* the signals that end the program, and Ctrl-Z's: none of them
	 * finds the terminal without echo.  (SIGTTIN and SIGTTOU are not
	 * held: a viewer started in the background stops before it touches
	 * the terminal, as job control means it to.) */
	static const int held[] = {SIGINT,  SIGTERM, SIGHUP,  SIGQUIT,
	                           SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
	                           SIGPROF, SIGXCPU, SIGTSTP};
	struct termios saved, raw;
	sigset_t hold, old;
	size_t n = 0;
	int fd, ended = 0;

	fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (!isatty(fd) || tcgetattr(fd, &saved) < 0) {
		close(fd);
		return -1;
	}
	sigemptyset(&hold);
	for (size_t i = 0; i < sizeof held / sizeof *held; i++)
		sigaddset(&hold, held[i]);
	pthread_sigmask(SIG_BLOCK, &hold, &old);
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(fd, TCSANOW, &raw) == 0 &&
	    write(fd, query, sizeof query - 1) == (ssize_t)(sizeof query - 1)) {
		long long end = now_ms() + TERMQUERY_WAIT_MS;
		while (n + 1 < size && !ended) {
			long long left = end - now_ms();
			if (left <= 0)
				break;
			struct pollfd p = {fd, POLLIN, 0};
			int r = poll(&p, 1, (int)left);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			ssize_t got = read(fd, buf + n, size - 1 - n);
			if (got < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (got <= 0)
				break;
			n += (size_t)got;
			ended = answer_ended(buf, n);
		}
	}
	/* an answer cut short by the wait: its start dropped now rather
	 * than its rest read as keys (its rest, should it come later, is
	 * beyond help) */
	if (!ended)
		tcflush(fd, TCIFLUSH);
	tcsetattr(fd, TCSANOW, &saved);
	close(fd);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (n < size)
		buf[n] = '\0';
	return ended ? (int)n : 0;
}
