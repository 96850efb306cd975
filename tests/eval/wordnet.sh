#!/bin/sh
# tests/eval/wordnet.sh - the lexical experiment of issue 15 again
# (tests/eval/README.md, "A lexical resource, measured"): redline built
# with each set of WordNet relations (scripts/wordnet.py: deriv, first,
# mono, full, or several joined by '+'), each scored on the labelled pairs
# (score.py) beside the build without related words.  Each build goes to
# build-lex/VARIANT; the scores, whole, to build-lex/VARIANT.eval.
#
# usage: [SHARE=X] sh tests/eval/wordnet.sh [VARIANT...]
#   default: none deriv first mono full; "none" is the build with an empty
#   table, no related words at all.  SHARE sets the share of its stem's
#   idf a related word weighs (RELATED_SHARE in src/core/align/stage.h);
#   the builds then go to build-lex/VARIANT-SHARE.
set -eu
cd "$(dirname "$0")/../.."
[ $# -gt 0 ] || set -- none deriv first mono full
mkdir -p build-lex
for v in "$@"; do
	b=build-lex/$v${SHARE:+-$SHARE}
	make -s -j2 BUILD="$b" WORDNET="$v" PROG="$b/redline" \
		${SHARE:+CPPFLAGS=-DRELATED_SHARE=$SHARE} "$b/redline" >/dev/null
	python3 tests/eval/score.py "./$b/redline" --pairs tests/eval/pairs.list \
		>"$b.eval" 2>&1 || true
	printf '%-12s %s\n' "$v" "$(grep -A8 '^== pooled' "$b.eval" | grep macro-F1)"
done
echo
echo "per pair (official/rewrite macro-F1):"
for v in "$@"; do
	printf '%-12s' "$v"
	grep -E '^macro-F1' "build-lex/$v${SHARE:+-$SHARE}.eval" | sed 's/macro-F1 official=\([0-9.]*\) rewrite=\([0-9.]*\)/\1\/\2/' | tr '\n' ' '
	echo
done
