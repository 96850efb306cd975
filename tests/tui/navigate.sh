#!/bin/sh
# tests/tui/navigate.sh - the pair viewer opened, moved through (the jump
# keys, a click, passage numbers, the raw diff) and left with q.
#
# usage: sh tests/tui/navigate.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup navigate "$1"

# Opening: both texts, the margin marks, the status line.
start 120 30 "'$bin'" $S $B
shows "?:help" && ok || bad "viewer did not open"
screen | grep -q "^> .*| Follow us on:" && ok || bad "first passage is not shown as an addition"
screen | tail -2 | grep -q "statement.txt | samples/brics-post.txt" && ok || bad "status line lacks the file names"

# a, repeatedly, reaches the SU-22 passage, shown as an addition: its rows
# (the current passage's, with the bar) start with the addition's margin.
found=0
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
	step a
	[ "$now" = "$was" ] && break
	if shows SU-22; then found=1; break; fi
done
[ $found = 1 ] && ok || bad "a never reached the SU-22 passage"
screen | tail -2 | grep -q " addition" && ok || bad "the SU-22 passage is not an addition on the status line"
band=$(screen | grep "^..▌")
echo "$band" | head -1 | grep -q "^> " && echo "$band" | grep -q "SU-22" && ok ||
	bad "the SU-22 rows lack the addition margin"

# ] moves through the changed passages in order, [ comes back.
keys g
wait_until position_first
prev=$(position)
ordered=1
for _ in 1 2 3 4 5; do
	step ']'
	[ "${now%/*}" -gt "${prev%/*}" ] || ordered=0
	prev=$now
done
[ $ordered = 1 ] && ok || bad "] did not move forward through changes"
step '['
[ "${now%/*}" -lt "${prev%/*}" ] && ok || bad "[ did not move back"

# m shows the raw word diff; m again the passages.
keys m
wait_for "raw word diff" && ok || bad "m did not switch to the raw diff"
keys m
wait_for "aligned passages" && ok || bad "m did not switch back"

# Passage numbers on demand, cited on the status line too (for a
# paraphrase: both sides).
step p
keys '#'
wait_for "passage numbers on" && ok || bad "# did not turn the numbers on"
screen | grep -q "| ¶[0-9]*\.[0-9]* " && ok || bad "no passage numbers shown"
screen | tail -2 | grep -q "\[official ¶[0-9]*\.[0-9]*, rewrite" && ok || bad "the status line does not cite the passage"
keys '#'
wait_for "passage numbers off"

# A click selects the passage under it (SGR mouse report, as xterm sends):
# the status line moves to it, without scrolling.
keys g
wait_until position_first
row=$(screen | grep -n "^~ " | head -1 | cut -d: -f1)
keys -l "$(printf '\033[<0;10;%dM\033[<0;10;%dm' "$row" "$row")"
wait_until position_not "$first" && ok || bad "a click did not select a passage"
screen | sed -n "${row}p" | grep -q "^~.▌" && ok || bad "the clicked passage has no marker"
keys M
wait_for "mouse off" && ok || bad "M did not turn the mouse off"

# Esc in the pair view does nothing destructive.
keys Escape
wait_for "q quits" && ok || bad "Esc did not just say that q quits"
screen | grep -q "?:help" && ok || bad "Esc left the viewer"

# q leaves a clean terminal and diff's exit status.
keys q
wait_for "EXIT=1" && ok || bad "q did not exit with status 1"
screen | grep -q "?:help" && bad "viewer left on the screen after q" || ok

# Two jumps on a screen where nothing scrolls give two screens: the
# marker moves even when the passage is already shown.
start 100 24 "'$bin'" $R/official.txt $R/story.txt
keys ']'
wait_until position_is "2/4"
s1=$(screen | head -n -2)
keys ']'
wait_until position_is "3/4"
s2=$(screen | head -n -2)
[ -n "$s1" ] && [ "$s1" != "$s2" ] && ok || bad "two jumps on one screen look the same"
echo "$s2" | grep -q "^> ▌" && ok || bad "the marker is not on the addition after the jumps"

tui_done
