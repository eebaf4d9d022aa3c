# handover: build, test, install.  GNU make (Linux, macOS, Termux).
#
#   make            build build/handover
#   make run        build and start the buyer's checklist
#   make test       build and run every test; last line "N passed, N failed"
#   make sanitize   the same tests built with ASan + UBSan
#   make fuzz       libFuzzer targets (clang), FUZZ_SECONDS each
#   make bench      benchmarks against peers (needs the peers installed)
#   make install    PREFIX=/usr/local DESTDIR= BINDIR= MANDIR=
#   make DEV=1      warnings are errors (CI uses this)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
CC      ?= cc
CFLAGS  ?= -std=c11 -O3 -g
B       ?= build
FUZZ_SECONDS ?= 30
VERSION  = 0.2.0

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wwrite-strings -Wvla -Wformat=2 -Wundef \
       -Wpointer-arith -Wno-format-nonliteral
ifeq ($(DEV),1)
WARN += -Werror
endif

ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -DHANDOVER_VERSION='"$(VERSION)"' \
               -Isrc -I$(B)/gen $(CPPFLAGS)
ALL_CFLAGS   = $(CFLAGS) $(WARN) -pthread
ALL_LDFLAGS  = $(LDFLAGS) -pthread

# Every src/*/*.c but the build tools in src/gen goes into one library that
# the program, the unit tests and the fuzz targets link against; objects
# mirror the folders, and new files need no Makefile edit.
LIB_SRC   = $(filter-out src/gen/%,$(wildcard src/*/*.c))
LIB_OBJ   = $(LIB_SRC:src/%.c=$(B)/obj/%.o) $(B)/obj/data_blob.o
HEADERS   = $(wildcard src/*/*.h)
DATA      = $(sort $(wildcard data/*.tsv data/*.txt))
UNIT_SRC  = $(wildcard tests/unit/test_*.c)
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
FUZZ_SRC  = $(wildcard tests/fuzz/fuzz_*.c)

.PHONY: all run test sanitize fuzz fuzz-build bench install uninstall clean regen
.SUFFIXES:

all: $(B)/handover

# Builds quietly (errors still show), then starts the checklist.  A
# verdict (4 CAUTION, 5 STOP) or a check saved for later (6) is not a build
# failure; usage and I/O errors (2, 3) are.
run:
	@echo "building handover..."
	@$(MAKE) -s $(B)/handover > /dev/null
	@./$(B)/handover check || [ $$? -ge 4 ]

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
	./$(B)/embed $@ $(DATA)

$(B)/obj/data_blob.o: $(B)/gen/data_blob.c
	$(CC) $(ALL_CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/obj:
	mkdir -p $(B)/obj $(B)/gen $(B)/tests

$(B)/tests/%: tests/unit/%.c tests/unit/harness.h $(B)/libhandover.a
	$(CC) $(ALL_CPPFLAGS) -Itests/unit $(ALL_CFLAGS) -o $@ $< $(B)/libhandover.a $(ALL_LDFLAGS)

test: $(B)/handover $(UNIT_BIN)
	@sh tests/run.sh $(B)

sanitize:
	$(MAKE) B=build/san CC=$(CC) \
	  CFLAGS="-std=c11 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" test

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
