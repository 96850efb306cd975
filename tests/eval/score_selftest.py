#!/usr/bin/env python3
"""Check the sentence scorer's arithmetic (score.py) without redline.

usage: score_selftest.py

1. macro_of gives the macro-F1 that f1_table prints, on tallies with
   every kind of corner (a kind only labelled, only output, neither);
2. the interval of pairs that are all alike is that one figure;
3. the interval of unlike pairs holds the pooled figure, repeats from run
   to run, and narrows when there are four times as many pairs;
4. fewer pairs than INTERVAL_MIN print no interval.
Exits 0 when all hold.
"""
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score  # noqa: E402

FAILED = []


def expect(what, ok):
    if not ok:
        FAILED.append(what)
        print("FAIL: " + what)


def pair(vt, vg, vo, pt, pg, po, ot, og, oo, at, ag, ao):
    """Tallies of one pair: official verbatim, paraphrase and omission
    (tp, gold, got) from the first nine, rewrite additions the last
    three."""
    return {("official", "verbatim"): [vt, vg, vo],
            ("official", "paraphrase"): [pt, pg, po],
            ("official", "omission"): [ot, og, oo],
            ("rewrite", "addition"): [at, ag, ao],
            ("moves", "moved"): [1, 2, 3]}


def printed(tallies):
    line = io.StringIO()
    score.f1_table(tallies, line, "t", table=False)
    words = line.getvalue().split()
    return {w.split("=")[0]: float(w.split("=")[1]) for w in words if "=" in w}


def bounds(text):
    """The four numbers of an interval line."""
    nums = [w for w in text.replace("-", " ").split() if "." in w]
    return [float(n) for n in nums]


def main():
    cases = [pair(3, 4, 5, 0, 2, 1, 6, 6, 7, 2, 3, 2),
             pair(0, 0, 2, 1, 1, 1, 0, 3, 0, 0, 0, 0),
             pair(5, 5, 5, 2, 3, 4, 1, 2, 1, 4, 4, 4)]
    for i, t in enumerate(cases):
        want = printed(t)
        got = score.macro_of(t)
        for side in ("official", "rewrite"):
            expect("case %d %s: macro_of %.3f, f1_table %.3f"
                   % (i, side, got[side], want[side]),
                   abs(got[side] - want[side]) < 0.0005)

    same = [pair(3, 4, 5, 0, 2, 1, 6, 6, 7, 2, 3, 2)] * 12
    out = io.StringIO()
    score.interval(same, out, draws=200)
    b = bounds(out.getvalue())
    one = score.macro_of(same[0])
    expect("alike pairs: one interval line, got %r" % out.getvalue(),
           out.getvalue().startswith("95% interval") and len(b) == 4)
    if len(b) == 4:
        expect("alike pairs: interval %r is the figure %r" % (b, one),
               abs(b[0] - one["official"]) < 0.0005 and
               abs(b[1] - one["official"]) < 0.0005 and
               abs(b[2] - one["rewrite"]) < 0.0005 and
               abs(b[3] - one["rewrite"]) < 0.0005)

    mixed = [cases[i % 3] for i in range(15)]
    total = {}
    for t in mixed:
        for k, v in t.items():
            p = total.setdefault(k, [0, 0, 0])
            for i in range(3):
                p[i] += v[i]
    pooled = score.macro_of(total)
    first, again = io.StringIO(), io.StringIO()
    score.interval(mixed, first, draws=300)
    score.interval(mixed, again, draws=300)
    b = bounds(first.getvalue())
    expect("mixed pairs: the same interval twice",
           first.getvalue() == again.getvalue())
    wide = io.StringIO()
    score.interval(mixed * 4, wide, draws=300)
    w = bounds(wide.getvalue())
    if len(b) == 4 and len(w) == 4:
        for j, side in ((0, "official"), (2, "rewrite")):
            expect("mixed pairs: %s interval %.3f-%.3f holds pooled %.3f"
                   % (side, b[j], b[j + 1], pooled[side]),
                   b[j] - 0.0005 <= pooled[side] <= b[j + 1] + 0.0005)
            expect("mixed pairs: %s interval has width" % side,
                   0 <= b[j] < b[j + 1] <= 1)
            expect("four times the pairs: %s interval %.3f-%.3f narrower "
                   "than %.3f-%.3f" % (side, w[j], w[j + 1], b[j], b[j + 1]),
                   w[j + 1] - w[j] < b[j + 1] - b[j])
    else:
        expect("mixed pairs: interval lines", False)

    few = io.StringIO()
    score.interval(mixed[:score.INTERVAL_MIN - 1], few, draws=50)
    expect("too few pairs: no interval", few.getvalue() == "")

    if FAILED:
        print("score selftest: %d checks failed" % len(FAILED))
        return 1
    print("score selftest: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
