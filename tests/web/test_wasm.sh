#!/bin/sh
# SPDX-License-Identifier: MIT
# test_wasm.sh BIN: the core compiled for the page (make web) makes no
# system call.  Two ways: the WebAssembly module imports nothing but the
# three stubs libc's stdio links in (and the page counts that they are
# never called); every symbol a core object leaves undefined is the
# core's own or on the same allow-list as the native boundary test
# (memory, strings, snprintf).  A planted clock call must be caught.
# Without the wasm toolchain (make web) it says SKIP.
BIN=$1
. tests/lib.sh
B=${BIN%/*}
WASM=$B/handover.wasm
PY=/usr/bin/python3
NM=
for n in llvm-nm llvm-nm-14; do
	command -v "$n" > /dev/null 2>&1 && { NM=$n; break; }
done
if [ ! -f "$WASM" ]; then
	echo "SKIP wasm checks: no $WASM (make web needs clang lld wasi-libc" \
	    "libclang-rt-14-dev-wasm32)"
	finish
	exit $?
fi

# What the module may import, each for a stated reason: wasi-libc's
# vsnprintf links its stdio, which names these; nothing calls them.
ALLOW_IMPORTS='wasi_snapshot_preview1.fd_write
wasi_snapshot_preview1.fd_seek
wasi_snapshot_preview1.fd_close'

# imports FILE: "module.name" for every import of a WebAssembly module.
imports() {
	"$PY" - "$1" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
assert b[:4] == b"\0asm", "not a WebAssembly module"
def leb(i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
def name(i):
    n, i = leb(i)
    return b[i:i + n].decode(), i + n
i = 8
while i < len(b):
    sid = b[i]; size, i = leb(i + 1); end = i + size
    if sid == 2:
        count, i = leb(i)
        for _ in range(count):
            mod, i = name(i); nm, i = name(i); kind = b[i]; i += 1
            if kind == 0: _, i = leb(i)
            elif kind == 1: i += 1; fl, i = leb(i); _, i = leb(i); i = leb(i)[1] if fl & 1 else i
            elif kind == 2: fl, i = leb(i); _, i = leb(i); i = leb(i)[1] if fl & 1 else i
            elif kind == 3: i += 2
            print(mod + "." + nm)
    i = end
PY
}

if ! [ -x "$PY" ]; then
	echo "SKIP wasm imports: no $PY"
else
	imports "$WASM" > "$SCRATCH/imports" 2> "$SCRATCH/imports.err"
	if [ -s "$SCRATCH/imports.err" ]; then
		fail "cannot read the imports of $WASM" "$(cat "$SCRATCH/imports.err")"
	else
		bad=$(printf '%s\n' "$ALLOW_IMPORTS" | grep -vxF -f - "$SCRATCH/imports")
		if [ -z "$bad" ]; then ok; else
			fail "the page's core imports what it must not (a system call crept in)" "$bad"
		fi
	fi
	# the check's own negative test: a module that imports the clock
	printf '\0asm\1\0\0\0\1\4\1\140\0\0\2\43\1\26wasi_snapshot_preview1\10clock_ms\0\0' \
	    > "$SCRATCH/planted.wasm"
	case $(imports "$SCRATCH/planted.wasm" 2>&1) in
	*wasi_snapshot_preview1.clock_ms*) ok ;;
	*) fail "the import check misses a planted import" ;;
	esac
fi

# The core objects' undefined symbols, as the native boundary test checks.
ALLOW='malloc calloc realloc free posix_memalign memcpy memmove memset memcmp bcmp
memchr strlen strnlen strcpy strncpy strcat strcmp strncmp strchr strrchr strstr
strcspn strspn strerror snprintf vsnprintf strtol strtoul qsort errno
__stack_pointer __indirect_function_table __memory_base __table_base'
if [ -z "$NM" ]; then
	echo "SKIP wasm symbols: llvm-nm is not installed (llvm)"
else
	CORE="check ident kb record export lib"
	objs=$(for d in $CORE; do ls "$B"/wasm/$d/*.o 2>/dev/null; done)
	for o in $objs; do "$NM" --defined-only "$o" 2>/dev/null; done | awk '{ print $NF }' |
	    sort -u > "$SCRATCH/defined"
	printf '%s\n' $ALLOW >> "$SCRATCH/defined"
	n=0
	for o in $objs; do
		n=$((n + 1))
		"$NM" -u "$o" | awk '{ print $NF }' | grep -vxF -f "$SCRATCH/defined" |
		    sed "s#^#$o: #"
	done > "$SCRATCH/bad"
	if [ "$n" -gt 20 ] && [ ! -s "$SCRATCH/bad" ]; then ok; else
		fail "core objects built for the page use what only front ends may ($n read)" \
		    "$(cat "$SCRATCH/bad")"
	fi
	# negative: a core file that reads the clock, built the same way
	printf '#include <time.h>\nlong planted(void);\nlong planted(void) { return (long)time(0); }\n' \
	    > "$SCRATCH/planted.c"
	WCC=${WASM_CC:-clang}
	RD=$("$WCC" -print-resource-dir 2>/dev/null)
	if "$WCC" --target=wasm32-wasi -nostdinc -isystem "$RD/include" \
	    -isystem /usr/include/wasm32-wasi -c -o "$SCRATCH/planted.o" "$SCRATCH/planted.c" \
	    2> /dev/null; then
		case $("$NM" -u "$SCRATCH/planted.o" | awk '{ print $NF }' |
		    grep -vxF -f "$SCRATCH/defined") in
		*time*) ok ;;
		*) fail "the symbol check misses a planted time()" ;;
		esac
	fi
fi
finish
