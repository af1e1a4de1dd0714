/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * NR MCS index tables (TS 38.214 Tables 5.1.3.1-1/-2/-3), transport block size determination
 * (TS 38.214 clause 5.1.3.2, Tables 5.1.3.2-1/-2) and LDPC base graph selection and code block
 * segmentation (TS 38.212 clauses 7.2.2 and 5.2.2).
 */

#include "model/nr/nr-mcs-table.h"
#include "model/nr/nr-tbs.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <stdexcept>
#include <vector>

using namespace ns3;

namespace
{

/// One expected MCS row: index, Q_m, R x 1024, SE as printed in the table.
struct McsRow
{
    uint8_t mcs;       //!< I_MCS
    uint8_t qm;        //!< Q_m
    double rateX1024;  //!< R x 1024
    double efficiency; //!< spectral efficiency
};

/**
 * Check every row of a table against its transcription and check that each printed efficiency
 * is Q_m R rounded to four decimals (a slip in any of the three columns shows up).
 * \param table the table.
 * \param rows the expected rows, all of them.
 */
void
ExpectTable(NrMcsTableId table, const std::vector<McsRow>& rows)
{
    ASSERT_EQ(NrMaxMcs(table) + 1u, rows.size());
    for (const McsRow& row : rows)
    {
        const NrMcsEntry& e = NrGetMcs(table, row.mcs);
        EXPECT_EQ(e.modulationOrder, row.qm) << "MCS " << +row.mcs;
        EXPECT_DOUBLE_EQ(e.codeRateX1024, row.rateX1024) << "MCS " << +row.mcs;
        EXPECT_DOUBLE_EQ(e.spectralEfficiency, row.efficiency) << "MCS " << +row.mcs;
        EXPECT_NEAR(e.spectralEfficiency, row.qm * row.rateX1024 / 1024.0, 0.5e-4)
            << "MCS " << +row.mcs;
        EXPECT_DOUBLE_EQ(e.GetCodeRate(), row.rateX1024 / 1024.0);
    }
}

/// One srsRAN test vector: {N_symb^sh, N_DMRS^PRB, N_oh^PRB, Q_m, R x 1024, layers, TB scaling
/// field, n_PRB} -> TBS.
struct TbsVector
{
    uint32_t symbols;     //!< N_symb^sh
    uint32_t dmrs;        //!< N_DMRS^PRB
    uint32_t overhead;    //!< N_oh^PRB
    uint8_t qm;           //!< Q_m
    double rateX1024;     //!< R x 1024
    uint32_t layers;      //!< nu
    uint8_t scalingField; //!< TB scaling field of DCI 1_0
    uint32_t prbs;        //!< n_PRB
    uint32_t tbs;         //!< expected TBS in bits
};

/**
 * \param v a test vector.
 * \return the TBS NrTransportBlockSize computes for it.
 */
uint32_t
Compute(const TbsVector& v)
{
    NrTbsInput in;
    in.symbols = v.symbols;
    in.dmrsRePerPrb = v.dmrs;
    in.overheadRePerPrb = v.overhead;
    in.modulationOrder = v.qm;
    in.codeRateX1024 = v.rateX1024;
    in.layers = v.layers;
    in.scaling = NrTbScalingFactor(v.scalingField);
    in.prbs = v.prbs;
    return NrTransportBlockSize(in);
}

/**
 * A full-slot allocation of the worked examples below: 13 PDSCH symbols (one PDCCH symbol), 12
 * DM-RS REs per PRB, no xOverhead, S = 1.
 * \param table the MCS table.
 * \param mcs the MCS index.
 * \param layers nu.
 * \param prbs n_PRB.
 * \return the TBS.
 */
uint32_t
FullSlotTbs(NrMcsTableId table, uint8_t mcs, uint32_t layers, uint32_t prbs)
{
    const NrMcsEntry& e = NrGetMcs(table, mcs);
    NrTbsInput in;
    in.symbols = 13;
    in.dmrsRePerPrb = 12;
    in.modulationOrder = e.modulationOrder;
    in.codeRateX1024 = e.codeRateX1024;
    in.layers = layers;
    in.prbs = prbs;
    return NrTransportBlockSize(in);
}

} // namespace

// TS 38.214 Table 5.1.3.1-1 (5G-LENA's nr-mcs-tables.cc, checked against OAI).
TEST(NrTbsTest, McsTable1MatchesTs38214Table5_1_3_1_1)
{
    ExpectTable(
        NrMcsTableId::Qam64,
        {{0, 2, 120, 0.2344},  {1, 2, 157, 0.3066},  {2, 2, 193, 0.3770},  {3, 2, 251, 0.4902},
         {4, 2, 308, 0.6016},  {5, 2, 379, 0.7402},  {6, 2, 449, 0.8770},  {7, 2, 526, 1.0273},
         {8, 2, 602, 1.1758},  {9, 2, 679, 1.3262},  {10, 4, 340, 1.3281}, {11, 4, 378, 1.4766},
         {12, 4, 434, 1.6953}, {13, 4, 490, 1.9141}, {14, 4, 553, 2.1602}, {15, 4, 616, 2.4063},
         {16, 4, 658, 2.5703}, {17, 6, 438, 2.5664}, {18, 6, 466, 2.7305}, {19, 6, 517, 3.0293},
         {20, 6, 567, 3.3223}, {21, 6, 616, 3.6094}, {22, 6, 666, 3.9023}, {23, 6, 719, 4.2129},
         {24, 6, 772, 4.5234}, {25, 6, 822, 4.8164}, {26, 6, 873, 5.1152}, {27, 6, 910, 5.3320},
         {28, 6, 948, 5.5547}});
}

// TS 38.214 Table 5.1.3.1-2 (5G-LENA's nr-mcs-tables.cc, checked against OAI; two half-integer
// rates).
TEST(NrTbsTest, McsTable2MatchesTs38214Table5_1_3_1_2)
{
    ExpectTable(NrMcsTableId::Qam256,
                {{0, 2, 120, 0.2344},  {1, 2, 193, 0.3770},  {2, 2, 308, 0.6016},
                 {3, 2, 449, 0.8770},  {4, 2, 602, 1.1758},  {5, 4, 378, 1.4766},
                 {6, 4, 434, 1.6953},  {7, 4, 490, 1.9141},  {8, 4, 553, 2.1602},
                 {9, 4, 616, 2.4063},  {10, 4, 658, 2.5703}, {11, 6, 466, 2.7305},
                 {12, 6, 517, 3.0293}, {13, 6, 567, 3.3223}, {14, 6, 616, 3.6094},
                 {15, 6, 666, 3.9023}, {16, 6, 719, 4.2129}, {17, 6, 772, 4.5234},
                 {18, 6, 822, 4.8164}, {19, 6, 873, 5.1152}, {20, 8, 682.5, 5.3320},
                 {21, 8, 711, 5.5547}, {22, 8, 754, 5.8906}, {23, 8, 797, 6.2266},
                 {24, 8, 841, 6.5703}, {25, 8, 885, 6.9141}, {26, 8, 916.5, 7.1602},
                 {27, 8, 948, 7.4063}});
}

// TS 38.214 Table 5.1.3.1-3: rates as in OAI's nr_target_code_rate_table3,
// Q_m boundaries as OAI's nr_get_Qm (QPSK 0-14, 16QAM 15-20, 64QAM 21-28); SE = Q_m R.
TEST(NrTbsTest, McsTable3MatchesTs38214Table5_1_3_1_3)
{
    const std::vector<double> rates = {30,  40,  50,  64,  78,  99,  120, 157, 193, 251,
                                       308, 379, 449, 526, 602, 340, 378, 434, 490, 553,
                                       616, 438, 466, 517, 567, 616, 666, 719, 772};
    ASSERT_EQ(NrMaxMcs(NrMcsTableId::Qam64LowSe), 28);
    for (uint8_t mcs = 0; mcs <= 28; ++mcs)
    {
        const NrMcsEntry& e = NrGetMcs(NrMcsTableId::Qam64LowSe, mcs);
        const uint8_t qm = mcs <= 14 ? 2 : (mcs <= 20 ? 4 : 6);
        EXPECT_EQ(e.modulationOrder, qm) << "MCS " << +mcs;
        EXPECT_DOUBLE_EQ(e.codeRateX1024, rates[mcs]) << "MCS " << +mcs;
        EXPECT_NEAR(e.spectralEfficiency, qm * rates[mcs] / 1024.0, 0.5e-4) << "MCS " << +mcs;
    }
}

// TS 38.214 5.1.3.1: indices 29-31 (tables 1 and 3) and 28-31 (table 2) only carry Q_m for
// retransmissions; I_MCS has five bits.
TEST(NrTbsTest, ReservedMcsIndicesThrow)
{
    EXPECT_EQ(NrMaxMcs(NrMcsTableId::Qam64), 28);
    EXPECT_EQ(NrMaxMcs(NrMcsTableId::Qam256), 27);
    for (uint8_t mcs : {29, 30, 31, 32, 255})
    {
        EXPECT_THROW(NrGetMcs(NrMcsTableId::Qam64, mcs), std::out_of_range) << +mcs;
        EXPECT_THROW(NrGetMcs(NrMcsTableId::Qam64LowSe, mcs), std::out_of_range) << +mcs;
    }
    for (uint8_t mcs : {28, 29, 30, 31, 32})
    {
        EXPECT_THROW(NrGetMcs(NrMcsTableId::Qam256, mcs), std::out_of_range) << +mcs;
    }
    EXPECT_NO_THROW(NrGetMcs(NrMcsTableId::Qam64, 28));
    EXPECT_NO_THROW(NrGetMcs(NrMcsTableId::Qam256, 27));
    EXPECT_THROW(NrGetMcs(static_cast<NrMcsTableId>(4), 0), std::invalid_argument);
    EXPECT_THROW(NrMaxMcs(static_cast<NrMcsTableId>(0)), std::invalid_argument);
}

// TS 38.214 Table 5.1.3.2-2: TB scaling field 00 -> 1, 01 -> 0.5, 10 -> 0.25, 11 reserved.
TEST(NrTbsTest, TbScalingFieldFollowsTable5_1_3_2_2)
{
    EXPECT_DOUBLE_EQ(NrTbScalingFactor(0), 1.0);
    EXPECT_DOUBLE_EQ(NrTbScalingFactor(1), 0.5);
    EXPECT_DOUBLE_EQ(NrTbScalingFactor(2), 0.25);
    EXPECT_THROW(NrTbScalingFactor(3), std::out_of_range);
}

// srsRAN_Project tests/unittests/scheduler/support/tbs_calculator_test_data.h (generated by
// srsTBSCalculatorUnittest.m): 11 of its vectors plus the vector that
// lands exactly on the last entry of Table 5.1.3.2-1 (N_info = 3801.6 -> 3824).
TEST(NrTbsTest, MatchesSrsRanTestVectors)
{
    const std::vector<TbsVector> vectors = {
        {12, 6, 0, 2, 102.4, 1, 0, 6, 160},
        {12, 6, 0, 2, 102.4, 1, 2, 6, 40},
        {12, 6, 12, 2, 921.6, 1, 0, 6, 1416},
        {12, 36, 0, 2, 921.6, 4, 0, 11, 8456},
        {12, 6, 0, 2, 921.6, 4, 0, 11, 11016},
        {12, 6, 0, 4, 921.6, 4, 0, 11, 22032},
        {12, 36, 12, 4, 921.6, 4, 0, 11, 15112},
        {12, 6, 0, 6, 921.6, 4, 0, 11, 32776},
        {12, 36, 12, 6, 921.6, 4, 0, 11, 23040},
        {12, 6, 0, 8, 921.6, 4, 0, 6, 24072},
        {12, 6, 0, 6, 921.6, 1, 0, 6, 4480},
        {12, 36, 12, 4, 921.6, 4, 2, 11, 3824},
    };
    for (const TbsVector& v : vectors)
    {
        EXPECT_EQ(Compute(v), v.tbs)
            << "{" << v.symbols << ", " << v.dmrs << ", " << v.overhead << ", Qm " << +v.qm << " "
            << v.rateX1024 << ", " << v.layers << ", " << +v.scalingField << ", " << v.prbs << "}";
    }
}

// Worked examples, derived by hand with the clause 5.1.3.2 procedure: 13 symbols, 12 DM-RS REs/PRB,
// no xOverhead. MCS 2-27 over 273 PRB and 4 layers is the TS 38.306 peak-rate check: 1 179 864 bit
// per 0.5 ms slot is 2359.7 Mbit/s.
TEST(NrTbsTest, MatchesWorkedExamples)
{
    EXPECT_EQ(FullSlotTbs(NrMcsTableId::Qam256, 27, 4, 273), 1179864u);
    EXPECT_EQ(FullSlotTbs(NrMcsTableId::Qam64, 28, 4, 273), 868584u);
    EXPECT_EQ(FullSlotTbs(NrMcsTableId::Qam64, 0, 1, 1), 32u);
    EXPECT_EQ(FullSlotTbs(NrMcsTableId::Qam64, 9, 1, 52), 9992u);
}

// TS 38.214 5.1.3.2 step 3 (N_info <= 3824): N'_info = max(24, 2^n floor(N_info / 2^n)),
// n = max(3, floor(log2 N_info) - 6), then the smallest Table 5.1.3.2-1 entry >= N'_info.
TEST(NrTbsTest, SmallBranchUsesTable5_1_3_2_1)
{
    // MCS 1-0, 1 PRB: N'_RE = 156 - 12 = 144, N_info = 144 * 120/1024 * 2 = 33.75, n = 3,
    // N'_info = 32, entry 32.
    EXPECT_EQ(FullSlotTbs(NrMcsTableId::Qam64, 0, 1, 1), 32u);
    // 2 symbols, 6 DM-RS REs: N'_RE = 18, N_info = 4.22, N'_info = max(24, 0) = 24: the floor.
    NrTbsInput tiny;
    tiny.symbols = 2;
    tiny.dmrsRePerPrb = 6;
    tiny.modulationOrder = 2;
    tiny.codeRateX1024 = 120;
    tiny.prbs = 1;
    EXPECT_EQ(NrTransportBlockSize(tiny), 24u);
    // N_info = 0.25 * 96 * 11 * 0.9 * 4 * 4 = 3801.6 <= 3824: n = 5, N'_info = 32 * 118 = 3776,
    // smallest entry not below is the table's last, 3824 (not 3776 and not the 3840 floor of
    // step 4).
    EXPECT_EQ(Compute({12, 36, 12, 4, 921.6, 4, 2, 11, 0}), 3824u);
    // N_info = 828 * 0.1 * 2 = 165.6: n = 3, N'_info = 160, an entry itself.
    EXPECT_EQ(Compute({12, 6, 0, 2, 102.4, 1, 0, 6, 0}), 160u);
    // Every result of the table branch is a table entry: sweep PRBs at MCS 1-0.
    const std::vector<uint32_t> entries = {
        24,   32,   40,   48,   56,   64,   72,   80,   88,   96,   104,  112,  120,  128,
        136,  144,  152,  160,  168,  176,  184,  192,  208,  224,  240,  256,  272,  288,
        304,  320,  336,  352,  368,  384,  408,  432,  456,  480,  504,  528,  552,  576,
        608,  640,  672,  704,  736,  768,  808,  848,  888,  928,  984,  1032, 1064, 1128,
        1160, 1192, 1224, 1256, 1288, 1320, 1352, 1416, 1480, 1544, 1608, 1672, 1736, 1800,
        1864, 1928, 2024, 2088, 2152, 2216, 2280, 2408, 2472, 2536, 2600, 2664, 2728, 2792,
        2856, 2976, 3104, 3240, 3368, 3496, 3624, 3752, 3824};
    ASSERT_EQ(entries.size(), 93u);
    for (uint32_t prbs = 1; prbs <= 100; ++prbs)
    {
        const uint32_t tbs = FullSlotTbs(NrMcsTableId::Qam64, 0, 1, prbs);
        if (tbs <= 3824)
        {
            EXPECT_NE(std::find(entries.begin(), entries.end(), tbs), entries.end()) << tbs;
        }
    }
}

// TS 38.214 5.1.3.2 step 4 with R <= 1/4: C = ceil((N'_info + 24) / 3816),
// TBS = 8C ceil((N'_info + 24) / 8C) - 24. The chosen cases differ from what the other large
// branches would give, so taking the wrong branch fails them.
TEST(NrTbsTest, LargeBranchLowRateUses3816BitBlocks)
{
    // MCS 1-0 (R = 120/1024), 273 PRB, 4 layers: N_info = 39312 * 120/1024 * 2 * 4 = 36855,
    // n = 10, N'_info = 1024 * round(35.968) = 36864, C = ceil(36888 / 3816) = 10,
    // TBS = 80 * ceil(36888 / 80) - 24 = 36936 (one block, 8 ceil(36888/8) - 24 = 36864; 8424-bit
    // blocks, C = 5: 36896).
    EXPECT_EQ(FullSlotTbs(NrMcsTableId::Qam64, 0, 4, 273), 36936u);
    // MCS 1-3 (R = 251/1024 <= 1/4), 106 PRB, 4 layers: N_info = 29931.75, N'_info = 29696,
    // C = 8, TBS = 64 * ceil(29720 / 64) - 24 = 29736 (8424-bit blocks, C = 4: 29704).
    EXPECT_EQ(FullSlotTbs(NrMcsTableId::Qam64, 3, 4, 106), 29736u);
}

// TS 38.214 5.1.3.2 step 4 with R > 1/4: C = ceil((N'_info + 24) / 8424) when N'_info > 8424,
// else one block, TBS = 8 ceil((N'_info + 24) / 8) - 24.
TEST(NrTbsTest, LargeBranchHighRateUses8424BitBlocks)
{
    // MCS 1-9, 52 PRB: N_info = 9930.375, n = 8, N'_info = 256 * round(38.70) = 9984 > 8424,
    // C = ceil(10008 / 8424) = 2, TBS = 16 * ceil(10008 / 16) - 24 = 9992.
    EXPECT_EQ(FullSlotTbs(NrMcsTableId::Qam64, 9, 1, 52), 9992u);
    // MCS 1-28, 273 PRB, 4 layers: N'_info = 868352, C = 104, TBS = 868584.
    EXPECT_EQ(FullSlotTbs(NrMcsTableId::Qam64, 28, 4, 273), 868584u);
    // MCS 1-9, 24 PRB: N_info = 4583.25, n = 7, N'_info = 128 * round(35.62) = 4608 <= 8424,
    // one block: TBS = 8 * ceil(4632 / 8) - 24 = 4608.
    EXPECT_EQ(FullSlotTbs(NrMcsTableId::Qam64, 9, 1, 24), 4608u);
    // {12, 6, 0, 64QAM 921.6, 1, 0, 6} (srsRAN): N_info = 4471.2, n = 7, N'_info = 4480, one
    // block: 4480.
    EXPECT_EQ(Compute({12, 6, 0, 6, 921.6, 1, 0, 6, 0}), 4480u);
    // N'_info is at least 3840: MCS 1-10, 20 PRB: N_info = 2880 * 4 * 340/1024 = 3825 > 3824,
    // n = 6, 64 * round(3801 / 64) = 3776 < 3840, so N'_info = 3840 and TBS = 3840; one PRB
    // less stays in the table branch (N_info = 3633.75 -> 3624).
    EXPECT_EQ(FullSlotTbs(NrMcsTableId::Qam64, 10, 1, 20), 3840u);
    EXPECT_EQ(FullSlotTbs(NrMcsTableId::Qam64, 10, 1, 19), 3624u);
}

// The sizes are monotone in every resource: more PRBs, layers, symbols, higher rate never give a
// smaller TBS (the quantisation of steps 3 and 4 is monotone).
TEST(NrTbsTest, TbsIsMonotoneInResources)
{
    for (uint8_t mcs = 0; mcs <= 27; ++mcs)
    {
        uint32_t previous = 0;
        for (uint32_t prbs = 1; prbs <= 275; ++prbs)
        {
            const uint32_t tbs = FullSlotTbs(NrMcsTableId::Qam256, mcs, 2, prbs);
            EXPECT_GE(tbs, previous) << "MCS " << +mcs << " PRB " << prbs;
            previous = tbs;
        }
    }
    for (uint32_t prbs : {1u, 24u, 106u, 273u})
    {
        uint32_t previous = 0;
        for (uint8_t mcs = 0; mcs <= 27; ++mcs)
        {
            const uint32_t tbs = FullSlotTbs(NrMcsTableId::Qam256, mcs, 1, prbs);
            EXPECT_GE(tbs, previous) << "MCS " << +mcs << " PRB " << prbs;
            previous = tbs;
        }
        EXPECT_LT(FullSlotTbs(NrMcsTableId::Qam256, 27, 1, prbs),
                  FullSlotTbs(NrMcsTableId::Qam256, 27, 4, prbs));
    }
}

// N'_RE is capped at 156 REs per PRB (TS 38.214 5.1.3.2 step 1): 14 symbols with no DM-RS give
// the same size as 13 symbols.
TEST(NrTbsTest, ResourceElementsPerPrbAreCappedAt156)
{
    NrTbsInput in;
    in.symbols = 14;
    in.dmrsRePerPrb = 0;
    in.modulationOrder = 6;
    in.codeRateX1024 = 948;
    in.prbs = 100;
    const uint32_t full = NrTransportBlockSize(in);
    in.symbols = 13;
    EXPECT_EQ(NrTransportBlockSize(in), full);
    in.symbols = 12;
    EXPECT_LT(NrTransportBlockSize(in), full);
}

TEST(NrTbsTest, InvalidInputsThrow)
{
    const NrTbsInput valid{12, 12, 0, 2, 120, 1, 1.0, 10};
    EXPECT_NO_THROW(NrTransportBlockSize(valid));
    auto broken = [&valid](auto change) {
        NrTbsInput in = valid;
        change(in);
        return in;
    };
    EXPECT_THROW(NrTransportBlockSize(broken([](NrTbsInput& i) { i.symbols = 0; })),
                 std::invalid_argument);
    EXPECT_THROW(NrTransportBlockSize(broken([](NrTbsInput& i) { i.symbols = 15; })),
                 std::invalid_argument);
    EXPECT_THROW(NrTransportBlockSize(broken([](NrTbsInput& i) { i.modulationOrder = 3; })),
                 std::invalid_argument);
    EXPECT_THROW(NrTransportBlockSize(broken([](NrTbsInput& i) { i.codeRateX1024 = 0; })),
                 std::invalid_argument);
    EXPECT_THROW(NrTransportBlockSize(broken([](NrTbsInput& i) { i.codeRateX1024 = 1024; })),
                 std::invalid_argument);
    EXPECT_THROW(NrTransportBlockSize(broken([](NrTbsInput& i) { i.layers = 5; })),
                 std::invalid_argument);
    EXPECT_THROW(NrTransportBlockSize(broken([](NrTbsInput& i) { i.scaling = 0; })),
                 std::invalid_argument);
    EXPECT_THROW(NrTransportBlockSize(broken([](NrTbsInput& i) { i.prbs = 0; })),
                 std::invalid_argument);
    EXPECT_THROW(NrTransportBlockSize(broken([](NrTbsInput& i) { i.prbs = 276; })),
                 std::invalid_argument);
    // 1 symbol = 12 REs, all taken by DM-RS.
    EXPECT_THROW(NrTransportBlockSize(broken([](NrTbsInput& i) {
                     i.symbols = 1;
                     i.dmrsRePerPrb = 12;
                 })),
                 std::invalid_argument);
}

// TS 38.212 7.2.2: base graph 2 if A <= 292, or A <= 3824 and R <= 0.67, or R <= 0.25.
TEST(NrTbsTest, LdpcBaseGraphFollowsTs38212Clause7_2_2)
{
    EXPECT_EQ(NrLdpcBaseGraph(292, 0.93), 2);
    EXPECT_EQ(NrLdpcBaseGraph(296, 0.93), 1);
    EXPECT_EQ(NrLdpcBaseGraph(3824, 0.67), 2);
    EXPECT_EQ(NrLdpcBaseGraph(3824, 0.68), 1);
    EXPECT_EQ(NrLdpcBaseGraph(3840, 0.5), 1);
    EXPECT_EQ(NrLdpcBaseGraph(1179864, 0.25), 2);
    EXPECT_EQ(NrLdpcBaseGraph(1179864, 0.26), 1);
    EXPECT_THROW(NrLdpcBaseGraph(0, 0.5), std::invalid_argument);
    EXPECT_THROW(NrLdpcBaseGraph(100, 0.0), std::invalid_argument);
    EXPECT_THROW(NrLdpcBaseGraph(100, 1.5), std::invalid_argument);
}

// TS 38.212 5.2.2 with the TB CRC of 7.2.1: B = A + 16 (A <= 3824) or A + 24; one block if
// B <= K_cb (8448 BG1, 3840 BG2), else C = ceil(B / (K_cb - 24)) blocks of K' = (B + 24 C) / C.
TEST(NrTbsTest, CodeBlockSegmentationFollowsTs38212Clause5_2_2)
{
    NrCodeBlockSegmentation s = NrSegmentTransportBlock(8424, 0.9); // B = 8448 = K_cb
    EXPECT_EQ(s.baseGraph, 1);
    EXPECT_EQ(s.tbCrcBits, 24u);
    EXPECT_EQ(s.codeBlocks, 1u);
    EXPECT_EQ(s.cbCrcBits, 0u);
    EXPECT_EQ(s.bitsPerCodeBlock, 8448u);
    s = NrSegmentTransportBlock(8432, 0.9); // B = 8456 > 8448
    EXPECT_EQ(s.codeBlocks, 2u);
    EXPECT_EQ(s.cbCrcBits, 24u);
    EXPECT_EQ(s.bitsPerCodeBlock, (8456u + 48u) / 2u);
    s = NrSegmentTransportBlock(3824, 0.2); // 16-bit TB CRC, B = 3840 = K_cb of BG2
    EXPECT_EQ(s.baseGraph, 2);
    EXPECT_EQ(s.tbCrcBits, 16u);
    EXPECT_EQ(s.codeBlocks, 1u);
    s = NrSegmentTransportBlock(3840, 0.2); // B = 3864 > 3840: two blocks of 1956
    EXPECT_EQ(s.tbCrcBits, 24u);
    EXPECT_EQ(s.codeBlocks, 2u);
    EXPECT_EQ(s.bitsPerCodeBlock, 1956u);
    EXPECT_EQ(NrCodeBlocks(32, 0.12), 1u);
    // The peak-rate block: C = ceil(1179888 / 8424) = 141, as step 4 of TS 38.214 used.
    EXPECT_EQ(NrCodeBlocks(1179864, 948.0 / 1024), 141u);
    EXPECT_EQ(NrCodeBlocks(36936, 120.0 / 1024), 10u);
}

// TS 38.214 step 4 sizes the TB so that its C code blocks (TS 38.212) carry equal whole bytes:
// for every large TBS, (TBS + 24) is a multiple of 8 C with C from the segmentation.
TEST(NrTbsTest, LargeSizesSegmentIntoEqualByteAlignedBlocks)
{
    int checked = 0;
    for (NrMcsTableId table : {NrMcsTableId::Qam64, NrMcsTableId::Qam256})
    {
        for (uint8_t mcs = 0; mcs <= NrMaxMcs(table); ++mcs)
        {
            for (uint32_t prbs : {11u, 52u, 106u, 133u, 273u})
            {
                for (uint32_t layers : {1u, 2u, 4u})
                {
                    const uint32_t tbs = FullSlotTbs(table, mcs, layers, prbs);
                    if (tbs <= 3824)
                    {
                        continue;
                    }
                    const uint32_t c = NrCodeBlocks(tbs, NrGetMcs(table, mcs).GetCodeRate());
                    EXPECT_EQ((tbs + 24) % (8 * c), 0u) << tbs << " C " << c;
                    ++checked;
                }
            }
        }
    }
    EXPECT_GT(checked, 200);
}
