#!/usr/bin/env python3
"""Check that the overview of several rewrites agrees with the pair exports.

usage: check_overview.py REDLINE OFFICIAL REWRITE REWRITE...

Runs `redline --export=json OFFICIAL REWRITE...` (the overview) and
`redline --export=json OFFICIAL REWRITE` for each rewrite (the pairs), and
checks, counting directly from the pair exports:
- each pair object inside the overview is the pair export itself;
- each official sentence's kind in a rewrite is the kind of the pair
  passage whose block's official span holds that sentence;
- each rewrite's sentence counts (verbatim, paraphrase, omission) are its
  column of the coverage matrix; its passage counts are the pair's
  summary; its words are the pair's rewrite words; its facts are the
  pair's facts; its findings the pair's (and the text table's column);
- `--export=summary` prints one row per rewrite with those numbers.
Prints one line per disagreement; exit status 1 if any.
"""
import json
import subprocess
import sys


def run_json(args):
    p = subprocess.run(args, capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit("check_overview: %s failed: %s" % (" ".join(args),
                                                    p.stderr.decode()))
    return json.loads(p.stdout)


def main(argv):
    if len(argv) < 5:
        sys.stderr.write(__doc__)
        return 2
    rl, official, rewrites = argv[1], argv[2], argv[3:]
    problems = []
    ov = run_json([rl, "--export=json", official] + rewrites)
    if ov.get("format") != "redline-overview" or ov.get("version") != 3:
        problems.append("format/version missing")
    if len(ov["rewrites"]) != len(rewrites) or \
            len(ov["pairs"]) != len(rewrites):
        problems.append("not one row and one pair per rewrite")
    if len(ov["coverage"]) != ov["official"]["sentences"]:
        problems.append("coverage is not one row per official sentence")
    for j, path in enumerate(rewrites):
        pair = run_json([rl, "--export=json", official, path])
        if ov["pairs"][j] != pair:
            problems.append("%s: the pair inside the overview differs from "
                            "the pair export" % path)
        row = ov["rewrites"][j]
        kinds = {"verbatim": 0, "paraphrase": 0, "omission": 0}
        for s, cov in enumerate(ov["coverage"]):
            a, b = cov["left"]
            holder = [blk for blk in pair["blocks"]
                      if blk["left"] and blk["left"][0] <= a
                      and b <= blk["left"][1]]
            if len(holder) != 1:
                problems.append("%s: sentence %d is in %d blocks" %
                                (path, s + 1, len(holder)))
                continue
            kind = pair["passages"][holder[0]["passage"] - 1]["kind"]
            if kind != cov["kinds"][j]:
                problems.append("%s: sentence %d is %s in the pair but %s in "
                                "the overview" % (path, s + 1, kind,
                                                  cov["kinds"][j]))
            kinds[cov["kinds"][j]] += 1
        for k, n in kinds.items():
            if row["sentences"][k] != n:
                problems.append("%s: %s %d, coverage column says %d" %
                                (path, k, row["sentences"][k], n))
        kinds_only = {k: v for k, v in pair["summary"].items()
                      if k != "findings"}
        if row["passages"] != kinds_only:
            problems.append("%s: passages %r, the pair's summary %r" %
                            (path, row["passages"], kinds_only))
        if row["findings"] != pair["summary"]["findings"]:
            problems.append("%s: findings %r, the pair's %r" %
                            (path, row["findings"],
                             pair["summary"]["findings"]))
        if row["words"] != pair["right"]["words"]:
            problems.append("%s: words %d, pair says %d" %
                            (path, row["words"], pair["right"]["words"]))
        adds = sum(1 for p in pair["passages"] if p["kind"] == "addition")
        if row["passages"]["addition"] != adds:
            problems.append("%s: additions %d, pair has %d" %
                            (path, row["passages"]["addition"], adds))
        facts = sum(len(blk["facts"]) for blk in pair["blocks"])
        if row["facts"] != facts:
            problems.append("%s: facts %d, pair has %d" %
                            (path, row["facts"], facts))

    text = subprocess.run([rl, "--export=summary", "--width=200", official]
                          + rewrites, capture_output=True,
                          text=True).stdout.splitlines()
    for j, row in enumerate(ov["rewrites"]):
        line = next((ln for ln in text
                     if ln.split()[:1] == [str(j + 1)]), None)
        if line is None:
            problems.append("summary: no row for rewrite %d" % (j + 1))
            continue
        nums = [w.rstrip("%w") for w in line.split()]
        want = {"words": row["words"],
                "addition_words": row["addition_words"],
                "findings": sum(row["findings"].values()),
                "additions": row["passages"]["addition"]}
        want.update(row["sentences"])
        for k, v in want.items():
            if str(v) not in nums:
                problems.append("summary row %d lacks %s %d" % (j + 1, k, v))
    for p in problems:
        print(p)
    print("overview: %d rewrites checked against their pairs, %d problems" %
          (len(rewrites), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
