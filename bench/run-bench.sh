#!/usr/bin/env bash
# Benchmarks the blueprint program: wall time, simulator events per second and peak memory.
#
#   bash bench/run-bench.sh [BUILD_DIR [SERIES...]]   (make bench: BUILD_DIR=build, all series)
#
# SERIES picks some of: shipped, scale, faults, nr, downlink, cell, ntn, optical, compute
# (default: all, in that order).
#
# 1. Every shipped scenario, scenarios/*.yaml, with `blueprint compare`: one row per configuration.
# 2. A scale series from bench/scale-scenario.sh: 10, 100, 1,000 and 10,000 nodes sending periodic
#    telemetry for 60 simulated seconds, each with `blueprint run`.
# 2b. A fault series from bench/fault-scale-scenario.sh (issue 12): the scale series' 1,000 and
#    10,000 nodes with a protection uplink per access router and 57 % of the primary uplinks cut
#    from 20 s to 40 s, so failover and restoration cost can be set beside the scale rows.
# 3. An NR series from bench/nr-scale-scenario.sh: one cell with 1, 10, 100 and 1,000 UEs, and seven
#    cells with 100 UEs each, 10 simulated seconds of low-rate UDP.
# 4. An NR downlink-per-UE series from bench/nr-downlink-scenario.sh: one 20 MHz cell whose 100,
#    1,000, 2,000, 4,000 and 10,000 UEs each receive a 100 B packet a second for 3 s, so every UE
#    is a flow endpoint (issue 8, B.14: cost per UE within 2x over the series).
# 5. An NR cell series from bench/nr-cell-scenario.sh (issue 9, item 5): one 20 MHz cell at mu 1
#    whose UEs each send and receive 100 B, for 10 s: 50 UEs every 10 ms (the cell the MAC must
#    simulate at 0.06 s of wall time per simulated second), the same 50 UEs on Ethernet instead
#    of NR (what the rest of the path costs alone), then 10, 50, 100, 1,000 and 10,000 UEs
#    carrying one total load the cell carries at every size (2,000 packets a second each way:
#    each UE every UES x 0.5 ms). A second table gives each run's cost per delivered packet, and
#    the marginal CPU time per packet from a second, 2 s run of each shape.
# 6. An NTN series from bench/ntn-bench.sh: scenarios from bench/ntn-scenario.sh, a 1,584-satellite
#    shell with 10, 100 and 1,000 dishes for 60 simulated seconds, and 1,000 dishes under 6,336
#    satellites, each with `blueprint run`.
# 7. An optical series from bench/optical-series.sh (issue 11), from scenario files: RWA of 250 to
#    750 lightpaths on a 50-site mesh and of 2 per site on 100 to 800 sites (validate and run),
#    and a PON of 128 ONUs under load for 10 simulated seconds per flavour (and 32, 64 ONUs of
#    GPON); its rows go to bench/results/<date>-optical.csv.
# 8. A compute series from bench/compute-scenario.sh (issue 13): 1,000 and 10,000 messages a
#    second from 100 sensors through a compute node of 8 servers for 10 simulated seconds, each
#    beside the same flow sent direct (no via), and the queue alone (build/bench/compute-bench)
#    at the same rates.
#
# Columns (see doc/benchmarks.rst):
#   simulated s    the scenario's duration plus its drain: the simulated time the simulator runs
#   wall s         runtime.wall_s from result.json: building the ns-3 network, running and
#                  measuring one configuration (not process start, YAML parsing or file writing)
#   events         runtime.events from result.json: ns-3 events executed (Simulator::GetEventCount)
#   events/s, sim s/wall s   the two above over wall s
#   peak RSS MiB   the process's maximum resident set size from GNU time; the configurations of
#                  one `compare` share one process, so they share its peak
# The CSV also has process_wall_s and process_cpu_s, the whole process's elapsed time and its user
# plus system CPU time from GNU time. A CPU time well below the wall time says another program
# took the CPU away; equal times do not prove a quiet machine, since a program sharing the caches
# or the physical core slows CPU time too. The load average printed first is a further hint;
# repeat the benchmark to see the spread.
#
# The table goes to stdout as the runs finish, the CSV to bench/results/<date>.csv.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
# A build folder given on the command line is relative to the current directory; the default is
# the repository's build/, where `make build` puts the Release build.
build=${1:-$root/build}
shift $(($# > 0 ? 1 : 0))
series=${*:-shipped scale faults nr downlink cell ntn optical compute}
for one in $series; do
  case $one in
    shipped | scale | faults | nr | downlink | cell | ntn | optical | compute) ;;
    *)
      echo "run-bench: unknown series '$one' (shipped, scale, faults, nr, downlink, cell, ntn, optical, compute)" >&2
      exit 2
      ;;
  esac
done
# Whether series $1 was asked for.
wanted() {
  [[ " $series " == *" $1 "* ]]
}
case $build in
  /*) ;;
  *) build=$PWD/$build ;;
esac
blueprint=$build/blueprint

if [ ! -x "$blueprint" ]; then
  echo "run-bench: $blueprint not found; build it first (make build)" >&2
  exit 1
fi
if [ ! -x /usr/bin/time ] || ! /usr/bin/time --version 2>&1 | grep -q GNU; then
  echo "run-bench: needs GNU time as /usr/bin/time (Debian package 'time'):" >&2
  echo "  sudo apt-get install time" >&2
  exit 1
fi
if ! command -v jq > /dev/null; then
  echo "run-bench: needs jq to read result.json (Debian package 'jq'):" >&2
  echo "  sudo apt-get install jq" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/blueprint-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$root/bench/results"
csv=$root/bench/results/$(date +%F).csv

# Seconds in a scenario duration such as 2s, 500ms, 1.5 s or 2min (doc/scenario-format.rst).
to_seconds() {
  awk -v q="$1" 'BEGIN {
    gsub(/[ \t]/, "", q)
    n = q; sub(/[^0-9.eE+-]+$/, "", n)
    u = substr(q, length(n) + 1)
    f["ns"] = 1e-9; f["us"] = 1e-6; f["µs"] = 1e-6; f["ms"] = 1e-3; f["s"] = 1
    f["min"] = 60; f["h"] = 3600; f["d"] = 86400
    if (n == "" || !(u in f)) { exit 1 }
    printf "%.9g", n * f[u]
  }'
}

# The simulated time of one result folder: duration_s plus the resolved scenario's drain
# (1 s when it sets none, the default in doc/scenario-format.rst).
simulated_seconds() {
  local dir=$1 duration drain
  duration=$(jq -r '.duration_s' "$dir/result.json")
  # The top-level `drain:` line, without a trailing comment or quotes.
  drain=$(sed -n 's/^drain:[ \t]*//p' "$dir/scenario.resolved.yaml" |
    sed "s/[ \t]*#.*//; s/^[\"']//; s/[\"']\$//")
  if [ -z "$drain" ]; then
    drain=1
  elif ! drain=$(to_seconds "$drain"); then
    echo "run-bench: cannot read drain in $dir/scenario.resolved.yaml" >&2
    return 1
  fi
  awk -v a="$duration" -v b="$drain" 'BEGIN { printf "%.9g", a + b }'
}

echo "blueprint bench: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
row_format="%-44s %7s %7s %6s %9s %11s %10s %8s %8s\n"
# shellcheck disable=SC2059 # one format for the header and the rows keeps them aligned
printf "$row_format" "scenario/configuration" nodes links sim_s wall_s events events/s sim/wall \
  "RSS MiB"
csv_header=scenario,configuration,nodes,links,simulated_s,wall_s,events,events_per_wall_s
csv_header+=,simulated_s_per_wall_s,peak_rss_mib,process_wall_s,process_cpu_s
echo "$csv_header" > "$csv"

# Prints one table row and appends one CSV row for the result folder $3 of scenario $1,
# configuration $2, run in a process that peaked at $4 KiB, lasted $5 s and used $6 s of CPU.
report() {
  local scenario=$1 configuration=$2 dir=$3 rss_kib=$4 process_wall=$5 process_cpu=$6
  local nodes links wall events simulated
  read -r nodes links wall events < <(jq -r \
    '[.topology.nodes, .topology.links, .runtime.wall_s, .runtime.events] | @tsv' \
    "$dir/result.json")
  simulated=$(simulated_seconds "$dir")
  awk -v s="$scenario" -v c="$configuration" -v n="$nodes" -v l="$links" -v sim="$simulated" \
    -v w="$wall" -v e="$events" -v k="$rss_kib" -v pw="$process_wall" -v pc="$process_cpu" \
    -v fmt="$row_format" -v csv="$csv" 'BEGIN {
      name = (c == "") ? s : s "/" c
      mib = k / 1024
      if (w <= 0) { w = 1e-6 }  # one microsecond: a rate never divides by zero
      printf fmt, name, n, l, sprintf("%g", sim), sprintf("%.3f", w), e,
        sprintf("%.0f", e / w), sprintf("%.1f", sim / w), sprintf("%.1f", mib)
      printf "%s,%s,%d,%d,%g,%.6f,%d,%.0f,%.3f,%.1f,%.2f,%.2f\n", s, c, n, l, sim, w, e, e / w,
        sim / w, mib, pw, pc >> csv
    }'
}

# Runs `blueprint ARGS...` under GNU time; sets rss_kib, process_wall and process_cpu. On failure
# prints the program's output and returns non-zero.
timed() {
  local log=$work/log
  if ! /usr/bin/time -f '%M %e %U %S' -o "$work/time" "$blueprint" "$@" > "$log" 2>&1; then
    echo "run-bench: blueprint $* failed:" >&2
    tail -n 20 "$log" >&2
    return 1
  fi
  local user system
  read -r rss_kib process_wall user system < <(tail -n 1 "$work/time")
  process_cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
}

failed=0

# 1. Shipped scenarios, every configuration.
for file in "$root"/scenarios/*.yaml; do
  wanted shipped || break
  name=$(basename "$file" .yaml)
  out=$work/$name
  if ! timed compare "$file" --out "$out"; then
    failed=1
    continue
  fi
  # Configurations in the order compare ran them (base first), from compare.csv's 2nd column.
  while read -r configuration; do
    report "$name" "$configuration" "$out/$configuration" "$rss_kib" "$process_wall" "$process_cpu"
  done < <(awk -F, 'NR > 1 && !seen[$2]++ { print $2 }' "$out/compare.csv")
done

# 2. Scale series.
for n in 10 100 1000 10000; do
  wanted scale || break
  file=$work/scale-$n.yaml
  bash "$here/scale-scenario.sh" "$n" > "$file"
  out=$work/scale-$n
  if ! timed run "$file" --out "$out"; then
    failed=1
    continue
  fi
  report "scale-$n" "" "$out" "$rss_kib" "$process_wall" "$process_cpu"
done

# 2b. Fault series (issue 12): the same networks with a protection uplink and a timed cut.
for n in 1000 10000; do
  wanted faults || break
  file=$work/faults-$n.yaml
  bash "$here/fault-scale-scenario.sh" "$n" > "$file"
  out=$work/faults-$n
  if ! timed run "$file" --out "$out"; then
    failed=1
    continue
  fi
  report "faults-$n" "" "$out" "$rss_kib" "$process_wall" "$process_cpu"
done

# 3. NR series (issue 3): one cell with 1 to 1,000 UEs, and 7 interfering cells of 100 UEs each,
#    10 simulated seconds of low-rate UDP.
for shape in 1x1 1x10 1x100 1x1000 7x100; do
  wanted nr || break
  file=$work/nr-$shape.yaml
  bash "$here/nr-scale-scenario.sh" "${shape%x*}" "${shape#*x}" > "$file"
  out=$work/nr-$shape
  if ! timed run "$file" --out "$out"; then
    failed=1
    continue
  fi
  report "nr-$shape" "" "$out" "$rss_kib" "$process_wall" "$process_cpu"
done

# 4. NR downlink-per-UE series (issue 8, B.14): one cell, every UE a flow endpoint.
for n in 100 1000 2000 4000 10000; do
  wanted downlink || break
  file=$work/nr-downlink-$n.yaml
  bash "$here/nr-downlink-scenario.sh" "$n" > "$file"
  out=$work/nr-downlink-$n
  if ! timed run "$file" --out "$out"; then
    failed=1
    continue
  fi
  report "nr-downlink-$n" "" "$out" "$rss_kib" "$process_wall" "$process_cpu"
done

# 5. NR cell series (issue 9, item 5): the 50-UE cell, the same over wired access, and one cell
#    at a constant total load with 10 to 10,000 UEs. Each shape also runs for 2 s: the difference
#    from the 10 s run is the marginal cost, without building and tearing down the network.
cell_rows=()
for shape in 50x10ms 50x10ms-wired 10x5ms 50x25ms 100x50ms 1000x500ms 10000x5s; do
  wanted cell || break
  access=nr
  if [[ $shape == *-wired ]]; then
    access=wired
  fi
  size=${shape%-wired}
  for duration in 10s 2s; do
    file=$work/nr-cell-$shape-$duration.yaml
    bash "$here/nr-cell-scenario.sh" "${size%x*}" "${size#*x}" "$duration" "$access" > "$file"
    out=$work/nr-cell-$shape-$duration
    if ! timed run "$file" --out "$out"; then
      failed=1
      continue 2
    fi
    if [ "$duration" = 10s ]; then
      report "nr-cell-$shape" "" "$out" "$rss_kib" "$process_wall" "$process_cpu"
      long_cpu=$process_cpu
    fi
  done
  cell_rows+=("$shape $work/nr-cell-$shape-10s $long_cpu $work/nr-cell-$shape-2s $process_cpu")
done
if [ ${#cell_rows[@]} -gt 0 ]; then
  # Cost per delivered packet (both directions), which a constant load makes comparable across
  # the rows: wall time and events of the 10 s run, and the marginal CPU time per packet of its
  # last 8 simulated seconds (10 s run minus 2 s run: no set-up, no tear-down).
  echo
  cell_format="%-22s %10s %11s %12s %10s %11s %14s\n"
  # shellcheck disable=SC2059 # one format for the header and the rows keeps them aligned
  printf "$cell_format" "nr-cell: UEs x every" delivered events/pkt "wall us/pkt" us/event \
    "wall/sim s" "marg. cpu us/pkt"
  for row in "${cell_rows[@]}"; do
    read -r shape out cpu short short_cpu <<< "$row"
    simulated=$(simulated_seconds "$out")
    short_packets=$(jq '[.flows[].rx_packets] | add' "$short/result.json")
    jq -r '[([.flows[].rx_packets] | add), .runtime.events, .runtime.wall_s] | @tsv' \
      "$out/result.json" | awk -v n="$shape" -v sim="$simulated" -v fmt="$cell_format" \
      -v cpu="$cpu" -v scpu="$short_cpu" -v spkt="$short_packets" '{
        marginal = ($1 > spkt) ? (cpu - scpu) / ($1 - spkt) * 1e6 : 0
        printf fmt, n, $1, sprintf("%.2f", $2 / $1), sprintf("%.2f", $3 / $1 * 1e6),
          sprintf("%.2f", $3 / $2 * 1e6), sprintf("%.4f", $3 / sim), sprintf("%.2f", marginal)
      }'
  done
fi

# 6. The NTN series from bench/ntn-bench.sh (its own table: satellites, dishes, and the wall time
#    per delivered packet).
if wanted ntn; then
  echo
  if ! bash "$here/ntn-bench.sh" "$build"; then
    failed=1
  fi
fi

# 7. Optical series (issue 11): RWA and PON scenarios, their own table and CSV.
if wanted optical; then
  echo
  if ! bash "$here/optical-series.sh" "$build" "${csv%.csv}-optical.csv"; then
    failed=1
  fi
fi

# 8. Compute series (issue 13): a compute node under 1,000 and 10,000 messages a second, beside
#    the same flow without it, then the queue alone at the same rates.
if wanted compute; then
  echo
  # shellcheck disable=SC2059 # the same format as the first table
  printf "$row_format" "scenario/configuration" nodes links sim_s wall_s events events/s sim/wall \
    "RSS MiB"
  for rate in 1000 10000; do
    for shape in direct via; do
      file=$work/compute-$rate-$shape.yaml
      bash "$here/compute-scenario.sh" "$rate" 8 10 "${shape/via/}" > "$file"
      out=$work/compute-$rate-$shape
      if ! timed run "$file" --out "$out"; then
        failed=1
        continue
      fi
      report "compute-$rate-$shape" "" "$out" "$rss_kib" "$process_wall" "$process_cpu"
    done
  done
  for rate in 1000 10000; do
    if ! "$build/bench/compute-bench" --rate="$rate" --servers=8 --duration=10; then
      failed=1
    fi
  done
fi

echo
echo "CSV: $csv"
exit $failed
