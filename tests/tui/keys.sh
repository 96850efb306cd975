#!/bin/sh
# tests/tui/keys.sh - the keys less and vim users reach for: Ctrl-N Ctrl-P,
# Ctrl-F Ctrl-B, Ctrl-D Ctrl-U move as j k, Space b, d u do; ]c and [c
# jump as ] and [ do (the c is no changes-only toggle); 0 and ^ scroll
# back to column 0; Right stops at the end of the longest line.
#
# usage: sh tests/tui/keys.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup keys "$1"

# the text rows (all but the status and message lines)
rows() { screen | head -n -2; }
# rows_are FILE: the text rows are those saved in FILE
rows_are() { rows | cmp -s - "$1"; }

start 100 24 "'$bin'" $S $B
wait_for "?:help"
rows >"$tmp/top"
# moved: the rows are no longer the top ones
moved() { ! rows_are "$tmp/top"; }
# after_key KEY NAME: from the top, KEY; the rows in $tmp/NAME
after_key() {
	keys g
	wait_until rows_are "$tmp/top"
	keys "$1"
	wait_until moved
	rows >"$tmp/$2"
}
for pair in "j:C-n" "Space:C-f" "d:C-d"; do
	plain=${pair%%:*} ctrl=${pair#*:}
	after_key "$plain" "$plain"
	after_key "$ctrl" "$ctrl"
	! cmp -s "$tmp/top" "$tmp/$plain" && ok || bad "$plain did not move the view"
	cmp -s "$tmp/$plain" "$tmp/$ctrl" && ok || bad "$ctrl did not move as $plain does"
done
# back up: from a screen down, k and Ctrl-P, b and Ctrl-B, u and Ctrl-U
for pair in "k:C-p" "b:C-b" "u:C-u"; do
	plain=${pair%%:*} ctrl=${pair#*:}
	for key in "$plain" "$ctrl"; do
		keys g Space Space
		sleep 0.3
		rows >"$tmp/down"
		keys "$key"
		sleep 0.3
		rows >"$tmp/up-$key"
	done
	! cmp -s "$tmp/down" "$tmp/up-$plain" && ok || bad "$plain did not move the view back"
	cmp -s "$tmp/up-$plain" "$tmp/up-$ctrl" && ok || bad "$ctrl did not move as $plain does"
done

# ]c and [c: the jumps of ] and [, and the changes-only fold stays off
keys g
wait_until position_first
keys ']'
wait_until position_not "$first"
after_bracket=$(position)
keys g
wait_until position_first
keys ']' c
wait_until position_not "$first"
sleep 0.3
[ "$(position)" = "$after_bracket" ] && ok || bad "]c did not jump as ] does: $(position), want $after_bracket"
shows "changes only" && bad "]c toggled the changes-only fold" || ok
keys '[' c
sleep 0.3
shows "changes only" && bad "[c toggled the changes-only fold" || ok
# c alone still folds
keys c
wait_for "changes only" && ok || bad "c alone no longer toggles the fold"
keys c
sleep 0.3

# 0 and ^: back to column 0 after scrolling sideways
keys g w
wait_for "wrapping off"
rows >"$tmp/col0"
for key in 0 '^'; do
	keys Right Right
	wait_for "columns right"
	keys "$key"
	wait_for "back to column 0" && ok || bad "$key did not scroll back to column 0"
	rows_are "$tmp/col0" && ok || bad "$key: the rows are not those at column 0"
done

# Right stops where the longest line's end shows: never a blank screen
i=0
while [ $i -lt 60 ] && ! shows "end of the longest line"; do
	keys Right
	sleep 0.05
	i=$((i + 1))
done
shows "end of the longest line" && ok || bad "Right scrolled on past the longest line"
# some text still shows in the text rows
rows | grep -q '[A-Za-z]' && ok || bad "the screen is blank at the end of the longest line"
keys Right
sleep 0.3
shows "end of the longest line" && ok || bad "Right went further"
keys 0

tui_done
