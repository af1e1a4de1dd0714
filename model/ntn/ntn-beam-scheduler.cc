/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-beam-scheduler.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnBeamScheduler");

NS_OBJECT_ENSURE_REGISTERED(NtnBeamScheduler);
NS_OBJECT_ENSURE_REGISTERED(NtnRoundRobinBeamScheduler);
NS_OBJECT_ENSURE_REGISTERED(NtnProportionalFairBeamScheduler);

TypeId
NtnBeamScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NtnBeamScheduler").SetParent<Object>().SetGroupName("Blueprint");
    return tid;
}

void
NtnBeamScheduler::NotifyServed(uint32_t terminal, uint32_t bytes, Time now)
{
}

TypeId
NtnRoundRobinBeamScheduler::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NtnRoundRobinBeamScheduler")
                            .SetParent<NtnBeamScheduler>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<NtnRoundRobinBeamScheduler>();
    return tid;
}

std::size_t
NtnRoundRobinBeamScheduler::Pick(const std::vector<Candidate>& candidates)
{
    // The first terminal after the one served last, wrapping round.
    for (std::size_t i = 0; i < candidates.size(); ++i)
    {
        if (static_cast<int64_t>(candidates[i].terminal) > m_last)
        {
            return i;
        }
    }
    return 0;
}

void
NtnRoundRobinBeamScheduler::NotifyServed(uint32_t terminal, uint32_t bytes, Time now)
{
    m_last = terminal;
}

TypeId
NtnProportionalFairBeamScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NtnProportionalFairBeamScheduler")
            .SetParent<NtnBeamScheduler>()
            .SetGroupName("Blueprint")
            .AddConstructor<NtnProportionalFairBeamScheduler>()
            .AddAttribute("TimeConstant",
                          "Time constant of the exponentially decaying served-bytes average.",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&NtnProportionalFairBeamScheduler::m_timeConstant),
                          MakeTimeChecker(MicroSeconds(1)));
    return tid;
}

NtnProportionalFairBeamScheduler::NtnProportionalFairBeamScheduler()
    : m_timeConstant(MilliSeconds(100))
{
}

double
NtnProportionalFairBeamScheduler::Served(uint32_t terminal, Time now) const
{
    auto it = m_history.find(terminal);
    if (it == m_history.end())
    {
        return 0.0;
    }
    const double age = (now - it->second.at).GetSeconds();
    return it->second.bytes * std::exp(-age / m_timeConstant.GetSeconds());
}

std::size_t
NtnProportionalFairBeamScheduler::Pick(const std::vector<Candidate>& candidates)
{
    const Time now = Simulator::Now();
    std::size_t best = 0;
    double bestMetric = -1.0;
    for (std::size_t i = 0; i < candidates.size(); ++i)
    {
        // One byte in the denominator keeps a never-served terminal finite and first in line.
        const double metric = candidates[i].rateBps / (1.0 + Served(candidates[i].terminal, now));
        if (metric > bestMetric)
        {
            best = i;
            bestMetric = metric;
        }
    }
    return best;
}

void
NtnProportionalFairBeamScheduler::NotifyServed(uint32_t terminal, uint32_t bytes, Time now)
{
    History& h = m_history[terminal];
    h.bytes = Served(terminal, now) + bytes;
    h.at = now;
}

} // namespace blueprint
} // namespace ns3
