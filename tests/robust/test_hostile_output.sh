#!/bin/sh
# SPDX-License-Identifier: MIT
# test_hostile_output.sh BIN: records, a TAC database, data tables, keyed
# lines and answers files written to take over a terminal (clear it, set
# its title, erase and forge lines, colour, C1 CSI, bidi overrides) are
# shown, never obeyed, by list, show, export --text, verify, scan (CSV and
# keyed lines), imei, info, apps, dups, recheck (and the re-checks that
# list, show and export --text print from a record that grew), check
# (its questions, the TAC model it names, the piped answers it echoes) and every
# error message.  Checked twice: no such byte reaches stdout or stderr,
# and, under tmux, the screen after printing them shows no effect.
BIN=$1
. tests/lib.sh
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
H=$SCRATCH/h
mkdir -p "$H" "$XDG_DATA_HOME/handover"
chmod 700 "$XDG_DATA_HOME/handover"
ESC=$(printf '\033')

# seal BODY OUT: the record BODY with its seal line, by coreutils.
seal() {
	cp "$1" "$2"
	printf 'sha256: %s\n' "$(sha256sum < "$1" | cut -c1-64)" >> "$2"
}

# A record a seller could hand a buyer or a moderator: every value that
# list, verify and show print, loaded with terminal controls (the record
# format keeps C0 as \xHH escapes and C1 and bidi characters as UTF-8).
cat > "$H/body" <<'REC'
handover-record 1
id: 2026-01-01-ESCAPE
created: 2026-01-01T10:00:00+05:30
updated: 2026-01-01T10:00:00+05:30
handover-version: 0.1.0
state: sealed
listing.model: A14\x1b]0;PWNED-TITLE\x07\x1b[2J
seller.name: Evil\x1b[1A\x1b[2KFAKE LINE
identity.imei1: 35417803685978\x1b[31m9
verdict: GO\x1b[32m
attachment: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 0 photo\nINJECTED: ok
REC
printf 'listing.brand: Sam\302\2332J\342\200\256sung\n' >> "$H/body"
printf 'attachment: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 0 abc\342\200\256gpj.exe\n' >> "$H/body"
seal "$H/body" "$XDG_DATA_HOME/handover/2026-01-01-ESCAPE.record"
cp "$XDG_DATA_HOME/handover/2026-01-01-ESCAPE.record" "$H/claim.record"

# A record show reads as one handover could have written (its answers
# valid, its verdict following from them), whose other values carry
# controls: the times, the TAC's model, a reason's detail, an attachment.
XDG_DATA_HOME=$H/xdg2 "$BIN" check --answers tests/check/base.answers > /dev/null 2>&1
sed -e '$d' -e 's/^created: .*/created: 2026\\x1b]0;PWNED-TITLE\\x07\\x1b[2J/' \
    -e 's/ 53 invoice-photo.jpg$/ 53 invoice\\nINJECTED: ok\\x1b[31m/' \
    -e 's/^verdict: GO$/tac.brand: Evil\\x1b]0;PWNED-TITLE\\x07\\x1b[31mBrand\
tac.model: Model\\x1b[2J\
verdict: GO\
reason: CAUTION tac_mismatch Evil\\x1b[1A\\x1b[2KFAKE LINE/' \
    "$(ls "$H"/xdg2/handover/*.record)" > "$H/shown.body"
sed "s/^tac.model: Model/&$(printf '\302\233')H$(printf '\342\200\256')/" "$H/shown.body" > "$H/shown.b2"
seal "$H/shown.b2" "$H/shown.record"
# The answers up to the IMEI, for check to name the TAC's model.
sed -n '1,/^identity.imei1/p' tests/check/base.answers > "$H/part.answers"
# Piped answers to check carrying an escape sequence and a C1 CSI.
printf 'IN\nSam\302\2332Jsung\nSamsung\nA\033[2J14\nA14\n' > "$H/piped"

# A record that grew by a re-check block whose verdict, reason and
# answers carry controls, in the records folder (list, show and export
# --text print its re-checks); and one whose unfinished re-check's
# answers do, for recheck to go on from, in a folder of its own.
grown() {	# grown STATE OUT
	cp tests/cli/fixtures/sample.record "$H/grown.body"
	cat >> "$H/grown.body" <<REC
recheck: 2026-11-30T09:10:00+00:00
recheck.handover-version: 0.1.0
recheck.state: $1
recheck.knox: completed
recheck.apps: no
recheck.notice: yes
recheck.notice_text: Pay\x1b]0;PWNED-TITLE\x07\x1b[2J now\nINJECTED: ok
recheck.registry: clean
recheck.registry_reference: REF\x1b[31mX
recheck.sim_works: yes
REC
	if [ "$1" = sealed ]; then
		printf 'recheck.verdict: GO\\x1b[1A\\x1b[2KFAKE LINE\302\233\n' >> "$H/grown.body"
		printf 'recheck.reason: STOP recheck_notice \\x1b[31mEvil\342\200\256\n' >> "$H/grown.body"
	fi
	seal "$H/grown.body" "$2"
}
grown sealed "$XDG_DATA_HOME/handover/2026-11-23-VZR0PZ.record"
mkdir -p "$H/xdg3/handover"
chmod 700 "$H/xdg3/handover"
grown open "$H/xdg3/handover/2026-11-23-VZR0PZ.record"
# An Osmocom TAC database whose brand and model carry controls.
printf 'licence\ntac,name,name,aka\n35417803,"Evil\033]0;PWNED-TITLE\007\033[31mBrand","Model\033[2J\302\233H",x\n' > "$H/tacdb.csv"
# A data folder whose lender name carries them.
mkdir -p "$H/data"
printf 'name\tcountries\tlock\tclosure_document\thow_to_get\tsource\tchecked\tconfidence\nEVIL\033]0;PWNED-TITLE\007\033[31mRED\tIN\tx\ty\tz\thttps://example.org\t2026-01-01\treported\n' > "$H/data/lenders.tsv"
# A listing whose id and seller carry them, for scan's CSV and keyed lines.
printf '{"id":"L1\\u001b]0;PWNED-TITLE\\u0007\\u001b[2J","imei":"354178036859789","seller":"=HYPERLINK(\\"x\\")\\u001b[31m\\u009b"}\n' > "$H/listing.jsonl"
# Keyed lines for dups whose listing id and seller carry them.
printf '354178036859789\tL1\033]0;PWNED-TITLE\007\033[2J\t=HYPERLINK("x")\033[31m\n354178036859789\tL2\302\233\tS2\n' > "$H/keyed.tsv"
printf 'notkeyed\033[2J\n' > "$H/bad-keyed.tsv"
# An answers file whose step id carries them.
printf 'listing.\033[31mbrand\033]0;PWNED-TITLE\007 = x\n' > "$H/answers.txt"
# A file name that carries them, in an error message.
BADNAME="$H/no$(printf '\033')]0;PWNED-TITLE$(printf '\007')such"

run_all() {
	"$BIN" list
	"$BIN" verify "$H/claim.record"
	"$BIN" verify --json "$H/claim.record"
	"$BIN" list --json
	"$BIN" imei --tac-db "$H/tacdb.csv" 354178036859789 "IMEI $(printf '\033[2J')"
	"$BIN" --data "$H/data" info IN
	"$BIN" dups "$H/keyed.tsv"
	"$BIN" scan -q --no-text-ok --output csv "$H/listing.jsonl"
	"$BIN" scan -q --no-text-ok --keyed "$H/listing.jsonl"
	"$BIN" dups "$H/bad-keyed.tsv"
	"$BIN" check --answers "$H/answers.txt"
	"$BIN" verify "$BADNAME"
	"$BIN" apps "$BADNAME"
	"$BIN" show "$H/shown.record"
	"$BIN" export --text "$H/shown.record"
	"$BIN" check --tac-db "$H/tacdb.csv" --answers "$H/part.answers" < /dev/null
	"$BIN" check < "$H/piped"
	"$BIN" show 2026-11-23-VZR0PZ
	"$BIN" export --text 2026-11-23-VZR0PZ
	XDG_DATA_HOME=$H/xdg3 "$BIN" recheck 2026-11-23-VZR0PZ < /dev/null
}

# 1. Bytes: nothing a terminal obeys in any output (ESC, BEL, CSI as C1,
# a bidi override), and what was there is visible.
run_all > "$H/out" 2>&1
if grep -q "$ESC" "$H/out"; then
	fail "an ESC byte reached the output" "$(grep -n "$ESC" "$H/out" | cat -v | head -n 5)"
else ok; fi
if grep -q "$(printf '\007')" "$H/out"; then fail "a BEL byte reached the output"; else ok; fi
if LC_ALL=C grep -q "$(printf '\302\233')\|$(printf '\342\200\256')" "$H/out"; then
	fail "a C1 CSI or a bidi override reached the output" \
	    "$(LC_ALL=C grep -n "$(printf '\302\233')\|$(printf '\342\200\256')" "$H/out" | cat -v | head -n 5)"
else ok; fi
if grep -q '^INJECTED' "$H/out"; then
	fail "a value added a line of its own" "$(grep -n '^INJECTED' "$H/out")"
else ok; fi
for want in 'A14\x1b]0;PWNED-TITLE\x07\x1b[2J' 'photo\nINJECTED: ok' 'abc<U+202E>gpj.exe' \
    'Evil\x1b]0;PWNED-TITLE\x07\x1b[31mBrand' "'listing.\\x1b[31mbrand" 'L1\u001b]0;PWNED-TITLE' \
    'no\x1b]0;PWNED-TITLE\x07such' 'Sam<U+009B>2J<U+202E>sung' \
    'created 2026\x1b]0;PWNED-TITLE\x07\x1b[2J' '(TAC): Evil\x1b]0;PWNED-TITLE' \
    'invoice\nINJECTED: ok\x1b[31m' 'differs from the phone being sold (Evil\x1b[1A\x1b[2KFAKE LINE)' \
    'names Evil\x1b]0;PWNED-TITLE\x07\x1b[31mBrand Model\x1b[2J<U+009B>H' \
    '> Sam<U+009B>2Jsung' '> A\x1b[2J14' 'L1\x1b]0;PWNED-TITLE\x07\x1b[2J' \
    "'=HYPERLINK(\"x\")\\x1b[31m<U+009B>" 'd7 GO\x1b[1A\x1b[2KFAKE LINE<U+009B>' \
    'GO\u001b[1A\u001b[2KFAKE LINE\u009b'; do
	if grep -qF -- "$want" "$H/out"; then ok; else
		fail "the control is not shown visibly: '$want'" "$(cat -v "$H/out" | head -n 40)"
	fi
done

# check takes no C1 control as an answer: U+009B is a CSI on its own.
if grep -q '^listing.brand: Samsung$' "$(grep -l '^listing.model: A14$' "$XDG_DATA_HOME"/handover/*.record | head -n 1)"; then
	ok
else
	fail "check took an answer with a C1 control" "$(cat "$XDG_DATA_HOME"/handover/*.record | cat -v)"
fi

# 2. A real terminal: the same commands under tmux, between two marker
# lines; afterwards both markers are on the screen, nothing was erased,
# no line was forged, the title is unchanged and nothing is coloured.
if ! command -v tmux > /dev/null 2>&1; then
	echo "SKIP tmux: tmux is not installed (apt-get install tmux)"
	finish
	exit $?
fi
SOCK=$SCRATCH/tmux.sock
T="tmux -S $SOCK"
trap '$T kill-server 2>/dev/null; rm -rf "$SCRATCH"' EXIT
cat > "$H/run.sh" <<SH
BIN='$BIN'; H='$H'; BADNAME='$BADNAME'
XDG_DATA_HOME='$XDG_DATA_HOME'; HOME='$HOME'; NO_COLOR=1; TERM=xterm-256color; LC_ALL=C.UTF-8
export XDG_DATA_HOME HOME NO_COLOR TERM LC_ALL
printf '\033]0;handover-test\007'
echo BEFORE-MARK
$(sed -n '/^run_all() {/,/^}/p' "$0")
run_all 2>&1
echo AFTER-MARK
sleep 60
SH
$T new-session -d -s h -x 200 -y 1000 "sh '$H/run.sh'"
i=0
while [ $i -lt 100 ] && ! $T capture-pane -p -t h | grep -q AFTER-MARK; do sleep 0.1; i=$((i + 1)); done
$T capture-pane -p -t h > "$H/screen"
$T capture-pane -p -e -t h > "$H/screen-e"
title=$($T display-message -p -t h '#{pane_title}')
if grep -q BEFORE-MARK "$H/screen" && grep -q AFTER-MARK "$H/screen"; then ok; else
	fail "the screen was cleared or scrolled away" "$(head -n 20 "$H/screen")"
fi
case $title in *PWNED*) fail "the pane title was set to '$title'" ;; *) ok ;; esac
if grep -qx 'FAKE LINE' "$H/screen" || grep -q '^INJECTED' "$H/screen"; then
	fail "a forged line stands on the screen" "$(grep -n 'FAKE LINE\|INJECTED' "$H/screen")"
else ok; fi
if grep -q "$ESC\[[0-9;]*3[0-7]m" "$H/screen-e"; then
	fail "text on the screen was coloured" "$(cat -v "$H/screen-e" | grep '\^\[\[' | head -n 5)"
else ok; fi
if grep -qF 'A14\x1b]0;PWNED-TITLE\x07\x1b[2J' "$H/screen"; then ok; else
	fail "the model is not shown visibly on the screen" "$(head -n 30 "$H/screen")"
fi
finish
