/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Where the milliseconds go (doc/metrics.rst): every flow's mean delay split into the segments
 * its packets crossed. The segments add up to the flow's mean one-way delay (its mean round trip
 * for request_response) over wired, NR, satellite and microwave paths, UDP and TCP; none is
 * negative; a hop is never faster than light in its medium and, when nothing queues, no slower
 * than light plus one frame's serialisation; a congested link's wait shows as queueing, not as
 * the hop. Timelines pool the segments as they pool the mean.
 */

#include "compute-fixtures.h"
#include "helper/scenario/phase-runner.h"
#include "model/equipment/equipment-profile.h"
#include "scenario-run-support.h"

#include <gtest/gtest.h>
#include <map>
#include <string>

using namespace ns3::blueprint;
using namespace blueprint_test;

namespace
{

/// Light in vacuum, m/s (the SI definition).
constexpr double kSpeedOfLight = 299792458.0;
/// Group index of G.652 single-mode fibre at 1550 nm as the fiber profile takes it (4.897 us/km,
/// model/wired/wired-link-profile.cc, which cites ITU-T G.652 and Corning SMF-28): light in glass
/// at c / 1.468 = 2.04e8 m/s, a little faster than the 2e8 m/s rule of thumb, which a short hop's
/// light time and serialisation can beat.
constexpr double kFibreGroupIndex = 1.468;

/// Every flow's segments add up to its mean delay (the round trip for request_response), none is
/// negative, and every one has a kind the results define.
void
ExpectSegmentsAddUp(const RunResult& r)
{
    for (const FlowResult& f : r.flows)
    {
        SCOPED_TRACE(f.name);
        ASSERT_GT(f.rxPackets, 0u);
        ASSERT_FALSE(f.segments.empty());
        const double mean = f.rtt ? f.rtt->mean : f.latency.mean;
        double sum = 0;
        for (const LatencySegment& s : f.segments)
        {
            SCOPED_TRACE(s.segment);
            EXPECT_GE(s.meanMs, 0);
            EXPECT_NE(s.kind, "other") << "time between stamps that no edge explains";
            sum += s.meanMs;
        }
        // Each packet's pieces add up to its delay to the nanosecond; the means to rounding.
        EXPECT_NEAR(sum, mean, 1e-9 * mean + 1e-12);
    }
}

/// The segment of a flow by name; fails the test when there is none.
const LatencySegment&
SegmentOf(const FlowResult& f, const std::string& name)
{
    for (const LatencySegment& s : f.segments)
    {
        if (s.segment == name)
        {
            return s;
        }
    }
    ADD_FAILURE() << f.name << " has no segment " << name;
    static const LatencySegment none;
    return none;
}

/// An office 20 km from a router on fibre, a server 30 km beyond it: telemetry up, a poll of the
/// office from the server (UDP round trips), and a TCP backup up.
const std::string kWired = R"(blueprint: 1
name: wired-segments
duration: 0.5s
sites:
  town: {position: [0km, 0km]}
  exchange: {position: [20km, 0km]}
  dc: {position: [50km, 0km]}
nodes:
  office: {site: town}
  router: {site: exchange, equipment: router}
  server: {site: dc, equipment: server}
links:
  access: {between: [router, office], profile: fiber, rate: 1Gbps}
  core: {between: [router, server], profile: fiber, rate: 10Gbps}
flows:
  telemetry: {from: office, to: server, traffic: {pattern: periodic, interval: 5ms, size: 300B}}
  poll: {from: server, to: office, traffic: {pattern: request_response, interval: 10ms, size: 100B,
         response_size: 1200B}}
  backup: {from: office, to: server, start: 0.1s, stop: 0.15s, traffic: {pattern: bulk}}
)";

TEST(LatencySegmentsTest, SegmentsOfAWiredPathAddUpToItsMeanDelayAndRoundTrip)
{
    const RunResult r = RunYaml(kWired);
    ExpectSegmentsAddUp(r);
    const FlowResult& telemetry = FlowOf(r, "telemetry");
    // Across the two fibres, each with its own queue, in the order crossed.
    std::vector<std::string> names;
    for (const LatencySegment& s : telemetry.segments)
    {
        names.push_back(s.segment);
    }
    EXPECT_EQ(names,
              (std::vector<std::string>{"access queue at office",
                                        "access",
                                        "core queue at router",
                                        "core"}));
    EXPECT_EQ(SegmentOf(telemetry, "access").kind, "optical");
    EXPECT_EQ(SegmentOf(telemetry, "core queue at router").kind, "queueing");
    // The poll's round trip: both legs and the office between them.
    const FlowResult& poll = FlowOf(r, "poll");
    EXPECT_EQ(SegmentOf(poll, "processing at office").kind, "processing");
    EXPECT_GT(SegmentOf(poll, "access (response)").meanMs,
              SegmentOf(poll, "access (request)").meanMs)
        << "the 1200-byte response serialises longer than the 100-byte request";
    // TCP's send buffer holds the backup's chunks before they reach the network.
    const FlowResult& backup = FlowOf(r, "backup");
    EXPECT_GT(SegmentOf(backup, "transport at office").meanMs, 0);
    EXPECT_EQ(SegmentOf(backup, "transport at office").kind, "transport");
}

TEST(LatencySegmentsTest, AFibreHopIsNeitherFasterThanLightInGlassNorSlowerThanLightAndOneFrame)
{
    // The telemetry alone, so that nothing else queues on its links.
    std::string text = kWired;
    text.erase(text.find("  poll:"));
    const RunResult r = RunYaml(text);
    ExpectSegmentsAddUp(r);
    const FlowResult& telemetry = FlowOf(r, "telemetry");
    // The office's packets reach the router, which forwards after its processing delay (the
    // wired channel holds a packet for it on arrival, so the hop includes it); the server's
    // processing is its application's.
    const double routerMs = EquipmentProfile::Find("router")->processingDelay.GetSeconds() * 1e3;

    struct Fibre
    {
        std::string link;   //!< the link
        std::string sender; //!< the node whose queue feeds it
        double metres;      //!< its length
        double bps;         //!< its rate
        double receiverMs;  //!< the receiving node's processing delay
    };

    for (const Fibre& fibre :
         {Fibre{"access", "office", 20e3, 1e9, routerMs}, Fibre{"core", "router", 30e3, 10e9, 0}})
    {
        SCOPED_TRACE(fibre.link);
        const double lightMs = fibre.metres * kFibreGroupIndex / kSpeedOfLight * 1e3;
        // Nothing queues at 0.5 % load: the hop is its light time, the packet's serialisation
        // (300 B of UDP payload, under one 1500-byte frame) and the receiver's processing.
        const double frameMs = 1500 * 8 / fibre.bps * 1e3;
        const double hopMs = SegmentOf(telemetry, fibre.link).meanMs;
        EXPECT_GE(hopMs, lightMs);
        EXPECT_LE(hopMs, lightMs + frameMs + fibre.receiverMs);
        EXPECT_EQ(SegmentOf(telemetry, fibre.link + " queue at " + fibre.sender).meanMs, 0);
    }
}

TEST(LatencySegmentsTest, ACongestedLinkShowsItsWaitAsQueueingNotAsTheHop)
{
    // 12 Mbit/s into a 10 Mbit/s line: its device queue (100 packets) fills and stays full.
    const RunResult r = RunYaml(R"(blueprint: 1
name: congested
duration: 1s
sites: {a: {position: [0m, 0m]}, b: {position: [50m, 0m]}}
nodes: {sender: {site: a}, receiver: {site: b}}
links:
  line: {between: [receiver, sender], profile: ethernet, rate: 10Mbps}
flows:
  flood: {from: sender, to: receiver, traffic: {pattern: constant_rate, rate: 12Mbps, size: 1000B}}
)");
    ExpectSegmentsAddUp(r);
    const FlowResult& flood = FlowOf(r, "flood");
    const double serialisationMs = 1028.0 * 8 / 10e6 * 1e3; // UDP and IPv4 headers, 0.82 ms
    EXPECT_GT(SegmentOf(flood, "line queue at sender").meanMs, 20 * serialisationMs);
    EXPECT_LT(SegmentOf(flood, "line").meanMs, 1.1 * serialisationMs);
}

/// Three phones near a 5G mast and a server behind 5 km of fibre: reports up, commands down and
/// a poll of the phones from the server.
const std::string kNr = R"(blueprint: 1
name: nr-segments
duration: 0.6s
sites:
  field: {position: [0m, 0m]}
  dc: {position: [5km, 0m]}
nodes:
  phones: {site: field, count: 3, placement: {positions: [[100m, 0m], [0m, 200m], [-150m, 50m]]}}
  mast: {site: field}
  server: {site: dc, equipment: server}
links:
  cell: {technology: nr, between: [mast, phones], band: n78}
  backhaul: {between: [server, mast], profile: fiber, rate: 10Gbps}
flows:
  reports: {from: phones, to: server, start: 0.1s, traffic: {pattern: periodic, interval: 10ms,
            size: 200B}}
  commands: {from: server, to: phones, start: 0.1s, traffic: {pattern: periodic, interval: 10ms,
             size: 200B}}
  poll: {from: server, to: phones, start: 0.1s, traffic: {pattern: request_response, interval: 20ms,
         size: 100B, response_size: 300B}}
)";

TEST(LatencySegmentsTest, SegmentsOfAnNrPathAddUpToItsMeanDelayWithTheCellAsRadioAccess)
{
    const RunResult r = RunYaml(kNr);
    ExpectSegmentsAddUp(r);
    for (const char* name : {"reports", "commands"})
    {
        SCOPED_TRACE(name);
        const FlowResult& f = FlowOf(r, name);
        const LatencySegment& cell = SegmentOf(f, "cell");
        EXPECT_EQ(cell.kind, "radio-access");
        // Scheduling, HARQ and the air take most of the time; the fibre its light time.
        EXPECT_GT(cell.meanMs, 0.5 * f.latency.mean);
        EXPECT_GE(SegmentOf(f, "backhaul").meanMs, 5e3 * kFibreGroupIndex / kSpeedOfLight * 1e3);
    }
    const FlowResult& poll = FlowOf(r, "poll");
    EXPECT_GT(SegmentOf(poll, "cell (request)").meanMs, 0);
    EXPECT_GT(SegmentOf(poll, "cell (response)").meanMs, 0);
}

TEST(LatencySegmentsTest, AHandoverMovesTheRadioAccessToTheNewCellsSegment)
{
    // A car drives past two masts 300 m apart; the east cell serves no one until it takes over.
    const RunResult r = RunYaml(R"(blueprint: 1
name: handover-segments
duration: 8s
sites:
  west: {position: [0m, 0m]}
  east: {position: [300m, 0m]}
  road-west: {position: [20m, 20m]}
  road-east: {position: [280m, 20m]}
  core: {position: [2km, 0km]}
nodes:
  gnb-west: {site: west}
  gnb-east: {site: east}
  car: {site: road-west, mobility: {waypoints: [road-east], speed: 120km/h}}
  upf: {site: core, equipment: router}
links:
  cell-west: {technology: nr, between: [gnb-west, car], band: n78,
              propagation: {scenario: RMa, condition: LOS, shadowing: false}}
  cell-east: {technology: nr, between: [gnb-east, car], band: n78,
              propagation: {scenario: RMa, condition: LOS, shadowing: false}}
  bh-west: {between: [upf, gnb-west], profile: fiber, rate: 1Gbps}
  bh-east: {between: [upf, gnb-east], profile: fiber, rate: 1Gbps}
flows:
  up: {from: car, to: upf, traffic: {pattern: periodic, interval: 50ms, size: 200B}}
  down: {from: upf, to: car, traffic: {pattern: periodic, interval: 50ms, size: 200B}}
)");
    ExpectSegmentsAddUp(r);
    for (const char* name : {"up", "down"})
    {
        SCOPED_TRACE(name);
        const FlowResult& f = FlowOf(r, name);
        ASSERT_GE(f.handovers, 1u);
        EXPECT_GT(SegmentOf(f, "cell-west").meanMs, 0);
        EXPECT_GT(SegmentOf(f, "cell-east").meanMs, 0);
        EXPECT_EQ(SegmentOf(f, "cell-east").kind, "radio-access");
    }
}

TEST(LatencySegmentsTest, SegmentsOfAGeostationaryPathSplitTheTerminalsQueueFromTheSatellite)
{
    const RunResult r = RunYaml(R"(blueprint: 1
name: geo-segments
duration: 2s
drain: 1s
origin: [35.68N, 139.77E]
sites:
  hub-site: {position: [35.45N, 139.64E]}
  island: {position: [33.11N, 139.79E]}
nodes:
  hub: {site: hub-site, equipment: router}
  clinic: {site: island}
  server: {site: hub-site, equipment: server}
links:
  vsat: {technology: geo, between: [hub, clinic]}
  lan: {between: [server, hub], profile: ethernet, rate: 1Gbps}
flows:
  vitals: {from: clinic, to: server, start: 0.2s, traffic: {pattern: periodic, interval: 100ms,
           size: 300B}}
)");
    ExpectSegmentsAddUp(r);
    const FlowResult& vitals = FlowOf(r, "vitals");
    const LatencySegment& satellite = SegmentOf(vitals, "vsat");
    EXPECT_EQ(satellite.kind, "satellite");
    // Up to the geostationary orbit and down again: at least twice its 35,786 km altitude.
    EXPECT_GE(satellite.meanMs, 2 * 35786e3 / kSpeedOfLight * 1e3);
    // The return link's access (request and grant) waits in the terminal, before the air.
    EXPECT_EQ(SegmentOf(vitals, "vsat queue at clinic").kind, "queueing");
    EXPECT_GT(SegmentOf(vitals, "vsat queue at clinic").meanMs, 0);
}

TEST(LatencySegmentsTest, AMicrowaveHopIsItsOwnKindAndNoFasterThanLight)
{
    const RunResult r = RunYaml(R"(blueprint: 1
name: microwave-segments
duration: 0.5s
sites: {hub: {position: [0km, 0km]}, mast: {position: [9km, 0km]}}
nodes:
  a: {site: hub, equipment: router}
  b: {site: mast}
links:
  hop: {technology: microwave, between: [a, b], preset: microwave-18ghz}
flows:
  up: {from: b, to: a, traffic: {pattern: periodic, interval: 5ms, size: 500B}}
)");
    ExpectSegmentsAddUp(r);
    const LatencySegment& hop = SegmentOf(FlowOf(r, "up"), "hop");
    EXPECT_EQ(hop.kind, "microwave");
    EXPECT_GE(hop.meanMs, 9e3 / kSpeedOfLight * 1e3);
}

TEST(LatencySegmentsTest, ATimelinePoolsSegmentsAsItPoolsTheMean)
{
    const RunResult r = PhaseRunner(ReadYaml(R"(blueprint: 1
name: pooled-segments
duration: 1s
sites: {a: {position: [0km, 0km]}, b: {position: [40km, 0km]}}
nodes: {h1: {site: a}, h2: {site: b}}
links:
  l1: {between: [h1, h2], profile: fiber, rate: 100Mbps}
flows:
  stream: {from: h1, to: h2, traffic: {pattern: constant_rate, rate: 20Mbps, size: 1000B}}
timeline:
  horizon: 1h
  phases:
    - {name: quiet, at: 0s, length: 0.5s}
    - {name: busy, at: 30min, length: 0.5s, changes: {flows: {stream: {traffic: {rate: 95Mbps}}}}}
)"))
                            .Run();
    ASSERT_EQ(r.phases.size(), 2u);
    ExpectSegmentsAddUp(r);
    for (const PhaseResult& p : r.phases)
    {
        RunResult phase;
        phase.flows = p.flows;
        ExpectSegmentsAddUp(phase);
    }
}

} // namespace

TEST(LatencySegmentsTest, AComputeNodesWaitAndServiceAreTheirOwnSegmentsAndTheServersFigures)
{
    for (const std::string protocol : {"udp", "tcp"})
    {
        SCOPED_TRACE(protocol);
        // The edge scenario of the compute tests on one server with exponential service, so
        // messages of the three flows wait for it.
        std::string text = Edge(protocol);
        const std::string service =
            "compute: {servers: 2, queue: 50, service: {distribution: deterministic, mean: 20ms}}";
        text.replace(text.find(service),
                     service.size(),
                     "compute: {servers: 1, service: {distribution: exponential, mean: 8ms}}");
        const RunResult r = RunYaml(text);
        ExpectSegmentsAddUp(r);
        for (const FlowResult& f : r.flows)
        {
            SCOPED_TRACE(f.name);
            ASSERT_EQ(f.compute.size(), 1u);
            const FlowComputeStage& stage = f.compute[0];
            ASSERT_GT(stage.served, 0u);
            ASSERT_EQ(stage.dropped, 0u);
            // Every served message was delivered (answered), so the segments' means over the
            // deliveries are the server's own sums over the messages it served.
            ASSERT_EQ(f.rtt ? f.rtt->samples : f.latency.samples, stage.served);
            const LatencySegment& waiting = SegmentOf(f, "waiting at edge");
            const LatencySegment& processing = SegmentOf(f, "processing at edge");
            EXPECT_EQ(waiting.kind, "queueing");
            EXPECT_EQ(processing.kind, "processing");
            EXPECT_NEAR(waiting.meanMs, stage.waitSeconds / stage.served * 1e3, 1e-5);
            EXPECT_NEAR(processing.meanMs, stage.serviceSeconds / stage.served * 1e3, 1e-5);
            EXPECT_GT(waiting.meanMs, 0) << "three flows share one exponential server";
            EXPECT_GT(processing.meanMs, 4) << "8 ms mean service";
        }
        // The detections' path goes on after the server: across the office fibre to the operator.
        const FlowResult& detect = FlowOf(r, "detect");
        EXPECT_GT(SegmentOf(detect, "office").meanMs, 0);
        EXPECT_GT(SegmentOf(detect, "cams").meanMs, 0);
    }
}
