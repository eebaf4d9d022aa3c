#!/bin/sh
# SPDX-License-Identifier: MIT
# test_lock.sh BIN: one check open in one handover at a time.  A second
# 'check --resume' of a check another process holds (two terminals) is
# refused before it reads or writes the record, with a message and exit 3
# (not a verdict); other checks go on in parallel; a holder killed with
# SIGKILL leaves nothing stuck; list is not disturbed by the lock file.
# 'recheck' writes the same record and takes the same lock: a re-check
# held in one terminal refuses a second re-check and a resume of it, and
# a check held refuses a re-check.
BIN=$1
. tests/lib.sh
H=$SCRATCH/h
D=$XDG_DATA_HOME/handover
mkdir -p "$H"
# input in a file, not a pipe: run in a pipeline is a subshell, whose
# ok and fail would not count
echo quit > "$H/quit"
printf 'IN\n' > "$H/in"
holder=
trap '[ -n "$holder" ] && kill -9 "$holder" 2>/dev/null; rm -rf "$SCRATCH"' EXIT

# new_check: starts a check, answers the country, leaves it open; prints its id.
new_check() {
	before=$(ls "$D" 2>/dev/null)
	printf 'IN\n' | "$BIN" check > /dev/null 2>&1
	for f in $(ls "$D"); do
		case " $(echo $before) " in *" $f "*) ;; *) echo "${f%.record}" ;; esac
	done
}
# hold ID [recheck]: resumes ID (or re-checks it) in the background, its stdin a FIFO kept open, so it
# waits at the question holding the check; returns when the lock is held.
hold() {
	rm -f "$H/fifo"
	mkfifo "$H/fifo"
	if [ "$2" = recheck ]; then
		"$BIN" recheck "$1" < "$H/fifo" > "$H/holder.out" 2>&1 &
	else
		"$BIN" check --resume "$1" < "$H/fifo" > "$H/holder.out" 2>&1 &
	fi
	holder=$!
	exec 7> "$H/fifo"
	i=0
	while [ $i -lt 100 ] && ! grep -q '^> ' "$H/holder.out" 2>/dev/null; do
		sleep 0.1
		i=$((i + 1))
	done
}

A=$(new_check)
B=$(new_check)
if [ -n "$A" ] && [ -n "$B" ] && [ "$A" != "$B" ]; then ok; else
	fail "two open checks to work with: '$A' '$B'" "$(ls -a "$D")"
fi
cp "$D/$A.record" "$H/A.before"

hold "$A"
if [ -f "$D/.$A.lock" ]; then ok; else fail "the holder holds no lock" "$(ls -a "$D")" "$(cat "$H/holder.out")"; fi

# The same check a second time: refused, nothing read or written.
run "a second resume of a held check" 3 "$BIN" check --resume "$A" < "$H/quit"
has "a second resume: said" "is open in another handover"
if cmp -s "$D/$A.record" "$H/A.before"; then ok; else fail "the refused resume changed the record"; fi
printf 'listing.brand = Forged\n' > "$H/forged.answers"
run "a second resume with an answers file" 3 "$BIN" check --resume "$A" --answers "$H/forged.answers"
if cmp -s "$D/$A.record" "$H/A.before"; then ok; else fail "the answers file reached the held record"; fi

# Other checks go on meanwhile.
run "another check resumed in parallel" 6 "$BIN" check --resume "$B" < "$H/quit"
run "a new check in parallel" 6 "$BIN" check < "$H/in"
run "list while a check is held" 0 "$BIN" list
has "list shows the held check" "$A"
if grep -q 'lock' "$H/out"; then fail "list shows the lock file" "$(cat "$H/out")"; else ok; fi

# The holder answers and quits: its answer saved, the lock gone.
echo Samsung >&7
echo quit >&7
exec 7>&-
wait "$holder"
st=$?
holder=
if [ "$st" -eq 6 ]; then ok; else fail "the holder: exit $st, want 6" "$(tail -n 5 "$H/holder.out")"; fi
if grep -q '^listing.brand: Samsung$' "$D/$A.record"; then ok; else
	fail "the holder's answer was not saved" "$(cat "$D/$A.record")"
fi
if [ -e "$D/.$A.lock" ]; then fail "the lock file was left after a clean end"; else ok; fi

# A holder killed with SIGKILL leaves nothing stuck.
hold "$A"
kill -9 "$holder"
wait "$holder" 2>/dev/null
holder=
exec 7>&-
run "resume after the holder was killed" 6 "$BIN" check --resume "$A" < "$H/quit"

# A re-check takes the same lock: it writes the same record.
R=2026-11-23-VZR0PZ		# the fixture's id, sealed 2026-11-23T05:03:08Z
HANDOVER_NOW=$((1795410188 + 7 * 86400 + 3600))	# day 7 after the sale
export HANDOVER_NOW
cp tests/cli/fixtures/sample.record "$D/$R.record"
chmod 600 "$D/$R.record"
cp "$D/$R.record" "$H/R.before"
hold "$R" recheck
if [ -f "$D/.$R.lock" ]; then ok; else fail "a re-check holds no lock" "$(ls -a "$D")" "$(cat "$H/holder.out")"; fi
run "a second re-check of a held check" 3 "$BIN" recheck "$R" < "$H/quit"
has "a second re-check: said" "is open in another handover"
printf 'recheck.apps = yes\n' > "$H/recheck.answers"
run "a second re-check with an answers file" 3 "$BIN" recheck --answers "$H/recheck.answers" "$R"
run "a resume of a check being re-checked" 3 "$BIN" check --resume "$R" < "$H/quit"
if cmp -s "$D/$R.record" "$H/R.before"; then ok; else fail "a refused re-check changed the record"; fi
echo quit >&7
exec 7>&-
wait "$holder"
st=$?
holder=
if [ "$st" -eq 6 ]; then ok; else fail "the re-check holder: exit $st, want 6" "$(tail -n 5 "$H/holder.out")"; fi
if [ -e "$D/.$R.lock" ]; then fail "the re-check left its lock file"; else ok; fi
if grep -q '^recheck: ' "$D/$R.record"; then ok; else
	fail "the re-check holder's block was not saved" "$(tail -n 5 "$D/$R.record")"
fi
run "a re-check goes on once the holder is gone" 6 "$BIN" recheck "$R" < "$H/quit"

# A check held refuses a re-check of it (before saying it is not sealed).
hold "$A"
run "a re-check of a held check" 3 "$BIN" recheck "$A" < "$H/quit"
has "a re-check of a held check: said" "is open in another handover"
kill -9 "$holder"
wait "$holder" 2>/dev/null
holder=
exec 7>&-
finish
