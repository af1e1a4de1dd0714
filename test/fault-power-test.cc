/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Power supplies and the fault timeline together (doc/faults.rst, Power loss; doc/power.rst): a
 * `power_loss` event hands a node to its battery, the battery runs dry at the time its capacity
 * and the node's modelled draw give, the node goes dark then, and routing moves its traffic to
 * the backup after detection + reconvergence; a node with no supply goes dark at the loss itself;
 * a loss before the run's window has drained the battery since.
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

/// A relay router on the fibre path between two routers (the primary), an 18 GHz microwave hop
/// beside it (the backup), a host behind each end, a probe every 10 ms. SUPPLY is replaced by the
/// relay's power supply entry (or nothing), EVENTS by the events.
const std::string kNet = R"(blueprint: 1
name: battery-failover
duration: 8s
drain: 0.5s
sites:
  hub: {position: [0km, 0km]}
  middle: {position: [4km, 0km]}
  mast: {position: [9km, 0km]}
nodes:
  a: {site: hub, equipment: router}
  relay: {site: middle, equipment: router}
  b: {site: mast, equipment: router}
  sender: {site: hub}
  receiver: {site: mast}
links:
  la: {between: [sender, a], profile: ethernet, rate: 10Gbps, length: 10m}
  lb: {between: [b, receiver], profile: ethernet, rate: 10Gbps, length: 10m}
  f1: {between: [a, relay], profile: fiber, rate: 10Gbps}
  f2: {between: [relay, b], profile: fiber, rate: 10Gbps}
  backup: {technology: microwave, between: [a, b], preset: microwave-18ghz}
flows:
  probe: {from: sender, to: receiver, traffic: {pattern: periodic, interval: 10ms, size: 200B}}
SUPPLY
events:
EVENTS
)";

constexpr double kInterval = 0.010;   //!< the probe's interval, s
constexpr double kFailover = 0.350;   //!< detection 150 ms + reconvergence 200 ms (defaults)
constexpr double kBatteryWh = 0.1;    //!< the relay's battery
constexpr double kJoulesPerWh = 3600; //!< J

RunResult
RunPowered(const std::string& supply, const std::string& events, double windowStart = 0)
{
    std::string text = kNet;
    text.replace(text.find("SUPPLY"), 6, supply);
    text.replace(text.find("EVENTS"), 6, events);
    ScenarioSpec spec = ScenarioDocument::FromString(text, "power.yaml").Resolve("base");
    spec.windowStart = windowStart;
    return ScenarioRunner(spec).Run();
}

/// \return the relay's mean draw in watts (PUE included) over an intact run: what its battery feeds
double
RelayWatts()
{
    const RunResult intact = RunPowered("", "  - {at: 100s, cut: backup}");
    return intact.energyByNode.at("relay") / (intact.durationSeconds + 0.5);
}

TEST(FaultPowerTest, ARelayWhoseBatteryRunsDryGoesDarkThenAndTrafficFailsOver)
{
    const double watts = RelayWatts();
    ASSERT_GT(watts, 10.0) << "a router draws its modelled power";
    const double dryAt = 1.0 + kBatteryWh * kJoulesPerWh / watts;

    const RunResult r =
        RunPowered("power_supply:\n  relay: {battery: 0.1Wh}", "  - {at: 1s, power_loss: relay}");
    ASSERT_EQ(r.power.size(), 1u);
    const PowerSupplyResult& relay = r.power[0];
    EXPECT_EQ(relay.node, "relay");
    EXPECT_FALSE(relay.poweredAtEnd);
    ASSERT_TRUE(relay.ranDrySeconds.has_value());
    // The battery feeds the relay's own modelled draw from the loss until it is empty.
    EXPECT_NEAR(*relay.ranDrySeconds, dryAt, 0.01);
    EXPECT_NEAR(relay.drawnJoules, kBatteryWh * kJoulesPerWh, 1e-3);
    // The relay draws nothing once dark: its energy is what it drew until then.
    EXPECT_NEAR(r.energyByNode.at("relay"), watts * dryAt, 0.02 * watts * dryAt);

    // Nothing is lost on mains loss; the outage starts when the battery runs out and lasts the
    // failover delay, after which the microwave hop carries the probe.
    const FlowResult& f = FlowOf(r, "probe");
    ASSERT_TRUE(f.outage.has_value());
    EXPECT_NEAR(f.outage->firstFaultAt, dryAt, 0.01);
    EXPECT_EQ(f.outage->lostBefore, 0u);
    EXPECT_GE(f.outage->seconds, kFailover - 1e-9);
    EXPECT_LE(f.outage->seconds, kFailover + kInterval);
    EXPECT_FALSE(f.outage->unrestored);
    EXPECT_NEAR(static_cast<double>(f.txPackets - f.rxPackets), kFailover / kInterval, 1.0);
}

TEST(FaultPowerTest, ARelayWithNoSupplyGoesDarkAtTheMainsLoss)
{
    const double watts = RelayWatts();
    const RunResult r = RunPowered("", "  - {at: 2s, power_loss: relay}");
    const FlowResult& f = FlowOf(r, "probe");
    ASSERT_TRUE(f.outage.has_value());
    EXPECT_NEAR(f.outage->firstFaultAt, 2.0, 1e-9);
    EXPECT_LE(f.outage->seconds, kFailover + kInterval);
    // Dark from 2 s: it drew for 2 s only.
    EXPECT_NEAR(r.energyByNode.at("relay"), watts * 2.0, 0.02 * watts * 2.0);
}

TEST(FaultPowerTest, AMainsLossBeforeTheWindowHasDrainedTheBatterySince)
{
    const double watts = RelayWatts();
    // Lost 1 s before a window that starts at 2 s on the timeline: idle draw for 1 s already
    // taken from 360 J, the rest runs out 1 s earlier in the window than in a window starting
    // at the loss.
    const RunResult r = RunPowered("power_supply:\n  relay: {battery: 0.1Wh}",
                                   "  - {at: 1s, power_loss: relay}",
                                   2.0);
    ASSERT_EQ(r.power.size(), 1u);
    ASSERT_TRUE(r.power[0].batteryStartJoules.has_value());
    EXPECT_LT(*r.power[0].batteryStartJoules, kBatteryWh * kJoulesPerWh);
    ASSERT_TRUE(r.power[0].ranDrySeconds.has_value());
    const double fullRun = kBatteryWh * kJoulesPerWh / watts;
    EXPECT_NEAR(*r.power[0].ranDrySeconds, fullRun - 1.0, 0.05 * fullRun);
}

TEST(FaultPowerTest, AFlowCutOffBeforeTheWindowIsInOutageForAllOfIt)
{
    // Both paths cut 1 s before a window that starts at 2 s on the timeline: routing has already
    // given up on the receiver, and the probe loses everything. Its outage is the whole time it
    // sends, still open at the end (before the fix it showed none at all).
    const RunResult r = RunPowered("", "  - {at: 1s, cut: [f1, backup]}", 2.0);
    const FlowResult& f = FlowOf(r, "probe");
    EXPECT_EQ(f.rxPackets, 0u);
    ASSERT_TRUE(f.outage.has_value());
    EXPECT_TRUE(f.outage->unrestored);
    EXPECT_NEAR(f.outage->seconds, r.durationSeconds, kInterval);
    EXPECT_NEAR(f.outage->firstFaultAt, 0.0, 1e-9);
}

TEST(FaultPowerTest, WithoutRevertTrafficThatHadNoBackupComesBackWithTheRestoration)
{
    // Both paths cut from 1 s to 3 s with `revert: false`: nothing else could carry the probe,
    // so the restoration brings it back (routing keeps traffic off a restored link only where a
    // backup carries it). Before the fix its routes, removed at the cut, never came back.
    const RunResult r =
        RunPowered("failover: {revert: false}", "  - {at: 1s, until: 3s, cut: [f1, backup]}");
    const FlowResult& f = FlowOf(r, "probe");
    ASSERT_TRUE(f.outage.has_value());
    EXPECT_FALSE(f.outage->unrestored);
    // Lost from the cut to the restoration plus the failover delay, nothing after.
    EXPECT_NEAR(static_cast<double>(f.txPackets - f.rxPackets), (2.0 + kFailover) / kInterval, 2.0);
}

} // namespace
