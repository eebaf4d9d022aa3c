#!/bin/sh
# SPDX-License-Identifier: MIT
# test_recheck.sh BIN: records that grew by re-check blocks, checked with
# standard tools and with verify: every seal by head | sha256sum, a
# one-byte change in each block named by verify, a resealed or cut file;
# 'list' saying when each re-check is due or how it went, text and JSON.
BIN=$1
. tests/lib.sh
G=tests/cli/fixtures/grown.record

if ! command -v sha256sum > /dev/null 2>&1; then
	sha256sum() { shasum -a 256; }
fi

# run NAME WANT_STATUS CMD...: output in $SCRATCH/out, status checked.
run() {
	n=$1
	want=$2
	shift 2
	"$@" > "$SCRATCH/out" 2> "$SCRATCH/err"
	st=$?
	if [ "$st" -ne "$want" ]; then
		fail "$n: exit $st, want $want" "$(cat "$SCRATCH/out" "$SCRATCH/err")"
		return 1
	fi
	ok
}
has() {
	if grep -Eq -- "$2" "$SCRATCH/out"; then ok; else
		fail "$1: no '$2' in output" "$(cat "$SCRATCH/out")"
	fi
}
# seals_ok FILE: every seal line N equals sed -n "1,$((N-1))p" | sha256sum
# (head -n is POSIX; head -n -1 is not).
seals_ok() {
	grep -n '^sha256: ' "$1" > "$SCRATCH/seals" || return 1
	while IFS=: read -r n rest; do
		want=${rest#sha256: }
		got=$(head -n $((n - 1)) "$1" | sha256sum | cut -c1-64)
		[ "$want" = "$got" ] || return 1
	done < "$SCRATCH/seals"
}

# --- the fixture, by coreutils ---
check "every seal of the grown fixture" seals_ok "$G"
check "three seals" test "$(grep -c '^sha256: ' "$G")" = 3
a=$(sed '$d' "$G" | sha256sum | cut -c1-64)
check "last seal is sed '\$d' | sha256sum" test "sha256: $a" = "$(tail -n 1 "$G")"
head -n 49 "$G" > "$SCRATCH/first"
check "the check's part is sample.record, byte for byte" \
    cmp -s tests/cli/fixtures/sample.record "$SCRATCH/first"

run "verify grown" 0 "$BIN" verify "$G" &&
	has "verify grown" ": intact$" &&
	has "block 1" "^  block 1, the check, lines 1-49: as sealed, sha256 5e283dbf" &&
	has "block 2" "^  block 2, the re-check of 2026-11-24T18:30:00\+00:00, lines 50-60: as sealed" &&
	has "block 3" "^  block 3, the re-check of 2026-11-30T09:10:00\+00:00, lines 61-73: as sealed"

# --- one byte changed in each block: verify names that block ---
# block B spans lines FIRST-LAST (its seal line included)
for spec in 1:2:49 2:50:60 3:61:73; do
	b=${spec%%:*}
	rest=${spec#*:}
	first=${rest%%:*}
	last=${rest#*:}
	for line in $first $(( (first + last) / 2 )) $last; do
		awk -v L="$line" 'NR == L { c = substr($0, 12, 1); r = c == "x" ? "y" : "x";
		    $0 = substr($0, 1, 11) r substr($0, 13) } { print }' "$G" > "$SCRATCH/alt.record"
		if cmp -s "$G" "$SCRATCH/alt.record"; then
			fail "block $b line $line: awk did not change a byte"
			continue
		fi
		run "block $b line $line changed" 1 "$BIN" verify "$SCRATCH/alt.record" &&
			has "block $b line $line named" "altered: block $b of 3" &&
			has "block $b line $line marked" "^  block $b, .*: CHANGED: its seal on line $last"
		[ "$b" -gt 1 ] && has "block $b line $line: earlier intact" "^  block 1, the check, lines 1-49: as sealed"
		if seals_ok "$SCRATCH/alt.record"; then
			fail "block $b line $line: coreutils does not see the change"
		else ok; fi
	done
done
run "verify --json, block 2 changed" 1 "$BIN" verify --json "$SCRATCH/alt.record"
sed 's/^recheck.apps: no$/recheck.apps: on/' "$G" > "$SCRATCH/alt2.record"
run "verify --json names the block" 1 "$BIN" verify --json "$SCRATCH/alt2.record" &&
	has "json block" '"result":"altered","block":2,' &&
	has "json blocks" '"block":3,"what":"the re-check of 2026-11-30T09:10:00\+00:00","lines":\[61,73\],"result":"not judged"'

# the last seal recomputed after changing the check: the first seal says so
sed -e '$d' -e 's/^listing.price: .*/listing.price: 1 INR/' "$G" > "$SCRATCH/resealed.record"
printf 'sha256: %s\n' "$(sha256sum < "$SCRATCH/resealed.record" | cut -c1-64)" >> "$SCRATCH/resealed.record"
run "resealed at the end only" 1 "$BIN" verify "$SCRATCH/resealed.record" &&
	has "resealed: the check named" "altered: block 1 of 3, the check \(lines 1-49\)"
run "export refuses the resealed record" 1 "$BIN" export --text "$SCRATCH/resealed.record"

# a re-check block after an unsealed tail, or a broken block, is not a record
head -n 72 "$G" > "$SCRATCH/cut.record"
run "truncated block" 1 "$BIN" verify "$SCRATCH/cut.record" && has "truncated" ": unsealed: "

# --- list: due, done, with the verdicts ---
# sealed 2026-11-23T05:03:08Z; A: no re-check, B: day 1 done, C: both done,
# D: open check, E: altered
L=$XDG_DATA_HOME/handover
mkdir -p "$L"
chmod 700 "$L"
reid() {	# reid ID FILE: FILE's record under another id, sealed again
	sed -e "s/^id: .*/id: $1/" -e '/^sha256: /,$d' "$2" > "$L/$1.record"
	printf 'sha256: %s\n' "$(sha256sum < "$L/$1.record" | cut -c1-64)" >> "$L/$1.record"
}
reid 2026-11-23-AAAAAA tests/cli/fixtures/sample.record
reid 2026-11-23-BBBBBB tests/cli/fixtures/sample.record
sed -n '50,59p' "$G" >> "$L/2026-11-23-BBBBBB.record"
printf 'sha256: %s\n' "$(sha256sum < "$L/2026-11-23-BBBBBB.record" | cut -c1-64)" >> "$L/2026-11-23-BBBBBB.record"
sed -e 's/^id: .*/id: 2026-11-23-CCCCCC/' "$G" > "$SCRATCH/c.record"
head -n 48 "$SCRATCH/c.record" > "$L/2026-11-23-CCCCCC.record"
printf 'sha256: %s\n' "$(sha256sum < "$L/2026-11-23-CCCCCC.record" | cut -c1-64)" >> "$L/2026-11-23-CCCCCC.record"
sed -n '50,59p' "$G" >> "$L/2026-11-23-CCCCCC.record"
printf 'sha256: %s\n' "$(sha256sum < "$L/2026-11-23-CCCCCC.record" | cut -c1-64)" >> "$L/2026-11-23-CCCCCC.record"
sed -n '61,72p' "$G" >> "$L/2026-11-23-CCCCCC.record"
printf 'sha256: %s\n' "$(sha256sum < "$L/2026-11-23-CCCCCC.record" | cut -c1-64)" >> "$L/2026-11-23-CCCCCC.record"
reid 2026-11-23-DDDDDD tests/cli/fixtures/open.record
# (a saved check's file is named by its id, or list refuses it)
sed -e 's/^id: .*/id: 2026-11-23-EEEEEE/' -e 's/^recheck.apps: no$/recheck.apps: on/' "$G" \
    > "$L/2026-11-23-EEEEEE.record"
run "B verifies" 0 "$BIN" verify "$L/2026-11-23-BBBBBB.record"
run "C verifies" 0 "$BIN" verify "$L/2026-11-23-CCCCCC.record"

# listed NOW NAME: 'list' at HANDOVER_NOW=NOW shows each check's RECHECK
listed() {
	HANDOVER_NOW=$1 "$BIN" list > "$SCRATCH/out" 2> "$SCRATCH/err" || {
		fail "$2: list exits $?" "$(cat "$SCRATCH/err")"; return; }
	awk 'NR > 1 { printf "%s %s\n", $1, substr($0, 84) }' "$SCRATCH/out" | sort > "$SCRATCH/got"
	if diff -u "$SCRATCH/want" "$SCRATCH/got" > "$SCRATCH/d"; then ok; else
		fail "list $2" "$(cat "$SCRATCH/d")"; fi
}
cat > "$SCRATCH/want" <<'W'
2026-11-23-AAAAAA d1 2026-11-24
2026-11-23-BBBBBB d1 GO, d7 2026-11-30
2026-11-23-CCCCCC d1 GO, d7 STOP
2026-11-23-DDDDDD -
2026-11-23-EEEEEE -
W
listed 1795410000 "an hour after the sale"
cat > "$SCRATCH/want" <<'W'
2026-11-23-AAAAAA d1 due
2026-11-23-BBBBBB d1 GO, d7 2026-11-30
2026-11-23-CCCCCC d1 GO, d7 STOP
2026-11-23-DDDDDD -
2026-11-23-EEEEEE -
W
listed 1795496588 "exactly a day after"
cat > "$SCRATCH/want" <<'W'
2026-11-23-AAAAAA d7 due
2026-11-23-BBBBBB d1 GO, d7 due
2026-11-23-CCCCCC d1 GO, d7 STOP
2026-11-23-DDDDDD -
2026-11-23-EEEEEE -
W
listed 1796100000 "after day 7"
HANDOVER_NOW=1795496588 "$BIN" list > "$SCRATCH/out"
check "list header" test "$(head -n 1 "$SCRATCH/out")" = \
    "ID                   STATE    VERDICT  IMEI             PHONE                      RECHECK"
HANDOVER_NOW=1796000000 "$BIN" list --json > "$SCRATCH/out"
if [ -x /usr/bin/python3 ]; then
	/usr/bin/python3 - "$SCRATCH/out" > "$SCRATCH/py" 2>&1 <<'PY'
import json, sys
d = {x["id"]: x for x in json.load(open(sys.argv[1]))}
assert d["2026-11-23-AAAAAA"]["rechecks"] == []
assert d["2026-11-23-AAAAAA"]["next_recheck"] == {"day": 1, "at": "2026-11-24T05:03:08+00:00", "due": True}
b = d["2026-11-23-BBBBBB"]
assert b["rechecks"] == [{"time": "2026-11-24T18:30:00+00:00", "day": 1, "state": "sealed", "verdict": "GO"}], b
assert b["next_recheck"] == {"day": 7, "at": "2026-11-30T05:03:08+00:00", "due": False}, b
c = d["2026-11-23-CCCCCC"]
assert [x["day"] for x in c["rechecks"]] == [1, 7] and c["rechecks"][1]["verdict"] == "STOP"
assert c["next_recheck"] is None
assert d["2026-11-23-DDDDDD"]["next_recheck"] is None
assert d["2026-11-23-EEEEEE"]["seal"] == "ALTERED" and d["2026-11-23-EEEEEE"]["next_recheck"] is None
PY
	if [ $? = 0 ]; then ok; else fail "list --json" "$(cat "$SCRATCH/py")"; fi
fi
finish
