#!/bin/sh
# tests/tui/help.sh - the help: shown and left, laid out again on a
# resize, scrolled when short; Ctrl-L redraws it and the viewer after it.
#
# usage: sh tests/tui/help.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup help "$1"

# ? shows the help, any key goes back.
start 120 30 "'$bin'" $S $B
keys '?'
wait_for "redline - keys" && ok || bad "? did not show help"
keys x
wait_for "?:help" && ok || bad "help did not go away"

# The help opened, then the terminal made too short for it: laid out
# again for 20 rows, scrolled by j; q goes back to a viewer laid out
# again.
start 100 24 "'$bin'" $R/official.txt $R/story.txt
keys '?'
wait_for "redline - keys"
tm resize-window -t t -x 70 -y 20 2>/dev/null
wait_for "lines 1-19 of" && ok || bad "the help was not laid out again for 20 rows"
keys j
wait_for "lines 2-20 of" && ok || bad "j did not scroll the help"
keys q
wait_until separator_near 36 && ok || bad "the viewer was not laid out again after the help"

# Ctrl-L redraws: garbage written to the terminal behind the viewer's back
# goes, and the screen is as it was.
redraw_restores C-l && ok || bad "Ctrl-L did not redraw the viewer after the help"

# ... and in the help.  KNOWN BUG: tui_help (src/tui/pairview.c) takes
# Ctrl-L as a resize, laying the help out again, but does not clear the
# terminal (no clearok), so the garbage stays.  Checked the other way
# round until that is fixed: then this fails, to be made a plain check
# (... && ok || bad "Ctrl-L did not redraw the help").  The wait for the
# redraw is 1 s, not 10, while it is sure to run out.
keys '?'
wait_for "lines 1-19 of"
steps=$wait_steps
wait_steps=20
if redraw_restores C-l; then
	bad "Ctrl-L now redraws the help: make its check in tests/tui/help.sh a plain one"
else
	known "Ctrl-L in the help does not redraw the terminal (tui_help: no clearok)"
fi
wait_steps=$steps
# the help stays after Ctrl-L: the next key still scrolls it
keys j
wait_for "lines 2-20 of" && ok || bad "Ctrl-L took the help away"

tui_done
