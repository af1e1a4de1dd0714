#!/usr/bin/env bash
# The optical series of the benchmark (issue 11): technologies the scenario format does not reach
# yet are timed with their own programs (bench/*.cc, built into BUILD_DIR/bench).
#
#   bash bench/optical-series.sh BUILD_DIR CSV
#
# 1. RWA: optical-rwa-bench, 50 ROADMs, 500 demands (k = 3 shortest routes, first fit, 100G on
#    96 channels); the wall time of provisioning them all.
# 2. PON: pon-bench, one 1:128 tree with 128 ONUs under load (4 Mbit/s up and 6 Mbit/s down per
#    ONU, Poisson) for 10 simulated seconds, for each flavour under status-reporting DBA; wall
#    time, events and peak memory (GNU time). A 1:128 split exceeds GE-PON's PX20 budget (24 dB),
#    so GE-PON runs with the 29 dB of 1000BASE-PX30 (IEEE 802.3bk).
#
# Prints a table and appends one row per run to CSV (columns: series, case, simulated_s, wall_s,
# events, peak_rss_mib, detail).
set -euo pipefail

build=$1
csv=$2
rwa=$build/bench/optical-rwa-bench
pon=$build/bench/pon-bench
for program in "$rwa" "$pon"; do
  if [ ! -x "$program" ]; then
    echo "optical-series: $program not found; build it first (make build)" >&2
    exit 1
  fi
done
[ -s "$csv" ] || echo "series,case,simulated_s,wall_s,events,peak_rss_mib,detail" > "$csv"
work=$(mktemp -d "${TMPDIR:-/tmp}/blueprint-optical-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The value of key $2 in a line of key=value pairs $1.
field() {
  tr ' ' '\n' <<< "$1" | sed -n "s/^$2=//p"
}

row_format="%-34s %8s %9s %11s %8s  %s\n"
# shellcheck disable=SC2059 # one format for the header and the rows keeps them aligned
printf "$row_format" "optical series" sim_s wall_s events "RSS MiB" detail

# 1. RWA on a 50-node mesh.
line=$(/usr/bin/time -f '%M' -o "$work/time" "$rwa" --nodes=50 --demands=500)
rss=$(awk '{ printf "%.1f", $1 / 1024 }' "$work/time")
detail="fibres=$(field "$line" fibres) established=$(field "$line" established) blocked=$(field "$line" blocked)"
# shellcheck disable=SC2059
printf "$row_format" "rwa 50 nodes / 500 demands" - "$(field "$line" wall_s)" - "$rss" "$detail"
echo "rwa,50x500,,$(field "$line" wall_s),,$rss,$detail" >> "$csv"

# 2. PON with 128 ONUs for 10 simulated seconds, per flavour.
for flavour in gpon xgs-pon ge-pon 10g-epon; do
  budget=0
  [ "$flavour" = ge-pon ] && budget=29
  line=$(/usr/bin/time -f '%M' -o "$work/time" "$pon" --onus=128 --duration=10 \
    --flavour="$flavour" --budget="$budget")
  rss=$(awk '{ printf "%.1f", $1 / 1024 }' "$work/time")
  detail="up_mean_us=$(field "$line" up_mean_us) down_mean_us=$(field "$line" down_mean_us) up_packets=$(field "$line" up_packets)"
  # shellcheck disable=SC2059
  printf "$row_format" "pon $flavour 128 ONUs" 10 "$(field "$line" wall_s)" \
    "$(field "$line" events)" "$rss" "$detail"
  echo "pon,$flavour-128,10,$(field "$line" wall_s),$(field "$line" events),$rss,$detail" >> "$csv"
done
