/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Where the milliseconds go and who is starved, as a planner reads them: result.json's `segments`
 * and `members` per flow, flows.csv's split and worst-member columns, and `--breakdown`'s table
 * (doc/metrics.rst, doc/cli.rst).
 */

#include "cli-support.h"
#include "helper/results/breakdown-table.h"

#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

using namespace blueprint_test;

namespace
{

/// Six sensors fan in to a gateway over fibre, the gateway reaches a server; the last sensor's
/// line is a slow copper one.
const std::string kSensors = R"(blueprint: 1
name: sensors
duration: 0.5s
sites:
  town: {position: [0km, 0km]}
  dc: {position: [20km, 0km]}
nodes:
  sensors: {site: town, count: 6, placement: {radius: 1km}}
  gateway: {site: town, equipment: router}
  server: {site: dc, equipment: server}
links:
  field: {between: [gateway, sensors], profile: fiber, rate: 100Mbps}
  uplink: {between: [server, gateway], profile: fiber, rate: 10Gbps}
flows:
  readings: {from: sensors, to: server, traffic: {pattern: periodic, interval: 10ms, size: 200B}}
  poll: {from: server, to: sensors, traffic: {pattern: request_response, interval: 20ms,
         size: 100B}}
)";

/// flows.csv as one map of column to value per row.
std::vector<std::map<std::string, std::string>>
ReadCsv(const std::string& text)
{
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    std::vector<std::string> header;
    std::istringstream h(line);
    for (std::string cell; std::getline(h, cell, ',');)
    {
        header.push_back(cell);
    }
    std::vector<std::map<std::string, std::string>> rows;
    while (std::getline(in, line))
    {
        std::map<std::string, std::string> row;
        std::istringstream r(line);
        std::string cell;
        for (std::size_t i = 0; i < header.size(); ++i)
        {
            std::getline(r, cell, ',');
            row[header[i]] = cell;
        }
        rows.push_back(row);
    }
    return rows;
}

TEST(BreakdownCliTest, ResultJsonAndFlowsCsvCarryTheSplitAndTheWorstMember)
{
    TempDir dir;
    const std::string file = dir.Write("sensors.yaml", kSensors);
    const CommandResult r = Blueprint("run " + file + " --out " + dir.Path() + "/o", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    // Without --breakdown, the table stays as it was.
    EXPECT_EQ(r.out.find("where the milliseconds go"), std::string::npos);
    const nlohmann::json j = nlohmann::json::parse(ReadFile(dir.Path() + "/o/result.json"));
    for (const auto& f : j["flows"])
    {
        SCOPED_TRACE(f["name"].get<std::string>());
        double sum = 0;
        for (const auto& s : f["segments"])
        {
            EXPECT_TRUE(s.contains("segment") && s.contains("kind") && s.contains("mean_ms"));
            sum += s["mean_ms"].get<double>();
        }
        const double mean = f.contains("rtt_ms") ? f["rtt_ms"]["mean"].get<double>()
                                                 : f["latency_ms"]["mean"].get<double>();
        EXPECT_NEAR(sum, mean, 1e-9 * mean);
        const auto& members = f["members"];
        EXPECT_EQ(members["count"], 6);
        EXPECT_EQ(members["sending"], 6);
        EXPECT_EQ(members["jain_index"], 1.0);
        EXPECT_EQ(members["worst"]["loss_pct"], 0.0);
        EXPECT_EQ(members["worst"]["member"].get<std::string>().rfind("sensors[", 0), 0u);
        EXPECT_GT(members["worst"]["p99_ms"].get<double>(), 0);
        EXPECT_GT(members["worst"]["throughput_mbps"].get<double>(), 0);
    }
    const auto rows = ReadCsv(ReadFile(dir.Path() + "/o/flows.csv"));
    ASSERT_EQ(rows.size(), 2u);
    for (const auto& row : rows)
    {
        SCOPED_TRACE(row.at("flow"));
        double split = 0;
        for (const char* kind : {"radio_access",
                                 "satellite",
                                 "haps",
                                 "microwave",
                                 "optical",
                                 "wired",
                                 "queueing",
                                 "processing",
                                 "transport",
                                 "other"})
        {
            split += std::stod(row.at(std::string("split_") + kind + "_ms"));
        }
        const bool roundTrip = row.at("flow") == "poll";
        const double mean = std::stod(row.at(roundTrip ? "rtt_mean_ms" : "latency_mean_ms"));
        EXPECT_NEAR(split, mean, 1e-9 * mean);
        EXPECT_GT(std::stod(row.at("split_optical_ms")), 0);
        EXPECT_EQ(row.at("worst_member").rfind("sensors[", 0), 0u);
        EXPECT_EQ(row.at("jain_index"), "1.0");
    }
}

TEST(BreakdownCliTest, BreakdownPrintsWhereTheMillisecondsGoAndWhoIsWorst)
{
    TempDir dir;
    const std::string file = dir.Write("sensors.yaml", kSensors);
    const CommandResult r =
        Blueprint("run " + file + " --out " + dir.Path() + "/o --breakdown", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    for (const char* text : {"where the milliseconds go",
                             "field queue at sensors",
                             "uplink (request)",
                             "processing at sensors",
                             "one-way, mean",
                             "round trip, mean",
                             "6 of 6 members sent; worst sensors[",
                             "Jain's index 1.000"})
    {
        EXPECT_NE(r.out.find(text), std::string::npos) << text << " in:\n" << r.out;
    }
    const CommandResult c =
        Blueprint("compare " + file + " --out " + dir.Path() + "/c --breakdown", dir);
    ASSERT_EQ(c.status, 0) << c.err;
    EXPECT_NE(c.out.find("configuration  flow"), std::string::npos) << c.out;
}

TEST(BreakdownCliTest, AGroupFlowThatDeliveredNothingStillNamesItsWorstMember)
{
    // Every phone out of reach: no segments (nothing arrived), but who is starved is the news.
    ns3::blueprint::RunResult run;
    run.configuration = "base";
    ns3::blueprint::FlowResult f;
    f.name = "reports";
    f.members = 4;
    ns3::blueprint::GroupMembers g;
    g.sending = 4;
    g.worst = "phones[0]";
    g.worstLossRatio = 1;
    f.groupMembers = g;
    run.flows.push_back(f);
    const std::string out = ns3::blueprint::BreakdownTable({run}, false);
    EXPECT_NE(out.find("reports  nothing delivered"), std::string::npos) << out;
    EXPECT_NE(out.find("4 of 4 members sent; worst phones[0]: nothing delivered, 0.000 Mbit/s, "
                       "loss 100.000 %; Jain's index -"),
              std::string::npos)
        << out;
    EXPECT_EQ(out.find("no flow delivered anything"), std::string::npos) << out;
}

TEST(BreakdownCliTest, BreakdownOverSeedsIsRefused)
{
    TempDir dir;
    const std::string file = dir.Write("sensors.yaml", kSensors);
    const CommandResult r = Blueprint("compare " + file + " --seeds 1..2 --breakdown", dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--breakdown goes with one seed"), std::string::npos) << r.err;
}

} // namespace
