/* output.c - atomic file output and checked standard output.
 *
 * Invariant: a target file is either left exactly as it was or replaced
 * whole by a complete, synced new version; never half-written.  Only
 * regular files are replaced that way (through a symbolic link, the file it
 * names); a device or FIFO is written in place, like a shell redirection.  At
 * most one temporary file exists at a time, and its name is kept in a static
 * buffer so a signal handler can remove it.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

int
output_open(struct output *o, const char *path,
            const struct text *const *inputs, int ninputs, char *err,
            size_t errlen)
{
	struct stat st;
	const char *slash;
	size_t dirlen;
	int fd, i;

	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	char *resolved = NULL;
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "%s: is a directory", path);
			return -1;
		}
		for (i = 0; i < ninputs; i++)
			if (inputs[i]->has_id && inputs[i]->dev == st.st_dev &&
			    inputs[i]->ino == st.st_ino) {
				snprintf(err, errlen,
				         "%s: refusing to overwrite an input "
				         "file",
				         path);
				return -1;
			}
		if (!S_ISREG(st.st_mode)) {
			/* a device, FIFO or socket: write to it as it is;
			 * replacing it with a file would be wrong */
			o->f = fopen(path, "w");
			if (!o->f) {
				snprintf(err, errlen, "%s: %s", path,
				         strerror(errno));
				return -1;
			}
			o->target = strdup(path);
			if (!o->target) {
				fclose(o->f);
				o->f = NULL;
				snprintf(err, errlen, "%s: out of memory",
				         path);
				return -1;
			}
			return 0;
		}
		/* through a symbolic link, replace the file it points to */
		resolved = realpath(path, NULL);
		if (resolved)
			path = resolved;
	}
	o->target = strdup(path);
	o->tmp = malloc(strlen(path) + 16);
	free(resolved);
	path = o->target;
	if (!o->target || !o->tmp) {
		snprintf(err, errlen, "%s: out of memory",
		         path ? path : "output");
		output_abort(o);
		return -1;
	}
	slash = strrchr(path, '/');
	dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	/* dir/.name.XXXXXX: same directory, so rename is atomic; the name
	 * cut short where the whole would be too long for the directory (a
	 * valid 250-byte name must not fail for its temporary file) */
	memcpy(o->tmp, path, dirlen);
	size_t keep = strlen(path + dirlen);
	long name_max = tmp_name_max(path, dirlen);
	if (keep + 8 > (size_t)name_max)
		keep = (size_t)name_max - 8;
	sprintf(o->tmp + dirlen, ".%.*s.XXXXXX", (int)keep, path + dirlen);
	if (strlen(o->tmp) >= sizeof pending_tmp) {
		snprintf(err, errlen, "%s: path too long", path);
		output_abort(o);
		return -1;
	}
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create a file there: %s",
		         path, strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		output_abort(o);
		return -1;
	}
	strcpy(pending_tmp, o->tmp);
	pending_set = 1;
	/* the mode a new file would get (mkstemp makes 0600), or the old
	 * file's mode when replacing one */
	mode_t um = umask(0);
	umask(um);
	fchmod(fd, stat(path, &st) == 0 ? st.st_mode & 07777 : 0666 & ~um);
	o->f = fdopen(fd, "w");
	if (!o->f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
		output_abort(o);
		return -1;
	}
	return 0;
}

int
output_commit(struct output *o, char *err, size_t errlen)
{
	const char *name = o->target ? o->target : "standard output";

	if (!o->target) {
		if (fflush(o->f) == EOF || ferror(o->f)) {
			snprintf(err, errlen, "%s: write error: %s", name,
			         strerror(errno ? errno : EIO));
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
			snprintf(err, errlen, "%s: write error: %s", name,
			         strerror(saved ? saved : EIO));
		free(o->target);
		memset(o, 0, sizeof *o);
		return bad ? -1 : 0;
	}
	if (fflush(o->f) == EOF || ferror(o->f) || fsync(fileno(o->f)) < 0) {
		int saved = errno;
		snprintf(err, errlen, "%s: write error: %s", name,
		         strerror(saved ? saved : EIO));
		output_abort(o);
		return -1;
	}
	if (fclose(o->f) == EOF) {
		o->f = NULL;
		snprintf(err, errlen, "%s: write error: %s", name,
		         strerror(errno));
		output_abort(o);
		return -1;
	}
	o->f = NULL;
	if (rename(o->tmp, o->target) < 0) {
		snprintf(err, errlen, "%s: cannot replace: %s", name,
		         strerror(errno));
		output_abort(o);
		return -1;
	}
	forget_tmp();
	free(o->tmp);
	free(o->target);
	memset(o, 0, sizeof *o);
	return 0;
}

void
output_abort(struct output *o)
{
	if (o->f && o->f != stdout)
		fclose(o->f);
	if (o->tmp && o->f != stdout) {
		unlink(o->tmp);
		forget_tmp();
	}
	free(o->tmp);
	free(o->target);
	memset(o, 0, sizeof *o);
}
