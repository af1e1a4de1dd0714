#!/usr/bin/env bash
# The NTN series, from YAML (bench/ntn-scenario.sh): a Starlink-like shell (72 planes x 22 =
# 1,584 satellites) serving 10, 100 and 1,000 dishes over Japan for 60 simulated seconds, each
# dish sending a 200 B packet every 100 ms, and the 1,000-dish case again under four times the
# satellites (72 x 88 = 6,336). Wall time and peak memory must grow with the terminals, not with
# satellites x terminals.
#
#   bash bench/ntn-bench.sh [BUILD_DIR]
#
# Prints one row per run: satellites, terminals, simulated s, wall s (runtime.wall_s of
# result.json: building, running and measuring), events, packets delivered, wall us per
# delivered packet, peak RSS MiB (GNU time, the whole process).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build}
case $build in
  /*) ;;
  *) build=$PWD/$build ;;
esac
blueprint=$build/blueprint
if [ ! -x "$blueprint" ]; then
  echo "ntn-bench: $blueprint not found; build it first (make build)" >&2
  exit 1
fi
command -v jq > /dev/null || { echo "ntn-bench: needs jq (apt-get install jq)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

format="%-10s %-9s %-11s %-8s %-9s %-9s %-10s %s\n"
# shellcheck disable=SC2059 # one format for the header and the rows keeps them aligned
printf "$format" satellites terminals simulated_s wall_s events delivered us/packet peak_MiB
run() {
  local terminals=$1 per_plane=$2
  local file=$work/ntn-$terminals-$per_plane.yaml out=$work/out-$terminals-$per_plane
  bash "$here/ntn-scenario.sh" "$terminals" "$per_plane" 60 > "$file"
  if ! /usr/bin/time -f '%M' -o "$work/time" "$blueprint" run "$file" --out "$out" \
      > "$work/log" 2>&1; then
    echo "ntn-bench: blueprint run $file failed:" >&2
    tail -n 20 "$work/log" >&2
    return 1
  fi
  local rss
  rss=$(tail -n 1 "$work/time")
  jq -r '[.runtime.wall_s, .runtime.events, ([.flows[].rx_packets] | add)] | @tsv' \
    "$out/result.json" | awk -v s=$((72 * per_plane)) -v t="$terminals" -v rss="$rss" \
      -v fmt="$format" '{
        printf fmt, s, t, "61", sprintf("%.2f", $1), $2, $3, sprintf("%.1f", $1 / $3 * 1e6),
          sprintf("%.1f", rss / 1024)
      }'
}
for n in 10 100 1000; do
  run "$n" 22
done
run 1000 88
