# SPDX-License-Identifier: MIT
# imei_reference.py: the peer for bench_imei.sh: the same job as
# `handover imei --json` done with python-stdnum: validate each line and
# write one JSON object with the same fields.
import json
import sys

from stdnum import imei, meid
from stdnum.exceptions import ValidationError

out = sys.stdout
for line in sys.stdin:
    s = line.strip()
    rec = {"input": s, "kind": "unknown", "valid": False, "normalized": None,
           "reporting_body": None, "tac": None, "serial": None, "check_digit": None,
           "brand": None, "model": None, "problem": None, "message": None}
    try:
        n = imei.validate(s)
        rec.update(kind=imei.imei_type(n).lower(), valid=True, normalized=n,
                   reporting_body={"code": n[:2], "name": None})
        tac, snr, rest = imei.split(n)
        rec.update(tac=tac, serial=snr, check_digit=rest or None, message="valid")
    except ValidationError as e:
        try:
            n = meid.validate(s)
            rec.update(kind="meid", valid=True, normalized=n, message="valid")
        except ValidationError:
            rec.update(problem=type(e).__name__, message=str(e))
    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
