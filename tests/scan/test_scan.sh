#!/bin/sh
# SPDX-License-Identifier: MIT
# test_scan.sh BIN: handover scan on generated listings: keyed output
# sorted and reduced by dups finds exactly the duplicates the in-process
# scan finds; 1 and 2 threads give the same bytes; a 100 MB row, a binary
# file and a file cut inside a quote give findings, not crashes, in bounded
# memory (checked with GNU time when present); listings without an
# identifier give --keyed nothing to write; the second of two passes
# finds the identifiers one pass finds.
BIN=$1
. tests/lib.sh
CC=${CC:-cc}

if ! $CC -std=c11 -O2 -o "$SCRATCH/gen" tests/bench/gen_listings.c 2> "$SCRATCH/cc.err"; then
	fail "cannot build tests/bench/gen_listings.c" "$(cat "$SCRATCH/cc.err")"
	finish
	exit 1
fi
"$SCRATCH/gen" 8 7 > "$SCRATCH/l.csv"

# In-process duplicates: the identifiers flagged on later listings.
"$BIN" scan --quiet "$SCRATCH/l.csv" > "$SCRATCH/all.jsonl"
st=$?
[ "$st" -eq 1 ] && ok || fail "scan of generated listings: exit $st, want 1"
grep -o '"value":"[0-9]*","kind":"imei","valid":true,[^}]*"duplicate":true' "$SCRATCH/all.jsonl" |
    sed 's/^"value":"\([0-9]*\)".*/\1/' | LC_ALL=C sort -u > "$SCRATCH/in.ids"
"$BIN" scan --quiet --keyed "$SCRATCH/l.csv" > "$SCRATCH/keyed"
st=$?
[ "$st" -eq 0 ] && ok || fail "scan --keyed: exit $st, want 0"
LC_ALL=C sort "$SCRATCH/keyed" | "$BIN" dups > "$SCRATCH/dups.jsonl"
st=$?
[ "$st" -eq 1 ] && ok || fail "dups: exit $st, want 1"
sed 's/^{"identifier":"\([0-9]*\)".*/\1/' "$SCRATCH/dups.jsonl" | LC_ALL=C sort -u > "$SCRATCH/out.ids"
n=$(wc -l < "$SCRATCH/in.ids")
if [ "$n" -gt 50 ] && cmp -s "$SCRATCH/in.ids" "$SCRATCH/out.ids"; then ok; else
	fail "scan --keyed | sort | dups finds other duplicates than scan ($n in-process)" \
	    "$(diff "$SCRATCH/in.ids" "$SCRATCH/out.ids" | head -n 5)"
fi
# ... and the same risk: stop exactly when another seller shows the IMEI
other=$(grep -c '"risk":"stop"' "$SCRATCH/dups.jsonl")
[ "$other" -gt 0 ] && [ "$other" -lt "$(wc -l < "$SCRATCH/dups.jsonl")" ] && ok ||
	fail "dups: expected both stop and caution groups"

# Threads do not change the output.
"$BIN" scan --quiet --threads 1 "$SCRATCH/l.csv" > "$SCRATCH/t1"
"$BIN" scan --quiet --threads 2 "$SCRATCH/l.csv" > "$SCRATCH/t2"
"$BIN" scan --quiet --threads 2 --output csv < "$SCRATCH/l.csv" > "$SCRATCH/c2"
"$BIN" scan --quiet --threads 1 --output csv < "$SCRATCH/l.csv" > "$SCRATCH/c1"
if cmp -s "$SCRATCH/t1" "$SCRATCH/t2" && cmp -s "$SCRATCH/t1" "$SCRATCH/all.jsonl" &&
    cmp -s "$SCRATCH/c1" "$SCRATCH/c2"; then ok; else
	fail "--threads 1 and --threads 2 differ"
fi

# ... nor with more threads than cores, --only-flagged, keyed output, or
# malformed rows in the middle (each thread reads, scans and writes out
# its own batches; the writing keeps input order).
awk 'NR % 997 == 500 { print "broken,\"row" NR "\"x,"; next } { print }' "$SCRATCH/l.csv" > "$SCRATCH/bad.csv"
"$BIN" scan --threads 1 --only-flagged "$SCRATCH/bad.csv" > "$SCRATCH/f1" 2> "$SCRATCH/f1.err"
"$BIN" scan --threads 4 --only-flagged "$SCRATCH/bad.csv" > "$SCRATCH/f4" 2> "$SCRATCH/f4.err"
"$BIN" scan --quiet --threads 1 --keyed "$SCRATCH/bad.csv" > "$SCRATCH/k1"
"$BIN" scan --quiet --threads 3 --keyed "$SCRATCH/bad.csv" > "$SCRATCH/k3"
bad=$(grep -c malformed_row "$SCRATCH/f4")
if [ "$bad" -gt 5 ] && cmp -s "$SCRATCH/f1" "$SCRATCH/f4" && cmp -s "$SCRATCH/k1" "$SCRATCH/k3" &&
    [ "$(head -n 2 "$SCRATCH/f1.err")" = "$(head -n 2 "$SCRATCH/f4.err")" ] &&
    grep -q ", $bad malformed$" "$SCRATCH/f4.err"; then ok; else
	fail "threads 1, 3 and 4 differ on malformed rows, --only-flagged or --keyed ($bad malformed)" \
	    "$(head -n 2 "$SCRATCH/f1.err" "$SCRATCH/f4.err")"
fi

# The second pass searches a listing's text again only where the first
# found an identifier there: it finds what the one-pass read finds, with
# malformed rows and three threads shifting where each batch starts.
ids_of() {	# FILE: per line, each identifier's value, kind and field
	awk '{ s = $0; out = NR ":"
		while (match(s, /"value":"[^"]*","kind":"[a-z_]*"/)) {
			v = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
			match(s, /"field":"[^"]*"/); out = out " " v substr(s, RSTART, RLENGTH)
		}
		print out }' "$1"
}
"$BIN" scan --quiet --threads 3 "$SCRATCH/bad.csv" > "$SCRATCH/two3"
"$BIN" scan --quiet --threads 1 --one-pass "$SCRATCH/bad.csv" > "$SCRATCH/one1"
ids_of "$SCRATCH/two3" > "$SCRATCH/two3.ids"
ids_of "$SCRATCH/one1" > "$SCRATCH/one1.ids"
intext=$(grep -c '"field":"description"' "$SCRATCH/two3.ids")
if [ "$intext" -gt 50 ] && cmp -s "$SCRATCH/two3.ids" "$SCRATCH/one1.ids"; then ok; else
	fail "two passes find other identifiers than one ($intext listings with one in the text)" \
	    "$(diff "$SCRATCH/one1.ids" "$SCRATCH/two3.ids" | head -n 4)"
fi

# An output that cannot be written stops every thread: exit 3, a message.
if [ -w /dev/full ]; then
	"$BIN" scan --quiet --threads 2 "$SCRATCH/l.csv" > /dev/full 2> "$SCRATCH/full.err"
	st=$?
	if [ "$st" -eq 3 ] && grep -q 'cannot write' "$SCRATCH/full.err"; then ok; else
		fail "scan to /dev/full: exit $st, want 3" "$(cat "$SCRATCH/full.err")"
	fi
fi

# The summary names every count (the timing line is not compared).
"$BIN" scan "$SCRATCH/l.csv" > /dev/null 2> "$SCRATCH/sum"
if grep -q '^handover scan: [0-9]* listings, [0-9]* flagged ([0-9]* stop, [0-9]* caution), 0 malformed$' "$SCRATCH/sum" &&
    grep -q 'placeholder_imei [0-9]' "$SCRATCH/sum" && grep -q 'MB/s$' "$SCRATCH/sum"; then ok; else
	fail "summary" "$(cat "$SCRATCH/sum")"
fi

# peak KB of a command when GNU time is there, else empty.  Under
# AddressSanitizer (make sanitize) freed memory waits in a quarantine of
# 256 MB by default and counts as held; 8 MB keeps the figure the
# program's own (other builds ignore ASAN_OPTIONS).
peak() {
	if [ -x /usr/bin/time ] && /usr/bin/time -f %M true > /dev/null 2>&1; then
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=8" \
		    /usr/bin/time -f %M -o "$SCRATCH/peak" "$@"
		st=$?
		tail -n 1 "$SCRATCH/peak" > "$SCRATCH/peak.kb"
		return $st
	fi
	"$@"
	st=$?
	: > "$SCRATCH/peak.kb"
	return $st
}
check_peak() {	# NAME
	kb=$(cat "$SCRATCH/peak.kb")
	if [ -z "$kb" ]; then
		echo "  (GNU time missing: memory of '$1' not checked)"
		ok
	elif [ "$kb" -lt 65536 ]; then ok; else
		fail "$1: peak memory $kb KB, want under 64 MB"
	fi
}

# A 100 MB row: one malformed_row finding, bounded memory; exit 8 (some
# rows could not be read).
{
	printf 'id,title,description\n1,first,ok\n2,huge,"'
	head -c 100000000 /dev/zero | tr '\0' 'a'
	printf '"\n3,last,still read\n'
} > "$SCRATCH/big.csv"
peak "$BIN" scan --quiet "$SCRATCH/big.csv" > "$SCRATCH/big.out"
st=$?
if [ "$st" -eq 8 ] && [ "$(wc -l < "$SCRATCH/big.out")" -eq 3 ] &&
    sed -n 2p "$SCRATCH/big.out" | grep -q '"line":3,"row":3,.*"risk":"caution","score":[0-9]*,"reasons":\["malformed_row"\],.*"error":"record is longer than' &&
    sed -n 3p "$SCRATCH/big.out" | grep -q '"id":"3"'; then ok; else
	fail "100 MB row: exit $st" "$(cut -c 1-200 "$SCRATCH/big.out")"
fi
check_peak "100 MB row"

# A binary file: a clear error (not CSV or JSON: exit 7), no crash.
{ printf '\000\001ELF\n'; head -c 20000000 /dev/urandom; } > "$SCRATCH/bin.dat"
peak "$BIN" scan --quiet "$SCRATCH/bin.dat" > "$SCRATCH/bin.out" 2> "$SCRATCH/bin.err"
st=$?
if [ "$st" -eq 7 ] && grep -q 'is binary data' "$SCRATCH/bin.err"; then ok; else
	fail "binary file: exit $st" "$(head -c 300 "$SCRATCH/bin.err")"
fi
check_peak "binary file"
# ... and binary bytes after a good header: findings, the scan goes on
{ printf 'id,title\n'; cat "$SCRATCH/bin.dat"; } > "$SCRATCH/bin.csv"
peak "$BIN" scan --quiet --only-flagged "$SCRATCH/bin.csv" > "$SCRATCH/bin.out"
st=$?
if [ "$st" -eq 8 ] && grep -q malformed_row "$SCRATCH/bin.out"; then ok; else
	fail "binary rows: exit $st"
fi
check_peak "binary rows"

# A file cut inside a quote: the rows before it, then one finding.
head -c 300000 "$SCRATCH/l.csv" > "$SCRATCH/cut.csv"
"$BIN" scan --quiet "$SCRATCH/cut.csv" > "$SCRATCH/cut.out"
st=$?
if [ "$st" -eq 8 ] && tail -n 1 "$SCRATCH/cut.out" | grep -q '"reasons":\["malformed_row"\]' &&
    [ "$(grep -c malformed_row "$SCRATCH/cut.out")" -eq 1 ]; then ok; else
	fail "file cut inside a quote: exit $st" "$(tail -n 1 "$SCRATCH/cut.out")"
fi

"$BIN" scan --quiet --keyed --input-format jsonl < /dev/null > "$SCRATCH/empty"
st=$?
[ "$st" -eq 0 ] && ! [ -s "$SCRATCH/empty" ] && ok || fail "empty input: exit $st"

# Listings without any identifier: --keyed writes nothing for them (a
# batch with no output at all; under clang's UBSan this was NULL + 0).
printf 'id,title,description\nL1,Phone,"no identifier here"\nL2,Phone,"nor here"\n' > "$SCRATCH/noid.csv"
"$BIN" scan --quiet --keyed "$SCRATCH/noid.csv" > "$SCRATCH/noid.out" 2> "$SCRATCH/noid.err"
st=$?
[ "$st" -eq 0 ] && ! [ -s "$SCRATCH/noid.out" ] && ok ||
    fail "keyed scan without identifiers: exit $st" "$(cat "$SCRATCH/noid.err")"
finish
