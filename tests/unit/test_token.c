/* test_token.c - the tokenizer's rules (see the comment atop token.c) and
 * comparison keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "redline/token.h"
#include "redline/uni.h"

struct fix {
	struct text t;
	struct intern *in;
	struct toklist l;
};

static void
split(struct fix *f, const char *s, unsigned keyopts)
{
	struct text_where where;
	assert_int_equal(
	        text_from_memory(&f->t, "t", s, strlen(s), TEXT_LAX, &where),
	        TEXT_OK);
	f->in = intern_new();
	assert_non_null(f->in);
	assert_int_equal(tok_split(&f->t, f->in, keyopts, &f->l), 0);
}

static void
done(struct fix *f)
{
	tok_free(&f->l);
	intern_free(f->in);
	text_done(&f->t);
}

/* The tokens of s joined by '|', e.g. "a|b|." */
static const char *
joined(const char *s)
{
	static char out[1024];
	struct fix f;
	size_t n = 0;

	split(&f, s, 0);
	out[0] = '\0';
	for (size_t i = 0; i < f.l.n; i++) {
		if (i)
			out[n++] = '|';
		memcpy(out + n, f.t.buf + f.l.v[i].off, tok_len(&f.l, i));
		n += tok_len(&f.l, i);
		out[n] = '\0';
	}
	done(&f);
	return out;
}

/* Whether a and b tokenize to the same key sequence under keyopts. */
static int
same_keys(const char *a, const char *b, unsigned keyopts)
{
	struct fix fa, fb;
	struct text_where where;
	int same;

	split(&fa, a, keyopts);
	/* b into the same interner */
	assert_int_equal(
	        text_from_memory(&fb.t, "b", b, strlen(b), TEXT_LAX, &where),
	        TEXT_OK);
	assert_int_equal(tok_split(&fb.t, fa.in, keyopts, &fb.l), 0);
	same = fa.l.n == fb.l.n;
	for (size_t i = 0; same && i < fa.l.n; i++)
		same = fa.l.id[i] == fb.l.id[i];
	tok_free(&fb.l);
	text_done(&fb.t);
	done(&fa);
	return same;
}

static void
words_and_punctuation(void **state)
{
	(void)state;
	assert_string_equal(joined("They confirmed it."),
	                    "They|confirmed|it|.");
	assert_string_equal(joined("  spaced\t\tout \n"), "spaced|out");
	assert_string_equal(joined("(a), \"b\"; c!?"),
	                    "(|a|)|,|\"|b|\"|;|c|!|?");
	assert_string_equal(joined(""), "");
	assert_string_equal(joined(" \n\t "), "");
}

static void
inner_joiners(void **state)
{
	(void)state;
	assert_string_equal(joined("ISIS’s losses"), "ISIS’s|losses");
	assert_string_equal(joined("ISIS's don't"), "ISIS's|don't");
	assert_string_equal(joined("de-confliction SU-22 seven-year"),
	                    "de-confliction|SU-22|seven-year");
	assert_string_equal(joined("U.S.-Russia efforts"),
	                    "U.S.|-|Russia|efforts");
	assert_string_equal(joined("the U.S. and e.g. this"),
	                    "the|U.S.|and|e.g.|this");
	/* the last period left off; but not a sentence ending in an initial */
	assert_string_equal(joined("the U.S Embassy"), "the|U.S|Embassy");
	assert_string_equal(joined("Plan B.Then"), "Plan|B|.|Then");
	assert_string_equal(joined("grade A.He"), "grade|A|.|He");
	/* a quote after a word is not an apostrophe */
	assert_string_equal(joined("'word' end"), "'|word|'|end");
	/* a hyphen at a word's end is punctuation */
	assert_string_equal(joined("pre- and post-war"), "pre|-|and|post-war");
	/* a full stop before a capital ends the word: "visit.The" */
	assert_string_equal(joined("visit.The end"), "visit|.|The|end");
	assert_string_equal(joined("see example.org now"),
	                    "see|example.org|now");
}

static void
numbers_and_dates(void **state)
{
	struct fix f;
	(void)state;

	assert_string_equal(joined("UNSCR 2254"), "UNSCR|2254");
	assert_string_equal(joined("2,254 and 3.5 at 10:44"),
	                    "2,254|and|3.5|at|10:44");
	assert_string_equal(joined("July 7, 2017"), "July|7|,|2017");
	assert_string_equal(joined("1,2 and 12,3456"), "1|,|2|and|12|,|3456");
	split(&f, "2254 SU-22 Raqqa", 0);
	assert_int_equal(f.l.v[0].kind, TOK_NUMBER);
	assert_int_equal(f.l.v[1].kind, TOK_WORD);
	assert_true(f.l.v[1].flags & TOK_F_DIGIT);
	assert_true(f.l.v[2].flags & TOK_F_UPPER);
	assert_false(f.l.v[0].flags & TOK_F_UPPER);
	done(&f);
}

static void
ellipsis_and_stops(void **state)
{
	struct fix f;
	(void)state;

	assert_string_equal(joined("wait... what"), "wait|...|what");
	assert_string_equal(joined("wait… what"), "wait|…|what");
	assert_string_equal(joined("a -- b"), "a|--|b");
	assert_true(same_keys("wait… what", "wait... what", 0));
	split(&f, "End. Why? Yes! No, ok", 0);
	assert_true(f.l.v[1].flags & TOK_F_STOP);
	assert_true(f.l.v[3].flags & TOK_F_STOP);
	assert_true(f.l.v[5].flags & TOK_F_STOP);
	assert_false(f.l.v[7].flags & TOK_F_STOP);
	done(&f);
}

static void
scripts_and_clusters(void **state)
{
	(void)state;
	/* CJK: one token per ideograph or kana */
	assert_string_equal(joined("日本語のテキスト"),
	                    "日|本|語|の|テ|キ|ス|ト");
	/* an emoji ZWJ family and a flag stay whole */
	assert_string_equal(joined("hi 👨‍👩‍👧 🇺🇸!"),
	                    "hi|👨‍👩‍👧|🇺🇸|!");
	/* combining marks stay with their letter */
	assert_string_equal(joined("cafe\xCC\x81 ok"), "cafe\xCC\x81|ok");
	/* right-to-left text: words as anywhere else */
	assert_string_equal(joined("שלום עולם."), "שלום|עולם|.");
	assert_string_equal(joined("مَرْحَبًا بِكُمْ"), "مَرْحَبًا|بِكُمْ");
	/* a soft hyphen inside a word keeps it one word */
	assert_string_equal(joined("co\xC2\xADoperate"), "co\xC2\xADoperate");
	/* no-break space separates */
	assert_string_equal(joined("a\xC2\xA0"
	                           "b"),
	                    "a|b");
}

static void
keys_fold_typography(void **state)
{
	(void)state;
	assert_true(same_keys("ISIS’s “win” — now", "ISIS's \"win\" - now", 0));
	assert_false(same_keys("ISIS’s", "ISIS's", TOK_KEY_STRICT));
	/* NFC: decomposed and precomposed é */
	assert_true(same_keys("cafe\xCC\x81", "caf\xC3\xA9", 0));
	assert_false(same_keys("cafe\xCC\x81", "caf\xC3\xA9", TOK_KEY_STRICT));
	/* soft hyphen is ignorable */
	assert_true(same_keys("co\xC2\xADoperate", "cooperate", 0));
	/* case: only with ICASE, and full folding (ß = ss) */
	assert_false(same_keys("Syria", "SYRIA", 0));
	assert_true(same_keys("Syria", "SYRIA", TOK_KEY_ICASE));
	assert_true(same_keys("Straße", "STRASSE", TOK_KEY_ICASE));
	assert_true(same_keys("ΣΊΣΥΦΟΣ", "σίσυφος", TOK_KEY_ICASE));
}

static void
line_breaks_and_bom(void **state)
{
	struct fix f;
	(void)state;

	split(&f, "\xEF\xBB\xBFone\r\ntwo\r\n\r\nthree\rfour five", 0);
	assert_int_equal(f.l.n, 5);
	assert_int_equal(f.l.v[0].off, 3); /* after the byte order mark */
	assert_int_equal(f.l.v[0].nl, 0);
	assert_int_equal(f.l.v[1].nl, 1); /* CR LF counts once */
	assert_int_equal(f.l.v[2].nl, 2);
	assert_int_equal(f.l.v[3].nl, 1); /* lone CR */
	assert_int_equal(f.l.v[4].nl, 0);
	assert_int_equal(f.l.v[4].space, 1);
	done(&f);
}

static void
controls_and_invalid_bytes(void **state)
{
	struct fix f;
	(void)state;

	split(&f, "a\x1b[31mb \xff z", 0);
	assert_int_equal(f.l.v[1].kind, TOK_OTHER); /* ESC */
	assert_int_equal(tok_len(&f.l, 1), 1);
	assert_int_equal(f.l.v[f.l.n - 2].kind, TOK_OTHER); /* 0xFF */
	/* tokens never overlap and stay inside the text */
	for (size_t i = 1; i < f.l.n; i++)
		assert_true(f.l.v[i].off >= tok_end(&f.l, i - 1));
	done(&f);
}

/* A token of 64 KiB or more keeps its exact length (in the list's side
 * table), in the list and in a copy of it. */
static void
long_tokens(void **state)
{
	static const size_t lens[] = {70000, TOK_LONG, TOK_LONG - 1, 1, 200000};
	static char buf[500000]; /* the lengths, a space after each */
	size_t n = 0, off[5];
	struct fix f;
	struct toklist copy;
	(void)state;

	for (size_t k = 0; k < 5; k++) {
		assert_true(n + lens[k] + 1 < sizeof buf);
		off[k] = n;
		memset(buf + n, 'a' + (int)k, lens[k]);
		n += lens[k];
		buf[n++] = ' ';
	}
	buf[n] = '\0';
	split(&f, buf, 0);
	assert_int_equal(f.l.n, 5);
	assert_int_equal(f.l.nlng, 3);
	assert_int_equal(tok_copy(&copy, &f.l), 0);
	for (size_t k = 0; k < 5; k++) {
		assert_int_equal(f.l.v[k].off, off[k]);
		assert_int_equal(tok_len(&f.l, k), lens[k]);
		assert_int_equal(tok_end(&f.l, k), off[k] + lens[k]);
		assert_int_equal(tok_len(&copy, k), lens[k]);
		assert_int_equal(f.l.v[k].slen,
		                 lens[k] < TOK_LONG ? lens[k] : TOK_LONG);
	}
	tok_free(&copy);
	done(&f);
}

/* Case folding changes keys, never boundaries: the same tokens, kinds
 * and flags either way.  (Plain ASCII words take a short path unless keys
 * fold case, so this also holds that path to the general rules.)  Texts
 * are random runs of pieces that sit at the edges of the rules: joiners,
 * digits, capitals, marks, non-ASCII letters and punctuation. */
static void
boundaries_do_not_depend_on_case_folding(void **state)
{
	static const char *const pieces[] = {
	        "word", "Word", "U", "S", "Zed", "3", "2017", "a1", " ", " ",
	        "\n", "\r\n", "'", "-", ".", ",", ":", ";", "!", "(", ")", "\"",
	        "e\xcc\x81", "\xc3\xa9t\xc3\xa9", "\xe2\x80\x99",
	        "\xe2\x80\x94", "\xc2\xad", "\xe6\x97\xa5", "...", "--", "x",
	        "\t", "_", "#", "$",
	        /* a lone mark joins the space
	         * before it; no-break space */
	        "\xcc\x81", "\xc2\xa0"};
	enum { NP = sizeof pieces / sizeof *pieces };
	unsigned r = 99;
	char buf[4096];
	(void)state;
	for (int round = 0; round < 300; round++) {
		size_t len = 0;
		for (;;) {
			r = r * 1103515245u + 12345u;
			const char *p = pieces[(r >> 16) % NP];
			size_t n = strlen(p);
			if (len + n >= sizeof buf)
				break;
			memcpy(buf + len, p, n);
			len += n;
		}
		buf[len] = '\0';
		struct fix a, b;
		split(&a, buf, 0);
		split(&b, buf, TOK_KEY_ICASE);
		assert_int_equal(a.l.n, b.l.n);
		for (size_t i = 0; i < a.l.n; i++) {
			assert_int_equal(a.l.v[i].off, b.l.v[i].off);
			assert_int_equal(tok_len(&a.l, i), tok_len(&b.l, i));
			assert_int_equal(a.l.v[i].kind, b.l.v[i].kind);
			assert_int_equal(a.l.v[i].flags, b.l.v[i].flags);
			assert_int_equal(a.l.v[i].nl, b.l.v[i].nl);
			assert_int_equal(a.l.v[i].space, b.l.v[i].space);
		}
		done(&a);
		done(&b);
	}
}

/* Each ASCII character alone and between letters is the kind of token
 * its class (uni_class) makes it: the tokenizer classes ASCII from a
 * table of its own, which must agree. */
static void
ascii_classes(void **state)
{
	(void)state;
	for (int ch = 1; ch < 0x80; ch++) {
		enum uni_class cls = uni_class(ch);
		char s[4] = {(char)ch, 0, 0, 0};
		struct fix f;
		split(&f, s, 0);
		if (cls == UNI_SPACE) {
			assert_int_equal(f.l.n, 0);
		} else {
			int kind = cls == UNI_LETTER   ? TOK_WORD
			           : cls == UNI_DIGIT  ? TOK_NUMBER
			           : cls == UNI_PUNCT  ? TOK_PUNCT
			           : cls == UNI_SYMBOL ? TOK_SYMBOL
			                               : TOK_OTHER;
			assert_int_equal(f.l.n, 1);
			assert_int_equal(f.l.v[0].kind, kind);
		}
		done(&f);
		/* between two letters: in the word or a token of its own */
		s[0] = 'a';
		s[1] = (char)ch;
		s[2] = 'b';
		split(&f, s, 0);
		size_t want = cls == UNI_SPACE ? 2
		              : cls == UNI_LETTER || cls == UNI_DIGIT ||
		                              ch == '\'' || ch == '-' ||
		                              ch == '.'
		                      ? 1
		                      : 3;
		assert_int_equal(f.l.n, want);
		done(&f);
	}
}
/* White space and words around marks and other non-ASCII characters:
 * the tokenizer takes a space before ASCII and an ASCII word before any
 * class, and must cut as the general rules do (each row as the rules cut
 * it before that short path: offset/length/kind/flags/space/nl). */
static void
short_paths_cut_as_the_rules(void **state)
{
	static const char *const in[] = {"a \314\201b c",   "a  b\n \xcc\x81",
	                                 "x, y. \xc2\xa0z", "ab\xcc\x81 cd",
	                                 "one two",         " \342\200\213a b"};
	static const char *const want[] = {
	        "0/1/0/0/0/0 4/1/0/0/1/0 6/1/0/0/1/0",
	        "0/1/0/0/0/0 3/1/0/0/1/0",
	        "0/1/0/0/0/0 1/1/2/0/0/0 3/1/0/0/1/0 4/1/2/8/0/0 8/1/0/0/1/0",
	        "0/4/0/0/0/0 5/2/0/0/1/0",
	        "0/3/0/0/0/0 4/3/0/0/1/0",
	        "1/3/4/0/1/0 4/1/0/0/0/0 6/1/0/0/1/0"};
	(void)state;
	for (size_t k = 0; k < sizeof in / sizeof *in; k++) {
		char got[256];
		size_t n = 0;
		struct fix f;
		split(&f, in[k], 0);
		for (size_t i = 0; i < f.l.n; i++)
			n += (size_t)snprintf(
			        got + n, sizeof got - n, "%s%u/%zu/%u/%u/%u/%u",
			        i ? " " : "", (unsigned)f.l.v[i].off,
			        tok_len(&f.l, i), (unsigned)f.l.v[i].kind,
			        (unsigned)f.l.v[i].flags,
			        (unsigned)f.l.v[i].space,
			        (unsigned)f.l.v[i].nl);
		got[n] = '\0';
		assert_string_equal(got, want[k]);
		done(&f);
	}
}

/* Two texts into one table, the second under other key options: the
 * first's caches stay with the table (intern_scratch), and every id is
 * still its key's (the bytes, or folded with TOK_KEY_ICASE). */
static void
two_texts_share_one_table(void **state)
{
	static const char *const s[] = {
	        "The cat sat on the mat, and the extraordinarily long cat.",
	        "THE Cat sat; the MAT and extraordinarily LONG cats sat."};
	static const unsigned opts[] = {0, TOK_KEY_ICASE};
	struct text t[2];
	struct toklist l[2];
	struct text_where where;
	struct intern *in = intern_new();
	(void)state;

	assert_non_null(in);
	for (int k = 0; k < 2; k++) {
		assert_int_equal(text_from_memory(&t[k], "t", s[k],
		                                  strlen(s[k]), TEXT_LAX,
		                                  &where),
		                 TEXT_OK);
		assert_int_equal(tok_split(&t[k], in, opts[k], &l[k]), 0);
	}
	for (int k = 0; k < 2; k++) {
		for (size_t i = 0; i < l[k].n; i++) {
			char want[64];
			size_t n = tok_len(&l[k], i), len;
			const char *key = intern_key(in, l[k].id[i], &len);
			assert_true(n < sizeof want);
			memcpy(want, t[k].buf + l[k].v[i].off, n);
			for (size_t j = 0; opts[k] && j < n; j++)
				if (want[j] >= 'A' && want[j] <= 'Z')
					want[j] = (char)(want[j] + 32);
			assert_int_equal(len, n);
			assert_memory_equal(key, want, n);
		}
		tok_free(&l[k]);
		text_done(&t[k]);
	}
	intern_free(in);
}

/* intern_scratch: zeroed at first, then the same block as it was left;
 * another size gets none, and a copy of the table has its own. */
static void
scratch_stays_with_its_table(void **state)
{
	struct intern *in = intern_new(), *c;
	unsigned char *p, *q;
	(void)state;

	assert_non_null(in);
	p = intern_scratch(in, 100);
	assert_non_null(p);
	for (int i = 0; i < 100; i++)
		assert_int_equal(p[i], 0);
	p[7] = 42;
	assert_ptr_equal(intern_scratch(in, 100), p);
	assert_int_equal(p[7], 42);
	assert_null(intern_scratch(in, 200));
	c = intern_copy(in);
	assert_non_null(c);
	q = intern_scratch(c, 100);
	assert_non_null(q);
	assert_ptr_not_equal(q, p);
	assert_int_equal(q[7], 0);
	intern_free(c);
	intern_free(in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(short_paths_cut_as_the_rules),
	        cmocka_unit_test(words_and_punctuation),
	        cmocka_unit_test(inner_joiners),
	        cmocka_unit_test(numbers_and_dates),
	        cmocka_unit_test(ellipsis_and_stops),
	        cmocka_unit_test(scripts_and_clusters),
	        cmocka_unit_test(keys_fold_typography),
	        cmocka_unit_test(line_breaks_and_bom),
	        cmocka_unit_test(controls_and_invalid_bytes),
	        cmocka_unit_test(boundaries_do_not_depend_on_case_folding),
	        cmocka_unit_test(long_tokens),
	        cmocka_unit_test(ascii_classes),
	        cmocka_unit_test(two_texts_share_one_table),
	        cmocka_unit_test(scratch_stays_with_its_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
