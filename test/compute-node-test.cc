/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Compute nodes from YAML (doc/compute.rst): a flow through an edge server or to one has the
 * server's queueing and service inside its latency, never less than the service time plus the
 * path's light time; results report each compute node's servers, utilisation (never above 1),
 * waits and drops, per node and per flow; an overloaded node drops with its bounded queue and the
 * run ends; the servers are metered and priced; and every bad compute input is refused at its
 * place with exit status 2.
 */

#include "cli-support.h"
#include "compute-fixtures.h"
#include "helper/compute/compute-reader.h"
#include "helper/results/result-writer.h"
#include "helper/scenario/phase-runner.h"
#include "scenario-run-support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace
{

using namespace blueprint_test;
using ns3::blueprint::ComputeResult;
using ns3::blueprint::FlowResult;
using ns3::blueprint::RunResult;

const ComputeResult&
ComputeOf(const RunResult& r, const std::string& node)
{
    for (const ComputeResult& c : r.compute)
    {
        if (c.node == node)
        {
            return c;
        }
    }
    throw std::logic_error("no compute node " + node);
}

TEST(ComputeNodeTest, FlowThroughAnEdgeServerHasItsServiceInItsLatency)
{
    const RunResult r = RunYaml(Edge());
    const FlowResult& detect = FlowOf(r, "detect");
    // The path runs through the edge: camera -> router -> edge -> router -> operator.
    EXPECT_EQ(detect.linkPath,
              (std::vector<std::string>{"cams", "edge-lan", "edge-lan", "office"}));
    EXPECT_GT(detect.rxPackets, 0u);
    EXPECT_EQ(detect.rxPackets, detect.txPackets);
    // Never below the service time plus the light time of both legs; with two servers for this
    // light load a message rarely waits, so the least is within a millisecond of that floor.
    EXPECT_GE(detect.latency.min, 20.0 + detect.propagationBoundMs);
    EXPECT_LT(detect.latency.min, 21.0 + detect.propagationBoundMs);
    ASSERT_EQ(detect.compute.size(), 1u);
    EXPECT_EQ(detect.compute[0].node, "edge");
    EXPECT_EQ(detect.compute[0].served, detect.txPackets);
    EXPECT_NEAR(detect.compute[0].serviceSeconds / detect.compute[0].served, 0.020, 1e-9);
    // The mean is the floor plus the mean wait at the edge (and the network's own queueing).
    const double meanWaitMs = detect.compute[0].waitSeconds / detect.compute[0].served * 1e3;
    EXPECT_GE(detect.latency.mean, 20.0 + meanWaitMs + detect.propagationBoundMs);
}

TEST(ComputeNodeTest, TcpFlowThroughAnEdgeServerDeliversEveryMessage)
{
    const RunResult r = RunYaml(Edge("tcp"));
    const FlowResult& detect = FlowOf(r, "detect");
    EXPECT_GT(detect.txPackets, 0u);
    EXPECT_EQ(detect.rxPackets, detect.txPackets);
    EXPECT_GE(detect.latency.min, 20.0 + detect.propagationBoundMs);
}

TEST(ComputeNodeTest, RequestToAComputeNodeIsAnsweredAfterItsService)
{
    const RunResult r = RunYaml(Edge());
    const FlowResult& query = FlowOf(r, "query");
    ASSERT_TRUE(query.rtt);
    EXPECT_GT(query.rtt->samples, 0u);
    // Request and response each cross the office fibre and the edge LAN: the round trip holds
    // twice the one-way light time, and the service.
    EXPECT_GE(query.rtt->min, 20.0 + 2 * query.propagationBoundMs);
    ASSERT_EQ(query.compute.size(), 1u);
    EXPECT_EQ(query.compute[0].served, *query.answeredRequests);
}

TEST(ComputeNodeTest, MessagesToAComputeNodeAreDeliveredWhenServed)
{
    const RunResult r = RunYaml(Edge());
    const FlowResult& ingest = FlowOf(r, "ingest");
    EXPECT_GT(ingest.rxPackets, 0u);
    EXPECT_GE(ingest.latency.min, 20.0 + ingest.propagationBoundMs);
    ASSERT_EQ(ingest.compute.size(), 1u);
    EXPECT_EQ(ingest.compute[0].served, ingest.rxPackets);
}

TEST(ComputeNodeTest, ResultsReportEachComputeNodeWithUtilisationAtMostOne)
{
    const RunResult r = RunYaml(Edge());
    ASSERT_EQ(r.compute.size(), 1u);
    const ComputeResult& edge = ComputeOf(r, "edge");
    EXPECT_EQ(edge.servers, 2u);
    EXPECT_EQ(edge.queueLimit, 50u);
    EXPECT_EQ(edge.service, "deterministic, mean 20 ms");
    // Every flow's messages at the edge, counted once by the node and once per flow.
    uint64_t perFlow = 0;
    for (const FlowResult& f : r.flows)
    {
        for (const auto& stage : f.compute)
        {
            perFlow += stage.served;
        }
    }
    EXPECT_EQ(edge.served, perFlow);
    EXPECT_EQ(edge.dropped, 0u);
    // Offered: 4 cameras x 10/s + 20/s of queries + 4 x 5/s of ingest, 20 ms each, on 2 servers:
    // (40 + 20 + 20) x 0.02 / 2 = 0.8 (the members' start offsets trim the first interval).
    EXPECT_GT(edge.GetUtilisation(), 0.7);
    EXPECT_LE(edge.GetUtilisation(), 0.8 + 1e-9);
    // result.json carries the contract's fields.
    const auto json = nlohmann::json::parse(ns3::blueprint::ResultWriter::ToJson(r));
    const auto& node = json.at("compute").at(0);
    EXPECT_EQ(node.at("node"), "edge");
    EXPECT_EQ(node.at("servers"), 2);
    EXPECT_DOUBLE_EQ(node.at("utilisation").get<double>(), edge.GetUtilisation());
    EXPECT_NEAR(node.at("mean_service_ms").get<double>(), 20.0, 1e-9);
    EXPECT_TRUE(node.contains("mean_wait_ms"));
    EXPECT_EQ(json.at("flows").at(0).at("compute").at(0).at("node"), "edge");
    // A flow no compute node serves keeps the fields it always had.
    const auto plainJson =
        nlohmann::json::parse(ns3::blueprint::ResultWriter::ToJson(RunYaml(kValid)));
    EXPECT_FALSE(plainJson.contains("compute"));
    EXPECT_FALSE(plainJson.at("flows").at(0).contains("compute"));
}

TEST(ComputeNodeTest, OverloadedComputeNodeDropsWithItsBoundedQueueAndTheRunEnds)
{
    // One server of 100 ms for 4 cameras at 10 messages a second each: four times what it
    // serves. Its room of 50 fills; three quarters of the detections are dropped.
    std::string text = Edge();
    text.replace(text.find("servers: 2"), 10, "servers: 1");
    text.replace(text.find("mean: 20ms"), 10, "mean: 100ms");
    const RunResult r = RunYaml(text);
    const ComputeResult& edge = ComputeOf(r, "edge");
    EXPECT_GT(edge.dropped, 0u);
    EXPECT_LE(edge.GetUtilisation(), 1.0);
    EXPECT_GT(edge.GetUtilisation(), 0.95);
    EXPECT_EQ(edge.maxQueue, 50u);
    const FlowResult& detect = FlowOf(r, "detect");
    EXPECT_GT(detect.lossRatio, 0.5);
    EXPECT_EQ(detect.verdict, ns3::blueprint::Verdict::Fail);
    ASSERT_EQ(detect.compute.size(), 1u);
    EXPECT_GT(detect.compute[0].dropped, 0u);
    // The wait grows towards a full room's worth of services: 50 x 100 ms.
    EXPECT_GT(edge.waitSeconds / edge.served, 1.0);
    EXPECT_LE(edge.waitSeconds / edge.served, 5.1);
}

TEST(ComputeNodeTest, ServersAreMeteredAndPricedPerServer)
{
    std::string text = Edge();
    text.replace(text.find("service: {distribution"),
                 0,
                 "power: {idle: 100W, max: 300W}, cost: {capex: 2M, opex_per_year: 100k, "
                 "lifetime_years: 4}, ");
    const RunResult r = RunYaml(text);
    const ComputeResult& edge = ComputeOf(r, "edge");
    // 2 x 100 W for the run (4 s + 1 s of drain) plus 200 W per busy server-second, at the data
    // centre PUE of 1.58 (the site has none of its own).
    const double busy = edge.serviceSeconds; // every service ended within the run
    EXPECT_NEAR(edge.energyJoules, 1.58 * (2 * 100 * 5.0 + 200 * busy), 1e-6);
    EXPECT_DOUBLE_EQ(r.energyByTechnology.at("compute"), edge.energyJoules);
    EXPECT_DOUBLE_EQ(r.annualisedByTechnology.at("compute"), 2 * (2e6 / 4 + 100e3));
    // The node's own profile (an end device) is not reported as missing figures: its servers
    // carry them.
    for (const auto& u : r.unmetered)
    {
        EXPECT_NE(u.node, "edge");
    }
}

TEST(ComputeNodeTest, AGroupsServersDrawNothingWhileItsPowerIsLost)
{
    // Two edge members, each with two servers; the mains go at 2 s of the 4 s run and there is
    // no battery: from then on the servers are dark and their energy stops.
    std::string text = Edge();
    text.replace(text.find("    site: edge-site\n    compute: {"), 0, "    count: 2\n");
    text.replace(text.find("service: {distribution"), 0, "power: {idle: 100W, max: 300W}, ");
    text += "events:\n  - {at: 2s, power_loss: edge}\n";
    const RunResult r = RunYaml(text);
    const ComputeResult& edge = ComputeOf(r, "edge");
    ASSERT_EQ(edge.members, 2u);
    // 2 members x 2 servers x 100 W for the 2 s they had power, plus 200 W per busy
    // server-second then, at the data centre PUE of 1.58; at most every service's.
    const double idle = 1.58 * 2 * 2 * 100 * 2.0;
    EXPECT_GE(edge.energyJoules, idle);
    EXPECT_LE(edge.energyJoules, idle + 1.58 * 200 * edge.serviceSeconds);
    EXPECT_LT(edge.energyJoules, 1.58 * 2 * 2 * 100 * 5.0) << "less than idle for the whole run";
    // Dark, they receive nothing: the detections sent after the loss are lost.
    EXPECT_GT(FlowOf(r, "detect").lossRatio, 0.3);
}

TEST(ComputeNodeTest, TimelinePoolsEachComputeNodeOverItsPhases)
{
    // Two windows of 4 s, the second with a third server: the timeline's counts are the
    // windows' sums and its utilisation the busy time over both windows' capacity.
    std::string text = Edge();
    text.replace(
        text.find("flows:"),
        0,
        "timeline:\n  horizon: 1h\n  phases:\n    - {name: morning, at: 0s}\n"
        "    - {name: evening, at: 30min, changes: {nodes: {edge: {compute: {servers: 3}}}}}"
        "\n");
    const ns3::blueprint::ScenarioSpec spec = ReadYaml(text);
    const RunResult r = ns3::blueprint::PhaseRunner(spec).Run();
    ASSERT_EQ(r.phases.size(), 2u);
    const ComputeResult& edge = ComputeOf(r, "edge");
    const ComputeResult morning = ComputeOf(RunYaml(Edge()), "edge");
    EXPECT_EQ(edge.servers, 2u); // the first window's, as the node is written
    EXPECT_GT(edge.served, morning.served);
    EXPECT_EQ(edge.served,
              FlowOf(r, "detect").compute.at(0).served + FlowOf(r, "query").compute.at(0).served +
                  FlowOf(r, "ingest").compute.at(0).served);
    // Capacity: 2 servers x 4 s in the morning, 3 x 4 s in the evening.
    EXPECT_NEAR(edge.GetUtilisation(), edge.busySeconds / (2 * 4.0 + 3 * 4.0), 1e-12);
    EXPECT_LT(edge.GetUtilisation(), morning.GetUtilisation());
}

TEST(ComputeNodeTest, ServiceTimeDistributionsTakeMeanAndCv)
{
    using ns3::blueprint::ReadCompute;
    auto read = [](const std::string& service) {
        const std::string written = "{distribution: deterministic, mean: 20ms}";
        std::string text = Edge();
        text.replace(text.find(written), written.size(), service);
        return *ReadYaml(text).FindNode("edge")->compute;
    };
    const auto lognormal = read("{distribution: lognormal, mean: 20ms, cv: 0.5}");
    EXPECT_EQ(lognormal.serviceType, "ns3::LogNormalRandomVariable");
    // sigma^2 = ln(1.25), mu = ln(0.02) - sigma^2 / 2
    EXPECT_NEAR(std::stod(lognormal.serviceAttributes.at("Sigma")),
                std::sqrt(std::log(1.25)),
                1e-12);
    EXPECT_NEAR(std::stod(lognormal.serviceAttributes.at("Mu")),
                std::log(0.02) - std::log(1.25) / 2,
                1e-12);
    const auto gamma = read("{distribution: gamma, mean: 20ms, cv: 0.5}");
    EXPECT_NEAR(std::stod(gamma.serviceAttributes.at("Alpha")), 4, 1e-12);
    EXPECT_NEAR(std::stod(gamma.serviceAttributes.at("Beta")), 0.005, 1e-12);
    const auto exponential = read("{distribution: exponential, mean: 20ms}");
    EXPECT_NEAR(std::stod(exponential.serviceAttributes.at("Mean")), 0.02, 1e-15);
    const auto typed = read("{distribution: ns3::UniformRandomVariable, attributes: {Min: 0.01, "
                            "Max: 0.03}}");
    EXPECT_EQ(typed.serviceType, "ns3::UniformRandomVariable");
    EXPECT_EQ(typed.serviceAttributes.at("Max"), "0.03");
    EXPECT_FALSE(typed.meanSeconds);
}

std::vector<MalformedCase>
ComputeCases()
{
    const std::string valid = Edge();
    const std::string service = "{distribution: deterministic, mean: 20ms}";
    return {
        ChangedCase(valid,
                    "ComputeWithNoServers",
                    {{"servers: 2", "servers: 0"}},
                    "0,",
                    "servers must be 1 to 100,000",
                    "servers:"),
        ChangedCase(valid,
                    "ComputeWithANegativeServiceTime",
                    {{"mean: 20ms", "mean: -20ms"}},
                    "-20ms",
                    "duration '-20ms' must not be negative"),
        ChangedCase(valid,
                    "ComputeWithAZeroServiceTime",
                    {{"mean: 20ms", "mean: 0ms"}},
                    "0ms",
                    "mean must be greater than zero"),
        ChangedCase(valid,
                    "ComputeWithAnUnknownDistribution",
                    {{"distribution: deterministic", "distribution: lognormel"}},
                    "lognormel",
                    "did you mean 'lognormal'?"),
        ChangedCase(valid,
                    "ComputeWithANegativeQueue",
                    {{"queue: 50", "queue: -1"}},
                    "-1",
                    "queue (requests that may wait) must be 0"),
        ChangedCase(valid,
                    "ComputeCvOnADeterministicService",
                    {{service, "{distribution: deterministic, mean: 20ms, cv: 0.3}"}},
                    "0.3",
                    "'cv' does not apply to deterministic"),
        ChangedCase(valid,
                    "ComputeLognormalWithoutCv",
                    {{service, "{distribution: lognormal, mean: 20ms}"}},
                    "{distribution: lognormal",
                    "node 'edge' compute service: missing required key 'cv'",
                    "compute:"),
        ChangedCase(valid,
                    "ComputeWithAnUnknownKey",
                    {{"queue: 50", "queu: 50"}},
                    "queu",
                    "did you mean 'queue'?"),
        ChangedCase(valid,
                    "ComputeMaxPowerBelowIdle",
                    {{"queue: 50,", "queue: 50, power: {idle: 200W, max: 100W},"}},
                    "100W",
                    "max power is below idle power"),
        ChangedCase(valid,
                    "ComputeOnAServerProfile",
                    {{"    site: edge-site\n", "    site: edge-site\n    equipment: server\n"}},
                    "server\n",
                    "would count them twice",
                    "equipment: "),
        ChangedCase(valid,
                    "ViaANodeWithoutCompute",
                    {{"via: edge", "via: router"}},
                    "router\n",
                    "via 'router': the node has no compute: block",
                    "via: "),
        ChangedCase(valid,
                    "ViaAnUnknownNode",
                    {{"via: edge", "via: edg"}},
                    "edg\n",
                    "did you mean 'edge'?",
                    "via: "),
        ChangedCase(valid,
                    "ViaOnARequestResponseFlow",
                    {{"    to: edge\n", "    to: camera\n    via: edge\n"}},
                    "edge\n    traffic: {pattern: request_response",
                    "answered by its 'to' node",
                    "query:"),
    };
}

INSTANTIATE_TEST_SUITE_P(Compute,
                         MalformedScenarioTest,
                         ::testing::ValuesIn(ComputeCases()),
                         [](const ::testing::TestParamInfo<MalformedCase>& info) {
                             return info.param.name;
                         });

} // namespace
