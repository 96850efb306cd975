#!/bin/sh
# tests/tui/fold.sh - changes only (c): an unchanged passage folds to one
# row, cut with a mark; with wrapping off (w), Right scrolls and a mark
# shows text hidden to the left.
#
# usage: sh tests/tui/fold.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup fold "$1"

same="This first sentence stays exactly the same in both of the texts, and it is long enough to wrap."
printf '%s Then the official text says one thing.\n' "$same" >"$tmp/fold-a.txt"
printf '%s Then the rewrite says something else entirely.\n' "$same" >"$tmp/fold-b.txt"
start 80 20 "'$bin'" "$tmp/fold-a.txt" "$tmp/fold-b.txt"
[ "$(screen | grep -c "stays exactly\|long enough to wrap")" -ge 2 ] && ok || bad "the kept sentence does not wrap"
keys c
wait_for "changes only" && ok || bad "c did not fold"
screen | grep -q "^= .This first sentence.*>.*|.*>$" && ok || bad "the kept sentence is not one cut row"
screen | grep -q "long enough to wrap" && bad "the folded sentence still wraps" || ok
keys c w
wait_for "wrapping off"
keys Right
wait_for "scrolled" && ok || bad "Right did not scroll"
screen | grep -q "^= .<" && ok || bad "no mark where text is hidden at the left"

tui_done
