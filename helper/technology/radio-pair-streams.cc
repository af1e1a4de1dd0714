/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/radio-pair-streams.h"

namespace ns3
{
namespace blueprint
{

RadioPairStreams::RadioPairStreams(std::string channel)
    : m_channel(std::move(channel))
{
}

void
RadioPairStreams::Add(Ptr<Node> node,
                      const NodeGroup& group,
                      uint32_t member,
                      std::vector<End>& ends,
                      std::map<std::string, uint32_t>& index,
                      std::unordered_map<const Node*, uint32_t>& ofNode)
{
    std::string name = "node:" + group.spec->name + "/member:" + std::to_string(member);
    auto [it, isNew] = index.emplace(name, static_cast<uint32_t>(ends.size()));
    if (isNew)
    {
        ends.push_back({std::move(name), group.spec->mark});
    }
    ofNode[PeekPointer(node)] = it->second;
}

void
RadioPairStreams::AddStation(Ptr<Node> node, const NodeGroup& group, uint32_t member)
{
    Add(node, group, member, m_stations, m_stationIndex, m_stationOf);
}

void
RadioPairStreams::AddStations(const NodeGroup& group, const std::vector<uint32_t>& members)
{
    for (uint32_t i : members)
    {
        AddStation(group.members.at(i), group, i);
    }
}

void
RadioPairStreams::AddTerminals(const NodeGroup& group)
{
    for (uint32_t i = 0; i < group.members.size(); ++i)
    {
        Add(group.members[i], group, i, m_terminals, m_terminalIndex, m_terminalOf);
    }
}

void
RadioPairStreams::Reserve(RandomStreamPlan& plan)
{
    m_streams.resize(m_stations.size());
    for (uint32_t s = 0; s < m_stations.size(); ++s)
    {
        std::vector<int64_t>& row = m_streams[s];
        for (auto t = static_cast<uint32_t>(row.size()); t < m_terminals.size(); ++t)
        {
            row.push_back(
                plan.Reserve(m_channel + "/" + m_stations[s].name + "|" + m_terminals[t].name,
                             m_terminals[t].mark));
            ++m_reserved;
        }
    }
}

int64_t
RadioPairStreams::Find(Ptr<Node> station, Ptr<Node> terminal) const
{
    auto s = m_stationOf.find(PeekPointer(station));
    auto t = m_terminalOf.find(PeekPointer(terminal));
    if (s == m_stationOf.end() || t == m_terminalOf.end() || s->second >= m_streams.size() ||
        t->second >= m_streams[s->second].size())
    {
        return -1;
    }
    return m_streams[s->second][t->second];
}

uint64_t
RadioPairStreams::GetReservedCount() const
{
    return m_reserved;
}

} // namespace blueprint
} // namespace ns3
