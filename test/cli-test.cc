/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * End-to-end tests of the blueprint command: malformed scenarios give FILE:LINE:COL messages and
 * exit status 2 with nothing written; runs are reproducible; alternatives change only what they
 * name. The command is run as a child process, as a user runs it.
 */

#include "cli-support.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace
{

using namespace blueprint_test;

TEST_P(MalformedScenarioTest, ReportsFileLineColumnAndExitsTwo)
{
    const MalformedCase& c = GetParam();
    TempDir dir;
    std::string file = dir.Write("scenario.yaml", c.text);
    std::string outDir = dir.Path() + "/out";
    CommandResult r = Blueprint("run " + file + " --out " + outDir, dir);
    EXPECT_EQ(r.status, 2) << r.err;
    std::string where = file + ":" + std::to_string(c.line) + ":" + std::to_string(c.column) + ": ";
    EXPECT_EQ(r.err.rfind(where, 0), 0u) << "stderr was: " << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << "stderr was: " << r.err;
    EXPECT_FALSE(fs::exists(outDir + "/result.json"));
    EXPECT_FALSE(fs::exists(outDir + "/flows.csv"));
    // validate finds the same problem.
    CommandResult v = Blueprint("validate " + file, dir);
    EXPECT_EQ(v.status, 2);
    EXPECT_EQ(v.err, r.err);
}

INSTANTIATE_TEST_SUITE_P(
    Cli,
    MalformedScenarioTest,
    ::testing::Values(
        MalformedCase{"UnknownTopKey",
                      Mutate("duration: 1s", "duraton: 1s"),
                      3,
                      1,
                      "unknown key 'duraton' in scenario; did you mean 'duration'?"},
        MalformedCase{"DurationGivenARate",
                      Mutate("duration: 1s", "duration: 1Mbps"),
                      3,
                      11,
                      "data rate"},
        MalformedCase{"NegativeDuration",
                      Mutate("duration: 1s", "duration: -1s"),
                      3,
                      11,
                      "negative"},
        MalformedCase{"UnknownUnit",
                      Mutate("interval: 10ms", "interval: 10 fortnights"),
                      14,
                      65,
                      "unit"},
        MalformedCase{"DanglingSite",
                      Mutate("h2: {site: b}", "h2: {site: c}"),
                      10,
                      14,
                      "unknown site 'c'"},
        MalformedCase{"DanglingLinkEnd",
                      Mutate("[h1, h2]", "[h1, h3]"),
                      12,
                      22,
                      "unknown node 'h3'"},
        MalformedCase{"ProfileTypo",
                      Mutate("profile: fiber", "profile: fibre"),
                      12,
                      36,
                      "did you mean 'fiber'?"},
        MalformedCase{"FiberWithoutRate",
                      Mutate(", rate: 1Gbps}", "}"),
                      12,
                      36,
                      "give the link a rate"},
        MalformedCase{"PatternTypo",
                      Mutate("pattern: periodic", "pattern: periodc"),
                      14,
                      45,
                      "did you mean 'periodic'?"},
        MalformedCase{"YamlSyntax",
                      Mutate("[0km, 0km]}", "[0km, 0km}"),
                      6,
                      26,
                      "did not find expected ',' or ']'"},
        MalformedCase{"DuplicateKey",
                      Mutate("  h2: {site: b}", "  h1: {site: b}"),
                      10,
                      3,
                      "duplicate key 'h1'"},
        MalformedCase{"CountNotANumber",
                      Mutate("h2: {site: b}", "h2: {site: b, count: many}"),
                      10,
                      24,
                      "integer"},
        MalformedCase{"CountZero",
                      Mutate("h2: {site: b}", "h2: {site: b, count: 0}"),
                      10,
                      24,
                      "count must be 1 to 1,000,000"},
        MalformedCase{"ReliabilityHundredPercent",
                      Mutate("arrivals: poisson}}",
                             "arrivals: poisson}, requirements: {latency: 1ms, reliability: "
                             "100%}}"),
                      14,
                      145,
                      "below 100 %"},
        MalformedCase{"StopBeforeStart",
                      Mutate("f1: {from: h1,", "f1: {start: 0.5s, stop: 0.2s, from: h1,"),
                      14,
                      27,
                      "stop must be after start"},
        MalformedCase{"CopperBeyondReach",
                      Mutate("profile: fiber, rate: 1Gbps", "profile: adsl2plus"),
                      12,
                      3,
                      "exceeds the reach"},
        MalformedCase{"FlowToItself",
                      Mutate("to: h2, traffic", "to: h1, traffic"),
                      14,
                      22,
                      "to itself"},
        MalformedCase{
            "RttWithoutRequestResponse",
            Mutate("arrivals: poisson}}", "arrivals: poisson}, requirements: {rtt: 5ms}}"),
            14,
            123,
            "rtt applies only to request_response"},
        MalformedCase{"TrafficKeyTypo",
                      Mutate("interval: 10ms", "intervall: 10ms"),
                      14,
                      55,
                      "did you mean 'interval'?"},
        MalformedCase{"WrongFormatVersion",
                      Mutate("blueprint: 1", "blueprint: 2"),
                      1,
                      12,
                      "format 1"},
        MalformedCase{"GroupSizesDiffer",
                      Mutate("h1: {site: a}\n  h2: {site: b}",
                             "h1: {site: a, count: 3}\n  h2: {site: b, count: 2}"),
                      12,
                      17,
                      "joins groups of different sizes (h1: 3, h2: 2); the larger group must be "
                      "a whole multiple"},
        MalformedCase{"UnknownAttributeDefault",
                      Mutate("seed: 3", "seed: 3\ndefaults: {ns3::TcpSocket::SegmentSise: 1000}"),
                      5,
                      12,
                      "did you mean 'SegmentSize'?"},
        MalformedCase{"VideoFramesSmallerThanHeader",
                      Mutate("{pattern: periodic, interval: 10ms, size: 100B, arrivals: poisson}",
                             "{pattern: video, rate: 5kbps, frame_rate: 30}"),
                      14,
                      58,
                      "frames smaller than the 28 B timestamp header"},
        MalformedCase{"BulkSmallerThanHeader",
                      Mutate("{pattern: periodic, interval: 10ms, size: 100B, arrivals: poisson}",
                             "{pattern: bulk, size: 10B}"),
                      14,
                      57,
                      "at least one 28 B timestamp header"},
        MalformedCase{"QueueNotASize",
                      Mutate("rate: 1Gbps}", "rate: 1Gbps, queue: lots}"),
                      12,
                      63,
                      "queue must be a packet count such as 100p"},
        MalformedCase{
            "CurrencyWithoutOwnCosts",
            Mutate("seed: 3", "seed: 3\neconomics: {currency: USD}"),
            5,
            23,
            "the catalogue costs are in JPY, but link 'l1' has no cost of its own in USD"},
        MalformedCase{"MissingFlows",
                      kValid.substr(0, kValid.find("flows:")),
                      1,
                      1,
                      "missing required key 'flows'"}),
    [](const ::testing::TestParamInfo<MalformedCase>& info) { return info.param.name; });

TEST(CliTest, UnlinkedFlowEndHasNoRoute)
{
    TempDir dir;
    std::string text = Mutate("  h2: {site: b}\n", "  h2: {site: b}\n  h3: {site: b}\n");
    text = text.substr(0, text.find("  f1:")) +
           "  f1: {from: h1, to: h3, traffic: {pattern: periodic, interval: 10ms, size: 100B}}\n";
    std::string file = dir.Write("s.yaml", text);
    CommandResult r = Blueprint("validate " + file, dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err.rfind(file + ":15:3: flow 'f1': no route from 'h1' to 'h3'", 0), 0u) << r.err;
}

TEST(CliTest, MissingFileIsAnInputError)
{
    TempDir dir;
    CommandResult r = Blueprint("run " + dir.Path() + "/nope.yaml", dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err.rfind(dir.Path() + "/nope.yaml: ", 0), 0u) << r.err;
}

TEST(CliTest, UnwritableOutputFolderIsAnInputErrorAndNothingRuns)
{
    TempDir dir;
    std::string file = dir.Write("s.yaml", kValid);
    std::string blocker = dir.Write("blocker", "a file, not a folder");
    CommandResult r = Blueprint("run " + file + " --out " + blocker + "/out", dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err.rfind(blocker + "/out: cannot create the output folder", 0), 0u) << r.err;
}

TEST(CliTest, BadSetOverrideNamesTheOverride)
{
    TempDir dir;
    std::string file = dir.Write("s.yaml", kValid);
    CommandResult r = Blueprint("run " + file + " --set links.l1.rate=fast", dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err.rfind("--set links.l1.rate=fast: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("data rate"), std::string::npos) << r.err;
}

TEST(CliTest, UnknownAlternativeAndBadCommandLine)
{
    TempDir dir;
    std::string file = dir.Write("s.yaml", kValid);
    CommandResult r = Blueprint("run " + file + " --alternative fast", dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("no alternative named 'fast'"), std::string::npos) << r.err;
    r = Blueprint("run " + file + " --seed -4", dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--seed needs a positive integer"), std::string::npos) << r.err;
    r = Blueprint("fly " + file, dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("unknown command 'fly'"), std::string::npos) << r.err;
}

/// result.json without the wall-clock field.
nlohmann::json
StableResult(const std::string& path)
{
    nlohmann::json j = nlohmann::json::parse(ReadFile(path));
    j["runtime"].erase("wall_s");
    return j;
}

TEST(CliTest, SameSeedSameResultDifferentSeedDifferentRandomParts)
{
    TempDir dir;
    std::string file = dir.Write("s.yaml", kValid);
    ASSERT_EQ(Blueprint("run " + file + " --out " + dir.Path() + "/a", dir).status, 0);
    ASSERT_EQ(Blueprint("run " + file + " --out " + dir.Path() + "/b", dir).status, 0);
    ASSERT_EQ(Blueprint("run " + file + " --seed 4 --out " + dir.Path() + "/c", dir).status, 0);
    nlohmann::json a = StableResult(dir.Path() + "/a/result.json");
    nlohmann::json b = StableResult(dir.Path() + "/b/result.json");
    nlohmann::json c = StableResult(dir.Path() + "/c/result.json");
    EXPECT_EQ(a.dump(), b.dump());
    EXPECT_EQ(ReadFile(dir.Path() + "/a/flows.csv"), ReadFile(dir.Path() + "/b/flows.csv"));
    EXPECT_EQ(c["seed"], 4);
    // Poisson arrivals: another seed sends a different number of packets.
    EXPECT_NE(a["flows"][0]["tx_packets"], c["flows"][0]["tx_packets"]);
}

TEST(CliTest, RunWritesTheOutputContract)
{
    TempDir dir;
    std::string file = dir.Write("s.yaml", kValid);
    CommandResult r = Blueprint("run " + file + " --out " + dir.Path() + "/o", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    nlohmann::json j = nlohmann::json::parse(ReadFile(dir.Path() + "/o/result.json"));
    for (const char* key : {"scenario",
                            "configuration",
                            "seed",
                            "duration_s",
                            "flows",
                            "energy",
                            "cost",
                            "verdict",
                            "runtime"})
    {
        EXPECT_TRUE(j.contains(key)) << key;
    }
    const auto& f = j["flows"][0];
    for (const char* key : {"name",
                            "from",
                            "to",
                            "technology_path",
                            "tx_packets",
                            "rx_packets",
                            "loss_ratio",
                            "throughput_bps",
                            "latency_ms",
                            "jitter_ms"})
    {
        EXPECT_TRUE(f.contains(key)) << key;
    }
    for (const char* key : {"mean", "p50", "p95", "p99", "max"})
    {
        EXPECT_TRUE(f["latency_ms"].contains(key)) << key;
    }
    for (const char* key : {"total_j", "by_technology", "by_node", "j_per_bit"})
    {
        EXPECT_TRUE(j["energy"].contains(key)) << key;
    }
    for (const char* key : {"capex", "opex_per_year", "annualised"})
    {
        EXPECT_TRUE(j["cost"].contains(key)) << key;
    }
    EXPECT_EQ(f["technology_path"], nlohmann::json::array({"fiber"}));
    EXPECT_GT(f["rx_packets"].get<int>(), 50);
    EXPECT_EQ(f["tx_packets"], f["rx_packets"]);
    // 100 km of fiber: never below 489.7 us of propagation.
    EXPECT_GE(f["latency_ms"]["min"].get<double>(), 0.4897);
    EXPECT_GE(f["latency_ms"]["min"].get<double>(), f["propagation_bound_ms"].get<double>());
    EXPECT_TRUE(fs::exists(dir.Path() + "/o/flows.csv"));
    EXPECT_NE(r.out.find("f1"), std::string::npos);
}

const std::string kWithAlternatives = kValid + R"(alternatives:
  faster:
    description: a faster link
    changes:
      links:
        l1: {rate: 10Gbps}
  closer:
    changes:
      sites:
        b: {position: [10km, 0km]}
)";

TEST(CliTest, AlternativeChangesOnlyWhatItNames)
{
    TempDir dir;
    std::string file = dir.Write("s.yaml", kWithAlternatives);
    CommandResult r = Blueprint("compare " + file + " --out " + dir.Path() + "/cmp", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    std::string base = ReadFile(dir.Path() + "/cmp/base/scenario.resolved.yaml");
    std::string faster = ReadFile(dir.Path() + "/cmp/faster/scenario.resolved.yaml");
    // The resolved documents differ in exactly one line: the link's rate.
    std::istringstream bs(base);
    std::istringstream fs2(faster);
    std::string lb;
    std::string lf;
    int differing = 0;
    while (std::getline(bs, lb) && std::getline(fs2, lf))
    {
        if (lb != lf)
        {
            ++differing;
            EXPECT_NE(lf.find("10Gbps"), std::string::npos) << lf;
        }
    }
    EXPECT_EQ(differing, 1);
    nlohmann::json b = nlohmann::json::parse(ReadFile(dir.Path() + "/cmp/base/result.json"));
    nlohmann::json c = nlohmann::json::parse(ReadFile(dir.Path() + "/cmp/closer/result.json"));
    // Moving the far site 90 km closer takes 90 x 4.897 us off every packet.
    double saved = b["flows"][0]["latency_ms"]["min"].get<double>() -
                   c["flows"][0]["latency_ms"]["min"].get<double>();
    EXPECT_NEAR(saved, 90 * 4.897e-3, 1e-3);
    std::string csv = ReadFile(dir.Path() + "/cmp/compare.csv");
    EXPECT_NE(csv.find(",faster,"), std::string::npos);
    EXPECT_NE(csv.find(",closer,"), std::string::npos);
    EXPECT_NE(r.out.find("faster"), std::string::npos);
}

TEST(CliTest, SmallerGroupsServeBlocksOfTheLargerGroup)
{
    TempDir dir;
    std::string file = dir.Write("s.yaml", R"(blueprint: 1
name: fan-in
duration: 2s
sites:
  town: {position: [0km, 0km]}
  dc: {position: [20km, 0km]}
nodes:
  hosts: {site: town, count: 6}
  routers: {site: town, equipment: router, count: 2}
  server: {site: dc, equipment: server}
links:
  access: {between: [routers, hosts], profile: ethernet, rate: 1Gbps, length: 10m}
  uplink: {between: [server, routers], profile: fiber, rate: 10Gbps}
flows:
  telemetry: {from: hosts, to: server, traffic: {pattern: periodic, interval: 100ms, size: 200B}}
)");
    CommandResult r = Blueprint("run " + file + " --out " + dir.Path() + "/o", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    nlohmann::json j = nlohmann::json::parse(ReadFile(dir.Path() + "/o/result.json"));
    EXPECT_EQ(j["topology"]["nodes"], 9);
    EXPECT_EQ(j["topology"]["links"], 8); // 6 access links, 2 uplinks
    const auto& f = j["flows"][0];
    EXPECT_EQ(f["members"]["count"], 6);
    EXPECT_EQ(f["tx_packets"], 6 * 20);
    EXPECT_EQ(f["rx_packets"], 6 * 20);
    EXPECT_EQ(f["link_path"], nlohmann::json::array({"access", "uplink"}));
}

TEST(CliTest, LastRequestsBeforeStopStillGetTheirResponses)
{
    TempDir dir;
    std::string text = Mutate("{pattern: periodic, interval: 10ms, size: 100B, arrivals: poisson}",
                              "{pattern: request_response, interval: 10ms, size: 100B, "
                              "response_size: 1000B}, requirements: {rtt: 5ms, reliability: 90%}");
    std::string file = dir.Write("s.yaml", text);
    CommandResult r = Blueprint("run " + file + " --out " + dir.Path() + "/o", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    nlohmann::json j = nlohmann::json::parse(ReadFile(dir.Path() + "/o/result.json"));
    const auto& f = j["flows"][0];
    // The client stops sending at 1 s but keeps its socket, so every request sent gets its RTT.
    EXPECT_EQ(f["tx_packets"], 100);
    EXPECT_EQ(f["rtt_ms"]["samples"], 100);
    // 2 x 489.7 us of fiber plus serialisation of 128 B and 1028 B at 1 Gbit/s.
    EXPECT_NEAR(f["rtt_ms"]["min"].get<double>(), 2 * 0.4897 + (130 + 1030) * 8 / 1e6, 1e-3);
    EXPECT_EQ(f["requirements"][0]["verdict"], "pass");
}

TEST(CliTest, EnergyAndCostAreAttributedToNodesTechnologiesAndSites)
{
    TempDir dir;
    std::string file = dir.Write("s.yaml", R"(blueprint: 1
name: ledger
duration: 1s
drain: 1s
economics: {discount_rate: 0%}
sites:
  office: {position: [0m, 0m], pue: 1}
  closet: {position: [50m, 0m], pue: 2}
nodes:
  h1: {site: office}
  h2: {site: office}
  r: {site: closet, equipment: router, power: {idle: 100W},
      cost: {capex: 1000000, opex_per_year: 50000, lifetime_years: 5}}
links:
  l1: {between: [r, h1], profile: ethernet, rate: 1Gbps, power: {idle: 1W},
       cost: {capex: 200000, lifetime_years: 20}}
  l2: {between: [r, h2], profile: ethernet, rate: 1Gbps, power: {idle: 1W},
       cost: {capex: 200000, lifetime_years: 20}}
flows:
  f: {from: h1, to: h2, traffic: {pattern: periodic, interval: 10ms, size: 1000B}}
)");
    CommandResult r = Blueprint("run " + file + " --out " + dir.Path() + "/o", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    nlohmann::json j = nlohmann::json::parse(ReadFile(dir.Path() + "/o/result.json"));
    const auto& e = j["energy"];
    // 2 s of run (duration + drain), constant power: router 100 W x PUE 2; four link ends of 1 W,
    // two in the closet (PUE 2) and two in the office (PUE 1).
    EXPECT_NEAR(e["by_node"]["r"].get<double>(), 100 * 2 * 2 + 2 * 1 * 2 * 2, 1e-9);
    EXPECT_NEAR(e["by_node"]["h1"].get<double>(), 1 * 1 * 2, 1e-9);
    EXPECT_NEAR(e["by_node"]["h2"].get<double>(), 1 * 1 * 2, 1e-9);
    EXPECT_NEAR(e["by_technology"]["router"].get<double>(), 400, 1e-9);
    EXPECT_NEAR(e["by_technology"]["ethernet"].get<double>(), 12, 1e-9);
    EXPECT_NEAR(e["total_j"].get<double>(), 412, 1e-9);
    double bits = j["flows"][0]["rx_bytes"].get<double>() * 8;
    EXPECT_NEAR(e["j_per_bit"].get<double>(), 412 / bits, 1e-15);
    const auto& c = j["cost"];
    EXPECT_NEAR(c["capex"].get<double>(), 1400000, 1e-6);
    EXPECT_NEAR(c["opex_per_year"].get<double>(), 50000, 1e-6);
    // Straight-line at 0 %: 1,000,000 / 5 + 50,000 + 2 x 200,000 / 20.
    EXPECT_NEAR(c["annualised"].get<double>(), 270000, 1e-6);
}

/// A local 5G cell on a farm: four tractors report to a server behind the gNB and get commands.
const std::string kNrCell = R"(blueprint: 1
name: one-cell
duration: 2s
sites:
  mast: {position: [0m, 0m]}
  field: {position: [300m, 0m]}
  dc: {position: [10km, 0km]}
nodes:
  gnb: {site: mast}
  tractors: {site: field, count: 4, placement: {radius: 100m}}
  server: {site: dc, equipment: server}
links:
  cell:
    technology: nr
    between: [gnb, tractors]
    band: local5g-sub6
    cell: small
    scheduler: rr
  backhaul: {between: [server, gnb], profile: fiber, rate: 10Gbps}
flows:
  telemetry:
    from: tractors
    to: server
    traffic: {pattern: periodic, interval: 20ms, size: 300B}
  commands:
    from: server
    to: tractors
    traffic: {pattern: periodic, interval: 20ms, size: 200B}
alternatives:
  configured-grant:
    changes:
      links:
        cell: {ul_access: configured}
)";

TEST(CliTest, NrCellCarriesUplinkAndDownlinkAndConfiguredGrantCutsUplinkLatency)
{
    TempDir dir;
    std::string file = dir.Write("s.yaml", kNrCell);
    CommandResult r = Blueprint("compare " + file + " --out " + dir.Path() + "/o", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    nlohmann::json grant = nlohmann::json::parse(ReadFile(dir.Path() + "/o/base/result.json"));
    nlohmann::json cg =
        nlohmann::json::parse(ReadFile(dir.Path() + "/o/configured-grant/result.json"));
    const auto& up = grant["flows"][0];
    const auto& down = grant["flows"][1];
    EXPECT_EQ(up["technology_path"], nlohmann::json::array({"nr", "fiber"}));
    EXPECT_EQ(down["technology_path"], nlohmann::json::array({"fiber", "nr"}));
    EXPECT_EQ(up["members"]["count"], 4);
    EXPECT_EQ(up["tx_packets"], 4 * 100);
    EXPECT_EQ(up["rx_packets"], up["tx_packets"]);
    EXPECT_EQ(down["rx_packets"], down["tx_packets"]);
    for (const auto& f : {up, down})
    {
        EXPECT_GE(f["latency_ms"]["min"].get<double>(), f["propagation_bound_ms"].get<double>());
    }
    // Uplink by scheduling request waits for an SR occasion, a grant and K2 (TS 38.321 5.4.4,
    // TS 38.214 6.1.2.1); a configured grant (TS 38.321 5.8.2) skips the request and the grant.
    double srMean = up["latency_ms"]["mean"].get<double>();
    double cgMean = cg["flows"][0]["latency_ms"]["mean"].get<double>();
    EXPECT_LT(cgMean, srMean - 1.0) << srMean << " vs " << cgMean;
    // The cell's power follows EARTH's micro base station (Auer et al. 2011, Table II: 2 x 39 W
    // asleep, 2 x (56 + 2.6 x 6.3) W at full load) over the 3 s run (2 s + 1 s drain), PUE 1.
    // NR energy is the gNB's plus its UEs' modems (NrCellUeEnergyModel, TR 38.840 states at
    // 8.26 mW a unit): four UEs over 3 s lie between deep sleep (1 unit) and transmitting at
    // 23 dBm (700 units) all the time.
    const double ueJoules = grant["energy"]["by_node"]["tractors"].get<double>();
    EXPECT_GT(ueJoules, 4 * 3 * 1 * 0.182 * 4.2 / 92.5);
    EXPECT_LT(ueJoules, 4 * 3 * 700 * 0.182 * 4.2 / 92.5);
    double cellJoules = grant["energy"]["by_technology"]["nr"].get<double>() - ueJoules;
    EXPECT_GT(cellJoules, 2 * 39.0 * 3);
    EXPECT_LT(cellJoules, 2 * (56 + 2.6 * 6.3) * 3);
    // The cell's site cost from its class (EURASIP JWCN 2015 Table 3 at 160 JPY/EUR, 7 years,
    // no discount): 5.28 M JPY / 7 + 240 k JPY a year.
    EXPECT_NEAR(grant["cost"]["annualised_by_technology"]["nr"].get<double>(),
                5.28e6 / 7 + 240e3,
                1e-6);
    // The gNB's node also holds its end of the fibre backhaul.
    EXPECT_GT(grant["energy"]["by_node"]["gnb"].get<double>(), cellJoules);
    // The downlink does not depend on the uplink access scheme.
    EXPECT_NEAR(cg["flows"][1]["latency_ms"]["mean"].get<double>(),
                down["latency_ms"]["mean"].get<double>(),
                0.5);
}

TEST(CliTest, NrCellIsReproducibleWithTheSameSeed)
{
    TempDir dir;
    std::string file = dir.Write("s.yaml", kNrCell);
    ASSERT_EQ(Blueprint("run " + file + " --out " + dir.Path() + "/a", dir).status, 0);
    ASSERT_EQ(Blueprint("run " + file + " --out " + dir.Path() + "/b", dir).status, 0);
    EXPECT_EQ(StableResult(dir.Path() + "/a/result.json").dump(),
              StableResult(dir.Path() + "/b/result.json").dump());
    EXPECT_EQ(ReadFile(dir.Path() + "/a/flows.csv"), ReadFile(dir.Path() + "/b/flows.csv"));
}

TEST(CliTest, NrCellInputErrorsNameTheirPosition)
{
    struct Case
    {
        std::string from;
        std::string to;
        std::string where;
        std::string message;
    };

    const std::vector<Case> cases{
        {"band: local5g-sub6",
         "band: n78x",
         ":16:11: ",
         "unknown NR band 'n78x'; did you mean 'n78'?"},
        {"scheduler: rr",
         "scheduler: rr\n    tdd: DDXSU",
         ":19:10: ",
         "unexpected 'X' at position 3"},
        {"scheduler: rr",
         "scheduler: rr\n    numerology: 5",
         ":19:17: ",
         "numerology must be 0 to 3"},
        {"scheduler: rr", "scheduler: rr\n    mini_slot: 3", ":19:16: ", "mini_slot is 0"},
        {"between: [gnb, tractors]",
         "between: [tractors, gnb]",
         ":15:15: ",
         "its gNB, a single node"},
        {"scheduler: rr", "scheduler: rr\n    profile: fiber", ":19:5: ", "unknown key 'profile'"},
    };
    for (const auto& c : cases)
    {
        TempDir dir;
        std::string text = kNrCell;
        text.replace(text.find(c.from), c.from.size(), c.to);
        std::string file = dir.Write("s.yaml", text);
        CommandResult r = Blueprint("validate " + file, dir);
        EXPECT_EQ(r.status, 2) << c.to;
        EXPECT_EQ(r.err.rfind(file + c.where, 0), 0u) << r.err;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    }
}

/// A shelter's Wi-Fi (the 00000JAPAN disaster SSID kind of use): phones behind one access point.
const std::string kWifiCell = R"(blueprint: 1
name: shelter-wifi
duration: 3s
sites:
  hall: {position: [0m, 0m]}
  dc: {position: [20km, 0km]}
nodes:
  ap: {site: hall}
  phones: {site: hall, count: 5, placement: {radius: 15m}}
  server: {site: dc, equipment: server}
links:
  hall-wifi: {technology: wifi, between: [ap, phones], standard: 802.11ax}
  uplink: {between: [server, ap], profile: fiber, rate: 1Gbps}
flows:
  messages:
    from: phones
    to: server
    start: 1s
    traffic: {pattern: periodic, interval: 50ms, size: 300B}
  news:
    from: server
    to: phones
    start: 1s
    traffic: {pattern: constant_rate, rate: 2Mbps, size: 1200B}
alternatives:
  legacy-2g4:
    changes:
      links:
        hall-wifi: {standard: 802.11n, band: 2.4GHz}
)";

TEST(CliTest, WifiCellCarriesTrafficBothWays)
{
    TempDir dir;
    std::string file = dir.Write("s.yaml", kWifiCell);
    CommandResult r = Blueprint("compare " + file + " --out " + dir.Path() + "/o", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    for (const char* configuration : {"base", "legacy-2g4"})
    {
        nlohmann::json j =
            nlohmann::json::parse(ReadFile(dir.Path() + "/o/" + configuration + "/result.json"));
        const auto& up = j["flows"][0];
        const auto& down = j["flows"][1];
        EXPECT_EQ(up["technology_path"], nlohmann::json::array({"wifi", "fiber"}));
        EXPECT_EQ(down["technology_path"], nlohmann::json::array({"fiber", "wifi"}));
        EXPECT_EQ(up["tx_packets"], 5 * 40) << configuration;
        EXPECT_EQ(up["rx_packets"], up["tx_packets"]) << configuration;
        EXPECT_EQ(down["rx_packets"], down["tx_packets"]) << configuration;
        for (const auto& f : {up, down})
        {
            EXPECT_GE(f["latency_ms"]["min"].get<double>(),
                      f["propagation_bound_ms"].get<double>());
        }
    }
}

TEST(CliTest, WifiInputErrorsNameTheirPosition)
{
    TempDir dir;
    std::string text = kWifiCell;
    std::string from = "standard: 802.11ax}";
    text.replace(text.find(from), from.size(), "standard: 802.11ac, band: 2.4GHz}");
    std::string file = dir.Write("s.yaml", text);
    CommandResult r = Blueprint("validate " + file, dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err.rfind(file + ":12:82: link 'hall-wifi': 802.11ac works in 5GHz only", 0), 0u)
        << r.err;
    text = kWifiCell;
    text.replace(text.find(from), from.size(), "standard: 802.11g}");
    file = dir.Write("t.yaml", text);
    r = Blueprint("validate " + file, dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("unknown Wi-Fi standard '802.11g'"), std::string::npos) << r.err;
}

/// A village's LTE macro cell (band 1, 20 MHz): one phone near the mast, a server behind the
/// operator's core router, 10 km of fibre away. UDP both ways once the UE has attached.
const std::string kLteCell = R"(blueprint: 1
name: village-lte
duration: 2s
sites:
  mast: {position: [0m, 0m]}
  dc: {position: [10km, 0km]}
nodes:
  enb: {site: mast}
  phones: {site: mast, count: 1, placement: {radius: 300m}}
  core: {site: dc, equipment: router}
  server: {site: dc, equipment: server}
links:
  cell: {technology: lte, between: [enb, phones], band: 1, bandwidth: 20MHz, core: core}
  lan: {between: [server, core], profile: fiber, rate: 10Gbps}
flows:
  up:
    from: phones
    to: server
    start: 0.5s
    traffic: {pattern: periodic, interval: 100ms, size: 200B}
  down:
    from: server
    to: phones
    start: 0.55s
    traffic: {pattern: periodic, interval: 100ms, size: 200B}
)";

TEST(CliTest, LteCellCarriesTrafficBothWays)
{
    TempDir dir;
    std::string file = dir.Write("s.yaml", kLteCell);
    CommandResult r = Blueprint("run " + file + " --out " + dir.Path() + "/o", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    nlohmann::json j = nlohmann::json::parse(ReadFile(dir.Path() + "/o/result.json"));
    const auto& up = j["flows"][0];
    const auto& down = j["flows"][1];
    EXPECT_EQ(up["technology_path"], nlohmann::json::array({"lte", "fiber"}));
    EXPECT_EQ(down["technology_path"], nlohmann::json::array({"fiber", "lte"}));
    EXPECT_EQ(up["tx_packets"], 15);
    EXPECT_EQ(up["rx_packets"], up["tx_packets"]);
    EXPECT_EQ(down["rx_packets"], down["tx_packets"]);
    for (const auto& f : {up, down})
    {
        EXPECT_GE(f["latency_ms"]["min"].get<double>(), f["propagation_bound_ms"].get<double>());
    }
    // An idle UE's uplink packet waits for ns-3's scheduling request and grant cycle (SR,
    // then a grant 4 subframes ahead of its PUSCH, TS 36.213 clause 8.0, then BSR and a data
    // grant): about 13 ms. A downlink packet is scheduled in the next subframe and sent 2
    // subframes later (ns-3's MAC-to-channel delay) in a 1 ms TTI: about 3 ms.
    double ul = up["latency_ms"]["mean"].get<double>();
    double dl = down["latency_ms"]["mean"].get<double>();
    EXPECT_GT(ul, 8.0);
    EXPECT_LT(ul, 20.0);
    EXPECT_GT(dl, 2.0);
    EXPECT_LT(dl, 6.0);
    EXPECT_GT(ul - dl, 5.0);
    // EARTH macro (Auer et al. 2011 Table II): an almost idle LTE cell draws N_TRX P0 = 780 W
    // (it sends reference signals in every subframe, so never sleeps) for 2 s of traffic plus
    // 1 s of drain; a little more for the few busy subframes.
    double lteJ = j["energy"]["by_technology"]["lte"].get<double>();
    EXPECT_GE(lteJ, 780.0 * 3);
    EXPECT_LT(lteJ, 800.0 * 3);
    EXPECT_GT(j["cost"]["annualised_by_technology"]["lte"].get<double>(), 0.0);
}

/// TS 36.213 Table 7.1.7.2.1-1: I_TBS 26 (MCS 28) on 100 PRBs carries 75,376 bits per 1 ms
/// subframe. A saturated single UE near the mast gets that, less the IP, UDP, PDCP, RLC and MAC
/// headers of its 1400-byte packets (about 2.5 %).
TEST(CliTest, LteSaturatedCellReachesTheTransportBlockSize)
{
    TempDir dir;
    std::string text = kLteCell;
    auto replace = [&text](const std::string& from, const std::string& to) {
        text.replace(text.find(from), from.size(), to);
    };
    replace("duration: 2s", "duration: 1s\ndrain: 0s");
    replace("radius: 300m", "radius: 30m");
    replace("core: core}",
            "core: core,\n         attributes: {ns3::LteRlcUm::MaxTxBufferSize: 1000000}}");
    replace("start: 0.55s\n    traffic: {pattern: periodic, interval: 100ms, size: 200B}",
            "start: 0.3s\n    traffic: {pattern: constant_rate, rate: 120Mbps, size: 1400B}");
    std::string file = dir.Write("s.yaml", text);
    CommandResult r = Blueprint("run " + file + " --out " + dir.Path() + "/o", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    nlohmann::json j = nlohmann::json::parse(ReadFile(dir.Path() + "/o/result.json"));
    double goodput = j["flows"][1]["throughput_bps"].get<double>();
    double tbs = 75376e3;                   // bit/s at one transport block per subframe
    double payload = tbs * 1400.0 / 1428.0; // less the IP and UDP headers
    EXPECT_LE(goodput, payload);
    EXPECT_GT(goodput, 0.97 * payload);
}

TEST(CliTest, LteInputErrorsNameTheirPosition)
{
    const std::string link =
        "cell: {technology: lte, between: [enb, phones], band: 1, bandwidth: 20MHz, core: core}";

    struct Case
    {
        std::string to;
        std::string where;
        std::string message;
    };

    std::vector<Case> cases = {
        {"cell: {technology: lte, between: [enb, phones], band: 7, bandwidth: 20MHz, core: core}",
         ":13:57: ",
         "unknown LTE band '7'"},
        {"cell: {technology: lte, between: [enb, phones], band: 1, bandwidth: 12MHz, core: core}",
         ":13:71: ",
         "an LTE channel is 1.4, 3, 5, 10, 15 or 20 MHz wide"},
        {"cell: {technology: lte, between: [enb, phones], band: 1, bandwidth: 20MHz, core: cor}",
         ":13:84: ",
         "link 'cell' core names unknown node 'cor'; did you mean 'core'?"},
        {"cell: {technology: lte, between: [enb, phones], band: 1, bandwidth: 20MHz, core: core,\n"
         "         attributes: {ns3::LteEnbRrc::SrsPeriodicty: 80}}",
         ":14:23: ",
         "ns-3 type ns3::LteEnbRrc has no attribute 'SrsPeriodicty'; did you mean "
         "'SrsPeriodicity'?"},
        {"cell: {technology: lte, between: [enb, phones], band: 28, carrier: 760MHz, core: core}",
         ":13:70: ",
         "a 20 MHz channel at 760 MHz does not fit band 28's downlink"},
        {"cell: {technology: lte, between: [enb, phones], band: 1, core: phones}",
         ":13:66: ",
         "the core node must be another node than the eNB and its UEs"},
    };
    for (const auto& c : cases)
    {
        TempDir dir;
        std::string text = kLteCell;
        text.replace(text.find(link), link.size(), c.to);
        std::string file = dir.Write("s.yaml", text);
        std::string outDir = dir.Path() + "/out";
        CommandResult r = Blueprint("run " + file + " --out " + outDir, dir);
        EXPECT_EQ(r.status, 2) << r.err;
        EXPECT_EQ(r.err.rfind(file + c.where, 0), 0u) << r.err;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
        EXPECT_FALSE(fs::exists(outDir));
    }
}

} // namespace

/// Every shipped scenario (and each of its alternatives) is valid: users copy these first.
TEST(CliTest, ShippedScenariosValidate)
{
    int count = 0;
    for (const auto& entry :
         fs::directory_iterator(std::string(BLUEPRINT_SOURCE_DIR) + "/scenarios"))
    {
        if (entry.path().extension() != ".yaml")
        {
            continue;
        }
        ++count;
        TempDir dir;
        CommandResult r = Blueprint("validate " + entry.path().string(), dir);
        EXPECT_EQ(r.status, 0) << entry.path() << ": " << r.err;
        EXPECT_NE(r.out.find(": base: ok"), std::string::npos) << r.out;
    }
    EXPECT_GE(count, 3);
}
