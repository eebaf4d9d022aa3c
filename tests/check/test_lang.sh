#!/bin/sh
# SPDX-License-Identifier: MIT
# test_lang.sh BIN: the checklist in the buyer's language.  With a small
# words file in a --data folder: the country's languages are offered once
# the country is known, 'lang LL' switches at any question, the buyer's
# words for yes are taken, and the record keeps the canonical answers.
# Then, for every language in data/: three stories (GO, CAUTION, STOP)
# from an answers file give the same verdict, reasons and record as in
# English, and the bill of sale says its language (and direction).
BIN=$1
. tests/lib.sh

mkdir -p "$SCRATCH/data"
printf 'key\ttext\nlang.name\tTestish\nchoice.yes\tYup\nanswer.yes\tyupyup\nstep.listing.brand.question\tBrand, in Testish?\n' \
    > "$SCRATCH/data/words-hi.tsv"
printf 'India\nRedmi\nNote\n1000\nin person\nlang hi\nyes\n' |
    "$BIN" --data "$SCRATCH/data" check > "$SCRATCH/out" 2>&1
grep -q "This check can go on in Testish (lang hi)" "$SCRATCH/out" && ok ||
	fail "the country's languages are offered" "$(head -n 12 "$SCRATCH/out")"
printf 'India\nlang hi\nRedmi\nNote\n1000\n1\n1\n354178036859789\nyupyup\n' |
    "$BIN" --data "$SCRATCH/data" check > "$SCRATCH/out" 2>&1
grep -q "Brand, in Testish?" "$SCRATCH/out" && ok || fail "lang hi switches the words" "$(head -n 20 "$SCRATCH/out")"
grep -q "1  Yup, two IMEIs\|1  Yes, two IMEIs" "$SCRATCH/out" && ok || fail "choices in the language" "$(tail -n 12 "$SCRATCH/out")"
rec=$(ls -t "$XDG_DATA_HOME"/handover/*.record | head -n 1)
grep -q "^identity.dual_sim: yes$" "$rec" && ok || fail "the buyer's yes is recorded as 'yes'" "$(grep dual_sim "$rec")"
printf 'lang zz\nquit\n' | "$BIN" check > "$SCRATCH/out" 2>&1
grep -q "no words in 'zz'" "$SCRATCH/out" && ok || fail "an unknown language is said" "$(cat "$SCRATCH/out")"
HANDOVER_LANG=zz "$BIN" check --steps > /dev/null 2> "$SCRATCH/err"
grep -q "no words in 'zz' yet: English it is" "$SCRATCH/err" && ok || fail "HANDOVER_LANG=zz is said" "$(cat "$SCRATCH/err")"

# merge OVERRIDES as test_scenarios.sh does.
"$BIN" check --steps | awk 'NF == 0 { exit } { print $1 }' > "$SCRATCH/steps"
merge() {
	merge_answers "$SCRATCH/steps" tests/check/base.answers "$1"
}
facts() {
	grep -v -E '^(id|created|updated|sha256|challenge): ' "$1"
}
for s in honest_invoice box_differs account_lock; do
	merge "tests/check/scenarios/$s.answers" > "$SCRATCH/$s.answers"
	"$BIN" check --lang en --answers "$SCRATCH/$s.answers" < /dev/null > /dev/null 2>&1
	facts "$(ls -t "$XDG_DATA_HOME"/handover/*.record | head -n 1)" > "$SCRATCH/$s.en"
done
for f in data/words-*.tsv; do
	lang=${f##*/words-}
	lang=${lang%.tsv}
	[ "$lang" = en ] && continue
	dir=$(sed -n 's/^lang\.dir\t//p' "$f")
	for s in honest_invoice box_differs account_lock; do
		"$BIN" check --lang "$lang" --answers "$SCRATCH/$s.answers" < /dev/null > "$SCRATCH/out" 2>&1
		st=$?
		rec=$(ls -t "$XDG_DATA_HOME"/handover/*.record | head -n 1)
		want=$(sed -n 1p "tests/check/scenarios/$s.expect")
		facts "$rec" > "$SCRATCH/$s.$lang"
		if [ "$st" = "$want" ] && cmp -s "$SCRATCH/$s.en" "$SCRATCH/$s.$lang"; then ok; else
			fail "$lang $s: exit $st (want $want), or a record unlike the English one" \
			    "$(diff "$SCRATCH/$s.en" "$SCRATCH/$s.$lang" | head -n 5)"
		fi
		verdict=$(sed -n "s/^verdict: //p" "$rec")
		vw=$(sed -n "s/^verdict\\.$verdict\t//p" "$f")
		grep -qF -- "${vw:-$verdict}" "$SCRATCH/out" && ok || fail "$lang $s: the summary lacks '$vw'"
		# The text bill's headings are in capitals, accented letters too.
		"$BIN" export --text --lang "$lang" "$rec" > "$SCRATCH/bill.txt" 2>&1
		small=$(LC_ALL=C.UTF-8 grep -P '^[^a-z]*[A-Z]{3}[^a-z]*$' "$SCRATCH/bill.txt" |
		    LC_ALL=C.UTF-8 grep -P '[\x{e0}-\x{f6}\x{f8}-\x{fe}]' | head -n 2)
		[ -z "$small" ] && ok || fail "$lang $s: a heading with small letters" "$small"
		"$BIN" export --html --lang "$lang" "$rec" > "$SCRATCH/bill.html" 2>&1
		grep -q "<html lang=\"$lang\" dir=\"${dir:-ltr}\">" "$SCRATCH/bill.html" && ok ||
			fail "$lang $s: the bill of sale's language" "$(head -n 3 "$SCRATCH/bill.html")"
	done
done
finish
