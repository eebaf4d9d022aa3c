#!/bin/sh
# SPDX-License-Identifier: MIT
# test_eval.sh BIN: the scan on the labelled evaluation set
# (tests/scan/eval/): precision and recall of "flagged or not" must stay at
# or above the floors below, set just under what the scan reaches, so that
# a regression shows; and no honest listing gets a stop in the tuning part
# beyond the ones counted here.  SKIP without python3.
BIN=$1
. tests/lib.sh

# held-out part (what evaluate.py checks), then the tuning part.  The set
# grew by eleven batches (144, then 10 x 192 listings) from writers who
# never saw the engine.  The tenth and eleventh, with the first mix, read
# 0.771 / 0.794 and 0.758 / 0.735 (all of each) at their session's start,
# and 0.786 / 0.809 and 0.783 / 0.794 when they were first read, before
# anything of them was looked at.  The floors follow what the scan
# reaches on all 2,680 (held-out 0.882 / 0.870 with 9 honest stops,
# tuning 0.937 / 0.958 with 4 it has no sourced words for).
MIN_PRECISION=0.87
MIN_RECALL=0.86
MIN_TUNE_PRECISION=0.93
MIN_TUNE_RECALL=0.95
MAX_TUNE_STOP_ON_HONEST=4

if ! command -v python3 > /dev/null 2>&1; then
	echo "SKIP evaluation: no python3"
	finish
	exit 0
fi
if python3 tests/scan/eval/evaluate.py --bin "$BIN" --json \
    --min-precision "$MIN_PRECISION" --min-recall "$MIN_RECALL" \
    > "$SCRATCH/eval.json" 2> "$SCRATCH/eval.err"; then ok; else
	fail "held-out precision/recall below $MIN_PRECISION/$MIN_RECALL" "$(cat "$SCRATCH/eval.err")"
fi
python3 - "$SCRATCH/eval.json" "$MIN_TUNE_PRECISION" "$MIN_TUNE_RECALL" \
    "$MAX_TUNE_STOP_ON_HONEST" > "$SCRATCH/tune" 2>&1 <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
t, h = e['tune'], e['heldout']
print('  tuning   precision %.3f recall %.3f, stop on honest %d' % (
    t['overall']['precision'], t['overall']['recall'], t['stop_on_honest']))
print('  held-out precision %.3f recall %.3f, stop on honest %d' % (
    h['overall']['precision'], h['overall']['recall'], h['stop_on_honest']))
bad = (t['overall']['precision'] < float(sys.argv[2]) or
       t['overall']['recall'] < float(sys.argv[3]) or
       t['stop_on_honest'] > int(sys.argv[4]))
sys.exit(1 if bad else 0)
PY
st=$?
sed 's/^  /  eval: /' "$SCRATCH/tune"
if [ "$st" -eq 0 ]; then ok; else
	fail "tuning part below $MIN_TUNE_PRECISION/$MIN_TUNE_RECALL or more stops on honest listings" \
	    "$(cat "$SCRATCH/tune")"
fi
finish
