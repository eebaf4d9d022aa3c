#!/bin/sh
# SPDX-License-Identifier: MIT
# test_recheck_run.sh BIN: drives 'handover recheck' end to end.  Each
# tests/recheck/scenarios/NAME.answers holds a story (its first line), the
# day after the sale it is run ("# day: N", default 7) and the re-check's
# answers; NAME.expect the exit status, the verdict and the reason codes.
# The re-checked record is tests/cli/fixtures/sample.record (a Samsung
# bought in India).  Every scenario runs from an answers file and piped on
# stdin, with the same block; every re-check reason code has a scenario;
# the grown record verifies, by handover and by coreutils.  Then: two
# re-checks in a row, one of a STOP check, quitting and going on, and
# the refusals (not sealed, altered, not there).
BIN=$1
. tests/lib.sh
FIX=tests/cli/fixtures
ID=2026-11-23-VZR0PZ
SALE=1795410188		# 2026-11-23T05:03:08+00:00, the fixture's "updated"
DIR=$XDG_DATA_HOME/handover
REC=$DIR/$ID.record

if ! command -v sha256sum > /dev/null 2>&1; then
	sha256sum() { shasum -a 256; }
fi

fresh() {
	rm -rf "$DIR"
	mkdir -p "$DIR"
	chmod 700 "$DIR"
	cp "$FIX/${1:-sample}.record" "$DIR/$ID.record"
	chmod 600 "$DIR/$ID.record"
}
# at DAY [SECONDS]: HANDOVER_NOW that many days (and seconds) after the sale.
at() {
	echo $((SALE + $1 * 86400 + ${2:-3600}))
}
# seals_ok FILE: every seal line N is the SHA-256 of lines 1..N-1.
seals_ok() {
	grep -n '^sha256: ' "$1" > "$SCRATCH/seals" || return 1
	while IFS=: read -r n rest; do
		want=${rest#sha256: }
		got=$(head -n $((n - 1)) "$1" | sha256sum | cut -c1-64)
		[ "$want" = "$got" ] || return 1
	done < "$SCRATCH/seals"
}
# the last block's answers, without its time
block() {
	sed -n '/^recheck: /,$p' "$1" | grep -v -E '^(recheck|sha256): '
}

# --- one scenario per reason code, from a file and from stdin ---
codes=$(grep -o '"recheck_[a-z_]*"' src/check/verdict.c | tr -d '"' | sort -u)
seen=
for a in tests/recheck/scenarios/*.answers; do
	sc=${a##*/}
	sc=${sc%.answers}
	exp=${a%.answers}.expect
	day=$(sed -n 's/^# day: //p' "$a")
	day=${day:-7}
	want_st=$(sed -n 1p "$exp")
	want_v=$(sed -n 2p "$exp")
	want_r=$(sed -n '3,$p' "$exp" | sort | tr '\n' ' ')
	seen="$seen $(sed -n '3,$p' "$exp" | tr '\n' ' ')"

	fresh
	HANDOVER_NOW=$(at "$day") "$BIN" recheck --answers "$a" "$ID" < /dev/null \
	    > "$SCRATCH/out" 2>&1
	st=$?
	v=$(sed -n 's/^recheck.verdict: //p' "$REC")
	r=$(sed -n 's/^recheck.reason: [A-Z]* \([a-z_]*\).*/\1/p' "$REC" | sort | tr '\n' ' ')
	if [ "$st" != "$want_st" ] || [ "$v" != "$want_v" ] || [ "$r" != "$want_r" ]; then
		fail "$sc (answers file): exit $st verdict '$v' reasons '$r'; want exit $want_st verdict '$want_v' reasons '$want_r'" "$(tail -n 15 "$SCRATCH/out")"
		continue
	fi
	ok
	block "$REC" > "$SCRATCH/$sc.file"
	if "$BIN" verify "$REC" > /dev/null 2>&1 && seals_ok "$REC" &&
	    head -n 49 "$REC" | cmp -s - "$FIX/sample.record"; then ok; else
		fail "$sc: the grown record does not verify, or the check's part changed"
	fi

	fresh
	grep -v '^#' "$a" | sed 's/^[^=]*= //' > "$SCRATCH/$sc.stdin"
	HANDOVER_NOW=$(at "$day") "$BIN" recheck "$ID" < "$SCRATCH/$sc.stdin" \
	    > "$SCRATCH/out" 2>&1
	st=$?
	block "$REC" > "$SCRATCH/$sc.piped"
	if [ "$st" = "$want_st" ] && cmp -s "$SCRATCH/$sc.file" "$SCRATCH/$sc.piped"; then ok; else
		fail "$sc (stdin): exit $st, or another block than from the file" \
		    "$(diff "$SCRATCH/$sc.file" "$SCRATCH/$sc.piped")" "$(tail -n 8 "$SCRATCH/out")"
	fi
done
for c in $codes; do
	case " $seen " in
	*" $c "*) ok ;;
	*) fail "reason code $c has no scenario in tests/recheck/scenarios" ;;
	esac
done

# --- STOP as soon as known, with what to do ---
fresh
HANDOVER_NOW=$(at 7) "$BIN" recheck --answers tests/recheck/scenarios/notice.answers "$ID" \
    < /dev/null > "$SCRATCH/out" 2>&1
check "a notice on day 7: contact the seller and the marketplace now" \
    grep -q 'Contact the seller and the marketplace now' "$SCRATCH/out"
check "a notice on day 7: do not reset" grep -q 'Do not reset the phone again' "$SCRATCH/out"
check "a notice on day 7: the evidence pack offered" grep -q 'export --evidence' "$SCRATCH/out"
check "the notice's words in the block's reason" \
    grep -q '^recheck.reason: STOP recheck_notice This device is provided by Samsung Finance+' "$REC"
check "0600" test "$(ls -l "$REC" | cut -c1-10)" = "-rw-------"

# --- two re-checks in a row: day 1, then day 7 ---
fresh
HANDOVER_NOW=$(at 1) "$BIN" recheck --answers tests/recheck/scenarios/clean_day1.answers "$ID" \
    < /dev/null > /dev/null 2>&1
cp "$REC" "$SCRATCH/day1.record"
HANDOVER_NOW=$(at 7) "$BIN" recheck --answers tests/recheck/scenarios/knox_enrolled.answers \
    "$ID" < /dev/null > /dev/null 2>&1
check "two re-checks: STOP on day 7" test $? -eq 5
check "two re-checks: three seals" test "$(grep -c '^sha256: ' "$REC")" -eq 3
check "two re-checks: every seal by coreutils" seals_ok "$REC"
lines1=$(wc -l < "$SCRATCH/day1.record")
check "two re-checks: day 1's record is kept byte for byte" \
    sh -c "head -n $lines1 '$REC' | cmp -s - '$SCRATCH/day1.record'"
last=$(sed '$d' "$REC" | sha256sum | cut -c1-64)
check "two re-checks: the last line is sed '\$d' | sha256sum" \
    test "sha256: $last" = "$(tail -n 1 "$REC")"
HANDOVER_NOW=$(at 8) "$BIN" list > "$SCRATCH/out" 2>&1
check "list: d1 GO, d7 STOP" grep -q "^$ID .*d1 GO, d7 STOP" "$SCRATCH/out"
# one byte changed in the last block: verify names it
sed 's/^recheck.knox: active$/recheck.knox: activf/' "$REC" > "$SCRATCH/bad.record"
"$BIN" verify "$SCRATCH/bad.record" > "$SCRATCH/out" 2>&1
check "one byte in block 3: verify fails" test $? -eq 1
check "one byte in block 3: verify names it" grep -q 'block 3.*altered\|block 3.*changed' "$SCRATCH/out"
cp "$SCRATCH/bad.record" "$REC"
HANDOVER_NOW=$(at 8) "$BIN" recheck --answers tests/recheck/scenarios/clean_day7.answers "$ID" \
    < /dev/null > "$SCRATCH/out" 2> "$SCRATCH/err"
check "an altered record is refused (exit 1)" test $? -eq 1
check "an altered record: says so" grep -q 'was changed since it was sealed' "$SCRATCH/err"
check "an altered record: left as it was" cmp -s "$REC" "$SCRATCH/bad.record"

# --- quit, and go on later ---
fresh
printf 'completed\nno\nquit\n' | HANDOVER_NOW=$(at 1) "$BIN" recheck "$ID" > "$SCRATCH/out" 2>&1
check "quit: exit 6" test $? -eq 6
check "quit: how to go on" grep -q "recheck $ID" "$SCRATCH/out"
check "quit: an open block, sealed" grep -q '^recheck.state: open' "$REC"
check "quit: verifies" seals_ok "$REC"
printf 'no\nclean\nKYM reply\nyes\n' | HANDOVER_NOW=$(at 1 7200) "$BIN" recheck "$ID" \
    > "$SCRATCH/out" 2>&1
check "go on: GO" test $? -eq 0
check "go on: said" grep -q 'Going on with the unfinished re-check' "$SCRATCH/out"
check "go on: one block, replacing the open one" test "$(grep -c '^recheck: ' "$REC")" -eq 1
check "go on: its time is when it began" grep -q "^recheck: 2026-11-24T06:03:08+00:00" "$REC"
check "go on: its answers kept" grep -q '^recheck.apps: no' "$REC"
check "go on: two seals" seals_ok "$REC"

# --- a re-check of a check that said STOP, made now ---
rm -rf "$DIR"
sed 's/^finance.apps = no$/finance.apps = yes/' tests/check/base.answers > "$SCRATCH/stop.answers"
"$BIN" check --answers "$SCRATCH/stop.answers" < /dev/null > /dev/null 2>&1
check "the STOP check" test $? -eq 5
sid=$(ls "$DIR" | sed -n 's/\.record$//p' | head -n 1)
now=$(date +%s)
printf 'no\nno\nclean\nKYM\nyes\n' | HANDOVER_NOW=$((now + 86400 + 60)) "$BIN" recheck "$sid" \
    > "$SCRATCH/out" 2>&1
check "re-check of a STOP check: its own verdict (GO)" test $? -eq 0
check "re-check of a STOP check: no Knox on a Redmi" sh -c "! grep -q '^recheck.knox' '$DIR/$sid.record'"
check "re-check of a STOP check: the check's verdict stays" grep -q '^verdict: STOP' "$DIR/$sid.record"
"$BIN" verify "$DIR/$sid.record" > /dev/null 2>&1
check "re-check of a STOP check: verifies" test $? -eq 0

# --- a whole re-check piped, with help, back, skip and status: golden ---
fresh
printf '?\ncompleted\nback\n\nno\nyes\nDevice provided by PayJoy, call 0800 123\nstatus\nskip\nyes\n' |
    HANDOVER_NOW=$(at 7) "$BIN" recheck "$ID" > "$SCRATCH/out" 2>&1
check "piped: STOP" test $? -eq 5
sed -e "s|$XDG_DATA_HOME|XDG|g" -e "s|$BIN |handover |g" "$SCRATCH/out" > "$SCRATCH/piped.out"
if [ "${REGEN:-}" = 1 ]; then cp "$SCRATCH/piped.out" tests/recheck/golden/recheck-piped.out; fi
if diff -u tests/recheck/golden/recheck-piped.out "$SCRATCH/piped.out" > "$SCRATCH/d"; then ok; else
	fail "piped transcript differs from tests/recheck/golden/recheck-piped.out" \
	    "$(head -n 30 "$SCRATCH/d")"
fi

# --- refusals ---
fresh open
oid=$(sed -n 's/^id: //p' "$FIX/open.record")
mv "$REC" "$DIR/$oid.record"
"$BIN" recheck "$oid" < /dev/null > "$SCRATCH/out" 2> "$SCRATCH/err"
check "not sealed: exit 2" test $? -eq 2
check "not sealed: says to finish it" grep -q "check --resume $oid" "$SCRATCH/err"
"$BIN" recheck 2026-01-01-AAAAAA < /dev/null > /dev/null 2>&1
check "no such check: exit 3" test $? -eq 3
"$BIN" recheck ../../etc/passwd < /dev/null > /dev/null 2>&1
check "a path: exit 2" test $? -eq 2
"$BIN" recheck < /dev/null > /dev/null 2>&1
check "no id: exit 2" test $? -eq 2
fresh
printf 'recheck.knox = perhaps\n' > "$SCRATCH/bad.answers"
HANDOVER_NOW=$(at 1) "$BIN" recheck --answers "$SCRATCH/bad.answers" "$ID" < /dev/null \
    > /dev/null 2> "$SCRATCH/err"
check "a bad answer in the file: exit 2" test $? -eq 2
check "a bad answer in the file: its line" grep -q 'line 1' "$SCRATCH/err"

finish
