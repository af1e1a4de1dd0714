#!/usr/bin/env bash
# The install tests: installs the build into a scratch prefix as a user would (cmake --install,
# which builds nothing), then builds against it with a CMakeLists.txt of its own and nothing of the
# source tree on its paths (find_package(blueprint) through CMAKE_PREFIX_PATH, headers as
# <blueprint/...>, the library from the prefix).
#
#   test/install/out-of-tree.sh example BUILD_DIR CXX_COMPILER [COMPILER_LAUNCHER]
#       ctest OutOfTreeProgramBuildsAndRunsAgainstTheInstalledModule: configures, builds and runs
#       the installed copy of examples/out-of-tree.
#   test/install/out-of-tree.sh headers BUILD_DIR CXX_COMPILER [COMPILER_LAUNCHER]
#       ctest EveryInstalledHeaderCompilesWithOnlyTheCMakePackage: one translation unit includes
#       every installed header, so a header that includes something the package does not install
#       or bring along (a test header, yaml-cpp, nlohmann-json) fails.
set -euo pipefail
mode=$1
build=$2
compiler=$3
launcher=${4:-}
scratch=$(mktemp -d /tmp/blueprint-out-of-tree-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
prefix=$scratch/prefix

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# Configures and builds the project in $1 against the prefix, in $scratch/build.
build_against_prefix() {
  cmake -S "$1" -B "$scratch/build" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER="$compiler" ${launcher:+-DCMAKE_CXX_COMPILER_LAUNCHER="$launcher"} \
    -DCMAKE_PREFIX_PATH="$prefix" >"$scratch/configure.log" 2>&1 ||
    { cat "$scratch/configure.log" >&2; fail "$1 does not configure"; }
  local found
  found=$(sed -n 's/^blueprint_DIR:PATH=//p' "$scratch/build/CMakeCache.txt")
  [ "$found" = "$prefix/lib/cmake/blueprint" ] ||
    fail "find_package(blueprint) found '$found', not the installed package in $prefix"
  cmake --build "$scratch/build" >"$scratch/build.log" 2>&1 ||
    { cat "$scratch/build.log" >&2; fail "$1 does not build"; }
}

cmake --install "$build" --prefix "$prefix" >/dev/null

case "$mode" in
  example)
    example=$prefix/share/doc/blueprint/examples/out-of-tree
    [ -f "$example/CMakeLists.txt" ] || fail "the example is not installed in $example"
    build_against_prefix "$example"
    program=$scratch/build/fibre-latency
    library=$(ldd "$program" | sed -n 's/^\s*libns3-blueprint\.so[^ ]* => \([^ ]*\) .*/\1/p')
    case "$library" in
      "$prefix"/*) ;;
      *) fail "the example loads the library from '$library', not from $prefix" ;;
    esac
    output=$("$program" --length=60 --count=10) ||
      { echo "$output" >&2; fail "the example exits with an error"; }
    echo "$output"
    grep -q '^received 10 of 10,' <<<"$output" || fail "the example did not receive its 10 packets"
    grep -qx 'every packet took exactly the predicted time' <<<"$output" ||
      fail "the example's delays differ from propagation plus serialisation"
    ;;
  headers)
    mkdir "$scratch/headers"
    (cd "$prefix/include" && find blueprint -name '*.h' | sort | sed 's/.*/#include <&>/') \
      >"$scratch/headers/all-headers.cc"
    count=$(wc -l <"$scratch/headers/all-headers.cc")
    [ "$count" -gt 100 ] || fail "only $count headers are installed"
    cat >"$scratch/headers/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.13)
project(all-headers LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 17)
find_package(blueprint 0.1 REQUIRED)
add_library(all-headers OBJECT all-headers.cc)
target_link_libraries(all-headers PRIVATE blueprint::blueprint)
CMAKE
    build_against_prefix "$scratch/headers"
    echo "$count installed headers compile with blueprint::blueprint alone"
    ;;
  *)
    fail "unknown mode '$mode' (example or headers)"
    ;;
esac
