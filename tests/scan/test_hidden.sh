#!/bin/sh
# SPDX-License-Identifier: MIT
# test_hidden.sh BIN: an invisible character inside a phrase hides
# nothing.  Every weight-2 or weight-3 phrase of data/phrases.tsv is
# written into a listing plainly and then once for each place between two
# of its letters with each of U+200B (zero-width space), U+00AD (soft
# hyphen), U+200D (zero-width joiner) and U+2060 (word joiner) there; the
# scan must read each hidden listing exactly as its plain one: the same
# phrases with the same statuses, the same risk.  Needs python3 (a
# tests-only tool) to write the listings.
BIN=$1
. tests/lib.sh
if ! command -v python3 > /dev/null 2>&1; then
	echo "SKIP hidden phrases: python3 is not installed"
	finish
	exit 0
fi

python3 - "${HANDOVER_TEST_DATA_DIR:-data}/phrases.tsv" > "$SCRATCH/hidden.csv" <<'EOF'
import csv, sys
out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['id', 'title', 'description'])
n = 0
for line in open(sys.argv[1], encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if line.startswith('#') or f[0] == 'phrase' or len(f) < 4 or f[3] not in ('2', '3'):
        continue
    phrase = f[0]
    out.writerow([f'p{n}', 'Phone', f'Selling my phone. {phrase} ok'])
    for cut in range(1, len(phrase)):
        if phrase[cut - 1] == ' ' or phrase[cut] == ' ':
            continue
        for ch in '\u200b\u00ad\u200d\u2060':
            out.writerow([f'p{n}:{cut}:{ord(ch):04x}', 'Phone',
                          f'Selling my phone. {phrase[:cut]}{ch}{phrase[cut:]} ok'])
    n += 1
EOF
"$BIN" scan --quiet "$SCRATCH/hidden.csv" > "$SCRATCH/hidden.jsonl"
st=$?
[ "$st" -eq 1 ] && ok || fail "scan of the hidden phrases: exit $st, want 1"
python3 - "$SCRATCH/hidden.jsonl" > "$SCRATCH/hidden.diff" <<'EOF'
import json, sys
plain, bad, total = {}, [], 0
for line in open(sys.argv[1], encoding='utf-8'):
    d = json.loads(line)
    seen = (d['risk'], sorted((p['phrase'], p['status']) for p in d['phrases']))
    base = d['id'].split(':')[0]
    if ':' not in d['id']:
        plain[base] = seen
        continue
    total += 1
    if seen != plain.get(base):
        bad.append(f"{d['id']}: {seen} but plainly {plain.get(base)}")
print(total, len(bad))
for b in bad[:10]:
    print(b)
EOF
read -r total nbad < "$SCRATCH/hidden.diff"
if [ "${total:-0}" -gt 10000 ] && [ "${nbad:-1}" -eq 0 ]; then ok; else
	fail "hidden phrases read differently: ${nbad:-?} of ${total:-?}" "$(sed 1d "$SCRATCH/hidden.diff")"
fi
finish
