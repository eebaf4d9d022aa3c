#!/bin/sh
# SPDX-License-Identifier: MIT
# test_words.sh BIN: the words a buyer reads, in every language.  English
# (data/words-en.tsv) has every key; every other language's file has only
# keys English has, keeps every {placeholder} of each text, and its
# coverage (keys it translates, of English's) is printed.  The languages
# handover promises are at 100%.  A broken copy must be caught.
# Two kinds of key only another language has, and none needs: country.CC
# (the country's name in the language, CC a countries.tsv code) and
# brand.BRAND.FIELD (a brands.tsv brand's menu path as its phones show it in
# the language); they are not counted in the coverage.
BIN=$1
. tests/lib.sh
DATA=${HANDOVER_TEST_DATA_DIR:-data}
# The languages the checklist must speak whole (issue: the buyers' languages).
PROMISED=${HANDOVER_PROMISED_LANGS-id sw tl}

# The codes and brands the optional keys may name, space-separated.
CODES=" $(awk -F'\t' '/^#/ || !h++ { next } { print $1 }' "$DATA/countries.tsv" | sort -u | tr '\n' ' ')"
BRANDS=" $(awk -F'\t' '/^#/ || !h++ { next } { print $1 }' "$DATA/brands.tsv" | tr '\n' ' ')"
FIELDS=" imei_path admin_apps_path accounts_path find_device_path reset_path account_lock financing_signals "

# check_lang EN FILE: a line per problem, then "coverage N M" last.
check_lang() {
	awk -F'\t' -v codes="$CODES" -v brands="$BRANDS" -v fields="$FIELDS" '
	function optional(k,   p, n) {
		if (k ~ /^country\.[A-Z][A-Z]$/) return index(codes, " " substr(k, 9) " ") > 0
		n = split(k, p, ".")
		return n == 3 && p[1] == "brand" && index(brands, " " p[2] " ") > 0 &&
		    index(fields, " " p[3] " ") > 0
	}
	function ph(t,   out, s, i) {
		out = ""; s = t
		while ((i = index(s, "{")) > 0) {
			s = substr(s, i); j = index(s, "}")
			if (j == 0) break
			p = substr(s, 1, j); if (index(out, p "|") == 0) out = out p "|"
			s = substr(s, j + 1)
		}
		return out
	}
	function sorted(list,   n, a, i, j, t, r) {
		n = split(list, a, "|"); r = ""
		for (i = 1; i < n; i++) for (j = i + 1; j < n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
		for (i = 1; i < n; i++) r = r a[i] "|"
		return r
	}
	/^#/ || $0 == "" { next }
	FNR == NR { if (!h1) { h1 = 1; next } en[$1] = $2; nen++; next }
	!h2 { h2 = 1; next }
	{
		name = FILENAME; sub(/.*\//, "", name)
		if (seen[$1]++) { printf "%s:%d: key %s twice\n", name, FNR, $1; next }
		if (!($1 in en) && optional($1)) next
		if (!($1 in en)) { printf "%s:%d: key %s is not in words-en.tsv\n", name, FNR, $1; next }
		if ($1 ~ /^answer\./ || $1 == "lang.name" || $1 == "lang.dir" || $1 == "date.order") { own++; next }
		if (sorted(ph(en[$1])) != sorted(ph($2)))
			printf "%s:%d: %s: placeholders %s, English has %s\n", name, FNR, $1, ph($2), ph(en[$1])
		own++
	}
	END { printf "coverage %d %d\n", own, nen }' "$1" "$2"
}

EN=$DATA/words-en.tsv
for f in "$DATA"/words-*.tsv; do
	[ "$f" = "$EN" ] && continue
	lang=${f##*/words-}
	lang=${lang%.tsv}
	out=$(check_lang "$EN" "$f")
	probs=$(printf '%s\n' "$out" | grep -v '^coverage ')
	set -- $(printf '%s\n' "$out" | sed -n 's/^coverage //p')
	pct=$(( $1 * 100 / $2 ))
	echo "  coverage $lang: $1 of $2 keys ($pct%)"
	if [ -z "$probs" ]; then ok; else fail "words-$lang.tsv" "$probs"; fi
done
for lang in $PROMISED; do
	f=$DATA/words-$lang.tsv
	if [ ! -f "$f" ]; then fail "no words in '$lang' (data/words-$lang.tsv)"; continue; fi
	set -- $(check_lang "$EN" "$f" | sed -n 's/^coverage //p')
	if [ "$1" = "$2" ]; then ok; else fail "words-$lang.tsv covers $1 of $2 keys, not all"; fi
done

# Negative: a lost placeholder and a key English lacks are both caught.
printf 'key\ttext\nreason.registry_unchecked.todo\tRun it.\nno.such.key\tx\n' > "$SCRATCH/words-zz.tsv"
out=$(check_lang "$EN" "$SCRATCH/words-zz.tsv")
case $out in *"placeholders"*"{registry}"*) ok ;; *) fail "a lost placeholder is not caught" "$out" ;; esac
case $out in *"no.such.key is not in words-en.tsv"*) ok ;; *) fail "an unknown key is not caught" "$out" ;; esac
# Optional keys: a country's and a brand's own words pass; an unknown country,
# brand or field does not, and neither counts in the coverage.
printf 'key\ttext\ncountry.KE\tKenya\nbrand.samsung.reset_path\tx\ncountry.ZZ\tx\nbrand.nosuch.imei_path\tx\nbrand.samsung.colour\tx\n' > "$SCRATCH/words-zz.tsv"
out=$(check_lang "$EN" "$SCRATCH/words-zz.tsv")
case $out in *"country.KE "*|*"brand.samsung.reset_path "*) fail "a country's or a brand's words are refused" "$out" ;; *) ok ;; esac
case $out in *"country.ZZ is not"*"brand.nosuch.imei_path is not"*"brand.samsung.colour is not"*) ok ;;
*) fail "an unknown country, brand or field is not caught" "$out" ;; esac
case $out in *"coverage 0 "*) ok ;; *) fail "optional keys count in the coverage" "$out" ;; esac
finish
