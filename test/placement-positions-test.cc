/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * `placement: {positions: ...}`: each member of a group where the scenario puts it, east and north
 * of its site (doc/scenario-format.rst, Nodes), and its mistakes at their place in the file.
 */

#include "helper/scenario/scenario-build.h"
#include "scenario-run-support.h"

#include "ns3/simulator.h"

#include <chrono>
#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::blueprint;
using namespace blueprint_test;

namespace
{

TEST(PlacementPositionsTest, EachMemberStandsWhereWrittenAndTheFarthestBoundsTheGroup)
{
    const ScenarioSpec spec = ReadYaml(R"(blueprint: 1
name: placed
duration: 1s
sites: {field: {position: [1km, 2km]}, dc: {position: [5km, 0m]}}
nodes:
  phones: {site: field, count: 3, placement: {positions: [[300m, 0m], [0m, -500m], [-30km, 0m]]}}
  server: {site: dc}
links:
  lines: {between: [server, phones], profile: ethernet, rate: 1Gbps, length: 100m}
flows:
  f: {from: phones, to: server, traffic: {pattern: periodic, interval: 10ms, size: 100B}}
)");
    ScenarioBuild build(spec, std::chrono::steady_clock::now(), false);
    build.BuildNodes();
    const NodeGroup& phones = build.GetGroup("phones");
    ASSERT_EQ(phones.positions.size(), 3u);
    EXPECT_EQ(phones.positions[0], std::make_pair(1300.0, 2000.0));
    EXPECT_EQ(phones.positions[1], std::make_pair(1000.0, 1500.0));
    EXPECT_EQ(phones.positions[2], std::make_pair(-29000.0, 2000.0));
    // What technologies check of a group's reach is its farthest member.
    EXPECT_EQ(spec.nodes[0].placementRadius, 30e3);
    Simulator::Destroy();
}

INSTANTIATE_TEST_SUITE_P(
    Placement,
    MalformedScenarioTest,
    ::testing::Values(
        ChangedCase(kValid,
                    "PositionsAndRadiusTogether",
                    {{"h2: {site: b}",
                      "h2: {site: b, count: 2, placement: {radius: 1km, positions: [[0m, 0m], "
                      "[1m, 0m]]}}"}},
                    "[[0m",
                    "give radius or positions, not both"),
        ChangedCase(kValid,
                    "PositionsNotOnePerMember",
                    {{"h2: {site: b}",
                      "h2: {site: b, count: 3, placement: {positions: [[0m, 0m], [1m, 0m]]}}"}},
                    "[[0m",
                    "2 positions for a group of 3; give one [east, north] per member"),
        ChangedCase(kValid,
                    "PositionNotEastAndNorth",
                    {{"h2: {site: b}",
                      "h2: {site: b, count: 2, placement: {positions: [[0m, 0m], [1m]]}}"}},
                    "[1m]",
                    "a position is [east, north] of the site"),
        ChangedCase(kValid,
                    "PositionNotALength",
                    {{"h2: {site: b}",
                      "h2: {site: b, count: 2, placement: {positions: [[0m, 0m], [1m, far]]}}"}},
                    "far",
                    "far")));

} // namespace
