#!/usr/bin/env python3
"""The British spellings' table for lexicon.c (lex_american), as C.

usage: spelltable.py < PAIRS > spelling.inc

PAIRS is `british american` a line, sorted by the British word in byte
order, one line a British word (what spelling.py prints, sorted).  The
table holds no pointer, so that a position-independent program's loader
has nothing of it to relocate (a pointer a word was 6,136 relocations):

- spelling_text: each pair as the British word, a NUL, the American one
  and a NUL, in that order;
- spelling_at[i]: where pair i starts in spelling_text;
- spelling_seen: a filter of SPELLING_SEEN_BITS bits with the two bits of
  each British word (spelling_bits) set, so that most words, which are no
  British spelling, are answered by two bits and no search.

spelling_bits here and in lexicon.c must agree.
"""
import sys

SEEN_BITS = 32768  # 4 KiB: some 3 % of other words pass for 3,068 entries


def spelling_bits(word):
    """The filter's two bits of word (bytes): FNV-1a, folded."""
    h = 2166136261
    for b in word:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h & (SEEN_BITS - 1), (h >> 17) & (SEEN_BITS - 1)


def main():
    pairs = []
    for line in sys.stdin:
        parts = line.split()
        if len(parts) != 2 or not all(p.isascii() and p.isalpha()
                                      for p in parts):
            sys.exit("spelltable.py: bad line: %r" % line)
        pairs.append((parts[0].encode(), parts[1].encode()))
    if [p[0] for p in pairs] != sorted({p[0] for p in pairs}):
        sys.exit("spelltable.py: the British words are not sorted once each")
    seen = [0] * (SEEN_BITS // 64)
    at, off = [], 0
    out = sys.stdout
    out.write("/* made by scripts/spelltable.py: do not edit */\n")
    out.write("#define SPELLING_N %d\n" % len(pairs))
    out.write("#define SPELLING_SEEN_BITS %d\n" % SEEN_BITS)
    # characters, not a string literal: C compilers need not take strings
    # over 4,095 bytes
    out.write("static const char spelling_text[] = {\n")
    for british, american in pairs:
        out.write("\t" + ", ".join(["'%s'" % chr(b) for b in british] +
                                   ["0"] +
                                   ["'%s'" % chr(b) for b in american] +
                                   ["0"]) + ",\n")
        at.append(off)
        off += len(british) + len(american) + 2
        for bit in spelling_bits(british):
            seen[bit // 64] |= 1 << (bit % 64)
    out.write("};\n")
    out.write("static const uint32_t spelling_at[SPELLING_N] = {\n")
    for i in range(0, len(at), 8):
        out.write("\t" + ", ".join(str(a) for a in at[i:i + 8]) + ",\n")
    out.write("};\n")
    out.write("static const uint64_t spelling_seen[SPELLING_SEEN_BITS / 64]"
              " = {\n")
    for i in range(0, len(seen), 4):
        out.write("\t" + ", ".join("0x%016xu" % w for w in seen[i:i + 4]) +
                  ",\n")
    out.write("};\n")


if __name__ == "__main__":
    main()
