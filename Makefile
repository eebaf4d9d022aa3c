# handover: build, test, install.  GNU make (Linux, macOS, Termux).
#
#   make            build build/handover
#   make run        build and start the buyer's checklist
#   make test       build and run every test; last line "N passed, N failed"
#   make sanitize   the same tests built with ASan + UBSan (SAN_B=build/san;
#                   CC=clang SAN_B=build/san-clang for clang's checks)
#   make test32     the same tests on a 32-bit build (gcc -m32; Debian's
#                   gcc-multilib), the stand-in for 32-bit ARM phones
#   make fuzz       libFuzzer targets (clang), FUZZ_SECONDS each
#   make fuzz-long  the same for FUZZ_LONG_SECONDS of CPU each, corpora merged back
#   make fault      every command with each allocation, write and file step
#                   made to fail in turn (ASan, GNU ld; tests/fault)
#   make bench      benchmarks against peers (needs the peers installed)
#   make install    PREFIX=/usr/local DESTDIR= BINDIR= MANDIR=
#   make web        build/handover.html: the page, the core in WebAssembly
#                   (needs clang, lld and wasi-libc; see docs/web.md)
#   make DEV=1      warnings are errors (CI uses this)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
CC      ?= cc
CFLAGS  ?= -std=c11 -O3 -g
B       ?= build
FUZZ_SECONDS ?= 30
SAN_B   ?= build/san
VERSION  = 0.2.0

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wwrite-strings -Wvla -Wformat=2 -Wundef \
       -Wpointer-arith -Wno-format-nonliteral
ifeq ($(DEV),1)
WARN += -Werror
endif

ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_FILE_OFFSET_BITS=64 -D_TIME_BITS=64 -DHANDOVER_VERSION='"$(VERSION)"' \
               -Isrc -I$(B)/gen $(CPPFLAGS)
ALL_CFLAGS   = $(CFLAGS) $(WARN) -pthread
ALL_LDFLAGS  = $(LDFLAGS) -pthread

# Every src/*/*.c but the build tools in src/gen goes into one library that
# the program, the unit tests and the fuzz targets link against; objects
# mirror the folders, and new files need no Makefile edit.
LIB_SRC   = $(filter-out src/gen/% src/web/gen_page.c,$(wildcard src/*/*.c))
LIB_OBJ   = $(LIB_SRC:src/%.c=$(B)/obj/%.o) $(B)/obj/data_blob.o
HEADERS   = $(wildcard src/*/*.h)
DATA      = $(sort $(wildcard data/*.tsv data/*.txt))
UNIT_SRC  = $(wildcard tests/unit/test_*.c)
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
FUZZ_SRC  = $(wildcard tests/fuzz/fuzz_*.c)

.PHONY: all run test test32 sanitize fuzz fuzz-build fuzz-long fault fault-build bench install \
	uninstall clean regen web web-maybe
.SUFFIXES:

all: $(B)/handover

# Builds quietly (errors still show), then starts the checklist.  A
# verdict (4 CAUTION, 5 STOP) or a check saved for later (6) is not a build
# failure; usage and I/O errors (2, 3) are.
run:
	@echo "building handover..."
	@$(MAKE) -s $(B)/handover > /dev/null
	@$(B)/handover check || [ $$? -ge 4 ]

$(B)/handover: src/main.c $(B)/libhandover.a
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ src/main.c $(B)/libhandover.a $(ALL_LDFLAGS)

$(B)/libhandover.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(B)/obj/%.o: src/%.c $(HEADERS) | $(B)/obj
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# data/ is embedded by a generator of our own (src/gen/embed.c).
$(B)/embed: src/gen/embed.c | $(B)/obj
	$(HOST_CC) -std=c11 -O1 -D_POSIX_C_SOURCE=200809L -o $@ src/gen/embed.c
HOST_CC ?= $(CC)

$(B)/gen/data_blob.c: $(B)/embed $(DATA) | $(B)/obj
	$(B)/embed $@ $(DATA)

$(B)/obj/data_blob.o: $(B)/gen/data_blob.c
	$(CC) $(ALL_CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/obj:
	mkdir -p $(B)/obj $(B)/gen $(B)/tests

# ---------------------------------------------------------------- the page
# build/handover.html: one file, the page and the core compiled to
# WebAssembly with clang, wasm-ld and wasi-libc (Debian: clang lld
# wasi-libc libclang-rt-14-dev-wasm32; binaryen's wasm-opt makes it
# smaller when it is there).  Only the core and src/web/api.c: no
# threads, no files, no terminal.
WASM_CC    ?= clang
WASM_OPT   ?= wasm-opt
WASM_INC   ?= /usr/include/wasm32-wasi
WASM_CFLAGS ?= -Oz
WASM_FLAGS  = --target=wasm32-wasi -nostdinc -isystem $(shell $(WASM_CC) -print-resource-dir 2>/dev/null)/include \
              -isystem $(WASM_INC) -std=c11 $(WASM_CFLAGS)
WASM_HINT   = make web needs clang, wasm-ld and wasi-libc for wasm32: on Debian \
              apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32 (and binaryen, optional)
WEB_SRC     = $(filter-out src/kb/blob.c,$(wildcard src/check/*.c src/ident/*.c src/kb/*.c \
              src/record/*.c src/export/*.c src/lib/*.c)) $(filter-out src/web/gen_page.c,$(wildcard src/web/*.c))
WEB_OBJ     = $(WEB_SRC:src/%.c=$(B)/wasm/%.o)
WEB_PAGE    = src/web/page.html $(wildcard src/web/*.js src/web/app/*.js src/web/*.css)
# The data the page carries as text and hands to the core: the words of
# every language and the tables the checklist, the bill of sale and the
# country information read, less what the page never shows: the facts'
# source and checked columns, the scanner's cues of phrases.tsv, and of
# lock-apps.tsv (for 'handover apps') all but its header.
WEB_TABLES  = brands countries country-languages imei-placeholders lenders lock-systems \
              phrases registry-replies reporting-bodies tac
# WEB_LANGS picks the languages (English is always there): each adds
# about 14 KB gzipped, e.g. make web WEB_LANGS="hi bn" for a page for India.
WEB_LANGS  ?= $(patsubst data/words-%.tsv,%,$(wildcard data/words-*.tsv))
WEB_DATA    = -b source -b checked -b cues -b form_of $(WEB_TABLES:%=data/%.tsv) \
              $(sort $(filter-out data/words-en.tsv,$(WEB_LANGS:%=data/words-%.tsv)) data/words-en.tsv) \
              -e data/lock-apps.tsv

web: $(B)/handover.html

# make test builds the page when it can (tests/web says SKIP otherwise),
# and a copy with a test-only language in it.
web-maybe:
	@if $(MAKE) -s $(B)/wasm/toolchain.ok > /dev/null 2>&1; then \
	    $(MAKE) -s $(B)/handover.html $(B)/web-test/handover.html; fi

$(B)/web-test/handover.html: $(B)/gen_page $(B)/handover.wasm $(WEB_PAGE) $(filter data/%,$(WEB_DATA)) \
    tests/web/words-ar.tsv
	@mkdir -p $(@D)
	$(B)/gen_page src/web/page.html $(B)/handover.wasm $@ $(WEB_DATA) tests/web/words-ar.tsv

$(B)/wasm/toolchain.ok: | $(B)/obj
	@mkdir -p $(B)/wasm
	@printf '#include <string.h>\n__attribute__((export_name("f"))) size_t f(const char *s);\nsize_t f(const char *s) { return strlen(s); }\n' > $(B)/wasm/probe.c
	@if $(WASM_CC) $(WASM_FLAGS) -mexec-model=reactor -o $(B)/wasm/probe.wasm $(B)/wasm/probe.c \
	    > $(B)/wasm/probe.log 2>&1; then touch $@; else \
	    sed -n 1,3p $(B)/wasm/probe.log >&2; echo "handover: $(WASM_HINT)" >&2; exit 1; fi

$(B)/wasm/%.o: src/%.c $(HEADERS) $(B)/wasm/toolchain.ok
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_FLAGS) $(ALL_CPPFLAGS) $(WARN) -c -o $@ $<

$(B)/handover.wasm: $(WEB_OBJ)
	$(WASM_CC) --target=wasm32-wasi -mexec-model=reactor -Wl,--gc-sections -Wl,--strip-all \
	    -o $@.tmp $(WEB_OBJ)
	@if command -v $(WASM_OPT) > /dev/null 2>&1; then \
	    $(WASM_OPT) -Oz --strip-debug --strip-producers $@.tmp -o $@ && rm -f $@.tmp; \
	else mv $@.tmp $@; fi

$(B)/gen_page: src/web/gen_page.c src/lib/sha256.c src/lib/sha256.h | $(B)/obj
	$(HOST_CC) -std=c11 -O1 -D_POSIX_C_SOURCE=200809L -Isrc -o $@ src/web/gen_page.c src/lib/sha256.c

$(B)/handover.html: $(B)/gen_page $(B)/handover.wasm $(WEB_PAGE) $(filter data/%,$(WEB_DATA))
	$(B)/gen_page src/web/page.html $(B)/handover.wasm $@ $(WEB_DATA)

$(B)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(B)/libhandover.a
	$(CC) $(ALL_CPPFLAGS) -Itests/unit $(ALL_CFLAGS) -o $@ $< $(B)/libhandover.a $(ALL_LDFLAGS)

test: $(B)/handover $(UNIT_BIN) web-maybe
	@sh tests/run.sh $(B)

sanitize:
	$(MAKE) B=$(SAN_B) CC=$(CC) \
	  CFLAGS="-std=c11 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" test

# Every target a buyer has: the whole suite built for 32 bits (old phones
# under Termux are 32-bit ARM), in build/m32.
test32:
	$(MAKE) B=build/m32 CC="$(CC) -m32" test

# libFuzzer: clang with Debian's libclang-rt-14-dev.
FUZZ_CC ?= clang
FUZZ_B   = build/fuzz
fuzz-build:
	$(MAKE) B=$(FUZZ_B) CC=$(FUZZ_CC) \
	  CFLAGS="-std=c11 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
	  $(FUZZ_B)/libhandover.a
	@for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	  echo "  fuzz $$n"; \
	  $(FUZZ_CC) $(ALL_CPPFLAGS) -I$(FUZZ_B)/gen -std=c11 -O1 -g \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -o $(FUZZ_B)/$$n $$f \
	    $(FUZZ_B)/libhandover.a -pthread || exit 1; done

fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_B) $(FUZZ_SECONDS)

# Hours, not seconds: every target (or FUZZ_TARGETS="record csv") until it
# has used FUZZ_LONG_SECONDS of CPU time, at nice 19; corpora minimised and
# merged back (named inputs kept); CPU seconds in build/fuzz/long.log.
FUZZ_LONG_SECONDS ?= 1800
fuzz-long: fuzz-build
	@sh tests/fuzz/long.sh $(FUZZ_B) $(FUZZ_LONG_SECONDS) $(FUZZ_TARGETS)

# Fault injection: handover with ASan + UBSan and its allocations, writes
# and file-system steps routed through tests/fault/fault.c (-Wl,--wrap,
# GNU ld), then every command's main paths run with each of them failing
# in turn.  FAULT_STRIDE=K tries every Kth fault point only (quick runs).
FAULT_B    = build/fault
FAULT_WRAP = malloc calloc realloc strdup posix_memalign write fsync rename mkstemp \
	     mkdir unlink fchmod chmod
fault-build:
	$(MAKE) B=$(FAULT_B) \
	  CFLAGS="-std=c11 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  $(FAULT_B)/libhandover.a
	$(CC) $(ALL_CPPFLAGS) -I$(FAULT_B)/gen -std=c11 -O1 -g -fsanitize=address,undefined \
	  -fno-sanitize-recover=all -fno-omit-frame-pointer -o $(FAULT_B)/handover src/main.c \
	  tests/fault/fault.c $(FAULT_B)/libhandover.a -pthread \
	  $(foreach f,$(FAULT_WRAP),-Wl,--wrap=$(f))

fault: fault-build $(B)/handover
	@sh tests/fault/test_faults.sh $(FAULT_B)/handover
	@sh tests/fault/test_disk.sh $(B)/handover

bench: $(B)/handover
	@for s in tests/bench/bench_*.sh; do sh $$s $(B)/handover || exit 1; done

install: $(B)/handover
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	cp $(B)/handover $(DESTDIR)$(BINDIR)/handover
	chmod 755 $(DESTDIR)$(BINDIR)/handover
	cp docs/handover.1 $(DESTDIR)$(MANDIR)/man1/handover.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/handover.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/handover $(DESTDIR)$(MANDIR)/man1/handover.1

# Rewrites the golden files from the current binary: review the diff.
# Never run in CI.
regen: $(B)/handover
	@sh tests/cli/run.sh $(B)/handover --regen

clean:
	rm -rf build
