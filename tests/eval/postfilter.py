#!/usr/bin/env python3
"""Would a learned filter over redline's own decision do better?

usage: postfilter.py REDLINE [LIST]

An experiment for issue 27 ("consider a small learned scorer"), kept so
that its figures can be made again: for every labelled rewrite sentence
(not TRUNCATED, not borderline) of the pairs of LIST (default
tests/eval/pairs.list), it asks whether the sentence conveys an official
one (labelled verbatim or paraphrase) or not (addition, boilerplate), and
compares two answers with the labels:

- redline's: the sentence is covered by a verbatim or paraphrase block
  of `REDLINE --export=json`;
- a logistic regression's over redline's answer and features of the
  sentence that redline does not weigh the same way: the block's
  similarity (or, for an addition, its nearest sentence's), the share of
  its content words found in the official sentence that holds most of
  them and that sentence's share in it (words cut to six letters), how
  far apart the two sit in their texts, its length, whether it is a
  title line, holds a digit or a quotation mark, and two products of
  redline's answer with these.

The regression is fitted by plain gradient descent (no library), on the
tuning set pair by pair left out (the figure for the tuning set), then on
the whole tuning set and scored on the check set.  It prints the errors
of each answer; a filter worth building would make fewer on both.
"""
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402  (the scorer's export and span readers)

STOP = set("a an the of and or for to in on at by with from as is are was "
           "were be been that this it its their his her they he she we our "
           "us will would has have had not no but said says say".split())
ENDS = re.compile(r'[.!?]["\u201d\u2019)]*$')


def content(text):
    return {w[:6] for w in re.findall(r"[a-z0-9]+", text.lower())
            if w not in STOP}


def covering(blocks, span):
    best, most = None, 0
    for start, end, block in blocks:
        width = min(end, span[1]) - max(start, span[0])
        if width > most:
            best, most = block, width
    return best


def sentences(redline, official, rewrite, gold):
    """(features, label, redline's answer) of each scored rewrite row."""
    export = score.run_export(redline, official, rewrite)
    data = open(rewrite, "rb").read()
    rows = [line.rstrip("\n").split("\t")
            for line in open(gold, encoding="utf-8").readlines()[1:]]
    rew = [r for r in rows if r[0] == "rewrite"]
    offs = [content(r[4]) for r in rows if r[0] == "official"]
    spans = score.find_spans(data, [r[4] for r in rew])
    blocks = [(b["right"][0], b["right"][1], b)
              for b in export["blocks"] if b["right"]]
    out = []
    for i, (row, span) in enumerate(zip(rew, spans)):
        note = row[6] if len(row) > 6 else ""
        if "TRUNCATED" in note or "borderline" in note:
            continue
        block = covering(blocks, span)
        if not block:
            continue
        said = 1.0 if block["kind"] in ("verbatim", "paraphrase") else 0.0
        near = block.get("nearest")
        sim = block["similarity"] if said else (near["similarity"]
                                                if near else 0.0)
        mine = content(row[4])
        share, theirs, at = 0.0, 0.0, 0
        for j, o in enumerate(offs):
            s = len(mine & o) / max(1, len(mine))
            if s > share:
                share, theirs, at = s, len(mine & o) / max(1, len(o)), j
        apart = abs(i / max(1, len(rew) - 1) - at / max(1, len(offs) - 1))
        text = row[4].strip()
        feats = [1.0, said, sim, share, theirs, apart,
                 min(len(text.split()), 40) / 40,
                 0.0 if ENDS.search(text) else 1.0,
                 1.0 if re.search(r"\d", text) else 0.0,
                 1.0 if re.search("[\"\u201c]", text) else 0.0,
                 said * sim, said * share]
        label = 1 if row[2] in ("verbatim", "paraphrase") else 0
        out.append((feats, label, int(said)))
    return out


def fit(rows, rounds=300, rate=0.5, l2=1e-3):
    w = [0.0] * len(rows[0][0])
    for _ in range(rounds):
        grad = [0.0] * len(w)
        for x, y, _ in rows:
            z = max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x))))
            p = 1 / (1 + math.exp(-z))
            for k, xk in enumerate(x):
                grad[k] += (p - y) * xk
        w = [wk - rate * (g / len(rows) + l2 * wk) for wk, g in zip(w, grad)]
    return w


def says(w, x):
    return 1 if sum(a * b for a, b in zip(w, x)) > 0 else 0


def main(argv):
    if not 1 <= len(argv) <= 2:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    redline = argv[0]
    listed = argv[1] if len(argv) > 1 else "tests/eval/pairs.list"
    top = os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(listed))))
    tuning, check = {}, []
    for line in open(listed, encoding="utf-8"):
        f = line.split("#")[0].split()
        if len(f) < 3:
            continue
        paths = [os.path.join(top, p) for p in f[:3]]
        got = sentences(redline, *paths)
        if len(f) > 3 and f[3] == "check":
            check.extend(got)
        else:
            tuning[f[2]] = got
    errs_r = errs_l = n = 0
    for name, held in tuning.items():
        rest = [r for k, v in tuning.items() if k != name for r in v]
        w = fit(rest)
        for x, y, said in held:
            n += 1
            errs_r += said != y
            errs_l += says(w, x) != y
    print("tuning, each pair left out: %d sentences, redline %d errors, "
          "filter %d" % (n, errs_r, errs_l))
    w = fit([r for v in tuning.values() for r in v])
    print("check set: %d sentences, redline %d errors, filter %d"
          % (len(check), sum(s != y for _, y, s in check),
             sum(says(w, x) != y for x, y, _ in check)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
