#!/bin/sh
# tests/tui/theme.sh - the viewer's colours on a 256-colour terminal: the
# dark theme's tints (white text on deep colours) by default, the light
# theme's (black on pale) from --theme=light, REDLINE_THEME=light or a
# light COLORFGBG; --theme beats the environment; an eight-colour terminal
# keeps the basic colours; NO_COLOR leaves colour out and every kind still
# marked in the margin.
#
# usage: sh tests/tui/theme.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup theme "$1"

E=$(printf '\033')
# the addition's line of the README's pair, with its escapes
added() { tm capture-pane -e -p -t t | grep "Critics called"; }
# a tint: foreground FG and background BG as xterm 256-colour entries
tinted() { added | grep -q "38;5;$1m$E\\[48;5;$2mCritics"; }

start 100 20 "'$bin'" $R/official.txt $R/story.txt
tinted 231 22 && ok || bad "dark theme: the addition is not white on green 22: $(added | cat -v)"
keys q
start 100 20 "'$bin'" --theme=light $R/official.txt $R/story.txt
tinted 16 194 && ok || bad "--theme=light: the addition is not black on pale green 194: $(added | cat -v)"
keys q
start 100 20 "REDLINE_THEME=light '$bin'" $R/official.txt $R/story.txt
tinted 16 194 && ok || bad "REDLINE_THEME=light did not choose the light theme"
keys q
start 100 20 "COLORFGBG='0;15' '$bin'" $R/official.txt $R/story.txt
tinted 16 194 && ok || bad "a light COLORFGBG did not choose the light theme"
keys q
start 100 20 "COLORFGBG='0;15' '$bin'" --theme=dark $R/official.txt $R/story.txt
tinted 231 22 && ok || bad "--theme=dark did not beat COLORFGBG"
keys q
# eight colours: the basic ones, green text
start 100 20 "TERM=xterm '$bin'" $R/official.txt $R/story.txt
added | grep -q "${E}\\[32m" && ok || bad "an eight-colour terminal lost the basic colours: $(added | cat -v)"
keys q
# no colour: no escape in the text, the margin says the kind
start 100 20 "NO_COLOR=1 '$bin'" $R/official.txt $R/story.txt
added | grep -q "38;5\\|48;5" && bad "NO_COLOR still coloured the text" || ok
screen | grep -q "^> *| Critics called" && ok || bad "without colour the addition's margin mark is missing"
keys q
"$bin" --theme=pink $R/official.txt $R/story.txt >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "'pink' is not auto, dark or light" "$tmp/err" && ok ||
	bad "--theme=pink: $(cat "$tmp/err")"

tui_done
