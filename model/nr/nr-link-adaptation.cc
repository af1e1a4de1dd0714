/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-link-adaptation.h"

#include "ns3/log.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrLinkAdaptation");

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
    const NrCqiTableId cqiTable = GetCqiTable(mcsTable);
    return CqiToMcs(SinrToCqi(sinrLinear, cqiTable, alpha), cqiTable, mcsTable);
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

} // namespace ns3
