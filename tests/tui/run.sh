#!/bin/sh
# tests/tui/run.sh - the viewer as a person uses it: the real binary in a
# detached tmux, keys sent, the screen read.  Polls for expected text
# instead of sleeping.  Skips (saying so) when tmux is absent.
#
# usage: sh tests/tui/run.sh PATH/TO/redline
set -u

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
pass=0
fail=0
if ! command -v tmux >/dev/null 2>&1; then
	echo "tui: tmux not installed; screen tests skipped"
	echo "tui: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/redline-tui.XXXXXX")
nsock=0
sock="$tmp/tmux.0"
tm() { tmux -S "$sock" "$@"; }
# a fresh tmux server (and socket) for each session: never race a dying one
fresh() {
	tm kill-server 2>/dev/null
	nsock=$((nsock + 1))
	sock="$tmp/tmux.$nsock"
}
cleanup() {
	tm kill-server 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	echo "FAIL: $*"
	screen | sed 's/^/  | /' | head -40
}

screen() { tm capture-pane -p -t t 2>/dev/null; }

# wait_for TEXT [SECONDS]: poll the screen until TEXT shows
wait_for() {
	i=0
	limit=$(( ${2:-5} * 20 ))
	while [ $i -lt $limit ]; do
		screen | grep -qF -- "$1" && return 0
		i=$((i + 1))
		sleep 0.05
	done
	return 1
}

# status: the position shown on the status line, e.g. "12/30"
position() { screen | tail -2 | grep -o '[0-9]*/[0-9]* ' | head -1 | tr -d ' '; }

# wait_until COMMAND...: poll until COMMAND succeeds (5 s at most)
wait_until() {
	i=0
	while [ $i -lt 100 ]; do
		"$@" && return 0
		i=$((i + 1))
		sleep 0.05
	done
	return 1
}
# the position on the status line is now P, or is no longer P
position_is() { [ "$(position)" = "$1" ]; }
position_not() { p=$(position); [ -n "$p" ] && [ "$p" != "$1" ]; }
# the two panes' separator stands near column C (a redraw at a new width)
separator_near() { screen | grep -q "^.\{$(($1 - 3)),$(($1 + 3))\}| "; }
# no row shows the two panes' separator (one pane)
one_pane() { ! screen | head -n -2 | grep -q " | "; }

# start WIDTH HEIGHT ARGS...: the viewer in a fresh session
start() {
	w=$1 h=$2
	shift 2
	fresh
	# the wrapper shell traps INT so that Ctrl-C reaches only redline
	tm -f /dev/null new-session -d -s t -x "$w" -y "$h" \
		"trap true INT; cd '$top' && env TERM=xterm-256color LANG=C.UTF-8 $* ; echo EXIT=\$?; sleep 60"
	wait_for "?:help" || wait_for "EXIT=" 1 || true
}

keys() { tm send-keys -t t "$@"; }

cd "$top" || exit 2
S=samples/statement.txt
B=samples/brics-post.txt

# Opening: both texts, the margin marks, the status line.
start 120 30 "'$bin'" $S $B
wait_for "?:help" && ok || bad "viewer did not open"
screen | grep -q "^> .*| Follow us on:" && ok || bad "first passage is not shown as an addition"
screen | tail -2 | grep -q "statement.txt | samples/brics-post.txt" && ok || bad "status line lacks the file names"

# a, repeatedly, reaches the SU-22 passage, shown as an addition.
found=0
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
	keys a
	if wait_for "SU-22" 1; then found=1; break; fi
done
[ $found = 1 ] && ok || bad "a never reached the SU-22 passage"
screen | tail -2 | grep -q " addition" && ok || bad "the SU-22 passage is not an addition on the status line"
screen | grep -q "^> .*SU-22\|^>  .*|" && ok || bad "the SU-22 rows lack the addition margin"

# ] moves through the changed passages in order, [ comes back.
keys g
prev=$(position)
ordered=1
for _ in 1 2 3 4 5; do
	keys ']'
	wait_until position_not "$prev"
	now=$(position)
	[ "${now%/*}" -gt "${prev%/*}" ] || ordered=0
	prev=$now
done
[ $ordered = 1 ] && ok || bad "] did not move forward through changes"
keys '['
wait_until position_not "$prev"
back=$(position)
[ "${back%/*}" -lt "${prev%/*}" ] && ok || bad "[ did not move back"

# /Geneva then n moves between matches.
keys g
keys / G e n e v a Enter
wait_for "Geneva" && ok || bad "search did not find Geneva"
p1=$(position)
keys n
wait_until position_not "$p1"
p2=$(position)
[ -n "$p1" ] && [ "$p1" != "$p2" ] && ok || bad "n did not move to the next match ($p1 -> $p2)"
keys N
wait_until position_is "$p1" && ok || bad "N did not come back to the previous match"

# ? shows the help, any key goes back.
keys '?'
wait_for "redline - keys" && ok || bad "? did not show help"
keys x
wait_for "?:help" && ok || bad "help did not go away"

# A resize from 120 to 60 columns re-wraps: no line wider than 60.
tm resize-window -t t -x 60 -y 30 2>/dev/null || tm resize-pane -t t -x 60
wait_until separator_near 31 && ok || bad "no redraw with the panes split at 60 columns"
wide=$(screen | awk 'length($0) > 60' | wc -l)
[ "$wide" -eq 0 ] && ok || bad "lines wider than 60 columns after the resize"
screen | grep -q "|" && ok || bad "two panes gone at 60 columns"
tm resize-window -t t -x 40 -y 30 2>/dev/null
wait_until one_pane && ok || bad "not one pane at 40 columns"
keys v
wait_for "showing the rewrite" && ok || bad "v did not switch the single pane at 40 columns"

# m shows the raw word diff; m again the passages.
tm resize-window -t t -x 120 -y 30 2>/dev/null
# the redraw at 120 columns first, so that it cannot clear m's message
wait_until separator_near 62 || bad "no redraw at 120 columns"
keys m
wait_for "raw word diff" && ok || bad "m did not switch to the raw diff"
keys m
wait_for "aligned passages" && ok || bad "m did not switch back"

# e writes an export equal to the command line's.
keys e
wait_for "Export to file:" && ok || bad "e did not ask for a file"
keys "$tmp/from-viewer.json" Enter
wait_for "Format" && ok || bad "e did not ask for a format"
keys json Enter
wait_for "wrote " && ok || bad "e did not report the export"
"$bin" --export=json $S $B >"$tmp/from-cli.json"
cmp -s "$tmp/from-viewer.json" "$tmp/from-cli.json" && ok || bad "viewer export differs from --export=json"
# ... and the HTML report, the same page as --export=html
keys e
wait_for "Export to file:"
keys "$tmp/from-viewer.html" Enter
wait_for "html)" && ok || bad "e does not offer html"
keys html Enter
wait_for "wrote " && ok || bad "e did not report the html export"
"$bin" --export=html $S $B >"$tmp/from-cli.html"
cmp -s "$tmp/from-viewer.html" "$tmp/from-cli.html" && ok || bad "viewer html differs from --export=html"
keys e
wait_for "Export to file:"
keys "$top/$S" Enter
wait_for "Format"
keys text Enter
wait_for "refusing to overwrite an input" && ok || bad "e did not refuse to overwrite an input"

# q leaves a clean terminal and diff's exit status.
keys q
wait_for "EXIT=1" && ok || bad "q did not exit with status 1"
screen | grep -q "?:help" && bad "viewer left on the screen after q" || ok

# Ctrl-C restores the terminal too.
start 100 24 "'$bin'" $S $B
keys C-c
wait_for "EXIT=130" && ok || bad "Ctrl-C did not end the viewer with the signal's status"
screen | grep -q "?:help" && bad "viewer left on the screen after Ctrl-C" || ok

# A dumb terminal gets the text report and a message saying why.
fresh
tm -f /dev/null new-session -d -s t -x 100 -y 30 \
	"cd '$top' && env TERM=dumb '$bin' $S $B 2>'$tmp/dumb.err'; echo EXIT=\$?; sleep 60"
wait_for "EXIT=1" && ok || bad "TERM=dumb did not print the report and exit 1"
grep -q "TERM=dumb.*printing the text report instead" "$tmp/dumb.err" && ok ||
	bad "TERM=dumb gave no message: $(cat "$tmp/dumb.err")"
fresh
tm -f /dev/null new-session -d -s t -x 100 -y 30 \
	"cd '$top' && env -u TERM '$bin' $S $B 2>'$tmp/noterm.err' >/dev/tty; echo EXIT=\$?; sleep 60"
wait_for "EXIT=1" && ok || bad "TERM unset did not print the report and exit 1"
grep -q "TERM is not set" "$tmp/noterm.err" && ok || bad "TERM unset gave no message"

# An unknown terminal type: the report instead, and a message saying why.
fresh
tm -f /dev/null new-session -d -s t -x 100 -y 30 \
	"cd '$top' && env TERM=no-such-terminal '$bin' $S $B 2>'$tmp/unknown.err'; echo EXIT=\$?; sleep 60"
wait_for "EXIT=1" && ok || bad "unknown TERM did not print the report and exit 1"
grep -q "unknown" "$tmp/unknown.err" && ok || bad "unknown TERM gave no message: $(cat "$tmp/unknown.err")"

# A C or POSIX locale still shows UTF-8 text, not escapes or question marks.
printf 'Caf\303\251 na\303\257ve \342\200\224 \342\200\234quoted\342\200\235 text.\n' >"$tmp/uni.txt"
start 120 30 "env LC_ALL=POSIX '$bin'" $S "$tmp/uni.txt"
wait_for "?:help" && ok || bad "viewer did not open under LC_ALL=POSIX"
screen | grep -q "Café naïve — “quoted”" && ok || bad "UTF-8 text garbled under LC_ALL=POSIX"
keys q
wait_for "EXIT=1" && ok || bad "q under LC_ALL=POSIX did not exit 1"

# A tiny terminal says so instead of drawing garbage; growing it redraws.
start 12 2 "'$bin'" $S $B
wait_for "terminal too" && ok || bad "no message on a 12x2 terminal"
tm resize-window -t t -x 100 -y 30 2>/dev/null
wait_for "?:help" && ok || bad "viewer did not come back after growing the terminal"
keys q
wait_for "EXIT=1" && ok || bad "q after the tiny terminal did not exit 1"

# NO_COLOR: no colour, kinds still visible by margin marks.
start 100 24 "env NO_COLOR=1 '$bin'" $S $B
wait_for "?:help"
tm capture-pane -e -p -t t 2>/dev/null | grep -q "$(printf '\033')\[3[0-7]m" && bad "colour used under NO_COLOR" || ok
screen | grep -q "^> " && ok || bad "margin marks missing without colour"

# ---- several rewrites: the overview -------------------------------------
FOUR="samples/danang-report.txt samples/monitoring-desk.txt samples/brics-post.txt samples/newsbharati.txt"
fresh
tm -f /dev/null new-session -d -s t -x 120 -y 30 \
	"trap true INT; cd '$top' && env TERM=xterm-256color LANG=C.UTF-8 '$bin' $S $FOUR; echo EXIT=\$?; sleep 60"
wait_for "official: samples/statement.txt, 474 words" && ok || bad "overview did not open"
[ "$(screen | grep -c '^ *[1-4] ')" -ge 4 ] && ok || bad "overview lacks a row per rewrite"
# sort by words, largest first; again: smallest first
keys 3
wait_for "sorted by words" && ok || bad "3 did not sort by words"
screen | sed -n 3p | grep -q " 702 " && ok || bad "the longest rewrite is not first"
keys 3
wait_for "(reversed)" && ok || bad "3 again did not reverse"
screen | sed -n 3p | grep -q " 306 " && ok || bad "the shortest rewrite is not first after reversing"
keys 1
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
keys ?
wait_for "overview keys" && ok || bad "? did not show the overview's help"
keys x
keys q
wait_for "EXIT=1" && ok || bad "q did not leave the overview with status 1"

echo "tui: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
