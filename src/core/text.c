/* text.c - loading input documents.
 *
 * Owns: reading a path or standard input into memory, and the checks that
 * decide whether the bytes are text redline can compare; a web page is
 * handed to webpage.c and replaced by its text before those checks.  The buffer
 * is always NUL-terminated one past len so that scanners may peek.  Nothing
 * here prints or exits; errors come back as codes.
 */
#include "redline/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redline/webpage.h"
#include "redline/uni.h"

static int looks_utf16(const unsigned char *b, size_t n);
static int looks_utf32(const unsigned char *b, size_t n);

/* Read everything from fd into a fresh buffer; size_hint may be 0.  As
 * diff does, the first block decides whether the input is binary: when it
 * holds a NUL byte and is neither UTF-16, UTF-32 nor a web page (and flags
 * lack TEXT_LAX and TEXT_HTML), reading stops there, with the offset of
 * that NUL in *early_nul (else SIZE_MAX), so that an endless device
 * (/dev/zero) or a huge binary is refused at once. */
static enum text_error
read_all(int fd, size_t size_hint, unsigned flags, unsigned char **out,
         size_t *outlen, size_t *early_nul)
{
	size_t cap = size_hint ? size_hint + 1 : 65536, len = 0;
	unsigned char *buf;

	*early_nul = SIZE_MAX;
	if (size_hint > TEXT_MAX_BYTES)
		return TEXT_ERR_TOOBIG;
	buf = malloc(cap + 1);
	if (!buf)
		return TEXT_ERR_NOMEM;
	for (;;) {
		if (len == cap) {
			size_t ncap = cap * 2;
			unsigned char *nbuf;
			if (cap > TEXT_MAX_BYTES) {
				free(buf);
				return TEXT_ERR_TOOBIG;
			}
			nbuf = realloc(buf, ncap + 1);
			if (!nbuf) {
				free(buf);
				return TEXT_ERR_NOMEM;
			}
			buf = nbuf;
			cap = ncap;
		}
		ssize_t got = read(fd, buf + len, cap - len);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			free(buf);
			errno = saved;
			return TEXT_ERR_READ;
		}
		if (got == 0)
			break;
		int first = len == 0;
		len += (size_t)got;
		const unsigned char *nul;
		if (first && !(flags & (TEXT_LAX | TEXT_HTML)) &&
		    (nul = memchr(buf, 0, len)) != NULL &&
		    !looks_utf16(buf, len) && !looks_utf32(buf, len) &&
		    !html_detect(buf, len)) {
			*early_nul = (size_t)(nul - buf);
			break;
		}
	}
	if (len > TEXT_MAX_BYTES) {
		free(buf);
		return TEXT_ERR_TOOBIG;
	}
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return TEXT_OK;
}

/* UTF-16 shows as a byte order mark, or as NULs in every other byte of
 * mostly-ASCII text. */
static int
looks_utf16(const unsigned char *b, size_t n)
{
	size_t even = 0, odd = 0, i, lim = n < 4096 ? n : 4096;

	if (n >= 2 &&
	    ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
		return 1;
	/* without a NUL neither share can be met: one memchr, not a loop
	 * a byte (nearly every text) */
	if (lim < 4 || !memchr(b, 0, lim))
		return 0;
	for (i = 0; i < lim; i++)
		if (b[i] == 0)
			(i & 1) ? odd++ : even++;
	return (even > lim / 4 && odd == 0) || (odd > lim / 4 && even == 0);
}

/* UTF-32 shows as its byte order mark (FF FE 00 00 or 00 00 FE FF), or as
 * three NULs in every four bytes of mostly-ASCII text.  Tried before
 * UTF-16, whose little-endian mark starts the same way. */
static int
looks_utf32(const unsigned char *b, size_t n)
{
	size_t nul[4] = {0, 0, 0, 0}, i, lim = n < 4096 ? n & ~(size_t)3 : 4096;

	if (n >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && !b[2] && !b[3]) ||
	               (!b[0] && !b[1] && b[2] == 0xFE && b[3] == 0xFF)))
		return 1;
	/* three NULs a unit need NULs (as in looks_utf16) */
	if (lim < 8 || !memchr(b, 0, lim))
		return 0;
	for (i = 0; i < lim; i++)
		nul[i & 3] += b[i] == 0;
	/* little-endian: bytes 1, 2 and 3 of each unit are NUL; big-endian:
	 * bytes 0, 1 and 2 */
	size_t q = lim / 4;
	return (nul[1] == q && nul[2] == q && nul[3] == q && nul[0] * 4 < q) ||
	       (nul[0] == q && nul[1] == q && nul[2] == q && nul[3] * 4 < q);
}

static void
locate(const struct text *t, size_t off, struct text_where *where)
{
	size_t i;

	where->offset = off;
	where->line = 1;
	for (i = 0; i < off && i < t->len; i++)
		if (t->buf[i] == '\n')
			where->line++;
}

static enum text_error
check(struct text *t, unsigned flags, struct text_where *where)
{
	const unsigned char *nul;
	size_t bad;

	t->body = 0;
	t->invalid = 0;
	if (looks_utf32(t->buf, t->len))
		return TEXT_ERR_UTF32;
	if (looks_utf16(t->buf, t->len))
		return TEXT_ERR_UTF16;
	if (t->len >= 3 && t->buf[0] == 0xEF && t->buf[1] == 0xBB &&
	    t->buf[2] == 0xBF)
		t->body = 3;
	nul = memchr(t->buf, 0, t->len);
	if (nul && !(flags & TEXT_LAX)) {
		locate(t, (size_t)(nul - t->buf), where);
		return TEXT_ERR_BINARY;
	}
	if (!uni_valid(t->buf, t->len, &bad)) {
		if (!(flags & TEXT_LAX)) {
			locate(t, bad, where);
			return TEXT_ERR_UTF8;
		}
		/* count the bad bytes so callers can warn */
		size_t i = bad;
		while (i < t->len) {
			int32_t cp;
			i += uni_decode(t->buf + i, t->len - i, &cp);
			if (cp < 0)
				t->invalid++;
		}
	}
	return TEXT_OK;
}

/* A web page in buf[0..*len) replaced by its text. */
static enum text_error
from_html(struct text *t, unsigned char **buf, size_t *len, unsigned flags,
          struct text_where *where)
{
	char *out;
	size_t n;
	enum html_error e = html_extract(
	        *buf, *len, flags & TEXT_KEEP_CHROME ? HTML_KEEP_CHROME : 0,
	        &out, &n, t->charset);

	if (e == HTML_ERR_CHARSET) {
		memcpy(where->charset, t->charset, sizeof where->charset);
		return TEXT_ERR_CHARSET;
	}
	if (e == HTML_ERR_DEEP)
		return TEXT_ERR_DEEP;
	if (e == HTML_ERR_ATTRS)
		return TEXT_ERR_ATTRS;
	if (e == HTML_ERR_FOREIGN)
		return TEXT_ERR_FOREIGN;
	if (e != HTML_OK)
		return TEXT_ERR_NOMEM;
	if (n > TEXT_MAX_BYTES) {
		free(out);
		return TEXT_ERR_TOOBIG;
	}
	free(*buf);
	*buf = (unsigned char *)out;
	*len = n;
	t->html = 1;
	return TEXT_OK;
}

static enum text_error
finish(struct text *t, const char *name, unsigned char *buf, size_t len,
       unsigned flags, struct text_where *where)
{
	enum text_error err;

	t->name = strdup(name);
	if (!t->name) {
		free(buf);
		return TEXT_ERR_NOMEM;
	}
	if (!(flags & TEXT_PLAIN) &&
	    ((flags & TEXT_HTML) || html_detect(buf, len))) {
		err = from_html(t, &buf, &len, flags, where);
		if (err != TEXT_OK) {
			free(buf);
			free(t->name);
			t->name = NULL;
			return err;
		}
	}
	t->buf = buf;
	t->len = len;
	err = check(t, flags, where);
	if (err != TEXT_OK)
		text_done(t);
	return err;
}

enum text_error
text_load(struct text *t, const char *path, unsigned flags,
          struct text_where *where)
{
	struct stat st;
	unsigned char *buf;
	size_t len;
	enum text_error err;
	int fd;

	memset(t, 0, sizeof *t);
	memset(where, 0, sizeof *where);
	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return TEXT_ERR_OPEN;
	}
	if (fstat(fd, &st) < 0) {
		int saved = errno;
		if (fd != STDIN_FILENO)
			close(fd);
		errno = saved;
		return TEXT_ERR_READ;
	}
	if (S_ISDIR(st.st_mode)) {
		if (fd != STDIN_FILENO)
			close(fd);
		return TEXT_ERR_ISDIR;
	}
	size_t early_nul;
	err = read_all(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, flags,
	               &buf, &len, &early_nul);
	if (fd != STDIN_FILENO) {
		int saved = errno;
		close(fd);
		errno = saved;
	}
	if (err != TEXT_OK)
		return err;
	if (early_nul != SIZE_MAX) { /* binary, told by its first block */
		t->buf = buf;
		t->len = len;
		locate(t, early_nul, where);
		free(buf);
		memset(t, 0, sizeof *t);
		return TEXT_ERR_BINARY;
	}
	err = finish(t, path, buf, len, flags, where);
	if (err == TEXT_OK) {
		t->dev = st.st_dev;
		t->ino = st.st_ino;
		t->has_id = S_ISREG(st.st_mode);
	}
	return err;
}

enum text_error
text_from_memory(struct text *t, const char *name, const void *data, size_t len,
                 unsigned flags, struct text_where *where)
{
	unsigned char *buf;

	memset(t, 0, sizeof *t);
	memset(where, 0, sizeof *where);
	if (len > TEXT_MAX_BYTES)
		return TEXT_ERR_TOOBIG;
	buf = malloc(len + 1);
	if (!buf)
		return TEXT_ERR_NOMEM;
	if (len)
		memcpy(buf, data, len);
	buf[len] = '\0';
	return finish(t, name, buf, len, flags, where);
}

void
text_done(struct text *t)
{
	free(t->name);
	free(t->buf);
	memset(t, 0, sizeof *t);
}

const char *
text_strerror(enum text_error err)
{
	switch (err) {
	case TEXT_OK:
		return "no error";
	case TEXT_ERR_OPEN:
		return "cannot open";
	case TEXT_ERR_READ:
		return "cannot read";
	case TEXT_ERR_ISDIR:
		return "is a directory";
	case TEXT_ERR_NOMEM:
		return "out of memory";
	case TEXT_ERR_TOOBIG:
		return "too large (limit 4 GiB)";
	case TEXT_ERR_BINARY:
		return "binary file (NUL byte)";
	case TEXT_ERR_UTF16:
		return "looks like UTF-16; convert it to UTF-8 first "
		       "(iconv -f UTF-16 -t UTF-8)";
	case TEXT_ERR_UTF32:
		return "looks like UTF-32; convert it to UTF-8 first "
		       "(iconv -f UTF-32 -t UTF-8)";
	case TEXT_ERR_UTF8:
		return "not valid UTF-8";
	case TEXT_ERR_CHARSET:
		return "the page's character set is unknown";
	case TEXT_ERR_DEEP:
		return "HTML elements nested too deep to read (over 2000 "
		       "levels)";
	case TEXT_ERR_ATTRS:
		return "an HTML tag with too many attributes to read (over "
		       "1000)";
	case TEXT_ERR_FOREIGN:
		return "SVG or MathML holding a table, select or template "
		       "element, which the HTML parser cannot read";
	}
	return "unknown error";
}

const char *
text_label(const char *name)
{
	return strcmp(name, "-") == 0 ? "standard input" : name;
}
