/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * `sharing:` in a scenario (helper/scenario/sharing-reader, cost-sharing; doc/energy-cost.rst,
 * Shared infrastructure): use cases judged on their own flows, the run's cost items divided among
 * them by what their flows ask of each element, subsidies, the files and lines `run` and
 * `compare` write, and every malformed `sharing:` refused at its place with exit status 2.
 */

#include "cli-support.h"
#include "helper/scenario/cost-sharing.h"
#include "helper/scenario/phase-runner.h"
#include "scenario-run-support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace
{

using namespace blueprint_test;
using namespace ns3::blueprint;

/**
 * A field router and a hub router shared by two use cases: the cooperative's crop camera
 * (3 Mbit/s for the whole 2 s) and the municipality's river camera (4 Mbit/s in the last 0.5 s
 * only), each to its own server in town.
 */
const std::string kShared = R"(blueprint: 1
name: shared-access
duration: 2s
seed: 1
sites:
  farm: {position: [0km, 0km]}
  hub: {position: [5km, 0km]}
  town: {position: [10km, 0km]}
nodes:
  farm-cam: {site: farm, cost: {capex: 100k, lifetime_years: 5}}
  river-cam: {site: farm}
  field-router: {site: farm, equipment: router}
  hub-router: {site: hub, equipment: router}
  coop-server: {site: town, equipment: server}
  hall-server: {site: town, equipment: server}
links:
  farm-lan: {between: [field-router, farm-cam], profile: ethernet, rate: 1Gbps, length: 10m}
  river-lan: {between: [field-router, river-cam], profile: ethernet, rate: 1Gbps, length: 10m}
  backhaul: {between: [hub-router, field-router], profile: fiber-leased-relay, rate: 1Gbps}
  coop-line: {between: [hub-router, coop-server], profile: fiber-leased-relay, rate: 1Gbps}
  hall-line: {between: [hub-router, hall-server], profile: fiber-leased-relay, rate: 1Gbps}
flows:
  crops: {from: farm-cam, to: coop-server, traffic: {pattern: constant_rate, rate: 3Mbps, size: 1000B},
          requirements: {latency: 50ms}}
  river: {from: river-cam, to: hall-server, start: 1.5s,
          traffic: {pattern: constant_rate, rate: 4Mbps, size: 1000B}, requirements: {latency: 0.01ms}}
sharing:
  rule: offered-traffic
  peak_interval: 500ms
  use_cases:
    agriculture: {flows: [crops], owns: [farm-cam]}
    flood-watch: {flows: [river]}
)";

/// The part of `element` that `useCase` pays, 0 when it has none.
double
FractionOf(const CostShare& share, const std::string& element, const std::string& useCase)
{
    for (const ItemShare& i : share.items)
    {
        if (i.element == element && i.party == useCase)
        {
            return i.fraction;
        }
    }
    return 0;
}

/// kShared with its rule replaced and, for rule agreed, shares of 30 % and 70 %.
std::string
WithRule(const std::string& rule)
{
    std::string text = kShared;
    const std::vector<std::pair<std::string, std::string>> changes{
        {"rule: offered-traffic", "rule: " + rule},
        {"owns: [farm-cam]}", "owns: [farm-cam], share: 30%}"},
        {"{flows: [river]}", "{flows: [river], share: 70%}"}};
    for (std::size_t i = 0; i < (rule == "agreed" ? changes.size() : 1); ++i)
    {
        text.replace(text.find(changes[i].first), changes[i].first.size(), changes[i].second);
    }
    return text;
}

/// The part of every element of a run that `useCase` pays, summed: the parts of each element.
void
ExpectPartsAddUp(const RunResult& r)
{
    ASSERT_TRUE(r.costShare);
    double sum = 0;
    for (const PartyCost& p : r.costShare->parties)
    {
        sum += p.annualised;
    }
    EXPECT_NEAR(sum, r.annualisedCost, 1e-6 * r.annualisedCost);
    EXPECT_NEAR(r.costShare->annualised, r.annualisedCost, 1e-6 * r.annualisedCost);
    EXPECT_NEAR(r.costShare->capex, r.capex, 1e-6 * r.capex);
}

} // namespace

// The backhaul and both routers carry both cameras: by offered bytes the river camera's 0.25 MB
// against the crop camera's 0.75 MB is 25 %; by the peak 0.5 s rate its 4 Mbit/s against 3 is
// 4/7; in equal parts 50 %; by agreed shares of 30 % and 70 %, 70 %. What one camera alone
// crosses is its use case's, and each rule's parts add up to the run's annualised cost.
TEST(CostSharingTest, SharedElementsAreSplitByWhatEachUseCaseAsksOfThem)
{
    const std::vector<std::pair<std::string, double>> riverShare{{"offered-traffic", 0.25},
                                                                 {"carried-traffic", 0.25},
                                                                 {"peak-rate", 4.0 / 7},
                                                                 {"equal", 0.5},
                                                                 {"agreed", 0.7}};
    for (const auto& [rule, share] : riverShare)
    {
        const RunResult r = RunYaml(WithRule(rule));
        ExpectPartsAddUp(r);
        const CostShare& s = *r.costShare;
        for (const char* shared : {"backhaul", "hub-router", "field-router"})
        {
            EXPECT_NEAR(FractionOf(s, shared, "flood-watch"), share, 0.01) << rule << shared;
            EXPECT_NEAR(FractionOf(s, shared, "agriculture"), 1 - share, 0.01) << rule << shared;
        }
        EXPECT_DOUBLE_EQ(FractionOf(s, "coop-line", "agriculture"), 1) << rule;
        EXPECT_DOUBLE_EQ(FractionOf(s, "hall-line", "flood-watch"), 1) << rule;
        EXPECT_DOUBLE_EQ(FractionOf(s, "farm-cam", "agriculture"), 1) << rule;
        // A wired link's end is the link's, not its router's: the coop line's optics at the hub.
        EXPECT_DOUBLE_EQ(FractionOf(s, "coop-line/hub-router", "agriculture"), 1) << rule;
        // Every rule, agreed only where the use cases have shares.
        EXPECT_EQ(s.byRule.size(), rule == "agreed" ? 5u : 4u) << rule;
        for (const auto& [each, parties] : s.byRule)
        {
            EXPECT_NEAR(parties.at(0).annualised + parties.at(1).annualised,
                        r.annualisedCost,
                        1e-6 * r.annualisedCost);
        }
    }
}

// A flow counts its bytes per interval of the run: by default a second, longer where a run of
// 2,000,000 s (and 1 s of drain) would need more than a million intervals.
TEST(CostSharingTest, DefaultPeakIntervalKeepsTheCountersBounded)
{
    std::string text = kShared;
    text.replace(text.find("  peak_interval: 500ms\n"), 22, "");
    EXPECT_DOUBLE_EQ(ReadYaml(text).sharing->peakIntervalSeconds, 1.0);
    text.replace(text.find("duration: 2s"), 12, "duration: 2000000s");
    EXPECT_DOUBLE_EQ(ReadYaml(text).sharing->peakIntervalSeconds, 2000001.0 / 1e6);
}

// Each use case has its own verdict from its own flows: the crop camera meets its 50 ms, the
// river camera cannot meet 0.01 ms, so the configuration fails but agriculture passes.
TEST(CostSharingTest, EachUseCaseIsJudgedOnItsOwnFlows)
{
    const RunResult r = RunYaml(kShared);
    EXPECT_EQ(r.verdict, Verdict::Fail);
    ASSERT_EQ(r.useCases.size(), 2u);
    EXPECT_EQ(r.useCases[0].name, "agriculture");
    EXPECT_EQ(r.useCases[0].verdict, Verdict::Pass);
    EXPECT_TRUE(r.useCases[0].failed.empty());
    EXPECT_EQ(r.useCases[1].name, "flood-watch");
    EXPECT_EQ(r.useCases[1].verdict, Verdict::Fail);
    EXPECT_EQ(r.useCases[1].failed, std::vector<std::string>{"river latency"});
    EXPECT_EQ(r.useCases[1].flows, std::vector<std::string>{"river"});
}

// A subsidy of 50 % of the flood watch's capex with a 1,000,000 cap, and half its opex for 3 of
// the 10 years of the horizon: its cost falls by the grant's share of its capex annuities plus
// 0.3 x half its opex, the cooperative's not at all.
TEST(CostSharingTest, SubsidyLowersOnlyItsUseCaseByWhatItStates)
{
    const RunResult plain = RunYaml(kShared);
    const RunResult helped = RunYaml(kShared + R"(  horizon_years: 10
  subsidies:
    - {to: flood-watch, from: MIC, capex: {share: 50%, cap: 1M}, opex: {share: 50%, years: 3}}
)");
    const PartyCost& before = plain.costShare->parties.at(1);
    const PartyCost& after = helped.costShare->parties.at(1);
    EXPECT_NEAR(after.annualised, before.annualised, 1e-6);
    const double grant = std::min(0.5 * before.capex, 1e6);
    EXPECT_DOUBLE_EQ(after.capexGrant, grant);
    const double capexAnnuity = before.annualised - before.opexPerYear; // discount rate 0
    const double expected = grant / before.capex * capexAnnuity + 0.5 * before.opexPerYear * 0.3;
    EXPECT_NEAR(after.subsidy, expected, 1e-6);
    EXPECT_NEAR(after.pays, before.annualised - expected, 1e-6);
    EXPECT_DOUBLE_EQ(helped.costShare->parties.at(0).pays, plain.costShare->parties.at(0).pays);
}

// How items find their users: the link they are named after (or a part of it, "backhaul
// terminals", "backhaul/hub-router"), else their node; a flow whose members take two paths uses
// each in the share of its members; request-response flows count their answers; an item named
// after nothing is common.
TEST(CostSharingTest, ItemsFollowTheLinksAndNodesTheyAreNamedAfter)
{
    std::string text = kShared;
    text.replace(text.find("flows:\n  crops"),
                 6,
                 "flows:\n  alerts: {from: hall-server, to: river-cam, traffic: {pattern: "
                 "request_response, interval: 1s, size: 200B, response_size: 300B}}\n");
    text.replace(text.find("flows: [river]"), 14, "flows: [river, alerts]");
    const ScenarioSpec spec = ReadYaml(text);
    std::vector<FlowResult> flows(3);
    flows[0].name = "alerts";
    flows[0].from = "hall-server";
    flows[0].to = "river-cam";
    flows[0].txBytes = 2000; // 10 requests
    flows[0].rxPackets = 8;
    flows[0].rxBytes = 1600;
    flows[0].answeredRequests = 6;
    flows[1].name = "crops";
    flows[1].from = "farm-cam";
    flows[1].to = "coop-server";
    flows[1].txBytes = flows[1].rxBytes = 10000;
    flows[2].name = "river";
    flows[2].from = "river-cam";
    flows[2].to = "hall-server";
    flows[2].txBytes = flows[2].rxBytes = 1000;
    std::vector<FlowUse> uses(3);
    uses[0].memberPaths[{"hall-line", "backhaul", "river-lan"}] = 1;
    // Three of four crop members by the farm LAN, one by the river LAN (a made-up split).
    uses[1].memberPaths[{"farm-lan", "backhaul", "coop-line"}] = 3;
    uses[1].memberPaths[{"river-lan", "backhaul", "coop-line"}] = 1;
    uses[2].memberPaths[{"river-lan", "backhaul", "hall-line"}] = 1;
    const std::vector<CostItem> items{{"river-lan", "", "ethernet", 0, 1, 1000},
                                      {"backhaul terminals", "", "x", 0, 1, 1000},
                                      {"backhaul/hub-router", "hub-router", "fiber", 0, 1, 1000},
                                      {"router card", "field-router", "x", 0, 1, 1000},
                                      {"mystery", "nowhere", "x", 0, 1, 1000}};
    const CostShare s = ShareCosts(spec, items, flows, uses);
    // river-lan: a quarter of the crops' 10,000 B against the river's 1,000 B and the alerts'
    // 2,000 + 8 x 300 = 4,400 B offered.
    EXPECT_NEAR(FractionOf(s, "river-lan", "agriculture"), 2500.0 / 7900, 1e-12);
    EXPECT_NEAR(FractionOf(s, "river-lan", "flood-watch"), 5400.0 / 7900, 1e-12);
    EXPECT_NEAR(FractionOf(s, "backhaul terminals", "agriculture"), 10000.0 / 15400, 1e-12);
    EXPECT_NEAR(FractionOf(s, "backhaul/hub-router", "agriculture"), 10000.0 / 15400, 1e-12);
    // The field router: every flow crosses a link that ends there.
    EXPECT_NEAR(FractionOf(s, "router card", "agriculture"), 10000.0 / 15400, 1e-12);
    EXPECT_DOUBLE_EQ(FractionOf(s, "mystery", "agriculture"), 0.5);
    for (const ItemShare& i : s.items)
    {
        if (i.element == "mystery")
        {
            EXPECT_EQ(i.basis, "common (no flow crosses it)");
        }
    }
    // Carried: the alerts' 1,600 B and 6 answers of 300 B.
    ScenarioSpec carried = spec;
    carried.sharing->rule = "carried-traffic";
    EXPECT_NEAR(FractionOf(ShareCosts(carried, items, flows, uses), "river-lan", "flood-watch"),
                4400.0 / 6900,
                1e-12);
}

// Over a timeline each phase is divided as a run of its own; the result takes the costliest
// phase's division, as it takes that phase's cost, and judges each use case on its flows pooled
// over the phases.
TEST(CostSharingTest, TimelineTakesTheCostliestPhasesShareAndPoolsTheVerdicts)
{
    PhaseRunner runner(ReadYaml(kShared + R"(timeline:
  horizon: 1h
  phases:
    - {name: calm, at: 0s}
    - {name: flood, at: 1800s, changes: {nodes: {hub-router: {cost: {capex: 9M, lifetime_years: 7}}}}}
)"));
    runner.SetMemoryCheck(false);
    const RunResult r = runner.Run();
    ExpectPartsAddUp(r);
    ASSERT_EQ(r.phases.size(), 2u);
    EXPECT_GT(r.phases[1].annualisedCost, r.phases[0].annualisedCost);
    ASSERT_EQ(r.useCases.size(), 2u);
    EXPECT_EQ(r.useCases[0].verdict, Verdict::Pass);
    EXPECT_EQ(r.useCases[1].verdict, Verdict::Fail);
}

// `run` prints who pays and writes cost_share.csv and cost_split.csv beside result.json, whose
// cost_share holds the contract's keys; `compare` prints a who-pays table over its
// configurations and writes every configuration's rows to one cost_share.csv.
TEST(CostSharingCliTest, RunAndCompareReportWhoPays)
{
    TempDir dir;
    const std::string file = dir.Write("shared.yaml", kShared + R"(  subsidies:
    - {to: flood-watch, from: MIC, capex: {share: 50%}}
alternatives:
  in-equal-parts:
    description: The same network, its shared elements in equal parts
    changes:
      sharing: {rule: equal}
)");
    CommandResult r = Blueprint("run " + file + " --out " + dir.Path() + "/run", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("who pays, by rule offered-traffic"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("flood-watch did not pass: river latency"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("MIC to flood-watch: capex grant"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("pays under each rule"), std::string::npos) << r.out;
    const nlohmann::json j = nlohmann::json::parse(ReadFile(dir.Path() + "/run/result.json"));
    const auto& share = j.at("cost_share");
    EXPECT_EQ(share.at("rule"), "offered-traffic");
    double pays = 0;
    double subsidy = 0;
    for (const auto& p : share.at("parties"))
    {
        for (const char* key : {"name",
                                "verdict",
                                "annualised_jpy",
                                "capex_jpy",
                                "opex_per_year_jpy",
                                "capex_grant_jpy",
                                "subsidy_jpy",
                                "pays_jpy"})
        {
            EXPECT_TRUE(p.contains(key)) << key;
        }
        pays += p.at("pays_jpy").get<double>();
        subsidy += p.at("subsidy_jpy").get<double>();
    }
    EXPECT_GT(subsidy, 0);
    EXPECT_NEAR(pays + subsidy, j.at("cost").at("annualised").get<double>(), 1e-3);
    EXPECT_EQ(share.at("by_rule").size(), 4u); // no shares were agreed
    EXPECT_EQ(j.at("use_cases").at(1).at("verdict"), "fail");
    const std::string csv = ReadFile(dir.Path() + "/run/cost_share.csv");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3); // header and two use cases
    EXPECT_NE(ReadFile(dir.Path() + "/run/cost_split.csv").find(",backhaul,"), std::string::npos);

    CommandResult c = Blueprint("compare " + file + " --out " + dir.Path() + "/cmp", dir);
    ASSERT_EQ(c.status, 0) << c.err;
    EXPECT_NE(c.out.find("who pays (JPY a year):"), std::string::npos) << c.out;
    EXPECT_NE(c.out.find("in-equal-parts  equal"), std::string::npos) << c.out;
    const std::string all = ReadFile(dir.Path() + "/cmp/cost_share.csv");
    EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 5);
    EXPECT_TRUE(fs::exists(dir.Path() + "/cmp/in-equal-parts/cost_split.csv"));
}

namespace
{

/// kShared with (from, to) replaced, refused where `marker` is (after `sharing:`).
MalformedCase
Broken(const std::string& name,
       const std::string& from,
       const std::string& to,
       const std::string& marker,
       const std::string& message,
       const std::string& after = "sharing:")
{
    return ChangedCase(kShared, name, {{from, to}}, marker, message, after);
}

/// kShared with its sharing block's subsidies.
MalformedCase
BrokenSubsidy(const std::string& name,
              const std::string& subsidy,
              const std::string& marker,
              const std::string& message)
{
    return ChangedCase(kShared + "  subsidies:\n    - " + subsidy + "\n",
                       name,
                       {},
                       marker,
                       message,
                       "subsidies:");
}

} // namespace

INSTANTIATE_TEST_SUITE_P(
    Sharing,
    MalformedScenarioTest,
    ::testing::Values(
        Broken("SharingUnknownRule",
               "rule: offered-traffic",
               "rule: by-traffic",
               "by-traffic",
               "unknown cost-sharing rule 'by-traffic'"),
        Broken("SharingWithoutRule",
               "  rule: offered-traffic\n",
               "",
               "peak_interval",
               "sharing: missing required key 'rule'"),
        Broken("SharingUnknownKey",
               "peak_interval",
               "peak_intervall",
               "peak_intervall",
               "did you mean 'peak_interval'?"),
        Broken("SharingNoUseCases",
               "  use_cases:\n    agriculture: {flows: [crops], owns: [farm-cam]}\n    "
               "flood-watch: {flows: [river]}\n",
               "  use_cases: {}\n",
               "{}",
               "at least one use case"),
        Broken("SharingUnknownFlow",
               "flows: [river]",
               "flows: [rivr]",
               "rivr",
               "unknown flow 'rivr'; did you mean 'river'?"),
        Broken("SharingFlowInTwoUseCases",
               "flows: [river]",
               "flows: [river, crops]",
               "crops]}",
               "flow 'crops' is already in use case 'agriculture'"),
        Broken("SharingFlowLeftOut",
               "{flows: [crops], owns: [farm-cam]}\n    flood-watch: {flows: [river]}",
               "{flows: [crops], owns: [farm-cam]}",
               "use_cases",
               "flow 'river' is in no use case"),
        Broken("SharingUseCaseWithoutFlows",
               "flows: [river]",
               "flows: []",
               "[]",
               "flows lists at least one flow"),
        Broken("SharingOwnsUnknownElement",
               "owns: [farm-cam]",
               "owns: [farm-camera]",
               "farm-camera",
               "unknown node or link 'farm-camera'; did you mean 'farm-cam'?"),
        Broken("SharingOwnedTwice",
               "flood-watch: {flows: [river]}",
               "flood-watch: {flows: [river], owns: [farm-cam]}",
               "farm-cam]}",
               "node or link 'farm-cam' is already in use case 'agriculture'",
               "flood-watch:"),
        Broken("SharingAgreedWithoutShare",
               "rule: offered-traffic",
               "rule: agreed",
               "agriculture:",
               "'agriculture' has no share"),
        ChangedCase(kShared,
                    "SharingAgreedSharesNotSumming",
                    {{"rule: offered-traffic", "rule: agreed"},
                     {"owns: [farm-cam]}", "owns: [farm-cam], share: 60%}"},
                     {"{flows: [river]}", "{flows: [river], share: 30%}"}},
                    "60%",
                    "the use cases' shares add up to 90 %, not 100 %",
                    "sharing:"),
        Broken("SharingShareForOneUseCaseOnly",
               "{flows: [river]}",
               "{flows: [river], share: 30%}",
               "agriculture:",
               "use case 'agriculture' has no share; give every use case a share or none"),
        Broken("SharingShareAboveAll",
               "{flows: [river]}",
               "{flows: [river], share: 120%}",
               "120%",
               "ratio '120%' must be at most 100%"),
        Broken("SharingPeakIntervalTooShort",
               "peak_interval: 500ms",
               "peak_interval: 10us",
               "10us",
               "peak_interval must be at least 1ms"),
        Broken("SharingPeakIntervalLongerThanTheRun",
               "peak_interval: 500ms",
               "peak_interval: 1h",
               "1h",
               "at most the duration"),
        ChangedCase(kShared,
                    "SharingPeakIntervalWithTooManyIntervals",
                    {{"duration: 2s", "duration: 2000000s"},
                     {"peak_interval: 500ms", "peak_interval: 1s"}},
                    "1s",
                    "at least 2.000001 s here",
                    "peak_interval"),
        Broken("SharingHorizonNotPositive",
               "peak_interval: 500ms",
               "horizon_years: 0",
               "0",
               "horizon_years must be more than 0"),
        BrokenSubsidy("SubsidyToUnknownUseCase",
                      "{to: flood-wach, capex: {share: 50%}}",
                      "flood-wach",
                      "subsidy to unknown use case 'flood-wach'; did you mean 'flood-watch'?"),
        BrokenSubsidy("SubsidyNegativeShare",
                      "{to: flood-watch, capex: {share: -50%}}",
                      "-50%",
                      "negative"),
        BrokenSubsidy("SubsidyAboveAllCapex",
                      "{to: flood-watch, capex: {share: 150%}}",
                      "150%",
                      "ratio '150%' must be at most 100%"),
        ChangedCase(kShared + "  subsidies:\n    - {to: flood-watch, capex: {share: 60%}}\n"
                              "    - {to: flood-watch, from: prefecture, capex: {share: 50%}}\n",
                    "SubsidiesTogetherAboveAllCapex",
                    {},
                    "50%}}",
                    "grant 110 % of its capex, more than all of it",
                    "prefecture"),
        BrokenSubsidy("SubsidyNegativeCap",
                      "{to: flood-watch, capex: {share: 50%, cap: -1M}}",
                      "-1M",
                      "negative"),
        BrokenSubsidy("SubsidyNegativeYears",
                      "{to: flood-watch, opex: {share: 50%, years: -3}}",
                      "-3",
                      "years must be more than 0"),
        BrokenSubsidy("SubsidyZeroYears",
                      "{to: flood-watch, opex: {share: 50%, years: 0}}",
                      "0}}",
                      "years must be more than 0"),
        BrokenSubsidy("SubsidyOpexWithoutYears",
                      "{to: flood-watch, opex: {share: 50%}}",
                      "{share",
                      "'years'"),
        BrokenSubsidy("SubsidyOpexShareAndAmount",
                      "{to: flood-watch, opex: {share: 50%, per_year: 1M, years: 3}}",
                      "1M",
                      "give share or per_year, not both"),
        BrokenSubsidy("SubsidyOpexNeitherShareNorAmount",
                      "{to: flood-watch, opex: {years: 3}}",
                      "{years",
                      "give its share of the opex or an amount per_year"),
        BrokenSubsidy("SubsidyOfNothing",
                      "{to: flood-watch, from: MIC}",
                      "{to",
                      "give a capex grant, opex support, or both"),
        BrokenSubsidy("SubsidyUnknownKey",
                      "{to: flood-watch, capex: {share: 50%, cap: 1M, capp: 2M}}",
                      "capp",
                      "unknown key 'capp'")));
