#!/bin/sh
# tests/cli/difftool.sh - the README's git difftool recipe, run as written
# in a temporary repository: the configuration line and the two difftool
# commands are taken from README.md, and each must print redline's report
# of the file's change.
#
# usage: sh tests/cli/difftool.sh PATH/TO/redline
set -u

. "$(dirname "$0")/lib.sh"
cli_setup difftool "$1"
unset GIT_DIR GIT_WORK_TREE

if ! command -v git >/dev/null; then
	echo "difftool: git is not installed (sh scripts/setup test)" >&2
	exit 1
fi

# redline on the PATH, and a home of our own for --global
mkdir -p "$tmp/bin" "$tmp/home" "$tmp/repo"
ln -s "$bin" "$tmp/bin/redline"
export PATH="$tmp/bin:$PATH" HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org

# the README's lines
config=$(grep -E '^    git config --global difftool\.redline\.cmd ' "$top/README.md" | sed 's/^    //')
one=$(grep -E '^    git difftool --tool=redline --no-prompt -- ' "$top/README.md" | sed 's/^    //')
two=$(grep -E '^    git difftool --tool=redline --no-prompt v1 v2 -- ' "$top/README.md" | sed 's/^    //')
[ -n "$config" ] && [ -n "$one" ] && [ -n "$two" ] && ok || bad "the README lacks the recipe"

cd "$tmp/repo" || exit 1
git init -q . && ok || bad "git init"
cp "$r/official.txt" statement.md
git add statement.md && git commit -qm one && git tag v1
cp "$r/story.txt" statement.md
git commit -qam two && git tag v2
cp "$r/wire.txt" statement.md

eval "$config" && ok || bad "the configuration line failed"
[ "$(git config --global difftool.redline.cmd)" = 'redline "$LOCAL" "$REMOTE"' ] && ok || bad "config not written"

# the working tree against the last commit: story -> wire
eval "$one" >"$tmp/out1" 2>"$tmp/err1"
[ $? -eq 0 ] && ok || bad "difftool (working tree) failed: $(cat "$tmp/err1")"
"$bin" "$r/story.txt" "$r/wire.txt" | tail -n +3 >"$tmp/want1"
tail -n +3 "$tmp/out1" | cmp -s - "$tmp/want1" && ok || bad "working tree: not redline's report: $(head -5 "$tmp/out1")"

# two commits: official -> story, the README's own example
eval "$two" >"$tmp/out2" 2>"$tmp/err2"
[ $? -eq 0 ] && ok || bad "difftool v1 v2 failed: $(cat "$tmp/err2")"
grep -qx 'passages: 1 verbatim, 1 paraphrase, 1 omission, 1 addition; 0 moved' "$tmp/out2" &&
	ok || bad "v1 v2: no passages line: $(head -5 "$tmp/out2")"
grep -qF 'changed value: 40 → 45' "$tmp/out2" && ok || bad "v1 v2: no changed fact"

cli_done
