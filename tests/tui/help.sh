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

# ... and in the help
keys '?'
wait_for "lines 1-19 of"
redraw_restores C-l && ok || bad "Ctrl-L did not redraw the help"
# the help stays after Ctrl-L: the next key still scrolls it
keys j
wait_for "lines 2-20 of" && ok || bad "Ctrl-L took the help away"

# The help says which styles are in use: tints on a 256-colour terminal,
# no colour under NO_COLOR.
start 100 70 "'$bin'" $S $B
keys '?'
wait_for "In use now: tints of the" && ok || bad "the help did not say the tints are in use"
keys x
start 100 70 "env NO_COLOR=1 '$bin'" $S $B
keys '?'
wait_for "In use now: no colour" && ok || bad "the help did not say no colour is in use"
keys x

tui_done
