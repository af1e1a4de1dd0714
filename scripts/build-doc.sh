#!/usr/bin/env bash
# Builds the documentation (make doc) into OUT/html: the pages of doc/ and an API reference from
# the doxygen comments of the headers under model/ and helper/.
#
#   bash scripts/build-doc.sh OUT
#
# 1. doxygen (doc/doxygen/Doxyfile) writes the headers' documentation as XML into OUT/doxygen.
# 2. doc/ is copied to OUT/source, and doc/_ext/api_pages.py writes the API reference's pages into
#    OUT/source/api (one per folder of headers, so a moved header needs no change to doc/).
# 3. Sphinx with breathe builds OUT/source into OUT/html.
#
# Every warning of either tool fails the build, after both have run so that all of them are
# listed: an undocumented public member, a \param naming no parameter, a broken cross-reference, a
# page or table Sphinx cannot parse. Warnings about pages of doc/ name the file in doc/; those about
# the API reference's pages name the generated page in OUT/source/api.
# Needs Debian 12's doxygen, python3-sphinx and python3-breathe (make doc installs them).
set -uo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 OUT" >&2
  exit 2
fi
for program in doxygen sphinx-build; do
  if ! command -v "$program" >/dev/null; then
    echo "$program is missing: make doc installs it" >&2
    exit 2
  fi
done
# breathe must be importable by the Python that runs sphinx-build (Debian's, not another on PATH).
sphinx_python=$(sed -n '1s/^#! *//p' "$(command -v sphinx-build)")
if ! ${sphinx_python:-python3} -c 'import breathe' 2>/dev/null; then
  echo "python3-breathe is missing: make doc installs it" >&2
  exit 2
fi
source_dir=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
version=$(sed -n 's/^project(blueprint VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
status=0

# doxygen. ns-3's convention documents a virtual function once, in the ns-3 class that declares
# it (NetDevice::Send, Object::DoDispose, ...); that documentation is not in this input (only
# blueprint's headers are), so doxygen's "not documented" for a member declared `override` is no
# warning here. Anything else is.
rm -rf "$out/doxygen"
mkdir -p "$out/doxygen"
BLUEPRINT_SOURCE_DIR="$source_dir" BLUEPRINT_DOC_OUT="$out/doxygen" BLUEPRINT_VERSION="$version" \
  doxygen "$source_dir/doc/doxygen/Doxyfile" || status=1
grep -Ev ': warning: Member .* override \((function|variable)\) of (class|struct) .* is not documented\.$' \
  "$out/doxygen/doxygen-warnings.log" | sed "s|$source_dir/||" > "$out/doxygen/errors.log"
if [ -s "$out/doxygen/errors.log" ]; then
  cat "$out/doxygen/errors.log" >&2
  status=1
fi

# The pages: doc/ and the API reference's pages, generated beside them.
rm -rf "$out/source"
cp -r "$source_dir/doc" "$out/source"
python3 "$source_dir/doc/_ext/api_pages.py" "$out/doxygen/xml" "$out/source/api" || status=1

# Sphinx: -W warnings are errors, --keep-going lists them all, -n warns on every reference that
# resolves to nothing. -E rereads every page so that no warning hides in a cached one.
sphinx-build -b html -W --keep-going -n -E -q -d "$out/doctrees" \
  -D version="$version" -D release="$version" \
  -D breathe_projects.blueprint="$out/doxygen/xml" \
  "$out/source" "$out/html" 2>&1 |
  sed "\|$out/source/api/|!s|$out/source/|doc/|g" >&2
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

if [ "$status" -eq 0 ]; then
  echo "documentation: $out/html/index.html"
else
  echo "make doc: the warnings above are errors" >&2
fi
exit "$status"
