#!/bin/sh
# SPDX-License-Identifier: MIT
# test_tmux.sh BIN: 'handover check' in a real terminal under tmux: the
# prompts, '?', 'back' with the old answer as default, Ctrl-C saving with a
# resume line, resuming, and no colour under NO_COLOR (colour without it);
# then a story at 80 and at 40 columns: every line wrapped to the width at
# spaces, never a wrapped line that starts with '>' like the prompt, the
# status never saying GO while checks are open.
BIN=$1
. tests/lib.sh
. tests/tmux.sh

start() {	# start NAME COLOR-ENV ARGS...: 'handover check ARGS' (COLS wide)
	_n=$1 _env=$2
	shift 2
	tmux_start "$_n" "${COLS:-160}" 50 "env $_env '$BIN' check $*"
}

start a NO_COLOR=1
expect a "Which country are you buying in?" "the first question"
say a "?"
expect a "two-letter code" "? shows the help"
say a "IN"
expect a "Which brand does the seller say it is?" "the next question"
say a "back"
expect a "[Enter keeps: India]" "back shows the question with the old answer"
say a ""
expect a "Which brand does the seller say it is?" "Enter keeps the old answer"
say a "Redmi"
expect a "Which model does the seller say it is?" "the model question"
say a "status"
expect a "2 of" "status counts the answers"
expect a "this is not a verdict yet" "status never calls an open check GO"
$T send-keys -t a C-c
expect a "Saved. Continue later with: $BIN check --resume" "Ctrl-C saves and says how to resume"
expect a "EXIT=6" "Ctrl-C exits with status 6"
if screen a -e | grep -q "$(printf '\033')\["; then
	fail "NO_COLOR: the screen has colour codes"
else
	ok
fi
id=$(screen a | sed -n 's/.*handover check --resume \([0-9A-Z-]*\).*/\1/p' | tail -n 1)

start b NO_COLOR= "--resume $id"
expect b "Resuming check $id" "resume names the check"
expect b "Which model does the seller say it is?" "resume continues at the first open question"
if screen b -e | grep -q "$(printf '\033')\[1m"; then ok; else
	fail "colour on a terminal without NO_COLOR" "$(screen b -e | head -n 5 | od -c | head)"
fi
say b "quit"
expect b "EXIT=6" "quit saves and exits with status 6"
if grep -q "^listing.brand: Redmi" "$XDG_DATA_HOME/handover/$id.record"; then ok; else
	fail "the record kept the answers given before Ctrl-C"
fi
# A story at a given width: the lines fit, and none but the prompt
# starts with '>'.
story() {	# story NAME COLS
	COLS=$2 start "$1" NO_COLOR=1
	for a in IN Samsung "Galaxy A52" "32000 INR" 1 1 "354178036859789" 2 none; do
		prompt "$1" "question before '$a' at $2 columns"
		say "$1" "$a"
		sleep 0.2
	done
	expect "$1" "Now find the IMEI in Settings" "the Settings question at $2 columns"
	say "$1" "?"
	expect "$1" "Settings reads the IMEI" "help at $2 columns"
	prompt "$1" "the prompt after help at $2 columns"
	say "$1" "status"
	expect "$1" "Still to check:" "status at $2 columns"
	$T send-keys -t "$1" C-c
	expect "$1" "EXIT=6" "Ctrl-C at $2 columns"
	screen "$1" > "$SCRATCH/$1.screen"
	# -J joined tmux's own wraps: a line wider than the width is ours.
	# Widths in columns, as wc -L counts them (mawk's length counts bytes:
	# a line with हिन्दी in it looked too wide).
	too_wide=$(while IFS= read -r l; do
		n=$(printf '%s\n' "$l" | LC_ALL=C.UTF-8 wc -L 2>/dev/null) || n=${#l}
		[ "$n" -gt "$2" ] && printf '%s\n' "$l"
	done < "$SCRATCH/$1.screen" | grep -v 'EXIT=\|handover check --resume\|Saved' | head -n 3)
	if [ -z "$too_wide" ]; then ok; else fail "lines wider than $2 columns" "$too_wide"; fi
	bad=$(grep '^>' "$SCRATCH/$1.screen" | grep -v -x -e '> *' -e '> IN' -e '> Samsung' -e '> Galaxy A52' \
	    -e "> 32000 INR" -e "> 1" -e "> 354178036859789" -e "> ^C" -e '> 2' -e '> none' -e '> ?' -e '> status' | head -n 3)
	if [ -z "$bad" ]; then ok; else fail "a wrapped line starts with '>' at $2 columns" "$bad"; fi
	if grep -q 'GO' "$SCRATCH/$1.screen"; then fail "status says GO at $2 columns"; else ok; fi
	cp "$SCRATCH/$1.screen" "${TMUX_SCREENS:-$SCRATCH}/story-$2.txt" 2>/dev/null
}
story c80 80
story c40 40

# The story in a language of words wider than their bytes.  What the
# Settings question and status start with comes from that language's file.
words_of() {	# words_of LANG KEY: the text, up to its first {placeholder}
	awk -F '\t' -v k="$2" '$1 == k { sub(/[{].*/, "", $2); print $2; exit }' "data/words-$1.tsv"
}
story_lang() {	# story_lang NAME LANG
	COLS=40 start "$1" NO_COLOR=1 "--lang $2"
	for a in IN Samsung "Galaxy A52" "32000" 1 1 "354178036859789" 2 none; do
		prompt "$1" "$2: question before '$a' at 40 columns"
		say "$1" "$a"
		sleep 0.2
	done
	settings=$(words_of "$2" step.identity.settings_match.question | cut -c1-12)
	expect "$1" "$settings" "$2: the Settings question at 40 columns"
	say "$1" "?"
	# "status" typed before the help is out would be echoed into its
	# first line (CI saw "status  सेटिंग्स ..." 44 columns wide).
	prompt "$1" "$2: the prompt after help at 40 columns"
	say "$1" "status"
	expect "$1" "$(words_of "$2" status.open)" "$2: status at 40 columns"
	$T send-keys -t "$1" C-c
	expect "$1" "EXIT=6" "$2: Ctrl-C at 40 columns"
	screen "$1" > "$SCRATCH/$1.screen"
	bad=$(python3 - "$SCRATCH/$1.screen" <<'PY' 2>&1
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if "EXIT=" in line or "--resume" in line:
        continue
    width = sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf") else
                2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in line)
    if width > 40:
        print("wider than 40:", line)
    if line and unicodedata.category(line[0]) in ("Mn", "Mc"):
        print("starts with a combining mark:", line)
    if line.rstrip() and line.rstrip()[-1] in "\u094d\u09cd":
        print("ends in a virama:", line)
PY
)
	if [ -z "$bad" ]; then ok; else fail "$2 at 40 columns" "$(printf '%s\n' "$bad" | head -n 4)"; fi
	lines=$(grep -c . "$SCRATCH/$1.screen")
	[ "$lines" -gt 40 ] && ok || fail "$2: the story is on the screen" "$(head -n 5 "$SCRATCH/$1.screen")"
	cp "$SCRATCH/$1.screen" "${TMUX_SCREENS:-$SCRATCH}/story-$2-40.txt" 2>/dev/null
}
if command -v python3 > /dev/null 2>&1; then
	story_lang h40 hi
	story_lang u40 ur
else
	echo "SKIP Hindi and Urdu at 40 columns: python3 is not installed"
fi
finish
