#!/bin/sh
# SPDX-License-Identifier: MIT
# test_dask.sh BIN: the cluster route of docs/scale.md run on a real
# engine, Dask distributed (a scheduler and two worker processes on
# loopback), over a JSON Lines export read in partitions: its duplicate
# groups (scan --keyed per partition, a shuffle by IMEI, dups as the
# reduce) equal the single-process `scan --keyed | sort | dups`, and they
# are exactly the IMEIs the in-process scan flags as duplicates; its
# findings (a map-only job) equal the single-process scan's, listing by
# listing, once the two things a partition cannot know are set aside: the
# line and row within the whole file, and what needs the whole export:
# duplicates and groups across partitions (which the reduce gives), the
# model's median price (price_far_below, stolen_pattern, "price") and the
# score these move.  SKIP when Dask is missing (Debian:
# python3-distributed).
BIN=$1
. tests/lib.sh
PY=/usr/bin/python3
CC=${CC:-cc}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac

if ! [ -x "$PY" ] || ! "$PY" -c 'import dask.bag, distributed' 2> /dev/null; then
	echo "SKIP dask: $PY cannot import dask.bag and distributed (apt-get install python3-distributed)"
	finish
	exit 0
fi
if ! $CC -std=c11 -O2 -o "$SCRATCH/gen" tests/bench/gen_listings.c 2> "$SCRATCH/cc.err"; then
	fail "cannot build tests/bench/gen_listings.c" "$(cat "$SCRATCH/cc.err")"
	finish
	exit 1
fi
"$SCRATCH/gen" 4 9 > "$SCRATCH/l.csv"
"$PY" - "$SCRATCH/l.csv" "$SCRATCH/l.jsonl" <<'EOF'
import csv, json, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")):
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
EOF

# the single process
"$BIN" scan -q --keyed --input-format jsonl "$SCRATCH/l.jsonl" | LC_ALL=C sort | "$BIN" dups |
    LC_ALL=C sort > "$SCRATCH/one.dups"
"$BIN" scan -q --input-format jsonl "$SCRATCH/l.jsonl" > "$SCRATCH/one.findings"
st=$?
[ "$st" -eq 1 ] && ok || fail "single-process scan: exit $st, want 1"

# the cluster
if ! (cd "$SCRATCH" && timeout 300 "$PY" "$OLDPWD/tests/scale/dask_scan.py" "$BIN" \
    "$SCRATCH/l.jsonl" "$SCRATCH") > "$SCRATCH/dask.log" 2>&1; then
	fail "the Dask run failed" "$(tail -n 15 "$SCRATCH/dask.log")"
	finish
	exit 1
fi
parts=$(sed -n 's/^partitions //p' "$SCRATCH/cluster.info")
workers=$(sed -n 's/^workers //p' "$SCRATCH/cluster.info")
if [ "${parts:-0}" -ge 8 ] && [ "${workers:-0}" -eq 2 ]; then ok; else
	fail "want at least 8 partitions on 2 workers, got $parts on $workers"
fi
echo "  dask: $parts partitions on $workers worker processes"

# 1. the groups: the same lines (each group's listings in the same order,
#    since both sorted the keyed lines the same way)
LC_ALL=C sort "$SCRATCH/cluster.dups" > "$SCRATCH/cluster.dups.sorted"
n=$(wc -l < "$SCRATCH/one.dups")
echo "  duplicate groups: $n single, $(wc -l < "$SCRATCH/cluster.dups") cluster"
if [ "$n" -gt 50 ] && cmp -s "$SCRATCH/one.dups" "$SCRATCH/cluster.dups.sorted"; then ok; else
	fail "the cluster's duplicate groups differ from the single process's ($n groups)" \
	    "$(diff "$SCRATCH/one.dups" "$SCRATCH/cluster.dups.sorted" | head -n 6 | cut -c 1-200)"
fi
# ... and they are the IMEIs the in-process scan flags on later listings
grep -o '"value":"[0-9]*","kind":"imei","valid":true,[^}]*"duplicate":true' "$SCRATCH/one.findings" |
    sed 's/^"value":"\([0-9]*\)".*/\1/' | LC_ALL=C sort -u > "$SCRATCH/in.ids"
sed 's/^{"identifier":"\([0-9]*\)".*/\1/' "$SCRATCH/cluster.dups" | LC_ALL=C sort -u > "$SCRATCH/out.ids"
if cmp -s "$SCRATCH/in.ids" "$SCRATCH/out.ids"; then ok; else
	fail "the cluster's groups are not the IMEIs the scan flags as duplicates" \
	    "$(diff "$SCRATCH/in.ids" "$SCRATCH/out.ids" | head -n 5)"
fi

# 2. the findings, listing by listing
"$PY" - "$SCRATCH/one.findings" "$SCRATCH/cluster.findings" <<'EOF' > "$SCRATCH/cmp.out" 2>&1
import json, sys
WHOLE = {"duplicate_imei_other_seller", "duplicate_imei_same_seller", "repost",
         "price_far_below", "stolen_pattern"}
def load(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        f = json.loads(line)
        for k in ("file", "line", "row", "risk", "why", "score", "price"):
            f.pop(k)
        f["reasons"] = [r for r in f["reasons"] if r not in WHOLE]
        for i in f["identifiers"]:
            i.pop("duplicate"), i.pop("first_seen"), i.pop("group")
        key = f["id"]
        assert key not in out, "two findings for %s" % key
        out[key] = f
    return out
one, cluster = load(sys.argv[1]), load(sys.argv[2])
print("listings: %d single, %d cluster" % (len(one), len(cluster)))
assert len(one) > 5000 and one.keys() == cluster.keys()
bad = [k for k in one if one[k] != cluster[k]]
assert not bad, "%d differ, e.g. %s:\n%s\n%s" % (len(bad), bad[0], one[bad[0]], cluster[bad[0]])
EOF
if [ $? -eq 0 ]; then ok; else fail "the cluster's findings differ" "$(tail -n 6 "$SCRATCH/cmp.out" | cut -c 1-300)"; fi
sed 's/^/  /' "$SCRATCH/cmp.out" | head -n 1
finish
