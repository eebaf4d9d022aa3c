#!/bin/sh
# SPDX-License-Identifier: MIT
# test_man.sh BIN: docs/handover.1 is in step with the program: every
# command in 'handover --help' has a subsection and a synopsis line, every
# option of every command's --help is in the manual, the README names the
# two commands, the manual's 'handover imei' examples run, and its 'scan'
# and 'dups' examples (one for each shape of export) run on the fixtures
# of tests/cli/fixtures/exports, as the manual says, and are those of the
# commands' --help.
BIN=$1
. tests/lib.sh
MAN=docs/handover.1
cmds=$("$BIN" --help | awk '/^commands:/ { on = 1; next } on && NF == 0 { exit } on { print $1 }')
[ -n "$cmds" ] || fail "no commands in 'handover --help'"
for c in $cmds; do
	if grep -q "^\.Ss handover $c\$" "$MAN" && grep -q "^\.Cm $c\$" "$MAN"; then ok; else
		fail "$MAN has no subsection or synopsis for '$c'"
	fi
	for o in $("$BIN" "$c" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		[ "$o" = --help ] && continue
		if grep -q -- "^\.\(It \|Op \)\?Fl -${o#--}\b" "$MAN" || grep -q -- "Fl -${o#--}" "$MAN"; then ok; else
			fail "$MAN does not document '$c $o'"
		fi
	done
done
if command -v man > /dev/null 2>&1; then
	if MANWIDTH=80 man -l "$MAN" > "$SCRATCH/man.txt" 2> "$SCRATCH/man.err" && ! [ -s "$SCRATCH/man.err" ]; then ok; else
		fail "man -l $MAN renders with warnings" "$(head -n 5 "$SCRATCH/man.err")"
	fi
fi
# Every exit status 'handover --help' names is in the manual's EXIT STATUS.
codes=$("$BIN" --help | sed -n '/^exit status:/,/^manual:/p' | grep -o '[0-9] [a-z]' | cut -c1)
[ -n "$codes" ] || fail "no exit statuses in 'handover --help'"
for n in $codes; do
	if sed -n '/^\.Sh EXIT STATUS/,/^\.Sh /p' "$MAN" | grep -q "^\.It $n\$"; then ok; else
		fail "$MAN: EXIT STATUS does not list $n"
	fi
done
grep -q 'make run' README.md && grep -q 'make test' README.md && ok || fail "README does not show make run and make test"
sed -n 's/^\.Dl handover imei //p' "$MAN" | grep -v '|' | while IFS= read -r args; do
	eval "\"$BIN\" imei $args" > /dev/null 2>&1
	st=$?
	[ "$st" -le 1 ] || echo "bad: handover imei $args (exit $st)"
done > "$SCRATCH/ex"
if [ -s "$SCRATCH/ex" ]; then fail "a manual example fails" "$(cat "$SCRATCH/ex")"; else ok; fi

# scan and dups, run as written (pipes, globs and all) in a folder laid out
# as the examples expect: the export fixtures, listings.csv, team.conf, and
# exports/ with the ones scan reads as they are.
ex=$SCRATCH/examples
mkdir -p "$ex/bin" "$ex/exports"
case $BIN in /*) abs=$BIN ;; *) abs=$PWD/$BIN ;; esac
ln -s "$abs" "$ex/bin/handover"
cp tests/cli/fixtures/exports/* "$ex/"
cp tests/scan/eval/listings.csv "$ex/listings.csv"
cp tests/cli/fixtures/scan.conf "$ex/team.conf"
for f in olx.csv excel_es.csv unicode_text.txt listings.tsv api.jsonl array.json forum.csv vi.csv; do
	cp "tests/cli/fixtures/exports/$f" "$ex/exports/"
done
sed -n 's/^\.Dl \(.*handover \(scan\|dups\) .*\)$/\1/p' "$MAN" > "$SCRATCH/scan.ex"
n=$(wc -l < "$SCRATCH/scan.ex")
[ "$n" -ge 15 ] && ok || fail "the manual has $n scan and dups examples, want 15 or more"
while IFS= read -r cmd; do
	(cd "$ex" && PATH="$ex/bin:$PATH" sh -c "(set -o pipefail) 2> /dev/null && set -o pipefail; $cmd" > out 2> err)
	st=$?
	[ "$st" -le 1 ] || echo "bad: $cmd (exit $st: $(head -c 300 "$ex/err"))"
done < "$SCRATCH/scan.ex" > "$SCRATCH/ex"
if [ -s "$SCRATCH/ex" ]; then fail "a manual scan or dups example fails" "$(cat "$SCRATCH/ex")"; else ok; fi
[ -s "$ex/day.html" ] && [ -s "$ex/seen.tsv" ] && [ -s "$ex/day.json" ] && ok ||
	fail "the daily examples wrote no report, seen store or summary"
# every example of 'scan --help' and 'dups --help' is in the manual
for c in scan dups; do
	"$BIN" "$c" --help | sed -n 's/^  \(handover .*\)$/\1/p' | while IFS= read -r e; do
		grep -qxF ".Dl $e" "$MAN" || echo "$c --help: $e"
	done
done > "$SCRATCH/helpex"
if [ -s "$SCRATCH/helpex" ]; then fail "--help examples the manual lacks" "$(cat "$SCRATCH/helpex")"; else ok; fi
finish
