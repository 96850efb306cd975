#!/bin/sh
# tests/valgrind/run.sh - the program under valgrind on a chosen subset of
# runs: one of each path through the code (every export format, the
# alignment with its stemmer, the overview's worker pool, the minimal
# search on threads, the atomic -o write, each kind of refused input).
# The sanitizer builds run the whole command-line and viewer suites; this
# adds what only valgrind sees (uninitialised reads in the real build, and
# leaks at exit) without paying its 30-fold slowdown on every test.
#
# usage: sh tests/valgrind/run.sh PATH/TO/redline
# Each run must give its usual exit status and no valgrind error (which
# valgrind reports as status 99).
set -u

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/redline-vg.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export LC_ALL=C.UTF-8 TERM=dumb
# (dlopen.supp: what the loader keeps of a library opened with dlopen)
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all --suppressions=$top/tests/valgrind/dlopen.supp"
pass=0
fail=0

# run WANT NAME ARGS...: redline under valgrind exits WANT
run() {
	want=$1 name=$2
	shift 2
	# shellcheck disable=SC2086 # $vg is a command with options
	$vg "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $name: exit $got, want $want"
		head -30 "$tmp/err"
	fi
}

cd "$top" || exit 2
S=samples/statement.txt
# a confusable word: ICU loaded, used and given back
printf 'President Putin met him.\n' >"$tmp/sp0.txt"
printf 'President Pu\321\202in met him.\n' >"$tmp/sp1.txt"
run 1 "text report" --export=text $S samples/brics-post.txt
run 1 "confusable word" --export=json "$tmp/sp0.txt" "$tmp/sp1.txt"
run 1 "json" --export=json $S samples/danang-report.txt
run 1 "plain" --export=plain -W 100 $S samples/newsbharati.txt
run 1 "stats, ignoring case" --stats -i $S samples/monitoring-desk.txt
run 1 "wdiff, strict" --export=wdiff --strict $S samples/globalresearch.txt
run 1 "overview summary" $S samples/danang-report.txt samples/brics-post.txt samples/newsbharati.txt
run 1 "overview json" --export=json $S samples/danang-report.txt samples/brics-post.txt
run 0 "identical texts" --export=json $S $S
run 1 "-o, atomic write" --export=json -o "$tmp/x.json" $S samples/brics-post.txt
run 2 "-o over an input" -o $S $S samples/brics-post.txt
run 1 "html report, colour" --export=html $S samples/brics-post.txt
run 1 "coloured plain" --color=always --export=plain $S samples/brics-post.txt
run 1 "html overview" --export=html $S samples/danang-report.txt samples/brics-post.txt

# a web page in windows-1252 with chrome, and one nested too deep
printf '<!DOCTYPE html><meta charset="windows-1252"><nav>menu</nav><article><p>The Presidents met in Da Nang, Vietnam.</p><p>Caf\351 talks &amp; more<br>went on.</p></article><footer>f</footer>\n' >"$tmp/page.html"
run 1 "web page" --export=json $S "$tmp/page.html"
python3 -c 'print("<!DOCTYPE html>" + "<div>" * 3000)' >"$tmp/deep.html"
run 2 "page nested too deep" $S "$tmp/deep.html"

# the minimal search on two threads, and the default's heuristics, on a
# pair large enough for both
python3 bench/gen.py 30000 10 1 "$tmp/a.txt" "$tmp/b.txt"
run 1 "minimal, threads" --minimal --export=wdiff "$tmp/a.txt" "$tmp/b.txt"
run 1 "default, long pair" --export=json "$tmp/a.txt" "$tmp/b.txt"

# refused and repaired inputs
printf 'a\0b\n' >"$tmp/bin.txt"
printf 'caf\351 au lait.\n' >"$tmp/latin1.txt"
printf '\357\273\277One line.\r\nTwo lines.\r\n' >"$tmp/crlf.txt"
: >"$tmp/empty.txt"
run 2 "missing file" $S "$tmp/nope.txt"
run 2 "binary" $S "$tmp/bin.txt"
run 2 "invalid UTF-8" $S "$tmp/latin1.txt"
run 1 "invalid UTF-8 with --text" --text $S "$tmp/latin1.txt"
run 1 "BOM and CRLF" --export=text $S "$tmp/crlf.txt"
run 1 "empty rewrite" --export=json $S "$tmp/empty.txt"
run 2 "unknown language" --language=klingon $S samples/brics-post.txt

echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
