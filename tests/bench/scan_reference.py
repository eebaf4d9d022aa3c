# SPDX-License-Identifier: MIT
# scan_reference.py: the peer for bench_scan.sh: the job of `handover scan`
# written the way a moderator's script would be, with Python's csv module,
# python-stdnum and re: identifiers in the IMEI column and in the text,
# phrases (one alternation, case-insensitive, whole words), duplicates
# across listings, one JSON line per listing.
#   python3 scan_reference.py PHRASES.txt < listings.csv > findings.jsonl
import csv
import json
import re
import sys

from stdnum import imei
from stdnum.exceptions import ValidationError

csv.field_size_limit(1 << 30)
phrases = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
phrases.sort(key=len, reverse=True)
phrase_re = re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)",
                       re.IGNORECASE)
ident_re = re.compile(r"(?<![\w])(\d(?:[ .-]?\d){13,15})(?!\w)")

seen = {}
out = sys.stdout
reader = csv.DictReader(sys.stdin)
for row in reader:
    rec = {"id": row.get("id"), "line": reader.line_num, "risk": "ok", "reasons": [],
           "identifiers": [], "phrases": []}
    values = []
    if row.get("imei") and re.search(r"\d", row["imei"]):
        values.append(("imei", row["imei"]))
    for field in ("title", "description"):
        for m in ident_re.finditer(row.get(field) or ""):
            values.append((field, m.group(1)))
    keys = set()
    for field, v in values:
        n = re.sub(r"[ .-]", "", v)
        try:
            imei.validate(n)
            valid, problem = True, None
            keys.add(n[:14])
        except ValidationError as e:
            valid, problem = False, type(e).__name__
            rec["reasons"].append("invalid_imei")
        rec["identifiers"].append({"value": n, "valid": valid, "problem": problem,
                                   "field": field})
    for k in keys:
        if k in seen:
            rec["reasons"].append("duplicate_imei_other_seller" if seen[k] != row.get("seller")
                                  else "duplicate_imei_same_seller")
        else:
            seen[k] = row.get("seller")
    for field in ("title", "description"):
        for m in phrase_re.finditer(row.get(field) or ""):
            rec["phrases"].append({"phrase": m.group(1).lower(), "field": field})
    if rec["phrases"]:
        rec["reasons"].append("phrase")
    if rec["reasons"]:
        rec["risk"] = "caution"
    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
