/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * `blueprint run --flowmon`: ns-3's FlowMonitor XML beside result.json, written with the run's
 * other files, whose per-flow packet counts agree with result.json's.
 */

#include "cli-support.h"

#include <gtest/gtest.h>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace
{

using namespace blueprint_test;

/// Two hosts on a 2 Mbit/s wire: a light flow that gets through and one that overflows the
/// queue, so the counts to compare differ between sent and received.
const std::string kTwoFlows = R"(blueprint: 1
name: flowmon
duration: 1s
sites:
  a: {position: [0km, 0km]}
  b: {position: [20km, 0km]}
nodes:
  h1: {site: a}
  h2: {site: b}
links:
  l1: {between: [h1, h2], profile: fiber, rate: 2Mbps}
flows:
  light: {from: h1, to: h2, traffic: {pattern: periodic, interval: 10ms, size: 200B}}
  heavy: {from: h1, to: h2, traffic: {pattern: periodic, interval: 1ms, size: 1000B}}
)";

/// \return (sent, received) per destination port of the flows in a FlowMonitor XML file, read by
/// Python's XML parser (which fails on a file that is not well-formed XML).
std::map<int, std::pair<long, long>>
FlowMonitorCounts(const std::string& xml, const TempDir& dir)
{
    const std::string script = dir.Write("read.py", R"(import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
stats = {f.get('flowId'): f for f in root.find('FlowStats').iter('Flow')}
for f in root.find('Ipv4FlowClassifier').iter('Flow'):
    s = stats[f.get('flowId')]
    print(f.get('destinationPort'), s.get('txPackets'), s.get('rxPackets'))
)");
    const std::string out = dir.Path() + "/counts.txt";
    EXPECT_EQ(std::system(("python3 " + script + " " + xml + " >" + out).c_str()), 0);
    std::map<int, std::pair<long, long>> counts;
    std::istringstream in(ReadFile(out));
    int port = 0;
    long tx = 0;
    long rx = 0;
    while (in >> port >> tx >> rx)
    {
        counts[port] = {tx, rx};
    }
    return counts;
}

} // namespace

TEST(FlowMonitorCliTest, FlowmonXmlParsesAndCountsEveryFlowAsResultJsonDoes)
{
    TempDir dir;
    const std::string file = dir.Write("flowmon.yaml", kTwoFlows);
    const std::string out = dir.Path() + "/out";
    const CommandResult r = Blueprint("run " + file + " --out " + out + " --flowmon", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    const nlohmann::json result = nlohmann::json::parse(ReadFile(out + "/result.json"));
    const std::map<int, std::pair<long, long>> counts =
        FlowMonitorCounts(out + "/flowmon.xml", dir);
    // Each blueprint flow is one FlowMonitor flow (one member each way, its own port): the
    // (sent, received) pairs are the same two.
    std::multiset<std::pair<long, long>> fromXml;
    for (const auto& [port, txRx] : counts)
    {
        fromXml.insert(txRx);
    }
    std::multiset<std::pair<long, long>> fromJson;
    for (const auto& f : result["flows"])
    {
        fromJson.insert({f["tx_packets"].get<long>(), f["rx_packets"].get<long>()});
    }
    ASSERT_EQ(fromXml.size(), 2u);
    EXPECT_EQ(fromXml, fromJson);
    // The heavy flow offers 8 Mbit/s to a 2 Mbit/s wire: the comparison covers losses.
    EXPECT_LT(fromJson.begin()->second + std::prev(fromJson.end())->second,
              fromJson.begin()->first + std::prev(fromJson.end())->first);
    // Without --flowmon there is no XML.
    const std::string plain = dir.Path() + "/plain";
    ASSERT_EQ(Blueprint("run " + file + " --out " + plain, dir).status, 0);
    EXPECT_FALSE(fs::exists(plain + "/flowmon.xml"));
    // compare does not take it.
    EXPECT_EQ(Blueprint("compare " + file + " --flowmon", dir).status, 2);
}
