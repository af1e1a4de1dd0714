#!/usr/bin/env bash
# The NTN series: a Starlink-like shell (72 planes x 22 = 1,584 satellites) serving 10, 100 and
# 1,000 terminals over Japan for 60 simulated seconds (examples/ntn-scale-example.cc), and the
# 1,000-terminal case again with four times the satellites (72 x 88 = 6,336). Wall time and peak
# memory must grow with the terminals, not with satellites x terminals.
#
#   bash bench/ntn-bench.sh [BUILD_DIR]
#
# Prints one row per run: satellites, terminals, simulated s, wall s (Simulator::Run only),
# events, packets delivered, beams created, peak RSS MiB (GNU time).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build}
case $build in
  /*) ;;
  *) build=$PWD/$build ;;
esac
program=$build/examples/ntn-scale-example
if [ ! -x "$program" ]; then
  echo "ntn-bench: $program not found; build it first (make build)" >&2
  exit 1
fi
printf '%-10s %-9s %-11s %-8s %-9s %-9s %-6s %s\n' satellites terminals simulated_s wall_s \
  events delivered beams peak_MiB
run() {
  local out rss
  out=$( { /usr/bin/time -f 'rss %M' "$program" "$@" ; } 2>&1 )
  rss=$(sed -n 's/^rss \([0-9]*\)$/\1/p' <<<"$out")
  awk -v rss="$rss" '/^satellites/ {
      printf "%-10s %-9s %-11s %-8.2f %-9s %-9s %-6s %.1f\n", $2, $4, $6, $8, $10, $12, $14, rss / 1024
    }' <<<"$out"
}
for n in 10 100 1000; do
  run --terminals="$n" --seconds=60
done
run --terminals=1000 --seconds=60 --perPlane=88
