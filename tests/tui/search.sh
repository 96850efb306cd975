#!/bin/sh
# tests/tui/search.sh - / and n N: matches counted, straight and curly
# apostrophes alike, a wrap said.
#
# usage: sh tests/tui/search.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup search "$1"

start 150 60 "'$bin'" $S $B

# /Geneva then n moves between matches, N comes back.
keys / G e n e v a Enter
wait_for "/Geneva: match 1/" && ok || bad "search did not find Geneva"
p1=$(position)
step n
[ -n "$p1" ] && [ "$p1" != "$now" ] && ok || bad "n did not move to the next match ($p1 -> $now)"
keys N
wait_until position_is "$p1" && ok || bad "N did not come back to the previous match"

# A straight apostrophe finds a curly one, with a count.
keys g / "Moscow's" Enter
wait_for "/Moscow's: match 1/" && ok || bad "/Moscow's did not find Moscow’s"
screen | head -n -2 | grep -q "Moscow’s" && ok || bad "Moscow’s is not on the screen after the search"

# n past the last match says the search wrapped: each n says the next
# match's number, and the one after the last says match 1 and the wrap.
keys / geneva Enter
wait_for "/geneva: match 1/" && ok || bad "/geneva gave no count"
total=$(screen | tail -1 | sed -n 's|.*match 1/\([0-9]*\).*|\1|p')
k=2
while [ "$k" -le "${total:-0}" ]; do
	keys n
	wait_for "/geneva: match $k/$total" || break
	k=$((k + 1))
done
keys n
[ "$k" -gt "${total:-0}" ] && wait_for "match 1/$total  (search wrapped to the top)" && ok ||
	bad "n past the last match did not say it wrapped"

tui_done
