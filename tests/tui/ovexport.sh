#!/bin/sh
# tests/tui/ovexport.sh - e in the overview: the same dialog as the pair
# viewer's (a name proposed, the format from the extension or asked, the
# summary by default; Tab completes), the same bytes as --export of the
# same files, an input never written, Esc writing nothing and quitting
# nothing, a resize under its prompt.
#
# usage: sh tests/tui/ovexport.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup ovexport "$1"

O="$top/$R/official.txt"
THREE="$top/$R/story.txt $top/$R/wire.txt $top/$R/weekly.txt"
PROMPT="Export to file [official-overview.txt]:"
mkdir "$tmp/out"
session 120 30 "sh -c 'cd \"$tmp/out\" && exec \"$bin\" \"$O\" $THREE'"
wait_for "Enter:open  Tab:coverage" || bad "the overview did not open"

# Esc at the prompt: nothing written, the overview still there
keys e
wait_for "$PROMPT" && ok || bad "e in the overview did not ask for a file"
keys Escape
wait_for "export cancelled: nothing written" && ok || bad "Esc did not cancel the overview's export"
keys j
wait_for "Enter:open  Tab:coverage" && ok || bad "Esc at the export prompt left the overview"
[ -z "$(ls -A "$tmp/out")" ] && ok || bad "Esc wrote: $(ls -A "$tmp/out")"

# Enter takes the proposed name: the summary, as --export=summary
keys e
wait_for "$PROMPT"
keys Enter
wait_for "wrote official-overview.txt (summary)" && ok || bad "Enter did not write the summary"
"$bin" --export=summary "$O" $THREE >"$tmp/cli.summary"
cmp -s "$tmp/out/official-overview.txt" "$tmp/cli.summary" && ok || bad "the overview's summary differs from --export=summary"

# the format from the extension: each as the command line writes it
# ov_export FILE FORMAT
ov_export() {
	keys e
	wait_for "$PROMPT"
	keys "$1" Enter
	wait_for "wrote $1 ($2)" && ok || bad "e did not write $1 as $2"
	"$bin" --export="$2" "$O" $THREE >"$tmp/cli.$2"
	cmp -s "$1" "$tmp/cli.$2" && ok || bad "the overview's $2 differs from --export=$2"
}
ov_export "$tmp/all.json" json
ov_export "$tmp/all.HTML" html
ov_export "$tmp/all.text" text
ov_export "$tmp/all.stats" stats

# no extension: the format asked, the overview's formats offered
keys e
wait_for "$PROMPT"
keys "$tmp/all" Enter
wait_for "Format (summary, text, json, plain, wdiff, stats, html) [summary]:" && ok ||
	bad "the format question does not offer the overview's formats"
keys wdiff Enter
wait_for "wrote $tmp/all (wdiff)" && ok || bad "the asked format was not written"
"$bin" --export=wdiff "$O" $THREE >"$tmp/cli.wdiff"
cmp -s "$tmp/all" "$tmp/cli.wdiff" && ok || bad "the overview's wdiff differs from --export=wdiff"

# an input, whichever: refused before anything is asked
for input in "$O" "$top/$R/weekly.txt"; do
	keys e
	wait_for "$PROMPT"
	keys "$input" Enter
	wait_for "refusing to overwrite an input" && ok || bad "e did not refuse to write over $input"
done
cmp -s "$O" "$top/$R/official.txt" && ok

# Tab completes here too; a resize keeps the line
keys e
wait_for "$PROMPT"
keys "$tmp/all.j" Tab
wait_for "$PROMPT $tmp/all.json" && ok || bad "Tab did not complete in the overview's prompt"
tm resize-window -t t -x 100 -y 24
# (the note under the table wraps at 100 columns, not at 120)
wait_until shows_re '^rewrite passages\.' && ok || bad "the overview was not drawn again under the prompt"
wait_for "$PROMPT $tmp/all.json" && ok || bad "a resize lost the overview's prompt line"
keys Escape
wait_for "export cancelled" && ok || bad "Esc after the resize did not cancel"
keys q
wait_for "EXIT=" && ok || bad "q did not quit after the export"

# a copy of the official text among the rewrites is left out of them, and
# is still an input: never written over, not even asked about
cp "$O" "$tmp/copy.txt"
session 120 30 "sh -c 'cd \"$tmp/out\" && exec \"$bin\" \"$O\" \"$tmp/copy.txt\" $THREE 2>/dev/null'"
wait_for "Enter:open  Tab:coverage"
keys e
wait_for "$PROMPT"
keys "$tmp/copy.txt" Enter
wait_for "refusing to overwrite an input" && ok || bad "the official text's copy, left out, was not refused"
cmp -s "$O" "$tmp/copy.txt" && ok || bad "the official text's copy was changed"

tui_done
