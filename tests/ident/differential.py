# SPDX-License-Identifier: MIT
# differential.py SEED COUNT BIN: generates COUNT identifiers (valid, one digit
# changed, two digits swapped, wrong lengths, separators, MEIDs), checks each
# with `BIN imei --json` and with python-stdnum, and classifies every
# disagreement.  A disagreement outside the documented ones is a failure.
import json
import random
import subprocess
import sys

from stdnum import imei, luhn, meid

seed, count, binary = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(seed)
TACS = ["35417803", "35209900", "01243000", "86012345", "35675904", "49013920",
        "99000862", "33205600", "35332211", "86473405"]


def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def valid_imei():
    body = rng.choice(TACS) + digits(6)
    return body + luhn.calc_check_digit(body)


def hexmeid():
    body = rng.choice("ABCDEF") + rng.choice("0123456789ABCDEF") + "".join(
        rng.choice("0123456789ABCDEF") for _ in range(12))
    return body + (luhn.calc_check_digit(body, alphabet="0123456789ABCDEF")
                   if rng.random() < 0.5 else "")


def mutate(s):
    r = rng.random()
    s = list(s)
    if r < 0.5:
        i = rng.randrange(len(s))
        s[i] = rng.choice([c for c in "0123456789" if c != s[i]])
    else:
        i = rng.randrange(len(s) - 1)
        s[i], s[i + 1] = s[i + 1], s[i]
    return "".join(s)


def separate(s):
    sep = rng.choice([" ", "-"])
    if len(s) == 15:
        return s[:2] + sep + s[2:8] + sep + s[8:14] + sep + s[14:]
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


def generate():
    r = rng.random()
    if r < 0.30:
        return valid_imei()
    if r < 0.50:
        return mutate(valid_imei())
    if r < 0.60:
        return separate(valid_imei())
    if r < 0.68:
        return valid_imei()[:14]
    if r < 0.74:
        return valid_imei()[:14] + digits(2)
    if r < 0.80:
        return digits(rng.choice([7, 10, 12, 13, 17, 20]))
    if r < 0.88:
        return hexmeid()
    if r < 0.92:
        return mutate(hexmeid())
    if r < 0.96:
        mfr = rng.randrange(0, 2 ** 32)
        ser = rng.randrange(0, 2 ** 24)
        d = "%010d%08d" % (mfr, ser)
        return d + (luhn.calc_check_digit(d) if rng.random() < 0.5 else "")
    return separate(hexmeid())


def stdnum_valid(s):
    return imei.is_valid(s) or meid.is_valid(s)


inputs = [generate() for _ in range(count)]
out = subprocess.run([binary, "imei", "--json"], input="\n".join(inputs) + "\n",
                     capture_output=True, text=True)
lines = out.stdout.splitlines()
if len(lines) != count:
    print("FAIL: %d inputs gave %d JSON lines" % (count, len(lines)))
    print("0 passed, 1 failed")
    sys.exit(1)

documented = {
    "14 digits: stdnum accepts an IMEI without its check digit; we report missing_check_digit": 0,
    "placeholder or test-range IMEI: stdnum does not check them": 0,
    "MEID with letters below region A0: stdnum accepts it; we report bad_component": 0,
}
bugs = []
agree = 0
for s, line in zip(inputs, lines):
    ours = json.loads(line)
    theirs = stdnum_valid(s)
    if ours["valid"] == theirs:
        agree += 1
        continue
    compact = s.replace(" ", "").replace("-", "")
    if theirs and ours["problem"] == "missing_check_digit" and len(compact) == 14:
        documented["14 digits: stdnum accepts an IMEI without its check digit; we report missing_check_digit"] += 1
    elif theirs and ours["problem"] == "placeholder":
        documented["placeholder or test-range IMEI: stdnum does not check them"] += 1
    elif theirs and ours["problem"] == "bad_component" and ours["kind"] == "meid":
        documented["MEID with letters below region A0: stdnum accepts it; we report bad_component"] += 1
    else:
        bugs.append((s, ours["valid"], ours["problem"], theirs))

print("seed %d: %d identifiers, %d agree" % (seed, count, agree))
for k, v in documented.items():
    print("  documented difference, %6d: %s" % (v, k))
for b in bugs[:20]:
    print("FAIL undocumented: %r ours valid=%s (%s) stdnum valid=%s" % b)
print("%d passed, %d failed" % (1 if not bugs else 0, 1 if bugs else 0))
sys.exit(1 if bugs else 0)
