#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh BUILD_DIR: runs every suite (unit binaries, the CLI goldens, every
# tests/*/test_*.sh) and ends with the total "N passed, N failed".
B=${1:-build}
BIN=$B/handover
total_p=0
total_f=0

suite() {
	name=$1
	shift
	out=$("$@" 2>&1)
	st=$?
	last=$(printf '%s\n' "$out" | tail -n 1)
	p=$(printf '%s\n' "$last" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1/p')
	f=$(printf '%s\n' "$last" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\2/p')
	if [ -z "$p" ]; then
		p=0
		f=1
		printf '%s\n' "$out" | tail -n 20
		printf 'FAIL %s: no summary line (exit %d)\n' "$name" "$st"
	elif [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		printf '%s\n' "$out" | tail -n 20
		printf 'FAIL %s: exit %d\n' "$name" "$st"
	else
		printf '%s\n' "$out" | grep -E '^(FAIL|SKIP|  )' | head -n 60
	fi
	printf '%-28s %s passed, %s failed\n' "$name" "$p" "$f"
	total_p=$((total_p + p))
	total_f=$((total_f + f))
}

for t in "$B"/tests/test_*; do
	[ -x "$t" ] || continue
	suite "unit/${t##*/}" "$t"
done
suite cli sh tests/cli/run.sh "$BIN"
for s in tests/*/test_*.sh; do
	[ -f "$s" ] || continue
	suite "${s#tests/}" sh "$s" "$BIN"
done
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
