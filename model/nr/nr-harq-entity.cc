/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-harq-entity.h"

#include "model/nr/nr-error-model.h"

#include "ns3/abort.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

NrHarqEntity::NrHarqEntity(uint32_t processes, uint8_t maxTransmissions)
    : m_processes(processes),
      m_maxTransmissions(maxTransmissions)
{
    NS_ABORT_MSG_IF(processes == 0 || processes > 32,
                    "NrHarqEntity: the number of HARQ processes must be 1..32");
    NS_ABORT_MSG_IF(maxTransmissions == 0,
                    "NrHarqEntity: at least one transmission per block is needed");
}

void
NrHarqEntity::Recount(Time now) const
{
    m_freeCount = 0;
    m_nextRelease = Time::Max();
    for (const auto& p : m_processes)
    {
        if (p.state != State::IDLE)
        {
            continue;
        }
        if (p.releaseAt <= now)
        {
            ++m_freeCount;
        }
        else
        {
            m_nextRelease = std::min(m_nextRelease, p.releaseAt);
        }
    }
    m_countedAt = now;
    m_countValid = true;
}

uint32_t
NrHarqEntity::CountFreeProcesses(Time now) const
{
    if (!m_countValid || now < m_countedAt || now >= m_nextRelease)
    {
        Recount(now);
    }
    return m_freeCount;
}

uint32_t
NrHarqEntity::Start(NrTransportBlock tb, Time now)
{
    for (uint32_t id = 0; id < m_processes.size(); ++id)
    {
        Process& p = m_processes[id];
        if (p.state == State::IDLE && p.releaseAt <= now)
        {
            m_countValid = false;
            p.state = State::IN_FLIGHT;
            p.tb = std::move(tb);
            p.sinrs.clear();
            return id;
        }
    }
    NS_ABORT_MSG("NrHarqEntity: no free HARQ process");
    return 0;
}

double
NrHarqEntity::AddTransmission(uint32_t process, double sinrLinear, const NrErrorModel& errorModel)
{
    Process& p = m_processes.at(process);
    NS_ABORT_MSG_IF(p.state != State::IN_FLIGHT,
                    "NrHarqEntity: transmission on a process that is not scheduled");
    p.sinrs.push_back(sinrLinear);
    return errorModel.CombineSinr(p.sinrs);
}

uint8_t
NrHarqEntity::GetTransmissions(uint32_t process) const
{
    return static_cast<uint8_t>(m_processes.at(process).sinrs.size());
}

NrHarqEntity::Outcome
NrHarqEntity::Conclude(uint32_t process, bool ok, Time feedbackKnownAt, Time retxEligibleAt)
{
    Process& p = m_processes.at(process);
    NS_ABORT_MSG_IF(p.state != State::IN_FLIGHT || p.sinrs.empty(),
                    "NrHarqEntity: concluding a process that did not transmit");
    m_countValid = false;
    const bool wasRetx = p.sinrs.size() > 1;
    if (!ok && p.sinrs.size() < m_maxTransmissions)
    {
        if (!wasRetx)
        {
            ++m_pendingRetx;
        }
        p.state = State::RETX_DUE;
        p.retxEligibleAt = retxEligibleAt;
        return Outcome::RETRANSMIT;
    }
    if (wasRetx)
    {
        --m_pendingRetx;
    }
    p.state = State::IDLE;
    p.releaseAt = feedbackKnownAt;
    p.tb.segments.clear();
    return ok ? Outcome::ACKED : Outcome::DROPPED;
}

void
NrHarqEntity::GetRetransmissionsDue(Time now, std::vector<uint32_t>& due) const
{
    due.clear();
    if (m_pendingRetx == 0)
    {
        return;
    }
    for (uint32_t id = 0; id < m_processes.size(); ++id)
    {
        const Process& p = m_processes[id];
        if (p.state == State::RETX_DUE && p.retxEligibleAt <= now)
        {
            due.push_back(id);
        }
    }
    std::stable_sort(due.begin(), due.end(), [this](uint32_t a, uint32_t b) {
        return m_processes[a].retxEligibleAt < m_processes[b].retxEligibleAt;
    });
}

void
NrHarqEntity::MarkScheduled(uint32_t process)
{
    Process& p = m_processes.at(process);
    NS_ABORT_MSG_IF(p.state != State::RETX_DUE,
                    "NrHarqEntity: scheduling a retransmission that is not due");
    p.state = State::IN_FLIGHT;
}

bool
NrHarqEntity::HasPendingRetransmission() const
{
    return m_pendingRetx > 0;
}

Time
NrHarqEntity::GetNextRetransmissionTime() const
{
    Time next = Time::Max();
    if (m_pendingRetx == 0)
    {
        return next;
    }
    for (const Process& p : m_processes)
    {
        if (p.state == State::RETX_DUE)
        {
            next = std::min(next, p.retxEligibleAt);
        }
    }
    return next;
}

Time
NrHarqEntity::GetNextReleaseTime(Time now) const
{
    CountFreeProcesses(now);
    return m_nextRelease;
}

NrTransportBlock&
NrHarqEntity::GetTransportBlock(uint32_t process)
{
    return m_processes.at(process).tb;
}

uint32_t
NrHarqEntity::GetNProcesses() const
{
    return static_cast<uint32_t>(m_processes.size());
}

uint8_t
NrHarqEntity::GetMaxTransmissions() const
{
    return m_maxTransmissions;
}

} // namespace blueprint
} // namespace ns3
