#!/bin/sh
# SPDX-License-Identifier: MIT
# test_man.sh BIN: docs/handover.1 is in step with the program: every
# command in 'handover --help' has a subsection and a synopsis line, every
# option of every command's --help is in the manual, the README names the
# two commands, and the manual's 'handover imei' examples run.
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
finish
