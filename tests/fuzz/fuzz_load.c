/* fuzz_load.c - libFuzzer target: loading, tokenizing and sentence
 * splitting any bytes.
 *
 * Checks: a text the strict loader accepts is valid UTF-8 without NUL; the
 * lax loader accepts everything up to its size limit; tokens lie inside the
 * text, in order, without overlap, never start inside a UTF-8 sequence,
 * and tokenizing again gives the same ids; segments cover every token in
 * order without overlap, with paragraph numbers that never go down.
 */
#include "fuzz.h"
#include "redline/segment.h"
#include "redline/uni.h"

static void
check_tokens(const struct text *t, unsigned keyopts)
{
	struct intern *in = intern_new();
	struct toklist l, again;
	struct seglist sl;
	size_t end = 0;

	FUZZ_CHECK(in);
	FUZZ_CHECK(tok_split(t, in, keyopts, &l) == 0);
	for (size_t i = 0; i < l.n; i++) {
		const struct tok *k = &l.v[i];
		FUZZ_CHECK(tok_len(&l, i) > 0);
		FUZZ_CHECK(k->off >= end);
		FUZZ_CHECK(tok_end(&l, i) <= t->len);
		FUZZ_CHECK(k->kind <= TOK_OTHER);
		/* a continuation byte starts a token only when it is stray */
		if ((t->buf[k->off] & 0xC0) == 0x80)
			FUZZ_CHECK(k->kind == TOK_OTHER);
		FUZZ_CHECK(l.id[i] < intern_count(in));
		end = tok_end(&l, i);
	}
	FUZZ_CHECK(tok_split(t, in, keyopts, &again) == 0);
	FUZZ_CHECK(again.n == l.n);
	for (size_t i = 0; i < l.n; i++)
		FUZZ_CHECK(again.id[i] == l.id[i]);
	tok_free(&again);

	FUZZ_CHECK(seg_split(t, &l, &sl) == 0);
	uint32_t next = 0, para = 0;
	for (size_t s = 0; s < sl.n; s++) {
		FUZZ_CHECK(sl.v[s].t0 == next);
		FUZZ_CHECK(sl.v[s].t1 > sl.v[s].t0);
		FUZZ_CHECK(sl.v[s].para >= para);
		next = sl.v[s].t1;
		para = sl.v[s].para;
	}
	FUZZ_CHECK(next == l.n);
	seg_free(&sl);
	tok_free(&l);
	intern_free(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct text t;
	struct text_where w;
	size_t bad;

	if (text_from_memory(&t, "input", d, n, 0, &w) == TEXT_OK) {
		FUZZ_CHECK(!memchr(t.buf, 0, t.len));
		FUZZ_CHECK(uni_valid(t.buf, t.len, &bad));
		text_done(&t);
	}
	/* --text takes NUL bytes and invalid UTF-8, never UTF-16 or 32 */
	enum text_error e = text_from_memory(&t, "input", d, n, TEXT_LAX, &w);
	FUZZ_CHECK(e == TEXT_OK || e == TEXT_ERR_UTF16 || e == TEXT_ERR_UTF32);
	if (e != TEXT_OK)
		return 0;
	check_tokens(&t, 0);
	check_tokens(&t, TOK_KEY_ICASE);
	check_tokens(&t, TOK_KEY_STRICT);
	text_done(&t);
	return 0;
}
