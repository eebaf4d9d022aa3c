#!/bin/sh
# SPDX-License-Identifier: MIT
# test_output.sh BIN: handover export by id from the records folder, and
# -o FILE: the same bytes as stdout, mode 0600, an existing file replaced
# whole, no temporary file left behind, a folder that cannot be written.
. tests/lib.sh
BIN=$1
FIX=tests/cli/fixtures/sample.record
ID=$(sed -n 's/^id: //p' "$FIX")

mkdir -p "$XDG_DATA_HOME/handover"
chmod 700 "$XDG_DATA_HOME/handover"
cp "$FIX" "$XDG_DATA_HOME/handover/$ID.record"

for fmt in html text json; do
	"$BIN" export --$fmt "$FIX" > "$SCRATCH/by-path.$fmt"
	check "--$fmt by path exits 0" test $? -eq 0
	"$BIN" export --$fmt "$ID" > "$SCRATCH/by-id.$fmt"
	check "--$fmt by id exits 0" test $? -eq 0
	check "--$fmt by id is the same as by path" cmp -s "$SCRATCH/by-path.$fmt" "$SCRATCH/by-id.$fmt"

	out=$SCRATCH/out/bill.$fmt
	mkdir -p "$SCRATCH/out"
	printf 'an older, longer file that must be replaced whole\n%.0s' 1 2 3 4 5 6 7 8 9 \
	    1 2 3 4 5 6 7 8 9 1 2 3 4 5 6 7 8 9 1 2 3 4 5 6 7 8 9 1 2 3 4 5 6 7 8 9 > "$out"
	chmod 644 "$out"
	"$BIN" export --$fmt -o "$out" "$ID" > "$SCRATCH/stdout" 2> "$SCRATCH/stderr"
	check "-o $fmt exits 0" test $? -eq 0
	check "-o $fmt writes nothing on stdout" test ! -s "$SCRATCH/stdout"
	check "-o $fmt says nothing on stderr" test ! -s "$SCRATCH/stderr"
	check "-o $fmt: the same bytes as stdout" cmp -s "$out" "$SCRATCH/by-path.$fmt"
	mode=$(ls -l "$out" | cut -c1-10)
	check "-o $fmt: mode 0600 ($mode)" test "$mode" = "-rw-------"
done
check "no temporary file left" test "$(ls -A "$SCRATCH/out" | grep -c tmp)" -eq 0
"$BIN" export --html --output="$SCRATCH/out/long.html" "$FIX"
check "--output=FILE" cmp -s "$SCRATCH/out/long.html" "$SCRATCH/by-path.html"
"$BIN" export --text -o - "$FIX" > "$SCRATCH/dash"
check "-o - is stdout" cmp -s "$SCRATCH/dash" "$SCRATCH/by-path.text"

# A folder that does not exist: exit 3, nothing written.
"$BIN" export --html -o "$SCRATCH/nowhere/bill.html" "$FIX" 2> "$SCRATCH/err"
st=$?
check "-o into a missing folder exits 3" test "$st" -eq 3
check "-o into a missing folder names the file" \
    grep -q "cannot write '$SCRATCH/nowhere/bill.html'" "$SCRATCH/err"

# An altered record writes nothing, even with -o.
sed 's/^seller.name: .*/seller.name: Someone Else/' "$FIX" > "$SCRATCH/altered.record"
"$BIN" export --html -o "$SCRATCH/out/altered.html" "$SCRATCH/altered.record" 2> "$SCRATCH/err"
check "altered record exits 1" test $? -eq 1
check "altered record: no file" test ! -e "$SCRATCH/out/altered.html"
check "altered record: the message" grep -q "was changed after it was sealed" "$SCRATCH/err"

# A full disk is an error, not silence.
if [ -w /dev/full ]; then
	"$BIN" export --html "$FIX" > /dev/full 2> "$SCRATCH/err"
	check "stdout on a full disk exits 3" test $? -eq 3
fi
finish
