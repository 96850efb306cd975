#!/bin/sh
# tests/tui/prompt.sh - the prompts are line editors: Left Right Home End,
# C-a C-e C-b C-f, Backspace and Delete at the cursor, C-u C-k C-w,
# insertion in the middle, UTF-8 a character at a time, a long line
# scrolled sideways, Tab completing file names in the export prompt (a
# second Tab lists them; ~ too), a resize keeping the line.
#
# usage: sh tests/tui/prompt.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup prompt "$1"

# the prompt row (the last) is exactly LINE
last_is() { [ "$(screen | tail -1 | sed 's/ *$//')" = "$1" ]; }
# expect LINE WHAT: the prompt row becomes LINE
expect() {
	wait_until last_is "$1" && ok || bad "$2: the prompt shows '$(screen | tail -1)', not '$1'"
}

# the viewer runs in a directory of its own: a stray e and Enter after a
# failure write there, not in the tree
mkdir "$tmp/cwd"
pair="sh -c 'cd \"$tmp/cwd\" && exec \"$bin\" \"$top/$R/official.txt\" \"$top/$R/story.txt\"'"
start 120 30 "$pair"

# insertion in the middle, Left and Right, Backspace at the cursor
keys / budgt
expect "/budgt" "typed"
keys Left e
expect "/budget" "Left then e did not insert before the t"
keys Left Left BSpace
expect "/buget" "Backspace did not take the character before the cursor"
keys Right x
expect "/bugxet" "Right did not move over one character"
# Delete at the cursor, Home and End, C-a and C-e
keys BSpace DC
expect "/bugt" "Delete did not take the character under the cursor"
keys Home X
expect "/Xbugt" "Home did not go to the start"
keys End Y
expect "/XbugtY" "End did not go to the end"
keys C-a C-d C-e BSpace
expect "/bugt" "C-a, C-d, C-e and Backspace"
keys C-b C-b d C-f e Enter
wait_for "/budget: match 1/" && ok || bad "the edited line was not the search: $(screen | tail -1)"

# C-w the word before the cursor, C-u to the start, C-k to the end
keys / "the city council" C-w
expect "/the city" "C-w did not delete the word before the cursor"
keys C-w C-w
expect "/" "C-w twice did not empty the line"
keys "one two three" Left Left Left Left Left C-u
expect "/three" "C-u did not delete to the start"
keys Right C-k
expect "/t" "C-k did not delete to the end"
keys Escape
wait_for "search cancelled" && ok || bad "Esc did not cancel the search"

# UTF-8: a character at a time, a combining accent with its letter
acc=$(printf 'e\314\201') # e and a combining acute accent, one character
keys / "caf" "é" "$acc" "s"
expect "/café${acc}s" "UTF-8 typed"
keys Left BSpace
expect "/cafés" "Backspace did not take the e and its accent together"
keys BSpace
expect "/cafs" "Backspace did not take é whole"
keys Escape
wait_for "search cancelled"

# a line longer than the screen: its end shows with the cursor, and Home
# brings back its start
start 40 12 "$pair"
keys / "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"
wait_until shows_re 'ABCDEFGHIJ$' && ok || bad "a long line does not show its end"
! screen | tail -1 | grep -q "/abc" && ok || bad "a long line did not scroll"
keys Home
wait_until shows_re '^/abcdefghij' && ok || bad "Home did not scroll back to the start"
! screen | tail -1 | grep -q "GHIJ" && ok || bad "Home left the end in view"
# a resize keeps the line (and the cursor)
tm resize-window -t t -x 100 -y 20
wait_until shows_re '^/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ$' && ok ||
	bad "a resize under the prompt lost its line"
keys Z
expect "/Zabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ" "the cursor moved on the resize"
keys Escape
wait_for "search cancelled"

# Tab completes file names in the export prompt
mkdir -p "$tmp/d/sub" "$tmp/home/notes"
: >"$tmp/d/report-one.txt"
: >"$tmp/d/report-two.json"
start 120 30 "HOME='$tmp/home'" "$pair"
PROMPT="Export to file [story-redline.txt]: "
keys e "$tmp/d/rep" Tab
expect "$PROMPT$tmp/d/report-" "Tab did not complete the common start"
keys Tab
wait_for "report-one.txt  report-two.json" && ok || bad "a second Tab did not list the names"
keys o Tab
expect "$PROMPT$tmp/d/report-one.txt" "Tab did not complete the one name"
! shows "report-two.json" && ok || bad "the list stayed after the next key"
keys C-w s Tab
expect "$PROMPT$tmp/d/sub/" "a directory did not get its /"
keys C-u "~/no" Tab
expect "$PROMPT~/notes/" "~/ did not complete from \$HOME"
keys C-u "$tmp/d/zz" Tab
expect "$PROMPT$tmp/d/zz" "no match changed the line"
# completed, then written
keys C-u "$tmp/d/report-t" Tab
expect "$PROMPT$tmp/d/report-two.json" "Tab did not complete report-t"
keys Enter
wait_for "exists: replace it?" && ok || bad "the completed name was not the one asked about"
keys y
wait_for "wrote $tmp/d/report-two.json (json)" && ok || bad "the completed name was not written"
# Tab in the search prompt is not completion
keys / Tab
expect "/" "Tab in the search prompt put something in"
keys Escape

tui_done
