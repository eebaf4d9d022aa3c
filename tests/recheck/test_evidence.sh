#!/bin/sh
# SPDX-License-Identifier: MIT
# test_evidence.sh BIN: 'handover export --evidence': the archive listed
# and unpacked by GNU tar and by bsdtar (each SKIPs when missing), byte for
# byte the archive GNU tar itself writes of the same files, every command
# of its README.txt run as written with the output it says, the record
# and the attached files unchanged; refused: an altered record, a file
# that does not match, a symbolic link, no -o.
BIN=$1
. tests/lib.sh
NOW=1796083200		# 2026-12-01T00:00:00Z, after the fixture's re-checks
W=$SCRATCH/w
mkdir -p "$W/photos"

if ! command -v sha256sum > /dev/null 2>&1; then
	echo "SKIP evidence: sha256sum (GNU coreutils) is not installed"
	finish
	exit
fi

# seal FILE: append a seal over every line of FILE.
seal() {
	printf 'sha256: %s\n' "$(sha256sum < "$1" | cut -c1-64)" >> "$1"
}
att() {	# att FILE NAME: an attachment line for FILE, stored as NAME
	printf 'attachment: %s %s %s\n' "$(sha256sum < "$1" | cut -c1-64)" \
	    "$(wc -c < "$1" | tr -d ' ')" "$2"
}

# --- a grown record whose attached files are here ---
head -c 3000 /dev/urandom > "$W/photos/invoice.jpg"
printf 'box with IMEI label\n' > "$W/photos/box photo.jpg"
printf 'फ़ोन का बिल\n' > "$W/photos/बिल.txt"
R=$W/2026-11-23-VZR0PZ.record
grep -v '^attachment: \|^sha256: \|^verdict: \|^reason: ' tests/cli/fixtures/sample.record > "$R"
att "$W/photos/invoice.jpg" invoice.jpg >> "$R"
att "$W/photos/box photo.jpg" "box photo.jpg" >> "$R"
att "$W/photos/बिल.txt" "बिल.txt" >> "$R"
# the fixture's own verdict: a milder one than its answers give is a
# forgery to verify
grep '^verdict: \|^reason: ' tests/cli/fixtures/sample.record >> "$R"
seal "$R"
sed -n '50,59p' tests/cli/fixtures/grown.record >> "$R"
seal "$R"
sed -n '61,72p' tests/cli/fixtures/grown.record >> "$R"
seal "$R"
"$BIN" verify --attachments "$W/photos" "$R" > "$SCRATCH/out"
check "the test record verifies" test $? = 0

HANDOVER_NOW=$NOW "$BIN" export --evidence --with-files "$W/photos" -o "$W/pack.tar" "$R" \
    > "$SCRATCH/out" 2> "$SCRATCH/err"
check "export --evidence exits 0" test $? = 0
check "nothing on stdout" test ! -s "$SCRATCH/out"
check "the pack is 0600" test "$(ls -l "$W/pack.tar" | cut -c1-10)" = "-rw-------"
D=handover-evidence-2026-11-23-VZR0PZ
cat > "$SCRATCH/names" <<EOF
$D/README.txt
$D/SHA256SUMS
$D/2026-11-23-VZR0PZ.record
$D/bill-of-sale.html
$D/timeline.txt
$D/attachments.txt
$D/files/invoice.jpg
$D/files/box_photo.jpg
$D/files/file-3.txt
EOF
size=$(wc -c < "$W/pack.tar" | tr -d ' ')
check "whole 512-byte blocks" test $((size % 512)) = 0
check "two zero blocks at the end" test "$(tail -c 1024 "$W/pack.tar" | tr -d '\0' | wc -c | tr -d ' ')" = 0

# readme_commands DIR NAME MIN: runs every "    $ " command of DIR/README.txt in
# DIR and compares its output with the indented lines under it; there
# must be at least MIN commands.
readme_commands() {
	awk '
		/^    \$ / { if (cmd != "") print "END"; cmd = substr($0, 7); print "CMD " cmd; next }
		cmd != "" && /^    / { print "OUT " substr($0, 5); next }
		cmd != "" { print "END"; cmd = "" }
		END { if (cmd != "") print "END" }' "$1/README.txt" > "$SCRATCH/steps"
	n=0
	: > "$SCRATCH/want"
	while IFS= read -r line; do
		case $line in
		"CMD "*) c=${line#CMD }; : > "$SCRATCH/want" ;;
		"OUT "*) printf '%s\n' "${line#OUT }" >> "$SCRATCH/want" ;;
		END)
			n=$((n + 1))
			(cd "$1" && sh -c "$c") > "$SCRATCH/got" 2>&1
			st=$?
			if [ "$st" -ne 0 ]; then
				fail "$2: README command exits $st: $c" "$(cat "$SCRATCH/got")"
			elif ! diff -u "$SCRATCH/want" "$SCRATCH/got" > "$SCRATCH/d"; then
				fail "$2: README command prints otherwise: $c" "$(head -n 20 "$SCRATCH/d")"
			else
				ok
			fi ;;
		esac
	done < "$SCRATCH/steps"
	check "$2: README has its commands" test "$n" -ge "$3"
}

# unpacked TOOL DIR: the members extracted into DIR are the originals.
unpacked() {
	E=$2/$D
	check "$1: the record byte for byte" cmp -s "$R" "$E/2026-11-23-VZR0PZ.record"
	check "$1: invoice.jpg" cmp -s "$W/photos/invoice.jpg" "$E/files/invoice.jpg"
	check "$1: box photo.jpg" cmp -s "$W/photos/box photo.jpg" "$E/files/box_photo.jpg"
	check "$1: the Hindi-named file" cmp -s "$W/photos/बिल.txt" "$E/files/file-3.txt"
	check "$1: mode 0644" test "$(ls -l "$E/README.txt" | cut -c1-10)" = "-rw-r--r--"
	"$BIN" verify --attachments "$E/files" "$E/2026-11-23-VZR0PZ.record" > "$SCRATCH/out"
	check "$1: verify in the pack" test $? = 0
	check "$1: verify finds invoice.jpg ok" grep -q "invoice.jpg': ok" "$SCRATCH/out"
	readme_commands "$E" "$1" 9
}

# --- GNU tar ---
if tar --version 2>/dev/null | grep -q 'GNU tar'; then
	tar -tf "$W/pack.tar" > "$SCRATCH/list" 2> "$SCRATCH/err"
	check "GNU tar lists it" test $? = 0
	check "GNU tar: the members, in order" diff -u "$SCRATCH/names" "$SCRATCH/list"
	tar --numeric-owner --full-time -tvf "$W/pack.tar" > "$SCRATCH/long" 2>&1
	check "GNU tar: 0644, owner 0/0, mtime from the clock" \
	    test "$(grep -vc '^-rw-r--r-- 0/0 .* 2026-12-01 00:00:00 handover-evidence-' "$SCRATCH/long")" = 0
	mkdir -p "$W/gnu"
	TZ=UTC tar -xf "$W/pack.tar" -C "$W/gnu" 2> "$SCRATCH/err"
	check "GNU tar extracts it" test $? = 0
	unpacked "GNU tar" "$W/gnu"
	# GNU tar's own ustar archive of the same files, in the same order, is
	# the same bytes (blocking factor 1: no padding to 10240 bytes)
	(cd "$W/gnu" && tar --format=ustar --owner=0 --group=0 --numeric-owner --mode=0644 \
	    --mtime=@$NOW -b 1 --no-recursion -cf "$W/gnu.tar" $(cat "$SCRATCH/names"))
	check "byte for byte GNU tar's own ustar archive" cmp "$W/gnu.tar" "$W/pack.tar"
else
	echo "SKIP GNU tar: not installed"
fi

# --- bsdtar (libarchive) ---
if command -v bsdtar > /dev/null 2>&1; then
	bsdtar -tf "$W/pack.tar" > "$SCRATCH/list" 2> "$SCRATCH/err"
	check "bsdtar lists it" test $? = 0
	check "bsdtar: the members, in order" diff -u "$SCRATCH/names" "$SCRATCH/list"
	check "bsdtar: no warnings" test ! -s "$SCRATCH/err"
	mkdir -p "$W/bsd"
	bsdtar -xf "$W/pack.tar" -C "$W/bsd" 2> "$SCRATCH/err"
	check "bsdtar extracts it" test $? = 0
	unpacked "bsdtar" "$W/bsd"
else
	echo "SKIP bsdtar: not installed (apt-get install libarchive-tools)"
fi

# --- the same record without its files, and a record that never grew ---
HANDOVER_NOW=$NOW "$BIN" export --evidence -o "$W/bare.tar" "$R"
check "without --with-files" test $? = 0
check "no files/ without --with-files" test -z "$(tar -tf "$W/bare.tar" | grep /files/)"
HANDOVER_NOW=$NOW "$BIN" export --evidence --with-files "$SCRATCH" -o "$W/none.tar" "$R" \
    2> "$SCRATCH/err"
check "files not in DIR: still written" test $? = 0
check "files not in DIR: said so" grep -q "is not there: the pack lists it without the file" "$SCRATCH/err"
mkdir -p "$W/plain"
HANDOVER_NOW=$NOW "$BIN" export --evidence -o "$W/plain.tar" tests/cli/fixtures/sample.record
check "a record that never grew" test $? = 0
tar -xf "$W/plain.tar" -C "$W/plain" 2>/dev/null
readme_commands "$W/plain/$D" "plain record" 5

# --- goldens: the text members of the grown fixture's pack ---
# (HANDOVER_REGEN=1 rewrites them: review the diff)
GOLD=tests/recheck/golden
mkdir -p "$W/fx"
HANDOVER_NOW=$NOW "$BIN" export --evidence -o "$W/fx.tar" tests/cli/fixtures/grown.record
tar -xf "$W/fx.tar" -C "$W/fx" 2>/dev/null
for f in README.txt timeline.txt attachments.txt SHA256SUMS; do
	if [ "${HANDOVER_REGEN:-}" = 1 ]; then
		mkdir -p "$GOLD"
		cp "$W/fx/$D/$f" "$GOLD/evidence-$f"
	fi
	if diff -u "$GOLD/evidence-$f" "$W/fx/$D/$f" > "$SCRATCH/d"; then ok; else
		fail "golden evidence-$f differs" "$(head -n 30 "$SCRATCH/d")"; fi
done

# --- refused ---
# must_fail NAME STATUS PATTERN ARGS...: exits STATUS, says PATTERN, and
# leaves no archive behind
must_fail() {
	n=$1 want=$2 pat=$3
	shift 3
	rm -f "$W/bad.tar"
	HANDOVER_NOW=$NOW "$BIN" export "$@" > "$SCRATCH/out" 2> "$SCRATCH/err"
	st=$?
	if [ "$st" -ne "$want" ]; then fail "$n: exit $st, want $want" "$(cat "$SCRATCH/err")"
	elif ! grep -q -- "$pat" "$SCRATCH/err"; then fail "$n: no '$pat'" "$(cat "$SCRATCH/err")"
	elif [ -e "$W/bad.tar" ]; then fail "$n: an archive was written"
	else ok; fi
}
sed 's/^recheck.apps: no$/recheck.apps: on/' "$R" > "$W/altered.record"
must_fail "altered record" 1 "was changed after it was sealed" --evidence -o "$W/bad.tar" "$W/altered.record"
mkdir -p "$W/changed"
cp "$W/photos/"* "$W/changed/"
printf 'x' >> "$W/changed/box photo.jpg"
must_fail "a changed file" 1 "'box photo.jpg' is not the file that was attached" \
    --evidence --with-files "$W/changed" -o "$W/bad.tar" "$R"
mkdir -p "$W/linked"
cp "$W/photos/"* "$W/linked/"
rm "$W/linked/invoice.jpg"
ln -s "$W/photos/invoice.jpg" "$W/linked/invoice.jpg"
must_fail "a symbolic link" 3 "is a symbolic link: handover does not follow links" \
    --evidence --with-files "$W/linked" -o "$W/bad.tar" "$R"
mkfifo "$W/linked/fifo.jpg" 2>/dev/null && rm "$W/linked/invoice.jpg" &&
	cp "$W/photos/invoice.jpg" "$W/linked/" && {
	sed 's/ invoice.jpg$/ fifo.jpg/' "$R" | sed '/^sha256: /,$d' > "$W/fifo.record"
	seal "$W/fifo.record"
	must_fail "a fifo" 3 "is not a regular file" --evidence --with-files "$W/linked" \
	    -o "$W/bad.tar" "$W/fifo.record"
}
must_fail "no -o" 2 "name it with -o FILE" --evidence "$R"
must_fail "--with-files alone" 2 "--with-files goes with --evidence" --text --with-files "$W" "$R"
must_fail "two formats" 2 "choose one of" --evidence --ics -o "$W/bad.tar" "$R"
finish
