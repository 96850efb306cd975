#!/bin/sh
# tests/tui/tiny.sh - a tiny terminal says so instead of drawing garbage;
# growing it brings the viewer back.
#
# usage: sh tests/tui/tiny.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup tiny "$1"

start 12 2 "'$bin'" $S $B
shows "terminal too" && ok || bad "no message on a 12x2 terminal"
tm resize-window -t t -x 100 -y 30 2>/dev/null
wait_for "?:help" && ok || bad "viewer did not come back after growing the terminal"
keys q
wait_for "EXIT=1" && ok || bad "q after the tiny terminal did not exit 1"

tui_done
