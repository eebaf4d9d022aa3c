#!/bin/sh
# SPDX-License-Identifier: MIT
# test_install.sh BIN: 'make install' honours DESTDIR and PREFIX, installs
# the program and the manual, and 'make uninstall' removes them.
BIN=$1
. tests/lib.sh
B=$(dirname "$BIN")
if ! command -v make > /dev/null 2>&1; then
	echo "SKIP install: make is not here"
	finish
	exit $?
fi
D=$SCRATCH/dest
make -s B="$B" DESTDIR="$D" PREFIX=/opt/ho install > "$SCRATCH/log" 2>&1
if [ -x "$D/opt/ho/bin/handover" ] && [ -f "$D/opt/ho/share/man/man1/handover.1" ]; then ok; else
	fail "make install DESTDIR PREFIX" "$(cat "$SCRATCH/log")" "$(find "$D" | head)"
fi
if "$D/opt/ho/bin/handover" --version | grep -q '^handover '; then ok; else fail "the installed program runs"; fi
make -s B="$B" DESTDIR="$D" PREFIX=/opt/ho uninstall > "$SCRATCH/log" 2>&1
if [ -z "$(find "$D" -type f)" ]; then ok; else fail "make uninstall leaves files" "$(find "$D" -type f)"; fi
finish
