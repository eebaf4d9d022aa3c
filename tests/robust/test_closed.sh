#!/bin/sh
# SPDX-License-Identifier: MIT
# test_closed.sh BIN: a command started with standard input or output
# closed (cron, a service, 'prog <&-') neither hangs nor lies: reading or
# writing the closed stream is an error with a message and exit 3, and no
# file handover opens lands on the closed descriptor (check with stdout
# closed wrote its verdict into its own lock file and exited 0).
BIN=$1
. tests/lib.sh
H=$SCRATCH/h
D=$XDG_DATA_HOME/handover
mkdir -p "$H"
# run NAME WANT MESSAGE CMD...: CMD's stdout and stderr are set by the caller
# through the wrapper below; exit WANT within 10 s, MESSAGE on stderr.
in_closed() {	# in_closed NAME WANT MESSAGE CMD...
	n=$1 want=$2 msg=$3
	shift 3
	timeout 10 "$@" <&- > "$H/out" 2> "$H/err"
	judge "$n (stdin closed)" "$want" "$msg" $?
}
out_closed() {	# out_closed NAME WANT MESSAGE CMD...
	n=$1 want=$2 msg=$3
	shift 3
	timeout 10 "$@" < /dev/null >&- 2> "$H/err"
	judge "$n (stdout closed)" "$want" "$msg" $?
}
judge() {
	if [ "$4" -ne "$2" ]; then
		fail "$1: exit $4, want $2" "$(head -c 400 "$H/err")"
	elif ! grep -qF -- "$3" "$H/err"; then
		fail "$1: no '$3'" "$(head -c 400 "$H/err")"
	else ok; fi
}

"$BIN" check --answers tests/check/base.answers > /dev/null 2>&1
R=$(ls "$D"/*.record | head -n 1)
ID=$(basename "$R" .record)
printf '354178036859789\n' > "$H/imeis"

in_closed "imei" 3 "cannot read" "$BIN" imei
in_closed "dups" 3 "cannot read" "$BIN" dups
in_closed "apps" 3 "cannot read" "$BIN" apps
in_closed "scan -" 3 "cannot read" "$BIN" scan -
in_closed "verify -" 3 "cannot read" "$BIN" verify -
in_closed "export -" 3 "cannot read" "$BIN" export --text -
in_closed "check" 3 "cannot read the answer" "$BIN" check
n=$(ls "$D" | wc -l)
if [ "$n" -eq 1 ]; then ok; else fail "check with stdin closed left a record" "$(ls -a "$D")"; fi

out_closed "imei" 3 "cannot write" "$BIN" imei 354178036859789
out_closed "list" 3 "cannot write" "$BIN" list
out_closed "show" 3 "cannot write" "$BIN" show "$ID"
out_closed "verify" 3 "cannot write" "$BIN" verify "$R"
out_closed "export" 3 "cannot write" "$BIN" export --text "$ID"
out_closed "info" 3 "cannot write" "$BIN" info IN
out_closed "check --answers" 3 "cannot write" "$BIN" check --answers tests/check/base.answers
# the check itself was saved and sealed, whole; nothing else was written
for f in "$D"/*.record; do
	if "$BIN" verify "$f" > /dev/null 2>&1; then ok; else fail "a record is not intact: $f"; fi
done
if ls -a "$D" | grep -v '^\.\.*$' | grep -qv '\.record$'; then
	fail "a stray file is left in the records folder" "$(ls -a "$D")"
else ok; fi
if grep -l 'Verdict\|VERDICT' "$D"/* > /dev/null 2>&1; then
	fail "check's output went into a record" "$(grep -l 'Verdict' "$D"/*)"
else ok; fi
finish
