#!/bin/sh
# SPDX-License-Identifier: MIT
# test_hash_tmux.sh BIN: hashing a large file (a photo at 'check', an
# attachment at 'verify') shows its progress on a terminal, and Ctrl-C
# or SIGTERM stops it within a second: check saves and says how to
# resume (status 6), verify ends.  A 4 GiB sparse file under tmux.
BIN=$1
. tests/lib.sh
. tests/tmux.sh
BIG=$SCRATCH/big.bin
if ! truncate -s 4G "$BIG" 2>/dev/null; then
	echo "SKIP hashing: cannot make a 4 GiB sparse file here"
	finish
	exit $?
fi

# A check saved just before its photos: the answers up to proof.files.
sed '/^proof.files/,$d' tests/check/base.answers > "$SCRATCH/part.answers"
"$BIN" check --answers "$SCRATCH/part.answers" > "$SCRATCH/out" 2>&1
id=$(sed -n 's/.*handover check --resume \([0-9A-Z-]*\).*/\1/p' "$SCRATCH/out" | tail -n 1)
[ -n "$id" ] || fail "no check saved before the photos" "$(tail -n 5 "$SCRATCH/out")"

start() {	# start NAME COMMAND
	tmux_start "$1" 160 40 "env NO_COLOR=1 $2"
}

# check: Ctrl-C while a photo is hashed
start c "'$BIN' check --resume $id"
expect c "> " "check asks for the photos" 50
$T send-keys -t c -l -- "$BIG"
$T send-keys -t c Enter
expect c "hashing 'big.bin'" "check shows the hashing progress" 50
$T send-keys -t c C-c
expect c "EXIT=6" "Ctrl-C stops the hashing at check and exits 6 within a second" 10
expect c "check --resume $id" "check saves and says how to resume" 10

# check: SIGTERM while a photo is hashed
start t "'$BIN' check --resume $id"
expect t "> " "check asks for the photos again" 50
$T send-keys -t t -l -- "$BIG"
$T send-keys -t t Enter
expect t "hashing 'big.bin'" "the progress again" 50
pid=$($T list-panes -t t -F '#{pane_pid}')
kill -TERM $(pgrep -P "$pid" -x handover 2>/dev/null || pgrep -f "handover check --resume $id" | head -n 1) 2>/dev/null
expect t "EXIT=6" "SIGTERM stops the hashing at check and exits 6 within a second" 10

# verify: an attachment that is the big file, with its size in the record
E=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
printf 'handover-record 1\nid: 2026-01-01-BIGONE\nattachment: %s 4294967296 big.bin\n' "$E" > "$SCRATCH/body"
cp "$SCRATCH/body" "$SCRATCH/big.record"
printf 'sha256: %s\n' "$(sha256sum < "$SCRATCH/body" | cut -c1-64)" >> "$SCRATCH/big.record"
start v "'$BIN' verify '$SCRATCH/big.record'"
expect v "hashing 'big.bin'" "verify shows the hashing progress" 50
$T send-keys -t v C-c
# verify keeps the default action of SIGINT: it (and the shell around it,
# which then ends itself the same way) is gone
i=0
while [ $i -lt 10 ] && $T has-session -t v 2>/dev/null && ! screen v | grep -q EXIT=; do
	sleep 0.1
	i=$((i + 1))
done
if [ $i -lt 10 ]; then ok; else fail "Ctrl-C did not stop verify within a second" "$(screen v | tail -n 4)"; fi
finish
