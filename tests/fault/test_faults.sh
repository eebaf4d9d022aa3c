#!/bin/sh
# SPDX-License-Identifier: MIT
# test_faults.sh [FAULT_BIN]: every command's main paths, run again and
# again with one fault injected each time (tests/fault/fault.c): the Nth
# allocation failing (and every one after it: memory has run out), the
# Nth write failing half-way with ENOSPC (a full disk or pipe), the Nth
# file-system step (fsync, rename, mkstemp, mkdir, unlink, fchmod) failing
# with EIO, for every N from 0 until a run reaches no fault.  Each run must
# end with its documented status (the clean one, or 3 with a message
# "handover: ..."), never a crash, a sanitizer report or a leak (the
# binary is built with ASan, UBSan and LeakSanitizer), and leave a saved
# check either as it was or as the new state, sealed, never a mix or a
# stray temporary file.  Prints the fault points exercised per command.
# FAULT_STRIDE=K tries every Kth point only (for a quick look);
# FAULT_ONLY=TEXT runs only the cases whose name holds TEXT.
FBIN=${1:-build/fault/handover}
. tests/lib.sh
case $FBIN in /*) ;; *) FBIN=$(pwd)/$FBIN ;; esac
BIN=$(pwd)/build/handover	# the ordinary build, to verify what was left
STRIDE=${FAULT_STRIDE:-1}
if [ ! -x "$FBIN" ] || ! HANDOVER_FAULT_LOG=$SCRATCH/probe "$FBIN" imei 354178036859789 > /dev/null 2>&1 ||
    [ ! -s "$SCRATCH/probe" ]; then
	echo "SKIP faults: $FBIN is not the fault build; run 'make fault' (GNU ld and ASan)"
	finish
	exit $?
fi
[ -x "$BIN" ] || { fail "no build/handover to check the records with"; finish; exit 1; }
ASAN_OPTIONS=detect_leaks=1:exitcode=90:allocator_may_return_null=1
LSAN_OPTIONS=exitcode=91
UBSAN_OPTIONS=halt_on_error=1:exitcode=92:print_stacktrace=1
export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS
W=$SCRATCH/w
F=$(pwd)/tests/cli/fixtures
ANS=$SCRATCH/base.answers
sed "s#= tests/#= $(pwd)/tests/#" tests/check/base.answers > "$ANS"
TOTAL=0

# The starting state every run gets: a records folder with one sealed and
# one open check, a claim folder, a keyed file, an output file.
mkdir -p "$SCRATCH/seed/home" "$SCRATCH/seed/xdg"
XDG_DATA_HOME=$SCRATCH/seed/xdg HOME=$SCRATCH/seed/home "$BIN" check --answers "$ANS" > /dev/null 2>&1
SEALED=$(basename "$(ls "$SCRATCH"/seed/xdg/handover/*.record)" .record)
sed '/^proof.kind/,$d' "$ANS" > "$SCRATCH/part.answers"
sed -n '/^proof.kind/,$p' "$ANS" | sed 's/^[^=]*= //' > "$SCRATCH/rest.stdin"
XDG_DATA_HOME=$SCRATCH/seed/xdg HOME=$SCRATCH/seed/home "$BIN" check --answers "$SCRATCH/part.answers" > "$SCRATCH/o" 2>&1
OPEN=$(sed -n 's/.*--resume \([0-9A-Z-]*\).*/\1/p' "$SCRATCH/o" | tail -n 1)
[ -n "$SEALED" ] && [ -n "$OPEN" ] || { fail "cannot make the starting records" "$(cat "$SCRATCH/o")"; finish; exit 1; }
mkdir -p "$SCRATCH/seed/claim"
cp "$SCRATCH/seed/xdg/handover/$SEALED.record" "$SCRATCH/seed/claim/claim.record"
cp tests/check/fixtures/invoice-photo.jpg "$SCRATCH/seed/claim/"
printf '354178036859789\tL1\tS1\n354178036859789\tL2\tS2\n490154203237518\tL3\tS3\n' > "$SCRATCH/seed/keyed"
echo old > "$SCRATCH/seed/out.html"

fresh() {
	rm -rf "$W"
	cp -R "$SCRATCH/seed" "$W"
	XDG_DATA_HOME=$W/xdg
	HOME=$W/home
	export XDG_DATA_HOME HOME
}

# After a run: every record in the folder is sealed and intact (a save is
# the old state or the new one), no temporary file is left, the open
# check is the one it was or a later state of it, and -o's file is the
# old one or the whole new one.
records_ok() {
	for r in "$W"/xdg/handover/*.record; do
		[ -e "$r" ] || continue
		"$BIN" verify "$r" > /dev/null 2>&1 || { echo "record not intact: $(basename "$r")"; return 1; }
	done
	if ls -a "$W/xdg/handover" | grep -q '\.tmp-' && [ "$kind" != io ]; then
		echo "a temporary file was left: $(ls -a "$W/xdg/handover" | grep '\.tmp-')"
		return 1
	fi
	o=$W/xdg/handover/$OPEN.record
	if ! cmp -s "$o" "$SCRATCH/seed/xdg/handover/$OPEN.record"; then
		grep -v '^updated: \|^sha256: \|^state: \|^verdict\|^reason' "$SCRATCH/seed/xdg/handover/$OPEN.record" |
		    while IFS= read -r line; do
			grep -qxF -- "$line" "$o" || { echo "the open check lost '$line'"; exit 1; }
		done || return 1
	fi
	case $(head -c 15 "$W/out.html" 2>/dev/null) in
	old|'<!DOCTYPE html>') ;;
	*) echo "-o left a partial file"; return 1 ;;
	esac
	if [ "$(head -c 15 "$W/out.html")" = '<!DOCTYPE html>' ] && ! grep -q '</html>' "$W/out.html"; then
		echo "-o left a partial file"
		return 1
	fi
	return 0
}

# loop NAME CLEAN_STATUS STDIN CMD...: every fault kind, every point.
loop() {
	name=$1
	clean=$2
	in=$3
	shift 3
	case $name in *"${FAULT_ONLY:-}"*) ;; *) return 0 ;; esac
	summary=""
	for kind in alloc write io; do
		n=0
		while :; do
			fresh
			rm -f "$SCRATCH/log"
			(cd "$W" && HANDOVER_FAULT=$kind:$n HANDOVER_FAULT_LOG=$SCRATCH/log \
			    "$FBIN" "$@" < "$in" > "$SCRATCH/out" 2> "$SCRATCH/err")
			st=$?
			hit=$(sed -n 's/.* hit \([01]\)$/\1/p' "$SCRATCH/log" 2>/dev/null | tail -n 1)
			why=""
			if [ -z "$hit" ]; then
				why="no fault log (crashed before exit?)"
			elif [ "$st" -ge 90 ]; then
				why="a sanitizer report (status $st)"
			elif [ "$hit" = 0 ] && [ "$st" -ne "$clean" ]; then
				why="the run without a fault exited $st, not $clean"
			elif [ "$hit" = 1 ] && [ "$st" -ne 3 ] && { [ "$kind" = write ] || [ "$st" -ne "$clean" ]; }; then
				why="exit $st under the fault, want 3${clean:+ or $clean}"
			elif [ "$st" -eq 3 ] && ! grep -q '^handover: .' "$SCRATCH/err"; then
				why="exit 3 without a message"
			elif ! r=$(records_ok); then
				why=$r
				"$BIN" verify "$W"/xdg/handover/*.record >> "$SCRATCH/err" 2>&1
			fi
			if [ -n "$why" ]; then
				fail "$name, $kind fault at $n: $why" "$(tail -n 15 "$SCRATCH/err")"
				break
			fi
			[ "$hit" = 1 ] || break
			n=$((n + STRIDE))
		done
		points=$(sed -n "s/.*$kind \([0-9]*\).*/\\1/p" "$SCRATCH/log" 2>/dev/null | tail -n 1)
		summary="$summary $kind ${points:-?}"
		TOTAL=$((TOTAL + ${points:-0}))
		ok
	done
	printf '  %-44s%s\n' "$name:" "$summary"
}

: > "$SCRATCH/empty"
printf '354178036859789\n35 209900 176148 2\n' > "$SCRATCH/ids"
loop "check --answers (new check to GO)" 0 "$SCRATCH/empty" check --answers "$ANS"
loop "check --resume (piped answers, sealed)" 0 "$SCRATCH/rest.stdin" check --resume "$OPEN"
loop "imei (args, stdin)" 1 "$SCRATCH/ids" imei 354178036859789 -
loop "imei --json --tac-db" 0 "$SCRATCH/empty" imei --json --tac-db "$F/tacdb-synthetic.csv" 354178036859789
loop "info IN" 0 "$SCRATCH/empty" info IN
loop "info --json KE" 0 "$SCRATCH/empty" info --json KE
loop "apps (file)" 0 "$(pwd)/tests/cli/cases/apps_payjoy.stdin" apps -
loop "apps --json (file)" 0 "$(pwd)/tests/cli/cases/apps_payjoy.stdin" apps --json -
loop "list" 0 "$SCRATCH/empty" list
loop "list --json" 0 "$SCRATCH/empty" list --json
loop "show" 0 "$SCRATCH/empty" show "$SEALED"
loop "verify --attachments" 0 "$SCRATCH/empty" verify --attachments claim claim/claim.record
loop "verify --json" 0 "$SCRATCH/empty" verify --json claim/claim.record
loop "export --html -o" 0 "$SCRATCH/empty" export --html -o out.html "$SEALED"
loop "export --text" 0 "$SCRATCH/empty" export --text "$SEALED"
loop "export --json" 0 "$SCRATCH/empty" export --json claim/claim.record
loop "scan (CSV to JSON Lines)" 8 "$F/scan_listings.csv" scan -q -	# 8: a malformed row
loop "scan --keyed" 0 "$F/scan_listings.csv" scan -q --keyed -
loop "dups" 1 "$SCRATCH/empty" dups keyed
printf '  %s fault points in all\n' "$TOTAL"
finish
