#!/usr/bin/env python3
"""wordnet.py - word pairs from WordNet 3.0 for the lexical experiment
(tests/eval/README.md, "A lexical resource, measured"): one "word word"
pair a line, single words only, lower case, each unordered pair once.

usage: wordnet.py VARIANT [DIR] > pairs.txt

VARIANT is one or more of these, joined by '+':
  deriv  derivational links: WordNet's '+' pointers (derivationally
         related form) and '\\' pointers (an adjective's pertainym, an
         adverb's source adjective): military - militarily,
         solution - solve, defeat (n) - defeat (v)
  first  synonyms in a synset that is the first sense of both words
  mono   synonyms in a synset that is the only sense of one of the two
         words in its part of speech
  full   synonyms in any synset (every sense)
  none   no pairs (the build without related words)

DIR is WordNet's dictionary folder (default /usr/share/wordnet, Debian's
wordnet-base).
"""
import os
import sys

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def lemma(w):
    """A WordNet lemma as text words: adjective markers dropped; None for a
    lemma of several words."""
    w = w.lower()
    p = w.find("(")
    if p >= 0:
        w = w[:p]
    if "_" in w or not w.isascii() or not any(c.isalpha() for c in w):
        return None
    return w


def read_data(d, name):
    """Synsets of data.NAME: offset -> (words, lexical and semantic
    pointers as (symbol, target offset, target pos, source, target))."""
    out = {}
    with open(os.path.join(d, "data." + name), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # the licence header
            f_ = line.split(" | ")[0].split()
            off = f_[0]
            nw = int(f_[3], 16)
            words = [f_[4 + 2 * i] for i in range(nw)]
            i = 4 + 2 * nw
            np_ = int(f_[i])
            i += 1
            ptrs = []
            for _ in range(np_):
                sym, toff, tpos, st = f_[i : i + 4]
                ptrs.append((sym, toff, "a" if tpos == "s" else tpos,
                             int(st[:2], 16), int(st[2:], 16)))
                i += 4
            out[off] = (words, ptrs)
    return out


def read_index(d, name):
    """index.NAME: lemma -> its synset offsets, commonest sense first."""
    out = {}
    with open(os.path.join(d, "index." + name), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            f_ = line.split()
            nsyn = int(f_[2])
            out[f_[0]] = f_[-nsyn:]
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    want = set(sys.argv[1].split("+"))
    bad = want - {"deriv", "first", "mono", "full", "none"}
    if bad:
        sys.exit("wordnet.py: unknown variant " + ", ".join(sorted(bad)))
    d = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/wordnet"
    if not os.path.isfile(os.path.join(d, "data.noun")):
        sys.exit("wordnet.py: no WordNet in %s (Debian's wordnet-base: "
                 "sh scripts/setup build)" % d)
    data = {p: read_data(d, n) for n, p in POS.items()}
    index = {p: read_index(d, n) for n, p in POS.items()}
    pairs = set()

    def add(a, b):
        a, b = lemma(a), lemma(b)
        if a and b and a != b:
            pairs.add((min(a, b), max(a, b)))

    for p, syns in data.items():
        for off, (words, ptrs) in syns.items():
            if "deriv" in want:
                for sym, toff, tpos, s, t in ptrs:
                    if sym not in ("+", "\\") or not s or not t:
                        continue
                    twords = data[tpos][toff][0]
                    add(words[s - 1], twords[t - 1])
            if not want & {"first", "mono", "full"}:
                continue
            for i, a in enumerate(words):
                for b in words[i + 1 :]:
                    sa = index[p].get(lemma(a) or "", [])
                    sb = index[p].get(lemma(b) or "", [])
                    ok = "full" in want
                    if "first" in want and sa[:1] == [off] and sb[:1] == [off]:
                        ok = True
                    if "mono" in want and (sa == [off] or sb == [off]):
                        ok = True
                    if ok:
                        add(a, b)
    out = sys.stdout
    out.write("# WordNet 3.0 (Princeton University), variant %s;\n"
              "# licence: /usr/share/doc/wordnet-base/copyright\n"
              % sys.argv[1])
    for a, b in sorted(pairs):
        out.write("%s %s\n" % (a, b))


if __name__ == "__main__":
    main()
