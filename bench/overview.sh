#!/bin/sh
# bench/overview.sh - time the overview of twenty rewrites of one
# 10,000-word statement, on every core and on one (taskset), median of
# five runs each.
#
# usage: bench/overview.sh REDLINE DIR
set -eu
bin=$1
dir=$2
mkdir -p "$dir"
python3 "$(dirname "$0")/gen.py" 10000 10 3 "$dir/ov-official.txt" "$dir/ov-rewrite" --rewrites 20
med() { sort -n | sed -n 3p; }
run() {
	for i in 1 2 3 4 5; do
		/usr/bin/time -f '%e %M' -o "$dir/ov.time" "$@" --export=summary \
		    "$dir/ov-official.txt" "$dir/ov-rewrite" "$dir"/ov-rewrite-* >/dev/null || true
		tail -1 "$dir/ov.time"
	done
}
all=$(run "$bin" | med)
one=$(run taskset -c 0 "$bin" | med)
echo "overview of 20 rewrites of a 10,000-word statement ($(nproc) cores):"
echo "  all cores: ${all%% *} s, ${all##* } KiB peak"
echo "  one core:  ${one%% *} s, ${one##* } KiB peak"
