#!/bin/sh
# SPDX-License-Identifier: MIT
# test_words.sh BIN: the words a buyer reads, in every language.  English
# (data/words-en.tsv) has every key; every other language's file has only
# keys English has, keeps every {placeholder} of each text, and its
# coverage (keys it translates, of English's) is printed.  The languages
# handover promises are at 100%.  A broken copy must be caught.
BIN=$1
. tests/lib.sh
DATA=${HANDOVER_TEST_DATA_DIR:-data}
# The languages the checklist must speak whole: a new English key is
# translated into each before it lands (HANDOVER_PROMISED_LANGS= for none).
PROMISED=${HANDOVER_PROMISED_LANGS-hi bn ur id tl sw es pt fr}

# check_lang EN FILE: a line per problem, then "coverage N M" last.
check_lang() {
	awk -F'\t' '
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
		# Optional keys English has no text for: the name of a country
		# ("country.MX") and the menu path of a brand ("brand.samsung.reset_path"),
		# for a country of countries.tsv, a brand of brands.tsv and a field the
		# checklist fills.  Not counted in the coverage.
		if ($1 ~ /^country\./) {
			if (index(" " countries " ", " " substr($1, 9) " ") == 0)
				printf "%s:%d: %s: no such country in countries.tsv\n", name, FNR, $1
			next
		}
		if ($1 ~ /^brand\./) {
			n = split($1, k, ".")
			if (n != 3 || index(" " brands " ", " " k[2] " ") == 0 ||
			    index(" " fields " ", " " k[3] " ") == 0)
				printf "%s:%d: %s: not brand.BRAND.FIELD with a brand of brands.tsv\n", name, FNR, $1
			else if (index($2, "{") > 0)
				printf "%s:%d: %s: a brand path has no placeholders\n", name, FNR, $1
			next
		}
		# ... the official check of a country, in the language
		# ("registry.IN.1.how": the first check of India, its how), and the
		# words typed for the choice of any step ("answer.proof.kind.receipt").
		if ($1 ~ /^registry\.[A-Z][A-Z]\.[0-9]\./ && !($1 in en)) {
			n = split($1, k, ".")
			if (n != 4 || index(" " countries " ", " " k[2] " ") == 0 ||
			    index(" name how meaning limits instead ", " " k[4] " ") == 0)
				printf "%s:%d: %s: not registry.CC.N.FIELD with a country of countries.tsv\n", name, FNR, $1
			next
		}
		if ($1 ~ /^answer\./ && !($1 in en)) {
			if (index(" " answers " ", " " substr($1, 8) " ") == 0)
				printf "%s:%d: %s: not answer.STEP.CHOICE of a step and its choice\n", name, FNR, $1
			next
		}
		if (!($1 in en)) { printf "%s:%d: key %s is not in words-en.tsv\n", name, FNR, $1; next }
		if ($1 ~ /^answer\./ || $1 == "lang.name" || $1 == "lang.dir" || $1 == "date.order") { own++; next }
		if (sorted(ph(en[$1])) != sorted(ph($2)))
			printf "%s:%d: %s: placeholders %s, English has %s\n", name, FNR, $1, ph($2), ph(en[$1])
		own++
	}
	END { printf "coverage %d %d\n", own, nen }' \
	    countries="$COUNTRIES" brands="$BRANDS" fields="$BRAND_FIELDS" answers="$ANSWERS" \
	    "$1" "$2"
}
# The countries and brands an optional key may name.
COUNTRIES=$(grep -v '^#' "$DATA/countries.tsv" | cut -f1 | sed 1d | sort -u | tr '\n' ' ')
BRANDS=$(grep -v '^#' "$DATA/brands.tsv" | cut -f1 | sed 1d | tr '\n' ' ')
BRAND_FIELDS='imei_path admin_apps_path accounts_path find_device_path reset_path account_lock financing_signals'
# Every step and choice: "listing.mode.remote ..." from check --steps and
# recheck --steps.
choices_of() {
	"$BIN" "$1" --steps | awk 'NF == 0 { exit } $2 == "choice" { n = split($3, a, "|"); for (i = 1; i <= n; i++) printf "%s.%s ", $1, a[i] }'
}
ANSWERS="$(choices_of check) $(choices_of recheck)"

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
# Optional keys: a known country and brand pass, an unknown one is caught.
printf 'key\ttext\ncountry.MX\tMéxico; Mexico\nbrand.samsung.reset_path\tAjustes > Restablecer\ncountry.XX\tx\nbrand.nosuch.reset_path\tx\nbrand.samsung.colour\tx\n' > "$SCRATCH/words-zz.tsv"
out=$(check_lang "$EN" "$SCRATCH/words-zz.tsv")
case $out in *"country.MX"*|*"brand.samsung.reset_path"*) fail "a known country or brand key is refused" "$out" ;; *) ok ;; esac
case $out in *"country.XX: no such country"*) ok ;; *) fail "an unknown country key is not caught" "$out" ;; esac
case $out in *"brand.nosuch.reset_path: not brand"*"brand.samsung.colour: not brand"*) ok ;; *) fail "an unknown brand key is not caught" "$out" ;; esac
case $out in *"coverage 0 "*) ok ;; *) fail "optional keys are counted in the coverage" "$out" ;; esac
printf 'key\ttext\nregistry.IN.1.how\tx\nanswer.proof.kind.receipt\tx\nanswer.recheck.apps.no\tx\nregistry.XX.1.how\tx\nregistry.IN.1.colour\tx\nanswer.proof.kind.cheque\tx\n' > "$SCRATCH/words-zz.tsv"
out=$(check_lang "$EN" "$SCRATCH/words-zz.tsv")
case $out in *"registry.IN.1.how"*|*"answer.proof.kind.receipt"*|*"answer.recheck.apps.no"*) fail "a country's check or a step's answer words are refused" "$out" ;; *) ok ;; esac
case $out in *"registry.XX.1.how: not"*"registry.IN.1.colour: not"*"answer.proof.kind.cheque: not"*) ok ;;
*) fail "an unknown registry or answer key is not caught" "$out" ;; esac
finish
