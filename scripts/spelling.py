#!/usr/bin/env python3
"""British and American spellings of one word, from SCOWL's word lists.

usage: spelling.py SCOWL_DIR [LEVEL]

SCOWL (Debian's scowl package, /usr/share/dict/scowl) lists the words
spelt only the British way (british-words.N) and only the American way
(american-words.N) at each frequency level N.  The lists say which words
are variants but not of what: this pairs each British-only word with the
American-only word that a few regular respellings make of it (labour and
labor, centre and center, organise and organize, defence and defense,
travelled and traveled, catalogue and catalog), and prints
`british american` a line, sorted, for lexicon.c.  Words from levels up
to LEVEL (default 70; 80 and 95 are rare words) are used.  A British word
that respells into two American ones is left out.  A British-only word
that respells into none still pairs with a word both countries spell one
way when one respelling makes it (programme and program).
"""
import glob
import os
import sys

# British spelling -> American spelling, applied at any place in a word;
# at most two respellings make a pair (colourise -> colorize).
RESPELL = [
    ("our", "or"), ("ise", "ize"), ("isa", "iza"), ("yse", "yze"),
    ("ysa", "yza"), ("tre", "ter"), ("bre", "ber"), ("tres", "ters"),
    ("ence", "ense"), ("ogue", "og"), ("ll", "l"), ("ae", "e"),
    ("oe", "e"), ("mme", "m"), ("eable", "able"), ("gement", "gment"),
    ("que", "k"), ("ce", "se"), ("l", "ll"),
]
# the respellings tried against words spelt alike in both countries: not
# -ise (prise, to force open, is no prize)
FALLBACK = [r for r in RESPELL if r[0] not in ("ise", "isa", "yse", "ysa")]


def words(scowl, kind, level):
    out = set()
    for path in glob.glob(os.path.join(scowl, kind + "-words.*")):
        ext = path.rsplit(".", 1)[1]
        if not ext.isdigit() or int(ext) > level:
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for w in f:
                w = w.strip()
                if w and w.isascii() and w.isalpha() and w.islower():
                    out.add(w)
    return out


def respellings(w, rules=None):
    for b, a in rules or RESPELL:
        i = w.find(b)
        while i >= 0:
            yield w[:i] + a + w[i + len(b):]
            i = w.find(b, i + 1)


def main(argv):
    if not argv or len(argv) > 2:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    scowl, level = argv[0], int(argv[1]) if len(argv) > 1 else 70
    brit = words(scowl, "british", level)
    amer = words(scowl, "american", level)
    both = words(scowl, "english", level)
    if not brit or not amer:
        sys.stderr.write("spelling.py: no SCOWL word lists in %s (Debian's "
                         "scowl: sh scripts/setup build)\n" % scowl)
        return 1
    pairs = []
    for w in sorted(brit):
        found = set()
        for once in respellings(w):
            if once in amer:
                found.add(once)
            for twice in respellings(once):
                if twice in amer:
                    found.add(twice)
        if not found:
            # spelt one way in both countries but the other way only in
            # Britain (programme and program): one respelling, and not
            # the doubled l, which makes too many words
            found = {o for o in respellings(w, FALLBACK) if o in both and
                     not o.endswith("ll") and "lll" not in o}
            found = {o for o in found if len(o) >= 4}
        found.discard(w)
        if len(found) == 1:
            pairs.append((w, found.pop()))
    for b, a in pairs:
        print(b, a)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
