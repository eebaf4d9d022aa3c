# SPDX-License-Identifier: MIT
# lib.sh: helpers for the shell test suites.  Source it, call ok/fail for
# each case, and finish at the end, which prints "N passed, N failed".
LC_ALL=C
export LC_ALL
NO_COLOR=1
TERM=dumb
export NO_COLOR TERM
unset HANDOVER_DATA HANDOVER_TAC_DB
t_passed=0
t_failed=0
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/handover-test.XXXXXX") || exit 3
trap 'rm -rf "$SCRATCH"' EXIT
XDG_DATA_HOME=$SCRATCH/xdg
HOME=$SCRATCH/home
export XDG_DATA_HOME HOME
mkdir -p "$HOME"

ok() { t_passed=$((t_passed + 1)); }
fail() {
	t_failed=$((t_failed + 1))
	printf 'FAIL %s\n' "$1"
	shift
	[ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/  /'
	return 0
}
# check NAME COMMAND...: passes when COMMAND exits 0.
check() {
	n=$1
	shift
	if "$@"; then ok; else fail "$n"; fi
}
finish() {
	printf '%d passed, %d failed\n' "$t_passed" "$t_failed"
	[ "$t_failed" -eq 0 ]
}
# merge_answers STEPS BASE OVERRIDES: the answers file BASE with the
# lines of OVERRIDES applied ("step = -" drops a step), in the order of
# the step ids in the file STEPS (one a line, as 'check --steps' lists).
merge_answers() {
	awk -v steps="$1" '
	function parse(line,   k, v) {
		if (line ~ /^[ \t]*(#|$)/) return 0
		k = line; sub(/[ \t]*=.*/, "", k); sub(/^[ \t]+/, "", k)
		v = line; sub(/^[^=]*=[ \t]*/, "", v)
		K = k; V = v; return 1
	}
	FNR == NR { if (parse($0)) { n = ++bn[K]; base[K, n] = V } next }
	{ if (parse($0)) { n = ++on[K]; over[K, n] = V } }
	END {
		while ((getline id < steps) > 0) {
			if (id in on) { for (i = 1; i <= on[id]; i++) if (over[id, i] != "-") print id " = " over[id, i] }
			else for (i = 1; i <= bn[id]; i++) print id " = " base[id, i]
		}
	}' "$2" "$3"
}

# The robustness tests' command runner, over "$H/out" ($H: their scratch
# folder).  run NAME WANT CMD...: the command's exit status must be WANT,
# within 10 s; has NAME TEXT / hasnt NAME TEXT: its output holds TEXT, or
# does not.
run() {
	n=$1
	want=$2
	shift 2
	timeout 10 "$@" > "$H/out" 2>&1
	st=$?
	if [ "$st" -eq 124 ] && [ "$want" -ne 124 ]; then
		fail "$n: still running after 10 s (hangs)" "$(head -c 800 "$H/out")"
	elif [ "$st" -ne "$want" ]; then
		fail "$n: exit $st, want $want" "$(head -c 800 "$H/out")"
	else
		ok
	fi
}
has() {
	if grep -qF -- "$2" "$H/out"; then ok; else fail "$1: no '$2'" "$(head -c 800 "$H/out")"; fi
}
hasnt() {
	if grep -qF -- "$2" "$H/out"; then fail "$1: '$2'" "$(head -c 800 "$H/out")"; else ok; fi
}
