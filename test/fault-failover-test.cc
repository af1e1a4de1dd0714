/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Faults on a timeline and the routing's reaction (helper/faults/, doc/faults.rst): a cut with a
 * backup loses traffic only until detection + reconvergence and then uses the backup at its
 * latency, a restoration moves traffic back, a cut with no backup loses everything after it and
 * nothing before, partial cuts of a group link, nodes without power, links brought in, faults
 * before the run's window, and a storm over a microwave hop.
 */

#include "helper/faults/fault-controller.h"
#include "helper/results/result-writer.h"
#include "helper/scenario/scenario-document.h"
#include "helper/scenario/scenario-runner.h"
#include "helper/technology/link-technology.h"
#include "helper/traffic/traffic-builder.h"
#include "scenario-run-support.h"

#include "ns3/simulator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <gtest/gtest.h>
#include <memory>
#include <numeric>
#include <string>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;
using blueprint_test::FlowOf;

/// Two routers 9 km apart over a 12 km fibre (primary, 0.1 ms) and an 18 GHz microwave hop
/// (backup, longer latency); a host behind each; a probe every 10 ms. EVENTS is replaced by the
/// events (and BACKUP by the backup link, or nothing).
const std::string kNet = R"(blueprint: 1
name: failover
duration: 6s
drain: 0.5s
sites:
  hub: {position: [0km, 0km]}
  mast: {position: [9km, 0km]}
  far: {position: [60km, 0km]}
nodes:
  a: {site: hub, equipment: router}
  b: {site: mast, equipment: router}
  sender: {site: hub}
  receiver: {site: mast}
links:
  fibre: {between: [a, b], profile: fiber, rate: 10Gbps, length: 12km}
  BACKUP
  la: {between: [sender, a], profile: ethernet, rate: 10Gbps, length: 10m}
  lb: {between: [b, receiver], profile: ethernet, rate: 10Gbps, length: 10m}
flows:
  probe: {from: sender, to: receiver, traffic: {pattern: periodic, interval: 10ms, size: 200B}}
FAILOVER
events:
EVENTS
)";

constexpr double kInterval = 0.010;      //!< the probe's packet interval, s
constexpr double kDetection = 0.150;     //!< the failover defaults (FailoverSpec)
constexpr double kReconvergence = 0.200; //!< s

const std::string kMicrowaveBackup =
    "backup: {technology: microwave, between: [a, b], preset: microwave-18ghz}";

std::string
Net(const std::string& events,
    const std::string& backup = kMicrowaveBackup,
    const std::string& failover = "")
{
    std::string text = kNet;
    text.replace(text.find("EVENTS"), 6, events);
    text.replace(text.find("BACKUP"), 6, backup);
    text.replace(text.find("FAILOVER"), 8, failover);
    return text;
}

/// `text` with `from` replaced by `to` (the first occurrence, which must exist).
std::string
Replaced(std::string text, const std::string& from, const std::string& to)
{
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

ScenarioSpec
Spec(const std::string& text)
{
    return ScenarioDocument::FromString(text, "failover.yaml").Resolve("base");
}

RunResult
RunAt(const std::string& text, double windowStart = 0)
{
    ScenarioSpec spec = Spec(text);
    spec.windowStart = windowStart;
    return ScenarioRunner(spec).Run();
}

/// The probe's one-way latency on the fibre alone and on the backup alone (fibre cut before the
/// window), ms.
struct PathLatencies
{
    double fibreMs;
    double backupMs;
};

PathLatencies
Latencies()
{
    const FlowResult intact = FlowOf(RunAt(Net("  - {at: 100s, cut: fibre}")), "probe");
    const FlowResult onBackup = FlowOf(RunAt(Net("  - {at: 0s, cut: fibre}"), 1), "probe");
    return {intact.latency.p50, onBackup.latency.p50};
}

TEST(FaultFailoverTest, ACutWithABackupLosesTrafficOnlyUntilDetectionAndReconvergence)
{
    const PathLatencies paths = Latencies();
    EXPECT_GT(paths.backupMs, paths.fibreMs + 0.01) << "the backup is the slower path";

    const RunResult r = RunAt(Net("  - {at: 2s, cut: fibre}\n  - {at: 4s, restore: fibre}"));
    const FlowResult& f = FlowOf(r, "probe");
    ASSERT_TRUE(f.outage.has_value());
    const FlowOutage& o = *f.outage;
    // The outage is detection + reconvergence, to within one packet interval.
    EXPECT_GE(o.seconds, kDetection + kReconvergence - 1e-9);
    EXPECT_LE(o.seconds, kDetection + kReconvergence + kInterval);
    EXPECT_FALSE(o.unrestored);
    EXPECT_EQ(o.outages, 1u);
    // Nothing sent before the cut is lost; after it, only what was sent before the routes moved
    // (one packet per interval over 350 ms, give or take the one in flight at the cut).
    EXPECT_NEAR(o.firstFaultAt, 2.0, 1e-9);
    EXPECT_EQ(o.lostBefore, 0u);
    EXPECT_NEAR(static_cast<double>(o.lostAfter), (kDetection + kReconvergence) / kInterval, 1.0);
    EXPECT_EQ(f.txPackets - f.rxPackets, o.lostBefore + o.lostAfter);
    // While cut, the backup carried it at the backup's latency; restored, the fibre again (the
    // restoration itself loses nothing: the fibre comes up before routes move back onto it).
    EXPECT_NEAR(f.latency.max, paths.backupMs, 0.01);
    EXPECT_NEAR(f.latency.p50, paths.fibreMs, 0.001) << "most packets took the fibre";
    EXPECT_NEAR(f.latency.min, paths.fibreMs, 0.01);
    // The run's summary says so under the flow's row.
    const std::string summary = ResultWriter::SummaryTable(r);
    EXPECT_NE(summary.find("    outage 0.35"), std::string::npos) << summary;
    EXPECT_NE(summary.find("after a fault at 2 s; lost 0 of 200 sent before, 35 of 400 after"),
              std::string::npos)
        << summary;
}

TEST(FaultFailoverTest, WithoutRevertTrafficStaysOnTheBackupAfterRestoration)
{
    const PathLatencies paths = Latencies();
    const FlowResult f = FlowOf(RunAt(Net("  - {at: 1s, cut: fibre}\n  - {at: 2s, restore: fibre}",
                                          kMicrowaveBackup,
                                          "failover: {revert: false}")),
                                "probe");
    // From 1.35 s to the end (4.65 of 6 s) on the backup: the median packet took it.
    EXPECT_NEAR(f.latency.p50, paths.backupMs, 0.01);
    EXPECT_EQ(f.outage->lostAfter, f.txPackets - f.rxPackets);
}

TEST(FaultFailoverTest, ACutWithNoBackupLosesEverythingAfterTheCutAndNothingBefore)
{
    const FlowResult f = FlowOf(RunAt(Net("  - {at: 2s, cut: fibre}", "")), "probe");
    ASSERT_TRUE(f.outage.has_value());
    const FlowOutage& o = *f.outage;
    EXPECT_EQ(o.lostBefore, 0u);
    EXPECT_GT(o.sentBefore, 150u);
    EXPECT_EQ(o.lostAfter, o.sentAfter);
    EXPECT_GT(o.sentAfter, 350u);
    EXPECT_EQ(f.rxPackets, o.sentBefore);
    // Never restored: the outage lasts until the flow stops, and says so.
    EXPECT_TRUE(o.unrestored);
    EXPECT_NEAR(o.seconds, 6.0 - 2.0, 1e-9);
}

/// A host's only link cut and restored: routes kept through the cut carry traffic again as soon
/// as the link is back (before the routing table removed a failed interface's routes itself, and
/// the host's default route never came back).
TEST(FaultFailoverTest, AHostsOnlyLinkCarriesTrafficAgainOnceRestored)
{
    const FlowResult f =
        FlowOf(RunAt(Net("  - {at: 2s, until: 3s, cut: la}", kMicrowaveBackup)), "probe");
    const FlowOutage& o = *f.outage;
    EXPECT_FALSE(o.unrestored);
    EXPECT_GE(o.seconds, 1.0 - 1e-9);
    EXPECT_LE(o.seconds, 1.0 + kInterval);
    EXPECT_NEAR(static_cast<double>(o.lostAfter), 1.0 / kInterval, 1.0);
}

TEST(FaultFailoverTest, DetectionAndReconvergenceAreTheScenarios)
{
    const FlowResult f = FlowOf(RunAt(Net("  - {at: 2s, cut: fibre}",
                                          kMicrowaveBackup,
                                          "failover: {detection: 1s, reconvergence: 500ms}")),
                                "probe");
    EXPECT_GE(f.outage->seconds, 1.5 - 1e-9);
    EXPECT_LE(f.outage->seconds, 1.5 + kInterval);
}

TEST(FaultFailoverTest, ARouterWithoutPowerSupplyGoesDarkAtOnceOnMainsLoss)
{
    // Router b lost: no backup can help (both paths end at it) until mains is back.
    const FlowResult f =
        FlowOf(RunAt(Net("  - {at: 2s, until: 3s, power_loss: b}", kMicrowaveBackup)), "probe");
    EXPECT_EQ(f.outage->lostBefore, 0u);
    EXPECT_GE(f.outage->seconds, 1.0 - 1e-9);
    EXPECT_LE(f.outage->seconds, 1.0 + kDetection + kReconvergence + kInterval);
    EXPECT_FALSE(f.outage->unrestored);
    // A site's mains: every node there (router b and the receiver).
    const FlowResult site =
        FlowOf(RunAt(Net("  - {at: 2s, power_loss: mast}", kMicrowaveBackup)), "probe");
    EXPECT_EQ(site.outage->lostAfter, site.outage->sentAfter);
    EXPECT_EQ(site.outage->lostBefore, 0u);
}

TEST(FaultFailoverTest, ALinkBroughtInCarriesTrafficFromItsArrival)
{
    const PathLatencies paths = Latencies();
    // The fibre arrives at 3 s: before, the backup carries everything (the state the run starts
    // in, no outage); after detection + reconvergence, the fibre.
    const FlowResult f =
        FlowOf(RunAt(Net("  - {at: 3s, bring_in: fibre}", kMicrowaveBackup)), "probe");
    EXPECT_EQ(f.rxPackets, f.txPackets);
    EXPECT_EQ(f.outage->outages, 0u);
    EXPECT_NEAR(f.latency.max, paths.backupMs, 0.01);
    EXPECT_NEAR(f.latency.min, paths.fibreMs, 0.01);
    // Without a backup, nothing arrives before it, nor until routing has learnt of it.
    const FlowResult alone = FlowOf(RunAt(Net("  - {at: 3s, bring_in: fibre}", "")), "probe");
    EXPECT_NEAR(static_cast<double>(alone.txPackets - alone.rxPackets),
                (3.0 + kDetection + kReconvergence) / kInterval,
                2.0);
}

TEST(FaultFailoverTest, EventsBeforeTheWindowAreTheStateItStartsInAndLaterOnesWait)
{
    const std::string events = "  - {at: 1s, cut: fibre}\n  - {at: 5s, restore: fibre}";
    // Window from 2 s: the cut is the state the run starts in (over the backup, no outage), and
    // the restoration comes 3 s into the run.
    const FlowResult late = FlowOf(RunAt(Net(events), 2), "probe");
    EXPECT_EQ(late.rxPackets, late.txPackets);
    EXPECT_EQ(late.outage->outages, 0u);
    // Window from 10 s: both are history, the fibre is intact.
    const FlowResult after = FlowOf(RunAt(Net(events), 10), "probe");
    const PathLatencies paths = Latencies();
    EXPECT_NEAR(after.latency.max, paths.fibreMs, 0.01);
    EXPECT_NEAR(late.latency.max, paths.backupMs, 0.01);
    EXPECT_NEAR(late.latency.min, paths.fibreMs, 0.01);
    // Window from 0.5 s: the cut falls 0.5 s into it.
    const FlowResult early = FlowOf(RunAt(Net(events), 0.5), "probe");
    EXPECT_EQ(early.outage->outages, 1u);
    EXPECT_NEAR(early.outage->firstFaultAt, 0.5, 1e-9);
}

TEST(FaultFailoverTest, AnOutageCountsOnlyWhileTheFlowSends)
{
    // Cut at 1 s with no backup, the flow starting at 3 s: it is cut off from its start until
    // the fibre is back (4 s) and routes over it again (4.35 s).
    const std::string late = Replaced(Net("  - {at: 1s, until: 4s, cut: fibre}", ""),
                                      "size: 200B}}",
                                      "size: 200B}, start: 3s}");
    const FlowResult f = FlowOf(RunAt(late), "probe");
    EXPECT_EQ(f.outage->outages, 1u);
    EXPECT_GE(f.outage->seconds, 1.0 + kDetection + kReconvergence - 1e-9);
    EXPECT_LE(f.outage->seconds, 1.0 + kDetection + kReconvergence + kInterval);
    // A flow that stopped sending before the fault is not cut off from anything.
    const std::string early =
        Replaced(Net("  - {at: 2s, cut: fibre}", ""), "size: 200B}}", "size: 200B}, stop: 1s}");
    const FlowResult g = FlowOf(RunAt(early), "probe");
    EXPECT_EQ(g.outage->outages, 0u);
    EXPECT_EQ(g.rxPackets, g.txPackets);
}

/// 10 hosts behind an access router, each sending to a server; the access link cut in part.
const std::string kGroup = R"(blueprint: 1
name: partial
duration: 3s
drain: 0.5s
sites:
  town: {position: [0km, 0km]}
nodes:
  hosts: {site: town, count: 10}
  access: {site: town, equipment: router}
  server: {site: town}
links:
  drops: {between: [access, hosts], profile: ethernet, rate: 1Gbps, length: 100m}
  up: {between: [access, server], profile: ethernet, rate: 10Gbps, length: 10m}
flows:
  report: {from: hosts, to: server, traffic: {pattern: periodic, interval: 100ms, size: 200B}}
events:
  - {at: 1s, cut: drops, fraction: FRACTION}
)";

FlowResult
Partial(const std::string& fraction, uint64_t seed = 1)
{
    std::string text = kGroup;
    text.replace(text.find("FRACTION"), 8, fraction);
    ScenarioSpec spec = Spec(text);
    spec.seed = seed;
    return FlowOf(ScenarioRunner(spec).Run(), "report");
}

TEST(FaultFailoverTest, AFractionOfAGroupLinkCutsThatShareOfItsMemberPairs)
{
    const FlowResult f = Partial("30%");
    EXPECT_EQ(f.outage->outages, 3u) << "3 of the 10 hosts cut off";
    EXPECT_TRUE(f.outage->unrestored);
    EXPECT_EQ(f.outage->lostBefore, 0u);
    // Each host sends 20 packets after the cut: the three cut off lose theirs.
    EXPECT_NEAR(static_cast<double>(f.outage->lostAfter), 3 * 20, 3);
    // The same share whatever the run's seed, and 60 % of the link cuts six.
    const FlowResult other = Partial("30%", 7);
    EXPECT_EQ(other.outage->outages, 3u);
    EXPECT_EQ(Partial("60%").outage->outages, 6u);
    EXPECT_EQ(Partial("100%").outage->lostAfter, Partial("100%").outage->sentAfter);
}

TEST(FaultFailoverTest, APartialCutTakesTheSamePairsInEveryAlternativeAndOtherPairsOnOtherSeeds)
{
    std::vector<uint32_t> all(200);
    std::iota(all.begin(), all.end(), 0);
    const auto seed1 = FaultController::ChoosePairs(all, 0.57, "drops", 1);
    EXPECT_EQ(seed1.size(), 114u);
    // Common random numbers: the pairs depend on the link's name and the seed only.
    EXPECT_EQ(FaultController::ChoosePairs(all, 0.57, "drops", 1), seed1);
    // Over seeds the cut pairs vary (a fixed subset would make every seed the same draw).
    EXPECT_NE(FaultController::ChoosePairs(all, 0.57, "drops", 2), seed1);
    EXPECT_NE(FaultController::ChoosePairs(all, 0.57, "uplinks", 1), seed1);
    // A smaller fraction of the same link at the same seed is a subset of a larger one.
    const auto smaller = FaultController::ChoosePairs(all, 0.3, "drops", 1);
    EXPECT_TRUE(std::includes(seed1.begin(), seed1.end(), smaller.begin(), smaller.end()));
    // Rounded to the nearest pair, at least one.
    EXPECT_EQ(FaultController::ChoosePairs(all, 0.001, "drops", 1).size(), 1u);
    EXPECT_EQ(FaultController::ChoosePairs(all, 1, "drops", 3), all);
}

/// The network of kNet for 2 s with its fibre replaced by the 18 GHz hop alone, carrying
/// 300 Mbit/s, which 4096QAM carries in clear sky and a 60 mm/h downpour cuts to about
/// 162 Mbit/s (MicrowaveTechnologyTest), under a storm.
FlowResult
Storm(const std::string& storm)
{
    std::string text = Net("  - " + storm, "");
    text = Replaced(text, "duration: 6s", "duration: 2s");
    text = Replaced(text,
                    "fibre: {between: [a, b], profile: fiber, rate: 10Gbps, length: 12km}",
                    "hop: {technology: microwave, between: [a, b], preset: microwave-18ghz}");
    text = Replaced(text,
                    "probe: {from: sender, to: receiver, traffic: {pattern: periodic, interval: "
                    "10ms, size: 200B}}",
                    "load: {from: sender, to: receiver, traffic: {pattern: constant_rate, rate: "
                    "300Mbps, size: 1400B}}");
    return FlowOf(RunAt(text), "load");
}

TEST(FaultFailoverTest, AMicrowaveHopUnderAStormLosesCapacityWhileTheStormLasts)
{
    const FlowResult calm =
        Storm("{at: 0.5s, until: 1s, storm: {center: far, radius: 5km, rain_rate: 60mm/h}}");
    EXPECT_EQ(calm.rxPackets, calm.txPackets) << "a storm 50 km away changes nothing";
    EXPECT_NEAR(static_cast<double>(calm.rxBytes) * 8, 2 * 300e6, 1e6);
    // In 60 mm/h the hop steps down from 4096QAM to the rate MicrowaveTechnologyTest computes
    // from the link budget and the ACM table (161.8 Mbit/s, less the UDP, IP and PPP headers of
    // each 1400-byte payload). A storm from 0.5 s to the end keeps the hop backlogged until the
    // end of the 0.5 s drain, so it delivers 0.5 s at 300 Mbit/s and 2 s at the storm's rate.
    const double stormRate = 161.8e6 * 1400 / 1430;
    const double backlogged = 0.5 * 300e6 + 2 * stormRate;
    const FlowResult lasting =
        Storm("{at: 0.5s, storm: {center: mast, radius: 5km, rain_rate: 60mm/h}}");
    EXPECT_NEAR(static_cast<double>(lasting.rxBytes) * 8, backlogged, 0.02 * backlogged);
    // A storm that ends at 1 s: the hop is back to 4096QAM (512 Mbit/s) for the last second and
    // the drain, carrying the 300 Mbit/s and part of the backlog: more than half a clear second,
    // half a stormy second and one clear second deliver, less than no storm at all.
    const FlowResult passing =
        Storm("{at: 0.5s, until: 1s, storm: {center: mast, radius: 5km, rain_rate: 60mm/h}}");
    EXPECT_GT(static_cast<double>(passing.rxBytes) * 8, 1.5 * 300e6 + 0.5 * stormRate);
    EXPECT_LT(passing.rxPackets, passing.txPackets);
    EXPECT_GT(passing.rxBytes, lasting.rxBytes + 50e6 / 8);
    // A storm is no cut: no outage.
    EXPECT_EQ(passing.outage->outages, 0u);
}

/// Two ROADM routers 80 km apart on one fibre, a lightpath over it between a switch at each end,
/// and a fibre of a network of its own elsewhere; CUT is the fibre cut at 0.2 s.
const std::string kOptical = R"(blueprint: 1
name: optical
duration: 0.5s
sites:
  west: {position: [0km, 0km]}
  east: {position: [80km, 0km]}
  north: {position: [0km, 60km]}
  pole: {position: [0km, 120km]}
nodes:
  roadm-w: {site: west, equipment: router}
  roadm-e: {site: east, equipment: router}
  roadm-n: {site: north, equipment: router}
  roadm-p: {site: pole, equipment: router}
  sw-w: {site: west, equipment: switch}
  sw-e: {site: east, equipment: switch}
links:
  trunk: {technology: optical, between: [roadm-w, roadm-e]}
  spur: {technology: optical, between: [roadm-n, roadm-p]}
  wave: {technology: optical, between: [sw-w, sw-e], lightpath: {}}
flows:
  probe: {from: sw-w, to: sw-e, traffic: {pattern: periodic, interval: 10ms, size: 1000B}}
events:
  - {at: 0.2s, cut: CUT}
)";

TEST(FaultFailoverTest, ACutFibreTakesDownTheLightpathsRoutedOverIt)
{
    // The lightpath's only route is the trunk: cut, it carries nothing more.
    const FlowResult cut = FlowOf(RunAt(Replaced(kOptical, "CUT", "trunk")), "probe");
    EXPECT_EQ(cut.outage->lostBefore, 0u);
    EXPECT_GT(cut.outage->sentAfter, 25u);
    EXPECT_EQ(cut.outage->lostAfter, cut.outage->sentAfter);
    // A fibre of another network carries none of it.
    const FlowResult elsewhere = FlowOf(RunAt(Replaced(kOptical, "CUT", "spur")), "probe");
    EXPECT_EQ(elsewhere.rxPackets, elsewhere.txPackets);
    EXPECT_EQ(elsewhere.outage->outages, 0u);
}

/// A Starlink-like terminal on the Noto peninsula (NtnTechnologyTest's), 20 Mbit/s to it from
/// Tokyo, under a storm from 1 s to 3 s of a 4 s run, centred on CENTRE.
const std::string kSky = R"(blueprint: 1
name: sky
duration: 4s
sites:
  wajima: {position: [37.39N, 136.90E]}
  ibaraki: {position: [36.40N, 140.55E]}
  tokyo: {position: [35.68N, 139.77E]}
nodes:
  dish: {site: wajima}
  gateway: {site: ibaraki, equipment: router}
  pop: {site: tokyo, equipment: router}
  server: {site: tokyo}
links:
  sat: {between: [gateway, dish], technology: leo}
  backhaul: {between: [gateway, pop], profile: fiber, rate: 10Gbps}
  internet: {between: [pop, server], profile: fiber, rate: 10Gbps}
flows:
  down: {from: server, to: dish, traffic: {pattern: constant_rate, rate: 20Mbps, size: 1400B}}
events:
  - {at: 1s, until: 3s, storm: {center: CENTRE, radius: 10km, rain_rate: 30mm/h}}
)";

TEST(FaultFailoverTest, ASatelliteTerminalUnderAStormLosesItsLinkWhileTheStormLasts)
{
    // 30 mm/h at the dish: ITU-R P.618 rain on the Ka-band slant path (the leo preset's TR 38.821
    // beams) takes the forward link below its lowest MODCOD, so the two stormy seconds of four are
    // lost (less what the gateway's queue still delivers once the rain stops).
    const FlowResult wet = FlowOf(RunAt(Replaced(kSky, "CENTRE", "wajima")), "down");
    EXPECT_NEAR(wet.lossRatio, 0.5, 0.05);
    // The channel models rain at the terminals: a storm over the gateway's site alone does not
    // reach the dish 300 km away.
    const FlowResult dry = FlowOf(RunAt(Replaced(kSky, "CENTRE", "ibaraki")), "down");
    EXPECT_EQ(dry.rxPackets, dry.txPackets);
}

} // namespace

namespace
{

/// The failover network built by hand, the way ScenarioRunner builds it, with a FaultController
/// whose mains handler the test sets (the seam a power plant plugs into).
struct HandBuilt
{
    explicit HandBuilt(ScenarioSpec s)
        : spec(std::move(s)),
          run(spec, std::chrono::steady_clock::now(), false)
    {
        run.BuildNodes();
        for (const auto& [technology, links] : LinksByTechnology(spec))
        {
            for (const auto& unit : technology->GroupForBuild(links))
            {
                technology->Build(run, unit);
            }
        }
        for (const auto& f : spec.flows)
        {
            run.GetPlanner().RouteTo(run.GetGroup(f.to).members.at(0));
        }
        probes = BuildTraffic(run);
        std::vector<FlowRecord*> records;
        for (const auto& p : probes)
        {
            records.push_back(&p->record);
        }
        faults = std::make_unique<FaultController>(run, records);
    }

    ~HandBuilt()
    {
        Simulator::Destroy();
    }

    /// Run to the end; \return the probe's packets sent and received
    std::pair<uint64_t, uint64_t> Run()
    {
        Simulator::Stop(Seconds(spec.duration + spec.drain));
        Simulator::Run();
        return {probes.at(0)->record.GetTxPackets(), probes.at(0)->record.GetRxPackets()};
    }

    ScenarioSpec spec;
    ScenarioBuild run;
    std::vector<std::unique_ptr<FlowProbe>> probes;
    std::unique_ptr<FaultController> faults;
};

/// One call of the mains handler.
struct MainsCall
{
    std::string node;
    uint32_t member;
    bool mainsOn;
    double timeline;
    double simulated;
};

TEST(FaultFailoverTest, AMainsHandlerDecidesWhatMainsLossDoes)
{
    ScenarioSpec spec =
        Spec(Net("  - {at: 1s, until: 2s, power_loss: mast}\n  - {at: 4s, power_loss: hub}"));
    spec.windowStart = 1.5; // the first loss is history, its end and the second loss are not
    HandBuilt built(spec);
    std::vector<MainsCall> calls;
    built.faults->SetMainsHandler(
        [&calls](const std::string& node, uint32_t member, bool mainsOn, double timeline) {
            calls.push_back({node, member, mainsOn, timeline, Simulator::Now().GetSeconds()});
        });
    built.faults->Start();
    // Before the window: called as the run starts, with the time on the timeline.
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].node, "b");
    EXPECT_EQ(calls[1].node, "receiver");
    EXPECT_FALSE(calls[0].mainsOn);
    EXPECT_DOUBLE_EQ(calls[0].timeline, 1.0);
    const auto [sent, received] = built.Run();
    // Inside the window: when it happens (timeline - windowStart), per member of the site.
    ASSERT_EQ(calls.size(), 6u);
    EXPECT_TRUE(calls[2].mainsOn);
    EXPECT_DOUBLE_EQ(calls[2].timeline, 2.0);
    EXPECT_DOUBLE_EQ(calls[2].simulated, 0.5);
    EXPECT_EQ(calls[4].node, "a");
    EXPECT_FALSE(calls[4].mainsOn);
    EXPECT_DOUBLE_EQ(calls[4].simulated, 2.5);
    // The handler did not darken anything (a battery would carry the site): nothing is lost.
    EXPECT_EQ(received, sent);
}

TEST(FaultFailoverTest, ANodeThePowerSupplyDarkensIsRoutedAround)
{
    // A power plant's verdict (SetNodePowered) rather than an event: router b's battery runs dry
    // at 1 s and comes back at 2 s, while the mains handler ignores mains loss.
    HandBuilt built(Spec(Net("  - {at: 100s, power_loss: b}")));
    built.faults->SetMainsHandler([](const std::string&, uint32_t, bool, double) {});
    built.faults->Start();
    Simulator::Schedule(Seconds(1), [&]() { built.faults->SetNodePowered("b", 0, false); });
    Simulator::Schedule(Seconds(2), [&]() { built.faults->SetNodePowered("b", 0, true); });
    const auto [sent, received] = built.Run();
    // Every path runs through b: one second of probes is lost, and the outage ends once b is
    // back and routed over again.
    EXPECT_NEAR(static_cast<double>(sent - received),
                (1.0 + kDetection + kReconvergence) / kInterval,
                2.0);
    std::vector<FlowResult> results(1);
    built.faults->Finish(results);
    EXPECT_EQ(results[0].outage->outages, 1u);
    EXPECT_NEAR(results[0].outage->seconds, 1.0 + kDetection + kReconvergence, kInterval);
}

} // namespace
