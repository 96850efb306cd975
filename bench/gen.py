#!/usr/bin/env python3
"""Generate an official text and a rewrite of it from real prose.

usage: gen.py WORDS EDIT_PERCENT SEED OUT_OFFICIAL OUT_REWRITE [--unrelated]
              [--rewrites N]

The prose is the licence texts Debian ships in /usr/share/common-licenses
(package base-files, on every Debian system), cut into sentences and
repeated in varied order until the official text has WORDS words, in
paragraphs of three to seven sentences.  The rewrite applies seeded edits
to EDIT_PERCENT percent of the sentences: word substitutions, deletions,
inserted sentences, moved sentences, and typographic changes (curly
apostrophes and dashes).  With --unrelated, the rewrite is built the same
way from a different seed and shares no order with the official text.
With --rewrites N, N - 1 more rewrites of the same official text follow,
each with edits of its own, in OUT_REWRITE-2 to OUT_REWRITE-N.
"""
import glob
import random
import re
import sys


def sentences():
    text = []
    for path in sorted(glob.glob("/usr/share/common-licenses/*")):
        try:
            text.append(open(path, encoding="utf-8", errors="replace").read())
        except (IsADirectoryError, PermissionError):
            continue
    flat = " ".join(" ".join(text).split())
    out = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", flat)
           if 4 <= len(s.split()) <= 60]
    if not out:
        sys.exit("gen.py: no prose found in /usr/share/common-licenses")
    return out


def document(pool, words, rng):
    out, n = [], 0
    while n < words:
        chunk = pool[:]
        rng.shuffle(chunk)
        for s in chunk:
            out.append(s)
            n += len(s.split())
            if n >= words:
                break
    return out


def edit(doc, percent, rng, pool):
    out = []
    moved = []
    for s in doc:
        if rng.random() * 100 >= percent:
            out.append(s)
            continue
        kind = rng.randrange(5)
        words = s.split()
        if kind == 0 and len(words) > 3:  # substitute a word
            words[rng.randrange(len(words))] = rng.choice(rng.choice(pool).split())
            out.append(" ".join(words))
        elif kind == 1:  # delete the sentence
            continue
        elif kind == 2:  # insert a sentence of its own
            out.append(s)
            out.append(rng.choice(pool))
        elif kind == 3:  # move it further on
            moved.append(s)
        else:  # typographic change
            out.append(s.replace("'", "\u2019").replace(" - ", " \u2014 "))
        if moved and rng.random() < 0.1:
            out.append(moved.pop(0))
    return out + moved


def write(path, doc, rng):
    with open(path, "w", encoding="utf-8") as f:
        i = 0
        while i < len(doc):
            k = rng.randrange(3, 8)
            f.write(" ".join(doc[i:i + k]) + "\n\n")
            i += k


def main(argv):
    if len(argv) < 6:
        sys.exit(__doc__)
    words, percent, seed = int(argv[1]), float(argv[2]), int(argv[3])
    rng = random.Random(seed)
    pool = sentences()
    official = document(pool, words, rng)
    if "--unrelated" in argv:
        rewrite = document(pool, words, random.Random(seed + 1))
    else:
        rewrite = edit(official, percent, rng, pool)
    write(argv[4], official, rng)
    write(argv[5], rewrite, rng)
    # --rewrites N: N - 1 more rewrites of the same official text, each
    # edited on its own seed, in OUT_REWRITE-2 ... OUT_REWRITE-N
    if "--rewrites" in argv:
        n = int(argv[argv.index("--rewrites") + 1])
        for k in range(2, n + 1):
            r = random.Random(seed * 1000 + k)
            write("%s-%d" % (argv[5], k), edit(official, percent, r, pool),
                  r)


if __name__ == "__main__":
    main(sys.argv)
