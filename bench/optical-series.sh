#!/usr/bin/env bash
# The optical series of the benchmark (issue 11), from scenario files as a planner runs them:
#
#   bash bench/optical-series.sh BUILD_DIR CSV
#
# 1. RWA: bench/optical-mesh-scenario.sh writes a mesh of 50 ROADM sites (about 140 fibres) with
#    250, 500 and 750 lightpaths between random pairs; `blueprint validate` reads it and routes and
#    assigns wavelengths to every lightpath (k = 3 shortest routes, first fit, 96 channels, 100G);
#    `blueprint run` does so again, builds every lightpath and carries one probe for 1 s. Then the
#    mesh grows with 2 lightpaths per site (100, 200, 400, 800 sites). Wall time and peak memory.
#    The model alone (build/bench/optical-rwa-bench, the same case on its own random mesh) for
#    comparison.
# 2. PON: bench/pon-scenario.sh writes one 1:128 tree whose ONUs each send 4 Mbit/s up and
#    receive 6 Mbit/s down (Poisson) for 10 simulated seconds under status-reporting DBA: 128 ONUs
#    for each flavour, and 32 and 64 ONUs of GPON; `blueprint run`'s wall time, events (result.json)
#    and peak memory (GNU time).
#
# Prints a table and appends one row per run to CSV (columns: series, case, simulated_s, wall_s,
# events, peak_rss_mib, detail).
set -euo pipefail

build=$1
csv=$2
here=$(cd "$(dirname "$0")" && pwd)
blueprint=$build/blueprint
rwa=$build/bench/optical-rwa-bench
for program in "$blueprint" "$rwa"; do
  if [ ! -x "$program" ]; then
    echo "optical-series: $program not found; build it first (make build)" >&2
    exit 1
  fi
done
command -v jq > /dev/null || { echo "optical-series: needs jq (apt-get install jq)" >&2; exit 1; }
[ -s "$csv" ] || echo "series,case,simulated_s,wall_s,events,peak_rss_mib,detail" > "$csv"
work=$(mktemp -d "${TMPDIR:-/tmp}/blueprint-optical-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

row_format="%-34s %8s %9s %11s %8s  %s\n"
# shellcheck disable=SC2059 # one format for the header and the rows keeps them aligned
printf "$row_format" "optical series" sim_s wall_s events "RSS MiB" detail

# Time a command: sets wall (s) and rss (MiB) from GNU time.
timed() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/out" 2>&1 || {
    echo "optical-series: failed: $*" >&2
    cat "$work/out" >&2
    exit 1
  }
  wall=$(awk '{ print $1 }' "$work/time")
  rss=$(awk '{ printf "%.1f", $2 / 1024 }' "$work/time")
}

# One row of the table and the CSV.
row() {
  # shellcheck disable=SC2059
  printf "$row_format" "$2" "$3" "$wall" "$4" "$rss" "$5"
  echo "$1,$2,$3,$wall,$4,$rss,$5" >> "$csv"
}

# 1. RWA.
mesh() {
  local nodes=$1 demands=$2
  bash "$here/optical-mesh-scenario.sh" "$nodes" "$demands" > "$work/mesh.yaml"
  local links
  links=$(grep -c "technology: optical" "$work/mesh.yaml")
  timed "$blueprint" validate "$work/mesh.yaml"
  row rwa "validate $nodes sites / $demands lightpaths" - - "links=$links"
  timed "$blueprint" run "$work/mesh.yaml" --out "$work/mesh-out"
  row rwa "run $nodes sites / $demands lightpaths" 1 "$(jq .runtime.events "$work/mesh-out/result.json")" \
    "links=$links"
}
for demands in 250 500 750; do
  mesh 50 "$demands"
done
for nodes in 100 200 400 800; do
  mesh "$nodes" $((2 * nodes))
done
line=$("$rwa" --nodes=50 --demands=500)
wall=$(tr ' ' '\n' <<< "$line" | sed -n 's/^wall_s=//p')
rss=-
row rwa "model only: 50 ROADMs / 500 demands" - - "$(tr ' ' '\n' <<< "$line" | grep -E '^(established|blocked)=' | tr '\n' ' ')"

# 2. PON.
pon() {
  local flavour=$1 onus=$2
  bash "$here/pon-scenario.sh" "$flavour" "$onus" 10 > "$work/pon.yaml"
  timed "$blueprint" run "$work/pon.yaml" --out "$work/pon-out"
  local result=$work/pon-out/result.json
  local detail
  detail=$(jq -r '[.flows[] | "\(.name)_mean_ms=\(.latency_ms.mean * 1000 | round / 1000) \(.name)_packets=\(.rx_packets)"] | join(" ")' "$result")
  row pon "$flavour $onus ONUs" 10 "$(jq .runtime.events "$result")" "$detail"
}
for flavour in gpon xgs-pon ge-pon 10g-epon; do
  pon "$flavour" 128
done
pon gpon 64
pon gpon 32
