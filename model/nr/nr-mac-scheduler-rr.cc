/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-mac-scheduler-rr.h"

#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrMacSchedulerRr");

NS_OBJECT_ENSURE_REGISTERED(NrMacSchedulerRr);

TypeId
NrMacSchedulerRr::GetTypeId()
{
    static TypeId tid = TypeId("ns3::NrMacSchedulerRr")
                            .SetParent<NrMacScheduler>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<NrMacSchedulerRr>();
    return tid;
}

NrMacSchedulerRr::NrMacSchedulerRr()
    : m_nextUe(0)
{
    NS_LOG_FUNCTION(this);
}

std::vector<uint32_t>
NrMacSchedulerRr::Allocate(const std::vector<NrUeDemand>& demands,
                           uint32_t prbs,
                           uint64_t tti,
                           const Admission& admit)
{
    NS_LOG_FUNCTION(this << demands.size() << prbs << tti);
    std::vector<uint32_t> given(demands.size(), 0);
    // Visit the UEs in turn: those at or after m_nextUe first, then the others, by UE index.
    std::vector<std::size_t> order(demands.size());
    for (std::size_t i = 0; i < order.size(); ++i)
    {
        order[i] = i;
    }
    std::stable_partition(order.begin(), order.end(), [&](std::size_t i) {
        return demands[i].ue >= m_nextUe;
    });

    // Admit UEs in turn, one per PRB at most, so every admitted UE gets at least one PRB.
    std::vector<std::size_t> active;
    std::size_t firstRefused = order.size();
    for (std::size_t k = 0; k < order.size(); ++k)
    {
        if (active.size() < prbs && admit(order[k]))
        {
            active.push_back(order[k]);
        }
        else if (firstRefused == order.size())
        {
            firstRefused = k;
        }
    }
    uint32_t remaining = prbs;
    while (!active.empty() && remaining > 0)
    {
        const uint32_t share = remaining / static_cast<uint32_t>(active.size());
        // Water-filling: UEs that need no more than the share are served completely.
        std::vector<std::size_t> unsatisfied;
        for (std::size_t i : active)
        {
            const uint32_t residual = demands[i].prbsNeeded - given[i];
            if (share > 0 && residual <= share)
            {
                given[i] += residual;
                remaining -= residual;
            }
            else
            {
                unsatisfied.push_back(i);
            }
        }
        if (unsatisfied.size() < active.size())
        {
            active.swap(unsatisfied);
            continue;
        }
        // Everyone needs more than the share: give it, then the spare PRBs one each in turn.
        for (std::size_t i : active)
        {
            given[i] += share;
        }
        remaining -= share * static_cast<uint32_t>(active.size());
        for (std::size_t k = 0; k < active.size() && remaining > 0; ++k)
        {
            given[active[k]] += 1;
            --remaining;
            m_nextUe = demands[active[k]].ue + 1;
        }
        break;
    }
    if (firstRefused < order.size())
    {
        // Some UE with data was not served: its turn comes first next time.
        m_nextUe = demands[order[firstRefused]].ue;
    }
    return given;
}

} // namespace ns3
