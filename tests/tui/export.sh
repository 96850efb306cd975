#!/bin/sh
# tests/tui/export.sh - e: the file named (a name proposed), the format
# from its extension or asked, a file replaced only when y is said, an
# input or the terminal never written; Esc at any prompt writes nothing.
#
# usage: sh tests/tui/export.sh PATH/TO/redline
set -u
. "$(dirname "$0")/lib.sh"
tui_setup export "$1"

PROMPT="Export to file [brics-post-redline.txt]:"

# e writes an export equal to the command line's: the format from the
# file name's extension, in any case.
start 120 30 "'$bin'" $S $B
# export_as FILE FORMAT: e, FILE, Enter; the file is what --export=FORMAT
# prints
export_as() {
	keys e
	wait_for "$PROMPT" && ok || bad "e did not ask for a file, proposing a name"
	keys "$1" Enter
	wait_for "wrote $1 ($2)" && ok || bad "e did not report the $2 export"
	"$bin" --export="$2" $S $B >"$tmp/from-cli.$2"
	cmp -s "$1" "$tmp/from-cli.$2" && ok || bad "viewer export differs from --export=$2"
}
export_as "$tmp/from-viewer.JSON" json
# ... and the HTML report, the same page as --export=html (the format from
# the extension)
export_as "$tmp/from-viewer.html" html
keys e
wait_for "$PROMPT"
keys "$top/$S" Enter
wait_for "refusing to overwrite an input" && ok || bad "e did not refuse to overwrite an input"
# an existing file: asked first; Esc keeps it, y replaces it
echo keep >"$tmp/exists.txt"
keys e
wait_for "$PROMPT"
keys "$tmp/exists.txt" Enter
wait_for "exists: replace it? (y/n)" && ok || bad "e did not ask before replacing a file"
keys Escape
wait_for "export cancelled" && ok || bad "Esc at the replace question did not cancel"
[ "$(cat "$tmp/exists.txt")" = keep ] && ok || bad "Esc at the replace question changed the file"
keys e
wait_for "$PROMPT"
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
	wait_for "$PROMPT"
	keys "$to" Enter
	wait_for "Format (text"
	keys wdiff Enter
	wait_for "$to: is a terminal" && ok || bad "e to $to was not refused"
done

# Esc at each prompt writes nothing: the directory stays empty.
mkdir "$tmp/empty"
start 100 24 "sh -c 'cd \"$tmp/empty\" && exec \"$bin\" \"$top/$S\" \"$top/$B\"'"
keys e
wait_for "$PROMPT"
keys Escape
wait_for "export cancelled" && ok || bad "Esc at the file prompt did not cancel"
keys e
wait_for "$PROMPT"
keys out.data Enter
wait_for "Format (text" && ok || bad "an unknown extension did not ask for the format"
keys Escape
wait_for "export cancelled" && ok || bad "Esc at the format prompt did not cancel"
keys /
wait_until shows_re '^/$'
keys Escape
wait_for "search cancelled"
[ -z "$(ls -A "$tmp/empty")" ] && ok || bad "Esc at a prompt wrote: $(ls -A "$tmp/empty")"
keys e
wait_for "$PROMPT"
keys Enter
wait_for "wrote brics-post-redline.txt (text)" && ok || bad "Enter did not take the proposed name"

# a rewrite whose name holds a right-to-left override: the proposed name
# shows it as '_', and holds no such character
evil=$(printf 'evil\342\200\256txt.gpj')
cp "$top/$B" "$tmp/$evil"
keys q
wait_for "EXIT="
start 120 30 "'$bin'" $S "'$tmp/$evil'"
keys e
wait_for "Export to file [evil_txt-redline.txt]:" && ok || bad "a right-to-left override in the rewrite's name went into the proposed name"
keys Escape
wait_for "export cancelled"

# a leading ~ is $HOME; a directory is refused before the format is
# asked; an unknown format asks again
mkdir -p "$tmp/home/sub"
start 120 30 "HOME='$tmp/home'" "'$bin'" $S $B
keys e
wait_for "$PROMPT"
keys "~/tilde.json" Enter
wait_for "wrote $tmp/home/tilde.json (json)" && ok || bad "~/ was not expanded to \$HOME"
[ -s "$tmp/home/tilde.json" ] && ok || bad "the export to ~/ was not written"
keys e
wait_for "$PROMPT"
keys "$tmp/home/sub" Enter
wait_for "is a directory: nothing written" && ok || bad "a directory was not refused"
! shows "Format (text" && ok || bad "the format was asked for a directory"
keys e
wait_for "$PROMPT"
keys "$tmp/home/noext" Enter
wait_for "Format (text"
keys nosuch Enter
wait_for "Unknown format" && ok || bad "an unknown format was not asked again"
keys Escape
wait_for "export cancelled" && ok || bad "Esc at the format question did not cancel"
[ ! -e "$tmp/home/noext" ] && ok || bad "Esc at the format question wrote a file"

tui_done
