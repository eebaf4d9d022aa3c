#!/bin/sh
# SPDX-License-Identifier: MIT
# test_write.sh BIN: 'export -o FILE' writes only a new or a regular file,
# atomically: never the record being exported (by path, by id, through a
# hard link), never another record, never through a symbolic link, never
# over a device, a FIFO or a folder; the target is left as it was.
BIN=$1
. tests/lib.sh
H=$SCRATCH/h
mkdir -p "$H"
intact() {	# intact NAME FILE: still a sealed, unchanged record
	if "$BIN" verify "$2" > /dev/null 2>&1 && cmp -s "$2" "$H/saved"; then ok; else
		fail "$1: the record was changed" "$(head -c 200 "$2")"
	fi
}

"$BIN" check --answers tests/check/base.answers > /dev/null 2>&1
R=$(ls "$XDG_DATA_HOME"/handover/*.record | head -n 1)
ID=$(basename "$R" .record)
cp "$R" "$H/saved"

run "export -o the record itself, by path" 3 "$BIN" export --text -o "$R" "$R"
has "the record itself: said" "is the record being exported"
intact "export -o the record itself" "$R"
run "export -o the record, by id" 3 "$BIN" export --html -o "$R" "$ID"
intact "export by id -o the record" "$R"
ln "$R" "$H/hard.txt"
run "export -o a hard link to the record" 3 "$BIN" export --text -o "$H/hard.txt" "$ID"
intact "export -o a hard link" "$R"
cp "$R" "$H/other.record"
run "export -o another record" 3 "$BIN" export --text -o "$H/other.record" "$ID"
has "another record: said" "is a handover record: export never replaces one"

echo precious > "$H/precious"
ln -s "$H/precious" "$H/link.html"
run "export -o a symbolic link" 3 "$BIN" export --html -o "$H/link.html" "$ID"
has "a link: said" "is a symbolic link"
if [ -L "$H/link.html" ] && [ "$(cat "$H/precious")" = precious ]; then ok; else
	fail "export -o a link replaced the link or wrote through it"
fi

mkfifo "$H/fifo"
run "export -o a FIFO" 3 "$BIN" export --text -o "$H/fifo" "$ID"
has "a FIFO: said" "named pipe (FIFO)"
if [ -p "$H/fifo" ]; then ok; else fail "export -o a FIFO replaced it"; fi
mkdir "$H/folder"
run "export -o a folder" 3 "$BIN" export --text -o "$H/folder" "$ID"
if [ "$(id -u)" = 0 ] && mknod "$H/null" c 1 3 2>/dev/null; then
	run "export -o a device" 3 "$BIN" export --html -o "$H/null" "$ID"
	has "a device: said" "is a device"
	if [ -c "$H/null" ]; then ok; else fail "export -o a device turned it into a file"; fi
else
	echo "SKIP device: mknod needs root"
fi

# What -o is for still works: a new file, then replacing a regular one.
run "export -o a new file" 0 "$BIN" export --html -o "$H/bill.html" "$ID"
case $(ls -l "$H/bill.html" | cut -c1-10) in -rw-------) ok ;; *) fail "the export is not 0600" ;; esac
echo old > "$H/bill.txt"
run "export -o an existing regular file" 0 "$BIN" export --text -o "$H/bill.txt" "$ID"
if grep -q VERDICT "$H/bill.txt"; then ok; else fail "the regular file was not replaced"; fi
if ls -a "$H" | grep -q '\.tmp-'; then fail "a temporary file was left" "$(ls -a "$H")"; else ok; fi
finish
