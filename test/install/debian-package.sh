#!/usr/bin/env bash
# Checks the Debian package that make deb writes (CI runs it from .ci/run): it holds the program,
# the library, the headers at their paths under /usr/include/blueprint, the CMake package and the
# out-of-tree example; and, unpacked into a scratch root (dpkg -x, as a machine without the
# blueprint source would have it), it lets that example configure, build and run with
# find_package(blueprint).
#
#   test/install/debian-package.sh DEB
set -euo pipefail
deb=$1
scratch=$(mktemp -d /tmp/blueprint-deb-XXXXXX)
trap 'rm -rf "$scratch"' EXIT

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$scratch/contents"
for path in /usr/bin/blueprint /usr/lib/libns3-blueprint.so /usr/lib/cmake/blueprint/blueprintConfig.cmake \
  /usr/lib/cmake/blueprint/blueprintTargets.cmake /usr/include/blueprint/model/traffic/periodic-source.h \
  /usr/include/blueprint/helper/scenario/scenario-runner.h \
  /usr/share/doc/blueprint/examples/out-of-tree/CMakeLists.txt; do
  grep -qx "$path" "$scratch/contents" || fail "$deb does not hold $path"
done
headers=$(grep -c '^/usr/include/blueprint/.*\.h$' "$scratch/contents")
echo "$deb: $headers headers, the library, the program, the CMake package and the example"
dpkg-deb -f "$deb" Depends | grep -q 'libns3-dev' || fail "$deb does not depend on libns3-dev"

dpkg-deb -x "$deb" "$scratch/unpacked"
example=$scratch/unpacked/usr/share/doc/blueprint/examples/out-of-tree
cmake -S "$example" -B "$scratch/build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$scratch/unpacked/usr" >"$scratch/configure.log" 2>&1 ||
  { cat "$scratch/configure.log" >&2; fail "the example does not configure against the package"; }
found=$(sed -n 's/^blueprint_DIR:PATH=//p' "$scratch/build/CMakeCache.txt")
[ "$found" = "$scratch/unpacked/usr/lib/cmake/blueprint" ] ||
  fail "find_package(blueprint) found '$found', not the unpacked package"
cmake --build "$scratch/build" >"$scratch/build.log" 2>&1 ||
  { cat "$scratch/build.log" >&2; fail "the example does not build against the package"; }
"$scratch/build/fibre-latency" | tail -1 | grep -qx 'every packet took exactly the predicted time' ||
  fail "the example built against the package does not run as it should"
"$scratch/unpacked/usr/bin/blueprint" validate "$(dirname "$0")/../../scenarios/regional-public-services.yaml" \
  >/dev/null || fail "the packaged blueprint program does not validate a shipped scenario"
echo "$deb: the out-of-tree example builds and runs against the unpacked package"
