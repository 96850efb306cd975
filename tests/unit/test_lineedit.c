/* test_lineedit.c - the prompts' line editor (src/tui/lineedit.h):
 * insertion and deletion at the cursor, the cursor moved a grapheme
 * cluster at a time over multibyte characters, C-u, C-k and C-w, the
 * sideways scroll, and file names completed from a directory made here in
 * a temporary directory. */
#define _XOPEN_SOURCE 700 /* mkdtemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/tui/lineedit.h"

/* Type s (UTF-8) a code point at a time. */
static void
type(struct lineedit *e, const char *s)
{
	assert_int_equal(le_insert_str(e, s), 0);
}

static void
insert_in_the_middle(void **state)
{
	char buf[64];
	struct lineedit e;

	(void)state;
	le_init(&e, buf, sizeof buf);
	type(&e, "helo");
	assert_int_equal(e.cur, 4);
	le_left(&e);
	assert_int_equal(le_insert(&e, 'l'), 0);
	assert_string_equal(buf, "hello");
	assert_int_equal(e.cur, 4);
	le_home(&e);
	assert_int_equal(le_insert(&e, '>'), 0);
	assert_string_equal(buf, ">hello");
	assert_int_equal(e.cur, 1);
	le_end(&e);
	assert_int_equal(e.cur, 6);
	/* a control or hidden character never goes in */
	assert_int_equal(le_insert(&e, '\t'), -1);
	assert_int_equal(le_insert(&e, 0x1b), -1);
	assert_int_equal(le_insert(&e, 0x202E), -1);
	assert_int_equal(le_insert_str(&e, "a\nb"), -1);
	assert_int_equal(le_insert_str(&e, "\xff"), -1);
	assert_string_equal(buf, ">hello");
}

static void
no_room(void **state)
{
	char buf[6];
	struct lineedit e;

	(void)state;
	le_init(&e, buf, sizeof buf);
	type(&e, "abcd");
	/* é is two bytes: one byte of room is not enough */
	assert_int_equal(le_insert_str(&e, "\xc3\xa9"), -1);
	assert_int_equal(le_insert(&e, 0xe9), -1);
	assert_int_equal(le_insert(&e, 'e'), 0);
	assert_int_equal(le_insert(&e, 'f'), -1);
	assert_string_equal(buf, "abcde");
}

static void
backspace_and_delete(void **state)
{
	char buf[64];
	struct lineedit e;

	(void)state;
	le_init(&e, buf, sizeof buf);
	assert_int_equal(le_backspace(&e), 0);
	assert_int_equal(le_delete(&e), 0);
	type(&e, "abcdef");
	le_left(&e);
	le_left(&e);
	assert_int_equal(le_backspace(&e), 1); /* the d */
	assert_string_equal(buf, "abcef");
	assert_int_equal(e.cur, 3);
	assert_int_equal(le_delete(&e), 1); /* the e */
	assert_string_equal(buf, "abcf");
	assert_int_equal(e.cur, 3);
	le_end(&e);
	assert_int_equal(le_delete(&e), 0);
	le_home(&e);
	assert_int_equal(le_backspace(&e), 0);
	assert_string_equal(buf, "abcf");
}

static void
multibyte_clusters(void **state)
{
	char buf[128];
	struct lineedit e;
	/* é (2 bytes), 日 (3), e and a combining acute (1 + 2: one
	 * cluster), a flag (two regional indicators, 8 bytes: one cluster),
	 * x */
	const char *s = "\xc3\xa9\xe6\x97\xa5"
	                "e\xcc\x81"
	                "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"
	                "x";

	(void)state;
	le_init(&e, buf, sizeof buf);
	type(&e, s);
	assert_int_equal(e.len, 17);
	size_t stops[] = {16, 8, 5, 2, 0};
	for (size_t i = 0; i < 5; i++) {
		le_left(&e);
		assert_int_equal(e.cur, stops[i]);
	}
	assert_int_equal(le_left(&e), 0);
	size_t fwd[] = {2, 5, 8, 16, 17};
	le_right(&e);
	assert_int_equal(e.cur, fwd[0]);
	le_right(&e);
	assert_int_equal(e.cur, fwd[1]);
	/* Delete takes the e and its accent together */
	assert_int_equal(le_delete(&e), 1);
	assert_string_equal(buf, "\xc3\xa9\xe6\x97\xa5"
	                         "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"
	                         "x");
	/* Backspace after the flag takes all of it */
	le_right(&e);
	assert_int_equal(e.cur, 13);
	assert_int_equal(le_backspace(&e), 1);
	assert_string_equal(buf, "\xc3\xa9\xe6\x97\xa5x");
	assert_int_equal(e.cur, 5);
	/* a combining mark typed after a letter joins its cluster: the
	 * cursor stays after the whole */
	le_end(&e);
	assert_int_equal(le_insert(&e, 0x301), 0);
	assert_int_equal(e.cur, e.len);
	le_left(&e);
	assert_int_equal(e.cur, 5);
}

static void
kills(void **state)
{
	char buf[128];
	struct lineedit e;

	(void)state;
	le_init(&e, buf, sizeof buf);
	type(&e, "/tmp/some dir/caf\xc3\xa9.txt");
	/* C-w: back to the previous '/' */
	assert_int_equal(le_kill_word(&e), 1);
	assert_string_equal(buf, "/tmp/some dir/");
	/* a '/' right before the cursor goes with the word */
	assert_int_equal(le_kill_word(&e), 1);
	assert_string_equal(buf, "/tmp/some ");
	/* spaces before the cursor go with the word too */
	assert_int_equal(le_kill_word(&e), 1);
	assert_string_equal(buf, "/tmp/");
	/* C-w in the middle keeps what follows the cursor */
	le_init(&e, buf, sizeof buf);
	type(&e, "one two three");
	for (int i = 0; i < 6; i++)
		le_left(&e);
	assert_int_equal(e.cur, 7);
	assert_int_equal(le_kill_word(&e), 1);
	assert_string_equal(buf, "one  three");
	assert_int_equal(e.cur, 4);
	/* C-u: to the start; C-k: to the end */
	le_right(&e);
	assert_int_equal(le_kill_start(&e), 1);
	assert_string_equal(buf, "three");
	assert_int_equal(e.cur, 0);
	assert_int_equal(le_kill_start(&e), 0);
	assert_int_equal(le_kill_word(&e), 0);
	le_right(&e);
	le_right(&e);
	assert_int_equal(le_kill_end(&e), 1);
	assert_string_equal(buf, "th");
	assert_int_equal(le_kill_end(&e), 0);
}

static void
scrolls_sideways(void **state)
{
	char buf[128];
	struct lineedit e;
	int used;

	(void)state;
	le_init(&e, buf, sizeof buf);
	type(&e, "abcdefghij");
	/* 10 characters and the cursor at the end in 6 columns: the last 5
	 * show, the cursor on the sixth */
	assert_int_equal(le_scroll(&e, 6), 5);
	assert_int_equal(e.first, 5);
	assert_int_equal(le_shown(&e, 6, &used), 5);
	/* Home: from the start */
	le_home(&e);
	assert_int_equal(le_scroll(&e, 6), 0);
	assert_int_equal(e.first, 0);
	/* it fits: from the start whatever the cursor */
	le_end(&e);
	assert_int_equal(le_scroll(&e, 20), 10);
	assert_int_equal(e.first, 0);
	/* wide characters: 日本語 is six columns */
	le_init(&e, buf, sizeof buf);
	type(&e, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
	assert_int_equal(le_scroll(&e, 5), 4);
	assert_int_equal(e.first, 3);
	/* back over 語: the view stays while the cursor shows in it */
	le_left(&e);
	assert_int_equal(le_scroll(&e, 5), 2);
	assert_int_equal(e.first, 3);
	le_left(&e);
	assert_int_equal(le_scroll(&e, 5), 0);
	assert_int_equal(e.first, 3);
	/* past the left edge: it scrolls */
	le_left(&e);
	assert_int_equal(le_scroll(&e, 5), 0);
	assert_int_equal(e.first, 0);
	/* deleted back to fitting: the line comes back from the start */
	le_init(&e, buf, sizeof buf);
	type(&e, "abcdefghij");
	le_scroll(&e, 6);
	le_backspace(&e);
	le_backspace(&e);
	le_backspace(&e);
	le_backspace(&e);
	le_backspace(&e);
	assert_int_equal(le_scroll(&e, 6), 5);
	assert_int_equal(e.first, 0);
}

/* ---- completion ---------------------------------------------------- */

static char dir[64];

static void
touch(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
}

static void
sub(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_int_equal(mkdir(path, 0700), 0);
}

static int
make_tree(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "%s", "/tmp/redline-test-lineedit.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	touch("report-one.txt");
	touch("report-two.txt");
	touch("caf\xc3\xa9.json");
	touch("cafe\xcc\x81.html"); /* é as e and a combining accent */
	touch(".hidden");
	touch("esc\x1b[2J");
	sub("notes");
	sub("news");
	touch("notes/inner.txt");
	return 0;
}

static int
remove_tree(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
complete_from(struct lineedit *e, char *buf, size_t size, const char *typed)
{
	char s[256];
	le_init(e, buf, size);
	snprintf(s, sizeof s, "%s/%s", dir, typed);
	type(e, s);
}

static void
completes_unique(void **state)
{
	char buf[256], want[256];
	struct lineedit e;
	struct le_matches m;

	(void)state;
	complete_from(&e, buf, sizeof buf, "report-o");
	assert_int_equal(le_complete(&e, NULL, &m), LE_UNIQUE);
	assert_int_equal(m.n, 0);
	snprintf(want, sizeof want, "%s/report-one.txt", dir);
	assert_string_equal(buf, want);
	/* a directory gets its '/', and its entries complete after it */
	complete_from(&e, buf, sizeof buf, "not");
	assert_int_equal(le_complete(&e, NULL, NULL), LE_UNIQUE);
	snprintf(want, sizeof want, "%s/notes/", dir);
	assert_string_equal(buf, want);
	assert_int_equal(le_complete(&e, NULL, NULL), LE_UNIQUE);
	snprintf(want, sizeof want, "%s/notes/inner.txt", dir);
	assert_string_equal(buf, want);
	/* nothing matches: the line stays */
	complete_from(&e, buf, sizeof buf, "zzz");
	assert_int_equal(le_complete(&e, NULL, NULL), LE_NONE);
	snprintf(want, sizeof want, "%s/zzz", dir);
	assert_string_equal(buf, want);
	/* a hidden name only for a start with '.'; a name with a control
	 * character never */
	complete_from(&e, buf, sizeof buf, ".h");
	assert_int_equal(le_complete(&e, NULL, NULL), LE_UNIQUE);
	complete_from(&e, buf, sizeof buf, "es");
	assert_int_equal(le_complete(&e, NULL, NULL), LE_NONE);
}

static void
completes_common_start(void **state)
{
	char buf[256], want[256];
	struct lineedit e;
	struct le_matches m;

	(void)state;
	complete_from(&e, buf, sizeof buf, "rep");
	assert_int_equal(le_complete(&e, NULL, &m), LE_PARTIAL);
	snprintf(want, sizeof want, "%s/report-", dir);
	assert_string_equal(buf, want);
	assert_int_equal(m.n, 2);
	assert_string_equal(m.v[0], "report-one.txt");
	assert_string_equal(m.v[1], "report-two.txt");
	le_matches_free(&m);
	/* again: nothing more to add, the names listed */
	assert_int_equal(le_complete(&e, NULL, &m), LE_AMBIGUOUS);
	assert_string_equal(buf, want);
	char list[64];
	le_matches_join(&m, list, sizeof list);
	assert_string_equal(list, "report-one.txt  report-two.txt");
	le_matches_join(&m, list, 20);
	assert_string_equal(list, "report-one.txt  ...");
	le_matches_free(&m);
	/* directories keep their '/' in the list */
	complete_from(&e, buf, sizeof buf, "n");
	assert_int_equal(le_complete(&e, NULL, &m), LE_AMBIGUOUS);
	le_matches_join(&m, list, sizeof list);
	assert_string_equal(list, "news/  notes/");
	le_matches_free(&m);
	/* café and cafe+accent share "caf", not "cafe" without its
	 * accent: the common start stops at a cluster boundary */
	complete_from(&e, buf, sizeof buf, "c");
	assert_int_equal(le_complete(&e, NULL, NULL), LE_PARTIAL);
	snprintf(want, sizeof want, "%s/caf", dir);
	assert_string_equal(buf, want);
}

static void
completes_home_and_here(void **state)
{
	char buf[256], home[128], want[256], cwd[512];
	struct lineedit e;

	(void)state;
	snprintf(home, sizeof home, "%s/notes", dir);
	le_init(&e, buf, sizeof buf);
	type(&e, "~");
	assert_int_equal(le_complete(&e, home, NULL), LE_UNIQUE);
	assert_string_equal(buf, "~/");
	assert_int_equal(le_complete(&e, home, NULL), LE_UNIQUE);
	assert_string_equal(buf, "~/inner.txt");
	/* no home: ~ is a name like any other */
	le_init(&e, buf, sizeof buf);
	type(&e, "~");
	assert_int_equal(le_complete(&e, NULL, NULL), LE_NONE);
	/* a name without a '/': the current directory; text after the
	 * cursor stays after it */
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(dir), 0);
	le_init(&e, buf, sizeof buf);
	type(&e, "repo.bak");
	for (int i = 0; i < 4; i++)
		le_left(&e);
	assert_int_equal(le_complete(&e, NULL, NULL), LE_PARTIAL);
	snprintf(want, sizeof want, "report-.bak");
	assert_string_equal(buf, want);
	assert_int_equal(e.cur, 7);
	assert_int_equal(chdir(cwd), 0);
	/* no room for the completion: the line stays */
	char small[12];
	le_init(&e, small, sizeof small);
	type(&e, "/tmp/redlin");
	assert_int_equal(le_complete(&e, NULL, NULL), LE_NONE);
	assert_string_equal(small, "/tmp/redlin");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(insert_in_the_middle),
	        cmocka_unit_test(no_room),
	        cmocka_unit_test(backspace_and_delete),
	        cmocka_unit_test(multibyte_clusters),
	        cmocka_unit_test(kills),
	        cmocka_unit_test(scrolls_sideways),
	        cmocka_unit_test(completes_unique),
	        cmocka_unit_test(completes_common_start),
	        cmocka_unit_test(completes_home_and_here),
	};
	return cmocka_run_group_tests(tests, make_tree, remove_tree);
}
