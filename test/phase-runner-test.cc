/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A timeline run as phases (doc/phases.rst): each phase's window measured on its own, flows
 * pooled over the windows, energy over the horizon as the windows' plus the idle draw between
 * them, cost prorated; an unphased scenario untouched.
 */

#include "helper/results/result-writer.h"
#include "helper/scenario/phase-runner.h"
#include "model/energy/element-power-model.h"
#include "model/energy/energy-meter.h"
#include "model/lte/lte-enb-energy-model.h"
#include "model/nr/nr-gnb-energy-model.h"
#include "model/wifi/wifi-power-model.h"
#include "scenario-run-support.h"

#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/simulator.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;
using namespace blueprint_test;

/// A phase's result by name; \throws std::logic_error if there is none.
const PhaseResult&
PhaseOf(const RunResult& r, const std::string& name)
{
    for (const PhaseResult& p : r.phases)
    {
        if (p.name == name)
        {
            return p;
        }
    }
    throw std::logic_error("no phase " + name);
}

/// Whether a phase measured a flow at all.
bool
RunsIn(const PhaseResult& p, const std::string& flow)
{
    return std::any_of(p.flows.begin(), p.flows.end(), [&](const FlowResult& f) {
        return f.name == flow;
    });
}

/// A flow's result in a phase by name; \throws std::logic_error if the phase did not run it.
const FlowResult&
FlowIn(const PhaseResult& p, const std::string& name)
{
    for (const FlowResult& f : p.flows)
    {
        if (f.name == name)
        {
            return f;
        }
    }
    throw std::logic_error("no flow " + name + " in phase " + p.name);
}

RunResult
RunTimeline(const std::string& text)
{
    return PhaseRunner(ReadYaml(text, "timeline.yaml")).Run();
}

/// Two hosts on fibre with their power written out (so the test knows every idle draw), a
/// 1 Mbit/s stream all along and a probe that only the evening phase runs (the first phase
/// removes it), whose stream rises to 2 Mbit/s in the evening.
const std::string kTwoPhases = R"(blueprint: 1
name: two-phases
duration: 2s
seed: 3
sites:
  a: {position: [0km, 0km], pue: 1.5}
  b: {position: [100km, 0km], pue: 1.2}
nodes:
  h1: {site: a, power: {idle: 100W, max: 300W, capacity: 1Gbps}}
  h2: {site: b, power: {idle: 40W, max: 60W, capacity: 1Gbps}}
links:
  l1: {between: [h1, h2], profile: fiber, rate: 1Gbps, power: {idle: 5W, max: 8W, capacity: 1Gbps}}
flows:
  stream:
    from: h1
    to: h2
    traffic: {pattern: constant_rate, rate: 1Mbps, size: 1000B}
    requirements: {throughput: 1.5Mbps}
  probe: {from: h2, to: h1, traffic: {pattern: periodic, interval: 10ms, size: 100B}}
timeline:
  horizon: 1d
  phases:
    - {name: first-hour, at: 10min, length: 2s, changes: {flows: {probe: ~}}}
    - name: evening
      at: 2h
      length: 4s
      changes: {flows: {stream: {traffic: {rate: 2Mbps}}}}
)";

TEST(PhaseRunnerTest, EachPhaseReportsItsOwnWindow)
{
    const RunResult r = RunTimeline(kTwoPhases);
    ASSERT_EQ(r.phases.size(), 2u);
    const PhaseResult& first = PhaseOf(r, "first-hour");
    const PhaseResult& evening = PhaseOf(r, "evening");
    EXPECT_DOUBLE_EQ(first.atSeconds, 600);
    EXPECT_DOUBLE_EQ(first.lengthSeconds, 2);
    EXPECT_DOUBLE_EQ(first.untilSeconds, 7200);
    EXPECT_DOUBLE_EQ(evening.untilSeconds, 86400);

    // The probe runs only in the evening window: the first shows nothing of it.
    EXPECT_FALSE(RunsIn(first, "probe"));
    ASSERT_TRUE(RunsIn(evening, "probe"));
    EXPECT_EQ(FlowIn(evening, "probe").txPackets, 400u);

    // 1 Mbit/s of 1000-byte packets for 2 s, then 2 Mbit/s for 4 s: 250 and 1000 packets, each
    // window at its own rate.
    const FlowResult& streamFirst = FlowIn(first, "stream");
    const FlowResult& streamEvening = FlowIn(evening, "stream");
    EXPECT_EQ(streamFirst.txPackets, 250u);
    EXPECT_EQ(streamEvening.txPackets, 1000u);
    EXPECT_NEAR(streamFirst.throughputBps, 1e6, 1e3);
    EXPECT_NEAR(streamEvening.throughputBps, 2e6, 2e3);
    // The 1.5 Mbit/s requirement fails in the first window and passes in the evening.
    EXPECT_EQ(streamFirst.verdict, Verdict::Fail);
    EXPECT_EQ(streamEvening.verdict, Verdict::Pass);
    EXPECT_EQ(first.verdict, Verdict::Fail);

    // Pooled over the windows: counts add, the rate is the bits over the active time (about
    // 10 Mbit over 6 s, which meets the 1.5 Mbit/s), yet the flow fails on the timeline because
    // it failed in a phase.
    const FlowResult& stream = FlowOf(r, "stream");
    EXPECT_EQ(stream.txPackets, 1250u);
    EXPECT_EQ(stream.latency.samples, 1250u);
    EXPECT_NEAR(stream.throughputBps,
                (streamFirst.throughputBps * streamFirst.activeSeconds +
                 streamEvening.throughputBps * streamEvening.activeSeconds) /
                    (streamFirst.activeSeconds + streamEvening.activeSeconds),
                1e-6);
    ASSERT_EQ(stream.requirements.size(), 1u);
    EXPECT_EQ(stream.requirements[0].verdict, Verdict::Pass);
    EXPECT_EQ(stream.verdict, Verdict::Fail);
    EXPECT_EQ(r.verdict, Verdict::Fail);
    EXPECT_EQ(FlowOf(r, "probe").txPackets, 400u);
    EXPECT_DOUBLE_EQ(r.durationSeconds, 6);
}

TEST(PhaseRunnerTest, TimelineEnergyIsTheWindowsPlusTheIdleDrawBetweenThem)
{
    const RunResult r = RunTimeline(kTwoPhases);
    ASSERT_TRUE(r.timeline);
    // Idle draws from the scenario's own figures, each at its site's PUE: h1 at a (1.5), h2 at
    // b (1.2), and the fibre's two ends, one at each site.
    const double idleWatts = 1.5 * 100 + 1.2 * 40 + 1.5 * 5 + 1.2 * 5;
    // Each window occupies its length and the 1 s drain; the rest of the day is idle.
    const double idleSeconds = 86400 - (2 + 1) - (4 + 1);
    double windows = 0;
    for (const PhaseResult& p : r.phases)
    {
        windows += p.energyJoules;
    }
    EXPECT_DOUBLE_EQ(r.timeline->windowsJoules, windows);
    EXPECT_DOUBLE_EQ(r.timeline->gapsSeconds, idleSeconds);
    EXPECT_NEAR(r.timeline->gapsJoules, idleWatts * idleSeconds, 1e-6 * idleWatts * idleSeconds);
    EXPECT_NEAR(r.energyJoules, windows + idleWatts * idleSeconds, 1e-6 * r.energyJoules);
    EXPECT_TRUE(r.timeline->gapPowerFromWindowMean.empty());
    // A window is at least its elements' idle draw over its length and drain.
    EXPECT_GE(PhaseOf(r, "first-hour").energyJoules, idleWatts * 3 - 1e-9);
    // The split by node adds up to the whole, gaps included.
    double byNode = 0;
    for (const auto& [node, joules] : r.energyByNode)
    {
        byNode += joules;
    }
    EXPECT_NEAR(byNode, r.energyJoules, 1e-9 * r.energyJoules);
    // Cost: the set-up's annualised cost over one day of the year.
    EXPECT_NEAR(r.timeline->costOverHorizon, r.annualisedCost * 86400 / (365.25 * 86400), 1e-9);
}

/// A synthetic phase run: one element with the given idle draw, a window energy, a cost.
PhaseRun
SyntheticRun(const PhaseSpec& phase, double windowJoules, ElementIdleDraw idle, double cost)
{
    PhaseRun run;
    run.phase = &phase;
    run.result.energyJoules = windowJoules;
    run.result.energyByNode[idle.node] = windowJoules;
    run.result.energyByTechnology[idle.technology] = windowJoules;
    run.result.annualisedCost = cost;
    run.idle = {idle};
    return run;
}

TEST(PhaseRunnerTest, TheIdleTimeBeforeBetweenAndAfterTheWindowsIsCountedOnceAtTheDrawLeftBehind)
{
    ScenarioSpec spec;
    spec.drain = 1;
    TimelineSpec timeline;
    timeline.horizon = 1000;
    auto window = std::make_shared<ScenarioSpec>();
    window->drain = 1;
    timeline.phases.push_back({"a", 100, 9, {}, window});
    timeline.phases.push_back({"b", 500, 19, {}, window});
    spec.timeline = timeline;
    const auto& phases = spec.timeline->phases;
    // The first window leaves its element drawing 10 W; the second leaves it dark (its node's
    // battery ran out), so nothing is drawn after it.
    std::vector<PhaseRun> runs{
        SyntheticRun(phases[0], 1000, {"router", "r", "router", 10, true, true}, 365.25),
        SyntheticRun(phases[1], 2000, {"router", "r", "router", 0, true, false}, 2 * 365.25)};
    const RunResult r = MergePhases(spec, runs);
    // Before a: 100 s at a's draw; a..b: 500 - 110 = 390 s at a's draw; after b: dark.
    EXPECT_DOUBLE_EQ(r.timeline->gapsJoules, 10 * (100 + 390));
    EXPECT_DOUBLE_EQ(r.timeline->gapsSeconds, 100 + 390 + (1000 - 520));
    EXPECT_DOUBLE_EQ(r.energyJoules, 3000 + 4900);
    EXPECT_DOUBLE_EQ(r.energyByNode.at("r"), 3000 + 4900);
    // a stands for [0, 500) at 365.25 a year, b for [500, 1000) at twice that: per day-second.
    EXPECT_NEAR(r.timeline->costOverHorizon, (500 * 1.0 + 500 * 2.0) / 86400, 1e-12);
    EXPECT_EQ(PhaseSpans(timeline), (std::vector<double>{500, 500}));
}

TEST(PhaseRunnerTest, AnElementWithoutAnIdleFigureIsFlaggedAndDrawsItsWindowMean)
{
    Ptr<EnergyMeter> meter = CreateObject<EnergyMeter>();
    Ptr<ElementPowerModel> router = CreateObject<ElementPowerModel>();
    router->SetAttribute("IdlePower", DoubleValue(50));
    router->SetAttribute("MaxPower", DoubleValue(80));
    router->SetAttribute("Pue", DoubleValue(2));
    meter->AddElement("router", "r", "router", router, NetDeviceContainer());
    meter->AddIntegratedElement(
        "cell",
        "bs",
        "radio",
        [](Time now) { return 300 * now.GetSeconds(); },
        1.5);
    meter->AddIntegratedElement(
        "dish",
        "shelter",
        "leo",
        [](Time now) { return 70 * now.GetSeconds(); },
        1.0,
        40.0);
    meter->SetNodePowered("shelter", false);
    meter->Start();
    Simulator::Stop(Seconds(4));
    Simulator::Run();
    const EnergyReport report = meter->Finish();
    Simulator::Destroy();
    ASSERT_EQ(report.idle.size(), 3u);
    // The router's modelled idle power at its PUE.
    EXPECT_DOUBLE_EQ(report.idle[0].watts, 100);
    EXPECT_TRUE(report.idle[0].modelled);
    // The cell gives no idle figure: its mean power over the window, PUE included, flagged.
    EXPECT_DOUBLE_EQ(report.idle[1].watts, 450);
    EXPECT_FALSE(report.idle[1].modelled);
    // The dish has a figure but its node is dark: nothing.
    EXPECT_DOUBLE_EQ(report.idle[2].watts, 0);
    EXPECT_FALSE(report.idle[2].powered);
}

TEST(PhaseRunnerTest, RadioStationsGiveTheIdlePowerTheirModelsIntegrate)
{
    // An eNB by EARTH at zero load: N_TRX x P0 = 6 x 130 W for a macro (Auer et al. 2011,
    // Table II).
    Ptr<LteEnbEnergyModel> enb = CreateObject<LteEnbEnergyModel>();
    ASSERT_TRUE(enb->GetIdlePower());
    EXPECT_DOUBLE_EQ(*enb->GetIdlePower(), 6 * 130.0);
    // An access point idles at its profile's P_idle.
    Ptr<WifiRadioPowerModel> ap = CreateObject<WifiRadioPowerModel>();
    ap->SetProfile(WifiProfile::AccessPoint("802.11ax"));
    ASSERT_TRUE(ap->GetIdlePower());
    EXPECT_DOUBLE_EQ(*ap->GetIdlePower(), WifiProfile::AccessPoint("802.11ax").idlePower);
    // A gNB without sleep and without SS bursts idles awake.
    Ptr<NrGnbEnergyModel> gnb = CreateObject<NrGnbEnergyModel>();
    ASSERT_TRUE(gnb->GetIdlePower());
    EXPECT_NEAR(*gnb->GetIdlePower(), gnb->GetAwakeIdlePower(), 1e-9);
    // With deep sleep allowed, a long idle stretch sleeps: less than awake, more than asleep.
    gnb->SetAttribute("Model", EnumValue(NrGnbEnergyModel::TR38864));
    gnb->SetAttribute("MaxSleepState", EnumValue(NrGnbEnergyModel::DEEP_SLEEP));
    EXPECT_LT(*gnb->GetIdlePower(), gnb->GetAwakeIdlePower());
    EXPECT_GE(*gnb->GetIdlePower(), gnb->GetSleepPower(NrGnbEnergyModel::DEEP_SLEEP));
}

TEST(PhaseRunnerTest, AScenarioWithoutATimelineRunsAsOneWindowWithNoPhasesInItsResult)
{
    const std::string text = kTwoPhases.substr(0, kTwoPhases.find("timeline:"));
    const RunResult plain = RunYaml(text);
    RunResult viaPhases = PhaseRunner(ReadYaml(text)).Run();
    EXPECT_TRUE(viaPhases.phases.empty());
    EXPECT_FALSE(viaPhases.timeline);
    viaPhases.wallSeconds = plain.wallSeconds;
    EXPECT_EQ(ResultWriter::ToJson(viaPhases), ResultWriter::ToJson(plain));
    const auto json = nlohmann::json::parse(ResultWriter::ToJson(plain));
    EXPECT_FALSE(json.contains("phases"));
    EXPECT_FALSE(json.contains("timeline"));
}

TEST(PhaseRunnerTest, ResultJsonListsEachPhaseWithEveryFlowFigure)
{
    const RunResult r = RunTimeline(kTwoPhases);
    const auto json = nlohmann::json::parse(ResultWriter::ToJson(r));
    ASSERT_EQ(json.at("phases").size(), 2u);
    const auto& evening = json.at("phases").at(1);
    EXPECT_EQ(evening.at("name"), "evening");
    EXPECT_EQ(evening.at("at_s"), 7200.0);
    EXPECT_EQ(evening.at("length_s"), 4.0);
    // A phase's flow carries the very keys of a top-level flow.
    const auto& top = json.at("flows").at(0);
    const auto& inPhase = evening.at("flows").at(0);
    for (const auto& [key, value] : top.items())
    {
        EXPECT_TRUE(inPhase.contains(key)) << key;
    }
    EXPECT_EQ(json.at("timeline").at("horizon_s"), 86400.0);
    EXPECT_EQ(json.at("energy").at("total_j"), r.energyJoules);
    const std::string csv = ResultWriter::ToPhasesCsv(r);
    EXPECT_NE(csv.find("two-phases,base,3,evening,7200.0,86400.0,4.0,probe,"), std::string::npos)
        << csv;
}

} // namespace
