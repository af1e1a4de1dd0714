/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Transmit power of a cell against its configured bandwidth. ITU-R M.2412-0 Table 5 quotes the
 * power of a cell class per bandwidth (a power spectral density: 44 dBm for 20 MHz, 41 dBm for
 * 10 MHz in the Dense Urban macro layer), so a cell configured narrower than its band profile's
 * default must transmit less in total and see the same per-PRB SINR at a given spot.
 */

#include "helper/routing/address-plan.h"
#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"
#include "helper/technology/lte/lte-cell-builder.h"
#include "lte-testbed.h"
#include "model/nr/nr-band-profile.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/lte-enb-phy.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"

#include <gtest/gtest.h>
#include <string>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// One saturated downlink to a UE 1.2 km from an n78 urban macro mast, in NLOS with no
/// shadowing: a mid-range SINR where 7 dB more power would raise the MCS by several steps.
RunResult
SaturatedDownlink(const std::string& bandwidth)
{
    const std::string text = R"(blueprint: 1
name: bandwidth-power
duration: 300ms
sites:
  mast: {position: [0m, 0m]}
  street: {position: [1200m, 0m]}
  dc: {position: [0m, -1km]}
nodes:
  gnb: {site: mast}
  ue: {site: street}
  server: {site: dc, equipment: server}
links:
  backhaul: {between: [server, gnb], profile: fiber, rate: 100Gbps}
  cell:
    technology: nr
    between: [gnb, ue]
    band: n78
    cell: macro-urban
    bandwidth: )" + bandwidth +
                             R"(
    tdd: FDD
    propagation: {condition: NLOS, shadowing: false}
    # A short queue: what it still holds when the flow stops barely adds to the bits counted.
    attributes: {DlQueueMaxPackets: "20"}
flows:
  down:
    from: server
    to: ue
    start: 0s
    traffic: {pattern: periodic, interval: 20us, size: 1400B}
)";
    return ScenarioRunner(ScenarioDocument::FromString(text, "bw.yaml").Resolve("base")).Run();
}

} // namespace

/// 20 and 100 MHz cells of the same class at the same spot carry the same bits per PRB: the
/// same PSD gives the same SINR and MCS, so the 100 MHz cell carries 273/51 times the 20 MHz
/// cell's traffic (TS 38.101-1 Table 5.3.2-1 at 30 kHz). Before the fix the 20 MHz cell kept
/// the band's 100 MHz total (51 dBm instead of 44 dBm, 7 dB hot) and carried about 1.8 times
/// the bits per PRB.
TEST(NrCellPowerTest, PerPrbRateDoesNotDependOnTheConfiguredBandwidth)
{
    const RunResult narrow = SaturatedDownlink("20MHz");
    const RunResult wide = SaturatedDownlink("100MHz");
    ASSERT_EQ(narrow.flows.size(), 1u);
    ASSERT_EQ(wide.flows.size(), 1u);
    const double narrowPerPrb = narrow.flows[0].throughputBps / 51.0;
    const double widePerPrb = wide.flows[0].throughputBps / 273.0;
    ASSERT_GT(widePerPrb, 0.0);
    // The flow saturates both cells (it offers 560 Mbit/s).
    EXPECT_GT(narrow.flows[0].lossRatio, 0.5);
    EXPECT_GT(wide.flows[0].lossRatio, 0.2);
    EXPECT_NEAR(narrowPerPrb / widePerPrb, 1.0, 0.05)
        << "20 MHz: " << narrow.flows[0].throughputBps / 1e6
        << " Mbit/s, 100 MHz: " << wide.flows[0].throughputBps / 1e6 << " Mbit/s";
}

/// The total power of a cell class follows the bandwidth at constant PSD: 44 dBm for the
/// urban macro in 20 MHz (M.2412-0 Table 5), 44 + 10 log10(5) = 50.99 dBm in 100 MHz.
TEST(NrCellPowerTest, TotalPowerIsTheClassPsdOverTheConfiguredBandwidth)
{
    const NrCellClass* urban = NrCellClass::Find("macro-urban");
    const NrBandProfile* n78 = NrBandProfile::Find("n78");
    EXPECT_NEAR(urban->MakeRadio(*n78, 20e6).txPowerDbm, 44.0, 1e-12);
    EXPECT_NEAR(urban->MakeRadio(*n78, 100e6).txPowerDbm, 50.99, 0.005);
    EXPECT_NEAR(urban->MakeRadio(*n78, 40e6).txPowerDbm, 47.01, 0.005);
}

/// LTE's equivalent: ns-3's eNB gets the class's power at constant PSD over the configured
/// LTE bandwidth: a macro in 10 MHz transmits 46 - 3.01 = 42.99 dBm, in 20 MHz 46 dBm.
TEST(NrCellPowerTest, LteCellPowerFollowsItsConfiguredBandwidth)
{
    for (const auto& [bandwidth, expected] : {std::pair{10e6, 42.99}, std::pair{20e6, 46.0}})
    {
        std::unique_ptr<LteTestbed> bed = BuildLteTestbed(bandwidth, 100.0);
        const LteCellBuilder::Cell& cell = bed->cell;
        EXPECT_NEAR(cell.enb->GetPhy()->GetTxPower(), expected, 0.005) << bandwidth;
        Simulator::Destroy();
    }
}
