#!/bin/sh
# tests/tui/resize.sh - a resize lays the viewer out again: the panes
# split at the new width, the status line shortened, one pane when
# narrow; and under an open prompt.
#
# usage: sh tests/tui/resize.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup resize "$1"

COUNTS=$("$bin" --export=json $S $B | python3 -c 'import json, sys
s = json.load(sys.stdin)["summary"]
print("=%d ~%d <%d >%d *%d x%d" % (s["verbatim"], s["paraphrase"], s["omission"],
                                 s["addition"], s["moved"], sum(s["findings"].values())))')

# From 120 to 60 columns: re-wrapped, no line wider than 60.
start 120 30 "'$bin'" $S $B
tm resize-window -t t -x 60 -y 30 2>/dev/null || tm resize-pane -t t -x 60
wait_until separator_near 31 && ok || bad "no redraw with the panes split at 60 columns"
# the status line keeps the position, kind, counts and ?:help, and
# shortens the file names to their own names, then in the middle
screen | tail -2 | head -1 | grep -q "^[0-9]*/[0-9]* [a-z]" && ok || bad "the position and kind are not first at 60 columns"
screen | tail -2 | head -1 | grep -qF "$COUNTS  ?:help" && ok || bad "the counts ($COUNTS) or ?:help went at 60 columns"
screen | tail -2 | head -1 | grep -Eq " (statement\.txt|[a-z-]+\.\.\.[a-z.]+) \| " && ok ||
	bad "the file names are not shortened to their names, or in the middle, at 60 columns: $(screen | tail -2 | head -1)"
screen | tail -2 | head -1 | grep -q "\.\.\.ment\.txt" && bad "a file name cut from the left at 60 columns" || ok
wide=$(screen | perl -CS -ne 'print if length($_) > 61' | wc -l)
[ "$wide" -eq 0 ] && ok || bad "lines wider than 60 columns after the resize"
one_pane && bad "two panes gone at 60 columns" || ok
# at 40 columns one pane, v switches it, the status line says which
tm resize-window -t t -x 40 -y 30 2>/dev/null
wait_until one_pane && ok || bad "not one pane at 40 columns"
keys v
wait_for "showing the rewrite" && ok || bad "v did not switch the single pane at 40 columns"
screen | tail -2 | head -1 | grep -q " rewrite" && ok || bad "the status line does not name the side shown"

# A resize under an open prompt lays the screen out again.
start 70 20 "'$bin'" $R/official.txt $R/story.txt
keys /
wait_until shows_re '^/$'
tm resize-window -t t -x 100 -y 24 2>/dev/null
wait_until separator_near 51 && ok || bad "a resize under the search prompt did not lay out again"
screen | tail -1 | grep -q "^/" && ok || bad "the prompt went away on a resize"
keys Escape
wait_for "search cancelled" && ok || bad "Esc did not cancel the search"

tui_done
