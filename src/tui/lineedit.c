/* lineedit.c - the line editor of the viewer's prompts (lineedit.h).
 *
 * Owns the editing of one line: insertion and deletion at a cursor that
 * moves by grapheme clusters (uni.h, so by utf8proc's rules), readline's
 * kills (C-u, C-k, C-w), the sideways scroll of a line longer than its
 * field, and the completion of file names from a directory's entries.
 * It neither draws nor reads keys: prompt.c does.  The line is short (a
 * prompt's), so the cluster boundaries are found by walking it from its
 * start whenever they are needed.
 */
#include "lineedit.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "redline/uni.h"

void
le_init(struct lineedit *e, char *buf, size_t size)
{
	e->buf = buf;
	e->size = size;
	e->len = e->cur = e->first = 0;
	buf[0] = '\0';
}

/* The cluster boundary at or after pos (the end of the cluster pos is
 * inside, or pos itself when it is a boundary). */
static size_t
boundary_after(const struct lineedit *e, size_t pos)
{
	const unsigned char *s = (const unsigned char *)e->buf;
	size_t i = 0;
	int32_t c;

	while (i < pos && i < e->len)
		i += uni_cluster(s + i, e->len - i, &c);
	return i < e->len ? i : e->len;
}

/* The cluster boundary before pos (pos > 0 a boundary). */
static size_t
boundary_before(const struct lineedit *e, size_t pos)
{
	const unsigned char *s = (const unsigned char *)e->buf;
	size_t i = 0, prev = 0;
	int32_t c;

	while (i < pos) {
		prev = i;
		i += uni_cluster(s + i, e->len - i, &c);
	}
	return prev;
}

/* The cluster boundary after pos (pos < len a boundary). */
static size_t
next_of(const struct lineedit *e, size_t pos)
{
	int32_t c;
	return pos + uni_cluster((const unsigned char *)e->buf + pos,
	                         e->len - pos, &c);
}

/* Back on cluster boundaries after the clusters around the cursor
 * changed (a joiner or a mark typed, a cluster deleted). */
static void
snap(struct lineedit *e)
{
	e->cur = boundary_after(e, e->cur);
	if (e->first > e->cur)
		e->first = e->cur;
	/* first: the start of the cluster it is in */
	size_t b = boundary_after(e, e->first);
	if (b != e->first)
		e->first = b ? boundary_before(e, b) : 0;
}

/* Whether cp may be in the line: a code point that shows as itself on
 * one line (no control, no hidden character). */
static int
allowed(int32_t cp)
{
	return cp >= 0x20 && uni_visible_line(cp) == cp;
}

/* Whether s[0..n) is valid UTF-8 of allowed characters. */
static int
all_allowed(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		int32_t cp;
		i += uni_decode((const unsigned char *)s + i, n - i, &cp);
		if (cp < 0 || !allowed(cp))
			return 0;
	}
	return 1;
}

/* Put s[0..n) in at the cursor; 0 or -1 when it does not fit. */
static int
put(struct lineedit *e, const char *s, size_t n)
{
	if (n >= e->size - e->len)
		return -1;
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, s, n);
	e->len += n;
	e->cur += n;
	snap(e);
	return 0;
}

/* Delete buf[from..to), the cursor at from. */
static void
cut(struct lineedit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
	snap(e);
}

int
le_insert(struct lineedit *e, int32_t cp)
{
	unsigned char u[4];
	size_t k;

	if (!allowed(cp))
		return -1;
	k = uni_encode(cp, u);
	if (!k)
		return -1;
	return put(e, (const char *)u, k);
}

int
le_insert_str(struct lineedit *e, const char *s)
{
	size_t n = strlen(s);

	if (!all_allowed(s, n))
		return -1;
	return put(e, s, n);
}

int
le_left(struct lineedit *e)
{
	if (!e->cur)
		return 0;
	e->cur = boundary_before(e, e->cur);
	return 1;
}

int
le_right(struct lineedit *e)
{
	if (e->cur >= e->len)
		return 0;
	e->cur = next_of(e, e->cur);
	return 1;
}

int
le_home(struct lineedit *e)
{
	int moved = e->cur != 0;
	e->cur = 0;
	return moved;
}

int
le_end(struct lineedit *e)
{
	int moved = e->cur != e->len;
	e->cur = e->len;
	return moved;
}

int
le_backspace(struct lineedit *e)
{
	if (!e->cur)
		return 0;
	cut(e, boundary_before(e, e->cur), e->cur);
	return 1;
}

int
le_delete(struct lineedit *e)
{
	if (e->cur >= e->len)
		return 0;
	cut(e, e->cur, next_of(e, e->cur));
	return 1;
}

int
le_kill_start(struct lineedit *e)
{
	if (!e->cur)
		return 0;
	cut(e, 0, e->cur);
	return 1;
}

int
le_kill_end(struct lineedit *e)
{
	if (e->cur >= e->len)
		return 0;
	e->len = e->cur;
	e->buf[e->len] = '\0';
	snap(e);
	return 1;
}

int
le_kill_word(struct lineedit *e)
{
	size_t i = e->cur;

	/* ' ' and '/' are ASCII: a byte walk back never stops inside a
	 * character, and the start found is made a cluster boundary */
	while (i && (e->buf[i - 1] == ' ' || e->buf[i - 1] == '/'))
		i--;
	while (i && e->buf[i - 1] != ' ' && e->buf[i - 1] != '/')
		i--;
	i = boundary_after(e, i);
	if (i >= e->cur)
		return 0;
	cut(e, i, e->cur);
	return 1;
}

/* Columns of buf[from..to), both cluster boundaries. */
static int
width(const struct lineedit *e, size_t from, size_t to)
{
	int w = 0;
	size_t len;
	char shown;

	while (from < to) {
		w += uni_cell((const unsigned char *)e->buf + from, to - from,
		              &len, &shown);
		from += len;
	}
	return w;
}

int
le_scroll(struct lineedit *e, int cols)
{
	snap(e);
	if (cols < 1)
		cols = 1;
	if (e->first > e->cur)
		e->first = e->cur;
	/* the cursor's cell: the cluster under it, or a column at the end */
	int cw = e->cur < e->len ? width(e, e->cur, next_of(e, e->cur)) : 1;
	while (e->first < e->cur && width(e, e->first, e->cur) + cw > cols)
		e->first = next_of(e, e->first);
	/* no further right than the end of the line needs */
	while (e->first > 0) {
		size_t p = boundary_before(e, e->first);
		if (width(e, p, e->len) + 1 > cols)
			break;
		e->first = p;
	}
	int col = width(e, e->first, e->cur);
	return col < cols ? col : 0;
}

size_t
le_shown(const struct lineedit *e, int cols, int *used)
{
	return uni_fit((const unsigned char *)e->buf + e->first,
	               e->len - e->first, cols, used);
}

/* ---- file names ------------------------------------------------------ */

static int
by_bytes(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
le_matches_free(struct le_matches *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		free(m->v[i]);
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

size_t
le_matches_join(const struct le_matches *m, char *out, size_t size)
{
	size_t n = 0;

	out[0] = '\0';
	for (size_t i = 0; i < m->n; i++) {
		size_t l = strlen(m->v[i]), sep = i ? 2 : 0;
		/* room for this name, and for "..." should one follow */
		size_t need = sep + l + (i + 1 < m->n ? 5 : 0);
		if (n + need >= size) {
			const char *more = i ? "  ..." : "...";
			if (n + strlen(more) < size) {
				memcpy(out + n, more, strlen(more) + 1);
				n += strlen(more);
			}
			break;
		}
		memcpy(out + n, "  ", sep);
		memcpy(out + n + sep, m->v[i], l + 1);
		n += sep + l;
	}
	return n;
}

/* Add name (a directory when dir) to the list v[0..*n), room *cap.  0 or
 * -1 when memory ran out. */
static int
add_match(char ***v, size_t *n, size_t *cap, const char *name, int dir)
{
	size_t l = strlen(name);
	char *s;

	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		char **w = realloc(*v, c * sizeof *w);
		if (!w)
			return -1;
		*v = w;
		*cap = c;
	}
	s = malloc(l + 2);
	if (!s)
		return -1;
	memcpy(s, name, l);
	if (dir)
		s[l++] = '/';
	s[l] = '\0';
	(*v)[(*n)++] = s;
	return 0;
}

/* The entries of directory path whose names start with base[0..blen),
 * into *m (sorted).  0, or -1 when memory ran out (m empty then); a
 * directory that cannot be read has no entries. */
static int
list_matches(const char *path, const char *base, size_t blen,
             struct le_matches *m)
{
	size_t cap = 0, plen = strlen(path);
	DIR *d = opendir(path);
	struct dirent *de;
	int rc = 0;

	m->v = NULL;
	m->n = 0;
	if (!d)
		return 0;
	while ((de = readdir(d)) != NULL) {
		const char *name = de->d_name;
		size_t nlen = strlen(name);
		if (!strcmp(name, ".") || !strcmp(name, ".."))
			continue;
		if (name[0] == '.' && (blen == 0 || base[0] != '.'))
			continue;
		if (nlen < blen || memcmp(name, base, blen) != 0 ||
		    !all_allowed(name, nlen))
			continue;
		char *full = malloc(plen + nlen + 2);
		if (!full) {
			rc = -1;
			break;
		}
		struct stat st;
		snprintf(full, plen + nlen + 2, "%s/%s", path, name);
		int dir = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
		free(full);
		if (add_match(&m->v, &m->n, &cap, name, dir) < 0) {
			rc = -1;
			break;
		}
	}
	closedir(d);
	if (rc < 0) {
		le_matches_free(m);
		return -1;
	}
	if (m->n > 1)
		qsort(m->v, m->n, sizeof *m->v, by_bytes);
	return 0;
}

/* Bytes that every name of m starts with, cut back to a cluster boundary
 * of the names. */
static size_t
common_start(const struct le_matches *m)
{
	const char *a = m->v[0];
	size_t n = strlen(a), b = 0;

	for (size_t i = 1; i < m->n; i++) {
		size_t k = 0;
		while (k < n && a[k] == m->v[i][k])
			k++;
		n = k;
	}
	/* the last cluster boundary of the first name within n bytes */
	while (b < n) {
		int32_t c;
		size_t l = uni_cluster((const unsigned char *)a + b,
		                       strlen(a) - b, &c);
		if (b + l > n)
			break;
		b += l;
	}
	return b;
}

int
le_complete(struct lineedit *e, const char *home, struct le_matches *m)
{
	struct le_matches found = {NULL, 0};
	const char *slash;
	char *prefix, *dir;
	size_t blen;
	int rc;

	if (m) {
		m->v = NULL;
		m->n = 0;
	}
	if (home && !*home)
		home = NULL;
	if (e->cur == 1 && e->buf[0] == '~' && home)
		return le_insert(e, '/') == 0 ? LE_UNIQUE : LE_NONE;
	prefix = malloc(e->cur + 1);
	if (!prefix)
		return LE_NOMEM;
	memcpy(prefix, e->buf, e->cur);
	prefix[e->cur] = '\0';
	slash = strrchr(prefix, '/');
	const char *base = slash ? slash + 1 : prefix;
	blen = strlen(base);
	/* the directory: up to the last '/', home for a leading ~ */
	size_t dlen = slash ? (size_t)(slash - prefix) + 1 : 0;
	int tilde = home && dlen >= 2 && prefix[0] == '~' && prefix[1] == '/';
	size_t hlen = tilde ? strlen(home) : 0;
	dir = malloc(hlen + dlen + 2);
	if (!dir) {
		free(prefix);
		return LE_NOMEM;
	}
	if (!dlen)
		strcpy(dir, ".");
	else if (tilde)
		snprintf(dir, hlen + dlen + 2, "%s%.*s", home, (int)(dlen - 1),
		         prefix + 1);
	else
		snprintf(dir, dlen + 1, "%.*s", (int)dlen, prefix);
	rc = list_matches(dir, base, blen, &found);
	free(dir);
	free(prefix);
	if (rc < 0)
		return LE_NOMEM;
	if (found.n == 0)
		return LE_NONE;
	if (found.n == 1) {
		rc = le_insert_str(e, found.v[0] + blen) == 0 ? LE_UNIQUE
		                                              : LE_NONE;
		le_matches_free(&found);
		return rc;
	}
	size_t common = common_start(&found);
	rc = LE_AMBIGUOUS;
	if (common > blen) {
		char *add = found.v[0] + blen, keep = found.v[0][common];
		found.v[0][common] = '\0';
		rc = le_insert_str(e, add) == 0 ? LE_PARTIAL : LE_NONE;
		found.v[0][common] = keep;
	}
	if (m && rc != LE_NONE)
		*m = found;
	else
		le_matches_free(&found);
	return rc;
}
