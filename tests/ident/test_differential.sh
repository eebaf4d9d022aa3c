#!/bin/sh
# SPDX-License-Identifier: MIT
# test_differential.sh BIN: 100,000 generated identifiers checked by
# `handover imei --json` and by Debian's python3-stdnum (differential.py).
BIN=$1
. tests/lib.sh
PY=/usr/bin/python3
if ! [ -x "$PY" ] || ! "$PY" -c 'import stdnum' 2>/dev/null; then
	echo "SKIP differential: Debian's python3-stdnum is not installed (apt-get install python3-stdnum)"
	finish
	exit $?
fi
seed=${HANDOVER_SEED:-20261123}
if "$PY" tests/ident/differential.py "$seed" 100000 "$BIN" > "$SCRATCH/diff.log" 2>&1; then
	ok
	sed 's/^/  /' "$SCRATCH/diff.log" | grep -v passed
else
	fail "differential test against python-stdnum (seed $seed)" "$(head -n 30 "$SCRATCH/diff.log")"
fi
finish
