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
#include <cmath>
#include <filesystem>
#include <gtest/gtest.h>
#include <set>
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

TEST(SeedComparisonTest, TwoConfigurationsAlikeButDrawnApartShowADifferenceWhoseIntervalHoldsZero)
{
    // The base at seeds 21..40 paired with the base at seeds 1..20: the same design on draws of
    // its own, so the paired differences scatter (a non-zero interval) around zero.
    const ScenarioDocument doc = ScenarioDocument::FromString(kTiny, "tiny.yaml");
    std::vector<SeedRun> runs;
    for (uint64_t s = 1; s <= 40; ++s)
    {
        SeedRun r =
            ReadSeedRun(ResultWriter::ToJson(ScenarioRunner(doc.Resolve("base", {}, s)).Run()));
        r.configuration = s <= 20 ? "base" : "twin";
        r.seed = s <= 20 ? s : s - 20;
        runs.push_back(std::move(r));
    }
    const auto c = SummariseSeeds({"base", "twin"}, runs);
    const ConfidenceInterval& d = c[1].pairedDiff.at("up.latency_p99_ms");
    ASSERT_TRUE(d.defined);
    EXPECT_GT(d.halfWidth, 0);
    EXPECT_LE(d.Low(), 0);
    EXPECT_GE(d.High(), 0);
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

TEST(SeedComparisonTest, TheParetoSetKeepsEqualPointsAndPlacesAConfigurationWithoutLatencyLast)
{
    std::vector<ConfigurationSummary> c{Candidate("a", 500, 10, 20, true),
                                        Candidate("a-twin", 500, 10, 20, true),
                                        Candidate("silent", 500, 10, 20, true)};
    c[2].worstP99Ms.reset(); // nothing delivered: cannot be shown faster
    const Recommendation r = Recommend(c, 0.8, true);
    EXPECT_EQ(r.pareto, (std::vector<std::string>{"a", "a-twin"}));
    EXPECT_EQ(*r.cheapest, "a") << "ties go to the first in file order";
}

TEST(SeedComparisonTest, LatencyIsWeighedAgainstEachFlowsDeadline)
{
    // "sensors" has the larger p99 in ms (a 1 s deadline, met with room), "video" the larger
    // share of its deadline (150 ms): by deadline share, "video" is the one that decides.
    std::vector<ConfigurationSummary> c{Candidate("sensors", 500, 10, 600, true),
                                        Candidate("video", 400, 10, 140, true)};
    c[0].worstDeadlineShare = 0.6;
    c[1].worstDeadlineShare = 140.0 / 150;
    const Recommendation r = Recommend(c, 0.8, true);
    EXPECT_EQ(r.latencyObjective, "worst_p99_share_of_deadline");
    EXPECT_EQ(r.pareto, (std::vector<std::string>{"sensors", "video"}))
        << "in ms video would dominate sensors; against the deadlines neither dominates";
}

/// A result.json holding what ReadSeedRun reads: one flow with a latency requirement.
std::string
OneFlowResult(uint64_t rxPackets, double p99, double deadlineMs, const std::string& uncosted)
{
    return R"({"configuration": "c", "seed": 1, "verdict": "fail",
      "cost": {"annualised": 100, "uncosted": [)" +
           (uncosted.empty() ? std::string()
                             : R"({"element": ")" + uncosted + R"(", "technology": "nr"})") +
           R"(]}, "energy": {"total_j": 5, "unmetered": []},
      "flows": [{"name": "video", "rx_packets": )" +
           std::to_string(rxPackets) + R"(, "throughput_bps": 0, "loss_ratio": 1,
        "latency_ms": {"samples": )" +
           std::to_string(rxPackets) + R"(, "mean": 0, "p99": )" + std::to_string(p99) +
           R"(}, "requirements": [{"metric": "latency", "verdict": "fail", "limit_ms": )" +
           std::to_string(deadlineMs) + R"(}]}]})";
}

TEST(SeedComparisonTest, AFlowThatDeliveredNothingHasNoLatencyNotAZeroOne)
{
    const SeedRun lost = ReadSeedRun(OneFlowResult(0, 0, 150, ""));
    for (const auto& [metric, value] : lost.metrics)
    {
        EXPECT_EQ(metric.find("latency"), std::string::npos) << metric << " = " << value;
    }
    ASSERT_TRUE(lost.worstP99Ms);
    EXPECT_TRUE(std::isinf(*lost.worstP99Ms)) << "infinitely late, not 0 ms";
    EXPECT_TRUE(std::isinf(*lost.worstDeadlineShare));
    const SeedRun fine = ReadSeedRun(OneFlowResult(10, 75, 150, ""));
    EXPECT_DOUBLE_EQ(*fine.worstDeadlineShare, 0.5);
    // Over two seeds, one lost: the latency's mean is of the seed that measured it, and the
    // configuration's worst latency is infinite, not halved.
    SeedRun second = fine;
    second.seed = 2;
    const auto c = SummariseSeeds({"c"}, {lost, second});
    EXPECT_EQ(c[0].metrics.at("video.latency_p99_ms").samples, 1u);
    EXPECT_DOUBLE_EQ(c[0].metrics.at("video.latency_p99_ms").mean, 75);
    EXPECT_TRUE(std::isinf(*c[0].worstDeadlineShare));
}

TEST(SeedComparisonTest, ACheaperConfigurationThatLeavesACostOutIsFlagged)
{
    std::vector<ConfigurationSummary> c{Candidate("own-cell", 900, 10, 20, true),
                                        Candidate("carrier-cell", 300, 10, 20, true)};
    c[1].uncosted = {"cell-east"};
    const Recommendation r = Recommend(c, 0.8, true);
    EXPECT_EQ(*r.cheapest, "carrier-cell");
    EXPECT_EQ(r.costLeavesOut.at("carrier-cell"), (std::vector<std::string>{"cell-east"}));
    EXPECT_EQ(r.costLeavesOut.count("own-cell"), 0u);
    const std::string text = SeedComparisonTable("s", {1}, c, r);
    EXPECT_NE(text.find("carrier-cell's cost counts cell-east at 0, which not every"),
              std::string::npos)
        << text;
    EXPECT_EQ(ReadSeedRun(OneFlowResult(1, 1, 1, "cell-east")).uncosted,
              (std::set<std::string>{"cell-east"}));
}

TEST(SeedComparisonTest, AConfigurationThatDropsAFlowOrARequirementOfTheBaseIsNotRecommended)
{
    // The base carries cameras and a backup and is judged on the cameras' latency; one
    // alternative drops the backup, another the cameras' requirement: both are cheaper and pass.
    std::vector<ConfigurationSummary> c{Candidate("base", 900, 10, 20, true),
                                        Candidate("no-backup", 300, 8, 20, true),
                                        Candidate("no-deadline", 400, 10, 20, true),
                                        Candidate("bigger-link", 950, 10, 10, true)};
    for (auto& config : c)
    {
        config.flows = {"cameras", "backup"};
        config.requirements["cameras.latency"] = WilsonInterval(20, 20);
    }
    c[1].flows.erase("backup");
    c[2].requirements.clear();
    const Recommendation r = Recommend(c, 0.8, true);
    EXPECT_EQ(r.qualifying, (std::vector<std::string>{"base", "bigger-link"}));
    EXPECT_EQ(*r.cheapest, "base");
    EXPECT_FALSE(c[1].meetsEveryRequirement);
    EXPECT_EQ(r.dropsFromBase.at("no-backup"), (std::vector<std::string>{"flow backup"}));
    EXPECT_EQ(r.dropsFromBase.at("no-deadline"), (std::vector<std::string>{"cameras.latency"}));
    EXPECT_EQ(r.dropsFromBase.count("bigger-link"), 0u);
    const std::string text = RecommendationText(r);
    EXPECT_NE(text.find("note: no-backup does not carry the base's flow backup: it answers "
                        "another question and is not recommended"),
              std::string::npos)
        << text;
}

TEST(SeedComparisonTest, ARequirementJudgedInOnlySomePhasesCountsWhateverTheirOrder)
{
    // A timeline whose first phase has no loss requirement on f1 and whose second has one: the
    // pooled flow took its (lack of) requirements from the first phase, the second judged it.
    const auto timeline = [](const std::string& firstPhase, const std::string& secondPhase) {
        const std::string phase = R"({"name": "NAME", "flows": [{"name": "f1", "requirements": [)";
        auto withName = [&](const std::string& name, const std::string& requirements) {
            std::string p = phase + requirements + "]}]}";
            p.replace(p.find("NAME"), 4, name);
            return p;
        };
        return R"({"configuration": "c", "seed": 1, "verdict": "fail",
          "cost": {"annualised": 1}, "energy": {"total_j": 1},
          "flows": [{"name": "f1", "rx_packets": 1, "throughput_bps": 1, "loss_ratio": 0,
            "latency_ms": {"samples": 1, "mean": 1, "p99": 1}, "requirements": [)" +
               firstPhase + R"(]}], "phases": [)" + withName("one", firstPhase) + ", " +
               withName("two", secondPhase) + "]}";
    };
    const std::string loss = R"({"metric": "loss", "verdict": "VERDICT"})";
    auto lossWith = [&](const std::string& verdict) {
        std::string q = loss;
        q.replace(q.find("VERDICT"), 7, verdict);
        return q;
    };
    // Relaxed first: the requirement is still judged, in the second phase, with its verdict.
    EXPECT_EQ(ReadSeedRun(timeline("", lossWith("fail"))).requirements,
              (std::map<std::string, std::string>{{"f1.loss", "fail"}}));
    // Relaxed last: the same key, from the top level.
    EXPECT_EQ(ReadSeedRun(timeline(lossWith("pass"), "")).requirements,
              (std::map<std::string, std::string>{{"f1.loss", "pass"}}));
}

TEST(SeedComparisonTest, TooFewSeedsToShowTheShareAreSaidSoNotBlamedOnTheConfigurations)
{
    // n / (n + 1.96^2) >= q: 16 seeds for 80 %, 73 for 95 % (Wilson, every seed passing).
    EXPECT_EQ(SeedsNeeded(0.8), 16u);
    EXPECT_EQ(SeedsNeeded(0.95), 73u);
    std::vector<ConfigurationSummary> c{Candidate("base", 1, 1, 1, true)};
    c[0].seeds = 10;
    c[0].allPass = WilsonInterval(10, 10);
    const Recommendation r = Recommend(c, 0.8, true);
    EXPECT_TRUE(r.qualifying.empty());
    const std::string text = SeedComparisonTable("s", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, c, r);
    EXPECT_NE(text.find("none can be made with 10 seeds"), std::string::npos) << text;
    EXPECT_NE(text.find("needs at least 16 seeds"), std::string::npos) << text;
}

TEST(SeedComparisonTest, ConfigurationNamesWithCommasAreQuotedInTheCsv)
{
    std::vector<ConfigurationSummary> c{Candidate("fibre, 10G", 1, 1, 1, true)};
    c[0].metrics["up.loss_ratio"] = StudentTInterval({0.0, 0.0});
    const std::string csv = SeedComparisonCsv(c);
    EXPECT_NE(csv.find("\n\"fibre, 10G\",metric,up.loss_ratio,"), std::string::npos) << csv;
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
    for (const std::string bad : {"", "%", "0", "120%", "1.5", "x", "95 %", "-1", "100%", "1"})
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
                                   "--seeds 1..3 --partition p",
                                   "--seeds 1..3 --confidence 100%",
                                   // 3 configurations x 40,000 seeds: over a plan's 100,000 runs
                                   "--seeds 1..40000"})
    {
        const CommandResult r =
            Blueprint("compare " + file + " --out " + dir.Path() + "/out " + args, dir);
        EXPECT_EQ(r.status, 2) << args << "\n" << r.err;
        EXPECT_FALSE(std::filesystem::exists(dir.Path() + "/out")) << args;
    }
}

} // namespace
