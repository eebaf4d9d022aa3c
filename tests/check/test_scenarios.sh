#!/bin/sh
# SPDX-License-Identifier: MIT
# test_scenarios.sh BIN: drives 'handover check' end to end.  Each
# tests/check/scenarios/NAME.answers holds a story (its first line) and the
# answers that differ from base.answers ("-" removes one); NAME.expect the
# exit status, the verdict and the reason codes.  Every scenario runs
# twice, from an answers file and piped on stdin, and both must give the
# same verdict, reasons and record (but for id, times and seal).  Every
# reason code the rules can raise has a scenario.  Then: resume after
# every step, answers-file errors, and verify on the records.
BIN=$1
. tests/lib.sh
STEPS=$SCRATCH/steps
"$BIN" check --steps | awk 'NF == 0 { exit } { print $1 }' > "$STEPS"

# merge OVERRIDES: base.answers with OVERRIDES applied, in step order.
merge() {
	merge_answers "$STEPS" tests/check/base.answers "$1"
}

# stdin_of ANSWERS: the same answers one a line, as a person would type
# them; an invalid IMEI is typed twice (what the phone shows).
stdin_of() {
	while IFS= read -r line; do
		v=${line#* = }
		printf '%s\n' "$v"
		case $line in
		identity.imei*|identity.eid*)
			[ "$v" = skip ] || [ "$v" = none ] || "$BIN" imei "$v" > /dev/null 2>&1 ||
			    printf '%s\n' "$v" ;;
		esac
	done < "$1"
}

# facts RECORD: the record without what differs between runs.
facts() {
	grep -v -E '^(id|created|updated|sha256|challenge): ' "$1" |
	    sed -E 's/^(reason: [A-Z]+ not_checked).*/\1/'
}

newest() {
	ls -t "$XDG_DATA_HOME"/handover/*.record 2>/dev/null | head -n 1
}

for a in tests/check/scenarios/*.answers; do
	n=${a##*/}
	n=${n%.answers}
	exp=${a%.answers}.expect
	merge "$a" > "$SCRATCH/$n.answers"
	want_st=$(sed -n 1p "$exp")
	want_v=$(sed -n 2p "$exp")
	want_r=$(sed -n '3,$p' "$exp" | sort | tr '\n' ' ')

	"$BIN" check --answers "$SCRATCH/$n.answers" < /dev/null > "$SCRATCH/out" 2>&1
	st=$?
	rec=$(newest)
	v=$(sed -n 's/^verdict: //p' "$rec" 2>/dev/null)
	r=$(sed -n 's/^reason: [A-Z]* \([a-z_]*\).*/\1/p' "$rec" 2>/dev/null | sort | tr '\n' ' ')
	if [ "$st" != "$want_st" ] || [ "$v" != "$want_v" ] || [ "$r" != "$want_r" ]; then
		fail "$n (answers file): exit $st verdict '$v' reasons '$r'; want exit $want_st verdict '$want_v' reasons '$want_r'" "$(tail -n 15 "$SCRATCH/out")"
		continue
	fi
	ok
	cp "$rec" "$SCRATCH/$n.file.record"
	if "$BIN" verify "$rec" > /dev/null 2>&1 && grep -q "^state: sealed" "$rec"; then ok; else
		fail "$n: the sealed record does not verify"
	fi

	stdin_of "$SCRATCH/$n.answers" > "$SCRATCH/$n.stdin"
	"$BIN" check < "$SCRATCH/$n.stdin" > "$SCRATCH/out2" 2>&1
	st2=$?
	rec2=$(newest)
	facts "$SCRATCH/$n.file.record" > "$SCRATCH/f1"
	facts "$rec2" > "$SCRATCH/f2"
	if [ "$st2" = "$want_st" ] && diff -u "$SCRATCH/f1" "$SCRATCH/f2" > "$SCRATCH/d" 2>&1; then ok; else
		fail "$n (stdin): exit $st2, or its record differs from the answers file's" \
		    "$(head -n 20 "$SCRATCH/d")" "$(tail -n 8 "$SCRATCH/out2")"
	fi
done

# What the buyer sees for an invalid IMEI: the engine's own message.
merge tests/check/scenarios/invalid_imei.answers > "$SCRATCH/inv.answers"
"$BIN" check --answers "$SCRATCH/inv.answers" < /dev/null > "$SCRATCH/inv.out" 2>&1
if grep -q "the last digit is 8, but the first 14 digits need 9" "$SCRATCH/inv.out" &&
    ! grep -q "bad_check_digit\|\[invalid_imei\]" "$SCRATCH/inv.out" &&
    grep -q "STOP" "$SCRATCH/inv.out"; then ok; else
	fail "invalid IMEI: the engine's message and an immediate STOP are shown" "$(grep -n IMEI "$SCRATCH/inv.out" | head)"
fi

# The remote purchase records its challenge code, and the question shows it.
merge tests/check/scenarios/remote_challenge.answers > "$SCRATCH/rc.answers"
stdin_of "$SCRATCH/rc.answers" | "$BIN" check > "$SCRATCH/rc.out" 2>&1
code=$(sed -n 's/^challenge: //p' "$(newest)")
if [ -n "$code" ] && grep -q "code $code written by hand" "$SCRATCH/rc.out"; then ok; else
	fail "remote: the challenge code is recorded and shown" "code '$code'"
fi

# Resume: interrupted after every step, then resumed, gives the same record.
stdin_of "$SCRATCH/honest_invoice.answers" > "$SCRATCH/all"
total=$(wc -l < "$SCRATCH/all")
k=1
resumed_ok=1
while [ "$k" -lt "$total" ]; do
	head -n "$k" "$SCRATCH/all" | "$BIN" check > "$SCRATCH/r1" 2>&1
	st=$?
	id=$(sed -n 's/^Saved. Continue later with: .* check --resume //p' "$SCRATCH/r1")
	if [ "$st" != 6 ] || [ -z "$id" ]; then
		fail "resume: stopping after $k answers gives exit $st (want 6) and a resume line" "$(tail -n 3 "$SCRATCH/r1")"
		resumed_ok=0
		break
	fi
	tail -n +"$((k + 1))" "$SCRATCH/all" | "$BIN" check --resume "$id" > "$SCRATCH/r2" 2>&1
	st=$?
	facts "$XDG_DATA_HOME/handover/$id.record" > "$SCRATCH/f2"
	facts "$SCRATCH/honest_invoice.file.record" > "$SCRATCH/f1"
	if [ "$st" != 0 ] || ! diff -u "$SCRATCH/f1" "$SCRATCH/f2" > "$SCRATCH/d"; then
		fail "resume after $k of $total answers: exit $st or a different record" "$(head -n 20 "$SCRATCH/d")" "$(tail -n 5 "$SCRATCH/r2")"
		resumed_ok=0
		break
	fi
	k=$((k + 1))
done
[ "$resumed_ok" = 1 ] && ok

# A sealed check cannot be resumed; an unknown id says what to do.
"$BIN" check --resume "$id" < /dev/null > /dev/null 2> "$SCRATCH/e"
st=$?
if [ "$st" = 2 ] && grep -q "finished and sealed" "$SCRATCH/e"; then ok; else
	fail "resume of a sealed check: exit $st" "$(cat "$SCRATCH/e")"
fi
"$BIN" check --resume 2026-01-01-NOSUCH < /dev/null > /dev/null 2> "$SCRATCH/e"
if [ $? = 3 ] && [ -s "$SCRATCH/e" ]; then ok; else fail "resume of an unknown id" "$(cat "$SCRATCH/e")"; fi

# Resume takes a check in the records folder by its id, never a file that
# could carry another check's id (and overwrite it, sealed or not).
sealed_before=$(cat "$XDG_DATA_HOME/handover/$id.record")
sed 's/^state: sealed$/state: open/; $d' "$XDG_DATA_HOME/handover/$id.record" > "$SCRATCH/forged.record"
echo quit | "$BIN" check --resume "$SCRATCH/forged.record" > /dev/null 2> "$SCRATCH/e"
st=$?
if [ "$st" = 2 ] && grep -q "takes the id of a check in" "$SCRATCH/e" &&
    [ "$(cat "$XDG_DATA_HOME/handover/$id.record")" = "$sealed_before" ]; then ok; else
	fail "resume of a record file from elsewhere: exit $st, or the sealed record changed" "$(cat "$SCRATCH/e")"
fi
head -n 3 "$SCRATCH/all" | "$BIN" check > "$SCRATCH/r1" 2>&1
oid=$(sed -n 's/^Saved. Continue later with: .* check --resume //p' "$SCRATCH/r1")
cp "$XDG_DATA_HOME/handover/$oid.record" "$XDG_DATA_HOME/handover/2026-01-01-RENAME.record"
echo quit | "$BIN" check --resume 2026-01-01-RENAME > /dev/null 2> "$SCRATCH/e"
st=$?
if [ "$st" = 3 ] && grep -q "renamed or edited" "$SCRATCH/e"; then ok; else
	fail "resume of a renamed record: exit $st" "$(cat "$SCRATCH/e")"
fi
rm -f "$XDG_DATA_HOME/handover/2026-01-01-RENAME.record"

# Answers-file errors name the line.
printf 'listing.country = IN\nlisting.colour = red\n' > "$SCRATCH/bad1"
printf 'listing.country = IN\nlisting.brand = Redmi\nlisting.model = X\nlisting.price = 1\nlisting.mode = maybe\n' > "$SCRATCH/bad2"
printf 'listing.country IN\n' > "$SCRATCH/bad3"
printf 'listing.country = IN\nlisting.brand = Redmi\nlisting.model = X\nlisting.price = 1\nlisting.mode = in-person\nidentity.dial = yes\nidentity.imei1 = 354178036859789\nidentity.dual_sim = no\nidentity.eid = none\nidentity.settings_match = yes\nidentity.box_match = yes\nidentity.tray_match = yes\nregistry.result = clean\nregistry.reference = x\nfinance.disclosed = never\nfinance.apps = no\nfinance.notice = no\nfinance.reminders = no\naccounts.removed = yes\naccounts.reset = yes\naccounts.setup_clean = yes\naccounts.recheck = no\nproof.kind = none\nproof.files = done\nseller.name = A\nseller.contact = B\nseller.id_last4 = 9988776655\n' > "$SCRATCH/bad4"
for c in "bad1:line 2: there is no step 'listing.colour'" \
    "bad2:line 5: listing.mode: Type the number or the words of one of: 1 In person" \
    "bad3:line 1: expected 'step.id = answer'" \
    "bad4:line 27: seller.id_last4: Type only the last 4 characters"; do
	f=${c%%:*}
	want=${c#*:}
	"$BIN" check --answers "$SCRATCH/$f" < /dev/null > /dev/null 2> "$SCRATCH/e"
	st=$?
	if [ "$st" = 2 ] && grep -qF "$want" "$SCRATCH/e"; then ok; else
		fail "answers-file error $f: exit $st" "want: $want" "got: $(cat "$SCRATCH/e")"
	fi
done

# The whole ID number is never stored.
if grep -rq "9988776655" "$XDG_DATA_HOME/handover/"; then
	fail "a whole ID number reached a record"
else
	ok
fi

# Folder 0700, files 0600.
perm=$(ls -ld "$XDG_DATA_HOME/handover" | cut -c1-10)
fperm=$(ls -l "$(newest)" | cut -c1-10)
if [ "$perm" = drwx------ ] && [ "$fperm" = -rw------- ]; then ok; else
	fail "permissions: folder $perm, record $fperm"
fi

# A record changed by one byte fails verify.
rec=$SCRATCH/honest_invoice.file.record
sed 's/^listing.price: 11000 INR$/listing.price: 11001 INR/' "$rec" > "$SCRATCH/altered.record"
"$BIN" verify "$SCRATCH/altered.record" > /dev/null 2>&1
if [ $? = 1 ]; then ok; else fail "verify accepts a record changed by one byte"; fi

# Every reason code the rules can raise is some scenario's.  (The
# re-check's reasons, recheck_*, come from a re-check after the sale, not
# from the checklist: test_recheck checks their words.)
codes=$(sed -n 's/^reason\.\([a-z_]*\)\.todo\t.*/\1/p' data/words-en.tsv | grep -v '^recheck_')
for c in $codes; do
	if cat tests/check/scenarios/*.expect | grep -qx "$c"; then ok; else
		fail "no scenario gives the reason '$c'"
	fi
done

# --steps --json is JSON with every step.
if [ -x /usr/bin/python3 ]; then
	if "$BIN" check --steps --json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d) > 30 and all("id" in s and "answers" in s and s["question"] and s["help"] for s in d)'; then ok; else
		fail "check --steps --json is not the JSON list of steps"
	fi
fi
finish
