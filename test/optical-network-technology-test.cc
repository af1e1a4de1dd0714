/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Optical networks from YAML (`technology: optical`): routing and wavelength assignment gives the
 * ring's and the mesh's known answers, keeps every wavelength where it is continuous, and blocks a
 * lightpath exactly when a fibre runs out of wavelengths (the IP-routed layer's included), as an
 * error at the lightpath; a path beyond reach is flagged in the results' technology path; the
 * all-optical design draws less power than the IP-routed one by exactly the per-element margin,
 * and costs what its elements cost; a lightpath backhauls a 5G cell both ways.
 */

#include "helper/scenario/scenario-document.h"
#include "helper/scenario/scenario-runner.h"
#include "input-error-support.h"
#include "model/energy/element-power-model.h"
#include "model/equipment/equipment-profile.h"
#include "model/optical/optical-equipment.h"
#include "model/optical/optical-transponder-class.h"
#include "scenario-run-support.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;
using blueprint_test::FlowOf;
using blueprint_test::ReadYaml;
using blueprint_test::RunYaml;

namespace
{

/// Propagation in standard single-mode fibre, ms per km (doc/optical.rst: c / 1.4682).
constexpr double kMsPerKm = 4.897e-3;

/// A fibre between two routers, with its length and keys.
struct Fibre
{
    std::string a;    //!< one end's letter
    std::string b;    //!< the other's
    double km;        //!< length
    std::string keys; //!< more keys, e.g. "ip: false"
};

/**
 * A scenario of ROADM sites (a router rX at site X per letter), fibres between them, a
 * data-centre switch at some sites (hX, or the names given), and `links` and `flows` appended.
 */
std::string
Network(const std::vector<std::string>& sites,
        const std::vector<Fibre>& fibres,
        const std::string& network,
        const std::vector<std::pair<std::string, std::string>>& switches,
        const std::string& links,
        const std::string& flows)
{
    std::string s = "blueprint: 1\nname: net\nduration: 0.02s\ndrain: 0.02s\nsites:\n";
    for (std::size_t i = 0; i < sites.size(); ++i)
    {
        s += "  " + sites[i] + ": {position: [" + std::to_string(10 * i) + "km, " +
             std::to_string(i % 2) + "km]}\n";
    }
    s += "nodes:\n";
    for (const std::string& x : sites)
    {
        s += "  r" + x + ": {site: " + x + ", equipment: router}\n";
    }
    for (const auto& [name, site] : switches)
    {
        s += "  " + name + ": {site: " + site + ", equipment: switch}\n";
    }
    s += "links:\n";
    for (std::size_t i = 0; i < fibres.size(); ++i)
    {
        const Fibre& f = fibres[i];
        s += "  f" + f.a + f.b + ": {technology: optical, between: [r" + f.a + ", r" + f.b +
             "], length: " + std::to_string(f.km) + "km" + (f.keys.empty() ? "" : ", " + f.keys) +
             (i == 0 ? ", network: " + network : "") + "}\n";
    }
    return s + links + (flows.empty() ? "flows: {}\n" : "flows:\n" + flows);
}

/// `count` lightpaths named lp<first>.. between two nodes.
std::string
Lightpaths(uint32_t first, uint32_t count, const std::string& a, const std::string& b)
{
    std::string s;
    for (uint32_t i = first; i < first + count; ++i)
    {
        s += "  lp" + std::to_string(i) + ": {technology: optical, between: [" + a + ", " + b +
             "], lightpath: {}}\n";
    }
    return s;
}

std::string
ErrorOf(const std::string& text)
{
    return ErrorFrom([&]() { ReadYaml(text, "net.yaml"); }).what();
}

/// A probe from one node to another.
std::string
Probe(const std::string& name, const std::string& from, const std::string& to)
{
    return "  " + name + ": {from: " + from + ", to: " + to +
           ", traffic: {pattern: periodic, interval: 5ms, size: 100B}}\n";
}

/// The ring of the known-answer test: a-b-c-d clockwise 3 x 50 km, d-e-f-a 3 x 100 km, 40
/// channels, no IP layer on it.
std::string
Ring(const std::string& links, const std::string& flows)
{
    return Network({"a", "b", "c", "d", "e", "f"},
                   {{"a", "b", 50, "ip: false"},
                    {"b", "c", 50, "ip: false"},
                    {"c", "d", 50, "ip: false"},
                    {"d", "e", 100, "ip: false"},
                    {"e", "f", 100, "ip: false"},
                    {"f", "a", 100, "ip: false"}},
                   "{channels: 40}",
                   {{"ha", "a"}, {"hd", "d"}, {"hx", "a"}, {"hy", "d"}},
                   links,
                   flows);
}

} // namespace

// The ring's known answer (as OpticalRwaTest's, now from YAML): the first 40 lightpaths a -> d
// take the clockwise 150 km on channels 0-39, the 41st finds it full and takes the 300 km the
// other way (its flow's propagation bound says which), and after 80 the 81st is blocked: an error
// at its place naming the fibres that are full.
TEST(OpticalNetworkTechnologyTest, RingLightpathsFillTheShortWayThenTheLongWayThenBlock)
{
    const std::string long41 = "  lp41: {technology: optical, between: [hx, hy], lightpath: {}}\n";
    const RunResult r = RunYaml(Ring(Lightpaths(1, 40, "ha", "hd") + long41,
                                     Probe("short", "ha", "hd") + Probe("long", "hx", "hy")));
    EXPECT_NEAR(FlowOf(r, "short").propagationBoundMs, 150 * kMsPerKm, 1e-9);
    EXPECT_EQ(FlowOf(r, "short").linkPath, (std::vector<std::string>{"lp1"}));
    EXPECT_NEAR(FlowOf(r, "long").propagationBoundMs, 300 * kMsPerKm, 1e-9);
    EXPECT_EQ(FlowOf(r, "long").linkPath, (std::vector<std::string>{"lp41"}));
    EXPECT_GE(FlowOf(r, "long").latency.min, FlowOf(r, "long").propagationBoundMs);

    EXPECT_NO_THROW(ReadYaml(
        Ring(Lightpaths(1, 40, "ha", "hd") + long41 + Lightpaths(42, 39, "ha", "hd"), "")));
    const std::string text =
        Ring(Lightpaths(1, 40, "ha", "hd") + long41 + Lightpaths(42, 40, "ha", "hd"), "");
    const std::string error = ErrorOf(text);
    const std::size_t at = text.find("lp81");
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
    EXPECT_EQ(error.rfind("net.yaml:" + std::to_string(line) + ":", 0), 0u) << error;
    EXPECT_NE(error.find("link 'lp81': the lightpath is blocked: no wavelength free end to end on "
                         "any of the 3 shortest routes; full: fab, fbc, fcd, fde, fef, ffa (40 of "
                         "40 channels each)"),
              std::string::npos)
        << error;
}

// The mesh's known answer (OpticalRwaTest): routes a -> e by length a-b-c-d-e 350 km, a-c-d-e
// 360, a-b-d-e 390, a-b-c-e 440, a-c-e 450. 40 lightpaths fill the shortest; the 41st, with five
// candidate routes, finds the next three sharing a full fibre and takes a-c-e, 450 km; with the
// default three candidates it is blocked.
TEST(OpticalNetworkTechnologyTest, MeshLightpathTakesTheShortestRouteWithAFreeWavelength)
{
    auto mesh =
        [](const std::string& candidates, const std::string& links, const std::string& flows) {
            const std::string off = "ip: false";
            return Network({"a", "b", "c", "d", "e"},
                           {{"a", "b", 100, off},
                            {"a", "c", 150, off},
                            {"b", "c", 40, off},
                            {"b", "d", 200, off},
                            {"c", "d", 120, off},
                            {"c", "e", 300, off},
                            {"d", "e", 90, off}},
                           "{channels: 40" + candidates + "}",
                           {{"ha", "a"}, {"he", "e"}, {"hx", "a"}, {"hy", "e"}},
                           links,
                           flows);
        };
    const std::string lp41 = "  lp41: {technology: optical, between: [hx, hy], lightpath: {}}\n";
    const RunResult r = RunYaml(mesh(", candidate_paths: 5",
                                     Lightpaths(1, 40, "ha", "he") + lp41,
                                     Probe("first", "ha", "he") + Probe("last", "hx", "hy")));
    EXPECT_NEAR(FlowOf(r, "first").propagationBoundMs, 350 * kMsPerKm, 1e-9);
    EXPECT_NEAR(FlowOf(r, "last").propagationBoundMs, 450 * kMsPerKm, 1e-9);
    EXPECT_NE(ErrorOf(mesh("", Lightpaths(1, 40, "ha", "he") + lp41, ""))
                  .find("link 'lp41': the lightpath is blocked: no wavelength free end to end on "
                        "any of the 3 shortest routes"),
              std::string::npos);
}

// Blocking appears exactly when a fibre runs out of wavelengths, and the IP-routed layer's
// wavelength is one of them: on a-b-c with 40 channels and the routed layer on both fibres, 39
// lightpaths a -> c fit and the 40th is blocked; with `ip: false` on the fibres 40 fit and the
// 41st is blocked.
TEST(OpticalNetworkTechnologyTest, BlockingAppearsExactlyWhenAFibreRunsOutOfWavelengths)
{
    auto line = [](const std::string& keys, uint32_t lightpaths) {
        return Network({"a", "b", "c"},
                       {{"a", "b", 100, keys}, {"b", "c", 100, keys}},
                       "{channels: 40}",
                       {{"ha", "a"}, {"hc", "c"}},
                       Lightpaths(1, lightpaths, "ha", "hc"),
                       "");
    };
    EXPECT_NO_THROW(ReadYaml(line("", 39)));
    EXPECT_NE(ErrorOf(line("", 40))
                  .find("link 'lp40': the lightpath is blocked: no wavelength "
                        "free end to end on any of the 3 shortest routes; "
                        "full: fab, fbc"),
              std::string::npos);
    EXPECT_NO_THROW(ReadYaml(line("ip: false", 40)));
    EXPECT_NE(ErrorOf(line("ip: false", 41)).find("link 'lp41': the lightpath is blocked"),
              std::string::npos);
}

// Beyond reach the result says what was done: a 400G lightpath asked to carry 100 Gbit/s over
// 600 km (beyond 400G's 320 km, within 100G's reach) runs on a 100G transponder
// ("lightpath-100G"); a 100G one over 3,000 km gets a regenerator ("lightpath-regenerated",
// OpticalTechnologyTest); without either remedy it is an error (MalformedScenarioTest).
TEST(OpticalNetworkTechnologyTest, PathBeyondReachIsFlaggedInTheTechnologyPath)
{
    const RunResult r = RunYaml(Network(
        {"a", "b", "c"},
        {{"a", "b", 300, ""}, {"b", "c", 300, ""}},
        "{channels: 64}",
        {{"ha", "a"}, {"hc", "c"}},
        "  dci: {technology: optical, between: [ha, hc], lightpath: {transponder: 400G, rate: "
        "100Gbps}}\n",
        Probe("p", "ha", "hc")));
    EXPECT_EQ(FlowOf(r, "p").technologyPath, (std::vector<std::string>{"lightpath-100G"}));
}

namespace
{

/// The two designs of one 0.8 Gbit/s demand r0 -> r3 over three 100 km fibres: all-optical (a
/// lightpath; r1 and r2 are ROADM-only sites and the fibres carry no routed wavelength) or
/// IP-routed (routers at every site, a routed wavelength on every fibre).
RunResult
Design(bool allOptical)
{
    std::string s = R"(blueprint: 1
name: designs
duration: 0.1s
drain: 0.02s
sites:
  s0: {position: [0km, 0km]}
  s1: {position: [100km, 0km]}
  s2: {position: [200km, 0km]}
  s3: {position: [300km, 0km]}
nodes:
  r0: {site: s0, equipment: router}
  r1: {site: s1, equipment: EQ}
  r2: {site: s2, equipment: EQ}
  r3: {site: s3, equipment: router}
links:
  f01: {technology: optical, between: [r0, r1], IP}
  f12: {technology: optical, between: [r1, r2], IP}
  f23: {technology: optical, between: [r2, r3], IP}
LIGHTPATH
flows:
  demand: {from: r0, to: r3, traffic: {pattern: periodic, interval: 10us, size: 1000B}}
)";
    auto replace = [&s](const std::string& from, const std::string& to) {
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at))
        {
            s.replace(at, from.size(), to);
            at += to.size();
        }
    };
    replace("EQ", allOptical ? "host" : "router");
    replace("IP", allOptical ? "ip: false" : "ip: true");
    replace("LIGHTPATH",
            allOptical ? "  dci: {technology: optical, between: [r0, r3], lightpath: {}}" : "");
    return RunYaml(s);
}

} // namespace

// The same demand, two designs (as OpticalEnergyTest, now from YAML). Both have the same ROADMs
// and fibres. By the per-element figures the IP-routed design adds four transponders (two per
// extra hop), four ROADM add/drop ports, and the routers at r1 and r2 (idle power plus W/Gbit/s
// of what they forward), all at the telecom site PUE of 2.0. The results' difference is that
// margin: the optical layer's share exactly, the routers' between their idle and full power. A
// ROADM-only site's node is the fibre's, not reported as unmetered; nothing is silently zero.
TEST(OpticalNetworkTechnologyTest, AllOpticalPathUsesLessPowerThanTheRoutedPathByTheElementMargin)
{
    const RunResult optical = Design(true);
    const RunResult routed = Design(false);
    const FlowResult& a = FlowOf(optical, "demand");
    const FlowResult& b = FlowOf(routed, "demand");
    EXPECT_EQ(a.technologyPath, (std::vector<std::string>{"lightpath"}));
    EXPECT_EQ(b.technologyPath, (std::vector<std::string>{"ip-over-wdm"}));
    ASSERT_GT(a.rxPackets, 9000u);
    EXPECT_EQ(a.rxPackets, b.rxPackets) << "the same demand, carried whole";

    const double T = 0.12; // the metered run: duration and drain
    const OpticalEquipment eq = OpticalEquipment::Defaults();
    const OpticalTransponderClass& cls = *OpticalTransponderClass::Find("100G");
    const double opticalMargin = 4 * (cls.powerWatts + eq.roadmWattsPerAddDropPort) * eq.pue * T;
    EXPECT_NEAR(routed.energyByTechnology.at("optical") - optical.energyByTechnology.at("optical"),
                opticalMargin,
                1e-9 * opticalMargin);
    const EquipmentProfile& router = *EquipmentProfile::Find("router");
    const double routers =
        routed.energyByTechnology.at("router") - optical.energyByTechnology.at("router");
    EXPECT_GE(routers, 2 * router.idlePower * router.pue * T);
    EXPECT_LE(routers, 2 * router.maxPower * router.pue * T);
    EXPECT_NEAR(routed.energyJoules - optical.energyJoules,
                opticalMargin + routers,
                1e-9 * routed.energyJoules);
    EXPECT_LT(optical.energyJoules, routed.energyJoules);
    // Every ROADM, amplifier and transponder is metered; no element of either design is
    // reported without a power or a cost figure.
    EXPECT_GT(optical.energyByTechnology.at("optical"), 4 * eq.roadmBaseWatts * eq.pue * T);
    EXPECT_TRUE(optical.unmetered.empty()) << optical.unmetered.front().element;
    EXPECT_TRUE(optical.uncosted.empty()) << optical.uncosted.front().element;
    EXPECT_TRUE(routed.unmetered.empty());
    EXPECT_TRUE(routed.uncosted.empty());
    // The capital margin: four transponders, four add/drop ports and two routers.
    const double capex = 4 * cls.capex + 4 * eq.roadmCapexPerAddDropPort + 2 * router.capex;
    EXPECT_NEAR(routed.capex - optical.capex, capex, 1e-6 * capex);
}

// A lightpath backhauls a 5G cell: the gNB's transponder at the town's ROADM, a 60 km lightpath
// to the core router, downlink and uplink between a server and the UEs, every packet delivered,
// over "ethernet", "lightpath" and "nr".
TEST(OpticalNetworkTechnologyTest, ALightpathBackhaulsA5gCellBothWays)
{
    const RunResult r = RunYaml(R"(blueprint: 1
name: backhaul
duration: 0.5s
sites:
  core: {position: [0km, 0km]}
  town: {position: [60km, 0km]}
nodes:
  rc: {site: core, equipment: router}
  rt: {site: town, equipment: router}
  server: {site: core, equipment: server}
  gnb: {site: town}
  ues: {site: town, count: 2, placement: {radius: 200m}}
links:
  trunk: {technology: optical, between: [rc, rt]}
  backhaul: {technology: optical, between: [rc, gnb], lightpath: {}}
  cell: {technology: nr, between: [gnb, ues], band: n78}
  dc: {between: [server, rc], profile: ethernet, rate: 10Gbps, length: 10m}
flows:
  down: {from: server, to: ues, start: 0.1s, traffic: {pattern: periodic, interval: 10ms, size: 500B}}
  up: {from: ues, to: server, start: 0.1s, traffic: {pattern: periodic, interval: 10ms, size: 500B}}
)");
    for (const char* name : {"down", "up"})
    {
        const FlowResult& f = FlowOf(r, name);
        SCOPED_TRACE(name);
        EXPECT_GT(f.txPackets, 50u);
        EXPECT_EQ(f.rxPackets, f.txPackets);
        EXPECT_GE(f.latency.min, f.propagationBoundMs);
        EXPECT_GT(f.propagationBoundMs, 60 * kMsPerKm);
    }
    EXPECT_EQ(FlowOf(r, "down").technologyPath,
              (std::vector<std::string>{"ethernet", "lightpath", "nr"}));
    EXPECT_EQ(FlowOf(r, "up").technologyPath,
              (std::vector<std::string>{"nr", "lightpath", "ethernet"}));
}
