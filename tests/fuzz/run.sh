#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh FUZZ_BUILD SECONDS: runs every built libFuzzer target for SECONDS
# on its corpus (tests/fuzz/corpus/NAME), which also holds the crashes
# found so far as permanent regression inputs, with its dictionary
# (tests/fuzz/dict/NAME.dict) when it has one.  Exit 1 on any crash.
B=$1
S=${2:-30}
st=0
for f in tests/fuzz/fuzz_*.c; do
	n=$(basename "$f" .c)
	corpus=tests/fuzz/corpus/${n#fuzz_}
	dict=tests/fuzz/dict/${n#fuzz_}.dict
	mkdir -p "$corpus"
	work=$(mktemp -d)
	cp -r "$corpus"/. "$work"/ 2>/dev/null
	set --
	[ -f "$dict" ] && set -- -dict="$dict"
	echo "fuzz $n for ${S}s"
	if ! "$B/$n" "$@" -max_total_time="$S" -rss_limit_mb=2048 -artifact_prefix="$work/" \
	    "$work" > "$work.log" 2>&1; then
		tail -n 40 "$work.log"
		echo "FAIL $n: crash kept in $work"
		st=1
	fi
	rm -f "$work.log"
done
exit $st
