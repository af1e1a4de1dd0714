/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * What a run judges, end to end through ScenarioRunner: a request-response flow is judged on its
 * round trips (an unanswered request is lost, wherever it was lost), and a run reports no verdict
 * where nothing was required.
 */

#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"

#include <gtest/gtest.h>
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

} // namespace
