#!/bin/sh
# SPDX-License-Identifier: MIT
# test_record.sh BIN: records on disk with real tools: the seal checked by
# coreutils, verify on intact / altered / truncated / unsealed / foreign
# files, attachments ok / missing / changed, and kill -9 during saving.
BIN=$1
. tests/lib.sh
HELPER=$(dirname "$BIN")/tests/test_store
R=$SCRATCH/recs
mkdir -p "$R"

# run NAME WANT_STATUS CMD...: output in $SCRATCH/out, status checked.
run() {
	n=$1
	want=$2
	shift 2
	"$@" > "$SCRATCH/out" 2> "$SCRATCH/err"
	st=$?
	if [ "$st" -ne "$want" ]; then
		fail "$n: exit $st, want $want" "$(cat "$SCRATCH/out" "$SCRATCH/err")"
		return 1
	fi
	ok
}
# has NAME PATTERN: $SCRATCH/out matches the grep pattern.
has() {
	if grep -Eq -- "$2" "$SCRATCH/out"; then ok; else
		fail "$1: no '$2' in output" "$(cat "$SCRATCH/out")"
	fi
}
# seal_ok FILE: the last line is "sha256: " and the SHA-256 of the rest,
# computed by coreutils (sed '$d' is the portable form of head -n -1).
seal_ok() {
	want=$(tail -n 1 "$1" | sed -n 's/^sha256: \([0-9a-f]\{64\}\)$/\1/p')
	got=$(sed '$d' "$1" | sha256sum | cut -c1-64)
	[ -n "$want" ] && [ "$want" = "$got" ]
}
# mode_of FILE: "-rw-------" style permissions.
mode_of() {
	ls -ld "$1" | cut -c1-10
}

if ! command -v sha256sum > /dev/null 2>&1; then
	sha256sum() { shasum -a 256; }
fi

# --- a record saved by the store, checked with standard tools ---
head -c 100000 /dev/urandom > "$R/photo.jpg"
printf 'invoice text\n' > "$R/invoice copy.pdf"
HANDOVER_TEST_SAVE_ONE=$R "$HELPER" "$R/photo.jpg" "$R/invoice copy.pdf" \
    > "$SCRATCH/out" 2>&1
F=$R/sample.record
check "saved record exists" test -f "$F"
check "seal equals head -n -1 | sha256sum" seal_ok "$F"
if command -v head > /dev/null && head -n -1 "$F" > /dev/null 2>&1; then
	a=$(head -n -1 "$F" | sha256sum | cut -c1-64)
	b=$(tail -n 1 "$F" | cut -c9-)
	check "GNU head -n -1 form" test "$a" = "$b"
fi
check "record file is 0600" test "$(mode_of "$F")" = "-rw-------"
check "records folder is 0700" test "$(mode_of "$R")" = "drwx------"
check "no temporary files left" test -z "$(ls -A "$R" | grep '^\.')"
check "one field per line" test "$(grep -c '^note: line one\\nline two\\twith' "$F")" = 1
check "last4 only" grep -q '^seller.id-last4: 4821$' "$F"

run "verify intact" 0 "$BIN" verify "$F" &&
	has "verify intact" ": intact$" &&
	has "attachment ok" "attachment 'photo.jpg': ok" &&
	has "name with space ok" "attachment 'invoice copy.pdf': ok"

# --- one byte changed, at several places, fails verify and coreutils ---
size=$(wc -c < "$F" | tr -d ' ')
for pos in 0 5 20 60 $((size / 2)) $((size - 70)) $((size - 2)) $((size - 1)); do
	cp "$F" "$SCRATCH/alt.record"
	c=$(dd if="$F" bs=1 skip="$pos" count=1 2>/dev/null)
	if [ "$c" = x ]; then r=y; else r=x; fi
	printf '%s' "$r" | dd of="$SCRATCH/alt.record" bs=1 seek="$pos" \
	    conv=notrunc 2>/dev/null
	run "verify byte $pos changed" 1 "$BIN" verify "$SCRATCH/alt.record"
	if grep -q ': intact$' "$SCRATCH/out"; then
		fail "byte $pos changed: still intact"
	else ok; fi
	if seal_ok "$SCRATCH/alt.record"; then
		fail "byte $pos changed: coreutils still agrees"
	else ok; fi
done
sed 's/^seller.id-last4: 4821$/seller.id-last4: 4822/' "$F" > "$SCRATCH/alt.record"
run "verify edited field" 1 "$BIN" verify "$SCRATCH/alt.record" &&
	has "edited field" ": altered: "

# --- truncated, unsealed, not a record, empty ---
head -c $((size - 40)) "$F" > "$SCRATCH/trunc.record"
run "verify truncated" 1 "$BIN" verify "$SCRATCH/trunc.record" &&
	has "truncated" ": (altered|unsealed)"
head -c 100 "$F" > "$SCRATCH/trunc2.record"
run "verify truncated early" 1 "$BIN" verify "$SCRATCH/trunc2.record" &&
	has "truncated early" ": unsealed: "
sed '$d' "$F" > "$SCRATCH/unsealed.record"
run "verify unsealed" 1 "$BIN" verify "$SCRATCH/unsealed.record" &&
	has "unsealed" ": unsealed: "
printf 'imei,model\n356938035643809,A54\n' > "$SCRATCH/listing.csv"
run "verify not a record" 1 "$BIN" verify "$SCRATCH/listing.csv" &&
	has "not a record" ": not a record: line 1: "
: > "$SCRATCH/empty.record"
run "verify empty" 1 "$BIN" verify "$SCRATCH/empty.record" &&
	has "empty" ": not a record: line 1: empty file"
run "verify photo" 1 "$BIN" verify "$R/photo.jpg" &&
	has "photo" ": not a record"
run "verify missing file" 3 "$BIN" verify "$SCRATCH/nope.record"
if grep -q "^handover: cannot open '.*nope.record': No such file or directory$" "$SCRATCH/err"
then ok; else fail "missing file message" "$(cat "$SCRATCH/err")"; fi
run "verify mixed" 1 "$BIN" verify "$F" "$SCRATCH/unsealed.record"
run "verify mixed with unreadable" 3 "$BIN" verify "$F" "$SCRATCH/nope.record" \
    "$SCRATCH/unsealed.record"
check "verify --json parses as one line per file" \
    test "$("$BIN" verify --json "$F" "$SCRATCH/unsealed.record" | wc -l | tr -d ' ')" = 2

# --- attachments: missing does not fail, changed does ---
mkdir -p "$SCRATCH/kept"
mv "$R/photo.jpg" "$SCRATCH/kept/photo.jpg"
run "attachment missing" 0 "$BIN" verify "$F" &&
	has "attachment missing" "attachment 'photo.jpg': missing"
run "attachment under --attachments" 0 "$BIN" verify --attachments "$SCRATCH/kept" "$F" &&
	has "attachment found elsewhere" "attachment 'photo.jpg': ok"
# change one byte, whatever it was (the photo is random: it may be an 'x')
old=$(dd if="$SCRATCH/kept/photo.jpg" bs=1 skip=500 count=1 2>/dev/null | od -An -tu1 | tr -d ' ')
new=x
[ "$old" = 120 ] && new=y
printf '%s' "$new" | dd of="$SCRATCH/kept/photo.jpg" bs=1 seek=500 conv=notrunc 2>/dev/null
run "attachment changed (same size)" 1 "$BIN" verify --attachments "$SCRATCH/kept" "$F" &&
	has "attachment changed" "attachment 'photo.jpg': changed"
printf 'more' >> "$R/invoice copy.pdf"
run "attachment changed (size)" 1 "$BIN" verify "$F" &&
	has "attachment size changed" "attachment 'invoice copy.pdf': changed"

# --- kill -9 while saving: the record is always whole and sealed ---
seed=${HANDOVER_TEST_SEED:-$(date +%s)}
printf '  seed %s (HANDOVER_TEST_SEED=%s to repeat)\n' "$seed" "$seed"
K=$SCRATCH/kill
rounds=12
i=0
while [ $i -lt $rounds ]; do
	delay=$(awk -v s="$seed" -v i="$i" 'BEGIN { srand(s + i); printf "%.3f", rand() * 0.15 }')
	HANDOVER_TEST_WRITE_LOOP=$K "$HELPER" > /dev/null 2>&1 &
	pid=$!
	w=0
	while [ ! -f "$K/victim.record" ] && [ $w -lt 500 ]; do
		sleep 0.01
		w=$((w + 1))
	done
	sleep "$delay"
	kill -9 "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null
	if "$BIN" verify "$K/victim.record" > "$SCRATCH/out" 2>&1 &&
	    grep -q ': intact$' "$SCRATCH/out" && seal_ok "$K/victim.record"; then
		ok
	else
		fail "kill -9 round $i (delay $delay s): record not whole" \
		    "$(head -c 300 "$SCRATCH/out")"
	fi
	i=$((i + 1))
done
rounds_done=$(grep -c '^round: ' "$K/victim.record")
check "victim record has one round line" test "$rounds_done" = 1

finish
