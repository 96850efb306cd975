#!/bin/sh
# tests/cli/color.sh - the coloured exports (--color, NO_COLOR) through the
# real binary: colour where asked for and only there, the same text under
# the colour, and input escapes cleaned even when the output is piped;
# the viewer's tints on 256-colour and direct-colour terminals.
#
# usage: sh tests/cli/color.sh PATH/TO/redline
set -u

. "$(dirname "$0")/lib.sh"
cli_setup color "$1"
esc=$(printf '\033')
# has NAME FILE TEXT: FILE holds TEXT (fixed string)
has() {
	if grep -qF -- "$3" "$2"; then ok; else bad "$1: no '$3' in $(head -c 300 "$2" | cat -v)"; fi
}
no_esc() {
	if grep -q "$esc" "$2"; then bad "$1: an escape in the output"; else ok; fi
}
strip() { sed "s/$esc\[[0-9;]*m//g" "$1"; }

A=$r/official.txt B=$r/story.txt
for fmt in text plain wdiff; do
	rl --color=always --export=$fmt -W 76 "$A" "$B" >"$tmp/c.$fmt"
	[ $? -eq 1 ] && ok || bad "$fmt: exit status"
	rl --color=never --export=$fmt -W 76 "$A" "$B" >"$tmp/n.$fmt"
	no_esc "$fmt never" "$tmp/n.$fmt"
	rl --export=$fmt -W 76 "$A" "$B" >"$tmp/d.$fmt"
	no_esc "$fmt auto, piped" "$tmp/d.$fmt"
	# the colour adds nothing but itself
	strip "$tmp/c.$fmt" | cmp -s - "$tmp/n.$fmt" && ok ||
		bad "$fmt: coloured text differs from the plain one"
done
has "text: addition green" "$tmp/c.text" "${esc}[1;32maddition${esc}[m"
has "text: omission red" "$tmp/c.text" "${esc}[1;31momission${esc}[m"
has "text: paraphrase yellow" "$tmp/c.text" "${esc}[33mparaphrase${esc}[m"
has "text: deletion red" "$tmp/c.text" "${esc}[31m[-40-]${esc}[m"
has "text: changed fact" "$tmp/c.text" "${esc}[1;4;35m45${esc}[m"
has "wdiff: insertion green" "$tmp/c.wdiff" "${esc}[32m{+45+}${esc}[m"
has "wdiff: deletion red" "$tmp/c.wdiff" "${esc}[31m[-40-]${esc}[m"
has "plain: margin" "$tmp/c.plain" "${esc}[1;32m>${esc}[m"

# On a terminal of 256 colours (or direct colour) the exports take the
# viewer's tints (palette.h): the theme's foreground on a background, in
# the dark theme unless asked (white 231 on deep red 88, green 22, purple
# 53), in the light one black 16 on pale (red 217, green 157)
TERM=xterm-256color rl --color=always --export=wdiff "$A" "$B" >"$tmp/t.wdiff"
has "256: deletion tinted" "$tmp/t.wdiff" "${esc}[38;5;231;48;5;88m[-40-]${esc}[m"
has "256: insertion tinted" "$tmp/t.wdiff" "${esc}[38;5;231;48;5;22m{+45+}${esc}[m"
TERM=xterm-256color rl --color=always "$A" "$B" >"$tmp/t.text"
has "256: a finding bold, underlined, tinted" "$tmp/t.text" "${esc}[1;4;38;5;231;48;5;53m45${esc}[m"
TERM=xterm-256color rl --color=always --theme=light --export=wdiff "$A" "$B" >"$tmp/l.wdiff"
has "light: insertion tinted" "$tmp/l.wdiff" "${esc}[38;5;16;48;5;157m{+45+}${esc}[m"
TERM=xterm-256color COLORFGBG='0;15' rl --color=always --export=wdiff "$A" "$B" >"$tmp/l2.wdiff"
cmp -s "$tmp/l.wdiff" "$tmp/l2.wdiff" && ok || bad "a light COLORFGBG did not choose the light theme"
COLORTERM=truecolor rl --color=always --export=wdiff "$A" "$B" >"$tmp/d.wdiff"
has "direct colour" "$tmp/d.wdiff" "${esc}[38;2;255;255;255;48;2;0;95;0m{+45+}${esc}[m"
for f in t.wdiff l.wdiff d.wdiff; do
	strip "$tmp/$f" | cmp -s - "$tmp/n.wdiff" && ok || bad "$f: the tints changed the text"
done
has "plain: insertion" "$tmp/c.plain" "${esc}[32m{+After hours of debate, the+}${esc}[m"

rl --color=always --export=summary -W 80 "$A" "$B" "$r/wire.txt" "$r/weekly.txt" >"$tmp/c.sum"
has "summary: omitted red" "$tmp/c.sum" "${esc}[1;31m-${esc}[m"
has "summary: verbatim green" "$tmp/c.sum" "${esc}[32m=${esc}[m"
rl --color=never --export=summary -W 80 "$A" "$B" "$r/wire.txt" "$r/weekly.txt" >"$tmp/n.sum"
strip "$tmp/c.sum" | cmp -s - "$tmp/n.sum" && ok || bad "summary: coloured text differs"

# JSON and stats are for programs: never coloured
rl --color=always --export=json "$A" "$B" >"$tmp/c.json"
no_esc "json always" "$tmp/c.json"
rl --color=always --stats "$A" "$B" >"$tmp/c.stats"
no_esc "stats always" "$tmp/c.stats"

# auto on a terminal colours, unless NO_COLOR is set; always beats NO_COLOR
script -qec "'$bin' --export=wdiff '$A' '$B'" /dev/null >"$tmp/tty" 2>&1
has "auto on a terminal" "$tmp/tty" "${esc}[32m{+45+}"
NO_COLOR=1 script -qec "'$bin' --export=wdiff '$A' '$B'" /dev/null >"$tmp/tty" 2>&1
no_esc "NO_COLOR on a terminal" "$tmp/tty"
NO_COLOR=1 rl --color=always --export=wdiff "$A" "$B" >"$tmp/nc"
has "always over NO_COLOR" "$tmp/nc" "${esc}[32m"

# the input's own escapes never pass, even piped in colour
printf 'a \033[2J\033]0;owned\007 b \033[5m blink\n' >"$tmp/esc.txt"
for fmt in text plain wdiff; do
	rl --color=always --export=$fmt "$A" "$tmp/esc.txt" >"$tmp/e.$fmt"
	strip "$tmp/e.$fmt" >"$tmp/e2.$fmt"
	no_esc "input escapes, $fmt" "$tmp/e2.$fmt"
	has "input escapes shown, $fmt" "$tmp/e.$fmt" "$(printf '\342\220\233')"
done

cli_done
