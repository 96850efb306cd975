#!/usr/bin/env python3
"""Time redline against the word-diff tools people would otherwise use.

usage: run.py [--sizes N,N,...] [--runs R] [--big-runs B] [--timeout S]
              [--dir DIR] [--baseline OLD] REDLINE

For each size (words) it generates, with bench/gen.py, an official text and
rewrites of it with 1 %, 10 % and 50 % of the sentences edited, plus an
unrelated text of the same size, and the pathological pair: two lines of
random one-letter words (issue 17: the default heuristics once took ten
times --minimal's time on it).  On every pair, in one run, it times (wall
clock, median of R runs taken in rounds over the tools, B (1) at a million
words; a tool whose first run stays under 0.25 s gets 11 runs of its own)
and measures the peak resident memory (a first run under GNU time) of:

  redline --export=wdiff --minimal     redline --export=wdiff
  redline --export=json                GNU wdiff
  dwdiff                               git diff --no-index --word-diff=porcelain
  git ... --minimal                    GNU diff -d, one word a line

With --baseline, OLD --export=json runs in the same rounds as "baseline
json" (another build of redline, to compare a change against: its ratio
to "redline json" is printed).  A run longer than the time-out is stopped
and shown as '>S'.  Then, on a
copy of each pair reduced to letters and spaces (so that every tool splits
it into the same words), it counts the edits each finds: words deleted plus
words inserted.  GNU diff -d gives the minimal count; redline --minimal
must equal it.

Prints Markdown tables: medians, ratios redline/peer (under 1: redline is
faster), peak memory, and edit counts.  Needs wdiff, dwdiff, git and GNU
diff (scripts/setup bench installs them); a tool that is missing is shown
as '-'.
"""
import argparse
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EDITS = ["1", "10", "50", "unrelated", "letters"]
FAST, FAST_RUNS = 0.25, 11


def tools(redline, pair, baseline=None):
    o, r, ow, rw = pair["o"], pair["r"], pair["ow"], pair["rw"]
    git = ["git", "diff", "--no-index", "--word-diff=porcelain"]
    old = [("baseline json", [baseline, "--export=json", o, r])] \
        if baseline else []
    return old + [
        ("redline --minimal", [redline, "--export=wdiff", "--minimal", o, r]),
        ("redline", [redline, "--export=wdiff", o, r]),
        ("redline json", [redline, "--export=json", o, r]),
        ("wdiff", ["wdiff", o, r]),
        ("dwdiff", ["dwdiff", o, r]),
        ("git", git + [o, r]),
        ("git --minimal", git[:2] + ["--minimal"] + git[2:] + [o, r]),
        ("diff -d", ["diff", "-d", ow, rw]),
    ]


def available(argv):
    return shutil.which(argv[0]) is not None or os.path.exists(argv[0])


def run_once(argv, timeout, memfile=None):
    """Wall time (s) and peak RSS (KiB) of one run, or None on time-out.
    With memfile, the peak comes from GNU time, whose small process forks
    the tool: a child forked from Python itself would count Python's pages
    too.  Without, the tool runs alone and the peak is None: GNU time's
    own start adds some 5 ms to the wall time here, a tenth of a 40 ms
    run.  The wait blocks (a timer kills the run at the time-out), so the
    time is not rounded to a polling interval."""
    killed = []

    def kill():
        killed.append(True)
        os.killpg(p.pid, signal.SIGKILL)

    wrap = ["/usr/bin/time", "-f", "%M", "-o", memfile] if memfile else []
    t0 = time.perf_counter()
    p = subprocess.Popen(wrap + argv, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    timer = threading.Timer(timeout, kill)
    timer.start()
    _, status, _ = os.wait4(p.pid, 0)
    t1 = time.perf_counter()
    timer.cancel()
    timer.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    if killed:
        return None
    if p.returncode not in (0, 1):
        sys.exit(f"run.py: {' '.join(argv)} failed (exit {p.returncode})")
    if not memfile:
        return t1 - t0, None
    with open(memfile, encoding="ascii") as f:
        return t1 - t0, int(f.read().split()[-1])


def one_word_a_line(src, dst):
    with open(src, encoding="utf-8") as f, open(dst, "w",
                                                 encoding="utf-8") as g:
        for w in f.read().split():
            g.write(w + "\n")


def letters_only(src, dst):
    with open(src, encoding="utf-8") as f, open(dst, "w",
                                                 encoding="utf-8") as g:
        g.write(re.sub(r"[^A-Za-z]+", " ", f.read()))


def random_letters(n, o, r):
    """The pathological pair: two lines of n random one-letter words each
    (many edits for the length, every word common to both sides)."""
    for path, seed in ((o, 1), (r, 2)):
        rnd = random.Random(seed)
        with open(path, "w", encoding="utf-8") as f:
            f.write(" ".join(rnd.choice("abcdefghijklmnopqrstuvwxyz")
                             for _ in range(n)) + "\n")


def make_pairs(sizes, d):
    pairs = []
    gen = os.path.join(HERE, "gen.py")
    for n in sizes:
        for e in EDITS:
            base = os.path.join(d, f"{n}-{e}")
            o, r = base + "-o.txt", base + "-r.txt"
            if e == "letters" and not (os.path.exists(o) and
                                       os.path.exists(r)):
                random_letters(n, o, r)
            elif not (os.path.exists(o) and os.path.exists(r)):
                args = [sys.executable, gen, str(n),
                        "10" if e == "unrelated" else e, "1", o, r]
                if e == "unrelated":
                    args.append("--unrelated")
                subprocess.run(args, check=True)
            p = {"n": n, "edit": e, "o": o, "r": r}
            for k in ("o", "r"):
                p[k + "w"] = p[k][:-4] + ".words"
                p[k + "l"] = p[k][:-4] + ".letters"
                one_word_a_line(p[k], p[k + "w"])
                letters_only(p[k], p[k + "l"])
                p[k + "lw"] = p[k][:-4] + ".letters.words"
                one_word_a_line(p[k + "l"], p[k + "lw"])
            pairs.append(p)
    return pairs


def count_stats_line(out):
    m = re.search(r"tokens: \d+ and \d+, (\d+) deleted, (\d+) inserted", out)
    return int(m.group(1)) + int(m.group(2)) if m else None


def count_wdiff_stats(out):
    """wdiff -s and dwdiff -s: words minus common, on each side."""
    lines = re.findall(r": (\d+) words\s+(\d+) ", out)
    if len(lines) != 2:
        return None
    return sum(int(w) - int(c) for w, c in lines)


def count_git(out):
    n = 0
    for line in out.splitlines():
        if line.startswith(("---", "+++")):
            continue
        if line[:1] in "+-":
            n += len(line[1:].split())
    return n


def edit_counts(redline, p, timeout):
    o, r = p["ol"], p["rl"]

    def out(argv):
        if not available(argv):
            return None
        try:
            r = subprocess.run(argv, capture_output=True, text=True,
                               timeout=timeout)
            return r.stdout + r.stderr  # dwdiff counts on stderr
        except subprocess.TimeoutExpired:
            return None

    def apply(f, s):
        return f(s) if s is not None else None

    res = {}
    s = out(["diff", "-d", p["olw"], p["rlw"]])
    res["diff -d"] = apply(
        lambda t: sum(1 for ln in t.splitlines() if ln[:1] in "<>"), s)
    res["redline --minimal"] = apply(
        count_stats_line, out([redline, "--stats", "--minimal", o, r]))
    res["redline"] = apply(count_stats_line, out([redline, "--stats", o, r]))
    res["wdiff"] = apply(count_wdiff_stats, out(["wdiff", "-s123", o, r]))
    res["dwdiff"] = apply(count_wdiff_stats, out(["dwdiff", "-s123", o, r]))
    res["git"] = apply(count_git, out(
        ["git", "diff", "--no-index", "--word-diff=porcelain", o, r]))
    return res


def fmt_time(t, timeout):
    if t is None:
        return f">{timeout:g}"
    return f"{t:.3f}" if t < 10 else f"{t:.1f}"


def label(p):
    edit = {"unrelated": "unrelated", "letters": "random letters"}.get(
        p["edit"], p["edit"] + " %")
    return f"{p['n']:,} words, {edit}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("redline")
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--big-runs", type=int, default=1)
    ap.add_argument("--baseline")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--dir", default="build/bench")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    redline = os.path.abspath(a.redline)
    baseline = os.path.abspath(a.baseline) if a.baseline else None
    sizes = [int(s) for s in a.sizes.split(",")]
    pairs = make_pairs(sizes, a.dir)
    names = [name for name, _ in tools(redline, pairs[0], baseline)]
    times, mems, counts = {}, {}, {}
    for p in pairs:
        runs = a.big_runs if p["n"] >= 1000000 else a.runs
        todo = [(name, argv) for name, argv in tools(redline, p, baseline)
                if available(argv)]
        got = {name: [] for name, _ in todo}
        peak = {}
        # Rounds over every tool, so that a noisy second of a shared
        # machine falls on all of them alike.  The first round runs under
        # GNU time for the peak memory.  A tool whose first run stays under
        # FAST seconds then gets FAST_RUNS runs of its own, without GNU
        # time (whose start would weigh on so short a run), and its time
        # is their median, steadier than that of three; a slower one gets
        # runs - 1 more, and its time is the median of all.
        def wanted(name, rnd):
            g = got[name]
            if g is None:
                return False
            if rnd == 0:
                return True
            if peak[name][0] < FAST:
                return rnd <= FAST_RUNS
            return rnd < runs

        for rnd in range(1 + max(runs - 1, FAST_RUNS)):
            for name, argv in todo:
                if not wanted(name, rnd):
                    continue
                r = run_once(argv, a.timeout,
                             os.path.join(a.dir, "peak.txt")
                             if rnd == 0 else None)
                if r is None:
                    got[name] = None
                elif rnd == 0:
                    peak[name] = r
                else:
                    got[name].append(r[0])
        for name, _ in todo:
            key = (label(p), name)
            if got[name] is None:
                times[key] = mems[key] = None
            else:
                t0, m = peak[name]
                ts = got[name] if t0 < FAST else [t0] + got[name]
                times[key] = statistics.median(ts)
                mems[key] = m / 1024
            print(f"  {label(p)}: {name} "
                  f"{fmt_time(times[key], a.timeout)} s", file=sys.stderr)
        counts[label(p)] = edit_counts(redline, p, a.timeout)

    rows = [label(p) for p in pairs]
    print("### Wall time, seconds (median)\n")
    print("| pair | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for r in rows:
        cells = [fmt_time(times[(r, n)], a.timeout) if (r, n) in times
                 else "-" for n in names]
        print(f"| {r} | " + " | ".join(cells) + " |")

    ratios = [("redline", "git"), ("redline", "wdiff"), ("redline", "dwdiff"),
              ("redline --minimal", "diff -d"),
              ("redline --minimal", "git --minimal"),
              ("redline json", "git"), ("redline json", "wdiff")]
    if baseline:
        ratios.append(("redline json", "baseline json"))
    print("\n### Ratios, redline / peer (under 1: redline is faster)\n")
    print("| pair | " + " | ".join(f"{x} / {y}" for x, y in ratios) + " |")
    print("|---" * (len(ratios) + 1) + "|")
    for r in rows:
        cells = []
        for x, y in ratios:
            tx, ty = times.get((r, x)), times.get((r, y))
            if (r, y) in times and ty is None and tx is not None:
                cells.append(f"<{tx / a.timeout:.2f}")
            elif tx and ty:
                cells.append(f"{tx / ty:.2f}")
            else:
                cells.append("-")
        print(f"| {r} | " + " | ".join(cells) + " |")

    print("\n### Peak memory, MiB (input: both files together)\n")
    print("| pair | input | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 2) + "|")
    for p in pairs:
        r = label(p)
        size = (os.path.getsize(p["o"]) + os.path.getsize(p["r"])) / 2**20
        cells = [f"{mems[(r, n)]:.1f}" if mems.get((r, n)) else "-"
                 for n in names]
        print(f"| {r} | {size:.1f} | " + " | ".join(cells) + " |")

    cnames = ["diff -d", "redline --minimal", "redline", "wdiff", "dwdiff",
              "git"]
    print("\n### Edit counts on letters-and-spaces copies "
          "(words deleted + inserted; % over the minimal)\n")
    print("| pair | " + " | ".join(cnames) + " |")
    print("|---" * (len(cnames) + 1) + "|")
    bad = 0
    for r in rows:
        c = counts[r]
        best = c.get("diff -d")
        cells = []
        for n in cnames:
            v = c.get(n)
            if v is None:
                cells.append("-")
            elif best and n != "diff -d":
                cells.append(f"{v} (+{100 * (v - best) / best:.2f} %)")
            else:
                cells.append(str(v))
        if best is not None and c.get("redline --minimal") is not None \
                and c["redline --minimal"] != best:
            bad += 1
        print(f"| {r} | " + " | ".join(cells) + " |")
    if bad:
        print(f"\nrun.py: redline --minimal differs from diff -d on {bad} "
              "pair(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
