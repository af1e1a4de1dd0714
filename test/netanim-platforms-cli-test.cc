/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * `blueprint run --netanim` draws the platforms that serve a scenario from inside their channels
 * (LinkTechnology::GetAnimatedPlatforms): a marker node per serving platform of the
 * remote-island clinic's leo, geo-vsat and haps configurations (shortened), placed at the point
 * under it on the scenario's plane, moved and relabelled as it moves and changes, and none for a
 * scenario without such platforms.
 */

#include "cli-support.h"
#include "model/geography/geographic-frame.h"

#include <cmath>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

namespace
{

using namespace blueprint_test;

/// Reads a NetAnim trace into JSON: its nodes, and the position, description, colour and size
/// updates of each (NetAnim's `nu` elements: p="p", "d", "c", "s").
const std::string kReader = R"(import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
out = {'nodes': {}, 'moves': {}, 'descr': {}, 'color': {}, 'size': {}}
for n in root.iter('node'):
    out['nodes'][n.get('id')] = [float(n.get('locX')), float(n.get('locY'))]
for u in root.iter('nu'):
    i, t, p = u.get('id'), float(u.get('t')), u.get('p')
    if p == 'p':
        out['moves'].setdefault(i, []).append([t, float(u.get('x')), float(u.get('y'))])
    elif p == 'd':
        out['descr'].setdefault(i, []).append([t, u.get('descr')])
    elif p == 'c':
        out['color'][i] = [int(u.get('r')), int(u.get('g')), int(u.get('b'))]
    elif p == 's':
        out['size'][i] = float(u.get('w'))
json.dump(out, sys.stdout)
)";

/// What one run with --netanim wrote.
struct Traced
{
    nlohmann::json trace;  //!< kReader's reading of netanim.xml
    nlohmann::json result; //!< result.json
};

/// Run a configuration of the remote-island clinic with --netanim and read what it wrote.
Traced
RunIsland(const TempDir& dir, const std::string& options, const std::string& name)
{
    const std::string out = dir.Path() + "/" + name;
    const CommandResult r = Blueprint("run " + std::string(BLUEPRINT_SOURCE_DIR) +
                                          "/scenarios/remote-island-clinic.yaml " + options +
                                          " --out " + out + " --netanim",
                                      dir);
    EXPECT_EQ(r.status, 0) << r.err;
    const std::string script = dir.Write("read.py", kReader);
    const std::string json = dir.Path() + "/" + name + ".json";
    EXPECT_EQ(std::system(("python3 " + script + " " + out + "/netanim.xml >" + json).c_str()), 0);
    return {nlohmann::json::parse(ReadFile(json)),
            nlohmann::json::parse(ReadFile(out + "/result.json"))};
}

/// The id of the one marker a single-platform run draws: the node after the scenario's own.
std::string
OnlyMarker(const Traced& t)
{
    const unsigned scenarioNodes = t.result["topology"]["nodes"].get<unsigned>();
    EXPECT_EQ(t.trace["nodes"].size(), scenarioNodes + 1);
    return std::to_string(scenarioNodes);
}

/// The id of the one marker of a run whose platform never changes, checking its one label.
std::string
FixedMarker(const Traced& t, const std::string& description)
{
    const std::string id = OnlyMarker(t);
    EXPECT_EQ(t.trace["descr"][id].size(), 1u);
    EXPECT_EQ(t.trace["descr"][id][0][1], description);
    return id;
}

/// Distance between two plane points, m.
double
Distance(double x1, double y1, double x2, double y2)
{
    return std::hypot(x1 - x2, y1 - y2);
}

/// The short runs: the imaging transfer starts at once.
const std::string kShort = " --set flows.imaging.start=0s --set drain=0s";

} // namespace

TEST(NetAnimPlatformsTest, LeoMarkerFollowsTheDishsSatelliteAndJumpsWhenTheScheduleReassignsIt)
{
    TempDir dir;
    // 16 s: the 15 s schedule reassigns the dish once.
    const Traced t = RunIsland(dir, "--alternative leo --set duration=16s" + kShort, "leo");
    const std::string id = OnlyMarker(t);
    // Labelled with the satellite serving the dish: one from the start, another at 15 s.
    const nlohmann::json& descr = t.trace["descr"][id];
    std::vector<std::pair<double, std::string>> serving;
    for (const auto& d : descr)
    {
        const std::string text = d[1];
        if (text.rfind("leo plane ", 0) == 0)
        {
            serving.emplace_back(d[0].get<double>(), text);
        }
    }
    ASSERT_EQ(serving.size(), 2u) << descr.dump();
    EXPECT_EQ(serving[0].first, 0.0);
    EXPECT_EQ(serving[1].first, 15.0);
    EXPECT_NE(serving[0].second, serving[1].second);
    EXPECT_NE(serving[0].second.find(" serving clinic-router"), std::string::npos);
    // Distinct from the scenario's nodes (NetAnim's red, 1 m).
    EXPECT_NE(t.trace["color"][id], t.trace["color"]["0"]);
    EXPECT_GT(t.trace["size"][id].get<double>(), 1000.0);
    // Between reassignments it moves with the satellite: the point under a 550 km orbit runs at
    // v R / (R + h) = 7.59 km/s x 6371 / 6921 = 6.99 km/s, give or take the Earth's rotation
    // (0.4 km/s here) and the plane's shrink: 1.6 to 1.9 km per 0.25 s sample.
    const nlohmann::json& moves = t.trace["moves"][id];
    ASSERT_GT(moves.size(), 60u);
    const double dishX = t.trace["nodes"]["0"][0];
    const double dishY = t.trace["nodes"]["0"][1];
    int steps = 0;
    for (std::size_t i = 1; i < moves.size(); ++i)
    {
        const double dt = moves[i][0].get<double>() - moves[i - 1][0].get<double>();
        const double d = Distance(moves[i][1], moves[i][2], moves[i - 1][1], moves[i - 1][2]);
        const double at = moves[i][0];
        // Seen above the dish's minimum elevation: within about 1,000 km of it.
        EXPECT_LT(Distance(moves[i][1], moves[i][2], dishX, dishY), 1000e3) << at;
        if (at == 15.0)
        {
            EXPECT_GT(d, 20e3) << "the new satellite is elsewhere";
        }
        else if (at > 0.0 && dt == 0.25)
        {
            EXPECT_GT(d, 1.5e3) << at;
            EXPECT_LT(d, 2.0e3) << at;
            ++steps;
        }
    }
    EXPECT_GT(steps, 55);
}

TEST(NetAnimPlatformsTest, GeoMarkerStandsOnTheEquatorAtItsLongitude)
{
    TempDir dir;
    const Traced t = RunIsland(dir, "--alternative geo-vsat --set duration=0.3s" + kShort, "geo");
    const std::string id = FixedMarker(t, "geo GEO 140E serving clinic-router");
    // The scenario's plane touches the Earth in Tokyo (origin: [35.68N, 139.77E], WGS84).
    const ns3::blueprint::GeographicFrame frame(35.68, 139.77);
    const ns3::Vector expected = frame.GeographicToLocal(0.0, 140.0, 0.0);
    const double x = t.trace["nodes"][id][0];
    const double y = t.trace["nodes"][id][1];
    // ns-3's inverse of the geodetic conversion stops within about a metre.
    EXPECT_LT(Distance(x, y, expected.x, expected.y), 2.0) << x << " " << y;
    EXPECT_NEAR(y, -3.70e6, 0.01e6); // R sin(35.68 degrees) south of Tokyo
    EXPECT_FALSE(t.trace["moves"].contains(id)) << "a geostationary satellite stays put";
}

TEST(NetAnimPlatformsTest, HapsMarkerHoldsStationOverTheIsland)
{
    TempDir dir;
    const Traced t = RunIsland(dir, "--alternative haps --set duration=0.3s" + kShort, "haps");
    const std::string id = FixedMarker(t, "haps HAPS 32.458N 139.767E serving clinic-router");
    // Over the clinic's router (node 0), the terminal it was placed above, to within metres.
    EXPECT_LT(Distance(t.trace["nodes"][id][0],
                       t.trace["nodes"][id][1],
                       t.trace["nodes"]["0"][0],
                       t.trace["nodes"]["0"][1]),
              5.0);
    EXPECT_FALSE(t.trace["moves"].contains(id));
}

TEST(NetAnimPlatformsTest, AScenarioWithoutPlatformsHasOnlyItsOwnNodes)
{
    TempDir dir;
    const Traced t = RunIsland(dir, "--set duration=0.3s" + kShort, "cable");
    EXPECT_EQ(t.trace["nodes"].size(), t.result["topology"]["nodes"].get<unsigned>());
    EXPECT_TRUE(t.trace["descr"].empty());
}

TEST(NetAnimPlatformsTest, MarkersChangeNothingInTheResults)
{
    TempDir dir;
    const std::string options = "--alternative leo --set duration=16s" + kShort;
    Traced t = RunIsland(dir, options, "traced");
    const std::string plain = dir.Path() + "/plain";
    ASSERT_EQ(Blueprint("run " + std::string(BLUEPRINT_SOURCE_DIR) +
                            "/scenarios/remote-island-clinic.yaml " + options + " --out " + plain,
                        dir)
                  .status,
              0);
    nlohmann::json p = nlohmann::json::parse(ReadFile(plain + "/result.json"));
    t.result.erase("runtime"); // wall time and event count
    p.erase("runtime");
    EXPECT_EQ(t.result, p);
}
