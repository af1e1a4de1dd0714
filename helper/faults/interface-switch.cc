/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/faults/interface-switch.h"

#include "ns3/ipv4.h"
#include "ns3/log.h"

#include <unordered_map>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintInterfaceSwitch");

void
InterfaceSwitch::SetEdgesUp(ScenarioBuild& run, const std::vector<uint32_t>& edges, bool up)
{
    std::vector<Ptr<NetDevice>> devices;
    for (uint32_t edge : edges)
    {
        if (up)
        {
            m_downEdges.erase(edge);
        }
        else
        {
            m_downEdges.insert(edge);
        }
        devices.push_back(run.GetEdge(edge).devA);
        devices.push_back(run.GetEdge(edge).devB);
    }
    Apply(run, devices);
}

void
InterfaceSwitch::SetNodesPowered(ScenarioBuild& run,
                                 const std::vector<Ptr<Node>>& nodes,
                                 bool powered)
{
    std::vector<Ptr<NetDevice>> devices;
    for (const auto& node : nodes)
    {
        if (powered)
        {
            m_darkNodes.erase(node->GetId());
        }
        else
        {
            m_darkNodes.insert(node->GetId());
        }
        for (uint32_t i = 0; i < node->GetNDevices(); ++i)
        {
            devices.push_back(node->GetDevice(i));
        }
    }
    Apply(run, devices);
}

bool
InterfaceSwitch::IsEdgeUp(uint32_t edge) const
{
    return !m_downEdges.count(edge);
}

bool
InterfaceSwitch::IsNodePowered(Ptr<Node> node) const
{
    return !m_darkNodes.count(node->GetId());
}

void
InterfaceSwitch::Apply(ScenarioBuild& run, const std::vector<Ptr<NetDevice>>& devices) const
{
    /// Per device looked at: whether an edge goes through it, and whether one of those is up.
    struct Edges
    {
        bool any = false;
        bool up = false;
    };

    std::unordered_map<const NetDevice*, Edges> edgesOf;
    for (const auto& device : devices)
    {
        edgesOf.emplace(PeekPointer(device), Edges{});
    }
    // One pass over the edges (a fault is rare; an index kept up to date through handovers would
    // cost more than it saves).
    for (uint32_t e = 0; e < run.GetEdgeCount(); ++e)
    {
        const RoutingEdge& edge = run.GetEdge(e);
        for (const NetDevice* end : {PeekPointer(edge.devA), PeekPointer(edge.devB)})
        {
            auto it = edgesOf.find(end);
            if (it != edgesOf.end())
            {
                it->second.any = true;
                it->second.up = it->second.up || IsEdgeUp(e);
            }
        }
    }
    for (const auto& device : devices)
    {
        Ptr<Node> node = device->GetNode();
        Ptr<Ipv4> ip = node->GetObject<Ipv4>();
        const int32_t interface = ip ? ip->GetInterfaceForDevice(device) : -1;
        if (interface <= 0) // no IPv4 on it, or the loopback
        {
            continue;
        }
        const Edges& e = edgesOf.at(PeekPointer(device));
        const bool up = IsNodePowered(node) && (!e.any || e.up);
        if (up != ip->IsUp(interface))
        {
            NS_LOG_INFO("node " << node->GetId() << " interface "
                                << interface << (up ? " up" : " down"));
            if (up)
            {
                ip->SetUp(interface);
            }
            else
            {
                ip->SetDown(interface);
            }
        }
    }
}

} // namespace blueprint
} // namespace ns3
