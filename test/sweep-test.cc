/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Sweep files, plan expansion, constraints, run identity, confidence intervals and aggregation,
 * without running any simulation.
 */

#include "helper/scenario/input-error.h"
#include "helper/sweep/confidence-interval.h"
#include "helper/sweep/run-identity.h"
#include "helper/sweep/sweep-aggregator.h"
#include "helper/sweep/sweep-constraint.h"
#include "helper/sweep/sweep-plan.h"
#include "helper/sweep/sweep-spec.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <sstream>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;
namespace fs = std::filesystem;

/// Two hosts on one fiber link with one flow; the alternative doubles the rate.
const std::string kScenario = R"(blueprint: 1
name: two-hosts
duration: 1s
sites:
  a: {position: [0km, 0km]}
  b: {position: [100km, 0km]}
nodes:
  h1: {site: a}
  h2: {site: b}
links:
  l1: {between: [h1, h2], profile: fiber, rate: 1Gbps}
flows:
  f1: {from: h1, to: h2, traffic: {pattern: periodic, interval: 10ms, size: 100B}}
alternatives:
  fast:
    changes:
      links:
        l1: {rate: 10Gbps}
)";

/// A folder holding the scenario, removed afterwards.
class SweepFixture : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        char pattern[] = "/tmp/blueprint-sweep-test-XXXXXX";
        m_dir = mkdtemp(pattern);
        std::ofstream(m_dir + "/two.yaml") << kScenario;
    }

    void TearDown() override
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }

    SweepPlan Expand(const std::string& sweep)
    {
        return ExpandSweep(ReadSweepString(sweep, m_dir + "/sweep.yaml"), "test-program");
    }

    /// "alternative|v1|v2..." for each point, to compare with expectations at a glance.
    static std::vector<std::string> Points(const SweepPlan& plan)
    {
        std::vector<std::string> out;
        for (const auto& p : plan.points)
        {
            std::string s = p.alternative;
            for (const auto& v : p.values)
            {
                s += "|" + v;
            }
            out.push_back(s);
        }
        return out;
    }

    std::string m_dir;
};

TEST_F(SweepFixture, GridIsTheProductWithTheLastAxisFastestAndSeedsInnermost)
{
    SweepPlan plan = Expand("scenario: two.yaml\n"
                            "axes:\n"
                            "  links.l1.length: [10km, 100km, 200km]\n"
                            "  links.l1.rate: [100Mbps, 1Gbps]\n"
                            "replications: 2\n");
    EXPECT_EQ(Points(plan),
              (std::vector<std::string>{"base|10km|100Mbps",
                                        "base|10km|1Gbps",
                                        "base|100km|100Mbps",
                                        "base|100km|1Gbps",
                                        "base|200km|100Mbps",
                                        "base|200km|1Gbps"}));
    ASSERT_EQ(plan.runs.size(), 12u);
    std::set<std::string> hashes;
    for (std::size_t r = 0; r < plan.runs.size(); ++r)
    {
        EXPECT_EQ(plan.runs[r].point, r / 2);
        EXPECT_EQ(plan.runs[r].seed, r % 2 + 1);
        hashes.insert(plan.runs[r].hash);
    }
    EXPECT_EQ(hashes.size(), 12u) << "every run has its own folder";
    EXPECT_EQ(plan.Overrides(plan.points[3]),
              (std::vector<std::string>{"links.l1.length=100km", "links.l1.rate=1Gbps"}));
}

TEST_F(SweepFixture, ZippedAxesVaryTogether)
{
    SweepPlan plan = Expand("scenario: two.yaml\n"
                            "axes:\n"
                            "  links.l1.length: [10km, 100km, 200km]\n"
                            "  flows.f1.traffic.size: [100B, 200B]\n"
                            "  links.l1.rate: [100Mbps, 1Gbps, 10Gbps]\n"
                            "zip:\n"
                            "  - [links.l1.length, links.l1.rate]\n");
    EXPECT_EQ(Points(plan),
              (std::vector<std::string>{"base|10km|100B|100Mbps",
                                        "base|10km|200B|100Mbps",
                                        "base|100km|100B|1Gbps",
                                        "base|100km|200B|1Gbps",
                                        "base|200km|100B|10Gbps",
                                        "base|200km|200B|10Gbps"}));
    EXPECT_EQ(plan.runs.size(), 6u);
    EXPECT_EQ(plan.runs[0].seed, 1u) << "seed 1 by default";
}

TEST_F(SweepFixture, ConstraintsExcludePointsAndCompareQuantitiesInTheirUnits)
{
    SweepPlan plan = Expand("scenario: two.yaml\n"
                            "alternatives: all\n"
                            "axes:\n"
                            "  links.l1.length: [500m, 10km, 100km]\n"
                            "  links.l1.rate: [100Mbps, 1Gbps]\n"
                            "constraints:\n"
                            "  - links.l1.length <= 10000 m or links.l1.rate == '1Gbps'\n"
                            "  - not (alternative == fast and links.l1.rate < 0.5Gbps)\n"
                            "seeds: [7, 3]\n");
    EXPECT_EQ(Points(plan),
              (std::vector<std::string>{"base|500m|100Mbps",
                                        "base|500m|1Gbps",
                                        "base|10km|100Mbps",
                                        "base|10km|1Gbps",
                                        "base|100km|1Gbps",
                                        "fast|500m|1Gbps",
                                        "fast|10km|1Gbps",
                                        "fast|100km|1Gbps"}));
    EXPECT_EQ(plan.excludedPoints, 4u);
    ASSERT_EQ(plan.runs.size(), 16u);
    EXPECT_EQ(plan.runs[0].seed, 7u);
    EXPECT_EQ(plan.runs[1].seed, 3u);
}

TEST_F(SweepFixture, NoAxesGivesOnePointPerAlternative)
{
    SweepPlan plan = Expand("scenario: two.yaml\nalternatives: [fast, base]\nreplications: 3\n");
    EXPECT_EQ(Points(plan), (std::vector<std::string>{"fast", "base"}));
    EXPECT_EQ(plan.runs.size(), 6u);
}

TEST_F(SweepFixture, HashesDependOnScenarioSeedAndProgramOnly)
{
    const std::string sweep = "scenario: two.yaml\naxes:\n  links.l1.length: [10km, 20km]\n";
    SweepPlan a = Expand(sweep);
    SweepPlan b = Expand(sweep);
    ASSERT_EQ(a.runs.size(), 2u);
    EXPECT_EQ(a.runs[0].hash, b.runs[0].hash) << "same inputs, same folder";
    EXPECT_NE(a.runs[0].hash, a.runs[1].hash);
    SweepPlan other = ExpandSweep(ReadSweepString(sweep, m_dir + "/sweep.yaml"), "another-program");
    EXPECT_NE(a.runs[0].hash, other.runs[0].hash) << "a new program never reuses old results";
    // Equal scenario text written another way ("10 km" keeps its own spelling) is another run,
    // and a plan round-trips through its JSON file.
    std::ofstream(m_dir + "/plan.json") << a.ToJson();
    SweepPlan loaded = SweepPlan::Load(m_dir + "/plan.json");
    EXPECT_EQ(loaded.ToJson(), a.ToJson());
    EXPECT_EQ(Sha1Hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d"); // FIPS 180-2 App. A
}

struct BadSweep
{
    std::string name;
    std::string text;
    int line;
    int column;
    std::string message;
};

void
PrintTo(const BadSweep& c, std::ostream* os)
{
    *os << c.name;
}

class BadSweepTest : public SweepFixture, public ::testing::WithParamInterface<BadSweep>
{
};

TEST_P(BadSweepTest, IsReportedAtItsPlaceInTheSweepFile)
{
    const BadSweep& c = GetParam();
    const std::string file = m_dir + "/sweep.yaml";
    try
    {
        Expand(c.text);
        FAIL() << "no error for " << c.name;
    }
    catch (const InputError& e)
    {
        EXPECT_EQ(e.GetMark().file, file) << e.what();
        EXPECT_EQ(e.GetMark().line, c.line) << e.what();
        EXPECT_EQ(e.GetMark().column, c.column) << e.what();
        EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(
    Sweep,
    BadSweepTest,
    ::testing::Values(
        BadSweep{"UnknownKey",
                 "scenario: two.yaml\nreplication: 3\n",
                 2,
                 1,
                 "did you mean 'replications'?"},
        BadSweep{"MissingScenarioFile",
                 "scenario: nowhere.yaml\n",
                 1,
                 11,
                 "cannot read scenario file"},
        BadSweep{"UnitError",
                 "scenario: two.yaml\naxes:\n  links.l1.length: [10km, 10 parsecs]\n",
                 3,
                 27,
                 "axis 'links.l1.length' value 10 parsecs"},
        BadSweep{"ValueOfTheWrongKind",
                 "scenario: two.yaml\naxes:\n  links.l1.rate: [1Gbps, 5ms]\n",
                 3,
                 26,
                 "axis 'links.l1.rate' value 5ms"},
        BadSweep{"PathThroughAScalar",
                 "scenario: two.yaml\naxes:\n  duration.x: [1s]\n",
                 3,
                 16,
                 "axis 'duration.x'"},
        BadSweep{"AxisNotAList",
                 "scenario: two.yaml\naxes:\n  links.l1.length: 10km\n",
                 3,
                 20,
                 "must be a non-empty list"},
        BadSweep{"RepeatedValue",
                 "scenario: two.yaml\naxes:\n  links.l1.length: [1km, 1km]\n",
                 3,
                 26,
                 "lists the value 1km twice"},
        BadSweep{"ZipOfUnequalLengths",
                 "scenario: two.yaml\naxes:\n  links.l1.length: [1km, 2km]\n"
                 "  links.l1.rate: [1Gbps]\nzip:\n  - [links.l1.length, links.l1.rate]\n",
                 6,
                 5,
                 "zipped axes must have equal lengths"},
        BadSweep{"ZipOfUnknownAxis",
                 "scenario: two.yaml\naxes:\n  links.l1.length: [1km, 2km]\n"
                 "  links.l1.rate: [1Gbps, 2Gbps]\nzip:\n  - [links.l1.length, links.l1.rat]\n",
                 6,
                 23,
                 "did you mean 'links.l1.rate'?"},
        BadSweep{"ConstraintSyntax",
                 "scenario: two.yaml\naxes:\n  links.l1.length: [1km]\n"
                 "constraints:\n  - links.l1.length <=\n",
                 5,
                 5,
                 "expected an axis name or a value at the end"},
        BadSweep{"ConstraintUnknownAxis",
                 "scenario: two.yaml\naxes:\n  links.l1.length: [1km]\n"
                 "constraints:\n  - links.l1.lenght < 5km\n",
                 5,
                 5,
                 "did you mean 'links.l1.length'?"},
        BadSweep{"ConstraintIncomparable",
                 "scenario: two.yaml\naxes:\n  links.l1.length: [1km]\n"
                 "constraints:\n  - links.l1.length < 5ms\n",
                 5,
                 5,
                 "cannot compare 1km (a length) with 5ms (a duration)"},
        BadSweep{"UnknownAlternative",
                 "scenario: two.yaml\nalternatives: [base, fats]\n",
                 2,
                 22,
                 "did you mean 'fast'?"},
        BadSweep{"ZeroReplications", "scenario: two.yaml\nreplications: 0\n", 2, 15, "positive"},
        BadSweep{"ReplicationsAndSeeds",
                 "scenario: two.yaml\nreplications: 2\nseeds: [1]\n",
                 3,
                 1,
                 "not both"},
        BadSweep{"SeedAsAxis",
                 "scenario: two.yaml\naxes:\n  seed: [1, 2]\n",
                 3,
                 3,
                 "replications"}));

TEST(SweepConstraint, AndBindsTighterThanOrAndNotNegates)
{
    std::vector<std::string> names{"a", "b", "alternative"};
    SourceMark mark{"s.yaml", 1, 1};
    auto eval = [&](const std::string& text, const std::string& a, const std::string& b) {
        return SweepConstraint::Parse(text, mark, names)
            .Evaluate({{"a", a}, {"b", b}, {"alternative", "base"}});
    };
    EXPECT_TRUE(eval("a == 1 or a == 2 and b == 3", "1", "0"));
    EXPECT_FALSE(eval("(a == 1 or a == 2) and b == 3", "1", "0"));
    EXPECT_TRUE(eval("not a > 1", "1", "0"));
    EXPECT_TRUE(eval("!(a >= 2) && b != x", "1", "y"));
    EXPECT_TRUE(eval("a < 1.5Gbps", "900Mbps", ""));
    EXPECT_TRUE(eval("a == 20%", "0.2", ""));
    EXPECT_TRUE(eval("alternative == \"base\"", "", ""));
    EXPECT_THROW(eval("a < fast", "slow", ""), InputError) << "text has no order";
    EXPECT_THROW(SweepConstraint::Parse("1 < 2", mark, names), InputError) << "names no axis";
    EXPECT_THROW(SweepConstraint::Parse("a == 'x", mark, names), InputError);
    EXPECT_THROW(SweepConstraint::Parse("a == 1)", mark, names), InputError);
}

/// 20,000 nested parentheses overflowed the stack of the recursive parser (issue 8, C.20).
TEST(SweepConstraint, DeepNestingAndOverlongExpressionsAreInputErrors)
{
    const std::vector<std::string> names{"a"};
    const SourceMark mark{"s.yaml", 4, 5};
    auto message = [&](const std::string& text) {
        try
        {
            SweepConstraint::Parse(text, mark, names);
        }
        catch (const InputError& e)
        {
            EXPECT_EQ(e.GetMark().line, 4);
            return e.GetMessage();
        }
        return std::string("accepted");
    };
    EXPECT_NE(message(std::string(20000, '(') + "a == 1" + std::string(20000, ')'))
                  .find("at most 4096 characters"),
              std::string::npos);
    EXPECT_NE(message(std::string(65, '(') + "a == 1" + std::string(65, ')'))
                  .find("nested deeper than 64 levels"),
              std::string::npos);
    std::string nots;
    for (int i = 0; i < 65; ++i)
    {
        nots += "not ";
    }
    EXPECT_NE(message(nots + "a == 1").find("nested deeper than 64 levels"), std::string::npos);
    EXPECT_EQ(message(std::string(64, '(') + "a == 1" + std::string(64, ')')), "accepted");
}

/// A 10^9-point grid filled 4.6 GB while --plan expanded it (issue 8, C.20).
TEST_F(SweepFixture, AGridBeyondTheRunLimitIsRefusedBeforeExpanding)
{
    auto values = [](const std::string& unit) {
        std::string list = "[";
        for (int i = 1; i <= 1000; ++i)
        {
            list += (i > 1 ? ", " : "") + std::to_string(i) + unit;
        }
        return list + "]";
    };
    const std::string sweep = "scenario: two.yaml\naxes:\n  links.l1.length: " + values("m") +
                              "\n  links.l1.rate: " + values("Mbps") +
                              "\n  flows.f1.traffic.size: " + values("B") + "\n";
    const auto start = std::chrono::steady_clock::now();
    try
    {
        Expand(sweep);
        ADD_FAILURE() << "a 10^9-point grid was planned";
    }
    catch (const InputError& e)
    {
        EXPECT_EQ(e.GetMark().line, 3);
        EXPECT_EQ(e.GetMessage(),
                  "the sweep's grid is 1 configuration x 1000 values of links.l1.length x 1000 "
                  "values of links.l1.rate x 1000 values of flows.f1.traffic.size x 1 seed, more "
                  "than the 100000 runs one sweep may plan; split it into several sweeps or use "
                  "fewer values");
    }
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

// Student-t quantiles: NIST/SEMATECH e-Handbook of Statistical Methods, table 1.3.6.7.2
// (upper critical values), alpha = 0.025: 12.706 (1 df), 3.182 (3 df), 2.776 (4 df).
TEST(ConfidenceInterval, MatchesAHandComputedCase)
{
    // 1..5: mean 3, s = sqrt(10 / 4) = 1.58114, s / sqrt(5) = 0.707107;
    // half width = 2.776445 * 0.707107 = 1.963243.
    ConfidenceInterval ci = StudentTInterval({1, 2, 3, 4, 5});
    EXPECT_TRUE(ci.defined);
    EXPECT_EQ(ci.samples, 5u);
    EXPECT_DOUBLE_EQ(ci.mean, 3.0);
    EXPECT_NEAR(ci.halfWidth, 1.963243, 1e-6);
    EXPECT_NEAR(ci.Low(), 1.036757, 1e-6);
    EXPECT_NEAR(ci.High(), 4.963243, 1e-6);
    // 10.2, 9.8, 10.5, 10.1: mean 10.15, s = 0.288675, half = 3.182446 * 0.288675 / 2 = 0.459347.
    ConfidenceInterval b = StudentTInterval({10.2, 9.8, 10.5, 10.1});
    EXPECT_NEAR(b.mean, 10.15, 1e-12);
    EXPECT_NEAR(b.halfWidth, 0.459347, 1e-6);
    // Two values 0 and 2: s = sqrt(2), half = 12.706205 * sqrt(2) / sqrt(2).
    EXPECT_NEAR(StudentTInterval({0, 2}).halfWidth, 12.706205, 1e-6);
    // One value has no interval; no spread gives a zero-width one.
    EXPECT_FALSE(StudentTInterval({4.2}).defined);
    EXPECT_DOUBLE_EQ(StudentTInterval({4.2}).mean, 4.2);
    EXPECT_DOUBLE_EQ(StudentTInterval({7, 7, 7}).halfWidth, 0.0);
    EXPECT_THROW(StudentTInterval({1, 2}, 1.0), std::invalid_argument);
}

TEST(SweepAggregator, OneRowPerPointWithMeanAndIntervalOverSeeds)
{
    SweepPlan plan;
    plan.name = "t";
    plan.axes = {"links.l1.length"};
    plan.alternativeCount = 1;
    plan.points = {SweepPoint{"base", {"1km"}}, SweepPoint{"base", {"2km"}}};
    for (std::size_t p = 0; p < 2; ++p)
    {
        for (uint64_t s = 1; s <= 3; ++s)
        {
            plan.runs.push_back(SweepRun{p, s, std::string(40, 'a')});
        }
    }
    // Point 0: latency 1, 2, 3 (the third without energy); point 1: one result only.
    std::vector<std::vector<std::pair<std::string, double>>> metrics{
        {{"f.latency_mean_ms", 1}, {"energy_j", 10}},
        {{"f.latency_mean_ms", 2}, {"energy_j", 10}},
        {{"f.latency_mean_ms", 3}},
        {{"f.latency_mean_ms", 5}, {"energy_j", 20}},
        {},
        {}};
    SweepAggregator a = SweepAggregator::FromMetrics(plan, metrics);
    EXPECT_EQ(a.GetMetrics(), (std::vector<std::string>{"f.latency_mean_ms", "energy_j"}));
    std::istringstream csv(a.SummaryCsv());
    std::string header;
    std::string row0;
    std::string row1;
    std::getline(csv, header);
    std::getline(csv, row0);
    std::getline(csv, row1);
    EXPECT_EQ(header,
              "alternative,links.l1.length,runs,results,f.latency_mean_ms.mean,"
              "f.latency_mean_ms.ci95_low,f.latency_mean_ms.ci95_high,energy_j.mean,"
              "energy_j.ci95_low,energy_j.ci95_high");
    // 1, 2, 3: mean 2, s = 1, half = 4.302653 / sqrt(3) = 2.484138 (t 0.975 with 2 df: 4.303).
    ConfidenceInterval ci = a.GetRows()[0].stats.at("f.latency_mean_ms");
    EXPECT_NEAR(ci.halfWidth, 2.484138, 1e-6);
    EXPECT_EQ(row0.substr(0, 24), "base,1km,3,3,2.0,-0.4841");
    EXPECT_NE(row0.find(",10.0,10.0,10.0"), std::string::npos) << row0;
    EXPECT_EQ(row1, "base,2km,3,1,5.0,,,20.0,,");
    EXPECT_EQ(a.PlotCount(), 2u);
    std::string gp = a.GnuplotScript("/tmp/plots");
    EXPECT_NE(gp.find("set output '/tmp/plots/f.latency_mean_ms--links.l1.length.png'"),
              std::string::npos);
    // Lengths of kilometres are plotted in km, as a planner reads them.
    EXPECT_NE(gp.find("set xlabel 'links.l1.length (km)'"), std::string::npos) << gp;
    EXPECT_NE(gp.find("\n1.0 2.0 "), std::string::npos) << "x in km: " << gp;
    EXPECT_NE(gp.find("set ylabel 'f: mean one-way latency (ms)'"), std::string::npos) << gp;
}

TEST(SweepAggregator, PlotsShowPlannerUnitsAndTheRequirementLine)
{
    SweepPlan plan;
    plan.name = "t";
    plan.axes = {"links.l1.rate"};
    plan.alternativeCount = 1;
    plan.points = {SweepPoint{"base", {"5Mbps"}}, SweepPoint{"base", {"20Mbps"}}};
    plan.runs = {SweepRun{0, 1, std::string(40, 'a')}, SweepRun{1, 1, std::string(40, 'b')}};
    const std::vector<std::vector<std::pair<std::string, double>>> metrics{
        {{"cam.throughput_bps", 4.2e6}, {"annualised_cost", 2.4e6}},
        {{"cam.throughput_bps", 7.9e6}, {"annualised_cost", 3.1e6}}};
    const MetricThreshold need{"cam.throughput_bps",
                               7.2e6,
                               "requirement: >= 3.6 Mbit/s per "
                               "member (x 2 members)"};
    SweepAggregator a = SweepAggregator::FromMetrics(plan, metrics, {{need}, {need}}, "JPY");
    const std::string gp = a.GnuplotScript("/tmp/plots");
    // The axis in Mbit/s, the throughput in Mbit/s, the cost in million yen a year.
    EXPECT_NE(gp.find("set xlabel 'links.l1.rate (Mbit/s)'"), std::string::npos) << gp;
    EXPECT_NE(gp.find("set ylabel 'cam: throughput, all members (Mbit/s)'"), std::string::npos)
        << gp;
    EXPECT_NE(gp.find("\n5.0 4.2 4.2 4.2\n20.0 7.9 7.9 7.9\n"), std::string::npos) << gp;
    EXPECT_NE(gp.find("set ylabel 'annualised cost (million yen per year)'"), std::string::npos)
        << gp;
    // The requirement, the same at every point: one dashed line across the plot.
    EXPECT_NE(gp.find("7.2 with lines dashtype 2 linewidth 3 linecolor rgb '#444444' title "
                      "'requirement: >= 3.6 Mbit/s per member (x 2 members)'"),
              std::string::npos)
        << gp;
    // The cost has no requirement, so no line.
    const std::size_t costPlot = gp.find("annualised_cost--");
    ASSERT_NE(costPlot, std::string::npos);
    EXPECT_EQ(gp.find("requirement", costPlot), std::string::npos) << gp.substr(costPlot);
}

TEST(SweepAggregator, ARequirementThatDiffersByPointIsDrawnThroughThePoints)
{
    SweepPlan plan;
    plan.name = "t";
    plan.axes = {"flows.f.requirements.latency"};
    plan.alternativeCount = 1;
    plan.points = {SweepPoint{"base", {"10ms"}}, SweepPoint{"base", {"50ms"}}};
    plan.runs = {SweepRun{0, 1, std::string(40, 'a')}, SweepRun{1, 1, std::string(40, 'b')}};
    const std::vector<std::vector<std::pair<std::string, double>>> metrics{
        {{"f.latency_p99_ms", 12}},
        {{"f.latency_p99_ms", 12}}};
    SweepAggregator a = SweepAggregator::FromMetrics(
        plan,
        metrics,
        {{{"f.latency_p99_ms", 10, "requirement: 99 % within 10 ms"}},
         {{"f.latency_p99_ms", 50, "requirement: 99 % within 50 ms"}}});
    const std::string gp = a.GnuplotScript("/tmp/plots");
    EXPECT_NE(gp.find("'-' using 1:2 with linespoints pointtype 1 dashtype 2 linewidth 3 linecolor "
                      "rgb '#444444' title 'requirement (as set at each point)'"),
              std::string::npos)
        << gp;
    EXPECT_NE(gp.find("e\n10.0 10.0\n50.0 50.0\ne\n"), std::string::npos) << gp;
}

TEST(SweepAggregator, ARequirementThatFollowsAnotherAxisIsALinePerRequirement)
{
    // The telemedicine stream's rate and its throughput requirement grow together; plotted
    // against the backhaul length, each requirement is a line at its own height.
    SweepPlan plan;
    plan.name = "t";
    plan.axes = {"links.l1.length", "flows.f.traffic.rate"};
    plan.alternativeCount = 1;
    plan.points = {SweepPoint{"base", {"20km", "4Mbps"}},
                   SweepPoint{"base", {"50km", "4Mbps"}},
                   SweepPoint{"base", {"20km", "8Mbps"}},
                   SweepPoint{"base", {"50km", "8Mbps"}}};
    std::vector<std::vector<std::pair<std::string, double>>> metrics;
    std::vector<std::vector<MetricThreshold>> thresholds;
    for (std::size_t p = 0; p < 4; ++p)
    {
        plan.runs.push_back(SweepRun{p, 1, std::string(40, 'a' + p)});
        metrics.push_back({{"f.throughput_bps", p < 2 ? 4e6 : 8e6}});
        thresholds.push_back({p < 2 ? MetricThreshold{"f.throughput_bps", 3.6e6, "needs 3.6"}
                                    : MetricThreshold{"f.throughput_bps", 7.2e6, "needs 7.2"}});
    }
    SweepAggregator a = SweepAggregator::FromMetrics(plan, metrics, thresholds);
    const std::string gp = a.GnuplotScript("/tmp/plots");
    const std::size_t plot = gp.find("f.throughput_bps--links.l1.length.png");
    ASSERT_NE(plot, std::string::npos);
    const std::string script = gp.substr(plot, gp.find("set output", plot + 1) - plot);
    EXPECT_NE(script.find("title 'needs 3.6'"), std::string::npos) << script;
    EXPECT_NE(script.find("title 'needs 7.2'"), std::string::npos) << script;
    EXPECT_NE(script.find("e\n20.0 3.6\n50.0 3.6\ne\n20.0 7.2\n50.0 7.2\ne\n"), std::string::npos)
        << script;
}

TEST(SweepAggregator, ReadsEachRequirementAsAThresholdOnItsMetric)
{
    const std::string json = R"({"flows": [{"name": "cam", "members": 4, "requirements": [
        {"metric": "latency", "target": "99 % within 150 ms", "limit_ms": 150, "reliability": 0.99},
        {"metric": "throughput", "target": ">= 3.6 Mbit/s per member", "limit_bps": 3.6e6},
        {"metric": "loss", "target": "<= 1 %", "limit_ratio": 0.01}]},
        {"name": "ctl", "requirements": [
        {"metric": "rtt", "target": "99 % within 20 ms", "limit_ms": 20, "reliability": 0.99},
        {"metric": "latency", "target": "99 % within 5 ms"}]}]})";
    const std::vector<MetricThreshold> t = ExtractRunThresholds(json);
    ASSERT_EQ(t.size(), 4u) << "a requirement without a limit (an older result) has no line";
    EXPECT_EQ(t[0].metric, "cam.latency_p99_ms");
    EXPECT_DOUBLE_EQ(t[0].value, 150);
    EXPECT_EQ(t[0].label, "requirement: 99 % within 150 ms");
    EXPECT_EQ(t[1].metric, "cam.throughput_bps");
    EXPECT_DOUBLE_EQ(t[1].value, 4 * 3.6e6) << "per member times the members";
    EXPECT_EQ(t[1].label, "requirement: >= 3.6 Mbit/s per member (x 4 members)");
    EXPECT_EQ(t[2].metric, "cam.loss_ratio");
    EXPECT_DOUBLE_EQ(t[2].value, 0.01);
    EXPECT_EQ(t[3].metric, "ctl.rtt_p99_ms");
    EXPECT_DOUBLE_EQ(t[3].value, 20);
}

TEST(SweepAggregator, ExtractsFlowAndRunMetricsFromResultJson)
{
    const std::string json = R"({"flows": [{"name": "f1", "latency_ms": {"samples": 2, "mean": 1.5,
        "p99": 3}, "throughput_bps": 800, "loss_ratio": 0.01, "rtt_ms": {"samples": 2, "p99": 9}},
        {"name": "lost", "latency_ms": {"samples": 0, "mean": 0, "p99": 0}, "throughput_bps": 0,
        "loss_ratio": 1}],
        "energy": {"total_j": 12}, "cost": {"annualised": 99}, "verdict": "fail"})";
    auto m = ExtractRunMetrics(json);
    std::vector<std::pair<std::string, double>> expected{{"f1.latency_mean_ms", 1.5},
                                                         {"f1.latency_p99_ms", 3},
                                                         {"f1.throughput_bps", 800},
                                                         {"f1.loss_ratio", 0.01},
                                                         {"f1.rtt_p99_ms", 9},
                                                         // no latency of a flow that delivered
                                                         // nothing (not 0 ms)
                                                         {"lost.throughput_bps", 0},
                                                         {"lost.loss_ratio", 1},
                                                         {"energy_j", 12},
                                                         {"annualised_cost", 99},
                                                         {"verdict_pass", 0}};
    EXPECT_EQ(m, expected);
}

TEST(SweepAggregator, AGroupFlowsWorstMemberAndJainsIndexAreMetricsAndItsCountScalesItsLine)
{
    // members is {count, sending, worst, jain_index} since the latency split (doc/metrics.rst).
    const std::string json = R"({"flows": [{"name": "phones", "members": {"count": 4,
        "sending": 4, "worst": {"member": "phones[3]", "p99_ms": null, "throughput_mbps": 0,
        "loss_pct": 100}, "jain_index": 0.75}, "throughput_bps": 480000, "loss_ratio": 0.25,
        "requirements": [{"metric": "throughput", "target": ">= 0.1 Mbit/s per member",
        "limit_bps": 1e5}]},
        {"name": "idle", "members": {"count": 3, "sending": 0, "worst": null, "jain_index": null},
        "throughput_bps": 0, "loss_ratio": 0, "requirements": []}],
        "energy": {"total_j": 1}, "cost": {"annualised": 2}, "verdict": "fail"})";
    const auto m = ExtractRunMetrics(json);
    const std::vector<std::pair<std::string, double>> expected{
        {"phones.throughput_bps", 480000},
        {"phones.loss_ratio", 0.25},
        {"phones.worst_member_loss_ratio", 1},
        {"phones.jain_index", 0.75},
        {"idle.throughput_bps", 0},
        {"idle.loss_ratio", 0},
        {"energy_j", 1},
        {"annualised_cost", 2},
        {"verdict_pass", 0}};
    EXPECT_EQ(m, expected) << "no member sent: no worst member and no index, not zeros";
    const std::vector<MetricThreshold> t = ExtractRunThresholds(json);
    ASSERT_EQ(t.size(), 1u);
    EXPECT_DOUBLE_EQ(t[0].value, 4e5) << "per member times the count";
}

} // namespace
