#!/usr/bin/env python3
"""tests/html/check_dom.py - check an HTML report as a browser built it.

usage: check_dom.py DOM.html REPORT.json [--addition TEXT]... [--absent TAG]...
                    [--text TEXT]...

DOM.html is what `chromium --dump-dom` printed for the page; REPORT.json
is redline's --export=json of the same pair.  Checks that the page has
one <article> per passage, numbered as the JSON numbers them, with the
passage's kind in data-kind (and data-moved exactly on the moved ones),
besides articles marked data-continued for the later places of a
passage shown in several, that the counts shown equal the JSON summary, that every link stays inside the page and nothing is
loaded from elsewhere (no src, no stylesheet link, no script), that each
--addition TEXT lies inside an article of data-kind "addition", that no
element named by --absent exists, and that each --text TEXT is in the
page's text.  Prints one line per failure; exit status 1 if any.
"""
import json
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.kids = []  # Node or str

    def text(self):
        return "".join(k if isinstance(k, str) else k.text()
                       for k in self.kids)

    def walk(self):
        yield self
        for k in self.kids:
            if not isinstance(k, str):
                yield from k.walk()


class Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.kids.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.kids.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.kids.append(data)


def check_pair(nodes, rep):
    """Failures of one pair's articles and counts against its JSON."""
    fails = []
    every = [n for n in nodes if n.tag == "article"]
    arts = [a for a in every if "data-continued" not in a.attrs]
    passages = rep["passages"]
    if len(arts) != len(passages):
        fails.append(f"{len(arts)} articles, {len(passages)} passages")
    for k, (a, ps) in enumerate(zip(arts, passages)):
        if a.attrs.get("data-passage") != str(ps["number"]):
            fails.append(f"article {k + 1}: data-passage "
                         f"{a.attrs.get('data-passage')}, JSON "
                         f"{ps['number']}")
        if a.attrs.get("data-kind") != ps["kind"]:
            fails.append(f"article {k + 1}: data-kind "
                         f"{a.attrs.get('data-kind')}, JSON {ps['kind']}")
        if ("data-moved" in a.attrs) != ps["moved"]:
            fails.append(f"article {k + 1}: data-moved disagrees")
    for a in every:
        if "data-continued" in a.attrs and not any(
                b.attrs.get("data-passage") == a.attrs.get("data-passage")
                for b in arts):
            fails.append(f"a continued article of no passage: "
                         f"{a.attrs.get('data-passage')}")
    # the findings: counted in the header, listed most serious first,
    # each linked to its passage's article
    order = ["negation", "quote", "attribution", "value", "name",
             "certainty", "new"]
    want_items = [(f["type"], ps["number"]) for t in order
                  for ps in passages for f in ps["findings"]
                  if f["type"] == t]
    items = [n for n in nodes if n.tag == "li" and "data-type" in n.attrs]
    got_items = []
    for li in items:
        links = [k for k in li.walk() if k.tag == "a"]
        href = links[0].attrs.get("href", "") if links else ""
        got_items.append((li.attrs["data-type"], href))
    ids = {n.attrs.get("id") for n in nodes if "id" in n.attrs}
    if [t for t, _ in got_items] != [t for t, _ in want_items]:
        fails.append(f"findings listed {[t for t, _ in got_items]}, "
                     f"JSON {[t for t, _ in want_items]}")
    for (t, href), (_, number) in zip(got_items, want_items):
        if not href.startswith("#") or href[1:] not in ids or \
                not href.endswith(str(number)):
            fails.append(f"finding {t} links to {href!r}, not to "
                         f"passage {number}")
    total = sum(rep["summary"]["findings"].values())
    got = [n.attrs.get("data-findings") for n in nodes
           if "data-findings" in n.attrs]
    if got != [str(total)]:
        fails.append(f"findings counted {got}, JSON {total}")
    for key, want in rep["summary"].items():
        if key == "findings":
            continue
        got = [n.text().strip() for n in nodes
               if n.attrs.get("data-count") == key]
        if got != [str(want)]:
            fails.append(f"count {key}: page {got}, JSON {want}")
        if key != "moved":
            n = sum(1 for a in arts if a.attrs.get("data-kind") == key)
            if n != want:
                fails.append(f"{n} {key} articles, JSON {want}")
    return fails


def main():
    args = sys.argv[1:]
    dom_path, json_path = args[0], args[1]
    want_add, absent, texts = [], [], []
    i = 2
    while i < len(args):
        {"--addition": want_add, "--absent": absent,
         "--text": texts}[args[i]].append(args[i + 1])
        i += 2
    b = Builder()
    with open(dom_path, encoding="utf-8") as f:
        b.feed(f.read())
    with open(json_path, encoding="utf-8") as f:
        rep = json.load(f)
    fails = []
    nodes = list(b.root.walk())
    arts = [n for n in nodes if n.tag == "article"]
    if rep.get("format") == "redline-overview":
        secs = [n for n in nodes if n.tag == "section"
                and "pair" in n.attrs.get("class", "")]
        if len(secs) != len(rep["pairs"]):
            fails.append(f"{len(secs)} pair sections, "
                         f"{len(rep['pairs'])} pairs")
        for j, (sec, pair) in enumerate(zip(secs, rep["pairs"])):
            fails += [f"pair {j + 1}: {m}"
                      for m in check_pair(list(sec.walk()), pair)]
        rows = [n for n in nodes if n.tag == "tr" and "data-rewrite" in n.attrs]
        if len(rows) != len(rep["rewrites"]):
            fails.append(f"{len(rows)} table rows, "
                         f"{len(rep['rewrites'])} rewrites")
        cells = [n.attrs["data-kind"] for n in nodes
                 if n.tag == "td" and "data-kind" in n.attrs]
        want = [k for c in rep["coverage"] for k in c["kinds"]]
        if cells != want:
            fails.append("the coverage grid differs from the JSON's")
    else:
        fails += check_pair(nodes, rep)
    ids = {n.attrs["id"] for n in nodes if "id" in n.attrs}
    for n in nodes:
        if n.tag in ("script", "iframe", "object", "embed", "img", "link",
                     "base", "form"):
            fails.append(f"a <{n.tag}> element in the page")
        for a, v in n.attrs.items():
            if a == "src" or a == "srcset" or a.startswith("on"):
                fails.append(f"<{n.tag} {a}=...> in the page")
            if a == "href" and not (v or "").startswith("#"):
                fails.append(f"a link out of the page: {v}")
            if a == "href" and (v or "#")[1:] not in ids:
                fails.append(f"a link to no element: {v}")
        if n.tag == "style" and ("url(" in n.text() or "@import" in n.text()):
            fails.append("the style sheet loads something")
    for t in want_add:
        hits = [a for a in arts if t in a.text()]
        if not hits:
            fails.append(f"no article holds {t!r}")
        elif any(a.attrs.get("data-kind") != "addition" for a in hits):
            fails.append(f"{t!r} is in a "
                         f"{hits[0].attrs.get('data-kind')} article")
    for tag in absent:
        if any(n.tag == tag for n in nodes):
            fails.append(f"an element <{tag}> from the input")
    whole = b.root.text()
    for t in texts:
        if t not in whole:
            fails.append(f"the page's text lacks {t!r}")
    for msg in fails:
        print(f"{dom_path}: {msg}")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
