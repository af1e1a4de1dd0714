#!/usr/bin/env bash
# Prints the NR downlink-per-UE benchmark scenario: one 20 MHz n78 cell whose UES handsets each
# receive one 100 B UDP packet a second from a server behind the core, for 3 simulated seconds.
# Every UE is a flow endpoint, so the run's routing and per-UE state grow with UES (issue 8,
# item B.14: memory and wall time per UE must stay within 2x from 100 to 10,000 UEs).
#
#   bash bench/nr-downlink-scenario.sh UES > nr-downlink.yaml
#
# The UEs are spread uniformly within 250 m of a UMa macro mast; the server reaches the gNB over
# a 20 m data-centre LAN and 5 km of fibre.
set -euo pipefail
ues=${1:?usage: nr-downlink-scenario.sh UES}
if ! [[ $ues =~ ^[1-9][0-9]*$ ]]; then
  echo "nr-downlink-scenario: UES must be a positive integer" >&2
  exit 2
fi

cat <<YAML
blueprint: 1
name: nr-downlink-${ues}
description: one 20 MHz NR cell with ${ues} UEs, each receiving a 100 B packet a second
duration: 3s
seed: 1
sites:
  dc: {position: [0km, -5km]}
  mast: {position: [0km, 0km]}
nodes:
  server: {site: dc, equipment: server}
  core: {site: dc, equipment: router}
  gnb: {site: mast}
  ues: {site: mast, count: ${ues}, placement: {radius: 250m}}
links:
  lan: {between: [core, server], profile: ethernet, rate: 10Gbps, length: 20m}
  backhaul: {between: [core, gnb], profile: fiber, rate: 10Gbps}
  cell: {technology: nr, between: [gnb, ues], band: n78, bandwidth: 20MHz, cell: macro-urban}
flows:
  downlink:
    from: server
    to: ues
    traffic: {pattern: periodic, interval: 1s, size: 100B}
YAML
