# Quick start: `make run` (install what is missing, build, compare the default scenario's
# alternatives) and `make test` (install, build, run the whole test suite). `make deb` packages the
# module for Debian, `make doc` builds the HTML documentation.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
SCENARIO ?= scenarios/regional-public-services.yaml
OUT ?= out/$(basename $(notdir $(SCENARIO)))

SANITIZE_BUILD_DIR ?= build-sanitize
DOC_DIR ?= $(BUILD_DIR)/doc

.PHONY: all deps configure build run test test-sanitize bench deb doc format clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > /dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/blueprint compare $(SCENARIO) --out $(OUT)

# ctest shows no output for skipped tests; the awk script prints each skip's reason after it.
test: build
	@cd $(BUILD_DIR) && { ctest --output-on-failure -j $(JOBS); status=$$?; \
	  awk -f $(CURDIR)/scripts/skip-reasons.awk Testing/Temporary/LastTest.log; exit $$status; }

# The whole suite built with AddressSanitizer and UndefinedBehaviorSanitizer (CI runs it): any
# report in blueprint's code fails the test that triggered it. Sanitized code runs several times
# slower, so each test may take up to ten minutes. handle_segv=0 leaves a SIGSEGV a signal: the sweep
# tests send one to a run on purpose and expect the executor to report it as such.
test-sanitize: deps
	@cmake -S . -B $(SANITIZE_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBLUEPRINT_SANITIZE=ON > /dev/null
	@cmake --build $(SANITIZE_BUILD_DIR) -j $(JOBS)
	@cd $(SANITIZE_BUILD_DIR) && \
	  ASAN_OPTIONS=handle_segv=0:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/test/sanitizer/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS) --timeout 600

bench: build
	@bash scripts/install-deps.sh time jq
	@bash bench/run-bench.sh $(BUILD_DIR)

# A Debian package of the module with CPack (cmake/install.cmake): the program, the library, the
# headers, the CMake package and the out-of-tree example under /usr, in $(BUILD_DIR). dpkg-shlibdeps
# (dpkg-dev) works out its run-time dependencies. test/install/debian-package.sh checks it (CI).
deb: build
	@bash scripts/install-deps.sh dpkg-dev
	@cd $(BUILD_DIR) && cpack

# The HTML documentation of doc/ with an API reference from the doxygen comments, into
# $(DOC_DIR)/html; any warning of doxygen or Sphinx fails it (scripts/build-doc.sh).
doc:
	@bash scripts/install-deps.sh doxygen python3-sphinx python3-breathe
	@bash scripts/build-doc.sh $(DOC_DIR)

format:
	@clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_BUILD_DIR)
