#!/bin/sh
# tests/eval/rules.sh - what each linking rule earns: the pooled macro-F1
# of the tuning set and of the check set with every rule, and with each
# rule left out in turn (redline --rules-off), as a Markdown table.  A
# rule that helps nothing on the check set has not earned its place there.
#
# usage: sh tests/eval/rules.sh [REDLINE]   (default ./redline)
set -eu
bin=${1:-./redline}
here=$(dirname "$0")
rules=$("$bin" --rules-off=? /dev/null /dev/null 2>&1 |
	sed -n "s/.*is not a linking rule (\(.*\))$/\1/p" | tr -d ,)
[ -n "$rules" ] || { echo "rules.sh: no rule names from $bin" >&2; exit 2; }

# figures ARGS: "tuning-off tuning-rew check-off check-rew" of one run
figures() {
	REDLINE_ARGS="$1" python3 "$here/score.py" --quiet "$bin" \
		--pairs "$here/pairs.list" |
		awk '/^== pooled over the .* tuning set/ { t = 1; next }
		     /^== pooled over the .* check set/ { c = 1; next }
		     /^macro-F1/ && (t == 1 || c == 1) {
			split($2, o, "="); split($3, r, "=")
			if (t == 1) { tu = o[2] " " r[2]; t = 2 }
			else { ch = o[2] " " r[2]; c = 2 } }
		     END { print tu, ch }'
}

set -- $(figures "")
echo "| rule (with it, less without it) | tuning official | tuning rewrite | check official | check rewrite |"
echo "|---|---|---|---|---|"
echo "| every rule (the figures) | $1 | $2 | $3 | $4 |"
base="$*"
for r in $rules; do
	set -- $base $(figures "--rules-off=$r")
	# the change each rule brings: with it, less without it
	echo "$r $*" | awk '{ printf "| %s | %+.3f | %+.3f | %+.3f | %+.3f |\n",
		$1, $2 - $6, $3 - $7, $4 - $8, $5 - $9 }'
done
