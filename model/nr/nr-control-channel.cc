/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-control-channel.h"

#include "model/nr/nr-error-model.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

namespace
{

/// A_p of the search space hashing for CORESET p with p mod 3 = 1 (TS 38.213 clause 10.1).
constexpr uint64_t HASH_A = 39829;
/// D of the search space hashing (TS 38.213 clause 10.1).
constexpr uint64_t HASH_D = 65537;
/// Fixed fields of DCI format 1_0 with C-RNTI (TS 38.212 clause 7.3.1.2.1): identifier 1,
/// time domain resource assignment 4, VRB-to-PRB mapping 1, MCS 5, NDI 1, RV 2, HARQ process 4,
/// DAI 2, TPC for PUCCH 2, PUCCH resource indicator 3, PDSCH-to-HARQ timing 3.
constexpr uint32_t DCI_10_FIXED_BITS = 1 + 4 + 1 + 5 + 1 + 2 + 4 + 2 + 2 + 3 + 3;

/// b^e mod m by squaring.
uint64_t
PowMod(uint64_t base, uint64_t exponent, uint64_t modulus)
{
    uint64_t result = 1;
    base %= modulus;
    while (exponent > 0)
    {
        if (exponent & 1)
        {
            result = result * base % modulus;
        }
        base = base * base % modulus;
        exponent >>= 1;
    }
    return result;
}

} // namespace

uint32_t
NrPdcch::GetDciFormat10Bits(uint32_t bwpPrbs)
{
    const double combinations = 0.5 * bwpPrbs * (bwpPrbs + 1.0);
    return DCI_10_FIXED_BITS + static_cast<uint32_t>(std::ceil(std::log2(combinations)));
}

uint32_t
NrPdcch::GetCces(uint32_t coresetPrbs, uint32_t symbols)
{
    return coresetPrbs / 6 * symbols;
}

uint32_t
NrPdcch::GetCandidateStart(uint32_t rnti,
                           uint64_t slotInFrame,
                           uint32_t level,
                           uint32_t candidate,
                           uint32_t candidates,
                           uint32_t cces)
{
    // Y_p,n = (A_p Y_p,n-1) mod D from Y_p,-1 = n_RNTI, i.e. A_p^(n+1) n_RNTI mod D.
    const uint64_t y = PowMod(HASH_A, slotInFrame + 1, HASH_D) * rnti % HASH_D;
    const uint64_t spread = static_cast<uint64_t>(candidate) * cces / (level * candidates);
    return level * static_cast<uint32_t>((y + spread) % (cces / level));
}

void
NrPdcch::Configure(uint32_t carrierPrbs,
                   const std::array<uint32_t, 5>& candidates,
                   double targetBler,
                   const NrErrorModel& errorModel)
{
    if (std::all_of(candidates.begin(), candidates.end(), [](uint32_t m) { return m == 0; }))
    {
        throw std::invalid_argument("PDCCH: no aggregation level has a candidate");
    }
    if (!(targetBler > 0.0 && targetBler < 1.0))
    {
        throw std::invalid_argument("PDCCH: target error rate must be in (0, 1)");
    }
    m_candidates = candidates;
    m_dciBits = GetDciFormat10Bits(carrierPrbs) + DCI_CRC_BITS;
    for (std::size_t i = 0; i < LEVELS.size(); ++i)
    {
        // QPSK at rate K / (108 L): its error rate falls with the SINR; bisect in dB for the
        // target.
        const double rate = static_cast<double>(m_dciBits) / (BITS_PER_CCE * LEVELS[i]);
        const NrMcsEntry qpsk{2, rate * 1024, 2 * rate};
        double low = -30.0;
        double high = 40.0;
        for (int step = 0; step < 60; ++step)
        {
            const double mid = 0.5 * (low + high);
            if (errorModel.GetBler(std::pow(10.0, mid / 10.0), qpsk, m_dciBits) > targetBler)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }
        m_threshold[i] = std::pow(10.0, high / 10.0);
    }
}

uint32_t
NrPdcch::GetDciBits() const
{
    return m_dciBits;
}

double
NrPdcch::GetSinrThreshold(uint32_t level) const
{
    for (std::size_t i = 0; i < LEVELS.size(); ++i)
    {
        if (LEVELS[i] == level)
        {
            return m_threshold[i];
        }
    }
    throw std::invalid_argument("PDCCH: no aggregation level " + std::to_string(level));
}

uint32_t
NrPdcch::GetAggregationLevel(double sinr, uint32_t cces) const
{
    uint32_t largest = 0;
    for (std::size_t i = 0; i < LEVELS.size(); ++i)
    {
        if (m_candidates[i] == 0 || LEVELS[i] > cces)
        {
            continue;
        }
        if (sinr >= m_threshold[i])
        {
            return LEVELS[i];
        }
        largest = LEVELS[i];
    }
    return largest;
}

void
NrPdcch::StartOccasion(uint64_t slotInFrame, uint32_t cces)
{
    m_slot = slotInFrame;
    m_used.assign(cces, false);
    m_usedCces = 0;
    m_dcis = 0;
}

bool
NrPdcch::Allocate(uint32_t rnti, double sinr, uint32_t cceLimit)
{
    const auto cces = static_cast<uint32_t>(m_used.size());
    const uint32_t level = GetAggregationLevel(sinr, cces);
    if (level == 0 || m_usedCces + level > std::min(cceLimit, cces))
    {
        return false;
    }
    const std::size_t index = std::find(LEVELS.begin(), LEVELS.end(), level) - LEVELS.begin();
    const uint32_t candidates = m_candidates[index];
    for (uint32_t m = 0; m < candidates; ++m)
    {
        const uint32_t start = GetCandidateStart(rnti, m_slot, level, m, candidates, cces);
        if (std::none_of(m_used.begin() + start, m_used.begin() + start + level, [](bool used) {
                return used;
            }))
        {
            std::fill(m_used.begin() + start, m_used.begin() + start + level, true);
            m_usedCces += level;
            ++m_dcis;
            return true;
        }
    }
    return false;
}

uint32_t
NrPdcch::GetCces() const
{
    return static_cast<uint32_t>(m_used.size());
}

uint32_t
NrPdcch::GetUsedCces() const
{
    return m_usedCces;
}

uint32_t
NrPdcch::GetDcis() const
{
    return m_dcis;
}

const std::vector<uint32_t>&
NrSrResources::GetPeriods()
{
    static const std::vector<uint32_t> periods = {1, 2, 4, 5, 8, 10, 16, 20, 40, 80, 160, 320, 640};
    return periods;
}

uint32_t
NrSrResources::ChoosePeriod(uint32_t ues,
                            uint32_t perOccasion,
                            uint32_t minimum,
                            const std::function<std::vector<uint64_t>(uint32_t)>& usableOffsets)
{
    std::vector<uint32_t> candidates{minimum};
    for (uint32_t p : GetPeriods())
    {
        if (p > minimum)
        {
            candidates.push_back(p);
        }
    }
    for (uint32_t p : candidates)
    {
        if (static_cast<uint64_t>(usableOffsets(p).size()) * perOccasion >= ues)
        {
            return p;
        }
    }
    return candidates.back();
}

} // namespace blueprint
} // namespace ns3
