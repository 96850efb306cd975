#!/usr/bin/env python3
"""How far two labellings of the same pairs agree, scored as score.py scores redline.

usage: agree.py FIRST SECOND [FIRST SECOND]...

FIRST and SECOND are two label files (tests/eval/pairs/*.tsv form) of one
pair, made apart by two people following gold/README.md.  Each sentence
both files score (score.py's rules: an official sentence labelled
boilerplate, or a note "TRUNCATED", is not scored) is tallied as score.py
tallies redline's answer, with FIRST as the labels and SECOND's label as
the answer: right when FIRST accepts it (its label, or either kind of a
"borderline X/Y" note); SECOND's own borderline notes are not read, as
redline has none.  Prints score.py's table per pair and pooled, and the
sentences they disagree on, so that the figure reads as redline's do:
the macro-F1 one careful labeller gets against another.  Sentences only
one file scores (cut as TRUNCATED, or segmented otherwise) are counted
apart.  Swap the files for the other direction.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402


def by_text(rows):
    """A side's scored sentences by their text (white space folded) and
    which copy of that text they are (a rewrite may repeat its lede)."""
    out, seen = {}, {}
    for label, accepted, text, _ in rows:
        key = " ".join(text.split())
        seen[key] = seen.get(key, 0) + 1
        out[(key, seen[key])] = (label, accepted)
    return out


def tally(first, second, tallies, misses):
    """Add one pair's sentences to tallies and its disagreements to
    misses; returns (compared, unmatched)."""
    compared = unmatched = 0
    for side in ("official", "rewrite"):
        a, b = by_text(first[side]), by_text(second[side])
        unmatched += len(set(a) ^ set(b))
        for text in sorted(a.keys() & b.keys()):
            (label, accepted), (got, _) = a[text], b[text]
            want = got if got in accepted else label
            compared += 1
            for kind in score.KINDS[side]:
                t = tallies.setdefault((side, kind), [0, 0, 0])
                t[0] += want == got == kind
                t[1] += want == kind
                t[2] += got == kind
            if want != got:
                misses.append("%s: first %s, second %s: %s"
                              % (side, want, got, text[0][:70]))
    return compared, unmatched


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        sys.stderr.write(__doc__)
        return 2
    pooled = {}
    total = [0, 0]
    for i in range(0, len(argv), 2):
        first, second = score.read_gold(argv[i]), score.read_gold(argv[i + 1])
        one, misses = {}, []
        compared, unmatched = tally(first, second, one, misses)
        tally(first, second, pooled, [])
        total[0] += compared
        total[1] += unmatched
        score.f1_table(one, sys.stdout, "== %s (%d sentences compared, %d "
                       "scored by one file only)"
                       % (os.path.basename(argv[i]), compared, unmatched))
        for m in misses:
            sys.stdout.write("  %s\n" % m)
    score.f1_table(pooled, sys.stdout, "== pooled over %d pairs (%d sentences "
                   "compared, %d scored by one file only)"
                   % (len(argv) // 2, total[0], total[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
