#!/usr/bin/env python3
"""Score redline's JSON export against hand labels of sentences.

$REDLINE_ARGS, if set, adds options to every redline run (for tuning).

usage: score.py [--quiet] [--show-check] [--check TARGETS] REDLINE OFFICIAL REWRITE GOLD [REWRITE GOLD]...
       score.py [--quiet] [--show-check] [--check TARGETS] REDLINE --pairs LIST

LIST names one pair a line, "OFFICIAL REWRITE GOLD [check]" (paths relative
to the list's folder's parent's parent, the repository; # starts a
comment); "check" puts the pair in the check set, which no rule is studied
on: its figures are pooled apart from the tuning set's, and its misses are
not printed unless --show-check asks.
For each REWRITE with its GOLD file (tab-separated: side, idx, label,
counterpart, text, moved, note), run `REDLINE --export=json OFFICIAL
REWRITE`, find every labelled sentence in its file (in order, white space
runs folded to one space), and give it the kind of the blocks that cover
most of its non-space bytes on its side ("uncovered" if none).  Labels map
to kinds: omitted -> omission, boilerplate -> addition on the rewrite side
and unscored on the official side; a note "borderline X/Y" accepts either;
a note "TRUNCATED" is not scored.

Prints precision, recall and F1 per kind and side (with --quiet, only
the summary lines), the macro-F1 of each side
(the mean F1 of the kinds present in the labels or the output), per pair and
pooled over all pairs; and, pooled, how many of the sentences the labels
call moved the export flags moved, and how many others it flags (the
labels' moved column, yes or no; not a target).  With --check TARGETS, exits 1 unless every pair reaches
macro-F1 0.85 on both sides, or the floor TARGETS gives for that file and
side, finds the share of its labelled additions TARGETS asks for, and the
pooled figures reach the floor TARGETS gives them (lines "FILE SIDE FLOOR",
"FILE additions SHARE", "pooled SIDE FLOOR", and "tuning SIDE FLOOR" or
"check SIDE FLOOR" for one set's pooled figure; # starts a comment).
"""
import json
import os
import random
import re
import subprocess
import sys

KINDS = {"official": ("verbatim", "paraphrase", "omission"),
         "rewrite": ("verbatim", "paraphrase", "addition")}
LABEL_KIND = {"verbatim": "verbatim", "paraphrase": "paraphrase",
              "omitted": "omission", "omission": "omission",
              "addition": "addition", "boilerplate": "addition"}
SPACE = b" \t\r\n\f\v"
TARGET = 0.85
# the pooled figures' interval: how many resamples, and the fewest pairs
# worth one
DRAWS = 1000
INTERVAL_MIN = 10


def fail(message):
    sys.stderr.write("score.py: %s\n" % message)
    sys.exit(2)


def fold(data):
    """data with white space runs made one space; and each byte's origin."""
    out, origin, prev_space = bytearray(), [], False
    for pos, byte in enumerate(data):
        is_space = byte in SPACE
        if is_space and prev_space:
            continue
        out.append(32 if is_space else byte)
        origin.append(pos)
        prev_space = is_space
    return bytes(out), origin


def find_spans(data, sentences):
    folded, origin = fold(data)
    spans, start = [], 0
    for sentence in sentences:
        needle = fold(sentence.strip().encode("utf-8"))[0]
        at = folded.find(needle, start)
        if at < 0:
            at = folded.find(needle)
        if at < 0 or not needle:
            fail("labelled sentence not in its file: %r" % sentence[:60])
        spans.append((origin[at], origin[at + len(needle) - 1] + 1))
        start = at + len(needle)
    return spans


def kind_at(span, data, covers):
    weight = {}
    for start, end, kind in covers:
        lo, hi = max(start, span[0]), min(end, span[1])
        if lo < hi:
            solid = sum(1 for b in data[lo:hi] if b not in SPACE)
            weight[kind] = weight.get(kind, 0) + solid
    if not weight:
        return "uncovered"
    return max(sorted(weight), key=lambda k: weight[k])


def read_gold(path):
    rows = {"official": [], "rewrite": []}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if number == 1 and cols[0] == "side":
                continue
            if len(cols) < 5 or cols[0] not in rows or cols[2] not in LABEL_KIND:
                fail("%s:%d: not a label row" % (path, number))
            note = cols[6] if len(cols) > 6 else ""
            if "TRUNCATED" in note:
                continue
            if cols[0] == "official" and cols[2] == "boilerplate":
                continue
            accepted = {LABEL_KIND[cols[2]]}
            loose = re.search(r"borderline (\w+)/(\w+)", note)
            if loose:
                accepted |= {LABEL_KIND.get(w, w) for w in loose.groups()}
            moved = cols[5] if len(cols) > 5 else "-"
            rows[cols[0]].append((LABEL_KIND[cols[2]], accepted, cols[4], moved))
    return rows


def run_export(redline, official, rewrite):
    extra = os.environ.get("REDLINE_ARGS", "").split()
    proc = subprocess.run([redline, "--export=json", *extra, official, rewrite],
                          capture_output=True)
    if proc.returncode not in (0, 1):
        fail("redline exited %d: %s" % (proc.returncode, proc.stderr[:300]))
    try:
        return json.loads(proc.stdout)
    except ValueError as err:
        fail("redline printed invalid JSON: %s" % err)


def score_pair(export, official, rewrite, gold):
    data = {"official": open(official, "rb").read(),
            "rewrite": open(rewrite, "rb").read()}
    covers = {"official": [], "rewrite": []}
    moves = {"official": [], "rewrite": []}
    for block in export["blocks"]:
        for side, key in (("official", "left"), ("rewrite", "right")):
            if block[key]:
                covers[side].append((block[key][0], block[key][1], block["kind"]))
                moves[side].append((block[key][0], block[key][1],
                                    "moved" if block["moved"] else "stays"))
    tallies, misses = {}, []
    for side in ("official", "rewrite"):
        rows = gold[side]
        spans = find_spans(data[side], [text for _, _, text, _ in rows])
        for (label, accepted, text, moved), span in zip(rows, spans):
            if moved in ("yes", "no"):
                flagged = kind_at(span, data[side], moves[side]) == "moved"
                t = tallies.setdefault(("moves", "moved"), [0, 0, 0])
                t[0] += flagged and moved == "yes"
                t[1] += moved == "yes"
                t[2] += flagged
            got = kind_at(span, data[side], covers[side])
            want = got if got in accepted else label
            for kind in KINDS[side]:
                t = tallies.setdefault((side, kind), [0, 0, 0])  # tp, gold, got
                t[0] += want == got == kind
                t[1] += want == kind
                t[2] += got == kind
            if want != got:
                misses.append("%s: labelled %s, got %s: %s"
                              % (side, want, got, text[:70]))
    return tallies, misses


def macro_of(tallies):
    """The macro-F1 of each side of tallies, as f1_table prints it."""
    macro = {}
    for side in ("official", "rewrite"):
        scores = []
        for kind in KINDS[side]:
            tp, gold, got = tallies.get((side, kind), [0, 0, 0])
            if not gold and not got:
                continue
            scores.append(2 * tp / (gold + got))
        macro[side] = sum(scores) / len(scores) if scores else 1.0
    return macro


def interval(per_pair, out, draws=DRAWS):
    """Print how far a pooled figure moves when the pairs are drawn again:
    the 2.5th and 97.5th percentiles of each side's pooled macro-F1 over
    draws resamples of per_pair (a list of one tally dict a pair), drawn
    with replacement with a fixed seed, so a run repeats.  The sentences
    of a pair are not independent of each other; the pairs are nearer to
    it, so they are what is drawn."""
    if len(per_pair) < INTERVAL_MIN:
        return
    rng = random.Random(1)
    got = {"official": [], "rewrite": []}
    for _ in range(draws):
        total = {}
        for t in rng.choices(per_pair, k=len(per_pair)):
            for key, v in t.items():
                p = total.setdefault(key, [0, 0, 0])
                for i in range(3):
                    p[i] += v[i]
        for side, value in macro_of(total).items():
            got[side].append(value)
    bounds = {}
    for side, values in got.items():
        values.sort()
        bounds[side] = (values[int(0.025 * draws)],
                        values[int(0.975 * draws) - 1])
    out.write("95%% interval, the pairs drawn again %d times: "
              "official %.3f-%.3f rewrite %.3f-%.3f\n"
              % ((draws,) + bounds["official"] + bounds["rewrite"]))


def f1_table(tallies, out, title, table=True):
    macro = {}
    out.write("%s\n" % title)
    if table:
        out.write("%-9s %-10s %6s %6s %6s %5s %5s\n"
                  % ("side", "kind", "P", "R", "F1", "gold", "got"))
    for side in ("official", "rewrite"):
        scores = []
        for kind in KINDS[side]:
            tp, gold, got = tallies.get((side, kind), [0, 0, 0])
            p = tp / got if got else (1.0 if not gold else 0.0)
            r = tp / gold if gold else (1.0 if not got else 0.0)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            if gold or got:
                scores.append(f1)
            if table:
                out.write("%-9s %-10s %6.3f %6.3f %6.3f %5d %5d\n"
                          % (side, kind, p, r, f1, gold, got))
        macro[side] = sum(scores) / len(scores) if scores else 1.0
    out.write("macro-F1 official=%.3f rewrite=%.3f\n"
              % (macro["official"], macro["rewrite"]))
    return macro


def read_targets(path):
    floors, additions = {}, {}
    for line in open(path, encoding="utf-8"):
        words = line.split("#")[0].split()
        if not words:
            continue
        if len(words) != 3:
            fail("%s: bad line: %s" % (path, line.strip()))
        if words[1] == "additions":
            additions[words[0]] = float(words[2])
        else:
            floors[(words[0], words[1])] = float(words[2])
    return floors, additions


def read_list(path):
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(path))))
    triples = []
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        words = line.split("#")[0].split()
        if not words:
            continue
        if len(words) not in (3, 4) or words[3:] not in ([], ["check"]):
            fail("%s:%d: want OFFICIAL REWRITE GOLD [check]" % (path, number))
        triples.append(tuple(os.path.join(top, w) for w in words[:3]) +
                       ("check" if words[3:] else "tuning",))
    return triples


def main(argv):
    args = list(argv[1:])
    quiet = "--quiet" in args
    if quiet:
        args.remove("--quiet")
    show_check = "--show-check" in args
    if show_check:
        args.remove("--show-check")
    targets = None
    if "--check" in args:
        at = args.index("--check")
        if at + 1 >= len(args):
            fail("--check needs a targets file")
        targets = args[at + 1]
        del args[at:at + 2]
    if len(args) == 3 and args[1] == "--pairs":
        triples = read_list(args[2])
    elif len(args) >= 4 and not len(args) % 2:
        triples = [(args[1], r, g, "tuning")
                   for r, g in zip(args[2::2], args[3::2])]
    else:
        fail(__doc__)
    redline = args[0]
    floors, additions = read_targets(targets) if targets else ({}, {})
    pooled, by_set, ok = {}, {}, True
    per_pair = {"tuning": [], "check": []}
    for official, rewrite, gold_path, which in triples:
        export = run_export(redline, official, rewrite)
        tallies, misses = score_pair(export, official, rewrite,
                                     read_gold(gold_path))
        macro = f1_table(tallies, sys.stdout, "\n== %s" % os.path.basename(rewrite),
                         not quiet)
        if not quiet and (which != "check" or show_check):
            for miss in misses:
                print("  " + miss)
        elif not quiet and misses:
            print("  (%d misses not shown: a check-set pair; --show-check "
                  "shows them)" % len(misses))
        per_pair[which].append(tallies)
        for key, t in tallies.items():
            for into in (pooled, by_set.setdefault(which, {})):
                p = into.setdefault(key, [0, 0, 0])
                for i in range(3):
                    p[i] += t[i]
        name = os.path.basename(rewrite)
        for side in ("official", "rewrite"):
            floor = floors.get((name, side), TARGET)
            if macro[side] < floor:
                print("BELOW TARGET: %s macro-F1 %.3f under %.2f"
                      % (side, macro[side], floor))
                ok = False
        if name in additions:
            tp, gold, _ = tallies.get(("rewrite", "addition"), [0, 0, 0])
            if gold and tp < additions[name] * gold:
                print("MISSED ADDITIONS: %d of %d found" % (tp, gold))
                ok = False
    set_macro = {}
    if len(by_set) > 1:
        for which in ("tuning", "check"):
            n = sum(1 for t in triples if t[3] == which)
            set_macro[which] = f1_table(
                by_set[which], sys.stdout,
                "\n== pooled over the %d pairs of the %s set" % (n, which),
                not quiet)
            interval(per_pair[which], sys.stdout)
    macro = f1_table(pooled, sys.stdout, "\n== pooled over %d pairs" % len(triples),
                     not quiet)
    interval(per_pair["tuning"] + per_pair["check"], sys.stdout)
    tp, gold, got = pooled.get(("moves", "moved"), [0, 0, 0])
    print("moves (not a target): %d of %d labelled moves found, %d flagged "
          "where the labels say none" % (tp, gold, got - tp))
    for side in ("official", "rewrite"):
        for which, figures in [("pooled", macro)] + sorted(set_macro.items()):
            floor = floors.get((which, side))
            if floor is not None and figures[side] < floor:
                print("%s BELOW FLOOR: %s macro-F1 %.3f under %.2f"
                      % (which.upper(), side, figures[side], floor))
                ok = False
    if targets:
        print("eval: %s" % ("all targets met" if ok else "TARGETS MISSED"))
    return 1 if targets and not ok else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
