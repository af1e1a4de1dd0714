/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Scenarios too large for the machine are refused before anything is built, with the estimate
 * and the limit, and a long set-up says how far it has come (issue 8, C.22).
 */

#include "cli-support.h"
#include "helper/scenario/scenario-footprint.h"
#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/setup-progress.h"
#include "input-error-support.h"

#include <cstdio>
#include <gtest/gtest.h>
#include <string>
#include <tuple>
#include <vector>

namespace ns3
{
namespace blueprint
{

namespace
{

/// 100 hosts on their own links to a router, 2 NR cells serving 50 UEs, a request-response flow
/// from the hosts to a server and a downlink flow to the UEs.
const std::string kMixed = R"(blueprint: 1
name: mixed
duration: 1s
sites:
  a: {position: [0m, 0m]}
nodes:
  hosts: {site: a, count: 100}
  router: {site: a, equipment: router}
  server: {site: a, equipment: server}
  gnb1: {site: a}
  gnb2: {site: a}
  ues: {site: a, count: 50}
links:
  access: {between: [router, hosts], profile: ethernet, rate: 1Gbps, length: 10m}
  core: {between: [server, router], profile: ethernet, rate: 1Gbps, length: 10m}
  c1: {between: [server, gnb1], profile: ethernet, rate: 1Gbps, length: 10m}
  c2: {between: [server, gnb2], profile: ethernet, rate: 1Gbps, length: 10m}
  cell1: {technology: nr, between: [gnb1, ues], band: n78}
  cell2: {technology: nr, between: [gnb2, ues], band: n78}
flows:
  ask: {from: hosts, to: server, traffic: {pattern: request_response, interval: 1s, size: 100B}}
  down: {from: server, to: ues, traffic: {pattern: periodic, interval: 1s, size: 100B}}
)";

TEST(ScenarioFootprintTest, CountsWhatTheRunBuilds)
{
    const ScenarioSpec spec = ScenarioDocument::FromString(kMixed, "mixed.yaml").Resolve("base");
    const ScenarioFootprint f = EstimateFootprint(spec);
    EXPECT_EQ(f.nodes, 154u);
    EXPECT_EQ(f.pointToPointDevices, 2u * (100 + 1 + 1 + 1));
    EXPECT_EQ(f.radioDevices, 2u + 50); // the UEs have one device each, whatever serves them
    EXPECT_EQ(f.radioPairs, 2u * 50);   // each gNB with each UE: their own propagation models
    EXPECT_EQ(f.flowMembers, 100u + 50);
    // One host route towards the server, each of the 100 asking hosts and each of the 50 UEs on
    // the router, the server and the two gNBs; one default route on each host and UE.
    EXPECT_EQ(f.routeEntries, 4u * (1 + 100 + 50) + 100 + 50);
    EXPECT_GT(f.bytes, 80e6);
    EXPECT_LT(f.bytes, 100e6);
}

TEST(ScenarioFootprintTest, AConfigurationBeyondTheMemoryAvailableIsRefused)
{
    const ScenarioSpec spec = ScenarioDocument::FromString(kMixed, "mixed.yaml").Resolve("base");
    const InputError e = ErrorFrom([&] { CheckFootprintFits(spec, 50000000); });
    EXPECT_EQ(e.GetMark().file, "mixed.yaml");
    EXPECT_EQ(e.GetMark().line, 0);
    EXPECT_EQ(
        e.GetMessage().rfind(
            "configuration 'base' needs about 0.1 GB of memory (154 nodes, "
            "206 wired and 52 radio devices, 100 station-terminal "
            "pairs, 150 flow members, 754 routes), more than the 0.1 GB this machine has available",
            0),
        0u)
        << e.GetMessage();
    EXPECT_NE(e.GetMessage().find("--no-memory-check"), std::string::npos);
    CheckFootprintFits(spec, 0);          // nothing known: no check
    CheckFootprintFits(spec, 1000000000); // fits
    EXPECT_GT(AvailableMemoryBytes(), 0u);
}

TEST(ScenarioFootprintTest, MillionMemberGroupsAreRefusedBeforeAnyFolderIsMade)
{
    // Two groups of 10^6 hosts on their own links, each member sending 16 flows: 32 million flow
    // members, about 300 GB, beyond any test machine.
    std::string text = "blueprint: 1\nname: huge\nduration: 1s\nsites:\n  a: {position: [0m, 0m]}\n"
                       "nodes:\n  router: {site: a, equipment: router}\n";
    std::string links = "links:\n";
    std::string flows = "flows:\n";
    for (int g = 0; g < 2; ++g)
    {
        const std::string name = "hosts" + std::to_string(g);
        text += "  " + name + ": {site: a, count: 1000000}\n";
        links += "  l" + std::to_string(g) + ": {between: [router, " + name +
                 "], profile: ethernet, rate: 1Gbps, length: 10m}\n";
        for (int f = 0; f < 16; ++f)
        {
            flows += "  f" + std::to_string(g) + "-" + std::to_string(f) + ": {from: " + name +
                     ", to: router, traffic: {pattern: periodic, interval: 1s, size: 100B}}\n";
        }
    }
    blueprint_test::TempDir dir;
    const std::string file = dir.Write("huge.yaml", text + links + flows);
    const auto r = blueprint_test::Blueprint("run " + file + " --out " + dir.Path() + "/out",
                                             dir,
                                             "timeout -s KILL 60 ");
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.err.rfind(file + ": configuration 'base' needs about", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("2,000,001 nodes"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("32,000,000 flow members"), std::string::npos) << r.err;
    EXPECT_FALSE(blueprint_test::fs::exists(dir.Path() + "/out"));
}

TEST(ScenarioFootprintTest, StationTerminalPairsOfAnNrOrLteChannelAreCounted)
{
    // 200 cells of 100 UEs each on one carrier: every station with every UE is 4 million pairs,
    // each with its own propagation models (2.7 KiB measured for NR, 6.8 KiB for LTE;
    // doc/benchmarks.rst), 11 or 28 GB on pairs alone, which the estimate must see though the
    // nodes, devices and flows come to well under 1 GB.
    for (const auto& [technology, band, perPair] :
         std::vector<std::tuple<std::string, std::string, double>>{
             {"nr", "n78", 2.7 * 1024},
             {"lte", "1, core: core", 6.8 * 1024}})
    {
        SCOPED_TRACE(technology);
        std::string doc = "blueprint: 1\nname: pairs\nduration: 1s\nsites:\n  a: {position: "
                          "[0m, 0m]}\nnodes:\n  core: {site: a}\n";
        std::string links = "links:\n";
        for (int g = 0; g < 200; ++g)
        {
            const std::string n = std::to_string(g);
            doc += "  station" + n + ": {site: a}\n  ues" + n + ": {site: a, count: 100}\n";
            links += "  cell" + n + ": {technology: " + technology + ", between: [station" + n +
                     ", ues" + n + "], band: " + band + "}\n";
        }
        // An LTE cell's UEs reach the network at its core, an NR cell's at its gNB.
        const std::string to = technology == "lte" ? "core" : "station0";
        doc += links + "flows:\n  up: {from: ues0, to: " + to +
               ", traffic: {pattern: periodic, interval: 1s, size: 100B}}\n";
        const ScenarioSpec spec = ScenarioDocument::FromString(doc, "pairs.yaml").Resolve("base");
        const ScenarioFootprint f = EstimateFootprint(spec);
        EXPECT_EQ(f.radioPairs, 200u * 20000u);
        EXPECT_GT(f.bytes, 4e6 * perPair) << "every pair's models, as measured, at least";
        EXPECT_LT(f.bytes, 4e6 * perPair * 1.2 + 1e9);
        const InputError e = ErrorFrom([&] { CheckFootprintFits(spec, 8000000000); });
        EXPECT_NE(e.GetMessage().find("4,000,000 station-terminal pairs"), std::string::npos)
            << e.GetMessage();
    }
}

TEST(ScenarioFootprintTest, TheEstimateIsAboveThePeaksMeasuredOnTheRadioBenchmarks)
{
    // Peak RSS measured with GNU time on the 2-core machine (doc/benchmarks.rst, The cost of a
    // pair's own models): the estimate must not be below any of them.
    const std::vector<std::pair<std::string, double>> measured{
        {"nr-scale-scenario.sh 20 250", 416.2 * 1024 * 1024},
        {"nr-scale-scenario.sh 1 5000", 177.5 * 1024 * 1024},
        {"lte-scale-scenario.sh 10 50 0.1s", 154.4 * 1024 * 1024},
        {"lte-scale-scenario.sh 32 17 0.05s", 229.1 * 1024 * 1024}};
    for (const auto& [script, peak] : measured)
    {
        SCOPED_TRACE(script);
        const std::string command =
            "bash " + std::string(BLUEPRINT_SOURCE_DIR) + "/bench/" + script;
        FILE* pipe = popen(command.c_str(), "r");
        ASSERT_NE(pipe, nullptr);
        std::string yaml;
        char buffer[4096];
        for (std::size_t n; (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;)
        {
            yaml.append(buffer, n);
        }
        ASSERT_EQ(pclose(pipe), 0);
        const ScenarioSpec spec = ScenarioDocument::FromString(yaml, "bench.yaml").Resolve("base");
        const double estimate = EstimateFootprint(spec).bytes;
        EXPECT_GE(estimate, peak);
        EXPECT_LE(estimate, 2 * peak) << "within twice what it takes";
    }
}

/// The set-up's line: nothing in the first two seconds or when off, then the part and the count.
TEST(SetupProgressTest, SaysWhatIsSetUpAfterTwoSecondsOnlyWhenOn)
{
    const auto longAgo = std::chrono::steady_clock::now() - std::chrono::seconds(3);
    auto written = [](bool enabled, std::chrono::steady_clock::time_point start) {
        std::FILE* out = std::tmpfile();
        SetupProgress progress("base", start, enabled, out);
        progress.Phase("routes", 128);
        for (int i = 0; i < 128; ++i)
        {
            progress.Step();
        }
        progress.Finish();
        std::rewind(out);
        std::string text;
        for (int c = std::fgetc(out); c != EOF; c = std::fgetc(out))
        {
            text += static_cast<char>(c);
        }
        std::fclose(out);
        return text;
    };
    const std::string shown = written(true, longAgo);
    EXPECT_NE(shown.find("base: setting up routes, 0 of 128 (3.0 s)"), std::string::npos) << shown;
    EXPECT_EQ(shown.back(), '\r'); // cleared at the end
    EXPECT_EQ(written(false, longAgo), "");
    EXPECT_EQ(written(true, std::chrono::steady_clock::now()), "");
}

} // namespace
} // namespace blueprint
} // namespace ns3
