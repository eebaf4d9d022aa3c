#!/bin/sh
# SPDX-License-Identifier: MIT
# test_exports.sh BIN: recall and precision of handover scan on the nine
# export shapes of tests/cli/fixtures/exports/ (site column names, Excel's
# ';' CSV with a BOM, UTF-16 Unicode Text, Windows-1252, a TSV, nested
# API JSON Lines, a JSON array, a forum's names, Vietnamese names), as
# labelled in tests/scan/exports.labels: every labelled listing flagged,
# no other listing flagged, each file read with the options its label
# gives (the ones the scan's own message asks for).  As given, without
# those options, a file is either read the same or refused with exit 7
# and a message naming the option: never read wrongly in silence.
BIN=$1
. tests/lib.sh
DIR=tests/cli/fixtures/exports
tp=0
want=0
fp=0
grep -v '^#' tests/scan/exports.labels | while IFS= read -r line; do
	file=${line%% *}
	rest=${line#* }
	ids=${rest%%--*}
	opts=
	case $rest in *--*) opts=${rest#*-- } ;; esac
	# shellcheck disable=SC2086
	"$BIN" scan -q $opts "$DIR/$file" > "$SCRATCH/out" 2> "$SCRATCH/err"
	st=$?
	[ "$st" -le 1 ] || echo "ERR $file exit $st: $(cat "$SCRATCH/err")"
	for id in $ids; do
		case $id in
		@*) sel="\"row\":${id#@}," ;;
		*) sel="\"id\":\"$id\"" ;;
		esac
		if grep "$sel" "$SCRATCH/out" | grep -q '"risk":"\(stop\|caution\)"'; then
			echo "TP $file $id"
		else
			echo "FN $file $id"
		fi
	done
	flagged=$(grep -c '"risk":"\(stop\|caution\)"' "$SCRATCH/out")
	echo "FLAGGED $file $flagged $(echo $ids | wc -w)"
	[ -n "$opts" ] || { echo "GIVEN $file $(echo $ids | wc -w) read"; continue; }
	"$BIN" scan -q "$DIR/$file" > "$SCRATCH/given" 2> "$SCRATCH/err"
	st=$?
	if [ "$st" -eq 7 ] && [ ! -s "$SCRATCH/given" ] && grep -qF -- "$opts" "$SCRATCH/err"; then
		echo "GIVEN $file $(echo $ids | wc -w) refused"
	else
		echo "ERR $file as given: exit $st, want 7 and a message naming $opts: $(cat "$SCRATCH/err")"
	fi
done > "$SCRATCH/result"
tp=$(grep -c '^TP' "$SCRATCH/result")
fn=$(grep -c '^FN' "$SCRATCH/result")
fp=$(awk '/^FLAGGED/ { if ($3 > $4) n += $3 - $4 } END { print n + 0 }' "$SCRATCH/result")
echo "  recall $tp/$((tp + fn)), $fp listings flagged that were not labelled"
awk '/^GIVEN/ { n += $3; if ($4 == "read") r += $3; else { k++; f = f " " $2 } }
	END { printf "  as given: recall %d/%d, %d file(s) refused with the option to use:%s\n", r, n, k, f }' "$SCRATCH/result"
if [ "$fn" -eq 0 ] && [ "$tp" -ge 17 ] && ! grep -q '^ERR' "$SCRATCH/result"; then ok; else
	fail "recall on the labelled exports" "$(grep '^\(FN\|ERR\)' "$SCRATCH/result")"
fi
[ "$fp" -eq 0 ] && ok || fail "$fp clean listings flagged" "$(grep '^FLAGGED' "$SCRATCH/result")"
finish
