# tests/cli/lib.sh - what the command-line test scripts share: sourced by
# each, after `set -u`, as
#     . "$(dirname "$0")/lib.sh"
#     cli_setup NAME "$1"
# It sets bin (the redline binary, absolute), here (tests/cli), top (the
# repository), r (tests/cli/readme), s (samples), tmp (a fresh directory,
# removed on exit), the counters pass and fail, and the environment every
# script runs under; and gives ok, bad, rl and cli_done.

# cli_setup NAME BINARY
cli_setup() {
	cli_name=$1
	bin=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
	here=$(cd "$(dirname "$0")" && pwd)
	top=$(cd "$here/../.." && pwd)
	r=$here/readme
	s=$top/samples
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/redline-$cli_name.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT INT TERM
	pass=0
	fail=0
	export LC_ALL=C.UTF-8 TERM=dumb
	unset NO_COLOR COLUMNS
}

ok() { pass=$((pass + 1)); }

bad() {
	fail=$((fail + 1))
	echo "FAIL: $*"
}

# rl ARGS...: redline, under $REDLINE_WRAP if set (valgrind)
rl() {
	# shellcheck disable=SC2086 # REDLINE_WRAP is a command with options
	${REDLINE_WRAP:-} "$bin" "$@"
}

# cli_done: the counts, and the script's exit status
cli_done() {
	echo "$cli_name: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
