#!/usr/bin/env bash
# Regenerates what the shipped scenarios are expected to give, from real runs:
#   test/reference/results/<scenario>/<configuration>.json   result.json of every configuration,
#                                                            without runtime.wall_s and source_file
#   doc/generated/<scenario>.txt                             the comparison table `compare` prints
# test/shipped-scenario-test.cc runs every shipped scenario and fails when a result or a table
# differs from these files, and README.md and doc/ quote the tables from doc/generated/, so figures
# in the documentation cannot drift from what the program does. After a change that is meant to
# change results, run this script and commit the new files with the change: `git diff` then shows
# exactly which figures moved.
#
# Usage: scripts/update-reference-results.sh [BUILD_DIR] [SCENARIO_NAME ...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift $(($# > 0 ? 1 : 0))
blueprint=$build/blueprint
[ -x "$blueprint" ] || { echo "update-reference-results: no $blueprint; build first" >&2; exit 2; }
command -v jq > /dev/null || { echo "update-reference-results: needs jq (apt-get install jq)" >&2; exit 2; }

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$root"/scenarios/*.yaml; do
    names+=("$(basename "$f" .yaml)")
  done
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$root/doc/generated"
for name in "${names[@]}"; do
  echo "== $name" >&2
  # Run from the source folder with a relative path, as a user does after `make run`.
  (cd "$root" && "$blueprint" compare "scenarios/$name.yaml" --out "$work/$name") > "$work/$name.txt"
  grep -v '^results: ' "$work/$name.txt" > "$root/doc/generated/$name.txt"
  dest=$root/test/reference/results/$name
  rm -rf "$dest"
  mkdir -p "$dest"
  for dir in "$work/$name"/*/; do
    config=$(basename "$dir")
    jq --indent 1 'del(.runtime.wall_s) | del(.source_file)' "$dir/result.json" > "$dest/$config.json"
  done
done
echo "updated test/reference/results and doc/generated for: ${names[*]}" >&2
