#!/bin/sh
# SPDX-License-Identifier: MIT
# test_hash_tmux.sh BIN: hashing a large file (a photo at 'check', an
# attachment at 'verify') shows its progress on a terminal, and Ctrl-C
# or SIGTERM stops it within a second: check saves and says how to
# resume (status 6), verify ends.  A 4 GiB sparse file under tmux.
BIN=$1
. tests/lib.sh
if ! command -v tmux > /dev/null 2>&1; then
	echo "SKIP tmux: tmux is not installed (apt-get install tmux)"
	finish
	exit $?
fi
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
SOCK=$SCRATCH/tmux.sock
T="tmux -S $SOCK"
trap '$T kill-server 2>/dev/null; rm -rf "$SCRATCH"' EXIT
BIG=$SCRATCH/big.bin
if ! truncate -s 4G "$BIG" 2>/dev/null; then
	echo "SKIP hashing: cannot make a 4 GiB sparse file here"
	finish
	exit $?
fi

screen() { $T capture-pane -p -J -t "$1"; }
# wait_for NAME TEXT TENTHS: 0 once TEXT is on the screen
wait_for() {
	i=0
	while [ $i -lt "$3" ]; do
		screen "$1" | grep -qF -- "$2" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
expect() {	# expect NAME TEXT TENTHS DESCRIPTION
	if wait_for "$1" "$2" "$3"; then ok; else
		fail "$4: '$2' did not appear within $(($3 / 10)).$(($3 % 10)) s" "$(screen "$1" | tail -n 8)"
	fi
}

# A check saved just before its photos: the answers up to proof.files.
sed '/^proof.files/,$d' tests/check/base.answers > "$SCRATCH/part.answers"
"$BIN" check --answers "$SCRATCH/part.answers" > "$SCRATCH/out" 2>&1
id=$(sed -n 's/.*handover check --resume \([0-9A-Z-]*\).*/\1/p' "$SCRATCH/out" | tail -n 1)
[ -n "$id" ] || fail "no check saved before the photos" "$(tail -n 5 "$SCRATCH/out")"

start() {	# start NAME COMMAND...
	n=$1
	shift
	$T new-session -d -s "$n" -x 160 -y 40 \
	    "env NO_COLOR=1 TERM=xterm-256color XDG_DATA_HOME='$XDG_DATA_HOME' HOME='$HOME' $*; echo EXIT=\$?; sleep 60"
}

# check: Ctrl-C while a photo is hashed
start c "'$BIN' check --resume $id"
expect c "> " 50 "check asks for the photos"
$T send-keys -t c -l -- "$BIG"
$T send-keys -t c Enter
expect c "hashing 'big.bin'" 50 "check shows the hashing progress"
$T send-keys -t c C-c
expect c "EXIT=6" 10 "Ctrl-C stops the hashing at check and exits 6 within a second"
expect c "check --resume $id" 10 "check saves and says how to resume"

# check: SIGTERM while a photo is hashed
start t "'$BIN' check --resume $id"
expect t "> " 50 "check asks for the photos again"
$T send-keys -t t -l -- "$BIG"
$T send-keys -t t Enter
expect t "hashing 'big.bin'" 50 "the progress again"
pid=$($T list-panes -t t -F '#{pane_pid}')
kill -TERM $(pgrep -P "$pid" -x handover 2>/dev/null || pgrep -f "handover check --resume $id" | head -n 1) 2>/dev/null
expect t "EXIT=6" 10 "SIGTERM stops the hashing at check and exits 6 within a second"

# verify: an attachment that is the big file, with its size in the record
E=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
printf 'handover-record 1\nid: 2026-01-01-BIGONE\nattachment: %s 4294967296 big.bin\n' "$E" > "$SCRATCH/body"
cp "$SCRATCH/body" "$SCRATCH/big.record"
printf 'sha256: %s\n' "$(sha256sum < "$SCRATCH/body" | cut -c1-64)" >> "$SCRATCH/big.record"
start v "'$BIN' verify '$SCRATCH/big.record'"
expect v "hashing 'big.bin'" 50 "verify shows the hashing progress"
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
