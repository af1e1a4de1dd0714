#!/usr/bin/env bash
# Prints an NR benchmark scenario: CELLS gNBs on one n78 carrier, each with UES handsets that send
# low-rate UDP (a 200 B packet every 100 ms, the kind of telemetry issue 3's benchmark asks for)
# to a server behind the cells, for 10 simulated seconds.
#
#   bash bench/nr-scale-scenario.sh CELLS UES > nr.yaml
#
# The cells sit on a 1 km grid of a UMa macro layer and share the carrier, so they interfere; the
# UEs of each cell are spread uniformly within 250 m of their mast.
set -euo pipefail
cells=${1:?usage: nr-scale-scenario.sh CELLS UES}
ues=${2:?usage: nr-scale-scenario.sh CELLS UES}
if ! [[ $cells =~ ^[1-9][0-9]*$ && $ues =~ ^[1-9][0-9]*$ ]]; then
  echo "nr-scale-scenario: CELLS and UES must be positive integers" >&2
  exit 2
fi

cat <<YAML
blueprint: 1
name: nr-scale-${cells}x${ues}
description: ${cells} NR cells with ${ues} UEs each sending 200 B every 100 ms
duration: 10s
seed: 1
sites:
  dc: {position: [0km, -5km]}
YAML
for ((c = 0; c < cells; c++)); do
  echo "  mast-$c: {position: [$((c % 3))km, $((c / 3))km]}"
done
echo "nodes:"
echo "  server: {site: dc, equipment: server}"
echo "  core: {site: dc, equipment: router}"
for ((c = 0; c < cells; c++)); do
  echo "  gnb-$c: {site: mast-$c}"
  echo "  ues-$c: {site: mast-$c, count: $ues, placement: {radius: 250m}}"
done
echo "links:"
echo "  lan: {between: [core, server], profile: ethernet, rate: 10Gbps, length: 20m}"
for ((c = 0; c < cells; c++)); do
  echo "  backhaul-$c: {between: [core, gnb-$c], profile: fiber, rate: 10Gbps}"
  echo "  cell-$c: {technology: nr, between: [gnb-$c, ues-$c], band: n78, cell: macro-urban}"
done
echo "flows:"
for ((c = 0; c < cells; c++)); do
  echo "  telemetry-$c:"
  echo "    from: ues-$c"
  echo "    to: server"
  echo "    traffic: {pattern: periodic, interval: 100ms, size: 200B}"
done
