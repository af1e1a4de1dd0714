/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/routing/host-route-table.h"

#include "model/routing/framed-route-sink.h"

#include "ns3/log.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"

#include <iomanip>
#include <map>
#include <set>
#include <sstream>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintHostRouteTable");

NS_OBJECT_ENSURE_REGISTERED(HostRouteTable);

TypeId
HostRouteTable::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::HostRouteTable")
                            .SetParent<Ipv4RoutingProtocol>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<HostRouteTable>();
    return tid;
}

Ptr<Ipv4Route>
HostRouteTable::SharedRoute(Ipv4Address nextHop, uint32_t interface)
{
    NS_ABORT_MSG_IF(!m_ipv4, "HostRouteTable: no IPv4 yet");
    const uint64_t key = (static_cast<uint64_t>(nextHop.Get()) << 32) | interface;
    Ptr<Ipv4Route>& route = m_shared[key];
    if (!route)
    {
        route = Create<Ipv4Route>();
        route->SetDestination(Ipv4Address::GetAny()); // shared by many destinations
        route->SetGateway(nextHop);
        route->SetSource(m_ipv4->GetAddress(interface, 0).GetLocal());
        route->SetOutputDevice(m_ipv4->GetNetDevice(interface));
    }
    return route;
}

void
HostRouteTable::NotifySink(Ipv4Address destination, Ptr<Ipv4Route> route, bool add) const
{
    // A route to the next hop itself needs no framed route: the device knows its terminals.
    if (!route || route->GetGateway() == destination)
    {
        return;
    }
    Ptr<FramedRouteSink> sink = route->GetOutputDevice()->GetObject<FramedRouteSink>();
    if (!sink)
    {
        return;
    }
    if (add)
    {
        sink->Add(destination, route->GetGateway());
    }
    else
    {
        sink->Remove(destination);
    }
}

void
HostRouteTable::AddHostRoute(Ipv4Address destination, Ipv4Address nextHop, uint32_t interface)
{
    NS_LOG_FUNCTION(this << destination << nextHop << interface);
    Ptr<Ipv4Route> route = SharedRoute(nextHop, interface);
    Ptr<Ipv4Route>& entry = m_routes[destination.Get()];
    if (entry == route)
    {
        return;
    }
    NotifySink(destination, entry, false);
    entry = route;
    NotifySink(destination, route, true);
}

bool
HostRouteTable::RemoveHostRoute(Ipv4Address destination)
{
    auto it = m_routes.find(destination.Get());
    if (it == m_routes.end())
    {
        return false;
    }
    NotifySink(destination, it->second, false);
    m_routes.erase(it);
    return true;
}

void
HostRouteTable::SetDefaultRoute(Ipv4Address nextHop, uint32_t interface)
{
    NS_LOG_FUNCTION(this << nextHop << interface);
    Ptr<Ipv4Route> route = SharedRoute(nextHop, interface);
    if (m_default == route)
    {
        return;
    }
    NotifySink(Ipv4Address::GetAny(), m_default, false);
    m_default = route;
    NotifySink(Ipv4Address::GetAny(), route, true);
}

bool
HostRouteTable::RemoveDefaultRoute()
{
    if (!m_default)
    {
        return false;
    }
    NotifySink(Ipv4Address::GetAny(), m_default, false);
    m_default = nullptr;
    return true;
}

void
HostRouteTable::Clear()
{
    for (const auto& [destination, route] : m_routes)
    {
        NotifySink(Ipv4Address(destination), route, false);
    }
    m_routes.clear();
    RemoveDefaultRoute();
}

Ptr<Ipv4Route>
HostRouteTable::Lookup(Ipv4Address destination) const
{
    auto it = m_routes.find(destination.Get());
    return it == m_routes.end() ? m_default : it->second;
}

Ptr<Ipv4Route>
HostRouteTable::GetDefaultRoute() const
{
    return m_default;
}

uint32_t
HostRouteTable::GetNRoutes() const
{
    return m_routes.size();
}

uint32_t
HostRouteTable::GetNRouteObjects() const
{
    std::set<Ptr<Ipv4Route>> objects;
    for (const auto& [destination, route] : m_routes)
    {
        objects.insert(route);
    }
    if (m_default)
    {
        objects.insert(m_default);
    }
    return objects.size();
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
    // Nothing: the table does not route around a failed interface by itself. A router learns of
    // a failure only after a detection time (BFD, a protocol's hold timer) and moves its routes
    // after a reconvergence time; until then packets sent on the interface are lost (Ipv4L3Protocol
    // drops them there). The StaticRoutePlanner moves the routes at that time (FaultController),
    // and routes kept across a short cut still work when the interface comes back.
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
    os << "Node " << m_ipv4->GetObject<Node>()->GetId() << ", " << m_routes.size() << " host routes"
       << (m_default ? " and a default route" : "") << "\n";
    auto print = [&](const std::string& destination, Ptr<Ipv4Route> route) {
        os << std::left << std::setw(16) << destination << " via " << std::setw(16)
           << route->GetGateway() << " if "
           << m_ipv4->GetInterfaceForDevice(route->GetOutputDevice()) << "\n";
    };
    // Sorted, so the printout is the same on every run.
    std::map<uint32_t, Ptr<Ipv4Route>> sorted(m_routes.begin(), m_routes.end());
    for (const auto& [destination, route] : sorted)
    {
        std::ostringstream address;
        address << Ipv4Address(destination);
        print(address.str(), route);
    }
    if (m_default)
    {
        print("default", m_default);
    }
}

void
HostRouteTable::DoDispose()
{
    m_routes.clear();
    m_default = nullptr;
    m_shared.clear();
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

} // namespace blueprint
} // namespace ns3
