/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * compare over seeds: paired differences that separate a real difference from luck, pass
 * shares, and the recommendation (what meets every requirement, the cheapest, the Pareto set).
 */

#include "helper/results/result-writer.h"
#include "helper/sweep/seed-comparison.h"
#include "scenario-run-support.h"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;
using namespace blueprint_test;

namespace
{

/// A sensor sending 1200 B every ms on average (Poisson) over a 20 Mbit/s line: the queue, and
/// so the p99 latency, depends on the arrivals' luck. `slower` is made worse on purpose.
const std::string kTiny = R"(blueprint: 1
name: tiny
duration: 0.2s
drain: 0.05s
sites: {a: {position: [0m, 0m]}, b: {position: [50m, 0m]}}
nodes:
  sensor: {site: a}
  server: {site: b, equipment: server}
links:
  line: {between: [sensor, server], profile: ethernet, rate: 20Mbps}
flows:
  up: {from: sensor, to: server, traffic: {pattern: periodic, interval: 1ms, size: 1200B, arrivals: poisson}, requirements: {latency: 5ms, reliability: 90%}}
alternatives:
  same: {changes: {links: {line: {rate: 20Mbps}}}}
  slower: {changes: {links: {line: {rate: 14Mbps}}}}
)";

std::vector<ConfigurationSummary>
RunOverSeeds(uint64_t seeds)
{
    const ScenarioDocument doc = ScenarioDocument::FromString(kTiny, "tiny.yaml");
    std::vector<SeedRun> runs;
    for (const std::string c : {"base", "same", "slower"})
    {
        for (uint64_t s = 1; s <= seeds; ++s)
        {
            const RunResult r = ScenarioRunner(doc.Resolve(c, {}, s)).Run();
            runs.push_back(ReadSeedRun(ResultWriter::ToJson(r)));
        }
    }
    return SummariseSeeds({"base", "same", "slower"}, runs);
}

TEST(SeedComparisonTest, AConfigurationMadeWorseShowsAPairedDifferenceThatExcludesZero)
{
    const std::vector<ConfigurationSummary> c = RunOverSeeds(20);
    ASSERT_EQ(c.size(), 3u);
    const ConfidenceInterval& worse = c[2].pairedDiff.at("up.latency_p99_ms");
    ASSERT_TRUE(worse.defined);
    EXPECT_EQ(worse.samples, 20u);
    EXPECT_GT(worse.Low(), 0) << "slower line, longer queue: the difference is not luck";
    // The seeds do differ from one another: there is luck to separate the difference from.
    EXPECT_GT(c[0].metrics.at("up.latency_p99_ms").halfWidth, 0);
    const ConfidenceInterval& same = c[1].pairedDiff.at("up.latency_p99_ms");
    ASSERT_TRUE(same.defined);
    EXPECT_LE(same.Low(), 0);
    EXPECT_GE(same.High(), 0);
}

TEST(SeedComparisonTest, PassSharesCountSeedsAndUseWilsonsInterval)
{
    // Wilson's interval for 20 of 20 at 95 %: n / (n + z^2) = 20 / 23.8415 = 0.8389 (the
    // upper bound is 1); for 6 of 20: [0.1455, 0.5190] (Brown, Cai, DasGupta 2001, eq. 4).
    const ProportionInterval all = WilsonInterval(20, 20);
    EXPECT_NEAR(all.low, 0.8389, 1e-4);
    EXPECT_DOUBLE_EQ(all.high, 1.0);
    const ProportionInterval some = WilsonInterval(6, 20);
    EXPECT_NEAR(some.low, 0.1455, 1e-4);
    EXPECT_NEAR(some.high, 0.5190, 1e-4);
}

/// A summary with every requirement passed (or not) at every seed.
ConfigurationSummary
Candidate(const std::string& name, double cost, double energy, double p99, bool pass)
{
    ConfigurationSummary c;
    c.name = name;
    c.seeds = 20;
    c.hasRequirements = true;
    c.allPass = WilsonInterval(pass ? 20 : 10, 20);
    c.annualisedCost = cost;
    c.energyJoules = energy;
    c.worstP99Ms = p99;
    return c;
}

TEST(SeedComparisonTest, TheCheapestRecommendedMeetsEveryRequirementAndNoCheaperOneDoes)
{
    std::vector<ConfigurationSummary> c{Candidate("base", 300, 10, 50, false),
                                        Candidate("fibre", 900, 5, 1, true),
                                        Candidate("radio", 500, 20, 20, true),
                                        Candidate("radio-plus", 600, 25, 25, true),
                                        Candidate("satellite", 700, 30, 10, true)};
    const Recommendation r = Recommend(c, 0.8, true);
    EXPECT_EQ(r.qualifying,
              (std::vector<std::string>{"fibre", "radio", "radio-plus", "satellite"}));
    ASSERT_TRUE(r.cheapest);
    EXPECT_EQ(*r.cheapest, "radio");
    for (const ConfigurationSummary& s : c)
    {
        const ConfigurationSummary& cheapest = c[2];
        EXPECT_TRUE(s.name == "radio" || !s.meetsEveryRequirement ||
                    s.annualisedCost >= cheapest.annualisedCost)
            << s.name;
    }
    // radio-plus costs more, uses more energy and is slower than radio: dominated.
    EXPECT_EQ(r.pareto, (std::vector<std::string>{"fibre", "radio", "satellite"}));
    for (const std::string& a : r.pareto)
    {
        for (const ConfigurationSummary& b : c)
        {
            const ConfigurationSummary& sa =
                *std::find_if(c.begin(), c.end(), [&](auto& x) { return x.name == a; });
            const bool dominates =
                b.meetsEveryRequirement && b.name != a && b.annualisedCost <= sa.annualisedCost &&
                b.energyJoules <= sa.energyJoules && *b.worstP99Ms <= *sa.worstP99Ms &&
                (b.annualisedCost < sa.annualisedCost || b.energyJoules < sa.energyJoules ||
                 *b.worstP99Ms < *sa.worstP99Ms);
            EXPECT_FALSE(dominates) << b.name << " dominates " << a;
        }
    }
}

TEST(SeedComparisonTest, AHigherRequiredShareNeedsMoreSeeds)
{
    // 20 passing seeds of 20 show a pass rate of at least 83.9 % (95 % Wilson): enough for 80 %,
    // not for 95 %, which needs 73 seeds without a failure.
    std::vector<ConfigurationSummary> c{Candidate("base", 1, 1, 1, true)};
    EXPECT_EQ(Recommend(c, 0.8, true).qualifying.size(), 1u);
    EXPECT_TRUE(Recommend(c, 0.95, true).qualifying.empty());
    c[0].allPass = WilsonInterval(73, 73);
    EXPECT_EQ(Recommend(c, 0.95, true).qualifying.size(), 1u);
}

TEST(SeedComparisonTest, SeedListsAndSharesAreReadOrRefused)
{
    EXPECT_EQ(ParseSeedList("1..4"), (std::vector<uint64_t>{1, 2, 3, 4}));
    EXPECT_EQ(ParseSeedList("1,3,5"), (std::vector<uint64_t>{1, 3, 5}));
    EXPECT_EQ(ParseSeedList("2..3,7"), (std::vector<uint64_t>{2, 3, 7}));
    for (const std::string bad : {"", "0", "1..", "5..2", "1,,2", "a", "1,1", "-3", "1..200000"})
    {
        EXPECT_THROW(ParseSeedList(bad), std::invalid_argument) << bad;
    }
    EXPECT_DOUBLE_EQ(ParseShare("95%"), 0.95);
    EXPECT_DOUBLE_EQ(ParseShare("0.8"), 0.8);
    for (const std::string bad : {"", "%", "0", "120%", "1.5", "x", "95 %", "-1"})
    {
        EXPECT_THROW(ParseShare(bad), std::invalid_argument) << bad;
    }
}

TEST(SeedComparisonCliTest, BadSeedsAndConfidenceExitWithStatus2AndWriteNothing)
{
    TempDir dir;
    const std::string file = dir.Write("tiny.yaml", kTiny);
    for (const std::string args : {"--seeds 0..3",
                                   "--seeds 3..1",
                                   "--seeds x",
                                   "--seeds 1..3 --confidence 150%",
                                   "--seeds 1..3 --confidence nope",
                                   "--confidence 90%",
                                   "--seeds 1..3 --seed 2",
                                   "--jobs 2",
                                   "--seeds 1..3 --partition p"})
    {
        const CommandResult r =
            Blueprint("compare " + file + " --out " + dir.Path() + "/out " + args, dir);
        EXPECT_EQ(r.status, 2) << args << "\n" << r.err;
        EXPECT_FALSE(std::filesystem::exists(dir.Path() + "/out")) << args;
    }
}

} // namespace
