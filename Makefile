# Quick start: `make run` (install what is missing, build, compare the default scenario's
# alternatives) and `make test` (install, build, run the whole test suite).
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
SCENARIO ?= scenarios/regional-public-services.yaml
OUT ?= out/$(basename $(notdir $(SCENARIO)))

.PHONY: all deps configure build run test bench format clean

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

bench: build
	@bash scripts/install-deps.sh time jq
	@bash bench/run-bench.sh $(BUILD_DIR)

format:
	@clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD_DIR)
