/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The fault timeline and the failover in YAML (`events:`, `failover:`, doc/faults.rst): what is
 * read, and every bad input refused with exit status 2 at FILE:LINE:COL, with a did-you-mean for
 * misspelt keys and names.
 */

#include "helper/faults/fault-reader.h"
#include "scenario-run-support.h"

#include <gtest/gtest.h>
#include <string>

namespace
{

using namespace blueprint_test;
using ns3::blueprint::FaultEvent;

/// kValid (two hosts over a fibre) with a router group and its group link, a failover and one
/// event of each kind.
const std::string kEvents =
    kValid + R"(failover: {detection: 50ms, reconvergence: 1s, revert: false}
events:
  - {at: 2s, cut: l1}
  - {at: 3s, restore: [l1]}
  - {at: 1h, until: 9h, power_loss: a}
  - {at: 9h, power_restore: h2}
  - {at: 10s, until: 40s, storm: {center: b, radius: 5km, rain_rate: 50mm/h}}
  - {at: 1d, bring_in: h2}
  - {at: 2s, until: 4s, cut: [l1]}
)";

TEST(FaultReaderTest, ReadsTheFailoverAndEveryKindOfEvent)
{
    const ns3::blueprint::ScenarioSpec spec = ReadYaml(kEvents);
    const auto& f = spec.faults.failover;
    EXPECT_DOUBLE_EQ(f.detectionSeconds, 0.050);
    EXPECT_DOUBLE_EQ(f.reconvergenceSeconds, 1.0);
    EXPECT_FALSE(f.revert);
    const auto& e = spec.faults.events;
    ASSERT_EQ(e.size(), 7u);
    EXPECT_EQ(e[0].kind, FaultEvent::Kind::Cut);
    EXPECT_EQ(e[0].targets, std::vector<std::string>{"l1"});
    EXPECT_EQ(e[1].kind, FaultEvent::Kind::Restore);
    EXPECT_EQ(e[2].kind, FaultEvent::Kind::PowerLoss);
    EXPECT_DOUBLE_EQ(e[2].at, 3600);
    EXPECT_DOUBLE_EQ(*e[2].until, 9 * 3600);
    EXPECT_EQ(e[2].targets, std::vector<std::string>{"a"}) << "a site";
    EXPECT_EQ(e[3].kind, FaultEvent::Kind::PowerRestore);
    EXPECT_EQ(e[4].kind, FaultEvent::Kind::Storm);
    EXPECT_EQ(e[4].storm.center, "b");
    EXPECT_DOUBLE_EQ(e[4].storm.radiusMetres, 5000);
    EXPECT_DOUBLE_EQ(e[4].storm.rainRateMmH, 50);
    EXPECT_EQ(e[5].kind, FaultEvent::Kind::BringIn);
    EXPECT_DOUBLE_EQ(e[5].at, 86400);
    EXPECT_DOUBLE_EQ(*e[6].until, 4.0);
    EXPECT_FALSE(e[6].fraction.has_value());
}

TEST(FaultReaderTest, WithoutFailoverTheDefaultsAreBfdAndATunedIgp)
{
    const ns3::blueprint::ScenarioSpec spec = ReadYaml(kValid);
    EXPECT_DOUBLE_EQ(spec.faults.failover.detectionSeconds, 0.150); // RFC 5880: 3 x 50 ms
    EXPECT_DOUBLE_EQ(spec.faults.failover.reconvergenceSeconds, 0.200);
    EXPECT_TRUE(spec.faults.failover.revert);
    EXPECT_TRUE(spec.faults.events.empty());
}

/// A host and a group of four joined by a group link (four member pairs), cut in half.
const std::string kGroups = R"(blueprint: 1
name: groups
duration: 1s
sites:
  a: {position: [0km, 0km]}
nodes:
  h1: {site: a}
  many: {site: a, count: 4}
links:
  drops: {between: [h1, many], profile: ethernet, rate: 1Gbps}
flows:
  f1: {from: many, to: h1, traffic: {pattern: periodic, interval: 10ms, size: 100B}}
events:
  - {at: 1s, cut: drops, fraction: 50%}
)";

TEST(FaultReaderTest, AGroupLinkCanBeCutInPart)
{
    EXPECT_DOUBLE_EQ(*ReadYaml(kGroups).faults.events.at(0).fraction, 0.5);
}

const std::string kOne = kValid + "events:\n  - {at: 1s, cut: l1}\n";

INSTANTIATE_TEST_SUITE_P(
    Faults,
    MalformedScenarioTest,
    ::testing::Values(
        ChangedCase(kOne,
                    "EventKeyMisspelt",
                    {{"cut: l1", "cutt: l1"}},
                    "cutt",
                    "unknown key 'cutt' in event 1; did you mean 'cut'?"),
        ChangedCase(kOne,
                    "EventNamesAnUnknownLink",
                    {{"cut: l1", "cut: l2"}},
                    "l2}",
                    "event 1 cut names unknown link 'l2'; did you mean 'l1'?"),
        ChangedCase(kOne,
                    "EventCutsANode",
                    {{"cut: l1", "cut: h1"}},
                    "h1}",
                    "names unknown link 'h1'"),
        ChangedCase(kOne,
                    "PowerLossAtAnUnknownSite",
                    {{"cut: l1", "power_loss: hx"}},
                    "hx}",
                    "event 1 power_loss names unknown node, group or site 'hx'; did you mean"),
        ChangedCase(kOne,
                    "EventWithoutAction",
                    {{"{at: 1s, cut: l1}", "{at: 1s, description: nothing}"}},
                    "{at: 1s",
                    "event 1 says nothing happens"),
        ChangedCase(kOne,
                    "EventWithTwoActions",
                    {{"cut: l1}", "cut: l1, restore: l1}"}},
                    "restore",
                    "event 1 has both cut and restore"),
        ChangedCase(kOne,
                    "EventWithoutTime",
                    {{"{at: 1s, cut: l1}", "{cut: l1}"}},
                    "{cut",
                    "event 1"),
        ChangedCase(kOne,
                    "EventAtANegativeTime",
                    {{"at: 1s", "at: -1s"}},
                    "-1s",
                    "duration '-1s' must not be negative"),
        ChangedCase(kOne, "EventTimeGivenARate", {{"at: 1s", "at: 1Mbps"}}, "1Mbps", "duration"),
        ChangedCase(kOne,
                    "UntilBeforeAt",
                    {{"cut: l1", "until: 500ms, cut: l1"}},
                    "500ms",
                    "event 1: until must be after at"),
        ChangedCase(kOne,
                    "UntilOnARestore",
                    {{"cut: l1", "until: 5s, restore: l1"}},
                    "until",
                    "until ends a cut, a power_loss or a storm, not a restore"),
        ChangedCase(kOne,
                    "FractionOfASinglePair",
                    {{"cut: l1", "cut: l1, fraction: 30%"}},
                    "l1,",
                    "link 'l1' joins one pair of nodes"),
        ChangedCase(kGroups,
                    "FractionAboveAll",
                    {{"fraction: 50%", "fraction: 130%"}},
                    "130%",
                    "ratio '130%' must be at most 100%"),
        ChangedCase(kGroups,
                    "FractionOfNothing",
                    {{"fraction: 50%", "fraction: 0"}},
                    "0}",
                    "fraction must be more than 0 %",
                    "fraction"),
        ChangedCase(kOne,
                    "FractionOnAPowerLoss",
                    {{"cut: l1", "power_loss: h1, fraction: 30%"}},
                    "fraction",
                    "fraction is a share of a cut link's member pairs"),
        ChangedCase(kOne,
                    "EmptyTargetList",
                    {{"cut: l1", "cut: []"}},
                    "[]",
                    "event 1 cut names nothing"),
        ChangedCase(kOne,
                    "StormOnAnUnknownSite",
                    {{"cut: l1", "storm: {center: bb, radius: 5km, rain_rate: 50mm/h}"}},
                    "bb,",
                    "storm centred on unknown site 'bb'; did you mean 'b'?"),
        ChangedCase(kOne,
                    "StormKeyMisspelt",
                    {{"cut: l1", "storm: {center: b, radius: 5km, rainrate: 50mm/h}"}},
                    "rainrate",
                    "unknown key 'rainrate' in event 1 storm; did you mean 'rain_rate'?"),
        ChangedCase(kOne,
                    "StormRainBeyondAnyModel",
                    {{"cut: l1", "storm: {center: b, radius: 5km, rain_rate: 5000mm/h}"}},
                    "5000",
                    "rain_rate (mm/h)"),
        ChangedCase(kOne,
                    "StormWithoutRadius",
                    {{"cut: l1", "storm: {center: b, rain_rate: 50}"}},
                    "{center",
                    "radius"),
        ChangedCase(kOne,
                    "StormOfZeroRadius",
                    {{"cut: l1", "storm: {center: b, radius: 0m, rain_rate: 50}"}},
                    "0m",
                    "radius must be positive",
                    "radius"),
        ChangedCase(kOne,
                    "StormGivenAName",
                    {{"cut: l1", "storm: b"}},
                    "b}",
                    "storm must be a map",
                    "storm"),
        ChangedCase(kOne,
                    "EventsNotAList",
                    {{"events:\n  - {at: 1s, cut: l1}", "events: {at: 1s, cut: l1}"}},
                    "{at",
                    "events must be a list"),
        ChangedCase(kOne,
                    "EventNotAMap",
                    {{"{at: 1s, cut: l1}", "cut l1"}},
                    "cut l1",
                    "event 1 must be a map"),
        ChangedCase(kOne,
                    "FailoverKeyMisspelt",
                    {{"events:", "failover: {detektion: 1s}\nevents:"}},
                    "detektion",
                    "unknown key 'detektion' in failover; did you mean 'detection'?"),
        ChangedCase(kOne,
                    "FailoverNegative",
                    {{"events:", "failover: {reconvergence: -5ms}\nevents:"}},
                    "-5ms",
                    "duration '-5ms' must not be negative"),
        ChangedCase(kOne,
                    "FailoverRevertNotABool",
                    {{"events:", "failover: {revert: sometimes}\nevents:"}},
                    "sometimes",
                    "sometimes"),
        ChangedCase(kOne,
                    "BringInAnUnknownThing",
                    {{"cut: l1", "bring_in: portable"}},
                    "portable",
                    "event 1 bring_in names unknown node or link 'portable'")));

} // namespace
