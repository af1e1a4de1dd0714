/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Satellites on a timeline (doc/phases.rst): a window that starts at hour H of the timeline sees
 * the constellation where it is at hour H, not where it was at 0, and the controller's
 * reassignment boundaries keep their phase on the timeline.
 */

#include "helper/scenario/phase-runner.h"
#include "helper/technology/ntn/ntn-helper.h"
#include "model/geography/geographic-frame.h"
#include "model/ntn/ntn-channel.h"
#include "model/ntn/ntn-walker-constellation.h"
#include "scenario-run-support.h"

#include "ns3/constant-position-mobility-model.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"

#include <gtest/gtest.h>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;
using namespace blueprint_test;

TEST(PhaseSatelliteTest, AShellWithAnEpochStandsWhereItIsAtThatTimeOfTheTimeline)
{
    Ptr<NtnWalkerConstellation> fromZero = NtnWalkerConstellation::CreateStarlinkShell1();
    Ptr<NtnWalkerConstellation> later = NtnWalkerConstellation::CreateStarlinkShell1();
    const Time epoch = Seconds(3 * 3600 + 17.25);
    later->SetAttribute("Epoch", TimeValue(epoch));
    for (uint32_t index : {0u, 17u, 800u, 1583u})
    {
        for (double t : {0.0, 1.5, 90.0})
        {
            EXPECT_LT((later->GetPosition(index, Seconds(t)) -
                       fromZero->GetPosition(index, Seconds(t) + epoch))
                          .norm(),
                      1e-3)
                << index << " at " << t;
        }
    }
    // The sky over Wajima at window time 0 is the sky at the epoch, not at timeline time 0.
    const GeographicFrame frame;
    const GroundPoint wajima = frame.MakePoint(37.39, 136.90, 0.0);
    std::vector<uint32_t> visibleLater;
    std::vector<uint32_t> visibleAtEpoch;
    std::vector<uint32_t> visibleAtZero;
    later->FindVisible(wajima, Seconds(0), 25.0, visibleLater);
    fromZero->FindVisible(wajima, epoch, 25.0, visibleAtEpoch);
    fromZero->FindVisible(wajima, Seconds(0), 25.0, visibleAtZero);
    EXPECT_EQ(visibleLater, visibleAtEpoch);
    EXPECT_NE(visibleLater, visibleAtZero);
}

/// A node standing at a place, for the channel to find its position.
Ptr<Node>
NodeAt(const GeographicFrame& frame, double lat, double lon)
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(frame.GeographicToLocal(lat, lon, 0.0));
    node->AggregateObject(m);
    return node;
}

TEST(PhaseSatelliteTest, ReassignmentBoundariesKeepTheirPhaseOnTheTimeline)
{
    // The controller reassigns every 15 s from timeline time 0. A window that starts 7 s into
    // the timeline meets its boundaries at window times 8, 23, 38 ... (timeline 15, 30, 45 ...),
    // not at 15, 30, 45.
    NtnLinkSpec spec;
    NtnLinkSpec::ForTechnology("leo", spec);
    const GeographicFrame frame(35.68, 139.77, 0.0);
    NtnHelper ntn;
    Ptr<NtnChannel> channel = ntn.CreateChannel(spec, frame);
    PointerValue platform;
    channel->GetAttribute("Platform", platform);
    platform.Get<NtnPlatform>()->SetAttribute("Epoch", TimeValue(Seconds(7)));
    ntn.InstallGateway(NodeAt(frame, 36.40, 140.55), channel);
    NodeContainer dishes;
    dishes.Add(NodeAt(frame, 37.39, 136.90));
    ntn.InstallTerminals(dishes, channel, spec.terminal);
    std::vector<double> changes;
    channel->TraceConnectWithoutContext(
        "Reassignment",
        MakeBoundCallback(
            +[](std::vector<double>* times, uint32_t, int64_t from, int64_t to) {
                // Not the window's first assignment, at 0: the boundaries after it.
                if (from >= 0 && from != to && Simulator::Now().IsStrictlyPositive())
                {
                    times->push_back(Simulator::Now().GetSeconds());
                }
            },
            &changes));
    Simulator::Stop(Seconds(130));
    Simulator::Run();
    Simulator::Destroy();
    ASSERT_GE(changes.size(), 2u);
    for (double t : changes)
    {
        EXPECT_NEAR(std::fmod(t + 7, 15), 0, 1e-9) << "a reassignment at window time " << t;
    }
}

/// A dish at Wajima served by a Starlink-like shell through a gateway in Ibaraki, pinging a
/// server in Tokyo five times a second; two windows 37 minutes apart on the timeline.
const std::string kSky = R"(blueprint: 1
name: sky-timeline
duration: 3s
sites:
  wajima: {position: [37.39N, 136.90E]}
  ibaraki: {position: [36.40N, 140.55E]}
  tokyo: {position: [35.68N, 139.77E]}
nodes:
  dish: {site: wajima}
  gateway: {site: ibaraki, equipment: router}
  server: {site: tokyo, equipment: router}
links:
  sat: {between: [gateway, dish], technology: leo}
  backhaul: {between: [gateway, server], profile: fiber, rate: 10Gbps}
flows:
  ping:
    from: dish
    to: server
    traffic: {pattern: request_response, interval: 200ms, size: 64B, response_size: 64B}
timeline:
  horizon: 1h
  phases:
    - {name: start, at: 0s}
    - {name: later, at: 37min}
)";

TEST(PhaseSatelliteTest, AWindowLaterOnTheTimelineFliesTheSatellitesOfItsOwnTime)
{
    const ScenarioSpec spec = ReadYaml(kSky);
    const RunResult timeline = PhaseRunner(spec).Run();
    ASSERT_EQ(timeline.phases.size(), 2u);
    const double startRtt = timeline.phases[0].flows.at(0).rtt->min;
    const double laterRtt = timeline.phases[1].flows.at(0).rtt->min;
    // The window at 37 min is the run that starts the orbit at 37 min, and not the one at 0.
    ScenarioSpec at37 = *spec.timeline->phases[1].spec;
    at37.windowStart = 37 * 60;
    const RunResult alone = ScenarioRunner(at37).Run();
    EXPECT_DOUBLE_EQ(laterRtt, alone.flows.at(0).rtt->min);
    EXPECT_NE(laterRtt, startRtt);
    // The dish's idle draw is modelled (its terminal class's idle power), not estimated.
    EXPECT_TRUE(timeline.timeline->gapPowerFromWindowMean.empty());
    // The first window starts at 0: the plain run of the same scenario.
    const RunResult plain = ScenarioRunner(*spec.timeline->phases[0].spec).Run();
    EXPECT_DOUBLE_EQ(startRtt, plain.flows.at(0).rtt->min);
}

} // namespace
