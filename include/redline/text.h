/* text.h - one loaded input document: its name and its original bytes.
 *
 * The bytes are kept exactly as read; every later offset (tokens, segments,
 * export spans) indexes into them.  Loading checks what the rest of the
 * program relies on: UTF-8, no NUL bytes, not UTF-16 or UTF-32, a size that
 * fits the 32-bit offsets used throughout.
 */
#ifndef REDLINE_TEXT_H
#define REDLINE_TEXT_H

#include <stddef.h>
#include <sys/types.h>

/* Largest input accepted: offsets are 32-bit. */
#define TEXT_MAX_BYTES ((size_t)0xFFFFFFF0u)

struct text {
	char *name;         /* as given on the command line ("-" for stdin) */
	unsigned char *buf; /* the bytes, plus a NUL after them */
	size_t len;         /* number of bytes */
	size_t body;        /* offset where the text starts (3 after a BOM) */
	size_t invalid; /* bytes that were not valid UTF-8 (with TEXT_LAX) */
	dev_t dev;      /* identity of the file read, to refuse writing */
	ino_t ino;      /*   over it; valid when has_id is set */
	int has_id;
	int html; /* read from a web page: buf is its text (webpage.h) */
	char charset[40]; /* a page's character set, as webpage.h found it */
};

/* Load flags. */
enum {
	TEXT_LAX = 1,        /* accept NUL bytes and invalid UTF-8 (shown as
	                        U+FFFD) */
	TEXT_HTML = 2,       /* a web page, whatever it looks like */
	TEXT_PLAIN = 4,      /* plain text, whatever it looks like (without
	                        either, a page is told by html_detect) */
	TEXT_KEEP_CHROME = 8 /* of a page, keep the chrome (webpage.h) */
};

/* Error codes of text_load; text_strerror says them in words. */
enum text_error {
	TEXT_OK = 0,
	TEXT_ERR_OPEN, /* errno is set */
	TEXT_ERR_READ, /* errno is set */
	TEXT_ERR_ISDIR,
	TEXT_ERR_NOMEM,
	TEXT_ERR_TOOBIG,
	TEXT_ERR_BINARY, /* NUL byte at *where */
	TEXT_ERR_UTF16,
	TEXT_ERR_UTF8, /* first invalid byte at *where */
	TEXT_ERR_UTF32,
	TEXT_ERR_CHARSET, /* a page in a character set iconv lacks (name in
	                     where->charset) */
	TEXT_ERR_DEEP,    /* a page nested too deep to parse (webpage.h) */
	TEXT_ERR_ATTRS,   /* a page with a tag of too many attributes */
	TEXT_ERR_FOREIGN  /* a page the HTML parser cannot read (webpage.h,
	                     HTML_ERR_FOREIGN) */
};

/* Where a load error was found (for BINARY and UTF8). */
struct text_where {
	size_t offset;    /* byte offset */
	size_t line;      /* 1-based line */
	char charset[40]; /* for CHARSET: the name the page gave */
};

/* Read the file at path ("-" reads standard input) into *t.  A web page
 * (TEXT_HTML, or by its content unless TEXT_PLAIN) is read as its text
 * (webpage.h): t->html is set, t->buf holds that text, and every later
 * offset indexes into it.  On success
 * returns TEXT_OK and *t owns its memory (release with text_done).  On
 * failure returns an error code, leaves *t empty, fills *where (for BINARY
 * and UTF8) and preserves errno for OPEN and READ. */
enum text_error text_load(struct text *t, const char *path, unsigned flags,
                          struct text_where *where);

/* Load from memory (copies buf); for tests and fuzzers.  Same checks and
 * results as text_load. */
enum text_error text_from_memory(struct text *t, const char *name,
                                 const void *buf, size_t len, unsigned flags,
                                 struct text_where *where);

/* Release what *t owns; *t becomes empty.  Safe on an empty text. */
void text_done(struct text *t);

/* A short description of err, without the file name ("not valid UTF-8").
 * The string is static. */
const char *text_strerror(enum text_error err);

/* The name to show a person for a text named name: "standard input" for
 * "-", else name itself.  (The JSON export keeps the operand, "-".) */
const char *text_label(const char *name);

#endif
