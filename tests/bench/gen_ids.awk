# SPDX-License-Identifier: MIT
# gen_ids.awk -v n=COUNT -v seed=SEED: COUNT identifiers, one a line, as a
# moderator's column would hold them: mostly valid IMEIs, some mistyped,
# some with separators, IMEISVs, MEIDs and short numbers.
function luhn(s,   i, sum, v, k) {
	sum = 0
	for (i = length(s); i >= 1; i--) {
		v = substr(s, i, 1) + 0
		if ((length(s) - i) % 2 == 0) { v *= 2; if (v > 9) v -= 9 }
		sum += v
	}
	return (10 - sum % 10) % 10
}
function digits(n,   s, i) { s = ""; for (i = 0; i < n; i++) s = s int(rand() * 10); return s }
BEGIN {
	srand(seed)
	split("35417803 35209900 01243000 86012345 35675904 49013920 99000862 33205600", tac, " ")
	for (k = 0; k < n; k++) {
		b = tac[int(rand() * 8) + 1] digits(6)
		r = rand()
		if (r < 0.6) print b luhn(b)
		else if (r < 0.75) print b ((luhn(b) + 1) % 10)
		else if (r < 0.85) print substr(b, 1, 2) " " substr(b, 3, 6) " " substr(b, 9, 6) " " luhn(b)
		else if (r < 0.9) print b digits(2)
		else if (r < 0.95) print b
		else print digits(12)
	}
}
