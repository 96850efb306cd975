/* aliaskeys.c - a build tool: the alias table's lines (data/en/aliases.txt
 * without its comments and blank lines, on standard input) with each word
 * replaced by its key for English's stemmer (alias_key), written as C
 * string literals (aliaskeys.inc, included by src/core/align/alias.c) on
 * standard output, a line for each line, the " = " between names kept.
 *
 * usage: aliaskeys < lines.txt > aliaskeys.inc; exit status 0, or 1 with
 * a message on standard error.
 */
#include <stdio.h>
#include <string.h>

#include "redline/stem.h"
#include "../core/align/aliaskey.h"

/* The word w[0..n)'s key written to standard output, escaped for a C
 * string; 0, or -1 when the stemmer failed. */
static int
put_key(struct stemmer *st, const char *w, size_t n)
{
	struct alias_keybuf b;
	const char *key;
	size_t len;

	if (alias_key(st, w, n, &b, &key, &len) < 0)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (key[i] == '"' || key[i] == '\\')
			putchar('\\');
		putchar(key[i]);
	}
	return 0;
}

/* Line s (its newline dropped) as its keys in one C string literal; 0, or
 * -1 when the stemmer failed. */
static int
put_line(struct stemmer *st, const char *s)
{
	putchar('"');
	while (*s) {
		if (strncmp(s, " = ", 3) == 0) {
			fputs(" = ", stdout);
			s += 3;
			continue;
		}
		if (*s == ' ') {
			putchar(' ');
			s++;
			continue;
		}
		size_t n = strcspn(s, " ");
		if (put_key(st, s, n) < 0)
			return -1;
		s += n;
	}
	fputs("\",\n", stdout);
	return 0;
}

int
main(void)
{
	struct stemmer *st = stem_new("english");
	char line[4096];
	int rc = 0;

	if (!st) {
		const char *why = stem_load_error();
		fprintf(stderr, "aliaskeys: no English stemmer: %s\n",
		        why ? why : "out of memory");
		return 1;
	}
	while (!rc && fgets(line, sizeof line, stdin)) {
		size_t n = strlen(line);
		if (n && line[n - 1] == '\n')
			line[--n] = '\0';
		else if (!feof(stdin))
			rc = -1; /* a line longer than the buffer */
		if (!rc)
			rc = put_line(st, line);
	}
	stem_free(st);
	if (rc < 0 || ferror(stdin) || fflush(stdout) == EOF) {
		fputs("aliaskeys: failed\n", stderr);
		return 1;
	}
	return 0;
}
