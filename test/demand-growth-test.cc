/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Demand growth (doc/growth.rst): the two demand models, how `demand:` scales each kind of
 * traffic for the year simulated, every bad input refused at FILE:LINE:COL with exit status 2,
 * and `compare --years`: the first failing year comes earlier under the steeper model and later
 * with more capacity, and bisection finds the year that running every year finds.
 */

#include "helper/results/result-writer.h"
#include "helper/scenario/demand-reader.h"
#include "helper/sweep/growth-command.h"
#include "helper/sweep/growth-comparison.h"
#include "scenario-run-support.h"

#include <cmath>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

namespace
{

using namespace blueprint_test;
using namespace ns3::blueprint;

// --- The models ---

TEST(DemandModelTest, StudyGroupLevelMeetsItsAnchorsAndIsGeometricBetween)
{
    EXPECT_DOUBLE_EQ(StudyGroupLevel(2020), 1);
    EXPECT_NEAR(StudyGroupLevel(2030), 18, 1e-9);
    EXPECT_NEAR(StudyGroupLevel(2040), 309, 1e-9);
    // Geometric: halfway in years is the geometric mean of the anchors' levels.
    EXPECT_NEAR(StudyGroupLevel(2025), std::sqrt(18.0), 1e-9);
    EXPECT_NEAR(StudyGroupLevel(2035), std::sqrt(18.0 * 309.0), 1e-9);
    EXPECT_THROW(StudyGroupLevel(2019), std::out_of_range);
    EXPECT_THROW(StudyGroupLevel(2041), std::out_of_range);
}

TEST(DemandModelTest, CompoundGrowthIsTwentyPercentAYearByDefault)
{
    DemandSpec d;
    d.baseYear = 2025;
    EXPECT_DOUBLE_EQ(d.growthPerYear, kDefaultGrowthPerYear);
    EXPECT_DOUBLE_EQ(DemandFactor(d, 2025), 1);
    EXPECT_NEAR(DemandFactor(d, 2030), 2.48832, 1e-9); // 1.2^5
    d.model = "none";
    EXPECT_DOUBLE_EQ(DemandFactor(d, 2030), 1);
}

TEST(DemandModelTest, TheStudyGroupScenarioIsSteeperThanTheTwentyPercentTrend)
{
    // 18x in ten years is 33.5 %/yr: above 20 %/yr in every year after the base.
    DemandSpec compound;
    compound.baseYear = 2025;
    DemandSpec study = compound;
    study.model = "study-group";
    for (int year = 2026; year <= 2040; ++year)
    {
        EXPECT_GT(DemandFactor(study, year), DemandFactor(compound, year)) << year;
    }
}

// --- What demand: does to a scenario ---

/// Two hosts on a fibre; one flow of every traffic kind, a throughput requirement on two.
const std::string kKinds = R"(blueprint: 1
name: kinds
duration: 1s
demand: {model: compound, rate: 20%, base_year: 2025, year: 2030}
sites:
  a: {position: [0km, 0km]}
nodes:
  h1: {site: a}
  h2: {site: a}
links:
  l1: {between: [h1, h2], profile: fiber, rate: 10Gbps}
flows:
  sensors: {from: h1, to: h2, traffic: {pattern: periodic, interval: 100ms, size: 100B}}
  camera:
    from: h1
    to: h2
    traffic: {pattern: constant_rate, rate: 2Mbps, size: 1000B}
    requirements: {throughput: 1.8Mbps}
  video: {from: h1, to: h2, traffic: {pattern: video, rate: 4Mbps}}
  queries: {from: h1, to: h2, traffic: {pattern: request_response, interval: 50ms}}
  backup: {from: h1, to: h2, traffic: {pattern: bulk, size: 10MB}}
  stream:
    from: h1
    to: h2
    traffic: {pattern: bulk}
    requirements: {throughput: 5Mbps}
)";

const FlowSpec&
FlowNamed(const ScenarioSpec& spec, const std::string& name)
{
    for (const FlowSpec& f : spec.flows)
    {
        if (f.name == name)
        {
            return f;
        }
    }
    throw std::logic_error("no flow " + name);
}

TEST(DemandReaderTest, EachTrafficKindScalesItsOfferedLoad)
{
    const ScenarioSpec spec = ReadYaml(kKinds);
    const double x = std::pow(1.2, 5);
    ASSERT_TRUE(spec.year);
    EXPECT_EQ(*spec.year, 2030);
    // Messages: more often (as many more sensors would send).
    EXPECT_NEAR(FlowNamed(spec, "sensors").traffic.interval, 0.1 / x, 1e-12);
    EXPECT_DOUBLE_EQ(FlowNamed(spec, "sensors").traffic.size, 100);
    EXPECT_NEAR(FlowNamed(spec, "queries").traffic.interval, 0.05 / x, 1e-12);
    // Streams: a higher rate, the same packets (frames per second).
    EXPECT_NEAR(FlowNamed(spec, "camera").traffic.rate, 2e6 * x, 1e-3);
    EXPECT_DOUBLE_EQ(FlowNamed(spec, "camera").traffic.size, 1000);
    EXPECT_NEAR(FlowNamed(spec, "video").traffic.rate, 4e6 * x, 1e-3);
    EXPECT_DOUBLE_EQ(FlowNamed(spec, "video").traffic.frameRate, 30);
    // A transfer of a given size: more bytes.
    EXPECT_NEAR(FlowNamed(spec, "backup").traffic.totalBytes, 10e6 * x, 1e-3);
    // The throughput requirement is the share of the offered rate that must get through.
    EXPECT_NEAR(*FlowNamed(spec, "camera").requirements.throughput, 1.8e6 * x, 1e-3);
    for (const char* name : {"sensors", "camera", "video", "queries", "backup"})
    {
        EXPECT_NEAR(FlowNamed(spec, name).loadFactor, x, 1e-12) << name;
    }
    // A transfer until stop already offers all its path takes: nothing to scale.
    EXPECT_DOUBLE_EQ(FlowNamed(spec, "stream").loadFactor, 1);
    EXPECT_DOUBLE_EQ(FlowNamed(spec, "stream").traffic.totalBytes, 0);
    EXPECT_DOUBLE_EQ(*FlowNamed(spec, "stream").requirements.throughput, 5e6);
}

TEST(DemandReaderTest, WithoutAYearEveryFlowRunsAsWritten)
{
    std::string text = kKinds;
    text.replace(text.find(", year: 2030"), 12, "");
    const ScenarioSpec spec = ReadYaml(text);
    EXPECT_FALSE(spec.year);
    EXPECT_DOUBLE_EQ(FlowNamed(spec, "camera").traffic.rate, 2e6);
    EXPECT_DOUBLE_EQ(*FlowNamed(spec, "camera").requirements.throughput, 1.8e6);
    EXPECT_DOUBLE_EQ(FlowNamed(spec, "sensors").traffic.interval, 0.1);
    EXPECT_DOUBLE_EQ(FlowNamed(spec, "sensors").loadFactor, 1);
}

TEST(DemandReaderTest, AFlowsOwnDemandOverridesTheKeysItWrites)
{
    std::string text = kKinds;
    text.replace(text.find("traffic: {pattern: periodic"), 0, "demand: {model: none}, ");
    text.replace(text.find("traffic: {pattern: video"), 0, "demand: {rate: 50%}, ");
    text.replace(text.find("traffic: {pattern: request_response"),
                 0,
                 "demand: {model: study-group}, ");
    const ScenarioSpec spec = ReadYaml(text);
    EXPECT_DOUBLE_EQ(FlowNamed(spec, "sensors").loadFactor, 1);
    EXPECT_DOUBLE_EQ(FlowNamed(spec, "sensors").traffic.interval, 0.1);
    // Its own rate, the top-level base year.
    EXPECT_NEAR(FlowNamed(spec, "video").loadFactor, std::pow(1.5, 5), 1e-12);
    // The study group's scenario from the top-level base year: 18 / sqrt(18) from 2025 to 2030.
    EXPECT_NEAR(FlowNamed(spec, "queries").loadFactor, std::sqrt(18.0), 1e-9);
    EXPECT_NEAR(FlowNamed(spec, "camera").loadFactor, std::pow(1.2, 5), 1e-12);
}

TEST(DemandReaderTest, TheYearGivenToTheDocumentWinsOverOneAnAlternativeWrites)
{
    const std::string text = kKinds + R"(alternatives:
  later: {changes: {demand: {year: 2035}}}
)";
    ScenarioDocument doc = ScenarioDocument::FromString(text, "kinds.yaml");
    EXPECT_EQ(*doc.Resolve("later").year, 2035);
    doc.SetYear(2027, SourceMark{"--year 2027", 0, 0});
    EXPECT_EQ(*doc.Resolve("later").year, 2027);
    EXPECT_NEAR(FlowNamed(doc.Resolve("base"), "camera").loadFactor, 1.44, 1e-12);
}

TEST(DemandReaderTest, TheYearScalesEveryPhaseOfATimeline)
{
    // Each phase is read as a scenario of its own, with the top-level demand and its year.
    const std::string text = kKinds + R"(timeline:
  horizon: 1h
  phases:
    - {name: morning, at: 0s}
    - {name: evening, at: 30min, changes: {flows: {camera: {demand: {rate: 50%}}}}}
)";
    const ScenarioSpec spec = ReadYaml(text);
    ASSERT_TRUE(spec.timeline);
    const auto& phases = spec.timeline->phases;
    EXPECT_NEAR(FlowNamed(*phases[0].spec, "camera").loadFactor, std::pow(1.2, 5), 1e-12);
    EXPECT_NEAR(FlowNamed(*phases[1].spec, "camera").loadFactor, std::pow(1.5, 5), 1e-12);
    EXPECT_NEAR(FlowNamed(*phases[1].spec, "video").traffic.rate, 4e6 * std::pow(1.2, 5), 1e-3);
}

/// kValid's hosts with a 10 Mbit/s fibre and a 2 Mbit/s camera that must get through within
/// 20 ms: it holds until its load outgrows the link. The alternative doubles the link. 500 B
/// packets, so that even the base year's second of traffic (500 packets) can show 99 % (299
/// would do, metrics.rst); with fewer the base year is inconclusive, which is not a pass.
const std::string kGrowing = R"(blueprint: 1
name: growing-link
duration: 1s
seed: 1
demand: {model: compound, rate: 20%, base_year: 2025}
sites:
  a: {position: [0km, 0km]}
  b: {position: [10km, 0km]}
nodes:
  h1: {site: a}
  h2: {site: b}
links:
  l1: {between: [h1, h2], profile: fiber, rate: 10Mbps}
flows:
  camera:
    from: h1
    to: h2
    traffic: {pattern: constant_rate, rate: 2Mbps, size: 500B}
    requirements: {latency: 20ms, reliability: 99%, throughput: 1.8Mbps}
alternatives:
  upgrade:
    description: the link at twice the rate
    changes: {links: {l1: {rate: 20Mbps}}}
)";

TEST(DemandRunTest, AddingDemandLeavesTheBaseYearsResultsUnchanged)
{
    using Json = nlohmann::json;
    std::string without = kGrowing;
    const std::string demand = "demand: {model: compound, rate: 20%, base_year: 2025}\n";
    without.replace(without.find(demand), demand.size(), "");
    Json a = Json::parse(ResultWriter::ToJson(RunYaml(kGrowing)));
    Json b = Json::parse(ResultWriter::ToJson(RunYaml(without)));
    EXPECT_EQ(a.at("demand").at("year"), 2025);
    EXPECT_EQ(a.at("flows").at(0).at("load_factor"), 1.0);
    for (Json* j : {&a, &b})
    {
        j->erase("demand");
        j->erase("runtime");
        for (Json& f : j->at("flows"))
        {
            f.erase("load_factor");
        }
    }
    EXPECT_EQ(a, b);
}

TEST(DemandRunTest, AYearLaterTheFlowOffersItsGrownLoad)
{
    ScenarioDocument doc = ScenarioDocument::FromString(kGrowing, "growing.yaml");
    const RunResult now = ScenarioRunner(doc.Resolve("upgrade")).Run();
    doc.SetYear(2030, SourceMark{"--year 2030", 0, 0});
    const RunResult later = ScenarioRunner(doc.Resolve("upgrade")).Run();
    const FlowResult& f = FlowOf(later, "camera");
    EXPECT_NEAR(*f.loadFactor, 2.48832, 1e-9);
    EXPECT_NEAR(static_cast<double>(f.txBytes) / FlowOf(now, "camera").txBytes, 2.48832, 0.01);
    EXPECT_EQ(*later.demand->year, 2030);
    EXPECT_NE(ResultWriter::SummaryTable(later).find(
                  "demand of 2030 (compound 20 %/yr from 2025): load x2.488 on every flow"),
              std::string::npos)
        << ResultWriter::SummaryTable(later);
}

// --- Finding the first failing year ---

/// Probes of a configuration that passes before `firstFailing` and fails from then on.
std::function<GrowthProbe(int)>
FailsFrom(int firstFailing, std::vector<int>* years)
{
    return [=](int year) {
        years->push_back(year);
        GrowthProbe p;
        p.year = year;
        p.pass = year < firstFailing;
        return p;
    };
}

TEST(GrowthBisectionTest, FindsEveryFirstFailingYearInAtMostSixProbesOverSixteenYears)
{
    for (int first = 2025; first <= 2041; ++first)
    {
        std::vector<int> years;
        const GrowthOutcome o = FindFirstFailingYear("c", 2025, 2040, FailsFrom(first, &years));
        EXPECT_LE(years.size(), 6u) << first; // 2 + ceil(log2(15))
        EXPECT_EQ(o.failingAtStart, first == 2025);
        if (first <= 2040)
        {
            EXPECT_EQ(o.firstFailingYear, first);
        }
        else
        {
            EXPECT_FALSE(o.firstFailingYear) << "holds through 2040";
        }
        EXPECT_TRUE(std::is_sorted(
            o.probes.begin(),
            o.probes.end(),
            [](const GrowthProbe& a, const GrowthProbe& b) { return a.year < b.year; }));
        EXPECT_TRUE(o.passesAfterAFailure.empty());
    }
}

TEST(GrowthBisectionTest, APassAfterAFailureIsReportedAsNotMonotone)
{
    // Fails in the first year, passes in the last: load and verdict do not move together.
    const GrowthOutcome o = FindFirstFailingYear("odd", 2025, 2040, [](int year) {
        GrowthProbe p;
        p.year = year;
        p.pass = year == 2040;
        return p;
    });
    EXPECT_EQ(o.firstFailingYear, 2025);
    EXPECT_EQ(o.passesAfterAFailure, std::vector<int>{2040});
    GrowthReport report;
    report.scenario = "s";
    report.from = 2025;
    report.to = 2040;
    report.seeds = {1};
    report.outcomes = {o};
    EXPECT_NE(GrowthTable(report).find("warning: odd fails in 2025 but passes in 2040"),
              std::string::npos)
        << GrowthTable(report);
}

TEST(GrowthBisectionTest, FindsTheYearThatRunningEveryYearFinds)
{
    // Checked once on a small, fast case: every year from 2025 to 2040, then bisection.
    ScenarioDocument doc = ScenarioDocument::FromString(kGrowing, "growing.yaml");
    const SourceMark mark{"--years 2025..2040", 0, 0};
    std::optional<int> everyYear;
    bool failed = false;
    for (int year = 2025; year <= 2040; ++year)
    {
        const bool pass = ProbeYear(doc, "base", year, mark, {}, std::nullopt, true).pass;
        EXPECT_FALSE(failed && pass) << "passes in " << year << " after failing: not monotone";
        failed = failed || !pass;
        if (!pass && !everyYear)
        {
            everyYear = year;
        }
    }
    ASSERT_TRUE(everyYear) << "the case must fail within the years to test anything";
    ASSERT_GT(*everyYear, 2025) << "and pass at the start";
    std::vector<int> years;
    const GrowthOutcome o = FindFirstFailingYear("base", 2025, 2040, [&](int year) {
        years.push_back(year);
        return ProbeYear(doc, "base", year, mark, {}, std::nullopt, true);
    });
    EXPECT_EQ(o.firstFailingYear, everyYear);
    EXPECT_LE(years.size(), 6u);
}

/// growth.json of `compare FILE --years ... ARGS`.
nlohmann::json
GrowthOf(const std::string& text, const std::string& args, std::string* table = nullptr)
{
    TempDir dir;
    const std::string file = dir.Write("growing.yaml", text);
    const CommandResult r =
        Blueprint("compare " + file + " --years 2025..2040 --out " + dir.Path() + "/out " + args,
                  dir);
    EXPECT_EQ(r.status, 0) << r.err;
    if (table)
    {
        *table = r.out;
    }
    EXPECT_TRUE(fs::exists(dir.Path() + "/out/growth.csv"));
    return nlohmann::json::parse(ReadFile(dir.Path() + "/out/growth.json"));
}

/// The first failing year of a configuration in growth.json (0 when it holds).
int
FirstFailing(const nlohmann::json& growth, const std::string& configuration)
{
    for (const auto& c : growth.at("configurations"))
    {
        if (c.at("name") == configuration)
        {
            return c.at("first_failing_year").is_null() ? 0 : c.at("first_failing_year").get<int>();
        }
    }
    ADD_FAILURE() << "no configuration " << configuration;
    return 0;
}

TEST(GrowthCompareTest, MoreCapacityFailsLaterAndTheSteeperModelFailsEarlier)
{
    std::string table;
    const nlohmann::json compound = GrowthOf(kGrowing, "", &table);
    const int base = FirstFailing(compound, "base");
    const int upgrade = FirstFailing(compound, "upgrade");
    ASSERT_GT(base, 2025) << table;
    EXPECT_GT(upgrade, base) << "twice the capacity holds longer\n" << table;
    const nlohmann::json steeper =
        GrowthOf(kGrowing, "--set demand.model=study-group --set 'demand.rate=~'");
    EXPECT_EQ(steeper.at("demand").at("model"), "study-group");
    EXPECT_FALSE(steeper.at("demand").contains("rate"));
    EXPECT_LT(FirstFailing(steeper, "base"), base) << "the study group's 33 %/yr against 20 %/yr";
    EXPECT_LT(FirstFailing(steeper, "upgrade"), upgrade);

    // The contract of growth.json (doc/growth.rst), and the table's line for each.
    EXPECT_EQ(compound.at("scenario"), "growing-link");
    EXPECT_EQ(compound.at("demand").at("rate"), 0.2);
    EXPECT_EQ(compound.at("demand").at("base_year"), 2025);
    EXPECT_EQ(compound.at("years").at("from"), 2025);
    EXPECT_EQ(compound.at("years").at("to"), 2040);
    for (const auto& c : compound.at("configurations"))
    {
        EXPECT_FALSE(c.at("failing_at_start").get<bool>());
        int last = 0;
        for (const auto& p : c.at("probes"))
        {
            EXPECT_GT(p.at("year").get<int>(), last) << "probes ascending";
            last = p.at("year").get<int>();
            EXPECT_NEAR(p.at("load_factor").get<double>(), std::pow(1.2, last - 2025), 1e-9);
            EXPECT_EQ(p.at("pass").get<bool>(), last < FirstFailing(compound, c.at("name")));
            EXPECT_EQ(p.at("failed").empty(), p.at("pass").get<bool>());
        }
        EXPECT_NE(table.find(c.at("name").get<std::string>() + "  "), std::string::npos);
    }
    EXPECT_NE(table.find(std::to_string(base) + " "), std::string::npos) << table;
}

/// A run of configuration "c" at `seed` whose camera latency requirement had `verdict`.
SeedRun
CameraRun(uint64_t seed, const std::string& verdict)
{
    SeedRun r;
    r.configuration = "c";
    r.seed = seed;
    r.requirements["camera.latency"] = verdict;
    r.verdict = verdict;
    return r;
}

TEST(GrowthProbeTest, OverSeedsAProbePassesWhenTheSeedShareMeetsTheRequiredShare)
{
    // Two seeds that both pass: a 95 % Wilson lower bound of 34 %, enough for 30 %, not 80 %.
    const std::vector<SeedRun> both{CameraRun(1, "pass"), CameraRun(2, "pass")};
    const GrowthProbe lenient = JudgeProbe(2030, 2.5, both, 0.3, true);
    EXPECT_TRUE(lenient.pass);
    EXPECT_EQ(lenient.passingSeeds, 2u);
    EXPECT_NEAR(lenient.wilsonLow, 0.342, 1e-3);
    EXPECT_TRUE(lenient.failed.empty());
    EXPECT_FALSE(JudgeProbe(2030, 2.5, both, 0.8, true).pass);
    // One seed of two failing: the requirement is named, whatever the verdict.
    const GrowthProbe split =
        JudgeProbe(2030, 2.5, {CameraRun(1, "pass"), CameraRun(2, "fail")}, 0.05, true);
    EXPECT_TRUE(split.pass);
    EXPECT_EQ(split.failed, std::vector<std::string>{"camera latency"});
    // One seed: pass means every requirement passed; inconclusive is not a pass.
    EXPECT_TRUE(JudgeProbe(2030, 2.5, {CameraRun(1, "pass")}, 1, false).pass);
    EXPECT_FALSE(JudgeProbe(2030, 2.5, {CameraRun(1, "inconclusive")}, 1, false).pass);
}

TEST(GrowthCompareTest, OverSeedsEachProbeIsASweepOfTheSeeds)
{
    const std::string text = kGrowing.substr(0, kGrowing.find("alternatives:"));
    TempDir dir;
    const std::string file = dir.Write("growing.yaml", text);
    const std::string out = dir.Path() + "/out";
    const CommandResult r = Blueprint("compare " + file + " --years 2033..2034 --seeds 1..2 " +
                                          "--confidence 30% --jobs 2 --out " + out,
                                      dir);
    ASSERT_EQ(r.status, 0) << r.err;
    const nlohmann::json seeded = nlohmann::json::parse(ReadFile(out + "/growth.json"));
    EXPECT_EQ(FirstFailing(seeded, "base"), 2034) << r.out;
    EXPECT_NE(r.out.find("2033 pass (2/2), 2034 fail (0/2)"), std::string::npos) << r.out;
    EXPECT_TRUE(fs::exists(out + "/plan.json")) << "the probes' runs are a sweep's store";
    EXPECT_TRUE(fs::exists(out + "/growth.csv"));
}

// --- Bad input ---

/// kValid with a demand block, at a year.
const std::string kDemand =
    kValid + "demand: {model: compound, rate: 20%, base_year: 2025, year: 2030}\n";

INSTANTIATE_TEST_SUITE_P(
    Demand,
    MalformedScenarioTest,
    ::testing::Values(
        ChangedCase(kDemand,
                    "NegativeGrowthRate",
                    {{"rate: 20%", "rate: -5%"}},
                    "-5%",
                    "ratio '-5%' must not be negative"),
        ChangedCase(kDemand,
                    "GrowthRateAboveDoubling",
                    {{"rate: 20%", "rate: 150%"}},
                    "150%",
                    "must be at most 100%"),
        ChangedCase(kDemand,
                    "UnknownModel",
                    {{"model: compound", "model: linear"}},
                    "linear",
                    "unknown demand model 'linear'"),
        ChangedCase(kDemand,
                    "MisspeltModel",
                    {{"model: compound", "model: compund"}},
                    "compund",
                    "did you mean 'compound'?"),
        ChangedCase(kDemand,
                    "UnknownKey",
                    {{"rate: 20%", "rates: 20%"}},
                    "rates",
                    "unknown key 'rates' in demand; did you mean 'rate'?"),
        ChangedCase(kDemand,
                    "DemandNotAMap",
                    {{"{model: compound, rate: 20%, base_year: 2025, year: 2030}", "20%"}},
                    "20%",
                    "demand: expected a map of keys, found the single value '20%'"),
        ChangedCase(kDemand,
                    "RateWithTheStudyGroup",
                    {{"model: compound", "model: study-group"}},
                    "20%",
                    "demand: rate applies only to the compound model, not to study-group"),
        ChangedCase(kDemand,
                    "NoBaseYear",
                    {{", base_year: 2025", ""}},
                    "{model",
                    "base_year is required"),
        ChangedCase(kDemand,
                    "BaseYearNotWhole",
                    {{"base_year: 2025", "base_year: 2025.5"}},
                    "2025.5",
                    "integer"),
        ChangedCase(kDemand,
                    "BaseYearBeforeTheStudyGroup",
                    {{"model: compound, rate: 20%, base_year: 2025",
                      "model: study-group, base_year: 2019"}},
                    "2019",
                    "demand base_year must lie between 2020 and 2040, not 2019"),
        ChangedCase(kDemand,
                    "CompoundBaseYearOutOfRange",
                    {{"base_year: 2025", "base_year: 1990"}},
                    "1990",
                    "demand base_year must lie between 2000 and 2100, not 1990"),
        ChangedCase(kDemand,
                    "YearBeforeTheBaseYear",
                    {{"year: 2030", "year: 2024"}},
                    "2024}",
                    "demand year 2024 is before flow 'f1''s base_year 2025"),
        ChangedCase(kDemand,
                    "YearBeyondTheStudyGroup",
                    {{"model: compound, rate: 20%", "model: study-group"}, {"2030}", "2041}"}},
                    "2041}",
                    "follows the study group's scenario, which ends in 2040"),
        ChangedCase(kDemand,
                    "YearBeyondTheHorizon",
                    {{"year: 2030", "year: 2101"}},
                    "2101",
                    "demand year must lie between 2000 and 2100, not 2101"),
        ChangedCase(kDemand,
                    "YearInAFlowsDemand",
                    {{"arrivals: poisson}", "arrivals: poisson}, demand: {year: 2030}"}},
                    "2030}}",
                    "flow 'f1' demand: the year is the whole run's"),
        ChangedCase(kDemand,
                    "BaseYearWithModelNone",
                    {{"arrivals: poisson}",
                      "arrivals: poisson}, demand: {model: none, "
                      "base_year: 2025}"}},
                    "2025}}",
                    "base_year does not apply to model none"),
        ChangedCase(kDemand,
                    "AYearWhenNothingGrows",
                    {{"arrivals: poisson}", "arrivals: poisson}, demand: {model: none}"}},
                    "2030}",
                    "demand year 2030 changes nothing: no flow's demand grows"),
        ChangedCase(
            kDemand,
            "DemandOnASourceGivenByItsTypeId",
            {{"{pattern: periodic, interval: 10ms, size: 100B, arrivals: poisson}",
              "{pattern: ns3::blueprint::PeriodicSource}"}},
            "ns3::blueprint::PeriodicSource",
            "demand cannot scale ns3::blueprint::PeriodicSource, a source given by its TypeId"),
        ChangedCase(kDemand,
                    "LoadBeyondOneMessagePerNanosecond",
                    {{"rate: 20%", "rate: 100%"},
                     {"base_year: 2025", "base_year: 2000"},
                     {"year: 2030", "year: 2100"}},
                    "2100",
                    "flow 'f1': in 2100 its demand grows x1.268e+30, and then it sends more "
                    "than one message per nanosecond")));

/// Runs the command on kDemand-like text; checks exit 2, the message and that nothing was written.
void
ExpectRefused(const std::string& text, const std::string& args, const std::string& message)
{
    TempDir dir;
    const std::string file = dir.Write("s.yaml", text);
    const std::string out = dir.Path() + "/out";
    const CommandResult r = Blueprint(args + " " + file + " --out " + out, dir);
    EXPECT_EQ(r.status, 2) << args << "\n" << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << "\n" << r.err;
    EXPECT_FALSE(fs::exists(out)) << args;
}

TEST(GrowthCliTest, EveryBadYearOptionExitsTwoAndWritesNothing)
{
    ExpectRefused(kDemand, "run --year 20x0", "--year takes a year, as 2030; got '20x0'");
    ExpectRefused(kDemand, "compare --years 2040..2025", "--years 2040..2025 runs backwards");
    ExpectRefused(kDemand, "compare --years 2025-2040", "--years takes the first and last years");
    ExpectRefused(kDemand, "compare --year 2030 --years 2025..2040", "--year or --years, not both");
    ExpectRefused(kDemand, "run --years 2025..2040", "unknown option '--years' for run");
    ExpectRefused(kValid, "run --year 2030", "--year 2030: ");
    ExpectRefused(kValid, "compare --year 2030", "has no top-level demand:");
    ExpectRefused(kValid, "compare --years 2025..2030", "--years 2025..2030: ");
    ExpectRefused(kDemand,
                  "compare --years 2019..2030",
                  "--years 2019..2030: demand year 2019 is before flow 'f1''s base_year 2025");
    ExpectRefused(kDemand,
                  "compare --year 2101 --seeds 1..2",
                  "--year 2101: demand year must lie between");
    // Without a requirement no year can fail: refused before anything runs.
    ExpectRefused(kDemand, "compare --years 2025..2030", "has no requirement, so no year can fail");
}

} // namespace
