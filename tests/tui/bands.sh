#!/bin/sh
# tests/tui/bands.sh - a split or a merge stands as one band of rows, each
# piece beside the sentence it came from; an omission tinted across its
# text.
#
# usage: sh tests/tui/bands.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup bands "$1"

# The BRICS Post's split sentence stands beside both its pieces, one of
# them from further down the rewrite, in one band of rows (no margin mark
# between them); no row shows a piece with an empty official side.
start 150 60 "'$bin'" $S $B
keys / "They confirmed that the ultimate" Enter
wait_for "match 1/1" && ok || bad "the split sentence was not found"
band=$(screen | awk '/They confirmed that the ultimate/ {on = 1; print; next}
	on && /^[^ ]/ {exit} on {print}')
echo "$band" | head -1 | grep -q "| Both Russia and the US" && ok || bad "the first piece is not beside the official sentence"
echo "$band" | grep -q "| .The ultimate political solution to the conflict must" && ok ||
	bad "the second piece is not in the official sentence's band"
screen | grep -q "^[=~][ *] *| \\(Both Russia\\|.The ultimate political\\)" &&
	bad "a piece of the split shows with an empty official side" || ok
screen | tail -2 | grep -q "split in 2" && ok || bad "the status line does not say the sentence was split"
screen | tail -2 | grep -q "moved (rewrite ¶10.1)" && ok || bad "the status line does not say where the moved piece came from"
# an omission is tinted across its text (a red background, 52 on this
# 256-colour terminal), not only in its margin:
# its second row starts red with no margin mark
keys g
wait_until position_first
tm capture-pane -e -p -t t | grep -Eq "^   ($(printf '\033')\[[0-9;]*m)*$(printf '\033')\[48;5;52m[A-Za-z]" && ok ||
	bad "the omission's text is not on its red tint"

# A merge the same way round: the Danang report's one sentence beside the
# two official sentences it merges, in one band.
start 150 60 "'$bin'" $S samples/danang-report.txt
keys / "there is no military solution" Enter
wait_for "merge of 2" && ok || bad "the status line does not say two sentences were merged"
band=$(screen | awk '/The Presidents agreed that there is no military/ {on = 1; print; next}
	on && /^[^ ]/ {exit} on {print}')
echo "$band" | head -1 | grep -q "| The Presidents agreed that there is no military" && ok ||
	bad "the merged sentence is not beside the first official sentence"
echo "$band" | grep -q "They confirmed that the ultimate political solution.*|" && ok ||
	bad "the second merged official sentence is not in the band"

tui_done
