#!/usr/bin/env bash
# Installs the Debian 12 packages blueprint builds against, only those that are missing.
# As root it runs apt-get; otherwise it prints the exact sudo command and stops.
# Extra package names given as arguments are installed too (make bench adds time and jq, make deb
# dpkg-dev, make doc doxygen, python3-sphinx and python3-breathe).
# gnuplot-nox draws the plots of `blueprint aggregate` and `blueprint report`; chromium renders a
# report in the tests (ReportRenderTest, test/report-test.cc), which read its screenshot with zlib.
set -euo pipefail
packages=(libns3-dev ns3 libgsl-dev libyaml-cpp-dev libyaml-dev libeigen3-dev libboost-dev libboost-math-dev
          nlohmann-json3-dev libgtest-dev gnuplot-nox chromium zlib1g-dev cmake pkg-config g++ make
          "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "blueprint needs these Debian packages: ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo sh -c '$cmd'" >&2
  exit 1
fi
echo "Installing: ${missing[*]}" >&2
sh -c "$cmd"
