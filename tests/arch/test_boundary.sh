#!/bin/sh
# SPDX-License-Identifier: MIT
# test_boundary.sh BIN: the one rule of the architecture (docs/architecture.md).
# Only the front ends (src/cmd, src/cli, src/web, src/main.c) print, read a
# terminal, touch files, the clock or randomness, or choose an exit status;
# the core (every other folder under src/) gets those from its caller.
# Checked three ways, each naming the file and line that breaks it:
#   - a core file includes no front-end header and no system header of I/O,
#     time, signals or processes;
#   - every symbol a core object file leaves undefined is defined by the
#     core itself or is on the allow-list below (memory, strings, snprintf);
#   - a planted offender is caught (the check's own negative test).
BIN=$1
. tests/lib.sh
OBJ=${BIN%/*}/obj
# The core: every folder of src/ but the front ends and the build tools.
CORE=$(cd src && for d in */; do case ${d%/} in cmd|cli|web|gen) ;; *) echo "${d%/}" ;; esac; done)

# What the core may take from libc and the compiler's runtime.
# (clang turns memcmp into bcmp where only equality matters.)
ALLOW='malloc calloc realloc free posix_memalign memcpy memmove memset memcmp bcmp
memchr strlen strnlen strcpy strncpy strcat strcmp strncmp strchr strrchr strstr
strcspn strspn
strerror snprintf vsnprintf strtol strtoul qsort
__errno_location __error errno __stack_chk_fail __stack_chk_guard
_GLOBAL_OFFSET_TABLE_ __memcpy_chk __memmove_chk __memset_chk __snprintf_chk
__vsnprintf_chk __strcpy_chk __strcat_chk
__divdi3 __moddi3 __udivdi3 __umoddi3 __divmoddi4 __udivmoddi4'
# (the last line: 64-bit division on a 32-bit target, the compiler's runtime)
# ... and a few files more, each for a stated reason.
allow_more() {
	case $1 in
	scan/pipeline.o) echo 'pthread_create pthread_join pthread_mutex_init
		pthread_mutex_destroy pthread_mutex_lock pthread_mutex_unlock
		pthread_cond_init pthread_cond_destroy pthread_cond_wait
		pthread_cond_broadcast pthread_cond_signal' ;;	# threads, no I/O
	lib/slots.o) echo madvise ;;	# a memory hint
	esac
}

# bad_includes FILE...: a line per forbidden include.
bad_includes() {
	grep -nE '#[[:space:]]*include[[:space:]]*("(cli|cmd|web)/|<(unistd|fcntl|time|signal|termios|dirent|sys/stat|sys/ioctl|sys/wait|poll|sys/select|spawn)\.h>)' "$@" /dev/null
}

# bad_symbols OBJECT SOURCE NAME DEFINED: a line per symbol OBJECT needs
# that neither the core (DEFINED, a file of names) nor the allow-lists give.
bad_symbols() {
	nm -u "$1" | awk '{ print $NF }' | sed 's/@.*//' | while read -r sym; do
		case $sym in __asan*|__ubsan*|__sanitizer*|__sancov*|__lsan*|__tsan*|__msan*) continue ;; esac
		# the compiler's own helpers for 64-bit arithmetic on 32-bit targets
		case $sym in __[a-z]*di[23]|__x86.get_pc_thunk.*|__stack_chk_fail_local) continue ;; esac
		if grep -qx "$sym" "$4"; then continue; fi
		if printf '%s\n' $ALLOW $(allow_more "$3") | grep -qx "$sym"; then continue; fi
		where=$(grep -nE "(^|[^a-zA-Z0-9_])$sym[[:space:]]*\\(" "$2" | head -n 1 | cut -d: -f1)
		echo "$2:${where:-?}: calls '$sym', which the core must not (front ends only, or add it to the allow-list with a reason)"
	done
}

# The core's includes.
files=$(for d in $CORE; do ls src/$d/*.c src/$d/*.h 2>/dev/null; done)
out=$(bad_includes $files)
if [ -z "$out" ]; then ok; else fail "core files include front-end or system I/O headers" "$out"; fi

# The core's symbols.
if ! command -v nm >/dev/null 2>&1; then
	echo "SKIP symbols: nm is not installed (binutils)"
elif [ ! -d "$OBJ" ]; then
	fail "no object files in $OBJ: build first"
else
	: > "$SCRATCH/defined"
	for d in $CORE; do
		for o in "$OBJ"/$d/*.o; do nm --defined-only "$o" | awk '{ print $NF }'; done
	done | sed 's/@.*//' | sort -u > "$SCRATCH/defined"
	nm --defined-only "$OBJ/data_blob.o" | awk '{ print $NF }' >> "$SCRATCH/defined"
	n=0
	for d in $CORE; do
		for o in "$OBJ"/$d/*.o; do
			[ -f "$o" ] || continue
			rel=${o#"$OBJ"/}
			bad_symbols "$o" "src/${rel%.o}.c" "$rel" "$SCRATCH/defined"
			n=$((n + 1))
		done
	done > "$SCRATCH/bad"
	if [ "$n" -gt 20 ] && [ ! -s "$SCRATCH/bad" ]; then ok; else
		fail "core object files use what only front ends may ($n objects read)" "$(cat "$SCRATCH/bad")"
	fi
fi

# The check catches a planted offender: a core file that prints, reads the
# clock and includes a front-end header.
mkdir -p "$SCRATCH/src/lib"
cat > "$SCRATCH/src/lib/planted.c" <<'C'
#include <stdio.h>
#include <time.h>
#include "cli/cli.h"
long planted(void);
long
planted(void)
{
	printf("%d\n", 1);
	return (long)time(NULL);
}
C
sed 's#"cli/cli.h"#<stddef.h>#' "$SCRATCH/src/lib/planted.c" > "$SCRATCH/planted.c"
out=$(bad_includes "$SCRATCH/src/lib/planted.c")
case $out in *':2:'*'time.h'*':3:'*'cli/cli.h'*) ok ;; *) fail "the include check missed a planted offender" "$out" ;; esac
if command -v nm >/dev/null 2>&1 && ${CC:-cc} -c -o "$SCRATCH/planted.o" "$SCRATCH/planted.c" 2>/dev/null; then
	: > "$SCRATCH/none"
	out=$(bad_symbols "$SCRATCH/planted.o" "$SCRATCH/src/lib/planted.c" lib/planted.o "$SCRATCH/none")
	case $out in *"planted.c:9: calls 'time'"*) ok ;; *) fail "the symbol check missed a planted time()" "$out" ;; esac
	case $out in *"planted.c:8: calls '"*) ok ;; *) fail "the symbol check missed a planted printf()" "$out" ;; esac
fi
finish
