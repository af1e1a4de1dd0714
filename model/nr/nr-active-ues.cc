/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-active-ues.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

NrActiveUes::NrActiveUes()
    : m_looks(0),
      m_deferring(true)
{
}

void
NrActiveUes::Grow(uint32_t ue)
{
    if (ue >= m_flags.size())
    {
        m_flags.resize(ue + 1, 0);
        m_generation.resize(ue + 1, 0);
    }
}

bool
NrActiveUes::Contains(uint32_t ue) const
{
    return ue < m_flags.size() && (m_flags[ue] & MEMBER) != 0;
}

uint32_t
NrActiveUes::GetSize() const
{
    return static_cast<uint32_t>(m_members.size());
}

bool
NrActiveUes::IsEmpty() const
{
    return m_members.empty();
}

const std::set<uint32_t>&
NrActiveUes::GetMembers() const
{
    return m_members;
}

void
NrActiveUes::Insert(uint32_t ue)
{
    Grow(ue);
    if ((m_flags[ue] & MEMBER) == 0)
    {
        m_flags[ue] |= MEMBER;
        m_members.insert(ue);
    }
    Touch(ue);
}

void
NrActiveUes::Erase(uint32_t ue)
{
    if (!Contains(ue))
    {
        return;
    }
    m_members.erase(ue);
    m_flags[ue] = 0;
    ++m_generation[ue]; // voids its deferral
}

void
NrActiveUes::Touch(uint32_t ue)
{
    if (!Contains(ue))
    {
        return;
    }
    if ((m_flags[ue] & READY) == 0)
    {
        m_flags[ue] |= READY;
        ++m_generation[ue]; // a deferral made before the change is void
        m_ready.push_back(ue);
    }
    if ((m_flags[ue] & DIRTY) == 0)
    {
        m_flags[ue] |= DIRTY;
        m_dirty.push_back(ue);
    }
}

const std::vector<uint32_t>&
NrActiveUes::StartPass(Time now)
{
    while (!m_deferred.empty() && m_deferred.top().until <= now)
    {
        const Deferral d = m_deferred.top();
        m_deferred.pop();
        if (Contains(d.ue) && m_generation[d.ue] == d.generation && (m_flags[d.ue] & READY) == 0)
        {
            m_flags[d.ue] |= READY;
            m_ready.push_back(d.ue);
        }
    }
    // Keep the UEs still flagged ready, each once, in increasing index.
    m_ready.erase(std::remove_if(m_ready.begin(),
                                 m_ready.end(),
                                 [this](uint32_t ue) { return (m_flags[ue] & READY) == 0; }),
                  m_ready.end());
    std::sort(m_ready.begin(), m_ready.end());
    m_ready.erase(std::unique(m_ready.begin(), m_ready.end()), m_ready.end());
    m_pass = m_ready;
    m_looks += m_pass.size();
    return m_pass;
}

void
NrActiveUes::Defer(uint32_t ue, Time until)
{
    if (!m_deferring || !Contains(ue))
    {
        return;
    }
    m_flags[ue] &= ~READY;
    ++m_generation[ue];
    if (until != Time::Max())
    {
        m_deferred.push({until, ue, m_generation[ue]});
    }
}

void
NrActiveUes::DropIdle(const std::function<bool(uint32_t)>& needs)
{
    for (uint32_t ue : m_dirty)
    {
        if ((m_flags[ue] & DIRTY) == 0)
        {
            continue; // left and maybe came back: its entry is stale
        }
        m_flags[ue] &= ~DIRTY;
        if (!needs(ue))
        {
            Erase(ue);
        }
    }
    m_dirty.clear();
}

uint64_t
NrActiveUes::GetLooks() const
{
    return m_looks;
}

void
NrActiveUes::SetDeferring(bool deferring)
{
    m_deferring = deferring;
}

} // namespace blueprint
} // namespace ns3
