/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * NR frame structure: numerology timing (TS 38.211 clauses 4 and 5.3.1), maximum transmission
 * bandwidth (TS 38.101-1/-2 Table 5.3.2-1), TDD patterns (TS 38.521-4 Tables A.1.2-1/-2) and UE
 * processing times (TS 38.214 clauses 5.3 and 6.4).
 */

#include "model/nr/nr-bandwidth.h"
#include "model/nr/nr-numerology.h"
#include "model/nr/nr-processing-time.h"
#include "model/nr/nr-tdd-pattern.h"

#include "ns3/nstime.h"

#include <gtest/gtest.h>
#include <stdexcept>
#include <string>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/**
 * \brief Run a call that must throw std::invalid_argument and return its message.
 * \param call the call.
 * \return the exception's message, or "" (and a test failure) if nothing was thrown.
 */
template <typename Call>
std::string
InvalidArgumentMessage(Call call)
{
    try
    {
        call();
    }
    catch (const std::invalid_argument& e)
    {
        return e.what();
    }
    ADD_FAILURE() << "expected std::invalid_argument";
    return "";
}

/// One row of a maximum transmission bandwidth table: bandwidth in MHz and N_RB.
struct NrbCell
{
    double mhz;   //!< channel bandwidth, MHz
    uint32_t nrb; //!< N_RB
};

} // namespace

// --- numerology: TS 38.211 clauses 4.2, 4.3 and 5.3.1 ---

TEST(NrFrameTest, SlotAndSymbolDurationsMatchTheNumerologyTable)
{
    // (5G-LENA manual table, TS 38.211 Tables 4.2-1 and 4.3.2-1): mu 0..3 have
    // 1, 2, 4, 8 slots per subframe, slots of 1, 0.5, 0.25, 0.125 ms and symbols of 71.42,
    // 35.71, 17.85, 8.92 us (slot / 14, truncated to two decimals in the manual).
    const uint32_t slotsPerSubframe[] = {1, 2, 4, 8};
    const int64_t slotNs[] = {1000000, 500000, 250000, 125000};
    const double symbolUs[] = {71.42, 35.71, 17.85, 8.92};
    for (uint8_t mu = 0; mu <= 3; ++mu)
    {
        const NrNumerology numerology(mu);
        EXPECT_EQ(numerology.GetMu(), mu);
        // TS 38.211 Table 4.2-1: delta f = 2^mu * 15 kHz.
        EXPECT_DOUBLE_EQ(numerology.GetSubcarrierSpacing(), 15e3 * slotsPerSubframe[mu]);
        EXPECT_EQ(numerology.GetSlotsPerSubframe(), slotsPerSubframe[mu]);
        // TS 38.211 Table 4.3.2-1: 10 * 2^mu slots per frame.
        EXPECT_EQ(numerology.GetSlotsPerFrame(), 10 * slotsPerSubframe[mu]);
        EXPECT_EQ(numerology.GetSlotDuration(), NanoSeconds(slotNs[mu]));
        EXPECT_NEAR(numerology.GetSymbolDuration().GetSeconds() * 1e6, symbolUs[mu], 0.01);
    }
}

TEST(NrFrameTest, OnlyDataNumerologiesAreAccepted)
{
    // TS 38.300 Table 5.1-1: 240 kHz (mu = 4) is "Supported for data: No".
    EXPECT_TRUE(NrNumerology::IsSupportedForData(3));
    EXPECT_FALSE(NrNumerology::IsSupportedForData(4));
    EXPECT_NE(InvalidArgumentMessage([] { NrNumerology(4); }).find("SS/PBCH"), std::string::npos);
    EXPECT_THROW(NrNumerology(5), std::invalid_argument);
}

TEST(NrFrameTest, FirstSymbolOfEveryHalfMillisecondHasTheLongerCyclicPrefix)
{
    // TS 38.211 5.3.1, normal CP: N_u = 2048 kappa 2^-mu, N_CP = 144 kappa 2^-mu, plus 16 kappa
    // for l = 0 and l = 7 * 2^mu. At mu = 0 (kappa = 64): 131072 + 9216 = 140288 Tc, and the long
    // symbols 140288 + 1024 = 141312 Tc.
    const NrNumerology mu0(0);
    uint64_t sum = 0;
    for (uint32_t l = 0; l < 14; ++l)
    {
        const uint64_t expected = (l == 0 || l == 7) ? 141312 : 140288;
        EXPECT_EQ(mu0.GetSymbolLengthInTc(l), expected) << "symbol " << l;
        sum += mu0.GetSymbolLengthInTc(l);
    }
    // The 14 symbols of slot 0 fill the 1 ms subframe: 2 * 141312 + 12 * 140288 = 1966080 Tc
    // = 480e3 * 4096 / 1000 (TS 38.211 4.3.1).
    EXPECT_EQ(sum, 1966080U);
    EXPECT_EQ(mu0.GetSymbolEnd(13, 0), MilliSeconds(1));
    // Symbol 1 starts after one long symbol: 141312 Tc = 71.875 us exactly.
    EXPECT_EQ(mu0.GetSymbolStartInTc(1, 0), 141312U);
    EXPECT_EQ(mu0.GetSymbolStart(1, 0), NanoSeconds(71875));
    // Symbol 7 (the second long one) starts at exactly 0.5 ms: 141312 + 6 * 140288 = 983040 Tc.
    EXPECT_EQ(mu0.GetSymbolStartInTc(7, 0), 983040U);
    EXPECT_EQ(mu0.GetSymbolStart(7, 0), MicroSeconds(500));
}

TEST(NrFrameTest, EverySubframeIsExactlyOneMillisecondAndSlotsVaryFromMu2)
{
    for (uint8_t mu = 0; mu <= 3; ++mu)
    {
        const NrNumerology numerology(mu);
        uint64_t sum = 0;
        for (uint32_t l = 0; l < 14 * numerology.GetSlotsPerSubframe(); ++l)
        {
            sum += numerology.GetSymbolLengthInTc(l);
        }
        EXPECT_EQ(sum, NR_TC_PER_SUBFRAME) << "mu " << int(mu);
        const uint32_t lastSlot = numerology.GetSlotsPerSubframe() - 1;
        EXPECT_EQ(numerology.GetSymbolEnd(13, lastSlot), MilliSeconds(1)) << "mu " << int(mu);
        // The second half-subframe starts at exactly 0.5 ms with a long symbol, whatever mu.
        if (mu >= 1)
        {
            EXPECT_EQ(numerology.GetSymbolStart(0, numerology.GetSlotsPerSubframe() / 2),
                      MicroSeconds(500));
        }
    }
    // mu = 1: each slot holds one long symbol, so both are exactly 0.5 ms. Symbol 0 of each
    // slot: 70144 + 1024 = 71168 Tc.
    const NrNumerology mu1(1);
    EXPECT_EQ(mu1.GetSymbolLengthInTc(0), 71168U);
    EXPECT_EQ(mu1.GetSymbolLengthInTc(14), 71168U);
    EXPECT_EQ(mu1.GetSymbolLengthInTc(1), 70144U);
    // mu = 2: slot 0 has the long symbol (35072 + 1024 Tc) and slot 1 none, so slot 0 ends at
    // 36096 + 13 * 35072 = 492032 Tc = 250.26 us and slot 1 lasts 14 * 35072 = 491008 Tc.
    const NrNumerology mu2(2);
    EXPECT_EQ(mu2.GetSymbolStartInTc(0, 1), 492032U);
    EXPECT_EQ(mu2.GetSymbolStartInTc(0, 2) - mu2.GetSymbolStartInTc(0, 1), 491008U);
    EXPECT_EQ(mu2.GetSymbolStart(0, 1), NanoSeconds(250260)); // 250260.42 ns rounded
}

TEST(NrFrameTest, MiniSlotEndIsExact)
{
    // A 4-symbol mini-slot on symbols 0..3 of slot 1 at mu = 1 ends at
    // 983040 (0.5 ms) + 71168 + 3 * 70144 = 1264640 Tc = 643229.17 ns (TS 38.211 5.3.1).
    const NrNumerology mu1(1);
    EXPECT_EQ(mu1.GetSymbolStartInTc(3, 1) + mu1.GetSymbolLengthInTc(17), 1264640U);
    EXPECT_EQ(mu1.GetSymbolEnd(3, 1), NanoSeconds(643229));
    // The same slot counted from time 0 in subframe 7 (absolute slot 15) is 7 ms later.
    EXPECT_EQ(mu1.GetAbsoluteSymbolEnd(3, 15), MilliSeconds(7) + NanoSeconds(643229));
    EXPECT_EQ(mu1.GetAbsoluteSymbolStart(0, 5), MicroSeconds(2500));
    // Indices outside the slot or subframe are rejected.
    EXPECT_THROW(mu1.GetSymbolStart(14, 0), std::out_of_range);
    EXPECT_THROW(mu1.GetSymbolStart(0, 2), std::out_of_range);
    EXPECT_THROW(mu1.GetSymbolLengthInTc(28), std::out_of_range);
}

TEST(NrFrameTest, TcConvertsToTheNearestTimeStep)
{
    // Tc = 1 / 1.96608e9 s = 0.5086 ns rounds to 1 ns; 1966080 Tc is exactly 1 ms.
    EXPECT_EQ(NrTcToTime(1), NanoSeconds(1));
    EXPECT_EQ(NrTcToTime(NR_TC_PER_SUBFRAME), MilliSeconds(1));
    // 1 ms / 14 = 71428.57 ns rounds to 71429 ns.
    EXPECT_EQ(NrTcToTime(NR_TC_PER_SUBFRAME, 14), NanoSeconds(71429));
    EXPECT_THROW(NrTcToTime(1, 0), std::invalid_argument);
}

// --- maximum transmission bandwidth: TS 38.101-1 / TS 38.101-2 Table 5.3.2-1 ---

TEST(NrFrameTest, Fr1MaxResourceBlocksMatchTheTable)
{
    // TS 38.101-1 Table 5.3.2-1, every row.
    const NrbCell scs15[] = {
        {5, 25},
        {10, 52},
        {15, 79},
        {20, 106},
        {25, 133},
        {30, 160},
        {40, 216},
        {50, 270},
    };
    const NrbCell scs30[] = {
        {5, 11},
        {10, 24},
        {15, 38},
        {20, 51},
        {25, 65},
        {30, 78},
        {40, 106},
        {50, 133},
        {60, 162},
        {70, 189},
        {80, 217},
        {90, 245},
        {100, 273},
    };
    const NrbCell scs60[] = {
        {10, 11},
        {15, 18},
        {20, 24},
        {25, 31},
        {30, 38},
        {40, 51},
        {50, 65},
        {60, 79},
        {70, 93},
        {80, 107},
        {90, 121},
        {100, 135},
    };
    for (const NrbCell& cell : scs15)
    {
        EXPECT_EQ(NrMaxResourceBlocks(cell.mhz * 1e6, 0, false), cell.nrb) << cell.mhz << " MHz";
    }
    for (const NrbCell& cell : scs30)
    {
        EXPECT_EQ(NrMaxResourceBlocks(cell.mhz * 1e6, 1, false), cell.nrb) << cell.mhz << " MHz";
    }
    for (const NrbCell& cell : scs60)
    {
        EXPECT_EQ(NrMaxResourceBlocks(cell.mhz * 1e6, 2, false), cell.nrb) << cell.mhz << " MHz";
    }
    // The 35 and 45 MHz columns of TS 38.101-1 V17 (15 / 30 / 60 kHz).
    EXPECT_EQ(NrMaxResourceBlocks(35e6, 0, false), 188U);
    EXPECT_EQ(NrMaxResourceBlocks(45e6, 0, false), 242U);
    EXPECT_EQ(NrMaxResourceBlocks(35e6, 1, false), 92U);
    EXPECT_EQ(NrMaxResourceBlocks(45e6, 1, false), 119U);
    EXPECT_EQ(NrMaxResourceBlocks(35e6, 2, false), 44U);
    EXPECT_EQ(NrMaxResourceBlocks(45e6, 2, false), 58U);
    EXPECT_EQ(NrChannelBandwidths(1, false).size(), 15U);
}

TEST(NrFrameTest, Fr2MaxResourceBlocksMatchTheTable)
{
    // TS 38.101-2 Table 5.3.2-1: 60 kHz 50/100/200 MHz -> 66/132/264;
    // 120 kHz 50/100/200/400 MHz -> 32/66/132/264.
    EXPECT_EQ(NrMaxResourceBlocks(50e6, 2, true), 66U);
    EXPECT_EQ(NrMaxResourceBlocks(100e6, 2, true), 132U);
    EXPECT_EQ(NrMaxResourceBlocks(200e6, 2, true), 264U);
    EXPECT_EQ(NrMaxResourceBlocks(50e6, 3, true), 32U);
    EXPECT_EQ(NrMaxResourceBlocks(100e6, 3, true), 66U);
    EXPECT_EQ(NrMaxResourceBlocks(200e6, 3, true), 132U);
    EXPECT_EQ(NrMaxResourceBlocks(400e6, 3, true), 264U);
}

TEST(NrFrameTest, BandwidthsWithoutATableEntryAreRejected)
{
    // TS 38.101-1 Table 5.3.2-1: 60 MHz at 15 kHz and 5 MHz at 60 kHz are "N/A".
    const std::string message = InvalidArgumentMessage([] { NrMaxResourceBlocks(60e6, 0, false); });
    EXPECT_NE(message.find("5, 10, 15, 20, 25, 30, 35, 40, 45, 50 MHz"), std::string::npos)
        << message;
    EXPECT_THROW(NrMaxResourceBlocks(5e6, 2, false), std::invalid_argument);
    // TS 38.101-2 Table 5.3.2-1: 400 MHz at 60 kHz is "N/A".
    EXPECT_THROW(NrMaxResourceBlocks(400e6, 2, true), std::invalid_argument);
    // No FR1 channel uses 120 kHz and no FR2 channel 15 kHz.
    EXPECT_NE(InvalidArgumentMessage([] {
                  NrMaxResourceBlocks(100e6, 3, false);
              }).find("15, 30 and 60 kHz"),
              std::string::npos);
    EXPECT_THROW(NrMaxResourceBlocks(100e6, 0, true), std::invalid_argument);
    // Bandwidths are whole MHz.
    EXPECT_THROW(NrMaxResourceBlocks(20.5e6, 0, false), std::invalid_argument);
    EXPECT_THROW(NrMaxResourceBlocks(-20e6, 0, false), std::invalid_argument);
}

// --- TDD patterns: TS 38.521-4 Tables A.1.2-1 and A.1.2-2 ---

TEST(NrFrameTest, TddPatternDddsuFractions)
{
    // FR1.15-1 and FR1.30-2: DDDSU, S = 10D+2G+2U. Per 5-slot period: DL 3 * 14 + 10 = 52 of
    // 70 symbols, UL 14 + 2 = 16 of 70.
    const NrTddPattern p = NrTddPattern::Parse("DDDSU", "10D+2G+2U");
    EXPECT_FALSE(p.IsFdd());
    EXPECT_EQ(p.GetPeriodSlots(), 5U);
    EXPECT_DOUBLE_EQ(p.GetDlFraction(), 52.0 / 70.0);
    EXPECT_DOUBLE_EQ(p.GetUlFraction(), 16.0 / 70.0);
    EXPECT_EQ(p.GetSlotType(3), 'S');
    EXPECT_EQ(p.GetSlotType(9), 'U');
    EXPECT_EQ(p.GetSlotType(10), 'D');
    EXPECT_EQ(p.GetDlSymbols(3), 10U);
    EXPECT_EQ(p.GetUlSymbols(3), 2U);
    EXPECT_EQ(p.GetDlSymbols(4), 0U);
    EXPECT_EQ(p.GetUlSymbols(4), 14U);
    EXPECT_EQ(p.GetSpecialGuardSymbols(), 2U);
    // dl-UL-TransmissionPeriodicity: 5 ms at 15 kHz (FR1.15-1), 2.5 ms at 30 kHz (FR1.30-2).
    EXPECT_EQ(p.GetPeriod(NrNumerology(0)), MilliSeconds(5));
    EXPECT_EQ(p.GetPeriod(NrNumerology(1)), MicroSeconds(2500));
    // The colon form gives the same split.
    const NrTddPattern colon = NrTddPattern::Parse("DDDSU", "S=10:2:2");
    EXPECT_EQ(colon.ToString(), p.ToString());
    EXPECT_EQ(p.ToString(), "DDDSU S=10D+2G+2U");
}

TEST(NrFrameTest, TddPattern7ds2uAndOtherTableRows)
{
    // FR1.30-1: 7DS2U, S = 6D+4G+4U, 5 ms at 30 kHz. DL 7 * 14 + 6 = 104 of 140, UL 2 * 14 + 4 =
    // 32 of 140.
    const NrTddPattern p = NrTddPattern::Parse("7DS2U", "6D+4G+4U");
    EXPECT_EQ(p.GetPeriodSlots(), 10U);
    EXPECT_EQ(p.ToString(), "DDDDDDDSUU S=6D+4G+4U");
    EXPECT_DOUBLE_EQ(p.GetDlFraction(), 104.0 / 140.0);
    EXPECT_DOUBLE_EQ(p.GetUlFraction(), 32.0 / 140.0);
    EXPECT_EQ(p.GetPeriod(NrNumerology(1)), MilliSeconds(5));
    // Written out it is the same pattern.
    EXPECT_EQ(NrTddPattern::Parse("DDDDDDDSUU", "6D+4G+4U").ToString(), p.ToString());

    // FR1.30-5: DSUU, S = 12D+2G, 2 ms at 30 kHz. DL 14 + 12 = 26 of 56, UL 2 * 14 = 28 of 56.
    const NrTddPattern dsuu = NrTddPattern::Parse("DSUU", "12D+2G");
    EXPECT_DOUBLE_EQ(dsuu.GetDlFraction(), 26.0 / 56.0);
    EXPECT_DOUBLE_EQ(dsuu.GetUlFraction(), 28.0 / 56.0);
    EXPECT_EQ(dsuu.GetUlSymbols(1), 0U);
    EXPECT_EQ(dsuu.GetPeriod(NrNumerology(1)), MilliSeconds(2));

    // FR1.30-3: DDDSUDDSUU, S = 10D+2G+2U. DL 5 * 14 + 2 * 10 = 90 of 140, UL 3 * 14 + 2 * 2 =
    // 46 of 140.
    const NrTddPattern two = NrTddPattern::Parse("DDDSUDDSUU", "10D+2G+2U");
    EXPECT_DOUBLE_EQ(two.GetDlFraction(), 90.0 / 140.0);
    EXPECT_DOUBLE_EQ(two.GetUlFraction(), 46.0 / 140.0);

    // FR1.30-4: DDDSUUDDDD, S = 6D+4G+4U. DL 7 * 14 + 6 = 104 of 140, UL 2 * 14 + 4 = 32 of 140.
    const NrTddPattern four = NrTddPattern::Parse("DDDSUUDDDD", "6D+4G+4U");
    EXPECT_DOUBLE_EQ(four.GetDlFraction(), 104.0 / 140.0);
    EXPECT_DOUBLE_EQ(four.GetUlFraction(), 32.0 / 140.0);

    // A pattern without S slots has no special symbols.
    const NrTddPattern noS = NrTddPattern::Parse("dddu");
    EXPECT_EQ(noS.ToString(), "DDDU");
    EXPECT_EQ(noS.GetSpecialDlSymbols(), 0U);
    EXPECT_DOUBLE_EQ(noS.GetDlFraction(), 0.75);
}

TEST(NrFrameTest, TddNextDownlinkAndUplinkSlots)
{
    // DDDSU with S = 10D+2G+2U: slots 0..4 are D D D S U, then the pattern repeats.
    const NrTddPattern p = NrTddPattern::Parse("DDDSU");
    EXPECT_EQ(p.NextUlSlot(0), 3U);    // the S slot has 2 UL symbols
    EXPECT_EQ(p.NextUlSlot(0, 3), 4U); // 3 UL symbols need the U slot
    EXPECT_EQ(p.NextUlSlot(5), 8U);
    EXPECT_EQ(p.NextUlSlot(9), 9U);
    EXPECT_EQ(p.NextDlSlot(4), 5U);
    EXPECT_EQ(p.NextDlSlot(3, 10), 3U); // the S slot has exactly 10 DL symbols
    EXPECT_EQ(p.NextDlSlot(3, 11), 5U);
    EXPECT_EQ(p.NextDlSlot(1000003, 14), 1000005U);
    EXPECT_EQ(p.NextDlSlot(4, 0), 4U);
    // DSUU with S = 12D+2G: the S slot has no UL symbol.
    const NrTddPattern dsuu = NrTddPattern::Parse("DSUU", "12D+2G");
    EXPECT_EQ(dsuu.NextUlSlot(1), 2U);
    EXPECT_EQ(dsuu.NextDlSlot(2), 4U);
    // No slot qualifies: an all-downlink pattern has no UL, and no slot has 15 symbols.
    EXPECT_THROW(NrTddPattern::Parse("DDDD").NextUlSlot(0), std::invalid_argument);
    EXPECT_THROW(p.NextDlSlot(0, 15), std::invalid_argument);
}

TEST(NrFrameTest, FddHasBothDirectionsInEverySlot)
{
    const NrTddPattern fdd = NrTddPattern::Fdd();
    EXPECT_TRUE(fdd.IsFdd());
    EXPECT_TRUE(NrTddPattern().IsFdd());
    EXPECT_EQ(fdd.GetSlotType(7), 'F');
    EXPECT_EQ(fdd.GetDlSymbols(7), 14U);
    EXPECT_EQ(fdd.GetUlSymbols(7), 14U);
    EXPECT_DOUBLE_EQ(fdd.GetDlFraction(), 1.0);
    EXPECT_DOUBLE_EQ(fdd.GetUlFraction(), 1.0);
    EXPECT_EQ(fdd.NextUlSlot(7), 7U);
    EXPECT_EQ(fdd.GetPeriodSlots(), 1U);
    EXPECT_EQ(fdd.ToString(), "FDD");
}

TEST(NrFrameTest, MalformedTddStringsAreRejected)
{
    auto parse = [](std::string pattern, std::string special) {
        return InvalidArgumentMessage([&] { NrTddPattern::Parse(pattern, special); });
    };
    EXPECT_NE(parse("", "10D+2G+2U").find("empty"), std::string::npos);
    std::string message = parse("DDXSU", "10D+2G+2U");
    EXPECT_NE(message.find("'X' at position 3"), std::string::npos) << message;
    // "S1"/"S2" (two kinds of special slot, FR1.30-6) must not be read as repeat counts.
    message = parse("DS1S2U", "10D+2G+2U");
    EXPECT_NE(message.find("count 1 at position 3"), std::string::npos) << message;
    message = parse("DDD7", "10D+2G+2U");
    EXPECT_NE(message.find("not followed by a slot letter"), std::string::npos) << message;
    // Special slots: 15 symbols, an unknown letter, misordered terms, bad separators.
    message = parse("DDDSU", "10D+2G+3U");
    EXPECT_NE(message.find("has 15 symbols"), std::string::npos) << message;
    message = parse("DDDSU", "10D+2X+2U");
    EXPECT_NE(message.find("'X' at position 6"), std::string::npos) << message;
    message = parse("DDDSU", "2U+10D+2G");
    EXPECT_NE(message.find("out of order"), std::string::npos) << message;
    message = parse("DDDSU", "10D2G+2U");
    EXPECT_NE(message.find("expected '+'"), std::string::npos) << message;
    message = parse("DDDSU", "S=10:2");
    EXPECT_NE(message.find("expected ':'"), std::string::npos) << message;
    message = parse("DDDSU", "S=10:2:2:0");
    EXPECT_NE(message.find("unexpected ':' at position 9"), std::string::npos) << message;
    message = parse("DDDSU", "");
    EXPECT_NE(message.find("empty"), std::string::npos) << message;
    message = parse("DDDSU", "15D");
    EXPECT_NE(message.find("exceeds 14"), std::string::npos) << message;
}

// --- processing times: TS 38.214 clauses 5.3 and 6.4 ---

TEST(NrFrameTest, N1AndN2MatchTheTables)
{
    // TS 38.214 Table 5.3-1 (pos0 column), Table 5.3-2, Table 6.4-1, Table 6.4-2.
    const double n1Cap1[] = {8, 10, 17, 20};
    const double n2Cap1[] = {10, 12, 23, 36};
    const double n1Cap2[] = {3, 4.5, 9};
    const double n2Cap2[] = {5, 5.5, 11};
    for (uint8_t mu = 0; mu <= 3; ++mu)
    {
        EXPECT_DOUBLE_EQ(NrProcessingTime::N1(mu, 1, false, mu == 3), n1Cap1[mu]);
        EXPECT_DOUBLE_EQ(NrProcessingTime::N2(mu, 1, mu == 3), n2Cap1[mu]);
    }
    for (uint8_t mu = 0; mu <= 2; ++mu)
    {
        EXPECT_DOUBLE_EQ(NrProcessingTime::N1(mu, 2), n1Cap2[mu]);
        EXPECT_DOUBLE_EQ(NrProcessingTime::N2(mu, 2), n2Cap2[mu]);
    }
    // Table 5.3-1, dmrs-AdditionalPosition != pos0: N1,0 (13, or 14 with l1 = 12), 13, 20, 24.
    EXPECT_DOUBLE_EQ(NrProcessingTime::N1(0, 1, true), 13);
    EXPECT_DOUBLE_EQ(NrProcessingTime::N1(0, 1, true, false, true), 14);
    EXPECT_DOUBLE_EQ(NrProcessingTime::N1(1, 1, true), 13);
    EXPECT_DOUBLE_EQ(NrProcessingTime::N1(2, 1, true), 20);
    EXPECT_DOUBLE_EQ(NrProcessingTime::N1(3, 1, true, true), 24);
}

TEST(NrFrameTest, ProcessingTimeCombinationsOutsideTheTablesAreRejected)
{
    // Tables 5.3-2 and 6.4-2 have no mu = 3 row; their mu = 2 row is "for frequency range 1".
    EXPECT_THROW(NrProcessingTime::N1(3, 2), std::invalid_argument);
    EXPECT_THROW(NrProcessingTime::N2(3, 2), std::invalid_argument);
    EXPECT_THROW(NrProcessingTime::N1(2, 2, false, true), std::invalid_argument);
    EXPECT_THROW(NrProcessingTime::N2(2, 2, true), std::invalid_argument);
    // Table 5.3-2 has only the pos0 column.
    EXPECT_THROW(NrProcessingTime::N1(1, 2, true), std::invalid_argument);
    EXPECT_THROW(NrProcessingTime::N1(1, 3), std::invalid_argument);
    EXPECT_THROW(NrProcessingTime::N2(4, 1), std::invalid_argument);
    EXPECT_THROW(NrProcessingTime::Tproc1(3, 2), std::invalid_argument);
    EXPECT_THROW(NrProcessingTime::SymbolsToTime(1.25, 0), std::invalid_argument);
}

TEST(NrFrameTest, TprocValuesMatchHandComputation)
{
    // One processing symbol is (2048 + 144) * 64 * 2^-mu Tc = 140288 / 2^mu Tc, Tc = 1/1.96608e9 s.
    // Tproc,1 at mu = 0, capability 1: 8 * 140288 = 1122304 Tc = 570.8333 us -> 570833 ns.
    EXPECT_EQ(NrProcessingTime::Tproc1(0, 1), NanoSeconds(570833));
    // mu = 1, capability 2: 4.5 * 70144 = 315648 Tc = 160.546875 us -> 160547 ns.
    EXPECT_EQ(NrProcessingTime::Tproc1(1, 2), NanoSeconds(160547));
    // mu = 1, capability 1, d1,1 = 3 (mapping type A ending on symbol 4): 13 * 70144 = 911872 Tc
    // = 463.8021 us -> 463802 ns.
    EXPECT_EQ(NrProcessingTime::Tproc1(1, 1, 3), NanoSeconds(463802));
    // Tproc,2 at mu = 1, capability 1: 12 * 70144 = 841728 Tc = 428.125 us exactly.
    EXPECT_EQ(NrProcessingTime::Tproc2(1, 1), NanoSeconds(428125));
    // With d2,1 = 1: 13 * 70144 Tc, the same as above.
    EXPECT_EQ(NrProcessingTime::Tproc2(1, 1, 1), NanoSeconds(463802));
    // mu = 3, capability 1: 36 * 17536 = 631296 Tc = 321.09375 us -> 321094 ns.
    EXPECT_EQ(NrProcessingTime::Tproc2(3, 1), NanoSeconds(321094));
    // A BWP switch d2,2 longer than the preparation time sets Tproc,2.
    EXPECT_EQ(NrProcessingTime::Tproc2(1, 1, 0, 0, MilliSeconds(1)), MilliSeconds(1));
}
