#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh BIN [--regen]: the golden CLI tests.  Each tests/cli/cases/NAME.args
# holds the arguments, one per line; NAME.stdin (optional) is the input;
# NAME.env (optional) holds NAME=VALUE lines set for that case only;
# NAME.out, NAME.err and NAME.status are what must come back (a missing
# .err means empty, a missing .status means 0).  Run from the repository
# top with LC_ALL=C, NO_COLOR, and a scratch XDG_DATA_HOME.
BIN=$1
REGEN=${2:-}
. tests/lib.sh

for a in tests/cli/cases/*.args; do
	[ -f "$a" ] || continue
	n=${a%.args}
	in=/dev/null
	[ -f "$n.stdin" ] && in=$n.stdin
	set --
	if [ -f "$n.env" ]; then
		while IFS= read -r line || [ -n "$line" ]; do
			set -- "$@" "$line"
		done < "$n.env"
	fi
	set -- "$@" "$BIN"
	while IFS= read -r line || [ -n "$line" ]; do
		set -- "$@" "$line"
	done < "$a"
	rm -rf "$XDG_DATA_HOME"
	env "$@" < "$in" > "$SCRATCH/out" 2> "$SCRATCH/err"
	st=$?
	if [ "$REGEN" = --regen ]; then
		cp "$SCRATCH/out" "$n.out"
		if [ -s "$SCRATCH/err" ]; then cp "$SCRATCH/err" "$n.err"; else rm -f "$n.err"; fi
		if [ "$st" -ne 0 ]; then echo "$st" > "$n.status"; else rm -f "$n.status"; fi
		continue
	fi
	want_st=0
	[ -f "$n.status" ] && want_st=$(cat "$n.status")
	[ -f "$n.err" ] || : > "$SCRATCH/none" 
	errf=$n.err
	[ -f "$errf" ] || errf=$SCRATCH/none
	if ! diff -u "$n.out" "$SCRATCH/out" > "$SCRATCH/d1" 2>&1; then
		fail "${n##*/}: stdout differs" "$(head -n 30 "$SCRATCH/d1")"
	elif ! diff -u "$errf" "$SCRATCH/err" > "$SCRATCH/d2" 2>&1; then
		fail "${n##*/}: stderr differs" "$(head -n 30 "$SCRATCH/d2")"
	elif [ "$st" -ne "$want_st" ]; then
		fail "${n##*/}: exit $st, want $want_st"
	else
		ok
	fi
done
finish
