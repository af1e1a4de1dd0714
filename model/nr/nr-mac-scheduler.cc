/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-mac-scheduler.h"

#include "ns3/log.h"

#include <algorithm>
#include <numeric>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrMacScheduler");

NS_OBJECT_ENSURE_REGISTERED(NrMacScheduler);

TypeId
NrMacScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NrMacScheduler").SetParent<Object>().SetGroupName("Blueprint");
    return tid;
}

std::vector<uint32_t>
NrMacScheduler::Allocate(const std::vector<NrUeDemand>& demands, uint32_t prbs, uint64_t tti)
{
    return Allocate(demands, prbs, tti, [](std::size_t) { return true; });
}

std::vector<uint32_t>
NrMacScheduler::Allocate(const std::vector<NrUeDemand>& demands,
                         uint32_t prbs,
                         uint64_t tti,
                         const Admission& admit)
{
    NS_LOG_FUNCTION(this << demands.size() << prbs << tti);
    m_demands = &demands;
    PrepareTti(demands, tti);
    std::vector<std::size_t> order(demands.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
        return Precedes(a, b);
    });
    const Outcome outcome = GetSharing() == Sharing::EQUAL_SHARES
                                ? ShareEqually(order, prbs, admit)
                                : ShareInOrder(order, prbs, admit);
    NotifyOutcome(demands, outcome, tti);
    m_demands = nullptr;
    return outcome.given;
}

void
NrMacScheduler::PrepareTti(const std::vector<NrUeDemand>& /* demands */, uint64_t /* tti */)
{
}

void
NrMacScheduler::NotifyOutcome(const std::vector<NrUeDemand>& /* demands */,
                              const Outcome& /* outcome */,
                              uint64_t /* tti */)
{
}

const NrUeDemand&
NrMacScheduler::GetDemand(std::size_t i) const
{
    return (*m_demands)[i];
}

NrMacScheduler::Outcome
NrMacScheduler::ShareEqually(const std::vector<std::size_t>& order,
                             uint32_t prbs,
                             const Admission& admit) const
{
    const std::vector<NrUeDemand>& demands = *m_demands;
    Outcome outcome{std::vector<uint32_t>(demands.size(), 0), NONE, NONE};
    std::vector<uint32_t>& given = outcome.given;
    // Admit UEs in order, one per PRB at most, so every admitted UE gets at least one PRB.
    std::vector<std::size_t> active;
    for (std::size_t i : order)
    {
        if (active.size() < prbs && admit(i))
        {
            active.push_back(i);
        }
        else if (outcome.firstRefused == NONE)
        {
            outcome.firstRefused = i;
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
        // Everyone needs more than the share: give it, then the spare PRBs one each in order.
        for (std::size_t i : active)
        {
            given[i] += share;
        }
        remaining -= share * static_cast<uint32_t>(active.size());
        for (std::size_t k = 0; k < active.size() && remaining > 0; ++k)
        {
            given[active[k]] += 1;
            --remaining;
            outcome.lastSpare = active[k];
        }
        break;
    }
    return outcome;
}

NrMacScheduler::Outcome
NrMacScheduler::ShareInOrder(const std::vector<std::size_t>& order,
                             uint32_t prbs,
                             const Admission& admit) const
{
    const std::vector<NrUeDemand>& demands = *m_demands;
    Outcome outcome{std::vector<uint32_t>(demands.size(), 0), NONE, NONE};
    uint32_t remaining = prbs;
    for (std::size_t i : order)
    {
        if (remaining == 0)
        {
            break;
        }
        if (!admit(i))
        {
            // No room for its DCI: the next UE in the order may still fit.
            outcome.firstRefused = outcome.firstRefused == NONE ? i : outcome.firstRefused;
            continue;
        }
        outcome.given[i] = std::min(demands[i].prbsNeeded, remaining);
        remaining -= outcome.given[i];
    }
    return outcome;
}

} // namespace blueprint
} // namespace ns3
