#!/bin/sh
# tests/tui/facts.sh - what the status line and the text say of a passage:
# a changed fact with the value it replaced, an omission's nearest
# passage, hidden characters shown as symbols and flagged, page furniture.
#
# usage: sh tests/tui/facts.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup facts "$1"

# A changed fact is drawn unlike a new one (reversed, not underlined) and
# the status line gives the value it replaced; an omission names its
# nearest passage on the other side.
start 120 20 "'$bin'" $R/official.txt $R/story.txt
shows "?:help" || bad "viewer did not open on the README's pair"
# jump_to TEXT N: ']' up to N times until the status line shows TEXT
jump_to() {
	found=0
	i=0
	while [ $i -lt "$2" ]; do
		i=$((i + 1))
		step ']'
		[ "$now" = "$was" ] && break
		if screen | tail -2 | grep -q "$1"; then found=1; break; fi
	done
}
jump_to "changed value 40" 4
[ $found = 1 ] && screen | tail -2 | grep -q "changed value 40→45" && ok ||
	bad "the status line does not give the changed fact with its old value"
# (on this 256-colour terminal: bold on the findings' tint, 53)
tm capture-pane -e -p -t t | grep "repair" | grep -q "48;5;53m45" && ok ||
	bad "the changed fact is not drawn on the findings' tint"
# the theme's foreground on every tint: white (231) on the dark theme
tm capture-pane -e -p -t t | grep "repair" | grep -q "38;5;231m$(printf '\033')\[48;5;53m45" && ok ||
	bad "the changed fact is not white on the dark theme"
jump_to "nearest rewrite" 5
[ $found = 1 ] && screen | tail -2 | grep -q "omission.*nearest rewrite ¶[0-9]*\.[0-9]* 0\.[0-9][0-9]" && ok ||
	bad "the omission does not name its nearest passage"

# Hidden characters: a right-to-left override around a figure shows as a
# symbol, never as itself; the passage's margin says '!' and the status
# line "hidden characters".
printf 'The rate rose to 15 percent in May.\n' >"$tmp/fig.txt"
printf 'The rate rose to \342\200\25615\342\200\254 percent in May.\n' >"$tmp/rlo.txt"
start 100 20 "'$bin'" "'$tmp/fig.txt'" "'$tmp/rlo.txt'"
wait_for "hidden characters" && ok || bad "the status line does not flag hidden characters"
screen | grep -q "^=!▌\?The rate rose" && ok || bad "the passage's margin lacks the hidden-characters mark"
screen | grep -q "$(printf '\342\200\256')" && bad "the override reached the screen as it is" || ok
keys q
wait_for "EXIT=1" && ok || bad "a hidden override is not a difference in the viewer"

# Page furniture: the official page's release line, unheld, says so on
# the status line when the bar is on it (it is the first passage).
printf 'Harbour to reopen after pier repairs\nFor Immediate Release\nThe harbour will reopen on Monday after repairs to the north pier by the city engineers.\n' >"$tmp/furn0.txt"
printf 'The harbour will reopen on Monday after repairs to the north pier by the city engineers.\n' >"$tmp/furn1.txt"
start 100 20 "'$bin'" "'$tmp/furn0.txt'" "'$tmp/furn1.txt'"
wait_for "?:help" || bad "viewer did not open on the furniture pair"
screen | tail -2 | grep -q "omission.*page furniture" && ok ||
	bad "the status line does not call the title page furniture: $(screen | tail -2 | head -1)"
keys q
wait_for "EXIT=1" || bad "the furniture pair did not exit 1"

tui_done
