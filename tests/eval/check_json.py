#!/usr/bin/env python3
"""Check that a redline JSON export keeps its promises.

usage: check_json.py EXPORT.json OFFICIAL REWRITE

- it parses, with format "redline" and version 3;
- every span is [start, end) with 0 <= start < end <= the file's size, and
  a block's left and right spans cut text that begins and ends with a
  non-space byte;
- every byte of each input that is not white space (Unicode's, with the
  invisible format characters) lies in exactly one block on its side;
- a block's "hidden" is true exactly when its text holds a hidden
  character (bidi embedding, override or isolate, tag character);
- ops and facts spans are in bounds, and facts lie inside the block's own
  rewrite span;
- passages are numbered 1, 2, ... in order; every block names one passage,
  which lists it, and every passage lists only blocks that name it; a
  passage's left and right spans are exactly its blocks' spans on that
  side, in text order; a passage of one block has that block's kind,
  similarity and moved, hidden and furniture flags; a passage of several
  is moved when one of its blocks is, hidden when one is, never page
  furniture, verbatim when every block of it with official text is, else
  a paraphrase;
- a block's "furniture" is a boolean, true only on an omission or an
  addition;
- the summary counts equal the counts of passages of each kind (and
  moved).
Prints one line per broken promise; exit status 1 if any.
"""
import json
import sys
import unicodedata


def hidden(ch):
    """A hidden character: a bidi mark, embedding, override or isolate, a
    zero-width space or joiner that does not shape letters, or a tag
    character (as docs/input.md lists them).  redline never treats these as
    white space: they belong to a block like any text."""
    cp = ord(ch)
    return (cp in (0x061C, 0x200B, 0x200E, 0x200F, 0xFEFF) or
            0x202A <= cp <= 0x202E or 0x2060 <= cp <= 0x2064 or
            0x2066 <= cp <= 0x2069 or 0xE0000 <= cp <= 0xE007F)


def blank_mask(data):
    """Per byte: True where the character is white space or an invisible
    format character (byte order mark, zero-width space, soft hyphen
    between words is inside a word and never at a block's edge), but not
    a hidden one."""
    mask = []
    for ch in data.decode("utf-8", errors="surrogateescape"):
        size = len(ch.encode("utf-8", errors="surrogateescape"))
        blank = ch.isspace() or (unicodedata.category(ch) == "Cf" and
                                 not hidden(ch))
        mask.extend([blank] * size)
    return mask


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    problems = []
    try:
        export = json.load(open(argv[1], encoding="utf-8"))
    except ValueError as err:
        print("not valid JSON: %s" % err)
        return 1
    data = {"left": open(argv[2], "rb").read(),
            "right": open(argv[3], "rb").read()}
    # a web page's spans index the text read from it, which the export holds
    for side in ("left", "right"):
        if export[side].get("input") == "html":
            data[side] = export[side]["text"].encode("utf-8")
    if export.get("format") != "redline" or export.get("version") != 3:
        problems.append("format/version missing")
    for side in ("left", "right"):
        if export[side]["bytes"] != len(data[side]):
            problems.append("%s.bytes is not the file's size" % side)

    def span_ok(span, side, what):
        if span is None:
            return False
        start, end = span
        if not (0 <= start < end <= len(data[side])):
            problems.append("%s: span %r out of bounds" % (what, span))
            return False
        return True

    blank = {side: blank_mask(data[side]) for side in data}
    owner = {side: [None] * len(data[side]) for side in data}
    counts = {"verbatim": 0, "paraphrase": 0, "omission": 0, "addition": 0}
    moved = 0
    passages = export.get("passages")
    if not isinstance(passages, list):
        problems.append("no passages array")
        passages = []
    blocks = export["blocks"]
    for i, passage in enumerate(passages):
        counts[passage["kind"]] += 1
        moved += bool(passage["moved"])
        if passage.get("number") != i + 1:
            problems.append("passage %d numbered %r" % (i + 1,
                                                         passage.get("number")))
        members = passage.get("blocks") or []
        if not members:
            problems.append("passage %d has no blocks" % (i + 1))
        for b in members:
            if not 0 <= b < len(blocks) or blocks[b].get("passage") != i + 1:
                problems.append("passage %d lists block %r, which names "
                                "another" % (i + 1, b))
        mine = [blocks[b] for b in members if 0 <= b < len(blocks)]
        for side in ("left", "right"):
            want = sorted(b[side] for b in mine if b[side] is not None)
            if passage.get(side) != want:
                problems.append("passage %d %s spans %r, its blocks %r"
                                % (i + 1, side, passage.get(side), want))
        if len(mine) == 1:
            for key in ("kind", "similarity", "moved", "hidden",
                        "furniture"):
                if passage.get(key) != mine[0].get(key):
                    problems.append("passage %d %s %r, its one block %r"
                                    % (i + 1, key, passage.get(key),
                                       mine[0].get(key)))
        elif mine:
            for key in ("moved", "hidden"):
                if passage.get(key) != any(b.get(key) for b in mine):
                    problems.append("passage %d %s %r" % (i + 1, key,
                                                          passage.get(key)))
            if passage.get("furniture") is not False:
                problems.append("passage %d of several blocks is page "
                                "furniture" % (i + 1))
            verb = all(b["kind"] == "verbatim" for b in mine
                       if b["left"] is not None) and \
                any(b["left"] is not None for b in mine)
            want = "verbatim" if verb else "paraphrase"
            if passage["kind"] != want:
                problems.append("passage %d is %s, its official blocks "
                                "make it %s" % (i + 1, passage["kind"], want))
    for n, block in enumerate(blocks):
        p = block.get("passage")
        if not isinstance(p, int) or not 1 <= p <= len(passages) or \
                n not in passages[p - 1].get("blocks", []):
            problems.append("block %d names passage %r, which does not "
                            "list it" % (n, p))
        spans = [block[side] for side in ("left", "right")]
        holds = any(span is not None and
                    any(hidden(ch) for ch in data[side][span[0]:span[1]]
                        .decode("utf-8", errors="replace"))
                    for side, span in zip(("left", "right"), spans))
        if block.get("hidden") is not holds:
            problems.append("block %d: hidden is %r, its text says %r"
                            % (n, block.get("hidden"), holds))
        if block["left"] is None and block["right"] is None:
            problems.append("block %d has no side" % n)
        if not isinstance(block.get("furniture"), bool) or (
                block["furniture"] and
                block["kind"] not in ("omission", "addition")):
            problems.append("block %d: furniture %r on a %s" %
                            (n, block.get("furniture"), block["kind"]))
        for side in ("left", "right"):
            span = block[side]
            if not span_ok(span, side, "block %d %s" % (n, side)):
                continue
            if blank[side][span[0]] or blank[side][span[1] - 1]:
                problems.append("block %d %s span has white space at an edge"
                                % (n, side))
            for i in range(span[0], span[1]):
                if blank[side][i]:
                    continue
                if owner[side][i] is not None:
                    problems.append("%s byte %d in blocks %d and %d"
                                    % (side, i, owner[side][i], n))
                    break
                owner[side][i] = n
        for op in block["ops"]:
            for side in ("left", "right"):
                if op[side] is not None:
                    span_ok(op[side], side, "block %d op" % n)
        for fact in block["facts"]:
            span = fact.get("span")
            if fact.get("kind") not in ("new", "changed"):
                problems.append("block %d fact kind %r" % (n, fact.get("kind")))
            if (fact.get("kind") == "changed") != (fact.get("was") is not None):
                problems.append("block %d: a changed fact, and only one, has was"
                                % n)
            if fact.get("was") is not None:
                span_ok(fact["was"], "left", "block %d fact was" % n)
            if span_ok(span, "right", "block %d fact" % n):
                r = block["right"]
                if r is None or not (r[0] <= span[0] and span[1] <= r[1]):
                    problems.append("block %d fact %r outside the block"
                                    % (n, span))
        near = block.get("nearest", "missing")
        if near == "missing":
            problems.append("block %d has no nearest field" % n)
        elif near is not None:
            if block["kind"] not in ("omission", "addition"):
                problems.append("block %d: nearest on a %s" % (n, block["kind"]))
            other = "left" if block["kind"] == "addition" else "right"
            span_ok(near.get("span"), other, "block %d nearest" % n)
            if not 0 <= near.get("similarity", -1) <= 1:
                problems.append("block %d nearest similarity %r"
                                % (n, near.get("similarity")))
    for side in ("left", "right"):
        for i in range(len(data[side])):
            if not blank[side][i] and owner[side][i] is None:
                problems.append("%s byte %d belongs to no block" % (side, i))
                break
    summary = export["summary"]
    for kind, count in counts.items():
        if summary[kind] != count:
            problems.append("summary.%s = %d, passages say %d"
                            % (kind, summary[kind], count))
    if summary["moved"] != moved:
        problems.append("summary.moved = %d, passages say %d"
                        % (summary["moved"], moved))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
