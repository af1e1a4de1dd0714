#!/usr/bin/env bash
# Builds the libFuzzer harnesses of test/fuzz (the scenario reader and the sweep reader) with
# Debian's clang, with AddressSanitizer and UndefinedBehaviorSanitizer, in their own build folder,
# and runs each for a bounded time. Exits non-zero on any crash, sanitizer report, timeout or
# out-of-memory; the input that caused it is left in BUILD/artifacts/HARNESS/.
#
# Usage: scripts/run-fuzzers.sh [SECONDS]
#   SECONDS          per harness (default 60, what CI runs)
#   FUZZ_BUILD_DIR   the build folder (default build-fuzz); its corpus/ grows from run to run
#   FUZZ_JOBS        parallel fuzzing processes per harness (default 1)
# doc/testing.rst says how to run them longer and what to do with a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
seconds="${1:-60}"
build="$(realpath -m "${FUZZ_BUILD_DIR:-build-fuzz}")"
jobs="${FUZZ_JOBS:-1}"

bash scripts/install-deps.sh clang
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DBLUEPRINT_FUZZ=ON > /dev/null
cmake --build "$build" -j "$(nproc)"

status=0
for harness in scenario-reader sweep-reader; do
  kind="${harness%-reader}"
  shipped="$root/scenarios"
  [ "$kind" = sweep ] && shipped="$root/sweeps"
  mkdir -p "$build/corpus/$harness" "$build/artifacts/$harness"
  # -timeout: no input may take 10 s; -rss_limit_mb: nor 2 GB (the readers' limits keep any
  # document under about 1 GB without sanitizers).
  options=(-dict="$root/test/fuzz/yaml.dict" -max_total_time="$seconds" -timeout=10
           -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$build/artifacts/$harness/"
           -print_final_stats=1)
  if [ "$jobs" -gt 1 ]; then
    options+=(-jobs="$jobs" -workers="$jobs")
  fi
  echo "run-fuzzers: the $kind reader for $seconds s" >&2
  # New inputs go to the first folder; the seeds are the shipped files and the regression cases.
  # Parallel jobs write fuzz-N.log in the working folder, hence the build folder.
  if ! (cd "$build" && "./$harness-fuzzer" "corpus/$harness" "$root/test/fuzz/corpus/$kind" \
        "$shipped" "${options[@]}"); then
    echo "run-fuzzers: the $kind reader failed; the input is in $build/artifacts/$harness/" >&2
    status=1
  fi
done
exit "$status"
