/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Uplink scheduling by scheduling request and buffer status report under stress: a crowded cell
 * (grants answering SRs are sized by a guess, SrGrantBytes, which must not take the carrier from
 * the UEs still waiting) and HARQ retransmissions that deliver a buffer report late.
 */

#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"

#include <gtest/gtest.h>
#include <string>

using namespace ns3;
using namespace ns3::blueprint;

/// 600 UEs in one n78 macro cell (DDDSUUDDDD, 100 MHz) each send 200 B every 100 ms by
/// scheduling request: 9.6 Mbit/s of uplink, a tenth of the cell's. Before SR grants were
/// shared, each SR got a 1600-byte grant, mostly padding; eight UEs' guesses filled a PUSCH slot,
/// the rest waited, and the p99 delay reached 151 ms. Shared, every packet arrives within the
/// time a scheduling request, a grant and one buffer report loop take (an SR brings one grant:
/// a share too small for the packet carries its start and a BSR for the rest). The PUCCH gets
/// enough SR resources for an SR occasion in every uplink TTI (PucchSrPrbs 60: 720 per TTI), as
/// in the TR 37.910 evaluation, so this measures the grants, not the SR capacity
/// (NrControlChannelTest covers that).
TEST(NrUlSchedulingTest, ScheduledUplinkOfManySmallSendersDoesNotQueue)
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
  cell:
    technology: nr
    between: [gnb, ues]
    band: n78
    cell: macro-urban
    attributes: {PucchSrPrbs: "60"}
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
    EXPECT_LT(f.latency.p50, 15.0) << "p99 " << f.latency.p99 << ", mean " << f.latency.mean;
}

/// A buffer report that HARQ delivers late must not cancel a newer scheduling request. One UE
/// sends 4 Mbit/s of video at 60 frames/s and a forced 30 % BLER makes blocks need
/// retransmissions: the last block of a frame reports an empty buffer, the next frame's data
/// triggers an SR while that block is still in HARQ, and when the block finally decodes, its
/// stale "empty" report used to zero the need the SR announced. The UE, its SR still pending,
/// never asked again: 12 of 1800 packets arrived. Now only blocks that fail all four attempts
/// (0.3^4) are lost.
TEST(NrUlSchedulingTest, LateBufferReportDoesNotCancelANewerSchedulingRequest)
{
    const std::string text = R"(blueprint: 1
name: stale-bsr
duration: 5s
sites:
  mast: {position: [0m, 0m]}
  field: {position: [200m, 0m]}
  dc: {position: [5km, 0km]}
nodes:
  gnb: {site: mast}
  ue: {site: field}
  server: {site: dc, equipment: server}
links:
  cell:
    technology: nr
    between: [gnb, ue]
    band: n78
    propagation: {condition: LOS, shadowing: false}
    attributes: {FixedBler: "0.3"}
  backhaul: {between: [server, gnb], profile: fiber, rate: 10Gbps}
flows:
  up:
    from: ue
    to: server
    traffic: {pattern: video, rate: 4Mbps, frame_rate: 60}
)";
    RunResult r =
        ScenarioRunner(ScenarioDocument::FromString(text, "stale.yaml").Resolve("base")).Run();
    ASSERT_EQ(r.flows.size(), 1u);
    const FlowResult& f = r.flows[0];
    EXPECT_EQ(f.txPackets, 1800u);
    EXPECT_GT(f.rxPackets, 1750u);
    EXPECT_LT(f.latency.max, 60.0);
}
