/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/routing/host-route-table.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"

#include <iomanip>
#include <map>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HostRouteTable");

NS_OBJECT_ENSURE_REGISTERED(HostRouteTable);

TypeId
HostRouteTable::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HostRouteTable")
                            .SetParent<Ipv4RoutingProtocol>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<HostRouteTable>();
    return tid;
}

void
HostRouteTable::AddHostRoute(Ipv4Address destination, Ipv4Address nextHop, uint32_t interface)
{
    NS_LOG_FUNCTION(this << destination << nextHop << interface);
    NS_ABORT_MSG_IF(!m_ipv4, "HostRouteTable: no IPv4 yet");
    Ptr<Ipv4Route> route = Create<Ipv4Route>();
    route->SetDestination(destination);
    route->SetGateway(nextHop);
    route->SetSource(m_ipv4->GetAddress(interface, 0).GetLocal());
    route->SetOutputDevice(m_ipv4->GetNetDevice(interface));
    m_routes[destination.Get()] = route;
}

bool
HostRouteTable::RemoveHostRoute(Ipv4Address destination)
{
    return m_routes.erase(destination.Get()) > 0;
}

Ptr<Ipv4Route>
HostRouteTable::Lookup(Ipv4Address destination) const
{
    auto it = m_routes.find(destination.Get());
    return it == m_routes.end() ? nullptr : it->second;
}

uint32_t
HostRouteTable::GetNRoutes() const
{
    return m_routes.size();
}

Ptr<Ipv4Route>
HostRouteTable::RouteOutput(Ptr<Packet> p,
                            const Ipv4Header& header,
                            Ptr<NetDevice> oif,
                            Socket::SocketErrno& sockerr)
{
    Ptr<Ipv4Route> route = Lookup(header.GetDestination());
    if (!route || (oif && route->GetOutputDevice() != oif))
    {
        NS_LOG_LOGIC("no route to " << header.GetDestination());
        sockerr = Socket::ERROR_NOROUTETOHOST;
        return nullptr;
    }
    sockerr = Socket::ERROR_NOTERROR;
    return route;
}

bool
HostRouteTable::RouteInput(Ptr<const Packet> p,
                           const Ipv4Header& header,
                           Ptr<const NetDevice> idev,
                           UnicastForwardCallback ucb,
                           MulticastForwardCallback mcb,
                           LocalDeliverCallback lcb,
                           ErrorCallback ecb)
{
    int32_t iif = m_ipv4->GetInterfaceForDevice(idev);
    if (m_ipv4->IsDestinationAddress(header.GetDestination(), iif))
    {
        if (lcb.IsNull())
        {
            return false;
        }
        lcb(p, header, iif);
        return true;
    }
    if (header.GetDestination().IsMulticast() || !m_ipv4->IsForwarding(iif))
    {
        return false;
    }
    Ptr<Ipv4Route> route = Lookup(header.GetDestination());
    if (!route)
    {
        NS_LOG_LOGIC("no route to " << header.GetDestination() << ": dropped");
        return false;
    }
    ucb(route, p, header);
    return true;
}

void
HostRouteTable::NotifyInterfaceUp(uint32_t interface)
{
}

void
HostRouteTable::NotifyInterfaceDown(uint32_t interface)
{
    // Routes out of a failed interface no longer work; the planner re-installs routes when the
    // topology changes.
    for (auto it = m_routes.begin(); it != m_routes.end();)
    {
        if (it->second->GetOutputDevice() == m_ipv4->GetNetDevice(interface))
        {
            it = m_routes.erase(it);
        }
        else
        {
            ++it;
        }
    }
}

void
HostRouteTable::NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
}

void
HostRouteTable::NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
}

void
HostRouteTable::SetIpv4(Ptr<Ipv4> ipv4)
{
    m_ipv4 = ipv4;
}

void
HostRouteTable::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    std::ostream& os = *stream->GetStream();
    os << "Node " << m_ipv4->GetObject<Node>()->GetId() << ", " << m_routes.size()
       << " host routes\n";
    // Sorted, so the printout is the same on every run.
    std::map<uint32_t, Ptr<Ipv4Route>> sorted(m_routes.begin(), m_routes.end());
    for (const auto& [destination, route] : sorted)
    {
        os << std::left << std::setw(16) << route->GetDestination() << " via " << std::setw(16)
           << route->GetGateway() << " if "
           << m_ipv4->GetInterfaceForDevice(route->GetOutputDevice()) << "\n";
    }
}

void
HostRouteTable::DoDispose()
{
    m_routes.clear();
    m_ipv4 = nullptr;
    Ipv4RoutingProtocol::DoDispose();
}

HostRouteTableHelper*
HostRouteTableHelper::Copy() const
{
    return new HostRouteTableHelper(*this);
}

Ptr<Ipv4RoutingProtocol>
HostRouteTableHelper::Create(Ptr<Node> node) const
{
    return CreateObject<HostRouteTable>();
}

Ptr<HostRouteTable>
HostRouteTableHelper::Get(Ptr<Ipv4> ipv4)
{
    return DynamicCast<HostRouteTable>(ipv4->GetRoutingProtocol());
}

} // namespace ns3
