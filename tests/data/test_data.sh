#!/bin/sh
# SPDX-License-Identifier: MIT
# test_data.sh: checks every data/*.tsv file (and the UTF-8 / CR rules for
# data/*.txt): field counts against the header, source / checked /
# confidence columns, duplicate keys, ISO 3166-1 country codes, languages,
# categories, lock ids, package names, the phrase tables' cues / form_of
# columns and the cue tables (negation-, completion-, context-cues.tsv).
# Then it feeds deliberately broken files to the same checker and expects it
# to complain.
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

# Languages of phrases.tsv and the cue tables (ISO 639-1); every one of them
# must have phrases and cues.
LANGS='en hi ur bn tl id sw es pt fr vi th ar tr ja ru'

# The fewest phrases a language of LANGS may have in phrases.tsv.
MIN_PHRASES=30

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

# never_hosts FILE: the host column of source-never.tsv, space-separated.
never_hosts() {
	[ -f "$1" ] || return 0
	awk -F'\t' '
		/^#/ || $0 == "" { next }
		!h { h = 1; for (i = 1; i <= NF; i++) if ($i == "host") c = i; next }
		c { printf "%s ", $c }' "$1"
}

# Rows that cite a never-listed host but live in a table another engineer
# owns (phrases.tsv): "file|key|host" a line.  They are reported as
# waived, not failed, until that table is fixed; delete a line once its row
# is gone.  Nothing else may be added here.
WAIVED=''

# check_tsv FILE LOCKIDS [NEVER]: prints one line per problem; fails if any.
check_tsv() {
	ct_st=0
	check_encoding "$1" || ct_st=1
	awk -F'\t' -v name="${1##*/}" -v iso="$ISO" -v langs="$LANGS" \
	    -v lockids="$2" -v never="${3:-}" -v waived="$WAIVED" '
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
		split("financing lock theft no_proof bypass advance_payment", a, " ")
		for (i in a) catset[a[i]] = 1
		split("negation completion offer accessory person", a, " ")
		for (i in a) cueset[a[i]] = 1
		split("before after either over -", a, " ")
		for (i in a) posset[a[i]] = 1
		if (name == "negation-cues.tsv") split("negation boundary coordinator homograph", a, " ")
		else if (name == "completion-cues.tsv") split("completion ongoing", a, " ")
		else split("offer accessory included person first receipt account", a, " ")
		for (i in a) kindset[a[i]] = 1
		isphrases = (name ~ /^phrases(-[a-z]+)?\.tsv$/)
		iscues = (name ~ /^[a-z]+-cues\.tsv$/)
		split("theft legality type_approval counterfeit carrier_balance", a, " ")
		for (i in a) checkset[a[i]] = 1
		split("yes no after_untrusted_reset", a, " ")
		for (i in a) resetset[a[i]] = 1
		n = split(never, a, " ")
		for (i = 1; i <= n; i++) if (a[i] != "") neverset[tolower(a[i])] = 1
		n = split(waived, a, "\n")
		for (i = 1; i <= n; i++) if (a[i] != "") waiveset[a[i]] = 1
		split("all some no", a, " ")
		for (i in a) preset[a[i]] = 1
		split("countries.tsv registry-replies.tsv lock-systems.tsv lock-apps.tsv lenders.tsv phrases.tsv phrases-advance.tsv negation-cues.tsv completion-cues.tsv context-cues.tsv country-languages.tsv brands.tsv", a, " ")
		for (i in a) facttab[a[i]] = 1
		split("clean owed blocked not_approved invalid compare_model unknown", a, " ")
		for (i in a) outset[a[i]] = 1
		split("financing carrier collateral management account", a, " ")
		for (i in a) kindset[a[i]] = 1
	}
	# host URL: the lower-case host of a URL.
	function host(u,   h) {
		h = u
		sub(/^[a-zA-Z]+:\/\//, "", h)
		sub(/[\/?#].*$/, "", h)
		sub(/:[0-9]+$/, "", h)
		return tolower(h)
	}
	# never_listed HOST: the never-listed host HOST is or is under, or "".
	function never_listed(h,   p) {
		p = h
		while (p != "") {
			if (p in neverset) return p
			if (index(p, ".") == 0) break
			p = substr(p, index(p, ".") + 1)
		}
		return ""
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
		else if (isphrases) key = col("phrase") "|" col("language")
		else if (iscues) key = col("cue") "|" col("language") "|" col("kind")
		else if (name == "lock-apps.tsv") key = col("package")
		else if (name == "registry-replies.tsv")
			key = col("code") "|" col("check_name") "|" col("reply")
		if (key == "" || key == "|") err("empty key")
		else if (key in seen) err("duplicate key \"" key "\" (first on line " seen[key] ")")
		else seen[key] = NR

		if (has("source")) {
			s = col("source")
			if (s !~ /^https?:\/\/[^ ]+( https?:\/\/[^ ]+)*$/)
				err("source must be http(s) URLs separated by one space")
			n = split(s, a, " ")
			for (i = 1; i <= n; i++) {
				nh = never_listed(host(a[i]))
				if (nh == "") continue
				if ((name "|" key "|" nh) in waiveset)
					printf "%s:%d: waived: cites never-listed host %s (owned elsewhere)\n", name, NR, nh > "/dev/stderr"
				else
					err("source cites " host(a[i]) ", never-listed as " nh " (data/source-never.tsv)")
			}
		}
		# the checklist words and the column names are our own words, not facts
		if (name != "source-never.tsv" && !has("source") && name !~ /^words-/ &&
		    name != "columns.tsv")
			err("no source column")
		# Every sourced row is dated; every row of a fact table also says
		# how strong its source is (issue 13).  tac.tsv, imei-placeholders
		# and reporting-bodies carry no confidence column.
		if (has("source") && !has("checked")) err("no checked column")
		if (name in facttab && !has("confidence")) err("no confidence column")
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
		} else if (isphrases) {
			if (!(col("language") in langset))
				err("unknown language \"" col("language") "\"")
			if (name == "phrases.tsv" && !(col("category") in catset))
				err("unknown category \"" col("category") "\"")
			if (name == "phrases-advance.tsv" && col("category") != "advance_payment")
				err("category must be advance_payment")
			w = col("weight")
			if (w != "1" && w != "2" && w != "3") err("weight must be 1, 2 or 3")
			if (col("phrase") != tolower(col("phrase")))
				err("phrase must be lowercase")
			if (has("cues") && col("cues") != "none") {
				n = split(col("cues"), a, ";")
				for (i = 1; i <= n; i++)
					if (!(a[i] in cueset)) err("unknown cue kind \"" a[i] "\" in cues")
			}
			if (has("form_of") && col("form_of") != "") {
				if (col("form_of") == col("phrase")) err("form_of names the phrase itself")
				formof[NR] = col("form_of") "|" col("language")
			}
		} else if (iscues) {
			if (!(col("language") in langset) && col("language") != "*")
				err("unknown language \"" col("language") "\"")
			k = col("kind"); p = col("position"); r = col("reach"); ap = col("applies_to")
			if (!(k in kindset)) err("unknown kind \"" k "\"")
			if (!(p in posset)) err("unknown position \"" p "\"")
			if (r !~ /^([0-9]+[wc]s?|clause|listing|title|-)$/)
				err("reach must be Nw, Nc, Nws, Ncs, clause, listing, title or -")
			if (ap != "*" && ap != "-") {
				n = split(ap, a, ";")
				for (i = 1; i <= n; i++)
					if (!(a[i] in catset) && a[i] != "advance_payment")
						err("unknown category \"" a[i] "\" in applies_to")
			}
			if (k == "boundary" && (p != "-" || r != "-" || ap != "-"))
				err("a boundary has position, reach and applies_to -")
			if (k != "boundary" && k != "included" && k != "homograph" && ap == "-")
				err("applies_to is empty (-)")
			if (k == "homograph" && (p != "-" || r != "-" || ap != "-"))
				err("a homograph has position, reach and applies_to -")
			if (p == "over" && r != "-") err("an over cue has reach -")
			if (p == "-" && r != "title" && k != "boundary" && k != "coordinator" &&
			    k != "homograph")
				err("position - only for boundaries, coordinators, homographs and title cues")
			if (k == "coordinator" && (p != "-" || r != "-"))
				err("a coordinator has position and reach -")
			if (k == "receipt" && (r != "listing" || ap != "advance_payment"))
				err("a receipt cue has reach listing and applies_to advance_payment")
			if (k == "account" && (p != "before" || ap != "lock"))
				err("an account cue has position before and applies_to lock")
			c = col("cue")
			if (c != tolower(c)) err("cue must be lowercase")
		} else if (name == "lock-apps.tsv") {
			if (col("package") !~ /^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)+(\.\*)?$/)
				err("bad package name \"" col("package") "\"")
			if (col("strength") != "strong" && col("strength") != "weak")
				err("strength must be strong or weak")
			if (!(col("system") in lockset))
				err("system \"" col("system") "\" is not an id in lock-systems.tsv")
			if (has("preinstalled") && !(col("preinstalled") in preset))
				err("preinstalled must be all, some or no")
			if (has("grade_reason") && col("grade_reason") == "")
				err("grade_reason is empty: say why this grade")
			if (!has("grade_reason") || !has("preinstalled"))
				err("lock-apps.tsv needs the preinstalled and grade_reason columns")
			if (col("strength") == "strong" && col("preinstalled") != "no")
				err("a package that may be preinstalled (" col("preinstalled") ") cannot be strong on its own")
		} else if (name == "lenders.tsv") {
			if (col("lock") != "" && !(col("lock") in lockset))
				err("lock \"" col("lock") "\" is not an id in lock-systems.tsv")
			if (col("countries") == "") err("countries is empty")
		} else if (name == "lock-systems.tsv") {
			if (col("id") !~ /^[a-z][a-z0-9_]*$/) err("bad id \"" col("id") "\"")
			if (!(col("survives_reset") in resetset))
				err("survives_reset must be yes, no or after_untrusted_reset")
			if (!has("kind") || !(col("kind") in kindset))
				err("kind must be financing, carrier, collateral, management or account")
		} else if (name == "country-languages.tsv") {
			if (!(col("code") in isoset)) err("bad country code \"" col("code") "\"")
			if (col("languages") !~ /^[a-z][a-z](;[a-z][a-z])*$/)
				err("languages must be ISO 639-1 codes joined by ;")
		} else if (name == "registry-replies.tsv") {
			if (!(col("code") in isoset)) err("bad country code \"" col("code") "\"")
			if (col("reply") !~ /^[a-z0-9_]+$/)
				err("reply key must be lowercase letters, digits and _")
			if (!(col("outcome") in outset))
				err("outcome \"" col("outcome") "\" is not one of clean owed blocked not_approved invalid compare_model unknown")
			if (col("shown") == "" || col("meaning") == "")
				err("shown and meaning must not be empty")
		} else if (name == "source-never.tsv") {
			if (col("host") !~ /^[a-z0-9-]+(\.[a-z0-9-]+)+$/)
				err("host must be a lower-case host name")
		} else if (name == "tac.tsv") {
			if (col("tac") !~ /^[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$/)
				err("tac must be 8 digits")
		}
	}
	END {
		if (!header) { printf "%s: no header row\n", name; bad = 1 }
		for (l in formof)
			if (!(formof[l] in seen)) {
				printf "%s:%d: form_of \"%s\" is not a phrase of this file\n", name, l, formof[l]
				bad = 1
			}
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
NEVER=$(never_hosts "$DATA/source-never.tsv")
if [ -n "$NEVER" ]; then ok; else fail "data/source-never.tsv is missing or empty"; fi
n_files=0
for f in "$DATA"/*.tsv; do
	[ -f "$f" ] || continue
	n_files=$((n_files + 1))
	if out=$(check_tsv "$f" "$LOCKIDS" "$NEVER" 2>/dev/null); then
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

for req in countries lock-systems lock-apps lenders phrases brands \
    negation-cues completion-cues context-cues; do
	if [ -f "$DATA/$req.tsv" ]; then ok; else fail "missing data/$req.tsv"; fi
done

# brands.tsv: every path column present (kb.c loads model_path as optional, so
# only this test notices it dropped), and a filled path starts at Settings.
if [ -f "$DATA/brands.tsv" ]; then
	out=$(awk -F'\t' '
		/^#/ || $0 == "" { next }
		!h { h = 1; for (i = 1; i <= NF; i++) col[$i] = i
			split("imei_path model_path admin_apps_path accounts_path find_device_path reset_path", p, " ")
			for (j in p) if (!(p[j] in col)) print "brands.tsv lacks column " p[j]
			next }
		{ for (j in p) { if (!(p[j] in col)) continue; v = $col[p[j]]
			if (v != "" && v !~ /^Settings( >|$| \()/) print $1 ": " p[j] " does not start at Settings: " v } }
	' "$DATA/brands.tsv")
	if [ -z "$out" ]; then ok; else fail "brands.tsv paths" "$(indent "$out")"; fi
fi

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
# cross_refs DIR: every country of countries.tsv, every lender country and
# every registry-replies country has a country-languages row; every reply
# belongs to a check of its country; at least 40 countries (issue 13; raise
# MIN_COUNTRIES as countries are added, never lower it).
cross_refs() {
	cr_st=0
	langs_have=$(column_values "$1/country-languages.tsv" code | sort -u)
	for cc in $(column_values "$1/countries.tsv" code | sort -u) \
	    $(column_values "$1/lenders.tsv" countries | tr ';' '\n' | sort -u) \
	    $(column_values "$1/registry-replies.tsv" code | sort -u); do
		if ! printf '%s\n' "$langs_have" | grep -x "$cc" >/dev/null; then
			echo "$cc: no country-languages.tsv row"
			cr_st=1
		fi
	done
	for cc in $(column_values "$1/lenders.tsv" countries | tr ';' '\n' | sort -u) \
	    $(column_values "$1/registry-replies.tsv" code | sort -u); do
		if ! column_values "$1/countries.tsv" code | grep -x "$cc" >/dev/null; then
			echo "$cc: named by lenders.tsv or registry-replies.tsv but not in countries.tsv"
			cr_st=1
		fi
	done
	checks=$(awk -F'\t' '/^#/ || $0 == "" { next } !h { h = 1; for (i = 1; i <= NF; i++) { if ($i == "code") a = i; if ($i == "check_name") b = i }; next } { print $a "|" $b }' "$1/countries.tsv")
	awk -F'\t' '/^#/ || $0 == "" { next } !h { h = 1; for (i = 1; i <= NF; i++) { if ($i == "code") a = i; if ($i == "check_name") b = i }; next } { print $a "|" $b }' "$1/registry-replies.tsv" | sort -u | while IFS= read -r k; do
		if ! printf '%s\n' "$checks" | grep -xF "$k" >/dev/null; then
			echo "registry-replies.tsv: \"$k\" is not a check in countries.tsv"
			echo x > "$SCRATCH/cr_bad"
		fi
	done
	if [ -f "$SCRATCH/cr_bad" ]; then rm -f "$SCRATCH/cr_bad"; cr_st=1; fi
	n=$(column_values "$1/countries.tsv" code | sort -u | wc -l)
	if [ "$n" -lt "${MIN_COUNTRIES:-40}" ]; then
		echo "countries.tsv has $n countries, fewer than ${MIN_COUNTRIES:-40}"
		cr_st=1
	fi
	return $cr_st
}
if out=$(cross_refs "$DATA"); then ok
else fail "cross references" "$(indent "$out")"; fi

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
	for l in $LANGS; do
		n=$(column_values "$DATA/phrases.tsv" language | grep -cx "$l")
		if [ "$n" -ge "$MIN_PHRASES" ]; then ok
		else fail "phrases.tsv has $n $l phrases (fewer than $MIN_PHRASES)"; fi
	done
fi

# kinds_for FILE LANG: the kinds of FILE's rows for language LANG, one a line.
kinds_for() {
	awk -F'\t' -v l="$2" '
		/^#/ || $0 == "" { next }
		!h { h = 1; for (i = 1; i <= NF; i++) { if ($i == "language") c = i; if ($i == "kind") k = i }; next }
		c && k && $c == l { print $k }' "$1" | sort -u
}
if [ -f "$DATA/negation-cues.tsv" ] && [ -f "$DATA/completion-cues.tsv" ] &&
    [ -f "$DATA/context-cues.tsv" ]; then
	for l in $LANGS; do
		neg=$(kinds_for "$DATA/negation-cues.tsv" "$l")
		for k in negation boundary; do
			if printf '%s\n' "$neg" | grep -x "$k" >/dev/null; then ok
			else fail "negation-cues.tsv has no $l $k cue"; fi
		done
		if kinds_for "$DATA/completion-cues.tsv" "$l" | grep -x completion >/dev/null; then ok
		else fail "completion-cues.tsv has no $l completion cue"; fi
		ctx=$(kinds_for "$DATA/context-cues.tsv" "$l")
		for k in offer accessory; do
			if printf '%s\n' "$ctx" | grep -x "$k" >/dev/null; then ok
			else fail "context-cues.tsv has no $l $k cue"; fi
		done
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

# A source on the never-list, or under a never-listed host, is rejected.
{
	echo "package${TAB}system${TAB}strength${TAB}preinstalled${TAB}grade_reason${TAB}what_to_do${TAB}source${TAB}checked${TAB}confidence"
	echo "com.a.b${TAB}google_dlc${TAB}weak${TAB}all${TAB}why${TAB}x${TAB}https://www.viralsprint.com/p https://ok.example/${TAB}2026-11-27${TAB}reported"
	echo "com.a.c${TAB}google_dlc${TAB}weak${TAB}all${TAB}why${TAB}x${TAB}http://sub.grokipedia.com:8080/x${TAB}2026-11-27${TAB}reported"
	echo "com.a.d${TAB}google_dlc${TAB}weak${TAB}all${TAB}why${TAB}x${TAB}https://notgrokipedia.com/x${TAB}2026-11-27${TAB}reported"
} >"$T/values/lock-apps.tsv"
out=$(check_tsv "$T/values/lock-apps.tsv" "google_dlc" "viralsprint.com grokipedia.com" 2>/dev/null)
st=$?
n_never=$(printf '%s\n' "$out" | grep -c 'never-listed')
if [ $st -ne 0 ] && [ "$n_never" -eq 2 ]; then ok
else fail "self-test: never-listed sources not caught (or a look-alike host caught)" "$(indent "$out")"; fi

# A strong grade for a package that may be preinstalled, a missing grade
# reason, a bad preinstalled value.
{
	echo "package${TAB}system${TAB}strength${TAB}preinstalled${TAB}grade_reason${TAB}what_to_do${TAB}source${TAB}checked${TAB}confidence"
	echo "com.a.b${TAB}google_dlc${TAB}strong${TAB}some${TAB}why${TAB}x${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
	echo "com.a.c${TAB}google_dlc${TAB}weak${TAB}all${TAB}${TAB}x${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
	echo "com.a.d${TAB}google_dlc${TAB}weak${TAB}maybe${TAB}why${TAB}x${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
} >"$T/fields/lock-apps.tsv"
out=$(check_tsv "$T/fields/lock-apps.tsv" "google_dlc")
st=$?
if [ $st -ne 0 ] &&
    printf '%s\n' "$out" | grep 'cannot be strong on its own' >/dev/null &&
    printf '%s\n' "$out" | grep 'grade_reason is empty' >/dev/null &&
    printf '%s\n' "$out" | grep 'preinstalled must be' >/dev/null; then ok
else fail "self-test: grade errors not caught" "$(indent "$out")"; fi

# Registry replies: a bad key, a bad outcome, an empty meaning; a lock
# system without a kind; a row with no source column.
{
	echo "code${TAB}check_name${TAB}reply${TAB}shown${TAB}meaning${TAB}outcome${TAB}source${TAB}checked${TAB}confidence"
	echo "JP${TAB}c${TAB}Paid Off${TAB}x${TAB}${TAB}paid${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
} >"$T/values/registry-replies.tsv"
out=$(check_tsv "$T/values/registry-replies.tsv" "")
st=$?
if [ $st -ne 0 ] &&
    printf '%s\n' "$out" | grep 'reply key must be' >/dev/null &&
    printf '%s\n' "$out" | grep 'outcome "paid"' >/dev/null &&
    printf '%s\n' "$out" | grep 'must not be empty' >/dev/null; then ok
else fail "self-test: registry-replies errors not caught" "$(indent "$out")"; fi
{
	echo "id${TAB}survives_reset${TAB}checked"
	echo "x${TAB}yes${TAB}2026-11-27"
} >"$T/values/lock-systems.tsv"
out=$(check_tsv "$T/values/lock-systems.tsv" "")
st=$?
if [ $st -ne 0 ] && printf '%s\n' "$out" | grep 'kind must be' >/dev/null &&
    printf '%s\n' "$out" | grep 'no source column' >/dev/null; then ok
else fail "self-test: lock-systems kind / missing source not caught" "$(indent "$out")"; fi

# A fact table without its confidence column, a sourced table without its
# checked column: each row must be dated and (in a fact table) graded.
{
	echo "name${TAB}countries${TAB}source${TAB}checked"
	echo "L${TAB}KE${TAB}https://a.example/${TAB}2026-11-27"
} >"$T/fields/lenders.tsv"
{
	echo "tac${TAB}brand${TAB}source"
	echo "35332510${TAB}x${TAB}https://a.example/"
} >"$T/fields/tac.tsv"
out=$(check_tsv "$T/fields/lenders.tsv" ""; check_tsv "$T/fields/tac.tsv" "")
if printf '%s\n' "$out" | grep 'lenders.tsv:.*no confidence column' >/dev/null &&
    printf '%s\n' "$out" | grep 'tac.tsv:.*no checked column' >/dev/null &&
    ! printf '%s\n' "$out" | grep 'tac.tsv:.*confidence' >/dev/null; then ok
else fail "self-test: missing checked / confidence columns not caught" "$(indent "$out")"; fi

# Cross references: a lender country with no country-languages row, a reply
# for a check that does not exist, too few countries.
mkdir -p "$T/xref"
{
	echo "code${TAB}name${TAB}check_name${TAB}checks${TAB}source${TAB}checked${TAB}confidence"
	echo "KE${TAB}Kenya${TAB}sms${TAB}counterfeit${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
} >"$T/xref/countries.tsv"
{
	echo "code${TAB}languages${TAB}source${TAB}checked${TAB}confidence"
	echo "KE${TAB}sw${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
} >"$T/xref/country-languages.tsv"
{
	echo "name${TAB}countries${TAB}source${TAB}checked${TAB}confidence"
	echo "L${TAB}KE;UG${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
} >"$T/xref/lenders.tsv"
{
	echo "code${TAB}check_name${TAB}reply${TAB}source"
	echo "KE${TAB}nope${TAB}x${TAB}https://a.example/"
} >"$T/xref/registry-replies.tsv"
out=$(MIN_COUNTRIES=2 cross_refs "$T/xref")
st=$?
if [ $st -ne 0 ] &&
    printf '%s\n' "$out" | grep 'UG: no country-languages.tsv row' >/dev/null &&
    printf '%s\n' "$out" | grep 'UG: named by lenders.tsv' >/dev/null &&
    printf '%s\n' "$out" | grep '"KE|nope" is not a check' >/dev/null &&
    printf '%s\n' "$out" | grep 'fewer than 2' >/dev/null; then ok
else fail "self-test: cross-reference errors not caught" "$(indent "$out")"; fi
# Phrase cues / form_of columns: an unknown cue kind, a form_of that is no
# phrase of the file.
{
	echo "phrase${TAB}language${TAB}category${TAB}weight${TAB}cues${TAB}form_of${TAB}source${TAB}checked${TAB}confidence"
	echo "emi${TAB}en${TAB}financing${TAB}2${TAB}negation;offer${TAB}${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
	echo "emis${TAB}en${TAB}financing${TAB}2${TAB}negation;maybe${TAB}emi${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
	echo "emiz${TAB}en${TAB}financing${TAB}2${TAB}none${TAB}emmi${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
} >"$T/values/phrases.tsv"
out=$(check_tsv "$T/values/phrases.tsv" "")
st=$?
if [ $st -ne 0 ] &&
    printf '%s\n' "$(indent "$out")" | grep 'unknown cue kind "maybe"' >/dev/null &&
    printf '%s\n' "$(indent "$out")" | grep 'form_of "emmi|en"' >/dev/null &&
    ! printf '%s\n' "$(indent "$out")" | grep ':2:' >/dev/null; then ok
else fail "self-test: cues / form_of errors not caught" "$(indent "$out")"; fi

# Cue tables: valid rows pass (a sentence reach, a homograph); bad kind,
# position, reach, language, applies_to, a boundary with a reach and a
# homograph with a position are caught; a duplicate key too.
mkdir -p "$T/cues"
{
	echo "cue${TAB}language${TAB}kind${TAB}position${TAB}reach${TAB}applies_to${TAB}source${TAB}checked${TAB}confidence"
	echo "not${TAB}en${TAB}negation${TAB}before${TAB}3w${TAB}*${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
	echo "but${TAB}en${TAB}boundary${TAB}-${TAB}-${TAB}-${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
	echo "nor${TAB}en${TAB}negation${TAB}either${TAB}6ws${TAB}*${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
	echo "no${TAB}pt${TAB}homograph${TAB}-${TAB}-${TAB}-${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
	echo "na${TAB}pt${TAB}homograph${TAB}before${TAB}-${TAB}-${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
	echo "nope${TAB}xx${TAB}denial${TAB}around${TAB}3x${TAB}money${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
	echo ",${TAB}*${TAB}boundary${TAB}-${TAB}2w${TAB}-${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
	echo "not${TAB}en${TAB}negation${TAB}after${TAB}1w${TAB}lock${TAB}https://a.example/${TAB}2026-11-27${TAB}reported"
} >"$T/cues/negation-cues.tsv"
out=$(check_tsv "$T/cues/negation-cues.tsv" "")
st=$?
n_err=$(printf '%s\n' "$(indent "$out")" | grep -c 'negation-cues.tsv:')
if [ $st -ne 0 ] && [ "$n_err" -ge 8 ] &&
    printf '%s\n' "$(indent "$out")" | grep ':6:.*homograph' >/dev/null &&
    ! printf '%s\n' "$(indent "$out")" | grep -E ':(2|3|4|5):' >/dev/null; then ok
else fail "self-test: cue table errors not caught ($n_err found)" "$(indent "$out")"; fi

# Context cues: a receipt cue reaches the listing and an account cue
# stands before its lock word; rows that do not are caught.
{
	echo "cue${TAB}language${TAB}kind${TAB}position${TAB}reach${TAB}applies_to${TAB}source${TAB}checked${TAB}confidence"
	echo "cod${TAB}en${TAB}receipt${TAB}either${TAB}listing${TAB}advance_payment${TAB}https://a.example/${TAB}2026-11-28${TAB}reported"
	echo "gmail${TAB}en${TAB}account${TAB}before${TAB}0w${TAB}lock${TAB}https://a.example/${TAB}2026-11-28${TAB}reported"
	echo "meetup${TAB}en${TAB}receipt${TAB}either${TAB}6ws${TAB}advance_payment${TAB}https://a.example/${TAB}2026-11-28${TAB}reported"
	echo "icloud${TAB}en${TAB}account${TAB}after${TAB}0w${TAB}lock${TAB}https://a.example/${TAB}2026-11-28${TAB}reported"
} >"$T/cues/context-cues.tsv"
out=$(check_tsv "$T/cues/context-cues.tsv" "")
st=$?
if [ $st -ne 0 ] &&
    printf '%s\n' "$(indent "$out")" | grep ':4:.*receipt cue has reach listing' >/dev/null &&
    printf '%s\n' "$(indent "$out")" | grep ':5:.*account cue has position before' >/dev/null &&
    ! printf '%s\n' "$(indent "$out")" | grep -E ':(2|3):' >/dev/null; then ok
else fail "self-test: receipt / account cue errors not caught" "$(indent "$out")"; fi

# Every row has its form typed without diacritics (tests/data/bare_forms.py);
# and the check itself catches a missing one.
if command -v python3 >/dev/null 2>&1 && [ "$DATA" = data ]; then
	if out=$(python3 tests/data/bare_forms.py --check 2>&1); then ok
	else fail "bare forms" "$(indent "$out")"; fi
	mkdir -p "$T/bare/data" "$T/bare/tests/data"
	for f in phrases negation-cues completion-cues context-cues; do
		grep -v '^dinh icloud	' "data/$f.tsv" >"$T/bare/data/$f.tsv"
	done
	cp tests/data/bare_forms.py "$T/bare/tests/data/"
	if out=$(cd "$T/bare" && python3 tests/data/bare_forms.py --check 2>&1); then
		fail "self-test: a missing bare form not caught"
	elif printf '%s\n' "$out" | grep 'dinh icloud' >/dev/null; then ok
	else fail "self-test: bare forms" "$(indent "$out")"; fi
	# Turkish: a dotless i is typed as i ("çalıntı", "calinti"), but a word
	# whose only such letter is ı needs no row (the matcher reads ı as i)
	for f in phrases negation-cues completion-cues context-cues; do
		grep -v '^calinti	' "data/$f.tsv" >"$T/bare/data/$f.tsv"
	done
	printf 'kay\304\261pl\304\261k\ttr\ttheft\t1\tnegation\t\thttps://a.example/\t2026-11-28\treported\n' \
	    >>"$T/bare/data/phrases.tsv"
	out=$(cd "$T/bare" && python3 tests/data/bare_forms.py --check 2>&1)
	if printf '%s\n' "$out" | grep -e '-> calinti$' >/dev/null &&
	    ! printf '%s\n' "$out" | grep 'kayiplik' >/dev/null; then ok
	else fail "self-test: Turkish bare forms" "$(indent "$out")"; fi
else
	echo "SKIP bare forms: python3 is not installed, or another data folder"
fi

# Invalid UTF-8.
printf 'id\tsource\nx\377\thttps://a.example/\n' >"$T/crlf/other.tsv"
if command -v iconv >/dev/null 2>&1; then
	if out=$(check_tsv "$T/crlf/other.tsv" ""); then
		fail "self-test: invalid UTF-8 not caught"
	else ok; fi
fi

finish
