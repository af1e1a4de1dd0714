/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * NR approximate peak data rate of TS 38.306 clause 4.1.2 against published and hand-computed
 * figures.
 */

#include "model/nr/nr-bandwidth.h"
#include "model/nr/nr-peak-rate.h"
#include "model/nr/nr-tdd-pattern.h"

#include <gtest/gtest.h>
#include <stdexcept>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/**
 * \brief A downlink carrier with f = 1 and no TDD scaling.
 * \param layers v_Layers.
 * \param qm Q_m.
 * \param mu numerology.
 * \param prbs N_PRB.
 * \param fr2 frequency range 2.
 * \return the carrier.
 */
NrPeakRateInput
Downlink(uint32_t layers, uint8_t qm, uint8_t mu, uint32_t prbs, bool fr2)
{
    return NrPeakRateInput{layers, qm, 1.0, mu, prbs, fr2, true, 1.0};
}

} // namespace

TEST(NrPeakRateTest, OverheadsAreThoseOfTs38306)
{
    // TS 38.306 4.1.2: OH = 0.14 FR1 DL, 0.18 FR2 DL, 0.08 FR1 UL, 0.10 FR2 UL.
    EXPECT_DOUBLE_EQ(NrPeakRateOverhead(false, true), 0.14);
    EXPECT_DOUBLE_EQ(NrPeakRateOverhead(true, true), 0.18);
    EXPECT_DOUBLE_EQ(NrPeakRateOverhead(false, false), 0.08);
    EXPECT_DOUBLE_EQ(NrPeakRateOverhead(true, false), 0.10);
}

TEST(NrPeakRateTest, Fr1HundredMegahertzFourLayers256QamIs2337Mbps)
{
    // The TS 38.306 clause 4.1.2 peak for FR1 100 MHz, 30 kHz (273 PRB, TS 38.101-1 Table
    // 5.3.2-1), 4 layers, 256QAM as 2337 Mbit/s. By hand: 4 * 8 * 948/1024 * 273 * 12 * 28000
    // symbols/s * (1 - 0.14) = 29.625 * 91,728,000 * 0.86 = 2,337,000,120 bit/s.
    const uint32_t prbs = NrMaxResourceBlocks(100e6, 1, false);
    ASSERT_EQ(prbs, 273U);
    const double rate = NrPeakRate(Downlink(4, 8, 1, prbs, false));
    EXPECT_NEAR(rate / 1e6, 2337.0, 0.5);
    EXPECT_NEAR(rate, 2337000120.0, 1.0);
}

TEST(NrPeakRateTest, Fr2FourHundredMegahertzTwoLayers)
{
    // FR2 400 MHz at 120 kHz: 264 PRB (TS 38.101-2 Table 5.3.2-1), 2 layers, the usual mmWave
    // handset configuration. T_s = 1e-3 / (14 * 8), so 112,000 symbols/s. By hand:
    // 64QAM: 2 * 6 * 948/1024 * 264 * 12 * 112000 * (1 - 0.18) = 11.109375 * 354,816,000 * 0.82
    // = 3,232,262,880 bit/s; 256QAM: the same times 8/6 = 4,309,683,840 bit/s.
    const uint32_t prbs = NrMaxResourceBlocks(400e6, 3, true);
    ASSERT_EQ(prbs, 264U);
    EXPECT_NEAR(NrPeakRate(Downlink(2, 6, 3, prbs, true)), 3232262880.0, 1.0);
    EXPECT_NEAR(NrPeakRate(Downlink(2, 8, 3, prbs, true)), 4309683840.0, 1.0);
}

TEST(NrPeakRateTest, Fr1FddTwentyMegahertzTwoLayers256Qam)
{
    // FR1 FDD 20 MHz at 15 kHz: 106 PRB (TS 38.101-1 Table 5.3.2-1), 2 layers, 256QAM, a typical
    // refarmed LTE band. T_s = 1e-3 / 14, so 14,000 symbols/s. By hand: 2 * 8 * 948/1024 * 106 *
    // 12 * 14000 * 0.86 = 14.8125 * 17,808,000 * 0.86 = 226,851,660 bit/s. FDD: no TDD scaling.
    const uint32_t prbs = NrMaxResourceBlocks(20e6, 0, false);
    ASSERT_EQ(prbs, 106U);
    NrPeakRateInput in = Downlink(2, 8, 0, prbs, false);
    in.tddFraction = NrTddPattern::Fdd().GetDlFraction();
    EXPECT_NEAR(NrPeakRate(in), 226851660.0, 1.0);
}

TEST(NrPeakRateTest, TddScalesByTheShareOfSymbols)
{
    // The 2337 Mbit/s carrier on DDDSU with S = 10D+2G+2U carries DL in 52 of 70 symbols:
    // 2,337,000,120 * 52 / 70 = 1,736,057,232 bit/s.
    NrPeakRateInput dl = Downlink(4, 8, 1, 273, false);
    dl.tddFraction = NrTddPattern::Parse("DDDSU", "10D+2G+2U").GetDlFraction();
    EXPECT_NEAR(NrPeakRate(dl), 1736057232.0, 1.0);
    // Uplink of the same carrier, 2 layers 256QAM, OH = 0.08, UL in 16 of 70 symbols:
    // 2 * 8 * 948/1024 * 273 * 12 * 28000 * 0.92 * 16 / 70 = 285,719,616 bit/s.
    NrPeakRateInput ul{2, 8, 1.0, 1, 273, false, false, 16.0 / 70.0};
    EXPECT_NEAR(NrPeakRate(ul), 285719616.0, 1.0);
    // Without TDD scaling, 1 layer 64QAM uplink: 6 * 948/1024 * 91,728,000 * 0.92 =
    // 468,758,745 bit/s.
    NrPeakRateInput ul64{1, 6, 1.0, 1, 273, false, false, 1.0};
    EXPECT_NEAR(NrPeakRate(ul64), 468758745.0, 1.0);
}

TEST(NrPeakRateTest, AggregatedCarriersAddAndScalingFactorApplies)
{
    // TS 38.306 4.1.2 sums over the J aggregated carriers: the 2337 Mbit/s FR1 carrier plus the
    // 226.85 Mbit/s FDD carrier is 2,563,851,780 bit/s.
    const std::vector<NrPeakRateInput> carriers = {Downlink(4, 8, 1, 273, false),
                                                   Downlink(2, 8, 0, 106, false)};
    EXPECT_NEAR(NrPeakRate(carriers), 2563851780.0, 2.0);
    EXPECT_THROW(NrPeakRate(std::vector<NrPeakRateInput>{}), std::invalid_argument);
    // f = 0.75 scales the rate: 0.75 * 2,337,000,120 = 1,752,750,090 bit/s.
    NrPeakRateInput scaled = Downlink(4, 8, 1, 273, false);
    scaled.scalingFactor = 0.75;
    EXPECT_NEAR(NrPeakRate(scaled), 1752750090.0, 1.0);
}

TEST(NrPeakRateTest, InputsOutsideTheStandardAreRejected)
{
    const NrPeakRateInput good = Downlink(4, 8, 1, 273, false);
    auto with = [&good](auto change) {
        NrPeakRateInput in = good;
        change(in);
        return in;
    };
    EXPECT_NO_THROW(NrPeakRate(good));
    // Layers: PDSCH 1..8, PUSCH 1..4.
    EXPECT_THROW(NrPeakRate(with([](NrPeakRateInput& in) { in.layers = 0; })),
                 std::invalid_argument);
    EXPECT_THROW(NrPeakRate(with([](NrPeakRateInput& in) { in.layers = 9; })),
                 std::invalid_argument);
    EXPECT_THROW(NrPeakRate(with([](NrPeakRateInput& in) {
                     in.layers = 5;
                     in.downlink = false;
                 })),
                 std::invalid_argument);
    // Q_m 2, 4, 6, 8, 10 only; f in {1, 0.8, 0.75, 0.4}.
    EXPECT_THROW(NrPeakRate(with([](NrPeakRateInput& in) { in.modulationOrder = 3; })),
                 std::invalid_argument);
    EXPECT_THROW(NrPeakRate(with([](NrPeakRateInput& in) { in.scalingFactor = 0.9; })),
                 std::invalid_argument);
    // FR1 data SCS 15/30/60 kHz, FR2 60/120 kHz.
    EXPECT_THROW(NrPeakRate(with([](NrPeakRateInput& in) { in.mu = 3; })), std::invalid_argument);
    EXPECT_THROW(NrPeakRate(with([](NrPeakRateInput& in) { in.fr2 = true; })),
                 std::invalid_argument);
    // At most 275 PRB; a TDD share in (0, 1].
    EXPECT_THROW(NrPeakRate(with([](NrPeakRateInput& in) { in.prbs = 276; })),
                 std::invalid_argument);
    EXPECT_THROW(NrPeakRate(with([](NrPeakRateInput& in) { in.tddFraction = 0.0; })),
                 std::invalid_argument);
    EXPECT_THROW(NrPeakRate(with([](NrPeakRateInput& in) { in.tddFraction = 1.5; })),
                 std::invalid_argument);
}
