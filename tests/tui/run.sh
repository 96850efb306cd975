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
# the first passage is current ("1/N"); sets first to that position
position_first() { first=$(position); [ "${first%/*}" = 1 ]; }
position_not() { p=$(position); [ -n "$p" ] && [ "$p" != "$1" ]; }
# the two panes' separator stands near column C (a redraw at a new width)
separator_near() { screen | grep -q "^.\{$(($1 - 3)),$(($1 + 3))\}| "; }
# the overview's table was drawn again at 60 columns (no longer 120 wide)
separator_gone() { ! screen | grep -q "11:additions\|7:additions"; }
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
# the pair's block counts, as the JSON export gives them: the status line
# shows the same ("=1 ~5 <9 >15 *1")
COUNTS=$("$bin" --export=json $S $B | python3 -c 'import json, sys
s = json.load(sys.stdin)["summary"]
print("=%d ~%d <%d >%d *%d" % (s["verbatim"], s["paraphrase"], s["omission"],
                              s["addition"], s["moved"]))')

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
# the status line keeps the position, kind, counts and ?:help, and
# shortens the file names from the left
screen | tail -2 | head -1 | grep -q "^[0-9]*/[0-9]* [a-z]" && ok || bad "the position and kind are not first at 60 columns"
screen | tail -2 | head -1 | grep -qF "$COUNTS  ?:help" && ok || bad "the counts ($COUNTS) or ?:help went at 60 columns"
keys g
wait_until position_first
screen | tail -2 | head -1 | grep -q "\.\.\.[a-z-]*\.txt | \.\.\." && ok || bad "the file names are not shortened from the left at 60 columns"
wide=$(screen | perl -CS -ne 'print if length($_) > 61' | wc -l)
[ "$wide" -eq 0 ] && ok || bad "lines wider than 60 columns after the resize"
screen | grep -q "|" && ok || bad "two panes gone at 60 columns"
tm resize-window -t t -x 40 -y 30 2>/dev/null
wait_until one_pane && ok || bad "not one pane at 40 columns"
keys v
wait_for "showing the rewrite" && ok || bad "v did not switch the single pane at 40 columns"
screen | tail -2 | head -1 | grep -q " rewrite" && ok || bad "the status line does not name the side shown"

# m shows the raw word diff; m again the passages.
tm resize-window -t t -x 120 -y 30 2>/dev/null
# the redraw at 120 columns first, so that it cannot clear m's message
wait_until separator_near 62 || bad "no redraw at 120 columns"
keys m
wait_for "raw word diff" && ok || bad "m did not switch to the raw diff"
keys m
wait_for "aligned passages" && ok || bad "m did not switch back"

# e writes an export equal to the command line's: the format from the
# file name's extension, in any case.
keys e
wait_for "Export to file [brics-post-redline.txt]:" && ok || bad "e did not ask for a file, proposing a name"
keys "$tmp/from-viewer.JSON" Enter
wait_for "wrote " && ok || bad "e did not report the export"
"$bin" --export=json $S $B >"$tmp/from-cli.json"
cmp -s "$tmp/from-viewer.JSON" "$tmp/from-cli.json" && ok || bad "viewer export differs from --export=json"
# ... and the HTML report, the same page as --export=html (the format from
# the extension)
keys e
wait_for "Export to file"
keys "$tmp/from-viewer.html" Enter
wait_for "wrote " && ok || bad "e did not report the html export"
"$bin" --export=html $S $B >"$tmp/from-cli.html"
cmp -s "$tmp/from-viewer.html" "$tmp/from-cli.html" && ok || bad "viewer html differs from --export=html"
keys e
wait_for "Export to file"
keys "$top/$S" Enter
wait_for "refusing to overwrite an input" && ok || bad "e did not refuse to overwrite an input"
# an existing file: asked first; Esc keeps it, y replaces it
echo keep >"$tmp/exists.txt"
keys e
wait_for "Export to file"
keys "$tmp/exists.txt" Enter
wait_for "exists: replace it? (y/n)" && ok || bad "e did not ask before replacing a file"
keys Escape
wait_for "export cancelled" && ok || bad "Esc at the replace question did not cancel"
[ "$(cat "$tmp/exists.txt")" = keep ] && ok || bad "Esc at the replace question changed the file"
keys e
wait_for "Export to file"
keys "$tmp/exists.txt" Enter
wait_for "exists: replace it?"
keys y
wait_for "wrote $tmp/exists.txt (text)" && ok || bad "y did not replace the file"
"$bin" --export=text $S $B >"$tmp/from-cli.txt"
cmp -s "$tmp/exists.txt" "$tmp/from-cli.txt" && ok || bad "the replaced file is not the text export"
# an export to the terminal itself ("-", /dev/tty) would write raw text over
# the screen: refused
for to in - /dev/tty; do
	keys e
	wait_for "Export to file:"
	keys "$to" Enter
	wait_for "Format"
	keys wdiff Enter
	wait_for "$to: is a terminal" && ok || bad "e to $to was not refused"
done

# q leaves a clean terminal and diff's exit status.
keys q
wait_for "EXIT=1" && ok || bad "q did not exit with status 1"
screen | grep -q "?:help" && bad "viewer left on the screen after q" || ok

# The BRICS Post's split sentence stands beside both its pieces, one of
# them from further down the rewrite, in one band of rows (no margin mark
# between them); no row shows a piece with an empty official side.
start 150 60 "'$bin'" $S $B
keys / "They confirmed that the ultimate" Enter
wait_for "match 1/1" && ok || bad "the split sentence was not found"
band=$(screen | awk '/They confirmed that the ultimate/ {on = 1; print; next}
	on && /^[^ ]/ {exit} on {print}')
echo "$band" | head -1 | grep -q "| Both Russia and the US" && ok || bad "the first piece is not beside the official sentence"
echo "$band" | grep -q "| .The ultimate political solution to the conflict must" && ok ||
	bad "the second piece is not in the official sentence's band"
screen | grep -q "^[=~][ *] *| \\(Both Russia\\|.The ultimate political\\)" &&
	bad "a piece of the split shows with an empty official side" || ok
screen | tail -2 | grep -q "split in 2" && ok || bad "the status line does not say the sentence was split"
screen | tail -2 | grep -q "moved (rewrite ¶10.1)" && ok || bad "the status line does not say where the moved piece came from"
# an omission is tinted across its text (red), not only in its margin:
# its second row starts red with no margin mark
keys g
wait_until position_first
tm capture-pane -e -p -t t | grep -q "^   $(printf '\033')\[31m[A-Za-z]" && ok ||
	bad "the omission's text is not red"

# A merge the same way round: the Danang report's one sentence beside the
# two official sentences it merges, in one band.
keys q
start 150 60 "'$bin'" $S samples/danang-report.txt
keys / "there is no military solution" Enter
wait_for "2 merged" && ok || bad "the status line does not say two sentences were merged"
band=$(screen | awk '/The Presidents agreed that there is no military/ {on = 1; print; next}
	on && /^[^ ]/ {exit} on {print}')
echo "$band" | head -1 | grep -q "| The Presidents agreed that there is no military" && ok ||
	bad "the merged sentence is not beside the first official sentence"
echo "$band" | grep -q "They confirmed that the ultimate political solution.*|" && ok ||
	bad "the second merged official sentence is not in the band"
keys q
start 150 60 "'$bin'" $S $B

# Search: a straight apostrophe finds a curly one, with a count; n past
# the last match says the search wrapped.
keys g / "Moscow's" Enter
wait_for "/Moscow's: match 1/" && ok || bad "/Moscow's did not find Moscow’s"
screen | head -n -2 | grep -q "Moscow’s" && ok || bad "Moscow’s is not on the screen after the search"
keys / geneva Enter
wait_for "/geneva: match 1/" && ok || bad "/geneva gave no count"
total=$(screen | tail -1 | sed -n 's|.*match 1/\([0-9]*\).*|\1|p')
wrapped=0
for _ in 1 2 3 4 5 6 7 8; do
	keys n
	if wait_for "search wrapped to the top" 1; then wrapped=1; break; fi
done
[ $wrapped = 1 ] && screen | tail -1 | grep -q "match 1/$total" && ok || bad "n past the last match did not say it wrapped"

# Passage numbers on demand: the official sentence of the split is the
# first of its paragraph.
keys '#'
wait_for "passage numbers on" && ok || bad "# did not turn the numbers on"
screen | grep -q "| ¶[0-9]*\.[0-9]* " && ok || bad "no passage numbers shown"
screen | tail -2 | grep -q "\[official ¶[0-9]*\.[0-9]*, rewrite" && ok || bad "the status line does not cite the passage"
keys '#'

# A click selects the passage under it (SGR mouse report, as xterm sends):
# the status line moves to it, without scrolling.
keys g
wait_until position_first
row=$(screen | grep -n "^~ " | head -1 | cut -d: -f1)
keys -l "$(printf '\033[<0;10;%dM\033[<0;10;%dm' "$row" "$row")"
wait_until position_not "$first" && ok || bad "a click did not select a passage"
screen | sed -n "${row}p" | grep -q "^~.▌" && ok || bad "the clicked passage has no marker"
keys M
wait_for "mouse off" && ok || bad "M did not turn the mouse off"

# Esc in the pair view does nothing destructive.
keys Escape
wait_for "q quits" && ok || bad "Esc did not just say that q quits"
screen | grep -q "?:help" && ok || bad "Esc left the viewer"
keys q

# Two jumps on a screen where nothing scrolls give two screens: the
# marker moves even when the passage is already shown.
R=tests/cli/readme
start 100 24 "'$bin'" $R/official.txt $R/story.txt
wait_for "?:help"
keys ']'
wait_until position_is "2/4"
s1=$(screen | head -n -2)
keys ']'
wait_until position_is "3/4"
s2=$(screen | head -n -2)
[ -n "$s1" ] && [ "$s1" != "$s2" ] && ok || bad "two jumps on one screen look the same"
echo "$s2" | grep -q "^> ▌" && ok || bad "the marker is not on the addition after the jumps"
# the help: open, resize, Ctrl-L changes nothing; it scrolls when short
keys '?'
wait_for "redline - keys"
tm resize-window -t t -x 70 -y 20 2>/dev/null
wait_for "lines 1-19 of" && ok || bad "the help was not laid out again for 20 rows"
h1=$(screen)
keys C-l
sleep 0.2
h2=$(screen)
[ "$h1" = "$h2" ] && ok || bad "Ctrl-L changed the help after a resize"
keys j
wait_for "lines 2-20 of" && ok || bad "j did not scroll the help"
keys q
wait_until separator_near 36 && ok || bad "the viewer was not laid out again after the help"
p1=$(screen)
keys C-l
sleep 0.2
[ "$p1" = "$(screen)" ] && ok || bad "Ctrl-L changed the viewer after the help"
# a resize under an open prompt lays the screen out again
keys /
tm resize-window -t t -x 100 -y 24 2>/dev/null
wait_until separator_near 51 && ok || bad "a resize under the search prompt did not lay out again"
screen | tail -1 | grep -q "^/" && ok || bad "the prompt went away on a resize"
keys Escape
wait_for "search cancelled" && ok || bad "Esc did not cancel the search"

# Changes only: an unchanged passage folds to one row, cut with a mark;
# with wrap off, Right scrolls and a mark shows text hidden to the left.
same="This first sentence stays exactly the same in both of the texts, and it is long enough to wrap."
printf '%s Then the official text says one thing.\n' "$same" >"$tmp/fold-a.txt"
printf '%s Then the rewrite says something else entirely.\n' "$same" >"$tmp/fold-b.txt"
start 80 20 "'$bin'" "$tmp/fold-a.txt" "$tmp/fold-b.txt"
wait_for "?:help"
[ "$(screen | grep -c "stays exactly\|long enough to wrap")" -ge 2 ] && ok || bad "the kept sentence does not wrap"
keys c
wait_for "changes only" && ok || bad "c did not fold"
screen | grep -q "^= .This first sentence.*>.*|.*>$" && ok || bad "the kept sentence is not one cut row"
screen | grep -q "long enough to wrap" && bad "the folded sentence still wraps" || ok
keys c w
wait_for "wrapping off"
keys Right
wait_for "scrolled" && ok || bad "Right did not scroll"
screen | grep -q "^= .<" && ok || bad "no mark where text is hidden at the left"
keys q

# Esc at each prompt writes nothing: the directory stays empty.
mkdir "$tmp/empty"
start 100 24 "sh -c 'cd \"$tmp/empty\" && exec \"$bin\" \"$top/$S\" \"$top/$B\"'"
wait_for "?:help"
keys e
wait_for "Export to file"
keys Escape
wait_for "export cancelled" && ok || bad "Esc at the file prompt did not cancel"
keys e
wait_for "Export to file"
keys out.data Enter
wait_for "Format (text" && ok || bad "an unknown extension did not ask for the format"
keys Escape
wait_for "export cancelled" && ok || bad "Esc at the format prompt did not cancel"
keys /
keys Escape
wait_for "search cancelled"
[ -z "$(ls -A "$tmp/empty")" ] && ok || bad "Esc at a prompt wrote: $(ls -A "$tmp/empty")"
keys e
wait_for "Export to file"
keys Enter
wait_for "wrote brics-post-redline.txt (text)" && ok || bad "Enter did not take the proposed name"
keys q

# Ctrl-C restores the terminal too.
start 100 24 "'$bin'" $S $B
keys C-c
wait_for "EXIT=130" && ok || bad "Ctrl-C did not end the viewer with the signal's status"
screen | grep -q "?:help" && bad "viewer left on the screen after Ctrl-C" || ok

# Every signal that ends the program by default restores the terminal
# first: SIGQUIT, SIGUSR1, SIGALRM as well as SIGINT, SIGTERM, SIGHUP.
for run in QUIT:131 USR1:138 ALRM:142; do
	sig=${run%%:*} want=${run#*:}
	start 100 24 "'$bin'" $S $B
	wait_for "?:help"
	pid=$(tm list-panes -t t -F '#{pane_pid}')
	# the pane's shell has one child: the viewer (env execs it)
	kill -"$sig" $(pgrep -P "$pid")
	wait_for "EXIT=$want" && ok || bad "SIG$sig did not end the viewer with the signal's status"
	screen | grep -q "?:help" && bad "viewer left on the screen after SIG$sig" || ok
	tm display -p -t t '#{alternate_on}' | grep -qx 0 && ok || bad "SIG$sig left the terminal in the viewer's screen"
done

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

# A changed fact is drawn unlike a new one (reversed, not underlined) and
# the status line gives the value it replaced; an omission names its
# nearest passage on the other side.
R=tests/cli/readme
start 120 20 "'$bin'" $R/official.txt $R/story.txt
wait_for "?:help" || bad "viewer did not open on the README's pair"
found=0
for _ in 1 2 3 4; do
	keys ']'
	if wait_for "changed 40" 1; then found=1; break; fi
done
[ $found = 1 ] && screen | tail -2 | grep -q "changed 40→45" && ok ||
	bad "the status line does not give the changed fact with its old value"
tm capture-pane -e -p -t t | grep "repair" | grep -q "$(printf '\033')\[[0-9;]*7[;m][^ ]*45" && ok ||
	bad "the changed fact is not drawn reversed"
found=0
for _ in 1 2 3 4 5; do
	keys ']'
	if wait_for "nearest rewrite" 1; then found=1; break; fi
done
[ $found = 1 ] && screen | tail -2 | grep -q "omission.*nearest rewrite ¶[0-9]*\.[0-9]* 0\.[0-9][0-9]" && ok ||
	bad "the omission does not name its nearest passage"
keys q

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
# its counts are said to be sentences, the pair view's passages
screen | grep -q "official sentences (of 17)" && ok || bad "the table does not say its counts are sentences"
screen | grep -q "pair view counts passages" && ok || bad "the table does not say the pair view counts passages"
# at 60 columns the two rewrites whose headlines start alike still differ
tm resize-window -t t -x 60 -y 30 2>/dev/null
wait_until separator_gone
screen | grep -q "Putin, Trump hell" && screen | grep -q "Putin, Trump agree" && ok ||
	bad "two rewrites' names cannot be told apart at 60 columns"
# the details pane wraps at word boundaries: its lines joined by spaces
# are the rewrite's own words
keys Tab g j j
wait_for "sentence 3:"
panel=$(screen | sed -n '/sentence 3:/,$p' | sed '1d;$d' | head -n -1 |
	sed 's/^ *//; s/ *$//' | tr '\n' ' ' | sed 's/ *$//')
cat $FOUR | tr -s ' \n' '  ' | grep -qF -- "$panel" && [ -n "$panel" ] && ok ||
	bad "the details pane breaks words: $panel"
keys q
wait_for "EXIT=1" && ok || bad "q did not leave the overview with status 1"

# Hidden characters: a right-to-left override around a figure shows as a
# symbol, never as itself; the passage's margin says '!' and the status
# line "hidden characters".
printf 'The rate rose to 15 percent in May.\n' >"$tmp/fig.txt"
printf 'The rate rose to \342\200\25615\342\200\254 percent in May.\n' >"$tmp/rlo.txt"
start 100 20 "'$bin'" "'$tmp/fig.txt'" "'$tmp/rlo.txt'"
wait_for "hidden characters" && ok || bad "the status line does not flag hidden characters"
screen | grep -q "^=!▌\?The rate rose" && ok || bad "the passage's margin lacks the hidden-characters mark"
screen | grep -q "$(printf '\342\200\256')" && bad "the override reached the screen as it is" || ok
keys q
wait_for "EXIT=1" && ok || bad "a hidden override is not a difference in the viewer"

echo "tui: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
