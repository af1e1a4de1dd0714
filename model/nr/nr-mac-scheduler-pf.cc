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
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrMacSchedulerPf");

NS_OBJECT_ENSURE_REGISTERED(NrMacSchedulerPf);

TypeId
NrMacSchedulerPf::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NrMacSchedulerPf")
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
    : m_window(100),
      m_keepWindow(0)
{
    NS_LOG_FUNCTION(this);
}

double
NrMacSchedulerPf::Decayed(const Average& a, uint64_t tti) const
{
    const double keep = 1.0 - 1.0 / m_window;
    const uint64_t age = tti - a.lastTti;
    // Most averages are decayed over a few TTIs, again and again: keep those powers.
    constexpr uint64_t kept = 4096;
    if (age >= kept)
    {
        return a.bitsPerTti * std::pow(keep, static_cast<double>(age));
    }
    if (m_keepWindow != m_window)
    {
        m_keepPowers.clear();
        m_keepWindow = m_window;
    }
    while (m_keepPowers.size() <= age)
    {
        m_keepPowers.push_back(std::pow(keep, static_cast<double>(m_keepPowers.size())));
    }
    return a.bitsPerTti * m_keepPowers[age];
}

double
NrMacSchedulerPf::GetAverageThroughput(uint32_t ue, uint64_t tti) const
{
    if (ue >= m_average.size())
    {
        return 0.0;
    }
    const Average& a = m_average[ue];
    return Decayed(a, std::max(tti, a.lastTti));
}

NrMacScheduler::Sharing
NrMacSchedulerPf::GetSharing() const
{
    return Sharing::IN_ORDER;
}

void
NrMacSchedulerPf::PrepareTti(const std::vector<NrUeDemand>& demands, uint64_t tti)
{
    // A UE never served has an average of 0; one bit per TTI keeps its metric finite and still
    // far above any served UE's.
    constexpr double minAverage = 1.0;
    m_metric.resize(demands.size());
    for (std::size_t i = 0; i < demands.size(); ++i)
    {
        if (demands[i].ue >= m_average.size())
        {
            m_average.resize(demands[i].ue + 1);
        }
        Average& a = m_average[demands[i].ue];
        a.bitsPerTti = Decayed(a, std::max(tti, a.lastTti));
        a.lastTti = std::max(tti, a.lastTti);
        m_metric[i] = demands[i].bitsPerPrb / std::max(a.bitsPerTti, minAverage);
    }
}

bool
NrMacSchedulerPf::Precedes(std::size_t a, std::size_t b) const
{
    return m_metric[a] > m_metric[b];
}

void
NrMacSchedulerPf::NotifyOutcome(const std::vector<NrUeDemand>& demands,
                                const Outcome& outcome,
                                uint64_t /* tti */)
{
    // T_i(n) = (1 - 1/W) T_i(n-1) + (1/W) R_i(n); the decay to this TTI is already applied, and
    // UEs without data keep decaying lazily until they next ask.
    const double alpha = 1.0 / m_window;
    for (std::size_t i = 0; i < demands.size(); ++i)
    {
        m_average[demands[i].ue].bitsPerTti += alpha * outcome.given[i] * demands[i].bitsPerPrb;
    }
}

} // namespace blueprint
} // namespace ns3
