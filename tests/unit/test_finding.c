/* test_finding.c - the findings (finding.h) on small pairs written for
 * these tests: each type found where a reader would want it, and not where
 * a rewording keeps the substance. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redline/compare.h"

/* The findings of official against rewrite, each "TYPE was > now", joined
 * by "; " in the order the model holds them ("" when none). */
static const char *
findings(const char *official, const char *rewrite)
{
	static char out[1024];
	struct text a, b;
	struct text_where where;
	struct cmp c;
	struct cmp_opt o = {0};
	size_t n = 0;

	assert_int_equal(text_from_memory(&a, "a", official, strlen(official),
	                                  0, &where),
	                 TEXT_OK);
	assert_int_equal(
	        text_from_memory(&b, "b", rewrite, strlen(rewrite), 0, &where),
	        TEXT_OK);
	assert_int_equal(cmp_run(&c, &a, &b, &o), 0);
	out[0] = '\0';
	for (size_t i = 0; i < c.fd.n; i++) {
		const struct finding *f = &c.fd.v[i];
		size_t l0 = 0, l1 = 0, r0 = 0, r1 = 0;
		if (f->l0 < f->l1) {
			l0 = c.lt.v[f->l0].off;
			l1 = tok_end(&c.lt, f->l1 - 1);
		}
		if (f->r0 < f->r1) {
			r0 = c.rt.v[f->r0].off;
			r1 = tok_end(&c.rt, f->r1 - 1);
		}
		n += (size_t)snprintf(
		        out + n, sizeof out - n, "%s%s %.*s > %.*s",
		        i ? "; " : "", find_type_name(f->type), (int)(l1 - l0),
		        official + l0, (int)(r1 - r0), rewrite + r0);
	}
	/* the counts agree with the list */
	size_t total = 0;
	for (unsigned t = 0; t < FIND_NTYPES; t++)
		total += c.fd.count[t];
	assert_int_equal(total, c.fd.n);
	cmp_free(&c);
	text_done(&a);
	text_done(&b);
	return out;
}

static const char o_base[] =
        "The council said there is no plan to close the school. It will "
        "fund 12 new classrooms in Hamburg by May 2027. Officials may "
        "review the budget in June.\n";

/* A negation reversed either way, by a negator, a negative verb or a
 * negative prefix; "don't" for "do not" is none, nor is "no" told as
 * "not" in another clause. */
static void
negation(void **state)
{
	(void)state;
	assert_string_equal(
	        findings("There is no military solution to the conflict.\n",
	                 "There is a military solution to the conflict.\n"),
	        "negation no > a");
	assert_string_equal(findings("The talks failed to reach a deal.\n",
	                             "The talks managed to reach a deal.\n"),
	                    "negation failed > managed");
	assert_string_equal(
	        findings("The first round was successful for the team.\n",
	                 "The first round was unsuccessful for the team.\n"),
	        "negation successful > unsuccessful");
	assert_string_equal(findings("We do not accept the offer today.\n",
	                             "We don't accept the offer today.\n"),
	                    "");
	assert_string_equal(
	        findings("There is no military solution to the conflict.\n",
	                 "The conflict could not be solved by force.\n"),
	        "");
}

/* A quote that is not the official text word for word; a faithful one,
 * or one cut at an ellipsis, is none. */
static void
quote(void **state)
{
	static const char o[] = "We will rebuild the bridge and open it to "
	                        "traffic before the winter comes.\n";
	(void)state;
	assert_string_equal(
	        findings(o, "\"We will rebuild the bridge and open it to "
	                    "traffic before the winter comes,\" she said.\n"),
	        "");
	assert_string_equal(findings(o, "\"We will rebuild the bridge ... "
	                                "before the winter comes,\" she "
	                                "said.\n"),
	                    "");
	assert_string_equal(
	        findings(o, "\"We will rebuild the old bridge and open it to "
	                    "traffic before the winter comes,\" she said.\n"),
	        "quote We will rebuild the bridge and open it to traffic "
	        "before "
	        "the winter comes > We will rebuild the old bridge and open it "
	        "to traffic before the winter comes,");
	/* a straight quote closed against its word after a quote begun in
	 * the sentence before, then opened again: the frame between is no
	 * quote */
	assert_string_equal(
	        findings("We will rebuild the bridge. It will open to traffic "
	                 "before the winter comes.\n",
	                 "The mayor said \"we will rebuild the bridge. It will "
	                 "open\", she said, \"to traffic before the winter "
	                 "comes.\"\n"),
	        "");
	/* a number written another way inside the quote alters nothing; a
	 * different number does */
	static const char d[] = "The troops must withdraw to the positions "
	                        "they held on August 6.\n";
	assert_string_equal(findings(d, "\"The troops must withdraw to the "
	                                "positions they held on August 6th,\" "
	                                "he said.\n"),
	                    "");
	assert_string_not_equal(findings(d, "\"The troops must withdraw to "
	                                    "the positions they held on August "
	                                    "16th,\" he said.\n"),
	                        "");
	/* a quote of which the word diff keeps no official word (a full
	 * stop is none) stands alone */
	assert_string_equal(
	        findings("The council approved the new budget for the schools "
	                 "on Monday.\n",
	                 "The council approved the new budget for the schools "
	                 "on Monday, saying \"everything went far better than "
	                 "anyone had expected.\"\n"),
	        "quote  > everything went far better than anyone had "
	        "expected.");
}

/* A sentence credited to the source with nothing behind it; a reaction of
 * another speaker is none. */
static void
attribution(void **state)
{
	static const char o[] = "The ministry will open two new clinics in "
	                        "the north this year.\n";
	(void)state;
	assert_string_equal(
	        findings(o, "The ministry will open two new clinics in the "
	                    "north this year. The statement said doctors "
	                    "would be paid double for night shifts.\n"),
	        "attribution  > The statement said doctors would be paid "
	        "double for night shifts.");
	assert_string_equal(
	        findings(o, "The ministry will open two new clinics in the "
	                    "north this year. The opposition said doctors "
	                    "would be paid double for night shifts.\n"),
	        "");
	/* a saying denied credits nothing; the source named after another
	 * speaker's verb is what is said, not who says it */
	assert_string_equal(
	        findings(o, "The ministry will open two new clinics in the "
	                    "north this year. The statement did not say when "
	                    "the doctors would be hired.\n"),
	        "");
	assert_string_equal(
	        findings(o, "The ministry will open two new clinics in the "
	                    "north this year. Observers say the ministry will "
	                    "pay doctors double for night shifts.\n"),
	        "");
	assert_string_equal(
	        findings(o, "The ministry will open two new clinics in the "
	                    "north this year. Doctors would be paid double for "
	                    "night shifts, said the ministry.\n"),
	        "attribution  > Doctors would be paid double for night shifts, "
	        "said the ministry.");
	/* a claim appended to a kept sentence and credited to the
	 * statement; a frame alone, or its speaker, credits nothing new */
	assert_string_equal(
	        findings(o, "The ministry will open two new clinics in the "
	                    "north this year, the statement said, adding that "
	                    "nurses would get higher salaries.\n"),
	        "attribution  > the statement said, adding that nurses would "
	        "get higher salaries");
	assert_string_equal(findings(o, "The ministry will open two new "
	                                "clinics in the north this year, the "
	                                "statement said.\n"),
	                    "");
	assert_string_equal(
	        findings(o, "The ministry will open two new clinics in the "
	                    "north this year, said spokesperson Maria "
	                    "Kowalska.\n"),
	        "new  > Maria Kowalska");
	/* a middle initial with its period is inside the name */
	assert_string_equal(
	        findings("The ministry will open two new clinics in the "
	                 "north this year.\n",
	                 "The ministry will open two new clinics in the "
	                 "north this year, said Director Michael J. Krol.\n"),
	        "new  > Director Michael J. Krol");
	/* ... and the last word of a new name, later, is that name again */
	assert_string_equal(
	        findings("The ministry will open two new clinics in the "
	                 "north this year. The clinics will treat children.\n",
	                 "The ministry will open two new clinics in the "
	                 "north this year, said Director Michael J. Krol. "
	                 "The clinics will treat children, Krol added.\n"),
	        "new  > Director Michael J. Krol");
	/* a name that opens its sentence is shown from its first word,
	 * and its last word later is that name again; a word that opens
	 * sentences but never names ("Despite") is no part of it */
	assert_string_equal(
	        findings("The ministry will open two new clinics in the "
	                 "north this year.\n",
	                 "The ministry will open two new clinics in the "
	                 "north this year. Alan Greenspan welcomed the plan, "
	                 "and Greenspan added that doctors were needed.\n"),
	        "new  > Alan Greenspan");
	assert_string_equal(
	        findings("The ministry will open two new clinics in the "
	                 "north this year.\n",
	                 "The ministry will open two new clinics in the "
	                 "north this year. Despite Greenspan, the plan "
	                 "stands.\n"),
	        "new  > Greenspan");
	/* a first name in "-ly" opens the name; an adverb in "-ly" does
	 * not */
	assert_string_equal(
	        findings("The ministry will open two new clinics in the "
	                 "north this year.\n",
	                 "The ministry will open two new clinics in the "
	                 "north this year. Sally Yates welcomed the plan.\n"),
	        "new  > Sally Yates");
	assert_string_equal(
	        findings("The ministry will open two new clinics in the "
	                 "north this year.\n",
	                 "The ministry will open two new clinics in the "
	                 "north this year. Recently Yates welcomed the "
	                 "plan.\n"),
	        "new  > Yates");
	/* the "one" of "one another" is no number */
	assert_string_equal(
	        findings("The ministry will open two new clinics in the "
	                 "north this year.\n",
	                 "The ministry will open two new clinics in the "
	                 "north this year. The doctors will help one another "
	                 "there.\n"),
	        "");
}

/* A value replaced by another of its kind in the same slot; the same
 * value written another way is none, and a value that moved within the
 * passage replaces nothing. */
static void
value(void **state)
{
	(void)state;
	/* two long sentences linked though they keep no word (a headline
	 * whose shared words the diff absorbs) hold no slot: a percentage
	 * is not a sum's replacement */
	assert_string_equal(
	        findings("In the hardest hit districts of the south one family "
	                 "in three has lost its home, and 10 percent of the "
	                 "teachers will leave the schools within 5 years.\n"
	                 "The council approved the new school budget on "
	                 "Monday evening.\n",
	                 "Schools Get $500 Million as Teachers Quit Hit "
	                 "Districts - 2027-06-19\n\n"
	                 "The council approved the new school budget on "
	                 "Monday evening.\n"),
	        "");
	/* ... but two that keep no word and share values are one sentence
	 * told again: the value left over on each side changed */
	assert_string_equal(
	        findings("This comes almost 39 years after the 200 million "
	                 "mark was reached on Nov. 20, 1967.\n"
	                 "The council approved the new school budget on "
	                 "Monday evening.\n",
	                 "It reached two hundred million just over fifty "
	                 "years later, in nineteen sixty-seven.\n"
	                 "The council approved the new school budget on "
	                 "Monday evening.\n"),
	        "value 39 > fifty");
	assert_string_equal(
	        findings("It will fund 12 new classrooms by May 2027.\n",
	                 "It will fund 15 new classrooms by May 2027.\n"),
	        "value 12 > 15");
	assert_string_equal(
	        findings("It will save thousands of lives, the report said.\n",
	                 "It will save hundreds of lives, the report said.\n"),
	        "value thousands > hundreds");
	assert_string_equal(
	        findings("The vote is on 27 August in the capital city.\n",
	                 "The vote is on 28 August in the capital city.\n"),
	        "value 27 August > 28 August");
	/* a month before a year, changed (and a year by itself is none of
	 * its: the official "May 2027" has 2027) */
	assert_string_equal(
	        findings("It will fund 12 new classrooms by May 2027.\n",
	                 "It will fund 12 new classrooms by June 2027.\n"),
	        "value May > June");
	assert_string_equal(
	        findings("It will fund 12 new classrooms by May 2027.\n",
	                 "It will fund 12 new classrooms by 2027, the year "
	                 "the plan ends.\n"),
	        "");
	assert_string_equal(
	        findings("It will fund twelve new classrooms by 2027.\n",
	                 "It will fund 12 new classrooms by 2027.\n"),
	        "");
	assert_string_equal(
	        findings("Prices rose 13 percent in the year to May.\n",
	                 "Prices rose 13% in the year to May.\n"),
	        "");
	/* a temperature's scale written out is no name */
	assert_string_equal(
	        findings("The average was 55.3\xc2\xb0"
	                 "F for the year.\n",
	                 "The average was 55.3\xc2\xb0 Fahrenheit for the "
	                 "year.\n"),
	        "");
	/* a fraction and its percentage; a fifth is no quarter */
	assert_string_equal(
	        findings("The cut affects one-fifth of the exports.\n",
	                 "The cut affects 20 percent of the exports.\n"),
	        "");
	assert_string_equal(
	        findings("The cut affects one-fifth of the exports.\n",
	                 "The cut affects one-quarter of the exports.\n"),
	        "value one-fifth > one-quarter");
}

/* A name replaced by another in the same slot; one spelled another way,
 * or its acronym, is none, nor one the rewrite keeps elsewhere, nor a
 * country told as a body. */
static void
name(void **state)
{
	(void)state;
	assert_string_equal(
	        findings("The deal was signed in Amman, Jordan, last week by "
	                 "both sides.\n",
	                 "The deal was signed in Cairo, Egypt, last week by "
	                 "both sides.\n"),
	        "name Amman, Jordan > Cairo, Egypt");
	/* a title-case headline capitalises every word: no names */
	assert_string_equal(
	        findings(
	                "Even as we draw down our personnel, the United States "
	                "remains committed to ending the violence in South "
	                "Sudan.\n",
	                "US Withdraws More Embassy Personnel from South "
	                "Sudan\n"),
	        "");
	assert_string_equal(
	        findings("They met the Secretary-General of the union in the "
	                 "morning.\n",
	                 "They met the Secretary General of the union in the "
	                 "morning.\n"),
	        "");
	/* a part of an official word: no new fact; a name it lacks is one,
	 * and an official word's capitalised copy reads as the same parts */
	assert_string_equal(
	        findings("The people camped before Pi-hahiroth, between "
	                 "Migdol and the sea, and rested there.\n",
	                 "The people camped between Migdol and the sea, and "
	                 "rested there. Later they left Hahiroth and marched "
	                 "on toward Etham.\n"),
	        "new  > Etham");
	assert_string_equal(
	        findings("And the people camped before Pi-hahiroth, and they "
	                 "rested there. and the people left Pi-hahiroth.\n",
	                 "And the people camped there and rested. Later they "
	                 "left Hahiroth and marched on toward Etham.\n"),
	        "new  > Etham");
	assert_string_equal(findings("They vowed to defeat the Islamic State "
	                             "in the region this year.\n",
	                             "They vowed to defeat ISIS in the region "
	                             "this year.\n"),
	                    "");
	assert_string_equal(
	        findings("The minister met Mr. Lopez in the capital today.\n",
	                 "The minister met Mr. L\303\263pez in the capital "
	                 "today.\n"),
	        "");
	/* who speaks replaces who speaks, not a name the claim holds */
	assert_string_equal(
	        findings("Minister Novak said the bridge will open in May.\n",
	                 "Minister Kowalski said the bridge will open in "
	                 "May.\n"),
	        "name Novak > Kowalski");
	assert_string_equal(
	        findings("The rules were written under the Paris Agreements "
	                 "in 1991.\n",
	                 "The rules were written, the State Department said, "
	                 "in 1991.\n"),
	        "new  > State Department");
	/* after a dateline, an article or preposition opens the sentence:
	 * no name; a name there still is one */
	assert_string_equal(
	        findings("BOSTON \342\200\223 A man was sentenced today for "
	                 "fraud in federal court.\n",
	                 "BOSTON \342\200\223 On Monday, a man was sentenced "
	                 "today for fraud in federal court.\n"),
	        "");
	assert_string_equal(
	        findings("BOSTON \342\200\223 A man was sentenced today for "
	                 "fraud in federal court.\n",
	                 "BOSTON \342\200\223 Border Patrol agents said a "
	                 "man was sentenced today for fraud in federal "
	                 "court.\n"),
	        "new  > Border Patrol");
	/* a word abbreviated with its period is the same name; another
	 * place's abbreviation is not */
	assert_string_equal(
	        findings("He died at a hospital in Ft. Lauderdale, Florida, "
	                 "this evening.\n",
	                 "He died at a hospital in Fort Lauderdale, Florida, "
	                 "this evening.\n"),
	        "");
	assert_string_equal(
	        findings("The shops stand in Ocean City, Maryland, near the "
	                 "boardwalk.\n",
	                 "The shops stand in Ocean City, Md., near the "
	                 "boardwalk.\n"),
	        "");
	assert_string_equal(
	        findings("The shops stand in Ocean City, Maryland, near the "
	                 "boardwalk.\n",
	                 "The shops stand in Ocean City, Va., near the "
	                 "boardwalk.\n"),
	        "name Maryland > Va");
	/* a name the rewrite keeps as its acronym is not what the other
	 * name replaced */
	assert_string_equal(
	        findings("He was arrested at the request of the United States "
	                 "and was sent to the United States in May.\n",
	                 "Agents acting on a U.S. warrant arrested him at the "
	                 "Welsh port and sent him to the United States in "
	                 "May.\n"),
	        "new  > Welsh");
	/* a title before a name does not hide its acronym */
	assert_string_equal(
	        findings("\"The camp still haunts them,\" said Acting United "
	                 "States Attorney Joshua Levy.\n",
	                 "\"The camp still haunts them,\" said acting U.S. "
	                 "Attorney Joshua Levy.\n"),
	        "");
	/* a country is not what replaced a body: the body is new */
	assert_string_equal(
	        findings("The United States urges all leaders to act "
	                 "responsibly and renounce violence.\n",
	                 "As the Supreme Court reviews the returns, all "
	                 "leaders must act responsibly and renounce "
	                 "violence.\n"),
	        "new  > Supreme Court");
}

/* A hedge dropped, added or changed; two hedges of one class stand for
 * each other, and reported speech's "would" for "will" is none, nor a
 * hedge on a number of one side only, nor a speaker's "reported that". */
static void
certainty(void **state)
{
	(void)state;
	assert_string_equal(findings(o_base + 0,
	                             "The council said there is no plan to "
	                             "close the school. It will fund 12 new "
	                             "classrooms in Hamburg by May 2027. "
	                             "Officials will review the budget in "
	                             "June.\n"),
	                    "certainty may > will");
	assert_string_equal(
	        findings("At least 6 people were hurt in the fire.\n",
	                 "6 people were hurt in the fire.\n"),
	        "certainty At least > ");
	assert_string_equal(findings("Officials may review the budget in "
	                             "June.\n",
	                             "Officials might review the budget in "
	                             "June.\n"),
	                    "");
	/* "May" the month is no hedge: before a day, or inside a sentence */
	assert_string_equal(findings("He was born in Poissy on May 8, 1983.\n",
	                             "Born May 8, 1983, in Poissy, he moved "
	                             "later.\n"),
	                    "");
	assert_string_equal(findings("The school opened in May and will close "
	                             "in June.\n",
	                             "The school opened in spring and will "
	                             "close in June.\n"),
	                    "");
	assert_string_equal(findings("We will review the budget in June.\n",
	                             "They said they would review the budget "
	                             "in June.\n"),
	                    "");
	/* a hedge on a number the other side does not have: the number is
	 * the new fact, and no claim of both sides changed its certainty */
	assert_string_equal(findings("The fund marks the council's work for "
	                             "peace.\n",
	                             "The fund marks the almost 35-year work "
	                             "of the council for peace.\n"),
	                    "new  > 35-year");
	/* ... but on a number both sides have, changed, it is one */
	assert_string_equal(findings("The fund supports almost 100 projects "
	                             "in the region.\n",
	                             "The fund supports 15 projects in the "
	                             "region.\n"),
	                    "value 100 > 15; certainty almost 100 > 15");
	/* "reported that" is a speaker's frame, not hearsay; "was
	 * reported" hedges */
	assert_string_equal(findings("The Census Bureau today reported that "
	                             "the population reached 300 million.\n",
	                             "This week, the population reached 300 "
	                             "million.\n"),
	                    "");
	assert_string_equal(findings("The population reached 300 million.\n",
	                             "The population was reported to have "
	                             "reached 300 million.\n"),
	                    "certainty  > was reported to have");
	assert_string_equal(findings("He raised concerns including reported "
	                             "forced confessions in the prisons.\n",
	                             "He raised concerns including forced "
	                             "confessions in the prisons.\n"),
	                    "certainty reported > ");
}

/* A figure told rounded, with a hedge that says so and points the right
 * way, is the same figure: no changed value, no new fact, no certainty
 * change.  Rounded the wrong way, too far, or stated flat, it is a
 * changed value. */
static void
rounded(void **state)
{
	(void)state;
	const char *o = "The fund has helped 9.8 million people since 2019.\n";
	assert_string_equal(findings(o, "The fund has helped about 10 million "
	                                "people since 2019.\n"),
	                    "");
	assert_string_equal(findings(o, "The fund has helped more than 9 "
	                                "million people since 2019.\n"),
	                    "");
	assert_string_equal(findings(o, "The fund has helped 10 million "
	                                "people since 2019.\n"),
	                    "value 9.8 million > 10 million");
	assert_string_equal(findings(o, "The fund has helped more than 10 "
	                                "million people since 2019.\n"),
	                    "certainty 9.8 > more than 10; value 9.8 million > "
	                    "10 million");
	/* a year is never a rounded figure */
	assert_string_equal(
	        findings("The school opened in 2019.\n",
	                 "The school opened around 2020.\n"),
	        "certainty in 2019 > around 2020; value 2019 > 2020");
	assert_string_equal(findings(o, "The fund has helped about 12 million "
	                                "people since 2019.\n"),
	                    "certainty 9.8 > about 12; value 9.8 million > 12 "
	                    "million");
}

/* A new fact is a whole name or a value the official text never has;
 * a first name before a name it has, a possessive of one, a title-case
 * headline and a weekday are none. */
static void
new_fact(void **state)
{
	static const char o[] = "President Putin met the delegation in the "
	                        "capital today.\n";
	(void)state;
	assert_string_equal(
	        findings(o, "President Putin met the delegation in the capital "
	                    "today. Fighters of the Syrian Democratic Forces "
	                    "were there too.\n"),
	        "new  > Syrian Democratic Forces");
	assert_string_equal(findings(o, "Vladimir Putin met the delegation in "
	                                "the capital today.\n"),
	                    "");
	assert_string_equal(findings(o, "Putin Meets Delegation In Capital\n"
	                                "President Putin met the delegation "
	                                "in the capital today.\n"),
	                    "");
	assert_string_equal(findings(o, "President Putin met the delegation in "
	                                "the capital on Monday.\n"),
	                    "");
	assert_string_equal(findings(o, "President Putin met the delegation in "
	                                "the capital today, with 40 aides.\n"),
	                    "new  > 40");
	/* a title parted by its period from a name the official text has */
	assert_string_equal(findings(o, "The delegation met Mr. Putin in the "
	                                "capital today.\n"),
	                    "");
	/* a byline is furniture, no fact; a paragraph that begins as one
	 * ("By 2030") is a sentence, and its facts count */
	assert_string_equal(findings(o, "By Jan Kowalski in Warsaw\n\n"
	                                "President Putin met the delegation "
	                                "in the capital today.\n"),
	                    "");
	assert_string_equal(
	        findings(o, "President Putin met the delegation in the capital "
	                    "today.\n\nBy 2030, the harbour will handle 40 "
	                    "million tonnes a year, the delegation was told "
	                    "there.\n"),
	        "new  > 2030; new  > 40 million tonnes");
	/* a label before a colon opening the line is no claim; a clause
	 * before one is */
	assert_string_equal(findings(o, "Moscow Desk, 12 May: President Putin "
	                                "met the delegation in the capital "
	                                "today.\n"),
	                    "");
	assert_string_equal(
	        findings(o, "President Putin met the delegation in the capital "
	                    "today.\n\nIn 2019 alone 45 aides died: the "
	                    "delegation was told there.\n"),
	        "new  > 2019; new  > 45");
	/* a short line without a sentence end is a headline, no claim; an
	 * item of a list is not */
	assert_string_equal(
	        findings(o, "Putin meets 45 aides in the capital\n\nPresident "
	                    "Putin met the delegation in the "
	                    "capital today.\n"),
	        "");
	assert_string_equal(findings(o, "President Putin met the delegation "
	                                "in the capital today. It brought:\n"
	                                "- 45 aides\n\u2022 1,200 pages\n"),
	                    "new  > 45; new  > 1,200");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(negation),    cmocka_unit_test(quote),
	        cmocka_unit_test(attribution), cmocka_unit_test(value),
	        cmocka_unit_test(name),        cmocka_unit_test(certainty),
	        cmocka_unit_test(rounded),     cmocka_unit_test(new_fact),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
