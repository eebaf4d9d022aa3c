#!/bin/sh
# SPDX-License-Identifier: MIT
# test_web.sh BIN: the page (make web) in headless Chromium, driven by
# selenium (tests/web/web_test.py), against the native program:
#   - parity: every checklist scenario through handover.check() gives the
#     verdict, reasons and record (id, times, seal aside) that 'handover
#     check --answers' gives; the identifiers of the repo's IMEI tests
#     through handover.imei() equal 'handover imei --json'; the bill of
#     sale equals 'handover export --html' byte for byte;
#   - re-checks of a sealed record tapped through (tests/recheck scenarios,
#     two in a row, one reloaded midway): the grown record equals
#     'handover recheck --answers' at the same time, byte for byte, and
#     verifies; the .ics download equals 'handover export --ics';
#   - records move both ways: a page-made open record finished by
#     'handover check --resume', a terminal's open record finished in the
#     page;
#   - a whole check tapped and typed through at 360x740 (help, back, skip,
#     a photo, a reload midway), its downloaded record accepted by
#     'handover verify'; screenshots and this run's log in BUILD/web-shots/;
#   - no network request, no system call from the core, no horizontal
#     scroll at 320 px, tap targets of 44 px, an axe-core audit with no
#     serious or critical violation, light and dark;
#   - languages: a test-only right-to-left words file, and every
#     data/words-LL.tsv the page has.
# Needs the wasm toolchain (make web), chromium, chromium-driver and
# python3-selenium; axe-core comes from npm into BUILD/npm.  Missing ones
# say SKIP.
BIN=$1
. tests/lib.sh
B=${BIN%/*}
PY=/usr/bin/python3
CHROMIUM=${CHROMIUM:-chromium}
DRIVER=${CHROMEDRIVER:-chromedriver}

missing=
[ -f "$B/handover.html" ] || missing="$missing the-page(make web: clang lld wasi-libc libclang-rt-14-dev-wasm32)"
command -v "$CHROMIUM" > /dev/null 2>&1 || missing="$missing chromium"
command -v "$DRIVER" > /dev/null 2>&1 || missing="$missing chromium-driver"
{ [ -x "$PY" ] && "$PY" -c 'import selenium' 2> /dev/null; } || missing="$missing python3-selenium"
if [ -n "$missing" ]; then
	echo "SKIP browser tests of the page: not installed:$missing" \
	    "(apt-get install chromium chromium-driver python3-selenium)"
	finish
	exit $?
fi

# ------------------------------------------------- native references

# merge OVERRIDES: base.answers with OVERRIDES applied, in step order
# (as tests/check/test_scenarios.sh merges them).
"$BIN" check --steps | awk 'NF == 0 { exit } { print $1 }' > "$SCRATCH/steps"
merge() {
	merge_answers "$SCRATCH/steps" tests/check/base.answers "$1"
}

newest() {
	ls -t "$XDG_DATA_HOME"/handover/*.record 2> /dev/null | head -n 1
}

REF=$SCRATCH/ref
mkdir -p "$REF/scen" "$REF/bills" "$REF/story"
for a in tests/check/scenarios/*.answers; do
	n=${a##*/}
	n=${n%.answers}
	merge "$a" > "$REF/scen/$n.answers"
	"$BIN" check --answers "$REF/scen/$n.answers" < /dev/null > /dev/null 2>&1
	echo $? > "$REF/scen/$n.exit"
	cp "$(newest)" "$REF/scen/$n.record"
done
# The bill of sale of every scenario's record and of the fixtures.
for r in "$REF"/scen/*.record tests/cli/fixtures/sample.record tests/cli/fixtures/open.record; do
	n=${r##*/}
	n=${n%.record}
	cp "$r" "$REF/bills/$n.record"
	"$BIN" export --html -o "$REF/bills/$n.html" "$r" 2> /dev/null || rm -f "$REF/bills/$n.record"
done
# The identifiers: every input of the repo's IMEI tests (the CLI cases'
# arguments and stdin, the unit tests' strings) and 3,000 generated as a
# moderator's column holds them.
{
	cat tests/cli/cases/imei_*.stdin
	for f in tests/cli/cases/imei_*.args; do
		sed -n '2,$p' "$f" | grep -v -e '^-' -e '\.csv$'
	done
	"$PY" tests/web/c_strings.py tests/unit/test_ident.c
	awk -v n=3000 -v seed=20261127 -f tests/bench/gen_ids.awk
} > "$REF/imei.txt"
"$BIN" imei --json - < "$REF/imei.txt" > "$REF/imei.json" 2> /dev/null
# The story clicked through: the honest seller with the registry's
# reference skipped; its answers run natively for the record to compare.
merge tests/web/story.answers > "$REF/story/story.answers"
"$BIN" check --answers "$REF/story/story.answers" < /dev/null > /dev/null 2>&1
echo $? > "$REF/story/story.exit"
cp "$(newest)" "$REF/story/story.record"
# A check begun at a terminal, left open after the financing questions,
# to be finished in the page.
sed -n '1,/^finance.reminders/p' "$REF/scen/honest_invoice.answers" > "$REF/story/open.answers"
"$BIN" check --answers "$REF/story/open.answers" < /dev/null > /dev/null 2>&1
echo $? > "$REF/story/open.exit"
cp "$(newest)" "$REF/story/open.record"

# ---------------------------------------------------------- axe-core

AXE=$B/npm/node_modules/axe-core/axe.min.js
[ -f "$AXE" ] || [ ! -f build/npm/node_modules/axe-core/axe.min.js ] ||
    AXE=build/npm/node_modules/axe-core/axe.min.js
if [ ! -f "$AXE" ] && command -v npm > /dev/null 2>&1; then
	mkdir -p "$B/npm"
	npm install --silent --no-audit --no-fund --prefix "$B/npm" axe-core@4 \
	    > "$SCRATCH/npm.log" 2>&1 || true
fi
[ -f "$AXE" ] || { echo "SKIP accessibility audit: axe-core could not be installed from npm"; AXE=; }

# ------------------------------------------------------------- browser

mkdir -p "$B/web-shots"
"$PY" tests/web/web_test.py --bin "$BIN" --page "$B/handover.html" \
    --test-page "$B/web-test/handover.html" --ref "$REF" --shots "$B/web-shots" \
    --scratch "$SCRATCH" --axe "${AXE:-}" --chromium "$(command -v "$CHROMIUM")" \
    --driver "$(command -v "$DRIVER")" > "$SCRATCH/web.log" 2>&1
st=$?
cp "$SCRATCH/web.log" "$B/web-shots/web-test.log"	# kept with the screenshots
grep -E '^(ok|FAIL|SKIP|  |note)' "$SCRATCH/web.log" | grep -v '^ok ' | sed 's/^note/  note/'
p=$(grep -c '^ok ' "$SCRATCH/web.log")
f=$(grep -c '^FAIL ' "$SCRATCH/web.log")
t_passed=$((t_passed + p))
t_failed=$((t_failed + f))
if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then
	fail "web_test.py stopped (exit $st)" "$(tail -n 20 "$SCRATCH/web.log")"
fi
finish
