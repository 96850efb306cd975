/* output.c - atomic file output and checked standard output.
 *
 * Invariant: a target file is either left exactly as it was or replaced
 * whole by a complete, synced new version; never half-written.  Only
 * regular files are replaced that way (through a symbolic link, the file it
 * names); a device is written in place, like a shell redirection, and so
 * is a FIFO that has a reader (one without is refused at once, not waited
 * on).  A read-only file is never replaced, and a replacement never
 * takes set-user-ID, set-group-ID or sticky bits from the file it
 * replaces.
 *
 * Where the system has them (Linux: O_TMPFILE and /proc), the new version
 * is written into a file with no name, which a kill -9 leaves nowhere, and
 * is given a name in the target's directory only when complete, just
 * before the rename; elsewhere it is written into a temporary file
 * ".NAME.XXXXXX" there.  At most one temporary name exists at a time, kept
 * in a static buffer so a signal handler can remove it.  Messages name the
 * file as it was given, not the path a link resolved to.
 */
#define _GNU_SOURCE /* O_TMPFILE; realpath, linkat are POSIX */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char pending_tmp[4096]; /* temp file to remove on a fatal signal */
static volatile sig_atomic_t pending_set;

void
output_signal_cleanup(void)
{
	if (pending_set)
		unlink(pending_tmp);
}

static void
forget_tmp(void)
{
	pending_set = 0;
	pending_tmp[0] = '\0';
}

static void
remember_tmp(const char *name)
{
	strcpy(pending_tmp, name); /* its length was checked at open */
	pending_set = 1;
}

/* The longest file name the directory of path (its first dirlen bytes,
 * none for the current directory) takes; at least 16. */
static long
tmp_name_max(const char *path, size_t dirlen)
{
	char *dir = dirlen ? strndup(path, dirlen) : NULL;
	long n = pathconf(dir ? dir : ".", _PC_NAME_MAX);

	free(dir);
	return n >= 16 ? n : n < 0 ? 255 : 16;
}

/* Write an error about the file o was opened for into err. */
static void
fail(char *err, size_t errlen, const char *name, const char *what, int e)
{
	if (e)
		snprintf(err, errlen, "%s: %s%s%s", name, what,
		         what[0] ? ": " : "", strerror(e));
	else
		snprintf(err, errlen, "%s: %s", name, what);
}

/* A device or FIFO, written in place.  A FIFO is opened without waiting:
 * with no reader, that fails at once (ENXIO) rather than hang. */
static int
open_in_place(struct output *o, const char *path, const struct stat *st,
              char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC |
	                            (S_ISFIFO(st->st_mode) ? O_NONBLOCK : 0));
	if (fd < 0) {
		if (errno == ENXIO && S_ISFIFO(st->st_mode))
			fail(err, errlen, path, "a FIFO with no reader", 0);
		else
			fail(err, errlen, path, "", errno);
		return -1;
	}
	if (S_ISFIFO(st->st_mode))
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	o->f = fdopen(fd, "w");
	o->target = strdup(path);
	o->name = strdup(path);
	if (!o->f || !o->target || !o->name) {
		fail(err, errlen, path, "out of memory", 0);
		if (!o->f)
			close(fd);
		output_abort(o);
		return -1;
	}
	return 0;
}

/* An unnamed file in the directory of o->target (dirlen bytes of it), of
 * the given mode: its descriptor, or -1 where the system cannot (then the
 * caller makes a named one). */
static int
open_unnamed(const struct output *o, size_t dirlen, mode_t mode)
{
#ifdef O_TMPFILE
	char *dir = dirlen ? strndup(o->target, dirlen) : NULL;
	int fd = -1;
	/* naming it at the end goes through /proc/self/fd */
	if ((!dirlen || dir) && access("/proc/self/fd", X_OK) == 0)
		fd = open(dir ? dir : ".", O_TMPFILE | O_WRONLY | O_CLOEXEC,
		          mode);
	free(dir);
	return fd;
#else
	(void)o;
	(void)dirlen;
	(void)mode;
	return -1;
#endif
}

int
output_open(struct output *o, const char *path,
            const struct text *const *inputs, int ninputs, char *err,
            size_t errlen)
{
	struct stat st;
	const char *slash;
	size_t dirlen;
	int fd, i, exists;
	mode_t mode;

	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	char *resolved = NULL;
	exists = stat(path, &st) == 0;
	if (exists) {
		if (S_ISDIR(st.st_mode)) {
			fail(err, errlen, path, "is a directory", 0);
			return -1;
		}
		for (i = 0; i < ninputs; i++)
			if (inputs[i]->has_id && inputs[i]->dev == st.st_dev &&
			    inputs[i]->ino == st.st_ino) {
				fail(err, errlen, path,
				     "refusing to overwrite an input file", 0);
				return -1;
			}
		if (!S_ISREG(st.st_mode))
			return open_in_place(o, path, &st, err, errlen);
		/* root may write anything: the mode says what is meant */
		if (!(st.st_mode & 0222) || access(path, W_OK) < 0) {
			fail(err, errlen, path,
			     "is read-only; not replaced (remove it first, or "
			     "write elsewhere)",
			     0);
			return -1;
		}
		/* through a symbolic link, replace the file it points to */
		resolved = realpath(path, NULL);
	}
	o->name = strdup(path);
	o->target = strdup(resolved ? resolved : path);
	free(resolved);
	o->tmp = o->target ? malloc(strlen(o->target) + 16) : NULL;
	if (!o->name || !o->target || !o->tmp) {
		fail(err, errlen, path, "out of memory", 0);
		output_abort(o);
		return -1;
	}
	slash = strrchr(o->target, '/');
	dirlen = slash ? (size_t)(slash - o->target) + 1 : 0;
	/* dir/.name.XXXXXX: same directory, so rename is atomic; the name
	 * cut short where the whole would be too long for the directory (a
	 * valid 250-byte name must not fail for its temporary file) */
	memcpy(o->tmp, o->target, dirlen);
	size_t keep = strlen(o->target + dirlen);
	long name_max = tmp_name_max(o->target, dirlen);
	if (keep + 8 > (size_t)name_max)
		keep = (size_t)name_max - 8;
	sprintf(o->tmp + dirlen, ".%.*s.XXXXXX", (int)keep, o->target + dirlen);
	if (strlen(o->tmp) >= sizeof pending_tmp) {
		fail(err, errlen, path, "path too long", 0);
		output_abort(o);
		return -1;
	}
	/* the mode a new file would get, or the old file's permissions
	 * (never its set-ID or sticky bits) when replacing one */
	mode_t um = umask(0);
	umask(um);
	mode = exists ? st.st_mode & 0777 : 0666 & ~um;
	fd = open_unnamed(o, dirlen, mode);
	if (fd >= 0) {
		o->unnamed = 1;
	} else {
		fd = mkstemp(o->tmp);
		if (fd < 0) {
			fail(err, errlen, path, "cannot create a file there",
			     errno);
			free(o->tmp);
			o->tmp = NULL;
			output_abort(o);
			return -1;
		}
		remember_tmp(o->tmp);
	}
	fchmod(fd, mode);
	o->f = fdopen(fd, "w");
	if (!o->f) {
		fail(err, errlen, path, "", errno);
		close(fd);
		output_abort(o);
		return -1;
	}
	return 0;
}

/* Give the unnamed file of o a name: o->tmp with its XXXXXX made unique.
 * 0, or -1 with errno set. */
static int
name_unnamed(struct output *o)
{
	char proc[64];
	size_t n = strlen(o->tmp);
	uint64_t seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 20) ^
	                (uint64_t)(uintptr_t)o;

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fileno(o->f));
	for (int tries = 0; tries < 100; tries++) {
		static const char digits[] =
		        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		        "0123456789";
		for (size_t i = n - 6; i < n; i++) {
			seed = seed * 6364136223846793005u +
			       1442695040888963407u;
			o->tmp[i] = digits[(seed >> 33) % (sizeof digits - 1)];
		}
		remember_tmp(o->tmp);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, o->tmp,
		           AT_SYMLINK_FOLLOW) == 0) {
			o->unnamed = 0;
			return 0;
		}
		forget_tmp();
		if (errno != EEXIST)
			return -1;
	}
	errno = EEXIST;
	return -1;
}

int
output_commit(struct output *o, char *err, size_t errlen)
{
	const char *name = o->name ? o->name : "standard output";

	if (!o->target) {
		if (fflush(o->f) == EOF || ferror(o->f)) {
			fail(err, errlen, name, "write error",
			     errno ? errno : EIO);
			return -1;
		}
		return 0;
	}
	if (!o->tmp) { /* written in place (a device or FIFO) */
		int bad = fflush(o->f) == EOF || ferror(o->f);
		int saved = errno;
		if (fclose(o->f) == EOF && !bad) {
			bad = 1;
			saved = errno;
		}
		o->f = NULL;
		if (bad)
			fail(err, errlen, name, "write error",
			     saved ? saved : EIO);
		output_abort(o);
		return bad ? -1 : 0;
	}
	if (fflush(o->f) == EOF || ferror(o->f) || fsync(fileno(o->f)) < 0) {
		fail(err, errlen, name, "write error", errno ? errno : EIO);
		output_abort(o);
		return -1;
	}
	if (o->unnamed && name_unnamed(o) < 0) {
		fail(err, errlen, name, "cannot create a file there", errno);
		output_abort(o);
		return -1;
	}
	if (fclose(o->f) == EOF) {
		o->f = NULL;
		fail(err, errlen, name, "write error", errno);
		output_abort(o);
		return -1;
	}
	o->f = NULL;
	if (rename(o->tmp, o->target) < 0) {
		fail(err, errlen, name, "cannot replace", errno);
		output_abort(o);
		return -1;
	}
	forget_tmp();
	free(o->tmp);
	o->tmp = NULL;
	output_abort(o); /* releases the names */
	return 0;
}

void
output_abort(struct output *o)
{
	if (o->f && o->f != stdout)
		fclose(o->f);
	if (o->tmp && o->f != stdout && !o->unnamed) {
		unlink(o->tmp);
		forget_tmp();
	}
	free(o->tmp);
	free(o->target);
	free(o->name);
	memset(o, 0, sizeof *o);
}
