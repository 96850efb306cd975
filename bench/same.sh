#!/bin/sh
# bench/same.sh: checks that a change meant only for speed changes no
# output.  Runs two builds of redline on the labelled pairs
# (tests/eval/pairs.list) and on the benchmark pairs given, each pair
# exported as text and as JSON, and compares the outputs byte for byte.
#
#   bench/same.sh OLD_REDLINE NEW_REDLINE [OFFICIAL REWRITE]...
#
# Run from the top of the repository.  Exit status 0 when every output is
# the same, 1 when one differs (the first lines of the difference shown).
set -u
[ $# -ge 2 ] || { echo "usage: $0 OLD NEW [OFFICIAL REWRITE]..." >&2; exit 2; }
old=$1 new=$2
shift 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pairs=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' tests/eval/pairs.list |
    awk '{print $1, $2}')
while [ $# -ge 2 ]; do
    pairs="$pairs
$1 $2"
    shift 2
done
status=0 n=0
while read -r a b; do
    [ -n "$a" ] || continue
    for fmt in text json; do
        "$old" --export=$fmt "$a" "$b" >"$tmp/old" 2>&1; so=$?
        "$new" --export=$fmt "$a" "$b" >"$tmp/new" 2>&1; sn=$?
        n=$((n + 1))
        if [ $so -ne $sn ] || ! cmp -s "$tmp/old" "$tmp/new"; then
            echo "DIFFERENT: --export=$fmt $a $b (status $so, $sn)"
            diff "$tmp/old" "$tmp/new" | head -10
            status=1
        fi
    done
done <<LIST
$pairs
LIST
[ $status -eq 0 ] && echo "same: $n outputs"
exit $status
