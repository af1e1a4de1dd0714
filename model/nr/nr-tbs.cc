/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-tbs.h"

#include "ns3/log.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrTbs");

namespace
{

/// Subcarriers per resource block, N_sc^RB (TS 38.211 clause 4.4.4.1).
constexpr uint32_t kSubcarriersPerPrb = 12;

/// Cap on the resource elements counted per PRB, TS 38.214 clause 5.1.3.2 step 1 (12 x 13).
constexpr uint32_t kMaxRePerPrb = 156;

/// Largest N_info handled by the table branch, TS 38.214 clause 5.1.3.2 step 2.
constexpr double kTableBranchLimit = 3824;

/// Largest TBS with a 16-bit TB CRC; above it the CRC has 24 bits (TS 38.212 clause 7.2.1).
constexpr uint32_t kCrc16Limit = 3824;

/// Bits of the 24-bit CRCs (TB CRC above 3824 bits, code block CRC), TS 38.212 clause 5.1.
constexpr uint32_t kCrc24Bits = 24;

/// Bits of the 16-bit TB CRC, TS 38.212 clauses 5.1 and 7.2.1.
constexpr uint32_t kCrc16Bits = 16;

/// Maximum code block size K_cb of LDPC base graph 1, TS 38.212 clause 5.2.2.
constexpr uint32_t kMaxCodeBlockBg1 = 8448;

/// Maximum code block size K_cb of LDPC base graph 2, TS 38.212 clause 5.2.2.
constexpr uint32_t kMaxCodeBlockBg2 = 3840;

/// TS 38.214 Table 5.1.3.2-1: TBS for N_info <= 3824 (93 entries, identical to
/// OpenAirInterface's nr_tbs_table and srsRAN's tbs_calculator).
constexpr std::array<uint32_t, 93> kTbsTable = {
    24,   32,   40,   48,   56,   64,   72,   80,   88,   96,   104,  112,  120,  128,  136,  144,
    152,  160,  168,  176,  184,  192,  208,  224,  240,  256,  272,  288,  304,  320,  336,  352,
    368,  384,  408,  432,  456,  480,  504,  528,  552,  576,  608,  640,  672,  704,  736,  768,
    808,  848,  888,  928,  984,  1032, 1064, 1128, 1160, 1192, 1224, 1256, 1288, 1320, 1352, 1416,
    1480, 1544, 1608, 1672, 1736, 1800, 1864, 1928, 2024, 2088, 2152, 2216, 2280, 2408, 2472, 2536,
    2600, 2664, 2728, 2792, 2856, 2976, 3104, 3240, 3368, 3496, 3624, 3752, 3824};

/**
 * \param numerator a positive number.
 * \param denominator a positive number.
 * \return ceil(numerator / denominator) in integers.
 */
uint64_t
CeilDiv(uint64_t numerator, uint64_t denominator)
{
    return (numerator + denominator - 1) / denominator;
}

/**
 * \param what the field's name.
 * \param value the offending value.
 * \param expected the accepted range, in words.
 */
[[noreturn]] void
Reject(const std::string& what, double value, const std::string& expected)
{
    throw std::invalid_argument("NR TBS: " + what + " = " + std::to_string(value) + ", expected " +
                                expected);
}

/**
 * \param tbs A.
 * \param codeRate R.
 * Checks the arguments shared by the LDPC functions.
 */
void
CheckLdpcArguments(uint32_t tbs, double codeRate)
{
    if (tbs == 0)
    {
        throw std::invalid_argument("NR LDPC: the transport block size must be positive");
    }
    if (!(codeRate > 0.0 && codeRate <= 1.0))
    {
        throw std::invalid_argument("NR LDPC: code rate " + std::to_string(codeRate) +
                                    " is outside (0, 1]");
    }
}

} // namespace

double
NrTbScalingFactor(uint8_t field)
{
    // TS 38.214 Table 5.1.3.2-2: '00' -> 1, '01' -> 0.5, '10' -> 0.25, '11' reserved.
    switch (field)
    {
    case 0:
        return 1.0;
    case 1:
        return 0.5;
    case 2:
        return 0.25;
    default:
        throw std::out_of_range("TB scaling field " + std::to_string(field) +
                                " is reserved (TS 38.214 Table 5.1.3.2-2)");
    }
}

uint32_t
NrTransportBlockSize(const NrTbsInput& in)
{
    NS_LOG_FUNCTION(in.symbols << in.dmrsRePerPrb << in.overheadRePerPrb << +in.modulationOrder
                               << in.codeRateX1024 << in.layers << in.scaling << in.prbs);
    if (in.symbols < 1 || in.symbols > 14)
    {
        Reject("symbols", in.symbols, "1..14 OFDM symbols");
    }
    const uint8_t qm = in.modulationOrder;
    if (qm != 1 && qm != 2 && qm != 4 && qm != 6 && qm != 8)
    {
        Reject("modulationOrder", qm, "1, 2, 4, 6 or 8");
    }
    if (!(in.codeRateX1024 > 0.0 && in.codeRateX1024 < 1024.0))
    {
        Reject("codeRateX1024", in.codeRateX1024, "a value in (0, 1024)");
    }
    if (in.layers < 1 || in.layers > 4)
    {
        Reject("layers", in.layers, "1..4 layers per transport block");
    }
    if (!(in.scaling > 0.0 && in.scaling <= 1.0))
    {
        Reject("scaling", in.scaling, "a factor in (0, 1] (TS 38.214 Table 5.1.3.2-2)");
    }
    if (in.prbs < 1 || in.prbs > 275)
    {
        Reject("prbs", in.prbs, "1..275 PRBs");
    }
    const int64_t rePerPrbRaw = static_cast<int64_t>(kSubcarriersPerPrb) * in.symbols -
                                in.dmrsRePerPrb - in.overheadRePerPrb;
    if (rePerPrbRaw <= 0)
    {
        Reject("resource elements per PRB left after DM-RS and overhead",
               static_cast<double>(rePerPrbRaw),
               "a positive number");
    }

    // Step 1: resource elements available to the PDSCH.
    const uint64_t rePerPrb = std::min<uint64_t>(kMaxRePerPrb, rePerPrbRaw);
    const uint64_t nRe = rePerPrb * in.prbs;

    // Step 2: unquantised information bits. R x 1024 is multiplied in before the division by
    // 1024 so that the product is exact in double for every rate of the MCS tables (integers or
    // halves) and every S of Table 5.1.3.2-2 (powers of two).
    const double nInfo =
        in.scaling * static_cast<double>(nRe * qm * in.layers) * in.codeRateX1024 / 1024.0;
    NS_LOG_LOGIC("N_RE " << nRe << " N_info " << nInfo);

    if (nInfo <= kTableBranchLimit)
    {
        // Step 3: quantise to a multiple of 2^n and take the closest table entry not below it.
        const int n = std::max(3, static_cast<int>(std::floor(std::log2(nInfo))) - 6);
        const double step = std::ldexp(1.0, n);
        const double nInfoPrime = std::max(24.0, step * std::floor(nInfo / step));
        const auto it = std::lower_bound(kTbsTable.begin(), kTbsTable.end(), nInfoPrime);
        // nInfoPrime <= 3824 = the last entry, so an entry not below it always exists.
        return *it;
    }

    // Step 4: quantise (round to a multiple of 2^n) and size the code blocks.
    const int n = static_cast<int>(std::floor(std::log2(nInfo - 24.0))) - 5;
    const double step = std::ldexp(1.0, n);
    const auto nInfoPrime =
        static_cast<uint64_t>(std::max(3840.0, step * std::round((nInfo - 24.0) / step)));
    const double codeRate = in.codeRateX1024 / 1024.0;
    uint64_t codeBlocks = 1;
    if (codeRate <= 0.25)
    {
        // Base graph 2 (TS 38.212 7.2.2): 3840-bit blocks less a 24-bit CRC is 3816.
        codeBlocks = CeilDiv(nInfoPrime + 24, 3816);
    }
    else if (nInfoPrime > 8424)
    {
        // Base graph 1: 8448-bit blocks less a 24-bit CRC is 8424.
        codeBlocks = CeilDiv(nInfoPrime + 24, 8424);
    }
    const uint64_t tbs = 8 * codeBlocks * CeilDiv(nInfoPrime + 24, 8 * codeBlocks) - 24;
    NS_LOG_LOGIC("N'_info " << nInfoPrime << " C " << codeBlocks << " TBS " << tbs);
    return static_cast<uint32_t>(tbs);
}

uint8_t
NrLdpcBaseGraph(uint32_t tbs, double codeRate)
{
    CheckLdpcArguments(tbs, codeRate);
    // TS 38.212 clause 7.2.2.
    if (tbs <= 292 || (tbs <= 3824 && codeRate <= 0.67) || codeRate <= 0.25)
    {
        return 2;
    }
    return 1;
}

NrCodeBlockSegmentation
NrSegmentTransportBlock(uint32_t tbs, double codeRate)
{
    NrCodeBlockSegmentation seg{};
    seg.baseGraph = NrLdpcBaseGraph(tbs, codeRate);
    seg.tbCrcBits = tbs > kCrc16Limit ? kCrc24Bits : kCrc16Bits;
    const uint64_t b = static_cast<uint64_t>(tbs) + seg.tbCrcBits;
    const uint64_t maxBlock = seg.baseGraph == 1 ? kMaxCodeBlockBg1 : kMaxCodeBlockBg2;
    if (b <= maxBlock)
    {
        seg.codeBlocks = 1;
        seg.cbCrcBits = 0;
    }
    else
    {
        seg.cbCrcBits = kCrc24Bits;
        seg.codeBlocks = static_cast<uint32_t>(CeilDiv(b, maxBlock - seg.cbCrcBits));
    }
    const uint64_t bPrime = b + static_cast<uint64_t>(seg.codeBlocks) * seg.cbCrcBits;
    seg.bitsPerCodeBlock = static_cast<uint32_t>(CeilDiv(bPrime, seg.codeBlocks));
    return seg;
}

uint32_t
NrCodeBlocks(uint32_t tbs, double codeRate)
{
    return NrSegmentTransportBlock(tbs, codeRate).codeBlocks;
}

} // namespace blueprint
} // namespace ns3
