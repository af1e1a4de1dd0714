#!/usr/bin/env bash
# Prints the scale benchmark's regional network (bench/scale-scenario.sh N) with a fault timeline,
# for the fault series of bench/run-bench.sh (issue 12: failover cost must stay linear):
#
#   bash bench/fault-scale-scenario.sh N > faults-N.yaml
#
# Every access router gets a second, longer uplink to the core (a protection fibre along another
# route, route factor 2.5 against the primary's 1), and 20 s into the 60 s run 57 % of the primary
# uplinks are cut (the share of base-station cables lost in the 2024 Noto earthquake), to be
# restored at 40 s. Routing fails over after the default detection and reconvergence (150 + 200
# ms) and moves back after the restoration, recomputing only the trees the cut touches.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bash "$here/scale-scenario.sh" "$@" |
  sed -e 's/^name: scale-/name: faults-/' \
      -e '/^  dc-lan:$/i\
  protection:\
    between: [core, access]           # a second uplink per access router, on a longer route\
    profile: fiber\
    rate: 10Gbps\
    route_factor: 2.5'
cat <<'YAML'
events:
  - {at: 20s, until: 40s, cut: aggregation, fraction: 57%}
YAML
