/* test_align.c - sentence segmentation, and the alignment's blocks on
 * small pairs written for these tests: pairs, splits, merges, moves,
 * omissions, additions and new facts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/compare.h"

struct pair {
	struct text a, b;
	struct cmp c;
};

/* Compare a with b at --link-min=link_min (0: the default), the linking
 * rules of the bits of rules_off left out. */
static void
compare_rules(struct pair *p, const char *a, const char *b, double link_min,
              unsigned rules_off)
{
	struct text_where where;
	struct cmp_opt o = {
	        .minimal = 0, .link_min = link_min, .rules_off = rules_off};
	assert_int_equal(text_from_memory(&p->a, "a", a, strlen(a), 0, &where),
	                 TEXT_OK);
	assert_int_equal(text_from_memory(&p->b, "b", b, strlen(b), 0, &where),
	                 TEXT_OK);
	assert_int_equal(cmp_run(&p->c, &p->a, &p->b, &o), 0);
}

static void
compare_at(struct pair *p, const char *a, const char *b, double link_min)
{
	compare_rules(p, a, b, link_min, 0);
}

static void
compare(struct pair *p, const char *a, const char *b)
{
	compare_at(p, a, b, 0);
}

static void
release(struct pair *p)
{
	cmp_free(&p->c);
	text_done(&p->a);
	text_done(&p->b);
}

/* The sentences of s joined by " | ". */
static const char *
sentences(const char *s)
{
	static char out[2048];
	struct pair p;
	size_t n = 0;

	compare(&p, s, "x");
	out[0] = '\0';
	for (size_t i = 0; i < p.c.ls.n; i++) {
		size_t b0, b1;
		seg_bytes(&p.c.ls, &p.c.lt, i, i + 1, &b0, &b1);
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%.*s",
		                      i ? " | " : "", (int)(b1 - b0), s + b0);
	}
	release(&p);
	return out;
}

static void
segmentation(void **state)
{
	(void)state;
	assert_string_equal(sentences("One here. Two there! Three? Four."),
	                    "One here. | Two there! | Three? | Four.");
	/* abbreviations and initials do not end sentences */
	assert_string_equal(
	        sentences("Pres. Jones met Mr. Lee on Nov. 8 in the U.S. "
	                  "capital. "
	                  "J. R. Lee left."),
	        "Pres. Jones met Mr. Lee on Nov. 8 in the U.S. capital. | "
	        "J. R. Lee left.");
	/* lower case after a full stop: not a new sentence */
	assert_string_equal(sentences("It rose 3 p.c. this year."),
	                    "It rose 3 p.c. this year.");
	/* closing quotes stay with their sentence */
	assert_string_equal(sentences("He said \"stop.\" Then he left."),
	                    "He said \"stop.\" | Then he left.");
	/* a headline or dateline line is a segment of its own */
	assert_string_equal(sentences("Big news today\nThe body starts here."),
	                    "Big news today | The body starts here.");
}

static void
hard_wrapped_text(void **state)
{
	struct pair p;
	(void)state;

	compare(&p,
	        "The council met on\nMonday and agreed to\nrepair the road "
	        "before\nthe winter, which\nwill cost a great\ndeal of money "
	        "and\ntake many weeks.\n\nA second paragraph.\n",
	        "x");
	assert_true(p.c.ls.hard_wrapped);
	assert_int_equal(p.c.ls.n, 2);
	assert_int_equal(p.c.ls.v[0].para, 0);
	assert_int_equal(p.c.ls.v[1].para, 1);
	release(&p);
}

static const struct block *
block_with(const struct pair *p, int right, const char *needle)
{
	const struct text *t = right ? &p->b : &p->a;
	const char *at = strstr((const char *)t->buf, needle);
	size_t off;

	assert_non_null(at);
	off = (size_t)(at - (const char *)t->buf);
	for (size_t i = 0; i < p->c.al.nblocks; i++) {
		const struct block *b = &p->c.al.blocks[i];
		uint32_t s0 = right ? b->rs0 : b->ls0,
		         s1 = right ? b->rs1 : b->ls1;
		size_t b0, b1;
		if (s0 >= s1)
			continue;
		seg_bytes(right ? &p->c.rs : &p->c.ls,
		          right ? &p->c.rt : &p->c.lt, s0, s1, &b0, &b1);
		if (b0 <= off && off < b1)
			return b;
	}
	return NULL;
}

/* Asserts that the block holding needle on side right of p is of kind
 * and is page furniture (a headline restating the title, a byline, a
 * signature: linked to nothing). */
static void
assert_furniture(const struct pair *p, int right, const char *needle,
                 enum blk_kind kind)
{
	const struct block *b = block_with(p, right, needle);

	assert_int_equal(b->kind, kind);
	assert_true(b->furniture);
}

static const char official[] =
        "The port authority approved a new harbour wall on Friday. "
        "Building will begin in spring and last two years.\n\n"
        "The wall will protect the fishing fleet from winter storms. "
        "It will cost the authority about nine million euros.\n\n"
        "The authority thanked the engineers for their report.\n";

static const char rewrite[] =
        "It will cost the authority about nine million euros, officials "
        "said.\n\n"
        "The port authority approved a new harbour wall on Friday.\n\n"
        "Building will begin in spring. The work will last two years.\n\n"
        "Local fishermen had asked for the wall since the storm of 2019 "
        "sank four boats in Porto Velho.\n\n"
        "The wall will protect the fishing fleet from winter storms.\n";

static void
kinds_of_passages(void **state)
{
	struct pair p;
	const struct block *b;
	(void)state;

	compare(&p, official, rewrite);
	b = block_with(&p, 0, "The port authority approved");
	assert_int_equal(b->kind, BLK_VERBATIM);
	assert_true(b->rs1 > b->rs0);
	b = block_with(&p, 0, "The authority thanked");
	assert_int_equal(b->kind, BLK_OMISSION);
	assert_true(b->rs0 == b->rs1);
	b = block_with(&p, 1, "Local fishermen");
	assert_int_equal(b->kind, BLK_ADDITION);
	assert_true(b->ls0 == b->ls1);
	/* the cost sentence went to the top: moved, and kept verbatim
	 * despite the attribution frame */
	b = block_with(&p, 1, "It will cost");
	assert_true(b->moved);
	assert_int_equal(b->kind, BLK_VERBATIM);
	b = block_with(&p, 1, "The wall will protect");
	assert_false(b->moved);
	assert_int_equal(p.c.al.count[BLK_OMISSION], 1);
	assert_int_equal(p.c.al.count[BLK_ADDITION], 1);
	release(&p);
}

static void
split_sentence(void **state)
{
	struct pair p;
	const struct block *src, *piece1, *piece2;
	(void)state;

	compare(&p, official, rewrite);
	/* "Building will begin in spring and last two years." became two
	 * rewrite sentences: one block for it, one per piece, linked */
	src = block_with(&p, 0, "Building will begin");
	piece1 = block_with(&p, 1, "Building will begin");
	piece2 = block_with(&p, 1, "The work will last");
	assert_true(src != piece1 && piece1 != piece2);
	assert_true(src->rs0 == src->rs1);
	assert_true(piece1->ls0 == piece1->ls1);
	assert_ptr_equal(&p.c.al.blocks[piece1->link], src);
	assert_ptr_equal(&p.c.al.blocks[piece2->link], src);
	assert_int_equal(piece1->kind, BLK_VERBATIM); /* copies a stretch */
	assert_int_equal(src->kind, BLK_PARAPHRASE);  /* reworded as a whole */
	release(&p);
}

/* A piece of a split is verbatim only if the stretch of the official
 * sentence it copies is kept whole; the official sentence is verbatim
 * only through its verbatim pieces, not thanks to a reworded one. */
static void
split_judged_by_pieces(void **state)
{
	struct pair p;
	const struct block *src, *piece1, *piece2;
	(void)state;

	/* every word of the official sentence is in one piece or the other,
	 * but the second piece rewords its part: 17 of 18 words kept in
	 * order, yet only 13 of them by the verbatim piece */
	compare(&p,
	        "The city council approved the annual budget for the port on "
	        "Monday evening, promising a new sea wall.\n",
	        "The city council approved the annual budget for the port on "
	        "Monday evening. A new sea wall is promised too.\n");
	src = block_with(&p, 0, "The city council");
	piece1 = block_with(&p, 1, "The city council");
	piece2 = block_with(&p, 1, "A new sea wall");
	assert_true(src != piece1 && piece1 != piece2);
	assert_int_equal(piece1->kind, BLK_VERBATIM);
	assert_int_equal(piece2->kind, BLK_PARAPHRASE);
	assert_int_equal(src->kind, BLK_PARAPHRASE);
	release(&p);

	/* a piece whose every word is the official sentence's, but which
	 * skips six words inside the stretch it copies */
	compare(&p,
	        "The council approved the new harbour budget on Monday after "
	        "a long and bitter debate about the cost of the wall.\n",
	        "The council approved the budget after a long debate. The "
	        "debate was about the cost of the wall.\n");
	piece1 = block_with(&p, 1, "The council");
	assert_true(piece1->ls0 == piece1->ls1); /* a piece of a split */
	assert_int_equal(piece1->kind, BLK_PARAPHRASE);
	release(&p);
}

/* A long rewrite sentence that says much else links to the official
 * sentence it holds most of, when nothing else links there: a paraphrase,
 * not an omission and an addition. */
static void
held_inside_a_longer_sentence(void **state)
{
	struct pair p;
	(void)state;

	compare(&p, "The ferry service to the islands will stop in October.\n",
	        "Islanders, who have relied on it since their grandparents' "
	        "time and who fear for the shops, schools and clinics that "
	        "depend on visitors, learned that the ferry service would stop "
	        "in the autumn.\n");
	assert_int_equal(block_with(&p, 0, "The ferry")->kind, BLK_PARAPHRASE);
	assert_int_equal(block_with(&p, 1, "Islanders")->kind, BLK_PARAPHRASE);
	assert_int_equal(
	        p.c.al.count[BLK_OMISSION] + p.c.al.count[BLK_ADDITION], 0);
	release(&p);
}

static void
merged_sentences(void **state)
{
	struct pair p;
	const struct block *o1, *o2, *r;
	(void)state;

	compare(&p,
	        "The bridge will close on Monday for repairs. Traffic will use "
	        "the old ferry road until the work ends.\n",
	        "The bridge will close on Monday for repairs, and traffic will "
	        "use the old ferry road until the work ends.\n");
	o1 = block_with(&p, 0, "The bridge");
	o2 = block_with(&p, 0, "Traffic");
	r = block_with(&p, 1, "The bridge");
	assert_true(o1 != o2 && o1 != r && o2 != r);
	assert_true(r->ls0 == r->ls1);
	assert_int_equal(o1->kind, BLK_VERBATIM);
	assert_int_equal(o2->kind, BLK_VERBATIM);
	assert_int_equal(r->kind, BLK_VERBATIM);
	assert_int_equal(
	        p.c.al.count[BLK_OMISSION] + p.c.al.count[BLK_ADDITION], 0);
	assert_int_equal(p.c.al.nmoved, 0); /* merged in order: nothing moved */
	release(&p);

	/* a sentence merging the first official sentence with the last:
	 * the last moved, not the first nor the merging sentence */
	compare(&p,
	        "The council approved the harbour budget on Monday.\n\n"
	        "The mayor thanked the fishermen for their patience.\n\n"
	        "Work on the new wall starts in spring.\n\n"
	        "The wall will cost nine million euros.\n",
	        "The council approved the harbour budget on Monday, and the "
	        "wall will cost nine million euros.\n\n"
	        "The mayor thanked the fishermen for their patience.\n\n"
	        "Work on the new wall starts in spring.\n");
	assert_false(block_with(&p, 0, "The council")->moved);
	assert_true(block_with(&p, 0, "The wall will")->moved);
	assert_false(block_with(&p, 1, "The council")->moved);
	assert_false(block_with(&p, 1, "The mayor")->moved);
	assert_int_equal(p.c.al.nmoved, 1);
	release(&p);
}

/* Two sentences told in the other order: one of them moved, and of the
 * two the reworded one, not the one kept word for word. */
static void
reworded_one_moves(void **state)
{
	struct pair p;
	(void)state;

	compare(&p,
	        "The port authority approved a new harbour wall on Friday "
	        "after a long debate.\n\n"
	        "The wall will cost about nine million euros and take two "
	        "years to build.\n",
	        "Building the wall will take two years and cost some nine "
	        "million euros.\n\n"
	        "The port authority approved a new harbour wall on Friday "
	        "after a long debate.\n");
	assert_false(block_with(&p, 1, "The port")->moved);
	assert_true(block_with(&p, 1, "Building")->moved);
	assert_int_equal(p.c.al.nmoved, 1);
	release(&p);
}

/* A headline sums up a later sentence: it is not moved for that, nor is
 * the sentence it sums up; a list's first line is no headline. */
static void
headline_not_moved(void **state)
{
	struct pair p;
	(void)state;

	compare(&p,
	        "The council approved the harbour budget on Monday.\n\n"
	        "The mayor thanked the fishermen for their patience.\n\n"
	        "The new harbour wall will protect the fishing fleet from "
	        "winter storms.\n",
	        "New Harbour Wall Will Protect Fishing Fleet From Winter "
	        "Storms\n\n"
	        "The council approved the harbour budget on Monday.\n\n"
	        "The mayor thanked the fishermen for their patience.\n");
	/* its words, but for the articles headlines drop, in order */
	assert_int_equal(block_with(&p, 1, "New Harbour")->kind, BLK_VERBATIM);
	assert_int_equal(p.c.al.nmoved, 0);
	release(&p);

	/* a text of title lines only (a list) has no headline: its moves
	 * are moves */
	compare(&p,
	        "Alpha beta gamma delta\n\nEpsilon zeta eta theta\n\n"
	        "Iota kappa lambda mu\n",
	        "Iota kappa lambda mu\n\nAlpha beta gamma delta\n\n"
	        "Epsilon zeta eta theta\n");
	assert_true(block_with(&p, 1, "Iota")->moved);
	assert_int_equal(p.c.al.nmoved, 1);
	release(&p);
}

static void
new_facts(void **state)
{
	struct pair p;
	const struct block *b;
	char seen[256] = "";
	(void)state;

	compare(&p, official, rewrite);
	b = block_with(&p, 1, "Local fishermen");
	for (size_t k = b->f0; k < b->f1; k++) {
		const struct tok *t0 = &p.c.rt.v[p.c.al.facts[k].t0];
		const struct tok *t1 = &p.c.rt.v[p.c.al.facts[k].t1 - 1];
		size_t n = strlen(seen);
		snprintf(seen + n, sizeof seen - n, "%s%.*s", n ? "; " : "",
		         (int)(t1->off + t1->slen - t0->off),
		         (const char *)p.b.buf + t0->off);
	}
	/* numbers and names the official text never has; not "Local" at the
	 * start of the sentence, not "wall" */
	assert_string_equal(seen, "2019; four; Porto Velho");
	release(&p);
}

/* The kind of the block holding needle on one side (right: the rewrite)
 * when official_s is compared with rewrite_s. */
static unsigned
kind_at(const char *official_s, const char *rewrite_s, int right,
        const char *needle)
{
	struct pair p;
	unsigned kind;

	compare(&p, official_s, rewrite_s);
	kind = block_with(&p, right, needle)->kind;
	release(&p);
	return kind;
}

/* The kind of the rewrite's only sentence against the official's. */
static unsigned
kind_of(const char *official_s, const char *rewrite_s)
{
	return kind_at(official_s, rewrite_s, 1, rewrite_s);
}

/* The new facts of the rewrite, joined by "; ". */
static const char *
facts_of(const char *official_s, const char *rewrite_s)
{
	static char seen[256];
	struct pair p;

	seen[0] = '\0';
	compare(&p, official_s, rewrite_s);
	for (size_t k = 0; k < p.c.al.nfacts; k++) {
		const struct tok *t0 = &p.c.rt.v[p.c.al.facts[k].t0];
		const struct tok *t1 = &p.c.rt.v[p.c.al.facts[k].t1 - 1];
		size_t n = strlen(seen);
		snprintf(seen + n, sizeof seen - n, "%s%.*s", n ? "; " : "",
		         (int)(t1->off + t1->slen - t0->off),
		         (const char *)p.b.buf + t0->off);
	}
	release(&p);
	return seen;
}

/* The facts of official_s against rewrite_s, each "new X" or "changed X
 * (was Y)", joined by "; ". */
static const char *
facts_told(const char *official_s, const char *rewrite_s)
{
	static char seen[256];
	struct pair p;

	seen[0] = '\0';
	compare(&p, official_s, rewrite_s);
	for (size_t k = 0; k < p.c.al.nfacts; k++) {
		const struct fact *f = &p.c.al.facts[k];
		const struct tok *t0 = &p.c.rt.v[f->t0],
		                 *t1 = &p.c.rt.v[f->t1 - 1];
		size_t n = strlen(seen);
		n += (size_t)snprintf(
		        seen + n, sizeof seen - n, "%s%s %.*s", n ? "; " : "",
		        f->kind == FACT_CHANGED ? "changed" : "new",
		        (int)(t1->off + t1->slen - t0->off),
		        (const char *)p.b.buf + t0->off);
		if (f->kind == FACT_CHANGED) {
			const struct tok *w0 = &p.c.lt.v[f->w0],
			                 *w1 = &p.c.lt.v[f->w1 - 1];
			snprintf(seen + n, sizeof seen - n, " (was %.*s)",
			         (int)(w1->off + w1->slen - w0->off),
			         (const char *)p.a.buf + w0->off);
		}
	}
	release(&p);
	return seen;
}

/* A number, day or name that takes the place of another in a kept
 * passage is a changed fact, with the official words it replaced, even
 * when the new value is elsewhere in the official text; a name that only
 * words a subject differently is not. */
static void
changed_facts(void **state)
{
	(void)state;
	assert_string_equal(
	        facts_told("The city will fund 12 new schools with 15 million "
	                   "dollars. The mayor met the governor in Hamburg on "
	                   "Monday.\n",
	                   "The city will fund 15 new schools with 15 million "
	                   "dollars. Mayor Novak met the governor in Berlin on "
	                   "Tuesday.\n"),
	        "changed 15 (was 12); new Mayor Novak; "
	        "changed Berlin (was Hamburg); "
	        "changed Tuesday (was Monday)");
}

/* A value changes only into one of its kind: a number in the place of a
 * day is a new fact, not a changed day.  A number of an official sentence
 * that another piece of its split tells replaces nothing in this one. */
static void
changed_facts_of_a_kind(void **state)
{
	(void)state;
	assert_string_equal(facts_told("The mayor met the governor in Hamburg "
	                               "on Monday.\n",
	                               "The mayor met the governor in Hamburg "
	                               "on two occasions.\n"),
	                    "new two");
	assert_string_equal(
	        facts_told("The unemployment rate dropped to 9 percent, its "
	                   "lowest level in six months.\n",
	                   "The unemployment rate dropped slightly in October "
	                   "to 9 percent, while the economy had a net gain of "
	                   "80,000 jobs.\n\n"
	                   "The unemployment rate is the lowest in six months, "
	                   "but still high.\n"),
	        "new October; new 80,000");
	/* the same number in one piece alone still changes */
	assert_string_equal(
	        facts_told("The unemployment rate dropped to 9 percent, its "
	                   "lowest level in six months.\n",
	                   "The unemployment rate dropped slightly in October "
	                   "to 8 percent, while the economy had a net gain of "
	                   "80,000 jobs.\n\n"
	                   "The unemployment rate is the lowest in six months, "
	                   "but still high.\n"),
	        "new October; changed 8 percent (was 9 percent); new 80,000");
}

/* Attribution frames do not count against verbatim: at the start (with or
 * without "that"), set off at the end, or breaking a quote; a lead that
 * is content still does. */
static void
frames_aside(void **state)
{
	static const char o[] =
	        "The council will vote on the new budget in March.\n";
	(void)state;
	assert_int_equal(kind_of(o, "In a statement, the mayor's office said "
	                            "that the council will vote on the new "
	                            "budget in March.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of(o, "The mayor said the council will vote on "
	                            "the new budget in March.\n"),
	                 BLK_VERBATIM);
	/* a verb of saying that restates: "reiterated that" */
	assert_int_equal(kind_of(o, "In a March 3 statement, the mayor's "
	                            "spokesman reiterated that the council "
	                            "will vote on the new budget in March.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of(o, "\"The council will vote on the new budget "
	                            "in March,\" the statement read.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of(o, "\"The council will vote,\" the mayor "
	                            "said, \"on the new budget in March.\"\n"),
	                 BLK_VERBATIM);
	/* inserted content is no frame */
	assert_int_equal(kind_of(o, "The council will vote on the new budget "
	                            "and higher taxes in March.\n"),
	                 BLK_PARAPHRASE);
	assert_int_equal(kind_of(o, "Officials fear the council will vote "
	                            "down the new budget in March.\n"),
	                 BLK_PARAPHRASE);
}

/* A frame is set around what is kept: a run set off by a comma that
 * outweighs the copied words is the sentence's own content, not its
 * frame, and the sentence is no verbatim copy. */
static void
frame_outweighs_kept(void **state)
{
	static const char o[] =
	        "The council will vote on the budget in March.\n";
	(void)state;
	assert_int_equal(kind_of(o, "The council will vote on the budget in "
	                            "March, said the mayor, who has long "
	                            "fought any new spending on roads, bridges "
	                            "and schools in the northern districts and "
	                            "wants a referendum first.\n"),
	                 BLK_PARAPHRASE);
	/* a short frame around the same words still is one */
	assert_int_equal(kind_of(o, "The council will vote on the budget in "
	                            "March, the mayor said.\n"),
	                 BLK_VERBATIM);
}

/* A clause the rewrite runs on after a comma is a frame only when it
 * holds a word of saying: ", the mayor said" is left aside, a clause of
 * the rewrite's own content is counted, and a sentence that copies the
 * official one and goes on with a clause of its own is a paraphrase. */
static void
trailing_clause_counted(void **state)
{
	static const char o[] =
	        "The council will vote on the budget in March.\n";
	(void)state;
	assert_int_equal(kind_of(o, "The council will vote on the budget in "
	                            "March, with two districts still at "
	                            "risk.\n"),
	                 BLK_PARAPHRASE);
	assert_int_equal(kind_of(o, "The council will vote on the budget in "
	                            "March, the mayor's office stated.\n"),
	                 BLK_VERBATIM);
}

/* The official sentence's own frame and dateline do not count against
 * verbatim either, when the rewrite drops them: the words said around a
 * quote, "Brussels, 8 February 2012 -" before it.  A clause dropped after
 * a comma is content, and a frame kept while a content word goes still
 * leaves a paraphrase. */
static void
official_frames_aside(void **state)
{
	static const char quote[] =
	        "The agency will double its aid to the region, to 95 million "
	        "euro, before the dry season begins.\n";
	(void)state;
	assert_int_equal(
	        kind_of("\"The agency will double its aid to the region, to 95 "
	                "million euro, before the dry season begins,\" said "
	                "Maria Novak, the Commissioner for Humanitarian Aid.\n",
	                quote),
	        BLK_VERBATIM);
	assert_int_equal(
	        kind_of("Brussels, 18 January 2012 - The agency will double "
	                "its "
	                "aid to the region, to 95 million euro, before the dry "
	                "season begins.\n",
	                quote),
	        BLK_VERBATIM);
	assert_int_equal(
	        kind_of("Washington, DC, April 2, 2018 The agency will double "
	                "its "
	                "aid to the region, to 95 million euro, before the dry "
	                "season begins.\n",
	                quote),
	        BLK_VERBATIM);
	/* what the rewrite dropped is content */
	assert_int_equal(
	        kind_of("The agency will double its aid to the region, to 95 "
	                "million euro, before the dry season begins, in "
	                "response "
	                "to the food crisis.\n",
	                quote),
	        BLK_PARAPHRASE);
	assert_int_equal(
	        kind_of("Despite the warnings of farmers, the agency will "
	                "double "
	                "its aid to the region, to 95 million euro, before the "
	                "dry season begins.\n",
	                quote),
	        BLK_PARAPHRASE);
	assert_int_equal(
	        kind_of("\"The agency will double its aid to the whole region, "
	                "to "
	                "95 million euro, before the dry season begins,\" said "
	                "Maria Novak.\n",
	                "\"The agency will double its aid, to 95 million euro, "
	                "before the dry season begins,\" said Maria Novak.\n"),
	        BLK_PARAPHRASE);
}

/* A sum whose currency only one side writes is the amount the other
 * writes bare, when the official text counts in that currency; where it
 * names none, or another, the currency is news. */
static void
currency_one_side(void **state)
{
	static const char euro[] = "The agency gives €12 million to the "
	                           "region.\n\nIt brings the funding to "
	                           "almost 275 million.\n";
	static const char bare[] = "The agency gives 12 million to the "
	                           "region.\n\nIt brings the funding to "
	                           "almost 275 million.\n";
	(void)state;
	assert_string_equal(facts_of(euro, "The agency gives €12 million to "
	                                   "the region.\n\nIt brings the "
	                                   "funding to almost €275 million.\n"),
	                    "");
	assert_int_equal(kind_at(euro,
	                         "The agency gives €12 million to the "
	                         "region.\n\nIt brings the funding to almost "
	                         "€275 million.\n",
	                         1, "It brings"),
	                 BLK_VERBATIM);
	/* the official sum told bare */
	assert_string_equal(facts_of("The agency gives €12 million to the "
	                             "region.\n\nIt brings the funding to "
	                             "almost €275 million.\n",
	                             bare),
	                    "");
	/* no currency in the official text, or another one */
	assert_string_equal(facts_of(bare, "The agency gives 12 million to the "
	                                   "region.\n\nIt brings the funding "
	                                   "to almost €275 million.\n"),
	                    "€275 million");
	assert_string_equal(facts_of(euro, "The agency gives €12 million to "
	                                   "the region.\n\nIt brings the "
	                                   "funding to almost $275 million.\n"),
	                    "$275 million");
	/* a different amount is still one */
	assert_string_equal(facts_of(euro, "The agency gives €12 million to "
	                                   "the region.\n\nIt brings the "
	                                   "funding to almost €285 million.\n"),
	                    "€285 million");
}

/* The same value or name written another way is kept, and is no new
 * fact; a different value is. */
static void
values_and_aliases(void **state)
{
	(void)state;
	assert_int_equal(kind_of("Around 7600 troops arrived on August 6.\n",
	                         "Around 7,600 troops arrived on August "
	                         "6th.\n"),
	                 BLK_VERBATIM);
	assert_string_equal(
	        facts_of("Around 7600 troops arrived on August 6.\n",
	                 "Around 7,600 troops arrived on August "
	                 "6th.\n"),
	        "");
	assert_string_equal(facts_of("It will fund twelve new schools.\n",
	                             "It will fund 12 new schools.\n"),
	                    "");
	assert_string_equal(facts_of("It will fund twelve new schools.\n",
	                             "It will fund 15 new schools.\n"),
	                    "15");
	assert_int_equal(kind_of("The United States welcomed the decision of "
	                         "the court today.\n",
	                         "The U.S. welcomed the decision of the court "
	                         "today.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of("They vowed to defeat the Islamic State in "
	                         "the region this year.\n",
	                         "They vowed to defeat ISIS in the region "
	                         "this year.\n"),
	                 BLK_VERBATIM);
	/* an acronym spelled out with a word in capitals in it */
	assert_string_equal(facts_of("They called for the full implementation "
	                             "of UNSCR 2254 this year.\n",
	                             "They called for the full implementation "
	                             "of UN Security Council Resolution 2254 "
	                             "this year.\n"),
	                    "");
	/* an agency's acronym that its name outgrew ("and Prevention") */
	assert_string_equal(facts_of("The CDC studied the number of cancer "
	                             "survivors in the country.\n",
	                             "The Centers for Disease Control and "
	                             "Prevention studied the number of cancer "
	                             "survivors in the country.\n"),
	                    "");
	/* a month and its abbreviation */
	assert_string_equal(
	        facts_of("The vote is on August 27 in the capital.\n",
	                 "The vote is on Aug. 27 in the capital.\n"),
	        "");
	/* open and closed compounds */
	assert_int_equal(kind_of("The leaders met in Da Nang on Friday "
	                         "morning.\n",
	                         "The leaders met in Danang on Friday "
	                         "morning.\n"),
	                 BLK_VERBATIM);
	assert_string_equal(facts_of("The leaders met in Da Nang on Friday.\n",
	                             "The leaders met in Danang on Friday.\n"),
	                    "");
	assert_int_equal(kind_of("Prices rose by three per cent in the "
	                         "northern region last year.\n",
	                         "Prices rose by three percent in the "
	                         "northern region last year.\n"),
	                 BLK_VERBATIM);
	/* a hyphened word told as two, though one of the two is a word
	 * of the other side too ("warmest", in its headline) */
	assert_int_equal(kind_at("The year had the fourth warmest winter and "
	                         "a record warm spring.\n",
	                         "Warmest Year\n\nThe year had the "
	                         "fourth-warmest winter and a record-warm "
	                         "spring.\n",
	                         1, "The year"),
	                 BLK_VERBATIM);
	/* an ordinal in words and in figures */
	assert_int_equal(kind_of("She will be the tenth recipient of the award "
	                         "this year.\n",
	                         "She will be the 10th recipient of the award "
	                         "this year.\n"),
	                 BLK_VERBATIM);
	/* British and American spellings (SCOWL's lists) */
	assert_int_equal(kind_of("The minister said the centre would organise "
	                         "a new programme of defence training.\n",
	                         "The minister said the center would organize "
	                         "a new program of defense training.\n"),
	                 BLK_VERBATIM);
	/* an acronym against the capitalised words whose initials it spells,
	 * though no table lists it */
	assert_int_equal(kind_of("The Regional Water Board approved the plan "
	                         "for the northern valleys.\n",
	                         "The RWB approved the plan for the northern "
	                         "valleys.\n"),
	                 BLK_VERBATIM);
	assert_string_equal(facts_of("The Regional Water Board approved the "
	                             "plan.\n",
	                             "The RWB approved the plan.\n"),
	                    "");
}

/* The bit of rules_off that leaves the learned verdict out. */
static unsigned
verdict_off(void)
{
	unsigned k = 0;
	while (align_rule_name(k) && strcmp(align_rule_name(k), "verdict"))
		k++;
	assert_non_null(align_rule_name(k));
	return 1u << k;
}

/* A related word (WordNet's derivational links: militarily, military)
 * tips a rewrite sentence that shares too little with an official one
 * over the best-candidate rule's share, into a link, as a paraphrase; a
 * word that only shares a synonym set with an official word in another
 * sense (serve and answer, as in "that will answer") does not: synonyms
 * are not used.  The rules alone: the learned verdict, which weighs more
 * than the share, is left out (each_rule_needed tests it). */
static const char related_official[] =
        "The two governments agreed that there is no military answer to "
        "the long conflict in the valley.\n\n"
        "They also discussed trade, tourism and the price of grain.\n";

static void
related_words(void **state)
{
	struct pair p;
	const struct block *b;
	(void)state;

	compare_rules(
	        &p, related_official,
	        "Diplomats warned that the conflict in the valley could not be "
	        "ended militarily.\n\nThe talks lasted three hours.\n",
	        0, verdict_off());
	b = block_with(&p, 1, "Diplomats warned");
	assert_int_equal(b->kind, BLK_PARAPHRASE);
	assert_true(b->ls1 > b->ls0);
	release(&p);

	compare_rules(
	        &p, related_official,
	        "Diplomats warned that waiters serve in the valley during the "
	        "conflict.\n\nThe talks lasted three hours.\n",
	        0, verdict_off());
	b = block_with(&p, 1, "Diplomats warned");
	assert_int_equal(b->kind, BLK_ADDITION);
	release(&p);
}

/* A rewrite sentence linked to nothing shares a word that only one
 * official sentence has, and two more, with its best candidate, which
 * nothing links to and which sits where it does in order: it retells
 * that sentence.  Out of order, or when another official sentence has
 * each word it shares too, it is an addition. */
static void
rare_word_names_source(void **state)
{
	static const char retold[] =
	        "The mayor also threw her weight behind dredging, a way to "
	        "build momentum for a complete revival of the port and its "
	        "boats.\n\n";
	static const char budget[] =
	        "The council approved the new budget for the schools on "
	        "Monday.\n\n";
	static const char meet[] = "The council will meet again in March.\n";
	char o[1024], r[512];
	struct pair p;
	(void)state;

	snprintf(o, sizeof o, "%s%s%s", budget,
	         "The mayor stressed the importance of dredging the harbour as "
	         "a first step to revive the fishing trade and create "
	         "jobs.\n\n",
	         meet);
	snprintf(r, sizeof r, "%s%s%s", budget, retold, meet);
	compare(&p, o, r);
	assert_int_equal(block_with(&p, 1, "The mayor")->kind, BLK_PARAPHRASE);
	release(&p);
	/* --link-min=1 links whole copies only */
	compare_at(&p, o, r, 1);
	assert_int_equal(block_with(&p, 1, "The mayor")->kind, BLK_ADDITION);
	release(&p);

	snprintf(r, sizeof r, "%s%s\n\n%s", budget, meet, retold);
	compare(&p, o, r);
	assert_int_equal(block_with(&p, 1, "The mayor")->kind, BLK_ADDITION);
	release(&p);

	/* each word it shares in another official sentence too */
	snprintf(o, sizeof o, "%s%s%s%s", budget,
	         "The mayor stressed the importance of dredging the harbour as "
	         "a first step to revive the fishing trade and create "
	         "jobs.\n\n",
	         meet,
	         "\nThe mayor will retire next year after a long career in "
	         "the city and the region.\n\n"
	         "Dredging, like the revival of the old mills and a new "
	         "stadium, was discussed at length by the planning "
	         "committee.\n");
	snprintf(r, sizeof r, "%s%s%s", budget, retold, meet);
	compare(&p, o, r);
	assert_int_equal(block_with(&p, 1, "The mayor")->kind, BLK_ADDITION);
	release(&p);
}

/* A reporting-frame word of the rewrite has no related words: "statement"
 * says nothing of an official sentence about member "states". */
static void
frame_word_unrelated(void **state)
{
	(void)state;
	assert_int_equal(kind_of("Member states pledged more aid for the "
	                         "refugees in the camps.\n\n"
	                         "The talks ended at noon.\n",
	                         "The statement from the rebels pledged aid to "
	                         "widows and orphans.\n"),
	                 BLK_ADDITION);
}

/* A rewrite sentence that holds one official sentence (most of its words)
 * and shares more words still with another merges the two: the other is
 * a paraphrase, however small a share of it the rewrite tells; it stays
 * an omission when it shares fewer words than the one held. */
static void
merge_beyond_hold(void **state)
{
	static const char o[] =
	        "Meeting in Nairobi on Friday, the ministers of the five "
	        "states confirmed their resolve to rebuild the eastern dams "
	        "before the rains and thanked the donors for their help.\n\n"
	        "The ministers agreed that the drought has no quick fix.\n";
	/* four words of the first official sentence, or two */
	static const char *const taken[] = {"resolve to rebuild the eastern",
	                                    "wish to rebuild the western"};
	const unsigned want[] = {BLK_PARAPHRASE, BLK_OMISSION};
	char r[512];
	(void)state;

	for (size_t i = 0; i < 2; i++) {
		snprintf(r, sizeof r,
		         "The two envoys from the coastal capitals, speaking "
		         "to reporters late at night, reiterated their %s "
		         "dams, the communique said, and reaffirmed that the "
		         "drought would not be solved by a quick fix.\n",
		         taken[i]);
		assert_int_equal(kind_at(o, r, 0, "Meeting"), want[i]);
		assert_int_equal(kind_at(o, r, 0, "The ministers"),
		                 BLK_PARAPHRASE);
	}
}

/* One subject named two ways keeps the sentence verbatim: the official
 * "we" told as the name of who said it, tense and person shifted with it
 * ("are" as "is"), and a title dropped or added; another pronoun, a crowd
 * or another name in its place does not. */
static void
subject_named(void **state)
{
	/* short enough that one word lost is below the verbatim share */
	static const char o[] = "We are deeply concerned by the closure.\n";
	(void)state;
	assert_int_equal(kind_of(o, "The United States is deeply concerned by "
	                            "the closure.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of(o, "Canada was deeply concerned by the "
	                            "closure.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of(o, "They are deeply concerned by the "
	                            "closure.\n"),
	                 BLK_PARAPHRASE);
	/* the voice named with its office and title: up to eight words */
	assert_int_equal(kind_of(o, "U.S. State Department Deputy Spokesperson "
	                            "Mark Toner was deeply concerned by the "
	                            "closure.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of(o, "Farmers and traders are deeply concerned "
	                            "by the closure.\n"),
	                 BLK_PARAPHRASE);
	/* a title dropped or added is the same person; another name is not */
	static const char t[] = "President Novak opened the new bridge.\n";
	assert_int_equal(kind_of(t, "Novak opened the new bridge.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of("Novak opened the new bridge.\n",
	                         "Mayor Novak opened the new bridge.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of(t, "President Kowalski opened the new "
	                            "bridge.\n"),
	                 BLK_PARAPHRASE);
	/* so are the letters after a member's name */
	assert_int_equal(kind_of("Minister Anna Novak MP opened the new "
	                         "bridge.\n",
	                         "Minister Anna Novak opened the new "
	                         "bridge.\n"),
	                 BLK_VERBATIM);
	/* "he" or "she" opening the sentence for the name, and the other
	 * way round; not inside it, nor for "we" */
	assert_int_equal(kind_of(t, "He opened the new bridge.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of("She opened the new bridge.\n",
	                         "Novak opened the new bridge.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of("The council says that Novak opened the new "
	                         "bridge.\n",
	                         "The council says that he opened the new "
	                         "bridge.\n"),
	                 BLK_PARAPHRASE);
	assert_int_equal(kind_of(o, "He is deeply concerned by the "
	                            "closure.\n"),
	                 BLK_PARAPHRASE);
}

/* An article or "and" put in or left out keeps a sentence verbatim; a
 * content word put in, as few words as it is, does not. */
static void
glue_words_kept(void **state)
{
	static const char o[] = "Staff completed Basic Course, Leaders Course "
	                        "and Ranger School before joining the "
	                        "brigade.\n";
	(void)state;
	assert_int_equal(kind_of(o, "Staff completed the Basic Course, the "
	                            "Leaders Course and the Ranger School "
	                            "before joining the brigade.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of(o, "Staff completed Basic Course, Leaders "
	                            "Course and Ranger School before joining "
	                            "brigade.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of(o, "Staff completed hard Basic Course, tough "
	                            "Leaders Course and Ranger School before "
	                            "joining the brigade.\n"),
	                 BLK_PARAPHRASE);
}

/* A date's year dropped or added leaves the same date, as the labelling
 * rules count a value written another way: still verbatim, as is a month
 * and year with an "of" between.  Another day, or a year that is no
 * date's, is a change. */
static void
date_year_kept(void **state)
{
	static const char o[] = "He will be sentenced on Sept. 17, 2010.\n";
	(void)state;
	assert_int_equal(kind_of(o, "He will be sentenced on Sept. 17.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of("He will be sentenced on 17 September.\n",
	                         "He will be sentenced on 17 September "
	                         "2010.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of(o, "He will be sentenced on Sept. 18.\n"),
	                 BLK_PARAPHRASE);
	/* "May of 2022" is "May 2022" written another way; another year
	 * is not */
	assert_int_equal(kind_of("The plant closed in May 2022.\n",
	                         "The plant closed in May of 2022.\n"),
	                 BLK_VERBATIM);
	assert_int_equal(kind_of("The plant closed in May 2022.\n",
	                         "The plant closed in May of 2021.\n"),
	                 BLK_PARAPHRASE);
	assert_int_equal(kind_of("The council will repair the old bridge over "
	                         "the river in 2010.\n",
	                         "The council will repair the old bridge over "
	                         "the river.\n"),
	                 BLK_PARAPHRASE);
}

/* A rewrite sentence that says much else but holds most of an official
 * sentence another rewrite sentence links to already is a second piece
 * of it (a split), not an addition. */
static void
second_telling_held(void **state)
{
	struct pair p;
	(void)state;

	compare(&p,
	        "The United States remains deeply concerned about the "
	        "whereabouts and wellbeing of Mr. Novak.\n",
	        "The United States remains deeply concerned about Novak, a "
	        "civil society activist abducted two years ago.\n\n"
	        "The embassy is also concerned about the whereabouts and "
	        "wellbeing of Novak, who leads a movement of traders, "
	        "fishermen and farmers in the northern provinces and along the "
	        "coast that has marched on the capital twice this spring.\n");
	assert_int_equal(block_with(&p, 1, "The embassy")->kind,
	                 BLK_PARAPHRASE);
	assert_int_equal(p.c.al.count[BLK_ADDITION], 0);
	release(&p);
}

/* A sentence of prose that restates the official title restates what
 * the title sums up: its source is the body's sentence that tells it,
 * not the header line, which stays furniture. */
static void
header_not_source(void **state)
{
	struct pair p;
	(void)state;

	compare(&p,
	        "Council approves new budget for city schools and roads\n\n"
	        "The city council voted on Tuesday to approve a budget of 40 "
	        "million dollars for repairs to schools. The money will also "
	        "pay for new roads in the northern districts.\n",
	        "The mayor welcomed the news on Wednesday.\n\n"
	        "The council approves a new budget for city schools and "
	        "roads, she said.\n");
	assert_int_equal(block_with(&p, 1, "The council approves")->kind,
	                 BLK_PARAPHRASE);
	assert_int_equal(block_with(&p, 0, "The city council voted")->kind,
	                 BLK_PARAPHRASE);
	assert_furniture(&p, 0, "Council approves", BLK_OMISSION);
	release(&p);
}

/* A rewrite sentence that gives a figure only one official sentence
 * gives comes from it, though they share no other word; a year, a small
 * number or a figure two official sentences give does not tell. */
static void
figure_names_source(void **state)
{
	static const char o[] =
	        "The unemployment rate fell to 8.6 percent in November, and "
	        "payroll employment rose by 120,000. Retail trade kept growing "
	        "in 2011.\n";
	(void)state;
	struct pair p;
	assert_int_equal(kind_of(o, "The figures also show that the economy "
	                            "had a net gain of 120,000 jobs.\n"),
	                 BLK_PARAPHRASE);
	compare_at(&p, o,
	           "The figures also show that the economy had a net gain of "
	           "120,000 jobs.\n",
	           1);
	assert_int_equal(block_with(&p, 1, "The figures")->kind, BLK_ADDITION);
	release(&p);
	assert_int_equal(kind_of(o, "The figures also show that the economy "
	                            "had a net gain of jobs in 2011.\n"),
	                 BLK_ADDITION);
	assert_int_equal(kind_of("Payroll employment rose by 120,000 in "
	                         "November. Economists had expected 120,000 "
	                         "more.\n",
	                         "The figures also show that the economy had "
	                         "a net gain of 120,000 jobs.\n"),
	                 BLK_ADDITION);
}

/* A photo caption, a line closed by a bracketed credit, is an addition
 * even when it names the scene of an official sentence, which goes to
 * the sentence that tells it. */
static void
caption_added(void **state)
{
	static const char o[] = "President Novak opened the new bridge over "
	                        "the river in Porto Velho on Monday.\n";
	/* a title line closed by its credit */
	static const char titled[] =
	        "Novak at the opening of the new bridge over the river in "
	        "Porto Velho on Monday [City Press]\n\n"
	        "President Novak opened the new bridge over the river in "
	        "Porto Velho on Monday.\n";
	/* a sentence, its credit after the full stop (two segments of one
	 * line) */
	static const char sentence[] =
	        "Novak opens the new bridge over the river in Porto Velho on "
	        "Monday. (\xc2\xa9 Ana Lima/City Press)\n\n"
	        "President Novak opened the new bridge over the river in "
	        "Porto Velho on Monday.\n";
	(void)state;

	assert_int_equal(kind_at(o, titled, 1, "Novak at"), BLK_ADDITION);
	assert_int_equal(kind_at(o, titled, 1, "President"), BLK_VERBATIM);
	assert_int_equal(kind_at(o, titled, 0, "President"), BLK_VERBATIM);
	assert_int_equal(kind_at(o, sentence, 1, "Novak opens"), BLK_ADDITION);
	assert_int_equal(kind_at(o, sentence, 1, "President"), BLK_VERBATIM);
	/* a transcript's "(Applause.)" after a sentence is no credit: the
	 * sentence stays one of the text */
	assert_int_equal(kind_at(o,
	                         "President Novak opened the new bridge over "
	                         "the river in Porto Velho on Monday. "
	                         "(Applause.)\n",
	                         1, "President"),
	                 BLK_VERBATIM);
}

/* A question on a line of its own (a section heading, an interviewer's
 * question) asks and claims nothing: an addition, however many of a
 * statement's words it repeats.  A question inside a paragraph is a
 * sentence like any other. */
static void
question_heading_added(void **state)
{
	static const char o[] = "Families on low incomes can apply for the "
	                        "winter fuel grant from Monday.\n\n"
	                        "The councils will pay it by December.\n";
	(void)state;

	assert_int_equal(kind_at(o,
	                         "Can families on low incomes apply for the "
	                         "winter fuel grant from Monday?\n\n"
	                         "The councils will pay it by December.\n",
	                         1, "Can families"),
	                 BLK_ADDITION);
	assert_int_not_equal(kind_at(o,
	                             "The councils will pay it by December.  "
	                             "Can families on low incomes apply for "
	                             "the winter fuel grant from Monday?\n",
	                             1, "Can families"),
	                     BLK_ADDITION);
}

/* A deck: a sentence set as a paragraph of its own at the top of the
 * rewrite that the body then begins a sentence with, word for word (a
 * summary line above the story), is furniture, an addition; the body's
 * sentence is the one that links.  A sentence at the top that no later
 * one begins with links as any other. */
static void
deck_line(void **state)
{
	struct pair p;
	(void)state;

	const char *statement =
	        "The council will close the harbour bridge for repairs on "
	        "Monday, the mayor said in a statement.\n\n"
	        "Traffic will go through the tunnel until the work ends in "
	        "May.\n\n"
	        "Buses will keep their usual routes through the old town.\n";
	compare(&p, statement,
	        "Bridge to close\n\n"
	        "The council will close the harbour bridge on Monday.\n\n"
	        "The council will close the harbour bridge on Monday for "
	        "repairs, the mayor said, sending traffic through a tunnel.\n\n"
	        "Buses will keep their usual routes through the old town.\n");
	assert_furniture(&p, 1, "on Monday.", BLK_ADDITION);
	assert_int_not_equal(block_with(&p, 1, "for repairs, the mayor")->kind,
	                     BLK_ADDITION);
	release(&p);
	/* the same line with no sentence after it beginning with its words:
	 * the lead, linked */
	compare(&p, statement,
	        "Bridge to close\n\n"
	        "The council will close the harbour bridge on Monday.\n\n"
	        "Traffic will go through a tunnel, the mayor said.\n\n"
	        "Buses will keep their usual routes through the old town.\n");
	const struct block *d = block_with(&p, 1, "on Monday.");
	assert_int_not_equal(d->kind, BLK_ADDITION);
	assert_false(d->furniture);
	release(&p);
}

/* The official page's header (its title, dateline and such lines before
 * the first sentence) is no sentence with content: a rewrite headline
 * restating the title, or copying it, is furniture of both, an addition,
 * and no rewrite
 * sentence is a further piece of a header line.  A text of title lines
 * only (a list) has no header, and its lines still link. */
/* A figure only one official sentence gives names the rewrite
 * sentence's source, even where a longer official sentence shares more
 * of its words (rule_best, figure_candidate). */
static void
figure_beats_heavier(void **state)
{
	struct pair p;
	(void)state;

	compare(&p,
	        "The survey asked pupils in middle school and high school "
	        "about cigarettes, cigars, pipes and other products, and "
	        "whether they had ever used them or used them in the past "
	        "month, in every school in every region.\n\n"
	        "The weather was mild and the survey ran for six weeks.\n\n"
	        "Also, 46.0% of high school pupils reported having ever "
	        "tried a product.\n",
	        "Nearly half of high school pupils (46.0%) had ever used a "
	        "product, and some middle school pupils had too.\n\n"
	        "The weather was mild and the survey ran for six weeks.\n");
	const struct block *b = block_with(&p, 1, "Nearly half");
	assert_int_equal(b->kind, BLK_PARAPHRASE);
	assert_int_equal(block_with(&p, 0, "Also, 46.0%")->kind,
	                 BLK_PARAPHRASE);
	assert_int_equal(block_with(&p, 0, "The survey asked")->kind,
	                 BLK_OMISSION);
	release(&p);
}

/* A digest of official title 'title' whose item heading, under "1.", is
 * 'heading': the heading is furniture, an addition; the body's first
 * sentence, copied, is verbatim.  p holds the comparison after. */
static void
heading_under_number(struct pair *p, const char *title, const char *heading)
{
	char left[256], right[256];
	const char *body = "The council will close the harbour bridge for "
	                   "repairs on Monday.";

	snprintf(left, sizeof left,
	         "%s\n\n%s Traffic will go through the tunnel.\n", title, body);
	snprintf(right, sizeof right,
	         "Weekly digest for May 4\n\n1. %s\n\n%s Drivers were "
	         "angry.\n",
	         heading, body);
	compare(p, left, right);
	const struct block *h = block_with(p, 1, heading);
	assert_int_equal(h->kind, BLK_ADDITION);
	assert_true(h->furniture);
	assert_int_equal(block_with(p, 1, "The council will")->kind,
	                 BLK_VERBATIM);
}

/* A digest's numbered item heading ("1." cut off by the sentence rule,
 * then the report's title) restating the official title is furniture of
 * both, as a headline standing alone is. */
static void
numbered_heading(void **state)
{
	struct pair p;
	(void)state;

	heading_under_number(&p, "Bridge Closures in Coastal Towns, 2020",
	                     "Bridge Closures in Coastal Towns, 2020");
	assert_int_equal(block_with(&p, 0, "Bridge Closures")->kind,
	                 BLK_OMISSION);
	release(&p);
	/* the same when the heading restates the title in other words: not
	 * a copy the word diff pairs, but the candidates' best */
	heading_under_number(
	        &p, "U.S-Acquired Bridge Closures in Coastal Towns, 2020",
	        "U.S.-Acquired Bridge Closures in Coastal Towns, 2020");
	release(&p);
	/* a numbered line that ends as a sentence does is no heading: it
	 * is kept as the official sentence it copies */
	compare(&p,
	        "Bridge closures in coastal towns\n\n"
	        "The council will close the harbour bridge for repairs on "
	        "Monday. Traffic will go through the tunnel.\n",
	        "Weekly digest for May 4\n\n"
	        "1. Traffic will go through the tunnel.\n");
	assert_int_equal(block_with(&p, 1, "Traffic will")->kind, BLK_VERBATIM);
	release(&p);
}

/* An official title told over two header lines (a title and its
 * subtitle of places and years), restated by one rewrite heading, is
 * furniture of both: the lines together hold the heading, though the
 * body's first sentence, naming the same places and years, shares more
 * of it than either line alone (rule_best). */
static void
title_over_two_lines(void **state)
{
	struct pair p;
	(void)state;

	compare(&p,
	        "Harbour Bridge Closures Reported by Coastal Councils\n\n"
	        "Northbay, Southpoint and Eastham, 2019-2021\n\n"
	        "Closures were reported in Northbay, Southpoint and Eastham "
	        "during 2019-2021 by the councils. Traffic went through the "
	        "tunnel.\n",
	        "Weekly digest\n\n"
	        "Harbour Bridge Closures Reported by Coastal Councils: "
	        "Northbay, Southpoint and Eastham, 2019-2021\n\n"
	        "Three towns shut a bridge for repairs. Drivers were "
	        "angry.\n");
	assert_furniture(&p, 1, "Harbour Bridge", BLK_ADDITION);
	assert_int_equal(block_with(&p, 0, "Closures were")->kind,
	                 BLK_OMISSION);
	release(&p);
}

/* A minister's signature under a written statement (the name, a
 * member's post-nominal, the office) is furniture: an addition, never
 * linked to the official text's line introducing the same minister's
 * quote, however many words they share. */
static void
signature_unlinked(void **state)
{
	struct pair p;
	(void)state;

	compare(&p,
	        "The council will open the new housing scheme in May.\n\n"
	        "The Minister for Housing and Local Government, Jane Doe, "
	        "said:\n\n"
	        "The scheme will help families in every town.\n",
	        "The new housing scheme opens in May, and it will help "
	        "families in every town.\n\n"
	        "Jane Doe MS, Minister for Housing and Local Government\n");
	assert_furniture(&p, 1, "Jane Doe MS", BLK_ADDITION);
	assert_int_equal(block_with(&p, 0, "The Minister for")->kind,
	                 BLK_OMISSION);
	release(&p);
}

static void
official_header(void **state)
{
	struct pair p;
	(void)state;

	compare(&p,
	        "Council statement on the harbour bridge repairs\n\n"
	        "The council will close the harbour bridge for repairs on "
	        "Monday. Traffic will go through the tunnel.\n",
	        "Harbour bridge repairs: council statement\n\n"
	        "The council will close the harbour bridge for repairs on "
	        "Monday. Traffic will go through the tunnel.\n");
	assert_int_equal(block_with(&p, 1, "Harbour bridge repairs")->kind,
	                 BLK_ADDITION);
	assert_int_equal(block_with(&p, 1, "The council will")->kind,
	                 BLK_VERBATIM);
	release(&p);
	/* a headline copying the title word for word is furniture of both
	 * too: the word diff's anchor does not pair it */
	compare(&p,
	        "Council statement on the harbour bridge repairs\n\n"
	        "The council will close the harbour bridge for repairs on "
	        "Monday. Traffic will go through the tunnel.\n",
	        "Council statement on the harbour bridge repairs\n\n"
	        "The council will close the harbour bridge for repairs on "
	        "Monday. Drivers were angry.\n");
	assert_furniture(&p, 1, "Council statement", BLK_ADDITION);
	assert_furniture(&p, 0, "Council statement", BLK_OMISSION);
	assert_int_equal(block_with(&p, 1, "The council will")->kind,
	                 BLK_VERBATIM);
	release(&p);
	/* a site's standing notice before the title (data/en/furniture.txt:
	 * "Persons using assistive technology ...") is furniture however
	 * long, and does not end the header: the title after it is still a
	 * header line, and a headline copying it furniture of both */
	compare(&p,
	        "Persons using assistive technology might not be able to "
	        "fully access information in this file. For assistance, "
	        "please write to the editors.\n\n"
	        "Harbour Bridge Repairs --- Port Town, 2024\n\n"
	        "The council will close the harbour bridge for repairs on "
	        "Monday. Traffic will go through the tunnel.\n",
	        "Harbour Bridge Repairs - Port Town, 2024\n\n"
	        "The council will close the harbour bridge for repairs on "
	        "Monday. Drivers were angry.\n");
	assert_furniture(&p, 1, "Harbour Bridge", BLK_ADDITION);
	assert_true(block_with(&p, 0, "Persons using")->furniture);
	assert_true(block_with(&p, 0, "Harbour Bridge")->furniture);
	assert_int_equal(block_with(&p, 1, "The council will")->kind,
	                 BLK_VERBATIM);
	release(&p);
	/* on the rewrite side too, a standing notice is furniture however
	 * long (thirteen words here): the notice gov.wales puts on an
	 * earlier administration's pages is page furniture, linked to
	 * nothing */
	compare(&p,
	        "Minister for Education\n"
	        "I am pleased to publish the first report of the pay review "
	        "body today.\n"
	        "The UK government has not yet provided the Welsh Government "
	        "with any forward indications for its budget.\n",
	        "Teachers in Wales will get a pay rise\n"
	        "This was published under the 2016 to 2021 administration of "
	        "the Welsh Government\n"
	        "The minister has published the first report of the pay "
	        "review body.\n");
	assert_furniture(&p, 1, "This was published", BLK_ADDITION);
	assert_int_equal(block_with(&p, 1, "The minister has")->kind,
	                 BLK_PARAPHRASE);
	release(&p);
	/* the same lines with no sentence after them: no header */
	assert_int_equal(kind_at("Council statement on the harbour bridge "
	                         "repairs\nTraffic through the tunnel\n",
	                         "Harbour bridge repairs: council statement\n",
	                         1, "Harbour"),
	                 BLK_PARAPHRASE);
}

/* A rewrite sentence that copies its source and picks up a detail of the
 * official sentence next to it merges the two, though it tells less than
 * keep-min of the neighbour; the copied source stays verbatim.  The same
 * sentence two away is omitted. */
static void
neighbour_merged(void **state)
{
	static const char r[] = "The council approved the new budget for the "
	                        "harbour on Monday, including money for "
	                        "dredging.\n";
	static const char a[] = "The council approved the new budget for the "
	                        "harbour on Monday. ";
	static const char n[] = "It includes money for dredging the channel, "
	                        "repairing the north pier and painting the "
	                        "lighthouse.\n";
	char o[512];
	struct pair p;
	(void)state;

	snprintf(o, sizeof o, "%s%s", a, n);
	compare(&p, o, r);
	assert_int_equal(block_with(&p, 0, "It includes")->kind,
	                 BLK_PARAPHRASE);
	assert_int_equal(block_with(&p, 0, "The council")->kind, BLK_VERBATIM);
	release(&p);
	snprintf(o, sizeof o,
	         "%sParking fees will rise in the town centre "
	         "next year. %s",
	         a, n);
	compare(&p, o, r);
	assert_int_equal(block_with(&p, 0, "It includes")->kind, BLK_OMISSION);
	release(&p);
}

/* Each linking rule of the table in links.c is needed: on a pair made for
 * it, the passage it links is found with every rule, and is not with that
 * one rule left out.  The rules are tried without the learned verdict,
 * which judges what they leave and may make up for one left out; the
 * verdict's own case has every rule.  (A new rule: one function, one table row
 * there, one row here.) */
static void
each_rule_needed(void **state)
{
	static const struct {
		const char *rule, *official, *rewrite, *needle;
		int right;
		unsigned with, without;
	} cases[] = {
	        /* a sentence of stop words only ("It was not so."): no
	         * content word to find it by, the anchors alone pair it */
	        {"anchor", "Smith said no.\n\nThey left. It was not so.\n",
	         "Smith said no.\n\nThey left. It was not so.\n", "It was", 1,
	         BLK_VERBATIM, BLK_ADDITION},
	        {"best",
	         "The old bridge will close, the transport office said after "
	         "a long meeting with engineers, drivers, shop owners and "
	         "residents of the town.\n\nThe council will meet again in "
	         "March.\n",
	         "The council will meet again in March.\n\nThe old bridge "
	         "will close.\n",
	         "The old", 1, BLK_PARAPHRASE, BLK_ADDITION},
	        {"held",
	         "The ferry service to the islands will stop in October.\n\n"
	         "The council will meet again in March.\n",
	         "The council will meet again in March.\n\nIslanders, who "
	         "have relied on it since their grandparents' time and who "
	         "fear for the shops, schools and clinics that depend on "
	         "visitors, learned that the ferry service would stop in the "
	         "autumn.\n",
	         "Islanders", 1, BLK_PARAPHRASE, BLK_ADDITION},
	        {"figure",
	         "The unemployment rate fell to 8.6 percent in November, and "
	         "payroll employment rose by 120,000. Retail trade kept "
	         "growing in 2011.\n",
	         "The figures also show that the economy had a net gain of "
	         "120,000 jobs.\n",
	         "The figures", 1, BLK_PARAPHRASE, BLK_ADDITION},
	        {"merge-held",
	         "Meeting in Nairobi on Friday, the ministers of the five "
	         "states confirmed their resolve to rebuild the eastern dams "
	         "before the rains and thanked the donors for their help.\n\n"
	         "The ministers agreed that the drought has no quick fix.\n",
	         "The two envoys from the coastal capitals, speaking to "
	         "reporters late at night, reiterated their resolve to "
	         "rebuild the eastern dams, the communique said, and "
	         "reaffirmed that the drought would not be solved by a quick "
	         "fix.\n",
	         "Meeting", 0, BLK_PARAPHRASE, BLK_OMISSION},
	        {"term",
	         "The council approved the new budget for the schools on "
	         "Monday.\n\nThe mayor stressed the importance of dredging the "
	         "harbour as a first step to revive the fishing trade and "
	         "create jobs.\n\nThe council will meet again in March.\n",
	         "The council approved the new budget for the schools on "
	         "Monday.\n\nThe mayor also threw her weight behind dredging, "
	         "a way to build momentum for a complete revival of the port "
	         "and its boats.\n\nThe council will meet again in March.\n",
	         "The mayor", 1, BLK_PARAPHRASE, BLK_ADDITION},
	        {"merge-halves",
	         "The bridge will close on Monday for repairs.\n\nThe council "
	         "will meet again in March.\n\nTraffic will use the old ferry "
	         "road until the work ends.\n",
	         "The bridge will close on Monday for repairs, and traffic "
	         "will use the old ferry road until the work ends.\n\nThe "
	         "council will meet again in March.\n",
	         "The bridge", 0, BLK_VERBATIM, BLK_OMISSION},
	        /* a closing sentence echoing the lead, out of order, whose
	         * source another sentence tells already: the best rule links
	         * it (a split), the verdict judges it an addition */
	        {"verdict",
	         "The people of the valley won their independence sixty years "
	         "ago and chose their own leaders in free elections.\n\nThe "
	         "council will meet again in March.\n\nThe bridge will close "
	         "on Monday for repairs.\n",
	         "The people of the valley won their independence sixty years "
	         "ago and chose their leaders freely.\n\nThe council will "
	         "meet again in March.\n\nThe bridge will close on Monday for "
	         "repairs.\n\nToday the people of the valley should again "
	         "choose their own leaders.\n",
	         "Today", 1, BLK_ADDITION, BLK_PARAPHRASE},
	        /* a list printed one item a line, three of its items run
	         * into one rewrite sentence word for word */
	        {"list-run",
	         "The ministry named the winners of this year's export "
	         "prize at a dinner in the capital on Friday.\n\nThe "
	         "winners are:\nAcme Mills in Ohio\nBaker Farms in "
	         "Iowa\nCrane Tools in Texas\nDover Glass in Maine\n\nThe "
	         "prize has been given since 1999.\n",
	         "The ministry named the winners of this year's export "
	         "prize at a dinner in the capital on Friday.\n\nThe prize "
	         "went to Acme Mills in Ohio, Baker Farms in Iowa and Crane "
	         "Tools in Texas.\n\nThe prize has been given since 1999.\n",
	         "Baker Farms", 0, BLK_PARAPHRASE, BLK_OMISSION},
	};
	unsigned n = 0;
	(void)state;

	while (align_rule_name(n))
		n++;
	assert_int_equal(n, sizeof cases / sizeof *cases);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		unsigned k = 0;
		struct pair p;
		while (align_rule_name(k) &&
		       strcmp(align_rule_name(k), cases[i].rule) != 0)
			k++;
		assert_non_null(align_rule_name(k));
		assert_int_equal(k, i); /* the table's order */
		for (int off = 0; off < 2; off++) {
			/* the rules before the verdict, without it: it may
			 * make up for one left out */
			unsigned base = strcmp(cases[i].rule, "verdict")
			                        ? verdict_off()
			                        : 0;
			compare_rules(&p, cases[i].official, cases[i].rewrite,
			              0, base | (off ? 1u << k : 0));
			unsigned got =
			        block_with(&p, cases[i].right, cases[i].needle)
			                ->kind;
			if (got != (off ? cases[i].without : cases[i].with))
				print_error("rule %s %s: kind %u\n",
				            cases[i].rule,
				            off ? "left out" : "in", got);
			assert_int_equal(got, off ? cases[i].without
			                          : cases[i].with);
			release(&p);
		}
	}
}

/* Page furniture: the official page's header lines left unheld (its
 * title, a release line) and the rewrite's byline, timestamp and restated
 * headline are omissions and additions flagged as furniture; an omitted or
 * added sentence of content is not, and neither is a kept one. */
static void
page_furniture(void **state)
{
	static const char off[] =
	        "Harbour to reopen after pier repairs\n"
	        "For Immediate Release\n"
	        "The harbour will reopen on Monday after repairs to the north "
	        "pier by the city's engineers. Ships from the islands will "
	        "dock at the new ferry terminal beside the old customs "
	        "house.\n";
	static const char rew[] =
	        "Harbour reopens after repairs to pier\n"
	        "By Jane Smith\n"
	        "Wednesday, 13 August 2014 12:50 GMT\n"
	        "The harbour will reopen on Monday after repairs to the north "
	        "pier by the city's engineers. Fishermen welcomed the news "
	        "after weeks of waiting for their boats to go out again.\n";
	struct pair p;
	(void)state;

	static const struct {
		int right;
		const char *needle;
		unsigned kind;
		int furniture;
	} want[] = {
	        {0, "Harbour to reopen", BLK_OMISSION, 1},
	        {0, "For Immediate", BLK_OMISSION, 1},
	        /* restates the title: furniture of both */
	        {1, "Harbour reopens", BLK_ADDITION, 1},
	        {1, "By Jane", BLK_ADDITION, 1},
	        {1, "Wednesday", BLK_ADDITION, 1}, /* a timestamp */
	        {0, "Ships from", BLK_OMISSION, 0},
	        {1, "Fishermen", BLK_ADDITION, 0},
	        {1, "The harbour", BLK_VERBATIM, 0},
	};

	compare(&p, off, rew);
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const struct block *b =
		        block_with(&p, want[i].right, want[i].needle);
		if (b->kind != want[i].kind ||
		    b->furniture != want[i].furniture)
			print_error("\"%s\": kind %u, furniture %u\n",
			            want[i].needle, b->kind, b->furniture);
		assert_int_equal(b->kind, want[i].kind);
		assert_int_equal(b->furniture, want[i].furniture);
	}
	/* the passages say the same */
	for (size_t i = 0; i < p.c.ps.n; i++) {
		const struct passage *ps = &p.c.ps.v[i];
		const struct block *one = &p.c.al.blocks[p.c.ps.mem[ps->m0]];
		assert_int_equal(ps->furniture,
		                 psg_m1(ps) - ps->m0 == 1 && one->furniture);
	}
	release(&p);
}

/* An official text that says a thing twice (a summary's point restated
 * in the body), told once by the rewrite: the restatement is kept, half
 * of a merge into the sentence telling its twin, though it adds nothing
 * to it (merge-halves); a sentence sharing only a few words with that
 * rewrite sentence is still omitted. */
static void
restatement_kept(void **state)
{
	static const char off[] =
	        "The council approved the new budget for schools on "
	        "Monday.\n\nThe mayor said the plan would help families.\n\n"
	        "In short, the council approved the new budget for "
	        "schools.\n\nThe council also discussed the harbour.\n";
	static const char rew[] = "On Monday the council approved the new "
	                          "budget for schools.\n\nResidents were "
	                          "pleased.\n";
	struct pair p;
	(void)state;

	compare(&p, off, rew);
	assert_int_equal(block_with(&p, 0, "In short")->kind, BLK_PARAPHRASE);
	assert_int_equal(block_with(&p, 0, "The council approved")->kind,
	                 BLK_PARAPHRASE);
	assert_int_equal(block_with(&p, 0, "The council also")->kind,
	                 BLK_OMISSION);
	assert_int_equal(block_with(&p, 0, "The mayor")->kind, BLK_OMISSION);
	release(&p);
}

/* A line of page furniture that both texts print word for word (a
 * factsheet's section heading that asks, a byline) is furniture of the
 * rewrite, never a verbatim copy: the anchors do not link it either,
 * unless the rewrite is the official text whole. */
static void
furniture_copy_unlinked(void **state)
{
	static const char off[] =
	        "Floods hit the northern valleys\n"
	        "What are the needs?\n"
	        "Some 40,000 people have left their homes since the rivers "
	        "rose in April.\n";
	static const char rew[] =
	        "Floods in the north\n"
	        "What are the needs?\n"
	        "Some 40,000 people have left their homes since the rivers "
	        "rose in April.\n"
	        "Aid agencies are sending tents and water.\n";
	struct pair p;
	(void)state;

	compare(&p, off, rew);
	const struct block *b = block_with(&p, 1, "What are");
	assert_int_equal(b->kind, BLK_ADDITION);
	assert_int_equal(b->furniture, 1);
	assert_int_equal(block_with(&p, 1, "Some 40,000")->kind, BLK_VERBATIM);
	release(&p);
	/* but a text compared with itself is a copy throughout, its title
	 * and headings too */
	compare(&p, rew, rew);
	for (size_t i = 0; i < p.c.al.nblocks; i++)
		assert_int_equal(p.c.al.blocks[i].kind, BLK_VERBATIM);
	assert_int_equal(p.c.al.nblocks, 4);
	release(&p);
}

/* A percentage is a figure that names its source, as other amounts are:
 * a rewrite sentence that shares little but "seventy percent" with the
 * one official sentence holding 70% is its paraphrase. */
static void
percent_names_source(void **state)
{
	struct pair p;
	(void)state;

	compare(&p,
	        "The council will meet again in March.\n\nThe plan aims to "
	        "raise the share of homes with fast internet to 70% within "
	        "the decade.\n",
	        "Officials want seventy percent of households connected "
	        "soon.\n");
	assert_int_equal(block_with(&p, 1, "Officials")->kind, BLK_PARAPHRASE);
	assert_int_equal(block_with(&p, 0, "The council")->kind, BLK_OMISSION);
	release(&p);
}

/* Leaving the anchor rule out leaves the word diff's pairs to the other
 * rules, as before anchors were: a sentence both texts keep whole still
 * gets its candidates and links as a verbatim copy (rules.sh measures
 * the anchor rule this way). */
static void
anchor_left_out(void **state)
{
	static const char text[] =
	        "The old bridge over the river will close on Monday for "
	        "repairs by the town's engineers.\n\nThe council will meet "
	        "again in March to hear the residents.\n";
	unsigned k = 0;
	struct pair p;
	(void)state;

	while (align_rule_name(k) && strcmp(align_rule_name(k), "anchor") != 0)
		k++;
	assert_non_null(align_rule_name(k));
	compare_rules(&p, text, text, 0, 1u << k);
	assert_int_equal(p.c.al.count[BLK_ADDITION], 0);
	assert_int_equal(p.c.al.count[BLK_OMISSION], 0);
	assert_int_equal(block_with(&p, 1, "The old")->kind, BLK_VERBATIM);
	assert_int_equal(block_with(&p, 1, "The council")->kind, BLK_VERBATIM);
	release(&p);
}

/* A sentence the official text repeats (boilerplate) pairs with the copy
 * in its own stretch of the text, between the sentences both texts keep,
 * not with the copy that lies where it would in proportion: with a fifth
 * of the paragraphs dropped near the start, nothing moves, only the
 * dropped sentences are omitted, and each rewrite copy sits beside the
 * official copy of its own paragraph. */
static void
repeated_sentences(void **state)
{
	enum { PARAS = 200, DROP0 = 10, DROP1 = 50 };
	static char off[PARAS * 80], rew[PARAS * 80];
	size_t no = 0, nr = 0;
	struct pair p;
	(void)state;

	for (int k = 0; k < PARAS; k++) {
		char para[80];
		int n = snprintf(
		        para, sizeof para,
		        "Fees are paid each month. Lot %d was sold.\n\n", k);
		memcpy(off + no, para, (size_t)n);
		no += (size_t)n;
		if (k >= DROP0 && k < DROP1)
			continue;
		memcpy(rew + nr, para, (size_t)n);
		nr += (size_t)n;
	}
	off[no] = rew[nr] = '\0';
	compare(&p, off, rew);
	assert_int_equal(p.c.al.nmoved, 0);
	assert_int_equal(p.c.al.count[BLK_ADDITION], 0);
	size_t omitted = 0;
	for (size_t i = 0; i < p.c.al.nblocks; i++) {
		const struct block *b = &p.c.al.blocks[i];
		size_t l0, l1, r0, r1;
		if (b->kind == BLK_OMISSION) {
			omitted += b->ls1 - b->ls0;
			continue;
		}
		assert_int_equal(b->kind, BLK_VERBATIM);
		seg_bytes(&p.c.ls, &p.c.lt, b->ls0, b->ls1, &l0, &l1);
		seg_bytes(&p.c.rs, &p.c.rt, b->rs0, b->rs1, &r0, &r1);
		/* the same lot: the copy in its own paragraph */
		const char *lo = strstr(off + l0, "Lot "),
		           *ro = strstr(rew + r0, "Lot ");
		assert_non_null(lo);
		assert_non_null(ro);
		assert_int_equal(atoi(lo + 4), atoi(ro + 4));
	}
	assert_int_equal(omitted, 2 * (DROP1 - DROP0));
	release(&p);
}

/* Every omission and addition names the sentence of the other side
 * most like it: an omitted copy of a sentence the rewrite keeps (paired
 * by the anchors with the other copy) names that sentence, alike in
 * every word; an added sentence names the official one it shares most
 * with, though too little to link to it. */
static void
nearest_counterparts(void **state)
{
	struct pair p;
	(void)state;

	compare(&p,
	        "The council met on Monday to discuss the budget. The mayor "
	        "thanked the staff for their work. The council met on Monday "
	        "to discuss the budget. Roads will be repaired next spring.\n",
	        "The council met on Monday to discuss the budget. The mayor "
	        "thanked the staff for their work. Roads will be repaired "
	        "next spring. Flowers bloom in the park near the old library "
	        "each spring.\n");
	int omission = 0, addition = 0;
	for (size_t i = 0; i < p.c.al.nblocks; i++) {
		const struct block *b = &p.c.al.blocks[i];
		if (b->kind == BLK_OMISSION) {
			assert_int_equal(b->ls0, 2);
			assert_int_equal(b->near, 0);
			assert_true(b->near_sim > 0.999);
			omission++;
		} else if (b->kind == BLK_ADDITION) {
			assert_int_equal(b->rs0, 3);
			assert_int_equal(b->near, 3); /* "... next spring." */
			assert_true(b->near_sim > 0 && b->near_sim < 1);
			addition++;
		}
	}
	assert_int_equal(omission, 1);
	assert_int_equal(addition, 1);
	release(&p);
}

/* A negation added or dropped reverses the claim: never verbatim, though
 * every other word is kept; the same negation on both sides changes
 * nothing. */
static void
negation_not_verbatim(void **state)
{
	static const char o[] =
	        "The ministers agreed that there is no quick fix for the "
	        "drought in the eastern provinces.\n";
	(void)state;
	assert_int_equal(kind_of(o, "The ministers agreed that there is a "
	                            "quick fix for the drought in the "
	                            "eastern provinces.\n"),
	                 BLK_PARAPHRASE);
	assert_int_equal(kind_of("The council will not close the old bridge "
	                         "over the river on Monday.\n",
	                         "The council will close the old bridge "
	                         "over the river on Monday.\n"),
	                 BLK_PARAPHRASE);
	assert_int_equal(kind_of(o, "The ministers agreed that there is no "
	                            "quick fix for the drought in the "
	                            "eastern provinces.\n"),
	                 BLK_VERBATIM);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(segmentation),
	        cmocka_unit_test(hard_wrapped_text),
	        cmocka_unit_test(kinds_of_passages),
	        cmocka_unit_test(split_sentence),
	        cmocka_unit_test(split_judged_by_pieces),
	        cmocka_unit_test(held_inside_a_longer_sentence),
	        cmocka_unit_test(merged_sentences),
	        cmocka_unit_test(reworded_one_moves),
	        cmocka_unit_test(headline_not_moved),
	        cmocka_unit_test(deck_line),
	        cmocka_unit_test(new_facts),
	        cmocka_unit_test(changed_facts),
	        cmocka_unit_test(changed_facts_of_a_kind),
	        cmocka_unit_test(frames_aside),
	        cmocka_unit_test(official_frames_aside),
	        cmocka_unit_test(frame_outweighs_kept),
	        cmocka_unit_test(trailing_clause_counted),
	        cmocka_unit_test(currency_one_side),
	        cmocka_unit_test(values_and_aliases),
	        cmocka_unit_test(related_words),
	        cmocka_unit_test(subject_named),
	        cmocka_unit_test(caption_added),
	        cmocka_unit_test(question_heading_added),
	        cmocka_unit_test(figure_beats_heavier),
	        cmocka_unit_test(numbered_heading),
	        cmocka_unit_test(title_over_two_lines),
	        cmocka_unit_test(signature_unlinked),
	        cmocka_unit_test(official_header),
	        cmocka_unit_test(header_not_source),
	        cmocka_unit_test(neighbour_merged),
	        cmocka_unit_test(second_telling_held),
	        cmocka_unit_test(figure_names_source),
	        cmocka_unit_test(frame_word_unrelated),
	        cmocka_unit_test(merge_beyond_hold),
	        cmocka_unit_test(rare_word_names_source),
	        cmocka_unit_test(each_rule_needed),
	        cmocka_unit_test(repeated_sentences),
	        cmocka_unit_test(anchor_left_out),
	        cmocka_unit_test(page_furniture),
	        cmocka_unit_test(restatement_kept),
	        cmocka_unit_test(furniture_copy_unlinked),
	        cmocka_unit_test(percent_names_source),
	        cmocka_unit_test(nearest_counterparts),
	        cmocka_unit_test(negation_not_verbatim),
	        cmocka_unit_test(glue_words_kept),
	        cmocka_unit_test(date_year_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
