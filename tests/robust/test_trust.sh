#!/bin/sh
# SPDX-License-Identifier: MIT
# test_trust.sh BIN: an intact seal proves only that a file is unchanged
# since someone sealed it, so verify, show and export read a record as the
# checklist would: a verdict milder than its answers give, a key twice, a
# whole ID number or an id that is not its file's name are said, never
# passed as a clean check (security probe, findings 2, 5 and 12); check
# --resume never writes a sealed record nor one named by a foreign file;
# a whole ID number never reaches a transcript.
BIN=$1
. tests/lib.sh
H=$SCRATCH/h
D=$XDG_DATA_HOME/handover
mkdir -p "$H"
# input in a file, not a pipe: run in a pipeline is a subshell, whose
# ok and fail would not count
echo quit > "$H/quit"
printf 'IN\n' > "$H/in"
# reseal BODY OUT: a record whose seal anyone could compute, as a forger would.
reseal() {
	cp "$1" "$2"
	printf 'sha256: %s\n' "$(sha256sum < "$1" | cut -c1-64)" >> "$2"
}

"$BIN" check --answers tests/check/base.answers > /dev/null 2>&1
R=$(ls "$D"/*.record | head -n 1)
ID=$(basename "$R" .record)
sed '$d' "$R" > "$H/good.body"
cp "$R" "$H/saved"

run "verify a clean check" 0 "$BIN" verify "$R"
hasnt "a clean check" "not a check"

# 1. Answers that give STOP under a stated GO, sealed again.
sed 's/^finance.notice: no$/finance.notice: yes/' "$H/good.body" > "$H/f.body"
reseal "$H/f.body" "$H/forged.record"
run "verify a re-sealed GO over STOP answers" 1 "$BIN" verify "$H/forged.record"
has "verify: the verdict" "verdict does not follow: the record states GO, but its answers give STOP"
run "verify --json the same" 1 "$BIN" verify --json "$H/forged.record"
has "verify --json: the verdict" '"content":"verdict does not follow"'
run "show the same" 1 "$BIN" show "$H/forged.record"
has "show: a warning" "WARNING: the record states GO, but its answers give STOP"
run "export --text the same" 0 "$BIN" export --text "$H/forged.record"
has "export: the check failed" "RECORD OF A FAILED CHECK"
hasnt "export: no bill of sale" "BILL OF SALE"

# 1b. A re-check block's STOP turned into GO, sealed again: the check's own
# seal and verdict are untouched, the re-check's answers give STOP.
cp "$R" "$H/rc.record"
printf 'recheck.apps = no\nrecheck.notice = yes\nrecheck.notice_text = Device provided by a lender\nrecheck.registry = clean\nrecheck.registry_reference = KYM reply\nrecheck.sim_works = yes\n' > "$H/rc.answers"
"$BIN" recheck --answers "$H/rc.answers" "$ID" < /dev/null > /dev/null 2>&1
sed '$d' "$D/$ID.record" | sed 's/^recheck.verdict: STOP$/recheck.verdict: GO/' > "$H/rc.body"
if grep -q '^recheck.verdict: GO$' "$H/rc.body"; then ok; else fail "the re-check gave no STOP to forge" "$(tail -n 12 "$D/$ID.record")"; fi
reseal "$H/rc.body" "$H/rcforged.record"
run "verify a re-sealed re-check GO over STOP answers" 1 "$BIN" verify "$H/rcforged.record"
has "verify: the re-check's verdict" "verdict does not follow: re-check 1 states GO, but its answers give STOP"
run "verify the re-check as made" 0 "$BIN" verify "$D/$ID.record"
cp "$H/rc.record" "$D/$ID.record"

# 2. A key twice: the first and the last would say different things.
sed 's/^verdict: GO$/verdict: GO\
verdict: STOP/' "$H/good.body" > "$H/d.body"
reseal "$H/d.body" "$H/dup.record"
run "verify a verdict twice" 1 "$BIN" verify "$H/dup.record"
has "verify: the second verdict" "not a check: line"
run "show a verdict twice" 1 "$BIN" show "$H/dup.record"
has "show: the second verdict" "'verdict' a second time"
run "export a verdict twice" 1 "$BIN" export --text "$H/dup.record"

# 3. A whole ID number where only its last 4 characters belong.
sed 's/^seller.id_last4: .*/seller.id_last4: 1234 5678 9012/' "$H/good.body" > "$H/i.body"
reseal "$H/i.body" "$H/idnum.record"
run "verify a whole ID number" 1 "$BIN" verify "$H/idnum.record"
has "verify: the ID number" "not a check: line"
hasnt "verify: the ID number not shown" "5678"
run "show a whole ID number" 1 "$BIN" show "$H/idnum.record"
hasnt "show: the ID number not shown" "5678"
run "export a whole ID number" 1 "$BIN" export --text "$H/idnum.record"
hasnt "export: the ID number not shown" "5678"

# 4. A saved check whose id is not its file's name.
cp "$R" "$D/2026-01-01-RENAME.record"
run "show a renamed check by id" 3 "$BIN" show 2026-01-01-RENAME
has "show: renamed" "says its id is '$ID'"
run "export a renamed check by id" 1 "$BIN" export --text 2026-01-01-RENAME
has "export: renamed" "renamed or edited by hand"
run "list with a renamed check" 3 "$BIN" list
has "list: renamed" "says its id is '$ID'"
has "list: the others still listed" "$ID"
run "resume a renamed check" 3 "$BIN" check --resume 2026-01-01-RENAME < "$H/quit"
rm "$D/2026-01-01-RENAME.record"

# 5. check --resume: a record from elsewhere naming a saved sealed check's
# id, and the sealed check itself, are never written.
{
	printf 'handover-record 1\nid: %s\nhandover-version: 0.2.0\n' "$ID"
	printf 'created: x\nupdated: x\nstate: open\nlisting.brand: Forged\n'
} > "$H/fr.body"
reseal "$H/fr.body" "$H/foreign.record"
run "resume a foreign record file" 2 "$BIN" check --resume "$H/foreign.record" < "$H/quit"
run "resume a sealed check" 2 "$BIN" check --resume "$ID" < "$H/quit"
has "resume sealed: said" "is finished and sealed"
if cmp -s "$R" "$H/saved"; then ok; else fail "the sealed record was changed" "$(diff "$H/saved" "$R")"; fi
# 6. Privacy: a whole ID number typed where the last 4 characters belong is
# refused, and never echoed into a piped transcript nor kept anywhere.
grep -v '^seller.id_last4\|^seller.declaration' tests/check/base.answers > "$H/p.answers"
printf '1234 5678 9012\n9012\nquit\n' > "$H/p.in"
run "a whole ID number piped" 6 "$BIN" check --answers "$H/p.answers" < "$H/p.in"
has "the ID number refused" "handover never keeps a whole ID number"
hasnt "the ID number not in the transcript" "5678"
has "the last 4 taken" "> 9012"
if grep -rq 5678 "$D"; then fail "the whole ID number was kept" "$(grep -rl 5678 "$D")"; else ok; fi
finish
