#!/bin/sh
# tests/tui/overview.sh - several rewrites: the overview's table (sorted by
# a column, findings the most serious first; its titles never cut
# mid-word), its coverage grid and details pane, a pair opened from it and
# left back to it, its help, a narrow terminal, Ctrl-L.
#
# usage: sh tests/tui/overview.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup overview "$1"

FOUR="samples/danang-report.txt samples/monitoring-desk.txt samples/brics-post.txt samples/newsbharati.txt"
session 120 30 "'$bin' $S $FOUR"
wait_for "official: samples/statement.txt, 474 words" && ok || bad "overview did not open"
[ "$(screen | grep -c '^ *[1-4] ')" -ge 4 ] && ok || bad "overview lacks a row per rewrite"
# sort by words, largest first; again: smallest first
keys 3
wait_for "sorted by words" && ok || bad "3 did not sort by words"
screen | sed -n 3p | grep -q " 702 " && ok || bad "the longest rewrite is not first"
keys 3
wait_for "(reversed)" && ok || bad "3 again did not reverse"
screen | sed -n 3p | grep -q " 306 " && ok || bad "the shortest rewrite is not first after reversing"
# the column titles whole: none cut in the middle of its word
for t in words verbatim 'paraphr\.' omitted additions findings; do
	screen | sed -n 2p | grep -Eq "(^| |:)${t}[v^]?( |$)" && ok || bad "the title $t is cut: $(screen | sed -n 2p)"
done
# sorting by findings puts the rewrite with the most serious first
keys 8
wait_for "sorted by findings" && ok || bad "8 did not sort by findings"
keys 1
wait_for "sorted by #"
# coverage: sentence 12 (the Amman memorandum) in rewrite 3 (the BRICS Post)
keys Tab
wait_for "official sentence" && ok || bad "Tab did not show the coverage grid"
keys j j j j j j j j j j j
keys l l
wait_for "sentence 12: omitted" && ok || bad "the cursor cell does not say omitted"
screen | grep -q "(not in this rewrite)" && ok || bad "an omitted cell shows a version"
keys k
wait_for "sentence 11:" && ok || bad "k did not move up"
keys h
wait_for "sentence 11: verbatim" && ok || bad "the monitoring desk's sentence 11 is not shown"
screen | grep -q "ceasefire" && ok || bad "the rewrite's version is not shown below the grid"
# Enter opens that pair at that sentence; q comes back to the same cell
keys Enter
wait_for "samples/statement.txt | samples/monitoring-desk.txt" && ok || bad "Enter did not open the pair viewer"
keys q
wait_for "sentence 11: verbatim" && ok || bad "q did not come back to the same cell"
# from the table, Enter and Esc
keys Tab
wait_for "Enter:open  Tab:coverage" && ok || bad "Tab did not go back to the table"
# the table's selection follows the grid's rewrite (2); j moves to 3
keys j Enter
wait_for "samples/statement.txt | samples/brics-post.txt" && ok || bad "Enter on row 3 did not open its pair"
keys Escape
wait_for "Enter:open  Tab:coverage" && ok || bad "Esc did not come back to the table"
# Esc in the overview itself quits nothing: from the grid it goes back to
# the table, in the table it says how to quit
keys Tab
wait_for "sentence"
keys Escape
wait_for "Enter:open  Tab:coverage" && ok || bad "Esc in the grid did not go back to the table"
keys Escape
wait_for "nothing to cancel: q quits" && ok || bad "Esc in the table did not say q quits"
shows "EXIT=" && bad "Esc quit the overview" || ok
keys '?'
wait_for "overview keys" && ok || bad "? did not show the overview's help"
keys x
# its counts are said to be sentences, the pair view's passages
wait_for "official sentences (of 17)" && ok || bad "the table does not say its counts are sentences"
shows "pair view counts passages" && ok || bad "the table does not say the pair view counts passages"
# Ctrl-L redraws: garbage written behind the overview's back goes
redraw_restores C-l && ok || bad "Ctrl-L did not redraw the overview"
# at 60 columns the two rewrites whose headlines start alike still differ
tm resize-window -t t -x 60 -y 30 2>/dev/null
wait_until eval '! shows "7:additions"'
screen | grep -q "Putin, Trump hell" && screen | grep -q "Putin, Trump agree" && ok ||
	bad "two rewrites' names cannot be told apart at 60 columns"
# the details pane wraps at word boundaries: its lines joined by spaces
# are the rewrite's own words
keys Tab g j j
wait_for "sentence 3:"
settle
panel=$(screen | sed -n '/sentence 3:/,$p' | sed '1d;$d' | head -n -1 |
	sed 's/^ *//; s/ *$//' | tr '\n' ' ' | sed 's/ *$//')
cat $FOUR | tr -s ' \n' '  ' | grep -qF -- "$panel" && [ -n "$panel" ] && ok ||
	bad "the details pane breaks words: $panel"
keys q
wait_for "EXIT=1" && ok || bad "q did not leave the overview with status 1"

tui_done
