/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-mac-scheduler-rr.h"

#include "ns3/log.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrMacSchedulerRr");

NS_OBJECT_ENSURE_REGISTERED(NrMacSchedulerRr);

TypeId
NrMacSchedulerRr::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NrMacSchedulerRr")
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

NrMacScheduler::Sharing
NrMacSchedulerRr::GetSharing() const
{
    return Sharing::EQUAL_SHARES;
}

bool
NrMacSchedulerRr::Precedes(std::size_t a, std::size_t b) const
{
    // UEs whose turn has come (index at or after m_nextUe) before those that wrap round.
    return GetDemand(a).ue >= m_nextUe && GetDemand(b).ue < m_nextUe;
}

void
NrMacSchedulerRr::NotifyOutcome(const std::vector<NrUeDemand>& demands,
                                const Outcome& outcome,
                                uint64_t /* tti */)
{
    if (outcome.lastSpare != NONE)
    {
        m_nextUe = demands[outcome.lastSpare].ue + 1;
    }
    if (outcome.firstRefused != NONE)
    {
        // Some UE with data was not served: its turn comes first next time.
        m_nextUe = demands[outcome.firstRefused].ue;
    }
}

} // namespace blueprint
} // namespace ns3
