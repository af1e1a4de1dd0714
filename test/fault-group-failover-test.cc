/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Failover towards a group behind one node (doc/faults.rst, Routing's reaction): the UEs of a
 * cell share their gNB's shortest-path tree, and when a cut makes that tree stale every UE's
 * routes must follow it, not only the first UE's.
 */

#include "helper/scenario/scenario-document.h"
#include "helper/scenario/scenario-runner.h"
#include "scenario-run-support.h"

#include <gtest/gtest.h>
#include <string>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;
using blueprint_test::FlowOf;

/// Three phones on a local 5G cell whose router reaches the server over an exchange and a trunk
/// (the primary) or a microwave hop (the backup); the trunk is cut at 1 s.
const std::string kCell = R"(blueprint: 1
name: group-failover
duration: 3s
sites:
  s: {position: [0km, 0km]}
  x: {position: [1km, 0km]}
  c: {position: [5km, 0km]}
nodes:
  phones: {site: s, count: 3, placement: {radius: 30m}}
  gnb: {site: s}
  r: {site: s, equipment: router}
  ex: {site: x, equipment: router}
  srv: {site: c, equipment: server}
links:
  cell: {technology: nr, between: [gnb, phones], band: local5g-sub6, cell: small}
  bh: {between: [r, gnb], profile: ethernet, rate: 1Gbps, length: 30m}
  acc: {between: [ex, r], profile: fiber, rate: 1Gbps}
  trunk: {between: [srv, ex], profile: fiber, rate: 1Gbps}
  backup: {technology: microwave, between: [srv, r], preset: microwave-18ghz}
flows:
  down: {from: srv, to: phones, traffic: {pattern: periodic, interval: 100ms, size: 100B}}
events:
  - {at: 1s, cut: trunk}
)";

TEST(FaultGroupFailoverTest, EveryUeOfACellIsReachedOverTheBackupAfterACut)
{
    const RunResult r =
        ScenarioRunner(ScenarioDocument::FromString(kCell, "cell.yaml").Resolve("base")).Run();
    const FlowResult& down = FlowOf(r, "down");
    ASSERT_TRUE(down.outage.has_value());
    // Every member comes back after detection + reconvergence (350 ms by default), within one
    // 100 ms interval: before the fix only the first UE's routes followed the recomputed tree,
    // and the outage of the other two lasted to the end of the run.
    EXPECT_FALSE(down.outage->unrestored);
    EXPECT_LE(down.outage->seconds, 0.350 + 0.100 + 0.05);
    EXPECT_EQ(down.outage->lostBefore, 0u);
    // About 4 packets per member are lost while routing converges, none after.
    EXPECT_LE(down.outage->lostAfter, 3u * 5u);
}

TEST(FaultGroupFailoverTest, EveryUeOfACellBroughtInIsReachedOnceRoutingConverges)
{
    // The gNB arrives at 1 s (a vehicle base station): its UEs' only links come back without any
    // shortest-path tree changing, and before the fix only the first UE's routes were installed
    // again (82 % lost instead of about 45 %).
    std::string text = kCell;
    text.replace(text.find("  - {at: 1s, cut: trunk}"), 24, "  - {at: 1s, bring_in: gnb}");
    const RunResult r =
        ScenarioRunner(ScenarioDocument::FromString(text, "cell.yaml").Resolve("base")).Run();
    const FlowResult& down = FlowOf(r, "down");
    ASSERT_TRUE(down.outage.has_value());
    EXPECT_FALSE(down.outage->unrestored);
    // Lost: the first second (absent) and detection + reconvergence after it, for each member.
    const double expected = 3.0 * (1.0 + 0.350) / 0.100;
    EXPECT_NEAR(static_cast<double>(down.txPackets - down.rxPackets), expected, 3.0 * 1.0);
}

} // namespace
