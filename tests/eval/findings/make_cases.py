#!/usr/bin/env python3
"""Controlled one-edit cases for the findings evaluation (issue 25).

usage: make_cases.py [--list] [OUTDIR]

Every case is a real official text of the repository with exactly ONE edit,
taken from the explicit list EDITS below (no randomness: the same list gives
the same cases on every run).  An edit replaces one occurrence of OLD (which
must occur exactly once in the official text) by NEW.  Each case carries
what redline must report:

  sign "pos": one finding of TYPE at the edit: its rewrite span (the bytes
              of the changed words in the rewrite file) and its official
              span (the bytes of the replaced words in the official file);
              either may be empty (a zero-width point) for a pure insertion
              or deletion.  By default the spans are the smallest region
              where OLD and NEW differ, widened to whole words; SPAN / OSPAN
              (a substring of NEW / OLD) name the region instead.
  sign "neg": no finding of any type anywhere (TYPE then names what the
              edit tempts a tool to report: the "guard"; "reword" is plain
              rewording).

ALSO lists types that may be reported at the edit as well, without counting
as false (e.g. a quotation invented and credited to the source is both an
altered quote and an unsupported attribution).

With OUTDIR, writes CASE.txt (the rewrite) for each case and cases.json
(the manifest: official path relative to the repository, spans, types);
with --list, prints one line per case.  score.py imports build() and needs
no files from here.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

SOURCES = {
    "ST": "samples/statement.txt",
    "canada": "tests/eval/pairs/dod-canada-hagel-ottawa-official.txt",
    "germany": "tests/eval/pairs/dod-germany-mattis-vdleyen-official.txt",
    "somalia": "tests/eval/pairs/dod-somalia-shanahan-official.txt",
    "turkey": "tests/eval/pairs/dod-turkey-mattis-isik-official.txt",
    "groberg": "tests/eval/pairs/fed-groberg-moh-official.txt",
    "nov2011": "tests/eval/pairs/fig-jobs-nov2011-official.txt",
    "eba": "tests/eval/pairs/gov-cambodia-eba-official.txt",
    "iranlaw": "tests/eval/pairs/law-iran-forfeiture-official.txt",
    "burma": "tests/eval/pairs/voa-burma-independence-official.txt",
    "kem": "tests/eval/pairs/voa-kem-sokha-verdict-official.txt",
    "vietnam": "tests/eval/pairs/voa-vietnam-journalists-official.txt",
    "zimbabwe": "tests/eval/pairs/voa-zimbabwe-biti-official.txt",
    "dzamara": "tests/eval/pairs/voa2-dzamara-anniversary-official.txt",
    "ssudan": "tests/eval/pairs/voa2-south-sudan-drawdown-official.txt",
    "syria": "tests/eval/pairs/voa2-syria-cessation-official.txt",
    "visaban": "tests/eval/pairs/voa3-cambodia-visa-ban-official.txt",
    "georgia": "tests/eval/pairs/voa3-georgia-ceasefire-official.txt",
    "hongkong": "tests/eval/pairs/voa3-hongkong-nsl47-official.txt",
    "azer": "tests/eval/pairs/voa4-azerbaijan-ismayilova-official.txt",
    "bahrami": "tests/eval/pairs/voa4-iran-bahrami-official.txt",
    "minorities": "tests/eval/pairs/voa4-iran-religious-minorities-official.txt",
    "fomc": "tests/eval/pairs/bank-fomc-jan2008-official.txt",
}

EDITS = []


def edit(src, type_, sign, old, new, note, span=None, ospan=None, also=()):
    EDITS.append({"src": src, "type": type_, "sign": sign, "old": old,
                  "new": new, "note": note, "span": span, "ospan": ospan,
                  "also": list(also)})


def add_after(src, type_, sign, anchor, sentence, note, also=()):
    """A sentence added after ANCHOR (the end of an official sentence)."""
    edit(src, type_, sign, anchor, anchor + " " + sentence, note,
         span=sentence, also=also)


# ---------------------------------------------------------------- value
P, N = "pos", "neg"
edit("ST", "value", P, "will save thousands of lives", "will save hundreds of lives", "number word: thousands -> hundreds")
edit("ST", "value", P, "on November 8, 2017, between", "on November 9, 2017, between", "date: day changed")
edit("ST", "value", P, "Germany on July 7, 2017", "Germany on June 7, 2017", "date: month changed")
edit("ST", "value", P, "pursuant to UNSCR 2254", "pursuant to UNSCR 2245", "resolution number changed")
edit("nov2011", "value", P, "from 9.0 to 8.6 percent", "from 9.0 to 8.4 percent", "percentage changed")
edit("nov2011", "value", P, "employment rose by 120,000", "employment rose by 210,000", "count with thousands separator changed")
edit("nov2011", "value", P, "hospitals added 9,000 jobs", "hospitals added 6,000 jobs", "count changed")
edit("germany", "value", P, "the host to 35,000 U.S. personnel", "the host to 53,000 U.S. personnel", "count changed")
edit("kem", "value", P, "conviction and 27-year sentence", "conviction and 25-year sentence", "hyphenated duration changed")
edit("azer", "value", P, "to seven and a half years in prison", "to nine and a half years in prison", "number word in a duration changed")
edit("vietnam", "value", P, "to 15, 11, and 11 years", "to 15, 12, and 11 years", "one value of a list changed")
edit("hongkong", "value", P, "The 45 defendants sentenced", "The 44 defendants sentenced", "count changed")
edit("hongkong", "value", P, "Section 212(a)(3)(C)", "Section 214(a)(3)(C)", "document (section) number changed")
edit("ssudan", "value", P, "an additional $49.8 million", "an additional $48.9 million", "amount changed")
edit("iranlaw", "value", P, "forfeit two shipments", "forfeit three shipments", "number word changed")
edit("minorities", "value", P, "was increased to 20 years", "was increased to 12 years", "duration changed")
edit("minorities", "value", P, "in Iran since 1990.", "in Iran since 1979.", "year changed")
edit("groberg", "value", P, "France on May 8, 1983", "France on May 18, 1983", "date: day changed")
edit("visaban", "value", P, "Paris Peace Agreements of 1991", "Paris Peace Agreements of 1993", "year changed")
edit("georgia", "value", P, "they held on August 6", "they held on August 9", "date: day changed")
edit("groberg", "value", P, "will be the tenth living recipient", "will be the eleventh living recipient", "ordinal word changed")
edit("groberg", "value", P, "Province in November 2009 and", "Province in December 2009 and", "date: month before a year changed")
edit("minorities", "value", P, "was increased to 20 years", "was increased to twenty two years", "20 -> number words for 22")

edit("ST", "value", N, "on November 8, 2017, between", "on 8 November 2017, between", "date written day-month")
edit("ST", "value", N, "Germany on July 7, 2017", "Germany on 7 July 2017", "date written day-month")
edit("ST", "value", N, "The two Presidents discussed", "The 2 Presidents discussed", "two -> 2")
edit("nov2011", "value", N, "to 8.6 percent in November", "to 8.6% in November", "percent -> %")
edit("nov2011", "value", N, "employment rose by 120,000.", "employment rose by 120000.", "thousands separator dropped")
edit("nov2011", "value", N, "have risen by 1.8 percent.", "have risen by 1.8%.", "percent -> %")
edit("germany", "value", N, "the host to 35,000 U.S. personnel", "the host to 35 thousand U.S. personnel", "35,000 -> 35 thousand")
edit("iranlaw", "value", N, "approximately 1.1 million barrels", "approximately 1,100,000 barrels", "1.1 million -> 1,100,000")
edit("iranlaw", "value", N, "from four foreign-flagged", "from 4 foreign-flagged", "four -> 4")
edit("groberg", "value", N, "will be the tenth living recipient", "will be the 10th living recipient", "tenth -> 10th")
edit("groberg", "value", N, "on December 4, 2008", "on Dec. 4, 2008", "month abbreviated")
edit("azer", "value", N, "to seven and a half years in prison", "to 7.5 years in prison", "seven and a half -> 7.5")
edit("fomc", "value", N, "federal funds rate 75 basis points to", "federal funds rate three-quarters of a percent to", "basis points told as a fraction of a percent")
edit("fomc", "value", P, "federal funds rate 75 basis points to", "federal funds rate 50 basis points to", "basis points changed")
edit("fomc", "value", N, "federal funds rate 75 basis points to", "federal funds rate three-quarters of a point to", "basis points told as a fraction of a point")
edit("fomc", "value", P, "federal funds rate 75 basis points to", "federal funds rate a quarter point to", "basis points changed into a quarter point")
edit("vietnam", "value", N, "sentencing of three members", "sentencing of 3 members", "three -> 3")
edit("minorities", "value", N, "including the seven leaders", "including the 7 leaders", "seven -> 7")
edit("minorities", "value", N, "was increased to 20 years", "was increased to twenty years", "20 -> twenty")
edit("ssudan", "value", N, "an additional $49.8 million in assistance", "an additional 49.8 million dollars in assistance", "$ -> dollars")
edit("bahrami", "value", N, "January 31, 2011", "31 January 2011", "date written day-month")
edit("nov2011", "value", N, "employment rose by 120,000.", "employment rose by one hundred twenty thousand.", "120,000 -> number words with spaces")
edit("minorities", "value", N, "in Iran since 1990.", "in Iran since nineteen ninety.", "a year told in words")
edit("kem", "value", N, "conviction and 27-year sentence", "conviction and sentence of 27 years", "27-year -> 27 years")

# ----------------------------------------------------------------- name
edit("ST", "name", P, "concluded in Amman, Jordan", "concluded in Aqaba, Jordan", "city replaced")
edit("ST", "name", P, "met in Hamburg, Germany", "met in Berlin, Germany", "city replaced")
edit("ST", "name", P, "conference in Da Nang, Vietnam", "conference in Hanoi, Vietnam", "city replaced")
edit("ST", "name", P, "forged through the Geneva process pursuant", "forged through the Astana process pursuant", "process named after another city")
edit("canada", "name", P, "today's shootings in Ottawa", "today's shootings in Toronto", "city replaced")
edit("germany", "name", P, "Ministerial and Munich Security Conference", "Ministerial and Halifax Security Conference", "conference name changed")
edit("somalia", "name", P, "Prime Minister Hassan Ali Khayre", "Prime Minister Omar Sharmarke", "person replaced")
edit("somalia", "name", P, "at the London Somalia Conference", "at the Istanbul Somalia Conference", "conference name changed")
edit("turkey", "name", P, "Minister of Defense Fikri Işık", "Minister of Defense Nurettin Canikli", "person replaced")
edit("zimbabwe", "name", P, "Minister of Finance Tendai Biti to", "Minister of Finance Nelson Chamisa to", "person replaced")
edit("georgia", "name", P, "through the port of Poti", "through the port of Batumi", "port replaced")
edit("bahrami", "name", P, "national Zahra Bahrami", "national Zahra Kazemi", "surname replaced")
edit("groberg", "name", P, "from Walter Johnson High School", "from Richard Montgomery High School", "school replaced")
edit("ssudan", "name", P, "Embassy in Nairobi, Kenya", "Embassy in Kampala, Kenya", "city replaced")
edit("hongkong", "name", P, "of the Immigration and Nationality Act", "of the Foreign Assistance Act", "law (document) name replaced")
edit("ssudan", "name", P, "Booth is in Ethiopia", "Booth is in Uganda", "country replaced")

edit("ST", "name", N, "conference in Da Nang, Vietnam", "conference in Danang, Vietnam", "spelled as one word")
edit("groberg", "name", N, "School at Fort Benning, Georgia", "School at Ft. Benning, Georgia", "Fort -> Ft. (an abbreviation)")
edit("groberg", "name", N, "in Bethesda, Maryland in June 2001", "in Bethesda, Md. in June 2001", "Maryland -> Md. (an abbreviation)")
edit("ST", "name", N, "successful U.S.-Russia enhanced", "successful US-Russia enhanced", "U.S. -> US")
edit("ST", "name", N, "President Asad's recent", "President Assad's recent", "transliteration variant")
edit("turkey", "name", N, "Fikri Işık", "Fikri Isik", "accents dropped")
edit("vietnam", "name", N, "Pham Chi Dung, Nguyen", "Phạm Chí Dũng, Nguyen", "accents added")
edit("eba", "name", N, "Vice-President of the European Commission", "Vice President of the European Commission", "hyphen -> space")
edit("ssudan", "name", N, "work of the UN Mission", "work of the U.N. Mission", "UN -> U.N.")
edit("zimbabwe", "name", N, "cooperation with the Zambian government", "cooperation with the government of Zambia", "demonym -> country named in the text")
edit("groberg", "name", N, "Captain Groberg attended the University", "Capt. Groberg attended the University", "title abbreviated")

# first names, titles, possessives, demonyms, capitals, acronyms: no new fact
edit("ST", "new", N, "Finally President Trump and", "Finally President Donald Trump and", "first name of a named person")
edit("ST", "new", N, "good meeting with President Putin", "good meeting with President Vladimir Putin", "first name of a named person")
edit("azer", "new", N, "President Aliyev himself", "President Ilham Aliyev himself", "first name of a named person")
edit("zimbabwe", "new", N, "guarantee Mr. Biti's physical", "guarantee Tendai Biti's physical", "title -> first name of a named person")
edit("kem", "new", N, "Kem Sokha’s conviction is part", "The conviction of Kem Sokha is part", "possessive rewritten with 'of'")
edit("bahrami", "new", N, "access to Dutch consular officials", "access to consular officials of the Netherlands", "demonym -> its country")
edit("ST", "new", N, "accelerated ISIS's losses", "accelerated the Islamic State's losses", "acronym spelled out")
edit("ST", "new", N, "and the United States of America.", "and the USA.", "country as its acronym")
edit("canada", "new", N, "The United States strongly condemns", "Washington strongly condemns", "capital standing for its government")
edit("vietnam", "new", N, "learn of Vietnam’s conviction", "learn of Hanoi’s conviction", "capital standing for its government")

# ------------------------------------------------------------------ new
edit("ST", "new", P, "Hamburg, Germany on July 7, 2017.", "Hamburg, Germany on July 7, 2017, after talks lasting 40 minutes.", "new value added", span="40 minutes")
edit("ST", "new", P, "the Amman Monitoring Center, with", "the Amman Monitoring Center, staffed by 30 observers, with", "new value added", span="30 observers")
edit("canada", "new", P, "today's shootings in Ottawa,", "today's shootings in Ottawa and Montreal,", "new place added", span="Montreal")
edit("germany", "new", P, "35,000 U.S. personnel, the", "35,000 U.S. personnel at Ramstein Air Base, the", "new place added", span="Ramstein Air Base")
edit("turkey", "new", P, "counter-PKK efforts.", "counter-PKK efforts near Manbij.", "new place added", span="Manbij")
edit("zimbabwe", "new", P, "targeting opposition activists.", "targeting opposition activists in Harare.", "new place added", span="Harare")
edit("ssudan", "new", P, "have spoken with regional leaders.", "have spoken with regional leaders, including Prime Minister Hailemariam Desalegn.", "new person added", span="Hailemariam Desalegn")
edit("hongkong", "new", P, "pro-democracy advocates, known", "pro-democracy advocates, including Benny Tai, known", "new person added", span="Benny Tai")
edit("georgia", "new", P, "reach the villages south", "reach the 14 villages south", "new value added", span="14")
edit("kem", "new", P, "political leader Kem Sokha.", "political leader Kem Sokha in Phnom Penh.", "new place added", span="Phnom Penh")
edit("minorities", "new", P, "flogged in public because", "flogged in public in Isfahan because", "new place added", span="Isfahan")
edit("somalia", "new", P, "today in the Pentagon.", "today in the Pentagon for two hours.", "new value added", span="two hours")
edit("ST", "new", P, "announced today will save", "announced today after almost 30 years will save", "new value with a hedge (no certainty change: no claim of both sides is hedged)", span="30 years")

# ------------------------------------------------------------- negation
edit("ST", "negation", P, "there is no military solution", "there is a military solution", "'no' dropped")
edit("ST", "negation", P, "these efforts will be continued", "these efforts will not be continued", "'not' added")
edit("ST", "negation", P, "with successful U.S.-Russia", "with unsuccessful U.S.-Russia", "prefix un- added")
edit("canada", "negation", P, "will continue to monitor the situation", "will not continue to monitor the situation", "'not' added")
edit("ssudan", "negation", P, "in Juba will not be able to provide", "in Juba will be able to provide", "'not' dropped")
edit("zimbabwe", "negation", P, "is not a step toward that future", "is a step toward that future", "'not' dropped")
edit("dzamara", "negation", P, "This is not an issue of politics.", "This is an issue of politics.", "'not' dropped")
edit("georgia", "negation", P, "aid has been able to move", "aid has not been able to move", "'not' added")
edit("bahrami", "negation", P, "who was denied access", "who was granted access", "negative verb -> positive")
edit("syria", "negation", P, "Syrians who reject dictatorship", "Syrians who accept dictatorship", "reject -> accept")
edit("vietnam", "negation", P, "actions are consistent with", "actions are inconsistent with", "prefix in- added")
edit("somalia", "negation", P, "Both leaders emphasized", "Neither leader emphasized", "both -> neither")
edit("turkey", "negation", P, "and agreed to continue cooperate", "and refused to continue cooperate", "agreed -> refused")
edit("groberg", "negation", P, "his family will join the President", "his family will not join the President", "'not' added")
edit("hongkong", "negation", P, "which are protected under", "which are not protected under", "'not' added")
edit("burma", "negation", P, "will be able to do so", "will never be able to do so", "'never' added")

edit("zimbabwe", "negation", N, "that does not respect", "that doesn't respect", "contraction")
edit("ssudan", "negation", N, "in Juba will not be able", "in Juba won't be able", "contraction")
edit("dzamara", "negation", N, "This is not an issue of politics.", "This isn't an issue of politics.", "contraction")
edit("ST", "negation", N, "there is no military solution", "there is not any military solution", "no -> not any")
edit("zimbabwe", "negation", N, "There should be no role for", "There should not be any role for", "no -> not any")
edit("canada", "negation", N, "The United States has no closer friend", "The United States does not have a closer friend", "has no -> does not have a")
edit("nov2011", "negation", N, "industries changed little over", "industries did not change much over", "changed little -> did not change much")
edit("bahrami", "negation", N, "who was denied access", "who was refused access", "negative verb -> its synonym")
edit("syria", "negation", N, "Syrians who reject dictatorship", "Syrians who oppose dictatorship", "negative verb -> its synonym")
edit("zimbabwe", "negation", N, "is not a step toward", "is no step toward", "not a -> no")

# ------------------------------------------------------------ certainty
edit("ST", "certainty", P, "will save thousands", "may save thousands", "will -> may")
edit("ST", "certainty", P, "must be forged through", "could be forged through", "must -> could")
edit("canada", "certainty", P, "will continue to monitor", "may continue to monitor", "will -> may")
edit("iranlaw", "certainty", P, "sale of approximately 1.1 million", "sale of 1.1 million", "'approximately' dropped")
edit("nov2011", "certainty", P, "have shed about 600,000 jobs", "have shed 600,000 jobs", "'about' dropped")
edit("eba", "certainty", P, "amounts to around one-fifth", "amounts to one-fifth", "'around' dropped")
edit("georgia", "certainty", P, "that around 7600 Russian", "that up to 7600 Russian", "around -> up to")
edit("georgia", "certainty", P, "positions would constitute", "positions could constitute", "would -> could")
edit("hongkong", "certainty", P, "were aggressively prosecuted", "were reportedly aggressively prosecuted", "'reportedly' added")
edit("bahrami", "certainty", P, "by the recent execution", "by the alleged recent execution", "'alleged' added")
edit("zimbabwe", "certainty", P, "of a reported Zambian court order", "of a Zambian court order", "'reported' dropped")
edit("groberg", "certainty", P, "Captain Groberg will be the tenth", "Captain Groberg is expected to be the tenth", "'expected to' added")
edit("visaban", "certainty", P, "Such actions could lead", "Such actions will lead", "could -> will")
edit("nov2011", "certainty", P, "hospitals added 9,000", "hospitals added at least 9,000", "'at least' added")
edit("minorities", "certainty", P, "it would be the first execution", "it might be the first execution", "would -> might")

edit("iranlaw", "certainty", N, "sale of approximately 1.1 million", "sale of about 1.1 million", "hedge -> same hedge")
edit("georgia", "certainty", N, "that around 7600 Russian", "that about 7600 Russian", "hedge -> same hedge")
edit("nov2011", "certainty", N, "have shed about 600,000 jobs", "have shed roughly 600,000 jobs", "hedge -> same hedge")
edit("ST", "certainty", N, "must include full implementation", "must include complete implementation", "modal kept, synonym after it")
edit("canada", "certainty", N, "will continue to monitor the situation", "will continue to follow the situation", "modal kept, synonym after it")
edit("visaban", "certainty", N, "could lead to a lifting", "could result in a lifting", "modal kept, synonym after it")
edit("minorities", "certainty", N, "would be the first execution", "would mark the first execution", "modal kept, synonym after it")
edit("groberg", "certainty", N, "for his courageous actions", "for his brave actions", "synonym next to 'will receive'")
edit("hongkong", "certainty", N, "We will continue to monitor", "We will keep monitoring", "modal kept, synonym after it")
edit("iranlaw", "certainty", N, "The Justice Department today announced the filing", "The Justice Department today reported the filing", "'reported' as a speaker's verb, not hearsay")

# ---------------------------------------------------------------- quote
ST_NOTED = "In addition, President Trump noted that he had a good meeting with President Putin."
ST_SATIS = "They expressed their satisfaction with successful U.S.-Russia enhanced de-confliction efforts between U.S. and Russian military professionals that have dramatically accelerated ISIS's losses on the battlefield in recent months."
ST_CHANNELS = "The Presidents agreed to maintain open military channels of communication between military professionals to help ensure the safety of both U.S. and Russian forces and de-confliction of partnered forces engaged in the fight against ISIS."
CA_CONDEMN = "The United States strongly condemns today's shootings in Ottawa, as well as the hit-and-run attack in Quebec earlier this week."
DE_LOOK = "Both look forward to working together at the NATO Defense Ministerial and Munich Security Conference next week."
KEM_IMPEDE = "These actions impede any chance for a free, transparent, and fair electoral process."
VN_PRESS = "Press freedom is fundamental to transparency and accountable governance."
VN_CALLS = "The United States calls on the Vietnamese authorities to release all those unjustly detained and to allow all individuals in Vietnam to express their views freely, without fear of retaliation."
DZ_RIGHTS = "This is an issue of basic human rights and rule of law."
DZ_POLITICS = "This is not an issue of politics."
SY_AWARE = "We are all aware of the significant challenges ahead."
HK_HARSH = "These harsh sentences erode confidence in Hong Kong’s judicial system and harm the city’s international reputation."
SS_STEP = "We are taking this step out of an abundance of caution to ensure the safety and security of our diplomatic personnel."
GE_INSIST = "We insist that Russia uphold its commitment."


def quote(src, sign, old, new, quoted, note):
    """OLD (an official sentence) retold as NEW, which quotes QUOTED."""
    edit(src, "quote", sign, old, new, note, span=quoted, ospan=old)


quote("ST", P, ST_NOTED, 'In addition, the statement said: "President Trump noted that he had a very good meeting with President Putin."',
      '"President Trump noted that he had a very good meeting with President Putin."', "word inserted in the quote")
quote("ST", P, ST_SATIS, '"They expressed their satisfaction with U.S.-Russia enhanced de-confliction efforts between U.S. and Russian military professionals that have dramatically accelerated ISIS\'s losses on the battlefield in recent months," the statement said.',
      '"They expressed their satisfaction with U.S.-Russia enhanced de-confliction efforts between U.S. and Russian military professionals that have dramatically accelerated ISIS\'s losses on the battlefield in recent months,"', "word dropped in the quote")
quote("canada", P, CA_CONDEMN, 'Hagel said: "The United States strongly condemns today\'s cowardly shootings in Ottawa, as well as the hit-and-run attack in Quebec earlier this week."',
      '"The United States strongly condemns today\'s cowardly shootings in Ottawa, as well as the hit-and-run attack in Quebec earlier this week."', "word inserted in the quote")
quote("germany", P, DE_LOOK, 'The readout said: "Both look forward to working closely together at the NATO Defense Ministerial and Munich Security Conference next week."',
      '"Both look forward to working closely together at the NATO Defense Ministerial and Munich Security Conference next week."', "word inserted in the quote")
quote("kem", P, KEM_IMPEDE, 'The statement said: "These actions destroy any chance for a free, transparent, and fair electoral process."',
      '"These actions destroy any chance for a free, transparent, and fair electoral process."', "word changed in the quote")
quote("vietnam", P, VN_PRESS, '"Press freedom is fundamental to democracy and accountable governance," the statement said.',
      '"Press freedom is fundamental to democracy and accountable governance,"', "word changed in the quote")
quote("dzamara", P, DZ_RIGHTS, 'The statement said: "This is an issue of basic and universal human rights and rule of law."',
      '"This is an issue of basic and universal human rights and rule of law."', "words inserted in the quote")
quote("syria", P, SY_AWARE, 'The statement said: "We are all aware of the serious challenges ahead."',
      '"We are all aware of the serious challenges ahead."', "word changed in the quote")
quote("hongkong", P, HK_HARSH, 'The statement said the sentences "erode confidence in Hong Kong’s legal system and harm the city’s international reputation."',
      '"erode confidence in Hong Kong’s legal system and harm the city’s international reputation."', "word changed in a partial quote")
quote("ssudan", P, SS_STEP, '"We are taking this step out of caution to ensure the safety and security of our diplomatic personnel," the statement said.',
      '"We are taking this step out of caution to ensure the safety and security of our diplomatic personnel,"', "words dropped in the quote")
quote("georgia", P, GE_INSIST, '"We insist that Russia uphold all its commitments," the statement said.',
      '"We insist that Russia uphold all its commitments,"', "word inserted and word changed in the quote")

quote("ST", N, ST_NOTED, 'In addition, the statement said: "President Trump noted that he had a good meeting with President Putin."',
      '"President Trump noted that he had a good meeting with President Putin."', "faithful quote")
quote("ST", N, ST_CHANNELS, 'The statement said: "The Presidents agreed to maintain open military channels of communication ... to help ensure the safety of both U.S. and Russian forces and de-confliction of partnered forces engaged in the fight against ISIS."',
      '"The Presidents agreed to maintain open military channels of communication ... to help ensure the safety of both U.S. and Russian forces and de-confliction of partnered forces engaged in the fight against ISIS."', "faithful cut quote (ellipsis)")
quote("canada", N, CA_CONDEMN, 'Hagel said: "The United States strongly condemns today\'s shootings in Ottawa, as well as the hit-and-run attack in Quebec earlier this week."',
      '"The United States strongly condemns today\'s shootings in Ottawa, as well as the hit-and-run attack in Quebec earlier this week."', "faithful quote")
quote("germany", N, DE_LOOK, 'The readout said: “Both look forward to working together at the NATO Defense Ministerial and Munich Security Conference next week.”',
      '“Both look forward to working together at the NATO Defense Ministerial and Munich Security Conference next week.”', "faithful quote, curly marks")
quote("kem", N, KEM_IMPEDE, 'The statement said such actions "impede any chance for a free, transparent, and fair electoral process."',
      '"impede any chance for a free, transparent, and fair electoral process."', "faithful partial quote")
quote("vietnam", N, VN_CALLS, 'The statement called on the authorities "to release all those unjustly detained ... without fear of retaliation."',
      '"to release all those unjustly detained ... without fear of retaliation."', "faithful cut partial quote (ellipsis)")
quote("syria", N, SY_AWARE, '"We are all aware of the significant challenges ahead," the statement said.',
      '"We are all aware of the significant challenges ahead,"', "faithful quote")
quote("hongkong", N, HK_HARSH, 'The statement said the sentences "erode confidence in Hong Kong’s judicial system and harm the city’s international reputation."',
      '"erode confidence in Hong Kong’s judicial system and harm the city’s international reputation."', "faithful partial quote")
quote("ssudan", N, SS_STEP, '"We are taking this step out of an abundance of caution," the statement said.',
      '"We are taking this step out of an abundance of caution,"', "faithful cut quote (end cut)")
quote("georgia", N, GE_INSIST, '"We insist that Russia uphold its commitment," the statement said.',
      '"We insist that Russia uphold its commitment,"', "faithful quote")
quote("dzamara", N, DZ_POLITICS, '"This is not an issue of politics," the statement said.',
      '"This is not an issue of politics,"', "faithful quote holding a negation")

# ---------------------------------------------------------- attribution
add_after("ST", "attribution", P, "will save thousands of lives.", "According to the statement, the two leaders also agreed to hold regular video calls.", "claim credited to the statement, no counterpart")
add_after("canada", "attribution", P, "in the aftermath of these tragic events.", "The Department of Defense said it had raised the alert level at its bases.", "claim credited to the speaker, no counterpart")
add_after("somalia", "attribution", P, "as a safe haven.", "The readout said the leaders also discussed famine relief for farmers.", "claim credited to the readout, no counterpart")
add_after("turkey", "attribution", P, "Turkey's counter-PKK efforts.", "According to the readout, the secretary also praised the Turkish navy.", "claim credited to the readout, no counterpart")
add_after("zimbabwe", "attribution", P, "to register our gravest concerns.", "The United States said it had suspended some aid programs in response.", "claim credited to the speaker, no counterpart")
add_after("dzamara", "attribution", P, "responsible for the investigation.", "The statement said the investigators had ignored fresh evidence.", "claim credited to the statement, no counterpart")
add_after("hongkong", "attribution", P, "similarly detained political prisoners.", "According to the statement, the defendants were held in solitary confinement.", "claim credited to the statement, no counterpart")
add_after("iranlaw", "attribution", P, "weapons shipments from Iran.", "The Justice Department said the tankers' crews had cooperated with investigators.", "claim credited to the speaker, no counterpart")
edit("somalia", "attribution", P, "as a safe haven.", "as a safe haven, the readout said, adding that the troops would stay through the rainy season.", "claim appended to a kept sentence, credited to the readout", span="the readout said, adding that the troops would stay through the rainy season")
add_after("eba", "attribution", P, "development objective of the EU trade scheme.", "The Commission said it had consulted garment workers before deciding.", "claim credited to the speaker, no counterpart")
add_after("azer", "attribution", P, "curtailing the freedom of the press.", "The statement said the trial had been closed to foreign diplomats.", "claim credited to the statement, no counterpart")
add_after("groberg", "attribution", P, "example of selfless service.", "The announcement said the ceremony is open to the public.", "claim credited to the release, no counterpart")
add_after("burma", "attribution", P, "We hope that day will come soon.", '"Our patience has its limits," the statement said.', "invented quotation credited to the statement", also=("quote",))

add_after("ST", "attribution", N, "will save thousands of lives.", "Analysts said the meeting produced little of substance.", "claim credited to another speaker")
add_after("kem", "attribution", N, "truly democratic system.", "The opposition said the trial had lasted far too long.", "claim credited to another speaker")
add_after("hongkong", "attribution", N, "similarly detained political prisoners.", "Relatives of the defendants said they plan to appeal.", "claim credited to another speaker")
edit("somalia", "attribution", N, "as a safe haven.", "as a safe haven, the readout said.", "credit alone appended to a kept sentence")
add_after("georgia", "attribution", N, "to all areas of Georgia.", "Aid workers said the roads were crowded with refugees.", "claim credited to another speaker")
add_after("nov2011", "attribution", N, "Government employment continued to trend down.", "Economists said the figures beat their forecasts.", "claim credited to another speaker")
edit("ST", "attribution", N, "The Presidents agreed that there is no military solution to the conflict in Syria.",
     "According to the statement, the Presidents agreed that there is no military solution to the conflict in Syria.", "credit added to an official sentence")
edit("canada", "attribution", N, "The United States strongly condemns today's shootings",
     "The Department of Defense said the United States strongly condemns today's shootings", "credit added to an official sentence")
add_after("zimbabwe", "attribution", N, "to register our gravest concerns.", "The United States said it had summoned the ambassadors of Zimbabwe and Zambia.", "credited sentence restating an official one")
edit("iranlaw", "attribution", N, "These actions represent the government’s largest-ever forfeitures actions",
     "The Justice Department said these were the government’s largest-ever forfeiture actions", "credited restatement of an official sentence")
edit("azer", "attribution", N, "We urge the government of Azerbaijan to release",
     "The statement urged the government of Azerbaijan to release", "credited restatement of an official sentence")

# ------------------------------------------------------- plain rewording
edit("ST", "reword", N, "have dramatically accelerated", "have sharply accelerated", "synonym")
edit("ST", "reword", N, "discussed the ongoing need", "discussed the continuing need", "synonym")
edit("ST", "reword", N, "In addition, President Trump noted", "Also, President Trump noted", "synonym")
edit("canada", "reword", N, "offering my deepest condolences", "offering my sincerest condolences", "synonym")
edit("germany", "reword", N, "to exchange perspectives on defense", "to exchange views on defense", "synonym")
edit("somalia", "reword", N, "efforts to prevent terrorists", "efforts to stop terrorists", "synonym")
edit("turkey", "reword", N, "of the Turkish government and people", "of the Turkish people and government", "word order")
edit("nov2011", "reword", N, "Government employment continued to trend down.", "Government employment kept trending down.", "synonym")
edit("eba", "reword", N, "while at the same time preserving", "while also preserving", "synonym")
edit("vietnam", "reword", N, "Press freedom is fundamental to transparency and accountable governance.", "Press freedom is essential to accountable governance and transparency.", "synonym and word order")
edit("burma", "reword", N, "to the people of Burma on this occasion", "on this occasion to the people of Burma", "word order")
edit("georgia", "reword", N, "We are extremely concerned about", "We are very concerned about", "synonym")
edit("ssudan", "reword", N, "out of an abundance of caution", "out of an excess of caution", "synonym")
edit("syria", "reword", N, "We are all aware of the significant challenges ahead.", "We all know about the significant challenges ahead.", "rewording")
edit("minorities", "reword", N, "claim to promote tolerance", "claim to advance tolerance", "synonym")
edit("groberg", "reword", N, "to commemorate his example", "to honor his example", "synonym")


# ---------------------------------------------------------------- build
def _strip(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


TOKEN = re.compile(r"\d+(?:[.,:/]\d+)*|\w+(?:[-'’]\w+)*|\s+|.", re.S)


def _tokens(text):
    return [(m.start(), m.end()) for m in TOKEN.finditer(text)]


def diff_region(old, new):
    """the regions of OLD and NEW that differ, in whole tokens (a number
    with its inner separators, a word with its inner hyphens or
    apostrophes, a space run, a punctuation mark): (os, oe, ns, ne)."""
    ot, nt = _tokens(old), _tokens(new)
    ow = [old[a:b] for a, b in ot]
    nw = [new[a:b] for a, b in nt]
    p = 0
    while p < len(ow) and p < len(nw) and ow[p] == nw[p]:
        p += 1
    s = 0
    while (s < len(ow) - p and s < len(nw) - p and
           ow[len(ow) - 1 - s] == nw[len(nw) - 1 - s]):
        s += 1

    def region(toks, text, lo, hi):
        if lo < hi:
            return _strip(text, toks[lo][0], toks[hi - 1][1])
        at = toks[lo][0] if lo < len(toks) else len(text)
        return at, at

    os_, oe = region(ot, old, p, len(ow) - s)
    ns, ne = region(nt, new, p, len(nw) - s)
    return os_, oe, ns, ne


def _bytes(text, i):
    return len(text[:i].encode("utf-8"))


def build(repo=REPO):
    """The cases: a list of dicts (id, type, sign, official path, rewrite
    text, expected findings, note)."""
    texts, cases, counters = {}, [], {}
    for e in EDITS:
        path = SOURCES[e["src"]]
        if path not in texts:
            with open(os.path.join(repo, path), encoding="utf-8") as f:
                texts[path] = f.read()
        text = texts[path]
        n = text.count(e["old"])
        if n != 1:
            raise SystemExit("make_cases.py: %r occurs %d times in %s"
                             % (e["old"], n, path))
        at = text.index(e["old"])
        rewrite = text[:at] + e["new"] + text[at + len(e["old"]):]
        os_, oe, ns, ne = diff_region(e["old"], e["new"])
        if e["span"] is not None:
            k = e["new"].find(e["span"])
            if k < 0:
                raise SystemExit("make_cases.py: span %r not in %r"
                                 % (e["span"], e["new"]))
            ns, ne = k, k + len(e["span"])
        if e["ospan"] is not None:
            k = e["old"].find(e["ospan"])
            os_, oe = k, k + len(e["ospan"])
        key = (e["type"], e["sign"])
        counters[key] = counters.get(key, 0) + 1
        cid = "%s-%s-%02d" % (e["type"], e["sign"], counters[key])
        expected = []
        if e["sign"] == "pos":
            added = e["span"] is not None and e["type"] in ("new", "attribution")
            official = None if added else [
                _bytes(text, at + os_), _bytes(text, at + oe)]
            expected.append({
                "type": e["type"],
                "official": official,
                "rewrite": [_bytes(rewrite, at + ns), _bytes(rewrite, at + ne)],
                "was": text[at + os_:at + oe] if official else "",
                "now": rewrite[at + ns:at + ne],
                "also": e["also"]})
        cases.append({"id": cid, "type": e["type"], "sign": e["sign"],
                      "src": e["src"], "official": path, "rewrite_text": rewrite,
                      "old": e["old"], "new": e["new"], "note": e["note"],
                      "expected": expected})
    return cases


def main(argv):
    listing = "--list" in argv
    args = [a for a in argv if a != "--list"]
    for a in args:
        if a.startswith("-"):
            sys.stderr.write("make_cases.py: unknown option %s\n" % a)
            sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
            sys.exit(2)
    cases = build()
    if listing:
        for c in cases:
            sys.stdout.write("%-18s %-10s %s -> %s  (%s)\n" % (
                c["id"], c["src"], c["old"][:40], c["new"][:40], c["note"]))
    if args:
        out = args[0]
        os.makedirs(out, exist_ok=True)
        manifest = []
        for c in cases:
            name = c["id"] + ".txt"
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write(c["rewrite_text"])
            m = dict(c)
            del m["rewrite_text"]
            m["rewrite"] = name
            manifest.append(m)
        with open(os.path.join(out, "cases.json"), "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, indent=1)
        sys.stderr.write("make_cases.py: %d cases in %s\n" % (len(cases), out))
    if not listing and not args:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        sys.stderr.write("%d cases (use --list or OUTDIR)\n" % len(cases))


if __name__ == "__main__":
    main(sys.argv[1:])
