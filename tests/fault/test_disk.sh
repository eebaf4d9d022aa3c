#!/bin/sh
# SPDX-License-Identifier: MIT
# test_disk.sh BIN: the disk and the records folder going wrong, with a
# message that says what to do and the saved check as it was:
#   - output to a full device (/dev/full): every command exits 3, saying so;
#   - a file-size limit (ulimit -f, RLIMIT_FSIZE): check exits 3 saying the
#     disk is full, the record as it was before, no temporary file left;
#   - a full small file system (tmpfs of 64 KiB, when this runs as root and
#     may mount in its own namespace): the same;
#   - a read-only records folder (chmod 500; as root, a read-only mount);
#   - a file system that ignores chmod (an SD card's FAT): simulated with
#     the fault build's HANDOVER_FAULT=nochmod (see tests/fault/fault.c);
#   - strays in the folder: a half-written temporary file is not a record.
BIN=$1
. tests/lib.sh
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
H=$SCRATCH/h
mkdir -p "$H"
ANS=$H/base.answers
sed "s#= tests/#= $(pwd)/tests/#" tests/check/base.answers > "$ANS"
msg() {		# msg NAME TEXT: stderr ($H/err) holds TEXT
	if grep -qF -- "$2" "$H/err"; then ok; else fail "$1: no '$2'" "$(tail -n 4 "$H/err")"; fi
}
status() {	# status NAME GOT WANT
	if [ "$2" -eq "$3" ]; then ok; else fail "$1: exit $2, want $3" "$(tail -n 4 "$H/err")"; fi
}

"$BIN" check --answers "$ANS" > /dev/null 2>&1
ID=$(basename "$(ls "$XDG_DATA_HOME"/handover/*.record)" .record)
REC=$XDG_DATA_HOME/handover/$ID.record

# 1. Output to a full device.
if [ -w /dev/full ]; then
	for c in "imei 354178036859789" "info IN" "info --json" "list" "show $ID" "verify $REC" \
	    "export --html $ID" "export --text $ID" "export --json $ID" "check --steps" \
	    "scan -q tests/cli/fixtures/scan_listings.csv" "apps tests/cli/cases/apps_payjoy.stdin" \
	    "--help" "imei --help"; do
		# shellcheck disable=SC2086
		"$BIN" $c > /dev/full 2> "$H/err"
		status "$c > /dev/full" $? 3
		msg "$c > /dev/full" "No space left on device"
	done
else
	echo "SKIP /dev/full: not here"
fi

# 2. A file-size limit while a check is saved: it stops with a message,
# and the record is whole (the previous save), no temporary file left.
mkdir -p "$H/lim"
(
	ulimit -f 2 2>/dev/null || exit 9	# 2 blocks (1 or 2 KiB): too small for a record
	XDG_DATA_HOME=$H/lim "$BIN" check --answers "$ANS" > "$H/out" 2> "$H/err"
)
st=$?
if [ "$st" -eq 9 ]; then
	echo "SKIP ulimit -f: not allowed here"
else
	status "check under ulimit -f" "$st" 3
	msg "check under ulimit -f: says why and what to do" "the disk is full"
	for r in "$H"/lim/handover/*.record; do
		[ -e "$r" ] || continue
		if "$BIN" verify "$r" > /dev/null 2>&1; then ok; else fail "check under ulimit -f: the record was left broken"; fi
	done
	if ls -a "$H/lim/handover" | grep -q '\.tmp-'; then fail "check under ulimit -f: a temporary file was left"; else ok; fi
fi

# 3. A real full file system: a 64 KiB tmpfs in a private mount namespace.
if [ "$(id -u)" = 0 ] && command -v unshare > /dev/null 2>&1 &&
    unshare -m sh -c "mount -t tmpfs -o size=64k tmpfs '$H' 2>/dev/null" 2>/dev/null; then
	unshare -m sh -c "
		mkdir -p '$H/small' && mount -t tmpfs -o size=64k tmpfs '$H/small' || exit 9
		XDG_DATA_HOME='$H/small' '$BIN' check --answers '$ANS' > /dev/null 2>&1 || exit 8
		head -c 60000 /dev/zero > '$H/small/fill' 2>/dev/null
		printf 'seller.name = A much longer name that needs more room than there is now\n' > '$H/more'
		cp '$H/small/handover/'*.record '$H/before.record'
		echo quit | XDG_DATA_HOME='$H/small' '$BIN' check --resume \$(basename '$H/small/handover/'*.record .record) > /dev/null 2>&1
		XDG_DATA_HOME='$H/small' '$BIN' check --answers '$ANS' > '$H/out' 2> '$H/err'
		echo \$? > '$H/st'
		for r in '$H/small/handover/'*.record; do '$BIN' verify \"\$r\" > /dev/null 2>&1 || echo broken; done > '$H/broken'
		ls -a '$H/small/handover' | grep -c '\.tmp-' > '$H/tmps'
	"
	if [ -f "$H/st" ]; then
		status "check on a full file system" "$(cat "$H/st")" 3
		msg "check on a full file system: says so" "No space left on device"
		msg "check on a full file system: what to do" "make room"
		if [ -s "$H/broken" ]; then fail "full file system: a record was left broken"; else ok; fi
		if [ "$(cat "$H/tmps")" = 0 ]; then ok; else fail "full file system: a temporary file was left"; fi
	else
		echo "SKIP small tmpfs: the mount failed"
	fi
else
	echo "SKIP small tmpfs: needs root and a private mount namespace"
fi

# 4. A read-only records folder.
mkdir -p "$H/ro/handover"
cp "$REC" "$H/ro/handover/"
chmod 700 "$H/ro/handover"
if [ "$(id -u)" = 0 ]; then
	if command -v unshare > /dev/null 2>&1 &&
	    unshare -m sh -c "mount --bind '$H/ro/handover' '$H/ro/handover' && mount -o remount,bind,ro '$H/ro/handover' &&
		echo quit | XDG_DATA_HOME='$H/ro' '$BIN' check > '$H/out' 2> '$H/err'; echo \$? > '$H/ro.st';
		XDG_DATA_HOME='$H/ro' '$BIN' list > '$H/list' 2>&1; echo \$? > '$H/ro.list'" 2>/dev/null; then
		:
	else
		echo "SKIP read-only folder: no private mount namespace"
	fi
else
	chmod 500 "$H/ro/handover"
	echo quit | XDG_DATA_HOME=$H/ro "$BIN" check > "$H/out" 2> "$H/err"
	echo $? > "$H/ro.st"
	XDG_DATA_HOME=$H/ro "$BIN" list > "$H/list" 2>&1
	echo $? > "$H/ro.list"
	chmod 700 "$H/ro/handover"
fi
if [ -f "$H/ro.st" ]; then
	status "check in a read-only folder" "$(cat "$H/ro.st")" 3
	msg "check in a read-only folder: what to do" "make it writable, or set XDG_DATA_HOME"
	status "list in a read-only folder still works" "$(cat "$H/ro.list")" 0
fi

# 5. A file system that ignores chmod: no claim that the folder is now
# private when it is not (simulated: the fault build, HANDOVER_FAULT=nochmod).
FBIN=$(pwd)/build/fault/handover
if [ -x "$FBIN" ] && HANDOVER_FAULT_LOG=$H/probe "$FBIN" imei 354178036859789 > /dev/null 2>&1 && [ -s "$H/probe" ]; then
	mkdir -p "$H/fat/handover"
	chmod 777 "$H/fat/handover"
	ASAN_OPTIONS=detect_leaks=0 XDG_DATA_HOME=$H/fat HANDOVER_FAULT=nochmod \
	    "$FBIN" check --answers "$ANS" > "$H/out" 2> "$H/err"
	if grep -q "it is now private" "$H/err"; then
		fail "chmod ignored: check says the folder is now private" "$(cat "$H/err")"
	else ok; fi
	case $(ls -ld "$H/fat/handover" | cut -c1-10) in
	drwxrwxrwx) ok ;;
	*) fail "nochmod did not simulate a file system that ignores chmod" ;;
	esac
else
	echo "SKIP chmod ignored: needs the fault build ('make fault-build')"
fi

# 6. Strays: a temporary file a crash left is not a record.
printf 'handover-record 1\nid: half' > "$XDG_DATA_HOME/handover/.$ID.tmp-Ab12Cd"
"$BIN" list > "$H/out" 2> "$H/err"
status "list with a half-written temporary file" $? 0
if grep -q "tmp-" "$H/out" "$H/err"; then fail "list shows the temporary file"; else ok; fi
"$BIN" show "$ID" > /dev/null 2> "$H/err"
status "show with a half-written temporary file beside the record" $? 0
finish
