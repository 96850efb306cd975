# tests/tui/lib.sh - what the viewer's screen test scripts share: sourced
# by each, after `set -u`, as
#     . "$(dirname "$0")/lib.sh"
#     tui_setup NAME "$1"
# It sets bin (the redline binary, absolute), top (the repository, the
# working directory from then on), tmp (a fresh directory, removed on
# exit, with the script's own tmux sockets in it: scripts run at once
# never share a server), S and B (the sample pair), R (the README's pair),
# the counters pass and fail; and gives session, start, keys, screen,
# wait_for, wait_until, settle, the position helpers, step, garble,
# redraw_restores, ok, bad, known and tui_done.  A script skips (saying
# so, passing) when tmux is absent.
#
# Waiting: wait_for and wait_until poll for what MUST show, up to
# TUI_WAIT seconds (default 10: they cost that only when a check fails).
# What must NOT show is checked once, with a plain grep, after something
# that must show has shown (the screen is drawn by then).

# tui_setup NAME BINARY
tui_setup() {
	tui_name=$1
	bin=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
	top=$(cd "$(dirname "$0")/../.." && pwd)
	pass=0
	fail=0
	if ! command -v tmux >/dev/null 2>&1; then
		echo "tui/$tui_name: tmux not installed; skipped"
		exit 0
	fi
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/redline-tui-$tui_name.XXXXXX")
	nsock=0
	sock="$tmp/tmux.0"
	trap tui_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	cd "$top" || exit 2
	S=samples/statement.txt
	B=samples/brics-post.txt
	R=tests/cli/readme
	wait_steps=$((${TUI_WAIT:-10} * 20))
}

tm() { tmux -S "$sock" "$@"; }

# a fresh tmux server (and socket) for each session: never race a dying one
fresh() {
	tm kill-server 2>/dev/null
	nsock=$((nsock + 1))
	sock="$tmp/tmux.$nsock"
}

tui_cleanup() {
	tm kill-server 2>/dev/null
	rm -rf "$tmp"
}

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	echo "FAIL: tui/$tui_name: $*"
	screen | sed 's/^/  | /' | head -40
}

# known WHAT: a check that fails for a known bug in the viewer (not in
# the test), kept so that the bug stays in sight; said, not counted
known() {
	echo "KNOWN BUG: tui/$tui_name: $*"
}

# tui_done: the counts, and the script's exit status
tui_done() {
	echo "tui/$tui_name: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

screen() { tm capture-pane -p -t t 2>/dev/null; }
keys() { tm send-keys -t t "$@"; }

# wait_until COMMAND...: poll until COMMAND succeeds (TUI_WAIT seconds at
# most)
wait_until() {
	i=0
	while [ $i -lt "$wait_steps" ]; do
		"$@" && return 0
		i=$((i + 1))
		sleep 0.05
	done
	return 1
}
# the screen shows TEXT (a fixed string), or a line matching the
# extended regular expression RE
shows() { screen | grep -qF -- "$1"; }
shows_re() { screen | grep -qE -- "$1"; }
# the screen is exactly TEXT
screen_is() { [ "$(screen)" = "$1" ]; }
# wait_for TEXT: poll the screen until TEXT shows
wait_for() { wait_until shows "$1"; }

# the position on the status line, e.g. "12/30"
position() { screen | tail -2 | grep -o '[0-9]*/[0-9]* ' | head -1 | tr -d ' '; }
# the position is now P, or is no longer P
position_is() { [ "$(position)" = "$1" ]; }
position_not() { p=$(position); [ -n "$p" ] && [ "$p" != "$1" ]; }
# the first passage is current ("1/N"); sets first to that position
position_first() { first=$(position); [ "${first%/*}" = 1 ]; }
# the two panes' separator stands near column C (a redraw at a new width)
separator_near() { screen | grep -q "^.\{$(($1 - 3)),$(($1 + 3))\}| "; }
# no row shows the two panes' separator (one pane)
one_pane() { ! screen | head -n -2 | grep -q " | "; }

# step KEY: send KEY and wait until the status line's position changes
# (a jump); sets now to the new position
step() {
	was=$(position)
	keys "$1"
	wait_until position_not "$was"
	now=$(position)
}

# session WIDTH HEIGHT COMMAND: COMMAND (run by sh in the repository,
# TERM=xterm-256color, a UTF-8 locale) in a detached tmux session of a
# fresh server; its exit status shows as EXIT=N when it ends.  The wrapper
# shell traps INT so that Ctrl-C reaches only the program.
session() {
	fresh
	tm -f /dev/null new-session -d -s t -x "$1" -y "$2" \
		"trap true INT; cd '$top' && env TERM=xterm-256color LANG=C.UTF-8 $3; echo EXIT=\$?; sleep 60"
}

# start WIDTH HEIGHT ARGS...: the viewer in a fresh session, waited for
# until it has drawn its screen (or said the terminal is too small, or
# ended)
start() {
	w=$1 h=$2
	shift 2
	session "$w" "$h" "$*"
	wait_until shows_re '\?:help|terminal too|EXIT=[0-9]'
}

# garble: write text straight to the pane's terminal behind the viewer's
# back, over row 5 (the cursor saved and restored around it, so that the
# viewer's idea of the cursor stays right), and wait until it shows
garble() {
	e=$(printf '\033')
	printf '%s7%s[5;3HXXGARBAGEXX%s8' "$e" "$e" "$e" \
		>"$(tm display -p -t t '#{pane_tty}')"
	wait_for XXGARBAGEXX
}

# settle: wait until two captures of the screen 0.1 s apart are the same
# (the screen is drawn and nothing moves); sets settled to that screen
settle() {
	settled=$(screen)
	i=0
	while [ $i -lt "$wait_steps" ]; do
		sleep 0.1
		now_screen=$(screen)
		[ "$now_screen" = "$settled" ] && return 0
		settled=$now_screen
		i=$((i + 2))
	done
	return 1
}

# redraw_restores KEY: on a screen with nothing that KEY itself changes
# (no message that a key clears), garbage written behind the viewer's back
# shows, and KEY (C-l) takes it away and brings the same screen back.  An
# ignored KEY leaves the garbage: this fails.
redraw_restores() {
	settle || return 1
	before=$settled
	case $before in *XXGARBAGEXX*) return 1 ;; esac
	garble || return 1
	keys "$1"
	wait_until screen_is "$before"
}
