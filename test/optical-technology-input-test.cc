/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The optical technology's keys from YAML: every bad input is refused by `run` and `validate`
 * with exit status 2 at its FILE:LINE:COL, with a did-you-mean where a word was misspelt, before
 * anything is built or written.
 */

#include "scenario-run-support.h"

#include <string>
#include <vector>

namespace
{

using namespace blueprint_test;

/// Three ROADM sites on a line (100 km and 150 km of fibre between them), a data-centre switch at
/// each end joined by a lightpath; a second network of one fibre (r3-r4), and a site with no
/// ROADM (s5).
const std::string kOptical = R"(blueprint: 1
name: optical
duration: 0.1s
sites:
  s0: {position: [0km, 0km]}
  s1: {position: [100km, 0km]}
  s2: {position: [250km, 0km]}
  s3: {position: [0km, 50km]}
  s4: {position: [0km, 90km]}
  s5: {position: [50km, 50km]}
nodes:
  r0: {site: s0, equipment: router}
  r1: {site: s1, equipment: router}
  r2: {site: s2, equipment: router}
  r3: {site: s3, equipment: router}
  r4: {site: s4, equipment: router}
  h0: {site: s0, equipment: switch}
  h2: {site: s2, equipment: switch}
links:
  f01: {technology: optical, between: [r0, r1], network: {channels: 40}}
  f12: {technology: optical, between: [r1, r2]}
  f34: {technology: optical, between: [r3, r4]}
  lp: {technology: optical, between: [h0, h2], lightpath: {}}
flows:
  probe: {from: h0, to: h2, traffic: {pattern: periodic, interval: 1ms, size: 1000B}}
)";

/// A case: kOptical changed (ChangedCase), with a second change when `from2` is given.
MalformedCase
Case(const std::string& name,
     const std::string& from,
     const std::string& to,
     const std::string& marker,
     const std::string& message,
     const std::string& after = "",
     const std::string& from2 = "",
     const std::string& to2 = "")
{
    std::vector<std::pair<std::string, std::string>> changes = {{from, to}};
    if (!from2.empty())
    {
        changes.emplace_back(from2, to2);
    }
    return ChangedCase(kOptical, name, changes, marker, message, after);
}

std::vector<MalformedCase>
OpticalCases()
{
    const std::string lp = "lightpath: {}";
    return {
        Case("UnknownFibreKey",
             "network: {channels: 40}}",
             "network: {channels: 40}, lenght: 90km}",
             "lenght",
             "unknown key 'lenght' in link 'f01'; did you mean 'length'?"),
        Case("UnknownNetworkKey",
             "{channels: 40}",
             "{chanels: 40}",
             "chanels",
             "unknown key 'chanels' in link 'f01' network; did you mean 'channels'?"),
        Case("UnknownLightpathKey",
             lp,
             "lightpath: {trasponder: 100G}",
             "trasponder",
             "did you mean 'transponder'?"),
        Case("UnknownTransponderClass",
             lp,
             "lightpath: {transponder: 100Gx}",
             "100Gx",
             "unknown transponder class '100Gx'; did you mean '100G'?"),
        Case("UnknownLinePreset",
             "{channels: 40}",
             "{channels: 40, line: submarin}",
             "submarin",
             "unknown optical line preset 'submarin'; did you mean 'submarine'?"),
        Case("GridOfFiftyChannels",
             "{channels: 40}",
             "{channels: 50}",
             "50}",
             "channels is 40 (100 GHz), 64 (75 GHz) or 96 (50 GHz), not 50"),
        Case("ClassWiderThanTheGrid",
             lp,
             "lightpath: {transponder: 400G}",
             "400G",
             "a 400G signal needs 75 GHz slots, but 96 channels are 50 GHz apart",
             "",
             "{channels: 40}",
             "{channels: 96}"),
        Case("RateBeyondOneWavelength",
             lp,
             "lightpath: {rate: 200Gbps}",
             "200Gbps",
             "link 'lp': rate exceeds one 100G wavelength"),
        Case("SettingsThatDisagree",
             "between: [r1, r2]}",
             "between: [r1, r2], network: {channels: 96}}",
             "{channels: 96}",
             "its network settings differ from those link 'f01' gives at"),
        Case("FibreKeyOnALightpath",
             lp,
             "lightpath: {}, length: 10km",
             "length",
             "'length' belongs to a fibre",
             "lp:"),
        Case("GroupAtAnEnd",
             "h0: {site: s0, equipment: switch}",
             "h0: {site: s0, equipment: switch, count: 2}",
             "h0, h2]",
             "the ends of an optical link are single nodes; 'h0' is a group of 2"),
        Case("RoutedWavelengthAtAHost",
             "r1: {site: s1, equipment: router}",
             "r1: {site: s1}",
             "r1]",
             "node 'r1' is a host (equipment 'host'); give the fibre ip: false"),
        Case("UnknownRoadm",
             lp,
             "lightpath: {add: r9}",
             "r9",
             "lightpath add 'r9' is not a ROADM (the end of an optical fibre); did you mean"),
        Case("NoRoadmAtTheEndsSite",
             "h0: {site: s0,",
             "h0: {site: s5,",
             "lp:",
             "node 'h0' is at site 's5', where no optical fibre ends; name the ROADM the "
             "lightpath is added at (add: ...)"),
        Case("LightpathAcrossTwoNetworks",
             lp,
             "lightpath: {drop: r3}",
             "{drop: r3}",
             "the lightpath is added at 'r0' and dropped at 'r3', which no fibres join"),
        Case("RoutedWavelengthBeyondReach",
             "network: {channels: 40}}",
             "network: {channels: 40}, length: 3000km}",
             "f01:",
             "the IP-routed layer's 100G wavelength on this 3000 km fibre is beyond its reach "
             "(2480 km on this line"),
        Case("LightpathBeyondReachWithoutRemedy",
             "network: {channels: 40}}",
             "network: {channels: 40, regenerators: false, slower_transponder: false}, "
             "length: 2400km}",
             "{}",
             "link 'lp': the lightpath is blocked: no route within the reach of a usable "
             "transponder class"),
        Case("LengthAndRouteFactor",
             "network: {channels: 40}}",
             "network: {channels: 40}, length: 90km, route_factor: 1.2}",
             "1.2}",
             "give either length or route_factor, not both"),
        Case("RouteFactorBelowOne",
             "network: {channels: 40}}",
             "network: {channels: 40}, route_factor: 0.5}",
             "0.5",
             "route_factor must be 1 to 100"),
        Case("FibreWithinOneSite",
             "  lp: {",
             "  fx: {technology: optical, between: [r0, h0], ip: false}\n  lp: {",
             "fx:",
             "link 'fx': its two nodes are at the same place; give the fibre its route length"),
        Case("UnknownPlant",
             "network: {channels: 40}}",
             "network: {channels: 40}, plant: aerail}",
             "aerail",
             "unknown fibre plant 'aerail'; did you mean 'aerial'?"),
        Case("LightpathWrittenAsAWord", lp, "lightpath: 100G", "100G", "lightpath is a map"),
        Case("NegativeIpRate",
             "network: {channels: 40}}",
             "network: {channels: 40}, ip: {rate: 0Gbps}}",
             "0Gbps",
             "link 'f01' ip rate must be positive"),
    };
}

INSTANTIATE_TEST_SUITE_P(Optical,
                         MalformedScenarioTest,
                         ::testing::ValuesIn(OpticalCases()),
                         [](const ::testing::TestParamInfo<MalformedCase>& info) {
                             return info.param.name;
                         });

} // namespace
