#!/usr/bin/env python3
"""Check score.py itself with fake redlines (no redline needed).

usage: selftest.py

1. the span and text matching functions on small examples;
2. an oracle fake, whose JSON holds exactly the labelled findings: every
   figure must be 1.00 and --check must pass;
3. a fake with known faults (one value missed, one value shifted off its
   span, one negation typed as certainty, one false name on a negative
   case, one false new fact on a sample): the counts must show exactly
   these, and --check must fail on the one floor set above them;
4. a fake without any "findings" key: zero predictions, said so, no crash.
Exits 0 when all hold.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score  # noqa: E402

FAKE = r'''#!/usr/bin/env python3
import json, os, sys
sys.path.insert(0, %(here)r)
REPO = %(repo)r
mode = %(mode)r
official, rewrite = sys.argv[-2], sys.argv[-1]
text = open(rewrite, encoding="utf-8").read()
data = text.encode("utf-8")
finds = []
for c in json.load(open(%(manifest)r, encoding="utf-8")):
    if c["rewrite_text"] == text and os.path.samefile(
            official, os.path.join(REPO, c["official"])):
        for e in c["expected"]:
            finds.append({"type": e["type"], "official": e["official"],
                          "rewrite": e["rewrite"], "was": e["was"], "now": e["now"]})
        if mode == "faulty":
            if c["id"] == "value-pos-01":
                finds = []
            elif c["id"] == "value-pos-02":
                finds[0]["rewrite"] = [0, 5]; finds[0]["official"] = [0, 5]
            elif c["id"] == "negation-pos-01":
                finds[0]["type"] = "certainty"
            elif c["id"] == "name-neg-01":
                finds = [{"type": "name", "official": [92, 99], "rewrite": [92, 98],
                          "was": "Da Nang", "now": "Danang"}]
        break
else:
    import score
    pair = os.path.basename(rewrite)[:-4]
    for r in score.read_tsv("sample-new-facts.tsv", ("pair", "label", "fact", "note")):
        if r["pair"] == pair and r["label"] == "new":
            finds.append({"type": "new", "official": None, "rewrite": None,
                          "was": "", "now": r["fact"].split("|")[0].strip()})
    for r in score.read_tsv("sample-findings.tsv",
                            ("pair", "type", "expect", "rewrite", "official", "note")):
        if r["pair"] == pair and r["expect"] == "find":
            at = data.find(r["rewrite"].encode("utf-8"))
            finds.append({"type": r["type"], "official": None,
                          "rewrite": [at, at + len(r["rewrite"].encode("utf-8"))],
                          "was": "", "now": r["rewrite"]})
    if mode == "faulty" and pair == "brics-post":
        finds.append({"type": "new", "official": None, "rewrite": [0, 6],
                      "was": "", "now": "Follow"})
passage = {"number": 1, "kind": "paraphrase", "left": [], "right": []}
if mode != "absent":
    passage["findings"] = finds
print(json.dumps({"format": "redline", "version": 3, "passages": [passage]}))
sys.exit(1)
'''


def run_fake(tmp, mode, extra=()):
    manifest = os.path.join(tmp, "cases.json")
    if not os.path.exists(manifest):
        with open(manifest, "w", encoding="utf-8") as f:
            json.dump(score.make_cases.build(), f)
    path = os.path.join(tmp, "fake-" + mode)
    with open(path, "w") as f:
        f.write(FAKE % {"here": HERE, "mode": mode, "manifest": manifest,
                        "repo": score.REPO})
    os.chmod(path, 0o755)
    proc = subprocess.run([sys.executable, os.path.join(HERE, "score.py")] +
                          list(extra) + [path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True)
    return proc.returncode, proc.stdout + proc.stderr


def row(out, name):
    for line in out.splitlines():
        if line.split()[:1] == [name]:
            return line.split()
    raise AssertionError("no row %s in:\n%s" % (name, out))


def main():
    bad = []

    def check(cond, what):
        if not cond:
            bad.append(what)

    o = score.overlaps
    check(o((3, 5), (4, 9)) and not o((3, 5), (5, 9)), "overlap of spans")
    check(o((3, 5), (6, 6)) and not o((3, 5), (7, 7)), "touching a point")
    check(not o(None, (1, 2)) and not o((1, 2), None), "null spans")
    n = score.norm
    check(n("Moscow’s") == n("Moscow") == "moscow", "possessive folded")
    check(n("the Pentagon") == n("Pentagon"), "article dropped")
    check(n("López") == n("Lopez"), "accents folded")
    check(n("On June 19,") == "june 19", "preposition and comma dropped")

    with tempfile.TemporaryDirectory() as tmp:
        rc, out = run_fake(tmp, "oracle", ["--check", os.path.join(HERE, "targets")])
        check(rc == 0, "oracle passes --check (rc %d)" % rc)
        for t in ("value", "name", "negation", "certainty", "quote",
                  "attribution", "new", "all"):
            r = row(out, t)
            check(r[-2:] == ["1.00", "1.00"], "oracle %s: %s" % (t, r))
        check("precision 1.00" in out and "recall 1.00" in out,
              "oracle sample new facts")
        check("negative cases with no finding at all: 93 of 93" in out
              or "no finding at all" in out, "negatives line")

        floors = os.path.join(tmp, "floors")
        with open(floors, "w") as f:
            f.write("value recall 0.95  # 23 of 25 found: below\n"
                    "value precision 0.9  # 23 of 24: above\n")
        rc, out = run_fake(tmp, "faulty", ["--check", floors])
        v = row(out, "value")          # 2 of 25 missed; shifted one is false
        check(v[3:7] == ["25", "23", "2", "1"], "faulty value row %s" % v)
        g = row(out, "negation")
        check(g[4:7] == ["15", "1", "0"], "faulty negation row %s" % g)
        c = row(out, "certainty")
        check(c[6] == "1", "faulty certainty false %s" % c)
        m = row(out, "name")
        check(m[6] == "1", "faulty name false %s" % m)
        check("1 right, 1 false" in out or "(13 right, 1 false)" in out,
              "faulty sample new fact counted false")
        check(rc == 1 and "value recall 0.920 < 0.95" in out and
              "value precision" not in out.split("check:")[-1],
              "faulty fails --check on value recall alone")

        rc, out = run_fake(tmp, "absent")
        check(rc == 0 and "have no \"findings\" key" in out,
              "absent findings reported cleanly (rc %d)" % rc)
        check(row(out, "all")[4] == "0", "absent: nothing found")
    if bad:
        sys.stdout.write("selftest: FAILED:\n  " + "\n  ".join(bad) + "\n")
        return 1
    sys.stdout.write("selftest: score.py matches as documented\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
