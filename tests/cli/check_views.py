#!/usr/bin/env python3
"""Check that every view of a pair tells the same story about its passages.

usage: check_views.py [--no-viewer] REDLINE --pairs LIST
       check_views.py [--no-viewer] REDLINE OFFICIAL REWRITE...

For each pair (LIST: "OFFICIAL REWRITE [GOLD]" a line, paths from the
repository's top, # starts a comment), runs redline's JSON export and
derives from it what every view must show: the passages in display order
(a passage in several places once per place, the later ones marked
continued), each with its number and kind, the passages that are page
furniture, and the counts per kind.  Then
reads the same out of the text report, --stats, the plain export, the HTML
page and the viewer (the real binary in a detached tmux, its numbers
switched on with '#', the screen read), and prints one line per
disagreement.  With several rewrites of one official text, the overview's
per-rewrite passage counts must be each pair's.  Exit status 1 if any
view disagrees, 2 if it could not run.
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

MARK = {"=": "verbatim", "~": "paraphrase", "<": "omission", ">": "addition"}
KINDS = ("verbatim", "paraphrase", "omission", "addition")


def run(args, ok=(0, 1)):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode not in ok:
        sys.exit("check_views: %s: exit %d: %s" % (" ".join(args),
                                                   p.returncode, p.stderr))
    return p.stdout


def expected(exp):
    """(number, continued, kind) per place, in display order, from JSON."""
    seq, seen, last = [], set(), None
    for block in exp["blocks"]:
        n = block["passage"]
        if n == last:
            continue
        last = n
        seq.append((n, n in seen, exp["passages"][n - 1]["kind"]))
        seen.add(n)
    return seq


def from_report(text):
    seq = []
    for line in text.splitlines():
        m = re.match(r"^\[(\d+)\] continued$", line)
        if m:
            seq.append((int(m.group(1)), True, None))
            continue
        m = re.match(r"^\[(\d+)\] (verbatim|paraphrase|omission|addition)\b",
                     line)
        if m:
            seq.append((int(m.group(1)), False, m.group(2)))
    return seq


def counts_line(text):
    m = re.search(r"^passages: (\d+) verbatim, (\d+) paraphrase, (\d+) "
                  r"omission, (\d+) addition; (\d+) moved$", text, re.M)
    return tuple(int(x) for x in m.groups()) if m else None


def shares_line(text):
    m = re.search(r"(\d+)% kept verbatim, (\d+)% paraphrased, (\d+)% "
                  r"omitted", text)
    return tuple(int(x) for x in m.groups()) if m else None


def from_columns(lines):
    """Places read off two-column rows (plain export, viewer screen): a
    kind mark in the margin, then "[N]" or "(continued from [N])"."""
    seq = []
    for line in lines:
        if not line or line[0] not in MARK:
            continue
        rest = line[3:].lstrip("\u258c")
        m = re.match(r"\(continued from \[(\d+)\]\)", rest)
        if m:
            seq.append((int(m.group(1)), True, MARK[line[0]]))
            continue
        m = re.match(r"\[(\d+)\]", rest)
        if m:
            seq.append((int(m.group(1)), False, MARK[line[0]]))
    return seq


class Articles(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.seq, self.counts, self._count = [], {}, None
        self.furniture = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.seq.append((int(a.get("data-passage", "0")),
                             "data-continued" in a, a.get("data-kind")))
            if "data-furniture" in a:
                self.furniture.add(int(a.get("data-passage", "0")))
        if "data-count" in a:
            self._count = a["data-count"]

    def handle_data(self, data):
        if self._count and data.strip():
            self.counts[self._count] = int(data)
            self._count = None


def viewer(rl, official, rewrite, rows):
    """The places and status counts the viewer shows, read through tmux."""
    tmp = tempfile.mkdtemp(prefix="redline-views.")
    sock = os.path.join(tmp, "sock")
    tm = ["tmux", "-S", sock]
    try:
        subprocess.run(tm + ["new-session", "-d", "-x", "200", "-y",
                             str(rows), "-s", "t", rl, official, rewrite],
                       check=True, env=dict(os.environ, TERM="xterm"))
        screen = ""
        for key, want in (("", "?:help"), ("#", "passage numbers on")):
            if key:
                subprocess.run(tm + ["send-keys", "-t", "t", key], check=True)
            for _ in range(200):
                screen = subprocess.run(tm + ["capture-pane", "-p", "-t",
                                              "t"], capture_output=True,
                                        text=True).stdout
                if want in screen:
                    break
                time.sleep(0.05)
            else:
                return None, None, "viewer: %r never showed" % want
        subprocess.run(tm + ["send-keys", "-t", "t", "q"])
        lines = screen.splitlines()
        m = re.search(r"=(\d+) ~(\d+) <(\d+) >(\d+) \*(\d+)", screen)
        counts = tuple(int(x) for x in m.groups()) if m else None
        return from_columns(lines[:-2]), counts, None
    finally:
        subprocess.run(tm + ["kill-server"], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def check_pair(rl, official, rewrite, use_viewer):
    problems = []
    name = os.path.basename(rewrite)
    exp = json.loads(run([rl, "--export=json", official, rewrite]))
    want = expected(exp)
    summary = exp["summary"]
    want_counts = tuple(summary[k] for k in KINDS) + (summary["moved"],)

    def same(view, got, kinds=True):
        if not kinds:
            got = [(n, c, None) for n, c, _ in got]
            ref = [(n, c, None) for n, c, _ in want]
        else:
            ref = want
        if got != ref:
            at = next((i for i, (a, b) in enumerate(zip(got, ref))
                       if a != b), min(len(got), len(ref)))
            problems.append("%s: %s shows %d places, JSON %d; first "
                            "difference at place %d: %r against %r"
                            % (name, view, len(got), len(ref), at + 1,
                               got[at] if at < len(got) else None,
                               ref[at] if at < len(ref) else None))

    report = run([rl, "--export=text", official, rewrite])
    got = from_report(report)
    kinds = [(n, c, k) for n, c, k in got if not c]
    same("report", [(n, c, k if not c else want_kind(exp, n))
                    for n, c, k in got])
    if counts_line(report) != want_counts:
        problems.append("%s: report counts %r, JSON %r"
                        % (name, counts_line(report), want_counts))
    stats = run([rl, "--stats", official, rewrite])
    if counts_line(stats) != want_counts:
        problems.append("%s: --stats counts %r, JSON %r"
                        % (name, counts_line(stats), want_counts))
    if shares_line(stats) != shares_line(report):
        problems.append("%s: --stats shares %r, report %r"
                        % (name, shares_line(stats), shares_line(report)))
    plain = run([rl, "--export=plain", "-W", "200", official, rewrite])
    same("plain", from_columns(plain.splitlines()))
    page = Articles()
    page.feed(run([rl, "--export=html", official, rewrite]))
    same("html", page.seq)
    # the passages flagged page furniture, alike in JSON, report and page
    furn = {p["number"] for p in exp["passages"] if p.get("furniture")}
    in_report = {int(m.group(1)) for m in re.finditer(
        r"^\[(\d+)\] \w+(?:, [\w ]+?)*, page furniture\b", report, re.M)}
    for view, got_furn in (("report", in_report), ("html", page.furniture)):
        if got_furn != furn:
            problems.append("%s: %s flags page furniture on %r, JSON on %r"
                            % (name, view, sorted(got_furn), sorted(furn)))
    got_counts = tuple(page.counts.get(k) for k in KINDS + ("moved",))
    if got_counts != want_counts:
        problems.append("%s: html counts %r, JSON %r"
                        % (name, got_counts, want_counts))
    if kinds and len(kinds) != len(exp["passages"]):
        problems.append("%s: the report heads %d passages, JSON has %d"
                        % (name, len(kinds), len(exp["passages"])))
    if use_viewer:
        rows = len(plain.splitlines()) + 4
        seq, counts, err = viewer(rl, official, rewrite, rows)
        if err:
            problems.append("%s: %s" % (name, err))
        else:
            same("viewer", seq)
            if counts != want_counts:
                problems.append("%s: viewer counts %r, JSON %r"
                                % (name, counts, want_counts))
    return problems


def want_kind(exp, n):
    return exp["passages"][n - 1]["kind"]


def check_overview(rl, official, rewrites):
    problems = []
    ov = json.loads(run([rl, "--export=json", official] + rewrites))
    for j, rewrite in enumerate(rewrites):
        pair = json.loads(run([rl, "--export=json", official, rewrite]))
        kinds_only = {k: v for k, v in pair["summary"].items()
                      if k != "findings"}
        if ov["rewrites"][j]["passages"] != kinds_only:
            problems.append("overview: %s passages %r, the pair's %r"
                            % (rewrite, ov["rewrites"][j]["passages"],
                               kinds_only))
        if ov["rewrites"][j]["findings"] != pair["summary"]["findings"]:
            problems.append("overview: %s findings %r, the pair's %r"
                            % (rewrite, ov["rewrites"][j]["findings"],
                               pair["summary"]["findings"]))
    return problems


def main(argv):
    args = argv[1:]
    use_viewer = True
    if args[:1] == ["--no-viewer"]:
        use_viewer = False
        args = args[1:]
    if use_viewer and not shutil.which("tmux"):
        print("views: tmux not installed; the viewer is not read")
        use_viewer = False
    if len(args) < 3:
        sys.stderr.write(__doc__)
        return 2
    rl = os.path.abspath(args[0])
    pairs = []
    if args[1] == "--pairs":
        top = os.path.dirname(os.path.dirname(os.path.dirname(
            os.path.abspath(args[2]))))
        with open(args[2], encoding="utf-8") as f:
            for line in f:
                words = line.split("#")[0].split()
                if len(words) >= 2:
                    pairs.append((os.path.join(top, words[0]),
                                  os.path.join(top, words[1])))
    else:
        pairs = [(args[1], r) for r in args[2:]]
    problems = []
    by_official = {}
    for official, rewrite in pairs:
        problems += check_pair(rl, official, rewrite, use_viewer)
        by_official.setdefault(official, []).append(rewrite)
    for official, rewrites in by_official.items():
        if len(rewrites) > 1:
            problems += check_overview(rl, official, rewrites)
    for p in problems:
        print("FAIL: " + p)
    print("views: %d pairs, %d problems" % (len(pairs), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
