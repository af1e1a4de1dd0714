#!/usr/bin/env bash
# Prints the NR cell benchmark scenario of issue 9, item 5: one 20 MHz n78 cell at mu 1 whose UES
# handsets each send a 100 B UDP packet to a server behind the core and receive one from it
# every INTERVAL (default 10ms), for DURATION simulated seconds (default 10s).
#
#   bash bench/nr-cell-scenario.sh UES [INTERVAL [DURATION [ACCESS]]] > nr-cell.yaml
#
# ACCESS is nr (the default) or wired: the same nodes and flows with each UE on a 1 Gbit/s
# Ethernet link to the gNB node instead of the NR cell, which measures what the rest of the
# path (IP, UDP, queues, the wired hops, the applications and the measurements) costs alone.
#
# Every UE is a source and a sink, in both directions, so the cell's MAC runs its uplink (SR,
# grant, BSR) and downlink paths for every UE; each UE's packets start at a random offset within
# the interval, so the UEs are not in lock-step. The UEs are spread uniformly within 250 m of a
# UMa macro mast; the server reaches the gNB over a 20 m data-centre LAN and 5 km of fibre.
set -euo pipefail
ues=${1:?usage: nr-cell-scenario.sh UES [INTERVAL [DURATION [ACCESS]]]}
interval=${2:-10ms}
duration=${3:-10s}
access=${4:-nr}
if ! [[ $ues =~ ^[1-9][0-9]*$ ]]; then
  echo "nr-cell-scenario: UES must be a positive integer" >&2
  exit 2
fi
case $access in
  nr) cell="cell: {technology: nr, between: [gnb, ues], band: n78, bandwidth: 20MHz, numerology: 1, cell: macro-urban}" ;;
  wired) cell="access: {between: [gnb, ues], profile: ethernet, rate: 1Gbps, length: 100m}" ;;
  *)
    echo "nr-cell-scenario: ACCESS must be nr or wired" >&2
    exit 2
    ;;
esac

cat <<YAML
blueprint: 1
name: nr-cell-${ues}
description: one 20 MHz NR cell with ${ues} UEs, each sending and receiving 100 B every ${interval}
duration: ${duration}
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
  ${cell}
flows:
  uplink:
    from: ues
    to: server
    traffic: {pattern: periodic, interval: ${interval}, size: 100B}
  downlink:
    from: server
    to: ues
    traffic: {pattern: periodic, interval: ${interval}, size: 100B}
YAML
