/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Unit tests of the LTE catalogue and helpers: TS 36.101 channel numbers and resource blocks,
 * the channel numbers ns-3 can simulate, the SRS periodicity a cell needs, EARTH eNB power.
 */

#include "helper/technology/lte/lte-cell-builder.h"
#include "lte-testbed.h"
#include "model/lte/lte-band-profile.h"
#include "model/lte/lte-enb-energy-model.h"

#include "ns3/lte-spectrum-value-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <gtest/gtest.h>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

namespace
{

// TS 36.101 Table 5.7.3-1 worked by hand: F_DL = F_DL_low + 0.1 (N_DL - N_Offs-DL).
TEST(LteBandProfileTest, ChannelNumbersFollowTs36101)
{
    const LteBandProfile* b1 = LteBandProfile::Find(1);
    ASSERT_NE(b1, nullptr);
    EXPECT_EQ(b1->GetDlEarfcn(2140), 300u);
    EXPECT_EQ(b1->GetUlEarfcn(2140), 18300u); // 1950 MHz, 190 MHz below
    const LteBandProfile* b3 = LteBandProfile::Find(3);
    EXPECT_EQ(b3->GetDlEarfcn(1865), 1800u);
    EXPECT_EQ(b3->GetUlEarfcn(1865), 19800u); // 1770 MHz
    const LteBandProfile* b28 = LteBandProfile::Find(28);
    EXPECT_EQ(b28->GetDlEarfcn(788), 9510u);
    EXPECT_EQ(b28->GetUlEarfcn(788), 27510u); // 733 MHz
    EXPECT_DOUBLE_EQ(b28->GetDlHighMhz(), 803.0);
    EXPECT_DOUBLE_EQ(LteBandProfile::Find(8)->GetDlHighMhz(), 960.0);
    EXPECT_TRUE(b28->Fits(788, 20));
    EXPECT_FALSE(b28->Fits(760, 20)); // 750-770 MHz starts below 758 MHz
    EXPECT_EQ(LteBandProfile::Find(7), nullptr);
    for (const auto& name : LteBandProfile::Names())
    {
        const LteBandProfile* b = LteBandProfile::Find(std::stoi(name));
        EXPECT_TRUE(b->Fits(b->defaultDlMhz, b->defaultBandwidthMhz)) << name;
        EXPECT_NO_THROW(LteResourceBlocks(b->defaultBandwidthMhz * 1e6)) << name;
    }
}

// TS 36.101 Table 5.6-1.
TEST(LteBandProfileTest, BandwidthGivesResourceBlocks)
{
    EXPECT_EQ(LteResourceBlocks(1.4e6), 6);
    EXPECT_EQ(LteResourceBlocks(3e6), 15);
    EXPECT_EQ(LteResourceBlocks(5e6), 25);
    EXPECT_EQ(LteResourceBlocks(10e6), 50);
    EXPECT_EQ(LteResourceBlocks(15e6), 75);
    EXPECT_EQ(LteResourceBlocks(20e6), 100);
    EXPECT_THROW(LteResourceBlocks(12e6), std::invalid_argument);
}

// ns-3 3.37 knows bands 1-21: the same frequency there, the nearest one for band 28.
TEST(LteBandProfileTest, SimulatedChannelKeepsTheFrequency)
{
    for (uint16_t band : {1, 3, 8, 18, 19, 26})
    {
        const LteBandProfile* b = LteBandProfile::Find(band);
        double dl = b->defaultDlMhz;
        EXPECT_DOUBLE_EQ(
            LteSpectrumValueHelper::GetDownlinkCarrierFrequency(LteSimulatedEarfcn(dl, true)),
            dl * 1e6)
            << band;
        double ul = dl - b->GetDuplexMhz();
        EXPECT_DOUBLE_EQ(
            LteSpectrumValueHelper::GetUplinkCarrierFrequency(LteSimulatedEarfcn(ul, false)),
            ul * 1e6)
            << band;
    }
    double dl28 =
        LteSpectrumValueHelper::GetDownlinkCarrierFrequency(LteSimulatedEarfcn(788, true));
    EXPECT_NEAR(dl28, 788e6, 5e6);
    double ul28 = LteSpectrumValueHelper::GetUplinkCarrierFrequency(LteSimulatedEarfcn(733, false));
    EXPECT_NEAR(ul28, 733e6, 20e6);
}

TEST(LteCellBuilderTest, SrsPeriodicityGrowsWithTheUes)
{
    EXPECT_EQ(LteCellBuilder::SrsPeriodicityFor(1, 40), 40u);
    EXPECT_EQ(LteCellBuilder::SrsPeriodicityFor(40, 40), 40u);
    EXPECT_EQ(LteCellBuilder::SrsPeriodicityFor(41, 40), 80u);
    EXPECT_EQ(LteCellBuilder::SrsPeriodicityFor(100, 40), 160u);
    EXPECT_EQ(LteCellBuilder::SrsPeriodicityFor(100, 320), 320u);
    EXPECT_EQ(LteCellBuilder::SrsPeriodicityFor(320, 40), 320u);
    EXPECT_THROW(LteCellBuilder::SrsPeriodicityFor(321, 40), std::invalid_argument);
}

/// Runs one cell with one UE 500 m away for 20 ms, its pair's streams given by `named`.
void
RunOneCell(const LteCellBuilder::PairStreams& named)
{
    std::unique_ptr<LteTestbed> bed = BuildLteTestbed(10e6, 500.0, named);
    Simulator::Stop(MilliSeconds(20));
    Simulator::Run();
    Simulator::Destroy();
}

// In a scenario every eNB-UE pair has streams named after its ends; one the names miss (an eNB
// on a node the plug-in did not register, as ns-3's LteHelper's own eNB node once was) must not
// quietly draw from a shared block in the order the channels evaluate pairs: that gave up common
// random numbers for every LTE pair without a sign.
TEST(LteCellBuilderTest, APairTheNamesMissEndsTheRunInsteadOfSharingABlock)
{
    RunOneCell([](Ptr<Node> enb, Ptr<Node> ue) { return int64_t{1000000}; });
    EXPECT_DEATH(RunOneCell([](Ptr<Node> enb, Ptr<Node> ue) { return int64_t{-1}; }),
                 "has no random streams of its own");
}

// Auer et al. 2011 Table II: macro N_TRX 6, P_max 20 W, P0 130 W, dp 4.7 -> 780 W idle, 1344 W
// at full load; micro N_TRX 2, P_max 6.3 W, P0 56 W, dp 2.6 -> 112 W and 144.76 W.
TEST(LteEnbEnergyModelTest, EarthPowerAndBlockShares)
{
    Ptr<LteEnbEnergyModel> macro = CreateObject<LteEnbEnergyModel>();
    EXPECT_DOUBLE_EQ(macro->GetPower(0), 780.0);
    EXPECT_DOUBLE_EQ(macro->GetPower(1), 1344.0);
    EXPECT_DOUBLE_EQ(macro->GetPower(0.5), 1062.0);
    Ptr<LteEnbEnergyModel> micro = CreateObject<LteEnbEnergyModel>();
    micro->SetAttribute("BsType", StringValue("micro"));
    EXPECT_DOUBLE_EQ(micro->GetPower(0), 112.0);
    EXPECT_NEAR(micro->GetPower(1), 144.76, 1e-9);
    // TS 36.213 Table 7.1.7.2.1-1: I_TBS 26 on 100 PRBs is 75,376 bits = 9422 bytes.
    EXPECT_DOUBLE_EQ(macro->GetBlockShare(28, 9422), 1.0);
    EXPECT_NEAR(macro->GetBlockShare(28, 4711), 0.5, 1e-12);
    EXPECT_DOUBLE_EQ(macro->GetBlockShare(28, 0), 0.0);
    // An idle second: the awake floor only.
    macro->Start(Seconds(0));
    EXPECT_DOUBLE_EQ(macro->GetEnergy(Seconds(1)), 780.0);
}

} // namespace
} // namespace blueprint
} // namespace ns3
