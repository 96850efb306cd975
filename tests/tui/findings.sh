#!/bin/sh
# tests/tui/findings.sh - the findings in the viewer: their count on the
# status line, x and X jump to passages with one (the status line gives
# the first, both sides), L lists them most serious first and Enter goes
# to the passage of the one picked.
#
# usage: sh tests/tui/findings.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup findings "$1"

# the sample statement with a negation flipped and a number changed
sed -e 's/there is no military solution/there is a military solution/' \
	-e 's/full implementation of UNSCR 2254,/full implementation of UNSCR 2245,/' \
	"$S" >"$tmp/edited.txt"
start 120 30 "'$bin'" "$S" "'$tmp/edited.txt'"
wait_for "?:help" || bad "viewer did not open"
screen | tail -2 | grep -q " x2 " && ok || bad "the status line does not count 2 findings: $(screen | tail -2)"
keys x
wait_for "negation no→a" && ok || bad "x did not go to the negation: $(screen | tail -2)"
keys x
wait_for "changed value 2254→2245" && ok || bad "x did not go on to the changed value: $(screen | tail -2)"
keys X
wait_for "negation no→a" && ok || bad "X did not go back to the negation: $(screen | tail -2)"
keys L
wait_for "2 findings, most serious first" && ok || bad "L did not open the list"
screen | grep -q "\[[0-9]*\] negation: no → a" && ok || bad "the list lacks the negation"
# the negation (most serious) comes before the changed value
screen | grep -n "negation: \|changed value: " | head -1 | grep -q negation && ok ||
	bad "the list is not most serious first"
keys j Enter
wait_for "changed value 2254→2245" && ok || bad "Enter did not go to the changed value's passage: $(screen | tail -2)"
keys L
wait_for "2 findings, most serious first"
keys Escape
wait_for "?:help" && ok || bad "Esc did not close the list"
keys q
wait_for "EXIT=1" && ok || bad "q did not quit with status 1"

tui_done
