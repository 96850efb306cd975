#!/bin/sh
# tests/tui/term.sh - the terminal the viewer is given: none it can use
# (dumb, unset, unknown) gets the text report and a message saying why; a
# C or POSIX locale still shows UTF-8; NO_COLOR draws no colour.
#
# usage: sh tests/tui/term.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup term "$1"

# plain COMMAND: COMMAND in a fresh session, TERM and the locale as they
# are here (COMMAND sets them)
plain() {
	fresh
	tm -f /dev/null new-session -d -s t -x 100 -y 30 \
		"cd '$top' && $1; echo EXIT=\$?; sleep 60"
}

# A dumb terminal gets the text report and a message saying why.
plain "env TERM=dumb '$bin' $S $B 2>'$tmp/dumb.err'"
wait_for "EXIT=1" && ok || bad "TERM=dumb did not print the report and exit 1"
grep -q "TERM=dumb.*printing the text report instead" "$tmp/dumb.err" && ok ||
	bad "TERM=dumb gave no message: $(cat "$tmp/dumb.err")"
plain "env -u TERM '$bin' $S $B 2>'$tmp/noterm.err' >/dev/tty"
wait_for "EXIT=1" && ok || bad "TERM unset did not print the report and exit 1"
grep -q "TERM is not set" "$tmp/noterm.err" && ok || bad "TERM unset gave no message"

# An unknown terminal type: the report instead, and a message saying why.
plain "env TERM=no-such-terminal '$bin' $S $B 2>'$tmp/unknown.err'"
wait_for "EXIT=1" && ok || bad "unknown TERM did not print the report and exit 1"
grep -q "unknown" "$tmp/unknown.err" && ok || bad "unknown TERM gave no message: $(cat "$tmp/unknown.err")"

# A C or POSIX locale still shows UTF-8 text, not escapes or question marks.
printf 'Caf\303\251 na\303\257ve \342\200\224 \342\200\234quoted\342\200\235 text.\n' >"$tmp/uni.txt"
start 120 30 "env LC_ALL=POSIX '$bin'" $S "$tmp/uni.txt"
shows "?:help" && ok || bad "viewer did not open under LC_ALL=POSIX"
screen | grep -q "Café naïve — “quoted”" && ok || bad "UTF-8 text garbled under LC_ALL=POSIX"
keys q
wait_for "EXIT=1" && ok || bad "q under LC_ALL=POSIX did not exit 1"

# NO_COLOR: no colour, kinds still visible by margin marks.
start 100 24 "env NO_COLOR=1 '$bin'" $S $B
tm capture-pane -e -p -t t 2>/dev/null | grep -q "$(printf '\033')\[3[0-7]m" && bad "colour used under NO_COLOR" || ok
screen | grep -q "^> " && ok || bad "margin marks missing without colour"

tui_done
