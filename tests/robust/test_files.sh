#!/bin/sh
# SPDX-License-Identifier: MIT
# test_files.sh BIN: every file a user names is checked for what it is
# before it is read.  A symbolic link to /dev/zero, a FIFO, a link to a
# file outside the folder, a folder or a device where a record, an
# attachment, a photo, an answers file, a data table or a TAC database
# should be: a clear message and a documented status, never a hang
# (each run has 10 s) and never a size or hash of a file elsewhere.
# Also: a relative XDG_DATA_HOME is ignored for the TAC database too, and
# strays in the records folder say what to do.
BIN=$1
. tests/lib.sh
H=$SCRATCH/h
mkdir -p "$H"

# run, has and hasnt are tests/lib.sh's (over $H/out).
has_re() {	# has_re NAME ERE: $H/out matches the extended regular expression
	if grep -qE -- "$2" "$H/out"; then ok; else
		fail "$1: nothing matches '$2' in the output" "$(head -c 800 "$H/out")"
	fi
}
seal() {	# seal BODY OUT
	cp "$1" "$2"
	printf 'sha256: %s\n' "$(sha256sum < "$1" | cut -c1-64)" >> "$2"
}

# A claim folder as a dispute may bring it: a record naming two
# attachments, and in their place whatever the sender chose.
E=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
mkdir -p "$H/claim"
printf 'handover-record 1\nid: 2026-01-01-CLAIM1\nstate: sealed\nattachment: %s 7 invoice.jpg\nattachment: %s 0 photo.jpg\n' "$E" "$E" > "$H/body"
seal "$H/body" "$H/claim/claim.record"
echo secret > "$H/secret.txt"			# 7 bytes, outside the folder

ln -s /dev/zero "$H/claim/invoice.jpg"
run "verify: attachment is a link to /dev/zero" 1 "$BIN" verify "$H/claim/claim.record"
has "verify: a link is named" "attachment 'invoice.jpg': not a file"
has "verify: a link is said to be not followed" "symbolic link"
rm "$H/claim/invoice.jpg"

mkfifo "$H/claim/photo.jpg"
run "verify: attachment is a FIFO" 1 "$BIN" verify "$H/claim/claim.record"
has "verify: a FIFO is named" "attachment 'photo.jpg': not a file"
has "verify: a FIFO is said to be one" "named pipe (FIFO)"
rm "$H/claim/photo.jpg"

ln -s ../secret.txt "$H/claim/invoice.jpg"
run "verify: attachment is a link to a file outside" 1 "$BIN" verify "$H/claim/claim.record"
hasnt "verify: no size of a file outside the folder" "has 7 bytes"
has "verify: the link is refused" "not a file"
run "verify --json: a link out of the folder" 1 "$BIN" verify --json "$H/claim/claim.record"
has "verify --json: result not a file" '"result":"not a file"'
hasnt "verify --json: no hash of a file outside" "$(sha256sum < "$H/secret.txt" | cut -c1-64)"
rm "$H/claim/invoice.jpg"
mkdir "$H/claim/invoice.jpg"
run "verify: a folder where an attachment should be" 1 "$BIN" verify "$H/claim/claim.record"
has "verify: a folder is named" "is a folder"
rmdir "$H/claim/invoice.jpg"
cp "$H/secret.txt" "$H/claim/invoice.jpg"
: > "$H/claim/photo.jpg"
run "verify: real files are still checked" 1 "$BIN" verify "$H/claim/claim.record"
has "verify: an empty photo is ok" "attachment 'photo.jpg': ok"

# A record named on the command line that is not a file.
mkfifo "$H/fifo.record"
run "verify: the record is a FIFO" 3 "$BIN" verify "$H/fifo.record"
has "verify: the FIFO is named" "named pipe (FIFO)"
run "export: the record is a FIFO" 3 "$BIN" export --text "$H/fifo.record"
run "export: the record is a device" 3 "$BIN" export --text /dev/zero

# check: a photo, the answers file.
sed "s#^proof.files = .*fixtures.*#proof.files = /dev/zero#" tests/check/base.answers > "$H/zero.answers"
run "check: a photo that is /dev/zero" 2 "$BIN" check --answers "$H/zero.answers"
has_re "check: /dev/zero is said to be no photo" "'/dev/zero'.*(is a device|not a regular file)"
sed "s#^proof.files = .*fixtures.*#proof.files = $H/fifo.record#" tests/check/base.answers > "$H/fifo.answers"
run "check: a photo that is a FIFO" 2 "$BIN" check --answers "$H/fifo.answers"
has_re "check: the FIFO is said to be no photo" "fifo.record'.*(named pipe|not a regular file)"
run "check: the answers file is a FIFO" 3 "$BIN" check --answers "$H/fifo.record"
run "check: the answers file is a folder" 3 "$BIN" check --answers "$H"

# TAC database and data tables.
run "imei: --tac-db is a FIFO" 3 "$BIN" imei --tac-db "$H/fifo.record" 354178036859789
has "imei: the FIFO is named" "named pipe (FIFO)"
run "imei: --tac-db is /dev/zero" 3 "$BIN" imei --tac-db /dev/zero 354178036859789
run "imei: --tac-db is a folder" 3 "$BIN" imei --tac-db "$H" 354178036859789
mkdir -p "$H/data"
ln -s "$PWD/data/lenders.tsv" "$H/data/lenders.tsv"
run "info: a data table that is a link out of the data folder" 3 "$BIN" --data "$H/data" info IN
has "info: the link is named" "symbolic link"
rm "$H/data/lenders.tsv"
mkfifo "$H/data/lenders.tsv"
run "info: a data table that is a FIFO" 3 "$BIN" --data "$H/data" info IN
has "info: the FIFO is named" "named pipe (FIFO)"
rm "$H/data/lenders.tsv"

# A relative XDG_DATA_HOME is ignored (XDG): no TAC database is taken
# from the current folder.
mkdir -p "$H/cwd/rel/handover" "$HOME/.local/share"
printf 'licence\ntac,name,name,aka\n35417803,FROMCWD,Model,x\n' > "$H/cwd/rel/handover/tacdb.csv"
(cd "$H/cwd" && XDG_DATA_HOME=rel timeout 10 "$BIN" imei 354178036859789) > "$H/out" 2>&1
hasnt "imei: a relative XDG_DATA_HOME loads nothing from the current folder" FROMCWD

# apps and dups read inputs once: a FIFO is fine, a device or folder not.
run "apps: a device" 3 "$BIN" apps /dev/zero
has "apps: the device is named" "is a device"
run "dups: a folder" 3 "$BIN" dups "$H"
printf 'package:com.example\n' > "$H/pkgs"
mkfifo "$H/pipe"
(cat "$H/pkgs" > "$H/pipe" &)
run "apps: a FIFO as input (a pipe by design)" 0 "$BIN" apps "$H/pipe"
has "apps: the FIFO was read" "1 package read"

# Strays in the records folder: each says what to do.
R=$XDG_DATA_HOME/handover
mkdir -p "$R"
chmod 700 "$R"
ln -s "$H/claim/claim.record" "$R/2026-01-01-LINKED.record"
run "show: a record that is a symbolic link" 3 "$BIN" show 2026-01-01-LINKED
has "show: the link is named, with what to do" "is a symbolic link, not a record: move it out of the records folder"
run "list: a record that is a symbolic link" 3 "$BIN" list
has "list: the link is named" "2026-01-01-LINKED.record' is a symbolic link"
rm "$R/2026-01-01-LINKED.record"
# recheck writes the record it reads: never through a link out of the folder
cp tests/cli/fixtures/sample.record "$H/sealed.record"
cp "$H/sealed.record" "$H/sealed.before"
ln -s "$H/sealed.record" "$R/2026-11-23-VZR0PZ.record"
run "recheck: a record that is a symbolic link" 3 "$BIN" recheck 2026-11-23-VZR0PZ < /dev/null
has "recheck: the link is named, with what to do" "is a symbolic link, not a record: move it out of the records folder"
if cmp -s "$H/sealed.record" "$H/sealed.before" && [ -L "$R/2026-11-23-VZR0PZ.record" ]; then ok; else
	fail "recheck wrote through the link or replaced it" "$(ls -l "$R")"
fi
rm "$R/2026-11-23-VZR0PZ.record"
mkdir "$R/2026-01-01-FOLDER.record"
run "list: a folder named like a record" 3 "$BIN" list
has "list: the folder is named, with what to do" "2026-01-01-FOLDER.record' is a folder, not a record: move it out"
rmdir "$R/2026-01-01-FOLDER.record"
printf 'handover-record 2\nid: 2026-01-01-FUTURE\n' > "$H/body"
seal "$H/body" "$R/2026-01-01-FUTURE.record"
run "show: a record of a newer format" 3 "$BIN" show 2026-01-01-FUTURE
has "show: a newer format says to upgrade" "upgrade handover"
rm "$R/2026-01-01-FUTURE.record"
mkfifo "$R/2026-01-01-FIFO00.record"
run "list: a FIFO named like a record" 3 "$BIN" list
has "list: the FIFO is named" "named pipe (FIFO), not a record"
rm "$R/2026-01-01-FIFO00.record"
finish
