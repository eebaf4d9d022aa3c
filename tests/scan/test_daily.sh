#!/bin/sh
# SPDX-License-Identifier: MIT
# test_daily.sh BIN: handover scan in a moderator's daily pipeline: the
# --seen store across two runs a week apart (another seller relisting is
# caught; the file is 0600, replaced whole, bounded by days and count, a
# broken one refused and left alone); several inputs with duplicates
# across them, in-process and through --keyed | sort | dups; the same
# listings as CSV, UTF-16, a JSON array and JSON Lines give the same
# findings, on 1 and 3 threads; --summary-json; the --report page, which
# loads nothing and is screenshot in headless Chromium when it is there
# (the PNG is kept beside BIN, in artifacts/).
BIN=$1
. tests/lib.sh
CC=${CC:-cc}
ART=$(dirname "$BIN")/artifacts
mkdir -p "$ART"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

DAY1=1763596800		# 2025-11-20
DAY8=1764201600		# 2025-11-27

# ---------------------------------------------------------------- --seen
cat > "$SCRATCH/mon.csv" <<'EOF'
id,title,description,seller,imei
M1,Galaxy S22,"clean, with bill",amina,353325471234561
M2,Pixel 7,with box,budi,354178036859789
EOF
cat > "$SCRATCH/sun.csv" <<'EOF'
id,title,description,seller,imei
S1,Galaxy S22 cheap,quick sale,carlos,353325471234561
S2,Pixel 7,relisted,budi,354178036859789
S3,Galaxy A70,new,dede,357727060000012
EOF
SOURCE_DATE_EPOCH=$DAY1 "$BIN" scan -q --seen "$SCRATCH/seen.tsv" "$SCRATCH/mon.csv" > "$SCRATCH/mon.out"
st=$?
if [ "$st" -eq 0 ] && [ "$(head -n 1 "$SCRATCH/seen.tsv")" = "# handover seen 1" ] &&
    [ "$(grep -c '^[0-9]' "$SCRATCH/seen.tsv")" -eq 2 ] &&
    grep -q "^353325471234561	2025-11-20	2025-11-20	1	$SCRATCH/mon.csv	2	M1	amina\$" "$SCRATCH/seen.tsv"; then ok; else
	fail "--seen, first day: exit $st" "$(cat "$SCRATCH/seen.tsv")"
fi
case $(ls -l "$SCRATCH/seen.tsv") in -rw-------*) ok ;; *) fail "--seen store is not 0600" "$(ls -l "$SCRATCH/seen.tsv")" ;; esac
SOURCE_DATE_EPOCH=$DAY8 "$BIN" scan -q --seen "$SCRATCH/seen.tsv" "$SCRATCH/sun.csv" > "$SCRATCH/sun.out"
st=$?
if [ "$st" -eq 1 ] &&
    grep '"id":"S1"' "$SCRATCH/sun.out" | grep -q '"reasons":\["duplicate_imei_other_seller"\]' &&
    grep '"id":"S1"' "$SCRATCH/sun.out" | grep -q "\"first_seen\":{\"file\":\"$SCRATCH/mon.csv\",\"row\":2,\"id\":\"M1\",\"seller\":\"amina\",\"date\":\"2025-11-20\"}" &&
    grep '"id":"S2"' "$SCRATCH/sun.out" | grep -q '"reasons":\["duplicate_imei_same_seller"\]' &&
    grep '"id":"S3"' "$SCRATCH/sun.out" | grep -q '"risk":"ok"'; then ok; else
	fail "--seen, a week later: exit $st, want the relisting caught" "$(cut -c 1-300 "$SCRATCH/sun.out")"
fi
if grep -q "^353325471234561	2025-11-20	2025-11-27	2	$SCRATCH/mon.csv	2	M1	amina\$" "$SCRATCH/seen.tsv" &&
    grep -q "^357727060000012	2025-11-27	2025-11-27	1	$SCRATCH/sun.csv	4	S3	dede\$" "$SCRATCH/seen.tsv" &&
    [ "$(ls "$SCRATCH" | grep -c 'seen.tsv.tmp')" -eq 0 ]; then ok; else
	fail "--seen store after the second day" "$(cat "$SCRATCH/seen.tsv")"
fi
# bounds: 3 days keep what was seen on day 8 only; at most one IMEI
cp "$SCRATCH/seen.tsv" "$SCRATCH/seen2.tsv"
SOURCE_DATE_EPOCH=$DAY8 "$BIN" scan -q --seen "$SCRATCH/seen2.tsv" --seen-days 3 - < /dev/null > /dev/null
n3=$(grep -c '^[0-9]' "$SCRATCH/seen2.tsv")
SOURCE_DATE_EPOCH=$DAY8 "$BIN" scan -q --seen "$SCRATCH/seen2.tsv" --seen-max 1 - < /dev/null > /dev/null
n1=$(grep -c '^[0-9]' "$SCRATCH/seen2.tsv")
if [ "$n3" -eq 3 ] && [ "$n1" -le 1 ]; then ok; else
	fail "--seen-days 3 kept $n3 (want 3), --seen-max 1 kept $n1"
fi
# a broken store: exit 3, a message naming the line, the file untouched
printf '# handover seen 1\n353325471234561\tyesterday\n' > "$SCRATCH/bad.tsv"
cp "$SCRATCH/bad.tsv" "$SCRATCH/bad.orig"
"$BIN" scan -q --seen "$SCRATCH/bad.tsv" "$SCRATCH/mon.csv" > /dev/null 2> "$SCRATCH/bad.err"
st=$?
if [ "$st" -eq 3 ] && grep -q "seen store '$SCRATCH/bad.tsv': line 2" "$SCRATCH/bad.err" &&
    cmp -s "$SCRATCH/bad.tsv" "$SCRATCH/bad.orig"; then ok; else
	fail "a broken --seen store: exit $st" "$(cat "$SCRATCH/bad.err")"
fi

# ------------------------------------------------- several inputs, dups
if ! $CC -std=c11 -O2 -o "$SCRATCH/gen" tests/bench/gen_listings.c 2> "$SCRATCH/cc.err"; then
	fail "cannot build tests/bench/gen_listings.c" "$(cat "$SCRATCH/cc.err")"
	finish
	exit 1
fi
"$SCRATCH/gen" 3 5 > "$SCRATCH/g.csv"
# two halves, cut at a line that starts a listing
awk -v out1="$SCRATCH/a.csv" -v out2="$SCRATCH/b.csv" 'NR == 1 { h = $0; print > out1; print > out2; next }
	/^L[0-9]+,/ { n++ } { print > (n <= 4000 ? out1 : out2) }' "$SCRATCH/g.csv"
"$BIN" scan -q "$SCRATCH/a.csv" "$SCRATCH/b.csv" > "$SCRATCH/ab.jsonl"
st=$?
grep -o '"value":"[0-9]*","kind":"imei","valid":true,[^}]*"duplicate":true' "$SCRATCH/ab.jsonl" |
    sed 's/^"value":"\([0-9]*\)".*/\1/' | LC_ALL=C sort -u > "$SCRATCH/in.ids"
"$BIN" scan -q --keyed "$SCRATCH/a.csv" "$SCRATCH/b.csv" | LC_ALL=C sort | "$BIN" dups |
    sed 's/^{"identifier":"\([0-9]*\)".*/\1/' | LC_ALL=C sort -u > "$SCRATCH/out.ids"
across=$(grep -c "\"file\":\"$SCRATCH/b.csv\".*\"first_seen\":{\"file\":\"$SCRATCH/a.csv\"" "$SCRATCH/ab.jsonl")
if [ "$st" -eq 1 ] && [ "$across" -gt 10 ] && [ "$(wc -l < "$SCRATCH/in.ids")" -gt 20 ] &&
    cmp -s "$SCRATCH/in.ids" "$SCRATCH/out.ids"; then ok; else
	fail "two inputs: $across duplicates across them; in-process and dups differ?" \
	    "$(diff "$SCRATCH/in.ids" "$SCRATCH/out.ids" | head -n 5)"
fi

# ----------------------------- the same listings in four shapes, threads
# The findings without the fields that say where they came from.
strip() {
	sed 's/^{"schema":2,"file":"[^"]*","line":[0-9]*,/{/; s/"file":"[^"]*","row"/"row"/g' "$1"
}
"$PY" - "$SCRATCH/g.csv" "$SCRATCH" <<'EOF'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
d = sys.argv[2]
with open(d + '/g.json', 'w', encoding='utf-8') as f:
    json.dump(rows, f, ensure_ascii=False, indent=1)
with open(d + '/g.jsonl', 'w', encoding='utf-8') as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
with open(sys.argv[1], encoding='utf-8', newline='') as f:
    text = f.read()
with open(d + '/g16.csv', 'wb') as f:
    f.write(b'\xff\xfe' + text.encode('utf-16-le'))
EOF
"$BIN" scan -q --threads 1 "$SCRATCH/g.csv" > "$SCRATCH/c1"
"$BIN" scan -q --threads 3 "$SCRATCH/g16.csv" > "$SCRATCH/u3"
"$BIN" scan -q --threads 1 "$SCRATCH/g.json" > "$SCRATCH/j1"
"$BIN" scan -q --threads 3 "$SCRATCH/g.json" > "$SCRATCH/j3"
"$BIN" scan -q --threads 3 "$SCRATCH/g.jsonl" > "$SCRATCH/l3"
strip "$SCRATCH/c1" > "$SCRATCH/c1.s"
strip "$SCRATCH/u3" > "$SCRATCH/u3.s"
if [ "$(wc -l < "$SCRATCH/c1")" -gt 5000 ] && cmp -s "$SCRATCH/c1.s" "$SCRATCH/u3.s"; then ok; else
	fail "UTF-16 on 3 threads differs from UTF-8 on 1" "$(diff "$SCRATCH/c1.s" "$SCRATCH/u3.s" | head -n 4 | cut -c 1-200)"
fi
if cmp -s "$SCRATCH/j1" "$SCRATCH/j3" && [ "$(wc -l < "$SCRATCH/j1")" -eq "$(wc -l < "$SCRATCH/c1")" ]; then ok; else
	fail "a JSON array: 1 and 3 threads differ, or not one finding a listing"
fi
# JSON has no line numbers to share with CSV and no row for the header:
# compare the judgement (risk, reasons, identifiers' values)
judge() {
	"$PY" -c '
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    f = json.loads(l)
    print(f["id"], f["risk"], ",".join(f["reasons"]), ",".join(i["value"] for i in f["identifiers"]),
          ",".join(p["phrase"] for p in f["phrases"]))' "$1"
}
judge "$SCRATCH/c1" > "$SCRATCH/c1.j"
judge "$SCRATCH/j1" > "$SCRATCH/j1.j"
judge "$SCRATCH/l3" > "$SCRATCH/l3.j"
if [ "$(grep -c ' stop ' "$SCRATCH/c1.j")" -gt 500 ] && cmp -s "$SCRATCH/c1.j" "$SCRATCH/j1.j" &&
    cmp -s "$SCRATCH/c1.j" "$SCRATCH/l3.j"; then ok; else
	fail "CSV, a JSON array and JSON Lines judge differently" \
	    "$(diff "$SCRATCH/c1.j" "$SCRATCH/j1.j" | head -n 4 | cut -c 1-200)"
fi

# UTF-16 with a row longer than 4 MiB: the window fills up, the reader
# asks for a few bytes at a time, the transcoder still hands over whole
# characters; the long row is one finding and the next one is read.
"$PY" -c "
t = 'id,title,description\r\n1,first,ok\r\n2,huge,\"' + 'a' * 5000000 + '\"\r\n3,last,iCloud locked\r\n'
open('$SCRATCH/big16.csv', 'wb').write(b'\xff\xfe' + t.encode('utf-16-le'))"
"$BIN" scan -q "$SCRATCH/big16.csv" > "$SCRATCH/big16.out"
st=$?
if [ "$st" -eq 8 ] && [ "$(wc -l < "$SCRATCH/big16.out")" -eq 3 ] &&
    sed -n 2p "$SCRATCH/big16.out" | grep -q '"reasons":\["malformed_row"\]' &&
    sed -n 3p "$SCRATCH/big16.out" | grep -q '"id":"3",.*"phrase_lock"'; then ok; else
	fail "UTF-16 with a 5 MB row: exit $st" "$(cut -c 1-200 "$SCRATCH/big16.out")"
fi

# ------------------------------------------- --summary-json, --report
"$BIN" scan -q --summary-json "$SCRATCH/sum.json" --report "$SCRATCH/report.html" \
    "$SCRATCH/g.csv" tests/cli/fixtures/scan_config.csv tests/cli/fixtures/exports/enotation.csv \
    tests/cli/fixtures/exports/workbook.xlsx > /dev/null 2> "$SCRATCH/sum.err"
st=$?
if [ "$st" -eq 7 ] && "$PY" - "$SCRATCH/sum.json" <<'EOF'; then ok; else fail "--summary-json" "$(head -c 600 "$SCRATCH/sum.json")"; fi
import json, sys
s = json.load(open(sys.argv[1]))
assert s["schema"] == 2 and s["status"] == 7 and s["listings"] > 1000
assert [f["status"] for f in s["files"]] == [0, 0, 0, 7]
assert s["files"][2]["finding"].startswith("the IMEI column was turned into E-notation")
assert s["files"][3]["read_as"] == "not read"
assert set(s["reasons"]) >= {"phrase_lock", "duplicate_imei_other_seller"}
assert s["duplicate_groups"] and s["top_phrases"] and s["languages"]
assert any(c["name"] == "Accessories" for c in s["categories"])
assert isinstance(s["prices"]["far_below"], int)
EOF
if grep -q 'http-equiv="Content-Security-Policy" content="default-src .none.' "$SCRATCH/report.html" &&
    ! grep -qi '<script' "$SCRATCH/report.html" &&
    ! grep -Eqi '(src|href|url)[=(]' "$SCRATCH/report.html" &&
    grep -q '<svg' "$SCRATCH/report.html" && grep -q 'Largest duplicate groups' "$SCRATCH/report.html" &&
    grep -q 'Price outliers' "$SCRATCH/report.html"; then ok; else
	fail "--report: not a self-contained page"
fi
# data in the page is escaped: a seller called <script>
printf 'id,title,seller,imei\n1,x,<script>alert(1)</script>,353325471234561\n2,y,<b>b</b>,353325471234561\n' |
    "$BIN" scan -q --report "$SCRATCH/esc.html" - > /dev/null
if ! grep -q '<script>' "$SCRATCH/esc.html" && grep -q '&lt;script&gt;' "$SCRATCH/esc.html"; then ok; else
	fail "--report does not escape the data"
fi
CHROME=
for c in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
	[ -x "$c" ] && { CHROME=$c; break; }
done
if [ -z "$CHROME" ]; then
	echo "SKIP report screenshot: chromium is not installed"
else
	rm -f "$ART/scan_report.png"
	"$CHROME" --headless --no-sandbox --disable-gpu --disable-background-networking \
	    --hide-scrollbars --window-size=1000,3400 --user-data-dir="$SCRATCH/chrome" \
	    --screenshot="$ART/scan_report.png" "file://$SCRATCH/report.html" > "$SCRATCH/chrome.log" 2>&1
	if [ -s "$ART/scan_report.png" ] && [ "$(head -c 4 "$ART/scan_report.png" | od -An -c | tr -d ' ')" = "211PNG" ] &&
	    [ "$(wc -c < "$ART/scan_report.png")" -gt 50000 ]; then ok; else
		fail "no screenshot of the report" "$(tail -n 5 "$SCRATCH/chrome.log")"
	fi
fi
finish
