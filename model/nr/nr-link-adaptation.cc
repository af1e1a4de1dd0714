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
NrLinkAdaptation::SinrToCqi(double sinrLinear, NrCqiTableId table, const NrErrorModel& errorModel)
{
    if (std::isnan(sinrLinear) || sinrLinear < 0.0)
    {
        throw std::invalid_argument("NR link adaptation: SINR " + std::to_string(sinrLinear) +
                                    " is negative or NaN");
    }
    const NrErrorModel::CqiThresholds& threshold = errorModel.GetCqiThresholds(table);
    uint8_t best = 0;
    // Scan every index rather than stop at the first failure: the choice does not rely on the
    // table being sorted by efficiency.
    for (uint8_t cqi = 1; cqi <= NR_MAX_CQI; ++cqi)
    {
        if (sinrLinear >= threshold[cqi])
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
NrLinkAdaptation::SinrToMcs(double sinrLinear,
                            NrMcsTableId mcsTable,
                            const NrErrorModel& errorModel)
{
    // The scheduler asks this for every waiting UE in every TTI, and the answer is a step
    // function of the SINR: the error model keeps each CQI's threshold, and the MCS of each CQI
    // is fixed by the tables (computed once per MCS table here).
    static std::map<uint8_t, std::array<uint8_t, NR_MAX_CQI + 1>> mcsOfCqi;
    const NrCqiTableId cqiTable = GetCqiTable(mcsTable);
    auto it = mcsOfCqi.find(static_cast<uint8_t>(mcsTable));
    if (it == mcsOfCqi.end())
    {
        std::array<uint8_t, NR_MAX_CQI + 1> mcs;
        for (uint8_t cqi = 0; cqi <= NR_MAX_CQI; ++cqi)
        {
            mcs[cqi] = CqiToMcs(cqi, cqiTable, mcsTable);
        }
        it = mcsOfCqi.emplace(static_cast<uint8_t>(mcsTable), mcs).first;
    }
    return it->second[SinrToCqi(sinrLinear, cqiTable, errorModel)];
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
