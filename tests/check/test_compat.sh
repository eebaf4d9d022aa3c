#!/bin/sh
# SPDX-License-Identifier: MIT
# test_compat.sh BIN: answers files written for handover 0.1 keep working.
# tests/check/compat-0.1/ holds that version's base.answers and scenario
# overrides as they were, and what each gave then (.expect).  Each runs
# through today's 'check --answers' and must give the same exit status,
# verdict and reasons, but for the scenarios in compat-0.1/changes: a rule
# that was wrong and was fixed on purpose, with the new expectation.
BIN=$1
. tests/lib.sh
DIR=tests/check/compat-0.1

# The 0.1 steps in order: today's, with the one id that changed as it was.
"$BIN" check --steps | awk 'NF == 0 { exit } { print $1 }' |
    sed 's/^accounts.setup_lock$/accounts.setup_clean/' > "$SCRATCH/steps"

# merge OVERRIDES: the 0.1 base with OVERRIDES applied, in step order.
merge() {
	merge_answers "$SCRATCH/steps" "$DIR/base.answers" "$1"
}

newest() {
	ls -t "$XDG_DATA_HOME"/handover/*.record 2>/dev/null | head -n 1
}

for a in "$DIR"/scenarios/*.answers; do
	n=${a##*/}
	n=${n%.answers}
	exp=${a%.answers}.expect
	change=$(sed -n "s/^$n: //p" "$DIR/changes" 2>/dev/null)
	if [ -n "$change" ]; then
		want_st=${change%% *}
		rest=${change#* }
		want_v=${rest%% *}
		want_r=$(printf '%s\n' "${rest#* }" | sed 's/ (.*//' | tr ',' '\n' | sed '/^$/d' | sort | tr '\n' ' ')
	else
		want_st=$(sed -n 1p "$exp")
		want_v=$(sed -n 2p "$exp")
		want_r=$(sed -n '3,$p' "$exp" | sort | tr '\n' ' ')
	fi
	merge "$a" > "$SCRATCH/$n.answers"
	"$BIN" check --answers "$SCRATCH/$n.answers" < /dev/null > "$SCRATCH/out" 2>&1
	st=$?
	rec=$(newest)
	v=$(sed -n 's/^verdict: //p' "$rec" 2>/dev/null)
	r=$(sed -n 's/^reason: [A-Z]* \([a-z_]*\).*/\1/p' "$rec" 2>/dev/null | sort | tr '\n' ' ')
	if [ "$st" = "$want_st" ] && [ "$v" = "$want_v" ] && [ "$r" = "$want_r" ]; then ok; else
		fail "0.1 file $n: exit $st verdict '$v' reasons '$r'; want exit $want_st verdict '$want_v' reasons '$want_r'" \
		    "$(tail -n 8 "$SCRATCH/out")"
	fi
done
finish
