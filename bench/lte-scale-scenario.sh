#!/usr/bin/env bash
# Prints an LTE benchmark scenario: the NR series' network (bench/nr-scale-scenario.sh) with LTE
# cells instead: CELLS eNBs of band 1 (10 MHz at 2140 MHz) through one EPC whose PGW sits at the
# core router, each with UES handsets that send a 200 B UDP packet every 100 ms to the server, for
# DURATION simulated seconds (default 10s; ns-3's LTE model is slow, see doc/benchmarks.rst).
#
#   bash bench/lte-scale-scenario.sh CELLS UES [DURATION] > lte.yaml
#
# The cells share ns-3's one pair of LTE spectrum channels, so every eNB-UE pair is evaluated:
# CELLS x CELLS x UES pairs, each with TR 38.901 models of its own. The eNBs reach the core over
# the EPC's S1-U links, so the NR series' backhaul fibres are left out.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cells=${1:?usage: lte-scale-scenario.sh CELLS UES [DURATION]}
ues=${2:?usage: lte-scale-scenario.sh CELLS UES [DURATION]}
duration=${3:-10s}
if ! [[ $duration =~ ^[0-9.]+(ms|s)$ ]]; then
  echo "lte-scale-scenario: DURATION must be a time such as 10s or 100ms" >&2
  exit 2
fi
bash "$here/nr-scale-scenario.sh" "$cells" "$ues" | sed -E \
  -e "s/^name: nr-scale-/name: lte-scale-/" \
  -e "s/^description: ([0-9]+) NR cells/description: \1 LTE cells/" \
  -e "s/^duration: 10s$/duration: $duration/" \
  -e "/^  backhaul-[0-9]+: /d" \
  -e "s/technology: nr, between: \[(gnb-[0-9]+), (ues-[0-9]+)\], band: n78, cell: macro-urban/technology: lte, between: [\1, \2], band: 1, bandwidth: 10MHz, cell: macro-urban, core: core/" \
  -e "s/gnb-/enb-/g"
