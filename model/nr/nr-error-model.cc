/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-error-model.h"

#include "ns3/log.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrErrorModel");

NS_OBJECT_ENSURE_REGISTERED(NrErrorModel);

TypeId
NrErrorModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NrErrorModel").SetParent<Object>().SetGroupName("Blueprint");
    return tid;
}

double
NrErrorModel::CombineSinr(const std::vector<double>& sinrsLinear) const
{
    if (sinrsLinear.empty())
    {
        throw std::invalid_argument("NR error model: no transmission to combine");
    }
    double sum = 0.0;
    for (double sinr : sinrsLinear)
    {
        if (!std::isfinite(sinr) || sinr < 0.0)
        {
            throw std::invalid_argument("NR error model: SINR " + std::to_string(sinr) +
                                        " is negative, infinite or NaN");
        }
        sum += sinr; // chase combining: maximum-ratio combining of identical coded bits
    }
    return sum;
}

const NrErrorModel::CqiThresholds&
NrErrorModel::GetCqiThresholds(NrCqiTableId table) const
{
    const auto index = static_cast<std::size_t>(table);
    if (index == 0 || index >= m_cqiThresholds.size())
    {
        throw std::invalid_argument("NR CQI table " + std::to_string(index) + " does not exist");
    }
    CqiThresholds& thresholds = m_cqiThresholds[index];
    if (!m_cqiThresholdsKnown[index])
    {
        thresholds[0] = 0.0;
        for (uint8_t cqi = 1; cqi <= NR_MAX_CQI; ++cqi)
        {
            const NrCqiEntry& row = NrGetCqi(table, cqi);
            thresholds[cqi] = GetSinrThreshold(
                NrMcsEntry{row.modulationOrder, row.codeRateX1024, row.spectralEfficiency});
        }
        m_cqiThresholdsKnown[index] = true;
    }
    return thresholds;
}

void
NrErrorModel::ForgetCqiThresholds()
{
    m_cqiThresholdsKnown.fill(false);
}

} // namespace blueprint
} // namespace ns3
