#!/bin/sh
# SPDX-License-Identifier: MIT
# test_tacdb.sh BIN: brand and model from the real Osmocom TAC database
# when a copy is beside the project (../shared/data/osmocom-tacdb.csv; it
# is never committed), found by --tac-db, HANDOVER_TAC_DB and the default
# place; its quirks (leading spaces, a TAC listed twice); unknown TACs.
BIN=$1
. tests/lib.sh
DB=${HANDOVER_TEST_TACDB:-../shared/data/osmocom-tacdb.csv}
if ! [ -f "$DB" ]; then
	echo "SKIP tacdb: no Osmocom TAC database at $DB"
	finish
	exit $?
fi
case $DB in /*) ;; *) DB=$(pwd)/$DB ;; esac
model() {	# model IMEI [options]: brand and model from --json
	imei=$1
	shift
	"$BIN" imei --json "$@" "$imei" | sed -n 's/.*"brand":\([^,]*\),"model":\([^,]*\),.*/\1 \2/p'
}
expect() {	# expect WHAT GOT WANT
	if [ "$2" = "$3" ]; then ok; else fail "$1: got '$2', want '$3'"; fi
}
expect "--tac-db" "$(model 356759040000003 --tac-db "$DB")" '"Oppo" "N1"'
expect "a TAC with a leading space, listed again without" "$(model 355723020000000 --tac-db "$DB")" "\"Nokia\" \"3120 classic\""
expect "a TAC listed twice" "$(model 332056001234567 --tac-db "$DB")" '"Sagem" "DMC 830 / M314-B0"'
expect "an unknown TAC is unknown" "$(model 860123450000005 --tac-db "$DB")" 'null null'
expect "HANDOVER_TAC_DB" "$(HANDOVER_TAC_DB=$DB model 356759040000003)" '"Oppo" "N1"'
mkdir -p "$XDG_DATA_HOME/handover"
cp "$DB" "$XDG_DATA_HOME/handover/tacdb.csv"
expect "the default place" "$(model 356759040000003)" '"Oppo" "N1"'
rm "$XDG_DATA_HOME/handover/tacdb.csv"
expect "without a database" "$(model 356759040000003)" 'null null'
finish
