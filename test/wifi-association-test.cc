/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A Wi-Fi cell's stations stay with their one access point (helper/technology/wifi,
 * doc/scenario-format.rst Wi-Fi cells): stations that miss beacons while dozens of them
 * associate at once are not disassociated. ns-3 3.37's StaWifiMac, left to its 10 missed
 * beacons, disassociates them, and aborts when that happens while an association request is
 * pending (a 200-phone shelter aborted 2.76 s into a window of
 * scenarios/peninsula-earthquake-shelter.yaml).
 */

#include "helper/power/power-plant.h"
#include "helper/scenario/scenario-document.h"
#include "helper/scenario/scenario-runner.h"

#include "ns3/config.h"
#include "ns3/mac48-address.h"

#include <gtest/gtest.h>
#include <string>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;

/// A shelter's access point and 60 phones checking in with a server.
const std::string kShelter = R"(blueprint: 1
name: shelter-wifi
duration: 6s
sites:
  shelter: {position: [0m, 0m]}
nodes:
  ap: {site: shelter, equipment: router}
  phones: {site: shelter, count: 60, placement: {radius: 40m}}
  server: {site: shelter, equipment: server}
links:
  cell: {technology: wifi, between: [ap, phones]}
  lan: {between: [ap, server], profile: ethernet, rate: 1Gbps, length: 10m}
flows:
  safety:
    from: phones
    to: server
    start: 1s
    traffic: {pattern: request_response, interval: 3s, arrivals: poisson, size: 1kB,
              response_size: 3kB}
)";

uint32_t g_disassociations = 0; //!< StaWifiMac DeAssoc traces seen in the run

void
CountDisassociation(Mac48Address)
{
    ++g_disassociations;
}

TEST(WifiAssociationTest, StationsAreNotDisassociatedForBeaconsMissedWhileTheCellAssociates)
{
    g_disassociations = 0;
    ScenarioRunner runner(ScenarioDocument::FromString(kShelter, "shelter.yaml").Resolve("base"));
    // The plant hook runs once everything is built, before the simulation: the stations exist.
    runner.SetPowerPlantHook([](PowerPlant&) {
        Config::ConnectWithoutContext(
            "/NodeList/*/DeviceList/*/$ns3::WifiNetDevice/Mac/$ns3::StaWifiMac/DeAssoc",
            MakeCallback(&CountDisassociation));
    });
    const RunResult r = runner.Run();
    EXPECT_EQ(g_disassociations, 0u);
    ASSERT_EQ(r.flows.size(), 1u);
    EXPECT_GT(r.flows[0].rxPackets, 0u);
}

} // namespace
