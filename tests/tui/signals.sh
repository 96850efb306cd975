#!/bin/sh
# tests/tui/signals.sh - Ctrl-C, and every signal that ends the program by
# default, restore the terminal first and end with the signal's status.
#
# usage: sh tests/tui/signals.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup signals "$1"

# Ctrl-C restores the terminal too.
start 100 24 "'$bin'" $S $B
keys C-c
wait_for "EXIT=130" && ok || bad "Ctrl-C did not end the viewer with the signal's status"
screen | grep -q "?:help" && bad "viewer left on the screen after Ctrl-C" || ok

# SIGQUIT, SIGUSR1, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU as well as SIGINT
# (SIGTERM, SIGHUP and SIGUSR2: the same handler).  The status is 128 and
# the signal's number (this system's, from python3).
for sig in QUIT USR1 ALRM VTALRM PROF XCPU; do
	want=$((128 + $(python3 -c "import signal; print(int(signal.SIG$sig))")))
	start 100 24 "'$bin'" $S $B
	pid=$(tm list-panes -t t -F '#{pane_pid}')
	# the pane's shell has one child: the viewer (env execs it)
	kill -"$sig" $(pgrep -P "$pid")
	wait_for "EXIT=$want" && ok || bad "SIG$sig did not end the viewer with the signal's status"
	screen | grep -q "?:help" && bad "viewer left on the screen after SIG$sig" || ok
	tm display -p -t t '#{alternate_on}' | grep -qx 0 && ok || bad "SIG$sig left the terminal in the viewer's screen"
done

tui_done
