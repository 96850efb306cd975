/* lineedit.h - the line editor behind the viewer's prompts: a line of
 * UTF-8 with a cursor, edited a grapheme cluster at a time, scrolled
 * sideways to keep the cursor in view, and file names completed.
 *
 * No curses: the prompts (prompt.c) read the keys and draw, and these
 * pure functions do the editing, so that tests/unit/test_lineedit.c can
 * run them.  Internal to src/tui.
 *
 * Invariants of a struct lineedit after any of these calls: buf[0..len)
 * is valid UTF-8 holding no control or hidden character (uni_visible
 * leaves each of its code points alone), buf[len] is '\0', len < size,
 * and cur and first are grapheme cluster boundaries with
 * first <= cur <= len.
 */
#ifndef REDLINE_TUI_LINEEDIT_H
#define REDLINE_TUI_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

struct lineedit {
	char *buf;    /* the line, NUL-terminated; the caller's storage */
	size_t size;  /* bytes of buf, the NUL included (at least 1) */
	size_t len;   /* bytes of the line */
	size_t cur;   /* the cursor: a byte offset into buf */
	size_t first; /* the first byte shown (horizontal scrolling) */
};

/* Make e edit buf[0..size) (size >= 1), starting empty. */
void le_init(struct lineedit *e, char *buf, size_t size);

/* Put code point cp in at the cursor, the cursor after it.  0, or -1
 * (nothing changed) when cp is a control or hidden character, no code
 * point, or there is no room for it. */
int le_insert(struct lineedit *e, int32_t cp);

/* Put the UTF-8 string s in at the cursor, the cursor after it.  0, or
 * -1 (nothing changed) when s is not valid UTF-8, holds a character
 * le_insert refuses, or does not fit. */
int le_insert_str(struct lineedit *e, const char *s);

/* The cursor one grapheme cluster left, or right; to the start, or the
 * end (Home, C-a; End, C-e).  Each returns 1 when the cursor moved, 0
 * when it was already there. */
int le_left(struct lineedit *e);
int le_right(struct lineedit *e);
int le_home(struct lineedit *e);
int le_end(struct lineedit *e);

/* Delete the cluster before the cursor (Backspace), or the one under it
 * (Delete).  1 when something was deleted, 0 when there was nothing. */
int le_backspace(struct lineedit *e);
int le_delete(struct lineedit *e);

/* C-u: delete from the start of the line to the cursor.  C-k: from the
 * cursor to the end.  1 when something was deleted, else 0. */
int le_kill_start(struct lineedit *e);
int le_kill_end(struct lineedit *e);

/* C-w: delete the word before the cursor: the spaces and '/'s just
 * before it, then back to the previous space or '/' ("a/bc/" loses
 * "bc/", "one two " loses "two "), as readline's unix-filename-rubout
 * does.  1 when something was deleted, else 0. */
int le_kill_word(struct lineedit *e);

/* Scroll the line for a field cols columns wide (cols >= 1): move
 * e->first so that the cursor's cell shows (a cursor at the end needs a
 * column of its own), and no further right than needed to show the end
 * of the line.  Returns the cursor's column in the field, 0 to cols - 1
 * (a cluster wider than the whole field: 0). */
int le_scroll(struct lineedit *e, int cols);

/* Bytes of the line from e->first that fit in cols columns (whole
 * clusters), their width in *used. */
size_t le_shown(const struct lineedit *e, int cols, int *used);

/* What le_complete found. */
enum le_completion {
	LE_NOMEM = -1, /* out of memory; the line is as it was */
	LE_NONE = 0,   /* no name matches (or the completion would not fit,
	                  or the directory cannot be read) */
	LE_UNIQUE,     /* one name matched and the line now holds it, with
	                  a '/' after it when it is a directory */
	LE_PARTIAL,    /* several matched; their common start went in */
	LE_AMBIGUOUS   /* several matched and nothing could go in: what
	                  they share is already typed */
};

/* The names that matched, for a list (LE_PARTIAL, LE_AMBIGUOUS): sorted
 * by their bytes, each directory with a '/' after it. */
struct le_matches {
	char **v;
	size_t n;
};

/* Complete the file name that the text before the cursor starts: the
 * part up to its last '/' is the directory (none: the current one; a
 * leading "~" or "~/" is home, when home is not NULL or empty), the rest
 * a start of a name in it.  Names beginning with '.' match only a start
 * beginning with '.'; "." and ".." never do; a name that is not valid
 * UTF-8 or holds a character le_insert refuses is left out (it could not
 * be typed either).  The text inserted is cut at a cluster boundary.  A
 * lone "~" becomes "~/".  When m is not NULL, it receives the matching
 * names on LE_PARTIAL and LE_AMBIGUOUS (else it is left empty); free it
 * with le_matches_free.  Returns an enum le_completion. */
int le_complete(struct lineedit *e, const char *home, struct le_matches *m);

/* Free what le_complete put in m, and empty it. */
void le_matches_free(struct le_matches *m);

/* The names of m into out[0..size) (size >= 1), two spaces apart, ending
 * in "..." when they do not all fit.  Returns the length written. */
size_t le_matches_join(const struct le_matches *m, char *out, size_t size);

#endif
