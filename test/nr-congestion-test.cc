/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A crowded cell: many UEs with little data each. Grants answering scheduling requests are
 * sized by a guess (SrGrantBytes); when many UEs ask at once the guesses must not take the
 * carrier from the UEs still waiting.
 */

#include "helper/scenario-reader.h"
#include "helper/scenario-runner.h"

#include <gtest/gtest.h>
#include <string>

using namespace ns3;

/// 600 UEs in one n78 macro cell (DDDSU, 100 MHz) each send 200 B every 100 ms by scheduling
/// request: 9.6 Mbit/s of uplink, a tenth of the cell's. Before SR grants were shared, each SR
/// got a 1600-byte grant, mostly padding; eight UEs' guesses filled a PUSCH slot, the rest
/// waited, and the p99 delay reached 151 ms. Shared, every packet arrives within the time a
/// scheduling request, a grant and one retry take.
TEST(NrCongestionTest, ScheduledUplinkOfManySmallSendersDoesNotQueue)
{
    std::string text = R"(blueprint: 1
name: crowded-cell
duration: 2s
sites:
  dc: {position: [0km, -5km]}
  mast: {position: [0km, 0km]}
nodes:
  server: {site: dc, equipment: server}
  core: {site: dc, equipment: router}
  gnb: {site: mast}
  ues: {site: mast, count: 600, placement: {radius: 250m}}
links:
  lan: {between: [core, server], profile: ethernet, rate: 10Gbps, length: 20m}
  backhaul: {between: [core, gnb], profile: fiber, rate: 10Gbps}
  cell: {technology: nr, between: [gnb, ues], band: n78, cell: macro-urban}
flows:
  telemetry:
    from: ues
    to: server
    traffic: {pattern: periodic, interval: 100ms, size: 200B}
)";
    RunResult r =
        ScenarioRunner(ScenarioDocument::FromString(text, "crowded.yaml").Resolve("base")).Run();
    ASSERT_EQ(r.flows.size(), 1u);
    const FlowResult& f = r.flows[0];
    EXPECT_EQ(f.txPackets, 12000u);
    EXPECT_EQ(f.rxPackets, f.txPackets);
    EXPECT_LT(f.latency.p99, 20.0);
    EXPECT_LT(f.latency.p50, 10.0);
}
