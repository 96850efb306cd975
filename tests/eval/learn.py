#!/usr/bin/env python3
"""Train the learned verdict on links (src/core/align/verdict.c).

usage: learn.py [--write | --check] [--drop FEATURES] [--lambda L] REDLINE LIST

Runs REDLINE on every pair of LIST (as score.py reads it) with its link
trace on, gives each rewrite sentence the labels' answer (a counterpart:
verbatim or paraphrase; none: addition or boilerplate; a "borderline"
note that accepts both is left out), and fits a logistic regression, L2
penalised by L on the standardised features, to the tuning set's
sentences only: the check set is never read to fit.  Prints how many of
the judged sentences the rules and the model get right, on the tuning set
left one pair out (each pair judged by a model fitted without it) and on
the check set (by the model fitted to all the tuning set), as verdict.c
uses it: overruling the rules only past 0.5 +- a margin, for several.
--write writes the fitted coefficients (in the features' own units) into
src/core/align/linkmodel.h; --check exits 1 unless that file holds them
(to 1e-4), so the model compiled in is the one the labels give.  --drop
leaves out features (comma-separated names, LM_...: their weights 0).
"""
import math
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402


def trace(redline, official, rewrite):
    """The judged segments of one pair: (start, end, linked, features)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "trace.tsv")
        env = dict(os.environ, REDLINE_LINK_TRACE=path)
        extra = os.environ.get("REDLINE_ARGS", "").split()
        proc = subprocess.run([redline, "--export=json", *extra, official,
                               rewrite], env=env, capture_output=True)
        if proc.returncode not in (0, 1):
            score.fail("redline exited %d: %s"
                       % (proc.returncode, proc.stderr[:300]))
        rows = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\n").split("\t")
                rows.append((int(c[0]), int(c[1]), c[2] == "1",
                             [float(v) for v in c[4:]]))
        return rows


def examples(redline, triples):
    """(pair, set, features, answer, rules' link) per labelled rewrite
    sentence judged by the verdict."""
    out = []
    for official, rewrite, gold, which in triples:
        segs = trace(redline, official, rewrite)
        rows = score.read_gold(gold)["rewrite"]
        data = open(rewrite, "rb").read()
        spans = score.find_spans(data, [r[2] for r in rows])
        for (kind, accepted, _, _), (s0, s1) in zip(rows, spans):
            best, most = None, 0
            for seg in segs:
                over = min(s1, seg[1]) - max(s0, seg[0])
                if over > most:
                    best, most = seg, over
            if best is None:
                continue  # an anchor or furniture: not judged
            has = bool(accepted - {"addition"})
            none = "addition" in accepted
            if has == none:
                continue  # borderline: either is right
            out.append((gold, which, best[3], 1 if has else 0, best[2]))
    return out


HEADER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                      "src", "core", "align", "linkmodel.h")


def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def solve(a, b):
    """x with a x = b (Gaussian elimination, partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for i in range(n):
        p = max(range(i, n), key=lambda k: abs(m[k][i]))
        m[i], m[p] = m[p], m[i]
        for k in range(n):
            if k != i and m[i][i] != 0:
                f = m[k][i] / m[i][i]
                for j in range(i, n + 1):
                    m[k][j] -= f * m[i][j]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def fit(xs, ys, lam, rounds=8):
    """Bias and weights, in the features' own units, of an L2-penalised
    logistic regression fitted by Newton's method on standardised
    features."""
    d = len(xs[0])
    mu = [sum(x[i] for x in xs) / len(xs) for i in range(d)]
    sd = [math.sqrt(sum((x[i] - mu[i]) ** 2 for x in xs) / len(xs)) or 1.0
          for i in range(d)]
    zs = [[1.0] + [(x[i] - mu[i]) / sd[i] for i in range(d)] for x in xs]
    w = [0.0] * (d + 1)
    for _ in range(rounds):
        g = [lam * w[i] if i else 0.0 for i in range(d + 1)]
        h = [[0.0] * (d + 1) for _ in range(d + 1)]
        for z, y in zip(zs, ys):
            p = sigmoid(sum(a * b for a, b in zip(w, z)))
            q = p * (1 - p)
            for i in range(d + 1):
                g[i] += (p - y) * z[i]
                qi = q * z[i]
                row = h[i]
                for j in range(i, d + 1):
                    row[j] += qi * z[j]
        for i in range(d + 1):
            for j in range(i):
                h[i][j] = h[j][i]
            if i:
                h[i][i] += lam
        step = solve(h, g)
        w = [a - b for a, b in zip(w, step)]
    weights = [w[i + 1] / sd[i] for i in range(d)]
    bias = w[0] - sum(weights[i] * mu[i] for i in range(d))
    return bias, weights


def prob(model, x):
    bias, weights = model
    return sigmoid(bias + sum(a * b for a, b in zip(weights, x)))


def says(p, linked, margin):
    """The verdict: the rules' decision stands unless the model's
    probability p is past 0.5 by more than margin the other way."""
    return p >= 0.5 - margin if linked else p >= 0.5 + margin


def model_text(model, names):
    """The coefficients as C, laid out as clang-format lays them."""
    bias, weights = model
    values = ["%.9g," % w for w in weights]
    width = max(len(v) for v in values)
    lines = ["static const double lm_bias = %.9g;" % bias,
             "static const double lm_weight[LM_NFEAT] = {"]
    lines += ["        %-*s /* %s */" % (width, v, n)
              for v, n in zip(values, names)]
    lines.append("};")
    return "\n".join(lines) + "\n\n#endif\n"


def read_model(path):
    """The bias and weights a header holds."""
    text = open(path, encoding="utf-8").read()
    tail = text.split("static const double lm_bias = ", 1)[1]
    bias = float(tail.split(";", 1)[0])
    body = tail.split("{", 1)[1].split("}", 1)[0]
    weights = [float(line.split(",")[0]) for line in body.split("\n")
               if line.strip()]
    return bias, weights


def write_header(path, model, names):
    text = open(path, encoding="utf-8").read()
    head, sep, _ = text.partition("static const double lm_bias")
    if not sep:
        score.fail("%s: no lm_bias to replace" % path)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(head + model_text(model, names))
    os.replace(tmp, path)


def feature_names(path):
    """The features' names, in order, from the header's enum."""
    text = open(path, encoding="utf-8").read()
    body = text.split("enum {", 1)[1].split("};", 1)[0]
    body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
    return [n for n in re.findall(r"\bLM_[A-Z_]+\b", body) if n != "LM_NFEAT"]


def main(argv):
    args = argv[1:]
    mode, lam, drop = None, 0.5, []
    while args and args[0].startswith("--"):
        if args[0] in ("--write", "--check"):
            mode = args[0]
            args = args[1:]
        elif args[0] == "--drop" and len(args) > 1:
            drop = args[1].split(",")
            args = args[2:]
        elif args[0] == "--lambda" and len(args) > 1:
            lam = float(args[1])
            args = args[2:]
        else:
            score.fail("unknown option %s" % args[0])
    if len(args) != 2:
        score.fail(__doc__.split("\n")[2])
    ex = examples(args[0], score.read_list(args[1]))
    names = feature_names(HEADER)
    for name in drop:
        if name not in names:
            score.fail("%s: no such feature (%s)" % (name, ", ".join(names)))
    for e in ex:
        for name in drop:
            e[2][names.index(name)] = 0.0
    tuning = [e for e in ex if e[1] == "tuning"]
    check = [e for e in ex if e[1] == "check"]
    margins = (0.0, 0.1, 0.2, 0.3, 0.4)
    lopo = []
    for pair in sorted({e[0] for e in tuning}):
        rest = [e for e in tuning if e[0] != pair]
        model = fit([e[2] for e in rest], [e[3] for e in rest], lam)
        lopo += [(prob(model, e[2]), e) for e in tuning if e[0] == pair]
    model = fit([e[2] for e in tuning], [e[3] for e in tuning], lam)
    held = [(prob(model, e[2]), e) for e in check]
    print("sentences judged right (has a counterpart or not), lambda %g;" % lam)
    print("the model overrules the rules past 0.5 +- margin")
    print("| margin | tuning (%d), left one pair out | check (%d) |"
          % (len(tuning), len(check)))
    print("|---|---|---|")
    print("| rules alone | %d | %d |"
          % (sum(e[4] == bool(e[3]) for e in tuning),
             sum(e[4] == bool(e[3]) for e in check)))
    for m in margins:
        print("| %.1f | %d | %d |"
              % (m, sum(says(p, e[4], m) == bool(e[3]) for p, e in lopo),
                 sum(says(p, e[4], m) == bool(e[3]) for p, e in held)))
    if mode == "--write":
        write_header(HEADER, model, names)
    elif mode == "--check":
        bias, weights = read_model(HEADER)
        if len(weights) != len(names) or any(
                abs(a - b) > 1e-4 * max(1.0, abs(b))
                for a, b in zip([bias] + weights, [model[0]] + model[1])):
            sys.stderr.write("learn.py: %s does not hold the model the labels "
                             "give; run make learn\n" % HEADER)
            return 1
        print("learn.py: the model compiled in is the one the labels give")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
