#!/usr/bin/env python3
"""Score redline's findings (issue 25) against the labelled findings set.

usage: score.py [-v] [--check FLOORS] [--keep DIR] [--cases-only] REDLINE

Runs `REDLINE --export=json OFFICIAL REWRITE` on every controlled case of
make_cases.py (written to a temporary folder, or to DIR with --keep) and on
the four sample pairs (samples/statement.txt against danang-report,
monitoring-desk, brics-post and newsbharati), reads the findings of every
passage, and prints:

  - per type, on the controlled cases: cases made to give it (+) and cases
    that tempt a tool to report it but must give nothing (-), findings
    expected, found, missed, false findings, precision and recall;
  - on the sample pairs: new-fact precision and recall against
    sample-new-facts.tsv, and the changed findings labelled in
    sample-findings.tsv (found, missed, false).

Matching (README.md says more):
  - a predicted finding matches an expected one when the TYPE is the same
    and its span overlaps the expected span on the rewrite side or on the
    official side ([a, b) spans; an empty expected span, the point where
    words were inserted or deleted, is met by a span that reaches within
    one byte of it);
  - an expected finding is found when some prediction matches it; a
    prediction is false when it matches no expected finding of its type
    and no type the case allows as well (ALSO); every prediction on a
    negative case is false;
  - precision = found / (found + false), recall = found / expected;
  - a sample new fact is matched by the predicted `now` text (or the
    rewrite bytes of its span), folded (Unicode NFKC, accents dropped,
    curly quotes and dashes made plain, case folded, space runs made one,
    outer punctuation, a possessive 's and outer articles and prepositions
    dropped) equal to one of the label's alternatives ("a | b") folded the
    same way; distinct texts are counted once per pair.  Label "new": a new
    fact (counts for recall; a match is right); "either": not scored;
    "not" or no label: a match is false.

A missing `findings` key (redline before issue 25) is read as no findings
and said so; summary.findings counts that disagree with the passages'
findings are reported.  With --check FLOORS (lines "TYPE precision|recall FLOOR" and
"samples new-precision FLOOR"; # starts a comment), exits 1 when a figure
is below its floor or cannot be computed; otherwise exits 0 (2 on trouble).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_cases  # noqa: E402

REPO = make_cases.REPO
TYPES = ("value", "name", "negation", "certainty", "quote", "attribution",
         "new")
GUARDS = TYPES + ("reword",)
SAMPLE_OFFICIAL = "samples/statement.txt"
SAMPLES = ("danang-report", "monitoring-desk", "brics-post", "newsbharati")


def fail(message):
    sys.stderr.write("score.py: %s\n" % message)
    sys.exit(2)


# ------------------------------------------------------------ running
class Run:
    def __init__(self):
        self.runs = 0
        self.without_key = 0
        self.errors = []
        self.bad = []
        self.summary_off = []

    def findings(self, redline, official, rewrite, label):
        """the findings redline reports for the pair, deduplicated."""
        self.runs += 1
        try:
            proc = subprocess.run([redline, "--export=json", official, rewrite],
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as e:
            self.errors.append("%s: %s" % (label, e))
            return []
        if proc.returncode not in (0, 1):
            self.errors.append("%s: exit %d: %s" % (
                label, proc.returncode,
                proc.stderr.decode("utf-8", "replace").strip()[:200]))
            return []
        try:
            doc = json.loads(proc.stdout.decode("utf-8"))
        except ValueError as e:
            self.errors.append("%s: bad JSON: %s" % (label, e))
            return []
        return self.read(doc, label)

    def read(self, doc, label):
        have, raw = False, []
        for key in ("passages", "blocks"):     # blocks only if passages lack it
            for item in doc.get(key) or []:
                if isinstance(item, dict) and "findings" in item:
                    have = True
                    raw.extend(item.get("findings") or [])
            if have:
                break
        if not have:
            self.without_key += 1
            return []
        counts = (doc.get("summary") or {}).get("findings")
        if isinstance(counts, dict):
            listed = {}
            for f in raw:
                if isinstance(f, dict):
                    listed[f.get("type")] = listed.get(f.get("type"), 0) + 1
            if any(counts.get(t, 0) != listed.get(t, 0) for t in TYPES):
                self.summary_off.append("%s: summary %s, passages %s" % (
                    label, json.dumps(counts, sort_keys=True),
                    json.dumps(listed, sort_keys=True)))
        out, seen = [], set()
        for f in raw:
            p = self.finding(f, label)
            if p is None:
                continue
            key = (p["type"], p["official"], p["rewrite"], p["was"],
                   p["now"])
            if key not in seen:
                seen.add(key)
                out.append(p)
        return out

    def finding(self, f, label):
        def span(v):
            if v is None:
                return None
            if (isinstance(v, list) and len(v) == 2 and
                    all(isinstance(x, int) for x in v) and v[0] <= v[1]):
                return (v[0], v[1])
            raise ValueError(v)
        try:
            if not isinstance(f, dict) or f.get("type") not in TYPES:
                raise ValueError(f)
            return {"type": f["type"], "official": span(f.get("official")),
                    "rewrite": span(f.get("rewrite")),
                    "was": f.get("was") or "", "now": f.get("now") or ""}
        except (ValueError, TypeError):
            self.bad.append("%s: %s" % (label, json.dumps(f)[:160]))
            return None


# ----------------------------------------------------------- matching
def overlaps(pred, exp):
    if pred is None or exp is None:
        return False
    a, b = pred
    c, d = exp
    if c == d:
        return a - 1 <= c <= b + 1
    if a == b:
        return c - 1 <= a <= d + 1
    return a < d and c < b


def matches(p, e):
    return overlaps(p["rewrite"], e.get("rewrite")) or \
        overlaps(p["official"], e.get("official"))


def show(p):
    return "%s %s %r -> %r" % (p["type"], p.get("rewrite") or p.get("official"),
                               p.get("was", ""), p.get("now", ""))


def score_cases(cases, preds):
    """per-type tallies and the list of misses and false findings."""
    t = {g: {"pos": 0, "neg": 0, "expected": 0, "found": 0, "false": 0}
         for g in GUARDS}
    notes, clean = [], 0
    for case in cases:
        t[case["type"]][case["sign"]] += 1
        got = preds[case["id"]]
        if case["sign"] == "neg" and not got:
            clean += 1
        for e in case["expected"]:
            t[e["type"]]["expected"] += 1
            if any(p["type"] == e["type"] and matches(p, e) for p in got):
                t[e["type"]]["found"] += 1
            else:
                notes.append("%s  missed %s (%s)" % (case["id"], show(e),
                                                    case["note"]))
        for p in got:
            if any(p["type"] == e["type"] and matches(p, e)
                   for e in case["expected"]):
                continue
            if any(p["type"] in e.get("also", ()) and matches(p, e)
                   for e in case["expected"]):
                continue
            t[p["type"]]["false"] += 1
            notes.append("%s  false %s (%s)" % (case["id"], show(p),
                                               case["note"]))
    return t, notes, clean


def ratio(n, d):
    return None if d == 0 else n / d


def fmt(x):
    return "   -" if x is None else "%.2f" % x


# ------------------------------------------------------------ samples
FOLD = {0x2018: "'", 0x2019: "'", 0x201a: "'", 0x201b: "'", 0x2032: "'",
        0x201c: '"', 0x201d: '"', 0x201e: '"', 0x2010: "-", 0x2011: "-",
        0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2212: "-", 0xa0: " "}
EDGE = {"the", "a", "an", "on", "in", "at", "of", "by", "from", "to", "for",
        "and", "with"}


def norm(text):
    s = unicodedata.normalize("NFKC", text).translate(FOLD)
    s = "".join(c for c in unicodedata.normalize("NFKD", s)
                if not unicodedata.combining(c))
    s = " ".join(s.split()).casefold()
    s = s.strip(" \"'.,;:!?()[]{}")
    s = re.sub(r"'s?$", "", s).strip()
    words = s.split()
    while words and words[0] in EDGE:
        words.pop(0)
    while words and words[-1] in EDGE:
        words.pop()
    return " ".join(words)


def read_tsv(name, columns):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if cells[0] == columns[0]:
                continue                           # header
            if len(cells) < len(columns) - 1:
                fail("%s:%d: %d columns, want %d" % (name, n, len(cells),
                                                    len(columns)))
            cells += [""] * (len(columns) - len(cells))
            row = dict(zip(columns, cells))
            row["line"] = n
            rows.append(row)
    return rows


def locate(data, text, where):
    """the byte span of TEXT in DATA (it must occur exactly once)."""
    needle = text.encode("utf-8")
    at = data.find(needle)
    if at < 0 or data.find(needle, at + 1) >= 0:
        fail("%s: %r occurs %s" % (where, text,
                                   "nowhere" if at < 0 else "more than once"))
    return (at, at + len(needle))


def score_samples(redline, run, verbose):
    facts = read_tsv("sample-new-facts.tsv", ("pair", "label", "fact", "note"))
    rows = read_tsv("sample-findings.tsv",
                    ("pair", "type", "expect", "rewrite", "official", "note"))
    for r in facts:
        if r["pair"] not in SAMPLES or r["label"] not in ("new", "either", "not"):
            fail("sample-new-facts.tsv:%d: bad pair or label" % r["line"])
    for r in rows:
        if (r["pair"] not in SAMPLES or r["type"] not in TYPES or
                r["expect"] not in ("find", "either", "none")):
            fail("sample-findings.tsv:%d: bad pair, type or expect" % r["line"])
    official_path = os.path.join(REPO, SAMPLE_OFFICIAL)
    with open(official_path, "rb") as f:
        official = f.read()
    lines = []
    new_tp = new_fp = 0
    labels_total = labels_found = 0
    chg = {t: {"labelled": 0, "found": 0, "none": 0, "false_none": 0,
               "false_other": 0} for t in TYPES if t != "new"}
    for pair in SAMPLES:
        path = os.path.join(REPO, "samples", pair + ".txt")
        with open(path, "rb") as f:
            data = f.read()
        got = run.findings(redline, official_path, path, pair)
        # new facts
        labels = [r for r in facts if r["pair"] == pair]
        alts = [(r, {norm(a) for a in r["fact"].split("|")}) for r in labels]
        texts = {}
        for p in got:
            if p["type"] != "new":
                continue
            now = p["now"]
            if not now and p["rewrite"]:
                now = data[p["rewrite"][0]:p["rewrite"][1]].decode("utf-8", "replace")
            texts.setdefault(norm(now), now)
        matched = set()
        tp = fp = ign = 0
        for key, shown in sorted(texts.items()):
            hit = [r for r, a in alts if key in a]
            kinds = {r["label"] for r in hit}
            if "new" in kinds:
                tp += 1
                matched.update(id(r) for r in hit if r["label"] == "new")
                verdict = "right"
            elif "either" in kinds:
                ign += 1
                verdict = "not scored"
            else:
                fp += 1
                verdict = "false" + (" (labelled not)" if hit else "")
            if verbose:
                lines.append("  %s  new %r: %s" % (pair, shown, verdict))
        wanted = [r for r in labels if r["label"] == "new"]
        for r in wanted:
            if id(r) not in matched and verbose:
                lines.append("  %s  new fact missed: %r" % (pair, r["fact"]))
        labels_total += len(wanted)
        labels_found += sum(1 for r in wanted if id(r) in matched)
        new_tp += tp
        new_fp += fp
        lines.append("%-16s new facts: %d reported (%d right, %d false, %d not "
                     "scored), %d of %d labelled found" % (
                         pair, len(texts), tp, fp, ign,
                         sum(1 for r in wanted if id(r) in matched), len(wanted)))
        # changed findings
        spans = []
        for r in [r for r in rows if r["pair"] == pair]:
            where = "sample-findings.tsv:%d" % r["line"]
            e = {"type": r["type"], "expect": r["expect"], "note": r["note"],
                 "rewrite": locate(data, r["rewrite"], where) if r["rewrite"] else None,
                 "official": locate(official, r["official"], where) if r["official"] else None,
                 "text": r["rewrite"] or r["official"]}
            spans.append(e)
        for e in spans:
            if e["expect"] == "none":
                chg[e["type"]]["none"] += 1
            if e["expect"] == "find":
                chg[e["type"]]["labelled"] += 1
                if any(p["type"] == e["type"] and matches(p, e) for p in got):
                    chg[e["type"]]["found"] += 1
                elif verbose:
                    lines.append("  %s  missed %s: %r" % (pair, e["type"], e["text"][:70]))
        for p in got:
            if p["type"] == "new":
                continue
            hit = [e for e in spans if e["type"] == p["type"] and matches(p, e)]
            if any(e["expect"] in ("find", "either") for e in hit):
                continue
            which = "false_none" if hit else "false_other"
            chg[p["type"]][which] += 1
            if verbose:
                lines.append("  %s  false %s%s" % (
                    pair, show(p), " (labelled none)" if hit else " (unlabelled)"))
    return {"new_tp": new_tp, "new_fp": new_fp, "labels": labels_total,
            "labels_found": labels_found, "changed": chg, "lines": lines}


# --------------------------------------------------------------- main
def read_floors(path):
    floors = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].split()
            if not line:
                continue
            if len(line) != 3:
                fail("%s:%d: want TYPE MEASURE FLOOR" % (path, n))
            what, measure, floor = line
            ok = ((what in TYPES and measure in ("precision", "recall")) or
                  (what == "samples" and measure in ("new-precision", "new-recall")))
            if not ok:
                fail("%s:%d: unknown %s %s" % (path, n, what, measure))
            floors.append((what, measure, float(floor)))
    return floors


def main(argv):
    verbose, check, keep, cases_only, args = False, None, None, False, []
    it = iter(argv)
    for a in it:
        if a in ("-v", "--verbose"):
            verbose = True
        elif a == "--check":
            check = next(it, None) or fail("--check wants a file")
        elif a.startswith("--check="):
            check = a.split("=", 1)[1]
        elif a == "--keep":
            keep = next(it, None) or fail("--keep wants a folder")
        elif a == "--cases-only":
            cases_only = True
        elif a in ("-h", "--help"):
            sys.stdout.write(__doc__)
            return 0
        else:
            args.append(a)
    if len(args) != 1:
        fail("usage: score.py [-v] [--check FLOORS] [--keep DIR] "
             "[--cases-only] REDLINE")
    redline = os.path.abspath(args[0])
    if not os.access(redline, os.X_OK):
        fail("%s: not an executable" % args[0])
    floors = read_floors(check) if check else []

    cases = make_cases.build()
    tmp = None
    if keep:
        folder = keep
        os.makedirs(folder, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="redline-findings-")
        folder = tmp.name
    run = Run()
    preds = {}
    for case in cases:
        rewrite = os.path.join(folder, case["id"] + ".txt")
        with open(rewrite, "w", encoding="utf-8") as f:
            f.write(case["rewrite_text"])
        preds[case["id"]] = run.findings(
            redline, os.path.join(REPO, case["official"]), rewrite, case["id"])
    if keep:
        manifest = [{k: v for k, v in c.items() if k != "rewrite_text"}
                    for c in cases]
        with open(os.path.join(folder, "cases.json"), "w", encoding="utf-8") as f:
            json.dump({"cases": manifest, "predicted": preds}, f,
                      ensure_ascii=False, indent=1)

    t, notes, clean = score_cases(cases, preds)
    npos = sum(1 for c in cases if c["sign"] == "pos")
    out = sys.stdout.write
    out("findings on %d controlled cases (%d must find, %d must find nothing)\n\n"
        % (len(cases), npos, len(cases) - npos))
    out("%-12s %5s %5s %8s %6s %6s %6s %9s %6s\n" % (
        "type", "cases+", "cases-", "expected", "found", "missed", "false",
        "precision", "recall"))
    figures = {}
    tot = {"found": 0, "false": 0, "expected": 0}
    for g in GUARDS:
        r = t[g]
        p = ratio(r["found"], r["found"] + r["false"])
        rc = ratio(r["found"], r["expected"])
        figures[(g, "precision")], figures[(g, "recall")] = p, rc
        for k in tot:
            tot[k] += r[k]
        if g == "reword":
            out("%-12s %6d %6d %8s %6s %6s %6s %9s %6s\n" % (
                "(rewording)", r["pos"], r["neg"], "", "", "", "", "", ""))
        else:
            out("%-12s %6d %6d %8d %6d %6d %6d %9s %6s\n" % (
                g, r["pos"], r["neg"], r["expected"], r["found"],
                r["expected"] - r["found"], r["false"], fmt(p), fmt(rc)))
    out("%-12s %6d %6d %8d %6d %6d %6d %9s %6s\n" % (
        "all", npos, len(cases) - npos, tot["expected"], tot["found"],
        tot["expected"] - tot["found"], tot["false"],
        fmt(ratio(tot["found"], tot["found"] + tot["false"])),
        fmt(ratio(tot["found"], tot["expected"]))))
    out("negative cases with no finding at all: %d of %d\n"
        % (clean, len(cases) - npos))
    if verbose and notes:
        out("\n" + "\n".join(notes) + "\n")

    if not cases_only:
        s = score_samples(redline, run, verbose)
        out("\nsample pairs (samples/statement.txt against each)\n")
        out("\n".join(s["lines"]) + "\n")
        p = ratio(s["new_tp"], s["new_tp"] + s["new_fp"])
        rc = ratio(s["labels_found"], s["labels"])
        figures[("samples", "new-precision")] = p
        figures[("samples", "new-recall")] = rc
        out("new facts, four pairs: precision %s (%d right, %d false), "
            "recall %s (%d of %d labelled)\n" % (
                fmt(p).strip(), s["new_tp"], s["new_fp"], fmt(rc).strip(),
                s["labels_found"], s["labels"]))
        out("changed findings labelled in the samples (sample-findings.tsv):\n")
        for ty, r in s["changed"].items():
            if r["labelled"] or r["none"] or r["false_none"] or r["false_other"]:
                out("  %-12s found %d of %d; false: %d at the %d places "
                    "labelled none, %d elsewhere\n" % (
                        ty, r["found"], r["labelled"], r["false_none"],
                        r["none"], r["false_other"]))

    if run.without_key:
        out("\nnote: %d of %d JSON exports have no \"findings\" key (redline "
            "before issue 25?): read as no findings\n"
            % (run.without_key, run.runs))
    if run.bad:
        out("\nnote: %d malformed findings ignored, e.g. %s\n"
            % (len(run.bad), run.bad[0]))
    if run.summary_off:
        out("\nnote: in %d exports summary.findings disagrees with the "
            "passages' findings, e.g. %s\n" % (len(run.summary_off),
                                                run.summary_off[0]))
    if run.errors:
        out("\nerrors (%d runs gave nothing):\n  %s\n"
            % (len(run.errors), "\n  ".join(run.errors[:10])))
    if tmp:
        tmp.cleanup()

    if floors:
        short = []
        for what, measure, floor in floors:
            v = figures.get((what, measure))
            if v is None or v < floor:
                short.append("%s %s %s < %.2f" % (what, measure,
                                                  "n/a" if v is None else "%.3f" % v,
                                                  floor))
        if run.errors:
            short.append("%d runs failed" % len(run.errors))
        if short:
            out("\ncheck: below the floors of %s:\n  %s\n"
                % (check, "\n  ".join(short)))
            return 1
        out("\ncheck: every floor of %s reached\n" % check)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
