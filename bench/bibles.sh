#!/bin/sh
# bench/bibles.sh - the King James Version and the World English Bible as
# a pair for the benchmarks: one verse a line, the books both have
# (Genesis to Revelation; the WEB's deuterocanon left out), verse numbers
# dropped.  Both translations are in the public domain; Debian ships them
# as SWORD modules, read here with diatheke (scripts/setup bench installs
# diatheke, sword-text-kjv and sword-text-web).
#
# It also writes a pair of real texts that share no passage: the KJV's
# books from Genesis to Job (about 381,000 words) against the WEB's from
# Psalms to Revelation (about 345,000).  Unlike bench/gen.py's unrelated
# pair, whose sentences repeat, hardly a sentence of these comes twice.
#
# usage: sh bench/bibles.sh DIR
#   (writes DIR/kjv.txt, DIR/web.txt, DIR/kjv-a.txt and DIR/web-b.txt)
set -eu
dir=${1:?usage: sh bench/bibles.sh DIR}
command -v diatheke >/dev/null ||
	{ echo "bibles.sh: diatheke is missing (scripts/setup bench)" >&2; exit 2; }
mkdir -p "$dir"
range="Genesis 1:1-Revelation of John 22:21"
diatheke -b engKJV2006eb -f plain -k "$range" >"$dir/kjv.raw"
diatheke -b engWEB2015eb -f plain -k "$range" >"$dir/web.raw"
python3 - "$dir" <<'PY'
import re
import sys

d = sys.argv[1]
verse = re.compile(r"^\s*((?:[1-4] )?[A-Z][A-Za-z ]*?) (\d+):(\d+): ?(.*)$")

def verses(path):
    out = []
    for line in open(path, encoding="utf-8"):
        m = verse.match(line.rstrip("\n"))
        if m and m.group(4).strip():
            out.append((m.group(1), m.group(4).strip()))
    return out

kjv, web = verses(d + "/kjv.raw"), verses(d + "/web.raw")
books = {b for b, _ in kjv}
for name, vs in (("kjv", kjv), ("web", [v for v in web if v[0] in books])):
    with open("%s/%s.txt" % (d, name), "w", encoding="utf-8") as f:
        f.write("".join(t + "\n" for _, t in vs))
order = list(dict.fromkeys(b for b, _ in kjv))
first = set(order[: order.index("Psalms")])
for name, vs in (("kjv-a", [v for v in kjv if v[0] in first]),
                 ("web-b", [v for v in web if v[0] in books and v[0] not in first])):
    with open("%s/%s.txt" % (d, name), "w", encoding="utf-8") as f:
        f.write("".join(t + "\n" for _, t in vs))
PY
rm -f "$dir/kjv.raw" "$dir/web.raw"
wc -w "$dir/kjv.txt" "$dir/web.txt" "$dir/kjv-a.txt" "$dir/web-b.txt"
