#!/bin/sh
# SPDX-License-Identifier: MIT
# test_records.sh BIN: 'handover list' and 'handover show' over saved
# checks: an empty folder, an open and a sealed check, text and JSON, an
# unknown id, an altered record, usage errors.
BIN=$1
. tests/lib.sh

run() {	# run WANT-STATUS ARGS...: output in $SCRATCH/out, $SCRATCH/err
	want=$1
	shift
	"$BIN" "$@" > "$SCRATCH/out" 2> "$SCRATCH/err" < /dev/null
	st=$?
	if [ "$st" = "$want" ]; then ok; else
		fail "handover $*: exit $st, want $want" "$(cat "$SCRATCH/err")"
	fi
}
has() {	# has FILE TEXT
	if grep -qF -- "$2" "$SCRATCH/$1"; then ok; else
		fail "'$2' not in $1" "$(head -n 20 "$SCRATCH/$1")"
	fi
}

run 0 list
has out "no saved checks in $XDG_DATA_HOME/handover: start one with 'handover check'"

# one sealed check (from the base answers) and one left open
"$BIN" check --answers tests/check/base.answers < /dev/null > "$SCRATCH/c1" 2>&1
sealed=$(sed -n 's/^Sealed record: .*\/\([^/]*\)\.record$/\1/p' "$SCRATCH/c1")
printf 'IN\nRedmi\n' | "$BIN" check > "$SCRATCH/c2" 2>&1
open=$(sed -n 's/^Saved. Continue later with: .* check --resume //p' "$SCRATCH/c2")
[ -n "$sealed" ] && [ -n "$open" ] && ok || fail "could not make the two checks" "$(tail -n 3 "$SCRATCH/c1")"

run 0 list
has out "$sealed"
grep -q "^$sealed  *sealed  *GO  *354178036859789  *Redmi Note 12" "$SCRATCH/out" && ok ||
	fail "list: the sealed check's row" "$(cat "$SCRATCH/out")"
grep -q "^$open  *open  *-  *-  *Redmi" "$SCRATCH/out" && ok ||
	fail "list: the open check's row" "$(cat "$SCRATCH/out")"
run 0 list --json
if [ -x /usr/bin/python3 ]; then
	/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d) == 2 and {x["state"] for x in d} == {"open", "sealed"}' "$SCRATCH/out" &&
	    ok || fail "list --json is not the two checks" "$(cat "$SCRATCH/out")"
fi

run 0 show "$sealed"
has out "Check $sealed: sealed, record intact"
has out "Verdict: GO"
has out "IMEI 1                                   354178036859789"
has out "sha256 (seal): "
run 0 show "$XDG_DATA_HOME/handover/$sealed.record"
run 0 show --json "$sealed"
has out '"format":"handover-record 1"'
run 0 show "$open"
has out "Not finished: continue with 'handover check --resume $open'"

sed 's/^listing.price: .*/listing.price: 1 INR/' "$XDG_DATA_HOME/handover/$sealed.record" > "$SCRATCH/altered.record"
run 1 show "$SCRATCH/altered.record"
has err "is changed since it was sealed: 'handover verify' says more"
run 3 show 2026-01-01-NOSUCH
has err "'handover list' shows the saved checks"
run 2 show
has err "which check? 'handover list' shows them"
run 2 show a b
run 2 list extra
run 2 list --bogus

# a record that cannot be loaded, newest of the three: said on stderr,
# exit 3, and the others still listed as valid JSON (it wrote "[," once)
printf 'not a record\n' > "$XDG_DATA_HOME/handover/9999-12-31-BROKEN.record"
chmod 600 "$XDG_DATA_HOME/handover/9999-12-31-BROKEN.record"
touch -d '2099-01-01' "$XDG_DATA_HOME/handover/9999-12-31-BROKEN.record" 2>/dev/null
run 3 list --json
has err "9999-12-31-BROKEN"
if [ -x /usr/bin/python3 ]; then
	/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d) == 2' "$SCRATCH/out" &&
	    ok || fail "list --json with a broken newest record is not valid JSON" "$(cat "$SCRATCH/out")"
fi
run 3 list
has out "$sealed"
finish
