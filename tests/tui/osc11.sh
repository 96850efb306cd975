#!/bin/sh
# tests/tui/osc11.sh - the theme from the terminal's answer to OSC 11, on
# a fake terminal (osc11.py: a pseudo-terminal, no tmux needed), and in
# tmux, which answers from the pane's background (window-style).
#
# usage: sh tests/tui/osc11.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup osc11 "$1"

# the fake terminal's checks, counted here
if command -v python3 >/dev/null 2>&1; then
	python3 "$top/tests/tui/osc11.py" "$bin" >"$tmp/py.out" 2>&1
	sed '$d' "$tmp/py.out"
	counts=$(tail -1 "$tmp/py.out" | sed -n 's|^tui/osc11: \([0-9]*\) passed, \([0-9]*\) failed$|\1 \2|p')
	if [ -n "$counts" ]; then
		set -- $counts
		pass=$((pass + $1))
		fail=$((fail + $2))
	else
		fail=$((fail + 1))
		echo "FAIL: tui/osc11: osc11.py ended without its counts"
		cat "$tmp/py.out"
	fi
else
	echo "tui/osc11: python3 not installed; the fake terminal's checks skipped"
fi

E=$(printf '\033')
added() { tm capture-pane -e -p -t t | grep "Critics called"; }
tinted() { added | grep -q "38;5;$1m$E\\[48;5;$2mCritics"; }
# start_bg COLOUR ENV...: the viewer on the README's pair in a tmux whose
# panes' background is COLOUR (window-style), which tmux gives as its
# answer to OSC 11; COLORFGBG and REDLINE_THEME empty unless ENV sets them
start_bg() {
	bg=$1
	shift
	fresh
	tm -f /dev/null new-session -d -s t -x 100 -y 20 \
		"trap true INT; cd '$top' && env TERM=xterm-256color LANG=C.UTF-8 COLORFGBG= REDLINE_THEME= $* '$bin' $R/official.txt $R/story.txt; echo EXIT=\$?; sleep 60" \; \
		set -g window-style "bg=$bg"
	wait_until shows_re '\?:help|EXIT=[0-9]'
}
start_bg '#ffffff'
tinted 16 194 && ok || bad "tmux's white background did not choose the light theme: $(added | cat -v)"
keys q
wait_for "EXIT=1" && ok || bad "q did not quit after the answer"
start_bg '#000000'
tinted 231 22 && ok || bad "tmux's black background did not choose the dark theme: $(added | cat -v)"
keys q
start_bg '#ffffff' "COLORFGBG='15;0'"
tinted 231 22 && ok || bad "COLORFGBG did not beat the terminal's answer"
keys q
start_bg '#000000' REDLINE_THEME=light
tinted 16 194 && ok || bad "REDLINE_THEME did not beat the terminal's answer"
keys q

tui_done
