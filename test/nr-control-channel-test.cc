/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The NR control channels' capacity: DCI sizes (TS 38.212 clause 7.3.1.2.1), CCEs per CORESET
 * (TS 38.211 clause 7.3.2.2), the UE-specific search space hashing (TS 38.213 clause 10.1),
 * aggregation levels by SINR, SR resources per PUCCH PRB and the SR period they force, and the
 * schedulers' admission of UEs whose DCI found room.
 */

#include "model/nr/nr-control-channel.h"
#include "model/nr/nr-mac-scheduler-pf.h"
#include "model/nr/nr-mac-scheduler-rr.h"
#include "model/nr/nr-shannon-error-model.h"

#include "ns3/core-module.h"

#include <cmath>
#include <gtest/gtest.h>
#include <iostream>
#include <set>

using namespace ns3;
using namespace ns3::blueprint;

/// DCI format 1_0 with C-RNTI (TS 38.212 clause 7.3.1.2.1): 28 fixed bits plus
/// ceil(log2(N (N + 1) / 2)) of frequency domain resource assignment: 11 bits for 51 PRBs
/// (1,326 combinations), 16 bits for 273 PRBs (37,401).
TEST(NrControlChannelTest, DciFormat10SizeFollowsTheBandwidthPart)
{
    EXPECT_EQ(NrPdcch::GetDciFormat10Bits(51), 39u);
    EXPECT_EQ(NrPdcch::GetDciFormat10Bits(273), 44u);
    EXPECT_EQ(NrPdcch::GetDciFormat10Bits(106), 28u + 13u); // 5,671 combinations
    NrPdcch pdcch;
    pdcch.Configure(273, {6, 6, 2, 2, 1}, 0.01, *CreateObject<NrShannonErrorModel>());
    EXPECT_EQ(pdcch.GetDciBits(), 44u + 24u); // with the 24-bit CRC, TS 38.212 clause 7.3.2
}

/// A CCE is 6 REGs of one PRB x one symbol (TS 38.211 clause 7.3.2.2).
TEST(NrControlChannelTest, CoresetCcesArePrbsTimesSymbolsOverSix)
{
    EXPECT_EQ(NrPdcch::GetCces(48, 1), 8u);
    EXPECT_EQ(NrPdcch::GetCces(270, 1), 45u);
    EXPECT_EQ(NrPdcch::GetCces(270, 3), 135u);
    EXPECT_EQ(NrPdcch::GetCces(51, 2), 16u); // 48 usable PRBs in whole groups of 6
}

/// The candidates of TS 38.213 clause 10.1: L ((Y + floor(m N_CCE / (L M))) mod floor(N_CCE /
/// L)) with Y_p,n = (A_p Y_p,n-1) mod D, Y_p,-1 = n_RNTI, A_p = 39829 (p mod 3 = 1),
/// D = 65537, written out here step by step.
TEST(NrControlChannelTest, SearchSpaceFollowsTheTs38213Hashing)
{
    const uint32_t rnti = 0x4601;
    const uint32_t cces = 45;
    uint64_t y = rnti;
    for (uint64_t slot = 0; slot < 20; ++slot)
    {
        y = 39829 * y % 65537;
        for (uint32_t level : {1u, 2u, 4u, 8u, 16u})
        {
            const uint32_t m = 2;
            std::set<uint32_t> starts;
            for (uint32_t c = 0; c < m; ++c)
            {
                const uint32_t expected = level * ((y + c * cces / (level * m)) % (cces / level));
                const uint32_t start = NrPdcch::GetCandidateStart(rnti, slot, level, c, m, cces);
                EXPECT_EQ(start, expected) << "slot " << slot << " L " << level;
                EXPECT_LE(start + level, cces);
                starts.insert(start);
            }
            EXPECT_EQ(starts.size(), m) << "distinct candidates";
        }
    }
}

/// Higher aggregation levels lower the code rate K / (108 L) and so the SINR a DCI needs: the
/// level chosen falls as the SINR rises, and a UE below every threshold gets the highest level.
TEST(NrControlChannelTest, AggregationLevelFollowsTheSinr)
{
    NrPdcch pdcch;
    pdcch.Configure(273, {6, 6, 2, 2, 1}, 0.01, *CreateObject<NrShannonErrorModel>());
    double previous = 1e9;
    for (uint32_t level : NrPdcch::LEVELS)
    {
        const double threshold = pdcch.GetSinrThreshold(level);
        std::cout << "AL " << level << ": " << 10 * std::log10(threshold) << " dB\n";
        EXPECT_LT(threshold, previous) << level;
        previous = threshold;
    }
    // AL 1 at rate 68/108 = 0.63 needs a few dB; AL 16 works well below 0 dB.
    EXPECT_GT(10 * std::log10(pdcch.GetSinrThreshold(1)), 3.0);
    EXPECT_LT(10 * std::log10(pdcch.GetSinrThreshold(16)), -6.0);
    EXPECT_EQ(pdcch.GetAggregationLevel(1000.0, 45), 1u);
    EXPECT_EQ(pdcch.GetAggregationLevel(pdcch.GetSinrThreshold(4) * 1.01, 45), 4u);
    EXPECT_EQ(pdcch.GetAggregationLevel(1e-3, 45), 16u);
    EXPECT_EQ(pdcch.GetAggregationLevel(1e-3, 8), 8u); // AL 16 does not fit in 8 CCEs
    NrPdcch noHighLevels;
    noHighLevels.Configure(273, {6, 6, 0, 0, 0}, 0.01, *CreateObject<NrShannonErrorModel>());
    EXPECT_EQ(noHighLevels.GetAggregationLevel(1e-3, 45), 2u);
    EXPECT_THROW(
        noHighLevels.Configure(273, {0, 0, 0, 0, 0}, 0.01, *CreateObject<NrShannonErrorModel>()),
        std::invalid_argument);
}

/// An occasion never hands out more CCEs than its CORESET has, nor more than the limit a
/// direction is given; a UE whose candidates are taken is refused.
TEST(NrControlChannelTest, OccasionCarriesOnlyWhatItsCcesHold)
{
    NrPdcch pdcch;
    pdcch.Configure(51, {6, 6, 2, 2, 1}, 0.01, *CreateObject<NrShannonErrorModel>());
    pdcch.StartOccasion(3, 8);
    uint32_t placed = 0;
    for (uint32_t rnti = 1; rnti <= 100; ++rnti)
    {
        placed += pdcch.Allocate(rnti, 1000.0, 8) ? 1 : 0;
    }
    EXPECT_LE(placed, 8u);
    EXPECT_GE(placed, 6u); // 6 candidates each: nearly every CCE finds a taker
    EXPECT_EQ(pdcch.GetDcis(), placed);
    EXPECT_EQ(pdcch.GetUsedCces(), placed);
    pdcch.StartOccasion(4, 8);
    EXPECT_TRUE(pdcch.Allocate(1, 1000.0, 1));
    EXPECT_FALSE(pdcch.Allocate(2, 1000.0, 1)); // the limit is reached
    // A UE that needs AL 8 takes the whole CORESET.
    pdcch.StartOccasion(5, 8);
    EXPECT_TRUE(pdcch.Allocate(7, pdcch.GetSinrThreshold(8) * 1.01, 8));
    EXPECT_EQ(pdcch.GetUsedCces(), 8u);
    EXPECT_FALSE(pdcch.Allocate(8, 1000.0, 8));
}

/// Each UE has its own SR resource, 12 per PUCCH PRB; the period grows to the shortest TS 38.331
/// period whose occasions hold them all.
TEST(NrControlChannelTest, SrPeriodGrowsWithTheUesBeyondThePucchResources)
{
    // FDD: every offset of every period has an uplink TTI.
    auto fdd = [](uint32_t period) {
        std::vector<uint64_t> offsets(period);
        for (uint32_t o = 0; o < period; ++o)
        {
            offsets[o] = o;
        }
        return offsets;
    };
    EXPECT_EQ(NrSrResources::ChoosePeriod(48, 48, 1, fdd), 1u);
    EXPECT_EQ(NrSrResources::ChoosePeriod(49, 48, 1, fdd), 2u);
    EXPECT_EQ(NrSrResources::ChoosePeriod(1000, 48, 1, fdd), 40u); // 20 x 48 = 960 < 1000
    EXPECT_EQ(NrSrResources::ChoosePeriod(10, 48, 5, fdd), 5u);    // the configured minimum
    EXPECT_EQ(NrSrResources::ChoosePeriod(1000000, 48, 1, fdd), 640u);
    // DDDSU: 2 of 5 slots have a PUCCH.
    auto dddsu = [](uint32_t period) {
        std::vector<uint64_t> offsets;
        for (uint32_t o = 0; o < period; ++o)
        {
            for (uint32_t t = o; t < std::max(period, 5u) * 5; t += period)
            {
                if (t % 5 >= 3)
                {
                    offsets.push_back(o);
                    break;
                }
            }
        }
        return offsets;
    };
    // A UE's resource recurs at every occasion of its offset: period 1 serves 48 UEs, period 2
    // (two offsets, each reaching the S and U slots) 96, period 4 192.
    EXPECT_EQ(NrSrResources::ChoosePeriod(48, 48, 1, dddsu), 1u);
    EXPECT_EQ(NrSrResources::ChoosePeriod(96, 48, 1, dddsu), 2u);
    EXPECT_EQ(NrSrResources::ChoosePeriod(150, 48, 1, dddsu), 4u);
    // A 5-slot period has only the S and U offsets: 96 resources.
    EXPECT_EQ(dddsu(5).size(), 2u);
}

/// Under a PDCCH that admits one UE per TTI, round robin still serves every UE in turn and
/// proportional fair the UE of highest metric that fits.
TEST(NrControlChannelTest, SchedulersServeOnlyAdmittedUesAndKeepTheirTurn)
{
    NrMacSchedulerRr rr;
    const std::vector<NrUeDemand> demands{{0, 10, 1}, {1, 10, 1}, {2, 10, 1}};
    std::vector<uint32_t> served;
    for (uint64_t tti = 0; tti < 6; ++tti)
    {
        bool room = true;
        const std::vector<uint32_t> g = rr.Allocate(demands, 50, tti, [&](std::size_t) {
            const bool ok = room;
            room = false;
            return ok;
        });
        uint32_t given = 0;
        for (std::size_t i = 0; i < g.size(); ++i)
        {
            if (g[i] > 0)
            {
                served.push_back(demands[i].ue);
                given += g[i];
            }
        }
        EXPECT_EQ(given, 10u); // the one admitted UE gets what it needs
    }
    EXPECT_EQ(served, (std::vector<uint32_t>{0, 1, 2, 0, 1, 2}));

    NrMacSchedulerPf pf;
    // UE 6 has the higher metric but no room for its DCI: UE 5 is served instead.
    const std::vector<uint32_t> g =
        pf.Allocate({{5, 3, 1}, {6, 3, 100}}, 20, 1, [](std::size_t i) { return i == 0; });
    EXPECT_EQ(g, (std::vector<uint32_t>{3, 0}));
}
