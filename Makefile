# redline - side-by-side comparison of an official text and its rewrite.
#
#   make run      install missing packages, build, show the sample pair
#   make check    install missing packages, build, run every test suite
#   make test     the quick tier for the edit-test loop: build, unit,
#                 command-line, viewer and evaluation tests, docs, format
#   make unit T=align   one unit test (tests/unit/test_align.c)
#
# Other targets: all, install, uninstall, clean, unit, cli, ref, tui-test,
# eval, eval-check, sancheck, tsan, valgrind-check, big, fuzz, html-check,
# lint-man, layering, format, format-check, bench, bench-keys,
# bench-overview, bench-search, bench-extract PAGES=DIR.
# Variables: PREFIX, DESTDIR, CC, CFLAGS, LDFLAGS, PKG_CONFIG, SAN=1
# (ASan+UBSan build in build-san/), SAN=thread (TSan build in build-tsan/),
# WERROR=1, JOBS (suites run at once by test and check; default: the
# number of CPUs), T (the unit test for `make unit`).

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
CC ?= cc
CFLAGS ?= -O2 -g

# Project flags are appended to the user's, never replace them.
WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wformat=2 -Wundef -Wwrite-strings -Wvla \
       -Wcast-qual -Wpointer-arith -Wimplicit-fallthrough
ifeq ($(WERROR),1)
WARN += -Werror
endif

ifeq ($(SAN),1)
BUILD ?= build-san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=all
else ifeq ($(SAN),thread)
BUILD ?= build-tsan
SANFLAGS = -fsanitize=thread -fno-omit-frame-pointer
else
BUILD ?= build
SANFLAGS =
endif

# Recursive (=) so that a `make run` that installed the packages first
# sees them when the sub-make evaluates these.
UTF8PROC_CFLAGS = $(shell $(PKG_CONFIG) --cflags libutf8proc)
UTF8PROC_LIBS = $(shell $(PKG_CONFIG) --libs libutf8proc)
CURSES_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw)
# The viewer's curses is linked from the shared libraries, so that the
# system's updates of them reach the program.  CURSES_STATIC=1 links it
# from its archives where they are installed: Debian builds libncursesw
# and libtinfo with BIND_NOW, so that the loader looks up their 441
# functions at every start, a third of the start-up of an export that
# never draws (bench/README.md, thirty-third part); each curses library
# of pkg-config's static list (-lncursesw, -ltinfo) then becomes its
# libNAME.a where the compiler finds one, the rest stays; found once per
# make run.
CURSES_STATIC ?= 0
ifeq ($(CURSES_STATIC),1)
archive_of = $(or $(if $(filter -lncurses% -ltinfo%,$1),$(filter /%,$(shell \
    $(CC) -print-file-name=lib$(1:-l%=%).a))),$1)
CURSES_LIBS = $(eval CURSES_LIBS := $$(foreach l,$$(shell \
    $(PKG_CONFIG) --static --libs ncursesw),$$(call archive_of,$$l)))$(CURSES_LIBS)
else
CURSES_LIBS = $(shell $(PKG_CONFIG) --libs ncursesw)
endif
GUMBO_CFLAGS = $(shell $(PKG_CONFIG) --cflags gumbo)
GUMBO_LIBS = $(shell $(PKG_CONFIG) --libs gumbo)
# ICU is not linked either: src/core/spoof.c opens it when a text that is
# not all ASCII is compared (why: the comment there), by the soname of the
# libicui18n pkg-config names, found once per make run.
ICU_CFLAGS = $(shell $(PKG_CONFIG) --cflags icu-i18n)
ICU_SONAME = $(eval ICU_SONAME := $$(shell objdump -p \
    "$$$$($(PKG_CONFIG) --variable=libdir icu-i18n)/libicui18n.so" \
    2>/dev/null | sed -n 's/^ *SONAME *//p'))$(ICU_SONAME)
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka)
# libstemmer is linked from its archive where one is installed, into a
# program that is not position-independent (PROG_LDFLAGS), so that its
# tables of pointers need no relocating at start-up; else src/core/stem.c
# opens the shared library when the first stemmer is made (why: the
# comment there).  It is then named by the soname of the libstemmer.so the
# compiler would link (Debian's libstemmer-dev ships no .pc file), found
# once per make run.  STEMMER_STATIC=0 keeps the shared library.
STEMMER_ARCHIVE = $(eval STEMMER_ARCHIVE := $$(filter /%,$$(shell \
    $(CC) -print-file-name=libstemmer.a)))$(STEMMER_ARCHIVE)
STEMMER_STATIC ?= $(if $(STEMMER_ARCHIVE),1,0)
ifeq ($(STEMMER_STATIC),1)
STEMMER_CPPFLAGS = -DSTEMMER_STATIC
STEMMER_LIBS = $(STEMMER_ARCHIVE)
endif
STEMMER_SONAME = $(eval STEMMER_SONAME := $$(shell objdump -p \
    "$$$$($(CC) -print-file-name=libstemmer.so)" 2>/dev/null | \
    sed -n 's/^ *SONAME *//p'))$(STEMMER_SONAME)

ALL_CFLAGS = -std=c11 -pthread $(WARN) $(CFLAGS) $(SANFLAGS) -MMD -MP
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Iinclude $(UTF8PROC_CFLAGS) \
    -DSTEMMER_SONAME='"$(or $(STEMMER_SONAME),libstemmer.so)"' \
    $(STEMMER_CPPFLAGS) $(CPPFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
# The command is a position-independent program (its own code placed at
# random: it parses web pages from anywhere).  PIE=0 links it at a fixed
# address instead: a PIE's loader rewrites every pointer in its data at
# each start (8,700 here, and the archive's stemmer tables 10,800 more),
# a page fault for each page they are on, some 0.3 ms a run
# (bench/README.md, twenty-sixth part).  Sanitizer builds stay PIEs.
ifeq ($(SAN)$(PIE),0)
PROG_LDFLAGS = -no-pie
endif

CORE_SRC = $(wildcard src/core/*.c src/core/align/*.c src/core/editscript/*.c \
    src/view/*.c)
EXPORT_SRC = $(wildcard src/export/*.c)
CLI_SRC = $(wildcard src/cli/*.c) $(wildcard src/tui/*.c)
CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o)
EXPORT_OBJ = $(EXPORT_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ = $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB = $(BUILD)/libredline.a
CORE_LIBS = $(UTF8PROC_LIBS) $(GUMBO_LIBS) $(STEMMER_LIBS) -ldl -lm -pthread

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
REF_BIN = $(BUILD)/tests/diffref

ifneq ($(SAN),)
PROG = $(BUILD)/redline
else
PROG = redline
endif

JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# FORCE: prerequisite of the flags file, whose recipe always runs.
.PHONY: FORCE all run check test unit cli ref sancheck tsan valgrind-check lint-man \
        format format-check ref-san eval eval-check layering tui-test \
        bench bench-keys bench-overview bench-search bench-extract fuzz \
        big html-check \
        install uninstall clean deps deps-test tests

all: $(PROG)

$(PROG): $(CLI_OBJ) $(LIB) $(BUILD)/flags
	$(CC) $(ALL_LDFLAGS) $(PROG_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(CORE_LIBS) \
	    $(CURSES_LIBS) $(LIBS)

# Only the page reader sees the HTML parser.
$(BUILD)/src/core/webpage.o: ALL_CPPFLAGS += $(GUMBO_CFLAGS)
$(BUILD)/src/core/spoof.o: ALL_CPPFLAGS += $(ICU_CFLAGS) \
    -DICU_SONAME='"$(or $(ICU_SONAME),libicui18n.so)"'

# Only the viewer sees curses (and its feature macros).
$(BUILD)/src/tui/%.o: ALL_CPPFLAGS += $(CURSES_CFLAGS)

$(LIB): $(CORE_OBJ) $(EXPORT_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/%.o: %.c $(BUILD)/flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The build's flags, rewritten only when they change, so that what was
# built with other flags is rebuilt: an object built by `make` without
# WERROR=1 is not taken by `make test` for one built with it.  An object
# built with -Werror serves a build without it (no warning slipped
# through), so a stamp with -Werror is kept by a build that does not ask
# for it: `make check` and `make test` run sub-makes of both kinds.
FLAGS_LINE = $(subst ','\'',$(CC) $(ALL_CPPFLAGS) \
    $(filter-out -Werror,$(ALL_CFLAGS)) $(ALL_LDFLAGS))
$(BUILD)/flags: FORCE
	@mkdir -p $(@D)
	@line='$(FLAGS_LINE)'; old=$$(cat $@ 2>/dev/null); \
	    if [ "$(WERROR)" = 1 ]; then want="$$line -Werror"; \
	    elif [ "$$old" = "$$line -Werror" ]; then want=$$old; \
	    else want=$$line; fi; \
	    if [ "$$old" != "$$want" ]; then \
	        printf '%s\n' "$$want" >$@.tmp && mv $@.tmp $@; fi
FORCE:

# The word lists (data/en/*.txt) as sorted C initialisers for lexicon.c:
# comments and blank lines dropped; one {"word", value} a line.
GEN = $(BUILD)/gen
$(GEN)/frames.inc: data/en/frames.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' $< | LC_ALL=C sort -u -k1,1 | \
	    sed 's/^\([^ ]*\) \(verb\|other\|noun\)$$/{"\1", LEX_FRAME_\2},/' | \
	    sed 's/LEX_FRAME_verb/LEX_FRAME_VERB/; s/LEX_FRAME_other/LEX_FRAME_OTHER/; s/LEX_FRAME_noun/LEX_FRAME_NOUN/' >$@
$(GEN)/numbers.inc: data/en/numbers.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' $< | LC_ALL=C sort -u -k1,1 | \
	    sed 's/^\([^ ]*\) \([0-9]*\)$$/{"\1", "\2"},/' >$@
$(GEN)/forms.inc: data/en/forms.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' $< | LC_ALL=C sort -u -k1,1 | \
	    sed 's/^\([^ ]*\) \([a-z]*\)$$/{"\1", "\2"},/' >$@
$(GEN)/titles.inc: data/en/titles.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' -e 's/^\([^ ]*\)$$/"\1",/' $< >$@
$(GEN)/negations.inc: data/en/negations.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' $< | LC_ALL=C sort -u | \
	    sed 's/^\([^ ]*\)$$/"\1",/' >$@
$(GEN)/openers.inc: data/en/openers.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' $< | LC_ALL=C sort -u | \
	    sed 's/^\([^ ]*\)$$/"\1",/' >$@
$(GEN)/negverbs.inc: data/en/negverbs.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' $< | LC_ALL=C sort -u | \
	    sed 's/^\([^ ]*\)$$/"\1",/' >$@
# hedges: "class phrase" (class+ : only before a number), sorted by phrase
$(GEN)/hedges.inc: data/en/hedges.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' $< | \
	    sed 's/^\([a-z]*\)\(+\{0,1\}\) \(.*[^ ]\) *$$/\3|\1|\2/' | \
	    LC_ALL=C sort -u -t'|' -k1,1 | \
	    sed -e 's/^\(.*\)|\(.*\)|+$$/{"\1", "\2", 1},/' \
	        -e 's/^\(.*\)|\(.*\)|$$/{"\1", "\2", 0},/' >$@
$(GEN)/sources.inc: data/en/sources.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' $< | \
	    sed 's/^\([a-z]*\) \(.*[^ ]\) *$$/\2 \1/' | LC_ALL=C sort -u -k1,1 | \
	    sed -e 's/^\([^ ]*\) document$$/{"\1", LEX_SOURCE_DOCUMENT},/' \
	        -e 's/^\([^ ]*\) speaker$$/{"\1", LEX_SOURCE_SPEAKER},/' \
	        -e 's/^\([^ ]*\) body$$/{"\1", LEX_SOURCE_BODY},/' >$@
# places: "country|demonym|capital" a line; every name keyed (lower-case
# letters and digits), with its line's number and its field (0 to 2)
$(GEN)/places.inc: data/en/places.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' $< | \
	    awk -F'|' '{ g++; for (i = 1; i <= NF; i++) { n = split($$i, v, ","); \
	        for (j = 1; j <= n; j++) { k = tolower(v[j]); gsub(/[^a-z0-9]/, "", k); \
	        if (k != "") print k, g, i - 1 } } }' | LC_ALL=C sort -u -k1,1 | \
	    sed 's/^\([^ ]*\) \([0-9]*\) \([0-9]\)$$/{"\1", \2, \3},/' >$@
$(GEN)/furniture.inc: data/en/furniture.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' $< | \
	    sed -e 's/^start \(.*\)$$/{"\1", 0},/' -e 's/^within \(.*\)$$/{"\1", 1},/' \
	        -e 's/^clock \(.*\)$$/{"\1", 2},/' -e 's/^short \(.*\)$$/{"\1", 3},/' \
	        -e 's/^notice \(.*\)$$/{"\1", 4},/' >$@
$(GEN)/aliases.inc: data/en/aliases.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' -e 's/^\(.*\)$$/"\1",/' $< >$@
# British spellings and their American ones (labour labor), paired from
# Debian's SCOWL word lists (SCOWL_DIR) by scripts/spelling.py, made a
# table with no pointers and a filter by scripts/spelltable.py
SCOWL_DIR ?= /usr/share/dict/scowl
$(GEN)/spelling.inc: scripts/spelling.py scripts/spelltable.py \
    $(wildcard $(SCOWL_DIR)/*-words.*)
	@mkdir -p $(@D)
	python3 scripts/spelling.py $(SCOWL_DIR) >$@.pairs
	LC_ALL=C sort -u -k1,1 $@.pairs | python3 scripts/spelltable.py \
	    >$@.tmp && rm $@.pairs && mv $@.tmp $@
# First names in "-ly" (Sally, Emily, Beverly), folded: SCOWL's proper
# names up to its level 50, the common ones
LYNAMES = $(wildcard $(SCOWL_DIR)/english-proper-names.[1-4][0-9]) \
    $(wildcard $(SCOWL_DIR)/english-proper-names.50)
$(GEN)/lynames.inc: $(LYNAMES)
	@mkdir -p $(@D)
	@test -n "$(LYNAMES)" || { echo "no SCOWL proper names in" \
	    "$(SCOWL_DIR) (Debian's scowl: sh scripts/setup build)" >&2; exit 1; }
	LC_ALL=C grep -h -x '[A-Z][a-z]*ly' $(LYNAMES) | tr 'A-Z' 'a-z' | \
	    LC_ALL=C sort -u | sed 's/^\(.*\)$$/"\1",/' >$@.tmp && mv $@.tmp $@
$(BUILD)/src/core/lexicon.o: $(GEN)/frames.inc $(GEN)/numbers.inc \
    $(GEN)/furniture.inc $(GEN)/forms.inc $(GEN)/titles.inc \
    $(GEN)/negations.inc $(GEN)/negverbs.inc $(GEN)/hedges.inc \
    $(GEN)/sources.inc $(GEN)/places.inc $(GEN)/spelling.inc $(GEN)/openers.inc \
    $(GEN)/lynames.inc
# The value lists (value.c): "word value" a line, the word maybe two words.
VALUE_LISTS = currencies scales units dates
VALUE_INC = $(VALUE_LISTS:%=$(GEN)/%.inc)
$(VALUE_INC): $(GEN)/%.inc: data/en/%.txt
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' \
	    -e 's/^\(.*[^ ]\)  *\([^ ]*\)$$/\1|\2/' $< | \
	    LC_ALL=C sort -u -t'|' -k1,1 | sed 's/^\(.*\)|\(.*\)$$/{"\1", "\2"},/' >$@
$(BUILD)/src/core/value.o: $(VALUE_INC)
$(BUILD)/src/core/value.o: ALL_CPPFLAGS += -I$(GEN)
# The same lines with each word made its key for English's stemmer, so
# that the aligner need not stem them at each run (src/tools/aliaskeys.c).
ALIASKEYS_OBJ = $(BUILD)/src/core/align/aliaskey.o $(BUILD)/src/core/stem.o \
    $(BUILD)/src/core/lexicon.o
$(BUILD)/tools/aliaskeys: src/tools/aliaskeys.c $(ALIASKEYS_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ \
	    $(filter %.c %.o,$^) $(UTF8PROC_LIBS) $(STEMMER_LIBS) -ldl -pthread
$(GEN)/aliaskeys.inc: data/en/aliases.txt $(BUILD)/tools/aliaskeys
	@mkdir -p $(@D)
	sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' $< | $(BUILD)/tools/aliaskeys \
	    >$@.tmp && mv $@.tmp $@
$(BUILD)/src/core/align/alias.o: $(GEN)/aliases.inc $(GEN)/aliaskeys.inc
$(BUILD)/src/core/lexicon.o $(BUILD)/src/core/align/alias.o: ALL_CPPFLAGS += -I$(GEN)

# Related words (words.c, related()): WordNet's derivational links and
# first-sense synonyms, from Debian's wordnet-base (WORDNET_DIR), as
# Snowball stems.  WORDNET picks the relations (scripts/wordnet.py:
# deriv+first is the one kept since the eighteenth session; the others are
# there to re-run the experiment of tests/eval/README.md's "How well it classifies").
WORDNET ?= deriv+first
WORDNET_DIR ?= /usr/share/wordnet
$(BUILD)/tools/relate: src/tools/relate.c $(BUILD)/src/core/stem.o
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ \
	    $(filter %.c %.o,$^) $(STEMMER_LIBS) -ldl -pthread
$(GEN)/related.inc: scripts/wordnet.py $(BUILD)/tools/relate \
    $(wildcard $(WORDNET_DIR)/data.*)
	@mkdir -p $(@D)
	python3 scripts/wordnet.py $(WORDNET) $(WORDNET_DIR) >$@.words
	$(BUILD)/tools/relate <$@.words >$@.tmp && rm $@.words && \
	    mv $@.tmp $@
$(BUILD)/src/core/align/words.o: $(GEN)/related.inc
$(BUILD)/src/core/align/words.o: ALL_CPPFLAGS += -I$(GEN)

$(BUILD)/tests/test_%: tests/unit/test_%.c $(LIB) $(BUILD)/flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) \
	    -o $@ $< $(filter %.o,$^) $(LIB) $(CORE_LIBS) $(CMOCKA_LIBS)

# The prompts' line editor is the viewer's but needs no curses: its test
# links it alone.
$(BUILD)/tests/test_lineedit: $(BUILD)/src/tui/lineedit.o

$(REF_BIN): tests/ref/diffref.c $(LIB) $(BUILD)/flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB) $(CORE_LIBS)

tests: $(PROG) $(UNIT_BIN) $(REF_BIN)

# ---- the two commands -------------------------------------------------

run: deps
	@$(MAKE) --no-print-directory all
	./redline samples/statement.txt samples/brics-post.txt || test $$? -eq 1

# The suites of a tier run JOBS at a time once the build is done, each
# one's output kept together (-O).
QUICK_SUITES = unit cli tui-test eval-check lint-man format-check layering \
    findings-selftest score-selftest
SLOW_SUITES = ref sancheck tsan valgrind-check big fuzz html-check

check: deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) WERROR=1 tests
	@$(MAKE) --no-print-directory -O -j$(JOBS) $(QUICK_SUITES) $(SLOW_SUITES)
	@echo "check: all test suites passed"

test: deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) WERROR=1 tests
	@$(MAKE) --no-print-directory -O -j$(JOBS) $(QUICK_SUITES)
	@echo "test: the quick tier passed (make check runs every suite)"

deps:
	@sh scripts/setup build

deps-test:
	@sh scripts/setup test

# ---- test suites ------------------------------------------------------

# T=name runs tests/unit/test_name.c alone.
ifneq ($(T),)
UNIT_RUN = $(BUILD)/tests/test_$(T)
else
UNIT_RUN = $(UNIT_BIN)
endif

unit: $(UNIT_RUN)
	@set -e; for t in $(UNIT_RUN); do echo "== $$t"; $$t; done

ref: $(REF_BIN) $(PROG)
	$(REF_BIN) 1000 samples/statement.txt samples/danang-report.txt \
	    samples/monitoring-desk.txt samples/brics-post.txt \
	    samples/newsbharati.txt samples/globalresearch.txt

cli: $(PROG)
	sh tests/cli/run.sh ./$(PROG)
	sh tests/cli/color.sh ./$(PROG)
	sh tests/cli/html.sh ./$(PROG)
	sh tests/cli/htmlin.sh ./$(PROG)
	sh tests/cli/htmlhostile.sh ./$(PROG)
	sh tests/cli/htmlarticle.sh ./$(PROG)
	sh tests/cli/difftool.sh ./$(PROG)

sancheck:
	@$(MAKE) --no-print-directory SAN=1 WERROR=1 CC=clang tests
	@$(MAKE) --no-print-directory SAN=1 CC=clang unit cli tui-test
	$(MAKE) --no-print-directory SAN=1 CC=clang REF_N=200 ref-san

ref-san: $(REF_BIN) $(PROG)
	$(REF_BIN) $(REF_N) samples/statement.txt samples/brics-post.txt

# Enormous and hostile inputs, memory bound, exports killed mid-write.
big: $(PROG)
	sh tests/big/run.sh ./$(PROG)

# The threaded code (two-thread tokenizing, the minimal search's threads,
# the layout's row count and search, libstemmer's first load, the
# candidate search's two threads) under ThreadSanitizer, through the unit
# tests that run it.
tsan:
	@$(MAKE) --no-print-directory SAN=thread WERROR=1 CC=clang \
	    build-tsan/tests/test_diff build-tsan/tests/test_layout \
	    build-tsan/tests/test_stem build-tsan/tests/test_links
	build-tsan/tests/test_diff
	build-tsan/tests/test_layout
	build-tsan/tests/test_stem
	build-tsan/tests/test_links

VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full \
           --errors-for-leak-kinds=all \
           --suppressions=tests/valgrind/dlopen.supp

# The program on a chosen subset of runs, one of each path through the code
# (tests/valgrind/run.sh says why a subset), and a chosen few of the diff's
# unit tests: Myers' search with its heuristics, the bit-parallel search on
# two threads, the two-thread tokenizer, the tidying passes.  The rest of
# test_diff (the minimal search's every tuning on long inputs, 80 % of its
# time under valgrind) runs under ASan, UBSan and TSan.
VALGRIND_DIFF_TESTS = 'myers_*' band_splits_add_up 'two_threads_*' \
    'long_text_*' '*_edges' 'lone_word_*'
valgrind-check: $(PROG) $(BUILD)/tests/test_diff
	sh tests/valgrind/run.sh ./$(PROG)
	@set -e; for t in $(VALGRIND_DIFF_TESTS); do \
	    echo "valgrind: test_diff $$t"; \
	    $(VALGRIND) $(BUILD)/tests/test_diff "$$t" \
	        >$(BUILD)/valgrind.log 2>&1 || \
	    { cat $(BUILD)/valgrind.log; exit 1; }; done

lint-man:
	mandoc -T lint -W warning man/redline.1
	@echo "man page: mandoc lint clean"

# Only the viewer (src/tui/) may include curses: the core, exporters and
# program layer stay usable without a terminal.
layering:
	@! grep -l -E '#include <n?curses' -r src include | grep -v '^src/tui/' \
	    || { echo "curses is included outside src/tui/" >&2; exit 1; }
	@! grep -l -E '\b(v?f|d)?printf *\(|\bf?puts *\(|\b_?exit *\(|\babort *\(|curses' \
	    src/core/*.c src/core/*/*.c src/view/*.c \
	    || { echo "the core or the view model prints, exits or uses curses" >&2; exit 1; }
	@! grep -l -E '\bv?printf *\(|\bputs *\(|\bstd(out|err)\b|\b_?exit *\(|\babort *\(' \
	    src/export/*.c \
	    || { echo "an exporter writes outside the stream it is given, or exits" >&2; exit 1; }
	@echo "layering: curses only in src/tui/; the core and view model neither print nor exit; exporters write only their stream"

tui-test: $(PROG)
	sh tests/tui/run.sh ./$(PROG)

# The HTML report in headless Chromium (screenshots in $(BUILD)/html/).
html-check: $(PROG)
	sh tests/html/run.sh ./$(PROG) $(BUILD)/html

# The one formatter config (.clang-format) is used: sources must match it.
FORMAT_SRC = $(wildcard src/*/*.c src/*/*.h src/*/*/*.c src/*/*/*.h \
    include/redline/*.h tests/*/*.c tests/*/*.h bench/*.c bench/*.h)

format-check:
	clang-format --dry-run --Werror $(FORMAT_SRC)
	@echo "format: clean"

format:
	clang-format -i $(FORMAT_SRC)

# ---- install ----------------------------------------------------------

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 redline $(DESTDIR)$(BINDIR)/redline
	install -m 644 man/redline.1 $(DESTDIR)$(MANDIR)/man1/redline.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/redline $(DESTDIR)$(MANDIR)/man1/redline.1

clean:
	rm -rf build build-san build-tsan build-fuzz redline

-include $(shell find build build-san build-tsan build-fuzz -name '*.d' 2>/dev/null)

# ---- evaluation against the hand labels --------------------------------

# `eval` prints the figures of every labelled pair (tests/eval/pairs.list:
# the sample pairs and the pairs of tests/eval/pairs/), each and pooled;
# `eval-check` (in `make check`) also holds them to tests/eval/targets,
# checks the JSON contract on every sample pair and runs the classification
# checks.
eval: $(PROG)
	python3 tests/eval/score.py ./$(PROG) --pairs tests/eval/pairs.list
	python3 tests/eval/findings/score.py ./$(PROG)

# precision and recall of the findings (issue 25) per type on the
# controlled edits of tests/eval/findings/, and new-fact precision on the
# sample pairs (make eval prints it too; make check holds the floors of
# tests/eval/findings/targets)
.PHONY: eval-findings
eval-findings: $(PROG)
	python3 tests/eval/findings/score.py ./$(PROG)

# the learned verdict on links (src/core/align/verdict.c): fit it to the
# tuning set's labels again, write its coefficients into
# src/core/align/linkmodel.h and rebuild (after a change to the linking
# rules or the features: eval-check fails until then); prints the table of
# tests/eval/README.md's "The learned verdict"
.PHONY: learn
learn: $(PROG)
	python3 tests/eval/learn.py --write ./$(PROG) tests/eval/pairs.list
	$(MAKE) $(PROG)

# the findings scorer checked against fake redlines (tests/eval/findings/
# selftest.py): one that prints the labels scores 1, planted faults show
.PHONY: findings-selftest
findings-selftest:
	python3 tests/eval/findings/selftest.py

# the sentence scorer's arithmetic (tests/eval/score_selftest.py): its
# macro-F1 and the pairs-resampled interval of the pooled figures
.PHONY: score-selftest
score-selftest:
	python3 tests/eval/score_selftest.py

SAMPLE_REWRITES = danang-report monitoring-desk brics-post newsbharati \
    globalresearch

eval-check: $(PROG)
	python3 tests/eval/score.py --quiet --check tests/eval/targets ./$(PROG) \
	    --pairs tests/eval/pairs.list
	python3 tests/eval/learn.py --check ./$(PROG) tests/eval/pairs.list \
	    >$(BUILD)/learn.out || { cat $(BUILD)/learn.out; exit 1; }
	@tail -1 $(BUILD)/learn.out
	python3 tests/eval/findings/score.py --check tests/eval/findings/targets \
	    ./$(PROG) >$(BUILD)/findings.out || { cat $(BUILD)/findings.out; exit 1; }
	@echo "findings: the floors of tests/eval/findings/targets hold"
	python3 tests/eval/classify_checks.py ./$(PROG) samples
	@set -e; for r in $(SAMPLE_REWRITES); do \
	    ./$(PROG) --export=json samples/statement.txt samples/$$r.txt > $(BUILD)/check.json || test $$? -eq 1; \
	    python3 tests/eval/check_json.py $(BUILD)/check.json samples/statement.txt samples/$$r.txt; \
	done; echo "json: contract holds on every sample pair"

# ---- fuzzing: libFuzzer targets with ASan and UBSan, clang only --------

FUZZ_BUILD = build-fuzz
FUZZ_TIME = 45
FUZZ_FLAGS = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_TARGETS = fuzz_load fuzz_diff fuzz_align fuzz_export fuzz_html
FUZZ_LIB_OBJ = $(CORE_SRC:%.c=$(FUZZ_BUILD)/%.o) $(EXPORT_SRC:%.c=$(FUZZ_BUILD)/%.o)

$(FUZZ_BUILD)/src/%.o: src/%.c
	@mkdir -p $(@D)
	clang -std=c11 -pthread $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
	    -MMD -MP $(ALL_CPPFLAGS) -c -o $@ $<
$(FUZZ_BUILD)/src/core/webpage.o: ALL_CPPFLAGS += $(GUMBO_CFLAGS)
$(FUZZ_BUILD)/src/core/spoof.o: ALL_CPPFLAGS += $(ICU_CFLAGS) \
    -DICU_SONAME='"$(or $(ICU_SONAME),libicui18n.so)"'
$(FUZZ_BUILD)/src/core/lexicon.o: $(GEN)/frames.inc $(GEN)/numbers.inc \
    $(GEN)/furniture.inc $(GEN)/forms.inc $(GEN)/titles.inc \
    $(GEN)/negations.inc $(GEN)/openers.inc $(GEN)/lynames.inc
$(FUZZ_BUILD)/src/core/align/alias.o: $(GEN)/aliases.inc $(GEN)/aliaskeys.inc
$(FUZZ_BUILD)/src/core/align/words.o: $(GEN)/related.inc
$(FUZZ_BUILD)/src/core/lexicon.o $(FUZZ_BUILD)/src/core/align/alias.o \
    $(FUZZ_BUILD)/src/core/align/words.o: ALL_CPPFLAGS += -I$(GEN)
$(FUZZ_BUILD)/src/core/value.o: $(VALUE_INC)
$(FUZZ_BUILD)/src/core/value.o: ALL_CPPFLAGS += -I$(GEN)

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_LIB_OBJ)
	clang -std=c11 -pthread $(FUZZ_FLAGS) -fsanitize=fuzzer $(ALL_CPPFLAGS) \
	    -o $@ $< $(FUZZ_LIB_OBJ) $(CORE_LIBS)

# The objects are kept between runs (make would delete them as
# intermediates and rebuild them every time).
.SECONDARY: $(FUZZ_LIB_OBJ) $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/%)

# Each target for FUZZ_TIME seconds, after its saved regression inputs;
# the targets run JOBS at a time under make -j.
fuzz: $(FUZZ_TARGETS:%=fuzz-run-%)
	@echo "fuzz: every target ran without a crash"

fuzz-run-%: $(FUZZ_BUILD)/%
	sh tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_TIME) $*

# ---- benchmarks (not tests: they report, they do not assert) -----------

BENCH_DIR = $(BUILD)/bench

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB) $(CORE_LIBS)

# redline against wdiff, dwdiff, git diff --word-diff and diff -d on
# generated pairs (bench/README.md).  BENCH_SIZES, BENCH_RUNS to narrow it;
# BENCH_BIG_RUNS, runs at a million words; BENCH_BASELINE, another build of
# redline whose JSON export runs in the same rounds.
BENCH_SIZES = 1000,10000,100000,1000000
BENCH_RUNS = 3
BENCH_BIG_RUNS = 1
BENCH_BASELINE =
bench: $(PROG) $(BUILD)/bench/keys $(BUILD)/bench/search
	sh scripts/setup bench
	@mkdir -p $(BENCH_DIR)
	python3 bench/run.py --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) \
	    --big-runs $(BENCH_BIG_RUNS) \
	    $(if $(BENCH_BASELINE),--baseline $(BENCH_BASELINE)) \
	    --dir $(BENCH_DIR) ./$(PROG) | tee $(BENCH_DIR)/results.md
	$(MAKE) --no-print-directory bench-keys bench-overview bench-search

# Twenty rewrites of a 10,000-word statement, on all cores and on one.
bench-overview: $(PROG)
	sh bench/overview.sh ./$(PROG) $(BENCH_DIR)

# Time per key press in the viewer on a pair of a million words each.
# The exact search alone, each way it can run, on 300,000 words.
bench-search: $(BUILD)/bench/search
	@mkdir -p $(BENCH_DIR)
	python3 bench/gen.py 300000 10 1 $(BENCH_DIR)/search-a.txt $(BENCH_DIR)/search-b.txt
	$(BUILD)/bench/search $(BENCH_DIR)/search-a.txt $(BENCH_DIR)/search-b.txt

# How closely the text read from a web page is its article: each
# PAGES/NAME/source.html against NAME/expected.html (Readability's test
# pages, kept out of the tree; bench/README.md).
bench-extract: $(PROG)
	@test -n "$(PAGES)" || { echo "usage: make bench-extract PAGES=DIR"; exit 2; }
	python3 bench/extract.py ./$(PROG) $(PAGES)

bench-keys: $(BUILD)/bench/keys
	@mkdir -p $(BENCH_DIR)
	python3 bench/gen.py 1000000 10 1 $(BENCH_DIR)/keys-a.txt $(BENCH_DIR)/keys-b.txt
	$(BUILD)/bench/keys $(BENCH_DIR)/keys-a.txt $(BENCH_DIR)/keys-b.txt
