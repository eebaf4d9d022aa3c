#!/bin/sh
# SPDX-License-Identifier: MIT
# bench_scan.sh BIN: makes BENCH_MB megabytes (default 1024) of generated
# listings (tests/bench/gen_listings.c) and times, on that same file in one
# run: `handover scan`, `rg -i -F -f phrases.txt` (the phrase search alone,
# Debian's ripgrep) and scan_reference.py (csv + python-stdnum + re, Debian's
# python3-stdnum) on a prefix of PY_MB megabytes (default 50).  Prints MB/s,
# peak memory and the ratios.  Needs GNU time (/usr/bin/time).  Timings are
# the best of BENCH_RUNS runs (default 3): the machine may be shared.  On a
# loaded machine the wall clock says more about the load than the program,
# so the CPU seconds (user + system, all threads) are printed too, and the
# ratios by both.  BENCH_KEYED=1 adds scan --keyed: reading and judging
# without writing findings.  BENCH_BASE=OTHER_BIN times another build of
# handover (main's, say) on the same file and prints this build's speed
# over it.
BIN=${1:-build/handover}
MB=${BENCH_MB:-1024}
PY_MB=${PY_MB:-50}
RUNS=${BENCH_RUNS:-3}
PY=/usr/bin/python3
CC=${CC:-cc}
dir=$(mktemp -d "${TMPDIR:-/tmp}/handover-bench.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
for t in /usr/bin/time "$PY"; do
	[ -x "$t" ] || { echo "bench_scan: $t is missing"; exit 1; }
done
command -v rg > /dev/null || { echo "bench_scan: install ripgrep"; exit 1; }
"$PY" -c 'import stdnum' 2>/dev/null || { echo "bench_scan: install python3-stdnum"; exit 1; }

$CC -std=c11 -O2 -o "$dir/gen" tests/bench/gen_listings.c || exit 1
echo "generating $MB MB of listings"
"$dir/gen" "$MB" 42 > "$dir/listings.csv" || exit 1
# the phrases, one a line, as rg -F -f reads them
awk -F '\t' '!/^#/ && $1 != "phrase" && NF > 2 { print $1 }' data/phrases.tsv | sort -u > "$dir/phrases.txt"
# the Python peer's prefix: whole rows (cut at a line that starts a listing)
head -c "$((PY_MB * 1000000))" "$dir/listings.csv" | awk '/^L[0-9]+,/ { n = NR } { l[NR] = $0 }
	END { for (i = 1; i < n; i++) print l[i] }' > "$dir/prefix.csv"
size=$(wc -c < "$dir/listings.csv")
psize=$(wc -c < "$dir/prefix.csv")
echo "phrases: $(wc -l < "$dir/phrases.txt"); input: $((size / 1000000)) MB; python prefix: $((psize / 1000000)) MB"
nproc 2>/dev/null | awk '{ print "cpus: " $1 }'
uptime | sed 's/.*load/load/'

best() {	# name bytes input command...: best of RUNS, prints a line
	name=$1 bytes=$2 input=$3
	shift 3
	bs=; bkb=; bc=
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		/usr/bin/time -f "%e %M %U %S" -o "$dir/t" "$@" < "$input" > /dev/null 2> "$dir/err"
		# GNU time writes "Command exited with non-zero status 1" first
		tail -n 1 "$dir/t" > "$dir/t1"
		read -r s kb us ss < "$dir/t1" || { cat "$dir/t"; exit 1; }
		case $s$us$ss in *[!0-9.]*) cat "$dir/t"; exit 1;; esac
		c=$(awk -v u="$us" -v s="$ss" 'BEGIN { print u + s }')
		if [ -z "$bs" ] || awk -v a="$s" -v b="$bs" 'BEGIN { exit !(a < b) }'; then bs=$s; bkb=$kb; fi
		if [ -z "$bc" ] || awk -v a="$c" -v b="$bc" 'BEGIN { exit !(a < b) }'; then bc=$c; fi
		i=$((i + 1))
	done
	awk -v n="$name" -v s="$bs" -v kb="$bkb" -v b="$bytes" -v c="$bc" 'BEGIN {
		printf "%-34s %8.2f s %9.1f MB/s %8.1f MB peak %8.2f s cpu %9.1f MB/cpu-s\n", n, s,
		    b / 1e6 / (s > 0 ? s : 0.001), kb / 1024, c, b / 1e6 / (c > 0 ? c : 0.001) }'
	eval "${name%% *}_mbs=\$(awk -v s=\"$bs\" -v b=\"$bytes\" 'BEGIN { print b / 1e6 / (s > 0 ? s : 0.001) }')"
	eval "${name%% *}_cpu=\$(awk -v s=\"$bc\" -v b=\"$bytes\" 'BEGIN { print b / 1e6 / (s > 0 ? s : 0.001) }')"
}
best "handover (scan, all threads)" "$size" "$dir/listings.csv" "$BIN" scan --quiet --input-format csv -
best "handover1 (scan --threads 1)" "$size" "$dir/listings.csv" "$BIN" scan --quiet --threads 1 --input-format csv -
if [ -n "${BENCH_BASE:-}" ]; then
	best "base1 (BENCH_BASE, --threads 1)" "$size" "$dir/listings.csv" "$BENCH_BASE" scan --quiet --threads 1 --input-format csv -
	[ "${BENCH_KEYED:-0}" = 1 ] &&
		best "basekeyed (BENCH_BASE --keyed)" "$size" "$dir/listings.csv" "$BENCH_BASE" scan --quiet --keyed --threads 1 --input-format csv -
fi
[ "${BENCH_KEYED:-0}" = 1 ] &&
	best "keyed (scan --keyed, 1 thread)" "$size" "$dir/listings.csv" "$BIN" scan --quiet --keyed --threads 1 --input-format csv -
best "rg (rg -c -i -F -f phrases.txt)" "$size" "$dir/listings.csv" rg -c -i -F -f "$dir/phrases.txt"
RUNS=1 best "python (prefix, csv+stdnum+re)" "$psize" "$dir/prefix.csv" "$PY" tests/bench/scan_reference.py "$dir/phrases.txt"
awk -v h="$handover_mbs" -v h1="$handover1_mbs" -v r="$rg_mbs" -v p="$python_mbs" 'BEGIN {
	printf "ratios: handover/rg %.2f (1 thread %.2f), handover/python %.0fx (1 thread %.0fx)\n",
	    h / r, h1 / r, h / p, h1 / p }'
awk -v h="$handover_cpu" -v h1="$handover1_cpu" -v r="$rg_cpu" -v p="$python_cpu" 'BEGIN {
	printf "ratios by CPU time: handover/rg %.2f (1 thread %.2f), handover/python %.0fx (1 thread %.0fx)\n",
	    h / r, h1 / r, h / p, h1 / p }'
[ -n "${BENCH_BASE:-}" ] && awk -v h="$handover1_cpu" -v b="$base1_cpu" -v k="${keyed_cpu:-0}" -v bk="${basekeyed_cpu:-0}" 'BEGIN {
	printf "speed of this build / BENCH_BASE (CPU time, 1 thread): findings %.2f", h / b
	if (k > 0 && bk > 0) printf ", --keyed %.2f", k / bk
	printf "\n" }'
exit 0
