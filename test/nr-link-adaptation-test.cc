/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * NR CQI tables (TS 38.214 Tables 5.2.2.1-2/-3), the BLER link abstraction (attenuated Shannon
 * threshold of TR 36.942 Annex A.2, finite-blocklength width, chase combining) and link adaptation
 * SINR -> CQI -> MCS (TS 38.214 clause 5.2.2.1).
 */

#include "model/nr/nr-cqi-table.h"
#include "model/nr/nr-error-model.h"
#include "model/nr/nr-link-adaptation.h"
#include "model/nr/nr-mcs-table.h"
#include "model/nr/nr-shannon-error-model.h"
#include "model/nr/nr-tbs.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <stdexcept>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// One expected CQI row: Q_m, R x 1024, SE as printed in the table.
struct CqiRow
{
    uint8_t qm;        //!< Q_m
    double rateX1024;  //!< R x 1024
    double efficiency; //!< spectral efficiency
};

/**
 * \param table a CQI table.
 * \param rows the 15 expected rows, CQI 1 first.
 */
void
ExpectCqiTable(NrCqiTableId table, const std::vector<CqiRow>& rows)
{
    ASSERT_EQ(rows.size(), NR_MAX_CQI);
    for (uint8_t cqi = 1; cqi <= NR_MAX_CQI; ++cqi)
    {
        const NrCqiEntry& e = NrGetCqi(table, cqi);
        const CqiRow& row = rows[cqi - 1];
        EXPECT_EQ(e.modulationOrder, row.qm) << "CQI " << +cqi;
        EXPECT_DOUBLE_EQ(e.codeRateX1024, row.rateX1024) << "CQI " << +cqi;
        EXPECT_DOUBLE_EQ(e.spectralEfficiency, row.efficiency) << "CQI " << +cqi;
        EXPECT_NEAR(e.spectralEfficiency, row.qm * row.rateX1024 / 1024.0, 0.5e-4) << +cqi;
    }
}

/**
 * \param db a value in dB.
 * \return the linear value.
 */
double
FromDb(double db)
{
    return std::pow(10.0, db / 10.0);
}

/**
 * \param table a CQI table.
 * \param cqi a CQI index 1..15.
 * \return the SINR threshold of that CQI's modulation and rate.
 */
double
CqiThreshold(NrCqiTableId table, uint8_t cqi)
{
    const NrCqiEntry& e = NrGetCqi(table, cqi);
    return NrShannonErrorModel::CalcSinrThreshold(
        {e.modulationOrder, e.codeRateX1024, e.spectralEfficiency});
}

/// \return the default error model (alpha 0.6), one instance for the whole test program.
const NrErrorModel&
Shannon()
{
    static const Ptr<NrShannonErrorModel> model = CreateObject<NrShannonErrorModel>();
    return *model;
}

/// Transport block sizes spanning one short code block to 141 long ones.
const std::vector<uint32_t> kSizes = {24, 32, 256, 1000, 3824, 8456, 36936, 1179864};

const std::vector<NrMcsTableId> kMcsTables = {NrMcsTableId::Qam64,
                                              NrMcsTableId::Qam256,
                                              NrMcsTableId::Qam64LowSe};

} // namespace

// TS 38.214 Table 5.2.2.1-2 (CQI table 1), efficiencies as 5G-LENA's nr-mcs-tables.cc prints them.
TEST(NrLinkAdaptationTest, CqiTable1MatchesTs38214Table5_2_2_1_2)
{
    ExpectCqiTable(NrCqiTableId::Table1,
                   {{2, 78, 0.1523},
                    {2, 120, 0.2344},
                    {2, 193, 0.3770},
                    {2, 308, 0.6016},
                    {2, 449, 0.8770},
                    {2, 602, 1.1758},
                    {4, 378, 1.4766},
                    {4, 490, 1.9141},
                    {4, 616, 2.4063},
                    {6, 466, 2.7305},
                    {6, 567, 3.3223},
                    {6, 666, 3.9023},
                    {6, 772, 4.5234},
                    {6, 873, 5.1152},
                    {6, 948, 5.5547}});
}

// TS 38.214 Table 5.2.2.1-3 (CQI table 2), efficiencies as 5G-LENA's nr-mcs-tables.cc prints them.
TEST(NrLinkAdaptationTest, CqiTable2MatchesTs38214Table5_2_2_1_3)
{
    ExpectCqiTable(NrCqiTableId::Table2,
                   {{2, 78, 0.1523},
                    {2, 193, 0.3770},
                    {2, 449, 0.8770},
                    {4, 378, 1.4766},
                    {4, 490, 1.9141},
                    {4, 616, 2.4063},
                    {6, 466, 2.7305},
                    {6, 567, 3.3223},
                    {6, 666, 3.9023},
                    {6, 772, 4.5234},
                    {6, 873, 5.1152},
                    {8, 711, 5.5547},
                    {8, 797, 6.2266},
                    {8, 885, 6.9141},
                    {8, 948, 7.4063}});
}

// CQI 0 is "out of range" (TS 38.214 5.2.2.1) and has no row; CQI has four bits.
TEST(NrLinkAdaptationTest, CqiOutOfRangeThrows)
{
    EXPECT_THROW(NrGetCqi(NrCqiTableId::Table1, 0), std::out_of_range);
    EXPECT_THROW(NrGetCqi(NrCqiTableId::Table2, 16), std::out_of_range);
    EXPECT_THROW(NrGetCqi(static_cast<NrCqiTableId>(3), 1), std::invalid_argument);
    EXPECT_THROW(NrLinkAdaptation::CqiToMcs(16, NrCqiTableId::Table1, NrMcsTableId::Qam64),
                 std::out_of_range);
}

// TR 36.942 Annex A.2: SE = alpha log2(1 + SINR), alpha = 0.6, so SINR_10% = 2^(SE/0.6) - 1.
TEST(NrLinkAdaptationTest, ThresholdIsTheAttenuatedShannonBound)
{
    // MCS 1-0, SE 0.2344: 2^0.390667 - 1 = 0.310999 (-5.07 dB).
    EXPECT_NEAR(NrShannonErrorModel::CalcSinrThreshold(NrGetMcs(NrMcsTableId::Qam64, 0)),
                0.3109991,
                1e-6);
    // MCS 1-28, SE 5.5547: 2^9.25783 - 1 = 611.189 (27.86 dB).
    EXPECT_NEAR(NrShannonErrorModel::CalcSinrThreshold(NrGetMcs(NrMcsTableId::Qam64, 28)),
                611.189,
                1e-3);
    // alpha = 1 is Shannon's bound itself: SE 2 needs SINR 3.
    EXPECT_NEAR(NrShannonErrorModel::CalcSinrThreshold({4, 512, 2.0}, 1.0), 3.0, 1e-12);
    // A higher alpha (a better receiver) needs less SINR.
    const NrMcsEntry& e = NrGetMcs(NrMcsTableId::Qam256, 20);
    EXPECT_LT(NrShannonErrorModel::CalcSinrThreshold(e, 0.8),
              NrShannonErrorModel::CalcSinrThreshold(e));
    EXPECT_THROW(NrShannonErrorModel::CalcSinrThreshold(e, 0.0), std::invalid_argument);
    EXPECT_THROW(NrShannonErrorModel::CalcSinrThreshold(e, 1.1), std::invalid_argument);
    EXPECT_THROW(NrShannonErrorModel::CalcSinrThreshold({2, 120, 0.0}), std::invalid_argument);
}

// The curve is exactly 10 % at the threshold of every MCS, for every block length.
TEST(NrLinkAdaptationTest, BlerIsTenPercentAtTheThreshold)
{
    for (NrMcsTableId table : kMcsTables)
    {
        for (uint8_t mcs = 0; mcs <= NrMaxMcs(table); ++mcs)
        {
            const NrMcsEntry& e = NrGetMcs(table, mcs);
            const double threshold = NrShannonErrorModel::CalcSinrThreshold(e);
            for (uint32_t tbs : kSizes)
            {
                EXPECT_NEAR(NrShannonErrorModel::CalcBler(threshold, e, tbs), 0.1, 1e-12)
                    << "MCS " << +mcs << " TBS " << tbs;
            }
            // With another alpha the 10 % point moves to that alpha's threshold: a better
            // receiver (alpha 0.8) has less than 10 % at the 0.6 threshold, and the 0.6 model
            // has more than 10 % at the 0.8 threshold.
            const double better = NrShannonErrorModel::CalcSinrThreshold(e, 0.8);
            EXPECT_NEAR(NrShannonErrorModel::CalcBler(better, e, 1000, 0.8), 0.1, 1e-12);
            EXPECT_LT(NrShannonErrorModel::CalcBler(threshold, e, 1000, 0.8), 0.1);
            EXPECT_GT(NrShannonErrorModel::CalcBler(better, e, 1000), 0.1);
        }
    }
}

// The width comes from the finite-blocklength normal approximation:
// sigma = (10 / ln 10) sqrt((1 + 2 / g) / n), n = K' / (Q_m R).
TEST(NrLinkAdaptationTest, CurveWidthFollowsCodeBlockLength)
{
    // MCS 1-0 with TBS 32: B = 32 + 16 = 48 bits, one block, n = 48 / 0.234375 = 204.8,
    // g = 0.3109991: sigma = 4.3429 * sqrt(7.43088 / 204.8) = 0.82726 dB.
    const NrMcsEntry& low = NrGetMcs(NrMcsTableId::Qam64, 0);
    EXPECT_NEAR(NrShannonErrorModel::CalcBlerSpreadDb(low, 32), 0.8272555, 1e-6);
    // MCS 1-28 with the peak TBS 1179864: 141 blocks of 8392 bits, n = 8392 / 5.5547 = 1510.8,
    // g = 611.19: sigma = 0.11192 dB.
    const NrMcsEntry& high = NrGetMcs(NrMcsTableId::Qam64, 28);
    EXPECT_NEAR(NrShannonErrorModel::CalcBlerSpreadDb(high, 1179864), 0.1119156, 1e-6);
    // Longer code blocks: steeper curve, lower BLER above the threshold and higher below it.
    for (uint8_t mcs : {0, 9, 16, 28})
    {
        const NrMcsEntry& e = NrGetMcs(NrMcsTableId::Qam64, mcs);
        const double threshold = NrShannonErrorModel::CalcSinrThreshold(e);
        EXPECT_GT(NrShannonErrorModel::CalcBlerSpreadDb(e, 100),
                  NrShannonErrorModel::CalcBlerSpreadDb(e, 1000));
        EXPECT_GT(NrShannonErrorModel::CalcBlerSpreadDb(e, 1000),
                  NrShannonErrorModel::CalcBlerSpreadDb(e, 8000));
        EXPECT_GT(NrShannonErrorModel::CalcBler(threshold * FromDb(0.5), e, 100),
                  NrShannonErrorModel::CalcBler(threshold * FromDb(0.5), e, 8000));
        EXPECT_LT(NrShannonErrorModel::CalcBler(threshold * FromDb(-0.5), e, 100),
                  NrShannonErrorModel::CalcBler(threshold * FromDb(-0.5), e, 8000));
    }
}

// BLER decreases with SINR for every MCS and block length, from 1 (nothing decodes) to 0.
TEST(NrLinkAdaptationTest, BlerIsMonotoneInSinr)
{
    for (NrMcsTableId table : kMcsTables)
    {
        for (uint8_t mcs = 0; mcs <= NrMaxMcs(table); ++mcs)
        {
            const NrMcsEntry& e = NrGetMcs(table, mcs);
            const double thresholdDb = 10 * std::log10(NrShannonErrorModel::CalcSinrThreshold(e));
            for (uint32_t tbs : {32u, 3824u, 100000u})
            {
                double previous = 1.0;
                for (double db = -30; db <= 60; db += 0.05)
                {
                    const double bler = NrShannonErrorModel::CalcBler(FromDb(db), e, tbs);
                    ASSERT_LE(bler, previous) << "MCS " << +mcs << " at " << db << " dB";
                    ASSERT_GE(bler, 0.0);
                    previous = bler;
                }
                EXPECT_GT(NrShannonErrorModel::CalcBler(FromDb(thresholdDb - 1), e, tbs), 0.1);
                EXPECT_LT(NrShannonErrorModel::CalcBler(FromDb(thresholdDb + 1), e, tbs), 0.1);
                EXPECT_GT(NrShannonErrorModel::CalcBler(FromDb(thresholdDb - 10), e, tbs), 0.999);
                EXPECT_LT(NrShannonErrorModel::CalcBler(FromDb(thresholdDb + 10), e, tbs), 1e-6);
            }
            EXPECT_DOUBLE_EQ(NrShannonErrorModel::CalcBler(0.0, e, 1000), 1.0);
        }
    }
    const NrMcsEntry& e = NrGetMcs(NrMcsTableId::Qam64, 5);
    EXPECT_THROW(NrShannonErrorModel::CalcBler(-1.0, e, 1000), std::invalid_argument);
    EXPECT_THROW(NrShannonErrorModel::CalcBler(std::nan(""), e, 1000), std::invalid_argument);
    EXPECT_THROW(NrShannonErrorModel::CalcBler(1.0, e, 0), std::invalid_argument);
}

// At a given SINR and size, an MCS of higher spectral efficiency never has a lower BLER. Ordered
// by efficiency, not index: Table 5.1.3.1-1 prints MCS 17 (2.5664) below MCS 16 (2.5703).
// Differences below 1e-12 are the far tails of two curves of different width (BLER ~1e-300).
TEST(NrLinkAdaptationTest, BlerIsMonotoneInMcs)
{
    for (NrMcsTableId table : kMcsTables)
    {
        std::vector<uint8_t> order;
        for (uint8_t mcs = 0; mcs <= NrMaxMcs(table); ++mcs)
        {
            order.push_back(mcs);
        }
        std::stable_sort(order.begin(), order.end(), [table](uint8_t a, uint8_t b) {
            return NrGetMcs(table, a).spectralEfficiency < NrGetMcs(table, b).spectralEfficiency;
        });
        for (uint32_t tbs : kSizes)
        {
            for (double db = -15; db <= 45; db += 0.1)
            {
                for (std::size_t k = 0; k + 1 < order.size(); ++k)
                {
                    const double lower =
                        NrShannonErrorModel::CalcBler(FromDb(db), NrGetMcs(table, order[k]), tbs);
                    const double higher =
                        NrShannonErrorModel::CalcBler(FromDb(db),
                                                      NrGetMcs(table, order[k + 1]),
                                                      tbs);
                    ASSERT_GE(higher + 1e-12, lower)
                        << "MCS " << +order[k + 1] << " vs " << +order[k] << " at " << db;
                }
            }
        }
    }
    // Concretely, at the threshold of MCS 1-10 the next MCS fails more, the previous less.
    const double at = NrShannonErrorModel::CalcSinrThreshold(NrGetMcs(NrMcsTableId::Qam64, 10));
    EXPECT_GT(NrShannonErrorModel::CalcBler(at, NrGetMcs(NrMcsTableId::Qam64, 11), 1000), 0.1);
    EXPECT_LT(NrShannonErrorModel::CalcBler(at, NrGetMcs(NrMcsTableId::Qam64, 9), 1000), 0.1);
}

// Chase combining (Chase 1985): the combined SINR is the sum, so two equal transmissions gain
// 10 log10(2) = 3.01 dB, and two transmissions at half the threshold decode with 10 % BLER.
TEST(NrLinkAdaptationTest, ChaseCombiningAddsSinrs)
{
    EXPECT_NEAR(10 * std::log10(Shannon().CombineSinr({5.0, 5.0}) / 5.0), 3.0103, 1e-4);
    EXPECT_DOUBLE_EQ(Shannon().CombineSinr({1.0, 2.5, 0.5}), 4.0);
    EXPECT_DOUBLE_EQ(Shannon().CombineSinr({7.0}), 7.0);
    const NrMcsEntry& e = NrGetMcs(NrMcsTableId::Qam256, 15);
    const double half = NrShannonErrorModel::CalcSinrThreshold(e) / 2;
    EXPECT_GT(NrShannonErrorModel::CalcBler(half, e, 5000), 0.9);
    EXPECT_NEAR(NrShannonErrorModel::CalcBler(Shannon().CombineSinr({half, half}), e, 5000),
                0.1,
                1e-12);
    EXPECT_THROW(Shannon().CombineSinr({}), std::invalid_argument);
    EXPECT_THROW(Shannon().CombineSinr({1.0, -0.1}), std::invalid_argument);
    EXPECT_THROW(Shannon().CombineSinr({1.0, std::nan("")}), std::invalid_argument);
}

// TS 38.214 5.2.2.1: the highest CQI whose BLER <= 0.1. Exactly at a CQI's threshold that CQI is
// reported; just below it the one before.
TEST(NrLinkAdaptationTest, CqiIsTheHighestWithBlerAtMostTenPercent)
{
    for (NrCqiTableId table : {NrCqiTableId::Table1, NrCqiTableId::Table2})
    {
        for (uint8_t cqi = 1; cqi <= NR_MAX_CQI; ++cqi)
        {
            const double threshold = CqiThreshold(table, cqi);
            EXPECT_EQ(NrLinkAdaptation::SinrToCqi(threshold, table, Shannon()), cqi);
            EXPECT_EQ(NrLinkAdaptation::SinrToCqi(threshold * (1 + 1e-9), table, Shannon()), cqi);
            EXPECT_EQ(NrLinkAdaptation::SinrToCqi(threshold * (1 - 1e-9), table, Shannon()),
                      cqi - 1);
            // The reported CQI's own BLER is <= 10 %, the next one's is above.
            const double sinr = threshold * FromDb(0.01);
            const NrCqiEntry& e = NrGetCqi(table, cqi);
            EXPECT_LE(NrShannonErrorModel::CalcBler(
                          sinr,
                          {e.modulationOrder, e.codeRateX1024, e.spectralEfficiency},
                          1000),
                      0.1);
            if (cqi < NR_MAX_CQI)
            {
                const NrCqiEntry& next = NrGetCqi(table, cqi + 1);
                EXPECT_GT(NrShannonErrorModel::CalcBler(
                              sinr,
                              {next.modulationOrder, next.codeRateX1024, next.spectralEfficiency},
                              1000),
                          0.1);
            }
        }
    }
    // CQI 1 of both tables (QPSK 78/1024, SE 0.1523) needs 2^(0.1523/0.6) - 1 = 0.1924 (-7.16 dB).
    EXPECT_EQ(NrLinkAdaptation::SinrToCqi(0.1924, NrCqiTableId::Table1, Shannon()), 1);
    EXPECT_EQ(NrLinkAdaptation::SinrToCqi(0.1920, NrCqiTableId::Table1, Shannon()), 0);
    EXPECT_THROW(NrLinkAdaptation::SinrToCqi(-1.0, NrCqiTableId::Table1, Shannon()),
                 std::invalid_argument);
}

// Very low SINR: CQI 0 and MCS 0; very high: CQI 15 and the top MCS of each table.
TEST(NrLinkAdaptationTest, ExtremesGiveTheTableEnds)
{
    for (double sinr : {0.0, FromDb(-40), FromDb(-10)})
    {
        EXPECT_EQ(NrLinkAdaptation::SinrToCqi(sinr, NrCqiTableId::Table1, Shannon()), 0);
        EXPECT_EQ(NrLinkAdaptation::SinrToCqi(sinr, NrCqiTableId::Table2, Shannon()), 0);
        for (NrMcsTableId table : kMcsTables)
        {
            EXPECT_EQ(NrLinkAdaptation::SinrToMcs(sinr, table, Shannon()), 0);
        }
    }
    const double high = FromDb(60);
    EXPECT_EQ(NrLinkAdaptation::SinrToCqi(high, NrCqiTableId::Table1, Shannon()), 15);
    EXPECT_EQ(NrLinkAdaptation::SinrToCqi(high, NrCqiTableId::Table2, Shannon()), 15);
    EXPECT_EQ(NrLinkAdaptation::SinrToMcs(high, NrMcsTableId::Qam64, Shannon()), 28);
    EXPECT_EQ(NrLinkAdaptation::SinrToMcs(high, NrMcsTableId::Qam256, Shannon()), 27);
    EXPECT_EQ(NrLinkAdaptation::SinrToMcs(high, NrMcsTableId::Qam64LowSe, Shannon()), 28);
}

// CQI and MCS never decrease as the SINR rises.
TEST(NrLinkAdaptationTest, AdaptationIsMonotoneInSinr)
{
    for (NrMcsTableId table : kMcsTables)
    {
        const NrCqiTableId cqiTable = NrLinkAdaptation::GetCqiTable(table);
        uint8_t previousCqi = 0;
        uint8_t previousMcs = 0;
        double previousEfficiency = 0;
        for (double db = -20; db <= 50; db += 0.01)
        {
            const uint8_t cqi = NrLinkAdaptation::SinrToCqi(FromDb(db), cqiTable, Shannon());
            const uint8_t mcs = NrLinkAdaptation::SinrToMcs(FromDb(db), table, Shannon());
            ASSERT_GE(cqi, previousCqi) << db << " dB";
            ASSERT_GE(mcs, previousMcs) << db << " dB";
            const double efficiency = NrGetMcs(table, mcs).spectralEfficiency;
            ASSERT_GE(efficiency, previousEfficiency) << db << " dB";
            previousCqi = cqi;
            previousMcs = mcs;
            previousEfficiency = efficiency;
        }
        EXPECT_EQ(previousMcs, NrMaxMcs(table));
    }
}

// The gNB maps the CQI to the highest MCS whose SE <= the CQI's. With the matching tables that is
// the well-known mapping (CQI table 2 / MCS table 2: MCS = 2 CQI - 3 from CQI 2 on).
TEST(NrLinkAdaptationTest, CqiToMcsKeepsEfficiencyAtOrBelowTheCqi)
{
    const std::vector<uint8_t> table1 = {0, 0, 0, 2, 4, 6, 8, 11, 13, 15, 18, 20, 22, 24, 26, 28};
    const std::vector<uint8_t> table2 = {0, 0, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27};
    for (uint8_t cqi = 0; cqi <= NR_MAX_CQI; ++cqi)
    {
        EXPECT_EQ(NrLinkAdaptation::CqiToMcs(cqi, NrCqiTableId::Table1, NrMcsTableId::Qam64),
                  table1[cqi])
            << +cqi;
        EXPECT_EQ(NrLinkAdaptation::CqiToMcs(cqi, NrCqiTableId::Table2, NrMcsTableId::Qam256),
                  table2[cqi])
            << +cqi;
    }
    // Every combination: the chosen SE is <= the CQI's and no MCS of the table fits better.
    for (NrCqiTableId cqiTable : {NrCqiTableId::Table1, NrCqiTableId::Table2})
    {
        for (NrMcsTableId mcsTable : kMcsTables)
        {
            for (uint8_t cqi = 1; cqi <= NR_MAX_CQI; ++cqi)
            {
                const double cqiSe = NrGetCqi(cqiTable, cqi).spectralEfficiency;
                const uint8_t mcs = NrLinkAdaptation::CqiToMcs(cqi, cqiTable, mcsTable);
                const double mcsSe = NrGetMcs(mcsTable, mcs).spectralEfficiency;
                if (mcs > 0)
                {
                    EXPECT_LE(mcsSe, cqiSe) << +cqi << " -> " << +mcs;
                }
                for (uint8_t other = mcs + 1; other <= NrMaxMcs(mcsTable); ++other)
                {
                    EXPECT_GT(NrGetMcs(mcsTable, other).spectralEfficiency, cqiSe);
                }
            }
        }
    }
    // The low-SE table reaches below CQI 1: CQI 1 (SE 0.1523) maps to MCS 3-4 (78/1024, 0.1523).
    EXPECT_EQ(NrLinkAdaptation::CqiToMcs(1, NrCqiTableId::Table1, NrMcsTableId::Qam64LowSe), 4);
}

// The MCS chosen for an SINR decodes with BLER <= 10 % at that SINR, whatever the allocation.
TEST(NrLinkAdaptationTest, ChosenMcsMeetsTheTarget)
{
    for (NrMcsTableId table : {NrMcsTableId::Qam64, NrMcsTableId::Qam256})
    {
        for (double db = -7; db <= 40; db += 0.25)
        {
            const uint8_t mcs = NrLinkAdaptation::SinrToMcs(FromDb(db), table, Shannon());
            const NrCqiTableId cqiTable = NrLinkAdaptation::GetCqiTable(table);
            const uint8_t cqi = NrLinkAdaptation::SinrToCqi(FromDb(db), cqiTable, Shannon());
            const NrMcsEntry& e = NrGetMcs(table, mcs);
            if (cqi == 0 || e.spectralEfficiency > NrGetCqi(cqiTable, cqi).spectralEfficiency)
            {
                // CQI 0, or CQI 1 (SE 0.1523) below every MCS of the table: MCS 0 is sent
                // anyway and may fail.
                EXPECT_EQ(mcs, 0);
                continue;
            }
            for (uint32_t prbs : {1u, 20u, 273u})
            {
                NrTbsInput in;
                in.symbols = 13;
                in.dmrsRePerPrb = 12;
                in.modulationOrder = e.modulationOrder;
                in.codeRateX1024 = e.codeRateX1024;
                in.prbs = prbs;
                const uint32_t tbs = NrTransportBlockSize(in);
                EXPECT_LE(NrShannonErrorModel::CalcBler(FromDb(db), e, tbs), 0.1 + 1e-12)
                    << db << " dB MCS " << +mcs;
            }
        }
    }
}
