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
RadioPairStreams::AddStations(const NodeGroup& group, const std::vector<uint32_t>& members)
{
    for (uint32_t i : members)
    {
        if (m_known.insert(PeekPointer(group.members.at(i))).second)
        {
            m_stations.push_back({group.members[i],
                                  "node:" + group.spec->name + "/member:" + std::to_string(i),
                                  group.spec->mark});
        }
    }
}

void
RadioPairStreams::AddTerminals(const NodeGroup& group)
{
    for (uint32_t i = 0; i < group.members.size(); ++i)
    {
        if (m_known.insert(PeekPointer(group.members[i])).second)
        {
            m_terminals.push_back({group.members[i],
                                   "node:" + group.spec->name + "/member:" + std::to_string(i),
                                   group.spec->mark});
        }
    }
}

void
RadioPairStreams::Reserve(RandomStreamPlan& plan)
{
    for (const End& s : m_stations)
    {
        for (const End& t : m_terminals)
        {
            const std::pair<const Node*, const Node*> pair{PeekPointer(s.node),
                                                           PeekPointer(t.node)};
            if (m_pairs.count(pair) == 0)
            {
                m_pairs[pair] = plan.Reserve(m_channel + "/" + s.name + "|" + t.name, t.mark);
            }
        }
    }
}

int64_t
RadioPairStreams::Find(Ptr<Node> station, Ptr<Node> terminal) const
{
    auto it = m_pairs.find({PeekPointer(station), PeekPointer(terminal)});
    return it == m_pairs.end() ? -1 : it->second;
}

} // namespace blueprint
} // namespace ns3
