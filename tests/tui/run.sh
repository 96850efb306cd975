#!/bin/sh
# tests/tui/run.sh - the viewer as a person uses it: the real binary in a
# detached tmux, keys sent, the screen read.  One script per behaviour
# (tests/tui/*.sh but this one and lib.sh, which they share), each with
# its own tmux servers and temporary directory, so that they run at once:
# TUI_JOBS at a time (default 3: they mostly wait for the screen).  Each
# runs alone too: sh tests/tui/search.sh ./redline.  Each script's output
# is printed whole, then the sum.  Skips (saying so) when tmux is absent.
#
# usage: sh tests/tui/run.sh PATH/TO/redline
set -u

here=$(cd "$(dirname "$0")" && pwd)
if ! command -v tmux >/dev/null 2>&1; then
	echo "tui: tmux not installed; screen tests skipped"
	echo "tui: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$(mktemp -d "${TMPDIR:-/tmp}/redline-tui-run.XXXXXX")
lanes=
trap 'rm -rf "$out"' EXIT
# an interrupted run stops its lanes (each stops its script, which kills
# its tmux server on the way out)
trap 'kill $lanes 2>/dev/null; wait; exit 130' INT
trap 'kill $lanes 2>/dev/null; wait; exit 143' TERM

# the scripts, the slower first so that the lanes end together
scripts=
for t in navigate help overview export resize; do
	[ -f "$here/$t.sh" ] && scripts="$scripts $t"
done
for f in "$here"/*.sh; do
	t=$(basename "$f" .sh)
	case " run lib $scripts " in *" $t "*) continue ;; esac
	scripts="$scripts $t"
done

# lane: run the scripts not yet taken by another lane (mkdir is the lock),
# one at a time
lane() {
	child=
	trap 'kill $child 2>/dev/null; wait; exit 143' TERM
	for t in $scripts; do
		mkdir "$out/$t.taken" 2>/dev/null || continue
		sh "$here/$t.sh" "$bin" >"$out/$t.log" 2>&1 &
		child=$!
		wait $child
		echo $? >"$out/$t.rc"
	done
}
n=0
while [ $n -lt "${TUI_JOBS:-3}" ]; do
	lane &
	lanes="$lanes $!"
	n=$((n + 1))
done
wait

pass=0
fail=0
known=0
for t in $scripts; do
	cat "$out/$t.log" 2>/dev/null
	# the script's last line: "tui/NAME: N passed, M failed"
	counts=$(tail -1 "$out/$t.log" 2>/dev/null |
		sed -n "s|^tui/$t: \([0-9]*\) passed, \([0-9]*\) failed$|\1 \2|p")
	if [ -z "$counts" ]; then
		echo "FAIL: tui/$t ended without its counts (status $(cat "$out/$t.rc" 2>/dev/null))"
		fail=$((fail + 1))
		continue
	fi
	set -- $counts
	pass=$((pass + $1))
	fail=$((fail + $2))
	known=$((known + $(grep -c "^KNOWN BUG: " "$out/$t.log")))
done
# a check kept failing for a bug in the viewer (KNOWN BUG above): said,
# neither passed nor failed
[ "$known" -eq 0 ] || echo "tui: $known known bug(s) in the viewer, said above"
echo "tui: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
