#!/bin/sh
# SPDX-License-Identifier: MIT
# test_tmux.sh BIN: 'handover recheck' in a real terminal under tmux: the
# first question of a Samsung's re-check, '?', 'back' with the old answer
# as default, status, Ctrl-C saving an open block with how to go on, going
# on with it, and the verdict and exit status at the end.
BIN=$1
. tests/lib.sh
. tests/tmux.sh
ID=2026-11-23-VZR0PZ
NOW=$((1795410188 + 86400 + 600))	# day 1 after the fixture's sale
mkdir -p "$XDG_DATA_HOME/handover"
chmod 700 "$XDG_DATA_HOME/handover"
cp tests/cli/fixtures/sample.record "$XDG_DATA_HOME/handover/$ID.record"
chmod 600 "$XDG_DATA_HOME/handover/$ID.record"

start() {	# start NAME: 'handover recheck' of the fixture, a day after the sale
	tmux_start "$1" 120 50 "env NO_COLOR=1 HANDOVER_NOW=$NOW '$BIN' recheck $ID"
}

start a
expect a "day 1 after the sale" "the re-check says its day"
expect a "What does the KG state say now?" "Knox Guard first, on a Samsung"
say a "?"
expect a "Prenormal means not decided yet" "? shows the help"
say a "1"
expect a "1  Yes, one appeared" "the apps question"
say a "back"
expect a "[Enter keeps: Completed]" "back shows the old answer"
say a ""
expect a "1  Yes, one appeared" "Enter keeps it"
say a "2"
expect a "or a lock screen?" "the notice question"
say a "status"
expect a "2 of" "status counts the answers"
$T send-keys -t a C-c
expect a "Saved. Go on later with: $BIN recheck $ID" "Ctrl-C saves and says how to go on"
expect a "EXIT=6" "Ctrl-C exits with status 6"
if grep -q '^recheck.state: open' "$XDG_DATA_HOME/handover/$ID.record" &&
    grep -q '^recheck.apps: no' "$XDG_DATA_HOME/handover/$ID.record"; then ok; else
	fail "Ctrl-C kept the answers in an open block"
fi

start b
expect b "Going on with the unfinished re-check of $ID" "run again: it goes on"
expect b "or a lock screen?" "at the first open question"
say b "no"
expect b "What does it say now?" "the registry"
say b "clean"
expect b "Type the reference" "the reference"
say b "KYM reply, screenshot 1"
expect b "does the phone get a signal" "the SIM"
say b "yes"
expect b "Re-check: GO" "the verdict"
expect b "EXIT=0" "GO exits 0"
if "$BIN" verify "$XDG_DATA_HOME/handover/$ID.record" > /dev/null 2>&1; then ok; else
	fail "the grown record does not verify"
fi
finish
