#!/bin/sh
# SPDX-License-Identifier: MIT
# test_lang_golden.sh BIN: a whole scripted check in every language of
# data/ (a GO, a CAUTION and a STOP story), its end-of-check summary and
# its bill of sale as text, against tests/check/lang/LL.STORY.out.  The
# record's id, times and hashes are written as ID, TIME and HASH.
# UPDATE=1 writes the files anew (read the diff before committing it).
BIN=$1
. tests/lib.sh
DIR=tests/check/lang
"$BIN" check --steps | awk 'NF == 0 { exit } { print $1 }' > "$SCRATCH/steps"

normal() {	# the output without what differs from run to run
	sed -e "s#$XDG_DATA_HOME/handover/#RECORDS/#g" -e "s#$BIN#handover#g" |
	    LC_ALL=C.UTF-8 sed -E -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}/TIME/g' \
	    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9A-Z]{6}/ID/g' -e 's/[0-9a-f]{64}/HASH/g'
}

for f in data/words-*.tsv; do
	lang=${f##*/words-}
	lang=${lang%.tsv}
	for s in honest_invoice box_differs account_lock; do
		merge_answers "$SCRATCH/steps" tests/check/base.answers "tests/check/scenarios/$s.answers" \
		    > "$SCRATCH/answers"
		rm -rf "$XDG_DATA_HOME/handover"
		{
			"$BIN" check --lang "$lang" --answers "$SCRATCH/answers" < /dev/null 2>&1
			echo "exit $?"
			echo
			"$BIN" export --text --lang "$lang" "$XDG_DATA_HOME"/handover/*.record 2>&1
		} | normal > "$SCRATCH/out"
		want=$DIR/$lang.$s.out
		if [ -n "${UPDATE:-}" ]; then
			mkdir -p "$DIR"
			cp "$SCRATCH/out" "$want"
		fi
		if cmp -s "$SCRATCH/out" "$want"; then ok; else
			fail "$lang $s: the summary or the bill of sale changed (UPDATE=1 to accept)" \
			    "$(diff "$want" "$SCRATCH/out" 2>&1 | head -n 8)"
		fi
	done
done
finish
