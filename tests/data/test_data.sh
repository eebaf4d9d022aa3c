#!/bin/sh
# SPDX-License-Identifier: MIT
# test_data.sh: checks every data/*.tsv file (and the UTF-8 / CR rules for
# data/*.txt): field counts against the header, source / checked /
# confidence columns, duplicate keys, ISO 3166-1 country codes, languages,
# categories, lock ids, package names.  Then it feeds deliberately broken
# files to the same checker and expects it to complain.
# Run from the repository top: sh tests/data/test_data.sh BIN (BIN unused).
. tests/lib.sh

DATA=${HANDOVER_TEST_DATA_DIR:-data}

# All 249 ISO 3166-1 alpha-2 codes (ISO 3166 Maintenance Agency list as
# shipped in the tz database's iso3166.tab and Debian's iso-codes).
ISO='AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI
BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR
CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA
GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE
IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU
MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO
SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM
US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'

# Languages allowed in phrases.tsv (ISO 639-1).
LANGS='en hi ur bn tl id sw es pt fr vi th ar tr ja ru'

# lock_ids FILE: the id column of lock-systems.tsv, space-separated.
lock_ids() {
	[ -f "$1" ] || return 0
	awk -F'\t' '
		/^#/ || $0 == "" { next }
		!h { h = 1; for (i = 1; i <= NF; i++) if ($i == "id") c = i; next }
		c { printf "%s ", $c }' "$1"
}

# check_encoding FILE: valid UTF-8 and no CR characters.
check_encoding() {
	ce_st=0
	if command -v iconv >/dev/null 2>&1; then
		if ! iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; then
			echo "${1##*/}: not valid UTF-8"
			ce_st=1
		fi
	fi
	if grep "$(printf '\r')" "$1" >/dev/null 2>&1; then
		echo "${1##*/}: contains CR characters (use LF line ends)"
		ce_st=1
	fi
	return $ce_st
}

# check_tsv FILE LOCKIDS: prints one line per problem; fails if any.
check_tsv() {
	ct_st=0
	check_encoding "$1" || ct_st=1
	awk -F'\t' -v name="${1##*/}" -v iso="$ISO" -v langs="$LANGS" \
	    -v lockids="$2" '
	function err(msg) { printf "%s:%d: %s\n", name, NR, msg; bad = 1 }
	function col(n) { return (n in idx) ? $(idx[n]) : "" }
	function has(n) { return (n in idx) }
	function codes(field, what,   n, i, a) {
		if (field == "") return
		n = split(field, a, ";")
		for (i = 1; i <= n; i++)
			if (!(a[i] in isoset) && a[i] != "global")
				err(what " has a bad country code \"" a[i] "\"")
	}
	function isdate(s,   m, d) {
		if (s !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/) return 0
		m = substr(s, 6, 2) + 0; d = substr(s, 9, 2) + 0
		return m >= 1 && m <= 12 && d >= 1 && d <= 31
	}
	BEGIN {
		n = split(iso, a, /[ \n]+/)
		for (i = 1; i <= n; i++) if (a[i] != "") isoset[a[i]] = 1
		n = split(langs, a, " ")
		for (i = 1; i <= n; i++) langset[a[i]] = 1
		n = split(lockids, a, " ")
		for (i = 1; i <= n; i++) if (a[i] != "") lockset[a[i]] = 1
		split("financing lock theft no_proof bypass", a, " ")
		for (i in a) catset[a[i]] = 1
		split("theft legality type_approval counterfeit carrier_balance", a, " ")
		for (i in a) checkset[a[i]] = 1
		split("yes no after_untrusted_reset", a, " ")
		for (i in a) resetset[a[i]] = 1
	}
	/^#/ || $0 == "" { next }
	!header {
		header = 1; ncol = NF
		for (i = 1; i <= NF; i++) {
			if ($i == "") err("empty column name " i)
			if ($i in idx) err("duplicate column \"" $i "\"")
			idx[$i] = i
		}
		next
	}
	{
		rows++
		if (NF != ncol) {
			err("has " NF " fields, header has " ncol)
			next
		}
		key = $1
		if (name == "countries.tsv") key = col("code") "|" col("check_name")
		else if (name == "phrases.tsv") key = col("phrase") "|" col("language")
		else if (name == "lock-apps.tsv") key = col("package")
		if (key == "" || key == "|") err("empty key")
		else if (key in seen) err("duplicate key \"" key "\" (first on line " seen[key] ")")
		else seen[key] = NR

		if (has("source")) {
			s = col("source")
			if (s !~ /^https?:\/\/[^ ]+( https?:\/\/[^ ]+)*$/)
				err("source must be http(s) URLs separated by one space")
		}
		if (has("checked") && !isdate(col("checked")))
			err("checked \"" col("checked") "\" is not a YYYY-MM-DD date")
		if (has("confidence") && col("confidence") != "confirmed" &&
		    col("confidence") != "reported")
			err("confidence must be confirmed or reported")
		if (has("countries")) codes(col("countries"), "countries")
		if (has("regions")) codes(col("regions"), "regions")

		if (name == "countries.tsv") {
			if (!(col("code") in isoset)) err("bad country code \"" col("code") "\"")
			c = col("checks")
			if (c == "") {
				if (col("check_name") != "none") err("checks is empty")
			} else {
				n = split(c, a, ";")
				for (i = 1; i <= n; i++)
					if (!(a[i] in checkset)) err("unknown check \"" a[i] "\"")
			}
		} else if (name == "phrases.tsv") {
			if (!(col("language") in langset))
				err("unknown language \"" col("language") "\"")
			if (!(col("category") in catset))
				err("unknown category \"" col("category") "\"")
			w = col("weight")
			if (w != "1" && w != "2" && w != "3") err("weight must be 1, 2 or 3")
			if (col("phrase") != tolower(col("phrase")))
				err("phrase must be lowercase")
		} else if (name == "lock-apps.tsv") {
			if (col("package") !~ /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+(\.\*)?$/)
				err("bad package name \"" col("package") "\"")
			if (col("strength") != "strong" && col("strength") != "weak")
				err("strength must be strong or weak")
			if (!(col("system") in lockset))
				err("system \"" col("system") "\" is not an id in lock-systems.tsv")
		} else if (name == "lenders.tsv") {
			if (col("lock") != "" && !(col("lock") in lockset))
				err("lock \"" col("lock") "\" is not an id in lock-systems.tsv")
			if (col("countries") == "") err("countries is empty")
		} else if (name == "lock-systems.tsv") {
			if (col("id") !~ /^[a-z][a-z0-9_]*$/) err("bad id \"" col("id") "\"")
			if (!(col("survives_reset") in resetset))
				err("survives_reset must be yes, no or after_untrusted_reset")
		} else if (name == "country-languages.tsv") {
			if (!(col("code") in isoset)) err("bad country code \"" col("code") "\"")
			if (col("languages") !~ /^[a-z][a-z](;[a-z][a-z])*$/)
				err("languages must be ISO 639-1 codes joined by ;")
		} else if (name == "tac.tsv") {
			if (col("tac") !~ /^[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$/)
				err("tac must be 8 digits")
		}
	}
	END {
		if (!header) { printf "%s: no header row\n", name; bad = 1 }
		exit bad
	}' "$1" || ct_st=1
	return $ct_st
}

# indent TEXT: TEXT with every line after the first indented, so that
# multi-line messages stay under their FAIL line.
indent() {
	printf '%s\n' "$1" | sed '2,$s/^/  /'
}

# --- the real data ------------------------------------------------------

LOCKIDS=$(lock_ids "$DATA/lock-systems.tsv")
n_files=0
for f in "$DATA"/*.tsv; do
	[ -f "$f" ] || continue
	n_files=$((n_files + 1))
	if out=$(check_tsv "$f" "$LOCKIDS"); then
		ok
	else
		fail "data check: ${f##*/}" "$(indent "$out")"
	fi
done
for f in "$DATA"/*.txt; do
	[ -f "$f" ] || continue
	if out=$(check_encoding "$f"); then ok; else fail "encoding: ${f##*/}" "$(indent "$out")"; fi
done
if [ "$n_files" -gt 0 ]; then ok; else fail "no data/*.tsv files found"; fi

for req in countries lock-systems lock-apps lenders phrases brands; do
	if [ -f "$DATA/$req.tsv" ]; then ok; else fail "missing data/$req.tsv"; fi
done

# column_values FILE COLUMN: the values of one column, one per line.
column_values() {
	awk -F'\t' -v c="$2" '
		/^#/ || $0 == "" { next }
		!h { h = 1; for (i = 1; i <= NF; i++) if ($i == c) k = i; next }
		k { print $k }' "$1"
}

if [ -f "$DATA/countries.tsv" ]; then
	have=$(column_values "$DATA/countries.tsv" code | sort -u)
	for cc in IN PK KE ID BR TR US GB AU MX PH NG CO ES TZ UG GH; do
		if printf '%s\n' "$have" | grep -x "$cc" >/dev/null; then ok
		else fail "countries.tsv lacks $cc"; fi
	done
fi
if [ -f "$DATA/phrases.tsv" ]; then
	have=$(awk -F'\t' '/^#/ || $0 == "" { next } !h { h = 1; next }
		$2 == "en" { print $1 }' "$DATA/phrases.tsv")
	for ph in emi installment installments instalment "pay later" balance \
	    loan finance financed "payment plan" "not paid off" "kg locked" mdm \
	    frp "icloud locked" "activation lock" "mi account locked" bypass \
	    blacklisted barred blocked "bad esn" "no bill" "no box no bill" \
	    "without invoice" "parts only"; do
		if printf '%s\n' "$have" | grep -x "$ph" >/dev/null; then ok
		else fail "phrases.tsv lacks en \"$ph\""; fi
	done
	langs=$(column_values "$DATA/phrases.tsv" language | sort -u)
	for l in $LANGS; do
		if printf '%s\n' "$langs" | grep -x "$l" >/dev/null; then ok
		else fail "phrases.tsv has no $l phrases"; fi
	done
fi

# --- self-tests: the checker must reject broken files ---------------------

T=$SCRATCH/selftest
mkdir -p "$T/good" "$T/fields" "$T/values" "$T/crlf"
TAB=$(printf '\t')

# A small valid file: the checker must accept it.
{
	echo "# good"
	echo "code${TAB}check_name${TAB}checks${TAB}source${TAB}checked${TAB}confidence"
	echo "KE${TAB}sms${TAB}counterfeit${TAB}https://a.example/x https://b.example/y${TAB}2026-11-23${TAB}confirmed"
	echo "PH${TAB}none${TAB}${TAB}http://c.example/${TAB}2026-11-23${TAB}reported"
} >"$T/good/countries.tsv"
if out=$(check_tsv "$T/good/countries.tsv" ""); then ok
else fail "self-test: valid file rejected" "$(indent "$out")"; fi

# Wrong field count, duplicate key, bad country code.
{
	echo "code${TAB}check_name${TAB}checks${TAB}source${TAB}checked${TAB}confidence"
	echo "KE${TAB}sms${TAB}counterfeit${TAB}https://a.example/${TAB}2026-11-23"
	echo "XX${TAB}sms${TAB}counterfeit${TAB}https://a.example/${TAB}2026-11-23${TAB}confirmed"
	echo "XX${TAB}sms${TAB}counterfeit${TAB}https://a.example/${TAB}2026-11-23${TAB}confirmed"
} >"$T/fields/countries.tsv"
out=$(check_tsv "$T/fields/countries.tsv" "")
st=$?
if [ $st -ne 0 ] &&
    printf '%s\n' "$(indent "$out")" | grep 'has 5 fields' >/dev/null &&
    printf '%s\n' "$(indent "$out")" | grep 'bad country code "XX"' >/dev/null &&
    printf '%s\n' "$(indent "$out")" | grep 'duplicate key' >/dev/null; then ok
else fail "self-test: field count / key / country errors not caught" "$(indent "$out")"; fi

# Bad URL, bad date, bad confidence, unknown language and category.
{
	echo "phrase${TAB}language${TAB}category${TAB}weight${TAB}source${TAB}checked${TAB}confidence"
	echo "emi${TAB}xx${TAB}money${TAB}4${TAB}ftp://a.example/${TAB}2026-13-01${TAB}maybe"
	echo "EMI${TAB}en${TAB}financing${TAB}2${TAB}https://a.example/  https://b.example/${TAB}2026-11-23${TAB}reported"
} >"$T/values/phrases.tsv"
out=$(check_tsv "$T/values/phrases.tsv" "")
st=$?
n_err=$(printf '%s\n' "$(indent "$out")" | grep -c 'phrases.tsv:')
if [ $st -ne 0 ] && [ "$n_err" -ge 8 ]; then ok
else fail "self-test: value errors not caught ($n_err found)" "$(indent "$out")"; fi

# CR line ends, bad package name, unknown lock id.
printf 'package\tsystem\tstrength\twhat_to_do\tsource\tchecked\tconfidence\r\n' \
    >"$T/crlf/lock-apps.tsv"
printf 'Com.Bad\tnope\tmaybe\tx\thttps://a.example/\t2026-11-23\treported\r\n' \
    >>"$T/crlf/lock-apps.tsv"
out=$(check_tsv "$T/crlf/lock-apps.tsv" "google_dlc knox_guard")
st=$?
if [ $st -ne 0 ] &&
    printf '%s\n' "$(indent "$out")" | grep 'CR characters' >/dev/null &&
    printf '%s\n' "$(indent "$out")" | grep 'bad package name' >/dev/null &&
    printf '%s\n' "$(indent "$out")" | grep 'not an id in lock-systems' >/dev/null; then ok
else fail "self-test: CR / package / lock id errors not caught" "$(indent "$out")"; fi

# Country languages: a bad code and a bad language list.
{
	echo "code${TAB}languages${TAB}source${TAB}checked${TAB}confidence"
	echo "XX${TAB}hi;English${TAB}https://a.example/${TAB}2026-11-23${TAB}reported"
} >"$T/values/country-languages.tsv"
out=$(check_tsv "$T/values/country-languages.tsv" "")
st=$?
if [ $st -ne 0 ] &&
    printf '%s\n' "$(indent "$out")" | grep 'bad country code "XX"' >/dev/null &&
    printf '%s\n' "$(indent "$out")" | grep 'ISO 639-1' >/dev/null; then ok
else fail "self-test: country-languages errors not caught" "$(indent "$out")"; fi

# Invalid UTF-8.
printf 'id\tsource\nx\377\thttps://a.example/\n' >"$T/crlf/other.tsv"
if command -v iconv >/dev/null 2>&1; then
	if out=$(check_tsv "$T/crlf/other.tsv" ""); then
		fail "self-test: invalid UTF-8 not caught"
	else ok; fi
fi

finish
