#!/bin/sh
# SPDX-License-Identifier: MIT
# test_qr.sh BIN: decodes our QR symbols with an independent reader,
# Debian's zbarimg (package zbar-tools), and compares byte for byte.  The
# images come from the unit-test binary's hidden mode (build/tests/test_qr
# image ...), built with the same flags as BIN.  Skipped, counting
# nothing, when zbarimg is not installed.
. tests/lib.sh

MAKER=$(dirname "$1")/tests/test_qr
if ! command -v zbarimg > /dev/null 2>&1; then
	echo "SKIP qr decoding: zbarimg not found (apt-get install zbar-tools)"
	finish
	exit $?
fi
if [ ! -x "$MAKER" ]; then
	fail "qr image maker" "$MAKER not built"
	finish
	exit $?
fi

# A pool of bytes to cut payloads from: every byte value, ASCII, UTF-8.
pool=$SCRATCH/pool
i=0
while [ $i -lt 256 ]; do
	printf "\\$(printf %03o $i)"
	i=$((i + 1))
done > "$SCRATCH/all256"
{
	printf 'handover caf\303\251 \342\202\254 \360\237\223\261 '
	cat "$SCRATCH/all256"
	printf 'Stra\303\237e \320\277\321\200\320\270\320\262\320\265\321\202 '
	printf '\346\211\213\346\234\272 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ '
} > "$SCRATCH/unit"
for i in 1 2 3 4 5 6 7 8 9 10; do cat "$SCRATCH/unit"; done > "$pool"

decoded=0
# try NAME LEVEL MASK SCALE [svg]: encodes $SCRATCH/in, decodes, compares.
# An SVG goes through rsvg-convert to PNG first.
try() {
	img=$SCRATCH/img.pgm
	if [ "${5:-}" = svg ]; then
		if ! "$MAKER" image svg "$2" "$3" "$4" < "$SCRATCH/in" \
		    > "$SCRATCH/img.svg" 2> "$SCRATCH/maker.err"; then
			fail "$1: encode" "$(cat "$SCRATCH/maker.err")"
			return
		fi
		img=$SCRATCH/img.png
		if ! rsvg-convert -o "$img" "$SCRATCH/img.svg"; then
			fail "$1: rsvg-convert"
			return
		fi
	elif ! "$MAKER" image pgm "$2" "$3" "$4" < "$SCRATCH/in" \
	    > "$img" 2> "$SCRATCH/maker.err"; then
		fail "$1: encode" "$(cat "$SCRATCH/maker.err")"
		return
	fi
	if ! zbarimg --nodbus --raw -q -Sbinary "$img" \
	    > "$SCRATCH/out" 2> /dev/null; then
		fail "$1: not decoded ($(cat "$SCRATCH/maker.err"))"
		return
	fi
	if cmp -s "$SCRATCH/in" "$SCRATCH/out"; then
		decoded=$((decoded + 1))
		ok
	else
		fail "$1: decoded differently ($(cat "$SCRATCH/maker.err"))"
	fi
}
# cut N OFFSET: N bytes of the pool from OFFSET into $SCRATCH/in.
cut() {
	dd if="$pool" of="$SCRATCH/in" bs=1 skip="$2" count="$1" 2> /dev/null
	got=$(wc -c < "$SCRATCH/in")
	[ "$got" -eq "$1" ] || fail "payload of $1 bytes has $got"
}

# Lengths 1..300 at level M, the mask cycling through auto and 0..7.
n=1
while [ $n -le 300 ]; do
	cut $n $((n * 7 % 300))
	m=$((n % 9 - 1))
	[ $m -lt 0 ] && m=auto
	try "M len $n mask $m" M $m 3
	n=$((n + 1))
done

# The other levels, every 23rd length, and each level's largest payload.
for l in L Q H; do
	n=1
	while [ $n -le 300 ]; do
		cut $n $((n * 11 % 300))
		try "$l len $n" $l auto 3
		n=$((n + 23))
	done
done
for spec in M:2331 M:2330 M:2300 M:2250 L:2953 Q:1663 H:1273; do
	l=${spec%:*}
	n=${spec#*:}
	cut "$n" 5
	try "$l len $n" "$l" auto 2
	grep -q '^version 40 ' "$SCRATCH/maker.err" ||
	    fail "$l len $n: not version 40" "$(cat "$SCRATCH/maker.err")"
done

# The record line the page carries.
printf 'handover-record 2026-11-23-7KQ4MZ imei=354178036859789 sha256=%s' \
    9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 \
    > "$SCRATCH/in"
try "record line" M auto 4
m=0
while [ $m -le 7 ]; do
	try "record line mask $m" M $m 4
	m=$((m + 1))
done

# The SVG the page embeds, rasterised by librsvg (when installed).
if command -v rsvg-convert > /dev/null 2>&1; then
	try "record line svg" M auto 4 svg
	for spec in M:1 M:122 M:123 Q:500 M:2331; do
		l=${spec%:*}
		n=${spec#*:}
		cut "$n" 3
		try "svg $l len $n" "$l" auto 3 svg
	done
else
	echo "SKIP qr svg decoding: rsvg-convert not found (apt-get install librsvg2-bin)"
fi

# Text readers see as UTF-8 without -Sbinary, too.
printf 'caf\303\251 \342\202\254 \346\211\213\346\234\272 \360\237\223\261' \
    > "$SCRATCH/in"
"$MAKER" image pgm M auto 4 < "$SCRATCH/in" > "$SCRATCH/img.pgm" 2> /dev/null
if zbarimg --nodbus --raw -q "$SCRATCH/img.pgm" > "$SCRATCH/out" 2> /dev/null &&
    printf '\n' >> "$SCRATCH/in" && cmp -s "$SCRATCH/in" "$SCRATCH/out"; then
	decoded=$((decoded + 1))
	ok
else
	fail "UTF-8 text as text"
fi

# A PBM reads the same.
printf 'pbm image' > "$SCRATCH/in"
"$MAKER" image pbm M auto 3 < "$SCRATCH/in" > "$SCRATCH/img.pbm" 2> /dev/null
if zbarimg --nodbus --raw -q -Sbinary "$SCRATCH/img.pbm" > "$SCRATCH/out" \
    2> /dev/null && cmp -s "$SCRATCH/in" "$SCRATCH/out"; then
	decoded=$((decoded + 1))
	ok
else
	fail "pbm image"
fi

# Too long for version 40-M: an error, no image.
cut 2332 0
if "$MAKER" image pgm M auto 1 < "$SCRATCH/in" > /dev/null \
    2> "$SCRATCH/maker.err"; then
	fail "2332 bytes at M accepted"
elif grep -q 'do not fit' "$SCRATCH/maker.err"; then
	ok
else
	fail "2332 bytes at M: message" "$(cat "$SCRATCH/maker.err")"
fi

echo "decoded $decoded payloads"
finish
