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
	/usr/bin/time -f "%e %U %S %M" -o "$dir/$name.time" "$@" < "$dir/ids.txt" > "$dir/$name.out"
	read -r secs user sys kb <<EOF2
$(tail -n 1 "$dir/$name.time")
EOF2
	lines=$(wc -l < "$dir/$name.out")
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
	awk -v n="$N" -v s="$secs" -v c="$cpu" -v kb="$kb" -v l="$lines" -v name="$name" 'BEGIN {
		printf "%-16s %8.2f s wall %8.2f s cpu %11.0f ids/s (cpu) %7.1f MB peak  %d JSON lines\n",
		    name, s, c, n / (c > 0 ? c : 0.001), kb / 1024, l }'
	eval "${name}_secs=$secs ${name}_cpu=$cpu"
}
run handover "$BIN" imei --json
run python_stdnum "$PY" tests/bench/imei_reference.py
awk -v a="$handover_secs" -v b="$python_stdnum_secs" -v ac="$handover_cpu" -v bc="$python_stdnum_cpu" 'BEGIN {
	printf "ratio: handover is %.1fx python-stdnum by CPU time, %.1fx by wall time\n",
	    bc / (ac > 0 ? ac : 0.001), b / (a > 0 ? a : 0.001)
	print "(both are single-threaded; on a busy machine the CPU-time ratio is the steadier one)" }'
