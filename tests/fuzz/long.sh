#!/bin/sh
# SPDX-License-Identifier: MIT
# long.sh FUZZ_BUILD CPU_SECONDS [NAME...]: fuzzing measured in hours.
# Each target (all, or the NAMEs given, e.g. record csv) runs at nice 19,
# one at a time, on a copy of its corpus with its dictionary, until it has
# used CPU_SECONDS of CPU time (libFuzzer's -max_total_time is wall time,
# and on a shared machine a niced fuzzer gets a fraction of a core: it
# runs in rounds of at most 600 s until the CPU time is reached); then
# the corpus is minimised: the old inputs and the new ones merged
# (-merge=1) into a fresh folder that replaces tests/fuzz/corpus/NAME.
# A crash stops that target: its input is kept in build/fuzz/crashes/ and
# must be fixed and then added to the corpus as a regression input.  The
# CPU seconds and inputs run of each target are appended to
# build/fuzz/long.log.
B=$1
S=${2:-1800}
shift 2
st=0
# Ctrl-C at a terminal (or, for a run in the background, SIGTERM to this
# shell and then SIGINT to the fuzzer): the running round ends, its
# target's CPU seconds are logged as "stopped", its corpus is merged, and
# no other target starts.
stop=0
trap 'stop=1' INT TERM
mkdir -p "$B/crashes"
[ $# -gt 0 ] || set -- $(for f in tests/fuzz/fuzz_*.c; do n=$(basename "$f" .c); echo "${n#fuzz_}"; done)
for n in "$@"; do
	t=$B/fuzz_$n
	corpus=tests/fuzz/corpus/$n
	dict=tests/fuzz/dict/$n.dict
	[ -x "$t" ] || { echo "no $t: make fuzz-build"; st=1; continue; }
	mkdir -p "$corpus"
	work=$(mktemp -d)
	cp -r "$corpus"/. "$work"/ 2>/dev/null
	d=
	[ -f "$dict" ] && d=-dict=$dict
	echo "fuzz $n for ${S} CPU seconds"
	cpu=0 runs=0 rc=0
	while [ "$cpu" -lt "$S" ]; do
		round=$((S - cpu))
		[ "$round" -gt 600 ] && round=600
		# shellcheck disable=SC2086
		/usr/bin/env time -f "%U %S" -o "$work.cpu" nice -n 19 "$t" $d \
		    -max_total_time="$round" -rss_limit_mb=2048 -timeout=20 \
		    -artifact_prefix="$B/crashes/$n-" "$work" > "$work.log" 2>&1
		rc=$?
		# (the last line: GNU time writes "Command exited with non-zero
		# status" above the figures when the fuzzer found something)
		used=$(awk 'END { printf "%d", $1 + $2 }' "$work.cpu" 2>/dev/null)
		cpu=$((cpu + ${used:-0}))
		[ "${used:-0}" -gt 0 ] || [ "$rc" -ne 0 ] || break	# nothing ran: do not spin
		r=$(sed -n 's/^#\([0-9]*\).*DONE.*/\1/p' "$work.log" | tail -n 1)
		runs=$((runs + ${r:-0}))
		[ "$stop" -eq 0 ] || break
		[ "$rc" -eq 0 ] || break
	done
	[ "$stop" -eq 0 ] || rc=0	# (libFuzzer's exit on the signal)
	echo "$n $(date -u +%Y-%m-%dT%H:%M) cpu_seconds=$cpu inputs=$runs exit=$rc$([ "$stop" -eq 0 ] || echo ' stopped')" >> "$B/long.log"
	if [ "$rc" -ne 0 ]; then
		tail -n 30 "$work.log"
		echo "FAIL $n: crash kept in $B/crashes/"
		st=1
	fi
	fresh=$(mktemp -d)
	# shellcheck disable=SC2086
	if "$t" $d -merge=1 "$fresh" "$corpus" "$work" > "$work.merge" 2>&1; then
		# the seeds and regression inputs we named stay, under their
		# names, even when they add no coverage of their own; the merge
		# names inputs by their SHA-1
		for f in "$corpus"/*; do
			[ -f "$f" ] || continue
			b=${f##*/}
			case $b in *[!0-9a-f]*) ;; *) [ ${#b} -eq 40 ] && continue ;; esac
			rm -f "$fresh/$(sha1sum < "$f" | cut -c1-40)"
			cp "$f" "$fresh"/
		done
		rm -rf "$corpus"
		mkdir -p "$corpus"
		cp "$fresh"/* "$corpus"/ 2>/dev/null
		echo "  corpus $n: $(ls "$corpus" | wc -l) inputs, $(du -sk "$corpus" | cut -f1) KB"
	else
		tail -n 5 "$work.merge"
	fi
	rm -rf "$work" "$fresh" "$work.log" "$work.cpu" "$work.merge"
	[ "$stop" -eq 0 ] || break
done
exit $st
