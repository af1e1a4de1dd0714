/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-link-adaptation.h"

#include "ns3/log.h"

#include <array>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrLinkAdaptation");

uint8_t
NrLinkAdaptation::SinrToCqi(double sinrLinear, NrCqiTableId table, double alpha)
{
    if (std::isnan(sinrLinear) || sinrLinear < 0.0)
    {
        throw std::invalid_argument("NR link adaptation: SINR " + std::to_string(sinrLinear) +
                                    " is negative or NaN");
    }
    uint8_t best = 0;
    // Scan every index rather than stop at the first failure: the choice does not rely on the
    // table being sorted by efficiency.
    for (uint8_t cqi = 1; cqi <= NR_MAX_CQI; ++cqi)
    {
        const NrCqiEntry& row = NrGetCqi(table, cqi);
        const NrMcsEntry asMcs{row.modulationOrder, row.codeRateX1024, row.spectralEfficiency};
        if (sinrLinear >= NrErrorModel::GetSinrThreshold(asMcs, alpha))
        {
            best = cqi;
        }
    }
    NS_LOG_LOGIC("SINR " << sinrLinear << " -> CQI " << +best);
    return best;
}

uint8_t
NrLinkAdaptation::CqiToMcs(uint8_t cqi, NrCqiTableId cqiTable, NrMcsTableId mcsTable)
{
    const uint8_t maxMcs = NrMaxMcs(mcsTable);
    if (cqi == 0)
    {
        NrGetCqi(cqiTable, 1); // validate the table id even when it is not needed
        return 0;
    }
    const double cqiEfficiency = NrGetCqi(cqiTable, cqi).spectralEfficiency;
    uint8_t best = 0;
    // Highest index, not first failure: Table 5.1.3.1-1 is not sorted by efficiency (MCS 17,
    // 2.5664, is below MCS 16, 2.5703).
    for (uint8_t mcs = 0; mcs <= maxMcs; ++mcs)
    {
        if (NrGetMcs(mcsTable, mcs).spectralEfficiency <= cqiEfficiency)
        {
            best = mcs;
        }
    }
    return best;
}

uint8_t
NrLinkAdaptation::SinrToMcs(double sinrLinear, NrMcsTableId mcsTable, double alpha)
{
    // The scheduler asks this for every waiting UE in every TTI, and the answer is a step
    // function of the SINR fixed by the tables: compute each CQI's threshold and MCS once per
    // (table, alpha) and compare, instead of evaluating 15 exponentials and two table scans.
    struct Steps
    {
        std::array<double, NR_MAX_CQI + 1> threshold; //!< SINR at which CQI k is reached
        std::array<uint8_t, NR_MAX_CQI + 1> mcs;      //!< MCS for CQI k
    };

    static std::map<std::pair<uint8_t, double>, Steps> cache;
    auto key = std::make_pair(static_cast<uint8_t>(mcsTable), alpha);
    auto it = cache.find(key);
    if (it == cache.end())
    {
        const NrCqiTableId cqiTable = GetCqiTable(mcsTable);
        Steps steps;
        steps.threshold[0] = 0.0;
        steps.mcs[0] = CqiToMcs(0, cqiTable, mcsTable);
        for (uint8_t cqi = 1; cqi <= NR_MAX_CQI; ++cqi)
        {
            const NrCqiEntry& row = NrGetCqi(cqiTable, cqi);
            steps.threshold[cqi] = NrErrorModel::GetSinrThreshold(
                NrMcsEntry{row.modulationOrder, row.codeRateX1024, row.spectralEfficiency},
                alpha);
            steps.mcs[cqi] = CqiToMcs(cqi, cqiTable, mcsTable);
        }
        it = cache.emplace(key, steps).first;
    }
    if (std::isnan(sinrLinear) || sinrLinear < 0.0)
    {
        throw std::invalid_argument("NR link adaptation: SINR " + std::to_string(sinrLinear) +
                                    " is negative or NaN");
    }
    // The highest CQI whose threshold the SINR reaches, as SinrToCqi defines it.
    uint8_t best = 0;
    for (uint8_t cqi = 1; cqi <= NR_MAX_CQI; ++cqi)
    {
        if (sinrLinear >= it->second.threshold[cqi])
        {
            best = cqi;
        }
    }
    return it->second.mcs[best];
}

NrCqiTableId
NrLinkAdaptation::GetCqiTable(NrMcsTableId mcsTable)
{
    switch (mcsTable)
    {
    case NrMcsTableId::Qam64:
    case NrMcsTableId::Qam64LowSe:
        return NrCqiTableId::Table1;
    case NrMcsTableId::Qam256:
        return NrCqiTableId::Table2;
    }
    throw std::invalid_argument("NR MCS table " + std::to_string(static_cast<int>(mcsTable)) +
                                " does not exist");
}

} // namespace blueprint
} // namespace ns3
