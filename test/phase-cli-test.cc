/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Timelines from the command line (doc/phases.rst): compare shows each configuration phase by
 * phase with the stretch of the timeline it stands for; run writes phases.csv with the other
 * files, all or none; a sweep runs every phase at each point.
 */

#include "cli-support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace
{

using namespace blueprint_test;

/// kValid's hosts and their 100-byte probes on a timeline of 30 hours in two phases, the second
/// sending 1000-byte packets; the alternative `small-packets` sends 50-byte ones.
const std::string kTimeline = kValid + R"(timeline:
  horizon: 30h
  phases:
    - {name: first-hour, at: 0s}
    - name: after-battery
      at: 3h
      changes: {flows: {f1: {traffic: {size: 1000B}}}}
alternatives:
  small-packets:
    changes: {flows: {f1: {traffic: {size: 50B}}}}
)";

TEST(PhaseCliTest, CompareShowsEachConfigurationPhaseByPhase)
{
    TempDir dir;
    const std::string file = dir.Write("timeline.yaml", kTimeline);
    const CommandResult r = Blueprint("compare " + file + " --out " + dir.Path() + "/out", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    // One row per configuration, phase and flow, with the span each phase stands for.
    EXPECT_NE(r.out.find("configuration phase         timeline flow"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("base          first-hour    0s-3h    f1"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("base          after-battery 3h-1d6h  f1"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("small-packets after-battery 3h-1d6h  f1"), std::string::npos) << r.out;
    // compare.csv: a row per phase, and the flow pooled over the phases as phase "all".
    const std::string csv = ReadFile(dir.Path() + "/out/compare.csv");
    EXPECT_EQ(csv.rfind("scenario,configuration,seed,phase,phase_at_s,phase_until_s,flow,", 0), 0u)
        << csv;
    EXPECT_NE(csv.find("two-hosts,base,3,after-battery,10800.0,108000.0,f1,"), std::string::npos)
        << csv;
    EXPECT_NE(csv.find("two-hosts,small-packets,3,all,0,108000.0,f1,"), std::string::npos) << csv;
    for (const std::string configuration : {"base", "small-packets"})
    {
        EXPECT_TRUE(fs::exists(dir.Path() + "/out/" + configuration + "/phases.csv"));
    }
    // The alternative's change reaches every phase; a phase's own change wins over it.
    const auto result =
        nlohmann::json::parse(ReadFile(dir.Path() + "/out/small-packets/result.json"));
    const auto& phases = result.at("phases");
    EXPECT_EQ(phases.at(0).at("flows").at(0).at("tx_bytes"),
              phases.at(0).at("flows").at(0).at("tx_packets").get<uint64_t>() * 50);
    EXPECT_EQ(phases.at(1).at("flows").at(0).at("tx_bytes"),
              phases.at(1).at("flows").at(0).at("tx_packets").get<uint64_t>() * 1000);
}

TEST(PhaseCliTest, RunWritesEveryPhaseWithTheOtherFilesOrRefusesATraceOfOneWindow)
{
    TempDir dir;
    const std::string file = dir.Write("timeline.yaml", kTimeline);
    const std::string out = dir.Path() + "/run";
    const CommandResult r = Blueprint("run " + file + " --out " + out, dir);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("by phase:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("timeline of 1d6h:"), std::string::npos) << r.out;
    const std::string phases = ReadFile(out + "/phases.csv");
    EXPECT_NE(phases.find("two-hosts,base,3,first-hour,0.0,10800.0,1.0,f1,"), std::string::npos)
        << phases;
    EXPECT_NE(phases.find("two-hosts,base,3,after-battery,10800.0,108000.0,1.0,f1,"),
              std::string::npos)
        << phases;
    // FlowMonitor, NetAnim and pcap record one run; a timeline is several: refused before anything
    // runs, and nothing is written.
    const std::string traced = dir.Path() + "/traced";
    for (const std::string option : {"--flowmon", "--netanim", "--pcap h1"})
    {
        const CommandResult t = Blueprint("run " + file + " " + option + " --out " + traced, dir);
        EXPECT_EQ(t.status, 2) << t.err;
        EXPECT_NE(t.err.find("has a timeline of 2 phases"), std::string::npos) << t.err;
        EXPECT_FALSE(fs::exists(traced + "/result.json"));
    }
}

TEST(PhaseCliTest, ASweepRunsEveryPhaseAtEachPoint)
{
    TempDir dir;
    dir.Write("timeline.yaml", kTimeline);
    const std::string sweep = dir.Write("sweep.yaml", R"(scenario: timeline.yaml
name: sizes
axes:
  flows.f1.traffic.interval: [10ms, 20ms]
replications: 1
)");
    const CommandResult r = Blueprint("sweep " + sweep + " --out " + dir.Path() + "/sweep", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    int runs = 0;
    for (const auto& entry : fs::directory_iterator(dir.Path() + "/sweep/runs"))
    {
        ++runs;
        const auto result = nlohmann::json::parse(ReadFile(entry.path() / "result.json"));
        ASSERT_EQ(result.at("phases").size(), 2u);
        // The pooled flow is both windows' packets.
        EXPECT_EQ(result.at("flows").at(0).at("tx_packets"),
                  result.at("phases").at(0).at("flows").at(0).at("tx_packets").get<uint64_t>() +
                      result.at("phases").at(1).at("flows").at(0).at("tx_packets").get<uint64_t>());
        EXPECT_TRUE(fs::exists(entry.path() / "phases.csv"));
    }
    EXPECT_EQ(runs, 2);
}

} // namespace
