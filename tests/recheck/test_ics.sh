#!/bin/sh
# SPDX-License-Identifier: MIT
# test_ics.sh BIN: 'handover export --ics': the re-check reminders as an
# iCalendar file, checked by our RFC 5545 rule checker (whose own negative
# cases run first) and parsed by python3-icalendar (SKIP when missing);
# non-ASCII values folded whole; an open check refused; -o writes 0600.
BIN=$1
. tests/lib.sh
CHK=tests/recheck/ics_check.py
PY=/usr/bin/python3
S=tests/cli/fixtures/sample.record
NOW=1795430000

if [ ! -x "$PY" ]; then
	echo "SKIP ics: /usr/bin/python3 is not installed"
	finish
	exit
fi

# reseal FILE: replace the last line with a seal over the lines above it.
reseal() {
	sed '$d' "$1" > "$1.tmp"
	printf 'sha256: %s\n' "$(sha256sum < "$1.tmp" | cut -c1-64)" >> "$1.tmp"
	mv "$1.tmp" "$1"
}

# --- the checker catches what it must ---
crlf() { printf '%s\r\n' "$@"; }
good() {
	crlf BEGIN:VCALENDAR VERSION:2.0 PRODID:-//t//t//EN BEGIN:VEVENT UID:a \
	    DTSTAMP:20261123T000000Z DTSTART:20261124T000000Z "$@" END:VEVENT END:VCALENDAR
}
good > "$SCRATCH/good.ics"
if "$PY" "$CHK" "$SCRATCH/good.ics" > "$SCRATCH/out"; then ok; else
	fail "checker refuses a good file" "$(cat "$SCRATCH/out")"; fi
# neg NAME PATTERN: the checker refuses $SCRATCH/bad.ics saying PATTERN
neg() {
	if "$PY" "$CHK" "$SCRATCH/bad.ics" > "$SCRATCH/out"; then
		fail "checker accepts $1"
	elif grep -q -- "$2" "$SCRATCH/out"; then ok; else
		fail "checker on $1: no '$2'" "$(cat "$SCRATCH/out")"
	fi
}
good | tr -d '\r' > "$SCRATCH/bad.ics"; neg "LF line ends" "bare LF"
good "SUMMARY:$(printf '%080d' 0)" > "$SCRATCH/bad.ics"; neg "an 82-octet line" "more than 75"
{ crlf BEGIN:VCALENDAR VERSION:2.0 PRODID:x BEGIN:VEVENT UID:a DTSTAMP:20261123T000000Z \
    DTSTART:20261124T000000Z; printf 'SUMMARY:\303\r\n \251\r\n'; crlf END:VEVENT END:VCALENDAR; } \
    > "$SCRATCH/bad.ics"; neg "a fold inside a character" "a fold inside"
good "SUMMARY:a,b" > "$SCRATCH/bad.ics"; neg "an unescaped comma" "unescaped ','"
good "DESCRIPTION:a\\qb" > "$SCRATCH/bad.ics"; neg "a stray backslash" "escapes nothing"
good | grep -v '^UID' > "$SCRATCH/bad.ics"; neg "no UID" "0 UID"
good | sed 's/^DTSTAMP:.*/DTSTAMP:20261123T000000\r/' > "$SCRATCH/bad.ics"; neg "a local DTSTAMP" "not a UTC"
good | grep -v '^END:VEVENT' > "$SCRATCH/bad.ics"; neg "unbalanced" "does not close"

# --- the reminders of the sample check ---
HANDOVER_NOW=$NOW "$BIN" export --ics "$S" > "$SCRATCH/a.ics" 2> "$SCRATCH/err"
check "export --ics exits 0" test $? = 0
if "$PY" "$CHK" "$SCRATCH/a.ics" > "$SCRATCH/out"; then ok; else
	fail "the reminders break RFC 5545's rules" "$(cat "$SCRATCH/out")"; fi
"$PY" "$CHK" "$SCRATCH/a.ics" --icalendar 20261124T050308Z 20261130T050308Z > "$SCRATCH/out"
case $? in
0) ok ;;
77) cat "$SCRATCH/out" ;;
*) fail "python3-icalendar disagrees" "$(cat "$SCRATCH/out")" ;;
esac
check "DTSTAMP from the clock" grep -q "^DTSTAMP:20261123T103320Z.\$" "$SCRATCH/a.ics"
check "stable UIDs" test "$(grep -c '^UID:2026-11-23-VZR0PZ-recheck-day[17]@handover.$' "$SCRATCH/a.ics")" = 2
check "two alarms" test "$(grep -c '^BEGIN:VALARM.$' "$SCRATCH/a.ics")" = 2

# --- non-ASCII values fold whole, in an offset other than UTC ---
sed -e 's/^listing.model: .*/listing.model: गैलेक्सी S24 अल्ट्रा 📱 Ünïcödé, with; commas/' \
    -e 's/^updated: .*/updated: 2026-11-23T23:30:00-03:30/' "$S" > "$SCRATCH/u.record"
reseal "$SCRATCH/u.record"
HANDOVER_NOW=$NOW "$BIN" export --ics "$SCRATCH/u.record" > "$SCRATCH/u.ics"
check "export --ics of a non-ASCII record" test $? = 0
if "$PY" "$CHK" "$SCRATCH/u.ics" > "$SCRATCH/out"; then ok; else
	fail "non-ASCII reminders break the rules" "$(cat "$SCRATCH/out")"; fi
"$PY" "$CHK" "$SCRATCH/u.ics" --icalendar 20261125T030000Z 20261201T030000Z > "$SCRATCH/out"
case $? in 0) ok ;; 77) : ;; *) fail "icalendar on the non-ASCII file" "$(cat "$SCRATCH/out")" ;; esac
check "the sale's own date" grep -q 'on 2026-11-23: look' "$SCRATCH/u.ics"

# --- refused and written ---
"$BIN" export --ics tests/cli/fixtures/open.record > "$SCRATCH/out" 2> "$SCRATCH/err"
check "an open check: exit 1" test $? = 1
check "an open check: said why" grep -q "re-checks start from a finished check" "$SCRATCH/err"
HANDOVER_NOW=$NOW "$BIN" export --ics -o "$SCRATCH/r.ics" "$S"
check "-o writes the file" cmp -s "$SCRATCH/r.ics" "$SCRATCH/a.ics"
check "-o file is 0600" test "$(ls -l "$SCRATCH/r.ics" | cut -c1-10)" = "-rw-------"
finish
