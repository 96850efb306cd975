#!/usr/bin/env python3
"""What a reader checks of the classification, on the sample pairs.

usage: classify_checks.py REDLINE SAMPLES_DIR

Ends with "N passed, N failed"; exit status 1 on any failure.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + what)


def export(redline, official, rewrite, *opts):
    run = subprocess.run([redline, "--export=json", *opts, official, rewrite],
                         capture_output=True)
    if run.returncode not in (0, 1):
        sys.exit("redline failed: %s" % run.stderr.decode(errors="replace"))
    return json.loads(run.stdout)


def block_at(exp, side, offset):
    for b in exp["blocks"]:
        span = b[side]
        if span and span[0] <= offset < span[1]:
            return b
    return None


def words(data):
    return len(re.findall(rb"\w+", data))


def main(argv):
    redline, samples = argv[1], argv[2]
    official = os.path.join(samples, "statement.txt")

    # The BRICS Post's background on the SU-22 shoot-down is an addition,
    # and its names, dates and numbers are new facts.
    brics = os.path.join(samples, "brics-post.txt")
    data = open(brics, "rb").read()
    exp = export(redline, official, brics)
    for phrase in (b"SU-22", b"Moscow condemned the shoot-down",
                   b"The Pentagon said it shot down"):
        b = block_at(exp, "right", data.find(phrase))
        check(b is not None and b["kind"] == "addition",
              "BRICS paragraph with %r is an addition" % phrase)
    facts = {data[f["span"][0]:f["span"][1]] for b in exp["blocks"]
             for f in b["facts"]}
    # a fact is a whole name: "SU-22" may stand in "Syrian SU-22"
    for fact in (b"SU-22", b"June 19", b"Raqqa", b"seven-year"):
        check(any(fact in f for f in facts),
              "BRICS new fact %r marked" % fact)
    news = {f["now"].encode() for p in exp["passages"]
            for f in p["findings"] if f["type"] == "new"}
    check(news == facts, "the new facts are the findings of type new")
    check(b"Syria" not in facts and b"Putin" not in facts,
          "names the statement has are not new facts")

    # 001 keeps nearly all of the statement verbatim, curly apostrophes
    # notwithstanding; its trailing site chrome is addition.
    desk = os.path.join(samples, "monitoring-desk.txt")
    data = open(desk, "rb").read()
    left = open(official, "rb").read()
    exp = export(redline, official, desk)
    kept = sum(words(left[b["left"][0]:b["left"][1]])
               for b in exp["blocks"] if b["left"] and b["kind"] == "verbatim")
    check(kept >= 0.9 * words(left),
          "monitoring desk keeps >= 90%% of the statement verbatim (%d of %d)"
          % (kept, words(left)))
    tail = data.find(b"Must read")
    chrome_ok = True
    for line_start in [m.start() for m in re.finditer(rb"(?m)^\S", data)]:
        if line_start >= tail:
            b = block_at(exp, "right", line_start)
            chrome_ok &= b is not None and b["kind"] == "addition"
    check(chrome_ok, "monitoring desk's trailing chrome is all addition")

    # A sentence moved to the top of a rewrite is flagged moved, and only
    # it: built from the statement by moving its last paragraph first.
    text = open(official, "rb").read()
    paras = [p for p in text.split(b"\n") if p.strip()]
    moved_first = paras[-1] + b"\n\n" + b"\n\n".join(paras[:-1]) + b"\n"
    with tempfile.NamedTemporaryFile(suffix=".txt") as tmp:
        tmp.write(moved_first)
        tmp.flush()
        exp = export(redline, official, tmp.name)
        b = block_at(exp, "right", 0)
        check(b is not None and b["moved"], "sentence moved to the top is moved")
        others = [x for x in exp["blocks"] if x["moved"] and x is not b]
        check(len(others) <= 1, "only the moved passage is flagged moved (%d others)"
              % len(others))
        check(exp["summary"]["omission"] == 0 and exp["summary"]["addition"] == 0,
              "a reordered copy has no omission or addition")

    # Thresholds are options: linking nothing makes everything omitted
    # and added.
    exp = export(redline, official, brics, "--link-min=1", "--keep-min=1")
    kinds = {b["kind"] for b in exp["blocks"]}
    check(kinds <= {"omission", "addition"} and "verbatim" not in kinds,
          "--link-min=1 links only perfect matches")

    print("classify: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
