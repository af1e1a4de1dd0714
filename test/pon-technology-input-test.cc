/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The PON technology's keys from YAML: every bad input, including a tree that cannot be built
 * (too many ONUs for its splitter, an ONU beyond reach, standing grants that do not fit the
 * frame), is refused by `run` and `validate` with exit status 2 at its FILE:LINE:COL.
 */

#include "scenario-run-support.h"

#include <string>
#include <vector>

namespace
{

using namespace blueprint_test;

/// An FTTH tree: sixteen homes in a village 5 km from the office and a small cell's router on
/// the same splitter.
const std::string kPon = R"(blueprint: 1
name: ftth
duration: 0.1s
sites:
  office: {position: [0km, 0km]}
  village: {position: [5km, 0km]}
  far: {position: [30km, 0km]}
nodes:
  core: {site: office, equipment: server}
  olt: {site: office, equipment: router}
  homes: {site: village, count: 16, placement: {radius: 300m}}
  cell: {site: village, equipment: router}
links:
  uplink: {between: [core, olt], profile: ethernet, rate: 10Gbps, length: 10m}
  ftth: {technology: pon, between: [olt, homes], flavour: gpon, split: 32}
  backhaul: {technology: pon, between: [olt, cell], drop: 200m}
flows:
  up: {from: homes, to: core, traffic: {pattern: periodic, interval: 2ms, size: 200B}}
)";

/// A case: kPon changed once (ChangedCase).
MalformedCase
Case(const std::string& name,
     const std::string& from,
     const std::string& to,
     const std::string& marker,
     const std::string& message)
{
    return ChangedCase(kPon, name, {{from, to}}, marker, message);
}

std::vector<MalformedCase>
PonCases()
{
    const std::string tree = "flavour: gpon, split: 32}";
    const std::string drop = "drop: 200m}";
    return {
        Case("UnknownKey",
             "flavour: gpon",
             "flavor: gpon",
             "flavor",
             "unknown key 'flavor' in link 'ftth'; did you mean 'flavour'?"),
        Case("UnknownFlavour",
             "flavour: gpon",
             "flavour: gpn",
             "gpn",
             "unknown PON flavour 'gpn'; did you mean 'gpon'?"),
        Case("UnknownDba",
             tree,
             "flavour: gpon, split: 32, dba: cooprative}",
             "cooprative",
             "unknown DBA policy 'cooprative'; did you mean 'cooperative'?"),
        Case("DbaTypeThatIsNoDba",
             tree,
             "flavour: gpon, split: 32, dba: ns3::Node}",
             "ns3::Node",
             "'ns3::Node' is not a registered class inheriting from ns3::blueprint::PonDba"),
        Case("SplitNotAPowerOfTwo",
             tree,
             "flavour: gpon, split: 48}",
             "48",
             "a splitter divides by a power of two (32, 64, 128), not 48"),
        Case("OltGroup",
             "olt: {site: office, equipment: router}",
             "olt: {site: office, equipment: router, count: 2}",
             "olt, homes]",
             "the first node of a PON link is its OLT, a single node; 'olt' is a group of 2"),
        Case("MoreOnusThanPorts",
             "count: 16",
             "count: 32",
             "backhaul:",
             "the tree on OLT 'olt' port 1 has 33 ONUs with this link's, more than its 1:32 "
             "splitter has ports"),
        Case("GroupPlacedBeyondReach",
             "homes: {site: village",
             "homes: {site: far",
             "ftth:",
             "its ONUs may be 30.3 km from the OLT (feeder 30 km, drop up to 0.3 km), beyond gpon "
             "reach with a 1:32 splitter (20 km: 28 dB budget, 20 km physical limit)"),
        Case("DropBeyondReach",
             drop,
             "drop: 16km}",
             "16km",
             "its ONUs may be 21 km from the OLT (feeder 5 km, drop 16 km), beyond gpon reach"),
        Case("TreeSettingsThatDisagree",
             drop,
             "drop: 200m, flavour: xgs-pon}",
             "flavour: xgs",
             "link 'backhaul': its flavour differs from the one link 'ftth' gives at"),
        Case("AnnouncementsWithoutTheCooperativeDba",
             drop,
             "drop: 200m, cti: [{period: 500us}]}",
             "[{period",
             "announced arrivals (cti) need dba: cooperative on the tree on OLT 'olt' port 1"),
        Case("AnnouncementTimedWithoutItsSize",
             drop,
             "drop: 200m, dba: cooperative, cti: [{first: 1ms, period: 500us}]}",
             "{first",
             "an announced arrival with its first time written needs its packet_size"),
        Case("AnnouncementAtAnotherLinksOnu",
             drop,
             "drop: 200m, dba: cooperative, cti: [{onu: homes, period: 500us}]}",
             "homes, period",
             "unknown ONU 'homes'"),
        Case("PortZero", drop, "drop: 200m, port: 0}", "0}", "link 'backhaul' port"),
        Case("CycleShorterThanAFrame",
             tree,
             "flavour: gpon, split: 32, cycle: 100us}",
             "100us",
             "cycle must be at least one 125 us frame"),
        Case("GePonCannotFeedOneToOneTwentyEight",
             tree,
             "flavour: ge-pon, split: 128}",
             "ftth:",
             "beyond ge-pon reach with a 1:128 splitter"),
        Case("StandingGrantsThatDoNotFitTheFrame",
             tree,
             "flavour: gpon, split: 32, dba: fixed, fixed_rate: 100Mbps}",
             "ftth:",
             "the standing grants and polling slots of 17 ONUs need"),
        Case("RouteFactorBelowOne",
             tree,
             "flavour: gpon, split: 32, route_factor: 0.5}",
             "0.5",
             "route_factor"),
    };
}

INSTANTIATE_TEST_SUITE_P(Pon,
                         MalformedScenarioTest,
                         ::testing::ValuesIn(PonCases()),
                         [](const ::testing::TestParamInfo<MalformedCase>& info) {
                             return info.param.name;
                         });

} // namespace
