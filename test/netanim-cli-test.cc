/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * `blueprint run --netanim`: a NetAnim trace beside result.json that parses, puts every node at
 * its site, follows a moving UE, and changes no result but the event count.
 */

#include "cli-support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

namespace
{

using namespace blueprint_test;

/// A UE driving 300 m east past a gNB, a server 2 km south behind fibre.
const std::string kDrive = R"(blueprint: 1
name: netanim
duration: 2s
sites:
  mast: {position: [0m, 0m]}
  west: {position: [-150m, 20m]}
  east: {position: [150m, 20m]}
  dc: {position: [0m, -2km]}
nodes:
  gnb: {site: mast}
  car: {site: west, mobility: {waypoints: [east], speed: 150m/s}}
  server: {site: dc, equipment: server}
links:
  cell: {technology: nr, between: [gnb, car], band: n78}
  backhaul: {between: [server, gnb], profile: fiber, rate: 10Gbps}
flows:
  down: {from: server, to: car, traffic: {pattern: periodic, interval: 10ms, size: 500B}}
)";

/// result.json without its runtime (wall time, event count).
nlohmann::json
ResultWithoutCounters(const std::string& dir)
{
    nlohmann::json j = nlohmann::json::parse(ReadFile(dir + "/result.json"));
    j.erase("runtime"); // wall time and event count
    return j;
}

} // namespace

TEST(NetAnimCliTest, NetanimTraceParsesHoldsEveryNodeAtItsSiteAndFollowsAMovingUe)
{
    TempDir dir;
    const std::string file = dir.Write("drive.yaml", kDrive);
    const std::string out = dir.Path() + "/out";
    const CommandResult r = Blueprint("run " + file + " --out " + out + " --netanim", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    // Python's XML parser reads it; print each node's first position and the car's last update.
    const std::string script = dir.Write("read.py", R"(import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for n in root.iter('node'):
    print('node', n.get('id'), n.get('locX'), n.get('locY'))
moves = [u for u in root.iter('nu') if u.get('p') == 'p' and u.get('id') == '1']
print('moves', len(moves), moves[-1].get('x') if moves else '-')
)");
    const std::string counts = dir.Path() + "/nodes.txt";
    ASSERT_EQ(std::system(("python3 " + script + " " + out + "/netanim.xml >" + counts).c_str()),
              0);
    const std::string text = ReadFile(counts);
    // Nodes in file order: gnb, car, server (ids 0, 1, 2), at their sites in metres.
    EXPECT_NE(text.find("node 0 0 0\n"), std::string::npos) << text;
    EXPECT_NE(text.find("node 1 -150 20\n"), std::string::npos) << text;
    EXPECT_NE(text.find("node 2 0 -2000\n"), std::string::npos) << text;
    // The car reaches the east site (300 m at 150 m/s takes 2 s) and NetAnim records its moves.
    EXPECT_EQ(text.find("moves 0 "), std::string::npos) << text;
    EXPECT_NE(text.find(" 150\n"), std::string::npos) << text;
    // The trace observes the run without changing it.
    const std::string plain = dir.Path() + "/plain";
    ASSERT_EQ(Blueprint("run " + file + " --out " + plain, dir).status, 0);
    EXPECT_FALSE(fs::exists(plain + "/netanim.xml"));
    EXPECT_EQ(ResultWithoutCounters(out), ResultWithoutCounters(plain));
}

TEST(NetAnimCliTest, NetanimRunEndsCleanlyWithATcpTransferStillOpen)
{
    // The island clinic's imaging upload (5 MB over TCP) is still going when a 0.3 s run ends:
    // disposing of the rooms closes its sockets, whose FINs go through traces NetAnim listens to.
    TempDir dir;
    const std::string out = dir.Path() + "/out";
    const CommandResult r =
        Blueprint("run " + std::string(BLUEPRINT_SOURCE_DIR) +
                      "/scenarios/remote-island-clinic.yaml --set duration=0.3s "
                      "--set drain=0s --set flows.imaging.start=0s --out " +
                      out + " --netanim",
                  dir);
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string script =
        dir.Write("parse.py", "import sys, xml.etree.ElementTree as ET\nET.parse(sys.argv[1])\n");
    EXPECT_EQ(std::system(("python3 " + script + " " + out + "/netanim.xml").c_str()), 0);
}
