/* fuzz_export.c - libFuzzer target: every exporter.
 *
 * The first input byte picks the width of the column format and whether
 * control characters are to be made visible.  Checks: each export writes
 * without error; with visible set, no output byte is a control character
 * other than a line feed, and the output is valid UTF-8 (so no escape
 * sequence in a text reaches a terminal); the JSON export parses as JSON
 * (by the small strict parser below) and every [start, end) span under a
 * "left", "right", "was" or "span" key lies inside the file it points
 * into.
 * The HTML page holds only valid UTF-8 without control characters, one
 * <article> per block and no <script> (the inputs' markup is escaped).
 * Then the overview of the rewrite given twice: every official sentence
 * counted once per rewrite, the summary free of control characters and
 * valid UTF-8 always, its JSON parsing with spans in bounds.
 */
#include <ctype.h>

#include "fuzz.h"
#include "redline/export.h"
#include "redline/uni.h"

/* ---- a strict JSON parser that checks spans ---------------------------- */

struct jp {
	const char *s;
	size_t n, i;
	size_t limit[2]; /* bytes of the left and right file */
	int depth;
};

static void
ws(struct jp *p)
{
	while (p->i < p->n && strchr(" \t\r\n", p->s[p->i]))
		p->i++;
}

static int
lit(struct jp *p, const char *w)
{
	size_t k = strlen(w);
	if (p->n - p->i < k || memcmp(p->s + p->i, w, k) != 0)
		return 0;
	p->i += k;
	return 1;
}

/* A JSON string; its bytes (escapes left as they are) into key[0..cap). */
static int
string(struct jp *p, char *key, size_t cap)
{
	size_t from, k = 0, bad;

	if (p->i >= p->n || p->s[p->i] != '"')
		return 0;
	from = ++p->i;
	while (p->i < p->n && p->s[p->i] != '"') {
		unsigned char ch = (unsigned char)p->s[p->i];
		if (ch < 0x20)
			return 0;
		if (ch == '\\') {
			if (++p->i >= p->n ||
			    !strchr("\"\\/bfnrtu", p->s[p->i]))
				return 0;
			if (p->s[p->i] == 'u') {
				for (int h = 0; h < 4; h++)
					if (++p->i >= p->n ||
					    !isxdigit(
					            (unsigned char)p->s[p->i]))
						return 0;
			}
		}
		if (key && k + 1 < cap)
			key[k++] = (char)ch;
		p->i++;
	}
	if (p->i >= p->n)
		return 0;
	if (!uni_valid((const unsigned char *)p->s + from, p->i - from, &bad))
		return 0;
	if (key)
		key[k] = '\0';
	p->i++;
	return 1;
}

static int
number(struct jp *p, double *v)
{
	size_t from = p->i;

	if (p->i < p->n && p->s[p->i] == '-')
		p->i++;
	if (p->i >= p->n || !isdigit((unsigned char)p->s[p->i]))
		return 0;
	if (p->s[p->i] == '0')
		p->i++;
	else
		while (p->i < p->n && isdigit((unsigned char)p->s[p->i]))
			p->i++;
	if (p->i < p->n && p->s[p->i] == '.') {
		if (++p->i >= p->n || !isdigit((unsigned char)p->s[p->i]))
			return 0;
		while (p->i < p->n && isdigit((unsigned char)p->s[p->i]))
			p->i++;
	}
	char tmp[64];
	size_t len =
	        p->i - from < sizeof tmp - 1 ? p->i - from : sizeof tmp - 1;
	memcpy(tmp, p->s + from, len);
	tmp[len] = '\0';
	*v = strtod(tmp, NULL);
	return 1;
}

static int value(struct jp *p, const char *key);

/* An array; under "left", "right", "was" or "span", two numbers are a
 * span. */
static int
array(struct jp *p, const char *key)
{
	double num[3];
	size_t nnum = 0, nitems = 0;

	p->i++; /* [ */
	ws(p);
	if (p->i < p->n && p->s[p->i] == ']') {
		p->i++;
		return 1;
	}
	for (;;) {
		ws(p);
		if (p->i < p->n &&
		    (isdigit((unsigned char)p->s[p->i]) || p->s[p->i] == '-')) {
			double v;
			if (!number(p, &v))
				return 0;
			if (nnum < 3)
				num[nnum] = v;
			nnum++;
		} else if (!value(p, key)) {
			return 0;
		}
		nitems++;
		ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == ']') {
			p->i++;
			break;
		}
		return 0;
	}
	/* a span: "left" and a fact's "was" in the official text, "right"
	 * in the rewrite; a fact's or a nearest passage's "span" in one of
	 * the two */
	int side = !strcmp(key, "left") || !strcmp(key, "was") ? 0
	           : !strcmp(key, "right")                     ? 1
	           : !strcmp(key, "span")                      ? 2
	                                                       : -1;
	if (side >= 0 && nnum) {
		double limit = side < 2 ? (double)p->limit[side]
		               : p->limit[0] > p->limit[1]
		                       ? (double)p->limit[0]
		                       : (double)p->limit[1];
		if (nnum != 2 || nitems != 2)
			return 0;
		if (!(num[0] >= 0 && num[0] < num[1] && num[1] <= limit))
			return 0;
	}
	return 1;
}

static int
object(struct jp *p)
{
	char key[32];

	p->i++; /* { */
	ws(p);
	if (p->i < p->n && p->s[p->i] == '}') {
		p->i++;
		return 1;
	}
	for (;;) {
		ws(p);
		if (!string(p, key, sizeof key))
			return 0;
		ws(p);
		if (p->i >= p->n || p->s[p->i++] != ':')
			return 0;
		ws(p);
		if (!value(p, key))
			return 0;
		ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == '}') {
			p->i++;
			return 1;
		}
		return 0;
	}
}

static int
value(struct jp *p, const char *key)
{
	double v;
	int ok;

	ws(p);
	if (p->i >= p->n || ++p->depth > 64)
		return 0;
	switch (p->s[p->i]) {
	case '{':
		ok = object(p);
		break;
	case '[':
		ok = array(p, key);
		break;
	case '"':
		ok = string(p, NULL, 0);
		break;
	case 't':
		ok = lit(p, "true");
		break;
	case 'f':
		ok = lit(p, "false");
		break;
	case 'n':
		ok = lit(p, "null");
		break;
	default:
		ok = number(p, &v);
		break;
	}
	p->depth--;
	return ok;
}

/* ---- the target -------------------------------------------------------- */

typedef int (*exporter)(const struct cmp *, const struct export_opt *, FILE *);

static void
run(exporter fn, const struct cmp *c, const struct export_opt *o, int json)
{
	char *out = NULL;
	size_t len = 0, bad;
	FILE *f = open_memstream(&out, &len);

	FUZZ_CHECK(f);
	FUZZ_CHECK(fn(c, o, f) == 0);
	FUZZ_CHECK(fclose(f) == 0);
	if (o->visible) {
		for (size_t i = 0; i < len; i++) {
			unsigned char ch = (unsigned char)out[i];
			FUZZ_CHECK(ch == '\n' || (ch >= 0x20 && ch != 0x7F));
		}
		FUZZ_CHECK(uni_valid((unsigned char *)out, len, &bad));
	}
	if (json == 2) {
		/* HTML: always clean, one article a place of a passage, no
		 * markup that came from the inputs */
		size_t arts = 0;
		for (size_t i = 0; i < len; i++) {
			unsigned char ch = (unsigned char)out[i];
			FUZZ_CHECK(ch == '\n' || (ch >= 0x20 && ch != 0x7F));
			arts += len - i > 9 &&
			        memcmp(out + i, "<article ", 9) == 0;
			FUZZ_CHECK(len - i < 7 ||
			           memcmp(out + i, "<script", 7) != 0);
		}
		FUZZ_CHECK(uni_valid((unsigned char *)out, len, &bad));
		FUZZ_CHECK(arts == c->ps.nent);
	} else if (json) {
		struct jp p = {out, len, 0, {c->left->len, c->right->len}, 0};
		FUZZ_CHECK(value(&p, ""));
		ws(&p);
		FUZZ_CHECK(p.i == len);
	}
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct text a, b;
	struct cmp c;
	struct cmp_opt co = {0};
	struct export_opt eo;

	if (n < 1)
		return 0;
	eo.width = 20 + d[0] % 128;
	eo.visible = d[0] >> 7;
	eo.color = 0; /* colour is checked by tests/cli/color.sh */
	if (fuzz_pair(d + 1, n - 1, &a, &b) < 0)
		return 0;
	FUZZ_CHECK(cmp_run(&c, &a, &b, &co) == 0);
	run(export_wdiff, &c, &eo, 0);
	run(export_plain, &c, &eo, 0);
	run(export_stats, &c, &eo, 0);
	run(export_report, &c, &eo, 0);
	run(export_json, &c, &eo, 1);
	run(export_html, &c, &eo, 2);
	cmp_free(&c);

	/* the overview of the rewrite twice, on two threads */
	const struct text *rw[2] = {&b, &b};
	struct overview ov;
	size_t order[2];
	char *out = NULL;
	size_t len = 0, bad;
	FUZZ_CHECK(ov_run(&ov, &a, rw, 2, &co, 2) == 0);
	for (size_t j = 0; j < 2; j++)
		FUZZ_CHECK(ov.r[j].kept[0] + ov.r[j].kept[1] +
		                   ov.r[j].kept[2] ==
		           ov.nsent);
	ov_sort(&ov, (enum ov_key)(d[0] % OV_NKEYS), d[0] & 1, order);
	FUZZ_CHECK(order[0] != order[1] && order[0] < 2 && order[1] < 2);
	FILE *f = open_memstream(&out, &len);
	FUZZ_CHECK(f && export_summary(&ov, order, &eo, f) == 0);
	FUZZ_CHECK(fclose(f) == 0);
	for (size_t i = 0; i < len; i++)
		FUZZ_CHECK((unsigned char)out[i] >= 0x20 || out[i] == '\n');
	FUZZ_CHECK(uni_valid((unsigned char *)out, len, &bad));
	free(out);
	out = NULL;
	f = open_memstream(&out, &len);
	FUZZ_CHECK(f && export_json_overview(&ov, &eo, f) == 0);
	FUZZ_CHECK(fclose(f) == 0);
	struct jp p = {out, len, 0, {a.len, b.len}, 0};
	FUZZ_CHECK(value(&p, ""));
	ws(&p);
	FUZZ_CHECK(p.i == len);
	free(out);
	ov_free(&ov);
	text_done(&a);
	text_done(&b);
	return 0;
}
