/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * What a run judges, end to end through ScenarioRunner: a request-response flow is judged on its
 * round trips (an unanswered request is lost, wherever it was lost), and a run reports no verdict
 * where nothing was required. What result.json keeps for a report to draw: each delay
 * distribution as a whole, each requirement's threshold as a number, the time the energy covers.
 */

#include "helper/results/result-writer.h"
#include "helper/scenario/flow-judgement.h"
#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;

RunResult
RunScenario(const std::string& text)
{
    return ScenarioRunner(ScenarioDocument::FromString(text, "judged.yaml").Resolve("base")).Run();
}

/// A server polls a home PC over ADSL2+ every 5 ms. The 100-byte requests go down an 8 Mbit/s
/// line with room to spare; the 1400-byte responses (2.24 Mbit/s) go up a 1 Mbit/s line, so
/// about half of them never come back.
const std::string kPolling = R"(blueprint: 1
name: polling
duration: 5s
sites:
  exchange: {position: [0km, 0km]}
  home: {position: [1km, 0km]}
nodes:
  dslam: {site: exchange, equipment: router}
  pc: {site: home}
  server: {site: exchange, equipment: server}
links:
  line: {between: [dslam, pc], profile: adsl2plus, rate_down: 8Mbps, rate_up: 1Mbps}
  lan: {between: [server, dslam], profile: ethernet, rate: 1Gbps, length: 10m}
flows:
  poll:
    from: server
    to: pc
    traffic: {pattern: request_response, interval: 5ms, size: 100B, response_size: 1400B}
    requirements: {rtt: 2s, reliability: 90%, loss: 5%}
)";

TEST(FlowJudgementTest, UnansweredRequestIsLostInTheFlowsLossAndItsRttRequirement)
{
    const RunResult r = RunScenario(kPolling);
    const FlowResult& f = r.flows.at(0);
    ASSERT_TRUE(f.rtt && f.answeredRequests);
    EXPECT_EQ(f.txPackets, 1000u);
    // Every request reached the PC: one-way, nothing was lost.
    EXPECT_EQ(f.rxPackets, f.txPackets);
    // The responses that never came back are the flow's loss.
    const uint64_t answered = *f.answeredRequests;
    EXPECT_EQ(f.rtt->samples, answered);
    EXPECT_LT(answered, f.txPackets * 7 / 10);
    EXPECT_DOUBLE_EQ(f.lossRatio, double(f.txPackets - answered) / f.txPackets);
    ASSERT_EQ(f.requirements.size(), 2u);
    // Even the 2 s deadline cannot pass: unanswered requests count as failures.
    EXPECT_EQ(f.requirements[0].metric, "rtt");
    EXPECT_EQ(f.requirements[0].verdict, Verdict::Fail);
    EXPECT_NE(f.requirements[0].measured.find(" of 1000"), std::string::npos)
        << f.requirements[0].measured;
    EXPECT_EQ(f.requirements[1].metric, "loss");
    EXPECT_EQ(f.requirements[1].verdict, Verdict::Fail);
    EXPECT_EQ(r.verdict, Verdict::Fail);
}

/// Two hosts on fiber; `f2` has whatever requirements are spliced in.
std::string
TwoFlows(const std::string& requirements)
{
    return R"(blueprint: 1
name: two-flows
duration: 1s
sites:
  a: {position: [0km, 0km]}
  b: {position: [10km, 0km]}
nodes:
  h1: {site: a}
  h2: {site: b}
links:
  l1: {between: [h1, h2], profile: fiber, rate: 1Gbps}
flows:
  f1: {from: h1, to: h2, traffic: {pattern: periodic, interval: 10ms, size: 100B}}
  f2: {from: h2, to: h1, traffic: {pattern: periodic, interval: 1ms, size: 100B})" +
           requirements + "}\n";
}

TEST(FlowJudgementTest, NothingRequiredIsNoVerdictAndPassesNothing)
{
    const RunResult none = RunScenario(TwoFlows(""));
    EXPECT_EQ(none.flows[0].verdict, Verdict::None);
    EXPECT_EQ(none.flows[1].verdict, Verdict::None);
    EXPECT_EQ(none.verdict, Verdict::None);

    // One flow's requirement decides the run; the other flow still has no verdict of its own.
    const RunResult one = RunScenario(TwoFlows(", requirements: {latency: 5ms, reliability: 99%}"));
    EXPECT_EQ(one.flows[0].verdict, Verdict::None);
    EXPECT_EQ(one.flows[1].verdict, Verdict::Pass);
    EXPECT_EQ(one.verdict, Verdict::Pass);
}

TEST(FlowJudgementTest, DelaySummaryKeepsTheWholeDistributionAsQuantiles)
{
    // 1, 2, ..., 1000 ms: the nearest-rank q-quantile is ceil(1000 q) ms.
    LatencyDigest d;
    for (int ms = 1000; ms >= 1; --ms)
    {
        d.Add(ms * 1e-3);
    }
    const DelaySummary s = SummariseDelays(d);
    ASSERT_EQ(s.cdf.size(), DelayCdfShares().size());
    ASSERT_EQ(s.cdf.size(), 104u);
    EXPECT_DOUBLE_EQ(s.cdf.front().first, 0);
    EXPECT_NEAR(s.cdf.front().second, s.min, 1e-9);
    EXPECT_DOUBLE_EQ(s.cdf.back().first, 1);
    EXPECT_NEAR(s.cdf.back().second, s.max, 1e-9);
    EXPECT_NEAR(s.cdf[50].second, s.p50, 1e-9);
    EXPECT_NEAR(s.cdf[99].second, s.p99, 1e-9);
    EXPECT_NEAR(s.cdf[37].second, 370, 1e-9);
    EXPECT_NEAR(s.cdf[101].second, 999, 1e-9); // 99.9 %
    for (std::size_t i = 1; i < s.cdf.size(); ++i)
    {
        EXPECT_GT(s.cdf[i].first, s.cdf[i - 1].first);
        EXPECT_GE(s.cdf[i].second, s.cdf[i - 1].second);
    }
    // Nothing delivered: no distribution to draw.
    EXPECT_TRUE(SummariseDelays(LatencyDigest()).cdf.empty());
}

TEST(FlowJudgementTest, ResultStatesEachRequirementsThresholdAndTheTimeItsEnergyCovers)
{
    const RunResult r = RunScenario(TwoFlows(", requirements: {latency: 5ms, reliability: 99.9%, "
                                             "throughput: 600kbps, loss: 2%}"));
    const nlohmann::json j = nlohmann::json::parse(ResultWriter::ToJson(r));
    const auto& reqs = j["flows"][1]["requirements"];
    ASSERT_EQ(reqs.size(), 3u);
    EXPECT_EQ(reqs[0]["metric"], "latency");
    EXPECT_DOUBLE_EQ(reqs[0]["limit_ms"].get<double>(), 5);
    EXPECT_DOUBLE_EQ(reqs[0]["reliability"].get<double>(), 0.999);
    EXPECT_EQ(reqs[1]["metric"], "throughput");
    EXPECT_DOUBLE_EQ(reqs[1]["limit_bps"].get<double>(), 600e3);
    EXPECT_EQ(reqs[2]["metric"], "loss");
    EXPECT_DOUBLE_EQ(reqs[2]["limit_ratio"].get<double>(), 0.02);
    // 1 s of traffic and the default 1 s drain, which the meter runs through.
    EXPECT_DOUBLE_EQ(j["energy"]["metered_s"].get<double>(), 2);
    const auto& cdf = j["flows"][1]["latency_ms"]["cdf"];
    ASSERT_EQ(cdf.size(), 104u);
    EXPECT_DOUBLE_EQ(cdf[99][1].get<double>(), j["flows"][1]["latency_ms"]["p99"].get<double>());
}

} // namespace
