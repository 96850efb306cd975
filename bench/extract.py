#!/usr/bin/env python3
"""bench/extract.py - how closely redline finds the article of a web page.

For each directory of PAGES holding source.html and expected.html (the
layout of Readability's test pages: the page as saved, and the article
Firefox's Reader View takes out of it), the text redline reads from
source.html (the "text" of the JSON export's rewrite side, compared with
an empty official text) is scored against the text of expected.html as
bags of words: precision (the share of redline's words that the article
has), recall (the share of the article's words redline kept) and F1, per
page, pooled over all pages, and as the mean of the pages' F1.

Words are runs of letters and digits, case folded, read the same way from
both sides; a Chinese or Japanese character is a word by itself.  The text of expected.html is read with Python's own HTML
parser, not redline's, so the scorer does not share redline's faults.

    python3 bench/extract.py ./redline /path/to/readability-pages [-v]
    make bench-extract PAGES=/path/to/readability-pages

A report, not a test: it exits 0 whatever the figures.
"""
import collections
import html.parser
import json
import os
import re
import subprocess
import sys

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = re.compile(r"[%s]|[^\W%s]+" % (CJK, CJK))
SKIP = {"script", "style", "template", "noscript", "head", "title"}
BLOCK = {"p", "div", "br", "li", "td", "th", "tr", "h1", "h2", "h3", "h4",
         "h5", "h6", "section", "article", "blockquote", "pre", "ul", "ol",
         "dd", "dt", "figcaption", "figure", "table", "hr", "header",
         "footer", "main", "aside", "nav"}


class Text(html.parser.HTMLParser):
    """The visible text of an HTML document, blocks apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def words(text):
    return collections.Counter(w.casefold() for w in WORD.findall(text))


def expected_words(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        p = Text()
        p.feed(f.read())
        p.close()
    return words("".join(p.out))


def redline_words(prog, path, extra):
    r = subprocess.run([prog, "--export=json", *extra, "/dev/null", path],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if r.returncode not in (0, 1):
        return None
    return words(json.loads(r.stdout)["right"].get("text", ""))


def prf(common, got, want):
    p = common / got if got else 0.0
    r = common / want if want else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    extra = ["--keep-chrome"] if "--keep-chrome" in sys.argv else []
    if len(args) != 2:
        sys.exit("usage: extract.py PROG PAGES [-v] [--keep-chrome]")
    prog, pages = args
    names = sorted(d for d in os.listdir(pages)
                   if os.path.isfile(os.path.join(pages, d, "source.html"))
                   and os.path.isfile(os.path.join(pages, d, "expected.html")))
    if not names:
        sys.exit(f"extract.py: no page directories in {pages}")
    tc = tg = tw = 0
    f1s = []
    failed = []
    print(f"{'page':<44} {'P':>6} {'R':>6} {'F1':>6}")
    for name in names:
        d = os.path.join(pages, name)
        want = expected_words(os.path.join(d, "expected.html"))
        got = redline_words(prog, os.path.join(d, "source.html"), extra)
        if got is None:
            failed.append(name)
            got = collections.Counter()
        common = sum((got & want).values())
        g, w = sum(got.values()), sum(want.values())
        p, r, f = prf(common, g, w)
        tc, tg, tw = tc + common, tg + g, tw + w
        f1s.append(f)
        if verbose or f < 0.9:
            print(f"{name[:44]:<44} {p:6.3f} {r:6.3f} {f:6.3f}")
    p, r, f = prf(tc, tg, tw)
    print(f"{len(names)} pages, {len(failed)} unread"
          + (f" ({', '.join(failed)})" if failed else ""))
    print(f"pooled: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"mean F1 {sum(f1s) / len(f1s):.3f}; pages under 0.9: "
          f"{sum(1 for x in f1s if x < 0.9)}")


if __name__ == "__main__":
    main()
