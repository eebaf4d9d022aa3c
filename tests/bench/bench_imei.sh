#!/bin/sh
# SPDX-License-Identifier: MIT
# bench_imei.sh BIN: validates N identifiers (default 10 million) read from
# one file through `handover imei --json` and through the same job written
# with python-stdnum (imei_reference.py), in one run, and prints the
# throughput of each, the ratio and peak memory.  Needs Debian's
# python3-stdnum and GNU time (/usr/bin/time).  Not part of `make test`.
BIN=${1:-build/handover}
N=${BENCH_N:-10000000}
PY=/usr/bin/python3
dir=$(mktemp -d "${TMPDIR:-/tmp}/handover-bench.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
for t in /usr/bin/time "$PY"; do
	[ -x "$t" ] || { echo "bench_imei: $t is missing"; exit 1; }
done
"$PY" -c 'import stdnum' 2>/dev/null || { echo "bench_imei: install python3-stdnum"; exit 1; }

echo "generating $N identifiers"
awk -v n="$N" -v seed=42 -f tests/bench/gen_ids.awk > "$dir/ids.txt"
ls -l "$dir/ids.txt" | awk '{printf "input: %.1f MB\n", $5 / 1e6}'

run() {	# name command...: prints seconds and peak KB
	name=$1
	shift
	/usr/bin/time -f "%e %M" -o "$dir/$name.time" "$@" < "$dir/ids.txt" > "$dir/$name.out"
	read -r secs kb <<EOF2
$(tail -n 1 "$dir/$name.time")
EOF2
	lines=$(wc -l < "$dir/$name.out")
	awk -v n="$N" -v s="$secs" -v kb="$kb" -v l="$lines" -v name="$name" 'BEGIN {
		printf "%-22s %8.2f s %12.0f ids/s %8.1f MB peak  (%d JSON lines)\n",
		    name, s, n / (s > 0 ? s : 0.001), kb / 1024, l }'
	eval "${name}_secs=$secs"
}
run handover "$BIN" imei --json
run python_stdnum "$PY" tests/bench/imei_reference.py
awk -v a="$handover_secs" -v b="$python_stdnum_secs" 'BEGIN {
	printf "ratio: handover is %.1fx python-stdnum\n", b / (a > 0 ? a : 0.001) }'
