#!/bin/sh
# SPDX-License-Identifier: MIT
# test_lines.sh BIN: every line reader consumes an over-long line whole and
# reports it once with its line number; what follows is read intact.
# The checklist fed by a pipe, the answers file, imei, dups and apps on
# stdin, and a data table.
BIN=$1
. tests/lib.sh
H=$SCRATCH/h
mkdir -p "$H"
long() { head -c "$1" /dev/zero | tr '\0' x; }
count() {	# count NAME TEXT WANT: TEXT appears WANT times in $H/err
	got=$(grep -cF -- "$2" "$H/err")
	if [ "$got" -eq "$3" ]; then ok; else
		fail "$1: '$2' $got times, want $3" "$(head -c 600 "$H/err")"
	fi
}

# check, piped: a 5000-byte answer is not taken; its tail does not answer
# the next question; the next line answers the question it was asked for.
# (4096 bytes and 'Apple': the old reader took the first 4096 as one
# answer and 'Apple' as the next)
{ echo IN; long 4096; echo Apple; echo Redmi; echo quit; } |
    "$BIN" check > "$H/out" 2> "$H/err"
st=$?
[ "$st" -eq 6 ] && ok || fail "check piped with a long line: exit $st, want 6" "$(tail -n 5 "$H/err")"
count "check: the long line is reported once, with its number" "line 2 of the input is longer than 1023 bytes" 1
rec=$(ls "$XDG_DATA_HOME"/handover/*.record 2>/dev/null | head -n 1)
if [ -n "$rec" ] && grep -q '^listing.brand: Redmi$' "$rec" && ! grep -q 'xxx\|Apple' "$rec"; then ok; else
	fail "check: the answers after the long line are not the ones typed" "$(grep listing "$rec" 2>/dev/null)"
fi

# answers file: a step id longer than a step id can be
printf 'listing.%s = x\n' "$(long 200)" > "$H/long-id.answers"
"$BIN" check --answers "$H/long-id.answers" > "$H/out" 2> "$H/err"
[ $? -eq 2 ] && ok || fail "answers: a long step id is a usage error"
count "answers: the long step id is named as such" "line 1: the step id is longer than 63 bytes" 1

# imei on stdin: the line after a long one is checked
{ echo 354178036859789; long 70000; echo; echo 354178036859789; } |
    "$BIN" imei > "$H/out" 2> "$H/err"
[ $? -eq 1 ] && ok || fail "imei: a long line is a finding"
if [ "$(grep -c '^354178036859789: valid IMEI' "$H/out")" -eq 2 ] &&
    grep -q 'line 2 is longer than' "$H/out"; then ok; else
	fail "imei: the long line is not reported once, or a line after it was lost" "$(cat "$H/out")"
fi

# dups: a long keyed line is reported with its number, the rest grouped
{ printf '354178036859789\tL1\tS1\n'; long 70000; echo; printf '354178036859789\tL2\tS2\n'; } > "$H/keyed"
"$BIN" dups "$H/keyed" > "$H/out" 2> "$H/err"
count "dups: the long line is reported once" "line 2: not IDENTIFIER" 1
if grep -q '"listings":\["L1","L2"\]' "$H/out"; then ok; else fail "dups: the lines around the long one" "$(cat "$H/out")"; fi

# apps: a long line is reported once, the packages after it are read
{ echo package:com.example.one; long 10000; echo; echo package:com.example.two; } > "$H/pkgs"
"$BIN" apps "$H/pkgs" > "$H/out" 2> "$H/err"
count "apps: the long line is reported once, with its number" "line 2 is longer than" 1
if grep -q '^2 packages read' "$H/out"; then ok; else fail "apps: the packages around the long line" "$(tail -n 4 "$H/out")"; fi

# a data table: a line past the limit is refused with its number
mkdir -p "$H/data"
{ printf 'name\tcountries\tlock\tclosure_document\thow_to_get\tsource\tchecked\tconfidence\n'
  printf 'L\tIN\tx\ty\t'; long 70000; printf '\thttps://example.org\t2026-01-01\treported\n'; } > "$H/data/lenders.tsv"
"$BIN" --data "$H/data" info IN > "$H/out" 2> "$H/err"
[ $? -eq 3 ] && ok || fail "info: a data table with a long line is an error"
count "info: the long line is named" "lenders.tsv: line 2 is longer than 65536 bytes" 1
finish
