/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-mac-scheduler-pf.h"

#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrMacSchedulerPf");

NS_OBJECT_ENSURE_REGISTERED(NrMacSchedulerPf);

TypeId
NrMacSchedulerPf::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::NrMacSchedulerPf")
            .SetParent<NrMacScheduler>()
            .SetGroupName("Blueprint")
            .AddConstructor<NrMacSchedulerPf>()
            .AddAttribute("TimeWindow",
                          "W, the averaging window of the throughput average, in TTIs: each TTI "
                          "the average moves 1/W of the way to the bits given in that TTI.",
                          UintegerValue(100),
                          MakeUintegerAccessor(&NrMacSchedulerPf::m_window),
                          MakeUintegerChecker<uint32_t>(1));
    return tid;
}

NrMacSchedulerPf::NrMacSchedulerPf()
    : m_window(100)
{
    NS_LOG_FUNCTION(this);
}

double
NrMacSchedulerPf::Decayed(const Average& a, uint64_t tti) const
{
    const double keep = 1.0 - 1.0 / m_window;
    return a.bitsPerTti * std::pow(keep, static_cast<double>(tti - a.lastTti));
}

double
NrMacSchedulerPf::GetAverageThroughput(uint32_t ue, uint64_t tti) const
{
    auto it = m_average.find(ue);
    return it == m_average.end() ? 0.0 : Decayed(it->second, std::max(tti, it->second.lastTti));
}

std::vector<uint32_t>
NrMacSchedulerPf::Allocate(const std::vector<NrUeDemand>& demands,
                           uint32_t prbs,
                           uint64_t tti,
                           const Admission& admit)
{
    NS_LOG_FUNCTION(this << demands.size() << prbs << tti);
    // A UE never served has an average of 0; one bit per TTI keeps its metric finite and still
    // far above any served UE's.
    constexpr double minAverage = 1.0;
    std::vector<double> average(demands.size());
    std::vector<double> metric(demands.size());
    for (std::size_t i = 0; i < demands.size(); ++i)
    {
        Average& a = m_average[demands[i].ue];
        a.bitsPerTti = Decayed(a, std::max(tti, a.lastTti));
        a.lastTti = std::max(tti, a.lastTti);
        average[i] = a.bitsPerTti;
        metric[i] = demands[i].bitsPerPrb / std::max(average[i], minAverage);
    }
    std::vector<std::size_t> order(demands.size());
    for (std::size_t i = 0; i < order.size(); ++i)
    {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return metric[a] > metric[b];
    });

    std::vector<uint32_t> given(demands.size(), 0);
    uint32_t remaining = prbs;
    for (std::size_t i : order)
    {
        if (remaining == 0)
        {
            break;
        }
        if (!admit(i))
        {
            continue; // no room for its DCI: the next UE in the order may still fit
        }
        given[i] = std::min(demands[i].prbsNeeded, remaining);
        remaining -= given[i];
    }
    // T_i(n) = (1 - 1/W) T_i(n-1) + (1/W) R_i(n); the decay to this TTI is already applied, and
    // UEs without data keep decaying lazily until they next ask.
    const double alpha = 1.0 / m_window;
    for (std::size_t i = 0; i < demands.size(); ++i)
    {
        m_average[demands[i].ue].bitsPerTti += alpha * given[i] * demands[i].bitsPerPrb;
    }
    return given;
}

} // namespace ns3
