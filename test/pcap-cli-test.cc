/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * `blueprint run --pcap NODE|LINK`: standard pcap files of the chosen devices in DIR/pcap/,
 * written with the run's other files; every link technology writes them; bad names exit 2.
 */

#include "cli-support.h"
#include "helper/technology/link-technology.h"

#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace
{

using namespace blueprint_test;

/// Wired, NR and PON in one scenario, UDP only (no handshakes, no ARP on these devices), so a
/// node's packets are exactly its flows' packets.
const std::string kMix = R"(blueprint: 1
name: pcap-mix
duration: 1s
sites:
  dc: {position: [0km, 0km]}
  mast: {position: [2km, 0km]}
  village: {position: [2.1km, 0.1km]}
  exchange: {position: [0km, 1km]}
  homes: {position: [1km, 1km]}
nodes:
  server: {site: dc, equipment: server}
  router: {site: dc, equipment: router}
  gnb: {site: mast}
  phone: {site: village}
  olt: {site: exchange, equipment: router}
  home: {site: homes, count: 2, placement: {radius: 100m}}
links:
  lan: {between: [server, router], profile: ethernet, rate: 1Gbps, length: 20m}
  backhaul: {between: [router, gnb], profile: fiber, rate: 1Gbps}
  cell: {technology: nr, between: [gnb, phone], band: local5g-sub6, cell: small}
  feeder: {between: [router, olt], profile: fiber, rate: 10Gbps}
  drop: {technology: pon, between: [olt, home], flavour: gpon, split: 32}
flows:
  down: {from: server, to: phone, traffic: {pattern: periodic, interval: 10ms, size: 500B}}
  up: {from: phone, to: server, traffic: {pattern: periodic, interval: 20ms, size: 300B}}
  fibre: {from: server, to: home, traffic: {pattern: periodic, interval: 5ms, size: 1000B}}
)";

/// What a pcap file holds, as Python's struct module reads it.
struct PcapSummary
{
    long linkType = -1; //!< the global header's data link type
    long packets = 0;   //!< records
    long notIpv4 = 0;   //!< records whose payload is not one whole IPv4 datagram
};

/// Reads every pcap file in `folder` with a reader written from the file format (libpcap's
/// global header, then records of a 16-byte header and the bytes), independent of ns-3.
std::map<std::string, PcapSummary>
ReadPcaps(const std::string& folder, const TempDir& dir)
{
    const std::string script = dir.Write("pcap.py", R"(import os, struct, sys
for name in sorted(os.listdir(sys.argv[1])):
    data = open(os.path.join(sys.argv[1], name), 'rb').read()
    magic, major, minor, zone, sigfigs, snaplen, dlt = struct.unpack('<IHHiIII', data[:24])
    assert magic == 0xa1b2c3d4 and (major, minor) == (2, 4), name
    offset, packets, bad = 24, 0, 0
    while offset < len(data):
        sec, usec, caplen, length = struct.unpack('<IIII', data[offset:offset + 16])
        assert caplen == length and usec < 1000000 and offset + 16 + caplen <= len(data), name
        frame = data[offset + 16:offset + 16 + caplen]
        offset += 16 + caplen
        packets += 1
        # DLT_PPP: a 2-byte protocol field (0x0021, IPv4) before the datagram; DLT_RAW: none.
        ip = frame[2:] if dlt == 9 and frame[:2] == b'\x00\x21' else frame if dlt == 101 else b''
        if len(ip) < 20 or ip[0] >> 4 != 4 or struct.unpack('>H', ip[2:4])[0] != len(ip):
            bad += 1
    print(name, dlt, packets, bad)
)");
    const std::string out = dir.Path() + "/pcaps.txt";
    EXPECT_EQ(std::system(("python3 " + script + " " + folder + " >" + out).c_str()), 0);
    std::map<std::string, PcapSummary> files;
    std::istringstream in(ReadFile(out));
    std::string name;
    PcapSummary s;
    while (in >> name >> s.linkType >> s.packets >> s.notIpv4)
    {
        files[name] = s;
    }
    return files;
}

/// \return flow name -> (tx_packets, rx_packets) of a result.json
std::map<std::string, std::pair<long, long>>
FlowCounts(const std::string& resultJson)
{
    std::map<std::string, std::pair<long, long>> counts;
    const nlohmann::json result = nlohmann::json::parse(ReadFile(resultJson));
    for (const auto& f : result["flows"])
    {
        counts[f["name"].get<std::string>()] = {f["tx_packets"].get<long>(),
                                                f["rx_packets"].get<long>()};
    }
    return counts;
}

} // namespace

TEST(PcapCliTest, ANodesPcapHoldsEveryPacketItsFlowsSentAndReceived)
{
    TempDir dir;
    const std::string file = dir.Write("mix.yaml", kMix);
    const std::string out = dir.Path() + "/out";
    const std::string args = "run " + file + " --out " + out +
                             " --pcap phone --pcap server --pcap 'home[1]' --pcap drop";
    const CommandResult r = Blueprint(args, dir);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto flows = FlowCounts(out + "/result.json");
    const auto pcaps = ReadPcaps(out + "/pcap", dir);
    // The phone's NR device, the server's wire, both homes' ONUs (the drop link) and the OLT.
    ASSERT_EQ(pcaps.size(), 5u) << r.err;
    const PcapSummary& phone = pcaps.at("phone-cell.pcap");
    const PcapSummary& server = pcaps.at("server-lan.pcap");
    const PcapSummary& home1 = pcaps.at("home.1-drop.pcap");
    const PcapSummary& home0 = pcaps.at("home.0-drop.pcap");
    const PcapSummary& olt = pcaps.at("olt-drop.pcap");
    // Point-to-point devices carry PPP (DLT_PPP 9); blueprint's NR and PON devices carry the
    // IPv4 datagram alone (DLT_RAW 101): every record is one whole datagram.
    EXPECT_EQ(server.linkType, 9);
    for (const auto& [name, s] : pcaps)
    {
        if (name != "server-lan.pcap")
        {
            EXPECT_EQ(s.linkType, 101) << name;
        }
        EXPECT_EQ(s.notIpv4, 0) << name;
    }
    // The phone receives down and sends up; the server sends down and fibre and receives up.
    EXPECT_EQ(phone.packets, flows.at("down").second + flows.at("up").first);
    EXPECT_EQ(server.packets,
              flows.at("down").first + flows.at("fibre").first + flows.at("up").second);
    // The fibre flow goes to both homes (one member each): together they received what it did,
    // and the OLT sent every one of those.
    EXPECT_EQ(home0.packets + home1.packets, flows.at("fibre").second);
    EXPECT_EQ(olt.packets, flows.at("fibre").second);
    EXPECT_GT(home1.packets, 0);
    // Each count is a real one: the flows delivered packets.
    EXPECT_GT(flows.at("down").second, 50);
    EXPECT_GT(flows.at("up").second, 25);
    // A second run into the same folder: pcap/ is blueprint's own, replaced whole.
    const CommandResult again = Blueprint("run " + file + " --out " + out + " --pcap gnb", dir);
    ASSERT_EQ(again.status, 0) << again.err;
    const auto second = ReadPcaps(out + "/pcap", dir);
    EXPECT_EQ(second.size(), 2u); // gnb-backhaul and gnb-cell, nothing left of the first run
    EXPECT_EQ(second.count("gnb-cell.pcap"), 1u);
    // Without --pcap there is no pcap folder.
    const std::string plain = dir.Path() + "/plain";
    ASSERT_EQ(Blueprint("run " + file + " --out " + plain, dir).status, 0);
    EXPECT_FALSE(fs::exists(plain + "/pcap"));
}

/// One shipped scenario (shortened) per link technology, and a link of it to capture.
struct TechnologyCase
{
    std::string technology; //!< the registry's name
    std::string scenario;   //!< under scenarios/, or "" for a small Wi-Fi scenario
    std::string options;    //!< --alternative and --set options
    std::string link;       //!< the link to capture
    long linkType;          //!< the DLT its devices' files have (-1: PPP or raw)
};

/// What test listings show of a case: its technology.
void
PrintTo(const TechnologyCase& c, std::ostream* os)
{
    *os << c.technology;
}

std::vector<TechnologyCase>
TechnologyCases()
{
    const std::string island = " --set duration=0.3s --set flows.imaging.start=0s";
    return {
        {"wired", "regional-fibre-renewal.yaml", "--set duration=0.01s", "edge-lan", 9},
        {"optical", "regional-fibre-renewal.yaml", "--set duration=0.01s", "town-relay", 9},
        {"pon",
         "regional-fibre-renewal.yaml",
         "--alternative ftth-pon --set duration=0.01s",
         "last-mile",
         101},
        {"nr", "rural-cell-backhaul.yaml", "--set duration=0.1s", "cell", 101},
        {"microwave",
         "rural-cell-backhaul.yaml",
         "--alternative microwave --set duration=0.1s",
         "backhaul",
         9},
        {"lte",
         "smart-agriculture-local5g.yaml",
         "--alternative lte-incumbent --set duration=0.3s",
         "cell",
         -1},
        {"geo", "remote-island-clinic.yaml", "--alternative geo-vsat" + island, "vsat", 101},
        {"leo", "remote-island-clinic.yaml", "--alternative leo" + island, "dish", 101},
        {"haps", "remote-island-clinic.yaml", "--alternative haps" + island, "island-cable", 101},
        {"wifi", "", "", "hall-wifi", 127},
    };
}

class PcapTechnologyTest : public ::testing::TestWithParam<TechnologyCase>
{
};

TEST_P(PcapTechnologyTest, ALinkOfEachTechnologyWritesPcapFilesAtBothEnds)
{
    const TechnologyCase& c = GetParam();
    TempDir dir;
    std::string file = std::string(BLUEPRINT_SOURCE_DIR) + "/scenarios/" + c.scenario;
    if (c.scenario.empty())
    {
        file = dir.Write("wifi.yaml", R"(blueprint: 1
name: shelter-wifi
duration: 0.5s
sites:
  hall: {position: [0m, 0m]}
  dc: {position: [20km, 0km]}
nodes:
  ap: {site: hall}
  phones: {site: hall, count: 2, placement: {radius: 15m}}
  server: {site: dc, equipment: server}
links:
  hall-wifi: {technology: wifi, between: [ap, phones], standard: 802.11ax}
  uplink: {between: [server, ap], profile: fiber, rate: 1Gbps}
flows:
  news: {from: server, to: phones, traffic: {pattern: periodic, interval: 10ms, size: 1200B}}
)");
    }
    const std::string out = dir.Path() + "/out";
    const CommandResult r =
        Blueprint("run " + file + " " + c.options + " --out " + out + " --pcap " + c.link, dir);
    ASSERT_EQ(r.status, 0) << c.technology << ": " << r.err;
    const auto pcaps = ReadPcaps(out + "/pcap", dir);
    // Both ends: the network side and at least one terminal.
    EXPECT_GE(pcaps.size(), 2u) << c.technology;
    long packets = 0;
    for (const auto& [name, s] : pcaps)
    {
        packets += s.packets;
        // LTE's two ends differ: the core's SGi wire (PPP) and the UEs' IPv4 (raw).
        if (c.linkType > 0)
        {
            EXPECT_EQ(s.linkType, c.linkType) << c.technology << ": " << name;
        }
        else
        {
            EXPECT_TRUE(s.linkType == 9 || s.linkType == 101) << name;
        }
        if (s.linkType != 127) // radiotap frames are 802.11, not IPv4
        {
            EXPECT_EQ(s.notIpv4, 0) << c.technology << ": " << name;
        }
    }
    EXPECT_GT(packets, 0) << c.technology;
}

INSTANTIATE_TEST_SUITE_P(EveryLinkTechnology,
                         PcapTechnologyTest,
                         ::testing::ValuesIn(TechnologyCases()),
                         [](const ::testing::TestParamInfo<TechnologyCase>& info) {
                             return info.param.technology;
                         });

TEST(PcapCliTest, EveryRegisteredLinkTechnologyHasAPcapCase)
{
    std::set<std::string> covered;
    for (const TechnologyCase& c : TechnologyCases())
    {
        covered.insert(c.technology);
    }
    // A technology added to the registry needs its case above. (This test program also holds
    // the contract test's own plug-in, a point-to-point device, which the blueprint program has
    // not.)
    std::set<std::string> registered;
    for (const std::string& name : ns3::blueprint::LinkTechnologyRegistry::Names())
    {
        if (name != "test-tunnel")
        {
            registered.insert(name);
        }
    }
    EXPECT_EQ(covered, registered);
}

TEST(PcapCliTest, NamesTheScenarioDoesNotHaveExitTwoWithNothingWritten)
{
    TempDir dir;
    const std::string file = dir.Write("mix.yaml", kMix);
    const std::string out = dir.Path() + "/out";

    struct Case
    {
        std::string pcap;
        std::string message;
    };

    for (const Case& c : std::vector<Case>{
             {"hme", "--pcap: no node or link 'hme' in " + file + "; did you mean 'home'?"},
             {"'home[2]'", "--pcap: 'home[2]': node 'home' has 2 members, home[0] to home[1]"},
             {"'home[x]'", "is neither a node, a link nor a group member NAME[I]"},
             {"'cell[0]'", "'cell' is a link, which has no members"},
         })
    {
        const CommandResult r =
            Blueprint("run " + file + " --out " + out + " --pcap gnb --pcap " + c.pcap, dir);
        EXPECT_EQ(r.status, 2) << c.pcap;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
        // A command-line problem, not a place in the file.
        EXPECT_EQ(r.err.rfind("--pcap: ", 0), 0u) << r.err;
        EXPECT_FALSE(fs::exists(out)) << c.pcap;
    }
    // A node that only carries light (the all-optical relay keeps only its ROADM) has no device.
    const std::string fibre =
        std::string(BLUEPRINT_SOURCE_DIR) + "/scenarios/regional-fibre-renewal.yaml";
    const CommandResult relay =
        Blueprint("run " + fibre + " --alternative all-optical --out " + out + " --pcap relay",
                  dir);
    EXPECT_EQ(relay.status, 2);
    EXPECT_NE(relay.err.find("'relay' has no network device in configuration 'all-optical'"),
              std::string::npos)
        << relay.err;
    EXPECT_FALSE(fs::exists(out));
    // compare runs several configurations and does not take the option, as --flowmon.
    const CommandResult compare = Blueprint("compare " + file + " --pcap gnb", dir);
    EXPECT_EQ(compare.status, 2);
    EXPECT_NE(compare.err.find("unknown option '--pcap' for compare"), std::string::npos);
}
